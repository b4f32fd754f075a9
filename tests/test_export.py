"""``kliping export`` / ``kliping stats``: filters, exact and near dedup, card, plot, loaders.

The articles dataset is written here directly (ARTICLES rows through the storage layer), with
planted duplicates: an exact copy of a story on another site, and a wire story rewritten with a
few words changed on a third site.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from kliping.clean import fingerprint
from kliping.dataset.dedup import clusters, exact_labels, near_labels, near_pairs
from kliping.dataset.export import Filters, export
from kliping.dataset.storage import PartWriter

WORDS = (
    "pemerintah daerah warga kota desa jalan banjir harga beras pasar sekolah guru rumah sakit "
    "kebijakan anggaran dinas pejabat menteri presiden gubernur bupati polisi petani nelayan "
    "pelabuhan bandara kereta listrik air bersih musim hujan kemarau panen pupuk subsidi bantuan"
).split()


def text(seed: int, n: int = 300) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def row(site: str, i: int, body: str, day: date, lang: str = "id") -> dict:
    url = f"https://{site}.example/berita/{i}"
    return {
        "id": fingerprint.stable_id(url), "url": url, "canonical_url": url, "site": site,
        "domain": f"{site}.example", "title": f"Judul {i}", "description": None, "text": body,
        "authors": ["Rina Wulandari"] if i % 2 else [], "editors": [],
        "published_at": datetime(day.year, day.month, day.day, 3, tzinfo=UTC) if i % 3 else None,
        "published_date": day, "published_raw": day.isoformat(), "modified_at": None,
        "date_flags": [], "dateline_place": "Jakarta", "dateline_source": None, "section": "nasional",
        "tags": ["banjir"], "image_url": None, "language": lang, "word_count": len(body.split()),
        "text_hash": fingerprint.text_hash(body), "simhash": fingerprint.simhash(body),
        "fetched_at": datetime(2024, 2, 1, tzinfo=UTC) + timedelta(minutes=i), "run_id": "r1",
        "fetch_id": f"f-{site}-{i}", "cleaner_version": "test",
    }


def rewrite(body: str, changes: int, seed: int) -> str:
    words = body.split()
    rnd = random.Random(seed)
    for _ in range(changes):
        words[rnd.randrange(len(words))] = "diubah"
    return " ".join(words)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("crawl")
    w = PartWriter(out, "articles", run_id="r1", flush_rows=5)
    for s, site in enumerate(("alpha", "beta", "gamma")):
        for i in range(10):
            w.add(row(site, i, text(s * 100 + i), date(2024, 1 + i % 2, 1 + i)))
    wire = text(999)
    w.add(row("alpha", 50, wire, date(2024, 1, 20)))  # the original, first published
    w.add(row("beta", 50, wire + " ", date(2024, 1, 21)))  # exact copy (same normalized text)
    w.add(row("gamma", 50, rewrite(wire, 1, 1), date(2024, 1, 22)))  # rewritten copy
    w.add(row("gamma", 60, text(5000, 20), date(2024, 1, 23), lang="en"))
    w.close()
    return out


def _read(path: Path) -> list[dict]:
    return pq.read_table(path / "data" / "articles.parquet").to_pylist()


def test_near_pairs_match_brute_force() -> None:
    rnd = np.random.default_rng(1)
    h = rnd.integers(0, 2**63, size=300, dtype=np.uint64) * np.uint64(2)
    h[10] = h[3] ^ np.uint64(0b101)  # 2 bits
    h[20] = h[3] ^ np.uint64(0b1011 << 40)  # 3 bits
    h[30] = h[4] ^ np.uint64(0b11111)  # 5 bits: too far
    brute = {
        (i, j) for i in range(len(h)) for j in range(i + 1, len(h))
        if int(h[i] ^ h[j]).bit_count() <= 3
    }
    assert set(near_pairs(h, 3)) == brute
    assert {(3, 10), (3, 20)} <= brute and (10, 20) not in brute and (4, 30) not in brute


def test_clusters_keep_the_earliest_member() -> None:
    labels = near_labels(np.array([7, 7 ^ 1, 0xFFFF0000, 7 ^ 3], dtype=np.uint64), None, 3)
    keep, rep, size = clusters(labels, np.array([3, 0, 1, 2]))
    assert keep.tolist() == [False, True, True, False]
    assert rep.tolist() == [1, 1, 2, 1] and size.tolist() == [3, 3, 1, 3]
    assert exact_labels(["a", None, "a", None]).tolist() == [0, 1, 0, 3]


def test_export_without_dedup_keeps_all(dataset, tmp_path) -> None:
    r = export(dataset, tmp_path / "e")
    assert r.written == 34 and r.removed == 0
    rows = _read(tmp_path / "e")
    assert len(rows) == 34 and "dup_cluster" not in rows[0] and rows[0]["site"]


def test_exact_dedup(dataset, tmp_path) -> None:
    r = export(dataset / "articles", tmp_path / "e", dedup="exact")
    assert r.removed == 1
    rows = {x["fetch_id"]: x for x in _read(tmp_path / "e")}
    assert "f-beta-50" not in rows and "f-gamma-50" in rows
    assert rows["f-alpha-50"]["dup_count"] == 2
    assert rows["f-alpha-50"]["dup_cluster"] == rows["f-alpha-50"]["id"]


def test_near_dedup_keeps_the_earliest_and_records_the_cluster(dataset, tmp_path) -> None:
    r = export(dataset, tmp_path / "e", dedup="near")
    assert r.removed == 2 and r.clusters == 1
    rows = {x["fetch_id"]: x for x in _read(tmp_path / "e")}
    assert "f-beta-50" not in rows and "f-gamma-50" not in rows
    kept = rows["f-alpha-50"]
    assert kept["dup_count"] == 3 and kept["dup_cluster"] == kept["id"]
    assert all(x["dup_count"] == 1 for k, x in rows.items() if k != "f-alpha-50")


def test_filters(dataset, tmp_path) -> None:
    f = Filters(since=date(2024, 1, 5), until=date(2024, 1, 31), sites=["gamma"], languages=["id"],
                min_words=100)
    export(dataset, tmp_path / "e", f)
    rows = _read(tmp_path / "e")
    assert rows and all(x["site"] == "gamma" and x["language"] == "id" for x in rows)
    assert all(date(2024, 1, 5) <= x["published_date"] <= date(2024, 1, 31) for x in rows)
    assert all(x["word_count"] >= 100 for x in rows)


def test_card_and_plot(dataset, tmp_path) -> None:
    export(dataset, tmp_path / "e", dedup="near")
    card = (tmp_path / "e" / "README.md").read_text()
    for must in ("alpha", "beta", "gamma", "2024-01", "2024-02", "Field coverage", "near",
                 "removed 2", "Cleaner version", "`test`", "terms", "2024-01-01", "published_date"):
        assert must in card, must
    png = (tmp_path / "e" / "coverage.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000


@pytest.fixture(scope="module")
def exported(dataset, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt in ("parquet", "jsonl"):
        export(dataset, base / fmt, dedup="near", fmt=fmt)
        out[fmt] = base / fmt
    return out


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_loads_in_pandas(exported, fmt) -> None:
    pd = pytest.importorskip("pandas")
    f = exported[fmt] / "data" / f"articles.{fmt}"
    df = pd.read_parquet(f) if fmt == "parquet" else pd.read_json(f, lines=True)
    assert len(df) == 32 and {"text", "site", "dup_cluster", "simhash"} <= set(df.columns)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_loads_in_polars(exported, fmt) -> None:
    pl = pytest.importorskip("polars")
    f = exported[fmt] / "data" / f"articles.{fmt}"
    df = pl.read_parquet(f) if fmt == "parquet" else pl.read_ndjson(f)
    assert df.height == 32 and "published_date" in df.columns


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_loads_in_duckdb(exported, fmt) -> None:
    duckdb = pytest.importorskip("duckdb")
    f = exported[fmt] / "data" / f"articles.{fmt}"
    src = f"'{f}'" if fmt == "parquet" else f"read_json_auto('{f}')"
    n, sites = duckdb.sql(f"SELECT count(*), count(DISTINCT site) FROM {src}").fetchall()[0]
    assert (n, sites) == (32, 3)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_loads_in_hf_datasets(exported, fmt, tmp_path, monkeypatch) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    f = exported[fmt] / "data" / f"articles.{fmt}"
    d = datasets.load_dataset("parquet" if fmt == "parquet" else "json", data_files=str(f),
                              split="train", cache_dir=str(tmp_path / "hf"))
    assert d.num_rows == 32 and "text" in d.column_names
    # The card's YAML header makes the export directory itself loadable.
    d2 = datasets.load_dataset(str(exported[fmt]), split="train", cache_dir=str(tmp_path / "hf2"))
    assert d2.num_rows == 32


def test_jsonl_values(exported) -> None:
    line = json.loads((exported["jsonl"] / "data" / "articles.jsonl").read_text().splitlines()[0])
    assert len(line["published_date"]) == 10 and len(line["simhash"]) == 16
    assert line["fetched_at"].endswith("+00:00")


def _kliping(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kliping", *args], capture_output=True, text=True,
                          timeout=120)


def test_cli_export_and_stats(dataset, tmp_path) -> None:
    r = _kliping("export", str(dataset), "--out", str(tmp_path / "e"), "--dedup", "exact",
                 "--format", "jsonl", "--site", "alpha", "--site", "beta")
    assert r.returncode == 0, r.stderr
    assert "exported 21 articles (22 selected, 1 duplicates removed)" in r.stdout
    s = _kliping("stats", str(dataset / "articles"))
    assert s.returncode == 0, s.stderr
    for must in ("alpha", "gamma", "2024-02", "34", "Field coverage", "test"):
        assert must in s.stdout, must
    bad = _kliping("export", str(tmp_path / "missing"), "--out", str(tmp_path / "x"))
    assert bad.returncode == 2 and "DATASET" in bad.stderr
    bad = _kliping("stats", str(dataset), "--since", "2024-13-01")
    assert bad.returncode == 2 and "--since" in bad.stderr
