"""Site rules are hints, never a cliff (issue 14 item 1).

A layout's ``body_xpath`` that matches nothing, or matches a container holding less of the prose
than the generic path finds, gives way to the generic path, and ``clean()`` says so
(``signals["layout_drift"]``); a crawl counts those pages per site (``kliping/layout/drift``), the
health check ``layout_drift`` fails a run where too many pages drifted, and ``kliping runs`` shows
the count. Bodies written as text runs separated by ``<br>`` are paragraphs, with or without a
site. The pages are written for these tests, modelled on Indonesian news portals.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from kliping.clean import NotAnArticle, br_paragraphs, clean, decode
from kliping.crawler.health import DEFAULT_THRESHOLDS, check_site
from kliping.crawler.ledger import read_ledger
from kliping.sites.base import Layout, Site, Source
from kliping.testing.fixture_server import FixtureServer
from tests.conftest import FAST, kliping

# bench/_score.py loaded by path: putting bench/ on sys.path would let bench/distributed.py shadow
# the dask `distributed` package for every later test in this process
_SPEC = importlib.util.spec_from_file_location(
    "_kliping_bench_score", Path(__file__).resolve().parent.parent / "bench" / "_score.py"
)
_score_mod = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_score_mod)
score = _score_mod.score

URL = "https://warta.example.id/berita/2025/03/11/123456/jembatan-baru-dibuka"
PARAS = [
    "Pemerintah Kabupaten Sleman membuka jembatan gantung baru yang menghubungkan dua desa di "
    "lereng Merapi pada Selasa pagi.",
    "Jembatan sepanjang 120 meter itu dibangun selama delapan bulan dengan dana desa dan bantuan "
    "provinsi, kata kepala dinas pekerjaan umum setempat.",
    "Warga yang sebelumnya harus memutar sejauh 14 kilometer kini cukup berjalan kaki sepuluh "
    "menit untuk sampai ke pasar dan sekolah.",
    "Dinas akan memeriksa kekuatan tali baja jembatan setiap tiga bulan sekali, terutama "
    "menjelang musim hujan.",
]
SITE = Site(
    key="warta",
    name="Warta Contoh",
    domain="warta.example.id",
    sources=(Source("feed", "https://warta.example.id/rss"),),
    article_pattern=r"/berita/\d{4}/",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'isi-berita')]",
            prune_xpaths=("//div[contains(@class,'kotak-tag')]",),
        ),
    ),
)


def page(body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        "<title>Jembatan Baru Dibuka - Warta Contoh</title>"
        "<meta property='og:title' content='Jembatan Baru Dibuka'>"
        "<meta property='article:published_time' content='2025-03-11T08:15:00+07:00'>"
        "</head><body><header><nav><a href='/'>Beranda</a> <a href='/berita'>Berita</a> "
        "<a href='/populer'>Terpopuler</a></nav></header><main><article>"
        "<h1>Jembatan Baru Dibuka</h1><div class='tanggal'>Selasa, 11 Maret 2025 08:15 WIB</div>"
        f"{body}</article><aside><h3>Berita Lainnya</h3><ul>"
        "<li><a href='/berita/2025/03/10/1/banjir'>Banjir Rendam Tiga Kecamatan di Klaten</a></li>"
        "<li><a href='/berita/2025/03/10/2/pasar'>Harga Cabai di Pasar Beringharjo Turun</a></li>"
        "</ul></aside></main><footer><p>Hak Cipta © 2025 Warta Contoh</p></footer></body></html>"
    )


def raw(html: str, url: str = URL) -> dict:
    return {"body": html.encode(), "headers": {}, "url": url, "final_url": url, "site": "warta",
            "fetched_at": datetime(2025, 3, 11, 5, tzinfo=UTC), "run_id": "t", "fetch_id": "t"}  # fmt: skip


def as_p(cls: str) -> str:
    inner = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"<div class='{cls}'><p><strong>SLEMAN</strong> - {inner[3:]}</div>"


def as_br(cls: str) -> str:
    return f"<div class='{cls}'><b>SLEMAN</b> - " + "<br><br>".join(PARAS) + "</div>"


def f1(text: str) -> float:
    return score({"a": text}, {"a": "\n\n".join(PARAS)})["f1"]


def test_site_selector_that_holds_is_used_without_drift() -> None:
    signals: dict = {}
    rec = clean(raw(page(as_p("isi-berita"))), SITE, signals=signals)
    assert rec["text"].split("\n\n") == PARAS
    assert rec["dateline_place"] == "Sleman"
    assert signals == {}


def test_selector_matching_nothing_falls_back_to_the_generic_path() -> None:
    # a redesign renamed the body's class: the page is kept, and the miss is reported
    signals: dict = {}
    rec = clean(raw(page(as_p("content-body"))), SITE, signals=signals)
    assert rec["text"] == clean(raw(page(as_p("content-body"))))["text"]
    assert f1(rec["text"]) == 1.0
    assert signals == {"layout_drift": "missed"}


def test_selector_keeping_less_than_the_generic_path_gives_way() -> None:
    # the selector now matches the lead paragraph's box only; the rest of the story is outside it
    body = (f"<div class='isi-berita'><p>{PARAS[0]}</p></div><div class='lanjutan'>"
            + "".join(f"<p>{p}</p>" for p in PARAS[1:]) + "</div>")  # fmt: skip
    signals: dict = {}
    rec = clean(raw(page(body)), SITE, signals=signals)
    assert f1(rec["text"]) == 1.0
    assert signals == {"layout_drift": "short"}


def test_selector_on_a_teaser_box_does_not_replace_the_story() -> None:
    # the selector matches a small box of link headlines; the article is elsewhere
    body = ("<div class='isi-berita'><a href='/berita/2025/03/01/9/x'>Banjir Rendam Tiga "
            "Kecamatan di Klaten</a></div>" + as_p("konten"))  # fmt: skip
    signals: dict = {}
    rec = clean(raw(page(body)), SITE, signals=signals)
    assert f1(rec["text"]) == 1.0 and "Klaten" not in rec["text"]
    assert signals["layout_drift"] in ("missed", "short")


def test_broken_selector_is_a_miss_not_a_crash() -> None:
    import copy

    from kliping.sites.base import SiteConfigError

    broken = (Layout("V1", body_xpath="//div[@"),)
    with pytest.raises(SiteConfigError, match=r"layouts\[0\]\.body_xpath"):  # refused when defined
        Site(key="warta", name="Warta", domain="warta.example.id", sources=SITE.sources,
             article_pattern=SITE.article_pattern, layouts=broken)  # fmt: skip
    # one that got past the check all the same (built in code, after it) is a miss at clean time
    site = copy.copy(SITE)
    object.__setattr__(site, "layouts", broken)
    signals: dict = {}
    assert f1(clean(raw(page(as_p("isi-berita"))), site, signals=signals)["text"]) == 1.0
    assert signals == {"layout_drift": "missed"}


def test_generic_path_wins_only_when_it_covers_the_site_body() -> None:
    from kliping.clean.body import _generic_better

    story = PARAS
    other = [
        "Ribuan penonton memadati stadion untuk menyaksikan laga final liga sepak bola putri antar "
        "provinsi yang berakhir dengan adu penalti pada Minggu malam di Bandung.",
    ] * 6
    assert _generic_better(story[:1], story)  # the whole story, the site had its lead only
    assert _generic_better([], story)  # the site's box gave nothing
    assert not _generic_better(story, story + ["Editor: Rina"])  # about the same: the site stays
    assert not _generic_better(story, other)  # more words, another text: not the site's story
    assert not _generic_better(story[:1], ["Video: banjir"])  # the generic path found no body


@pytest.mark.parametrize("site", [SITE, None], ids=["site", "generic"])
def test_br_separated_runs_are_paragraphs(site: Site | None) -> None:
    # the page that was lost: the site's selector matched a container of <br> runs, no <p>
    signals: dict = {}
    rec = clean(raw(page(as_br("isi-berita"))), site, signals=signals)
    assert rec["text"].split("\n\n") == PARAS
    assert rec["dateline_place"] == "Sleman"
    assert signals == {}


def test_br_runs_with_an_inline_related_link() -> None:
    body = ("<div class='isi-berita'>" + PARAS[0] + "<br><br><strong>Baca juga:</strong> "
            "<a href='/berita/2025/03/10/1/banjir'>Banjir Rendam Tiga Kecamatan di Klaten</a><br><br>"
            + "<br><br>".join(PARAS[1:]) + "</div>")  # fmt: skip
    rec = clean(raw(page(body)), SITE)
    assert rec["text"].split("\n\n") == PARAS


def test_br_paragraphs_leaves_short_line_breaks_alone() -> None:
    tree = decode.parse("<html><body><div id='alamat'>Jl. Palmerah 1<br>Jakarta<br>10270</div>"
                        "<p>Satu baris<br>dua baris</p></body></html>")  # fmt: skip
    before = etree.tostring(tree)
    br_paragraphs(tree)
    assert etree.tostring(tree) == before


def test_no_body_anywhere_is_still_not_an_article() -> None:
    signals: dict = {}
    with pytest.raises(NotAnArticle):
        clean(raw(page("<div class='isi-berita'><a href='/x'>Video: banjir</a></div>")), SITE,
              signals=signals)  # fmt: skip


def test_health_layout_drift_check() -> None:
    stats = {"kliping/articles/new": 10, "kliping/layout/drift": 2}
    rec = check_site("warta", stats)
    drift = next(c for c in rec["checks"] if c["check"] == "layout_drift")
    limit = DEFAULT_THRESHOLDS["max_share_layout_drift"]
    assert drift == {"check": "layout_drift", "value": 0.2, "limit": limit, "ok": True}
    assert rec["layout_drift"] == 2 and rec["ok"]
    redesigned = check_site("warta", {"kliping/articles/new": 10, "kliping/layout/drift": 10})
    assert not redesigned["ok"]
    assert check_site("warta", {"kliping/articles/new": 10, "kliping/layout/drift": 10},
                      thresholds={"max_share_layout_drift": 1.0})["ok"]  # fmt: skip


def test_crawl_of_a_redesigned_site_counts_drift(tmp_path: Path) -> None:
    """A real crawl of detik's fixture pages after a 'redesign' that renamed the body's class:
    every article is still stored whole, the run fails its layout_drift check, the ledger and
    ``kliping runs`` show the drifted pages."""
    root = tmp_path / "sites"
    shutil.copytree(Path(__file__).parent / "sites" / "detik", root / "detik")
    spec = json.loads((root / "detik" / "fixtures.json").read_text(encoding="utf-8"))
    for case in spec["articles"]:
        path = root / "detik" / case["file"]
        html = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"detail__body-text|detikdetailtext", "isi-artikel", html), encoding="utf-8")
    out = tmp_path / "out"
    with FixtureServer(root, ["detik"]) as server:
        done = kliping("crawl", "detik", "--since", spec["crawl"]["since"], "--until", spec["crawl"]["until"],
                       "--out", str(out), "--mirror", json.dumps(server.mirror()), *FAST)  # fmt: skip
    assert done.returncode == 1, done.stderr[-2000:]
    assert "HEALTH FAILED detik" in done.stdout and "layout_drift=1.0" in done.stdout
    [run] = read_ledger(out)
    health = json.loads(run["health"])["sites"]["detik"]
    assert health["layout_drift"] == len(spec["crawl"]["articles"]) == run["articles_new"]
    table = kliping("runs", str(out))
    assert table.returncode == 0 and f"detik:{run['articles_new']}" in table.stdout


def test_br_runs_beside_divs_of_bare_text_keep_them() -> None:
    # an older CMS: the lead in a <div> of its own, the rest as <br> runs in the next one
    body = (f"<div class='isi-berita'><div style='font-size:13px'>SLEMAN - {PARAS[0]}</div>"
            f"<div style='font-size:13px'><br></div><div style='font-size:13px'>{PARAS[1]}</div>"
            "<div style='font-size:13px'><br>" + "<br><br>".join(PARAS[2:]) + "</div></div>")  # fmt: skip
    for site in (SITE, None):
        rec = clean(raw(page(body)), site)
        assert rec["text"].split("\n\n") == PARAS
        assert rec["dateline_place"] == "Sleman"


@pytest.mark.parametrize("xpath", ["//div[contains(@class,'isi-berita')]/@class", "count(//p)"])
def test_selector_selecting_no_element_is_a_miss(xpath: str) -> None:
    site = Site(key="warta", name="Warta", domain="warta.example.id", sources=SITE.sources,
                article_pattern=SITE.article_pattern, layouts=(Layout("V1", body_xpath=xpath),))  # fmt: skip
    signals: dict = {}
    assert f1(clean(raw(page(as_p("isi-berita"))), site, signals=signals)["text"]) == 1.0
    assert signals == {"layout_drift": "missed"}
