"""Write cleaned articles as Parquet parts next to the raw archive."""

from __future__ import annotations

from typing import Any

from kliping.pipelines.clean_article import ARTICLE_KEY
from kliping.storage import PartWriter


class StoreArticlesPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.writer: PartWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StoreArticlesPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        s = self.crawler.settings
        self.writer = PartWriter(
            s.get("KLIPING_OUT"),
            "articles",
            run_id=self.crawler.spider.run_id,
            flush_rows=s.getint("KLIPING_FLUSH_ROWS", 200),
            flush_seconds=s.getfloat("KLIPING_FLUSH_SECONDS", 60.0),
        )

    def process_item(self, item: Any) -> Any:
        article = item.get(ARTICLE_KEY) if isinstance(item, dict) else None
        if article is not None and self.writer is not None:
            self.writer.add(article)
        return item

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.close()
