"""Readers' comment threads found by what they say, not by their class names.

trafilatura leaves comments out (``include_comments=False``) by their containers' class and id
("comments", "disqus_thread" ...). Once a redesign renames them (tests/redesign.py ``renamed``),
the thread below a story is plain ``<div>``s of paragraphs: it was kept with the story, or, being
denser than a short story, kept instead of it (Zyte ``renamed`` worst case, F1 0.36).

What a thread keeps whatever its markup is its heading: "12 Comments", "Top Rated Comments",
"Leave a Reply", "Post a Comment", "Komentar (3)", "Tulis Komentar". :func:`drop_threads` removes,
for each such heading printed below the story, the largest element around it that holds no prose
above the heading: the thread and its form, never the story (whose paragraphs are above the
heading, so the climb stops below their common container).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from lxml.etree import XPath

# Words a thread's heading holds, looked for with str's find (a regular expression, case-blind,
# over the page's text cost 1-2 ms a page; an XPath over every text node 3-8 ms): the page's text
# once, and only on a page that has one the elements' own texts.
_KEYS = ("comment", "komentar", "repl", "respons", "thoughts", "discussion", "conversation", "tanggapan",
         "ulasan", "reviews")


def _has_key(text: str) -> bool:
    """Does ``text`` hold a word of :data:`_KEYS`? (A page's whole text: one substring search per
    word, each fast in C.)"""
    low = text.lower()
    return any(map(low.__contains__, _KEYS))


# The same test for an element's own short text, asked of every block of a page that has a key
# word somewhere: one regular expression call instead of a generator of eight (a third the time).
_KEY = re.compile("|".join(map(re.escape, _KEYS)))


# A thread's heading is the whole text of its element (a sentence mentioning comments is not).
_HEADING = re.compile(
    r"(?:\d+\s+)?(?:top[- ]rated\s+|recent\s+|latest\s+|readers?'?\s+|newest\s+)?comments?(?:\s*\(\d+\))?"
    r"|(?:leave|post|add|write|submit)\s+an?\s+(?:comment|reply|response)"
    r"|\d+\s+(?:responses?|replies)(?:\s+to\s+.+)?"
    r"|(?:one|\d+)\s+thoughts?\s+on\s+.+"
    r"|comments?\s+(?:are|is)\s+closed\.?"
    r"|join\s+the\s+(?:discussion|conversation)"
    r"|(?:\d+\s+)?komentar(?:\s+(?:pembaca|anda|terbaru))?(?:\s*\(\d+\))?"
    # (a bare "Tanggapan" is also a story's subheading: "the ministry's response")
    r"|\d+\s+tanggapan|tanggapan\s+(?:pembaca|anda|terbaru)|tanggapan\s*\(\d+\)"
    r"|(?:tulis|kirim|beri|berikan|tinggalkan)(?:kan)?\s+(?:komentar|tanggapan|ulasan)(?:\s+anda)?"
    # readers' reviews under a recipe or a product ("Ulasan (126)", "Ulasan Pembaca", "12 Reviews");
    # a bare "Ulasan" or "Review" is also a story's heading
    r"|(?:\d+\s+)?ulasan(?:\s+pembaca)?\s*\(\d+\)|\d+\s+ulasan|ulasan\s+pembaca"
    r"|(?:\d+\s+)?(?:user\s+|customer\s+|readers?'?\s+)?reviews?\s*\(\d+\)|\d+\s+(?:user\s+)?reviews?",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset("h1 h2 h3 h4 h5 h6 div p span strong b header li label legend section".split())
_PROSE_IN = XPath(
    "descendant-or-self::*/text()[string-length(normalize-space(.)) > 60][not(ancestor::a)]"
)
_STORY_ABOVE = 400  # characters of prose above the heading: less is a toolbar's label above the story


def drop_threads(tree: Any) -> int:
    """Remove the readers' comment threads of ``tree`` (in place); how many were removed."""
    found = threads(tree)
    for thread in found:
        parent = thread.getparent()
        if parent is not None:  # (one thread inside another is gone with it)
            parent.remove(thread)  # its tail too: text after a thread is not the story
    return len(found)


def may_hold_thread(tree: Any) -> bool:
    """Does ``tree``'s text hold a word of a thread's heading at all? False: neither it nor any
    part or copy of it holds a thread (its callers ask once for a page and its pieces)."""
    body = tree.find("body")
    return _has_key((body if body is not None else tree).text_content())


def threads(tree: Any, keyed: bool = False) -> list[Any]:
    """The readers' comment threads of ``tree``, in page order (the tree is left as it is).
    ``keyed``: the caller knows the page's text holds a key word (:func:`may_hold_thread`), which
    is then not looked for again (a shortcut only: without one, no element's text holds one)."""
    body = tree.find("body")
    root = body if body is not None else tree
    out: list[Any] = []
    if not keyed and not _has_key(root.text_content()):
        return out
    for el in root.iter(*_BLOCK_TAGS):
        own = el.text
        if not own or len(own) > 200 or _KEY.search(own.lower()) is None or el.getparent() is None:
            continue
        if not _HEADING.fullmatch(" ".join(el.text_content().split())):
            continue
        if next(el.iterancestors("a", "button"), None) is not None:
            continue  # a link to the thread ("12 comments" under a teaser), not the thread
        if any(el is t or _inside(el, t) for t in out):
            continue  # (a thread's own form, "Leave a Reply", below its heading)
        thread = _thread_of(el, root)
        if thread is not None:
            out.append(thread)
    return out


def in_thread(el: Any, tree: Any, keyed: bool = False) -> bool:
    """Is ``el`` (an element of ``tree``) a readers' comment thread, or inside one? (``keyed``: as
    for :func:`threads`.)"""
    return any(el is t or _inside(el, t) for t in threads(tree, keyed))


def _inside(el: Any, container: Any) -> bool:
    return any(a is container for a in el.iterancestors())


def _thread_of(heading: Any, root: Any) -> Any | None:
    """The largest element around ``heading`` with no prose above it, when the page's prose above
    it is a story's (:data:`_STORY_ABOVE`); None when the heading is at the top of the page."""
    node = heading
    while True:
        parent = node.getparent()
        if parent is None:
            return None
        if _prose_before(node, parent):
            break
        if parent is root:
            return None  # no prose above the heading on the whole page: not below a story
        node = parent
    if next(node.iter("h1"), None) is not None:
        return None  # the page's title inside: not below the story
    above = 0
    for anc in (node, *node.iterancestors()):
        for sib in anc.itersiblings(preceding=True):
            if isinstance(sib.tag, str):  # (not an HTML comment or a processing instruction)
                above += sum(len(" ".join(t.split())) for t in _PROSE_IN(sib))
        if above >= _STORY_ABOVE or anc is root:
            break
    return node if above >= _STORY_ABOVE else None


def _prose_before(node: Any, parent: Any) -> bool:
    """Does ``parent`` hold prose (a text run of over 60 characters outside links) above ``node``?"""
    if len(" ".join((parent.text or "").split())) > 60:
        return True
    for sib in node.itersiblings(preceding=True):
        if len(" ".join((sib.tail or "").split())) > 60 or (isinstance(sib.tag, str) and _PROSE_IN(sib)):
            return True
    return False


_COMMENT_BOX = re.compile(r"(?i)comment|komentar|disqus")
_COMMENT_BOX_DEPTH = 10


def in_comment_box(el: Any) -> bool:
    """Is ``el`` inside a readers' comment by its markup alone (an ancestor's class or id names
    one: "comment-body", "komentar-item"), ten levels up at most? The cheap check for one element;
    :func:`in_thread` finds the thread by what it says."""
    for a in itertools.islice(el.iterancestors(), _COMMENT_BOX_DEPTH):
        if _COMMENT_BOX.search((a.get("class") or "") + " " + (a.get("id") or "")):
            return True
    return False
