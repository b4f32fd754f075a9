"""``kliping extract FILE... [--url URL] [--site SITE] [--fetched-at ISO] [--urls-from TSV]``.

Each saved page (``.gz`` read transparently) becomes one JSON article record per line on stdout, in
input order. An input that gives no article prints a record with ``"error"`` and ``"kind"`` fields
instead, and the others are still processed: ``not_html`` (a PDF, an image, a feed, binary…),
``not_article`` (HTML without an article body), ``unreadable`` (missing, a directory, no
permission, a broken gzip, a symlink loop, a named pipe no process writes to within
:data:`FIFO_WAIT` seconds), ``too_large`` (the file, or what it decompresses to, is over
``--max-bytes``), ``timeout`` / ``clean_error`` (the cleaner ran too long / raised).

Exit 0 when at least one input gave an article (a note on stderr counts the others); otherwise
one line on stderr and exit 2 (bad input), or 1 when every failure was the cleaner's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import os
import re
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from kliping import jsonl
from kliping.cli import UsageError, shown

MAX_BYTES = 32 * 1024 * 1024  # per file and per decompressed page; the crawl's limit is 16 MB
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.I)
FIFO_WAIT = 5.0  # seconds a named pipe among the inputs may take to get a writer
_FAILED_BY_US = {"timeout", "clean_error"}


class InputError(Exception):
    """This input cannot be read as a page: ``kind`` names why (``unreadable``, ``too_large``)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract",
        help="clean saved pages into article records (JSON lines)",
        description="Each page (.gz read transparently) -> one JSON article record per line.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="saved HTML page(s)")
    p.add_argument("--url", help="the page's URL (for one FILE; default file://…)")
    p.add_argument("--site", help="registry key of the site (layout overrides, time zone)")
    p.add_argument("--fetched-at", help="fetch time, ISO 8601 (default: the file's mtime)")
    p.add_argument("--urls-from", metavar="TSV", help="lines FILE<TAB>URL, for many pages")
    p.add_argument(
        "--max-bytes", type=_size, default=MAX_BYTES, metavar="SIZE",
        help="largest file, and largest page once decompressed, e.g. 32M (default 32M)",
    )
    p.set_defaults(func=run)


def _json_value(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _size(text: str) -> int:
    m = _SIZE.match(text)
    if not m or int(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a positive size: {text!r} (e.g. 32M, 500K, 1000000)")
    unit = (m.group(2) or "b")[0].lower()
    return int(m.group(1)) * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


def _mb(n: int) -> str:
    return f"{n / 1024**2:.3g} MiB" if n >= 1024**2 else f"{n:,} bytes"


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path``, never waiting on a named pipe nobody writes to.

    ``open()`` of a FIFO waits for a writer, for ever: ``kliping extract pages/*`` hung on the
    first pipe left among the pages. The file is opened without waiting; a FIFO then gets
    :data:`FIFO_WAIT` seconds for a writer to come (a pipe being fed reads as usual), after which
    it is an ``unreadable`` input.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        first = _first_from_pipe(fd, path) if stat.S_ISFIFO(os.fstat(fd).st_mode) else b""
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as f:
            return first + f.read(max(0, limit + 1 - len(first)))
    finally:
        os.close(fd)


def _first_from_pipe(fd: int, path: Path) -> bytes:
    """The first bytes of a FIFO opened without blocking (b"" when a writer is there but has
    sent nothing yet); InputError when no writer comes within :data:`FIFO_WAIT` seconds."""
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            data = os.read(fd, 1 << 16)
        except BlockingIOError:  # a writer holds the pipe: read on as from any file
            return b""
        if data:
            return data
        if time.monotonic() >= deadline:  # nobody has opened it for writing (or wrote nothing)
            raise InputError("unreadable", f"{path}: a named pipe no process wrote to "
                                           f"within {FIFO_WAIT:g} s")
        time.sleep(0.05)


def _read(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The page's bytes, gunzipped when compressed; never more than ``limit`` bytes in memory
    (a 2 MB gzip bomb stops at the limit instead of filling the machine)."""
    if path.is_dir():
        raise InputError("unreadable", f"{path}: is a directory")
    try:
        data = _read_bounded(path, limit)  # bounded read: also for pipes and devices with no size
    except FileNotFoundError:
        raise InputError("unreadable", f"{path}: no such file") from None
    except OSError as exc:
        raise InputError("unreadable", f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError("too_large", f"{path}: file larger than {_mb(limit)} (--max-bytes)")
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError("unreadable", f"{path}: not a valid gzip file ({exc})") from None
        if len(data) > limit:
            raise InputError(
                "too_large", f"{path}: decompresses to more than {_mb(limit)} (--max-bytes)"
            )
    return data


def _fetched_at(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"--fetched-at: not an ISO 8601 date/time: {text!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when


def _check_url(url: str, where: str) -> str:
    """``url`` if urllib can read it: ``http://[::1`` raised ValueError from the site lookup, a
    traceback."""
    from urllib.parse import urlsplit

    try:
        urlsplit(url).port  # noqa: B018 - raises ValueError on a bad host or port
    except ValueError as exc:
        raise UsageError(f"{where}: not a URL ({exc}): {url[:200]!r}") from None
    return url


def run(args: argparse.Namespace) -> int:
    from kliping.dataset.outcome import clean_outcome
    from kliping.dataset.records import raw_record

    if args.url is not None:
        _check_url(args.url, "--url")
    jobs: list[tuple[Path, str | None]] = [(Path(f), args.url) for f in args.files]
    if args.urls_from:
        tsv = Path(args.urls_from)
        if not tsv.is_file():
            raise UsageError(f"{tsv}: no such file (--urls-from)")
        try:
            listing = tsv.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{tsv}: cannot read as UTF-8 text (--urls-from): {exc}") from None
        for n, line in enumerate(listing.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            file, _, url = line.partition("\t")
            if not url.strip():
                raise UsageError(f"{tsv}:{n}: expected FILE<TAB>URL")
            path = Path(file.strip())
            if not path.is_absolute():
                path = tsv.parent / path if (tsv.parent / path).exists() else path
            jobs.append((path, _check_url(url.strip(), f"{tsv}:{n}")))
    if not jobs:
        raise UsageError("no FILE given (and no --urls-from)")
    if args.url and len(args.files) > 1:
        raise UsageError("--url names one page; use --urls-from for many")
    site = None
    if args.site:
        from kliping.sites.registry import get_site

        try:
            site = get_site(args.site)
        except (KeyError, LookupError, ValueError) as exc:
            raise UsageError(f"--site: unknown site {args.site!r}") from exc
    fixed_time = _fetched_at(args.fetched_at)
    out = sys.stdout
    failures: list[tuple[str, str]] = []  # (kind, message), in input order
    for path, url in jobs:
        page_site = site
        if page_site is None and url:
            from kliping.sites.registry import site_for_url

            page_site = site_for_url(url)
        # (realpath, not Path.resolve: a symlink loop made that raise RuntimeError, a traceback)
        page_url = url or Path(os.path.realpath(path)).as_uri()
        try:
            body = _read(path, args.max_bytes)
        except InputError as exc:
            kind, rec = exc.kind, {"error": str(exc)}
        else:
            try:
                mtime = path.stat().st_mtime
            except OSError:
                mtime = dt.datetime.now(dt.UTC).timestamp()
            raw = raw_record(
                url=page_url, site=page_site.key if page_site else "", body=body,
                fetched_at=fixed_time or dt.datetime.fromtimestamp(mtime, tz=dt.UTC),
                run_id="extract", fetch_id=str(path), discovered_via="file",
            )
            kind, rec = clean_outcome(raw, page_site)
        if kind != "article":
            rec = {"url": page_url, "file": str(path), "kind": kind, "error": rec["error"]}
            failures.append((kind, rec["error"]))
        out.write(jsonl.dumps({k: _json_value(v) for k, v in rec.items()}))
        out.write("\n")
    out.flush()
    if not failures:
        return 0
    if len(failures) < len(jobs):
        print(
            f"kliping extract: {len(failures)} of {len(jobs)} inputs gave no article"
            ' (see their "error" records)', file=sys.stderr,
        )
        return 0
    first = failures[0][1]
    if len(jobs) > 1:
        first = f"none of the {len(jobs)} inputs gave an article; first: {first}"
    print(f"kliping extract: error: {shown(first)}", file=sys.stderr)
    return 1 if all(kind in _FAILED_BY_US for kind, _ in failures) else 2
