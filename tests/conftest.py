"""Shared helpers: run the real `kliping` command in a child process, as users do."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile

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
