"""Archive every article response as received: what makes ``kliping reclean`` possible."""

from __future__ import annotations

from typing import Any

from kliping.spiders.base import RAW_KEY
from kliping.storage import PartWriter


class ArchiveRawPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.writer: PartWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchiveRawPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        s = self.crawler.settings
        self.writer = PartWriter(
            s.get("KLIPING_OUT"),
            "raw",
            run_id=self.crawler.spider.run_id,
            flush_rows=s.getint("KLIPING_FLUSH_ROWS", 200),
            flush_seconds=s.getfloat("KLIPING_FLUSH_SECONDS", 60.0),
        )

    def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is not None and self.writer is not None:
            self.writer.add(raw)
            self.crawler.stats.inc_value("kliping/raw/archived")
        return item

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.close()
