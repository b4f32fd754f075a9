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
from OpenSSL import SSL
from scrapy.exceptions import DownloadConnectionRefusedError
from scrapy.http import Response
from twisted.internet.error import ConnectionRefusedError as TxRefused

from kliping.crawler.markup import crowded_markup
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
    """A throwaway definition for ``domain`` (``www.`` optional): its listings are read over
    https, or over http when ``domain`` says so (``http://example.com``)."""
    given = domain.strip().lower()
    scheme = "http" if given.startswith("http://") else "https"
    domain = given.removeprefix("https://").removeprefix("http://").strip("/")
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
            Source("sitemap", f"{scheme}://{domain}/robots.txt"),
            Source("feed", f"{scheme}://{domain}/"),
        ),
        # a slug with at least three words, or an id of four digits or more, in the last segment
        article_pattern=rf"^https?://(?:[\w-]+\.)?{host}/(?:[^?#]*/)?(?:{ARTICLE_SEGMENT})/?(?:\?.*)?$",
        skip_patterns=SKIP,
    )


def no_https(exc: BaseException) -> bool:
    """Does ``exc`` (a download's failure) say the server does not speak https: a TLS error or a
    refused connection, however Scrapy and Twisted wrapped it (``__cause__``, ``reasons``)?"""
    todo, seen = [exc], 0
    while todo and seen < 20:  # (bounded: a chain is a few links)
        e = todo.pop()
        seen += 1
        if isinstance(e, SSL.Error | DownloadConnectionRefusedError | TxRefused):
            return True
        todo += [x for x in (e.__cause__, e.__context__) if x is not None]
        todo += [getattr(r, "value", r) for r in getattr(e, "reasons", None) or ()
                 if isinstance(getattr(r, "value", r), BaseException)]  # fmt: skip
    return False


class GenericSpider(NewsSpider):
    name = "generic"

    def __init__(self, domain: str | None = None, **kwargs: Any) -> None:
        if not domain:
            raise ValueError("the generic spider needs -a domain=example.com")
        self.site = generic_site(domain)  # type: ignore[misc]
        super().__init__(**kwargs)
        self._seen_listings: set[str] = set()
        self.base = self.site.sources[0].url.removesuffix("/robots.txt")
        # a domain given without its scheme: https first, http if https cannot be reached at all
        self._implicit = not domain.strip().lower().startswith(("http://", "https://"))

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        """``scrapy crawl generic`` (or a Scrapyd job) without ``-a domain`` or with one that is no
        host name: the ValueError of ``__init__`` became an asyncio "Task exception was never
        retrieved" and a traceback. As for a bad window (NewsSpider.from_crawler), the spider is
        made on a placeholder host it never fetches and refused when it opens, in one ERROR line."""
        try:
            if not kwargs.get("domain"):
                raise ValueError("the generic spider needs -a domain=example.com")
            generic_site(kwargs["domain"])
        except ValueError as exc:
            spider = super().from_crawler(crawler, *args, **{**kwargs, "domain": "invalid.example"})
            spider.window_error = str(exc)
            return spider
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[Any]:
        if getattr(self, "locked_out", False) or getattr(self, "window_error", None):
            return
        self.load_known()
        if self._implicit:
            # robots.txt first, alone: whether the site answers over https at all decides the
            # scheme of every other request (on_robots_error)
            yield self._robots(self.base, rest=True)
        else:
            for request in self._discovery(self.base):
                yield request

    def _robots(self, base: str, rest: bool = False) -> scrapy.Request:
        """robots.txt at ``base``; ``rest``: the other discovery requests follow its answer."""
        return scrapy.Request(base + "/robots.txt", callback=self.parse_robots, errback=self.on_robots_error,
                              cb_kwargs={"source": Source("sitemap", base + "/sitemap.xml"), "rest": rest},
                              dont_filter=True)  # fmt: skip

    def _discovery(self, base: str, robots: bool = True) -> Iterator[scrapy.Request]:
        """The requests that find the site's listings at ``base`` (``https://example.com``)."""
        if robots:
            yield self._robots(base)
        yield scrapy.Request(base + "/", callback=self.parse_home, errback=self.on_error, dont_filter=True)
        for path in WELL_KNOWN:
            if base + path not in self._seen_listings:  # (robots.txt may have listed it)
                yield self.discovered(base + path, probe=True)

    def on_robots_error(self, failure: Any) -> Iterator[scrapy.Request]:
        """robots.txt failed. A domain given without its scheme that does not speak https (the
        connection refused, or a TLS handshake a plain http server cannot answer) is read over
        http instead: many small sites still serve no https. Any other failure (a reset, a
        timeout, a 5xx) is the site's answer, as over https it stays."""
        rest = failure.request.cb_kwargs.get("rest", False)
        if rest and self.base.startswith("https://") and no_https(failure.value):
            old, self.base = self.base, "http://" + self.base.removeprefix("https://")
            self.crawler.stats.inc_value("kliping/listing/https_unreachable")
            self.logger.warning("%s could not be reached over https (%s): reading the site over http",
                                old, failure.value)  # fmt: skip
            yield from self._discovery(self.base)
            return
        self.on_probe_error(failure)
        if rest:
            yield from self._discovery(self.base, robots=False)

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

    def parse_robots(self, response: Response, source: Source,
                     rest: bool = False) -> Iterator[scrapy.Request]:
        """The ``Sitemap:`` lines, as many as one listing may hold (KLIPING_LISTING_MAX_ENTRIES);
        ``rest``: then the other discovery requests."""
        if not hasattr(response, "text"):  # robots.txt redirected to an image, say
            self.listing_error("not_a_listing", response)
        else:
            values = (value for name, _, value in (line.partition(":") for line in response.text.splitlines())
                      if name.strip().lower() == "sitemap" and value.strip())
            for value in self._entries(values, response):
                url = self.listed_url(response, value)
                if url and url not in self._seen_listings:
                    yield self.discovered(url)
        if rest:
            yield from self._discovery(self.base, robots=False)

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        if not hasattr(response, "xpath"):
            return
        if crowded_markup(response.body):  # hours of the reactor thread in the HTML parser
            self.listing_error("crowded_markup", response)
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
