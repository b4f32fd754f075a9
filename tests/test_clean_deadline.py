"""The cleaning pool's hard deadline (kliping/crawler/cleaning.py), with real workers.

A page whose cleaning is stuck where the worker's own budget timer cannot reach it (SIGALRM
blocked, as in a long C call) has its worker killed by the crawl once the hard deadline passes,
and ends as one ``timeout`` row; the pages queued behind it are cleaned by the worker that
replaces it. The deadlines are watched by one timer for the whole pool, not a timer made and
cancelled for every page, and nothing is left pending in the reactor once every page is answered.

The pool is driven in a subprocess of its own (a reactor is installed once per process), with the
deadline shortened (the factor and the grace are module constants) so the test takes seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SITE_MODULE = '''
import signal
import time

from kliping.sites.base import Site, Source


def stuck(article, raw):
    if "macet" in raw["url"]:  # stuck where the worker's SIGALRM budget cannot reach
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return article


SITE = Site(key="stuckdemo", name="Stuck", domain="www.stuck.example",
            sources=(Source("sitemap", "https://www.stuck.example/sitemap.xml"),),
            article_pattern=r"^https://www[.]stuck[.]example/berita/.+$", post_process=stuck)
'''

DRIVER = '''
import asyncio
import json
import sys

from twisted.internet import asyncioreactor

asyncioreactor.install()
from twisted.internet import reactor

from kliping.crawler import cleaning
from kliping.dataset.records import raw_record
from stuckdemo import SITE

cleaning.HARD_DEADLINE_FACTOR = 1.0
cleaning.HARD_DEADLINE_GRACE = 1.0  # budget 0.5 s: a worker killed 1.5 s into a stuck page

PARA = "<p>" + " ".join(["warga desa menanam pohon di tepi sungai pada pagi hari"] * 5) + ".</p>"


def raw(slug):
    url = f"https://www.stuck.example/berita/{slug}"
    body = (f"<html lang='id'><head><title>{slug}</title></head><body><article><h1>{slug}</h1>"
            f"{PARA * 4}</article></body></html>").encode()
    return raw_record(url=url, site=SITE.key, body=body, headers={"content-type": "text/html"})


calls = []
real_call_later = reactor.callLater


def counting_call_later(delay, fn, *args, **kwargs):
    calls.append(getattr(fn, "__name__", repr(fn)))
    return real_call_later(delay, fn, *args, **kwargs)


reactor.callLater = counting_call_later


async def main():
    pool = cleaning.CleaningPool(1, 64, zygote=True)
    pool.start()
    slugs = ["macet-di-jalan"] + [f"kabar-desa-{i}" for i in range(40)]
    answers = await asyncio.gather(*(pool.clean(raw(s), SITE, "run-1", 0.5) for s in slugs))
    pending = [c for c in reactor.getDelayedCalls() if c.active()]
    report = {
        "kinds": [kind for kind, _row, _signals in answers],
        "first_error": answers[0][1].get("error"),
        "deadline_timers_made": calls.count("_check_deadlines"),
        "timers_made": len(calls),
        "pending": [getattr(c.func, "__name__", repr(c.func)) for c in pending],
        "restarts": pool.restarts,
    }
    pool.shutdown()
    print("REPORT " + json.dumps(report))


def run():
    d = asyncio.ensure_future(main())
    d.add_done_callback(lambda f: (f.exception() and print("ERROR", repr(f.exception())),
                                   reactor.stop()))


reactor.callWhenRunning(run)
reactor.run()
'''


def test_a_stuck_page_is_cut_at_the_hard_deadline_by_one_timer(tmp_path) -> None:
    (tmp_path / "stuckdemo.py").write_text(SITE_MODULE, encoding="utf-8")
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH")) if p))
    proc = subprocess.run([sys.executable, str(tmp_path / "driver.py")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("REPORT ")), None)
    assert line is not None, (proc.stdout[-2000:], proc.stderr[-3000:])
    report = json.loads(line.removeprefix("REPORT "))
    # the stuck page: its worker killed by the crawl, one timeout row; every other page an article
    assert report["kinds"][0] == "timeout", report
    assert "its worker was stopped" in report["first_error"], report
    assert report["kinds"][1:] == ["article"] * 40, report
    assert report["restarts"] == 1, report
    # one timer watches the deadlines of all 41 pages (not one made and cancelled per page) ...
    assert 1 <= report["deadline_timers_made"] <= 4, report
    assert report["timers_made"] <= 8, report  # the pool's few others (its growth check)
    # ... and none is left pending once every page is answered
    assert "_check_deadlines" not in report["pending"], report
