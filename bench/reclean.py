"""Pages per second: ``kliping reclean`` vs trafilatura's own parallel command line.

Same raw pages, same run, same worker counts (1 and 2). The raw archive is built from the shared
evaluation pages (article-extraction-benchmark and indonesian-html, each page ``--copies`` times
under distinct fetch ids) and, with ``--sample``, from the bundled sample sites when available.
Both tools are timed as a user runs them (a fresh command, wall clock, start-up included), taking
turns ``--repeat`` times, and the best time of each is reported (the machine's other load varies);
kliping produces every ARTICLES field, trafilatura only the body text.

    .venv/bin/python bench/reclean.py [--copies 3] [--workers 1 2] [--repeat 5] [--keep DIR]

Besides the best of each, the ratio of each alternation's two runs (made seconds apart, so a slow
spell of the machine tends to hit both) is reported as median and range.

Prints a Markdown table for BENCHMARKS.md. Exits 0 without measuring when ``../shared`` (relative
to the repository) is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
AEB = SHARED / "article-extraction-benchmark"
IDHTML = SHARED / "indonesian-html"


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def shared_pages() -> list[tuple[str, bytes]]:
    """(url, html bytes) of every page of the shared evaluation sets."""
    pages: list[tuple[str, bytes]] = []
    truth = json.loads((AEB / "ground-truth.json").read_text())
    for f in sorted((AEB / "html").glob("*.html.gz")):
        key = f.name.removesuffix(".html.gz")
        pages.append((truth.get(key, {}).get("url") or f"https://aeb.example/{key}", _read(f)))
    urls: dict[str, str] = {}
    manifest = IDHTML / "MANIFEST.md"
    if manifest.exists():
        for line in manifest.read_text().splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) > 3 and cells[1].endswith((".html", ".html.gz")):
                m = re.search(r"https?://\S+", cells[2])
                if m:
                    urls[cells[1]] = m.group(0)
    for f in sorted(IDHTML.rglob("*.html*")):
        rel = str(f.relative_to(IDHTML))
        name = f.name
        url = urls.get(rel) or next((u for k, u in urls.items() if k.endswith(name)), None)
        pages.append((url or f"https://idhtml.example/{name}", _read(f)))
    return pages


def build_archive(pages: list[tuple[str, bytes]], out: Path, copies: int) -> int:
    """Write the pages as RAW rows under ``out/raw``; returns the row count."""
    from kliping.dataset.storage import PartWriter
    from kliping.sites.registry import site_for_url

    w = PartWriter(out, "raw", run_id="bench", flush_rows=200)
    n = 0
    for c in range(copies):
        for url, body in pages:
            site = site_for_url(url)
            fid = hashlib.sha1(f"{c}:{url}".encode()).hexdigest()[:20]
            w.add({
                "fetch_id": fid, "url": url, "final_url": url,
                "site": site.key if site else "other", "status": 200,
                "headers": {"Content-Type": "text/html"}, "body": body,
                "fetched_at": datetime(2024, 1, 15, tzinfo=UTC), "run_id": "bench",
                "discovered_via": "bench",
            })
            n += 1
    w.close()
    return n


def html_dir(pages: list[tuple[str, bytes]], out: Path, copies: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for c in range(copies):
        for i, (_, body) in enumerate(pages):
            (out / f"{c:02d}-{i:05d}.html").write_bytes(body)


def timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t0, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3, help="each page this many times (default 3)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", help="build the inputs here and keep them")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each tool, alternating (best kept)")
    args = ap.parse_args(argv)
    if not SHARED.is_dir() or not AEB.is_dir():
        print(f"bench/reclean.py: {SHARED} not found; nothing to measure", file=sys.stderr)
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kliping-bench-"))
    for stale in ("crawl", "html"):  # a kept directory from an earlier run is rebuilt, not added to
        shutil.rmtree(work / stale, ignore_errors=True)
    try:
        pages = shared_pages()
        n = build_archive(pages, work / "crawl", args.copies)
        html_dir(pages, work / "html", args.copies)
        py = sys.executable
        traf = shutil.which("trafilatura", path=str(Path(py).parent)) or "trafilatura"
        results = []
        for workers in args.workers:
            # The two tools take turns, --repeat times each; the best wall time of each is
            # reported (timeit's rule: the rest is other load on the machine, not the tool).
            k_times, t_times = [], []
            articles = extracted = -1
            for _ in range(args.repeat):
                out = work / f"reclean-{workers}"
                shutil.rmtree(out, ignore_errors=True)
                k_s, r = timed([py, "-m", "kliping", "reclean", str(work / "crawl" / "raw"), "--out",
                                str(out), "--workers", str(workers), "--no-progress"], REPO)
                if r.returncode:
                    print(r.stderr[-2000:], file=sys.stderr)
                    return 1
                m = re.search(r"(\d+) articles", r.stdout)
                articles = int(m.group(1)) if m else -1
                tout = work / f"traf-{workers}"
                shutil.rmtree(tout, ignore_errors=True)
                t_s, r = timed([traf, "--input-dir", str(work / "html"), "--output-dir", str(tout),
                                "--parallel", str(workers)], REPO)
                if r.returncode:
                    print(r.stderr[-2000:], file=sys.stderr)
                    return 1
                extracted = len(list(tout.rglob("*.*"))) if tout.exists() else 0
                k_times.append(k_s)
                t_times.append(t_s)
                print(f"workers {workers}: kliping {k_s:.1f} s, trafilatura {t_s:.1f} s", file=sys.stderr)
            # each alternation also gives a ratio of two runs made a few seconds apart
            pair = sorted(t / k for k, t in zip(k_times, t_times, strict=True))
            results.append((workers, min(k_times), articles, min(t_times), extracted, pair))
        from kliping.clean import CLEANER_VERSION

        print(f"Raw pages: {n} ({len(pages)} shared evaluation pages x {args.copies}); "
              f"{os.cpu_count()} CPUs; cleaner {CLEANER_VERSION}; best of {args.repeat} "
              "alternating runs each\n")
        print("| workers | kliping reclean pages/s | articles out | trafilatura CLI pages/s "
              "| texts out | kliping / trafilatura (best / best) | paired runs: median (min-max) "
              "| kliping scaling |")
        print("|---|---|---|---|---|---|---|---|")
        base = results[0][1]
        for workers, k_s, articles, t_s, extracted, pair in results:
            print(f"| {workers} | {n / k_s:.1f} | {articles} | {n / t_s:.1f} | {extracted} "
                  f"| {t_s / k_s:.2f}x | {pair[len(pair) // 2]:.2f}x ({pair[0]:.2f}-{pair[-1]:.2f}) "
                  f"| {base / k_s:.2f}x |")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
