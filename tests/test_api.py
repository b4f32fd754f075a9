"""The library face (``kliping.extract``, ``parse_date``, ``crawl``, ``read``; docs/api.md).

The examples of docs/api.md run here as written, one namespace, in a fresh directory: their crawl
is a real Scrapy crawl (child process) of the bundled sample sites on 127.0.0.1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kliping
from kliping.dataset.schema import ARTICLES, RUNS
from tests.conftest import kliping as run_cli

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "pages" / "antaranews.html"
PAGE_URL = "https://www.antaranews.com/berita/3950000/harga-emas-antam-naik"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


def test_docs_api_examples_run(tmp_path, monkeypatch, capsys) -> None:
    blocks = python_blocks((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "docs_api"}
    for n, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"docs/api.md python block {n}", "exec"), namespace)
        except Exception as exc:  # name the block, keep the traceback
            raise AssertionError(f"docs/api.md python block {n} failed: {exc!r}") from exc
    out = capsys.readouterr().out
    assert "Banjir rendam 300 rumah di Kampung Melayu" in out
    assert "no article:" in out and "not HTML:" in out
    assert (tmp_path / "data" / "sample" / "articles").is_dir()


def test_import_is_lazy() -> None:
    """``import kliping`` loads none of the package's modules, nor Scrapy, pyarrow, trafilatura."""
    code = (
        "import sys, kliping; heavy = [m for m in sys.modules if m.startswith("
        "('kliping.', 'scrapy', 'pyarrow', 'trafilatura', 'twisted', 'typing'))]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
    code = "import sys, kliping; kliping.parse_date('8/1/2024'); print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # parse_date does not pay for the cleaner


def test_names_and_types() -> None:
    for name in kliping.__all__:
        assert getattr(kliping, name) is not None, name
    assert set(dir(kliping)) >= set(kliping.__all__)
    with pytest.raises(AttributeError):
        kliping.no_such_thing  # noqa: B018
    assert issubclass(kliping.NotHtml, kliping.NotAnArticle)
    assert issubclass(kliping.BadPartsError, ValueError)
    assert issubclass(kliping.MissingExtra, ImportError)
    # the Article carries exactly the articles dataset's fields, in its order
    assert [f.name for f in dataclasses.fields(kliping.Article)] == ARTICLES.names


def test_crawl_is_the_function_beside_the_crawler_package() -> None:
    # the crawling stage's package is kliping.crawler: no submodule can shadow kliping.crawl
    import kliping.crawler.run as run_module
    from kliping.crawler.run import run_crawl

    assert callable(kliping.crawl) and kliping.crawl.__module__ == "kliping.api"
    assert run_module.run_crawl is run_crawl and kliping.crawler.run is run_module
    assert callable(kliping.crawl)


def test_extract_matches_the_cli(tmp_path) -> None:
    when = "2024-04-16T05:00:00+00:00"
    cli = run_cli("extract", str(PAGE), "--url", PAGE_URL, "--fetched-at", when)
    assert cli.returncode == 0, cli.stderr
    printed = json.loads(cli.stdout)
    html = PAGE.read_bytes()
    article = kliping.extract(html, PAGE_URL, fetched_at=dt.datetime.fromisoformat(when))
    mine = json.loads(article.to_json())
    assert printed.pop("fetch_id") == str(PAGE) and mine.pop("fetch_id") == "extract"
    assert mine == printed
    # text in, same article out; the record as Python values
    again = kliping.extract(html.decode("utf-8"), PAGE_URL, fetched_at=dt.datetime(2024, 4, 16, 5))
    assert again.text == article.text and again.fetched_at == article.fetched_at
    d = article.to_dict()
    assert list(d) == ARTICLES.names and isinstance(d["published_date"], dt.date)
    assert article.site == "antaranews" and article.authors == d["authors"]


def test_extract_site_and_errors() -> None:
    html = PAGE.read_bytes()
    assert kliping.extract(html, site="antaranews").site == "antaranews"
    with pytest.raises(LookupError, match="nosuchsite"):
        kliping.extract(html, site="nosuchsite")
    with pytest.raises(TypeError, match="str or bytes"):
        kliping.extract(123)  # type: ignore[arg-type]
    with pytest.raises(kliping.NotHtml, match="not HTML"):
        kliping.extract(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(kliping.NotAnArticle):
        kliping.extract("")


def test_parse_date_is_the_cli_answer() -> None:
    cli = run_cli("dates", "--reference", "2024-01-08T12:00:00+07:00", "--tz", "WITA",
                  "Senin (8/1) 10.15", "kemarin")
    assert cli.returncode == 0, cli.stderr
    ref = dt.datetime(2024, 1, 8, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for line in cli.stdout.splitlines():
        printed = json.loads(line)
        mine = kliping.parse_date(printed["input"], reference=ref, tz="WITA")
        assert (mine.date.isoformat() if mine.date else None) == printed["date"]
        assert (mine.datetime.isoformat() if mine.datetime else None) == printed["datetime"]
    with pytest.raises(ValueError):
        kliping.parse_date("8/1/2024", tz="Mars/Olympus")


def test_crawl_bad_input_is_a_value_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="nosuchsite"):
        kliping.crawl(["nosuchsite"], tmp_path / "out")
    with pytest.raises(ValueError, match="--since"):
        kliping.crawl("detakberita", tmp_path / "out", since="8 Januari")
    with pytest.raises(ValueError, match="at least one"):
        kliping.crawl([], tmp_path / "out")
    assert not (tmp_path / "out" / "raw").exists()


def test_read_arguments(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        kliping.read(tmp_path / "missing")
    with pytest.raises(ValueError, match="what"):
        kliping.read(tmp_path, "pages")
    with pytest.raises(ValueError, match="no date"):
        kliping.read(tmp_path, "errors", since="2024-01-01")
    with pytest.raises(ValueError, match="since"):
        kliping.read(tmp_path, since="kemarin")
    with pytest.raises(ValueError, match="after"):
        kliping.read(tmp_path, since="2024-01-09", until="2024-01-08")
    with pytest.raises(ValueError, match="no field"):
        kliping.read(tmp_path, columns=["nope"])
    empty = kliping.read(tmp_path, "runs")  # nothing written yet: the schema, no rows
    assert empty.num_rows == 0 and empty.schema.names == RUNS.names


def test_crawl_timeout_stops_the_child_and_the_ledger_says_so(tmp_path) -> None:
    from kliping.testing.sample import SampleServer

    out = tmp_path / "out"
    slow = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 2, "CONCURRENT_REQUESTS": 1,
            "LOG_LEVEL": "WARNING"}
    with SampleServer() as server, pytest.raises(TimeoutError, match="stopped after 4 s"):
        kliping.crawl("detakberita", out, since="2024-01-05", until="2024-01-10", timeout=4,
                      settings={**slow, "KLIPING_MIRROR": server.mirror()})
    runs = kliping.read(out, "runs")
    assert runs.num_rows == 1
    assert runs.column("status").to_pylist() != ["running"]  # the run was closed, not abandoned
