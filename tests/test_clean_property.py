"""Property tests for clean(): arbitrary bytes and HTML-ish text give an article record that fits
the schema, or the documented :class:`NotAnArticle` (:class:`NotHtml` for what is not a page),
never another exception, within a deadline per example.

Why: the crawler runs unattended against servers nobody vouches for; a page that makes the cleaner
raise something unexpected, or hang, costs an error row at best and a stalled crawl at worst.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kliping.clean import NotAnArticle, NotHtml, clean
from kliping.clean.decode import decode
from kliping.clean.sniff import not_html
from kliping.dataset.schema import ARTICLES

# A deadline per example (not a timed assert): a page that takes seconds is a bug to see.
BOUNDED = settings(
    max_examples=150,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FETCHED = dt.datetime(2024, 3, 7, 3, 0, tzinfo=dt.UTC)

CONTENT_TYPES = [
    None, "", "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1",
    "text/html; charset=utf-16", "text/html; charset=bogus-charset", "application/xhtml+xml",
    "text/plain", "application/octet-stream", "application/xml", "application/rss+xml",
    "application/pdf", "image/png", "application/json", "text/html;charset=\"windows-1252\"",
]  # fmt: skip
WORDS = (
    "Presiden Jokowi meresmikan jembatan baru di Kalimantan Timur pada Senin pagi yang "
    "menghubungkan dua kecamatan warga menyambut gembira JAKARTA KOMPAS.com Baca juga "
    "Editor Penulis WIB 8/1/2024 Januari Pebruari 2024 14:30"
).split()
TAGS = ["div", "p", "span", "article", "section", "h1", "h2", "a", "b", "i", "table", "tr", "td",
        "ul", "li", "script", "style", "time", "figure", "figcaption", "br", "main", "header",
        "footer", "nav", "aside", "blockquote", "pre", "x-widget", "svg", "iframe", "noscript"]
ATTRS = ["class", "id", "href", "datetime", "itemprop", "content", "property", "name", "rel"]


def _raw(body: bytes | str, ctype: str | None) -> dict:
    return {
        "fetch_id": "f1",
        "url": "https://kabar.example/2024/03/07/judul-berita-contoh/",
        "final_url": "https://kabar.example/2024/03/07/judul-berita-contoh/",
        "site": "kabar_example",
        "status": 200,
        "headers": {} if ctype is None else {"Content-Type": ctype},
        "body": body,
        "fetched_at": FETCHED,
        "run_id": "r1",
    }


def _outcome(raw: dict) -> dict | None:
    """The article, or None for the documented NotAnArticle; any other exception fails the test."""
    try:
        rec = clean(raw)
    except NotAnArticle:
        return None
    # an article always fits the dataset schema and carries real text
    pa.Table.from_pylist([rec], schema=ARTICLES)
    assert rec["text"] and rec["word_count"] >= 8
    assert not any(ord(c) < 9 or 13 < ord(c) < 32 for c in rec["text"])
    return rec


text_runs = st.lists(st.sampled_from(WORDS), min_size=0, max_size=30).map(" ".join)
junk_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
)


@st.composite
def attributes(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(st.sampled_from(ATTRS), junk_text | text_runs), max_size=3))
    return "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in pairs)


html_nodes = st.recursive(
    text_runs | junk_text | st.sampled_from(["&amp;", "&nbsp;", "&#x0;", "&bogus;", "<", ">", "</p>"]),
    lambda children: st.builds(
        lambda tag, attrs, kids, close: f"<{tag}{attrs}>{''.join(kids)}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS),
        attributes(),
        st.lists(children, max_size=6),
        st.booleans(),
    ),
    max_leaves=40,
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """HTML-ish documents: a random head (meta dates, JSON-LD of random JSON) and a random body,
    sometimes with the document skeleton left out or cut short."""
    head = []
    if draw(st.booleans()):
        head.append(f"<title>{draw(text_runs | junk_text)}</title>")
    for prop in draw(st.lists(st.sampled_from(
        ["article:published_time", "og:title", "og:url", "description", "author", "og:image"]
    ), max_size=4)):
        head.append(f'<meta property="{prop}" content="{draw(junk_text | text_runs)}">')
    if draw(st.booleans()):
        ld = draw(st.recursive(
            st.none() | st.booleans() | st.integers() | junk_text,
            lambda c: st.lists(c, max_size=3) | st.dictionaries(
                st.sampled_from(["@type", "datePublished", "author", "headline", "name", "image"]),
                c, max_size=4),
            max_leaves=10,
        ))
        head.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    body = "".join(draw(st.lists(html_nodes, max_size=8)))
    doc = f"<!DOCTYPE html><html><head>{''.join(head)}</head><body>{body}</body></html>"
    if draw(st.booleans()):
        doc = body  # a fragment
    cut = draw(st.integers(min_value=0, max_value=len(doc)))
    return doc[:cut] if draw(st.booleans()) else doc


@BOUNDED
@given(st.binary(max_size=4096), st.sampled_from(CONTENT_TYPES))
def test_arbitrary_bytes_give_an_article_or_not_an_article(body: bytes, ctype: str | None) -> None:
    _outcome(_raw(body, ctype))


@BOUNDED
@given(pages(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"]),
       st.sampled_from(CONTENT_TYPES))
def test_html_ish_pages_give_an_article_or_not_an_article(
    page: str, encoding: str, ctype: str | None
) -> None:
    body = page.encode(encoding, errors="replace")
    if encoding == "utf-16-be":
        body = codecs.BOM_UTF16_BE + body
    _outcome(_raw(body, ctype))
    _outcome(_raw(page, ctype))  # already text


MAGIC = [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"PK\x03\x04",
         b"\x1f\x8b\x08", b"RIFF\x00\x00\x00\x00WEBP"]


@BOUNDED
@given(st.sampled_from(MAGIC), st.binary(max_size=2048),
       st.sampled_from(["text/html; charset=utf-8", "", None, "application/octet-stream"]))
def test_binary_formats_are_never_articles(magic: bytes, rest: bytes, ctype: str | None) -> None:
    # whatever the label says and whatever follows the magic number (even an HTML page)
    body = magic + rest + b"<html><body>" + b"<p>Warga menyambut gembira peresmian jembatan.</p>" * 5
    try:
        clean(_raw(body, ctype))
    except NotHtml:
        return
    raise AssertionError("a binary format became an article")


@BOUNDED
@given(st.binary(max_size=4096), st.text(max_size=60))
def test_sniff_and_decode_never_raise(body: bytes, ctype: str) -> None:
    headers = {"content-type": ctype}
    why = not_html(body, headers)
    assert why is None or (isinstance(why, str) and why)
    text = decode(body, headers)
    # nothing XML forbids survives (lxml refuses such text when trafilatura moves it around)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", text)


@BOUNDED
@given(st.lists(st.sampled_from(WORDS), min_size=12, max_size=60).map(" ".join),
       st.sampled_from(["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
       st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1"]))
def test_a_byte_order_mark_decides_the_encoding(words: str, encoding: str, ctype: str | None) -> None:
    # as in browsers: the BOM wins over the header's charset (and over <meta charset>)
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Jembatan Baru</title></head><body><article>'
        f"<p>{words} — “kutipan” é.</p><p>{words}</p></article></body></html>"
    )
    bom = {"utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
    body = bom + page.encode(encoding)
    rec = _outcome(_raw(body, ctype))
    reference = _outcome(_raw(page.encode("utf-8"), "text/html; charset=utf-8"))
    if reference is None:  # words that make a boilerplate line ("Baca juga Presiden ..."): the
        assert rec is None  # same page read right is no article either
        return
    assert rec is not None and rec["text"] == reference["text"]
    assert "— “kutipan” é." in rec["text"]


_HTML_PIECES = st.one_of(
    st.sampled_from([
        "<html>", "<head>", '<meta charset="iso-8859-1">', '<meta charset="utf-16">', "<body>", "<p>",
        "</p>", "<div class='x'>", "</div>", "<br>", "&amp;", "&eacute;", "&#8220;", "<?xml version='1.0'?>",
        "<!-- c -->", "<script>var a='</p>';</script>", "café", "“kutipan” — ", "\u00a0", "\u2028", "İ",
        "\ufeff", " ", "\n", "\x0c", "\x00", "\ufffe", "Jakarta", "<o:p>", "</o:p>",
    ]),
    st.text(max_size=8),
)  # fmt: skip


@BOUNDED
@given(st.lists(_HTML_PIECES, max_size=30).map("".join),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "broken"]),
       st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1"]))
def test_page_tree_is_parse_of_decode(page: str, encoding: str, ctype: str | None) -> None:
    # clean() hands strict UTF-8 bytes to the parser as they are: the same tree as their text
    import lxml.html

    from kliping.clean.decode import page_tree, parse

    if encoding == "broken":
        body = page.encode("utf-8", "surrogatepass") + b"\xff\xc3("
    else:
        body = page.encode(encoding, "replace")
    headers = {"content-type": ctype} if ctype else None
    want, got = parse(decode(body, headers)), page_tree(body, headers)
    assert (want is None) == (got is None)
    if want is not None:
        assert lxml.html.tostring(got, encoding="unicode") == lxml.html.tostring(want, encoding="unicode")


@BOUNDED
@given(st.lists(_HTML_PIECES, max_size=30).map("".join))
def test_text_content_is_the_xpath_string(page: str) -> None:
    # A page tree's elements serialize their text (decode.PageElement) instead of evaluating the
    # XPath string(): the same text on every element, entities, scripts, <br> and odd characters
    from lxml import etree

    from kliping.clean.decode import PageElement, parse

    tree = parse(page)
    if tree is None:
        return
    string = etree.XPath("string()")
    for el in tree.iter(etree.Element):
        assert isinstance(el, PageElement)
        assert el.text_content() == str(string(el))


@BOUNDED
@given(st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=300),
       st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=300))
def test_binary_count_is_the_pattern_count(text: str, ascii_text: str) -> None:
    # not_html counts an ASCII sample's control bytes by deleting them from its bytes
    from kliping.clean.sniff import _BINARY, _binary_count

    for sample in (text, ascii_text):
        assert _binary_count(sample) == len(_BINARY.findall(sample))
