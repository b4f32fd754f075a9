"""Table-driven tests for kliping.dates: every page shape from issue 3, pinned to a fixed fetch time.

The reference is fixed (City Scrapers' lesson: time-dependent parsing is pinned to the fixture's fetch
time, never "now"), and zones are asserted explicitly (Fundus' helper silently dropped them).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from kliping.cli import main as cli_main
from kliping.dates import (
    ERROR_PREFIXES,
    MAX_INPUT,
    ZONE_OFFSETS,
    DateMatch,
    ParsedDate,
    find_dates,
    parse_date,
    to_json,
)

WIB = dt.timezone(dt.timedelta(hours=7))
REF = dt.datetime(2024, 1, 10, 15, 30, tzinfo=WIB)  # Wednesday

# (input, expected date, expected datetime ISO or None)
ABSOLUTE = [
    ("Senin, 08 Jan 2024 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Senin, 8 Januari 2024 | 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Kompas.com - 08/01/2024, 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("08 Jan 2024, 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Diperbarui 08 Jan 2024, 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Diterbitkan: Senin, 8 Januari 2024 14:30", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Dipublikasikan 8 Januari 2024", "2024-01-08", None),
    ("Senin (8/1/2024)", "2024-01-08", None),
    ("Jakarta, Senin (8/1/2024)", "2024-01-08", None),
    ("Senin (8/1)", "2024-01-08", None),
    ("Senin, 8 Januari 2024 pukul 14.30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Senin, 8 Januari 2024 14:30:15 WIB", "2024-01-08", "2024-01-08T14:30:15+07:00"),
    ("Senin - 8 Januari 2024 - 14:30", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Senin \u2014 8 Januari 2024 \u2022 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Senin,\xa08\xa0Januari\xa02024\xa0|\xa014:30\xa0WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("SENIN, 8 JANUARI 2024 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("senin, 8 januari 2024 14:30 wib", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Kamis, 8 Pebruari 2024", "2024-02-08", None),
    ("Rabu, 8 Nopember 2023", "2023-11-08", None),
    ("Jum'at, 12 Januari 2024", "2024-01-12", None),
    ("Jum\u2019at, 12 Januari 2024", "2024-01-12", None),
    ("Ahad, 7 Januari 2024", "2024-01-07", None),
    ("12 Agu 2024", "2024-08-12", None),
    ("12 Agt 2024", "2024-08-12", None),
    ("12 Ags 2024", "2024-08-12", None),
    ("12 Sept 2024", "2024-09-12", None),
    ("12 Okt 2023", "2023-10-12", None),
    ("12 Nop 2023", "2023-11-12", None),
    ("12 Des 2023", "2023-12-12", None),
    ("Januari 8, 2024", "2024-01-08", None),
    ("08/01/2024", "2024-01-08", None),
    ("8/1/2024 14:30", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("08/01/24", "2024-01-08", None),
    ("08-01-2024", "2024-01-08", None),
    ("08.01.2024", "2024-01-08", None),
    ("Monday, January 8, 2024 2:30 PM", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Wednesday, 04 November, 2015 | 07:28 WIB", "2015-11-04", "2015-11-04T07:28:00+07:00"),
    ("Jumat , 17 February 2017, 13:16 WIB", "2017-02-17", "2017-02-17T13:16:00+07:00"),
    ("Selasa, 23 Februari 2016 15:06 WIB | 998 Views", "2016-02-23", "2016-02-23T15:06:00+07:00"),
    ("Kamis, 05 November 2015, 15:07 WIB Komentar : 0", "2015-11-05", "2015-11-05T15:07:00+07:00"),
    ("Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib", "2017-02-17",
     "2017-02-17T13:30:00+07:00"),
    ("Kamis 5 November 2015 14:56   1.229 Views", "2015-11-05", "2015-11-05T14:56:00+07:00"),
    ("Senin, 8 Januari 2024 14:30 WITA", "2024-01-08", "2024-01-08T14:30:00+08:00"),
    ("Senin, 8 Januari 2024 14:30 WIT", "2024-01-08", "2024-01-08T14:30:00+09:00"),
    ("Minggu, Februari 14 2010, 3:25:50 sore", "2010-02-14", "2010-02-14T15:25:50+07:00"),
    ("29 Mei 1453 pukul 23.59.59", "1453-05-29", "1453-05-29T23:59:59+07:00"),
    # ISO from meta tags
    ("2024-01-08T14:30:00+07:00", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("2016-02-16T13:01:52+0700", "2016-02-16", "2016-02-16T13:01:52+07:00"),
    ("2024-01-08T07:30:00Z", "2024-01-08", "2024-01-08T07:30:00+00:00"),
    ("2024-01-07T20:00:00Z", "2024-01-08", "2024-01-07T20:00:00+00:00"),  # local date in WIB
    ("2024-01-08T14:30:00.123+07:00", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("2016-02-16 09:10:56", "2016-02-16", "2016-02-16T09:10:56+07:00"),
    ("2023/11/02 20:59:53", "2023-11-02", "2023-11-02T20:59:53+07:00"),
    ("2024-01-08", "2024-01-08", None),
    # detik's malformed "Z" shapes are WIB
    ("2015-11-05 T10:08:58Z", "2015-11-05", "2015-11-05T10:08:58+07:00"),
    ("2023-11-02T20-59-53Z", "2023-11-02", "2023-11-02T20:59:53+07:00"),
    # a space between date and clock (SQL's form, VOA's JSON-LD) is no malformed "T": its "Z" is UTC
    ("2024-03-13 03:25:00Z", "2024-03-13", "2024-03-13T03:25:00+00:00"),
    ("2024-03-12 20:00:00Z", "2024-03-13", "2024-03-12T20:00:00+00:00"),
    # a time beside the date in a byline, and dual Hijri/Gregorian headers (issue 14.3)
    ("08/01/2024, 14:30", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Kamis, 7 Mar 2024 - 10:15", "2024-03-07", "2024-03-07T10:15:00+07:00"),
    ("Oleh Budi Santoso | Senin, 8 Januari 2024 | 14:30 WIB", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Senin 26 Rajab 1445 / 05 Februari 2024 15:45 WIB", "2024-02-05", "2024-02-05T15:45:00+07:00"),
    ("Senin, 26 Rajab 1445 H / 5 Februari 2024 M, 15:45 WIB", "2024-02-05", "2024-02-05T15:45:00+07:00"),
    ("05 Februari 2024 / 24 Rajab 1445 H 15:45 WIB", "2024-02-05", "2024-02-05T15:45:00+07:00"),
    # the clock printed before the date, with a dot (issue 14.3)
    ("pukul 14.30 WIB | Senin, 8 Januari 2024", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("09.30 WITA, 14.01.2016", "2016-01-14", "2016-01-14T09:30:00+08:00"),
    ("2:30 p.m., Jan 8, 2024", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("Rp 12.500 | 8 Jan 2024", "2024-01-08", None),
    # an offset after GMT/UTC is the zone
    ("Senin, 8 Januari 2024 14:30 GMT+7", "2024-01-08", "2024-01-08T14:30:00+07:00"),
    ("8 Januari 2024 14:30 (UTC+8)", "2024-01-08", "2024-01-08T14:30:00+08:00"),
    ("08 Jan 2024 14:30 GMT +09:00", "2024-01-08", "2024-01-08T14:30:00+09:00"),
    # a bare time is the fetch day
    ("pukul 14.30 WIB", "2024-01-10", "2024-01-10T14:30:00+07:00"),
    ("10:00 pagi", "2024-01-10", "2024-01-10T10:00:00+07:00"),
    ("12:00 pagi", "2024-01-10", "2024-01-10T00:00:00+07:00"),
    ("9:30 malam", "2024-01-10", "2024-01-10T21:30:00+07:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "date", "stamp"), ABSOLUTE)
def test_absolute_shapes(text: str, date: str, stamp: str | None) -> None:
    p = parse_date(text, reference=REF)
    assert p.error is None, p
    assert p.date == dt.date.fromisoformat(date)
    if stamp is None:
        assert p.datetime is None
    else:
        assert p.datetime is not None and p.datetime.tzinfo is not None
        assert p.datetime.isoformat() == stamp
    assert not p.weekday_mismatch


# (input, expected date, expected datetime ISO or None) against REF 2024-01-10 15:30 WIB
RELATIVE = [
    ("baru saja", "2024-01-10", "2024-01-10T15:30:00+07:00"),
    ("5 detik yang lalu", "2024-01-10", "2024-01-10T15:29:55+07:00"),
    ("30 menit yang lalu", "2024-01-10", "2024-01-10T15:00:00+07:00"),
    ("2 jam lalu", "2024-01-10", "2024-01-10T13:30:00+07:00"),
    ("16 jam yang lalu", "2024-01-09", "2024-01-09T23:30:00+07:00"),
    ("3 hari yang lalu", "2024-01-07", None),
    ("2 minggu lalu", "2023-12-27", None),
    ("1 bulan yang lalu", "2023-12-10", None),
    ("2 tahun lalu", "2022-01-10", None),
    ("sehari yang lalu", "2024-01-09", None),
    ("sejam yang lalu", "2024-01-10", "2024-01-10T14:30:00+07:00"),
    ("kemarin", "2024-01-09", None),
    ("Kemarin pukul 22.00", "2024-01-09", "2024-01-09T22:00:00+07:00"),
    ("kemarin lusa", "2024-01-08", None),
    ("hari ini", "2024-01-10", None),
    ("Hari ini pukul 10.00", "2024-01-10", "2024-01-10T10:00:00+07:00"),
    ("besok pukul 12.00", "2024-01-11", "2024-01-11T12:00:00+07:00"),
    ("3 mnt lalu", "2024-01-10", "2024-01-10T15:27:00+07:00"),
    ("10dt yang lalu", "2024-01-10", "2024-01-10T15:29:50+07:00"),
    ("2j yang lalu", "2024-01-10", "2024-01-10T13:30:00+07:00"),
    ("2hr yang lalu", "2024-01-08", None),
    ("1mgg yang lalu", "2024-01-03", None),
    ("2bln yang lalu", "2023-11-10", None),
    ("1thn yang lalu", "2023-01-10", None),
    ("2thn 3bln 1hr 1dt yang lalu", "2021-10-09", "2021-10-09T15:29:59+07:00"),
    ("dalam 43 menit", "2024-01-10", "2024-01-10T16:13:00+07:00"),
    ("Diperbarui 2 jam lalu", "2024-01-10", "2024-01-10T13:30:00+07:00"),
    ("Senin lalu pukul 00.00", "2024-01-08", "2024-01-08T00:00:00+07:00"),
    # English ages, as English editions and widgets print them
    ("3 hours ago", "2024-01-10", "2024-01-10T12:30:00+07:00"),
    ("45 mins ago", "2024-01-10", "2024-01-10T14:45:00+07:00"),
    ("2 days ago", "2024-01-08", None),
]


@pytest.mark.parametrize(("text", "date", "stamp"), RELATIVE)
def test_relative_phrases(text: str, date: str, stamp: str | None) -> None:
    p = parse_date(text, reference=REF)
    assert p.error is None, p
    assert p.method == "relative"
    assert p.date == dt.date.fromisoformat(date)
    assert (p.datetime.isoformat() if p.datetime else None) == stamp


def test_relative_uses_reference_zone_for_calendar_day() -> None:
    # 23:30 UTC on the 9th is already the 10th in WIB: "hari ini" is the site's local day.
    ref = dt.datetime(2024, 1, 9, 23, 30, tzinfo=dt.UTC)
    assert parse_date("hari ini", reference=ref).date == dt.date(2024, 1, 10)
    assert parse_date("hari ini", reference=ref, tz="UTC").date == dt.date(2024, 1, 9)


def test_naive_reference_is_local() -> None:
    p = parse_date("1 jam lalu", reference=dt.datetime(2024, 1, 10, 0, 30), tz="WITA")
    assert p.datetime is not None
    assert p.datetime.isoformat() == "2024-01-09T23:30:00+08:00"


def test_weekday_mismatch_keeps_date() -> None:
    p = parse_date("Senin (7/1/2024)", reference=REF)  # 7 Jan 2024 was a Sunday
    assert p.date == dt.date(2024, 1, 7)
    assert p.weekday_mismatch
    assert p.error is None
    assert parse_date("Minggu, 7 Januari 2024", reference=REF).weekday_mismatch is False
    assert parse_date("Selasa, 8 Januari 2024 14:30 WIB", reference=REF).weekday_mismatch


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("30 Februari 2024", "impossible date: 30 Februari 2024"),
        ("32/13/2024", "impossible date: 32/13/2024"),
        ("29 Februari 2023", "impossible date"),
        ("Senin (31/4)", "impossible date"),
        ("2024-02-30T10:00:00+07:00", "impossible date"),
        ("Rabu", "no date found"),
        ("2024", "no date found"),
        ("Baca juga: Jokowi resmikan jalan tol", "no date found"),
        ("", "empty"),
        ("   ", "empty"),
        ("5 minggu", "duration, not a date"),
    ],
)
def test_non_dates_give_reason(text: str, reason: str) -> None:
    p = parse_date(text, reference=REF)
    assert p.date is None and p.datetime is None
    assert p.error is not None and p.error.startswith(reason)


@pytest.mark.parametrize(
    "text",
    ["2024", "-", "\u2014", "Baca juga", "Bagikan", "Komentar", "Komentar (12)", "1.234 Views",
     "Dibaca 3.456 kali", "Halaman 2 dari 5", "Rp 2.500.000", "Foto: 1/12", "(H-4)", "Liga 1",
     "COVID-19", "Pemilu 2024", "Top 10 Berita", "0812-3456-7890", "Rating 4.5/5"],
)  # fmt: skip
def test_non_dates_are_rejected_without_dateparser(text: str) -> None:
    # issue 14.7: these fell through to dateparser at ~25 ms each; method "" says it was not asked
    p = parse_date(text, reference=REF)
    assert p.date is None and p.error == "no date found"
    assert p.method == ""


@pytest.mark.parametrize(
    ("text", "date"),
    [("8th of January 2024", "2024-01-08"), ("January the 8th, 2024", "2024-01-08")],
)
def test_plausible_long_tail_still_reaches_dateparser(text: str, date: str) -> None:
    p = parse_date(text, reference=REF)
    assert p.method == "dateparser" and p.date == dt.date.fromisoformat(date)


@pytest.mark.parametrize("n", [16_000, 1_000_000])
def test_long_digit_runs_are_refused_not_parsed(n: int) -> None:
    # issue 13.3: 16,000 digits took 18 s and a million never ended (quadratic backtracking)
    for text in ("1" * n, "1 jam " * (n // 6), "Senin (" + "8/" * (n // 2)):
        p = parse_date(text, reference=REF)
        assert p.date is None and p.error is not None and p.error.startswith(ERROR_PREFIXES)
    # a date at the start of the run is read from the window (its digits cannot be a time)
    p = parse_date("2024-01-08T10:00:00" + "0" * n, reference=REF)
    assert p.date == dt.date(2024, 1, 8)
    assert find_dates("1" * n, reference=REF) == []


def test_long_byline_keeps_its_date() -> None:
    # over MAX_INPUT characters: whitespace is folded and a window around the first date is read
    byline = ("Penulis: " + "Ahmad Fauzi, " * 30 + "| Senin, 8 Januari 2024 | 14:30 WIB | "
              + "Bagikan " * 40)  # fmt: skip
    assert len(byline) > MAX_INPUT
    p = parse_date(byline, reference=REF)
    assert p.datetime is not None and p.datetime.isoformat() == "2024-01-08T14:30:00+07:00"
    p = parse_date("Senin,\n" + " " * 5000 + "8 Januari 2024", reference=REF)
    assert p.date == dt.date(2024, 1, 8)
    p = parse_date("x" * 5000, reference=REF)
    assert p.date is None and p.error is not None and p.error.startswith("too long")


def test_two_digit_year_century() -> None:
    assert parse_date("08/01/99", reference=REF).date == dt.date(1999, 1, 8)
    assert parse_date("08/01/25", reference=REF).date == dt.date(2025, 1, 8)


def test_year_less_date_takes_nearest_past_year() -> None:
    # Fetched 10 Jan 2024: "(28/12)" is last December, "(9/1)" this January.
    assert parse_date("Kamis (28/12)", reference=REF).date == dt.date(2023, 12, 28)
    assert parse_date("Selasa (9/1)", reference=REF).date == dt.date(2024, 1, 9)
    # 29/2 goes back to the last leap year.
    assert parse_date("Kamis (29/2)", reference=REF).date == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    ("tz", "offset"),
    [("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00"), ("Asia/Makassar", "+08:00"),
     ("+09:00", "+09:00"), (dt.timezone(dt.timedelta(hours=8)), "+08:00")],
)  # fmt: skip
def test_site_zone_applies_when_none_written(tz: str | dt.tzinfo, offset: str) -> None:
    p = parse_date("8 Januari 2024 14:30", reference=REF, tz=tz)
    assert p.datetime is not None
    assert p.datetime.isoformat() == "2024-01-08T14:30:00" + offset
    # a written zone wins over the site's zone
    q = parse_date("8 Januari 2024 14:30 WIB", reference=REF, tz=tz)
    assert q.datetime is not None and q.datetime.isoformat().endswith("+07:00")


def test_zone_offsets_constant() -> None:
    assert ZONE_OFFSETS == {"WIB": 7, "WITA": 8, "WIT": 9, "WAS": 3}  # (WAS: the hajj reports' Saudi time)


def test_z_is_local() -> None:
    assert parse_date("2024-01-08T14:30:00Z").datetime == dt.datetime(
        2024, 1, 8, 14, 30, tzinfo=dt.UTC
    )
    p = parse_date("2024-01-08T14:30:00Z", z_is_local=True)
    assert p.datetime is not None and p.datetime.isoformat() == "2024-01-08T14:30:00+07:00"
    # an explicit offset is never reinterpreted
    p = parse_date("2024-01-08T14:30:00+00:00", z_is_local=True)
    assert p.datetime is not None and p.datetime.utcoffset() == dt.timedelta(0)


def test_bad_tz_raises_value_error() -> None:
    with pytest.raises(ValueError):
        parse_date("8 Januari 2024", tz="Mars/Olympus")


def test_dateparser_fallback_long_tail() -> None:
    p = parse_date("tanggal delapan? 2024 8 de enero de 2024", reference=REF)
    assert isinstance(p, ParsedDate)  # whatever the long tail gives, it never raises
    p = parse_date("8th of January 2024", reference=REF)
    assert p.date == dt.date(2024, 1, 8)


def test_to_json_shape() -> None:
    got = to_json(parse_date("Senin, 8 Januari 2024 | 14:30 WIB", reference=REF))
    assert got == {
        "input": "Senin, 8 Januari 2024 | 14:30 WIB",
        "date": "2024-01-08",
        "datetime": "2024-01-08T14:30:00+07:00",
        "weekday_mismatch": False,
        "error": None,
    }
    assert to_json(parse_date("Rabu"))["date"] is None


# ---- find_dates


def test_find_dates_in_body() -> None:
    text = "kata Maruf di Jakarta, Senin (7/1/2024)."
    found = find_dates(text, reference=REF)
    assert len(found) == 1
    m = found[0]
    assert isinstance(m, DateMatch)
    assert text[m.start : m.end] == m.text == "Senin (7/1/2024)"
    assert m.parsed.date == dt.date(2024, 1, 7) and m.parsed.weekday_mismatch


def test_find_dates_several_with_times_and_spans() -> None:
    text = (
        "Sidang digelar Senin (8/1) dan dilanjutkan 15 Januari 2024 pukul 10.00 WIB. "
        "Putusan dibacakan 22/01/2024."
    )
    found = find_dates(text, reference=REF)
    assert [m.text for m in found] == [
        "Senin (8/1)",
        "15 Januari 2024 pukul 10.00 WIB",
        "22/01/2024",
    ]
    assert found[1].parsed.datetime is not None
    assert found[1].parsed.datetime.isoformat() == "2024-01-15T10:00:00+07:00"
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Hubungi 0812-3456-7890 atau (021) 555-1234.",
        "Persib menang 2-1 atas Persija, skor akhir 3-2.",
        "Harganya Rp 2.024 per lembar, naik dari Rp 1.999.",
        "Perbarui ke versi 1.2.3 atau 10.4.22 sekarang.",
        "Sebanyak 12.000 orang hadir, 1/2 dari target, rasio 3/4.",
        "Pada 2024 jumlahnya naik 8 persen.",
        "Rabu kemarin ia datang.",
    ],
)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, reference=REF) == []


def test_find_dates_reports_impossible_dates() -> None:
    found = find_dates("Rapat tanggal 30 Februari 2024 dibatalkan.", reference=REF)
    assert len(found) == 1 and found[0].parsed.date is None
    assert found[0].parsed.error == "impossible date: 30 Februari 2024"


# ---- CLI


def test_cli_text_args(capsys: pytest.CaptureFixture[str]) -> None:
    rc = cli_main(
        ["dates", "--reference", "2024-01-10T15:30:00+07:00", "Senin (7/1/2024)", "2 jam lalu"]
    )
    assert rc == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0] == {
        "input": "Senin (7/1/2024)",
        "date": "2024-01-07",
        "datetime": None,
        "weekday_mismatch": True,
        "error": None,
    }
    assert lines[1]["datetime"] == "2024-01-10T13:30:00+07:00"


def test_cli_tz(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["dates", "--tz", "WITA", "8 Januari 2024 14:30"]) == 0
    assert json.loads(capsys.readouterr().out)["datetime"] == "2024-01-08T14:30:00+08:00"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["dates", "--reference", "yesterday", "x"], "--reference"),
        (["dates", "--tz", "Mars/Olympus", "x"], "--tz"),
    ],
)
def test_cli_bad_usage(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1


def test_cli_stdin_streams() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kliping", "dates", "--reference", "2024-01-10T15:30"],
        input="Senin, 8 Januari 2024 | 14:30 WIB\nRabu\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["date"] for x in lines] == ["2024-01-08", None]
    assert lines[1]["error"] == "no date found"
