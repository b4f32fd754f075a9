"""Listing parsers on documents shuffled from the pieces real sitemaps, feeds and date-index pages are
made of (namespaced and prefixed tags, entities, CDATA, odd URLs), valid, broken or hostile.

Whatever a server sends as a listing, the parsers yield requests (or nothing) and count what they
could not read; they never raise. Every request they yield is a real ``scrapy.Request`` with an
absolute http(s) URL. Time bounds come from Hypothesis' deadline, not from wall-clock asserts.
"""

from __future__ import annotations

import gzip
from datetime import date

import scrapy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.utils.test import get_crawler

from kliping.sites.base import Source
from kliping.sites.registry import get_site
from kliping.spiders.base import NewsSpider

SITE = get_site("suarawarga")


class _Spider(NewsSpider):
    name = "prop"
    site = SITE


def _spider() -> NewsSpider:
    crawler = get_crawler(_Spider, {"DOWNLOAD_MAXSIZE": 1 << 20})
    return _Spider.from_crawler(crawler)


SPIDER = _spider()
BASE = "https://suarawarga.example/"

# Pieces real listings are made of, shuffled into documents that are valid, broken or hostile.
PIECES = st.sampled_from([
    '<?xml version="1.0" encoding="UTF-8"?>', "<urlset>", "</urlset>", "<sitemapindex>",
    "</sitemapindex>", "<url>", "</url>", "<sitemap>", "</sitemap>", "<loc>", "</loc>",
    "<lastmod>2024-01-08T10:00:00+07:00</lastmod>", "<lastmod>kemarin</lastmod>",
    "<news:publication_date>2024-01-08</news:publication_date>", "<rss>", "</rss>", "<channel>",
    "<item>", "</item>", "<entry>", "</entry>", "<link>", "</link>", '<link href="/x/y-z-w/"/>',
    "<pubDate>Mon, 08 Jan 2024 10:00:00 +0700</pubDate>", "<pubDate>99999999999999</pubDate>",
    "https://suarawarga.example/2024/01/08/warga-gelar-kerja-bakti/", "javascript:alert(1)",
    "http://[::1", "//other.example/a-b-c/", "../../../etc/passwd", "&amp;", "&bogus;",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', "&a;", "<![CDATA[", "]]>", "\x00", "\ufeff",
    '<a href="/2024/01/08/berita-baru-hari-ini/">x</a>', '<a href="mailto:x@y">', "<a href=",
])
DOCS = st.one_of(
    st.lists(PIECES, max_size=60).map("".join),
    st.text(max_size=2000),
)


def _check(requests: list) -> None:
    for req in requests:
        assert isinstance(req, scrapy.Request)
        assert req.url.startswith(("http://", "https://"))


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.booleans())
def test_sitemap_parser_never_raises(doc: str, gz: bool) -> None:
    body = doc.encode("utf-8", "surrogatepass") if doc else b""
    if gz:
        body = gzip.compress(body)
    url = BASE + ("sitemap.xml.gz" if gz else "sitemap.xml")
    response = XmlResponse(url, body=body, request=Request(url))
    _check(list(SPIDER.parse_sitemap(response, Source("sitemap", url))))


@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=3000))
def test_sitemap_parser_takes_any_bytes(body: bytes) -> None:
    url = BASE + "sitemap.xml"
    response = XmlResponse(url, body=body, request=Request(url))
    _check(list(SPIDER.parse_sitemap(response, Source("sitemap", url))))


def test_undeclared_prefixes_are_read() -> None:
    """``news:`` used without its xmlns (common in hand-made news sitemaps) still gives the date."""
    url = BASE + "sitemap.xml"
    loc = "https://suarawarga.example/2024/01/08/warga-gelar-kerja-bakti/"
    body = (f"<urlset><url><loc>{loc}</loc><news:news><news:publication_date>2024-01-08"
            "</news:publication_date></news:news></url></urlset>").encode()
    spider = _spider()
    spider.since = spider.until = date(2024, 1, 9)
    assert list(spider.parse_sitemap(XmlResponse(url, body=body, request=Request(url)),
                                     Source("sitemap", url))) == []  # dated 8 Jan: outside
    spider.since = spider.until = date(2024, 1, 8)
    got = list(spider.parse_sitemap(XmlResponse(url, body=body, request=Request(url)),
                                    Source("sitemap", url)))
    assert [r.url for r in got] == [loc]


@settings(max_examples=150, deadline=2000)
@given(DOCS)
def test_feed_parser_never_raises(doc: str) -> None:
    url = BASE + "feed/"
    body = doc.encode("utf-8", "surrogatepass")
    response = XmlResponse(url, body=body, request=Request(url))
    _check(list(SPIDER.parse_feed(response, Source("feed", url))))


@settings(max_examples=100, deadline=2000)
@given(DOCS)
def test_date_index_parser_never_raises(doc: str) -> None:
    url = BASE + "indeks?date=2024-01-08"
    response = HtmlResponse(url, body=doc.encode("utf-8", "surrogatepass"), request=Request(url))
    source = Source("date_index", BASE + "indeks?date={date}&page={page}")
    _check(list(SPIDER.parse_date_index(response, source, day=date(2024, 1, 8), page=1)))
