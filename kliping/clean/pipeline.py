"""The cleaning stage as a sequence: one RAW record in, one ARTICLES record out (DESIGN.md §1-§3).

Pure: no I/O (but for the language model's one-off cache, :mod:`kliping.clean.langmodel`), no
global state changed, deterministic. The HTML is parsed once (lxml) and that one tree feeds every
step, in this order (the body steps prune the tree in place, so what reads the whole page comes
first):

1. :func:`_parse`: sniff (only HTML is cleaned, :mod:`kliping.clean.sniff`), decode (header
   charset, ``<meta charset>``, UTF-8, cp1252) and parse (:mod:`kliping.clean.decode`);
2. metadata (:func:`kliping.clean.metadata.extract`): JSON-LD and ``<meta>`` read once, the
   layout's XPaths first, the DOM last;
3. the date candidates: structured data, and the printed date where it is wanted;
4. the body (:func:`kliping.clean.body.extract_body`): boilerplate boxes pruned, the layout's
   ``body_xpath`` or the generic container, trafilatura; the metadata's title is the body steps'
   for that call (:data:`kliping.clean.maintext.TITLE`, a context variable set and reset around
   it), to tell the story's headline (:func:`kliping.clean.maintext.before_headline`);
5. its paragraphs (:func:`kliping.clean.body.paragraphs`): line rules, header and footer lines,
   dateline;
6. people, dates, language and fingerprints, then the record, then the site's ``post_process``.

A page without a known site goes down the same path with :data:`~kliping.sites.base.GENERIC_LAYOUT`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import trafilatura

import kliping
from kliping.clean import boilerplate, databody, dating, decode, fingerprint, maintext, metadata, people
from kliping.clean.body import MIN_WORDS, TRAFILATURA_SETTINGS, extract_body, paragraphs
from kliping.clean.sniff import not_html
from kliping.sites.base import GENERIC_LAYOUT

if TYPE_CHECKING:
    from kliping.clean.dating import Dates
    from kliping.sites.base import Layout, Site

__all__ = ["CLEANER_VERSION", "NotAnArticle", "NotHtml", "clean"]

_CLEAN_REVISION = 54
_DIGEST = hashlib.sha1(json.dumps(TRAFILATURA_SETTINGS, sort_keys=True).encode()).hexdigest()[:8]
CLEANER_VERSION: str = (
    f"{kliping.__version__}+clean.{_CLEAN_REVISION};trafilatura={trafilatura.__version__};{_DIGEST}"
)
# Host labels that name no brand: "www.kompas.com" is called "kompas" too.
# the fetch times the dates are read against: a week inside the calendar, so a zone, an hour or
# "tomorrow" added never leaves it (a WARC-Date of 9999-12-31T23:59Z raised OverflowError)
_REFERENCE_BOUNDS = (dt.datetime(1, 1, 8, tzinfo=dt.UTC), dt.datetime(9999, 12, 24, tzinfo=dt.UTC))


def _reference(fetched_at: Any) -> Any:
    """``fetched_at`` as the clock the page's dates are read against: within the calendar."""
    if not isinstance(fetched_at, dt.datetime):
        return fetched_at
    aware = fetched_at if fetched_at.utcoffset() is not None else fetched_at.replace(tzinfo=dt.UTC)
    low, high = _REFERENCE_BOUNDS
    return fetched_at if low <= aware <= high else min(max(aware, low), high)


_HOST_NOISE = frozenset(("www", "com", "co", "id", "net", "org", "m", "amp"))


class NotAnArticle(Exception):
    """The page has no article body (a listing, an error page, a video-only page…)."""


class NotHtml(NotAnArticle):
    """The response is not an HTML page (a PDF, an image, a feed…): :mod:`kliping.clean.sniff`."""


def clean(
    raw: Mapping[str, Any], site: Site | None = None, *, signals: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One RAW record (DESIGN.md §2) in, one ARTICLES record out; raises :class:`NotAnArticle`
    (:class:`NotHtml` for a response that is not an HTML page).

    ``signals``, when given, receives what the record does not hold but a crawl counts:
    ``layout_drift`` ("missed" / "short") when the site's body selector failed this page and the
    generic path's body was used instead (see :func:`~kliping.clean.body.extract_body`).
    """
    try:
        return _clean(raw, site, signals, plain_names=False)
    except ValueError as exc:
        if not str(exc).startswith("Invalid tag name"):
            raise
    # Element names the HTML parser keeps but lxml will not create ("<o:p>" and "<st1:place>" of
    # text pasted from Word, a broken "<A:>"): trafilatura's copy of such an element (in a quote,
    # a list item) raised, and the page was lost. Rare, so paid for only then: read once more
    # with those names made plain.
    if signals is not None:
        signals.clear()
    return _clean(raw, site, signals, plain_names=True)


def _clean(
    raw: Mapping[str, Any], site: Site | None, signals: dict[str, Any] | None, plain_names: bool
) -> dict[str, Any]:
    url = raw.get("url") or ""
    base = raw.get("final_url") or url
    fetched_at = raw.get("fetched_at")
    tree = _parse(raw, url)
    if plain_names:
        _plain_names(tree)
    layout = site.layout_for(fetched_at) if site is not None else GENERIC_LAYOUT
    host = metadata.domain(base)
    domain = host or (site.domain if site is not None else None)

    meta = metadata.extract(tree, layout, base, _site_names(site, raw.get("site"), domain),
                            site.domains if site is not None else ())  # fmt: skip
    if not host:  # a page without its URL (a saved file): its canonical URL names its host
        domain = metadata.domain(meta.canonical_url or "") or domain
    if (reference := _reference(fetched_at)) is not fetched_at:  # the record keeps the given one
        raw = {**raw, "fetched_at": reference}
    structured, printed = _date_candidates(tree, meta.page, layout, site, reference, base)
    # the title tells the body steps which heading is the story's (maintext.before_headline); the
    # writers the page names, their author box in the body (boilerplate rules "author box", "writer's
    # bio"); the page's own names, its promos and credits (boilerplate rule "own promo")
    own = (meta.page.get("og:site_name") or metadata.title_site_part(tree, meta.title) or "",
           site.name if site is not None else "")
    told = maintext.TITLE.set(meta.title)
    told_writers = boilerplate.WRITERS.set(tuple(people.people([*meta.authors, *(meta.byline or ())])))
    told_brand = boilerplate.BRAND.set(None)
    titled = True
    try:
        lines = extract_body(tree, layout, signals, host)
        maintext.TITLE.reset(told)
        titled = False
        boilerplate.BRAND.set(boilerplate.page_brand(domain, own))
        body = paragraphs(lines, layout, meta.title, tree)
        word_count, tokens = fingerprint.tokens(body.text)  # (words counted and casefolded at once)
        if word_count < MIN_WORDS and (meta.page.is_article or structured):
            # a client-rendered article: its story is in the page's data, not its markup
            data_lines = databody.story_lines(meta.page, meta.title)
            if data_lines:
                body = paragraphs(data_lines, layout, meta.title, tree)
                word_count, tokens = fingerprint.tokens(body.text)
    finally:
        if titled:
            maintext.TITLE.reset(told)
        boilerplate.BRAND.reset(told_brand)
        boilerplate.WRITERS.reset(told_writers)
    text = body.text
    if word_count < MIN_WORDS:
        raise NotAnArticle(f"{url}: no article body found")

    brands = meta.site_names + [body.source or ""]
    language = metadata.language(text, metadata.declared_language(tree, meta.page))
    when = _dates(meta.page, text, tree, layout, site, raw, structured, printed + body.printed, language)
    text_hash, simhash = fingerprint.of_tokens(tokens)
    record = {
        "id": fingerprint.stable_id(meta.canonical_url),
        "url": url,
        "canonical_url": meta.canonical_url,
        "site": raw.get("site") or (site.key if site is not None else domain or ""),
        "domain": domain,
        "title": meta.title,
        "description": meta.description,
        "text": text,
        # the body's credit lines join the metadata's; the DOM's byline only when both are silent,
        # or name only offices ("Kontributor: Humas FIKP Unhas" under "Penulis: Dr. Andi …")
        "authors": people.people(meta.authors + body.authors, brands)
        or people.people(meta.byline or (), brands),
        "editors": people.people(meta.editors + body.editors, brands),
        "published_at": when.published_at,
        "published_date": when.published_date,
        "published_raw": when.published_raw,
        "modified_at": when.modified_at,
        "date_flags": when.flags,
        "dateline_place": body.place,
        "dateline_source": body.source,
        "section": meta.section,
        "tags": meta.tags,
        "image_url": meta.image_url,
        "language": language,
        "word_count": word_count,
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


def _parse(raw: Mapping[str, Any], url: str) -> Any:
    """Step 1: the page's one lxml tree; :class:`NotHtml` or :class:`NotAnArticle` when there is none."""
    body = raw.get("body") or b""
    if (what := not_html(body, raw.get("headers"))) is not None:
        raise NotHtml(f"{url}: not HTML: {what}")
    tree = decode.page_tree(body, raw.get("headers"))
    if tree is None:
        raise NotAnArticle(f"{url}: empty or unparseable HTML")
    decode.module_classes(tree)
    return tree


_ELEMENT_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def _plain_names(tree: Any) -> None:
    """Rename, in place, the elements whose name lxml would refuse to create to ``span``."""
    for el in tree.iter():
        if isinstance(el.tag, str) and not _ELEMENT_NAME.fullmatch(el.tag):
            el.tag = "span"


def _site_names(site: Site | None, raw_site: str | None, domain: str | None) -> list[str]:
    """What the site calls itself (its key, name, domain and the domain's brand labels): stripped
    from titles and never taken for a person."""
    names = [n for n in (raw_site,) if n]
    if site is not None:
        names += [site.name, site.key, site.domain]
    if domain:
        names.append(domain)
        names += [p for p in domain.split(".") if p not in _HOST_NOISE]
    return names


def _clock(site: Site | None) -> dict[str, Any]:
    """How the site writes time: its zone, whether its "Z" means local time (detik's does)."""
    if site is None:
        return {"tz": "WIB", "z_is_local": False}
    return {"tz": site.zone, "z_is_local": site.z_is_local}


def _date_candidates(
    tree: Any, pm: metadata.PageMeta, layout: Layout, site: Site | None, fetched_at: Any, url: str = ""
) -> tuple[list[Any], list[str]]:
    """Step 3: the structured dates, and the printed ones when they are wanted (the site names its
    printed date, or the structured data has no time of day, or on a page that may be Indonesian
    states its times at UTC only, which may be its local clock with the zone left at UTC:
    :func:`kliping.clean.dating.zone_mislabelled`): read before the tree is pruned."""
    structured = dating.structured_dates(pm, fetched_at=fetched_at, **_clock(site))
    if dating.wants_printed(structured, bool(layout.date_xpath)):
        return structured, dating.printed_dates(tree, layout.date_xpath)
    if dating.utc_only(structured) and metadata.may_be_indonesian(tree, pm):
        printed = dating.printed_dates(tree, layout.date_xpath)
        return structured, dating.zone_probe(structured, printed, fetched_at, **_clock(site))
    indonesian = metadata.may_be_indonesian(tree, pm)
    if indonesian and (agree := dating.url_day_printed(tree, layout.date_xpath, structured, url, fetched_at,
                                                       **_clock(site))):
        # the URL's day not the structured one's: a printed date on the URL's day is the third
        # opinion (rule "two against one", :func:`kliping.clean.dating.dates`)
        return structured, agree
    if indonesian:
        # the byline beside the headline, when it names its zone: a second opinion on the time
        # (a disagreement of hours is flagged, :func:`kliping.clean.dating.byline_check`)
        return structured, dating.byline_check(tree)
    return structured, []


def _dates(
    pm: metadata.PageMeta,
    text: str,
    tree: Any,
    layout: Layout,
    site: Site | None,
    raw: Mapping[str, Any],
    structured: list[Any],
    printed: list[str],
    language: str | None = None,
) -> Dates:
    """Step 6: the publication and modification dates from every candidate (see :func:`dating.dates`).

    A page whose text is Indonesian is no foreign newsroom's, whatever its markup declares (a
    newsletter platform's template declares English: a Balikpapan writer's 07:30 WITA post, stated
    at UTC, was dated the day before)."""
    return dating.dates(
        pm,
        text,
        printed=printed,
        site_printed=bool(layout.date_xpath),
        fetched_at=raw.get("fetched_at"),
        structured=structured,
        url=raw.get("url") or "",
        tree=tree,
        url_time=site.url_time_re if site is not None else None,
        foreign=site is None and language != "id" and metadata.foreign_page(tree, pm, raw.get("url")),
        **_clock(site),
    )
