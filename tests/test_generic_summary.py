"""The summary after a ``generic`` crawl: the domain's articles, and its guessed listing
locations (robots.txt, /sitemap.xml, /rss...) answered 404 counted apart, not as errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kliping.crawler.ledger import read_ledger
from kliping.testing.fixture_server import FixtureServer
from tests.conftest import FAST, kliping

ROOT = Path(__file__).parent / "sites"
SPEC = json.loads((ROOT / "_generic" / "fixtures.json").read_text(encoding="utf-8"))


def summary_rows(stdout: str) -> dict[str, list[str]]:
    """site -> its cells, from the table printed after a run."""
    rows = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃]", line)[1:-1]]
        if len(cells) == 7 and cells[1].isdigit():
            rows[cells[0]] = cells[1:]
    return rows


def test_generic_summary_counts_the_domain_and_not_its_probes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    crawl = SPEC["crawl"]
    with FixtureServer(ROOT, ["_generic"]) as server:
        proc = kliping("crawl", "generic", "--domain", "kabarkampung.example", "--since",
                       crawl["since"], "--until", crawl["until"], "--out", str(out), "--mirror",
                       json.dumps(server.mirror()), *FAST)
        hits = dict(server.hits)
    assert proc.returncode == 0, proc.stderr[-3000:]
    probed = [u for u in hits if u.endswith(("/sitemap.xml", "/sitemap_index.xml", "/rss"))]
    assert probed, "the crawl guessed listing locations the fixture site does not have"
    rows = summary_rows(proc.stdout)
    # the partition the articles went to, whole (not "generic", not cut by the table's width)
    assert list(rows) == ["kabarkampung_example"], proc.stdout
    articles, new, skipped, dated, _authored, errors = map(int, rows["kabarkampung_example"])
    n = len(crawl["articles"])
    assert (articles, new, skipped, dated, errors) == (n, n, 0, n, 0), proc.stdout
    run = read_ledger(out)[-1]
    assert run["errors"] == 0 and run["status"] == "finished"
    assert "request failed" not in proc.stderr  # a 404 probe is no failure to warn about
