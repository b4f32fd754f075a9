"""``kliping dates``: normalize date strings to JSON lines (DESIGN.md §4).

Handy for checking a new site's date shape from the shell before writing its definition, and for
piping a column of scraped strings through the same normalizer the cleaner uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable

from kliping import jsonl
from kliping.cli import UsageError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``dates`` subcommand."""
    p = subparsers.add_parser(
        "dates",
        help="normalize Indonesian date strings to JSON lines",
        description="Each TEXT (or each stdin line when no TEXT is given) becomes one JSON line: "
        '{"input", "date", "datetime", "weekday_mismatch", "error"}.',
    )
    p.add_argument(
        "--reference",
        metavar="ISO",
        help="reference (fetch) time for relative phrases and year-less dates; default now",
    )
    p.add_argument(
        "--tz",
        metavar="ZONE",
        default="WIB",
        help="zone when the text names none: WIB, WITA, WIT, an IANA name or +07:00 (default WIB)",
    )
    p.add_argument("text", nargs="*", metavar="TEXT", help="date strings (default: stdin lines)")
    p.set_defaults(func=run)


def _lines(args: argparse.Namespace) -> Iterable[str]:
    if args.text:
        yield from args.text
        return
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    """Print one JSON line per input, flushed as it goes so it works in a pipeline."""
    from kliping.dates import parse_date, resolve_tz, to_json

    try:
        tzinfo = resolve_tz(args.tz)
    except ValueError as exc:
        raise UsageError(f"--tz: {exc}") from None
    reference = None
    if args.reference:
        try:
            reference = dt.datetime.fromisoformat(args.reference.strip())
        except ValueError:
            raise UsageError(
                f"--reference: not an ISO 8601 date/time: {args.reference!r}"
            ) from None
    out = sys.stdout
    for text in _lines(args):
        parsed = parse_date(text, reference=reference, tz=tzinfo)
        out.write(jsonl.dumps(to_json(parsed)) + "\n")
        out.flush()
    return 0
