"""Only HTML becomes an article; inputs are bounded; a UTF-16 page decodes (issue #13).

A local server on 127.0.0.1 serves, at article URLs of a small news site, a PDF, a PNG, random
bytes and an RSS feed (some under honest content types, some labelled ``text/html``), UTF-16
pages with a byte order mark, and an ordinary article. A real crawl (the generic spider through
the mirror, as a user runs it) must archive them all raw, make articles of the HTML pages only,
and give every other response one error row of kind ``not_html``. ``kliping reclean`` over that
raw archive does the same, ``kliping extract`` gives error records for such files (and for a gzip
bomb, a truncated gzip, a directory, a missing file) and carries on, and the crawl's cleaning
runs under reclean's per-page time budget.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import os
import random
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from kliping.cli import main
from kliping.dataset.storage import read_dataset
from kliping.testing.http import RoutesServer
from tests.conftest import FAST, kliping

DOMAIN = "kontenaneh.example"
BASE = f"https://{DOMAIN}"
WINDOW = ["--since", "2025-03-10", "--until", "2025-03-11"]
_rng = random.Random(13)
RANDOM = _rng.randbytes(40_000)
PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n" + _rng.randbytes(30_000)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _rng.randbytes(20_000)
UTF16_SENTENCE = "Harga ikan naik menjadi Rp 45.000 per kilogram — “cuaca buruk,” kata Pak Ujang."


def _article(title: str, day: str, extra: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{day}T09:00:00+07:00"></head>'
        f"<body><header><nav><a href='/'>Beranda</a></nav></header><article><h1>{title}</h1>"
        "<p>JAKARTA - Warga pesisir utara kembali beraktivitas setelah banjir rob surut pada Senin"
        f" pagi. {extra}</p><p>Petugas kelurahan mendata rumah yang rusak dan menyalurkan bantuan"
        " kepada keluarga terdampak.</p><p>Pemerintah kota berjanji mempercepat pembangunan"
        " tanggul laut agar kejadian serupa tidak terulang.</p>"
        "</article><footer>Hak cipta Kontenaneh</footer></body></html>"
    )


RSS = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kontenaneh</title>'
    + "".join(
        f"<item><title>Berita {i}</title><link>{BASE}/2025/03/10/berita-nomor-{i}/</link>"
        f"<description>Warga pesisir utara kembali beraktivitas setelah banjir rob surut {i}."
        "</description></item>"
        for i in range(200)
    )
    + "</channel></rss>"
).encode()

API_JSON = json.dumps({
    "title": "Warga Pesisir Kembali Beraktivitas",
    "body": [_article("x", "2025-03-10")[300:] for _ in range(3)],
}).encode()
# path -> (content type, body, what it is: None for an HTML page)
PAGES: dict[str, tuple[str, bytes, str | None]] = {
    "/2025/03/10/laporan-anggaran-desa-terbaru/": ("application/pdf", PDF, "PDF"),
    "/2025/03/10/dokumen-anggaran-dalam-html/": ("text/html; charset=utf-8", PDF, "PDF"),
    "/2025/03/10/foto-banjir-rob-pesisir/": ("image/png", PNG, "PNG"),
    "/2025/03/10/berkas-acak-tanpa-jenis/": ("application/octet-stream", RANDOM, "binary"),
    "/2025/03/10/berkas-acak-sebagai-html/": ("text/html", RANDOM, "binary"),
    "/2025/03/10/umpan-berita-terkini/": ("application/rss+xml", RSS, "RSS"),
    "/2025/03/10/umpan-berita-sebagai-html/": ("text/html; charset=utf-8", RSS, "RSS"),
    "/2025/03/10/api-berita-dalam-json/": ("text/html; charset=utf-8", API_JSON, "JSON"),
    "/2025/03/10/nelayan-kembali-melaut-usai-badai/": (
        # a UTF-16 page with its BOM, under a header that says UTF-8: the BOM wins
        "text/html; charset=utf-8",
        codecs.BOM_UTF16_LE
        + _article("Nelayan Kembali Melaut Usai Badai", "2025-03-10", UTF16_SENTENCE).encode("utf-16-le"),
        None,
    ),
    "/2025/03/11/pasar-ikan-ramai-menjelang-ramadan/": (
        "text/html",
        codecs.BOM_UTF16_BE
        + _article("Pasar Ikan Ramai Menjelang Ramadan", "2025-03-11", UTF16_SENTENCE).encode("utf-16-be"),
        None,
    ),
    "/2025/03/11/tanggul-laut-mulai-dibangun-di-utara/": (
        "text/html; charset=utf-8",
        _article("Tanggul Laut Mulai Dibangun di Utara", "2025-03-11").encode(),
        None,
    ),
}
NOT_HTML = {f"{BASE}{p}": what for p, (_, _, what) in PAGES.items() if what}
HTML = {f"{BASE}{p}" for p, (_, _, what) in PAGES.items() if not what}
FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kontenaneh</title>'
    f"<link>{BASE}/</link>"
    + "".join(
        f"<item><title>{p}</title><link>{BASE}{p}</link>"
        f"<pubDate>{'Mon, 10' if '/03/10/' in p else 'Tue, 11'} Mar 2025 09:00:00 +0700</pubDate></item>"
        for p in PAGES
    )
    + "</channel></rss>"
).encode()
HOME = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kontenaneh</title>'
    f'<link rel="alternate" type="application/rss+xml" href="{BASE}/feed/"></head>'
    "<body><h1>Kontenaneh</h1></body></html>"
).encode()


class ContentServer(RoutesServer):
    """Serves ``routes`` ({real URL: (content type, body)}) on 127.0.0.1, every host of them
    through :mod:`kliping.testing.mirror`; robots.txt allows all, anything else is 404."""

    def __init__(self, routes: dict[str, tuple[str, bytes]]) -> None:
        super().__init__()
        self.routes = routes

    @property
    def mirror(self) -> dict[str, str]:
        return self.mirror_of(u.split("/")[2] for u in self.routes)

    def lookup(self, url: str) -> tuple[str, bytes] | None:
        return self.routes.get(url)


ROUTES = {f"{BASE}{p}": (ct, body) for p, (ct, body, _) in PAGES.items()}
ROUTES[f"{BASE}/"] = ("text/html; charset=utf-8", HOME)
ROUTES[f"{BASE}/feed/"] = ("application/rss+xml; charset=utf-8", FEED)


def _crawl(out: Path, server: ContentServer, *extra: str) -> subprocess.CompletedProcess:
    return kliping("crawl", "generic", "--domain", DOMAIN, *WINDOW, "--out", str(out),
                   "--mirror", json.dumps(server.mirror), *FAST, *extra, timeout=180)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("hostile-content")
    with ContentServer(ROUTES) as server:
        proc = _crawl(out / "crawl", server)
        hits = dict(server.hits)
    assert all(hits.get(f"{BASE}{p}") for p in PAGES), hits
    return out, proc


def test_crawl_archives_every_response(crawled) -> None:
    out, proc = crawled
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    raw = read_dataset(out / "crawl" / "raw").to_pylist()
    assert sorted(r["url"] for r in raw) == sorted([*NOT_HTML, *HTML])


def test_only_html_becomes_an_article(crawled) -> None:
    out, _ = crawled
    arts = read_dataset(out / "crawl" / "articles").to_pylist()
    assert sorted(a["url"] for a in arts) == sorted(HTML)
    assert all(a["word_count"] < 200 for a in arts)  # no binary "text" of thousands of "words"


def test_non_html_responses_are_not_html_error_rows(crawled) -> None:
    out, _ = crawled
    errors = read_dataset(out / "crawl" / "errors").to_pylist()
    assert sorted(e["url"] for e in errors) == sorted(NOT_HTML)  # one row each, nothing else
    for e in errors:
        assert e["kind"] == "not_html", e
        assert NOT_HTML[e["url"]] in e["error"], e  # says what it is: PDF, PNG, binary, RSS
    raw_ids = {r["fetch_id"] for r in read_dataset(out / "crawl" / "raw").to_pylist()}
    arts = read_dataset(out / "crawl" / "articles").to_pylist()
    assert raw_ids == {a["fetch_id"] for a in arts} | {e["fetch_id"] for e in errors}


def test_utf16_pages_with_a_byte_order_mark_decode(crawled) -> None:
    out, _ = crawled
    arts = {a["title"]: a for a in read_dataset(out / "crawl" / "articles").to_pylist()}
    for title in ("Nelayan Kembali Melaut Usai Badai", "Pasar Ikan Ramai Menjelang Ramadan"):
        assert UTF16_SENTENCE in arts[title]["text"], arts[title]["text"]
        assert arts[title]["language"] == "id"
        assert "\x00" not in arts[title]["text"]


def test_reclean_gives_not_html_error_rows(crawled) -> None:
    out, _ = crawled
    proc = kliping("reclean", str(out / "crawl" / "raw"), "--out", str(out / "re"), "--workers", "1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    errors = read_dataset(out / "re" / "errors").to_pylist()
    assert sorted(e["url"] for e in errors) == sorted(NOT_HTML)
    assert all(e["kind"] == "not_html" for e in errors), errors
    before = {a["url"]: a["text"] for a in read_dataset(out / "crawl" / "articles").to_pylist()}
    after = {a["url"]: a["text"] for a in read_dataset(out / "re" / "articles").to_pylist()}
    assert after == before


def test_crawl_cleaning_has_a_per_page_budget(tmp_path: Path) -> None:
    # A budget no page can meet: every HTML page becomes a timeout row, and the crawl goes on to
    # the end (one pathological page cannot stall it).
    with ContentServer(ROUTES) as server:
        proc = _crawl(tmp_path / "out", server, "-s", "KLIPING_PAGE_SECONDS=0.000001")
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    raw = read_dataset(tmp_path / "out" / "raw").to_pylist()
    assert len(raw) == len(PAGES)
    errors = read_dataset(tmp_path / "out" / "errors").to_pylist()
    assert len(errors) == len(PAGES)
    kinds = {e["url"]: e["kind"] for e in errors}
    assert {kinds[u] for u in HTML} == {"timeout"}
    assert all(kinds[u] in ("timeout", "not_html") for u in NOT_HTML)
    assert not (tmp_path / "out" / "articles").exists() or not read_dataset(
        tmp_path / "out" / "articles"
    ).num_rows


def test_a_pdf_on_a_multi_page_site_is_an_error_row(tmp_path: Path) -> None:
    # merdeka follows "halaman selanjutnya" through its pages: a PDF at an article URL has none,
    # and must still be archived, as it is, and become a not_html row
    pdf_url = "https://www.merdeka.com/peristiwa/laporan-anggaran-desa-terbaru-12345678-mvk.html"
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Merdeka</title>'
        f"<item><title>Laporan</title><link>{pdf_url}</link>"
        "<pubDate>Mon, 10 Mar 2025 09:00:00 +0700</pubDate></item></channel></rss>"
    ).encode()
    routes = {
        "https://www.merdeka.com/feed/": ("application/rss+xml", feed),
        pdf_url: ("application/pdf", PDF),
    }
    with ContentServer(routes) as server:
        proc = kliping("crawl", "merdeka", *WINDOW, "--out", str(tmp_path / "out"),
                       "--mirror", json.dumps(server.mirror), *FAST, timeout=180)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert [r["url"] for r in read_dataset(tmp_path / "out" / "raw").to_pylist()] == [pdf_url]
    errors = read_dataset(tmp_path / "out" / "errors").to_pylist()
    assert [(e["url"], e["kind"]) for e in errors] == [(pdf_url, "not_html")]
    assert "PDF" in errors[0]["error"]


def test_the_budget_gets_through_broad_exception_handlers() -> None:
    # the cleaner's fallbacks (dateparser, htmldate) run inside `except Exception`: a timeout
    # raised there must still end the page (it once let a 16,000-digit date run on for 40 s)
    import time

    from kliping.dataset.reclean import PageTimeout, time_budget

    swallowed = 0
    with pytest.raises(PageTimeout), time_budget(0.05):
        for _ in range(1000):  # bounded: 10 s at most
            try:
                time.sleep(0.01)
            except Exception:
                swallowed += 1
    assert swallowed == 0


@pytest.mark.parametrize(
    ("body", "ctype", "verdict"),
    [
        # pages, however they open and whatever the label
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html", None),
        (b"\n\n  <!-- cms -->\n<!doctype HTML><title>x</title>", None, None),
        (b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">', None, None),
        (b'<?xml version="1.0"?><html><body>x</body></html>', "application/xml", None),
        (b"<div class='isi'><p>Warga menyambut gembira.</p></div>", "text/html", None),
        (b"<div class='isi'><p>Warga menyambut gembira.</p></div>", None, None),
        (b"Warning: session_start() in /var/www/index.php on line 3\n<!DOCTYPE html><html>", None, None),
        (b"Teks biasa tanpa markup", "text/html", None),  # the label settles what bytes leave open
        (b"<html><body>x</body></html>", "application/octet-stream", None),
        (b"<!DOCTYPE html><html><body>x</body></html>", "image/jpeg", None),  # opens as a document
        (codecs.BOM_UTF16_BE + "<html><body>x</body></html>".encode("utf-16-be"), "text/html", None),
        (codecs.BOM_UTF32_LE + "<html><body>x</body></html>".encode("utf-32-le"), None, None),
        ("<html><body>x</body></html>".encode("utf-16-le"), "text/html; charset=utf-16", None),
        (b"<svg viewBox='0 0 1 1'></svg><p>Berita</p>", "text/html", None),  # inline svg
        (b"OTTO Hasibuan: <p>kata dia</p>", "text/html", None),  # a word, not a font's magic
        (b"<p>Berita</p>", "text/html, text/html; charset=UTF-8", None),  # a repeated header
        # not pages
        (PDF, "text/html", "a PDF document"),
        (b"  \n%PDF-1.4 ...", None, "a PDF document"),
        (PNG, "text/html", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "text/html", "a JPEG image"),
        (b"GIF89a\x01\x00", None, "a GIF image"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "text/html", "a WebP image"),
        (b"PK\x03\x04\x14\x00", "text/html", "a ZIP archive"),
        (gzip.compress(b"<html></html>"), "text/html", "gzip-compressed data"),
        (RANDOM, "text/html", "binary data"),
        (RSS, "text/html", "an RSS feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry></entry></feed>', None, "an Atom feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "text/xml", "an RSS"),
        (b'<?xml version="1.0"?><urlset xmlns="x"><url/></urlset>', "text/html", "a sitemap"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml", "an SVG image"),
        (b'<?xml version="1.0"?><berita><judul>x</judul></berita>', None, "an XML document (<berita>)"),
        (API_JSON, "text/html", "JSON"),
        (b'{"judul": "x"}', None, "JSON or script, no HTML markup"),
        (b"Teks biasa tanpa markup", None, "text without HTML markup"),
        (b"<p>Berita</p>", "application/json", "content type application/json"),
        (b"body { color: red }", "text/css", "content type text/css"),
    ],
)
def test_sniff(body: bytes, ctype: str | None, verdict: str | None) -> None:
    from kliping.clean.sniff import not_html

    why = not_html(body, {"Content-Type": ctype} if ctype is not None else {})
    assert (why is None) if verdict is None else (why is not None and why.startswith(verdict)), why


# ------------------------------------------------------------------------------------------
# kliping extract


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], str]:
    code = main(["extract", "--fetched-at", "2025-03-10T03:00:00Z", *args])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


@pytest.mark.parametrize(
    ("name", "body", "what"),
    [
        ("acak.bin", RANDOM, "binary data"),
        ("acak.html", RANDOM, "binary data"),
        ("laporan.pdf", PDF, "a PDF document"),
        ("foto.png", PNG, "a PNG image"),
        ("umpan.xml", RSS, "an RSS feed"),
        ("umpan.html", RSS, "an RSS feed"),
    ],
)
def test_extract_refuses_what_is_not_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, body: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    code, lines, err = _extract(capsys, str(path))
    assert code == 2
    assert len(lines) == 1 and lines[0]["kind"] == "not_html" and what in lines[0]["error"]
    assert "title" not in lines[0] and "text" not in lines[0]
    assert len(err.strip().splitlines()) == 1 and what in err


def test_extract_goes_on_past_broken_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "baik.html.gz"
    good.write_bytes(gzip.compress(_article("Tanggul Laut Mulai Dibangun", "2025-03-10").encode()))
    truncated = tmp_path / "terpotong.html.gz"
    truncated.write_bytes(good.read_bytes()[:40])
    not_gzip = tmp_path / "palsu.html.gz"
    not_gzip.write_bytes(b"\x1f\x8b" + RANDOM[:500])
    utf16 = tmp_path / "utf16.html"
    utf16.write_bytes(PAGES["/2025/03/10/nelayan-kembali-melaut-usai-badai/"][1])
    folder = tmp_path / "folder"
    folder.mkdir()
    inputs = [truncated, good, folder, tmp_path / "tidak-ada.html", not_gzip, utf16]
    code, lines, err = _extract(capsys, *map(str, inputs))
    assert code == 0  # some inputs gave articles
    assert [line.get("kind") for line in lines] == [
        "unreadable", None, "unreadable", "unreadable", "unreadable", None
    ]
    assert [line.get("file") for line in lines if "error" in line] == [
        str(truncated), str(folder), str(tmp_path / "tidak-ada.html"), str(not_gzip)
    ]
    assert "gzip" in lines[0]["error"] and "directory" in lines[2]["error"]
    assert "no such file" in lines[3]["error"]
    assert lines[1]["title"] == "Tanggul Laut Mulai Dibangun"
    assert UTF16_SENTENCE in lines[5]["text"]
    assert err.strip() == 'kliping extract: 4 of 6 inputs gave no article (see their "error" records)'


def test_extract_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "besar.html"
    page.write_bytes(_article("Tanggul Laut Mulai Dibangun", "2025-03-10").encode())
    code, lines, err = _extract(capsys, "--max-bytes", "500", str(page))
    assert code == 2 and lines[0]["kind"] == "too_large" and "--max-bytes" in err
    code, lines, _ = _extract(capsys, "--max-bytes", "1K", str(page))
    assert code == 0 and lines[0]["title"] == "Tanggul Laut Mulai Dibangun"
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--max-bytes", "lots", str(page)])
    assert exc.value.code == 2


def test_extract_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    # 1 GiB of zeros in a 1 MB gzip: decompressed whole it would take over a gigabyte of memory
    bomb = tmp_path / "bom.html.gz"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    with bomb.open("wb") as f:
        for _ in range(1024):
            f.write(comp.compress(zeros))
        f.write(comp.flush())
    assert bomb.stat().st_size < 2 << 20
    # run in a child that reports its own peak memory since it started (kilobytes): VmHWM, the peak
    # of this program's memory; getrusage's ru_maxrss also keeps the peak of the process before its
    # exec, when it was a fork of this test's process (a large pytest process made it fail)
    code = (
        "import sys\n"
        "from kliping.cli import main\n"
        "rc = main(sys.argv[1:])\n"
        "hwm = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "print('maxrss', hwm, file=sys.stderr)\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, "extract", str(bomb)], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))
    assert proc.returncode == 2, proc.stderr[-2000:]
    record = json.loads(proc.stdout)
    assert record["kind"] == "too_large" and "decompresses to more than 32 MiB" in record["error"]
    err = proc.stderr.strip().splitlines()
    assert len(err) == 2 and "Traceback" not in proc.stderr  # the one error line, and maxrss
    assert int(err[1].split()[1]) < 512 * 1024  # far below the gigabyte it would decompress to


# ------------------------------------------------------------------------------------------
# Scrapy's feed exports


def test_scrapy_feed_exports_write_every_article(tmp_path: Path) -> None:
    """``scrapy crawl SITE -o items.jsonl`` writes one article record per line, as extract does."""
    import csv

    from kliping.testing.sample import SampleServer

    with SampleServer() as server:
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(tmp_path / "out"),
                   KLIPING_LOG_LEVEL="WARNING")
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "suarawarga", "-a", "since=2024-01-05",
             "-a", "until=2024-01-10", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
             "-o", str(tmp_path / "items.jsonl"), "-o", str(tmp_path / "items.csv")],
            capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Error" not in proc.stderr, proc.stderr[-3000:]
    stored = {a["id"]: a for a in read_dataset(tmp_path / "out" / "articles").to_pylist()}
    assert len(stored) >= 10
    lines = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in lines) == sorted(stored)
    for rec in lines:
        art = stored[rec["id"]]
        assert rec.keys() == art.keys()  # the article's own fields, no raw response
        assert rec["text"] == art["text"] and rec["authors"] == art["authors"]
        day = art["published_date"]
        assert rec["published_date"] == (day.isoformat() if day else None)
        if art["published_at"] is not None:  # ISO 8601 with its offset: the same instant
            assert dt.datetime.fromisoformat(rec["published_at"]) == art["published_at"]
    with (tmp_path / "items.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["id"] for r in rows) == sorted(stored)


def test_extract_urls_from_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = tmp_path / "daftar.tsv"
    tsv.write_bytes(RANDOM[:2000])
    code, lines, err = _extract(capsys, "--urls-from", str(tsv))
    assert code == 2 and not lines
    assert len(err.strip().splitlines()) == 1 and "--urls-from" in err
