"""The article body: from the parsed page to its paragraphs (steps 4 and 5 of :mod:`kliping.clean.pipeline`).

:func:`extract_body` works on the tree: widgets stripped in one C pass, ``<br>`` runs made
paragraphs, block-styled spans made text divs (:func:`span_blocks`), the chunks of a story cut
around ads joined (:func:`join_chunks`), a grid of teaser
cards dropped (:func:`drop_teaser_cards`), the article's container
found by its share of the page's prose, or of its runs on a page of runs (:func:`runs_container`),
or the layout's ``body_xpath``, a hint checked against the generic path; Indonesian boilerplate
boxes pruned, then trafilatura (:mod:`kliping.clean.maintext`) with :data:`TRAFILATURA_SETTINGS`.
:func:`paragraphs` works on the lines it gives: line rules
(:func:`kliping.clean.boilerplate.clean_lines`), the headline, printed date and byline left above
or below the body, and the dateline.
"""

from __future__ import annotations

import copy
import itertools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.etree import XPath

from kliping.clean import boilerplate, comments, dating, decode, maintext, metadata
from kliping.sites.base import ARTICLE_SEGMENT, GENERIC_LAYOUT, Layout

__all__ = [
    "MIN_WORDS", "TRAFILATURA_SETTINGS", "Body", "br_paragraphs", "custom_boxes", "div_paragraphs",
    "drop_teaser_cards", "extract_body", "join_chunks", "layout_tables", "main_container", "paragraphs",
    "runs_container", "span_blocks", "strip_junk",
]  # fmt: skip

# Chosen by measurement (bench/extraction.py; numbers in BENCHMARKS.md): see the report in the
# module docstring of bench/extraction.py. include_comments=False because reader comments are not
# the article body; tables stay (Indonesian pages put schedules and results in tables).
TRAFILATURA_SETTINGS: dict[str, Any] = {
    "favor_precision": False,
    "favor_recall": False,
    "include_comments": False,
    "include_tables": True,
    "fast": True,
    "deduplicate": False,
}
MIN_WORDS = 8  # below this, what trafilatura found is a caption or a teaser, not an article
_WORD = re.compile(r"\w+")


# Elements that never hold article text and that trafilatura deletes whatever its settings: gone
# in one pass in C before the boilerplate rules and trafilatura walk (and copy) the tree, which
# makes both faster on script- and widget-heavy portals. Their tails stay. JSON-LD scripts stay
# too (htmldate may read them later), as do <time>, <head>, forms, figures and nav/footer, which
# trafilatura treats with more care than a plain delete.
_JUNK_TAGS = (
    "style", "noscript", "svg", "iframe", "link", "button", "select", "option", "optgroup", "input",
    "textarea", "canvas", "video", "audio", "picture", "source", "track", "object", "embed",
    "template", "map", "area", "param", "use",
)  # fmt: skip
_LD_JSON = "application/ld+json"


def strip_junk(tree: Any) -> None:
    """Remove :data:`_JUNK_TAGS`, comments, processing instructions, scripts other than JSON-LD and
    reader polls (:func:`polls`); the posts a page embeds from social networks lose their class
    (:func:`_embedded_posts`)."""
    for box in polls(tree):
        box.tag = "kliping-junk"
    # (walked by name in C: a fourth of the cost of "//script[not(@type='application/ld+json')]")
    scripts = [s for s in tree.getroottree().iter("script") if s.get("type") != _LD_JSON]
    for script in scripts:
        script.tag = "kliping-junk"
    if _EMBED_SCRIPT.search(" ".join(filter(None, map(_SRC, scripts)))):
        for quote in _embedded_posts(tree):
            _unclassed(quote)
            # the post's caption written as one link to the post (Instagram's embed code): its text
            for p in quote.iter("p"):
                if len(p) == 1 and p[0].tag == "a" and not (p.text or "").strip():
                    etree.strip_tags(p, "a")
    _story_fallbacks(tree)
    etree.strip_elements(tree, "kliping-junk", *_JUNK_TAGS, etree.Comment, etree.PI, with_tail=False)
    _typed_captions(tree)


# Rule "typed caption": an editor's caption typed as a paragraph of its own under the picture, in
# italics ("<p><img …></p><p style='text-align:center'><em>Prosesi wisuda di Gedung …,
# Sabtu pagi.</em></p>", Joomla's and WordPress's classic editors): a short paragraph right after a
# paragraph (or box) holding a picture and no text, all of it emphasised, goes.
_TYPED_CAPTION_MAX = 200  # characters


def _typed_captions(tree: Any) -> None:
    for img in list(tree.iter("img")):
        box = img.getparent()
        if box is not None and box.tag == "a":
            box = box.getparent()  # (the picture linked to its file)
        # (a box of a few children only, its text read once: a page of many pictures in one big
        # box costs no more than its size)
        if box is None or box.tag not in ("p", "div", "figure") or not _few_children(box) \
                or box.text_content().strip():
            continue
        cap = box.getnext()
        if cap is None or cap.tag != "p" or (box.tail or "").strip():
            continue
        text = " ".join(cap.text_content().split())
        if not text or len(text) > _TYPED_CAPTION_MAX:
            continue
        if len(cap) == 1 and cap[0].tag in ("em", "i") and not (cap.text or "").strip() \
                and not (cap[0].tail or "").strip():
            cap.drop_tree()


# Rule "story fallback": a lazy loader's theme prints the story's paragraphs only inside <noscript>
# (its script fills the page in a browser); a page may hold its story in an <iframe srcdoc="…">. Such
# a fallback holding paragraphs of prose is read in place; any other (an image's, a "please enable
# JavaScript" line, an ad's frame) goes with the junk.
_FALLBACK_PROSE = 2  # paragraphs of prose (_FALLBACK_CHARS each) a fallback must hold
_FALLBACK_CHARS = 60
_SRCDOC_MAX = 2_000_000  # characters of a srcdoc parsed at most


def _story_fallbacks(tree: Any) -> None:
    for box in list(tree.iter("noscript", "iframe")):
        if box.getparent() is None:
            continue
        if box.tag == "noscript":
            if _prose_paragraphs(box, _FALLBACK_PROSE) >= _FALLBACK_PROSE:
                box.drop_tag()
            continue
        doc = box.get("srcdoc")
        if not doc or len(doc) > _SRCDOC_MAX:
            continue
        inner = decode.parse(doc)
        body = inner.find("body") if inner is not None else None
        if body is None or _prose_paragraphs(body, _FALLBACK_PROSE) < _FALLBACK_PROSE:
            continue
        etree.strip_elements(body, "script", "style", etree.Comment, with_tail=False)
        div = etree.Element("div")
        div.text = body.text
        div.extend(list(body))
        div.tail = box.tail
        box.getparent().replace(box, div)


def _few_children(el: Any, most: int = 3) -> bool:
    """Has ``el`` at most ``most`` children (read up to one more, not all of them)?"""
    return next(itertools.islice(el.iterchildren(), most, None), None) is None


_PROSE_WALK = 4000  # elements walked at most: a story's box, not a hostile page's nest of boxes


def _prose_paragraphs(el: Any, enough: int) -> int:
    """Paragraphs of prose in ``el``, whatever their markup: the text between two block
    boundaries or line breaks (a ``<p>``, a ``<div>`` of text, a run ended by ``<br>``), so a
    fallback's story written as ``<br><br>`` runs or as ``<div>``s counts as one in ``<p>``s.
    The walk stops once ``enough`` are found, or after :data:`_PROSE_WALK` elements."""
    count, run = 0, 0
    for k, (event, node) in enumerate(etree.iterwalk(el, events=("start", "end"))):
        if count >= enough or k >= 2 * _PROSE_WALK:
            return count
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                count += run >= _FALLBACK_CHARS
                run = 0
            run += len((node.text or "").strip()) if tag not in ("script", "style") else 0
        else:
            if tag in _BLOCK_TAGS:
                count += run >= _FALLBACK_CHARS
                run = 0
            if node is not el:
                run += len((node.tail or "").strip())
    return count + (run >= _FALLBACK_CHARS)


def bare_wrappers(tree: Any) -> None:
    """Rule "bare wrapper": a ``<div>`` with no attribute whose only content is one block element
    (no text of its own, no other child) stands for that element, which replaces it in place:
    around a box of its own (an ``<article>``, a ``<section>``, a ``<div>`` with a class or an
    id; innermost first, so a chain of them goes), or around a paragraph, heading, list or table
    beside another such wrapper in a parent holding no other block of its own (a CMS that
    wraps each of the story's blocks in a ``<div>``). A redesign that wraps each paragraph in a
    ``<div>`` and the story's container in two more then gives the same body as before (Zyte
    tuning page cut in two by an ad, its second half so wrapped: F1 0.57, the first half only).
    A lone bare ``<div>`` around a paragraph stays (a caption box's inner frame), and so does a
    chain of bare ``<div>``s (a layout's own boxes)."""
    found = [d for d in tree.iter("div") if not d.attrib and len(d) == 1 and _bare(d)]
    blocks = Counter(d.getparent() for d in found if d[0].tag not in _BOXES)
    # (a parent holding blocks of its own beside the wrapped ones, a paragraph or a text box:
    # those wrappers are boxes too)
    wrappers = set(found)
    mixed = {p for p in blocks if any(c.tag in _BLOCK_TAGS and c not in wrappers for c in p)}
    for div in reversed(found):
        child, parent = div[0], div.getparent()
        if child.tag in _BOXES:
            if child.tag == "div" and child.get("class") is None and child.get("id") is None:
                continue
        elif blocks[parent] < 2 or parent in mixed:
            continue
        child.tail = div.tail
        parent.replace(div, child)


_BOXES = frozenset(("div", "section", "article", "main"))


def _bare(div: Any) -> bool:
    child = div[0]
    return (div.getparent() is not None and isinstance(child.tag, str) and child.tag in _BLOCK_TAGS
            and not (div.text or "").strip() and not (child.tail or "").strip())


_CHOICE = frozenset(("radio", "checkbox"))
_POLL_ASKS = 250  # characters of a poll's box besides its choices: a heading and its question


def polls(tree: Any) -> list[Any]:
    """Rule "poll": a form of two choices or more (radio buttons, check boxes: a reader poll or a
    quiz, whatever its class) and the box around it holding its heading and question, up to
    :data:`_POLL_ASKS` characters besides the choices; the story's own text is never in it.
    Found before :func:`strip_junk` removes the form's inputs (its question was read as the
    story's last paragraph)."""
    forms: dict[Any, int] = {}
    loose: dict[Any, list[Any]] = {}  # radio buttons outside a form, by their name or box (one question)
    for choice in tree.iter("input"):
        if (choice.get("type") or "").lower() in _CHOICE:
            form = next(choice.iterancestors("form"), None)
            if form is not None:
                forms[form] = forms.get(form, 0) + 1
            elif choice.get("name"):
                loose.setdefault(choice.get("name"), []).append(choice)
            elif (holder := choice.getparent()) is not None:
                # (no name: the choices of one box, each bare or in its <label>)
                box = holder.getparent() if holder.tag == "label" else holder
                loose.setdefault(box, []).append(choice)
    for choices in loose.values():  # (a poll's choices in <label>s of a <div>: their common box)
        common = maintext.common_ancestor(choices) if len(choices) >= 2 else None
        if common is not None and common.tag not in ("body", "html"):
            forms[common] = forms.get(common, 0) + len(choices)
    out = []
    for form, choices in forms.items():
        if choices < 2:
            continue
        box, size = form, boilerplate.text_len(form)
        while (up := box.getparent()) is not None and up.tag not in ("body", "html"):
            if boilerplate.text_len(up) - size > _POLL_ASKS or _prose_beside(up, form) >= 2:
                break  # (a short story's two paragraphs are no poll's question)
            box = up
        out.append(box)
    return out


def _prose_beside(box: Any, form: Any) -> int:
    return sum(1 for p in box.iter("p") if boilerplate.text_len(p) > 60 and form not in p.iterancestors())


def _custom(tree: Any) -> list[Any]:
    """The elements of ``tree``'s page whose name holds a "-" (web components' custom elements), in
    page order: every element walked in Python, half the cost of ``//*[contains(name(), '-')]``."""
    return [el for el in tree.getroottree().iter(etree.Element) if "-" in el.tag]


def custom_boxes(tree: Any) -> list[Any]:
    """Write the custom elements of web components that hold a block element (``<story-body>``,
    ``<app-article>``, ``<x-section>`` around paragraphs) as ``<div>``s, in place (their class
    and id stay).

    A browser lays such an element out as the box its styles say; trafilatura knows only HTML's
    names: its body frame is an ``<article>``, ``<div>``, ``<main>`` or ``<section>`` of a known
    class, and the container search's frames are elements too. A story whose container and the
    frames around it a redesign wrote as custom elements gave a disclaimer box inside the frame
    instead (Zyte tuning page: F1 0.00). So is one holding two or more runs of prose parted by
    ``<br>``s, a story's body written as text runs (a fixture page's ``<article-body>`` under
    ``br_paragraphs``: its frame was read, kicker and headline in, the lead lost: F1 0.83). Custom
    elements of inline text
    (``<hl-trusted-source>`` around a citation) stay as they are: returned, for
    :func:`span_blocks`. A quotation's and a photo's elements are read as HTML's (``<cxo-quote>``,
    ``<tw-photo>`` around a picture and its caption; a caption's own element read as a
    ``<figcaption>`` wherever it stood lost four story snippets of held-back pages).
    """
    inline = []
    for el in _custom(tree):
        if "quote" in el.tag:  # ("<cxo-quote>", "<x-blockquote>": a quotation, read as one)
            el.tag = "blockquote"
        elif ("figure" in el.tag or "photo" in el.tag) and next(el.iter("img"), None) is not None \
                and len(el.text_content()) <= _CAPTION_MAX:
            el.tag = "figure"  # ("<tw-photo>" around the picture and its caption)
        elif _boxed(el) or (next(el.iter("br"), None) is not None and _prose_paragraphs(el, 2) >= 2):
            el.tag = "div"  # (or a story's text runs parted by <br>s: "<article-body>…<br><br>…")
        else:
            inline.append(el)
    return inline


_CAPTION_MAX = 400  # characters: a photo and its caption, not a photo story's text
_SPAN_FRAMES = frozenset(("div", "section", "article", "main", "td", "body", "blockquote"))
_BLOCK_STYLE = re.compile(r"display\s*:\s*block", re.I)


def span_blocks(tree: Any, inline: list[Any] | None = None) -> None:
    """Write as ``<div>``s, in place, the ``<span>``s, ``<font>``s and custom inline elements that a
    box lays out as its blocks: two or more of a sentence each (:data:`_DIV_PROSE` characters
    outside links) side by side in a ``<div>`` (or a section, a cell…) with no text of its own
    beside them, none holding a block, beside a block of the box's own (a heading, a figure, a
    box: the box is no paragraph whose words an editor put in spans) or each styled
    ``display: block``; an inline element holding
    them beside block elements (a CMS's ``<span>`` frame around a story's headings and
    paragraphs) is made a ``<div>`` too.

    Page builders and some editors write each paragraph as ``<span style="display:block">`` or a
    custom element (``<x-paragraph>``) instead of a ``<p>``: the container search counts ``<p>``s,
    and trafilatura's fast mode reads no text outside them on a page with some ``<p>`` text, so
    such a story was lost to a footer's paragraphs (Zyte tuning pages so rewritten: F1 0.00 on
    many). Made ``<div>``s, they are text divs, which :func:`div_paragraphs` weighs as it does a
    story written as divs. A span inside a paragraph's text (words around it) stays. ``inline``:
    the page's custom elements that hold no block (:func:`custom_boxes`), when the caller has them.
    """
    if inline is None:
        inline = [el for el in _custom(tree) if not _boxed(el)]
    found: dict[Any, list[Any]] = {}
    frames: dict[Any, bool] = {}
    for el in (*tree.getroottree().iter("span", "font"), *inline):  # (in page order, as "//span | //font")
        parent = el.getparent()
        if parent is None or (tag := parent.tag) not in _SPAN_FRAMES and tag not in ("span", "font"):
            continue  # (most spans: words inside a paragraph, a link, a heading)
        if (frame := frames.get(parent)) is None:
            frame = frames[parent] = tag in _SPAN_FRAMES or any(c.tag in _BLOCK_TAGS for c in parent)
        if frame and len(el.text_content()) > _DIV_PROSE and _own_prose(el) > _DIV_PROSE:
            found.setdefault(parent, []).append(el)
    for parent, spans in found.items():
        if len(spans) < 2:
            continue
        kids = [c for c in parent if isinstance(c.tag, str)]
        if ((parent.text or "").strip() or any((c.tail or "").strip() for c in kids)) and not _lead_of_blocks(
            parent, kids, spans
        ):
            continue  # text between them: words of one line, not blocks
        styled = all(_BLOCK_STYLE.search(x.get("style") or "") for x in spans)
        if not styled and not any(c.tag in _BLOCK_TAGS for c in kids):
            continue  # a text div, its words in spans (an editor's paste): one paragraph
        if any(d.tag in _BLOCK_TAGS for el in spans for d in el.iterdescendants()):
            continue
        for el in kids:
            if el.tag in ("span", "font") or "-" in el.tag:
                if not any(d.tag in _BLOCK_TAGS for d in el.iterdescendants()):
                    el.tag = "div"
        if parent.tag not in _SPAN_FRAMES:
            parent.tag = "div"  # (a span holding blocks beside them: a box too)


def _lead_of_blocks(parent: Any, kids: list[Any], spans: list[Any]) -> bool:
    """Is the text of ``parent``'s own beside its ``spans`` (:func:`span_blocks`) all before the
    first of them, and are they all styled ``display: block``: a story's lead written as the
    box's own text ("<b>Jakarta</b> - Teks …"), its other paragraphs as block spans? (The lead is
    then a run :func:`br_paragraphs` reads before their ``<div>``s; left as spans, the story was
    no block of paragraphs and the page's menus were read with it: F1 0.67.)"""
    if not all(_BLOCK_STYLE.search(x.get("style") or "") for x in spans):
        return False
    first = kids.index(spans[0])
    return not any((c.tail or "").strip() for c in kids[first:])


def drop_link_labels(links: list[Any]) -> None:
    """Remove the labels ``links`` carry for screen readers only (:data:`_NEW_TAB`), in place."""
    for a in links:
        for label in list(a.iterdescendants()):
            if _NEW_TAB.fullmatch(" ".join(label.text_content().split())):
                label.drop_tree()  # (its tail, the link's text after it, stays)


# Text inside a link said only to screen readers: "opens new tab", "(membuka tab baru)". Sites hide
# it by a class ("sr-only", "visually-hidden") that the page's stylesheet defines; trafilatura does
# not know those classes, and once a redesign renamed them every linked ticker or name in a story
# read "Dow Jones (.DJI), opens new tab" (a market report: F1 0.88). Looked for in the links with
# an element inside whose text says so (:data:`_NEW_TAB_SAID`, substring tests: a case-blind
# regular expression over a page's text took milliseconds), in the part of the page the body is
# read from; an element inside such a link whose whole text is the label is dropped.
_NEW_TAB_SAID = ("new tab", "new window", "tab baru", "jendela baru")
_NEW_TAB = re.compile(
    r"[(\[,\s]*(?:(?:link |tautan )?(?:opens?|membuka|buka|dibuka|terbuka)(?: (?:in|di|pada))?(?: a)?"
    r" (?:(?:new|baru) (?:tab|window)|(?:tab|jendela) baru)(?: (?:baru|browser))?)[)\].\s]*",
    re.IGNORECASE,
)


# The scripts that draw an embedded post from the markup a network gives for it (a page that embeds
# a post loads one: the blockquotes are looked for only then, without a walk of every page)
_EMBED_SCRIPT = re.compile(r"twitter\.com/widgets|instagram\.com/embed|tiktok\.com/embed|threads\.net/embed")
_SRC = operator.methodcaller("get", "src")
_STATUS = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status/\d")


def _unclassed(quote: Any) -> None:
    """``quote`` and the wrappers holding only it without their class and id."""
    own = " ".join(quote.text_content().split())
    el = quote
    while el is not None and el.tag not in ("body", "html"):
        if el is not quote and " ".join(el.text_content().split()) != own:
            break
        el.attrib.pop("class", None)
        el.attrib.pop("id", None)
        el = el.getparent()


def _embedded_posts(tree: Any) -> list[Any]:
    """The ``<blockquote>``s a network's embed code writes for a post: a tweet's (its text, then
    "— Name (@handle)" and a link to its status), an Instagram post's (``data-instgrm-permalink``),
    a TikTok's (``cite`` on tiktok.com).

    A story quotes such posts as its sources (an official's statement, a club's). trafilatura kept
    or dropped one by its wrapper's class ("twitter-tweet" inside a "widget"), so a redesign that
    renamed the classes changed the body (F1 0.92). Without their classes
    they are read as the story's quotations on every version of the page, as the Zyte benchmark's
    ground truth counts them.
    """
    found = []
    for quote in tree.iter("blockquote"):
        if quote.get("data-instgrm-permalink") or "tiktok.com/" in (quote.get("cite") or ""):
            found.append(quote)
        elif "(@" in quote.text_content() and any(_STATUS.match(a.get("href", "")) for a in quote.iter("a")):
            found.append(quote)
    return found


# Inline elements stay inside a text run; any other element (a block) ends one.
_INLINE = boilerplate.INLINE_TAGS
# Containers whose <br>-separated text runs are paragraphs (a <p> with a <br> is one paragraph
# with a line break, as is a list item or a heading).
_RUN_PARENTS = frozenset("div td section article main body blockquote center font span".split())
_BR_PARENTS = XPath("/descendant::br/..")
# elements with <p> or <div> children and a run of their own text (over 40 characters) among them
# (the parents of the <p>s and <div>s, in document order: half the cost of "//*[p or div]", which
# tests the children of every element)
_LEAD_PARENTS = XPath(
    "(/descendant::p/.. | /descendant::div/..)[text()[string-length(normalize-space(.)) > 40]]"
)
_RUN_TAG = "p"
# <div>s with a text of their own over 40 characters beside their children
_OWN_TEXT_DIVS = XPath("/descendant::div[*][text()[string-length(normalize-space(.)) > 40]]")
_LONE_RUN = 200  # characters (two sentences): one run this long before a <br> is a paragraph by itself
_RUN_ATTRS = {"data-kliping-run": ""}  # marks the paragraphs made here (see _PROSE_P)


def br_paragraphs(tree: Any) -> None:
    """Rewrite text runs separated by ``<br>`` into ``<p>`` elements, in place.

    Older CMSs and redesigns write bodies as ``<b>Jakarta</b> - Teks …<br><br>Teks …`` with no
    ``<p>``: trafilatura then reads the container's own text poorly (split at inline tags, or
    nothing at all on a bare container), and the main-container search sees no paragraphs. Only
    a container with two or more runs of prose (over 40 characters of its own text), or one run
    of :data:`_LONE_RUN` characters (a short story in one paragraph), is rewritten, so a
    navigation bar or an address block with line breaks is left as it is.
    """
    seen: set[Any] = set()
    rebuilt: set[Any] = set()
    text_divs: dict[Any, list[tuple[Any, Any]]] = {}  # see _text_siblings
    for parent in _BR_PARENTS(tree):
        if parent in seen or parent.tag not in _RUN_PARENTS:
            continue
        seen.add(parent)
        own = [parent.text] + [c.tail for c in parent]
        runs = [len(t.strip()) for t in own if t and len(t.strip()) > 40]
        if len(runs) < 2 and not (runs and runs[0] >= _LONE_RUN) and not (runs := _inline_runs(parent)) \
                and not (_wrapped_paragraph(parent) and (runs := _inline_runs(parent, 1))):
            continue
        sibs = _text_siblings(parent, seen, text_divs)
        if _divs_outweigh(parent, sibs, runs):
            continue
        _rebuild_runs(parent)
        rebuilt.add(parent)
        # a paragraph written as an unclassed <div> of prose among the runs ("…<br><br><div>Calon
        # wali kota …</div><br>…"): one of them (trafilatura reads no <div> text beside <p>s)
        for c in parent:
            if c.tag == "div" and not c.attrib and _text_div(c) and _own_prose(c) > _PROSE_DIV:
                c.tag = "p"
        for sib in sibs:
            sib.tag = _RUN_TAG
            sib.attrib.update(_RUN_ATTRS)
    # A story whose lead is a run of its container's own text before its <p>s ("<div><b>Jakarta
    # </b> - Pemerintah …<br><br><p>…</p><p>…</p>"): one run, too short to count above, and
    # trafilatura reads a container's own text only inside a body frame it knows by class name,
    # so once a redesign renamed the classes the lead paragraph, dateline and all, was lost.
    for parent in _LEAD_PARENTS(tree):
        if parent in rebuilt or parent.tag not in _RUN_PARENTS:
            continue
        # two or more blocks of prose after it: <p>s, or <div>s of prose (a redesign's wrapper
        # around each paragraph, a paragraph written as a <div>), their links' text left out
        if sum(1 for c in parent if c.tag in ("p", "div") and _own_prose(c) > 60) >= 2:
            _rebuild_runs(parent)


_PROSE_DIV = 60  # characters of prose outside links: a paragraph, not a label
_INLINE_RUNS = 3  # runs in inline elements: a body's, not one paragraph's line break or two


def _wrapped_paragraph(parent: Any) -> bool:
    """Is ``parent`` one of a story's wrappers of one paragraph each (``<div class="text-block">
    <p>…</p></div>``), two or more of its siblings of its tag and class holding a ``<p>``?

    A redesign that writes a paragraph as a run (``<b>Lead …</b><br><br>``) in such a wrapper
    leaves one run, too short to count as a paragraph by itself: the wrapper stayed a ``<div>``
    of text beside ``<p>``s, which trafilatura does not read, and the story's lead was lost
    (Indonesian tuning page so rewritten: F1 0.89)."""
    up = parent.getparent()
    if up is None or not parent.get("class"):
        return False
    key = (parent.tag, parent.get("class"))
    n = 0
    for sib in up:
        if sib is not parent and (sib.tag, sib.get("class")) == key and sib.find("p") is not None:
            n += 1
            if n >= 2:
                return True
    return False


def _inline_runs(parent: Any, least: int = 0) -> list[int]:
    """The lengths of the runs of prose (over 40 characters) that ``parent``'s ``<br>``s separate,
    or its blocks, the text of its inline elements counted (links' left out), when
    :data:`_INLINE_RUNS` or more; else none.

    A body pasted from a word processor writes each paragraph's text in a ``<span>``
    (``<span style="…">Teks …</span><br><br>``): the container has no text of its own and was
    left as it was; read as one paragraph, it was no chunk of its story (a story cut around an ad
    slot whose first half was so written lost that half: F1 0.56)."""
    runs, run = [], len(" ".join((parent.text or "").split()))
    for c in parent:
        if not isinstance(c.tag, str) or c.tag in _INLINE:
            if isinstance(c.tag, str) and c.tag != "a":
                run += len(" ".join(c.text_content().split()))
        else:  # a <br>, or a block (a heading, a box): the run ends
            if run > 40:
                runs.append(run)
            run = 0
        run += len(" ".join((c.tail or "").split()))
    if run > 40:
        runs.append(run)
    return runs if len(runs) >= (least or _INLINE_RUNS) else []


def _text_siblings(parent: Any, seen: set[Any], found: dict[Any, list[tuple[Any, Any]]]) -> list[Any]:
    """The sibling blocks of bare text of a container of runs ("<div>Jakarta (ANTARA) - …</div>
    <div>…<br><br>…</div>"): paragraphs of the same body, to be read alike, or the runs would
    outweigh them (through wrappers: a redesign's grid may put each block in a <div> of its own).

    ``found`` keeps each element's text blocks (with the child they were found through) from the
    first container of runs below it: one look at an element's children, not one per container
    of runs among them (a page of thousands of run blocks side by side was quadratic). Those made
    runs since (no longer ``<div>``s) are left out, as a fresh look would.
    """
    block = parent
    while (up := block.getparent()) is not None and up.tag == "div" and _only_child(up) is block:
        block = up
    grand = block.getparent()
    if grand is None:
        return []
    if (blocks := found.get(grand)) is None:
        blocks = found[grand] = []
        for child in grand:
            sib = child
            while (inner := _only_child(sib)) is not None and inner.tag == "div":
                sib = inner
            if (sib.tag == "div" and all(c.tag in _INLINE for c in sib if isinstance(c.tag, str))
                    and len((sib.text_content() or "").strip()) > 40):  # fmt: skip
                blocks.append((child, sib))
    return [sib for child, sib in blocks if child is not block and sib.tag == "div" and sib not in seen]


def _divs_outweigh(parent: Any, sibs: list[Any], runs: list[int]) -> bool:
    """Is ``parent`` one of a body's ``<div>`` paragraphs that has a line break or two (a
    subheading and its text), its sibling text ``<div>``s holding more text than its runs?

    Then it and they are left to :func:`div_paragraphs`, which makes them ``<p>``s of prose (it a
    ``<p>`` with its ``<br>``s, as a paragraph with a line break is read). Made runs here, the
    story's paragraphs were not counted as prose by :func:`main_container`, and trafilatura took
    the one ``<div>`` of runs for the story's frame by its class ("post-text"): a story of eight
    ``<div>``s beside one with ``<br>``s kept only that one (F1 0.35).
    """
    if parent.tag != "div" or any(c.tag not in _INLINE and c.tag != "br" for c in parent
                                  if isinstance(c.tag, str)):  # fmt: skip
        return False
    return sum(len(" ".join(s.text_content().split())) for s in sibs) > sum(runs)


def _only_child(el: Any) -> Any | None:
    """The one element child of ``el`` when it has no other child and no text of its own."""
    if len(el) != 1 or (el.text or "").strip() or (el[0].tail or "").strip():
        return None
    return el[0] if isinstance(el[0].tag, str) else None


def _rebuild_runs(parent: Any) -> None:
    children = list(parent)
    text = parent.text
    parent.text = None
    for c in children:
        tail = c.tail
        parent.remove(c)  # lxml moves the tail with the element: keep it apart
        c.tail = tail
    out: list[Any] = []
    run: Any = None

    def add_text(s: str | None) -> None:
        nonlocal run
        if not s:
            return
        if run is None:
            if not s.strip():
                return
            run = parent.makeelement(_RUN_TAG, _RUN_ATTRS)
            out.append(run)
        if len(run):
            run[-1].tail = (run[-1].tail or "") + s
        else:
            run.text = (run.text or "") + s

    add_text(text)
    for c in children:
        tail, c.tail = c.tail, None
        if c.tag == "br":
            run = None
        elif run is None and c.tag == "a" and _link_card(c):
            out.append(c)  # (a block of its own, as the site's stylesheet draws it; the text after it a run)
        elif not isinstance(c.tag, str) or c.tag in _INLINE or "-" in c.tag:
            # (a custom element of a web component, "<hl-trusted-source>" around a citation
            # link, is inline as the browser draws it: a run goes on through it)
            if run is None:
                run = parent.makeelement(_RUN_TAG, _RUN_ATTRS)
                out.append(run)
            run.append(c)
        else:
            run = None
            out.append(c)
        add_text(tail)
    for el in out:
        parent.append(el)


def _link_card(a: Any) -> bool:
    """Is link ``a`` a card: two or more elements inside it with text of their own (a kicker and a
    headline, ``<a><span>Baca juga</span><span>Judul …</span></a>``)?

    Such a link opening a run among a story's runs is a teaser box between two paragraphs, not
    the start of the next one: the paragraph after it (its ``<p>`` gone, ``…<br><br><a>card</a>
    Teks …``) was read as the card's headline followed by its text (F1 0.87).
    """
    found = 0
    for el in a.iterdescendants():
        if isinstance(el.tag, str) and (el.text or "").strip():
            found += 1
            if found >= 2:
                return True
    return False


# A <div> of text is a paragraph when it holds no block element: text, inline elements, line
# breaks, images and the custom inline elements of web components ("<hl-trusted-source>").
_BLOCK_TAGS = decode.BLOCK_TAGS
_DIV_PROSE = 40  # characters outside links: a sentence, not a label or a byline
_DIV_SHARE = 0.5  # of the largest group's prose: a story's, not a teaser list's beside it


def div_paragraphs(tree: Any) -> None:
    """Rewrite the ``<div>``s a container writes its paragraphs as into ``<p>``, in place.

    Many CMSs write each paragraph as ``<div>Teks …</div>`` (or a redesign does): trafilatura's
    fast mode reads no text of a ``<div>`` on a page with some ``<p>`` text, and the
    main-container search counts ``<p>``s only, so such a body was lost to a footer's or a
    sidebar's paragraphs. A ``<div>`` with no block element in it is a paragraph when its parent
    holds two or more such ``<div>``s of over :data:`_DIV_PROSE` characters outside links, and
    those hold more text than any element's ``<p>`` children (the runs :func:`br_paragraphs`
    made included), and at least :data:`_DIV_SHARE` of the largest such group's: the page's
    densest block of text is its divs (a teaser list of headline and summary divs beside them is
    not); or half as much as the densest box of ``<p>``s when they frame that box or lie inside it
    (one half of a story written as divs in its frame, the other as ``<p>``s in a box the markup
    left unclosed inside it: the half of divs was lost, F1 0.68). Then the other groups of two or
    more such divs around it (in the element holding its block, or inside the block) are
    paragraphs too. A lone caption or note among paragraphs, or a citation box under a story
    written in ``<p>``s or runs, stays as it is.
    """
    groups: dict[Any, list[Any]] = {}
    wrapped: list[Any] = []
    for div in tree.iter("div"):  # (walked in Python: cheaper than an XPath of 40 name tests)
        for child in div:
            if child.tag in _BLOCK_TAGS or _boxed(child):
                break
        else:
            if (len(div) or (div.text or "").strip()) and (parent := div.getparent()) is not None:
                if _bare_wrapper(parent):
                    wrapped.append(div)
                else:
                    groups.setdefault(parent, []).append(div)
    for div in wrapped:  # (the tree is not changed while it is walked)
        while (parent := div.getparent()) is not None and _bare_wrapper(parent):
            parent.drop_tag()
        if parent is not None:
            groups.setdefault(parent, []).append(div)
    _blocks_among_paragraphs(groups)
    _interleaved_divs(groups)
    runs = {parent: [n for n in map(_div_prose, divs) if n > _DIV_PROSE] for parent, divs in groups.items()}
    prose = {parent: ns for parent, ns in runs.items() if len(ns) >= 2}
    _one_div_chunks(tree, groups, runs)
    _chunk_divs(tree, groups, runs)
    _entry_paragraphs(groups, runs)
    if not prose:  # most pages
        _headline_div(tree, groups, runs)  # (a story written as divs is no one-paragraph story)
        return
    held: dict[Any, int] = {}  # prose in <p>s, per parent
    for p in tree.iter("p"):
        if (parent := p.getparent()) is not None and not _quoted_in(p, prose):
            held[parent] = held.get(parent, 0) + _own_prose(p)
    densest = max(held.values(), default=0)
    most = max(map(sum, runs.values()))
    # (a group in the frame that holds the densest box of <p>s, or inside that box: one half of a
    # story as divs in its frame, the other as <p>s in a box the markup left unclosed inside it:
    # half the box's text will do)
    top = max(held, key=held.__getitem__) if held else None
    blocks = [
        parent for parent, ns in prose.items()
        if (sum(ns) > densest or (_DIV_SHARE * densest <= sum(ns) and _nested(top, parent)))
        and sum(ns) >= _DIV_SHARE * most
    ]  # fmt: skip
    if not blocks:
        return
    # The story's other divs: in the element holding its block or inside the block. trafilatura
    # reads <div> text only on a page with little <p> text, so once some of the story's divs are
    # <p>s the others must be too (a teaser list elsewhere on the page is not the story's).
    # So are the divs of the story's other sections: boxes of the blocks' tag and class (or, with no
    # class, their place) elsewhere on the page (a feature cut into sections under subheadings,
    # each section a frame of its own: the first, shorter than half the longest, was lost).
    holders = {b.getparent() for b in blocks}
    keys = {key for b in blocks if (key := _chunk_key(b)) is not None}
    # (the frame holding a block: when two of its prose divs are a run of paragraphs; a caption
    # over the block and a share bar under it are the frame's lines, not the story's: made
    # paragraphs, they widened the container to the byline, date and caption around the story)
    for parent in prose:
        if (parent in holders and _prose_run(parent)) or _within(parent, set(blocks)) \
                or _chunk_key(parent) in keys:
            _as_paragraphs(groups[parent])  # its short ones too ("Jawaban", a subheading)
    _lead_divs(blocks, groups)
    # the subheadings and lists among the story's paragraphs, now that its divs are <p>s
    _blocks_among_paragraphs({parent: [d for d in divs if d.tag == "div"] for parent, divs in groups.items()})


_INTERLEAVED_PROSE = 80  # characters outside links: a paragraph's sentence, not a label or a credit
_ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’)]*\s*$""")
_MEDIA = ("img", "picture", "video", "iframe", "svg")


def _interleaved_divs(groups: dict[Any, list[Any]]) -> None:
    """Rule "interleaved divs": a text ``<div>`` of a full sentence between two of its parent's
    prose ``<p>``s is a paragraph of the same story, made a ``<p>`` in place.

    An editor that pastes from a word processor, or a CMS's block editor, writes some of a
    story's paragraphs as ``<div>``s among its ``<p>``s. trafilatura reads no ``<div>`` text beside
    ``<p>``s, so every such paragraph was silently lost (a regional portal's page lost two of six).
    A ``<div>`` in a ``<div>`` of its own class, after the prose the outer one opens with, needs no
    paragraph after it: it is a step of the staircase an unclosed ``<div class="p">`` leaves (a
    release whose paragraphs were such divs, each holding the next, lost a third of its story).
    A caption (with its picture), a label, a credit or a line of links stays as it is: the div
    holds no media, its own prose is a sentence ending in its stop, and the paragraph before it
    is prose. So does a styled box (a promo's or a newsletter's call): the div has no class, or
    its neighbours'.
    """
    for parent, divs in groups.items():
        made = []
        for div in divs:
            if div.tag != "div" or next(div.iter(*_MEDIA), None) is not None:
                continue
            text = div.text_content()
            if _own_prose(div, text) < _INTERLEAVED_PROSE or not _ENDS_SENTENCE.search(text):
                continue
            before, after = _element_beside(div, "getprevious"), _element_beside(div, "getnext")
            opened = len(" ".join((parent.text or "").split()))  # (the open div's own prose)
            first_step = before is None and not opened and _staircase_step(after, div)
            if not _prose_paragraph(before) and not first_step \
                    and not (before is None and opened >= _INTERLEAVED_PROSE):
                # (the first step of an unclassed staircase has nothing before it; a closed step
                # opening its open div has that div's own prose before it)
                continue
            cls = div.get("class")
            if cls and cls not in (before.get("class") if before is not None else None,
                                   after.get("class") if after is not None else None, parent.get("class")):
                continue  # a styled box among the paragraphs (a promo, a newsletter's call): a box
            if div.get("id") and not cls:
                continue
            stair = bool(cls and parent.tag == "div" and parent.get("class") == cls)
            if _prose_paragraph(after) or stair or _staircase_step(after, div):
                div.tag = "p"  # (at once: the next step of a staircase follows it)
                made.append(div)
            if stair:
                # the steps above whose own text is still loose: the open divs' paragraphs (a
                # story's second paragraph, the text of the outermost open div, was lost)
                up = parent
                while (up := up.getparent()) is not None and up.tag == "div" and up.get("class") == cls \
                        and len(" ".join((up.text or "").split())) >= _INTERLEAVED_PROSE:
                    _rebuild_runs(up)
        for div in made:
            divs.remove(div)


def _staircase_step(el: Any, div: Any) -> bool:
    """Is ``el``, the element after the text ``div``, the next step of a staircase of unclosed
    paragraph ``<div>``s: a ``<div>`` of ``div``'s class (or none) opening with its own prose, a
    paragraph its text became (:func:`br_paragraphs`), the next step inside it? With no class to
    tell them by, a story whose ``<div>``s each hold the next lost every other paragraph (the
    leaf ``<div>``s, one per step: F1 0.58 on a release so rewritten)."""
    if el is None or el.tag != "div" or el.get("class") != div.get("class") or el.get("id"):
        return False
    first = next((c for c in el if isinstance(c.tag, str)), None)
    return first is not None and not (el.text or "").strip() and _prose_paragraph(first) \
        and first.get("data-kliping-run") is not None


def _prose_paragraph(el: Any) -> bool:
    """Is ``el`` a ``<p>`` holding a sentence's prose outside links?"""
    return el is not None and el.tag == "p" and _own_prose(el) >= _INTERLEAVED_PROSE


_HEAD_DIV = 120  # characters: a subheading written as a <div> of bold text, not a paragraph in bold
_BOLD = frozenset(("b", "strong"))
_HEAD_AFTER = frozenset("p figure ul ol blockquote table".split())  # a story's blocks a subheading follows


def _blocks_among_paragraphs(groups: dict[Any, list[Any]]) -> None:
    """Subheadings and lists written as ``<div>``s between two of a story's ``<p>``s: made the
    ``<p>`` and the ``<ul>`` they are, in place (``groups``: the text divs per parent, as
    :func:`div_paragraphs` found them).

    A redesign that writes a subheading as ``<div><b>Judul</b></div>`` or a list as a ``<div>`` of
    one text ``<div>`` per item keeps them among the story's ``<p>``s; trafilatura reads no
    ``<div>`` text beside ``<p>``s, so every subheading and every list item was lost (Zyte and
    Fundus tuning pages so rewritten: F1 0.82, 0.85). A subheading is a text div whose whole text
    is one bold element of a heading's length, no link; a list a ``<div>`` of two or more text
    divs and nothing else, each with text outside links (a box of related links is none); either
    between two prose ``<p>``s of one parent (a caption, a byline or a box before or after the
    story stays as it is).
    """
    lists = []
    labelled = []
    prose: dict[Any, int] = {}
    for parent, divs in groups.items():
        if parent.tag == "div" and 2 <= len(divs) == len(parent) and _between_paragraphs(parent, prose):
            if not (parent.text or "").strip() and all(_own_prose(d) > 0 and not (d.tail or "").strip()
                                                       for d in divs):  # fmt: skip
                lists.append(parent)
            continue
        if parent.tag == "div" and 2 <= len(divs) < len(parent) and _labelled_list(parent, divs) \
                and _between_paragraphs(parent, prose):
            labelled.append(parent)
            continue
        for div in divs:
            if len(div) != 1 or div[0].tag not in _BOLD or (div.text or "").strip():
                continue
            if (div[0].tail or "").strip():
                continue
            text = " ".join(div.text_content().split())
            if not text or len(text) > _HEAD_DIV or next(div.iter("a"), None) is not None:
                continue
            if _between_paragraphs(div, prose, _HEAD_AFTER):
                div.tag = "p"
    for parent in lists:  # (no longer a group of text divs: its items are no paragraphs)
        parent.tag = "ul"
        for item in groups.pop(parent):
            item.tag = "li"
    for parent in labelled:  # each item a line of its own under its label, as the labels are
        for item in groups.pop(parent):
            item.tag = "p"


def _labelled_list(parent: Any, divs: list[Any]) -> bool:
    """Is ``parent`` a box of list items written as text ``<div>``s under labels written as short
    ``<p>``s ("<p><b>Bahan:</b></p><div>1/2 kg jengkol</div>…<p><b>Bumbu halus:</b></p><div>…</div>":
    a recipe's lists in a news story, each ingredient lost, as trafilatura reads no ``<div>`` text
    beside ``<p>``s)? Every other child a ``<p>`` of a heading's length ending in a colon, no link in
    the box, no text of its own, every item text outside links with no tail."""
    if (parent.text or "").strip() or next(parent.iter("a"), None) is not None:
        return False
    items = set(divs)
    labels = [c for c in parent if c not in items and isinstance(c.tag, str)]
    if not labels or len(labels) > len(divs) or not any(c in items for c in parent[1:]):
        return False
    for label in labels:
        if label.tag != "p" or (label.tail or "").strip():
            return False
        text = " ".join(label.text_content().split())
        if not text.endswith(":") or len(text) > _HEAD_DIV:
            return False
    return all(_own_prose(d) > 0 and not (d.tail or "").strip() for d in divs)


def _between_paragraphs(el: Any, prose: dict[Any, int], after: frozenset[str] = frozenset("p")) -> bool:
    """Is ``el``, or the wrapper ``<div>``s it is the only child of (a redesign's block per
    element), after an element of ``after`` (a ``<p>`` of text) and before a ``<p>`` of text, in
    a parent of two or more prose ``<p>``s (a sentence outside links; ``prose``: their count per
    parent, kept across calls)?"""
    while (up := el.getparent()) is not None and up.tag == "div" and _only_child(up) is el:
        el = up
    if (parent := el.getparent()) is None:
        return False
    before, next_ = _element_beside(el, "getprevious"), _element_beside(el, "getnext")
    while next_ is not None and not len(next_) and boilerplate.AD_LABEL.match(next_.text or ""):
        next_ = _element_beside(next_, "getnext")  # an ad slot's labels between (rule "labelled list")
    if before is None or before.tag not in after or next_ is None or next_.tag != "p":
        return False
    if not next_.text_content().strip() or (before.tag == "p" and not before.text_content().strip()):
        return False
    if (n := prose.get(parent)) is None:
        n = prose[parent] = sum(1 for c in parent if c.tag == "p" and _own_prose(c) > _DIV_PROSE)
    return n >= 2


def _element_beside(el: Any, step: str) -> Any | None:
    """The nearest element sibling before (``step``: "getprevious") or after ``el`` (comments passed)."""
    sib = getattr(el, step)()
    while sib is not None and not isinstance(sib.tag, str):
        sib = getattr(sib, step)()
    return sib


def _prose_run(parent: Any) -> bool:
    """Does ``parent`` hold two text ``<div>``s of prose (:data:`_DIV_PROSE`) side by side?"""
    run = 0
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        run = run + 1 if child.tag == "div" and _text_div(child) and _div_prose(child) > _DIV_PROSE else 0
        if run >= 2:
            return True
    return False


def _bare_wrapper(el: Any) -> bool:
    """Is ``el`` a ``<div>`` with no attribute and no text of its own around its one child
    element: a wrapper a CMS's component puts around each paragraph (``<div><div>Teks …</div>
    </div>``), layout only?

    :func:`div_paragraphs` takes the paragraph divs so wrapped out of their wrappers: each was
    the one text div of its own parent, no group of paragraphs was found, and the story was lost
    to its credit box ("no article body found"; the fixture pages' ``p_as_div+wrapped`` rewrite:
    F1 0.00)."""
    return el.tag == "div" and not el.attrib and _only_child(el) is not None and el.getparent() is not None


def _nested(a: Any, b: Any) -> bool:
    """Is one of ``a`` and ``b`` inside the other?"""
    return a is not None and (_inside(a, b) or _inside(b, a))


def _boxed(el: Any) -> bool:
    """Is ``el`` a web component's element (``<ps-promo>``) holding a block element: a box, as the
    browser lays out its blocks, not inline text?

    A promo box inside the story, ``<div><ps-promo><div>Judul …</div><div>Ringkasan …</div>
    </ps-promo></div>``, was taken for a text ``<div>`` among the story's paragraphs written as
    divs, made a paragraph, and its excerpt read as the story's (three teasers: F1 0.96).
    """
    tag = el.tag
    return isinstance(tag, str) and "-" in tag and any(d.tag in _BLOCK_TAGS for d in el.iterdescendants())


def _quoted_in(p: Any, prose: dict[Any, list[int]]) -> bool:
    """Is ``p`` inside a ``<blockquote>`` that sits among a group of text divs (``prose``, keyed by
    their parent)? A story written as divs that quotes another outlet's paragraphs, or embeds a
    post, holds that quote in ``<p>``s: they are part of the story, not a block of paragraphs
    competing with it (a blog post of five divs lost them all to the six-paragraph quote in its
    middle once its ``<p>``s were written as divs)."""
    for anc in p.iterancestors():
        if anc.tag == "blockquote":
            parent = anc.getparent()
            while parent is not None and parent.tag == "blockquote":
                parent = parent.getparent()
            return parent in prose
    return False


def _lead_divs(blocks: list[Any], groups: dict[Any, list[Any]]) -> None:
    """A story's lead written as a text ``<div>`` above its block of divs, the only other text of the
    frame holding both: a paragraph too, when it holds a sentence (:data:`_DIV_PROSE`) outside
    links.

    A blog's editor writes the first paragraph in the post's frame and the rest in a box of its
    own below it. trafilatura reads the frame by its class ("post-body"); once a redesign renamed
    it, the box of paragraphs was the main container and the lead was lost (F1 0.84). A lone div
    below the block (a note, a caption under it) stays as it is, and so does a standfirst in a
    column that also holds the headline, the byline or other boxes.
    """
    for block in blocks:
        holder = block.getparent()
        if holder is None or holder not in groups:
            continue
        # the frame's other children, and its own text, hold nothing: it is the post's frame, not
        # a page's column with a headline and a standfirst above the story
        texts = [el for el in holder if el is not block and (el.text_content() or "").strip()]
        if len(texts) != 1 or (holder.text or "").strip():
            continue
        lead = texts[0]
        if lead.tag == "div" and lead in groups[holder] and holder.index(lead) < holder.index(block) \
                and _div_prose(lead) > _DIV_PROSE:
            lead.tag = "p"


_NOT_STORY = frozenset(("a", "figure", "figcaption", "blockquote", "li", "table"))


def _headline_div(tree: Any, groups: dict[Any, list[Any]], runs: dict[Any, list[int]]) -> None:
    """A one-paragraph story written as one text ``<div>`` under its headline: a paragraph.

    Recognizes a text ``<div>`` of :data:`_LONE_RUN` characters of prose or more (outside links),
    the only text div of a sentence in its parent, on a page with no block of three paragraphs
    (:func:`kliping.clean.maintext.densest_block`) and no group of text divs (a story written as
    divs), when that parent also holds ``<p>``s (the
    story's notes: a credit line, an editor's note) and the nearest element holding both the div
    and the page's headline (the ``<h1>`` whose text is its title; the story's frame, not the
    page's ``<body>``) holds less prose in ``<p>``s and other text divs than the div, all of its
    ``<p>``s below the div: the story is the div, the ``<p>``s are its notes.

    trafilatura's fast mode reads a ``<div>``'s text only on a page with little ``<p>`` text
    anywhere. A wire story of one paragraph written so was read while the page's ``<footer>``
    (pruned by its tag) held the company blurb and product cards in ``<p>``s; once a redesign
    wrote the ``<footer>`` as a ``<div>``, those ``<p>``s counted, the story was lost and the
    footer read instead (F1 0.10). A standfirst beside the headline (a frame with no ``<p>``),
    a note or a box beside a story of ``<p>``s (the frame holds more ``<p>`` prose) stay as they are.
    """
    lone = [parent for parent, ns in runs.items() if len(ns) == 1 and ns[0] >= _LONE_RUN]
    if not lone:  # most pages
        return
    h1 = maintext.title_h1(tree)  # the story's headline
    if h1 is None:
        return
    if maintext.densest_block(maintext._prose(tree)) is not None:
        return  # a block of three paragraphs or more elsewhere: the story is there
    for parent in lone:
        if next(parent.iter("p"), None) is None:
            continue
        div = max(groups[parent], key=_div_prose)
        line = [div, *div.iterancestors()]
        if any(el.tag in _NOT_STORY for el in line):
            continue
        frame = next((a for a in h1.iterancestors() if a in line), None)
        if frame is None or frame.tag in ("body", "html"):
            continue
        prose = _div_prose(div)
        # the frame's other prose, in <p>s or in other text divs (a story written as divs)
        other = sum(map(_own_prose, frame.iter("p"))) + sum(
            sum(ns) for up, ns in runs.items() if up is not parent and _within(up, {frame}))
        # … and its notes below it: the div comes before the frame's first <p>
        first = next(el for el in frame.iter("p", "div") if el is div or el.tag == "p")
        if other < prose and first is div:
            div.tag = "p"


def _chunk_divs(tree: Any, groups: dict[Any, list[Any]], runs: dict[Any, list[int]]) -> None:
    """The text ``<div>``s of one chunk of a story cut into chunks: paragraphs, when their parent
    holds no ``<p>`` and is one of the elements (two or more) whose ``<p>`` children hold the most
    of the page's paragraph text, told by their tag and class, or with no class by their place:
    the same depth under sibling wrappers of one tag (:func:`_chunk_place`).

    A CMS cuts a story into chunks of one class between ads and boxes (``<div class="text">`` or a
    card per paragraph); one chunk's paragraphs written as ``<div>``s (or a redesign that wrote
    them so) were not the story's prose for trafilatura, which read the other chunks and lost
    that one (F1 0.84); once a redesign also dropped the class names, the same (F1 0.84). A
    chunk whose ``<p>`` was dropped into its box (the box of the other chunks' ``<p>``s now
    holding the text itself, beside an ad slot or alone) has that text as its paragraph (F1
    0.80). One box of ``<p>``s will do when boxes of text divs have its key: a story in chunks
    whose other chunks a redesign wrote as divs (F1 0.72). A lone caption or note among the
    story's ``<p>``s, or text divs in a box of another class or another place, stay as they are.
    Chunks side by side with no class and no wrapper: :func:`_sibling_chunks`.
    """
    keyed = [parent for parent, ns in runs.items() if ns and parent.find("p") is None]
    if not keyed:  # most pages: no text div of a sentence in an element with no <p>
        return
    chars: dict[Any, int] = {}
    holders: dict[Any, set[Any]] = {}
    keys: dict[Any, Any] = {}  # each <p> parent's key, found once (a story's <p>s share a parent)
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is None:
            continue
        if (key := keys.get(parent, keys)) is keys:
            key = keys[parent] = _chunk_key(parent, siblings=True)
        if key is not None:
            chars[key] = chars.get(key, 0) + len(p.text_content())
            holders.setdefault(key, set()).add(parent)
    _sibling_chunks(keyed, groups, runs, chars, holders)
    chars = {key: n for key, n in chars.items() if key[-1] != 0}  # (the keys by class or wrapper)
    if not chars:
        return
    story = max(chars, key=chars.__getitem__)
    if len(holders[story]) < 2 and not any(_chunk_key(parent) == story for parent in keyed):
        return  # not a story in chunks (one box of <p>s, and no box of its key holding text divs)
    for parent in keyed:
        if _chunk_key(parent) == story:
            _as_paragraphs(groups[parent])
        else:
            # a chunk whose paragraph lost its <p>: the text <div> is where the <p>'s parent is in
            # the other chunks (<div class=card><div class=isi>Teks …<br><br></div></div> beside
            # <div class=card><div class=isi><p>Teks …</p></div></div>)
            for div in groups[parent]:
                if _div_prose(div) > _DIV_PROSE and _chunk_key(div) == story:
                    div.tag = "p"
    # chunks whose own text is their paragraph, beside a box (an ad slot) that kept them from
    # being text divs: "<div class=isi>Teks …<br><br><div class=iklan>…</div></div>" (looked for
    # only on a page in chunks with a chunk of text divs: the XPath reads every <div>'s text)
    for el in _OWN_TEXT_DIVS(tree):
        if el.tag == "div" and el.find("p") is None and _chunk_key(el) == story:  # (not made a <p> above)
            _rebuild_runs(el)


def _one_div_chunks(tree: Any, groups: dict[Any, list[Any]], runs: dict[Any, list[int]]) -> None:
    """The text ``<div>``s of a story cut into chunks of one paragraph each, every paragraph's
    ``<p>`` gone: paragraphs, when three or more elements of one key (:func:`_chunk_key`) hold one
    text ``<div>`` of a sentence each (and no ``<p>``), and those hold more text than the ``<p>``s
    of any key and the text divs of any element.

    A CMS that prints a card per paragraph (``<div class=card><div class=isi><div>Teks …</div>
    </div></div>``), its ``<p>``s written as ``<div>``s: each card's div was alone in its box,
    never two side by side, so no group of text divs was found, and one card was read as the
    story (F1 0.37).
    """
    by_key: dict[Any, list[Any]] = {}
    for parent, ns in runs.items():
        if len(ns) == 1 and parent.find("p") is None and (key := _chunk_key(parent)) is not None:
            by_key.setdefault(key, []).append(parent)
    # the paragraph is all the chunk's text, up to the card it is the only text of (a teaser card
    # holds a headline beside its excerpt); looked at only for keys of three chunks or more
    alone = {key: [p for p in ps if _alone_text(p, runs[p][0], groups[p], ps)]
             for key, ps in by_key.items() if len(ps) >= 3}
    chunks = {key: parents for key, parents in alone.items() if len(parents) >= 3}
    if not chunks:  # most pages
        return
    chars: dict[Any, int] = {}  # <p> text per key of its parent (wrappers side by side too)
    for p in tree.iter("p"):
        if (parent := p.getparent()) is not None and (key := _chunk_key(parent, siblings=True)) is not None:
            chars[key] = chars.get(key, 0) + len(p.text_content())
    # … or than the text divs of any element holding two or more (a story written as divs)
    most = max((*chars.values(), *(sum(ns) for ns in runs.values() if len(ns) >= 2)), default=0)
    story = [key for key, parents in chunks.items() if sum(runs[parent][0] for parent in parents) > most]
    for key in story:
        for parent in chunks[key]:
            _as_paragraphs(groups[parent])
    if story:  # and the chunks whose own text is their paragraph, beside a box (an ad slot)
        for el in _OWN_TEXT_DIVS(tree):
            # (where the other chunks' paragraphs are: a child of a chunk)
            if el.tag == "div" and el.find("p") is None and (up := el.getparent()) is not None \
                    and _chunk_key(up) in story:
                _rebuild_runs(el)


def _alone_text(parent: Any, prose: int, divs: list[Any], chunks: list[Any]) -> bool:
    """Is the text of ``parent``'s text ``<div>`` (``prose`` characters; ``divs``: its text divs) all
    the text of the boxes around it, with no link or picture outside it, up to the first box that
    holds more, which must hold other ``chunks`` (the story's frame)? A teaser's card holds its
    headline beside its excerpt, a product's links to its page, a gallery's slide holds its photo
    beside its caption."""
    box = parent
    while box is not None and box.tag not in ("body", "html"):
        if len(" ".join(box.text_content().split())) > prose + _DIV_PROSE:
            return any(c is not parent and _inside(c, box) for c in chunks)
        if any(not _within(a, set(divs)) for a in box.iter("a", "img", "picture", "figure", "video")):
            return False
        box = box.getparent()
    return False


def _sibling_chunks(keyed: list[Any], groups: dict[Any, list[Any]], runs: dict[Any, list[int]],
                    chars: dict[Any, int], holders: dict[Any, set[Any]]) -> None:  # fmt: skip
    """The text ``<div>``s of an unclassed chunk that is a sibling of the story's other chunks
    (no wrapper of its own): paragraphs, when it holds two or more of a sentence each and no
    ``<p>``, and its siblings of its tag hold the most of the page's paragraph text (``chars``
    and ``holders``: the ``<p>`` text and parents per key, :func:`_chunk_key`'s with siblings).

    A story cut into chunks side by side in its frame (``<div><p>…</p></div><div>photo</div>
    <div><p>…</p></div>``), one chunk's ``<p>``s written as ``<div>``s and the class names
    gone: the chunks had no key (no class, no wrapper of one child), and that chunk was lost
    (four paragraphs of a health story: F1 0.85). A lone text ``<div>`` beside the chunks (a
    promo, a caption) stays as it is, unless it lies between two of them (:func:`_between`): a
    paragraph that lost its ``<p>`` among the story's wrappers (``<div><p>…</p></div><div>Teks
    …<br><br></div><div><p>…</p></div>``), which trafilatura's fast mode did not read (F1 0.88).
    """
    story = max(chars, key=chars.__getitem__, default=None)
    if story is None or story[-1] != 0 or len(holders[story]) < 2:
        return
    for parent in keyed:
        if len(runs[parent]) >= 2 and _chunk_key(parent, siblings=True) == story:
            _as_paragraphs(groups[parent])
        else:
            # a paragraph that lost its <p>: a text <div> between two of the story's wrappers
            # (<div><p>Teks …</p></div><div>Teks …</div><div><p>Teks …</p></div>)
            for div in groups[parent]:
                if _div_prose(div) > _DIV_PROSE and _between(div, holders[story]):
                    div.tag = "p"


_ENTRY_UP = 3  # levels above a text div where the entry it belongs to may be
_ENTRY_SIBLINGS = 8  # entries beside it looked at, each side
_ENTRY_PEERS = 2  # entries whose paragraph stands where the div stands, at least
_ENTRY_KIDS = 8  # children of an entry's box, at most (comments and text aside, counted by lxml)


def _entry_paragraphs(groups: dict[Any, list[Any]], runs: dict[Any, list[int]]) -> None:
    """Rule "entry like its peers": a lone text ``<div>`` of prose is a paragraph when it opens a
    run of two or more wrappers of a ``<p>`` of prose (a lead written as a ``<div>`` above the
    story's ``<div><p>…</p></div>``s: :func:`_lead_of_wrappers`), or when two or more siblings of
    one of its ancestors (up to :data:`_ENTRY_UP` levels, each a small box of
    :data:`_ENTRY_KIDS` children at most, of that ancestor's tag and shape) hold a ``<p>`` of
    prose at the very place it holds the div: the entries of a live report or a list of items,
    one of which a CMS or a redesign wrote with a ``<div>`` for its ``<p>`` (``<div><div>16:05
    </div><div><div>Teks …</div></div></div>`` among entries of ``<div><div>13:35</div><div>
    <p>Teks …</p></div></div>``): that entry was lost (F1 0.81-0.89 on four live reports
    stripped of their attributes)."""
    for parent, ns in runs.items():
        if len(ns) != 1:
            continue
        div = next((d for d in groups[parent] if _div_prose(d) > _DIV_PROSE), None)
        if div is None:
            continue
        if _lead_of_wrappers(div):
            div.tag = "p"
            continue
        path: list[int] = []
        node = div
        for _ in range(_ENTRY_UP):
            up = node.getparent()
            if up is None or up.tag in ("body", "html") or len(up) > _ENTRY_KIDS:
                break  # (a frame of many children is no entry)
            path.insert(0, _element_index(node))
            if _peers_hold_paragraph(up, path):
                div.tag = "p"
                break
            node = up


def _element_index(el: Any) -> int:
    n = 0
    sib = el.getprevious()
    while sib is not None:
        n += isinstance(sib.tag, str)
        sib = sib.getprevious()
    return n


def _at(el: Any, path: list[int]) -> Any | None:
    """The element at ``path`` (element-child indexes) under ``el``, or None."""
    for i in path:
        kids = [c for c in el if isinstance(c.tag, str)]
        if i >= len(kids):
            return None
        el = kids[i]
    return el


def _paragraph_at(el: Any, path: list[int]) -> Any | None:
    """The ``<p>`` at ``path`` under ``el``, or inside the wrappers of one child there."""
    q = _at(el, path)
    while q is not None and q.tag != "p":
        kids = [c for c in q if isinstance(c.tag, str)]
        if len(kids) != 1 or (q.text or "").strip():
            return None
        q = kids[0]
    return q


def _lead_of_wrappers(div: Any) -> bool:
    """Is the text ``div`` the first of a run of wrappers of one ``<p>`` of prose each: the next
    element after it (an empty one passed over) and at least one more after that? (A lead
    written as a ``<div>`` above the story's ``<div><p>…</p></div>``s; a note or a promo after
    them stays as it is, and one between two is :func:`_between`'s.)"""
    sib, found = div.getnext(), 0
    for _ in range(_ENTRY_SIBLINGS):
        if sib is None:
            break
        if isinstance(sib.tag, str) and sib.text_content().strip():
            p = _paragraph_at(sib, [])
            if sib.tag != div.tag or p is None or p is sib or _own_prose(p) <= _DIV_PROSE:
                break
            found += 1
        sib = sib.getnext()
    prev = div.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or not prev.text_content().strip()):
        prev = prev.getprevious()
    before = prev is not None and prev.tag == div.tag and (q := _paragraph_at(prev, [])) is not None \
        and q is not prev
    return found >= _ENTRY_PEERS and not before


def _shape(el: Any, skip: int | None) -> tuple[str, ...]:
    """The tags of ``el``'s element children, the one at ``skip`` left out."""
    return tuple(c.tag for i, c in enumerate(x for x in el if isinstance(x.tag, str)) if i != skip)


def _peers_hold_paragraph(entry: Any, path: list[int]) -> bool:
    """Do two or more siblings of ``entry`` of its tag and shape (the same children's tags, the
    one on ``path`` aside: a live report's entries, not a caption's box beside the story's
    chunks) hold a ``<p>`` of prose at ``path``?"""
    found = 0
    shape: tuple[str, ...] | None = None  # (the entry's, found once a sibling may be a peer)
    for step in ("getprevious", "getnext"):
        sib = getattr(entry, step)()
        for _ in range(_ENTRY_SIBLINGS):
            if sib is None:
                break
            if sib.tag == entry.tag and len(sib) > path[0] and (p := _paragraph_at(sib, path)) is not None:
                shape = _shape(entry, path[0]) if shape is None else shape
                if _shape(sib, path[0]) == shape and _own_prose(p) > _DIV_PROSE:
                    found += 1
                    if found >= _ENTRY_PEERS:
                        return True
            sib = getattr(sib, step)()
    return False


def _between(el: Any, holders: set[Any]) -> bool:
    """Are the nearest siblings of ``el`` before and after it that are in ``holders`` or hold a
    sentence's length of text (an empty box, an embed's slot or a label between are passed over)
    both in ``holders``?"""
    return all(_text_sibling(el, step, holders) in holders for step in ("getprevious", "getnext"))


def _text_sibling(el: Any, step: str, holders: set[Any]) -> Any | None:
    sib = getattr(el, step)()
    while sib is not None and sib not in holders and (not isinstance(sib.tag, str) or _short(sib)):
        sib = getattr(sib, step)()
    return sib


def _short(el: Any) -> bool:
    return len(" ".join(el.text_content().split())) <= _DIV_PROSE


def _chunk_key(parent: Any, siblings: bool = False) -> Any:
    """What tells the chunks of one story apart from other boxes: their tag and class, else their
    place (:func:`_chunk_place`), else None."""
    if cls := parent.get("class"):
        return (parent.tag, cls)
    return _chunk_place(parent, siblings)


def _chunk_place(parent: Any, siblings: bool = False) -> tuple[Any, str, int] | None:
    """An unclassed chunk's place: the wrapper it is the only child of (climbed while each is
    the only element child of the next, ``<div data-type="text"><div><p>``), that wrapper's tag,
    its parent (the story's frame, which holds the chunks side by side) and the depth climbed.
    ``siblings``: a chunk in no wrapper has a place too (depth 0), unless its frame is the page's
    ``<body>``."""
    root, depth = parent, 0
    while (up := root.getparent()) is not None and up.tag not in ("body", "html") and _only_child(up) is root:
        root, depth = up, depth + 1
    frame = root.getparent()
    if frame is None or (depth == 0 and (not siblings or frame.tag in ("body", "html"))):
        return None
    return (frame, root.tag, depth)


def _as_paragraphs(divs: list[Any]) -> None:
    """Make each text ``<div>`` of ``divs`` that holds any text a ``<p>`` (short ones too, as
    short paragraphs)."""
    for div in divs:
        if div.text_content().strip():
            div.tag = "p"


def _div_prose(div: Any) -> int:
    """:func:`_own_prose` of a text ``<div>``, 0 when its whole text is too short to count (its
    text taken once)."""
    text = div.text_content()
    return _own_prose(div, text) if len(text) > _DIV_PROSE else 0


def _within(el: Any, blocks: set[Any]) -> bool:
    return el in blocks or any(a in blocks for a in el.iterancestors())


def _own_prose(el: Any, text: str | None = None) -> int:
    """Characters of ``el``'s text outside links (whitespace runs made one space); ``text``:
    ``el.text_content()``, when the caller has it."""
    links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return len(" ".join((el.text_content() if text is None else text).split())) - links


_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
_CELL_PROSE = XPath("descendant::p[string-length(normalize-space(.)) > 60]")


def layout_tables(tree: Any) -> bool:
    """Write a table that only wraps a block of paragraphs as ``<div>``s, in place (True when
    one was).

    Older sites and templates put the article in a table of one cell
    (``<table><tr><td>…<p>…</p><p>…</p></td></tr></table>``). trafilatura, which keeps tables
    (:data:`TRAFILATURA_SETTINGS`), read that cell as one table row: the body became one line,
    its dateline and boilerplate lines stayed in it. A table of one cell has no rows or columns
    to keep: when the cell holds two or more paragraphs of prose (over 60 characters), its table,
    row and cell elements become ``<div>``s (or, when the cell holds one box and nothing else,
    that box takes the table's place); a table nested in it stays a table. (A table of
    several cells, whose rows and columns may mean something, is left as trafilatura reads it:
    no evaluation page gained from unwrapping those.)
    """
    written = False
    for table in list(tree.iter("table")):
        parts = [table] + [el for el in table.iter(*_TABLE_PARTS[1:])
                           if next(el.iterancestors("table"), None) is table]  # fmt: skip
        cells = [el for el in parts if el.tag in ("td", "th")]
        if len(cells) > 1:
            if table.find(".//p") is not None and _layout_grid(cells):  # (a data table holds no <p>)
                for el in parts:
                    el.tag = "div"
                written = True
            continue
        if not cells or (len(_CELL_PROSE(cells[0])) < 2 and not _headed_cell(cells[0])):
            continue
        cell, parent = cells[0], table.getparent()
        if (parent is not None and len(cell) == 1 and isinstance(cell[0].tag, str)
                and not (cell.text or "").strip() and not (cell[0].tail or "").strip()):
            box = cell[0]  # the cell holds one box: it takes the table's place
            box.tail = table.tail
            parent.replace(table, box)
            continue
        for el in parts:
            el.tag = "div"
        written = True
    return written


_GRID_SIDE = 200  # characters: a cell beside the story's (an ad, a photo's caption), not data


def _layout_grid(cells: list[Any]) -> bool:
    """Is a table of several cells a page's layout grid: a cell holds two or more paragraphs of
    prose, and every other cell holds as much or no more than a side cell's text (an old theme's
    story in rows of ``<td class="isi"><p>…</p><p>…</p></td>`` beside an ad's column)? No data
    table puts paragraphs of prose in its cells."""
    found = False
    for cell in cells:  # (a long cell of no prose ends the look: a data table of many cells)
        if len(_CELL_PROSE(cell)) >= 2:
            found = True
        elif boilerplate.text_len(cell) > _GRID_SIDE:
            return False
    return found


_CELL_HEADINGS = XPath(
    "descendant::*[self::h2 or self::h3 or self::h4][string-length(normalize-space(.)) > 3]"
)


def _headed_cell(cell: Any) -> bool:
    """Does a table's one cell hold a story of sections under two or more subheadings, each over
    a list or a line or two (a list of award nominees: no paragraph of prose)? Read as a table
    row, its headings and lists made one line (an old table layout so around such a story: F1
    0.13)."""
    return len(_CELL_HEADINGS(cell)) >= 2


_CHUNK_PARAGRAPHS = 2  # prose paragraphs in one chunk at least: a story's, not a card's excerpt
_HEADING = "self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
_LINKED_HEADING = XPath(  # a teaser card's headline
    f"descendant::*[{_HEADING}][descendant::a] | descendant::a[descendant::*[{_HEADING}]]"
)
# (a span holding the story's <p>s too: a CMS's body wrapper, "<span class=hs_cos_wrapper>", cut around an ad)
_CHUNK_TAGS = frozenset(("div", "section", "article", "span"))


def join_chunks(tree: Any) -> None:
    """Join, in place, the chunks of a story cut in two or more sibling elements of one tag,
    class and ``itemprop`` around an ad slot (``<div class="entry-content"><p>…</p></div><div
    class="ad">…</div><div class="entry-content"><p>…</p></div>``) into the first of them.

    trafilatura takes the first element of a body class it knows ("entry-content",
    ``itemprop="articleBody"``) for the body, and a layout's ``body_xpath`` the first it matches:
    the chunks below it were lost (a short story whose second half a redesign put in a second
    container after an ad: F1 0.41), or the generic path read a wider frame, headline and date
    included. Chunks are ``<div>``, ``<section>`` or ``<article>`` siblings with a class or an
    ``itemprop`` and paragraphs (``<p>`` children, or text ``<div>``s: :func:`_text_div`), one of
    them holding :data:`_CHUNK_PARAGRAPHS` prose paragraphs (over 60 characters outside links),
    or two of them :data:`_LONE_RUN` twice of prose (a short story cut once); a chunk of one
    prose paragraph under a linked headline is a teaser card, and a grid of those (three or more
    of one excerpt each) is left alone. Only elements and text of no more than a label's length
    (:data:`_DIV_PROSE`: an ad slot, an empty box, "Advertisement") may lie between the chunks;
    they are moved into the joined chunk with them, so the page's text keeps its order. The text
    divs of a chunk joined to one of ``<p>``s are made ``<p>``s: one story's paragraphs
    (trafilatura reads no ``<div>`` text beside ``<p>``s; a story whose second half was written as
    divs lost it, F1 0.60).
    """
    # the possible chunks holding <p>s (their prose paragraphs counted only for a run of two or
    # more), then those of text divs beside them, with theirs
    counts: dict[Any, int] = {}
    for p in tree.iter("p"):
        if (parent := p.getparent()) is not None and parent.tag in _CHUNK_TAGS:
            counts[parent] = -1
    if not counts:
        return
    in_p = set(counts)
    done: set[Any] = set()
    for seed in list(in_p):
        if seed in done:
            continue
        key = _join_key(seed)
        first = at = seed  # (a chunk of text divs may come before the first of <p>s)
        while (prev := _chunk_beside(at, "getprevious", key, counts)) is not None:
            # (``at``: its place among the siblings, the wrapper a chunk found inside one: the run
            # goes on from there, not from the chunk, which has no sibling in its wrapper)
            at, first = prev, _peeled(prev)
        run, between = [first], []
        sib = at.getnext()
        while sib is not None and len(" ".join((sib.getprevious().tail or "").split())) <= _DIV_PROSE:
            if _is_chunk(inner := _peeled(sib), key, counts):
                run += [*between, inner]
                between = []
            elif not isinstance(sib.tag, str) or _short(sib):
                between.append(sib)
            else:
                break
            sib = sib.getnext()
        chunks = [el for el in run if el in counts]
        done.update(chunks)
        if len(chunks) < 2:  # most pages: one element holds the story's paragraphs
            continue
        for c in chunks:
            if counts[c] < 0:
                counts[c] = sum(_own_prose(x) > 60 for x in c.iterchildren("p"))
        # (a box of no prose paragraph closing the run, a credit's or a note's, is no chunk of an
        # unclassed story's: the story's two halves around their ad slot are joined without it)
        while (not _keyed(first) and len(chunks) > 2 and _own_prose(chunks[-1]) < _LONE_RUN
               and (not counts[chunks[-1]] or (counts[chunks[-1]] < _CHUNK_PARAGRAPHS
                                               and not _slot_in(run, chunks[-2], chunks[-1])))):
            # (... nor one of a paragraph after the story's last chunk with no slot between, right
            # after it or past a tag line: an app's or a newsletter's promo box, "Unduh aplikasi
            # …", "Subscribe to our newsletter": the halves were not joined)
            run = run[: run.index(chunks.pop())]
            while run and run[-1] not in chunks:
                run.pop()
        # (nor a box opening it with no prose paragraph, or of text divs of a sentence or two: the
        # headline's box with its rubric, a photo's box and its caption, above the story's first
        # half: the halves around their ad slot were not joined, and the second was lost; nor a
        # box of under two prose paragraphs right above the first half with no slot between them,
        # which unclassed chunks always have: a photo's box and its caption <p>, the headline's
        # box with its byline and key points)
        while (not _keyed(first) and len(chunks) > 2
               and ((_own_prose(chunks[0]) < _LONE_RUN
                     and (not counts[chunks[0]]
                          or (chunks[0] not in in_p and counts[chunks[0]] < _CHUNK_PARAGRAPHS)))
                    or (counts[chunks[0]] < _CHUNK_PARAGRAPHS and not _slot_in(run, chunks[0], chunks[1])))):
            chunks.pop(0)
            run = run[run.index(chunks[0]):]
            first = run[0]
        if not _keyed(first) and not _slots_between(run, chunks, counts):
            continue  # unclassed siblings side by side: a story's box and another, not its chunks
        # a story's chunks: one holds two paragraphs or more, or a short story's two halves hold
        # two long runs' worth of prose (a grid of cards is three or more of one excerpt each)
        enough = max(counts[c] for c in chunks) >= _CHUNK_PARAGRAPHS or (
            len(chunks) == 2 and sum(map(_own_prose, chunks)) >= 2 * _LONE_RUN
        )
        if enough and not _keyed(first) and comments.may_hold_thread(tree) \
                and any(comments.in_thread(c, tree) for c in chunks[1:]):
            continue  # (a readers' thread below the story, an emptied box between: no chunk of it)
        if enough and not any(_teaser_chunk(c, counts) for c in chunks):
            if any(c in in_p for c in chunks):  # one story: a chunk of text divs beside <p>s is paragraphs
                for c in chunks:
                    if c not in in_p:
                        _as_paragraphs([d for d in c if d.tag == "div" and _text_div(d)])
            _join(first, run[1:])


def _slot_in(run: list[Any], a: Any, b: Any) -> bool:
    """Is there an ad slot (:func:`_empty_box`) between ``a`` and ``b`` in ``run``?"""
    return any(_empty_box(el) for el in run[run.index(a) + 1 : run.index(b)])


def _empty_box(el: Any) -> bool:
    """An element with no text and no image: an ad slot whose ``<iframe>`` and ``<script>``
    :func:`strip_junk` removed (a photo between two boxes is a story's figure, not a slot)."""
    return isinstance(el.tag, str) and not el.text_content().strip() and next(el.iter("img"), None) is None


def _teaser_chunk(chunk: Any, counts: dict[Any, int]) -> bool:
    """Is ``chunk`` (:func:`join_chunks`) a teaser card: a linked headline over one prose
    paragraph, its excerpt? A chunk of no prose paragraph under a linked heading is the story's
    last chunk, its embeds and a newsletter's sign-up link (a story cut in three around two ad
    slots, whose last chunk was its tweets and that link, was left in three: F1 0.62)."""
    return 0 < counts[chunk] < _CHUNK_PARAGRAPHS and bool(_LINKED_HEADING(chunk))


def _keyed(el: Any) -> bool:
    return bool(el.get("class") or el.get("itemprop"))


def _slots_between(run: list[Any], chunks: list[Any], counts: dict[Any, int]) -> bool:
    """Do the chunks of ``run`` with no class (:func:`join_chunks`) each have an element with no
    text and no image before the next (an ad slot whose ``<iframe>`` and ``<script>``
    :func:`strip_junk` removed), and each hold :data:`_CHUNK_PARAGRAPHS` prose paragraphs or
    :data:`_LONE_RUN` characters of prose (``counts``: their prose paragraphs; a photo's
    caption box is no chunk)?

    Recognizes a story cut in two unclassed containers around an ad slot: once a redesign also
    dropped the class names, the chunks had no key and the second half was lost (Zyte tuning
    page so rewritten: F1 0.63). Unclassed siblings side by side with nothing between (a story's
    box, then a box of other paragraphs) are not joined."""
    if any(counts[c] < _CHUNK_PARAGRAPHS and _own_prose(c) < _LONE_RUN for c in chunks):
        return False
    gap = False
    for el in run[1:]:
        if el in chunks:
            if not gap:
                return False
            gap = False
        elif _empty_box(el):
            gap = True
    return True


def _is_chunk(el: Any, key: tuple[Any, ...], counts: dict[Any, int]) -> bool:
    """Is ``el`` a chunk of ``key``: an element of that key holding ``<p>``s (in ``counts``), or
    text divs (then counted in ``counts`` too)?"""
    if el in counts:
        return _join_key(el) == key
    if not isinstance(el.tag, str) or _join_key(el) != key:
        return False
    if _short(el):  # (a box of empty or label divs: a share bar, a slot, not a chunk)
        return False
    if divs := [d for d in el if d.tag == "div" and _text_div(d)]:
        counts[el] = sum(_own_prose(d) > 60 for d in divs)
        return True
    # (its paragraphs one level down, in a bare <div>: a paragraph of <br> runs written as a
    # <div>, whose runs are <p>s now; the story's second half after the slot was lost, F1 0.63;
    # a chunk of the story's class only: an unclassed footer's box so made was joined to a story)
    if _keyed(el) and (inner := [d for d in el if d in counts and d.tag == "div" and not d.attrib]):
        counts[el] = sum(_own_prose(x) > 60 for d in inner for x in d.iterchildren("p"))
        return True
    return False


def _chunk_beside(el: Any, step: str, key: tuple[Any, ...], counts: dict[Any, int]) -> Any | None:
    """The nearest chunk of ``key`` before (``step``: "getprevious") ``el``, past elements of a
    label's length at most (the sibling itself: the chunk is :func:`_peeled` of it), or None."""
    sib = getattr(el, step)()
    while sib is not None and len(" ".join((sib.tail or "").split())) <= _DIV_PROSE:
        if _is_chunk(_peeled(sib), key, counts):
            return sib
        if isinstance(sib.tag, str) and not _short(sib):
            return None
        sib = getattr(sib, step)()
    return None


def _peeled(el: Any) -> Any:
    """``el``, or the box a chain of bare ``<div>``s around it holds (no attribute, no text, one
    child each: a layout's own wrappers, which :func:`bare_wrappers` leaves), for
    :func:`join_chunks` to find a chunk so wrapped beside the one before it."""
    while el.tag == "div" and not el.attrib and len(el) == 1 and _bare(el) and el[0].tag in _CHUNK_TAGS:
        el = el[0]
    return el


def _text_div(div: Any) -> bool:
    """Does ``div`` hold text and no block element (a paragraph written as a ``<div>``)?"""
    if not (len(div) or (div.text or "").strip()):
        return False
    return not any(c.tag in _BLOCK_TAGS or _boxed(c) for c in div)


def _join(first: Any, rest: list[Any]) -> None:
    """Move ``rest`` (siblings after ``first``, in order) into ``first``: the chunks among them
    (``first``'s tag and class) give their text and children, the other elements themselves."""
    after, rest[-1].tail = rest[-1].tail, None
    tail, first.tail = first.tail, None
    _append_text(first, tail)
    for el in rest:
        tail, el.tail = el.tail, None
        if isinstance(el.tag, str) and _join_key(el) == _join_key(first):
            _append_text(first, el.text)
            for child in list(el):
                first.append(child)
            el.getparent().remove(el)
        else:
            first.append(el)
        _append_text(first, tail)
    first.tail = after


def _join_key(el: Any) -> tuple[Any, ...]:
    # (a box of the story's class is one of its chunks whatever its name: a redesign that wrote
    # one chunk as an <article> and the next as a <div>, or as a custom element, cut it in two)
    return ("box" if el.tag in _CHUNK_TAGS else el.tag, el.get("class"), el.get("itemprop"))


def _append_text(el: Any, text: str | None) -> None:
    """Add ``text`` at the end of ``el``'s content (its last child's tail, or its own text)."""
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def extract_body(
    tree: Any,
    layout: Layout = GENERIC_LAYOUT,
    signals: dict[str, Any] | None = None,
    host: str | None = None,
) -> list[str]:
    """Prune boilerplate, run trafilatura, and return its text lines (not yet cleaned).

    A layout's ``body_xpath`` is a hint, never a cliff: when it matches nothing, or its container
    gives less of the page's prose than the generic path would (:func:`_site_holds`), the generic
    path's lines are returned and ``signals["layout_drift"]`` says why ("missed" or "short"), so
    a crawl counts a site's redesign the day it happens instead of storing worse data.
    """
    # a page saved or re-hosted without its URL names its site in its og:url: the same-site tests
    # (a paragraph that is one link to another of the site's stories) still know the site
    host = host or metadata.domain(next(iter(_CANONICAL(tree)), "")) or None
    strip_junk(tree)
    inline = custom_boxes(tree)
    bare_wrappers(tree)
    span_blocks(tree, inline)
    br_paragraphs(tree)
    div_paragraphs(tree)
    if layout_tables(tree):
        bare_wrappers(tree)  # (the boxes of a layout table's one cell, now <div>s)
    join_chunks(tree)
    if not layout.body_xpath:
        return _generic_body(tree, layout.prune_xpaths, host)
    found = _site_container(tree, layout.body_xpath)
    if found is None:
        drift = "missed"
        lines = _generic_body(tree, (), host)
    else:
        page = _alone(found)  # a copy: the page stays whole for the generic path
        boilerplate.prune(page, layout.prune_xpaths, host)
        text = _trafilatura(page)
        if _short_for(text, page):
            full = _trafilatura(page, fast=False)
            if full and len(full) > 2 * len(text or ""):
                text = full
        site = text.splitlines() if text else []
        if _site_holds(site, tree, found):
            return site
        generic = _generic_body(tree, (), host)
        if not _generic_better(site, generic):
            return site
        drift, lines = "short", generic
    if signals is not None:
        signals["layout_drift"] = drift
    return lines


def _site_container(tree: Any, xpath: str) -> Any | None:
    try:
        found = tree.xpath(xpath)
    except etree.XPathError:  # a broken selector is a missed one, not a lost page
        return None
    if not isinstance(found, list):  # a number or a boolean: not an element
        return None
    return next((el for el in found if isinstance(getattr(el, "tag", None), str)), None)


# Text of prose blocks: a paragraph's runs or a <br>-separated run, outside links. What a page
# holds in these is what its article body should give back (measured, not guessed from markup).
_PROSE_TEXT = XPath(
    "descendant::text()[string-length(normalize-space(.)) > 40][not(ancestor::a)]"
    "[not(ancestor::script)][not(ancestor::style)]"
)


def _prose_words(el: Any) -> int:
    return sum(len(t.split()) for t in _PROSE_TEXT(el))


def _words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(x)) for x in boilerplate.clean_lines(lines).paragraphs)


def _site_holds(site: list[str], tree: Any, container: Any) -> bool:
    """The site's container gave a body holding most of the page's prose: no need for a second look.

    Cheap evidence first (counted in C): the words of long non-link text runs in the container
    against the whole page's; then the words the extraction kept against the container's.
    """
    words = _words(site)
    if words < MIN_WORDS:
        return False
    body = tree.find("body")
    page = _prose_words(body if body is not None else tree)
    inside = _prose_words(container)
    return inside >= 0.8 * page and words >= 0.6 * inside


def _generic_better(site: list[str], generic: list[str]) -> bool:
    """The generic path keeps clearly more of the prose than the site's container, and the same
    story: its words cover the site's (so it is not a comment thread or a teaser list instead)."""
    s_words, g_words = _words(site), _words(generic)
    if g_words < MIN_WORDS:
        return False
    if s_words < MIN_WORDS:
        return True
    if g_words < 1.2 * s_words + 10:
        return False
    s_vocab = {w.casefold() for x in site for w in _WORD.findall(x)}
    g_vocab = {w.casefold() for x in generic for w in _WORD.findall(x)}
    return len(s_vocab & g_vocab) >= 0.7 * len(s_vocab)


def _generic_body(tree: Any, prune_xpaths: tuple[str, ...], host: str | None = None) -> list[str]:
    """The page as if no site were known: the main container (a copy), else the whole tree."""
    target = tree
    text = None
    texts = None  # the paragraph texts of target, when already taken
    drop_teaser_cards(tree, host)
    # no word of a thread's heading in the page: none in its container or their copies either
    keyed = comments.may_hold_thread(tree)
    container, of_runs = _main_container(tree)
    if container is not None and keyed and comments.in_thread(container, tree, keyed=True):
        container = None  # a comment thread outweighing a story written as runs: the page it is
    if container is not None:
        # boilerplate rules on the container's copy only: the rest of the page is not read
        page = _alone(container)
        boilerplate.prune(page, prune_xpaths, host)
        _links_read(page, tree, host)
        text = _trafilatura(page, threads=keyed)
        if of_runs:
            page, text = _headed_runs(container, page, text, prune_xpaths, host)
        else:
            page, text = _lost_lists(container, page, text, prune_xpaths, host)
        if of_runs == _OF_LIST:
            text = _listed(page, text)
        texts = _paragraph_texts(page)
        # trafilatura can lose its way in a bare container (on two Fundus pages it kept one
        # block of 40 paragraphs): then the whole page it is, as if never narrowed
        if len(text or "") < 0.5 * sum(map(len, texts)):
            text = texts = None
        else:
            target = page
    if text is None:
        boilerplate.prune(tree, prune_xpaths, host)
        _links_read(tree, tree, host)
        text = _trafilatura(tree, threads=keyed)
    if _short_for(text, target, texts):
        # fast mode took one block of a page with far more prose (a live blog's intro, say):
        # let trafilatura's full mode, with its fallbacks, have a look
        full = _trafilatura(target, fast=False, threads=keyed)
        if full and len(full) > 2 * len(text or ""):
            text = full
    if text and target is not tree and container is not None:
        flat = " ".join(text.split())
        if box := summary_box(container, flat):
            text = "\n".join([*box, text])
        elif lead := _dated_lead(container, flat):
            text = "\n".join([lead, text])
    return text.splitlines() if text else []


_LEAD_TRIES = 3  # siblings before the container looked at
_LEAD_MAX = 600  # characters: a lead paragraph, not a block of other stories


def _dated_lead(container: Any, flat: str) -> str | None:
    """Rule "dated lead": the story's first paragraph in a block of its own just before the
    container found ("<div class=short-desc>INDOSPORT.COM - Dewa United menang 3-1 …</div>"
    above "<div class=content-detail>"), known by the dateline it opens with, when the text
    does not hold it: a dateline opens a story, never a teaser or a caption. The same for such a
    block inside the container, above the first line the text holds: a live report's lead written
    as a ``<div>`` in its own box above the ``<p>``s of its entries, which trafilatura passed over
    (F1 0.82)."""
    bare = "".join(flat.split())  # (compared without whitespace: a <br> reads as none in the tree)
    for i, el in enumerate(container.iter("div", "p", "section")):
        if i >= _LEAD_INSIDE:
            break
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el):
            continue  # (a box of blocks: its blocks are looked at in turn)
        line = " ".join(el.text_content().split())
        if len(line) >= 60 and "".join(line.split())[:_LEAD_KEY] in bare:
            break  # the story's lines begin: no lead above them was lost
        if _lost_lead(line, bare, dash=True):
            return line
    el = container
    for _ in range(_LEAD_TRIES):
        el = el.getprevious()
        while el is not None and not isinstance(el.tag, str):
            el = el.getprevious()
        if el is None:
            return None
        line = " ".join(el.text_content().split())
        if len(line) > _LEAD_MAX:
            return None
        if len(line) < 60 or el.tag in ("h1", "h2", "h3", "figure", "img", "nav", "header", "aside"):
            continue
        if _lost_lead(line, bare):
            return line
    return None


_LEAD_INSIDE = 40  # elements of the container looked at, in page order, for a lead it lost


def _lost_lead(line: str, bare: str, dash: bool = False) -> bool:
    """Is ``line`` a story's first paragraph opening with a dateline that names its source (or,
    ``dash``, its place before a dash: "Bandung - Persib …"), and missing from the text ``bare``
    (the extraction without its whitespace)? (A place alone before a colon may be a label's,
    "Grafis: …", a byline's "Oleh …".)"""
    if not 60 <= len(line) <= _LEAD_MAX:
        return False
    rest, place, source = boilerplate.dateline(line)
    named = source or (dash and place and _PLACE_DASH.match(line))
    return bool(named and len(rest) >= 60 and "".join(rest.split())[:_LEAD_KEY] not in bare
                and not boilerplate.CREDIT_LINE.match(line))


_LEAD_KEY = 35  # characters (whitespace aside) of a line's opening looked for in the extraction


# a place of one to three words, nothing else, before the dash ("Bandung -", "Kota Batu –"; not a
# byline's "By Jason Cipriani | November 18, 2019 --")
_PLACE_DASH = re.compile(r"^\W{0,3}(?!(?i:by|oleh)\b)[^\W\d_]+(?:[ ,]{1,2}[^\W\d_]+){0,2}\s*[-–—]")


_BOX_ITEMS = (2, 6)  # a story's key points: a few sentences, not a list of links or a menu
_BOX_ITEM = (40, 400)  # characters of one point: a sentence, not a label or a paragraph's block
_BOX_LABEL = 40  # characters of the box's own text outside its list ("Key Points", "Poin Penting")
_BOX_SHARE = 0.4  # of the story's text at most: a summary of the story, not a story beside it
_BOX_LEVELS = 8  # ancestors of the story's first paragraph walked up (a redesign may wrap each block)
_BOX_SKIP = 600  # characters: a sibling this short with no prose paragraph (a photo's caption, a byline,
# a standfirst) is passed over
_BOX_FIRST = 8  # the story's first paragraph: among the container's first prose paragraphs
_BOX_LABEL_TEXT = XPath("descendant-or-self::text()[normalize-space()][not(ancestor::li)]"
                         "[not(ancestor::script or ancestor::style)]")
_BOX_MARKED = XPath("descendant-or-self::*[@class or @id][not(ancestor::li)]")
# A summary's label, in the languages of the pages read (English, Indonesian, German)
_SUMMARY = re.compile(
    r"(?i)\b(?:key (?:points|takeaways|facts)|takeaways|highlights|summary|in brief|at a glance|tl;?dr"
    r"|what you need to know|poin(?:-poin)? (?:penting|utama)|ringkasan|intisari|sorotan|rangkuman"
    r"|das wichtigste|auf einen blick|zusammenfassung|kurz und knapp)\b"
)
_SUMMARY_MARK = re.compile(
    r"(?i)key-?_?points?|takeaways?|highlights|summary|tl-?_?dr|ringkasan|intisari|poin-?penting"
)
_NOT_BOX = frozenset("a script style nav header footer form aside figure p table".split())
_SEEN_TEXT = XPath("descendant-or-self::text()[normalize-space()][not(ancestor::script or ancestor::style)]")


def _seen(el: Any) -> str:
    return " ".join(" ".join(_SEEN_TEXT(el)).split())


def summary_box(container: Any, flat: str) -> list[str]:
    """The points of the story's summary box directly before its first paragraph and missing from
    ``flat`` (the text extracted, whitespace folded), or [].

    A news page may print its story's key points as a short list in a box of its own above the body
    ("Key Points", "Highlights", "Poin Penting", "Ringkasan"), inside the same article; trafilatura,
    reading the container found, dropped the box as a list outside the story's paragraphs, though
    it is the story's own text (Fundus's ground truth keeps it; Zyte's keeps a kept one).
    The box is the nearest sibling before the first paragraph of the story (or before one of its
    ancestors, eight levels up at most, below <body>: the container found may be the story's
    paragraphs only, or its whole page) that is not a short block without a prose paragraph (a
    photo's caption, a byline, a standfirst), when it is a list of 2 to 6 points, each a sentence
    (40 to 400 characters) mostly outside links, its other text a label at most, its text under
    two fifths of the story's, named a summary by its label or its class. A standfirst written as
    a paragraph is not such a box (the two benchmarks disagree on those), nor a list of headlines,
    nor a list below the story's start, nor a box whose points the text already holds (Zyte's gold
    leaves such a box out, Fundus's keeps it).
    """
    first, tried = None, 0
    for p in container.iter("p"):  # (lazily: the story's first paragraph is near the container's top)
        head = " ".join(p.text_content().split())
        if len(head) <= 60:
            continue
        # (a run made a paragraph is the story's too: a story whose first chunk a redesign wrote
        # as <br> runs lost its key points box, walked to from its second chunk past the first)
        if head[:50] in flat:
            first = p
            break
        tried += 1
        if tried >= _BOX_FIRST:
            return []
    if first is None:
        return []
    el = first
    for _ in range(_BOX_LEVELS):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return []
        prev = el.getprevious()
        while prev is not None:
            if not isinstance(prev.tag, str):
                prev = prev.getprevious()
                continue
            listed = prev.tag in ("ul", "ol") or prev.find(".//li") is not None
            # (the text shown read only for a list, or for a block that may hold prose: cheap)
            raw = 0 if listed else len(prev.text_content())
            if raw > _BOX_ITEM[0] or listed:
                if listed and (points := _box_points(prev, len(flat))):
                    # half the points' openings or more in the text (trafilatura kept the box, or
                    # the story says them again): nothing to add, a box repeated is no new text
                    # (added so, a held-back Zyte page's precision fell: its gold leaves such a box
                    # out, Fundus's keeps it); else the box was dropped whole
                    kept = sum(maintext.found_in(flat, [x[:40] for x in points]))
                    return [] if 2 * kept >= len(points) else points
                if (listed or raw > _BOX_SKIP) and len(_seen(prev)) > _BOX_SKIP or _PROSE_P(prev):
                    return []  # a block of prose (another story, a part of this one): no box before it
            prev = prev.getprevious()
        el = parent
    return []


def _box_points(box: Any, story: int) -> list[str]:
    if box.tag in _NOT_BOX:
        return []
    lists = [box] if box.tag in ("ul", "ol") else list(box.iter("ul", "ol"))
    if len(lists) != 1 or lists[0].find(".//li//li") is not None:
        return []
    items = [li for li in lists[0].iterchildren("li")]
    if not _BOX_ITEMS[0] <= len(items) <= _BOX_ITEMS[1]:
        return []
    points = []
    for li in items:
        text = " ".join(li.text_content().split())
        linked = sum(len(" ".join(a.text_content().split())) for a in li.iter("a"))
        if not _BOX_ITEM[0] <= len(text) <= _BOX_ITEM[1] or 2 * linked > len(text):
            return []
        points.append(text)
    whole = _seen(box)
    if len(whole) - sum(map(len, points)) - len(points) > _BOX_LABEL or len(whole) > _BOX_SHARE * story:
        return []
    # named a summary by its label or its markup: a list of sentences before a story may be a
    # teaser list without links or a standfirst written as bullets, not the story's summary
    label = " ".join(_BOX_LABEL_TEXT(box))
    marks = " ".join(f"{el.get('class', '')} {el.get('id', '')}" for el in _BOX_MARKED(box))
    if not (_SUMMARY.search(label) or _SUMMARY_MARK.search(marks)):
        return []
    return points


def _links_read(target: Any, tree: Any, host: str | None) -> None:
    """What links hold that is not the story, out of ``target`` (the element the body is read
    from, ``tree`` its page): cards that are one link each, labels for screen readers, lists of
    linked headlines."""
    cards, labelled = [], []
    for a in target.iter("a"):  # (one walk in C; most links hold no element)
        if len(a):
            if next(a.iter(*_CARD_TEXT), None) is not None:
                cards.append(a)
            elif any(k in a.text_content().lower() for k in _NEW_TAB_SAID):
                labelled.append(a)
    drop_link_cards(target, host, tree, cards)
    drop_link_labels(labelled)
    drop_headline_lists(target, host, tree)


_HEADLINE_WORDS = 4  # a linked item this long reads as a headline, not a name or a label
_LIST_HEADING_WORDS = 4  # "Recommended", "Berita Terkait", "Baca juga": a list's own heading
_HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def drop_headline_lists(target: Any, host: str | None, page: Any) -> None:
    """Remove the lists of linked headlines of the site's other articles from ``target``, in place,
    with their short heading.

    A "Recommended" / "Berita Terkait" box inside the story is a ``<ul>`` whose every item is
    one link to an article of the site, its text a headline. trafilatura drops it by its class
    ("related"); once a redesign renamed it, it was read as a list of the story's (four
    headlines in a story's middle, F1 0.93). Two or more items, each with :data:`_HEADLINE_WORDS`
    words or more, nine tenths of each item's text in its link to an article of the site
    (:func:`_article_link`). A story's list of names, places or sources (short, not linked, or
    linking elsewhere) stays.
    """
    lists = [x for x in target.iter("ul", "ol") if next(x.iter("a"), None) is not None]
    if not lists:
        return
    site = _page_site(host, page)
    if site is None:
        return
    for lst in lists:
        items = [li for li in lst if li.tag == "li"]
        if len(items) < 2 or not all(_headline_item(li, site) for li in items):
            continue
        heading = lst.getprevious()
        if (
            heading is not None
            and not (heading.tail or "").strip()
            and (heading.tag in _HEADING_TAGS or next(heading.iter("a"), None) is None)
            and 0 < len(heading.text_content().split()) <= _LIST_HEADING_WORDS
        ):
            heading.drop_tree()  # (a heading's link is the section's: "Trump Impeachment Inquiry More")
        lst.drop_tree()


def _headline_item(li: Any, site: str) -> bool:
    text = " ".join(li.text_content().split())
    if len(text.split()) < _HEADLINE_WORDS:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in li.iter("a") if _article_link(a, site))
    return linked >= 0.9 * len(text)


_CARD_MIN = 3  # sibling cards: fewer is a story's own blocks, not a grid
_CUT = ("…", "...", "[…]", "[...]")


def drop_teaser_cards(tree: Any, host: str | None = None) -> None:
    """Remove a grid of teaser cards from the page, in place, when the page has prose outside it.

    A card is one of three or more sibling elements of one tag, each holding one paragraph of
    prose (over 60 characters, outside links; no other paragraph or run of prose) and a link;
    the grid is teasers when half or more of those paragraphs are cut short with an ellipsis
    (excerpts of other stories). Without the ellipsis, the cards of a grid whose paragraph comes
    after a linked headline to an article of the page's site (:func:`_headline_link`; the site
    from ``host``, else the page's ``og:url``) are teasers when there are three or more
    and the prose beside them outweighs them (a redesign that wraps each block of the story in
    a ``<div>`` puts a teaser list inside the story among its blocks: those stay, the teasers go).
    trafilatura leaves such a grid out of a page as published when its frame is the story's
    ``<article>`` and the cards are ``<article>``s after it, or by their class names; once a
    redesign makes them ``<div>``s, renames their classes, or makes the story's ``<p>`` a ``<br>``
    run, the grid was extracted with the story or instead of it. The story beside the grid may be
    one ``<div>`` of text (a one-paragraph story once a redesign writes its ``<p>`` as a div).

    A card's headline may be a paragraph that is one link (``<p><a>Judul …</a></p>``): it is no
    paragraph of prose of the card (:func:`_linked_only`). Two cards under linked headlines of the
    site make a grid with their siblings of the same tag under such a headline whose excerpt is too
    short to be prose (60 characters or fewer), when they are three or more together.
    """
    # most pages have no three paragraphs ending in an ellipsis: told by a walk over the <p>s
    # (their text taken in C), cheaper than the XPath below
    cut = sum(p.text_content().rstrip().endswith(_CUT) for p in tree.iter("p")) >= _CARD_MIN
    # cards after a link (a card's headline) are as rare: an XPath in C; then the site, from
    # the page's URL, else its og:url (a copy re-hosted or saved without its URL)
    site = None
    if _headed_paragraphs(tree, _CARD_MIN - 1):  # (two, and a third card with a short excerpt)
        site = _page_site(host, tree)
    if not cut and site is None:
        return
    every = _PROSE_P(tree)
    # a paragraph that is one link is a card's headline (``<p><a>Judul …</a></p>`` above its
    # excerpt), not a second paragraph of prose in the card
    prose = [p for p in every if not _linked_only(p)]
    runs = _RUN_P(tree)
    held: dict[Any, int] = {}  # paragraphs and runs of prose below each element
    for p in (*prose, *runs):
        for anc in p.iterancestors():
            held[anc] = held.get(anc, 0) + 1
    grids: dict[Any, list[tuple[Any, str, Any]]] = {}
    for p in prose:
        card = None
        for anc in p.iterancestors():
            if held[anc] > 1 or anc.tag in ("body", "html"):
                break
            card = anc
        if card is not None and card.getparent() is not None and next(card.iter("a"), None) is not None:
            grids.setdefault(card.getparent(), []).append((card, " ".join(p.text_content().split()), p))
    total = sum(len(x.text_content()) for x in (*every, *runs))
    for parent, cards in grids.items():
        cards = [x for x in cards if x[0].tag == cards[0][0].tag]
        if len(cards) < _CARD_MIN - 1:
            continue
        short: list[Any] = []  # cards of the grid whose excerpt is too short to be prose
        if len(cards) < _CARD_MIN or not cut or 2 * sum(t.endswith(_CUT) for _c, t, _p in cards) < len(cards):
            if site is None:
                continue
            # teasers of other stories of the site, each under its linked headline; among the
            # story's own blocks when a redesign wraps each block, the teaser list's included
            cards = [x for x in cards if _headline_link(x[0], x[2], x[1], site)]
            if len(cards) == _CARD_MIN - 1:
                # two teasers, and siblings alike with no paragraph of prose (an excerpt of a few
                # words: "Tips hemat listrik.") under a linked headline to an article of the site
                tag = cards[0][0].tag
                short = [c for c in parent
                         if c.tag == tag and c not in held and _headline_link(c, None, "", site)]
            grid = sum(len(t) for _c, t, _p in cards)
            if len(cards) + len(short) < _CARD_MIN or (total - grid < grid and not _headed_related(parent)):
                continue
        beside = total - sum(len(t) for _c, t, _p in cards)
        if beside < _LONE_RUN and beside + _one_div_stories(tree) < _LONE_RUN:  # no story beside the grid
            continue
        for card in (*(c for c, _t, _p in cards), *short):
            card.drop_tree()


def _headed_related(grid: Any) -> bool:
    """Is ``grid`` (a parent of teaser cards) headed as a list of other stories ("Berita Terkait",
    "Baca Juga", "More stories": :data:`kliping.clean.boilerplate.FAMILIES`' related headings), by
    its first child or by the element before it?

    Such a grid is teasers even when its excerpts outweigh the story beside it: a short story
    under a grid of six linked headlines with an excerpt each, once a redesign dropped the class
    names that pruned it, was read with the grid (or the grid instead of it: Indonesian tuning
    page so rewritten, F1 0.40). A listicle's items under linked headlines are no such grid."""
    related = boilerplate.FAMILIES["related_header"]
    for el in (next(grid.iterchildren(), None), grid.getprevious()):
        if el is not None and isinstance(el.tag, str) and el.find(".//p") is None:
            text = " ".join(el.text_content().split())
            if 0 < len(text) <= 60 and related.search(text):
                return True
    return False


def _linked_only(p: Any) -> bool:
    """Is all of ``p``'s text (nine tenths or more) inside links?"""
    if next(p.iter("a"), None) is None:  # (most paragraphs: no link)
        return False
    size = len("".join(p.text_content().split()))
    return sum(len("".join(a.text_content().split())) for a in p.iter("a")) >= 0.9 * size


# what makes a link a card: a heading or a paragraph inside it (HTML5 lets a whole card be one link)
_CARD_TEXT = ("p", "h2", "h3", "h4", "h5", "h6")


def drop_link_cards(
    tree: Any, host: str | None = None, page: Any = None, links: list[Any] | None = None
) -> None:
    """Remove a grid of cards that are each one link to another article of the page's site, in
    place, when the page has a story beside it.

    A "Latest stories" or "Baca juga" grid written as ``<a href=…><h3>Judul</h3><p>Ringkasan …
    </p></a>`` puts its headlines and excerpts inside the link: trafilatura's link-density tests
    weigh the links inside a block, not the one around it, so such a grid reads as prose. The
    page as published loses it by its class names; renamed, it was read as the story's closing
    lines (a podcast page's two paragraphs followed by three teasers: F1 0.64). A card is the
    highest element whose whole text is the link's; three or more cards of one tag under one
    parent, each linking to an article of the site (:func:`_headline_link`'s test), with
    :data:`_LONE_RUN` characters of prose outside links on the page, are dropped. A product
    grid (its links go to shops) and a listing page (no story beside it) stay. ``page``: the
    page ``tree`` is part of (a copy of its main container), for its ``og:url``.
    """
    if links is None:  # links with a child (most have none) holding a heading or a paragraph
        links = [a for a in tree.iter("a") if len(a) and next(a.iter(*_CARD_TEXT), None) is not None]
    if len(links) < _CARD_MIN:  # most pages
        return
    page = tree if page is None else page  # (its og:url, when no host is given)
    site = _page_site(host, page)
    if site is None:
        return
    grids: dict[Any, list[Any]] = {}
    for a in links:
        if not _article_link(a, site):
            continue
        size = len("".join(a.text_content().split()))
        if size == 0:
            continue
        card = a
        while (parent := card.getparent()) is not None and parent.tag not in ("body", "html") and (
            len("".join(parent.text_content().split())) == size
        ):
            card = parent
        if card.getparent() is not None:
            grids.setdefault(card.getparent(), []).append(card)
    grids = {g: cs for g, cs in grids.items() if len(cs) >= _CARD_MIN}
    if not grids:
        return
    # the story's prose: paragraphs, runs, or <div>s of one paragraph each (a redesign that wrote
    # each <p> as a <div>, two of them too few for div_paragraphs to call them a story's)
    beside = sum(len(x.text_content()) for x in (*_PROSE_P(tree), *_RUN_P(tree)))
    if beside < _LONE_RUN:
        beside += _one_div_stories(tree)
    if beside < _LONE_RUN:
        return  # a listing page, not a story with a grid beside it
    for cards in grids.values():
        same = [c for c in cards if c.tag == cards[0].tag]
        if len(same) >= _CARD_MIN:
            for card in same:
                card.drop_tree()


_CARD_META = 40  # characters: a teaser's date or section between its headline and its excerpt


def _headed_paragraphs(tree: Any, enough: int) -> bool:
    """Are there ``enough`` prose ``<p>``s (over 60 characters) right after an element that is or
    holds a link of over 15 characters (a card's linked headline, then its excerpt), or after
    such an element and one short line (``<h3><a>…</a></h3><span>08/1/2026 13:58</span><p>…``)?
    Walked by siblings, stopping at ``enough``: an XPath's ``preceding-sibling::*[1]`` walked each
    ``<p>``'s siblings, quadratic on a page of thousands."""
    found = 0
    for p in tree.iter("p"):
        if len(p.text_content()) <= 60:
            continue
        prev = p
        for _ in range(2):  # the headline, or the headline then a short line (the teaser's date)
            prev = prev.getprevious()
            while prev is not None and not isinstance(prev.tag, str):  # (a comment)
                prev = prev.getprevious()
            if prev is None or (prev.tag == "p" and not _linked_only(prev)):
                break  # (a paragraph of one link is a card's headline: <p><a>Judul …</a></p>)
            if any(a.get("href") is not None and len(a.text_content()) > 15 for a in prev.iter("a")):
                found += 1
                break
            if len(prev.text_content()) > _CARD_META:
                break
        if found >= enough:
            return True
    return False


# (its <link rel=canonical> is gone by then, with every <link>: see strip_junk)
_CANONICAL = XPath("/descendant::meta[@property='og:url']/@content")
# an article's path, as the generic site judges it (its last segment: a slug or an id)
_ARTICLE_PATH = re.compile(rf"/(?:{ARTICLE_SEGMENT})/?$")


def _headline_link(card: Any, p: Any, text: str, site: str) -> bool:
    """``card``'s paragraph ``p`` comes after a link, in the card, whose text reads as a headline
    (3 to 30 words, not the paragraph's own start) and whose address is an article of the page's
    site: a teaser of another story, not one of the story's own blocks (a product's name links to
    a shop, a listicle's item heading is no link, a link inside a paragraph is not before it)."""
    for el in card.iter():
        if el is p:
            return False
        if el.tag != "a":
            continue
        label = " ".join(el.text_content().split())
        if not 3 <= len(label.split()) <= 30 or text.startswith(label):
            continue
        if _article_link(el, site):
            return True
    return False


def _page_site(host: str | None, page: Any) -> str | None:
    """The site a page belongs to (:func:`boilerplate.site_domain`): from ``host``, else from the
    page's ``og:url`` (a copy re-hosted or saved without its URL)."""
    return boilerplate.site_domain(host or metadata.domain(next(iter(_CANONICAL(page)), "")))


def _article_link(a: Any, site: str) -> bool:
    """Does link ``a`` go to an article of ``site`` (its path ends as the generic site's do)?"""
    href = (a.get("href") or "").strip()
    if not boilerplate.internal_link(href, site):
        return False
    try:
        path = urlsplit(href).path
    except ValueError:  # an invalid address ("https://host:[80/..."): no article's
        return False
    return _ARTICLE_PATH.search("/" + path.lower()) is not None


def _one_div_stories(tree: Any) -> int:
    """Characters of prose (outside links) in ``<div>``s that are one paragraph each: no block
    inside, :data:`_LONE_RUN` characters or more (a short story written as one ``<div>``)."""
    total = 0
    for div in tree.iter("div"):
        if not any(c.tag in _BLOCK_TAGS for c in div) and (n := _own_prose(div)) >= _LONE_RUN:
            total += n
    return total


def _trafilatura(tree: Any, fast: bool | None = None, threads: bool = True) -> str | None:
    """trafilatura's text of ``tree`` with :data:`TRAFILATURA_SETTINGS` (``fast`` overriding);
    ``threads=False``: the caller knows the page holds no comment thread."""
    settings = TRAFILATURA_SETTINGS if fast is None else {**TRAFILATURA_SETTINGS, "fast": fast}
    # Readers' comments out by their headings, as their class names do when the theme has them.
    # Here, on what is extracted, not before the main container is chosen: without the thread,
    # more of the prose is the story's and the container search would go deeper than it does on
    # the page as published (below an Elementor story's headings, each in a widget of its own).
    if threads:
        comments.drop_threads(tree)
    return maintext.text(tree, settings)


# within the element given (a layout's body, a container), not its document
_PARAGRAPHS = XPath("descendant::p")


def _paragraph_texts(target: Any) -> list[str]:
    return [p.text_content() or "" for p in _PARAGRAPHS(target)]

# (Paragraphs made from <br> runs are not counted here: when a container of runs is narrowed to,
# trafilatura reads it as loose <p>s and drops its headings and lists (a deals page: F1 0.94 ->
# 0.85), and counting them made held-back redesigns worse. main_container() reads the page whole
# instead when the runs outside the element it chose outweigh that element's paragraphs. Only a
# page with under three prose paragraphs has its container found among its runs: runs_container(),
# which reads a container of runs under headings inside its ancestors' frame, _headed_runs().
# A run in a wrapper placed as the prose paragraphs' wrappers is counted with them: _runs_alike().)
_PROSE_P_PATH = (
    "descendant::p[not(@data-kliping-run)][not(ancestor::a)][string-length(normalize-space(.)) > 60]"
)
_PROSE_P = XPath(_PROSE_P_PATH)
# (a <p> of short lines under one another in the page's footer, "Dinas Kominfo …<br>Jl. Alun-Alun
# Utara No. 16", is an office's address, no prose: one of its texts is as long as a prose
# paragraph's, it has no <br>, or it is outside a footer known by its tag or class)
_STORY_P = XPath(
    _PROSE_P_PATH + "[not(br) or descendant::text()[string-length(normalize-space(.)) > 60]"
    " or not(ancestor::*[self::footer or contains(@class,'footer') or contains(@id,'footer')])]"
)
_RUN_P = XPath("descendant::p[@data-kliping-run][string-length(normalize-space(.)) > 60]")


def _alone(element: Any) -> Any:
    """A copy of ``element`` as the only child of a fresh <html><body>: trafilatura reads a root
    element's own leading text ("<div><strong>Jakarta</strong> - Pemerintah …<p>") only below a body."""
    html = decode.PARSER.makeelement("html")  # the parser's C class lookup, as for parsed pages
    body = etree.SubElement(html, "body")
    body.append(copy.deepcopy(element))
    body[0].tail = None
    return html


def _alone_framed(element: Any) -> Any:
    """A copy of ``element`` inside copies of its ancestors (their tags and attributes, not their
    other children): trafilatura finds a body frame by its class ("article-content") on an
    ancestor of the container, and inside a frame it keeps a body's headings and lists, which
    outside one it drops (a deals page of runs under headings lost every deal's name)."""
    html = decode.PARSER.makeelement("html")
    top = etree.SubElement(html, "body")
    for anc in reversed([a for a in element.iterancestors() if a.tag not in ("html", "body")]):
        top = etree.SubElement(top, anc.tag, dict(anc.attrib))
    top.append(copy.deepcopy(element))
    top[-1].tail = None
    return html


def main_container(tree: Any, share: float = 0.9) -> Any | None:
    """The innermost element holding ``share`` or more of the page's prose paragraphs, or None.

    Walked down from <body> one level at a time (the paragraphs found in C, counted per ancestor
    in one pass up from each). trafilatura's cost grows with the tree it is handed, so a page
    whose article sits in one container is extracted from that container: the navigation,
    sidebars and footers around it would be pruned anyway.
    """
    return _main_container(tree, share)[0]


def _main_container(tree: Any, share: float = 0.9) -> tuple[Any | None, bool | str]:
    """:func:`main_container`, and whether the element holds under three prose paragraphs (it was
    found by :func:`runs_container`: its prose is ``<br>`` runs), told from the paragraphs counted;
    :data:`_OF_LIST` (true too) when it was found by :func:`list_container`."""
    body = tree.find("body")
    node = body if body is not None else tree
    prose = _STORY_P(node)
    if len(prose) < 3:  # (an element inside holds fewer still)
        runs = list(_RUN_P(node))  # (read once, for both searches)
        found = runs_container(node, prose, runs)
        if found is not None:
            return found, True
        found = list_container(node, prose, runs)
        if found is None and (found := _one_div_story(node, prose, runs)) is not None:
            return found, True
        if found is None and (found := _two_paragraph_story(node, prose, runs)) is not None:
            return found, True
        return found, (_OF_LIST if found is not None else True)
    runs = _RUN_P(node)  # most pages have none: nothing to weigh
    if len(prose) < _FEW_PROSE:
        # a few prose <p>s (a caption, a promo or two) beside a story written as a list: the list's
        # container, when its items outweigh them (a redesign wrote the briefing's intro as a
        # <div> and cut the story around an ad: three captions and promos counted as its prose)
        items = _PROSE_ITEMS(node)
        listed = sum(len(li.text_content()) for li in items)
        if len(items) >= 3 and listed > 2 * sum(len(p.text_content()) for p in prose) \
                and (found := list_container(node, prose, runs)) is not None:
            return found, _OF_LIST
    top = node
    node = _innermost(node, [*prose, *_runs_alike(prose, runs)] if runs else prose, share)
    if node is body or node is tree:
        return None, False
    # The <br> runs are left out above; when those outside the element chosen hold more text than
    # its paragraphs, the story is the runs and the element a footer or a teaser box: read whole.
    # So when a run outside it is long enough to be a paragraph by itself (:data:`_LONE_RUN`) and
    # holds a fifth of its text: a story of one such run beside a box of posts with a paragraph
    # each (all the page's <p>s) is not inside the box (a quote page rewritten so gave the box).
    # Runs beside it holding half its text or more, below one of its ancestors: the story's
    # other half, read with it in that ancestor (:func:`_runs_frame`).
    if runs:
        beside = [r for r in runs if not _inside(r, node)]
        outside = [len(r.text_content()) for r in beside]
        inside = sum(len(p.text_content()) for p in prose if _inside(p, node))
        if sum(outside) > inside or max(outside, default=0) >= max(_LONE_RUN, inside / 5):
            # the story is runs; the paragraphs counted, a few captions or teasers beside it
            found = runs_container(top, prose, runs) if sum(outside) > inside else None
            return (found, True) if found is not None else (None, False)
        if 2 * sum(outside) >= inside and (frame := _runs_frame(node, beside, sum(outside))) is not None:
            return frame, False
    # node holds share * len(prose) of the prose paragraphs or more (_innermost): three or more
    # when that is over two (always, at the default share); else they are counted
    return node, share * len(prose) <= 2 and len(_PROSE_P(node)) < 3


_FEW_PROSE = 6  # prose <p>s: fewer may be a story list's captions and promos, not its story


def _one_div_story(node: Any, prose: list[Any], runs: list[Any]) -> Any | None:
    """The element holding a short story written as one text ``<div>`` (no block inside,
    :data:`_LONE_RUN` characters of prose or more outside links), or None: the parent of the
    page's one such ``<div>``, or of the longest when it holds twice the next one's prose, when
    it holds more than the page's prose paragraphs and runs together.

    A page with under three prose ``<p>``s, no body of runs and no story list was read whole; a
    podcast page whose one paragraph a redesign wrote as a ``<div>`` gave its photo captions
    (twice), its headline and its standfirst around the story once the class names that told
    trafilatura the body were gone (F1 0.73).
    """
    sizes = sorted(
        ((n, div) for div in node.iter("div")
         if not any(c.tag in _BLOCK_TAGS for c in div) and (n := _own_prose(div)) >= _LONE_RUN),
        key=lambda x: x[0], reverse=True,
    )  # fmt: skip
    if not sizes or (len(sizes) > 1 and sizes[0][0] < 2 * sizes[1][0]):
        return None
    size, div = sizes[0]
    if size <= sum(len(x.text_content()) for x in (*prose, *runs)):
        return None
    parent = div.getparent()
    if parent is None or parent is node or parent.tag in ("body", "html"):
        return None
    div.tag = "p"  # (its paragraph: trafilatura splits a <div>'s text at its inline elements)
    return parent


def _two_paragraph_story(node: Any, prose: list[Any], runs: list[Any]) -> Any | None:
    """The parent of a short story's two prose paragraphs, or None: both ``<p>``s in one element
    (or in sibling boxes of one tag: that box's parent), not the body, on a page with no run,
    whose text they are most of (:data:`_STORY_SHARE`).

    A page with under three prose ``<p>``s and no body of runs, story list or story ``<div>`` was
    read whole; with its class names renamed (a redesign), trafilatura took the article's kicker,
    headline, byline row and date above a two-paragraph story as its lines, and the dateline
    glued to the first paragraph was no longer the body's first line (F1 0.86).
    """
    if len(prose) != 2 or runs:
        return None
    parent, other = prose[0].getparent(), prose[1].getparent()
    if parent is not other and parent is not None and other is not None and parent.tag == other.tag \
            and parent.getparent() is other.getparent():
        parent = parent.getparent()  # (the story's two halves around an ad slot, a box each)
    elif parent is not other:
        return None
    if parent is None or parent is node or parent.tag in ("body", "html"):
        return None
    own = sum(len(p.text_content()) for p in prose)
    if own < _LONE_RUN or own < _STORY_SHARE * len(parent.text_content()):
        return None
    return parent


_STORY_SHARE = 0.8  # of the element's text in its two paragraphs: a story's box, not a page's


def _runs_alike(prose: list[Any], runs: list[Any]) -> list[Any]:
    """The runs whose parent has the key (:func:`_chunk_key`, with siblings) of the parents of two
    or more of the prose paragraphs, when those are two or more elements: a paragraph of a story
    in wrappers or chunks (``<div><p>…</p></div>`` each) written as runs in its own wrapper.

    Runs are left out of the container search (see :data:`_PROSE_P`); such a run is one of the
    story's paragraphs, and left out, the story's share of the prose fell under nine tenths
    beside a newsletter's and a footer's paragraph: the page whole was read (a story in wrappers
    one of whose paragraphs a redesign wrote as runs: F1 0.87).
    """
    keys: dict[Any, Any] = {}
    count: dict[Any, int] = {}
    holders: dict[Any, set[Any]] = {}
    for p in prose:
        parent = p.getparent()
        if (key := keys.get(parent, keys)) is keys:
            key = keys[parent] = _chunk_key(parent, siblings=True)
        if key is not None:
            count[key] = count.get(key, 0) + 1
            holders.setdefault(key, set()).add(parent)
    story = {key for key, n in count.items() if n >= 2 and len(holders[key]) >= 2}
    # a run beside prose paragraphs in their own parent: one body's paragraphs, some of them
    # written as runs (a story whose first half a redesign wrote as <br> runs, joined to its
    # second half of <p>s after an ad slot: left out, the story fell under nine tenths of the
    # page's prose beside a teaser list's excerpts, and the page was read whole: F1 0.87)
    return [r for r in runs if (parent := r.getparent()) in keys
            or (story and _chunk_key(parent, siblings=True) in story)]  # fmt: skip


def _runs_frame(node: Any, beside: list[Any], size: int) -> Any | None:
    """The ancestor of ``node`` (below ``<body>``) holding nine tenths of the text of the runs
    ``beside`` it (``size`` characters), or None.

    A story whose first half is ``<br>`` runs in its frame and whose second half is ``<p>``s in a
    box inside the frame (an element left unclosed in the markup, which the parser closed only at
    the frame's end, holds the rest of the story): the box held nine tenths of the prose
    paragraphs and was read alone, and the runs beside it, close to half the story, were lost.
    """
    for anc in node.iterancestors():
        if anc.tag in ("body", "html"):
            return None
        if sum(len(r.text_content()) for r in beside if _inside(r, anc)) >= 0.9 * size:
            return anc
    return None


def runs_container(node: Any, prose: list[Any], runs: list[Any] | None = None) -> Any | None:
    """The container of a body written as ``<br>`` runs, found as :func:`main_container` finds
    one, over the runs and the few prose paragraphs together, or None.

    A page with under three prose ``<p>``s has no container by :func:`main_container`'s count, so
    trafilatura read it whole: on a page whose story is all runs (a blogspot-like body, or a
    redesign that dropped the ``<p>``s) the dek, the teaser lists and the menus around the story
    were read with it. The runs of a ``<p>`` cut by ``<br><br>`` (a whole story in one ``<p>``, as
    some Indonesian CMSs print it) count as its paragraphs, so that page and the same story as
    bare runs get the same container. Only when the runs are the page's prose (three or more,
    and more text than its other paragraphs): a page of a few loose paragraphs stays whole.
    ``runs``: the runs below ``node``, when the caller has them.
    """
    runs = list(_RUN_P(node) if runs is None else runs)
    cut = {p: n for p in _BR_P(node) if (n := _p_runs(p)) >= 2}
    runs += [p for p, n in cut.items() for _ in range(n)]
    rest = sum(len(p.text_content()) for p in prose if p not in cut)
    if len(runs) < 3 or sum(len(r.text_content()) for r in dict.fromkeys(runs)) <= rest:
        return None
    paras = [*(p for p in prose if p not in cut), *runs]
    found = _innermost(node, paras, 0.9, own_text=True)
    if found is node:
        return None
    # counted by text too: a box of many short runs (an address, a disclaimer) is not the story
    # when a long paragraph lies outside it
    size = {p: len(p.text_content()) for p in paras}
    return found if sum(n for p, n in size.items() if _inside(p, found)) >= 0.8 * sum(size.values()) else None


# The <li>s that are a line of text holding a sentence outside links (a run of 40 characters or
# more): a menu's items are links and labels, a teaser card's are blocks (no list, heading,
# paragraph or box inside: its headline, its byline, its excerpt).
_PROSE_ITEMS = XPath(
    "descendant::li[not(ancestor::a)][not(descendant::li or descendant::div or descendant::p"
    " or descendant::h2 or descendant::h3 or descendant::h4 or descendant::article)]"
    "[descendant::text()[not(ancestor::a)][string-length(normalize-space(.)) >= 40]]"
)
_OF_LIST = "list"  # (what _main_container says of a container found by list_container)


def list_container(node: Any, prose: list[Any], runs: list[Any] | None = None) -> Any | None:
    """The container of a story written as a list (a "10 things you need to know" briefing: a
    line, then ``<li>``s of a linked headline and a sentence or two each), or None.

    A page with under three prose ``<p>``s and no body of runs was read whole; once a redesign
    wrote its intro as a ``<div>`` and renamed the classes trafilatura knew the body by, the
    whole page gave its footer's promos instead of the story (F1 0.03). An item is prose when
    it holds a sentence outside links (:data:`_PROSE_ITEMS`). The container is the element
    holding the list (its intro and closing lines beside it) with nine in ten of the page's
    prose items, when three or more, and when they outweigh twice the prose paragraphs and runs
    outside it: a teaser list with excerpts beside a short story is not the story. Such a
    container is read in recall mode when fast mode lost its items (:func:`_listed`). ``runs``:
    the runs below ``node``, when the caller has them.
    """
    items = _PROSE_ITEMS(node)
    if len(items) < 3:
        return None
    found = _innermost(node, items, 0.9)
    while found is not node and found.tag in ("ul", "ol", "li"):
        found = found.getparent()
    if found is node:
        return None
    held = sum(len(li.text_content()) for li in items if _inside(li, found))
    runs = _RUN_P(node) if runs is None else runs
    outside = sum(len(p.text_content()) for p in (*prose, *runs) if not _inside(p, found))
    return found if held > 2 * outside else None


def _listed(page: Any, text: str | None) -> str | None:
    """``text``, or ``page`` read in trafilatura's recall mode when that keeps the prose items of
    a story written as a list (:func:`list_container`) which ``text`` lost: fast mode reads lists
    only inside a body frame it knows by class name, and a container with no prose ``<p>`` gave
    nothing of the story's ``<li>``s but a promo or two."""
    items = [" ".join(li.text_content().split())[:40] for li in _PROSE_ITEMS(page)]
    if len(items) < 3 or 2 * sum(maintext.found_in(" ".join((text or "").split()), items)) >= len(items):
        return text
    again = maintext.text(page, {**TRAFILATURA_SETTINGS, "favor_recall": True})
    if again and 2 * sum(maintext.found_in(" ".join(again.split()), items)) >= len(items):
        return again
    return text


_BR_P = XPath("descendant::p[br][not(@data-kliping-run)][not(ancestor::a)]")


def _p_runs(p: Any) -> int:
    """How many runs of prose (over 60 characters) a ``<p>``'s ``<br>``s separate."""
    n, run = 0, [p.text or ""]
    for c in p:
        if c.tag == "br":
            n += len(" ".join("".join(run).split())) > 60
            run = []
        elif isinstance(c.tag, str):
            run.append(c.text_content())
        run.append(c.tail or "")
    return n + (len(" ".join("".join(run).split())) > 60)


_HEADINGS = XPath("descendant::*[self::h2 or self::h3 or self::h4][string-length(normalize-space(.)) > 3]")


def _headed_runs(container: Any, page: Any, text: str | None, prune_xpaths: tuple[str, ...],
                 host: str | None) -> tuple[Any, str | None]:  # fmt: skip
    """A container of runs under headings (a deals page: each deal's name an ``<h2>``, its text a
    run, its links a list) read inside its ancestors' frame (:func:`_alone_framed`) when the bare
    copy lost most of its headings: outside a frame trafilatura keeps only paragraphs, which on
    the page as published, read whole, it had kept with their headings."""
    heads = [" ".join(h.text_content().split()) for h in _HEADINGS(container)]
    flat = " ".join((text or "").split())
    if len(heads) < 2 or 2 * sum(maintext.found_in(flat, heads)) >= len(heads):
        return page, text
    framed = _alone_framed(container)
    boilerplate.prune(framed, prune_xpaths, host)
    again = _trafilatura(framed)
    flat = " ".join((again or "").split())
    return (framed, again) if 2 * sum(maintext.found_in(flat, heads)) >= len(heads) else (page, text)


def _among_prose(el: Any) -> bool:
    """Is ``el`` next to a paragraph of prose (over 60 characters), before or after it?"""
    return any(x is not None and x.tag == "p" and len(x.text_content()) > 60
               for x in (el.getprevious(), el.getnext()))  # fmt: skip


def _announced(lst: Any) -> bool:
    """Is the list ``lst`` of three items or more announced by what is just before it, a
    subheading ("Langkah Mengaktifkan Recall") or a line ending in a colon ("Berikut hasilnya:")?"""
    if sum(1 for _ in lst.iterchildren("li")) < 3:
        return False
    prev = lst.getprevious()
    while prev is not None and prev.tag in ("p", "div") and not len(prev) and not (prev.text or "").strip():
        prev = prev.getprevious()  # (the empty <p> that "<p><ul>" leaves)
    if prev is None:
        return False
    line = " ".join(prev.text_content().split())
    return prev.tag in ("h2", "h3", "h4") or (
        prev.tag in ("p", "div") and line.endswith(":") and len(line) < 300)


def _over_paragraph(head: Any, container: Any) -> bool:
    """Is the subheading ``head`` (through the wrappers it is the only child of) next to a ``<p>``
    of any length in ``container``?"""
    el = head
    while (up := el.getparent()) is not None and up is not container and _only_child(up) is el:
        el = up
    return any(x is not None and x.tag == "p" for x in (el.getprevious(), el.getnext()))


_LOST_HEADS = 8  # subheadings lost over paragraphs: a story's sections (a page's boxes lose a few)
_LINE = 60  # characters: a line of a list written as <p>s (a name, a title), not a paragraph of prose


def _lost_lists(container: Any, page: Any, text: str | None, prune_xpaths: tuple[str, ...],
                host: str | None) -> tuple[Any, str | None]:  # fmt: skip
    """The container read again as the ``<article>`` it is, when its copy lost most items of the
    lists among its paragraphs (two lists or more, each next to a paragraph of prose, or one such
    list a subheading or a line announces, :func:`_announced`), or most of
    the subheadings over its paragraphs (two or more), and the frame gives them back and nothing
    else: each line it adds is one of those items, a subheading, or a line (:data:`_LINE`) of
    the container's ``<p>``s; each it drops a label's length at most. An added subheading over
    no text (a sign-up box's headings, one over the other) is left out.

    trafilatura keeps a story's lists and subheadings inside a frame it knows (an ``<article>``,
    a body class); outside one it keeps paragraphs of prose only. Once a redesign wrote the
    story's ``<article>`` as a ``<div>`` or a custom element, a buying guide lost each product's
    "See it now" list (F1 0.94), and a list of award nominees each category's heading and most
    names (F1 0.82); the container found is the story's frame all the same. (Lists and headings
    in boxes of their own, menus and related links, are no reason to read a page again: most
    pages have only those.)"""
    lists = [x for x in container.iter("ul", "ol") if _among_prose(x)]
    if len(lists) == 1 and not _announced(lists[0]):
        lists = []  # (one list among paragraphs: the story's when a heading or a line announces it)
    items = [t for x in lists for li in x.iterchildren("li")
             if len(t := " ".join(li.text_content().split())) > 3]  # fmt: skip
    heads = [t for h in container.iter("h2", "h3", "h4")
             if _over_paragraph(h, container) and len(t := " ".join(h.text_content().split())) > 3]
    flat = " ".join((text or "").split())
    lost = False
    for group, least in ((items, 2), (heads, _LOST_HEADS)):
        if len(group) >= least:
            kept = sum(maintext.found_in(flat, [t[:50] for t in group]))
            lost = lost or (2 * kept < len(group) and len(group) - kept >= least)
    if not lost:
        return page, text
    framed = _alone(container)
    framed[0][0].tag = "article"
    boilerplate.prune(framed, prune_xpaths, host)
    _links_read(framed, framed, host)
    again = _trafilatura(framed)
    if not again:
        return page, text
    titles = {" ".join(h.text_content().split()) for h in container.iter("h1", "h2", "h3", "h4", "h5", "h6")}
    lines = {t for p in container.iter("p") if len(t := " ".join(p.text_content().split())) <= _LINE}
    known = set(items)
    before = set((text or "").splitlines())
    after = [x for x in again.splitlines() if x.strip()]
    if sum(x not in before for x in after) < 2 or any(len(x) > _DIV_PROSE for x in before - set(after)):
        return page, text
    out = []
    for i, x in enumerate(after):
        line = " ".join(x.split())
        if x in before or (line.startswith("- ") and line[2:] in known) or line in lines:
            out.append(x)
        elif line in titles:
            nxt = " ".join(after[i + 1].split()) if i + 1 < len(after) else ""
            if nxt and nxt not in titles:  # (a heading over text: the story's)
                out.append(x)
        else:
            return page, _items_put_back(text, after, known)
    return framed, "\n".join(out)


def _items_put_back(text: str | None, after: list[str], known: set[str]) -> str | None:
    """``text`` with the lost list items the frame's reading gives back (``after``; ``known``: the
    container's lists' items), each run of them after the line it follows there, nothing else:
    the frame's reading also took lines around the story (the headline, a promo box, a related
    list), so it is not the body, but the items it places are the story's (a how-to's steps under
    their subheading lost once a redesign renamed the body's class: F1 0.82)."""
    lines = (text or "").splitlines()
    first: dict[str, int] = {}
    for i, x in enumerate(lines):
        first.setdefault(x, i)  # (each line's place read once: linear in the page)
    adds: dict[int, list[str]] = {}  # the items to put after line i of text
    anchor = -1
    for x in after:
        if x in first:
            anchor = first[x]
        elif (line := " ".join(x.split())).startswith("- ") and line[2:] in known and anchor >= 0:
            adds.setdefault(anchor, []).append(x)
    if sum(map(len, adds.values())) < 2:
        return text
    out = []
    for i, x in enumerate(lines):
        out.append(x)
        out.extend(adds.get(i, ()))
    return "\n".join(out)


def _innermost(node: Any, paras: list[Any], share: float, own_text: bool = False) -> Any:
    """The innermost element below ``node`` holding ``share`` or more of ``paras`` (else ``node``).

    ``own_text``: never below an element with prose of its own (text over 40 characters beside
    its children: "<div>Jakarta (ANTARA) - Lead …<div>run<br><br>run…</div></div>"), whose lead
    sentence the inner element would leave out.
    """
    # paragraphs below each element (the paragraph itself not counted), in one walk up from
    # each paragraph; the dict keeps the element proxies alive, so lookups below match
    below: dict[Any, int] = {}
    for p in paras:
        for anc in p.iterancestors():
            if anc is node:
                break
            below[anc] = below.get(anc, 0) + 1
    need = share * len(paras)
    while not (own_text and _has_own_prose(node)):
        for child in node:
            if below.get(child, 0) >= need:
                node = child
                break
        else:
            return node
    return node


def _has_own_prose(el: Any) -> bool:
    return any(t and len(t.strip()) > 40 for t in (el.text, *(c.tail for c in el)))


def _inside(el: Any, container: Any) -> bool:
    return any(a is container for a in el.iterancestors())


def _short_for(text: str | None, target: Any, texts: list[str] | None = None) -> bool:
    """An extraction under 150 words from a page whose paragraphs hold over ten times as many.

    (Measured: ten times separates a live blog cut to its intro, 105 of 5,069 words, from a short
    article with a long comment thread, 143 of 702, which full mode would make worse.)
    """
    words = len(text.split(None, 149)) if text else 0  # (up to 150: a longer text is not split whole)
    if words >= 150:
        return False
    if texts is None:  # (``texts``: target's paragraph texts, when the caller has them)
        texts = _paragraph_texts(target)
    prose = sum(len(t.split()) for t in texts)
    return prose > max(300, 10 * words)


# --- from lines to paragraphs ----------------------------------------------------------------------

_HEADER_LINES = 3  # lines above a dateline that may be the page header …
_DECK_CHARS = 300  # characters: a standfirst above the story's first paragraph, not a paragraph
_CAPTION_MAX = 300  # characters: a photo's caption above the story, not its first paragraph
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CAPS_PLACE = re.compile(r"^(?-i:[A-Z][A-Z.'’ -]{2,40})\s*[,(—–-]")
_HEADER_CHARS = 100  # … each no longer than this
# A byline glued to its time stamp above the body: "Indah Permata10 Mar 2025, 14:05 WIB".
_STAMP_LINE = re.compile(r"^.{0,60}\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\s*$")
_LINK_TEXTS = XPath("/descendant::a[string-length(normalize-space(.)) > 12]")


@dataclass
class Body:
    """The article's paragraphs and what the lines around them said."""

    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)  # from credit lines ("Penulis: …")
    editors: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)  # date lines found above the body
    place: str | None = None  # the dateline's ("JAKARTA, KOMPAS.com - …")
    source: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def paragraphs(lines: list[str], layout: Layout, title: str | None, tree: Any) -> Body:
    """The body lines cleaned (:func:`~kliping.clean.boilerplate.clean_lines` with the layout's own
    ``boilerplate`` patterns), the page's header and a closing link headline trimmed, the dateline
    taken off the first paragraph. ``tree`` is the page (pruned), whose link texts tell another
    story's headline."""
    extra = tuple(re.compile(p, re.I) for p in layout.boilerplate)
    res = boilerplate.clean_lines(lines, extra)
    body = Body(res.paragraphs, res.authors, res.editors)
    norm_title = " ".join((title or "").split()).casefold()
    _trim_header(body, norm_title, tree)
    _trim_footer(body, norm_title, tree)
    _take_dateline(body)
    return body


def _heading_line(line: str, norm_title: str) -> bool:
    """The headline again, or a printed date line ("- Selasa, 11 Maret 2025 07:15 WIB")."""
    flat = " ".join(line.split())
    return flat.casefold() == norm_title or dating.is_date_line(flat.lstrip("-–—|· "))


_HEADLINE_MAX = 250  # characters: a longer first line is no headline (the <h1>s are not read for it)


def _trim_header(body: Body, norm_title: str, tree: Any = None) -> None:
    """trafilatura sometimes keeps the headline and the printed date above the body: not body, but
    a date line there ("Rabu, 14 Februari 2024 13:05 WIB") is a printed date. The headline is the
    page's title, or the text of its ``<h1>`` (a site whose ``<title>`` says it otherwise: a body
    of runs read inside its frame kept the ``<h1>`` above it)."""
    paras = body.paragraphs
    if not paras:
        return
    heads: set[str] | None = None  # the <h1> texts, read (a walk of the page) for a line like a headline

    def headline(line: str) -> bool:
        nonlocal heads
        flat = " ".join(line.split())
        if tree is None or len(flat) > _HEADLINE_MAX:
            return False
        if heads is None:
            heads = {" ".join(h.text_content().split()).casefold() for h in tree.iter("h1")}
        return flat.casefold() in heads

    while paras and (_heading_line(paras[0], norm_title) or _STAMP_LINE.match(paras[0])
                     or headline(paras[0]) or _dated_byline(paras[0])):  # fmt: skip
        # (the headline whole is the headline, whatever a dateline's forms read in it: "Psikolog:
        # Burnout …" is no place, "Jalan Provinsi Siantar–Saribudolok Rusak …" no dateline)
        whole = " ".join(paras[0].split()).casefold()
        if whole != norm_title and not headline(paras[0]):
            rest, place, _source = boilerplate.dateline(paras[0])
            if place and not dating.is_date_line(rest.strip()):
                break  # "Palu, 3/3/2021 -": a dateline, for _take_dateline ("Redaksi – Jumat, 28 …
                # 09:15 WIB" is a byline's name and date: no dateline)
        line = paras.pop(0)
        flat = " ".join(line.split()).lstrip("-–—|· ")
        if (m := _DATED_BY.match(flat)) and dating.is_date_line(m["date"]):
            flat = m["date"]
        if flat.casefold() != norm_title and dating.is_date_line(flat):
            body.printed.append(flat)


# A printed date and the byline on one line: "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
# "Senin, 18 November 2019 07:45 WIB oleh Budi Santoso" (a name: up to five capitalised words).
_DATED_BY = re.compile(
    r"^(?P<date>.{8,60}?)\s*[|,·-]?\s+(?i:by|oleh|penulis:?|reporter:?)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})$"
)


def _dated_byline(line: str) -> bool:
    """Is ``line`` a printed date followed by a byline (:data:`_DATED_BY`)?"""
    m = _DATED_BY.match(" ".join(line.split()))
    return m is not None and dating.is_date_line(m["date"])


def _trim_footer(body: Body, norm_title: str, tree: Any) -> None:
    """The headline or date below the body, when the markup put the body before the header (a body
    of <br> runs read as the page's first block); then a closing headline that is the text of a
    link on the page: another story's."""
    paras = body.paragraphs
    while len(paras) > 1 and _heading_line(paras[-1], norm_title):
        paras.pop()
    while len(paras) > 1 and boilerplate.headline_like(paras[-1]):
        if " ".join(paras[-1].split()).casefold() not in _link_texts(tree):
            break
        paras.pop()


def _link_texts(tree: Any) -> set[str]:
    return {" ".join(a.text_content().split()).casefold() for a in _LINK_TEXTS(tree)}


_REPORTED_BY = re.compile(
    r"(?i:laporan|liputan|reporter)\s*:?\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})\s*[-–—]+\s+(?=\S)"
)


def _take_dateline(body: Body) -> None:
    """The dateline opens the story: short lines above it (a byline, the brand, a printed date or
    a kicker the markup put in the body's container) are the page's header, not its body."""
    paras = body.paragraphs
    for k, para in enumerate(paras[: _HEADER_LINES + 1]):
        if len(para) <= _CAPTION_MAX and maintext.credited(para):
            # a photo's caption above the story, its credit closing it ("PEDAGANG - Suasana Pasar
            # Bawah … (RIAUONLINE.CO.ID/Dwi Sri Mulyani)"): its label is no dateline
            continue
        first, body.place, body.source = boilerplate.dateline(para)
        if body.place or body.source:
            if (by := _REPORTED_BY.match(first)) is not None:
                # the reporter named after the dateline, a dash after the name: "ZONASULTRA.ID,
                # KENDARI – Laporan Wa Ode Fitriani – Dinas Kesehatan …"
                body.authors.append(by.group("name"))
                first = first[by.end():]
            paras[: k + 1] = [first] if first.strip() else []
            return
        if len(para) > _HEADER_CHARS:
            # a standfirst above the story's first paragraph (one or two sentences, no dateline:
            # an English edition's deck under its headline): it stays, and the dateline opening the
            # paragraph after it is the story's
            if len(para) <= _DECK_CHARS and len(_SENTENCE_END.findall(para)) <= 2 and k + 1 < len(paras):
                first, place, source = boilerplate.dateline(paras[k + 1])
                # (a dateline of the press's: its source named, or its place in capitals; a
                # byline under the first paragraph, "By Jason Cipriani | November 18, …", is none)
                if source or (place and _CAPS_PLACE.match(paras[k + 1])):
                    body.place, body.source = place, source
                    paras[k + 1] = first
            return
