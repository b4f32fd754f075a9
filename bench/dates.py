"""Benchmark kliping.dates against plain dateparser: accuracy on shared cases, then throughput.

Run: ``.venv/bin/python bench/dates.py [-v] [--regex]`` (``-v`` lists the rows kliping gets wrong;
``--regex`` instead times every regex of the date modules on hostile inputs of growing length).
Skips (exit 0) when ``../shared`` next to the repository is absent.

Why these scoring rules: the case files mix absolute strings, relative phrases and upstream test
oddities; each ``kind`` needs a rule that says what "correct" means, and both parsers are held to the
same rule.

How each row is read (printed at the start of every run):
- reference: "now" -> a fixed 2024-01-10T15:30:00+07:00 (WIB); an ISO value with "Z" -> that UTC
  instant, and the row's zone is UTC for both parsers (date-fns/Carbon computed those rows in UTC);
  a naive ISO value -> that wall time in WIB; empty -> 2024-01-10T15:30+07:00, except time_of_day
  rows, whose reference is 12:00 on the date of the expected value (the upstream test's "today").
  The row's zone is WIB, except UTC where the reference is "Z" or where the expected value ends in
  "Z" and the input names no zone (date-fns formatted those dates in UTC).
- absolute / absolute_page_string / relative_calendar / time_of_day / search_in_text, expected an
  ISO value: with an offset or "Z" -> the instants must be equal; naive with a time -> the wall
  clock in the row's zone must be equal; a date, or a midnight time when the input writes no time
  of day -> the calendar dates (in the row's zone) must be equal.
- relative, expected a signed duration: target = reference + duration. With a time part (PT…) ->
  instants must be equal; without (P3W, P1M, P0D) -> calendar dates in the row's zone.
  "-P1DT12:00" -> reference date minus 1 day at 12:00 in the row's zone, compared as an instant.
- duration (a bare "P5W", no direction): not a point in time, so correct = no date returned.
- search_in_text: kliping.find_dates (first match) vs dateparser.search.search_dates (first match),
  because dateparser.parse on a whole sentence is not what either tool offers for text search.
- dateparser is called as ``dateparser.parse(s, languages=["id","en"], settings={"DATE_ORDER": "DMY",
  "TIMEZONE": <row zone, Asia/Jakarta by default>, "RETURN_AS_TIMEZONE_AWARE": True,
  "RELATIVE_BASE": <reference as naive local time>})``.
- kliping is called as ``parse_date(s, reference=ref, tz=<row zone>)`` with defaults otherwise (no
  per-site z_is_local flag).

Throughput: 20,000 strings generated with a seeded random from the page shapes kliping must handle.
kliping parses all of them; dateparser is timed on a seeded subsample of 2,000 (it needs about a
millisecond per string). Each side gets one untimed warm-up pass, then three rounds each time two
kliping passes and one dateparser pass (interleaved, so a burst of load from other jobs on a shared
machine hits both sides), and each side's best pass counts.
Strings per second for both and the ratio are printed, for two mixes: the page date strings alone,
and the same with 10% of strings that are not dates (a bare year, "-", UI words such as "Baca juga",
"Bagikan", "Komentar (12)", view counts, prices): pages hand those to a date parser too, and each one
that falls through to dateparser costs tens of milliseconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = SHARED / "data" / "id-dates"
sys.path.insert(0, str(REPO))

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2024, 1, 10, 15, 30, tzinfo=WIB)
KINDS = (
    "absolute",
    "absolute_page_string",
    "relative",
    "relative_calendar",
    "time_of_day",
    "duration",
    "search_in_text",
)
DURATION_RE = re.compile(
    r"^(?P<sign>[+-])?P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<clock>\d{1,2}:\d{2})|(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?))?$"
)
# Best-of timings, interleaved: each of ROUNDS rounds times K_PER_ROUND kliping passes and one
# dateparser pass, so a burst of load from other jobs on the shared machine hits both sides.
ROUNDS, K_PER_ROUND = 3, 2
TIME_WRITTEN_RE = re.compile(r"\d[:.]\d\d")


def add_months(d: dt.datetime, months: int) -> dt.datetime:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return d.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(d)


def read_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("cases.tsv", "page_derived_cases.tsv"):
        with open(DATA / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                row["file"] = name
                rows.append(row)
    return rows


def row_context(row: dict[str, str]) -> tuple[dt.datetime, dt.tzinfo]:
    """(reference, zone) for a row, per the rules in the docstring."""
    ref = (row.get("reference") or "").replace("(RELATIVE_BASE)", "").strip()
    if ref == "" and row["kind"] == "time_of_day":
        day = dt.date.fromisoformat(row["expected"][:10])
        return dt.datetime(day.year, day.month, day.day, 12, tzinfo=WIB), WIB
    if ref in ("", "now"):
        # date-fns formatted its dates in UTC: a "Z" expectation for a zone-less input says so.
        zoneless = not re.search(r"(?i)wib|wita|wit|[+-]\d{2}:?\d{2}$|z$", row["input"].strip())
        return NOW, dt.UTC if row["expected"].strip().endswith("Z") and zoneless else WIB
    if ref.endswith("Z"):
        return dt.datetime.fromisoformat(ref[:-1]).replace(tzinfo=dt.UTC), dt.UTC
    return dt.datetime.fromisoformat(ref).replace(tzinfo=WIB), WIB


def expectation(row: dict[str, str], ref: dt.datetime, zone: dt.tzinfo) -> tuple[str, object]:
    """("none"|"date"|"instant"|"wall", value) that a parser's answer is compared with."""
    exp = row["expected"].strip()
    dm = DURATION_RE.match(exp)
    if dm:
        if not dm.group("sign"):
            return "none", None
        sign = -1 if dm.group("sign") == "-" else 1
        local = ref.astimezone(zone)
        months = int(dm.group("Y") or 0) * 12 + int(dm.group("M") or 0)
        days = int(dm.group("W") or 0) * 7 + int(dm.group("D") or 0)
        target = add_months(local, sign * months) + dt.timedelta(days=sign * days)
        if dm.group("clock"):
            hh, mm = map(int, dm.group("clock").split(":"))
            return "instant", target.replace(hour=hh, minute=mm, second=0, microsecond=0)
        if "T" in exp:
            secs = int(dm.group("h") or 0) * 3600 + int(dm.group("mi") or 0) * 60
            secs += int(dm.group("s") or 0)
            return "instant", target + dt.timedelta(seconds=sign * secs)
        return "date", target.date()
    if len(exp) == 10:
        return "date", dt.date.fromisoformat(exp)
    aware = exp.endswith("Z") or re.search(r"[+-]\d{2}:\d{2}$", exp) is not None
    value = dt.datetime.fromisoformat(exp[:-1] + "+00:00" if exp.endswith("Z") else exp)
    if value.time() == dt.time(0) and not TIME_WRITTEN_RE.search(row["input"]):
        local = value.astimezone(zone) if aware else value
        return "date", local.date()
    return ("instant" if aware else "wall"), value


def judge(
    want: tuple[str, object], date: dt.date | None, stamp: dt.datetime | None, zone: dt.tzinfo
) -> bool:
    how, value = want
    if how == "none":
        return date is None and stamp is None
    if how == "date":
        return date == value
    if stamp is None:
        return False
    if how == "instant":
        return stamp == value
    return stamp.astimezone(zone).replace(tzinfo=None) == value


def run_kliping(row: dict[str, str], ref: dt.datetime, zone: dt.tzinfo):  # noqa: ANN201
    from kliping.dates import find_dates, parse_date

    if row["kind"] == "search_in_text":
        found = find_dates(row["input"], reference=ref, tz=zone)
        if not found:
            return None, None
        return found[0].parsed.date, found[0].parsed.datetime
    p = parse_date(row["input"], reference=ref, tz=zone)
    return p.date, p.datetime


def dp_settings(ref: dt.datetime, zone: dt.tzinfo) -> dict[str, object]:
    return {
        "DATE_ORDER": "DMY",
        "TIMEZONE": "UTC" if zone is dt.UTC else "Asia/Jakarta",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": ref.astimezone(zone).replace(tzinfo=None),
    }


def run_dateparser(row: dict[str, str], ref: dt.datetime, zone: dt.tzinfo):  # noqa: ANN201
    import dateparser
    from dateparser.search import search_dates

    settings = dp_settings(ref, zone)
    try:
        if row["kind"] == "search_in_text":
            found = search_dates(row["input"], languages=["id", "en"], settings=settings)
            got = found[0][1] if found else None
        else:
            got = dateparser.parse(row["input"], languages=["id", "en"], settings=settings)
    except Exception:  # noqa: BLE001 - a crash counts as a wrong answer
        got = None
    if got is None:
        return None, None
    if got.tzinfo is None:
        got = got.replace(tzinfo=zone)
    return got.astimezone(zone).date(), got


def accuracy(verbose: bool) -> None:
    rows = read_rows()
    per: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
    misses: list[str] = []
    for row in rows:
        ref, zone = row_context(row)
        want = expectation(row, ref, zone)
        kd, kt = run_kliping(row, ref, zone)
        dd, dtm = run_dateparser(row, ref, zone)
        ok_k, ok_d = judge(want, kd, kt, zone), judge(want, dd, dtm, zone)
        stats = per.setdefault(row["kind"], [0, 0, 0])
        stats[0] += 1
        stats[1] += ok_k
        stats[2] += ok_d
        if not ok_k:
            misses.append(f"  {row['kind']}: {row['input']!r} want {want} got {kd} {kt}")
    print("\n== Accuracy (cases.tsv + page_derived_cases.tsv) ==")
    print(f"{'kind':<22}{'rows':>6}{'kliping':>10}{'dateparser':>12}")
    tot = [0, 0, 0]
    for kind, (n, k, d) in per.items():
        if n:
            print(f"{kind:<22}{n:>6}{k:>10}{d:>12}")
            tot = [tot[0] + n, tot[1] + k, tot[2] + d]
    print(f"{'total':<22}{tot[0]:>6}{tot[1]:>10}{tot[2]:>12}")
    if misses:
        print(f"kliping wrong on {len(misses)} row(s)" + (":" if verbose else " (-v lists them)"))
        if verbose:
            print("\n".join(misses))


MONTHS_FULL = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"]  # fmt: skip
MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MONTHS_OLD = {2: "Pebruari", 8: "Agt", 9: "Sept", 11: "Nopember"}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WEEKDAYS_OLD = {4: "Jum'at", 6: "Ahad"}


def make_mix(n: int, seed: int = 20240108) -> list[str]:
    """A realistic, deterministic mix of page date strings (visible, meta, body, relative)."""
    rnd = random.Random(seed)
    start = dt.date(2015, 1, 1).toordinal()
    out: list[str] = []
    for _ in range(n):
        d = dt.date.fromordinal(start + rnd.randrange(3650))
        hh, mm, ss = rnd.randrange(24), rnd.randrange(60), rnd.randrange(60)
        wd = WEEKDAYS_OLD.get(d.weekday(), WEEKDAYS[d.weekday()]) if rnd.random() < 0.2 else (
            WEEKDAYS[d.weekday()])
        full = MONTHS_OLD.get(d.month, MONTHS_FULL[d.month - 1]) if rnd.random() < 0.1 else (
            MONTHS_FULL[d.month - 1])
        abbr, en = MONTHS_ABBR[d.month - 1], MONTHS_EN[d.month - 1]
        zone = rnd.choice(["WIB", "WIB", "WIB", "wib", "WITA", "WIT"])
        shapes = [
            f"{wd}, {d.day:02d} {abbr} {d.year} {hh:02d}:{mm:02d} {zone}",
            f"{wd}, {d.day} {full} {d.year} | {hh:02d}:{mm:02d} {zone}",
            f"Kompas.com - {d.day:02d}/{d.month:02d}/{d.year}, {hh:02d}:{mm:02d} WIB",
            f"{d.day:02d} {abbr} {d.year}, {hh:02d}:{mm:02d} {zone}",
            f"Diperbarui {wd}, {d.day} {full} {d.year} {hh:02d}:{mm:02d}",
            f"Diterbitkan {d.day} {full} {d.year} pukul {hh:02d}.{mm:02d} {zone}",
            f"Jakarta, {wd} ({d.day}/{d.month}/{d.year})",
            f"{wd} ({d.day}/{d.month})",
            f"pukul {hh:02d}.{mm:02d} WIB",
            f"{en} {d.day}, {d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day}/{d.month}/{d.year % 100:02d} {hh:02d}:{mm:02d}",
            f"{d.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}+07:00",
            f"{d.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}Z",
            f"{d.isoformat()} {hh:02d}:{mm:02d}:{ss:02d}",
            f"{d.isoformat()} T{hh:02d}:{mm:02d}:{ss:02d}Z",
            f"{wd}, {d.day} {full} {d.year} {hh:02d}:{mm:02d} WIB | {rnd.randrange(5000)} Views",
            f"{wd}, {d.day:02d} {full} {d.year}, {hh:02d}:{mm:02d} WIB Komentar : 0",
            f"Redaksi | {wd}, {d.day} {full} {d.year} - {hh:02d}:{mm:02d} wib",
            f"{rnd.randrange(1, 59)} menit yang lalu",
            f"{rnd.randrange(1, 23)} jam lalu",
            f"{rnd.randrange(1, 6)} hari yang lalu",
            f"kemarin pukul {hh:02d}.{mm:02d}",
            f"{wd.upper()}, {d.day} {full.upper()} {d.year} {hh:02d}:{mm:02d}:{ss:02d} WIB",
        ]
        out.append(rnd.choice(shapes).replace(" ", "\xa0") if rnd.random() < 0.05 else
                   rnd.choice(shapes))  # fmt: skip
    return out


NON_DATES = [
    "2024", "2019", "-", "\u2014", "Baca juga", "Baca Juga:", "Bagikan", "Komentar", "Komentar (12)",
    "0 Komentar", "1.234 Views", "Dibaca 3.456 kali", "Halaman 2 dari 5", "Rp 2.500.000", "Foto: 1/12",
    "Tim Redaksi", "Editor: Budi Santoso", "Share", "Iklan", "Tonton Video", "(H-4)", "Hal. 3",
    "Tekan 1 untuk lanjut", "Top 10 Berita", "5G", "Liga 1", "COVID-19", "Pemilu 2024",
]  # fmt: skip


def make_mixed(n: int, share: float = 0.10, seed: int = 20240109) -> list[str]:
    """The page mix with ``share`` of its strings replaced by non-dates (seeded, same length)."""
    rnd = random.Random(seed)
    return [rnd.choice(NON_DATES) if rnd.random() < share else s for s in make_mix(n)]


def throughput(n: int = 20_000, dp_n: int = 2_000) -> float:
    """Time both parsers on the dates-only mix and on the 10% non-dates mix; the worse ratio."""
    return min(throughput_on("page date strings", make_mix(n), dp_n),
               throughput_on("page strings, 10% non-dates", make_mixed(n), dp_n))  # fmt: skip


def throughput_on(label: str, mix: list[str], dp_n: int) -> float:
    from kliping.dates import parse_date

    n = len(mix)
    rnd = random.Random(7)
    sub = rnd.sample(mix, dp_n)
    parse_date(mix[0], reference=NOW)  # warm regex caches; imports are not what we measure

    methods: dict[str, int] = {}
    failed = 0
    for s in mix:
        p = parse_date(s, reference=NOW)
        methods[p.method] = methods.get(p.method, 0) + 1
        failed += p.date is None
    import dateparser

    settings = dp_settings(NOW, WIB)
    dateparser.parse(sub[0], languages=["id", "en"], settings=settings)  # import + warm
    dp_failed = sum(
        dateparser.parse(s, languages=["id", "en"], settings=settings) is None for s in sub
    )  # first pass also warms dateparser's per-language caches
    k_best = d_best = float("inf")
    for _ in range(ROUNDS):
        for _ in range(K_PER_ROUND):
            t0 = time.perf_counter()
            for s in mix:
                parse_date(s, reference=NOW)
            k_best = min(k_best, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for s in sub:
            dateparser.parse(s, languages=["id", "en"], settings=settings)
        d_best = min(d_best, time.perf_counter() - t0)
    k_rate, d_rate = n / k_best, dp_n / d_best

    print(f"\n== Throughput (seeded mix of {n:,} {label}) ==")
    print(f"kliping:    {n:>6,} strings  {k_rate:>10,.0f} strings/s  (no date: {failed}; "
          f"methods: {dict(sorted(methods.items()))})")  # fmt: skip
    print(f"dateparser: {dp_n:>6,} strings  {d_rate:>10,.0f} strings/s  (seeded subsample; "
          f"no date: {dp_failed})")  # fmt: skip
    print(f"ratio:      {k_rate / d_rate:,.0f}x  (best of {ROUNDS * K_PER_ROUND} timed passes for "
          f"kliping, {ROUNDS} for dateparser, interleaved, after one untimed warm-up pass each)")  # fmt: skip
    return k_rate / d_rate


# Building blocks repeated into hostile inputs: runs of digits, separators, words and date pieces.
REGEX_BLOCKS = ["1", "1 ", " ", "1/", "1.", "1-", "1:", "1,", "11:11 ", "a", "a1", "se", "1 jam ",
                "1 jam, ", "dan ", "Senin ", "Senin, ", "(", "(1", "8/1", "WIB ", "pukul ", "lalu ",
                "1 Januari ", "Januari 1, ", "2024-", "T", "'", "kemarin ", "dalam waktu ", "beberapa ",
                "a.m.", ", ", " - ", "\xa0", "\n"]  # fmt: skip
REGEX_EDGES = ["", "1", "Senin ", "2024-01-01", "1 jam", "kemarin", "x", "!"]


def regex_scaling(n: int = 4_000) -> None:
    """Every regex of the date modules on hostile inputs of n and 2n characters: the worst growth.

    Linear patterns take about twice as long on twice the input; a quadratic one four times (or,
    as the 16,000-digit string of issue 13 showed, seconds). Growth is the smaller of the two
    doublings (n -> 2n -> 4n), each timing the best of three, so one noisy timing cannot fake it.
    The last line times parse_date and find_dates on 1,000,000 characters of each block.
    """
    import itertools

    import kliping.clean.dating as dating_mod
    import kliping.dates as dates_mod
    from kliping.dates import find_dates, parse_date

    pats = [(f"{mod.__name__}.{name}", val) for mod in (dates_mod, dating_mod)
            for name, val in vars(mod).items() if isinstance(val, re.Pattern)]  # fmt: skip

    def cost(p: re.Pattern[str], s: str) -> float:
        t0 = time.perf_counter()
        if p.pattern.startswith("[\\s,|"):  # _TIME_AFTER_RE: only ever .match()ed
            p.match(s)
        else:
            p.search(s)
            p.match(s)
            for _m in itertools.islice(p.finditer(s), 50):
                pass
        return time.perf_counter() - t0

    print(f"\n== Regex scaling ({len(pats)} patterns x {len(REGEX_BLOCKS)} blocks x "
          f"{len(REGEX_EDGES) ** 2} edges; {n:,}, {2 * n:,} and {4 * n:,} characters) ==")  # fmt: skip
    superlinear = 0
    for name, p in pats:
        worst, what, measured = 0.0, "", 0
        for block, pre, suf in itertools.product(REGEX_BLOCKS, REGEX_EDGES, REGEX_EDGES):
            small = pre + block * (n // len(block)) + suf
            if cost(p, small) < 0.001:  # too fast to tell growth from noise at this size
                continue
            measured += 1
            t1, t2, t4 = (min(cost(p, pre + block * (k * n // len(block)) + suf) for _ in range(3))
                          for k in (1, 2, 4))  # fmt: skip
            growth = min(t2 / t1, t4 / t2)  # both doublings: one noisy timing cannot fake it
            if growth > worst:
                worst, what = growth, f"{pre!r} + {block!r} * k + {suf!r}"
        if measured:
            bad = worst > 3.0
            superlinear += bad
            print(f"  {name:<40} growth per doubling x{worst:.1f} (worst of {measured} slow inputs)"
                  f"{'  SUPERLINEAR' if bad else ''} {what}")  # fmt: skip
    print(f"  the other patterns: under 1 ms at {n:,} characters on every input; "
          f"superlinear patterns: {superlinear}")  # fmt: skip
    slowest = 0.0
    for block in REGEX_BLOCKS:
        text = block * (1_000_000 // len(block))
        t0 = time.perf_counter()
        parse_date(text, reference=NOW)
        find_dates(text, reference=NOW)
        slowest = max(slowest, time.perf_counter() - t0)
    print(f"  parse_date + find_dates on 1,000,000 characters: slowest block {slowest * 1000:,.0f} ms")


def main() -> int:
    if not DATA.is_dir():
        print(f"bench/dates.py: skipped, {DATA} not found (needs ../shared next to the repo)")
        return 0
    warnings.simplefilter("ignore")  # dateparser's deprecation noise is not what we measure
    if "--regex" in sys.argv[1:]:
        regex_scaling()
        return 0
    print(__doc__.split("How each row is read")[1].split("Throughput:")[0].join(
        ["Scoring rules (how each row is read", ""]).rstrip())  # fmt: skip
    accuracy("-v" in sys.argv[1:])
    worst = throughput()
    print(f"\nworst ratio over both mixes: {worst:,.0f}x (goal: 100x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
