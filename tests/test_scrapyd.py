"""The Scrapyd path: deploy the project to a real scrapyd on 127.0.0.1, schedule a job through its
HTTP API against the sample site, and read the job's Parquet output back."""

from __future__ import annotations

import json

import pytest

from kliping.crawler.ledger import read_ledger
from kliping.dataset.storage import read_dataset
from kliping.testing.sample import SampleServer, catalog
from tests.scrapyd_server import INSTALLED, MISSING, api, deploy, scrapyd, wait_finished

pytestmark = pytest.mark.skipif(not INSTALLED, reason=MISSING)


@pytest.fixture
def scrapyd_base(tmp_path):
    with scrapyd(tmp_path / "scrapyd") as base:
        yield base


def test_deploy_schedule_and_read_parquet(scrapyd_base, tmp_path) -> None:
    base = scrapyd_base
    deployed = deploy(base, tmp_path)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert "suarawarga" in api(base, "listspiders.json?project=kliping")["spiders"]

    out = tmp_path / "out"
    with SampleServer() as server:
        job = api(base, "schedule.json", [
            ("project", "kliping"), ("spider", "suarawarga"),
            ("since", "2024-01-05"), ("until", "2024-01-10"),
            ("setting", f"KLIPING_OUT={out}"),
            ("setting", f"KLIPING_MIRROR={json.dumps(server.mirror())}"),
            ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False"),
        ])
        assert job["status"] == "ok", job
        if not wait_finished(base, job["jobid"]):
            pytest.fail("the scrapyd job did not finish: "
                        + json.dumps(api(base, "listjobs.json?project=kliping")))

    expected = {a.url for a in catalog() if a.site == "suarawarga"}
    articles = read_dataset(out / "articles").to_pylist()
    assert {a["url"] for a in articles} == expected
    assert all(a["text"] and a["title"] for a in articles)
    runs = read_ledger(out)
    assert [r["status"] for r in runs] == ["finished"]
    assert runs[0]["articles_new"] == len(expected)
