"""The run ledger: ``<out>/runs/``, one Parquet row per crawl run."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from kliping.storage import PartWriter, read_dataset


def _sum(stats: Iterable[Mapping[str, Any]], key: str) -> int:
    return int(sum(int(s.get(key, 0) or 0) for s in stats))


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
) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "sites": sites,
        "since": since,
        "until": until,
        "started_at": started_at,
        "finished_at": datetime.now(UTC),
        "status": status,
        "requests": _sum(stats, "downloader/request_count"),
        "responses": _sum(stats, "downloader/response_count"),
        "articles_new": _sum(stats, "kliping/articles/new"),
        "articles_skipped": _sum(stats, "kliping/articles/skipped_known"),
        "errors": _sum(stats, "kliping/errors"),
        "health": json.dumps(dict(health or {}), sort_keys=True, default=str),
    }


def write_ledger_row(out: str | os.PathLike[str], row: Mapping[str, Any]) -> None:
    writer = PartWriter(out, "runs", run_id=str(row["run_id"]))
    writer.add(row)
    writer.close()


def read_ledger(out: str | os.PathLike[str]) -> list[dict[str, Any]]:
    rows = read_dataset(os.path.join(os.fspath(out), "runs"), "runs").to_pylist()
    return sorted(rows, key=lambda r: r["started_at"] or datetime.min.replace(tzinfo=UTC))
