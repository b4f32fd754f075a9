"""Scrapy's stats collector without its per-access deprecation shim.

Scrapy 2.13+ gives ``StatsCollector`` a ``__getattribute__`` that, on every attribute read of the
collector (``inc_value``, and ``self._stats`` inside it), builds a ``_cached_<name>`` string and
tries it first, raising and catching an ``AttributeError`` for every plain attribute; the methods
themselves come wrapped in a check that warns when a ``spider`` argument is passed. One
``inc_value`` costs ~5 µs where the dictionary update is ~0.25 µs, and a crawl makes 16-20 of them
a page (Scrapy's downloader, scraper and core stats, kliping's counters): ~0.08 ms of pure
overhead per page, about 5% of the crawl process's own CPU time on bench/crawl.py.

:class:`QuickStatsCollector` is Scrapy's ``MemoryStatsCollector`` with plain attribute access:
the same methods, the same values, the stats kept per spider at close. It is the project's
``STATS_CLASS`` (kliping/settings.py): ``kliping crawl``, ``scrapy crawl`` and Scrapyd jobs use it
unless ``STATS_CLASS`` names another collector.
"""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector

SCRAPY_DEFAULT = "scrapy.statscollectors.MemoryStatsCollector"
QUICK = "kliping.crawler.stats.QuickStatsCollector"


class QuickStatsCollector(MemoryStatsCollector):
    """``MemoryStatsCollector`` whose attributes are read as any object's."""

    __getattribute__ = object.__getattribute__  # type: ignore[assignment]
