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
_CLEAN_REVISION = 13
_DIGEST = hashlib.sha1(json.dumps(TRAFILATURA_SETTINGS, sort_keys=True).encode()).hexdigest()[:8]
CLEANER_VERSION: str = (
    f"{kliping.__version__}+clean.{_CLEAN_REVISION};trafilatura={trafilatura.__version__};{_DIGEST}"
)
MIN_WORDS = 8  # below this, what trafilatura found is a caption or a teaser, not an article
_WORD = re.compile(r"\w+")


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


def extract_body(tree: Any, layout: Layout | None = None) -> list[str]:
    """Prune boilerplate in place, run trafilatura, and return its text lines (not yet cleaned)."""
    strip_junk(tree)
    prune_xpaths = layout.prune_xpaths if layout else ()
    target = tree
    if layout is not None and layout.body_xpath:
        found = tree.xpath(layout.body_xpath)
        if found and not isinstance(found[0], str):
            target = found[0]
    text = None
    if target is tree:
        container = main_container(tree)
        if container is not None:
            # boilerplate rules on the container's copy only: the rest of the page is not read
            page = _alone(container)
            boilerplate.prune(page, prune_xpaths)
            text = _trafilatura(page)
            # trafilatura can lose its way in a bare container (on two Fundus pages it kept one
            # block of 40 paragraphs): then the whole page it is, as if never narrowed
            if len(text or "") < 0.5 * sum(map(len, _paragraph_texts(page))):
                text = None
            else:
                target = page
    if text is None:
        boilerplate.prune(tree, prune_xpaths)
        text = _trafilatura(target)
    if not text and target is not tree:
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

_PROSE_P = XPath(".//p[string-length(normalize-space(.)) > 60]")


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
    return None if node is body or node is tree else node


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


def clean(raw: Mapping[str, Any], site: Site | None = None) -> dict[str, Any]:
    """One RAW record (DESIGN.md §2) in, one ARTICLES record out; raises :class:`NotAnArticle`
    (:class:`NotHtml` for a response that is not an HTML page)."""
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
    lines = extract_body(tree, layout)
    extra = tuple(re.compile(p, re.I) for p in (layout.boilerplate if layout else ()))
    res = boilerplate.clean_lines(lines, extra)
    paragraphs = res.paragraphs
    # A printed date line kept above the body ("Rabu, 14 Februari 2024 13:05 WIB") is not body.
    # trafilatura sometimes keeps the headline and the printed date above the body.
    norm_title = " ".join((title or "").split()).casefold()
    while paragraphs and (
        dating.is_date_line(paragraphs[0]) or " ".join(paragraphs[0].split()).casefold() == norm_title
    ):
        line = paragraphs.pop(0)
        if line.casefold() != norm_title and dating.is_date_line(line):
            printed.append(line)  # a date line above the body is a printed date too
    place = source = None
    if paragraphs:
        first, place, source = boilerplate.dateline(paragraphs[0])
        if first.strip():
            paragraphs[0] = first
        else:
            paragraphs.pop(0)
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
    return {
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
