"""The per-site summary table printed after a crawl or the demo."""

from __future__ import annotations

import os
from typing import Any

import pyarrow.compute as pc
from rich.console import Console
from rich.table import Table

from kliping.storage import read_dataset


def site_summary(out: str | os.PathLike[str], stats: dict[str, dict[str, Any]]) -> list[dict]:
    articles = read_dataset(os.path.join(os.fspath(out), "articles"), "articles",
                            columns=["site", "published_date", "authors", "text"])
    rows = []
    for site in stats or sorted(set(articles.column("site").to_pylist())):
        t = articles.filter(pc.equal(articles.column("site"), site))
        st = stats.get(site, {})
        rows.append(
            {
                "site": site,
                "articles": t.num_rows,
                "new": int(st.get("kliping/articles/new", 0)),
                "skipped": int(st.get("kliping/articles/skipped_known", 0)),
                "with_date": t.num_rows - t.column("published_date").null_count,
                "with_author": sum(1 for a in t.column("authors").to_pylist() if a),
                "errors": int(st.get("kliping/errors", 0)),
            }
        )
    return rows


def print_summary(out: str | os.PathLike[str], stats: dict[str, dict[str, Any]], run_id: str) -> None:
    rows = site_summary(out, stats)
    table = Table(title=f"kliping run {run_id}")
    for col in ("site", "articles", "new", "skipped", "with_date", "with_author", "errors"):
        table.add_column(col.replace("_", " "), justify="left" if col == "site" else "right")
    for r in rows:
        table.add_row(*(str(r[c]) for c in ("site", "articles", "new", "skipped", "with_date",
                                             "with_author", "errors")))
    console = Console()
    console.print(table)
    out = os.fspath(out)
    console.print(f"raw archive: {os.path.join(out, 'raw')}/")
    console.print(f"articles:    {os.path.join(out, 'articles')}/")
    console.print(f"run ledger:  {os.path.join(out, 'runs')}/")
