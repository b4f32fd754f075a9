"""``kliping scaffold KEY --domain DOMAIN``: the files of a new site (see docs/adding-a-site.md).

Writes ``kliping/sites/KEY.py`` (the definition, with TODOs), ``kliping/spiders/KEY.py`` (the spider)
and ``tests/sites/KEY/fixtures.json`` (a stub whose empty expectations make the site test fail
until real pages and values are filled in). Never overwrites a file.
"""

from __future__ import annotations

import argparse
import json
import re

from kliping.cli import UsageError
from kliping.cli.common import out_dir_arg

SITE_TEMPLATE = '''"""{domain}: TODO one line: sources, pagination rule, anything unusual."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="{key}",
    name="{domain}",
    domain="{domain}",
    allowed_domains=("{bare}",),
    zone="WIB",  # WIB, WITA or WIT: where the newsroom prints its times
    sources=(
        Source("news_sitemap", "https://{domain}/sitemap-news.xml"),  # TODO fresh: news sitemap or feed
        # TODO backfill: date-indexed archive pages, or a sitemap index (filtered by lastmod)
        Source("date_index", "https://{domain}/indeks?date={{date}}&page={{page}}", date_format="%Y-%m-%d"),
    ),
    article_pattern=r"^https?://{host}/read/\\d+/[\\w-]+",  # TODO
    skip_patterns=(r"/(?:video|foto|tag|live)/",),
    pagination=None,  # "single=1", "page=all" or "next_link" for multi-page articles
    layouts=(Layout("V1"),),  # add body_xpath / prune_xpaths only where the cleaner needs help
)
'''

SPIDER_TEMPLATE = '''from kliping.sites.{key} import SITE
from kliping.spiders.base import NewsSpider


class {cls}Spider(NewsSpider):
    name = "{key}"
    site = SITE
'''


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scaffold", help="write a new site's definition, spider and fixture stub")
    p.add_argument("key", help="site key: lower-case letters, digits, _ (also the spider name)")
    p.add_argument("--domain", required=True, help="host name, e.g. news.example.co.id")
    p.add_argument("--root", default=".", help="project root (default: current directory)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    key, domain = args.key, args.domain.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise UsageError(f"KEY: lower-case letters, digits and _ only, got {key!r}")
    label = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    if len(domain) > 253 or not re.fullmatch(rf"(?:{label}\.)+[a-z]{{2,63}}", domain):
        raise UsageError(f"--domain: expected a host name such as news.example.co.id, got {domain!r}")
    from kliping.registry import all_sites

    if key in all_sites():
        raise UsageError(f"site {key!r} already exists")
    root = out_dir_arg("--root", args.root)
    bare = domain.removeprefix("www.")
    fixture = {
        "site": key,
        "note": "TODO: save two article pages and one page per source; fill what is expected.",
        "pages": {},
        "articles": [{
            "file": "a1.html", "url": f"https://{domain}/TODO", "fetched_at": "TODO", "layout": "V1",
            "expected": {"title": "", "published_date": ""}, "must_contain": [], "must_not_contain": [],
        }],
        "crawl": {"since": "2025-03-10", "until": "2025-03-11", "articles": [], "listings": [], "never": []},
    }
    files = {
        root / "kliping" / "sites" / f"{key}.py": SITE_TEMPLATE.format(
            key=key, domain=domain, bare=bare, host=re.escape(domain)),
        root / "kliping" / "spiders" / f"{key}.py": SPIDER_TEMPLATE.format(
            key=key, cls=key.title().replace("_", "")),
        root / "tests" / "sites" / key / "fixtures.json": json.dumps(fixture, indent=1) + "\n",
    }
    existing = [str(p) for p in files if p.exists()]
    if existing:
        raise UsageError(f"will not overwrite {', '.join(existing)}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    print(f"next: docs/adding-a-site.md, step 2 (smoke crawl: kliping crawl {key} --limit 2)")
    return 0
