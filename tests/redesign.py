"""Markup rewrites that keep a page's content, the way sites redesign (issue #14.6).

A redesign changes the markup, not the story. Each rewrite below keeps every word of the page in the
same order and changes only what extraction rules tend to lean on:

- ``br_paragraphs``: the article body's ``<p>`` elements become text runs separated by
  ``<br><br>`` inside their container (older CMSs and many regional sites write bodies this way);
- ``renamed``: every class and id renamed by one consistent mapping (a new theme, hashed CSS
  modules);
- ``wrapped``: two extra ``<div>`` wrappers around the body container and one around each block in
  it (a new grid, ad slots);
- ``sections_as_divs``: ``<article>``, ``<section>`` and ``<main>`` written as ``<div>``;
- ``p_as_div``: the article body's ``<p>`` elements written as ``<div>`` (many CMSs write each
  paragraph as a block ``<div>`` of text);
- ``table_layout``: the article body container put inside ``<table><tr><td>`` (old table-layout
  sites);
- ``strip_attrs``: every ``class``, ``id`` and ``style`` removed (a theme that styles by tag and
  position, or a copy stripped by a re-publisher);
- ``minified``: the whitespace between tags collapsed as HTML minifiers do (a CDN's "auto minify",
  a build step): whitespace-only text next to a block element removed, other whitespace runs made
  one space, ``<pre>`` left alone; text on two sides of a block boundary then touches in the
  markup, as a browser never shows it;
- ``ad_split``: the article body container cut in two around an ad slot (a ``<div>`` of an
  ``<iframe>`` and its script, no text): the second half in a new container of the same tag and
  class, its id (if any) suffixed "-2" (a CMS that inserts an ad mid-story, or paginates a story
  into blocks);
- ``custom_elements``: the article body container and the ``<div>``, ``<section>``,
  ``<article>`` and ``<main>`` elements around it written as custom elements (``<story-div>``,
  ``<story-article>``…: a front end built of web components);
- ``landmarks_as_divs``: ``<header>``, ``<footer>``, ``<nav>`` and ``<aside>`` written as
  ``<div>`` (a theme that drops HTML5's landmarks);
- ``no_url``: the page unchanged, extracted without its URL (so without its site's rules: the
  generic path a new site or a re-hosted copy gets);
- two rewrites at once, left to right, as a redesign changes the body's markup and the theme's
  together: ``br_paragraphs+renamed``, ``p_as_div+renamed``, ``sections_as_divs+strip_attrs``,
  ``ad_split+p_as_div`` (the ad's second half written as text ``<div>``s), ``ad_split+strip_attrs``
  (the halves with no class to be told by) and ``landmarks_as_divs+strip_attrs`` (a footer that is
  neither a ``<footer>`` nor classed as one).

The article body container is found without any site knowledge: the element whose direct ``<p>``
children hold the most text. ``shingle_f1`` compares two extracted bodies with the 4-token
shingles of the Zyte scorer (bench/_score.py).

Used by tests/test_redesign.py and bench/extraction.py.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections import Counter
from collections.abc import Mapping

import lxml.html
from lxml import etree

from kliping.clean import decode

MARKUP_VARIANTS = (
    "br_paragraphs", "renamed", "wrapped", "sections_as_divs", "p_as_div", "table_layout", "strip_attrs",
    "minified", "ad_split", "custom_elements", "landmarks_as_divs", "br_paragraphs+renamed",
    "p_as_div+renamed", "sections_as_divs+strip_attrs", "ad_split+p_as_div", "ad_split+strip_attrs",
    "landmarks_as_divs+strip_attrs",
)  # fmt: skip
VARIANTS = (*MARKUP_VARIANTS, "no_url")
BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote"})
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _parse(body: bytes | str, headers: Mapping[str, str] | None) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(decode.decode(body, headers))


def _serialize(doc: lxml.html.HtmlElement) -> bytes:
    # The page is re-encoded as UTF-8: drop its own charset declarations and say so.
    for meta in doc.xpath(
        "//meta[@charset] | //meta[translate(@http-equiv,'CONTENTYP','contentyp')='content-type']"
    ):
        meta.drop_tree()
    head = doc.find("head")
    if head is None:
        head = etree.Element("head")
        doc.insert(0, head)
    head.insert(0, etree.Element("meta", charset="utf-8"))
    return b"<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="utf-8")


def body_container(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element whose direct ``<p>`` children hold the most text (no site knowledge)."""
    held: Counter[lxml.html.HtmlElement] = Counter()
    for p in doc.iter("p"):
        parent = p.getparent()
        if parent is not None:
            held[parent] += len(" ".join(p.text_content().split()))
    return held.most_common(1)[0][0] if held else None


def _br_paragraphs(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None:
        return
    for p in [c for c in box if c.tag == "p"]:
        p.append(etree.Element("br"))
        p.append(etree.Element("br"))
        p.drop_tag()  # its text and inline children flow into the container


def _renamed(doc: lxml.html.HtmlElement, seed: str = "redesign") -> None:
    def new(token: str) -> str:
        return "r" + hashlib.sha1(f"{seed}:{token}".encode()).hexdigest()[:7]

    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("class") is not None:
            el.set("class", " ".join(new(t) for t in el.get("class", "").split()))
        if el.get("id") is not None:
            el.set("id", new(el.get("id", "")))


def _wrapped(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None:
        return
    for child in list(box):
        if isinstance(child.tag, str) and child.tag in BLOCKS:
            wrapper = etree.Element("div")
            wrapper.tail, child.tail = child.tail, None
            child.addprevious(wrapper)
            wrapper.append(child)
    for _ in range(2):
        wrapper = etree.Element("div")
        wrapper.tail, box.tail = box.tail, None
        box.addprevious(wrapper)
        wrapper.append(box)


def _sections_as_divs(doc: lxml.html.HtmlElement) -> None:
    for el in doc.iter("article", "section", "main"):
        el.tag = "div"


def _p_as_div(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None:
        return
    for p in [c for c in box if c.tag == "p"]:
        p.tag = "div"


def _table_layout(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None:
        return
    table = etree.Element("table")
    etree.SubElement(etree.SubElement(table, "tr"), "td")
    table.tail, box.tail = box.tail, None
    box.addprevious(table)
    table[0][0].append(box)


_STRIPPED = ("class", "id", "style")


def _strip_attrs(doc: lxml.html.HtmlElement) -> None:
    for el in doc.iter():
        if isinstance(el.tag, str):
            for attr in _STRIPPED:
                el.attrib.pop(attr, None)


# Elements a browser lays out as blocks (or that hold no text): whitespace beside them is not shown.
_BLOCK_TAGS = frozenset(
    "address article aside audio blockquote body br caption col colgroup dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img "
    "li link main meta nav noscript ol option p picture pre script section select source style svg "
    "table tbody td tfoot th thead title tr ul video".split()
)
_SPACES = re.compile(r"\s+")
_VERBATIM = frozenset(("pre", "textarea", "script", "style"))


def _minified(doc: lxml.html.HtmlElement) -> None:
    def block(el: object) -> bool:
        return el is None or (isinstance(el.tag, str) and el.tag in _BLOCK_TAGS)  # type: ignore[attr-defined]

    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.tag in _VERBATIM:
            continue
        if any(a.tag in _VERBATIM for a in el.iterancestors()):
            continue
        if el.text is not None:
            first = el[0] if len(el) else None
            if not el.text.strip() and el.tag in _BLOCK_TAGS and block(first):
                el.text = None
            else:
                el.text = _SPACES.sub(" ", el.text)
        if el.tail is not None:
            after, parent = el.getnext(), el.getparent()
            beside = el.tag in _BLOCK_TAGS or (after is not None and block(after))
            closes = after is None and parent is not None and parent.tag in _BLOCK_TAGS
            if not el.tail.strip() and (beside or closes):
                el.tail = None
            else:
                el.tail = _SPACES.sub(" ", el.tail)


def _ad_split(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None or box.getparent() is None:
        return
    kids = list(box)
    paras = [i for i, c in enumerate(kids) if c.tag == "p"]
    if len(paras) < 2:
        return
    # (a copy of the box without its content, not a new element: an attribute the HTML parser takes
    # may be no XML name the API sets, Qwik's "q:key")
    second = copy.deepcopy(box)
    second[:] = []
    second.text = second.tail = None
    if second.get("id"):
        second.set("id", second.get("id", "") + "-2")
    for child in kids[paras[len(paras) // 2] :]:
        second.append(child)  # (its tail with it)
    ad = etree.Element("div", {"class": "ad-slot", "id": "div-gpt-ad-mid"})
    etree.SubElement(ad, "iframe", src="https://ads.example.net/slot/mid", width="300", height="250")
    script = etree.SubElement(ad, "script")
    script.text = "googletag.cmd.push(function(){googletag.display('div-gpt-ad-mid');});"
    second.tail, box.tail = box.tail, None
    box.addnext(ad)
    ad.addnext(second)


def _custom_elements(doc: lxml.html.HtmlElement) -> None:
    box = body_container(doc)
    if box is None:
        return
    for el in [box, *box.iterancestors()]:
        if el.tag in ("div", "section", "article", "main"):
            el.tag = "story-" + el.tag


def _landmarks_as_divs(doc: lxml.html.HtmlElement) -> None:
    for el in doc.iter("header", "footer", "nav", "aside"):
        el.tag = "div"


_REWRITES = {
    "br_paragraphs": _br_paragraphs,
    "renamed": _renamed,
    "wrapped": _wrapped,
    "sections_as_divs": _sections_as_divs,
    "p_as_div": _p_as_div,
    "table_layout": _table_layout,
    "strip_attrs": _strip_attrs,
    "minified": _minified,
    "ad_split": _ad_split,
    "custom_elements": _custom_elements,
    "landmarks_as_divs": _landmarks_as_divs,
}


def rewrite(body: bytes | str, variant: str, headers: Mapping[str, str] | None = None) -> bytes:
    """The page with one markup rewrite applied, as UTF-8 bytes (``no_url``: only re-encoded); a
    variant of :data:`VARIANTS`, or any other "+" combination of their rewrites."""
    if variant not in VARIANTS and not all(n in _REWRITES for n in variant.split("+")):
        raise ValueError(f"unknown redesign variant {variant!r}; one of {VARIANTS}")
    doc = _parse(body, headers)
    for name in variant.split("+"):
        if name in _REWRITES:
            _REWRITES[name](doc)
    return _serialize(doc)


def words(body: bytes | str, headers: Mapping[str, str] | None = None, by_node: bool = False) -> list[str]:
    """Every word of a page's text, in order (what a rewrite must keep); ``by_node``: each text
    node's words apart (text either side of a block boundary, which ``minified`` leaves touching
    in the markup, is two words, as a browser shows it)."""
    doc = _parse(body, headers)
    for el in doc.xpath("//script | //style"):
        el.drop_tree()
    if by_node:
        return [w for t in doc.itertext() for w in _TOKEN.findall(t)]
    return _TOKEN.findall(doc.text_content())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_f1(got: str, reference: str) -> float:
    """F1 of 4-token shingle multisets; two empty texts agree (1.0)."""
    a, b = shingles(got), shingles(reference)
    if not a and not b:
        return 1.0
    tp = sum((a & b).values())
    return 2 * tp / (sum(a.values()) + sum(b.values()))
