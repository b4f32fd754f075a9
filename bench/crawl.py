"""Crawl throughput: a whole kliping crawl against bare Scrapy on the same local pages.

nginx (the Debian package; `apt-get install nginx` — the bench skips with a note when it is
missing) serves ``--pages`` generated Indonesian article pages (22-46 KB each; prose with its
function words, like real portals' article pages with their navigation and sidebars) and a
sitemap index on 127.0.0.1, as its own process. Then, alternating ``--repeat`` times, in fresh processes:

- ``kliping crawl generic --domain http://127.0.0.1:PORT -s KLIPING_ALLOW_PRIVATE_NETWORKS=127.0.0.1``
  (robots.txt, the sitemaps, every article fetched, archived raw, cleaned, written as Parquet; the
  output is checked: one article row per page), as a user crawls a server of their own;
- bare Scrapy: a minimal ``SitemapSpider`` over the same sitemap index that fetches every page and
  does nothing with it, with the same concurrency and no delays.

Both fetch the same URLs, ``http://127.0.0.1:PORT/...`` (kliping finds the sitemap index from
robots.txt, bare Scrapy is given it). Same files, same server. ``--mirror-too`` adds a kliping arm
that crawls the site under its real-looking name ``https://bench.example/`` through the mirror
download handler, as the demo and the tests do (the way this bench ran before 2026-11-30).

Prints pages/s of each run, the ratio kliping / bare Scrapy (median of the paired runs), each
run's peak RSS (the crawl process and every process under it, kliping's cleaning workers
included: the largest sum of their RSS, sampled every 50 ms; and the crawl process's own VmHWM,
read by the process itself at exit) and its peak PSS (the same sum of each process's proportional
set size, sampled every 0.5 s: pages the zygote's forked workers share count once), the CPU
time per page of bare Scrapy, of the crawl process and
of its cleaning workers (utime + stime from /proc: what other load on the machine hardly moves,
unlike the walls), the cores each crawl keeps busy (CPU seconds / wall seconds), each crawl's
fixed costs from nginx's access log (``$msec`` per request: the time from its start to its first
request, and from its last request to its end, which for kliping includes cleaning the pages still
queued) and the machine's load average before and after (the bench shares its cores with
whatever else runs).
Goal of issue #17: >= 0.8x.

Run: .venv/bin/python bench/crawl.py [--pages 3000] [--repeat 3] [--concurrency 16]
     [--clean-workers N]  (KLIPING_CLEAN_WORKERS of the kliping runs; default kliping's own)
     [--inline-too]       (each round also crawls with cleaning inline: the same-run A/B)
     [--no-zygote-too]    (each round also crawls with workers started on their own)
     [--mirror-too]       (each round also crawls https://bench.example/ through the mirror)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chaos import WORDS, slug  # noqa: E402

PER_SITEMAP = 1000

REPORT_RSS = (
    "import atexit, sys\n"
    "def _rss():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            print('PEAK_RSS_KB', line.split()[1], file=sys.stderr)\n"
    "atexit.register(_rss)\n"
)

BARE_SPIDER = '''
from scrapy.spiders import SitemapSpider

class Bare(SitemapSpider):
    name = "bare"
    sitemap_urls = [__import__("os").environ["BENCH_SITEMAP"]]

    pages = 0

    def parse(self, response):
        self.pages += 1

    def closed(self, reason):
        import sys
        print("BARE_PAGES", self.pages, file=sys.stderr)
'''


# Indonesian function words, about one word in five as in news prose: without them the text is a
# word list that no language test recognises at a glance, and every page paid for py3langid's
# full model (a quarter of clean()'s time), which real Indonesian pages do not.
FUNCTION_WORDS = ("yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan",
                  "pada", "juga", "ke", "karena", "oleh", "sudah", "kata", "para", "tersebut")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.2 else rng.choice(WORDS)
             for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def page(i: int, base: str) -> bytes:
    rng = random.Random(i)
    title = " ".join(slug(i).split("-")[:5]).title()
    paras = "".join(
        "<p>" + " ".join(sentence(rng) for _ in range(rng.randint(3, 5))) + "</p>"
        for _ in range(rng.randint(6, 14))
    )
    nav = "".join(f'<li><a href="{base}/kategori/{w}/">{w.title()}</a></li>' for w in WORDS[:40])
    side = "".join(
        f'<li><a href="{base}/berita/2024/01/{1 + k % 28:02d}/{slug(k)}">'
        f'{" ".join(slug(k).split("-")[:5]).title()}</a></li>'
        for k in rng.sample(range(100000), 60)
    )
    filler = "<!-- " + ("x" * rng.randint(8000, 30000)) + " -->"  # scripts and styles of a real page
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{title} - Kabar Bench</title>"
        f'<meta property="og:title" content="{title}">'
        '<meta property="article:published_time" '
        f'content="2024-01-{1 + i % 28:02d}T10:{i % 60:02d}:00+07:00">'
        f"{filler}</head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
        f'<div class="isi">{paras}</div></article><aside><h2>Terpopuler</h2><ul>{side}</ul></aside></main>'
        "<footer>Hak cipta Kabar Bench</footer></body></html>"
    ).encode()


HOST = "bench.example"


def build_site(root: Path, pages: int, local: str) -> list[str]:
    """The pages, and two sitemap indexes over them: ``/sitemap.xml`` under the site's name (for
    kliping, through the mirror) and ``/bare-sitemap.xml`` under the local address (bare Scrapy)."""
    paths = []
    for i in range(pages):
        path = f"/berita/2024/01/{1 + i % 28:02d}/{slug(i)}/"
        f = root / path.strip("/") / "index.html"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(page(i, f"https://{HOST}"))
        paths.append(path)
    n = (pages + PER_SITEMAP - 1) // PER_SITEMAP
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    for prefix, base in (("", f"https://{HOST}"), ("bare-", local)):
        for k in range(n):
            items = "".join(f"<url><loc>{base}{p}</loc></url>"
                            for p in paths[k * PER_SITEMAP:(k + 1) * PER_SITEMAP])
            (root / f"{prefix}sitemap-{k}.xml").write_text(
                f'<?xml version="1.0"?><urlset {ns}>{items}</urlset>')
        index = "".join(f"<sitemap><loc>{base}/{prefix}sitemap-{k}.xml</loc></sitemap>" for k in range(n))
        (root / f"{prefix}sitemap.xml").write_text(
            f'<?xml version="1.0"?><sitemapindex {ns}>{index}</sitemapindex>')
    # both indexes: kliping crawling the local address reads the second, through the mirror the
    # first (the other one's host is off its site, and dropped)
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {local}/bare-sitemap.xml\n"
                                     f"Sitemap: https://{HOST}/sitemap.xml\n")
    (root / "index.html").write_text("<html><body><h1>Kabar Bench</h1></body></html>")
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(root: Path, port: int, work: Path) -> subprocess.Popen:
    conf = work / "nginx.conf"
    conf.write_text(f"""
daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
  log_format stamp '$msec'; access_log {work}/access.log stamp; sendfile on; keepalive_timeout 30;
  types {{ text/html html; application/xml xml; text/plain txt; }}
  default_type text/html;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
  server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}
}}
""")
    (work / "tmp").mkdir(exist_ok=True)
    proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"nginx did not start: {proc.stderr.read().decode()[-500:]}")


def tree(root: int) -> dict[int, tuple[int, float]]:
    """{pid: (RSS in KB, CPU seconds so far)} of ``root`` and every process under it (/proc)."""
    children: dict[int, list[int]] = {}
    seen: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read().rpartition(")")[2].split()
            with open(f"/proc/{entry}/statm") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        # utime, stime: fields 14 and 15 of stat, counted from the state (field 3)
        seen[int(entry)] = (pages * os.sysconf("SC_PAGE_SIZE") // 1024,
                            (int(stat[11]) + int(stat[12])) / tick)
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            found[pid] = seen[pid]
        todo.extend(children.get(pid, []))
    return found


def requests_span(access_log: Path, started: float, ended: float) -> tuple[float, float]:
    """(seconds from a crawl's start to its first request, from its last request to its end), read
    from nginx's access log (one ``$msec`` line per request), which is then emptied for the next
    crawl. A crawl's fixed costs, which its pages/s hides: start-up and closing."""
    stamps = [float(x) for x in access_log.read_text().split()] if access_log.exists() else []
    access_log.write_text("")  # nginx appends (O_APPEND): the next crawl's lines start at 0
    if not stamps:
        return 0.0, 0.0
    return min(stamps) - started, ended - max(stamps)


def run(
    cmd: list[str], env: dict[str, str], cwd: Path, access_log: Path | None = None
) -> tuple[float, int, int, tuple[float, float], str, str, tuple[float, float]]:
    """(wall seconds, (peak RSS of the process tree in KB, its peak PSS sampled every 0.5 s), the
    process's own VmHWM, (CPU seconds of
    the tree, of the process itself), stdout, stderr, :func:`requests_span`). The tree is sampled
    every 50 ms: its RSS summed, and each process's CPU time as last seen (processes under the
    crawl end with it, so within one sample)."""
    if access_log is not None:
        access_log.write_text("")  # (anything before this crawl: not its requests)
    started = time.time()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = [0, 0]
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        n = 0
        while not done.wait(0.05):
            now = tree(proc.pid)
            peak[0] = max(peak[0], sum(rss for rss, _ in now.values()))
            cpu.update({pid: seconds for pid, (_, seconds) in now.items()})
            n += 1
            if n % 10 == 0:  # PSS every 0.5 s: reading it walks each process's page tables
                peak[1] = max(peak[1], sum(pss(pid) for pid in now))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=3600)
    finally:
        done.set()
        sampler.join()
    wall = time.perf_counter() - t
    span = requests_span(access_log, started, time.time()) if access_log is not None else (0.0, 0.0)
    own = next((int(ln.split()[1]) for ln in err.splitlines() if ln.startswith("PEAK_RSS_KB")), 0)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}): {err[-1500:]}")
    return (wall, (max(peak[0], own), peak[1]), own, (sum(cpu.values()), cpu.get(proc.pid, 0.0)),
            out, err, span)


def pss(pid: int) -> int:
    """A process's proportional set size in KB (its pages shared with N others count 1/N: a
    worker forked by the zygote shares most of the zygote's), 0 once it has ended."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, allow_abbrev=False,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--clean-workers", type=int, default=None,
                    help="KLIPING_CLEAN_WORKERS of the kliping runs (default: kliping's own)")
    ap.add_argument("--inline-too", action="store_true",
                    help="also crawl with cleaning inline (KLIPING_CLEAN_WORKERS=0) in each round")
    ap.add_argument("--no-zygote-too", action="store_true",
                    help="also crawl with workers started on their own (KLIPING_CLEAN_ZYGOTE=false)")
    ap.add_argument("--mirror-too", action="store_true",
                    help="also crawl the site under its name https://bench.example/ through the mirror"
                         " download handler (as the demo and the tests do)")
    args = ap.parse_args()
    if shutil.which("nginx") is None:
        print("bench/crawl.py: skipped, nginx not installed (apt-get install nginx)")
        return 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores ({usable} this bench may use: run"
          f" it under taskset to pin it), Python {platform.python_version()}"
          f"; load average (1, 5, 15 min) {load()}")
    work = Path(tempfile.mkdtemp(prefix="kliping-crawlbench-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    site = work / "site"
    urls = build_site(site, args.pages, base)
    sizes = [f.stat().st_size for f in (site / "berita").rglob("index.html")]
    print(f"{len(urls)} pages, {min(sizes) // 1024}-{max(sizes) // 1024} KB, nginx on {base}")
    nginx = start_nginx(site, port, work)
    (work / "bare.py").write_text(BARE_SPIDER)
    conc = str(args.concurrency)
    common = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=ERROR",
              "-s", f"CONCURRENT_REQUESTS={conc}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={conc}"]
    env = dict(os.environ, BENCH_SITEMAP=f"{base}/bare-sitemap.xml", KLIPING_PROGRESS="off")
    mirror = json.dumps({HOST: base})
    # kliping crawls the server as a user crawls a site of their own: its address as the domain
    # (plain http, so allowed to be private), the same URLs bare Scrapy fetches
    direct = ["--domain", base, "-s", "KLIPING_ALLOW_PRIVATE_NETWORKS=127.0.0.1"]
    arms = [("kliping", direct + ([] if args.clean_workers is None
                                  else ["-s", f"KLIPING_CLEAN_WORKERS={args.clean_workers}"]))]
    if args.inline_too:
        arms.append(("kliping inline (KLIPING_CLEAN_WORKERS=0)", direct + ["-s", "KLIPING_CLEAN_WORKERS=0"]))
    if args.no_zygote_too:
        arms.append(("kliping, no zygote (KLIPING_CLEAN_ZYGOTE=false)",
                     direct + ["-s", "KLIPING_CLEAN_ZYGOTE=false"]))
    if args.mirror_too:
        arms.append(("kliping via the mirror", ["--domain", HOST, "--mirror", mirror]))
    ratios: dict[str, list[float]] = {name: [] for name, _ in arms}
    cpu_ratios: dict[str, list[float]] = {name: [] for name, _ in arms}
    # CPU ms/page of each process (utime + stime from /proc): what the load of other processes
    # on the machine hardly moves, unlike the walls
    cpu_ms: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in arms}
    bare_ms: list[float] = []
    # (start to first request, last request to end) of each crawl: its fixed costs
    spans: dict[str, list[tuple[float, float]]] = {"bare Scrapy": [], **{name: [] for name, _ in arms}}
    access_log = work / "access.log"
    rows = []
    try:
        for rep in range(args.repeat):
            bcmd = [sys.executable, "-c", REPORT_RSS + "from scrapy.cmdline import execute\n"
                    "execute(['scrapy', 'runspider', 'bare.py', *__import__('sys').argv[1:]])",
                    *common, "-s", "ROBOTSTXT_OBEY=True", "-s", "TELNETCONSOLE_ENABLED=False"]
            results = []
            # the kliping arms in turn first and last, round after round
            for name, extra in (arms if rep % 2 == 0 else arms[::-1]):
                out = work / f"out-{rep}"
                kcmd = [sys.executable, "-c", REPORT_RSS + "import sys\nfrom kliping.cli import main\n"
                        "rc = main(sys.argv[1:])\nsys.exit(rc)", "crawl", "generic",
                        "--out", str(out), *common, *extra]
                kw, (krss, kpss), kown, (kcpu, kmain), kout, _, kspan = run(kcmd, env, ROOT,
                                                                           access_log)
                if os.environ.get("BENCH_DEBUG"):
                    print(kout[-3000:])
                import pyarrow.dataset as ds

                got = ds.dataset(out / "articles", partitioning="hive").count_rows() \
                    if (out / "articles").exists() else 0
                shutil.rmtree(out, ignore_errors=True)
                results.append((name, kw, krss, kpss, kown, kcpu, kmain, got, kspan))
                rows.append((rep + 1, name, got))
            bw, (brss, bpss), _, (bcpu, _), _, berr, bspan = run(bcmd, env, work, access_log)
            spans["bare Scrapy"].append(bspan)
            bare_pages = next((int(ln.split()[1]) for ln in berr.splitlines()
                               if ln.startswith("BARE_PAGES")), 0)
            if bare_pages != args.pages:
                print(f"WARNING: bare Scrapy fetched {bare_pages} of {args.pages} pages")
            bl = args.pages / bw
            bare_ms.append(bcpu * 1000 / args.pages)
            # cores busy = CPU seconds of the process tree / wall seconds: how much of the machine
            # each crawl puts to work (bare Scrapy: one process, at most one core)
            print(f"run {rep + 1}: bare Scrapy {bw:.1f} s ({bl:.0f} pages/s, peak {brss // 1024} MB"
                  f" (PSS {bpss // 1024} MB),"
                  f" CPU {bcpu * 1000 / args.pages:.2f} ms/page, {bcpu / bw:.2f} cores busy;"
                  f" first request +{bspan[0]:.2f} s, ended {bspan[1]:.2f} s after the last)"
                  f" | load {load()}", flush=True)
            for name, kw, krss, kpss, kown, kcpu, kmain, got, kspan in results:
                kl = args.pages / kw
                spans[name].append(kspan)
                ratios[name].append(kl / bl)
                cpu_ratios[name].append(kcpu / bcpu if bcpu else 0.0)
                cpu_ms[name].append((kmain * 1000 / args.pages, (kcpu - kmain) * 1000 / args.pages))
                print(f"       {name}: {kw:.1f} s ({kl:.0f} pages/s, peak {krss // 1024} MB with its"
                      f" workers (PSS {kpss // 1024} MB), {kown // 1024} MB the crawl process, CPU"
                      f" {kcpu * 1000 / args.pages:.2f} ms/page: crawl process"
                      f" {kmain * 1000 / args.pages:.2f}, cleaning workers"
                      f" {(kcpu - kmain) * 1000 / args.pages:.2f}; {kcpu / kw:.2f} cores busy;"
                      f" first request +{kspan[0]:.2f} s, ended {kspan[1]:.2f} s after the last;"
                      f" {got} articles) | ratio {kl / bl:.2f}x",
                      flush=True)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    for name, _ in arms:
        print(f"{name} / bare Scrapy pages/s: median {statistics.median(ratios[name]):.2f}x "
              f"(runs {', '.join(f'{r:.2f}x' for r in ratios[name])}); goal >= 0.8x")
        print(f"  CPU time per page, {name} (all its processes) / bare Scrapy: median "
              f"{statistics.median(cpu_ratios[name]):.2f}x")
        print(f"  CPU ms/page, median: {name} crawl process "
              f"{statistics.median(m for m, _ in cpu_ms[name]):.2f}, cleaning workers "
              f"{statistics.median(w for _, w in cpu_ms[name]):.2f}; bare Scrapy "
              f"{statistics.median(bare_ms):.2f}")
    print("fixed costs, median: " + "; ".join(
        f"{name} first request +{statistics.median(a for a, _ in got):.2f} s, ended"
        f" {statistics.median(b for _, b in got):.2f} s after the last" for name, got in spans.items()))
    bad = [r for r in rows if r[2] != args.pages]
    if bad:
        print(f"WARNING: {len(bad)} kliping runs did not store one article per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
