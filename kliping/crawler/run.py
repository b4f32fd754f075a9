"""Run crawls in this process: the engine behind ``kliping crawl`` and ``kliping demo``.

A run: open it (:mod:`kliping.crawler.lifecycle`: the output's lock, the sweep and repair of what a
killed run left, the ``running`` ledger row), crawl every site with Scrapy's engine under one run
id, and close it (each site's health, the status, the final ledger row).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kliping.crawler.lifecycle import new_run_id
from kliping.sites.registry import get_site


@dataclass
class CrawlResult:
    run_id: str
    out: str
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)  # per site
    status: str = "finished"
    health: dict[str, Any] = field(default_factory=dict)
    repaired: int = 0
    error: str | None = None  # what stopped the run (a write error), one line
    ledger_error: str | None = None  # the ledger could not record the run's end, one line

    def message(self) -> str | None:
        """The one line that says why the run failed (None: it did not fail that way)."""
        if self.error and self.ledger_error:
            return f"{self.error} (the run ledger could not record the failure either: " \
                   f"{self.ledger_error})"
        if self.ledger_error:
            return f"the run ledger could not record the end of run {self.run_id}: {self.ledger_error}"
        return self.error


def spider_class(key: str) -> type:
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    if key != "generic":
        get_site(key)  # a clear error for unknown sites
    return SpiderLoader.from_settings(get_project_settings()).load(key)


# -- the window: one parser for every entry point (kliping crawl, scrapy crawl -a, Scrapyd) -------
LAST = "last"


def parse_since(value: str | date | None, name: str = "since") -> date | str | None:
    """``YYYY-MM-DD``, a date, ``"last"`` (kept as is, resolved when the run opens) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if text.lower() == LAST:
        return LAST
    return _day(text, name, "or 'last'")


def parse_until(value: str | date | None, name: str = "until") -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return _day(str(value).strip(), name, "")


def parse_limit(value: int | str | None) -> int | None:
    """``-a limit=N``: at most N article requests (None, "" or 0: no limit); a ValueError naming
    it for anything else (``limit=abc`` was a ValueError traceback in the spider's set-up, and
    ``limit=-5`` a crawl that scheduled no article)."""
    if value in (None, "", 0, "0"):
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        n = -1
    if n < 0 or isinstance(value, bool):
        raise ValueError(f"limit: expected a number of article requests (0: no limit), got {value!r}")
    return n or None


def _day(text: str, name: str, alternative: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{name}: expected a date YYYY-MM-DD{' ' + alternative if alternative else ''}, "
            f"got {text!r}"
        ) from None


def check_window(since: date | str | None, until: date | None, since_name: str = "since",
                 until_name: str = "until") -> None:
    """ValueError when the window is empty (``since`` after ``until``)."""
    if isinstance(since, date) and until is not None and since > until:
        raise ValueError(f"{since_name} {since} is after {until_name} {until}")


def since_last(out: str | os.PathLike[str], key: str, zone: str | None = None) -> date | None:
    """``since=last``: the day the last finished run of ``key`` ended its window (None: never).

    The window of a run ends at its ``until``, or where it finished when that is earlier (a run
    without ``until``, or with one in the future, covered what was published until it finished);
    the day is kept (``since`` is inclusive): articles of that day the run saw are skipped as
    known, those published after it are fetched. ``zone``: the site's (WIB/WITA/WIT), default
    the registry's.
    """
    from kliping.crawler.ledger import last_success
    from kliping.sites.base import zone_tz

    run = last_success(out, key)
    if run is None:
        return None
    ends: list[date] = []
    if run["until"] is not None:
        ends.append(run["until"])
    if run["finished_at"] is not None:
        tz = zone_tz(zone) if zone else get_site(key).tz
        ends.append(run["finished_at"].astimezone(tz).date())
    return min(ends) if ends else None


def resolve_since(spider: Any, out: str | os.PathLike[str]) -> None:
    """Resolve a spider's ``since="last"`` against ``out``'s ledger, when its run opens.

    Every entry point passes here (``kliping.crawler.extensions.RunLedger.spider_opened``): ``kliping
    crawl --since last``, ``scrapy crawl SITE -a since=last`` and Scrapyd. The spider keeps
    ``since_last = True`` and ``since = None`` until then. ValueError when the resolved day is
    after ``until``.
    """
    if not getattr(spider, "since_last", False) or spider.since is not None:
        return
    site = getattr(spider, "site", None)
    # a generic crawl's ledger key ("generic") is shared by every domain: no "last" to go by
    resolved = None if spider.name == "generic" else since_last(out, spider.name, getattr(site, "zone", None))
    if resolved is not None and spider.until is not None and resolved > spider.until:
        raise ValueError(f"since=last is {resolved} for {spider.name} (where its last finished run "
                         f"ended), after until {spider.until}")
    spider.since = resolved


def run_crawl(
    sites: list[str],
    out: str | os.PathLike[str],
    *,
    since: date | str | None = None,
    until: date | None = None,
    limit: int | None = None,
    mirror: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
    spider_kwargs: dict[str, Any] | None = None,
    redis: str | None = None,
    run: str | None = None,
) -> CrawlResult:
    """Crawl ``sites`` into ``out``; ``since="last"`` resumes each site where it last ended.

    Raises ``kliping.crawler.runlock.OutputLocked`` when another live run holds ``out``, and
    ``kliping.crawler.runlock.OutputNotWritable`` when its lock cannot be written (read-only, no
    permission): nothing has run then. A write error once the run holds the lock (the repair, the
    ledger, a Parquet part) stops the run: status ``failed``, and ``result.message()`` says which
    file and why. With ``redis`` (a ``redis://`` URL) this process is one worker of a cluster
    sharing a frontier on Redis (``kliping.cluster``, docs/cluster.md): no output lock, and
    the ledger row of each site is written by the last worker to finish it.
    """
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kliping.settings")

    from kliping.crawler.lifecycle import Run, crawler_failed, final_status
    from kliping.dataset.storage import WriteError, keep_pandas_out
    from kliping.pipelines.writers import write_failure

    keep_pandas_out()
    out = os.fspath(out)
    settings = dict(settings or {})
    if redis:
        settings["KLIPING_REDIS_URL"] = redis
    if run:
        settings["KLIPING_RUN"] = run
    if settings.get("KLIPING_REDIS_URL"):
        return _run_worker(sites, out, new_run_id(), since, until, limit, mirror, settings,
                           spider_kwargs)
    lifecycle = Run(out, sites, since=None if since == LAST else since, until=until).acquire()
    opened = False  # the 'running' row is written
    try:
        project = _project(out, mirror, settings)
        result = CrawlResult(run_id=lifecycle.run_id, out=out)
        try:
            result.repaired = lifecycle.open(partitions=_partitions(sites, spider_kwargs))
            opened = True
        except WriteError as exc:
            result.status, result.error = "failed", str(exc)
            result.ledger_error = lifecycle.close(result.status, [])
            return result
        # "last" goes to the spiders as is: each resolves it when it opens (RunLedger), as
        # under scrapy crawl and Scrapyd
        crawlers = _crawl(project, sites, {key: since for key in sites}, until, limit,
                          lifecycle.run_id, spider_kwargs)
        failed = False
        for key, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            result.stats[key] = stats
            failed = crawler_failed(crawler, stats.get("finish_reason")) or failed
            failure = write_failure(crawler)
            if failure is not None and result.error is None:
                result.error = str(failure)
            if stats.get("kliping/bad_window") and result.error is None:
                result.error = str(stats["kliping/bad_window"])
        if since == LAST:  # the day each spider resolved "last" to: the ledger's, when one
            days = {getattr(c.spider, "since", None) for _, c in crawlers}
            if len(days) == 1:
                lifecycle.since = days.pop()
        result.health = lifecycle.health(result.stats, project.getdict("KLIPING_HEALTH"))
        result.status = final_status(failed or bool(result.error), result.health)
        result.ledger_error = lifecycle.close(result.status, list(result.stats.values()),
                                              result.health)
        return result
    except Exception:
        # Scrapy's set-up raised after the run opened (a log file it cannot open, say): the run
        # failed, and says so, rather than leaving a 'running' row that reads as 'killed'
        if opened:
            from kliping.crawler.ledger import FAILED

            lifecycle.close(FAILED, [])
        raise
    finally:
        lifecycle.release()


def _partitions(sites: list[str], spider_kwargs: dict[str, Any] | None) -> dict[str, str]:
    """The ``site=`` partition of keys that write elsewhere: ``generic`` writes its domain's key."""
    domain = (spider_kwargs or {}).get("generic", {}).get("domain")
    if "generic" not in sites or not domain:
        return {}
    from kliping.spiders.generic import generic_site

    return {"generic": generic_site(domain).key}


def _site_since(out: str, sites: list[str], since: date | str | None) -> dict[str, date | None]:
    """Each site's first day: ``since`` itself, or with ``"last"`` where its last run ended."""
    if since != LAST:
        return {key: since for key in sites}  # type: ignore[misc]
    return {key: None if key == "generic" else since_last(out, key) for key in sites}


def _crawl(
    project: Any, sites: list[str], site_since: dict[str, date | None], until: date | None,
    limit: int | None, run_id: str, spider_kwargs: dict[str, Any] | None,
) -> list[tuple[str, Any]]:
    """Run one spider per site in this process, to the end; the crawlers, for their stats."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    import_http_handler()
    process = CrawlerProcess(project)
    crawlers = []
    for key in sites:
        crawler = process.create_crawler(spider_class(key))
        crawlers.append((key, crawler))
        crawler.signals.connect(_stop_siblings(crawler, crawlers), signal=signals.spider_closed,
                                weak=False)  # a closure: nothing else holds it
        process.crawl(crawler, since=site_since[key], until=until, limit=limit, run_id=run_id,
                      **(spider_kwargs or {}).get(key, {}))
    prestart_cleaning(project)  # no-op when the command line started them already
    try:
        process.start()
    finally:
        from kliping.crawler.cleaning import CleaningPool

        CleaningPool.discard()  # workers no spider took: every spider failed to open
    return crawlers


def import_http_handler() -> None:
    """Import Scrapy's HTTP download handler without its three ``inspect.stack()`` calls.

    ``scrapy.core.downloader.tls`` and ``contextfactory`` each make a deprecated alias class
    (``create_deprecated_class``), which names the alias's module from ``inspect.stack()``: the
    source lines of every frame on the stack, and for each frame without a module file (the
    import machinery's, several per nested import) a scan of every loaded module. Imported, as
    Scrapy does, while it builds the engine of a crawl process that holds kliping's modules
    (pyarrow, numpy, the cleaner's), that took 0.1-0.2 s of CPU at every crawl's start (more than
    the rest of the handler's import). Here ``inspect.stack`` gives the frames alone while these
    modules import: the alias's module is found the same way, from the caller's frame.
    """
    if "scrapy.core.downloader.handlers.http11" in sys.modules:
        return
    import inspect

    real = inspect.stack

    def frames_only(context: int = 1) -> list[tuple[Any, ...]]:
        frame = sys._getframe(1)  # the caller's, as inspect.stack()[0] is
        found = []
        while frame is not None:
            found.append((frame,))
            frame = frame.f_back
        return found

    inspect.stack = frames_only  # type: ignore[assignment]
    try:
        import scrapy.core.downloader.handlers.http11  # noqa: F401
    except Exception:  # a Scrapy that reads more of a frame than this gives: imported as it is
        for name in [m for m in sys.modules if m.startswith("scrapy.core.downloader")]:
            if name.endswith(("http11", ".tls", "contextfactory")):
                sys.modules.pop(name, None)
        inspect.stack = real
        import scrapy.core.downloader.handlers.http11  # noqa: F401, F811
    finally:
        inspect.stack = real


def prestart_cleaning(settings: Any) -> None:
    """Install the crawl's reactor and start its first cleaning worker (``CleaningPool.prestart``).

    ``kliping crawl`` calls it as soon as its arguments are checked, before the plan, the output
    lock and Scrapy's set-up: the worker's start-up then overlaps all of it instead of holding the
    first articles back. ``settings``: a dict of ``--set`` values or Scrapy ``Settings``.
    """
    if not hasattr(settings, "getbool"):
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kliping.settings")
        settings = _project("", None, dict(settings or {}))
    from scrapy.utils.reactor import install_reactor

    from kliping.crawler.cleaning import CleaningPool

    if settings.getbool("TWISTED_REACTOR_ENABLED", True) and settings.get("TWISTED_REACTOR"):
        install_reactor(settings["TWISTED_REACTOR"], settings.get("ASYNCIO_EVENT_LOOP"))
    else:
        return  # Scrapy installs its default reactor later: the pipelines start the workers
    CleaningPool.prestart(settings)


def _stop_siblings(crawler: Any, crawlers: list[tuple[str, Any]]) -> Any:
    """A spider stopped by a write error stops the run's other spiders too: they write to the
    same disk, and every page they fetched from then on would only be fetched again."""

    def closed(spider: Any, reason: str) -> None:
        if reason != "write_error":
            return
        from scrapy.utils.defer import deferred_from_coro

        for _, other in crawlers:
            engine = getattr(other, "engine", None)
            slot = getattr(engine, "_slot", None)
            if other is crawler or engine is None or engine.spider is None or slot is None:
                continue
            if slot.closing is None:
                deferred_from_coro(engine.close_spider_async(reason="write_error"))

    return closed


def _project(out: str, mirror: dict[str, str] | None, settings: dict[str, Any]) -> Any:
    from scrapy.utils.project import get_project_settings

    project = get_project_settings()
    project.set("KLIPING_OUT", out, priority="cmdline")
    project.set("KLIPING_LEDGER_BY_CLI", True, priority="cmdline")
    if mirror:
        project.set("KLIPING_MIRROR", mirror, priority="cmdline")
    for key, value in settings.items():
        project.set(key, value, priority="cmdline")
    return project


def _run_worker(
    sites: list[str], out: str, run_id: str, since: date | str | None, until: date | None,
    limit: int | None, mirror: dict[str, str] | None, settings: dict[str, Any],
    spider_kwargs: dict[str, Any] | None,
) -> CrawlResult:
    """One worker of a Redis cluster (kliping.cluster): the run is shared, so no lock, no
    repair or temp-file sweep of the shared output (other workers are writing it), and the
    ledger row of a site comes from the worker that finishes it last (``ClusterRun.finish``)."""

    from kliping.crawler.lifecycle import crawler_failed
    from kliping.pipelines.writers import write_failure

    project = _project(out, mirror, settings)
    crawlers = _crawl(project, sites, _site_since(out, sites, since), until, limit, run_id,
                      spider_kwargs)
    result = CrawlResult(run_id=run_id, out=out)
    sites_health: dict[str, Any] = {}
    for key, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        result.stats[key] = stats
        if crawler_failed(crawler, stats.get("finish_reason")):
            result.status = "failed"
        failure = write_failure(crawler)
        if failure is not None:
            result.error = result.error or str(failure)
        cluster = getattr(crawler, "kliping_cluster", None)
        if cluster is not None:
            result.run_id = crawler.spider.run_id
            if cluster.result is not None:  # this worker finished the site's run
                sites_health[key] = cluster.result["health"]["sites"][key]
                if cluster.result["status"] != "finished" and result.status == "finished":
                    result.status = cluster.result["status"]
    if sites_health:
        from kliping.crawler.health import report

        result.health = {"sites": sites_health, "ok": all(s["ok"] for s in sites_health.values())}
        result.health["report"] = report(result.health)
    return result
