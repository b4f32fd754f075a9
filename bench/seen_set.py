"""Memory of incremental crawling with 1,000,000 known URLs.

1. Builds a raw archive holding 1,000,000 article URLs (tiny bodies) in a temp directory.
2. Runs the real crawler (`kliping crawl suarawarga`, Scrapy's engine, against the bundled sample
   server on 127.0.0.1) in a fresh process into that output twice: once with an empty archive
   (baseline) and once with the million known URLs, and reports each process's peak RSS (VmHWM,
   read by the crawler process itself as it exits; ru_maxrss of a child would include this
   script's own peak).
3. For scale, the in-memory size of three ways to hold the seen set in one process: kliping's
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

from kliping.sample import SampleServer  # noqa: E402
from kliping.schema import RAW  # noqa: E402
from kliping.seen import SeenSet, url_key  # noqa: E402
from kliping.storage import file_schema, write_part  # noqa: E402

SITE = "suarawarga"


def url(i: int) -> str:
    day = f"20{i % 20:02d}/{i % 12 + 1:02d}/{i % 28 + 1:02d}"
    return f"https://suarawarga.example/{day}/berita-nomor-{i}-tentang-kabar-warga/"


def build_archive(out: Path, n: int) -> None:
    schema = file_schema(RAW)
    chunk = 200_000
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
    from kliping.ledger import read_ledger

    last = read_ledger(out)[-1]
    return peak_kb / 1024, elapsed, last


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
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp, SampleServer() as server:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        t = time.perf_counter()
        build_archive(full, args.urls)
        print(f"built a raw archive of {args.urls:,} URLs in {time.perf_counter() - t:.1f}s")
        rss0, s0, run0 = crawl_peak_rss(empty, server)
        rss1, s1, run1 = crawl_peak_rss(full, server)
    print()
    print("| crawl of the sample site (real engine) | known URLs | peak RSS | wall time | new articles |")
    print("|---|---:|---:|---:|---:|")
    print(f"| baseline: empty archive | 0 | {rss0:.0f} MB | {s0:.1f} s | {run0['articles_new']} |")
    print(f"| kliping: archive with {args.urls:,} URLs | {args.urls:,} | {rss1:.0f} MB | {s1:.1f} s "
          f"| {run1['articles_new']} |")
    print(f"\nextra memory for {args.urls:,} known URLs: {rss1 - rss0:.0f} MB "
          f"(goal: whole process under 200 MB: {'met' if rss1 < 200 else 'NOT met'})")
    print()
    print(f"| seen-set structure, {args.urls:,} URLs | memory |")
    print("|---|---:|")
    for name, mb in structure_sizes(args.urls).items():
        print(f"| {name} | {mb:.0f} MB |")


if __name__ == "__main__":
    main()
