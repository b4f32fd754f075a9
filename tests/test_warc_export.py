"""``kliping export --format warc``: the raw responses behind the selected articles as WARC/1.1.

The archive is built here as a crawl leaves it (raw rows with the crawler's headers, among them
a ``Content-Encoding`` the body no longer has, articles and error rows from the same ``clean()``),
exported, checked with ``warcio check`` and warcio's iterator, and ingested again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from kliping.dataset.export import Filters
from kliping.dataset.outcome import clean_outcome
from kliping.dataset.storage import read_dataset
from kliping.pipelines.writers import RunWriters
from kliping.sites.registry import site_for_url
from kliping.warc.writer import export_warc
from tests.conftest import kliping
from tests.warc_fixtures import sample_pages

FETCHED = datetime(2024, 1, 11, 3, 4, 5, 123000, tzinfo=UTC)
UA = "kliping-test/1.0 (+https://example.org/bot)"


def warcio_check(*files: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "warcio"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from warcio.cli import main; main()"]
    return subprocess.run([*cmd, "check", *map(str, files)], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A crawl-like output: raw, articles and errors of the sample pages (one run)."""
    out = tmp_path_factory.mktemp("crawl")
    w = RunWriters(str(out), "crawl-1", flush_rows=10**9, flush_seconds=10**9)
    for i, page in enumerate(p for p in sample_pages() if p.status == 200):
        site = site_for_url(page.url)
        raw = {
            "fetch_id": uuid.uuid4().hex, "url": page.url, "final_url": page.url, "site": site.key,
            "status": 200, "body": page.body, "fetched_at": FETCHED, "run_id": "crawl-1",
            "discovered_via": "news_sitemap",
            "headers": {"content-type": page.content_type, "content-encoding": "gzip", "server": "nginx",
                        "set-cookie": "a=1; Path=/"},
        }
        if i % 2:  # the request is known for half the rows (the others: parts from before)
            raw["request_method"] = "GET"
            raw["request_headers"] = {"user-agent": UA, "accept-language": "id,en;q=0.8"}
        w.add_raw(raw)
        kind, row = clean_outcome(raw, site, "crawl-1")
        (w.articles if kind == "article" else w.errors).add(row)
    w.close()
    return out


def _comparable(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: {k: v for k, v in r.items() if k not in ("fetch_id", "run_id")} for r in rows}


def test_export_is_warcio_clean_and_reingests_to_the_same_articles(crawl: Path, tmp_path: Path) -> None:
    exp = tmp_path / "exp"
    r = kliping("export", str(crawl), "--format", "warc", "--out", str(exp))
    assert r.returncode == 0, r.stderr
    files = sorted((exp / "data").glob("*.warc.gz"))
    assert len(files) == 1 and (exp / "README.md").exists()
    check = warcio_check(*files)
    assert check.returncode == 0, check.stdout + check.stderr
    arts = read_dataset(crawl / "articles", "articles").to_pylist()
    by_fetch = {a["fetch_id"]: a for a in arts}
    with open(files[0], "rb") as fh:
        recs = []
        for rec in ArchiveIterator(fh):
            body = rec.content_stream().read()
            recs.append((rec.rec_type, rec.rec_headers, rec.http_headers, body))
    assert recs[0][0] == "warcinfo"
    responses = [x for x in recs if x[0] == "response"]
    metadata = [x for x in recs if x[0] == "metadata"]
    assert len(responses) == len(metadata) == len(arts)
    ids = {h.get_header("WARC-Record-ID"): h for _, h, _, _ in responses}
    # a request record for each response whose raw row knows its request, none for the others
    raws = read_dataset(crawl / "raw", "raw").to_pylist()
    known = {r["final_url"] for r in raws if r["request_method"]}
    requests = [x for x in recs if x[0] == "request"]
    assert 0 < len(requests) == len(known) < len(responses)
    for _, h, http, body in requests:
        response = ids[h.get_header("WARC-Concurrent-To")]
        assert h.get_header("WARC-Target-URI") == response.get_header("WARC-Target-URI") in known
        assert http.protocol == "GET" and http.get_header("User-Agent") == UA
        assert http.get_header("Host") == h.get_header("WARC-Target-URI").split("/")[2]
        assert body == b""
    for _, h, _, body in metadata:
        fields = dict(line.split(": ", 1) for line in body.decode().splitlines())
        assert h.get_header("WARC-Concurrent-To") in ids
        art = by_fetch[fields["kliping-fetch-id"]]
        assert fields["kliping-article-id"] == art["id"] and fields["kliping-run-id"] == "crawl-1"
        assert fields["kliping-discovered-via"] == "news_sitemap"
    for _, h, http, _ in responses:
        assert h.get_header("WARC-Payload-Digest", "").startswith("sha1:")
        assert h.get_header("WARC-Date") == "2024-01-11T03:04:05.123Z"
        # the body is stored decoded: the wire encoding is named, not claimed
        assert http.get_header("Content-Encoding") is None
        assert http.get_header("X-Crawler-Content-Encoding") == "gzip"
    again = tmp_path / "again"
    r = kliping("ingest", str(exp / "data"), "--out", str(again), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert _comparable(read_dataset(again / "articles", "articles").to_pylist()) == _comparable(arts)
    # ingest takes the request fields from the request records (Host is the URL's: added)
    reread = {r["url"]: r for r in read_dataset(again / "raw", "raw").to_pylist()}
    for r in raws:
        got = reread[r["final_url"]]
        if r["request_method"]:
            assert got["request_method"] == "GET"
            assert dict(got["request_headers"]) == {**dict(r["request_headers"]),
                                                     "host": r["final_url"].split("/")[2]}
        else:
            assert got["request_method"] is None and got["request_headers"] is None
    # a second export of the same rows names the records the same
    r = kliping("export", str(crawl / "articles"), "--format", "warc", "--out", str(tmp_path / "exp2"))
    assert r.returncode == 0, r.stderr
    with open(files[0], "rb") as a, open(tmp_path / "exp2" / "data" / files[0].name, "rb") as b:
        first = [rec.rec_headers.get_header("WARC-Record-ID") for rec in ArchiveIterator(a)][1:]
        second = [rec.rec_headers.get_header("WARC-Record-ID") for rec in ArchiveIterator(b)][1:]
    assert first == second


def test_rotation_and_filters(crawl: Path, tmp_path: Path) -> None:
    res = export_warc(crawl, tmp_path / "rot", max_bytes=40_000)
    assert len(res.files) > 2 and res.written == len(read_dataset(crawl / "articles", "articles"))
    assert warcio_check(*res.files).returncode == 0
    total = 0
    for f in res.files:
        with open(f, "rb") as fh:
            types = [rec.rec_type for rec in ArchiveIterator(fh)]
        assert types[0] == "warcinfo" and types.count("warcinfo") == 1
        total += types.count("response")
    assert total == res.written
    one = export_warc(crawl, tmp_path / "one", Filters(sites=["kabarnusa"]))
    with open(one.files[0], "rb") as fh:
        uris = [rec.rec_headers.get_header("WARC-Target-URI") for rec in ArchiveIterator(fh)
                if rec.rec_type == "response"]
    assert uris and all(".kabarnusa.example/" in u for u in uris)


def test_export_needs_the_raw_archive(crawl: Path, tmp_path: Path) -> None:
    only = tmp_path / "only"
    shutil.copytree(crawl / "articles", only / "articles")
    r = kliping("export", str(only), "--format", "warc", "--out", str(tmp_path / "x"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "raw" in r.stderr


def test_a_real_crawl_round_trips_through_warc(tmp_path: Path) -> None:
    """`kliping demo` crawls the sample sites with Scrapy (real headers, real raw rows); its export
    passes `warcio check` and ingests back to the same articles."""
    crawl = tmp_path / "crawl"
    r = kliping("demo", "--out", str(crawl))
    assert r.returncode == 0, r.stderr
    r = kliping("export", str(crawl), "--format", "warc", "--out", str(tmp_path / "exp"))
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "exp" / "data").glob("*.warc.gz"))
    assert warcio_check(*files).returncode == 0
    r = kliping("ingest", str(tmp_path / "exp" / "data"), "--out", str(tmp_path / "again"), "--no-progress")
    assert r.returncode == 0, r.stderr
    before = _comparable(read_dataset(crawl / "articles", "articles").to_pylist())
    after = _comparable(read_dataset(tmp_path / "again" / "articles", "articles").to_pylist())
    assert before and after == before
    # the crawl archived the request of every page (method, Scrapy's headers), the export wrote
    # them as request records and ingest read them back
    raws = read_dataset(crawl / "raw", "raw").to_pylist()
    assert raws and all(r["request_method"] == "GET" for r in raws)
    assert all("user-agent" in dict(r["request_headers"]) for r in raws)
    assert not any("cookie" in dict(r["request_headers"]) for r in raws)
    with open(files[0], "rb") as fh:
        types = [rec.rec_type for rec in ArchiveIterator(fh)]
    assert types.count("request") == types.count("response") == len(raws)
    reread = {r["url"]: r for r in read_dataset(tmp_path / "again" / "raw", "raw").to_pylist()}
    for r in raws:
        assert dict(reread[r["final_url"]]["request_headers"])["user-agent"] == \
            dict(r["request_headers"])["user-agent"]
