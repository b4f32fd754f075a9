"""Scrapy's two log lines per page, made only when some handler would print them.

For every page Scrapy builds a "Crawled (200) <GET …>" and a "Scraped from <200 …>" record at
DEBUG, and its root handler (at ``LOG_LEVEL``: WARNING under ``kliping crawl``) throws both
away: a log record, its argument dict and the formatter's dict per line, for nothing (about 2% of
the crawl process's time on ``bench/crawl.py``). This formatter returns None for them (Scrapy then
logs nothing) unless a handler that takes DEBUG is listening; ``-vv`` and ``--log-file`` with
``-vv`` still show every line.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


def debug_heard(name: str = "scrapy") -> bool:
    """Would a DEBUG record of logger ``name`` reach a handler that prints it?"""
    logger: logging.Logger | None = logging.getLogger(name)
    if not logger.isEnabledFor(logging.DEBUG):  # type: ignore[union-attr]
        return False
    while logger is not None:
        if any(h.level <= logging.DEBUG for h in logger.handlers):
            return True
        if not logger.propagate:
            return False
        logger = logger.parent
    return False


class QuietLogFormatter(LogFormatter):
    def crawled(self, request: Any, response: Any, spider: Any) -> Any:
        return super().crawled(request, response, spider) if debug_heard() else None

    def scraped(self, item: Any, response: Any, spider: Any) -> Any:
        return super().scraped(item, response, spider) if debug_heard() else None
