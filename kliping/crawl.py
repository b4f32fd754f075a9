"""Run crawls in this process: the engine behind ``kliping crawl`` and ``kliping demo``."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from kliping.registry import get_site


@dataclass
class CrawlResult:
    run_id: str
    out: str
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)  # per site
    status: str = "finished"


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def spider_class(key: str) -> type:
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    get_site(key)  # a clear error for unknown sites
    return SpiderLoader.from_settings(get_project_settings()).load(key)


def run_crawl(
    sites: list[str],
    out: str | os.PathLike[str],
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    mirror: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
) -> CrawlResult:
    """Crawl ``sites`` into ``out`` with Scrapy's engine; one run id, one ledger row."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kliping.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kliping.ledger import ledger_row, write_ledger_row

    project = get_project_settings()
    project.set("KLIPING_OUT", os.fspath(out), priority="cmdline")
    project.set("KLIPING_LEDGER_BY_CLI", True, priority="cmdline")
    if mirror:
        project.set("KLIPING_MIRROR", mirror, priority="cmdline")
    for key, value in (settings or {}).items():
        project.set(key, value, priority="cmdline")
    run_id = new_run_id()
    started = datetime.now(UTC)
    process = CrawlerProcess(project, install_root_handler=True)
    crawlers = []
    for key in sites:
        crawler = process.create_crawler(spider_class(key))
        crawlers.append((key, crawler))
        process.crawl(crawler, since=since, until=until, limit=limit, run_id=run_id)
    process.start()
    result = CrawlResult(run_id=run_id, out=os.fspath(out))
    reasons = []
    for key, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        result.stats[key] = stats
        reasons.append(stats.get("finish_reason"))
    if any(r not in ("finished", "closespider_itemcount") for r in reasons):
        result.status = "failed"
    write_ledger_row(
        out,
        ledger_row(
            run_id=run_id,
            sites=list(sites),
            since=since,
            until=until,
            started_at=started,
            status=result.status,
            stats=list(result.stats.values()),
        ),
    )
    return result
