"""Helpers shared by subcommands: argument parsing that fails with a one-line message."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from kliping.cli import UsageError, shown

__all__ = ["shown"]  # re-exported: the commands import it from here

def console(**kwargs: object):  # noqa: ANN201 (a rich Console, imported late)
    """A rich Console that prints text as it is: no markup (``[/]`` in an output path or a site
    name raised MarkupError after a finished crawl; ``[red]`` vanished from it), no emoji codes."""
    from rich.console import Console

    return Console(markup=False, emoji=False, **kwargs)  # type: ignore[arg-type]


def day_arg(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: expected a date YYYY-MM-DD, got {value!r}") from None


def mirror_arg(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    try:
        mirror = json.loads(value)
    except json.JSONDecodeError as exc:
        raise UsageError(f"--mirror: not JSON ({exc.msg})") from None
    if not isinstance(mirror, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in mirror.items()
    ):
        raise UsageError('--mirror: expected a JSON object {"host": "http://127.0.0.1:PORT/host"}')
    return mirror


def add_skip_bad(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--skip-bad", action="store_true",
        help="leave out unreadable or wrong-schema parts (each named on stderr) instead of stopping"
        " with exit 2",
    )


def report_skipped(command: str, skipped: list) -> None:  # list[kliping.dataset.storage.BadPart]
    """One stderr line per part left out by --skip-bad, then the count."""
    for bad in skipped:
        print(f"kliping {command}: skipped bad part {shown(bad.line())}", file=sys.stderr)
    if skipped:
        print(f"kliping {command}: skipped {len(skipped)} bad part(s)", file=sys.stderr)


def dir_arg(option: str, value: str) -> Path:
    """An existing directory to read."""
    p = Path(value)
    if not p.exists():
        raise UsageError(f"{option}: no such directory: {value}")
    if not p.is_dir():
        raise UsageError(f"{option}: not a directory: {value}")
    return p


def out_dir_arg(option: str, value: str) -> Path:
    """A directory to write into (it or its nearest existing parent must be a writable
    directory); checked before any work starts, and nothing is created here."""
    p = Path(value)
    probe = p
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise UsageError(f"{option}: not a directory: {probe}")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"{option}: not writable: {probe}")
    return p


OUTPUT_DATASETS = ("raw", "articles", "errors", "runs")


def _is_output(path: Path) -> bool:
    """A kliping output: its lock, or its ledger or archive directory."""
    return (path / ".kliping.lock").is_file() or any((path / d).is_dir() for d in ("runs", "raw"))


def not_inside_a_dataset(option: str, value: str | os.PathLike[str]) -> None:
    """Refuse an output directory that is, or lies inside, a dataset directory (``raw/``,
    ``articles/``, ``errors/``, ``runs/``) of a kliping output: that output's readers (the
    crawl's seen set, stats, export, reclean, verify) walk those directories recursively and
    took what was written there for their own (``export OUT --out OUT/raw`` put 47 article rows
    into the raw archive; ``reclean OUT --out OUT/articles`` doubled every article)."""
    path = Path(os.path.abspath(value))
    for ancestor in (path, *path.parents):
        if ancestor.name in OUTPUT_DATASETS and _is_output(ancestor.parent):
            raise UsageError(
                f"{option}: {value} is inside {ancestor.name}/ of the kliping output {ancestor.parent}, "
                "whose readers would take it for their own: use a directory of its own"
            )


def job_progress(job: str, unit: str, off: bool = False):  # noqa: ANN201 (a JobProgress, imported late)
    """``job``'s progress display as ``KLIPING_PROGRESS`` asks (``off`` forces it off); a bad
    value of that setting or of ``KLIPING_PROGRESS_INTERVAL`` is a usage error, before any work."""
    from kliping.crawler.progress import JobProgress, ProgressSettingError

    try:
        return JobProgress(job, unit=unit, mode="off" if off else None)
    except ProgressSettingError as exc:
        raise UsageError(str(exc)) from None
