"""Per-site health of a run: thresholds that turn a silently broken site into a failed run.

A site fails when too many of its new articles lack a body, a date or a title, when too many of
its pages were missed by its layout's body selector (``layout_drift``: the generic path saved the
page, but the site was redesigned), or when a source that yielded articles in the last finished
run yields none now (a changed sitemap or index layout). The report goes into the ledger and to
the terminal; the run exits 1, so cron mail or a monitor notices the morning after.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

DEFAULT_THRESHOLDS: dict[str, float] = {
    "max_share_empty_text": 0.2,
    "max_share_missing_date": 0.2,
    "max_share_missing_title": 0.1,
    # pages whose layout body selector matched nothing or less than the generic path: a few are
    # other templates (galleries, live pages); a redesign makes it nearly all of them
    "max_share_layout_drift": 0.3,
}


def _int(stats: Mapping[str, Any], key: str) -> int:
    return int(stats.get(key, 0) or 0)


def source_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    prefix, suffix = "kliping/source/", "/listed"
    return {
        k[len(prefix) : -len(suffix)]: int(v)
        for k, v in stats.items()
        if k.startswith(prefix) and k.endswith(suffix)
    }


def check_site(
    site: str,
    stats: Mapping[str, Any],
    previous: Mapping[str, Any] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The health record of one site in one run; ``previous`` is its record in the last good run."""
    limits = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    new = _int(stats, "kliping/articles/new")
    not_article = _int(stats, "kliping/articles/not_article")
    checks: list[dict[str, Any]] = []

    def share(name: str, bad: int, total: int, limit: float) -> None:
        value = bad / total if total else 0.0
        checks.append({"check": name, "value": round(value, 3), "limit": limit, "ok": value <= limit})

    share("share_empty_text", _int(stats, "kliping/field/text/missing") + not_article,
          new + not_article, limits["max_share_empty_text"])
    share("share_missing_date", _int(stats, "kliping/field/published_date/missing"), new,
          limits["max_share_missing_date"])
    share("share_missing_title", _int(stats, "kliping/field/title/missing"), new,
          limits["max_share_missing_title"])
    drift = _int(stats, "kliping/layout/drift")
    share("layout_drift", drift, new + not_article, limits["max_share_layout_drift"])
    sources = source_counts(stats)
    before_sources = (previous or {}).get("sources")
    for kind, before in (before_sources.items() if isinstance(before_sources, dict) else ()):
        # a date index lists only the window's days: a one-day window may fairly list nothing
        if kind == "date_index" and _int(stats, "kliping/window_days") < 2:
            continue
        if isinstance(before, int | float) and before > 0:
            now = sources.get(kind, 0)
            checks.append({"check": f"source_{kind}_yields", "value": now, "limit": 1, "ok": now > 0})
    throttled = _int(stats, "kliping/throttle/responses")
    if throttled:
        # a site answering 429/503 is a warning (we slowed down, see kliping/crawler/netguard.py); it fails
        # the run only above an explicit KLIPING_HEALTH["max_throttled"]
        limit = limits.get("max_throttled")
        checks.append({"check": "throttled", "value": throttled, "limit": limit, "warning": True,
                       "ok": limit is None or throttled <= limit})
    return {
        "ok": all(c["ok"] for c in checks),
        "articles_new": new,
        "layout_drift": drift,
        "sources": sources,
        "checks": checks,
    }


def previous_site_health(ledger: list[Mapping[str, Any]], site: str,
                         job: str | None = None) -> dict[str, Any] | None:
    """The health of ``site`` in the last finished run of the same job (default a crawl): an
    ingest's counts are no baseline for a crawl's, nor the other way round."""
    from kliping.crawler.ledger import CRAWL

    want = job or CRAWL
    for run in reversed(ledger):
        if run["status"] != "finished" or site not in (run["sites"] or []):
            continue
        if (run.get("job") or CRAWL) != want:
            continue
        return parse_health(run["health"]).get("sites", {}).get(site)
    return None


def parse_health(text: str | None) -> dict[str, Any]:
    """A ledger row's ``health`` JSON as a dict whose ``sites`` (when there) maps a site to a dict;
    {} for anything else. A damaged row (not JSON, a list, a site's record a number) was an
    AttributeError at the end of every later crawl of the output, and in ``kliping runs``."""
    try:
        health = json.loads(text or "{}")
    except (ValueError, TypeError):
        return {}
    if not isinstance(health, dict):
        return {}
    sites = health.get("sites")
    if sites is not None:
        health["sites"] = ({k: v for k, v in sites.items() if isinstance(v, dict)}
                           if isinstance(sites, dict) else {})
    return health


def report(health: Mapping[str, Any]) -> str:
    lines = []
    for site, rec in sorted(health.get("sites", {}).items()):
        failed = [c for c in rec["checks"] if not c["ok"]]
        if failed:
            lines.append(
                f"HEALTH FAILED {site}: "
                + "; ".join(f"{c['check']}={c['value']} (limit {c['limit']})" for c in failed)
            )
        warned = [c for c in rec["checks"] if c.get("warning") and c["ok"]]
        if warned:
            lines.append(f"HEALTH WARNING {site}: "
                         + "; ".join(f"{c['check']}={c['value']}" for c in warned))
    return "\n".join(lines)
