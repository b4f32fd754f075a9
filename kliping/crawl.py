"""Run crawls in this process: the engine behind ``kliping crawl`` and ``kliping demo``.

A run: take the output's lock (one run at a time), finish what a killed run left uncleaned,
record a ``running`` ledger row, crawl every site with Scrapy's engine under one run id, check
each site's health, and record the final ledger row.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from kliping.registry import get_site


@dataclass
class CrawlResult:
    run_id: str
    out: str
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)  # per site
    status: str = "finished"
    health: dict[str, Any] = field(default_factory=dict)
    repaired: int = 0


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def spider_class(key: str) -> type:
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    if key != "generic":
        get_site(key)  # a clear error for unknown sites
    return SpiderLoader.from_settings(get_project_settings()).load(key)


def since_last(out: str | os.PathLike[str], key: str) -> date | None:
    """``--since last``: the local day the last finished run of the site ended (None: never)."""
    from kliping.ledger import last_success
    from kliping.sites.base import ZONES

    run = last_success(out, key)
    if run is None or run["finished_at"] is None:
        return None
    zone = timezone(timedelta(hours=ZONES[get_site(key).zone]))
    return run["finished_at"].astimezone(zone).date()


def run_crawl(
    sites: list[str],
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    until: date | None = None,
    limit: int | None = None,
    mirror: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
    spider_kwargs: dict[str, Any] | None = None,
    redis: str | None = None,
    run: str | None = None,
) -> CrawlResult:
    """Crawl ``sites`` into ``out``; ``since="last"`` resumes each site where it last ended.

    Raises ``kliping.runlock.OutputLocked`` when another live run holds ``out``. With ``redis``
    (a ``redis://`` URL) this process is one worker of a cluster sharing a frontier on Redis
    (``kliping.distributed``, docs/cluster.md): no output lock, and the ledger row of each site is
    written by the last worker to finish it.
    """
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kliping.settings")

    from kliping.health import check_site, previous_site_health, report
    from kliping.ledger import ledger_row, read_ledger, write_ledger_row
    from kliping.repair import repair
    from kliping.runlock import RunLock
    from kliping.storage import keep_pandas_out, remove_temp_files

    keep_pandas_out()
    out = os.fspath(out)
    run_id = new_run_id()
    settings = dict(settings or {})
    if redis:
        settings["KLIPING_REDIS_URL"] = redis
    if run:
        settings["KLIPING_RUN"] = run
    if settings.get("KLIPING_REDIS_URL"):
        return _run_worker(sites, out, run_id, since, until, limit, mirror, settings, spider_kwargs)
    lock = RunLock(out, run_id).acquire()
    try:
        project = _project(out, mirror, settings)
        result = CrawlResult(run_id=run_id, out=out)
        remove_temp_files(out)
        result.repaired = repair(out, sites, run_id)
        site_since = _site_since(out, sites, since)
        window_since = None if since == "last" else since
        started = datetime.now(UTC)
        ledger_args: dict[str, Any] = {
            "run_id": run_id, "sites": list(sites), "since": window_since, "until": until,
            "started_at": started,
        }
        write_ledger_row(out, ledger_row(**ledger_args, status="running", stats=[]))
        crawlers = _crawl(project, sites, site_since, until, limit, run_id, spider_kwargs)
        reasons = []
        for key, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            result.stats[key] = stats
            reasons.append(stats.get("finish_reason"))
        if any(r not in ("finished", "closespider_itemcount") for r in reasons):
            result.status = "failed"
        ledger = read_ledger(out)
        thresholds = project.getdict("KLIPING_HEALTH")
        result.health = {
            "sites": {
                key: check_site(key, result.stats[key], previous_site_health(ledger, key), thresholds)
                for key in sites
            }
        }
        result.health["ok"] = all(s["ok"] for s in result.health["sites"].values())
        result.health["report"] = report(result.health)
        if result.status == "finished" and not result.health["ok"]:
            result.status = "health_failed"
        write_ledger_row(
            out, ledger_row(**ledger_args, status=result.status, stats=list(result.stats.values()),
                            health=result.health)
        )
        return result
    finally:
        lock.release()


def _site_since(out: str, sites: list[str], since: date | str | None) -> dict[str, date | None]:
    """Each site's first day: ``since`` itself, or with ``"last"`` where its last run ended."""
    if since != "last":
        return {key: since for key in sites}  # type: ignore[misc]
    return {key: None if key == "generic" else since_last(out, key) for key in sites}


def _crawl(
    project: Any, sites: list[str], site_since: dict[str, date | None], until: date | None,
    limit: int | None, run_id: str, spider_kwargs: dict[str, Any] | None,
) -> list[tuple[str, Any]]:
    """Run one spider per site in this process, to the end; the crawlers, for their stats."""
    from scrapy.crawler import CrawlerProcess

    process = CrawlerProcess(project)
    crawlers = []
    for key in sites:
        crawler = process.create_crawler(spider_class(key))
        crawlers.append((key, crawler))
        process.crawl(crawler, since=site_since[key], until=until, limit=limit, run_id=run_id,
                      **(spider_kwargs or {}).get(key, {}))
    process.start()
    return crawlers


def _project(out: str, mirror: dict[str, str] | None, settings: dict[str, Any]) -> Any:
    from scrapy.utils.project import get_project_settings

    project = get_project_settings()
    project.set("KLIPING_OUT", out, priority="cmdline")
    project.set("KLIPING_LEDGER_BY_CLI", True, priority="cmdline")
    if mirror:
        project.set("KLIPING_MIRROR", mirror, priority="cmdline")
    for key, value in settings.items():
        project.set(key, value, priority="cmdline")
    return project


def _run_worker(
    sites: list[str], out: str, run_id: str, since: date | str | None, until: date | None,
    limit: int | None, mirror: dict[str, str] | None, settings: dict[str, Any],
    spider_kwargs: dict[str, Any] | None,
) -> CrawlResult:
    """One worker of a Redis cluster (kliping.distributed): the run is shared, so no lock, no
    repair or temp-file sweep of the shared output (other workers are writing it), and the
    ledger row of a site comes from the worker that finishes it last (``ClusterRun.finish``)."""

    project = _project(out, mirror, settings)
    crawlers = _crawl(project, sites, _site_since(out, sites, since), until, limit, run_id,
                      spider_kwargs)
    result = CrawlResult(run_id=run_id, out=out)
    sites_health: dict[str, Any] = {}
    for key, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        result.stats[key] = stats
        if stats.get("finish_reason") not in ("finished", "closespider_itemcount"):
            result.status = "failed"
        cluster = getattr(crawler, "kliping_cluster", None)
        if cluster is not None:
            result.run_id = crawler.spider.run_id
            if cluster.result is not None:  # this worker finished the site's run
                sites_health[key] = cluster.result["health"]["sites"][key]
                if cluster.result["status"] != "finished" and result.status == "finished":
                    result.status = cluster.result["status"]
    if sites_health:
        from kliping.health import report

        result.health = {"sites": sites_health, "ok": all(s["ok"] for s in sites_health.values())}
        result.health["report"] = report(result.health)
    return result
