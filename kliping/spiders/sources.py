"""How each kind of source is read: one small strategy per ``Source.kind``.

A strategy builds a source's first listing requests and names the spider method that parses one
listing page of that kind. The parsers stay methods of :class:`~kliping.spiders.base.NewsSpider`:
a request's callback is stored by its method name when the request leaves memory (Scrapy's disk
queues, the shared Redis frontier of :mod:`kliping.cluster`), and the parsers share the
spider's limits (entries per listing, sitemap depth and size, offsite URLs) and counters. A new
source kind is one :class:`SourceStrategy` (and its parser) plus one entry in :data:`STRATEGIES`;
``tests/test_spiders_generated.py`` checks that every kind of ``kliping.sites.base.SOURCE_KINDS``
has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import scrapy

    from kliping.sites.base import Source
    from kliping.spiders.base import NewsSpider


@dataclass(frozen=True)
class SourceStrategy:
    """A source listed at one URL (a feed, a sitemap or sitemap index): one request for it."""

    parser: str  # the NewsSpider method reading one listing page of this kind

    def start_requests(self, spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
        yield spider.listing_request(source.url, source, getattr(spider, self.parser))


@dataclass(frozen=True)
class DateIndexStrategy(SourceStrategy):
    """Date-indexed archive pages: page one of every day in the crawl window, newest first (the
    parser follows each day's "next page" links)."""

    def start_requests(self, spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
        since, until = spider.window()
        spider.crawler.stats.set_value("kliping/window_days", (until - since).days + 1)
        parse = getattr(spider, self.parser)
        day = until
        while day >= since:
            yield spider.listing_request(source.url_for(day, source.first_page), source, parse,
                                         day=day, page=source.first_page)
            day -= timedelta(days=1)


STRATEGIES: dict[str, SourceStrategy] = {
    "news_sitemap": SourceStrategy("parse_sitemap"),
    "sitemap": SourceStrategy("parse_sitemap"),  # an index too: children filtered by lastmod
    "feed": SourceStrategy("parse_feed"),
    "date_index": DateIndexStrategy("parse_date_index"),
}
