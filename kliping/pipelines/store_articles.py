"""Write cleaned articles as Parquet parts next to the raw archive."""

from __future__ import annotations

from typing import Any

from kliping.pipelines.clean_article import ARTICLE_KEY
from kliping.pipelines.writers import WritersPipeline


class StoreArticlesPipeline(WritersPipeline):
    def process_item(self, item: Any) -> Any:
        article = item.get(ARTICLE_KEY) if isinstance(item, dict) else None
        if article is not None:
            self.check_writable(item)
            self.writers.articles.add(article)
        self.item_done()
        return item

    def close_spider(self) -> None:
        self.close_writers()
