"""What ``kliping ingest`` reads: WARC files, directories, paths files and ``cc-news:YYYY/MM``.

Every source resolves to a list of :class:`WarcFile`: a *key* that rows, the resume state and the
ledger name the file by, and a *location* to open (a local path or an http(s) URL). For Common
Crawl files the key is the ``crawl-data/…`` path Common Crawl publishes, not the URL, so a row
points back to its record whichever mirror served it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kliping import __version__

CC_BASE = "https://data.commoncrawl.org/"
CC_NEWS = re.compile(r"^cc-news:(\d{4})/(\d{2})$")
HTTP_TIMEOUT = 60.0  # seconds per connect / read: a stalled mirror fails the file, not the run
MAX_PATHS_BYTES = 64 << 20  # a paths file (decompressed); CC-NEWS months list a few hundred lines
MAX_PATH_LINE = 4096
USER_AGENT = f"kliping/{__version__} (WARC ingest; +https://github.com/kliping)"
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.warc.gz")


class SourceError(ValueError):
    """A SOURCE that is not a WARC file, directory, paths file or cc-news:YYYY/MM (usage)."""


class FetchError(RuntimeError):
    """A remote paths file could not be fetched (the job failed, not the usage)."""


def what_it_is(path: str | os.PathLike[str]) -> str | None:
    """What a local path that is no regular file and no directory is ("a named pipe (FIFO)", "a
    character device", "a symlink loop", ...), or None when it is one of those or does not exist.

    Ingest never opens such a path: a FIFO waits for a writer for ever, ``/dev/zero`` or
    ``/dev/urandom`` never end, a socket does not open."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop"
        if os.path.islink(path):
            return f"a symlink to nothing ({os.readlink(path)})"
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _refuse_odd(path: str | os.PathLike[str], shown: str) -> None:
    kind = what_it_is(path)
    if kind is not None:
        raise SourceError(f"{shown}: {kind}, not a WARC or paths file; give a regular file or a directory")


@dataclass(frozen=True)
class WarcFile:
    key: str
    location: str

    @property
    def remote(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def is_warc_name(name: str) -> bool:
    return name.endswith(WARC_SUFFIXES)


def is_paths_name(name: str) -> bool:
    return name.endswith((".paths", ".paths.gz"))


def _base(cc_base: str | None) -> str:
    base = cc_base or CC_BASE
    return base if base.endswith("/") else base + "/"


def _bounded_gunzip(data: bytes, what: str) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    dec = zlib.decompressobj(31)
    try:
        out = dec.decompress(data, MAX_PATHS_BYTES + 1)
    except zlib.error as exc:
        raise FetchError(f"{what}: not a valid gzip file ({exc})") from None
    if len(out) > MAX_PATHS_BYTES:
        raise FetchError(f"{what}: larger than {MAX_PATHS_BYTES >> 20} MiB decompressed")
    return out


def _paths_lines(data: bytes, what: str) -> Iterator[str]:
    for n, raw in enumerate(_bounded_gunzip(data, what).splitlines(), 1):
        line = raw.decode("utf-8", "replace").strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > MAX_PATH_LINE:
            raise SourceError(f"{what}:{n}: line longer than {MAX_PATH_LINE} characters")
        yield line


def _from_paths(lines: Iterable[str], here: Path | None, cc_base: str | None) -> list[WarcFile]:
    """Lines of a paths file: URLs, local paths, or paths relative to the data host.

    ``here`` is the directory of a local paths file, None for one fetched from a data host: the
    lines of that one name files on the data host (or URLs), never local files, so a mirror or a
    man in the middle cannot make ingest read ``/etc/…`` or a FIFO that never ends."""
    out = []
    for line in lines:
        if line.startswith(("http://", "https://")):  # a URL, read as one (it was resolved as a
            out.append(WarcFile(line, line))  # local path ".../http:/host/…", which failed)
            continue
        if here is not None and Path(line).is_absolute():  # a local file (missing: that file fails)
            path = os.path.realpath(line)  # (Path.resolve raised on a symlink loop)
            out.append(WarcFile(path, path))
            continue
        local = here / line if here else None
        # a FIFO, device or symlink loop here is this file, which fails (open_warc names it): it
        # was taken for a path on the data host
        if local is not None and (local.is_file() or what_it_is(local) is not None):
            out.append(WarcFile(os.path.realpath(local), os.path.realpath(local)))
        else:  # as Common Crawl publishes them: relative to its data host (or the mirror)
            rel = line.lstrip("/")
            out.append(WarcFile(rel, _base(cc_base) + rel))
    return out


def fetch_bytes(url: str, limit: int = MAX_PATHS_BYTES) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as resp:
            data = resp.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: {reason}") from None
    if len(data) > limit:
        raise FetchError(f"{url}: larger than {limit >> 20} MiB")
    return data


def resolve(sources: Iterable[str], cc_base: str | None = None) -> list[WarcFile]:
    """The WARC files of every SOURCE, in the order given (directories sorted), each once."""
    files: list[WarcFile] = []
    for source in sources:
        m = CC_NEWS.match(source)
        if source.startswith("cc-news:") and not m:
            raise SourceError(f"{source}: expected cc-news:YYYY/MM, e.g. cc-news:2024/01")
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise SourceError(f"{source}: no month {month}; expected cc-news:YYYY/MM, MM 01 to 12")
            if (year, month) < (2016, 8):
                raise SourceError(f"{source}: CC-NEWS starts in 2016/08; expected cc-news:YYYY/MM")
            rel = f"crawl-data/CC-NEWS/{year:04d}/{month:02d}/warc.paths.gz"
            url = _base(cc_base) + rel
            files += _from_paths(_paths_lines(fetch_bytes(url), url), None, cc_base)
            continue
        if source.startswith(("http://", "https://")):
            name = source.split("?")[0]
            if is_paths_name(name):
                files += _from_paths(_paths_lines(fetch_bytes(source), source), None, cc_base)
            else:
                files.append(WarcFile(source, source))
            continue
        path = Path(source)
        _refuse_odd(path, source)  # was "no such file or directory", or a hang
        if path.is_dir():
            # a FIFO (a symlink loop...) named like a WARC file is one of its files, which fails
            # (open_warc names it), not left out without a word
            found = sorted(p for p in path.rglob("*") if not p.is_dir() and is_warc_name(p.name)
                           and not p.name.startswith("."))
            if not found:
                raise SourceError(f"{source}: no .warc or .warc.gz files in this directory")
            files += [WarcFile(os.path.realpath(p), os.path.realpath(p)) for p in found]
        elif path.is_file():
            if is_paths_name(path.name):
                if path.stat().st_size > MAX_PATHS_BYTES:
                    raise SourceError(f"{source}: a paths file larger than {MAX_PATHS_BYTES >> 20} MiB")
                try:
                    lines = list(_paths_lines(path.read_bytes(), source))
                except FetchError as exc:
                    raise SourceError(str(exc)) from None
                files += _from_paths(lines, path.parent, cc_base)
            else:
                files.append(WarcFile(os.path.realpath(path), os.path.realpath(path)))
        else:
            raise SourceError(f"{source}: no such file or directory")
    seen: set[str] = set()
    unique = []
    for f in files:
        if f.key not in seen:
            seen.add(f.key)
            unique.append(f)
    if not unique:
        raise SourceError("no WARC files listed")
    return unique


@contextmanager
def open_warc(f: WarcFile, offset: int = 0) -> Iterator[BinaryIO]:
    """``f`` opened for reading at ``offset`` (a Range request where the server takes one)."""
    if not f.remote:
        # O_NONBLOCK: a FIFO put where a WARC file was listed opens at once, and is refused
        fd = os.open(f.location, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise OSError(f"{what_it_is(f.location) or 'not a regular file'}, not a WARC file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with open(fd, "rb") as fh:
            if offset:
                fh.seek(offset)
            yield fh
        return
    headers = {"User-Agent": USER_AGENT}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    req = urllib.request.Request(f.location, headers=headers)
    try:
        resp = urllib.request.urlopen(req, timeout=HTTP_TIMEOUT)
    except urllib.error.HTTPError as exc:
        raise OSError(f"HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise OSError(str(exc.reason)) from None
    with resp:
        if offset and resp.status != 206:  # no ranges here: read past what is done
            left = offset
            while left > 0:
                chunk = resp.read(min(left, 1 << 20))
                if not chunk:
                    raise OSError(f"ends before the resume offset {offset}")
                left -= len(chunk)
        yield resp  # type: ignore[misc]
