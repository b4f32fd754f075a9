"""The page headers of a Parquet part, checked against its footer before any reader decodes it.

A reader trusts each page's own header: Arrow allocates and inflates ``uncompressed_page_size``
bytes (up to 2 GB a page, once per column it reads at the same time) before anything compares it
with the footer. A part whose footer is honest and small while one page header claims gigabytes
(with a payload that really inflates that far: a few KB of zstd) passed the footer's bomb check and
cost its reader the gigabytes. Here every page header of every column chunk is read (a small Thrift
decoder, bounded in depth and size; no page is decompressed) and a page that claims more than its
chunk's footer figures (bytes, or values) makes the part bad.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

HEADER_MAX = 1 << 20  # bytes a page header may take (Arrow writes tens; statistics at most 4 KB)
SLACK_BYTES = 1 << 20
SLACK_VALUES = 20_000
_DEPTH = 16


class _Short(Exception):
    """The header runs past the bytes read."""


class BadHeader(ValueError):
    """Bytes no Thrift compact decoder reads as a page header."""


def _varint(b: bytes, p: int) -> tuple[int, int]:
    r = s = 0
    while True:
        if p >= len(b):
            raise _Short
        c = b[p]
        p += 1
        r |= (c & 0x7F) << s
        if not c & 0x80:
            return r, p
        s += 7
        if s > 70:
            raise BadHeader("varint longer than 10 bytes")


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def _value(b: bytes, p: int, t: int, depth: int) -> tuple[Any, int]:
    if t in (1, 2):
        return t == 1, p
    if t == 3:
        if p >= len(b):
            raise _Short
        return b[p], p + 1
    if t in (4, 5, 6):
        v, p = _varint(b, p)
        return _zigzag(v), p
    if t == 7:
        if p + 8 > len(b):
            raise _Short
        return None, p + 8
    if t == 8:
        n, p = _varint(b, p)
        if p + n > len(b):
            raise _Short
        return None, p + n  # (no binary field of a page header is needed here)
    if t in (9, 10, 11):
        if p >= len(b):
            raise _Short
        if t == 11:  # map: size, then key and value types
            n, p = _varint(b, p)
            if n == 0:
                return None, p
            if p >= len(b):
                raise _Short
            kinds = (b[p] >> 4, b[p] & 15)
            p += 1
        else:
            h = b[p]
            p += 1
            n, kinds = h >> 4, (h & 15,)
            if n == 15:
                n, p = _varint(b, p)
        if n > len(b):  # every element takes a byte at least (bools in a list too)
            raise _Short
        for _ in range(n):
            for k in kinds:
                _, p = _value(b, p, k, depth + 1)
        return None, p
    if t == 12:
        return _struct(b, p, depth + 1)
    raise BadHeader(f"unknown Thrift type {t}")


def _struct(b: bytes, p: int, depth: int = 0) -> tuple[dict[int, Any], int]:
    if depth > _DEPTH:
        raise BadHeader("nested too deep")
    fields: dict[int, Any] = {}
    last = 0
    while True:
        if p >= len(b):
            raise _Short
        h = b[p]
        p += 1
        if h == 0:
            return fields, p
        t, delta = h & 15, h >> 4
        if delta:
            fid = last + delta
        else:
            v, p = _varint(b, p)
            fid = _zigzag(v)
        fields[fid], p = _value(b, p, t, depth)
        last = fid


def read_header(fh: BinaryIO, at: int) -> tuple[dict[int, Any], int]:
    """The page header at byte ``at``: its fields (numbers and nested structs; strings skipped)
    and its length in bytes."""
    size = 256
    while True:
        fh.seek(at)
        b = fh.read(size)
        try:
            fields, n = _struct(b, 0)
            return fields, n
        except _Short:
            if len(b) < size or size >= HEADER_MAX:
                raise BadHeader("cut short, or longer than 1 MB") from None
            size = min(size * 16, HEADER_MAX)


def page_lie(path: Path, pf: Any) -> str | None:
    """The first page of the part ``pf`` (open at ``path``) whose header claims more than its
    column chunk's footer allows (one line), or None."""
    md = pf.metadata
    size = path.stat().st_size
    with open(path, "rb") as fh:
        for g in range(md.num_row_groups):
            rg = md.row_group(g)
            for i in range(md.num_columns):
                c = rg.column(i)
                where = f"column {c.path_in_schema}, row group {g}"
                start = c.data_page_offset
                if c.has_dictionary_page and c.dictionary_page_offset and \
                        0 < c.dictionary_page_offset < start:
                    start = c.dictionary_page_offset
                end = start + c.total_compressed_size
                if start < 0 or c.total_compressed_size < 0 or end > size:
                    return f"{where}: its pages lie outside the file"
                # (slack for a writer that counts its footer otherwise: twice, and 1 MB or 20,000
                # values more; a reader still holds no more than that a column)
                budget = 2 * max(c.total_uncompressed_size, 0) + SLACK_BYTES
                values = 2 * max(c.num_values, 0) + SLACK_VALUES
                p = start
                while p < end:
                    try:
                        h, n = read_header(fh, p)
                    except BadHeader as exc:
                        return f"{where}: unreadable page header at byte {p} ({exc})"
                    packed, plain = h.get(3), h.get(2)
                    if not isinstance(packed, int) or not isinstance(plain, int) or packed < 0 or plain < 0:
                        return f"{where}: page header at byte {p} without its sizes"
                    budget -= plain  # (headers left out: not every writer counts them)
                    if budget < 0:
                        return (f"a compression bomb: {where}: the page at byte {p} claims"
                                f" {plain / 1e6:,.1f} MB decoded, more than the footer's"
                                f" {c.total_uncompressed_size / 1e6:,.1f} MB for the whole column chunk")
                    for kind in (5, 8):  # a data page (v1, v2): its number of values
                        sub = h.get(kind)
                        if isinstance(sub, dict) and isinstance(sub.get(1), int):
                            values -= sub[1]
                    if values < 0:
                        return (f"{where}: the page at byte {p} claims more values than the footer's"
                                f" {c.num_values:,} for the whole column chunk")
                    p += n + packed
    return None
