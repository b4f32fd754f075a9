"""kliping.warc.parts: ingest's writers make a whole flush durable at once, with the guarantees
of ``storage.write_part`` (names, no temp files left, a write error naming the part)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kliping.dataset.storage import WriteError, read_dataset
from kliping.warc.parts import IngestWriters


def _raw(i: int, site: str) -> dict:
    return {"fetch_id": f"f{i}", "url": f"https://{site}.example/{i}", "final_url": None, "site": site,
            "status": 200, "headers": {"content-type": "text/html"}, "body": b"<html></html>",
            "fetched_at": datetime(2024, 1, 1, tzinfo=UTC), "run_id": "r1", "discovered_via": "warc",
            "request_method": "GET", "request_headers": {"user-agent": "x"}}


def _article(i: int, site: str) -> dict:
    return {"id": f"a{i}", "url": f"https://{site}.example/{i}", "site": site, "fetch_id": f"f{i}",
            "run_id": "r1"}


def test_one_flush_writes_every_site_part_like_the_crawl_writers(tmp_path: Path) -> None:
    w = IngestWriters(str(tmp_path), "r1", flush_rows=10**9, flush_seconds=10**9)
    for i in range(30):
        site = f"s{i % 7}"
        w.add_raw(_raw(i, site))
        w.articles.add(_article(i, site))
    w.flush()
    assert len(w.raw.parts) == len(w.articles.parts) == 7 and not w.errors.parts
    # a raw part and its article part share a name, as the crawl's writers name them
    assert [p.name for p in w.raw.parts] == [p.name for p in w.articles.parts]
    assert all(p.exists() and p.parent.parent.name in ("raw", "articles")
               for p in w.raw.parts + w.articles.parts)
    assert not list(tmp_path.rglob("*.tmp"))
    raw = read_dataset(tmp_path / "raw", "raw").to_pylist()
    assert sorted(r["fetch_id"] for r in raw) == sorted(f"f{i}" for i in range(30))
    assert all(dict(r["request_headers"]) == {"user-agent": "x"} for r in raw)
    assert pq.read_metadata(w.raw.parts[0]).num_rows > 0
    w.flush()  # nothing buffered: no part
    assert len(w.raw.parts) == 7


def test_a_write_error_names_the_part_and_leaves_no_temp_file(tmp_path: Path) -> None:
    w = IngestWriters(str(tmp_path), "r1", flush_rows=10**9, flush_seconds=10**9)
    w.add_raw(_raw(1, "ok"))
    w.articles.add(_article(1, "ok"))
    (tmp_path / "articles").write_text("not a directory")  # the article part cannot be written
    with pytest.raises(WriteError, match=r"articles/site=ok/part-r1-\w+-00001\.parquet"):
        w.flush()
    with pytest.raises(WriteError):  # nothing more is written
        w.flush()
    assert not list(tmp_path.rglob("*.tmp"))
    assert not list((tmp_path / "raw").rglob("*.parquet"))  # no raw part without its article part
