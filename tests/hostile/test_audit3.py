"""A third outside audit (session 16): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real crawls in child processes against servers on 127.0.0.1, real files,
Parquet read back with pyarrow.

- a page whose JSON-LD escapes half a surrogate pair: Arrow refused the batch of rows it was in;
- a row Arrow refuses at the crawl's last flush: logged, the run "finished" with exit 0;
- rich markup in an output path or a dataset's values, terminal escape sequences from a server;
- entries of the Redis frontier that are not requests;
- an address urllib cannot read (``http://[::1``) in a page's canonical link, og:image, JSON-LD
  or next-page link: the whole article lost;
- a fetch time at the ends of the calendar (a WARC-Date of 9999-12-31T23:59:59Z);
- a WARC-Target-URI holding whitespace, control characters or header lines;
- a Redis key of a frontier holding another kind of value, a meta hash kliping did not write;
- spider arguments (``-a limit=abc``, ``scrapy crawl generic`` without a good domain);
- a ledger row whose health JSON is damaged;
- a Redis error during a heartbeat;
- articles dated at the ends of the calendar in the coverage plot;
- a canary listing without end;
- a meta refresh to no URL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kliping.dataset.storage import WriteError, read_dataset
from kliping.testing.http import LocalServer, QuietHandler
from tests.conftest import FAST, kliping, one_line
from tests.hostile.test_content import BASE, DOMAIN, WINDOW, ContentServer

# -- strings UTF-8 cannot hold ------------------------------------------------------------------


def _page(title: str, jsonld: str = "") -> bytes:
    ld = f'<script type="application/ld+json">{jsonld}</script>' if jsonld else ""
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>{ld}'
        f'<meta property="article:published_time" content="2025-03-10T09:00:00+07:00"></head>'
        f"<body><article><h1>{title}</h1><p>JAKARTA - Warga pesisir utara kembali beraktivitas "
        "setelah banjir rob surut pada Senin pagi, kata Budi.</p><p>Petugas kelurahan mendata rumah"
        " yang rusak dan menyalurkan bantuan kepada keluarga terdampak.</p><p>Pemerintah kota "
        "berjanji mempercepat pembangunan tanggul laut agar kejadian serupa tidak terulang.</p>"
        "</article></body></html>"
    ).encode()


def _routes(pages: dict[str, bytes]) -> dict[str, tuple[str, bytes]]:
    """``pages`` ({path: HTML}) with a home page and a feed listing them, as ContentServer routes."""
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>K</title>'
        + "".join(f"<item><title>x</title><link>{BASE}{p}</link>"
                  "<pubDate>Mon, 10 Mar 2025 09:00:00 +0700</pubDate></item>" for p in pages)
        + "</channel></rss>"
    ).encode()
    home = (f'<html><head><link rel="alternate" type="application/rss+xml" href="{BASE}/feed/">'
            "</head><body></body></html>").encode()
    routes = {f"{BASE}{p}": ("text/html; charset=utf-8", body) for p, body in pages.items()}
    routes[f"{BASE}/"] = ("text/html", home)
    routes[f"{BASE}/feed/"] = ("application/rss+xml", feed)
    return routes


LONE_SURROGATES = json.dumps({  # json.dumps would escape a real pair as two halves; these are lone
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Banjir @D800 rob surut di Jakarta Utara", "description": "Ringkasan @DFFF berita",
    "author": {"@type": "Person", "name": "Budi @D800 Santoso"}, "articleSection": "Me@D800tro",
    "keywords": "banjir,rob@DC00", "datePublished": "2025-03-10T09:00:00+07:00",
}).replace("@D", "\\ud")


def test_a_lone_surrogate_in_json_ld_loses_no_article(tmp_path) -> None:
    """Before: ``json.loads`` made ``"\\ud800"`` a lone surrogate in the title, authors, section and
    tags; ``pa.Table.from_pylist`` raised UnicodeEncodeError on the batch ("Scraper close failure"
    in the log): both articles of the crawl were lost, the ledger said "finished", exit 0, and
    ``kliping verify`` found two raw rows without an outcome. Now every string of an outcome row
    is stored with U+FFFD in place of a lone surrogate."""
    pages = {"/2025/03/10/banjir-rob-surut-di-utara/": _page("Banjir rob surut", LONE_SURROGATES),
             "/2025/03/10/tanggul-laut-mulai-dibangun/": _page("Tanggul laut mulai dibangun")}
    with ContentServer(_routes(pages)) as server:
        r = kliping("crawl", "generic", "--domain", DOMAIN, *WINDOW, "--out", str(tmp_path / "out"),
                    "--mirror", json.dumps(server.mirror), *FAST, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    arts = {a["url"]: a for a in read_dataset(tmp_path / "out" / "articles").to_pylist()}
    assert sorted(arts) == sorted(f"{BASE}{p}" for p in pages)
    hostile = arts[f"{BASE}/2025/03/10/banjir-rob-surut-di-utara/"]
    assert hostile["title"] == "Banjir \ufffd rob surut di Jakarta Utara", hostile
    assert hostile["authors"] == ["Budi \ufffd Santoso"], hostile
    assert kliping("verify", str(tmp_path / "out")).returncode == 0


def test_a_row_arrow_refuses_at_the_last_flush_is_a_write_error(tmp_path) -> None:
    """The crawl's last flush (closing the spider) let any error but an OSError escape: Scrapy
    logged "Scraper close failure", the rows were gone and the run exited 0 as finished. Now it is
    a ``WriteError`` as in the writer thread: the run stops as on a full disk (exit code, ledger)."""
    from kliping.pipelines.writers import RunWriters

    writers = RunWriters(str(tmp_path), "20250101T000000Z-abcdef", 100, 60.0)
    writers.articles.add({"fetch_id": "f" * 32, "url": "https://x.example/a", "site": "x",
                          "word_count": "not a number"})
    with pytest.raises(WriteError):
        writers.close()
    assert writers.failed is not None
    assert not list(Path(tmp_path).rglob("*.parquet"))


# -- what the terminal is shown ------------------------------------------------------------------


def test_markup_in_an_output_path_or_a_value_is_printed_as_it_is(tmp_path) -> None:
    """rich read ``[...]`` as markup: ``kliping demo --out 'out[/]x'`` crawled, wrote, then died
    on the summary with a MarkupError traceback (exit 1); ``[red]`` vanished from the printed
    path; ``runs`` and ``stats`` did the same with the path, and ``stats`` with a dataset's values.
    Now the tables and lines show text as it is, control characters escaped."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "hasil[/]x[red]y"
    demo = kliping("demo", "--out", str(out), timeout=120)
    assert demo.returncode == 0 and "Traceback" not in demo.stderr, demo.stderr[-2000:]
    assert f"raw archive: {out}/raw/" in demo.stdout, demo.stdout
    runs = kliping("runs", str(out))
    assert runs.returncode == 0 and f"1 run in {out}" in runs.stdout, runs.stderr[-2000:]
    part = next((out / "articles").rglob("*.parquet"))
    t = pq.read_table(part)
    i = t.schema.get_field_index("cleaner_version")
    hostile = "[/]\x1b]0;PWNED\x07\x1b[2J"
    pq.write_table(t.set_column(i, t.schema.field(i), pa.array([hostile] * t.num_rows)), part)
    stats = kliping("stats", str(out))
    assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr[-2000:]
    assert "\x1b" not in stats.stdout and "[/]\\x1b]0;PWNED\\x07" in stats.stdout, stats.stdout


class _ReasonServer(LocalServer):
    """A feed of tempo listing one article, whose server answers 503 with a reason phrase of
    terminal escape sequences."""

    ARTICLE = "https://nasional.tempo.co/read/news/2024/01/01/123456789/banjir-rob-surut"

    def handler(self):  # noqa: ANN201
        article = self.ARTICLE

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                if self.path.startswith("/rss.tempo.co/"):
                    feed = f'<rss version="2.0"><channel><item><link>{article}</link></item></channel></rss>'
                    self.send(200, feed.encode(), "application/rss+xml")
                    return
                self.wfile.write(b"HTTP/1.1 503 \x1b]0;PWNED\x07\x1b[2J\rok\r\nContent-Length: 0\r\n"
                                 b"Connection: close\r\n\r\n")

        return Handler


def test_the_canary_escapes_what_a_server_says() -> None:
    """``kliping canary`` (for cron mail and a terminal) printed the HTTP reason phrase raw: a
    server retitled and cleared the reader's terminal. Now control characters are shown as \\xNN;
    ``--json`` escapes them as JSON does."""
    with _ReasonServer() as server:
        mirror = json.dumps(server.mirror_of(["rss.tempo.co", "nasional.tempo.co"]))
        r = subprocess.run([sys.executable, "-m", "kliping", "canary", "tempo", "--mirror", mirror],
                           capture_output=True, timeout=60)
        j = subprocess.run([sys.executable, "-m", "kliping", "canary", "tempo", "--json", "--mirror",
                            mirror], capture_output=True, timeout=60)
    assert r.returncode == 1 and b"FAIL tempo" in r.stdout, r.stdout + r.stderr
    assert b"\x1b" not in r.stdout and b"\r" not in r.stdout, r.stdout
    assert b"503: \\x1b]0;PWNED\\x07\\x1b[2J\\x0dok" in r.stdout, r.stdout
    assert json.loads(j.stdout)["error"] == "HTTPError: HTTP Error 503: \x1b]0;PWNED\x07\x1b[2J\rok"


def test_a_one_line_error_stays_one_line(tmp_path) -> None:
    """The CLI's one-line errors printed what they quoted raw: a newline or an escape sequence in
    a path named by the error broke the line (and the terminal)."""
    bad = tmp_path / "rusak\n\x1b[2Jlagi"
    bad.write_text("x")
    r = kliping("runs", str(bad))
    assert r.returncode == 2 and "\x1b" not in r.stderr, r.stderr
    assert "not a directory" in one_line(r) and "rusak\\x0a\\x1b[2Jlagi" in r.stderr


# -- the shared frontier on Redis ----------------------------------------------------------------


def test_junk_in_the_redis_frontier_is_dropped_with_one_line_each(tmp_path) -> None:
    """Entries of the queue that are not requests (not a pickle, a pickle of something else: a
    stray client, another version) raised in the scheduler: a traceback each, and the popped entry,
    never acked, went back to the queue when the worker closed. The frontier never emptied, so the
    run never got its ledger row (no ``runs/`` at all; "finished" printed), and every later run
    popped the junk again. A dead worker's processing entry without a score (``|``) raised
    ValueError in the reaper. Now each is dropped with one ERROR line and counted."""
    import pickle

    pytest.importorskip("scrapy_redis")
    from kliping.crawler.ledger import read_ledger
    from kliping.testing.sample import SampleServer
    from tests.redis_server import RedisServer

    if not RedisServer.available():
        pytest.skip("redis-server not installed")
    out = tmp_path / "out"
    prefix = "kliping:junk:detakberita:2024-01-05:2024-01-10"
    with RedisServer() as redis, SampleServer() as server:
        c = redis.client()
        c.zadd(f"{prefix}:requests", {b"not a pickle": -1000, pickle.dumps({"url": 5}): -999,
                                      pickle.dumps([1, 2]): -998})
        c.sadd(f"{prefix}:workers", "ghost-1-abcdef")  # a dead worker (no heartbeat) holding junk
        c.hset(f"{prefix}:processing:ghost-1-abcdef", "7", b"no score here")
        r = kliping("crawl", "detakberita", "--since", "2024-01-05", "--until", "2024-01-10",
                    "--out", str(out), "--redis", redis.url, "--run", "junk", "--mirror",
                    json.dumps(server.mirror()), *FAST, "-s", "KLIPING_REDIS_POLL=0.2", timeout=90)
        left = c.keys(f"{prefix}:*")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.stderr.count("that is not a request") == 4, r.stderr[-3000:]
    assert left == []  # the last worker out cleared the frontier
    rows = read_ledger(out)
    assert [row["status"] for row in rows] == ["finished"], rows
    assert json.loads(rows[0]["health"])["cluster"]["dropped_entries"] == 4
    assert len(read_dataset(out / "articles")) == 16


# -- addresses a page gives ----------------------------------------------------------------------

BROKEN_ADDRESS = "http://[::1"  # urllib: ValueError "Invalid IPv6 URL"
ADDRESS_PLACES = {
    "canonical": f'<link rel="canonical" href="{BROKEN_ADDRESS}/berita">',
    "og-url": f'<meta property="og:url" content="{BROKEN_ADDRESS}">',
    "og-image": f'<meta property="og:image" content="{BROKEN_ADDRESS}/foto.jpg">',
    "json-ld": '<script type="application/ld+json">' + json.dumps(
        {"@type": "NewsArticle", "url": BROKEN_ADDRESS, "image": {"url": f"{BROKEN_ADDRESS}/a.jpg"}}
    ) + "</script>",
    "link": f'</head><body><a href="{BROKEN_ADDRESS}/2025/03/10/berita-lain-yang-panjang">x</a>',
    # a list of the site's other headlines in the story (its host the page's, its port left open)
    "own-link": "</h1><ul>" + "".join(
        f'<li><a href="https://kabar.example:[80/2025/03/10/berita-lain-nomor-{i}">Harga cabai rawit'
        f" di pasar induk naik dua kali lipat pekan ini nomor {i}</a></li>" for i in range(3)) + "</ul>",
}


def test_a_broken_address_in_a_page_loses_no_article(tmp_path) -> None:
    """urllib raises ValueError on a bracketed host that does not close (``http://[::1``): one such
    canonical link, og:url, og:image or JSON-LD url made the whole page a ``clean_error`` (the
    article lost, in a crawl as in ``kliping extract``). Now such an address is passed over as a
    missing one is."""
    files = []
    for name, tag in ADDRESS_PLACES.items():
        body = _page("Banjir rob surut di pesisir utara").decode()
        if tag.startswith(("</head>", "</h1>")):
            body = body.replace(tag[: tag.index(">") + 1], tag, 1)
        else:
            body = body.replace("<head>", "<head>" + tag, 1)
        path = tmp_path / f"{name}.html"
        path.write_text(body, encoding="utf-8")
        files.append(path)
    tsv = tmp_path / "urls.tsv"
    tsv.write_text("".join(f"{f}\thttps://kabar.example/2025/03/10/banjir/\n" for f in files))
    r = kliping("extract", "--urls-from", str(tsv))
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec.get("kind") for rec in records] == [None] * len(files), records
    assert all(rec["title"] == "Banjir rob surut di pesisir utara" for rec in records), records
    assert all(rec["canonical_url"] == "https://kabar.example/2025/03/10/banjir/" for rec in records)



def test_a_broken_next_page_link_keeps_the_article(tmp_path) -> None:
    """merdeka follows "Halaman selanjutnya" links: ``response.urljoin`` of one that reads
    ``http://[::1`` raised ValueError in the spider's callback (a "Spider error" traceback): the
    article was lost, and lost again on every run. Now the chain ends there, as at a link that is
    not an article's."""
    from tests.hostile.test_audit import MERDEKA, M, _merdeka_page

    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>M</title>'
            f"<item><title>L</title><link>{MERDEKA[0]}</link><pubDate>Mon, 10 Mar 2025 09:00:00 +0700"
            "</pubDate></item></channel></rss>").encode()
    routes = {f"{M}/feed/": ("application/rss+xml", feed),
              MERDEKA[0]: ("text/html; charset=utf-8", _merdeka_page(BROKEN_ADDRESS + "/berita?page=2"))}
    with ContentServer(routes) as server:
        r = kliping("crawl", "merdeka", "--since", "2025-03-10", "--until", "2025-03-11", "--out",
                    str(tmp_path / "out"), "--mirror", json.dumps(server.mirror), *FAST, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert [a["url"] for a in read_dataset(tmp_path / "out" / "articles").to_pylist()] == MERDEKA[:1]


def _warc_response(uri: str, date: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash((uri, date))):032x}>\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"


def test_pages_fetched_at_the_ends_of_the_calendar_are_articles(tmp_path) -> None:
    """A WARC record dated 9999-12-31T23:59:59Z: the date finder turned the fetch time into the
    site's zone (UTC+7) past year 9999, an OverflowError, and the page became a clean_error row."""
    warc = tmp_path / "ujung.warc"
    warc.write_bytes(
        _warc_response("https://kabar.example/2025/03/10/banjir-rob-surut/", "9999-12-31T23:59:59Z",
                       _page("Banjir rob surut di pesisir utara"))
        + _warc_response("https://kabar.example/2025/03/10/tanggul-laut-dibangun/", "0001-01-01T00:00:00Z",
                         _page("Tanggul laut mulai dibangun")))
    r = kliping("ingest", str(warc), "--out", str(tmp_path / "out"), "--all-domains", "--no-progress")
    assert r.returncode == 0, r.stderr[-2000:]
    errors = tmp_path / "out" / "errors"
    assert not errors.exists() or not read_dataset(errors).to_pylist()
    assert len(read_dataset(tmp_path / "out" / "articles")) == 2


def test_a_target_uri_that_is_no_uri_is_not_ingested(tmp_path) -> None:
    """The WARC header reader splits lines at CRLF only: a WARC-Target-URI carrying bare "\\n"
    and header lines, a space or an escape sequence was taken whole as the article's ``url`` and
    ``canonical_url`` (``https://…/\\nWARC-Type: resource\\nX-Injected: yes``). Now a URI holding
    whitespace or a control character is passed over (counted ``bad_uri``); the others are kept."""
    good = "https://kabar.example/2025/03/10/tanggul-laut-dibangun/"
    warc = tmp_path / "uri.warc"
    warc.write_bytes(b"".join(
        _warc_response(uri, "2025-03-10T02:00:00Z", _page(f"Banjir rob surut nomor {i}"))
        for i, uri in enumerate([
            "https://kabar.example/2025/03/10/banjir/\nWARC-Type: resource\nX-Injected: yes",
            "https://kabar.example/2025/03/10/banjir rob/",
            "https://kabar.example/2025/03/10/\x1b]0;PWNED\x07/",
            good,
        ])))
    r = kliping("ingest", str(warc), "--out", str(tmp_path / "out"), "--all-domains", "--no-progress")
    assert r.returncode == 0, r.stderr[-2000:]
    assert [a["url"] for a in read_dataset(tmp_path / "out" / "raw").to_pylist()] == [good]


def test_json_ld_keywords_of_other_kinds_are_read_as_text(tmp_path) -> None:
    """JSON-LD ``keywords`` as a list holding a null and a DefinedTerm object gave the tags
    "None" and "{'@type': 'DefinedTerm', 'name': 'banjir'}" (``str()`` of each)."""
    ld = json.dumps({"@type": "NewsArticle", "keywords": [None, {"@type": "DefinedTerm", "name": "banjir"},
                                                          "rob", 7, [], {}]})
    page = tmp_path / "kata.html"
    page.write_bytes(_page("Banjir rob surut di pesisir utara", ld))
    r = kliping("extract", str(page), "--url", "https://kabar.example/2025/03/10/banjir/")
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["tags"] == ["banjir", "rob", "7"]


FRONTIER = "kliping:junk:detakberita:2024-01-05:2024-01-10"
STRAY_KEYS = {  # what a stray program left: (key, what to store, a word of the one line)
    "string-queue": (f"{FRONTIER}:requests", "x", "holds a string"),
    # the run id names every part a worker writes: "part-../../../../x-…", every write failed
    "run-id": (f"{FRONTIER}:meta", {"run_id": "../../../../x", "started_at": "2024-01-01T00:00:00"},
               "not a kliping run id"),
    "started-at": (f"{FRONTIER}:meta", {"run_id": "20240101T000000Z-abcdef", "started_at": "kemarin"},
                   "not an ISO 8601 instant"),
}


@pytest.mark.parametrize("stray", list(STRAY_KEYS))
def test_a_frontier_key_kliping_did_not_write_is_one_line(tmp_path, stray) -> None:
    """A key of the frontier holding another kind of value (``SET …:requests x`` by a stray
    program) failed the crawl in Scrapy's set-up: the plan, WRONGTYPE tracebacks, a summary of an
    empty run "failed", exit 1; a ``meta`` hash with a run id that is a path failed every write,
    one with a start that is no instant raised ValueError in the set-up. Now each is refused
    before anything starts, naming the key."""
    pytest.importorskip("scrapy_redis")
    from tests.redis_server import RedisServer

    if not RedisServer.available():
        pytest.skip("redis-server not installed")
    key, value, word = STRAY_KEYS[stray]
    with RedisServer() as redis:
        if isinstance(value, dict):
            redis.client().hset(key, mapping=value)
        else:
            redis.client().set(key, value)
        r = kliping("crawl", "detakberita", "--since", "2024-01-05", "--until", "2024-01-10",
                    "--out", str(tmp_path / "out"), "--redis", redis.url, "--run", "junk", timeout=60)
    assert r.returncode == 2 and key in one_line(r) and word in r.stderr, r.stderr[-2000:]
    assert not (tmp_path / "out").exists()


# -- spider arguments (scrapy crawl -a, a Scrapyd job's parameters) -------------------------------

SPIDER_ARGS = {  # (spider, its -a arguments, a word of the one ERROR line)
    "limit-word": ("kabarnusa", ["limit=abc"], "limit: expected a number"),
    "limit-negative": ("kabarnusa", ["limit=-5"], "limit: expected a number"),
    "generic-no-domain": ("generic", [], "needs -a domain"),
    "generic-path": ("generic", ["domain=../../x"], "expected a host name"),
}


@pytest.mark.parametrize("case", list(SPIDER_ARGS))
def test_a_bad_spider_argument_is_one_error_line_and_no_request(tmp_path, case) -> None:
    """``scrapy crawl kabarnusa -a limit=abc`` (a Scrapyd job's parameters alike) was a ValueError
    traceback in the spider's set-up ("Task exception was never retrieved"), ``limit=-5`` a crawl
    that scheduled no article, ``scrapy crawl generic`` without a good ``-a domain`` the same
    traceback. Now each is refused as a bad window is: one ERROR line, not even robots.txt."""
    from kliping.testing.sample import SampleServer

    spider, args, word = SPIDER_ARGS[case]
    root = str(Path(__file__).resolve().parents[2])
    with SampleServer() as server:
        env = dict(os.environ, PYTHONPATH=root, SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(tmp_path / "out"))
        r = subprocess.run([sys.executable, "-m", "scrapy", "crawl", spider,
                            *[a for arg in args for a in ("-a", arg)], "-s", "LOG_LEVEL=WARNING"],
                           capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
        hits = dict(server.hits)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    errors = [line for line in r.stderr.splitlines() if " ERROR: " in line]
    assert len(errors) == 1 and word in errors[0], r.stderr[-3000:]
    assert not any(hits.values()), hits
    assert not (tmp_path / "out" / "runs").exists()


# -- the run ledger ------------------------------------------------------------------------------

DAMAGED_HEALTH = {
    "not-json": "garbage",
    "shapes": json.dumps({"sites": {"detakberita": 5, "kabarnusa": {"sources": 7},
                                    "suarawarga": {"sources": {"news_sitemap": "x"}, "ok": False}}}),
}


@pytest.mark.parametrize("health", list(DAMAGED_HEALTH))
def test_a_damaged_health_in_the_ledger_stops_no_later_run(tmp_path, health) -> None:
    """The ledger's ``health`` column is JSON read back by the next crawl (its baseline) and by
    ``kliping runs``. A row whose value is not JSON, or whose sites' records are not objects,
    made every later crawl of the output end in an AttributeError traceback after its writes
    (exit 1), and ``kliping runs`` a JSONDecodeError. Now such a value is no baseline."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    assert kliping("demo", "--out", str(out), timeout=120).returncode == 0
    for part in (out / "runs").glob("*.parquet"):
        t = pq.read_table(part)
        i = t.schema.get_field_index("health")
        pq.write_table(t.set_column(i, t.schema.field(i),
                                    pa.array([DAMAGED_HEALTH[health]] * t.num_rows, pa.string())), part)
    again = kliping("demo", "--out", str(out), timeout=120)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr[-3000:]
    runs = kliping("runs", str(out))
    assert runs.returncode == 0 and "Traceback" not in runs.stderr, runs.stderr[-3000:]


def test_the_heartbeat_outlives_a_redis_error(caplog) -> None:
    """The heartbeat ran as a LoopingCall of ``heartbeat()``: one Redis error (here a full memory;
    a restart or a timeout alike) stopped it for good, and a live worker's key expired: the others
    took it for dead and fetched again what it held. Now a failed beat is one WARNING and the
    next beat writes the key again."""
    pytest.importorskip("scrapy_redis")
    from twisted.internet import task

    from kliping.cluster.common import WORKER_ID
    from kliping.cluster.extension import ClusterRun
    from tests.redis_server import RedisServer

    if not RedisServer.available():
        pytest.skip("redis-server not installed")
    with RedisServer() as redis:
        c = redis.client()
        ext = object.__new__(ClusterRun)  # only what the heartbeat reads
        ext.server, ext.prefix, ext.ttl, ext._beat_failing = c, "kliping:t:s:-:-", 5.0, False
        clock = task.Clock()
        loop = task.LoopingCall(ext.beat)
        loop.clock = clock
        c.config_set("maxmemory-policy", "noeviction")
        c.config_set("maxmemory", 1)  # every write refused: OOM
        loop.start(1, now=True)
        clock.advance(1)
        clock.advance(1)
        c.config_set("maxmemory", 0)
        clock.advance(1)
        assert loop.running
        assert c.pttl(f"kliping:t:s:-:-:alive:{WORKER_ID}") > 0
        loop.stop()
    assert sum("heartbeat not written" in r.getMessage() for r in caplog.records) == 1


def test_articles_dated_at_the_ends_of_the_calendar_are_exported_with_a_plot(tmp_path) -> None:
    """A page dated 0001-01-01 or 9999-12-31 is an article (test_audit); ``kliping export`` then
    ended in a matplotlib ValueError traceback drawing the coverage plot (its margins left the
    calendar). Now the plot shows 1900-2999 and says how many it leaves out."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    assert kliping("demo", "--out", str(out), timeout=120).returncode == 0
    part = sorted((out / "articles").rglob("*.parquet"))[0]
    t = pq.read_table(part)
    i = t.schema.get_field_index("published_date")
    days = t.column(i).to_pylist()
    days[:2] = [dt.date(1, 1, 1), dt.date(9999, 12, 31)]
    pq.write_table(t.set_column(i, t.schema.field(i), pa.array(days, t.schema.field(i).type)), part)
    r = kliping("export", str(out), "--out", str(tmp_path / "ex"))
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert (tmp_path / "ex" / "coverage.png").stat().st_size > 0
    card = (tmp_path / "ex" / "README.md").read_text()
    assert "| 0001-01 |" in card and "| 9999-12 |" in card  # strftime wrote year 1 as "1-01"
    assert len(pq.read_table(tmp_path / "ex" / "data" / "articles.parquet")) == t.num_rows + sum(
        len(pq.read_table(p)) for p in sorted((out / "articles").rglob("*.parquet"))[1:])


class _EndlessFeed(LocalServer):
    """rss.tempo.co's feed without end: fast (``flood``) or a few bytes now and then (``drip``)."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.how = how

    def handler(self):  # noqa: ANN201
        how = self.how

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                 b"Connection: close\r\n\r\n<rss><channel>")
                chunk = b"<item><title>x</title></item>" * (30000 if how == "flood" else 1)
                end = time.monotonic() + 15
                try:
                    while time.monotonic() < end:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        if how == "drip":
                            time.sleep(0.2)
                except OSError:
                    pass

        return Handler


@pytest.mark.parametrize(("how", "error"), [("flood", "larger than 50 MiB"), ("drip", "not read within 2 s")])
def test_the_canary_reads_a_bounded_listing(how, error) -> None:
    """The canary read a listing with ``resp.read()``: a feed sent without end took 10 GB of
    memory in 20 s; one dripping a few bytes every 0.2 s (under any socket timeout) held it for
    as long as the server liked. Now a listing stops at 50 MiB (KLIPING_SITEMAP_MAXSIZE), any
    response at the --timeout, each a failed site."""
    with _EndlessFeed(how) as server:
        start = time.monotonic()
        r = subprocess.run([sys.executable, "-m", "kliping", "canary", "tempo", "--json", "--timeout", "2",
                            "--mirror", json.dumps(server.mirror_of(["rss.tempo.co"]))],
                           capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 12
    assert r.returncode == 1 and error in json.loads(r.stdout)["error"], r.stdout + r.stderr[-2000:]


def test_a_part_named_with_an_escape_sequence_is_named_escaped(tmp_path) -> None:
    """``kliping verify`` and ``--skip-bad`` name each bad part by its file name, which is whatever
    the directory holds: printed raw, a part named with an escape sequence retitled the terminal."""
    out = tmp_path / "out"
    assert kliping("demo", "--out", str(out), timeout=120).returncode == 0
    (out / "articles" / "site=kabarnusa" / "part-\x1b]0;PWNED\x07x.parquet").write_bytes(b"junk")
    verify = kliping("verify", str(out))
    stats = kliping("stats", str(out), "--skip-bad")
    assert verify.returncode == 1 and stats.returncode == 0, verify.stdout + stats.stderr
    for text in (verify.stdout, stats.stderr):
        assert "\x1b" not in text and "part-\\x1b]0;PWNED\\x07x.parquet" in text, text


def test_a_meta_refresh_to_no_url_keeps_the_page(tmp_path) -> None:
    """``<meta http-equiv="refresh" content="0; url=javascript:…">`` (or ``http://[::1``): Scrapy's
    meta-refresh middleware raised ValueError making a request of it, and the page, an article,
    was lost as a failed request. Now such a refresh is ignored, as a browser ignores it; a
    refresh to another host is still not followed (nor the page kept), as an HTTP redirect."""
    targets = {"siaran-ulang-tanpa-alamat": "javascript:alert(1)", "alamat-rusak-di-halaman": BROKEN_ADDRESS,
               "pindah-ke-situs-lain": "https://lain.example/2025/03/10/berita-lain/"}
    pages = {f"/2025/03/10/{slug}/": _page(f"Banjir rob surut {slug}").replace(
        b"<head>", f'<head><meta http-equiv="refresh" content="0; url={target}">'.encode(), 1)
        for slug, target in targets.items()}
    with ContentServer(_routes(pages)) as server:
        r = kliping("crawl", "generic", "--domain", DOMAIN, *WINDOW, "--out", str(tmp_path / "out"),
                    "--mirror", json.dumps(server.mirror), *FAST, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    arts = sorted(a["url"] for a in read_dataset(tmp_path / "out" / "articles").to_pylist())
    assert arts == sorted(f"{BASE}/2025/03/10/{s}/" for s in list(targets)[:2]), r.stderr[-2000:]
