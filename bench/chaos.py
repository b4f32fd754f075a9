"""Chaos benchmark: a crawl of >= 10,000 local pages through random 500s, resets, slow responses and a
SIGKILL every few seconds, resumed until done. Prints pages lost and duplicated (goal: 0 and 0) and
the wall time against an undisturbed crawl of the same site in the same run.

The site is generated: ``chaos.example`` (served from 127.0.0.1 through the mirror, so every layer
sees the real URL) with a robots.txt ``Sitemap:`` line, a sitemap index of child sitemaps and
``--pages`` Indonesian article pages. The crawl is ``kliping crawl generic --domain chaos.example``
in a child process, exactly as a user runs it.

Chaos, per request (seeded): a 500 (``--p500``), a connection reset mid-response (``--preset``),
a slow response (``--pslow``, 0.3-1.5 s). Misbehaviour is limited to the first two attempts at a
URL, so retries can always succeed eventually: what is measured is whether kliping keeps what it
fetched and fetches what it lost, not whether a page that never answers is lost. The driver kills
the crawler with SIGKILL after a random 3-8 s (``--kill-min``/``--kill-max``) and restarts it with
``--resume`` until a run ends ``finished`` with every page archived, at most ``--max-runs`` times.

Afterwards it reads the dataset back with pyarrow:
- lost: pages of the sitemap with neither an article row nor an error row (and no raw row);
- duplicated: URLs archived raw more than once, fetch_ids with more than one article/error row,
  article ids present more than once.

Run: .venv/bin/python bench/chaos.py [--pages 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
HOST = "chaos.example"
PER_SITEMAP = 1000

WORDS = (
    "pemerintah daerah warga desa jalan pasar harga beras petani nelayan sekolah guru murid rumah "
    "sakit dokter pasien banjir hujan musim kemarau listrik air bersih jembatan kereta bandara "
    "kapal pelabuhan polisi pengadilan hakim anggaran rapat dewan gubernur bupati wali kota camat "
    "lurah kampung pesantren masjid gereja festival budaya tari musik batik kopi teh sawah kebun "
    "sungai laut gunung hutan tambang pabrik pekerja upah koperasi bank pinjaman pajak subsidi"
).split()


def slug(i: int) -> str:
    rng = random.Random(i)
    return "-".join(rng.choice(WORDS) for _ in range(5)) + f"-{i}"


def article_path(i: int) -> str:
    day = 1 + i % 28
    return f"/berita/2024/01/{day:02d}/{slug(i)}"


def article_html(i: int) -> bytes:
    rng = random.Random(i * 7919)
    paras = []
    for _ in range(rng.randint(5, 9)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(25, 45))]
        paras.append("<p>" + " ".join(words).capitalize() + ".</p>")
    title = " ".join(slug(i).split("-")[:5]).title()
    day = 1 + i % 28
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>{title} - Kabar Chaos</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-01-{day:02d}T{8 + i % 12:02d}:15:00+07:00">
<link rel="canonical" href="https://{HOST}{article_path(i)}"></head>
<body><header><nav><a href="/">Beranda</a> <a href="/kategori/daerah">Daerah</a></nav></header>
<main><article><h1>{title}</h1><div class="byline">Oleh Redaksi Kabar Chaos</div>
<div class="isi">{''.join(paras)}</div></article></main>
<footer>Hak cipta Kabar Chaos</footer></body></html>""".encode()


class ChaosServer:
    """The generated site on 127.0.0.1, with seeded misbehaviour (off when ``chaos`` is False)."""

    def __init__(self, pages: int, seed: int, p500: float, preset: float, pslow: float) -> None:
        self.pages = pages
        self.rng = random.Random(seed)
        self.p500, self.preset, self.pslow = p500, preset, pslow
        self.chaos = False
        self.attempts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.by_path = {article_path(i): i for i in range(pages)}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # a killed crawler leaves broken pipes behind: expected here, not worth a traceback
        self.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> ChaosServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def send(self, h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        if self.chaos and path in self.by_path:
            with self.lock:
                self.attempts[path] += 1
                tries = self.attempts[path]
                roll = self.rng.random()
            if tries <= 2:
                if roll < self.p500:
                    return self.send(h, 500, b"server error", "text/plain")
                if roll < self.p500 + self.preset:
                    # headers promise a body that never comes: the client sees a reset
                    h.send_response(200)
                    h.send_header("Content-Type", "text/html; charset=utf-8")
                    h.send_header("Content-Length", "50000")
                    h.end_headers()
                    h.wfile.write(b"<html><body><p>")
                    h.wfile.flush()
                    h.connection.shutdown(socket.SHUT_RDWR)
                    h.close_connection = True
                    return None
                if roll < self.p500 + self.preset + self.pslow:
                    time.sleep(0.3 + 1.2 * (roll * 1000 % 1))
        if path == "/robots.txt":
            body = f"User-agent: *\nAllow: /\nSitemap: https://{HOST}/sitemap_index.xml\n".encode()
            return self.send(h, 200, body, "text/plain")
        if path == "/sitemap_index.xml":
            n = (self.pages + PER_SITEMAP - 1) // PER_SITEMAP
            items = "".join(
                f"<sitemap><loc>https://{HOST}/sitemap-{k}.xml</loc></sitemap>" for k in range(n)
            )
            body = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>')
            return self.send(h, 200, body.encode(), "application/xml")
        if path.startswith("/sitemap-") and path.endswith(".xml") and path[9:-4].isdigit():
            k = int(path[9:-4])
            urls = "".join(
                f"<url><loc>https://{HOST}{article_path(i)}</loc></url>"
                for i in range(k * PER_SITEMAP, min(self.pages, (k + 1) * PER_SITEMAP))
            )
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset '
                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
            return self.send(h, 200, body.encode(), "application/xml")
        if path in self.by_path:
            return self.send(h, 200, article_html(self.by_path[path]), "text/html; charset=utf-8")
        if path == "/":
            return self.send(h, 200, b"<html><body><h1>Kabar Chaos</h1></body></html>", "text/html")
        return self.send(h, 404, b"not found", "text/plain")


def crawl_cmd(out: Path, mirror: str, concurrency: int, resume: bool) -> list[str]:
    cmd = [sys.executable, "-m", "kliping", "crawl", "generic", "--domain", HOST, "--out", str(out),
           "--mirror", mirror,
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=ERROR",
           "-s", f"CONCURRENT_REQUESTS={concurrency}",
           "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
           "-s", "RETRY_TIMES=5", "-s", "DOWNLOAD_TIMEOUT=10",
           "-s", "KLIPING_HEALTH={\"min_articles\": 0}"]
    return cmd + (["--resume"] if resume else [])


def read_rows(out: Path, what: str, columns: list[str]) -> dict[str, list]:
    cols: dict[str, list] = {c: [] for c in columns}
    for part in sorted((out / what).rglob("*.parquet")):
        if part.name.startswith("."):
            continue
        table = pq.read_table(part, columns=columns)
        for c in columns:
            cols[c].extend(table.column(c).to_pylist())
    return cols


def audit(out: Path, pages: int) -> dict[str, int]:
    expected = {f"https://{HOST}{article_path(i)}" for i in range(pages)}
    raw = read_rows(out, "raw", ["fetch_id", "url"])
    arts = read_rows(out, "articles", ["fetch_id", "id"])
    errs = read_rows(out, "errors", ["fetch_id"]) if (out / "errors").exists() else {"fetch_id": []}
    raw_urls = Counter(raw["url"])
    outcome = Counter(arts["fetch_id"]) + Counter(errs["fetch_id"])
    raw_ids = set(raw["fetch_id"])
    return {
        "pages": pages,
        "raw_rows": len(raw["url"]),
        "articles": len(arts["id"]),
        "error_rows": len(errs["fetch_id"]),
        "lost_not_archived": len(expected - set(raw_urls)),
        "lost_no_outcome": sum(1 for f in raw_ids if outcome[f] == 0),
        "dup_raw_urls": sum(n - 1 for n in raw_urls.values() if n > 1),
        "dup_outcomes": sum(n - 1 for n in outcome.values() if n > 1),
        "dup_article_ids": sum(n - 1 for n in Counter(arts["id"]).values() if n > 1),
    }


def undisturbed(server: ChaosServer, work: Path, mirror: str, conc: int) -> float:
    out = work / "calm"
    server.chaos = False
    start = time.perf_counter()
    proc = subprocess.run(crawl_cmd(out, mirror, conc, False), capture_output=True, text=True,
                          timeout=3600)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        print(proc.stderr[-2000:])
        raise SystemExit(f"undisturbed crawl failed with exit {proc.returncode}")
    res = audit(out, server.pages)
    print(f"undisturbed: {wall:.1f} s, exit {proc.returncode}, {json.dumps(res)}")
    return wall


def chaotic(server: ChaosServer, work: Path, mirror: str, conc: int, args: argparse.Namespace) -> None:
    out = work / "chaos"
    server.chaos = True
    rng = random.Random(args.seed)
    kills = runs = 0
    start = time.perf_counter()
    status = None
    while runs < args.max_runs:
        runs += 1
        proc = subprocess.Popen(crawl_cmd(out, mirror, conc, runs > 1), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        # later runs get longer before the kill: a crawl must be able to finish eventually
        budget = rng.uniform(args.kill_min, args.kill_max) * (1 + runs / 10)
        try:
            stdout, stderr = proc.communicate(timeout=budget if kills < args.max_kills else 3600)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            kills += 1
            continue
        status = proc.returncode
        last = (stdout.strip().splitlines() or [""])[-1]
        if status not in (0, 1) or "finished" not in last:
            print(f"run {runs}: exit {status}: {last} {stderr[-500:]}")
            continue
        res = audit(out, server.pages)
        if res["lost_not_archived"] == 0:
            break
    wall = time.perf_counter() - start
    res = audit(out, server.pages)
    print(f"chaos: {wall:.1f} s, {runs} runs, {kills} SIGKILLs, last exit {status}, "
          f"{sum(server.attempts.values())} article requests served")
    print(json.dumps(res, indent=1))
    lost = res["lost_not_archived"] + res["lost_no_outcome"]
    dup = res["dup_raw_urls"] + res["dup_outcomes"] + res["dup_article_ids"]
    print(f"pages lost: {lost}   pages duplicated: {dup}   (goal: 0 and 0)")
    args.result = (wall, lost, dup, runs, kills)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 allow_abbrev=False)
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--p500", type=float, default=0.05)
    ap.add_argument("--preset", type=float, default=0.02)
    ap.add_argument("--pslow", type=float, default=0.03)
    ap.add_argument("--kill-min", type=float, default=3.0)
    ap.add_argument("--kill-max", type=float, default=8.0)
    ap.add_argument("--max-kills", type=int, default=40)
    ap.add_argument("--max-runs", type=int, default=80)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--keep", help="keep the outputs in this directory")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    server = ChaosServer(args.pages, args.seed, args.p500, args.preset, args.pslow).start()
    mirror = json.dumps({HOST: server.base})
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kliping-chaos-"))
    for sub in ("calm", "chaos"):
        shutil.rmtree(work / sub, ignore_errors=True)
    try:
        calm = undisturbed(server, work, mirror, args.concurrency)
        chaotic(server, work, mirror, args.concurrency, args)
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    wall, lost, dup, runs, kills = args.result
    print(f"wall time: chaos {wall:.1f} s vs undisturbed {calm:.1f} s ({wall / calm:.2f}x), "
          f"{kills} kills over {runs} runs")
    return 0 if lost == 0 and dup == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
