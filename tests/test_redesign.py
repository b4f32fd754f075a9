"""Robustness to redesigns (issue #14.6): a rewrite that keeps a page's content keeps its body.

For every fixture article (``tests/sites/*/fixtures.json`` and the bundled sample sites' articles)
and every rewrite in ``tests/redesign.py``, the body ``clean()`` extracts from the rewritten page
must match the body it extracts from the unmodified page: 4-token shingle F1 >= 0.95. The rewrites
themselves are checked to keep every word of the page.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import lxml.html
import pytest

from kliping.clean import NotAnArticle, clean
from kliping.sites.base import Site
from kliping.sites.registry import all_sites
from kliping.testing.sample.content import catalog
from kliping.testing.sample.server import respond
from tests.redesign import MARKUP_VARIANTS, VARIANTS, body_container, rewrite, shingle_f1, words

SITES_DIR = Path(__file__).parent / "sites"
HEADERS = {"content-type": "text/html; charset=utf-8"}
MIN_F1 = 0.95

# Cases that fail on this branch because of cleaner behaviour owned by issue #14.1/#14.2 (another
# branch, kliping/clean/): a body written as <br> runs is lost or cut, or related headlines come
# into it; once the site's class-based selectors and prune rules match nothing (renamed classes, or
# no URL so no site), byline, printed-date, dateline and related-link lines come back. Strict: when
# the cleaner is fixed these pass, and the marks go. An entry ending in "/" covers every case under it.
_FIXED_BY = {
    "br_paragraphs": "<br> runs are paragraphs: fixed by the site-rule fallback (#14.1)",
    "renamed": "selectors miss, byline/date lines kept: fixed by the fallback and families (#14.1, #14.2)",
    "no_url": "generic path keeps byline/date/dateline lines: fixed by the boilerplate families (#14.2)",
    "ad_split+strip_attrs": "a short story's unclassed halves (one paragraph, then two) are not told "
    "from a caption's box beside a story, so not joined: the first is read and the headline comes in (open)",
}
XFAIL: dict[str, tuple[str, ...]] = {
    "ad_split+strip_attrs": ("suara/a3.html",),
}  # fmt: skip


def _xfail(case_id: str, variant: str) -> str | None:
    for entry in XFAIL.get(variant, ()):
        if case_id == entry or (entry.endswith("/") and case_id.startswith(entry)):
            return _FIXED_BY[variant]
    return None


def _fixture_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for spec_path in sorted(SITES_DIR.glob("*/fixtures.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        for case in spec["articles"]:
            out.append((f"{spec['site']}/{case['file']}", spec["site"], case["url"], case["fetched_at"]))
    return out


def _sample_cases() -> list[tuple[str, str, str, str]]:
    return [
        (
            f"sample:{a.url.split('://', 1)[1]}",
            a.site,
            a.url,
            (a.published_at + timedelta(hours=3)).isoformat(),
        )
        for a in catalog()
    ]


CASES = _fixture_cases() + _sample_cases()


@cache
def _page(case_id: str) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """The unmodified page and its headers (the sample serves some pages in windows-1252)."""
    _, key, url, _ = next(c for c in CASES if c[0] == case_id)
    if case_id.startswith("sample:"):
        page = respond(url, attempt=2)  # the sample's flaky page fails only its first request
        assert page.status == 200, url
        return page.body, (("content-type", page.content_type),)
    return (SITES_DIR / key / case_id.split("/", 1)[1]).read_bytes(), tuple(HEADERS.items())


def _text(body: bytes, headers: dict, url: str, site: Site | None, fetched_at: str) -> str:
    raw = {
        "url": url, "final_url": url, "site": site.key if site else "", "status": 200,
        "headers": headers, "body": body, "fetched_at": datetime.fromisoformat(fetched_at),
        "run_id": "t", "fetch_id": "t",
    }  # fmt: skip
    try:
        return clean(raw, site)["text"]
    except NotAnArticle:
        return ""


@cache
def _reference(case_id: str) -> str:
    _, key, url, fetched = next(c for c in CASES if c[0] == case_id)
    body, headers = _page(case_id)
    return _text(body, dict(headers), url, all_sites()[key], fetched)


def _params() -> list:
    out = []
    for case_id, *_ in CASES:
        for variant in VARIANTS:
            why = _xfail(case_id, variant)
            marks = (pytest.mark.xfail(strict=True, reason=why),) if why else ()
            out.append(pytest.param(case_id, variant, id=f"{case_id}-{variant}", marks=marks))
    return out


def test_cases_cover_every_fixture_site_and_the_sample() -> None:
    keys = {c[1] for c in CASES}
    assert {k for k, s in all_sites().items() if (SITES_DIR / k / "fixtures.json").exists()} <= keys
    assert {k for k, s in all_sites().items() if s.sample} <= keys
    assert all(_reference(c[0]) for c in CASES), "every unmodified fixture article has a body"


@pytest.mark.parametrize(("case_id", "variant"), _params())
def test_redesign_keeps_the_body(case_id: str, variant: str) -> None:
    _, key, url, fetched = next(c for c in CASES if c[0] == case_id)
    body, headers = _page(case_id)
    page = rewrite(body, variant, dict(headers))  # re-encoded as UTF-8
    if variant == "no_url":
        got = _text(page, HEADERS, "", None, fetched)
    else:
        got = _text(page, HEADERS, url, all_sites()[key], fetched)
    f1 = shingle_f1(got, _reference(case_id))
    assert f1 >= MIN_F1, f"{variant}: body F1 {f1:.3f} against the unmodified page's body"


@pytest.mark.parametrize("variant", MARKUP_VARIANTS)
@pytest.mark.parametrize("case_id", [c[0] for c in CASES])
def test_rewrite_keeps_every_word(case_id: str, variant: str) -> None:
    body, headers = _page(case_id)
    by_node = variant == "minified"
    got = words(rewrite(body, variant, dict(headers)), by_node=by_node)
    assert got == words(body, dict(headers), by_node)


PAGE = (
    "<html><head><meta charset='iso-8859-1'><title>t</title></head><body>"
    "<main id='m'><article class='post x'><section class='isi'><p>Satu dua tiga.</p>"
    "<p>Empat <b>lima</b> enam.</p><div class='baca'>Baca juga: x</div></section></article></main>"
    "</body></html>"
).encode("latin-1")


def test_each_rewrite_changes_what_it_names() -> None:
    def doc(variant: str) -> lxml.html.HtmlElement:
        return lxml.html.document_fromstring(rewrite(PAGE, variant))

    br = doc("br_paragraphs")
    assert not br.xpath("//p") and len(br.xpath("//section/br")) == 4
    assert "Satu dua tiga." in br.xpath("string(//section)")
    renamed = doc("renamed")
    assert {"post", "x", "isi", "baca", "m"}.isdisjoint(
        renamed.xpath("//@class | //@id") and " ".join(renamed.xpath("//@class | //@id")).split()
    )
    assert renamed.xpath("//article/@class")[0].split()[0] != renamed.xpath("//section/@class")[0]
    wrapped = doc("wrapped")
    assert wrapped.xpath("//article/div/div/section/div/p")
    assert len(wrapped.xpath("//section/div")) == 3
    divs = doc("sections_as_divs")
    assert not divs.xpath("//main | //article | //section") and divs.xpath("//div/div/div/p")
    p_div = doc("p_as_div")
    assert not p_div.xpath("//p") and p_div.xpath("string(//section/div[2])") == "Empat lima enam."
    table = doc("table_layout")
    assert table.xpath("//article/table/tr/td/section/p") and not table.xpath("//article/section")
    bare = doc("strip_attrs")
    assert not bare.xpath("//@class | //@id") and bare.xpath("//meta/@charset") == ["utf-8"]
    assert body_container(lxml.html.document_fromstring(PAGE)).tag == "section"
    spaced = PAGE.replace(b"</p>", b"</p>\n  ").replace(b"<b>", b" <b>")
    mini = lxml.html.document_fromstring(rewrite(spaced, "minified"))
    assert mini.xpath("//section/p[1]")[0].tail is None  # (between two blocks: gone)
    assert mini.xpath("string(//section/p[2])") == "Empat lima enam."  # inline: two spaces made one
    split = doc("ad_split")
    assert [len(x.xpath("p")) for x in split.xpath("//article/section[@class='isi']")] == [1, 1]
    assert split.xpath("//article/section[1]/following-sibling::div[1][@class='ad-slot']/iframe")
    assert split.xpath("string(//article/section[2])") == "Empat lima enam.Baca juga: x"
    # (a box whose attribute is no XML name, Qwik's "q:key", is cut in two as well)
    qwik = lxml.html.document_fromstring(rewrite(PAGE.replace(b"class='isi'", b"class='isi' q:key='a1'"),
                                                 "ad_split"))
    assert len(qwik.xpath("//article/section[@class='isi']")) == 2
    custom = doc("custom_elements")
    assert custom.xpath("//story-main/story-article/story-section/p") and not custom.xpath("//section")
    landmarks = lxml.html.document_fromstring(
        rewrite(PAGE.replace(b"<main", b"<header><nav>Beranda</nav></header><main"), "landmarks_as_divs")
    )
    assert not landmarks.xpath("//header | //nav") and landmarks.xpath("//body/div/div[.='Beranda']")
    assert doc("no_url").xpath("//meta/@charset") == ["utf-8"]
    with pytest.raises(ValueError, match="unknown redesign variant"):
        rewrite(PAGE, "nope")


def test_shingle_f1() -> None:
    text = "satu dua tiga empat lima enam tujuh delapan"
    assert shingle_f1(text, text) == 1.0
    assert shingle_f1("", "") == 1.0
    assert shingle_f1("", text) == 0.0
    assert 0.0 < shingle_f1(text + " sembilan sepuluh", text) < 1.0


# The project's own generic fixture pages (tests/fixtures/pages, cleaned without a site) under the
# rewrites that cut their body before a family was known: each case failed before its fix (the F1
# then in brackets). bench/extraction.py reports every rewrite of the shared pages; these are the
# fixture pages' worst cases, kept as regressions.
FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"
REWRITTEN_FIXTURES = [
    ("jawapos.html", "ad_split+strip_attrs"),  # a caption's box opened the chunks' run (0.68)
    ("suara_halaman2.html", "ad_split+strip_attrs"),  # the same (0.64)
    ("u18_undip_newsup_htmlen_tanggalinggris.html", "ad_split+strip_attrs"),  # the same (0.66)
    ("u13_phinemo_neve_fotocerita.html", "strip_attrs"),  # the headline in a photo story's frame (0.63)
    ("u4_tribunbogor_gallery.html", "strip_attrs"),  # a slide's caption with the site's credit (0.78)
    ("u8_bulutangkisjunior_enfold_hasil.html", "strip_attrs"),  # <p><ul>: an empty <p> (0.85)
    ("hops_live.html", "p_as_div"),  # a live report's dated lead inside the container (0.82)
    ("u5_detiksport_live.html", "p_as_div+strip_attrs"),  # the same, its place before a dash (0.89)
    ("u7_viva_amp_live.html", "p_as_div+strip_attrs"),  # an entry's <p> as a <div> (0.81)
    ("u10_iqplus_live_ihsg.html", "p_as_div+strip_attrs"),  # the same, wrapped (0.85)
    ("u11_kbr_liveblog_radio.html", "p_as_div+strip_attrs"),  # the same (0.88)
    ("bbc_indonesia.html", "p_as_div+strip_attrs"),  # a lead <div> among <div><p>s (0.89)
    # the headline's box in a wrapper before a photo story's halves: the run was walked from inside
    # the wrapper, and the halves were not joined (0.63)
    ("u13_phinemo_neve_fotocerita.html", "ad_split+strip_attrs"),
    # an app promo's box of one paragraph right after the second half (0.67)
    ("u20_sportstars_sveltekit_terbittanpazona_duapenulis.html", "ad_split+strip_attrs"),
    # session 21: a two-paragraph story's box in an article of kicker, headline, byline and date (0.86)
    ("u22_kaltengco_jnews_duaparagraf_endashrapat.html", "renamed"),
    ("u22_kaltengco_jnews_duaparagraf_endashrapat.html", "ad_split+strip_attrs"),
    # "Berikut …:" over an empty <div> and the list: announced all the same (0.85)
    ("u8_bulutangkisjunior_enfold_hasil.html", "p_as_div+renamed"),
    # a writers' platform post: reading time, disclaimer, hashtags, call to write (0.88)
    ("u23_kumparanuser_kontenpengguna_tidakmewakili_opini.html", "renamed"),
    # session 23: a lazy loader's story inside <noscript>, its paragraphs as <br><br> runs or <div>s (0.00)
    ("u42_lenteratoday_noscriptlazy_datelinekurungsitus_reportereditorsatubaris.html", "br_paragraphs"),
    ("u42_lenteratoday_noscriptlazy_datelinekurungsitus_reportereditorsatubaris.html", "p_as_div"),
    # a story's two unclassed halves around an ad slot, then a tag line and a newsletter box of one
    # paragraph: that box was taken for a third chunk, and the halves were not joined (0.71)
    ("u33_bisnisen_custom_ampm_readmorestrong_editor.html", "ad_split+strip_attrs"),
    # a web component's body element (<article-body>) holding the story as <br><br> runs: read as
    # inline text, its frame was taken, kicker and headline in, the lead lost (0.83)
    ("u25_marketeers_customelements_pressreleasepill_siaranpersauthor.html", "br_paragraphs"),
]


def _fixture_text(body: bytes, spec: dict, url: str | None) -> str:
    raw = {"url": url or "", "final_url": url or "", "site": "", "status": 200, "headers": HEADERS,
           "body": body, "fetched_at": datetime.fromisoformat(spec["fetched_at"]), "run_id": "t",
           "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)["text"]


@pytest.mark.parametrize(("name", "variant"), REWRITTEN_FIXTURES)
def test_rewritten_fixture_pages_keep_their_body(name: str, variant: str) -> None:
    spec = json.loads((FIXTURE_PAGES / name).with_suffix(".json").read_text(encoding="utf-8"))
    body = (FIXTURE_PAGES / name).read_bytes()
    want = _fixture_text(rewrite(body, "no_url", HEADERS), spec, spec["url"])  # (re-encoded only)
    got = _fixture_text(rewrite(body, variant, HEADERS), spec, spec["url"])
    f1 = shingle_f1(got, want)
    assert f1 >= MIN_F1, f"{variant}: body F1 {f1:.3f} against the unmodified page's body"
