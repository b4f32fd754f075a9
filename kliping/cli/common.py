"""Helpers shared by subcommands: argument parsing that fails with a one-line message."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from kliping.cli import UsageError


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
        print(f"kliping {command}: skipped bad part {bad.line()}", file=sys.stderr)
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


def job_progress(job: str, unit: str, off: bool = False):  # noqa: ANN201 (a JobProgress, imported late)
    """``job``'s progress display as ``KLIPING_PROGRESS`` asks (``off`` forces it off); a bad
    value of that setting or of ``KLIPING_PROGRESS_INTERVAL`` is a usage error, before any work."""
    from kliping.crawler.progress import JobProgress, ProgressSettingError

    try:
        return JobProgress(job, unit=unit, mode="off" if off else None)
    except ProgressSettingError as exc:
        raise UsageError(str(exc)) from None
