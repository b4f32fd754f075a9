"""Page metadata, read the way trafilatura's ``extract_metadata`` reads it: field by field, each
field a small function trying its sources in order, the first that gives something winning.

JSON-LD and ``<meta>`` are read once into :class:`PageMeta` (:func:`read`) and shared by every field;
a site layout's XPath comes first where it names one (it was written for that site's markup), the
DOM's common selectors last, only for what the structured data lacks. :func:`extract` gathers
every field before the body steps prune the tree; :func:`language` reads the finished text.

=============  ==================================================================================
field          sources, in order
=============  ==================================================================================
title          layout ``title_xpath``, JSON-LD ``headline``, ``og:title``/``twitter:title``,
               the first ``<h1>``, ``<title>``; the site's name stripped off
canonical      ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``, the page's URL; tracking
               parameters dropped
authors        layout ``author_xpath``, JSON-LD ``author``, ``<meta>`` author names; (the body's
               credit lines are added in the pipeline; the DOM's byline is the last resort)
editors        layout ``editor_xpath``, JSON-LD ``editor``, ``<meta>`` editor names
section        layout ``section_xpath``, JSON-LD ``articleSection``, ``<meta>`` section names
tags           layout ``tags_xpath``, ``article:tag``, JSON-LD ``keywords``, ``<meta>`` keywords
image          ``og:image``/``twitter:image``, JSON-LD ``image``; made absolute
description    ``og:description``/``description``/``twitter:description``, JSON-LD ``description``
language       Indonesian/English function words, else py3langid (``ms`` read as ``id``)
=============  ==================================================================================
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml.etree import Element, XPath, iterwalk
from w3lib.url import url_query_cleaner

from kliping.clean import boilerplate, comments, fingerprint, langmodel, people
from kliping.sites.base import public_suffixes

if TYPE_CHECKING:
    from kliping.sites.base import Layout

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
        "posting", "socialmediaposting", "report", "techarticle", "scholarlyarticle", "review",
        "criticreview", "recipe", "howto",  # (a food portal's recipe, a service article's steps)
        "podcastepisode",  # (a podcast's episode page, its show notes the story)
    }
)  # fmt: skip

_H1 = XPath("/descendant::h1")
# Every class alternative holds "author" or "read__credit__item": tested first (plain contains()),
# the rest only on the few elements that pass; the tests run on the attributes (/descendant::*/@class[...]/
# parent::*), at half the cost of testing every element's @class (//*[...(@class)]).
_DOM_AUTHOR = XPath(
    "/descendant::*/@rel[.='author']/parent::*"
    " | /descendant::*/@itemprop[.='author']/parent::*/descendant::*[@itemprop='name']"
    " | /descendant::*/@class[contains(.,'author') or contains(.,'read__credit__item')]/parent::*"
    "[contains(concat(' ',normalize-space(@class),' '),' author ') or contains(@class,'detail__author')"
    " or contains(@class,'read__credit__item') or contains(@class,'author-name')"
    " or contains(@class,'author-list') or contains(concat(@class,' '),'-authors ')"
    " or contains(@class,'byline__author')]"
    # a web component named for the writer, holding the name alone: "<bb-author>Tresna …</bb-author>"
    " | /descendant::*[contains(local-name(),'-author') or contains(local-name(),'-penulis')][not(*)]"
)
# ... else the first BEM element named author, whatever its block ("read__info__author",
# "article__author": teaser cards' "card__author" come after the story's own)
_BEM_AUTHOR = XPath(
    "/descendant::*/@class[contains(.,'__author')]"
    "/parent::*[contains(concat(normalize-space(@class),' '),'__author ')]"
)
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|igshid|ref|ref_src|"
    r"src|source|cmpid|tracking_source|amp|single|page|showpage)$",
    re.I,
)
_WORD = re.compile(r"\w+")
_PAGINATION_VALUES = {"single": {"1", "true", "all"}, "page": {"all", "1"}, "showpage": {"all"}}


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _walk(obj: Any, out: list[dict]) -> None:
    if isinstance(obj, list):
        for x in obj:
            _walk(x, out)
    elif isinstance(obj, dict):
        out.append(obj)
        if "@graph" in obj:
            _walk(obj["@graph"], out)
        main = obj.get("mainEntity")
        if isinstance(main, dict | list):
            _walk(main, out)


def _load_json(text: str) -> Any:
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except RecursionError:  # nested deeper than Python's decoder goes: a hostile page's, no data
        return None
    except ValueError:
        # Sites paste raw newlines / tabs / trailing commas into JSON-LD; repair the common ones.
        fixed = re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", text))
        try:
            return json.loads(fixed, strict=False)
        except (ValueError, RecursionError):
            return None


@dataclass
class PageMeta:
    """Everything structured about a page, read once."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> values
    article: dict[str, Any] = field(default_factory=dict)  # the article-typed JSON-LD node, merged
    jsonld: list[dict] = field(default_factory=list)  # every JSON-LD node
    # the page's data scripts (JSON, a front end's state), kept for the rare page whose story is
    # only there (clean/databody.py): elements, read only then, still readable once pruned
    data_scripts: list[Any] = field(default_factory=list)
    canonical: str | None = None
    html_title: str | None = None

    def get(self, *names: str) -> str | None:
        for n in names:
            for v in self.meta.get(n, ()):
                v = v.strip()
                if v:
                    return v
        return None

    def all(self, *names: str) -> list[str]:
        out: list[str] = []
        for n in names:
            out += [v.strip() for v in self.meta.get(n, ()) if v.strip()]
        return out

    def ld(self, key: str) -> Any:
        return self.article.get(key)

    @property
    def is_article(self) -> bool:
        return bool(self.article) or (self.get("og:type") or "").lower() == "article"


def _text_nodes(el: Any) -> list[str]:
    """What XPath's ``text()`` gives for ``el``: its text, then its children's tails."""
    return ([el.text] if el.text is not None else []) + [c.tail for c in el if c.tail is not None]


_DATA_SCRIPT_IDS = ("__NEXT_DATA__", "__NUXT_DATA__")


def read(tree: Any) -> PageMeta:
    """The page's ``<meta>``, JSON-LD, canonical link and ``<title>``, in one walk of the tree.

    (Same as ``//meta[@content]``, ``//script[@type='application/ld+json']/text()``,
    ``//link[@rel='canonical']/@href`` and ``//title/text()``, at a third of their cost.)
    """
    pm = PageMeta()
    scripts: list[str] = []
    canonical: list[str] = []
    titles: list[str] = []
    for el in tree.iter("meta", "script", "link", "title"):
        tag = el.tag
        if tag == "meta":
            content = el.get("content")
            if content is None:
                continue
            key = el.get("property") or el.get("name") or el.get("itemprop")
            if key:
                pm.meta.setdefault(key.strip().lower(), []).append(content)
        elif tag == "script":
            kind = el.get("type")
            if kind == "application/ld+json":
                scripts += _text_nodes(el)
            elif kind == "application/json" or el.get("id") in _DATA_SCRIPT_IDS:
                pm.data_scripts.append(el)
        elif tag == "link":
            if not canonical and el.get("rel") == "canonical" and el.get("href") is not None:
                canonical.append(el.get("href"))
        elif not titles:
            titles = _text_nodes(el)
    nodes: list[dict] = []
    for text in scripts:
        data = _load_json(text)
        if data is not None:
            _walk(data, nodes)
    pm.jsonld = nodes
    for node in nodes:
        if _types(node) & ARTICLE_TYPES:
            for k, v in node.items():
                pm.article.setdefault(k, v)
    pm.canonical = canonical[0].strip() if canonical and canonical[0].strip() else None
    pm.html_title = " ".join(titles[0].split()) if titles else None
    return pm


def text_of(value: Any) -> str | None:
    """A JSON-LD value as one string (first of a list, ``name``/``url``/``@value`` of an object)."""
    if isinstance(value, list):
        for v in value:
            s = text_of(v)
            if s:
                return s
        return None
    if isinstance(value, dict):
        for k in ("name", "url", "@value", "@id", "contentUrl"):
            if isinstance(value.get(k), str) and value[k].strip():
                return value[k].strip()
        return None
    if isinstance(value, str | int | float) and str(value).strip():
        return str(value).strip()
    return None


def xpath_strings(tree: Any, xpath: str | None) -> list[str]:
    """Normalized strings selected by a (site layout) XPath; elements give their text."""
    if not xpath:
        return []
    out = []
    try:
        found = tree.xpath(xpath)
    except Exception:  # a broken site selector must not kill the page
        return []
    if not isinstance(found, list):
        found = [found]
    for x in found:
        s = x if isinstance(x, str) else x.text_content()
        s = " ".join(str(s).split())
        if s:
            out.append(s)
    return out


# --- title -------------------------------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(?:[-|–—:»·•]|\|\||::)\s+")  # ("Judul :: Pemerintah Provinsi …": a CMS's)


# A government site's host label names its region and its kind ("lumajangkab" on lumajangkab.go.id):
# its pages' titles name it as the government ("Pemkab Lumajang - …", "Pemerintah Kota Malang | …")
_GOV_KINDS = {
    "kab": ("pemkab", "kabupaten", "pemerintahkabupaten"), "kota": ("pemkot", "kota", "pemerintahkota"),
    "prov": ("pemprov", "provinsi", "pemerintahprovinsi"),
}  # fmt: skip


def _gov_names(keys: set[str]) -> set[str]:
    out = set()
    for k in keys:
        for kind, names in _GOV_KINDS.items():
            if k.endswith(kind) and len(k) > len(kind) + 2:
                out.update(n + k[: -len(kind)] for n in names)
    return out


def title_site_part(tree: Any, headline: str | None) -> str | None:
    """What the page's ``<title>`` adds to the headline at its end or its start, when that is a short
    name ("Harga Cengkih … – Ambon Ekspres": "Ambon Ekspres"), or None."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    full = " ".join((root.findtext(".//title") or "").split())
    if not headline or not full or full == headline or headline not in full:
        return None
    rest = full.replace(headline, " ", 1).strip(" -|–—:»·•")
    return rest if rest and len(rest.split()) <= 4 and not _TITLE_SEP.search(rest) else None


def strip_site_suffix(title: str, names: list[str]) -> str:
    """Drop " - Kompas.com" / " | CNN Indonesia" style suffixes (and prefixes) naming the site."""
    keys = {re.sub(r"\W+", "", n.lower()) for n in names if n}
    keys.discard("")
    keys |= _gov_names(keys)
    for _ in range(2):
        parts = _TITLE_SEP.split(title)
        if len(parts) < 2:
            break
        last, first = parts[-1], parts[0]
        if _is_site_name(last, keys) or last.lower() in _CHROME_WORDS:
            title = title[: title.rfind(last)].rstrip(" -|–—:»·•")
        elif _is_site_name(first, keys):
            title = title[len(first) :].lstrip(" -|–—:»·•")
        else:
            break
    # "KapanLagi.com: Judul Berita": the site's name as a label, its colon against it (no space
    # before it, so not one of the separators above). Only the name itself or a host name: a
    # label that is not the site's ("FOTO:", "Hasil Pemilu:") or is one of its series ("CNBC
    # Changemakers:", "9to5Mac Gift Guide:") is part of the headline as published.
    label = _LABEL.match(title)
    if label and len(title[label.end():].split()) >= 2:
        name = label.group(1)
        if re.sub(r"\W+", "", name.lower()) in keys or _HOST_LIKE.fullmatch(name):
            title = title[label.end():]
    return title.strip()


_LABEL = re.compile(r"([^\s:|]+(?: [^\s:|]+){0,3}):\s+")
_LABEL_THEN = re.compile(r"[^\s:|]+(?: [^\s:|]+)?:\s+")  # a short label before a title ("cetak: ")
# Rule "channel word": a title's last part that only says what kind of page it is ("Judul - Berita
# - Kabar Harian", once the site's name is off) is the site's chrome, not the headline's
_CHROME_WORDS = frozenset(("berita", "news", "artikel", "article", "beranda", "home", "berita terkini",
                           "berita terbaru", "latest news", "breaking news"))  # fmt: skip


def _is_site_name(part: str, keys: set[str]) -> bool:
    p = re.sub(r"\W+", "", part.lower())
    if not p:
        return False
    if any(p == k or (len(k) >= 4 and (p.startswith(k) or k.startswith(p) or k in p)) for k in keys):
        return len(part.split()) <= 5
    # "detikNews", "Okezone.com", "TRIBUNNEWS.COM": one or two tokens that look like a brand/host
    return bool(_HOST_LIKE.fullmatch(part.strip()))


_HOST_LIKE = re.compile(r"[\w-]+\.(?:com|co|id|co\.id|net|org|news)(?:\.\w+)?", re.I)


def title(tree: Any, pm: PageMeta, xpath: str | None, site_names: list[str]) -> str | None:
    cands = xpath_strings(tree, xpath)[:1]
    for c in (text_of(pm.ld("headline")), pm.get("og:title", "twitter:title")):
        if c:
            cands.append(c)
    names = list(site_names)
    for n in (pm.get("og:site_name", "application-name", "twitter:site"),):
        if n:
            names.append(n.lstrip("@"))
    h1 = _first_h1(tree)
    if h1 is None and not cands:  # no <h1>: an <h2>/<h3> that opens the <title> is the headline
        h1 = next((s for h in headlines(tree)[:1] if (s := " ".join(h.text_content().split()))), None)
    if h1 and _is_site_name(h1, {k for n in names if (k := re.sub(r"\W+", "", n.lower()))}):
        # rule "logo heading": the site's name as the first <h1> (a blog theme's masthead), and the
        # name as the <title> writes it ("Kabar Mahasiswa: Renovasi Molor, …")
        names.append(h1)
        h1 = None
    elif not cands and h1 and pm.html_title and len(h1.split()) <= 5:
        # rule "logo heading": an <h1> that is one side of the <title> ("RSUD Ibnu Sina Gresik:
        # RSUD Ibnu Sina Gresik Resmikan …", a Blogger theme's masthead over its <h3 class=
        # post-title>), when a heading prints the other side: that heading is the headline
        whole = " ".join(pm.html_title.split())
        own = strip_site_suffix(whole, [h1])
        if own and own != whole and len(own.split()) >= 4 \
                and (heading := _title_heading(tree, own)) is not None and heading.tag != "h1":
            names.append(h1)
            h1 = " ".join(heading.text_content().split())
    if not cands and h1 and pm.html_title and not agree(pm.html_title, h1):
        # rule "logo heading": an <h1> the <title> does not name ("Kendari Pos - Harian Terbesar di
        # Sultra"), an <h2>/<h3> printing the <title>'s headline: that heading is the headline
        own = strip_site_suffix(" ".join(pm.html_title.split()), names)
        heading = _title_heading(tree, own)
        if heading is not None and heading.tag != "h1" and len(own.split()) >= 4:
            h1 = " ".join(heading.text_content().split())
    if not cands and h1:
        cands.append(h1)
    if not cands and pm.html_title:
        cands.append(pm.html_title)
    if not cands:
        return None
    t = " ".join(cands[0].split())
    if not xpath and h1 and len(h1.split()) >= 4 and not agree(t, h1) \
            and len((strip_site_suffix(t, names) or t).split()) <= _SECTION_WORDS:
        # rule "section's title": an og:title of a word or three that the <h1> does not hold ("Dunia
        # Islam - Arrahmah.id", "News") names the page's section; the <title> when it agrees, else
        # the <h1>
        t = next((" ".join(c.split()) for c in (*cands[1:], pm.html_title) if c and agree(c, h1)), h1)
        if t.endswith(h1):
            t = h1  # ("Arrahmah.id | Judul": the site's name, or a rubric, before the headline)
    if not xpath and t.endswith(("...", "…")):
        t = _uncut(t, [*cands[1:], h1, pm.html_title])
    if h1 and not xpath and (_chrome_around(t, h1) or _rubric_before(t, h1)):
        return h1
    t = TITLE_PAGINATION.sub("", t) or t  # (before and after the site's name: either order)
    t = strip_site_suffix(t, names) or t
    t = TITLE_PAGINATION.sub("", t) or t
    # (searched in the title's last characters only: linear whatever the title)
    page = _TRAILING_PAGE.search(t, max(0, len(t) - 40))
    return t[: page.start()] if page is not None and page.start() > 0 else t


_KEY_WORD = re.compile(r"\w{3,}")


def agree(a: str | None, b: str | None) -> bool:
    """Do two headlines name the same story: three in five of the words (of three letters or
    more) of the shorter in the other?"""
    if not a or not b:
        return False
    x, y = set(_KEY_WORD.findall(a.casefold())), set(_KEY_WORD.findall(b.casefold()))
    if not x or not y:
        return False
    return len(x & y) >= 0.6 * min(len(x), len(y))


def _first_h1(tree: Any) -> str | None:
    return next((s for h in _H1(tree)[:1] if (s := " ".join(h.text_content().split()))), None)


def _another_story(tree: Any, pm: PageMeta, base: str) -> bool:
    """Rule "structured data of another story": the JSON-LD article node's headline names another
    story than the page's ``<h1>`` and its ``og:title`` or ``<title>`` do, and the node says so
    itself: its ``url`` is another page's, or its day of publication is not the one the page's URL
    or ``<meta>`` give (a related story's node, a preview's, left in the template): its headline,
    author and dates are not the page's. (A node whose headline is only worded otherwise, an SEO
    headline on the same URL and day, is the page's.)"""
    headline = text_of(pm.ld("headline"))
    h1 = _first_h1(tree)
    if not headline or not h1 or len(h1.split()) < 4 or agree(headline, h1):
        return False
    if not any(agree(t, h1) for t in (pm.get("og:title", "twitter:title"), pm.html_title)):
        return False
    own = text_of(pm.ld("url")) or text_of(pm.ld("mainEntityOfPage"))
    page = pm.canonical or base
    if own and page and own.startswith("http") and _same_page_key(own) != _same_page_key(page):
        return True
    from kliping.clean.dating import PUBLISHED_META  # (dating reads this module)

    day = (text_of(pm.ld("datePublished")) or "")[:10]
    others = [(pm.get(*PUBLISHED_META) or "")[:10], _url_day(page)]
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", day)) and any(o and o != day for o in others)


# (only a /YYYY/MM/DD/ path between slashes: with dating.date_in_url, which also reads
# "/YYYY-MM-DD" forms, a Zyte tuning page's SEO-headlined node was taken for another story's)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")


def _url_day(url: str | None) -> str | None:
    m = _URL_DAY.search(url or "")
    return "-".join(m.groups()) if m else None


def _same_page_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").removeprefix("www.") + parts.path.rstrip("/")


def _uncut(title: str, others: list[str | None]) -> str:
    """Rule "cut headline": a headline cut with an ellipsis (a JSON-LD ``headline`` held to Google's
    110 characters) is the whole one another source prints, when that one starts with it."""
    stem = title.rstrip(".…").rstrip()
    if len(stem.split()) < 3:
        return title
    for other in others:
        if other:
            whole = " ".join(other.split())
            if len(whole) > len(stem) and whole.startswith(stem):
                return whole
    return title


# Rule "headline in the title": the page's <h1> printed whole at the start of the title it gives,
# the rest set off by a separator or a page switch ("Judul | Berita | Kabar Harian",
# "Judul Halaman 3" beside the <h1> "Judul"), is the headline and the rest is the site's chrome.
_CHROME_START = re.compile(r"\s*(?:[-|–—:»·•]|\|\||::)\s|\s+(?i:halaman|page)\s+(?:\d{1,2}|all)\s*$")


def _chrome_around(title: str, h1: str) -> bool:
    if title == h1 or len(h1.split()) < 3 or len(h1) >= len(title):
        return False
    # (not the <h1> at the end: "Judul | The Blog" beside a logo's <h1> "The Blog" is the other way)
    return title.startswith(h1) and _CHROME_START.match(title, len(h1)) is not None


# Rule "rubric before the headline": the title a page gives is its section's label and the <h1>
# ("OPINI: Judul", "FOTO | Judul", "Infografis - Judul" beside the <h1> "Judul"): the label is
# the rubric's, not the headline's. A label in capitals or a rubric's name; a speaker quoted before
# a headline ("Jokowi: …") is printed in the <h1> too, or is no label of these.
_RUBRIC = re.compile(
    r"(?i:opini|kolom|editorial|tajuk(?: rencana)?|resensi|foto|berita foto|video|infografis|"
    r"advertorial|hoaks|cek fakta|breaking news|live|analisis|wawancara|feature|esai|surat pembaca)"
)
_RUBRIC_SEP = re.compile(r"\s*(?:[:|–—-]|::)\s*")


def _rubric_before(title: str, h1: str) -> bool:
    if len(h1.split()) < 3 or len(h1) >= len(title) or not title.endswith(h1):
        return False
    head = title[: len(title) - len(h1)]
    sep = _RUBRIC_SEP.search(head)
    if sep is None or sep.end() != len(head):
        return False
    label = head[: sep.start()].strip()
    if not label or len(label) > 25 or len(label.split()) > 3:
        return False
    return _RUBRIC.fullmatch(label) is not None or (label.isupper() and label.replace(" ", "").isalpha())


# Rule "page switch at the end": "Judul Halaman 2", the number of a paginated story's page at the
# end of its title without a separator; not after a preposition ("Tertahan di Halaman 2")
_TRAILING_PAGE = re.compile(
    r"(?<!\b[dD]i)(?<!\b[kK]e)(?<!\b[dD]ari)(?<!\b[pP]ada)(?<!\b[dD]alam)(?<!\b[hH]ingga)"
    r"(?<!\b[sS]ampai)(?<!\b[oO]n)(?<!\b[tT]o)(?<!\b[oO]f)\s+(?:Halaman|HALAMAN|halaman) [2-9]\s*$"
)


# The page-switch a paginated story's title carries: "Judul - Semua Halaman - Grid.ID", "Judul
# Halaman all - Kompas.com", "Judul | Halaman 2", "Judul (Halaman 3)" ("Tertahan di Halaman 2"
# without a separator is a headline's own words).
TITLE_PAGINATION = re.compile(
    r"(?i:\s*[-|–—:]\s*\(?(?:semua halaman|halaman (?:all|semua|\d{1,2})|page \d{1,2}|all pages)\)?"
    r"|\s*\((?:halaman|page) \d{1,2}\)|\s+(?:semua halaman|halaman all))\s*$"
)


# --- URLs --------------------------------------------------------------------------------------


def join_url(base: str, ref: str) -> str | None:
    """``ref`` made absolute against ``base``; None for an address urllib cannot read (a bracketed
    host left open, ``http://[::1``: a ValueError that made the whole page a clean_error)."""
    try:
        absolute = urljoin(base, ref)
        urlsplit(absolute).hostname  # noqa: B018 - where an invalid address raises
    except ValueError:
        return None
    return absolute


def clean_url(url: str) -> str:
    """Strip tracking parameters (utm_*, fbclid, …), pagination switches and the fragment."""
    parts = urlsplit(url)
    drop = []
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if _TRACKING.match(k):
            allowed = _PAGINATION_VALUES.get(k.lower())
            if allowed is None or v.lower() in allowed:
                drop.append(k)
    if drop:
        url = url_query_cleaner(url, drop, remove=True, keep_fragments=False)
    return url.split("#", 1)[0]


def registrable(host: str) -> str:
    """The name a host is registered under (``amp.kompas.com`` -> ``kompas.com``, ``x.go.id`` ->
    ``x.go.id``, ``a.blogspot.com`` -> itself; :func:`kliping.sites.base.public_suffixes`); a host
    under no known suffix (``berita.example``, an address) is its own last two labels."""
    host = host.lower().rstrip(".")
    found = public_suffixes(host)
    if found.suffix and found.domain:
        return f"{found.domain}.{found.suffix}"
    if ":" in host or host.replace(".", "").isdigit():
        return host  # an address is only itself
    return ".".join(host.split(".")[-2:])


def own_host(host: str | None, base_host: str | None, also: tuple[str, ...] = ()) -> bool:
    """Is ``host`` the page's own: registered under the same name as the host it was fetched
    from, or one of the site's declared domains (``also``)?"""
    if not host or not base_host:
        return True  # nothing to compare with (a saved page without its URL)
    host = host.lower()
    if any(host == d or host.endswith("." + d) for d in also):
        return True
    return registrable(host) == registrable(base_host)


def canonical_url(pm: PageMeta, base: str, also: tuple[str, ...] = ()) -> str:
    """The page's canonical URL: ``rel=canonical``, ``og:url``, JSON-LD ``url``, then ``base``.

    Rule "the site's own canonical": a canonical URL on another site's host is not taken (an
    untrusted page naming another outlet's article would take that article's id and could
    displace it in a dataset); the site's declared domains (``also``) count as its own."""
    base_host = urlsplit(base).hostname
    for cand in (pm.canonical, pm.get("og:url"), text_of(pm.ld("url"))):
        if cand and not cand.startswith(("javascript:", "data:")):
            absolute = join_url(base, cand)
            if absolute is not None and absolute.startswith(("http://", "https://")):
                host = urlsplit(absolute).hostname
                if own_host(host, base_host, also):
                    return clean_url(absolute)
    return clean_url(base)


def domain(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:  # an invalid address (a page's canonical link "http://[::1")
        return None
    return host.lower() if host else None


# --- the other fields -----------------------------------------------------------------------------


def _ld_names(value: Any, nodes: list[dict] = ()) -> list[str]:  # type: ignore[assignment]
    """Every person a JSON-LD ``author``/``editor`` value names (one, or a list of them).

    Rule "reference and organisation": a reference to a node of the page's graph (``{"@id":
    "https://x/#/schema/person/b40a…"}``, Yoast's) is that node's name, or nothing (its address is
    no name); an author typed as an organisation (``"@type": "NewsMediaOrganization"``, the
    newsroom crediting itself) is no person."""
    items = value if isinstance(value, list) else [value] if value else []
    out = []
    for x in items:
        if isinstance(x, dict) and "name" not in x and isinstance(x.get("@id"), str):
            x = next((n for n in nodes if n.get("@id") == x["@id"] and "name" in n), None)
            if x is None:
                continue
        if _organisation(x):
            continue
        s = text_of(x)
        if s:
            out.append(s)
    return out


def _organisation(item: Any) -> bool:
    return isinstance(item, dict) and any(t.endswith("organization") for t in _types(item))


def authors(tree: Any, pm: PageMeta, xpath: str | None) -> list[str]:
    return (
        xpath_strings(tree, xpath)
        or _ld_names(pm.ld("author"), pm.jsonld)
        or _ld_names(_answer_author(pm), pm.jsonld)
        or pm.all("author", "content_author", "dc.creator", "byl", "parsely-author")
        # (Open Graph's article:author is mostly the writer's profile URL; a name there is read)
        or [v for v in pm.all("article:author") if not _PROFILE_URL.match(v)]
    )


_PROFILE_URL = re.compile(r"\s*(?:https?:|www\.|/|[\w-]+\.[a-z]{2,}/)", re.I)


def _answer_author(pm: PageMeta) -> Any:
    """A question-and-answer column's writer: the author of the answer its JSON-LD accepts
    (``QAPage`` > ``Question`` > ``acceptedAnswer``), not the reader who asked."""
    if pm.article:
        return None
    for node in pm.jsonld:
        if "question" in _types(node) and isinstance(answer := node.get("acceptedAnswer"), dict):
            return answer.get("author")
    return None


def byline(
    tree: Any, wide: bool = False, beside_headline: bool = False, title: str | None = None
) -> list[str]:
    """The page's author elements (``rel=author``, ``itemprop=author``, common classes), at most four,
    else the first BEM element named author; else the first line of a ``byline`` element (the name
    over the reporter's desk: "Rina Kusumawati" / "Wartawan BBC News Indonesia").

    Rule "name and date": an author element that prints the time beside the name ("Fachri Audhia
    Hafiez • 13 Maret 2024 14:20") gives the name, the parts between bullets that hold no digit.
    ``beside_headline``: only the elements in the box of the headline (the page's structured
    author is its desk: an author class elsewhere may hold a photo's credit): the heading that
    prints the ``title`` (a blog's ``<h3 class="post-title">`` under the ``<h1>`` of its name), else
    the first ``<h1>``."""
    box = None
    if beside_headline:  # (a teaser's author element elsewhere hides none beside the headline)
        box = _headline_box(_title_heading(tree, title))
        els = [el for el in _DOM_AUTHOR(tree)[:4] if box is not None and _within(el, box)] \
            or [el for el in _BEM_AUTHOR(tree) if box is not None and _within(el, box)][:1]
    else:
        els = _DOM_AUTHOR(tree)[:4] or _BEM_AUTHOR(tree)[:1]
    # ("Editor : <a class=author>…</a>": a name under another role's label is no writer)
    found = [people.cut_role_after(_undated(" ".join(_undated_text(el).split()))) for el in els
             if not _OTHER_LABEL.search(_text_before(el))]  # (another role after a bar: its name cut)
    if found and not people.people(found):
        # rule "author links": a group whose whole text names no one ("Ditulis oleh <a>A</a> Ditinjau
        # secara medis oleh <a>dr. B</a> Diperbarui …") names its writers by their links to a writer's
        # page (/author/…; the medical reviewer's /reviewer/… is not one)
        found = [name for el in els for a in el.iter("a")
                 if _AUTHOR_HREF.search(a.get("href") or "") and (name := " ".join(a.text_content().split()))
                 ] or found
    if not found and not beside_headline:
        found = _posted_by(tree) or _by_element(tree)
    if not found:
        for el in (_BYLINE_WIDE if wide else _BYLINE)(tree)[:2]:
            if beside_headline and (box is None or not _within(el, box)):
                continue
            runs = [" ".join(t.split()) for t in el.itertext() if t.strip()]
            if runs and runs[0].endswith(":") and not _BY.fullmatch(runs[0]):
                continue  # a row of another label: "Label: <a>Kegiatan</a>" (a blog's byline row)
            first = next((r for r in runs if not _BY.fullmatch(r) and people.people([r])), None)
            if first:
                found.append(first)
    if not found and (wide or not beside_headline):
        # (on any page: an English outlet's "<span class=mtv-author>…</span>" by the headline too)
        found = _writer_beside_headline(tree, wide)
    if not found and not beside_headline:
        found = _writer_box(tree)
    return found


# Rule "writer's box": where nothing else names the writer, a column's or a study's box about its
# writer does: a box whose class names the writer ("tentang-penulis", "kotak-penulis", "author-card")
# opening with the name in bold or a heading ("<b>Rizal Lasantu, S.Pd., M.Si</b><br><small>Guru …",
# "<h5 class=card-title>Dewi Anggraeni Sitompul</h5>"), or the bold line over a note "*) Penulis
# adalah …" closing an opinion column. Readers' threads are no writer's box.
_WRITER_BOX = XPath(
    "/descendant::body/descendant::*[@class][contains(@class,'penulis') or contains(@class,'author')"
    " or contains(@class,'writer')][not(contains(@class,'comment'))][not(ancestor::a)]"
)
_WRITER_NOTE = XPath(
    "/descendant::body/descendant::text()[starts-with(normalize-space(.),'*) Penulis adalah')"
    " or starts-with(normalize-space(.),'*)Penulis adalah')"
    " or starts-with(normalize-space(.),'Penulis adalah')]"
)
_BOX_NAME_TAGS = ("b", "strong", "h3", "h4", "h5", "h6")
_CARD_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "ul", "table")
_BOX_LABEL = re.compile(r"(?i)\b(?:tentang|about|penulis|author|writer|biodata|profil)\b")
_BOX_TRIES = 6
_BOX_ELEMENTS = 40
_BOX_TEXT_MAX = 800  # characters: a box about the writer, not the page


def _writer_box(tree: Any) -> list[str]:
    thread_list: list[Any] | None = None
    for el in _WRITER_BOX(tree)[:_BOX_TRIES]:
        # (a box of a few elements: one around the story, its class "has-author", is no writer's box)
        if next(itertools.islice(el.iter(), _BOX_ELEMENTS, None), None) is not None \
                or len(el.text_content()) > _BOX_TEXT_MAX:
            continue
        for named in itertools.islice(el.iter(*_BOX_NAME_TAGS), 3):
            text = " ".join(named.text_content().split())
            if not text or _BOX_LABEL.search(text) or len(text) > _WRITER_LEN:
                continue
            if names := people.people([text]):
                if thread_list is None:
                    thread_list = comments.threads(tree)
                if any(t is el or t in el.iterancestors() for t in thread_list):
                    break  # (a reader's, in the thread below)
                return names[:1]
    for run in _WRITER_NOTE(tree)[:2]:
        # the bold name over the note: "<strong>Name</strong><br><em>*) Penulis adalah …</em>"
        owner = run.getparent()
        if owner is None or run.is_tail:
            continue
        line = owner if owner.getprevious() is not None else owner.getparent()
        prev = line.getprevious() if line is not None else None
        while prev is not None and prev.tag == "br":
            prev = prev.getprevious()
        if prev is not None and prev.tag in ("b", "strong"):
            text = " ".join(prev.text_content().split())
            if text and len(text) <= _WRITER_LEN and not _BOX_LABEL.search(text):
                return people.people([text])[:1]
    return []


# Rule "writer beside the headline": on a page that may be Indonesian, a short element by the
# <h1> whose class names its writer in the site's words ("writer", "penulis", "reporter",
# "nama-redaksi", "wartawan"), or that opens with a person icon ("fa-user", "bi-person",
# "icon-user"), holding one person's name and nothing else.
_WRITER_CLASS = re.compile(
    r"writer|author|penulis|panulis|reporter|wartawan|redaksi|jurnalis|kontributor", re.I
)
_PERSON_ICON = re.compile(r"(?:^|[\s_-])(?:user|person|author|profile)(?:$|[\s_-])", re.I)
_WRITER_LEN = 60  # characters: a name, not a bio
_A_LABEL = re.compile(r"^([^\W\d_]{2,20})\s?:\s+")


def headlines(tree: Any) -> list[Any]:
    """The page's ``<h1>``s; on a page with none (an older CMS's headline in an ``<h2>``, a
    Bootstrap card's in an ``<h3 class="card-title">``), the first ``<h2>`` or ``<h3>`` whose text
    opens the page's ``<title>`` or is its og:title, if any."""
    found = list(itertools.islice(tree.iter("h1"), _HEADLINES))
    if found:
        return found
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    titles = [" ".join((t or "").split()).casefold()
              for t in (root.findtext(".//title"), *root.xpath("//meta[@property='og:title']/@content")[:1])]
    named = None
    # (a <title> of a few words, the site's name and a section's, titles no story)
    site_only = all(len(t.split()) <= _SITE_TITLE_WORDS for t in titles)
    for h2 in itertools.islice(tree.iter("h2", "h3"), _HEADLINES):
        text = " ".join(h2.text_content().split()).casefold()
        # (opening the title, or closing it after the site's name: "Pemkab Lumajang - Bupati …")
        # (or inside it, after a label: a print view's "Cetak: Judul - Situs")
        if len(text) >= _HEADLINE_MIN and any(t.startswith(text) or _closes(t, text) or _after_label(t, text)
                                              for t in titles if t):
            return [h2]
        # ... else, under a <title> that is only the site's ("Kementerian Pertanian - Berita"), the
        # first heading whose class names a headline ("news-title", "judul-berita"), no teaser's link
        # (or, with no such class, the heading the story's prose opens under: a print view's
        # "<title>Cetak Berita - Analisa Daily</title>" over "<h2>Judul</h2>" then the story)
        if named is None and site_only and len(text) >= _HEADLINE_MIN and len(text.split()) >= 4 \
                and (_TITLE_CLASS.search(h2.get("class") or "") or _opens_prose(h2)) \
                and next(h2.iter("a"), None) is None \
                and next(h2.iterancestors("a", "li", "nav", "aside", "footer"), None) is None:
            named = h2
    if named is not None:
        return [named]
    return _plain_headline(tree, titles)


def _closes(title: str, text: str) -> bool:
    """Does ``text`` close ``title`` as its headline ("Pemkab Lumajang - Bupati …"), not as the
    site's name after a longer headline ("Jadwal Asesmen … :: SMA Negeri 5 Makassar")?"""
    return title.endswith(text) and len(text) >= len(title[: len(title) - len(text)].strip(" -|–—:»·•"))


_PROSE_WORDS = 20


def _opens_prose(heading: Any) -> bool:
    """Is the element after ``heading`` (after its wrapper's, two levels up at most) a paragraph
    of prose, or does it open with one?"""
    el, nxt = heading, None
    for _ in range(3):
        nxt = el.getnext()
        if nxt is not None or (el := el.getparent()) is None:
            break
    if nxt is None or not isinstance(nxt.tag, str):
        return False
    para = nxt if nxt.tag == "p" else \
        next((x for x in itertools.islice(nxt.iter(), 40) if x.tag == "p"), None)
    if para is None:
        return False
    words = 0
    for chunk in para.itertext():
        words += len(chunk.split())
        if words >= _PROSE_WORDS:
            return True
    return False


def _after_label(title: str, text: str) -> bool:
    """Does ``title`` open with a short label, then ``text`` (four words or more)?"""
    return len(text.split()) >= 4 and (m := _LABEL_THEN.match(title)) is not None \
        and title.startswith(text, m.end())


def _plain_headline(tree: Any, titles: list[str]) -> list[Any]:
    """On a page of no ``<h1>`` and no heading the title names (a table layout of the 2000s, its
    headline a ``<font size=4><b>``, a ``<td class=judul>``, a ``<div class=title>``), the first
    element whose whole text the ``<title>`` or og:title opens or closes with, outside links,
    lists and the page's frame, as long as a headline: the byline and the date printed beside it
    are read there too (a detikNews page of 2009 printed "Selasa, 14/07/2009 15:30 WIB" over its
    headline, and the time was lost)."""
    if not any(titles):
        return []
    seen = 0
    for el in tree.iter("b", "strong", "font", "span", "div", "td", "p", "h4", "big"):
        seen += 1
        if seen > _PLAIN_TRIES:
            break
        if len(el) > 2:  # (a headline holds its text, a <b> or a <font> at most)
            continue
        text = " ".join(el.text_content().split()).casefold()
        if len(text) < _HEADLINE_MIN or len(text.split()) < 3:
            continue
        if any(t == text or (t.startswith(text) or _closes(t, text)) for t in titles if t) \
                and next(el.iterancestors("a", "li", "nav", "title", "header", "footer"), None) is None:
            return [el]
    return []


_PLAIN_TRIES = 600  # elements looked at: the headline of an old layout comes before its story
_HEADLINES = 8
_TITLE_CLASS = re.compile(r"(?i)title|judul|headline")
_SECTION_WORDS = 3
_SITE_TITLE_WORDS = 5
_HEADLINE_MIN = 20  # characters: a headline, not a section's name


def _title_heading(tree: Any, title: str | None) -> Any:
    """The first ``<h1>``-``<h3>`` whose text is ``title``, else the first ``<h1>``."""
    want = " ".join((title or "").split()).casefold()
    if want:
        for h in itertools.islice(tree.iter("h1", "h2", "h3"), 3 * _HEADLINES):
            if " ".join(h.text_content().split()).casefold() == want:
                return h
    return next(tree.iter("h1"), None)


def _headline_box(h1: Any) -> Any:
    """The box of the headline ``h1``: its parent, or the first ancestor holding more than it
    when its parent only wraps it (``<div class="title-wrap"><div><h1>``: a wrapped theme's
    headline stands alone in two frames, its byline in the box around them)."""
    box = h1.getparent() if h1 is not None else None
    while (box is not None and len(box) == 1 and not (box.text or "").strip()
           and (up := box.getparent()) is not None and up.tag not in ("body", "html")):
        box = up
    return box


def _byline_region(h1: Any) -> Any:
    """The headline's own box and the one around it, where its byline row is (None: no headline)."""
    box = _headline_box(h1)
    if box is not None and box.getparent() is not None and box.getparent().tag not in ("body", "html"):
        box = box.getparent()
    return box


def _writer_beside_headline(tree: Any, wide: bool = True) -> list[str]:
    h1 = next(iter(headlines(tree)), None)
    if (box := _byline_region(h1)) is None:
        return []
    found = [e for e in _WRITER_CANDIDATES(box) if e is not box]  # (in C: most pages have none)
    # (the readers' threads below the story, found once, as comments.py finds them: by their words)
    thread_list = comments.threads(tree) if found else []
    for el in found[:_WRITER_TRIES]:
        cls = el.get("class") or ""
        icon = next((c for c in el if isinstance(c.tag, str)), None)  # (the XPath's *[1])
        by_icon = (icon is not None and not (el.text or "").strip()
                   and _PERSON_ICON.search(icon.get("class") or "") is not None)
        by_link = el.tag == "a" and _AUTHOR_HREF.search(el.get("href") or "") is not None
        if not (by_icon or by_link or (cls and _WRITER_CLASS.search(cls))):
            continue
        if any(t is el or t in el.iterancestors() for t in thread_list):
            continue  # ("<div class=comment-author>Mbah Sarjo</div>": a reader's, in the thread below)
        text = " ".join(el.text_content().split())
        if not text or len(text) > _WRITER_LEN:
            continue
        if sum(c is not el for c in itertools.islice(el.iter(*_CARD_BLOCKS), 4)) >= 2:
            continue  # a card of blocks, the name over the writer's post (rule "writer's box" reads it)
        if _OTHER_LABEL.search(_text_before(el)):
            continue  # "Editor : <a class=author>Indriyani Astuti</a>": a name under another role
        if (label := _A_LABEL.match(text)) is not None:  # ("Текст: Венера Ерофеева": a label of any language)
            word = label.group(1).lower()
            role = boilerplate.CREDIT_LABELS.get(word, boilerplate.NAMED_LABELS.get(word, "authors"))
            if role != "authors" or _OTHER_LABEL.search(label.group()):
                continue  # ("Editor: <a>Daniel Fajry</a>", "Red: Fernan Rahadi": another role's)
            text = text[label.end():]
        if _BULLETS.search(text):  # rule "name and date": "Kevi Laras, Jurnalis · Senin 30 November …"
            text = " · ".join(x for x in _BULLETS.split(text) if not any(c.isdigit() for c in x))
        named = people.people([text])
        bare = people.cut_role_after(_WRITER_LABEL.sub("", text))  # (label off; another role's after it)
        # (the name alone, or with the writer's own role after a comma: "Kevi Laras, Jurnalis")
        if len(named) == 1 and named[0].casefold() in (bare.casefold(), people.cut_desk(bare).casefold()):
            return named
        # two or three writers, every part of the element a name: "<a>Dwi Prasetyo</a>, <a>Ridho Aulia</a>"
        if 1 < len(named) <= 3 and len(named) == len(people.parts(_WRITER_LABEL.sub("", text))):
            return named
    if not wide:  # (the rules by words and shapes are read on a page that may be Indonesian)
        return []
    return _name_and_role(box) or _name_under_box(box, h1) or _name_beside_date(tree, h1) \
        or _name_dash_outlet(tree)


def _name_under_box(box: Any, h1: Any) -> list[str]:
    """Rule *name and role* in the row right under a box that holds the headline alone (an AMP
    page's ``<div class=title-amp><h1>`` with ``<div class=reporter-amp>Muhammad Fathur, Jurnalis ·
    Minggu 22 November 2026 …</div>`` after it, both children of ``<body>``): its next two elements."""
    if h1 is None or " ".join(box.text_content().split()) != " ".join(h1.text_content().split()):
        return []
    sib = box.getnext()
    for _ in range(2):
        while sib is not None and not isinstance(sib.tag, str):
            sib = sib.getnext()
        if sib is None:
            break
        if found := _name_and_role(sib):
            return found
        sib = sib.getnext()
    return []


# Rule "name and role": by the headline, a line that opens with a person's name and the reporter's
# role after a comma ("Dimas Aditya Nugraha , Jurnalis · Jum'at 07 November 2014 21:52 WIB"),
# whatever the element's class: the role says it is the writer's line.
_NAME_ROLE = re.compile(
    r"\s*(?P<name>(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}))\s*,\s*"
    r"(?:jurnalis|wartawan|reporter|kontributor|koresponden)(?:\s|$|[^\w\s])",
    re.I,
)
_ROLE_TRIES = 200  # elements looked at in the headline's box


def _name_and_role(box: Any) -> list[str]:
    for k, el in enumerate(box.iter(Element)):
        if k >= _ROLE_TRIES:
            break
        text = el.text or ""
        if len(el) and text.rstrip().endswith(",") and isinstance(el[0].tag, str):
            text += el[0].text or ""  # the role in an element of its own: "Arif Budiman, <b>Jurnalis</b>"
        if len(text) > _WRITER_LEN and len(parts := _BULLETS.split(text, maxsplit=1)) == 2 \
                and any(c.isdigit() for c in parts[1]):
            text = parts[0]  # (the date after a bullet: "Muhammad Fathur, Jurnalis · Minggu 22 …")
        if len(text) <= _WRITER_LEN and (m := _NAME_ROLE.match(text)) \
                and people.people([m["name"]]) == [m["name"]]:
            return [m["name"]]
    return []


# Rule "name, dash, outlet": the byline of a portal of the 2000s, "<b>Ramdhan Muhaimin</b> -
# detikNews", the writer's name in bold or a link and the outlet after a dash (detik, Okezone,
# VIVAnews, Kompas …: the press's brands, or a domain); the first such in the page's first elements.
_DASH_OUTLET = re.compile(r"^\s*[-–—|]\s*(?P<outlet>[\w.]+(?:\s[\w.]+)?)\s*$")
_DASH_TRIES = 400  # elements looked at: a byline comes before the story's end


def _name_dash_outlet(tree: Any) -> list[str]:
    for k, el in enumerate(tree.iter("b", "strong", "a", "span")):
        if k >= _DASH_TRIES:
            break
        m = _DASH_OUTLET.match(el.tail or "")
        if m is None or not (boilerplate._BRAND_CI.fullmatch(m.group("outlet"))
                             or boilerplate._DOMAIN_WORD.fullmatch(m.group("outlet"))):
            continue
        name = " ".join(el.text_content().split())
        if _row_name(name) and (el.getparent() is None or len(" ".join(el.getparent().text_content().split()))
                                <= len(name) + len(m.group()) + 2):
            return [name]  # (the name and the outlet alone in their element: a byline, not a sentence)
    return []


# Rule "name beside the date": the headline's byline row of inline parts side by side, a person's
# name alone in one and the publication date in another, a separator's part between them
# ("<span>Rizky Ananda</span><span>•</span><span>Jumat, 28 November 2025 | 09:47 WIB</span>"),
# whatever the classes (a utility-class theme names none; a redesign renames them). (Any part
# beside a date read a box's heading, a player's label or a table's row label as a writer.) A
# rubric or a region beside the date ("Kota Kediri • Jumat, …") reads as a name too: a name that a
# link of the page prints (a menu's section, a tag), or that the page's <title> holds (its site's
# name), is none.
_ROW_LEN = (15, 120)  # characters: a byline row, not a label nor a paragraph
_ROW_AFTER = 4  # siblings after the headline, and after its box, looked at
# a calendar date: "28 November 2025", "28 Nov 2025", "28/11/2025", "2025-11-28"
_ROW_DATE = re.compile(
    r"(?i)\b\d{1,2}\s+(?:jan|feb|peb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|nop|des|dec)[a-z]*\.?"
    r"\s+(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
)
_ROW_SEP = frozenset("•·|/-–—")
_ROW_TAGS = frozenset(("span", "a", "strong", "b", "em", "address", "cite", "small"))  # (inline: a name's)
_ROW_LINK = re.compile(r"(?i)author|penulis|reporter|wartawan|profil|kontributor|/u/|/user")
# words of a row's labels and widgets, never of a writer's name ("Tanggal Posting", "Putar Video")
_ROW_WORDS = re.compile(
    r"(?i)\b(?:tanggal|posting|diposting|video|putar|terkait|publikasi|berita|artikel|kategori|dibaca"
    r"|waktu|jam|pukul|update|diperbarui|terbit|sumber|foto|tag|share|bagikan|komentar|baca|lihat)\b"
)


def _name_beside_date(tree: Any, h1: Any) -> list[str]:
    if h1 is None:
        return []
    rows = []
    for el in (h1, h1.getparent()):
        sib = el.getnext() if el is not None else None
        for _ in range(_ROW_AFTER):
            if sib is None:
                break
            if isinstance(sib.tag, str):
                rows.append(sib)
                rows.extend(c for c in sib if isinstance(c.tag, str))  # (a row in a box of its own)
            sib = sib.getnext()
    title = " ".join((tree.getroottree().getroot().findtext(".//title") or "").split()).casefold()
    for row in rows:
        text = " ".join(row.text_content().split())
        if not _ROW_LEN[0] <= len(text) <= _ROW_LEN[1]:
            continue
        parts = [(c, " ".join(c.text_content().split())) for c in row if isinstance(c.tag, str)]
        parts = [(c, t) for c, t in parts if t]
        for i, (el, name) in enumerate(parts):
            if el.tag not in _ROW_TAGS or not _row_name(name):
                continue  # (a box's heading, a paragraph, a button: no byline's name)
            # the date past one separator's part ("•", "|") after the name, or before it
            near = [parts[k + d][1] for k, d in ((i - 2, 0), (i + 1, 1))
                    if 0 <= k < len(parts) - d and set(parts[k + (1 - d)][1]) <= _ROW_SEP]
            if not any(_ROW_DATE.search(t) for t in near):
                continue
            link = el if el.tag == "a" else next(el.iter("a"), None)
            if link is not None and not _ROW_LINK.search(link.get("href") or ""):
                continue  # a section's or a tag's link, not the writer's page
            key = name.casefold()
            if key in title or any(a is not link and " ".join(a.text_content().split()).casefold() == key
                                   for a in tree.iter("a")):
                continue
            return [name]
        if (name := _name_in_row_text(tree, row, text, title)) is not None:
            return [name]
    return []


_ROW_TEXT_PARTS = re.compile(r"\s+[•·|]\s+")
_PLACE_WORDS = re.compile(r"(?i)\b(?:kota|kabupaten|kab|provinsi|kecamatan|desa|pulau|jawa|sumatera|sumatra"
                          r"|kalimantan|sulawesi|papua|maluku|nusa|bali|aceh|riau|banten|utara|selatan|barat"
                          r"|timur|tengah|raya|edisi|halaman|rubrik)\b")


def _name_in_row_text(tree: Any, row: Any, text: str, title: str) -> str | None:
    """... or a row of text parted by separators, the date one part and a person's name another:
    "Sabtu, 28 November 2026 15:40 WAS (19:40 WIB) · Husni Anggoro", "Rabu, 25 Nov 2026 19:30 WIB ·
    <a href=/penulis/fikri>Fikri Ardiansyah</a> · Halaman 2 dari 2" (the separators the row's own
    text, no part of their own). The same guards: no name the page's <title> holds, none a link
    elsewhere prints, and a link the name is must lead to a writer's page."""
    pieces = _ROW_TEXT_PARTS.split(text)
    if not 2 <= len(pieces) <= 4 or not any(_ROW_DATE.search(p) for p in pieces):
        return None
    runs = [" ".join(t.split()) for t in row.itertext()]
    for k, piece in enumerate(pieces):
        if _ROW_DATE.search(piece) or not _row_name(piece) or (key := piece.casefold()) in title:
            continue
        if not any(piece in run for run in runs):
            continue  # (the texts of two parts run together, "GBLA" and a button's "Beli Sekarang")
        links = [a for a in tree.iter("a") if " ".join(a.text_content().split()).casefold() == key]
        if any(not _within(a, row) or not _ROW_LINK.search(a.get("href") or "") for a in links):
            continue
        # a name that is no writer's page's link: the row's last part, right after the date, and
        # no place (a town or a region beside the date, "Senin, 3 Maret 2025 · Kota Banjarmasin")
        if not links and (k != len(pieces) - 1 or not _ROW_DATE.search(pieces[k - 1])
                          or _PLACE_WORDS.search(piece) or boilerplate._ID_TOWN.search(piece)):
            continue
        return piece
    return None


def _row_name(text: str) -> bool:
    """Could a byline row's part be a writer's name alone: two to four words, no digit, no label's
    colon nor a label's or a widget's word, a person by :func:`people.people`?"""
    return (2 <= len(text.split()) <= 4 and not any(ch.isdigit() or ch == ":" for ch in text)
            and _ROW_WORDS.search(text) is None and people.people([text]) == [text])


_WRITER_TRIES = 6
# the writer's own label before the name: "Laporan oleh <b>Risky Pratama</b>", "Oleh: …"
_WRITER_LABEL = re.compile(
    r"(?i)^(?:oleh|by|ditulis(?: oleh| ku)?|laporan oleh|liputan oleh|reported by|written by|penulis|panulis"
    r"|panyerat|reporter|pewarta|wartawan)\s*:?\s+"
)
# the label of a role other than the writer's, just before a name
_OTHER_LABEL = re.compile(
    r"(?i)\b(?:editor|redaktur|penyunting|foto|fotografer|sumber|source|video|grafis|infografis"
    r"|penerjemah|translator|ilustrasi|illustrator|photos?)\s*:?\s*$"
)


def _text_before(el: Any) -> str:
    """The text just before ``el`` within its parent (the previous sibling's tail, or the parent's
    own text when ``el`` is its first child)."""
    prev = el.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = el.getparent()
    return (parent.text or "") if parent is not None else ""
# An element whose class names the writer, or whose first child is an icon whose class names a
# person (the icon found first, among the few classed elements, then its parent: half the time of
# testing every element's first child; the parent may be the box itself, which the caller skips).
_WRITER_CANDIDATES = XPath(
    "descendant::*[@class][" + " or ".join(f"contains(@class,'{w}')" for w in (
        "writer", "Writer", "author", "penulis", "Penulis", "reporter", "wartawan", "redaksi", "jurnalis",
        "kontributor")) + "] | descendant::*[@class][" + " or ".join(
        f"contains(@class,'{w}')" for w in ("user", "person", "author", "profile"))
    + "][not(preceding-sibling::*)][self::i or self::span or self::svg]/parent::*"
    # ... or a link to the writer's page ("<a href=/author/trio-hamdani>Trio Hamdani</a>" in a row
    # of hashed classes)
    " | descendant::a[contains(@href,'/author/') or contains(@href,'/penulis/')"
    " or contains(@href,'/reporter/') or contains(@href,'/wartawan/') or contains(@href,'/kontributor/')]"
)
_AUTHOR_HREF = re.compile(r"/(?:author|penulis|reporter|wartawan|kontributor)/[\w.-]+/?(?:$|[?#])", re.I)


_WITHIN_DEPTH = 12  # levels walked up from an element to its box


def _within(el: Any, box: Any) -> bool:
    for _ in range(_WITHIN_DEPTH):
        el = el.getparent()
        if el is None:
            return False
        if el is box:
            return True
    return False


_BYLINE_LIST_MAX = 120  # characters: a list of names, not an author's bio


def _byline_list(tree: Any, author: str, brands: list[str], title: str | None = None) -> list[str]:
    """Rule "first of the byline": the structured data names one author (``<meta name=author>``
    gives one value) and an author element in the headline's box names that person first among
    several ("Sahrul Alim, Nur Asmi - detikSulsel"), every part of it a name: the element's names,
    in its order. (The box's first :data:`_BOX_WALK` elements are read.)"""
    # (the box of the heading printing the page's title: a Joomla theme's <h2 class="itemTitle"> under
    # the <h1> of its logo, else the first <h1>)
    h1 = _title_heading(tree, title)
    box = h1.getparent() if h1 is not None else None
    if box is None:
        return []
    one: list[str] | None = None
    for n, el in enumerate(box.iter()):
        if n >= _BOX_WALK:
            break
        cls = el.get("class") if isinstance(el.tag, str) else None
        if not cls or "author" not in cls.lower():  # ("author", "itemAuthor", "post-Author")
            continue
        # (its parts' texts apart: "<span>Nama, S.H.</span><span>Si Pokrol</span>" is no list of two;
        # a degree after a name is no name of its own)
        text = people.DEGREE_IN.sub("", _undated(" ".join(" ".join(el.itertext()).split())))
        if len(text) > _BYLINE_LIST_MAX:
            continue
        if boilerplate.CREDIT_LINE.match(text):  # "Penulis : A | Editor : B": the labels tell who wrote
            text = ", ".join(name for fld, name in boilerplate.credit(text) if fld == "authors")
        if one is None:
            one = people.people([author], brands)
            if len(one) != 1:
                return []
        named = people.people([text], brands)
        if (len(named) > 1 and named[0].casefold() == one[0].casefold()
                and len(named) == len(people.parts(text))):  # (every part a name: no bio, no desk)
            return [text]
    return []


_BOX_WALK = 150  # elements of the headline's box read for its byline


_BYLINE = XPath(
    "/descendant::*/@class[contains(.,'byline')]"
    "/parent::*[contains(concat(' ',normalize-space(@class),' '),' byline ')]"
)
# (on a page that may be Indonesian, also a class token ending in "byline": "amp-byline", "post-byline")
_BYLINE_WIDE = XPath(
    "/descendant::*/@class[contains(.,'byline')]"
    "/parent::*[contains(concat(' ',normalize-space(@class),' '),' byline ')"
    " or contains(concat(normalize-space(@class),' '),'-byline ')"
    " or contains(concat(normalize-space(@class),' '),'_byline ')]"
)
# Rule "posted by": a blog theme's line "Diposting oleh Yulius Wenda pada 14 Maret 2024, 16:45 WIT"
# (Blogspot, WordPress themes), the name in a link or not.
# Rule "oleh line": the same with "Oleh" alone, in a byline box beside its date ("Oleh Budi Santoso
# - Senin, 8 Januari 2024 14:30 WIB", "Oleh: Rina Amalia | 2 jam lalu"), not in a paragraph.
_POSTED_TEXT = XPath(
    "/descendant::body/descendant::text()[contains(., 'oleh') or contains(., 'Oleh')"
    " or contains(., 'tulis ku') or contains(., 'dening') or contains(., 'Dening')"
    " or contains(., 'Posted by') or contains(., 'posted by') or contains(., 'Written by')"
    " or contains(., 'Words by') or contains(., 'Story by')]"
    "[string-length(normalize-space(.)) < 100]"
    "[not(ancestor::a)][not(ancestor::script)][not(ancestor::style)]"
)
_POSTED_BY = re.compile(
    # (Sundanese: "Ditulis ku Asep Gunawan • Diunggah dinten Kemis, …")
    r"^(?:(?:(?:diposting|ditulis|dipublikasikan|diunggah|dikirim)\s+)?oleh|ditulis ku"
    # (Javanese: "Dening: Sugeng Wiyono", "Kaserat dening Sri Widayati"; Blogger's English "Posted
    # by Arfan Lamasitudju" and "Written by")
    r"|(?:(?:kaserat|dipunserat|ditulis|dikirim|kaunggahake|kaaturake)\s+)?dening"
    r"|(?:posted|written|words|story)\s+by)\s*:?\s+"
    # (then its date or place: "pada …", a bar, "[Pasaman Barat] di 30 November 2026", "di Ambon",
    # Blogger's "at 8:15 PM", Javanese "ing …")
    r"(?P<name>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}))"
    r"(?=\s+(?:pada|di|at|on|ing|tanggal)\b|\s*[|,•·\[(@-]|\s*$)",  # (an old Blogger footer's "@ 16.40 WIT")
    re.I,
)


def _posted_by(tree: Any) -> list[str]:
    for run in _POSTED_TEXT(tree)[:8]:
        parent = run.getparent()
        if parent is None:
            continue
        if run.is_tail:  # (the run after an element: "<br>Oleh: <b>Name</b>")
            parent = parent.getparent()
            if parent is None:
                continue
        text = " ".join(parent.text_content().split())
        own = " ".join(run.split())
        at = text.find(own) if own else -1
        label = _BY_LABEL.search(own)
        if at >= 0 and label is not None:
            if label.start() and own[: label.start()].rstrip()[-1:] not in _ROW_SEPARATORS:
                at = -1  # (the word inside a sentence: "… dibangun oleh Pemerintah …")
            else:
                at += label.start()
        if at > 0 and parent.tag != "p" and (run.is_tail or text[:at].rstrip()[-1:] in _ROW_SEPARATORS):
            # (a row of the date, then the byline: "Selasa, 01 Desember 2026 - 09:15 WIB<br>Oleh: <b>…</b>",
            # "30/11/2026 · oleh <a>Windi Kurniawan</a> · Kategori: …": read from the byline's label)
            text = text[at:]
        if len(text) < 120 and (m := _POSTED_BY.match(text)):
            if parent.tag == "p" and text[:4].lower() in ("oleh", "deni"):
                continue  # "Oleh Presiden Jokowi, jembatan itu ...": a sentence, not a byline
            if _after_site_credit(run):
                continue
            return [m.group("name")]
    return []


# Rule "site credit": the footer's credit of the site's theme or maker names no writer ("Hak Cipta ©
# 2026 … Tema: <a>ColorMag</a> oleh ThemeGrill.", "Proudly powered by WordPress | Theme: <a>Newsup</a>
# by <a>Themeansar</a>"): a byline's "oleh"/"by" right after such a credit (within its last words)
_SITE_CREDIT = re.compile(
    r"(?:©|\(c\)|\bhak\s+cipta\b|\bcopyright\b|\b(?:tema|theme|template)\s*:|\bpowered\s+by\b"
    r"|\bdesign(?:ed)?\s+by\b)[^|•·]{0,120}$",
    re.I,
)
_PRECEDING_TEXT = XPath("(preceding::text())[position() > last() - 6]")


def _after_site_credit(run: Any) -> bool:
    """Is the text run (``oleh``, ``by``) the end of a site's credit (:data:`_SITE_CREDIT`)?"""
    owner = run.getparent()
    if owner is None:
        return False
    before = [str(t) for t in _PRECEDING_TEXT(owner)]
    if run.is_tail:  # (the run after an element: its own text comes before the run too)
        before.append(owner.text_content())
    return _SITE_CREDIT.search(" ".join(" ".join(before).split())[-240:]) is not None


_ROW_SEPARATORS = frozenset("·|•-–—/")

# Rule "by, then the name's element": the English byline in the headline's box, the word "By" alone
# before the element that holds the writer's name ("By <b>Made Arya Kencana</b>", "<span>by <a>Aurelia
# Kristanti</a></span>", "By <span class=ibp-author>Gerald Mahendra</span> · 30.11.2026"), one to three
# names ("By <a>A</a> and <a>B</a>"); the first such (a reader's "by" in a thread below comes later).
_BY_TEXT = XPath(
    "descendant::text()[string-length(.) < 16][contains(.,'By') or contains(.,'by')"
    " or contains(.,'BY')][not(ancestor::a)][not(ancestor::script)][not(ancestor::style)]"
)
_BY_NAME_TAGS = frozenset(("a", "b", "strong", "span", "em", "i", "u"))
_BY_JOINS = frozenset(("", ",", "and", "&", "dan"))
_BY_TRIES = 3


def _by_element(tree: Any) -> list[str]:
    if (region := _byline_region(next(iter(headlines(tree)), None))) is None:
        return []
    for run in [r for r in _BY_TEXT(region) if r.strip() in ("By", "by", "BY")][:_BY_TRIES]:
        owner = run.getparent()
        if owner is None:
            continue
        el = owner.getnext() if run.is_tail else (owner[0] if len(owner) else None)
        names: list[str] = []
        while el is not None and isinstance(el.tag, str) and el.tag in _BY_NAME_TAGS and len(names) < 3:
            text = " ".join(el.text_content().split())
            if len(text) > _WRITER_LEN or people.people([text]) != [text]:
                break
            names.append(text)
            if " ".join((el.tail or "").split()).lower() not in _BY_JOINS:
                break
            el = el.getnext()
        if names and not _after_site_credit(run):
            return names
    return []


_BY_LABEL = re.compile(r"(?i)\b(?:(?:diposting|ditulis|dipublikasikan|diunggah|dikirim|kaserat)\s+)?"
                       r"(?:oleh|dening|posted by|written by|words by|story by)\b")
_BY = re.compile(  # a label alone ("Posted by <span class=fn>…</span>": Blogger's byline)
    r"(?:(?:posted|written|published|reported|diposting|ditulis|dipublikasikan|diunggah|dikirim|laporan"
    r"|liputan|story|words|text)\s+)?"
    r"(?:oleh|by|ku)\W*|(?:penulis|panulis|reporter|pewarta|editor)\W*",
    re.I,
)
_BULLETS = re.compile(r"\s+[•·]\s+")


# ... or an element of its own inside the author element, after the name with no bullet
# ("<div class=author><span>Ikhsan Fauzi</span> <span class=date>Sabtu, 28 Nov 2026 19:20</span>"):
# an element whose class is named "date" is not part of the name (a <time> there is kept: a
# held-back page lost a field when it was cut too)
_DATE_CHILD = XPath(
    "descendant::*[contains(concat(' ',normalize-space(@class),' '),' date ')"
    " or contains(concat(' ',normalize-space(@class),' '),' tanggal ')]"
)


def _undated_text(el: Any) -> str:
    """``el``'s text without the text of the date elements inside it (see :data:`_DATE_CHILD`)."""
    text = el.text_content()
    for date in _DATE_CHILD(el):
        if (part := date.text_content()).strip():
            text = text.replace(part, " ", 1)
    return text


def _undated(text: str) -> str:
    if "•" not in text and "·" not in text:
        return text
    return " ".join(p for p in _BULLETS.split(text) if not any(c.isdigit() for c in p))


# Credit lines wherever the page prints them: a site's credit box below or above the story, out of
# the body the extraction reads ("Redaktur : Ragil", "Editor: Dhimas Ginanjar<br>Reporter: Folly
# Akbar", "Rep: Zulkifli Anwar/ Red: Nurul Hikmah"). Short text runs holding a colon, outside links.
_CREDIT_TEXT = XPath(
    "/descendant::body/descendant::text()[contains(., ':')][string-length(normalize-space(.)) < 160]"
    "[not(ancestor::a)][not(ancestor::script)][not(ancestor::style)][not(ancestor::textarea)]"
)
_CREDIT_MAX = 6  # credit lines read: a story's box holds two or three
_CLOCK_THEN = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?\s+(?=[A-Z])")


# Indonesian ("in": the code before 1989, still in some CMSs) and the regional languages a news
# site's sections are written in, with the same credit lines: Javanese, Sundanese, Balinese,
# Madurese, Minangkabau, Buginese, Acehnese, Banjar, Sasak
# a regional language's code as a page declares it -> its ISO 639-1 code where there is one, else its
# ISO 639-3 code (kliping.cli.export knows the same seven)
_REGIONAL = {"jv": "jv", "jav": "jv", "su": "su", "sun": "su", "ban": "ban", "mad": "mad", "min": "min",
             "bug": "bug", "ace": "ace", "bjn": "bjn", "sas": "sas"}  # fmt: skip
_OUR_LANGS = frozenset(("id", "in", "ind", *_REGIONAL))
_SUBTAG = re.compile(r"[-_]")


def declared_language(tree: Any, pm: PageMeta) -> str | None:
    """The language the page declares (``<html lang>``, ``og:locale``, ``content-language``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    return root.get("lang") or pm.get("og:locale", "content-language", "language") or None


def may_be_indonesian(tree: Any, pm: PageMeta) -> bool:
    """The page declares Indonesian, or no language at all (``<html lang>``, ``og:locale``,
    ``content-language``, JSON-LD ``inLanguage``): the Indonesian credit lines are looked for
    (~0.4 ms a page, a walk of every text run) only there."""
    declared = declared_language(tree, pm) or text_of(pm.ld("inLanguage"))
    return not declared or _SUBTAG.split(declared.strip().lower(), maxsplit=1)[0] in _OUR_LANGS


# Rule "Indonesian clock": a page whose structured time of publication is stated at +07:00, +08:00 or
# +09:00 (WIB, WITA, WIT) comes from an Indonesian newsroom even when it declares English (an
# English edition: "Reporter: … / Editor: …" boxes like its Indonesian pages')
_ID_OFFSET = re.compile(r"[+]0?[789]:?00\s*$")


# ... or whose byline beside the headline prints the time in one of Indonesia's zones ("Wednesday,
# November 19, 2025 | 15:20 WIB" on an English edition with no structured time)
_ZONED_CLOCK = re.compile(r"\d[:.]\d{2}\s?(?:WIB|WITA|WIT|Wib|Wita|Wit|wib|wita|wit)\b")
_TEXT = XPath("string()")


def _indonesian_byline(tree: Any) -> bool:
    h1 = next(iter(headlines(tree)), None)
    box = h1.getparent() if h1 is not None else None
    if box is not None and box.getparent() is not None and box.getparent().tag not in ("body", "html"):
        box = box.getparent()
    return box is not None and _ZONED_CLOCK.search(_TEXT(box)[:5000]) is not None


def _indonesian_host(url: str | None) -> bool:
    return (urlsplit(url or "").hostname or "").lower().endswith(".id")


def _indonesian_clock(pm: PageMeta) -> bool:
    stated = text_of(pm.ld("datePublished")) or pm.get("article:published_time", "datepublished")
    return bool(stated) and _ID_OFFSET.search(stated) is not None


def foreign_page(tree: Any, pm: PageMeta, url: str | None) -> bool:
    """Rule "a foreign page's own clock": a page that declares a language other than Indonesian,
    states no Indonesian zone in its structured time and is not on an ``.id`` host comes from a
    newsroom abroad: the calendar date it prints is its own zone's, not Jakarta's."""
    return not (may_be_indonesian(tree, pm) or _indonesian_clock(pm) or _indonesian_host(url))


def _label_with_name(run: Any, label: str) -> str:
    """A label run ("Editor:") read with the name its element, or the element around a label
    element of its own (``<span>Editor:</span> <a>Petir Garda</a>``), prints after it; a ``<br>``
    in it parts its lines ("Editor: <b>Adi Nugroho</b><br>15 Maret 2024": "… | 15 Maret 2024")."""
    if run.is_tail:  # (a run after an element: "…WIT<br>Reporter : <b>A</b>")
        return _inline_after(run)
    el, inner = run.getparent(), None
    for _ in range(2):
        if el is None:
            break
        whole = _lines_of(el)
        if len(whole) >= 160:
            # rule "unclosed row": the element runs on (its closing tag forgotten, the next row and
            # the story inside it: "<div class=reporter>Reporter: <b>A</b><div class=editor>…"): the
            # label is read with the inline elements after it, to the first block or <br>
            return _inline_after(run) if inner is None else _inline_after(None, inner, label)
        if whole != label:
            return whole
        inner, el = el, el.getparent()
    return label


def _inline_after(run: Any, el: Any = None, label: str = "") -> str:
    """``run`` (a text run; or ``label``, the text of element ``el``) with the text of the inline
    elements after it, to the first block element or ``<br>`` (whitespace folded, 160 characters
    at most)."""
    if run is not None:
        label, owner = str(run), run.getparent()
        nxt = owner.getnext() if run.is_tail else (owner[0] if len(owner) else None)
    else:
        label, nxt = f"{label} {el.tail or ''}", el.getnext()
    pieces = [label]
    size = len(label)
    while nxt is not None and size < 160:
        if isinstance(nxt.tag, str):
            if nxt.tag not in boilerplate.INLINE_TAGS:
                break
            text = nxt.text_content()
            pieces.append(text)
            size += len(text)
        pieces.append(nxt.tail or "")
        size += len(nxt.tail or "")
        nxt = nxt.getnext()
    return " ".join("".join(pieces).split())[:160]


_LINES_MAX = 400  # characters read of an element's text: a credit box is short


def _lines_of(el: Any) -> str:
    """``el``'s text, whitespace folded, each ``<br>`` read as " | " (its text runs in document
    order, as ``text_content()`` gives them, comments left out); read to :data:`_LINES_MAX`."""
    out: list[str] = []
    size = 0
    for event, node in iterwalk(el, events=("start", "end")):
        if event == "start":
            piece = " | " if node.tag == "br" else node.text if isinstance(node.tag, str) else None
        else:
            piece = node.tail if node is not el else None
        if piece:
            out.append(piece)
            size += len(piece)
            if size > _LINES_MAX:
                break
    return " ".join("".join(out).split()).strip(" |")


def credit_lines(tree: Any) -> tuple[list[str], list[str]]:
    """(authors, editors) the page's credit lines name, outside the body as well as in it.

    A run that is only its label ("Penulis: " before a linked name) is read with the rest of its
    element when that is short. The pipeline uses these only where the structured data names
    nobody (authors: before the DOM's author elements; editors: after the metadata's).
    """
    authors: list[str] = []
    editors: list[str] = []
    seen = 0
    for run in _CREDIT_TEXT(tree):
        # (a run opened by the separator after the credit before it: "<span>Rep: A </span><span>/
        # Red: B</span>")
        line = " ".join(str(run).split()).lstrip("/|·•,;–- ")
        if line.endswith(":"):
            line = _label_with_name(run, line)
        line = boilerplate.both_roles(line)
        if not boilerplate.CREDIT_LINE.match(line):
            # a meta row's parts: "Senin, 10 Nov 2025 11:27 WIB • Reporter : A • Editor : B"
            parts = boilerplate.ROW_PARTS.split(line)
            k = next((i for i, p in enumerate(parts) if i and boilerplate.CREDIT_LINE.match(p)), None)
            if k is not None:
                line = " • ".join(parts[k:])
            # ... or the credit straight after the row's clock, spaces between: "Diterbitkan: Jumat,
            # 27 November 2026 | 16:30 WITA&nbsp;&nbsp; Kontributor: Lalu Ahmad Fauzan"
            elif (m := _CLOCK_THEN.search(line)) is not None \
                    and boilerplate.CREDIT_LINE.match(rest := line[m.end():]):
                line = rest
            else:
                continue
        for fld, name in boilerplate.credit(line):
            if fld == "authors":
                authors.append(name)
            elif fld == "editors":
                editors.append(name)
        seen += 1
        if seen >= _CREDIT_MAX:
            break
    if not authors and not editors:
        for fld, name in _label_elements(tree) or _label_texts(tree) or _bare_label_lines(tree):
            (authors if fld == "authors" else editors).append(name)
    if not editors:
        editors = _edited_by(tree)
    return authors, editors


# An editor's credit with no colon, in a text run of its own: "<span class=editor>Edited by Herman
# Sasongko</span>" (an English portal's byline row), "Disunting oleh Rina Amalia"
_EDITED_BY_TEXT = XPath(
    "/descendant::body/descendant::text()[starts-with(normalize-space(.), 'Edited by ')"
    " or starts-with(normalize-space(.), 'Disunting oleh ')][string-length(normalize-space(.)) < 80]"
    "[not(ancestor::a)][not(ancestor::script)]"
)
_EDITED_BY = re.compile(
    r"^(?:Edited by|Disunting oleh)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})\.?$"
)


def _edited_by(tree: Any) -> list[str]:
    for run in itertools.islice(_EDITED_BY_TEXT(tree), 3):
        if (m := _EDITED_BY.match(" ".join(str(run).split()))) is not None \
                and people.people([m["name"]]) == [m["name"]]:
            return [m["name"]]
    return []


# Rule "bare label line": a meta row's line by the headline of a label, no colon, then a name of
# two words or more ("Penulis Skenario" is a film's credit), parted by <br>s
# from the row's other lines ("<div class=m-meta>Reporter Ira Yunita<br>Editor Agus Sulistyo
# Prasetyo</div>", a print edition's byline box)
# (the words looked for in C, where they may be; the line's opening with one is the regex's)
_BARE_LABELS = (
    "Reporter", "Penulis", "Editor", "Pewarta", "Redaktur", "Penyunting", "Wartawan", "Kontributor",
)
_BARE_LABEL_TEXT = XPath(
    "descendant::text()[string-length(.) < 96][" + " or ".join(f"contains(.,'{w} ')" for w in _BARE_LABELS)
    + "][not(ancestor::a)][not(ancestor::script)]"
)
_BARE_LABEL_LINE = re.compile(rf"\s*(?P<label>{'|'.join(_BARE_LABELS)})\s+(?P<name>{boilerplate._A_NAME})\s*")


def _bare_label_lines(tree: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    tried = 0
    if (region := _byline_region(next(iter(headlines(tree)), None))) is None:
        return out
    for run in _BARE_LABEL_TEXT(region):
        m = _BARE_LABEL_LINE.fullmatch(str(run))
        if m is None:
            continue
        tried += 1
        if tried > _CREDIT_MAX:
            break
        owner = run.getparent()
        if owner is None:
            continue
        # the line whole: opened by its element or a <br>, closed by a <br> or its element's end
        nxt = owner.getnext() if run.is_tail else (owner[0] if len(owner) else None)
        opened = not run.is_tail or owner.tag == "br"
        if not opened or not (nxt is None or nxt.tag == "br"):
            continue
        if " " not in m["name"] or people.people([m["name"]]) != [m["name"]]:
            continue
        fld = boilerplate.CREDIT_LABELS.get(m["label"].lower())
        if fld in ("authors", "editors"):
            out.append((fld, m["name"]))
    return out


# ... or the label as bare text before the name's link, no colon: "Penulis <a>Ari Wibowo</a> | Editor
# <a>Dita Angga Rusiana</a>" (Kompas' credit row), "<div>Editor <a>Firzie A. Idris</a></div>"
_LABEL_LINKS = 600  # links looked at: a byline comes before the page's long lists


def _label_texts(tree: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for k, a in enumerate(tree.iter("a")):
        if k >= _LABEL_LINKS or len(out) >= _CREDIT_MAX:
            break
        prev, up = a.getprevious(), a.getparent()
        before = prev.tail if prev is not None else (up.text if up is not None else None)
        if not before or len(before) > 24:
            continue
        fld = boilerplate.CREDIT_LABELS.get(" ".join(before.strip(" \t\n\xa0|•·").split()).lower(), "")
        if fld not in ("authors", "editors"):
            continue
        name = " ".join(a.text_content().split())
        if len(name) <= _LABEL_NAME_MAX and people.people([name]) == [name]:
            out.append((fld, name))
    return out


# Rule "label element": a credit's label in an element of its own, no colon, the name in the next
# element ("<span class=font-semibold>Reporter</span> <a>Fikri Maulana</a>", a table's "<td><b>Reporter
# </b></td><td>: Alberto Yewen</td>"): the name is read with its label. Only an element holding the
# label alone, its name one person's (people()), short.
_LABEL_EL = XPath(
    "/descendant::body/descendant::*[not(*)][string-length(normalize-space(.)) < 40]"
    "[string-length(normalize-space(.)) < 12 and"
    " contains(' penulis reporter pewarta wartawan editor redaktur penyunting kontributor ', concat(' ',"
    " translate(normalize-space(.), 'ABCDEFGHIJKLMNOPRSTUVWYZ', 'abcdefghijklmnoprstuvwyz'), ' '))"
    # ... or the contributor's label with the town they report from: "<h6>Kontributor Pontianak</h6>"
    " or starts-with(normalize-space(.), 'Kontributor ') or starts-with(normalize-space(.), 'KONTRIBUTOR ')]"
)
# (the town after the label: one to three capitalised words)
_LABEL_TOWN = re.compile(r"^((?i:kontributor))\s+(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}|[A-Z .-]{3,30})$")
_LABEL_NAME_MAX = 60  # characters of a name (twice that for a list of them): not a line of prose
_LABEL_CLIMB = 3  # elements up from the label to the one whose next sibling holds the name


def _label_elements(tree: Any) -> list[tuple[str, str]]:
    """[(field, name)] by rule "label element"."""
    out: list[tuple[str, str]] = []
    for el in _LABEL_EL(tree)[:_CREDIT_MAX]:
        label = " ".join(el.text_content().split())
        if (town := _LABEL_TOWN.match(label)) is not None:
            label = town.group(1)
        fld = boilerplate.CREDIT_LABELS.get(label.lower())
        if fld is None:
            continue
        node, text = el, ""
        for _ in range(_LABEL_CLIMB):
            text = (node.tail or "").strip(" \t\n\xa0:|")
            if text or node.getnext() is not None:
                break
            node = node.getparent()
            if node is None:
                break
        if not text and node is not None and (nxt := node.getnext()) is not None:
            # (a list of names, each in an element of its own: "<div>Ana Sabrina Putri</div><div>Yosafat
            # Laka</div>" is two names, not one glued)
            items = [" ".join(x.text_content().split()) for x in nxt if isinstance(x.tag, str)]
            if len(items) >= 2 and not (nxt.text or "").strip() and len({x.tag for x in nxt}) == 1:
                text = ", ".join(items)
            else:
                text = " ".join(nxt.text_content().split()).lstrip(": ")
        if text and len(text) <= _LABEL_NAME_MAX * 2 and (names := people.people([text])):
            out += [(fld, name) for name in names[:4]]
    return out


def editors(tree: Any, pm: PageMeta, xpath: str | None) -> list[str]:
    return (
        xpath_strings(tree, xpath)
        or _ld_names(pm.ld("editor"), pm.jsonld)
        or pm.all("content_editor", "editor")
        # a CMS's own prefix on the name: "dtk:editor", "article:editor", "cms.editor"
        or pm.all(*sorted(n for n in pm.meta if n.endswith((":editor", "_editor", ".editor"))))
    )


def section(tree: Any, pm: PageMeta, xpath: str | None) -> str | None:
    return (
        (xpath_strings(tree, xpath) or [None])[0]
        or text_of(pm.ld("articleSection"))
        or pm.get("article:section", "content_category", "dtk:kanal", "section")
    )


def tags(tree: Any, pm: PageMeta, xpath: str | None) -> list[str]:
    """Distinct, in page order."""
    found = xpath_strings(tree, xpath) or pm.all("article:tag") or _keywords(pm)
    return list(dict.fromkeys(t.strip() for t in found if t and t.strip()))


def _keywords(pm: PageMeta) -> list[str]:
    """JSON-LD ``keywords`` (a list, or one comma-separated string), else the ``<meta>`` keywords."""
    kw = pm.ld("keywords")
    # each as text_of reads it: a null was the tag "None", an object its Python repr ("{'a': 2}")
    listed = ([t for k in kw if (t := text_of(k))] if isinstance(kw, list)
              else (text_of(kw) or "").split(",") if kw else [])
    return listed or ",".join(pm.all("news_keywords", "keywords", "content_tag")).split(",")


def image(pm: PageMeta, base: str) -> str | None:
    found = pm.get("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    found = found or text_of(pm.ld("image"))
    return join_url(base, found) if found else None


def description(pm: PageMeta) -> str | None:
    found = pm.get("og:description", "description", "twitter:description")
    found = found or text_of(pm.ld("description"))
    return " ".join(found.split()) if found else None


@dataclass
class Metadata:
    """Every field read from the page before its body is extracted."""

    page: PageMeta  # the structured data itself: the dates are read from it too
    site_names: list[str]  # what the site calls itself: stripped from titles, never a person
    title: str | None
    canonical_url: str
    authors: list[str]
    editors: list[str]
    byline: list[str]  # the DOM's author elements: only when no other author source gave one
    section: str | None
    tags: list[str]
    image_url: str | None
    description: str | None


def extract(
    tree: Any, layout: Layout, base: str, site_names: list[str], domains: tuple[str, ...] = ()
) -> Metadata:
    """Every metadata field of the page. ``layout``: a :class:`~kliping.sites.base.Layout` (its XPaths
    first); ``base``: the page's final URL; ``site_names``: the site's names known before reading
    the page (its ``og:site_name`` is added); ``domains``: the site's declared domains."""
    pm = read(tree)
    if not layout.title_xpath and _another_story(tree, pm, base):
        pm.article = {}  # (its author and dates are another story's too)
    names = site_names + [n for n in (pm.get("og:site_name"),) if n]
    found_authors = authors(tree, pm, layout.author_xpath)
    found_editors = editors(tree, pm, layout.editor_xpath)
    # Rule "desk as author": a structured author that names no person ("Redaksi Kaltim Post", a
    # brand) leaves the page's credit lines to name the reporter ("Reporter: Aditya Nugraha")
    desk = bool(found_authors) and not people.people(found_authors, names)
    if desk:
        found_authors = []
    headline = title(tree, pm, layout.title_xpath, names)
    if not desk and len(found_authors) == 1:
        found_authors = _byline_list(tree, found_authors[0], names, headline) or found_authors
    credited: tuple[list[str], list[str]] = ([], [])
    ours = may_be_indonesian(tree, pm)
    # (an Indonesian site's page in a regional language, Javanese, Sundanese: its clock or byline
    # tells; its bylines are read as an Indonesian page's)
    # ... or a page of an Indonesian host (".id"): an English edition's "Author: …" boxes are its own
    local = not (found_authors and found_editors) and (
        ours or _indonesian_clock(pm) or _indonesian_byline(tree) or _indonesian_host(base))
    if local:
        credited = credit_lines(tree)
    return Metadata(
        page=pm,
        site_names=names,
        title=headline,
        canonical_url=canonical_url(pm, base, domains),
        authors=found_authors,
        editors=found_editors or credited[1],
        # (a desk as the structured author: the credit lines, else the author elements beside the
        # headline)
        byline=[] if found_authors else (
            credited[0] or byline(tree, local, beside_headline=desk, title=headline)),
        section=section(tree, pm, layout.section_xpath),
        tags=tags(tree, pm, layout.tags_xpath),
        image_url=image(pm, base),
        description=description(pm),
    )


# --- language ---------------------------------------------------------------------------------------

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
    # most text: its words lower-cased by a byte table (fingerprint.lower_words), in one C pass
    words = fingerprint.lower_words(text)
    if words is None:
        words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 30:
        return None
    ids = sum(map(_ID_WORDS.__contains__, words)) / len(words)
    ens = sum(map(_EN_WORDS.__contains__, words)) / len(words)
    if ids >= 0.10 and ens < 0.02:
        return "id"
    if ens >= 0.10 and ids < 0.02:
        return "en"
    return None


# Rule "regional language by its function words": py3langid knows Javanese and Sundanese (poorly
# apart) and not Minangkabau or Balinese, whose pages it reads as Malay or Javanese. Words each
# language uses in every paragraph and Indonesian does not: a text not plainly Indonesian whose
# words are one of these lists' far more than the others' is in that language.
_REGIONAL_WORDS = {
    "jv": frozenset("ing lan sing iku kang ora wis marang karo saka kanggo kabeh dadi bakal isih mung "
                    "kuwi iki amarga dening menawa yaiku supaya uga".split()),
    "su": frozenset("nu teh jeung anu ti ku henteu geus oge bari ieu eta kana dina pikeun sarta teu wae "
                    "kitu sanggeus ceuk".split()),
    "min": frozenset("nan indak alah untuak jo dek ko urang baliau pado ado kato bakato iyo awak kito "
                     "hanyo kapado karano samo alun pulo lai sabab".split()),
    "ban": frozenset("sane ring punika titiang ipun taler sampun wenten nenten miwah antuk krama jagi "
                     "sami mangda saha rauh utawi ngiring sakadi inggih".split()),
}  # fmt: skip
_REGIONAL_SHARE = 0.06  # of the words, the best list's at least
_REGIONAL_LEAD = 2.0  # times the next list's


def _regional(text: str) -> str | None:
    words = fingerprint.lower_words(text)
    if words is None:
        words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 30:
        return None
    hits = sorted(((sum(map(ws.__contains__, words)), lang) for lang, ws in _REGIONAL_WORDS.items()),
                  reverse=True)
    (best, lang), (second, _other) = hits[0], hits[1]
    ids = sum(map(_ID_WORDS.__contains__, words))
    if best >= _REGIONAL_SHARE * len(words) and best >= _REGIONAL_LEAD * second and best > ids:
        return lang
    return None


def language(text: str, declared: str | None = None) -> str | None:
    """The text's ISO 639-1 code, or None for an empty text. ``declared``: the page's own word on
    it (``<html lang>``), taken when it names one of Indonesia's regional languages and the text
    is neither plainly Indonesian nor English (a Sundanese page read as Javanese: the two are
    close, and the model's guess between them is poorer than the page's)."""
    if not text.strip():
        return None
    regional = _SUBTAG.split(declared.strip().lower(), maxsplit=1)[0] if declared else None
    if regional in _REGIONAL and _plainly(text[:1500]) is None:
        return _REGIONAL[regional]
    plain = _plainly(text[:1500])
    if plain is not None:  # agreed with py3langid on all 272 such bench pages, 0 disagreements
        return plain
    if (found := _regional(text[:1500])) is not None:
        return found
    # The opening ~250 words decide it (same answers as 3,000 characters on the bench pages, at
    # half the cost: langid's feature counting is linear in the length).
    lang, _score = langmodel.identifier().classify(text[:1500])
    # langid's Malay and Indonesian models overlap; on news text "ms" is almost always Indonesian.
    return "id" if lang == "ms" else lang
