"""Vocabulary for the Indonesian date normalizer (kliping.dates).

Kept apart from the parsing logic so adding a spelling seen on a page is a one-line data change.
Keys are lower case with straight apostrophes; the parser folds case and curly quotes first.
"""

from __future__ import annotations

# Indonesian first, then the old spellings and abbreviations pages print, then English (some
# Indonesian sites print English month names, e.g. Republika's "Jumat , 17 February 2017").
# "ags" is moment's abbreviation of Agustus, "agu"/"agt" dateparser's and pages'.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "febr": 2, "february": 2,
    "maret": 3, "mar": 3, "mrt": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "sept.": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

# Monday = 0, as datetime.date.weekday(). "Ahad" is the Arabic-derived name for Sunday.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "sen": 0, "monday": 0, "mon": 0,
    "selasa": 1, "sel": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "rabu": 2, "rab": 2, "wednesday": 2, "wed": 2,
    "kamis": 3, "kam": 3, "thursday": 3, "thu": 3, "thurs": 3,
    "jumat": 4, "jum'at": 4, "jum": 4, "friday": 4, "fri": 4,
    "sabtu": 5, "sab": 5, "saturday": 5, "sat": 5,
    "minggu": 6, "ahad": 6, "min": 6, "sunday": 6, "sun": 6,
    # the regional languages' sections: Javanese ("Setu Legi"), Sundanese ("Kemis", "Saptu")
    "senen": 0, "salasa": 1, "rebo": 2, "kemis": 3, "jemuwah": 4, "jumaah": 4, "setu": 5, "saptu": 5,
}  # fmt: skip

# Zone abbreviations printed after times, in hours east of UTC.
ZONE_OFFSETS: dict[str, int] = {"WIB": 7, "WITA": 8, "WIT": 9, "WAS": 3}  # (WAS: Saudi Arabia's)

# Relative units: (kind, amount). Kinds are "s" seconds, "d" days, "m" months; short forms are
# Carbon's (dt, mnt, j, hr, mgg, bln, thn) plus dateparser's "dtk".
REL_UNITS: dict[str, tuple[str, int]] = {
    "detik": ("s", 1), "dtk": ("s", 1), "dt": ("s", 1),
    "menit": ("s", 60), "mnt": ("s", 60),
    "jam": ("s", 3600), "j": ("s", 3600),
    "hari": ("d", 1), "hr": ("d", 1),
    "minggu": ("d", 7), "mgg": ("d", 7), "pekan": ("d", 7),
    "bulan": ("m", 1), "bln": ("m", 1),
    "tahun": ("m", 12), "thn": ("m", 12),
    # English, as Indonesian sites' English editions and widgets print them ("3 hours ago")
    "second": ("s", 1), "seconds": ("s", 1), "sec": ("s", 1), "secs": ("s", 1),
    "minute": ("s", 60), "minutes": ("s", 60), "min": ("s", 60), "mins": ("s", 60),
    "hour": ("s", 3600), "hours": ("s", 3600), "hrs": ("s", 3600),
    "day": ("d", 1), "days": ("d", 1), "week": ("d", 7), "weeks": ("d", 7),
    "month": ("m", 1), "months": ("m", 1), "year": ("m", 12), "years": ("m", 12),
}  # fmt: skip

# Words that say "this line is the publication/update date", stripped before parsing.
PREFIXES: tuple[str, ...] = (
    "diperbarui", "diterbitkan", "dipublikasikan", "dipublish", "diposting", "dimuat",
    "terbit", "update", "updated", "published", "posted", "tanggal", "tgl",
)  # fmt: skip

# Words that make a string with digits worth handing to dateparser (kliping.dates._plausible): every
# date it can read in Indonesian or English names one of these, so a string with none of them (and
# no numeric date shape) is rejected without the ~25 ms dateparser spends failing on it.
PLAUSIBLE_WORDS: frozenset[str] = frozenset(
    [*MONTHS, *WEEKDAYS, *(u for u in REL_UNITS if len(u) > 1)]
    + [w.rstrip(".") for w in MONTHS]
    + """lalu yll silam ago dalam dlm kemarin kemaren besok lusa sekarang ini depan berikutnya
    am pm pagi siang sore petang malam wib wita wit utc gmt pukul pkl jam tabuh tanggal tgl
    second seconds sec secs minute minutes mins hour hours hr hrs day days week weeks month months
    year years yesterday today tomorrow now noon midnight""".split()
)
