"""Rule "body in the page's data" (kliping/clean/databody.py): a client-rendered article whose markup
holds no story gets its body from the page's data; a page whose markup holds its story, or a page
that is not an article, is as before; hostile data is bounded."""

from __future__ import annotations

import datetime as dt
import html
import json

import pytest

from kliping.clean import NotAnArticle, clean

URL = "https://warta.example.id/nasional/banjir-rob-pesisir-utara-1234"
FETCHED = dt.datetime(2024, 3, 13, 5, tzinfo=dt.UTC)
PARAS = [
    "Banjir rob kembali menggenangi permukiman warga di pesisir utara Kota Semarang sejak Senin malam.",
    "Badan Penanggulangan Bencana Daerah mencatat sedikitnya 800 rumah terdampak di tiga kelurahan.",
    "Warga diminta waspada karena pasang air laut diperkirakan masih tinggi hingga akhir pekan ini.",
    "Pemerintah kota menyiapkan dapur umum dan pompa tambahan di titik-titik genangan terparah.",
]
SHELL_HEAD = (
    "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
    "<title>Banjir Rob Genangi Pesisir Utara | Warta</title>"
    "<meta property='og:type' content='article'>"
    "<meta property='article:published_time' content='2024-03-13T10:00:00+07:00'>"
)
SHELL_BODY = (
    "<body><div id='__next'><div class='sc-1x'>Warta · Nasional · Daerah · Masuk</div>"
    "<h1 class='sc-2y'>Banjir Rob Genangi Pesisir Utara</h1><div class='skeleton'></div>"
    "<span class='sc-3z'>Tulis komentar...</span></div>"
)


def _page(scripts: str, head_extra: str = "", body_extra: str = "") -> bytes:
    page = SHELL_HEAD + head_extra + "</head>" + SHELL_BODY + body_extra + scripts + "</body></html>"
    return page.encode()


def _next_data(data: object) -> str:
    return f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"


def _clean(body: bytes) -> dict:
    raw = {"body": body, "headers": {"content-type": "text/html; charset=utf-8"}, "url": URL,
           "final_url": URL, "fetched_at": FETCHED, "site": None, "run_id": "t", "fetch_id": URL}  # fmt: skip
    return clean(raw)


# the rich-text documents front ends store a story in
SLATE = {"object": "document", "nodes": [{"type": "paragraph", "nodes": [{"text": p}]} for p in PARAS]}
PORTABLE = [{"_type": "block", "_key": f"k{i}", "style": "normal",
             "children": [{"_type": "span", "text": p[:30], "marks": []},
                          {"_type": "span", "text": p[30:], "marks": ["strong"]}]}
            for i, p in enumerate(PARAS)]  # fmt: skip
DRAFT = {"blocks": [{"key": f"a{i}", "type": "unstyled", "text": p, "entityRanges": []}
                   for i, p in enumerate(PARAS)]}  # fmt: skip
EDITORJS = {"time": 1710300000, "blocks": [{"id": f"b{i}", "type": "paragraph", "data": {"text": p}}
                                             for i, p in enumerate(PARAS)]}  # fmt: skip
CONTENTFUL = {"nodeType": "document", "content": [
    {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": p, "marks": []}]}
    for p in PARAS]}  # fmt: skip
HTML_BODY = "".join(f"<p>{html.escape(p)}</p>" for p in PARAS)


@pytest.mark.parametrize(
    "data",
    [
        # kumparan-like: the document stored as a JSON string inside the page's props
        {"props": {"pageProps": {"story": {"title": "Banjir", "document": json.dumps(SLATE)}}}},
        {"props": {"pageProps": {"post": {"body": PORTABLE}}}},
        {"props": {"pageProps": {"article": {"content": DRAFT}}}},
        {"props": {"pageProps": {"article": {"content": EDITORJS}}}},
        {"props": {"pageProps": {"entry": {"body": CONTENTFUL}}}},
        {"props": {"pageProps": {"article": {"id": 1, "bodyHtml": HTML_BODY}}}},
    ],
    ids=["slate_in_string", "portable_text", "draftjs", "editorjs", "contentful", "html_string"],
)
def test_a_client_rendered_story_comes_from_the_pages_data(data: object) -> None:
    rec = _clean(_page(_next_data(data)))
    assert rec["text"].split("\n\n") == PARAS
    assert rec["title"] == "Banjir Rob Genangi Pesisir Utara"


def test_jsonld_article_body_when_the_markup_has_none() -> None:
    """(The JSON-LD's text reaches the body through the markup's path too, as one paragraph; either
    way the story is kept, never "no article body found".)"""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Banjir Rob",
          "articleBody": "\n".join(PARAS)}  # fmt: skip
    rec = _clean(_page("", head_extra=f"<script type='application/ld+json'>{json.dumps(ld)}</script>"))
    assert " ".join(rec["text"].split()) == " ".join(PARAS)


def test_the_lines_of_the_data_are_cleaned_like_the_markups() -> None:
    """The story's lines from data go through the same line rules: a dateline, a promo."""
    lines = ["SEMARANG, Warta - " + PARAS[0], *PARAS[1:],
             "Ikuti berita terkini dari Warta di Google News, klik di sini."]  # fmt: skip
    data = {"props": {"pageProps": {"article": {"content": {"blocks": [
        {"type": "paragraph", "data": {"text": t}} for t in lines]}}}}}  # fmt: skip
    rec = _clean(_page(_next_data(data)))
    assert rec["text"].startswith(PARAS[0])
    assert "Google News" not in rec["text"]
    assert rec["dateline_place"] == "Semarang"


def test_a_story_in_the_markup_is_read_from_the_markup() -> None:
    """The data is asked only when the markup holds no story: the markup's paragraphs win even
    when the data holds another, longer text."""
    other = ["Teks lain dari data halaman yang bukan cerita ini, ditulis panjang sekali. " * 3] * 6
    data = {"props": {"pageProps": {"article": {"content": {"blocks": [
        {"type": "paragraph", "data": {"text": t}} for t in other]}}}}}  # fmt: skip
    story = "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>"
    rec = _clean(_page(_next_data(data), body_extra=story))
    assert rec["text"].split("\n\n") == PARAS


def test_a_listing_of_teasers_in_data_is_no_story() -> None:
    """A home page's data holds teasers (title, url, excerpt): no paragraph blocks, no body key."""
    teasers = [{"title": f"Judul berita ke-{i}", "url": f"https://warta.example.id/b/{i}",
                "excerpt": PARAS[i % 4]} for i in range(12)]  # fmt: skip
    page = _page(_next_data({"props": {"pageProps": {"latest": teasers}}}))
    with pytest.raises(NotAnArticle):
        _clean(page)


def test_another_storys_body_in_the_data_is_not_taken() -> None:
    """A video page with no text of its own whose data holds the next story of an endless scroll:
    a body that does not name the page's title is another story's."""
    other = ["Harga cabai rawit di pasar tradisional Kota Malang naik dua kali lipat jelang Lebaran.",
             "Pedagang mengatakan pasokan dari petani di lereng Gunung Arjuno berkurang karena hujan.",
             "Dinas perdagangan berencana menggelar operasi pasar pekan depan di lima lokasi."]  # fmt: skip
    data = {"props": {"pageProps": {"video": {"id": 9}, "next": {"content": {"blocks": [
        {"type": "paragraph", "data": {"text": t}} for t in other]}}}}}  # fmt: skip
    with pytest.raises(NotAnArticle):
        _clean(_page(_next_data(data)))


def test_a_page_that_is_no_article_does_not_read_its_data() -> None:
    page = _page(_next_data({"props": {"pageProps": {"article": {"bodyHtml": HTML_BODY}}}}))
    page = page.replace(b"<meta property='og:type' content='article'>", b"").replace(
        b"<meta property='article:published_time' content='2024-03-13T10:00:00+07:00'>", b""
    )
    with pytest.raises(NotAnArticle):
        _clean(page)


@pytest.mark.parametrize(
    "script",
    [
        "[" * 100_000 + "]" * 100_000,  # deeper than Python's decoder
        '{"a":' * 900 + "[]" + "}" * 900,  # deep, but decodable
        # a document four strings deep: past the bound
        json.dumps({"p": json.dumps({"s": json.dumps({"t": json.dumps({"u": json.dumps(SLATE)})})})}),
        "{not json",
        json.dumps({"x": ["kata " * 200_000]}),  # one long string of no sentences
    ],
    ids=["too_deep", "deep", "json_in_json_in_json", "broken", "no_prose"],
)
def test_hostile_data_is_bounded_and_never_fatal(script: str) -> None:
    page = _page(f"<script id='__NEXT_DATA__' type='application/json'>{script}</script>"
                 f"<script type='application/ld+json'>{script}</script>")  # fmt: skip
    with pytest.raises(NotAnArticle):
        _clean(page)
