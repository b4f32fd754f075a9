"""A second outside audit (session 15): attacks test_audit.py and the other hostile modules did not
cover, each found to fail and then fixed. Real crawls and ingests in child processes against
servers on 127.0.0.1, real files, Parquet read back with pyarrow.

- a date-indexed archive asked for a window reaching far into the future (or down to year 1);
- an ingest state file (``.kliping-ingest/files.jsonl``) whose lines hold values of the wrong kind;
- site definitions that name hosts the site does not own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from tests.conftest import FAST, one_line
from tests.hostile.server import HostileServer
from tests.hostile.test_audit import ROOT, SITE_FILE

KABARKU = "www.kabarku.example"


def _site_env(tmp_path: Path, text: str = SITE_FILE) -> dict[str, str]:
    sites = tmp_path / "sites"
    sites.mkdir(exist_ok=True)
    (sites / "kabarku.py").write_text(text)
    return dict(os.environ, KLIPING_SITES_PATH=str(sites), PYTHONPATH=str(ROOT))


def _kabarku(tmp_path: Path, server: HostileServer, since: str, until: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "kliping", "crawl", "kabarku", "--since", since, "--until", until,
            "--out", str(tmp_path / f"out-{since}"), "--mirror", json.dumps(server.mirror(KABARKU)), *FAST,
            "-s", "RETRY_TIMES=0"]  # fmt: skip
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env=_site_env(tmp_path))


# -- date-indexed archives --------------------------------------------------------------------


def test_a_date_index_is_never_walked_past_tomorrow(tmp_path) -> None:
    """``--until`` 400 days ahead: the walk started at ``until`` and asked for a page of every
    future day first (``--until 2999-01-01``: 356,000 requests before the first real day, the plan
    promising 7 million). Now the walk ends at tomorrow in the site's zone, the plan says so; a
    window wholly in the future asks for no date-index page."""
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    with HostileServer() as server:
        r = _kabarku(tmp_path, server, str(today - timedelta(days=2)), str(today + timedelta(days=400)))
        assert "Traceback" not in r.stderr, r.stderr[-3000:]
        walked = sorted(u for u in server.hits if "/indeks" in u)
        assert len(walked) == 4, walked  # the day before yesterday .. tomorrow
        assert f"date={today + timedelta(days=1)}" in walked[-1]
        assert "up to 80 listing pages" in r.stdout, r.stdout  # 4 days x max_pages 20
        server.reset()
        ahead = _kabarku(tmp_path, server, str(today + timedelta(days=30)), "2999-01-01")
        assert "Traceback" not in ahead.stderr, ahead.stderr[-3000:]
        assert not [u for u in server.hits if "/indeks" in u]


def test_a_date_index_walked_down_to_year_one_ends(tmp_path) -> None:
    """``--since 0001-01-01``: the walk stepped one day below ``date.min`` after its last page, an
    OverflowError traceback in the spider's start."""
    with HostileServer() as server:
        r = _kabarku(tmp_path, server, "0001-01-01", "0001-01-02")
        assert "Traceback" not in r.stderr and "OverflowError" not in r.stderr, r.stderr[-3000:]
        walked = sorted(u for u in server.hits if "/indeks" in u)
    assert len(walked) == 2 and "date=1-01-01&" in walked[0], walked  # strftime writes year 1 as "1"


# -- the ingest state file ----------------------------------------------------------------------


def test_damaged_ingest_checkpoints_are_passed_over(tmp_path) -> None:
    """A checkpoint line of ``.kliping-ingest/files.jsonl`` whose offset is a string or a list
    (an edit, a bit flip, another tool): ingest died in a traceback on every rerun; a negative or
    enormous offset failed the file on every rerun ("Invalid argument"). Such a line is passed
    over like a torn one: the file is read again from the line before, and every page is stored
    once."""
    from kliping.warc.ingest import state_path
    from tests.warc_fixtures import sample_pages, write_warc

    warc = write_warc(tmp_path / "a.warc.gz", sample_pages()[:6])
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kliping", "ingest", str(warc), "--out", str(out), "--all-domains",
           "--no-progress", "--flush-rows", "2"]  # fmt: skip
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    stored = read_dataset(out / "raw").num_rows
    lines = state_path(out).read_text().splitlines()
    last = json.loads(lines[-1])
    for offset in ("abc", [1], -100, 10**300, True):
        damaged = json.dumps({**last, "offset": offset, "done": False})
        state_path(out).write_text("\n".join([*lines, damaged]) + "\n")
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0 and "Traceback" not in r.stderr, (offset, r.stderr[-2000:])
    raw = read_dataset(out / "raw").column("url").to_pylist()
    assert len(raw) == stored == len(set(raw))
    bad = {**last, "done": "no"}
    state_path(out).write_text("\n".join([*lines[:1], json.dumps(bad)]) + "\n")
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert read_dataset(out / "raw").num_rows == stored


# -- site definitions naming hosts the site does not own -----------------------------------------

FEED = 'Source("feed", "https://www.kabarku.example/feed/")'
OFF_HOST = {
    # a source on another host: the network guard dropped it unsent, the crawl found nothing
    "sources[0].url": (FEED, 'Source("feed", "https://kabar-lain.example/feed/")'),
    # a top-level domain: every host under it passed the guard
    "allowed_domains[0]": ('allowed_domains=("kabarku.example",)', 'allowed_domains=("example",)'),
    # a wildcard or a URL: nothing passed it, not even the site
    "allowed_domains[1]": ('allowed_domains=("kabarku.example",)',
                           'allowed_domains=("kabarku.example", "*")'),
    # a public suffix: every site registered under it passed the guard
    "allowed_domains[2]": ('allowed_domains=("kabarku.example",)',
                           'allowed_domains=("kabarku.example", "www.kabarku.example", "co.id")'),
    # the site's own domain outside its allowed domains
    "allowed_domains": ('allowed_domains=("kabarku.example",)', 'allowed_domains=("kabarlain.example",)'),
}


@pytest.mark.parametrize("field", OFF_HOST)
def test_a_site_definition_naming_hosts_it_does_not_own_is_one_line(tmp_path, field) -> None:
    old, new = OFF_HOST[field]
    assert old in SITE_FILE
    env = _site_env(tmp_path, SITE_FILE.replace(old, new, 1))
    r = subprocess.run([sys.executable, "-m", "kliping", "crawl", "kabarku", "--out", str(tmp_path / "out")],
                       capture_output=True, text=True, timeout=60, env=env)  # fmt: skip
    line = one_line(r)
    assert r.returncode == 2 and "kabarku.py" in line and f"field '{field}'" in line, line
    assert not (tmp_path / "out").exists()


def test_a_site_file_that_exits_is_one_line(tmp_path) -> None:
    """A site file calling ``sys.exit(3)`` (a script turned into a definition): every command
    ended with exit 3 and not a word on stderr."""
    env = _site_env(tmp_path, "import sys\nsys.exit(3)\n")
    r = subprocess.run([sys.executable, "-m", "kliping", "sites"], capture_output=True, text=True,
                       timeout=60, env=env)  # fmt: skip
    line = one_line(r)
    assert r.returncode == 2 and "kabarku.py" in line and "SystemExit" in line, line


# -- paths files --------------------------------------------------------------------------------


def test_paths_file_lines_are_urls_or_files_of_the_data_host(tmp_path) -> None:
    """A local ``warc.paths`` listing a URL: the line was resolved as a local path
    (``<cwd>/http:/127.0.0.1:…``) and the file failed. A paths file fetched from a data host
    listing an absolute local path: ingest read the local file. Now a URL line is fetched, and a
    remote list names files of its data host only."""
    from tests.warc_fixtures import sample_pages, serve_directory, write_warc

    pages = [p for p in sample_pages() if p.status == 200]
    served = tmp_path / "served"
    served.mkdir()
    write_warc(served / "a.warc.gz", pages[:3], extras=False)
    secret = write_warc(tmp_path / "local-only.warc.gz", pages[3:6], extras=False)
    with serve_directory(served) as base:
        local_list = tmp_path / "warc.paths"
        local_list.write_text(f"{base.rstrip('/')}/a.warc.gz\n")
        out = tmp_path / "out"
        cmd = ["ingest", "--out", str(out), "--all-domains", "--no-progress"]
        r = subprocess.run([sys.executable, "-m", "kliping", *cmd, str(local_list)],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
        assert r.returncode == 0, r.stderr
        assert sorted(read_dataset(out / "raw").column("url").to_pylist()) == sorted(p.url for p in pages[:3])
        (served / "warc.paths").write_text(f"{secret}\n")
        r = subprocess.run([sys.executable, "-m", "kliping", *cmd, f"{base.rstrip('/')}/warc.paths",
                            "--cc-base", base], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 1 and "HTTP 404" in r.stderr, r.stderr  # asked of the data host
    assert not {p.url for p in pages[3:6]} & set(read_dataset(out / "raw").column("url").to_pylist())


# -- a killed run, resumed ----------------------------------------------------------------------


def test_a_killed_crawl_resumed_leaves_a_sound_output(tmp_path) -> None:
    """SIGKILL mid-crawl, then the same crawl again: every page once, every part readable, but
    ``kliping verify`` still exited 1 ("run … is still 'running' but no live run holds the
    lock") until ``verify --repair``. The next run holds the lock, so it writes the dead run's
    ``killed`` row itself."""
    import signal
    import time

    from kliping.crawler.ledger import read_ledger
    from tests.hostile.test_network import ARTICLE_URLS, HOST, LOCAL
    from tests.hostile.test_network import crawl as generic_crawl

    out = tmp_path / "out"
    with HostileServer() as server:
        slow = "/2025/03/11/lomba-perahu-hias-meriahkan-desa/"
        server.set(drip={slow: 1.0}, max_seconds=60)
        argv = [sys.executable, "-m", "kliping", "crawl", "generic", "--domain", HOST, "--since",
                "2025-03-10", "--until", "2025-03-11", "--out", str(out), "--mirror",
                json.dumps(server.mirror(HOST)), *LOCAL, "-s", "DOWNLOAD_TIMEOUT=60"]  # fmt: skip
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not server.times.get(f"https://{HOST}{slow}"):
                time.sleep(0.1)
            time.sleep(1.0)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        server.reset()
        again = generic_crawl(out, server.mirror(HOST))
    again.clean()
    assert [r["status"] for r in read_ledger(out)] == ["killed", "finished"]
    raw = read_dataset(out / "raw").column("url").to_pylist()
    assert sorted(raw) == sorted(ARTICLE_URLS)
    r = subprocess.run([sys.executable, "-m", "kliping", "verify", str(out)], capture_output=True, text=True,
                       timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr


# -- markup that stalls the reactor -------------------------------------------------------------

CROWDED = (b"<!DOCTYPE html><html><head><title>Kabar</title></head><body><div "
           + b" ".join(b'data-a%d="x>"' % i for i in range(200_000)) + b"><p>Kabar</p></div></body></html>")


def test_a_tag_of_200000_attributes_does_not_stall_the_crawl(tmp_path) -> None:
    """A home page (and a date-index page) of 2.8 MB, one tag of 200,000 attributes: libxml2's HTML
    parser compares each attribute with every one before it, so the listing parsers, which run
    in the crawl's reactor thread, spent over a minute on it (1.5 million attributes, 16 MB: over
    an hour) with every download stopped. Now such a page is a counted listing error, found in
    linear time, and the crawl goes on from its other sources."""
    import time

    from tests.hostile.test_network import ARTICLE_URLS, HOST
    from tests.hostile.test_network import crawl as generic_crawl

    with HostileServer() as server:
        server.set(bodies={"/": CROWDED})
        start = time.monotonic()
        run = generic_crawl(tmp_path / "generic", server.mirror(HOST))
        took = time.monotonic() - start
    run.clean()
    assert took < 40, took
    assert run.stat("kliping/listing/crowded_markup") == 1
    assert run.archived() == ARTICLE_URLS  # from the sitemap
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    with HostileServer() as server:
        server.set(bodies={"*": CROWDED}, status={"*": 200})
        start = time.monotonic()
        r = _kabarku(tmp_path, server, str(today - timedelta(days=1)), str(today))
        took = time.monotonic() - start
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert took < 40, took


def test_cleaning_a_tag_of_200000_attributes_is_bounded(tmp_path) -> None:
    """``kliping extract`` (and reclean, repair, ingest: the same ``clean_outcome``) of such a page:
    the cleaner's 30 s budget cannot interrupt the parse, one C call; a page of 300,000 attributes
    ran past 200 s. Now a ``timeout`` record at once, exit 1 (the failure is the cleaner's)."""
    import time

    page = tmp_path / "crowded.html"
    page.write_bytes(CROWDED)
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "kliping", "extract", str(page), "--url",
                        "https://berita.example/2025/03/10/judul-berita-yang-panjang/"],
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert time.monotonic() - start < 30
    assert r.returncode == 1 and json.loads(r.stdout)["kind"] == "timeout", r.stdout + r.stderr
