"""The per-site summary table printed after a crawl or the demo."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from rich.measure import Measurement
from rich.table import Table

from kliping.cli.common import console as plain_console
from kliping.cli.common import shown


def _site_counts(out: str | os.PathLike[str], site: str) -> tuple[int, int, int]:
    """Articles, with a date, with an author, in ``<out>/articles/site=<site>``: two small
    columns read part by part (no text, no pyarrow.dataset: a crawler's memory stays low); a part
    that cannot be read is left out."""
    from kliping.dataset.storage import bomb_in, list_parts

    total = dated = authored = 0
    for path in list_parts(Path(out) / "articles" / f"site={site}"):  # no temp files
        if not path.is_file() or bomb_in(path):  # a FIFO named like a part: never opened (it
            continue  # would block); a compression bomb: never decoded
        try:
            table = pq.ParquetFile(path).read(columns=["published_date", "authors"])
        except (pa.ArrowException, OSError):
            continue  # the run is over: a table, not a verdict (`kliping verify` names bad parts)
        total += table.num_rows
        dated += table.num_rows - table.column("published_date").null_count
        authored += int(pc.sum(pc.fill_null(pc.greater(pc.list_value_length(
            table.column("authors")), 0), False)).as_py() or 0)
    return total, dated, authored


def site_summary(out: str | os.PathLike[str], stats: dict[str, dict[str, Any]]) -> list[dict]:
    sites = list(stats) or sorted(
        p.name.removeprefix("site=") for p in (Path(out) / "articles").glob("site=*")
    )
    rows = []
    for site in sites:
        st = stats.get(site, {})
        # the partition the crawler wrote: a generic crawl's is its domain's key, not "generic"
        part = str(st.get("kliping/site_key") or site)
        total, dated, authored = _site_counts(out, part)
        rows.append(
            {
                "site": part,
                "articles": total,
                "new": int(st.get("kliping/articles/new", 0)),
                "skipped": int(st.get("kliping/articles/skipped_known", 0)),
                "with_date": dated,
                "with_author": authored,
                "errors": int(st.get("kliping/errors", 0)),
            }
        )
    return rows


def print_summary(out: str | os.PathLike[str], stats: dict[str, dict[str, Any]], run_id: str) -> None:
    rows = site_summary(out, stats)
    table = Table(title=f"kliping run {shown(run_id)}")
    for col in ("site", "articles", "new", "skipped", "with_date", "with_author", "errors"):
        table.add_column(col.replace("_", " "), justify="left" if col == "site" else "right")
    for r in rows:
        table.add_row(*(shown(r[c]) for c in ("site", "articles", "new", "skipped", "with_date",
                                             "with_author", "errors")))
    console = plain_console()
    if not console.is_terminal:  # a pipe, a log or cron mail: whole rows (a generic site's key is long)
        wide = Measurement.get(console, console.options.update_width(10_000), table).maximum
        console.width = max(console.width, wide)
    console.print(table)
    out = shown(os.fspath(out))
    # whole lines: a long path was wrapped at 80 columns in a pipe, a log or cron mail
    console.print(f"raw archive: {os.path.join(out, 'raw')}/", soft_wrap=True)
    console.print(f"articles:    {os.path.join(out, 'articles')}/", soft_wrap=True)
    console.print(f"run ledger:  {os.path.join(out, 'runs')}/", soft_wrap=True)
