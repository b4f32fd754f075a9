"""Archive every article response as received: what makes ``kliping reclean`` possible."""

from __future__ import annotations

from typing import Any

from kliping.pipelines.writers import RunWriters
from kliping.spiders.base import RAW_KEY


class ArchiveRawPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchiveRawPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.writers = RunWriters.for_crawler(self.crawler)

    def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is not None:
            self.writers.add_raw(raw)
            self.crawler.stats.inc_value("kliping/raw/archived")
        return item

    def close_spider(self) -> None:
        self.writers.close()
