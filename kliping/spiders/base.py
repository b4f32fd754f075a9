"""The one base news spider; each registered site is a subclass naming its ``Site`` definition,
made from the registry (:mod:`kliping.spiders.sites`).

Discovery: typed sources (news sitemap, sitemap / sitemap index, RSS/Atom feed, date-indexed
archive pages), each bounded by ``since``/``until``. Listing pages are always re-read
(``dont_filter``); article URLs already in the output's raw archive are skipped (incremental).
Every article response is yielded as a raw record for the archive; cleaning happens in a pipeline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from w3lib.url import add_or_replace_parameter

from kliping.crawler.lifecycle import new_run_id
from kliping.crawler.markup import crowded_markup
from kliping.crawler.seen import SeenSet
from kliping.dataset.records import raw_record, request_fields
from kliping.sites.base import Site, Source
from kliping.spiders.sources import STRATEGIES

RAW_KEY = "raw"
MAX_ARTICLE_PAGES = 20  # "halaman selanjutnya" chains longer than this are cut


def join_pages(pages: list[tuple[str, str]], body_xpath: str | None) -> bytes:
    """One document from an article split over pages (``pagination="next_link"``).

    ``pages`` is ``[(url, html_text), …]`` in reading order. The body container (``body_xpath``, else
    ``<body>``) of every later page is appended to the first page's, after a
    ``<!-- kliping:page URL -->`` marker, so the cleaner sees one article. UTF-8 out.
    """
    from lxml import html as lhtml

    doc = lhtml.document_fromstring(pages[0][1])
    found = doc.xpath(body_xpath) if body_xpath else []
    target = found[0] if found and not isinstance(found[0], str) else doc.body
    for url, text in pages[1:]:
        try:
            other = lhtml.document_fromstring(text)
        except (etree.ParserError, ValueError):
            continue  # an empty or unparsable later page adds nothing (the spider keeps out most)
        src = other.xpath(body_xpath) if body_xpath else []
        container = src[0] if src and not isinstance(src[0], str) else other.body
        target.append(etree.Comment(f" kliping:page {url} "))
        for child in list(container):
            target.append(child)
    return lhtml.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")


def _request_fields(request: Any) -> dict[str, Any]:
    """The raw row's request columns: the request Scrapy sent for the page (its middlewares have
    set the User-Agent and the rest by then); none when the response has no request."""
    if request is None:
        return {}
    headers = [(k.decode("latin-1"), ", ".join(v.decode("latin-1") for v in vs))
               for k, vs in request.headers.items()]
    return request_fields(request.method, headers)


def _header_dict(response: Response) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, values in response.headers.items():
        name = key.decode("latin-1").lower()
        out[name] = ", ".join(v.decode("latin-1") for v in values)
    return out


def _is_text(response: Response) -> bool:
    """Scrapy made a text response of it (an image or a PDF at an extension-less URL it did not)."""
    return hasattr(response, "text") and hasattr(response, "xpath")


def _page_text(response: Response, headers: dict[str, str]) -> str | None:
    """The page's text when it is an HTML page with something in it; None for an empty body, for
    what :func:`kliping.clean.sniff.not_html` says is not a page, and for markup no parser should
    be handed in the reactor thread (:func:`crowded_markup`): nothing to follow or join."""
    from kliping.clean.sniff import not_html

    if not _is_text(response) or not response.body.strip() or not_html(response.body, headers) \
            or crowded_markup(response.body):
        return None
    text = response.text
    return text if text.strip() else None


def _localname(tag: str) -> str:
    """``{ns}loc`` -> ``loc``; also ``news:publication_date`` -> ``publication_date``, a prefixed tag
    whose namespace was never declared (lxml's recovering parser keeps it, ``etree.QName`` refuses
    it with a ValueError)."""
    return tag.rpartition("}")[2].rpartition(":")[2]


def _parse_listing_date(text: str | None, tz: timezone) -> date | None:
    """Dates in sitemaps (W3C datetime) and feeds (RFC 822), as a local calendar date."""
    if not text:
        return None
    text = text.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if dt.tzinfo is None:
        return dt.date()
    try:
        return dt.astimezone(tz).date()
    except OverflowError:  # 0001-01-01T00:00+14:00, 9999-12-31T23:59-14:00: no such local day
        return dt.date()


class NewsSpider(scrapy.Spider):
    """Base spider: subclasses set ``name`` and ``site``; hooks may be overridden."""

    site: ClassVar[Site]
    name = "news"

    def __init__(
        self,
        since: str | date | None = None,
        until: str | date | None = None,
        limit: int | str | None = None,
        run_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        # one parser for every entry point (kliping crawl, scrapy crawl -a, Scrapyd): a clear
        # ValueError for a bad date or an empty window
        from kliping.crawler.run import LAST, check_window, parse_limit, parse_since, parse_until

        first = parse_since(since)
        self.until = parse_until(until)
        check_window(first, self.until)
        # "last" needs the output's ledger, which only the crawler's settings name: it is resolved
        # when the run opens (kliping.crawler.run.resolve_since, from the RunLedger extension)
        self.since_last = first == LAST
        self.since: date | None = None if self.since_last else first  # type: ignore[assignment]
        self.limit = parse_limit(limit)
        self.run_id = run_id or new_run_id()
        self.tz = self.site.tz
        self.known: SeenSet = SeenSet()
        self._scheduled = 0
        # host names: Scrapy's offsite filter matches a request's host without its port, so a
        # domain given as "127.0.0.1:8080" (a server of one's own) is allowed as its host
        self.allowed_domains = list(dict.fromkeys(d.split(":")[0] for d in self.site.domains))

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        """``scrapy crawl SITE -a since=2024-13-05``: the ValueError of ``__init__`` became an
        asyncio "Task exception was never retrieved" and a traceback. The spider is made without
        the window and keeps the message in ``window_error``; the RunLedger extension refuses it
        when it opens (one ERROR line, no request, no ledger row), as for since=last > until."""
        from kliping.crawler.run import check_window, parse_limit, parse_since, parse_until

        try:
            check_window(parse_since(kwargs.get("since")), parse_until(kwargs.get("until")))
            parse_limit(kwargs.get("limit"))
        except ValueError as exc:
            rest = {k: v for k, v in kwargs.items() if k not in ("since", "until", "limit")}
            spider = super().from_crawler(crawler, *args, **rest)
            spider.window_error = str(exc)
            return spider
        return super().from_crawler(crawler, *args, **kwargs)

    # -- set-up -----------------------------------------------------------------------------------
    def load_known(self) -> None:
        """Incremental crawling: article URLs already in the output's raw archive are skipped.
        A raw part that cannot be read closes the spider (reason ``bad_part``, one ERROR line)
        before its first request: crawling on would fetch and store again what the part holds."""
        from kliping.dataset.storage import BadPartsError

        out = self.settings.get("KLIPING_OUT")
        if out and self.settings.getbool("KLIPING_INCREMENTAL", True):
            try:
                self.known = SeenSet.from_archive(out, [self.site.key])
            except BadPartsError as exc:
                self.logger.error("%s: not crawling", exc)
                self.crawler.stats.set_value("kliping/bad_part", str(exc))
                raise CloseSpider("bad_part") from None
            self.crawler.stats.set_value("kliping/seen/known_urls", len(self.known))

    def date_index_days(self) -> list[date]:
        """The days a date index is walked for, newest first: since..until (default the last two
        days), never past tomorrow (:func:`kliping.spiders.sources.date_index_days`)."""
        from kliping.spiders.sources import date_index_days

        return date_index_days(self.since, self.until, datetime.now(self.tz).date())

    def in_window(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    # -- discovery --------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        if getattr(self, "locked_out", False) or getattr(self, "window_error", None):
            return  # another run holds the output, or a bad window (RunLedger said which)
        self.load_known()
        for request in self.source_requests():
            yield request

    def source_requests(self) -> Iterator[scrapy.Request]:
        """The first listing requests of every source, each built by its kind's strategy
        (:mod:`kliping.spiders.sources`)."""
        for source in self.site.sources:
            yield from STRATEGIES[source.kind].start_requests(self, source)

    def listing_request(
        self, url: str, source: Source, callback: Any, depth: int = 0, **cb_kwargs: Any
    ) -> scrapy.Request:
        """A listing page. ``dont_filter``: listings are always re-read (the network guard of
        kliping/crawler/netguard.py still keeps them, and their redirects, on the site's own hosts)."""
        return scrapy.Request(
            url,
            callback=callback,
            cb_kwargs={"source": source, **cb_kwargs},
            dont_filter=True,
            errback=self.on_error,
            meta={"kliping_listing": source.kind, "kliping_sitemap_depth": depth},
        )

    def _entries(self, nodes: Iterable[Any], response: Response) -> Iterator[Any]:
        """At most KLIPING_LISTING_MAX_ENTRIES entries of one listing document (the sitemap
        protocol's 50,000); the rest are counted in kliping/listing/entries_over_limit."""
        cap = self.settings.getint("KLIPING_LISTING_MAX_ENTRIES", 50_000)
        for n, node in enumerate(nodes):
            if n >= cap:
                self.crawler.stats.inc_value("kliping/listing/entries_over_limit")
                self.logger.warning("listing cut at %d entries: %s", cap, response.url)
                return
            yield node

    def parse_sitemap(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        body = response.body
        if response.url.endswith(".gz") or body[:2] == b"\x1f\x8b":
            limit = self.settings.getint("KLIPING_SITEMAP_MAXSIZE", 50 * 1024 * 1024)
            try:
                body = gunzip(body, max_size=limit)
            except ValueError:
                # Scrapy's gunzip raises a ValueError subclass past max_size: a gzip bomb
                self.listing_error("too_large", response)
                return
            except (OSError, EOFError):
                self.listing_error("bad_gzip", response)
                return
        try:
            root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.listing_error("bad_sitemap", response)
            return
        tag = _localname(root.tag)
        depth = int(response.meta.get("kliping_sitemap_depth", 0))
        if tag == "sitemapindex" and depth >= self.settings.getint("KLIPING_SITEMAP_DEPTH", 3):
            # indexes of indexes, or an index listing itself: a loop, since listings skip the
            # duplicate filter
            self.listing_error("too_deep", response)
            return
        for node in self._entries((n for n in root if isinstance(n.tag, str)), response):
            fields = {
                _localname(c.tag): (c.text or "").strip()
                for c in node.iter()
                if isinstance(c.tag, str)
            }
            loc = fields.get("loc")
            if not loc:
                continue
            stamp = fields.get("publication_date") or fields.get("lastmod")
            day = _parse_listing_date(stamp, self.tz)
            if tag == "sitemapindex":
                # a live index is a working source, even when the window skips every child
                self.crawler.stats.inc_value(f"kliping/source/{source.kind}/listed")
                # a child sitemap last modified before `since` holds nothing newer
                if self.since and day and day < self.since:
                    continue
                child = self.listed_url(response, loc)
                if child and self._new_child_sitemap(child):
                    yield self.listing_request(child, source, self.parse_sitemap, depth=depth + 1)
            else:
                url = self.listed_url(response, loc)
                if not url:
                    continue
                self.count_entry(source.kind, url)
                if self.in_window(day):
                    yield from self.article_requests([url], source.kind)

    def _new_child_sitemap(self, url: str) -> bool:
        """Fetch this child of a sitemap index? Each child once per crawl, and at most
        KLIPING_SITEMAP_MAX_CHILDREN of them (the protocol's 50,000, one full index): listings
        skip the duplicate filter, so an index naming itself (or children that name it back) N
        times was fetched N + N² + N³ times, and N distinct children each naming N more as many;
        the rest are counted in kliping/listing/repeated_sitemap and sitemaps_over_limit."""
        seen: set[str] = self.__dict__.setdefault("_child_sitemaps", set())
        if url in seen:
            self.crawler.stats.inc_value("kliping/listing/repeated_sitemap")
            return False
        if len(seen) >= self.settings.getint("KLIPING_SITEMAP_MAX_CHILDREN", 50_000):
            if not self.crawler.stats.get_value("kliping/listing/sitemaps_over_limit"):
                self.logger.warning("more than %d child sitemaps listed: the rest are not read", len(seen))
            self.crawler.stats.inc_value("kliping/listing/sitemaps_over_limit")
            return False
        seen.add(url)
        return True

    def parse_feed(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        try:
            root = etree.fromstring(
                response.body, parser=etree.XMLParser(recover=True, resolve_entities=False)
            )
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.listing_error("bad_feed", response)
            return
        for item in self._entries(root.iter("{*}item", "{*}entry", "item", "entry"), response):
            link = None
            stamp = None
            for child in item:
                if not isinstance(child.tag, str):
                    continue
                local = _localname(child.tag)
                if local == "link":
                    link = link or (child.get("href") or child.text or "").strip()
                elif local in ("pubDate", "published", "updated", "date") and stamp is None:
                    stamp = child.text
            url = self.listed_url(response, link) if link else None
            if not url:
                continue
            self.count_entry("feed", url)
            if self.in_window(_parse_listing_date(stamp, self.tz)):
                yield from self.article_requests([url], "feed")

    def parse_date_index(
        self, response: Response, source: Source, day: date, page: int
    ) -> Iterator[scrapy.Request]:
        if not _is_text(response):  # an image, a PDF, binary junk at an index URL
            self.listing_error("not_a_listing", response)
            return
        if crowded_markup(response.body):  # hours of the reactor thread in the HTML parser
            self.listing_error("crowded_markup", response)
            return
        links = [self.listed_url(response, h) for h in response.xpath("//a/@href").getall()]
        found = [u for u in dict.fromkeys(links) if u and self.site.is_article(u)]
        self.crawler.stats.inc_value("kliping/listing/date_index_pages")
        for url in found:
            self.count_entry("date_index", url)
        yield from self.article_requests(found, "date_index")
        if not found or page - source.first_page + 1 >= source.max_pages:
            return
        nxt = response.xpath(source.next_page_xpath).get()
        nxt_url = self.listed_url(response, nxt) if nxt else None
        if nxt_url:
            yield self.listing_request(
                nxt_url, source, self.parse_date_index, day=day, page=page + 1
            )

    def listed_url(self, response: Response, ref: str) -> str | None:
        """The absolute URL a listing names, or None (counted in kliping/listing/bad_url) for what
        no request can be made of ("http://[", "a:"). Which hosts and schemes may be fetched is the
        network guard's call (kliping/crawler/netguard.py), not the parser's."""
        try:
            url = response.urljoin(ref.strip())
            urlsplit(url).port  # noqa: B018 - raises ValueError on a malformed port
        except ValueError:
            url = ""
        if "://" not in url:
            self.crawler.stats.inc_value("kliping/listing/bad_url")
            return None
        return url

    def listing_error(self, kind: str, response: Response) -> None:
        """A listing that cannot be read (bad or oversized gzip, not XML): counted, logged once per
        URL, never raised: one broken listing must not end the crawl of the others."""
        stats = self.crawler.stats
        stats.inc_value("kliping/listing/errors")
        stats.inc_value(f"kliping/listing/{kind}")
        self.logger.warning("listing not read (%s): %s", kind, response.url)

    def count_entry(self, kind: str, url: str) -> None:
        """Article URLs a source lists, before the window filter: the health checks compare these
        across runs, so a source that stops listing anything shows, however narrow the window."""
        if self.site.is_article(url):
            self.crawler.stats.inc_value(f"kliping/source/{kind}/listed")

    # -- articles ---------------------------------------------------------------------------------
    def article_url(self, url: str) -> str:
        """The URL fetched for an article: the one-page variant where the site has one."""
        if self.site.pagination == "single=1":
            return add_or_replace_parameter(url, "single", "1")
        if self.site.pagination == "page=all":
            return add_or_replace_parameter(url, "page", "all")
        return url

    def article_requests(self, urls: Iterable[str], via: str) -> Iterator[scrapy.Request]:
        stats = self.crawler.stats
        for url in urls:
            if not self.site.is_article(url):
                stats.inc_value("kliping/articles/not_article_url")
                continue
            fetch = self.article_url(url)
            if fetch in self.known:
                if self.known.first_skip(fetch):  # each known article once, however often listed
                    stats.inc_value("kliping/articles/skipped_known")
                continue
            if self.limit is not None and self._scheduled >= self.limit:
                stats.inc_value("kliping/articles/over_limit")
                continue
            self._scheduled += 1
            yield scrapy.Request(
                fetch,
                callback=self.parse_article,
                errback=self.on_error,
                meta={"kliping_via": via},
            )

    def parse_article(
        self, response: Response, pages: list[tuple[str, str]] | None = None
    ) -> Iterator[Any]:
        body = response.body
        headers = _header_dict(response)
        if self.site.pagination == "next_link":
            # follow "halaman selanjutnya" and archive the pages joined as one article
            page = _page_text(response, headers)
            if page is None and pages:
                # a later page that is empty, binary or not HTML ends the chain: the pages so far
                # are the article (dropping them would refetch, and lose, them on every run)
                self.crawler.stats.inc_value("kliping/articles/page_unreadable")
                self.logger.warning("article page not HTML, kept the pages before it: %s", response.url)
                body = join_pages(pages, self.site.layouts[-1].body_xpath)
                headers = {"content-type": "text/html; charset=utf-8",
                           "x-kliping-pages": " ".join(u for u, _ in pages),
                           "x-kliping-page-unreadable": response.url}
                response = response.replace(url=pages[0][0], status=200)
            elif page is not None:
                pages = [*(pages or []), (response.url, page)]
                nxt = response.xpath(self.site.next_page_xpath).get()
                # as a listing's link: "http://[" raised in this callback and lost the article
                nxt_url = self.listed_url(response, nxt) if nxt else None
                if (nxt_url and len(pages) < MAX_ARTICLE_PAGES and self.site.is_article(nxt_url)
                        and nxt_url not in {u for u, _ in pages}):
                    yield scrapy.Request(
                        nxt_url,
                        callback=self.parse_article,
                        errback=self.on_error,
                        cb_kwargs={"pages": pages},
                        meta={"kliping_via": response.meta.get("kliping_via", "link")},
                    )
                    return
                if len(pages) > 1:
                    self.crawler.stats.inc_value("kliping/articles/pages_joined", len(pages) - 1)
                    body = join_pages(pages, self.site.layouts[-1].body_xpath)
                    headers["content-type"] = "text/html; charset=utf-8"
                    headers["x-kliping-pages"] = " ".join(u for u, _ in pages)
                response = response.replace(url=pages[0][0]) if len(pages) > 1 else response
        redirects = response.request.meta.get("redirect_urls") if response.request else None
        requested = redirects[0] if redirects else response.url
        raw = raw_record(
            url=requested, final_url=response.url, site=self.site.key, status=response.status,
            headers=headers, body=body, run_id=self.run_id,
            discovered_via=response.meta.get("kliping_via", "link"),
            **_request_fields(response.request),
        )
        item = self.post_process_raw(raw, response)
        if item is not None:
            yield {RAW_KEY: item}

    def post_process_raw(self, raw: dict[str, Any], response: Response) -> dict[str, Any] | None:
        """Hook: adjust or drop (return None) a raw record. Does nothing by default."""
        return raw

    def on_error(self, failure: Any) -> None:
        stats = self.crawler.stats
        response = getattr(failure.value, "response", None)
        if response is not None:
            stats.inc_value(f"kliping/errors/http_{response.status}")
        elif isinstance(failure.value, IgnoreRequest):  # the guard's Dropped too: counted apart
            stats.inc_value("kliping/errors/IgnoreRequest")
        else:
            stats.inc_value(f"kliping/errors/{type(failure.value).__name__}")
        stats.inc_value("kliping/errors")
        self.logger.warning("request failed: %s (%s)", failure.request.url, failure.value)
