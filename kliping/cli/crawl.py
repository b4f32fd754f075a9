"""``kliping crawl SITE... [--since] [--until] [--out] [--limit] [--resume] [--redis URL [--run NAME]]``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from kliping.cli import UsageError
from kliping.cli.common import mirror_arg


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
    p.add_argument(
        "--domain", help="with the site 'generic': the domain (or WordPress site) to crawl, "
        "discovering its feeds and sitemaps from robots.txt and the home page"
    )
    p.add_argument(
        "--resume", action="store_true",
        help="continue the last killed or failed run of these sites (its window, skipping "
        "what it archived)",
    )
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE",
        help="override a Scrapy/kliping setting, as `scrapy crawl -s` does",
    )
    p.add_argument(
        "--redis", metavar="URL",
        help="redis://HOST:PORT/DB: be one worker of a cluster sharing its frontier on Redis; "
        "start the same command on as many machines as you like (docs/cluster.md)",
    )
    p.add_argument(
        "--run", metavar="NAME",
        help="with --redis: the crawl the workers join (default 'default'); workers with the "
        "same NAME, sites and window share one frontier and one run id",
    )
    p.add_argument(
        "-v", "--verbose", action="count", default=0,
        help="Scrapy's log on stderr: -v INFO, -vv DEBUG (default: warnings and errors only)",
    )
    p.add_argument("--log-file", metavar="FILE",
                   help="write Scrapy's log (INFO, or DEBUG with -vv) to FILE instead of stderr")
    p.add_argument(
        "--dry-run", action="store_true",
        help="print the plan (sites, window, sources and the most listing pages each can read, URLs "
        "already archived) and exit without fetching anything",
    )
    p.add_argument("--mirror", help=argparse.SUPPRESS)  # JSON {host: local base}, for tests
    p.set_defaults(func=run)


def resume_window(out: str, sites: list[str], since, until):  # type: ignore[no-untyped-def]
    """The window of the last killed/failed run of ``sites`` (explicit options win).

    Resuming does not use Scrapy's JOBDIR: after a SIGKILL its on-disk request queue is lost
    while its seen-fingerprints file survives, so requests queued but not fetched would be
    filtered out as duplicates and silently lost. Instead a resumed run re-reads the listings of
    the same window, skips every article already archived, and cleans rows the killed run left
    uncleaned (``kliping.crawler.repair``): every article ends up exactly once.
    """
    from kliping.crawler.ledger import is_crawl, read_ledger

    runs = read_ledger(out) if __import__("os").path.isdir(out) else []
    why = "no killed or failed crawl of these sites in the ledger"
    for run in reversed(runs):
        if not is_crawl(run):  # an ingest or a reclean into the same output is no crawl window
            continue
        if run["status"] in ("killed", "failed") and set(sites) <= set(run["sites"] or []):
            print(f"resuming run {run['run_id']} ({run['status']}): "
                  f"{run['since'] or '…'}..{run['until'] or '…'}")
            return since or run["since"], until or run["until"]
        if run["status"] == "finished" and set(sites) & set(run["sites"] or []):
            why = f"the last run of these sites finished ({run['run_id']})"
            break
    print(f"nothing to resume: {why}; crawling as usual")
    return since, until


def check_redis(url: str, run: str | None = None, sites: list[str] | None = None) -> None:
    """UsageError, before the run opens, when no Redis server answers at ``url``: the cluster
    extension met it in Scrapy's set-up, two tracebacks and a summary naming an output that was
    never written."""
    from kliping.cluster.common import frontier_conflict, redis_unreachable

    why = redis_unreachable(url)
    if why:
        raise UsageError(f"--redis {url}: no Redis server answers there ({why}); start one "
                         "(docs/cluster.md) or give its URL")
    conflict = frontier_conflict(url, run, sites or [])
    if conflict:
        raise UsageError(f"--redis {url}: {conflict}")


def check_setting_types(settings: dict[str, str]) -> None:
    """ValueError naming the first ``--set`` value that cannot be read as its setting's kind
    (from its default in kliping.settings or Scrapy's): ``DOWNLOAD_TIMEOUT=abc`` or a
    ``KLIPING_HEALTH`` that is not a JSON object ended the crawl in a traceback, and
    ``KLIPING_LISTING_MAX_ENTRIES=abc`` in one per listing page."""
    from scrapy.settings import Settings

    import kliping.settings as ours

    scrapy_defaults = Settings()
    for name, value in settings.items():
        default = getattr(ours, name) if name.isupper() and hasattr(ours, name) else scrapy_defaults.get(name)
        one = Settings({name: value})
        if isinstance(default, bool):
            kind, read = "true or false", one.getbool
        elif isinstance(default, int) and not name.endswith(("TIMEOUT", "DELAY")):  # read as floats
            kind, read = "an integer", one.getint
        elif isinstance(default, (int, float)):
            kind, read = "a number", one.getfloat
        elif isinstance(default, dict):
            kind, read = "a JSON object", one.getdict
        else:
            continue
        try:
            read(name)
        except (ValueError, TypeError):
            raise ValueError(f"{name}: expected {kind}, got {value!r}") from None
        if name == "KLIPING_HEALTH":  # a misspelt threshold was ignored without a word
            check_health_thresholds(one.getdict(name))


def check_health_thresholds(thresholds: dict) -> None:
    """ValueError naming a ``KLIPING_HEALTH`` key no check reads, or a limit that is no number."""
    from kliping.crawler.health import DEFAULT_THRESHOLDS

    known = [*DEFAULT_THRESHOLDS, "max_throttled"]
    for key, limit in thresholds.items():
        if key not in known:
            raise ValueError(f"KLIPING_HEALTH: unknown threshold {key!r} (known: {', '.join(known)})")
        if isinstance(limit, bool) or not isinstance(limit, int | float):
            raise ValueError(f"KLIPING_HEALTH: {key}: expected a number, got {limit!r}")


def log_settings(args: argparse.Namespace, settings: dict[str, str]) -> None:
    """Quiet by default: Scrapy's log at WARNING on stderr; ``-v``/``-vv``/``--log-file`` ask for
    more. ``-s LOG_LEVEL=…`` and ``$KLIPING_LOG_LEVEL`` still win over the default."""
    if args.verbose or args.log_file:
        level = "DEBUG" if args.verbose >= 2 else "INFO"
    else:
        level = os.environ.get("KLIPING_LOG_LEVEL") or "WARNING"
    settings.setdefault("LOG_LEVEL", level)
    if args.log_file:
        settings.setdefault("LOG_FILE", args.log_file)
    if settings.get("LOG_FILE"):  # else Scrapy fails to open it after the run opened: 'killed'
        option = "--log-file" if args.log_file else "--set LOG_FILE"
        check_log_file(option, settings["LOG_FILE"])


def check_log_file(option: str, value: str) -> None:
    """UsageError unless ``value`` can be opened to append: its directory exists and is writable."""
    try:
        with open(value, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise UsageError(f"{option}: cannot write {value}: {exc.strerror or exc}") from None


def crawl_plan(args: argparse.Namespace, since, until) -> str:  # type: ignore[no-untyped-def]
    """The plan printed before a crawl (``kliping.crawler.plan``); ``since`` may still be ``last``."""
    from kliping.crawler.plan import describe, site_plan
    from kliping.crawler.run import LAST, since_last
    from kliping.sites.registry import get_site

    plans = []
    for key in args.sites:
        if key == "generic":
            from kliping.spiders.generic import generic_site

            site = generic_site(args.domain)
        else:
            site = get_site(key)
        start = since
        if since == LAST:
            start = since_last(args.out, key) if key != "generic" and os.path.isdir(args.out) else None
        plans.append(site_plan(site, args.out, start, until))
    return describe(plans, args.out)


def run(args: argparse.Namespace) -> int:
    from kliping.crawler.run import LAST, check_window, parse_since, parse_until, since_last
    from kliping.sites.registry import UnknownSite, get_site

    try:  # the parser every entry point uses (NewsSpider too)
        since = parse_since(args.since, "--since")
        until = parse_until(args.until, "--until")
        check_window(since, until, "--since", "--until")
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit: must be at least 1")
    from kliping.cli.common import not_inside_a_dataset

    not_inside_a_dataset("--out", args.out)
    spider_kwargs: dict[str, dict[str, str]] = {}
    for key in args.sites:
        if key == "generic":
            if not args.domain:
                raise UsageError("--domain: required with the site 'generic'")
            from kliping.spiders.generic import generic_site

            try:
                generic_site(args.domain)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
            spider_kwargs["generic"] = {"domain": args.domain}
            continue
        try:
            get_site(key)
        except UnknownSite as exc:
            raise UsageError(str(exc)) from None
    settings: dict[str, str] = {}
    for pair in args.set:
        name, eq, value = pair.partition("=")
        if not eq or not name:
            raise UsageError(f"--set: expected NAME=VALUE, got {pair!r}")
        settings[name] = value
    from kliping.crawler.cleaning import check_settings

    try:
        check_settings(settings)
        check_setting_types(settings)
    except ValueError as exc:
        raise UsageError(f"--set {exc}") from None
    from kliping.crawler.progress import ProgressSettingError, resolve_interval, resolve_mode

    try:  # -s first, then the environment: refused as `reclean` and `export` refuse them
        resolve_mode(settings.get("KLIPING_PROGRESS"))
        resolve_interval(settings.get("KLIPING_PROGRESS_INTERVAL"))
    except ProgressSettingError as exc:
        raise UsageError(str(exc)) from None
    log_settings(args, settings)
    if args.run and not args.redis:
        raise UsageError("--run: only with --redis")
    if args.redis and not args.redis.startswith(("redis://", "rediss://", "unix://")):
        raise UsageError(f"--redis: expected redis://HOST:PORT/DB, got {args.redis!r}")
    if args.redis:  # kliping[cluster]: refused in one line, before the run opens, when missing
        from kliping.extras import require

        require("scrapy_redis", "--redis")
        check_redis(args.redis, args.run, list(args.sites))
    if os.path.isdir(args.out):  # before the ledger, the seen set or a repair reads a part
        from kliping.crawler.run import _partitions
        from kliping.dataset.storage import BadPartsError, check_output

        keys = _partitions(list(args.sites), spider_kwargs)
        try:
            check_output(args.out, [keys.get(key, key) for key in args.sites])
        except BadPartsError as exc:
            raise UsageError(str(exc)) from None
    if args.resume:
        since, until = resume_window(args.out, args.sites, since, until)
    if since == LAST and until is not None and os.path.isdir(args.out):
        # the spiders resolve "last" when they open; an empty window is bad input, said here
        for key in args.sites:
            day = None if key == "generic" else since_last(args.out, key)
            if day is not None and day > until:
                raise UsageError(f"--since last is {day} for {key} (where its last finished run "
                                 f"ended), after --until {until}")
    if not args.dry_run:
        from kliping.crawler.run import prestart_cleaning

        prestart_cleaning(settings)  # their start-up overlaps the plan and Scrapy's set-up
    try:
        print(crawl_plan(args, since, until))
        if args.dry_run:
            return 0
        result = start_crawl(
            list(args.sites), args.out, since=since, until=until, limit=args.limit,
            mirror=mirror_arg(args.mirror), settings=settings, spider_kwargs=spider_kwargs,
            redis=args.redis, run=args.run,
        )
    finally:
        from kliping.crawler.cleaning import CleaningPool

        CleaningPool.discard()  # refused before the crawl began (another run holds --out, say)
    if result.error is None:  # a cluster worker stopped by Redis going away (ClusterRun.stop)
        result.error = next((str(s["kliping/cluster/redis_error"]) for s in result.stats.values()
                             if s.get("kliping/cluster/redis_error")), None)
    from kliping.cli.summary import print_summary

    print_summary(args.out, result.stats, result.run_id)
    if result.repaired:
        print(f"repaired {result.repaired} raw rows left uncleaned by a killed or failed run")
    if result.health.get("report"):
        print(result.health["report"])
    print(f"run {result.run_id}: {result.status}")
    return finish("crawl", result)


def start_crawl(sites: list[str], out: str, **kwargs: Any) -> Any:
    """``run_crawl``, with the refusals that happen before anything runs as bad input (exit 2):
    another run holds ``out``, ``out`` cannot be written at all (read-only, no permission), or a
    part of it cannot be read."""
    from kliping.crawler.run import run_crawl
    from kliping.crawler.runlock import OutputLocked, OutputNotWritable
    from kliping.dataset.storage import BadPartsError

    try:
        return run_crawl(sites, out, **kwargs)
    except (OutputLocked, BadPartsError) as exc:
        raise UsageError(str(exc)) from None
    except OutputNotWritable as exc:
        raise UsageError(f"--out {out}: {exc}") from None


def finish(command: str, result: Any) -> int:
    """The exit code of a run; a run stopped by a write error says why in one line on stderr."""
    message = result.message()
    if message:
        print(f"kliping {command}: error: {message}", file=sys.stderr)
    return 0 if result.status == "finished" else 1
