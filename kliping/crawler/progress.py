"""A crawl that shows itself: progress per site while Scrapy's log stays quiet.

On a terminal, a live table on stderr (one row per site: listing pages read / queued, articles
fetched, new, skipped as known, errors, pages per second, and an ETA once every listing page is
read and the number of articles left is known). Off a terminal (cron, Scrapyd, a pipe), one plain
status line per site every ``KLIPING_PROGRESS_INTERVAL`` seconds (60 by default) instead.

Settings: ``KLIPING_PROGRESS`` = ``auto`` (default: live table on a terminal, lines otherwise),
``lines``, ``live`` or ``off``; ``KLIPING_PROGRESS_INTERVAL`` (seconds between lines; the live
table refreshes every second).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals


@dataclass
class SiteProgress:
    site: str
    started: float = field(default_factory=time.monotonic)
    listing_queued: int = 0
    listing_read: int = 0
    article_queued: int = 0
    article_done: int = 0
    responses: int = 0

    def row(self, stats: Any) -> dict[str, Any]:
        get = stats.get_value
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.responses / elapsed
        # requests that failed for good got no response: the error count stands in for them
        left = max(self.article_queued - self.article_done - stats.get_value("kliping/errors", 0), 0)
        listings_done = self.listing_read >= self.listing_queued
        eta = left / rate if listings_done and rate > 0 else None
        return {
            "site": self.site,
            "listings": f"{self.listing_read}/{self.listing_queued}",
            "fetched": get("kliping/raw/archived", 0),
            "new": get("kliping/articles/new", 0),
            "skipped": get("kliping/articles/skipped_known", 0),
            "errors": get("kliping/errors", 0),
            "pages_s": rate,
            "eta": eta,
        }


def status_line(row: dict[str, Any]) -> str:
    """One plain line: what cron mail and Scrapyd logs show."""
    eta = f", ETA {_clock(row['eta'])}" if row["eta"] is not None else ""
    return (f"kliping: {row['site']}: listing pages {row['listings']}, articles fetched "
            f"{row['fetched']} (new {row['new']}, skipped {row['skipped']}), errors {row['errors']}, "
            f"{row['pages_s']:.1f} pages/s{eta}")


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class _Board:
    """The live table every site's extension writes its row into (one per process)."""

    live: Any = None
    rows: dict[str, dict[str, Any]] = {}  # one board per process
    users = 0

    @classmethod
    def open(cls) -> None:
        cls.users += 1
        if cls.live is None:
            from rich.console import Console
            from rich.live import Live

            cls.live = Live(console=Console(stderr=True), refresh_per_second=2, transient=False)
            cls.live.start()

    @classmethod
    def update(cls, row: dict[str, Any]) -> None:
        cls.rows[row["site"]] = row
        if cls.live is None:
            return
        from rich.table import Table

        table = Table(box=None, pad_edge=False)
        for name in ("site", "listing pages", "fetched", "new", "skipped", "errors", "pages/s", "ETA"):
            table.add_column(name, justify="left" if name == "site" else "right")
        for r in cls.rows.values():
            table.add_row(r["site"], r["listings"], str(r["fetched"]), str(r["new"]), str(r["skipped"]),
                          str(r["errors"]), f"{r['pages_s']:.1f}",
                          _clock(r["eta"]) if r["eta"] is not None else "")
        cls.live.update(table)

    @classmethod
    def close(cls) -> None:
        cls.users -= 1
        if cls.users <= 0 and cls.live is not None:
            cls.live.stop()
            cls.live = None
            cls.rows = {}


class Progress:
    """Scrapy extension: counts listing and article requests by their meta, shows them per site."""

    def __init__(self, crawler: Any, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.site: SiteProgress | None = None
        self.task: Any = None
        self.last_line = 0.0

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        from scrapy.exceptions import NotConfigured

        mode = crawler.settings.get("KLIPING_PROGRESS", "auto")
        if mode == "off":
            raise NotConfigured
        if mode == "auto":
            mode = "live" if sys.stderr.isatty() else "lines"
        ext = cls(crawler, mode, crawler.settings.getfloat("KLIPING_PROGRESS_INTERVAL", 60.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def spider_opened(self, spider: Any) -> None:
        from twisted.internet import task

        site = getattr(getattr(spider, "site", None), "key", None) or spider.name
        self.site = SiteProgress(site)
        self.last_line = time.monotonic()
        if self.mode == "live":
            _Board.open()
        self.task = task.LoopingCall(self.tick)
        self.task.start(1.0 if self.mode == "live" else min(self.interval, 5.0), now=False)

    def request_scheduled(self, request: Any, spider: Any = None) -> None:
        if self.site is None:
            return
        if request.meta.get("kliping_listing"):
            self.site.listing_queued += 1
        elif request.meta.get("kliping_via"):
            self.site.article_queued += 1

    def response_received(self, response: Any, request: Any, spider: Any = None) -> None:
        if self.site is None:
            return
        self.site.responses += 1
        if request.meta.get("kliping_listing"):
            self.site.listing_read += 1
        elif request.meta.get("kliping_via"):
            self.site.article_done += 1

    def tick(self) -> None:
        if self.site is None:
            return
        row = self.site.row(self.crawler.stats)
        if self.mode == "live":
            _Board.update(row)
        elif time.monotonic() - self.last_line >= self.interval:
            self.last_line = time.monotonic()
            print(status_line(row), file=sys.stderr, flush=True)

    def spider_closed(self, spider: Any) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        if self.mode == "live" and self.site is not None:
            _Board.update(self.site.row(self.crawler.stats))
            _Board.close()
