"""Indonesian date normalizer: the date strings news pages print, to a calendar date and an instant.

Why not dateparser alone: it is slow (about a millisecond per string, seconds to import), it does not
know several spellings Indonesian pages use ("Ags", "Pebruari", "Jum'at"), it guesses on non-dates
("Rabu" becomes last Wednesday) and it cannot tell a written time from midnight. So the common shapes
go through a fast path of precompiled regexes and dict lookups, with dateparser kept (imported
lazily) for the long tail only. See DESIGN.md §3.

Rules (DESIGN.md §3):
- ``date`` is the calendar date as printed; ``datetime`` is set only when a time of day is written
  (or a relative phrase has sub-day precision) and is always timezone-aware.
- A time with no zone is in ``tz`` (the site's zone, WIB by default). WIB/WITA/WIT are +7/+8/+9.
- Numeric dates are day-first. Year-less dates ("Senin (8/1)") take the year that puts them nearest
  before the reference.
- A weekday that disagrees with the date keeps the date and sets ``weekday_mismatch``.
- Impossible dates and non-dates give ``date=None`` with a reason (``error`` starts with one of
  ERROR_PREFIXES); the parser never guesses and never raises on any ``str``.
- Bounded work (issue 13): every regex here runs in time linear in its input (possessive runs, no
  pattern restarting inside a run of digits or spaces), an input longer than MAX_INPUT characters is
  whitespace-folded and cut to a window around its first date shape ("too long" when it has none),
  and a string reaches dateparser (the slow fallback) only if it could be a date: a digit and a
  month, weekday, time-unit or zone word, or a numeric date shape.
- ISO strings: an explicit offset is honoured, a naive one is local (``tz``). A "Z" means UTC unless
  ``z_is_local``; detik's malformed shapes ("2015-11-05 T10:08:58Z", "2023-11-02T20-59-53Z") are only
  ever written by detik, whose "Z" values are WIB, so those are read as local even without the flag.
- Relative phrases resolve against ``reference`` (the fetch time). "<weekday> pukul HH.MM" follows
  Carbon's calendar() (the next such weekday after the reference) and "<weekday> lalu pukul HH.MM"
  the previous one; a bare weekday with no date is not a date.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kliping.dates.vocab import MONTHS, PLAUSIBLE_WORDS, PREFIXES, REL_UNITS, WEEKDAYS, ZONE_OFFSETS

__all__ = [
    "ERROR_PREFIXES",
    "MAX_INPUT",
    "ZONE_OFFSETS",
    "DateMatch",
    "ParsedDate",
    "find_dates",
    "parse_date",
    "resolve_tz",
    "to_json",
]

TzLike = str | _dt.tzinfo

# What ``ParsedDate.error`` can start with: the whole vocabulary of "no date here" answers.
ERROR_PREFIXES: tuple[str, ...] = (
    "empty", "not a string", "no date found", "impossible date", "impossible time",
    "duration, not a date", "vague relative phrase", "too long", "unparseable",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """The result of parsing one string; ``date is None`` means no date, and ``error`` says why."""

    input: str
    date: _dt.date | None
    datetime: _dt.datetime | None
    weekday_mismatch: bool = False
    error: str | None = None
    method: str = ""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found inside running text, with its span in the original string."""

    start: int
    end: int
    text: str
    parsed: ParsedDate


# --------------------------------------------------------------------------------------------
# Time zones


_OFFSET_RE = re.compile(r"^([+-])(\d{1,2}):?(\d{2})?$")


@functools.lru_cache(maxsize=64)
def _resolve_tz_str(tz: str) -> _dt.tzinfo:
    name = tz.strip()
    up = name.upper()
    if up in ZONE_OFFSETS:
        return _dt.timezone(_dt.timedelta(hours=ZONE_OFFSETS[up]))
    if up in ("UTC", "Z", "GMT"):
        return _dt.UTC
    m = _OFFSET_RE.match(name)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:
            raise ValueError(f"offset out of range: {tz!r}")
        delta = _dt.timedelta(hours=hours, minutes=minutes)
        return _dt.timezone(-delta if m.group(1) == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {tz!r} (use WIB, WITA, WIT, an IANA name or +07:00)") from exc


def resolve_tz(tz: TzLike) -> _dt.tzinfo:
    """Turn "WIB"/"WITA"/"WIT", an IANA name, "+07:00" or a tzinfo into a tzinfo.

    Raises ValueError on an unknown zone: a bad zone is a configuration error, not page data.
    """
    if isinstance(tz, _dt.tzinfo):
        return tz
    return _resolve_tz_str(str(tz))


def _zone_word(word: str | None, default: _dt.tzinfo) -> _dt.tzinfo:
    if not word:
        return default
    up = word.upper()
    if up[:3] in ("GMT", "UTC") and len(up) > 3:  # "GMT+7", "UTC +08:00": the offset
        word = up = up[3:].replace(" ", "")
        if ":" not in up and len(up) in (2, 3):  # "+7", "+07"
            word = up = f"{up[0]}{int(up[1:]):02d}:00"
    if up in ZONE_OFFSETS:
        return _resolve_tz_str(up)
    if up in ("UTC", "GMT", "Z"):
        return _dt.UTC
    try:
        return _resolve_tz_str(word)
    except ValueError:
        return default


# --------------------------------------------------------------------------------------------
# Regexes (compiled once; case folded with IGNORECASE so spans stay aligned with the input)


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WEEKDAY = rf"(?:{_alt(WEEKDAYS)})(?![a-z'])"
# Characters normalized one-for-one so regex spans still index the original string.
_TRANSLATE = str.maketrans(
    {
        "\xa0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": " ", "\t": " ",
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
        # Sundanese and Javanese spellings' accents: "Nopémber", "Désémber", "Senén"
        "\u00e9": "e", "\u00e8": "e", "\u00ea": "e", "\u00c9": "E",
    }
)  # fmt: skip

# Every shape is found from its first digit: a pattern that starts by consuming [0-9] lets the regex
# engine skip letters in C, while one starting with a lookbehind or a word tried every position and
# cost 0.25 us per character. Month-first ("Januari 8, 2024") and year-less ("Senin (8/1)") shapes
# match their digits here and check the word before them in Python.
_DATE_RE = re.compile(
    r"""
    (?P<lead>[0-9])(?<![\w/.,:-][0-9])
    (?:
      (?P<dmy>(?P<d1>\d?)(?:st|nd|rd|th|ST|ND|RD|TH)?[\s\-./]*+(?P<m1>[A-Za-z]{3,9})\.?(?![A-Za-z])
        [\s\-.,/]*+(?P<y1>\d{4}|'\d{2}|\d{2}(?![\d:.]\d))(?!\d))
     |(?P<ymd>(?P<y3>\d{3})(?P<s3>[-/.])(?P<m3>\d{1,2})(?P=s3)(?P<d3>\d{1,2})(?![\d/]))
     |(?P<num>(?P<d4>\d?)(?P<s4>[/.-])(?P<m4>\d{1,2})(?P=s4)(?P<y4>\d{4}|\d{2})(?![\d/]|[.,-]\d))
     |(?P<mdy>(?P<d2>\d?)(?:st|nd|rd|th|ST|ND|RD|TH)?\s*+,?+\s*+(?P<y2>\d{4})(?!\d))
     |(?P<dm>(?P<d5>\d?)/(?P<m5>\d{1,2})\s*+\))
    )
    """,
    re.VERBOSE,
)
_MONTH_BEFORE_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?\s{0,3}$")
_WEEKDAY_PAREN_RE = re.compile(r"(?<![A-Za-z'])([A-Za-z]{3,9}(?:'[A-Za-z]{2})?)\s*+,?+\s*+\(\s*+$")


class _Cand(NamedTuple):
    """One date shape found in a string: where it is and its raw parts."""

    kind: str
    start: int
    end: int
    day: int
    month: int
    year: str | None  # digits as printed; None for year-less "(8/1)"
    weekday: int | None  # a weekday that is part of the shape itself ("Senin (8/1)")
    sep: str


def _date_candidates(s: str) -> Iterator[_Cand]:
    """Yield date shapes whose month/weekday words are real, leftmost first.

    A rejected candidate restarts the search one character later, so a real date overlapping a
    false start is still found.
    """
    pos, n = 0, len(s)
    while pos < n:
        m = _DATE_RE.search(s, pos)
        if m is None:
            return
        g = m.group
        kind = m.lastgroup
        start, end = m.start(), m.end()
        lead = g("lead")
        cand: _Cand | None = None
        if kind == "dmy":
            month = MONTHS.get(g("m1").lower())
            if month:
                cand = _Cand(kind, start, end, int(lead + g("d1")), month, g("y1").lstrip("'"),
                             None, "")  # fmt: skip
        elif kind == "ymd":
            cand = _Cand(kind, start, end, int(g("d3")), int(g("m3")), lead + g("y3"), None,
                         g("s3"))  # fmt: skip
        elif kind == "num":
            day, month = int(lead + g("d4")), int(g("m4"))
            if month > 12 and 1 <= day <= 12 and month <= 31:
                day, month = month, day  # (month first, the only reading: Drupal's "07/19/2010")
            cand = _Cand(kind, start, end, day, month, g("y4"), None, g("s4"))
        elif kind == "mdy":
            wm = _MONTH_BEFORE_RE.search(s, max(0, start - 14), start)
            month = MONTHS.get(wm.group(1).lower()) if wm else None
            if wm and month:
                cand = _Cand(kind, wm.start(), end, int(lead + g("d2")), month, g("y2"), None, "")
        else:
            wm = _WEEKDAY_PAREN_RE.search(s, max(0, start - 24), start)
            wd = WEEKDAYS.get(wm.group(1).lower()) if wm else None
            if wm and wd is not None:
                cand = _Cand("dm", wm.start(), end, int(lead + g("d5")), int(g("m5")), None, wd, "/")
        if cand is not None:
            yield cand
            pos = end
        else:
            pos = start + 1


_LAST_WORD_RE = re.compile(r"(?<![A-Za-z'])[A-Za-z']++$")

_TIME_CORE = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?(?![\d])"
_AMPM = r"(?P<ap>a\.?m\.?|p\.?m\.?|pagi|siang|sore|petang|malam)(?![a-z])"
# (an offset after GMT/UTC is part of the zone: "GMT+7" is +07:00, not GMT)
_ZONE = (
    # ("WAS", Waktu Arab Saudi, the hajj reports' zone, in capitals only: "was" is an English word)
    r"(?P<z>(?:utc|gmt)\s?[+-]\s?\d{1,2}(?::?\d{2})?(?!\d)|wita|wib|wit|(?-i:WAS)|utc|gmt|z(?![a-z])"
    r"|[+-]\d{2}:?\d{2})"
    r"(?![a-z])"
)
# Only ever .match()ed at the end of a date (one start position), so its leading separator run is
# scanned once per date; a .search() would retry it at every separator.
_TIME_AFTER_RE = re.compile(
    rf"[\s,|\-/•·)]*+(?:(?:pukul|pkl\.?|jam|tabuh)\s*+)?{_TIME_CORE}\s*+(?:{_AMPM})?+\s*+(?:\(?{_ZONE})?+",
    re.IGNORECASE,
)
_TIME_ANY_RE = re.compile(
    rf"(?<![\d.:])(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?(?!\d)\s*+(?:{_AMPM})?+\s*+"
    rf"(?:{_ZONE})?+",
    re.IGNORECASE,
)
_ZONE_WORD_RE = re.compile(r"(?<![a-z])(wita|wib|wit)(?![a-z])", re.IGNORECASE)
# A clock printed just before the date ("pukul 14.30 WIB | Senin, 8 Januari 2024", "09.30, 08/01/2024"):
# .search()ed in the few characters before the date only (_BEFORE_WINDOW), so its cost is bounded.
_TIME_BEFORE_RE = re.compile(
    rf"(?<![\d.:])(?:(?:pukul|pkl\.?|jam|tabuh)\s*+)?{_TIME_CORE}\s*+(?:{_AMPM})?+\s*+(?:{_ZONE})?+"
    r"[\s,|\-/•·(]*+$",
    re.IGNORECASE,
)
_BEFORE_WINDOW = 32

_ISO_RE = re.compile(
    r"""^\s*+(?P<y>\d{4})(?P<sep>[-/])(?P<mo>\d{2})(?P=sep)(?P<d>\d{2})
    (?:(?P<t>\s*+T\s*+|\s++)(?P<h>\d{2})(?P<ts>[:\-])(?P<mi>\d{2})(?:(?P=ts)(?P<s>\d{2})(?:[.,]\d++)?)?)?
    \s*+(?P<z>Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?\s*+$""",
    re.IGNORECASE | re.VERBOSE,
)

_UNIT = rf"(?:{_alt(REL_UNITS)})(?![a-z])"
_REL_PART = rf"(?:(?<!\d)\d++|se|beberapa)\s*+{_UNIT}"
_REL_RE = re.compile(
    rf"""(?<![a-z])(?P<fut>(?:dalam|dlm)(?:\s++waktu)?\s++)?
    (?P<parts>{_REL_PART}(?:\s*+(?:,|dan)?+\s*+{_REL_PART})*+)
    \s*+(?P<dir>(?:yang\s++|yg\s++)?(?:lalu|yll|silam|sebelumnya)|ago|dari\s++sekarang|lagi|kemudian)?""",
    re.IGNORECASE | re.VERBOSE,
)
_REL_PART_RE = re.compile(rf"((?<!\d)\d++|se|beberapa)\s*+({_UNIT})", re.IGNORECASE)
_TIME_OPT = (
    rf"(?:[\s,]*+(?:(?:pukul|pkl\.?|jam|tabuh)\s*+)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})"
    rf"(?:[:.](?P<s>\d{{2}}))?\s*+(?:{_AMPM})?+\s*+(?:{_ZONE})?+)?"
)
_CAL_RE = re.compile(
    rf"(?<![a-z])(?P<w>kemarin\s++lusa|kemarin|kemaren|hari\s++ini|besok|lusa)(?![a-z]){_TIME_OPT}",
    re.IGNORECASE,
)
_WD_CAL_RE = re.compile(
    rf"^\s*+(?P<wd>{_WEEKDAY})(?P<lalu>\s++lalu)?[\s,]*+(?:pukul|pkl\.?|jam|tabuh)\s*+(?P<h>\d{{1,2}})[:.]"
    rf"(?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?\s*+(?:{_AMPM})?+\s*+(?:{_ZONE})?+\s*+$",
    re.IGNORECASE,
)
_BARE_TIME_RE = re.compile(
    rf"^\s*+(?:(?:pukul|pkl\.?|jam|tabuh)\s*+)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?"
    rf"\s*+(?:{_AMPM})?+\s*+(?:{_ZONE})?+\s*+$",
    re.IGNORECASE,
)
_JUST_NOW_RE = re.compile(r"(?<![a-z])(baru\s++saja|barusan|sekarang\s++ini|just\s++now)(?![a-z])", re.I)
_FEW_SECONDS_RE = re.compile(r"(?<![a-z])beberapa\s++detik\s++(?:yang\s++)?lalu", re.I)
_FEW_SECONDS_FUT_RE = re.compile(r"(?<![a-z])(?:dalam|dlm)\s++(?:waktu\s++)?beberapa\s++detik", re.I)
_LAST_WEEK_RE = re.compile(r"^\s*+minggu\s++lalu\s*+$", re.I)
_PREFIX_RE = re.compile(rf"^\s*+(?:{_alt(PREFIXES)})(?![a-z])\s*+(?:pada|on)?+\s*+[:\-]?+\s*+", re.I)
_HAS_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"[a-z]++", re.I)
# Numeric shapes dateparser could read as a date: d/m/y with one separator kind, a clock time, or a
# compact YYYYMMDD. Anything else with digits and no date word is a count, a price or an id.
_NUMERIC_SHAPE_RE = re.compile(r"(?<!\d)\d{1,4}([-/.])\d{1,2}\1\d{1,4}|\d:\d\d|(?<!\d)(?:19|20)\d{6}(?!\d)")
_TIME_IN_TEXT_RE = re.compile(r"\d[:.]\d\d")

# A few-seconds phrase has no number; moment prints it for anything under 45 s, so 30 s is the
# middle of what it can mean.
_FEW_SECONDS = 30
_MAX_DATEPARSER_LEN = 200
# Input bounds (issue 13.3): a date string is short. Longer input is whitespace-folded; if still
# longer than MAX_INPUT, only a window around its first date shape (searched in the first
# _MAX_SCAN characters) is parsed, so a long byline keeps its date and a megabyte of digits costs a
# few milliseconds. The window starts a little before the shape for a weekday ("Senin, 8 ...").
MAX_INPUT = 300
_MAX_SCAN = 4000
_WINDOW_LEAD = 40


# --------------------------------------------------------------------------------------------
# Helpers


def _local_ref(reference: _dt.datetime | None, tzinfo: _dt.tzinfo) -> _dt.datetime:
    if reference is None:
        return _dt.datetime.now(tzinfo)
    if reference.tzinfo is None or reference.utcoffset() is None:
        return reference.replace(tzinfo=tzinfo)
    try:
        return reference.astimezone(tzinfo)
    except OverflowError:  # a fetch stamped at the calendar's end (a WARC-Date of 9999-12-31T23:59Z)
        return reference.replace(tzinfo=tzinfo)


def _year2(yy: int, ref_year: int) -> int:
    """Two-digit years: the latest century that does not put the date more than a year ahead."""
    year = 2000 + yy
    return year if year <= ref_year + 1 else 1900 + yy


def _apply_ampm(hour: int, ap: str | None) -> int:
    if not ap:
        return hour
    ap = ap.lower().replace(".", "")
    if ap in ("am", "pagi"):
        return 0 if hour == 12 else hour
    if ap == "siang":
        return hour + 12 if hour < 11 else hour
    if ap in ("pm", "sore", "petang"):
        return hour + 12 if hour < 12 else hour
    # malam: 9 malam is 21:00, 12 malam is midnight, 2 malam is 02:00.
    if hour == 12:
        return 0
    return hour + 12 if 6 <= hour < 12 else hour


def _time_from(m: re.Match[str]) -> _dt.time | None:
    hour = _apply_ampm(int(m.group("h")), m.group("ap"))
    minute = int(m.group("mi"))
    sec = int(m.group("s")) if m.group("s") else 0
    if hour == 24 and minute == 0 and sec == 0:
        hour = 0  # rare "24:00"; keeping the date is closer to what was printed than rolling over
    if hour > 23 or minute > 59 or sec > 60:
        return None
    return _dt.time(hour, minute, min(sec, 59))


def _add_months(d: _dt.date, months: int) -> _dt.date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    if month == 12:
        last = 31
    else:
        last = (_dt.date(year, month + 1, 1) - _dt.timedelta(days=1)).day
    return d.replace(year=year, month=month, day=min(d.day, last))


def _nearest_before(day: int, month: int, ref: _dt.date) -> _dt.date | None:
    """Year-less body date: the year that puts it nearest on or before the reference."""
    for year in (ref.year, ref.year - 1, ref.year - 2, ref.year - 3, ref.year - 4):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue  # 29/2 in a non-leap year: try earlier years
        if candidate <= ref:
            return candidate
    return None


def _fail(text: str, reason: str, method: str = "") -> ParsedDate:
    return ParsedDate(text, None, None, False, reason, method)


_FIRST_DAY = _dt.datetime(1, 1, 2, tzinfo=_dt.UTC)
_LAST_DAY = _dt.datetime(9999, 12, 30, tzinfo=_dt.UTC)


def _instant_in_range(p: ParsedDate) -> ParsedDate:
    """No instant that some zone cannot hold: "1/1/0001 00:00 WIT" is 31 December of year 0 in UTC,
    and converting it (to UTC for Parquet, to the site's zone for its local day) raised
    OverflowError far from here. Such a string keeps its date, as printed, without the instant."""
    if p.datetime is None:
        return p
    try:
        ok = _FIRST_DAY <= p.datetime.astimezone(_dt.UTC) <= _LAST_DAY
    except OverflowError:
        ok = False
    if ok:
        return p
    return ParsedDate(p.input, p.date, None, p.weekday_mismatch, p.error, p.method)


# --------------------------------------------------------------------------------------------
# Fast paths


def _parse_iso(
    text: str, s: str, tzinfo: _dt.tzinfo, z_is_local: bool
) -> ParsedDate | None:
    m = _ISO_RE.match(s)
    if not m:
        return None
    try:
        day = _dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return _fail(text, f"impossible date: {s.strip()}", "iso")
    if m.group("h") is None:
        return ParsedDate(text, day, None, False, None, "iso")
    hour, minute = int(m.group("h")), int(m.group("mi"))
    sec = int(m.group("s")) if m.group("s") else 0
    if hour > 23 or minute > 59 or sec > 60:
        return _fail(text, f"impossible time: {s.strip()}", "iso")
    zone = m.group("z")
    # detik's shapes: "T" with a space beside it, or dashes in the clock; a plain space between the
    # date and the clock ("2024-03-13 03:25:00Z", VOA's JSON-LD) is SQL's ISO form, its "Z" is UTC
    t = m.group("t")
    malformed = m.group("ts") == "-" or ("T" in t.upper() and " " in t)
    if zone is None or (zone.upper() == "Z" and (z_is_local or malformed)):
        zone_tz = tzinfo
    elif zone.upper() in ("Z", "UTC", "GMT"):
        zone_tz = _dt.UTC
    else:
        zone_tz = _zone_word(zone, tzinfo)
    stamp = _dt.datetime(day.year, day.month, day.day, hour, minute, min(sec, 59), tzinfo=zone_tz)
    # An explicit foreign offset is an instant; its local calendar date is the one in ``tz``.
    local_day = stamp.astimezone(tzinfo).date() if zone_tz is not tzinfo else day
    return ParsedDate(text, local_day, stamp, False, None, "iso")


def _date_from_cand(
    c: _Cand, s: str, ref: _dt.datetime
) -> tuple[_dt.date | None, str | None]:
    """(date, error) for one candidate; year-less dates take the nearest year before ``ref``."""
    if c.year is None:
        found = None
        if 1 <= c.month <= 12 and 1 <= c.day <= 31:
            found = _nearest_before(c.day, c.month, ref.date())
        if found is None:
            return None, f"impossible date: {s[c.start : c.end].strip()}"
        return found, None
    year = int(c.year)
    if len(c.year) == 2:
        year = _year2(year, ref.year)
    try:
        return _dt.date(year, c.month, c.day), None
    except ValueError:
        return None, f"impossible date: {s[c.start : c.end].strip()}"


def _absolute(
    text: str, s: str, m: _Cand, ref: _dt.datetime, tzinfo: _dt.tzinfo, search_time: bool
) -> tuple[ParsedDate, int, int]:
    """Build the result for one date match; also return the span including an adjacent time."""
    day, err = _date_from_cand(m, s, ref)
    written_wd = m.weekday
    start, end = m.start, m.end
    if day is None:
        return _fail(text, err or "no date found", "fast"), start, end
    wd = written_wd
    if wd is None:
        # Only the words just before the date ("Senin, 8 Januari", "Jakarta, Senin (8/1/2024)").
        before = s[max(0, start - 16) : start].rstrip(" ,(")
        wm = _LAST_WORD_RE.search(before)
        if wm:
            wd = WEEKDAYS.get(wm.group(0).lower())
            if wd is not None:
                start -= len(s[max(0, start - 16) : start]) - wm.start()
    mismatch = wd is not None and wd != day.weekday()
    if s[end : end + 1] == ")" and "(" in s[start : m.start]:
        end += 1  # "Senin (7/1/2024)": the span closes the bracket it opened
    tm = _TIME_AFTER_RE.match(s, end)
    t = _time_from(tm) if tm else None
    if t is not None and tm is not None:
        end = tm.end()
    elif search_time:
        tb = _TIME_BEFORE_RE.search(s, max(0, start - _BEFORE_WINDOW), start) if start else None
        t = _time_from(tb) if tb else None
        if t is not None:
            tm = tb
        elif ":" in s:
            for tm2 in _TIME_ANY_RE.finditer(s):
                t = _time_from(tm2)
                if t is not None:
                    tm = tm2
                    break
    if t is None or tm is None:
        return ParsedDate(text, day, None, mismatch, None, "fast"), start, end
    zone = tm.group("z")
    if not zone and search_time:
        zm = _ZONE_WORD_RE.search(s, m.end)
        zone = zm.group(1) if zm else None
    stamp = _dt.datetime.combine(day, t, tzinfo=_zone_word(zone, tzinfo))
    return ParsedDate(text, day, stamp, mismatch, None, "fast"), start, end


def _relative(text: str, s: str, ref: _dt.datetime, whole: bool) -> ParsedDate | None:
    # Keyword gates before each regex: these patterns start with a lookbehind, which the regex
    # engine tries at every position, so running them all on every string was the slowest step.
    low = s.lower()
    if ("baru" in low or "sekarang ini" in low or "just now" in low) and _JUST_NOW_RE.search(s):
        return ParsedDate(text, ref.date(), ref, False, None, "relative")
    if "beberapa" in low:
        if _FEW_SECONDS_RE.search(s):
            stamp = ref - _dt.timedelta(seconds=_FEW_SECONDS)
            return ParsedDate(text, stamp.date(), stamp, False, None, "relative")
        if _FEW_SECONDS_FUT_RE.search(s):
            stamp = ref + _dt.timedelta(seconds=_FEW_SECONDS)
            return ParsedDate(text, stamp.date(), stamp, False, None, "relative")
    has_digit = _HAS_DIGIT_RE.search(s) is not None
    m = _REL_RE.search(s) if (has_digit or "se" in low or "beberapa" in low) else None
    if m:
        direction = m.group("dir")
        if m.group("fut"):
            sign = 1
        elif direction:
            d = direction.lower()
            sign = 1 if ("sekarang" in d or d in ("lagi", "kemudian")) else -1
        else:
            sign = 0
        if sign == 0:
            if whole and m.group(0).strip() == s.strip():
                return _fail(text, "duration, not a date", "relative")
        else:
            seconds = days = months = 0
            sub_day = False  # "0 detik lalu" is still second-precise
            for num, unit in _REL_PART_RE.findall(m.group("parts")):
                n = 1 if num.lower() == "se" else (_FEW_SECONDS if num.lower() == "beberapa" else int(num))
                kind, amount = REL_UNITS[unit.lower()]
                if num.lower() == "beberapa" and kind != "s":
                    return _fail(text, "vague relative phrase: " + m.group(0).strip(), "relative")
                if kind == "s":
                    sub_day = True
                    seconds += n * amount
                elif kind == "d":
                    days += n * amount
                else:
                    months += n * amount
            moved = ref
            if months:
                moved = _dt.datetime.combine(_add_months(ref.date(), sign * months), ref.timetz())
            moved = moved + _dt.timedelta(days=sign * days, seconds=sign * seconds)
            if sub_day:
                return ParsedDate(text, moved.date(), moved, False, None, "relative")
            return ParsedDate(text, moved.date(), None, False, None, "relative")
    gate = "kemar" in low or "hari ini" in low or "besok" in low or "lusa" in low
    c = _CAL_RE.search(s) if gate else None
    if c:
        word = " ".join(c.group("w").lower().split())
        shift = {"kemarin lusa": -2, "kemarin": -1, "kemaren": -1, "hari ini": 0, "besok": 1,
                 "lusa": 2}[word]  # fmt: skip
        day = ref.date() + _dt.timedelta(days=shift)
        return _with_time(text, day, c, ref.tzinfo or _dt.UTC)
    if whole:
        w = _WD_CAL_RE.match(s)
        if w:
            target = WEEKDAYS[w.group("wd").lower()]
            today = ref.date()
            if w.group("lalu"):
                back = (today.weekday() - target) % 7 or 7
                day = today - _dt.timedelta(days=back)
            else:
                ahead = (target - today.weekday()) % 7 or 7
                day = today + _dt.timedelta(days=ahead)
            return _with_time(text, day, w, ref.tzinfo or _dt.UTC)
        if _LAST_WEEK_RE.match(s):
            return ParsedDate(text, ref.date() - _dt.timedelta(days=7), None, False, None, "relative")
        b = _BARE_TIME_RE.match(s) if has_digit else None
        if b:
            # A page that prints only a time means today (the article is from the fetch day).
            return _with_time(text, ref.date(), b, ref.tzinfo or _dt.UTC)
    return None


def _with_time(text: str, day: _dt.date, m: re.Match[str], tzinfo: _dt.tzinfo) -> ParsedDate:
    if m.group("h") is None:
        return ParsedDate(text, day, None, False, None, "relative")
    t = _time_from(m)
    if t is None:
        return _fail(text, "impossible time: " + m.group(0).strip(), "relative")
    stamp = _dt.datetime.combine(day, t, tzinfo=_zone_word(m.group("z"), tzinfo))
    return ParsedDate(text, day, stamp, False, None, "relative")


# --------------------------------------------------------------------------------------------
# dateparser fallback


@functools.lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # slow to import: only when the fast path could not decide

    return dateparser


def _tz_name_for_dateparser(tzinfo: _dt.tzinfo, ref: _dt.datetime) -> str:
    key = getattr(tzinfo, "key", None)
    if key:
        return str(key)
    off = ref.utcoffset() or _dt.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _plausible(s: str) -> bool:
    """Could dateparser find a date here? Needs a digit and a date word or a numeric date shape.

    Why: dateparser costs ~25 ms on a string it cannot parse, and pages are full of such strings
    (a bare year, "Komentar (3)", "1.234 Views", "Halaman 2"); every date it can read names a
    month, weekday or time unit (Indonesian or English) or has a numeric date shape.
    """
    if not _HAS_DIGIT_RE.search(s):
        return False
    if _NUMERIC_SHAPE_RE.search(s):
        return True
    return any(w.lower() in PLAUSIBLE_WORDS for w in _WORD_RE.findall(s))


def _via_dateparser(text: str, s: str, ref: _dt.datetime, tzinfo: _dt.tzinfo) -> ParsedDate:
    if len(s) > _MAX_DATEPARSER_LEN or not _plausible(s):
        return _fail(text, "no date found")
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": ref.replace(tzinfo=None),
        "TIMEZONE": _tz_name_for_dateparser(tzinfo, ref),
        "RETURN_AS_TIMEZONE_AWARE": True,
        # Without this "2024" or "Rabu" becomes a made-up full date: we never guess.
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        got = _dateparser().parse(s, languages=["id", "en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; ours must not
        got = None
    if got is None:
        return _fail(text, "no date found", "dateparser")
    if _TIME_IN_TEXT_RE.search(s):
        return ParsedDate(text, got.date(), got, False, None, "dateparser")
    return ParsedDate(text, got.date(), None, False, None, "dateparser")


# --------------------------------------------------------------------------------------------
# Public API


def _normalize(text: str) -> str:
    if text.isascii() and "`" not in text and "\t" not in text:
        return text  # the common case; translate() costs as much as a regex search
    return text.translate(_TRANSLATE)


def _window(s: str) -> str | None:
    """At most MAX_INPUT characters of an over-long input: folded, then around its first date."""
    s = " ".join(s.split())  # linear, in C
    if len(s) <= MAX_INPUT:
        return s
    c = next(_date_candidates(s[:_MAX_SCAN]), None)
    if c is None:
        return None
    start = max(0, c.start - _WINDOW_LEAD)
    return s[start : start + MAX_INPUT]


def parse_date(
    text: str,
    *,
    reference: _dt.datetime | None = None,
    tz: TzLike = "WIB",
    z_is_local: bool = False,
) -> ParsedDate:
    """Parse one date string as printed on an Indonesian news page.

    ``reference`` is the fetch time (relative phrases and year-less dates resolve against it; naive
    means in ``tz``; default now). ``tz`` is the site's zone, used when the string names none.
    ``z_is_local`` says the site's ISO "Z" times are really local (detik). Never raises on a str;
    raises ValueError only for an unknown ``tz``.
    """
    tzinfo = resolve_tz(tz)
    try:
        return _instant_in_range(_parse(text, reference, tzinfo, z_is_local))
    except Exception as exc:  # the contract is "never raises"; say what broke instead
        return _fail(text, f"unparseable ({type(exc).__name__})")


def _parse(
    text: str, reference: _dt.datetime | None, tzinfo: _dt.tzinfo, z_is_local: bool
) -> ParsedDate:
    if not isinstance(text, str):
        return _fail(str(text), "not a string")
    s = _normalize(text)
    if len(s) > MAX_INPUT:
        s = _window(s)
        if s is None:
            return _fail(text, f"too long: {len(text)} characters and no date shape")
    if not s.strip():
        return _fail(text, "empty")
    s = _PREFIX_RE.sub("", s, count=1)
    if s.lstrip()[:4].isdigit():  # only meta/ISO values start with a 4-digit year
        iso = _parse_iso(text, s, tzinfo, z_is_local)
        if iso is not None:
            return iso
    ref = _local_ref(reference, tzinfo)
    m = next(_date_candidates(s), None)
    if m:
        return _absolute(text, s, m, ref, tzinfo, search_time=True)[0]
    rel = _relative(text, s, ref, whole=True)
    if rel is not None:
        return rel
    return _via_dateparser(text, s, ref, tzinfo)


def find_dates(
    text: str, *, reference: _dt.datetime | None = None, tz: TzLike = "WIB"
) -> list[DateMatch]:
    """Find absolute dates inside running text, day-first, with spans into ``text``.

    For the cleaner's fallback and ``date_flags``: "kata Maruf di Jakarta, Senin (7/1/2024)." gives
    one match for "Senin (7/1/2024)". Only the fast-path shapes are searched (no dateparser), and
    numeric shapes are kept tight so phone numbers, scores, prices and versions do not match.
    Impossible dates are returned with ``date=None`` and the reason, so callers can flag them.
    """
    tzinfo = resolve_tz(tz)
    if not isinstance(text, str) or not text:
        return []
    s = _normalize(text)
    ref = _local_ref(reference, tzinfo)
    out: list[DateMatch] = []
    for m in _date_candidates(s):
        if m.kind == "num" and m.sep != "/" and len(m.year or "") != 4:
            continue  # "1.2.34" and "12-5-20" are more often versions or scores than dates
        try:
            parsed, start, end = _absolute(text[m.start : m.end], s, m, ref, tzinfo, False)
        except Exception:  # never let one odd match break the whole page
            continue
        span_text = text[start:end]
        parsed = ParsedDate(span_text, parsed.date, parsed.datetime, parsed.weekday_mismatch,
                            parsed.error, parsed.method)  # fmt: skip
        parsed = _instant_in_range(parsed)
        out.append(DateMatch(start, end, span_text, parsed))
    return out



def to_json(p: ParsedDate) -> dict[str, Any]:
    """The CLI/JSON shape: {"input","date","datetime","weekday_mismatch","error"}."""
    return {
        "input": p.input,
        "date": p.date.isoformat() if p.date else None,
        "datetime": p.datetime.isoformat() if p.datetime else None,
        "weekday_mismatch": p.weekday_mismatch,
        "error": p.error,
    }
