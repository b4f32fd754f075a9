"""``kliping ingest SOURCE... --out DIR [--site SITE]... [--all-domains] [--since DATE] [--until DATE]
[--workers N] [--dask ADDRESS] [--cc-base URL]``: WARC files into the raw archive and articles."""

from __future__ import annotations

import argparse
import sys

from kliping.cli import UsageError, shown
from kliping.cli.common import day_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="archive and clean the news pages of WARC files (Common Crawl CC-NEWS, web archives)",
        description="SOURCE: a .warc / .warc.gz file or a directory of them, a warc.paths[.gz] file "
        "(one path or URL per line), or cc-news:YYYY/MM (Common Crawl's CC-NEWS month). Writes "
        "<out>/raw, <out>/articles, <out>/errors and a ledger row, as a crawl does.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--out", required=True, help="output root (as for kliping crawl)")
    p.add_argument("--site", action="append", help="only this registry site (repeatable; default all)")
    p.add_argument("--all-domains", action="store_true",
                   help="keep pages of every domain (site key from the domain, as the generic spider)")
    p.add_argument("--since", help="first published date to keep (YYYY-MM-DD)")
    p.add_argument("--until", help="last published date to keep (YYYY-MM-DD)")
    p.add_argument("--workers", type=int, default=1, help="worker processes, one file each (default 1)")
    p.add_argument("--dask", metavar="SCHEDULER_ADDRESS", help="read the files on a Dask cluster")
    p.add_argument("--cc-base", metavar="URL",
                   help="Common Crawl data host or a mirror of it (default https://data.commoncrawl.org/)")
    p.add_argument("--max-body-mb", type=float, default=8.0,
                   help="skip HTML bodies larger than this, decoded (default 8)")
    p.add_argument("--flush-rows", type=int, default=1000,
                   help="write parts (and a resume point) every N kept rows (default 1000)")
    p.add_argument("--split-mb", type=float,
                   help="with --workers > 1 or --dask, read local .warc.gz files larger than this in "
                   "pieces of this size, in parallel (default: with fewer files than twice the "
                   "workers, their size over twice the workers; on Dask 64)")
    p.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    p.set_defaults(func=run)


# Responses refused for what they hold, each counted (a content-encoding bomb, say, is no
# article, no error row and none of the skips above: left out of the line, it was a response that
# vanished without a word).
REFUSED = (("too_large", "larger than --max-body-mb"),
           ("bad_encoding", "content encoding bad or past --max-body-mb"),
           ("bad_http", "no HTTP response"), ("bad_uri", "no URI"), ("bad_date", "bad WARC-Date"))


def _refused(c: dict[str, int]) -> str:
    parts = [f"{c[key]:,} {what}" for key, what in REFUSED if c.get(key)]
    return f"; refused {sum(c.get(k, 0) for k, _ in REFUSED):,}: {', '.join(parts)}" if parts else ""


def run(args: argparse.Namespace) -> int:
    if args.dask:  # kliping[cluster]: refused in one line, before the run opens, when missing
        from kliping.extras import require

        require("distributed", "--dask")
    from kliping.warc.sources import FetchError, SourceError, resolve

    since = day_arg("--since", args.since)
    until = day_arg("--until", args.until)
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if args.workers < 1:
        raise UsageError("--workers: must be at least 1")
    if args.flush_rows < 1:
        raise UsageError("--flush-rows: must be at least 1")
    if args.split_mb is not None and not 0.01 <= args.split_mb <= 1 << 30:  # (nan, inf: a traceback)
        raise UsageError("--split-mb: must be a number of MB from 0.01 to 2^30")
    if not 0 < args.max_body_mb <= 1024:
        raise UsageError("--max-body-mb: must be between 0 and 1024")
    if args.site and args.all_domains:
        raise UsageError("--site and --all-domains: give one or the other")
    from kliping.cli.common import not_inside_a_dataset

    not_inside_a_dataset("--out", args.out)
    if args.cc_base and not args.cc_base.startswith(("http://", "https://")):
        raise UsageError(f"--cc-base: expected an http(s) URL, got {args.cc_base!r}")
    if args.site:
        from kliping.sites.registry import UnknownSite, get_site

        for key in args.site:
            try:
                get_site(key)
            except UnknownSite as exc:
                raise UsageError(f"--site: {exc}") from None
    try:
        files = resolve(args.sources, args.cc_base)
    except SourceError as exc:
        raise UsageError(f"SOURCE: {exc}") from None
    except FetchError as exc:
        print(f"kliping ingest: error: {shown(exc)}", file=sys.stderr)
        return 1
    if not args.dask and args.workers > 1:
        from kliping.dataset.workers import start_forkserver
        from kliping.warc.ingest import INGEST_PRELOAD

        start_forkserver(INGEST_PRELOAD)
    from kliping.crawler.runlock import OutputLocked
    from kliping.dataset.storage import BadPartsError
    from kliping.warc.ingest import run_ingest

    try:
        result = run_ingest(
            files, args.out, sources=args.sources, sites=args.site, all_domains=args.all_domains,
            since=since, until=until, workers=args.workers, dask=args.dask,
            max_body=int(args.max_body_mb * (1 << 20)), flush_rows=args.flush_rows,
            split_bytes=int(args.split_mb * (1 << 20)) if args.split_mb else None,
            progress=not args.no_progress,
        )
    except (OutputLocked, BadPartsError) as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        print("kliping ingest: interrupted; run the same command again to resume", file=sys.stderr)
        return 1
    c = result.counts
    skipped = c["known"] + c["duplicate"]
    print(
        f"ingest {result.run_id}: {result.files - result.files_skipped} of {result.files} files read "
        f"({result.files_skipped} done before), {c['records']:,} records, {c['bytes'] / 1e6:,.1f} MB "
        f"in {result.seconds:.1f} s; responses {c['type/response']:,}; kept {c['kept']:,}: "
        f"{c['articles']:,} articles, {c['not_article']:,} not articles, "
        f"{c['clean_error'] + c['timeout']:,} cleaning errors; skipped {skipped:,} known, "
        f"{c['other_domain']:,} other domains, {c['not_html']:,} not HTML, "
        f"{sum(v for k, v in c.items() if k.startswith('status/') and k != 'status/200'):,} not 200, "
        f"{c['before_since'] + c['out_of_window']:,} outside the dates"
        + _refused(c)
    )
    if result.repaired:
        print(f"repaired {result.repaired} raw rows left uncleaned by a killed run")
    for key, error in sorted(result.errors.items()):
        print(f"kliping ingest: error: {shown(key)}: {shown(error)}", file=sys.stderr)
    return 1 if result.errors else 0
