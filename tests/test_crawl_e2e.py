"""End to end: the real Scrapy engine crawls the sample sites over HTTP on 127.0.0.1.

`kliping crawl` runs in a child process (its own reactor), exactly as a user runs it; the sample
server runs here, so the test can count what it served. The Parquet output is read back.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from w3lib.url import url_query_cleaner

from kliping.crawler.ledger import read_ledger
from kliping.crawler.seen import url_key
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import BROKEN, PLANTED_BOILERPLATE, SampleServer, catalog
from tests.conftest import FAST, kliping

SITES = ["detakberita", "kabarnusa", "suarawarga"]
WINDOW = ["--since", "2024-01-05", "--until", "2024-01-10", *FAST]


def listed(url: str) -> str:
    """The URL a source lists for an article, from the one-page variant that was fetched."""
    return url_query_cleaner(url, ["single", "page"], remove=True)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl")
    with SampleServer() as server:
        first = kliping("crawl", *SITES, *WINDOW, "--out", str(out), "--mirror",
                        json.dumps(server.mirror()))
        hits_first = Counter(server.hits)
        second = kliping("crawl", *SITES, *WINDOW, "--out", str(out), "--mirror",
                         json.dumps(server.mirror()))
        hits_second = Counter(server.hits) - hits_first
    return out, first, second, hits_first, hits_second


def test_crawl_exits_zero(crawl) -> None:
    _, first, second, *_ = crawl
    assert first.returncode == 0, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]


def test_every_sample_article_once(crawl) -> None:
    out = crawl[0]
    articles = read_dataset(out / "articles").to_pylist()
    expected = {a.url: a for a in catalog()}
    assert len(expected) >= 40
    got = Counter(listed(a["url"]) for a in articles)
    assert set(got) == set(expected), (set(expected) - set(got), set(got) - set(expected))
    assert max(got.values()) == 1, [u for u, n in got.items() if n > 1]
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids))


def test_fields_match_the_sample(crawl) -> None:
    out = crawl[0]
    truth = {a.url: a for a in catalog()}
    for art in read_dataset(out / "articles").to_pylist():
        t = truth[listed(art["url"])]
        assert art["site"] == t.site
        assert art["title"] == t.title, art["url"]
        assert art["published_date"] == t.published_date, art["url"]
        if art["published_at"] is not None:
            assert art["published_at"] == t.published_at, art["url"]
        assert art["text"], art["url"]
        assert art["run_id"] and art["fetch_id"] and art["fetched_at"] and art["cleaner_version"]
        # the body is exactly the article's paragraphs: nothing missing, nothing extra (a related
        # link's title left behind by a half-removed "Baca juga" box, say)
        assert art["text"].split("\n\n") == list(t.paragraphs), art["url"]


def test_no_planted_boilerplate(crawl) -> None:
    out = crawl[0]
    for art in read_dataset(out / "articles").to_pylist():
        for snippet in PLANTED_BOILERPLATE[art["site"]]:
            assert snippet not in art["text"], (art["url"], snippet)


def test_datelines_and_zones(crawl) -> None:
    out = crawl[0]
    truth = {a.url: a for a in catalog()}
    zones = Counter()
    for art in read_dataset(out / "articles").to_pylist():
        t = truth[listed(art["url"])]
        zones[t.zone] += 1
        if t.dateline_source:
            assert art["dateline_source"] == t.dateline_source, art["url"]
        if t.dateline_place:
            assert art["dateline_place"] == t.dateline_place, art["url"]
        if "weekday_mismatch" in t.flags:
            assert "weekday_mismatch" in art["date_flags"], art["url"]
    assert {"WIB", "WITA", "WIT"} <= set(zones)


def test_broken_cases(crawl) -> None:
    out, first, _, hits, _ = crawl
    raw_urls = {listed(u) for u in read_dataset(out / "raw").column("url").to_pylist()}
    assert BROKEN["not_found"] not in raw_urls
    assert BROKEN["non_article"] not in raw_urls
    assert hits[BROKEN["non_article"]] == 0, "the article pattern must not take a non-article page"
    flaky = [u for u in hits if listed(u) == BROKEN["flaky_500"]]
    assert flaky and sum(hits[u] for u in flaky) >= 2, "the 500 must be retried"
    assert BROKEN["flaky_500"] in raw_urls
    assert BROKEN["cp1252"] in raw_urls


def test_raw_archive_is_as_received(crawl) -> None:
    out = crawl[0]
    raw = read_dataset(out / "raw").to_pylist()
    assert len(raw) == len(catalog())
    for row in raw:
        assert row["status"] == 200 and row["body"].lstrip()[:1] == b"<"
        assert row["discovered_via"] in {"news_sitemap", "sitemap", "feed", "date_index"}
        assert row["url_key"] == url_key(row["url"])  # what the next run's seen set reads
    cp = [r for r in raw if listed(r["url"]) == BROKEN["cp1252"]][0]
    assert "windows-1252" in dict(cp["headers"])["content-type"]
    cp_article = [a for a in read_dataset(out / "articles").to_pylist()
                  if listed(a["url"]) == BROKEN["cp1252"]][0]
    truth = {a.url: a for a in catalog()}[BROKEN["cp1252"]]
    assert truth.paragraphs[0] in cp_article["text"]


def test_second_run_is_incremental(crawl) -> None:
    out, _, _, _, hits_second = crawl
    articles = read_dataset(out / "articles")
    assert articles.num_rows == len(catalog())  # nothing added twice
    runs = read_ledger(out)
    assert len(runs) == 2
    assert runs[0]["articles_new"] == len(catalog())
    assert runs[1]["articles_new"] == 0
    assert runs[1]["articles_skipped"] == len(catalog())  # each known article once
    assert all(r["status"] == "finished" for r in runs)
    truth_urls = {a.url for a in catalog()}
    refetched = [u for u in hits_second if listed(u) in truth_urls]
    assert refetched == [], "known articles must not be fetched again"
    assert any("sitemap" in u or "feed" in u or "indeks" in u for u in hits_second), (
        "listings must be re-read"
    )


def test_demo_command_twice(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    first = kliping("demo", "--out", str(out))
    assert first.returncode == 0, first.stderr[-3000:]
    assert "detakberita" in first.stdout and str(out) in first.stdout
    n = read_dataset(out / "articles").num_rows
    assert n >= 40
    second = kliping("demo", "--out", str(out))
    assert second.returncode == 0, second.stderr[-3000:]
    assert read_dataset(out / "articles").num_rows == n
