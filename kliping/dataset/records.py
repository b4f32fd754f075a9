"""The one builder of raw rows (the ``raw`` dataset of :mod:`kliping.dataset.schema`).

A raw row is made in several places: the spider (a fetched response), WARC ingest (a response
record), ``kliping extract`` and :func:`kliping.extract` (a file or a string), tests; and read back
from Parquet by reclean and the repair. Building it here keeps the field names and their
normal forms (``headers`` a dict, ``fetched_at`` aware, ``url_key`` filled) in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from kliping.dataset.schema import RAW

_FIELDS = frozenset(RAW.names)


def raw_record(
    *,
    url: str,
    site: str,
    body: bytes,
    status: int | None = 200,
    headers: Mapping[str, str] | None = None,
    final_url: str | None = None,
    fetched_at: datetime | None = None,
    run_id: str | None = None,
    discovered_via: str = "link",
    fetch_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A raw row: ``url`` as requested, ``final_url`` after redirects (default ``url``),
    ``fetched_at`` aware (default now, naive taken as UTC), a fresh ``fetch_id`` unless given.

    ``extra`` holds the other columns of ``RAW`` (``url_key``, ``warc_file``…); a name that is
    not a raw column is a TypeError, so a misspelt column cannot be dropped silently by the writer.
    """
    unknown = set(extra) - _FIELDS
    if unknown:
        raise TypeError(f"not raw columns: {', '.join(sorted(unknown))}")
    when = fetched_at or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return {
        "fetch_id": fetch_id or uuid.uuid4().hex,
        "url": url,
        "final_url": final_url or url,
        "site": site,
        "status": status,
        "headers": dict(headers or {}),
        "body": body,
        "fetched_at": when,
        "run_id": run_id,
        "discovered_via": discovered_via,
        **extra,
    }


def raw_from_arrow(row: dict[str, Any], site: str | None = None) -> dict[str, Any]:
    """A raw row read back from Parquet, in the form :func:`raw_record` gives (in place):
    ``headers`` a dict (Arrow maps read as lists of pairs), ``fetched_at`` aware; ``site`` set
    when given (a chunk's rows carry it in their partition, not in the file)."""
    headers = row.get("headers")
    if headers is None or isinstance(headers, list):
        row["headers"] = dict(headers or [])
    fetched = row.get("fetched_at")
    if isinstance(fetched, datetime) and fetched.tzinfo is None:
        row["fetched_at"] = fetched.replace(tzinfo=UTC)
    if site is not None:
        row["site"] = site
    return row


# Request headers the raw archive never keeps: what they hold is a secret, not a fact about the page.
SECRET_HEADERS = frozenset({"cookie", "authorization", "proxy-authorization"})


def request_fields(method: str | None, headers: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The raw row's ``request_method`` and ``request_headers`` (names lowercased, repeats
    joined, :data:`SECRET_HEADERS` left out): one shape for crawled and ingested rows."""
    kept: dict[str, str] = {}
    for name, value in headers:
        name = name.strip().lower()
        if name and name not in SECRET_HEADERS:
            kept[name] = f"{kept[name]}, {value}" if name in kept else value
    return {"request_method": (method or "").strip().upper() or None, "request_headers": kept}
