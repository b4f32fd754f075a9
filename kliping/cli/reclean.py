"""``kliping reclean RAW_DIR --out DIR [--workers N] [--only-stale] [--dask ADDRESS]``."""

from __future__ import annotations

import argparse
import os

from kliping.cli import JobFailed, UsageError
from kliping.cli.common import add_skip_bad, job_progress, not_inside_a_dataset, out_dir_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reclean", help="re-clean the raw archive with the current cleaner (parallel, deterministic)"
    )
    p.add_argument("raw", metavar="RAW_DIR", help="raw dataset (<out>/raw) or the crawl output root")
    p.add_argument("--out", required=True, help="output root: writes <out>/articles and <out>/errors")
    p.add_argument("--workers", type=int, help="worker processes (default: all CPUs)")
    p.add_argument(
        "--only-stale", action="store_true",
        help="redo only rows whose output is missing or has another cleaner_version",
    )
    p.add_argument("--dask", metavar="SCHEDULER_ADDRESS", help="run on a Dask distributed cluster")
    p.add_argument("--site", action="append", help="only this site (repeatable)")
    p.add_argument(
        "--page-timeout", type=float, default=None, metavar="SECONDS",
        help="time budget per page; a page past it becomes an error row (default 30)",
    )
    p.add_argument("--no-progress", action="store_true",
                   help="no progress on stderr (as KLIPING_PROGRESS=off; KLIPING_PROGRESS_INTERVAL "
                   "sets the seconds between status lines off a terminal)")
    add_skip_bad(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.dask:  # kliping[cluster]; refused before any work, in one line, when not installed
        from kliping.extras import require

        require("distributed", "--dask")
    else:
        from kliping.dataset.workers import start_forkserver

        start_forkserver()  # its imports overlap this process's own, just below
    from kliping.crawler.runlock import OutputLocked
    from kliping.dataset.reclean import PAGE_SECONDS, raw_root, reclean
    from kliping.dataset.storage import BadPartsError, dataset_sites, keep_pandas_out
    from kliping.extras import SchedulerUnreachable

    keep_pandas_out()  # Arrow tables only here: spare the start-up its pandas import
    root = raw_root(args.raw)
    if root.exists() and not root.is_dir():
        raise UsageError(f"RAW_DIR: not a directory: {args.raw}")
    if not root.is_dir():
        raise UsageError(f"RAW_DIR: no such directory: {args.raw}")
    if not any(root.rglob("*.parquet")):
        raise UsageError(f"RAW_DIR: no Parquet parts under {root}")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers: must be at least 1")
    if args.page_timeout is not None and not 0 < args.page_timeout < float("inf"):
        raise UsageError("--page-timeout: must be a positive number of seconds")  # (nan: no budget)
    if args.site:
        from kliping.sites.registry import all_sites

        known = set(all_sites()) | dataset_sites(root)
        unknown = [s for s in args.site if s not in known]
        if unknown:
            raise UsageError(
                f"--site: unknown site {unknown[0]!r}: not in the registry (`kliping sites`) nor in {root}"
            )
    out = out_dir_arg("--out", args.out)
    not_inside_a_dataset("--out", args.out)
    progress = job_progress("reclean", "pages", args.no_progress)
    foreign = [
        p for p in (out / "articles").rglob("*.parquet") if not p.name.startswith("part-")
    ] if (out / "articles").is_dir() else []
    # (realpath, not Path.resolve: a symlink loop made that raise RuntimeError, a traceback)
    real_root = os.path.realpath(root)
    if real_root in (os.path.realpath(out), os.path.realpath(out / "raw")):
        raise UsageError("--out: use a directory of its own, not the crawl output that holds RAW_DIR")
    if foreign:
        raise UsageError(f"--out: {out / 'articles'} holds parts not written by reclean")
    try:
        with progress:
            summary = reclean(
                root, out, workers=args.workers, only_stale=args.only_stale, dask=args.dask,
                page_seconds=args.page_timeout or PAGE_SECONDS, sites=args.site,
                progress=progress if progress.enabled else None, skip_bad=args.skip_bad,
            )
    except BadPartsError as exc:
        raise UsageError(f"RAW_DIR: {exc}; {out} is unchanged") from None
    except OutputLocked as exc:
        raise UsageError(str(exc)) from None
    except SchedulerUnreachable as exc:
        raise JobFailed(f"{exc}; {out} is unchanged") from None
    except OSError as exc:  # disk full, read-only, quota: the old output is still there
        why = " ".join(str(exc.strerror or exc).split())
        raise JobFailed(f"writing {out} failed ({why}); {out} is unchanged") from None
    from kliping.cli.common import report_skipped

    report_skipped("reclean", summary.bad_parts)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(summary.kinds.items())) or "none"
    print(
        f"reclean: {summary.pages} pages in {summary.seconds:.1f} s ({summary.rate:.1f} pages/s): "
        f"{summary.articles} articles, {summary.not_articles} not articles, {summary.errors} errors"
        f"; skipped (current) {summary.skipped_pages}; rows without article by kind: {kinds}"
    )
    print(f"wrote {out / 'articles'} and {out / 'errors'}")
    return 0
