"""A real scrapyd on 127.0.0.1 for the tests, and the project deployed to it (as redis_server.py
is for Redis). Bounded: scrapyd must answer within 30 s, a deploy within 180 s, a job within 180 s.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
INSTALLED = (BIN / "scrapyd").exists() and (BIN / "scrapyd-deploy").exists()
MISSING = "scrapyd / scrapyd-client not installed (pip install -e '.[dev]')"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=30) as resp:
        return json.loads(resp.read())


@contextmanager
def scrapyd(home: Path) -> Iterator[str]:
    """A scrapyd whose files live in ``home``, running until the block ends; yields its base URL."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\npoll_interval = 0.5\nmax_proc = 1\n"
    )
    base = f"http://127.0.0.1:{port}/"
    with open(home / "scrapyd.log", "wb") as log:
        proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
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
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=15)


def deploy(base: str, where: Path) -> subprocess.CompletedProcess:
    """Deploy a copy of the project (scrapyd-deploy writes a setup.py where it runs) as version t1."""
    project = where / "project"
    shutil.copytree(ROOT / "kliping", project / "kliping", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "scrapy.cfg").write_text(
        "[settings]\ndefault = kliping.settings\n\n"
        f"[deploy:local]\nurl = {base}\nproject = kliping\n"
    )
    return subprocess.run([str(BIN / "scrapyd-deploy"), "local", "--version", "t1"],
                          cwd=project, capture_output=True, text=True, timeout=180)


def wait_finished(base: str, job_id: str, seconds: float = 180) -> bool:
    """Has the job finished within ``seconds``?"""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(j["id"] == job_id for j in api(base, "listjobs.json?project=kliping")["finished"]):
            return True
        time.sleep(0.5)
    return False
