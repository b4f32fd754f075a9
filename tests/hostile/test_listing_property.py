"""The listing parsers (sitemap, sitemap index, feed) on arbitrary input: requests out, or a counted
listing error, never another exception, and in bounded time (Hypothesis' deadline)."""

from __future__ import annotations

import gzip
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy import Request
from scrapy.http import XmlResponse
from scrapy.utils.test import get_crawler

from kliping.sites.base import Source
from kliping.spiders.generic import GenericSpider

BASE = "https://berita.example"
SITEMAP = Source("sitemap", f"{BASE}/sitemap.xml")
FEED = Source("feed", f"{BASE}/feed/")
PROPERTY = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def spider() -> GenericSpider:
    crawler = get_crawler(GenericSpider, {"KLIPING_SITEMAP_MAXSIZE": 1_000_000,
                                          "KLIPING_LISTING_MAX_ENTRIES": 200})
    crawler._apply_settings()
    return GenericSpider.from_crawler(crawler, domain="berita.example", since="2025-03-10",
                                      until="2025-03-11")


def response(body: bytes, url: str = f"{BASE}/sitemap.xml", depth: int = 0) -> XmlResponse:
    request = Request(url, meta={"kliping_sitemap_depth": depth})
    return XmlResponse(url, body=body, request=request)


def run_all(spider: GenericSpider, resp: XmlResponse) -> list[Request]:
    out = []
    for parse, source in ((spider.parse_listing, SITEMAP), (spider.parse_sitemap, SITEMAP),
                          (spider.parse_feed, FEED)):
        got = list(parse(resp, source))
        assert all(isinstance(r, Request) for r in got)
        out += got
    return out


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
urlish = st.one_of(text, st.builds(lambda p: f"{BASE}/{p}", text),
                   st.sampled_from(["http://[", "https://[::1", "javascript:alert(1)", "//x",
                                    "https://berita.example/2025/03/10/satu-dua-tiga/", "", " ",
                                    "file:///etc/passwd", "https://bad host/a b c/"]))


@PROPERTY
@given(body=st.binary(max_size=2000))
def test_any_bytes(spider: GenericSpider, body: bytes) -> None:
    run_all(spider, response(body))
    run_all(spider, response(b"\x1f\x8b" + body))  # claims to be gzip


@PROPERTY
@given(locs=st.lists(urlish, max_size=12), stamps=st.lists(text, max_size=12),
       index=st.booleans(), depth=st.integers(0, 5))
def test_any_sitemap(spider: GenericSpider, locs: list[str], stamps: list[str], index: bool,
                     depth: int) -> None:
    outer, inner = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(
        f"<{inner}><loc>{escape(loc)}</loc><lastmod>{escape(stamps[i % len(stamps)] if stamps else '')}"
        f"</lastmod></{inner}>" for i, loc in enumerate(locs))
    body = (f'<?xml version="1.0" encoding="UTF-8"?><{outer} '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</{outer}>').encode()
    for raw in (body, gzip.compress(body)):
        for request in spider.parse_sitemap(response(raw, depth=depth), SITEMAP):
            assert isinstance(request, Request)
            if index:  # children carry their depth, so an index cannot nest without end
                assert request.meta["kliping_sitemap_depth"] == depth + 1 < 4


@PROPERTY
@given(links=st.lists(urlish, max_size=12), stamps=st.lists(text, max_size=12),
       atom=st.booleans())
def test_any_feed(spider: GenericSpider, links: list[str], stamps: list[str], atom: bool) -> None:
    def stamp(i: int) -> str:
        return escape(stamps[i % len(stamps)]) if stamps else ""

    if atom:
        items = "".join(f'<entry><link href="{escape(u, {chr(34): "&quot;"})}"/>'
                        f"<updated>{stamp(i)}</updated></entry>" for i, u in enumerate(links))
        body = f'<feed xmlns="http://www.w3.org/2005/Atom">{items}</feed>'
    else:
        items = "".join(f"<item><link>{escape(u)}</link><pubDate>{stamp(i)}</pubDate></item>"
                        for i, u in enumerate(links))
        body = f"<rss><channel>{items}</channel></rss>"
    for request in spider.parse_feed(response(body.encode(), f"{BASE}/feed/"), FEED):
        assert isinstance(request, Request)
