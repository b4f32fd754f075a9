"""``kliping sites [--json]``: the registry."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sites", help="list registered sites, their sources and layouts")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kliping.registry import all_sites

    sites = all_sites()
    if args.json:
        print(json.dumps([s.describe() for s in sites.values()], ensure_ascii=False, indent=1))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(sites)} sites")
    for col in ("site", "domain", "zone", "sources", "layouts"):
        table.add_column(col)
    for s in sites.values():
        table.add_row(
            s.key + (" (sample)" if s.sample else ""),
            s.domain,
            s.zone,
            "\n".join(f"{src.kind}: {src.url}" for src in s.sources),
            ", ".join(
                f"{lay.version}" + (f" ≤{lay.valid_until}" if lay.valid_until else "")
                for lay in s.layouts
            ),
        )
    Console().print(table)
    return 0
