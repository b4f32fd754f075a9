"""Export formats in one table: the CLI, the export code and the docs all read ``FORMATS``, so a
new format is one class and one entry (shown here with a format the project does not have)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kliping.cli import build_parser, main
from kliping.dataset import formats
from kliping.dataset.export import ExportResult, export
from kliping.dataset.formats import FORMATS, ArticleFormat, ExportOptions, get_format
from kliping.dataset.storage import PartWriter
from tests.test_export import row, text

ROOT = Path(__file__).resolve().parents[1]


class Tsv(ArticleFormat):
    """What a contributor adds for a new format: this class and one FORMATS entry."""

    suffix = "tsv"
    description = "id, site and title, tab-separated"
    hf_loader = "csv"
    loaders = ('pd.read_csv("{data}", sep="\\t")   # pandas',)

    def write(self, tables: Iterable[Any], path: Path, options: ExportOptions) -> None:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh, delimiter="\t")
            out.writerow(["id", "site", "title"])
            for t in tables:
                for r in t.select(["id", "site", "title"]).to_pylist():
                    out.writerow([r["id"], r["site"], r["title"]])


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crawl")
    w = PartWriter(out, "articles", run_id="r1", flush_rows=4)
    for s, site in enumerate(("alpha", "beta")):
        for i in range(6):
            w.add(row(site, i, text(s * 100 + i), date(2024, 1, 1 + i)))
    w.close()
    return out


def test_docs_table_is_generated_from_the_registry() -> None:
    doc = (ROOT / "docs" / "reclean-export.md").read_text(encoding="utf-8")
    assert formats.markdown() in doc, (
        "docs/reclean-export.md is stale: run `python -m kliping.dataset.formats docs/reclean-export.md`"
    )
    assert formats.update_doc(doc) == doc
    for name, cls in FORMATS.items():
        assert f"| `{name}`" in doc and cls.description in doc


def test_cli_choices_and_help_come_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    action = next(a for a in _export_parser()._actions if a.dest == "fmt")
    assert tuple(action.choices) == tuple(FORMATS) and action.default == formats.DEFAULT
    assert action.help is not None
    for name, cls in FORMATS.items():
        assert f"{name}: {cls.description}" in action.help % {}
        # '; ' separates the formats in the help, '|' the cells of the docs' table
        assert ";" not in cls.description and "|" not in cls.description, name


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="parquet, jsonl, warc"):
        get_format("xlsx")


def test_a_new_format_is_one_class_and_one_entry(dataset: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(FORMATS, "tsv", Tsv)
    res = export(dataset, tmp_path / "api", fmt="tsv")
    assert isinstance(res, ExportResult) and res.data == tmp_path / "api" / "data" / "articles.tsv"
    rows = res.data.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id\tsite\ttitle" and len(rows) == 13
    card = (tmp_path / "api" / "README.md").read_text(encoding="utf-8")
    assert 'pd.read_csv("data/articles.tsv", sep="\\t")' in card and "(tsv)" in card
    assert 'load_dataset("csv", data_files="data/articles.tsv")' in card
    # the command line knows it too: choice, help, run, closing line
    action = next(a for a in _export_parser()._actions if a.dest == "fmt")
    assert "tsv" in action.choices and Tsv.description in action.help
    assert main(["export", str(dataset), "--out", str(tmp_path / "cli"), "--format", "tsv"]) == 0
    assert "exported 12 articles" in capsys.readouterr().out
    assert (tmp_path / "cli" / "data" / "articles.tsv").read_text(encoding="utf-8").splitlines() == rows
    assert "`tsv`" in formats.markdown()


def test_export_switches_format_in_place(dataset: Path, tmp_path: Path) -> None:
    """An export into the same directory in another article format replaces the data file."""
    first = export(dataset, tmp_path / "e", fmt="jsonl")
    again = export(dataset, tmp_path / "e", fmt="parquet")
    assert not first.data.exists() and again.data.exists()
    assert sorted(p.name for p in (tmp_path / "e" / "data").iterdir()) == ["articles.parquet"]


def _export_parser() -> Any:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices["export"]
