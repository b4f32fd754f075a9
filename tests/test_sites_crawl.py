"""Crawl every real site's fixtures with the real engine, served from 127.0.0.1.

One ``kliping crawl`` of all registered real sites at once (a child process, like a user runs it)
against :class:`kliping.testing.fixture_server.FixtureServer`, which serves ``tests/sites/<key>/`` under the
sites' real URLs through ``--mirror``. Every source kind is exercised (news sitemap, feed, date index
with pagination, sitemap index filtered by lastmod), with ``--since``/``--until`` bounds, multi-page
rules (``?single=1``, ``?page=all``, joined "halaman selanjutnya" pages) and the skip rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from w3lib.url import url_query_cleaner

from kliping.dataset.storage import read_dataset
from kliping.sites.registry import all_sites
from kliping.testing.fixture_server import FixtureServer

ROOT = Path(__file__).parent / "sites"
SITES = sorted(k for k, s in all_sites().items() if not s.sample and (ROOT / k / "fixtures.json").exists())
SPECS = {k: json.loads((ROOT / k / "fixtures.json").read_text(encoding="utf-8")) for k in SITES}


def listed(url: str) -> str:
    return url_query_cleaner(url, ["single", "page"], remove=True)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("sites-crawl")
    spec = SPECS[SITES[0]]["crawl"]
    with FixtureServer(ROOT, SITES) as server:
        proc = subprocess.run(
            [sys.executable, "-m", "kliping", "crawl", *SITES, "--since", spec["since"],
             "--until", spec["until"], "--out", str(out), "--mirror", json.dumps(server.mirror())],
            capture_output=True, text=True, timeout=240,
        )
        hits = Counter(server.hits)
    return out, proc, hits


def test_crawl_exits_zero(crawl) -> None:
    _, proc, _ = crawl
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_all_sources_same_window(crawl) -> None:
    assert len({(s["crawl"]["since"], s["crawl"]["until"]) for s in SPECS.values()}) == 1
    kinds = {src.kind for k in SITES for src in all_sites()[k].sources}
    assert kinds == {"news_sitemap", "sitemap", "feed", "date_index"}


@pytest.mark.parametrize("key", SITES)
def test_site_articles_in_window(crawl, key: str) -> None:
    out, _, hits = crawl
    raw = [r for r in read_dataset(out / "raw").to_pylist() if r["site"] == key]
    got = Counter(listed(r["url"]) for r in raw)
    expected = set(SPECS[key]["crawl"]["articles"])
    assert set(got) == expected, (expected - set(got), set(got) - expected)
    assert max(got.values()) == 1
    assert {r["status"] for r in raw} == {200}
    # listing pages (date index page 2, child sitemaps) were walked
    for url in SPECS[key]["crawl"]["listings"]:
        assert hits[url] >= 1, f"listing not read: {url}"
    # out of the window, video / photo / tag / live pages, old child sitemaps: never fetched
    for url in SPECS[key]["crawl"]["never"]:
        assert not [u for u in hits if listed(u) == url], f"fetched {url}"


@pytest.mark.parametrize("key", SITES)
def test_site_articles_cleaned(crawl, key: str) -> None:
    out, _, _ = crawl
    arts = {listed(a["url"]): a for a in read_dataset(out / "articles").to_pylist() if a["site"] == key}
    by_file = {c["url"]: c for c in SPECS[key]["articles"]}
    pages = SPECS[key]["pages"]
    checked = 0
    for url, art in arts.items():
        fetch = [u for u in pages if listed(u) == url and u in by_file]
        assert fetch, url
        case = by_file[fetch[0]]
        assert art["title"] == case["expected"]["title"]
        assert art["published_date"].isoformat() == case["expected"]["published_date"]
        for snippet in case["must_contain"] + case.get("crawl_must_contain", []):
            assert snippet in art["text"], (url, snippet)
        for snippet in case["must_not_contain"]:
            assert snippet not in art["text"], (url, snippet)
        checked += 1
    assert checked == len(SPECS[key]["crawl"]["articles"])


def test_multi_page_rules(crawl) -> None:
    out, _, hits = crawl
    raw = read_dataset(out / "raw").to_pylist()
    fetched = defaultdict(set)
    for r in raw:
        fetched[r["site"]].add(r["url"])
    rules = {k: all_sites()[k].pagination for k in SITES}
    for key, rule in rules.items():
        if rule == "single=1":
            assert all(u.endswith("single=1") for u in fetched[key]), key
        elif rule == "page=all":
            assert all(u.endswith("page=all") for u in fetched[key]), key
    joined = [r for r in raw if "x-kliping-pages" in dict(r["headers"])]
    assert joined and all(r["site"] == "merdeka" for r in joined)
    assert all(hits[u] == 1 for r in joined for u in dict(r["headers"])["x-kliping-pages"].split())
