"""``kliping reclean``: the crawl's clean() over a raw archive, parallel, deterministic, robust.

The raw archive is written here with the storage layer (RAW rows of generated Indonesian article
pages for registered sites, plus a listing page, a 404 and a body that is not HTML at all), so the
test does not depend on a crawl.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kliping.dataset.reclean import (
    ERRORS,
    Chunk,
    PageTimeout,
    clean_rows,
    plan,
    reclean,
    time_budget,
)
from kliping.dataset.records import raw_record
from kliping.dataset.schema import ARTICLES
from kliping.dataset.storage import PartWriter, read_dataset

SITES = {
    "detakberita": "news.detakberita.example",
    "kabarnusa": "kabarnusa.example",
    "suarawarga": "suarawarga.example",
}
WORDS = (
    "pemerintah daerah warga kota desa jalan banjir harga beras pasar sekolah guru rumah sakit "
    "kebijakan anggaran dinas pejabat menteri presiden gubernur bupati polisi petani nelayan "
    "pelabuhan bandara kereta listrik air bersih musim hujan kemarau panen pupuk subsidi bantuan "
    "sosial pembangunan jembatan tol rapat dewan perwakilan rakyat pemilu kampanye suara"
).split()


def paragraphs(seed: int, n: int = 5) -> list[str]:
    rnd = random.Random(seed)
    return [
        " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(25, 40))).capitalize() + "."
        for _ in range(n)
    ]


def article_html(title: str, paras: list[str], day: datetime, author: str = "Rina Wulandari") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": day.strftime("%Y-%m-%dT%H:%M:%S+07:00"),
        "author": {"@type": "Person", "name": author},
    })
    return (
        f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{title}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body><header><nav>"
        "<a href='/'>Beranda</a><a href='/nasional'>Nasional</a></nav></header><main><article>"
        f"<h1>{title}</h1><div class='content'>{body}</div></article></main>"
        "<footer>Hak cipta dilindungi undang-undang</footer></body></html>"
    )


def raw_row(site: str, i: int, body: bytes, status: int = 200, path: str | None = None) -> dict:
    url = f"https://{SITES[site]}/{path or f'berita/{i}/judul-{i}'}"
    return raw_record(
        fetch_id=hashlib.sha1(url.encode()).hexdigest()[:20], url=url, site=site, status=status,
        headers={"Content-Type": "text/html; charset=utf-8"}, body=body,
        fetched_at=datetime(2024, 1, 10, 3, 0, tzinfo=UTC) + timedelta(hours=i), run_id="run-test",
        discovered_via="feed",
    )


def write_archive(out: Path, per_site: int = 12) -> dict[str, int]:
    """RAW rows under ``out/raw``; returns the expected count of each outcome."""
    w = PartWriter(out, "raw", run_id="run-test", flush_rows=7)  # several parts and sites
    n = 0
    for s, site in enumerate(SITES):
        for i in range(per_site):
            day = datetime(2024, 1, 5 + i % 5, 9, 30)
            html = article_html(f"Berita {site} nomor {i}", paragraphs(s * 1000 + i), day)
            w.add(raw_row(site, i, html.encode()))
            n += 1
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(3000)  # not HTML at all
    w.add(raw_row("kabarnusa", 900, png))
    w.add(raw_row("kabarnusa", 901, b"<html><body><ul><li><a href='/a'>A</a></li></ul></body></html>",
                  path="indeks"))
    w.add(raw_row("suarawarga", 902, b"<html><body>Not found</body></html>", status=404))
    w.close()
    return {"articles": n, "no_article": 3}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("crawl")
    return out, write_archive(out)


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*.parquet"))
    }


@pytest.fixture(scope="module")
def first(archive, tmp_path_factory) -> Path:
    raw, _ = archive
    out = tmp_path_factory.mktemp("reclean1")
    reclean(raw / "raw", out, workers=2, chunk_rows=5)
    return out


def test_every_raw_row_is_accounted_for(archive, first) -> None:
    _, expected = archive
    articles = read_dataset(first / "articles")
    errors = _errors(first)
    assert articles.num_rows == expected["articles"]
    assert len(errors) == expected["no_article"]
    raw = read_dataset(archive[0] / "raw", columns=["fetch_id"]).column(0).to_pylist()
    got = articles.column("fetch_id").to_pylist() + [e["fetch_id"] for e in errors]
    assert sorted(got) == sorted(raw)


def _errors(out: Path) -> list[dict]:
    import pyarrow.dataset as ds

    d = ds.dataset(out / "errors", format="parquet", partitioning="hive", schema=ERRORS)
    return d.to_table().to_pylist()


def test_articles_schema_is_exactly_articles(first) -> None:
    for part in (first / "articles").rglob("*.parquet"):
        # Parquet has no seconds unit (timestamp[s] is stored as ms); names and order must match.
        assert pq.read_schema(part).names == [n for n in ARTICLES.names if n != "site"]
    table = read_dataset(first / "articles")
    assert table.schema.equals(ARTICLES, check_metadata=False)
    row = next(r for r in table.to_pylist() if r["site"] == "detakberita")
    assert row["title"].startswith("Berita detakberita")
    assert row["text"] and row["cleaner_version"] and row["fetch_id"] and row["run_id"] == "run-test"


def test_error_rows_name_the_page_and_the_reason(first) -> None:
    errors = {e["url"].rsplit("/", 2)[-2] + "/" + e["url"].rsplit("/", 1)[-1]: e for e in _errors(first)}
    assert len(errors) == 3
    from kliping.clean import CLEANER_VERSION

    for e in errors.values():
        assert e["error"] and e["cleaner_version"] == CLEANER_VERSION and e["site"]
        assert e["run_id"] == "run-test"  # the run that fetched the page, as a crawl's error rows
    kinds = sorted(e["kind"] for e in errors.values())
    assert "http_status" in kinds
    assert kinds.count("not_article") + sum(k not in ("http_status", "not_article") for k in kinds) == 2


def test_byte_identical_across_runs_and_worker_counts(archive, first, tmp_path) -> None:
    raw, _ = archive
    again = tmp_path / "again"
    reclean(raw / "raw", again, workers=1, chunk_rows=5)
    a, b = _files(first), _files(again)
    assert a.keys() == b.keys() and len(a) > 3
    assert a == b
    names = [Path(k).name for k in a]
    assert all(n.startswith("part-") and "-g0000-r" in n for n in names)


def test_only_stale_skips_current_rows_and_redoes_stale(archive, tmp_path) -> None:
    raw, expected = archive
    out = tmp_path / "o"
    reclean(raw / "raw", out, workers=1, chunk_rows=5)
    before = _files(out)
    s = reclean(raw / "raw", out, workers=1, chunk_rows=5, only_stale=True)
    assert s.pages == 0 and s.skipped_pages == expected["articles"] + expected["no_article"]
    # Make one chunk stale: rewrite it with another cleaner_version.
    part = sorted((out / "articles").rglob("*.parquet"))[0]
    t = pq.read_table(part)
    import pyarrow as pa

    t = t.set_column(t.schema.get_field_index("cleaner_version"), "cleaner_version",
                     pa.array(["0.0.0-old"] * t.num_rows, pa.string()))
    pq.write_table(t, part, compression="zstd")
    s = reclean(raw / "raw", out, workers=1, chunk_rows=5, only_stale=True)
    assert 0 < s.pages <= 5
    assert _files(out) == before  # redone, and identical to the full run again


def test_full_run_removes_parts_of_vanished_chunks(archive, tmp_path) -> None:
    raw, _ = archive
    out = tmp_path / "o"
    reclean(raw / "raw", out, workers=1, chunk_rows=5)
    stray = out / "articles" / "site=detakberita" / "part-gone-g0000-r0000000.parquet"
    stray.write_bytes(next((out / "articles").rglob("*.parquet")).read_bytes())
    reclean(raw / "raw", out, workers=1, chunk_rows=5)
    assert not stray.exists()


def test_plan_is_a_fixed_order_of_small_chunks(archive) -> None:
    raw, expected = archive
    chunks = plan(raw / "raw", chunk_rows=3)
    assert chunks == sorted(chunks, key=lambda c: (c.site, c.path, c.group, c.start))
    assert sum(c.rows for c in chunks) == expected["articles"] + expected["no_article"]
    assert max(c.rows for c in chunks) <= 3
    assert len({c.name for c in chunks}) == len(chunks)


# --- a page that crashes the cleaner or runs too long -----------------------------------------


def _rows() -> list[dict]:
    return [raw_row("detakberita", i, b"<html><p>x</p></html>") for i in range(3)]


def test_a_crashing_page_becomes_an_error_row() -> None:
    def clean(raw, site):
        if raw["url"].endswith("judul-1"):
            raise ZeroDivisionError("boom")
        return {"fetch_id": raw["fetch_id"], "site": None}

    arts, errs = clean_rows(_rows(), "detakberita", clean=clean)
    assert [a["fetch_id"] for a in arts] == [_rows()[0]["fetch_id"], _rows()[2]["fetch_id"]]
    assert arts[0]["site"] == "detakberita"
    assert len(errs) == 1 and errs[0]["error"] == "ZeroDivisionError: boom"
    assert errs[0]["kind"] == "clean_error"


@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread-alarm", "thread-watchdog"])
def test_a_slow_page_times_out_and_the_run_goes_on(in_thread: bool) -> None:
    def clean(raw, site):
        if raw["url"].endswith("judul-0"):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # pure Python busy loop: interruptible
                pass
        return {"fetch_id": raw["fetch_id"]}

    result: list = []

    def go() -> None:
        result.append(clean_rows(_rows(), "detakberita", page_seconds=0.3, clean=clean))

    t0 = time.monotonic()
    if in_thread:
        th = threading.Thread(target=go)
        th.start()
        th.join(20)
    else:
        go()
    assert time.monotonic() - t0 < 5
    arts, errs = result[0]
    assert len(arts) == 2 and len(errs) == 1 and errs[0]["kind"] == "timeout"


def test_time_budget_does_not_fire_after_the_block() -> None:
    with time_budget(0.05):
        pass
    time.sleep(0.15)  # a late timer must not raise here
    with pytest.raises(PageTimeout), time_budget(0.05):
        time.sleep(0.01)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass


def test_chunk_names_are_derived_from_the_input() -> None:
    c = Chunk("kabarnusa", "/x/raw/site=kabarnusa/part-run1-ab12-00003.parquet", 2, 256, 10)
    assert c.name == "part-run1-ab12-00003-g0002-r0000256.parquet"


# --- command line and Dask ------------------------------------------------------------------


def test_cli_reclean_and_usage_errors(archive, tmp_path) -> None:
    raw, expected = archive
    out = tmp_path / "cli"
    r = subprocess.run(
        [sys.executable, "-m", "kliping", "reclean", str(raw), "--out", str(out), "--workers", "2"],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{expected['articles']} articles" in r.stdout
    assert read_dataset(out / "articles").num_rows == expected["articles"]
    bad = subprocess.run(
        [sys.executable, "-m", "kliping", "reclean", str(tmp_path / "nope"), "--out", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert bad.returncode == 2 and "RAW_DIR" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_dask_local_cluster_gives_the_same_bytes(archive, first, tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    raw, _ = archive
    out = tmp_path / "dask"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = reclean(raw / "raw", out, dask=cluster.scheduler_address, chunk_rows=5)
    assert summary.pages > 0
    assert _files(out) == _files(first)


def test_reclean_of_a_real_crawl_equals_the_crawl(tmp_path) -> None:
    """The same pure clean(): re-cleaning what a crawl archived gives the crawl's own articles."""
    sample = pytest.importorskip("kliping.testing.sample")
    crawl = tmp_path / "crawl"
    with sample.SampleServer() as server:
        r = subprocess.run(
            [sys.executable, "-m", "kliping", "crawl", "kabarnusa", "--since", "2024-01-05",
             "--until", "2024-01-10", "--out", str(crawl), "--mirror", json.dumps(server.mirror())],
            capture_output=True, text=True, timeout=240,
        )
    assert r.returncode == 0, r.stderr[-2000:]
    reclean(crawl, tmp_path / "re", workers=2)
    by_fetch = {a["fetch_id"]: a for a in read_dataset(crawl / "articles").to_pylist()}
    again = {a["fetch_id"]: a for a in read_dataset(tmp_path / "re" / "articles").to_pylist()}
    assert by_fetch and again == by_fetch
