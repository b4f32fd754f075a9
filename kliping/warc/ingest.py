"""``kliping ingest``: WARC records into the same raw archive, articles and ledger as a crawl.

A run takes the output's lock, finishes what a killed run left uncleaned (:func:`kliping.crawler.repair`),
writes a ``running`` ledger row, then reads each WARC file start to end (:mod:`kliping.warc.reader`)
in this process or in worker processes / on a Dask cluster, one file per task. Of each file only
``response`` records of status 200 with an HTML body of a wanted site are kept: each becomes a raw
row (``discovered_via`` = ``warc``, ``fetched_at`` = WARC-Date, pointing back to its record by
``warc_file``, ``warc_offset``, ``warc_record_id``) and is cleaned by the same ``clean()`` as a
crawled page (:func:`kliping.dataset.outcome.clean_outcome`), into ``articles/`` or ``errors/``.

No URL is stored twice: URLs already in the archive are skipped (the seen set, read once by the
driver and handed to the workers as a memory-mapped array), and within a run the workers claim
URLs in a small shared file under a lock before cleaning them, so overlapping WARCs processed at
the same time add each URL once.

Resuming: after every flush of a file's parts a line goes to ``<out>/.kliping-ingest/files.jsonl``
with the offset from which the file can be read afresh; a finished file gets a ``done`` line. A
later run skips done files and starts the others at their last offset (a killed run's unflushed
rows are read again; its flushed ones are known by then and skipped).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
import time
import zlib
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from hashlib import blake2b
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from kliping.crawler.progress import DEFAULT_INTERVAL, JobProgress, ProgressSettingError, clock
from kliping.dataset.records import raw_record
from kliping.warc.reader import WarcFormatError, find_member, iter_records, parse_fields, parse_request
from kliping.warc.sources import WarcFile, open_warc

STATE_DIR = ".kliping-ingest"
MAX_BODY = 8 << 20  # an HTML body larger than this (decoded) is skipped and counted
BATCH = 32  # candidate records claimed and cleaned together
MAX_REQUEST = 64 << 10  # a request record's block larger than this is not read
# Parts are flushed (and the file's resume offset recorded) every FLUSH_ROWS kept rows, FLUSH_BYTES
# of bodies held or FLUSH_SECONDS: more rows than a crawl's 200, because a WARC holds many sites
# and every flush writes one part per site and dataset (each fsynced).
FLUSH_ROWS = 1000
FLUSH_BYTES = 128 << 20
FLUSH_SECONDS = 60.0
PROGRESS_SECONDS = 0.5
SPLIT_BYTES = 64 << 20  # on a Dask cluster, local .warc.gz files are read in pieces of this size
MIN_SPLIT = 1 << 20
# What a pool worker imports once, in the forkserver (kliping.dataset.workers): the cleaner and
# the writers
INGEST_PRELOAD = ["kliping.clean", "kliping.sites.registry", "kliping.dataset.reclean",
                  "kliping.dataset.outcome", "kliping.crawler.seen", "kliping.warc.ingest",
                  "kliping.warc.parts"]


def auto_split(files: list[WarcFile], workers: int) -> int | None:
    """Piece size for a local pool: none when there are files enough to keep every worker busy
    (two each), else the local ``.warc.gz`` bytes over twice the workers, so one big file is
    shared evenly."""
    if len(files) >= 2 * workers:
        return None
    sizes = [os.path.getsize(f.location) for f in files
             if not f.remote and f.location.endswith(".gz") and os.path.isfile(f.location)]
    return max(MIN_SPLIT, -(-sum(sizes) // (2 * workers))) if sizes else None


# --------------------------------------------------------------------------------------------
# One record


def parse_http(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    """(status, headers with lowercased names, body) of an HTTP response block, None if not one."""
    end, sep = block.find(b"\r\n\r\n"), 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
        if end < 0:
            return None
    lines = block[:end].decode("latin-1").split("\n")
    first = lines[0].split(None, 2)
    if len(first) < 2 or not first[0].startswith("HTTP/"):
        return None
    try:
        status = int(first[1])
    except ValueError:
        return None
    return status, parse_fields([line.rstrip("\r") for line in lines[1:]]), block[end + sep :]


def _dechunk(data: bytes, limit: int) -> bytes | None:
    out = bytearray()
    pos = 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            return None
        try:
            size = int(data[pos:nl].split(b";")[0].strip() or b"x", 16)
        except ValueError:
            return None
        pos = nl + 1
        if size == 0:
            return bytes(out)
        if pos + size > len(data) or len(out) + size > limit:
            return None
        out += data[pos : pos + size]
        pos += size
        pos += 2 if data[pos : pos + 2] == b"\r\n" else 1 if data[pos : pos + 1] == b"\n" else 0


def _inflate(data: bytes, wbits: int, limit: int) -> bytes | None:
    """``data`` inflated (at most ``limit`` bytes, else None), every gzip member of it: a body
    gzipped in pieces (RFC 1952 allows several members; a server concatenating gzipped parts
    sends them) kept only its first member, and the page lost the rest of its text, or all of
    it (Scrapy's own gunzip, which a crawl uses, reads every member)."""
    out = b""
    while True:
        dec = zlib.decompressobj(wbits)
        try:
            out += dec.decompress(data, limit + 1 - len(out))
        except zlib.error:
            return out or None  # a broken later member: the members before it, as Scrapy does
        if len(out) > limit:
            return None
        data = dec.unused_data
        if not (dec.eof and wbits == 47 and data[:2] == b"\x1f\x8b"):
            return out


def _unbrotli(data: bytes, limit: int) -> bytes | None:
    """``data`` brotli-decoded, or None (not brotli, or more than ``limit`` bytes decoded).

    Bounded as it decodes: ``brotli.decompress`` inflated a 3 KB record to 2 GiB (4.3 GB of
    memory, 15 s), and ratios run far higher. A brotli module without ``output_buffer_limit``
    (before 1.1) cannot be bounded: such records are left undecoded."""
    try:
        import brotli  # type: ignore[import-not-found]
    except ImportError:
        return None
    dec = brotli.Decompressor()
    try:
        out = dec.process(data, output_buffer_limit=limit + 1)
    except TypeError:
        return None
    except Exception:  # brotli.error: not brotli
        return None
    if len(out) > limit or not dec.is_finished():
        return None  # over the limit, or cut short
    return out


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<head" in head


def decode_body(headers: dict[str, str], body: bytes, limit: int) -> bytes | None:
    """The body without transfer and content encodings, as a crawler's response holds it.

    Common Crawl already stores decoded payloads (and renames the headers to ``X-Crawler-…``);
    Heritrix and ``wget --warc-file`` store them as sent. A header that claims an encoding the
    body does not have (decoded by the archiver, header kept) leaves the body as it is.
    """
    if "chunked" in headers.get("transfer-encoding", "").lower():
        plain = _dechunk(body, limit)
        if plain is not None:
            body = plain
            del headers["transfer-encoding"]
    enc = headers.get("content-encoding", "").lower().strip()
    if enc in ("", "identity", "none"):
        return body if len(body) <= limit else None
    if enc in ("gzip", "x-gzip", "deflate"):
        plain = _inflate(body, 47, limit) or _inflate(body, -15, limit)  # zlib/gzip, raw deflate
    elif enc == "br":
        plain = _unbrotli(body, limit)
    else:
        plain = None
    if plain is None:
        return body if _looks_html(body) and len(body) <= limit else None
    del headers["content-encoding"]
    return plain if len(plain) <= limit else None


def warc_date(value: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def target_uri(headers: Mapping[str, str]) -> str:
    return headers.get("warc-target-uri", "").strip().strip("<>")


@lru_cache(maxsize=1 << 16)
def _registry_site(host: str) -> Any:
    from kliping.sites.registry import site_for_url

    return site_for_url(f"https://{host}/")


@lru_cache(maxsize=1 << 16)
def generic_key(host: str) -> str | None:
    """``kliping.spiders.generic.generic_site(host).key`` without importing Scrapy (~1 s a process);
    a test keeps the two equal."""
    bare = host.strip().lower().removeprefix("www.")
    if not bare or "/" in bare:
        return None
    key = re.sub(r"[^a-z0-9]+", "_", bare).strip("_")
    return key if key[:1].isalpha() else f"site_{key}"


def fetch_id_for(key: str, offset: int, record_id: str) -> str:
    """Stable per record: ingesting the same record into another output gives the same id."""
    return blake2b(f"{key}\0{record_id or offset}".encode(), digest_size=16).hexdigest()


# --------------------------------------------------------------------------------------------
# What a run knows: the archive's URLs, the URLs claimed this run, the files done


class Known:
    """URLs not to store again: the archive's (a sorted key array) and this run's claims.

    With ``claims_path`` the claims are shared between processes through an append-only file of
    64-bit keys, read and extended under ``flock``: a worker sees every key claimed before it.
    """

    MERGE = 1 << 16  # recent claims kept in a set until merged into the sorted array

    def __init__(self, archive: np.ndarray, claims_path: str | None = None) -> None:
        self.archive = archive
        # 8 bytes a claim (a month of CC-NEWS is millions of URLs), plus a small set of the latest
        self.claimed_sorted = np.empty(0, dtype=np.uint64)
        self.claimed: set[int] = set()
        self.path = claims_path
        self._pos = 0

    @staticmethod
    def _has(arr: np.ndarray, key: int) -> bool:
        if not len(arr):
            return False
        i = int(arr.searchsorted(np.uint64(key)))
        return i < len(arr) and int(arr[i]) == key

    def in_archive(self, key: int) -> bool:
        return self._has(self.archive, key)

    def _add(self, keys: Iterable[int]) -> None:
        self.claimed.update(keys)
        if len(self.claimed) >= self.MERGE:
            fresh = np.fromiter(self.claimed, dtype=np.uint64, count=len(self.claimed))
            self.claimed_sorted = np.union1d(self.claimed_sorted, fresh)
            self.claimed = set()

    def claim(self, keys: list[int]) -> list[bool]:
        """For each key: True when this caller is the first of the run to claim it."""
        if self.path is None:
            return self._claim_local(keys)
        with open(self.path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                fh.seek(self._pos)
                data = fh.read()
                usable = len(data) - len(data) % 8
                self._add(array("Q", data[:usable]))
                self._pos += usable
                fresh = self._claim_local(keys)
                new = array("Q", [k for k, ok in zip(keys, fresh, strict=True) if ok])
                if new:
                    fh.seek(0, os.SEEK_END)
                    fh.write(new.tobytes())
                    fh.flush()
                self._pos = fh.tell()
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return fresh

    def _claim_local(self, keys: list[int]) -> list[bool]:
        fresh = []
        batch: set[int] = set()
        for k in keys:
            ok = k not in batch and k not in self.claimed and not self._has(self.claimed_sorted, k)
            if ok:
                batch.add(k)
            fresh.append(ok)
        self._add(batch)
        return fresh


def state_path(out: str | os.PathLike[str]) -> Path:
    return Path(out) / STATE_DIR / "files.jsonl"


def write_state(out: str | os.PathLike[str], **line: Any) -> None:
    """One line per checkpoint; appends of one short line are atomic on a local filesystem."""
    path = state_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(line, sort_keys=True, default=str) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _sound_state(rec: Any) -> bool:
    """A checkpoint line of the shape :func:`write_state` writes: a key, an offset that is a
    whole number of bytes >= 0, a done flag that is a bool. A line edited, damaged or written by
    something else (``"offset": "abc"``, ``[1]``, ``-100``, ``1e300``) is passed over like a torn
    one: it took ingest down with a traceback, or failed the file on every rerun."""
    if not isinstance(rec, dict) or not isinstance(rec.get("key"), str):
        return False
    offset = rec.get("offset", 0)
    if offset is None:
        offset = 0
    return (type(offset) is int and 0 <= offset < 1 << 62
            and isinstance(rec.get("done", False), bool))


def read_state(out: str | os.PathLike[str], scope: str | None = None) -> dict[str, dict[str, Any]]:
    """The last sound line of each file read with ``scope`` (a torn last line from a kill, or a
    damaged one, is ignored: the file is read again from an earlier checkpoint, and what is
    stored already is skipped by the seen set)."""
    path = state_path(out)
    last: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return last
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if _sound_state(rec) and (scope is None or rec.get("scope") == scope):
                last[rec["key"]] = rec
    return last


# --------------------------------------------------------------------------------------------
# One file (runs in the driver, a worker process or a Dask worker)


@dataclass(frozen=True)
class Options:
    out: str
    run_id: str
    sites: tuple[str, ...] | None = None  # registry keys wanted (None: every registry site)
    all_domains: bool = False
    since: date | None = None
    until: date | None = None
    max_body: int = MAX_BODY
    page_seconds: float | None = 30.0
    flush_rows: int = FLUSH_ROWS
    shared: bool = False  # several processes: claims through the shared file

    @property
    def scope(self) -> str:
        """What a file was read for: a file done for one selection is not done for another (more
        sites, another window, a registry that has grown since)."""
        if self.all_domains:
            sites: Any = "all-domains"
        elif self.sites:
            sites = sorted(self.sites)
        else:
            from kliping.sites.registry import all_sites

            sites = sorted(all_sites())
        text = json.dumps([sites, str(self.since), str(self.until), self.max_body])
        return blake2b(text.encode(), digest_size=6).hexdigest()

    @property
    def state_dir(self) -> Path:
        return Path(self.out) / STATE_DIR

    @property
    def seen_path(self) -> Path:
        return self.state_dir / f"seen-{self.run_id}.npy"

    @property
    def claims_path(self) -> Path:
        return self.state_dir / f"claims-{self.run_id}.bin"


@dataclass(frozen=True)
class Task:
    """What one process reads: a file, or a piece ``[start, end)`` of a local ``.warc.gz`` (records
    whose gzip member starts there; ``align`` when ``start`` is a piece's first byte, not yet a
    member's). ``key`` names it in the resume state: the file's key, or ``<key>@<piece start>``."""

    f: WarcFile
    start: int = 0
    end: int | None = None
    key: str = ""
    align: bool = False


def plan_tasks(files: list[WarcFile], state: Mapping[str, Mapping[str, Any]], split: int | None
               ) -> tuple[list[Task], int, dict[str, list[str]]]:
    """The tasks still to do (resumed where the state says), how many files are done, and the
    piece keys of each file cut into pieces.

    With ``split``, a local ``.warc.gz`` larger than it is cut into pieces of ``split`` bytes (the
    same pieces on every run with the same ``split``), so several processes share one big file.
    """
    def done(key: str) -> bool:
        prev = state.get(key)
        return bool(prev and prev.get("done") and not prev.get("error"))

    def resumed(key: str, start: int) -> tuple[int, bool]:
        prev = state.get(key)
        return (int(prev["offset"]), False) if prev and prev.get("offset") else (start, start > 0)

    tasks: list[Task] = []
    skipped = 0
    cut: dict[str, list[str]] = {}
    for f in files:
        if done(f.key):
            skipped += 1
            continue
        size = os.path.getsize(f.location) if split and not f.remote and f.location.endswith(".gz") \
            and os.path.isfile(f.location) else 0
        if not split or size <= split:
            start, _ = resumed(f.key, 0)
            tasks.append(Task(f, start, None, f.key))
            continue
        pieces = [Task(f, lo, min(lo + split, size), f"{f.key}@{lo}") for lo in range(0, size, split)]
        cut[f.key] = [t.key for t in pieces]
        left = [t for t in pieces if not done(t.key)]
        if not left:
            skipped += 1
        for t in left:
            start, align = resumed(t.key, t.start)
            tasks.append(Task(f, start, t.end, t.key, align))
    return tasks, skipped, cut


@dataclass
class FileResult:
    key: str
    counts: Counter[str] = field(default_factory=Counter)
    error: str | None = None
    seconds: float = 0.0
    sites: set[str] = field(default_factory=set)
    cpu: float = 0.0  # CPU seconds of the process that read it (user + system)
    pid: int = 0


_KNOWN: dict[str, Known] = {}  # per worker process: the run's Known, loaded once


def _known(opts: Options) -> Known:
    k = _KNOWN.get(opts.run_id)
    if k is None:
        arr = np.load(opts.seen_path, mmap_mode="r") if opts.seen_path.exists() else np.empty(0, np.uint64)
        k = Known(arr, str(opts.claims_path) if opts.shared else None)
        _KNOWN.clear()
        _KNOWN[opts.run_id] = k
    return k


def _clean(raw: dict[str, Any], site: Any, opts: Options) -> tuple[str, dict[str, Any]]:
    from kliping.dataset.outcome import clean_outcome

    # A domain outside the registry is cleaned exactly as `kliping extract` cleans a page of it
    # (no site, no site name); its rows then take the domain's site key.
    page = raw if site is not None else {**raw, "site": ""}
    kind, row = clean_outcome(page, site, page_seconds=opts.page_seconds)
    row["site"] = raw["site"]
    return kind, row


class _Requests:
    """The last request records read (bounded), found again by their response: by the ids either
    names in ``WARC-Concurrent-To``, else by the target URI."""

    KEEP = 64

    def __init__(self) -> None:
        self._by: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def add(self, rec: Any) -> None:
        fields = parse_request(rec.block or b"")
        if fields is None:
            return
        h = rec.headers
        keys = [h.get("warc-record-id", "").strip(), f"uri:{target_uri(h)}",
                *(f"to:{i}" for i in _ids(h.get("warc-concurrent-to", "")))]
        for k in keys:
            if k and k != "uri:":
                self._by[k] = fields
                self._by.move_to_end(k)
        while len(self._by) > self.KEEP:
            self._by.popitem(last=False)

    def take_for(self, row: Mapping[str, Any]) -> dict[str, Any] | None:
        keys = [*_ids(row.get("_concurrent") or ""), f"to:{row['warc_record_id']}", f"uri:{row['url']}"]
        for k in keys:
            fields = self._by.get(k)
            if fields is not None:
                for other in [k2 for k2, v in self._by.items() if v is fields]:
                    del self._by[other]  # one response per request
                return fields
        return None


def _request_at(f: WarcFile, offset: int) -> Any:
    """The record at ``offset`` if it is a request record (else None)."""
    try:
        with open_warc(f, offset) as fh:
            for rec in iter_records(fh, offset, lambda h, n: h.get("warc-type") == "request"
                                    and n <= MAX_REQUEST):
                return rec if rec.block is not None else None
    except (WarcFormatError, OSError):
        pass
    return None


def _ids(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


# what no URI holds (RFC 3986): whitespace, control characters. The WARC header reader splits
# lines at CRLF only, so a Target-URI could carry "\n" and whole header lines into the url column.
_NOT_A_URI = re.compile(r"[\x00-\x20\x7f]")


def _site_for(uri: str, wanted: set[str] | None, opts: Options) -> tuple[Any, str] | None:
    """(registry site or None, site key) of a URL this run keeps, None if it keeps none of it."""
    if _NOT_A_URI.search(uri):
        return None
    try:
        host = (urlsplit(uri).hostname or "") if uri.startswith(("http://", "https://")) else ""
    except ValueError:
        return None
    site = _registry_site(host) if host else None
    if site is not None:
        return (site, site.key) if wanted is None or site.key in wanted else None
    if opts.all_domains and host and (key := generic_key(host)):
        return None, key
    return None


def _in_window(article: Mapping[str, Any], since: date | None, until: date | None) -> bool:
    day = article.get("published_date")
    if day is None:
        return True  # undated: nothing to bound it by
    return not ((since and day < since) or (until and day > until))


def ingest_file(task: Task, opts: Options, progress: Any = None) -> FileResult:
    """Read ``task``'s file (or piece); write its kept records' raw, article and error parts to
    ``opts.out``.

    Never raises for what the file holds: a truncated or corrupt file, or one that cannot be
    opened, ends with ``error`` set (the records read before it are kept and checkpointed).
    ``progress.put((records, bytes, kept))`` receives increments now and then.
    """
    from kliping.crawler.seen import url_key
    from kliping.dataset.storage import keep_pandas_out
    from kliping.warc.parts import IngestWriters

    keep_pandas_out()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    f = task.f
    state_key = task.key or f.key
    res = FileResult(state_key)
    c = res.counts
    known = _known(opts)
    writers = IngestWriters(opts.out, opts.run_id, flush_rows=10**12, flush_seconds=10**12)
    since_fetch = datetime.combine(opts.since - timedelta(days=1), datetime.min.time(), UTC) \
        if opts.since else None  # published on or after since: fetched no earlier than the eve (UTC)
    wanted_sites = set(opts.sites) if opts.sites else None
    # what want() decided of a record, by its headers' id until the record is read: the reader
    # may hold records (a whole-file gzip's, until its CRC checks) and ask about the next ones
    reason: dict[int, str] = {}
    site_of: dict[int, tuple[Any, str]] = {}

    def want(h: dict[str, str], length: int) -> bool:
        """Keep this record's block? Decided on the WARC header alone (nothing else is read)."""
        kind = h.get("warc-type", "")
        c[f"type/{kind or 'none'}"] += 1
        key = id(h)
        reason[key] = ""
        site_of.pop(key, None)
        if kind == "request":  # small; read for the request fields of its wanted response
            return length <= MAX_REQUEST and _site_for(target_uri(h), wanted_sites, opts) is not None
        if kind != "response":
            return False
        uri = target_uri(h)
        found = _site_for(uri, wanted_sites, opts)
        if found is None:
            reason[key] = "bad_uri" if _NOT_A_URI.search(uri) else "other_domain"
            return False
        site_of[key] = found  # a registry site's rules, or None: cleaned as `kliping extract` does
        if length > opts.max_body + (64 << 10):
            reason[key] = "too_large"
            return False
        if since_fetch is not None:
            when = warc_date(h.get("warc-date", ""))
            if when is not None and when < since_fetch:
                reason[key] = "before_since"
                return False
        return True

    scope = opts.scope
    pending: list[dict[str, Any]] = []
    rows_since_flush = 0
    held = [0]  # body bytes in the writers, not yet flushed
    last_flush = time.monotonic()
    start = task.start
    resume_at = start
    counter = [0]
    # The raw row of the last response record is held back one record: the request record it
    # came from may follow it (Heritrix writes response, request, metadata), or precede it (wget,
    # Common Crawl), then it waits in ``requests``.
    held_row: list[dict[str, Any]] = []
    requests = _Requests()
    reported = [0, 0, 0]  # records, bytes, kept already reported
    last_report = time.monotonic()
    damage: list[str] = []  # the first damaged record's offset and why (the others are counted)

    def on_damage(at: int, why: str) -> None:
        c["damaged"] += 1
        if not damage:
            damage.append(f"{why} at offset {at}")

    def report(force: bool = False) -> None:
        nonlocal last_report
        if progress is None or (not force and time.monotonic() - last_report < PROGRESS_SECONDS):
            return
        now = (c["records"], counter[0], c["kept"])
        progress.put(tuple(n - r for n, r in zip(now, reported, strict=True)))
        reported[:] = now
        last_report = time.monotonic()

    def run_batch() -> None:
        nonlocal rows_since_flush
        fresh = known.claim([r["url_key"] for r in pending])
        for raw, ok in zip(pending, fresh, strict=True):
            if not ok:
                c["duplicate"] += 1
                continue
            site = raw.pop("_site")
            raw.pop("_concurrent", None)
            kind, row = _clean(raw, site, opts)
            if kind == "article" and not _in_window(row, opts.since, opts.until):
                c["out_of_window"] += 1
                continue
            writers.add_raw(raw)
            (writers.articles if kind == "article" else writers.errors).add(row)
            held[0] += len(raw["body"])
            c["kept"] += 1
            c["articles" if kind == "article" else kind] += 1
            res.sites.add(raw["site"])
            rows_since_flush += 1
        pending.clear()

    def checkpoint(done: bool = False, error: str | None = None) -> None:
        nonlocal rows_since_flush, last_flush
        writers.flush()  # raw parts first, then articles and errors, in one durable batch
        rows_since_flush = held[0] = 0
        last_flush = time.monotonic()
        write_state(opts.out, key=state_key, scope=scope, offset=resume_at, done=done, error=error,
                    run_id=opts.run_id, at=datetime.now(UTC).isoformat(timespec="seconds"))

    try:
        if task.align:  # a piece's first record member
            with open(f.location, "rb") as fh:
                found = find_member(fh, start, task.end if task.end is not None else start)
            start = resume_at = found if found is not None else (task.end or start)
        point_before = start  # the last place a fresh read can start, before this record
        with open_warc(f, start) as fh:
            for rec in iter_records(fh, start, want, counter, task.end, on_damage) \
                    if task.end is None or start < task.end else ():
                c["records"] += 1
                raw = None
                why = reason.pop(id(rec.headers), "")
                if rec.block is None:
                    if why:
                        c[why] += 1
                elif rec.type == "request":
                    requests.add(rec)
                    if held_row and held_row[0]["request_method"] is None:
                        held_row[0].update(requests.take_for(held_row[0]) or {})
                else:
                    raw = _raw_row(rec, f.key, site_of, opts, c)
                    if raw is not None:
                        raw["url_key"] = url_key(raw["url"])
                        if known.in_archive(raw["url_key"]):
                            c["known"] += 1
                            raw = None
                        else:
                            raw["_concurrent"] = rec.headers.get("warc-concurrent-to", "")
                            raw.update(requests.take_for(raw) or {})
                pending.extend(held_row)
                held_row[:] = [raw] if raw is not None else []
                site_of.pop(id(rec.headers), None)
                if len(pending) >= BATCH:
                    run_batch()
                if rec.resume_at is not None:
                    # with a row held back, its own record is where a fresh read must start
                    safe = point_before if held_row else rec.resume_at
                    if rows_since_flush + len(pending) >= opts.flush_rows or held[0] >= FLUSH_BYTES or (
                        time.monotonic() - last_flush > FLUSH_SECONDS
                    ):
                        run_batch()
                        resume_at = safe
                        checkpoint()
                    elif not pending:  # everything before it is in the writers: safe once flushed
                        resume_at = safe
                    point_before = rec.resume_at
                report()
            if held_row and task.end is not None and point_before >= task.end:
                # a piece's last response: its request record may open the next piece
                nxt = _request_at(f, point_before)
                if nxt is not None:
                    requests.add(nxt)
                    held_row[0].update(requests.take_for(held_row[0]) or {})
            pending.extend(held_row)
            held_row.clear()
            run_batch()
            c["bytes"] = counter[0]
            if damage:  # read to its end: the file's error all the same (a rerun reads it again)
                n = c["damaged"]
                res.error = (f"{damage[0]}; {n} damaged record{'s' if n > 1 else ''} skipped, "
                             f"the records before and after kept")
            checkpoint(done=True, error=res.error)
            return _finish(res, report, t0, cpu0)
    except (WarcFormatError, OSError) as exc:
        res.error = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    except Exception as exc:  # whatever else a file holds ends that file, never the run
        res.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    if res.error is not None:
        if damage:
            res.error += f" (after {damage[0]}; {c['damaged']} damaged records skipped)"
        pending.extend(held_row)
        run_batch()
        c["bytes"] = counter[0]
        checkpoint(done=True, error=res.error)
    return _finish(res, report, t0, cpu0)


def _finish(res: FileResult, report: Callable[..., None], t0: float, cpu0: float) -> FileResult:
    report(force=True)
    res.seconds = time.perf_counter() - t0
    res.cpu, res.pid = time.process_time() - cpu0, os.getpid()
    return res


def _raw_row(rec: Any, key: str, site_of: dict[int, tuple[Any, str]], opts: Options,
             c: Counter[str]) -> dict[str, Any] | None:
    """The raw row of a kept response record, or None (counted) when it is not an HTML 200."""
    h = rec.headers
    uri = target_uri(h)
    parsed = parse_http(rec.block)
    if parsed is None:
        c["bad_http"] += 1
        return None
    status, headers, body = parsed
    c[f"status/{status}"] += 1
    if status != 200:
        return None
    ctype = headers.get("content-type") or h.get("warc-identified-payload-type", "")
    if ctype and "html" not in ctype.lower():
        c["not_html"] += 1
        return None
    body = decode_body(headers, body, opts.max_body)
    if body is None:
        c["bad_encoding"] += 1
        return None
    if not ctype and not _looks_html(body):
        c["not_html"] += 1
        return None
    when = warc_date(h.get("warc-date", ""))
    if when is None:
        c["bad_date"] += 1
        return None
    if "warc-truncated" in h:
        c["truncated_payload"] += 1  # kept: the archiver cut the body at its size limit
    site, site_key = site_of[id(h)]
    record_id = h.get("warc-record-id", "")
    raw = raw_record(
        fetch_id=fetch_id_for(key, rec.offset, record_id), url=uri, site=site_key, status=status,
        headers=headers, body=body, fetched_at=when, run_id=opts.run_id, discovered_via="warc",
        warc_file=key, warc_offset=rec.offset, warc_record_id=record_id,
        request_method=None, request_headers=None,  # from its request record, when the file has it
    )
    raw["_site"] = site  # the Site, for the cleaner; popped before the row is written
    return raw


# --------------------------------------------------------------------------------------------
# The run


@dataclass
class IngestResult:
    run_id: str
    status: str = "finished"
    files: int = 0
    files_skipped: int = 0  # done in an earlier run
    counts: Counter[str] = field(default_factory=Counter)
    errors: dict[str, str] = field(default_factory=dict)  # file key -> what went wrong
    sites: set[str] = field(default_factory=set)
    seconds: float = 0.0
    repaired: int = 0
    # CPU seconds reading files, per process (the driver's own pid when it reads them itself), and
    # the driver process's whole: how bench/warc.py tells its own work from a loaded machine's
    cpu_by_process: dict[int, float] = field(default_factory=dict)
    driver_cpu: float = 0.0


class Progress(JobProgress):
    """Files done / total, records/s, MB/s and rows kept on stderr (kliping.crawler.progress: a
    live bar on a terminal, a status line every KLIPING_PROGRESS_INTERVAL s otherwise).
    ``put`` takes increments from this process or, through a queue, from the workers."""

    always_last = True  # the run's totals: records, MB and rows kept, even for a short run

    def __init__(self, total_files: int, enabled: bool) -> None:
        try:
            super().__init__("ingest", total_files, "files", mode=None if enabled else "off")
        except ProgressSettingError:  # a bad setting does not stop an ingest
            super().__init__("ingest", total_files, "files", mode="auto", interval=DEFAULT_INTERVAL)
        self.counters = {"records": 0, "bytes": 0, "kept": 0}
        self.start()

    def put(self, delta: tuple[int, int, int]) -> None:
        self.advance(0, records=delta[0], bytes=delta[1], kept=delta[2])

    def file_done(self) -> None:
        self.advance(1)

    def details(self) -> str:
        c, secs = self.counters, self.elapsed()
        return (f"{c['records']:,} records ({c['records'] / secs:,.0f}/s), {c['bytes'] / 1e6:,.1f} MB "
                f"({c['bytes'] / 1e6 / secs:,.1f} MB/s), kept {c['kept']:,}")

    def line(self) -> str:
        eta = self.eta()
        left = f", ETA {clock(eta)}" if eta is not None and self.done < (self.total or 0) else ""
        return (f"kliping ingest: {self.details()}, files {self.done}/{self.total}, "
                f"{self.elapsed():,.0f} s{left}")

    def show(self, final: bool = False) -> None:
        if final:
            self.close()


def _ledger_stats(result: IngestResult) -> dict[str, Any]:
    """The run's counts under the names the ledger reads from a crawl's stats."""
    c = result.counts
    stats: dict[str, Any] = {
        "downloader/request_count": c["records"],
        "downloader/response_count": c["type/response"],
        "kliping/articles/new": c["articles"],
        "kliping/articles/skipped_known": c["known"] + c["duplicate"],
        "kliping/errors": c["clean_error"] + c["timeout"] + len(result.errors),
    }
    for k, v in c.items():
        if k.startswith("status/"):
            stats[f"downloader/response_status_count/{k[7:]}"] = v
    return stats


def _drive_local(todo: list[Task], opts: Options, workers: int,
                 on_result: Callable[[FileResult], None], progress: Progress) -> None:
    from kliping.dataset.workers import FAIL_FAST, drive, start_forkserver

    start_forkserver(INGEST_PRELOAD)  # before the progress manager's process comes from it
    queue = None
    manager = None
    pump = None
    if progress.enabled:
        import multiprocessing as mp

        manager = mp.get_context("forkserver").Manager()
        queue = manager.Queue()

        def _pump() -> None:
            while True:
                item = queue.get()
                if item is None:
                    return
                progress.put(item)

        pump = threading.Thread(target=_pump, daemon=True)
        pump.start()
    try:
        drive(todo, ingest_file, lambda t: (t, opts, queue), on_result,
              lambda t, reason: FileResult(t.key, error=reason),
              workers=workers, policy=FAIL_FAST, in_flight=workers * 2, preload=INGEST_PRELOAD)
    finally:
        if queue is not None:
            queue.put(None)
            if pump is not None:
                pump.join(timeout=5)
        if manager is not None:
            manager.shutdown()


def _drive_dask(todo: list[Task], opts: Options, address: str,
                on_result: Callable[[FileResult], None]) -> None:
    from distributed import as_completed

    from kliping.extras import dask_client

    with dask_client(address, "ingest --dask") as client:
        futures = client.map(
            ingest_file, todo, opts=opts, pure=False,
            key=[f"ingest-{opts.run_id}-{i}" for i in range(len(todo))],
        )
        keys = {fut.key: t.key for fut, t in zip(futures, todo, strict=True)}
        for fut in as_completed(futures):
            try:
                on_result(fut.result())
            except Exception as exc:  # a lost worker: the file is retried by the next run
                on_result(FileResult(keys[fut.key], error=f"dask: {type(exc).__name__}: {exc}"))
            fut.release()


def run_ingest(
    files: list[WarcFile],
    out: str | os.PathLike[str],
    *,
    sources: Iterable[str] = (),
    sites: Iterable[str] | None = None,
    all_domains: bool = False,
    since: date | None = None,
    until: date | None = None,
    workers: int = 1,
    dask: str | None = None,
    max_body: int = MAX_BODY,
    flush_rows: int = FLUSH_ROWS,
    split_bytes: int | None = None,
    progress: bool = False,
) -> IngestResult:
    """Ingest ``files`` into ``out``. Raises ``kliping.crawler.runlock.OutputLocked`` when ``out`` is busy.

    The run opens and closes as a crawl does (:mod:`kliping.crawler.lifecycle`); its ledger rows
    name the sites asked for while it runs and the sites it found once it is done."""
    from kliping.crawler.ledger import INGEST
    from kliping.crawler.lifecycle import Run, final_status
    from kliping.crawler.seen import SeenSet
    from kliping.dataset.storage import PARTITION

    out = os.fspath(out)
    t0 = time.perf_counter()
    sites = tuple(sites) if sites else None
    wanted = sorted(sites) if sites else []
    run = Run(out, wanted, since=since, until=until, job=INGEST).acquire()
    run_id = run.run_id
    result = IngestResult(run_id)
    opts = Options(out=os.path.realpath(out), run_id=run_id, sites=sites,
                   all_domains=all_domains, since=since, until=until, max_body=max_body,
                   flush_rows=flush_rows, shared=bool(dask) or workers > 1)
    opened = False
    try:
        state_dir = opts.state_dir
        state_dir.mkdir(parents=True, exist_ok=True)
        for stale in [*state_dir.glob("seen-*.npy"), *state_dir.glob("claims-*.bin")]:
            stale.unlink()  # a killed run's; this run holds the lock
        raw_root = Path(out) / "raw"
        # an ingest may have written any site: every partition of the archive is repaired
        parts = sorted(p.name.split("=", 1)[1] for p in raw_root.glob(f"{PARTITION}=*")) \
            if raw_root.is_dir() else []
        sources = list(sources)
        result.repaired = run.open(repair_sites=parts, health={"ingest": {"sources": sources}})
        opened = True
        state = read_state(out, opts.scope)
        # one process: each file whole; several: big local files in pieces, so they share them
        split = (split_bytes or SPLIT_BYTES) if dask else (
            (split_bytes or auto_split(files, workers)) if workers > 1 else None)
        todo, result.files_skipped, cut = plan_tasks(files, state, split)
        result.files = len(files)
        seen = SeenSet.from_archive(out)
        np.save(opts.seen_path, seen._sorted)
        del seen
        prog = Progress(len(todo), progress)

        pooled = not dask and workers > 1 and len(todo) > 1
        live = not dask and (not pooled or progress)  # counts arrive while files are read

        def on_result(r: FileResult) -> None:
            result.counts.update(r.counts)
            result.cpu_by_process[r.pid] = result.cpu_by_process.get(r.pid, 0.0) + r.cpu
            result.sites |= r.sites
            if r.error:
                result.errors[r.key] = r.error
            if not live:
                prog.put((r.counts["records"], r.counts["bytes"], r.counts["kept"]))
            prog.file_done()

        if dask:
            _drive_dask(todo, opts, dask, on_result)
        elif pooled:
            _drive_local(todo, opts, workers, on_result, prog)
        else:
            for t in todo:
                on_result(ingest_file(t, opts, prog))
        prog.show(final=True)
        after = read_state(out, opts.scope)
        for key, pieces in cut.items():  # every piece done: the file is done, however it is cut next
            if all((after.get(k) or {}).get("done") and not (after.get(k) or {}).get("error")
                   for k in pieces):
                write_state(out, key=key, scope=opts.scope, offset=0, done=True, error=None,
                            run_id=run_id, at=datetime.now(UTC).isoformat(timespec="seconds"))
        result.status = final_status(bool(result.errors))
        result.seconds = time.perf_counter() - t0
        result.driver_cpu = time.process_time()  # since the process started: imports included
        health = {
            "ingest": {
                "sources": sources, "files": result.files, "files_skipped_done": result.files_skipped,
                "file_errors": result.errors, "counts": dict(sorted(result.counts.items())),
                "seconds": round(result.seconds, 3),
                "cpu_seconds": {"driver": round(result.driver_cpu, 3), "files_by_process": sorted(
                    (round(v, 3) for v in result.cpu_by_process.values()), reverse=True)},
            },
            "ok": not result.errors,
        }
        run.sites = sorted(result.sites | set(wanted))
        run.record(result.status, [_ledger_stats(result)], health)
        return result
    except Exception as exc:
        # the run ran and failed (an unreachable --dask scheduler, a write error): its ledger row
        # says so, rather than a 'running' row that later reads as 'killed'; the error goes on up
        if opened:
            result.status = final_status(True)
            why = " ".join(f"{type(exc).__name__}: {exc}".split())
            run.close(result.status, [_ledger_stats(result)],
                      {"ingest": {"sources": sources, "error": why}, "ok": False})
        raise
    finally:
        for tmp in (opts.seen_path, opts.claims_path):
            tmp.unlink(missing_ok=True)
        run.release()
