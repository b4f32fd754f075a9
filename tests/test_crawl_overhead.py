"""The crawl process's own per-page costs: its stats collector (Scrapy's MemoryStatsCollector
without its per-access shim) and its garbage collector's settings."""

from __future__ import annotations

import gc
import importlib
import os
import timeit

from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from kliping.crawler.run import _project
from kliping.crawler.stats import QUICK, SCRAPY_DEFAULT, QuickStatsCollector
from kliping.pipelines.clean_article import YOUNG_GENERATION, settle_collector


class _Crawler:
    settings = Settings({"STATS_DUMP": False})
    spider = None


def _exercise(stats: MemoryStatsCollector) -> dict:
    stats.open_spider()
    stats.inc_value("kliping/articles/new")
    stats.inc_value("kliping/articles/new", 2)
    stats.inc_value("kliping/raw/archived", start=10)
    stats.max_value("kliping/throttle/max_delay", 1.5)
    stats.max_value("kliping/throttle/max_delay", 0.5)
    stats.min_value("first", 3)
    stats.min_value("first", 1)
    stats.set_value("kliping/site_key", "contoh")
    assert stats.get_value("kliping/articles/new") == 3
    assert stats.get_value("missing", "x") == "x"
    return dict(stats.get_stats())


def test_quick_collector_keeps_the_same_stats_as_scrapys() -> None:
    assert _exercise(QuickStatsCollector(_Crawler())) == _exercise(MemoryStatsCollector(_Crawler()))


def test_quick_collector_has_no_per_access_shim() -> None:
    """Scrapy's collector builds a name and raises an AttributeError on each attribute read;
    the quick one reads attributes as any object does, and an inc_value costs a fraction."""
    quick, scrapys = QuickStatsCollector(_Crawler()), MemoryStatsCollector(_Crawler())
    assert type(quick).__getattribute__ is object.__getattribute__
    fast = min(timeit.repeat(lambda: quick.inc_value("a"), number=20_000, repeat=3))
    slow = min(timeit.repeat(lambda: scrapys.inc_value("a"), number=20_000, repeat=3))
    assert fast < slow / 2, (fast, slow)


def test_kliping_crawl_uses_it_unless_told_otherwise() -> None:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kliping.settings")
    assert _project("out", None, {}).get("STATS_CLASS") == QUICK
    other = "scrapy.statscollectors.DummyStatsCollector"
    assert _project("out", None, {"STATS_CLASS": other}).get("STATS_CLASS") == other
    # the project's setting (kliping/settings.py), so scrapy crawl and Scrapyd get it too; Scrapy's
    # own collector, asked for by name, is what a user gets
    assert Settings(vars(importlib.import_module("kliping.settings"))).get("STATS_CLASS") == QUICK
    assert _project("out", None, {"STATS_CLASS": SCRAPY_DEFAULT}).get("STATS_CLASS") == SCRAPY_DEFAULT


def test_crawl_process_collector_is_settled() -> None:
    """Start-up objects frozen out of the collector, a young generation of 10,000 objects (700 by
    default), a user's higher threshold kept, and cycles still collected."""
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        gc.set_threshold(700, 10, 10)
        settle_collector()
        assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)
        assert gc.get_freeze_count() >= frozen
        gc.set_threshold(50_000, 20, 30)
        settle_collector()
        assert gc.get_threshold() == (50_000, 20, 30)
        gc.set_threshold(YOUNG_GENERATION, 10, 10)
        gc.collect()

        class Node:
            pass

        for _ in range(YOUNG_GENERATION * 3):  # cyclic garbage: collected without being asked
            a, b = Node(), Node()
            a.other, b.other = b, a
        assert gc.get_count()[0] < YOUNG_GENERATION
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
