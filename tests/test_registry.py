"""Registry invariants: file stem == site key == spider name, sound definitions."""

import importlib
import inspect
from pathlib import Path

import pytest

from kliping.sites.base import BACKFILL_KINDS, FRESH_KINDS, Layout, Site, SiteConfigError, Source
from kliping.sites.registry import all_sites, get_site, site_for_url
from kliping.spiders.base import NewsSpider

SITES = all_sites()
PKG = Path(__file__).resolve().parents[1] / "kliping"


def test_registry_not_empty() -> None:
    assert len(SITES) >= 3


@pytest.mark.parametrize("key", sorted(SITES))
def test_stem_key_spider_name(key: str) -> None:
    site = SITES[key]
    assert (PKG / "sites" / f"{key}.py").exists()
    assert not (PKG / "spiders" / f"{key}.py").exists(), "spiders are made from the registry"
    module = importlib.import_module("kliping.spiders.sites")
    spiders = [
        obj for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, NewsSpider) and obj is not NewsSpider and obj.name == key
    ]
    assert len(spiders) == 1
    spider = spiders[0]
    assert spider.name == key == site.key
    assert spider.site is site
    assert spider.__name__ == key.title().replace("_", "") + "Spider"


def test_unique_domains() -> None:
    domains = [s.domain for s in SITES.values()]
    assert len(domains) == len(set(domains))


@pytest.mark.parametrize("key", sorted(SITES))
def test_fresh_and_backfill_sources(key: str) -> None:
    kinds = {src.kind for src in SITES[key].sources}
    assert kinds & FRESH_KINDS, f"{key} has no fresh source"
    assert kinds & BACKFILL_KINDS, f"{key} has no backfill source"


def test_site_for_url() -> None:
    assert site_for_url("https://news.detakberita.example/berita/d-1/x").key == "detakberita"
    assert site_for_url("https://regional.kabarnusa.example/read/x").key == "kabarnusa"
    assert site_for_url("https://elsewhere.example/") is None
    assert get_site("suarawarga").zone == "WIT"


def _site(**kw):
    base = dict(key="x", name="X", domain="x.example", sources=(Source("feed", "https://x.example/feed"),),
                article_pattern=r"/read/")
    base.update(kw)
    return Site(**base)


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"key": "Bad Key"}, "key"),
        ({"zone": "UTC"}, "zone"),
        ({"domain": "https://x.example/"}, "domain"),
        ({"sources": ()}, "sources"),
        ({"sources": (Source("rss", "https://x.example/feed"),)}, "sources[0].kind"),  # type: ignore[arg-type]
        ({"sources": (Source("feed", "/feed"),)}, "sources[0].url"),
        ({"sources": (Source("date_index", "https://x.example/indeks"),)}, "sources[0].url"),
        ({"article_pattern": "(unclosed"}, "article_pattern"),
        ({"pagination": "everything"}, "pagination"),
        ({"layouts": (Layout("V1"), Layout("V2"))}, "layouts"),
    ],
)
def test_malformed_site_rejected_naming_field(kw: dict, field: str) -> None:
    with pytest.raises(SiteConfigError, match=rf"field '{__import__('re').escape(field)}'"):
        _site(**kw)


def test_layout_chosen_by_fetch_date() -> None:
    from datetime import date

    site = _site(layouts=(Layout("V1", valid_until=date(2024, 6, 30)), Layout("V2")))
    assert site.layout_for(date(2024, 1, 1)).version == "V1"
    assert site.layout_for(date(2024, 6, 30)).version == "V1"
    assert site.layout_for(date(2024, 7, 1)).version == "V2"
    assert site.layout_for(None).version == "V2"
