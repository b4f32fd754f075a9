"""The plan a crawl prints before it fetches, and ``--dry-run`` (which fetches nothing)."""

from __future__ import annotations

import json
from datetime import date

from kliping.crawler.plan import duration_words, site_plan
from kliping.sites.registry import get_site
from kliping.testing.sample import SampleServer
from tests.conftest import FAST, kliping


def test_duration_in_words() -> None:
    assert duration_words(1) == "1 day"
    assert duration_words(40) == "40 days"
    assert duration_words(610) == "1 year 8 months"
    assert duration_words(730) == "2 years"


def test_site_plan_counts_date_index_pages() -> None:
    site = get_site("kompas")
    plan = site_plan(site, None, date(2024, 5, 1), date(2025, 12, 31))
    assert plan.window_days == 610
    per_day = next(s.max_pages for s in site.sources if s.kind == "date_index")
    index = [s for s in plan.sources if s.kind == "date_index"]
    assert index and index[0].max_listing_pages == 610 * per_day


def test_dry_run_prints_the_plan_and_fetches_nothing(tmp_path) -> None:
    out = tmp_path / "out"
    with SampleServer() as server:
        r = kliping("crawl", "kabarnusa", "--since", "2023-01-01", "--until", "2024-08-31",
                    "--out", str(out), "--mirror", json.dumps(server.mirror()), "--dry-run", *FAST)
        assert r.returncode == 0, r.stderr
        assert sum(server.hits.values()) == 0
    assert not out.exists()
    assert "plan: 1 site into" in r.stdout and "kabarnusa: window 2023-01-01 .. 2024-08-31" in r.stdout
    assert "1 year 8 months of date-index pages: up to" in r.stdout
    assert "0 article URLs already archived" in r.stdout


def test_a_crawl_states_its_plan_and_what_it_already_knows(tmp_path) -> None:
    out = tmp_path / "out"
    args = ["crawl", "suarawarga", "--since", "2024-01-05", "--until", "2024-01-10", "--out", str(out)]
    with SampleServer() as server:
        mirror = ["--mirror", json.dumps(server.mirror())]
        first = kliping(*args, *mirror, *FAST)
        assert first.returncode == 0, first.stderr
        assert first.stdout.startswith("plan: 1 site into")
        again = kliping(*args, *mirror, "--dry-run", *FAST)
    assert again.returncode == 0
    known = int(again.stdout.split("suarawarga: window")[1].split(";")[1].split()[0].replace(",", ""))
    assert known > 0


def test_quiet_by_default_verbose_on_request(tmp_path) -> None:
    fast = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]  # no LOG_LEVEL: the default
    args = ["crawl", "suarawarga", "--since", "2024-01-05", "--until", "2024-01-06"]
    with SampleServer() as server:
        mirror = ["--mirror", json.dumps(server.mirror())]
        quiet = kliping(*args, "--out", str(tmp_path / "a"), *mirror, *fast)
        loud = kliping(*args, "--out", str(tmp_path / "b"), *mirror, "-v", *fast)
        log = tmp_path / "crawl.log"
        to_file = kliping(*args, "--out", str(tmp_path / "c"), *mirror, "--log-file", str(log), *fast)
    assert quiet.returncode == loud.returncode == to_file.returncode == 0, quiet.stderr + loud.stderr
    assert " INFO: " not in quiet.stderr and len(quiet.stderr.splitlines()) < 5, quiet.stderr
    assert " INFO: " in loud.stderr
    assert " INFO: " not in to_file.stderr and " INFO: " in log.read_text()


def test_status_lines_off_a_terminal(tmp_path) -> None:
    args = ["crawl", "suarawarga", "--since", "2024-01-05", "--until", "2024-01-10"]
    with SampleServer() as server:
        r = kliping(*args, "--out", str(tmp_path / "out"), "--mirror", json.dumps(server.mirror()),
                    *FAST, "-s", "KLIPING_PROGRESS_INTERVAL=0.2", "-s", "DOWNLOAD_DELAY=0.05")
    # (DOWNLOAD_DELAY after FAST's 0: the crawl lasts longer than a few intervals)
    assert r.returncode == 0, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("kliping: suarawarga: ")]
    assert lines, r.stderr
    assert "listing pages" in lines[-1] and "articles fetched" in lines[-1] and "pages/s" in lines[-1]


def test_live_table_on_a_terminal(tmp_path) -> None:
    import os
    import subprocess
    import threading

    from tests.conftest import kliping_cmd

    args = ["crawl", "suarawarga", "--since", "2024-01-05", "--until", "2024-01-10"]
    master, slave = os.openpty()
    screen: list[bytes] = []

    def drain() -> None:  # read as it comes: a full terminal buffer would block the crawler
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with SampleServer() as server:
        proc = subprocess.run(
            kliping_cmd(*args, "--out", str(tmp_path / "out"), "--mirror", json.dumps(server.mirror()),
                        "-s", "DOWNLOAD_DELAY=0.1", *FAST),
            stdout=subprocess.PIPE, stderr=slave, timeout=120, env=dict(os.environ, COLUMNS="120"),
        )
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    assert proc.returncode == 0
    text = b"".join(screen).decode("utf-8", "replace")
    assert "listing pages" in text and "suarawarga" in text and "pages/s" in text, text[-2000:]
