"""Parquet parts: hive layout, zstd, atomic writes, readers ignore temp files."""

from datetime import UTC, datetime

import pyarrow.parquet as pq

from kliping.crawler.seen import SeenSet, url_key
from kliping.dataset.storage import PartWriter, read_dataset, remove_temp_files


def _raw(i: int, site: str = "a", status: int = 200) -> dict:
    return {
        "fetch_id": f"f{i}", "url": f"https://x.example/{i}", "site": site, "status": status,
        "headers": {"content-type": "text/html"}, "body": b"<html>%d</html>" % i,
        "fetched_at": datetime(2024, 1, 8, tzinfo=UTC), "run_id": "r1", "discovered_via": "feed",
    }


def test_parts_are_hive_partitioned_zstd(tmp_path) -> None:
    w = PartWriter(tmp_path, "raw", run_id="r1", flush_rows=3)
    for i in range(7):
        w.add(_raw(i, site="a" if i % 2 else "b"))
    w.close()
    files = sorted((tmp_path / "raw").rglob("*.parquet"))
    assert files and all(f.parent.name in ("site=a", "site=b") for f in files)
    meta = pq.ParquetFile(files[0]).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    assert "site" not in pq.read_schema(files[0]).names  # lives in the directory name
    table = read_dataset(tmp_path / "raw")
    assert table.num_rows == 7
    assert sorted(table.column("site").to_pylist()) == ["a"] * 3 + ["b"] * 4
    assert table.schema.field("status").type == "int16"
    # bodies are stored plain (a dictionary of distinct pages only slows reading them back);
    # repetitive columns, nested ones included, keep theirs
    group = meta.row_group(0)
    encodings = {group.column(i).path_in_schema: group.column(i).encodings for i in range(group.num_columns)}
    assert "RLE_DICTIONARY" not in encodings["body"]
    assert "RLE_DICTIONARY" in encodings["url"] and "RLE_DICTIONARY" in encodings["headers.key_value.key"]


def test_temp_files_are_invisible_and_cleaned(tmp_path) -> None:
    w = PartWriter(tmp_path, "raw", run_id="r1")
    w.add(_raw(1))
    w.close()
    part_dir = tmp_path / "raw" / "site=a"
    # a crash mid-write leaves at most a hidden temp file, which readers skip
    (part_dir / ".part-x.parquet.deadbeef.tmp").write_bytes(b"PAR1 truncated")
    assert read_dataset(tmp_path / "raw").num_rows == 1
    assert [p.name for p in part_dir.iterdir() if p.name.endswith(".tmp")] == [
        ".part-x.parquet.deadbeef.tmp"
    ]  # the writer's own temp file is gone; only the planted one is left
    assert remove_temp_files(tmp_path) == 1
    assert not [p for p in part_dir.iterdir() if p.name.endswith(".tmp")]


def test_known_urls_only_successes(tmp_path) -> None:
    w = PartWriter(tmp_path, "raw", run_id="r1")
    w.add(_raw(1))
    w.add(_raw(2, status=404))
    w.add(_raw(3, site="b"))
    w.close()
    every = SeenSet.from_archive(tmp_path)
    assert len(every) == 2
    assert "https://x.example/1" in every and "https://x.example/3" in every
    assert "https://x.example/2" not in every  # a 404 is not known: it is fetched again
    only_b = SeenSet.from_archive(tmp_path, ["b"])
    assert len(only_b) == 1 and "https://x.example/3" in only_b
    assert len(SeenSet.from_archive(tmp_path / "nothing")) == 0


def test_seen_set_reads_url_keys_and_hashes_older_parts(tmp_path) -> None:
    old = PartWriter(tmp_path, "raw", run_id="r0")  # a part from before the url_key column
    old.add(_raw(1))
    old.close()
    new = PartWriter(tmp_path, "raw", run_id="r1")
    for i in (2, 3):
        new.add({**_raw(i), "url_key": url_key(f"https://x.example/{i}")})
    # the key column is what is read: a row keyed as another URL counts as that URL
    new.add({**_raw(4), "url_key": url_key("https://x.example/keyed-elsewhere")})
    new.add({**_raw(5, status=500), "url_key": url_key("https://x.example/5")})
    new.close()
    seen = SeenSet.from_archive(tmp_path)
    assert len(seen) == 4
    for url in ("https://x.example/1", "https://x.example/2", "https://x.example/3",
                "https://x.example/keyed-elsewhere"):
        assert url in seen
    assert "https://x.example/4" not in seen and "https://x.example/5" not in seen
    assert "https://x.example/3#komentar" in seen  # the fragment is not part of the key
    seen.add("https://x.example/6")
    assert "https://x.example/6" in seen and len(seen) == 5


def test_empty_dataset_reads_as_empty_table(tmp_path) -> None:
    t = read_dataset(tmp_path / "articles", "articles")
    assert t.num_rows == 0 and "text" in t.schema.names


def test_write_error_survives_pickling() -> None:
    """Reclean's workers raise it across a process pool: unpickling must give the same error back
    (a failed unpickle breaks the pool, and the write error turned into 'worker_crashed' rows)."""
    import errno
    import pickle
    from pathlib import Path

    from kliping.dataset.storage import WriteError

    err = WriteError(Path("/out/articles/site=a/part-1.parquet"), OSError(errno.ENOSPC, "No space left"))
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, WriteError) and back.errno == errno.ENOSPC
    assert str(back) == str(err) == "cannot write /out/articles/site=a/part-1.parquet: No space left"


def test_a_killed_run_that_named_no_sites_is_repaired_for_every_site() -> None:
    """An ingest without --site writes its `running` row before it knows its sites; killed, its raw
    rows may be in any partition, so repair must look at every site for it (a SIGKILL between the
    raw and the article flush left raw rows uncleaned for good, ~1 in 6 runs)."""
    from kliping.crawler.repair import runs_to_repair

    ledger = [
        {"run_id": "r1", "sites": ["a"], "status": "finished"},
        {"run_id": "r2", "sites": [], "status": "killed"},
        {"run_id": "r3", "sites": ["b"], "status": "killed"},
        {"run_id": "r4", "sites": ["b"], "status": "finished"},
    ]
    assert runs_to_repair(ledger, ["a", "b", "c"]) == {"a": ["r2"], "c": ["r2"]}
