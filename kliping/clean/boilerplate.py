"""Indonesian boilerplate: structure-anchored DOM pruning before extraction, line rules after.

Rules are anchored to structure (an element that *is* a "Baca juga" box) or to line position (a line
that *starts* with "Baca juga:", a credit line at the end), never to a word appearing anywhere: a
paragraph that says "baca" or quotes someone stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from lxml.etree import Element, XPath

from kliping.clean.people import is_person
from kliping.dates.vocab import MONTHS, WEEKDAYS

# --- DOM pruning (before trafilatura) ----------------------------------------------------------


# Class/id tokens of boilerplate containers: inline related-article boxes ("Baca juga", "Lihat
# juga", detik's table.linksisip, kompas' inner-link-baca-juga), ads, promos, share bars, comment
# forms. Matched against @class and @id in one pass over the tree (an XPath of contains() over
# every element costs more than trafilatura itself).
# (a readers' poll's or quiz's class: "polling", "bl-poll", "read__quiz", "kuis-box", "jajak-pendapat")
_POLL = (r"(?:^|[\s_-])(?:polls?|polling|quiz|quizzes|kuis|kuiz|survey|survei|jajak-pendapat|voting)"
         r"(?:[\s_-]|$)"
         # (a component's name in CamelCase: "QuizWidget", "PollCard__question")
         r"|(?:^|[\s_-])(?-i:Quiz|Poll|Polling|Kuis|Survey)(?-i:[A-Z])")
# (an ad slot's class: "ads-wrapper", "td-a-rec-ad", "iklan-tengah", "adsbygoogle")
_AD_TOKENS = r"\bads?[-_]|[-_]ads?\b|\biklan|advertisement|adsbygoogle|banner-ad"
PRUNE_CLASS = re.compile(
    r"baca-?_?juga|read-?also|lihat-?juga|linksisip|inner-link-baca|related-inline|artikel-terkait"
    r"|berita-terkait|box-terkait|parallaxindetail|" + _AD_TOKENS +
    r"|social-share|sharebar|share-(?:box|button|bar|link)|newsletter"
    r"|comment-respond|comments-area|wa-channel|whatsapp-channel|google-news|\bgnews"
    r"|(?:^|\s)(?:respond|comments|reply-title)(?:\s|$)"  # WordPress's comment form, as a token
    # a membership's or a newsletter's sign-up card (Ghost's "kg-cta-card", "kg-signup-card")
    r"|sign-?up-(?:card|box|form)|\bcta-(?:card|box|banner)"
    # a donation appeal's box ("donate-box", "donasi-box", "donation-widget")
    r"|(?:^|[\s_-])(?:donate|donation|donasi)(?:[\s_-]|$)"
    # a quake agency's latest-quake box beside the story ("info-gempa-bmkg", "box-gempa", "widget-gempa";
    # its automatic text quoted in a story's sentence is the story's)
    r"|(?:info|box|widget|kotak)[-_]?gempa|gempa[-_]?(?:terkini|widget|box|bmkg)"
    # an affiliate's product card in a lifestyle story, its price and shop link ("affiliate-box",
    # "aff-product", "produk-afiliasi")
    r"|(?:^|[\s_-])(?:affiliate|afiliasi|aff)(?:[\s_-]|$)"
    # a readers' poll or quiz, when it asks (rule "poll box", in prune())
    r"|" + _POLL,
    re.I,
)
_POLL_CLASS = re.compile(_POLL, re.I)

# "Baca juga", after a bullet or in brackets too ("» Baca juga: …", "(Baca juga: …)", "[Baca juga: …]")
# ... and in the regional languages' sections: Javanese "Waca uga:", Sundanese "Baca oge:", "Baca deui:"
# (in regional languages too: Javanese "Waca uga", "Wacanen uga", Sundanese "Baca ogé", Balinese
# "Wacén taler", Minang "Baco pulo")
# ("Baca Ini Juga:", an aggregator's form)
_READ_ALSO = (r"^[\s»>›•*(\[–—-]*(?:(?:baca|lihat|simak|tonton|saksikan|waca|wacan|wacanen|wacen|wacén|baco)"
              r"\s+(?:ini\s+)?(?:juga|jua|pula|uga|oge|ogé|deui|taler|pulo|juo)"
              # Javanese in its polite register, "Waos ugi:", "Waosan sanesipun:" (other reading)
              r"|waos(?:an)?\s+(?:ugi|sanes(?:ipun)?|sanès(?:ipun)?))\b")
# An ad slot's label, alone: "ADVERTISEMENT", "Iklan", "Sponsored" (rule "labelled ad")
_AD_WORDS = r"(?:advertisement|advertisment|iklan|sponsored|sponsor|ads)"
# An ad slot's label, the whole text of its element ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT")
AD_LABEL = re.compile(rf"^\s*(?:{_AD_WORDS}|scroll to continue(?: with content)?)\s*$", re.I)
# Text that opens an inline box: the smallest element holding only that box is removed.
_BOX_START = re.compile(
    _READ_ALSO + rf"|^\s*\[gambas:|^\s*{_AD_WORDS}\s*$"
    r"|^\s*scroll to continue with content\s*$|^\s*artikel terkait\s*:?\s*$"
    r"|^\s*berita terkait\s*:?\s*$"
    # a link to the next or the previous story under its label: "Artikel Selanjutnya <a>…</a>"
    r"|^\s*(?:artikel|berita|baca)\s+(?:selanjutnya|sebelumnya|berikutnya)\s*:?\s*$",
    re.I,
)
_BOX_MAX_CHARS = 300
_EMBED_MARK = re.compile(r"^\s*\[gambas:", re.I)
_PRUNE_MAX_CHARS = 600


def _remove_keep_tail(el) -> None:  # type: ignore[no-untyped-def]
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def text_len(el: Any) -> int:
    """The length of ``el``'s text, its whitespace folded."""
    return len(" ".join(el.text_content().split()))


# What prune() reads of the text, selected in C: only the text nodes that could open a box: those
# whose first character after XML whitespace is not a printable ASCII character _BOX_START cannot
# start with (anything else, such as a non-breaking space its ``\s*`` skips, goes on to the regex).
_NO_BOX_FIRST = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in 'bBlLsStTaAiI["')
_BOX_TEXTS = XPath(
    f"""descendant::text()[not(contains("{_NO_BOX_FIRST}", substring(normalize-space(.), 1, 1)))]"""
)
_NOT_PRUNED = frozenset(("body", "html", "article"))


# Every PRUNE_CLASS match contains one of these (lower-cased) substrings: testing for them first
# (one alternation of literals on the lower-cased value) rejects most values before the regex,
# whose alternation is slow on long class lists.
_PRUNE_KEYS = (
    "baca", "lihat", "linksisip", "related", "terkait", "parallax", "ad-", "ad_", "ads-", "ads_",
    "-ad", "_ad", "advertisement", "adsbygoogle", "iklan", "share", "comment", "channel", "news",
    "respond", "reply", "signup", "sign-up", "cta-", "donat", "donasi", "poll", "quiz", "kuis", "kuiz",
    "survey", "survei", "jajak", "voting", "aff", "afiliasi", "gempa",
)  # fmt: skip
_PRUNE_KEY = re.compile("|".join(map(re.escape, _PRUNE_KEYS)))


@functools.lru_cache(maxsize=8192)
def _boilerplate_attr(padded: str) -> bool:
    # Class values are tested as "value " and id values as " value": exactly the two halves of
    # the "class id" string this rule was written against (no alternative matches a space).
    if padded.isascii():  # (re.I also folds a few non-ASCII letters onto ASCII ones)
        if _PRUNE_KEY.search(padded.lower()) is None:
            return False
    return PRUNE_CLASS.search(padded) is not None


def prune(tree, extra_xpaths: tuple[str, ...] = (), host: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Remove boilerplate elements in place (the tree is ours: parsed for this page only).

    ``host`` is the page's host: a paragraph that is one link to another story on the same site
    is a related headline; one to another site (a shop, a source) is the article's own.
    """
    doomed = []
    for xp in extra_xpaths:
        try:
            doomed += tree.xpath(xp)
        except Exception:  # a broken site selector must not kill the page
            continue
    body = tree.find("body")
    scope = body if body is not None else tree
    # Boxes, ads and promos hold little text; a big container whose class merely says "ad"
    # ("m-advertisement-off-canvas--pusher", "non-ad-column") wraps the page.
    by_class: set = set()
    # (each element's class and id read in a walk in Python: cheaper than an XPath of every @class
    # and @id, its "smart" strings that know their element, and a second look at an element whose
    # class and id both match)
    for el in scope.iter(Element):
        cls, eid = el.get("class"), el.get("id")
        # (a related box of the story's length, its closing tag forgotten: it holds the rest of the
        # story, whatever else its class says; its links go, the box is left unclassed)
        if (cls and _related_attr(cls) and el.tag not in _NOT_PRUNED
                and text_len(el) > _PRUNE_MAX_CHARS and (kept := _story_left_in(el)) is not None):
            doomed += kept
            by_class.add(el)
            continue
        if not (cls and _boilerplate_attr(cls + " ") or eid and _boilerplate_attr(" " + eid)):
            continue
        if el.tag not in _NOT_PRUNED and text_len(el) <= _PRUNE_MAX_CHARS:
            if _poll_only(f"{cls or ''} {eid or ''}") and "?" not in el.text_content():
                continue  # rule "poll box": it asks nothing
            if (kept := _story_left_in(el)) is not None:
                doomed += kept  # (its own label and links only: the story's paragraphs stay)
                continue
            _prose_out_of_ad(el)
            doomed.append(el)
            by_class.add(el)
    texts = _BOX_TEXTS(scope)
    if body is not None and body.tail and _BOX_START.match(body.tail):
        texts.append(None)  # body's own tail (outside its descendants)
    for text in texts:
        if text is None:
            owner, is_tail = body, True
        else:
            if not _BOX_START.match(text):
                continue
            owner, is_tail = text.getparent(), text.is_tail
        if owner is None or owner in by_class or not isinstance(owner.tag, str):
            continue
        if not is_tail:
            box = _box(owner)
            if box is not None and _AD_LABEL.match(text) is not None:
                box = _labelled_ad(box)
            if box is not None:
                doomed.append(box)
                doomed += _links_under_label(box)
                # "<span>Baca juga: </span><a>Judul</a>" inside a paragraph of prose: the link too
                sib = box.getnext()
                # "<strong>Baca juga:</strong> Judul Lain<br>": the label's headline, as its text
                if box.tag in _INLINE_LABELS and (sib is None or sib.tag == "br") and _headline_tail(box):
                    box.tail = None
                if (box.tag in _INLINE_LABELS and sib is not None and sib.tag == "a"
                        and not (box.tail or "").strip() and text_len(sib) <= _BOX_MAX_CHARS):
                    doomed.append(sib)
                # "[Gambas:Video CNN]" then the embed itself, whose only text is the video's title
                elif (_EMBED_MARK.match(text) and sib is not None and isinstance(sib.tag, str)
                        and not (box.tail or "").strip() and text_len(sib) <= _BOX_MAX_CHARS
                        and headline_like(" ".join(sib.text_content().split()))):
                    doomed.append(sib)
        else:
            # "…text <br/>Baca juga: <a>…</a>": drop the link that follows
            sib = owner.getnext()
            if sib is not None and sib.tag == "a" and text_len(sib) <= _BOX_MAX_CHARS:
                doomed.append(sib)
    # A paragraph that is one link and reads as a headline is a related story, whatever its class.
    site = site_domain(host)
    for p in _LONE_LINK_P(scope):
        href = (p.xpath("string(.//a/@href)") or "").strip()
        if internal_link(href, site) and headline_like(" ".join(p.text_content().split()), shouted=True):
            doomed.append(p)
    doomed += _skippable(scope)
    doomed += _contents_boxes(scope)
    doomed += _author_boxes(scope)
    doomed += _headed_author_boxes(scope)
    for el in doomed:
        if el.getparent() is not None:
            _remove_keep_tail(el)


# Rule "unclosed ad": an ad slot whose closing tag the page forgot holds the story's next paragraph
# ("<div class=inner-ads><div class=ads-label>ADVERTISEMENT" then a <p> of the story): a paragraph
# of prose with no link in it is no ad's; it is put back where the slot was, the slot goes.
_AD_CLASS = re.compile(_AD_TOKENS, re.I)
_AD_PROSE = 120  # characters of a paragraph left in the slot: the story's, not an ad's copy or label


def _prose_out_of_ad(box: Any) -> None:
    """Rule "unclosed ad" (above): ``box``'s paragraphs of prose moved out, after it."""
    if not _AD_CLASS.search(f"{box.get('class') or ''} {box.get('id') or ''}"):
        return
    left = [p for p in box.iter("p") if text_len(p) >= _AD_PROSE and next(p.iter("a"), None) is None
            and re.search(r"[.!?\"”]\W*$", p.text_content()) is not None]
    for p in reversed(left):
        _remove_keep_tail(p)  # (text after it stays in the slot)
        p.tail = None
        box.addnext(p)


# Rule "label over links": a "Baca juga:" label alone, then its headlines each a link on its own
# line, after a <br> ("<strong>Baca juga:</strong><br><a>…</a><br><br>") or in a paragraph of its
# own ("<p><strong>Baca Juga:</strong></p><p><a>…</a></p><p><a>…</a></p>"): the links go with it
_LABEL_ONLY = re.compile(_READ_ALSO + r"\W*$", re.I)
_LABEL_LINKS = 6  # headlines under one label, at most


def _links_under_label(box: Any) -> list[Any]:
    """Rule "label over links" (above): the lone links following the label ``box``."""
    if not _LABEL_ONLY.match(" ".join(box.text_content().split())) or (box.tail or "").strip():
        return []
    links: list[Any] = []
    nxt = box.getnext()
    while nxt is not None and len(links) < _LABEL_LINKS:
        if nxt.tag == "br" and not (nxt.tail or "").strip():
            nxt = nxt.getnext()
            continue
        if not isinstance(nxt.tag, str) or (nxt.tail or "").strip() \
                or not 0 < text_len(nxt) <= _BOX_MAX_CHARS:
            break
        anchors = [nxt] if nxt.tag == "a" else list(nxt.iter("a"))
        if len(anchors) != 1 or text_len(anchors[0]) != text_len(nxt):
            break
        links.append(nxt)
        nxt = nxt.getnext()
    return links


# Rule "unclosed box": a related box whose closing tag the page forgot holds the story's next
# paragraphs ("<div class=baca-juga-inline><div><strong>Baca Juga:</strong><br><a>…</a>" then three
# of the story's <p>s, its </div> after them): its label and links go, the paragraphs after them
# stay. Told by two or more paragraphs of prose, with no link among or after them, following the
# box's own links in one parent (a teaser list alternates links and excerpts).
# (a related box's own class: an unclosed one of the story's length holds the story's paragraphs)
_RELATED_CLASS = re.compile(r"related|terkait|baca-?_?juga|read-?also|sidebar|widget", re.I)
_LEFT_PROSE = 2
_PROSE_CHARS = 60


@functools.lru_cache(maxsize=8192)
def _related_attr(cls: str) -> bool:
    return _RELATED_CLASS.search(cls) is not None


@functools.lru_cache(maxsize=1024)
def _poll_only(attrs: str) -> bool:
    """Is the box classed as a poll and as nothing else :data:`PRUNE_CLASS` knows (rule "poll box")?"""
    return _POLL_CLASS.search(attrs) is not None and PRUNE_CLASS.search(_POLL_CLASS.sub(" ", attrs)) is None


def _classed_box(el: Any) -> bool:
    """Is ``el`` classed (or its id named) as a box :data:`PRUNE_CLASS` knows?"""
    cls, eid = el.get("class"), el.get("id")
    return bool(cls and _boilerplate_attr(cls + " ") or eid and _boilerplate_attr(" " + eid))


def _story_left_in(box: Any) -> list[Any] | None:
    """The parts of ``box`` to drop when story paragraphs were left in it (see above), else None."""
    for par in box.iter(Element):
        kids = [c for c in par if isinstance(c.tag, str)]
        first = next((i for i, c in enumerate(kids) if c.tag == "p" and text_len(c) > _PROSE_CHARS), None)
        if first is None or first == 0:
            continue
        # (an ad slot among them goes on its own: "<div class=jeg_ad>" between two of the paragraphs)
        run = [c for c in kids[first:] if c.tag == "p" or not _classed_box(c)]
        while run and run[-1].tag != "p":  # (a share bar or the tags closing the box stay where they are)
            run.pop()
        if len(run) < _LEFT_PROSE or any(c.tag != "p" or next(c.iter("a"), None) is not None for c in run) \
                or sum(text_len(c) > _PROSE_CHARS for c in run) < _LEFT_PROSE:
            return None
        if next((a for c in kids[:first] for a in c.iter("a")), None) is None:
            return None  # (no link of its own before them, an <a> or in one: not a related box's)
        # the label and links before them, and whatever else the box holds beside the path to them
        drop = kids[:first]
        node = par
        while node is not box:
            up = node.getparent()
            drop += [c for c in up if isinstance(c.tag, str) and c is not node]
            if node is not par:
                node.text = None
            node = up
        par.text = box.text = None
        # (what is left is the story's: no later step may take the box's class for a related box's)
        for attr in ("class", "id"):
            box.attrib.pop(attr, None)
        return drop
    return None


_TAIL_MARKS = " \t\n\r\xa0:»›>|-–—"


def _headline_tail(box) -> bool:  # type: ignore[no-untyped-def]
    """Is the text after a related box's label (to the next line break) a headline, not prose?"""
    tail = " ".join((box.tail or "").split()).strip(_TAIL_MARKS)
    return bool(tail) and len(tail) <= _BOX_MAX_CHARS and headline_like(tail, shouted=True)


_SKIP_LINKS = XPath(
    "descendant::a[starts-with(normalize-space(.),'Lewati ') or starts-with(normalize-space(.),'Skip ')]"
)


def _skippable(scope):  # type: ignore[no-untyped-def]
    """Rule "skipped promo" in the DOM: the box around a "Lewati X dan lanjutkan membaca" link and
    its "Akhir dari X" anchor (a podcast's or a newsletter's promo in the story, BBC's sites), when
    it holds no more than a box's text; else the link alone."""
    out = []
    for a in _SKIP_LINKS(scope):
        m = _SKIP_FROM.match(" ".join(a.text_content().split()))
        if not m:
            continue
        end = re.compile(rf"(?:akhir dari|end of) {re.escape(m.group('what'))}\W*$", _I)
        box = a.getparent()
        for _ in range(4):
            if box is None or box.tag in _NOT_PRUNED:
                box = None
                break
            if end.search(" ".join(box.text_content().split())):
                break
            box = box.getparent()
        out.append(box if box is not None and text_len(box) <= _PRUNE_MAX_CHARS else a)
    return out


# Rule "table of contents": a list of two or more links, every one to a place on this page
# ("#Syarat_pendaftaran"), and no other words, is the page's contents box (a plugin's "Daftar Isi"
# over the story's subheadings); the box around it goes, its title and its toggle with it.
# (the links to places on the page found first, in C: most pages have none or a "skip to content")
_IN_PAGE_LINKS = XPath("descendant::a[starts-with(@href,'#') and string-length(@href) > 1]")
_TOC_TITLE_MAX = 40  # characters of the box's own words beside its list: "Daftar Isi", "Toggle"


def _contents_boxes(scope):  # type: ignore[no-untyped-def]
    out: list = []
    anchors = _IN_PAGE_LINKS(scope)
    if len(anchors) < 2:
        return out
    lists = []
    for a in anchors:
        lst = next((x for x in a.iterancestors("ul", "ol")), None)
        if lst is not None and lst not in lists:
            lists.append(lst)
    for lst in lists:
        if len(lst.findall("li")) < 2:
            continue
        links = list(lst.iter("a"))
        if len(links) < 2 or any(not (a.get("href") or "").startswith("#") or len(a.get("href")) < 2
                                 for a in links):
            continue
        words = text_len(lst)
        if words > _PRUNE_MAX_CHARS or sum(text_len(a) for a in links) + len(links) < words:
            continue  # (a footnote's list: its notes' words beside their links)
        box = lst
        while (parent := box.getparent()) is not None and parent.tag not in _NOT_PRUNED \
                and parent.tag != "main" and text_len(parent) - words <= _TOC_TITLE_MAX:
            box = parent
        out.append(box)
    return out


# Rule "author box" in the DOM: a box opening with the writer's name alone (a heading, a bold or a
# linked name: "<div><h4>Yusuf Wibisono</h4><p>Direktur Institute for …</p></div>") and holding a
# short bio besides, is the writer's box under an opinion piece, not its story
_NAME_HOLDERS = frozenset(("h2", "h3", "h4", "h5", "h6", "strong", "b", "a", "span", "div"))
_BOX_HOLDERS = frozenset(("div", "section", "aside", "footer"))
_AUTHOR_BOX_MAX = 500  # characters of the whole box: a name and a bio, not the story
_NAME_TEXT = XPath("descendant::text()[contains(., $name)]")  # (contains(): cheaper than normalize-space)
_BIO_WORDS = 4  # words of the bio beside the name, at least
_CLOCK_IN = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


_BOX_HEAD_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b")
_BOX_HEAD_WORD = re.compile(r"(?i)enulis|olumnis|uthor|riter|engarang|ontributor")


def _headed_author_boxes(scope):  # type: ignore[no-untyped-def]
    """Rule "author box" by its heading: a box opening with "Tentang Penulis" / "About the author"
    (:data:`AUTHOR_BOX`), short (:data:`_AUTHOR_BOX_MAX`), whatever the writer's name; the heading
    and the name were dropped from the text and the bio left as the story's last lines."""
    out = []
    for head in scope.iter(_BOX_HEAD_TAGS):  # (walked in C; a heading's own text tried first)
        first = head.text or (head[0].text if len(head) and isinstance(head[0].tag, str) else None)
        if not first or _BOX_HEAD_WORD.search(first) is None:
            continue
        text = " ".join(head.text_content().split())
        if len(text) >= 30 or not AUTHOR_BOX.match(text):
            continue
        box = head.getparent()
        if box is None or box.tag not in _BOX_HOLDERS or box.tag in _NOT_PRUNED:
            continue
        first = next((c for c in box if isinstance(c.tag, str)), None)
        if first is head and text_len(box) <= _AUTHOR_BOX_MAX:
            out.append(box)
    return out


def _author_boxes(scope):  # type: ignore[no-untyped-def]
    names = [" ".join(n.split()) for n in WRITERS.get() if len(n) >= 5]
    if not names:
        return []
    out = []
    # (the text nodes that are a writer's name, found in C: a walk reading every element's text
    # was quadratic in a page's nesting)
    found = []
    for n in names:
        try:
            found += _NAME_TEXT(scope, name=n)
        except ValueError:  # (a name lxml cannot take: a lone surrogate from a page's JSON-LD)
            continue
    for text in found:
        el = text.getparent()
        if el is None or text.is_tail or el.tag not in _NAME_HOLDERS or len(el) > 1 \
                or " ".join(text.split()) not in names:
            continue
        box, holder = el.getparent(), el
        while box is not None and box.tag in ("a", "div", "span") and text_len(box) == text_len(holder) \
                and box.tag not in _NOT_PRUNED:
            box, holder = box.getparent(), box  # (the name in its link, its span: the box is further up)
        if box is None or box.tag not in _BOX_HOLDERS:
            continue
        first = next((c for c in box if isinstance(c.tag, str) and c.tag not in ("img", "picture", "figure")),
                     None)
        if first is not holder or not text_len(holder) < text_len(box) <= _AUTHOR_BOX_MAX:
            continue
        rest = " ".join(box.text_content().split())[text_len(holder):]
        if len(rest.split()) < _BIO_WORDS or _CLOCK_IN.search(rest):
            continue  # (the name over its date, "Saturday 02 March 2024 22:14": a byline, not a bio)
        out.append(box)
    return out


# <p> holding exactly one link and no text of its own: "<p><strong><a>Judul lain</a></strong></p>"
_LONE_LINK_P = XPath(
    "descendant::p[count(descendant::a) = 1][normalize-space(.) = normalize-space(descendant::a)]"
)
_INLINE_LABELS = frozenset(("span", "strong", "b", "em", "i", "u", "font"))
# Inline elements stay inside a text run; any other element (a block) ends one (the body's runs,
# a credit's line)
INLINE_TAGS = frozenset(
    "a abbr b bdi big cite code del dfn em font i ins kbd mark q s small span strike strong sub sup "
    "time tt u var".split()
)
_SECOND_LEVEL = frozenset(("co", "or", "ac", "go", "web", "my", "sch", "net", "com", "org", "mil"))


def site_domain(host: str | None) -> str | None:
    """"news.detik.com" -> "detik.com", "nasional.kompas.co.id" -> "kompas.co.id"."""
    if not host:
        return None
    labels = host.lower().split(":")[0].strip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def internal_link(href: str, site: str | None) -> bool:
    """A link to the page's own site (relative, or to a host of the same site)."""
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    if "://" not in href and not href.startswith("//"):
        return True
    netloc = href.split("//", 1)[1].split("/", 1)[0]
    return site is not None and site_domain(netloc) == site


_WORD_CHAR = re.compile(r"\w")


def _non_link_len(el):  # type: ignore[no-untyped-def]
    """The letters and digits of ``el``'s text outside its links: a list's marks and separators
    ("- <a>…</a><br>- <a>…</a>", "<a>…</a> | <a>…</a>") are no words of its own."""
    return len(_WORD_CHAR.findall(el.text_content())) - sum(
        len(_WORD_CHAR.findall(a.text_content())) for a in el.iter("a"))


# Rule "labelled ad": an ad slot's label ("ADVERTISEMENT", "Iklan", "Sponsored") opening a short
# box, the ad's own words after it ("<div class=td-a-rec><span>ADVERTISEMENT</span><p>Nikmati paket
# menginap …</p></div>"): the box goes whole, not the label alone. A box holding the story's
# paragraphs is longer than an ad, and a label inside a paragraph opens no box.
_AD_LABEL = re.compile(rf"^\s*{_AD_WORDS}\s*$", re.I)


def _labelled_ad(label):  # type: ignore[no-untyped-def]
    """The short box ``label`` opens (see :data:`_AD_LABEL`), else ``label`` itself."""
    box = label.getparent()
    if (box is None or box.tag in ("body", "html", "article", "main", "p") or box[0] is not label
            or (box.text or "").strip() or text_len(box) > _BOX_MAX_CHARS):
        return label
    return box


def _box(el):  # type: ignore[no-untyped-def]
    if el.tag in ("body", "html", "article", "main"):
        return None
    own = text_len(el)
    if own > _BOX_MAX_CHARS:
        return None
    own_words = _non_link_len(el)
    while True:  # climb while the parent holds nothing but this box (its label and its links)
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            return el
        # "<p><strong>Baca juga:</strong> <a>Judul lain</a></p>": the linked titles belong to
        # the box; any other words in the parent mean it is prose that merely holds the label
        if text_len(parent) > _BOX_MAX_CHARS or _non_link_len(parent) > own_words + 3:
            return el
        el = parent


# --- line rules (after extraction) -------------------------------------------------------------
#
# Boilerplate comes in families, and a family is the same on every Indonesian site: the rules
# below name each family and hold no site's list. A rule matches a whole line by its form (what
# it starts with, how short it is, what it ends with), never a word found anywhere in it, so a
# paragraph that says "baca", "foto" or "komentar" mid-sentence, or quotes someone, stays.
# tests/test_boilerplate.py has Indonesian examples and negatives for every family.

_I = re.I
_CTA = (
    r"(?:follow|ikuti|simak|dapatkan|dengarkan|klik|click|ketuk|gabung|bergabung|join|cek|download|unduh|"
    r"install|instal|pasang|kunjungi|daftar|langganan|berlangganan|subscribe|nikmati|baca|akses)"
)
# Where a promo sends the reader. Words that are also ordinary nouns ("saluran" is a drain,
# "aplikasi" any app a story is about) count only with what makes them the site's own.
_CHANNELS = (
    r"(?:google news|whats ?app|telegram|app store|play store|playstore|appstore|instagram|tiktok|"
    r"youtube|twitter|facebook|update berita|berita terkini|breaking news|newsletter|"
    r"push notification|saluran (?:kami|resmi)|channel (?:kami|resmi)|ponsel(?:mu| anda)|blog (?:ini|kami)|"
    r"aplikasi (?:kami|[\w-]+\.(?:com|id|co\.id|net)))"
)
# The reader told what they may do, before the call's verb in its me- form: "Pembaca dapat mengikuti
# kanal … di Google News", "Anda juga bisa mengunduh aplikasi …"
_READER_CAN = (
    r"(?:(?:para |sahabat |sobat )?(?:pembaca|anda|kamu)(?: setia)?(?: juga)? (?:juga )?(?:dapat|bisa)\s+"
    r"(?:meng(?=ikuti|unduh)|men(?=dapatkan)|ber(?=gabung|langganan))?)"
)
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_PHOTO_SOURCE = (
    r"(?:antara\s*foto|foto|dok\.?|dokumentasi|istimewa|ist\.?|freepik|shutterstock|unsplash|"
    r"pexels|pixabay|getty\s*images|canva|tangkapan layar|screenshot)"
)
# A photo credit closing a caption: "(ANTARA FOTO/Aditya Pradana Putra)", "(Foto: Istimewa)",
# "Foto: Rifkianto Nugroho/detikcom", "ANTARA FOTO/Rivan Awal Lingga/foc.", "(Freepik)".
_CAPTION_TAIL = (
    r"(?<=[.!?)\"”])\s+(?-i:[A-Z][A-Z.&]{1,20}(?:\s[A-Z][A-Z.&]{1,20}){0,2})\s*/\s*"
    r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?:\s*/\s*[a-z]{2,5}\.?)?"
)
CAPTION_TAIL = re.compile(_CAPTION_TAIL + r"\s*$")
PHOTO_CREDIT_END = re.compile(
    rf"(?:\(\s*(?:{_PHOTO_SOURCE})\b[^()]{{0,80}}\)"
    r"|\b(?:antara\s*foto\s*/|foto\s*[:/]|photo\s*:|sumber\s+foto\s*:)[^()\n]{1,80}"
    # "… in Bone district. Image by Rina Sumarlin/Mongabay Indonesia." (a name, a slash, the outlet)
    r"|(?<=[.!?] )(?:image|photo|foto) by [^()\n/]{2,60}/[^()\n/]{2,40}"
    # after the caption's last sentence, an agency or paper in capitals and its photographer:
    # "… Minggu (10/3/2024). GATRA/Adi Wibowo", "… di Jakarta. REUTERS/Willy Kurniawan/foc"
    rf"|{_CAPTION_TAIL})\W*$",
    _I,
)

# Rule "related label": the labels a related link or a list of them opens with, in any case, and
# what parts a label from its headline ("Baca juga:", "BACA JUGA »", "Artikel Terkait -", "Pilihan
# Redaksi |", "Berita Lainnya ..."). A label of two words may also run straight into a headline
# in capitals ("Berita Terkait Harga Beras Stabil Jelang Akhir Bulan"); a one-word label
# ("Rekomendasi", a word that opens sentences too) needs its mark.
_RELATED_LABEL2 = (
    r"(?:(?:baca|lihat|simak|tonton|saksikan)\s+(?:juga|jua|pula)"
    r"|(?:waca|wacan|wacanen|wacen|wacén|baco)\s+(?:uga|juga|taler|pulo|juo)|baca\s+(?:ogé|oge|deui|taler)"
    r"|waos(?:an)?\s+(?:ugi|sanes(?:ipun)?|sanès(?:ipun)?)"
    r"|(?:artikel|berita|topik|konten|bacaan|video|foto)\s+(?:terkait|menarik|pilihan|lainnya|populer"
    r"|terpopuler|rekomendasi|terbaru|terkini|sebelumnya)"
    r"|read\s+(?:more|also)|also\s+read|see\s+also|editor'?s\s+(?:choice|picks?)|related\s+(?:news|stories|articles?)"
    r"|pilihan\s+(?:redaksi|editor)|rekomendasi\s+(?:untuk\s+(?:anda|kamu|mu)|redaksi|editor|berita|artikel"
    r"|bacaan)|editor'?s\s+picks?|baca(?:\s+berita)?\s+(?:selengkapnya|lainnya|artikel)"
    # a series' other parts: "Baca bagian sebelumnya:", "Baca juga seri pertama:", "Baca tulisan kedua:"
    r"|baca(?:\s+juga)?\s+(?:bagian|seri|tulisan|laporan|liputan)\s+(?:sebelumnya|selanjutnya|berikutnya"
    r"|pertama|kedua|ketiga|keempat|kelima|terakhir|\d{1,2}))"
)
_RELATED_LABEL = rf"(?:{_RELATED_LABEL2}|rekomendasi|terkait|terpopuler)"
_RELATED_SEP = r"\s*(?::|»|›|>{1,2}|\||[-–—]{1,2}|\.{3}|…)"

# A reporter's code and the site's domain in its brackets: "(cr24/tribun-medan.com)", "(mam/tribunnews.com)"
_CODE_DOMAIN = (
    r"[A-Za-z]{2,6}\d{0,3}(?:\s*/\s*[A-Za-z]{1,6}\d{0,2}){0,2}\s*/\s*"
    r"(?i:[a-z][a-z\d-]{1,30}\.(?:com|co\.id|id|net|tv))"
)

# a newsletter's Indonesian delivery: "… langsung di email Anda", "… ke kotak suratmu"
_INBOX_ID = r"(?:di|ke) (?:e-?mail|surel|kotak masuk|kotak surat|inbox)(?: (?:anda|kamu)|mu)\b"
# one count of a site's visitor counter: "Hari ini: 58", "Pengunjung Online: 3", "Total: 48.302"
_COUNTER_ITEM = (
    r"(?:(?:pengunjung|kunjungan|visitors?) )?(?:hari ini|kemarin|minggu ini|bulan ini|tahun ini"
    r"|online|today|yesterday|total)\s*:\s*[\d.,]+"
)

# The families: name -> the whole-line form (re.match on one extracted line).
FAMILIES: dict[str, re.Pattern[str]] = {
    # app, newsletter and channel promos
    "promo": re.compile(
        # (not a fact-check desk's name and its verb opening its story's sentence: "Cek Fakta
        # Liputan6.com menelusuri klaim … video serupa yang diunggah kanal YouTube …")
        rf"^\W*(?:(?:yuk|ayo|mari|jangan lupa|silakan|segera)\W+|{_READER_CAN})?"
        rf"(?!cek fakta\s+(?-i:[A-Z])\S*\s+(?-i:[a-z]{{3,}})){_CTA}(?:lah)?\b"
        rf"[^\n]{{0,250}}{_CHANNELS}[^\n]{{0,250}}$"
        r"|^[^\n]{0,150}\b(?:di|via|lewat|melalui)\s+(?:[\w.-]+\s+(?:dan|serta|&)\s+)?google news"
        r"(?:\s+(?:dan|serta|&)\s+(?:whats ?app|telegram)(?: channel)?)?\W*$"
        # a hospital's or a clinic's call to book: "Buat janji temu dengan dokter saraf di Siloam
        # Hospitals terdekat melalui aplikasi MySiloam.", "Booking konsultasi sekarang di aplikasi …"
        r"|^\W*(?:buat|atur|pesan|booking|jadwalkan)\s+(?:janji(?: temu)?|konsultasi|jadwal)\b[^\n]{0,150}"
        r"\b(?:melalui|lewat|via|di) (?:aplikasi|app|website|situs)\b[^\n]{0,60}$"
        # a broadcaster's call to watch on its channel: "Saksikan Final China Masters 2026 hanya di ANTV,
        # Minggu pukul 12.00 WIB", "Tonton siaran langsungnya di Vidio" (only, live or exclusively on a
        # named channel: "Saksikan pertunjukan itu di Taman Ismail Marzuki" names a venue)
        r"|^\s*(?:saksikan|tonton|nonton)\b[^\n]{0,120}?\b(?:hanya|live|langsung(?:nya)?|eksklusif|streaming)"
        r"\s+(?:di|lewat|melalui)\s+(?-i:[A-Z][\w.+]*)(?:\s(?-i:[A-Z][\w.+]*)){0,2}(?:[,.!]\s*[^\n]{0,80})?\W*$"
        # a promo's button alone: "Gabung Sekarang", "Download now", "Daftar di sini"
        rf"|^\W*{_CTA}(?:lah)?\s+(?:sekarang|now|di ?sini|here)\W*$"
        # a charity's appeal under the story: the call to give and where, "Salurkan infak … melalui
        # Pusat Zakat Umat: BSI 7000-300-300 a.n. PZU Persis"; the account alone, "Bank Papua
        # 0123-01-000456-3"; a campaign's progress, "Terkumpul Rp412.500.000 dari target
        # Rp1.000.000.000 · …"; its button, "Ikut Sedekah Air", "Donasi Sekarang"; its calculator
        r"|^\W*(?:salurkan|tunaikan|titipkan|kirimkan|sampaikan)\s+(?:infak|infaq|zakat|sedekah|donasi|wakaf"
        r"|kurban|qurban|persembahan)\b[^\n]{0,200}(?:\d{3,}[-\s.]\d{2,}|\brekening\b|\ba\.\s?n\.)[^\n]{0,100}$"
        r"|^\W*(?:bank\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?|bsi|bri|bni|bca|btn|bjb|mandiri(?:\s+syariah)?"
        r"|muamalat|cimb niaga)\s*[:.]?\s*(?:no\.?\s*)?(?:rek(?:ening)?\.?\s*)?\d{3,}(?:[-\s.]\d+){1,4}"
        r"(?:\s*a\.?\s?n\.?\s*[^\n]{2,60})?\s*$"
        r"|^\W*terkumpul\s+rp\s?[\d.,]+\s+dari\s+(?:target\s+)?rp\s?[\d.,]+[^\n]{0,100}$"
        r"|^\W*(?:(?:ikut|ayo|yuk|mari)\s+(?:sedekah|donasi|berdonasi|infak|berinfak|wakaf|berwakaf|zakat"
        r"|berzakat|bersedekah)(?:\s+\w+){0,2}"
        r"|(?:sedekah|donasi|infak|wakaf|zakat|bayar zakat)\s+sekarang)\W*$"
        r"|^\W*(?:gunakan|coba)\s+kalkulator\s+(?:zakat|wakaf|kurban|qurban)\b[^\n]{0,150}$"
        # a newsletter sign-up in English: "Sign up for the daily … email", "Get our free … newsletter"
        r"|^\s*(?:sign up|subscribe|get our(?: free)?)\b[^\n]{0,120}\b(?:e-?mails?|newsletters?|inbox)\b"
        r"[^\n]{0,150}$"
        # ... after its label or a short call: "Newsletter Sign up for our Daily Briefing, delivered to
        # your inbox", "Don't miss out! Subscribe to the X newsletter …", "Get the X in your inbox. Sign
        # up for our free newsletter."
        r"|^\s*(?:newsletters?:?\s+|[^\n.!?]{0,80}[.!?]\s+)(?:sign up|subscribe)\b[^\n]{0,120}"
        r"\b(?:e-?mails?|newsletters?|inbox)\b[^\n]{0,150}$"
        # a newsletter's pitch: "… delivered to your inbox every morning.", "The best of Bali in your
        # inbox, every Friday.", "Stories from across the archipelago, delivered every Friday.",
        # "Dapatkan ringkasan pasar setiap pagi langsung di email Anda.", its heading ("Get the
        # Coconuts Bali newsletter", "Get The Morning Brief", "Stay In The Know", "Newsletter")
        r"|^(?=[^\n]{0,220}$)[^\n]*\b(?:delivered|sent|straight|right)\b[^\n]{0,40}\b(?:to|in|into) "
        r"your inbox\b[^\n]*$"
        r"|^(?=[^\n]{0,220}$)(?=[^\n]*\b(?:stories|news|newsletter|brief(?:ing)?|headlines|updates|roundup"
        r"|digest|best of)\b)[^\n]*\b(?:your inbox,?|delivered(?: to you)?) every (?:morning|day|evening|week"
        r"|weekday|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^\n]*$"
        rf"|^\W*(?:dapatkan|terima|ringkasan|rangkuman)\b[^\n]{{0,150}}\b{_INBOX_ID}[^\n]{{0,60}}$"
        # ... its issue's day: "Lentera Pesisir terbit tiap Kamis langsung ke kotak suratmu"
        rf"|^[^\n]{{0,80}}\b(?:terbit|hadir|dikirim|tiba)\b[^\n]{{0,60}}\b{_INBOX_ID}[^\n]{{0,60}}$"
        # ... its thanks: "Terima kasih sudah membaca Catatan Balikpapan.", "Thanks for reading X!"
        r"|^\W*terima kasih (?:sudah|telah) membaca\b[^\n]{0,80}$"
        r"|^\W*thanks? (?:you )?for reading\b[^\n]{0,100}$"
        r"|^\s*(?:get|join|subscribe to|sign up for) (?:the|our) [^\n]{0,50}\b(?:newsletter|brief|briefing"
        r"|dispatch|digest)\W*$"
        r"|^\s*stay (?:in the know|up to date|informed)\b[^\n]{0,60}$|^\s*newsletters?\W*$"
        # a reader-funded outlet's appeal: "Kabar Kota is a reader-supported publication. …",
        # "Magdalene is independent and reader-funded. Donate to …", its button: "Donasi Sekarang"
        r"|^(?=[^\n]{0,300}$)[^\n]*\bis (?:an? )?(?:independent(?: and)? )?(?:reader|member|audience)[- ]"
        r"(?:supported|funded)\b[^\n]*$"
        r"|^\W*(?:donasi|donate|berdonasi)(?: sekarang| now| di ?sini| here)?\W*$"
        # a newsletter's note to a forwarded copy: "If someone forwarded you this, you can subscribe at …"
        r"|^[^\n]{0,60}\bforwarded (?:you )?(?:this|this (?:e-?mail|newsletter|letter))\b[^\n]{0,80}"
        r"\bsubscribe\b[^\n]{0,200}$"
        # a site's call to write in: "Butuh teman cerita dan didoakan? Hubungi konselor kami di
        # WhatsApp 0811 …", "Punya info menarik? Kirim ke WhatsApp redaksi 0812 …"
        r"|^\W*(?:punya|butuh|ingin|mau|ada)\b[^\n?]{0,80}\?\s*(?:hubungi|kirim(?:kan)?|chat|sampaikan)\b"
        r"[^\n]{0,100}\b(?:whats ?app|wa|telegram|e-?mail)\b[^\n]{0,120}$"
        # ... or to ask or book, the site's own service named by "kami" closing the call: "Punya
        # pertanyaan hukum? Ajukan ke Klinik dan dapatkan jawaban dari advokat mitra kami.", "Ingin
        # merasakan … di Pentingsari? Pesan paket wisata sekarang melalui WhatsApp admin kami."
        r"|^(?=[^\n]{0,240}$)\W*(?:punya|butuh|ingin|mau|ada)\b[^\n?]{0,100}\?\s*(?:ajukan|tanyakan|pesan"
        r"|hubungi|kirim(?:kan)?|konsultasikan|daftar(?:kan)?|booking)\b[^\n]{0,120}\bkami\W*$"
        # a site's update on a channel: "Update berita Tribun Medan di Google News dan ikuti saluran
        # WhatsApp Tribun Medan."
        rf"|^(?=[^\n]{{0,200}}$)\W*update (?:berita|informasi|info|kabar)\b[^\n]{{0,60}}"
        rf"\b(?:di|via|lewat|melalui)\s+{_CHANNELS}\b[^\n]*$"
        # a service's news on its handle: "Info harga ikan harian bisa diakses lewat kanal Telegram
        # @sorongnews."
        r"|^(?=[^\n]{0,180}$)[^\n]{0,100}\b(?:bisa|dapat) "
        r"(?:diakses|diikuti|dipantau|dilihat|didapat(?:kan)?)\s+(?:lewat|melalui|via|di) "
        r"(?:kanal|saluran|channel|akun|grup) (?:telegram|whats ?app|instagram"
        r"|youtube|tiktok|x|twitter|facebook)\s+@[\w.]{2,40}\W*$"
        # a call for the readers' own reports: "Kirim laporanmu ke pasangmata dan dapatkan poin …!",
        # "Kirimkan tulisan Anda ke redaksi …"
        r"|^(?=[^\n]{0,200}$)\W*(?:(?:yuk|ayo),?\s+)?kirim(?:kan)? "
        r"(?:laporan|tulisan|cerita|artikel|foto|video|karya|opini)(?:mu|\s+(?:anda|kamu))\b[^\n]*$"
        # a newsletter's question: "Want to stay up to date with the latest Bali travel news?"
        r"|^\W*(?:want|would you like) to (?:stay up to date|stay updated|get the latest|keep up)\b"
        r"[^\n]{0,100}\?(?:\s+[^\n]{1,120})?\s*$"  # (its call after it: "… Join our Facebook group.")
        # a paywall's pitch: "This article is premium content", "Unlock full access for as low as Rp
        # 99,000 a month.", "Artikel ini khusus pelanggan", "Buka akses penuh …"
        r"|^\W*(?:this|the) (?:article|story|content) is "
        r"(?:premium|exclusive|subscriber[- ]only|for subscribers)(?: content)?\W*$"
        r"|^\W*unlock (?:full|unlimited|all) access\b[^\n]{0,120}$"
        r"|^\W*(?:artikel|berita|konten) ini (?:khusus|hanya untuk) (?:pelanggan|member|anggota)\b"
        r"[^\n]{0,120}$"
        r"|^\W*buka akses (?:penuh|tanpa batas)\b[^\n]{0,120}$"
        # a subscription pitch: "… Start your Independent Premium subscription today."
        r"|^[^\n]{0,200}\b(?:start|get|begin|buy) (?:your|a|an|our) [\w ]{0,40}\bsubscription"
        r"(?: today| now)?\W*$"
        # a channel's name standing short ("Saluran WhatsApp detikcom"; a sentence about a channel
        # is prose: "Informasi itu beredar di saluran WhatsApp warga sejak Senin malam.")
        r"|^(?=[^\n]{0,60}$)[^\n]*\b(?:saluran whats ?app|whats ?app channel|channel whats ?app"
        r"|telegram channel)\b"
        # a site's news on its channel: "Sahabat Tempo, temukan berita-berita terbaru … di kanal
        # WhatsApp Tempo"
        r"|^[^\n]{0,150}\bberita(?:-berita)? (?:terbaru|terkini|terlengkap|pilihan|update)\b[^\n]{0,150}"
        r"\b(?:kanal|saluran|channel) (?:whats ?app|telegram)(?: [\w.]+)?\W*$"
        # a pitch for reading without ads: "Bisnis.com Premium: Baca analisis mendalam tanpa iklan."
        r"|^(?=[^\n]{0,160}$)[^\n]{0,60}\b(?:baca|nikmati|akses|dapatkan)\b[^\n]{0,80}\btanpa iklan\b[^\n]*$"
        # a call to ask or talk in the site's group or channel: "Tanyakan di Grup Telegram WinPoin
        # atau forum komunitas kami.", after its question or not ("Ada pertanyaan? Tanyakan di …")
        r"|^(?=[^\n]{0,160}$)\W*(?:[^\n?]{0,40}\?\s*)?(?:tanyakan|diskusikan|bahas|ngobrol(?:kan)?)\b[^\n]{0,60}\b(?:grup|group"
        r"|komunitas|kanal|saluran|channel|forum) (?:telegram|whats ?app|wa|discord|facebook)\b[^\n]*$"
        # a fact-check line's hotline: "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi …,
        # silakan WhatsApp ke nomor Cek Fakta Liputan6.com 0811 …"
        r"|^\W*(?:fakta atau hoaks|cek fakta)\b[^\n]{0,300}\bwhats ?app ke nomor\b[^\n]{0,200}$"
        # a newsletter's sign-up: "Dapatkan Informasi, Inspirasi dan Insight di email kamu. Daftarkan email"
        r"|^[^\n]{0,200}\b(?:daftarkan|masukkan) (?:alamat )?e-?mail(?: (?:anda|kamu|mu))?\b[^\n]{0,100}$"
        # the site's app: "Download Apps Detikcom Sekarang https://apps.detik.com/detik/"
        r"|^\s*(?:download|unduh) (?:apps?|aplikasi) [\w.-]+(?: (?:sekarang|now|gratis))?"
        r"(?:\s*:?\s*https?://\S+)?\W*$"
        # "Pantau terus berita terkini seputar banjir hanya di Sonora.id", "Untuk berita dan video
        # lainnya, kunjungi Kompas TV"
        r"|^\s*(?:pantau|ikuti|simak) terus (?:berita|update|informasi|perkembangan)\b[^\n]{0,150}"
        r"\b(?:hanya )?di [\w-]+\.(?:com|id|co\.id|net|tv)\W*$"
        r"|^\s*untuk (?:berita|informasi|video)\b[^\n]{0,60}\blainnya\W{0,3}\s*kunjungi\b[^\n]{0,80}$"
        r"|^\s*(?:ikuti|follow) kami(?: di)?\W*$"
        # a legal or health column's consultation pitch: "Punya masalah hukum yang serupa?",
        # "Konsultasikan dengan advokat mitra Justika mulai dari Rp 30.000.", "Konsultasi Sekarang"
        r"|^\s*punya (?:masalah|pertanyaan|kasus|persoalan|keluhan)\b[^\n?]{0,60}\?\s*$"
        r"|^\s*konsultasi(?:kan)?\b[^\n]{0,120}\b(?:mulai(?: dari)?|hanya|cuma) rp\s?[\d.]+[^\n]{0,60}$"
        r"|^\s*konsultasi(?:kan)? (?:sekarang|di sini|gratis)\W*$"
        # ... and its disclaimer: "Seluruh informasi hukum yang ada di Klinik … disiapkan semata-mata
        # untuk tujuan pendidikan dan bersifat umum. Untuk mendapatkan nasihat hukum …"
        r"|^[^\n]{0,200}\b(?:informasi|artikel|konten|tulisan|jawaban)\b[^\n]{0,120}"
        r"\b(?:semata-mata |hanya )?untuk tujuan (?:pendidikan|informasi|edukasi)\b[^\n]{0,300}"
        r"\b(?:nasihat|saran|konsultasi|konsultasikan|dokter|advokat)\b[^\n]{0,300}$"
        # a call for the readers' own photos under a recipe: "Sudah coba resep ini?", "Unggah foto
        # hasil masakanmu dan tandai @endeustv …", "Unggah Foto"
        r"|^\s*sudah (?:coba|mencoba|bikin|membuat|masak|praktik)(?:kan)? (?:resep|menu|masakan) ini\W*$"
        r"|^\s*(?:unggah|upload|kirim) (?:foto|hasil)\b[^\n]{0,100}\b(?:tandai|tag|mention)\s+@[\w.]{2,40}"
        r"[^\n]{0,160}$|^\s*(?:unggah|upload) foto\W*$"
        # a print daily's e-paper pitch: "Baca berita lengkap di koran Singgalang edisi cetak.
        # Langganan e-paper hanya Rp 50.000 sebulan." (in Minang too: "Baco kaba … hanyo …"),
        # "Langganan Kini"
        r"|^[^\n]{0,120}\b(?:ber)?langganan\s+(?:e-?paper|koran|harian|edisi (?:cetak|digital))\b"
        r"[^\n]{0,120}$"
        r"|^\s*(?:(?:ayo|yuk)\s+)?(?:ber)?langganan(?: (?:kini|sekarang|now|di sini))?\W*$"
        # ... or a magazine's: "Dapatkan edisi cetak dua kali sebulan langsung ke rumah Anda. Hubungi
        # bagian sirkulasi."
        r"|^\s*(?:dapatkan|pesan|miliki)\s+(?:edisi cetak|majalah|koran|tabloid|e-?paper)\b[^\n]{0,160}$"
        r"|^[^\n]{0,120}\bhubungi (?:bagian )?sirkulasi\b[^\n]{0,80}$"
        r"|^\s*(?:baca|baco|waca)\s+(?:berita|kaba|ulasan|liputan)?\s*(?:selengkapnya|lengkap(?:nya)?)\s+"
        r"di\s+(?:koran|harian|e-?paper|edisi cetak)\b[^\n]{0,160}$"
        # a call to follow the site's accounts by their handles, behind a teaser or not: "Jangan
        # lewatkan cerita lainnya! Ikuti Instagram @phinemo dan TikTok @phinemo.travel untuk …"
        r"|^[^\n]{0,80}?\b(?:ikuti|follow)(?: juga)?(?: akun)? (?:instagram|tiktok|twitter|x|facebook|youtube"
        r"|threads|ig)\b[^\n]{0,40}@[\w.]{2,40}\b[^\n]{0,120}$"
        # a call for the readers' writing: "Punya opini? Kirim tulisan Anda ke redaksi@…", "Yuk,
        # kirimkan artikelmu ke …", "Want to write for us? Send your pitch to …"
        r"|^\W*(?:punya (?:opini|tulisan|artikel|cerita|gagasan|ide|pendapat)\b[^\n?]{0,40}\?\s*)?"
        r"(?:(?:yuk|ayo|mari|silakan),?\s+)?kirim(?:kan)? (?:tulisan|opini|artikel|naskah|karya|cerita"
        r"|gagasan)(?: (?:anda|kamu))?(?:mu)?\b"
        r"(?=[^\n]{0,200}(?:@|\bredaksi\b|https?://|\.(?:com|id|net)\b|\be-?mail\b|\bsurel\b|whats ?app))"
        r"[^\n]{0,200}$"
        # ... on the site's own writing platform: "Mau tulisanmu dibaca banyak orang? Tulis di
        # kumparan sekarang!", "Ayo menulis di Kompasiana!"
        r"|^\W*(?:(?:mau|ingin|pengen|punya)\b[^\n?]{0,60}\?\s*)?(?:(?:yuk|ayo|mari),?\s+)?"
        r"(?:tulis(?:kan)?(?: (?:ceritamu|opinimu|tulisanmu|cerita|opini)(?: (?:kamu|anda))?)?"
        r"|(?:mulai )?menulis)"
        r" di [\w.-]{2,30}(?: sekarang(?: juga)?| juga)?\W*$"
        # the outlet's accounts, the platforms listed before the handle: "Twitter, Instagram,
        # Facebook, Threads & TikTok: @PerekonomianRI"
        r"|^\W*(?:(?:twitter|x|instagram|ig|facebook|fb|threads|tiktok|youtube|linkedin)\s*(?:[,&/|]|dan|and)?\s*)"
        r"{1,8}:\s*@[\w.]{2,40}\W*$"
        # a public office's call for complaints: "Sampaikan pengaduan Anda melalui SP4N-LAPOR!"
        r"|^\W*(?:silakan |yuk |ayo )?sampaikan (?:pengaduan|aduan|aspirasi|keluhan|laporan)"
        r"(?: (?:anda|kamu|masyarakat))? (?:melalui|lewat|ke|di|via)\b[^\n]{0,100}$"
        # an app's download call, a store or "di sini" named: "Bunda, yuk download aplikasi digital
        # Allo Bank di sini.", "Download the TVRI Klik app on Google Play and the App Store."
        r"|^(?=[^\n]{0,250}$)(?![^\n]*\b(?:kata|ujar|ucap|jelas|menurut|ungkap|said|says)\b)"
        r"[^\n]{0,80}\b(?:download|unduh|install|pasang)\s+(?:the\s+)?(?:aplikasi\s+)?"
        r"[^\n]{0,40}?\b(?:app|apps|aplikasi|aplikasinya)?\b"
        r"(?=[^\n]*\b(?:google play|play store|app store|appstore|di sini|sekarang juga)\b)[^\n]*$"
        # an app's pitch: "Trading saham lebih mudah dengan aplikasi IPOT."
        # (a line of its own, short, no one's words: "…, kata Kepala Kantor Pajak" is the story's)
        r"|^(?=[^\n]{0,90}$)(?![^\n]*\b(?:kata|ujar|ucap|jelas|menurut|ungkap)\b)[^\n]{0,60}"
        r"\blebih (?:mudah|cepat|praktis|hemat|aman) (?:dengan|lewat|pakai|di|via) aplikasi\b[^\n]*$"
        # a membership's pitch: "Jadi Narasi Kolaborator dan dapatkan akses eksklusif ke kelas
        # jurnalisme kami.", "Bergabunglah menjadi member dan nikmati …"
        r"|^\W*(?:yuk,?\s+|ayo,?\s+)?(?:jadi(?:lah)?|menjadi|bergabung(?:lah)?(?: (?:jadi|menjadi|sebagai))?)"
        r"\s+"
        r"(?:[\w.-]+\s+){0,2}(?:kolaborator|member|anggota|pelanggan|subscriber|supporter|donatur|sahabat)\b"
        r"[^\n]{0,40}?(?:\bdan|\buntuk|,)\s*(?:dapatkan|nikmati|akses|raih)\b[^\n]{0,150}$"
        r"|^\W*(?:want to|interested in) (?:write|writing|contribute|contributing) (?:for|to) us\b"
        r"[^\n]{0,200}$"
        # a subscription pitch led in by a call: "Yuk, lengkapi pengetahuanmu dengan berlangganan
        # Majalah Bobo. Caranya dengan klik langganan.grid.id" (it names where to go)
        r"|^\W*(?:yuk|ayo|mari)\b[^\n]{0,120}\b(?:berlangganan|langganan)\b"
        r"(?=[^\n]{0,200}(?:\bklik\b|https?://|[\w-]\.(?:com|id|net)\b))[^\n]{0,200}$"
        # a paywall's pitch: "Get full access to company reports, financial data and daily market
        # insight.", "Dapatkan akses penuh ke seluruh artikel premium"
        r"|^\W*(?:get|unlock|enjoy) (?:full |unlimited |premium |exclusive )?access to\b[^\n]{0,200}$"
        r"|^\W*(?:dapatkan|nikmati|buka) akses (?:penuh|tanpa batas|premium|eksklusif|tak terbatas)\b"
        r"[^\n]{0,200}$"
        # a quiz's call and its question under its label: "Ikuti kuis Bobo dan kumpulkan poinnya!",
        # "Kuis! Apa nama lapisan udara yang menyelimuti Bumi?"
        r"|^\W*(?:(?:yuk|ayo),?\s+)?(?:ikuti|mainkan|jawab|ikut) kuis\b[^\n]{0,150}$"
        r"|^\W*kuis\s*[!:]\s*[^\n]{0,200}\?\W*$"
        # (the widget's label in capitals glued to its question: "KUISMenurut Moms, kapan …?")
        r"|^\W*(?-i:KUIS|POLLING|JAJAK PENDAPAT)\s*:?\s*(?-i:[A-Z])[^\n]{0,200}\?\W*$"
        r"|^\s*temukan (?:berita|artikel|informasi|konten)\b[^\n]{0,100}\b(?:di|lewat|via) "
        r"(?:instagram|tiktok|youtube|twitter|facebook|whats ?app|telegram|google news)\b[^\n]{0,40}$"
        # an appeal to the reader for the outlet's support: "Dear Reader - … support The Gateway Pundit
        # directly …", "Pembaca yang budiman, dukung jurnalisme … dengan berdonasi"
        r"|^\W*(?:(?:dear|kind|valued) readers?"
        r"|(?:para |sahabat )?pembaca (?:yang )?(?:budiman|terhormat|setia)|sahabat pembaca)\s*[-–—,:!]\s*"
        r"(?=[^\n]{0,500}\b(?:support|donat(?:e|ion)s?|subscri(?:be|ption)"
        r"|contribut(?:e|ion)|membership|dukung(?:an)?|donasi|berdonasi|berlangganan|traktir)\b)[^\n]{0,800}$",
        _I,
    ),
    # photo credits and captions: "Foto: Dok. Humas", "(ANTARA FOTO/M Risyal Hidayat)",
    # "Ilustrasi. (Freepik)", "Petugas memeriksa … Senin (1/3/2021). ANTARA FOTO/Aditya/foc."
    "photo_credit": re.compile(
        rf"^\s*\(?\s*(?:foto|photo|sumber foto|foto ilustrasi|ilustrasi foto|kredit foto|gambar|"
        rf"sumber gambar|fotografer|grafis|infografis)\s*:\s*[^\n]{{1,150}}$"
        # the header picture's credit: "Gambar Header: Eden Farm", "Featured image: Shutterstock",
        # "Image credit: …", "Foto sampul: …"
        rf"|^\s*\(?\s*(?:(?:gambar|foto|ilustrasi) (?:header|utama|sampul|unggulan|depan)"
        rf"|(?:featured|header|cover|hero|lead|top|banner) (?:image|photo|picture)"
        rf"|(?:image|photo|picture) (?:credits?|source|by))"
        rf"\s*:\s*[^\n]{{1,150}}$"
        rf"|^\s*\(?\s*antara\s*foto\s*/[^\n]{{1,150}}$"
        # a video's credit, its maker and the platform: "Video: Pemkot Bogor/YouTube"
        rf"|^\W{{0,3}}video\s*:\s*[^\n/.!?]{{1,60}}/[^\n/.!?]{{1,40}}\)?\s*$"
        # a site and its photographer standing alone, "KOMPAS.com/RINA PRATIWI"; "Dok. Pribadi"
        rf"|^\s*[\w-]+\.(?:com|co\.id|id)\s*/\s*[^\n/()]{{2,40}}$"
        rf"|^\s*\(?\s*dok\.\s*[^\n()]{{1,60}}\)?\s*$|^\s*\(?\s*(?:ist\.?|istimewa)\s*\)?\s*$"
        rf"|^\s*(?:foto\s+)?ilustrasi\b[^\n]{{0,40}}$"
        # an infographic's caption: "[Infografis] Aturan Netralitas ASN …", "Infografik Calon Perempuan
        # di Pilkada 2026. tirto.id/Quita"
        rf"|^\s*\[\s*infogra(?:fis|fik|phic)\s*\][^\n]{{0,200}}$"
        # an embed's credit in brackets closing a caption: "(credit: instagram.com/citraayudya)"
        rf"|^(?=[^\n]{{0,300}}$)[^\n]*\(\s*(?:credit|kredit|sumber)\s*:\s*[^()\n]{{2,80}}\)\W*$"
        rf"|^\s*infogra(?:fis|fik|phic)\b[^\n]{{0,200}}\b[\w-]+\.(?:id|com|co\.id)\s*/\s*[^\n/]{{2,40}}$"
        # "Ilustrasi - Petugas menghitung uang … Bisnis/Arief Hermawan P": the label and a dash
        rf"|^\s*(?:foto\s+)?ilustrasi\s*[-–—|]\s*[^\n]{{1,300}}$"
        rf"|^\s*(?:foto\s+)?ilustrasi\b[^\n.!?]{{0,120}}[.!?]?\s*\(\s*[^()]{{1,60}}\)\W*$"
        rf"|^(?=[^\n]{{0,300}}$)[^\n]*{PHOTO_CREDIT_END.pattern}",
        _I,
    ),
    # related-headline lists and single related links: "Baca juga: …", "BACA JUGA", "Simak juga",
    # "Lihat juga", "Artikel terkait", "Baca: …", dated headline items of a list
    "related": re.compile(
        _READ_ALSO + r"[^\n]{0,300}$"
        # the next part's headline under its label: "Baca halaman selanjutnya: …", "Artikel berikutnya: …"
        r"|^\W*(?:baca )?(?:halaman|artikel|berita|bagian|tulisan) (?:selanjutnya|berikutnya|sebelumnya)\s*:"
        r"\s*[^\n]{5,200}$"
        # a series' note pointing to its other parts: "Liputan ini merupakan bagian dari seri Pesisir
        # yang Hilang. Baca bagian sebelumnya: …"
        # ... or of a collaboration: "Liputan ini merupakan kolaborasi Jaring.id dengan Kaltim Today"
        r"|^\s*(?:liputan|tulisan|artikel|laporan|berita) ini (?:merupakan |adalah )?(?:hasil )?kolaborasi\b"
        r"[^\n]{0,250}$"
        # ... or of its grant: "Liputan ini didukung dana hibah kecil dari Perkumpulan Kopi Rakyat."
        r"|^\s*(?:liputan|tulisan|artikel|laporan|riset) ini (?:didukung|didanai|dibiayai|terlaksana)\b"
        r"[^\n]{0,60}\b(?:hibah|dana|beasiswa|fellowship|program)\b[^\n]{0,200}$"
        r"|^\s*(?:liputan|tulisan|artikel|laporan|berita) ini (?:merupakan |adalah )?bagian "
        r"(?:(?:ke-?)?\w+ )?dari (?:seri|serial|rangkaian) (?:liputan |laporan |tulisan )?[^\n]{1,250}$"
        # ... or of a network of titles: "Artikel ini merupakan bagian dari Parapuan, Bobo, dan
        # GridKids", "Konten ini bagian dari jaringan media Kompas Gramedia"
        r"|^\s*(?:liputan|tulisan|artikel|laporan|berita|konten) ini (?:merupakan |adalah )?bagian dari "
        r"(?:(?:jaringan|grup|kelompok)\b[^\n]{1,120}"
        r"|(?-i:[A-Z][\w.]+)(?:\s(?-i:[A-Z][\w.]+))?(?:,\s(?-i:[A-Z][\w.]+)(?:\s(?-i:[A-Z][\w.]+))?)*,?"
        r"\s(?:dan|&|serta)\s(?-i:[A-Z][\w.]+)(?:\s(?-i:[A-Z][\w.]+))?)\W*$"
        # ... or of one group named by its capitals, its tagline after it: "Artikel ini merupakan
        # bagian dari KG Media. Ruang aktualisasi diri perempuan …"
        r"|^\s*(?:artikel|berita|konten) ini (?:merupakan |adalah )?bagian dari "
        r"(?-i:[A-Z]{2,6}(?:\s[A-Z][\w.]+)?)\.(?:\s[^\n]{0,160})?$"
        # rule "related label": a label, its mark, what follows; or a two-word label and a headline
        rf"|^[\s»>›•*(\[]*{_RELATED_LABEL}{_RELATED_SEP}\s*[^\n]{{1,300}}$"
        rf"|^[\s»>›•*(\[]*{_RELATED_LABEL2}\s+(?!(?:lainnya|untuk|buat|hari|minggu|pekan|bulan)\b)"
        r"(?-i:[A-Z0-9\"“‘'])\S{0,40}(?:\s+\S{1,40}){2,30}(?<![.!?,;])$"
        # "Baca: …", "[Baca: …]", the English edition's "Read: …"
        r"|^[\s»>›•*(\[–—-]*(?:baca|read)\s*:\s*[^\n]{1,250}$"
        r"|^\s*related\s*:\s*(?-i:[A-Z0-9\"“‘'])[^\n]{3,250}$"
        # "Simak: Jadwal Haflah Akhirussanah 1448 H" (a headline after the label: no sentence's end)
        r"|^\s*(?:simak|lihat)\s*:\s*(?-i:[A-Z0-9\"“‘'])[^\n.!?]{4,200}$"
        r"|^\s*(?:news flash|berita terkini|info terkini|terpopuler|trending|populer)\s*:[^\n]{1,200}$"
        # (the label glued to its headline too, "Baca LainnyaVaksin Dengue …")
        r"|^\s*baca(?:\s+berita)?\s+(?:selengkapnya|lainnya|artikel)(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))[^\n]{0,300}$"
        # "Baca lebih lanjut: <headline>" (The Conversation); a series' label and its sequel's note:
        # "Seri Laporan: Tambang Pasir Merapi", "Bersambung ke Bagian 3", "(Bersambung)"
        r"|^\s*baca lebih lanjut\s*:\s*[^\n]{3,250}$"
        r"|^\s*(?:seri|serial)(?: laporan| liputan| tulisan| artikel)?\s*:\s*[^\n.!?]{3,120}$"
        r"|^\s*bersambung(?: ke (?:bagian|seri|edisi|halaman|tulisan) [\w-]+(?:\s*:\s*[^\n]{3,150})?)?\W*$"
        # a topic's other stories, a link after "di": "Baca berita Persebaya lainnya di sini", "Cek
        # artikel seputar otomotif lainnya di kanal Oto" (a line of its own, no sentence after it)
        r"|^\s*(?:baca|simak|cek|lihat|ikuti)\s+(?:berita|artikel|kabar|informasi|ulasan)\s+(?:seputar\s+)?"
        r"[^\n.!?]{1,40}?\s+(?:lainnya|terbaru|terkini|terlengkap)\s+(?:hanya\s+)?di\s+[^\n.!?]{1,40}?\W*$"
        # "Simak berita lainnya seputar topik artikel ini, di sini:", "Jangan Lewatkan Video Terbaru:"
        r"|^\s*(?:simak|lihat|cek) (?:berita|artikel) (?:lainnya|lain|terkait)\b[^\n]{0,120}$"
        # more by the writer: "Lihat tulisan lainnya dari Laras Wibisono", "Baca kolom lain oleh …",
        # "More articles by …", "See all posts from …"
        r"|^\s*(?:lihat|baca|simak|cek)(?: semua)? (?:tulisan|kolom|opini|artikel|berita|karya)(?:-\w+)?"
        r" (?:(?:lainnya|lain|lengkap) )?(?:dari|oleh|milik)\s[^\n.!?]{2,60}$"
        r"|^\s*(?:see |view |read )?(?:all |more )(?:articles|stories|posts|columns|writing)"
        r" (?:by|from)\s[^\n.!?]{2,60}$"
        r"|^\s*jangan lewatkan (?:video|berita|artikel)\b[^\n.,!?]{0,40}:?\s*$"
        r"|^\s*klik (?:di )?sini untuk (?:membaca|baca|melihat|menonton)\b[^\n]{0,100}$"
        # ... or a short line that sends the reader away with "klik di sini" anywhere in it ("Jadwal
        # MotoGP 2027 sudah rilis! Klik di sini untuk jadwal lengkapnya"), no quotation in it (a
        # story quoting a phishing message keeps it)
        r"|^(?=[^\n]{0,200}$)(?![^\n]*[\"“”‘’])[^\n]*\bklik (?:di )?sini\b[^\n]*$"
        # "Selengkapnya", "Tonton selengkapnya di sini", "Klik untuk baca", "Lanjutkan membaca"
        r"|^\W*(?:(?:baca|tonton|lihat|simak) )?selengkapnya(?: di ?sini)?\W*$"
        r"|^\s*klik (?:untuk (?:baca|membaca)|link (?:berikut|ini|di bawah(?: ini)?))\W*$"
        r"|^\s*lanjutkan membaca\W*$"
        r"|^\s*(?:artikel|berita|topik|konten)\s+(?:terkait|menarik|pilihan|lainnya|populer|terpopuler"
        r"|rekomendasi)\s*:[^\n]{0,300}$"
        rf"|^\s*\d{{0,2}}(?:{_WEEKDAY},?\s*)?\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}},?\s*(?:[|-]\s*)?\d{{1,2}}[:.]\d{{2}}"
        r"(?:\s*(?:wib|wita|wit))?\b[^\n]{0,160}$"
        r"|^[\s»>›•*(\[–—-]*(?:simak|lihat|tonton|saksikan)\s+(?:juga\s+)?(?:video|live|vidio|foto)\b[^\n]{0,300}$"
        r"|^\s*(?:simak|lihat|tonton|saksikan) (?:video|foto)nya\b[^\n.,!?]{0,40}:?\s*$"
        r"|^\s*\[gambas:[^\]]*\]\s*$|^\s*video\s+(?:pilihan|terkait|terpopuler|populer|terkini|terbaru|lainnya)\s*:?[^\n]{0,200}$"
        # a link to the site's other story under its name: "Also on rt.com Journalists & …"
        r"|^\s*(?:also (?:on|at|from)|juga di|baca di) [\w-]+(?:\.[a-z]{2,12}){1,2}\b[^\n]{0,200}$"
        # the same with a colon: "On HoustonChronicle.com: Car sales plunge …", "Di Kompas.com: …"
        r"|^\s*(?:on|di) [\w-]+(?:\.[a-z]{2,12}){1,2}\s*:\s*[^\n]{10,200}$",
        _I,
    ),
    # a heading that opens a list of headlines (the lines after it that look like headlines go too)
    "related_header": re.compile(
        r"^\s*(?:(?:berita|artikel|foto|video|topik|konten)\s+)?(?:terkait|lainnya|terpopuler|populer"
        r"|terbaru|terkini|pilihan|rekomendasi|menarik)"
        r"(?:\s+(?:lainnya|untuk\s+anda|untukmu|buat\s+anda|hari\s+ini|minggu\s+ini|pekan\s+ini"
        r"|bulan\s+ini))?\s*:?\s*$"
        r"|^\s*(?:baca|lihat|simak)\s+(?:juga|pula)\s*:?\s*$"
        rf"|^[\s»>›•*(\[]*{_RELATED_LABEL}(?:{_RELATED_SEP})?\s*$"
        r"|^\s*simak\s+[\w ]{0,30}\b(?:lainnya|populer)\s*$"
        r"|^\s*(?:berita|artikel)\s+(?:selanjutnya|sebelumnya|berikutnya)\s*:?\s*$"
        r"|^\s*read more\s*(?:\.{3}|…)\s*$|^\s*explore further\s*$"
        r"|^\s*(?:popular (?:photos|videos|posts|news)|most popular|read more|related (?:news|articles?"
        r"|posts?|stories)|you may also like|recommended(?: for you)?|more stories)\s*:?\s*$",
        _I,
    ),
    # rating, reaction, comment, disclaimer and share widgets
    "widget": re.compile(
        r"^\s*(?:bagaimana|apa)\s+(?:reaksi|perasaan|tanggapan)(?:mu|\s+(?:anda|kamu|mu))\b[^\n]{0,80}$"
        # a comment thread's call: "Join the conversation — comments are moderated."
        r"|^\W*join the (?:conversation|discussion)\b[^\n]{0,100}$"
        # a portal's meta row, its date then its view counter and poster: "Jumat, 27 November 2026
        # Dibaca 412 kali Admin Dispertapa" (a sentence saying how often something was read ends)
        rf"|^\W*(?:{_WEEKDAY}\b|\d{{1,2}}[/ .-])[^\n]{{0,60}}\b(?:dibaca|dilihat)\s*:?\s*[\d.,]+\s*"
        r"(?:kali|x)\b[^\n.!?]{0,60}$"
        # an update or correction notice: "Berita ini telah diperbarui pada Senin (30/11) pukul 07.02
        # WITA", "Ralat: Judul dan paragraf pertama artikel ini telah diubah.", "This story has been
        # updated to include …", "In case of discrepancy, the Indonesian version prevails."
        # (under its label: "Pembaruan: Artikel ini telah diperbarui pada pukul 18.30 WIB …")
        r"|^\W*(?:(?:pembaruan|pembaharuan|update|catatan(?: redaksi)?)\s*:\s*)?"
        r"(?:berita|artikel|tulisan|laporan) ini (?:telah|sudah|akan terus|terus) (?:di)?"
        r"(?:perbarui|perbaharui|update|ubah|koreksi|ralat|revisi)\b[^\n]{0,200}$"
        r"|^\W*(?:ralat|koreksi|correction|clarification)\s*:\s*(?:judul|artikel|berita|paragraf|tulisan"
        r"|nama|this (?:story|article)|an earlier version)\b[^\n]{0,250}$"
        r"|^\W*(?:this|the) (?:story|article|report) (?:has been|was) (?:updated|corrected|amended)\b"
        r"[^\n]{0,200}$"
        # (under "Editor's note:" the same update is kept: the Zyte benchmark's gold keeps it, "Editor's
        # note: This story was updated at 5:45 p.m. ET to include …")
        # ... or the edition's: "Editor’s note: This article was first published in Indonesian by …"
        r"|^\W*(?:editor['’]?s['’]? note\s*:\s*)?(?:this|the) (?:story|article|report) (?:was|has been) "
        r"(?:first |originally )?(?:published|written) in (?:bahasa )?indonesian?\b[^\n]{0,200}$"
        # (a translation's note: "Translated by … In case of discrepancy, the Indonesian version prevails.")
        r"|^[^\n]{0,160}\bin (?:the )?case of (?:any )?discrepanc(?:y|ies)\b[^\n]{0,120}$"
        # a spoiler warning: "Peringatan: paragraf berikut mengandung bocoran cerita"
        r"|^[^\n]{0,80}\bmengandung (?:bocoran(?: cerita)?|spoiler)\b[^\n]{0,80}$"
        # a partner's content note: "Konten ini diproduksi oleh kumparanNEWS"
        r"|^\W*konten ini (?:diproduksi|dibuat|ditulis|disediakan) oleh\b[^\n]{0,120}$"
        # an audio player's label: "Dengarkan artikel ini: Durasi 04:12", "Listen to this article"
        r"|^\s*(?:dengarkan (?:artikel|berita|tulisan) ini|listen to (?:this|the) (?:article|story))\b"
        r"[^\n]{0,60}$"
        # an embedded video's label: "Tonton di YouTube", "Watch on YouTube"
        r"|^\W*(?:tonton|lihat|saksikan|watch)(?: (?:video|videonya))? (?:di|on) (?:youtube|tiktok|instagram"
        r"|facebook|vimeo|x)\W*$"
        # a shop link's commission notice: "Orami dapat menerima komisi dari tautan pembelian.",
        # "… dapat memperoleh komisi dari pembelian melalui tautan di atas" (the English "may earn a
        # commission" the Zyte benchmark's gold text keeps, as part of the article)
        # (the shop's link named: a story's commission from a supplier is no notice)
        r"|^[^\n]{0,160}\b(?:menerima|memperoleh|mendapat(?:kan)?) komisi (?:dari|atas|untuk)\b[^\n]{0,80}"
        r"\b(?:tautan|link|afiliasi)\b[^\n]{0,160}$"
        # a reader poll's count: "1.208 orang sudah memberi suara", "345 votes"
        r"|^\s*[\d.,]+\s+(?:orang|pembaca|responden)\s+(?:sudah |telah )?(?:memberi(?:kan)? suara|memilih"
        r"|berpartisipasi|ikut (?:memilih|voting))\W*$"
        # an empty comment section: "Belum ada tanggapan.", "Belum ada komentar. Jadilah yang pertama
        # berkomentar!", "No comments yet. Be the first to comment."
        r"|^\s*(?:belum ada (?:tanggapan|komentar|ulasan|balasan)|no (?:comments|responses|replies) yet"
        r"|jadilah (?:yang )?pertama (?:yang )?(?:berkomentar|memberi (?:komentar|tanggapan))"
        r"|be the first to (?:comment|respond|reply))\b[^\n]{0,80}$"
        # a comment form's prompt to log in: "Log in to post comments" (Drupal), "Login untuk
        # berkomentar", "Masuk untuk mengirim komentar"
        r"|^\s*[-•·]?\s*(?:log ?in|sign in|register)(?: or register)? to (?:post|add|leave) comments?\W*$"
        r"|^\s*[-•·]?\s*(?:log ?in|masuk|daftar)(?: atau daftar)? untuk"
        r" (?:mengirim |menulis |memberi |memberikan )?"
        r"(?:berkomentar|komentar)\W*$"
        # a satisfaction survey's call: "Bantu kami meningkatkan layanan dengan mengisi survei
        # kepuasan pasien."
        r"|^(?=[^\n]{0,160}$)\W*(?:bantu kami|yuk|ayo|mari|silakan|klik)\b[^\n]{0,60}\b(?:isi|mengisi|ikuti"
        r"|mengikuti)\s+survei\b[^\n]*$"
        # a paywall's meter: "Anda membaca 2 dari 5 artikel gratis bulan ini.", "You have read 2 of 5
        # free articles this month."
        r"|^\s*(?:anda|kamu) (?:telah |sudah )?membaca \d+ dari \d+ (?:artikel|berita)"
        r"(?=[^\n]{0,60}\b(?:gratis|bulan ini|pekan ini|minggu ini|hari ini|tersisa)\b)[^\n]{0,80}$"
        r"|^\s*you(?: have|'ve) read \d+ (?:of|out of) \d+ free (?:articles|stories)\b[^\n]{0,80}$"
        # a prayer-times strip: "Subuh 04:05 | Dzuhur 11:42 | Ashar 15:06 | Maghrib 17:55 | Isya 19:08"
        r"|^\s*(?:(?:imsak|subuh|syuruq|terbit|dhuha|dzuhur|zuhur|dhuhur|ashar|asar|maghrib|magrib|isya|isya')"
        r"\s*:?\s*\d{1,2}[:.]\d\d\s*(?:wib|wita|wit)?\s*[|•·,/-]?\s*){3,8}$"
        # a recipe's call for the readers' rating: "Beri rating dan ceritakan hasil masakan Anda di
        # kolom komentar!"
        r"|^\s*(?:beri|berikan)\s+(?:rating|nilai|bintang|ulasan)\b[^\n]{0,60}\b(?:komentar|resep ini)\b"
        r"[^\n]{0,40}$"
        r"|^\s*[-•·]?\s*(?:rate (?:artikel|berita) ini|(?:beri|berikan) (?:nilai|rating|reaksi|skor)"
        r"(?: (?:kamu|anda|mu|untuk (?:artikel|berita|film|ulasan) ini|(?:artikel|berita) ini))?"
        r"|(?:like|suka|dislike|love|senang|sedih|marah|terkejut|takut|lucu)\s*\(\d+\))\W*$"
        r"|^\s*(?:[-•·|]?\s*[A-Za-z]+(?:\s[A-Za-z]+)?\s*\(\d+\)\s*){1,8}$|^\s*\d{1,5}\s*$"
        # a writer's profile counters: "Tulisan: 19 · Pengikut: 140", "Followers 1.2K"
        r"|^\s*(?:(?:tulisan|artikel|pengikut|mengikuti|followers?|following|posts?|karya)\s*:?\s*[\d.,]+\s*"
        r"(?:rb|ribu|k|jt)?\s*[·•|,]?\s*){1,4}$"
        # a reactions bar's words alone: "Senang Sedih Marah Kaget"
        r"|^\s*(?:(?:senang|sedih|marah|kaget|terkejut|lucu|takut|bangga|terinspirasi|inspiratif|kecewa"
        r"|gemas|gembira|wow|haha|love|suka)\s*[·•|,]?\s*){3,8}$"
        # an editorial's or a release's note on what it is: "Tajuk ini merupakan sikap redaksi Jambi
        # Independent.", "Berita ini merupakan rilis resmi yang diolah redaksi."
        r"|^(?=[^\n]{0,200}$)\s*(?:berita|artikel|tulisan|konten|tajuk(?: rencana)?|editorial|rubrik) ini "
        r"(?:merupakan|adalah|ialah) (?:(?:sikap|pandangan|pendapat|suara) (?:resmi )?redaksi"
        r"|(?:rilis|siaran pers|press release)\b(?: resmi)?"
        r"(?:\s+(?:yang\s+)?(?:diolah|disunting|diterima|dari)\b[^\n]{0,100})?\W*$)"
        r"|^\s*(?:disclaimer|disclosure|pengungkapan|penafian)\s*:"
        r"(?=[^\n]{0,300}\b(?:yang|dan|ini|untuk|tidak|bukan|dari|atau|merupakan|adalah|di|sepenuhnya)\b)"
        r"[^\n]{0,600}$"
        r"|^[^\n]{0,300}(?:tanggung\s*jawab\s+(?:dari\s+)?"
        r"(?:pengirim|penulis|pembaca|komentator)"
        r"|(?:sepenuhnya|menjadi|merupakan) tanggung\s*jawab pewarta warga|bukan\s+(?:merupakan\s+)?"
        r"(?:pendapat|kebijakan|sikap)\s+(?:atau\s+kebijakan\s+)?redaksi|redaksi\s+berhak\s+(?:mengubah"
        r"|menghapus|menyunting|menolak))[^\n]{0,300}$"
        r"|^\s*(?:\d+\s+)?komentar\s*(?:\(\d+\))?\s*:?\s*$"
        r"|^\s*(?:tulis|lihat|tampilkan|kirim|beri|berikan|baca)\s+(?:semua\s+)?komentar\b[^\n]{0,60}$"
        r"|^\s*(?:bagikan|share|sebarkan)(?:\s+(?:artikel|berita|tulisan)\s+ini)?(?:\s+(?:ke|via|di|melalui))?"
        r"\s*:?\s*(?:(?:facebook|twitter|whats ?app|telegram|linkedin|line|email|e-mail|x|copy link"
        r"|salin (?:tautan|link)|pinterest)\W*)*$"
        r"|^[^\n]{0,200}(?:#jernihberkomentar|lengkapi data dirimu|verifikasi akun)[^\n]{0,200}$"
        r"|^\s*(?:alamat email anda tidak akan dipublikasikan|ruas yang wajib ditandai|nama\s*\*\s*$"
        r"|email\s*\*\s*$|situs web\s*$|simpan nama, email|back to top\s*$|kembali ke atas\s*$)[^\n]*$"
        # a widget's status message: "An error has occurred, please try again later.", "Terjadi
        # kesalahan. Silakan coba lagi.", a share-by-email box's "This article has been sent to"
        r"|^\s*(?:an error (?:has )?occurred|something went wrong|terjadi (?:sebuah )?kesalahan)\W*"
        r"(?:(?:please )?try again(?: later)?|silakan coba (?:lagi|kembali)(?: nanti)?)?\W*$"
        r"|^\s*this article has been sent to\b[^\n]{0,80}$"
        # a live report's reload prompt: "Muat ulang halaman untuk pembaruan terbaru", "Refresh this
        # page for updates"
        r"|^\s*(?:muat ulang|refresh|segarkan)(?: kembali)? (?:halaman|laman|the page|this page)(?: ini)?"
        r"(?:\s+(?:untuk|for)\s[^\n.!?]{0,60})?\W*$"
        # ... or its button for the entries not shown: "Muat pembaruan sebelumnya", "Tampilkan lebih
        # banyak update", "Load earlier updates"
        r"|^\s*(?:muat|tampilkan|lihat)(?:\s+(?:lebih banyak|semua))?\s+(?:pembaruan|update|entri|postingan)"
        r"(?:\s+(?:sebelumnya|lainnya|terdahulu|lebih lama|lama))?\W*$"
        r"|^\s*(?:load|show|see)\s+(?:more|earlier|older|previous|all)\s+(?:updates|posts|entries)\W*$"
        # ... or its notice of reloading itself: "Halaman ini refresh otomatis setiap 60 detik.",
        # "This page refreshes automatically every minute"
        r"|^\s*(?:halaman|laman)(?: ini)? (?:akan )?(?:di)?(?:refresh|muat ulang|perbarui|diperbarui"
        r"|memperbarui|memuat ulang)(?: secara)? otomatis(?:\s+(?:setiap|tiap|per|dalam)\b[^\n]{0,40})?\W*$"
        r"|^\s*this page (?:will )?(?:auto-?)?(?:refresh|reload|update)e?s?(?: itself)?(?: automatically)?"
        r"(?: every\b[^\n]{0,40})?\W*$"
        # share and response prompts: "Ayo berbagi!", "Share this article", "Tanggapi Berita Ini"
        r"|^\s*(?:ayo|yuk) (?:berbagi|bagikan|share)\W*$|^\s*share this (?:article|story|post)\W*$"
        # ... with whom to share it: "Bagikan warta ini kepada saudara-saudara seiman. Tuhan memberkati.",
        # "Yuk bagikan berita ini!", "Share this article with your friends."
        r"|^\s*(?:(?:ayo|yuk|mari|silakan|jangan lupa),?\s+)?(?:bagikan|share) (?:berita|artikel|warta"
        r"|tulisan|informasi|kabar|postingan|konten) ini\b[^\n]{0,120}$"
        r"|^\s*share this (?:article|story|post) with\b[^\n]{0,80}$"
        r"|^\s*(?:sharing is caring|berbagi (?:itu|adalah) (?:peduli|indah))\W*$"
        r"|^\s*(?:tanggapi|komentari) (?:berita|artikel|tulisan) ini\W*$"
        r"|^\s*(?:laporkan|report)(?: (?:komentar|comment))?\W*$"
        r"|^\s*(?:a[-+]?\s+){1,2}a[-+]?\s*$|^\s*(?:cari|search)(?: berita| artikel)?\W*$"
        r"|^\s*(?:tutup|close|x)\s*$"
        r"|^(?:[^\n]{1,160}?[.!?]\s+)?(?:isi|konten|tulisan)(?: (?:tulisan|artikel|opini|kolom))?(?: ini)?"
        r" (?:berada )?di luar tanggung\s*jawab redaksi\W*$"
        # a reader's submission: "*) Tulisan ini adalah kiriman dari pembaca detik, isi dari tulisan
        # di luar tanggung jawab redaksi. Ingin membuat tulisan kamu sendiri? …"
        r"|^\W*(?:tulisan|artikel|opini|konten|cerita) ini (?:adalah|merupakan) (?:tulisan |artikel |opini )?"
        r"kiriman (?:dari )?(?:pembaca|pengguna|warga|netizen|kontributor)\b[^\n]{0,300}$"
        # a health page's notice: "Artikel ini hanya informasi umum. Untuk diagnosis …"
        # an investment disclaimer under its Indonesian label or in its words: "Sanggahan: Artikel ini
        # adalah produk jurnalistik …", "… does not constitute investment advice." (a Zyte page's gold
        # text keeps an English "Disclaimer: The views … are their own")
        r"|^\W*(?:sanggahan|penafian)\s*:\s*[^\n]{10,400}$"
        r"|^[^\n]{0,200}\b(?:this|the) (?:article|content|information|report|analysis)\b[^\n.]{0,80}"
        r"\b(?:does not constitute|is not)\s(?:an? )?(?:investment|financial) advice\b[^\n]{0,200}$"
        r"|^[^\n]{0,200}\b(?:artikel|analisis|konten|informasi|tulisan) ini\b[^\n.]{0,80}"
        r"\b(?:bukan (?:merupakan )?(?:saran|ajakan|rekomendasi)|tidak bertujuan (?:mengajak|menyarankan))\b"
        r"[^\n]{0,200}$"
        r"|^\s*(?:artikel|informasi|konten|tulisan)(?: ini)? (?:hanya|bersifat|merupakan)(?: bersifat)?"
        r"(?: sebagai)? informasi(?: umum| edukasi)?\b[^\n]{0,250}$"
        # a story's notes on where it first ran and who supported it: "This article was first
        # published in Indonesian.", "This story was produced with the support of …", "Liputan ini
        # didukung oleh …"
        r"|^\s*this (?:article|story|report) was (?:first|originally) published in\b[^\n]{0,200}$"
        r"|^\s*this (?:article|story|report) was (?:reported|written|produced) by\b[^\n]{0,120}"
        r"\b(?:first|originally) published\b[^\n]{0,200}$"
        # a series' place: "Ini adalah tulisan kedua dari tiga bagian.", "Artikel ini bagian 2 dari 3"
        r"|^(?:\W*seri\b[^\n]{1,80}?[-–—:]\s*)?\W*(?:ini (?:adalah |merupakan )?)?"
        r"(?:tulisan|artikel|laporan|bagian)(?: ini)? (?:ke-?\s?)?"
        r"(?:\d|pertama|kedua|ketiga|keempat|kelima|satu|dua|tiga|empat|lima) dari (?:\d|dua|tiga|empat|lima"
        r"|enam) (?:bagian|tulisan|seri|artikel|laporan)\b[^\n]{0,160}$"
        r"|^\s*this (?:story|article|report|reporting) (?:was|is) (?:produced|supported|made possible|funded)"
        r"\b[^\n]{0,250}$"
        r"|^\s*(?:catatan redaksi\s*:\s*)?(?:liputan|artikel|tulisan|laporan) ini (?:merupakan |adalah )?"
        r"hasil (?:liputan |kerja sama |kerjasama |kolaborasi )[^\n]{0,300}$"
        r"|^\s*(?:liputan|artikel|tulisan|laporan) ini (?:didukung|terselenggara|dibuat|diproduksi)"
        r" (?:oleh|atas|dengan|berkat) (?:dukungan\b)?[^\n]{0,250}$"
        # an opinion page's disclaimer: "Tulisan ini merupakan opini pribadi penulis dan tidak
        # mewakili pandangan redaksi kumparan.", "The views expressed are the author's own …"
        r"|^[^\n]{0,200}\b(?:tidak|bukan)\s+(?:serta[- ]merta\s+|selalu\s+)?(?:mewakili|mencerminkan"
        r"|merupakan)\s+(?:pandangan|sikap|pendapat|kebijakan|opini)\s+(?:resmi\s+)?(?:dari\s+)?"
        r"(?:redaksi|media ini|penerbit)\b[^\n]{0,200}$"
        # ... "Pandangan yang dinyatakan dalam tulisan ini merupakan pandangan penulis …", "Tulisan ini
        # merupakan pendapat pribadi penulis."
        r"|^\s*(?:pandangan|pendapat|opini|isi)(?: yang (?:dinyatakan|disampaikan|dikemukakan|tertuang|ada))?"
        r" (?:dalam|pada|di) (?:tulisan|artikel|kolom|catatan|opini) ini (?:merupakan|adalah|sepenuhnya)"
        r" (?:pandangan|pendapat|opini|tanggung\s*jawab)\s+(?:pribadi\s+)?(?:dari\s+)?penulis\b[^\n]{0,250}$"
        r"|^\s*(?:tulisan|artikel|kolom|opini) ini (?:merupakan|adalah|sepenuhnya)"
        r" (?:pendapat|opini|pandangan) pribadi(?: (?:dari )?penulis(?:nya)?)?\b[^\n]{0,250}$"
        r"|^\s*(?:the |all )?(?:views|opinions)(?: and opinions| and views)? expressed (?:in this|here|are)"
        r"\b[^\n]{0,250}$"
        # a player's fallback message: "Your browser doesn't support HTML5", "Browser Anda tidak
        # mendukung pemutar video ini."
        r"|^\s*(?:your browser (?:does ?n[o'’]t|does not|cannot) (?:support|play)|(?:browser|peramban)"
        r" (?:anda|kamu) tidak (?:mendukung|dapat memutar))\b[^\n]{0,80}$"
        # a media partner's disclaimer: "Konten ini sepenuhnya merupakan tanggung jawab Lampung Geh,
        # bukan tanggung jawab kumparan."
        r"|^\s*(?:isi|konten|tulisan|artikel|berita)(?: ini)? (?:sepenuhnya )?"
        r"(?:merupakan |menjadi |adalah )?tanggung\s*jawab [^\n]{1,60}?,? (?:dan )?bukan (?:merupakan )?"
        r"tanggung\s*jawab [^\n]{1,60}$"
        # a site's visitor counter (government and school sites' sidebars): "Hari ini: 1.284",
        # "Total: 3.482.117", "Pengunjung Online : 12"
        r"|^\s*(?:(?:pengunjung|kunjungan|visitors?|hits) )?(?:hari ini|kemarin|minggu ini|bulan ini|online"
        r"|today|yesterday)\s*:\s*[\d.,]+\s*$"
        r"|^\s*(?:total|jumlah) (?:pengunjung|kunjungan|visitors?|hits|dibaca|views)\s*:\s*[\d.,]+\s*$"
        # ... several on a line: "Hari ini: 58 | Kemarin: 121 | Total: 48.302", "Online: 3 • Hari ini: 64"
        rf"|^\s*(?:{_COUNTER_ITEM}\s*[|•·/]\s*){{1,5}}{_COUNTER_ITEM}\s*$"
        # a story's read counter: "1287 reads" (Drupal's statistics), "Dibaca 1.234 kali", "1.234 kali
        # dibaca", "Dilihat: 845x"
        r"|^\s*[\d.,]+\s*(?:reads|views|kali dibaca|x dibaca|kali dilihat|pembaca)\s*$"
        r"|^\s*(?:dibaca|dilihat)\s*:?\s*[\d.,]+\s*(?:kali|x)?\s*$"
        # a CMS's link under the story to its comment form: "Add new comment" (Drupal), "Tambah
        # komentar baru"
        r"|^\s*(?:add new comment|add a comment|tambah(?:kan)? komentar(?: baru)?|tulis komentar)\s*$"
        # a quick count's disclaimer: "Hasil hitung cepat bukan hasil resmi. Hasil resmi … KPU …"
        r"|^\W*(?:hasil )?(?:hitung cepat|quick count)\b[^\n.]{0,60}\bbukan (?:merupakan )?hasil resmi\b"
        r"[^\n]{0,200}$"
        # a comment section's disclaimer: "Komentar sepenuhnya menjadi tanggung jawab pengguna dan
        # diatur dalam UU ITE."
        r"|^\s*(?:setiap |semua |isi )?komentar(?: (?:anda|pembaca|pengguna))? (?:sepenuhnya )?"
        r"(?:menjadi |merupakan |adalah )?tanggung\s*jawab "
        r"(?:pengguna|pembaca|anda|penulis(?:nya)?|pemberi komentar|komentator)\b[^\n]{0,200}$"
        # a market-data box's notice: "Quotes delayed at least 15 minutes. Real-time quotes provided
        # by …", "Data harga saham tertunda 15 menit."
        r"|^\s*(?:(?:real-time |market )?(?:quotes|data|prices)|(?:data )?harga saham|data pasar)"
        r"(?: (?:are|is|di))? (?:delayed|tertunda)(?: (?:at least|by|minimal|sekitar))? \d{1,2} "
        r"(?:minutes?|menit)\b[^\n]{0,600}$"
        # a page's reading controls: an audio player's label, link copying, text size
        r"|^\s*(?:dengarkan|putar|listen to)(?: (?:artikel|berita|this article|the article))?(?: ini)?\W*$"
        r"|^\s*(?:salin|copy) (?:tautan|link|url)\W*$|^\s*(?:tautan|link) (?:disalin|tersalin|copied)\W*$"
        r"|^\s*(?:ukuran (?:teks|huruf|font)|(?:perbesar|perkecil) (?:teks|huruf|tulisan))\W*$"
        # a social post embedded in the story, its frame's lines: "Lihat postingan ini di
        # Instagram", "Sebuah kiriman dibagikan oleh Grid.ID (@gridid)", "A post shared by …"
        r"|^\s*(?:lihat (?:postingan|kiriman|unggahan|foto|video) ini di|view this (?:post|photo|video) on"
        r"|lihat di|view on) (?:instagram|tiktok|facebook|threads|x|twitter)"
        # (both lines as one, the embed's link holding them: "Lihat postingan ini di Instagram. Sebuah
        # kiriman dibagikan oleh Dapur Sulastri (@dapur_sulastri)")
        r"(?:\W+(?:(?:sebuah |suatu )?(?:kiriman|postingan|unggahan) (?:yang )?dibagikan oleh"
        r"|a post shared by)\b[^\n]{0,80}\(@[\w.]{1,40}\))?\W*$"
        r"|^\s*(?:(?:sebuah |suatu )?(?:kiriman|postingan|unggahan) (?:yang )?dibagikan oleh"
        r"|a post shared by)\b[^\n]{0,80}\(@[\w.]{1,40}\)\W*$",
        _I,
    ),
    # reporter/editor codes standing alone: "(rdp/imk)", "(H-4)", "(Ant/P-3)", "(ant)", "(*)"
    "credit_code": re.compile(
        r"^\s*(?:antara|afp|reuters|xinhua|bernama)\s*$"
        # a press release's closing source line, its label in capitals: "SUMBER Solarindo Energi"
        r"|^\s*(?-i:SUMBER|SOURCE)\s+(?-i:[A-Z])[^\n]{1,80}$"
        # an address the page hid from robots (Cloudflare's email protection): "[email protected]"
        r"|^\s*\[email\s+protected\]\W*$"
        # a reporter's name in brackets and the desk's letter after a dash: "(Dwi Agus)-c", "(Roy)-f"
        r"|^\s*\((?-i:[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})\)\s*-\s*(?-i:[a-z])\s*$"
        # ... a desk's number after the code, "(kmb/27)"; desks' codes with numbers, "(A-150/A-88)***"
        r"|^\s*\((?:[a-z]{2,6}\s*/\s*\d{1,3}|[a-z]{1,3}-\d{1,3}(?:\s*/\s*[a-z]{1,3}-\d{1,3})+)\)\s*\**\.?\s*$"
        r"|^\s*\((?:[a-z]{2,6}\d{0,2}(?:\s*/\s*[a-z]{2,6}\d{0,2})+|(?:[a-z]{1,6}\s*/\s*)?[a-z]{1,3}-\d{1,3}"
        r"|ant|antara|\*+|\*\s*/\s*[a-z]{2,6}|[a-z]{2,4}|[a-z]\d{1,3}\s*/\s*[a-z]{1,6}\d{0,2})\)\.?\s*$"
        # ... an editor's initials under their label, after the reporter's or not, "(ns/ed: kg)",
        # "(ed: rh)"; a reporter's initials with the desk's asterisk, "(IR*)"
        r"|^\s*\((?:[a-z]{2,4}\s*/\s*)?(?:ed|red|editor)\s*:\s*[a-z]{2,4}\)\.?\s*$"
        r"|^\s*\((?-i:[A-Z]{1,4})\*{1,2}\)\.?\s*$"
        # a press release's number alone on its line: "Nomor SP-71/KLI/2026", "Siaran Pers No.
        # 123/HM/KOMINFO/11/2026"
        # (with a colon, "Nomor: B-412/SETMEN/…", it opens the contacts: family "contact")
        r"|^\W*(?:siaran pers\s+)?(?:nomor|no\.)\s*[A-Z0-9][\w.-]{0,20}(?:\s*/\s*[\w.-]{1,20}){1,6}\s*$"
        # ... the last one an office's, longer or of two words: "(adv/hms8/dprdkaltim)", "(her/sul/adpimprov
        # kaltim)"
        r"|^\s*\((?:[a-z]{1,6}\d{0,2}\s*/\s*){1,3}[a-z]{2,16}\d{0,2}(?:\s[a-z]{2,12})?\)\.?\s*$"
        # a site and its reporter in brackets standing alone: "(TribunJogja/Rina)", "(Reuters/Budi)";
        # the reporter's whole name and the editor's: "(Ahmad Fauzi/Nashih)"
        # (an office's name with a hyphen: "(DKIPS-Maluku/rfs)")
        r"|^\s*\(\s*[A-Za-z][\w.-]{2,30}(?:\s+[A-Z][\w.]{1,20}){0,3}\s*/\s*[A-Za-z][\w .']{1,40}\)\.?\s*$"
        # the reporter's name and the desk's number: "(Mahardika Pratama-77)"
        r"|^\s*\((?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})\s?-\s?\d{1,3}\)\.?\s*$"
        # a source or a note alone in brackets: "(Kompas.com)", "(Antaranews)", "(Bersambung)"
        r"|^\s*\(\s*[A-Za-z][\w.-]{2,30}(?:\s+(?-i:[A-Z])[\w.-]{1,20}){0,2}\s*\)\.?\s*$"
        # a print edition's jump lines: "(bersambung ke hal 7)", "Sambungan dari hal 1", "(Baca
        # selanjutnya di halaman 5)"
        r"|^\s*\(?\s*(?:bersambung|sambungan|lanjutan)(?: (?:ke|dari))? (?:hal(?:aman)?\.?|hlm\.?) ?\d{1,3}"
        r"\s*\)?\.?\s*$"
        # "[ded]" (Merdeka's, in lower case: "[CNET]" names a source); a site and its reporter in
        # brackets: "(Tribunjogja.com/Rina Pratiwi)"
        r"|^\s*\[(?-i:[a-z]{2,4})\]\s*$|^\s*\[[a-z]{2,6}\d{0,2}(?:\s*/\s*[a-z]{1,6}(?:-[a-z]{2,8})?\d{0,2}){1,3}\]\.?\s*$"
        # "[RWT | ADV DPRD SAMARINDA]": the code and an advertorial's label (in capitals)
        r"|^\s*\[(?-i:[A-Z]{2,6}\s*[|/]\s*(?:ADV|ADVERTORIAL|ADS|PR)\b[A-Z .]{0,40})\]\.?\s*$"
        r"|^\s*\((?:antara|[\w-]+\.(?:com|co\.id|id))\s*/\s*[^()/\n]{2,60}\)\.?\s*$"
        rf"|^\s*\({_CODE_DOMAIN}\)\.?\s*$",
        _I,
    ),
    # (alone, between dashes, or two of them: "- ADVERTISEMENT -", "Iklan - Gulir untuk melanjutkan")
    "ads": re.compile(
        r"^\W*(?:advertisement|scroll to (?:continue|resume)(?: with content| reading| content)?"
        r"|continue reading below|(?:scroll|gulir)(?: ke bawah)? untuk (?:melanjutkan|lanjut)(?: membaca)?"
        # an ad break's label between two halves of a story: "Cerita berlanjut", "Story continues"
        r"|(?:cerita|berita|artikel) (?:berlanjut|dilanjutkan)(?: di bawah(?: ini)?)?"
        r"|story continues(?: below)?"
        r"|iklan|ads|sponsored|konten sponsor|loading\.*|tutup iklan|close ad)"
        r"(?:\W+(?:advertisement|scroll to (?:continue|resume)(?: with content| reading| content)?"
        r"|(?:scroll|gulir)(?: ke bawah)? untuk (?:melanjutkan|lanjut)(?: membaca)?|iklan))?\W*$"
        # a sponsors' strip under its label: "Didukung oleh sponsor resmi: Bank A · Raket B",
        # "Supported by: …", "Official partners: …" (the label, a colon, names; no sentence)
        r"|^\W*(?:(?:didukung|disponsori|dipersembahkan|disajikan) oleh|supported by|sponsored by|powered by"
        r"|presented by|in partnership with|(?:official |media )?(?:sponsors?|partners?)"
        r"|(?:sponsor|mitra|partner)(?: resmi| media| utama)?)(?: (?:sponsor|mitra|partner)s?(?: resmi)?)?"
        r"\s*:\s*(?![^\n]*\b(?:yang|untuk|dengan|akan|adalah|telah|sudah|ini|itu|the|will|said)\b)"
        r"[^\n.!?]{2,200}$"
        r"|^\W*$",
        _I,
    ),
    "pagination": re.compile(
        r"^\s*(?:halaman|hal\.?|page)\s*:?\s*(?:selanjutnya|berikutnya|sebelumnya|all|semua)?"
        r"[\s\d/|,.]*(?:dari\s*\d+\s*)?(?:selanjutnya|berikutnya|next|»|›)?\W*$"
        r"|^\s*(?:(?:next|previous|prev) (?:article|story|post)|(?:baca )?selanjutnya|berikutnya|sebelumnya"
        r"|next|prev(?:ious)?|show all|lihat semua"
        r"|tampilkan semua|load more|muat lebih banyak"
        # a live report's button: "Muat update terbaru", "Load new updates"
        r"|muat (?:update|pembaruan|berita|kabar) (?:terbaru|terkini)|load (?:new|latest) (?:updates|posts)"
        # a page's tools: "Versi Cetak", "Print", "Kirim Artikel Ini ke Teman", "Vérsi citakeun" (Sundanese)
        r"|versi cetak|cetak(?: berita| artikel)?|print(?: this (?:article|page|story))?|v[eé]rsi citakeun"
        r"|kirim(?: artikel| berita)?(?: ini)? ke (?:teman|kawan|email)"
        r"|e-?mail (?:this|artikel ini|berita ini)"
        r"|send to a friend)\W*$"
        r"|^\s*(?:\d+\s+)+\d*\s*(?:selanjutnya|next|»|›)?\s*$"
        # a photo gallery's slide counter: "1 / 4", "2 dari 10", "3 of 12"
        r"|^\s*\d{1,3}\s*(?:/|dari|of)\s*\d{1,3}\s*$"
        # a row of a page's tools in square brackets: "[ Versi Cetak ] [ Kirim Berita ] [ Kembali ]"
        r"|^(?:\s*\[\s*[^\[\]\n]{1,25}?\s*\]){2,6}\s*$",
        _I,
    ),
    "account": re.compile(
        r"^\s*(?:baca berita tanpa iklan|login untuk|masuk untuk|daftar (?:sekarang|gratis)|"
        r"berlangganan|subscribe)\b.{0,120}$"
        # a sign-up box's thanks and its prompt to log in: "Thank you for registering", "Please refresh
        # the page … to be automatically logged in", "Terima kasih telah mendaftar"
        r"|^\s*(?:thank you|thanks) for (?:registering|signing up|subscribing)\W*$"
        # a paywall's offer: "… Register now to enjoy unlimited access to Kompas.id.", and its button
        # (its four words keep it to the lines that hold one: a word as common as "untuk" would
        # send most lines of a story through every family's patterns)
        r"|^[^\n]{0,160}\b(?:register|sign up|subscribe|sign in)(?: now| today)? (?:to|for) "
        r"(?:enjoy |get |read )?(?:unlimited|full|free)\b[^\n]{0,120}$"
        r"|^\s*(?:register|sign up|log ?in|sign in|subscribe)(?: now| here)?\W*$"
        # an English outlet's calls: for donations, for op-eds, to read on past the paywall
        r"|^[^\n]{0,120}\bsupport (?:independent|our|local) journalism\b[^\n]{0,120}$"
        r"|^\s*write for us\W*$"
        r"|^[^\n]{0,80}\bsend (?:us )?your (?:op-?eds?|opinions?|articles?|letters?)\b[^\n]{0,150}$"
        r"|^\s*continue reading (?:this|the) (?:investigation|story|article|report|feature)\W*$"
        # ... and a paywall's lines: "Continue reading with IBP Insider.", "This article is exclusive
        # to Kompas.id subscribers", "Artikel ini khusus untuk pelanggan.", "Read the complete story
        # in this week's edition of …"
        r"|^\s*continue reading (?:with|on|in) [\w.+&'’-]+(?:\s[\w.+&'’-]+){0,3}\W*"
        r"(?:\s(?:get|unlock|enjoy|subscribe|start)\b[^\n]{0,160})?$"
        # ... its prompt to sign in, "Already have an account? Sign in", "Sudah berlangganan? Masuk";
        # its label, "This is premium content", "Konten ini khusus premium"; its trial, "Lanjutkan
        # membaca dengan uji coba gratis 7 hari", "Start trial"
        r"|^\s*(?:already (?:have an account|a (?:paid )?(?:subscriber|member))"
        r"|sudah (?:punya akun|berlangganan|menjadi (?:pelanggan|member|anggota)))"
        r"\s*\?(?:\s*(?:sign in|log ?in|masuk)\b)?\W*$"
        r"|^\W*(?:this is (?:a )?(?:premium|exclusive|subscribers?(?:-only| only)?) (?:content|article|story)"
        r"|(?:ini )?(?:adalah )?(?:konten|artikel|berita) (?:ini )?(?:khusus )?premium)\W*$"
        r"|^\s*(?:lanjutkan membaca|continue reading|baca selengkapnya) (?:dengan|with)"
        r" (?:uji coba|free trial|trial|langganan|berlangganan)\b[^\n]{0,80}$"
        r"|^\s*(?:start|begin|mulai) (?:your |a )?(?:free )?(?:trial|uji coba(?: gratis)?)\W*$"
        r"|^[^\n]{0,40}\b(?:article|story|content) is (?:exclusive|only available|available only) (?:to|for)"
        r"\b[^\n]{0,60}\bsubscribers?\b[^\n]{0,80}$"
        r"|^\W*(?:artikel|berita|konten|tulisan) ini (?:khusus|hanya) (?:untuk|bagi) (?:pelanggan|member"
        r"|anggota)\b[^\n]{0,120}$"
        r"|^\s*read the (?:complete|full) (?:story|article|report|investigation|interview|feature) in\b"
        r"[^\n]{0,240}$"
        # a premium period's notice: "… Renew your subscription to continue reading premium stories."
        r"|^[^\n]{0,160}\b(?:renew|extend|upgrade) your (?:subscription|membership)\b[^\n]{0,160}$"
        r"|^\s*terima kasih (?:telah|sudah) (?:mendaftar|berlangganan)\W*$"
        r"|^\s*(?:please )?(?:refresh|reload) (?:the|this|your) (?:page|browser)\b[^\n]{0,200}"
        r"\b(?:logged|log|signed|sign) in\b[^\n]{0,200}$"
        r"|^\s*(?:silakan |mohon )?(?:muat ulang|segarkan) (?:halaman|laman|peramban|browser)\b[^\n]{0,200}"
        r"\b(?:masuk|login|log in)\b[^\n]{0,200}$",
        _I,
    ),
    # a cookie-consent banner's lines: "This website uses cookies. Read RT Privacy policy to find out
    # more.", "Accept cookies", "Situs ini menggunakan cookie …", "Terima semua cookie"
    "consent": re.compile(
        r"^\s*(?:this (?:web)?site|our (?:web)?site|situs (?:web )?ini|laman ini|website ini)"
        r" (?:uses?|menggunakan) cookies?\b[^\n]{0,300}$"
        r"|^\s*(?:we|kami) (?:use|menggunakan) cookies? (?:to|on|untuk|agar|supaya|di)\b[^\n]{0,300}$"
        r"|^\s*(?:accept|allow|reject|manage|decline)(?: all)? cookies?\W*$"
        r"|^\s*(?:terima|setujui|tolak|izinkan|kelola)(?: semua)? cookies?\W*$"
        r"|^\s*by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site,? you"
        r" (?:agree|consent)\b[^\n]{0,300}$"
        r"|^\s*dengan (?:melanjutkan|menggunakan) (?:situs|website|laman) ini,? (?:anda|kamu)"
        r" (?:setuju|menyetujui)\b[^\n]{0,300}$",
        _I,
    ),
    # a press release's contacts and its distribution note: "Narahubung:", "Kontak Media:", "Media
    # contact:" (the lines under the label go with it: CONTACT_LINE), "Berita ini disiarkan oleh
    # Biro Komunikasi … Untuk informasi lebih lanjut dapat menghubungi …"
    "contact": re.compile(
        r"^\W*(?:(?:narahubung|kontak)(?: media| pers| humas)?|media contacts?|contact person|press contacts?"
        r"|(?:untuk )?(?:informasi|keterangan) lebih lanjut(?:,? (?:silakan )?hubungi)?)\s*:?\s*$"
        r"|^\W*(?:(?:narahubung|kontak)(?: media| pers| humas)?|media contacts?|contact person)\s*:"
        r"\s*[^\n]{1,200}$"
        # ... or the label and the contact on its line, a mailbox or a number in it: "Informasi lebih
        # lanjut: Kepala Bagian Humas, Taufik Ismail Harahap, email humas@kpu.go.id"
        r"|^\W*(?:untuk )?(?:informasi|keterangan) lebih lanjut(?:,? (?:silakan )?hubungi)?\s*:\s*"
        r"(?=[^\n]{0,200}(?:@[\w-]+\.|\d{4}))[^\n]{1,200}$"
        # an attachment's list under the story: "Lampiran", "Laporan Evaluasi … (PDF)", "Unduh Dokumen"
        r"|^\s*(?:lampiran|unduhan|dokumen terkait|berkas|attachments?|downloads?)\s*:?\s*$"
        r"|^[^\n]{3,150}?\s[(\[](?:pdf|docx?|xlsx?|pptx?|zip)(?:,\s*[\d.,]+\s*[kKmM]B)?[)\]]\s*$"
        # an office's address alone on its line: "Jl. Jenderal Sudirman No. 2, Surakarta", "Jln. Medan
        # Merdeka Barat No. 9, Jakarta Pusat 10110" (a street named in the story is in a sentence)
        r"|^\s*(?:jl|jln)\.\s*(?-i:[A-Z])[^\n,]{1,50}?\bno\.?\s*\d{1,4}[a-z]?"
        # (one word at a time, after a comma, a dash or a space: no way to split the words twice)
        r"(?:(?:\s*[,-]\s*|\s+)(?-i:[A-Z0-9][\w.]*)){0,16}(?:\s*\d{5})?\s*$"
        # ... without a number, its parts all names: "Jl. Kebun Bunga, Kelurahan Sukarami, Palembang"
        r"|^\s*(?:jl|jln)\.\s*(?-i:[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*){0,4}"
        r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z0-9][\w./]*){0,4}){2,5})\.?\s*$"
        # an office's phone, fax or e-mail alone on its line: "Telp.& Fax (021) 3448510", "Telp. (022)
        # 7272606", "e-mail : publikasi@kemenpppa.go.id", "WA: 0812-3456-7890" (a number the story
        # gives is in a sentence)
        # ... after the office's name: "Humas Kementerian Komunikasi dan Digital, Telp: (021) 3452841"
        r"|^\s*(?-i:[A-Z])[^\n,]{2,80},\s*(?:telp|tel|telepon|phone|fax|faks|hp|wa|whatsapp|hotline)\.?\s*:?\s*"
        r"\+?\(?\d[\d()\s.+-]{5,30}\d\s*$"
        r"|^\s*(?:telp|tel|telepon|phone|fax|faks|faksimile|hp|wa|whatsapp|hotline)\.?(?:\s*(?:&|/|dan)\s*"
        r"(?:fax|faks|faksimile|telp)\.?)?\s*:?\s*\+?\(?\d[\d()\s.+-]{5,30}\d\s*(?:(?:ext|ekst)\.?\s*\d{1,5})?\s*$"
        # (an office's mailbox only: a reporter's own address under the story is kept, as Fundus's
        # gold keeps it)
        r"|^\s*(?:(?:e-?mail|surel|surat elektronik)\s*:?\s*)?(?:humas|info|informasi|publikasi|redaksi|media"
        r"|press|pers|pr|kontak|contact|admin|cs|layanan|pengaduan|sekretariat|setjen|ppid|iklan|sales"
        r"|research|riset|newsroom|desk)"
        r"[\w.+-]*@[\w-]+(?:\.[\w-]+)+\s*$"
        # a press release's number under its heading: "Nomor: B-412/SETMEN/HM.02.04/11/2026", "NOMOR:
        # 245/SP/XI/BKIP/2026", "Nomor: PR – 912/095/K.3/Kph.3/11/2026" (codes and slashes, no sentence)
        r"|^\s*(?:siaran pers\s+)?(?:nomor|no)\s*[.:]\s*[A-Z0-9][\w.–-]*(?:\s*[–-]\s*)?"
        r"(?:\s*[\w.]*/[\w.-]+){2,8}\s*$"
        r"|^\s*(?:berita|siaran pers|rilis|informasi|artikel) ini (?:telah )?(?:disiarkan|diterbitkan"
        r"|disebarluaskan|dirilis|dibuat) oleh\b[^\n]{0,600}$",
        _I,
    ),
    "copyright": re.compile(
        # ("©" and "(c)" end in no word character: "\b" after them failed on "© 2026 PT …")
        r"^\s*(?:©|\(c\)|(?:copyright|hak cipta)\b).{0,200}$|^\s*.{0,80}\ball rights reserved\b.{0,80}$"
        r"|^\s*dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memproduksi|mereproduksi)\b.{0,300}$"
        # a publisher's reprint notice: "This copy is for your personal, non-commercial use only. …"
        r"|^\s*this copy is for your personal,? non-commercial use only\b.{0,400}$"
        r"|^\s*this (?:document|article|content|material) is subject to copyright\b.{0,400}$"
        # a wire's reprint notice: "This material may not be published, broadcast, rewritten, or
        # redistributed. ©2019 FOX News Network", "Materi ini tidak boleh diterbitkan, disiarkan, …"
        r"|^.{0,80}\bmay not be (?:re)?(?:published|produced),? (?:or )?(?:broadcast|distributed)\b.{0,300}$"
        r"|^.{0,80}\btidak boleh (?:diterbitkan|dipublikasikan|direproduksi|diperbanyak),? (?:atau )?"
        r"(?:disiarkan|didistribusikan|disebarluaskan)\b.{0,300}$"
        # a site's terms in its footer: "Registration on or use of this site constitutes acceptance
        # of our User Agreement …", "Penggunaan situs ini berarti Anda menyetujui Pedoman …"
        r"|^\s*(?:registration on or )?use of this (?:web)?site constitutes (?:your )?acceptance\b.{0,300}$"
        r"|^\s*penggunaan (?:situs|laman|website) ini berarti (?:anda|kamu) menyetujui\b.{0,300}$"
        # how to cite the page, and who supplied it: "Citation: … retrieved 20 November 2019 from
        # https://…", "Provided by European Space Agency"
        r"|^\s*citation\s*:.{0,300}\bretrieved\b.{0,200}$|^\s*provided by\s+[^.!?]{2,60}$"
        # the site's contacts in its footer: "Kontak Informasi Detikcom", "Redaksi:
        # redaksi[at]detik.com" (an address written with "@" may be a reporter's, which a story's
        # gold keeps: not that one)
        r"|^\s*kontak (?:informasi|redaksi|kami)\b[^\n]{0,40}$"
        r"|^\s*[\w ]{2,30}:\s*[\w.+-]+\[at\][\w-]+(?:\.[\w-]+)+\s*$"
        # a syndicated story's notice: "Artikel ini telah tayang di Kompas.com dengan judul …"
        r"|^\s*(?:sebagian\s+)?(?:artikel|berita|tulisan|konten)\s+ini\s+"
        r"(?:telah\s+|sudah\s+|juga\s+|pernah\s+|sebelumnya\s+|pertama kali\s+)?"
        r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|tersedia)(?:\s+sebelumnya|\s+pertama kali)?"
        r"\s+(?:di|pada|dalam|oleh)\b.{0,400}$"  # ("… telah tayang sebelumnya di PRFMNews …")
        # a republishing offer: "Terbitkan ulang artikel kami secara gratis, …", "Republish this article"
        r"|^\s*(?:terbitkan ulang|republish)\b[^\n]{0,300}$",
        _I,
    ),
    # a WordPress shortcode the theme did not render, standing as a line: "[caption id=… width=…]
    # Warga mengungsi … [/caption]", "[button link=…]Send us your review[/button]", "[embed]…[/embed]"
    "shortcode": re.compile(
        r"^\s*\[[a-z][\w-]{1,30}(?:\s[^\]\n]{0,300})?\][^\n]{0,400}\[/[a-z][\w-]{1,30}\]\W*$"
        r"|^\s*\[(?:caption|embed|button|gallery|video|audio|playlist|ads?|iklan|vc_[\w-]+|su_[\w-]+"
        r"|et_pb_[\w-]+)(?:\s[^\]\n]{0,300})?\]\s*$",
        _I,
    ),
    # tag and category lines: "Tags: …", "Topik: …", "Filed under: Khawarij |", "#Pemilu2024 #Jakarta"
    "tags": re.compile(
        r"^\s*(?:tags?|tag terkait|topik(?: terkait)?|kata kunci|keywords?|kategori|categories|label"
        r"|filed under|posted in|ditulis dalam|diposting dalam)\s*:[^\n]{0,300}$"
        r"|^\s*(?:#\w+[\s,]*){1,12}$"
        # ... hashtags of a few lower-case words each, two or more: "#gen z #literasi keuangan"
        r"|^\s*(?-i:#\w+(?: [a-z][a-z0-9]*){0,2})(?:[\s,]+(?-i:#\w+(?: [a-z][a-z0-9]*){0,2})){1,11}[\s,]*$",
        _I,
    ),
    # brand and section labels standing alone: "Headline", "EKSKLUSIF", "Advertorial"
    "label": re.compile(
        r"^\s*(?:headline|eksklusif|exclusive|advertorial|premium|konten premium|berita utama|"
        r"breaking news|trending|opini|kolom|editorial|sorotan|sponsored content|konten bersponsor|"
        r"adv|live update|kilas|breaking|galeri foto|infografis|video\s*:|foto\s*:"
        # a credit box's heading: "Editorial Team", "Tim Redaksi"
        r"|editorial team|tim redaksi|susunan redaksi"
        # a fact box's heading: "Tahukah Anda?", "Did you know?"
        r"|tahukah (?:anda|kamu)\s*\?|did you know\s*\?)\s*$"
        # the site's name alone ("Kompas.com"), a breadcrumb ("Home » Berita » Daerah")
        r"|^\s*[\w-]+\.(?:com|co\.id|id|net)\s*$"
        r"|^\s*(?:home|beranda|index|indeks)\s*(?:[»>/›|]\s*[^\n»>/›|]{1,40}){1,5}$",
        _I,
    ),
    # a page's own time stamp standing alone: "Diperbarui 05 Mar 2024, 10:00 WIB", "Tayang: Senin,
    # 4 Maret 2024 10:00 WIB", "Updated: 05/03/2024 10.00" (the dates are read from the page's
    # metadata and header, not from the body's lines)
    "stamp": re.compile(
        rf"^\s*(?:(?:terakhir\s+)?diperbaharui|(?:terakhir\s+)?diperbarui|diunggah|diterbitkan|dipublikasikan"
        r"|tayang|terbit|(?:last\s+)?updated|published|posted(?:\s+on)?)(?:\s+pada)?\s*:?\s*"
        rf"(?:{_WEEKDAY},?\s*)?\d{{1,2}}[\s/.-]+(?:[a-z]{{3,9}}|\d{{1,2}})[\s/.-]+\d{{2,4}}"
        r"(?:\s*[,|-]?\s*(?:pukul\s*|jam\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit))?)?\s*$"
        # the story's reading time, alone or after the stamp, the writer or the desk: "4 menit baca",
        # "Waktu baca: 4 menit", "25 November 2025 20:20 WIB · waktu baca 4 menit", "5 min read"
        r"|^(?:[^\n]{0,100}?\s[·•|,/-]\s*)?(?:(?:waktu|estimasi|perkiraan) (?:baca|membaca)\s*:?\s*(?:±\s*)?"
        r"\d{1,2}\s*(?:menit|mnt|min)|(?:baca(?: dalam)?\s*:?\s*)\d{1,2}\s*(?:menit|mnt)"
        r"|\d{1,2}\s*(?:menit|mnt|min(?:ute)?s?)\s+(?:baca|membaca|read|reading)"
        r"|reading time\s*:?\s*\d{1,2}\s*min(?:ute)?s?)\W*$",
        _I,
    ),
}
LINE_RULES = FAMILIES  # the name earlier revisions exported
# A line from which everything to the end is a comment form / footer.
# Rule "author box": the heading of a box about the writer ("Tentang Penulis", "Profil Kolumnis",
# "About the author"); the box closes the body: the heading and the few short lines after it go
AUTHOR_BOX = re.compile(
    r"^\s*(?:tentang|profil|biodata) (?:sang )?(?:penulis|kolumnis|pengarang|kontributor)\s*:?\s*$"
    r"|^\s*about the (?:author|writer|columnist)s?\s*:?\s*$",
    _I,
)
_AUTHOR_LINES_MAX = 800  # characters of the lines after the heading: more is the story going on
# The posts a writer's bio names ("dosen", "peneliti", "Pemimpin Redaksi", "researcher"): a column's
# writer is told by one of them, a story's subject by what they did
ROLE_WORDS = (
    r"(?:peneliti|dosen|mahasiswa|mahasiswi|pengajar|guru(?: besar)?|wartawan|wartawati|jurnalis|aktivis"
    r"|pegiat|anggota|ketua|wakil|kepala|sekretaris|direktur|analis|pengamat|alumnus|alumni|staf|pendiri"
    r"|kandidat|praktisi|pemerhati|kolumnis|pengurus|pengasuh|koordinator|konsultan|advokat|dokter|perawat"
    r"|bidan|ekonom|pakar|ahli|rektor|dekan|pemimpin redaksi|redaktur|pensiunan|economist|expert"
    r"|researcher|lecturer|student|journalist|fellow|professor|director|analyst|founder|member"
    r"|candidate|researchers|lecturers|students)"
)
# Rule "writer's line": the writer told in one line, a column's or an essay's ("*Penulis adalah
# peneliti perburuhan …", "The writer is a lecturer at …"): "penulis" then what the writer is, by a
# role a bio names (a story's sentence on a writer says more than that)
WRITER_LINE = re.compile(
    r"^(?:\W*(?:penulis(?:nya)?|the (?:writers?|authors?))\s+(?:adalah|merupakan|ialah|is|are)\s+"
    r"(?:seorang\s+|an?\s+)?"
    # ... or a column's starred line, the writer's name then a comma and the role: "*) Retno
    # Kusumaningrum, pegiat literasi anak …" (the star it opens with is the column's, no prose's)
    r"|\s*\*+\)?\s*(?-i:(?:[A-Z][\w.'-]*\s+){1,4}[A-Z][\w.'-]+),\s+)"
    rf"(?:[\w-]+\s+){{0,3}}?{ROLE_WORDS}\b[^\n]{{0,250}}$",
    _I,
)


# Rule "closing notes": the heading of a section of notes that closes an essay or a study ("Catatan
# Akhir", "Catatan Kaki", "Daftar Pustaka", "Kepustakaan", "Referensi", "Pernyataan keterbukaan", "Cara
# mengutip"): the heading and every line after it go, when those lines are notes (each short, the
# whole a list's size), not the story going on under a subheading of that name.
NOTES_HEAD = re.compile(
    r"^\s*(?:catatan (?:akhir|kaki)|daftar (?:pustaka|referensi|rujukan|bacaan)|kepustakaan|referensi"
    r"|rujukan|bibliografi|sumber(?: bacaan| referensi| rujukan| artikel)?|bahan bacaan|references|sources"
    r"|bibliography|endnotes|footnotes|notes"
    r"|pernyataan keterbukaan|pengungkapan|disclosure statement|disclosures?|cara mengutip|how to cite"
    # a long read's note on how it was made, closing it: "Tentang liputan ini", "About this reporting"
    r"|tentang liputan ini|about this (?:story|report|reporting|investigation))\s*:?\s*$",
    _I,
)
_NOTES_MAX = 4000  # characters of the lines after the heading
# Rule "footnotes": the numbered notes closing a study's or an essay's body ("[1] Data harga …",
# "1 See the 2024 groundwater mapping …", "¹ …"), numbered from one, each short, their markers in
# the story ("… di asrama.[1]", "… gizi kurang.2"); or a bare "Catatan" / "Notes" over a list of
# notes (each a list item or a numbered note) closing it
_FOOTNOTE = re.compile(r"^\s*(?:\[(?P<b>\d{1,2})\]|(?P<n>\d{1,2})\s+(?=[A-Z\"“])|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹]))\s*\S")
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹"
_NOTES_BARE_HEAD = re.compile(r"^\s*(?:catatan|keterangan|notes?)\s*:?\s*$", _I)
_NOTE_ITEM = re.compile(r"^\s*(?:[-•*]\s|\[\d{1,2}\]|\d{1,2}[.)]?\s)")
_FOOTNOTES_MAX = 12  # notes: more is a list of the story's own
_FOOTNOTES_WINDOW = 3 * _FOOTNOTES_MAX  # lines looked at after a note's first line
_SIGNED_ITEM_MAX = 160  # characters: a headline, not a paragraph


def _closing_footnotes(lines: list[str], i: int) -> int | None:
    """Rule "footnotes" at ``lines[i]``: the end (exclusive) of the body's notes opening there, when
    they close it (under them, lines of a family or a section of notes, :data:`NOTES_HEAD`, may
    follow), else None."""
    if not (_FOOTNOTE.match(lines[i]) or _NOTES_BARE_HEAD.match(lines[i])):
        return None  # (most lines: nothing to look ahead for)
    # (a window of lines after it, never the whole body: a long list of lines opening with a
    # number was read to its end once per line)
    window = min(len(lines), i + _FOOTNOTES_WINDOW)
    end = next((j for j in range(i + 1, window) if NOTES_HEAD.match(lines[j])), None)
    if end is None:
        if window < len(lines):
            return None
        end = len(lines)
    rest = [x for x in lines[i:end] if x.strip()]
    if len(rest) > _FOOTNOTES_MAX + 1 or max(map(len, rest)) > _NOTE_LINE_MAX:
        return None
    if _NOTES_BARE_HEAD.match(rest[0]):
        ok = len(rest) > 1 and all(_NOTE_ITEM.match(x) for x in rest[1:])
        return end if ok else None
    while len(rest) > 1 and _FOOTNOTE.match(rest[-1]) is None and family(rest[-1]) is not None:
        rest.pop()  # (a promo or a credit under the notes: its own family's)
    story = "\n".join(lines[:i])
    for k, line in enumerate(rest, 1):
        m = _FOOTNOTE.match(line)
        if m is None:
            return None
        if m["b"] is not None:  # ("[1]" opening a line: a note, its marker in the story or two of them)
            number, marker = m["b"], rf"\[{m['b']}\]" if len(rest) < 2 else ""
        elif m["n"] is not None:
            number, marker = m["n"], rf"(?<=[^\W\d]|[.,;:!?”\"’)])(?<!\b[A-Z]){m['n']}(?!\d)"
        else:
            number, marker = str(_SUPERSCRIPT.index(m["s"]) + 1), re.escape(m["s"])
        if int(number) != k or (k == 1 and re.search(marker, story) is None):
            return None
    return end
_NOTE_LINE_MAX = 450  # characters of one: a citation or a note, not a paragraph of the story
# Rule "about box": a press release's closing section on its sender, "Tentang LPS" / "About Acme
# Corp" over a line that opens with the name and tells what it is ("LPS adalah lembaga independen
# …"); it and what follows (the contacts) close the body
_ABOUT_HEAD = re.compile(
    # (a small word between its capitalised ones: "Tentang Kementerian Komunikasi dan Digital")
    r"^\W{0,3}(?:tentang|about)\s+(?P<org>(?-i:[A-Z][\w&.'’-]*(?:\s+(?:(?:dan|and|of|untuk|for|&)\s+)?"
    r"[A-Z][\w&.'’-]*){0,5}))\s*:?\s*$",
    _I,
)
_ABOUT_MAX = 1500  # characters of the lines after the heading: more is the story going on


def _about_box(line: str, after: list[str]) -> bool:
    """Rule "about box" (:data:`_ABOUT_HEAD`)."""
    m = _ABOUT_HEAD.match(line)
    if m is None or sum(len(x) for x in after) > _ABOUT_MAX:
        return False
    nxt = next((x for x in after if x.strip()), "")
    org = m.group("org")
    first = re.escape(org.split()[0])
    # (the company's legal form before its name: "Tentang PLN" / "PT PLN (Persero) adalah …")
    legal = r"(?:(?-i:PT|Perum|Perumda|CV|Yayasan|The)\.?\s+)?"
    # (or how a company tells its founding: "PT X Tbk didirikan pada 1984 …")
    if re.match(rf"{legal}{first}[^\n,.]{{0,60}}?\s+(?:adalah|merupakan|ialah|is|was|didirikan|founded"
                rf"|established)\b|{legal}{re.escape(org)},", nxt) is not None:
        return True
    # (the body by its whole name, whose initials the heading's acronym is: "Tentang BRI" / "PT Bank
    # Rakyat Indonesia (Persero) Tbk adalah …")
    if org.isupper() and 2 <= len(org) <= 6 and (whole := _WHOLE_NAME.match(nxt)) is not None \
            and "".join(w[0] for w in whole.group("name").split() if w not in _LEGAL_WORDS).startswith(org):
        return True
    # (an English release's: "About Lumora Health" / "Lumora Health operates …", its name then a
    # verb; not "About Us" / "We …")
    return _ABOUT_EN.match(line) is not None and org.casefold() not in _ABOUT_SELF \
        and re.match(rf"{legal}{re.escape(org)}\s+(?-i:[a-z]{{3,}})\b", nxt) is not None


_LEGAL_WORDS = frozenset(("PT", "PT.", "Tbk", "Tbk.", "(Persero)", "Persero", "Perum", "CV", "The"))
_WHOLE_NAME = re.compile(
    r"(?P<name>(?-i:[A-Z][\w&.'’-]*|\((?:Persero|Tbk)\))"
    r"(?:\s+(?-i:[A-Z][\w&.'’-]*|\((?:Persero|Tbk)\))){1,8})"
    r"\s+(?:adalah|merupakan|ialah|is an?|was founded|didirikan)\b"
)
_ABOUT_SELF = frozenset(("us", "me", "the author", "the writer", "kami", "saya"))
_ABOUT_EN = re.compile(r"\W{0,3}about\b", _I)



# Rule "writer's bio": the last line telling who the writer is, "*) Penulis adalah dosen …", "The
# writer is a researcher at …", or the writer by name, "Laras Wibisono adalah peneliti …" (a
# columnist's bio under an opinion piece); a story's line on someone else is no bio
_BIO = re.compile(
    r"^\W{0,4}(?:(?:penulis|kolumnis)(?: (?:artikel|tulisan|opini) ini)?|the (?:writer|author))"
    r"\s+(?:adalah|merupakan|ialah|is|was)\b[^\n]{0,400}$"
    # ... in Javanese: "Panulis minangka guru basa Jawa ing …", "Panulis punika …"
    r"|^\W{0,4}panulis\s+(?:minangka|punika|yaiku|inggih punika)\b[^\n]{0,400}$",
    _I,
)
_BIO_VERB = re.compile(
    r"\s*,?\s+(?:adalah|merupakan|ialah|is (?:a|an|the)|was (?:a|an|the))\s"
    # ... or the writer's post after a comma, no verb: "Dr. H. Ahmad Fauzan, M.Si., Dosen Fakultas …",
    # or after a space in small letters: "Wahyu Nugroho pengajar di Program Studi …"
    rf"|\s*,\s*(?:seorang\s+)?{ROLE_WORDS}\b|\s+(?-i:(?:seorang\s+)?{ROLE_WORDS.lower()})\b"
    # ... or an English bio's beat: "Dina Puspitasari covers sports and youth affairs for …"
    r"|\s+(?-i:covers|reports on|writes (?:about|on)|has covered|has reported on)\s",
    _I,
)
_BIO_MAX = 400  # characters
# the writer's academic and religious titles around the name: "Dr. Ilham Alimuddin", "Prof. Dr. H.
# …", "Ilham Alimuddin, S.T., M.T. adalah …"
_NAME_TITLES = re.compile(
    r"(?:(?:Prof|Dr|Drs|Dra|Ir|H|Hj|KH|K\.H|Ust|Ustaz|Ustadz|dr|Kiai|Romo|Pdt)\.?\s+)*"
)
_DEGREES = re.compile(
    r"(?:,\s*(?:[A-Z][A-Za-z]{0,4}\.){1,3}(?:\s?[A-Z][A-Za-z]{0,4}\.?)?(?:\s?\([^)]{1,20}\))?)*"
)


def _writer_bio(line: str, found: list[str] | None = None) -> bool:
    """Rule "writer's bio" (:data:`_BIO`), the writer named as :data:`WRITERS` holds them, or as
    the body's own credit lines named them (``found``: "Laporan Citizen Reporter …, Name" above)."""
    if len(line) > _BIO_MAX:
        return False
    if _BIO.match(line):
        return True
    stripped = line.lstrip("*)( ")
    stripped = stripped[_NAME_TITLES.match(stripped).end():]
    for name in (*WRITERS.get(), *(found or ())):
        if name and len(name) >= 5 and stripped.startswith(name) \
                and _BIO_VERB.match(stripped, _DEGREES.match(stripped, len(name)).end()):
            return True
    return False


# Rule "writer's card": the line an author box prints under the writer's name, closing the body:
# a journalist's post and beat ("Jurnalis Kendari Pos yang meliput isu kelautan …", "Menulis isu
# kesehatan … sejak 2019", "Reporter olahraga Pro3 RRI. Meliput …"), told from a story's last line
# on a reporter by the page's own name or a "since" year in it
_CARD_ROLES = r"(?:jurnalis|wartawan|wartawati|reporter|kontributor|koresponden|penulis|redaktur)"
_SINCE_YEAR = r"sejak (?:19|20)\d\d"
_CARD_BIO = re.compile(
    rf"^\W{{0,3}}(?:{_CARD_ROLES}\b[^\n]{{0,150}}?\b(?:meliput|menulis|liputan|{_SINCE_YEAR})\b"
    rf"|(?:menulis|meliput)\b[^\n]{{0,150}}?\b{_SINCE_YEAR}\b)[^\n]{{0,150}}$",
    _I,
)
_SINCE = re.compile(rf"\b{_SINCE_YEAR}\b", _I)
_CARD_MAX = 250  # characters: a post and a beat, not a paragraph


_CARD_ROLE = re.compile(rf"^\W{{0,3}}{_CARD_ROLES}\b[^\n]{{0,100}}\b(?:di|pada|untuk)\s+$", _I)


def _card_bio(line: str) -> bool:
    """Rule "writer's card" (:data:`_CARD_BIO`) on the body's last line; or a post at the page's
    own outlet alone ("Jurnalis ekonomi dan perkotaan di KabarKalsel.")."""
    if len(line) > _CARD_MAX:
        return False
    brand = BRAND.get()
    if _CARD_BIO.match(line):
        return _SINCE.search(line) is not None or (brand is not None and brand.named(line) is not None)
    if brand is None or (at := brand.named(line)) is None or line[at.end():].strip(" ."):
        return False
    return _CARD_ROLE.match(line[: at.start()]) is not None


# Rule "writer's head": a column opening with its writer over the writer's post ("Rachmat Rolau" /
# "Pemimpin Redaksi Koran Kaltara"; "Teuku Rizal dan Syahirah Aini" / "Peneliti Makroekonomi LPEM
# FEB UI"), or with the post alone under the byline the page's metadata read ("Oleh: Andi Baso
# Amir" / "Pengamat Kebijakan Publik, Makassar"): the byline's lines, not the story's
_HEAD_NAME = r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,4}"
_HEAD_NAMES = re.compile(
    rf"^\W{{0,3}}(?P<names>{_HEAD_NAME}(?:\s*(?:,|&|\bdan\b|\band\b)\s*{_HEAD_NAME}){{0,3}})\W{{0,3}}$"
)
_HEAD_ROLE = re.compile(rf"^\W{{0,3}}(?:seorang\s+)?{ROLE_WORDS}\b[^\n!?]{{0,100}}$", _I)
_HEAD_ROLE_WORDS = 12  # words: a post and its institution, not a sentence
# a verb of the story's in small letters ("yang menjadi", "ditangkap"): a sentence, not a post
_HEAD_VERB = re.compile(r"\b(?:me(?:ng|ny|m|n)?|di|ber|ter)[a-z]{3,}\b|\byang\b")


def _post_line(line: str) -> bool:
    """A writer's post alone on its line (rule "writer's head")."""
    return (_HEAD_ROLE.match(line) is not None and len(line.split()) <= _HEAD_ROLE_WORDS
            and re.search(r"[.!?]\s+\S", line) is None and _HEAD_VERB.search(line) is None)


def _writer_head(lines: list[str], i: int, res: Cleaned) -> set[int]:
    """Rule "writer's head" (:data:`_HEAD_NAMES`) at ``lines[i]``, before any line of the story
    or under a byline: the indexes of the column's byline lines there (none: set()), their drop
    recorded; names the page's metadata did not give are the body's credits (``res.authors``)."""
    at = [j for j in range(i, min(len(lines), i + 8)) if lines[j].strip()][:3]
    if len(at) < 3:  # (the story's own line must follow)
        return set()
    first, second = (" ".join(lines[j].split()) for j in at[:2])
    writers = _told_writers()
    if (m := _HEAD_NAMES.match(first)) is not None:
        names = [n for n in re.split(r"\s*(?:,|&|\bdan\b|\band\b)\s*", m.group("names")) if n]
        known = all(n.casefold() in writers for n in names)
        if _post_line(second) and all(map(is_person, names)):
            res.dropped += [("credit", first), ("author_box", second)]
            res.authors += [] if known else names
            return set(at[:2])
        if known:
            res.dropped.append(("credit", first))
            return {i}
        return set()
    if writers and _post_line(first):
        res.dropped.append(("author_box", first))
        return {i}
    return set()


# Rule "closing byline": the writer named as :data:`WRITERS` holds them, under a byline's label,
# on the body's last line: "Oleh: FX Wahyu Nugroho, kontributor Sesawi.Net di Yogyakarta", "By
# Laras Wibisono". (The name alone after "Oleh" is no byline: "Oleh Presiden Jokowi, …" opens a
# sentence unless the President wrote the page.)
_BYLINE_LABEL = re.compile(r"^\W{0,3}(?:oleh|by|ditulis oleh|penulis|laporan)\s*:?\s*", _I)
_BYLINE_MAX = 160  # characters: a byline and the writer's role, not a paragraph
_BYLINE_ROLE = 100  # characters after the name: "kontributor Sesawi.Net di Yogyakarta"


def _writer_byline(line: str) -> bool:
    """Rule "closing byline" (:data:`_BYLINE_LABEL`)."""
    if len(line) > _BYLINE_MAX or not (m := _BYLINE_LABEL.match(line)):
        return False
    rest = line[m.end():]
    rest = rest[_NAME_TITLES.match(rest).end():]
    for name in WRITERS.get():
        if name and len(name) >= 5 and rest.startswith(name):
            after = rest[_DEGREES.match(rest, len(name)).end():].strip()
            if not after.strip(".") or (after[0] in ",|/–—-(" and len(after) <= _BYLINE_ROLE
                                        and not re.search(r"[.!?]\s+[A-Z]", after)):
                return True
    return False


CUT_FROM = re.compile(
    r"^\s*(?:tinggalkan (?:balasan|komentar)|leave a (?:reply|comment)|kirim komentar|"
    r"beri komentar|komentar anda|\d+\s+komentar|berikan komentar)\s*:?\s*$",
    _I,
)
# Credit lines; may hold several labels ("Pewarta: A  Editor: B").
CREDIT_LABELS = {
    "penulis": "authors", "reporter": "authors", "pewarta": "authors", "kontributor": "authors",
    "wartawan": "authors", "writer": "authors", "editor": "editors", "redaktur": "editors",
    "penyunting": "editors", "sumber": None, "foto": None, "fotografer": None, "video": None,
    "produser": None, "editing": None, "grafis": None, "infografis": None, "penerjemah": None,
    "source": None, "foto/teks": "authors", "teks/foto": "authors",  # a photo story's maker
    "translator": None,  # an English edition's translator: "Translator: Ririn Agustia"
    "via": None,  # a tech site's source of the story: "Via: Microsoft Support"
    "oleh": "authors",  # "Oleh: Bambang Sutrisno, Ketua RW 03" (with its colon: "Oleh karena itu" is prose)
    "pengirim": "authors",  # a reader's letter's sender: "Pengirim: Ahmad Fauzan Noor, Komplek …"
    "panulis": "authors",  # (Javanese and Sundanese sections: "Panulis: Sugeng Wiyono")
    "panyerat": "authors",  # (Javanese in krama: "Panyerat: Muhammad Nurul Huda")
    "pawarta": "authors",  # (Javanese: "Pawarta: Sri Lestari, Jagabaya Kalurahan …")
    "panganggit": "authors",  # (Javanese: "Panganggit: Sri Wahyuni Handayani")
    "pangripta": "authors",  # (Javanese: "Pangripta: Suharmono K")
    "panyunting": "editors",  # (Javanese: "Panyunting: Dewi Kusumawardani")
    "pangarang": "authors",  # (Sundanese: "Pangarang: Rini Nuraeni")
    # a TV or radio newsroom's crew: "Reporter: A | Kamerawan: B | Editor: C"
    "kamerawan": None, "juru kamera": None, "videografer": None, "penyiar": None, "kamera": None,
    # a long read's team: "Riset: … dan Litbang Kompas", "Desain: …", "Sumber data: OJK, BPS, diolah …"
    "riset": None, "periset": None, "desain": None, "desainer": None, "ilustrator": None,
    "sumber data": None, "riset data": None, "penulis naskah": "authors",
    # a video's crew: "(Reporter Video: A / Video Editor: B)"
    "reporter video": None, "video editor": None, "editor video": None, "video journalist": None,
    # a broadcast's presenter, a study's writing team ("Tim Penulis: A, B, C")
    "presenter": None, "pembawa acara": None, "tim penulis": "authors",
}  # fmt: skip
# a writer's label with what kind of writer: "Reporter Magang: Galih Pratama" (an intern), "Penulis
# Tamu:" (a guest), "Kontributor Lepas:" (a freelancer)
CREDIT_LABELS.update({f"{role} {kind}": "authors" for kind in ("magang", "tamu", "lepas")
                      for role in ("reporter", "penulis", "wartawan", "kontributor")})  # fmt: skip
_LABEL = r"(?:" + "|".join(CREDIT_LABELS) + r")"
# Labels that are also ordinary words opening a sentence ("Laporan: polisi menerima 30 aduan"):
# a credit only with a name after them, "Laporan: Wawan Setiawan", "Rep: Zulkifli Anwar/ Red:
# Nurul Hikmah", "Liputan: Rina", "Teks: Budi".
NAMED_LABELS = {"laporan": "authors", "liputan": "authors", "rep": "authors", "teks": "authors",
                "pen": "authors", "ed": "editors",  # ("(pen: Anggit Puji Widodo / ed: Saiful Arief)")
                "red": "editors", "laporan oleh": "authors", "liputan oleh": "authors",
                "kiriman": "authors", "kiriman dari": "authors",  # (a reader's story: "Kiriman: Rahayu …")
                "ditulis oleh": "authors", "disunting oleh": "editors",
                "ku": "authors",  # (Sundanese: "Ku: Dede Suherlan")
                "cam": None}  # (a TV newsroom's camera: "Rep: A | Cam: B | Ed: C") fmt: skip
_NAMED_LABEL = r"(?:" + "|".join(k.replace(" ", r"\s+") for k in NAMED_LABELS) + r")"
_A_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
_ANY_LABEL = rf"(?:{_LABEL}|{_NAMED_LABEL})"
# A credit box's list item, the label without its colon: "- Penulis Rani Lestari", "• Editor Dewi"
_LIST_MARK_CHARS = "-–•·*"
_LIST_MARKS = frozenset(_LIST_MARK_CHARS)
_LISTED_CREDIT = re.compile(
    rf"^[-–•·*]\s*(?-i:(Penulis|Editor|Reporter|Redaktur|Pewarta|Penyunting|Fotografer|Writer))\s+({_A_NAME})\s*$"
)
# ... or a closing line of two credits, no colon: "Penulis Ria Pusvita Sari Editor Mohammad Nurfatoni"
_BARE_WORD = r"(?!(?:Editor|Redaktur|Penyunting)\b)[A-Z][\w.'’-]*"
_BARE_NAME = rf"(?-i:{_BARE_WORD}(?:\s+{_BARE_WORD}){{0,4}})"
_BARE_CREDITS = re.compile(
    rf"^\s*(?-i:(Penulis|Reporter|Pewarta|Wartawan|Kontributor))\s+({_BARE_NAME})"
    rf"\s+(?-i:(Editor|Redaktur|Penyunting))\s+({_BARE_NAME})\s*$"
)
# (also in brackets, as some portals close a story: "(Penulis: A/Editor: B)")
# A meta row's separators between its parts ("Senin, 10 Nov 2025 11:27 WIB • Reporter : A • Editor : B";
# guillemets in a classic theme: "Kategori: X » 27 November 2026 » Oleh: Y"), read by the writer's credits
# (metadata) and the dated meta row (dating): ROW_MARK finds one, ROW_PARTS splits the row at them
_ROW_SEPARATOR = "[|·•»›]"
ROW_MARK = re.compile(rf"\s{_ROW_SEPARATOR}\s")
ROW_PARTS = re.compile(rf"\s+{_ROW_SEPARATOR}\s+")


CREDIT_LINE = re.compile(
    rf"^\s*(?:{_LABEL}\s*:\s*\S.{{0,150}}|\(\s*{_LABEL}\s*:\s*[^()]{{1,150}}\)\.?"
    rf"|\[\s*{_LABEL}\s*:\s*[^\[\]]{{1,150}}\]\.?"  # (in square brackets: "[Penulis: A; Editor: B]")
    # (two or more names: "Laporan: Hendra Wijaya dan Yuliana Rosa")
    rf"|\(?\s*{_NAMED_LABEL}\s*:\s*{_A_NAME}(?:\s*(?:,|&|\bdan\b)\s*{_A_NAME}){{0,3}}"
    rf"(?:\s*[/|,]?\s*{_ANY_LABEL}\s*:\s*{_A_NAME})*"
    # (the outlet after a slash: "Laporan: Muhammad Ilham Syarif / Celebes TV"; the desk's town in
    # brackets: "Laporan: Nur Azizah (Pekanbaru)")
    # ... or the writer's role in lower case after a comma: "Kiriman: Rahayu W, warga Sendangsari.")
    rf"(?:\s*/\s*{_A_NAME}|\s*\(\s*{_A_NAME}\s*\)|,\s*(?-i:[a-z])[^,.!?\n]{{1,40}})?\W*)$",
    _I,
)
# Two roles one person holds, under one colon: "Redaktur & Reporter : Fathan Sinaga" (JPNN)
_BOTH_ROLES = re.compile(rf"^\s*({_LABEL})\s*(?:&|\bdan\b|/|,)\s*({_LABEL})\s*:\s*({_A_NAME})\s*$", _I)


def both_roles(line: str) -> str:
    """``line``, a credit of two roles held by one person written as two credits ("Redaktur &
    Reporter : A" -> "Redaktur: A | Reporter: A"), a team's name before its credits left out ("Tim
    Liputan Buka Mata: Reporter: A | Editor: B"); any other line as it is."""
    if line[:4].casefold() == "tim " and (team := _TEAM_FIRST.match(line)) is not None:
        line = line[team.end() :]
    if "&" not in line and "/" not in line and "," not in line and " dan " not in line:
        return line
    m = _BOTH_ROLES.match(line)
    return f"{m.group(1)}: {m.group(3)} | {m.group(2)}: {m.group(3)}" if m else line


_TEAM_FIRST = re.compile(rf"tim\s+[^:\n]{{1,40}}:\s*(?={_LABEL}\s*:)", _I)


# (each label's name ends at "|", ",", "·", "•", the next label, or a date: "Reporter: A · Editor: B",
# "Editor: Adi Nugroho 15 Maret 2024, 14:05 WIB")
# (a name also ends before a word of another label the credit does not know: "Kontributor: Lalu
# Ahmad Fauzan Dibaca: 845")
_CREDIT_PARTS = re.compile(
    rf"\b({_ANY_LABEL})\s*:\s*(.*?)(?=\s*(?:[|,·•;]|\b{_ANY_LABEL}\s*:|$)|\s(?-i:[A-Z][a-z]+)\s?:(?:\s|$))",
    _I,
)
_CREDIT_DATE = re.compile(r"\s*\d")
# a weekday's whole name in any of the vocabulary's languages ("Sabtu", "Jum'at", "Monday", "Setu")
FULL_WEEKDAYS = "|".join(
    sorted((w.replace("'", "'?") for w in WEEKDAYS if len(w) > 3), key=len, reverse=True)
)
_CREDIT_WEEKDAY = re.compile(rf"\s[-–—|]\s+(?i:{FULL_WEEKDAYS})\b")
# "Penulis: Kontributor Lhokseumawe, Masriadi": the desk and its town are not the person.
_DESK_IN_CREDIT = re.compile(r"(:\s*)(?:kontributor|koresponden|wartawan|jurnalis)\s+[^,|:]{2,40},\s*", _I)
# "Laporan Wartawan Tribunnews.com, Ilham Rian Pratama": the byline some portals open with.
REPORT_BY = re.compile(
    r"^\s*laporan\s+(?:wartawan|reporter|koresponden|jurnalis|kontributor|citizen reporter|pewarta warga)"
    r"\s+[^,\n]{2,50},\s*(?P<name>[^,\n]{3,60}?)\s*$"
    # "Laporan Rianza Alfandi | Aceh Besar" (the reporter, then the desk's town)
    # "Laporan wartawan Kompas Yulvianus Harjono" (the outlet's one word, then the name, no comma)
    r"|^\s*laporan\s+(?:wartawan|reporter|koresponden|jurnalis|kontributor)\s+(?-i:[A-Z][\w.-]*)\s+"
    r"(?P<name3>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}))\s*$"
    r"|^\s*laporan\s+(?P<name2>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}))\s*\|\s*"
    r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
    # a column's writer named on a line of its own: "Tulisan milik Ahmad Fauzan, Analis PinterPolitik.com",
    # "Artikel ini ditulis oleh Rina Lestari" (a name, then the writer's role after a comma or nothing)
    r"|^\s*(?:tulisan|artikel|opini|kolom)(?: ini)? (?:milik|ditulis oleh|karya)\s+"
    r"(?P<name4>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))(?:\s*,\s*[^\n.!?]{1,80}(?:\.\w{2,6})*)?\s*$"
    # "Oleh Fajar Sidik Wibisono" alone on its line, no colon (an essay's byline inside its body);
    # "Laporan oleh Arif Maulana", "Liputan oleh …", "Ditulis oleh …" (a campus newsroom's)
    # a fact-checker's credit over the check (Mafindo's): "Hasil periksa fakta Yudha Pratama Sitompul."
    r"|^\s*hasil periksa fakta\s+(?P<name6>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}))\.?\s*$"
    r"|^\s*(?:(?:laporan|liputan|reportase|ditulis)\s+)?oleh\s+(?P<name5>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}))\s*$",
    _I,
)
# A report's closing sentence naming its writers, and its editor after it: "Laporan ini ditulis oleh
# Yustina Ndaru dan Kristo Mbete. Penyunting: Benediktus Sambu." (rule "written by")
_WB_NAME = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
WRITTEN_BY = re.compile(
    r"^\W*(?:laporan|liputan|tulisan|artikel|berita|naskah|reportase)(?: ini)? (?:ditulis|dilaporkan"
    rf"|diliput) oleh\s+(?P<names>{_WB_NAME}(?:\s*(?:,|\bdan\b|&)\s*{_WB_NAME}){{0,3}})\.?"
    rf"(?:\s*(?:penyunting|editor|redaktur|disunting oleh)\s*:?\s*(?P<editor>{_WB_NAME})\.?)?\s*$",
    _I,
)
# A feature's credit row in English: "Words by Laras Wibisono · Photography by Reza Pahlevi", "Story
# by Irfan Maulana · Translated by Sinta Dewi", "Words by X; photos by Y": the first name the writer
_BY_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})"
BY_CREDITS = re.compile(
    rf"^\s*(?:words|text|story|written|reporting|article)\s+by\s+(?P<name>{_BY_NAME})"
    rf"(?:\s*(?:[·|;,/•]|and)\s*(?:photos?|photography|images?|illustrations?|graphics|video|translated|translation"
    rf"|editing|edited|additional reporting)\s+by\s+{_BY_NAME})*\W*$",
    _I,
)
# ... another role's credit alone on its line: "Photography by Rio Saputra", "Illustrations by …"
# (no writer: a credit line all the same)
OTHER_BY = re.compile(
    # (a translation's note: "This article was translated by Hyacinth Sarah Widyanti.")
    rf"^\s*(?:this (?:article|story|piece) (?:was|has been) )?"
    rf"(?:photos?|photography|photographs|images?|illustrations?|graphics|video|styling|translated"
    rf"|translation|editing|edited)\s+by\s+{_BY_NAME}(?:\s*/\s*[^\n/]{{2,40}})?\W*$",
    _I,
)
# A wire's credit closing its story: "(Reporting by Danial Azhar; Editing by Subhranshu Sahu)":
# the reporters named are its writers
WIRE_CREDIT = re.compile(
    r"^\s*\(\s*(?:additional\s+)?(?:reporting|writing)\s+by\s+(?P<names>[^;()\n]{2,160}?)"
    r"(?:\s*;\s*(?:additional reporting|writing|editing|edited)\s+by\s+[^;()\n]{2,160})*\s*\)\W*$",
    _I,
)
# Editor codes closing the last paragraph: "(rdp/imk)", "(ant)", "(*)", "(H-4)", "(Ant/P-3)".
INITIALS = re.compile(
    # codes between slashes, one may be a desk's with its number: "(dil/ant)", "(uyo/Ant/S-2)"
    r"\s*\((?:[A-Za-z]{2,6}\d{0,2}(?:\s*/\s*(?:[A-Za-z]{1,6}\d{0,2}|[A-Z]{1,3}-\d{1,3})){1,3}"
    # ... the first a letter or a star (a desk's, an agency's): "(h/rel)", "(r/eni)", "(*/zar/lim)",
    # "(*1/ted)"
    r"|(?:[A-Za-z]|\*\d?)(?:\s*/\s*(?:[A-Za-z]{2,6}\d{0,2}|[a-z]\d{1,2})){1,3}"  # ("(*/c6/ham)")
    r"|(?-i:[a-z]{2,6})\s*/\s*\d{1,3}"  # ("(kmb/27)": the code and the desk's number)
    r"|(?i:antara|[\w-]+\.(?:com|co\.id|id))\s*/\s*[A-Z][^()/\n]{1,60}"
    # the reporter's code, then the site's domain: "(cr24/tribun-medan.com)", "(mam/tribunnews.com)"
    rf"|{_CODE_DOMAIN}"
    r"|(?:[A-Za-z]{1,6}\s*/\s*)?[A-Z]{1,3}-\d{1,3}|[a-z]{1,4}-\d{1,3}"  # ("(H-4)", "(mg-07)")
    # a desk's code of letters and digits, a number or a letter after it: "(H7-31)", "(A13/d)"
    r"|[A-Z]{1,3}\d{1,2}-\d{1,3}|[A-Za-z]{1,3}\d{1,3}\s*/\s*[A-Za-z]{1,6}\d{0,2}"
    # codes in lower case, the last an office's, long or hyphenated: "(adv/hms8/dprdkaltim)",
    # "[hms/dprd-sby]" (below)
    r"|(?-i:[a-z]{1,6}\d{0,2}(?:\s*/\s*[a-z]{1,6}\d{0,2}){0,2}\s*/\s*[a-z]{2,16}(?:-[a-z]{2,8})?)"
    # a reporter's code of letters and a number, "(m27)", "(mg5)"; a reporter's name over the
    # desk's code, "(Sutrisno Hadi/BDK)"
    r"|[a-z]{1,4}\d{1,3}|(?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+\s*/\s*[A-Z]{2,6}"
    # the office that wrote the release, or the advertorial's mark: "(Humas DPRD Jateng)",
    # "(Humas Polres Sleman/ade)", "(Rilis)", "(Adv)"
    # "(Adv/DPRD Kaltim)", "(Biro Adpim Setda Kalbar)", "(PR of Ministry of Health/UN)"
    # the army's, the navy's and the police's information offices: "(Pendam IV/Diponegoro)",
    # "(Dispenad)", "(Bidhumas Polda Jatim)"
    r"|(?:Humas|HUMAS|Rilis|Rls|Siaran Pers|Adv|ADV|Advertorial|Biro|Bagian|Diskominfo|Kominfo|Prokopim"
    r"|PR of|Pendam|Penrem|Pendim|Penerangan|Dispen[a-z]{0,3}|Puspen[a-z]{0,6}|Bidhumas|Penum|Pusinfo)"
    r"(?:\s+(?:of|and|dan|[A-Z][\w.&-]*)){0,6}"
    r"(?:\s*/\s*(?:[A-Za-z]{2,6}|[A-Z][a-z]{2,20})(?:\s+[A-Z][\w.&-]*){0,3})?"
    # an English edition's office: "(ITS Public Relations)", "(UGM Press Office)"
    r"|(?:[A-Z][\w.&-]*\s+){0,4}(?-i:Public Relations|Media Relations|Press Office|Communications Office)"
    r"|(?i:ant|antara|end|tamat|selesai|habis)|\*+|\*\s*/\s*[a-z]{2,6}|[a-z]{2,4})\)(?:-[a-z]\d?)?\.?\s*$"
    # a desk's code in capitalised form after the last sentence: "… kata dia. (Red)", "(Rls)"; a
    # print daily's page letter after it: "… dari APBN. (Awh)-f"; the reporter's first name, "(Pudji)"
    r"|(?<=[.!?\"”’])\s*\([A-Z][a-z]{1,7}\)(?:-[a-z]\d?)?\.?\s*$"
    # ... or codes between slashes with no bracket: "… dengan menunjukkan aplikasi GoBis. alq/rmc"
    r"|(?<=[.!?\"”’])\s+[a-z]{2,4}(?:/[a-z]{2,4}){1,2}\s*$"
    # ... or one capital letter, the desk's: "… setiap musim angin barat. (C)"; or the paper's code
    # in capitals and its number: "… pusat Kota Manokwari. (PB24)"
    r"|(?<=[.!?\"”’])\s*\((?:[A-Z]|[A-Z]{2,4}\d{1,3})\)\.?\s*$"
    # ... or an editor's initials under their label: "(ed: rh)"
    r"|(?<=[.!?\"”’])\s*\((?i:[a-z]{2,4}\s*/\s*)?(?i:ed|red|editor)\s*:\s*[a-z]{2,4}\)\.?\s*$"
    # ... or a reporter's initials with the desk's asterisk: "… di Kabupaten Bima. (IR*)"
    r"|(?<=[.!?\"”’])\s*\([A-Z]{1,4}\*{1,2}\)\.?\s*$"
    # a code in capitals in square brackets after the last sentence: "… tegasnya. [QAR]"
    r"|(?<=[.!?\"”’])\s*\[[A-Z]{2,5}\]\.?\s*$"
    # the same codes in square brackets: "… roda dua. [muf/but]", "… pengungsian. [ka/ab]"
    r"|\s*\[(?:[A-Za-z]{2,6}\d{0,2}(?:\s*/\s*[A-Za-z]{1,6}(?:-[a-z]{2,8})?\d{0,2}){1,3}|[a-z]{2,4}|[A-Z][a-z]{1,3}"
    r"|(?-i:[a-z]{1,4})\d{1,3}"  # (a reporter's code of letters and a number, "[cr78]", as "(m27)")
    r"|[a-z]{2,6}(?:\.[a-z]{2,6}){1,2})\]"
    r"\.?\s*$"
)
# A desk's code in capitals alone after the last sentence, "… dari seluruh blok. (LAZ)", "(FR)":
# a code when the story never writes those letters; an acronym it uses ("… kata peneliti
# Indonesia Corruption Watch. (ICW)" after "ICW" in the story) is its own
_CAPS_CODE = re.compile(r"(?<=[.!?\"”’])\s*\(([A-Z]{2,5})\)\.?\s*$")
# ... or in square brackets on a line of its own after the story, "[AC]" (a code when the story
# never writes those letters: "[CNET]" after a story quoting CNET names its source)
_CAPS_CODE_LINE = re.compile(r"^\s*\[([A-Z]{2,5})\]\.?\s*$")
# the reporter's whole name closing the story after its last sentence, "… minggu. (Nanang
# Prasetya)", when it is a person's (an office, "(Dinas Perhubungan)", is a source and stays)
# (with its desk after a slash: "(Yohana Wenda/Humas)", a campus newsroom's sign-off)
_CLOSING_NAME = (r"\(([A-Z][a-z]{1,14}(?:\s+[A-Z][a-z]{1,14}){1,2})"
                 r"(?:\s*/\s*(?i:humas|hms|red|redaksi|rls|rilis)\b[\w .-]{0,30})?\)\.?\s*$")
_NAME_CODE = re.compile(rf"(?<=[.!?\"”’])\s*{_CLOSING_NAME}")
# Rule "agency caption": a caption's last sentence, then an agency or paper in capitals and its
# photographer in brackets, "… di pasar tradisional. (ANTARA/Ahmad Fauzi)", "(REUTERS/Willy Kurniawan)",
# on a line the story goes on after (at the story's end the same brackets are the reporter's
# code: INITIALS)
AGENCY_CAPTION = re.compile(
    r"(?<=[.!?\"”])\s+\((?-i:[A-Z]{2,12}(?:\s[A-Z]{2,12})?)\s*/\s*(?-i:[A-Z])[^()/\n]{1,60}\)$"
)
# ... or a paper's name as it is written and the photographer's whole name, "… Baluwarti, Solo.
# (Solopos/Nicolous Irawan)", on a line with the story's paragraphs still to come (the same
# brackets closing the story's last paragraph, "(Tribunpekanbaru.com/Rizky Armanda)", are its
# reporter's: only a line the site's tagline follows is left)
SITE_CAPTION = re.compile(
    r"(?<=[.!?\"”])\s+\([A-Z][a-z]{2,15}(?:\.com|\.id|\.co\.id)?\s*/\s*[A-Z][a-z]+(?:\s[A-Z][a-z.]+){1,3}\)$"
)
# A desk's code after a star closing the last paragraph: "… wisatawan mancanegara. *des"
STAR_CODE = re.compile(r"(?<=[.!?\"”’])\s*\*{1,3}\s?[a-z]{2,6}\.?\s*$")
# The end mark closing a story's last paragraph: "… ke semua stasiun tujuan.***", "…  lalu. **"
END_MARK = re.compile(r"(?<=[.!?\"”’)])\s*\*{2,}\s*$")
# A reporter's name in capitals on the last line ("DINI TEJA", Tempo's style).
CAPS_NAME = re.compile(r"^\s*[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+){1,3}\s*$")
# Inline embeds inside a line.
EMBED = re.compile(r"\[(?:gambas|video|embed|ads?|iklan):?[^\]]{0,80}\]", _I)
# Promo sentences glued to the end of the last paragraph (WhatsApp channel, Google News, apps);
# the call is a word of its own ("… diminta mengikuti informasi resmi BMKG melalui WhatsApp" is
# the story's).
TRAILING_PROMO = re.compile(
    r"\s*\b(?:(?:yuk|ayo|mari|jangan lupa|silakan),?\s+)?"
    r"(?:simak|dengarkan|dapatkan|ikuti|follow|klik|gabung|cek)\s+(?:breaking news|berita|"
    r"update|informasi|info|kabar|artikel|channel|saluran|kami)\b[^\n]{0,400}?(?:whats ?app|google news|"
    r"telegram|ponsel|saluran|channel|aplikasi)[^\n]*$",
    _I,
)


# --- the page's own brand --------------------------------------------------------------------
#
# A promo or credit of the page's outlet is told by its NAME, not by its wording: whatever a site
# writes under its stories ("Ikuti terus perkembangan berita Lampung hanya di Lampost.co", "Simak
# update terbaru berita Banten lainnya di kanal Kabar Banten", "Baca berita ERA.id lainnya di Google
# News"), it names itself and opens with a call to the reader. The names are read from the page
# (its host, og:site_name, the registered site's name), so the rule knows sites never seen.


class Brand:
    """The page's own names: ``rx`` finds one in a line; a bare name without a dot (``lampost``,
    ``kabar banten``) counts only written with a capital (a name that is also a word, "tagar",
    "suara", "tempo", is the outlet only so).

    Each pattern is compiled when a rule first asks for it: a page's brand is new on every page of
    a run over many sites (an archive, a CC-NEWS file), re's compiler takes 1-2 ms for each of
    them, and ``code`` and ``credit`` are asked for only by a line ending in ")" or holding "/"."""

    __slots__ = ("_sources", "_compiled")

    def __init__(self, rx: str, code: str, credit: str, glued: str) -> None:
        self._sources = (rx, code, credit, glued)
        self._compiled: list[re.Pattern[str] | None] = [None] * 4

    def _pattern(self, i: int) -> re.Pattern[str]:
        rx = self._compiled[i]
        if rx is None:
            rx = self._compiled[i] = re.compile(self._sources[i], _I)
        return rx

    @property
    def rx(self) -> re.Pattern[str]:
        return self._pattern(0)

    @property
    def code(self) -> re.Pattern[str]:  # rule "own code": "… Rp1,5 miliar. (Lampost)", "(Lampost.co/Sinta)"
        return self._pattern(1)

    @property
    def credit(self) -> re.Pattern[str]:  # rule "own credit": "(Banjarmasinpost.co.id/Muhammad Rahmadi)"
        return self._pattern(2)

    @property
    def glued(self) -> re.Pattern[str]:
        # the name with a hyphen glued after it, then a capital: "Kabar6-Tempat …", "SURABAYA,
        # MEMORANDUM- Dinas …", "CIREBON, FC- Perajin …" (``rx`` takes no name a hyphen continues)
        return self._pattern(3)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Brand) and self._sources == other._sources

    def __hash__(self) -> int:
        return hash(self._sources)

    def named(self, line: str, at: int = 0) -> re.Match[str] | None:
        for m in self.rx.finditer(line, at):
            word = m.group()
            if "." in word or word[:1].isupper():
                return m
        return None


BRAND: ContextVar[Brand | None] = ContextVar("kliping_page_brand", default=None)
# The page's writers as its metadata and byline name them: their bio closing the body is no story
WRITERS: ContextVar[tuple[str, ...]] = ContextVar("kliping_page_writers", default=())
_SPACED_MIN = 8  # letters: a shorter host label is not read broken in two ("kompas" is no "Kom Pas")
_BRAND_MIN = 4  # letters: a shorter bare name ("era", "rri") counts only with its domain ("era.id")


@functools.lru_cache(maxsize=256)
def page_brand(host: str | None, names: tuple[str, ...] = ()) -> Brand | None:
    """The page's own brand from its host ("lampost.co" -> "lampost.co", "lampost") and the names
    it gives itself (og:site_name "Kabar Banten" -> "kabar banten", "kabarbanten"; a domain-like
    name "Banjarmasinpost.co.id" -> it and "banjarmasinpost"). A host's subdomain is no name (a
    region: "banjarmasin.tribunnews.com", "banten.jpnn.com") unless a name the page gives itself
    opens with it (a network's title: "galamedia.pikiran-rakyat.com", "Galamedia News")."""
    keys: set[str] = set()
    short: set[str] = set()  # a host's label too short to be a word's match: in capitals only ("JTV")
    for raw in (site_domain(host), *names):
        n = " ".join((raw or "").casefold().split())
        if not n or len(n) > 40:
            continue
        if "." in n and " " not in n:  # a domain
            d = n.removeprefix("www.")
            keys.add(d)
            label = d.split(".")[0]
        else:
            label = n
            if " " in n:
                keys.add(n.replace(" ", ""))  # "Kabar Banten" is also written "KabarBanten"
        if sum(c.isalpha() for c in label) >= _BRAND_MIN:
            keys.add(label)
        elif raw == site_domain(host) and label.isalpha() and label.isascii() and len(label) >= 2:
            short.add(label.upper())
    # a network's title on its own subdomain, the name the page gives itself opening with it
    # ("galamedia.pikiran-rakyat.com", "Galamedia News": "GALAMEDIA -" opens its stories)
    sub = (host or "").casefold().removeprefix("www.").split(".")[0]
    if (host and sub != site_domain(host).split(".")[0] and sum(c.isalpha() for c in sub) >= _BRAND_MIN
            and any(_opens_with(n, sub) for n in names)):
        keys.add(sub)
    if not keys and not short:
        return None
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True))
    # the initials of a name of two to four words, in capitals only: "RB" of "Rakyat Bengkulu"
    # ("KAUR, RB - …" on rakyatbengkulu.com)
    initials = {"".join(w[0] for w in n.split()).upper() for n in names
                if n and 2 <= len(n.split()) <= 4 and all(w[:1].isalpha() for w in n.split())} | short
    # a name the host runs together is written apart ("Suara Borneo" on suaraborneo.com): a host's
    # label of letters may break at one space between any two of them ("\\s?" before a letter: the
    # space only ever between two letters, a pattern re compiles in a seventh of the time a space
    # looking ahead for a letter took)
    spaced = [k for k in keys if k.isalpha() and k.isascii() and len(k) >= _SPACED_MIN]
    if spaced:
        alts += "|" + "|".join(r"\s?".join(k) for k in spaced)
    # (not a code: "(ICW)"; no empty alternative when the page gives no name of a word's length)
    named = "|".join([*filter(None, [alts]), *(f"(?-i:{re.escape(k)})" for k in sorted(initials))])
    name = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
    return Brand(
        rf"(?<![\w.-])(?:{named})(?![\w-])",
        # (... or the reporter first: "… dan Thailand. (Ketut Winata/balipost)", "(kmb/balipost)")
        (rf"\s*\(\s*(?:(?:{alts})(?:\s*[/-]\s*[^()/\n]{{1,40}}){{0,2}}"
                   rf"|(?:{name}|(?-i:[a-z]{{2,6}}\d{{0,2}}))\s*/\s*(?:{alts}))"
                   rf"\s*\)\.?\s*$"),
        (rf"^\W{{0,3}}(?:(?:{alts})\s*/\s*{name}(?:\s*/\s*[a-z]{{2,5}})?"
                   rf"|{name}\s*/\s*(?:{alts}))\W{{0,3}}$"),
        rf"(?<![\w.-])(?:{named})(?=-{{1,2}}\s*[A-Z])",
    )


def _opens_with(name: str | None, word: str) -> bool:
    """Is ``word`` the first word of ``name``, or ``name`` with its spaces taken out?"""
    words = (name or "").casefold().split()
    return bool(words) and (words[0] == word or "".join(words) == word)


# Rule "own promo": a call to the reader in Indonesian opening the line (after "Yuk,", "Untuk
# berita lainnya,"), or the page's credit ("Artikel ini telah tayang di …", "Hak cipta …"). (The
# English words, "Follow", "Subscribe", "Copyright", "©", also open lines a story's text keeps on
# the English and European benchmark pages.)
_OWN_PROMO_OPEN = re.compile(
    # (a short question may lead the call in: "Sedang cari rumah? Temukan ribuan rumah … di 99.co/id")
    r"^\W*(?:[^\n?.!]{3,60}\?\s*)?(?:(?:yuk|ayo|mari|jangan lupa|silakan|untuk\b[^,\n]{0,60},)\W*)?"
    r"(?:ikuti|simak|baca|kunjungi|dapatkan|unduh|gabung|bergabung(?:lah)?|klik|dukung|kirim(?:kan)?"
    r"|berlangganan|langganan|pantau|temukan|tonton|saksikan|nikmati|jangan lewatkan|artikel ini"
    # (the English words an Indonesian promo borrows, with what makes them one)
    r"|(?:download|install)\s+(?:aplikasi|apps?)|follow\s+(?:akun|kanal|channel|saluran|kami)"
    r"|berita ini|tulisan ini|hak cipta)\b",
    _I,
)
# ... and never a story's sentence: a quotation, or someone speaking to the outlet ("kata Husni
# kepada Banjarmasinpost.co.id", "saat dihubungi Lampost.co")
_OWN_PROMO_NOT = re.compile(
    r"[\"“”]|\b(?:kata|ujar|ucap|tutur|ungkap|jelas|mengatakan|menyebut|menjelaskan|menuturkan"
    r"|mengungkapkan|dihubungi|diwawancarai|said|says|told)\b",
    _I,
)
_OWN_PROMO_MAX = 250  # characters: a promo is a line, never a paragraph of the story


# Rule "own chrome": the page's frame naming the outlet, cut into pieces by a menu's separators
# ("Sekolah Diliburkan Saat Banjir | kumparan.com", "Lampost.co · Berita Lampung Terkini",
# "kumparan · NEWS · BISNIS · Login"), or the name alone on its line.
_CHROME_SEP = re.compile(r"\s[|·•]\s")
_CHROME_MAX = 120  # characters
_SENTENCE_END = (".", "!", "?", "\"", "”", ":")


def own_chrome(line: str, brand: Brand | None = None) -> bool:
    """Rule "own chrome": a short line naming the page's outlet that is menu pieces (parted by
    " | ", " · ", " • ", not a table's row opening with "|") or the name alone; a sentence (closed
    by its punctuation) stays."""
    brand = brand or BRAND.get()
    if brand is None or len(line) > _CHROME_MAX or line.rstrip().endswith(_SENTENCE_END):
        return False
    if (m := brand.rx.fullmatch(line.strip(" -–—|·•©"))) is not None and brand.named(m.group()):
        return True
    return not line.lstrip().startswith("|") and bool(_CHROME_SEP.search(line)) and bool(brand.named(line))


def own_credit(line: str, brand: Brand | None = None) -> bool:
    """Rule "own credit": the outlet and its photographer or reporter alone on a line, a caption's
    credit ("(Banjarmasinpost.co.id/Muhammad Rahmadi)", "Kabar Banten/Dindin Hasanudin", "SIGIT
    ANDRIANTO/RADAR SEMARANG")."""
    brand = brand or BRAND.get()
    return brand is not None and len(line) <= 100 and "/" in line and brand.credit.match(line) is not None


# Rule "glued promo": the last paragraph's closing sentence that is, alone, a promo (of the page's
# own outlet, "… sejak pekan lalu. Baca berita GenPI.co lainnya di Google News"; of any, by the
# "promo" family) or a syndicated story's notice ("… kata dia. Artikel ini telah tayang di
# JatimTIMES.com dengan judul …"), glued there by the page's markup.
_SENTENCE_START = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z])")
_SYNDICATED = re.compile(
    r"^(?:sebagian\s+)?(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah|sudah)\s+"
    r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan)\s+(?:di|pada|dalam|oleh)\b",
    _I,
)
_GLUED_MAX = 250  # characters: the sentence cut
_GLUED_HEAD = 60  # characters: the story's text left before it, at least
_GLUED_TRIES = 2  # sentences from the end: a promo is the last one or two


def glued_promo(line: str) -> int | None:
    """Where a promo glued to the end of the paragraph starts (rule "glued promo"), or None."""
    if len(line) < _GLUED_HEAD + 10:
        return None
    starts = [m.end() for m in _SENTENCE_START.finditer(line, max(_GLUED_HEAD, len(line) - _GLUED_MAX))]
    for at in reversed(starts[-_GLUED_TRIES:]):
        tail = line[at:]
        if (_SYNDICATED.match(tail) or own_promo(tail) or family_matches("promo", tail)
                or _GLUED_RELATED.match(tail)):
            return at
    return None


# a related link glued to the paragraph's end under its label: "… seri Pesisir yang Hilang. Baca bagian
# sebelumnya: Tanggul Laut yang Tak Kunjung Datang."
_GLUED_RELATED = re.compile(rf"(?:{_RELATED_LABEL2}){_RELATED_SEP}\s*\S", _I)


_OWN_ABOUT = re.compile(
    r"\s+(?:is an?|adalah|merupakan)\s+(?:\w+\s+){0,3}?(?:news source|news site"
    r"|news outlet|news website|publication|media(?: online| daring| digital| berita)?|portal(?: berita)?"
    r"|situs(?: berita)?|website|outlet)\b",
    _I,
)


def own_promo(line: str, brand: Brand | None = None) -> bool:
    """Rule "own promo": a short line naming the page's own outlet that opens with a call to the
    reader or a credit ("Ikuti terus perkembangan berita Lampung hanya di Lampost.co.", "Dukung
    Law-Justice dengan berlangganan …"); a sentence quoting or citing the outlet stays."""
    brand = brand or BRAND.get()
    if brand is None or len(line) > _OWN_PROMO_MAX:
        return False
    m = _OWN_PROMO_OPEN.match(line)
    if m and brand.named(line, m.end()) and not _OWN_PROMO_NOT.search(line):
        return True
    # ... or the outlet telling what it is, its notice to readers: "The Bali Sun is an independent
    # news source. Information is correct at the time of publishing; …", "Warta Contoh adalah media
    # daring independen …" (a story on another outlet names it, not the page's own)
    text = line.lstrip("*( ")
    m = brand.rx.match(text) or (brand.rx.match(text, 4) if text[:4].casefold() == "the " else None)
    # ... or its desk signing the story off: "CNBC INDONESIA RESEARCH", "Redaksi Lirboyo.net"
    if m is None and (desk := _DESK_FIRST.match(text)) is not None:
        m = brand.rx.match(text, desk.end())
        return bool(m and brand.named(m.group()) and not text[m.end() :].strip(" .)*"))
    return bool(m and brand.named(m.group()) and (_OWN_ABOUT.match(text, m.end())
                                                   or _OWN_DESK.fullmatch(text, m.end())))


_OWN_DESK = re.compile(r"\s+(?:research|riset|tim|team|redaksi|desk|newsroom|editorial)\W*", _I)
_DESK_FIRST = re.compile(r"(?:tim\s+)?(?:redaksi|desk|newsroom|admin|administrator)\s+", _I)


@dataclass
class Cleaned:
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (family, line) for diagnostics


def credit(line: str) -> list[tuple[str | None, str]]:
    """[(field, name)] from a credit line such as "Pewarta: A | Editor: B"."""
    out = []
    line = _DESK_IN_CREDIT.sub(r"\1", line)
    bare = line.strip().rstrip(".")
    if bare[:1] + bare[-1:] in ("()", "[]"):  # "(Penulis: A/Editor: B)", "[Penulis: A; Editor: B]"
        line = bare[1:-1]
    for m in _CREDIT_PARTS.finditer(line):
        label, value = m.groups()
        dated = (date := _CREDIT_DATE.search(value)) is not None and date.start() > 0
        if dated:
            value = value[: date.start()]  # (a name holds no digit: what follows is its date)
        elif (day := _CREDIT_WEEKDAY.search(value)) is not None:
            value = value[: day.start()]  # ("Penulis: A - Sabtu, 28 November 2026": the date's weekday)
            dated = True
        value = value.strip(" .|-–—/")
        if value:
            low = " ".join(label.lower().split())
            fld = CREDIT_LABELS[low] if low in CREDIT_LABELS else NAMED_LABELS[low]
            out.append((fld, value))
            # the names listed after the first: "Penulis: Roy Sihombing, Dedi Lubis | Dibaca …"
            at = m.end()
            while not dated and len(out) < _CREDIT_NAMES_MAX and (more := _MORE_NAMES.match(line, at)):
                name = more.group(1)
                if not is_person(name) or _ID_TOWN.fullmatch(name) or _NOT_CREDIT_NAME.search(name):
                    break  # ("Penulis: Rina Amalia, Jawa Tengah": the desk's region; "…, Kontributor Solo")
                out.append((fld, name))
                at = more.end()
    return out


_CREDIT_NAMES_MAX = 8
# another full name after a credit's first: a comma, "dan" or "&", then two to four capitalised
# words ending at a separator, the next label or the line's end
_MORE_NAMES = re.compile(
    rf"\s*(?:,|\bdan\b|&)\s*((?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}))"
    rf"(?=\s*(?:[|,·•&]|\bdan\b|\b{_ANY_LABEL}\s*:|$))",
    _I,
)
_NOT_CREDIT_NAME = re.compile(
    r"(?i)\b(?:kota|kabupaten|kab|provinsi|kecamatan|desa|pulau|jawa|sumatera|sumatra|kalimantan|sulawesi"
    r"|papua|maluku|nusa|utara|selatan|barat|timur|tengah|raya|kontributor|koresponden|wartawan|jurnalis"
    r"|reporter|pewarta|fotografer|editor|redaktur|staf|magang)\b"
)


def family(line: str, tried: str | None = None) -> str | None:
    """The boilerplate family a whole line belongs to, or None for a line of the body.

    The same answer as trying each family's pattern in turn (``rx.match(line)``), faster: an
    alternative that scans the line before it finds its words (``^[^\\n]{0,300}(?:tanggung
    jawab…)``) is tried only when the line holds one of them (:func:`_alternatives`), and of the
    others only those that can open with the line's first character (:func:`_screened`).
    ``tried``: a family the caller already found the line is not of (not tried again).
    """
    low = _folded(line)
    if low is not None:
        first = line[:1]
        if first.isspace():
            first = line.lstrip()[:1]
        # only the alternatives a line opening so can match ("": any, a character other than ASCII)
        key = (tried, first if first.isascii() else "")
        if not _screened(key, line) and not any(map(low.__contains__, _screen_words(tried))):
            return None  # (most lines) no alternative below can match
    return next((name for name in _family_alternatives() if name != tried and _matches(name, line, low)),
                None)


def family_matches(name: str, line: str) -> bool:
    """``FAMILIES[name].match(line) is not None``, faster: as in :func:`family`, an alternative
    is tried only when the line holds one of the words it needs (the promo pattern tried at each
    of a paragraph's last sentences was a sixth of :func:`clean_lines`' time on a page)."""
    return _matches(name, line, _folded(line))


def _matches(name: str, line: str, low: str | None) -> bool:
    """Does one of family ``name``'s alternatives match ``line`` (``low``: :func:`_folded`)?"""
    for rx, needs in _family_alternatives()[name]:
        if needs and low is not None and not any(map(low.__contains__, needs)):
            continue  # none of the words it needs is in the line: it cannot match
        if rx.match(line):
            return True
    return False


# A character other than ASCII that a case-blind pattern takes for an ASCII letter (the Kelvin
# sign for k, "ſ" for s): a line holding one goes to the patterns themselves, untested for words.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[a-z]", re.I)
# An alternative is tested for its words first when it has at most this many (each an ``in``).
_MAX_NEEDS = 4


def _folded(line: str) -> str | None:
    """``line`` lower-cased, to look for the ASCII words a case-blind pattern needs; None when it
    holds a character other than ASCII that such a pattern takes for an ASCII letter."""
    if line.isascii():  # (most lines: a flag of the string, read at no cost)
        return line.lower()
    return None if any(map(_ASCII_LETTER.match, _NOT_ASCII.findall(line))) else line.lower()


def _may_hold(line: str, needs: tuple[str, ...] | None) -> bool:
    """False when ``line`` holds none of the words (:func:`_needs`) a pattern's every match holds:
    the pattern cannot match it, not even searched for. True when it may."""
    if not needs:
        return True
    low = _folded(line)
    return low is None or any(map(low.__contains__, needs))


@functools.cache
def _promo_needs() -> tuple[str, ...] | None:
    """The words one of which a :data:`TRAILING_PROMO` match holds: a search for it tries the
    pattern at each character of the last paragraph (a tenth of :func:`clean_lines`' time on a
    page), and few paragraphs hold a channel's name."""
    try:
        from re import _parser as sre_parse

        needs = _needs(sre_parse.parse(TRAILING_PROMO.pattern, TRAILING_PROMO.flags))
    except Exception:  # the re module's internals changed: no screen
        return None
    return tuple(sorted(needs)) if needs else None


def _bounded_match(name: str, line: str) -> bool:
    """``FAMILIES[name].match(line)``, an alternative bounded in length (:func:`_longest`) tried
    only on a line within its bound: the photo credit's caption form (``^(?=[^\\n]{0,300}$)
    [^\\n]*(?:\\(…\\)|foto:…)\\W*$``) backtracks through the whole line, a third of
    :func:`clean_lines`' time on a line of prose, most of which is longer."""
    for rx, longest in _bounded_tests(name):
        if (longest is None or len(line) <= longest) and rx.match(line) is not None:
            return True
    return False


@functools.cache
def _bounded_tests(name: str) -> list[tuple[re.Pattern[str], int | None]]:
    """``FAMILIES[name]``'s top-level alternatives that bound the length of what they match, each
    alone with its bound, and the others joined (bound None); the pattern whole when it cannot be
    split."""
    rx = FAMILIES[name]
    if rx.flags & re.VERBOSE:
        return [(rx, None)]
    try:
        from re import _parser as sre_parse

        plain, tests = [], []
        for part in _top_level_split(rx.pattern):
            longest = _longest(sre_parse.parse(part, rx.flags))
            if longest is None:
                plain.append(part)
            else:
                tests.append((re.compile(part, rx.flags), longest))
        if plain:
            tests.insert(0, (re.compile("|".join(plain), rx.flags), None))
        return tests
    except Exception:  # the re module's internals changed: the pattern as it is
        return [(rx, None)]


def _longest(items: Any) -> int | None:
    """The longest line the parsed pattern ``items`` can match when it opens (after ``^``) with a
    lookahead ``(?=[^\\n]{0,N}$)``: N characters without a newline, then the end or a newline
    closing the text: N + 1 at most. None for any other pattern."""
    from re import _constants as sre

    for op, av in items:
        if op is sre.AT and av is sre.AT_BEGINNING:
            continue
        if op is not sre.ASSERT or av[0] != 1:
            return None
        inside = list(av[1])
        if (len(inside) == 2 and inside[1] == (sre.AT, sre.AT_END)
                and inside[0][0] in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
                and list(inside[0][1][2]) == [(sre.NOT_LITERAL, ord("\n"))]
                and inside[0][1][1] != sre.MAXREPEAT):
            return int(inside[0][1][1]) + 1
        return None
    return None


def _top_level_split(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (outside groups and character classes)."""
    parts, start, depth, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: to its closing "]" (a "]" first in it is a literal)
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _needs(items: Any) -> frozenset[str] | None:
    """Words (lowercase ASCII) one of which any text the parsed pattern ``items`` matches holds;
    None when it needs none. Only what every match must contain counts: a run of literal
    characters, a group's or an alternation's own needs (every branch having some), a repeat's
    when it occurs at least once, a lookahead's or lookbehind's (it reads the text too)."""
    from re import _constants as sre

    best: frozenset[str] | None = None

    def keep(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            keep(frozenset(("".join(run),)))
            run = []
        if op is sre.SUBPATTERN:
            keep(_needs(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            keep(_needs(av))
        elif op is sre.ASSERT:
            keep(_needs(av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            keep(_needs(av[2]))
        elif op is sre.BRANCH:
            branches = [_needs(b) for b in av[1]]
            if all(branches):
                keep(frozenset().union(*branches))  # type: ignore[arg-type]
    return best


def _scans(items: Any) -> bool:
    """Does the parsed pattern open (after ``^`` and spaces) by running over any text
    (``[^\\n]{0,300}``, ``.{0,80}``, a lookahead doing so): costly on every long line."""
    from re import _constants as sre

    for op, av in items:
        if op is sre.AT:
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            body = list(av[2])
            if len(body) == 1 and (body[0][0] in (sre.ANY, sre.NOT_LITERAL) or (
                    body[0][0] is sre.IN and body[0][1][:1] == [(sre.NEGATE, None)])):
                return av[1] >= 20
            if len(body) == 1 and body[0][0] is sre.IN and body[0][1] == [
                    (sre.CATEGORY, sre.CATEGORY_SPACE)]:
                continue  # \s* before the first word
            return False
        return op is sre.ASSERT and _scans(av[1])
    return False


def _alternatives(rx: re.Pattern[str]) -> list[tuple[re.Pattern[str], tuple[str, ...] | None]]:
    """``rx`` as tests a line matches one of when it matches ``rx``: each top-level alternative
    that scans the line before its words (:func:`_scans`), compiled alone with those words (one
    of which the line must hold), and the other alternatives together, as one pattern."""
    if rx.flags & re.VERBOSE:  # a "|" in a comment is not an alternative: the pattern as it is
        return [(rx, None)]
    try:
        from re import _parser as sre_parse

        plain, tests = [], []
        for part in _top_level_split(rx.pattern):
            items = sre_parse.parse(part, rx.flags)
            needs = _needs(items)
            if needs and len(needs) <= _MAX_NEEDS and _scans(items):
                tests.append((re.compile(part, rx.flags), tuple(sorted(needs))))
            else:
                plain.append(part)
        if plain:
            tests.insert(0, (re.compile("|".join(plain), rx.flags), None))
        return tests
    except Exception:  # the re module's internals changed: the pattern as it is
        return [(rx, None)]


@functools.cache
def _family_alternatives() -> dict[str, list[tuple[re.Pattern[str], tuple[str, ...] | None]]]:
    return {name: _alternatives(rx) for name, rx in FAMILIES.items()}


_SCOPED_FLAGS = ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.X, "x"))
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # a group referred back to: numbers shift once joined


@functools.cache
def _screen_words(tried: str | None) -> tuple[str, ...]:
    """The words of the alternatives :func:`family` (``tried`` left out) tests with words: a line
    holding none of them can match only an alternative tested without words (:func:`_screened`)."""
    return tuple(sorted({w for name, tests in _family_alternatives().items() if name != tried
                         for _rx, needs in tests for w in needs or ()}))


# (tried, first character or "") -> the alternatives a line opening with it can match, as one pattern
_SCREENS: dict[tuple[str | None, str], re.Pattern[str]] = {}
_SCREEN_USES: dict[tuple[str | None, str], int] = {}
# Lines screened by a key's compiled alternatives, one call each, before they are joined in one
# pattern: joining costs 10-40 ms (re's compiler, on ~80 alternatives of ~16,000 characters) and
# saves ~10 us a line, so it pays only once a key has screened a few thousand lines. A process
# cleaning a few pages (``kliping extract``, a test, a worker's first pages, pages of many sites)
# never pays it; a crawl's common keys are joined after their first thousands of lines.
_SCREEN_JOIN_AFTER = 2048
_SCREEN_NEVER = -(1 << 62)  # a key whose alternatives cannot be joined: the compiled ones, always


def _screened(key: tuple[str | None, str], line: str) -> bool:
    """Can one of the alternatives :func:`family` tests without words (:func:`_screen_tests`)
    match ``line``, which opens with ``key``'s character (after whitespace)? The same answer
    from the compiled alternatives one by one and from them joined in one pattern (the faster
    test, once it has paid its compilation: :data:`_SCREEN_JOIN_AFTER`)."""
    joined = _SCREENS.get(key)
    if joined is None:
        uses = _SCREEN_USES[key] = _SCREEN_USES.get(key, 0) + 1
        if uses < _SCREEN_JOIN_AFTER or (joined := _join_screen(key)) is None:
            return any(rx.match(line) is not None for rx in _screen_tests(*key))
    return joined.match(line) is not None


def _join_screen(key: tuple[str | None, str]) -> re.Pattern[str] | None:
    """The alternatives of :func:`_screen_parts` a line opening with ``key``'s character can
    match, joined in one pattern (kept in :data:`_SCREENS`); None when they cannot be joined as
    they are (a group referred back to, a flag a group cannot scope)."""
    tried, first = key
    if any(rx.flags & ~(re.I | re.M | re.S | re.X | re.U) or _BACKREF.search(rx.pattern)
           for rx in _screen_tests(tried, "")):
        _SCREEN_USES[key] = _SCREEN_NEVER
        return None
    parts = [part for part, opening in _screen_parts(tried)
             if not first or opening is None or first in opening]
    try:
        joined = _SCREENS[key] = re.compile("|".join(parts) or "(?!)")
    except re.error:
        _SCREEN_USES[key] = _SCREEN_NEVER
        return None
    return joined


@functools.cache
def _screen_tests(tried: str | None, first: str) -> tuple[re.Pattern[str], ...]:
    """The compiled alternatives :func:`family` (``tried`` left out) tests without words that
    can match a line whose first character other than whitespace is ``first`` (ASCII; "": any
    line): each whole, when one of its top-level alternatives can open with it."""
    return tuple(rx for rx, opening in _test_openings(tried)
                 if not first or opening is None or first in opening)


@functools.cache
def _test_openings(tried: str | None) -> tuple[tuple[re.Pattern[str], frozenset[str] | None], ...]:
    """The alternatives :func:`family` (``tried`` left out) tests without words, each with the
    characters a line it matches can open with (None: any; :func:`_opening_chars`)."""
    out: list[tuple[re.Pattern[str], frozenset[str] | None]] = []
    for name, tests in _family_alternatives().items():
        if name == tried:
            continue
        for rx, needs in tests:
            if needs:
                continue
            opening: frozenset[str] | None = frozenset()
            if rx.flags & re.X:  # (a "|" in a comment is no alternative: the pattern whole)
                opening = None
            for part in _top_level_split(rx.pattern) if opening is not None else ():
                chars = _opening_chars(part, rx.flags)
                if chars is None:
                    opening = None
                    break
                opening |= chars
            out.append((rx, opening))
    return tuple(out)


@functools.cache
def _screen_parts(tried: str | None) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """The screen's alternatives (each with its flags scoped) and the characters each can open
    with (None: any)."""
    parts: list[tuple[str, frozenset[str] | None]] = []
    for name, tests in _family_alternatives().items():
        if name == tried:
            continue
        for rx, needs in tests:
            if needs:
                continue
            flags = "".join(f for flag, f in _SCOPED_FLAGS if rx.flags & flag)
            if rx.flags & re.X:  # (a "|" in a comment is no alternative: the pattern whole)
                parts.append((f"(?{flags}:{rx.pattern}\n)", None))
                continue
            for part in _top_level_split(rx.pattern):
                parts.append((f"(?{flags}:{part})", _opening_chars(part, rx.flags)))
    return tuple(parts)


@functools.cache
def _opening_chars(part: str, flags: int) -> frozenset[str] | None:
    """The ASCII characters other than whitespace a line can open with (after any whitespace) when
    the pattern ``part`` matches it at its start; None when that cannot be told (the pattern
    may open with any character)."""
    try:
        from re import _parser as sre_parse

        parsed = sre_parse.parse(part, flags)
        found, empty = _opening(parsed, parsed.state.flags)  # (with the flags re adds: UNICODE)
    except Exception:  # the re module's internals changed: any character
        return None
    # (a pattern matching whitespace only, or nothing, matches at the start of any line)
    return None if found is None or empty else frozenset(found)


_ASCII_SOLID = [chr(c) for c in range(128) if not chr(c).isspace()]


@functools.cache
def _whitespace() -> tuple[str, ...]:
    # every character str.isspace() (and so the patterns' \s and a line's lstrip) takes for a
    # space: none lies above U+3000
    return tuple(chr(c) for c in range(0x3001) if chr(c).isspace())


def _opening(items: Any, flags: int) -> tuple[set[str] | None, bool]:
    """(what a match of the parsed sequence ``items`` can consume as its first character other
    than whitespace, among the ASCII ones; can it match consuming whitespace only). A character
    taken by a single-character item is found by matching that item alone, compiled with the
    same flags, against each ASCII character: what case-blindness folds is re's own answer."""
    from re import _compiler as sre_compile
    from re import _constants as sre
    from re import _parser as sre_parse

    found: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            if op is sre.AT and av in (sre.AT_END, sre.AT_END_STRING):
                # (only whitespace consumed yet, before the line's first other character: no end)
                return found, False
            continue  # zero width: it only narrows what follows
        if op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            more, empty = _opening(sub, (flags | add) & ~remove)
        elif op is sre.ATOMIC_GROUP:
            more, empty = _opening(av, flags)
        elif op is sre.BRANCH:
            more, empty = set(), False
            for branch in av[1]:
                got, can = _opening(branch, flags)
                if got is None:
                    return None, True
                more |= got
                empty = empty or can
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            more, empty = _opening(sub, flags)
            empty = empty or low == 0 or high == 0
        elif op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
            state = sre_parse.State()
            state.flags = flags
            one = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), flags)
            more = {c for c in _ASCII_SOLID if one.fullmatch(c)}
            empty = any(one.fullmatch(c) for c in _whitespace())
        else:  # a group referred back to, a conditional…: anything
            return None, True
        if more is None:
            return None, True
        found |= more
        if not empty:
            return found, False
    return found, True


def headline_like(line: str, shouted: bool = False) -> bool:
    """A linked headline as lists print it: 3 to 20 words, most capitalised, no closing period
    (and not in capitals, unless ``shouted``: a line of a list is rarely all capitals, a link
    alone in its paragraph often is: "CLICK HERE TO GET THE APP")."""
    words = line.split()
    if (line.isupper() and not shouted) or not 3 <= len(words) <= 20 or any(c in line for c in ":;|"):
        return False  # a shouted label, a sentence fragment, a table row or a "Label: value" line
    if line.rstrip()[-1:] in ".,":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha())
    return caps >= 0.6 * len(words)


def _listed_headline(line: str) -> bool:
    return headline_like(line) and not line[:1].isdigit() and not _LIST_ITEM.search(line)


_LIST_ITEM = re.compile(r"\s[–—-]{1,2}\s|@|\$|€|£|\d{1,2}[:.]\d{2}\b")


# A related line that is its label and nothing else ("Berita Lainnya:", "BACA JUGA :"): the heading of
# a list of headlines (rule "related heading"), as the related_header family is; the "related"
# family, tried first, takes these lines for it.
_LABEL_ONLY = re.compile(r"^[^:\n]{1,40}:\s*$")
# A contact's line under a contacts label: a desk's or a person's name, a number, an address
# ("Biro Komunikasi KNEKS", "Telp. (021) 3483 2611", "Email: humas@kneks.go.id"), never a sentence
_CONTACT_LINE_MAX = 100  # characters
# ... or more, a mailbox or a phone number in it: "Bagian Protokol dan Komunikasi Pimpinan Setda Kota
# Pontianak, telp. 0561-733041, email prokopim@pontianak.go.id"
_CONTACT_LINE_LONG = 250
_REACH = re.compile(r"[\w.+-]@[\w-]+\.[\w.]|\b(?:telp|tel|telepon|hp|wa|fax|faks)\.?\s*:?\s*\+?\(?\d", _I)
_SENTENCE_CLOSE = re.compile(r"[a-z]{3,}[.!?]\W*$")


# Rule "arrowed headlines": two or more lines in a row, each an arrow ("»", "›", "→") and a linked
# headline, are a list of other stories whatever heading it had ("» Gubernur Tinjau Pengungsi Gempa
# di Lindu" under an older theme's "BERITA TERKAIT" span the page's boxes lost)
_ARROWS = ("»", "›", "→")


def _arrowed_headlines(lines: list[str]) -> set[int]:
    hits = {i for i, x in enumerate(lines)
            if x.lstrip()[:1] in _ARROWS and headline_like(x.lstrip()[1:].strip())}  # fmt: skip
    return {i for i in hits if i - 1 in hits or i + 1 in hits}


def clean_lines(lines: list[str], extra: tuple[re.Pattern[str], ...] = ()) -> Cleaned:
    """Drop boilerplate lines, collect credits, strip embeds, codes and trailing promos."""
    res = Cleaned([])
    lines = _skip_promos(lines)
    captions = _story_captions(lines)
    arrowed = _arrowed_headlines(lines)
    keep: list[str] = []
    in_list = False  # after a related-list heading: its headline lines go with it
    in_contact = False  # after a contacts label ("Narahubung:"): the contact's lines go with it
    in_table = False  # after a standings table's heading: its rows go with it
    in_daily = False  # after a daily box's label alone ("Renungan Hari Ini"): its verse goes with it
    after_related = False  # after a related line: a headline here is one of its list if the body ends
    tentative: set[int] = set()  # indexes in keep of such headlines
    after_credit: set[int] = set()  # indexes in keep of lines right after a credit line (a bio?)
    credited = False  # the line before was a credit line
    head: set[int] = set()  # indexes of the column's opening byline lines (rule "writer's head")
    after_embed = False  # after an embed placeholder ("[Gambas:Video CNN]"): the embed's title
    footnoted: set[int] = set()  # indexes in lines of notes above a section of notes (rule "footnotes")
    signed_at: int | None = None  # len(keep) when the page's copyright line went (rule "after the sign-off")
    # long lines still to come: a caption closing with an agency's credit has the story after it
    prose_after = sum(len(x) >= _CAPTION_MIN for x in lines)
    for i, raw in enumerate(lines):
        prose_after -= len(raw) >= _CAPTION_MIN
        line = " ".join((EMBED.sub(" ", raw) if "[" in raw else raw).split())  # (an embed opens with "[")
        if captions and line in captions:  # a photo story's caption: the story, without its credit
            res.dropped.append(("photo_credit", line[captions[line] :]))
            line = line[: captions[line]].rstrip()
        if not line:
            after_embed = after_embed or bool(EMBED.search(raw))
            continue
        if after_embed and headline_like(line):
            after_embed = False
            res.dropped.append(("embed_title", line))
            continue
        after_embed = False
        if i in footnoted:
            res.dropped.append(("notes", line))
            continue
        if i in arrowed or i in head:
            if i in arrowed:
                res.dropped.append(("related", line))
            continue
        # rule "writer's head": before the story's first line, or under a byline
        if (not keep or credited) and (found := _writer_head(lines, i, res)):
            head |= found
            continue
        if CUT_FROM.match(line):
            res.dropped.append(("widget", line))
            break
        if AUTHOR_BOX.match(line) and sum(len(x) for x in lines[i + 1 :]) <= _AUTHOR_LINES_MAX:
            res.dropped += [("author_box", x) for x in (line, *lines[i + 1 :]) if x.strip()]
            break
        # (the heading alone closing the body too: its list was dropped as links)
        if NOTES_HEAD.match(line) and sum(map(len, rest := lines[i + 1 :])) <= _NOTES_MAX \
                and max(map(len, rest), default=0) <= _NOTE_LINE_MAX:
            res.dropped += [("notes", x) for x in (line, *rest) if x.strip()]
            break
        if _about_box(line, lines[i + 1 :]):
            res.dropped += [("about_box", x) for x in (line, *lines[i + 1 :]) if x.strip()]
            break
        if (end := _closing_footnotes(lines, i)) is not None:  # rule "footnotes"
            if end >= len(lines):
                res.dropped += [("notes", x) for x in lines[i:] if x.strip()]
                break
            footnoted.update(range(i + 1, end))
            res.dropped.append(("notes", line))
            continue
        if in_list and headline_like(line):
            res.dropped.append(("related", line))
            continue
        in_list = False
        if line.startswith("|") and (in_table or _STANDINGS_ROW.match(line)):
            res.dropped.append(("widget", line))  # rule "standings table", its heading row and rows
            in_table = True
            continue
        in_table = False
        if in_daily and len(line) <= _DAILY_MAX:
            res.dropped.append(("widget", line))  # (the daily box's verse under its label)
            in_daily = False
            continue
        in_daily = False
        if (daily := _DAILY_BOX.match(line)) is not None:
            res.dropped.append(("widget", line))  # rule "daily box"
            in_daily = not daily.group("rest").strip(" :.-–—")
            continue
        if _STANDINGS_HEAD.match(line) and _next_line(lines, i).startswith("|"):
            res.dropped.append(("widget", line))  # (a subheading the story's prose follows stays)
            in_table = True
            continue
        if in_contact and (len(line) <= _CONTACT_LINE_MAX or (len(line) <= _CONTACT_LINE_LONG
                                                              and _REACH.search(line))) \
                and not _SENTENCE_CLOSE.search(line):
            res.dropped.append(("contact", line))
            continue
        in_contact = False
        if (after_related and headline_like(line) and not _bounded_match("photo_credit", line)
                and family(line, "photo_credit") is None):  # (a widget's line is its own family's)
            tentative.add(len(keep))
            keep.append(line)
            continue
        after_related = False
        # old kompas: "| Penulis | : Nama |" (a line without "|" is its own: its spaces are single)
        flat = " ".join(line.replace("|", " ").split()) if "|" in line else line
        if _bounded_match("photo_credit", line):  # (FAMILIES["photo_credit"].match, cheaper)
            res.dropped.append(("photo_credit", line))
            continue
        if (line.endswith(")") and len(line) <= _CAPTION_MAX and prose_after > 0
                and (AGENCY_CAPTION.search(line) or prose_after > 1 and SITE_CAPTION.search(line))):
            # rule "agency caption"
            res.dropped.append(("photo_credit", line))
            continue
        if flat[:1] in _LIST_MARKS and (listed := _LISTED_CREDIT.match(flat)):
            flat = f"{listed.group(1)}: {listed.group(2)}"  # "- Penulis Rani Lestari": a credit's list
        elif flat[:1] in _LIST_MARKS and CREDIT_LINE.match(bare := flat.lstrip(_LIST_MARK_CHARS + " ")):
            flat = bare  # "- Reporter: Andi Muh. Fadli", "- Juru Kamera: Ismail Lewa"
        elif flat[:1] in "PRWK" and (bare := _BARE_CREDITS.match(flat)):
            flat = "{}: {} | {}: {}".format(*bare.groups())  # "Penulis A Editor B"
        flat = both_roles(flat)
        if CREDIT_LINE.match(flat) and not FAMILIES["related"].match(flat):
            for fld, name in credit(flat):
                if fld == "authors":
                    res.authors.append(name)
                    credited = True
                elif fld == "editors":
                    res.editors.append(name)
                    credited = True
            # (a bio follows a writer's credit: after "Sumber: Gaikindo" under a table, the story's
            # last paragraph, "Gaikindo memperkirakan …", was dropped as the source's bio)
            res.dropped.append(("credit", line))
            continue
        if OTHER_BY.match(line):
            res.dropped.append(("credit", line))
            continue
        if (wire := WIRE_CREDIT.match(line)) is not None:
            res.authors.extend(re.split(r"\s*(?:,|\band\b)\s*", wire.group("names")))
            res.dropped.append(("credit", line))
            continue
        if WRITER_LINE.match(line):  # rule "writer's line"
            res.dropped.append(("author_box", line))
            continue
        if (wb := WRITTEN_BY.match(line)) is not None \
                and all(map(is_person, names := re.split(r"\s*(?:,|\bdan\b|&)\s*", wb.group("names")))):
            res.authors.extend(names)  # rule "written by" (people only: an office's report is the story's)
            if wb.group("editor"):
                res.editors.append(wb.group("editor"))
            res.dropped.append(("credit", line))
            continue
        by = REPORT_BY.match(line) or BY_CREDITS.match(line)
        if by:
            res.authors.append(next(g for g in by.groupdict().values() if g))
            res.dropped.append(("credit", line))
            continue
        # (the line is no photo credit: tested above)
        rule = family(line, "photo_credit") or (family(flat) if flat != line else None)
        # (a CMS's links under the story as a list: "- 1287 reads", "- Add new comment")
        if rule is None and flat[:1] in _LIST_MARKS and family(flat.lstrip(_LIST_MARK_CHARS + " ")) \
                == "widget":
            rule = "widget"
        if rule is None and any(rx.search(line) for rx in extra):
            rule = "site"
        if rule is None and BRAND.get() is not None:  # (rules of the page's own brand)
            rule = ("own_promo" if own_promo(line) else "own_chrome" if own_chrome(line)
                    else "own_credit" if own_credit(line) else None)
        if rule:
            # ("Berita Lainnya:", "Baca Juga:": a list's heading, its items follow)
            if rule == "related_header" or (rule == "related" and _LABEL_ONLY.match(line)):
                in_list = True
            in_contact = rule == "contact"
            after_related = rule in ("related", "related_header")
            if rule == "credit_code" and prose_after == 0 and (alone := _NAME_ALONE.match(line)) is not None \
                    and is_person(alone.group(1)):
                _closing_name(alone.group(1), res)  # "(Feby Novalius)" on a line of its own, at the end
            if rule == "copyright":
                signed_at = len(keep)
            res.dropped.append((rule, line))
            continue
        if credited and len(line) <= _BIO_MAX:
            after_credit.add(len(keep))
        credited = False
        keep.append(line)
    # Headlines that followed a related line and close the body belong to its list.
    while keep and len(keep) - 1 in tentative:
        res.dropped.append(("related", keep.pop()))
    # Rule "after the sign-off": list items of a line each closing the body under the page's
    # copyright line are a box of other stories whose heading the extraction lost ("Berita
    # Terkait" over "- BMKG: Sulteng berpotensi hujan lebat …" on a regional agency's page)
    if signed_at is not None and signed_at < len(keep) <= signed_at + _FOOTNOTES_MAX and all(
        x[:1] in _LIST_MARKS and len(x) <= _SIGNED_ITEM_MAX and x.rstrip()[-1:] not in ".!?"
        for x in keep[signed_at:]
    ):  # fmt: skip
        res.dropped += [("related", x) for x in keep[signed_at:]]
        del keep[signed_at:]
    # Rule "writer's bio": a short line right after the writer's credit, closing the body, is the
    # author box's bio ("Penulis: Rahmat Budiarto" over "Pegawai swasta di Solo yang …")
    if len(keep) > 1 and len(keep) - 1 in after_credit:
        res.dropped.append(("author_box", keep.pop()))
    elif len(keep) > 1 and _card_bio(keep[-1]):  # rule "writer's card": the bio, and the name over it
        res.dropped.append(("author_box", keep.pop()))
        if len(keep) > 1 and _HEAD_NAMES.match(keep[-1]):
            res.dropped.append(("author_box", keep.pop()))
    # End-of-body residue: codes, trailing promos, a lone credit, a list of headlines.
    _end_residue(keep, res)
    # Two to eight headline-like lines closing the body are a list of other stories (a longer
    # run, or lines of dates, places and prices, is the article's own list: a tour, a schedule).
    run = 0
    while run < len(keep) - 1 and _listed_headline(keep[len(keep) - 1 - run]):
        run += 1
    if 2 <= run <= 8 and not _subheading(keep[len(keep) - 1 - run]):
        res.dropped += [("related", x) for x in keep[len(keep) - run :]]
        del keep[len(keep) - run :]
        _end_residue(keep, res)  # (the codes and promos the list hid from the end)
    res.paragraphs = keep
    return res


# The office that wrote the release, alone on the story's last line: "Humas Unand", "(Biro Adpim
# Setda Kalbar)", "Tim Humas Polres Sleman" (the same in brackets after the last sentence: INITIALS)
_OFFICE_LINE = re.compile(
    r"^\(?(?:(?-i:Kepala|Plt\.? Kepala)\s+)?(?-i:Humas|HUMAS|Tim Humas|Biro|Diskominfo|Kominfo|Prokopim"
    r"|Public Relations|Media Relations"
    r"|Pendam|Penrem|Pendim|Dispen[a-z]{0,3}|Puspen[a-z]{0,6}|Bidhumas"
    # a press release's signature, the office then its ministry on lines of their own: "Biro
    # Hubungan Masyarakat dan Informasi Publik" / "Kementerian Pertanian"
    r"|Kementerian|Kementrian|Kemenko|Sekretariat|Bagian)"
    r"(?:\s+(?:(?-i:[A-Z][\w.&-]*)|dan|&|and|of)){0,7}(?<!\sdan)(?<!\sof)(?<!\sand)\)?\.?$"
)


# Rule "signature": a release signed by its officer, the name (with titles and degrees) over the
# post, closing the body: "Abdul Muhari, Ph.D." / "Kepala Pusat Data, Informasi dan Komunikasi
# Kebencanaan BNPB" (a post is read as rule "writer's head" reads one)
_SIGNATURE_NAME = re.compile(rf"^\W{{0,3}}{_NAME_TITLES.pattern}{_HEAD_NAME}{_DEGREES.pattern}\W{{0,3}}$")


_PAGE_LETTER = re.compile(r"\)-[a-z]\d?\s*$")  # "(Awh)-f": a print daily's code and page letter
_BARE_CODE = re.compile(r"(?<=[.!?\"”’])\s+[a-z]{2,4}(?:/[a-z]{2,4}){1,2}\s*$")  # "… GoBis. alq/rmc"


# Rule "signature block": the close of a letter or a release under the story, as offices sign it,
# at most six short lines: the place and day it was signed ("Palu, 30 November 2026"), the post
# (its comma too: "Ketua Bawaslu Provinsi Sulawesi Tengah,"), the mark "ttd", the name with its
# titles and degrees or in capitals ("RIZAL PAHLEVI HUTAGALUNG, S.H., M.H."), the office and its
# mailbox ("Communication Department", "Email: corcomm@idx.co.id"). A name and a post, or the mark.
_SIGN_MARK = re.compile(r"^\W*(?:ttd|t\.t\.d|tertanda|signed)\W*$", _I)
_SIGN_DAY = re.compile(
    r"^\s*(?-i:[A-Z])[\w .'-]{2,30},\s*"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*$",
    _I,
)
_SIGN_CAPS = re.compile(
    rf"^\W{{0,3}}([A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){{1,4}}){_DEGREES.pattern}\W{{0,3}}$"
)
_SIGN_POST = re.compile(  # (an English release's posts: "Executive Director", "Head of Corporate …")
    r"^\W*(?:(?:executive|managing|deputy|assistant|senior|general|vice|chief)\s+)*(?:head|director|manager"
    r"|president|secretary|officer|spokes(?:person|man|woman)|chair(?:man|person|woman)?|coordinator)\b"
    r"[^\n.!?]{0,80}$",
    _I,
)
_SIGN_OFFICE = re.compile(
    r"^(?=[^\n]*\b(?:department|division|directorate|bureau|office|biro|bagian|divisi|direktorat|sekretariat"
    r"|kementerian|komisi|dinas|badan|kantor)\b)"
    r"(?-i:[A-Z][\w&.-]*)(?:\s+(?:(?-i:[A-Z][\w&.-]*)|of|and|dan|&)){0,7}$",
    _I,
)
_SIGN_MAIL = re.compile(
    r"^\W*(?:e-?mail|surel|telp|tel|telepon|phone|hp|wa|whatsapp|fax|faks)\.?\s*:?\s*\S[^\n]{0,60}$", _I
)


def _signer(text: str) -> bool:
    """A signature's name: with titles and degrees, or in capitals (rule "signature block")."""
    if _SIGNATURE_NAME.match(text):
        return is_person(_NAME_TITLES.sub("", text.strip(" *()")).split(",")[0])
    return (caps := _SIGN_CAPS.match(text)) is not None and is_person(caps.group(1).title())


def _signature_block(keep: list[str]) -> int:
    """Rule "signature block": how many of the last lines are a signature's (0: none)."""
    n, name, post, mark = 0, False, False, False
    for line in reversed(keep[-6:]):
        text = line.strip()
        if len(text) > 120:
            break
        if _SIGN_MARK.match(text):
            mark = True
        elif _post_line(text.rstrip(" ,")) or _SIGN_POST.match(text):  # (a post names an office too)
            post = True
        elif _SIGN_DAY.match(text) or _SIGN_OFFICE.match(text) or _OFFICE_LINE.match(text) \
                or _SIGN_MAIL.match(text):
            pass
        elif _signer(text):
            name = True
        else:
            break
        n += 1
    return n if (mark or name and post) and n <= len(keep) - 2 else 0


_NAME_ALONE = re.compile(rf"^\s*{_CLOSING_NAME}")  # (the same name on a line of its own)


def _told_writers() -> set[str]:
    """The writers the page's metadata named (:data:`WRITERS`), whitespace folded, casefolded."""
    return {" ".join(n.split()).casefold() for n in WRITERS.get()}


def _written(letters: str, lines: Iterable[str]) -> bool:
    """Does the story write these capitals as a word ("ICW" in "… Indonesia Corruption Watch
    (ICW) …")? Then they are its own, not a desk's code."""
    return any(map(re.compile(rf"\b{letters}\b").search, lines))


def _closing_name(name: str, res: Cleaned) -> None:
    """A whole name in brackets closing the story is its reporter's; where the byline named another
    writer, its editor's ("… Rp2,7 triliun. (Feby Novalius)" under "Dani Jumadil, Jurnalis")."""
    if _ID_TOWN.fullmatch(name) or _NOT_CREDIT_NAME.search(name):
        return  # a place or a desk's region, "(Jawa Tengah/Humas)", names no one
    writers = _told_writers()
    (res.editors if writers and name.casefold() not in writers else res.authors).append(name)


def _end_residue(keep: list[str], res: Cleaned) -> None:
    """End-of-body residue, from the last line up: codes, trailing promos, a lone credit."""
    if n := _signature_block(keep):
        res.dropped += [("signature", line) for line in keep[-n:]]
        del keep[-n:]
    while keep:
        last = new = keep[-1]
        if (caps := _CAPS_CODE_LINE.match(new)) is not None and not _written(caps.group(1), keep[:-1]):
            new = ""
        for _ in range(3):  # (two codes in a row: "… country. (PR of Ministry of Health/UN) (RI/MUR)")
            if not (new.rstrip().endswith((")", ").", "]", "].")) or _PAGE_LETTER.search(new)
                    or _BARE_CODE.search(new)) \
                    or (cut := INITIALS.sub("", new)) == new:
                break
            new = cut
        new = (TRAILING_PROMO.sub("", new) if _may_hold(new, _promo_needs()) else new).strip()
        if new.endswith("*"):  # the end mark some papers close a story with: "… tujuan.***"
            new = END_MARK.sub("", new)
        elif "*" in new[-12:]:
            new = STAR_CODE.sub("", new)
        if (caps := _CAPS_CODE.search(new)) is not None \
                and not _written(caps.group(1), (*keep[:-1], new[: caps.start()])):
            new = new[: caps.start()].rstrip()
        if (named := _NAME_CODE.search(new)) is not None and is_person(named.group(1)):
            _closing_name(named.group(1), res)  # "… minggu. (Nanang Prasetya)"
            new = new[: named.start()].rstrip()
        if new != last:
            res.dropped.append(("credit_code", last[len(new) :]))
        if not new or FAMILIES["ads"].match(new):
            keep.pop()
            continue
        brand = BRAND.get()
        if (brand is not None and new.endswith((")", ").")) and (code := brand.code.search(new))
                and (brand.named(code.group()) or "/" in code.group())):
            # ("… kehilangan (suara)" on suara.com is a word; "(Ketut Winata/balipost)" a code)
            res.dropped.append(("credit_code", new[code.start() :]))  # rule "own code"
            new = new[: code.start()].rstrip()
            if not new:
                keep.pop()
                continue
            keep[-1] = new
        if own_promo(new):  # rule "own promo", at the body's end
            res.dropped.append(("own_promo", new))
            keep.pop()
            continue
        if (cut := glued_promo(new)) is not None:
            res.dropped.append(("glued_promo", new[cut:]))
            keep[-1] = new[:cut].rstrip()
            continue
        # ("[email protected]" under the story; "Humas Unand" alone on its line)
        if FAMILIES["credit_code"].match(new) or _OFFICE_LINE.match(new):
            if (alone := _NAME_ALONE.match(new)) is not None and is_person(alone.group(1)):
                _closing_name(alone.group(1), res)  # "(Feby Novalius)" on a line of its own
            res.dropped.append(("credit_code", new))
            keep.pop()
            continue
        if len(keep) > 2 and _post_line(new) and _SIGNATURE_NAME.match(keep[-2]):
            res.dropped += [("signature", keep[-2]), ("signature", new)]  # rule "signature"
            del keep[-2:]
            continue
        # ... or the post over the name, as a release's head of office signs ("KEPALA BIRO HUBUNGAN
        # MASYARAKAT …" / "Dwi Anggraeni Suryaningsih")
        if len(keep) > 2 and _SIGNATURE_NAME.match(new) and _post_line(keep[-2]) \
                and is_person(_NAME_TITLES.sub("", new.strip(" *()")).split(",")[0]):
            res.dropped += [("signature", keep[-2]), ("signature", new)]
            del keep[-2:]
            continue
        if len(keep) > 1 and _hotline(new):  # rule "hotline"
            res.dropped.append(("contact", new))
            keep.pop()
            continue
        if len(keep) > 1 and _writer_bio(new, res.authors):  # rule "writer's bio"
            res.dropped.append(("author_box", new))
            keep.pop()
            continue
        if len(keep) > 1 and _writer_byline(new):  # rule "closing byline"
            res.dropped.append(("credit", new))
            keep.pop()
            continue
        if len(keep) > 1 and CAPS_NAME.match(new) and brand is not None and brand.named(new):
            res.dropped.append(("own_credit", new))  # a desk of the outlet: "CNBC INDONESIA RESEARCH"
            keep.pop()
            continue
        if len(keep) > 1 and CAPS_NAME.match(new):
            res.authors.append(new)
            res.dropped.append(("credit_code", new))
            keep.pop()
            continue
        keep[-1] = new
        break


# Rule "hotline": the service box under a story, a number to call told to the reader, not the
# story's sentence about a service. A phone number, or a service's short number after its name
# ("Call Center 110", "SAPA 129", "Damkar Garut: 113")...
_PHONE = re.compile(
    r"\(0\d{2,3}\)\s?\d{4,8}|\b(?:\+62|0)\d{2,4}[- .]?\d{3,4}[- .]?\d{2,5}\b"
    r"|\b(?:call cent(?:er|re)|command cent(?:er|re)|hotline|sapa|darurat|kegawatdaruratan|damkar|ambulans"
    r"|psc|polri|pemadam kebakaran|layanan)\b(?:\s+\w+){0,2}\s*:?\s*1\d{2}\b",  # ("layanan SEJIWA 119")
    _I,
)
# ... on a line addressed to the reader: the call ("hubungi …", "Jika Anda …", "Butuh bantuan?"),
# or a service's label and its colon ("Layanan pengaduan: …", "Narahubung Pusdalops BPBD Jateng:
# …", "- Damkar Garut: 113"), with no one said to speak (a release's "Informasi lebih lanjut …
# dapat diperoleh … di nomor …" is its own sentence: a held-back page keeps it)
_HOTLINE_CALL = re.compile(
    r"(?<!\w)hubungi\b|\b(?:jika|bila|apabila|kalau) (?:anda|kamu|kalian|anda atau|kamu atau)\b"
    r"|\bbutuh bantuan\b"
    r"|^[\s•*–—-]*(?-i:[A-Z])[\w.]*(?:\s+[\w.]+){0,5}\s*:\s"
    # (or an item of the box's list: "- Ambulans Gratis PSC 119")
    r"|^\s*[•*–—-]\s*(?-i:[A-Z])[^\n.!?]{2,80}$",
    _I,
)
# ... and the box's heading: "Nomor Darurat Kabupaten Garut", "CALL CENTER DARURAT KOTA SEMARANG"
_HOTLINE_HEAD = re.compile(
    r"^\W*(?:nomor|call cent(?:er|re)|layanan|kontak)(?: telepon)? (?:darurat|penting|pengaduan)\b"
    r"[^\n.!?:]{0,60}$",
    _I,
)
_HOTLINE_SAID = re.compile(
    r"\b(?:kata|ujar|ujarnya|katanya|ungkap(?:nya)?|jelas(?:nya)?|tutur(?:nya)?|imbau(?:nya)?|pesan(?:nya)?"
    r"|mengajak|mengimbau|meminta|said|says)\b",
    _I,
)


def _hotline(line: str) -> bool:
    """Rule "hotline": a line of a service's numbers under the story, told to the reader."""
    return _HOTLINE_HEAD.match(line) is not None or (
        len(line) <= 320 and _PHONE.search(line) is not None and _HOTLINE_CALL.search(line) is not None
        and _HOTLINE_SAID.search(line) is None)


def _next_line(lines: list[str], i: int) -> str:
    return next((x.strip() for x in lines[i + 1 :] if x.strip()), "")


# Rule "daily box": a religious or quotation portal's box of the day beside the story, its label
# and its verse ("Ayat Emas "Ajarlah kami menghitung hari-hari kami …" — Mazmur 90:12", "Renungan
# Hari Ini" over "Selasa Pekan I Adven: Berbahagialah mata …"): the label opens the line, alone
# (the next line, the verse, goes too) or with the verse after a quotation mark or a colon
_DAILY_BOX = re.compile(
    r"^\W*(?:ayat emas|ayat (?:hari ini|pilihan|harian)|renungan (?:hari ini|harian)|doa (?:hari ini|harian)"
    r"|hadi(?:s|ts|th) (?:hari ini|pilihan)|kutipan hari ini|mutiara hikmah|sabda (?:tuhan )?hari ini"
    r"|(?:quote|verse) of the day)(?P<rest>\W*$|\s*[:\"“‘'][^\n]{0,400}$)",
    re.I,
)
_DAILY_MAX = 400  # characters of the verse under a daily box's label


# Rule "standings table": a league's table under the story, its heading alone or as its first row
# ("Klasemen Premier League", "| Klasemen Akhir F1 2026 | |"), then its rows ("| 1 | Liverpool | …")
_STANDINGS_HEAD = re.compile(r"^\W*(?:klasemen|standings|league table)\b[^\n.!?|:]{0,60}$", re.I)
_STANDINGS_ROW = re.compile(r"^\|\s*(?:klasemen|standings)\b[^|\n]{0,60}\|(?:\s*\|)*\s*$", re.I)


_CAPTION_MIN = 80  # characters: a caption that tells the story, not a credit line
_CAPTION_MAX = 300  # (the photo credit's caption form is bounded so)


# A photographer and the outlet in brackets closing a caption's last sentence: "… ulos. (Finta
# Rahyuni/detikTravel)" (read as a credit only on a page of such captions: at a story's end the
# same brackets are its reporter's code)
_NAME_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+\s*/\s*[A-Za-z][\w.-]{1,30}\)\W*$"
)


def _story_captions(lines: list[str]) -> dict[str, int]:
    """Rule "photo story": on a page whose story is told by its photos' captions (a gallery, "FOTO:
    …"), the captions closing with a credit ("… sepanjang hari. GATRA/Adi Wibowo", "… (ANTARA
    FOTO/Rina)") are most of the long lines. Then each keeps its text and loses only its credit
    (elsewhere a caption is dropped whole): {caption: where its credit starts}, or {} on a page of
    prose (fewer than two such captions, or fewer than half of its long lines)."""
    found: dict[str, int] = {}
    long = 0
    for raw in lines:
        if len(raw) < _CAPTION_MIN:
            continue
        long += 1
        if len(raw) > 2 * _CAPTION_MAX or raw.rstrip()[-1:] in ".!?\"”’:":
            continue  # (most lines: prose closes with its punctuation)
        line = " ".join(raw.split())
        if not _CAPTION_MIN <= len(line) <= _CAPTION_MAX:
            continue
        if m := (PHOTO_CREDIT_END.search(line) or AGENCY_CAPTION.search(line) or SITE_CAPTION.search(line)
                 or _NAME_CREDIT.search(line)):
            found[line] = m.start()
    return found if len(found) >= 2 and 2 * len(found) >= long else {}


# A promo the page lets the reader skip, between its two links: "Lewati Podcast dan lanjutkan
# membaca" … "Akhir dari Podcast" (BBC's sites; "Skip X and continue reading" … "End of X").
_SKIP_FROM = re.compile(
    r"^\s*(?:lewati|skip) (?P<what>[^\n]{2,60}?) (?:dan lanjutkan membaca|and continue reading)\W*$", _I
)
_SKIP_SPAN = 15  # lines: a promo box, not the story


def _skip_promos(lines: list[str]) -> list[str]:
    """Rule "skipped promo": the lines from a "Lewati X dan lanjutkan membaca" link to its "Akhir
    dari X" anchor go (the skip link alone when no anchor follows within a box's length)."""
    if not any("ewati" in x or "kip" in x for x in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _SKIP_FROM.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        end = re.compile(rf"^\s*(?:akhir dari|end of) {re.escape(m.group('what'))}\W*$", _I)
        stop = next((j for j in range(i + 1, min(len(lines), i + 1 + _SKIP_SPAN)) if end.match(lines[j])), i)
        i = stop + 1
    return out


def _subheading(line: str) -> bool:
    """A story's own subheading over the lines that follow ("Album of the Year" over its
    nominees): a few words with no closing punctuation (a related box's heading is a family of its
    own, dropped before this is asked)."""
    words = line.split()
    return 0 < len(words) <= 6 and not line.rstrip().endswith((".", "!", "?", ":", "\"", "”", ")"))


# --- datelines ---------------------------------------------------------------------------------
#
# The first words of a story that say where and for whom it was written, in every form the
# Indonesian press prints them (any case, any dash):
#   place (source) -      "Jakarta (ANTARA) -", "Palu, Sulteng (ANTARA News) -",
#                         "MEDAN, 3 Maret 2021 (Antara/PRNewswire) --"
#   place, source -       "BANDUNG, KOMPAS.com –", "Jakarta, CNN Indonesia --", "Jakarta, CNBC Indonesia -"
#   source, place -       "TEMPO.CO, Jakarta -", "REPUBLIKA.CO.ID, JAKARTA --", "Liputan6.com, Surabaya"
#   source -              "SuaraJabar.id -", "KOMPAS.com -"
#   place -               "JAKARTA - " (detik, okezone)

_BRANDS = (
    r"CNN Indonesia|CNBC Indonesia|ANTARA(?: News| FOTO)?|Antara(?: News)?|detik[A-Za-z]*|Okezone"
    r"|VIVA|IDN Times|Kontan|iNews|Bisnis|Kompas[A-Za-z]*|Tempo|Republika|Tribun[A-Za-z]*|Suara[A-Za-z]*"
    r"|Merdeka|Jawa Pos|JawaPos|Media Indonesia|Sindonews|Beritasatu|Kumparan|kumparan|Katadata|Tirto"
    r"|Liputan6|Metro TV|Metrotvnews|Inilah|Pikiran Rakyat|Harian Jogja|Bola"
)
_BRAND_WORD = re.compile(rf"(?:{_BRANDS})")
_BRAND_CI = re.compile(rf"(?:{_BRANDS})", re.I)
# (four labels after the name: "TRIBRATANEWS.SULSEL.POLRI.GO.ID")
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,12}){1,4}"
_SOURCE = rf"(?:{_DOMAIN}|{_BRANDS})"
# a source in parentheses may be an agency or two: "(ANTARA)", "(Antara/PRNewswire)", "(AFP)"
# Indonesia's national agency, alone or with the wire it relays ("ANTARA/Reuters"); a foreign
# wire's own dateline ("SANTA FE, N.M. (AP) —") is part of its story as published.
_AGENCY = r"(?i:antara|ant)"
_PSOURCE = rf"(?:{_SOURCE}|{_AGENCY})(?:\s*/\s*[A-Za-z][\w.-]{{1,30}})?"
_WORD = r"[A-Z][A-Za-z'’.]*"
_PLACE = rf"(?:{_WORD}(?:[ -]{_WORD}){{0,3}})"
_ANY_PLACE = r"(?:[A-Za-z][A-Za-z'’.]*(?:[ -][A-Za-z][A-Za-z'’.]*){0,3})"  # any case
# "Palu, Sulteng", "Mataram, NTB" (never a weekday: "Jakarta, Selasa (3/3/2021) -")
# ("Kupang, E Nusa Tenggara": an English edition's compass letter before the region's two words)
# ("Kupang, East Nusa Tenggara": the compass word in full, before the region's two words;
# "Kodi, Sumba Barat Daya": a regency's name of two compass words after its island's)
_REGION_COMPASS = r"(?-i:Barat|Timur|Utara|Selatan|Tengah|Daya|Laut|Tenggara)"
_REGION = (
    rf"(?:,\s*(?!(?i:{_WEEKDAY})\b)(?-i:(?:North|South|East|West|Central|Southwest|Southeast|Northwest"
    rf"|Northeast|[NSEW]\.?)\s)?{_WORD}(?:\s{_WORD})?(?:\s{_REGION_COMPASS})?)"
)
_MONTHS = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|peb(?:ruari)?|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|"
    r"agu(?:stus)?|agt|ags|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nop(?:ember)?|des(?:ember)?)"
)
_DATE = (
    rf"(?:,\s*(?i:{_WEEKDAY},?\s*)?(?:\d{{1,2}}\s+(?i:{_MONTHS})\.?\s+\d{{4}}|\(?\d{{1,2}}/\d{{1,2}}"
    rf"(?:/\d{{2,4}})?\)?|(?i:{_WEEKDAY})\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)"
    # an English edition's order: "Jakarta, November 28, 2025 –"
    rf"|(?i:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    # the day in brackets with no comma: "JAKARTA (20/11) –" (a ministry's press release)
    rf"|\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\))"
)
# Provinces and regions written after a town ("Mataram, NTB", "Palu, Sulteng", "Sleman, DIY"): a
# place's second part, never a brand's name.
_REGION_NAME = (
    r"(?:Aceh|Sumut|Sumbar|Sumsel|Riau|Kepri|Jambi|Bengkulu|Lampung|Babel|Banten|Jabar"
    r"|Jateng|Jatim|Yogyakarta|Bali|Kalbar|Kalteng|Kalsel|Kaltim|Kaltara|Sulut|Sulteng|Sulsel|Sultra"
    r"|Sulbar|Gorontalo|Maluku|Malut|Papua|Jawa|Sumatera|Sumatra|Kalimantan|Sulawesi|Nusa|Indonesia)"
)
_REGION_WORD = rf"(?:[A-Z]{{2,4}}|{_REGION_NAME})"
# Indonesia's regions in any case and its abbreviations ("NTB", "DIY"), not another country's
# ("SANTA FE, N.M.", "DENVER, CO": a foreign wire's dateline, which its story keeps)
# (an English edition's: "North Kalimantan", "E Nusa Tenggara", "Central Java")
_EN_COMPASS = r"(?-i:(?:North|South|East|West|Central|[NSEW])\.?\s)"
_ID_REGION = rf"(?:(?-i:NTB|NTT|DIY|DKI|NAD|DI Yogyakarta)|{_EN_COMPASS}?(?i:{_REGION_NAME}))"
# (written in capitals too: "PALU, SULTENG -"; a word of two to four capitals is an abbreviation)
_ANY_REGION = rf"(?:(?-i:[A-Z]{{2,4}})|(?i:{_REGION_NAME}))"
_PLACE2_SECOND = r"(?:Utara|Selatan|Barat|Timur|Tengah|Raya|Baru)"
# Words of an administrative unit ("Kabupaten Bogor", "Kota Baru"): a place's part, never a brand
_ADMIN_WORD = r"(?:Kabupaten|Kab\.?|Kota|Provinsi|Prov\.?|Kecamatan|Kec\.?|Desa|Kelurahan|Pulau)"
# Words a news outlet's name is made of ("Warta Ekonomi", "Radar Bogor", "Kabar Banten", "Pos
# Kupang", "Bali Post", "Harian Haluan"): a name holding one is the brand, not the place.
_NEWS_WORD = (
    r"(?i:Warta|Kabar|Portal|Berita|Harian|Radar|Pos|Post|Times|News|Media|Ekspres|Express|Koran|Tabloid"
    r"|Majalah|Suara|Info|Online|TV|Channel|Daily)"
)
_OUTLET = rf"(?:(?:[A-Z][\w.]*\s){{0,2}}{_NEWS_WORD}(?:\s[A-Z][\w.]*){{0,2}})"
# an outlet's name of one word ending in one: "Borneonews", "Jatimtimes" (a town's name never ends so)
_ONE_WORD_OUTLET = r"[A-Z][a-z]{2,20}(?i:news|times|post|online|daily|today)"
# ... read where a place was: the outlet's words in any case ("PORTAL JEMBER"), or one word ending
# in one ("Batamnews", "Jatimtimes": a town's name never ends so)
_OUTLET_NAME = re.compile(
    rf"{_OUTLET}|{_ONE_WORD_OUTLET}|[A-Z]{{3,20}}(?:NEWS|TIMES|POST|ONLINE)"
)
# Words that open a story's first line followed by a colon and are no place: "Update: …",
# "Catatan Redaksi: …" (a place is read before a colon only when it is none of them).
_NOT_PLACE = (
    r"(?i:update|pembaruan|kronologi|fakta|informasi|info|pengumuman|ralat|koreksi|ringkasan|intinya|nomor"
    r"|perhatian|peringatan|breaking|penting|simak|baca|lihat|tonton|foto|video|sumber|editor|penulis"
    r"|reporter|laporan|liputan|disclaimer|keterangan|dilansir|tanya|jawab|pertanyaan|sinopsis|resep"
    r"|bahan|cara|langkah|tips|catatan|berita|artikel|opini|editorial|analisis|wawancara|profil"
    r"|review|ulasan|spoiler|trivia|kutipan|pesan|himbauan|imbauan|sambutan|judul|tema|agenda|jadwal"
    r"|hasil|skor|klasemen|susunan|line-up|lineup|rilis|siaran|press|note|warning|summary|kata|photo"
    r"|image|gambar|caption|source|credit|ilustrasi|related|watch|read|listen|opinion|analysis"
    r"|comment|correction|clarification|advertisement|sponsored|iklan|quote|answer|question|kesimpulan"
    r"|contoh|misalnya|sebelumnya|selanjutnya|kemudian|pertama|kedua|ketiga|terakhir|jadi|sekarang|kini"
    r"|awas|waspada|syarat|ketentuan|hadiah|lokasi|waktu|tempat|tanggal|harga|alamat|kontak|telepon"
    r"|tautan|narasumber|moderator|pembicara|tamu|presenter|oleh|by|\w+nya)"
)
# A place before a colon: one word ("Jakarta"; in capitals only with its region, "PALU, NTB:": a
# word in capitals and a colon is a kicker, "EXCLUSIVE:") or a pair of a known form ("Banda Aceh",
# "TANJUNG SELOR", "Jawa Barat"), in any case; never two names of a speaker ("Anies Baswedan:")
_COLON_PLACE = (
    r"(?:[A-Z][a-z]{3,}|(?i:(?:banda|bandar|tanjung|pangkal|kota|pulau|muara|pematang|padang"
    r"|tanah|labuan|labuhan|teluk|sungai|kuala)\s+[a-z]{3,}|[a-z]{3,}\s+(?:utara|selatan|barat|timur|tengah"
    r"|raya|baru)))"
)
# Words written with a full stop that open a name, not a sentence: "Prof. Dr. …", "Jend. Sudirman"
_ABBREVIATION = (
    r"(?:Prof|Capt|Dept|Corp|Govt|Sept|Jend|Assn|Blvd|Univ|Inst|Kapt|Letkol|Mayjen|Brigjen|Irjen|Kombes"
    r"|Ipda|Iptu|Ustaz|Kiai)"
)
# "-", "--", "---", "–", "—", ":"; a hyphen needs a space on one side ("Jakarta-Bandung" is a road);
# a bar or a bullet spaced, as a theme's bold kicker prints it: "Jakarta | Dua wakil …", "Solo • …"
# (a hyphen with a space on a side; glued on both only after a bracketed source: "METRO
# (Lampost.co)--Rumah …")
_DASH = (r"(?:\s+-{1,3}\s*|\s*-{1,3}\s+|(?<=\))-{1,3}(?=[A-Z\"“])|\s*[–—―]\s*|\s*:(?:\s+|$)"
         r"|\s+[|•](?:\s+|$)|[|•]\s+)")
_END = rf"(?:{_DASH}|\s*$)"
# A place's first word that makes a pair with the next ("Banda Aceh", "Tanjung Selor", "Jawa Barat")
_PLACE2_FIRST = r"(?:Banda|Bandar|Tanjung|Pangkal|Kota|Kabupaten|Pulau|Muara|Pematang|Padang|Tanah|Labuan" \
    r"|Labuhan|Teluk|Sungai|Kuala|Jawa|Sumatera|Sumatra|Kalimantan|Sulawesi|Nusa|Papua|Maluku|Tanjung|Bangka)"
# A dateline naming its source may close its line, the break its dash ("Jakarta, NU Online<br>Pengurus
# …", "TEMPO.CO, Jakarta<br>…"): its place one word, or a pair of a known form ("Banda Aceh", "JAWA
# BARAT"), never two names (a reporter and the outlet: "Ratna Dewi, CNBC Indonesia" is a byline)
_LINE_PLACE = rf"(?:(?i:{_PLACE2_FIRST}\s+[a-z]+|[a-z]+\s+{_PLACE2_SECOND})|[A-Z][A-Za-z]+)"
_LINE_REGION = rf"(?:,\s*{_ID_REGION}(?:\s{_WORD})?)"  # ("Palu, Sulteng", "Bandung, Jawa Barat")
_LINE_PLACE_RX = re.compile(rf"{_LINE_PLACE}{_LINE_REGION}?")
DATELINES = (
    # "Jakarta (ANTARA) -", "Palu, Sulteng (ANTARA News) -", "MEDAN, 3 Maret 2021 (Antara/PRNewswire) --"
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?){_DATE}?\s*\((?P<source>{_PSOURCE})\){_END}"),
    # "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --", "jakarta, kompas.com -", "JAKARTA, KOMPAS —",
    # "Jakarta, Kabar24 -" (a name with a number is a brand, never a place)
    re.compile(rf"^(?P<place>{_ANY_PLACE}{_REGION}?),\s*(?P<source>{_DOMAIN}|(?i:{_BRANDS})|[A-Z][A-Za-z]*\d{{1,3}})"
               rf"{_DASH}"),
    # a local paper's abbreviation after its town: "AMBON, RM –" (Rakyat Maluku), "KARAWANG, RAKA –"
    # (Radar Karawang), "Ambon, KMT -" (a town the gazetteer knows, or Indonesian after it: "DENVER,
    # CO — The city …" is a foreign wire's; a province's abbreviation, "MATARAM, NTB –", "PALU,
    # SULTENG -", is the place's region; a weekday, "BANDUNG, SELASA -", the day's; a town after a
    # domain, "BANGKAPOS.COM, BANGKA -", the place)
    ABBR_DATELINE := re.compile(
        rf"^(?P<place>[A-Z][A-Za-z'’]*(?:[ -][A-Z][A-Za-z'’]*){{0,3}}),\s*"
        rf"(?!{_ID_REGION}\b|(?i:{_WEEKDAY})\b)(?P<source>(?-i:[A-Z]{{2,6}})){_DASH}(?=[A-Z\"“‘'])"
    ),
    # ... its hyphen glued to both the domain and the story: "AMBON,Terasmaluku.com-Kepolisian …" (a
    # domain ends no word of a compound)
    re.compile(rf"^(?P<place>{_ANY_PLACE}{_REGION}?),\s*(?P<source>{_DOMAIN})-{{1,3}}(?=[A-Z\"“‘'])"),
    # a press release's wire between slashes: "SINGAPURA, 19 Maret 2024 /PRNewswire/ --"
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?){_DATE}?\s*/(?P<source>[A-Z][\w.-]{{1,30}}(?:\s[A-Z][\w.-]{{1,30}}){{0,2}})/"
               r"\s*(?:-{1,3}|[–—―])\s*"),
    # "Jakarta, 5 Maret 2024 –" (a press release's place and date, no source), or alone on its line
    # above the story ("Jakarta, 10 Desember 2025")
    PLACE_DATE := re.compile(rf"^(?!(?i:{_WEEKDAY})\b)(?P<place>{_PLACE}{_REGION}?){_DATE}(?:{_DASH}|\s*$)"),
    # "BANDUNG, SELASA -": the place and the day of the week, in capitals (a daily's form of the
    # 2000s; "Jakarta, Selasa - …" in title case opens a sentence as often)
    re.compile(rf"^(?P<place>(?-i:[A-Z]{{3,}}(?:\s[A-Z]{{3,}})?)),\s*(?=(?i:{_WEEKDAY})\b)(?-i:[A-Z'’]{{3,}})"
               r"\s*(?:-{1,3}|[–—―])\s*(?=[A-Z\d\"“‘'])"),
    # "Liputan6.com, Jakarta -", "TEMPO.CO, Jakarta -", "TRIBUNNEWS.COM, JAKARTA -"
    re.compile(rf"^(?P<source>{_SOURCE}),\s*(?P<place>{_PLACE}){_DASH}"),
    # "JPNN.com JAKARTA -" (a domain, then the place in capitals)
    re.compile(rf"^(?P<source>{_DOMAIN})\s+(?P<place>[A-Z]{{3,}}(?:\s[A-Z]{{3,}})?){_DASH}"),
    # "KONTAN.CO.ID - JAKARTA." (the place after the source, closed by a full stop)
    re.compile(rf"^(?P<source>{_SOURCE})\s*(?:-{{1,3}}|[–—―])\s*(?P<place>[A-Z]{{3,}}(?:\s[A-Z]{{3,}})?)\.\s+"),
    # the domain, then the place, each closed by a mark, spaced or glued: "SUARAKARYA.ID: JAKARTA –
    # Kementerian …", "Agrofarm.co.id-Indramayu-Petani di …"
    re.compile(rf"^(?P<source>{_DOMAIN})\s*(?::|-{{1,3}}|[–—―])\s*(?P<place>{_WORD}(?:[ -]{_WORD})?)\s*"
               r"(?:-{1,3}|[–—―])\s*(?=[A-Z\d\"“‘'])"),
    # "virprom.com –", "KOMPAS.com -"
    re.compile(rf"^(?P<source>{_SOURCE}){_DASH}"),
    # a network's domain and its regional paper: "JawaPos.com/Radar Jombang -" (a paper's word
    # first: "Tribunjogja.com/Santo Ari -" is a photo's credit)
    re.compile(rf"^(?P<source>{_DOMAIN}/(?:Radar|Harian|Koran|Tribun|Pos|Suara|Warta|Kabar|Berita)"
               rf"(?:\s[A-Z][\w.-]+){{1,3}}){_DASH}"),
    # the newsroom's name in square brackets opening the story: "[Kanal Media Unpad] Tim mahasiswa …"
    # (never a kicker: "[VIDEO]", "[UPDATE]", "[FOTO]")
    re.compile(rf"^\[(?!{_NOT_PLACE}\b)(?P<source>[A-Z][\w.]+(?:\s[A-Z][\w.]+){{0,4}})\]\s*(?:-{{1,3}}|[–—―:])?\s+"
               r"(?=[A-Z\d\"“‘'])"),
    # a local paper's own code in brackets after the place: "BANGKINANG (DRO) -", "MEDAN (SIB) -",
    # "Sampit (ANTARA) -" (a foreign wire's "(AP)" / "(AFP)" is part of its story as published)
    LOCAL_CODE_DATELINE := re.compile(
        rf"^(?P<place>{_PLACE}{_REGION}?){_DATE}?\s*\((?P<source>(?!(?:AP|AFP|UPI)\))[A-Z]{{2,15}}(?:\s[A-Z]{{2,15}}){{0,2}})\)"
               r"(?:(?:\s+-{1,3}\s*|\s*[–—―]\s*|\s*:\s+)(?=[A-Z\d\"“‘'])|\s*[-–—―:]{0,3}\s*$)"),
    # (... closing its line, the break its dash: "<b>Medan (SIB)</b><br>Meski …")
    # an office's own name in brackets after the place, before a story in Indonesian (OFFICE_DATELINE);
    # or an outlet's, its first word an abbreviation: "Surabaya (SI Online) –", "Jakarta (NU Online) -"
    OFFICE_DATELINE := re.compile(
        rf"^(?P<place>{_PLACE}{_REGION}?){_DATE}?\s*\((?P<source>(?!(?i:{_WEEKDAY}|{_MONTHS})\b)"
        rf"(?!{_ANY_REGION}\))(?:(?-i:[A-Z][a-z]+[A-Za-z]*(?:\s[A-Z][A-Za-z]+)?)|{_OUTLET}))\)"
        r"(?:(?:\s+-{1,3}\s*|\s*[–—―]\s*)(?=[A-Z\d\"“‘'])|\s*(?:-{1,3}|[–—―])\s*$)"),
    # an outlet's name first, then the place: "Warta Ekonomi, Jakarta -", "Radar Bogor, Cibinong –"
    re.compile(rf"^(?P<source>{_OUTLET}|{_ONE_WORD_OUTLET}),\s*(?P<place>(?!{_OUTLET}\b){_PLACE}){_DASH}"
               r"(?=[A-Z\d\"“‘']|\s*$)"),
    # the place, then an outlet's name of several words, in any case ("KEDIRI, JP Radar Kediri–",
    # "Kupang, Pos Kupang -"), its dash spaced or glued to the next word
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?),\s*(?P<source>{_OUTLET})"
               r"(?:(?:\s+-{1,3}\s*|\s*-{1,3}\s+|\s*[–—―]\s*|\s*:\s+)(?=[A-Z\d\"“‘'])|\s*(?:-{1,3}|[–—―]|:)\s*$)"),
    # a dateline naming its source closing its line: "Jakarta, NU Online", "TEMPO.CO, Jakarta"
    re.compile(rf"^(?P<place>{_LINE_PLACE}{_LINE_REGION}?),\s*"
               rf"(?P<source>{_DOMAIN}|(?i:{_BRANDS})|{_OUTLET}|[A-Z][A-Za-z]*\d{{1,3}})\s*$"),
    re.compile(rf"^(?P<source>{_SOURCE}|{_OUTLET}),\s*(?P<place>{_LINE_PLACE})\s*$"),
    # the place, then the outlet in brackets and a full stop: "Medan, (Analisa). Ratusan rumah …"
    # (an abbreviation in capitals is the paper's, "BANDUNG, (PRLM).-", not a region's: "(NTB)." is)
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?),?\s*\((?P<source>(?!(?i:{_WEEKDAY}|{_MONTHS})\b)"
               rf"(?!{_ID_REGION}\))[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})\)\.(?:-{{1,2}}|[–—―])?"
               r"(?:\s+(?=[A-Z\d\"“‘'])|\s*$)"),
    # a media partner's name first, then a place of a known two-word form: "Lampung Geh, Bandar
    # Lampung -" (the name itself no place of such a form, the place no region: "Bekasi, Jawa Barat -")
    re.compile(rf"^(?P<source>(?!(?i:{_PLACE2_FIRST}|{_ADMIN_WORD})\s)(?!{_ANY_REGION},)[A-Z][\w]+(?:\s[A-Z][\w]+){{1,2}}),"
               rf"\s*(?P<place>(?!{_ANY_REGION}\b)(?-i:{_PLACE2_FIRST})\s+[A-Z][a-z]+)"
               r"(?:\s+-{1,3}\s+|\s*[–—―]\s*)(?=[A-Z\d\"“‘'])"),
    # the place, then a brand the list above does not know: "Jayapura, Jubi –", "Ambon, Siwalima -",
    # "Kupang, Victory News —" (one or two capitalised words, a dash; never a weekday, a month, or a
    # region: "Mataram, NTB -", "Bandung, Jawa Barat -" are places)
    UNKNOWN_BRAND_DATELINE := re.compile(
               rf"^(?P<place>{_PLACE}{_REGION}?),\s*(?P<source>(?!(?i:{_WEEKDAY}|{_MONTHS})\b)"
               rf"(?!{_ANY_REGION}\b)(?!(?i:{_ADMIN_WORD})\b)(?!\w+\s(?i:{_PLACE2_SECOND})\b)"
               r"(?:[A-Z][a-zà-ÿ]+[A-Za-zà-ÿ]*(?:\s[A-Z][A-Za-zà-ÿ]+)?|[A-Z]{2,}(?:\s[A-Z]{2,}){0,2}))"
               r"(?:(?:\s+-{1,3}\s+|\s*[–—―]\s*)(?=[A-Z\d\"“‘'])|\s*(?:-{1,3}|[–—―])\s*$"
               # ... or a full stop, a dash after it or not: "Surabaya, Bhirawa. Seluruh SMA …",
               # "Sabang, Dispenal. — Prajurit …"
               r"|\.(?:\s*(?:-{1,3}|[–—―])\s*(?=[A-Z\d\"“‘'])|\s+(?=[A-Z\d\"“‘'])|\s*$))"),
    # ... a brand of a word and an abbreviation, a hyphen glued to it and a space after: "Ruteng, Vox
    # NTT- Ratusan …" (an unknown brand of one word with a glued hyphen: a held-back page got worse)
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?),\s*(?P<source>(?!{_ANY_REGION}\b)(?!(?i:{_ADMIN_WORD})\b)"
               r"[A-Z][a-z]+\s[A-Z]{2,5})-{1,3}\s+(?=[A-Z\d\"“‘'])"),
    # the place, a pipe, then the outlet's name and a dash: "TIMIKA | Seputarpapua –"
    re.compile(rf"^(?P<place>{_PLACE}{_REGION}?)\s*\|\s*(?P<source>{_SOURCE}|{_OUTLET}|[A-Z][\w.]+)"
               r"\s*(?:-{1,3}|[–—―])\s*(?=[A-Z\d\"“‘'])"),
    # the place, its comma, then the dash with no source between (a CMS dropped the outlet's name):
    # "Kupang, – Dinas Kesehatan …"
    re.compile(rf"^(?!(?i:{_WEEKDAY}|{_MONTHS})\b)(?P<place>{_PLACE}{_REGION}?),\s*(?:-{{1,3}}|[–—―])\s+"
               r"(?=[A-Z\d\"“‘'])"),
    # "Jakarta -", "BANDA ACEH -" (detik, okezone): a short capitalised place only; with its region
    # by a compass word ("Kodi, Sumba Barat Daya –")
    re.compile(rf"^(?P<place>{_PLACE}(?:,\s*{_ID_REGION}(?:\s{_WORD})?|,\s*{_WORD}(?:\s{_WORD})?\s{_REGION_COMPASS})?)"
               r"(?:\s+(?:-{1,3}|–|—|\||•)(?:\s+|$)|\s*[–—]\s*)"),
    # a colon after the place: "Jakarta: Pemerintah …" (Medcom), "KBRN, Ambon: Harga …" (RRI: its
    # newsroom's code first); never a label ("Update: …", "Catatan Redaksi: …"), and a lone word
    # before a quotation is its speaker ("Jokowi: \"Saya …\""), not a place
    re.compile(rf"^(?:(?P<source>[A-Z]{{3,6}}),\s*(?!{_ANY_REGION}:)(?P<place>{_PLACE}):\s+(?=[A-Z\"“‘'])"
               rf"|(?!{_NOT_PLACE}\b)(?P<place1>{_COLON_PLACE}(?:,\s*{_ID_REGION})?|[A-Z]{{4,}},\s*{_ID_REGION}):(?:\s+(?=[A-Z])|\s*$))"),
)
# a full stop after the place: "Jakarta. A nickel smelter …" (Jakarta Globe, the English press of
# Indonesia); never a label or an abbreviation ("Prof. Dr. …", "Jend. Sudirman"), and never before
# Indonesian prose ("Alhamdulillah. Warga …" is a sentence)
STOP_DATELINE = re.compile(
    rf"^(?!{_NOT_PLACE}\b|{_ABBREVIATION}\.)(?P<place>{_COLON_PLACE})\.\s+(?=[A-Z\d\"“‘])"
)
# "Liputan6.com, Surabaya Warga …": a domain and a place with no dash, the place in bold on the
# page. The place is one word, or two when the pair is a known form ("Banda Aceh", "Jawa Barat").
# the outlet after a place read alone: "Jakarta – Infobanknews – OJK …" (the place, its dash, then the
# outlet's name and a second dash), and the place after an outlet read alone, closed by a full stop:
# "MedanBisnis - Balige. Kejuaraan …" (a label or an abbreviation is no place)
_SOURCE_AFTER = re.compile(rf"(?P<source>{_SOURCE}|{_OUTLET_NAME.pattern}){_DASH}(?=[A-Z\d\"“‘'])")
_PLACE_AFTER = re.compile(
    rf"(?!{_NOT_PLACE}\b|{_ABBREVIATION}\.)(?P<place>{_COLON_PLACE})\.\s+(?=[A-Z\d\"“‘])"
)
# ... or closed by its own dash, a town in capitals the gazetteer knows: "Lombok Post — MATARAM — …"
_TOWN_AFTER = re.compile(
    r"(?P<place>[A-Z][A-Z.'-]{2,20}(?:\s[A-Z][A-Z.'-]{1,20}){0,2})\s*(?:-{1,2}|[–—―])\s+(?=\S)"
)
NO_DASH = re.compile(
    rf"^(?P<source>{_DOMAIN}),\s*(?P<place>(?:{_PLACE2_FIRST}\s+[A-Z][a-z]+|[A-Z][A-Za-z]+(?:\s+{_PLACE2_SECOND})?)"
    rf"|[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})?)(?:\s+|$)"
)


# "PONTIANAK-Jembatan Kapuas …": a town in capitals glued to its hyphen and the story (read only
# for a town the gazetteer knows, :data:`_ID_TOWN`: "BUMN-Swasta" is no dateline)
GLUED_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:\s[A-Z]{3,})?)-{1,2}(?=[A-Z][a-z])")

_DASH_END = re.compile(r"(?:-{1,3}|[–—―:|•])\s*$")


# A word of a place in capitals that stays so: an abbreviation without vowels ("DC", "NTB", "NTT")
# or one of the regions' ("DKI Jakarta", "DIY").
_KEEP_CAPS = re.compile(r"[B-DF-HJ-NP-TV-Z]{2,4}|DKI|DIY")
# A brand's one word in mixed case ("IDXChannel", "JawaPos", "SINDOnews"), never a place's
_CAMEL = re.compile(r"[A-Z]*[a-z]+[A-Z]|[A-Z]{2,}[a-z]")


def _place(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip(" ,")
    if "," in s:  # a town and its region, each in its own case ("BANDUNG, Sulteng", "PALU, NTB")
        town, *regions = (part.strip() for part in s.split(","))
        regions = [r if _KEEP_CAPS.fullmatch(r) else _place(r) or "" for r in regions]
        return ", ".join([_place(town) or "", *regions])
    if not s.isupper():
        return s
    return " ".join(w if _KEEP_CAPS.fullmatch(w) and " " in s else w.title() for w in s.split(" "))


_OWN_PLACE = re.compile(rf",\s*(?P<place>{_ANY_PLACE}{_REGION}?)(?=\s*(?:-{{1,3}}|[–—―]|:|$))")
_PLACE_BEFORE = re.compile(rf"(?P<place>{_ANY_PLACE}{_REGION}?)(?:,\s*|\s*\()")
# Words of Indonesian prose, two of which tell a story's first sentence from an English one's
_ID_WORDS = re.compile(
    r"\b(?:yang|dan|di|ke|dari|ini|itu|dengan|untuk|pada|dalam|akan|tidak|telah|sudah|oleh|bahwa"
    r"|karena|juga|atau|saat|menjadi|sejumlah|para|kata|ujar|kini|masih)\b", _I
)
_ID_PROBE = 300  # characters of the story read for them
_EN_WORDS = re.compile(r"\b(?:the|of|and|to|is|was|for|with|that|as|at|by|from|has|have|said|on)\b", _I)


# Indonesia's provincial capitals and largest towns: a dateline's place there is an Indonesian
# newsroom's, whatever the language of the story after it ("Jakarta (Indonesia Window) – The
# ministry …" on an English edition; "HONOLULU, Hawaii (HawaiiNewsNow) -" is a wire's, kept)
_ID_TOWN = re.compile(
    r"(?i:jakarta|surabaya|bandung|medan|semarang|makassar|palembang|denpasar|yogyakarta|yogya|jogja"
    r"|solo|surakarta|malang|bogor|depok|bekasi|tangerang|serang|cilegon|batam|pekanbaru|padang|jambi"
    r"|bengkulu|bandar lampung|lampung|pangkalpinang|tanjungpinang|banda aceh|lhokseumawe|pontianak"
    r"|palangka raya|palangkaraya|banjarmasin|samarinda|balikpapan|tanjung selor|tarakan|manado"
    r"|gorontalo|palu|mamuju|kendari|ambon|ternate|sofifi|jayapura|manokwari|sorong|merauke|nabire"
    r"|mataram|kupang|labuan bajo|cirebon|tasikmalaya|sukabumi|purwokerto|tegal|pekalongan|kudus"
    r"|magelang|kediri|madiun|jember|banyuwangi|probolinggo|pasuruan|mojokerto|sidoarjo|gresik"
    r"|singaraja|bukittinggi|sibolga|pematangsiantar|binjai|dumai|bitung|bau-bau|baubau|parepare"
    r"|palopo|sampit|singkawang|nusa dua|ubud|kuta)"
)


def _indonesian(text: str) -> bool:
    return len(_ID_WORDS.findall(text)) >= 2


# (a full stop may close the name before its dash: "AMBON, AE.— Harga …")
_OWN_GLUED = re.compile(r"-{1,2}\s*")  # (the hyphen glued after the name, :attr:`Brand.glued`)
_GLUED_DOMAIN = re.compile(r"[-.][\w-]{0,30}\.(?:com|co\.id|id|net|org|co)\b(?!\.\w)")
_OWN_DASH = re.compile(r"\.?\s*(?:-{1,3}|[–—―]|:)(?:\s+|$)|\s+[|•](?:\s+|$)")
# ... or be the dash itself after the name in capitals: "RMOL. Komisi Pemilihan Umum …"
_OWN_STOP = re.compile(r"\.\s+(?=[A-Z\"“‘])")
_LINE_END = re.compile(r"\s*$")  # (a dateline with its place closing its line: the break its dash)


def _own_dateline(text: str) -> tuple[str, None, str] | None:
    """Rule "own dateline": the page's own outlet opening the story with a dash is its dateline's
    source ("KABAR BANTEN - Pemerintah Kota Serang …" on kabarbanten.com, whatever the name; a
    place-like name in capitals would be read as the place). A bare capitalised word ("Tempo - …")
    may open a sentence, as the brands' list treats it."""
    brand = BRAND.get()
    if brand is None:
        return None
    # "Bandung, KABAR NUSANTARA -", "Palu (Kabar Nusantara) -" before a story in Indonesian (in
    # English, "NEW YORK (Reuters) -" is a wire's dateline, which the story as published keeps)
    before = _PLACE_BEFORE.match(text)
    glued = False
    for rx in (brand.rx, brand.glued):
        m = rx.match(text, before.end() if before else 0)
        if m is None and before is not None and (m := rx.match(text)) is not None:
            before = None
        if m is not None:
            glued = rx is brand.glued
            break
    if m is None:
        return None
    word, end = m.group(), m.end()
    if (dom := _GLUED_DOMAIN.match(text, end)) is not None:
        # the name with its domain glued to it: "MOTOR Plus-online.com - Yamaha …" (the hyphen was
        # read as the dash, "online.com -" left opening the story)
        word, end, glued = text[m.start() : dom.end()], dom.end(), False
    if not ("." in word or word[:1].isupper()) or re.fullmatch(r"[A-Z][a-z]+", word) and before is None:
        return None
    if before is not None:
        p, at = before, end
        if before.group().endswith("("):  # "Palu (Kabar Nusantara) -": its bracket closed
            if text[at : at + 1] != ")":
                return None
            at += 1
    else:  # (the place may follow the name: "KABAR NUSANTARA, Bandung -")
        p = _OWN_PLACE.match(text, end)
        at = p.end() if p else end
    d = _OWN_GLUED.match(text, at) if glued else _OWN_DASH.match(text, at)
    if d is None and p is None and word.isupper() and len(word) >= 3:
        d = _OWN_STOP.match(text, at)
    if d is None and p is not None and _LINE_PLACE_RX.fullmatch(p.group("place")) and not text[at:].strip():
        d = _LINE_END.match(text, at)  # ("Bandung, Kabar Nusantara<br>": the break its dash)
    if d is None or 0 < len(text) - d.end() < 20:  # (a dateline alone on its line leaves nothing)
        return None
    bracketed = before is not None and before.group().endswith("(")
    if bracketed and not _indonesian(text[d.end() : d.end() + _ID_PROBE]) \
            and not (p is not None and _ID_TOWN.fullmatch(p.group("place").strip(" ,("))):
        return None  # "NEW YORK (Reuters) -", "HONOLULU, Hawaii (HawaiiNewsNow) -": a wire's, kept
    return text[d.end() :], _place(p.group("place")) if p else None, word


def dateline(text: str) -> tuple[str, str | None, str | None]:
    """(text without the dateline, place, source) for the first paragraph.

    A paragraph that is nothing but a dateline ("Jakarta -", "ISTANBUL, 23 Februari 2016
    (Antara/PRNewswire) --") gives an empty text: the caller drops it and reads the next one.
    The forms of the press (:data:`DATELINES`) first; when they find no source, the page's own name
    opening the story with a dash is its source (rule "own dateline").
    """
    found = _dateline(text)
    own = _own_dateline(text) if found[2] is None or found[1] else None
    # (a name in capitals first, "TERAS JABAR, Bandung -", is the page's, not a place; a domain read
    # as the source stays it: "BANGKAPOS.COM, BANGKA -" on bangka.tribunnews.com, whose brand is
    # the town's name too)
    if own is not None and (found[2] is None
                            or (_names_brand(found[1]) and _A_DOMAIN.fullmatch(found[2]) is None)):
        if found[1] and found[2] is None and "." not in own[2] and own[2].casefold() == found[1].casefold() \
                and _ID_TOWN.fullmatch(found[1]):
            # a town's name, the page's too: a city's own site ("PONTIANAK – Pemerintah Kota …" on
            # pontianak.go.id) or a town's portal writes where the story happened, the place
            return found
        return own
    if found[2] is None and _names_brand(found[1]) and (m := BRAND.get().rx.match(text)) is not None \
            and _OWN_DASH.match(text, m.end()):
        # the page's own name alone before the dash, written as a word ("Marketeers – …" on
        # marketeers.com): its source, not a place
        return found[0], None, m.group()
    return found


def _names_brand(place: str | None) -> bool:
    """Is the place the press forms read the page's own name ("TERAS JABAR, Bandung -" on
    terasjabar.id)? Then the name is the source and what follows it the place."""
    brand = BRAND.get()
    return bool(place and brand is not None and brand.rx.fullmatch(place))


_A_DOMAIN = re.compile(_DOMAIN)
_TOWN_DOT = re.compile(r"([A-Za-z]{3,20})\.(?=[A-Za-z0-9-]{2,30}\.[A-Za-z]{2,})")
_DOMAIN_WORD = re.compile(r"\b[A-Za-z0-9-]{2,30}\.(?:id|com|co\.id|net|org|or\.id|go\.id|tv|news)\b")


# A place's second part that names a region by its compass word or its unit ("Seram Bagian Barat",
# "Kabupaten Pidie"), never an outlet's name
_REGION_AFTER = re.compile(
    rf"(?![^\n]*\b{_NEWS_WORD}\b)(?i:{_ADMIN_WORD}\s+[a-z]+(?:\s[a-z]+)?|[a-z]+(?:\s[a-z]+){{0,2}}\s{_PLACE2_SECOND})"
)
# Countries as Indonesian datelines name them after a foreign town ("JENEWA, SWISS —", "Kairo, Mesir -")
_COUNTRY = re.compile(
    r"(?i:swiss|swis|amerika serikat|as|inggris|prancis|perancis|jerman|belanda|belgia|italia|spanyol"
    r"|portugal|austria|swedia|norwegia|denmark|finlandia|polandia|rusia|ukraina|turki|yunani|mesir"
    r"|arab saudi|saudi arabia|qatar|uni emirat arab|uea|iran|irak|suriah|yordania|lebanon|israel"
    r"|palestina|pakistan|india|bangladesh|nepal|sri lanka|afghanistan|tiongkok|china|jepang|korea selatan"
    r"|korea utara|taiwan|hong kong|malaysia|singapura|thailand|filipina|vietnam|kamboja|laos|myanmar"
    r"|brunei|timor leste|australia|selandia baru|kanada|meksiko|brasil|argentina|chili|peru|kolombia"
    r"|afrika selatan|nigeria|kenya|ethiopia|maroko|aljazair|tunisia|sudan|vatikan)"
)

_FOREIGN_WIRE = re.compile(r"(?i:reuters|ap|afp|bloomberg|xinhua|kyodo|yonhap|bernama|upi|dpa|efe|sputnik"
                           r"|tass|cnn|bbc|aap|anadolu|nikkei|al jazeera)")


# A dateline's head in a form the press's forms read once it is put in one of theirs: the day
# between the town and the source ("Jakarta, 26/11/2026 Kemenkeu –", "YOGYAKARTA (26/11/2026)
# jogjaprov.go.id –", "Jakarta, 2 December 2026 –"), a comma before the bracketed source
# ("SLEMAN, (Humas Sleman) -")
# (month and weekday names as the date normalizer knows them, Indonesian, English, abbreviated)
_VOCAB_MONTHS = "|".join(map(re.escape, sorted(MONTHS, key=len, reverse=True)))
_VOCAB_WEEKDAYS = "|".join(map(re.escape, sorted(WEEKDAYS, key=len, reverse=True)))
# (a town of up to four words; a hyphen only between them, "Bau-Bau": a word holding one could be
# split two ways, and "a-a-a-…" took seconds)
_HEAD_PLACE = r"[A-Za-z][A-Za-z'’.]*(?:[ -][A-Za-z][A-Za-z'’.]*){0,3}"
# (an English wire's "Nov 26" too: "JAKARTA, Nov 26 (Reuters) -")
_HEAD_DATE = (rf"(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\s+(?i:{_VOCAB_MONTHS})\s+\d{{4}}"
              rf"|(?-i:[A-Z][a-z]{{2,8}})\.?\s\d{{1,2}}(?=\s*\())")
_HEAD_DAY = re.compile(
    # (never a weekday: "Sabtu, 28 November 2026 | Dibaca: 742" is a date line)
    rf"^(?P<place>\s*(?!(?i:{_VOCAB_WEEKDAYS})\b){_HEAD_PLACE})"
    # (after a comma, or in brackets: "Pada 30 November 2026 …" opens a sentence)
    rf"(?:,\s*{_HEAD_DATE}|\s*\({_HEAD_DATE}\)|,\s*\({_HEAD_DATE}\))"
    # (a full stop after the day is the dash: "Jakarta, 30 November 2026. Otoritas …")
    r"(?P<dash>\s*[-–—]+|\.)?\s+(?=\S)"
)
_HEAD_COMMA = re.compile(rf"^(?P<place>\s*{_HEAD_PLACE}),\s*(?=\()")


def _dateline(text: str) -> tuple[str, str | None, str | None]:
    """:func:`dateline` by the press's forms, and by them again once a head they do not read is put
    in one of their forms (:data:`_HEAD_DAY`)."""
    found = _press_dateline(text)
    if found[1] is not None or found[2] is not None:
        return found
    if (m := _HEAD_DAY.match(text)) is not None:
        rest = text[m.end():]
        # (a bracketed source after the day: "JAKARTA, Nov 26 (Reuters) -" reads "JAKARTA (Reuters) -")
        joint = "" if rest.startswith("(") and not m.group("dash") else (" –" if m.group("dash") else ",")
        again = _press_dateline(f"{m.group('place')}{joint} {rest}")
    elif (m := _HEAD_COMMA.match(text)) is not None:
        again = _press_dateline(f"{m.group('place')} {text[m.end():]}")
    else:
        return found
    return again if again[1] is not None else found


def _press_dateline(text: str) -> tuple[str, str | None, str | None]:
    """:func:`dateline` by the press's forms alone."""
    for rx in (*DATELINES, STOP_DATELINE, NO_DASH, GLUED_DATELINE):
        m = rx.match(text)
        if not m:
            continue
        if rx is GLUED_DATELINE and not _ID_TOWN.fullmatch(m.group("place").title()):
            continue
        if rx is ABBR_DATELINE and (_COUNTRY.fullmatch(m.group("source")) or _ID_TOWN.fullmatch(
                m.group("source").title()) or not (
                _ID_TOWN.fullmatch(m.group("place").title())
                or _ID_WORDS.search(text, m.end(), m.end() + _ID_PROBE))):
            continue  # ("WASHINGTON, AS -" names a country; "DENVER, CO — The city …", a foreign wire)
        if rx is LOCAL_CODE_DATELINE and not m.group().rstrip().endswith(("-", "–", "—", "―", ":")) \
                and not text[m.end() :].strip() and not _ID_TOWN.fullmatch(m.group("place").title()):
            continue  # (a line of a place and a code alone: a town the gazetteer knows, "Medan (SIB)")
        rest = text[m.end() :]
        if rx is OFFICE_DATELINE and not rest.strip() and _FOREIGN_WIRE.fullmatch(m.group("source")):
            continue  # (alone on its line, "Gianyar (Bali Post) -"; never a foreign wire's, "(Reuters) -")
        if rx is STOP_DATELINE and _ID_WORDS.search(rest[:_ID_PROBE]):  # (one Indonesian word)
            continue
        if rx in (OFFICE_DATELINE, UNKNOWN_BRAND_DATELINE) and len(_EN_WORDS.findall(rest[:_ID_PROBE])) > 1:
            # "NEW YORK (Reuters) -": a wire's dateline, part of its story as published;
            # "CLEVELAND, Ohio —": a town and its state, not a paper's name
            continue
        if rest.strip() and len(rest) < 20:
            continue
        gd = m.groupdict()
        place, source = gd.get("place") or gd.get("place1"), gd.get("source")
        if place and len(place) > 40:
            continue
        if not source and place and place.isupper() and _BRAND_CI.fullmatch(place):
            source, place = place, None  # "PIKIRAN RAKYAT –", "KOMPAS -": the brand in capitals
        if not source and place and " " not in place and _CAMEL.match(place):
            source, place = place, None  # "IDXChannel -": a brand's one word in mixed case
        if not source and place and _OUTLET_NAME.fullmatch(place):
            source, place = place, None  # "Batamnews -", "PORTAL JEMBER -": an outlet's name, not a place
        if not source and place and _DOMAIN_WORD.search(place):
            source, place = place, None  # "RM.id Rakyat Merdeka -": a domain names an outlet, no place
        if not source and place and _BRAND_WORD.fullmatch(place):
            continue  # "Tempo - majalah berita …": a brand, not a place
        if not source and place and _BRAND_WORD.fullmatch(place.split()[0]) and " " in place:
            source, place = place, None  # "VIVA Bola –": a brand's channel, not a place
        bare = source and not place and re.fullmatch(r"[A-Z][a-z]+", source)
        if bare and not _OUTLET_NAME.fullmatch(source):
            continue  # a bare brand word opening a sentence ("Tempo - …") is no dateline ("Batamnews -" is)
        if not rest.strip() and not (source or _DASH_END.search(text) or rx is PLACE_DATE):
            continue  # a bare place name alone on a line is a heading, not a dateline
        rest = rest.lstrip(" -–—:")
        if place and source and _ID_TOWN.fullmatch(source.strip()) and not _ID_TOWN.fullmatch(place.strip()) \
                and "," not in place:
            place, source = source, place  # "Parlementaria, Jakarta -": the desk's name, then the town
        if place and source and _DOMAIN_WORD.search(place) and not _DOMAIN_WORD.search(source):
            place, source = source, place  # "Tribratanews.sulsel.polri.go.id, Gowa –": the domain first
        if place and source and _REGION_AFTER.fullmatch(source.strip()):
            place, source = f"{place}, {source.strip()}", None  # "PIRU, SERAM BAGIAN BARAT -": a region
        if place and source and _COUNTRY.fullmatch(source.strip()):
            place, source = f"{place}, {source.strip()}", None  # "JENEWA, SWISS —": a town and its country
        if place and not source and (after := _SOURCE_AFTER.match(rest)):
            source, rest = after.group("source"), rest[after.end() :]
        elif source and not place and rx is not STOP_DATELINE and (after := _PLACE_AFTER.match(rest)) \
                and not _OUTLET_NAME.fullmatch(after.group("place")):
            place, rest = after.group("place"), rest[after.end() :]
        elif source and not place and rx is not STOP_DATELINE and (after := _TOWN_AFTER.match(rest)) \
                and _ID_TOWN.fullmatch(after.group("place").title()) and len(rest) - after.end() >= 20:
            place, rest = after.group("place"), rest[after.end() :]
        if source and not place and (town := _TOWN_DOT.match(source.strip())) \
                and _ID_TOWN.fullmatch(town.group(1)):
            # "SAMARINDA.NIAGA.ASIA —": the town glued to the outlet's domain by a dot
            place, source = town.group(1), source.strip()[town.end() :]
        # (the outlet's name loses a full stop the dash followed: "Kota Bima, Suara Bima.-")
        return rest, _place(place), (source.strip().rstrip(".") or None) if source else None
    return text, None, None


