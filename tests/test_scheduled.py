"""Scheduled crawls: incremental, resumable after SIGKILL, one run at a time, health gates.

Every crawl here is a real `kliping crawl` process running Scrapy's engine against the sample
server on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from w3lib.url import url_query_cleaner

from kliping.crawler.ledger import read_ledger
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer, catalog
from tests.conftest import FAST, kliping, kliping_cmd, lock_held

SITE = "suarawarga"
WINDOW = ["--since", "2024-01-05", "--until", "2024-01-10"]
WIT = dt.timezone(dt.timedelta(hours=9))


def listed(url: str) -> str:
    return url_query_cleaner(url, ["single", "page"], remove=True)


def site_articles() -> dict[str, object]:
    return {a.url: a for a in catalog() if a.site == SITE}


def article_texts(out: Path) -> Counter:
    return Counter(
        (listed(a["url"]), a["text"]) for a in read_dataset(out / "articles").to_pylist()
    )


def descendants(pid: int) -> set[int]:
    """The processes under ``pid`` (its cleaning zygote and the workers the zygote forked)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    found, todo = set(), list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.add(child)
        todo.extend(children.get(child, []))
    return found


def running(pid: int) -> bool:
    """``pid`` still runs (a zombie waiting for a parent that does not reap it has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def crawl_args(out: Path, server: SampleServer, *extra: str) -> list[str]:
    return ["crawl", SITE, *WINDOW, "--out", str(out), "--mirror", json.dumps(server.mirror()),
            *FAST, *extra]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """An uninterrupted crawl to compare resumed crawls with."""
    out = tmp_path_factory.mktemp("baseline")
    with SampleServer() as server:
        done = kliping(*crawl_args(out, server))
    assert done.returncode == 0, done.stderr[-2000:]
    texts = article_texts(out)
    assert {u for u, _ in texts} == set(site_articles())
    return texts


@pytest.mark.parametrize("kill_after_parts", [0, 2, 5])
def test_sigkill_then_resume_gives_every_article_once(tmp_path, baseline, kill_after_parts) -> None:
    out = tmp_path / "out"
    slow = ["-s", "DOWNLOAD_DELAY=0.15", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
            "-s", "KLIPING_FLUSH_ROWS=2"]
    with SampleServer() as server:
        proc = subprocess.Popen(kliping_cmd(*crawl_args(out, server, *slow)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            parts = list((out / "raw").rglob("*.parquet")) if (out / "raw").exists() else []
            started = (out / "runs").exists() and any((out / "runs").glob("*.parquet"))
            if started and len(parts) >= kill_after_parts:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the crawl finished before it could be killed"
        helpers = descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        # its cleaning processes see their sockets end and end too: nothing is left running
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(running(p) for p in helpers):
            time.sleep(0.05)
        assert not [p for p in helpers if running(p)]

        # only complete, readable Parquet files are left behind
        for path in out.rglob("*.parquet"):
            pq.read_table(path)
        assert [r["status"] for r in read_ledger(out)] == ["killed"]

        resumed = kliping(*crawl_args(out, server, "--resume"))
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "resuming run" in resumed.stdout
    assert article_texts(out) == baseline  # every article exactly once, same text
    raw = Counter(listed(u) for u in read_dataset(out / "raw").column("url").to_pylist())
    assert set(raw) == set(site_articles()) and max(raw.values()) == 1
    assert [r["status"] for r in read_ledger(out)] == ["killed", "finished"]


def test_second_run_fetches_only_new_articles(tmp_path) -> None:
    out = tmp_path / "out"
    cut = dt.datetime(2024, 1, 8, 0, 0, tzinfo=WIT)
    with SampleServer(published_until=cut) as server:
        first = kliping(*crawl_args(out, server))
        assert first.returncode == 0, first.stderr[-2000:]
        old = {a.url for a in catalog() if a.site == SITE and a.published_at <= cut}
        assert {listed(u) for u in read_dataset(out / "articles").column("url").to_pylist()} == old
        before = Counter(server.hits)

        server.published_until = None  # the newsroom publishes the rest
        second = kliping(*crawl_args(out, server))
        assert second.returncode == 0, second.stderr[-2000:]
        fetched = Counter(server.hits) - before
    articles = set(site_articles())
    refetched = {listed(u) for u in fetched if listed(u) in articles}
    assert refetched == articles - old, "only the new articles are fetched"
    assert any("feed" in u for u in fetched) and any("sitemap" in u for u in fetched)
    runs = read_ledger(out)
    assert [r["articles_new"] for r in runs] == [len(old), len(articles - old)]
    assert runs[1]["articles_skipped"] == len(old)  # each known article once
    got = Counter(listed(u) for u in read_dataset(out / "articles").column("url").to_pylist())
    assert set(got) == articles and max(got.values()) == 1


def test_since_last_starts_where_the_last_run_ended(tmp_path) -> None:
    out = tmp_path / "out"
    with SampleServer() as server:
        first = kliping(*crawl_args(out, server))
        assert first.returncode == 0
        args = ["crawl", SITE, "--since", "last", "--out", str(out), "--mirror",
                json.dumps(server.mirror()), *FAST]
        second = kliping(*args)
    assert second.returncode == 0, second.stderr[-2000:]
    runs = read_ledger(out)
    assert len(runs) == 2 and runs[1]["status"] == "finished"
    # the last run ended today, so nothing from January 2024 is new
    assert runs[1]["articles_new"] == 0


def test_second_run_refused_while_first_holds_the_output(tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with lock_held(out) as holder, SampleServer() as server:
        refused = kliping(*crawl_args(out, server))
        assert refused.returncode == 2
        assert "in use by another kliping run" in refused.stderr
        assert f"pid {holder.pid}" in refused.stderr and "run-A" in refused.stderr
        assert refused.stderr.count("\n") == 1  # one line
        os.kill(holder.pid, signal.SIGKILL)  # the holder dies without unlocking
        holder.wait(timeout=10)
        taken = kliping(*crawl_args(out, server))
    assert taken.returncode == 0, taken.stderr[-2000:]  # the stale lock is taken over


def test_health_failure_exits_nonzero(tmp_path) -> None:
    out = tmp_path / "out"
    with SampleServer() as server:
        ok = kliping(*crawl_args(out, server))
        assert ok.returncode == 0
        # the site's feed and sitemap stop listing anything (say, after a redesign)
        server.published_until = dt.datetime(2000, 1, 1, tzinfo=WIT)
        broken = kliping(*crawl_args(out, server))
    assert broken.returncode == 1
    assert "HEALTH FAILED suarawarga" in broken.stdout
    assert "source_feed_yields=0" in broken.stdout
    runs = read_ledger(out)
    assert [r["status"] for r in runs] == ["finished", "health_failed"]
    health = json.loads(runs[1]["health"])
    assert health["ok"] is False and health["sites"][SITE]["ok"] is False


def test_runs_command_prints_the_ledger(tmp_path) -> None:
    out = tmp_path / "out"
    with SampleServer() as server:
        assert kliping(*crawl_args(out, server)).returncode == 0
    shown = kliping("runs", str(out), "--json")
    assert shown.returncode == 0
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["status"] == "finished"
    assert rows[0]["articles_new"] == len(site_articles())
    assert rows[0]["responses_by_status"]["200"] >= len(site_articles())
    table = kliping("runs", str(out))
    assert table.returncode == 0 and "finished" in table.stdout
    assert kliping("runs", str(tmp_path / "nope")).returncode == 2
