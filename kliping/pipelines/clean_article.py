"""Clean each archived response into an article record (the same pure clean() as reclean)."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from kliping.dataset.outcome import clean_outcome
from kliping.dataset.reclean import PAGE_SECONDS
from kliping.pipelines.writers import WritersPipeline
from kliping.spiders.base import RAW_KEY

ARTICLE_KEY = "article"
# Fields whose absence is counted: a broken site shows itself in these counters.
WATCHED_FIELDS = ("title", "text", "published_date", "published_at", "authors", "language")


class CleanArticlePipeline(WritersPipeline):
    def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is None:
            return item
        self.check_writable(item)
        stats = self.crawler.stats
        spider = self.crawler.spider
        # the per-page budget reclean uses: one pathological page cannot stall the crawl
        budget = self.crawler.settings.getfloat("KLIPING_PAGE_SECONDS", PAGE_SECONDS)
        signals: dict[str, Any] = {}
        kind, row = clean_outcome(
            raw, getattr(spider, "site", None), raw.get("run_id"), budget, signals=signals
        )
        if signals.get("layout_drift"):  # the site's body selector missed: health's layout_drift
            stats.inc_value("kliping/layout/drift")
        if kind != "article":
            self.writers.errors.add(row)
            stats.inc_value(f"kliping/articles/{kind}")
            if kind in ("clean_error", "timeout"):
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
