"""The cleaning stage: one raw response in, one article record out (DESIGN.md §1, §2, §3).

Pure: no I/O (but for the language model's one-off cache, :mod:`kliping.clean.langmodel`), no
global state changed, deterministic. The HTML is parsed once (lxml); the same tree
feeds the metadata readers and trafilatura. Order of work:

1. decode (header charset, ``<meta charset>``, UTF-8, cp1252) and parse;
2. metadata from JSON-LD and ``<meta>`` (read once), DOM last;
3. prune Indonesian boilerplate boxes from the DOM (structure-anchored), plus the site's
   ``prune_xpaths``; limit to the site's ``body_xpath`` when it has one;
4. trafilatura on that tree with :data:`TRAFILATURA_SETTINGS` (through :mod:`kliping.clean.maintext`);
5. line rules (``Baca juga`` lines, promos, credits → authors/editors, initials, …), dateline;
6. dates, language, fingerprints.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import trafilatura
from lxml import etree
from lxml.etree import XPath

import kliping
from kliping.clean import boilerplate, dating, decode, fingerprint, langmodel, maintext, metadata, people
from kliping.clean.sniff import not_html

if TYPE_CHECKING:
    from kliping.sites.base import Layout, Site

__all__ = ["CLEANER_VERSION", "TRAFILATURA_SETTINGS", "NotAnArticle", "NotHtml", "clean", "extract_body"]

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
_CLEAN_REVISION = 16
_DIGEST = hashlib.sha1(json.dumps(TRAFILATURA_SETTINGS, sort_keys=True).encode()).hexdigest()[:8]
CLEANER_VERSION: str = (
    f"{kliping.__version__}+clean.{_CLEAN_REVISION};trafilatura={trafilatura.__version__};{_DIGEST}"
)
MIN_WORDS = 8  # below this, what trafilatura found is a caption or a teaser, not an article
_WORD = re.compile(r"\w+")


_HEADER_LINES = 3  # lines above a dateline that may be the page header …
_HEADER_CHARS = 100  # … each no longer than this


# A byline glued to its time stamp above the body: "Indah Permata10 Mar 2025, 14:05 WIB".
_STAMP_LINE = re.compile(r"^.{0,60}\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\s*$")
_LINK_TEXTS = XPath("//a[string-length(normalize-space(.)) > 12]")


def _link_texts(tree: Any) -> set[str]:
    return {" ".join(a.text_content().split()).casefold() for a in _LINK_TEXTS(tree)}


def _heading_line(line: str, norm_title: str) -> bool:
    """The headline again, or a printed date line ("- Selasa, 11 Maret 2025 07:15 WIB")."""
    flat = " ".join(line.split())
    return flat.casefold() == norm_title or dating.is_date_line(flat.lstrip("-–—|· "))


class NotAnArticle(Exception):
    """The page has no article body (a listing, an error page, a video-only page…)."""


class NotHtml(NotAnArticle):
    """The response is not an HTML page (a PDF, an image, a feed…): :mod:`kliping.clean.sniff`."""


def _layout(site: Site | None, fetched_at: Any) -> Layout | None:
    if site is None:
        return None
    return site.layout_for(fetched_at)


def _site_names(site: Site | None, raw_site: str | None, dom: str | None) -> list[str]:
    names = [n for n in (raw_site,) if n]
    if site is not None:
        names += [site.name, site.key, site.domain]
    if dom:
        names.append(dom)
        parts = dom.split(".")
        core = [p for p in parts if p not in ("www", "com", "co", "id", "net", "org", "m", "amp")]
        names += core
    return names


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
_NON_LD_SCRIPTS = XPath("//script[not(@type='application/ld+json')]")


def strip_junk(tree: Any) -> None:
    """Remove :data:`_JUNK_TAGS`, comments, processing instructions and scripts other than JSON-LD."""
    for script in _NON_LD_SCRIPTS(tree):
        script.tag = "kliping-junk"
    etree.strip_elements(tree, "kliping-junk", *_JUNK_TAGS, etree.Comment, etree.PI, with_tail=False)


# Inline elements stay inside a text run; any other element (a block) ends one.
_INLINE = frozenset(
    "a abbr b bdi big cite code del dfn em font i ins kbd mark q s small span strike strong sub sup "
    "time tt u var".split()
)
# Containers whose <br>-separated text runs are paragraphs (a <p> with a <br> is one paragraph
# with a line break, as is a list item or a heading).
_RUN_PARENTS = frozenset("div td section article main body blockquote center font span".split())
_BR_PARENTS = XPath("//br/..")
_RUN_TAG = "p"
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
    for parent in _BR_PARENTS(tree):
        if parent in seen or parent.tag not in _RUN_PARENTS:
            continue
        seen.add(parent)
        own = [parent.text] + [c.tail for c in parent]
        runs = [len(t.strip()) for t in own if t and len(t.strip()) > 40]
        if len(runs) < 2 and not (runs and runs[0] >= _LONE_RUN):
            continue
        _rebuild_runs(parent)
        # its sibling blocks of bare text ("<div>Jakarta (ANTARA) - …</div><div>…<br><br>…</div>")
        # are paragraphs of the same body: read alike, or the runs would outweigh them
        # (through wrappers: a redesign's grid may put each block in a <div> of its own)
        block = parent
        while (up := block.getparent()) is not None and up.tag == "div" and _only_child(up) is block:
            block = up
        grand = block.getparent()
        for sib in grand if grand is not None else ():
            while sib is not block and (inner := _only_child(sib)) is not None and inner.tag == "div":
                sib = inner
            if (sib is not block and sib.tag == "div" and sib not in seen
                    and all(c.tag in _INLINE for c in sib if isinstance(c.tag, str))
                    and len((sib.text_content() or "").strip()) > 40):
                sib.tag = _RUN_TAG
                sib.attrib.update(_RUN_ATTRS)


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
        elif not isinstance(c.tag, str) or c.tag in _INLINE:
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


def extract_body(
    tree: Any,
    layout: Layout | None = None,
    signals: dict[str, Any] | None = None,
    host: str | None = None,
) -> list[str]:
    """Prune boilerplate, run trafilatura, and return its text lines (not yet cleaned).

    A layout's ``body_xpath`` is a hint, never a cliff: when it matches nothing, or its container
    gives less of the page's prose than the generic path would (:func:`_site_holds`), the generic
    path's lines are returned and ``signals["layout_drift"]`` says why ("missed" or "short"), so
    a crawl counts a site's redesign the day it happens instead of storing worse data.
    """
    strip_junk(tree)
    br_paragraphs(tree)
    if layout is None or not layout.body_xpath:
        return _generic_body(tree, layout.prune_xpaths if layout else (), host)
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
    container = main_container(tree)
    if container is not None:
        # boilerplate rules on the container's copy only: the rest of the page is not read
        page = _alone(container)
        boilerplate.prune(page, prune_xpaths, host)
        text = _trafilatura(page)
        # trafilatura can lose its way in a bare container (on two Fundus pages it kept one
        # block of 40 paragraphs): then the whole page it is, as if never narrowed
        if len(text or "") < 0.5 * sum(map(len, _paragraph_texts(page))):
            text = None
        else:
            target = page
    if text is None:
        boilerplate.prune(tree, prune_xpaths, host)
        text = _trafilatura(tree)
    if _short_for(text, target):
        # fast mode took one block of a page with far more prose (a live blog's intro, say):
        # let trafilatura's full mode, with its fallbacks, have a look
        full = _trafilatura(target, fast=False)
        if full and len(full) > 2 * len(text or ""):
            text = full
    return text.splitlines() if text else []


def _trafilatura(tree: Any, fast: bool | None = None) -> str | None:
    """trafilatura's text of ``tree`` with :data:`TRAFILATURA_SETTINGS` (``fast`` overriding)."""
    settings = TRAFILATURA_SETTINGS if fast is None else {**TRAFILATURA_SETTINGS, "fast": fast}
    return maintext.text(tree, settings)


_PARAGRAPHS = XPath(".//p")  # within the element given (a layout's body, a container), not its document


def _paragraph_texts(target: Any) -> list[str]:
    return [p.text_content() or "" for p in _PARAGRAPHS(target)]

# (Paragraphs made from <br> runs are not counted here: when a container of runs is narrowed to,
# trafilatura reads it as loose <p>s and drops its headings and lists (a deals page: F1 0.94 ->
# 0.85), and counting them made held-back redesigns worse. main_container() reads the page whole
# instead when the runs outside the element it chose outweigh that element's paragraphs.)
_PROSE_P = XPath(".//p[not(@data-kliping-run)][not(ancestor::a)][string-length(normalize-space(.)) > 60]")
_RUN_P = XPath(".//p[@data-kliping-run][string-length(normalize-space(.)) > 60]")


def _alone(element: Any) -> Any:
    """A copy of ``element`` as the only child of a fresh <html><body>: trafilatura reads a root
    element's own leading text ("<div><strong>Jakarta</strong> - Pemerintah …<p>") only below a body."""
    html = decode.PARSER.makeelement("html")  # the parser's C class lookup, as for parsed pages
    body = etree.SubElement(html, "body")
    body.append(copy.deepcopy(element))
    body[0].tail = None
    return html


def main_container(tree: Any, share: float = 0.9) -> Any | None:
    """The innermost element holding ``share`` or more of the page's prose paragraphs, or None.

    Walked down from <body> one level at a time (the paragraphs found in C, counted per ancestor
    in one pass up from each). trafilatura's cost grows with the tree it is handed, so a page
    whose article sits in one container is extracted from that container: the navigation,
    sidebars and footers around it would be pruned anyway.
    """
    body = tree.find("body")
    node = body if body is not None else tree
    prose = _PROSE_P(node)
    if len(prose) < 3:
        return None
    # prose paragraphs below each element (the paragraph itself not counted), in one walk up
    # from each paragraph; the dict keeps the element proxies alive, so lookups below match
    below: dict[Any, int] = {}
    for p in prose:
        for anc in p.iterancestors():
            if anc is node:
                break
            below[anc] = below.get(anc, 0) + 1
    need = share * len(prose)
    while True:
        for child in node:
            if below.get(child, 0) >= need:
                node = child
                break
        else:
            break
    if node is body or node is tree:
        return None
    # The <br> runs are left out above; when those outside the element chosen hold more text than
    # its paragraphs, the story is the runs and the element a footer or a teaser box: read whole.
    runs = _RUN_P(body if body is not None else tree)  # most pages have none: nothing to weigh
    outside = sum(len(r.text_content()) for r in runs if not _inside(r, node)) if runs else 0
    if outside and outside > sum(len(p.text_content()) for p in prose if _inside(p, node)):
        return None
    return node


def _inside(el: Any, container: Any) -> bool:
    return any(a is container for a in el.iterancestors())


def _short_for(text: str | None, target: Any) -> bool:
    """An extraction under 150 words from a page whose paragraphs hold over ten times as many.

    (Measured: ten times separates a live blog cut to its intro, 105 of 5,069 words, from a short
    article with a long comment thread, 143 of 702, which full mode would make worse.)
    """
    words = len(text.split()) if text else 0
    if words >= 150:
        return False
    prose = sum(len(t.split()) for t in _paragraph_texts(target))
    return prose > max(300, 10 * words)


# Function words that make up a tenth or more of any Indonesian (or English) news paragraph and
# hardly occur in the other language. Most bodies are plainly one or the other; py3langid (whose
# 97-language model costs ~75 MB of memory and ~4 ms a page) decides only the rest.
_ID_WORDS = frozenset(
    "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada sudah "
    "kata adalah atau saat bisa telah para tersebut kami mereka dia".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for on with as was it by are be this from at have has not were "
    "which an".split()
)


def _plainly(text: str) -> str | None:
    """'id' or 'en' when the function words leave no doubt (30+ words), else None."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 30:
        return None
    ids = sum(w in _ID_WORDS for w in words) / len(words)
    ens = sum(w in _EN_WORDS for w in words) / len(words)
    if ids >= 0.10 and ens < 0.02:
        return "id"
    if ens >= 0.10 and ids < 0.02:
        return "en"
    return None


def language(text: str) -> str | None:
    if not text.strip():
        return None
    plain = _plainly(text[:1500])
    if plain is not None:  # agreed with py3langid on all 272 such bench pages, 0 disagreements
        return plain
    # The opening ~250 words decide it (same answers as 3,000 characters on the bench pages, at
    # half the cost: langid's feature counting is linear in the length).
    lang, _score = langmodel.identifier().classify(text[:1500])
    # langid's Malay and Indonesian models overlap; on news text "ms" is almost always Indonesian.
    return "id" if lang == "ms" else lang


def clean(
    raw: Mapping[str, Any], site: Site | None = None, *, signals: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One RAW record (DESIGN.md §2) in, one ARTICLES record out; raises :class:`NotAnArticle`
    (:class:`NotHtml` for a response that is not an HTML page).

    ``signals``, when given, receives what the record does not hold but a crawl counts:
    ``layout_drift`` ("missed" / "short") when the site's body selector failed this page and the
    generic path's body was used instead (see :func:`extract_body`).
    """
    body = raw.get("body") or b""
    url = raw.get("url") or ""
    base = raw.get("final_url") or url
    fetched_at = raw.get("fetched_at")
    if (what := not_html(body, raw.get("headers"))) is not None:
        raise NotHtml(f"{url}: not HTML: {what}")
    layout = _layout(site, fetched_at)
    tree = decode.parse(decode.decode(body, raw.get("headers")))
    if tree is None:
        raise NotAnArticle(f"{url}: empty or unparseable HTML")

    pm = metadata.read(tree)
    dom = metadata.domain(base) or (site.domain if site else None)
    names = _site_names(site, raw.get("site"), dom)
    if pm.get("og:site_name"):
        names.append(pm.get("og:site_name") or "")
    title = metadata.title(tree, pm, layout.title_xpath if layout else None, names)
    canonical = metadata.canonical_url(pm, base)
    author_src = metadata.xpath_strings(tree, layout.author_xpath if layout else None)
    if not author_src:
        ld_auth = pm.ld("author")
        items = ld_auth if isinstance(ld_auth, list) else [ld_auth] if ld_auth else []
        author_src = [s for s in (metadata.text_of(a) for a in items) if s]
    if not author_src:
        author_src = pm.all("author", "content_author", "dc.creator", "byl", "parsely-author")
    editor_src = metadata.xpath_strings(tree, layout.editor_xpath if layout else None)
    if not editor_src:
        ld_ed = pm.ld("editor")
        items = ld_ed if isinstance(ld_ed, list) else [ld_ed] if ld_ed else []
        editor_src = [s for s in (metadata.text_of(a) for a in items) if s]
    if not editor_src:
        editor_src = pm.all("content_editor", "editor")
    section = (metadata.xpath_strings(tree, layout.section_xpath if layout else None) or [None])[0]
    section = section or metadata.text_of(pm.ld("articleSection")) or pm.get(
        "article:section", "content_category", "dtk:kanal", "section"
    )
    tags = metadata.xpath_strings(tree, layout.tags_xpath if layout else None)
    if not tags:
        tags = pm.all("article:tag")
    if not tags:
        kw = pm.ld("keywords")
        tags = (
            [str(k) for k in kw] if isinstance(kw, list) else str(kw).split(",") if kw else []
        ) or ",".join(pm.all("news_keywords", "keywords", "content_tag")).split(",")
    tags = list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))
    image = pm.get("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    image = image or metadata.text_of(pm.ld("image"))
    image = urljoin(base, image) if image else None
    description = pm.get("og:description", "description", "twitter:description")
    description = description or metadata.text_of(pm.ld("description"))
    dom_authors: list[str] = []
    if not author_src:
        dom_authors = [
            " ".join(el.text_content().split()) for el in metadata._DOM_AUTHOR(tree)[:4]
        ]

    zone = site.zone if site else "WIB"
    z_is_local = site.z_is_local if site else False
    site_printed = bool(layout and layout.date_xpath)
    structured = dating.structured_dates(pm, fetched_at=fetched_at, tz=zone, z_is_local=z_is_local)
    # dates() reads the printed date for sites that name it, or when structured data has no time.
    printed = (
        dating.printed_dates(tree, layout.date_xpath if layout else None)
        if dating.wants_printed(structured, site_printed)
        else []
    )

    # Body (the tree is pruned in place from here on: metadata has been read).
    lines = extract_body(tree, layout, signals, metadata.domain(base))
    extra = tuple(re.compile(p, re.I) for p in (layout.boilerplate if layout else ()))
    res = boilerplate.clean_lines(lines, extra)
    paragraphs = res.paragraphs
    # A printed date line kept above the body ("Rabu, 14 Februari 2024 13:05 WIB") is not body.
    # trafilatura sometimes keeps the headline and the printed date above the body.
    norm_title = " ".join((title or "").split()).casefold()
    while paragraphs and (_heading_line(paragraphs[0], norm_title) or _STAMP_LINE.match(paragraphs[0])):
        line = paragraphs.pop(0)
        flat = " ".join(line.split()).lstrip("-–—|· ")
        if flat.casefold() != norm_title and dating.is_date_line(flat):
            printed.append(flat)  # a date line above the body is a printed date too
    # ... and below it, when the markup put the body before the header (a body of <br> runs
    # read as the page's first block, the headline and date coming after it).
    while len(paragraphs) > 1 and _heading_line(paragraphs[-1], norm_title):
        paragraphs.pop()
    # A headline closing the body that is the text of a link on the page: another story's.
    while len(paragraphs) > 1 and boilerplate.headline_like(paragraphs[-1]):
        if " ".join(paragraphs[-1].split()).casefold() not in _link_texts(tree):
            break
        paragraphs.pop()
    place = source = None
    # The dateline opens the story: short lines above it (a byline, the brand, a printed date or
    # a kicker the markup put in the body's container) are the page's header, not its body.
    for k, para in enumerate(paragraphs[:_HEADER_LINES + 1]):
        first, place, source = boilerplate.dateline(para)
        if place or source:
            paragraphs[: k + 1] = [first] if first.strip() else []
            break
        if len(para) > _HEADER_CHARS:
            break
    text = "\n\n".join(paragraphs)
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        raise NotAnArticle(f"{url}: no article body found")

    brands = names + [source or ""]
    authors = people.people(author_src + res.authors or dom_authors, brands)
    editors = people.people(editor_src + res.editors, brands)
    d = dating.dates(
        pm,
        text,
        printed=printed,
        site_printed=site_printed,
        fetched_at=fetched_at,
        tz=zone,
        z_is_local=z_is_local,
        structured=structured,
        url=url,
        tree=tree,
        url_time=site.url_time_re if site else None,
    )
    text_hash, simhash = fingerprint.fingerprints(text)
    record = {
        "id": fingerprint.stable_id(canonical),
        "url": url,
        "canonical_url": canonical,
        "site": raw.get("site") or (site.key if site else dom or ""),
        "domain": dom,
        "title": title,
        "description": " ".join(description.split()) if description else None,
        "text": text,
        "authors": authors,
        "editors": editors,
        "published_at": d.published_at,
        "published_date": d.published_date,
        "published_raw": d.published_raw,
        "modified_at": d.modified_at,
        "date_flags": d.flags,
        "dateline_place": place,
        "dateline_source": source,
        "section": section,
        "tags": tags,
        "image_url": image,
        "language": language(text),
        "word_count": len(words),
        "text_hash": text_hash,
        "simhash": simhash,
        "fetched_at": fetched_at,
        "run_id": raw.get("run_id"),
        "fetch_id": raw.get("fetch_id"),
        "cleaner_version": CLEANER_VERSION,
    }
    if site is not None and site.post_process is not None:  # the site's own last word (Site docs)
        record = site.post_process(record, raw)
    return record
