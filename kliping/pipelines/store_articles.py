"""Write cleaned articles as Parquet parts next to the raw archive."""

from __future__ import annotations

from typing import Any

from kliping.pipelines.clean_article import ARTICLE_KEY
from kliping.pipelines.writers import RunWriters


class StoreArticlesPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> StoreArticlesPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.writers = RunWriters.for_crawler(self.crawler)

    def process_item(self, item: Any) -> Any:
        article = item.get(ARTICLE_KEY) if isinstance(item, dict) else None
        if article is not None:
            self.writers.articles.add(article)
        self.writers.item_done()
        return item

    def close_spider(self) -> None:
        self.writers.close()
