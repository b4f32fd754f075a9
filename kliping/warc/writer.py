"""``kliping export DATASET --format warc``: the raw responses behind the selected articles as WARC/1.1.

Each file starts with a ``warcinfo`` record; each raw row becomes a ``response`` record (HTTP
status line, the archived headers, the body as archived, ``WARC-Payload-Digest`` and
``WARC-Block-Digest``) followed by a ``metadata`` record (``WARC-Concurrent-To`` the response)
naming the article id, fetch id, run, site, requested URL and how it was discovered. Every record
is its own gzip member, so a reader can seek to any record. Files are rotated once they pass
``max_bytes`` (1 GiB by default, as Common Crawl's), written under a temporary name and renamed
when complete.

The archive keeps bodies decoded (as the crawler's response held them), so the headers that
described the wire encoding are renamed as Common Crawl does (``X-Crawler-Content-Encoding``,
``X-Crawler-Transfer-Encoding``, ``X-Crawler-Content-Length``) and ``Content-Length`` is the
body's. Where the raw row knows the request (``request_method``, ``request_headers``: crawls and
ingests since those columns exist) a ``request`` record (``WARC-Concurrent-To`` the response)
follows the response, its request line and headers rebuilt from them.
Record ids are derived from the fetch id, so exporting the same rows twice gives the same ids.
"""

from __future__ import annotations

import base64
import hashlib
import os
import uuid
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kliping import __version__

MAX_BYTES = 1 << 30
DATA_DIR = "data"
_RENAMED = {"content-encoding", "transfer-encoding", "content-length"}
_NS = uuid.UUID("6f1d3a52-4b7e-4c1e-9a55-6b6c69706e67")  # kliping's namespace for record ids


def warc_date(when: datetime) -> str:
    """WARC/1.1 date: UTC, milliseconds when there are any (the raw archive keeps ms)."""
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    text = when.strftime("%Y-%m-%dT%H:%M:%S")
    ms = when.microsecond // 1000
    return f"{text}.{ms:03d}Z" if ms else f"{text}Z"


def digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_NS, chr(0).join(parts))}>"


def _clean_value(value: Any) -> str:
    return " ".join(str(value).split())


def http_block(status: int, headers: Mapping[str, str], body: bytes) -> bytes:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    lines = [f"HTTP/1.1 {status} {reason}".rstrip()]
    for name, value in (headers or {}).items():
        name = _clean_value(name).replace(":", "")
        if not name:
            continue
        if name.lower() in _RENAMED:
            name = "X-Crawler-" + "-".join(p.capitalize() for p in name.split("-"))
        lines.append(f"{name}: {_clean_value(value)}")
    lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
    return head + body


class WarcWriter:
    """WARC/1.1 files ``<directory>/<prefix>-NNNNN.warc.gz``, one gzip member per record."""

    def __init__(self, directory: str | os.PathLike[str], prefix: str = "kliping",
                 max_bytes: int = MAX_BYTES, description: str = "") -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.description = description
        self.files: list[Path] = []
        self.records = 0
        self._fh: Any = None
        self._tmp: Path | None = None
        self._final: Path | None = None
        self._info_id = ""

    def _open(self) -> None:
        name = f"{self.prefix}-{len(self.files):05d}.warc.gz"
        self._final = self.dir / name
        self._tmp = self.dir / f".{name}.tmp"
        self._fh = open(self._tmp, "wb")
        self._info_id = record_id("warcinfo", name, datetime.now(UTC).isoformat())
        fields = (
            f"software: kliping/{__version__}\r\n"
            "format: WARC File Format 1.1\r\n"
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            f"isPartOf: kliping export\r\n"
            f"description: {_clean_value(self.description or 'raw responses of a kliping archive')}\r\n"
        ).encode()
        self._write({
            "WARC-Type": "warcinfo", "WARC-Record-ID": self._info_id,
            "WARC-Date": warc_date(datetime.now(UTC)), "WARC-Filename": name,
            "Content-Type": "application/warc-fields",
        }, fields)

    def _write(self, headers: dict[str, str], block: bytes) -> None:
        head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Length: {len(block)}\r\n\r\n"
        comp = zlib.compressobj(6, zlib.DEFLATED, 31)
        self._fh.write(comp.compress(head.encode("utf-8")) + comp.compress(block)
                       + comp.compress(b"\r\n\r\n") + comp.flush())
        self.records += 1

    def _before_record(self) -> None:
        if self._fh is not None and self._fh.tell() >= self.max_bytes:
            self._close_file()
        if self._fh is None:
            self._open()

    def write_response(self, *, url: str, when: datetime, status: int, headers: Mapping[str, str],
                       body: bytes, key: str, payload_type: str | None = None) -> str:
        """Write one response record; returns its WARC-Record-ID (``key`` makes it stable)."""
        self._before_record()
        block = http_block(status, headers, body)
        rid = record_id("response", key)
        h = {
            "WARC-Type": "response", "WARC-Record-ID": rid, "WARC-Date": warc_date(when),
            "WARC-Target-URI": _clean_value(url), "WARC-Warcinfo-ID": self._info_id,
            "Content-Type": "application/http;msgtype=response",
            "WARC-Payload-Digest": digest(body), "WARC-Block-Digest": digest(block),
        }
        if payload_type:
            h["WARC-Identified-Payload-Type"] = _clean_value(payload_type)
        self._write(h, block)
        return rid

    def write_request(self, *, url: str, when: datetime, concurrent_to: str, method: str,
                      headers: Mapping[str, str], key: str) -> str:
        """A ``request`` record for the response ``concurrent_to``: the request line (origin form)
        and the archived request headers (``Host`` from the URL when they lack it)."""
        rid = record_id("request", key)
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"{_clean_value(method) or 'GET'} {_clean_value(target)} HTTP/1.1"]
        names = {k.lower() for k in headers}
        if "host" not in names and parts.netloc:
            lines.append(f"Host: {parts.netloc}")
        for name, value in headers.items():
            name = _clean_value(name).replace(":", "")
            if name:
                lines.append(f"{'-'.join(p.capitalize() for p in name.split('-'))}: {_clean_value(value)}")
        block = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        self._write_beside("request", rid, url, when, concurrent_to, "application/http;msgtype=request",
                           block)
        return rid

    def write_metadata(self, *, url: str, when: datetime, concurrent_to: str,
                       fields: Mapping[str, Any], key: str) -> str:
        rid = record_id("metadata", key)
        block = "".join(f"{k}: {_clean_value(v)}\r\n" for k, v in fields.items() if v is not None)
        self._write_beside("metadata", rid, url, when, concurrent_to, "application/warc-fields",
                           block.encode("utf-8"))
        return rid

    def _write_beside(self, kind: str, rid: str, url: str, when: datetime, concurrent_to: str,
                      content_type: str, block: bytes) -> None:
        """A record about a response (its request, its metadata): ``WARC-Concurrent-To`` it."""
        self._write({
            "WARC-Type": kind, "WARC-Record-ID": rid, "WARC-Date": warc_date(when),
            "WARC-Target-URI": _clean_value(url), "WARC-Concurrent-To": concurrent_to,
            "WARC-Warcinfo-ID": self._info_id, "Content-Type": content_type,
            "WARC-Block-Digest": digest(block),
        }, block)

    def _close_file(self) -> None:
        if self._fh is None:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        assert self._tmp is not None and self._final is not None
        os.replace(self._tmp, self._final)
        self.files.append(self._final)
        self._fh = None

    def close(self) -> list[Path]:
        self._close_file()
        return self.files

    def abort(self) -> None:
        """After a failure (a full disk, say): the file being written and the files finished so
        far are removed, so a failed export leaves no WARC behind, as the other formats."""
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass  # what it could not flush is going anyway
            self._fh = None
        for path in [self._tmp, *self.files]:
            if path is not None:
                path.unlink(missing_ok=True)
        self.files = []


# --------------------------------------------------------------------------------------------
# The export


@dataclass
class WarcExport:
    out: Path
    files: list[Path] = field(default_factory=list)
    selected: int = 0
    written: int = 0
    requests: int = 0  # request records (the raw rows that know their request)
    missing_raw: int = 0
    bytes: int = 0
    skipped: list[Any] = field(default_factory=list)  # bad raw parts left out (--skip-bad)


def export_warc(dataset: str | os.PathLike[str], out: str | os.PathLike[str], filters: Any = None,
                dedup: str = "none", threshold: int = 3, max_bytes: int = MAX_BYTES,
                progress: Callable[..., None] | None = None, skip_bad: bool = False) -> WarcExport:
    """The raw rows behind the articles that ``filters`` (and ``dedup``) select, as WARC files
    (``kliping export --format warc``: the ``warc`` entry of kliping.dataset.formats.FORMATS).

    Raises ``kliping.dataset.export.DatasetError`` when DATASET has no articles or no raw archive
    beside. ``progress(done, total)`` is called as responses are written.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    from kliping.dataset.export import (
        _KEY_COLUMNS,
        DatasetError,
        Filters,
        _decide,
        articles_root,
        read_articles,
    )
    from kliping.dataset.storage import BadPartsError, find_bad_part, list_parts, open_parts, scan_parts

    filters = filters or Filters()
    raw_dir = articles_root(dataset).parent / "raw"
    if not list_parts(raw_dir):
        raise DatasetError(f"no raw archive (*.parquet) at {raw_dir}: the WARC export needs the raw rows")
    # every raw part checked as the articles' are (footer, schema, no compression bomb): read
    # unchecked, a bomb was decoded (gigabytes, a traceback) and a bad part was a traceback
    good, bad = scan_parts(raw_dir, "raw", sites=filters.sites)
    if bad and not skip_bad:
        raise DatasetError(str(BadPartsError(bad)))
    raw = open_parts(raw_dir, "raw", good)
    # every articles part checked first (footer, schema): a bad one is named, as for the other formats
    keys, skipped = read_articles(
        dataset, lambda d: d.to_table(columns=[*_KEY_COLUMNS, "run_id"], filter=filters.expression()),
        skip_bad=skip_bad, sites=filters.sites,
    )
    kept = _decide(keys, dedup, threshold)
    links: dict[str, tuple[str, str | None]] = {}
    for aid, fid, run in zip(keys.column("id").to_pylist(), keys.column("fetch_id").to_pylist(),
                             keys.column("run_id").to_pylist(), strict=True):
        if fid is not None and (aid, fid) in kept:
            links.setdefault(fid, (aid, run))
    result = WarcExport(Path(out), selected=keys.num_rows, skipped=[*skipped, *bad])
    data = Path(out) / DATA_DIR
    for old in [*data.glob("*.warc.gz"), *data.glob("articles.*")] if data.is_dir() else []:
        old.unlink()  # a fresh export, as the other formats replace theirs (an article file too)
    (Path(out) / "coverage.png").unlink(missing_ok=True)  # an article export's plot: not this data
    about = f"raw responses behind {len(links)} articles of {os.path.realpath(dataset)}"
    writer = WarcWriter(data, max_bytes=max_bytes, description=about)
    columns = ["fetch_id", "url", "final_url", "site", "status", "headers", "body", "fetched_at",
               "run_id", "discovered_via", "request_method", "request_headers"]
    done: set[str] = set()
    if progress is not None:
        progress(0, len(links))
    try:
        if links:
            flt = ds.field("fetch_id").isin(pa.array(sorted(links), pa.string()))
            for batch in raw.to_batches(columns=columns, filter=flt, batch_size=64):
                for row in batch.to_pylist():
                    fid = row["fetch_id"]
                    if fid in done or row["body"] is None:
                        continue
                    done.add(fid)
                    article_id, article_run = links[fid]
                    headers = dict(row["headers"] or [])
                    url = row["final_url"] or row["url"]
                    when = row["fetched_at"] or datetime.now(UTC)
                    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
                    rid = writer.write_response(url=url, when=when, status=row["status"] or 200,
                                                headers=headers, body=row["body"], key=fid,
                                                payload_type=(ctype or "").split(";")[0] or None)
                    if row["request_method"]:
                        writer.write_request(url=url, when=when, concurrent_to=rid, key=fid,
                                             method=row["request_method"],
                                             headers=dict(row["request_headers"] or []))
                        result.requests += 1
                    writer.write_metadata(url=url, when=when, concurrent_to=rid, key=fid, fields={
                        "kliping-article-id": article_id, "kliping-fetch-id": fid,
                        "kliping-run-id": row["run_id"], "kliping-article-run-id": article_run,
                        "kliping-site": row["site"], "kliping-requested-url": row["url"],
                        "kliping-discovered-via": row["discovered_via"],
                    })
                    result.written += 1
                    if progress is not None:
                        progress(result.written, len(links))
        result.files = writer.close()
    except (pa.ArrowException, OSError):
        writer.abort()
        culprit = find_bad_part(good, "raw")  # a page behind a sound footer, say
        if culprit is None:
            raise
        raise DatasetError(str(BadPartsError([culprit]))) from None
    except BaseException:
        writer.abort()
        raise
    result.missing_raw = len(links) - len(done)
    result.bytes = sum(f.stat().st_size for f in result.files)
    (Path(out) / "README.md").write_text(_card(result, dataset, filters), encoding="utf-8")
    return result


def _card(result: WarcExport, dataset: Any, filters: Any) -> str:
    files = "\n".join(f"- `{DATA_DIR}/{f.name}` ({f.stat().st_size:,} bytes)" for f in result.files)
    return "\n".join([
        "# kliping export: raw responses as WARC/1.1", "",
        f"- source dataset: `{os.path.realpath(dataset)}`",
        f"- exported: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} by kliping {__version__}",
        f"- filters: {'; '.join(filters.describe())}",
        f"- {result.written} response records ({result.selected} articles selected"
        + (f", {result.missing_raw} without a raw row" if result.missing_raw else "") + ")", "",
        "Each file: a `warcinfo` record, then per page a `response` record (the body as archived, "
        "decoded; wire encodings renamed `X-Crawler-…`), a `request` record where the archive knows "
        f"the request ({result.requests} of {result.written}) and a `metadata` record "
        "(both `WARC-Concurrent-To` the response) with `kliping-article-id`, `kliping-fetch-id`, "
        "`kliping-run-id`, `kliping-site`, "
        "`kliping-requested-url`, `kliping-discovered-via`. Every record is its own gzip member.", "",
        files or "- (no files: nothing selected)", "",
        "Read it back with `kliping ingest data/ --out DIR --all-domains`, warcio or any WARC tool.", "",
        "The pages belong to their publishers: respect each site's terms before sharing this archive.",
        "",
    ])
