"""What the crawler may reach on the wire, and how it backs off: the downloader middlewares.

- :class:`NetGuardMiddleware`: every request and every redirect hop (a redirect comes back here as
  a new request), listing or article, ``dont_filter`` or not, must be on one of the spider's
  ``allowed_domains`` (a registered site's ``domains``, the generic spider's domain) over http(s);
  and unless allowed by ``KLIPING_ALLOW_PRIVATE_NETWORKS``, its host must not be, or resolve to,
  a private, loopback, link-local, multicast or otherwise non-global address. Hosts served by the
  local mirror (``KLIPING_MIRROR``, an explicit opt-in of the demo and the tests) skip the address
  check only. Whatever is refused is dropped (``IgnoreRequest``) and counted.
- :class:`RobotsFirstMiddleware`: Scrapy's robots.txt middleware with its start-up race fixed: the
  requests that arrive while a host's robots.txt is being fetched all wait for its parser (in
  Scrapy, every waiter but the first got ``None`` back, which means "allow", and went out before
  robots.txt was in). A robots.txt that cannot be had (5xx, network error) disallows the host,
  as RFC 9309 asks, unless ``KLIPING_ROBOTS_UNREACHABLE = "allow"``.
- :class:`BackoffMiddleware`: a 429 or 503 slows the whole domain down, not just the one request:
  ``Retry-After`` (seconds or an HTTP date) is honoured up to ``KLIPING_RETRY_AFTER_MAX``, and
  without it the domain's delay doubles (``KLIPING_BACKOFF_BASE`` .. ``KLIPING_BACKOFF_MAX``); it
  halves again with every good response. RetryMiddleware still decides whether to retry.
- :class:`CharsetMiddleware`: a response whose charset label is no charset (``base64``…) is read
  as the cleaner reads it; :class:`MetaRefreshMiddleware`: a refresh to no URL keeps the page.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as _MetaRefresh
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IResolutionReceiver
from zope.interface import implementer

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Dropped(IgnoreRequest):
    """A request the network guard refused (another host, a private address)."""


def host_allowed(host: str, domains: Iterable[str]) -> bool:
    """``host`` is one of ``domains`` or a subdomain of one (ports and case ignored)."""
    host = host.lower().rstrip(".")
    for domain in domains:
        d = domain.lower().split(":")[0].strip(".")
        if d and (host == d or host.endswith("." + d)):
            return True
    return False


def is_public(ip: IPAddress) -> bool:
    """A global unicast address: not private, loopback, link-local, multicast, reserved, …"""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _ip(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%")[0])
    except ValueError:
        return None


class PrivateAllowance:
    """``KLIPING_ALLOW_PRIVATE_NETWORKS``: CIDRs, addresses or host names, or ``*`` for all."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.everything = False
        self.networks: list[IPNetwork] = []
        self.hosts: set[str] = set()
        for raw in entries:
            entry = raw.strip().lower()
            if not entry:
                continue
            if entry in ("*", "true", "1", "yes"):
                self.everything = True
                continue
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self.hosts.add(entry.rstrip("."))

    def allows(self, host: str, ip: IPAddress | None = None) -> bool:
        if self.everything or host.lower().rstrip(".") in self.hosts:
            return True
        return ip is not None and any(ip in net for net in self.networks)


@implementer(IResolutionReceiver)
class _Collect:
    """Collects every address a name resolves to; fires ``done`` with them."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.done: Deferred[list[str]] = Deferred()

    def resolutionBegan(self, resolution: Any) -> None:  # noqa: N802 (Twisted API)
        pass

    def addressResolved(self, address: Any) -> None:  # noqa: N802
        host = getattr(address, "host", None)
        if host:
            self.addresses.append(host)

    def resolutionComplete(self) -> None:  # noqa: N802
        self.done.callback(self.addresses)


async def resolve(host: str) -> list[str]:
    """The addresses of ``host`` through the reactor's resolver: the one (and the DNS cache) the
    download itself then uses, so the address checked is the address connected to."""
    from twisted.internet import reactor

    receiver = _Collect()
    reactor.nameResolver.resolveHostName(receiver, host, 0)  # type: ignore[attr-defined]
    return await maybe_deferred_to_future(receiver.done)


_UNSEEN: Any = object()
_LITERALS_KEPT = 4096


class NetGuardMiddleware:
    """Only the spider's own hosts, and only public addresses unless allowed (see module doc)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.mirror = {h.lower() for h in settings.getdict("KLIPING_MIRROR")}
        self.allowance = PrivateAllowance(settings.getlist("KLIPING_ALLOW_PRIVATE_NETWORKS"))
        self._logged: set[tuple[str, str]] = set()
        # host -> None (a name, not an address), True (an address allowed), False (refused): a
        # host's text is parsed as an address once, not on every request (two failed parses,
        # IPv4 then IPv6, for every request to a named host)
        self._literals: dict[str, bool | None] = {}
        from kliping.crawler.headerlimit import DEFAULT_MAXSIZE, install

        install(settings.getint("KLIPING_HEADERS_MAXSIZE", DEFAULT_MAXSIZE))  # before any response

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetGuardMiddleware:
        return cls(crawler)

    def _drop(self, request: Request, why: str, host: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(f"kliping/{why}/dropped")
        if (why, host) not in self._logged:  # once per host: a hostile site can list thousands
            self._logged.add((why, host))
            logger.warning("dropped %s request to %r: %s", why, host, request.url)
        raise Dropped(f"{why}: {host or request.url}")

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        parts = urlparse_cached(request)
        host = (parts.hostname or "").lower()
        if parts.scheme == "data":
            return
        spider = self.crawler.spider
        domains = list(getattr(spider, "allowed_domains", None) or [])
        if parts.scheme not in ("http", "https") or not host:
            self._drop(request, "offsite", host)
        if domains and not host_allowed(host, domains):
            self._drop(request, "offsite", host)
        if host in self.mirror:
            return  # served from the local mirror: the demo's and the tests' explicit opt-in
        verdict = self._literals.get(host, _UNSEEN)
        if verdict is _UNSEEN:
            literal = _ip(host)
            verdict = None if literal is None else (
                is_public(literal) or self.allowance.allows(host, literal))
            if len(self._literals) >= _LITERALS_KEPT:  # a hostile listing's endless hosts
                self._literals.clear()
            self._literals[host] = verdict
        if verdict is not None:  # an address: allowed or not, nothing to resolve
            if not verdict:
                self._drop(request, "private_address", host)
            return
        if self.allowance.everything or self.allowance.allows(host):
            return
        for text in await resolve(host):
            ip = _ip(text)
            if ip is not None and not is_public(ip) and not self.allowance.allows(host, ip):
                self._drop(request, "private_address", host)
        # a name that does not resolve goes on and fails in the download (a counted DNS error)


class RobotsFirstMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, waiting right and strict about an unreachable robots.txt, one
    robots.txt per origin (scheme, host and port) as RFC 9309 has it."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._unreachable = crawler.settings.get("KLIPING_ROBOTS_UNREACHABLE", "disallow")
        self._maxsize = crawler.settings.getint("KLIPING_ROBOTS_MAXSIZE", 512_000)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        url = urlparse_cached(request)
        # one robots.txt per origin (RFC 9309 2.3): http://host and https://host are read apart,
        # so a site read over http once https failed is not ruled by the failure (kept per "netloc"
        # in Scrapy's names below)
        netloc = f"{url.scheme}://{url.netloc}"
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robotsreq = Request(
                f"{netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True},
                callback=NO_CALLBACK,
            )
            assert self.crawler.engine is not None
            try:
                resp = await self.crawler.engine.download_async(robotsreq)
                await self._parse_robots(resp, netloc, request)
            except Exception as exc:  # noqa: BLE001 - any failure is "robots.txt unreachable"
                # one line, not Scrapy's traceback: a site that resets is not our bug
                logger.warning("robots.txt of %s not fetched: %s", netloc, exc)
                self._robots_error(exc, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            # A Deferred turned into a Future hands its result to the first waiter only (the rest
            # got None, "no robots.txt, allow all", in Scrapy). Each waiter gets its own relay.
            mine: Deferred[RobotParser | None] = Deferred()

            def relay(result: Any) -> Any:
                mine.callback(result)
                return result

            parser.addBoth(relay)
            return await maybe_deferred_to_future(mine)
        return parser

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        # 5xx (and 429, as Google reads it) after the retries: "unreachable", not "no rules"
        if (response.status >= 500 or response.status == 429) and self._unreachable == "disallow":
            self._stats.inc_value("kliping/robots/unreachable")
            response = response.replace(body=b"User-agent: *\nDisallow: /\n")
        elif len(response.body) > self._maxsize > 0:
            # RFC 9309 2.5: a parsing limit of at least 500 KiB, what follows it ignored (as
            # Google does). Whole, a 9.5 MB robots.txt of rules took 9 s to parse and 0.2 s of
            # every request's check, in the reactor thread: a site could stall its own crawl
            body = response.body[: self._maxsize]
            body = body[: body.rfind(b"\n") + 1]
            self._stats.inc_value("kliping/robots/truncated")
            logger.warning("robots.txt of %s is %d bytes: read up to %d", netloc, len(response.body),
                           len(body))
            response = response.replace(body=body)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if self._unreachable != "disallow":
            super()._robots_error(exc, netloc)
            return
        # no answer at all (reset, timeout, DNS), or none that could be read: an IgnoreRequest of
        # a middleware (a Content-Encoding that inflates past DOWNLOAD_MAXSIZE), or of the guard on
        # a redirect to another host (the guard passed this host already, before this middleware:
        # a drop can only be a hop); both let every URL through before. RFC 9309 2.3.1.4: assume
        # complete disallow
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._stats.inc_value("kliping/robots/unreachable")
        parser = build_from_crawler(self._parserimpl, self.crawler, b"User-agent: *\nDisallow: /\n")
        pending = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(pending, Deferred):
            pending.callback(parser)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None if absent/bad."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()[:64]
    if text.isdigit():  # (ASCII only: "²" is a digit to str.isdigit and no number to int)
        return float(int(text)) if text.isascii() else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffMiddleware:
    """Per-domain backoff on 429/503 (see module doc). Counted in ``kliping/throttle/*``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.codes = {int(c) for c in settings.getlist("KLIPING_BACKOFF_HTTP_CODES", [429, 503])}
        self.cap = settings.getfloat("KLIPING_RETRY_AFTER_MAX", 120.0)
        self.base = max(settings.getfloat("KLIPING_BACKOFF_BASE", 1.0),
                        settings.getfloat("DOWNLOAD_DELAY"))
        self.ceiling = settings.getfloat("KLIPING_BACKOFF_MAX", 120.0)
        self.backoff: dict[str, float] = {}  # slot key -> current backoff delay (s)
        self.saved: dict[str, tuple[float, float]] = {}  # slot key -> its (delay, jitter) before
        self.throttled_at: dict[str, float] = {}  # slot key -> monotonic time of the last 429/503
        self.applied: dict[str, float] = {}  # slot key -> the delay last set on its slot here

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        mw = cls(crawler)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _slot(self, request: Request) -> tuple[str, Any]:
        engine = self.crawler.engine
        assert engine is not None
        downloader = engine.downloader
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not self.backoff:  # no slot backs off (nearly always): nothing to look up
            return
        key, slot = self._slot(request)
        if key in self.backoff and slot is not None:
            self._impose(key, slot)  # the slot may have been collected and made anew meanwhile

    def _impose(self, key: str, slot: Any) -> None:
        """The slot waits at least the backoff. While the slot's delay is still the one set here,
        it follows the backoff down as well as up; once another hand (AutoThrottle) set it, the
        backoff is only a floor under that."""
        if key not in self.saved:
            self.saved[key] = (slot.delay, slot.jitter)
        if slot.delay == self.applied.get(key):
            slot.delay = max(self.backoff[key], self.saved[key][0])
        else:
            slot.delay = max(slot.delay, self.backoff[key])
        slot.jitter = 0.0  # a random -50 % would cut a Retry-After short
        self.applied[key] = slot.delay

    def _release(self, key: str, slot: Any) -> None:
        """Backoff over: the slot's own delay and jitter back (unless AutoThrottle moved on)."""
        del self.backoff[key]
        delay, jitter = self.saved.pop(key, (None, None))
        applied = self.applied.pop(key, None)
        if slot is None or delay is None or jitter is None:
            return
        if slot.delay == applied:
            slot.delay = delay
        slot.jitter = jitter

    def process_response(self, request: Request, response: Response,
                         spider: Spider | None = None) -> Response:
        if not self.backoff and response.status not in self.codes:
            return response  # nothing backs off and this answer does not start it
        key, slot = self._slot(request)
        stats = self.crawler.stats
        assert stats is not None
        if response.status in self.codes:
            stats.inc_value("kliping/throttle/responses")
            stats.inc_value(f"kliping/throttle/http_{response.status}")
            prev = self.backoff.get(key, 0.0)
            if prev and time.monotonic() - self.throttled_at.get(key, 0.0) < prev:
                grown = prev  # sent before the current wait began: the same burst, no new step
            else:
                grown = min(max(prev * 2, self.base), self.ceiling)
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                stats.inc_value("kliping/throttle/retry_after")
                if asked > self.cap:
                    stats.inc_value("kliping/throttle/retry_after_capped")
                    asked = self.cap
            delay = max(grown, asked or 0.0)
            self.backoff[key] = delay
            self.throttled_at[key] = time.monotonic()
            stats.max_value("kliping/throttle/max_delay", round(delay, 3))
            if slot is not None:
                self._impose(key, slot)
                slot.lastseen = max(slot.lastseen, time.monotonic())  # wait from this answer on
            logger.info("%s answered %d: waiting %.1f s between its requests", key,
                        response.status, delay)
        elif key in self.backoff and response.status < 400:
            if time.monotonic() - self.throttled_at.get(key, 0.0) >= self.backoff[key]:
                # an answer after the wait was served: the server copes again, halve the delay
                # (earlier answers were to requests sent before the wait and say nothing)
                self.backoff[key] /= 2
                if self.backoff[key] < self.base:
                    self._release(key, slot)
                    return response
            if slot is not None:
                self._impose(key, slot)
        return response

    def spider_closed(self, spider: Spider) -> None:
        for mapping in (self.backoff, self.saved, self.throttled_at, self.applied):
            mapping.clear()


class CharsetMiddleware:
    """A response whose charset label names a Python codec that is no charset (``base64``,
    ``zlib``, ``hex``, ``rot13``: bytes to bytes; ``idna``, ``undefined``, ``punycode``…), in its
    Content-Type or its ``<meta>``: ``response.text`` raised (LookupError, UnicodeError) in the meta
    refresh middleware and in the spider's callbacks, a traceback and the page, the robots.txt, the
    listing lost. Such a label is unknown to a browser, which reads on as if there were none: the
    response is given the codec the cleaner reads it with (:func:`kliping.clean.decode.codec_of`).
    Its body and headers, archived, stay as received."""

    def process_response(self, request: Request, response: Response,
                         spider: Spider | None = None) -> Response:
        if not isinstance(response, TextResponse):
            return response
        label = response._declared_encoding()
        if not label:
            return response
        from kliping.clean.decode import codec, codec_of

        if codec(label) is not None:
            return response
        ctype = response.headers.get("Content-Type") or b""
        return response.replace(encoding=codec_of(response.body, {"content-type": ctype.decode("latin-1")}))


class MetaRefreshMiddleware(_MetaRefresh):
    """Scrapy's, but a meta refresh to what no request can be made of (``javascript:…``,
    ``http://[::1``) leaves the page as it is, as a browser does: Scrapy raised ValueError ("Missing
    scheme", "Invalid IPv6 URL") and the page, an article, was lost as a failed request."""

    def process_response(self, request: Request, response: Response,
                         spider: Spider | None = None) -> Request | Response:
        try:
            return super().process_response(request, response)
        except ValueError:
            return response
