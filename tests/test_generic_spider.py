"""The generic spider: a domain in, feeds and sitemaps found from robots.txt and the home page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.spiders.generic import GenericSpider, generic_site
from kliping.testing.fixture_server import FixtureServer

ROOT = Path(__file__).parent / "sites"
SPEC = json.loads((ROOT / "_generic" / "fixtures.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://contoh.example/2025/03/10/pemkot-resmikan-pasar-baru/", True),
        ("https://www.contoh.example/berita/123456/judul", True),
        ("https://contoh.example/read/2025/03/10/1234567.html", True),
        ("https://contoh.example/berita/pemkot-resmikan-pasar-baru.php", True),  # an older PHP site's slug
        ("https://contoh.example/tag/banjir-rob-jakarta", False),
        ("https://contoh.example/category/nasional/", False),
        ("https://contoh.example/page/2/", False),
        ("https://contoh.example/", False),
        ("https://contoh.example/video/banjir-rob-di-pesisir", False),
        ("https://lain.example/2025/03/10/pemkot-resmikan-pasar-baru/", False),
    ],
)
def test_generic_article_rule(url: str, article: bool) -> None:
    assert generic_site("contoh.example").is_article(url) is article


def test_generic_needs_a_domain() -> None:
    with pytest.raises(ValueError, match="domain"):
        GenericSpider()
    with pytest.raises(ValueError, match="domain"):
        generic_site("https://contoh.example/path")
    for bad in ("a b", "bad..domain", "-x.example", "a_b.example", "x.example:99999999", 'x.example"><'):
        with pytest.raises(ValueError, match="domain"):
            generic_site(bad)
    for good in ("contoh.example", "www.kabar-kampung.example", "xn--80ak6aa92e.com", "localhost",
                 "127.0.0.1:8080"):
        assert generic_site(good).domain == good


@pytest.mark.parametrize("via", ["scrapy", "kliping"])
def test_generic_crawl(tmp_path: Path, via: str) -> None:
    out = tmp_path / "out"
    crawl = SPEC["crawl"]
    with FixtureServer(ROOT, ["_generic"]) as server:
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(out),
                   KLIPING_LOG_LEVEL="WARNING")
        fast = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]
        if via == "scrapy":
            cmd = [sys.executable, "-m", "scrapy", "crawl", "generic",
                   "-a", "domain=kabarkampung.example",
                   "-a", f"since={crawl['since']}", "-a", f"until={crawl['until']}", *fast]
        else:
            cmd = [sys.executable, "-m", "kliping", "crawl", "generic",
                   "--domain", "kabarkampung.example", "--since", crawl["since"],
                   "--until", crawl["until"], "--out", str(out), *fast]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env,
                              cwd=tmp_path)
        hits = dict(server.hits)
    assert proc.returncode == 0, proc.stderr[-3000:]
    raw = read_dataset(out / "raw").to_pylist()
    assert sorted(r["url"] for r in raw) == sorted(crawl["articles"])
    for url in crawl["listings"]:
        assert hits.get(url), url
    for url in crawl["never"]:
        assert not hits.get(url), url
    arts = read_dataset(out / "articles").to_pylist()
    assert {a["title"] for a in arts} == {
        "Warga Gotong Royong Bersihkan Saluran Air", "Posyandu Keliling Sambangi Dusun Terpencil"
    }
    assert all(a["site"] == "kabarkampung_example" for a in arts)  # one partition per domain


def _canary(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kliping", "canary", *args],
                          capture_output=True, text=True, timeout=120)


def test_canary_against_fixtures() -> None:
    """The canary, only ever against the local fixture server (it is for cron, not CI)."""
    sites = ["detik", "kompas", "tempo", "antaranews"]
    with FixtureServer(ROOT, sites) as server:
        ok = _canary(*sites, "--json", "--mirror", json.dumps(server.mirror()))
        # a host served by nothing: the site fails and the exit code says so
        broken = dict(server.mirror(), **{"rss.tempo.co": server.origin + "/nowhere"})
        bad = _canary("tempo", "kompas", "--json", "--mirror", json.dumps(broken))
    assert ok.returncode == 0, ok.stdout + ok.stderr[-2000:]
    reports = [json.loads(line) for line in ok.stdout.splitlines()]
    assert [r["site"] for r in reports] == sites
    assert all(r["ok"] and r["empty"] == [] for r in reports)
    assert bad.returncode == 1
    by_site = {json.loads(line)["site"]: json.loads(line) for line in bad.stdout.splitlines()}
    assert not by_site["tempo"]["ok"] and "404" in by_site["tempo"]["error"]
    assert by_site["kompas"]["ok"]


def test_canary_unknown_site() -> None:
    assert _canary("nosuchsite", "--mirror", "{}").returncode == 2


def test_scaffold_writes_a_valid_site(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kliping", "scaffold", "kabar_baru", "--domain",
                           "www.kabarbaru.example", "--root", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    site_py = tmp_path / "kliping" / "sites" / "kabar_baru.py"
    ns: dict = {}
    exec(compile(site_py.read_text(), str(site_py), "exec"), ns)  # the definition validates
    assert ns["SITE"].key == "kabar_baru"
    assert not (tmp_path / "kliping" / "spiders").exists()  # the spider is made from the registry
    stub = json.loads((tmp_path / "tests" / "sites" / "kabar_baru" / "fixtures.json").read_text())
    assert stub["articles"][0]["expected"]["title"] == ""  # the site test rejects it until filled
    again = subprocess.run([sys.executable, "-m", "kliping", "scaffold", "kabar_baru", "--domain",
                            "www.kabarbaru.example", "--root", str(tmp_path)], capture_output=True, text=True)
    assert again.returncode == 2
