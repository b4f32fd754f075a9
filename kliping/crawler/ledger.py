"""The run ledger: ``<out>/runs/``, one row per run (a crawl, a cluster site run, an ingest).

A run writes a ``running`` row when it starts and its final row when it ends
(:mod:`kliping.crawler.lifecycle` writes both); readers keep the last row of each run. A run that
never wrote its final row and no longer holds the output lock was killed.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kliping.dataset.storage import PartWriter, read_dataset

# the ledger's status vocabulary (RUNS.status)
RUNNING = "running"
FINISHED = "finished"
FAILED = "failed"
HEALTH_FAILED = "health_failed"
KILLED = "killed"  # a running row whose run holds no lock; written by the next run or verify --repair
FINAL = (FINISHED, FAILED, KILLED, HEALTH_FAILED)

# what ran (RUNS.job): a crawl's window says what was fetched up to when; an ingest's (WARC,
# CC-NEWS) says which archive was read, and a reclean has none, so only crawls count for since=last
# and as a crawl's health baseline
CRAWL = "crawl"
INGEST = "ingest"
RECLEAN = "reclean"
JOBS = (CRAWL, INGEST, RECLEAN)


def is_crawl(row: Mapping[str, Any]) -> bool:
    """A crawl's row (rows written before the ``job`` column are all crawls')."""
    return row.get("job") in (None, CRAWL)


def _sum(stats: Iterable[Mapping[str, Any]], key: str) -> int:
    return int(sum(int(s.get(key, 0) or 0) for s in stats))


def _prefixed(stats: Iterable[Mapping[str, Any]], prefix: str, suffix: str = "") -> dict[str, int]:
    out: Counter[str] = Counter()
    for s in stats:
        for key, value in s.items():
            if key.startswith(prefix) and key.endswith(suffix):
                out[key[len(prefix) : len(key) - len(suffix) if suffix else None]] += int(value)
    return dict(sorted(out.items()))


def ledger_row(
    *,
    run_id: str,
    sites: list[str],
    since: date | None,
    until: date | None,
    started_at: datetime,
    status: str,
    stats: list[Mapping[str, Any]],
    health: Mapping[str, Any] | None = None,
    job: str = CRAWL,
) -> dict[str, Any]:
    if job not in JOBS:
        raise ValueError(f"job: expected one of {JOBS}, got {job!r}")
    return {
        "run_id": run_id,
        "sites": sites,
        "since": since,
        "until": until,
        "started_at": started_at,
        "finished_at": datetime.now(UTC) if status in FINAL else None,
        "status": status,
        "job": job,
        "requests": _sum(stats, "downloader/request_count"),
        "responses": _sum(stats, "downloader/response_count"),
        "responses_by_status": _prefixed(stats, "downloader/response_status_count/"),
        "articles_new": _sum(stats, "kliping/articles/new"),
        "articles_skipped": _sum(stats, "kliping/articles/skipped_known"),
        "errors": _sum(stats, "kliping/errors"),
        "fields_missing": _prefixed(stats, "kliping/field/", "/missing"),
        "health": json.dumps(dict(health or {}), sort_keys=True, default=str),
    }


def write_ledger_row(out: str | os.PathLike[str], row: Mapping[str, Any]) -> None:
    writer = PartWriter(out, "runs", run_id=str(row["run_id"]))
    writer.add(row)
    writer.close()


def close_dead_runs(out: str | os.PathLike[str], own_run_id: str) -> list[str]:
    """Write the ``killed`` row of every run left ``running`` by a process that died (SIGKILL,
    OOM, power): the caller holds the output's lock, so no other run is live. A killed run
    resumed by the next one then leaves a ledger ``kliping verify`` finds sound (it reported
    "still 'running' but no live run holds the lock", exit 1, until ``verify --repair``).
    Returns their run ids."""
    runs = Path(out) / "runs"
    if not runs.is_dir():
        return []
    from kliping.dataset.storage import BadOutputError, BadPartsError

    try:
        rows = read_dataset(runs, "runs").to_pylist()
    except BadPartsError as exc:  # pages corrupt behind a sound footer: named, with the way on
        raise BadOutputError(out, exc.bad) from None
    last: dict[str, dict[str, Any]] = {}
    ended: set[str] = set()
    for row in rows:
        if row["status"] in FINAL:
            ended.add(row["run_id"])
        last[row["run_id"]] = row
    dead = [rid for rid in last if rid not in ended and rid != own_run_id]
    for rid in dead:
        row = dict(last[rid], status=KILLED)
        for key in ("responses_by_status", "fields_missing"):
            row[key] = dict(row[key] or [])  # Arrow maps come back as lists of pairs
        write_ledger_row(out, row)
    return dead


def lock_holder(out: str | os.PathLike[str]) -> str | None:
    """The run id holding ``<out>``'s lock, or None when no live run holds it."""
    path = Path(out) / ".kliping.lock"
    if not path.exists():
        return None
    with open(path, encoding="utf-8", errors="replace") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                holder = json.loads(fh.read() or "{}")
            except json.JSONDecodeError:
                return "?"
            return str(holder.get("run_id")) if isinstance(holder, dict) else "?"
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    return None


def read_ledger(out: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """One row per run, oldest first; unfinished runs no longer holding the lock are ``killed``.
    Raises ``kliping.dataset.storage.BadOutputError`` naming a ledger part that cannot be read."""
    from kliping.dataset.storage import BadOutputError, BadPartsError

    try:
        rows = read_dataset(os.path.join(os.fspath(out), "runs"), "runs").to_pylist()
    except BadPartsError as exc:
        raise BadOutputError(out, exc.bad) from None
    live = lock_holder(out)
    by_run: dict[str, dict[str, Any]] = {}
    for row in rows:
        prev = by_run.get(row["run_id"])
        if prev is None or (prev["status"] == "running" and row["status"] != "running"):
            by_run[row["run_id"]] = row
    for row in by_run.values():
        for key in ("responses_by_status", "fields_missing"):
            row[key] = dict(row[key] or [])  # Arrow maps come back as lists of pairs
        if row["status"] == "running" and row["run_id"] != live:
            row["status"] = "killed"
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(by_run.values(), key=lambda r: r["started_at"] or epoch)


def last_success(out: str | os.PathLike[str], site: str) -> dict[str, Any] | None:
    """The last finished crawl of ``site`` (an ingest or a reclean is no crawl window)."""
    runs = [r for r in read_ledger(out)
            if r["status"] == "finished" and is_crawl(r) and site in (r["sites"] or [])]
    return runs[-1] if runs else None
