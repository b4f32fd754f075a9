"""Clean each archived response into an article record (the same pure clean() as reclean)."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from kliping.spiders.base import RAW_KEY

ARTICLE_KEY = "article"
# Fields whose absence is counted per site: a broken site shows itself in these counters.
WATCHED_FIELDS = ("title", "text", "published_date", "published_at", "authors", "language")


class CleanArticlePipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        from kliping.clean import NotAnArticle, clean

        stats = self.crawler.stats
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is None:
            return item
        spider = self.crawler.spider
        try:
            article = clean(raw, getattr(spider, "site", None))
        except NotAnArticle as exc:
            stats.inc_value("kliping/articles/not_article")
            raise DropItem(f"not an article: {raw['url']} ({exc})") from None
        except Exception as exc:  # one broken page never stops a crawl
            stats.inc_value("kliping/clean/errors")
            stats.inc_value("kliping/errors")
            spider.logger.exception("cleaning failed for %s", raw["url"])
            raise DropItem(f"cleaning failed: {raw['url']}: {exc!r}") from None
        for name in WATCHED_FIELDS:
            if article.get(name) in (None, "", []):
                stats.inc_value(f"kliping/field/{name}/missing")
        stats.inc_value("kliping/articles/new")
        item[ARTICLE_KEY] = article
        return item
