"""kliping.clean.selectors' walks select what trafilatura's XPaths they stand for select.

Generated pages whose elements carry the attributes those XPaths read (class, id, style, role,
aria-hidden, data-component, data-lp-replacement-content), in every order (``@id|@class`` is the
first of the two in the element's attributes), with values at the patterns' edges (a token at a
value's start or inside it, its case changed, a space before it); then the extractor reading them
gives the text trafilatura's own gives, and another shape of XPath is left to trafilatura.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import XPath, tostring
from trafilatura import main_extractor
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from kliping.clean import decode, maintext, selectors
from kliping.clean.body import TRAFILATURA_SETTINGS

_VALUES = [
    "", "share-bar", "shariah", "x shariah", "nav", "Nav", "subnav", "navbar", "menu", "ad", " ad ",
    "x ad-slot", "ad-slot", "dfpAd", "dfpad", "widget", "meta", "Meta", "byline", "cookie",
    "cookie-bar", "comments-title", "reply-form", "x reply-form", "hidden", "x hidden", "hide-me",
    "akismet", "reader-comments", "display:none", "display: none", "color:red", "post-content",
    "article-body", "articleBody", "entry-content", "post", "entry", "story", "text", "FullText",
    "fulltext", "article x", "x article ", "content", "content-main", "Main-Content", "Page-Content",
    "main", "mainbar", "primary", "story-body", "articleContent", "article", "true", "MostPopularStories",
    "teaser", "x Teaser-box", "TEASER", "caption", "figcaption x", "Caption",
]  # fmt: skip
_ATTRS = ["class", "id", "style", "role", "aria-hidden", "data-component", "data-lp-replacement-content",
          "itemprop"]  # fmt: skip
_TAGS = ["div", "p", "span", "section", "article", "main", "ul", "aside", "li", "b"]


@st.composite
def _element(draw: st.DrawFn, depth: int) -> str:
    tag = draw(st.sampled_from(_TAGS))
    names = draw(st.lists(st.sampled_from(_ATTRS), unique=True, max_size=4))
    attrs = "".join(f' {n}="{draw(st.sampled_from(_VALUES))}"' for n in names)
    inner = "".join(draw(st.lists(_element(depth - 1), max_size=3))) if depth else ""
    return f"<{tag}{attrs}>Teks {inner}</{tag}>"


@st.composite
def _page(draw: st.DrawFn) -> str:
    return f"<html><body>{''.join(draw(st.lists(_element(3), min_size=1, max_size=4)))}</body></html>"


def _walks() -> tuple[list, list]:
    space = selectors.extract_content().__globals__
    assert space is not vars(main_extractor)  # (the trafilatura kliping is written against)
    names = ("OVERALL_DISCARD_XPATH", "TEASER_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS", "BODY_XPATH")
    walks = [w for name in names for w in space[name]]
    return walks, [x for name in names for x in getattr(main_extractor, name)]


def _first(found: list) -> list:
    return next(([x] for x in found if x is not None), [])


@settings(max_examples=300, deadline=None)
@given(_page())
def test_walks_select_what_the_xpaths_select(html: str) -> None:
    tree = decode.parse(html)
    assert tree is not None
    walks, xpaths = _walks()
    for context in [tree, *tree.iter("div", "section", "article")]:
        for i, (walk, xpath) in enumerate(zip(walks, xpaths, strict=True)):
            if i < 4:  # the discards: every element, in document order
                assert walk(context) == xpath(context)
            else:  # the frames: the first (all the extractor reads)
                assert _first(walk(context)) == _first(xpath(context))


_COMMENT_VALUES = [
    "comment-list", "Comments", "commentary", "no-comments", "x\ncomment-form", "post-comments",
    "article-comments", "comol", "disqus_thread", "dsq-comments", "x comment", "body", "",
]  # fmt: skip


@st.composite
def _comment_page(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(["div", "section", "aside", "ul", "ol", "details", "p"]))
        names = draw(st.lists(st.sampled_from(["class", "id"]), unique=True, max_size=2))
        attrs = "".join(f' {n}="{draw(st.sampled_from(_COMMENT_VALUES))}"' for n in names)
        inner = draw(st.sampled_from(_COMMENT_VALUES))
        inner = f"<div class='{inner}'>x</div>" if draw(st.booleans()) else ""
        blocks.append(f"<{tag}{attrs}>{inner}<li>Teks</li></{tag}>")
    return f"<html><body><p>Cerita</p>{''.join(blocks)}</body></html>"


@settings(max_examples=300, deadline=None)
@given(_comment_page())
def test_comment_lists_walk_selects_what_the_xpath_selects(html: str) -> None:
    tree = decode.parse(html)
    assert tree is not None
    (walk,), (xpath,) = selectors.comment_lists(), maintext.REMOVE_COMMENTS_AND_LISTS_XPATH
    assert walk is not xpath  # (the trafilatura kliping is written against)
    for context in [tree, *tree.iter("div", "section")]:
        assert walk(context) == xpath(context)


def test_attribute_order_decides() -> None:
    """``@id|@class`` is the first of the two in the element's attributes."""
    tree = decode.parse(
        '<html><body><div class="cookie" id="a">x</div><div id="a" class="cookie">y</div>'
        '<div id="reply-a" class="q">z</div><div class="q" id="reply-a">w</div></body></html>'
    )
    walks, xpaths = _walks()
    for walk, xpath in zip(walks[:2], xpaths[:2], strict=True):
        assert walk(tree) == xpath(tree)
    assert [el.text for el in walks[0](tree)] == ["x"]
    assert [el.text for el in walks[1](tree)] == ["z"]


_PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.html"))


def _same_extraction(tree: object) -> None:
    options = maintext.extractor(tuple(sorted(TRAFILATURA_SETTINGS.items())))
    cleaned = convert_tags(tree_cleaning(copy.deepcopy(tree), options), options, None)
    ours = selectors.extract_content()(copy.deepcopy(cleaned), options)
    theirs = main_extractor.extract_content(cleaned, options)
    assert tostring(ours[0]) == tostring(theirs[0])
    assert ours[1] == theirs[1]


@pytest.mark.parametrize("page", _PAGES, ids=lambda p: p.stem)
def test_extractor_gives_trafilaturas_text(page: Path) -> None:
    tree = decode.page_tree(page.read_bytes())
    assert tree is not None
    _same_extraction(tree)


@settings(max_examples=100, deadline=None)
@given(_page())
def test_extractor_gives_trafilaturas_text_generated(html: str) -> None:
    tree = decode.parse(html)
    assert tree is not None
    _same_extraction(tree)


def test_another_shape_is_trafilaturas(monkeypatch: pytest.MonkeyPatch) -> None:
    """XPaths of another shape (another trafilatura): its own extractor, the walks unused."""
    changed = [*main_extractor.BODY_XPATH[:-1], XPath("(.//main)[1]")]
    monkeypatch.setattr(main_extractor, "BODY_XPATH", changed)
    selectors.extract_content.cache_clear()
    try:
        assert selectors.extract_content() is main_extractor.extract_content
    finally:
        monkeypatch.undo()
        selectors.extract_content.cache_clear()
    assert selectors.extract_content() is not main_extractor.extract_content
