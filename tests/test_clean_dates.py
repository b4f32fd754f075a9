"""Dates through the cleaner: where the time of publication comes from and which flags say why.

Issue 14.3: whenever a page prints a time of publication (a byline beside the date, a dual
Hijri/Gregorian header, a URL id that encodes it) ``published_at`` is set; when sources disagree the
most consistent one wins and ``time_conflict`` says so. Issue 13.8: a date before 1990 is flagged
``implausible_date``. The pages are written for these tests, modelled on Indonesian news pages
(byline blocks, "tgl" spans, "Terpopuler" sidebars); the prose is invented.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kliping.clean import clean
from kliping.clean.dating import PLAUSIBLE_SINCE, url_stamp
from kliping.sites.base import Site, SiteConfigError, Source
from kliping.sites.registry import all_sites

SITES_DIR = Path(__file__).parent / "sites"
PARAS = (
    "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di Kalimantan Timur.",
    "Jembatan sepanjang 320 meter itu dibangun selama dua tahun dengan anggaran daerah.",
    "Warga menyambut gembira karena selama ini mereka harus menyeberang dengan perahu kayu.",
    "Pemerintah daerah berjanji merawat jembatan itu dan membangun jalan penghubung tahun depan.",
)


def page(*, head: str = "", header: str = "", top: str = "", before: str = "") -> bytes:
    """An article page: ``head`` tags, a ``header`` block under the headline, a ``top`` paragraph
    above the body, and ``before``: markup ahead of the article (a "Terpopuler" list, say)."""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Jembatan Baru Diresmikan</title>{head}</head><body>"
        f"<nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav>{before}"
        f"<article><h1>Jembatan Baru Diresmikan</h1>{header}"
        f"<div class='detail__body'>{top}{body}</div></article>"
        "<footer>Hak cipta dilindungi undang-undang.</footer></body></html>"
    ).encode()


def meta(value: str) -> str:
    return f"<meta property='article:published_time' content='{value}'>"


def jsonld(value: str) -> str:
    return ("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
            f"\"{value}\"}}</script>")  # fmt: skip


GENERIC = "https://berita.example/nasional/jembatan-baru-diresmikan"
FETCHED = "2024-03-20T05:00:00+00:00"
HEADLINES = ("Harga cabai rawit di pasar induk naik dua kali lipat",
             "Ribuan pelari ikuti lomba lari amal di Surabaya",
             "Banjir rendam ratusan rumah warga di Kabupaten Bandung",
             "Pemkot resmikan pasar rakyat baru di pusat kota")  # fmt: skip
SIDEBAR = "<aside><h3>Terpopuler</h3>" + "".join(
    f"<div class='tanggal'>Rabu, 10 Januari 2024 | 0{i}:00 WIB</div>"
    f"<div class='judul'><a href='/berita/{i}'>{h}</a></div>"
    for i, h in enumerate(HEADLINES, 1)
) + "</aside>"

# (id, page, url, site key or None, published_date, published_at ISO or None, flags that must be
# there, flags that must not)
CASES = [
    ("byline time beside a date-only meta",
     page(head=meta("2024-01-08"), header="<div class='date'>Senin, 8 Januari 2024 | 14:30 WIB</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_meta"], ["time_conflict"]),
    ("numeric byline in a tgl span beside a date-only JSON-LD",
     page(head=jsonld("2024-01-08"), header="<span class='tgl'>08/01/2024, 14:30</span>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_jsonld"], []),
    ("a <time> with no datetime attribute and no structured data",
     page(header="<p class='author'>Oleh Rina Amalia</p><time>Kamis, 7 Mar 2024 - 10:15</time>"),
     GENERIC, None, "2024-03-07", "2024-03-07T10:15:00+07:00", ["from_printed"], []),
    ("dual Hijri/Gregorian header as the first body line",
     page(head=meta("2024-02-05"), top="<p>Senin 26 Rajab 1445 / 05 Februari 2024 15:45 WIB</p>"),
     GENERIC, None, "2024-02-05", "2024-02-05T15:45:00+07:00", ["from_meta"], []),
    ("dual calendar header in a date block",
     page(head=jsonld("2024-02-05"),
          header="<div class='post-date'>Senin, 26 Rajab 1445 H / 5 Februari 2024 M, 15:45 WIB</div>"),
     GENERIC, None, "2024-02-05", "2024-02-05T15:45:00+07:00", ["from_jsonld"], []),
    ("dual calendar byline in a classless span under the headline, no structured data",
     page(header="<div><span>Oleh Rina Amalia</span> <span>Senin, 23 Syakban 1445 H / 4 Maret 2024 - "
                 "10:15 WIB</span></div>"),
     GENERIC, None, "2024-03-04", "2024-03-04T10:15:00+07:00", ["from_printed"], []),
    ("Hijri date after the Gregorian one, Masehi marked",
     page(header="<div><span>05 Februari 2024 M / 26 Rajab 1445 H | 15:45</span></div>"),
     GENERIC, None, "2024-02-05", "2024-02-05T15:45:00+07:00", ["from_printed"], []),
    ("byline beside the headline whatever its class (a 'schedule' span), no structured data",
     page(header="<span class='newsdetail-schedule'>Kamis, 05 November 2015 11:52</span>"
                 "<span class='newsdetail-schedule'>&nbsp;|&nbsp;</span><h2>Rina Amalia</h2>"),
     GENERIC, None, "2015-11-05", "2015-11-05T11:52:00+07:00", ["from_printed"], []),
    ("the same byline in a classless <div> under the headline",
     page(header="<div><div>Senin, 8 Januari 2024 - 14:30 WIB</div></div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], []),
    ("kompas id encodes HHMMSS: the URL gives the time",
     page(head=meta("2024-01-08")),
     "https://nasional.kompas.com/read/2024/01/08/14300061/jembatan-baru-diresmikan", "kompas",
     "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_meta"], []),
    ("cnnindonesia id is a timestamp: the only date source",
     page(), "https://www.cnnindonesia.com/nasional/20240108143012-20-1046789/jembatan-baru",
     "cnnindonesia", "2024-01-08", "2024-01-08T14:30:12+07:00", ["from_url"], []),
    ("suara /YYYY/MM/DD/HHMMSS/ path",
     page(), "https://www.suara.com/news/2024/01/08/143000/jembatan-baru-diresmikan", "suara",
     "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_url"], []),
    ("detik's old ids hold the creation time, not publication: no URL time declared",
     page(), "https://news.detik.com/read/2015/11/05/100026/3062623/10/jembatan-baru", "detik",
     "2015-11-05", None, ["from_url"], []),
    ("a URL time on a generic site is never guessed",
     page(), "https://berita.example/read/2024/01/08/14300061/jembatan-baru", None,
     "2024-01-08", None, ["from_url"], []),
    ("meta with the zone wrong loses to the printed time and the URL, and is flagged",
     page(head=meta("2024-01-08T07:30:00+07:00"),
          header="<div class='read__time'>Kompas.com - 08/01/2024, 14:30 WIB</div>"),
     "https://nasional.kompas.com/read/2024/01/08/14300061/jembatan-baru-diresmikan", "kompas",
     "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_meta", "time_conflict"], []),
    ("two sources hours apart: structured data wins the tie, flagged",
     page(head=meta("2024-01-08T07:30:00+07:00"), top="<p>Senin, 8 Januari 2024 | 14:30 WIB</p>"),
     GENERIC, None, "2024-01-08", "2024-01-08T07:30:00+07:00", ["from_meta", "time_conflict"], []),
    ("minutes apart is one story, not a conflict",
     page(head=jsonld("2024-01-20T18:33:13+07:00"), top="<p>Sabtu, 20 Januari 2024 18:30 WIB</p>"),
     GENERIC, None, "2024-01-20", "2024-01-20T18:33:13+07:00", ["from_jsonld"], ["time_conflict"]),
    ("a printed time on another day is not this article's time",
     page(head=meta("2024-01-08"), header="<div class='date'>Selasa, 9 Januari 2024 | 10:00 WIB</div>"),
     GENERIC, None, "2024-01-08", None, ["from_meta"], ["time_conflict"]),
    ("a sidebar's repeated dates are a listing, the <time> is the article's",
     page(before=SIDEBAR, header="<time class='tgl'>Senin, 8 Januari 2024 - 14:30 WIB</time>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], []),
    ("the article's date shares its markup with the sidebar's dated headlines",
     page(before=SIDEBAR, header="<div class='tanggal'>Senin, 8 Januari 2024 | 14:30 WIB</div>"
                                 "<div class='judul-konten'>Jembatan Baru Diresmikan</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], []),
    # rule "zone left at UTC": the structured time's clock is the printed local one
    ("a meta time at UTC reading the printed WIB clock is the local time, flagged",
     page(head=meta("2024-01-08T14:30:00+00:00"), top="<p>Senin, 8 Januari 2024 | 14.30 WIB</p>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_meta", "time_conflict"], []),
    ("the same with a JSON-LD Z and a WITA date line",
     page(head=jsonld("2024-03-13T09:15:00Z"), top="<p>Rabu, 13 Maret 2024 | 09.15 WITA</p>"),
     GENERIC, None, "2024-03-13", "2024-03-13T09:15:00+08:00", ["from_jsonld", "time_conflict"], []),
    ("a UTC meta seven hours behind the printed WIB clock is the same instant: kept, not flagged",
     page(head=meta("2024-01-08T07:30:00+00:00"), top="<p>Senin, 8 Januari 2024 | 14:30 WIB</p>"),
     GENERIC, None, "2024-01-08", "2024-01-08T07:30:00+00:00", ["from_meta"], ["time_conflict"]),
    ("the same clock printed in the page's header, not in the body (no site: the printed date is"
     " read for this rule only when every structured time is at UTC)",
     page(head=meta("2024-04-05T07:45:00+00:00"),
          header="<div class='date'>Jumat, 5 April 2024 | 07.45 WIB</div>"),
     GENERIC, None, "2024-04-05", "2024-04-05T07:45:00+07:00", ["from_meta", "time_conflict"], []),
    ("a UTC meta beside a header clock that names no zone (a page in GMT): kept, not flagged",
     page(head=meta("2024-01-08T10:43:00+00:00"), header="<div class='date'>8 January 2024 10:43</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T10:43:00+00:00", ["from_meta"], ["time_conflict"]),
    # rule "byline box of lines": a date line above a credit line under a <br>
    ("dual calendar date line over a Rep/Red credit line, no structured data",
     page(header="<div class='meta'>Senin 23 Syakban 1445 / 04 Maret 2024 17:10 WIB<br>"
                 "Rep: Zulkifli Anwar/ Red: Nurul Hikmah</div>"),
     GENERIC, None, "2024-03-04", "2024-03-04T17:10:00+07:00", ["from_printed"], []),
    # rule "update stamp": the update time is not the publication time, wherever it is printed
    ("an 'updated' box above the date, its class naming a date too",
     page(header="<div class='updated'>Diperbarui Selasa, 9 Januari 2024 | 10:00 WIB</div>"
                 "<div class='detail__date'>Senin, 8 Januari 2024 | 14:30 WIB</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], []),
    ("publication and update on one line, too long for a date element",
     page(header="<div class='meta'>Oleh Rina Amalia <time class='entry-date'>Diterbitkan Kamis, 8 Desember "
                 "2022 16:12 WIB | Updated Jumat, 9 Desember 2022 - 21:12 WIB</time></div>"),
     GENERIC, None, "2022-12-08", "2022-12-08T16:12:00+07:00", ["from_printed"], []),
    ("an 'updated' box is the only date element: the byline beside the headline is read",
     page(header="<div class='updated'>Diperbarui Selasa, 9 Januari 2024 | 10:00 WIB</div>"
                 "<div class='mt5'><span>Senin, 8 Januari 2024 | 14:30 WIB</span></div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], []),
    # rule "relative byline"
    ("a byline dating the story by its age, no structured data",
     page(header="<div class='meta-info'><span>Oleh Rina Amalia - 2 jam lalu</span></div>"),
     GENERIC, None, "2024-03-20", "2024-03-20T10:00:00+07:00", ["from_printed"], []),
    ("a date block saying only 'kemarin'",
     page(header="<div class='detail__date'>kemarin</div>"),
     GENERIC, None, "2024-03-19", None, ["from_printed"], []),
    ("dual calendar with the clock after the Hijri date, beside a date-only meta",
     page(head=meta("2024-01-08"),
          header="<div class='post-date'>Senin, 8 Januari 2024 M / 26 Jumadil Akhir 1445 H | pukul 14.30 "
                 "WITA</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+08:00", ["from_meta"], []),
    ("a byline naming its zone hours away from the structured time: kept, flagged",
     page(head=meta("2024-01-08T09:30:00+07:00"),
          header="<div class='date'>Senin, 8 Januari 2024 | 14:30 WIB</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T09:30:00+07:00", ["from_meta", "time_conflict"], []),
    # rule "midnight is a date"
    ("a structured midnight yields to the byline's time that day",
     page(head=meta("2024-03-31T00:00:00+07:00"),
          header="<div class='penulis-tanggal'><span>Minggu, 31 Maret 2024, pukul 13:25 WIB</span></div>"),
     GENERIC, None, "2024-03-31", "2024-03-31T13:25:00+07:00", ["from_meta"], ["time_conflict"]),
    ("a structured midnight in a zone east of Jakarta's is its own day; the WITA time that day wins",
     page(head=jsonld("2024-03-11T00:00:00+08:00"),
          header="<time class='grey'>Senin, 11 Maret 2024 10:10 WITA</time>"),
     GENERIC, None, "2024-03-11", "2024-03-11T10:10:00+08:00", ["from_jsonld"], ["time_conflict"]),
    ("a structured midnight at +09:00 alone: the day as written",
     page(head=meta("2024-03-11T00:00:00+09:00")),
     GENERIC, None, "2024-03-11", "2024-03-11T00:00:00+09:00", ["from_meta"], []),
    ("a structured midnight alone is kept",
     page(head=meta("2024-03-07T00:00:00+07:00")),
     GENERIC, None, "2024-03-07", "2024-03-07T00:00:00+07:00", ["from_meta"], []),
    ("a structured midnight beside a printed day without a clock is that day alone",
     page(head=meta("2024/03/07 00:00:00"), header="<div class='date'>Kamis, 07 Maret 2024</div>"),
     GENERIC, None, "2024-03-07", None, ["from_meta"], []),
    ("... beside a printed day with its clock, the clock",
     page(head=meta("2024/03/07 00:00:00"), header="<div class='date'>Kamis, 07 Maret 2024 09:10 WIB</div>"),
     GENERIC, None, "2024-03-07", "2024-03-07T09:10:00+07:00", ["from_meta"], []),
    # rule "noon placeholder": Drupal's date-only field, <time datetime="…T12:00:00Z"> showing a day
    ("a <time> at noon UTC that prints a day and no clock is that day alone",
     page(header="<span class='field--name-field-tanggal'><time datetime='2024-03-17T12:00:00Z'>Minggu, "
                 "17 Maret 2024</time></span>"),
     GENERIC, None, "2024-03-17", None, ["from_printed"], []),
    ("... the same stamp printing its clock is a time",
     page(header="<span class='field--name-field-tanggal'><time datetime='2024-03-17T12:00:00Z'>Minggu, "
                 "17 Maret 2024 19:00 WIB</time></span>"),
     GENERIC, None, "2024-03-17", "2024-03-17T19:00:00+07:00", ["from_printed"], []),
    ("... and another hour at UTC is a time",
     page(header="<span class='field--name-field-tanggal'><time datetime='2024-03-17T03:15:00Z'>Minggu, "
                 "17 Maret 2024</time></span>"),
     GENERIC, None, "2024-03-17", "2024-03-17T03:15:00+00:00", ["from_printed"], []),
    # rule "update stamp": a line that is only an update stamp gives no time of publication
    ("an update stamp's clock below the story is not the publication's; the byline's day is",
     page(header="<div class='info-berita'><span>Senin, 18 Maret 2024</span> <span>Diskominfo</span></div>",
          top="<div class='update-info'><em>Diperbarui 18 Maret 2024 pukul 16.20 WITA</em></div>"),
     GENERIC, None, "2024-03-18", None, ["from_printed"], []),
    # rule "zone from the page's data"
    ("a clock with no zone, the app state's instant reading it in WITA",
     page(head="<script id='__NEXT_DATA__' type='application/json'>{\"props\": {\"article\": "
               "{\"published_at\": \"2024-03-18T02:14:00.000Z\"}}}</script>",
          header="<p class='css-date'>18 Mar 2024, 10:14</p>"),
     GENERIC, None, "2024-03-18", "2024-03-18T10:14:00+08:00", ["from_printed"], []),
    ("... an instant reading no Indonesian zone's clock leaves the site's zone",
     page(head="<script id='__NEXT_DATA__' type='application/json'>{\"props\": {\"article\": "
               "{\"published_at\": \"2024-03-18T05:40:00.000Z\"}}}</script>",
          header="<p class='css-date'>18 Mar 2024, 10:14</p>"),
     GENERIC, None, "2024-03-18", "2024-03-18T10:14:00+07:00", ["from_printed"], []),
    # machine-readable stamps of other elements
    ("hAtom's <abbr class='published' title> beside its bare clock",
     page(header="<span class='post-timestamp'><abbr class='published' itemprop='datePublished' "
                 "title='2024-03-13T08:17:00+08:00'>8:17 AM</abbr></span>"),
     GENERIC, None, "2024-03-13", "2024-03-13T08:17:00+08:00", ["from_printed"], []),
    ("microdata datePublished on a <div> with its content",
     page(header="<div class='date' itemprop='datePublished' content='2024-03-07T13:05:00+08:00'>Kamis, "
                 "7 Maret 2024 13:05</div>"),
     GENERIC, None, "2024-03-07", "2024-03-07T13:05:00+08:00", ["from_printed"], []),
    # rule "masthead today"
    ("the masthead's date of today above the menu is no article's",
     page(before="<div class='top-bar'><span class='date-today'>Rabu, 20 Maret 2024</span></div>",
          header="<div class='date'>Senin, 18 Maret 2024</div>"),
     GENERIC, None, "2024-03-18", None, ["from_printed"], []),
    ("... nor is its live clock; a date above the headline, in its box, is",
     page(before="<div class='header-clock'>Rabu, 20 Mar 2024 | 11:45 WIB</div>",
          header="<span class='tanggal'>Senin, 18 Maret 2024 | 09:10 WIB</span>"),
     GENERIC, None, "2024-03-18", "2024-03-18T09:10:00+07:00", ["from_printed"], []),
    ("1900 is flagged implausible",
     page(head=meta("1900-01-01")), GENERIC, None, "1900-01-01", None, ["implausible_date"], []),
    ("a 1970 CMS default yields to the printed date",
     page(head=meta("1970-01-01T00:00:00Z"),
          header="<div class='date'>Senin, 8 Januari 2024 | 14:30 WIB</div>"),
     GENERIC, None, "2024-01-08", "2024-01-08T14:30:00+07:00", ["from_printed"], ["implausible_date"]),
    ("1995 is plausible",
     page(head=meta("1995-08-17T10:00:00+07:00")), GENERIC, None, "1995-08-17",
     "1995-08-17T10:00:00+07:00", ["from_meta"], ["implausible_date", "future_date"]),
    ("2091 is in the future",
     page(head=meta("2091-01-08T10:00:00+07:00")), GENERIC, None, "2091-01-08",
     "2091-01-08T10:00:00+07:00", ["future_date"], ["implausible_date"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "url", "site_key", "day", "at", "flags_in", "flags_out"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_published_date_time_and_flags(
    html: bytes, url: str, site_key: str | None, day: str, at: str | None,
    flags_in: list[str], flags_out: list[str],
) -> None:  # fmt: skip
    site = all_sites()[site_key] if site_key else None
    raw = {"body": html, "headers": {}, "url": url, "final_url": url, "site": site_key or "test",
           "fetched_at": dt.datetime.fromisoformat(FETCHED), "run_id": "r1", "fetch_id": "f1"}  # fmt: skip
    rec = clean(raw, site)
    assert rec["published_date"] == dt.date.fromisoformat(day), rec["date_flags"]
    got = rec["published_at"]
    assert (got.isoformat() if got else None) == (
        dt.datetime.fromisoformat(at).isoformat() if at else None
    ), rec["date_flags"]
    if got is not None and got.time() != dt.time(0):
        # the instant and the printed calendar day agree in the site's zone (a midnight is a date:
        # its day is the one written, whatever its zone)
        assert got.astimezone(dt.timezone(dt.timedelta(hours=7))).date() == rec["published_date"]
    for flag in flags_in:
        assert flag in rec["date_flags"], rec["date_flags"]
    for flag in flags_out:
        assert flag not in rec["date_flags"], rec["date_flags"]
    assert rec["date_flags"][0].startswith("from_")


def test_the_plausibility_cutoff_is_1990() -> None:
    # Indonesian news went online in the mid-1990s; see dating.PLAUSIBLE_SINCE
    assert PLAUSIBLE_SINCE == dt.date(1990, 1, 1)


def _fixture_articles() -> list[tuple[str, str, str]]:
    out = []
    for spec in sorted(SITES_DIR.glob("*/fixtures.json")):
        data = json.loads(spec.read_text(encoding="utf-8"))
        for art in data.get("articles", []):
            at = art.get("expected", {}).get("published_at")
            if at:
                out.append((data["site"], art["url"], at))
    return out


@pytest.mark.parametrize(("site_key", "url", "at"), _fixture_articles())
def test_declared_url_times_agree_with_the_site_fixtures(site_key: str, url: str, at: str) -> None:
    """Every site that declares ``url_time`` reads its own fixtures' publication time from the URL."""
    site = all_sites()[site_key]
    got = url_stamp(url, site.url_time_re, site.zone)
    if site.url_time is None:
        assert got is None
    elif site.url_time_re is not None and site.url_time_re.search(url.split("?", 1)[0]):
        assert got is not None and got.datetime is not None
        assert got.datetime == dt.datetime.fromisoformat(at)


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://regional.kompas.com/read/2015/11/04/21040031/Polres.Serahkan", "2015-11-04T21:04:00+07:00"),
        ("https://money.kompas.com/read/2023/11/02/213419026/menhub", "2023-11-02T21:34:19+07:00"),
        ("https://nasional.kompas.com/read/2024/01/08/25990061/x", None),  # 25:99 is no time
        ("https://nasional.kompas.com/read/2024/02/30/14300061/x", None),  # 30 Feb is no date
        ("https://nasional.kompas.com/read/2024/01/08/1430/x", None),  # no counter: not the scheme
    ],
)  # fmt: skip
def test_kompas_url_time(url: str, want: str | None) -> None:
    site = all_sites()["kompas"]
    got = url_stamp(url, site.url_time_re, site.zone)
    assert (got.datetime.isoformat() if got and got.datetime else None) == want


@pytest.mark.parametrize(
    ("rule", "needle"),
    [(r"/(?P<h>\d\d)(\d\d)/", "named groups h and mi"), (r"/(?P<h>\d\d(?P<mi>/", "not a valid regex")],
)
def test_url_time_rule_is_validated(rule: str, needle: str) -> None:
    with pytest.raises(SiteConfigError, match=re.escape(needle)):
        Site(key="contoh", name="Contoh", domain="contoh.example",
             sources=(Source("feed", "https://contoh.example/rss"),),
             article_pattern=r"/read/", url_time=rule)  # fmt: skip


DIGITS = "1" * 16_000
HOSTILE = {
    "meta": page(head=meta(DIGITS)),
    "jsonld": page(head=jsonld(DIGITS)),
    "dom": page(header=f"<div class='date'>{DIGITS}</div><time datetime='{DIGITS}'>{DIGITS}</time>"),
    "body": page(top=f"<p>{DIGITS}</p><p>Senin ({'8/' * 8_000})</p>"),
    "spaces": page(head=meta("2024-01-08" + " " * 100_000 + "x")),
}


@pytest.mark.parametrize("where", sorted(HOSTILE))
def test_hostile_date_strings_do_not_stall_the_cleaner(where: str) -> None:
    # issue 13.3: 16,000 digits in article:published_time stalled the crawl process for 19 s (36 s
    # here before the fix); every date string the cleaner reads goes through the linear parser
    raw = {"body": HOSTILE[where], "headers": {}, "url": GENERIC, "final_url": GENERIC, "site": "test",
           "fetched_at": dt.datetime.fromisoformat(FETCHED), "run_id": "r1", "fetch_id": "f1"}  # fmt: skip
    rec = clean(raw)
    assert rec["word_count"] > 20
    assert rec["published_date"] in (None, dt.date(2024, 1, 8))


# --- the byline wherever a redesign puts it around the headline (no class names, no metadata) ---
H1 = "<h1>Jembatan Baru Diresmikan</h1>"
STAMP = "Senin, 04 Mar 2024 10:15 WIB"


def raw(html: bytes, url: str) -> dict:
    return {"body": html, "headers": {}, "url": url, "final_url": url, "site": "test",
            "fetched_at": dt.datetime.fromisoformat(FETCHED), "run_id": "r1", "fetch_id": "f1"}  # fmt: skip


def bare_page(article: str, before: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        "<html><head><title>Jembatan Baru Diresmikan</title></head><body>"
        f"<nav><a href='/'>Beranda</a></nav>{before}<article>{article}<div>{body}</div></article>"
        "</body></html>"
    ).encode()


@pytest.mark.parametrize(
    "article",
    [
        f"<div><span>Nasional</span> <span>{STAMP}</span></div>{H1}",  # above the headline
        f"<header>{H1}</header><div><div><span>{STAMP}</span></div></div>",  # beside its header box
        f"<div><div>{H1}</div></div><div><span>Rina Amalia</span><span>{STAMP}</span></div>",
        f"{H1}<p>Oleh Rina Amalia pada {STAMP}</p>",  # byline and date in one line
        f"{H1}<div>Penulis: Rina Amalia | Editor: Budi Santoso | {STAMP}</div>",
        f"{H1}<div>Diposting pada {STAMP} | Dibaca 318 kali | Kategori: Ekonomi</div>",  # a meta row
    ],
    ids=["above", "beside-header", "after-wrapper", "byline-line", "credits-line", "meta-row"],
)
def test_byline_time_around_the_headline(article: str) -> None:
    """A printed time of publication beside the headline is read wherever the page puts it: above
    it, after the box holding it, in one line with the byline. Each of these lost its time once
    the byline's class ("date") was renamed: only the <h1>'s own next siblings were looked at, and
    a line holding a name beside the date was no date line."""
    rec = clean(raw(bare_page(article), GENERIC), None)
    at = rec["published_at"]
    assert at is not None and at.isoformat() == "2024-03-04T10:15:00+07:00", rec["date_flags"]
    assert "from_printed" in rec["date_flags"]


@pytest.mark.parametrize("stamp", [STAMP, "Senin, 04 Mar 2024 10:15 GMT+7", "04/03/2024 10:15 +07:00"])
@pytest.mark.parametrize(
    "article",
    [
        f"<div><span>Nasional</span> <span>{{s}}</span></div>{H1}",
        f"<header>{H1}</header><div><div><span>{{s}}</span></div></div>",
        f"<div><div>{H1}</div></div><div><span>Rina Amalia</span><span>{{s}}</span></div>",
        f"<div><div><div>{H1}</div></div><div><span>{{s}}</span></div></div>",  # a grandparent's sibling
    ],
    ids=["above", "beside-header", "after-wrapper", "after-two-wrappers"],
)
def test_the_byline_second_opinion_sees_every_placement(article: str, stamp: str) -> None:
    """The byline beside the headline, read as a second opinion on a structured time
    (:func:`kliping.clean.dating.byline_check`), is found wherever the walk beside the headline
    reaches, whether it names its zone or an offset: the scan that spares the walk on pages with
    no zone near the headline (:func:`kliping.clean.dating._zone_near`) never hides one. A byline
    hours away from the structured time is flagged; without a zone named it is not read."""
    from kliping.clean.dating import byline_check
    from kliping.clean.decode import page_tree

    html = bare_page(article.format(s=stamp), before="").replace(
        b"<head>", b"<head>" + meta("2024-03-04T07:00:00+07:00").encode())
    found = byline_check(page_tree(html, {}))
    assert len(found) == 1 and stamp in found[0], found
    assert "time_conflict" in clean(raw(html, GENERIC), None)["date_flags"]
    bare = html.replace(stamp.encode(), b"Senin, 04 Mar 2024 10:15")
    assert byline_check(page_tree(bare, {})) == []


def test_teaser_times_beside_the_headline_are_not_the_story_s() -> None:
    """A "Terbaru" list just above the article dates each headline it links: those times are the
    teasers', not the story's (no time of its own: none is given)."""
    items = "".join(f"<li><span>Senin, 04 Mar 2024 0{i}:15 WIB</span> <a href='/b/{i}'>{h}</a></li>"
                    for i, h in enumerate(HEADLINES))  # fmt: skip
    for before in (f"<div><ul>{items}</ul></div>", f"<ul>{items}</ul>"):
        rec = clean(raw(bare_page(H1, before=before), GENERIC), None)
        assert rec["published_at"] is None, before


def test_a_day_at_the_calendars_end_is_kept_as_written() -> None:
    """An instant that the site's zone cannot hold (year 1 at +14:00, read in a zone behind UTC)
    gives the day as written, not an OverflowError out of clean()."""
    import datetime as dt

    from kliping.clean.dating import _local_day
    from kliping.dates import ParsedDate

    first = dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    p = ParsedDate("1/1/0001 00:00", first.date(), first)
    assert _local_day(p, dt.timezone(dt.timedelta(hours=-5))) == dt.date(1, 1, 1)
    last = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-14)))
    assert _local_day(ParsedDate("31/12/9999 23:59", last.date(), last), dt.UTC) == dt.date(9999, 12, 31)


def test_zone_left_at_utc_rule() -> None:
    """The rule itself: the same clock, a UTC stamp and a local printed one; nothing else."""
    from kliping.clean.dating import zone_mislabelled

    wib = dt.timezone(dt.timedelta(hours=7))
    printed = dt.datetime(2024, 4, 5, 7, 45, tzinfo=wib)
    assert zone_mislabelled(dt.datetime(2024, 4, 5, 7, 45, tzinfo=dt.UTC), printed)
    assert not zone_mislabelled(dt.datetime(2024, 4, 5, 0, 45, tzinfo=dt.UTC), printed)  # the same instant
    assert not zone_mislabelled(dt.datetime(2024, 4, 5, 7, 45, tzinfo=wib), printed)  # not at UTC
    assert not zone_mislabelled(dt.datetime(2024, 4, 4, 7, 45, tzinfo=dt.UTC), printed)  # another day


def _english(head: str, host: str = "https://news.example.com/world/new-bridge-opens") -> dict:
    """An English page of a newsroom abroad (``<html lang="en">``)."""
    body = "".join(f"<p>{p}</p>" for p in (
        "The new bridge linking the two districts opened on Monday after two years of work.",
        "Residents who used to cross by wooden boat welcomed the 320-metre span.",
        "Officials promised to maintain it and to build a connecting road next year.",
    ))  # fmt: skip
    html = (f"<html lang='en'><head><title>New Bridge Opens</title>{head}</head><body><article>"
            f"<h1>New Bridge Opens</h1><div class='story-body'>{body}</div>"
            "</article></body></html>")  # fmt: skip
    return {"body": html.encode(), "headers": {}, "url": host, "final_url": host, "site": "test",
            "fetched_at": dt.datetime.fromisoformat(FETCHED), "run_id": "r1", "fetch_id": "f1"}  # fmt: skip


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("2024-03-08T15:30:00-05:00", "2024-03-08"),  # evening in New York: the 9th in Jakarta
     ("2024-03-08T21:17:27+00:00", "2024-03-08"),  # London at night
     ("2024-03-08T22:10:00+01:00", "2024-03-08")],
)  # fmt: skip
def test_a_foreign_page_s_date_is_its_own_zone_s(stamp: str, day: str) -> None:
    """Rule "a foreign page's own clock": the calendar date a newsroom abroad prints is its own
    zone's; read in Jakarta's, an evening story moved to the next day."""
    rec = clean(_english(meta(stamp)), None)
    assert rec["published_date"] == dt.date.fromisoformat(day)
    assert rec["published_at"] == dt.datetime.fromisoformat(stamp)


@pytest.mark.parametrize(
    ("head", "url"),
    [(meta("2024-03-08T21:17:27+00:00"), "https://berita.example/a"),  # no language declared
     (meta("2024-03-08T21:17:27+00:00") + "<meta property='og:locale' content='id_ID'>",
      "https://news.example.com/a"),
     (meta("2024-03-08T21:17:27+00:00"), "https://www.englishdaily.co.id/news/a")],  # an .id host
)  # fmt: skip
def test_an_indonesian_page_s_date_is_jakarta_s(head: str, url: str) -> None:
    """Not foreign: no language declared, Indonesian declared, or an ``.id`` host: a UTC stamp's
    date is Jakarta's (04:17 WIB on the 9th)."""
    raw = _english(head, url)
    if "og:locale" in head or url.startswith("https://berita"):
        raw["body"] = raw["body"].replace(b"<html lang='en'>", b"<html>")
    rec = clean(raw, None)
    assert rec["published_date"] == dt.date(2024, 3, 9)


def test_an_h2_headline_on_a_page_with_no_h1() -> None:
    """An older CMS prints its headline in an ``<h2>`` and no ``<h1>``: the ``<h2>`` that opens the
    page's ``<title>`` is the headline the printed time is read beside (a meta row's date part);
    an ``<h2>`` naming a section is not."""
    row = f"<div class='info-berita'>Diposting pada {STAMP} | Dibaca 318 kali | Kategori: Ekonomi</div>"
    page = ("<html><head><title>Jembatan Baru Diresmikan di Kalimantan Timur :: Pemerintah Provinsi</title>"
            "</head><body><nav><a href='/'>Beranda</a></nav><div class='isi'><div class='judul'>"
            f"<h2>Jembatan Baru Diresmikan di Kalimantan Timur</h2></div>{row}"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>").encode()  # fmt: skip
    rec = clean(raw(page, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T10:15:00+07:00"
    other = page.replace(b"<h2>Jembatan Baru Diresmikan di Kalimantan Timur</h2>",
                         b"<h2>Berita Daerah Terkini</h2>")
    assert clean(raw(other, GENERIC), None)["published_at"] is None


def _card_page(meta_row: str, headline: str = "Jembatan Baru Diresmikan di Kalimantan Timur") -> bytes:
    """A regency site's Bootstrap card: the headline an ``<h3 class="card-title">``, no ``<h1>``,
    no structured date, a meta row of icons beside it, and a story that mentions the day before."""
    story = ["Jembatan itu diresmikan pada Sabtu malam (2/3/2024) oleh Presiden.", *PARAS]
    return ("<html><head><title>Jembatan Baru Diresmikan di Kalimantan Timur | Pemerintah Kabupaten"
            " Kutai</title></head><body><section class='page-title'><h2>Berita Daerah</h2></section>"
            f"<div class='card'><div class='card-body'><h3 class='card-title'>{headline}</h3>"
            f"<div class='meta-berita'>{meta_row}</div>"
            + "".join(f"<p>{p}</p>" for p in story) + "</div></div></body></html>").encode()  # fmt: skip


def test_a_card_headline_in_an_h3_titles_the_page() -> None:
    """Rule "headline": with no ``<h1>``, the ``<h3>`` that opens the ``<title>`` is the headline:
    the title is its text, without the regency's name the ``<title>`` adds."""
    rec = clean(raw(_card_page("Senin, 04 Maret 2024"), GENERIC), None)
    assert rec["title"] == "Jembatan Baru Diresmikan di Kalimantan Timur"


def test_a_dated_meta_row_beside_the_headline_dates_the_page() -> None:
    """Rule "dated meta row": a page whose only date is its meta row's, without a time, runs between
    icons ("<i class=fa-calendar/> Senin, 04 Maret 2024 <i class=fa-user/> Admin <i/> 1.204 kali
    dibaca"), is dated by that row, not by the day the story mentions."""
    icons = ("<i class='fa fa-calendar'></i> Senin, 04 Maret 2024 &nbsp; <i class='fa fa-user'></i>"
             " Admin Diskominfo &nbsp; <i class='fa fa-eye'></i> 1.204 kali dibaca")
    rec = clean(raw(_card_page(icons), GENERIC), None)
    assert rec["published_date"] == dt.date(2024, 3, 4)
    assert rec["published_at"] is None  # (no time printed)
    # beside an <h3> that is no headline (it opens no <title>), the row is not the page's date
    other = clean(raw(_card_page(icons, headline="Kabar Terbaru Hari Ini Dari Daerah"), GENERIC), None)
    assert other["published_date"] != dt.date(2024, 3, 4)



def test_a_meta_row_parted_by_guillemets_dates_the_page() -> None:
    """Rule "dated meta row", a classic theme's row parted by guillemets ("Kategori: Kegiatan
    Sekolah » 04 Maret 2024 » Oleh: Siti Aminah, S.Pd."): its date part dates the page, not the
    day the story mentions (it was)."""
    row = "Kategori: <a>Berita Daerah</a> &raquo; 04 Maret 2024 &raquo; Oleh: Siti Aminah, S.Pd."
    rec = clean(raw(_card_page(row), GENERIC), None)
    assert rec["published_date"] == dt.date(2024, 3, 4)
    assert rec["authors"] == ["Siti Aminah"]

@pytest.mark.parametrize(
    ("url", "at"),
    [("https://koran.example/2024-03-04/jembatan-baru-diresmikan", "2024-03-04T06:00:00+07:00"),
     ("https://koran.example/2024/03/04/jembatan-baru-diresmikan", "2024-03-04T06:00:00+07:00"),
     # the URL names no day, or the structured one: the structured time stands
     ("https://koran.example/nasional/jembatan-baru-diresmikan", "2024-03-03T18:15:00+07:00"),
     ("https://koran.example/2024-03-03/jembatan-baru-diresmikan", "2024-03-03T18:15:00+07:00")],
)  # fmt: skip
def test_two_sources_against_one(url: str, at: str) -> None:
    """Rule "two against one": a print daily's JSON-LD stamps its upload the evening before the
    edition (18:15 on the 3rd), the page prints the edition's time (06:00 WIB on the 4th), and the
    URL's date is the printed one's: the printed time is the publication's, the conflict flagged."""
    html = page(head=jsonld("2024-03-03T18:15:00+07:00"),
                header="<div class='kj-tanggal'>Senin, 04 Mar 2024, 06:00 WIB</div>")
    rec = clean(raw(html, url), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == at
    assert "time_conflict" in rec["date_flags"]


def test_a_structured_time_without_its_zone_takes_the_printed_zone() -> None:
    """Rule "zone not stated": a meta time with no zone ("2024-03-04 10:15:00", read in the site's
    assumed WIB) whose clock is what the page prints in WIT is that printed time, 10:15+09:00;
    with a zone of its own, the structured time stands."""
    from kliping.clean.dating import zone_unstated

    wit = dt.timezone(dt.timedelta(hours=9))
    wib = dt.timezone(dt.timedelta(hours=7))
    printed = dt.datetime(2024, 3, 4, 10, 15, tzinfo=wit)
    assert zone_unstated("2024-03-04 10:15:00", dt.datetime(2024, 3, 4, 10, 15, tzinfo=wib), printed)
    stated = dt.datetime(2024, 3, 4, 10, 15, tzinfo=wib)
    assert not zone_unstated("2024-03-04T10:15:00+07:00", stated, printed)
    assert not zone_unstated("2024-03-04 09:15:00", dt.datetime(2024, 3, 4, 9, 15, tzinfo=wib), printed)
    html = page(head="<meta name='pubdate' content='2024-03-04 10:15:00'>",
                header="<div class='info'>Reporter: Rina | Senin, 04 Maret 2024, 10:15 WIT</div>")
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T10:15:00+09:00"


def test_a_zoneless_stamp_with_seconds_takes_the_printed_minute_s_zone() -> None:
    """Rule "zone not stated", to the minute: a meta stamp with seconds and no zone
    ("2024-03-04 10:15:42") beside a printed "10:15 WITA" is 10:15:42+08:00 (the page prints
    minutes; the stamp keeps its seconds). A stamp a minute off is not that clock."""
    from kliping.clean.dating import in_printed_zone, same_clock

    wita = dt.timezone(dt.timedelta(hours=8))
    wib = dt.timezone(dt.timedelta(hours=7))
    printed = dt.datetime(2024, 3, 4, 10, 15, tzinfo=wita)
    assert same_clock(dt.datetime(2024, 3, 4, 10, 15, 42, tzinfo=wib), printed)
    assert not same_clock(dt.datetime(2024, 3, 4, 10, 16, 2, tzinfo=wib), printed)
    assert not same_clock(dt.datetime(2024, 3, 4, 10, 15, 42, tzinfo=wib),
                          dt.datetime(2024, 3, 4, 10, 15, 41, tzinfo=wita))
    assert in_printed_zone(dt.datetime(2024, 3, 4, 10, 15, 42, tzinfo=wib), printed).isoformat() == \
        "2024-03-04T10:15:42+08:00"
    html = page(head="<meta name='content_PublishedDate' content='2024-03-04 10:15:42'>",
                header="<div class='read__time'>Kabar.example - 04/03/2024, 10:15 WITA</div>")
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T10:15:42+08:00"
    # with a zone of its own, the stamp stands
    stated = page(head="<meta name='content_PublishedDate' content='2024-03-04T10:15:42+07:00'>",
                  header="<div class='read__time'>Kabar.example - 04/03/2024, 10:15 WITA</div>")
    rec = clean(raw(stated, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T10:15:42+07:00"


def test_a_date_line_broken_by_br_keeps_its_zone() -> None:
    """A printed date whose zone a ``<br>`` separates from the byline under it ("08:30 WITA<br>
    Penulis: Novi") reads its zone: 08:30+08:00, not the site's assumed WIB."""
    html = page(header="<div class='tanggal'>Rabu, 06 Maret 2024 | 08:30 WITA<br>Penulis: Novi Yanti"
                       " | Editor: Tri Hartono</div>")
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-06T08:30:00+08:00"


def test_a_date_row_whose_box_is_never_closed_is_read_by_its_own_line() -> None:
    """A byline box the page never closes ("<div class=meta>Rabu, 06 Maret 2024 - 08:10 WIT<br>
    Reporter : <b>…</b>" and then the whole story inside it) is read by the line it opens with:
    08:10+09:00; the story's "Baca juga" link inside the box makes it no teaser."""
    unclosed = "<div class='meta'>Rabu, 06 Maret 2024 - 08:10 WIT<br>Reporter : <b>Theresia Rahan</b>"
    related = "<p>Baca juga: <a href='/x'>Festival budaya pesisir digelar meriah di pantai selatan</a></p>"
    rec = clean(raw(page(header=unclosed, top=related), GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-06T08:10:00+09:00"
    # the same line closed is read the same
    rec = clean(raw(page(header=unclosed + "</div>", top=related), GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-06T08:10:00+09:00"


def test_a_row_s_time_between_bars_joins_its_date() -> None:
    """Rule "time on its own line" for a row's parts: "Kamis, 07 Maret 2024 | 08:15 WITA |
    Kategori: Pembangunan | Hits: 512" is 08:15+08:00, not the day alone."""
    row = "<div class='post-info'>Kamis, 07 Maret 2024 | 08:15 WITA | Kategori: Pembangunan | Hits: 512</div>"
    rec = clean(raw(page(header=row), GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-07T08:15:00+08:00"


def test_a_reader_s_comment_time_is_not_the_story_s() -> None:
    """A blog prints its day alone; a reader's comment under it prints its own time with the same
    <time> markup ("23 November 2026 at 8:14 pm" in "comment-meta"): the story has no time."""
    comment = ("<ol class='comment-list'><li class='comment'><article class='comment-body'><footer "
               "class='comment-meta'><b class='fn'>Wayan</b> <time>7 March 2024 at 8:14 pm</time></footer>"
               "<p>Good decision.</p></article></li></ol>")
    html = page(head="<meta property='article:published_time' content='2024-03-07'>",
                header="<time class='entry-date published' datetime='2024-03-07'>7 March 2024</time>",
                before="") + comment.encode()
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_date"] == dt.date(2024, 3, 7) and rec["published_at"] is None


def test_a_podcast_episode_s_structured_date() -> None:
    """A podcast's episode page: its JSON-LD node is a ``PodcastEpisode``, its date the page's."""
    ld = ("<script type='application/ld+json'>{\"@type\":\"PodcastEpisode\",\"name\":\"Episode 47\","
          "\"datePublished\":\"2024-03-07T12:00:00+07:00\"}</script>")
    rec = clean(raw(page(head=ld), GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-07T12:00:00+07:00"


def test_an_rdfa_date_is_the_page_s_stamp() -> None:
    """Drupal 7 prints its date as RDFa, ``property="dc:date dc:created"`` with a ``content``:
    the machine-readable stamp, the time of day included."""
    stamp = ("<div class='meta submitted'><span property='dc:date dc:created' "
             "content='2024-03-04T10:15:00+07:00'>Dikirim oleh humas pada Sen, 04/03/2024 - 10:15"
             "</span></div>")
    rec = clean(raw(page(header=stamp), GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T10:15:00+07:00"


@pytest.mark.parametrize(
    ("url", "day"),
    [("https://koran.example/cetak/read/2024/03/04/jembatan-baru-diresmikan", dt.date(2024, 3, 4)),
     # the URL names no day, or the structured one's: the structured date stands
     ("https://koran.example/cetak/read/jembatan-baru-diresmikan", dt.date(2024, 3, 3)),
     ("https://koran.example/cetak/read/2024/03/03/jembatan-baru-diresmikan", dt.date(2024, 3, 3))],
)  # fmt: skip
def test_two_sources_against_one_with_a_printed_date_alone(url: str, day: dt.date) -> None:
    """Rule "two against one", the printed one a date without a time: an e-paper page prints its
    edition ("Edisi Cetak: Senin, 4 Maret 2024"), its URL says the 4th, its JSON-LD the evening
    before (22:00 on the 3rd): the edition's day is the publication's, and no time is claimed for
    it (the structured clock is of another day)."""
    html = page(head=jsonld("2024-03-03T22:00:00+07:00"),
                header="<div class='cetak-info'><span>Edisi Cetak: Senin, 4 Maret 2024</span></div>")
    rec = clean(raw(html, url), None)
    assert rec["published_date"] == day
    if day == dt.date(2024, 3, 4):
        assert rec["published_at"] is None


def test_a_structured_time_in_another_indonesian_zone_takes_the_printed_one() -> None:
    """Rule "zone of another region": JSON-LD's 09:12+07:00 beside a byline's "09:12 Wita" (a Manado
    newsroom's CMS left at Jakarta's zone) is 09:12+08:00, the disagreement flagged; a printed clock
    naming no zone leaves the structured one."""
    html = page(head=jsonld("2024-03-04T09:12:00+07:00"),
                header="<div class='mp-time'>Senin 4 Maret 2024, 09:12 Wita</div>")
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2024-03-04T09:12:00+08:00"
    assert "time_conflict" in rec["date_flags"]
    plain = page(head=jsonld("2024-03-04T09:12:00+08:00"),
                 header="<div class='mp-time'>Senin 4 Maret 2024, 09:12</div>")
    rec = clean(raw(plain, GENERIC), None)
    assert rec["published_at"].isoformat() == "2024-03-04T09:12:00+08:00"


def test_an_updated_stamp_is_no_publication_time() -> None:
    """hAtom's ``class="updated"`` (Avada's hidden stamp beside the printed date) is the time of a
    change: a page printing its date alone gets that date and no time from it."""
    header = ("<div class='meta'>By <a rel='author'>Admin</a> | <span class='updated rich-snippet-hidden'>"
              "2024-03-04T09:12:44+07:00</span><span>March 4th, 2024</span></div>")
    rec = clean(raw(page(header=header), GENERIC), None)
    assert rec["published_date"] == dt.date(2024, 3, 4)
    assert rec["published_at"] is None


@pytest.mark.parametrize(
    ("text", "at"),
    [("Diunggah dinten Kemis, 6 Nopémber 2025 tabuh 10.15 WIB", "2025-11-06T10:15:00+07:00"),
     ("Setu Legi, 6 Desember 2025 · Jam 08.30", "2025-12-06T08:30:00+07:00"),
     ("Rebo, 5 Nopember 2025 10:00 WIB", "2025-11-05T10:00:00+07:00")],
)  # fmt: skip
def test_javanese_and_sundanese_dates(text: str, at: str) -> None:
    """The regional languages' weekdays ("Kemis", "Setu", "Rebo"), accented months ("Nopémber") and
    their word for the hour ("tabuh")."""
    from kliping.dates import parse_date

    got = parse_date(text)
    assert got.datetime is not None and got.datetime.isoformat() == at and not got.weekday_mismatch


def test_a_row_s_date_keeps_its_clock() -> None:
    """A meta row in a table beside an <h2> headline closing the <title> after the site's name
    ("Pemkab Lumajang - Bupati …"): its cell's "Kamis, 20-11-2025 | 14:25" gives the time (the
    row split at its bars had left the date alone)."""
    html = ("<html><head><title>Pemkab Lumajang - Bupati Salurkan 1.200 Paket Sembako</title></head><body>"
            "<div class='panel'><h3>Berita Daerah</h3><h2>Bupati Salurkan 1.200 Paket Sembako</h2>"
            "<table><tr><td><i class='fa fa-calendar'></i> Kamis, 20-11-2025 | 14:25</td><td><i class='fa "
            "fa-user'></i> Diposting oleh : Admin Kominfo</td><td>dibaca 213 kali</td></tr></table>"
            + "".join(f"<div>{p}</div>" for p in PARAS) + "</div></body></html>").encode()
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2025-11-20T14:25:00+07:00"


def test_a_date_cell_named_in_camel_case() -> None:
    """A date element whose class names it in camelCase ("newsDate", as ASP.NET and older PHP
    themes write them) on a page of layout tables with no <h1>: its date and clock are read."""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        "<html><head><title>Badminton - Jembatan Baru Diresmikan</title></head><body><table>"
        "<tr><td class='newsTitle'><span>Jembatan Baru Diresmikan</span></td></tr>"
        "<tr><td class='newsDate'><span id='lblDate'>Senin, 18 Maret 2024 - 18:32</span></td></tr>"
        f"<tr><td class='newsContent'>{body}</td></tr></table></body></html>"
    ).encode()
    raw = {"body": html, "headers": {"content-type": "text/html; charset=utf-8"}, "url": GENERIC,
           "final_url": GENERIC, "site": None, "fetched_at": dt.datetime.fromisoformat(FETCHED),
           "run_id": "r1", "fetch_id": "f1"}  # fmt: skip
    got = clean(raw, None)
    assert got["published_at"] == dt.datetime.fromisoformat("2024-03-18T18:32:00+07:00")


def test_a_desk_s_name_and_the_date_between_middle_dots() -> None:
    """A meta row "Redaksi Jogja TV · Selasa, 25 November 2025, pukul 16.20 WIB" beside the
    headline: its part after the middle dot is the date and its time."""
    html = page(header="<p class='meta'>Redaksi Warta TV &middot; Senin, 18 Maret 2024, pukul 16.20 WIB</p>")
    rec = clean(raw(html, GENERIC), None)
    assert rec["published_at"] == dt.datetime.fromisoformat("2024-03-18T16:20:00+07:00")


# --- session 21: pages of the 2000s and their byline rows ---


def _old_record(body: str, url: str = "https://www.contoh-harian.com/read/2009/07/14/153012/1164982") -> dict:
    raw = {"body": body.encode(), "headers": {}, "url": url, "final_url": url, "site": "",
           "fetched_at": dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "run_id": "t", "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)


_STORY = "".join(f"<p>{x}</p>" for x in [
    "Jakarta - Banjir rob kembali menggenangi kawasan Pelabuhan Sunda Kelapa sejak Selasa pagi, "
    "membuat aktivitas bongkar muat kapal kayu tersendat hingga siang hari.",
    "Ketinggian air di dermaga mencapai 40 sentimeter. Para kuli angkut terpaksa menghentikan "
    "pekerjaan mereka sambil menunggu air laut surut.",
    "Petugas pelabuhan menyebut rob tahun ini datang lebih sering dibanding tahun lalu, seiring "
    "penurunan muka tanah di pesisir utara Jakarta.",
])


def test_a_table_layout_s_headline_anchors_its_date_and_title() -> None:
    """A page of the 2000s with no <h1> and no heading: its headline a ``<font><b>`` the <title>
    closes with, its date row above it; the time printed there was lost (only the URL's day)."""
    page = ("<html><head><title>Harian Contoh : Banjir Rob Genangi Pelabuhan Sunda Kelapa</title></head>"
            "<body><table><tr><td><font size=1>Selasa, 14/07/2009 15:30 WIB</font></td></tr>"
            "<tr><td><font size=4><b>Banjir Rob Genangi Pelabuhan Sunda Kelapa</b></font></td></tr>"
            f"<tr><td>{_STORY}</td></tr></table></body></html>")
    rec = _old_record(page)
    assert rec["title"] == "Banjir Rob Genangi Pelabuhan Sunda Kelapa"
    assert rec["published_at"] == dt.datetime(2009, 7, 14, 8, 30, tzinfo=dt.UTC)


def test_a_drupal_login_byline_with_a_month_first_date() -> None:
    """"Submitted by prlm on Sen, 07/19/2010 - 09:42": a login for the name, the month first (the
    only reading of 07/19), a Monday as printed."""
    page = ("<html><head><title>Citarum Meluap</title></head><body><h1>Citarum Meluap, Rumah Terendam</h1>"
            f"<div class=node><span class=submitted>Submitted by prlm on Sen, 07/19/2010 - 09:42</span>"
            f"<div class=content>{_STORY}</div></div></body></html>")
    rec = _old_record(page, "https://www.contoh-harian.com/node/117823")
    assert rec["published_at"] == dt.datetime(2010, 7, 19, 2, 42, tzinfo=dt.UTC)


def test_the_masthead_date_in_the_menu_s_frame_is_not_the_story_s() -> None:
    """Today's date above the menu in the page's one frame ("Selasa, 01 Desember 2026"), the story's
    byline row under the <h1> with its time: the headline's box stopped below the frame that holds
    the menu, so the masthead's date no longer counts as the headline's."""
    page = ("<html><head><title>Laba Turun</title></head><body><div class=wrap>"
            "<div class=top><span class=tgl>Selasa, 01 Desember 2026</span></div>"
            "<div class=nav><a href=/>HOME</a> <a href=/bursa>BURSA</a></div><div class=kiri>"
            "<h1>Laba Semen Turun 23 Persen, Beban Energi Membengkak</h1>"
            "<div class=info>Oleh <a href=/redaksi/h>Hendra Lubis</a> | "
            "Sabtu, 28 November 2026 - 11:40 WIB</div>"
            f"<div class=isi>{_STORY}</div></div></div></body></html>")
    assert _old_record(page, "https://www.contoh-harian.com/news/142871/laba")["published_at"] == \
        dt.datetime(2026, 11, 28, 4, 40, tzinfo=dt.UTC)


def test_a_meta_row_s_date_part_beside_a_story_with_a_related_link() -> None:
    """"By Redaksi | November 28, 2026 | Harga TBS & CPO" under the <h1>, no time anywhere: its
    date part is the page's day; the story after the row holding a "Baca juga" headline link does
    not make the row a teaser's (the day was taken from the story's "Jumat (27/11/2026)")."""
    story = ("<p>JAKARTA – Harga CPO di lelang KPBN naik tiga pekan berturut-turut pada Jumat (27/11/2026), "
             "seiring meningkatnya permintaan dari India menjelang musim perayaan.</p>"
             "<p>Baca juga: <a href=/harga-tbs-riau-naik>Harga TBS Riau Naik Rp96 per Kilogram</a></p>"
             + _STORY)
    page = ("<html><head><title>Harga CPO Naik</title></head><body><div class=post>"
            "<h1>Harga CPO KPBN Naik Tiga Pekan Beruntun</h1>"
            "<div class=post-meta>By <a href=/author/redaksi/>Redaksi</a> | November 28, 2026 | "
            f"<a href=/category/harga/>Harga</a></div><div class=entry>{story}</div></div></body></html>")
    rec = _old_record(page, "https://www.contoh-sawit.com/harga-cpo-naik/")
    assert rec["published_date"] == dt.date(2026, 11, 28)


def test_saudi_time_of_a_hajj_report() -> None:
    """"15:40 WAS (19:40 WIB)": Waktu Arab Saudi is +03:00 (in capitals; "was" is English)."""
    from kliping.dates import parse_date

    assert parse_date("Sabtu, 28 November 2026 15:40 WAS (19:40 WIB)").datetime == \
        dt.datetime(2026, 11, 28, 12, 40, tzinfo=dt.UTC)
    english = parse_date("28 November 2026 15:40 was")
    assert english.datetime == dt.datetime(2026, 11, 28, 8, 40, tzinfo=dt.UTC)


def test_a_meta_stamp_of_digits_alone_gives_the_seconds() -> None:
    """<meta name="pubdate" content="20261130175240"> (digits alone, a CMS's stamp) and Republika's
    <meta name="content_date">: the seconds they hold, beside a printed "17:52 WIB", are the most
    specific consistent time."""
    from kliping.clean import decode, metadata
    from kliping.clean.dating import structured_dates

    for meta in ("<meta name='pubdate' content='20261130175240'>",
                 "<meta name='content_date' content='2026-11-30 17:52:40'>"):  # fmt: skip
        tree = decode.parse(f"<html><head>{meta}</head><body><p>x</p></body></html>")
        ((flag, _, parsed),) = structured_dates(metadata.read(tree), fetched_at=None)
        assert flag == "from_meta" and parsed.datetime.isoformat() == "2026-11-30T17:52:40+07:00"


def test_an_indonesian_text_under_a_template_declaring_english_is_dated_in_jakarta() -> None:
    """A newsletter platform's template declares English (``<html lang="en">``) over a story in
    Indonesian: not a newsroom abroad, so a UTC stamp's date is Jakarta's. An English text under
    the same template stays its own zone's (above)."""
    raw = _english(meta("2024-03-08T21:17:27+00:00"))
    story = "".join(f"<p>{p}</p>" for p in (
        "Jembatan baru yang menghubungkan dua kecamatan itu resmi dibuka pada Senin setelah dua tahun.",
        "Warga yang selama ini menyeberang dengan perahu kayu menyambut jembatan sepanjang 320 meter itu.",
        "Pemerintah daerah berjanji merawat jembatan dan membangun jalan penghubung tahun depan.",
    ))  # fmt: skip
    new = f"<div class='story-body'>{story}</div>".encode()
    raw["body"] = re.sub(rb"<div class='story-body'>.*?</div>", new, raw["body"])
    rec = clean(raw, None)
    assert rec["language"] == "id"
    assert rec["published_date"] == dt.date(2024, 3, 9)


def test_a_byline_posted_by_with_its_read_counter_dates_the_story() -> None:
    """"Diposting oleh: Admin … 30/11/2026 09:15 WITA 731 kali dibaca" beside the headline is a
    byline with its date (its read counter no story's words): the time is read."""
    from kliping.clean.dating import is_byline_date

    assert is_byline_date("Diposting oleh: Admin Diskominfo 30/11/2026 09:15 WITA 731 kali dibaca")
    assert is_byline_date("Diposkan oleh Redaksi pada 30/11/2026 09:15 WIB | Dibaca 1.204 kali")
    assert not is_byline_date("Warga berdatangan sejak 30/11/2026 09:15 WITA dan 731 kali dibaca oleh publik "
                              "karena viral di media sosial kota")  # fmt: skip


def test_a_month_htmldate_dates_the_first_is_no_publication_day() -> None:
    """htmldate dates a month it reads with no day on the 1st ("Tanggal terbit: November 2026", a
    series number "No. 4/2026" read as April 2026): a day the page never prints is no publication
    date. A page printing "1 April 2026" keeps it."""
    paras = (
        "Program makan bergizi di sekolah daerah terpencil masih menghadapi kendala distribusi.",
        "Kajian lapangan di tiga kabupaten menemukan keterlambatan pasokan hingga dua pekan.",
        "Pemerintah daerah diminta melibatkan petani lokal agar rantai pasok lebih pendek.",
    )
    url = "https://lembaga.example/pub/cb4"

    def page(line: str) -> dict:
        body = "".join(f"<p>{p}</p>" for p in paras)
        html = (f"<html lang='id'><head><title>Catatan Kebijakan</title></head><body><article>"
                f"<h1>Catatan Kebijakan</h1><div>Catatan Kebijakan No. 4/2026</div><div>{line}</div>"
                f"{body}</article></body></html>")  # fmt: skip
        at = dt.datetime.fromisoformat(FETCHED)
        return {"body": html.encode(), "headers": {}, "url": url, "final_url": url, "site": "test",
                "fetched_at": at, "run_id": "r1", "fetch_id": "f1"}  # fmt: skip

    assert clean(page("Tanggal terbit: November 2026"), None)["published_date"] is None
    assert clean(page("Tanggal terbit: 1 April 2026"), None)["published_date"] == dt.date(2026, 4, 1)


def test_a_day_after_the_fetch_in_the_story_is_no_publication() -> None:
    """A page that prints no date of its own: the story's first date is a deadline it announces
    ("dibuka … hingga 20 April 2024"), after the page was fetched, so no publication (it had been
    dated the 20th, flagged future); the next date in the body is read."""
    story = "".join(f"<p>{p}</p>" for p in PARAS * 3)
    html = ("<html><head><title>Program Beasiswa Dibuka</title></head><body><article>"
            "<h1>Program Beasiswa Dibuka</h1><div class='entry-content'>"
            "<p>Pendaftaran program dibuka melalui laman resmi mulai 1 April hingga 20 April 2024.</p>"
            f"{story}<p>Rapat persiapan program itu digelar di Jakarta pada 18 Maret 2024 oleh biro "
            "kerja sama.</p></div></article></body></html>")
    raw = {"body": html.encode(), "headers": {}, "url": GENERIC, "final_url": GENERIC, "site": "t",
           "fetched_at": dt.datetime.fromisoformat(FETCHED), "run_id": "r", "fetch_id": "f"}
    rec = clean(raw)
    assert rec["published_date"] == dt.date(2024, 3, 18)
    assert "future_date" not in rec["date_flags"]


def test_a_credit_s_weekday_after_a_dash_is_no_name() -> None:
    from kliping.clean.boilerplate import credit

    assert credit("Penulis: Yudhistira Ramadhan - Sabtu, 28 November 2026 | 19:35 WIB") == [
        ("authors", "Yudhistira Ramadhan")]
    assert credit("Penulis: Rina Kusumawati — Minggu, 29 November 2026") == [("authors", "Rina Kusumawati")]
    assert credit("Reporter: Gerald Mahendra - Monday, 30 November 2026") == [("authors", "Gerald Mahendra")]
