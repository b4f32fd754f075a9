"""Shared helpers: run the real `kliping` command in a child process, as users do."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# kliping's derived-file cache (the decompressed language model) goes to a directory of this test
# session, not the user's ~/.cache; child processes inherit it.
if "KLIPING_CACHE_DIR" not in os.environ:
    os.environ["KLIPING_CACHE_DIR"] = tempfile.mkdtemp(prefix="kliping-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KLIPING_CACHE_DIR"], True)

# The suite checks the package's own sites: a reader's KLIPING_SITES_PATH stays out of it (the
# plugin tests set their own, in child processes).
os.environ.pop("KLIPING_SITES_PATH", None)

# The sample server is local: crawl it fast (the defaults are polite for the real web).
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"]


def kliping_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kliping", *args]


def kliping(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(kliping_cmd(*args), capture_output=True, text=True, timeout=timeout)


def one_line(r: subprocess.CompletedProcess) -> str:
    """The stderr of a failed command: exactly one line, never a traceback (the CLI contract)."""
    err = r.stderr.strip()
    assert "Traceback" not in err, err
    assert len(err.splitlines()) == 1, err
    return err


@pytest.fixture
def run_kliping():
    return kliping


@contextmanager
def lock_held(out: object, run_id: str = "run-A") -> Iterator[subprocess.Popen]:
    """Another process holding ``out``'s output lock as ``run_id`` (it sleeps 60 s at most),
    killed when the block ends unless a test killed it first."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import time; from kliping.crawler.runlock import RunLock; "
         f"lock = RunLock({str(out)!r}, {run_id!r}).acquire(); print('locked', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's output (``kliping demo``), one per test module that asks for it."""
    out = tmp_path_factory.mktemp("demo") / "out"
    r = kliping("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    return out
