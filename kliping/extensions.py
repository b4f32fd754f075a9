"""Crawl-level extensions: the run ledger row for plain ``scrapy crawl`` runs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from scrapy import signals

from kliping.ledger import ledger_row, write_ledger_row


class RunLedger:
    """Writes one ``<out>/runs/`` row when a spider closes, unless the CLI writes it."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.started_at = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunLedger:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        settings = self.crawler.settings
        if settings.getbool("KLIPING_LEDGER_BY_CLI"):
            return
        stats = self.crawler.stats.get_stats()
        row = ledger_row(
            run_id=spider.run_id,
            sites=[spider.name],
            since=getattr(spider, "since", None),
            until=getattr(spider, "until", None),
            started_at=self.started_at,
            status="finished" if reason == "finished" else "failed",
            stats=[stats],
        )
        write_ledger_row(settings.get("KLIPING_OUT"), row)
