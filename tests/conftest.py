"""Shared helpers: run the real `kliping` command in a child process, as users do."""

from __future__ import annotations

import subprocess
import sys

import pytest

# The sample server is local: crawl it fast (the defaults are polite for the real web).
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"]


def kliping_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kliping", *args]


def kliping(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(kliping_cmd(*args), capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def run_kliping():
    return kliping
