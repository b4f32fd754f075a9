"""``kliping ingest``: WARC files, directories, paths files and cc-news: through a local mirror.

The WARC files are written here with warcio (tests/warc_fixtures.py) from the bundled sample
sites' pages, with request, metadata, revisit, image, 404 and other-domain records around them.
Every run is the real command in a child process; the output is read back with pyarrow.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from kliping.crawler.seen import SeenSet
from kliping.dataset.storage import PartWriter, read_dataset
from kliping.warc.reader import WarcFormatError, iter_records
from tests.conftest import kliping, kliping_cmd
from tests.warc_fixtures import (
    OTHER_URL,
    USER_AGENT,
    WARC_DATE,
    Page,
    other_domain_page,
    sample_pages,
    serve_directory,
    truncate,
    variant,
    write_warc,
    write_wire_warc,
)

SKIP = {"fetch_id", "run_id"}


def _ok(pages: list[Page]) -> list[Page]:
    return [p for p in pages if p.status == 200]


def raw_rows(out: Path) -> list[dict]:
    return read_dataset(out / "raw", "raw").to_pylist()


def articles(out: Path) -> list[dict]:
    return read_dataset(out / "articles", "articles").to_pylist()


def _norm(key: str, v: object) -> object:
    """Parquet values and `kliping extract` JSON values on one footing (instants compared as such)."""
    if isinstance(v, str) and key.endswith("_at"):
        v = datetime.fromisoformat(v)
    if isinstance(v, datetime):
        return v.astimezone(UTC)
    return v.isoformat() if isinstance(v, date) else v


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return sample_pages()


@pytest.fixture(scope="module")
def one_file(tmp_path_factory: pytest.TempPathFactory, pages: list[Page]) -> tuple[Path, Path, str]:
    """One .warc.gz of every sample page plus the extras, ingested once: (warc, out, stdout)."""
    d = tmp_path_factory.mktemp("one")
    warc = write_warc(d / "sample.warc.gz", pages)
    out = d / "out"
    r = kliping("ingest", str(warc), "--out", str(out))
    assert r.returncode == 0, r.stderr
    return warc, out, r.stdout


def test_keeps_html_200_responses_of_registry_sites(one_file: tuple[Path, Path, str],
                                                     pages: list[Page]) -> None:
    warc, out, stdout = one_file
    rows = raw_rows(out)
    assert sorted(r["url"] for r in rows) == sorted(p.url for p in _ok(pages))
    assert OTHER_URL not in {r["url"] for r in rows}  # not a registry site
    assert all(r["discovered_via"] == "warc" and r["status"] == 200 for r in rows)
    assert all(r["fetched_at"] == datetime(2024, 1, 11, 3, 4, 5, tzinfo=UTC) for r in rows)
    assert all(r["warc_file"] == str(warc.resolve()) for r in rows)
    # every row points back to its record: the offset of its gzip member and the record id
    with open(warc, "rb") as fh:
        by_offset = {}
        it = ArchiveIterator(fh)
        for rec in it:
            by_offset[it.get_record_offset()] = (rec.rec_headers.get_header("WARC-Record-ID"),
                                                 rec.rec_headers.get_header("WARC-Target-URI"))
    for r in rows:
        assert by_offset[r["warc_offset"]] == (r["warc_record_id"], r["url"])
    arts = articles(out)
    assert len(arts) == len(rows)
    assert {a["fetch_id"] for a in arts} == {r["fetch_id"] for r in rows}
    assert "404" not in {a["title"] for a in arts}
    # counted, not stored: request, metadata, revisit, image, 404, other domain
    assert "1 not HTML" in stdout and "1 other domains" in stdout
    from kliping.crawler.ledger import read_ledger

    (run,) = read_ledger(out)
    assert run["status"] == "finished" and run["articles_new"] == len(arts)
    assert run["responses_by_status"]["404"] >= 1
    health = json.loads(run["health"])["ingest"]
    assert health["sources"] == [str(warc)] and health["counts"]["type/revisit"] == 1
    assert health["counts"]["type/request"] == len(pages)
    assert health["counts"]["type/metadata"] == 1
    # the request record before each response gave its row the request (the Cookie left out)
    for r in rows:
        assert r["request_method"] == "GET"
        assert dict(r["request_headers"]) == {"host": r["url"].split("/")[2], "user-agent": USER_AGENT,
                                              "accept-language": "id-ID,id;q=0.9"}


def test_request_records_after_their_response_are_found(pages: list[Page], tmp_path: Path) -> None:
    """Heritrix writes the request after its response, ``WARC-Concurrent-To`` it; every row gets
    its own request, however the file is read (whole, or in pieces by two workers)."""
    ok = _ok(pages)
    warc = write_warc(tmp_path / "heritrix.warc.gz", ok, extras=False, request_after=True)
    for args in ([], ["--workers", "2", "--split-mb", "0.01"]):
        out = tmp_path / f"out{len(args)}"
        r = kliping("ingest", str(warc), "--out", str(out), "--no-progress", *args)
        assert r.returncode == 0, r.stderr
        rows = raw_rows(out)
        assert sorted(r["url"] for r in rows) == sorted(p.url for p in ok)
        for row in rows:
            assert row["request_method"] == "GET"
            assert dict(row["request_headers"])["host"] == row["url"].split("/")[2]
            assert "cookie" not in dict(row["request_headers"])


def test_article_is_what_extract_gives_on_the_same_bytes(one_file: tuple[Path, Path, str],
                                                          pages: list[Page], tmp_path: Path) -> None:
    _, out, _ = one_file
    ok = _ok(pages)
    tsv = []
    for i, p in enumerate(ok):
        (tmp_path / f"{i}.html").write_bytes(p.body)
        tsv.append(f"{i}.html\t{p.url}")
    (tmp_path / "pages.tsv").write_text("\n".join(tsv) + "\n")
    r = kliping("extract", "--urls-from", str(tmp_path / "pages.tsv"), "--fetched-at", WARC_DATE)
    assert r.returncode == 0, r.stderr
    expected = {rec["url"]: rec for rec in map(json.loads, r.stdout.splitlines())}
    got = {a["url"]: a for a in articles(out)}
    assert set(got) == set(expected)
    for url, art in got.items():
        want = {k: _norm(k, v) for k, v in expected[url].items() if k not in SKIP}
        have = {k: _norm(k, v) for k, v in art.items() if k not in SKIP}
        assert have == want, url


def test_rerun_adds_nothing_and_other_inputs_give_the_same(one_file: tuple[Path, Path, str],
                                                          pages: list[Page], tmp_path: Path) -> None:
    warc, out, _ = one_file
    n = len(raw_rows(out))
    # a second copy under another name: the file is new, its URLs are known
    copy = tmp_path / "copy.warc.gz"
    copy.write_bytes(warc.read_bytes())
    r = kliping("ingest", str(copy), str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert "1 of 2 files read (1 done before)" in r.stdout and "kept 0" in r.stdout
    assert len(raw_rows(out)) == n and len(articles(out)) == n
    # a directory (one plain .warc, one .warc.gz) and a paths file naming them give the same
    d = tmp_path / "dir"
    d.mkdir()
    half = len(pages) // 2
    write_warc(d / "a.warc", pages[:half])
    write_warc(d / "b.warc.gz", pages[half:], extras=False)
    r = kliping("ingest", str(d), "--out", str(tmp_path / "from_dir"), "--no-progress")
    assert r.returncode == 0, r.stderr
    (tmp_path / "warc.paths.gz").write_bytes(gzip.compress(b"dir/a.warc\ndir/b.warc.gz\n"))
    r = kliping("ingest", str(tmp_path / "warc.paths.gz"), "--out", str(tmp_path / "from_paths"),
                "--no-progress")
    assert r.returncode == 0, r.stderr
    base = sorted(r["url"] for r in raw_rows(out))
    for name in ("from_dir", "from_paths"):
        assert sorted(r["url"] for r in raw_rows(tmp_path / name)) == base


def test_cc_news_month_from_a_local_mirror(pages: list[Page], tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    month = mirror / "crawl-data" / "CC-NEWS" / "2024" / "01"
    month.mkdir(parents=True)
    names = ["CC-NEWS-20240111030405-00000.warc.gz", "CC-NEWS-20240111040405-00001.warc.gz"]
    write_warc(month / names[0], pages[:20])
    write_warc(month / names[1], pages[15:])  # overlaps the first: its URLs are stored once
    rel = [f"crawl-data/CC-NEWS/2024/01/{n}" for n in names]
    (month / "warc.paths.gz").write_bytes(gzip.compress(("\n".join(rel) + "\n").encode()))
    out = tmp_path / "out"
    with serve_directory(mirror) as base:
        r = kliping("ingest", "cc-news:2024/01", "--cc-base", base, "--out", str(out), "--workers", "2")
        assert r.returncode == 0, r.stderr
        assert "2 of 2 files read" in r.stdout
        # the progress line (stderr): records/s, MB/s, rows kept
        assert re.search(r"ingest: [\d,]+ records \([\d,]+/s\), [\d.]+ MB \([\d.]+ MB/s\), kept [\d,]+",
                         r.stderr), r.stderr
        rows = raw_rows(out)
        assert sorted(x["url"] for x in rows) == sorted(p.url for p in _ok(pages))
        assert {x["warc_file"] for x in rows} == set(rel)  # the path, not the mirror's URL
        r = kliping("ingest", "cc-news:2024/02", "--cc-base", base, "--out", str(out))
        assert r.returncode == 1 and "HTTP 404" in r.stderr and len(r.stderr.splitlines()) == 1


def test_truncated_file_is_an_error_and_other_files_are_kept(pages: list[Page], tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    ok = _ok(pages)
    write_warc(d / "a-good.warc.gz", ok[:20], extras=False)
    truncate(write_warc(d / "b-cut.warc.gz", ok[20:], extras=False), 0.6)
    (d / "c-garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(3000))
    (d / "d-empty.warc").write_bytes(b"")
    out = tmp_path / "out"
    r = kliping("ingest", str(d), "--out", str(out), "--no-progress")
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 3 and "b-cut.warc.gz" in errors[0] and "truncated" in errors[0]
    assert "c-garbage.warc.gz" in errors[1] and "Traceback" not in r.stderr
    assert "d-empty.warc" in errors[2] and "empty" in errors[2]
    urls = {x["url"] for x in raw_rows(out)}
    assert {p.url for p in ok[:20]} <= urls  # the good file, whole
    cut = urls - {p.url for p in ok[:20]}
    assert 0 < len(cut) < len(ok) - 20  # the records before the cut
    from kliping.crawler.ledger import read_ledger

    run = read_ledger(out)[-1]
    assert run["status"] == "failed"
    assert set(json.loads(run["health"])["ingest"]["file_errors"]) == {
        str((d / "b-cut.warc.gz").resolve()), str((d / "c-garbage.warc.gz").resolve()),
        str((d / "d-empty.warc").resolve())}


def test_reader_agrees_with_warcio(pages: list[Page], tmp_path: Path) -> None:
    for name, compress in (("x.warc.gz", True), ("x.warc", False)):
        path = write_warc(tmp_path / name, pages[:10], compress=compress)
        with open(path, "rb") as fh:
            ours = [(r.offset, r.headers["warc-record-id"], r.type,
                     r.block if r.type == "response" else None) for r in iter_records(fh)]
        theirs = []
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, no_record_parse=True)
            for rec in it:
                block = rec.raw_stream.read() if rec.rec_type == "response" else None
                theirs.append((it.get_record_offset(), rec.rec_headers.get_header("WARC-Record-ID"),
                               rec.rec_type, block))
        assert ours == theirs, name
    # a whole-file gzip (one member for every record): records read; no resume point inside
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress((tmp_path / "x.warc").read_bytes()))
    with open(whole, "rb") as fh:
        recs = list(iter_records(fh))
    assert [r.headers["warc-record-id"] for r in recs] == [t[1] for t in theirs]
    assert [r.resume_at for r in recs][:-1] == [None] * (len(recs) - 1)
    assert recs[-1].resume_at == whole.stat().st_size
    # resuming from a record's resume offset reads the records after it
    with open(tmp_path / "x.warc.gz", "rb") as fh:
        recs = list(iter_records(fh))
    with open(tmp_path / "x.warc.gz", "rb") as fh:
        fh.seek(recs[4].resume_at)
        rest = list(iter_records(fh, recs[4].resume_at))
    assert [r.offset for r in rest] == [r.offset for r in recs[5:]]
    truncate(tmp_path / "x.warc.gz", 0.5)
    with open(tmp_path / "x.warc.gz", "rb") as fh, pytest.raises(WarcFormatError, match="truncated"):
        for _ in iter_records(fh):
            pass


def test_wire_encoded_response_is_decoded(pages: list[Page], tmp_path: Path) -> None:
    page = _ok(pages)[0]
    warc = write_wire_warc(tmp_path / "wire.warc.gz", page, page.url)
    out = tmp_path / "out"
    r = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    (row,) = raw_rows(out)
    assert row["body"] == page.body
    assert "content-encoding" not in dict(row["headers"])
    (art,) = articles(out)
    assert art["word_count"] > 50


def test_all_domains_site_filter_and_dates(pages: list[Page], tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "in.warc.gz", pages)
    out = tmp_path / "all"
    r = kliping("ingest", str(warc), "--out", str(out), "--all-domains", "--no-progress")
    assert r.returncode == 0, r.stderr
    rows = {x["url"]: x for x in raw_rows(out)}
    assert rows[OTHER_URL]["site"] == "beritalain_example"  # the generic spider's key
    assert (out / "articles" / "site=beritalain_example").is_dir()
    # a domain outside the registry: the article is what `kliping extract` gives (but the site key)
    (tmp_path / "other.html").write_bytes(other_domain_page().body)
    r = kliping("extract", str(tmp_path / "other.html"), "--url", OTHER_URL, "--fetched-at", WARC_DATE)
    assert r.returncode == 0, r.stderr
    want = {k: _norm(k, v) for k, v in json.loads(r.stdout).items() if k not in SKIP | {"site"}}
    (art,) = [a for a in articles(out) if a["url"] == OTHER_URL]
    assert {k: _norm(k, v) for k, v in art.items() if k not in SKIP | {"site"}} == want
    assert art["site"] == "beritalain_example"
    r = kliping("ingest", str(warc), "--out", str(tmp_path / "one"), "--site", "kabarnusa",
                "--since", "2024-01-08", "--until", "2024-01-09", "--no-progress")
    assert r.returncode == 0, r.stderr
    arts = articles(tmp_path / "one")
    assert arts and {a["site"] for a in arts} == {"kabarnusa"}
    assert all(date(2024, 1, 8) <= a["published_date"] <= date(2024, 1, 9) for a in arts)
    # the WARC-Date pre-filter: pages fetched before the window are not even cleaned
    r = kliping("ingest", str(warc), "--out", str(tmp_path / "late"), "--since", "2024-02-01",
                "--no-progress")
    assert r.returncode == 0 and "kept 0" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["nope.warc.gz"], "no such file"),
    (["cc-news:2024-01"], "cc-news:YYYY/MM"),
    (["cc-news:2016/07"], "starts in 2016/08"),
    (["{warc}", "--site", "nosuchsite"], "unknown site"),
    (["{warc}", "--site", "kabarnusa", "--all-domains"], "one or the other"),
    (["{warc}", "--since", "2024-13-01"], "--since"),
    (["{warc}", "--cc-base", "ftp://x"], "--cc-base"),
    (["{dir}"], "no .warc"),
])
def test_usage_errors_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    warc = tmp_path / "x.warc.gz"
    warc.write_bytes(b"")
    args = [a.format(warc=warc, dir=tmp_path / "empty") for a in args]
    (tmp_path / "empty").mkdir()
    r = kliping("ingest", *args, "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_killed_run_resumes_without_rereading_or_duplicates(pages: list[Page], tmp_path: Path) -> None:
    ok = _ok(pages)
    big = [variant(p, n) for n in range(12) for p in ok]  # ~550 distinct articles
    warc = write_warc(tmp_path / "big.warc.gz", big, extras=False)
    out = tmp_path / "out"
    env = dict(os.environ)
    proc = subprocess.Popen(kliping_cmd("ingest", str(warc), "--out", str(out), "--flush-rows", "10",
                                        "--no-progress"), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        parts = list((out / "articles").rglob("*.parquet")) if (out / "articles").exists() else []
        if len(parts) >= 6:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    before = len(raw_rows(out))
    assert 0 < before < len(big)
    r = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    records = int(r.stdout.split(" records")[0].rsplit(", ", 1)[1].replace(",", ""))
    assert records < 2 * len(big)  # started at the killed run's last checkpoint, not at 0
    rows = raw_rows(out)
    urls = [x["url"] for x in rows]
    assert len(urls) == len(set(urls)) and set(urls) == {p.url for p in big}
    done = {a["fetch_id"] for a in articles(out)} | {
        e["fetch_id"] for e in read_dataset(out / "errors", "errors").to_pylist()}
    assert {x["fetch_id"] for x in rows} <= done  # every raw row cleaned (repair or resume)
    again = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert again.returncode == 0 and "0 of 1 files read" in again.stdout


def test_raw_parts_from_before_the_warc_columns_still_read(tmp_path: Path) -> None:
    old_schema = pa.schema([f for f in PartWriter(tmp_path, "raw", "x").file_schema
                            if not f.name.startswith("warc_")])
    row = {"fetch_id": "f1", "url": "https://a.example/x", "url_key": None, "final_url": None,
           "status": 200, "headers": {}, "body": b"<html></html>",
           "fetched_at": datetime(2023, 5, 1, tzinfo=UTC), "run_id": "old", "discovered_via": "link"}
    part = tmp_path / "raw" / "site=old" / "part-old-0-00001.parquet"
    part.parent.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([row], schema=old_schema), part)
    w = PartWriter(tmp_path, "raw", "new")
    w.add({**row, "fetch_id": "f2", "url": "https://a.example/y", "site": "old", "warc_file": "a.warc.gz",
           "warc_offset": 7, "warc_record_id": "<urn:uuid:1>"})
    w.close()
    t = read_dataset(tmp_path / "raw", "raw").sort_by("fetch_id").to_pylist()
    assert [(r["warc_file"], r["warc_offset"]) for r in t] == [(None, None), ("a.warc.gz", 7)]
    seen = SeenSet.from_archive(tmp_path)
    assert "https://a.example/x" in seen and "https://a.example/y" in seen


@pytest.mark.parametrize("host", ["www.beritalain.example", "kompas.com", "m.Detik.com", "123news.id",
                                  "sub.domain.co.id", "xn--bcher-kva.example"])
def test_generic_key_is_the_generic_spiders(host: str) -> None:
    from kliping.spiders.generic import generic_site
    from kliping.warc.ingest import generic_key

    assert generic_key(host.lower()) == generic_site(host.lower()).key


def test_dask_cluster_reads_the_files(pages: list[Page], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from kliping.warc.ingest import run_ingest
    from kliping.warc.sources import resolve

    d = tmp_path / "in"
    d.mkdir()
    ok = _ok(pages)
    write_warc(d / "a.warc.gz", ok[:25])
    write_warc(d / "b.warc.gz", ok[20:])  # overlap: each URL once, whichever worker gets it first
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = run_ingest(resolve([str(d)]), tmp_path / "out", dask=cluster.scheduler_address)
    assert result.status == "finished" and not result.errors
    urls = [x["url"] for x in raw_rows(tmp_path / "out")]
    assert sorted(urls) == sorted(p.url for p in ok)


def test_a_file_done_for_one_site_is_read_again_for_another(pages: list[Page], tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "in.warc.gz", pages, extras=False)
    out = tmp_path / "out"
    r = kliping("ingest", str(warc), "--out", str(out), "--site", "kabarnusa", "--no-progress")
    assert r.returncode == 0, r.stderr
    r = kliping("ingest", str(warc), "--out", str(out), "--site", "suarawarga", "--no-progress")
    assert r.returncode == 0 and "1 of 1 files read" in r.stdout, r.stdout
    assert {x["site"] for x in raw_rows(out)} == {"kabarnusa", "suarawarga"}
    r = kliping("ingest", str(warc), "--out", str(out), "--site", "suarawarga", "--no-progress")
    assert "0 of 1 files read" in r.stdout


def test_remote_file_resumes_past_its_offset(pages: list[Page], tmp_path: Path) -> None:
    """Over HTTP a resumed file starts at its checkpoint: a Range request, or (a server without
    ranges, as here) the bytes before it read past without being parsed."""
    from kliping.warc.sources import WarcFile, open_warc

    warc = write_warc(tmp_path / "r.warc.gz", pages[:8], extras=False)
    with open(warc, "rb") as fh:
        recs = list(iter_records(fh))
    at = recs[6].resume_at
    with serve_directory(tmp_path) as base:
        f = WarcFile("r.warc.gz", base + "r.warc.gz")
        with open_warc(f, at) as fh:
            rest = list(iter_records(fh, at))
    assert [r.offset for r in rest] == [r.offset for r in recs[7:]]


def test_interrupted_run_says_so_in_one_line_and_resumes(pages: list[Page], tmp_path: Path) -> None:
    ok = _ok(pages)
    warc = write_warc(tmp_path / "big.warc.gz", [variant(p, n) for n in range(6) for p in ok],
                      extras=False)
    out = tmp_path / "out"
    proc = subprocess.Popen(kliping_cmd("ingest", str(warc), "--out", str(out), "--flush-rows", "10",
                                        "--no-progress"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not (
        (out / "raw").exists() and any((out / "raw").rglob("*.parquet"))
    ):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run ended before the interrupt")
    assert proc.returncode == 1 and err.strip().splitlines() == [
        "kliping ingest: interrupted; run the same command again to resume"], err
    r = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    urls = [x["url"] for x in raw_rows(out)]
    assert len(urls) == len(set(urls)) == 6 * len(ok)


def test_one_big_file_is_shared_by_the_workers(pages: list[Page], tmp_path: Path) -> None:
    """With --workers 2 a .warc.gz larger than --split-mb is read in pieces by both processes:
    every record once, each row's offset still its record's, and a rerun finds every piece done."""
    ok = _ok(pages)
    big = [variant(p, n) for n in range(4) for p in ok]
    warc = write_warc(tmp_path / "big.warc.gz", big)
    out = tmp_path / "out"
    r = kliping("ingest", str(warc), "--out", str(out), "--workers", "2", "--split-mb", "0.1",
                "--no-progress")
    assert r.returncode == 0, r.stderr
    rows = raw_rows(out)
    assert sorted(x["url"] for x in rows) == sorted(p.url for p in big)
    with open(warc, "rb") as fh:
        offsets = {rec.headers["warc-record-id"]: rec.offset for rec in iter_records(fh)}
    assert all(offsets[x["warc_record_id"]] == x["warc_offset"] for x in rows)
    state = [json.loads(line) for line in (out / ".kliping-ingest" / "files.jsonl").read_text().splitlines()]
    keys = {s["key"] for s in state}
    pieces = {k for k in keys if k.startswith(f"{warc.resolve()}@")}
    assert len(pieces) > 2 and keys - pieces == {str(warc.resolve())}  # and the whole file, done
    assert "1 other domains" in r.stdout and "1 not HTML" in r.stdout  # the extras, counted once
    again = kliping("ingest", str(warc), "--out", str(out), "--workers", "2", "--split-mb", "0.1",
                    "--no-progress")
    assert again.returncode == 0 and "0 of 1 files read (1 done before)" in again.stdout
    # read whole next time (one process): the file is done too
    once = kliping("ingest", str(warc), "--out", str(out), "--no-progress")
    assert once.returncode == 0 and "0 of 1 files read (1 done before)" in once.stdout


def test_a_whole_file_gzip_is_not_cut(pages: list[Page], tmp_path: Path) -> None:
    """One gzip member for the whole file: no piece but the first finds a record start, and that
    piece reads every record."""
    plain = write_warc(tmp_path / "w.warc", _ok(pages), extras=False)
    whole = tmp_path / "w.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    out = tmp_path / "out"
    r = kliping("ingest", str(whole), "--out", str(out), "--workers", "2", "--split-mb", "0.01",
                "--no-progress")
    assert r.returncode == 0, r.stderr
    assert sorted(x["url"] for x in raw_rows(out)) == sorted(p.url for p in _ok(pages))
