"""Per-site fixtures: each registered site's saved pages cleaned with its layout of the time.

Site tests are data (DESIGN.md §5): ``tests/sites/<key>/fixtures.json`` names each page's real URL,
fetch time and layout version, the exact fields expected, and body snippets that must / must not
appear. Adding a site adds files, not test code.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from kliping.clean import clean
from kliping.sites.registry import all_sites

ROOT = Path(__file__).parent / "sites"
SITES = {k: s for k, s in all_sites().items() if not s.sample}
EXACT_FIELDS = {
    "title", "published_date", "published_at", "authors", "editors", "dateline_place",
    "dateline_source", "section", "canonical_url", "description",
}


def load(key: str) -> dict:
    return json.loads((ROOT / key / "fixtures.json").read_text(encoding="utf-8"))


CASES = [
    pytest.param(key, case, id=f"{key}-{case['file']}")
    for key in sorted(SITES)
    if (ROOT / key / "fixtures.json").exists()
    for case in load(key)["articles"]
]


def test_every_real_site_has_fixtures() -> None:
    assert len(SITES) >= 15
    missing = [k for k in SITES if not (ROOT / k / "fixtures.json").exists()]
    assert missing == []


@pytest.mark.parametrize("key", sorted(SITES))
def test_fixture_per_layout_version(key: str) -> None:
    site = SITES[key]
    covered = {case["layout"] for case in load(key)["articles"]}
    assert covered == {lay.version for lay in site.layouts}
    for case in load(key)["articles"]:
        fetched = datetime.fromisoformat(case["fetched_at"])
        assert site.layout_for(fetched).version == case["layout"], case["file"]


@pytest.mark.parametrize("key", sorted(SITES))
def test_fixture_files_sound(key: str) -> None:
    spec = load(key)
    site = SITES[key]
    assert spec["site"] == key
    for url, name in spec["pages"].items():
        assert (ROOT / key / name).is_file(), name
        assert (ROOT / key / name).stat().st_size < 8_000, f"{name}: keep fixture pages compact"
        assert url.startswith("https://")
    assert len(spec["articles"]) >= 2
    for case in spec["articles"]:
        # empty expectations prove nothing
        assert case["expected"] and case["must_contain"] and case["must_not_contain"], case["file"]
        for name, value in case["expected"].items():
            assert name in EXACT_FIELDS, name
            assert value not in (None, "", []), f"{case['file']}: empty expected {name}"
        assert site.is_article(case["url"].split("?")[0]), case["url"]
    for url in spec["crawl"]["articles"]:
        assert site.is_article(url), url
    kinds = {s.kind for s in site.sources}
    assert len(kinds) >= 2


@pytest.mark.parametrize(("key", "case"), CASES)
def test_site_fixture(key: str, case: dict) -> None:
    site = SITES[key]
    body = (ROOT / key / case["file"]).read_bytes()
    raw = {
        "url": case["url"], "final_url": case["url"], "site": key, "status": 200,
        "headers": {"content-type": "text/html; charset=utf-8"}, "body": body,
        "fetched_at": datetime.fromisoformat(case["fetched_at"]), "run_id": "t", "fetch_id": "t",
    }
    art = clean(raw, site)
    got = {}
    for name in case["expected"]:
        value = art.get(name)
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        got[name] = value
    assert got == case["expected"]
    text = art["text"]
    for snippet in case["must_contain"]:
        assert snippet in text, f"missing {snippet!r}"
    for snippet in case["must_not_contain"]:
        assert snippet not in text, f"boilerplate {snippet!r} kept"
