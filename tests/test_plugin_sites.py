"""Sites outside the package: an installed plugin (entry point group ``kliping.sites``) and a
``KLIPING_SITES_PATH`` directory, each listed by ``scrapy list`` and crawled by ``scrapy crawl KEY``
with the real engine, from a fixture site on 127.0.0.1 (through the mirror), as a user of a
pip-installed kliping runs them: no scrapy.cfg, ``SCRAPY_SETTINGS_MODULE=kliping.settings``.

The plugin is a real package built and installed by pip (``--target``, offline) whose dist-info
declares the entry point; the fictional sites, their pages and their prose are made up here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.dataset.storage import read_dataset
from kliping.testing.fixture_server import FixtureServer
from tests.conftest import FAST

ROOT = Path(__file__).resolve().parents[1]
SINCE, UNTIL = "2025-03-10", "2025-03-11"

SITE_MODULE = '''"""{domain}: a reader's own site, outside the kliping package."""

from kliping.sites.base import Site, Source


def tag_origin(article, raw):
    """The site's article hook: runs last in the cleaner, for crawl, reclean and extract alike."""
    return {{**article, "section": "dari-{key}"}}


SITE = Site(
    key="{key}",
    name="{name}",
    domain="{domain}",
    sources=(Source("{kind}", "https://{domain}/{listing}"),),
    article_pattern=r"^https://{host}/berita/\\d{{4}}/[\\w-]+$",
    skip_patterns=(r"/video/",),
    post_process=tag_origin,
)
'''

STORIES = [
    ("2025-03-10T09:15:00+07:00", "1001", "warga-tanam-mangrove-di-pesisir",
     "Warga Tanam Mangrove di Pesisir",
     "Ratusan warga bersama pelajar menanam bibit mangrove di sepanjang pesisir desa pada Senin pagi. "
     "Kepala desa mengatakan penanaman ini bertujuan menahan abrasi yang tiap tahun menggerus daratan."),
    ("2025-03-11T14:40:00+07:00", "1002", "pasar-tradisional-dibuka-kembali",
     "Pasar Tradisional Dibuka Kembali",
     "Pasar tradisional di pusat kecamatan dibuka kembali setelah direnovasi selama enam bulan. "
     "Para pedagang menyambut gembira karena kios baru lebih bersih dan tidak lagi bocor saat hujan."),
]
OUT_OF_WINDOW = ("2025-03-08T08:00:00+07:00", "0999", "berita-lama-di-luar-jendela")


def _article(title: str, stamp: str, text: str) -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{stamp}"></head><body>'
            f'<nav><a href="/">Beranda</a></nav><article><h1>{title}</h1>{paras}'
            f'<p>Pemerintah daerah berjanji akan terus mendampingi kegiatan warga tersebut hingga '
            f'tuntas dan mengajak desa lain untuk mengikuti langkah yang sama.</p></article>'
            f'<footer>Hak cipta dilindungi.</footer></body></html>')


def make_site(fixtures: Path, sites_dir: Path, key: str, kind: str) -> list[str]:
    """``sites_dir/<key>.py`` and its fixture pages; returns the article URLs in the window."""
    domain = f"www.{key}.example"
    listing = "rss" if kind == "feed" else "sitemap-news.xml"
    sites_dir.mkdir(parents=True, exist_ok=True)
    (sites_dir / f"{key}.py").write_text(SITE_MODULE.format(
        key=key, name=key.title(), domain=domain, kind=kind, listing=listing,
        host=domain.replace(".", "\\.")), encoding="utf-8")
    folder = fixtures / key
    folder.mkdir(parents=True)
    pages: dict[str, str] = {}
    entries = []
    for stamp, ident, slug, title, text in STORIES:
        url = f"https://{domain}/berita/{ident}/{slug}"
        pages[url] = f"{ident}.html"
        (folder / f"{ident}.html").write_text(_article(title, stamp, text), encoding="utf-8")
        entries.append((url, stamp))
    old = OUT_OF_WINDOW
    entries.append((f"https://{domain}/berita/{old[1]}/{old[2]}", old[0]))
    entries.append((f"https://{domain}/video/1003/cuplikan-banjir", STORIES[0][0]))
    if kind == "feed":
        items = "".join(f"<item><title>x</title><link>{u}</link><pubDate>{s}</pubDate></item>"
                        for u, s in entries)
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{key}</title>{items}</channel></rss>'
    else:
        urls = "".join(f"<url><loc>{u}</loc><news:news><news:publication_date>{s}"
                       f"</news:publication_date></news:news></url>" for u, s in entries)
        doc = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')
    (folder / "listing.xml").write_text(doc, encoding="utf-8")
    pages[f"https://{domain}/{listing}"] = "listing.xml"
    never = [u for u, _ in entries[len(STORIES):]]
    spec = {"site": key, "pages": pages, "crawl": {"articles": list(pages)[:2], "never": never}}
    (folder / "fixtures.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return [u for u, _ in entries[: len(STORIES)]]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KLIPING_SITES_PATH"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *extra.pop("PATH_FIRST", "").split(os.pathsep)] + [env.get("PYTHONPATH", "")]
    ).strip(os.pathsep)
    env["SCRAPY_SETTINGS_MODULE"] = "kliping.settings"  # an installed kliping: no scrapy.cfg
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=240)


def _crawl_and_check(key: str, fixtures: Path, expected: list[str], env: dict[str, str], cwd: Path) -> None:
    listed = _run(["-m", "scrapy", "list"], env, cwd)
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert key in listed.stdout.split() and "detik" in listed.stdout.split()
    out = cwd / f"out-{key}"
    with FixtureServer(fixtures, [key]) as server:
        proc = _run(["-m", "scrapy", "crawl", key, "-a", f"since={SINCE}", "-a", f"until={UNTIL}",
                     "-s", f"KLIPING_OUT={out}", "-s", f"KLIPING_MIRROR={json.dumps(server.mirror())}",
                     *FAST], env, cwd)
        hits = set(server.hits)
    assert proc.returncode == 0, proc.stderr[-3000:]
    arts = read_dataset(out / "articles").to_pylist()
    assert sorted(a["url"] for a in arts) == sorted(expected)
    assert {a["site"] for a in arts} == {key}
    assert {a["section"] for a in arts} == {f"dari-{key}"}  # the site's post_process hook ran
    assert all(a["word_count"] > 20 and a["published_date"] for a in arts)
    assert not [u for u in hits if "/video/" in u or "0999" in u]  # skip rule, window


@pytest.fixture(scope="module")
def plugin(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """A package ``kabarku-sites`` declaring ``kabarku = kabarku_sites.kabarku:SITE`` in the group
    ``kliping.sites``, pip-installed (offline, no dependencies) into a --target directory."""
    tmp = tmp_path_factory.mktemp("plugin")
    pkg = tmp / "pkg"
    expected = make_site(tmp / "fixtures", pkg / "kabarku_sites", "kabarku", "feed")
    (pkg / "kabarku_sites" / "__init__.py").write_text("")
    (pkg / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "kabarku-sites"\nversion = "0.1"\n\n'
        '[project.entry-points."kliping.sites"]\nkabarku = "kabarku_sites.kabarku:SITE"\n\n'
        '[tool.setuptools]\npackages = ["kabarku_sites"]\n'
    )
    target = tmp / "target"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                          "--no-index", "--target", str(target), str(pkg)],
                         capture_output=True, text=True, timeout=240)
    assert pip.returncode == 0, pip.stderr[-2000:]
    assert "kliping.sites" in next(target.glob("*.dist-info/entry_points.txt")).read_text()
    return tmp, target, expected


def test_plugin_site_listed_and_crawled(plugin) -> None:
    tmp, target, expected = plugin
    _crawl_and_check("kabarku", tmp / "fixtures", expected, _env(PATH_FIRST=str(target)), tmp)


def test_plugin_site_in_kliping_sites(plugin) -> None:
    tmp, target, _ = plugin
    proc = _run(["-m", "kliping", "sites", "--json"], _env(PATH_FIRST=str(target)), tmp)
    assert proc.returncode == 0, proc.stderr
    assert "kabarku" in [s["site"] for s in json.loads(proc.stdout)]


def test_sites_path_listed_and_crawled(tmp_path: Path) -> None:
    sites = tmp_path / "my-sites"
    expected = make_site(tmp_path / "fixtures", sites, "kabardua", "news_sitemap")
    (sites / "_helpers.py").write_text("raise RuntimeError('files starting with _ are not sites')\n")
    env = _env(KLIPING_SITES_PATH=str(sites))
    _crawl_and_check("kabardua", tmp_path / "fixtures", expected, env, tmp_path)
    # kliping crawl finds it the same way (Scrapy's spider loader)
    out = tmp_path / "out-cli"
    with FixtureServer(tmp_path / "fixtures", ["kabardua"]) as server:
        proc = _run(["-m", "kliping", "crawl", "kabardua", "--since", SINCE, "--until", UNTIL, "--out",
                     str(out), "--mirror", json.dumps(server.mirror())], env, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(a["url"] for a in read_dataset(out / "articles").to_pylist()) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("from kliping.sites.base import Site, Source\nSITE = Site(key='kabartiga', name='x', "
         "domain='kabartiga.example', zone='UTC', "
         "sources=(Source('feed', 'https://kabartiga.example/rss'),), "
         "article_pattern='/berita/')\n", "field 'zone'"),
        ("from kliping.sites.base import Site, Source\nSITE = Site(key='lain', name='x', "
         "domain='kabartiga.example', sources=(Source('feed', 'https://kabartiga.example/rss'),), "
         "article_pattern='/berita/')\n", "field 'key'"),
        ("SITE = 'kabartiga'\n", "defines no SITE"),
        ("def broken(:\n", "SyntaxError"),
    ],
    ids=["bad-zone", "key-not-stem", "no-site", "syntax"],
)
def test_malformed_user_site_is_one_line_naming_file_and_field(tmp_path: Path, text: str, says: str) -> None:
    sites = tmp_path / "my-sites"
    sites.mkdir()
    (sites / "kabartiga.py").write_text(text)
    proc = _run(["-m", "kliping", "sites"], _env(KLIPING_SITES_PATH=str(sites)), tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(sites / "kabartiga.py") in lines[0] and says in lines[0], proc.stderr


def test_user_site_cannot_shadow_a_package_site(tmp_path: Path) -> None:
    sites = tmp_path / "my-sites"
    sites.mkdir()
    (sites / "detik.py").write_text(
        "from kliping.sites.base import Site, Source\nSITE = Site(key='detik', name='x', domain='d.example', "
        "sources=(Source('feed', 'https://d.example/rss'),), article_pattern='/berita/')\n")
    proc = _run(["-m", "kliping", "sites"], _env(KLIPING_SITES_PATH=str(sites)), tmp_path)
    assert proc.returncode == 2 and "already defined by kliping.sites.detik" in proc.stderr


def test_scaffold_writes_to_the_sites_path_when_installed(tmp_path: Path) -> None:
    """Outside a clone, scaffold writes into KLIPING_SITES_PATH; the new site is then registered."""
    sites = tmp_path / "my-sites"
    env = _env(KLIPING_SITES_PATH=str(sites))
    proc = _run(["-m", "kliping", "scaffold", "kabar_empat", "--domain", "www.kabarempat.example"], env,
                tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (sites / "kabar_empat.py").is_file()
    stub = sites / "fixtures" / "kabar_empat" / "fixtures.json"
    assert json.loads(stub.read_text())["site"] == "kabar_empat"
    assert not (tmp_path / "kliping").exists()
    listed = _run(["-m", "kliping", "sites", "--json"], env, tmp_path)
    assert "kabar_empat" in [s["site"] for s in json.loads(listed.stdout)]
    # neither a clone, nor a sites directory: told what to pass, in one line
    bare = _run(["-m", "kliping", "scaffold", "kabar_lima", "--domain", "kabarlima.example"], _env(),
                tmp_path)
    assert bare.returncode == 2 and "--sites-dir" in bare.stderr and len(bare.stderr.splitlines()) == 1
