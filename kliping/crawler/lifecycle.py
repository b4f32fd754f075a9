"""One run lifecycle, for every run that writes an output directory.

Open: take the output's lock (one run at a time), sweep the temp files a killed run left, write
its ``killed`` ledger row, repair the raw rows it left uncleaned (:mod:`kliping.crawler.repair`),
write the ``running`` ledger row.
Close: check each site's health against its last good run (:mod:`kliping.crawler.health`), decide
the status (``finished``, ``failed``, ``health_failed``) and write the final ledger row.

Used by ``kliping crawl`` (:func:`kliping.crawler.run.run_crawl`, one run around all its spiders),
``scrapy crawl`` and Scrapyd (:class:`kliping.crawler.extensions.RunLedger`), the last worker of a
cluster run (:class:`kliping.cluster.extension.ClusterRun`, which writes only the final row: the
run is shared, the output is not locked), ``kliping ingest`` (:mod:`kliping.warc.ingest`) and
``kliping reclean`` (the lock, the run id and its two rows; no repair: it cleans every raw row).
Each row names its ``job`` (crawl, ingest, reclean): ``since=last`` and a crawl's health baseline
read crawl rows only, since an ingest's or a reclean's window says nothing of what was fetched
when (an ingest without ``--until`` once moved ``since=last`` to the day it finished).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from kliping.crawler.ledger import CRAWL, FAILED, FINISHED, HEALTH_FAILED, RUNNING
from kliping.crawler.runlock import RunLock

# how a spider may close and its run still count as done: the end of its sources, or its --limit
OK_REASONS = ("finished", "closespider_itemcount")


def new_run_id() -> str:
    """The id of a new run: its start in UTC, sortable, and a random suffix (``20240108T030000Z-1a2b3c``)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def final_status(failed: bool, health: Mapping[str, Any] | None = None) -> str:
    """``failed`` when the run failed, else ``health_failed`` when a site's health check failed,
    else ``finished``."""
    if failed:
        return FAILED
    if health is not None and not health.get("ok", True):
        return HEALTH_FAILED
    return FINISHED


def crawler_failed(crawler: Any, reason: str | None) -> bool:
    """Did this crawler's spider fail: closed for another reason than :data:`OK_REASONS`, or
    stopped by a write error?"""
    from kliping.pipelines.writers import write_failure

    stats = crawler.stats.get_stats() if crawler.stats else {}
    return (reason not in OK_REASONS or write_failure(crawler) is not None
            or bool(stats.get("kliping/write_error")))


class Run:
    """One run of an output directory: its id, sites and window; its ledger rows; its lock."""

    def __init__(
        self,
        out: str | os.PathLike[str],
        sites: list[str],
        *,
        run_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        started_at: datetime | None = None,
        job: str = CRAWL,
    ) -> None:
        self.out = os.fspath(out)
        self.job = job
        self.sites = list(sites)
        self.run_id = run_id or new_run_id()
        self.since = since
        self.until = until
        self.started_at = started_at or datetime.now(UTC)
        self.lock: RunLock | None = None
        self.repaired = 0

    # -- open ---------------------------------------------------------------------------------------
    def acquire(self) -> Run:
        """Take the output's lock: ``OutputLocked`` when a live run holds it, ``OutputNotWritable``
        when it cannot be written (nothing has run then)."""
        self.lock = RunLock(self.out, self.run_id).acquire()
        return self

    def open(
        self,
        *,
        repair_sites: list[str] | None = None,
        partitions: dict[str, str] | None = None,
        health: Mapping[str, Any] | None = None,
    ) -> int:
        """Sweep temp files, repair what killed or failed runs of ``repair_sites`` (default the
        run's sites; ``partitions`` maps a ledger key to its ``site=`` partition where they differ)
        left uncleaned, write the ``running`` row. Returns the rows repaired; raises
        ``kliping.dataset.storage.WriteError`` when the output cannot be written, and
        ``kliping.dataset.storage.BadOutputError`` (before anything is written) when a part of
        those sites or of the ledger cannot be read."""
        from kliping.crawler.ledger import close_dead_runs
        from kliping.crawler.repair import repair
        from kliping.dataset.storage import check_output, remove_temp_files

        sites = self.sites if repair_sites is None else repair_sites
        # a bad part would stop the repair, the seen set or the ledger half-way, in a traceback
        check_output(self.out, [(partitions or {}).get(s, s) for s in sites])
        remove_temp_files(self.out)
        close_dead_runs(self.out, self.run_id)  # under the lock: a run left running is dead
        self.repaired = repair(self.out, sites, self.run_id, partitions) if sites else 0
        self.record(RUNNING, [], health)
        return self.repaired

    # -- close --------------------------------------------------------------------------------------
    def health(self, stats_by_site: Mapping[str, Mapping[str, Any]],
               thresholds: Mapping[str, float] | None = None) -> dict[str, Any]:
        """Each site's health against its last finished run: ``{"sites", "ok", "report"}``."""
        from kliping.crawler.health import check_site, previous_site_health, report
        from kliping.crawler.ledger import read_ledger

        ledger = read_ledger(self.out)
        sites = {key: check_site(key, stats, previous_site_health(ledger, key, self.job), thresholds)
                 for key, stats in stats_by_site.items()}
        health: dict[str, Any] = {"sites": sites, "ok": all(s["ok"] for s in sites.values())}
        health["report"] = report(health)
        return health

    def close(self, status: str, stats: list[Mapping[str, Any]],
              health: Mapping[str, Any] | None = None) -> str | None:
        """Write the final row; None, or the one line saying why the ledger could not record it
        (the run then shows as ``killed`` once its lock is gone)."""
        from kliping.dataset.storage import WriteError

        try:
            self.record(status, stats, health)
        except WriteError as exc:
            return str(exc)
        return None

    def record(self, status: str, stats: list[Mapping[str, Any]],
               health: Mapping[str, Any] | None = None) -> None:
        """Write a ledger row of this run (``WriteError`` when it cannot be written)."""
        from kliping.crawler.ledger import ledger_row, write_ledger_row

        write_ledger_row(self.out, ledger_row(
            run_id=self.run_id, sites=self.sites, since=self.since, until=self.until,
            started_at=self.started_at, status=status, stats=stats, health=health, job=self.job,
        ))

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Run:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
