"""The Parquet writers of one crawl, shared by its pipelines.

Raw, article and error rows are flushed together, raw parts first: a crawl killed between two
part files can leave raw rows whose article is missing (``kliping.repair`` cleans those on the
next run) but never an article whose raw row is missing (which would be fetched, and stored,
twice).
"""

from __future__ import annotations

import time
from typing import Any

from kliping.seen import url_key
from kliping.storage import PartWriter, keep_pandas_out

_ATTR = "_kliping_writers"


class RunWriters:
    def __init__(self, out: str, run_id: str, flush_rows: int, flush_seconds: float) -> None:
        big = 10**12  # the writers never flush on their own; flush() here decides
        self.raw = PartWriter(out, "raw", run_id, flush_rows=big, flush_seconds=big)
        self.articles = PartWriter(out, "articles", run_id, flush_rows=big, flush_seconds=big)
        self.errors = PartWriter(out, "errors", run_id, flush_rows=big, flush_seconds=big)
        token = self.raw.token  # one token: a raw part and its article part share a name
        self.articles.token = self.errors.token = token
        self.flush_rows = flush_rows
        self.flush_seconds = flush_seconds
        self._pending = 0
        self._last = time.monotonic()
        self.closed = False

    @classmethod
    def for_crawler(cls, crawler: Any) -> RunWriters:
        writers = getattr(crawler, _ATTR, None)
        if writers is None:
            s = crawler.settings
            writers = cls(
                s.get("KLIPING_OUT"),
                crawler.spider.run_id,
                s.getint("KLIPING_FLUSH_ROWS", 200),
                s.getfloat("KLIPING_FLUSH_SECONDS", 60.0),
            )
            setattr(crawler, _ATTR, writers)
        return writers

    def add_raw(self, row: dict[str, Any]) -> None:
        if row.get("url_key") is None:
            row["url_key"] = url_key(row["url"])
        self.raw.add(row)
        self._pending += 1

    def item_done(self) -> None:
        """Called once an item has left the last stage: flush when enough has piled up."""
        if self._pending >= self.flush_rows or time.monotonic() - self._last > self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        self.raw.flush()
        self.articles.flush()
        self.errors.flush()
        self._pending = 0
        self._last = time.monotonic()

    def close(self) -> None:
        if not self.closed:
            self.flush()
            self.closed = True


class WritersPipeline:
    """Base of the crawl's pipelines: the crawler, and its shared writers once the spider opens."""

    writers: RunWriters

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> WritersPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        keep_pandas_out()  # the crawler never hands pyarrow a DataFrame (``scrapy crawl``, scrapyd)
        self.writers = RunWriters.for_crawler(self.crawler)
