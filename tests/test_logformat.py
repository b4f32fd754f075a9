"""Scrapy's per-page DEBUG lines ("Crawled (200)", "Scraped from") are built only when a handler
takes DEBUG (kliping/crawler/logformat.py): ``-vv`` shows them, ``-v`` and the default do not."""

from __future__ import annotations

import json
import logging

from kliping.crawler.logformat import debug_heard
from kliping.testing.sample import SampleServer
from tests.conftest import kliping


def test_debug_heard_follows_the_handlers() -> None:
    logger = logging.getLogger("kliping-test-logformat.child")
    parent = logging.getLogger("kliping-test-logformat")
    parent.propagate = False  # the root's handlers (pytest's) stay out of it
    parent.setLevel(logging.DEBUG)
    handler = logging.NullHandler()
    try:
        handler.setLevel(logging.WARNING)
        parent.addHandler(handler)
        assert not debug_heard(logger.name)
        handler.setLevel(logging.DEBUG)
        assert debug_heard(logger.name)
        parent.setLevel(logging.INFO)  # the logger itself drops DEBUG: nobody hears it
        assert not debug_heard(logger.name)
    finally:
        parent.removeHandler(handler)
        parent.setLevel(logging.NOTSET)
        parent.propagate = True


def test_page_lines_only_at_debug(tmp_path) -> None:
    fast = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]
    args = ["crawl", "suarawarga", "--since", "2024-01-05", "--until", "2024-01-06"]
    with SampleServer() as server:
        mirror = ["--mirror", json.dumps(server.mirror())]
        info = kliping(*args, "--out", str(tmp_path / "a"), *mirror, "-v", *fast)
        debug = kliping(*args, "--out", str(tmp_path / "b"), *mirror, "-vv", *fast)
    assert info.returncode == debug.returncode == 0, info.stderr[-2000:] + debug.stderr[-2000:]
    assert "Crawled (200)" in debug.stderr and "Scraped from <200" in debug.stderr
    assert "Crawled (200)" not in info.stderr and "Scraped from" not in info.stderr
    assert " INFO: " in info.stderr
