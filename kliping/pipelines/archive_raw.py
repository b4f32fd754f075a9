"""Archive every article response as received: what makes ``kliping reclean`` possible."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from scrapy import signals

from kliping.pipelines.writers import WritersPipeline
from kliping.spiders.base import RAW_KEY
from kliping.warc.reader import request_fields

# Requests remembered until their page's raw row is archived (a page joined from several is
# archived after its last one arrives): bounded, the oldest forgotten first.
MAX_REQUESTS = 4096


class ArchiveRawPipeline(WritersPipeline):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        # The request each response came from, by the response's URL (the raw row's final_url):
        # the spider's item holds the response's bytes, not the request it was fetched with.
        self._requests: OrderedDict[str, dict[str, Any]] = OrderedDict()
        crawler.signals.connect(self._response_received, signal=signals.response_received)

    def _response_received(self, response: Any, request: Any, **_: Any) -> None:
        headers = [(k.decode("latin-1"), ", ".join(v.decode("latin-1") for v in vs))
                   for k, vs in request.headers.items()]
        self._requests[response.url] = request_fields(request.method, headers)
        self._requests.move_to_end(response.url)
        while len(self._requests) > MAX_REQUESTS:
            self._requests.popitem(last=False)

    def process_item(self, item: Any) -> Any:
        raw = item.get(RAW_KEY) if isinstance(item, dict) else None
        if raw is not None:
            self.check_writable(item)
            if raw.get("request_method") is None:
                req = self._requests.pop(raw.get("final_url") or raw.get("url") or "", None)
                if req is not None:
                    raw.update(req)
            self.writers.add_raw(raw)
            self.crawler.stats.inc_value("kliping/raw/archived")
        return item

    def close_spider(self) -> None:
        self.close_writers()
