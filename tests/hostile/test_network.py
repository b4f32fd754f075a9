"""Issue 13, the network: a hostile site cannot send the crawler elsewhere, past robots.txt, into a
bomb or a hammering loop. Every case is a real `kliping crawl generic` (or a registered site) in a
child process against :class:`tests.hostile.server.HostileServer` on 127.0.0.1; "another host" is a
second server under another name (through the mirror) or on another loopback address, and it must
see no request and no connection at all.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kliping.crawler.ledger import read_ledger
from kliping.crawler.netguard import PrivateAllowance, host_allowed, is_public, retry_after_seconds
from kliping.dataset.storage import read_dataset
from tests.conftest import kliping
from tests.hostile.server import ARTICLES, SINCE, UNTIL, HostileServer

HOST, OTHER = "berita.example", "lain.example"
LOCAL = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO"]
ARTICLE_URLS = {f"https://{HOST}{path}" for path, *_ in ARTICLES}


@dataclass
class Run:
    proc: subprocess.CompletedProcess
    out: Path

    def stat(self, key: str) -> int:
        """A counter from the stats Scrapy dumps at the end (0 when absent)."""
        found = re.search(rf"'{re.escape(key)}': (\d+)", self.proc.stderr)
        return int(found.group(1)) if found else 0

    def archived(self) -> set[str]:
        raw = self.out / "raw"
        return set(read_dataset(raw).column("url").to_pylist()) if raw.exists() else set()

    def clean(self) -> None:
        """Finished without a traceback, whatever the site did."""
        assert "Traceback" not in self.proc.stderr, self.proc.stderr[-3000:]
        assert self.proc.returncode == 0, self.proc.stdout[-2000:] + self.proc.stderr[-3000:]


def crawl(out: Path, mirror: dict[str, str], *args: str, domain: str = HOST) -> Run:
    proc = kliping("crawl", "generic", "--domain", domain, "--since", SINCE, "--until", UNTIL,
                   "--out", str(out), "--mirror", json.dumps(mirror), *LOCAL, *args, timeout=180)
    return Run(proc, out)


def both(site: HostileServer, other: HostileServer) -> dict[str, str]:
    return {**site.mirror(HOST), **other.mirror(OTHER)}


def untouched(other: HostileServer) -> None:
    assert other.total_hits == 0, dict(other.hits)
    assert other.connections == 0


# -- only the site's own hosts -------------------------------------------------------------------

def test_well_behaved_site_is_crawled(tmp_path, site, other) -> None:
    """The control: the same crawl with every switch off archives every article."""
    run = crawl(tmp_path, both(site, other))
    run.clean()
    assert run.archived() == ARTICLE_URLS
    assert run.stat("kliping/offsite/dropped") == 0
    untouched(other)


def test_robots_sitemap_line_to_another_host(tmp_path, site, other) -> None:
    site.set(robots_sitemaps=[f"https://{OTHER}/sitemap.xml", f"http://{OTHER}:8080/x.xml"])
    run = crawl(tmp_path, both(site, other))
    run.clean()
    untouched(other)
    assert run.stat("kliping/offsite/dropped") >= 2
    assert run.archived() == ARTICLE_URLS


def test_feed_link_to_another_host(tmp_path, site, other) -> None:
    site.set(feed_links=[f"https://{OTHER}/feed/", f"https://www.{OTHER}/rss"])
    run = crawl(tmp_path, {**both(site, other), **other.mirror(f"www.{OTHER}")})
    run.clean()
    untouched(other)
    assert run.stat("kliping/offsite/dropped") >= 2
    assert run.archived() == ARTICLE_URLS


def test_off_domain_sitemap_and_feed_entries(tmp_path, site, other) -> None:
    stray = [f"https://{OTHER}/2025/03/10/berita-lain-yang-menyasar/",
             "file:///etc/passwd", f"ftp://{OTHER}/2025/03/10/berkas-lain-di-sana"]
    site.set(sitemap_entries=stray, feed_items=stray)
    run = crawl(tmp_path, both(site, other))
    run.clean()
    untouched(other)
    assert run.archived() == ARTICLE_URLS


def test_unusable_urls_in_listings(tmp_path, site) -> None:
    """URLs no request can be made of, in every listing: counted, the rest crawled as usual."""
    junk = ["http://[", "https://berita.example:99999/x", "a:"]
    site.set(robots_sitemaps=junk, feed_links=junk, sitemap_entries=junk, feed_items=junk)
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert "spider_exceptions" not in run.proc.stderr
    assert run.stat("kliping/listing/bad_url") >= 6
    assert run.archived() == ARTICLE_URLS


def test_sitemap_index_child_on_another_host(tmp_path, site, other) -> None:
    site.set(index_children=[f"https://{OTHER}/sitemap-posts.xml", "file:///etc/hostname"])
    run = crawl(tmp_path, both(site, other))
    run.clean()
    untouched(other)
    assert run.stat("kliping/offsite/dropped") >= 2
    assert run.archived() == ARTICLE_URLS  # the site's own child still counts


def test_redirects_to_another_host(tmp_path, site, other) -> None:
    """A listing (dont_filter) and an article redirected off the site: no hop reaches it."""
    article = ARTICLES[1][0]
    site.set(redirects={"/feed/": f"https://{OTHER}/feed/",
                        "/sitemap_index.xml": f"https://{OTHER}/sitemap.xml",
                        article: f"https://{OTHER}{article}"})
    run = crawl(tmp_path, both(site, other))
    run.clean()
    untouched(other)
    # the article's redirect is not dont_filter: Scrapy's own offsite filter may take it first
    assert run.stat("kliping/offsite/dropped") + run.stat("offsite/filtered") >= 3
    assert site.hits[f"https://{HOST}/feed/"] == 1  # the redirect was answered, not followed
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{article}"}


def test_literal_loopback_address_in_robots(tmp_path, site) -> None:
    """A ``Sitemap:`` line naming an internal address, 127.0.0.2 here."""
    with HostileServer(host="127.0.0.2") as inside:
        site.set(robots_sitemaps=[f"{inside.origin}/sitemap.xml"],
                 feed_links=[f"{inside.origin}/feed/"], index_children=[f"{inside.origin}/s.xml"])
        run = crawl(tmp_path, site.mirror(HOST))
        run.clean()
        untouched(inside)
    assert run.archived() == ARTICLE_URLS


@pytest.mark.parametrize("address", ["127.0.0.2", "localhost"])
def test_private_address_guard(tmp_path, address) -> None:
    """The site itself is on a private address (a literal, or a name resolving to loopback): the
    guard refuses it before any connection; KLIPING_ALLOW_PRIVATE_NETWORKS lets it through."""
    bind = "127.0.0.1" if address == "localhost" else address
    with HostileServer(host=bind) as inside:
        domain = f"{address}:{inside.port}"
        refused = crawl(tmp_path / "refused", {}, domain=domain)
        assert inside.connections == 0 and inside.total_hits == 0
        allowance = "localhost" if address == "localhost" else "127.0.0.0/8"
        allowed = crawl(tmp_path / "allowed", {}, "-s", f"KLIPING_ALLOW_PRIVATE_NETWORKS={allowance}",
                        domain=domain)
        # the generic spider speaks https: the plain-http test server sees the TLS attempt
        assert inside.connections > 0
    refused.clean()
    assert refused.stat("kliping/private_address/dropped") >= 1
    assert "Traceback" not in allowed.proc.stderr


# -- robots.txt before anything else ---------------------------------------------------------------

def test_robots_deny_all_from_the_first_request(tmp_path, site) -> None:
    site.set(robots="deny_all")
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert {u for u in site.hits if not u.endswith("/robots.txt")} == set(), dict(site.hits)
    assert run.stat("robotstxt/forbidden") >= 8  # home, the well-known sitemaps and feeds


def test_robots_deny_all_registered_site(tmp_path, site) -> None:
    """The same for a registered site's own sources (date index days, sitemap, feed)."""
    from kliping.sites.registry import get_site

    hosts = sorted({h for s in get_site("detakberita").sources for h in [_host(s.url)]}
                   | set(get_site("detakberita").domains))
    site.set(robots="deny_all")
    proc = kliping("crawl", "detakberita", "--since", "2024-01-05", "--until", "2024-01-10",
                   "--out", str(tmp_path), "--mirror", json.dumps(site.mirror(*hosts)), *LOCAL,
                   timeout=180)
    run = Run(proc, tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert site.hits and all(u.endswith("/robots.txt") for u in site.hits), dict(site.hits)
    assert run.stat("robotstxt/forbidden") >= 6


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


@pytest.mark.parametrize("how", ["reset", "503"])
def test_unreachable_robots_disallows(tmp_path, site, how) -> None:
    """No robots.txt to be had (RFC 9309: assume complete disallow), nothing else is fetched."""
    if how == "reset":
        site.set(resets={"/robots.txt": -1})
    else:
        site.set(status={"/robots.txt": 503})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "RETRY_TIMES=1")
    run.clean()
    assert all(u.endswith("/robots.txt") for u in site.hits), dict(site.hits)
    assert run.stat("kliping/robots/unreachable") == 1
    assert run.archived() == set()


# -- bounded ---------------------------------------------------------------------------------------

def test_sitemap_gzip_bomb_is_a_counted_listing_error(tmp_path, site) -> None:
    site.set(robots_sitemaps=[f"https://{HOST}/sitemap.xml.gz"],
             gzip_bombs={"/sitemap.xml.gz": 64 * 1024 * 1024})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "KLIPING_SITEMAP_MAXSIZE=8000000")
    run.clean()
    assert site.hits[f"https://{HOST}/sitemap.xml.gz"] == 1
    assert run.stat("kliping/listing/too_large") == 1
    assert run.stat("kliping/listing/errors") >= 1
    assert run.archived() == ARTICLE_URLS  # the other listings still work


def test_content_encoding_bomb_is_dropped(tmp_path, site) -> None:
    """A feed whose Content-Encoding: gzip inflates past DOWNLOAD_MAXSIZE."""
    site.set(encoded_bombs={"/feed/": 64 * 1024 * 1024})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "DOWNLOAD_MAXSIZE=4000000")
    run.clean()
    assert run.stat("kliping/errors/IgnoreRequest") >= 1
    assert run.archived() == ARTICLE_URLS  # from the sitemap


def test_sitemap_index_that_lists_itself_ends(tmp_path, site) -> None:
    site.set(index_children=[f"https://{HOST}/sitemap.xml"])
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    # read again once as its own child, then known (kliping/listing/repeated_sitemap; test_audit6)
    assert run.stat("kliping/listing/too_deep") + run.stat("kliping/listing/repeated_sitemap") >= 1
    assert site.hits[f"https://{HOST}/sitemap.xml"] <= 4  # the first fetch and three levels
    assert run.archived() == ARTICLE_URLS


def test_listing_entries_capped(tmp_path, site) -> None:
    many = [f"https://{HOST}/2025/03/10/berita-tambahan-nomor-{i}/" for i in range(40)]
    site.set(sitemap_entries=many)
    run = crawl(tmp_path, site.mirror(HOST), "-s", "KLIPING_LISTING_MAX_ENTRIES=10")
    run.clean()
    assert run.stat("kliping/listing/entries_over_limit") >= 1
    # the first ten entries: the three articles and seven of the forty extras, nothing after
    assert len([u for u in site.hits if "berita-tambahan" in u]) == 7


def test_slow_drip_times_out(tmp_path, site) -> None:
    slow = ARTICLES[0][0]
    site.set(drip={slow: 0.2}, max_seconds=20)
    run = crawl(tmp_path, site.mirror(HOST), "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=0")
    run.clean()
    assert run.stat("kliping/errors/DownloadTimeoutError") == 1
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{slow}"}


def test_connection_resets(tmp_path, site) -> None:
    once, always = ARTICLES[0][0], ARTICLES[1][0]
    site.set(resets={once: 1, always: -1})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "RETRY_TIMES=2")
    run.clean()
    # Twisted's connection pool itself retries a GET once on a reused connection that dies, so
    # an attempt may show as two hits
    assert 2 <= site.hits[f"https://{HOST}{once}"] <= 4  # reset, retried, archived
    assert 3 <= site.hits[f"https://{HOST}{always}"] <= 6  # given up after RETRY_TIMES=2
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{always}"}
    assert run.stat("kliping/errors") >= 1


def test_wrong_content_types(tmp_path, site) -> None:
    """Listings are told by their bytes, not their Content-Type; junk at a listing is counted."""
    site.set(content_types={"/sitemap.xml": "text/html", "/feed/": "application/octet-stream"},
             bodies={"/wp-sitemap.xml": bytes(range(256)) * 64}, status={"/wp-sitemap.xml": 200})
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.archived() == ARTICLE_URLS
    assert run.stat("kliping/listing/not_a_listing") >= 1


# -- backoff ---------------------------------------------------------------------------------------

def _gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in zip(times, times[1:], strict=False)]


def test_429_retry_after_seconds_and_growing_backoff(tmp_path, site) -> None:
    feed = f"https://{HOST}/feed/"
    # robots.txt lets only the feed through: no other answer can make the backoff decay meanwhile
    site.set(throttle={"/feed/": (2, "1")}, robots="User-agent: *\nAllow: /feed/\nDisallow: /\n")
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert site.hits[feed] == 3 and run.stat("robotstxt/forbidden") >= 3
    first, second = _gaps(site.times[feed])
    # lower bounds only: the crawler must wait at least this long, however slow the machine
    assert first >= 0.9  # Retry-After: 1
    assert second >= 1.9  # the second 429 in a row doubles the domain's delay
    assert run.stat("kliping/throttle/responses") == 2
    assert run.stat("kliping/throttle/retry_after") == 2
    assert "HEALTH WARNING generic: throttled=2" in run.proc.stdout
    health = json.loads(read_ledger(tmp_path)[-1]["health"])
    checks = {c["check"]: c for c in health["sites"]["generic"]["checks"]}
    assert checks["throttled"]["value"] == 2 and checks["throttled"]["ok"]


def test_503_http_date_retry_after(tmp_path, site) -> None:
    feed = f"https://{HOST}/feed/"
    site.set(throttle={"/feed/": (1, "@3", 503)})
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert site.hits[feed] == 2
    assert _gaps(site.times[feed])[0] >= 1.9  # an HTTP date 3 s ahead (1 s resolution)
    assert run.stat("kliping/throttle/http_503") == 1


def test_retry_after_is_capped(tmp_path, site) -> None:
    site.set(throttle={"/feed/": (1, "3600")})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "KLIPING_RETRY_AFTER_MAX=1")
    run.clean()
    assert run.stat("kliping/throttle/retry_after_capped") == 1
    assert run.archived() == ARTICLE_URLS


def test_429_storm_without_retry_after_gives_up(tmp_path, site) -> None:
    """Every request throttled, no header: exponential backoff, retries run out, the run ends."""
    site.set(throttle={"*": (10**6, None)})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "RETRY_TIMES=1", "-s",
                "KLIPING_BACKOFF_BASE=0.2", "-s", "KLIPING_BACKOFF_MAX=0.8")
    run.clean()
    assert run.archived() == set()
    assert run.stat("kliping/throttle/responses") >= 8
    assert run.stat("kliping/errors/http_429") >= 8


# -- the pieces ------------------------------------------------------------------------------------

def test_retry_after_parsing() -> None:
    now = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120", now) == 120.0
    assert retry_after_seconds("Mon, 05 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Mon, 05 Jan 2026 11:00:00 GMT", now) == 0.0  # in the past
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("9" * 10_000, now) > 1e9  # read from its first 64 characters


def test_address_rules() -> None:
    import ipaddress

    assert host_allowed("www.berita.example", ["berita.example"])
    assert host_allowed("BERITA.example.", ["berita.example:443"])
    assert not host_allowed("berita.example.evil.test", ["berita.example"])
    assert not host_allowed("xberita.example", ["berita.example"])
    for bad in ["127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1", "::1", "fe80::1",
                "224.0.0.1", "0.0.0.0", "::ffff:127.0.0.1", "100.64.0.1", "fc00::1"]:
        assert not is_public(ipaddress.ip_address(bad)), bad
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    allowance = PrivateAllowance(["10.0.0.0/8", "intranet.example", ""])
    assert allowance.allows("x", ipaddress.ip_address("10.9.9.9"))
    assert allowance.allows("intranet.example")
    assert not allowance.allows("x", ipaddress.ip_address("192.168.1.1"))
    assert PrivateAllowance(["*"]).allows("anything")


def test_every_registered_source_is_on_its_site() -> None:
    """The guard keeps each crawl on its site's domains: every source must be there already."""
    from urllib.parse import urlsplit

    from kliping.sites.registry import all_sites

    for key, site in all_sites().items():
        for source in site.sources:
            assert host_allowed(urlsplit(source.url).hostname or "", site.domains), (key, source.url)


def test_backoff_policy_on_a_real_slot() -> None:
    """The delay steps of BackoffMiddleware on Scrapy's own Slot: up on 429/503 (Retry-After or
    doubling, one step per served wait), a floor under AutoThrottle, down by halves, released."""
    from scrapy import Request, Spider
    from scrapy.core.downloader import Slot
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from kliping.crawler.netguard import BackoffMiddleware

    crawler = get_crawler(Spider, {"KLIPING_BACKOFF_BASE": 1.0, "KLIPING_BACKOFF_MAX": 16.0,
                                   "KLIPING_RETRY_AFTER_MAX": 30.0, "DOWNLOAD_DELAY": 0})
    crawler._apply_settings()
    slot = Slot(4, 0.0, 0.5)

    class Downloader:  # the two things the middleware asks of Scrapy's downloader
        slots = {"a.example": slot}

        @staticmethod
        def get_slot_key(request: Request) -> str:
            return "a.example"

    crawler.engine = type("Engine", (), {"downloader": Downloader})()  # type: ignore[assignment]
    mw = BackoffMiddleware.from_crawler(crawler)
    req = Request("https://a.example/x")

    def answer(status: int, **headers: str) -> None:
        mw.process_response(req, HtmlResponse(req.url, status=status, headers=headers, request=req))

    def served() -> None:  # as if the current wait had passed
        mw.throttled_at["a.example"] -= 1000

    answer(429, **{"Retry-After": "3"})
    assert (slot.delay, slot.jitter) == (3.0, 0.0)
    answer(429)  # the same burst (sent before the wait began): no new step
    assert slot.delay == 3.0
    served()
    answer(503)
    assert slot.delay == 6.0  # doubled
    served()
    answer(429, **{"Retry-After": "3600"})
    assert slot.delay == 30.0  # capped by KLIPING_RETRY_AFTER_MAX
    answer(200)  # an answer to a request sent before the wait: nothing learnt
    assert slot.delay == 30.0
    slot.delay = 2.0  # AutoThrottle lowered it meanwhile: the backoff stays a floor
    mw.process_request(req)
    assert slot.delay == 30.0
    for expected in (15.0, 7.5, 3.75, 1.875):
        served()
        answer(200)
        assert slot.delay == expected
    served()
    answer(200)  # below KLIPING_BACKOFF_BASE: released, the slot's own settings back
    assert (slot.delay, slot.jitter) == (0.0, 0.5)
    assert crawler.stats.get_value("kliping/throttle/responses") == 4
    assert crawler.stats.get_value("kliping/throttle/retry_after_capped") == 1
