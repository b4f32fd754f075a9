"""Run bookkeeping for plain ``scrapy crawl`` and Scrapyd jobs.

``kliping crawl`` does this itself around all its spiders (one lock, one ledger row per run); a
``scrapy crawl SITE`` or Scrapyd job gets the same guarantees here: the output lock, the repair of
a killed run's leftovers, the ``running`` and final ledger rows, and the health checks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from scrapy import signals

from kliping.health import check_site, previous_site_health, report
from kliping.ledger import ledger_row, read_ledger, write_ledger_row
from kliping.repair import repair
from kliping.runlock import OutputLocked, RunLock
from kliping.storage import remove_temp_files


class RunLedger:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.started_at = datetime.now(UTC)
        self.lock: RunLock | None = None
        self.locked_out = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunLedger:
        ext = cls(crawler)
        if crawler.settings.getbool("KLIPING_LEDGER_BY_CLI"):
            return ext  # kliping crawl keeps the ledger itself, around all its spiders
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _args(self, spider: Any) -> dict[str, Any]:
        return {
            "run_id": spider.run_id,
            "sites": [spider.name],
            "since": getattr(spider, "since", None),
            "until": getattr(spider, "until", None),
            "started_at": self.started_at,
        }

    def spider_opened(self, spider: Any) -> None:
        out = self.crawler.settings.get("KLIPING_OUT")
        try:
            self.lock = RunLock(out, spider.run_id).acquire()
        except OutputLocked as exc:
            self.locked_out = True
            spider.locked_out = True  # NewsSpider.start() then yields nothing
            spider.logger.error(str(exc))
            self.crawler.stats.set_value("kliping/output_locked", 1)
            return
        remove_temp_files(out)
        repaired = repair(out, [spider.name], spider.run_id)
        if repaired:
            spider.logger.info("repaired %d raw rows left uncleaned by a killed run", repaired)
        write_ledger_row(out, ledger_row(**self._args(spider), status="running", stats=[]))

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.locked_out:
            return
        out = self.crawler.settings.get("KLIPING_OUT")
        stats = self.crawler.stats.get_stats()
        site = check_site(
            spider.name, stats, previous_site_health(read_ledger(out), spider.name),
            self.crawler.settings.getdict("KLIPING_HEALTH"),
        )
        health = {"sites": {spider.name: site}, "ok": site["ok"]}
        health["report"] = report(health)
        status = "finished" if reason == "finished" else "failed"
        if status == "finished" and not site["ok"]:
            status = "health_failed"
            spider.logger.error(health["report"])
        write_ledger_row(out, ledger_row(**self._args(spider), status=status, stats=[stats],
                                         health=health))
        if self.lock is not None:
            self.lock.release()
