"""The generic spider on a site of one's own that serves plain http on 127.0.0.1:PORT.

A domain given as ``http://host:port`` is read over http; one given without its scheme is tried
over https first, and read over http when https cannot be reached at all (a server that speaks
plain http fails the TLS handshake). Scrapy's offsite filter matches host names without their
port, so the site's own ``host:port`` must still pass it. Real crawls through the CLI, Scrapy's
engine and downloader, a real server on 127.0.0.1, the Parquet read back.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.spiders.generic import generic_site
from kliping.testing.http import LocalServer, QuietHandler

STORIES = {
    "/2025/03/10/warga-tanam-seribu-pohon-bakau/": "Warga Tanam Seribu Pohon Bakau",
    "/2025/03/11/pasar-rakyat-kembali-dibuka-pekan-ini/": "Pasar Rakyat Kembali Dibuka Pekan Ini",
    "/2025/03/12/lomba-perahu-hias-meriahkan-desa/": "Lomba Perahu Hias Meriahkan Desa",
}


def _article(title: str, day: str) -> bytes:
    paras = "".join(
        f"<p>{title}: warga desa berkumpul di balai desa sejak pagi untuk membahas rencana kegiatan "
        f"bersama pemerintah kecamatan, kalimat ke-{k} dari berita ini.</p>" for k in range(5)
    )
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2025-03-{day}T08:00:00+07:00"></head>'
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>").encode()  # fmt: skip


class PlainHttpSite(LocalServer):
    """A small news site whose own links are ``http://127.0.0.1:PORT/...`` (no https at all)."""

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                path = self.path.split("?")[0]
                server.count(path)
                origin = server.origin
                if path == "/robots.txt":
                    robots = f"User-agent: *\nAllow: /\nSitemap: {origin}/peta.xml\n"
                    self.send(200, robots.encode(), "text/plain")
                elif path == "/peta.xml":
                    urls = "".join(f"<url><loc>{origin}{p}</loc></url>" for p in STORIES)
                    body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                    self.send(200, body.encode(), "application/xml")
                elif path in STORIES:
                    self.send(200, _article(STORIES[path], path.split("/")[3]), "text/html; charset=utf-8")
                elif path == "/":
                    self.send(200, b"<html><body><h1>Kabar Desa</h1></body></html>", "text/html")
                else:
                    self.send(404, b"not here", "text/plain")

        return Handler


def _crawl(domain: str, out: Path, allow: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "kliping", "crawl", "generic", "--domain", domain, "--out", str(out),
           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "RETRY_TIMES=0"]  # fmt: skip
    if allow:
        cmd += ["-s", "KLIPING_ALLOW_PRIVATE_NETWORKS=127.0.0.1"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=out.parent)


def test_a_scheme_given_is_kept() -> None:
    assert generic_site("http://kabar.example").sources[0].url == "http://kabar.example/robots.txt"
    assert generic_site("https://kabar.example").sources[0].url == "https://kabar.example/robots.txt"
    assert generic_site("kabar.example").sources[1].url == "https://kabar.example/"
    assert generic_site("HTTP://127.0.0.1:8080/").domain == "127.0.0.1:8080"


@pytest.mark.parametrize("given", ["http", "none"])
def test_a_plain_http_site_of_ones_own(tmp_path: Path, given: str) -> None:
    with PlainHttpSite() as site:
        domain = f"127.0.0.1:{site.port}"
        proc = _crawl(site.origin if given == "http" else domain, tmp_path / "out")
        hits = dict(site.hits)
    assert proc.returncode == 0, proc.stderr[-3000:]
    arts = read_dataset(tmp_path / "out" / "articles").to_pylist()
    assert sorted(a["url"] for a in arts) == sorted(f"{site.origin}{p}" for p in STORIES)
    assert {a["title"] for a in arts} == set(STORIES.values())
    assert all(a["site"] == f"site_127_0_0_1_{site.port}" for a in arts)
    assert all(hits[p] == 1 for p in STORIES)  # each story once: no second round over http
    if given == "none":
        assert "reading the site over http" in proc.stderr
    else:
        assert "https" not in proc.stderr  # never tried


def test_no_fallback_past_the_network_guard(tmp_path: Path) -> None:
    """Without the allowance the loopback site is refused over https and over http alike."""
    with PlainHttpSite() as site:
        proc = _crawl(f"127.0.0.1:{site.port}", tmp_path / "out", allow=False)
        hits = sum(site.hits.values())
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert hits == 0
    assert "reading the site over http" not in proc.stderr
    assert "private_address" in proc.stderr
