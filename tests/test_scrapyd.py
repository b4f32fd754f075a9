"""The Scrapyd path: deploy the project to a real scrapyd on 127.0.0.1, schedule a job through its
HTTP API against the sample site, and read the job's Parquet output back."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kliping.crawler.ledger import read_ledger
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer, catalog

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(
    not (BIN / "scrapyd").exists() or not (BIN / "scrapyd-deploy").exists(),
    reason="scrapyd / scrapyd-client not installed (pip install -e '.[dev]')",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=30) as resp:
        return json.loads(resp.read())


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\npoll_interval = 0.5\nmax_proc = 1\n"
    )
    log = open(home / "scrapyd.log", "wb")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if api(base, "daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError((home / "scrapyd.log").read_text()[-2000:]) from None
                time.sleep(0.2)
        yield base, home
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        log.close()


def test_deploy_schedule_and_read_parquet(scrapyd, tmp_path) -> None:
    base, home = scrapyd
    # deploy from a copy of the project: scrapyd-deploy writes a setup.py where it runs
    project = tmp_path / "project"
    shutil.copytree(ROOT / "kliping", project / "kliping",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (project / "scrapy.cfg").write_text(
        "[settings]\ndefault = kliping.settings\n\n"
        f"[deploy:local]\nurl = {base}\nproject = kliping\n"
    )
    deployed = subprocess.run([str(BIN / "scrapyd-deploy"), "local", "--version", "t1"],
                              cwd=project, capture_output=True, text=True, timeout=180)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert "suarawarga" in api(base, "listspiders.json?project=kliping")["spiders"]

    out = tmp_path / "out"
    with SampleServer() as server:
        job = api(base, "schedule.json", [
            ("project", "kliping"), ("spider", "suarawarga"),
            ("since", "2024-01-05"), ("until", "2024-01-10"),
            ("setting", f"KLIPING_OUT={out}"),
            ("setting", f"KLIPING_MIRROR={json.dumps(server.mirror())}"),
            ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False"),
        ])
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            jobs = api(base, "listjobs.json?project=kliping")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the scrapyd job did not finish: " + json.dumps(jobs))

    expected = {a.url for a in catalog() if a.site == "suarawarga"}
    articles = read_dataset(out / "articles").to_pylist()
    assert {a["url"] for a in articles} == expected
    assert all(a["text"] and a["title"] for a in articles)
    runs = read_ledger(out)
    assert [r["status"] for r in runs] == ["finished"]
    assert runs[0]["articles_new"] == len(expected)
