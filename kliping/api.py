"""The library face of kliping: ``kliping.extract``, ``parse_date``, ``crawl`` and ``read``.

Thin, typed wrappers over the code the command line runs, so a notebook gets the same records
as ``kliping extract``, ``kliping dates``, ``kliping crawl`` and ``kliping export`` (docs/api.md,
whose examples run as tests). Imported on first use of any of these names (``kliping.__init__``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

    from kliping.dates import ParsedDate, TzLike
    from kliping.sites.base import Site

# Each function imports what it runs: parse_date does not pay for trafilatura (~0.3 s), nor
# extract for pyarrow.dataset. kliping.NotAnArticle, .NotHtml, .ParsedDate and .BadPartsError
# come from their own modules (kliping/__init__.py).

__all__ = ["Article", "RunResult", "crawl", "extract", "parse_date", "read"]


# -- extract ----------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article: the fields of the ``articles`` dataset (docs/schema.md), as Python
    values (``datetime`` in UTC, ``date``). ``to_dict()`` gives them as a dict, ``to_json()`` the
    line ``kliping extract`` prints for the same page."""

    id: str
    url: str
    canonical_url: str | None
    site: str
    domain: str | None
    title: str | None
    description: str | None
    text: str | None
    authors: list[str] | None
    editors: list[str] | None
    published_at: dt.datetime | None
    published_date: dt.date | None
    published_raw: str | None
    modified_at: dt.datetime | None
    date_flags: list[str] | None
    dateline_place: str | None
    dateline_source: str | None
    section: str | None
    tags: list[str] | None
    image_url: str | None
    language: str | None
    word_count: int | None
    text_hash: str | None
    simhash: int | None
    fetched_at: dt.datetime | None
    run_id: str | None
    fetch_id: str | None
    cleaner_version: str | None

    def to_dict(self) -> dict[str, Any]:
        """The record, field by field in schema order (a fresh dict: lists are copied)."""
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), list) else v
            for f in dataclasses.fields(self)
        }

    def to_json(self) -> str:
        """One JSON line, as ``kliping extract`` prints it: dates ``YYYY-MM-DD``, instants ISO 8601."""
        from kliping import jsonl  # (U+2028 and U+2029 escaped: one line for every reader)

        return jsonl.dumps(
            {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in self.to_dict().items()}
        )


def _site(site: str | Site | None, url: str | None) -> Site | None:
    from kliping.sites.registry import get_site, site_for_url

    if site is None:
        return site_for_url(url) if url else None
    if isinstance(site, str):
        return get_site(site)  # an unknown key: UnknownSite (a LookupError) naming it
    return site


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    site: str | Site | None = None,
    fetched_at: dt.datetime | None = None,
    headers: Mapping[str, str] | None = None,
) -> Article:
    """Clean one page into an :class:`Article`, exactly as ``kliping extract`` and the crawl do.

    ``html``: the page, as text or as the bytes received (decoded as a browser would: header
    charset, ``<meta charset>``, UTF-8, cp1252). ``url``: where it came from; with it the site is
    found in the registry (its layout rules, its time zone) and relative links resolve.
    ``site``: a registry key (``kliping sites``) or a :class:`~kliping.sites.base.Site`, when the
    URL does not say. ``fetched_at``: when the page was fetched (default now; naive means UTC);
    relative dates ("2 jam yang lalu") resolve against it. ``headers``: the response headers, if
    known (``Content-Type`` helps decoding).

    Raises :class:`NotHtml` for a response that is not an HTML page (a PDF, an image, a feed),
    :class:`NotAnArticle` (its base class) for HTML with no article body (a listing, an error
    page), ``LookupError`` for a ``site`` key the registry does not know.
    """
    from kliping.clean import clean

    if isinstance(html, str):
        body = html.encode("utf-8")
        headers = {**(headers or {}), "Content-Type": "text/html; charset=utf-8"}
    elif isinstance(html, bytes | bytearray | memoryview):
        body = bytes(html)
    else:
        raise TypeError(f"html: expected str or bytes, got {type(html).__name__}")
    page_site = _site(site, url)
    when = fetched_at or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    from kliping.dataset.records import raw_record

    raw = raw_record(url=url or "", site=page_site.key if page_site else "", body=body,
                     headers=headers, fetched_at=when, run_id="extract", fetch_id="extract",
                     discovered_via="file")
    record = clean(raw, page_site)
    return Article(**{f.name: record.get(f.name) for f in dataclasses.fields(Article)})


# -- parse_date ---------------------------------------------------------------------------------------
def parse_date(
    text: str, *, reference: dt.datetime | None = None, tz: TzLike = "WIB"
) -> ParsedDate:
    """Parse a date as printed on an Indonesian news page ("Senin (8/1/2024)", "2 jam yang lalu").

    Returns a :class:`~kliping.dates.ParsedDate`: ``.date`` (the calendar day as printed, or None),
    ``.datetime`` (an aware instant, only when a time of day is written), ``.weekday_mismatch``,
    and ``.error`` saying why when there is no date. ``reference``: the fetch time that relative
    and year-less dates resolve against (default now; naive means in ``tz``). ``tz``: the zone for
    a time written without one: ``"WIB"`` (+07), ``"WITA"`` (+08), ``"WIT"`` (+09), an offset
    ``"+07:00"`` or a ``tzinfo``. Never raises for a string; ``ValueError`` for an unknown ``tz``.
    """
    from kliping.dates import parse_date as _parse_date

    return _parse_date(text, reference=reference, tz=tz)


# -- crawl ------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class RunResult:
    """What one :func:`crawl` did: its row of the run ledger (``kliping runs``), and its report."""

    run_id: str
    out: Path
    status: str  # finished, failed, health_failed (see docs/scheduling.md)
    sites: list[str]
    since: dt.date | None
    until: dt.date | None
    articles_new: int
    articles_skipped: int
    requests: int
    errors: int
    returncode: int  # of the ``kliping crawl`` child: 0 finished, 1 failed or health check failed
    message: str | None  # why the run failed, one line (None when it did not fail that way)
    report: str  # the summary ``kliping crawl`` prints

    @property
    def ok(self) -> bool:
        return self.status == "finished"


_RUN_LINE = re.compile(r"^run (\S+): (\w+)\s*$", re.M)


def _day(value: dt.date | str | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise TypeError(f"{name}: expected a date or 'YYYY-MM-DD', got a datetime")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _setting(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def crawl(
    sites: str | Iterable[str],
    out: str | os.PathLike[str],
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    limit: int | None = None,
    settings: Mapping[str, Any] | None = None,
    timeout: float | None = None,
) -> RunResult:
    """Crawl registered sites into the dataset at ``out``, as ``kliping crawl`` does.

    ``sites``: registry keys (``kliping sites``). ``since``/``until``: the window of publication
    days (a date or ``"YYYY-MM-DD"``; ``since="last"`` starts each site where its last finished run
    ended). ``limit``: at most that many article requests per site. ``settings``: Scrapy/kliping
    settings, as ``kliping crawl -s NAME=VALUE`` (non-string values are passed as JSON).
    ``timeout``: seconds before the crawl is stopped (default: none).

    The crawl runs in a child process (``python -m kliping crawl``): Scrapy's Twisted reactor can
    start only once per process, so a crawl run in this process could not be followed by a
    second one; this way a notebook can call :func:`crawl` as often as it likes. Ctrl-C (or the
    ``timeout``) asks the child to stop as ``kliping crawl`` does on SIGINT; the ledger records it.

    Raises ``ValueError`` (the command's one-line message) for bad input: an unknown site, a bad
    date, an output another run holds or that cannot be written. A run that ran and failed is a
    :class:`RunResult` whose ``ok`` is False and whose ``message`` says why.
    """
    keys = [sites] if isinstance(sites, str) else list(sites)
    if not keys:
        raise ValueError("sites: give at least one site key")
    argv = [sys.executable, "-m", "kliping", "crawl", *keys, "--out", os.fspath(out)]
    for option, value in (("--since", _day(since, "since")), ("--until", _day(until, "until"))):
        if value is not None:
            argv += [option, value]
    if limit is not None:
        argv += ["--limit", str(limit)]
    for name, value in (settings or {}).items():
        argv += ["--set", f"{name}={_setting(value)}"]
    # its own session: a terminal's Ctrl-C reaches only this process, which passes on one SIGINT
    # (a second one would make Scrapy stop without closing the run)
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except (KeyboardInterrupt, subprocess.TimeoutExpired) as exc:
        proc.send_signal(signal.SIGINT)  # Scrapy closes the spiders; the ledger records the run
        try:
            proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise TimeoutError(f"crawl of {', '.join(keys)} stopped after {timeout:g} s") from None
    errors = [line for line in stderr.splitlines() if line.startswith("kliping crawl: ")]
    if proc.returncode == 2:
        line = (errors or stderr.strip().splitlines() or ["bad usage (exit 2)"])[-1]
        raise ValueError(line.removeprefix("kliping crawl: error: "))
    found = _RUN_LINE.findall(stdout)
    if not found:
        last = (errors or stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        raise RuntimeError(f"kliping crawl stopped before recording a run: {last}")
    run_id, status = found[-1]
    from kliping.crawler.ledger import read_ledger

    row = next((r for r in read_ledger(out) if r["run_id"] == run_id), None) or {}
    message = next((e.removeprefix("kliping crawl: error: ") for e in errors if ": error: " in e), None)
    return RunResult(
        run_id=run_id, out=Path(out), status=row.get("status") or status,
        sites=list(row.get("sites") or keys), since=row.get("since"), until=row.get("until"),
        articles_new=int(row.get("articles_new") or 0),
        articles_skipped=int(row.get("articles_skipped") or 0),
        requests=int(row.get("requests") or 0), errors=int(row.get("errors") or 0),
        returncode=proc.returncode, message=message, report=stdout,
    )


# -- read -------------------------------------------------------------------------------------------
_WHAT = ("articles", "raw", "errors", "runs")
_WHEN = {"articles": "published_date", "raw": "fetched_at", "runs": "started_at"}


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{name}: expected a date or 'YYYY-MM-DD', got {value!r}")


def read(
    out: str | os.PathLike[str],
    what: str = "articles",
    *,
    site: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    columns: list[str] | None = None,
    skip_bad: bool = False,
) -> pa.Table:
    """Read one dataset of the output ``out`` (of a crawl, ``kliping demo`` or ``kliping reclean``)
    as a ``pyarrow.Table`` (``.to_pandas()``, ``polars.from_arrow()`` …).

    ``what``: ``"articles"``, ``"raw"``, ``"errors"`` or ``"runs"`` (the run ledger, one row per
    run in its latest state, as ``kliping runs`` shows it). ``site``: one key or several.
    ``since``/``until`` (inclusive days): on ``published_date`` for articles, on ``fetched_at``
    (UTC days) for raw, on ``started_at`` (UTC days) for runs; errors have no date to filter on.
    ``columns``: only these fields.

    Every part's footer and schema are checked before reading: a truncated, foreign or
    wrong-schema part raises :class:`~kliping.dataset.storage.BadPartsError` (a ``ValueError``) naming
    it, unless ``skip_bad`` leaves it out. An output with no parts of ``what`` gives an empty
    table with the dataset's schema.
    """
    import pyarrow as pa

    from kliping.dataset.schema import DATASETS
    from kliping.dataset.storage import PARTITION, with_good_parts

    if what not in _WHAT:
        raise ValueError(f"what: expected one of {', '.join(_WHAT)}, got {what!r}")
    if not Path(out).is_dir():
        raise FileNotFoundError(f"no such directory: {out}")
    schema = DATASETS[what]
    root = Path(out)
    if root.name != what or not root.is_dir() or (root / what).is_dir():
        root = root / what
    sites = [site] if isinstance(site, str) else list(site) if site is not None else None
    first, last = _as_date(since, "since"), _as_date(until, "until")
    if first and last and first > last:
        raise ValueError(f"since {first} is after until {last}")
    when = _WHEN.get(what)
    if when is None and (first or last):
        raise ValueError(f"{what} has no date to filter on; filter by site, or read articles")
    if columns:
        unknown = [c for c in columns if c not in schema.names]
        if unknown:
            raise ValueError(f"columns: {what} has no field {unknown[0]!r}")

    import pyarrow.dataset as ds

    expr = None
    if first or last:
        field = ds.field(when)
        if what == "articles":
            lo = pa.scalar(first, pa.date32()) if first else None
            hi = pa.scalar(last, pa.date32()) if last else None
            bounds = [field >= lo if lo is not None else None, field <= hi if hi is not None else None]
        else:
            ts = schema.field(when).type

            def instant(day: dt.date) -> pa.Scalar:
                return pa.scalar(dt.datetime.combine(day, dt.time(), dt.UTC), ts)

            bounds = [field >= instant(first) if first else None,
                      field < instant(last + dt.timedelta(days=1)) if last else None]
        for b in bounds:
            if b is not None:
                expr = b if expr is None else expr & b
    partitioned = PARTITION in schema.names
    if sites and partitioned and root.is_dir():
        # a typo is an error, not an empty table (as `kliping export --site` and `stats --site`)
        from kliping.dataset.storage import dataset_sites
        from kliping.sites.registry import all_sites

        known = set(all_sites()) | dataset_sites(root)
        unknown = [s for s in sites if s not in known]
        if unknown:
            raise ValueError(f"site: unknown site {unknown[0]!r}: not in the registry "
                             f"(`kliping sites`) nor in {root}")
    if sites and partitioned:
        cond = ds.field(PARTITION).isin(sites)
        expr = cond if expr is None else expr & cond
    want = columns or schema.names

    def scan(d: Any) -> pa.Table:
        if d is None:
            return pa.schema([schema.field(c) for c in want]).empty_table()
        return d.to_table(columns=want, filter=expr)

    table, _skipped = with_good_parts(root, what, scan, skip_bad, sites if partitioned else None)
    if what == "runs":
        table = _latest_runs(root.parent, table, sites)
    return table


def _latest_runs(out: Path, table: pa.Table, sites: list[str] | None) -> pa.Table:
    """The ledger's rows, one per run in its latest state (``kliping.crawler.ledger.read_ledger``'s rule)."""
    import pyarrow as pa

    from kliping.crawler.ledger import read_ledger

    keep = set(table.column("run_id").to_pylist()) if "run_id" in table.column_names else None
    rows = [r for r in read_ledger(out) if keep is None or r["run_id"] in keep]
    if sites:
        rows = [r for r in rows if set(sites) & set(r["sites"] or [])]
    from kliping.dataset.schema import RUNS

    full = pa.Table.from_pylist(rows, schema=RUNS)
    return full.select(table.column_names)
