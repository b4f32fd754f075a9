"""Crawling with a shared frontier on Redis: real redis-server, real `kliping crawl` workers.

Each test starts a redis-server on a free port of 127.0.0.1 and two or three `kliping crawl --redis`
processes against the sample sites, then checks the union of their Parquet output.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from w3lib.url import url_query_cleaner

from kliping.crawler.ledger import read_ledger
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer, catalog
from tests.conftest import FAST, kliping_cmd
from tests.redis_server import RedisServer

pytest.importorskip("scrapy_redis", reason="pip install 'scrapy-redis>=0.9,<0.10'")
pytestmark = pytest.mark.skipif(not RedisServer.available(),
                                reason="redis-server not installed (.ci/run installs it)")

SITES = ["detakberita", "kabarnusa", "suarawarga"]
WINDOW = ["--since", "2024-01-05", "--until", "2024-01-10"]
# small per-worker concurrency, so that no worker swallows the small sample frontier alone
SHARE = ["-s", "CONCURRENT_REQUESTS=2", "-s", "KLIPING_FLUSH_ROWS=2", "-s", "KLIPING_REDIS_HEARTBEAT=2",
         "-s", "KLIPING_REDIS_POLL=0.2"]


def listed(url: str) -> str:
    return url_query_cleaner(url, ["single", "page"], remove=True)


def worker_args(out: Path, server: SampleServer, redis: RedisServer, run: str, *extra: str) -> list[str]:
    return ["crawl", *SITES, *WINDOW, "--out", str(out), "--redis", redis.url, "--run", run,
            "--mirror", json.dumps(server.mirror()), *FAST, *SHARE, *extra]


def start(args: list[str], n: int) -> list[subprocess.Popen]:
    return [subprocess.Popen(kliping_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(n)]


def finish(procs: list[subprocess.Popen], timeout: float = 90) -> list[tuple[int, str, str]]:
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        done.append((proc.returncode, out, err))
    return done


def new_articles(stdout: str) -> int:
    """The `new` column of a worker's summary table, summed over its sites."""
    rows = re.findall(r"│\s*(\w+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│", stdout)
    return sum(int(new) for site, _, new in rows if site in SITES)


def assert_every_article_once(out: Path) -> None:
    got = Counter(listed(a["url"]) for a in read_dataset(out / "articles").to_pylist())
    expected = {a.url for a in catalog()}
    assert set(got) == expected, (expected - set(got), set(got) - expected)
    assert max(got.values()) == 1, [u for u, n in got.items() if n > 1]


def assert_one_finished_row_per_site(out: Path, all_counted: bool = True) -> list[dict]:
    rows = read_ledger(out)
    assert sorted(s for r in rows for s in r["sites"]) == SITES, rows
    assert {r["status"] for r in rows} == {"finished"}, [(r["sites"], r["status"]) for r in rows]
    new = sum(r["articles_new"] for r in rows)
    # a killed worker never reports its counters: the row counts what the others did
    assert new == len(catalog()) if all_counted else 0 < new <= len(catalog())
    return rows


def test_workers_share_the_crawl(tmp_path) -> None:
    out = tmp_path / "out"
    with RedisServer() as redis, SampleServer() as server:
        results = finish(start(worker_args(out, server, redis, "share"), 3))
        for code, stdout, stderr in results:
            assert code == 0, stdout[-2000:] + stderr[-3000:]
        assert redis.client().keys("kliping:share:*") == []  # the last worker cleared the frontier
    assert_every_article_once(out)
    rows = assert_one_finished_row_per_site(out)
    assert all(json.loads(r["health"])["cluster"]["workers"] == 3 for r in rows)
    per_worker = [new_articles(stdout) for _, stdout, _ in results]
    assert sum(per_worker) == len(catalog()), per_worker
    assert sum(1 for n in per_worker if n > 0) >= 2, per_worker  # the work was shared
    # one run id per site for all workers; part names never collide (one token per writer)
    raw = read_dataset(out / "raw").to_pylist()
    assert len({(r["site"], r["run_id"]) for r in raw}) == len(SITES)
    assert len({r["fetch_id"] for r in raw}) == len(raw)


def _workers(redis: RedisServer, run: str) -> dict[int, list[str]]:
    """pid -> the processing-hash keys of that worker (ids are host-pid-tag)."""
    by_pid: dict[int, list[str]] = {}
    for key in redis.client().keys(f"kliping:{run}:*:processing:*"):
        worker = key.decode().rsplit(":", 1)[-1]
        by_pid.setdefault(int(worker.split("-")[-2]), []).append(key.decode())
    return by_pid


def _seeded(redis: RedisServer, run: str) -> bool:
    values = [redis.client().get(k) for k in redis.client().keys(f"kliping:{run}:*:seeded")]
    return len(values) == len(SITES) and all(v == b"done" for v in values)


SLOW = ["-s", "DOWNLOAD_DELAY=0.1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


def test_sigkill_one_worker_the_others_finish(tmp_path) -> None:
    out = tmp_path / "out"
    with RedisServer() as redis, SampleServer() as server:
        procs = start(worker_args(out, server, redis, "kill", *SLOW), 3)
        victim = None
        deadline = time.monotonic() + 60
        while victim is None and time.monotonic() < deadline:
            if _seeded(redis, "kill"):
                for proc in procs:
                    keys = _workers(redis, "kill").get(proc.pid, [])
                    if any(redis.client().hlen(k) for k in keys):
                        victim = proc  # it holds requests in flight
                        break
            time.sleep(0.02)
        assert victim is not None and victim.poll() is None, "no worker held requests to kill"
        os.kill(victim.pid, signal.SIGKILL)
        victim.communicate(timeout=10)
        rest = [p for p in procs if p is not victim]
        for code, stdout, stderr in finish(rest):
            assert code == 0, stdout[-2000:] + stderr[-3000:]
        assert redis.client().keys("kliping:kill:*") == []
    assert_every_article_once(out)
    rows = assert_one_finished_row_per_site(out, all_counted=False)
    clusters = [json.loads(r["health"])["cluster"] for r in rows]
    assert sum(c.get("workers_reaped", 0) for c in clusters) >= 1, clusters


def test_stop_every_worker_then_restart_continues(tmp_path) -> None:
    out = tmp_path / "out"
    with RedisServer() as redis, SampleServer() as server:
        args = worker_args(out, server, redis, "restart", *SLOW)
        first = start(args, 2)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            parts = list((out / "articles").rglob("*.parquet")) if (out / "articles").exists() else []
            if _seeded(redis, "restart") and len(parts) >= 2:
                break
            time.sleep(0.02)
        assert all(p.poll() is None for p in first), "the crawl finished before it could be stopped"
        for proc in first:
            os.kill(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=10)
        assert redis.client().zcard("kliping:restart:detakberita:2024-01-05:2024-01-10:requests") \
            + sum(redis.client().hlen(k) for keys in _workers(redis, "restart").values() for k in keys) > 0
        for code, stdout, stderr in finish(start(args, 2)):
            assert code == 0, stdout[-2000:] + stderr[-3000:]
        assert redis.client().keys("kliping:restart:*") == []
    assert_every_article_once(out)
    assert_one_finished_row_per_site(out, all_counted=False)


def test_a_retry_takes_its_entrys_place_in_one_step() -> None:
    """A popped entry whose retry (or redirect) is queued leaves the worker's processing hash in
    the same transaction: a worker killed before its next flush leaves nothing a reaper could
    re-queue beside the retry (a page that answered 500 once was fetched and stored twice)."""
    from types import SimpleNamespace

    from scrapy import Request

    from kliping.cluster.queue import AckTracker, ReliableQueue

    with RedisServer() as redis:
        server = redis.client()
        spider = SimpleNamespace(name="kabarnusa", settings={"KLIPING_RUN": "ack"}, since=None,
                                 until=None)
        queue = ReliableQueue(server, spider, "unused")
        queue.tracker = AckTracker(server, queue.processing)
        queue.push(Request("https://www.kabarnusa.example/read/1/kabar"))
        popped = queue.pop()
        assert server.hlen(queue.processing) == 1 and len(queue) == 0
        queue.push(popped.replace(dont_filter=True))  # RetryMiddleware's copy keeps the meta
        assert server.hlen(queue.processing) == 0  # the killed worker's hash holds nothing of it
        assert len(queue) == 1
        assert queue.pop().url == popped.url
        # the tracker holds only the entry now in the hash (nothing left to ack for the first)
        assert queue.tracker.active == {a.decode() for a in server.hkeys(queue.processing)}
        assert queue.tracker.finished == []
