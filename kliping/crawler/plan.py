"""What a crawl is about to do, said before it does it (``kliping crawl`` prints it first;
``kliping crawl --dry-run`` prints it and stops).

Per site: the window the date-index pages are walked for, each source with its kind and the most
listing pages it can read, and how many article URLs the output already holds (they are skipped).
A window longer than a year is stated in words, so a mistyped ``--since`` shows before it starts
thousands of requests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime

from kliping.sites.base import Site


@dataclass
class SourcePlan:
    kind: str
    url: str
    max_listing_pages: int | None  # None: one page plus what it links to (a sitemap index)


@dataclass
class SitePlan:
    key: str
    since: date | None
    until: date | None
    window_days: int | None  # days of date-index pages; None when the site has no date index
    sources: list[SourcePlan] = field(default_factory=list)
    known_urls: int = 0

    @property
    def max_listing_pages(self) -> int:
        return sum(s.max_listing_pages or 1 for s in self.sources)


def duration_words(days: int) -> str:
    """``612`` -> ``"1 year 8 months"``; ``40`` -> ``"40 days"``."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    years, rest = divmod(days, 365)
    months = round(rest / 30.44)
    if months == 12:
        years, months = years + 1, 0
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def site_plan(site: Site, out: str | os.PathLike[str] | None, since: date | None,
              until: date | None, today: date | None = None) -> SitePlan:
    """The plan of one site. ``since``/``until`` as the spider gets them (``last`` resolved)."""
    from kliping.spiders.sources import date_index_days

    today = today or datetime.now(site.tz).date()
    days = len(date_index_days(since, until, today))  # the spider's own walk
    plan = SitePlan(site.key, since, until, None)
    for source in site.sources:
        if source.kind == "date_index":
            plan.window_days = days
            plan.sources.append(SourcePlan(source.kind, source.url, days * source.max_pages))
        else:
            plan.sources.append(SourcePlan(source.kind, source.url, None))
    if out is not None and os.path.isdir(out):
        from kliping.crawler.seen import SeenSet

        plan.known_urls = len(SeenSet.from_archive(out, [site.key]))
    return plan


def describe(plans: list[SitePlan], out: str) -> str:
    """The plan as printed: a few lines per site."""
    lines = [f"plan: {len(plans)} site{'s' if len(plans) != 1 else ''} into {out}"]
    for p in plans:
        window = f"{p.since or 'open'} .. {p.until or 'today'}"
        lines.append(f"  {p.key}: window {window}; {p.known_urls:,} article URLs already archived "
                     "(skipped)")
        for s in p.sources:
            most = (f"up to {s.max_listing_pages:,} listing pages" if s.max_listing_pages
                    else "1 listing page and the sitemaps it indexes" if "sitemap" in s.kind
                    else "1 listing page")
            lines.append(f"    {s.kind:<12} {s.url}  {most}")
        if p.window_days is not None and p.window_days > 365:
            lines.append(f"    {duration_words(p.window_days)} of date-index pages: up to "
                         f"{sum(s.max_listing_pages or 0 for s in p.sources if s.kind == 'date_index'):,}"
                         " listing requests")
    return "\n".join(lines)
