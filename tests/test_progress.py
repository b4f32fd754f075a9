"""Progress of the long jobs (``reclean``, ``export``, ``ingest``): one module, one set of settings.

The cadence of the status lines is checked on :class:`JobProgress` with a clock the test moves;
the commands are run as users run them (child processes over a real `kliping demo` crawl of the
sample sites), off a terminal and on a pseudo-terminal.
"""

from __future__ import annotations

import io
import os
import re
import select
import subprocess
import time
from pathlib import Path

import pytest

from kliping.crawler.progress import (
    JobProgress,
    ProgressSettingError,
    clock,
    resolve_interval,
    resolve_mode,
)
from tests.conftest import kliping, kliping_cmd, one_line

LINE = re.compile(r"^kliping (reclean|export): [\d,]+/[\d,]+ (pages|articles|responses) \(\d+%\), "
                  r"[\d,.]+ \w+/s, \d+:\d\d elapsed(, ETA \d+:\d\d)?(; .*)?$")


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


# --------------------------------------------------------------------------------------------
# The module


def test_lines_come_every_interval_and_once_at_the_end() -> None:
    now, out = FakeClock(), io.StringIO()
    p = JobProgress("reclean", 100, "pages", mode="lines", interval=10, stream=out, now=now)
    p(0, 100)
    now.t += 4
    p(20, None, articles=18, errors=2)
    p.tick()
    assert out.getvalue() == ""  # 4 s of 10: nothing yet
    now.t += 6
    p.tick()
    first = out.getvalue().splitlines()
    assert first == ["kliping reclean: 20/100 pages (20%), 2.0 pages/s, 0:10 elapsed, ETA 0:40; "
                     "articles 18, errors 2"]
    now.t += 3
    p.tick()
    assert len(out.getvalue().splitlines()) == 1  # 3 s since the last line
    now.t += 37
    p(100, articles=96, errors=4)
    p.close()
    last = out.getvalue().splitlines()[-1]
    assert last == "kliping reclean: 100/100 pages (100%), 2.0 pages/s, 0:50 elapsed; articles 96, errors 4"
    assert all(LINE.match(x) for x in out.getvalue().splitlines())


def test_a_short_job_writes_no_line() -> None:
    out = io.StringIO()
    with JobProgress("export", 10, mode="lines", interval=60, stream=out) as p:
        p(10, 10)
    assert out.getvalue() == ""


def test_interval_zero_writes_a_line_per_step_and_no_repeat_at_the_end() -> None:
    out = io.StringIO()
    with JobProgress("export", mode="lines", interval=0, stream=out, unit="articles") as p:
        for n in (0, 5, 10):
            p(n, 10)
    lines = out.getvalue().splitlines()
    assert [x.split(": ")[1].split(" (")[0] for x in lines] == ["0/10 articles", "5/10 articles",
                                                                "10/10 articles"]


def test_off_writes_nothing_and_a_failed_job_gets_no_last_line() -> None:
    out = io.StringIO()
    with JobProgress("export", 10, mode="off", stream=out) as p:
        p(5, 10)
    assert out.getvalue() == "" and not p.enabled
    with pytest.raises(RuntimeError), JobProgress("export", 10, mode="lines", interval=60, stream=out) as p:
        p(5, 10)
        raise RuntimeError("stop")
    assert out.getvalue() == ""


def test_eta_needs_a_total_and_some_work_done() -> None:
    now = FakeClock()
    p = JobProgress("x", None, mode="off", now=now)
    now.t += 10
    assert p.eta() is None
    p(5)
    assert p.eta() is None  # no total
    p(5, 20)
    assert p.eta() == pytest.approx(30.0)
    assert clock(30) == "0:30" and clock(3725) == "1:02:05"


def test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLIPING_PROGRESS", "lines")
    assert resolve_mode() == "lines"
    assert resolve_mode("OFF") == "off"
    assert resolve_mode("auto", io.StringIO()) == "lines"  # not a terminal
    monkeypatch.setenv("KLIPING_PROGRESS", "loud")
    with pytest.raises(ProgressSettingError, match="KLIPING_PROGRESS: 'loud'"):
        resolve_mode()
    monkeypatch.setenv("KLIPING_PROGRESS_INTERVAL", "2.5")
    assert resolve_interval() == 2.5
    for bad in ("soon", "-1", "nan"):
        monkeypatch.setenv("KLIPING_PROGRESS_INTERVAL", bad)
        with pytest.raises(ProgressSettingError, match="KLIPING_PROGRESS_INTERVAL"):
            resolve_interval()
    monkeypatch.delenv("KLIPING_PROGRESS_INTERVAL")
    assert resolve_interval() == 60.0


# --------------------------------------------------------------------------------------------
# The commands


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "crawl"
    r = kliping("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    return out


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KLIPING_PROGRESS")}
    return subprocess.run(kliping_cmd(*args), capture_output=True, text=True, timeout=240,
                          env={**environ, **env})


def status_lines(text: str, job: str) -> list[str]:
    return [x for x in text.splitlines() if x.startswith(f"kliping {job}: ")]


def test_reclean_status_lines_off_a_terminal(crawl: Path, tmp_path: Path) -> None:
    r = run("reclean", str(crawl), "--out", str(tmp_path / "a"), "--workers", "2",
            KLIPING_PROGRESS_INTERVAL="0")
    assert r.returncode == 0, r.stderr
    lines = status_lines(r.stderr, "reclean")
    assert len(lines) >= 3, r.stderr  # a line per chunk (one chunk per site) and the plan's
    assert all(LINE.match(x) for x in lines), lines
    assert lines[-1].startswith("kliping reclean: 47/47 pages (100%)") and "articles 47" in lines[-1]
    assert any(", ETA " in x for x in lines), lines  # the total was known up front
    assert not status_lines(r.stdout, "reclean") and r.stdout.startswith("reclean: 47 pages")


def test_reclean_progress_off(crawl: Path, tmp_path: Path) -> None:
    for how in ({"KLIPING_PROGRESS": "off"}, {}):
        args = ["--no-progress"] if not how else []
        r = run("reclean", str(crawl), "--out", str(tmp_path / "b"), *args,
                KLIPING_PROGRESS_INTERVAL="0", **how)
        assert r.returncode == 0, r.stderr
        assert r.stderr == "", r.stderr


def test_export_status_lines_and_off(crawl: Path, tmp_path: Path) -> None:
    for fmt, unit in (("parquet", "articles"), ("jsonl", "articles"), ("warc", "responses")):
        r = run("export", str(crawl), "--out", str(tmp_path / fmt), "--format", fmt,
                KLIPING_PROGRESS_INTERVAL="0")
        assert r.returncode == 0, r.stderr
        lines = status_lines(r.stderr, "export")
        assert lines and all(LINE.match(x) for x in lines), r.stderr
        assert lines[-1].startswith(f"kliping export: 47/47 {unit} (100%)")
        assert r.stdout.count("\n") == 1 and r.stdout.startswith("exported 47 ")  # data only
        quiet = run("export", str(crawl), "--out", str(tmp_path / fmt), "--format", fmt,
                    KLIPING_PROGRESS="off", KLIPING_PROGRESS_INTERVAL="0")
        assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
        same = re.compile(r"[\d,]+ bytes")  # a WARC file's size varies with its warcinfo record's id
        assert same.sub("", quiet.stdout) == same.sub("", r.stdout)


def test_a_job_shorter_than_the_interval_stays_quiet(crawl: Path, tmp_path: Path) -> None:
    r = run("export", str(crawl), "--out", str(tmp_path / "e"))  # 60 s by default
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_bad_settings_are_usage_errors(crawl: Path, tmp_path: Path) -> None:
    for cmd in (["export", str(crawl), "--out", str(tmp_path / "e")],
                ["reclean", str(crawl), "--out", str(tmp_path / "r")]):
        r = run(*cmd, KLIPING_PROGRESS="loud")
        assert r.returncode == 2 and "KLIPING_PROGRESS" in one_line(r)
        r = run(*cmd, KLIPING_PROGRESS_INTERVAL="soon")
        assert r.returncode == 2 and "KLIPING_PROGRESS_INTERVAL" in one_line(r)
    assert not (tmp_path / "e").exists() and not (tmp_path / "r").exists()


def test_ingest_shares_the_display(crawl: Path, tmp_path: Path) -> None:
    r = run("export", str(crawl), "--out", str(tmp_path / "w"), "--format", "warc",
            KLIPING_PROGRESS="off")
    assert r.returncode == 0, r.stderr
    r = run("ingest", str(tmp_path / "w" / "data"), "--out", str(tmp_path / "i"), "--all-domains",
            KLIPING_PROGRESS_INTERVAL="0")
    assert r.returncode == 0, r.stderr
    lines = status_lines(r.stderr, "ingest")
    assert lines and re.match(r"kliping ingest: [\d,]+ records \([\d,]+/s\), [\d.]+ MB \([\d.]+ MB/s\), "
                              r"kept 47, files 1/1, \d+ s$", lines[-1]), r.stderr
    r = run("ingest", str(tmp_path / "w" / "data"), "--out", str(tmp_path / "j"), "--all-domains",
            KLIPING_PROGRESS="off")
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_live_display_on_a_terminal(crawl: Path, tmp_path: Path) -> None:
    """On a (pseudo-)terminal: a rich bar redrawn in place on stderr, nothing of it on stdout."""
    master, slave = os.openpty()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KLIPING_PROGRESS")}
    proc = subprocess.Popen(kliping_cmd("export", str(crawl), "--out", str(tmp_path / "e")),
                            stdout=subprocess.PIPE, stderr=slave, text=True,
                            env={**environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # drain the terminal until the child closes it
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child's end is closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace"))
    assert re.search(r"export .*47/47 articles [\d,.]+ articles/s", text), text
    assert "━" in text  # the bar
    assert stdout.startswith("exported 47 articles") and "━" not in stdout


def test_a_crawl_reads_the_same_interval_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """-s KLIPING_PROGRESS_INTERVAL wins, then the environment (as for the other jobs), then
    kliping's settings module; a bad environment value never stops a crawl."""
    from scrapy.settings import Settings

    from kliping.crawler.progress import _crawl_interval

    project = Settings({"KLIPING_PROGRESS_INTERVAL": 60.0}, priority="project")
    monkeypatch.delenv("KLIPING_PROGRESS_INTERVAL", raising=False)
    assert _crawl_interval(project) == 60.0
    monkeypatch.setenv("KLIPING_PROGRESS_INTERVAL", "5")
    assert _crawl_interval(project) == 5.0
    given = Settings({"KLIPING_PROGRESS_INTERVAL": 60.0}, priority="project")
    given.set("KLIPING_PROGRESS_INTERVAL", "0.2", priority="cmdline")
    assert _crawl_interval(given) == 0.2
    monkeypatch.setenv("KLIPING_PROGRESS_INTERVAL", "soon")
    assert _crawl_interval(project) == 60.0


def test_a_progress_left_open_stops_its_ticker() -> None:
    """A job that fails without closing its progress (a library caller's exception) leaves no
    thread writing lines for ever."""
    import gc
    import threading

    p = JobProgress("ingest", 3, mode="lines", interval=0.05, stream=io.StringIO()).start()
    ticker = p._ticker
    assert ticker is not None and ticker.is_alive()
    del p
    gc.collect()
    ticker.join(timeout=30)
    assert not ticker.is_alive() and ticker not in threading.enumerate()
