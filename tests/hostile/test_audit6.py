"""A sixth outside audit (session 19): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands in child processes, real files, Parquet read back with
pyarrow.

- a WARC record whose ``Content-Length`` lies (says more, or less, than the record holds), in a
  plain, a gzip-per-record and a whole-file-gzip WARC: the reading of the whole file ended there,
  and every record after it was lost (``kliping ingest`` kept the records before it only).
"""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kliping.warc.reader import WarcFormatError, iter_records
from tests.conftest import kliping
from tests.warc_fixtures import sample_pages, write_warc

# -- a Content-Length that lies ------------------------------------------------------------------

MODES = ("plain", "per-record", "whole-file")


def _record(i: int, lie: int = 0) -> bytes:
    body = (f"<html>rekaman {i} " + "isi " * (20 + 7 * i) + "</html>").encode()
    head = (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:r:{i}>\r\n"
            f"Content-Length: {len(body) + lie}\r\n\r\n").encode()
    return head + body + b"\r\n\r\n"


def _pack(records: list[bytes], mode: str) -> bytes:
    if mode == "plain":
        return b"".join(records)
    if mode == "per-record":
        return b"".join(gzip.compress(r) for r in records)
    return gzip.compress(b"".join(records))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lies", [{3: 40}, {3: -40}, {3: 10**6}, {0: 9}, {7: 30}, {7: -30},
                                  {2: 25, 5: -12}], ids=str)
@pytest.mark.parametrize("keep", [True, False], ids=["kept", "skipped"])
def test_a_lying_content_length_loses_only_its_own_record(mode: str, lies: dict[int, int],
                                                          keep: bool) -> None:
    data = _pack([_record(i, lies.get(i, 0)) for i in range(8)], mode)
    damaged: list[tuple[int, str]] = []
    got = [r.headers["warc-record-id"] for r in iter_records(
        io.BytesIO(data), want=lambda h, n: keep, on_damage=lambda at, why: damaged.append((at, why)))]
    assert got == [f"<urn:r:{i}>" for i in range(8) if i not in lies]
    assert len(damaged) == len(lies)
    if mode != "whole-file":  # the offset names the damaged record (its member, gzipped)
        starts = [len(_pack([_record(j, lies.get(j, 0)) for j in range(i)], mode)) for i in range(8)]
        assert [at for at, _ in damaged] == [starts[i] for i in sorted(lies)]
    # without on_damage the file is corrupt, as before: an error, never a wrong record
    with pytest.raises(WarcFormatError):
        list(iter_records(io.BytesIO(data)))


@pytest.mark.parametrize("mode", MODES)
def test_an_honest_file_reads_the_same_with_on_damage(mode: str) -> None:
    data = _pack([_record(i) for i in range(8)], mode)
    plain = [(r.offset, r.block, r.resume_at) for r in iter_records(io.BytesIO(data))]
    damaged: list[tuple[int, str]] = []
    checked = [(r.offset, r.block, r.resume_at) for r in iter_records(
        io.BytesIO(data), on_damage=lambda at, why: damaged.append((at, why)))]
    assert checked == plain and not damaged and len(plain) == 8
    for offset, _, resume_at in checked:  # every resume point starts a record
        if resume_at is not None and resume_at < len(data):
            assert next(iter_records(io.BytesIO(data[resume_at:]))).offset == 0, (offset, resume_at)


def _lie_in_response(plain: bytes, nth: int, lie: int) -> tuple[bytes, str]:
    """``plain`` (a plain WARC) with the Content-Length of its ``nth`` response record changed by
    ``lie``; and that record's target URI."""
    records = re.split(rb"(?=WARC/1\.1\r\n)", plain)
    responses = [i for i, r in enumerate(records) if b"WARC-Type: response\r\n" in r]
    i = responses[nth]
    rec = records[i]
    n = int(re.search(rb"Content-Length: (\d+)\r\n", rec).group(1))
    records[i] = rec.replace(f"Content-Length: {n}\r\n".encode(),
                             f"Content-Length: {n + lie}\r\n".encode(), 1)
    uri = re.search(rb"WARC-Target-URI: (\S+)\r\n", rec).group(1).decode()
    return b"".join(records), uri


@pytest.mark.parametrize(("mode", "lie"), [("per-record", 300), ("whole-file", -200), ("plain", 5000)])
def test_ingest_keeps_every_page_around_a_lying_record(mode: str, lie: int, tmp_path: Path) -> None:
    pages = [p for p in sample_pages() if p.status == 200][:12]
    plain = write_warc(tmp_path / "all.warc", pages, extras=False).read_bytes()
    data, liar = _lie_in_response(plain, 5, lie)
    records = re.split(rb"(?=WARC/1\.1\r\n)", data)
    name = "bad.warc" if mode == "plain" else "bad.warc.gz"
    (tmp_path / name).write_bytes(_pack([r for r in records if r], mode))
    out = tmp_path / "out"
    r = kliping("ingest", str(tmp_path / name), "--out", str(out), "--no-progress", timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "Content-Length" in errors[0] and "offset" in errors[0], r.stderr
    urls = sorted(pq.read_table(out / "raw", columns=["url"]).column("url").to_pylist())
    assert urls == sorted(p.url for p in pages if p.url != liar)
    # a rerun adds nothing (no duplicate) and still says the file is damaged, or finds it done
    again = kliping("ingest", str(tmp_path / name), "--out", str(out), "--no-progress", timeout=120)
    assert again.returncode in (0, 1) and "Traceback" not in again.stderr, again.stderr
    assert sorted(pq.read_table(out / "raw", columns=["url"]).column("url").to_pylist()) == urls
