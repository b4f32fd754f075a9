"""A fourth audit (session 17): the shared frontier on Redis (kliping.cluster, docs/cluster.md).
Real redis-server processes on 127.0.0.1, real ``kliping crawl --redis`` workers over HTTP against
the sample sites, Parquet read back with pyarrow.

- the frontier was pickled: anyone who could write to the Redis server ran code on every worker;
- Redis going away mid-crawl: tracebacks, no ledger row;
- requests yielded while Redis does not answer: lost without a word.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import time
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer
from tests.conftest import FAST, kliping, kliping_cmd
from tests.redis_server import RedisServer

pytest.importorskip("scrapy_redis", reason="pip install 'scrapy-redis>=0.9,<0.10'")
pytestmark = pytest.mark.skipif(not RedisServer.available(), reason="redis-server not installed")

WINDOW = ["--since", "2024-01-05", "--until", "2024-01-10"]
SITE = "detakberita"


def frontier(run: str) -> str:
    return f"kliping:{run}:{SITE}:2024-01-05:2024-01-10"


def crawl_args(out: Path, server: SampleServer, *extra: str) -> list[str]:
    return ["crawl", SITE, *WINDOW, "--out", str(out), "--mirror", json.dumps(server.mirror()), *FAST,
            *extra]


def article_urls(out: Path) -> list[str]:
    return sorted(a["url"] for a in read_dataset(out / "articles").to_pylist())


# -- 1. the frontier is data, never code ---------------------------------------------------------


class _Evil:
    """A pickle that, loaded, creates a marker file: what a stranger with write access to the
    Redis server could queue for every worker to load."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):  # noqa: ANN204
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_in_the_frontier_is_never_loaded(tmp_path) -> None:
    """The queue held pickled request dicts (``scrapy_redis.picklecompat``), loaded by every
    worker as it popped them, and by the reaper for a dead worker's entries: a pickle whose
    ``__reduce__`` runs a command ran it on the worker (here: ``touch`` a marker file). Now the
    frontier is kliping's JSON (``kliping.cluster.serializer``); an entry that is not (an old
    pickle, junk, this one) is dropped with one ERROR line and counted, never unpickled, and a
    cluster crawl gives the same articles as a plain crawl."""
    from kliping.crawler.ledger import read_ledger

    marker = tmp_path / "pwned"
    out, plain = tmp_path / "out", tmp_path / "plain"
    with RedisServer() as redis, SampleServer() as server:
        c = redis.client()
        c.zadd(f"{frontier('evil')}:requests", {pickle.dumps(_Evil(marker)): -1000})
        # a dead worker's processing entry too: the reaper read it to skip stored articles
        c.sadd(f"{frontier('evil')}:workers", "ghost-1-abcdef")
        c.hset(f"{frontier('evil')}:processing:ghost-1-abcdef", "7",
               b"-5|" + pickle.dumps(_Evil(tmp_path / "pwned-too")))
        r = kliping(*crawl_args(out, server, "--redis", redis.url, "--run", "evil",
                                "-s", "KLIPING_REDIS_POLL=0.2"), timeout=120)
        left = c.keys(f"{frontier('evil')}:*")
        p = kliping(*crawl_args(plain, server), timeout=120)
    assert not marker.exists(), "the pickle in the frontier ran code on the worker"
    assert not (tmp_path / "pwned-too").exists(), "the pickle of a dead worker ran code"
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.stderr.count("that is not a request") == 2, r.stderr[-3000:]
    assert left == []
    rows = read_ledger(out)
    assert [row["status"] for row in rows] == ["finished"], rows
    assert json.loads(rows[0]["health"])["cluster"]["dropped_entries"] == 2
    assert p.returncode == 0, p.stderr[-2000:]
    assert article_urls(out) == article_urls(plain) and len(article_urls(out)) == 16


def test_every_request_kliping_queues_survives_the_json_frontier() -> None:
    """What kliping's spiders queue, as ``Request.to_dict()`` gives it, comes back equal through
    the frontier's JSON: a listing's ``Source``, a date index's day and page, a multi-page
    article's ``(url, text)`` pages, bytes headers and body, a retry's and a redirect's meta. A
    value JSON cannot keep is refused at enqueue time naming where it sits; an entry naming a
    class outside ``scrapy.http`` or a private callback is refused before anything is imported."""
    from datetime import date

    import scrapy
    from scrapy import Request
    from scrapy.http import FormRequest
    from scrapy.utils.request import request_from_dict

    from kliping.cluster import serializer
    from kliping.sites.base import Source

    class Spider(scrapy.Spider):
        name = SITE

        def parse_date_index(self, response, **kwargs): ...  # noqa: ANN001, ANN003, ANN202

        def parse_article(self, response, **kwargs): ...  # noqa: ANN001, ANN003, ANN202

        def on_error(self, failure): ...  # noqa: ANN001, ANN202

    spider = Spider()
    source = Source("date_index", "https://news.detakberita.example/indeks?date={date}&page={page}")
    requests = [
        Request("https://news.detakberita.example/indeks?date=01/05/2024&page=2", dont_filter=True,
                callback=spider.parse_date_index, errback=spider.on_error,
                cb_kwargs={"source": source, "day": date(2024, 1, 5), "page": 2},
                meta={"kliping_listing": "date_index", "kliping_sitemap_depth": 0}),
        Request("https://news.detakberita.example/berita/d-1234567/banjir?page=2",
                callback=spider.parse_article,
                cb_kwargs={"pages": [("https://news.detakberita.example/berita/d-1234567/banjir",
                                      "<p>Banjir rob \u00e9 \U0001f600 \ud800</p>")]},
                meta={"kliping_via": "news_sitemap", "retry_times": 1, "download_latency": 0.25,
                      "redirect_urls": ["http://a.example/x"], "redirect_reasons": [301, "meta refresh"],
                      "depth": 3, "dont_obey_robotstxt": True, "download_slot": "a.example"},
                headers={"Referer": "https://a.example/", "Accept": ["a", "b"]}, cookies={"k": "v"},
                body=b"\x00\xff\x80 bytes", method="POST", priority=-7, flags=["cached"]),
        FormRequest("https://a.example/cari", formdata={"q": "banjir"}),
    ]
    for request in requests:
        d = request.to_dict(spider=spider)
        assert serializer.loads(serializer.dumps(d)) == d
        again = request_from_dict(serializer.loads(serializer.dumps(d)), spider=spider)
        assert again.callback == request.callback and again.cb_kwargs == request.cb_kwargs
    with pytest.raises(serializer.Unkeepable, match=r"\['meta'\]\['handle'\] holds a builtins.object"):
        serializer.dumps(Request("https://a.example/", meta={"handle": object()}).to_dict())
    for entry in (b'{"kliping_request":1,"request":{"url":"x","_class":"os.system"}}',
                  b'{"kliping_request":1,"request":{"url":"x","callback":"__init__"}}',
                  b'{"kliping_request":1,"request":{"url":"x","meta":{"$pickle":"gASV"}}}',
                  b'{"kliping_request":1,"request":{"url":"x","body":"text, not bytes"}}',
                  b"[" * 100_000, b"{" * 100_000, pickle.dumps({"url": "x"})):
        with pytest.raises(ValueError):
            serializer.loads(entry)


# -- 2 and 3. Redis going away mid-crawl ---------------------------------------------------------


class SlowSample(SampleServer):
    """The sample sites, each answer ``delay`` seconds late: a crawl long enough to lose its
    Redis server in the middle."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def handler(self):  # noqa: ANN201
        base, delay = super().handler(), self.delay

        class Slow(base):  # type: ignore[misc, valid-type]
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                time.sleep(delay)
                super().do_GET()

        return Slow


SLOW = ["-s", "CONCURRENT_REQUESTS=2", "-s", "KLIPING_FLUSH_ROWS=2", "-s", "KLIPING_REDIS_HEARTBEAT=2",
        "-s", "KLIPING_REDIS_POLL=0.2"]


def wait_for(check, timeout: float = 60) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return False


def ended(proc: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """The output of a worker expected to end within ``timeout``; killed (and the test failed)
    when it does not, so that no hung worker outlives its test."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
        pytest.fail(f"the worker did not end within {timeout:g} s: " + stderr[-3000:])


def parts(out: Path, name: str) -> list[Path]:
    return list((out / name).rglob("*.parquet")) if (out / name).exists() else []


def test_redis_killed_mid_crawl_ends_the_worker_cleanly(tmp_path) -> None:
    """redis-server SIGKILLed while a worker crawls a slow site: the worker never ended (its idle
    handler raised at every poll: ~90 tracebacks in 30 s, "Error processing" for every item whose
    ack failed), and no ledger row was written. Now, after ``KLIPING_REDIS_OUTAGE`` seconds
    without an answer, it stops: one line naming the Redis URL, exit 1, every part written so
    far readable, and a ``failed`` ledger row saying why."""
    from kliping.crawler.ledger import read_ledger

    out = tmp_path / "out"
    with RedisServer() as redis, SlowSample(0.3) as server:
        proc = subprocess.Popen(kliping_cmd(*crawl_args(out, server, "--redis", redis.url, "--run", "gone",
                                                        *SLOW, "-s", "KLIPING_REDIS_OUTAGE=3")),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: len(parts(out, "articles")) >= 1), "no article written"
        assert redis.client().zcard(f"{frontier('gone')}:requests") > 0  # work left in Redis
        redis.proc.kill()
        redis.proc.wait(timeout=10)
        start = time.monotonic()
        stdout, stderr = ended(proc, 60)
    assert time.monotonic() - start < 30
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("kliping crawl: error: Redis at " + redis.url), stderr[-3000:]
    assert "did not answer for 3 s" in last, last
    assert "failed" in stdout
    rows = read_ledger(out)
    assert [r["status"] for r in rows] == ["failed"], rows
    assert "Redis at " + redis.url in json.loads(rows[0]["health"])["cluster"]["redis_error"]
    arts = read_dataset(out / "articles").to_pylist()  # every part readable
    assert 1 <= len(arts) < 16 and len({a["url"] for a in arts}) == len(arts)
    assert kliping("verify", str(out)).returncode == 0


def restart(redis: RedisServer, down: float) -> None:
    """Stop ``redis`` (its data saved) and start it again on the same port and data after ``down``
    seconds: a Redis restart, a failover, a short network cut, as a worker sees it."""
    redis.client().shutdown(save=True)
    redis.proc.wait(timeout=10)
    time.sleep(down)
    redis.proc = subprocess.Popen(
        ["redis-server", "--port", str(redis.port), "--bind", "127.0.0.1", "--dir", redis.dir,
         "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: _answers(redis), 10), "redis-server did not start again"


def _answers(redis: RedisServer) -> bool:
    try:
        return bool(redis.client().ping())
    except Exception:  # noqa: BLE001 - not up yet
        return False


def test_requests_yielded_while_redis_restarts_are_not_lost(tmp_path) -> None:
    """Redis restarted (3 s down) while the worker's pages yield new links: the scheduler's
    ``request_seen``/``push`` raised ConnectionError into Scrapy (a traceback per request), and
    the requests those pages yielded were gone: articles missing from a run that ended
    ``finished``. Now a request Redis cannot take is held by the worker and queued when Redis
    answers again (within ``KLIPING_REDIS_OUTAGE``): every article once, the run ``finished``."""
    from kliping.crawler.ledger import read_ledger

    out, plain = tmp_path / "out", tmp_path / "plain"
    with RedisServer() as redis, SlowSample(0.2) as server:
        proc = subprocess.Popen(kliping_cmd(*crawl_args(out, server, "--redis", redis.url, "--run", "blip",
                                                        *SLOW, "-s", "KLIPING_REDIS_OUTAGE=30")),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # pages in flight whose links (the sitemap's and the date index's) are yet to be queued
        assert wait_for(lambda: redis.client().get(f"{frontier('blip')}:seeded") == b"done"
                        and not parts(out, "articles")), "seeded too late"
        restart(redis, 3)
        stdout, stderr = ended(proc, 90)
        p = kliping(*crawl_args(plain, server), timeout=120)
    assert proc.returncode == 0 and "Traceback" not in stderr, stderr[-3000:]
    assert "answers again after" in stderr, stderr[-3000:]
    rows = read_ledger(out)
    assert [r["status"] for r in rows] == ["finished"], rows
    assert json.loads(rows[0]["health"])["cluster"].get("held_requests", 0) > 0, rows[0]["health"]
    assert p.returncode == 0
    got = read_dataset(out / "articles").to_pylist()
    assert sorted(a["url"] for a in got) == article_urls(plain), stderr[-3000:]


def test_requests_a_worker_could_not_queue_are_queued_by_the_next(tmp_path) -> None:
    """Redis down for longer than ``KLIPING_REDIS_OUTAGE`` while pages yield links: the worker
    stops (``failed``, exit 1) and its own ledger row holds every request it could not queue,
    whole. Redis back with its data, the same command again joins the run, queues those
    requests (straight into the queue when their fingerprints reached the seen set: through the
    dupefilter they would be lost) and finishes it: every article once, the run ``finished``."""
    from kliping.crawler.ledger import read_ledger

    out, plain = tmp_path / "out", tmp_path / "plain"
    with RedisServer() as redis, SlowSample(0.2) as server:
        args = crawl_args(out, server, "--redis", redis.url, "--run", "lost", *SLOW,
                          "-s", "KLIPING_REDIS_OUTAGE=2")
        proc = subprocess.Popen(kliping_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: redis.client().get(f"{frontier('lost')}:seeded") == b"done"
                        and not parts(out, "articles")), "seeded too late"
        restart(redis, 0)  # saved, then down until the worker has stopped
        redis.client().shutdown(save=True)
        redis.proc.wait(timeout=10)
        stdout, stderr = ended(proc, 60)
        assert proc.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
        first = read_ledger(out)
        assert [r["status"] for r in first] == ["failed"], first
        lost = json.loads(first[0]["health"])["cluster"]["lost_requests"]
        assert lost > 0 and f"{lost} requests it could not queue" in stderr.strip().splitlines()[-1]
        restart(redis, 0)
        again = kliping(*args, timeout=120)
        assert kliping(*crawl_args(plain, server), timeout=120).returncode == 0
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr[-3000:]
    assert f"queued {lost} requests worker" in again.stderr, again.stderr[-3000:]
    rows = read_ledger(out)  # the stopped worker's own row, and the run's, finished by the next
    run = json.loads(first[0]["health"])["cluster"]["run"]
    assert sorted((r["run_id"], r["status"]) for r in rows) == sorted(
        [(first[0]["run_id"], "failed"), (run, "finished")]), rows
    got = sorted(a["url"] for a in read_dataset(out / "articles").to_pylist())
    assert got == article_urls(plain), (again.stderr[-3000:])
    verify = kliping("verify", str(out))
    assert verify.returncode == 0, verify.stdout[-2000:]


def test_redis_back_without_the_frontier_stops_the_worker(tmp_path) -> None:
    """Redis restarted without its data (no persistence): the queue, the seen set and the run's
    keys are gone. Queuing the held requests into an empty frontier would crawl on as a run no
    worker can finish (no ``seeded``, no ledger row). Now the worker stops at once, naming it."""
    from kliping.crawler.ledger import read_ledger

    out = tmp_path / "out"
    with RedisServer() as redis, SlowSample(0.2) as server:
        proc = subprocess.Popen(kliping_cmd(*crawl_args(out, server, "--redis", redis.url, "--run", "wiped",
                                                        *SLOW, "-s", "KLIPING_REDIS_OUTAGE=30")),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: redis.client().get(f"{frontier('wiped')}:seeded") == b"done")
        redis.proc.kill()
        redis.proc.wait(timeout=10)
        restart_empty = subprocess.Popen(
            ["redis-server", "--port", str(redis.port), "--bind", "127.0.0.1", "--dir", redis.dir,
             "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        redis.proc = restart_empty
        stdout, stderr = ended(proc, 60)
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
    last = stderr.strip().splitlines()[-1]
    assert f"the frontier on Redis at {redis.url} is gone" in last, stderr[-3000:]
    assert [r["status"] for r in read_ledger(out)] == ["failed"]


def test_a_meta_value_json_cannot_keep_is_refused_aloud(caplog) -> None:
    """A custom middleware's object in ``meta`` pickled fine; the JSON frontier cannot keep it.
    Dropping it from the request would change what the callback sees, unsaid: the request is
    refused when it is queued, with one ERROR line naming it and the value, and counted
    (``unkeepable_requests``, which fails the run); a popped entry whose retry is refused keeps
    its place in the processing hash (re-queued at the worker's close)."""
    from types import SimpleNamespace

    from scrapy import Request
    from scrapy.settings import Settings
    from scrapy.statscollectors import MemoryStatsCollector

    from kliping.cluster.queue import AckTracker, ReliableQueue

    with RedisServer() as redis:
        server = redis.client()
        crawler = SimpleNamespace(stats=None)
        spider = SimpleNamespace(name=SITE, settings={"KLIPING_RUN": "keep"}, since=None, until=None,
                                 crawler=crawler)
        crawler.stats = MemoryStatsCollector(SimpleNamespace(settings=Settings({"STATS_DUMP": False})))
        queue = ReliableQueue(server, spider, "unused")
        queue.tracker = AckTracker(server, queue.processing)
        queue.push(Request("https://news.detakberita.example/a", meta={"handle": object()}))
        assert len(queue) == 0
        queue.push(Request("https://news.detakberita.example/b"))
        popped = queue.pop()
        popped.meta["handle"] = object()  # a middleware's, on the retry of a popped entry
        queue.push(popped.replace(dont_filter=True))
        assert len(queue) == 0 and server.hlen(queue.processing) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 2 and all("['meta']['handle'] holds a builtins.object" in e for e in errors)
    assert "request https://news.detakberita.example/a not queued" in errors[0]
    assert crawler.stats.get_value("kliping/cluster/unkeepable_requests") == 2


def test_a_stats_value_that_is_no_counter_costs_no_ledger_row(tmp_path) -> None:
    """A value of the frontier's ``stats`` hash that is not a counter (a stray ``HSET``): each
    worker's HINCRBY of it raised out of its closing pipeline (a ResponseError traceback), before
    the last worker out could write the run's ledger row: none was written, the frontier kept.
    Now the one counter is not added (one ERROR line), the last worker out passes the value over
    (one more), and the run ends as it would have."""
    from kliping.crawler.ledger import read_ledger

    out = tmp_path / "out"
    with RedisServer() as redis, SampleServer() as server:
        redis.client().hset(f"{frontier('stats')}:stats", "kliping/errors", "banyak")
        r = kliping(*crawl_args(out, server, "--redis", redis.url, "--run", "stats",
                                "-s", "KLIPING_REDIS_POLL=0.2"), timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.stderr.count("that is not a counter") == 1, r.stderr[-3000:]
    assert r.stderr.count("was not added") == 1, r.stderr[-3000:]
    assert [row["status"] for row in read_ledger(out)] == ["finished"]
