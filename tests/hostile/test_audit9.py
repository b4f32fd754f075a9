"""A ninth outside audit (session 22): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands in child processes (peak memory measured), real files,
Parquet read back with pyarrow.

- a Parquet part whose footer is honest and small while one data page header claims a gigabyte
  (and its few KB of zstd really inflate that far): Arrow inflates the page before anything
  compares it with the footer. ``stats``, ``export``, ``verify``, ``runs``, ``reclean`` and a crawl
  spent a gigabyte (2 GB a page, once per column read at a time) before naming the part
  "unreadable"; ``kliping ingest`` read the raw parts' keys with no check at all. A page claiming
  more values than its footer was named only as "unreadable" by whoever read it;
- a whole-file-gzip WARC whose records carry no WARC-Block-Digest, its deflate data spoiled so that
  it still inflates (the CRC fails only at the member's end): the records were handed on before,
  the spoiled one a silently wrong row (round 8 caught only digested ones). Now held until the
  member's CRC checks (bounded), dropped and counted where it fails;
- ``kliping ingest``'s "MB read" counted a member inflated again (round 8's give-back) twice;
- ``Retry-After: ²``: ``int()`` raised in the backoff middleware (a traceback, the request lost);
- a charset label naming a Python codec that is no charset (``base64``, ``zlib``, ``hex``,
  ``idna``…) in a page's header or ``<meta>``: the page lost as a "clean_error", and in a crawl
  ``response.text`` raised in the middlewares and callbacks (tracebacks, robots.txt, listings and
  articles lost);
- a robots.txt of megabytes of rules, parsed whole in the reactor thread (9.5 MB: 9 s, then 0.2 s
  of every request's check): now read up to RFC 9309's 500 KiB;
- a site file's ``first_page=10**5000`` refused as the fault of another field (``sources[0].url``),
  ``max_pages=10**40`` taken: both bounded now, the field named.

Already withstood (no change): an export whose rows are all null in a column keeps the schema's
types (no null type), an empty export too; ``Retry-After`` of ten years (capped), of year 99999 or
0001; Set-Cookie floods (cookies are off); a symlinked ``articles/`` in a reclean's ``--out`` (the
link is replaced, its target left as it was).
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kliping.dataset.schema import DATASETS
from kliping.dataset.storage import check_part, file_schema
from tests.conftest import kliping_cmd, one_line
from tests.hostile.test_audit8 import _measured, every_reader_names

# -- a page header that claims more than its footer ------------------------------------------------
# A Thrift compact codec (whole values kept), enough to rewrite one page header in place.


def _uvarint(b: bytes, p: int) -> tuple[int, int]:
    r = s = 0
    while True:
        c = b[p]
        p += 1
        r |= (c & 0x7F) << s
        s += 7
        if not c & 0x80:
            return r, p


def _dec_val(b: bytes, p: int, t: int):
    if t == 3:
        return b[p], p + 1
    if t in (4, 5, 6):
        v, p = _uvarint(b, p)
        return (v >> 1) ^ -(v & 1), p
    if t == 7:
        return b[p:p + 8], p + 8
    if t == 8:
        n, p = _uvarint(b, p)
        return bytes(b[p:p + n]), p + n
    if t in (9, 10):
        h = b[p]
        p += 1
        n, et = h >> 4, h & 15
        if n == 15:
            n, p = _uvarint(b, p)
        out = []
        for _ in range(n):
            v, p = _dec_val(b, p, et)
            out.append(v)
        return (et, out), p
    if t == 12:
        return _dec_struct(b, p)
    raise ValueError(t)


def _dec_struct(b: bytes, p: int):
    fields, last = [], 0
    while True:
        h = b[p]
        p += 1
        if h == 0:
            return fields, p
        t, d = h & 15, h >> 4
        if d:
            fid = last + d
        else:
            v, p = _uvarint(b, p)
            fid = (v >> 1) ^ -(v & 1)
        if t in (1, 2):
            val = t == 1
        else:
            val, p = _dec_val(b, p, t)
        fields.append((fid, t, val))
        last = fid


def _enc_uvarint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes(out + bytes([n]))


def _enc_val(t: int, v) -> bytes:
    if t == 3:
        return bytes([v])
    if t in (4, 5, 6):
        return _enc_uvarint((v << 1) ^ (v >> 63))
    if t == 7:
        return v
    if t == 8:
        return _enc_uvarint(len(v)) + v
    if t in (9, 10):
        et, items = v
        n = len(items)
        head = bytes([n << 4 | et]) if n < 15 else bytes([0xF0 | et]) + _enc_uvarint(n)
        return head + b"".join(_enc_val(et, x) for x in items)
    if t == 12:
        return _enc_struct(v)
    raise ValueError(t)


def _enc_struct(fields) -> bytes:
    out, last = bytearray(), 0
    for fid, t, v in fields:
        tt = (1 if v else 2) if t in (1, 2) else t
        d = fid - last
        out += bytes([d << 4 | tt]) if 0 < d < 16 else bytes([tt]) + _enc_uvarint(fid << 1)
        if t not in (1, 2):
            out += _enc_val(t, v)
        last = fid
    return bytes(out + b"\0")


def _zstd_run(n: int) -> bytes:
    """A zstd frame of RLE blocks (4 bytes each) that inflates to ``n`` zero bytes."""
    out = bytearray(b"\x28\xb5\x2f\xfd\x00\x38")  # magic; no content size; a 128 KB window
    while n > 0:
        k = min(n, 1 << 17)
        n -= k
        out += ((k << 3) | (1 << 1) | (n == 0)).to_bytes(3, "little") + b"\0"
    return bytes(out)


def _lie_in_page(part: Path, column: str, claim: int | None = None, values: int | None = None) -> None:
    """Rewrite the first data page header of ``column`` in place (same length): it claims
    ``claim`` bytes decoded, its payload a zstd frame that inflates that far (padded with a
    skippable frame); or ``values`` values. The footer is left as written."""
    b = bytearray(part.read_bytes())
    md = pq.ParquetFile(part).metadata
    names = [md.row_group(0).column(i).path_in_schema for i in range(md.num_columns)]
    c = md.row_group(0).column(names.index(column))
    p = c.data_page_offset
    header, q = _dec_struct(b, p)
    packed = dict((f, v) for f, _, v in header)[3]
    new = []
    for f, t, v in header:
        if f == 2 and claim is not None:
            v = claim
        if f == 5:  # the data page header: its statistics dropped (room), its count of values
            v = [(ff, tt, values if ff == 1 and values is not None else vv) for ff, tt, vv in v if ff != 5]
        new.append((f, t, v))
    gap = (q - p) - len(_enc_struct(new))
    assert gap >= 0, gap
    if gap:  # an unknown field readers skip: a bool (1 byte) or a string
        new.append((15, 1, True) if gap == 1 else (15, 8, b"\0" * (gap - 2)))
    b[p:q] = _enc_struct(new)
    assert len(_enc_struct(new)) == q - p
    if claim is not None:
        payload = _zstd_run(claim)
        assert len(payload) + 8 <= packed, (len(payload), packed)
        b[q:q + packed] = payload + struct.pack("<II", 0x184D2A50, packed - len(payload) - 8) + \
            b"\0" * (packed - len(payload) - 8)
    part.write_bytes(bytes(b))


def _roomy_part(like: Path, dataset: str, column: str) -> Path:
    """A part of ``dataset`` in the shape of ``like`` (its first row, new ids) whose ``column``
    holds 200 KB of random hex a row (room for the lying page's payload)."""
    row = pq.read_table(like).slice(0, 1).to_pylist()[0]
    schema = file_schema(DATASETS[dataset])
    cols = []
    for f in schema:
        if f.name == column:
            cols.append(pa.array([os.urandom(100_000).hex().encode() if pa.types.is_binary(f.type)
                                  else os.urandom(100_000).hex() for _ in range(3)], f.type))
        elif f.name in ("id", "fetch_id", "run_id"):
            cols.append(pa.array([f"liar-{i}" for i in range(3)], f.type))
        else:
            cols.append(pa.array([row.get(f.name)] * 3, f.type))
    part = like.parent / "part-liar.parquet"
    pq.write_table(pa.Table.from_arrays(cols, names=schema.names), part, compression="zstd",
                   use_dictionary=False, store_schema=False)
    return part




CLAIM = 1 << 30  # 1 GB decoded, from ~32 KB of zstd
LIARS = {"articles": "text", "raw": "body", "runs": "health"}


@pytest.mark.parametrize("dataset", sorted(LIARS))
def test_a_page_that_claims_more_than_its_footer_is_named_by_every_reader(
        dataset: str, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    like = sorted((out / dataset).rglob("*.parquet"), key=lambda p: "site=kabarnusa" not in str(p))[0]
    part = _roomy_part(like, dataset, LIARS[dataset])
    assert check_part(part, DATASETS[dataset], deep=True) is None  # sound before the lie
    _lie_in_page(part, LIARS[dataset], claim=CLAIM)
    assert pq.ParquetFile(part).metadata.row_group(0).total_byte_size < 2_000_000  # the footer: small
    every_reader_names(out, part, dataset, "claims", tmp_path)


def test_ingest_checks_the_raw_parts_whose_keys_it_reads(demo: Path, tmp_path: Path) -> None:
    """``kliping ingest`` reads the archive's keys (``url_key``, ``status``) to skip what it
    holds: it read them with no check at all, a lying page there cost its gigabyte."""
    from tests.warc_fixtures import sample_pages, write_warc

    out = tmp_path / "out"
    shutil.copytree(demo, out)
    like = sorted((out / "raw").rglob("*.parquet"))[0]
    row = pq.read_table(like).slice(0, 1).to_pylist()[0]
    n = 8000  # 64 KB of random keys: room for the lying page's payload
    cols = []
    schema = file_schema(DATASETS["raw"])
    for f in schema:
        if f.name == "url_key":
            cols.append(pa.array(list(struct.unpack(f"<{n}Q", os.urandom(8 * n))), f.type))
        elif f.name in ("body",):
            cols.append(pa.array([b"x"] * n, f.type))
        else:
            cols.append(pa.array([row.get(f.name)] * n, f.type))
    part = like.parent / "part-liar.parquet"
    pq.write_table(pa.Table.from_arrays(cols, names=schema.names), part, compression="zstd",
                   use_dictionary=False, store_schema=False)
    _lie_in_page(part, "url_key", claim=CLAIM)
    warc = write_warc(tmp_path / "a.warc", [p for p in sample_pages() if p.status == 200][:2], extras=False)
    r, rss = _measured("ingest", str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 2 and part.name in one_line(r) and "claims" in r.stderr, r.stderr[-800:]
    assert rss < 600, rss


def test_a_page_claiming_more_values_than_its_footer_is_named(demo: Path, tmp_path: Path) -> None:
    like = sorted((demo / "articles").rglob("*.parquet"))[0]
    part = _roomy_part(like, "articles", "text")
    part = shutil.move(part, tmp_path / part.name)
    _lie_in_page(Path(part), "text", values=1 << 30)
    reason = check_part(part, DATASETS["articles"])
    assert reason is not None and "more values" in reason, reason


def test_kliping_parts_have_no_lying_page(demo: Path) -> None:
    from kliping.dataset.pages import page_lie

    for part in demo.rglob("*.parquet"):
        with pq.ParquetFile(part) as pf:
            assert page_lie(part, pf) is None, part


# -- a whole-file gzip of records without digests: held until its CRC checks ----------------------


def _undigested_whole_file(n: int = 12, spoil: int | None = 3, level: int = 0) -> tuple[bytes, bytes]:
    """A whole-file-gzip WARC of ``n`` records without WARC-Block-Digest (as any writer may leave
    it out), stored deflate blocks (a flipped byte inflates, wrong), record ``spoil`` with one
    bit flipped and the trailer of the unspoiled bytes. Returns the file and the spoiled bytes."""
    from tests.hostile.test_audit6 import _record

    plain = b"".join(_record(i, text=f"kata{i} " * 15_000) for i in range(n))  # 100 KB each:
    bad = bytearray(plain)  # the member takes many reads (a failed read gives nothing of it)
    spoiled = b""
    if spoil is not None:
        at = plain.index(b"rekaman %d " % spoil) + 3
        bad[at] ^= 0x01
        spoiled = bytes(bad[at - 6:at + 6])
    z = zlib.compressobj(level, zlib.DEFLATED, 31)
    data = z.compress(bytes(bad)) + z.flush()
    return data[:-8] + struct.pack("<II", zlib.crc32(plain), len(plain) & 0xFFFFFFFF), spoiled


def _read_all(data: bytes, keep: bool = True) -> tuple[list, list[tuple[int, str]]]:
    from kliping.warc.reader import iter_records

    damaged: list[tuple[int, str]] = []
    got = list(iter_records(io.BytesIO(data), want=lambda h, n: keep,
                            on_damage=lambda at, why: damaged.append((at, why))))
    return got, damaged


def test_an_undigested_record_of_a_member_whose_crc_fails_is_not_handed_on() -> None:
    """The CRC fails at the member's end: every record of it had been handed on, the spoiled one
    a silently wrong row. Now they are held until the CRC checks: none is handed on, each is
    reported (counted), and a member after it (whole-file gzips joined) is read whole."""
    data, spoiled = _undigested_whole_file()
    good, _ = _undigested_whole_file(4, spoil=None)
    got, damaged = _read_all(data + good)
    assert not [r for r in got if r.block and spoiled in r.block]
    assert [r.headers["warc-record-id"] for r in got] == [f"<urn:r:{i}>" for i in range(4)], got
    lost = [why for _, why in damaged if "proved bad" in why]  # (the last read's are lost as before)
    assert len(lost) >= 9 and any("gzip" in why and "proved" not in why for _, why in damaged), damaged


def test_an_honest_undigested_whole_file_gzip_reads_the_same() -> None:
    """Held, then handed on in order once the CRC checks: the same records, the same resume
    points, as an uncompressed reading (and skipped blocks too)."""
    from tests.hostile.test_audit6 import _record

    plain = b"".join(_record(i) for i in range(20))
    for data in (gzip.compress(plain), b"".join(gzip.compress(_record(i)) for i in range(20)),
                 gzip.compress(plain[:2000]) + gzip.compress(plain[2000:])):
        for keep in (True, False):
            got, damaged = _read_all(data, keep)
            assert not damaged
            assert [r.headers["warc-record-id"] for r in got] == [f"<urn:r:{i}>" for i in range(20)]
            if keep:
                assert [r.block for r in got] == [_record(i).split(b"\r\n\r\n")[1] for i in range(20)]


def test_held_records_are_bounded_and_what_went_before_is_said(monkeypatch) -> None:
    """Past PENDING_MAX (made small) the oldest held records are handed on unproved: when the
    member's data then proves bad, the report says how many."""
    from kliping.warc import reader

    monkeypatch.setattr(reader, "PENDING_MAX", 300_000)  # three records of 100 KB
    data, spoiled = _undigested_whole_file(30, spoil=28)
    got, damaged = _read_all(data)
    assert got and not [r for r in got if r.block and spoiled in r.block]
    told = [why for _, why in damaged if "handed on before" in why]
    assert len(told) == 1 and told[0].startswith(f"{len(got)} records"), damaged


def test_ingest_of_an_undigested_spoiled_whole_file_gzip_keeps_no_wrong_row(tmp_path: Path) -> None:
    from tests.warc_fixtures import sample_pages, variant

    pages = [variant(sample_pages()[k % 10], k) for k in range(30)]
    pages = [p for p in pages if p.status == 200]
    recs = []
    for k, p in enumerate(pages):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + p.body
        recs.append(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:p:%d>\r\n"
                    b"WARC-Date: 2024-01-11T03:04:05Z\r\nWARC-Target-URI: %s\r\n"
                    b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                    % (k, p.url.encode(), len(http)) + http + b"\r\n\r\n")
    half = len(recs) // 2
    first = b"".join(recs[:half])
    target = pages[2].body[300:340]
    at = first.index(target) + 5
    bad = bytearray(first)
    bad[at] ^= 0x01
    z = zlib.compressobj(0, zlib.DEFLATED, 31)
    member = z.compress(bytes(bad)) + z.flush()
    member = member[:-8] + struct.pack("<II", zlib.crc32(first), len(first) & 0xFFFFFFFF)
    (tmp_path / "x.warc.gz").write_bytes(member + gzip.compress(b"".join(recs[half:])))
    r = subprocess.run(kliping_cmd("ingest", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "out"),
                                   "--no-progress"), capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "gzip" in r.stderr, r.stderr[-800:]
    assert "damaged records skipped" in r.stderr, r.stderr[-800:]  # its records, and the member
    raw = pq.read_table(tmp_path / "out" / "raw", columns=["url", "body"])
    assert sorted(raw.column("url").to_pylist()) == sorted(p.url for p in pages[half:])
    assert not [b for b in raw.column("body").to_pylist() if bytes(bad[at - 5:at + 5]) in b]


# -- ingest's "MB read": a member inflated again is not counted twice --------------------------------


def test_bytes_read_count_each_byte_of_the_file_once(monkeypatch) -> None:
    """Round 8 inflates a whole-file gzip again from its start to give back what a lie swallowed
    (a plain file is read again from a line inside the lying block): those bytes were counted
    again, and ``kliping ingest`` said it read more MB than the file holds."""
    from kliping.warc import reader
    from tests.hostile.test_audit6 import _record
    from tests.hostile.test_audit8 import _lying_whole_file_gzip

    monkeypatch.setattr(reader, "PEEK_MAX", 1000)
    monkeypatch.setattr(reader, "HOLD_MAX", 600)
    monkeypatch.setattr(reader, "READ_CHUNK", 512)  # several reads, and reads again
    plain = b"".join(_record(i, 1500 if i == 3 else 0) for i in range(8))
    for data in (_lying_whole_file_gzip({3: 1500}), plain):
        counter = [0]
        got = list(reader.iter_records(io.BytesIO(data), want=lambda h, n: False, counter=counter,
                                       on_damage=lambda at, why: None))
        assert len(got) == 7 and counter[0] == len(data), (len(got), counter[0], len(data))


# -- a Retry-After of a digit int() does not read --------------------------------------------------


def test_a_retry_after_of_a_superscript_digit_is_no_traceback(tmp_path: Path, site) -> None:
    """``Retry-After: ²`` (a Latin-1 byte, a digit to ``str.isdigit``): ``int()`` raised inside
    the backoff middleware, a traceback in the crawl's log and the throttled request lost (never
    retried). Now read as no Retry-After: the domain backs off and the request is retried."""
    from kliping.crawler.netguard import retry_after_seconds
    from tests.hostile.test_network import ARTICLE_URLS, HOST, crawl

    for value in (b"\xb2", "\u00b9", "\u0663", "\u2075"):
        assert retry_after_seconds(value) is None, value
    site.set(throttle={"/feed/": (1, "\u00b2")})
    run = crawl(tmp_path, site.mirror(HOST), "-s", "KLIPING_BACKOFF_BASE=0.1")
    run.clean()
    assert site.hits[f"https://{HOST}/feed/"] == 2 and run.stat("kliping/throttle/responses") == 1
    assert run.archived() == ARTICLE_URLS


# -- a charset label that names no charset ---------------------------------------------------------

NO_CHARSETS = ("base64", "zlib", "hex", "rot13", "idna", "undefined", "punycode", "unicode_escape")


def test_a_page_naming_a_codec_that_is_no_charset_is_read_as_a_browser_reads_it(tmp_path: Path) -> None:
    """``charset=base64`` (zlib, hex, rot13: codecs from bytes to bytes; idna, undefined): Python's
    ``bytes.decode`` raised with it, so a good page naming one in its header or its ``<meta>`` was
    lost, as a "clean_error" row (``extract``, ``reclean``, a crawl's cleaning). A browser ignores
    a label it does not know: so does kliping now (the page's <meta>, then UTF-8)."""
    from kliping.clean.decode import decode

    body = ("<html><head><title>Judul</title></head><body><p>Warga menanam bakau — "
            "seribu pohon.</p></body></html>").encode()
    for label in NO_CHARSETS:
        assert "bakau — seribu" in decode(body, {"Content-Type": f"text/html; charset={label}"}), label
        meta = body.replace(b"<head>", f'<head><meta charset="{label}">'.encode())
        assert "bakau — seribu" in decode(meta, {"Content-Type": "text/html"}), label
    page = tmp_path / "p.html"
    words = " ".join(f"kata{i}" for i in range(300))
    page.write_text(f'<html><head><meta charset="base64"><title>Warga Tanam Bakau</title></head><body>'
                    f"<article><h1>Warga Tanam Bakau</h1><p>{words}.</p><p>{words}.</p></article>"
                    "</body></html>")
    r = subprocess.run(kliping_cmd("extract", str(page), "--url", "https://berita.example/2025/03/10/a/"),
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and '"kind"' not in r.stdout and "kata299" in r.stdout, r.stdout[-500:]


def test_a_crawl_reads_pages_whose_charset_label_is_no_charset(tmp_path: Path, site) -> None:
    """Scrapy reads ``response.text`` through the same labels: an article page, the feed and the
    home page served as ``charset=base64`` raised in the meta refresh middleware and the spider's
    callbacks (tracebacks, the pages lost). Each is now read as if it named no charset."""
    from tests.hostile.server import ARTICLES
    from tests.hostile.test_network import ARTICLE_URLS, HOST, crawl

    site.set(content_types={ARTICLES[0][0]: "text/html; charset=base64",
                            ARTICLES[1][0]: "text/html; charset=idna",
                            "/": "text/html; charset=zlib", "/robots.txt": "text/plain; charset=hex"})
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.archived() >= ARTICLE_URLS
    titles = pq.read_table(tmp_path / "articles", columns=["url", "title"]).to_pylist()
    assert {t["url"] for t in titles if t["title"]} >= ARTICLE_URLS, titles


# -- a robots.txt of megabytes of rules --------------------------------------------------------------


def test_a_huge_robots_txt_is_read_up_to_500_kib(tmp_path: Path, site) -> None:
    """Up to DOWNLOAD_MAXSIZE (16 MB) of rules were parsed whole, in the reactor thread: 9.5 MB took
    9 s to parse, then 0.2 s of every request's check (a site could stall its crawl for hours).
    Read up to RFC 9309's 500 KiB, as Google does; the rules after it (here a last ``Disallow: /``)
    are ignored, and counted."""
    from tests.hostile.test_network import ARTICLE_URLS, HOST, crawl

    rules = "".join(f"Disallow: /tidak-ada/{i}/\n" for i in range(30_000))  # ~750 KB
    site.set(robots=f"User-agent: *\n{rules}Disallow: /\n")
    run = crawl(tmp_path, site.mirror(HOST))
    run.clean()
    assert run.stat("kliping/robots/truncated") == 1
    assert run.archived() == ARTICLE_URLS


# -- a site file's page numbers past any archive -----------------------------------------------------


@pytest.mark.parametrize("field, value", [("first_page", "10**5000"), ("max_pages", "10**40")])
def test_a_date_index_page_number_past_any_archive_is_refused_naming_it(
        field: str, value: str, tmp_path: Path) -> None:
    """``first_page=10**5000`` was refused as the fault of ``sources[0].url`` (formatting the example
    URL could not turn the number into digits); ``max_pages=10**40`` was taken. Both are now
    bounded (at most 10**9) and refused naming the field."""
    from tests.hostile.test_audit4_sites import _run, _site_file

    path = _site_file(tmp_path / "sites", sources="(Source('date_index', 'https://kabar.example/indeks"
                                                   f"/{{date}}/{{page}}', {field}={value}),)")
    r = _run("sites", sites=path.parent, timeout=60)
    assert r.returncode == 2, (r.returncode, r.stderr)
    line = one_line(r)
    assert f"'sources[0].{field}'" in line and "from " in line, line
