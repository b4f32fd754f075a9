"""Datasets that check themselves: broken parts, atomic reclean, ``kliping verify [--repair]``.

One real crawl output per module (``kliping demo``: the three sample sites crawled over HTTP on
127.0.0.1), copied for each test and then damaged the ways files get damaged: cut short by a full
disk or an interrupted copy, overwritten with other bytes, emptied, written by another tool with
another schema, or corrupted inside while the footer survives.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kliping.crawler.ledger import write_ledger_row
from kliping.crawler.runlock import RunLock
from kliping.dataset.reclean import STAGE_PREFIX, commit, recover
from kliping.dataset.storage import PartWriter, read_dataset
from tests.conftest import kliping, one_line

STARTED = datetime(2024, 1, 10, 3, tzinfo=UTC)
DEMO_ARTICLES = 47  # the sample sites' articles in the demo window (kliping demo)




@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    r = kliping("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    assert read_dataset(out / "articles").num_rows == DEMO_ARTICLES
    return out


@pytest.fixture
def out(demo, tmp_path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(demo, copy)
    return copy


def parts(out: Path, dataset: str) -> list[Path]:
    return sorted((out / dataset).rglob("*.parquet"))


def rows_of(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


# --- ways to damage a part ---------------------------------------------------------------------


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(path.stat().st_size))


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def wrong_schema(path: Path) -> None:
    """A part another tool wrote: same row count, none of the required columns."""
    n = rows_of(path)
    pq.write_table(pa.table({"judul": [f"x{i}" for i in range(n)], "nomor": list(range(n))}), path)


def wrong_type(path: Path) -> None:
    """Every column there, but one required string column holds integers."""
    t = pq.read_table(path)
    i = t.schema.get_field_index("fetch_id")
    pq.write_table(t.set_column(i, "fetch_id", pa.array(range(t.num_rows), pa.int64())), path)


def corrupt_pages(path: Path, column: str) -> None:
    """Overwrite the inside of one column's data pages: the footer (and schema) still read."""
    meta = pq.ParquetFile(path).metadata
    rg = meta.row_group(0)
    col = next(rg.column(i) for i in range(rg.num_columns) if rg.column(i).path_in_schema == column)
    data = bytearray(path.read_bytes())
    start = col.data_page_offset + 32
    size = min(2000, col.total_compressed_size - 64)
    data[start : start + size] = random.Random(3).randbytes(size)
    path.write_bytes(bytes(data))


DAMAGES = {"truncated": truncate, "random-bytes": random_bytes, "zero-length": zero_length,
           "wrong-schema": wrong_schema, "wrong-type": wrong_type}


# --- stats, export, reclean: exit 2 naming the file, or --skip-bad --------------------------------


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_bad_part_stops_stats_export_reclean_with_one_line_naming_it(out, tmp_path, damage) -> None:
    art = parts(out, "articles")[1]
    raw = parts(out, "raw")[1]
    DAMAGES[damage](art)
    DAMAGES[damage](raw)
    for args in (("stats", str(out)), ("export", str(out), "--out", str(tmp_path / "x"))):
        r = kliping(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert art.name in one_line(r)
    assert not (tmp_path / "x" / "README.md").exists()  # no card for an export that did not happen
    re = tmp_path / "re"
    r = kliping("reclean", str(out), "--out", str(re), "--workers", "1", "--no-progress")
    assert r.returncode == 2 and raw.name in one_line(r)
    assert not (re / "articles").exists()


@pytest.mark.parametrize("damage", ["truncated", "wrong-schema"])
def test_skip_bad_goes_on_and_names_what_it_left_out(out, tmp_path, damage) -> None:
    art = parts(out, "articles")[0]
    lost = rows_of(art)
    raw = parts(out, "raw")[0]
    lost_raw = rows_of(raw)
    DAMAGES[damage](art)
    DAMAGES[damage](raw)

    r = kliping("stats", str(out), "--skip-bad")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"{DEMO_ARTICLES - lost} articles")
    assert f"skipped bad part {art}" in r.stderr and "skipped 1 bad part(s)" in r.stderr

    r = kliping("export", str(out), "--out", str(tmp_path / "x"), "--skip-bad")
    assert r.returncode == 0, r.stderr
    assert pq.read_table(tmp_path / "x" / "data" / "articles.parquet").num_rows == DEMO_ARTICLES - lost
    assert art.name in r.stderr and art.name in (tmp_path / "x" / "README.md").read_text()

    r = kliping("reclean", str(out), "--out", str(tmp_path / "re"), "--workers", "1", "--skip-bad",
                "--no-progress")
    assert r.returncode == 0, r.stderr
    assert raw.name in r.stderr and "skipped 1 bad part(s)" in r.stderr
    assert read_dataset(tmp_path / "re" / "articles").num_rows == DEMO_ARTICLES - lost_raw


def test_an_extra_wrong_schema_part_is_not_counted(out) -> None:
    """The issue's case: a foreign part with 3 rows made `stats` report 50 articles, not 47."""
    extra = out / "articles" / "site=kabarnusa" / "part-foreign.parquet"
    pq.write_table(pa.table({"title": ["a", "b", "c"], "word_count": [1, 2, 3]}), extra)
    r = kliping("stats", str(out))
    assert r.returncode == 2 and "part-foreign.parquet" in one_line(r)
    assert "missing required column" in r.stderr
    r = kliping("stats", str(out), "--skip-bad")
    assert r.returncode == 0 and r.stdout.startswith(f"{DEMO_ARTICLES} articles")


def test_corrupt_pages_behind_a_good_footer_are_found_and_named(out, tmp_path) -> None:
    art = parts(out, "articles")[2]
    corrupt_pages(art, "text")
    r = kliping("stats", str(out))
    assert r.returncode == 2 and art.name in one_line(r)
    r = kliping("export", str(out), "--out", str(tmp_path / "x"))
    assert r.returncode == 2 and art.name in one_line(r)
    assert not list((tmp_path / "x").rglob("*articles*"))  # no temp file, no data file left
    r = kliping("stats", str(out), "--skip-bad")
    assert r.returncode == 0 and r.stdout.startswith(f"{DEMO_ARTICLES - rows_of(art)} articles")


# --- reclean is atomic ---------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and p.name != ".kliping.lock"}


def test_reclean_that_fails_mid_way_leaves_the_previous_output(out, tmp_path) -> None:
    re = tmp_path / "re"
    r = kliping("reclean", str(out), "--out", str(re), "--workers", "1", "--no-progress")
    assert r.returncode == 0, r.stderr
    before = snapshot(re)
    assert read_dataset(re / "articles").num_rows == DEMO_ARTICLES
    # The last raw part in processing order reads its footer fine, but its bodies do not
    # decompress: the run has cleaned (and staged) the other parts when it finds out.
    raw = parts(out, "raw")[-1]
    corrupt_pages(raw, "body")
    r = kliping("reclean", str(out), "--out", str(re), "--workers", "1", "--no-progress")
    assert r.returncode == 2 and raw.name in one_line(r) and "unchanged" in r.stderr
    assert snapshot(re) == before
    assert not list(re.glob(f"{STAGE_PREFIX}*"))


def test_reclean_into_a_new_directory_that_fails_leaves_nothing(out, tmp_path) -> None:
    corrupt_pages(parts(out, "raw")[-1], "body")
    re = tmp_path / "fresh"
    r = kliping("reclean", str(out), "--out", str(re), "--workers", "2", "--no-progress")
    assert r.returncode == 2
    assert not list(re.rglob("*.parquet")) and not list(re.glob(f"{STAGE_PREFIX}*"))


def test_reclean_into_an_unwritable_out_is_refused(out, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    r = kliping("reclean", str(out), "--out", str(blocker / "re"), "--no-progress")
    assert r.returncode == 2 and "--out" in one_line(r)


def test_a_swap_killed_half_way_is_finished_by_the_next_run(tmp_path) -> None:
    out = tmp_path / "re"
    (out / "articles" / "site=a").mkdir(parents=True)
    (out / "articles" / "site=a" / "part-old.parquet").write_bytes(b"old")
    (out / "errors").mkdir()
    stage = out / f"{STAGE_PREFIX}killed"
    (stage / "articles" / "site=a").mkdir(parents=True)
    (stage / "articles" / "site=a" / "part-new.parquet").write_bytes(b"new")
    # Committed, and killed after moving the old articles aside but before moving the new ones in.
    (stage / "COMMITTED").write_text("")
    (out / "articles").rename(stage / "old-articles")
    assert recover(out) == 1
    assert [p.name for p in (out / "articles").rglob("*.parquet")] == ["part-new.parquet"]
    assert (out / "errors").is_dir() and not list(out.glob(f"{STAGE_PREFIX}*"))
    # A stage that never committed is dropped, the output left alone.
    (out / f"{STAGE_PREFIX}partial" / "articles").mkdir(parents=True)
    assert recover(out) == 1
    assert [p.name for p in (out / "articles").rglob("*.parquet")] == ["part-new.parquet"]
    assert not list(out.glob(f"{STAGE_PREFIX}*"))


def test_commit_replaces_outputs_that_have_no_rows_any_more(tmp_path) -> None:
    out = tmp_path / "re"
    (out / "errors" / "site=a").mkdir(parents=True)
    (out / "errors" / "site=a" / "part-1.parquet").write_bytes(b"x")
    stage = out / f"{STAGE_PREFIX}t"
    (stage / "articles").mkdir(parents=True)
    commit(stage, out)
    assert not list((out / "errors").rglob("*")) and not stage.exists()


# --- kliping verify ------------------------------------------------------------------------------


def test_verify_a_sound_output(demo) -> None:
    r = kliping("verify", str(demo))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok: no problems found" in r.stdout
    assert f"{DEMO_ARTICLES} rows" in r.stdout.replace(",", "")


def test_verify_reports_every_kind_of_problem(out) -> None:
    truncated = parts(out, "articles")[0]
    gaps = rows_of(truncated)
    truncate(truncated)
    foreign = parts(out, "raw")[1]  # another site's raw part: its articles lose their raw rows
    orphans = rows_of(foreign)
    wrong_schema(foreign)
    dup = parts(out, "raw")[2]
    shutil.copy(dup, dup.with_name("part-copied.parquet"))  # every fetch_id of it twice
    write_ledger_row(out, {"run_id": "r-dead", "sites": ["kabarnusa"], "status": "running",
                           "started_at": STARTED})
    r = kliping("verify", str(out))
    assert r.returncode == 1, r.stdout + r.stderr
    text = r.stdout
    assert f"bad part articles/{truncated.relative_to(out / 'articles')}: unreadable" in text
    assert f"bad part raw/{foreign.relative_to(out / 'raw')}: wrong schema: missing required" in text
    assert f"coverage: {gaps} raw row(s) have neither an article nor an error row" in text
    assert f"coverage: {orphans} article/error row(s) point to no raw row" in text
    assert f"duplicate: {rows_of(dup)} fetch_id(s) more than once in raw/" in text
    assert "ledger: run r-dead is still 'running' but no live run holds the lock" in text
    assert "--repair" in text


def test_verify_repair_quarantines_cleans_and_closes(out) -> None:
    art = parts(out, "articles")[0]
    lost = rows_of(art)
    random_bytes(art)
    bad_bytes = art.read_bytes()
    rel = art.relative_to(out)
    write_ledger_row(out, {"run_id": "r-dead", "sites": ["kabarnusa"], "status": "running",
                           "started_at": STARTED})
    r = kliping("verify", str(out), "--repair")
    assert r.returncode == 0, r.stdout + r.stderr
    moved = out / "quarantine" / rel
    assert moved.read_bytes() == bad_bytes and not art.exists()  # moved aside, not deleted
    assert f"quarantined {art} -> {moved}" in r.stdout
    assert f"cleaned {lost} raw row(s)" in r.stdout and f"{lost} article(s)" in r.stdout
    assert "closed run r-dead" in r.stdout and r.stdout.rstrip().endswith("ok: no problems found")
    assert read_dataset(out / "articles").num_rows == DEMO_ARTICLES
    runs = [json.loads(line) for line in kliping("runs", str(out), "--json").stdout.splitlines()]
    assert {x["run_id"]: x["status"] for x in runs}["r-dead"] == "killed"
    assert kliping("verify", str(out)).returncode == 0
    assert kliping("stats", str(out)).returncode == 0


def test_verify_repair_refuses_an_output_in_use(out) -> None:
    with RunLock(out, "r-live"):
        write_ledger_row(out, {"run_id": "r-live", "sites": ["kabarnusa"], "status": "running",
                               "started_at": STARTED})
        r = kliping("verify", str(out), "--repair")
        assert r.returncode == 2 and "in use" in one_line(r)
        url = "https://kabarnusa.example/berita/live"
        w = PartWriter(out, "raw", run_id="r-live")  # flushed, its article not yet
        w.add({"fetch_id": "f-live", "url": url, "site": "kabarnusa", "status": 200, "run_id": "r-live"})
        w.close()
        r = kliping("verify", str(out))  # the live run's `running` row and raw row: no problem
        assert r.returncode == 0, r.stdout
        assert "run r-live is live: its 1 raw row(s) not yet cleaned" in r.stdout
    r = kliping("verify", str(out))  # the run is gone: now they are problems
    assert r.returncode == 1 and "coverage: 1 raw row(s)" in r.stdout and "run r-live" in r.stdout


@pytest.mark.parametrize(("where", "message"), [("nope", "no such directory"),
                                                ("file", "not a directory"),
                                                ("empty", "no raw/")])
def test_verify_bad_usage(tmp_path, where, message) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "empty").mkdir()
    r = kliping("verify", str(tmp_path / where))
    assert r.returncode == 2 and message in one_line(r)


def test_a_bad_part_of_another_site_does_not_stop_a_site_selection(out) -> None:
    art = parts(out, "articles")[0]
    bad_site = art.parent.name.split("=", 1)[1]
    other = next(p.parent.name.split("=", 1)[1] for p in parts(out, "articles") if p.parent != art.parent)
    truncate(art)
    assert kliping("stats", str(out), "--site", other).returncode == 0
    r = kliping("stats", str(out), "--site", bad_site)
    assert r.returncode == 2 and art.name in one_line(r)


def test_reclean_skip_bad_keeps_what_an_earlier_run_made_of_the_bad_part(out, tmp_path) -> None:
    re = tmp_path / "re"
    args = ("reclean", str(out), "--out", str(re), "--workers", "1", "--no-progress")
    assert kliping(*args).returncode == 0
    before = snapshot(re)
    raw = parts(out, "raw")[0]
    truncate(raw)
    r = kliping(*args, "--skip-bad")
    assert r.returncode == 0 and raw.name in r.stderr
    assert snapshot(re) == before  # the other parts' output redone identically, the bad one's kept
    random_bytes(parts(out, "raw")[1])
    random_bytes(parts(out, "raw")[2])
    r = kliping(*args, "--skip-bad")  # nothing readable left: refused, the output kept
    assert r.returncode == 2 and snapshot(re) == before


@pytest.fixture
def small_fs(tmp_path):
    """A 600 KB tmpfs (root only; skipped where mounting is not allowed)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mnt)],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_reclean_on_a_full_disk_fails_cleanly_and_keeps_the_output(out, small_fs) -> None:
    re = small_fs / "re"
    args = ("reclean", str(out), "--out", str(re), "--workers", "1", "--no-progress")
    r = kliping(*args)
    assert r.returncode == 0, r.stderr
    before = snapshot(re)
    filler = small_fs / "filler"
    st = os.statvfs(small_fs)
    free = st.f_bavail * st.f_frsize
    filler.write_bytes(b"\0" * (free - 16 * 1024))  # leave 16 KB: less than one run needs
    r = kliping(*args)
    assert r.returncode == 1 and "unchanged" in one_line(r) and str(re) in r.stderr
    assert snapshot(re) == before
    assert not list(re.glob(f"{STAGE_PREFIX}*"))
    filler.unlink()
    assert kliping(*args).returncode == 0 and snapshot(re) == before  # space back: same output


def test_export_on_a_full_disk_fails_cleanly(out, small_fs) -> None:
    filler = small_fs / "filler"
    filler.write_bytes(b"\0" * (590 * 1024))
    r = kliping("export", str(out), "--out", str(small_fs / "x"))
    assert r.returncode == 1 and "writing" in one_line(r)
    assert not list((small_fs / "x").rglob("*articles*"))


def test_a_value_that_does_not_fit_the_schema_is_named(out) -> None:
    """int64 where the schema says int32 reads until a value does not fit: found mid-scan."""
    art = parts(out, "articles")[1]
    t = pq.read_table(art)
    i = t.schema.get_field_index("word_count")
    pq.write_table(t.set_column(i, "word_count", pa.array([2**40] * t.num_rows, pa.int64())), art)
    r = kliping("stats", str(out))
    assert r.returncode == 2 and art.name in one_line(r) and "column word_count" in r.stderr
