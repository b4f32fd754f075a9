"""``kliping stats DATASET``: the dataset card's counts as tables in the terminal."""

from __future__ import annotations

import argparse

from kliping.cli import UsageError
from kliping.cli.common import add_skip_bad, console, report_skipped, shown


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="articles by site and month, field coverage, cleaner versions")
    p.add_argument("dataset", metavar="DATASET", help="articles directory (<out>/articles) or <out>")
    p.add_argument("--since", help="first published_date (YYYY-MM-DD)")
    p.add_argument("--until", help="last published_date (YYYY-MM-DD)")
    p.add_argument("--site", action="append", help="only this site (repeatable)")
    add_skip_bad(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from kliping.cli.export import filters_from
    from kliping.dataset.export import DatasetError, UnknownSiteError, counts_table, dataset_stats

    try:
        st = dataset_stats(args.dataset, filters_from(args), skip_bad=args.skip_bad)
    except UnknownSiteError as exc:
        raise UsageError(str(exc)) from None
    except DatasetError as exc:
        raise UsageError(f"DATASET: {exc}") from None
    report_skipped("stats", st.skipped)
    out = console()
    out.print(
        Text.assemble((str(st.rows), "bold"), f" articles from {len(st.by_site)} site(s); published_date "
        f"{st.first or 'n/a'} to {st.last or 'n/a'}" + (f", {st.undated} undated" if st.undated else ""))
    )
    header, rows = counts_table(st)
    t = Table(title="Articles by site and month")
    for i, h in enumerate(header):
        t.add_column(h, justify="left" if i == 0 else "right")
    for r in rows:
        t.add_row(*(shown(str(c).replace("**", "")) for c in r))
    out.print(t)
    cov = Table(title="Field coverage")
    cov.add_column("field")
    cov.add_column("filled", justify="right")
    cov.add_column("share", justify="right")
    for name, n, share in st.coverage():
        cov.add_row(shown(name), str(n), f"{share:.0%}")
    out.print(cov)
    ver = Table(title="Cleaner versions")
    ver.add_column("cleaner_version")
    ver.add_column("articles", justify="right")
    for v, n in sorted(st.versions.items()):
        ver.add_row(shown(v), str(n))
    out.print(ver)
    return 0
