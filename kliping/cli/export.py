"""``kliping export DATASET --out DIR [filters] [--dedup none|exact|near] [--format FORMAT]``.

The formats, their help and what each writes come from kliping.dataset.formats.FORMATS.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kliping.cli import JobFailed, UsageError
from kliping.cli.common import (
    add_skip_bad,
    day_arg,
    job_progress,
    not_inside_a_dataset,
    out_dir_arg,
    report_skipped,
)
from kliping.dataset.formats import DEFAULT, FORMATS, help_text

MAX_WORDS = 1_000_000_000  # --min-words above this: no article, and past int64 an OverflowError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="filter and deduplicate articles into a research dataset with a card and plot"
    )
    p.add_argument("dataset", metavar="DATASET", help="articles directory (<out>/articles) or <out>")
    p.add_argument("--out", required=True, help="export directory (data/, README.md, coverage.png)")
    p.add_argument("--since", help="first published_date (YYYY-MM-DD)")
    p.add_argument("--until", help="last published_date (YYYY-MM-DD)")
    p.add_argument("--site", action="append", help="only this site (repeatable)")
    p.add_argument("--language", action="append",
                   help="only this language: ISO 639-1, or 639-3 for a regional one without (repeatable)")
    p.add_argument("--min-words", type=int, help="only articles with at least N words")
    p.add_argument("--dedup", choices=("none", "exact", "near"), default="none",
                   help="drop duplicates: exact (text_hash) or near (simhash); default none")
    p.add_argument("--near-threshold", type=int, default=3, metavar="BITS",
                   help="near duplicates differ in at most BITS of 64 simhash bits (default 3)")
    p.add_argument("--format", choices=tuple(FORMATS), default=DEFAULT, dest="fmt",
                   help=help_text().replace("%", "%%"))
    add_skip_bad(p)
    p.set_defaults(func=run)


# the regional languages the cleaner names by their ISO 639-3 code (they have no 639-1 code)
_THREE_LETTER = frozenset(("min", "ban", "mad", "bug", "ace", "bjn", "sas"))


def filters_from(args: argparse.Namespace):  # noqa: ANN201 (shared with `kliping stats`)
    from kliping.dataset.export import Filters

    since = day_arg("--since", getattr(args, "since", None))
    until = day_arg("--until", getattr(args, "until", None))
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    min_words = getattr(args, "min_words", None)
    if min_words is not None and min_words < 0:
        raise UsageError("--min-words: must not be negative")
    if min_words is not None and min_words > MAX_WORDS:  # (Arrow's int64: an OverflowError traceback)
        raise UsageError(f"--min-words: must be at most {MAX_WORDS:,}")
    languages = getattr(args, "language", None)
    for lang in languages or []:  # 'ind' or 'Indonesian' matched nothing
        if not (len(lang) == 2 and lang.isascii() and lang.isalpha()) and lang.lower() not in _THREE_LETTER:
            raise UsageError(f"--language: expected an ISO 639-1 code, two letters (id, en, jv…), "
                             f"or a regional language's ISO 639-3 code ({', '.join(sorted(_THREE_LETTER))}), "
                             f"got {lang!r}")
    if languages:
        languages = [lang.lower() for lang in languages]  # the column's codes: "ID" is "id"
    return Filters(since=since, until=until, sites=getattr(args, "site", None),
                   languages=languages, min_words=min_words)


def run(args: argparse.Namespace) -> int:
    from kliping.dataset.export import DatasetError, ExportResult, UnknownSiteError, articles_root, export

    filters = filters_from(args)
    if not 0 <= args.near_threshold <= 31:
        raise UsageError("--near-threshold: must be between 0 and 31")
    try:
        root = articles_root(args.dataset)
    except DatasetError as exc:
        raise UsageError(f"DATASET: {exc}") from None
    out = Path(args.out)
    # (realpath, not Path.resolve: a symlink loop made that raise RuntimeError, a traceback)
    out_real, root_real = Path(os.path.realpath(out)), Path(os.path.realpath(root))
    if out_real == root_real or root_real in out_real.parents:
        raise UsageError("--out: use a directory outside DATASET")
    out_dir_arg("--out", args.out)
    not_inside_a_dataset("--out", args.out)
    form = FORMATS[args.fmt]()
    progress = job_progress("export", form.unit)
    try:
        with progress:
            result = export(args.dataset, args.out, filters, dedup=args.dedup,
                            threshold=args.near_threshold, fmt=args.fmt, skip_bad=args.skip_bad,
                            progress=progress if progress.enabled else None)
    except UnknownSiteError as exc:
        raise UsageError(str(exc)) from None
    except DatasetError as exc:
        raise UsageError(f"DATASET: {exc}") from None
    except OSError as exc:  # disk full, read-only: the data file is replaced only when complete
        why = " ".join(str(exc.strerror or exc).split())
        raise JobFailed(f"writing {out} failed ({why})") from None
    if isinstance(result, ExportResult):  # an article format: bad parts left out, the plot
        report_skipped("export", result.stats.skipped)
        if result.plot is None:
            print("kliping export: no coverage plot: matplotlib is not installed (pip install "
                  "'kliping[plot]')", file=sys.stderr)
    else:  # the WARC export: bad articles and raw parts left out
        report_skipped("export", getattr(result, "skipped", []))
    print(form.summary(result))
    return 0
