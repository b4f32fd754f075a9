"""Scrapy feed exporters that write one cleaned article record per item (``scrapy crawl SITE -O
items.jsonl``), as ``kliping extract`` prints them.

The item a kliping crawl hands to the feed exports carries the raw response (body bytes: not
JSON-serializable, so Scrapy's own exporters wrote nothing) and the cleaned article. These
exporters write the article: fields as in DESIGN.md §2, dates ``YYYY-MM-DD``, instants ISO 8601
with offset. An item without an article (the cleaning pipeline switched off) is written as its
raw record with the body decoded to text; any other item as it is, made JSON-safe the same way.
They are registered for every format in ``FEED_EXPORTERS`` (kliping/settings.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from itemadapter import ItemAdapter
from scrapy import exporters

from kliping.jsonl import one_line

ARTICLE_KEY = "article"  # kliping.pipelines.clean_article.ARTICLE_KEY
RAW_KEY = "raw"  # kliping.spiders.base.RAW_KEY


def plain(value: Any) -> Any:
    """``value`` with dates as ISO 8601 text and bytes as text (never bytes), recursively."""
    if isinstance(value, dt.date):  # datetimes too: isoformat keeps their offset
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def record(item: Any) -> dict[str, Any]:
    """What is exported for ``item``: its article, else its raw record (body as text), else itself."""
    data = ItemAdapter(item).asdict() if ItemAdapter.is_item(item) else {"value": item}
    if isinstance(data.get(ARTICLE_KEY), Mapping):
        return plain(data[ARTICLE_KEY])
    raw = data.get(RAW_KEY)
    if isinstance(raw, Mapping):
        out = dict(raw)
        if isinstance(out.get("body"), bytes | bytearray):
            from kliping.clean.decode import decode

            out["body"] = decode(bytes(out["body"]), out.get("headers"))
        return plain(out)
    return plain(data)


class _Records:
    def export_item(self, item: Any) -> Any:
        return super().export_item(record(item))  # type: ignore[misc]


class _OneLine:
    """A JSON exporter whose records hold no raw U+2028/U+2029 (:mod:`kliping.jsonl`): a reader
    splitting lines there read one article as two broken lines."""

    encoder: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        encode = self.encoder.encode
        self.encoder.encode = lambda value: one_line(encode(value))


class JsonLinesExporter(_Records, _OneLine, exporters.JsonLinesItemExporter):
    """One article per line."""


class JsonExporter(_Records, _OneLine, exporters.JsonItemExporter):
    """A JSON list of articles."""


# What a spreadsheet (Excel, LibreOffice, Google Sheets) takes for a formula at the start of a
# cell: "=", "+", "-", "@", and a tab or carriage return before them (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet runs: a text opening like a formula gets a leading
    apostrophe (the spreadsheets' own "this is text" mark), as OWASP advises; other values are
    left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class CsvExporter(_Records, exporters.CsvItemExporter):
    """One article per row; list fields joined by commas. A value that opens like a formula
    (a page's title ``=HYPERLINK("http://…")``, a tag ``@SUM(…)``) is written with a leading
    apostrophe (:func:`cell`): opened in a spreadsheet, the file ran what a page wrote."""

    def _build_row(self, values: Any) -> Any:
        return [cell(v) for v in super()._build_row(values)]


class XmlExporter(_Records, exporters.XmlItemExporter):
    """One ``<item>`` per article."""


class MarshalExporter(_Records, exporters.MarshalItemExporter):
    """Articles as marshal records."""


class PickleExporter(_Records, exporters.PickleItemExporter):
    """Articles as pickles."""

