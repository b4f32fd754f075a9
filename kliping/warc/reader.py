"""A streaming WARC record reader: gzip member by member, every size bounded.

Why not warcio's iterator: ingest needs, per record, the exact offset of its gzip member (rows
point back to it, a killed run resumes there), a cap on what one record may put in memory, and a
clean stop with the offset where a truncated or corrupt file goes wrong. It is also the hot loop
of a CC-NEWS backfill (bench/warc.py measures it against warcio's iterator on the same file).

Compressed input is fed to ``zlib`` (ISA-L's ``isal_zlib`` when installed) in 64 KiB reads and
decompressed at most :data:`OUT_CHUNK` bytes at a time, so one huge member (a whole-file gzip, a
video, a gzip bomb) never sits in memory: blocks nobody keeps are discarded as they are inflated,
and a block to be kept larger than the caller's cap is skipped the same way.

A record whose ``Content-Length`` lies (says more or less than the record holds) does not end the
file when the caller passes ``on_damage``: the reader checks that a record's block is followed by
the next record (or the end of the file) before it yields the record; where it is not, the record
is reported to ``on_damage`` (offset, why) and not yielded, and reading resumes at the next line
opening ``WARC/1.`` (in a gzip-per-record file: at the next member opening a record; a block
never runs on past its own member into a member that opens a record). Records before and after
it are read as usual. A block larger than :data:`PEEK_MAX` is watched as it is read through (the
first line inside it opening a record, and up to :data:`HOLD_MAX` bytes from there, are kept) and
given back from there when it proves to lie (past what was held: an uncompressed file seeks back
there, a gzip member is inflated again from its start, :data:`MAX_REREADS` times a file at most).
A gzip member cut short, or of bad data with no member opening a record after it, ends the data
with one report at the offset where it goes wrong: every whole record before it is yielded (the
bytes inflated before bad data are salvaged byte by byte). Without ``on_damage`` such a file
raises :class:`WarcFormatError`, as any corrupt file does.

With ``on_damage``, a kept block whose ``WARC-Block-Digest`` (sha1, sha256, md5...; base32 or hex)
does not match its bytes is damaged too: reported and not yielded. Its bytes are wrong: a flipped
bit that still inflates (a whole-file gzip's checksum fails only at the file's end, long after its
records were handed on), a file written over. A digest in no form the reader knows is not checked.
So, with ``on_damage``, the records of a gzip member are held until the member ends with a good
CRC and length (a whole-file gzip: up to :data:`PENDING_MAX` of them, then the oldest are handed
on unproved, said in the report if the member then fails); where its data proves bad, a held
record whose kept block no digest proves is reported and dropped. A file cut short has no
checksum to wait for: its whole records are handed on.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from kliping.dataset.records import request_fields

try:  # ISA-L's inflate: about twice zlib's speed on WARC.gz (bench/warc.py); same API
    from isal import isal_zlib as _zlib
except ImportError:  # pragma: no cover - optional speed-up
    _zlib = zlib  # type: ignore[misc]

READ_CHUNK = 1 << 16  # compressed bytes per read (small: zlib copies what follows a member)
OUT_CHUNK = 1 << 20  # decompressed bytes per zlib call
MAX_HEADER = 1 << 16  # a WARC header section longer than this is not a WARC header
# a block up to this size is checked before it is consumed (held in memory with what follows it),
# so a Content-Length that says more than the record holds gives back the records it swallowed;
# a larger one is checked after it was read through (see HOLD_MAX)
PEEK_MAX = 16 << 20
# such a larger block is watched as it is read through: from the first line inside it that opens a
# record, up to this many bytes are held, and given back if the block then proves to lie (a plain
# file is read again from there however far the block ran on)
HOLD_MAX = 16 << 20
# a gzip member read on past HOLD_MAX by a block that lied is inflated again from its start to
# read the records it swallowed; at most this many times a file (each costs the member so far)
MAX_REREADS = 8
# the records of a gzip member not yet finished (its CRC not yet checked: a whole-file gzip) are
# held, up to this many bytes of blocks, until it is; past it the oldest are handed on unproved
PENDING_MAX = 32 << 20
RECORD_START = b"WARC/1."
GZIP_MAGIC = b"\x1f\x8b"


class WarcFormatError(Exception):
    """The file cannot be read on from here (truncated, corrupt, not a WARC); names the offset."""


@dataclass(slots=True)
class Record:
    offset: int  # start of the record's gzip member (of the record itself when uncompressed)
    headers: dict[str, str]  # WARC named fields, names lowercased
    length: int  # Content-Length of the block
    block: bytes | None  # the content block, or None when it was not wanted (skipped)
    resume_at: int | None  # an offset where reading can start afresh after this record, if any

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "")


class _Stream:
    """The decompressed bytes of a WARC file, consumed front to back."""

    def __init__(self, fh: BinaryIO, offset: int = 0) -> None:
        self.fh = fh
        self.in_off = offset  # absolute offset of inbuf[0] in the file
        self.inbuf = b""
        self.raw_eof = False
        self.buf = bytearray()
        self.dec: Any = None
        self.member_start = offset
        self.plain_pos = offset  # uncompressed files: absolute offset of buf[0]
        self.bytes_read = 0  # compressed bytes of fh read (progress), each byte once
        self.raw_end = offset  # the furthest byte of fh read: a byte read again is not counted again
        self.member_dpos = -1  # gzip: decompressed position (plain_pos terms) where the member began
        # with it, bad gzip data is reported there and reading goes on at the next member opening a
        # record (what the bad member gave is left to the record checks, which find it damaged)
        self.on_damage: Callable[[int, str], None] | None = None
        self.skipped = False  # a bad member was reported since the last record
        self.broken = False  # the data ended damaged (reported): no more bytes, no more reports
        # a block larger than PEEK_MAX read through with on_damage: where a line opening a record
        # showed inside it, and the bytes from there (up to HOLD_MAX), to read again if it lied
        self.held: bytearray | None = None
        self.held_at = -1
        self.overran = False
        self.bad_at = -1  # the first bad byte, where _salvage found one
        self.salvaged = -1  # the member whose good bytes before its bad data were salvaged
        self.failed: Exception | None = None  # its error, raised again at the next read
        self.cuts = 0  # how many times a bad member's bytes were dropped from buf
        self.rereads = 0  # members inflated again from their start (give_back)
        # gzip: the decompressed bytes (plain_pos terms) before this all came from members that
        # ended with a good CRC and length; spans given by members whose data proved bad
        self.good_upto = offset
        self.bad_spans: list[tuple[int, int]] = []
        self.loose = 0  # records handed on before their member's CRC was checked (PENDING_MAX)
        head = self._read_raw(2)
        self.gzip = head[:2] == GZIP_MAGIC

    def _read_raw(self, at_least: int = 1) -> bytes:
        """Append raw bytes to inbuf (at least ``at_least`` unless at end of file)."""
        while len(self.inbuf) < at_least and not self.raw_eof:
            data = self.fh.read(READ_CHUNK)
            if not data:
                self.raw_eof = True
                break
            self._count(self.in_off + len(self.inbuf), len(data))
            self.inbuf = self.inbuf + data if self.inbuf else data
        return self.inbuf

    def _count(self, at: int, n: int) -> None:
        """``n`` bytes of fh read from offset ``at``: counted in bytes_read where not read before
        (a member inflated again, a plain file read again from a line inside a lying block)."""
        end = at + n
        self.bytes_read += max(0, end - max(at, self.raw_end))
        self.raw_end = max(self.raw_end, end)

    def fill(self, new_member: bool = True) -> bool:
        """Add decompressed bytes to buf; False at a clean end of the file (with ``new_member``
        False, also at the end of the current gzip member: no next member is begun)."""
        if not self.gzip:
            if not self.inbuf:
                self._read_raw()
            if not self.inbuf:
                return False
            self.buf += self.inbuf
            self.in_off += len(self.inbuf)
            self.inbuf = b""
            return True
        while True:
            if self.dec is None:
                if not new_member or not self._read_raw():
                    return False
                if self.inbuf[:2] != GZIP_MAGIC[: len(self.inbuf)]:
                    if self._bad_gzip(self.in_off, "no gzip member"):
                        continue
                    raise WarcFormatError(f"no gzip member at offset {self.in_off} (corrupt file)")
                self.dec = _zlib.decompressobj(31)
                self.member_start = self.in_off
                self.member_dpos = self.plain_pos + len(self.buf)
            if not self.inbuf:
                self._read_raw()
                if not self.inbuf:
                    why = f"file ends inside the gzip member at offset {self.member_start} (truncated)"
                    if self.on_damage is not None:  # what it gave is in buf: its whole records kept
                        return self._end_damaged(self.in_off, why)
                    raise WarcFormatError(why)
            before = len(self.inbuf)
            try:
                if self.failed is not None:  # the member failed, its good bytes salvaged: on past
                    raise self.failed
                out = self.dec.decompress(self.inbuf, OUT_CHUNK)
            except (zlib.error, _zlib.error) as exc:
                if self.on_damage is not None and self.salvaged != self.member_start:
                    self.salvaged = self.member_start  # (once)
                    if self._salvage():
                        self.failed = exc  # (a failed decompressor may go on with garbage)
                        return True  # the good bytes before the bad ones
                self.failed = None
                at = self.in_off
                if self._bad_gzip(self.member_start, f"bad gzip data ({exc})"):
                    self._cut_bad_member()
                    continue
                why = f"bad gzip data in the member at offset {self.member_start} ({exc})"
                if self.on_damage is not None:  # no member opening a record after it: the end
                    return self._end_damaged(max(at, self.bad_at), why)
                raise WarcFormatError(why) from None
            ended = self.dec.eof  # (zlib checked the member's CRC and length)
            if ended:
                self.inbuf = self.dec.unused_data
                self.dec = None
            else:
                self.inbuf = self.dec.unconsumed_tail
            self.in_off += before - len(self.inbuf)
            if out:
                self.buf += out
            if ended:
                self.good_upto = max(self.good_upto, self.plain_pos + len(self.buf))
                self.loose = 0
            if out:
                return True

    def _end_damaged(self, at: int, why: str) -> bool:
        """Report the damage that ends the data here; the stream gives no more bytes (False)."""
        self.on_damage(at, why)  # type: ignore[misc]
        self.broken = True
        self.inbuf, self.dec, self.raw_eof = b"", None, True
        return False

    def _salvage(self) -> bool:
        """After bad data in a gzip member (a whole-file gzip, say): the good bytes before it that
        the failed call would have given, added to buf. zlib gives nothing of a call that fails, up
        to :data:`OUT_CHUNK` bytes (whole records) lost; they are inflated again from the member's
        start (a local file only: it seeks), in pieces small enough to stop just before the bad
        data. False when there is nothing more to add (or no seeking)."""
        have = self.plain_pos + len(self.buf) - self.member_dpos  # what the member gave so far
        stop = self.in_off + len(self.inbuf)  # not past the data the failed call had
        try:
            back = self.fh.tell()
            self.fh.seek(self.member_start)
        except (OSError, ValueError, AttributeError):
            return False
        dec = zlib.decompressobj(31)  # (the standard zlib: its state can be copied)
        got, extra, pos, step = 0, bytearray(), self.member_start, READ_CHUNK

        def inflate(data: bytes) -> None:
            nonlocal got
            while data and len(extra) <= 2 * OUT_CHUNK:
                out = dec.decompress(data, OUT_CHUNK)
                data = dec.unconsumed_tail
                if got + len(out) > have:
                    extra.extend(out[max(0, have - got):])
                got += len(out)

        try:
            while pos < stop and len(extra) <= 2 * OUT_CHUNK and not dec.eof:
                piece = self.fh.read(min(step, stop - pos))
                if not piece:
                    break
                saved, before = dec.copy(), (got, len(extra))
                try:
                    inflate(piece)
                except zlib.error as exc:
                    if step == 1:
                        self.bad_at = pos
                        if "check" in str(exc):  # a wrong CRC or length: the member's bytes are
                            extra.clear()  # wrong somewhere, so nothing of its end is given
                        break
                    dec, step = saved, step // 16  # again, in smaller pieces up to the bad one
                    got = before[0]
                    del extra[before[1]:]
                    self.fh.seek(pos)
                    continue
                pos += len(piece)
        except (OSError, ValueError):
            pass
        finally:
            self.fh.seek(back)
        if not extra:
            return False
        self.buf += extra
        return True

    def _cut_bad_member(self) -> None:
        """After a bad member, before the next one's bytes: drop what the bad member gave from its
        last line opening a record on (a record it cannot finish), so that no header or block of
        it runs on into the next member's record (a header of two records' lines, one record)."""
        lo = max(self.member_dpos - self.plain_pos, 0)
        if lo < len(self.buf):
            j = self.buf.rfind(b"\n" + RECORD_START, lo)
            del self.buf[j + 1 if j >= 0 else lo :]
            self.cuts += 1
        if self.bad_spans:  # the bad member's span ends where its bytes now end (the next
            start = self.bad_spans.pop()[0]  # member's bytes take the positions cut)
            if start < self.plain_pos + len(self.buf):
                self.bad_spans.append((start, self.plain_pos + len(self.buf)))

    def _bad_gzip(self, at: int, why: str) -> bool:
        """With ``on_damage``: report the bad member at ``at`` and move the raw read to the next
        gzip member that opens a WARC record (True); False where there is none, or no
        ``on_damage``."""
        if self.on_damage is None:
            return False
        data, base = self.inbuf, self.in_off
        pos = 1 if base == at else 0  # not the bad member's own header again
        while True:
            i = data.find(b"\x1f\x8b\x08", pos)
            if i >= 0 and (len(data) - i >= 4096 or self.raw_eof):
                try:
                    head = _zlib.decompressobj(31).decompress(data[i : i + 4096], 16)
                except (zlib.error, _zlib.error):
                    head = b""
                if head.startswith(b"WARC/"):
                    self.on_damage(at, why)
                    self.skipped = True
                    self.inbuf, self.in_off, self.dec = data[i:], base + i, None
                    return True
                pos = i + 1
                continue
            if self.raw_eof:
                self.inbuf, self.in_off = data, base
                return False
            keep = i if i >= 0 else max(0, len(data) - 2)  # a candidate, or a magic cut in two
            data, base, pos = data[keep:], base + keep, 0
            more = self.fh.read(READ_CHUNK)
            if not more:
                self.raw_eof = True
            self._count(base + len(data), len(more))
            data += more

    def settle(self) -> int | None:
        """After a record: the offset where a fresh read can start, if this is such a place.

        With gzip that is the end of a member, which may need the member's trailer read first;
        a member holding several records has no such place until its end.
        """
        if not self.gzip:
            return self.plain_pos if not self.buf or self.buf.startswith(b"WARC/") else None
        if self.buf:  # read ahead: a fresh read starts here if a member begins here
            return self.member_start if self.plain_pos == self.member_dpos else None
        while self.dec is not None:
            if not self.fill():
                break
            if self.buf:
                return None
        return self.in_off

    def start_offset(self) -> int:
        return self.member_start if self.gzip else self.plain_pos

    def header(self) -> bytes | None:
        """Bytes up to the blank line ending a header section; None at a clean end of file."""
        # records may be separated by extra blank lines
        while True:
            while self.buf[:2] == b"\r\n" or self.buf[:1] == b"\n":
                self._drop(2 if self.buf[:2] == b"\r\n" else 1)
            if self.buf:
                break
            if not self.fill():
                return None
        scan, cuts = 0, self.cuts
        while True:
            if cuts != self.cuts:  # a bad member's bytes were dropped: buf is not what was scanned
                scan, cuts = 0, self.cuts
            end = self.buf.find(b"\r\n\r\n", scan)
            if end >= 0:
                data = bytes(self.buf[: end + 4])
                self._drop(end + 4)
                return data
            if len(self.buf) > MAX_HEADER:
                raise WarcFormatError(
                    f"no end of the record header within {MAX_HEADER} bytes at offset "
                    f"{self.start_offset()} (corrupt file)"
                )
            scan = max(0, len(self.buf) - 3)
            if not self.fill():
                raise WarcFormatError(
                    f"file ends inside a record header at offset {self.start_offset()} (truncated)"
                )

    def _drop(self, n: int) -> None:
        if self.held is not None:
            if len(self.held) + n <= HOLD_MAX:
                self.held += self.buf[:n]
            else:
                self.held = None  # too far on: only a plain file can read it again (seek)
        del self.buf[:n]
        self.plain_pos += n

    def watch(self, n: int, fenced: bool, block: bytes | None = None) -> bool:
        """Drop the next ``n`` bytes as :meth:`skip` does (``block``: they were taken already),
        holding the bytes from the first line among them that opens a record (see HOLD_MAX)."""
        self.held, self.held_at, self.overran = None, -1, False
        if block is not None:
            i = block.find(b"\n" + RECORD_START)
            if i >= 0:
                self.held_at = self.plain_pos - len(block) + i + 1
                self.held = bytearray(block[i + 1 :])  # (in memory already)
            return True
        tail = b""
        while n > 0:
            try:
                if not self.buf and not self._more(fenced):
                    return False
            except WarcFormatError:  # the file ends inside it: a lie if it swallowed a record
                self.overran = True
                return True
            k = min(n, len(self.buf))
            if self.held_at < 0:
                look = tail + bytes(self.buf[:k])
                i = look.find(b"\n" + RECORD_START)
                if i >= 0:  # held from here on (_drop adds what follows)
                    self.held_at = self.plain_pos - len(tail) + i + 1
                    held = bytearray(look[i + 1 :])
                    del self.buf[:k]
                    self.plain_pos += k
                    self.held = held if len(held) <= HOLD_MAX else None
                    n -= k
                    continue
                tail = look[-len(RECORD_START) :]
            self._drop(k)
            n -= k
        return True

    def give_back(self) -> bool:
        """After a watched block that lied: read on from the line inside it that opens a record
        (False: there is none, or its bytes are gone and cannot be read again)."""
        held, at = self.held, self.held_at
        self.held, self.held_at, self.overran = None, -1, False
        if at < 0:
            return False
        if held is not None:
            self.buf[0:0] = held
            self.plain_pos -= len(held)
            return self.plain_pos == at
        if self.gzip:
            return self._inflate_again(at)
        try:
            self.fh.seek(at)
        except (OSError, ValueError, AttributeError):
            return False
        self.inbuf, self.in_off, self.raw_eof = b"", at, False
        self.buf.clear()
        self.plain_pos = at
        return True

    def _inflate_again(self, at: int) -> bool:
        """A gzip member read on past what was held (a whole-file gzip): inflated again from its
        start (the file seeks), its bytes before ``at`` dropped, so reading goes on at ``at``. At
        most :data:`MAX_REREADS` times a file (each costs the member up to there); False where it
        cannot be (no seeking, ``at`` in an earlier member, a member that failed)."""
        if (self.rereads >= MAX_REREADS or self.member_dpos < 0 or at < self.member_dpos
                or self.failed is not None or self.broken):
            return False
        try:
            self.fh.seek(self.member_start)
        except (OSError, ValueError, AttributeError):
            return False
        self.rereads += 1
        self.inbuf, self.in_off, self.raw_eof, self.dec = b"", self.member_start, False, None
        self.buf.clear()
        self.plain_pos = self.member_dpos
        try:
            while self.plain_pos + len(self.buf) <= at:
                self.plain_pos += len(self.buf)
                self.buf.clear()
                if not self.fill():
                    return False
        except WarcFormatError:
            return False
        del self.buf[: at - self.plain_pos]
        self.plain_pos = at
        return True

    def take(self, n: int, fenced: bool = False) -> bytes | None:
        """The next ``n`` bytes; None when ``fenced`` and the record's gzip member ends first
        (followed by a member opening a record: the Content-Length says more than it holds)."""
        while len(self.buf) < n:
            if not self._more(fenced):
                return None
        with memoryview(self.buf) as view:  # one copy, not two (a slice, then bytes of it)
            data = bytes(view[:n])
        self._drop(n)
        return data

    def skip(self, n: int, fenced: bool = False) -> bool:
        """Drop the next ``n`` bytes, never holding them; False as :meth:`take` gives None."""
        while n > 0:
            if not self.buf and not self._more(fenced):
                return False
            k = min(n, len(self.buf))
            self._drop(k)
            n -= k
        return True

    def _more(self, fenced: bool) -> bool:
        if self.fill(new_member=not fenced):
            return True
        if fenced and self.dec is None:  # its member ended: on in the next only if it opens no record
            if self._read_raw() and not self._next_opens_record():
                return self.fill()  # a record carried on in the next member (a bgzip-like writer)
            return False
        raise WarcFormatError(f"file ends inside the record at offset {self.start_offset()} (truncated)")

    def _next_opens_record(self) -> bool:
        """Does the gzip member waiting in inbuf open a WARC record? (read on a copy)"""
        self._read_raw(4096)
        try:
            head = _zlib.decompressobj(31).decompress(self.inbuf[:4096], 16)
        except (zlib.error, _zlib.error):
            return False
        return head.startswith(b"WARC/")

    def ahead(self, n: int) -> bool:
        """Fill buf to at least ``n`` bytes; False if the data ends first (the file, or a gzip
        member followed by one that opens a record)."""
        while len(self.buf) < n:
            if self.fill(new_member=False):
                continue
            if not (self.gzip and self.dec is None and self._read_raw()
                    and not self._next_opens_record() and self.fill()):
                return False
        return True

    def followed_by_record(self) -> bool:
        """After a record's block and trailer: does another record (or the end) come next?"""
        while True:
            while self.buf[:2] == b"\r\n" or self.buf[:1] == b"\n":
                self._drop(2 if self.buf[:2] == b"\r\n" else 1)
            if len(self.buf) >= 5:
                return self.buf.startswith(b"WARC/")
            if not self.fill():
                return not self.buf

    def resync(self) -> bool:
        """Drop bytes up to the next line opening ``WARC/1.`` (or a gzip member opening with
        it), past the first byte; False at the end of the file."""
        self._drop(min(1, len(self.buf)))
        while True:
            cands = []
            i = self.buf.find(b"\n" + RECORD_START)
            if i >= 0:
                cands.append(i + 1)
            m = self.member_dpos - self.plain_pos
            if self.gzip and 0 <= m < len(self.buf) and self.buf.startswith(RECORD_START, m):
                cands.append(m)
            if cands:
                self._drop(min(cands))
                return True
            self._drop(max(0, len(self.buf) - len(RECORD_START)))
            if not self.fill():
                self._drop(len(self.buf))
                return False

    def trailer(self) -> None:
        """The blank lines closing a record (tolerant: some writers leave them out)."""
        for _ in range(2):
            if not self.buf:
                self.fill()
            if self.buf[:2] == b"\r\n":
                self._drop(2)
            elif self.buf[:1] == b"\n":
                self._drop(1)


def parse_fields(lines: list[str]) -> dict[str, str]:
    """``Name: value`` lines (continuation lines folded in), names lowercased; repeats joined.

    Linear: the pieces are joined once at the end. Joined as they came, a header repeated (or
    folded) a million times in a record's HTTP block (up to --max-body-mb of it) copied the
    growing value each time: minutes of ingest on one 8 MB record."""
    fields: dict[str, list[list[str]]] = {}  # name -> its values, each a list of folded pieces
    last: list[str] | None = None
    for line in lines:
        if not line:
            continue
        if line[0] in " \t" and last is not None:
            last.append(line.strip())
            continue
        name, sep, value = line.partition(":")
        if not sep:
            continue
        name = name.strip().lower()
        pieces = [value.strip()]
        fields.setdefault(name, []).append(pieces)
        last = pieces if name else None  # (a field without a name takes no continuation)
    return {name: ", ".join(" ".join(pieces) for pieces in values) for name, values in fields.items()}


def iter_records(
    fh: BinaryIO,
    offset: int = 0,
    want: Callable[[dict[str, str], int], bool] | None = None,
    counter: list[int] | None = None,
    end: int | None = None,
    on_damage: Callable[[int, str], None] | None = None,
) -> Iterator[Record]:
    """Every record of a WARC (``.warc`` or ``.warc.gz``) read from ``fh`` positioned at ``offset``.

    ``want(headers, length)`` says whether to keep a record's block (default: all); the others
    are skipped without being held in memory. ``counter[0]`` follows the compressed bytes read.
    With ``end``, records starting at or after it are left to whoever reads from there.
    Raises :class:`WarcFormatError` where the file is truncated or corrupt (records before it
    have been yielded). With ``on_damage(offset, why)``, a damaged record (a Content-Length that
    lies, bytes that are no record) is reported there instead and reading goes on at the next
    record; a file cut short or bad gzip data is reported once (the records before it yielded)
    and ends the reading, unless a gzip member opening a record follows the bad data.
    """
    stream = _Stream(fh, offset)
    if offset == 0 and not stream.inbuf:
        raise WarcFormatError("empty file (no WARC records)")

    def report(at: int, why: str) -> None:
        if "bad gzip data" in why and stream.gzip:  # what this member gave is unproved: wrong bytes
            stream.bad_spans.append((stream.member_dpos, stream.plain_pos + len(stream.buf)))
            if stream.loose:
                on_damage(at, f"{stream.loose} records of this gzip member were handed on before"  # type: ignore[misc]
                              f" its data proved bad (past the {PENDING_MAX >> 20} MiB held):"
                              " their bytes are unproved")
                stream.loose = 0
        if (stream.skipped or stream.broken) and "gzip" not in why:  # its loss, reported already
            return
        on_damage(at, why)  # type: ignore[misc]

    # each record held until its member's CRC checks, in order (see PENDING_MAX): the record, its
    # span (decompressed), and whether it stands without (a digest proves its block; no block kept)
    pending: deque[tuple[Record, int, int, bool]] = deque()
    held = 0

    def release(final: bool = False) -> list[Record]:
        """The held records now proved (their members ended with a good CRC), or proved by
        their digest; those of a member whose data proved bad reported and dropped. ``final``:
        the data ended (a file cut short: what it gave before the cut is all there is)."""
        nonlocal held
        out = []
        while pending:
            rec, hstart, end, proven = pending[0]
            bad = any(end > lo and hstart < hi for lo, hi in stream.bad_spans)
            if not (bad or final or end <= stream.good_upto):
                break
            pending.popleft()
            held -= _cost(rec)
            if bad and not proven:
                on_damage(rec.offset, "a record of a gzip member whose data proved bad, with no"  # type: ignore[misc]
                                      " WARC-Block-Digest to prove its bytes right")
            else:
                out.append(rec)
        if not pending and stream.bad_spans:
            stream.bad_spans = [sp for sp in stream.bad_spans if sp[1] > stream.plain_pos]
        return out

    def damaged(at: int, why: str) -> bool:
        """Report a damaged record (or raise without ``on_damage``); False at the end of the file."""
        if on_damage is None:
            raise WarcFormatError(f"{why} at offset {at} (corrupt file)")
        report(at, why)
        return stream.resync()

    if on_damage is not None:
        stream.on_damage = report

    def records() -> Iterator[Record]:
        nonlocal held
        while True:
            try:
                hdr = stream.header()
            except WarcFormatError:
                if on_damage is None or not stream.buf:
                    raise
                if damaged(stream.start_offset(), "no end of a record header"):
                    continue
                return
            if counter is not None:
                counter[0] = stream.bytes_read
            if hdr is None:
                return
            start = stream.start_offset() if stream.gzip else stream.plain_pos - len(hdr)
            hstart = stream.plain_pos - len(hdr)
            if end is not None and start >= end:
                return
            text = hdr.decode("utf-8", "replace")
            lines = text.split("\r\n")
            if not lines[0].startswith("WARC/"):
                stream.buf[0:0] = hdr  # read on from the bytes after its first
                stream.plain_pos -= len(hdr)
                if damaged(start, "no WARC record"):
                    continue
                return
            headers = parse_fields(lines[1:])
            try:
                length = int(headers.get("content-length", ""))
                if length < 0:
                    raise ValueError
            except ValueError:
                stream.buf[0:0] = hdr
                stream.plain_pos -= len(hdr)
                if damaged(start, "a record without a valid Content-Length"):
                    continue
                return
            # its own gzip member: the block may not run on into the next record's member
            fenced = stream.gzip and stream.plain_pos - len(hdr) == stream.member_dpos
            if on_damage is not None and length <= PEEK_MAX:
                # check before consuming: a block that says more gives back what it swallowed
                complete = stream.ahead(length + 16)
                if not _block_ends_record(stream.buf, length, ended=not complete):
                    if damaged(start, "a record whose Content-Length does not fit its block"):
                        continue
                    return
            watched = on_damage is not None and length > PEEK_MAX  # checked after it was read through
            if want is None or want(headers, length):
                try:
                    block: bytes | None = stream.take(length, fenced)
                except WarcFormatError:
                    if not watched:
                        raise
                    block = bytes(stream.buf)  # the file ends inside it: given back, if it lied
                    stream._drop(len(block))
                    stream.watch(length, fenced, block)
                    stream.overran = True
                    ok = True
                else:
                    ok = block is not None
                    if ok and watched:
                        stream.watch(length, fenced, block)
            else:
                block = None
                ok = stream.watch(length, fenced) if watched else stream.skip(length, fenced)
            if not ok:  # a gzip-per-record member ended first
                if on_damage is None:
                    raise WarcFormatError(f"the record at offset {start} runs past its gzip member "
                                          f"(its Content-Length says more than it holds)")
                report(start, "a record whose Content-Length says more than its gzip member holds")
                stream._drop(len(stream.buf))  # the rest of its member
                if stream.buf or stream.fill():
                    continue
                return
            stream.trailer()
            fits = on_damage is None or (not stream.overran and stream.followed_by_record())
            if not fits:
                why = "a record whose Content-Length does not fit its block"
                if watched and stream.give_back():  # the records it swallowed are read again
                    report(start, why)
                    block = None
                    continue
                stream.held, stream.held_at, stream.overran = None, -1, False
                if damaged(start, why):
                    continue
                return
            stream.held, stream.held_at, stream.overran = None, -1, False
            stream.skipped = False
            proven = None if block is None or on_damage is None else digest_matches(
                headers.get("warc-block-digest"), block)
            if proven is False:
                on_damage(start, "a record whose block does not match its WARC-Block-Digest (wrong bytes)")  # type: ignore[misc]
                stream.settle()
                continue
            rec = Record(start, headers, length, block, stream.settle())
            if on_damage is None or not stream.gzip or (
                    not pending and not stream.bad_spans and stream.plain_pos <= stream.good_upto):
                yield rec  # (a gzip-per-record file: its member ended with the record, checked)
                continue
            # a whole-file gzip's CRC is checked at the member's end: until then its records are held
            # (a flipped bit that still inflates makes wrong bytes no record check sees)
            pending.append((rec, hstart, stream.plain_pos, proven is True or block is None))
            held += _cost(rec)
            yield from release()
            while held > PENDING_MAX and pending:  # bounded: the oldest handed on unproved
                rec = pending.popleft()[0]
                held -= _cost(rec)
                stream.loose += 1
                yield rec

    try:
        yield from records()
    except WarcFormatError:
        if on_damage is not None:
            yield from release(final=True)
        raise
    yield from release(final=True)


def _cost(rec: Record) -> int:
    """What a held record takes in memory, about (its block, its headers: a KB as a rule)."""
    return len(rec.block or b"") + 1024


def digest_fails(value: str | None, block: bytes) -> bool:
    """Whether ``block`` is proved wrong by its ``WARC-Block-Digest`` ``value`` (``sha1:`` and a
    base32 or hex digest, as Common Crawl, warcio, wget and Heritrix write it). False when there is
    none, or it names no algorithm hashlib has, or its digest decodes to no digest of that size."""
    return digest_matches(value, block) is False


def digest_matches(value: str | None, block: bytes) -> bool | None:
    """Whether ``block`` matches its ``WARC-Block-Digest`` ``value``; None when that proves
    nothing (no digest, or one in no form :func:`digest_fails` reads)."""
    if not value or ":" not in value:
        return None
    algo, _, text = value.strip().partition(":")
    algo = algo.strip().lower().replace("-", "")
    if algo not in hashlib.algorithms_guaranteed or algo.startswith("shake"):
        return None
    h = hashlib.new(algo)
    text = text.strip()
    try:
        if len(text) == 2 * h.digest_size:
            want = bytes.fromhex(text)
        else:
            want = base64.b32decode(text.upper() + "=" * (-len(text) % 8))
    except (ValueError, binascii.Error):
        return None
    if len(want) != h.digest_size:
        return None
    h.update(block)
    return h.digest() == want


def _block_ends_record(buf: bytearray, length: int, ended: bool) -> bool:
    """Does a block of ``length`` bytes at the start of ``buf`` end where a record follows (after
    the blank lines closing it), or the data ends (``ended``: ``buf`` holds all there is before
    the end of the file or of the gzip member)? Without ``ended`` ``buf`` holds ``length + 16``
    bytes at least."""
    if len(buf) < length:
        return False
    pos = length
    while True:
        if buf.startswith(b"\r\n", pos):
            pos += 2
        elif buf.startswith(b"\n", pos):
            pos += 1
        else:
            break
    rest = bytes(buf[pos : pos + 5])
    return rest == b"WARC/" or not rest  # (only blank lines ahead: checked after the record)


def find_member(fh: BinaryIO, start: int, end: int) -> int | None:
    """The offset of the first gzip member in ``[start, end)`` that begins a WARC record.

    How a file of gzip-per-record WARC records is cut into pieces read in parallel: each piece
    starts at the first record member at or after its byte offset. A candidate is a gzip header
    whose first inflated bytes are ``WARC/``, so a ``1f 8b 08`` inside compressed data is passed.
    """
    pos = start
    fh.seek(start)
    carry = b""
    while pos < end:
        chunk = fh.read(READ_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        base = pos - len(carry)
        i = data.find(b"\x1f\x8b\x08")
        while i >= 0:
            at = base + i
            if at >= end:
                return None
            try:
                head = _zlib.decompressobj(31).decompress(data[i : i + 4096], 16)
            except (zlib.error, _zlib.error):
                head = b""
            if head.startswith(b"WARC/"):
                return at
            i = data.find(b"\x1f\x8b\x08", i + 1)
        carry = data[-4096:]
        pos += len(chunk)
    return None


def parse_request(block: bytes) -> dict[str, Any] | None:
    """``request_fields`` of an HTTP request block (a WARC ``request`` record), None if not one."""
    end = block.find(b"\r\n\r\n")
    if end < 0:
        end = block.find(b"\n\n")
    head = block if end < 0 else block[:end]
    lines = head.decode("latin-1").split("\n")
    first = lines[0].split()
    if len(first) != 3 or not first[2].startswith("HTTP/") or not first[0].isalpha():
        return None
    pairs = []
    for line in lines[1:]:
        name, sep, value = line.rstrip("\r").partition(":")
        if sep and name.strip():
            pairs.append((name, value.strip()))
    return request_fields(first[0], pairs)
