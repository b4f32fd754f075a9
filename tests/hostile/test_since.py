"""``since``/``until``: one parser, and ``since=last`` the same from every entry point.

``last`` means the end of the last finished run's window: its ``until``, or the local day it
finished when that is earlier. ``kliping crawl --since last`` and ``scrapy crawl SITE -a
since=last`` (what Scrapyd runs) both resolve it when the run opens, from the output's ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.crawler.ledger import ledger_row, read_ledger, write_ledger_row
from kliping.crawler.run import check_window, parse_since, parse_until, since_last
from kliping.spiders import SuarawargaSpider
from kliping.testing.sample import SampleServer
from tests.conftest import FAST, kliping

SITE = "suarawarga"
FIRST_UNTIL = dt.date(2024, 1, 10)
WINDOW = ["--since", "2024-01-05", "--until", str(FIRST_UNTIL)]


def test_one_parser() -> None:
    assert parse_since("2024-01-05") == dt.date(2024, 1, 5)
    assert parse_since("last") == parse_since(" LAST ") == "last"
    assert parse_since(None) is None and parse_since("") is None
    assert parse_until("2024-01-10") == FIRST_UNTIL
    with pytest.raises(ValueError, match=r"^--since: expected a date YYYY-MM-DD or 'last', "
                                         r"got '2024-13-01'$"):
        parse_since("2024-13-01", "--since")
    with pytest.raises(ValueError, match=r"^until: expected a date YYYY-MM-DD, got 'last'$"):
        parse_until("last")
    with pytest.raises(ValueError, match=r"^since 2024-01-11 is after until 2024-01-10$"):
        check_window(dt.date(2024, 1, 11), FIRST_UNTIL)
    check_window("last", FIRST_UNTIL)  # resolved later


def test_the_spider_uses_the_same_parser() -> None:
    spider = SuarawargaSpider(since="last", until="2024-01-10")
    assert spider.since is None and spider.since_last and spider.until == FIRST_UNTIL
    with pytest.raises(ValueError, match="since: expected a date"):
        SuarawargaSpider(since="yesterday")
    with pytest.raises(ValueError, match="is after until"):
        SuarawargaSpider(since="2024-02-01", until="2024-01-01")


def _run(out: Path, until: dt.date | None, finished: dt.datetime, status: str = "finished") -> None:
    row = ledger_row(run_id=f"r-{finished:%H%M%S}-{status}", sites=[SITE], since=None, until=until,
                     started_at=finished - dt.timedelta(minutes=5), status=status, stats=[])
    row["finished_at"] = finished
    write_ledger_row(out, row)


def test_last_is_the_end_of_the_last_finished_window(tmp_path) -> None:
    out = tmp_path / "out"
    assert since_last(out, SITE) is None  # never crawled
    # a backfill of January, run in March: its window ended on its until
    _run(out, FIRST_UNTIL, dt.datetime(2024, 3, 1, 2, 0, tzinfo=dt.UTC))
    assert since_last(out, SITE) == FIRST_UNTIL
    # a run without until ended when it finished, on the site's local day (WIT, UTC+9)
    _run(out, None, dt.datetime(2024, 3, 2, 16, 0, tzinfo=dt.UTC))
    assert since_last(out, SITE) == dt.date(2024, 3, 3)
    # an until in the future: the window ended when the run did
    _run(out, dt.date(2030, 1, 1), dt.datetime(2024, 3, 4, 1, 0, tzinfo=dt.UTC))
    assert since_last(out, SITE) == dt.date(2024, 3, 4)
    _run(out, None, dt.datetime(2024, 3, 9, 1, 0, tzinfo=dt.UTC), status="failed")  # not finished
    assert since_last(out, SITE) == dt.date(2024, 3, 4)


def scrapy_crawl(out: Path, server: SampleServer, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings",
               KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(out),
               KLIPING_LOG_LEVEL="WARNING")
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", SITE, *args, "-s",
                           "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"],
                          capture_output=True, text=True, timeout=180, env=env, cwd=out.parent)


@pytest.fixture
def first_run(tmp_path):
    """One finished run of the sample site, 2024-01-05..2024-01-10, and its server."""
    out = tmp_path / "out"
    with SampleServer() as server:
        done = kliping("crawl", SITE, *WINDOW, "--out", str(out), "--mirror",
                       json.dumps(server.mirror()), *FAST)
        assert done.returncode == 0, done.stderr[-3000:]
        yield out, server


def test_scrapy_crawl_since_last(first_run) -> None:
    out, server = first_run
    proc = scrapy_crawl(out, server, "-a", "since=last")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    run = read_ledger(out)[-1]
    assert run["status"] == "finished", run
    assert run["since"] == FIRST_UNTIL  # resolved when the run opened, recorded in the ledger
    assert run["articles_new"] == 0 and run["articles_skipped"] > 0


def test_kliping_crawl_since_last_until(first_run) -> None:
    out, server = first_run
    proc = kliping("crawl", SITE, "--since", "last", "--until", str(FIRST_UNTIL), "--out", str(out),
                   "--mirror", json.dumps(server.mirror()), *FAST)
    assert proc.returncode == 0, proc.stderr[-3000:]
    run = read_ledger(out)[-1]
    assert run["status"] == "finished"
    assert (run["since"], run["until"]) == (FIRST_UNTIL, FIRST_UNTIL)
    assert run["articles_new"] == 0
    assert run["articles_skipped"] > 0  # that day's articles: listed, and known


def test_since_last_after_until_is_one_line(first_run) -> None:
    out, server = first_run
    runs = len(read_ledger(out))
    proc = kliping("crawl", SITE, "--since", "last", "--until", "2024-01-07", "--out", str(out),
                   "--mirror", json.dumps(server.mirror()), *FAST)
    assert proc.returncode == 2
    assert proc.stderr == (f"kliping crawl: error: --since last is {FIRST_UNTIL} for {SITE} (where "
                           "its last finished run ended), after --until 2024-01-07\n")
    # scrapy crawl (and Scrapyd) resolve it when the run opens: one error line, no request, no run
    hits = dict(server.hits)
    proc = scrapy_crawl(out, server, "-a", "since=last", "-a", "until=2024-01-07")
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    errors = [ln for ln in proc.stderr.splitlines() if " ERROR: " in ln]
    assert len(errors) == 1 and errors[0].endswith(
        f"since=last is {FIRST_UNTIL} for {SITE} (where its last finished run ended), "
        "after until 2024-01-07"), proc.stderr[-3000:]
    assert dict(server.hits) == hits
    assert len(read_ledger(out)) == runs


def test_bad_dates_are_one_line(tmp_path) -> None:
    proc = kliping("crawl", SITE, "--since", "2024-02-30", "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr == ("kliping crawl: error: --since: expected a date YYYY-MM-DD or 'last', "
                           "got '2024-02-30'\n")
    proc = kliping("crawl", SITE, "--since", "2024-01-10", "--until", "2024-01-05", "--out",
                   str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr == "kliping crawl: error: --since 2024-01-10 is after --until 2024-01-05\n"


def test_scrapyd_since_last(tmp_path) -> None:
    """Scrapyd passes ``since=last`` to the spider as ``scrapy crawl -a`` does: a deployed job
    after a first run starts where that run's window ended."""
    from tests.scrapyd_server import INSTALLED, MISSING, api, deploy, scrapyd, wait_finished

    if not INSTALLED:
        pytest.skip(MISSING)
    out = tmp_path / "out"
    with scrapyd(tmp_path / "scrapyd") as base, SampleServer() as server:
        deployed = deploy(base, tmp_path)
        assert deployed.returncode == 0, deployed.stdout + deployed.stderr
        first = kliping("crawl", SITE, *WINDOW, "--out", str(out), "--mirror",
                        json.dumps(server.mirror()), *FAST)
        assert first.returncode == 0, first.stderr[-3000:]
        job = api(base, "schedule.json", [
            ("project", "kliping"), ("spider", SITE), ("since", "last"),
            ("setting", f"KLIPING_OUT={out}"),
            ("setting", f"KLIPING_MIRROR={json.dumps(server.mirror())}"),
            ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False"),
        ])
        assert job["status"] == "ok", job
        assert wait_finished(base, job["jobid"]), "the scrapyd job did not finish"
    runs = read_ledger(out)
    assert [r["status"] for r in runs] == ["finished", "finished"], runs
    assert runs[1]["since"] == FIRST_UNTIL and runs[1]["articles_new"] == 0


def test_an_ingest_is_no_crawl_window(first_run, tmp_path) -> None:
    """A WARC backfill finished after the crawl: ``since=last`` still starts where the crawl
    ended (an ingest without --until used to set it to the day the ingest finished, so the next
    scheduled crawl skipped every day in between), and the ingest is no health baseline."""
    from tests.warc_fixtures import sample_pages, write_warc

    out, _server = first_run
    warc = write_warc(tmp_path / "backfill.warc.gz", sample_pages())
    done = kliping("ingest", str(warc), "--out", str(out), "--site", SITE)
    assert done.returncode == 0, done.stderr[-3000:]
    crawl, ingest = read_ledger(out)[-2:]
    assert (crawl["job"], ingest["job"]) == ("crawl", "ingest")
    assert ingest["status"] == "finished" and SITE in ingest["sites"] and ingest["until"] is None
    assert since_last(out, SITE) == FIRST_UNTIL
    proc = kliping("runs", str(out), "--json")
    assert [json.loads(line)["job"] for line in proc.stdout.splitlines()] == ["crawl", "ingest"]


def test_ledger_parts_from_before_the_job_column(tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from kliping.dataset.schema import RUNS

    out = tmp_path / "out"
    (out / "runs").mkdir(parents=True)
    old = pa.schema([f for f in RUNS if f.name != "job"])
    row = ledger_row(run_id="r-old", sites=[SITE], since=None, until=FIRST_UNTIL,
                     started_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC), status="finished", stats=[])
    row.pop("job")
    pq.write_table(pa.Table.from_pylist([row], schema=old), out / "runs" / "part-old.parquet")
    (run,) = read_ledger(out)
    assert run["job"] is None and run["status"] == "finished"
    assert since_last(out, SITE) == FIRST_UNTIL  # an older row is a crawl's
    with pytest.raises(ValueError, match=r"^job: expected one of"):
        ledger_row(run_id="x", sites=[], since=None, until=None, started_at=row["started_at"],
                   status="finished", stats=[], job="backfill")
