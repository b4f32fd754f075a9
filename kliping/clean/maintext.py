"""trafilatura's main-text extraction, as kliping runs it.

``trafilatura.extract(tree, fast=True)`` runs, in order: a copy of the input; the raw-tree prunes
(appended articles; comment sections when comments are off and the page is not a forum thread);
tree cleaning and tag conversion; the main extractor (with its own wild-text recovery); the
baseline rescue when that found under ``MIN_EXTRACTED_SIZE`` characters; then, in the balanced
mode, a *recall escalation*: when the text is under 3,000 characters it measures the whole page
(``html2txt``, a copy of the tree and an XPath of regular expressions over every element) and,
if the text covers less than a fifth of it, re-runs the extractor in recall mode.

:func:`text` runs the same stages through trafilatura's own functions, minus the escalation. On
the 307 evaluation pages it changed 2 outputs, both for the better: the escalation had added
the related-article headlines under an okezone story, and a republika story's headline and date
lines above its dateline. kliping has its own, narrower retry for the case the escalation is for
(``_short_for`` in :mod:`kliping.clean`: full mode when the text is a small part of the page's
paragraphs), so the measure is paid on every short article for nothing; leaving it out made
``clean()`` about 12% faster (interleaved timing over the 227 pages of ``bench/reclean.py``).
The raw-tree prunes, whose XPaths call a regular expression back in Python for every div,
section, list and aside, are skipped when no class or id on the page holds a token they could
match (140 of those 227 pages): the same result, at a third of the cost. The main extractor is
trafilatura's own code with its frame and discard XPaths (``BODY_XPATH``, ``OVERALL_DISCARD_XPATH``)
read as walks in Python that select the same elements (:mod:`kliping.clean.selectors`): a third of
its time went to their ``re:test()`` callbacks.

These functions are trafilatura internals, not its documented API: any other trafilatura than the
one this was written against (2.3), any other settings than kliping's (fast, no comments, not
favouring precision, no deduplication), and any import problem fall back to
``trafilatura.extract``; ``tests/test_clean.py`` checks that both give the same text on pages
where the escalation does not fire.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from copy import copy
from typing import Any

import trafilatura
from lxml.etree import XPath
from trafilatura.settings import Extractor

from kliping.clean import boilerplate, selectors

try:  # trafilatura 2.3's stages (see the module docstring)
    from trafilatura.baseline import baseline
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    STAGED = trafilatura.__version__.startswith("2.3.")
except ImportError:  # pragma: no cover - another trafilatura: its extract() it is
    STAGED = False


@functools.lru_cache(maxsize=8)
def extractor(settings: tuple[tuple[str, Any], ...]) -> Extractor:
    """One ``Extractor`` per settings, made once (building one reads trafilatura's config each time).

    No URL: trafilatura uses it only for links and images, which kliping does not keep.
    """
    kw = dict(settings)
    return Extractor(
        output_format="txt", fast=kw["fast"], precision=kw["favor_precision"],
        recall=kw["favor_recall"], comments=kw["include_comments"], tables=kw["include_tables"],
        dedup=kw["deduplicate"], with_metadata=False,
    )  # fmt: skip


# Every class or id the raw-tree prunes can match holds one of these (their regular expressions
# are case-sensitive): "[Cc]omment", "comol", "disqus_thread", "dsq-comments";
# "mvp-post-add-(box|wrap)", "infinite-?scroll"; "elementor-share-buttons". Most pages have none,
# and this test costs a fraction of those XPaths (whose re:test() calls back into Python for every
# div, section, list and aside): the page's class and id values, taken in C as plain strings
# (cheaper than six contains() on each in XPath), joined and searched once.
_RAW_PRUNE_KEYS = (
    "omment", "comol", "disqus_thread", "mvp-post-add-", "infinite", "elementor-share-buttons",
)  # fmt: skip
_RAW_PRUNE_KEY = re.compile("|".join(map(re.escape, _RAW_PRUNE_KEYS)))
_CLASS_IDS = XPath(".//@class | .//@id", smart_strings=False)


def _may_prune(tree: Any) -> bool:
    """Does a class or id of ``tree`` (itself included) hold one of :data:`_RAW_PRUNE_KEYS`?"""
    return _RAW_PRUNE_KEY.search("\x00".join(_CLASS_IDS(tree))) is not None


# On a page the keys let through (a "comment-count" or "no-comments" class will do), each prune's
# own patterns on the class and id values (a superset of its matches: any element's, either
# attribute's; a value's start is a line's) tell which of its XPaths can match at all: the others,
# which would select nothing, are not run (a third of the pages let through need none). Their
# patterns, in trafilatura 2.3's order (RAW_TREE_PRUNE_XPATH's two, REMOVE_COMMENTS_AND_LISTS_
# XPATH's one), checked against its XPaths once (:func:`_prune_screens`).
_PRUNE_TESTS = (  # (what each XPath tests, as its source writes it)
    ("mvp-post-add-(?:box|wrap)|infinite-?scroll",),
    ("elementor-share-buttons",),
    ("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)",
     "^[Cc]omment(?!ary)|(?:article|post)-comments"),
)  # fmt: skip


@functools.cache
def _prune_screens() -> tuple[re.Pattern[str], ...] | None:
    """:data:`_PRUNE_TESTS` compiled (one pattern per XPath), or None when trafilatura's prunes
    are not those they were read from (then every XPath is run, as before)."""
    try:
        xpaths = [x.path for x in (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)]
    except (NameError, AttributeError):  # pragma: no cover - another trafilatura
        return None
    if len(xpaths) != len(_PRUNE_TESTS):
        return None
    if not all(all(k in x for k in ks) for x, ks in zip(xpaths, _PRUNE_TESTS, strict=True)):
        return None
    return tuple(re.compile("|".join(ks), re.M) for ks in _PRUNE_TESTS)


def _raw_pruned(tree: Any, forum: bool) -> Any:
    tree = copy(tree)
    if not _may_prune(tree):
        return tree
    screens = _prune_screens()
    if screens is None:  # pragma: no cover - another trafilatura
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        return tree if forum else prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    values = "\n".join(_CLASS_IDS(tree))  # (read again: on the few pages the keys let through)
    raw = [x for x, rx in zip(RAW_TREE_PRUNE_XPATH, screens, strict=False) if rx.search(values)]
    if raw:
        tree = prune_unwanted_nodes(tree, raw)
    if forum or screens[2].search(values) is None:
        return tree
    return prune_unwanted_nodes(tree, selectors.comment_lists())  # (that XPath, walked)


def staged(tree: Any, options: Extractor) -> str | None:
    """trafilatura's fast extraction of ``tree`` without the recall escalation (input untouched)."""
    forum = _forum_thread_page(tree)
    cleaned = convert_tags(tree_cleaning(_raw_pruned(tree, forum), options), options, None)
    # (trafilatura's extractor with its frame and discard XPaths read as walks: kliping.clean.selectors)
    body, found = selectors.extract_content()(cleaned, options)
    if len(found) < options.min_extracted_size:
        # baseline rescue, on the raw-pruned page as trafilatura does (rare: prune it again)
        b_body, b_text, b_len = baseline(_raw_pruned(tree, forum))
        if b_len > len(found):
            body, found = b_body, b_text
    if len(found) < options.min_output_size:
        return None
    return normalize_unicode(xmltotxt(body, options.formatting).strip())  # as extract() strips


def text(tree: Any, settings: dict[str, Any]) -> str | None:
    """The main text of ``tree`` (:func:`_main_text`), with the lists of its story (:func:`story_lists`)
    and its subheadings (:func:`story_headings`), without the widget cards printed above its
    headline (:func:`widgets_above`) nor the other lines whose source is not the story's
    (:func:`before_headline`: above its headline, or below its first paragraph)."""
    prose = _prose(tree)
    dense = densest_block(prose)
    found = told_once(_main_text(tree, settings, prose, dense))
    found = story_lists(tree, found, settings, prose)
    found = story_headings(tree, found, settings, prose)
    found = reader_boxes(tree, found, prose, dense)
    found = widgets_above(found, dense, prose)
    found = media_captions(found, prose, dense)
    return before_headline(tree, found, dense, prose, TITLE.get())


# The page's title (its metadata's, :func:`kliping.clean.metadata.title`), set by
# :func:`kliping.clean.pipeline.clean` for the time of its body's extraction: the body steps run on
# copies of the page's main container, which hold no <head> to read it from.
TITLE: ContextVar[str | None] = ContextVar("kliping_page_title", default=None)


_COPY_LINE = 1000  # characters: a line this long that repeats the rest is a whole copy of the story
_COPY_SHARE = 0.5  # of its word 4-grams found in the other lines: the same story, not another one
_COPY_CANDIDATES = 3  # the longest lines looked at


def told_once(found: str | None) -> str | None:
    """The extraction without a second copy of its story written as one block of text.

    Pages carry hidden copies of their story: a schema.org microdata block
    (``<div itemscope itemtype=".../NewsArticle" style="display:none">``) whose ``articleBody``
    is the whole story as one text, a print or app copy. trafilatura skips them by their
    ``style`` or class; once a redesign drops those attributes the copy's text ``<div>``s
    outweigh the story's paragraphs (:func:`kliping.clean.body.div_paragraphs`), the body holds
    the story twice, and the items of its lists, found in the copy, count as kept, so
    :func:`story_lists` gave them up (F1 0.66). A line of :data:`_COPY_LINE` characters or more
    at least :data:`_COPY_SHARE` of whose word 4-grams the other lines hold is such a copy: left
    out. (A copy written paragraph by paragraph needs nothing: trafilatura keeps a repeated
    paragraph once.)
    """
    if not found:
        return found
    lines = found.splitlines()
    long = [i for i, x in enumerate(lines) if len(x) >= _COPY_LINE]  # most pages: none
    # A whole copy of the story is longer than any of its paragraphs: only the longest few lines
    # are looked at, so the work stays linear in the text (each look reads all of it; a page of
    # 1,500 long paragraphs took 54 s when every one was looked at).
    long = sorted(long, key=lambda i: len(lines[i]), reverse=True)[:_COPY_CANDIDATES]
    drop: set[int] = set()
    for i in long:
        if not _echoed(lines[i], lines, i):
            continue
        words = _WORDS.findall(lines[i].casefold())
        grams = {" ".join(words[j : j + 4]) for j in range(len(words) - 3)}
        other = " ".join(x for k, x in enumerate(lines) if k != i and k not in drop).casefold()
        rest = _WORDS.findall(other)
        known = {" ".join(rest[j : j + 4]) for j in range(len(rest) - 3)}
        if grams and len(grams & known) >= _COPY_SHARE * len(grams):
            drop.add(i)
    if not drop:
        return found
    return "\n".join(x for i, x in enumerate(lines) if i not in drop)


_WORDS = re.compile(r"\w+")
_PROBES = 8  # windows of the long line looked for in the other lines (C-level substring search)
_PROBE = 30  # characters each


def _echoed(line: str, lines: list[str], i: int) -> bool:
    """Cheap screen for :func:`told_once`: do the other lines hold a quarter of the long line's
    probe windows, word for word? (Most long lines are a story's own long paragraph: no.)"""
    rest = "\n".join(x for k, x in enumerate(lines) if k != i)
    step = (len(line) - _PROBE) // _PROBES
    hits = sum(line[j * step : j * step + _PROBE] in rest for j in range(_PROBES))
    return hits * 4 >= _PROBES


def _main_text(tree: Any, settings: dict[str, Any], prose: list[tuple[Any, str]],
               dense: tuple[Any, list[str], int] | None) -> str | None:  # fmt: skip
    """The main text of ``tree`` (an lxml HTML element, left as it is) under trafilatura ``settings``.

    Three decisions rest on what the page holds rather than on its class names, so that a
    redesign (tests/redesign.py) does not change the body:

    - a class name never vetoes the page's prose: when the extraction misses the densest block of
      paragraphs (:func:`densest_block`) printed above what it kept, because trafilatura's class
      and id rules discarded one of its containers (a story inside ``<div class="sosmedsticky
      author-and-share">`` matches the "author" token, and the teaser grid below it was read
      instead), the extraction is run again on a copy whose block and ancestors have lost their
      class and id (as after a theme renamed them), and kept when it holds the block;
    - a photo gallery with no block of paragraphs is its captions (:func:`gallery`);
    - a page with no block of paragraphs and hardly any prose, whose extraction is mostly menus
      and teaser headlines, is its prose (:func:`thin_page`).
    """
    if dense is None and (captions := gallery(tree)):
        return "\n".join(captions)
    if dense is None:
        return thin_page(tree, _text(tree, settings))
    found = _framed_text(tree, settings, dense, prose)
    if _figures_among(dense[0]) >= _PHOTO_STORY_MIN and _photo_titled(tree) \
            and (captions := gallery(tree, _PHOTO_STORY)) and _photo_story(captions, dense) \
            and _covers(captions, found):
        return "\n".join(captions)
    block, heads, first = dense
    flat = " ".join((found or "").split())
    hit = present(flat, [t[:50] for _p, t in prose])
    kept = next(((i, _block_of(p)) for i, (p, _t) in enumerate(prose) if hit(i)), None)
    if not _holds(flat, heads) and (kept is None or first < kept[0]):
        blocks = [block]  # a story block above what was kept, or nothing of the page's prose kept
    else:
        # What was kept is above the densest block, or holds it. Below it: a readers' comment
        # thread (discarded on purpose: left alone), or the next chunks of the same body (a page
        # cut into <div class="article__body"> chunks between ads, of which trafilatura read the
        # first), which have the same tag and class as the kept paragraphs' block.
        if kept is None or all(hit(i) for i in range(len(prose))):
            return found
        blocks = _chunks(tree, kept[1])
        heads = [h for el in blocks if el is not kept[1] for h in _openings(el)]
        if not heads or _holds(flat, heads):
            return found
    copied = copy(tree)  # the same document: the blocks are found again by their paths
    path = tree.getroottree().getpath
    twins = [t for el in blocks for t in copied.xpath(path(el))]
    if not twins:
        return found
    for twin in twins:
        for el in (twin, *twin.iterancestors()):
            for attr in ("class", "id"):
                el.attrib.pop(attr, None)
    again = _text(copied, settings)
    if holds(again, heads) and len(again or "") > len(found or ""):
        return again
    if blocks == [block] and (kept is None or _inside(kept[1], block)):
        # What was kept is one box inside the block, or nothing of it: a box in the block whose
        # class trafilatura knows for a body frame ("post-text" on one paragraph written as a
        # <div>) was read for the whole body. The block with its boxes unclassed too.
        for twin in twins:
            for el in twin.iterdescendants():
                for attr in ("class", "id"):
                    el.attrib.pop(attr, None)
        again = _text(copied, settings)
        if holds(again, heads) and len(again or "") > len(found or ""):
            return again
    if kept is None and blocks == [block]:
        # Nothing of the page's prose kept, even with the block unclassed: trafilatura's body
        # frame is another element its class names (a menu bar whose class holds "main", once a
        # redesign wrote its <nav> or <header> as a <div>). The block alone, then, or with the
        # story's other chunks (:func:`_chunk_frame`).
        again = _text(_alone(_chunk_frame(tree, block)), settings)
        if holds(again, heads):
            return again
    return found


def _chunk_frame(tree: Any, block: Any) -> Any:
    """The element holding ``block`` and the other chunks of its story (:func:`_chunks` holding
    prose paragraphs), when it is not the page's ``<body>``; else ``block``.

    Recognizes a story cut into chunks of one class (a press release and the company's profile
    below it, each in a CMS component): when trafilatura's body frame was a menu and the densest
    block was read alone, the other chunks were lost (Zyte tuning page whose ``<header>`` and
    ``<footer>`` a redesign wrote as ``<div>``s: F1 0.85)."""
    chunks = [el for el in _chunks(tree, block) if _PROSE_IN(el)]
    if len(chunks) < 2:
        return block
    ups = set(chunks[0].iterancestors())
    frame = next((a for a in chunks[1].iterancestors() if a in ups), None)
    for el in chunks[2:]:
        while frame is not None and not _inside(el, frame):
            frame = frame.getparent()
    if frame is None or frame.tag in ("body", "html") or not _inside(block, frame):
        return block
    return frame


def _framed_text(tree: Any, settings: dict[str, Any], dense: tuple[Any, list[str], int],
                 prose: list[tuple[Any, str]]) -> str | None:  # fmt: skip
    """:func:`_text` of ``tree``, read with the densest block of paragraphs (``dense``, of the
    page's ``prose``) as an ``<article>`` when the page's ``<article>``s are all outside it
    (teaser cards beside a story whose frame is no ``<article>``).

    Recognizes a story frame that lost its ``<article>``: trafilatura takes the page's first
    ``<article>`` for the body frame when no class it knows names one, so once a redesign wrote
    the story's ``<article>`` (or its frames, as web components' custom elements) as ``<div>``s,
    the first teaser card of the grid below was its frame, and the story came out below the
    card's headline or with the grid's excerpts (Zyte tuning page so rewritten: F1 0.69). The
    block is the story's frame when it is the whole story: no paragraph outside it in its parent
    (a chunk or a lead beside it) and none above it outside the ``<article>``s (a lead in a
    frame further up). A story inside an ``<article>``, or a page with none, is read as it is.
    """
    block, _heads, first = dense
    if next(tree.iter("article"), None) is None or block.tag == "article" \
            or next(block.iterancestors("article"), None) is not None:
        return _text(tree, settings)
    frame = block.getparent()
    for i, (p, _t) in enumerate(prose):
        if _inside(p, block):
            continue
        if _inside(p, frame) or (i < first and next(p.iterancestors("article"), None) is None):
            return _text(tree, settings)
    tag, block.tag = block.tag, "article"
    try:
        return _text(tree, settings)
    finally:
        block.tag = tag


def _inside(el: Any, container: Any) -> bool:
    return el is not None and any(a is container for a in el.iterancestors())


def _alone(element: Any) -> Any:
    """A copy of ``element`` as the only child of a fresh ``<html><body>``."""
    html = element.makeelement("html", {})
    body = html.makeelement("body", {})
    html.append(body)
    body.append(copy(element))
    body[0].tail = None
    return html


_PROSE_IN = XPath("descendant::p[not(ancestor::a)][string-length(normalize-space(.)) > 60]")
_SAME_CLASS = XPath("//*[name() = $tag][@class = $cls]")


def _openings(el: Any) -> list[str]:
    return [" ".join(p.text_content().split())[:50] for p in _PROSE_IN(el)]


def _chunks(tree: Any, block: Any) -> list[Any]:
    """The elements with ``block``'s tag and class (two or more, with a class): one body's chunks.

    An unclassed block that is the only element of a classed wrapper (``<div class="text">
    <div><p>…``, a CMS's component around each chunk's paragraphs) is told by its wrapper's:
    once a redesign wrote the page's ``<footer>`` as a ``<div>`` its paragraphs kept the
    container search from the story's frame, trafilatura read the first chunk of the page, and
    the second (the company's profile under a press release) was lost (F1 0.85).
    """
    if block is not None and not (block.get("class") or "").strip():
        up = block.getparent()
        if up is not None and (up.get("class") or "").strip() and _only_element(up) is block:
            block = up
    if block is None or not (block.get("class") or "").strip():
        return []
    tag, cls = block.tag, block.get("class")
    if tag.isalnum():  # a plain tag name: walked in C by name, cheaper than _SAME_CLASS's name() test
        same = [el for el in tree.getroottree().iter(tag) if el.get("class") == cls]
    else:
        same = _SAME_CLASS(tree, tag=tag, cls=cls)
    return same if len(same) >= 2 else []


def _only_element(el: Any) -> Any | None:
    """``el``'s one child element (comments and processing instructions aside), or None."""
    kids = [c for c in el if isinstance(c.tag, str)]
    return kids[0] if len(kids) == 1 else None


def _block_of(p: Any) -> Any:
    """A paragraph's block: its nearest ancestor with other children (a redesign's wrapper around
    each paragraph does not make it a block of its own)."""
    node, parent = p, p.getparent()
    # "the only child" by its siblings: lxml counts an element's children one by one, so len()
    # made this climb quadratic in a container of thousands of paragraphs
    while (parent is not None and node.getprevious() is None and node.getnext() is None
           and not (parent.text or "").strip()):
        node, parent = parent, parent.getparent()
    return parent


_PROSE = XPath("/descendant::p[not(ancestor::a)][string-length(normalize-space(.)) > 60]")
_XML_SPACE = re.compile("[ \t\r\n]+")  # what XPath's normalize-space() collapses (str.split() does more)


def _prose(tree: Any) -> list[tuple[Any, str]]:
    """The paragraphs :data:`_PROSE` selects, in document order, each with its text (whitespace
    runs made one space, as ``str.split()`` sees them).

    Walked in Python: the text of every ``<p>`` (taken once, where the XPath took it for its
    ``normalize-space()`` and then again for the result) costs less than the XPath alone did.
    """
    out = []
    for p in tree.getroottree().iter("p"):
        raw = p.text_content()
        if len(raw) <= 60:  # normalize-space() never lengthens a string
            continue
        flat = " ".join(raw.split())
        # str.split() also takes non-breaking and other Unicode spaces for whitespace, which
        # normalize-space() keeps: a paragraph at the threshold is measured as the XPath does
        if len(flat) <= 60 and len(_XML_SPACE.sub(" ", raw).strip(" \t\r\n")) <= 60:
            continue
        if next(p.iterancestors("a"), None) is None:
            out.append((p, flat))
    return out


_BLOCK_MIN = 3  # paragraphs: fewer is a caption, a teaser or an intro, not the story's block
_BLOCK_CHARS = 600


def densest_block(prose: list[tuple[Any, str]]) -> tuple[Any, list[str], int] | None:
    """The block (:func:`_block_of`) whose paragraphs hold the most text, with their openings and
    the index of its first paragraph in ``prose`` (the page's paragraphs of over 60 characters,
    with their text), when it holds :data:`_BLOCK_MIN` or more of them and :data:`_BLOCK_CHARS`
    characters (the story's block)."""
    held: dict[Any, list[str]] = {}
    firsts: dict[Any, int] = {}
    for i, (p, t) in enumerate(prose):
        parent = _block_of(p)
        if parent is not None:
            held.setdefault(parent, []).append(t)
            firsts.setdefault(parent, i)
    if not held:
        return None
    best, paras = max(held.items(), key=lambda kv: sum(map(len, kv[1])))
    if len(paras) < _BLOCK_MIN or sum(map(len, paras)) < _BLOCK_CHARS:
        return _densest_chunks(held, firsts)
    return best, [x[:50] for x in paras], firsts[best]


def _densest_chunks(held: dict[Any, list[str]], firsts: dict[Any, int]) -> tuple[Any, list[str], int] | None:
    """Rule "chunks of one class" when no chunk alone is a block: a short story cut into chunks of
    one tag and class, siblings, each of two paragraphs or more, around a gallery or an ad ("<div
    class=item-content>" of two paragraphs, a photo slider, "<div class=item-content>" of four).
    The chunks together are the story's block: their first chunk, with all their paragraphs'
    openings and the index of its first paragraph."""
    groups: dict[Any, list[Any]] = {}
    for block in held:
        if block.get("class"):
            groups.setdefault((block.getparent(), block.tag, block.get("class")), []).append(block)
    # (two paragraphs or more in each: a gallery's slides, a live blog's entries, hold one each)
    chunked = [g for g in groups.values() if len(g) >= 2 and all(len(held[b]) >= 2 for b in g)]
    if not chunked:
        return None
    best = max(chunked, key=lambda g: sum(len(t) for b in g for t in held[b]))
    paras = [t for b in best for t in held[b]]
    if len(paras) < _BLOCK_MIN or sum(map(len, paras)) < _BLOCK_CHARS:
        return None
    return best[0], [x[:50] for x in paras], firsts[best[0]]


_CAPTIONS = XPath("/descendant::figcaption[string-length(normalize-space(.)) > 60]")
_LOOSE_PROSE = XPath(
    "/descendant::p[not(ancestor::a)][not(ancestor::figure)][string-length(normalize-space(.)) > 60]"
)
_GALLERY_MIN = 3  # captions of prose: fewer is an article's photos, not a gallery
_PHOTO_STORY_MIN = 5  # ... beside a block of paragraphs: fewer is an article's photos
_PHOTO_STORY = 0.6  # of the loose paragraphs' text, the captions' at least, beside a block of them


def gallery(tree: Any, share: float = 1.0) -> list[str]:
    """A photo gallery's story, its captions, when the page has no block of paragraphs and its
    captions of prose (three or more, over 60 characters) hold more text than its loose paragraphs.

    A gallery page's words are in its ``<figcaption>``s; without this, trafilatura read such a page
    as its whole text in one line (navigation and teasers included) or as nothing, depending on
    the markup around the figures, so any redesign changed the body. Captions repeated by a
    carousel's thumbnails are kept once.
    """
    found = _CAPTIONS(tree) if next(tree.getroottree().iter("figcaption"), None) is not None else []
    if len(found) < _GALLERY_MIN and share >= 1:
        found = _slide_captions(tree)
    captions = list(dict.fromkeys(" ".join(c.text_content().split()) for c in found))
    if len(captions) < (_GALLERY_MIN if share >= 1 else _PHOTO_STORY_MIN):
        return []
    held = set(found)
    paragraphs = [p for p in _LOOSE_PROSE(tree) if p not in held and p.getparent() not in held]
    loose = sum(len(" ".join(p.text_content().split())) for p in paragraphs)
    if sum(map(len, captions)) <= share * loose:
        return []
    # the story's own paragraphs around its photos (a lead above them, a closing line below) are
    # its text too, in page order: those in the frame holding the captions and the headline (a
    # story cut around an ad slot has its closing line in a second box), else in the frame of the
    # captions' box
    h1 = next(tree.getroottree().iter("h1"), None)
    frame = common_ancestor(found + ([h1] if h1 is not None else []))
    if frame is None or frame.tag in ("body", "html"):
        frame = common_ancestor(found)
        if frame is not None and (up := frame.getparent()) is not None and up.tag not in ("body", "html"):
            frame = up
    around = {p for p in paragraphs if frame is not None and _inside(p, frame)}
    if not around:
        return captions
    around.update(found)
    order = [x for x in frame.iter("p", "figcaption", "div", "span") if x in around]
    return list(dict.fromkeys(" ".join(x.text_content().split()) for x in order))


_AFTER_IMAGE = XPath(
    "/descendant::img/following-sibling::*[position() <= 2][self::div or self::p or self::span]"
    "[string-length(normalize-space(.)) > 60]"
)
_SLIDE_CREDIT = 80  # characters of a photo's credit beside its caption in a slide, at most
_SLIDE_EXTRA = 15  # characters of a slide besides its caption (a counter, "1 / 6"), at most


def _slide_captions(tree: Any) -> list[Any]:
    """Rule "slides": a slider's slides, each an image and the block of prose right after it
    alone in their box (a counter besides), are a gallery's figures and captions whatever their
    markup ("<div class=swiper-slide><img><div class=slide-caption><p>…</p></div></div>")."""
    out = []
    for cap in _AFTER_IMAGE(tree):
        box = cap.getparent()
        if box is None:
            continue
        extra = len(box.text_content()) - len(cap.text_content())
        if extra <= _SLIDE_EXTRA:
            out.append(cap)
        elif extra <= _SLIDE_CREDIT and (credit := cap.getprevious()) is not None and credit.tag != "img" \
                and boilerplate.family(" ".join(credit.text_content().split())) == "photo_credit":
            out.append(cap)  # (the photo's credit between it and its caption: "ANTARA FOTO/Name/nym.")
    return out


_PHOTO_TITLE = re.compile(r"^\W{0,2}(?:foto|galeri|gallery|photos?|potret|in pictures)\b", re.I)


def _photo_titled(tree: Any) -> bool:
    """Does the page call itself a photo story ("FOTO: …", "Galeri: …", "In pictures: …") in its
    ``<title>`` or first ``<h1>``?"""
    for el in (next(tree.getroottree().iter("title"), None), title_h1(tree)):
        if el is not None and _PHOTO_TITLE.match(el.text_content() or ""):
            return True
    return False


def _figures_among(block: Any) -> int:
    """How many figures with a caption of prose stand among ``block``'s paragraphs (its children)."""
    return sum(1 for f in block.iterchildren("figure")
               if any(len(" ".join(c.text_content().split())) > 60 for c in f.iter("figcaption")))


def _covers(lines: list[str], found: str | None) -> bool:
    """Does ``lines`` hold every line of prose (40 characters or more) of ``found``, the page's
    headline aside? (The photo story's captions read in page order never lose what the
    extraction kept: a list of winners between the photos, say. The headline is no line of
    the story's: an extraction whose frame took it in, once a redesign dropped the class names
    that kept it out, lost the photo story's captions: F1 0.63.)"""
    flat = " ".join(" ".join(lines).split())
    title = _title_key(TITLE.get() or "")
    return all(" ".join(x.split()) in flat or (title and _same_title(_title_key(x), title))
               for x in (found or "").splitlines() if len(x.strip()) >= 40)


def _photo_story(lines: list[str], dense: tuple[Any, list[str], int]) -> bool:
    """Rule "photo story": a story that calls itself one (:func:`_photo_titled`) and whose block
    of paragraphs has five or more captioned figures
    among them (:func:`_figures_among`), their captions weighing nearly as much as the page's
    paragraphs, and whose paragraphs are among the lines :func:`gallery` read in page order (a
    travel story told in photos: a lead, six captions, a closing line), is told by its captions
    too. (A gallery or carousel beside the story, outside its block, is not.)"""
    heads = dense[1]
    return len(heads) >= 1 and all(any(h in x for x in lines) for h in heads[:3])


def common_ancestor(elements: list[Any]) -> Any:
    """The innermost element holding every one of ``elements`` (None for none)."""
    if not elements:
        return None
    common = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        mine = {el, *el.iterancestors()}
        common = [a for a in common if a in mine]
    return common[0] if common else None


_RUNS = XPath(
    "/descendant::text()[string-length(normalize-space(.)) > 40][not(ancestor::a)][not(ancestor::h1)]"
    "[not(ancestor::h2)][not(ancestor::h3)][not(ancestor::script)][not(ancestor::style)]"
    "[not(ancestor::nav)][not(ancestor::footer)][not(ancestor::header)]"
)
_THIN_WORDS = 8  # MIN_WORDS of kliping.clean: fewer words of prose is no body at all
_THIN_MAX = 60  # words of prose: a story, however short, has more


def thin_page(tree: Any, found: str | None) -> str | None:
    """A page with no block of paragraphs and under :data:`_THIN_MAX` words of prose (its text runs
    of over 40 characters outside links, headings, navigation and footers), whose extraction is
    mostly other text (menus, teaser headlines, labels), gets that prose as its body, in page order.

    Which links and labels trafilatura keeps around a one-caption photo page depends on classes
    and wrappers (on one such page, F1 0.37 after a redesign renamed them); its prose does not.
    Table rows count as prose (a schedule under a one-line intro stays), and an extraction whose
    other text is mostly list items that are not links stays (a story written as lists of names
    under one intro line: a list of nominees is not a menu).
    """
    lines = [" ".join(x.split()) for x in (found or "").splitlines() if x.strip()]
    if not lines:
        return found
    runs = list(dict.fromkeys(" ".join(t.split()) for t in _RUNS(tree)))
    words = sum(len(r.split()) for r in runs)
    if not _THIN_WORDS <= words < _THIN_MAX:
        return found
    flat = " ".join(lines)
    prose = sum(len(r) for r in runs if r in flat) + sum(len(x) for x in lines if x.startswith("|"))
    if prose * 3 >= len(flat) or _mostly_items([x for x in lines if x not in runs], tree):
        return found
    return "\n".join(runs)


def _mostly_items(lines: list[str], tree: Any) -> bool:
    """Are most of ``lines`` (by characters) list items that are not a link's text (a list of names,
    not a menu or teaser headlines)? An item half of which is one link's text is a teaser: a
    linked headline with its time ("Selasa, 23/02/2016 16:10 WIB Judul berita"), which a page read
    without the whitespace between its tags (a minified page) gives as one line."""
    links = {t for a in tree.iter("a") if (t := " ".join(a.text_content().split()))}
    items = sum(len(x) for x in lines if x.startswith("- ") and not _link_item(x[2:], links))
    return 2 * items > sum(map(len, lines))


def _link_item(item: str, links: set[str]) -> bool:
    if item in links:
        return True
    return 2 * max((len(t) for t in links if 2 * len(t) >= len(item) and t in item), default=0) >= len(item)


_LIST_MIN = 400  # characters of missed list items: fewer is a short bullet list, left to trafilatura
_LIST_LINKS = 0.5  # link share of the items: above it, a list of related headlines, not the story


def _announced(lst: Any, flat: str) -> bool:
    """Is the list ``lst`` announced by the kept paragraph right above it, which closes with a
    colon ("Berikut langkah-langkah cek penerima bansos lewat HP:")? Then its items are the story's
    however short (four steps of a how-to were left to trafilatura, which dropped them). Empty
    elements between are passed over: the HTML parser closes a ``<p>`` at the ``<ul>`` written in
    it (``<p><ul>…</ul></p>``), leaving an empty ``<p>`` on each side of the list."""
    prev = lst.getprevious() if lst is not None else None
    while prev is not None and (not isinstance(prev.tag, str)
                                or (prev.tag == "p" and not len(prev) and not (prev.text or "").strip())):
        prev = prev.getprevious()
    if prev is None or prev.tag not in ("p", "div", "h2", "h3", "h4"):
        return False
    text = " ".join(prev.text_content().split())
    return text.endswith(":") and len(text) >= 15 and text[:50] in flat


def story_lists(tree: Any, found: str | None, settings: dict[str, Any],
                prose: list[tuple[Any, str]]) -> str | None:  # fmt: skip
    """The extraction with the lists written between its paragraphs, when it kept the paragraphs of
    a block (:func:`_block_of`) and dropped the lists inside that block (:data:`_LIST_MIN`
    characters or more of items, mostly not link text).

    trafilatura's fast mode reads lists only inside a body frame it recognizes by class name, so a
    "10 things" story or a buying guide written as lists lost them once a redesign renamed the
    classes (F1 0.20), and a page with no such frame lost them as published. Then recall mode,
    which reads lists anywhere, is kept when it holds the missed items and adds little else.
    """
    if not found or settings.get("favor_recall"):
        return found
    if next(tree.getroottree().iter("li"), None) is None:
        return found  # no list item in the page (many a container's copy): none missed
    flat = " ".join(found.split())
    missed = chars = links = 0
    items = []
    listed = []  # every missed item's opening, link-heavy ones too (what recall mode may add)
    kept = found_in(flat, [t[:50] for _p, t in prose])
    block_of = {p: _block_of(p) for p, _t in prose}  # (each paragraph's block, climbed to once)
    blocks = {block_of[p] for (p, _t), k in zip(prose, kept, strict=True) if k} - {None}  # kept's blocks
    # pairs of kept paragraphs with no paragraph of the page between them, each in a block of two or
    # more kept paragraphs (a teaser card's one paragraph is not a part of the story)
    count: dict[Any, int] = {}
    for (p, _t), k in zip(prose, kept, strict=True):
        if k:
            count[block_of[p]] = count.get(block_of[p], 0) + 1
    pairs = [
        (a, b)
        for (a, _ta), (b, _tb), ka, kb in zip(prose, prose[1:], kept, kept[1:], strict=False)
        if ka and kb and count[block_of[a]] > 1 and count[block_of[b]] > 1
    ]
    lis = dict.fromkeys(li for b in blocks for li in b.iterdescendants("li"))
    between = [li for li in _lists_between(pairs, block_of) if li not in lis]
    items_here = [(li, " ".join(li.text_content().split())) for li in [*lis, *between]]
    known = found_in(flat, [t[:40] for _li, t in items_here])
    announced = False  # a missed list right after a kept line that announces it ("Berikut caranya:")
    for (li, t), seen in zip(items_here, known, strict=True):
        if len(t) < 15 or seen:
            continue
        listed.append(t[:40])
        linked = sum(len(" ".join(a.text_content().split())) for a in li.iter("a"))
        if linked > _LIST_LINKS * len(t):
            continue  # a menu's or a related headline's item: the story's items are its words
        items.append(t[:40])
        chars += len(t)
        links += linked
        missed += 1
        announced = announced or _announced(li.getparent(), flat)
    if (chars < _LIST_MIN and not announced) or links > _LIST_LINKS * chars:
        return found
    again = _text(tree, {**settings, "favor_recall": True})
    if not again or not holds(again, items):
        return found
    limit = len(found) + 1.5 * chars + 500
    if len(again) > limit:
        again = _items_only(again, found, listed)
        if not holds(again, items) or len(again) > limit:
            return found
    return again


_HEADS = ("h2", "h3", "h4")


_ITEM_MIN = 15  # characters: a list item long enough to be found again in the extraction


def story_headings(tree: Any, found: str | None, settings: dict[str, Any],
                   prose: list[tuple[Any, str]]) -> str | None:  # fmt: skip
    """The extraction with the story's subheadings written back above their paragraphs, when it
    kept the paragraphs around two or more ``<h2>``-``<h4>``s and dropped at least half of them.

    Inside a body frame it knows by class name trafilatura keeps a story's subheadings; outside
    one (a page whose classes were renamed or stripped) it keeps only the paragraphs, in fast and
    recall mode alike, so a guide of numbered steps lost every step's name. Each missed heading
    is put above the first kept paragraph or list printed after it.
    """
    if not found or settings.get("favor_recall"):
        return found
    lines = found.splitlines()
    flat_lines = {" ".join(x.split()) for x in lines}  # a kept heading is a line of its own
    if sum(" ".join(h.text_content().split()) not in flat_lines for h in tree.iter(*_HEADS)) < 2:
        return found  # most pages: every heading kept, or none to keep
    flat = " ".join(found.split())
    kept = {p: t[:50] for (p, t), k in zip(prose, found_in(flat, [t[:50] for _p, t in prose]),
                                          strict=True) if k}
    if len(kept) < 2:
        return found
    # a kept list counts as a kept block too, by its first item: a buying guide's product heading
    # stands over its list of features, and waited for the next paragraph (all of them at the end)
    lists = [(x, " ".join(li.text_content().split())) for x in tree.getroottree().iter("ul", "ol")
             if (li := next(x.iterchildren("li"), None)) is not None]  # fmt: skip
    # (an item too short to be searched for, "GPS", counts when it is a line of its own)
    lists = [(x, t) for x, t in lists if len(t) >= _ITEM_MIN or f"- {t}" in flat_lines]
    for (lst, t), k in zip(lists, found_in(flat, [t[:50] for _x, t in lists]), strict=True):
        if k:
            kept[lst] = ("- " + t)[:50]
    heads = missed = 0
    pending: list[tuple[str, Any]] = []  # headings since the last kept paragraph, with their blocks
    # a kept block's opening: the missed headings above each of its occurrences, in order (two
    # products' feature lists may open alike)
    above: dict[str, list[list[str]]] = {}
    # (the kept blocks are <p>s and lists: only those and the headings walked, by name in C)
    for el in tree.getroottree().iter("p", "ul", "ol", *_HEADS):
        if el in kept:
            # the headings of the paragraph's own block (a "Related" heading before a teaser's
            # paragraph elsewhere, or the page's header above the story, is not the story's)
            block = _block_of(el) if pending else None
            lost = []
            if mine := [t for t, up in pending if up is block]:
                heads += len(mine)
                lost = [t for t in mine if t not in flat_lines]
                missed += len(lost)
            above.setdefault(kept[el], []).append(lost)
            pending = []
        elif el.tag in _HEADS and len(t := " ".join(el.text_content().split())) > 3:
            pending.append((t, _block_of(el)))  # (through a redesign's wrapper of its own)
    if missed < 2 or 2 * missed < heads:
        return found
    out = []
    for line in lines:
        start = " ".join(line.split())[:50]
        if queue := above.get(start):
            out.extend(queue.pop(0))
        out.append(line)
    return "\n".join(out)


# What a box addressed to the reader says, on any site: a donation or "support us" appeal, a
# newsletter or app sign-up, a follow/subscribe call, a "was this helpful" or rating widget, an
# author box's heading. Each form is a call to the reader ("support us", "sign up for our
# newsletter"), not a word a story uses ("a donation", "the app").
_APPEAL = re.compile(
    r"\b(?:we need your (?:financial |continued )?support|your (?:financial |continued )?support"
    r" (?:helps|keeps|makes|matters|means|allows)|support (?:us|our (?:work|journalism|mission|reporting"
    r"|newsroom)|independent journalism|quality journalism)\b|support \w+ (?:so (?:that )?we|and make a"
    r" difference)|make a difference for (?:our )?readers|become a (?:member|patron|supporter|sustaining"
    r" member)\b|donate (?:now|today|here|to us)\b|make a (?:donation|contribution) (?:now|today|to us)\b"
    r"|sign up (?:for|to) (?:our |the |free |a )?(?:\w+ ){0,3}newsletters?\b|subscribe to (?:our|the)"
    r" (?:\w+ ){0,3}(?:newsletter|channel|podcast)\b|delivered (?:straight )?to your inbox|(?:download|get"
    r"|install) (?:the|our) (?:[\w-]+ ){0,4}app\b|follow us on\b|join our (?:\w+ ){0,2}(?:forums?|community"
    r"|mailing list)\b|was this (?:article|page|post|story|information) (?:helpful|useful)|rate this"
    r" (?:article|post|story|recipe)\b|about the author\b"
    r"|dukung (?:kami|redaksi|jurnalisme|media ini)\b|(?:salurkan|kirim|berikan) donasi|berdonasi\b"
    r"|ikuti (?:kami|kanal kami|saluran kami|akun kami)\b|(?:unduh|download) aplikasi\b"
    r"|berlangganan (?:newsletter|buletin)\b|(?:sudah|telah) berlangganan\b|daftarkan email\b"
    r"|tentang penulis\b|apakah (?:artikel|berita|informasi|tulisan) ini (?:bermanfaat|membantu))",
    re.I,
)
# Every _APPEAL match holds one of these (lower-cased), every _BIO match one of _BIO_KEYS.
_APPEAL_KEYS = (
    "support", "difference", "become a", "donat", "contribution", "sign up", "subscribe", "inbox",
    "app", "follow us", "join our", "was this", "rate this", "about the author", "dukung", "donasi",
    "ikuti", "aplikasi", "berlangganan", "daftarkan", "tentang penulis", "apakah",
)  # fmt: skip
_BOX_SHARE = 0.5  # of the story block's text: more is not a box beside the story
_BOX_MAX = 2500  # characters: a box addressed to the reader is short
_BELOW_MAX = 300  # characters of kept prose below the box (a footer's line or two): more, the story goes on
_ITEM_MARK = re.compile(r"^(?:[-*•]|#+)\s+")


def reader_boxes(tree: Any, found: str | None, prose: list[tuple[Any, str]],
                 dense: tuple[Any, list[str], int] | None) -> str | None:  # fmt: skip
    """The extraction without a box addressed to the reader printed after the story: the lines of an
    element that follows the last paragraph of the story's block (the densest block,
    :func:`densest_block`), holds none of its paragraphs, is short (:data:`_BOX_MAX` characters,
    under :data:`_BOX_SHARE` of the story's), has little of the page's kept prose below it
    (:data:`_BELOW_MAX`), and holds a line after the story's last paragraph that calls on the
    reader (:data:`_APPEAL`: a "support us" appeal with its staff list, a newsletter sign-up) or
    presents a person (an author box: :data:`_BIO`, or a name over a sentence naming them).

    trafilatura drops such boxes by their class names ("widget", "newsletter", "author"); once a
    redesign renamed them they were read as the story's closing lines (an appeal and its staff
    list after a fact check: F1 0.83). A story's own sentence that says the same is in the
    story's block, so it is no box: it stays.
    """
    if not found or dense is None:
        return found
    block = dense[0]
    last = next((t for p, t in reversed(prose) if _block_of(p) is block), "")
    # only the lines from the story's last paragraph on are looked at (a closing box is there):
    # its words tested by substring in C, the regular expressions only where they are
    cut = found.rfind(last[:50])
    low = found[cut:].lower() if cut >= 0 else ""
    appeal = any(k in low for k in _APPEAL_KEYS)
    bio = any(k in low for k in _BIO_KEYS)
    if not (appeal or bio or "\n" in low.rstrip()):
        return found
    lines = found.splitlines()
    first = found.count("\n", 0, cut)
    tail = [_ITEM_MARK.sub("", " ".join(x.split())) for x in lines[first:]]
    calls = [first + i for i in range(1, len(tail)) if (appeal and _APPEAL.search(tail[i]))
             or (bio and _BIO.match(tail[i])) or _bio_heading(tail, i)]  # fmt: skip
    if not calls:  # most pages: no such wording
        return found
    flat = [_ITEM_MARK.sub("", " ".join(x.split())) for x in lines[:first]] + tail
    story = [(p, t) for p, t in prose if _block_of(p) is block]
    size = sum(len(t) for _p, t in story)
    holds_story = {a for p, _t in story for a in (p, *p.iterancestors())}
    story_end = story[-1][0]
    order: dict[Any, int] = {}
    drop: set[int] = set()
    joined = " ".join(flat)
    for i in calls:
        if i in drop:
            continue
        for box in _boxes_of(tree, flat[i], holds_story):
            text = " ".join(box.text_content().split())
            if len(text) > min(_BOX_MAX, _BOX_SHARE * size):
                continue
            if not order:
                order = {el: n for n, el in enumerate(tree.getroottree().iter())}
            if order.get(box, -1) < order.get(story_end, 0):
                continue  # above the story or beside it: not a closing box
            below = sum(len(t) for p, t in prose if order.get(p, -1) > order[box] and t[:50] in joined
                        and t[:50] not in text and boilerplate.family(t) is None)  # fmt: skip
            if below > _BELOW_MAX:
                continue  # the page's kept prose goes on below it: not a closing box
            drop.update(_run_in(flat, i, text))
            break
    if not drop:
        return found
    return "\n".join(x for j, x in enumerate(lines) if j not in drop)


# An author box's heading: a name ("Regan", "Pamela Wilson"), or "About"/"Über"/"Tentang" and a name.
_NAME_LINE = re.compile(
    r"^(?:(?i:about|über|tentang|profil|meet)\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})$", re.M
)

# An author box's sentence: a name, "is a", and a trade that writes ("Pamela Wilson is an online
# educator, author, keynote speaker …", "Budi Santoso adalah seorang penulis …").
_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3} (?:is|was|ist|adalah|merupakan) (?:an?|the|ein|eine|seorang)?\b"
    r"[^\n]{0,120}?\b(?i:writer|author|editor|journalist|reporter|founder|blogger|educator|contributor"
    r"|columnist|penulis|wartawan|jurnalis|kontributor|kolumnis|redaktur|autor(?:in)?|redakteur(?:in)?)\b",
    re.M,
)

_BIO_KEYS = (
    "writer", "author", "editor", "journalist", "reporter", "founder", "blogger", "educator",
    "contributor", "columnist", "penulis", "wartawan", "jurnalis", "kontributor", "kolumnis", "redaktur",
    "autor", "redakteur",
)  # fmt: skip


def _bio_heading(flat: list[str], i: int) -> bool:
    """Is line ``i`` an author box's heading: a name (:data:`_NAME_LINE`) whose next line is a
    sentence (60 characters or more) that names the person early ("Regan is a Connecticut native
    …", "Als Inbound Sales Manager bildet Moritz Bachmann …")?"""
    m = _NAME_LINE.match(flat[i]) if len(flat[i]) <= 40 else None
    if m is None:
        return False
    nxt = next((x for x in flat[i + 1 :] if x), "")
    return len(nxt) >= 60 and m.group("name") in nxt[:100]


_TEXT_HOLDING = XPath("//text()[contains(normalize-space(.), $s)]")
_ELEMENT_BEING = XPath("//body//*[normalize-space(.) = $s]")


def _boxes_of(tree: Any, line: str, holds_story: set[Any]) -> Iterator[Any]:
    """For each text of the page where ``line`` opens, the largest element around it that holds no
    paragraph of the story (its block's, ``holds_story``: they and their ancestors)."""
    owners = []
    for node in _TEXT_HOLDING(tree, s=line[:40]):
        el = node.getparent()
        owners.append(el.getparent() if el is not None and node.is_tail else el)
    if not owners:  # a short line cut into inline elements ("Über <b>Moritz Bachmann</b>"): the innermost
        owners = _ELEMENT_BEING(tree, s=line)[-1:]
    for el in owners:
        if el is None or el in holds_story:
            continue
        while (up := el.getparent()) is not None and up not in holds_story:
            el = up
        if up is not None:  # (else the story's block is not around it)
            yield el


def _run_in(flat: list[str], i: int, text: str) -> list[int]:
    """The lines around line ``i`` (blank ones through) whose text is in ``text``, contiguous."""
    run = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(flat) and (not flat[j] or flat[j] in text):
            run.append(j)
            j += step
    return sorted(run)


def _items_only(again: str, found: str, items: list[str]) -> str:
    """Recall mode's text reduced to the fast extraction's lines and the missed list items.

    Recall mode reads more than lists: on a page whose hidden blocks (``style="display:none"``:
    metadata, a teaser's duplicate) lose the style and the class that kept trafilatura out of
    them (a copy stripped of its attributes), it read those too, and the story's lists were
    given up for the whole of it (F1 0.20). The lines it adds beyond the items are not wanted.
    """
    kept = Counter(" ".join(x.split()) for x in found.splitlines())
    out = []
    for line in again.splitlines():
        flat = " ".join(line.split())
        if kept[flat] > 0:  # as often as the fast extraction has it (not a hidden duplicate's)
            kept[flat] -= 1
            out.append(line)
        elif flat.startswith("- ") and any(flat[2:].startswith(i) for i in items):
            out.append(line)
    # recall mode may cut the page into other lines than fast mode: then this is no longer the
    # fast extraction plus the items, and nothing (the caller keeps the fast extraction)
    missing = sum(len(x) * n for x, n in kept.items() if n > 0)
    return "\n".join(out) if missing <= 0.1 * len(found) else ""


_AREA_UP = 4  # levels above a paragraph's block where a page builder's widgets of one story meet


def _lists_between(pairs: list[tuple[Any, Any]], block_of: dict[Any, Any]) -> list[Any]:
    """The list items printed between two paragraphs of the page (``pairs``: kept, with none between
    them) of different, nearby blocks (their
    blocks meet :data:`_AREA_UP` or fewer levels up) with no paragraph of the page between them:
    a page builder puts each heading, list and run of paragraphs of one story in a widget of its
    own, so the story's lists are in none of its paragraphs' blocks. ``block_of``: each
    paragraph's :func:`_block_of`."""
    out: list[Any] = []
    for a, b in pairs:
        block_a, block_b = block_of[a], block_of[b]
        if block_a is None or block_b is None or block_a is block_b:
            continue
        up_a = [block_a, *block_a.iterancestors()][: _AREA_UP + 1]
        common = next((x for x in [block_b, *block_b.iterancestors()][: _AREA_UP + 1] if x in up_a), None)
        if common is None:
            continue
        out.extend(_items_from_to(a, b, common))
    return out


def _items_from_to(a: Any, b: Any, common: Any) -> list[Any]:
    """The ``<li>``s printed after ``a`` and before ``b`` inside ``common``: walked from ``a`` on
    (a walk from ``common``'s start for each pair was quadratic on a page of thousands of blocks)."""
    found = list(a.iterdescendants("li"))
    node = a
    while node is not None and node is not common:
        for sib in node.itersiblings():
            for el in sib.iter():
                if el is b:
                    return found
                if el.tag == "li":
                    found.append(el)
        node = node.getparent()
    return found


# The story's headline: the last <h1>/<h2> printed before its first paragraph
_HEADLINE = XPath("preceding::*[self::h1 or self::h2][1]")
# Text of the widget cards printed before it: list items holding their own paragraphs or <div>s
_CARDS_BEFORE = XPath(
    "preceding::li[descendant::p or descendant::div]"
    "/descendant::text()[string-length(normalize-space(.)) > 15]"
)


def widgets_above(found: str | None, dense: tuple[Any, list[str], int] | None,
                  prose: list[tuple[Any, str]]) -> str | None:  # fmt: skip
    """The extraction without its leading lines (above the first paragraph of the story's densest
    block, :func:`densest_block`) that are the text of widget cards printed before the story's
    headline: list items holding their own paragraphs or ``<div>``s, above the last ``<h1>``/``<h2>``
    before that paragraph.

    A blog's widget sidebar (a promo, a bank account for donations, a quote, a group invite, each
    an ``<li>`` card of one ``<ul>``) printed before the story is discarded by trafilatura's class
    rules ("sidebar", "widget"); once a redesign renamed or stripped the classes it was read as
    the body's first lines (F1 0.875). The headline is the tell that holds without class names: a
    story's own "Key points" list sits between its headline and its paragraphs and stays; so does
    a list of plain items. A line is dropped only when it is mostly one card's text.
    """
    if not found or dense is None:
        return found
    lines = found.split("\n")
    head = dense[1][0]
    start = next((i for i, x in enumerate(lines) if head in " ".join(x.split())), 0)
    if not start:  # the story's first paragraph opens the text: nothing above it
        return found
    headline = _HEADLINE(prose[dense[2]][0])
    if not headline:
        return found
    cards = {" ".join(t.split()) for t in _CARDS_BEFORE(headline[0])}
    if not cards:
        return found
    keep = [x for x in lines[:start] if not any(c in x and 2 * len(c) >= len(x.strip()) for c in cards)]
    return "\n".join(keep + lines[start:]) if len(keep) < start else found


_HEADINGS_BEFORE = XPath("preceding::*[self::h1 or self::h2 or self::h3]")
_TEXT_BEFORE = XPath("preceding::text()", smart_strings=False)
_TEXTS_BEFORE = XPath("count(preceding::text())")
_TEXT_FROM = XPath("descendant::text() | following::text()", smart_strings=False)
# (a text of the page's body, outside links: not its <title>, not a link to the story)
_TITLE_TEXT_BEFORE = XPath("preceding::text()[contains(., $s)][ancestor::body][not(ancestor::a)]")
_NOT_WORD = re.compile(r"[\W_]+")
_TITLE_SHARE = 0.6  # of the longer of title and heading: the shorter, held in it, is the same headline


def _same_title(text: str, title: str) -> bool:
    """Is ``text`` (a heading's) the page's headline, given ``title`` (both :func:`_title_key`-ed)?
    The same words, or one held in the other ("Opinion | …", a headline cut short in the metadata)."""
    if not text or not title:
        return False
    short, long = sorted((text, title), key=len)
    return short == long or (len(short) >= _TITLE_SHARE * len(long) and short in long)


def _title_key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", html.unescape(text)).casefold().split())


def title_h1(tree: Any) -> Any | None:
    """The page's first ``<h1>`` whose text is its title (:data:`TITLE`; not a logo's, a bio
    box's), or None."""
    key = _title_key(TITLE.get() or "")
    return next((h for h in tree.iter("h1") if _same_title(_title_key(h.text_content()), key)), None)


def headline(first: Any, title: str | None) -> Any | None:
    """The story's headline: the last element before ``first`` (the story's first paragraph) whose
    text is the page's ``title``; an ``<h1>``-``<h3>`` first, else (a redesign's headline written as
    a ``<div>``) the element around a text holding the title's first words."""
    key = _title_key(title or "")
    if not key:
        return None
    for h in reversed(_HEADINGS_BEFORE(first)):
        if _same_title(_title_key(h.text_content()), key):
            return h
    words = " ".join((title or "").split()[:3])
    if len(words) < 8:
        return None
    for node in reversed(_TITLE_TEXT_BEFORE(first, s=words)):
        el = node.getparent()
        if el is not None and node.is_tail:
            el = el.getparent()
        for up in (el, *el.iterancestors())[:3] if el is not None else ():
            if up.tag in ("body", "html"):
                break
            if _same_title(_title_key(up.text_content()), key):
                return up
    return None


# Characters trafilatura's text does not keep (zero-width spaces and joiners, soft hyphens, BOMs)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _squeezed(texts: list[str]) -> str:
    """The texts joined with no whitespace nor invisible characters: a line is found in it however the
    markup cut or spaced it (a <br>, an inline element, a non-breaking space)."""
    return "".join("".join(texts).translate(_INVISIBLE).split())


def before_headline(tree: Any, found: str | None, dense: tuple[Any, list[str], int] | None,
                    prose: list[tuple[Any, str]], title: str | None) -> str | None:  # fmt: skip
    """The extraction without its leading lines (above the first paragraph of the story's densest
    block, :func:`densest_block`) whose text the page prints only above the story's headline (the
    heading that is the page's title, :func:`headline`), or only below the story's first
    paragraph (a teaser read out of place).

    Above a story's headline a page prints what is not the story: another story's headline or
    teaser, an app promo, a cookie notice, a copyright line. trafilatura leaves most of them out
    by their class names; once a redesign renamed or stripped them they were read as the body's
    first lines (F1 0.83). Where a line comes from is the tell that holds without class names:
    the story's own lines above its paragraphs (its headline, byline, date, standfirst, a lead
    photo's caption) are printed between its headline and its first paragraph. A line the page
    prints on both sides of the headline stays.
    """
    if not found or dense is None or not title:
        return found
    lines = found.split("\n")
    head = dense[1][0]
    start = next((i for i, x in enumerate(lines) if head in " ".join(x.split())), 0)
    if not start:  # the story's first paragraph opens the text: nothing above it
        return found
    first = prose[dense[2]][0]
    top = headline(first, title)
    if top is None:
        return found
    # the page's text (squeezed) above the headline and from it down to the story's first paragraph;
    # the rest, the longest part, only for a line found in neither (most pages: none)
    texts = _TEXT_BEFORE(first)
    cut = int(_TEXTS_BEFORE(top))
    above, between = _squeezed(texts[:cut]), _squeezed(texts[cut:])
    below = None
    keep = []
    for x in lines[:start]:
        line = _squeezed([_ITEM_MARK.sub("", x.strip())])
        if line and line not in between:
            if below is None:
                below = _squeezed(_TEXT_FROM(first))
            if (line in above) != (line in below):
                continue  # printed only above the headline, or only below the story's first paragraph
        keep.append(x)
    return "\n".join(keep + lines[start:]) if len(keep) < start else found


# A photo's credit closing its caption: "(AP Photo/Alan Diaz, File)", "(NASA via AP)", "(Foto: Antara)",
# "Foto: Dok. Humas", "Image: Getty". Its words are the agencies' and the captions' own.
_CREDIT = re.compile(
    r"(?:\((?=[^()]{2,80}\)\s*\.?\s*$)[^()]*(?:\b(?:getty|reuters|afp|ap|epa|antara|istimewa|ist|dok|shutterstock"
    r"|via|file)\b|\b(?:photos?|foto|images?|gambar|pic|credit|kredit)\s*[:/])[^()]*\)"
    r"|\b(?:photo|foto|image|gambar|pic|credit|kredit)\s*:\s*[^:()]{2,60})\s*$",
    re.I,
)
# "(TribunnewsBogor.com/Muamarrudin Irfani)": a site's name as a domain, then its photographer's
_SITE_CREDIT = re.compile(r"\((?:[\w-]+\.)+[a-z]{2,3}(?:\.[a-z]{2})?\s*/\s*[^()/]{2,50}\)\s*\.?\s*$", re.I)


def credited(text: str) -> bool:
    """Does ``text`` end with a photo credit (:data:`_CREDIT`, or the Indonesian forms of
    :data:`kliping.clean.boilerplate.PHOTO_CREDIT_END`: "ANTARA FOTO/…/foc.", "(Freepik)", or a
    site's domain and a name, :data:`_SITE_CREDIT`)? (Asked of a media box's one paragraph: a
    slide's caption under its photo and counter, once a redesign dropped the slider's class
    names, was read as a line of the story: F1 0.78.)"""
    return bool(_CREDIT.search(text) or boilerplate.PHOTO_CREDIT_END.search(text)
                or _SITE_CREDIT.search(text))


_CAPTION_REST = 150  # characters of a media box's other text (a video card's headline, "video", a credit)
_CAPTION_UP = 3  # levels above a caption's block where its image may sit (a card's frame)
# An image, or an empty element: what held a picture, a video or a player once
# kliping.clean.body.strip_junk removed it (marking those in that pass cost a walk of the page)
_MEDIA_IN = XPath("descendant::img | descendant::*[not(node())][not(self::br or self::hr or self::wbr)]")


def _media_box(box: Any, size: int) -> tuple[Any | None, str]:
    """The element around ``box`` (itself or up to :data:`_CAPTION_UP` levels above) holding an image
    or an empty element (:data:`_MEDIA_IN`), or right under an element of no text that does, with
    its text, while that text is ``size`` plus :data:`_CAPTION_REST` characters at most."""
    for el in [box, *itertools.islice(box.iterancestors(), _CAPTION_UP)]:
        if el.tag in ("body", "html"):
            break
        whole = " ".join(el.text_content().split())
        if len(whole) - size > _CAPTION_REST:
            break
        if _MEDIA_IN(el):
            return el, whole
        before = el.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment
            before = before.getprevious()
        # a caption box right under its image's box (no text of its own)
        if before is not None and not before.text_content().strip() and (
            before.tag == "img" or _MEDIA_IN(before)
        ):
            return el, whole
    return None, ""


def _alts(el: Any) -> set[str]:
    """The alt (or title) texts of the images in ``el``."""
    return {" ".join((m.get("alt") or m.get("title") or "").split()) for m in el.iter("img")}


def media_captions(found: str | None, prose: list[tuple[Any, str]],
                   dense: tuple[Any, list[str], int] | None) -> str | None:  # fmt: skip
    """The extraction without the text of media boxes: a box (:func:`_block_of` of a paragraph) that
    is not the story's block, holds an image (or the empty place of a video or a picture) and one
    paragraph of prose, little other text (:data:`_CAPTION_REST`: a video card's linked headline, a
    label), and whose paragraph is a caption: it ends with a photo credit (:data:`_CREDIT`, "(AP
    Photo/…)", "(Foto: …)"), or the box does (a credit line under the caption), or the paragraph
    repeats its image's ``alt`` text.

    trafilatura leaves captions and video cards out by their class names ("caption", "media",
    "video"); once a redesign renamed or stripped them, a lead photo's caption was read as the
    story's first line (its dateline then no longer opened the body) and a video card's headline
    and summary as lines of the story (F1 0.86). The story's own paragraphs are in its block, or
    are not in a box with an image: they stay.
    """
    if not found or dense is None:
        return found
    block = dense[0]
    boxes: dict[Any, list[str]] = {}
    own: list[str] = []  # captions inside the story's block
    for p, t in prose:
        box = _block_of(p)
        if box is not None and box is not block:
            boxes.setdefault(box, []).append(t)
        elif box is block and t in _alts(p):
            # a paragraph that holds its image and repeats its alt text (its caption box, the
            # caption's class renamed and its <p>s written as <div>s, read as one of the story's)
            own.append(t)
    flat: list[str] = []
    squeezed: list[str] = []
    drop: set[int] = set()
    single = [(box, texts) for box, texts in boxes.items() if len(texts) == 1]
    for (box, texts), seen in zip(single, found_in(found, [t[0][:40] for _b, t in single]), strict=True):
        if not seen:  # one paragraph, kept
            continue
        frame, whole = _media_box(box, len(texts[0]))
        if frame is None:
            continue
        if not (credited(texts[0]) or credited(whole)):  # its credit, or the box's last words
            if texts[0] not in _alts(frame):
                continue
        if not flat:
            flat = found.split("\n")
            squeezed = [_squeezed([x]) for x in flat]
        line = _squeezed(texts)
        at = next((i for i, x in enumerate(squeezed) if x == line), None)
        if at is None:
            continue
        rest = _squeezed([whole])
        drop.add(at)
        for j in (at - 2, at - 1, at + 1, at + 2):  # the box's other lines (a headline, a label) around it
            if 0 <= j < len(flat) and squeezed[j] and squeezed[j] in rest:
                drop.add(j)
    for t in own:
        if not flat:
            flat = found.split("\n")
            squeezed = [_squeezed([x]) for x in flat]
        line = _squeezed([t])
        drop.update(i for i, x in enumerate(squeezed) if x == line)
    if not drop:
        return found
    kept = [x for j, x in enumerate(flat) if j not in drop]
    return "\n".join(kept) if any(x.strip() for x in kept) else found


def holds(found: str | None, heads: list[str]) -> bool:
    """Does the extraction hold at least half of the block's paragraphs (their openings)?"""
    return _holds(" ".join((found or "").split()), heads)


def _holds(flat: str, heads: list[str]) -> bool:
    """:func:`holds` of an extraction already flattened (its whitespace runs made one space)."""
    return sum(found_in(flat, heads)) * 2 >= len(heads)


# The page's paragraphs (their openings) are looked for in its extraction, each by a substring
# search in C over the whole text: on most pages a few microseconds. On a book-length page the
# searches times the text grow with the square of its size (6,000 paragraphs in 1.2 MB: 1.3 s for
# each of the steps that look; a 3.6 MB page took 21 s of its 30 s budget in all). Past
# _SCAN_FROM (searches x characters) one pass over the text's word starts answers every search,
# when there are _SCAN_NEEDLES searches or more: a pass costs about what 500 searches do.
_SCAN_FROM = 20_000_000
_SCAN_NEEDLES = 500
_KEY_CHARS = 12  # a needle's first characters, looked up at each word start of the text
_WORD_START = re.compile(r"(?<!\S)\S")


def present(text: str, needles: Sequence[str]) -> Callable[[int], bool]:
    """``i -> needles[i] in text``: a substring search per call (most pages), or, when there are
    many needles in a long text (:data:`_SCAN_FROM`), one pass over ``text`` answering them all
    first, in which a needle is found where it starts a word of ``text`` (paragraph openings and
    headings do: the texts compared are whitespace-normalized lines)."""
    if not _scan(text, needles):
        return lambda i: needles[i] in text
    return found_in(text, needles).__getitem__


def _scan(text: str, needles: Sequence[str]) -> bool:
    return len(needles) >= _SCAN_NEEDLES and len(needles) * len(text) > _SCAN_FROM


def found_in(text: str, needles: Sequence[str]) -> list[bool]:
    """``[needle in text for needle in needles]``, in linear time when that is long (:func:`present`)."""
    if not _scan(text, needles):
        return [n in text for n in needles]
    out = [False] * len(needles)
    # first characters -> length -> needle -> its indexes: a word start's candidates are read off
    # by one slice per length, whatever number of needles share their first words
    by_key: dict[str, dict[int, dict[str, list[int]]]] = {}
    for i, n in enumerate(needles):
        if not n:
            out[i] = True
        elif n[0].isspace():
            out[i] = n in text  # (not a word's start: never, as the callers build them)
        else:
            by_key.setdefault(n[:_KEY_CHARS], {}).setdefault(len(n), {}).setdefault(n, []).append(i)
    keys = sorted({len(k) for k in by_key})
    for m in _WORD_START.finditer(text) if by_key else ():
        at = m.start()
        for k in keys:
            key = text[at : at + k]
            bucket = by_key.get(key)
            if bucket is None:
                continue
            for size in list(bucket):
                hits = bucket[size].pop(text[at : at + size], None)
                if hits is None:
                    continue
                for i in hits:
                    out[i] = True
                if not bucket[size]:
                    del bucket[size]
            if not bucket:
                del by_key[key]
        if not by_key:
            break  # every needle found
    return out


def _text(tree: Any, settings: dict[str, Any]) -> str | None:
    options = extractor(tuple(sorted(settings.items())))
    if (
        STAGED
        and settings["fast"]
        and not settings["include_comments"]
        and not settings["favor_precision"]
        and not settings["deduplicate"]
    ):
        return staged(tree, options)
    return trafilatura.extract(tree, options=options)
