"""Site definitions: what a news site is to kliping, as plain data.

A site is configuration, not code: where its articles are listed (typed sources), which URLs are
articles, how multi-page articles are joined, its time zone, and dated layout versions holding the
few selectors / prune rules the generic cleaner needs for it. Pure data (no Scrapy import), so the
cleaning stage and ``kliping reclean`` can use it without a crawler.
"""

from __future__ import annotations

import logging
import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

from kliping.dates.vocab import ZONE_OFFSETS

log = logging.getLogger(__name__)

SourceKind = Literal["news_sitemap", "sitemap", "feed", "date_index"]
SOURCE_KINDS: tuple[str, ...] = ("news_sitemap", "sitemap", "feed", "date_index")
FRESH_KINDS = frozenset({"news_sitemap", "feed"})
BACKFILL_KINDS = frozenset({"sitemap", "date_index"})
ZONES = ZONE_OFFSETS  # the one zone table (kliping.dates.vocab): name -> hours east of UTC
PAGINATION_RULES = ("single=1", "page=all", "next_link")
# The last segment of an article's URL path on a site kliping has no rules for: a slug of three
# words or more, or an id of four digits or more (``.html``/``.php`` allowed). The generic site's
# article pattern and the cleaner's test of a teaser card's link (``clean.body``) both read it.
# The digits branch is an atomic group: as ``[\w-]*\d{4,}[\w-]*`` it had O(n^3) ways to fail on a
# long run of digits ("/" + "1" * 2000 + "!" took 53 s, in the crawl's reactor thread); what may
# follow a segment (".", "/", "?", the end) is no [\w-] character, so the first way the group
# matches is the only one that can lead to a match, and no match is lost.
ARTICLE_SEGMENT = r"(?:[a-z0-9]+(?:-[a-z0-9]+){2,}|(?>[\w-]*\d{4,}[\w-]*))(?:\.html?|\.php)?|\d{4,}/[\w-]+"


# A site's URL regexes (article_pattern, skip_patterns, url_time) meet every link a hostile page
# gives, in the crawl's reactor thread: each match is bounded. A URL longer than Scrapy requests
# (its URLLENGTH_LIMIT default) is no article; a match past MATCH_SECONDS is no match (the regex
# package, re-compatible, stops it; the re module cannot be stopped).
URL_MAX_LENGTH = 2083
MATCH_SECONDS = 0.05


class UrlPattern:
    """A site's regex searched in URLs, in bounded time: ``search`` is None for a URL over
    :data:`URL_MAX_LENGTH` and for a search past :data:`MATCH_SECONDS` (one WARNING per pattern,
    naming the site and the field). ``where`` is "site 'key': field 'name'"."""

    def __init__(self, pattern: str, where: str) -> None:
        import regex

        self.pattern = pattern
        self.where = where
        self._re = regex.compile(pattern, regex.VERSION0)
        self.groupindex = dict(self._re.groupindex)
        self.timeouts = 0
        self._slow: set[str] = set()  # URLs it timed out on (a link is tested more than once)

    def search(self, url: str) -> Any:
        if len(url) > URL_MAX_LENGTH or (self._slow and url in self._slow):
            return None
        try:
            return self._re.search(url, timeout=MATCH_SECONDS)
        except TimeoutError:
            self.timeouts += 1
            if len(self._slow) < 10_000:
                self._slow.add(url)
            if self.timeouts == 1:
                log.warning("%s: matching took more than %g s on %s (counted as no match; a "
                            "pattern that backtracks, later timeouts of it are not logged)",
                            self.where, MATCH_SECONDS, ascii(url[:200]))
            return None

    def __repr__(self) -> str:
        return f"UrlPattern({self.pattern!r})"


def _skip_patterns(patterns: tuple[str, ...], where: str) -> tuple[UrlPattern, ...]:
    """The skip patterns as few bounded searches: one alternation of them all when none has a
    flag, a group name or a back reference (each bounded search costs ~3 us a URL, most of it the
    time limit's)."""
    plain = all(
        not (c := re.compile(p)).groupindex and c.flags == re.UNICODE and "(?" not in p.replace("(?:", "")
        and not re.search(r"\\\d", p)
        for p in patterns
    )
    if plain and len(patterns) > 1:
        return (UrlPattern("|".join(f"(?:{p})" for p in patterns), f"{where} 'skip_patterns'"),)
    return tuple(UrlPattern(p, f"{where} 'skip_patterns[{i}]'") for i, p in enumerate(patterns))


def zone_tz(zone: str) -> timezone:
    """The fixed-offset time zone of ``zone`` (WIB, WITA, WIT), named after it."""
    return timezone(timedelta(hours=ZONES[zone]), zone)


class SiteConfigError(ValueError):
    """A site definition is malformed; the message names the site and the field."""


@dataclass(frozen=True)
class Source:
    """One place where a site lists its articles.

    ``url`` is absolute. For ``date_index`` it is a template with ``{date}`` (formatted with
    ``date_format``, a strftime pattern) and ``{page}``; e.g.
    ``https://news.example/indeks?date={date}&page={page}`` with ``date_format="%m/%d/%Y"``.
    """

    kind: SourceKind
    url: str
    date_format: str = "%Y-%m-%d"
    first_page: int = 1
    max_pages: int = 20
    # XPath of the "next page" link on a date index page; pagination stops when absent.
    next_page_xpath: str = (
        "//a[@rel='next']/@href | //a[contains(@class,'next')]/@href"
        " | //a[normalize-space()='Next' or normalize-space()='Selanjutnya'"
        " or normalize-space()='›' or normalize-space()='»']/@href"
    )

    def url_for(self, day: date, page: int) -> str:
        return self.url.format(date=day.strftime(self.date_format), page=page)


@dataclass(frozen=True)
class Layout:
    """Selectors and prune rules valid for pages fetched up to ``valid_until`` (inclusive).

    ``None`` for ``valid_until`` means "current layout". Every field is optional: the generic cleaner
    needs no help on most sites.
    """

    version: str
    valid_until: date | None = None
    body_xpath: str | None = None  # container of the article body; extraction is limited to it
    prune_xpaths: tuple[str, ...] = ()  # elements removed before extraction
    boilerplate: tuple[str, ...] = ()  # extra regexes: a body line matching one is dropped
    title_xpath: str | None = None
    date_xpath: str | None = None  # the printed publication date string
    author_xpath: str | None = None
    editor_xpath: str | None = None
    section_xpath: str | None = None
    tags_xpath: str | None = None
    title_suffix: str | None = None  # regex stripped from the end of the title


#: The layout of a page whose site is not known (or that names nothing): every field at its generic
#: default, so the cleaner reads a known and an unknown site's page down the same path.
GENERIC_LAYOUT = Layout("generic")


@dataclass(frozen=True)
class Site:
    """A news site in the registry. ``key`` is also the spider name and the file stem."""

    key: str
    name: str
    domain: str
    sources: tuple[Source, ...]
    article_pattern: str  # regex searched in the full URL; a match is an article
    zone: str = "WIB"
    z_is_local: bool = False  # the site writes local time with a "Z" suffix (detik does)
    # A declared rule, never a guess: a regex searched in an article URL whose named groups h, mi
    # (and optionally s, and y/mo/d for the date) are the publication time in ``zone``; only for
    # sites whose URL scheme really encodes it (kompas /read/2024/01/08/14300061/: HHMMSS + counter).
    url_time: str | None = None
    skip_patterns: tuple[str, ...] = ()  # regexes: never an article (video, foto, tag pages…)
    pagination: str | None = None  # one of PAGINATION_RULES
    next_page_xpath: str = (
        "//a[contains(translate(normalize-space(.),'HALMNSJUTEB','halmnsjuteb'),"
        "'halaman selanjutnya')]/@href"
    )
    layouts: tuple[Layout, ...] = (Layout("V1"),)
    language: str = "id"
    country: str = "ID"
    sample: bool = False  # a fictional site of the bundled offline sample
    follow_links: bool = False  # also follow in-site links from listing pages to articles
    allowed_domains: tuple[str, ...] = ()
    # The odd field no selector can express: ``post_process(article, raw) -> article`` runs last in
    # kliping.clean.clean() (so crawl, reclean and extract all apply it) on the finished ARTICLES
    # record and the RAW record it came from; plain Python, no Scrapy. Returns the record to keep.
    post_process: Callable[[dict[str, Any], Mapping[str, Any]], dict[str, Any]] | None = field(
        default=None, repr=False, compare=False)
    _article_re: UrlPattern = field(init=False, repr=False, compare=False)
    _skip_res: tuple[UrlPattern, ...] = field(init=False, repr=False, compare=False)
    # the url_time rule, bounded as the others (``.search(url)`` -> a match or None)
    url_time_re: UrlPattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        validate(self)
        where = f"site {self.key!r}: field"
        object.__setattr__(self, "_article_re",
                           UrlPattern(self.article_pattern, f"{where} 'article_pattern'"))
        object.__setattr__(self, "_skip_res", _skip_patterns(self.skip_patterns, where))
        object.__setattr__(self, "url_time_re",
                           UrlPattern(self.url_time, f"{where} 'url_time'") if self.url_time else None)

    def is_article(self, url: str) -> bool:
        """Does ``url`` match the article pattern and no skip pattern (each in bounded time, a
        URL of up to :data:`URL_MAX_LENGTH` characters)? The article pattern first: most links of
        a listing page are no article, and need no other match."""
        if len(url) > URL_MAX_LENGTH or self._article_re.search(url) is None:
            return False
        return not any(r.search(url) for r in self._skip_res)

    def layout_for(self, fetched: date | datetime | None) -> Layout:
        """The layout that was current when a page was fetched (latest when unknown)."""
        if fetched is None:
            return self.layouts[-1]
        day = fetched.date() if isinstance(fetched, datetime) else fetched
        for layout in self.layouts:
            if layout.valid_until is None or day <= layout.valid_until:
                return layout
        return self.layouts[-1]

    @property
    def tz(self) -> timezone:
        """The site's time zone (``zone``): its local day and its printed times are in it."""
        return zone_tz(self.zone)

    @property
    def domains(self) -> tuple[str, ...]:
        return self.allowed_domains or (self.domain,)

    def describe(self) -> dict:
        """The ``kliping sites --json`` record."""
        return {
            "site": self.key,
            "domain": self.domain,
            "zone": self.zone,
            "sources": [{"kind": s.kind, "url": s.url} for s in self.sources],
            "layouts": [
                {
                    "version": lay.version,
                    "valid_until": lay.valid_until.isoformat() if lay.valid_until else None,
                }
                for lay in self.layouts
            ],
        }


def _fail(site: object, fieldname: str, why: str) -> None:
    key = getattr(site, "key", "?")
    raise SiteConfigError(f"site {key!r}: field {fieldname!r}: {why}")


def _type_name(value: object) -> str:
    """``value``'s type and a bounded repr of it: a value nested 200,000 deep (a list in a list
    …) made ``repr`` raise RecursionError, and the site file was refused without its field named;
    a huge one was written out whole before being cut."""
    shown = reprlib.Repr()
    shown.maxlevel, shown.maxstring, shown.maxother = 4, 120, 120
    try:
        text = shown.repr(value)
    except (RecursionError, ValueError):  # (ValueError: an int of too many digits to show)
        text = "…"
    return f"{type(value).__name__} {text}"[:120]


def _shown(value: str) -> str:
    """``value`` quoted for a one-line message, cut at 120 characters."""
    return repr(value) if len(value) <= 120 else f"{value[:120]!r}… ({len(value):,} characters)"


# How long a site's regex or XPath, and how many items a list of a definition, may be (the
# package's sites: 233 characters, 4 items): every command, and every cleaning worker, compiles
# them all when it loads the registry (10^4 skip patterns took 1.6 s, 1 MB of pattern 7.8 s), and
# the cleaner a layout's boilerplate lines again on every page.
MAX_TEXT = 10_000
MAX_ITEMS = 200

# The functions an XPath may call: XPath 1.0's own, as lxml (the cleaner, join_pages) evaluates
# them; the spider's selectors (parsel: a site's and a source's next_page_xpath) add has-class()
# and the EXSLT prefixes re: and set:. lxml compiles anything else and fails only on a page that
# reaches it: an undefined $variable, function or prefix:name.
XPATH_FUNCTIONS = frozenset(
    "last position count id local-name namespace-uri name string concat starts-with contains "
    "substring-before substring-after substring string-length normalize-space translate boolean "
    "not true false lang number sum floor ceiling round node text comment processing-instruction "
    "and or div mod".split()
)
PARSEL_FUNCTIONS = frozenset({"has-class"})
PARSEL_PREFIXES = frozenset({"re", "set"})
_XPATH_TOKEN = re.compile(
    r"\"[^\"]*\"|'[^']*'"  # a string literal: passed over
    r"|(?P<var>\$\s*[^\s\[\]()=!<>|,/@*+]*)"
    r"|(?P<name>(?<![\w.:-])[A-Za-z_][\w.-]*(?::(?!:)[A-Za-z_*][\w.-]*)?)(?P<call>\s*\()?"
)


def xpath_unbound(expr: str, spider: bool = False) -> str | None:
    """What in ``expr`` is looked up only on a page, and is not there: a variable, a function
    that is not XPath 1.0's (or, for the spider's selectors, parsel's), a namespace prefix.
    None when nothing is."""
    for m in _XPATH_TOKEN.finditer(expr):
        if m["var"] is not None:
            return f"the variable {m['var']} (none is ever bound)"
        name = m["name"]
        if name is None:
            continue
        prefix = name.rpartition(":")[0]
        if prefix and prefix != "xml" and not (spider and m["call"] and prefix in PARSEL_PREFIXES):
            bound = "only re: and set:, for EXSLT functions" if spider else "none but xml:"
            return f"the namespace prefix {prefix}: in {name!r} (bound: {bound})"
        if m["call"] and not prefix and name not in XPATH_FUNCTIONS and not (
            spider and name in PARSEL_FUNCTIONS
        ):
            known = "XPath 1.0's, or has-class()" if spider else "XPath 1.0's only"
            return f"the function {name}() (known: {known})"
    return None


def _check_xpath(site: object, fieldname: str, expr: object, optional: bool = False,
                 spider: bool = False) -> None:
    """An XPath lxml compiles, of at most MAX_TEXT characters, with nothing looked up only on a
    page (:func:`xpath_unbound`; ``spider``: evaluated by the spider's parsel selectors)."""
    from lxml import etree

    if expr is None and optional:
        return
    if not isinstance(expr, str):
        _fail(site, fieldname, f"must be an XPath string, got {_type_name(expr)}")
    _check_length(site, fieldname, expr, "an XPath")  # type: ignore[arg-type]
    try:
        etree.XPath(expr)  # type: ignore[arg-type]
    except etree.XPathSyntaxError as exc:
        _fail(site, fieldname, f"not a valid XPath: {exc}: {_shown(expr)}")  # type: ignore[arg-type]
    unbound = xpath_unbound(expr, spider)  # type: ignore[arg-type]
    if unbound is not None:
        _fail(site, fieldname, f"names {unbound}, which fails on every page it meets: {_shown(expr)}")  # type: ignore[arg-type]


def _check_length(site: object, fieldname: str, value: str, what: str) -> None:
    if len(value) > MAX_TEXT:
        _fail(site, fieldname, f"{what} of {len(value):,} characters, more than {MAX_TEXT:,}: "
              f"{_shown(value)}")


def _items_nullable(seq: Any) -> bool:
    return all(_nullable(item) for item in seq)


def _nullable(item: tuple[Any, Any]) -> bool:
    """Can this node of ``re``'s parse tree match the empty string? (Conservative: yes when
    unsure, which only makes :func:`nested_repeat` stricter.)"""
    from re import _constants as c

    op, av = item
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return av[0] == 0 or _items_nullable(av[2])
    if op is c.SUBPATTERN:
        return _items_nullable(av[3])
    if op is c.ATOMIC_GROUP:
        return _items_nullable(av)
    if op is c.BRANCH:
        return any(_items_nullable(alt) for alt in av[1])
    return op not in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.CATEGORY)


def _loose(seq: Any) -> bool:
    """Can ``seq`` match as one backtracking unbounded repeat with all else in it matching
    nothing (``a+``, ``(\\w+)\\s?``, ``(?:a+|b)``)? Then a repeat of it can split a run of text
    into iterations in exponentially many ways, and tries each before it fails."""
    from re import _constants as c

    seq = list(seq)
    solid = [i for i, item in enumerate(seq) if not _nullable(item)]
    candidates = solid if len(solid) == 1 else range(len(seq)) if not solid else ()
    for i in candidates:
        op, av = seq[i]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and (av[1] == c.MAXREPEAT or _loose(av[2])):
            return True
        if op is c.SUBPATTERN and _loose(av[3]):
            return True
        if op is c.BRANCH and any(_loose(alt) for alt in av[1]):
            return True
    return False


def _children(op: Any, av: Any) -> list[Any]:
    """The sequences under one node of ``re``'s parse tree: a repeat's or a group's body, each
    branch, an assertion's, a conditional's two (none for a single character)."""
    from re import _constants as c

    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return [av[2]]
    if op is c.SUBPATTERN:
        return [av[3]]
    if op is c.ATOMIC_GROUP:
        return [av]
    if op is c.BRANCH:
        return list(av[1])
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [av[1]]
    if op is c.GROUPREF_EXISTS:
        return [b for b in av[1:] if b is not None]
    return []


def _nested(seq: Any) -> bool:
    from re import _constants as c

    for op, av in seq:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] > 1 and _loose(av[2]):
            return True
        if any(_nested(part) for part in _children(op, av)):
            return True
    return False


NESTED_REPEAT = (
    "a repeat inside a repeat, which backtracks without bound on a long run of text that nearly "
    "matches (as (a+)+$ or (\\w+\\s?)*$ do: 2^n tries for n letters); make the inner repeat "
    "possessive (a++) or atomic ((?>a+)), or separate the repeats by a character the inner one "
    "cannot match ((?:-[a-z]+)+)"
)


MAX_REPEAT_DEPTH = 4  # repeats inside repeats (the package's sites: 2)
MAX_UNROLLED = 100_000  # items a pattern's bounded repeats unroll to (a{1000000}: 0.6 s to compile)


def _shape(seq: Any) -> tuple[int, int]:
    """(how deep repeats nest, how many items the pattern unrolls to) in ``re``'s parse tree. The
    regex package unrolls bounded repeats when it compiles: 20 nested ones, or three of {1000},
    took all the memory of the machine."""
    from re import _constants as c

    depth, size = 0, 0
    for op, av in seq:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner, count = _shape(av[2])
            depth = max(depth, inner + 1)
            size += max(count, 1) * (av[1] if av[1] != c.MAXREPEAT else max(av[0], 1))
        else:
            parts = _children(op, av)
            shapes = [_shape(part) for part in parts]
            depth = max([depth] + [d for d, _ in shapes])
            size += sum(n for _, n in shapes) if parts else 1
    return depth, size


def nested_repeat(pattern: str) -> str | None:
    """Why ``pattern`` backtracks without bound or is too big to compile, or None: a repeat
    (``+``, ``*``, ``{2,}``…, greedy or lazy) of something that is itself, all else in it
    optional, an unbounded repeat (``(a+)+``, ``(\\w+\\s?)*``, ``(?:a*|b)+``); repeats nested
    more than MAX_REPEAT_DEPTH deep, or unrolling to more than MAX_UNROLLED items. Not every
    slow pattern (overlapping alternatives such as ``(a|aa)+`` pass): URL matches are also
    bounded in time (:class:`UrlPattern`)."""
    from re import _parser

    try:
        tree = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None  # re.compile says what is wrong with it
    depth, size = _shape(tree)
    if depth > MAX_REPEAT_DEPTH:
        return f"repeats nested {depth} deep, more than {MAX_REPEAT_DEPTH}"
    if size > MAX_UNROLLED:
        return f"repeats that unroll to {size:,} items, more than {MAX_UNROLLED:,}"
    return NESTED_REPEAT if _nested(tree) else None


_REPEAT_BRACE = re.compile(r"\{\d*(?:,\d*)?\}")


def bare_brace(pattern: str) -> int | None:
    """Where ``pattern`` has a ``{`` outside a set that is no repeat (``{2}``, ``{1,3}``): ``re``
    reads it as a literal brace, the regex package perhaps as fuzzy matching (``ab{e<=1}c``
    matches "abxc" there, only "ab{e<=1}c" in re). None when there is none."""
    i, in_set = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            in_set = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_set = True
            if pattern.startswith("^", i + 1):
                i += 1
            if pattern.startswith("]", i + 1):  # a "]" first in a set is a member
                i += 1
        elif ch == "{" and not _REPEAT_BRACE.match(pattern, i):
            return i
        i += 1
    return None


def _check_regex(site: object, fieldname: str, pattern: object, engine: Any = re) -> None:
    """A regex string that ``re`` compiles, of a shape that is safe (:func:`nested_repeat`: no
    repeat inside a repeat, not too deep, not too big), and that ``engine`` (regex for the URL
    patterns) compiles."""
    if not isinstance(pattern, str):
        _fail(site, fieldname, f"must be a regex string, got {_type_name(pattern)}")
    _check_length(site, fieldname, pattern, "a regex")  # type: ignore[arg-type]
    for compile_with in dict.fromkeys((re, engine)):
        try:
            compile_with.compile(pattern)  # type: ignore[arg-type]
        except (compile_with.error, RecursionError, OverflowError) as exc:
            _fail(site, fieldname, f"not a valid regex: {type(exc).__name__}: {exc}")
        if compile_with is re:  # before the regex package compiles it
            why = nested_repeat(pattern)  # type: ignore[arg-type]
            if why is not None:
                _fail(site, fieldname, f"{why}: {_shown(pattern)}")  # type: ignore[arg-type]
            at = bare_brace(pattern) if engine is not re else None  # type: ignore[arg-type]
            if at is not None:
                _fail(site, fieldname, f"a {{ at {at} that is no repeat: escape it (\\{{), which re and "
                      f"the regex package read alike (there {{e<=1}} is fuzzy matching): {_shown(pattern)}")  # type: ignore[arg-type]


def _check_strings(site: object, fieldname: str, value: object, optional: bool = False) -> None:
    """A string (or None when ``optional``)."""
    if not (isinstance(value, str) or (optional and value is None)):
        _fail(site, fieldname, f"must be a string{' or None' if optional else ''}, got {_type_name(value)}")
    if value is not None:
        _check_length(site, fieldname, value, "a string")  # type: ignore[arg-type]


def _check_sequence(site: object, fieldname: str, value: object, of: type) -> None:
    """A tuple (or list) of ``of``: a lone string would be read one character at a time."""
    if not isinstance(value, (tuple, list)):
        _fail(site, fieldname, f"must be a tuple of {of.__name__}, got {_type_name(value)}")
    if len(value) > MAX_ITEMS:  # type: ignore[arg-type]
        _fail(site, fieldname, f"{len(value):,} items, more than {MAX_ITEMS}")  # type: ignore[arg-type]
    for i, item in enumerate(value):  # type: ignore[arg-type]
        if not isinstance(item, of):
            _fail(site, f"{fieldname}[{i}]", f"must be a {of.__name__}, got {_type_name(item)}")


def _check_types(site: Site) -> None:
    """Every field of the right type, every XPath and regex compiling, every date_index URL
    formatting: a wrong one was found only mid-crawl (a traceback per listing page) or never
    (an invalid XPath or title regex silently did nothing; ``allowed_domains="a.com"`` was read as
    the domains "a", ".", "c", … and the crawl fetched nothing)."""
    for name in ("key", "name", "domain", "article_pattern", "zone", "language", "country"):
        _check_strings(site, name, getattr(site, name))
    for name in ("url_time", "pagination"):
        _check_strings(site, name, getattr(site, name), optional=True)
    for name in ("z_is_local", "sample", "follow_links"):
        if not isinstance(getattr(site, name), bool):
            _fail(site, name, f"must be True or False, got {_type_name(getattr(site, name))}")
    if site.post_process is not None and not callable(site.post_process):
        _fail(site, "post_process", f"must be a function or None, got {_type_name(site.post_process)}")
    _check_sequence(site, "skip_patterns", site.skip_patterns, str)
    _check_sequence(site, "allowed_domains", site.allowed_domains, str)
    _check_sequence(site, "sources", site.sources, Source)
    _check_sequence(site, "layouts", site.layouts, Layout)
    _check_xpath(site, "next_page_xpath", site.next_page_xpath, spider=True)
    for i, src in enumerate(site.sources):
        where = f"sources[{i}]"
        for name in ("kind", "url", "date_format"):
            _check_strings(site, f"{where}.{name}", getattr(src, name))
        for name, least, most in (("first_page", 0, PAGE_MAX), ("max_pages", 1, PAGE_MAX)):
            value = getattr(src, name)
            if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
                # (a number of 5,000 digits was refused as the url's fault: no str() of it)
                shown = f"a number of {value.bit_length():,} bits" if isinstance(value, int) and \
                    value > most else _type_name(value)
                _fail(site, f"{where}.{name}", f"must be an integer from {least} to {most:,}, got {shown}")
        _check_xpath(site, f"{where}.next_page_xpath", src.next_page_xpath, spider=True)
        if src.kind == "date_index":
            _check_placeholders(site, f"{where}.url", src.url)
            try:
                example = src.url_for(date(2024, 1, 31), src.first_page)
            except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
                _fail(site, f"{where}.url", f"does not format with {{date}} and {{page}} only: {exc!r}")
            if len(example) > URL_MAX_LENGTH:
                _fail(site, f"{where}.url", f"formats to {len(example):,} characters (with date_format "
                      f"{_shown(src.date_format)}), more than the {URL_MAX_LENGTH:,} Scrapy requests")
    for i, lay in enumerate(site.layouts):
        where = f"layouts[{i}]"
        _check_strings(site, f"{where}.version", lay.version)
        if lay.valid_until is not None and (
            not isinstance(lay.valid_until, date) or isinstance(lay.valid_until, datetime)
        ):
            _fail(site, f"{where}.valid_until", f"must be a date or None, got {_type_name(lay.valid_until)}")
        for name in ("body_xpath", "title_xpath", "date_xpath", "author_xpath", "editor_xpath",
                     "section_xpath", "tags_xpath"):  # fmt: skip
            _check_xpath(site, f"{where}.{name}", getattr(lay, name), optional=True)
        _check_sequence(site, f"{where}.prune_xpaths", lay.prune_xpaths, str)
        for j, expr in enumerate(lay.prune_xpaths):
            _check_xpath(site, f"{where}.prune_xpaths[{j}]", expr)
        _check_sequence(site, f"{where}.boilerplate", lay.boilerplate, str)
        for j, pattern in enumerate(lay.boilerplate):
            _check_regex(site, f"{where}.boilerplate[{j}]", pattern)
        if lay.title_suffix is not None:
            _check_regex(site, f"{where}.title_suffix", lay.title_suffix)


# first_page and max_pages of a date index: more than any archive has pages
PAGE_MAX = 10**9


_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*", re.IGNORECASE)


_SUFFIXES: Any = None


def public_suffixes(host: str) -> Any:
    """``host`` split by the public suffix list bundled with tldextract (never fetched; private
    suffixes such as ``blogspot.com`` count): ``.subdomain``, ``.domain``, ``.suffix``."""
    global _SUFFIXES
    if _SUFFIXES is None:
        import tldextract

        _SUFFIXES = tldextract.TLDExtract(
            suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
        )
    return _SUFFIXES(host)


def _public_suffix(name: str) -> bool:
    """Is ``name`` a suffix under which others register names (``co.id``, ``go.id``, ``com.au``,
    ``blogspot.com``)?"""
    found = public_suffixes(name)
    return bool(found.suffix) and not found.domain


def _check_hosts(site: Site) -> None:
    """The hosts a definition lets the crawl reach are the site's own. Each allowed domain a host
    name of two labels at least (``"com"`` or ``"example"`` let every site under it through the
    network guard; ``"*"`` or ``"https://a.com/"`` let nothing through), unless it is the
    ``domain`` itself (``localhost`` for a generic crawl inside one's network); the ``domain``
    one of them; and every source on one of them, where the guard would drop it unsent and the
    crawl find nothing."""
    from urllib.parse import urlsplit

    from kliping.crawler.netguard import host_allowed

    own = site.domain.lower().split(":")[0].strip(".")
    for i, d in enumerate(site.allowed_domains):
        name = d.lower().split(":")[0].strip(".")
        if not _HOST_NAME.fullmatch(name) or ("." not in name and name != own.removeprefix("www.")):
            _fail(site, f"allowed_domains[{i}]",
                  f"must be a host name of two labels at least, such as 'detik.com', got {d!r}")
        if _public_suffix(name):
            _fail(site, f"allowed_domains[{i}]",
                  f"is a public suffix ({d!r}: every site registered under it would pass the "
                  "network guard); name the site's own domain, such as 'kabar.co.id'")
    if not host_allowed(own, site.domains):
        _fail(site, "allowed_domains", f"must include the domain {site.domain!r} or a parent of it")
    for i, src in enumerate(site.sources):
        try:
            host = urlsplit(src.url).hostname or ""
        except ValueError:
            host = ""
        if not host_allowed(host, site.domains):
            _fail(site, f"sources[{i}].url", f"host {host!r} is not one of the site's domains "
                  f"{list(site.domains)}: the crawl would drop it unsent")


def _check_placeholders(site: object, fieldname: str, url: str) -> None:
    """A date_index URL's placeholders: ``{date}``, ``{page}``, and ``{page:0N}`` (N < 100)
    alone; an attribute, a conversion or a width of millions (``{page:>300000000}``) made a URL
    of that size, at load and for every listing request."""
    from string import Formatter

    try:
        fields = [(name, conv, spec) for _, name, spec, conv in Formatter().parse(url) if name is not None]
    except ValueError as exc:
        _fail(site, fieldname, f"does not format with {{date}} and {{page}} only: {exc}")
    for name, conv, spec in fields:
        width = not spec or (name == "page" and re.fullmatch(r"0?\d{0,2}d?", spec))
        if name not in ("date", "page") or conv or not width:
            shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            _fail(site, fieldname, f"has the placeholder {_shown(shown)}: only {{date}}, {{page}} and "
                  "{page:0N} (N < 100) are formatted")


RESERVED_KEYS = frozenset({"generic"})  # spiders of kliping that are not registry sites
MAX_KEY = 64  # the key names a directory of every dataset (site=<key>) and a spider


def validate(site: Site) -> None:
    """Reject a malformed definition with a message that names the field."""
    if not isinstance(site.key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", site.key or ""):
        _fail(site, "key", "must be lower-case letters, digits and _ (it is the spider name)")
    if len(site.key) > MAX_KEY:
        _fail(site, "key", f"{len(site.key)} characters, more than {MAX_KEY} (it names a directory "
              "of every dataset, site=<key>)")
    if site.key in RESERVED_KEYS:
        _fail(site, "key", f"{site.key!r} is the name of kliping's own spider for sites without a "
              "definition (scrapy crawl generic -a domain=…): choose another")
    _check_types(site)
    if not site.domain or "/" in site.domain:
        _fail(site, "domain", "must be a host name such as 'news.detik.com'")
    _check_hosts(site)
    if site.zone not in ZONES:
        _fail(site, "zone", f"must be one of {sorted(ZONES)}, got {site.zone!r}")
    if not site.sources:
        _fail(site, "sources", "at least one source is required")
    for i, src in enumerate(site.sources):
        if src.kind not in SOURCE_KINDS:
            _fail(site, f"sources[{i}].kind", f"must be one of {SOURCE_KINDS}, got {src.kind!r}")
        if not src.url.startswith(("http://", "https://")):
            _fail(site, f"sources[{i}].url", f"must be an absolute http(s) URL, got {src.url!r}")
        if src.kind == "date_index" and "{date}" not in src.url:
            _fail(site, f"sources[{i}].url", "a date_index URL needs a {date} placeholder")
    import regex

    for name, pattern in [("article_pattern", site.article_pattern)] + [
        (f"skip_patterns[{i}]", p) for i, p in enumerate(site.skip_patterns)
    ]:
        _check_regex(site, name, pattern, regex)
    if site.url_time is not None:
        _check_regex(site, "url_time", site.url_time, regex)
        groups = set(re.compile(site.url_time).groupindex)
        if not {"h", "mi"} <= groups:
            _fail(site, "url_time", "needs named groups h and mi (optionally s, y, mo, d)")
    if site.pagination is not None and site.pagination not in PAGINATION_RULES:
        _fail(site, "pagination", f"must be one of {PAGINATION_RULES} or None")
    if not site.layouts:
        _fail(site, "layouts", "at least one layout version is required")
    dated = [lay.valid_until for lay in site.layouts[:-1]]
    if any(d is None for d in dated):
        _fail(site, "layouts", "only the last layout may have valid_until=None")
    if dated != sorted(dated):  # type: ignore[type-var]
        _fail(site, "layouts", "versions must be ordered by valid_until")
