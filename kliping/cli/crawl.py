"""``kliping crawl SITE... [--since] [--until] [--out] [--limit] [--resume]``."""

from __future__ import annotations

import argparse

from kliping.cli import UsageError
from kliping.cli.common import day_arg, mirror_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("crawl", help="crawl registered sites into Parquet")
    p.add_argument("sites", nargs="+", metavar="SITE", help="site keys (see `kliping sites`)")
    p.add_argument(
        "--since", help="first day (YYYY-MM-DD) of articles to fetch, or 'last': where the "
        "last finished run of each site ended"
    )
    p.add_argument("--until", help="last day (YYYY-MM-DD) of articles to fetch")
    p.add_argument("--out", default="data/crawl", help="output directory (default data/crawl)")
    p.add_argument("--limit", type=int, help="at most N article requests per site")
    p.add_argument("--resume", action="store_true", help="continue a killed crawl (JOBDIR)")
    p.add_argument("--mirror", help=argparse.SUPPRESS)  # JSON {host: local base}, for tests
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kliping.registry import UnknownSite, get_site

    since = "last" if args.since == "last" else day_arg("--since", args.since)
    until = day_arg("--until", args.until)
    if since and since != "last" and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit: must be at least 1")
    for key in args.sites:
        try:
            get_site(key)
        except UnknownSite as exc:
            raise UsageError(str(exc)) from None
    settings = {}
    if args.resume:
        import os

        settings["JOBDIR"] = os.path.join(args.out, ".jobs", "-".join(sorted(args.sites)))
    from kliping.cli.summary import print_summary
    from kliping.crawl import run_crawl
    from kliping.runlock import OutputLocked

    try:
        result = run_crawl(
            list(args.sites), args.out, since=since, until=until, limit=args.limit,
            mirror=mirror_arg(args.mirror), settings=settings,
        )
    except OutputLocked as exc:
        raise UsageError(str(exc)) from None
    print_summary(args.out, result.stats, result.run_id)
    if result.repaired:
        print(f"repaired {result.repaired} raw rows left uncleaned by a killed run")
    if result.health.get("report"):
        print(result.health["report"])
    print(f"run {result.run_id}: {result.status}")
    return 0 if result.status == "finished" else 1
