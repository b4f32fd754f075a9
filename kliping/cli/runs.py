"""``kliping runs OUT``: the run ledger."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from kliping import jsonl
from kliping.cli import UsageError
from kliping.cli.common import console, dir_arg, shown


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("runs", help="print the run ledger of an output directory")
    p.add_argument("out", metavar="OUT", help="the crawl output directory")
    p.add_argument("--json", action="store_true", help="one JSON object per run")
    p.set_defaults(func=run)


def _json_value(value: object) -> object:
    """Dates as YYYY-MM-DD and instants as ISO 8601 with offset, as `kliping extract` and the
    JSONL export write them (``str()`` gave "2024-01-08 07:30:00.123000+00:00")."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def run(args: argparse.Namespace) -> int:
    from kliping.crawler.health import parse_health
    from kliping.crawler.ledger import read_ledger
    from kliping.dataset.storage import BadPartsError, scan_parts

    out = dir_arg("OUT", args.out)
    if not (out / "runs").is_dir():  # a typo or a dataset directory: not "0 runs", exit 0
        hint = (f"; give the output directory, {out.parent}"
                if (out.parent / "runs").is_dir() else ": not a kliping output")
        raise UsageError(f"OUT: no runs/ under {out}{hint}")
    _, bad = scan_parts(out / "runs", "runs")
    if bad:
        raise UsageError(f"OUT: {BadPartsError(bad)}".replace(
            "--skip-bad reads the others", f"`kliping verify {args.out} --repair` quarantines it"))
    rows = read_ledger(args.out)
    if args.json:
        for r in rows:
            print(jsonl.dumps(r, default=_json_value))
        return 0
    from rich.table import Table

    table = Table(title=f"{len(rows)} run{'' if len(rows) == 1 else 's'} in {shown(args.out)}")
    cols = ("run_id", "job", "sites", "window", "started", "minutes", "status", "requests", "new",
            "skipped", "errors", "drift", "health")
    for c in cols:
        table.add_column(c, justify="right" if c in ("requests", "new", "skipped", "errors") else "left")
    for r in rows:
        minutes = (
            f"{(r['finished_at'] - r['started_at']).total_seconds() / 60:.1f}"
            if r["finished_at"] and r["started_at"] else "-"
        )
        health = parse_health(r["health"])
        failed = [s for s, rec in health.get("sites", {}).items() if not rec.get("ok", True)]
        # pages whose site body selector missed (the generic path kept them): a redesign's mark
        drift = ",".join(
            f"{s}:{rec['layout_drift']}"
            for s, rec in sorted(health.get("sites", {}).items())
            if rec.get("layout_drift")
        )
        table.add_row(*map(shown, (
            r["run_id"], r.get("job") or "crawl", ",".join(r["sites"] or []),
            f"{r['since'] or '…'}..{r['until'] or '…'}",
            r["started_at"].strftime("%Y-%m-%d %H:%M") if r["started_at"] else "-",
            minutes, r["status"], str(r["requests"]), str(r["articles_new"]),
            str(r["articles_skipped"]), str(r["errors"]), drift or "-",
            ("FAILED: " + ",".join(failed)) if failed else ("ok" if health else "-"),
        )))
    console(width=200).print(table)
    return 0
