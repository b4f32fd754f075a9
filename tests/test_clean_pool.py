"""Cleaning off the crawl's critical path (issue #17 item 3), with the real engine over HTTP.

A reader's own site (``KLIPING_SITES_PATH``) whose ``post_process`` hook, the last step of
``clean()``, sleeps: cleaning is made slow on purpose. The crawl must still fetch every page at
full speed, while the worker process cleans behind it; the evidence is the order of events (each
page's fetch time in the raw archive against the times the hook logged), not a wall-clock bound.
The same site has a page that kills the worker cleaning it (every time) and a page that runs past
the per-page budget: each must end as one error row, with every other page an article.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.testing.fixture_server import FixtureServer
from tests.conftest import FAST, kliping, one_line

ROOT = Path(__file__).resolve().parents[1]
KEY = "kabarlambat"
DOMAIN = f"www.{KEY}.example"
PAGES = 24
SLEEP = 0.5  # each page's cleaning: 12 s of cleaning behind 24 pages fetched in well under that
BUDGET = 3.0  # KLIPING_PAGE_SECONDS of the crawl

SITE_MODULE = f'''"""A site whose cleaning is slow: its article hook sleeps, and logs when it ran."""

import os
import signal
import time

from kliping.sites.base import Site, Source


def _parent():
    """What started this worker: the zygote that forked it, or the crawl process itself."""
    try:
        with open(f"/proc/{{os.getppid()}}/cmdline", "rb") as fh:
            return "zygote" if b"--zygote" in fh.read() else "crawl"
    except OSError:
        return "gone"


def slow(article, raw):
    start = time.time()
    parent = _parent()
    if "/mogok-" in raw["url"]:  # the worker cleaning this page dies, every time
        if os.environ.get("KLIPING_TEST_KILL_ZYGOTE") and parent == "zygote":
            os.kill(os.getppid(), signal.SIGKILL)  # ... and takes the zygote with it
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep({BUDGET} * 3 if "/macet-" in raw["url"] else {SLEEP})
    with open(os.environ["KLIPING_TEST_CLEAN_LOG"], "a") as fh:
        fh.write(f"{{raw['url']}} {{start}} {{time.time()}} {{os.getpid()}} {{os.nice(0)}} "
                 f"{{parent}}\\n")
    return article


SITE = Site(
    key="{KEY}",
    name="Kabar Lambat",
    domain="{DOMAIN}",
    sources=(Source("news_sitemap", "https://{DOMAIN}/sitemap-news.xml"),),
    article_pattern=r"^https://{DOMAIN.replace(".", chr(92) + ".")}/berita/\\d+/[\\w-]+$",
    post_process=slow,
)
'''

WORDS = ("warga desa pasar nelayan sekolah jalan banjir panen harga beras pemerintah daerah "
         "kecamatan pelabuhan petani hujan musim bantuan guru murid kapal ikan sungai").split()


def _page(i: int, title: str) -> str:
    paras = "".join(
        "<p>" + " ".join(WORDS[(i * 7 + k * 3 + j) % len(WORDS)] for j in range(28)).capitalize()
        + ".</p>" for k in range(6))
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="2025-03-10T{8 + i % 10:02d}:00:00+07:00">'
            f'</head><body><nav><a href="/">Beranda</a></nav><article><h1>{title}</h1>{paras}'
            f'</article><footer>Hak cipta dilindungi.</footer></body></html>')


def _slug(i: int) -> str:
    if i == 3:
        return "mogok-pekerja-pembersih"
    if i == 5:
        return "macet-di-jalan-lingkar"
    return f"kabar-desa-ke-{i}"


def _crawl(tmp, *settings: str, env_extra: dict[str, str] | None = None):
    """The slow site crawled with ``settings``: (out, process, clean log, page URLs, hits)."""
    sites, fixtures = tmp / "sites", tmp / "fixtures"
    sites.mkdir()
    (sites / f"{KEY}.py").write_text(SITE_MODULE, encoding="utf-8")
    folder = fixtures / KEY
    folder.mkdir(parents=True)
    pages, entries = {}, []
    for i in range(PAGES):
        url = f"https://{DOMAIN}/berita/{1000 + i}/{_slug(i)}"
        (folder / f"{i}.html").write_text(_page(i, f"Kabar Desa Nomor {i}"), encoding="utf-8")
        pages[url] = f"{i}.html"
        entries.append(url)
    urls = "".join(f"<url><loc>{u}</loc><news:news><news:publication_date>2025-03-10T08:00:00+07:00"
                   f"</news:publication_date></news:news></url>" for u in entries)
    (folder / "listing.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>', encoding="utf-8")
    pages[f"https://{DOMAIN}/sitemap-news.xml"] = "listing.xml"
    (folder / "fixtures.json").write_text(json.dumps({"site": KEY, "pages": pages}), encoding="utf-8")
    log = tmp / "clean.log"
    out = tmp / "out"
    env = dict(os.environ, KLIPING_SITES_PATH=str(sites), KLIPING_TEST_CLEAN_LOG=str(log),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
               **(env_extra or {}))
    extra = [arg for setting in settings for arg in ("-s", setting)]
    with FixtureServer(fixtures, [KEY]) as server:
        proc = subprocess.run(
            [sys.executable, "-m", "kliping", "crawl", KEY, "--since", "2025-03-10", "--until",
             "2025-03-10", "--out", str(out), "--mirror", json.dumps(server.mirror()), *FAST,
             "-s", f"KLIPING_PAGE_SECONDS={BUDGET}", *extra],
            env=env, capture_output=True, text=True, timeout=240)
        hits = Counter(server.hits)
    return out, proc, log, entries, hits


@pytest.fixture(scope="module")
def slow_crawl(tmp_path_factory):
    return _crawl(tmp_path_factory.mktemp("slowclean"), "KLIPING_CLEAN_WORKERS=1")


def _cleaned(log: Path) -> list[tuple[datetime, float, float, str, int, str]]:
    """(end as a datetime, start, end, worker pid, its niceness, what started it) of each page the
    hook logged, by end."""
    return sorted(
        (datetime.fromtimestamp(float(end), UTC), float(start), float(end), pid, int(nice), parent)
        for _url, start, end, pid, nice, parent
        in (line.split() for line in log.read_text().splitlines())
    )


def _most_at_once(cleaned: list[tuple[datetime, float, float, str, int, str]]) -> int:
    """The most pages being cleaned at the same moment."""
    events = sorted([(c[1], 1) for c in cleaned] + [(c[2], -1) for c in cleaned])
    now = most = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most


def test_every_page_fetched_once_and_accounted_for(slow_crawl) -> None:
    out, proc, _, entries, hits = slow_crawl
    assert proc.returncode in (0, 1), proc.stderr[-3000:]  # 1: the health check may flag errors
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert all(hits[u] == 1 for u in entries), hits
    raw = read_dataset(out / "raw").to_pylist()
    assert sorted(r["url"] for r in raw) == sorted(entries)
    articles = read_dataset(out / "articles").to_pylist()
    errors = read_dataset(out / "errors").to_pylist()
    # exactly one article or error row per raw row
    done = Counter([a["fetch_id"] for a in articles] + [e["fetch_id"] for e in errors])
    assert done == Counter(r["fetch_id"] for r in raw)
    kinds = {e["url"].rsplit("/", 1)[1]: e["kind"] for e in errors}
    assert kinds == {_slug(3): "worker_crashed", _slug(5): "timeout"}, errors
    assert len(articles) == PAGES - 2
    crashed = next(e for e in errors if e["kind"] == "worker_crashed")
    assert "worker" in crashed["error"] and "died" in crashed["error"]


def test_slow_cleaning_does_not_slow_fetching(slow_crawl) -> None:
    out, _, log, _, _ = slow_crawl
    raw = read_dataset(out / "raw").to_pylist()
    last_fetch = max(r["fetched_at"] for r in raw)
    cleaned = _cleaned(log)
    assert len(cleaned) == PAGES - 2  # the killed page logs nothing; the stuck one was cut short
    # every response was in before most pages were cleaned: fetching did not wait on cleaning
    before = [c for c in cleaned if c[0] <= last_fetch]
    assert len(before) < len(cleaned) / 2, (last_fetch, [c[0] for c in cleaned])
    # ... in one worker at a time (KLIPING_CLEAN_WORKERS=1: a new one only once the last died),
    # one page after another
    starts = sorted(c[1] for c in cleaned)
    ends = sorted(c[2] for c in cleaned)
    assert all(s >= e - 1e-3 for s, e in zip(starts[1:], ends[:-1], strict=True))
    # ... at a lower priority than the crawl process (KLIPING_CLEAN_NICE, 5 by default)
    assert {c[4] for c in cleaned} == {min(19, os.nice(0) + 5)}


def test_workers_are_forked_by_the_zygote(slow_crawl) -> None:
    """Every page was cleaned in a worker the zygote forked, the replacements of the worker the
    'mogok' page killed (twice) included: none paid a fresh interpreter's imports."""
    out, proc, log, _, _ = slow_crawl
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    cleaned = _cleaned(log)
    assert {c[5] for c in cleaned} == {"zygote"}
    assert len({c[3] for c in cleaned}) >= 2  # the first worker died on 'mogok': another went on


def test_workers_start_on_their_own_once_the_zygote_is_gone(tmp_path) -> None:
    """The 'mogok' page kills the zygote too: the workers after it are started as processes of
    their own by the crawl, and every page is still accounted for once."""
    out, proc, log, entries, hits = _crawl(
        tmp_path, "KLIPING_CLEAN_WORKERS=1", env_extra={"KLIPING_TEST_KILL_ZYGOTE": "1"})
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert all(hits[u] == 1 for u in entries), hits
    articles = read_dataset(out / "articles").to_pylist()
    errors = read_dataset(out / "errors").to_pylist()
    assert len(articles) == PAGES - 2
    assert {e["url"].rsplit("/", 1)[1]: e["kind"] for e in errors} == {
        _slug(3): "worker_crashed", _slug(5): "timeout"}
    cleaned = _cleaned(log)
    assert len(cleaned) == PAGES - 2
    assert "crawl" in {c[5] for c in cleaned}


def test_zygote_off_each_worker_starts_on_its_own(tmp_path) -> None:
    """KLIPING_CLEAN_ZYGOTE=false: every worker is a process of the crawl's own, as before the
    zygote; the same pages end the same way."""
    out, proc, log, _, _ = _crawl(tmp_path, "KLIPING_CLEAN_WORKERS=1", "KLIPING_CLEAN_ZYGOTE=false")
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert len(read_dataset(out / "articles").to_pylist()) == PAGES - 2
    assert {c[5] for c in _cleaned(log)} == {"crawl"}


def test_pool_grows_when_cleaning_holds_the_crawl_back(tmp_path) -> None:
    """KLIPING_CLEAN_WORKERS=2: the crawl starts one worker; pages soon wait for a slot (24 pages,
    16 slots, half a second each), so the second starts and the two clean side by side. Every
    page is still accounted for once."""
    out, proc, log, entries, hits = _crawl(tmp_path, "KLIPING_CLEAN_WORKERS=2")
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert all(hits[u] == 1 for u in entries), hits
    articles = read_dataset(out / "articles").to_pylist()
    errors = read_dataset(out / "errors").to_pylist()
    assert len(articles) == PAGES - 2 and len(errors) == 2
    cleaned = _cleaned(log)
    assert len(cleaned) == PAGES - 2
    assert _most_at_once(cleaned) == 2  # two at once, never more than the setting's two


def test_pool_stays_at_one_worker_while_no_page_waits(tmp_path) -> None:
    """The same crawl with more slots than pages (KLIPING_CLEAN_IN_FLIGHT=64): no page ever
    waits for a slot, so the second worker is never started, and its memory is never held."""
    out, proc, log, _, _ = _crawl(tmp_path, "KLIPING_CLEAN_WORKERS=2", "KLIPING_CLEAN_IN_FLIGHT=64")
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert len(read_dataset(out / "articles").to_pylist()) == PAGES - 2
    cleaned = _cleaned(log)
    assert len(cleaned) == PAGES - 2
    assert _most_at_once(cleaned) == 1


@pytest.mark.parametrize("setting", ["KLIPING_CLEAN_WORKERS=x", "KLIPING_CLEAN_WORKERS=-1",
                                     "KLIPING_CLEAN_IN_FLIGHT=0", "KLIPING_CLEAN_NICE=20",
                                     "KLIPING_CLEAN_ZYGOTE=maybe",
                                     "KLIPING_CLEAN_NICE=-3"])
def test_bad_cleaning_setting_is_one_line_exit_2(tmp_path, setting) -> None:
    proc = kliping("crawl", "detakberita", "--out", str(tmp_path / "out"), "-s", setting)
    assert proc.returncode == 2
    assert setting.split("=")[0] in one_line(proc)
