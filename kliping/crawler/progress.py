"""Progress that every long kliping job shows: crawls, ``reclean``, ``export`` and ``ingest``.

One setting for all: ``KLIPING_PROGRESS`` = ``auto`` (default: a live display on a terminal,
plain lines otherwise), ``live``, ``lines`` or ``off``; ``KLIPING_PROGRESS_INTERVAL`` = seconds
between status lines off a terminal (60 by default; 0 prints a line at every step). Progress goes
to stderr only: stdout keeps the data and the closing summary.

Two displays share the pieces below (the mode, the clock format, the status line cadence):

- a crawl (:class:`Progress`, a Scrapy extension): one row per site, listing pages read /
  queued, articles fetched, new, skipped as known, errors, pages per second and an ETA once every
  listing page is read and the number of articles left is known;
- a job with a total known up front (:class:`JobProgress`): chunks or rows of ``reclean`` and
  ``export``, files of ``ingest``: done / total, rate, elapsed time and ETA, plus the job's own
  counters; a rich bar on a terminal, one status line every interval otherwise (and the last
  state when it ends, once it has written any).
"""

from __future__ import annotations

import os
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

MODES = ("auto", "live", "lines", "off")
DEFAULT_INTERVAL = 60.0


class ProgressSettingError(ValueError):
    """``KLIPING_PROGRESS`` or ``KLIPING_PROGRESS_INTERVAL`` holds a value kliping cannot use."""


def resolve_mode(mode: str | None = None, stream: TextIO | None = None) -> str:
    """``live``, ``lines`` or ``off``: from ``mode``, else ``$KLIPING_PROGRESS``, else ``auto``
    (live when ``stream``, stderr by default, is a terminal). Raises :class:`ProgressSettingError`."""
    value = mode if mode is not None else os.environ.get("KLIPING_PROGRESS", "auto")
    value = (value or "auto").strip().lower()
    if value not in MODES:
        raise ProgressSettingError(
            f"KLIPING_PROGRESS: {value!r} is not one of {', '.join(MODES)}"
        )
    if value == "auto":
        out = stream if stream is not None else sys.stderr
        return "live" if out.isatty() else "lines"
    return value


def resolve_interval(value: str | float | None = None) -> float:
    """Seconds between status lines: ``value``, else ``$KLIPING_PROGRESS_INTERVAL``, else 60."""
    raw = value if value is not None else os.environ.get("KLIPING_PROGRESS_INTERVAL")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return DEFAULT_INTERVAL
    try:
        seconds = float(raw)
    except ValueError:
        raise ProgressSettingError(
            f"KLIPING_PROGRESS_INTERVAL: {raw!r} is not a number of seconds"
        ) from None
    if not seconds >= 0 or seconds == float("inf"):  # also refuses NaN
        raise ProgressSettingError(f"KLIPING_PROGRESS_INTERVAL: {raw!r} must be 0 or more seconds")
    return seconds


def clock(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss``."""
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# --------------------------------------------------------------------------------------------
# A job with a total known up front: reclean, export, ingest


class JobProgress:
    """Done / total of one job, its rate, elapsed time, ETA and counters, shown on stderr.

    ``mode``: ``live`` (a rich bar, redrawn in place), ``lines`` (a status line every
    ``interval`` seconds, from a ticker thread so a slow step still reports; see :meth:`close`
    for the last one) or ``off``; ``None`` resolves ``KLIPING_PROGRESS``. Thread-safe: workers' reports
    may arrive from a pump thread. Also a callback: ``progress(done, total, **counters)`` is what
    :func:`kliping.dataset.reclean.reclean` and :func:`kliping.dataset.export.export` call.
    """

    always_last = False  # a last status line even for a job shorter than the interval

    def __init__(
        self, job: str, total: int | None = None, unit: str = "items", *, mode: str | None = None,
        interval: float | None = None, stream: TextIO | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.job = job
        self.unit = unit
        self.total = total
        self.done = 0
        self.counters: dict[str, int] = {}
        self.stream = stream if stream is not None else sys.stderr
        self.mode = resolve_mode(mode, self.stream)
        self.interval = resolve_interval(interval) if self.mode != "off" else DEFAULT_INTERVAL
        self.now = now
        self.t0 = now()
        self.lines = 0  # status lines written so far
        self._last_line = self.t0
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._bar: Any = None
        self._closed = False
        self._dirty = False  # changed since the last line written

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    # -- feeding it

    def __call__(self, done: int, total: int | None = None, **counters: int) -> None:
        """Set the state: ``done`` of ``total`` (None: unchanged), and the named counters."""
        with self._lock:
            self.done = done
            if total is not None:
                self.total = total
            self.counters.update(counters)
        self._changed()

    def advance(self, n: int = 1, **counters: int) -> None:
        """``n`` more done; the named counters grow by the amounts given."""
        with self._lock:
            self.done += n
            for k, v in counters.items():
                self.counters[k] = self.counters.get(k, 0) + v
        self._changed()

    def _changed(self) -> None:
        self._dirty = True  # the live display redraws itself twice a second (no redraw per step)
        if self.mode == "lines" and self.interval == 0:
            self.tick()  # 0: a line at every step

    # -- what it says

    def elapsed(self) -> float:
        return max(self.now() - self.t0, 1e-9)

    def rate(self) -> float:
        return self.done / self.elapsed()

    def eta(self) -> float | None:
        """Seconds left at the rate so far; None while nothing is done or the total is unknown."""
        rate = self.rate()
        if self.total is None or self.done <= 0 or rate <= 0:
            return None
        return max(self.total - self.done, 0) / rate

    def details(self) -> str:
        """The job's counters, e.g. ``articles 120, errors 2``."""
        return ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in self.counters.items())

    def line(self) -> str:
        """One plain status line (what cron mail and Scrapyd logs show)."""
        with self._lock:
            done, total = self.done, self.total
            if total:
                head = f"{done:,}/{total:,} {self.unit} ({min(done / total, 1.0):.0%})"
            else:
                head = f"{done:,} {self.unit}"
            eta = self.eta()
            tail = f", ETA {clock(eta)}" if eta is not None and done < (total or 0) else ""
            extra = self.details()
            return (f"kliping {self.job}: {head}, {self.rate():,.1f} {self.unit}/s, "
                    f"{clock(self.elapsed())} elapsed{tail}" + (f"; {extra}" if extra else ""))

    # -- showing it

    def start(self) -> JobProgress:
        if self.mode == "live" and self._bar is None:
            self._start_bar()
        elif self.mode == "lines" and self.interval > 0 and self._ticker is None:
            self._ticker = threading.Thread(
                target=_tick_loop, args=(weakref.ref(self), self._stop, min(self.interval, 1.0)),
                name=f"{self.job}-progress", daemon=True,
            )
            self._ticker.start()
        return self

    def tick(self) -> None:
        """Write a status line if ``interval`` seconds have passed since the last one."""
        if self.mode != "lines" or self._closed:
            return
        with self._lock:
            if self.now() - self._last_line < self.interval:
                return
            self._last_line = self.now()
            self._dirty = False
            self._write(self.line())

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # stderr closed or a broken pipe: progress is not worth a failure
            return
        self.lines += 1

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.live import Live

        # Live redraws twice a second from __rich__, so elapsed time and ETA move between steps
        self._bar = Live(self, console=Console(file=self.stream), refresh_per_second=2,
                         transient=False)
        self._bar.start()

    def __rich__(self) -> Any:
        """The live display: job, bar, done / total, rate, elapsed, ETA, counters."""
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        with self._lock:
            done, total = self.done, self.total
            eta = self.eta()
            grid = Table.grid(padding=(0, 1))
            grid.add_row(
                self.job,
                ProgressBar(total=float(total) if total else None, completed=done, width=20),
                f"{done:,}/{total:,} {self.unit}" if total is not None else f"{done:,} {self.unit}",
                f"{self.rate():,.1f} {self.unit}/s",
                clock(self.elapsed()),
                f"ETA {clock(eta)}" if eta is not None and done < (total or 0) else "",
                self.details(),
            )
            return grid

    def close(self, final: bool = True) -> None:
        """Stop the display. In ``lines`` mode, write the last state if it changed since the last
        line and a line was written before (a job shorter than the interval stays quiet, as cron
        wants) or ``always_last`` is set; never when ``final`` is False (the job failed)."""
        if self._closed:
            return
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=5)
        if self.mode == "live" and self._bar is not None:
            self._bar.stop()  # draws the last state
        elif self.mode == "lines" and final and self._dirty and (self.lines or self.always_last):
            with self._lock:
                self._write(self.line())
        self._closed = True

    def __enter__(self) -> JobProgress:
        return self.start()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        self.close(final=kind is None)


def _tick_loop(ref: weakref.ref[JobProgress], stop: threading.Event, period: float) -> None:
    """Wakes every ``period`` seconds (so a line is late by at most that) until ``close()``, or
    until the progress is gone: a job that failed without closing it leaves no thread behind."""
    while not stop.wait(period):
        progress = ref()
        if progress is None:
            return
        progress.tick()
        del progress


# --------------------------------------------------------------------------------------------
# A crawl: one row per site (a Scrapy extension)


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
    eta = f", ETA {clock(row['eta'])}" if row["eta"] is not None else ""
    return (f"kliping: {row['site']}: listing pages {row['listings']}, articles fetched "
            f"{row['fetched']} (new {row['new']}, skipped {row['skipped']}), errors {row['errors']}, "
            f"{row['pages_s']:.1f} pages/s{eta}")


def _crawl_interval(settings: Any) -> float:
    """``-s KLIPING_PROGRESS_INTERVAL=…`` first, then the environment (as for the other jobs),
    then the project setting."""
    from scrapy.settings import SETTINGS_PRIORITIES

    given = settings.getfloat("KLIPING_PROGRESS_INTERVAL", DEFAULT_INTERVAL)
    if settings.getpriority("KLIPING_PROGRESS_INTERVAL") > SETTINGS_PRIORITIES["project"]:
        return given
    try:
        return resolve_interval(os.environ.get("KLIPING_PROGRESS_INTERVAL") or given)
    except ProgressSettingError:
        return given


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
                          clock(r["eta"]) if r["eta"] is not None else "")
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
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        try:
            mode = resolve_mode(crawler.settings.get("KLIPING_PROGRESS", "auto"))
        except ProgressSettingError:
            mode = "lines"  # a crawl never fails over how it shows itself
        if mode == "off":
            raise NotConfigured
        ext = cls(crawler, mode, _crawl_interval(crawler.settings))
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
        self.task.start(1.0 if self.mode == "live" else min(max(self.interval, 0.1), 5.0), now=False)

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
