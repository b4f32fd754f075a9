"""One worker against two on the sample sites (pages per second), and Redis memory per URL.

    .venv/bin/python bench/distributed.py [--urls N]

Needs redis-server on PATH (started here on a free 127.0.0.1 port) and scrapy-redis. Prints
Markdown tables for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kliping.crawler.ledger import read_ledger  # noqa: E402
from kliping.testing.sample import SampleServer  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

SITES = ["detakberita", "kabarnusa", "suarawarga"]
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING", "-s", "KLIPING_REDIS_POLL=0.2"]


def crawl(workers: int, redis: RedisServer, server: SampleServer, delay: float, run: str) -> dict:
    out = tempfile.mkdtemp(prefix="kliping-bench-")
    cmd = [sys.executable, "-m", "kliping", "crawl", *SITES, "--since", "2024-01-05", "--until",
           "2024-01-10", "--out", out, "--redis", redis.url, "--run", run,
           "--mirror", json.dumps(server.mirror()), *FAST, "-s", f"DOWNLOAD_DELAY={delay}",
           "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=3"]
    t0 = time.monotonic()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(workers)]
    codes = [p.wait(timeout=600) for p in procs]
    wall = time.monotonic() - t0
    rows = read_ledger(out)
    responses = sum(r["responses"] for r in rows)
    return {"workers": workers, "delay": delay, "codes": codes, "wall": wall, "responses": responses,
            "articles": sum(r["articles_new"] for r in rows)}


def memory_per_url(redis: RedisServer, n: int) -> list[tuple[str, float]]:
    """used_memory growth per fingerprint: scrapy-redis's 40-hex SET against kliping's intsets."""
    from kliping.cluster.common import SEEN_SHARDS
    from kliping.cluster.dupefilter import CompactDupeFilter

    client = redis.client()
    results = []
    for name in ("scrapy-redis RFPDupeFilter (40-hex SHA-1 in one SET)",
                 f"kliping CompactDupeFilter (int64 in {SEEN_SHARDS} intset shards)"):
        client.flushall()
        before = client.info("memory")["used_memory"]
        pipe = client.pipeline(transaction=False)
        for i in range(n):
            digest = hashlib.sha1(f"https://example.com/{i}".encode()).digest()
            if name.startswith("scrapy"):
                pipe.sadd("seen", digest.hex())
            else:
                member = CompactDupeFilter.member(digest)
                pipe.sadd(f"seen:{member % SEEN_SHARDS}", member)
            if i % 10000 == 9999:
                pipe.execute()
        pipe.execute()
        after = client.info("memory")["used_memory"]
        results.append((name, (after - before) / n))
    client.flushall()
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=1_000_000, help="fingerprints for the memory test")
    ap.add_argument("--delay", type=float, default=0.05,
                    help="DOWNLOAD_DELAY per domain, standing in for network latency")
    args = ap.parse_args()
    with RedisServer() as redis, SampleServer() as server:
        runs = []
        for i, workers in enumerate((1, 2, 1, 2)):  # interleaved, the better of two each
            runs.append(crawl(workers, redis, server, args.delay, f"bench{i}"))
        memory = memory_per_url(redis, args.urls)
    print("| workers | pages fetched | articles | wall s | pages/s |")
    print("|---|---|---|---|---|")
    for workers in (1, 2):
        best = min((r for r in runs if r["workers"] == workers), key=lambda r: r["wall"])
        assert set(best["codes"]) == {0}, best
        print(f"| {workers} | {best['responses']} | {best['articles']} | {best['wall']:.1f} | "
              f"{best['responses'] / best['wall']:.1f} |")
    print()
    print(f"| seen set on Redis ({args.urls:,} URLs) | bytes per URL |")
    print("|---|---|")
    for name, per in memory:
        print(f"| {name} | {per:.1f} |")


if __name__ == "__main__":
    main()
