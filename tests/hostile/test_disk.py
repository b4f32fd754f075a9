"""Write errors: a full, read-only or locked output stops the run cleanly and loses nothing.

Real `kliping crawl` / `kliping demo` processes crawl the bundled sample sites (served on
127.0.0.1) into small tmpfs filesystems mounted for the test, so the kernel itself says ENOSPC or
EROFS. Mounting needs root: the tests are skipped, with the reason, elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from w3lib.url import url_query_cleaner

from kliping.crawler.ledger import ledger_row, read_ledger, write_ledger_row
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer, catalog
from tests.conftest import FAST, kliping, lock_held

SITES = ["detakberita", "kabarnusa", "suarawarga"]
WINDOW = ["--since", "2024-01-05", "--until", "2024-01-10"]
# small parts: many writes, so the disk fills in the middle of the crawl, not at its end
SMALL_PARTS = ["-s", "KLIPING_FLUSH_ROWS=2"]


def listed(url: str) -> str:
    return url_query_cleaner(url, ["single", "page"], remove=True)


def mount_tmpfs(where: Path, *options: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")


def remount(where: Path, *options: str) -> None:
    subprocess.run(["mount", "-o", ",".join(("remount", *options)), str(where)], check=True)


@pytest.fixture
def mounts():
    """Mount points to unmount at the end, innermost first."""
    points: list[Path] = []
    yield points
    for point in reversed(points):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def crawl(out: Path, server: SampleServer, *extra: str) -> subprocess.CompletedProcess:
    return kliping("crawl", *SITES, *extra, "--out", str(out), "--mirror",
                   json.dumps(server.mirror()), *FAST, *SMALL_PARTS)


def one_error_line(proc: subprocess.CompletedProcess, command: str = "crawl") -> str:
    """The stderr of a refused or failed run: log warnings maybe, one error line, no traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert " ERROR: " not in proc.stderr, proc.stderr[-3000:]
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith(f"kliping {command}: error:")]
    assert len(lines) == 1, proc.stderr[-3000:]
    assert proc.stderr.rstrip("\n").splitlines()[-1] == lines[0]
    return lines[0]


def assert_exactly_once(out: Path) -> None:
    """Every raw row has exactly one article or error row; every sample article is there once."""
    raw = read_dataset(out / "raw").to_pylist()
    done = Counter(read_dataset(out / "articles").column("fetch_id").to_pylist()
                   + read_dataset(out / "errors").column("fetch_id").to_pylist())
    fetch_ids = [r["fetch_id"] for r in raw]
    assert len(fetch_ids) == len(set(fetch_ids))
    assert all(done[f] == 1 for f in fetch_ids), [f for f in fetch_ids if done[f] != 1]
    assert set(done) == set(fetch_ids), "an article or error row without its raw row"
    urls = Counter(listed(r["url"]) for r in raw)
    assert max(urls.values()) == 1, "a page archived twice"
    articles = Counter(listed(u) for u in read_dataset(out / "articles").column("url").to_pylist())
    assert set(articles) == {a.url for a in catalog()}
    assert max(articles.values()) == 1


def readable_parts(root: Path) -> int:
    parts = list(root.rglob("*.parquet"))
    for part in parts:
        pq.read_table(part)  # raises on a truncated or otherwise broken file
    assert not list(root.rglob("*.tmp")), "a temp file left behind"
    return len(parts)


@pytest.mark.parametrize("rerun", ["--resume", "plain"])
def test_full_disk_stops_the_run_and_a_rerun_loses_nothing(tmp_path, mounts, rerun) -> None:
    fs = tmp_path / "fs"
    mount_tmpfs(fs, "size=1m")
    mounts.append(fs)
    # leave ~150 KB: the sample crawl (~300 KB in small parts) fills it midway
    st = os.statvfs(fs)
    (fs / "filler").write_bytes(b"\0" * (st.f_bavail * st.f_frsize - 150 * 1024))
    out = fs / "out"
    with SampleServer() as server:
        failed = crawl(out, server, *WINDOW)
        assert failed.returncode == 1, failed.stderr[-3000:]
        line = one_error_line(failed)
        assert line.startswith(f"kliping crawl: error: cannot write {out}/"), line
        assert ".parquet: No space left on device" in line, line
        assert readable_parts(out) > 0
        assert read_ledger(out)[-1]["status"] in ("failed", "killed")  # killed: no room to say

        (fs / "filler").unlink()  # room again
        remount(fs, "size=8m")
        again = crawl(out, server, *(["--resume"] if rerun == "--resume" else WINDOW))
        assert again.returncode == 0, again.stderr[-3000:]
        assert_exactly_once(out)
        before = read_dataset(out / "raw").num_rows
        third = crawl(out, server, *WINDOW)  # and once more: nothing new, nothing twice
    assert third.returncode == 0, third.stderr[-3000:]
    assert read_dataset(out / "raw").num_rows == before
    assert_exactly_once(out)
    readable_parts(out)


def test_failed_article_write_is_repaired_from_the_raw_archive(tmp_path, mounts) -> None:
    """The raw part is written and its article part is not: the worst case for "nothing lost"
    (the pages are known, so no run fetches them again). The next run cleans them from the
    archive."""
    out = tmp_path / "out"
    articles = out / "articles"
    mount_tmpfs(articles, "size=4k")  # one page, taken by a filler: every article part fails
    mounts.append(articles)
    (articles / "filler").write_bytes(b"\0" * 4096)
    with SampleServer() as server:
        failed = crawl(out, server, *WINDOW)
        assert failed.returncode == 1, failed.stderr[-3000:]
        line = one_error_line(failed)
        assert f"cannot write {articles}/site=" in line and "No space left on device" in line, line
        raw = read_dataset(out / "raw")
        assert raw.num_rows > 0
        assert read_ledger(out)[-1]["status"] == "failed"  # the ledger's disk had room
        hits = Counter(server.hits)

        still_full = crawl(out, server, *WINDOW)  # the repair itself cannot write: stop again
        assert still_full.returncode == 1, still_full.stderr[-3000:]
        assert f"cannot write {articles}/site=" in one_error_line(still_full)
        assert Counter(server.hits) == hits, "nothing is fetched when the repair cannot write"
        assert read_ledger(out)[-1]["status"] == "failed"

        subprocess.run(["umount", str(articles)], check=True)
        mounts.remove(articles)
        again = crawl(out, server, *WINDOW)
        refetched = Counter(server.hits) - hits
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"repaired {raw.num_rows} raw rows" in again.stdout
    archived = {listed(u) for u in raw.column("url").to_pylist()}
    assert not [u for u in refetched if listed(u) in archived], "archived pages fetched again"
    assert_exactly_once(out)


def test_read_only_output_is_refused_in_one_line(tmp_path, mounts) -> None:
    fs = tmp_path / "ro"
    mount_tmpfs(fs, "size=1m")
    mounts.append(fs)
    remount(fs, "ro")
    with SampleServer() as server:
        proc = crawl(fs / "out", server, *WINDOW)
    # nothing ran: an output that cannot be written is bad input, like a locked one (exit 2)
    assert proc.returncode == 2, proc.stderr[-3000:]
    line = one_error_line(proc)
    assert line == (f"kliping crawl: error: --out {fs / 'out'}: cannot write "
                    f"{fs / 'out' / '.kliping.lock'}: Read-only file system"), line


def test_output_turned_read_only_stops_the_run(tmp_path, mounts) -> None:
    """A disk remounted read-only under a run (the kernel does so on I/O errors): exit 1."""
    out = tmp_path / "out"
    raw = out / "raw"
    mount_tmpfs(raw, "size=1m", "ro")  # the lock and the ledger can be written, raw parts cannot
    mounts.append(raw)
    with SampleServer() as server:
        proc = crawl(out, server, *WINDOW)
    assert proc.returncode == 1, proc.stderr[-3000:]
    line = one_error_line(proc)
    assert f"cannot write {raw}/site=" in line and "Read-only file system" in line, line
    assert read_ledger(out)[-1]["status"] == "failed"
    assert read_dataset(out / "articles").num_rows == 0  # never an article without its raw row


def test_demo_into_a_locked_output_is_refused_in_one_line(tmp_path) -> None:
    out = tmp_path / "demo"
    out.mkdir()
    with lock_held(out):
        proc = kliping("demo", "--out", str(out))
    assert proc.returncode == 2, proc.stderr[-3000:]
    line = one_error_line(proc, "demo")
    assert "in use by another kliping run" in line and "run-A" in line
    assert proc.stderr.count("\n") == 1


def test_scrapy_crawl_write_error_is_one_log_line_and_repaired(tmp_path, mounts) -> None:
    """``scrapy crawl`` (and Scrapyd, which runs it) get the same stop, ledger and repair."""
    site = "suarawarga"
    out = tmp_path / "out"
    articles = out / "articles"
    mount_tmpfs(articles, "size=4k")
    mounts.append(articles)
    (articles / "filler").write_bytes(b"\0" * 4096)

    def scrapy_crawl(server: SampleServer) -> subprocess.CompletedProcess:
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(out),
                   KLIPING_LOG_LEVEL="WARNING")
        return subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", site, "-a", "since=2024-01-05", "-a",
             "until=2024-01-10", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
             *SMALL_PARTS], capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path)

    with SampleServer() as server:
        failed = scrapy_crawl(server)
        assert "Traceback" not in failed.stderr, failed.stderr[-3000:]
        errors = [ln for ln in failed.stderr.splitlines() if " ERROR: " in ln]
        assert len(errors) == 1, failed.stderr[-3000:]
        assert f"cannot write {articles}/site={site}/part-" in errors[0]
        assert errors[0].endswith(".parquet: No space left on device: stopping the crawl")
        assert read_ledger(out)[-1]["status"] == "failed"
        raw = read_dataset(out / "raw").num_rows
        assert raw > 0
        subprocess.run(["umount", str(articles)], check=True)
        mounts.remove(articles)
        again = scrapy_crawl(server)
    assert "Traceback" not in again.stderr and " ERROR: " not in again.stderr, again.stderr[-3000:]
    assert read_ledger(out)[-1]["status"] == "finished"
    done = Counter(read_dataset(out / "articles").column("fetch_id").to_pylist()
                   + read_dataset(out / "errors").column("fetch_id").to_pylist())
    fetch_ids = read_dataset(out / "raw").column("fetch_id").to_pylist()
    # >=: cleaning runs in worker processes, so the first article write (the one that fails) can
    # come after every raw row of this small site is written; the repair then does all the rest
    assert len(fetch_ids) >= raw and all(done[f] == 1 for f in fetch_ids)
    assert set(done) == set(fetch_ids)
    got = Counter(listed(u) for u in read_dataset(out / "articles").column("url").to_pylist())
    assert set(got) == {a.url for a in catalog() if a.site == site} and max(got.values()) == 1


def test_repair_never_cleans_a_page_twice(tmp_path) -> None:
    """Real parts, no mount: a failed run's raw rows without an article or error row are cleaned,
    except one whose URL was archived again by a later fetch that has its row (a Redis worker
    re-queues what it could not write): that would store the article twice."""
    import datetime as dt

    from kliping.crawler.repair import repair
    from kliping.crawler.seen import url_key
    from kliping.dataset.outcome import error_row
    from kliping.dataset.storage import PartWriter

    out = tmp_path / "out"
    now = dt.datetime.now(dt.UTC)
    write_ledger_row(out, ledger_row(run_id="run-A", sites=["suarawarga"], since=None, until=None,
                                     started_at=now, status="failed", stats=[]))
    page = b"<html><body><p>bukan artikel</p></body></html>"

    def raw_row(fetch_id: str, url: str) -> dict:
        return {"fetch_id": fetch_id, "url": url, "final_url": url, "site": "suarawarga",
                "status": 200, "headers": {"content-type": "text/html"}, "body": page,
                "fetched_at": now, "run_id": "run-A", "discovered_via": "feed",
                "url_key": url_key(url)}

    first, other = "https://suarawarga.example/a/1", "https://suarawarga.example/a/2"
    raw = PartWriter(out, "raw", "run-A")
    for row in (raw_row("f1", first), raw_row("f2", other), raw_row("f3", first)):
        raw.add(row)
    raw.close()
    errors = PartWriter(out, "errors", "run-A")
    errors.add(error_row(raw_row("f3", first), "not_article", "no body", "run-A"))  # f3 is done
    errors.close()

    assert repair(out, ["suarawarga"], "run-B") == 1  # f2 only: f1's page is f3's
    done = Counter(read_dataset(out / "articles").column("fetch_id").to_pylist()
                   + read_dataset(out / "errors").column("fetch_id").to_pylist())
    assert done == Counter({"f2": 1, "f3": 1})
    assert repair(out, ["suarawarga"], "run-C") == 0  # and nothing the second time
