"""A spider for any news site not in the registry: ``scrapy crawl generic -a domain=example.com``.

Discovery without a definition: ``Sitemap:`` lines of robots.txt, the feeds the home page
advertises (``<link rel="alternate" type="application/rss+xml">``), and the usual WordPress /
CMS locations (``/sitemap.xml``, ``/sitemap_index.xml``, ``/wp-sitemap.xml``, ``/feed/``). What
those list is crawled within ``since``/``until`` like any registered site. An article is any URL
on the domain whose path ends in a slug or a numeric id and is not a tag, category, author, page,
search, video or photo page; the cleaner runs without site rules.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from kliping.sites.base import ARTICLE_SEGMENT, Site, Source
from kliping.spiders.base import NewsSpider

WELL_KNOWN = ("/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap-news.xml",
              "/news-sitemap.xml", "/feed/", "/rss")
PROBE_MISSING = (404, 410)  # statuses that mean "not here" for a guessed listing location
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
SKIP = (
    r"/(?:tag|tags|topik|topic|category|kategori|author|penulis|page|search|cari|video|videos"
    r"|foto|photo|galeri|gallery|live|wp-content|wp-admin|feed|amp)(?:/|$)",
    r"\.(?:jpg|jpeg|png|gif|pdf|mp4|xml|css|js)(?:\?|$)",
)


# a host: dot-separated labels of letters, digits and inner hyphens (IDNs in their xn-- form; an
# intranet name or an IPv4 address too, which the network guard refuses unless allowed), :port optional
_HOST = re.compile(r"(?=[^:]{1,253}(?::|$))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                   r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?")


def generic_site(domain: str) -> Site:
    """A throwaway definition for ``domain`` (``www.`` optional)."""
    domain = domain.strip().lower().removeprefix("https://").removeprefix("http://").strip("/")
    if not domain or "/" in domain or not _HOST.fullmatch(domain):
        raise ValueError(f"domain: expected a host name such as 'example.com', got {domain!r}")
    bare = domain.removeprefix("www.")
    host = re.escape(bare)
    key = re.sub(r"[^a-z0-9]+", "_", bare).strip("_")
    return Site(
        key=key if key[:1].isalpha() else f"site_{key}",  # the output partition: one per domain
        name=domain,
        domain=domain,
        allowed_domains=(bare,),
        sources=(
            Source("sitemap", f"https://{domain}/robots.txt"),
            Source("feed", f"https://{domain}/"),
        ),
        # a slug with at least three words, or an id of four digits or more, in the last segment
        article_pattern=rf"^https?://(?:[\w-]+\.)?{host}/(?:[^?#]*/)?(?:{ARTICLE_SEGMENT})/?(?:\?.*)?$",
        skip_patterns=SKIP,
    )


class GenericSpider(NewsSpider):
    name = "generic"

    def __init__(self, domain: str | None = None, **kwargs: Any) -> None:
        if not domain:
            raise ValueError("the generic spider needs -a domain=example.com")
        self.site = generic_site(domain)  # type: ignore[misc]
        super().__init__(**kwargs)
        self._seen_listings: set[str] = set()

    async def start(self) -> AsyncIterator[Any]:
        if getattr(self, "locked_out", False):
            return
        self.load_known()
        base = f"https://{self.site.domain}"
        sitemap = Source("sitemap", base + "/sitemap.xml")
        yield scrapy.Request(base + "/robots.txt", callback=self.parse_robots, errback=self.on_probe_error,
                             cb_kwargs={"source": sitemap}, dont_filter=True)
        yield scrapy.Request(base + "/", callback=self.parse_home, errback=self.on_error, dont_filter=True)
        for path in WELL_KNOWN:
            yield self.discovered(base + path, probe=True)

    def discovered(self, url: str, probe: bool = False) -> scrapy.Request:
        """A listing request; ``probe``: a guessed location, which may well not exist."""
        kind = "feed" if re.search(r"/(?:feed|rss)(?:/|\.xml)?$|\.rss$|atom", url) else "sitemap"
        self._seen_listings.add(url)
        src = Source(kind, url)
        request = self.listing_request(url, src, self.parse_listing)
        return request.replace(errback=self.on_probe_error) if probe else request

    def on_probe_error(self, failure: Any) -> None:
        """A guessed location (robots.txt, /sitemap.xml, /feed/...) the site does not have: a
        404 or 410 is an answer, not an error of the crawl (counted apart); anything else is."""
        response = getattr(failure.value, "response", None)
        if response is not None and response.status in PROBE_MISSING:
            self.crawler.stats.inc_value("kliping/listing/probe_missing")
            self.logger.debug("no %s here (%d)", failure.request.url, response.status)
            return
        self.on_error(failure)

    def parse_robots(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        """The ``Sitemap:`` lines, as many as one listing may hold (KLIPING_LISTING_MAX_ENTRIES)."""
        if not hasattr(response, "text"):  # robots.txt redirected to an image, say
            self.listing_error("not_a_listing", response)
            return
        values = (value for name, _, value in (line.partition(":") for line in response.text.splitlines())
                  if name.strip().lower() == "sitemap" and value.strip())
        for value in self._entries(values, response):
            url = self.listed_url(response, value)
            if url and url not in self._seen_listings:
                yield self.discovered(url)

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        if not hasattr(response, "xpath"):
            return
        for link in response.xpath("//link[@rel='alternate']"):
            if (link.attrib.get("type") or "").lower() in FEED_TYPES and link.attrib.get("href"):
                url = self.listed_url(response, link.attrib["href"])
                if url and url not in self._seen_listings:
                    yield self.discovered(url)

    def parse_listing(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        """Feed or sitemap, told apart by the document, not by the URL it came from."""
        head = response.body[:600].lower()
        if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
            yield from self.parse_feed(response, source)
        elif b"<urlset" in head or b"<sitemapindex" in head or response.body[:2] == b"\x1f\x8b":
            yield from self.parse_sitemap(response, source)
        else:
            self.crawler.stats.inc_value("kliping/listing/not_a_listing")
