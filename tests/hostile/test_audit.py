"""An outside tester's attacks that the other hostile modules did not cover: each a real crawl (or a
real command) against a server on 127.0.0.1, real files, Parquet read back with pyarrow.

The network: a robots.txt redirected to an image, a robots.txt listing thousands of sitemaps, a
"halaman selanjutnya" chain whose later page is empty or binary, a date-index page that is an image;
lying Content-Lengths, bodies that never end, brotli and deflate bombs, redirect loops and
redirects to other schemes, XML entities in listings.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from tests.conftest import FAST, kliping, one_line
from tests.hostile.server import ARTICLES, HostileServer
from tests.hostile.test_content import PDF, ContentServer
from tests.hostile.test_datasets import corrupt_pages
from tests.hostile.test_network import ARTICLE_URLS, HOST, OTHER, crawl

A0, A1, A2 = (path for path, *_ in ARTICLES)
PAGE = (
    b"<!DOCTYPE html><html><head><title>Judul</title></head><body><article><h1>Judul</h1><p>"
    + b"Isi berita yang cukup panjang untuk sebuah artikel. " * 20
    + b"</p></article></body></html>"
)
ROOT = Path(__file__).resolve().parents[2]  # this checkout's kliping, whatever is installed
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def http(headers: list[str], body: bytes, status: str = "200 OK") -> bytes:
    """A whole HTTP/1.1 response as bytes, headers exactly as given."""
    head = "".join(f"{h}\r\n" for h in headers)
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body


# -- robots.txt ---------------------------------------------------------------------------------


def test_robots_txt_redirected_to_an_image_is_a_counted_listing_error(tmp_path, site) -> None:
    """robots.txt answered by a redirect to an extension-less PNG: Scrapy makes a non-text
    response of it; the generic spider read ``response.text`` and logged a traceback."""
    site.set(
        redirects={"/robots.txt": f"https://{HOST}/logo"},
        bodies={"/logo": PNG},
        content_types={"/logo": "image/png"},
        status={"/logo": 200},
    )
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.stat("kliping/listing/not_a_listing") >= 1
    assert run.archived() == ARTICLE_URLS  # the home page's feed and the guessed sitemaps


def test_robots_txt_sitemap_lines_are_capped(tmp_path, site) -> None:
    """A robots.txt naming 200,000 sitemaps made 200,000 requests (the crawl ran for many minutes);
    its ``Sitemap:`` lines are a listing like any other, cut at KLIPING_LISTING_MAX_ENTRIES."""
    lines = "".join(f"Sitemap: https://{HOST}/peta-{i}.xml\n" for i in range(40))
    site.set(robots=f"User-agent: *\nAllow: /\n\nSitemap: https://{HOST}/sitemap.xml\n{lines}")
    run = crawl(tmp_path, site.mirror(HOST), "-s", "KLIPING_LISTING_MAX_ENTRIES=10")
    run.clean()
    assert run.stat("kliping/listing/entries_over_limit") >= 1
    assert len([u for u in site.hits if "/peta-" in u]) == 9  # /sitemap.xml and nine more
    assert run.archived() == ARTICLE_URLS


@pytest.mark.parametrize("how", ["gzip-past-maxsize", "redirect-to-another-host"])
def test_a_robots_txt_that_cannot_be_read_disallows_like_an_unreachable_one(
    tmp_path, site, other, how
) -> None:
    """ "Disallow: /" gzip-encoded into a robots.txt that inflates past DOWNLOAD_MAXSIZE, or a
    robots.txt redirected to another host (which the guard drops): the IgnoreRequest was taken for
    "no robots.txt" and every URL of the site was fetched. Unreadable is unreachable (RFC 9309):
    the host is disallowed, as for a robots.txt cut at the size limit without encoding."""
    import gzip

    if how == "gzip-past-maxsize":
        body = gzip.compress(b"User-agent: *\nDisallow: /\n" + b"#" * (8 * 1024 * 1024))
        headers = ["Content-Type: text/plain", "Content-Encoding: gzip", f"Content-Length: {len(body)}"]
        site.set(raw={"/robots.txt": http(headers, body)})
    else:
        site.set(redirects={"/robots.txt": f"https://{OTHER}/robots.txt"})
    run = crawl(tmp_path, {**site.mirror(HOST), **other.mirror(OTHER)}, "-s", "DOWNLOAD_MAXSIZE=1000000")
    run.clean()
    assert run.stat("kliping/robots/unreachable") == 1
    assert set(site.hits) == {f"https://{HOST}/robots.txt"}
    assert other.total_hits == 0 and other.connections == 0
    assert run.archived() == set()


# -- "halaman selanjutnya" chains and date indexes (merdeka follows both) -------------------------

M = "https://www.merdeka.com"
MERDEKA = [f"{M}/peristiwa/laporan-anggaran-desa-terbaru-1234567{i}-mvk.html" for i in range(4)]


def _merdeka_page(next_url: str | None) -> bytes:
    link = f'<a class="next-page" href="{next_url}">Halaman selanjutnya</a>' if next_url else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Laporan Anggaran Desa | merdeka.com'
        '</title></head><body><div class="article-content"><p>'
        + "Pemerintah desa melaporkan penggunaan anggaran tahun lalu secara terbuka. " * 12
        + f"</p></div>{link}</body></html>"
    ).encode()


def test_an_unreadable_later_page_keeps_the_pages_before_it(tmp_path: Path) -> None:
    """Page 2 of a multi-page article empty, a PDF, a PNG (Scrapy's non-text response): the spider
    raised (``response.text``, or lxml's "Document is empty" joining the pages), the article was
    lost, and lost again on every run. Now page 1 is archived and cleaned; a page 2 that is fine
    is still joined; a date-index page that is an image is a counted listing error."""
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Merdeka</title>'
        + "".join(
            f"<item><title>L</title><link>{u}</link><pubDate>Mon, 10 Mar 2025 09:00:00 +0700</pubDate></item>"
            for u in MERDEKA
        )
        + "</channel></rss>"
    ).encode()
    second = ["text/html", "application/pdf", "image/png", "text/html"]
    bodies = [b"", PDF, PNG, _merdeka_page(None)]
    routes = {f"{M}/feed/": ("application/rss+xml", feed)}
    for url, ctype, body in zip(MERDEKA, second, bodies, strict=True):
        routes[url] = ("text/html; charset=utf-8", _merdeka_page(url + "?page=2"))
        routes[url + "?page=2"] = (ctype, body)
    routes[f"{M}/indeks-berita?date=2025-03-10&page=1"] = ("image/png", PNG)
    with ContentServer(routes) as server:
        proc = kliping(
            "crawl", "merdeka", "--since", "2025-03-10", "--until", "2025-03-11", "--out",
            str(tmp_path / "out"), "--mirror", json.dumps(server.mirror), *FAST, "-s", "LOG_LEVEL=INFO",
            timeout=180,
        )  # fmt: skip
        hits = dict(server.hits)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert all(hits.get(u + "?page=2") == 1 for u in MERDEKA), hits
    raw = {r["url"]: r for r in read_dataset(tmp_path / "out" / "raw").to_pylist()}
    assert set(raw) == set(MERDEKA)
    for url in MERDEKA[:3]:
        headers = dict(raw[url]["headers"])
        assert headers["x-kliping-page-unreadable"] == url + "?page=2"
    assert dict(raw[MERDEKA[3]]["headers"])["x-kliping-pages"] == f"{MERDEKA[3]} {MERDEKA[3]}?page=2"
    articles = read_dataset(tmp_path / "out" / "articles").to_pylist()
    assert sorted(a["url"] for a in articles) == sorted(MERDEKA)
    assert all("anggaran tahun lalu" in a["text"] for a in articles)
    assert "'kliping/articles/page_unreadable': 3" in proc.stderr
    assert "'kliping/listing/not_a_listing': 1" in proc.stderr


def test_listed_urls_built_to_backtrack_cost_microseconds(tmp_path, site) -> None:
    """The generic article pattern took O(n^3) to reject a run of digits followed by a character no
    URL segment has: a listed URL of 2,000 digits and "!" held the crawl's reactor thread for 53 s
    (timeouts do not apply to a callback). Three such URLs in the sitemap and the feed: the crawl
    ends in seconds."""
    import time

    bad = [
        f"https://{HOST}/{'1' * 2000}!",
        f"https://{HOST}/{'2' * 3000}!x",
        f"https://{HOST}/a/{'3' * 2500}?",
    ]
    site.set(sitemap_entries=bad, feed_items=bad)
    start = time.monotonic()
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert time.monotonic() - start < 60
    assert run.archived() == ARTICLE_URLS


def test_listing_dates_at_the_ends_of_the_calendar(tmp_path, site) -> None:
    """A feed item or sitemap entry dated 9999-12-31T23:59:59-14:00 (or 0001-01-01 at +14:00) has
    no local day in WIB: ``astimezone`` raised OverflowError, a traceback, and the whole listing
    was lost. Such an entry is now dated as written (outside any window); the others are read."""
    items = "".join(
        f"<item><link>https://{HOST}{p}</link><pubDate>{d}</pubDate></item>" for p, _, d, _ in ARTICLES
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<item><link>https://{HOST}/2025/03/10/jauh-di-masa-depan/</link>"
        "<pubDate>Fri, 31 Dec 9999 23:59:59 -2359</pubDate></item>"
        f"<item><link>https://{HOST}/2025/03/10/jauh-di-masa-lalu/</link>"
        "<pubDate>0001-01-01T00:00:00+14:00</pubDate></item>"
        f"{items}</channel></rss>"
    )
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>https://{HOST}/2025/03/10/akhir-zaman/</loc><lastmod>9999-12-31T23:59:59-14:00</lastmod></url>"
        f"<url><loc>https://{HOST}{A0}</loc><lastmod>2025-03-10</lastmod></url></urlset>"
    )
    site.set(bodies={"/feed/": feed.encode(), "/sitemap.xml": sitemap.encode()})
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert "spider_exceptions" not in run.proc.stderr
    assert run.archived() == ARTICLE_URLS
    assert not [u for u in site.hits if "jauh" in u or "akhir" in u]


def _dated_page(meta: str, printed: str) -> bytes:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Judul</title>'
        f'<meta property="article:published_time" content="{meta}"></head><body><article><h1>Judul</h1>'
        f'<div class="date">{printed}</div><p>{"Isi berita yang cukup panjang untuk diuji. " * 30}</p>'
        "</article></body></html>"
    ).encode()


def test_pages_dated_at_the_ends_of_the_calendar_are_articles(tmp_path, site) -> None:
    """ "Senin, 1/1/0001 00:00 WIT" is an instant in year 0 in UTC: the cleaner's conversion to the
    site's day raised OverflowError and the page became a clean_error row, not an article. The
    date parser keeps such dates without an instant now; every page is an article."""
    site.set(
        bodies={
            A0: _dated_page("0001-01-01T00:00:00+09:00", "Senin, 1/1/0001 00:00 WIT"),
            A1: _dated_page("9999-12-31T23:59:59-12:00", "31/12/9999 23:59 WIB"),
            A2: _dated_page("1/1/0001 00:00 WIT", ""),
        }
    )
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.stat("kliping/articles/clean_error") == 0
    articles = read_dataset(tmp_path / "articles").to_pylist()
    assert len(articles) == 3 and all(a["published_at"] is None for a in articles)


# -- bodies and encodings ----------------------------------------------------------------------


def test_lying_content_length_is_a_retried_counted_error(tmp_path, site) -> None:
    """A Content-Length longer than the body (the connection then closed) is data loss: retried,
    given up, counted; a shorter one is what HTTP says the body is. No traceback either way."""
    site.set(
        raw={
            A0: http(["Content-Type: text/html", "Content-Length: 100000", "Connection: close"], PAGE),
            A1: http(["Content-Type: text/html", "Content-Length: 10", "Connection: close"], PAGE),
        }
    )
    run = crawl(tmp_path, site.mirror(HOST), "-s", "RETRY_TIMES=1")
    assert "Traceback" not in run.proc.stderr, run.proc.stderr[-3000:]
    assert run.stat("kliping/errors/ResponseDataLossError") == 1
    assert site.hits[f"https://{HOST}{A0}"] == 2
    assert f"https://{HOST}{A0}" not in run.archived()
    raw = {r["url"]: r for r in read_dataset(tmp_path / "raw").to_pylist()}
    assert raw[f"https://{HOST}{A1}"]["body"] == PAGE[:10]


def test_endless_bodies_are_cut_at_the_size_limit(tmp_path, site) -> None:
    """An article and the feed whose bodies never end (no Content-Length): cut at DOWNLOAD_MAXSIZE,
    counted, and the crawl finishes long before the server would stop."""
    site.set(endless={A0: "text/html", "/feed/": "application/rss+xml"}, max_seconds=60)
    run = crawl(tmp_path, site.mirror(HOST), "-s", "DOWNLOAD_MAXSIZE=2000000")
    run.clean()
    assert run.stat("kliping/errors/DownloadCancelledError") == 2
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{A0}"}


def test_headers_that_never_end_are_cut(tmp_path, site) -> None:
    """Header lines sent forever, never the blank line that ends them: nothing bounded them but
    DOWNLOAD_TIMEOUT, and Twisted kept every line (the crawl grew to 1.5 GB in 15 s). Now cut at
    KLIPING_HEADERS_MAXSIZE: a counted download error at once; and a response with 50,000
    headers is no longer archived whole."""
    import time

    many = [f"X-H{i}: {'v' * 100}" for i in range(50_000)]
    site.set(endless_headers={A0}, max_seconds=40, raw={A1: http(["Content-Type: text/html", *many], PAGE)})
    # the crawl's own peak memory, measured by a parent of its own
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
    )
    argv = [sys.executable, "-m", "kliping", "crawl", "generic", "--domain", HOST, "--since", "2025-03-10",
            "--until", "2025-03-11", "--out", str(tmp_path / "out"), "--mirror",
            json.dumps(site.mirror(HOST)), *FAST, "-s", "LOG_LEVEL=INFO", "-s", "DOWNLOAD_TIMEOUT=30",
            "-s", "RETRY_TIMES=0"]  # fmt: skip
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=120)
    assert time.monotonic() - start < 25  # not DOWNLOAD_TIMEOUT
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.stderr.count("HeadersTooLarge") >= 2
    peak_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
    assert peak_mb < 500, peak_mb
    archived = set(read_dataset(tmp_path / "out" / "raw").column("url").to_pylist())
    assert archived == ARTICLE_URLS - {f"https://{HOST}{A0}", f"https://{HOST}{A1}"}


@pytest.mark.parametrize("encoding", ["br", "deflate"])
def test_brotli_and_deflate_bombs_are_dropped(tmp_path, site, encoding) -> None:
    import brotli

    inflated = b"\0" * (64 * 1024 * 1024)
    bomb = brotli.compress(inflated, quality=5) if encoding == "br" else zlib.compress(inflated, 9)
    headers = [f"Content-Encoding: {encoding}", f"Content-Length: {len(bomb)}", "Connection: close"]
    site.set(
        raw={
            A0: http(["Content-Type: text/html", *headers], bomb),
            "/sitemap.xml": http(["Content-Type: application/xml", *headers], bomb),
        }
    )
    run = crawl(tmp_path, site.mirror(HOST), "-s", "DOWNLOAD_MAXSIZE=4000000")
    run.clean()
    assert run.stat("kliping/errors/IgnoreRequest") == 2
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{A0}"}  # from the feed


def test_broken_charsets_and_headers(tmp_path, site) -> None:
    """charset=utf-999, a Content-Type of bytes that are not text, a NUL in a header value, an
    unknown Content-Encoding: archived as received, cleaned, no traceback."""
    site.set(
        raw={
            A0: http(["Content-Type: text/html; charset=utf-999", f"Content-Length: {len(PAGE)}"], PAGE),
            A1: http(
                ["Content-Type: text/html; charset=ÿþ", "X-Odd: a\0b", f"Content-Length: {len(PAGE)}"], PAGE
            ),
            A2: http(
                ["Content-Type: text/html", "Content-Encoding: snappy", f"Content-Length: {len(PAGE)}"], PAGE
            ),
        }
    )
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.archived() == ARTICLE_URLS
    articles = read_dataset(tmp_path / "articles").to_pylist()
    assert len(articles) == 3 and all("cukup panjang" in a["text"] for a in articles)


# -- redirects ---------------------------------------------------------------------------------


def test_redirect_loops_and_other_schemes(tmp_path, site, other) -> None:
    """Articles redirected to file:///etc/passwd, to data: and javascript: URLs, to themselves and
    to another host; a sitemap in a redirect loop. Nothing is read from the disk, nothing sent
    elsewhere, the loop ends at REDIRECT_MAX_TIMES, the feed still gives what it lists."""
    loop = f"https://{HOST}/loop"
    site.set(
        redirects={
            A0: "file:///etc/passwd",
            A1: "data:text/html,<p>halo</p>",
            A2: f"https://{OTHER}/x",
            "/sitemap.xml": loop,
            "/loop": f"https://{HOST}/sitemap.xml",
        }
    )
    run = crawl(tmp_path, {**site.mirror(HOST), **other.mirror(OTHER)}, "-s", "REDIRECT_MAX_TIMES=5")
    run.clean()
    assert other.total_hits == 0 and other.connections == 0
    assert "root:" not in run.proc.stderr
    assert site.hits[loop] <= 6
    assert run.archived() == set()  # none of the three can be fetched
    assert not (tmp_path / "raw").exists() or b"root:" not in b"".join(
        read_dataset(tmp_path / "raw").column("body").to_pylist()
    )


# -- XML entities ------------------------------------------------------------------------------

XXE_SITEMAP = (
    b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>https://berita.example/2025/03/10/&xxe;</loc><lastmod>2025-03-10</lastmod></url>"
    b"<url><loc>https://berita.example" + A1.encode() + b"</loc><lastmod>2025-03-10</lastmod></url>"
    b"</urlset>"
)
XXE_FEED = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel>'
    b"<item><link>https://berita.example/2025/03/10/&xxe;</link><pubDate>&xxe;</pubDate></item>"
    b"</channel></rss>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>https://berita.example/2025/03/10/&lol9;</loc></url></urlset>"
)


def test_external_and_exponential_entities_in_listings(tmp_path, site) -> None:
    """XXE (an entity reading /etc/passwd) in a sitemap and a feed, a billion-laughs sitemap: no
    file content reaches a request, the log or the archive, and the crawl ends at once."""
    site.set(bodies={"/sitemap.xml": XXE_SITEMAP, "/feed/": XXE_FEED, "/sitemap_index.xml": LAUGHS},
             status={"/sitemap_index.xml": 200})  # fmt: skip
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert not [u for u in site.hits if "root" in u or "/bin/" in u or "lollol" in u], dict(site.hits)
    assert "root:x" not in run.proc.stderr
    assert run.archived() == {f"https://{HOST}{A1}"}


# -- a damaged output: the crawl, scrapy crawl and ingest refuse it, naming the part ------------

RUN_ARGS = ("-s", "RETRY_TIMES=0")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """A crawl output of the hostile site with one article missing (it answered 500), so that a
    rerun has something to fetch."""
    out = tmp_path_factory.mktemp("audit") / "out"
    with HostileServer() as server:
        server.set(status={A2: 500})
        run = crawl(out, server.mirror(HOST), *RUN_ARGS)
    assert run.archived() == ARTICLE_URLS - {f"https://{HOST}{A2}"}, run.proc.stderr[-2000:]
    return out


def _damaged(crawled: Path, tmp_path: Path, dataset: str, how: str) -> tuple[Path, Path]:
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    part = sorted((out / dataset).rglob("*.parquet"))[0]
    if how == "zero":
        part.write_bytes(b"")
    elif how == "random":
        part.write_bytes(random.Random(5).randbytes(part.stat().st_size))
    else:  # pages: a column's data pages overwritten, the footer intact
        corrupt_pages(part, how)
    return out, part


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and p.name != ".kliping.lock"}  # fmt: skip


DAMAGED = [("raw", "zero"), ("raw", "random"), ("raw", "url_key"), ("articles", "random"),
           ("runs", "zero"), ("runs", "run_id")]  # fmt: skip


@pytest.mark.parametrize(("dataset", "how"), DAMAGED, ids=[f"{d}-{h}" for d, h in DAMAGED])
def test_a_bad_part_in_the_output_refuses_the_crawl_then_verify_repair_lets_it_resume(
    crawled, tmp_path, dataset, how
) -> None:
    """A part of the output truncated, overwritten or corrupt behind a sound footer: the crawl
    read it for its seen set, its repair or its ledger and died in a pyarrow traceback (or, pages
    corrupt, exit 1 with pyarrow's message and no file). Now: exit 2, one line naming the part and
    the way out, nothing written; after ``kliping verify OUT --repair`` the rerun resumes and
    every page is archived and cleaned exactly once."""
    out, part = _damaged(crawled, tmp_path, dataset, how)
    before = _files(out)
    with HostileServer() as server:
        for extra in ([], ["--resume"], ["--since", "last", "--until", "2025-03-11"]):
            args = ["crawl", "generic", "--domain", HOST, "--out", str(out), "--mirror",
                    json.dumps(server.mirror(HOST)), *FAST, *RUN_ARGS, *extra]  # fmt: skip
            if "--since" not in extra:
                args += ["--since", "2025-03-10", "--until", "2025-03-11"]
            r = kliping(*args, timeout=180)
            line = one_line(r)
            assert r.returncode == 2 and str(part) in line and f"kliping verify {out} --repair" in line
        assert server.total_hits == 0
        assert _files(out) == before  # no part, no ledger row
        fixed = kliping("verify", str(out), "--repair")
        # with a raw part gone its article rows point nowhere: verify reports them (exit 1)
        assert fixed.returncode == (1 if dataset == "raw" else 0), fixed.stdout + fixed.stderr
        assert (out / "quarantine" / part.relative_to(out)).exists()
        again = crawl(out, server.mirror(HOST), *RUN_ARGS)
    again.clean()
    raw = read_dataset(out / "raw").to_pylist()
    urls = [r["url"] for r in raw]
    assert len(urls) == len(set(urls))
    assert f"https://{HOST}{A2}" in urls
    done = Counter(
        read_dataset(out / "articles").column("fetch_id").to_pylist()
        + (read_dataset(out / "errors").column("fetch_id").to_pylist() if (out / "errors").exists() else [])
    )
    # a quarantined raw part takes its rows along: their pages are fetched again, once
    assert {r["fetch_id"] for r in raw} <= set(done) and max(done.values()) == 1


def test_scrapy_crawl_into_a_bad_output_is_one_error_line(crawled, tmp_path) -> None:
    """The same under ``scrapy crawl`` (and Scrapyd): one ERROR line naming the part, no request,
    no traceback; for a corrupt page behind a sound footer the spider's seen set finds it."""
    for how in ("zero", "url_key"):
        out, part = _damaged(crawled, tmp_path / how, "raw", how)
        with HostileServer() as server:
            mirror = json.dumps(server.mirror(HOST))
            env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings", KLIPING_OUT=str(out))
            env.update(KLIPING_MIRROR=mirror, KLIPING_LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT))
            r = subprocess.run(
                [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"domain={HOST}", "-a",
                 "since=2025-03-10", "-a", "until=2025-03-11", "-s", "DOWNLOAD_DELAY=0"],
                capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
            )  # fmt: skip
            hits = server.total_hits
        assert "Traceback" not in r.stderr, r.stderr[-3000:]
        errors = [ln for ln in r.stderr.splitlines() if " ERROR: " in ln]
        assert len(errors) == 1 and str(part) in errors[0], r.stderr[-3000:]
        assert hits == 0


def test_ingest_into_a_bad_output_is_one_line(crawled, tmp_path) -> None:
    from tests.warc_fixtures import sample_pages, write_warc

    warc = write_warc(tmp_path / "a.warc.gz", sample_pages()[:3], extras=False)
    out, part = _damaged(crawled, tmp_path, "raw", "zero")
    before = _files(out)
    r = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 2 and str(part) in one_line(r)
    assert _files(out) == before


# -- full disks --------------------------------------------------------------------------------


@pytest.fixture
def small_fs(tmp_path) -> Iterator[Path]:
    """A 600 KB tmpfs (root only; skipped where mounting is not allowed)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mnt)],
                       capture_output=True, text=True, check=False)  # fmt: skip
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.parametrize("form", ["warc", "jsonl", "parquet"])
def test_an_export_that_fills_the_disk_leaves_no_file_behind(demo, small_fs, form) -> None:
    """``--format warc`` left its half-written ``.kliping-00000.warc.gz.tmp`` (and any finished
    file) on the full disk; every format now leaves no data file and no temp file."""
    filler = small_fs / "filler"
    free = os.statvfs(small_fs).f_bavail * os.statvfs(small_fs).f_frsize
    filler.write_bytes(b"\0" * (free - 40 * 1024))
    x = small_fs / "x"
    r = kliping("export", str(demo), "--out", str(x), "--format", form)
    assert r.returncode == 1 and "No space left on device" in one_line(r)
    assert [p for p in x.rglob("*") if p.is_file()] == []
    filler.unlink()
    r = kliping("export", str(demo), "--out", str(x), "--format", form)
    assert r.returncode == 0, r.stderr
    assert len(list((x / "data").glob(f"*.{form}*"))) == 1 and not list(x.rglob(".*"))


# -- malformed site definitions (KLIPING_SITES_PATH) --------------------------------------------

SITE_FILE = """from datetime import date
from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="kabarku",
    name="Kabarku",
    domain="www.kabarku.example",
    allowed_domains=("kabarku.example",),
    sources=(
        Source("feed", "https://www.kabarku.example/feed/"),
        Source("date_index", "https://www.kabarku.example/indeks?date={date}&page={page}"),
    ),
    article_pattern=r"^https://www\\.kabarku\\.example/berita/\\d+/",
    skip_patterns=(r"/foto/",),
    layouts=(Layout("V1", body_xpath="//article", title_suffix=r" - Kabarku$"),),
)
"""
BAD_SITES = {
    # what was accepted and went wrong later: a traceback per listing page, or nothing at all
    "allowed_domains": ('allowed_domains=("kabarku.example",)', 'allowed_domains="kabarku.example"'),
    "skip_patterns": ('skip_patterns=(r"/foto/",)', 'skip_patterns=r"/foto/"'),
    "layouts[0].body_xpath": ('body_xpath="//article"', 'body_xpath="//article[@class="'),
    "layouts[0].title_suffix": ('title_suffix=r" - Kabarku$"', 'title_suffix="(("'),
    "layouts[0].valid_until": ('Layout("V1", ', 'Layout("V1", valid_until="2024-01-01", '),
    "sources[1].max_pages": ('page={page}"),', 'page={page}", max_pages="3"),'),
    "sources[1].date_format": ('page={page}"),', 'page={page}", date_format=5),'),
    "sources[1].next_page_xpath": ('page={page}"),', 'page={page}", next_page_xpath="//a["),'),
    "sources[1].url": ("page={page}", "page={page}&s={seksi}"),
    "next_page_xpath": ('name="Kabarku",', 'name="Kabarku", next_page_xpath="//a[@",'),
    "domain": ('domain="www.kabarku.example"', "domain=12"),
    "follow_links": ('name="Kabarku",', 'name="Kabarku", follow_links="no",'),
}


@pytest.mark.parametrize("field", BAD_SITES)
def test_a_malformed_site_definition_is_one_line_naming_the_field(tmp_path, field) -> None:
    old, new = BAD_SITES[field]
    assert old in SITE_FILE
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "kabarku.py").write_text(SITE_FILE.replace(old, new, 1))
    env = dict(os.environ, KLIPING_SITES_PATH=str(sites), PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-m", "kliping", "crawl", "kabarku", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    line = one_line(r)
    assert r.returncode == 2 and str(sites / "kabarku.py") in line and f"field '{field}'" in line
    assert not (tmp_path / "out").exists()


def test_the_well_formed_site_definition_loads(tmp_path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "kabarku.py").write_text(SITE_FILE)
    env = dict(os.environ, KLIPING_SITES_PATH=str(sites), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "kliping", "sites", "--json"], capture_output=True,
                       text=True, timeout=60, env=env)  # fmt: skip
    assert r.returncode == 0 and "kabarku" in {s["site"] for s in json.loads(r.stdout)}, r.stderr


# -- odd files in the output -------------------------------------------------------------------


def test_a_lock_file_of_junk_is_taken_over_and_read(crawled, tmp_path) -> None:
    """``.kliping.lock`` holding bytes that are not UTF-8 (a crash or a full disk mid-write): the
    crawl died in a UnicodeDecodeError traceback; ``verify`` and ``runs`` did too while a live
    process held such a lock. A dead holder's junk is taken over; a live one's is "?"."""
    import fcntl

    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    lock = out / ".kliping.lock"
    junk = b"\xf7\xfe" + random.Random(1).randbytes(300)
    lock.write_bytes(junk)
    with HostileServer() as server:
        again = crawl(out, server.mirror(HOST), *RUN_ARGS)
    again.clean()
    lock.write_bytes(junk)
    with open(lock, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        for command in ("verify", "runs"):
            r = kliping(command, str(out))
            assert "Traceback" not in r.stderr, r.stderr[-2000:]
        r = kliping("verify", str(out), "--repair")
        assert r.returncode == 2 and "in use by another kliping run" in one_line(r)


def test_a_directory_named_like_a_part_does_not_fail_a_finished_crawl(crawled, tmp_path) -> None:
    """``articles/site=…/part-x.parquet/`` a directory: the crawl did its work, then its summary
    table opened the directory as a part and the run ended with exit 1."""
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    next((out / "articles").iterdir()).joinpath("part-x.parquet").mkdir()
    with HostileServer() as server:
        run = crawl(out, server.mirror(HOST), *RUN_ARGS)
    run.clean()
    assert run.archived() == ARTICLE_URLS


def test_no_room_for_the_lock_is_refused_alike_by_every_command(crawled, small_fs, tmp_path) -> None:
    """The README's promise: an output with no room for its lock file is refused before anything
    runs, exit 2, one line. crawl and demo kept it; ingest and verify --repair said exit 1."""
    from tests.warc_fixtures import sample_pages, write_warc

    warc = write_warc(tmp_path / "a.warc.gz", sample_pages()[:2], extras=False)
    out = small_fs / "out"
    shutil.copytree(crawled, out)
    (out / ".kliping.lock").unlink(missing_ok=True)
    free = os.statvfs(small_fs).f_bavail * os.statvfs(small_fs).f_frsize
    (small_fs / "filler").write_bytes(b"\0" * free)
    for argv in (["ingest", str(warc), "--out", str(out), "--no-progress"], ["verify", str(out), "--repair"]):
        r = kliping(*argv)
        assert r.returncode == 2, r.stderr
        assert one_line(r).endswith(f"cannot write {out}/.kliping.lock: No space left on device")


# -- malformed settings ------------------------------------------------------------------------

BAD_SETTINGS = [
    ("DOWNLOAD_TIMEOUT=abc", "a number"),
    ("KLIPING_HEADERS_MAXSIZE=abc", "an integer"),
    ("KLIPING_LISTING_MAX_ENTRIES=1.5", "an integer"),
    ("KLIPING_HEALTH={bad", "a JSON object"),
    ("AUTOTHROTTLE_ENABLED=maybe", "true or false"),
]


@pytest.mark.parametrize(("pair", "kind"), BAD_SETTINGS, ids=[p for p, _ in BAD_SETTINGS])
def test_a_setting_of_the_wrong_kind_is_one_line(tmp_path, pair, kind) -> None:
    """``-s DOWNLOAD_TIMEOUT=abc`` or a KLIPING_HEALTH that is not JSON ended the crawl in a
    traceback (exit 1), ``KLIPING_LISTING_MAX_ENTRIES=abc`` in one per listing page (exit 0)."""
    out = tmp_path / "out"
    # --dry-run: refused before the plan; without the check, nothing would be fetched either
    r = kliping("crawl", "kabarnusa", "--since", "2024-01-05", "--out", str(out), "--dry-run", "-s", pair)
    name, _, value = pair.partition("=")
    assert r.returncode == 2 and one_line(r).endswith(f"--set {name}: expected {kind}, got {value!r}")
    assert not out.exists()


def test_settings_of_the_right_kind_pass(tmp_path) -> None:
    r = kliping("crawl", "kabarnusa", "--since", "2024-01-05", "--out", str(tmp_path / "out"), "--dry-run",
                "-s", "DOWNLOAD_TIMEOUT=2.5", "-s", 'KLIPING_HEALTH={"max_throttled": 3}', "-s",
                "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_HTTP_CODES=500,503", "-s", "LOG_LEVEL=INFO",
                timeout=60)  # fmt: skip
    assert r.returncode == 0, r.stderr


# -- an output written inside another output's datasets -----------------------------------------

INSIDE = [
    ("export", "raw"),
    ("reclean", "articles"),
    ("reclean", "raw/site=kabarnusa/x"),
    ("ingest", "runs"),
    ("crawl", "errors/x"),
    ("demo", "articles"),
]


@pytest.mark.parametrize(("command", "where"), INSIDE, ids=[f"{c}-{w}" for c, w in INSIDE])
def test_an_output_inside_a_dataset_of_another_is_refused(demo, tmp_path, command, where) -> None:
    """``export OUT --out OUT/raw`` wrote 47 article rows into the raw archive (verify: 47
    duplicate fetch_ids; reclean: 47 more "pages"), ``reclean OUT --out OUT/articles`` doubled
    every article: the readers walk raw/, articles/, errors/ and runs/ recursively. Refused now."""
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    before = _files(out)
    target = str(out / where)
    argv = {
        "export": ["export", str(out), "--out", target],
        "reclean": ["reclean", str(out), "--out", target, "--no-progress"],
        "ingest": ["ingest", str(tmp_path / "none.warc"), "--out", target],
        "crawl": ["crawl", "kabarnusa", "--since", "2024-01-05", "--out", target, "--dry-run"],
        "demo": ["demo", "--out", target],
    }[command]
    (tmp_path / "none.warc").write_bytes(b"")
    r = kliping(*argv)
    assert r.returncode == 2 and f"is inside {where.split('/')[0]}/ of the kliping output {out}" in one_line(
        r
    )
    assert _files(out) == before
    assert kliping("verify", str(out)).returncode == 0


def test_an_export_beside_the_datasets_is_fine(demo, tmp_path) -> None:
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    r = kliping("export", str(out), "--out", str(out / "exports" / "x"))
    assert r.returncode == 0, r.stderr
    assert kliping("verify", str(out)).returncode == 0


# -- WARC files --------------------------------------------------------------------------------


def test_a_brotli_bomb_in_a_warc_is_bounded(tmp_path) -> None:
    """A response record stored as sent, ``Content-Encoding: br``, a few KB that inflate to 512 MiB:
    ingest called ``brotli.decompress`` whole (a 3 KB record took 4.3 GB and 15 s for 2 GiB).
    Decoded under --max-body-mb now: the record is refused, the next one kept, memory flat."""
    import io

    import brotli
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.warc_fixtures import sample_pages

    page = sample_pages()[0]
    packer = brotli.Compressor(quality=5)
    zeros = b"\0" * (1 << 24)
    bomb = b"".join(packer.process(zeros) for _ in range(32)) + packer.finish()
    warc = tmp_path / "bomb.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, enc in (
            (page.url + "-br", bomb, [("Content-Encoding", "br")]),
            (page.url, page.body, []),
        ):
            http_headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html"), *enc], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http_headers
            )
            writer.write_record(record)
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
    )
    argv = [sys.executable, "-m", "kliping", "ingest", str(warc), "--out", str(tmp_path / "out"),
            "--all-domains", "--max-body-mb", "8", "--no-progress"]  # fmt: skip
    r = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    peak_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
    assert peak_mb < 400, peak_mb
    assert read_dataset(tmp_path / "out" / "raw").column("url").to_pylist() == [page.url]
