"""One run lifecycle, one run-id function, one zone table (issue 15 items 2 and 3).

:class:`kliping.crawler.lifecycle.Run` is how every run opens (lock, sweep, repair, ``running``
row) and closes (health, status, final row); the crawl, the Scrapy extension, the cluster, ingest
and reclean go through it (their own tests: test_scheduled.py, test_crawl_e2e.py,
test_distributed.py, test_ingest.py, test_reclean.py). Here the pieces, on real Parquet files.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from kliping.crawler.ledger import FINAL, RUNNING, read_ledger
from kliping.crawler.lifecycle import Run, final_status, new_run_id
from kliping.crawler.runlock import OutputLocked
from kliping.dataset.reclean import reclean
from kliping.dataset.records import raw_record
from kliping.dataset.schema import RUNS
from kliping.dataset.storage import PartWriter, read_dataset
from kliping.dates import ZONE_OFFSETS
from kliping.sites.base import ZONES, zone_tz
from kliping.sites.registry import all_sites, get_site
from kliping.spiders import sites as generated

RUN_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")
ARTICLE = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Nelayan Kembali Melaut'
    '</title></head><body><article><h1>Nelayan Kembali Melaut</h1>'
    + "".join(f"<p>JAKARTA - Nelayan pesisir utara kembali melaut setelah badai reda pada Senin "
              f"pagi, kata petugas pelabuhan ({i}).</p>" for i in range(4))
    + "</article></body></html>"
).encode()


def test_one_run_id_format_for_every_entry_point() -> None:
    assert RUN_ID.match(new_run_id())
    spider_cls = generated.make_spider(get_site("detakberita"))
    spider = spider_cls.from_crawler(get_crawler(spider_cls))  # scrapy crawl SITE, no run id given
    assert RUN_ID.match(spider.run_id), spider.run_id


def test_the_status_vocabulary_is_the_ledgers() -> None:
    doc = RUNS.field("status").metadata[b"doc"].decode()
    for status in (RUNNING, *FINAL):
        assert status in doc
    assert final_status(False) == "finished"
    assert final_status(False, {"ok": False}) == "health_failed"
    assert final_status(True, {"ok": False}) == "failed"


def test_a_run_opens_and_closes_with_its_ledger_rows(tmp_path: Path) -> None:
    run = Run(tmp_path, ["detakberita"], since=date(2024, 1, 8), until=date(2024, 1, 9)).acquire()
    try:
        with pytest.raises(OutputLocked):  # one run at a time, whoever asks
            Run(tmp_path, ["kabarnusa"]).acquire()
        assert run.open() == 0
        (row,) = read_ledger(tmp_path)
        assert (row["run_id"], row["status"], row["finished_at"]) == (run.run_id, "running", None)
        stats = {"kliping/articles/new": 3, "downloader/request_count": 5}
        health = run.health({"detakberita": stats})
        assert health["ok"] and set(health["sites"]) == {"detakberita"} and health["report"] == ""
        assert run.close(final_status(False, health), [stats], health) is None
    finally:
        run.release()
    (row,) = read_ledger(tmp_path)
    assert row["status"] == "finished" and row["articles_new"] == 3 and row["requests"] == 5
    assert row["since"] == date(2024, 1, 8) and row["finished_at"] is not None
    assert len(read_dataset(tmp_path / "runs").to_pylist()) == 2  # running, then final


def test_a_run_that_never_closes_is_killed_and_the_next_one_repairs_it(tmp_path: Path) -> None:
    killed = Run(tmp_path, ["detakberita"]).acquire()
    killed.open()
    url = "https://news.detakberita.example/2024/01/08/nelayan-kembali-melaut"
    raw = PartWriter(tmp_path, "raw", killed.run_id)
    raw.add(raw_record(url=url, site="detakberita", body=ARTICLE, run_id=killed.run_id,
                       headers={"Content-Type": "text/html; charset=utf-8"},
                       fetched_at=datetime(2024, 1, 8, 3, tzinfo=UTC), discovered_via="feed"))
    raw.close()
    left = tmp_path / "articles" / "site=detakberita" / ".part-x.parquet.1a2b3c4d.tmp"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"half a part")
    killed.release()  # its process died: no final row
    assert read_ledger(tmp_path)[0]["status"] == "killed"

    with Run(tmp_path, ["detakberita"]) as run:
        assert run.open() == 1  # the raw row with neither an article nor an error row
        assert not left.exists()
    articles = read_dataset(tmp_path / "articles").to_pylist()
    assert [a["url"] for a in articles] == [url] and articles[0]["run_id"] == killed.run_id


def test_reclean_takes_the_same_lock(tmp_path: Path) -> None:
    with Run(tmp_path / "out", []), pytest.raises(OutputLocked):
        reclean(tmp_path / "raw", tmp_path / "out", workers=1)


def test_one_zone_table_and_site_tz() -> None:
    assert ZONES is ZONE_OFFSETS
    for key, site in all_sites().items():
        assert site.tz.utcoffset(None) == timedelta(hours=ZONE_OFFSETS[site.zone]), key
        assert site.tz.tzname(None) == site.zone
    from kliping.testing.sample.content import ZONES as SAMPLE_ZONES

    assert SAMPLE_ZONES == {zone: zone_tz(zone) for zone in ZONE_OFFSETS}
