"""One error schema, one outcome path (issue 15 item 2).

The same broken pages (an HTML page with no article body, a PDF served as ``text/html``) reach
``<out>/errors/`` three ways: a real crawl over 127.0.0.1 (the generic spider through the mirror),
``kliping reclean`` of that crawl's raw archive, and ``kliping ingest`` of a WARC holding the same
responses. The three must write identical error rows (same columns, same kind, same message,
same cleaner), apart from the run and fetch ids. An errors part an older reclean wrote (no
``kind``, no ``run_id``, ``error`` as ``<kind>: <message>``) still reads, and ``--only-stale``
rewrites it in the current layout.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kliping.clean import CLEANER_VERSION
from kliping.dataset.outcome import ERROR_KINDS, clean_outcome, error_row
from kliping.dataset.reclean import reclean
from kliping.dataset.records import raw_from_arrow, raw_record
from kliping.dataset.schema import ERRORS, RAW
from kliping.dataset.storage import PARTITION, PartWriter, read_dataset
from tests.conftest import FAST, kliping
from tests.hostile.test_content import PDF, ContentServer
from tests.warc_fixtures import Page, write_warc

DOMAIN = "warta-pesisir.example"
BASE = f"https://{DOMAIN}"
WINDOW = ["--since", "2025-03-10", "--until", "2025-03-11"]
SAME = ("url", "site", "kind", "error", "cleaner_version")  # what must agree across the paths


def _article(title: str) -> bytes:
    paras = "".join(
        f"<p>JAKARTA - {title}: warga pesisir utara kembali beraktivitas setelah banjir rob surut "
        f"pada Senin pagi, kata petugas kelurahan yang mendata rumah rusak ({i}).</p>"
        for i in range(4)
    )
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="article:published_time" content="2025-03-10T09:00:00+07:00"></head>'
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


# a soft 404 at an article-shaped URL: a 200 with the site's frame and no body (not_article)
SOFT_404 = (
    b'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Halaman Tidak Ditemukan'
    b"</title></head><body><nav><a href='/'>Beranda</a></nav></body></html>"
)
BROKEN = {
    f"{BASE}/2025/03/10/indeks-berita-hari-ini/": ("text/html; charset=utf-8", SOFT_404),
    f"{BASE}/2025/03/10/dokumen-anggaran-desa/": ("text/html; charset=utf-8", PDF),
}
GOOD = {
    f"{BASE}/2025/03/10/{slug}/": ("text/html; charset=utf-8", _article(title))
    for slug, title in [
        ("nelayan-kembali-melaut", "Nelayan Kembali Melaut"),
        ("pasar-ikan-ramai", "Pasar Ikan Ramai Menjelang Ramadan"),
        ("tanggul-laut-dibangun", "Tanggul Laut Mulai Dibangun"),
        ("sekolah-pesisir-dibuka", "Sekolah Pesisir Dibuka Kembali"),
    ]
}
PAGES = {**GOOD, **BROKEN}
FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Warta</title>'
    + "".join(f"<item><title>{u}</title><link>{u}</link>"
              "<pubDate>Mon, 10 Mar 2025 09:00:00 +0700</pubDate></item>" for u in PAGES)
    + "</channel></rss>"
).encode()
HOME = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Warta</title>'
    f'<link rel="alternate" type="application/rss+xml" href="{BASE}/feed/"></head>'
    "<body><h1>Warta</h1></body></html>"
).encode()


def _errors(out: Path) -> dict[str, dict]:
    return {e["url"]: e for e in read_dataset(out / "errors").to_pylist()}


def _part_columns(out: Path) -> set[tuple[str, ...]]:
    return {tuple(pq.read_schema(p).names) for p in (out / "errors").rglob("*.parquet")}


@pytest.fixture(scope="module")
def three_ways(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("outcome")
    routes = {**PAGES, f"{BASE}/": ("text/html; charset=utf-8", HOME),
              f"{BASE}/feed/": ("application/rss+xml; charset=utf-8", FEED)}
    with ContentServer(routes) as server:
        proc = kliping("crawl", "generic", "--domain", DOMAIN, *WINDOW, "--out", str(tmp / "crawl"),
                       "--mirror", json.dumps(server.mirror), *FAST, timeout=180)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert (tmp / "crawl" / "errors").is_dir(), proc.stdout[-2000:] + proc.stderr[-2000:]
    reclean(tmp / "crawl" / "raw", tmp / "reclean", workers=1)
    warc = write_warc(tmp / "pages.warc.gz", [Page(u, body, 200, ct) for u, (ct, body) in PAGES.items()])
    proc = kliping("ingest", str(warc), "--out", str(tmp / "ingest"), "--all-domains", timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {"crawl": tmp / "crawl", "reclean": tmp / "reclean", "ingest": tmp / "ingest"}


def test_the_same_broken_pages_give_identical_error_rows(three_ways: dict[str, Path]) -> None:
    rows = {how: _errors(out) for how, out in three_ways.items()}
    for how, errors in rows.items():
        assert set(errors) == set(BROKEN), (how, errors)
    crawl = rows["crawl"]
    assert crawl[f"{BASE}/2025/03/10/indeks-berita-hari-ini/"]["kind"] == "not_article"
    assert crawl[f"{BASE}/2025/03/10/dokumen-anggaran-desa/"]["kind"] == "not_html"
    for url in BROKEN:
        want = {k: crawl[url][k] for k in SAME}
        assert want["cleaner_version"] == CLEANER_VERSION
        for how in ("reclean", "ingest"):
            assert {k: rows[how][url][k] for k in SAME} == want, (how, url)
    # one layout on disk: every errors part of every path has the columns of schema.ERRORS
    layouts = set().union(*(_part_columns(out) for out in three_ways.values()))
    assert layouts == {tuple(n for n in ERRORS.names if n != PARTITION)}


def test_error_rows_link_back_to_the_run_that_fetched_the_page(three_ways: dict[str, Path]) -> None:
    for how, out in three_ways.items():
        raw_runs = {r["fetch_id"]: r["run_id"] for r in read_dataset(out.parent / (
            "crawl" if how == "reclean" else how) / "raw").to_pylist()}
        for e in _errors(out).values():
            assert e["run_id"] == raw_runs[e["fetch_id"]], how


def test_an_old_layout_errors_part_still_reads_and_only_stale_rewrites_it(
    three_ways: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "re"
    reclean(three_ways["crawl"] / "raw", out, workers=1)
    part = next((out / "errors").rglob("*.parquet"))
    new = pq.read_table(part)
    # the layout an older reclean wrote: no kind, no run_id, "<kind>: <message>"
    old = pa.table({
        "fetch_id": new.column("fetch_id"), "url": new.column("url"),
        "error": pa.array([f"not_an_article: {e}" for e in new.column("error").to_pylist()]),
        "cleaner_version": new.column("cleaner_version"),
    })
    pq.write_table(old, part)
    rows = read_dataset(out / "errors").to_pylist()
    assert len(rows) == len(BROKEN)
    assert all(r["kind"] is None and r["run_id"] is None and r["error"].startswith("not_an_article: ")
               for r in rows)
    summary = reclean(three_ways["crawl"] / "raw", out, workers=1, only_stale=True)
    assert summary.pages > 0  # the old-layout chunk is stale, though its cleaner is current
    assert {r["url"]: r["kind"] for r in read_dataset(out / "errors").to_pylist()} == {
        u: e["kind"] for u, e in _errors(three_ways["crawl"]).items()
    }
    assert _part_columns(out) == {tuple(n for n in ERRORS.names if n != PARTITION)}


# -- the pieces, without a crawl ------------------------------------------------------------------


def test_every_kind_is_documented_in_the_schema() -> None:
    doc = ERRORS.field("kind").metadata[b"doc"].decode()
    assert all(kind in doc for kind in ERROR_KINDS)


def test_a_non_2xx_response_is_not_cleaned() -> None:
    raw = raw_record(url="https://a.example/x", site="a", body=b"<html>gone</html>", status=404,
                     run_id="r1")
    kind, row = clean_outcome(raw, None)
    assert kind == "http_status" and row["error"] == "HTTP status 404" and row["run_id"] == "r1"
    assert set(row) == set(ERRORS.names)


def test_error_messages_are_one_line() -> None:
    raw = raw_record(url="https://a.example/x", site="a", body=b"", run_id="r1")
    row = error_row(raw, "clean_error", "ValueError: first\n  second\tthird")
    assert row["error"] == "ValueError: first second third"


def test_raw_record_fills_the_normal_forms_and_refuses_unknown_columns(tmp_path: Path) -> None:
    raw = raw_record(url="https://a.example/x", site="a", body=b"<html></html>",
                     headers={"Content-Type": "text/html"}, run_id="r1", discovered_via="feed")
    assert set(raw) <= set(RAW.names) and raw["final_url"] == raw["url"]
    assert raw["fetched_at"].tzinfo is not None and raw["fetch_id"]
    with pytest.raises(TypeError, match="warc_fil"):
        raw_record(url="u", site="a", body=b"", warc_fil="x")
    w = PartWriter(tmp_path, "raw", "r1")
    w.add(raw)
    w.close()
    back = raw_from_arrow(read_dataset(tmp_path / "raw").to_pylist()[0])
    assert back["headers"] == {"Content-Type": "text/html"}
    when = raw["fetched_at"]
    assert back["fetched_at"] == when.replace(microsecond=when.microsecond // 1000 * 1000)  # ms
