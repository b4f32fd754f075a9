"""Spiders made from the registry, source kinds as strategies, the site's article hook, and
docs/sites.md generated from the registry."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from kliping.clean import clean
from kliping.cli.sites import markdown
from kliping.sites.base import SOURCE_KINDS, Site, Source
from kliping.sites.registry import all_sites, get_site, is_builtin, site_origin
from kliping.spiders import sites as generated
from kliping.spiders.base import NewsSpider
from kliping.spiders.generic import GenericSpider
from kliping.spiders.sources import STRATEGIES, DateIndexStrategy

ROOT = Path(__file__).resolve().parents[1]
SITES = all_sites()


def test_no_spider_files_per_site() -> None:
    files = {p.stem for p in (ROOT / "kliping" / "spiders").glob("*.py")}
    assert files == {"__init__", "base", "generic", "sites", "sources"}


def test_scrapy_loader_finds_one_generated_spider_per_site() -> None:
    loader = SpiderLoader.from_settings(get_project_settings())
    assert set(loader.list()) == {*SITES, "generic", "news"}
    for key, site in SITES.items():
        cls = loader.load(key)
        assert issubclass(cls, NewsSpider) and cls.site is site and cls.name == key
        assert cls.__name__ == generated.spider_class_name(key)
        assert cls.__module__ == "kliping.spiders.sites"
    assert loader.load("generic") is GenericSpider  # still a class of its own (-a domain=)


def test_scrapy_list_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert set(proc.stdout.split()) == {*SITES, "generic", "news"}


def test_import_by_class_name() -> None:
    from kliping.spiders import KabarnusaSpider, SuarawargaSpider

    assert SuarawargaSpider.site is get_site("suarawarga")
    assert KabarnusaSpider is generated.SPIDERS["KabarnusaSpider"]
    with pytest.raises(ImportError):
        from kliping.spiders import NoSuchSpider  # noqa: F401


def test_make_spider_for_a_new_site() -> None:
    site = Site(key="kabar_baru", name="Kabar Baru", domain="kabarbaru.example",
                sources=(Source("feed", "https://kabarbaru.example/rss"),), article_pattern="/berita/")
    cls = generated.make_spider(site)
    assert (cls.__name__, cls.name, cls.site) == ("KabarBaruSpider", "kabar_baru", site)


def test_every_source_kind_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(SOURCE_KINDS)
    for strategy in STRATEGIES.values():
        assert callable(getattr(NewsSpider, strategy.parser))


def test_strategies_build_the_first_requests() -> None:
    sample = get_site("kabarnusa")  # a news sitemap and a date index; a feed and a sitemap added
    site = dataclasses.replace(sample, sources=(
        *sample.sources, Source("feed", "https://www.kabarnusa.example/rss"),
        Source("sitemap", "https://www.kabarnusa.example/sitemap.xml")))
    assert {s.kind for s in site.sources} == set(SOURCE_KINDS)
    spider_cls = generated.make_spider(site)
    crawler = get_crawler(spider_cls)
    spider = spider_cls.from_crawler(crawler, since="2024-01-08", until="2024-01-10")
    requests = list(spider.source_requests())
    by_kind: dict[str, list] = {}
    for request in requests:
        by_kind.setdefault(request.cb_kwargs["source"].kind, []).append(request)
    assert set(by_kind) == {s.kind for s in site.sources}
    for source in site.sources:
        got = by_kind[source.kind]
        parser = STRATEGIES[source.kind].parser
        assert all(r.callback.__name__ == parser and r.dont_filter for r in got)
        if isinstance(STRATEGIES[source.kind], DateIndexStrategy):
            days = [r.cb_kwargs["day"] for r in got]
            assert days == [date(2024, 1, 10), date(2024, 1, 9), date(2024, 1, 8)]  # newest first
            assert got[0].url == source.url_for(date(2024, 1, 10), source.first_page)
        else:
            assert [r.url for r in got] == [source.url]


def _fixture_raw(key: str) -> dict:
    spec = json.loads((ROOT / "tests" / "sites" / key / "fixtures.json").read_text(encoding="utf-8"))
    case = spec["articles"][0]
    body = (ROOT / "tests" / "sites" / key / case["file"]).read_bytes()
    return {"url": case["url"], "final_url": case["url"], "site": key, "status": 200,
            "headers": {"content-type": "text/html; charset=utf-8"}, "body": body,
            "fetched_at": datetime.fromisoformat(case["fetched_at"]).astimezone(UTC)}


def test_site_post_process_hook_runs_last_in_clean() -> None:
    """A site's article hook sees the finished record and the raw page; whatever reads through
    kliping.clean.clean (crawl pipeline, reclean, extract, verify) gets its result."""
    site = get_site("tempo")
    raw = _fixture_raw("tempo")
    plain = clean(raw, site)
    seen: list[tuple[dict, object]] = []

    def hook(article: dict, page) -> dict:  # type: ignore[no-untyped-def]
        seen.append((dict(article), page))
        return {**article, "section": "Nasional (hook)", "tags": [*article["tags"], "diperiksa"]}

    hooked = clean(raw, dataclasses.replace(site, post_process=hook))
    assert seen and seen[0][0] == plain and seen[0][1] is raw
    assert hooked["section"] == "Nasional (hook)" and hooked["tags"][-1] == "diperiksa"
    assert {k: v for k, v in hooked.items() if k not in ("section", "tags")} == {
        k: v for k, v in plain.items() if k not in ("section", "tags")}
    assert dataclasses.replace(site, post_process=hook) == site  # data equality ignores the hook


def test_origins() -> None:
    assert site_origin("detik") == "kliping.sites.detik" and is_builtin("detik")


def test_docs_sites_generated_from_registry() -> None:
    assert (ROOT / "docs" / "sites.md").read_text(encoding="utf-8") == markdown(), (
        "docs/sites.md is stale: run `kliping sites --markdown > docs/sites.md`"
    )
