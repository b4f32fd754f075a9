"""The one place that owns every Parquet field (DESIGN.md §2).

``docs/schema.md`` is generated from these tables (``python -m kliping.dataset.schema``) and a test checks
the two agree.
"""

from __future__ import annotations

import pyarrow as pa

_TS_MS = pa.timestamp("ms", tz="UTC")
_TS_S = pa.timestamp("s", tz="UTC")


def _f(name: str, typ: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, typ, nullable=nullable, metadata={"doc": doc})


RAW = pa.schema(
    [
        _f("fetch_id", pa.string(), "unique id of this fetch", False),
        _f("url", pa.string(), "URL requested", False),
        _f("url_key", pa.uint64(), "64-bit key of url (kliping.crawler.seen.url_key), read by the seen set"),
        _f("final_url", pa.string(), "URL after redirects"),
        _f("site", pa.string(), "site key from the registry", False),
        _f("status", pa.int16(), "HTTP status"),
        _f("headers", pa.map_(pa.string(), pa.string()), "response headers"),
        _f("body", pa.binary(), "body bytes as received (decompressed transfer encoding)"),
        _f("fetched_at", _TS_MS, "when fetched"),
        _f("run_id", pa.string(), "the crawl run"),
        _f("discovered_via", pa.string(), "news_sitemap, sitemap, feed, date_index, link, warc, …"),
        _f("warc_file", pa.string(), "rows ingested from a WARC: the file (path, URL or crawl-data path)"),
        _f("warc_offset", pa.int64(), "rows ingested from a WARC: offset of the record (its gzip member)"),
        _f("warc_record_id", pa.string(), "rows ingested from a WARC: the record's WARC-Record-ID"),
        _f("request_method", pa.string(), "the request's HTTP method (GET, …) where known: crawled rows, "
           "rows ingested from a WARC with the page's request record; null in parts written before"),
        _f("request_headers", pa.map_(pa.string(), pa.string()), "the request's headers as sent "
           "(User-Agent, Accept, …; names lowercased; Cookie and credentials left out), where known"),
    ]
)

ARTICLES = pa.schema(
    [
        _f("id", pa.string(), "stable id from the canonical URL", False),
        _f("url", pa.string(), "URL as fetched", False),
        _f("canonical_url", pa.string(), "rel=canonical / og:url, tracking params stripped"),
        _f("site", pa.string(), "registry key", False),
        _f("domain", pa.string(), "host"),
        _f("title", pa.string(), "headline"),
        _f("description", pa.string(), "standfirst / meta description"),
        _f("text", pa.string(), 'body only: paragraphs joined by "\\n\\n"; no boilerplate'),
        _f("authors", pa.list_(pa.string()), "people, not 'Tim Redaksi' noise or photo credits"),
        _f("editors", pa.list_(pa.string()), "where the page names them"),
        _f("published_at", _TS_S, "instant of publication, null when only a date is known"),
        _f("published_date", pa.date32(), "calendar date as printed on the page (local)"),
        _f("published_raw", pa.string(), "the string it came from"),
        _f("modified_at", _TS_S, "instant of last modification"),
        _f("date_flags", pa.list_(pa.string()), "source first (from_jsonld, from_meta, from_printed, "
           "from_url, from_htmldate, from_body_text), then doubts: weekday_mismatch, future_date, "
           "implausible_date (before 1990), date_conflict (sources > 1 day apart), time_conflict "
           "(stated times >= 1 hour apart)"),
        _f("dateline_place", pa.string(), 'e.g. "Jakarta" from "JAKARTA, KOMPAS.com -"'),
        _f("dateline_source", pa.string(), 'e.g. "KOMPAS.com" from "JAKARTA, KOMPAS.com -"'),
        _f("section", pa.string(), "rubric"),
        _f("tags", pa.list_(pa.string()), "tags / topics"),
        _f("image_url", pa.string(), "lead image"),
        _f("language", pa.string(),
           "ISO 639-1 (639-3 for a regional language without one: min, ban, mad, bug, ace, bjn, sas), "
           "detected from the text"),
        _f("word_count", pa.int32(), "words in text"),
        _f("text_hash", pa.string(), "hash of normalized text (exact duplicates)"),
        _f("simhash", pa.uint64(), "near-duplicate fingerprint"),
        _f("fetched_at", _TS_MS, "link back to the raw row: when fetched"),
        _f("run_id", pa.string(), "link back to the raw row: the crawl run"),
        _f("fetch_id", pa.string(), "link back to the raw row: the fetch"),
        _f("cleaner_version", pa.string(), "kliping version + extraction settings"),
    ]
)

RUNS = pa.schema(
    [
        _f("run_id", pa.string(), "as in the other datasets", False),
        _f("sites", pa.list_(pa.string()), "sites crawled"),
        _f("since", pa.date32(), "the window asked for"),
        _f("until", pa.date32(), "the window asked for"),
        _f("started_at", _TS_MS, "when the run started"),
        _f("finished_at", _TS_MS, "when the run ended"),
        _f("status", pa.string(), "running, finished, failed, killed, health_failed"),
        _f("job", pa.string(), "what ran: crawl, ingest or reclean (null in rows written before the "
           "column: a crawl); since=last and the health baselines read crawl rows only"),
        _f("requests", pa.int64(), "requests sent"),
        _f("responses", pa.int64(), "responses received"),
        _f("responses_by_status", pa.map_(pa.string(), pa.int64()), "responses per HTTP status"),
        _f("articles_new", pa.int64(), "new articles archived"),
        _f("articles_skipped", pa.int64(), "known articles skipped"),
        _f("errors", pa.int64(), "failed requests and cleaning errors"),
        _f("fields_missing", pa.map_(pa.string(), pa.int64()), "new articles missing each field"),
        _f("health", pa.string(), "JSON: per-site checks and their result"),
    ]
)

ERRORS = pa.schema(
    [
        _f("fetch_id", pa.string(), "the raw row that did not become an article", False),
        _f("url", pa.string(), "URL as fetched"),
        _f("site", pa.string(), "registry key", False),
        _f(
            "kind",
            pa.string(),
            "not_html (a PDF, image, feed, binary…), not_article (HTML, no article body), "
            "timeout (cleaning past the per-page budget), clean_error (the cleaner raised), "
            "http_status (a non-2xx response, not cleaned) or worker_crashed (a cleaning worker "
            "process died twice on the page: a crawl's, or reclean's on the page's chunk); the same "
            "for a crawl, a repair, a reclean and an "
            "ingest (kliping.dataset.outcome). Null in errors parts of an older reclean (no kind "
            "and run_id columns; their error reads '<kind>: <message>'; reclean --only-stale "
            "rewrites them)",
        ),
        _f("error", pa.string(), "what went wrong, one line"),
        _f("cleaner_version", pa.string(), "the cleaner that tried"),
        _f("run_id", pa.string(), "link back to the raw row: the run that fetched the page"),
    ]
)

DATASETS: dict[str, pa.Schema] = {"raw": RAW, "articles": ARTICLES, "runs": RUNS, "errors": ERRORS}


def markdown() -> str:
    """The schema as the Markdown tables of ``docs/schema.md``."""
    out = ["# Dataset schema", "",
           "Generated by `python -m kliping.dataset.schema`; a test keeps it in sync.", "",
           "Types are Arrow types, as `kliping.read` returns them. Parquet has no unit of seconds: the",
           "`timestamp[s, tz=UTC]` fields (`published_at`, `modified_at`, whole seconds) are stored as",
           "`timestamp[ms, tz=UTC]`, and that is the type pandas, polars, DuckDB or `pyarrow.parquet`",
           "read from the files (the values are the same). Lists come back as `list<element: string>`,",
           "the same type under Parquet's name for the item.", ""]
    for name, schema in DATASETS.items():
        out += [f"## `{name}`", "", "| field | type | nullable | meaning |", "|---|---|---|---|"]
        for fld in schema:
            doc = (fld.metadata or {}).get(b"doc", b"").decode().replace("|", "\\|")
            out.append(f"| {fld.name} | {fld.type} | {'yes' if fld.nullable else 'no'} | {doc} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
