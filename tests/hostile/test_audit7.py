"""A seventh outside audit (session 20): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands in child processes, real files, Parquet read back with
pyarrow.

- a WARC record whose ``Content-Length`` lies by more than the 16 MiB the reader looks ahead, in a
  block that is not kept (larger than ``--max-body-mb``): every record it swallowed was lost, and
  where it claimed more than the rest of the file, the file ended "truncated" there;
- a whole-file-gzip WARC cut short (its last member cut): the last whole record before the cut
  was lost with the file's error; one with bad deflate data midway: the records inflated before it
  in the same read (up to 1 MiB) were lost too;
- a FIFO or a symlink loop named like a part (``raw/``, ``articles/``, ``runs/``): a crawl, an
  ingest and ``kliping runs`` opened the FIFO and waited for a writer for ever (SIGTERM did not
  end the crawl); ``stats`` and ``export`` left the part's rows out without a word (exit 0), and
  ``verify`` found an output with such a ledger part sound.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import re
import shutil
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kliping.warc import reader
from kliping.warc.reader import WarcFormatError, iter_records
from tests.conftest import kliping, one_line
from tests.hostile.test_audit6 import _ingest_lying_file, _pack, _record
from tests.warc_fixtures import sample_pages, write_warc

# -- a Content-Length that lies by more than the reader looks ahead --------------------------------

MODES = ("plain", "per-record", "whole-file")


def _read(data: bytes, keep: bool = True) -> tuple[list[str], list[tuple[int, str]]]:
    damaged: list[tuple[int, str]] = []
    got = [r.headers["warc-record-id"][7:-1] for r in iter_records(
        io.BytesIO(data), want=lambda h, n: keep, on_damage=lambda at, why: damaged.append((at, why)))]
    return got, damaged


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lies", [{3: 1500}, {3: 10**6}, {0: 1100}, {7: 2000}, {2: 1200, 5: 1300}],
                         ids=str)
@pytest.mark.parametrize("keep", [True, False], ids=["kept", "skipped"])
@pytest.mark.parametrize("hold", [16 << 20, 600], ids=["held", "past-hold"])
def test_a_lie_past_the_look_ahead_gives_back_what_it_swallowed(
        mode: str, lies: dict[int, int], keep: bool, hold: int, monkeypatch) -> None:
    """The look-ahead (16 MiB) and the bytes held past it, made small so a small file shows it."""
    monkeypatch.setattr(reader, "PEEK_MAX", 1000)
    monkeypatch.setattr(reader, "HOLD_MAX", hold, raising=False)
    data = _pack([_record(i, lies.get(i, 0)) for i in range(8)], mode)
    got, damaged = _read(data, keep)
    # (a whole-file gzip that ran on past the bytes held is inflated again from its start since
    # round 8, test_audit8.py; a plain file is read again from there; a gzip-per-record block
    # never runs on)
    assert got == [str(i) for i in range(8) if i not in lies]
    assert len(damaged) == len(lies) and all("Content-Length" in why for _, why in damaged)


@pytest.mark.parametrize("mode", MODES)
def test_an_honest_large_block_reads_the_same(mode: str, monkeypatch) -> None:
    """A block past the look-ahead that holds a line opening a record (a WARC served as a page)."""
    monkeypatch.setattr(reader, "PEEK_MAX", 1000)
    inner = b"".join(_record(i) for i in range(3))
    body = b"<pre>\n" + inner * 3 + b"</pre>"
    big = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:r:big>\r\n"
           b"Content-Length: %d\r\n\r\n" % len(body)) + body + b"\r\n\r\n"
    data = _pack([_record(0), big, _record(1)], mode)
    for keep in (True, False):
        got, damaged = _read(data, keep)
        assert got == ["0", "big", "1"] and not damaged
        blocks = [r.block for r in iter_records(io.BytesIO(data), on_damage=lambda *a: None)]
        assert blocks[1] == body


# -- a whole-file gzip cut short, or bad midway ----------------------------------------------------


def _many(digest: bool = True) -> list[bytes]:
    """30 records that compress poorly: the whole-file gzip takes several reads of 64 KiB. With
    their WARC-Block-Digest: since round 9 the records of a member whose data proves bad are kept
    only where a digest proves them (tests/hostile/test_audit9.py reads them without)."""
    words, rnd = [f"kata{i}" for i in range(2000)], random.Random(7)
    return [_record(i, text=" ".join(rnd.choice(words) for _ in range(2500)), digest=digest)
            for i in range(30)]


def _whole_in(records: list[bytes], inflated: bytes) -> list[str]:
    """The records that lie whole (block included) in ``inflated``, the start of their stream."""
    done, pos = [], 0
    for i, rec in enumerate(records):
        if pos + len(rec) - 4 > len(inflated):
            break
        done.append(str(i))
        pos += len(rec)
    return done


def _right_in(records: list[bytes], inflated: bytes) -> list[str]:
    """The records that lie whole and right (block included) in ``inflated``."""
    done, pos = [], 0
    for i, rec in enumerate(records):
        if inflated[pos:pos + len(rec) - 4] == rec[:-4]:
            done.append(str(i))
        pos += len(rec)
    return done


def _inflatable(data: bytes) -> tuple[bytes, str | None]:
    """What zlib inflates of ``data`` byte by byte, and the error it stopped at (None: none)."""
    dec, out = zlib.decompressobj(31), bytearray()
    for i in range(0, len(data), 4096):
        saved = dec.copy()
        try:
            out += dec.decompress(data[i : i + 4096])
            continue
        except zlib.error:
            dec = saved
        for j in range(i, min(i + 4096, len(data))):  # the bad piece again, byte by byte
            try:
                out += dec.decompress(data[j : j + 1])
            except zlib.error as exc:
                return bytes(out), str(exc)
    return bytes(out), None


@pytest.mark.parametrize("cut", [0.5, 0.93, -3000, -4])
def test_a_whole_file_gzip_cut_short_keeps_every_whole_record(cut: float, tmp_path: Path) -> None:
    records = _many()
    whole = gzip.compress(b"".join(records))
    n = int(len(whole) * cut) if cut > 0 else len(whole) + int(cut)
    data = whole[:n]
    want = _whole_in(records, _inflatable(data)[0])
    assert want, "the cut leaves whole records"
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data)
    for keep in (True, False):
        got, damaged = _read(path.read_bytes(), keep)
        assert got == want
        assert len(damaged) == 1 and damaged[0][0] == n and "truncated" in damaged[0][1], damaged
    with open(path, "rb") as fh, pytest.raises(WarcFormatError, match="truncated"):
        list(iter_records(fh))  # without on_damage: the error, as before


def _spoiled(whole: bytes, start: int) -> tuple[bytes, int]:
    """``whole`` with one byte changed at the first place from ``start`` where zlib then stops with
    an error of the deflate data (not only a wrong checksum at the end), and that place."""
    for at in range(start, len(whole) - 100, 97):
        for flip in (0xFF, 0x55, 0x0F):
            spoiled = whole[:at] + bytes([whole[at] ^ flip]) + whole[at + 1 :]
            err = _inflatable(spoiled)[1]
            if err is not None and "check" not in err:
                return spoiled, at
    raise AssertionError("no spoiling byte found")


@pytest.mark.parametrize("where", [0.3, 0.7])
def test_bad_data_midway_in_a_whole_file_gzip_keeps_the_records_before_it(
        where: float, tmp_path: Path) -> None:
    records = _many()
    whole = gzip.compress(b"".join(records))
    data, at = _spoiled(whole, int(len(whole) * where))
    inflated, err = _inflatable(data)
    assert err
    want = _right_in(records, inflated)  # (round 7 wanted every whole one: some were of wrong
    assert len(want) >= 3  # bytes, where the flip still inflated; their digests now say so)
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    for keep in (True, False):
        got, damaged = _read(path.read_bytes(), keep)
        assert got[:len(want)] == want and (not keep or got == want), (got, want)
        bad = [at_ for at_, why in damaged if "bad gzip data" in why]
        assert len(bad) == 1 and bad[0] >= at, (at, damaged)  # where the bad data is found
    with open(path, "rb") as fh, pytest.raises(WarcFormatError, match="bad gzip data|no WARC record"):
        list(iter_records(fh))


def test_bad_data_in_one_of_several_big_members_keeps_both_sides(tmp_path: Path) -> None:
    """Whole-file gzips joined (``cat a.warc.gz b.warc.gz``), the first bad midway: its records
    before the bad data, and every record of the second, are kept; the unfinished record never
    runs on into the next member's first (no header of two records' lines)."""
    records = _many()
    first = gzip.compress(b"".join(records[:15]))
    spoiled, at = _spoiled(first, int(len(first) * 0.3))
    want = _whole_in(records[:15], _inflatable(spoiled)[0])
    path = tmp_path / "joined.warc.gz"
    path.write_bytes(spoiled + gzip.compress(b"".join(records[15:])))
    got, damaged = _read(path.read_bytes())
    assert got == want + [str(i) for i in range(15, 30)], got
    assert len(damaged) == 1 and "bad gzip data" in damaged[0][1], damaged


def test_a_member_whose_checksum_fails_gives_nothing_of_its_end() -> None:
    """The salvage of bytes before bad data never hands on a member's bytes that its CRC proves
    wrong (a flipped byte in a stored block inflates without error, to another byte)."""
    members = [gzip.compress(_record(i)) for i in range(3)]
    stored = bytearray(gzip.compress(_record(9), compresslevel=0))
    stored[stored.index(b"rekaman 9")] ^= 0x01  # "sekaman 9": inflates, then the CRC fails
    got, damaged = _read(members[0] + bytes(stored) + members[1] + members[2])
    assert got == ["0", "1", "2"] and len(damaged) == 1 and "gzip" in damaged[0][1], damaged
    whole = bytearray(gzip.compress(b"".join(_record(i) for i in range(3)), compresslevel=0))
    whole[whole.index(b"rekaman 2")] ^= 0x01  # in the last record of a whole-file gzip
    got, damaged = _read(bytes(whole))
    assert "2" not in got and len(damaged) == 1, (got, damaged)


# -- the same through `kliping ingest` -------------------------------------------------------------


def _responses(tmp_path: Path) -> tuple[list, list[bytes]]:
    pages = [p for p in sample_pages() if p.status == 200][:10]
    plain = write_warc(tmp_path / "all.warc", pages, extras=False).read_bytes()
    return pages, [r for r in re.split(rb"(?=WARC/1\.1\r\n)", plain) if r]


@pytest.mark.parametrize("mode", ["plain", "whole-file"])
def test_ingest_keeps_the_pages_a_huge_lie_swallowed(mode: str, tmp_path: Path) -> None:
    """A response saying 20 MiB (past --max-body-mb: not kept) that holds a few KB: the pages after
    it were lost (the file "ended inside the record"), every one of them."""
    pages, records = _responses(tmp_path)
    responses = [i for i, r in enumerate(records) if b"WARC-Type: response\r\n" in r]
    liar = records[responses[3]]
    uri = re.search(rb"WARC-Target-URI: (\S+)\r\n", liar).group(1).decode()
    records[responses[3]] = re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % (20 << 20),
                                   liar, count=1)
    name = "bad.warc" if mode == "plain" else "bad.warc.gz"
    (tmp_path / name).write_bytes(_pack(records, mode))
    _ingest_lying_file(tmp_path / name, pages, uri)


def test_ingest_keeps_the_last_whole_page_of_a_cut_whole_file_gzip(tmp_path: Path) -> None:
    pages, records = _responses(tmp_path)
    whole = gzip.compress(b"".join(records))
    (tmp_path / "cut.warc.gz").write_bytes(whole[:-4])  # only the gzip trailer is missing
    out = tmp_path / "out"
    r = kliping("ingest", str(tmp_path / "cut.warc.gz"), "--out", str(out), "--no-progress",
                timeout=120)
    assert r.returncode == 1 and "truncated" in r.stderr and "Traceback" not in r.stderr, r.stderr
    urls = sorted(pq.read_table(out / "raw", columns=["url"]).column("url").to_pylist())
    assert urls == sorted(p.url for p in pages)


# -- a part that is no regular file ----------------------------------------------------------------


def _odd_part(demo: Path, to: Path, dataset: str, kind: str) -> Path:
    """A copy of the demo output whose first part of ``dataset`` is a FIFO or a symlink loop."""
    shutil.copytree(demo, to, symlinks=True)
    part = sorted((to / dataset).rglob("*.parquet"))[0]
    part.unlink()
    if kind == "fifo":
        os.mkfifo(part)
    else:
        part.symlink_to(part.name)
    return part


@pytest.mark.parametrize(("kind", "dataset", "command"), [
    ("fifo", "raw", "demo"), ("fifo", "raw", "ingest"), ("fifo", "runs", "runs"),
    ("fifo", "articles", "export"), ("loop", "articles", "stats"), ("loop", "articles", "export"),
])
def test_a_part_that_is_no_file_is_named_never_waited_on(kind: str, dataset: str, command: str,
                                                         demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    part = _odd_part(demo, out, dataset, kind)
    args = {"demo": ["demo", "--out", str(out)],
            "ingest": ["ingest", str(tmp_path / "x.warc"), "--out", str(out), "--no-progress"],
            "runs": ["runs", str(out)], "stats": ["stats", str(out)],
            "export": ["export", str(out), "--out", str(tmp_path / "x")]}[command]
    if command == "ingest":
        pages = [p for p in sample_pages() if p.status == 200][:3]
        write_warc(tmp_path / "x.warc", pages, compress=False, extras=False)
    r = kliping(*args, timeout=60)  # (killed at the timeout: a wait for a FIFO's writer fails it)
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    line = one_line(r) if command != "demo" else r.stderr.strip().splitlines()[-1]
    assert "bad part" in line and part.name in line and "verify" in line + " verify", line
    # verify names it too (a FIFO in runs/ passed as sound), and --repair moves it away
    v = kliping("verify", str(out), timeout=60)
    assert v.returncode == 1 and part.name in v.stdout + v.stderr, v.stdout[-800:]
    rep = kliping("verify", "--repair", str(out), timeout=60)
    assert rep.returncode in (0, 1) and "Traceback" not in rep.stderr, rep.stderr
    assert not os.path.lexists(part)
