"""Article URL schemes of the past decade (issue #14.4), as data.

Each registry site lists its article URL schemes in ``kliping/sites/<key>.py`` (``URL_SCHEMES``,
newest first; the article pattern is their union). ``tests/sites/<key>/urls.json`` gives at least
one example URL per scheme and pages that are not articles (indexes, tags, sections, photo and video
pages). A backfill through sitemap indexes or web archives meets every one of these forms.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from kliping.sites.registry import all_sites

ROOT = Path(__file__).parent / "sites"
DOCS = Path(__file__).parent.parent / "docs" / "sites.md"
# Sites that list their schemes (every registry publisher does; a new site may start with a plain
# article_pattern and add URL_SCHEMES with tests/sites/<key>/urls.json as it learns older forms).
SITES = {
    k: s
    for k, s in all_sites().items()
    if not s.sample and hasattr(importlib.import_module(f"kliping.sites.{k}"), "URL_SCHEMES")
}
PUBLISHERS = {
    "detik", "kompas", "tempo", "cnnindonesia", "liputan6", "antaranews", "tribunnews", "okezone",
    "republika", "kumparan", "suara", "cnbcindonesia", "merdeka", "viva", "mediaindonesia",
}  # fmt: skip


def _examples(key: str) -> dict:
    return json.loads((ROOT / key / "urls.json").read_text(encoding="utf-8"))


def _schemes(key: str) -> dict[str, str]:
    return importlib.import_module(f"kliping.sites.{key}").URL_SCHEMES


POSITIVE = [
    pytest.param(key, scheme, url, id=f"{key}-{scheme}-{i}")
    for key in sorted(SITES)
    for scheme, urls in _examples(key)["articles"].items()
    for i, url in enumerate(urls)
]
NEGATIVE = [
    pytest.param(key, url, id=f"{key}-not-{i}")
    for key in sorted(SITES)
    for i, url in enumerate(_examples(key)["not_articles"])
]


def test_every_registry_publisher_lists_its_schemes() -> None:
    assert PUBLISHERS <= set(SITES)


@pytest.mark.parametrize("key", sorted(SITES))
def test_every_scheme_has_an_example(key: str) -> None:
    spec = _examples(key)
    assert spec["site"] == key
    schemes = _schemes(key)
    assert SITES[key].article_pattern == "|".join(schemes.values())
    assert set(spec["articles"]) == set(schemes), "one example list per scheme, no stray names"
    assert all(spec["articles"].values()) and spec["not_articles"]


@pytest.mark.parametrize(("key", "scheme", "url"), POSITIVE)
def test_scheme_example_is_an_article(key: str, scheme: str, url: str) -> None:
    assert re.search(_schemes(key)[scheme], url), f"{scheme} does not match its own example"
    assert SITES[key].is_article(url)


@pytest.mark.parametrize(("key", "url"), NEGATIVE)
def test_listing_pages_are_not_articles(key: str, url: str) -> None:
    assert not SITES[key].is_article(url)


def test_fixture_urls_still_articles() -> None:
    """The fixture pages' own URLs (today's scheme and the older layouts') stay recognised."""
    for key in SITES:
        spec = json.loads((ROOT / key / "fixtures.json").read_text(encoding="utf-8"))
        for case in spec["articles"]:
            assert SITES[key].is_article(case["url"]), case["url"]


def test_docs_list_every_scheme() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key in SITES:
        for scheme in _schemes(key):
            assert f"| {key} | `{scheme}` |" in text, f"docs/sites.md: {key} scheme {scheme} missing"
