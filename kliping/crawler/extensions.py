"""Run bookkeeping for plain ``scrapy crawl`` and Scrapyd jobs.

``kliping crawl`` does this itself around all its spiders (one lock, one ledger row per run); a
``scrapy crawl SITE`` or Scrapyd job gets the same guarantees here: the output lock, the repair of
a killed run's leftovers, the ``running`` and final ledger rows, and the health checks.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.exceptions import CloseSpider

from kliping.crawler.lifecycle import Run, crawler_failed, final_status
from kliping.crawler.run import resolve_since
from kliping.crawler.runlock import OutputLocked
from kliping.dataset.storage import BadPartsError, WriteError


class RunLedger:
    """Also where every entry point resolves ``since=last`` (``kliping.crawler.run.resolve_since``),
    before the spider's first request."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.run: Run | None = None  # the run's lifecycle, once the spider opens (not by_cli)
        self.locked_out = False  # no ledger row of ours: another run's output, or no run at all
        self.by_cli = crawler.settings.getbool("KLIPING_LEDGER_BY_CLI")

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunLedger:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        if not ext.by_cli:  # kliping crawl keeps the ledger itself, around all its spiders
            crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _refuse(self, spider: Any, reason: str, message: str) -> None:
        """Stop before the first request: one line (the command prints it under kliping crawl)."""
        self.locked_out = True
        spider.locked_out = True  # NewsSpider.start() then yields nothing
        self.crawler.stats.set_value(f"kliping/{reason}", message)
        if not self.by_cli:
            spider.logger.error(message)
        raise CloseSpider(reason)

    def spider_opened(self, spider: Any) -> None:
        out = self.crawler.settings.get("KLIPING_OUT")
        if self.crawler.settings.get("KLIPING_REDIS_UNREACHABLE"):  # the RedisFrontier add-on
            self._refuse(spider, "redis_unreachable", self.crawler.settings["KLIPING_REDIS_UNREACHABLE"])
        if getattr(spider, "window_error", None):  # a bad -a since/until (NewsSpider.from_crawler)
            self._refuse(spider, "bad_window", spider.window_error)
        try:
            resolve_since(spider, out)
        except ValueError as exc:
            self._refuse(spider, "bad_window", str(exc))
        if self.by_cli:
            return
        # since "last" is resolved above: the ledger records the window the spider crawls
        run = Run(out, [spider.name], run_id=spider.run_id, since=getattr(spider, "since", None),
                  until=getattr(spider, "until", None))
        try:
            self.run = run.acquire()
        except OutputLocked as exc:
            self.crawler.stats.set_value("kliping/output_locked", 1)
            self._refuse(spider, "output_locked", str(exc))
        except WriteError as exc:
            self._refuse(spider, "write_error", f"{exc}: stopping the crawl")
        try:
            site = getattr(spider, "site", None)
            repaired = run.open(partitions={spider.name: site.key} if site is not None else None)
            if repaired:
                spider.logger.info("repaired %d raw rows left uncleaned by a killed or failed run", repaired)
        except BadPartsError as exc:  # nothing written: no ledger row, the lock given back
            run.release()
            self._refuse(spider, "bad_part", f"{exc}: not crawling")
        except WriteError as exc:  # the lock is ours: spider_closed records the run as failed
            self.crawler.stats.set_value("kliping/write_error", str(exc))
            spider.logger.error("%s: stopping the crawl", exc)
            spider.locked_out = True
            raise CloseSpider("write_error") from None

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.locked_out or self.run is None:
            return
        try:
            self._close(spider, reason)
        finally:
            self.run.release()

    def _close(self, spider: Any, reason: str) -> None:
        assert self.run is not None
        stats = self.crawler.stats.get_stats()
        health = self.run.health({spider.name: stats}, self.crawler.settings.getdict("KLIPING_HEALTH"))
        status = final_status(crawler_failed(self.crawler, reason), health)
        if status == "health_failed":
            spider.logger.error(health["report"])
        error = self.run.close(status, [stats], health)
        if error is not None:
            spider.logger.error("the run ledger could not record the end of run %s (%s): %s",
                                spider.run_id, status, error)
