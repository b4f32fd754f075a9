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
from lxml.etree import XPath

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
