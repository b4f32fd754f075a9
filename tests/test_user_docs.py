"""What a new user tries from README.md and docs/, on the demo output: each check is a command
line or a read-back a user would run, and what the docs promise of it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import kliping, one_line


def test_runs_json_instants_are_iso_8601(demo) -> None:
    r = kliping("runs", str(demo), "--json")
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout.splitlines()[0])
    for key in ("started_at", "finished_at"):
        assert "T" in row[key], row[key]  # as `kliping extract` and the JSONL export write them
        assert datetime.fromisoformat(row[key]).utcoffset() is not None
    assert row["since"] == "2024-01-05" and row["until"] == "2024-01-10"


@pytest.mark.parametrize("where", ["articles", "raw"])
def test_runs_of_a_dataset_directory_names_the_output(demo, where) -> None:
    r = kliping("runs", str(demo / where))
    assert r.returncode == 2, r.stdout  # was an empty table, exit 0
    assert f"no runs/ under {demo / where}; give the output directory, {demo}" in one_line(r)


def test_runs_of_a_directory_that_is_no_output(tmp_path) -> None:
    r = kliping("runs", str(tmp_path))
    assert r.returncode == 2 and "not a kliping output" in one_line(r)


@pytest.mark.parametrize("command", ["stats", "export"])
@pytest.mark.parametrize("where", ["raw", "runs"])
def test_stats_and_export_of_another_dataset_say_so(demo, tmp_path, command, where) -> None:
    extra = ["--out", str(tmp_path / "x")] if command == "export" else []
    r = kliping(command, str(demo / where), *extra)
    assert r.returncode == 2
    line = one_line(r)
    assert f"is the {where}/ dataset of {demo}, not articles: give {demo}" in line, line
    assert "wrong schema" not in line


def test_cc_news_month_out_of_range(tmp_path) -> None:
    r = kliping("ingest", "cc-news:2024/13", "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "no month 13" in one_line(r)


def test_a_second_crawl_skips_each_known_article_once(demo, tmp_path) -> None:
    """README: "A second run into the same --out skips articles already archived". The sample
    sites list each article in a sitemap and on several index pages: the summary and the ledger
    counted every listing entry (56 'skipped' of detakberita's 16 articles)."""
    import shutil

    from kliping.crawler.ledger import read_ledger
    from kliping.dataset.storage import read_dataset

    out = tmp_path / "again"
    shutil.copytree(demo, out)
    r = kliping("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    articles = read_dataset(out / "articles").num_rows
    second = read_ledger(out)[-1]
    assert (second["articles_new"], second["articles_skipped"]) == (0, articles)
    by_site = json.loads(second["health"])["sites"]
    rows = {line.split()[1]: line.split() for line in r.stdout.splitlines()
            if line.startswith("│") and line.split()[1] in by_site}
    assert len(rows) == 3, r.stdout
    for cells in rows.values():  # │ site │ articles │ new │ skipped │ …
        assert cells[5] == "0" and cells[7] == cells[3], cells


def _as_parquet_stores(typ):  # noqa: ANN001, ANN202
    """The type a Parquet file gives back for a schema type: seconds are stored as milliseconds."""
    import pyarrow as pa

    if pa.types.is_timestamp(typ) and typ.unit == "s":
        return pa.timestamp("ms", tz=typ.tz)
    return typ


def test_parquet_files_have_the_documented_types(demo, tmp_path) -> None:
    """docs/schema.md, read literally against the files a user opens with pyarrow: every field
    there, with its type (or the stored type the page's note names) and nullability."""
    import pyarrow.parquet as pq

    from kliping.dataset.schema import DATASETS

    doc = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text()
    assert "stored as\n`timestamp[ms, tz=UTC]`" in doc
    r = kliping("export", str(demo), "--out", str(tmp_path / "ex"))
    assert r.returncode == 0, r.stderr
    files = {name: sorted((demo / name).rglob("*.parquet")) for name in ("raw", "articles", "runs")}
    files["export"] = [tmp_path / "ex" / "data" / "articles.parquet"]
    for name, paths in files.items():
        schema = DATASETS["articles" if name == "export" else name]
        assert paths, name
        for path in paths:
            got = pq.read_schema(path)
            for field in schema:
                if field.name == "site" and name != "export":
                    assert field.name not in got.names  # the hive partition holds it
                    continue
                stored = got.field(field.name)
                assert stored.type == _as_parquet_stores(field.type), (path, field.name, stored.type)
                assert stored.nullable == field.nullable, (path, field.name)


def test_resume_takes_a_crawl_window_never_an_ingest_one(demo, tmp_path) -> None:
    """docs/scheduling.md: `--resume` continues the last killed/failed *crawl* of the sites; a
    failed ingest into the same output (a truncated WARC file) was resumed as one, with the
    ingest's published-date bounds as the crawl window."""
    r = kliping("export", str(demo), "--out", str(tmp_path / "w"), "--format", "warc")
    assert r.returncode == 0, r.stderr
    whole = next((tmp_path / "w" / "data").glob("*.warc.gz")).read_bytes()
    (tmp_path / "cut").mkdir()
    (tmp_path / "cut" / "cut.warc.gz").write_bytes(whole[: len(whole) * 3 // 4])
    out = tmp_path / "out"
    r = kliping("ingest", str(tmp_path / "cut"), "--out", str(out),
                "--since", "2024-01-06", "--until", "2024-01-07")
    assert r.returncode == 1 and "truncated" in r.stderr  # the ledger row: an ingest, failed
    r = kliping("crawl", "detakberita", "--resume", "--out", str(out), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "resuming run" not in r.stdout and "2024-01-06" not in r.stdout, r.stdout
    assert "nothing to resume: no killed or failed crawl of these sites" in r.stdout


def test_resume_into_a_new_output_says_there_is_nothing(tmp_path) -> None:
    r = kliping("crawl", "detakberita", "--resume", "--out", str(tmp_path / "new"), "--dry-run")
    assert r.returncode == 0 and "nothing to resume" in r.stdout, r.stdout + r.stderr


@pytest.mark.parametrize("command", ["reclean", "ingest"])
def test_an_unreachable_dask_scheduler_is_named(demo, tmp_path, monkeypatch, command) -> None:
    """`reclean --dask` said "writing OUT failed (Timed out trying to connect …)"; an ingest left
    its ledger row 'running', read as 'killed' afterwards."""
    pytest.importorskip("distributed")
    from kliping.crawler.ledger import read_ledger

    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")  # children inherit it
    source = str(demo)
    if command == "ingest":
        r = kliping("export", str(demo), "--out", str(tmp_path / "w"), "--format", "warc")
        assert r.returncode == 0, r.stderr
        source = str(tmp_path / "w" / "data")
    out = tmp_path / "out"
    r = kliping(command, source, "--out", str(out), "--dask", "tcp://127.0.0.1:1")
    assert r.returncode == 1
    line = one_line(r)
    assert "--dask tcp://127.0.0.1:1: no Dask scheduler answers there" in line
    assert "writing" not in line
    assert [row["status"] for row in read_ledger(out)] == ["failed"]


def test_a_misspelt_health_threshold_is_refused(tmp_path) -> None:
    """docs/scheduling.md: `kliping crawl detik -s 'KLIPING_HEALTH={"max_share_missing_date": 0.5}'`.
    A typo in the key was accepted and ignored: the run kept the default limit without a word."""
    ok = kliping("crawl", "detik", "--out", str(tmp_path / "o"), "--dry-run",
                 "-s", 'KLIPING_HEALTH={"max_share_missing_date": 0.5}')
    assert ok.returncode == 0, ok.stderr
    bad = kliping("crawl", "detik", "--out", str(tmp_path / "o"), "--dry-run",
                  "-s", 'KLIPING_HEALTH={"max_share_missing_dat": 0.5}')
    assert bad.returncode == 2
    line = one_line(bad)
    assert "unknown threshold 'max_share_missing_dat'" in line and "max_share_missing_date" in line


def test_scaffold_points_at_the_smoke_crawl_step(tmp_path) -> None:
    r = kliping("scaffold", "kabarbaru", "--domain", "www.kabarbaru.co.id",
                "--sites-dir", str(tmp_path / "sites"))
    assert r.returncode == 0, r.stderr
    doc = (Path(__file__).resolve().parents[1] / "docs" / "adding-a-site.md").read_text()
    assert "3. **Two-article smoke crawl.**" in doc
    assert "docs/adding-a-site.md, step 3 (smoke crawl" in r.stdout


def test_fixture_server_by_hand(tmp_path) -> None:
    """docs/adding-a-site.md step 5: `python -m kliping.testing.fixture_server tests/sites`. A
    directory without fixtures printed "{}" and served nothing; `--help` was a ValueError."""
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "kliping.testing.fixture_server"]
    r = subprocess.run([*cmd, str(tmp_path / "nope")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no <site>/fixtures.json under" in r.stderr
    r = subprocess.run([*cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "KLIPING_MIRROR" in r.stdout
    root = Path(__file__).resolve().parent / "sites"
    with subprocess.Popen([*cmd, str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as server:
        try:
            assert server.stdout is not None
            mirror = json.loads(server.stdout.readline())
        finally:
            server.terminate()
    assert mirror["news.detik.com"].startswith("http://127.0.0.1:")


def test_readme_lists_every_option_of_every_command() -> None:
    """README "All commands" is where a user looks first: each command's options as `--help` has
    them (export's --language/--min-words, stats' --since/--site, runs --json were missing)."""
    import argparse
    import re

    from kliping.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = readme.split("## All commands\n\n```\n", 1)[1].split("```", 1)[0]
    listed: dict[str, str] = {}
    for line in block.splitlines():
        m = re.match(r"kliping (\w+)", line)
        if m:
            command = m.group(1)
        listed[command] = listed.get(command, "") + line + "\n"
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(listed) == set(sub.choices)
    for command, parser in sub.choices.items():
        for action in parser._actions:
            if action.help == argparse.SUPPRESS or not action.option_strings or "-h" in action.option_strings:
                continue
            assert any(re.search(re.escape(o) + r"\b", listed[command]) for o in action.option_strings), (
                command, action.option_strings)


def test_an_unreachable_redis_is_refused_before_the_run(tmp_path) -> None:
    """docs/cluster.md with a Redis URL where no server runs: two Twisted tracebacks, then a
    summary table naming raw/, articles/ and runs/ of an output never written, exit 1."""
    pytest.importorskip("scrapy_redis")
    out = tmp_path / "out"
    r = kliping("crawl", "detakberita", "--out", str(out), "--redis", "redis://127.0.0.1:1/0")
    assert r.returncode == 2
    assert "--redis redis://127.0.0.1:1/0: no Redis server answers there" in one_line(r)
    assert "raw archive" not in r.stdout and not out.exists()


def test_read_an_unknown_site_is_an_error_not_an_empty_table(demo) -> None:
    """docs/api.md: `read` checks the dataset as `kliping export` does; export refuses a site
    nobody knows, `read(site="detakbrita")` gave 0 rows."""
    import kliping

    with pytest.raises(ValueError, match="unknown site 'detakbrita'"):
        kliping.read(demo, site="detakbrita")
    with pytest.raises(ValueError, match="unknown site 'nope'"):
        kliping.read(demo, "raw", site=["kabarnusa", "nope"])
    assert kliping.read(demo, site="detik").num_rows == 0  # registered, nothing crawled: empty
    assert kliping.read(demo, site="kabarnusa").num_rows > 0


@pytest.mark.parametrize("window", [["since=2024-13-05"], ["since=2024-01-10", "until=2024-01-01"],
                                    ["until=soon"]])
def test_scrapy_crawl_bad_window_is_one_error_line(tmp_path, window) -> None:
    """docs/reliability.md: "A bad date or an empty window is one line (… one ERROR line and no
    request from `scrapy crawl`)". A bad date was an asyncio 'Task exception was never retrieved'
    and a traceback."""
    import os
    import subprocess
    import sys

    from kliping.testing.sample import SampleServer

    out = tmp_path / "out"
    args = [a for w in window for a in ("-a", w)]
    with SampleServer() as server:
        root = str(Path(__file__).resolve().parents[1])  # this checkout's kliping, from any cwd
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
                   SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(out))
        proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "kabarnusa", *args, "-s",
                               "LOG_LEVEL=WARNING"], capture_output=True, text=True, timeout=120,
                              env=env, cwd=tmp_path)
        hits = dict(server.hits)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    errors = [ln for ln in proc.stderr.splitlines() if " ERROR: " in ln]
    assert len(errors) == 1, proc.stderr[-3000:]
    assert ("expected a date" in errors[0]) or ("is after until" in errors[0])
    assert hits == {} or not any(hits.values())  # not even robots.txt
    assert not (out / "runs").exists()


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url", ["closed", "redis://[::1"])
def test_scrapy_crawl_without_redis_is_one_error_line(tmp_path, url) -> None:
    """``scrapy crawl SITE -s KLIPING_REDIS_URL=…`` with no Redis server there (docs/cluster.md's
    worker command) ended in tracebacks from the scheduler and the cluster extension. Now the
    one line ``kliping crawl --redis`` gives, and no request, no output, no ledger row."""
    import os
    import subprocess
    import sys

    pytest.importorskip("scrapy_redis")
    from kliping.testing.sample import SampleServer

    if url == "closed":
        url = f"redis://127.0.0.1:{_closed_port()}/0"
    out = tmp_path / "out"
    with SampleServer() as server:
        root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
                   SCRAPY_SETTINGS_MODULE="kliping.settings",
                   KLIPING_MIRROR=json.dumps(server.mirror()), KLIPING_OUT=str(out))
        proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "kabarnusa", "-s",
                               f"KLIPING_REDIS_URL={url}", "-s", "LOG_LEVEL=WARNING"],
                              capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
        hits = dict(server.hits)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    errors = [ln for ln in proc.stderr.splitlines() if " ERROR: " in ln]
    assert len(errors) == 1, proc.stderr[-3000:]
    assert f"KLIPING_REDIS_URL {url}: no Redis server answers there" in errors[0]
    assert hits == {} or not any(hits.values())
    assert not out.exists() or not any(out.rglob("*.parquet"))


@pytest.mark.parametrize(("env", "sets", "needle"), [
    ({"KLIPING_PROGRESS": "bogus"}, [], "KLIPING_PROGRESS: 'bogus' is not one of"),
    ({}, ["-s", "KLIPING_PROGRESS_INTERVAL=-3"], "KLIPING_PROGRESS_INTERVAL: '-3' must be 0 or more"),
])
def test_crawl_refuses_progress_settings_as_reclean_does(tmp_path, monkeypatch, env, sets, needle) -> None:
    """docs/scheduling.md: KLIPING_PROGRESS and KLIPING_PROGRESS_INTERVAL are read "as for
    reclean, export and ingest", which refuse a bad value (exit 2); a crawl ignored it."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    r = kliping("crawl", "kabarnusa", "--out", str(tmp_path / "o"), "--dry-run", *sets)
    assert r.returncode == 2 and needle in one_line(r)


def test_export_formats_into_one_directory_replace_each_other(demo, tmp_path) -> None:
    """`kliping export … --format jsonl`, then `--format warc` into the same --out: the JSONL file
    and its coverage plot stayed beside the WARC export's card (and a WARC stayed beside a later
    Parquet export), a directory describing two datasets."""
    from kliping.extras import available

    plots = available("matplotlib")
    out = tmp_path / "ex"
    expect = {"jsonl": ["articles.jsonl"], "warc": ["kliping-00000.warc.gz"],
              "parquet": ["articles.parquet"]}
    for fmt in ("jsonl", "warc", "parquet", "warc", "jsonl"):
        r = kliping("export", str(demo), "--out", str(out), "--format", fmt)
        assert r.returncode == 0, r.stderr
        assert sorted(p.name for p in (out / "data").iterdir()) == expect[fmt], fmt
        assert (out / "coverage.png").exists() == (fmt != "warc" and plots), fmt


def test_a_log_file_that_cannot_be_written_is_refused_first(tmp_path) -> None:
    """`kliping crawl … --log-file FILE` in a directory that does not exist: the run opened, then
    'error: No such file or directory' (exit 1) and a ledger row left 'running', read as 'killed',
    which `kliping verify` then reported as a problem."""
    out = tmp_path / "out"
    missing = tmp_path / "no" / "such" / "crawl.log"
    r = kliping("crawl", "suarawarga", "--out", str(out), "--log-file", str(missing),
                "--since", "2024-01-05", "--until", "2024-01-06")
    assert r.returncode == 2
    assert f"--log-file: cannot write {missing}: No such file or directory" in one_line(r)
    assert not out.exists()
    r = kliping("crawl", "suarawarga", "--out", str(out), "-s", f"LOG_FILE={tmp_path}", "--dry-run")
    assert r.returncode == 2 and "--set LOG_FILE: cannot write" in one_line(r)


def test_a_crawl_that_raises_after_opening_records_failed(tmp_path, monkeypatch) -> None:
    """Scrapy's set-up raising once the run had written its 'running' row (as an unwritable log
    file did) left that row, read as 'killed' and flagged by `kliping verify`."""
    from kliping.crawler import run as crawl_run
    from kliping.crawler.ledger import read_ledger

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Scrapy's set-up failed")

    monkeypatch.setattr(crawl_run, "_crawl", broken)
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        crawl_run.run_crawl(["suarawarga"], out)
    assert [r["status"] for r in read_ledger(out)] == ["failed"]
    assert kliping("verify", str(out)).returncode == 0


def test_api_crawl_timeout_raises_and_the_ledger_says_failed(tmp_path) -> None:
    """docs/api.md lists `timeout=` for `kliping.crawl`; what it does was not said."""
    import kliping
    from kliping.crawler.ledger import read_ledger
    from kliping.testing.sample import SampleServer

    out = tmp_path / "out"
    with SampleServer() as server, pytest.raises(TimeoutError, match="stopped after 2 s"):
        kliping.crawl(["kabarnusa"], out, since="2024-01-05", until="2024-01-10", timeout=2,
                      settings={"KLIPING_MIRROR": server.mirror(), "DOWNLOAD_DELAY": 0.5,
                               "AUTOTHROTTLE_ENABLED": False})
    assert [r["status"] for r in read_ledger(out)] == ["failed"]


def test_ingest_dask_without_the_extra_is_one_line(demo, tmp_path) -> None:
    """README: "A command that needs an extra that is not installed says which, in one line
    (exit 2)". `ingest --dask` without dask[distributed] opened the run, then a traceback."""
    import os
    import subprocess
    import sys

    blocked = tmp_path / "blocked" / "distributed"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text('raise ImportError("not installed here")\n')
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocked.parent), root]))
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kliping", "ingest", str(demo), "--out", str(out),
                        "--dask", "tcp://127.0.0.1:1"], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 2
    assert "--dask needs dask[distributed], which is not installed: pip install 'kliping[cluster]'" \
        in one_line(r)
    assert not out.exists()


@pytest.mark.parametrize("lang", ["ind", "Indonesian", "i"])
def test_export_language_must_be_an_iso_639_1_code(demo, tmp_path, lang) -> None:
    """docs/reclean-export.md: `--language` takes ISO 639-1 languages; 'ind' (ISO 639-3) exported
    0 articles without a word, where a misspelt --site is refused."""
    r = kliping("export", str(demo), "--out", str(tmp_path / "x"), "--language", lang)
    assert r.returncode == 2 and "--language: expected an ISO 639-1 code" in one_line(r)
    assert not (tmp_path / "x").exists()


def test_export_language_takes_a_regional_language_s_iso_639_3_code(demo, tmp_path) -> None:
    """Minangkabau and Balinese have no ISO 639-1 code: the cleaner names them "min" and "ban"
    (docs/schema.md), and `--language min` is taken (the demo has no such article: none exported)."""
    r = kliping("export", str(demo), "--out", str(tmp_path / "x"), "--language", "min")
    assert r.returncode == 0, r.stderr[-2000:]


def test_export_language_in_capitals_is_the_code(demo, tmp_path) -> None:
    """`--language ID` is the code `id` the column holds: the same articles as `--language id`."""
    import pyarrow.parquet as pq

    rows = {}
    for lang in ("id", "ID"):
        out = tmp_path / lang
        r = kliping("export", str(demo), "--out", str(out), "--language", lang)
        assert r.returncode == 0, r.stderr[-2000:]
        part = next(out.rglob("*.parquet"))
        rows[lang] = sorted(pq.read_table(part, columns=["id"]).column("id").to_pylist())
    assert rows["ID"] == rows["id"] and rows["id"]
