"""The output formats of ``kliping export``, in one table: a new format is one class and one entry.

:data:`FORMATS` maps a ``--format`` name to its class. The command line takes its choices, its
default and its help from it, :func:`kliping.dataset.export.export` runs the class it names, and
the formats table of docs/reclean-export.md is generated from it (``python -m
kliping.dataset.formats docs/reclean-export.md`` rewrites it; a test checks it is current).

Two kinds of format:

- :class:`ArticleFormat`: the selected article rows (after filters and deduplication) in one file
  ``<out>/data/articles.<suffix>``, with the dataset card and the coverage plot. A subclass says
  how to ``write`` a stream of Arrow tables to a path, and how to load the file (for the card);
  selection, deduplication, the temp-file-then-rename and progress are shared
  (:func:`kliping.dataset.export.export_articles`).
- any other :class:`ExportFormat` runs the whole export itself (``run``), as :class:`Warc` does:
  the raw responses behind the selected articles.

This module imports nothing heavy (the command line reads it to build its parser): each format
imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

DEFAULT = "parquet"
ROW_GROUP = 10_000  # Parquet row group size (rows)


@dataclass
class ExportOptions:
    """What every format gets besides the dataset and the output directory."""

    filters: Any = None  # kliping.dataset.export.Filters (None: everything)
    dedup: str = "none"
    threshold: int = 3
    skip_bad: bool = False
    batch_size: int = 4096
    progress: Callable[..., None] | None = None  # progress(done, total, **counters)
    schema: Any = None  # pyarrow schema of the tables handed to ArticleFormat.write
    extra: dict[str, Any] = field(default_factory=dict)  # format-specific settings


class ExportFormat:
    """One ``--format``. ``suffix``: how its data files' names end; ``description``: one line for
    ``--help`` and the docs."""

    suffix: ClassVar[str]
    description: ClassVar[str]
    unit: ClassVar[str] = "articles"  # what its progress counts

    def run(self, name: str, dataset: str | os.PathLike[str], out: str | os.PathLike[str],
            options: ExportOptions) -> Any:
        """Export ``dataset`` into ``out``; returns the format's result."""
        raise NotImplementedError

    def summary(self, result: Any) -> str:
        """The command's closing line (stdout) for ``result``."""
        raise NotImplementedError


class ArticleFormat(ExportFormat):
    """Article rows in ``<out>/data/articles.<suffix>``, with the dataset card and plot."""

    hf_loader: ClassVar[str]  # the Hugging Face ``datasets`` builder that reads the file
    loaders: ClassVar[tuple[str, ...]] = ()  # the card's "Load it" lines; {data} is the file
    notes: ClassVar[tuple[str, ...]] = ()  # more card lines (comments) after them

    def write(self, tables: Iterable[Any], path: Path, options: ExportOptions) -> None:
        """Write ``tables`` (pyarrow Tables of ``options.schema``, in order) to ``path``."""
        raise NotImplementedError

    def run(self, name: str, dataset: str | os.PathLike[str], out: str | os.PathLike[str],
            options: ExportOptions) -> Any:
        from kliping.dataset.export import export_articles

        return export_articles(self, name, dataset, out, options)

    def summary(self, result: Any) -> str:
        return (
            f"exported {result.written} articles ({result.selected} selected, {result.removed} "
            f"duplicates removed) to {result.data}; card {result.out / 'README.md'}"
            + (f", plot {result.plot}" if result.plot else "")
        )


class Parquet(ArticleFormat):
    suffix = "parquet"
    description = "one Parquet file (zstd, row groups of 10,000, Arrow types kept)"
    hf_loader = "parquet"
    loaders = (
        'pd.read_parquet("{data}")                        # pandas',
        'pl.read_parquet("{data}")                        # polars',
        "duckdb.sql(\"SELECT * FROM '{data}'\")             # DuckDB",
    )

    def write(self, tables: Iterable[Any], path: Path, options: ExportOptions) -> None:
        import pyarrow.parquet as pq

        with pq.ParquetWriter(path, options.schema, compression="zstd") as writer:
            for t in tables:
                writer.write_table(t, row_group_size=ROW_GROUP)


class Jsonl(ArticleFormat):
    suffix = "jsonl"
    description = ("JSON Lines, one article per line (dates YYYY-MM-DD, instants ISO 8601 with "
                   "offset, simhash as 16 hex digits)")
    hf_loader = "json"
    loaders = (
        'pd.read_json("{data}", lines=True)               # pandas',
        'pl.read_ndjson("{data}")                         # polars',
        "duckdb.sql(\"SELECT * FROM read_json_auto('{data}')\")   # DuckDB",
    )
    notes = ("# in JSONL, dates are YYYY-MM-DD, instants ISO 8601 with offset, simhash 16 hex digits",)

    def write(self, tables: Iterable[Any], path: Path, options: ExportOptions) -> None:
        from kliping.dataset.export import jsonl_lines

        with open(path, "w", encoding="utf-8") as fh:
            for t in tables:
                fh.writelines(jsonl_lines(t))


class Warc(ExportFormat):
    suffix = "warc.gz"
    description = ("the raw responses behind the selected articles as WARC/1.1 (response, "
                   "request where known, and metadata records, files rotated at 1 GiB), read from "
                   "the raw archive beside")
    unit = "responses"

    def run(self, name: str, dataset: str | os.PathLike[str], out: str | os.PathLike[str],
            options: ExportOptions) -> Any:
        from kliping.warc.writer import export_warc

        return export_warc(dataset, out, options.filters, dedup=options.dedup,
                           threshold=options.threshold, progress=options.progress,
                           skip_bad=options.skip_bad, **options.extra)

    def summary(self, result: Any) -> str:
        from kliping.warc.writer import DATA_DIR

        return (f"exported {result.written} responses and {result.requests} requests "
                f"({result.selected} articles selected"
                + (f", {result.missing_raw} without a raw row" if result.missing_raw else "")
                + f") to {len(result.files)} WARC file(s) in {result.out / DATA_DIR} "
                f"({result.bytes:,} bytes)")


FORMATS: dict[str, type[ExportFormat]] = {
    "parquet": Parquet,
    "jsonl": Jsonl,
    "warc": Warc,
}


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; ValueError naming the choices otherwise."""
    try:
        return FORMATS[name]()
    except KeyError:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {name!r}") from None


def help_text() -> str:
    """``--format``'s help: every format and what it writes (descriptions hold no ';')."""
    return "; ".join(f"{n}: {c.description}" for n, c in FORMATS.items()) + f" (default {DEFAULT})"


# --------------------------------------------------------------------------------------------
# The docs' table

BEGIN = "<!-- export formats: generated from kliping.dataset.formats.FORMATS; do not edit -->"
END = "<!-- end of export formats -->"


def markdown() -> str:
    """The formats table of docs/reclean-export.md, markers included."""
    rows = [BEGIN, "| `--format` | files in `DIR/data/` | what |", "|---|---|---|"]
    for name, cls in FORMATS.items():
        files = f"`articles.{cls.suffix}`" if issubclass(cls, ArticleFormat) else f"`*.{cls.suffix}`"
        default = " (default)" if name == DEFAULT else ""
        rows.append(f"| `{name}`{default} | {files} | {cls.description} |")
    return "\n".join([*rows, END])


def update_doc(text: str) -> str:
    """``text`` with its generated formats table replaced by the current one."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + markdown() + text[end:]


if __name__ == "__main__":  # python -m kliping.dataset.formats [DOC.md]: print, or rewrite DOC's table
    if len(sys.argv) > 1:
        doc = Path(sys.argv[1])
        doc.write_text(update_doc(doc.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(markdown())
