"""The sample's articles as data: parsed once from the per-site text modules.

Rendering lives in the ``render_*`` modules; this module only knows what each article *is*
(what a perfect crawl and clean must produce) plus the few facts the renderers need.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from kliping.dates.vocab import ZONE_OFFSETS
from kliping.sites.base import zone_tz
from kliping.testing.sample import content_detakberita, content_kabarnusa, content_suarawarga

ZONES = {zone: zone_tz(zone) for zone in ZONE_OFFSETS}  # from the one zone table
WIB = ZONES["WIB"]

DETAK_HOST = "news.detakberita.example"
KABAR_WWW = "www.kabarnusa.example"
KABAR_INDEKS = "indeks.kabarnusa.example"
KABAR_NASIONAL = "nasional.kabarnusa.example"
KABAR_REGIONAL = "regional.kabarnusa.example"
SUARA_HOST = "suarawarga.example"

HOSTS: tuple[str, ...] = (
    DETAK_HOST,
    KABAR_WWW,
    KABAR_INDEKS,
    KABAR_NASIONAL,
    KABAR_REGIONAL,
    SUARA_HOST,
)

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
BULAN_SINGKAT = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)  # fmt: skip


@dataclass(frozen=True)
class SampleArticle:
    """One real article of the sample: what a complete crawl and a perfect clean must produce."""

    site: str
    url: str
    title: str
    published_date: dt.date
    published_at: dt.datetime
    zone: str
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    dateline_place: str | None
    dateline_source: str | None
    section: str | None
    tags: tuple[str, ...]
    pages: int
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """An article plus what only the renderers need."""

    article: SampleArticle
    host: str
    path: str
    page_paragraphs: tuple[tuple[str, ...], ...]
    initials: str | None = None  # detik-style editor initials, e.g. "rdp/imk"
    number: int = 0  # detik id / WordPress post id

    @property
    def a(self) -> SampleArticle:
        return self.article


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def _records(text: str) -> list[tuple[list[str], str, list[list[str]]]]:
    """Split a content text into (header fields, title, paragraphs per page)."""
    records = []
    for chunk in text.split("\n@@ ")[1:]:
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        header = [field.strip() for field in lines[0].split("|")]
        pages: list[list[str]] = [[]]
        for line in lines[2:]:
            if line == "--page--":
                pages.append([])
            else:
                pages[-1].append(line)
        records.append((header, lines[1], pages))
    return records


def _split(field: str, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split(sep) if part.strip() and part.strip() != "-")


def _detakberita() -> list[Story]:
    stories = []
    for i, (header, title, pages) in enumerate(_records(content_detakberita.TEXT)):
        when, section, authors, initials, place, tags, flags = header
        number = content_detakberita.FIRST_ID + i
        path = f"/berita/d-{number}/{slugify(title)}"
        extra = ("no_jsonld",) if i in content_detakberita.NO_JSONLD else ()
        stories.append(
            _story(
                "detakberita", DETAK_HOST, path, "WIB", when, title, pages,
                authors=_split(authors, ";"), editors=(), place=place, source=None,
                section=section, tags=_split(tags, ","), flags=_split(flags, ",") + extra,
                initials=initials, number=number,
            )
        )  # fmt: skip
    return stories


def _kabarnusa() -> list[Story]:
    stories = []
    for i, (header, title, pages) in enumerate(_records(content_kabarnusa.TEXT)):
        first, section, authors, editors, place, tags, flags = header
        sub, when = first.split(" ", 1)
        zone = "WIB" if sub == "nasional" else "WITA"
        local = dt.datetime.strptime(when, "%Y-%m-%d %H:%M")
        kid = f"{local:%H%M}{(i * 7) % 60:02d}{11 + i:02d}"
        path = f"/read/{local:%Y/%m/%d}/{kid}/{slugify(title)}"
        stories.append(
            _story(
                "kabarnusa", f"{sub}.kabarnusa.example", path, zone, when, title, pages,
                authors=_split(authors, ";"), editors=_split(editors, ";"), place=place,
                source="KABARNUSA.com", section=section, tags=_split(tags, ","),
                flags=_split(flags, ","), number=int(kid),
            )
        )  # fmt: skip
    return stories


def _suarawarga() -> list[Story]:
    stories = []
    for i, (header, title, pages) in enumerate(_records(content_suarawarga.TEXT)):
        when, section, authors, _unused, _place, tags, flags = header
        local = dt.datetime.strptime(when, "%Y-%m-%d %H:%M")
        path = f"/{local:%Y/%m/%d}/{slugify(title)}/"
        extra = () if i in content_suarawarga.WITH_JSONLD else ("no_jsonld",)
        stories.append(
            _story(
                "suarawarga", SUARA_HOST, path, "WIT", when, title, pages,
                authors=_split(authors, ";"), editors=(), place=None,
                source="suarawarga.example", section=section, tags=_split(tags, ","),
                flags=_split(flags, ",") + extra, number=4100 + 7 * i,
            )
        )  # fmt: skip
    return stories


def _story(
    site: str,
    host: str,
    path: str,
    zone: str,
    when: str,
    title: str,
    pages: list[list[str]],
    *,
    authors: tuple[str, ...],
    editors: tuple[str, ...],
    place: str | None,
    source: str | None,
    section: str,
    tags: tuple[str, ...],
    flags: tuple[str, ...],
    initials: str | None = None,
    number: int = 0,
) -> Story:
    published_at = dt.datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=ZONES[zone])
    if len(pages) > 1:
        flags = (*flags, "multipage")
    article = SampleArticle(
        site=site,
        url=f"https://{host}{path}",
        title=title,
        published_date=published_at.date(),
        published_at=published_at,
        zone=zone,
        authors=authors,
        editors=editors,
        paragraphs=tuple(p for page in pages for p in page),
        dateline_place=place if place and place != "-" else None,
        dateline_source=source,
        section=section,
        tags=tags,
        pages=len(pages),
        flags=flags,
    )
    return Story(article, host, path, tuple(tuple(page) for page in pages), initials, number)


@cache
def stories() -> dict[str, tuple[Story, ...]]:
    """Every story per site, in publication order."""
    out = {
        "detakberita": _detakberita(),
        "kabarnusa": _kabarnusa(),
        "suarawarga": _suarawarga(),
    }
    return {site: tuple(sorted(s, key=lambda s: s.a.published_at)) for site, s in out.items()}


def catalog() -> list[SampleArticle]:
    """Every real article of the sample: what a complete crawl must produce."""
    return [story.article for site in stories().values() for story in site]


def wib(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(WIB)


def tanggal_panjang(day: dt.date) -> str:
    """``Senin, 08 Januari 2024``."""
    return f"{HARI[day.weekday()]}, {day:%d} {BULAN[day.month - 1]} {day.year}"
