"""An eighth outside audit (session 21): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands in child processes (peak memory measured), real files,
Parquet read back with pyarrow.

- a Parquet part built to hurt its reader, a compression bomb: 100 KB on disk whose dictionary page
  holds one 1 MB string that every one of 20,000 rows repeats (20 GB once decoded), or one long
  constant string in a zstd page. ``stats`` and ``export`` died with a traceback after trying to
  allocate 4 GB (an ``ArrowMemoryError`` under a 6 GB limit; the machine's memory without one),
  ``runs``, ``reclean`` spent seconds and gigabytes before naming the part "unreadable", ``verify``
  found it sound and ``verify --repair`` left it, a crawl started on top of it;
- ``kliping export --format warc`` read the raw parts unchecked: a truncated one was a traceback,
  a bomb whose rows carry the articles' fetch ids a traceback after gigabytes, a FIFO left out
  without a word; ``--skip-bad`` did not skip a bad articles part there;
- ``kliping ingest`` of a path that is no file: a FIFO, ``/dev/zero``, a socket, a symlink loop or
  one that leads nowhere was "no such file or directory"; a FIFO named like a WARC file in a
  directory was left out without a word; a FIFO listed in a paths file hung the run for ever;
- a whole-file-gzip WARC whose bytes inflate wrong (a flipped bit the deflate data still reads):
  the gzip checksum fails only at the file's end, and the record holding the bad byte had been
  ingested, a silently wrong row;
- a single-member whole-file-gzip WARC whose record, not kept, claims past the 16 MiB look-ahead
  and runs on past the 16 MiB held: every record it swallowed was lost (counted);
- a WARC response whose Content-Encoding is a bomb (gzip, deflate, nested): refused, as before,
  but counted nowhere in ingest's summary line (responses 3; kept 2; every skip 0).

Schema drift of nested types (``authors`` as ``list<struct>``, ``list<int64>``, a map, a
fixed-size list, a list view; ``tags`` as ``list<list<string>>``; a scalar as a list; values out
of range) was already named by ``stats``, ``export`` and ``verify`` (one line, exit 2 / 1); WARC
records with another scheme's target URI (``file:``, ``data:``, ``javascript:``, ``ftp:``),
10,000 WARC or HTTP header lines, a 100 MB URI, a warcinfo-only file and ``WARC/0.9``,
``WARC/1.1``, ``WARC/2.0`` version lines were already read, skipped or counted as damaged.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kliping.dataset import storage
from kliping.dataset.schema import DATASETS
from kliping.dataset.storage import check_part, file_schema
from kliping.warc.reader import iter_records
from tests.conftest import kliping_cmd, one_line
from tests.warc_fixtures import sample_pages, variant, write_warc

# -- a Parquet part built to hurt its reader -------------------------------------------------------

ROWS, VALUE = 20_000, 1 << 20  # 20 GB of one repeated 1 MB string, in ~100 KB on disk
LIMIT = 4 << 30  # address space of each child: a regression fails, it does not eat the machine


def _bomb(like: Path, dataset: str, column: str, same_ids: bool = False) -> Path:
    """A part of ``dataset`` in the shape of ``like`` whose ``column`` is one 1 MB value repeated
    on every row, dictionary-encoded: the file is small, the decoded column is ROWS x VALUE.
    ``same_ids``: every row has the first row's ids (a filter on them does not skip the part)."""
    row = pq.read_table(like).slice(0, 1).to_pylist()[0]
    schema = file_schema(DATASETS[dataset])
    cols = []
    for f in schema:
        if f.name == column:
            value = b"a" * VALUE if pa.types.is_binary(f.type) else "a" * VALUE
            cols.append(pa.DictionaryArray.from_arrays(pa.array([0] * ROWS, pa.int32()),
                                                       pa.array([value], f.type)))
        elif f.name in ("id", "fetch_id") and not same_ids:
            cols.append(pa.array([f"bomb-{i}" for i in range(ROWS)]))
        else:
            cols.append(pa.array([row.get(f.name)] * ROWS, f.type))
    part = like.parent / "part-bomb.parquet"
    pq.write_table(pa.Table.from_arrays(cols, names=schema.names), part, compression="zstd",
                   store_schema=False)  # read back as plain strings, as any writer's would be
    assert part.stat().st_size < 500_000
    return part


def _measured(*args: str, timeout: float = 90) -> tuple[subprocess.CompletedProcess, int]:
    """``kliping ARGS`` in a child under an address-space limit, and its peak RSS in MB (measured
    in a wrapper process of its own, so no other child of this test counts)."""
    code = (
        "import json, resource, subprocess, sys\n"
        f"lim = {LIMIT}\n"
        "r = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True,"
        f" timeout={timeout}, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (lim, lim)))\n"
        "print(json.dumps([r.returncode, r.stdout, r.stderr,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024]))\n"
    )
    w = subprocess.run([sys.executable, "-c", code, json.dumps(kliping_cmd(*args))],
                       capture_output=True, text=True, timeout=timeout + 30)
    assert w.returncode == 0, w.stderr[-2000:]
    rc, out, err, rss = json.loads(w.stdout)
    return subprocess.CompletedProcess(args, rc, out, err), rss


def every_reader_names(out: Path, part: Path, dataset: str, words: str, tmp_path: Path) -> None:
    """Every reader of ``dataset``'s parts (stats, export, reclean, a crawl, runs) names ``part``
    bad in one line with exit 2, ``verify`` with exit 1, ``verify --repair`` quarantines it; each
    within 600 MB (also used by round 9's page-header lie)."""
    commands = {
        "articles": [["stats", str(out)], ["export", str(out), "--out", str(tmp_path / "x")]],
        "raw": [["reclean", str(out), "--out", str(tmp_path / "r")],
                ["crawl", "kabarnusa", "--out", str(out), "--since", "2024-01-05",
                 "--until", "2024-01-06"]],
        "runs": [["runs", str(out)]],
    }[dataset]
    for args in commands:
        r, rss = _measured(*args)
        assert r.returncode == 2, (args, r.returncode, r.stderr[-800:])
        line = one_line(r)
        assert part.name in line and words in line, line
        assert rss < 600, (args, rss)
    v, rss = _measured("verify", str(out))
    assert v.returncode == 1 and words in v.stdout and part.name in v.stdout, v.stdout
    assert rss < 600, rss
    rep, rss = _measured("verify", "--repair", str(out))
    assert rep.returncode == 0, rep.stdout + rep.stderr
    assert not part.exists() and (out / "quarantine" / part.relative_to(out)).is_file()
    assert rss < 600, rss


BOMBS = {"articles": "text", "raw": "body", "runs": "health"}


@pytest.mark.parametrize("dataset", sorted(BOMBS))
def test_a_compression_bomb_part_is_named_by_every_reader(dataset: str, demo: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    like = sorted((out / dataset).rglob("*.parquet"), key=lambda p: "site=kabarnusa" not in str(p))[0]
    part = _bomb(like, dataset, BOMBS[dataset])  # (kabarnusa: the site the crawl below reads)
    every_reader_names(out, part, dataset, "compression bomb", tmp_path)


@pytest.mark.parametrize("damage", ["bomb", "truncated", "fifo"])
def test_a_warc_export_checks_the_raw_parts_it_reads(damage: str, demo: Path, tmp_path: Path) -> None:
    """``export --format warc`` read the raw archive unchecked: a truncated part was a traceback,
    a bomb behind the articles' fetch ids was decoded (a traceback after gigabytes), a FIFO's rows
    were left out without a word. Now named as the articles' parts are; --skip-bad leaves it out,
    named."""
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    part = sorted((out / "raw").rglob("*.parquet"))[0]
    if damage == "bomb":
        part = _bomb(part, "raw", "body", same_ids=True)
    elif damage == "truncated":
        part.write_bytes(part.read_bytes()[:5000])
    else:
        part = part.parent / "part-pipa.parquet"
        os.mkfifo(part)
    r, rss = _measured("export", str(out), "--format", "warc", "--out", str(tmp_path / "w"))
    assert r.returncode == 2 and part.name in one_line(r) and rss < 600, (r.stderr[-800:], rss)
    r, rss = _measured("export", str(out), "--format", "warc", "--out", str(tmp_path / "w"), "--skip-bad")
    assert r.returncode == 0 and f"skipped bad part {part}" in r.stderr, r.stderr[-800:]
    assert "exported" in r.stdout and rss < 600, (r.stdout, rss)


def test_a_long_constant_value_is_a_bomb_and_kliping_parts_are_not(demo: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:
    """The footer alone says so (no page decoded): one long string of a constant byte, made small
    here with the bound (a 500 MB value against the real 256 MB)."""
    monkeypatch.setattr(storage, "BOMB_BYTES", 1 << 20)
    like = sorted((demo / "articles").rglob("*.parquet"))[0]
    table = pq.read_table(like)
    text = table.schema.get_field_index("text")
    for name, value, bomb in (("constant", "a" * (4 << 20), True),
                              ("varied", " ".join(str(i * 7919 % 100003) for i in range(700_000)), False)):
        col = pa.array([value] + [None] * (table.num_rows - 1), pa.string())
        path = tmp_path / f"{name}.parquet"
        pq.write_table(table.set_column(text, "text", col), path, compression="zstd",
                       use_dictionary=False)
        reason = check_part(path, DATASETS["articles"])
        assert (reason is not None and "compression bomb" in reason) is bomb, (name, reason)
    for part in demo.rglob("*.parquet"):  # what kliping writes is never one
        assert check_part(part, DATASETS.get(part.relative_to(demo).parts[0]), deep=True) is None


# -- ingest of a path that is no file --------------------------------------------------------------


def _ingest(*sources: str, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(kliping_cmd("ingest", *sources, "--out", str(out), "--no-progress"),
                          capture_output=True, text=True, timeout=60)


def test_ingest_of_what_is_no_file_names_it_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.warc.gz"
    os.mkfifo(fifo)
    sock = tmp_path / "soket.warc"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    loop = tmp_path / "putar.warc"
    loop.symlink_to(loop.name)
    dangling = tmp_path / "hilang.warc"
    dangling.symlink_to("tidak-ada.warc")
    zero = tmp_path / "nol.warc"
    zero.symlink_to("/dev/zero")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "di-dalam.warc")
    listed = tmp_path / "a.paths"
    listed.write_text(f"{fifo}\n")
    relative = tmp_path / "b.paths"
    relative.write_text(f"{fifo.name}\n")
    cases = [(fifo, "named pipe"), ("/dev/zero", "character device"), ("/dev/urandom", "character device"),
             (zero, "character device"), (sock, "socket"), (loop, "symlink loop"),
             (dangling, "symlink to nothing")]
    try:
        for source, kind in cases:  # a SOURCE: bad usage, refused before the run opens
            r = _ingest(str(source), out=tmp_path / "out")  # (a hang fails at the timeout)
            assert r.returncode == 2, (source, r.returncode, r.stderr)
            line = one_line(r)
            assert kind in line and "no such file" not in line, (source, line)
        assert not (tmp_path / "out").exists()
    finally:
        server.close()
    # a line of a paths file or a file of a directory is one of its files: that file fails (named),
    # the others are read (the FIFO hung the run; the relative one was fetched from the data host,
    # Common Crawl's; the one in a directory was left out without a word)
    good = write_warc(folder / "baik.warc", [p for p in sample_pages() if p.status == 200][:2],
                      extras=False)
    for paths in (listed, relative):
        paths.write_text(paths.read_text() + f"{good}\n")
    for source in (listed, relative, folder):
        r = _ingest(str(source), out=tmp_path / f"out-{source.stem}")
        assert r.returncode == 1 and "named pipe" in one_line(r) and "kept 2" in r.stdout, r.stderr


def test_a_fifo_put_where_a_warc_file_was_listed_is_not_waited_on(tmp_path: Path) -> None:
    """Listed as a regular file, then replaced by a FIFO before it is read: refused at open."""
    from kliping.warc.sources import WarcFile, open_warc

    fifo = tmp_path / "x.warc"
    os.mkfifo(fifo)
    seen: list[BaseException | None] = []

    def read() -> None:
        try:
            with open_warc(WarcFile(str(fifo), str(fifo))):
                seen.append(None)
        except OSError as exc:
            seen.append(exc)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # let the blocked open go (a writer), then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        t.join(10)
        pytest.fail("open_warc waited on a FIFO")
    assert isinstance(seen[0], OSError) and "named pipe" in str(seen[0]), seen


# -- a whole-file gzip whose bytes inflate wrong ---------------------------------------------------


def _spoiled_whole_file_gzip(path: Path, pages: int = 120) -> tuple[bytes, bytes, str]:
    """A whole-file-gzip WARC (stored deflate blocks: every byte inflates as written) with one bit
    flipped in a page early in the file, the gzip trailer the unspoiled file's. Returns the file,
    the spoiled bytes and the spoiled page's URL."""
    ps = [variant(sample_pages()[k % 10], k) for k in range(pages)]
    plain = write_warc(path.with_suffix(""), ps, extras=False, compress=False).read_bytes()
    target = ps[3]
    at = plain.find(target.body[300:340]) + 5
    bad = bytearray(plain)
    bad[at] ^= 0x01
    z = zlib.compressobj(0, zlib.DEFLATED, 31)
    data = z.compress(bytes(bad)) + z.flush()
    data = data[:-8] + struct.pack("<II", zlib.crc32(plain), len(plain) & 0xFFFFFFFF)
    path.write_bytes(data)
    return data, bytes(bad[at - 20:at + 20]), target.url


def test_a_block_that_does_not_match_its_digest_is_damaged_not_read(tmp_path: Path) -> None:
    data, spoiled, url = _spoiled_whole_file_gzip(tmp_path / "x.warc.gz")
    assert len(data) > 1 << 20  # past one zlib call: records are handed on before the checksum
    damaged: list[tuple[int, str]] = []
    got = list(iter_records(io.BytesIO(data), on_damage=lambda at, why: damaged.append((at, why))))
    assert not [r for r in got if r.block is not None and spoiled in r.block]
    assert url not in {r.headers.get("warc-target-uri") for r in got if r.type == "response"}
    assert any("WARC-Block-Digest" in why for _, why in damaged), damaged
    assert any("gzip" in why for _, why in damaged), damaged  # the checksum, still reported


def test_ingest_keeps_no_page_of_wrong_bytes(tmp_path: Path) -> None:
    _, spoiled, url = _spoiled_whole_file_gzip(tmp_path / "x.warc.gz")
    r = _ingest(str(tmp_path / "x.warc.gz"), out=tmp_path / "out")
    assert r.returncode == 1 and "WARC-Block-Digest" in r.stderr, r.stderr[-800:]
    raw = pq.read_table(tmp_path / "out" / "raw", columns=["url", "body"])
    assert url not in raw.column("url").to_pylist()
    assert not [b for b in raw.column("body").to_pylist() if spoiled in b]
    assert raw.num_rows > 100  # the pages before and after it are kept


@pytest.mark.parametrize("form", ["base32", "hex", "sha256", "unknown", "junk", "none"])
def test_digests_in_every_form_check_and_others_pass(form: str) -> None:
    from kliping.warc.reader import digest_fails

    block = b"HTTP/1.1 200 OK\r\n\r\n<html>isi</html>"
    sha1 = hashlib.sha1(block).digest()
    value = {"base32": "sha1:" + __import__("base64").b32encode(sha1).decode(),
             "hex": "sha1:" + sha1.hex(), "none": None, "junk": "sha1:!!not a digest!!",
             "sha256": "sha256:" + __import__("base64").b32encode(hashlib.sha256(block).digest())
             .decode().rstrip("="), "unknown": "xxh3:abcdef"}[form]
    assert not digest_fails(value, block)
    assert digest_fails(value, block[:-1] + b"!") is (form in ("base32", "hex", "sha256"))


def test_an_honest_warc_reads_whole_with_its_digests(tmp_path: Path) -> None:
    for name in ("x.warc", "x.warc.gz"):
        path = write_warc(tmp_path / name, sample_pages())
        damaged: list[tuple[int, str]] = []
        with open(path, "rb") as fh:
            got = list(iter_records(fh, on_damage=lambda at, why, d=damaged: d.append((at, why))))
        assert not damaged and all(r.headers.get("warc-block-digest") for r in got)
        with open(path, "rb") as fh:
            assert len(got) == len(list(iter_records(fh)))


# -- a content-encoding bomb is counted in ingest's summary ---------------------------------------


def test_a_content_encoding_bomb_is_counted_in_the_summary(tmp_path: Path) -> None:
    page = next(p for p in sample_pages() if p.status == 200)
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(z.compress(b"\0" * (1 << 24)) for _ in range(4)) + z.flush()  # 64 MiB

    def record(url: str, block: bytes) -> bytes:
        return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:r:%d>\r\n"
                b"WARC-Date: 2024-01-11T03:04:05Z\r\nWARC-Target-URI: %s\r\n"
                b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                % (len(url), url.encode(), len(block)) + block + b"\r\n\r\n")

    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    (tmp_path / "x.warc").write_bytes(
        record(page.url + "-bom", http + b"Content-Encoding: gzip\r\n\r\n" + bomb)
        + record(page.url + "-bom2", http + b"Content-Encoding: gzip, gzip\r\n\r\n" + gzip.compress(bomb))
        + record(page.url, http + b"\r\n" + page.body))
    r = _ingest(str(tmp_path / "x.warc"), out=tmp_path / "out")
    assert r.returncode == 0, r.stderr[-800:]
    assert "responses 3; kept 1" in r.stdout and "refused 2: 2 content encoding bad" in r.stdout, r.stdout


# -- a whole-file gzip lie past the bytes held -----------------------------------------------------


class _NoSeek(io.BytesIO):
    def seekable(self) -> bool:
        return False

    def seek(self, *args, **kwargs):  # an HTTP response, a pipe
        raise io.UnsupportedOperation("seek")


def _lying_whole_file_gzip(lies: dict[int, int], n: int = 8) -> bytes:
    from tests.hostile.test_audit6 import _record

    return gzip.compress(b"".join(_record(i, lies.get(i, 0)) for i in range(n)))


@pytest.mark.parametrize("lies", [{3: 1500}, {3: 10**6}, {0: 1100}, {2: 1200, 5: 1300}], ids=str)
def test_a_whole_file_gzip_lie_past_the_bytes_held_gives_back_what_it_swallowed(
        lies: dict[int, int], monkeypatch) -> None:
    """A block not kept that claims past the look-ahead (16 MiB) and runs on past the bytes held
    (16 MiB), both made small: the member is inflated again from its start up to the first line
    inside the block that opens a record (every swallowed record was lost, counted)."""
    from kliping.warc import reader

    monkeypatch.setattr(reader, "PEEK_MAX", 1000)
    monkeypatch.setattr(reader, "HOLD_MAX", 600)
    data = _lying_whole_file_gzip(lies)
    want = [str(i) for i in range(8) if i not in lies]
    for stream, whole in ((io.BytesIO(data), True), (_NoSeek(data), False)):
        damaged: list[tuple[int, str]] = []
        got = [r.headers["warc-record-id"][7:-1] for r in iter_records(
            stream, want=lambda h, n: False, on_damage=lambda at, why, d=damaged: d.append((at, why)))]
        if whole:
            assert got == want and len(damaged) == len(lies), (got, damaged)
        else:  # no seeking: lost as before, and counted
            assert set(got) < set(want) and damaged, (got, damaged)


def test_inflating_again_is_capped_per_file(monkeypatch) -> None:
    """Each read again costs the member so far: at most MAX_REREADS a file, then lost and counted
    as before (a file of many lies costs linear time, not quadratic)."""
    from kliping.warc import reader

    monkeypatch.setattr(reader, "PEEK_MAX", 1000)
    monkeypatch.setattr(reader, "HOLD_MAX", 600)
    monkeypatch.setattr(reader, "MAX_REREADS", 2)
    lies = {2: 1200, 6: 1200, 10: 1200, 14: 1200}
    data = _lying_whole_file_gzip(lies, 18)
    damaged: list[tuple[int, str]] = []
    got = [r.headers["warc-record-id"][7:-1] for r in iter_records(
        io.BytesIO(data), want=lambda h, n: False,
        on_damage=lambda at, why: damaged.append((at, why)))]
    assert got[:6] == ["0", "1", "3", "4", "5", "7"] and damaged  # the first two given back
    assert len(got) < 18 - len(lies)  # then the third lie's span is lost, and counted
