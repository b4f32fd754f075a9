"""Publication and modification dates: JSON-LD, then ``<meta>``, then the printed date, then the
body text, each parsed with :mod:`kliping.dates` in the site's zone; ``date_flags`` say which.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree
from lxml.etree import XPath

from kliping.clean import boilerplate, comments, decode
from kliping.clean.metadata import PageMeta, headlines, text_of, xpath_strings
from kliping.dates import ParsedDate, find_dates, parse_date, resolve_tz
from kliping.dates.vocab import ZONE_OFFSETS

PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "dtk:publishdate", "content_publisheddate", "publish-date", "publish_date", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "published_time", "cxenseparse:recs:publishtime",
    "content_date",  # (Republika's)
)  # fmt: skip
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified",
    "dcterms.modified", "last-modified", "lastmod", "article.updated",
)  # fmt: skip
# (contains 'date' covers detail__date, date-time, post-date, entry-date: one test, not five; the
# tests run on the class attributes, //@class[...]/parent::*, at half the cost of //*[...(@class)]).
# Indonesian pages also name the date "tgl"/"tanggal" and print it in a <time> with no attribute.
PRINTED = XPath(
    "/descendant::time[@datetime][not(contains(@class,'updated') or contains(@class,'modified'))"
    " or contains(@class,'published') or contains(@class,'entry-date')]/@datetime"
    " | /descendant::time[not(@datetime)][string-length(normalize-space(.)) < 80]"
    " | /descendant::*/@class[contains(.,'date') or contains(.,'read__time') or contains(.,'published')"
    " or contains(.,'tgl') or contains(.,'tanggal')"
    # (and in camelCase, as ASP.NET and older PHP themes name them: "newsDate", "postDate")
    " or contains(.,'Date')]"
    # (hAtom's "updated" is the time of a change, not of publication: Avada's hidden <span
    # class="updated"> stamp was read for the publication time of a page printing its date alone)
    "[not(contains(.,'updated') or contains(.,'modified') or contains(.,'Updated')"
    " or contains(.,'Modified')) or contains(.,'published') or contains(.,'Published')"
    " or contains(.,'entry-date') or contains(.,'post-date')]"
    "/parent::*[string-length(normalize-space(.)) < 80]"
)
# ... and the machine-readable stamp of other elements: microdata's ``itemprop="datePublished"``
# with a ``content``/``datetime``/``title`` (a <div>, a <span>), hAtom's ``<abbr class="published"
# title="2024-03-13T08:17:00+08:00">8:17 AM</abbr>`` (Blogger, old WordPress themes), RDFa's
# ``property="dc:date"`` with its ``content`` (Drupal 7)
PUBLISHED_TIME = XPath(
    "/descendant::time[@datetime][contains(@class,'published') or contains(@class,'entry-date')"
    " or @itemprop='datePublished' or @pubdate]/@datetime"
    " | /descendant::*/@itemprop[.='datePublished']/parent::*[not(self::meta) and not(self::time)]"
    "/@*[name()='content' or name()='datetime' or name()='title']"
    " | /descendant::abbr[@title][contains(@class,'published')]/@title"
    # a post footer's clock with its stamp as the link's tooltip (an old Blogger template's "diposting
    # oleh … @ <a title="2026-11-27T16:40:00+09:00">16.40 WIT</a>"): an ISO stamp, a clock shown
    " | /descendant::a[@title][starts-with(@title,'20')][contains(@title,'T')][contains(@title,':')]"
    "[string-length(@title) < 30][string-length(normalize-space(.)) < 12]/@title"
    # RDFa's ``<span property="dc:date dc:created" content="2025-09-08T10:12:00+07:00">`` (Drupal 7)
    " | /descendant::*/@property[contains(concat(' ',normalize-space(.),' '),' dc:date ')"
    " or contains(concat(' ',normalize-space(.),' '),' dc:created ')"
    " or contains(concat(' ',normalize-space(.),' '),' schema:datePublished ')]"
    "/parent::*[not(self::meta)]/@content"
)
# The byline family whatever its class: a short element printed beside the headline, holding a
# date with a time of day ("Kamis, 05 November 2015 11:52" in a <span> whose class names a
# "schedule" or nothing at all). Looked for around the first few <h1>s (each is walked: every <h1>
# of a page of thousands made an XPath of this quadratic): the next few siblings of the <h1> and of
# its two nearest ancestors, and the one or two just before the <h1> or its parent (a redesign
# moves the byline into the headline's header box, beside it, or above it), each with what it
# holds, in that order; bounded in elements read.
_NEAR_H1S = 8
_NEAR_LEVELS = 3  # the <h1>, its parent, its grandparent
_NEAR_AFTER = 4  # siblings after each
_NEAR_BEFORE = 2  # siblings before the <h1> and its parent
_NEAR_VISITS = 150  # elements read in all
_NEAR_LEN = (10, 120)  # characters: a byline, not a label nor a paragraph
_ITEM_LEN = 300  # characters: a teaser item (its time, headline and excerpt), not a story's frame
_CLOCK = re.compile(r"\b\d{1,2}[:.][0-5]\d\b")
_NEAR_TRIES = 24  # lines looked at beside the headlines (a byline sits right by it)
_MAY_DATE = re.compile(r"\d|(?i:kemarin)")  # what a clock (_CLOCK) or an age (_AGO) needs
_ONE_DAY = dt.timedelta(days=1)
# Indonesian news went online in the mid-1990s (Republika 1995, Kompas 1995, detik 1998); an
# article dated before 1990 is a CMS default (1900, 1970) or a typo, so it is flagged
# ``implausible_date`` (like ``future_date`` on the other side) and yields to any later source.
PLAUSIBLE_SINCE = dt.date(1990, 1, 1)
# Two stated times of publication this far apart disagree (``time_conflict``). Sources of one story
# differ by minutes (a JSON-LD 18:33:13 beside a printed 18:30); a wrong zone differs by hours.
TIME_TOLERANCE = dt.timedelta(hours=1)
_MAX_PRINTED = 200  # a printed date string longer than this is a paragraph, not a byline
_PRINTED_TRIES = 6
_LISTING_REPEATS = 3
_NEXT_LINK = XPath("following-sibling::*[1]/descendant-or-self::a[string-length(normalize-space(.)) > 30]")


def _dates_a_headline(el: Any) -> bool:
    """Is the element's next sibling a link with a headline (five words or more), the sibling an
    item's length (the story after a byline row holds a "Baca juga" link, and dates no teaser)?"""
    links = [a for a in _NEXT_LINK(el)[:2] if len(a.text_content().split()) >= 5]
    if not links:
        return False
    nxt = next((x for x in el.itersiblings() if isinstance(x.tag, str)), None)
    return nxt is None or _short_text(nxt, _ITEM_LEN) is not None


@dataclass
class Dates:
    published_at: dt.datetime | None = None
    published_date: dt.date | None = None
    published_raw: str | None = None
    modified_at: dt.datetime | None = None
    flags: list[str] = field(default_factory=list)


# A stamp of digits alone, as some CMSs write their <meta name="pubdate">: "20261130175240"
_DIGIT_STAMP = re.compile(r"\s*((?:19|20)\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?\s*")


def _parse(raw: str | None, ref: dt.datetime | None, tz: str, z_local: bool) -> ParsedDate | None:
    if not raw:
        return None
    if (m := _DIGIT_STAMP.fullmatch(raw)) is not None:  # (read as the ISO form it stands for)
        y, mo, d, h, mi, sec = m.groups()
        raw = f"{y}-{mo}-{d}T{h}:{mi}:{sec or '00'}"
    p = parse_date(raw, reference=ref, tz=tz, z_is_local=z_local)
    return p if p.date is not None else None


def _local_day(p: ParsedDate, tzinfo: dt.tzinfo) -> dt.date:
    if p.datetime is not None and midnight(p.datetime):
        # rule "midnight is a date": the day as written, whatever its zone ("2024-07-08T00:00:00
        # +08:00" on a WITA site is 8 July, not 23:00 WIB on the 7th)
        return p.datetime.date()
    if p.datetime is not None:
        try:
            return p.datetime.astimezone(tzinfo).date()
        except OverflowError:  # an instant at the calendar's ends that this zone cannot hold
            pass
    assert p.date is not None
    return p.date


_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$)")


def url_day_printed(
    tree: Any, date_xpath: str | None, structured: list[tuple[str, str, ParsedDate]], url: str | None,
    fetched_at: dt.datetime | None, tz: str = "WIB", z_is_local: bool = False,
) -> list[str]:
    """When the URL's date falls on another day than the first structured date's, the printed dates
    on the URL's day (rule "two against one" in :func:`dates` settles it with them); else none."""
    if not structured or not url:
        return []
    day = date_in_url(url)
    tzinfo = resolve_tz(tz)
    if day is None or _local_day(structured[0][2], tzinfo) == day:
        return []
    return [s for s, p in _read_printed(printed_dates(tree, date_xpath), fetched_at, tz, z_is_local)
            if _local_day(p, tzinfo) == day]


def date_in_url(url: str | None) -> dt.date | None:
    """A ``/YYYY/MM/DD/`` date in a URL path (kompas, tempo, okezone, tribunnews, WordPress)."""
    if not url:
        return None
    m = _URL_DATE.search(url.split("?", 1)[0])
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def htmldate_day(tree: Any, url: str | None) -> dt.date | None:
    """htmldate's original publication date, for pages without metadata or a printed date."""
    try:
        from htmldate import find_date

        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a heuristic fallback: never let it fail a page
        return None
    if not found:
        return None
    day = dt.date.fromisoformat(found)
    if day.day == 1 and not _prints_day(tree, day):
        # a month it read with no day, which it dates the 1st ("Tanggal terbit: November 2026",
        # a series number "No. 4/2026" read as April): no publication day
        return None
    return day


_PRINTED_MAX = 20_000  # characters of the page's text looked through for a day


def _prints_day(tree: Any, day: dt.date) -> bool:
    """Does the page's text print ``day`` as a whole date somewhere?"""
    try:
        text = " ".join(tree.xpath("string(//body)")[:_PRINTED_MAX].split())
    except Exception:
        return False
    return any(m.parsed.date == day for m in find_dates(text))


def printed_dates(tree: Any, date_xpath: str | None) -> list[str]:
    """Candidate printed date strings: the site's ``date_xpath``, else common selectors.

    A ``<time datetime>`` of the publication comes first: the visible text beside it (WordPress's
    "Januari 8, 2024") often drops the time of day and the zone that the attribute keeps.
    """
    printed = xpath_strings(tree, date_xpath)[:1]
    if not printed:
        printed = [_stamp(v) for v in PUBLISHED_TIME(tree)[:1] if str(v).strip()]
        found = PRINTED(tree)
        # Which printed date is the article's? Sidebars ("Terpopuler", "Latest News") date every
        # headline they link with the same markup as the article's own date, often earlier in
        # the page. An element whose tag and class repeat (a listing's) and whose next sibling
        # holds a headline link is such an item and is skipped; other repeated ones come after
        # the unique ones.
        kinds = Counter(None if isinstance(el, str) else (el.tag, el.get("class")) for el in found)
        ranked: list[tuple[int, int, str]] = []
        masthead = _Masthead(tree)
        for i, el in enumerate(found):
            if isinstance(el, str):
                ranked.append((0, i, _stamp(el)))
                continue
            repeated = kinds[(el.tag, el.get("class"))] >= _LISTING_REPEATS
            if repeated and _dates_a_headline(el):
                continue
            if i and comments.in_comment_box(el):
                continue  # (a reader's comment dates itself with the same <time> markup)
            rank = 2 if len(ranked) < _PRINTED_TRIES and masthead.holds(el) else int(repeated)
            ranked.append((rank, i, " ".join(_spaced_text(el).split())))
        last = []
        for r, _i, s in sorted(ranked):
            if s:
                (last if r == 2 else printed).append(s)
                if len(printed) + len(last) >= 4:
                    break
        if not any(_CLOCK.search(s) and publication_part(s) is not None for s in printed):
            # (an update stamp's clock is not the publication's: the byline beside the <h1> is read;
            # with no other printed date, the date line beside it even without a time)
            # (an update stamp alone is no printed date of publication: the byline's is looked for)
            days = not last and not any(publication_part(s) is not None for s in printed)
            printed += near_headline(tree, days=days)[:1]
        return publication_first(printed + last)  # (the masthead's after the byline beside the <h1>)
    if not any(_CLOCK.search(s) and publication_part(s) is not None for s in printed):
        printed += near_headline(tree)[:1]
    return publication_first(printed)


# Rule "noon placeholder": a date-only field (Drupal's "date" type) is rendered as
# ``<time datetime="2025-11-14T12:00:00Z">Jumat, 14 November 2025</time>``: the noon at UTC is the
# CMS's stand-in for "no time", not 19:00 WIB. When the element's own text prints the day and no
# clock, the stamp is read as that day alone.
_NOON_UTC = re.compile(r"^(\d{4}-\d\d-\d\d)T12:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


def _stamp(value: Any) -> str:
    """A machine-readable stamp read from an attribute, by rule "noon placeholder"."""
    text = str(value).strip()
    m = _NOON_UTC.match(text)
    owner = value.getparent() if m is not None and hasattr(value, "getparent") else None
    if owner is not None:
        shown = " ".join(owner.text_content().split())
        if any(c.isdigit() for c in shown) and not _CLOCK.search(shown):
            return m.group(1)
    return text


# Rule "update stamp": a printed "Diperbarui 9 Januari 2024, 10:00 WIB" is when the story was
# changed, not published. A line that starts with it (an "updated" box above the date, whose class
# names a date) goes after the others; a line that prints both ("Diterbitkan 8 Januari 2024 14:30
# WIB | Diperbarui 9 Januari ...") is read up to it.
_UPDATE = re.compile(
    r"(?i)(?:^|(?<=[\s|•·/,(-]))(?:terakhir\s+)?(?:diperbarui|diperbaharui|diupdate|diubah|"
    r"(?:last\s+)?updated?(?:\s+terakhir)?|update\s+terakhir)\b"
)


def publication_part(line: str) -> str | None:
    """``line`` up to an update stamp, or None when it starts with one (rule "update stamp")."""
    m = _UPDATE.search(line)
    if m is None:
        return line
    head = line[: m.start()].rstrip(" |•·/,(-")
    return head if any(c.isdigit() for c in head) else None


def publication_first(printed: list[str]) -> list[str]:
    """``printed`` read by rule "update stamp": each line up to its update stamp, those that are
    only an update stamp last (still a date, when nothing else is)."""
    first, last = [], []
    for s in printed:
        part = publication_part(s)
        if part is None:
            last.append(s)
        elif part not in first:
            first.append(part)
    return first + last


_MENU_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|main-menu)(?:$|[\s_-])")


def _holds_menu(el: Any) -> bool:
    """Does ``el`` hold the page's menu as a child (a ``<nav>``, a box whose class names one)?"""
    return any(isinstance(c.tag, str) and (c.tag == "nav" or _MENU_CLASS.search(c.get("class") or ""))
               for c in el)


class _Masthead:
    """Rule "masthead today": the date a portal prints above its menu (the day it is read, "Rabu, 10
    Januari 2024" in a ``date-today`` box, a live clock) is no article's. Such an element comes
    before the page's first <h1> and outside the headline's box (the <h1>'s third ancestor, or the
    last below the frame that holds the page's menu); it is
    read after every other printed date. (A date printed above the headline, in its box, is the
    article's.)"""

    def __init__(self, tree: Any) -> None:
        self.h1 = next(tree.iter("h1"), None)
        self.plain = self.h1 is None  # (no <h1>: an older layout's headline, :func:`headlines`)
        self.before = 0.0  # (then the elements before that headline, in document order)
        if self.plain:
            self.h1 = next(iter(headlines(tree)), None)
            if self.h1 is not None:
                self.before = self.h1.xpath("count(preceding::*)")
        box = self.h1
        for _ in range(3):
            up = box.getparent() if box is not None else None
            if up is None or up.tag in ("body", "html") or _holds_menu(up):
                break  # (the page's frame, its menu in it: no headline's box)
            box = up
        self.box = box

    def holds(self, el: Any) -> bool:
        if self.h1 is None or self.box is None or el is self.box:
            return False
        if any(a is self.box for a in el.iterancestors()):
            return False
        if self.plain:  # (the headline after the element, in document order)
            return el.xpath("count(preceding::*)") < self.before
        after = el.xpath("following::h1[1]")
        return bool(after) and after[0] is self.h1


# A class naming the time of a change and not the publication's ("updated", "date-modified"; WordPress's
# "entry-date published updated" names both)
_CHANGED_CLASS = re.compile(r"(?i)^(?!.*(?:published|entry-date|post-date)).*(?:updated|modified)")


def near_headline(tree: Any, days: bool = False) -> list[str]:
    """The first date line with a time of day printed beside the ``<h1>`` (:func:`_near_elements`):
    a date line (:func:`is_date_line`) or a byline with its date (:func:`is_byline_date`); the walk
    stops there, every caller reading the first. ``days``: when no line prints a time, the first
    date line without one (rule "dated meta row": a page with no other date than its meta row's
    "Minggu, 13 Oktober 2024" was dated by the story's "Sabtu malam (12/10/2024)", a day early)."""
    day = None
    split = None  # a row's date whose clock its parts cut off
    tries = 0
    for el in _near_elements(tree):
        if _CHANGED_CLASS.search(el.get("class") or "") is not None:
            continue  # (hAtom's "updated" stamp beside the headline: a change's time)
        text = _short_text(el, 4 * _NEAR_LEN[1])
        if text is None:
            text = _lead_text(el, 4 * _NEAR_LEN[1])
        if text is None or len(text) <= _NEAR_LEN[0]:
            continue
        line = " ".join(text.split())
        if not _NEAR_LEN[0] < len(line) < _NEAR_LEN[1]:
            continue
        tries += 1
        if _MAY_DATE.search(line) is None:  # no digit nor "kemarin": no clock nor age (most lines)
            if tries >= _NEAR_TRIES:
                break
            continue
        line = publication_part(line) or ""
        # a byline box of lines (a date line, then "Rep: … / Red: …" under a <br>) is judged line
        # by line: the date line is one even though the box as a whole is not; so are a meta row's
        # parts ("Diposting pada … WIB | Dibaca 318 kali | Kategori: Ekonomi") and the runs between
        # its icons ("<i class=fa-calendar/> Minggu, 13 Oktober 2024 <i class=fa-user/> Admin")
        if _CLOCK.search(line) or _AGO.search(line):
            # (its parts between bars, bullets or middle dots: "Redaksi Jogja TV · Selasa, …")
            parts = boilerplate.ROW_PARTS.split(line) if boilerplate.ROW_MARK.search(line) else ()
            # (rule "time on its own line" for a row's parts: "Kamis, 09 Juli 2020 | 08:15 WITA |
            # Kategori: …" gives "Kamis, 09 Juli 2020 08:15 WITA")
            timed = [f"{a} {b}" for a, b in itertools.pairwise(parts) if a and _TIME_ALONE.match(b)]
            tried = (line, *timed, *parts, *_br_lines(el), *_icon_runs(el), *_cell_lines(el))
            if (uncounted := _COUNTER_TAIL.sub("", line)) != line:  # ("… Jam: 08:17:45 Dibaca: 1.284 kali")
                tried = (uncounted, *tried)
            # (a part with its clock first: a row's "Kamis, 20-11-2025 | 14:25 | Diposting oleh …"
            # split at its bars leaves the date without its time)
            found = next((x for x in tried if _CLOCK.search(x) and _dates_story(x)), None)
            if found is None and split is None and not _in_teaser(el):
                # (only its date, the clock cut off with the row's other parts: the walk goes on to
                # the row's cells for the date with its clock, this one kept if none has it)
                split = next((x for x in tried if _dates_story(x)), None)
            if found is not None and not _in_teaser(el):
                return [found]  # (every caller reads the first)
        elif days and day is None:
            # (a meta row's parts too: "By Redaksi | November 28, 2026 | Harga TBS & CPO")
            parts = boilerplate.ROW_PARTS.split(line) if boilerplate.ROW_MARK.search(line) else ()
            day = next((x for x in (line, *parts, *_icon_runs(el)) if is_date_line(x)), None)
            if day is not None and _in_teaser(el):
                day = None
        if tries >= _NEAR_TRIES:
            break
    if split is not None:
        return [split]
    return [day] if day is not None else []


# A time of day alone on its line: "Pukul 13.40 WIB", "Jam 09:15", "13.40 WITA"
_TIME_ALONE = re.compile(
    r"^(?:(?:pukul|pkl\.?|jam)\s*)?\d{1,2}[:.][0-5]\d(?:[:.][0-5]\d)?(?:\s*(?:WIB|WITA|WIT))?$", re.I
)
_CELLS = 8  # child elements of a byline box read as its lines, at most


def _cell_lines(el: Any) -> list[str]:
    """Rule "time on its own line": in a box of lines written as elements (``<div>Kamis Wage, 27
    November 2025</div><div>Pukul 13.40 WIB</div><div>Penulis: …</div>``, a row's cells), a
    line holding the time alone, joined to the line before it (the date): the box as a whole is
    no date line (its other lines), and each line alone lacks the date or the time."""
    cells = [c for c in el if isinstance(c.tag, str)]
    if not 2 <= len(cells) <= _CELLS:
        return []
    lines = [" ".join(c.text_content().split()) for c in cells]
    return [f"{a} {b}" for a, b in itertools.pairwise(lines) if a and _TIME_ALONE.match(b)]


def _icon_runs(el: Any) -> list[str]:
    """The runs of ``el``'s own text between its child elements that hold no text (icons: ``<i
    class="fa fa-calendar">``, an ``<svg>``, a ``<span class="sep">``), when it has two or more."""
    if len(el) == 0 or any(isinstance(c.tag, str) and (c.text or "").strip() for c in el):
        return []
    runs = [" ".join(x.split()) for x in (el.text, *(c.tail for c in el)) if x and x.strip()]
    return runs if len(runs) >= 2 else []


# a meta row's read counter after its date, no bar between: "… Jam: 08:17:45  Dibaca: 1.284 kali"
_COUNTER_TAIL = re.compile(r"\s+(?:dibaca|dilihat|views?|hits)\s*:?\s*[\d.,]+\s*(?:kali|x)?\s*$", re.I)


def _dates_story(line: str) -> bool:
    return is_date_line(line) or is_byline_date(line) or is_relative_byline(line)


def _spaced_text(el: Any) -> str:
    """``el``'s text with a space where a ``<br>`` breaks it: a date line and the byline under it
    ("08:30 WITA<br>Penulis: …") read as two words, not "WITAPenulis" (whose zone no one finds)."""
    if el.find(".//br") is None:
        return el.text_content()
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                parts.append(" ")
            elif isinstance(node.tag, str):
                parts.append(node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return "".join(parts)


def _br_lines(el: Any) -> list[str]:
    """The lines of ``el``'s own text that ``<br>``s separate (none when it holds no ``<br>``)."""
    if el.find("br") is None:
        return []
    lines, cur = [], [el.text or ""]
    for child in el:
        if child.tag == "br":
            lines.append(" ".join("".join(cur).split()))
            cur = []
        elif isinstance(child.tag, str):
            cur.append(child.text_content())
        cur.append(child.tail or "")
    lines.append(" ".join("".join(cur).split()))
    return [x for x in lines if _CLOCK.search(x)]


def _short_text(el: Any, limit: int) -> str | None:
    """``el``'s text when it is ``limit`` characters or fewer, else None, read no further than
    that (a wrapper of the whole story is passed over at the cost of its first lines)."""
    parts: list[str] = []
    size = 0
    for chunk in el.itertext():
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return "".join(parts)


_BLOCK_TAGS = decode.BLOCK_TAGS


def _lead_text(el: Any, limit: int) -> str | None:
    """The text ``el`` opens with, up to its first block child (a ``<br>`` read as a space), when
    ``limit`` characters or fewer: a date row whose box the page never closed ("<div class=meta>
    Rabu, 18 November 2026 - 08:10 WIT<br>Reporter : <b>…</b>" then the whole story) is read by its
    own line, not passed over as the story's wrapper."""
    parts = [el.text or ""]
    size = len(parts[0])
    for child in el:
        if child.tag in _BLOCK_TAGS:
            break
        if child.tag == "br":
            own = " "
        elif isinstance(child.tag, str):
            own = _short_text(child, limit - size)
            if own is None:
                return None
        else:
            own = ""  # (a comment: its tail only)
        parts += (own, child.tail or "")
        size += len(own) + len(child.tail or "")
        if size > limit:
            return None
    return "".join(parts) if size <= limit else None


def _in_teaser(el: Any) -> bool:
    """Is ``el`` the time of a teaser item: does it, its next sibling or its parent, when short
    (:data:`_ITEM_LEN`: an item, not the article's frame), hold a headline link (five words or
    more, not the page's own <h1>)? A "Terbaru" list beside the headline dates every item the way
    a byline dates the story."""
    if _dates_a_headline(el):
        return True
    parent = el.getparent()
    item = parent is not None and _short_text(parent, _ITEM_LEN) is not None  # an item, not the article
    # (a box the page never closed, the story in it, is judged by the line it opens with)
    boxes = (el, parent) if item else (el,) if _short_text(el, _ITEM_LEN) is not None else _lead(el)
    for box in boxes:
        for a in box.iter("a"):
            if len(a.text_content().split()) >= 5 and not any(x.tag == "h1" for x in a.iterancestors()):
                return True
    return False


def _lead(el: Any) -> list[Any]:
    """``el``'s children before its first block child (:func:`_lead_text`'s)."""
    return list(itertools.takewhile(lambda c: c.tag not in _BLOCK_TAGS, el))


def _near_elements(tree: Any) -> Iterator[Any]:
    """The elements around the page's first <h1>s where a byline is printed: the <h1>s' own
    siblings first (a site's logo may be the first <h1>), then their parents', then their
    grandparents'."""
    visits = 0
    seen: set[Any] = set()
    anchors = headlines(tree)[:_NEAR_H1S]  # (an <h2> headline on a page of none)
    for level in range(_NEAR_LEVELS):
        for anchor in anchors:
            if anchor is None:
                continue
            sibs = list(itertools.islice(anchor.itersiblings(), _NEAR_AFTER))
            if level < 2:
                sibs += itertools.islice(anchor.itersiblings(preceding=True), _NEAR_BEFORE)
            for sib in sibs:
                for el in sib.iter():
                    if not isinstance(el.tag, str) or el in seen:
                        continue
                    seen.add(el)
                    visits += 1
                    if visits > _NEAR_VISITS:
                        return
                    yield el
        anchors = [None if a is None or (p := a.getparent()) is None or p.tag in ("body", "html") else p
                   for a in anchors]  # fmt: skip


# A byline with its date: "Oleh Budi Santoso pada Senin, 04 Mar 2024 10:15 WIB",
# "Penulis: Budi Santoso | Editor: Sandro Gatra | Senin, 04 Maret 2024 10:15 WIB"
_BYLINE_PART = re.compile(
    r"(?i)\b(?:oleh|penulis|panulis|reporter|pewarta|editor|redaktur|kontributor|by|written by|pada|on|"
    r"diterbitkan|dipublikasikan|diposting|diposkan|published|posted|submitted"
    # (Sundanese: "Ditulis ku Asep Gunawan • Diunggah dinten Kemis, 6 Nopémber 2025 tabuh 10.15 WIB")
    r"|ditulis(?: ku| oleh)?|ku|diunggah|dinten|tabuh)\b\s*:?"
)
# Weekdays in every language the vocabulary knows (Indonesian, English, Javanese, Sundanese)
_ANY_WEEKDAY = boilerplate.FULL_WEEKDAYS
_NAME = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|van|de))*")


# Rule "relative byline": a byline that dates the story by its age, "Oleh Rina Amalia - 2 jam lalu",
# "Budi Santoso • kemarin pukul 14.30", "3 hours ago" (read against the fetch time)
_AGO = re.compile(
    r"(?i)\b(?:\d{1,2}\s*(?:detik|menit|mnt|jam|hari|seconds?|secs?|minutes?|mins?|hours?|hrs?)"
    r"\s+(?:yang\s+|yg\s+)?(?:lalu|ago)|kemarin(?:(?:\s+pukul|,)?\s+\d{1,2}[.:][0-5]\d)?)\b"
)
# a printed date with no digit that is still one: the day before the fetch ("kemarin")
_DAY_WORD = re.compile(r"(?i)\bkemaren\b|\bkemarin\b")


def is_relative_byline(line: str) -> bool:
    """A short line of an age ("2 jam lalu", "kemarin pukul 14.30") and a byline's names at most."""
    m = _AGO.search(line)
    if m is None:
        return False
    rest = _BYLINE_PART.sub(" ", line[: m.start()] + " " + line[m.end() :])
    rest = re.sub(r"(?i)\b(?:wib|wita|wit|diperbarui|updated?)\b", " ", rest)
    names = _NAME.findall(rest)
    if any(len(n.split()) > 4 for n in names):
        return False
    return len(re.sub(r"[\W_]+", "", _NAME.sub(" ", rest))) <= 3


# a story's read counter beside its byline: "731 kali dibaca", "Dibaca 1.204 kali", "2,1K views"
_READ_COUNT = re.compile(
    r"(?i)\b(?:dibaca|dilihat)\s*:?\s*[\d.,]+\s*(?:kali|x)?|\b[\d.,]+\s*[kK]?\s*(?:kali\s+)?(?:dibaca|dilihat"
    r"|views|reads)\b"
)
_LOGIN_AFTER = re.compile(r"\b(?i:by|oleh|ku)\s+[a-z][a-z0-9_.-]{1,20}(?=\s+(?i:on|pada|at)\b|\s*[|,•·-])")


def is_byline_date(line: str) -> bool:
    """A short line of a byline and a date: the names after "Oleh", "Penulis:", "Editor:" and
    the date, and nothing else (a headline or a sentence beside a date is not one)."""
    found = find_dates(line)
    if len(found) != 1 or not _BYLINE_PART.search(line):
        return False
    rest = line[: found[0].start] + " " + line[found[0].end :]
    # ("Submitted by prlm on Sen, 07/19/2010 - 09:42": a login for the name)
    rest, logins = _LOGIN_AFTER.subn(" ", rest)
    rest = _BYLINE_PART.sub(" ", _HIJRI.sub(" ", rest))
    rest = re.sub(rf"(?i)\b(?:wib|wita|wit|pukul|\d{{1,2}}[.:]\d{{2}}|{_ANY_WEEKDAY})\b", " ", rest)
    rest = _READ_COUNT.sub(" ", rest)  # ("Diposting oleh: Admin … 30/11/2026 09:15 WITA 731 kali dibaca")
    names = _NAME.findall(rest)
    if not (names or logins) or any(len(n.split()) > 4 for n in names):
        return False
    return len(re.sub(r"[\W_]+", "", _NAME.sub(" ", rest))) <= 3


def structured_dates(
    pm: PageMeta, *, fetched_at: dt.datetime | None, tz: str = "WIB", z_is_local: bool = False
) -> list[tuple[str, str, ParsedDate]]:
    """The publication date candidates from JSON-LD and ``<meta>``: (flag, raw, parsed).

    When there is one, the printed date is only read for sites that name it (``date_xpath``), so
    callers can skip :func:`printed_dates` (an XPath over the whole page) altogether.
    """
    cands: list[tuple[str, str, ParsedDate]] = []
    for flag, raw in (
        ("from_jsonld", text_of(pm.ld("datePublished")) or text_of(pm.ld("dateCreated"))),
        ("from_meta", pm.get(*PUBLISHED_META)),
    ):
        p = _parse(raw, fetched_at, tz, z_is_local)
        if p is not None:
            cands.append((flag, raw or "", p))
    return cands


def url_stamp(url: str | None, rule: re.Pattern[str] | None, tz: str = "WIB") -> ParsedDate | None:
    """The publication instant a site's declared ``url_time`` rule reads from an article URL.

    The date comes from the rule's y/mo/d groups, else from a ``/YYYY/MM/DD/`` path; the time is in
    the site's zone. None when the site declares no rule, it does not match, or the values are not
    a real date and time.
    """
    if not url or rule is None:
        return None
    m = rule.search(url.split("?", 1)[0])
    if m is None:
        return None
    g = m.groupdict()
    try:
        day = (
            dt.date(int(g["y"]), int(g["mo"]), int(g["d"]))
            if g.get("y") and g.get("mo") and g.get("d")
            else date_in_url(url)
        )
        if day is None:
            return None
        at = dt.datetime(day.year, day.month, day.day, int(g["h"]), int(g["mi"]),
                         int(g.get("s") or 0), tzinfo=resolve_tz(tz))  # fmt: skip
    except ValueError:
        return None
    return ParsedDate(url, day, at, method="url")


def wants_printed(structured: list[tuple[str, str, ParsedDate]], site_printed: bool) -> bool:
    """Should the caller read the printed date? When the site names it, when structured data has
    no date, or when none of it has a time of day (the page may print one beside the date) on a
    plausible day (a CMS's 1970 default is no date at all).

    (A page whose structured times are all at UTC (:func:`utc_only`) may print that its CMS wrote
    the local clock with a "Z" (:func:`zone_mislabelled`); reading its printed date costs ~0.9 ms on
    such a page, about 40% of pages, so it is left to the caller to ask for it.)"""
    return site_printed or not any(
        p.datetime is not None and not midnight(p.datetime) and _plausible_day(p.date or PLAUSIBLE_SINCE)
        for _f, _r, p in structured
    )


def midnight(at: dt.datetime) -> bool:
    """Rule "midnight is a date": a structured time of exactly 00:00:00 in its own zone
    ("2024-03-31T00:00:00+07:00") is how a CMS states a day without a time; it yields to a time of
    day printed on that day ("Minggu, 31 Maret 2024, pukul 13:25 WIB"), and is kept when there is
    none, unless the page prints that day without a clock (then it has no time of day)."""
    return at.hour == 0 and at.minute == 0 and at.second == 0 and at.microsecond == 0


def utc_only(structured: list[tuple[str, str, ParsedDate]]) -> bool:
    """Every time of day the structured data states is at UTC (``Z``, ``+00:00``), and one does."""
    times = [p.datetime for _f, _r, p in structured if p.datetime is not None]
    return bool(times) and all(t.utcoffset() == dt.timedelta(0) for t in times)


# a zone named beside a printed clock: Indonesia's (kliping.dates.vocab.ZONE_OFFSETS) or +07..+09
_NAMED_ZONE = re.compile(
    rf"\b(?:{'|'.join(sorted(ZONE_OFFSETS, key=len, reverse=True))})\b|(?:GMT|UTC)?\s?\+0?[789](?::?00)?\b"
    # ... in title or lower case after a clock: "09:12 Wita", "14.30 wib"
    r"|(?<=\d)\s?(?-i:Wita|Wib|Wit|wita|wib|wit)\b"
)


def byline_check(tree: Any) -> list[str]:
    """The date line printed beside the headline (:func:`near_headline`, a bounded walk) when it
    names an Indonesian zone or offset: read on a page whose structured data already states a time,
    only to see whether the two agree (``time_conflict`` when they are hours apart, the structured
    time kept). A line naming no zone may be a foreign page's own clock, so it is not read; when no
    text around the headlines could name one (:func:`_zone_near`), the walk is not made."""
    if not _zone_near(tree):
        return []
    return [s for s in near_headline(tree)[:1] if _NAMED_ZONE.search(s)]


# what every zone _NAMED_ZONE knows needs in its text: "WI" (WIB, WITA, WIT) or a "+" (an offset),
# looked for in the element's whole text at once (a sixth of the time of testing each text node;
# two nodes joined may hold "WI" where neither does: then the walk runs, and finds what it finds)
_TEXT_OF = XPath("string()")


def _zone_near(tree: Any) -> bool:
    """Could a line of :func:`_near_elements`' walk name a zone? The walk reads no further than the
    siblings of each headline's grandparent, so the text under each headline's third ancestor (or
    the ``<body>``) holds every line it can meet; one look at it is cheaper than the walk on
    a page whose byline prints no zone."""
    for h1 in headlines(tree)[:_NEAR_H1S]:
        top = h1
        for _ in range(_NEAR_LEVELS):
            up = top.getparent()
            if up is None:
                break
            top = up
            if up.tag in ("body", "html"):
                break
        text = _TEXT_OF(top)
        if "WI" in text or "+" in text or "Wi" in text:  # ("09:12 Wita": the zone in title case)
            return True
    return False


def zone_probe(
    structured: list[tuple[str, str, ParsedDate]],
    printed: list[str],
    fetched_at: dt.datetime | None = None,
    tz: str = "WIB",
    z_is_local: bool = False,
) -> list[str]:
    """``printed`` when the first of its strings that states a time of day shows a structured
    time's clock in the local zone (:func:`zone_mislabelled`), else nothing: a page whose printed
    date is read only for that rule (its structured times all at UTC, :func:`utc_only`) gives no
    other printed candidate. The printed string must name its zone (WIB, WITA, WIT, or an offset
    of +07 to +09): a page printing its clock with no zone (a British one in winter, in GMT) may
    be right to state it at UTC. (An English page's "9:07 PM" read in WIB beside its correct UTC
    times was a time conflict that is none.)"""
    named = [s for s in printed[:_PRINTED_TRIES] if _NAMED_ZONE.search(s)]
    for _s, p in _read_printed(named, fetched_at, tz, z_is_local):
        if p.datetime is not None:
            hit = any(q.datetime is not None and zone_mislabelled(q.datetime, p.datetime)
                      for _f, _r, q in structured)
            return printed if hit else []
    return []


_GLUED_LABEL = re.compile(r"(?<=[^\W\d_]):(?=\d)")


def _read_printed(
    printed: list[str], fetched_at: dt.datetime | None, tz: str, z_local: bool
) -> list[tuple[str, ParsedDate]]:
    """The printed date strings that parse (the first :data:`_PRINTED_TRIES`; none longer than
    :data:`_MAX_PRINTED` or without a digit), with what they say."""
    read: list[tuple[str, ParsedDate]] = []
    for s in printed[:_PRINTED_TRIES]:
        if len(s) > _MAX_PRINTED or not (any(c.isdigit() for c in s) or _DAY_WORD.search(s)):
            continue
        # (a label glued to the date by markup read without a space: "<span>Pos diterbitkan:</span>
        # <i class=icon></i>11 Pebruari 2025" as "Pos diterbitkan:11 Pebruari 2025")
        p = _parse(gregorian(_GLUED_LABEL.sub(": ", s)), fetched_at, tz, z_local)
        if p is not None:
            if p.datetime is not None and publication_part(s) is None:
                # (rule "update stamp": a line that is only an update stamp gives a day when
                # nothing else does, never the time of publication)
                p = replace(p, datetime=None)
            read.append((s, p))
    return read


# Rule "zone from the page's data": a printed clock that names no zone ("01 Des 2025, 10:14") on a
# page whose structured data states no time, and whose app state (a Next.js/Nuxt JSON script)
# holds the publication instant ("published_at": "2025-12-01T02:14:00.000Z"): the zone of
# Indonesia in which that instant reads the printed clock is the page's (10:14 WITA, not WIB).
_DATA_STAMP = re.compile(
    r'"(?:published_?at|publish(?:ed)?_?date|date_?published|publish_?time|created_?at|date_?created)"'
    r'\s*:\s*"(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d))"', re.I
)
_DATA_SCRIPT_MAX = 2_000_000  # characters of one script searched
_DATA_STAMPS_MAX = 20


def _zoned_by_data(pm: PageMeta, raw: str, p: ParsedDate) -> ParsedDate:
    """``p`` (a printed date) in the zone the page's data shows it in (rule "zone from the page's
    data"), else ``p``."""
    at = p.datetime
    if at is None or _NAMED_ZONE.search(raw) is not None:
        return p
    wall = at.replace(tzinfo=None, second=0, microsecond=0)
    for script in pm.data_scripts[:8]:
        text = script.text or ""
        if len(text) > _DATA_SCRIPT_MAX:
            continue
        for m in itertools.islice(_DATA_STAMP.finditer(text), _DATA_STAMPS_MAX):
            try:
                stamp = dt.datetime.fromisoformat(m.group(1).replace("Z", "+00:00"))
            except ValueError:
                continue
            for offset in sorted(_ID_OFFSETS):
                local = stamp.astimezone(dt.timezone(offset))
                if local.replace(tzinfo=None, second=0, microsecond=0) == wall:
                    return replace(p, datetime=at.replace(tzinfo=dt.timezone(offset)))
    return p


def zone_mislabelled(stated: dt.datetime, printed: dt.datetime) -> bool:
    """Rule "zone left at UTC": a structured time stated at UTC whose clock reads exactly what the
    page prints in its local zone ("2024-04-05T07:45:00+00:00" beside "Jumat, 5 April 2024 | 07.45
    WIB") is the local time with the zone left at UTC (a CMS writing its wall clock with a "Z"),
    not an instant seven hours later: the printed one is the time of publication."""
    return (
        stated.utcoffset() == dt.timedelta(0)
        and printed.utcoffset() not in (None, dt.timedelta(0))
        and same_clock(stated, printed)
    )


_ID_OFFSETS = frozenset(dt.timedelta(hours=h) for h in (7, 8, 9))


def zone_other(stated: dt.datetime, printed: dt.datetime) -> bool:
    """Rule "zone of another region": a structured time stated in one of Indonesia's zones whose
    clock reads exactly what the page prints in another it names ("2025-11-14T09:12:00+07:00"
    beside "09:12 Wita": a Manado newsroom's CMS left at Jakarta's zone) is the printed time."""
    so, po = stated.utcoffset(), printed.utcoffset()
    # (to the second: a stamp with seconds beside a printed minute in another named zone is left
    # as stated; Tribun's regional sites print "WITA" beside a JSON-LD stated in WIB)
    return (so in _ID_OFFSETS and po in _ID_OFFSETS and so != po
            and stated.replace(tzinfo=None) == printed.replace(tzinfo=None))


# a stated zone closing a structured time: "Z", "+07:00", "+0700", "UTC", "WIB"
_STATED_ZONE = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|\b(?:UTC|GMT|WIB|WITA|WIT)\b)\s*$", re.I)


def zone_unstated(raw: str, stated: dt.datetime, printed: dt.datetime) -> bool:
    """Rule "zone not stated": a structured time written without a zone ("2025-12-03 16:40:00",
    read in the site's assumed zone) whose clock reads what the page prints in another zone
    ("Rabu, 03 Desember 2025, 16:40 WIT") is that printed time: the CMS wrote its wall clock, and
    the page names the zone (a Papuan site's WIT read as WIB was two hours off)."""
    return (
        _STATED_ZONE.search(raw or "") is None
        and printed.utcoffset() is not None
        and stated.utcoffset() != printed.utcoffset()
        and same_clock(stated, printed)
    )


def same_clock(stated: dt.datetime, printed: dt.datetime) -> bool:
    """Do two times read the same wall clock, zones aside? To the minute when the printed one
    shows no seconds ("12:40 WITA" beside a stamp "2026-11-28 12:40:51"): a page prints minutes."""
    a, b = stated.replace(tzinfo=None), printed.replace(tzinfo=None)
    if b.second == 0 and b.microsecond == 0:
        a = a.replace(second=0, microsecond=0)
    return a == b


def in_printed_zone(stated: dt.datetime, printed: dt.datetime) -> dt.datetime:
    """The stated clock (with its seconds) in the printed time's zone."""
    return stated.replace(tzinfo=printed.tzinfo) if same_clock(stated, printed) else printed


def _plausible_day(day: dt.date) -> bool:
    return day >= PLAUSIBLE_SINCE


def _pick_time(
    observed: list[tuple[str, dt.datetime]], day: dt.date, tzinfo: dt.tzinfo
) -> tuple[dt.datetime | None, bool]:
    """(time of publication, conflict) from (source, instant) pairs in priority order.

    Candidates are the instants on the chosen local ``day``; among them the one that agrees (within
    TIME_TOLERANCE) with the most observations wins, ties going to priority order. ``conflict`` is
    set when any two observations within a day of each other are TIME_TOLERANCE or more apart: two
    sources that disagree by whole hours usually mean one of them has the zone wrong.
    """
    if not observed:
        return None, False
    if any(not midnight(at) for _s, at in observed):
        observed = [(s, at) for s, at in observed if not midnight(at)]  # rule "midnight is a date"
    stamps = [at for _s, at in observed]
    conflict = any(
        TIME_TOLERANCE <= abs(a - b) <= _ONE_DAY for i, a in enumerate(stamps) for b in stamps[i + 1 :]
    )
    same_day = [at for at in stamps if (at.date() if midnight(at) else at.astimezone(tzinfo).date()) == day]
    if not same_day:
        return None, conflict

    def support(at: dt.datetime) -> int:
        return sum(abs(at - other) < TIME_TOLERANCE for other in stamps)

    best = max(same_day, key=support)  # max() keeps the first of equals: priority order
    return best, conflict


def dates(
    pm: PageMeta,
    body: str,
    *,
    printed: list[str],
    site_printed: bool = False,
    fetched_at: dt.datetime | None,
    tz: str = "WIB",
    z_is_local: bool = False,
    structured: list[tuple[str, str, ParsedDate]] | None = None,
    url: str | None = None,
    tree: Any = None,
    url_time: re.Pattern[str] | None = None,
    foreign: bool = False,
) -> Dates:
    """``structured`` is :func:`structured_dates` when the caller already has it.

    ``foreign``: a page from a newsroom abroad (:func:`kliping.clean.metadata.foreign_page`): the
    calendar date is the chosen time's own zone's, as the page prints it, not ``tz``'s.

    Without structured data, a date in the URL path (kompas ``/read/2015/11/04/``) outranks what
    generic selectors find on the page (often a sidebar's date), and htmldate is asked before a
    date in the body text is believed (``tree``: the parsed page, for htmldate).

    The time of day is taken from every source that states one: structured data, the printed date
    (also when structured data has only a date: "Senin, 8 Januari 2024 | 14:30 WIB" beside a meta
    "2024-01-08"), and the site's declared ``url_time`` rule; see :func:`_pick_time`.
    """
    out = Dates()
    tzinfo = resolve_tz(tz)
    # (flag, raw, parsed) in priority order
    cands: list[tuple[str, str, ParsedDate]] = (
        list(structured)
        if structured is not None
        else structured_dates(pm, fetched_at=fetched_at, tz=tz, z_is_local=z_is_local)
    )

    # The printed date is a date source when the site names it or structured data has none
    # (common selectors are guesses); otherwise it is read only for its time of day.
    # ``printed`` is the selectors' strings, then date lines found above the body.
    read = _read_printed(printed, fetched_at, tz, z_is_local)
    if read and pm.data_scripts and not any(
            p.datetime is not None and not midnight(p.datetime) for _f, _r, p in cands):
        read = [(s, _zoned_by_data(pm, s, p)) for s, p in read]
    # the first printed string that states a time of day is the printed time
    printed_p = next(((s, p) for s, p in read if p.datetime is not None), None)
    if read and (site_printed or not any(_plausible_day(_local_day(p, tzinfo)) for _f, _r, p in cands)):
        cands.append(("from_printed", read[0][0], read[0][1]))
        if printed_p is not None and printed_p[1] is read[0][1]:
            printed_p = None  # already a candidate
    # structured times at UTC, the page's clock the same in its zone: the structured ones were the
    # local time (rule "zone left at UTC", :func:`zone_mislabelled`)
    mislabelled = False
    if printed_p is not None and printed_p[1].datetime is not None:
        at_printed = printed_p[1].datetime
        named = _NAMED_ZONE.search(printed_p[0]) is not None
        for i, (f, r, p) in enumerate(cands):
            if p.datetime is not None and f != "from_printed" and (
                    zone_mislabelled(p.datetime, at_printed) or zone_unstated(r, p.datetime, at_printed)
                    or (named and zone_other(p.datetime, at_printed))):
                fixed = in_printed_zone(p.datetime, at_printed)
                cands[i] = (f, r, replace(p, date=fixed.date(), datetime=fixed))
                mislabelled = True
    url_p = url_stamp(url, url_time, tz)
    url_day = url_p.date if url_p is not None else date_in_url(url)
    if url_day is not None:
        url_cand = ("from_url", url or "", url_p or ParsedDate(url or "", url_day, None))
        if not cands:
            cands.append(url_cand)
        elif cands[0][0] == "from_printed":
            # a CMS writes the URL date at publication; a printed date elsewhere is a selector's
            # guess (a sidebar, a related story): generic guesses yield to any disagreement, a
            # site's own selector only to one of more than a day (an old layout, say)
            gap = abs(_local_day(cands[0][2], tzinfo) - url_day)
            if (gap > dt.timedelta(0) and not site_printed) or gap > _ONE_DAY:
                cands.insert(0, url_cand)
    # rule "two against one": the structured time and the printed time on different days, the URL's
    # date the printed one's: the structured stamp is the odd one out (a print daily's upload the
    # evening before its edition), the printed time the publication's (the disagreement is flagged)
    # (the printed one a date alone too: "Edisi Cetak: Sabtu, 22 November 2025" on a print daily's
    # page whose JSON-LD says the evening before; the URL's day and the printed one agree)
    if url_day is not None and cands and cands[0][0] != "from_printed" \
            and _local_day(cands[0][2], tzinfo) != url_day:
        agree = printed_p if printed_p is not None and _local_day(printed_p[1], tzinfo) == url_day \
            else next(((s, p) for s, p in read if _local_day(p, tzinfo) == url_day), None)
        if agree is not None:
            cands.insert(0, ("from_printed", agree[0], agree[1]))
    body_match = None
    # (a day after the fetch is an event the story announces, "dibuka … hingga 20 Desember 2026",
    # never its publication: the next date is read)
    ref = fetched_at if fetched_at is None or fetched_at.tzinfo else fetched_at.replace(tzinfo=dt.UTC)
    fetched_day = None if ref is None else ref.astimezone(tzinfo).date()
    for m in find_dates(body[:1500], reference=fetched_at, tz=tz):
        if m.parsed.date is not None and (fetched_day is None or m.parsed.date <= fetched_day):
            body_match = m
            break
    if not cands and tree is not None and (body_match is None or not _YEAR.search(body_match.text)):
        # nothing but a year-less body date ("Rabu (4/11)") or none: ask htmldate (it reads
        # numeric dates month-first, so a full day-first body date is believed before it)
        found = htmldate_day(tree, url)
        if found is not None:
            cands.append(("from_htmldate", found.isoformat(), ParsedDate(found.isoformat(), found, None)))
    if body_match is not None:
        cands.append(("from_body_text", body_match.text, body_match.parsed))
    if not cands:
        return out
    # A date before PLAUSIBLE_SINCE (a CMS's 1970 or 1900 default) yields to any plausible source.
    cands.sort(key=lambda c: not _plausible_day(_local_day(c[2], tzinfo)))

    flag, raw, best = cands[0]
    if foreign and best.datetime is not None and best.datetime.tzinfo is not None:
        tzinfo = best.datetime.tzinfo
    day = _local_day(best, tzinfo)
    # Every stated time of day, in priority order (body text dates are events, not publication).
    observed = [(f, p.datetime) for f, _r, p in cands if p.datetime is not None and f != "from_body_text"]
    if printed_p is not None and printed_p[1].datetime is not None:
        observed.append(("from_printed", printed_p[1].datetime))
    if url_p is not None and url_p.datetime is not None and all(f != "from_url" for f, _a in observed):
        observed.append(("from_url", url_p.datetime))
    at, time_conflict = _pick_time(observed, day, tzinfo)
    if at is not None and midnight(at) and any(
            p.datetime is None and not _CLOCK.search(s) and _local_day(p, tzinfo) == day for s, p in read):
        # rule "midnight is a date", the page agreeing: it prints that day and no clock
        at = None
    out.published_raw = raw
    out.published_date = day
    out.published_at = at
    out.flags.append(flag)
    if best.weekday_mismatch:
        out.flags.append("weekday_mismatch")
    elif body_match is not None and body_match.parsed.weekday_mismatch:
        bd = body_match.parsed.date
        if bd is not None and abs(bd - day) <= _ONE_DAY:
            out.flags.append("weekday_mismatch")
    if ref is not None and fetched_day is not None:
        if (at is not None and at > ref + dt.timedelta(hours=1)) or day > fetched_day:
            out.flags.append("future_date")
    if not _plausible_day(day):
        out.flags.append("implausible_date")
    structured = [p for f, _r, p in cands if f != "from_body_text"]
    if any(abs(_local_day(p, tzinfo) - day) > _ONE_DAY for p in structured):
        out.flags.append("date_conflict")
    if time_conflict or mislabelled:  # (a zone left at UTC is a disagreement, resolved)
        out.flags.append("time_conflict")

    mod = _parse(text_of(pm.ld("dateModified")) or pm.get(*MODIFIED_META), fetched_at, tz, z_is_local)
    if mod is not None and mod.datetime is not None:
        out.modified_at = mod.datetime
    return out


# A Hijri date printed beside the Gregorian one, as Islamic and regional portals head a story
# ("Senin, 23 Syakban 1445 H / 4 Maret 2024 - 10:15 WIB"): the line is still a date line, read by
# its Gregorian date (the Hijri month names are no month of :data:`kliping.dates.MONTHS`).
_HIJRI = re.compile(
    r"(?i)\b\d{1,2}\s+(?:muharr?am|shafar|safar|sapar|rabi'?u?l[\s-]*(?:awa?l|akhir|ts?ani)|"
    r"jumadi?l[\s-]*(?:awa?l|akhir|ula|ts?ani(?:yah)?)|rajab|sya'?k?ban|ramadh?an|syawal|"
    r"dz?ul[\s-]*q[ao]'?[di]{1,2}ah|zulkaidah|dz?ul[\s-]*hijj?ah|zulhijj?ah)\s+\d{4}(?:\s*h\b)?"
)
_HIJRI_WORD = re.compile(r"(?i)\d{4}\s*h\b|muharr|afar|sapar|rabi|jumad|rajab|sya'?k?ban|ramadh?an|syawal|"
                         r"dz?ul|zulk|zulh")


_MASEHI = re.compile(r"(?<=\d{4})\s*M\b")


def gregorian(line: str) -> str:
    """A dual-calendar date line with its Hijri date and the Masehi "M" dropped ("Senin, 8 Januari
    2024 M / 26 Jumadil Akhir 1445 H | 14.30 WIB" is read as "Senin, 8 Januari 2024 / | 14.30
    WIB"): the time printed after the Hijri date is the Gregorian date's."""
    if not _HIJRI_WORD.search(line):
        return line
    return _MASEHI.sub("", _HIJRI.sub(" ", line))


# What a date line holds beside its date: zones, clocks, weekdays, labels (a regency site's
# "Diposting: 23 November 2026 Jam: 08:17:45": the labels and the seconds)
_DATE_LINE_WORDS = re.compile(
    rf"(?i)\b(?:wib|wita|wit|pukul|tabuh|jam|\d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?"
    rf"|{_ANY_WEEKDAY}|diperbarui|dipublikasikan|diunggah|diposting|diposkan|dinten|updated?"
    r"|published|posted|m)\b"
)


def is_date_line(line: str) -> bool:
    """A short line that is a printed date and little else ("Selasa, 05 Mar 2024 10:15 WIB"), a
    Hijri date beside it included."""
    if len(line) > 80 or not any(c.isdigit() for c in line):
        return False
    found = find_dates(line)
    if not found:
        return False
    rest = _HIJRI.sub(" ", line[: found[0].start] + line[found[0].end :])
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    return len(re.sub(r"[\W_]+", "", rest)) <= 12
