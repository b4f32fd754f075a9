"""The command line never surprises: no abbreviated options, unknown sites refused, and every known
error one line with exit 2 (bad usage or input) or 1 (the job failed), never a traceback."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kliping.cli import build_parser
from kliping.dataset.storage import PartWriter
from tests.conftest import kliping, one_line


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    """A small crawl output (one raw row and one article of a sample site), a file, an empty dir."""
    root = tmp_path_factory.mktemp("cli")
    out = root / "ds"
    url = "https://kabarnusa.example/berita/1"
    raw = PartWriter(out, "raw", run_id="r1")
    raw.add({"fetch_id": "f1", "url": url, "final_url": url, "site": "kabarnusa", "status": 200,
             "headers": {"Content-Type": "text/html"}, "body": b"<html><p>x</p></html>",
             "fetched_at": datetime(2024, 1, 5, tzinfo=UTC), "run_id": "r1"})
    raw.close()
    art = PartWriter(out, "articles", run_id="r1")
    art.add({"id": "a1", "url": url, "site": "kabarnusa", "title": "Judul", "text": "Isi berita.",
             "published_date": date(2024, 1, 5), "fetch_id": "f1", "run_id": "r1"})
    art.close()
    (root / "file").write_text("not a directory")
    (root / "empty").mkdir()
    return root


def test_no_parser_accepts_abbreviations() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert parser.allow_abbrev is False
    assert sub.choices and all(p.allow_abbrev is False for p in sub.choices.values())
    assert "verify" in sub.choices


def test_an_abbreviated_option_is_an_error_not_a_crawl(tmp_path) -> None:
    """`--sinc` once meant `--since` and started a 630-day crawl."""
    out = tmp_path / "crawl"
    r = kliping("crawl", "kabarnusa", "--sinc", "2024-01-01", "--out", str(out))
    assert r.returncode == 2 and "--sinc" in one_line(r) and "kliping crawl" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("argv", [
    ["stats", "{ds}", "--sit", "kabarnusa"],
    ["export", "{ds}", "--out", "{tmp}/x", "--dedu", "near"],
    ["reclean", "{ds}", "--out", "{tmp}/x", "--work", "1"],
    ["verify", "{ds}", "--rep"],
    ["sites", "--js"],
    ["dates", "--ref", "2024-01-01", "Senin"],
])
def test_abbreviations_are_refused_everywhere(ws, tmp_path, argv) -> None:
    r = kliping(*[a.format(ds=ws / "ds", tmp=tmp_path) for a in argv])
    assert r.returncode == 2 and "unrecognized arguments" in one_line(r)


@pytest.mark.parametrize("command", ["stats", "export", "reclean"])
def test_an_unknown_site_exits_2(ws, tmp_path, command) -> None:
    args = [command, str(ws / "ds"), "--site", "nosuchsite"]
    if command != "stats":
        args += ["--out", str(tmp_path / "x")]
    r = kliping(*args)
    assert r.returncode == 2 and "nosuchsite" in one_line(r)
    assert not (tmp_path / "x").exists()  # no empty export, no dataset card


def test_a_site_known_to_the_dataset_or_registry_is_fine(ws, tmp_path) -> None:
    r = kliping("stats", str(ws / "ds"), "--site", "kabarnusa")
    assert r.returncode == 0 and r.stdout.startswith("1 articles"), r.stderr
    r = kliping("stats", str(ws / "ds"), "--site", "detakberita")  # registered, none here
    assert r.returncode == 0 and r.stdout.startswith("0 articles"), r.stderr


BAD = [
    (["stats", "{missing}"], 2, "no such directory"),
    (["stats", "{file}"], 2, "not a directory"),
    (["stats", "{empty}"], 2, "no readable article parts"),
    (["stats", "{ds}", "--since", "2024-13-01"], 2, "--since"),
    (["export", "{missing}", "--out", "{tmp}/x"], 2, "no such directory"),
    (["export", "{empty}", "--out", "{tmp}/x"], 2, "no readable article parts"),
    (["export", "{ds}", "--out", "{file}"], 2, "--out: not a directory"),
    (["export", "{ds}", "--out", "{file}/sub"], 2, "--out: not a directory"),
    (["export", "{ds}", "--out", "{tmp}/x", "--near-threshold", "99"], 2, "--near-threshold"),
    (["reclean", "{missing}", "--out", "{tmp}/x"], 2, "no such directory"),
    (["reclean", "{file}", "--out", "{tmp}/x"], 2, "not a directory"),
    (["reclean", "{empty}", "--out", "{tmp}/x"], 2, "no Parquet parts"),
    (["reclean", "{ds}", "--out", "{file}"], 2, "--out: not a directory"),
    (["reclean", "{ds}", "--out", "{tmp}/x", "--workers", "0"], 2, "--workers"),
    (["runs", "{missing}"], 2, "no such directory"),
    (["runs", "{file}"], 2, "not a directory"),
    (["verify", "{missing}"], 2, "no such directory"),
    (["verify", "{file}"], 2, "not a directory"),
    (["verify", "{empty}"], 2, "no raw/"),
    (["scaffold", "Bad", "--domain", "news.example.co.id"], 2, "KEY"),
    (["scaffold", "kabar_baru", "--domain", "bad..example"], 2, "--domain"),
    (["scaffold", "kabar_baru", "--domain", "kabarbaru.example", "--root", "{file}"], 2, "--root"),
    (["dates", "--tz", "Mars/Olympus", "Senin"], 2, "--tz"),
    (["extract", "{missing}"], 2, "no such file"),
    (["canary", "nosuchsite"], 2, "nosuchsite"),
    (["crawl", "nosuchsite", "--out", "{tmp}/x"], 2, "nosuchsite"),
    (["sites", "--nope"], 2, "--nope"),
    ([], 2, "COMMAND"),
]


@pytest.mark.parametrize(("argv", "code", "needle"), BAD, ids=[" ".join(a) or "none" for a, _, _ in BAD])
def test_bad_input_is_one_line_and_the_right_code(ws, tmp_path, argv, code, needle) -> None:
    r = kliping(*[a.format(ds=ws / "ds", missing=ws / "missing", file=ws / "file", empty=ws / "empty",
                           tmp=tmp_path) for a in argv])
    assert r.returncode == code, r.stderr
    assert needle in one_line(r)


def test_a_bad_ledger_part_is_named_by_runs(ws, tmp_path) -> None:
    import shutil

    out = tmp_path / "ds"
    shutil.copytree(ws / "ds", out)
    (out / "runs").mkdir()
    (out / "runs" / "part-broken.parquet").write_bytes(b"PAR1 not really")
    r = kliping("runs", str(out))
    assert r.returncode == 2 and "part-broken.parquet" in one_line(r) and "verify" in r.stderr


def test_demo_into_a_locked_output_is_one_line(tmp_path) -> None:
    from kliping.crawler.runlock import RunLock

    with RunLock(tmp_path / "out", "r-other"):
        r = kliping("demo", "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "in use by another kliping run" in one_line(r)
