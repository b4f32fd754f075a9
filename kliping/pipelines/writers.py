"""The Parquet writers of one crawl, shared by its pipelines.

Raw, article and error rows are flushed together, raw parts first: a crawl killed between two
part files can leave raw rows whose article is missing (``kliping.crawler.repair`` cleans those on the
next run) but never an article whose raw row is missing (which would be fetched, and stored,
twice).

A write error (disk full, read-only, quota: ``storage.WriteError``) stops the run: the writers
write nothing more, the spider is closed with the reason ``write_error`` (no more fetching), and the
run ends ``failed`` with one line naming the file and the cause. What was buffered is dropped on
purpose: raw rows not written are not in the archive, so the next run does not count them as known
and fetches them again; raw rows written whose article or error row was not are cleaned from the
archive by the next run's repair (``kliping.crawler.repair``), which looks at failed runs as well as killed
ones. Either way every raw row ends with exactly one article or error row.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from scrapy.exceptions import DropItem

from kliping.crawler.seen import url_key
from kliping.dataset.storage import PartWriter, WriteError, keep_pandas_out

_ATTR = "_kliping_writers"
Batch = dict[str, list[dict[str, Any]]]


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
        self.failed: WriteError | None = None  # the first write error; nothing is written after it
        # Background writing (start_background): the batches go to one thread, in order, so the
        # crawl's thread never waits on zstd and fsync; the first error there is kept here.
        self._thread: ThreadPoolExecutor | None = None
        self._written: list[Future] = []
        self._thread_failed: WriteError | None = None
        self._on_failure: Any = None

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
            # The Redis frontier acknowledges its requests once their rows are flushed: it
            # wraps flush() and needs it to have written when it returns.
            if s.getbool("KLIPING_WRITE_THREAD", True) and not s.get("KLIPING_REDIS_URL"):
                writers.start_background(lambda exc: stop_on_write_error(crawler, exc))
            setattr(crawler, _ATTR, writers)
        return writers

    def add_raw(self, row: dict[str, Any]) -> None:
        if row.get("url_key") is None:
            row["url_key"] = url_key(row["url"])
        self.raw.add(row)
        self._pending += 1

    def item_done(self) -> None:
        """Called once an item has left the last stage: flush when enough has piled up (in the
        writer thread when :meth:`start_background` was called)."""
        if self._pending >= self.flush_rows or time.monotonic() - self._last > self.flush_seconds:
            if self._thread is not None:
                self.flush_in_background()
            else:
                self.flush()

    def start_background(self, on_failure: Any) -> None:
        """Write flushes from :meth:`item_done` in a thread of their own.

        Each batch (the raw, article and error rows buffered so far) is taken in the crawl's
        thread and written in the writer thread, raw parts first, batches in order: an article row
        is buffered after its raw row, so it is in the same batch or a later one, and is never
        written before it. After a failed batch nothing more is written. ``on_failure(exc)`` is
        called in the reactor thread with the ``WriteError``.
        """
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kliping-writer")
        self._on_failure = on_failure

    def flush_in_background(self) -> None:
        if self.failed is not None:
            raise self.failed
        batch = (self.raw.take(), self.articles.take(), self.errors.take())
        self._pending = 0
        self._last = time.monotonic()
        assert self._thread is not None
        future = self._thread.submit(self._write_batch, batch)
        self._written = [f for f in self._written if not f.done()] + [future]
        future.add_done_callback(self._batch_done)

    def _write_batch(self, batch: tuple[Batch, Batch, Batch]) -> None:
        """In the writer thread."""
        if self._thread_failed is not None:  # an earlier batch failed: write nothing after it
            raise self._thread_failed
        try:
            self.raw.write(batch[0])
            self.articles.write(batch[1])
            self.errors.write(batch[2])
        except WriteError as exc:
            self._thread_failed = exc
            raise
        except Exception as exc:  # a row Arrow refuses...: as fatal as a full disk, never lost quietly
            self._thread_failed = WriteError(self.raw.root.parent, exc)
            raise self._thread_failed from exc

    def _batch_done(self, future: Future) -> None:
        exc = future.exception()
        if isinstance(exc, WriteError) and self.failed is None:
            from twisted.internet import reactor

            reactor.callFromThread(self._failed_in_background, exc)  # type: ignore[attr-defined]

    def _failed_in_background(self, exc: WriteError) -> None:
        if self.failed is None:
            self.fail(exc)
            if self._on_failure is not None:
                self._on_failure(exc)

    def wait_background(self) -> None:
        """Wait until every batch handed to the writer thread is written (or failed)."""
        for future in list(self._written):
            try:
                future.result()
            except WriteError:
                pass
        self._written = []
        if self._thread_failed is not None and self.failed is None:  # not reported yet: now
            self.fail(self._thread_failed)
            raise self._thread_failed

    def flush(self) -> None:
        """Write what is buffered, raw parts first; ``WriteError`` on failure, and on every flush
        after it (nothing is written any more: a caller that acknowledges work once it is flushed,
        as the Redis frontier does, must not take a flush for done). With a writer thread, the
        batches it holds are written first."""
        if self._thread is not None:
            self.wait_background()
        if self.failed is not None:
            raise self.failed
        try:
            self.raw.flush()
            self.articles.flush()
            self.errors.flush()
        except WriteError as exc:
            self.fail(exc)
            raise
        except Exception as exc:  # a row Arrow refuses, as in the writer thread: never lost quietly
            failed = WriteError(self.raw.root.parent, exc)  # (it was "Scraper close failure", exit 0)
            self.fail(failed)
            raise failed from exc
        self._pending = 0
        self._last = time.monotonic()

    def fail(self, exc: WriteError) -> None:
        """Stop writing: drop every buffered row (see the module docstring for why none is lost)."""
        if self.failed is None:
            self.failed = exc
        for writer in (self.raw, self.articles, self.errors):
            writer.discard()
        self._pending = 0

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                if self._thread is not None:
                    self.wait_background()
                if self.failed is None:
                    self.flush()
            finally:
                if self._thread is not None:
                    self._thread.shutdown(wait=True)


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
        # which partition the summary reads for this crawler (``generic`` writes site=<domain key>)
        site = getattr(self.crawler.spider, "site", None)
        if site is not None:
            self.crawler.stats.set_value("kliping/site_key", site.key)

    def check_writable(self, item: Any) -> None:
        """Drop items quietly once a write has failed: the run is stopping."""
        if self.writers.failed is not None:
            raise DropItem("the run stopped after a write error", log_level="DEBUG")

    def item_done(self) -> None:
        """``RunWriters.item_done`` that turns a write error into a clean stop of the spider."""
        try:
            self.writers.item_done()
        except WriteError as exc:
            self.stop(exc)
            raise DropItem(str(exc), log_level="DEBUG") from None

    def close_writers(self) -> None:
        try:
            self.writers.close()
        except WriteError as exc:
            self.stop(exc)

    def stop(self, exc: WriteError) -> None:
        """Record the failure (stats, log) and close the spider: no more fetching."""
        stop_on_write_error(self.crawler, exc)


def write_failure(crawler: Any) -> WriteError | None:
    """The write error that stopped ``crawler``'s run, if any."""
    writers = getattr(crawler, _ATTR, None)
    return writers.failed if writers is not None else None


def stop_on_write_error(crawler: Any, exc: WriteError) -> None:
    """Close the spider with the reason ``write_error``, once; say so in one line.

    Under ``kliping crawl`` the command prints that line itself (after the summary), so the log
    stays quiet; under ``scrapy crawl`` and Scrapyd the log line is the report.
    """
    stats = crawler.stats
    if stats.get_value("kliping/write_error"):
        return
    stats.set_value("kliping/write_error", str(exc))
    if not crawler.settings.getbool("KLIPING_LEDGER_BY_CLI"):
        crawler.spider.logger.error("%s: stopping the crawl", exc)
    engine = getattr(crawler, "engine", None)
    if engine is not None and getattr(engine, "spider", None) is not None:
        from scrapy.utils.defer import deferred_from_coro

        slot = getattr(engine, "_slot", None)
        if slot is None or slot.closing is None:  # not closing already (the last flush at close)
            deferred_from_coro(engine.close_spider_async(reason="write_error"))
