"""The ``kliping`` command line (DESIGN.md §4).

Each subcommand lives in its own module ``kliping/cli/<name>.py`` exposing ``register(subparsers)``
(which adds its parser and ``set_defaults(func=run)``) and ``run(args) -> int``.
Exit codes: 0 success, 1 the job ran but failed, 2 bad usage or bad input (one-line message).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kliping import __version__

COMMANDS = (
    "demo", "crawl", "sites", "extract", "dates", "reclean", "export", "stats", "runs", "canary",
    "scaffold", "ingest",
)


class UsageError(Exception):
    """Bad usage or bad input: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kliping", description="Indonesian news sites to research-grade Parquet datasets."
    )
    parser.add_argument("--version", action="version", version=f"kliping {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"kliping.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kliping.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"kliping {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
