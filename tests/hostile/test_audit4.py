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
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer
from tests.conftest import FAST, kliping
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
