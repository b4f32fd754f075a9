"""Archive every article response as received: what makes ``kliping reclean`` possible."""

from __future__ import annotations

from typing import Any

from kliping.pipelines.writers import WritersPipeline
from kliping.spiders.base import RAW_KEY


class ArchiveRawPipeline(WritersPipeline):
    def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is not None:
            self.check_writable(item)
            self.writers.add_raw(raw)
            self.crawler.stats.inc_value("kliping/raw/archived")
        return item

    def close_spider(self) -> None:
        self.close_writers()
