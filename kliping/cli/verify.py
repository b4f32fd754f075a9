"""``kliping verify OUT [--repair]``: check (and repair) a crawl output."""

from __future__ import annotations

import argparse

from kliping.cli import UsageError, shown
from kliping.cli.common import dir_arg

EPILOG = """\
checks: every part of raw/, articles/, errors/ and runs/ reads and fits its schema; every raw
fetch_id has exactly one article or error row; no fetch_id twice in raw/, no article id twice in
articles/; no run left 'running' without a live lock, final ledger rows consistent.

--repair moves bad parts to OUT/quarantine/<same path> (never deletes them), cleans raw rows that
have no article or error row, marks runs left 'running' by a dead process as 'killed', then checks
again. Duplicates and orphan rows are reported, not changed.

exit codes: 0 no problems (after --repair: none left), 1 problems found (or left), 2 bad usage
(OUT missing, not a crawl output, or in use by a live run with --repair).
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify", help="check every part, coverage, duplicates and the ledger; --repair quarantines",
        description="Check a crawl output: parts, schemas, coverage, duplicates, run ledger.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", help="the crawl (or reclean) output directory")
    p.add_argument(
        "--repair", action="store_true",
        help="quarantine bad parts, clean uncovered raw rows, close dead runs; then check again",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kliping.crawler.runlock import OutputLocked
    from kliping.dataset.verify import DATASET_NAMES, check, datasets_under, repair

    out = dir_arg("OUT", args.out)
    if not datasets_under(out):
        hint = (f"; give the output directory, {out.parent}" if out.name in DATASET_NAMES else "")
        raise UsageError(f"OUT: no {', '.join(n + '/' for n in DATASET_NAMES)} under {out}{hint}")
    if not args.repair:
        report = check(out)
        print("\n".join(map(shown, report.lines())))  # a part's name is whatever the directory holds
        if not report.ok:
            print(f"run `kliping verify {args.out} --repair` to quarantine bad parts, clean uncovered"
                  " raw rows and close dead runs")
        return 0 if report.ok else 1
    try:
        done, report = repair(out)
    except OutputLocked as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(map(shown, done.lines())))
    print("\n".join(map(shown, report.lines())))
    return 0 if report.ok else 1
