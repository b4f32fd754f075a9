"""Memory of incremental crawling with 1,000,000 known URLs.

1. Builds a raw archive holding 1,000,000 article URLs (tiny bodies) in a temp directory.
2. Runs the real crawler (`kliping crawl suarawarga`, Scrapy's engine, against the bundled sample
   server on 127.0.0.1) in a fresh process into that output twice: once with an empty archive
   (baseline) and once with the million known URLs, and reports each process's peak RSS (VmHWM,
   read by the crawler process itself as it exits; ru_maxrss of a child would include this
   script's own peak).
3. Runs bare Scrapy (a minimal spider, same sample articles) with a JOBDIR whose
   ``requests.seen`` holds 0 and then the same number of fingerprints: how Scrapy alone remembers
   what it has fetched across runs (its dupefilter loads the file into a Python set).
4. For scale, the in-memory size of three ways to hold the seen set in one process: kliping's
   SeenSet (sorted 64-bit keys), a Python set of URL strings, and a set of 40-hex SHA1
   fingerprints (what Scrapy's RFPDupeFilter keeps).

Goal: the whole crawler process under 200 MB with 1,000,000 known URLs.
Run: .venv/bin/python bench/seen_set.py [--urls N]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kliping.crawler.seen import SeenSet, url_key  # noqa: E402
from kliping.dataset.schema import RAW  # noqa: E402
from kliping.dataset.storage import file_schema, write_part  # noqa: E402
from kliping.testing.sample import SampleServer, catalog  # noqa: E402

SITE = "suarawarga"


def url(i: int) -> str:
    day = f"20{i % 20:02d}/{i % 12 + 1:02d}/{i % 28 + 1:02d}"
    return f"https://suarawarga.example/{day}/berita-nomor-{i}-tentang-kabar-warga/"


def build_archive(out: Path, n: int, part_rows: int = 200_000) -> None:
    schema = file_schema(RAW)
    chunk = part_rows
    when = datetime(2023, 1, 1, tzinfo=UTC)
    for start in range(0, n, chunk):
        rows = range(start, min(n, start + chunk))
        table = pa.table(
            {
                "fetch_id": [f"f{i}" for i in rows],
                "url": [url(i) for i in rows],
                "url_key": pa.array([url_key(url(i)) for i in rows], pa.uint64()),
                "final_url": [None] * len(rows),
                "status": pa.array([200] * len(rows), pa.int16()),
                "headers": pa.array([[]] * len(rows), pa.map_(pa.string(), pa.string())),
                "body": [b""] * len(rows),
                "fetched_at": [when] * len(rows),
                "run_id": ["bench"] * len(rows),
                "discovered_via": ["sitemap"] * len(rows),
            },
            schema=schema,
        )
        write_part(out / "raw" / f"site={SITE}", f"part-bench-{start:08d}.parquet", table)


RUN_AND_REPORT = """
import sys
from kliping.cli import main
rc = main(sys.argv[1:])
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM")][0]
print("PEAK_KB", hwm.split()[1])
sys.exit(rc)
"""


def crawl_peak_rss(out: Path, server: SampleServer) -> tuple[float, float, dict]:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", RUN_AND_REPORT, "crawl", SITE, "--since", "2024-01-05", "--until",
         "2024-01-10", "--out", str(out), "--mirror", json.dumps(server.mirror()),
         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=ERROR"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-2000:] + proc.stderr[-2000:])
    peak_kb = int(proc.stdout.rsplit("PEAK_KB", 1)[1].split()[0])
    from kliping.crawler.ledger import read_ledger

    last = read_ledger(out)[-1]
    return peak_kb / 1024, elapsed, last


BARE_SCRAPY = """
import sys
import scrapy
from scrapy.crawler import CrawlerProcess

urls = sys.argv[2:]

class Bare(scrapy.Spider):
    name = "bare"

    async def start(self):
        for url in urls:
            yield scrapy.Request(url)

    def parse(self, response):
        yield {"url": response.url, "bytes": len(response.body)}

process = CrawlerProcess({"JOBDIR": sys.argv[1], "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False,
                          "ROBOTSTXT_OBEY": False})
process.crawl(Bare)
process.start()
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM")][0]
print("PEAK_KB", hwm.split()[1])
"""


def bare_scrapy_peak_rss(jobdir: Path, server: SampleServer, known: int) -> float:
    """Bare Scrapy fetching the same sample articles, remembering ``known`` URLs the way Scrapy
    does across runs: its JOBDIR's ``requests.seen`` (one SHA1 fingerprint a line), which the
    dupefilter loads into a Python set at start-up."""
    jobdir.mkdir(parents=True, exist_ok=True)
    with open(jobdir / "requests.seen", "w") as fh:
        for i in range(known):
            fh.write(hashlib.sha1(url(i).encode()).hexdigest() + "\n")
    mirror = server.mirror()
    urls = []
    for article in catalog():
        if article.site == SITE:
            host, _, path = article.url.split("://", 1)[1].partition("/")
            urls.append(f"{mirror[host]}/{path}")
    proc = subprocess.run([sys.executable, "-c", BARE_SCRAPY, str(jobdir), *urls],
                          capture_output=True, text=True)
    if "PEAK_KB" not in proc.stdout:
        raise SystemExit(proc.stdout[-2000:] + proc.stderr[-2000:])
    return int(proc.stdout.rsplit("PEAK_KB", 1)[1].split()[0]) / 1024


def structure_sizes(n: int) -> dict[str, float]:
    urls = [url(i) for i in range(n)]
    sizes = {}
    for name, build in [
        ("kliping SeenSet (sorted 64-bit keys)", lambda: SeenSet.from_urls(urls)),
        ("Python set of URL strings", lambda: set(url(i) for i in range(n))),
        ("set of SHA1 hex fingerprints (RFPDupeFilter)",
         lambda: {hashlib.sha1(u.encode()).hexdigest() for u in urls}),
    ]:
        gc.collect()
        tracemalloc.start()
        obj = build()
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        sizes[name] = current / 1e6
        del obj
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=1_000_000)
    parser.add_argument("--part-rows", type=int, default=200_000,
                        help="rows per raw part file (a crawl writes parts of up to 200 rows)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp, SampleServer() as server:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        t = time.perf_counter()
        build_archive(full, args.urls, args.part_rows)
        print(f"built a raw archive of {args.urls:,} URLs ({args.part_rows:,} rows a part) "
              f"in {time.perf_counter() - t:.1f}s")
        rss0, s0, run0 = crawl_peak_rss(empty, server)
        rss1, s1, run1 = crawl_peak_rss(full, server)
        bare0 = bare_scrapy_peak_rss(Path(tmp) / "job0", server, 0)
        bare1 = bare_scrapy_peak_rss(Path(tmp) / "job1", server, args.urls)
    print()
    print("| crawl of the sample site (real engine) | known URLs | peak RSS | wall time | new articles |")
    print("|---|---:|---:|---:|---:|")
    print(f"| baseline: empty archive | 0 | {rss0:.0f} MB | {s0:.1f} s | {run0['articles_new']} |")
    print(f"| kliping: archive with {args.urls:,} URLs | {args.urls:,} | {rss1:.0f} MB | {s1:.1f} s "
          f"| {run1['articles_new']} |")
    print(f"| bare Scrapy, same articles, nothing known | 0 | {bare0:.0f} MB | | |")
    print(f"| bare Scrapy, JOBDIR requests.seen with {args.urls:,} fingerprints | {args.urls:,} "
          f"| {bare1:.0f} MB | | |")
    print(f"\nextra memory for {args.urls:,} known URLs: {rss1 - rss0:.0f} MB "
          f"(goal: whole process under 200 MB: {'met' if rss1 < 200 else 'NOT met'})")
    print()
    print(f"| seen-set structure, {args.urls:,} URLs | memory |")
    print("|---|---:|")
    for name, mb in structure_sizes(args.urls).items():
        print(f"| {name} | {mb:.0f} MB |")


if __name__ == "__main__":
    main()
