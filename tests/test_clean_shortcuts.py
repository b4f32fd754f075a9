"""The cheaper walks of kliping.clean.maintext select exactly what the XPaths they replace select.

Each shortcut (paragraphs walked in Python instead of an XPath with ``normalize-space()``, a tag
walked by name instead of a ``name()`` test, class and id values searched as one string) is
checked against the XPath it stands for, on generated pages whose paragraphs sit at the 60
character threshold with the whitespace the two disagree on (non-breaking and other Unicode
spaces count for ``str.split()``, not for ``normalize-space()``).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import XPath, tostring

from kliping.clean import decode, maintext

_SPACES = [" ", "  ", "\t", "\n", "\r\n", "\xa0", "\u2009", "\u3000", " \xa0 "]
_WORDS = ["Jakarta", "kata", "Presiden", "yang", "2025", "di", "pemerintah", "x" * 9]
_OLD_PROSE = XPath("//p[not(ancestor::a)][string-length(normalize-space(.)) > 60]")
_KEY = " or ".join(f"contains(., '{k}')" for k in maintext._RAW_PRUNE_KEYS)
_OLD_MAY_PRUNE = XPath(f"boolean(.//@class[{_KEY}] | .//@id[{_KEY}])")
_OLD_SAME_CLASS = XPath("//*[name() = $tag][@class = $cls]")

_text = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_classes = st.sampled_from(["", "body", "article__body", "comment-list", "x infinite-scroll", "Comments"])


@st.composite
def _page(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 8))):
        inner = f"<p>{draw(_text)}<b>{draw(_text)}</b>{draw(_text)}</p>"
        if draw(st.booleans()):
            inner = f"<a href='/x'>{inner}</a>"
        attr = draw(st.sampled_from(["class", "id"]))
        blocks.append(f"<div {attr}='{draw(_classes)}'>{draw(_text)}{inner}</div>")
    return f"<html class='{draw(_classes)}'><body>{''.join(blocks)}</body></html>"


@settings(max_examples=300, deadline=None)
@given(_page())
def test_shortcuts_select_what_the_xpaths_select(html: str) -> None:
    tree = decode.parse(html)
    assert tree is not None
    old = [(p, " ".join(p.text_content().split())) for p in _OLD_PROSE(tree)]
    assert maintext._prose(tree) == old
    assert maintext._may_prune(tree) == _OLD_MAY_PRUNE(tree)
    for div in tree.iter("div"):
        if (div.get("class") or "").strip():
            assert maintext._chunks(tree, div) == (
                same if len(same := _OLD_SAME_CLASS(tree, tag="div", cls=div.get("class"))) >= 2 else []
            )


def test_threshold_measured_as_normalize_space() -> None:
    """61 characters once the non-breaking spaces count (the XPath's measure), 59 by str.split()."""
    text = "a" * 29 + "\xa0 \xa0" + "b" * 29
    tree = decode.parse(f"<html><body><p>{text}</p><p>{'c' * 60}</p></body></html>")
    assert [t for _p, t in maintext._prose(tree)] == [" ".join(text.split())]


_PRUNE_VALUES = [
    "comment-list", "Comments", "commentary", "no-comments", "x\ncomment-form", "post-comments",
    "article-comments", "comol", "disqus_thread", "dsq-comments", "infinite-scroll", "infinitescroll",
    "mvp-post-add-box", "mvp-post-add-", "elementor-share-buttons", "body", "",
]  # fmt: skip


@st.composite
def _prunable_page(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(["div", "section", "aside", "ul", "ol", "details"]))
        attr = draw(st.sampled_from(["class", "id"]))
        inner = "<h1>Judul</h1>" if draw(st.booleans()) else ""
        blocks.append(f"<{tag} {attr}='{draw(st.sampled_from(_PRUNE_VALUES))}'>{inner}<li>Teks</li></{tag}>")
    return f"<html><body><p>Cerita</p>{''.join(blocks)}</body></html>"


@settings(max_examples=300, deadline=None)
@given(_prunable_page(), st.booleans())
def test_raw_prunes_left_out_select_nothing(html: str, forum: bool) -> None:
    """The raw-tree prunes whose patterns match no class or id are not run: they select nothing,
    and the page pruned is the page every prune gives."""
    tree = decode.parse(html)
    assert tree is not None
    screens = maintext._prune_screens()
    assert screens is not None  # (the trafilatura kliping is written against)
    values = "\n".join(tree.xpath(".//@class | .//@id"))
    prunes = (*maintext.RAW_TREE_PRUNE_XPATH, *maintext.REMOVE_COMMENTS_AND_LISTS_XPATH)
    for xpath, screen in zip(prunes, screens, strict=True):
        if screen.search(values) is None:
            assert xpath(tree) == []
    every = maintext.copy(tree)
    if maintext._may_prune(every):
        every = maintext.prune_unwanted_nodes(every, maintext.RAW_TREE_PRUNE_XPATH)
        if not forum:
            every = maintext.prune_unwanted_nodes(every, maintext.REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert tostring(maintext._raw_pruned(tree, forum)) == tostring(every)
