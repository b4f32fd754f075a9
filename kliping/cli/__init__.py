"""The ``kliping`` command line (DESIGN.md §4).

Each subcommand lives in its own module ``kliping/cli/<name>.py`` exposing ``register(subparsers)``
(which adds its parser and ``set_defaults(func=run)``) and ``run(args) -> int``.
Exit codes: 0 success, 1 the job ran but failed, 2 bad usage or bad input (one-line message).
Options are never abbreviated (``--sinc`` is an error, not ``--since``): every parser is a
:class:`Parser`, whose usage errors are one line too.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

# No command does linear algebra, but numpy (imported by pyarrow and the cleaner) starts a pool of
# OpenBLAS threads at import that spin on every core: 0.1 s of CPU per process, each crawl's
# cleaning workers included, taken from the crawl's start. Set before anything imports numpy; a
# user's own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # (not OMP_*: Arrow sizes its pool by it)
    os.environ.setdefault(_var, "1")

from kliping import __version__  # noqa: E402 - after the thread settings above
from kliping.crawler.runlock import OutputLocked, OutputNotWritable  # noqa: E402
from kliping.extras import MissingExtra  # noqa: E402
from kliping.sites.base import SiteConfigError  # noqa: E402

COMMANDS = (
    "demo", "crawl", "sites", "extract", "dates", "reclean", "export", "stats", "runs", "canary",
    "scaffold", "verify", "ingest",
)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """``value`` as one safe line for a terminal: each control character (an escape sequence that
    retitles or clears the terminal, a carriage return that overwrites the line, a newline that
    breaks the one-line error) as ``\\xNN``. For every value a page, a server or a file supplied."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


class UsageError(Exception):
    """Bad usage or bad input: printed as one line, exit code 2."""


class JobFailed(Exception):
    """The job ran but failed: printed as one line, exit code 1."""


class Parser(argparse.ArgumentParser):
    """No abbreviated options, and a usage error is one line (exit 2), naming the command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kliping", description="Indonesian news sites to research-grade Parquet datasets."
    )
    parser.add_argument("--version", action="version", version=f"kliping {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
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
    args, extra = parser.parse_known_args(argv)
    if extra:  # named by the subcommand's parser: "kliping crawl: error: ... --sinc"
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        sub.choices[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2
    except JobFailed as exc:
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 1
    except SiteConfigError as exc:  # a malformed site definition (a user's plugin or file)
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2
    except OutputLocked as exc:  # another live run holds --out (any command that takes the lock)
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2
    except OutputNotWritable as exc:  # its lock cannot be written (full, read-only): refused
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2
    except MissingExtra as exc:  # an optional dependency: the line names the extra to install
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print(f"kliping {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a write or read the job needed failed: disk full, read-only, gone
        where = f": {exc.filename}" if exc.filename else ""
        why = " ".join(str(exc.strerror or exc).split())
        print(f"kliping {args.command}: error: {shown(why)}{shown(where)}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a part the job had to read is unreadable: named, exit 2
        storage = sys.modules.get("kliping.dataset.storage")  # not imported here: pyarrow is slow
        if storage is None or not isinstance(exc, storage.BadPartsError):
            raise
        print(f"kliping {args.command}: error: {shown(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
