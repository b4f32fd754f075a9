"""Clean each archived response into an article record (the same pure clean() as reclean).

Cleaning runs in worker processes (:mod:`kliping.crawler.cleaning`, ``KLIPING_CLEAN_WORKERS``):
``process_item`` waits on the pool's answer without blocking the thread that drives the
downloads. ``KLIPING_CLEAN_WORKERS = 0`` cleans inline, in that thread.
"""

from __future__ import annotations

import gc
from typing import Any

from scrapy.exceptions import DropItem

from kliping.dataset.outcome import PAGE_SECONDS, clean_outcome
from kliping.pipelines.writers import WritersPipeline
from kliping.spiders.base import RAW_KEY

ARTICLE_KEY = "article"
# Fields whose absence is counted: a broken site shows itself in these counters.
WATCHED_FIELDS = ("title", "text", "published_date", "published_at", "authors", "language")


# The collector's young-generation threshold in the crawl process (Python's default: 700).
YOUNG_GENERATION = 10_000


def settle_collector() -> None:
    """Tune the cyclic garbage collector of the crawl process, once its start-up is done.

    What the process holds by now (its modules, Scrapy's engine, pyarrow) leaves the collector's
    generations (``gc.freeze``): a full collection over it took 65-85 ms every second on
    bench/crawl.py, a stall of the thread that drives the downloads and feeds the workers.

    Then a young generation of :data:`YOUNG_GENERATION` objects instead of 700: a crawl allocates
    and frees tens of thousands of objects a second (requests, responses, Deferreds, items), nearly
    all freed by their reference counts, but at 700 the collector ran ~300 times a second over
    the pages in flight and pushed them into the older generations, whose collections then went
    over the queued requests again and again: 0.5-0.6 s of the crawl process's CPU time for 3,000
    pages on bench/crawl.py (0.18 ms a page), 0.05 s at 10,000. Garbage in reference cycles is
    still collected, once 10,000 more objects are alive than before. A higher threshold set by
    the user (``gc.set_threshold``) is kept.
    """
    gc.freeze()
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG_GENERATION:
        gc.set_threshold(YOUNG_GENERATION, *older)


class CleanArticlePipeline(WritersPipeline):
    pool: Any = None  # kliping.crawler.cleaning.CleaningPool, None: inline

    def open_spider(self) -> None:
        from kliping.crawler.cleaning import (
            CleaningPool,
            in_flight_setting,
            nice_setting,
            site_ref,
            workers_setting,
            zygote_setting,
        )

        super().open_spider()
        settings = self.crawler.settings
        # the per-page budget reclean uses: one pathological page cannot stall the crawl
        self.budget = settings.getfloat("KLIPING_PAGE_SECONDS", PAGE_SECONDS)
        self.site = getattr(self.crawler.spider, "site", None)
        workers = workers_setting(settings)
        settle_collector()
        if workers > 0:
            self.site_ref = site_ref(self.site)
            self.pool = CleaningPool.acquire(workers, in_flight_setting(settings, workers),
                                             nice_setting(settings), zygote_setting(settings))
            self.crawler.stats.set_value("kliping/clean/workers", workers)

    def close_spider(self) -> None:
        if self.pool is not None:
            from kliping.crawler.cleaning import CleaningPool

            if self.pool.restarts:
                self.crawler.stats.set_value("kliping/clean/pool_restarts", self.pool.restarts)
            CleaningPool.release(self.pool)
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is None:
            return item
        self.check_writable(item)
        run_id = raw.get("run_id")
        if self.pool is None:
            signals: dict[str, Any] = {}
            kind, row = clean_outcome(raw, self.site, run_id, self.budget, signals=signals)
        else:
            kind, row, signals = await self.pool.clean(raw, self.site_ref, run_id, self.budget)
            self.check_writable(item)  # a write error while the page was being cleaned
        return self.outcome(item, raw, kind, row, signals)

    def outcome(
        self, item: dict[str, Any], raw: dict[str, Any], kind: str, row: dict[str, Any],
        signals: dict[str, Any],
    ) -> dict[str, Any]:
        stats = self.crawler.stats
        spider = self.crawler.spider
        if signals.get("layout_drift"):  # the site's body selector missed: health's layout_drift
            stats.inc_value("kliping/layout/drift")
        if kind != "article":
            self.writers.errors.add(row)
            stats.inc_value(f"kliping/articles/{kind}")
            if kind in ("clean_error", "timeout", "worker_crashed"):
                stats.inc_value("kliping/errors")
                spider.logger.error("cleaning failed for %s: %s", raw["url"], row["error"])
            elif kind == "not_html":
                spider.logger.warning("%s", row["error"])
            self.item_done()
            raise DropItem(f"{kind}: {raw['url']}: {row['error']}")
        for name in WATCHED_FIELDS:
            if row.get(name) in (None, "", []):
                stats.inc_value(f"kliping/field/{name}/missing")
        stats.inc_value("kliping/articles/new")
        item[ARTICLE_KEY] = row
        return item
