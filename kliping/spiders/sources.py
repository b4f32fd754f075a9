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
from datetime import date, timedelta
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


def date_index_days(since: date | None, until: date | None, today: date) -> list[date]:
    """The days a date index is walked for, newest first: ``since``..``until`` (``until`` by
    default today, ``since`` by default the day before ``until``), never past tomorrow in the
    site's zone: nothing is published on a later day, and an ``--until`` years ahead would
    otherwise spend a listing request on every day of them before reaching a day that has
    pages (``--until 2999-01-01`` asked for 356,000 empty pages first)."""
    last = until or today
    first = since or (last - timedelta(days=1))
    last = min(last, today + timedelta(days=1))
    # counted, not decremented: a walk down to date.min must not step below it
    return [last - timedelta(days=n) for n in range(max(0, (last - first).days + 1))]


@dataclass(frozen=True)
class DateIndexStrategy(SourceStrategy):
    """Date-indexed archive pages: page one of every day in the crawl window, newest first (the
    parser follows each day's "next page" links)."""

    def start_requests(self, spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
        days = spider.date_index_days()
        spider.crawler.stats.set_value("kliping/window_days", len(days))
        parse = getattr(spider, self.parser)
        for day in days:
            yield spider.listing_request(source.url_for(day, source.first_page), source, parse,
                                         day=day, page=source.first_page)


STRATEGIES: dict[str, SourceStrategy] = {
    "news_sitemap": SourceStrategy("parse_sitemap"),
    "sitemap": SourceStrategy("parse_sitemap"),  # an index too: children filtered by lastmod
    "feed": SourceStrategy("parse_feed"),
    "date_index": DateIndexStrategy("parse_date_index"),
}
