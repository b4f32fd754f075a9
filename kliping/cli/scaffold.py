"""``kliping scaffold KEY --domain DOMAIN``: the files of a new site (see docs/adding-a-site.md).

Two places, as the registry reads them (:mod:`kliping.sites.registry`); the spider is made from the
definition, so there is no spider file:

- in a clone of kliping (``--root CLONE``, or run from the clone with no ``KLIPING_SITES_PATH``
  set): ``kliping/sites/KEY.py`` (the definition, with TODOs) and ``tests/sites/KEY/fixtures.json``
  (a stub whose empty expectations make the site test fail until real pages and values are filled
  in);
- for an installed kliping (``--sites-dir DIR``, else the first directory of ``KLIPING_SITES_PATH``):
  ``DIR/KEY.py`` and ``DIR/fixtures/KEY/fixtures.json`` (``python -m kliping.testing.fixture_server
  DIR/fixtures`` serves it); the site is crawlable once ``KLIPING_SITES_PATH`` names DIR.

Never overwrites a file.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

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


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scaffold", help="write a new site's definition and fixture stub")
    p.add_argument("key", help="site key: lower-case letters, digits, _ (also the spider name)")
    p.add_argument("--domain", required=True, help="host name, e.g. news.example.co.id")
    p.add_argument("--root", default=None,
                   help="a kliping clone to add the site to (default: the current directory, if it is one)")
    p.add_argument("--sites-dir", default=None,
                   help="your own sites directory, for an installed kliping (default: the first "
                        "directory of KLIPING_SITES_PATH)")
    p.set_defaults(func=run)


def _is_clone(root: Path) -> bool:
    return (root / "kliping" / "sites" / "base.py").is_file()


def _loads(key: str, text: str) -> None:
    """The definition ``text`` loads (a key or domain it refuses, ``generic``, ``co.id``, would
    otherwise break every later command until the file is deleted by hand)."""
    from kliping.sites.base import SiteConfigError

    try:
        exec(compile(text, f"{key}.py", "exec"), {"__name__": f"kliping_scaffold_{key}"})
    except SiteConfigError as exc:
        why = " ".join(str(exc).split())
        raise UsageError(f"will not write a definition that does not load: {why}") from None


def run(args: argparse.Namespace) -> int:
    key, domain = args.key, args.domain.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise UsageError(f"KEY: lower-case letters, digits and _ only, got {key!r}")
    label = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    if len(domain) > 253 or not re.fullmatch(rf"(?:{label}\.)+[a-z]{{2,63}}", domain):
        raise UsageError(f"--domain: expected a host name such as news.example.co.id, got {domain!r}")
    from kliping.sites.registry import all_sites, sites_path

    # where: an explicit --sites-dir or --root, else KLIPING_SITES_PATH, else the clone we are in
    if args.sites_dir is None and args.root is None and not sites_path() and not _is_clone(Path.cwd()):
        raise UsageError("not in a kliping clone: pass --sites-dir DIR (and set KLIPING_SITES_PATH=DIR "
                         "to crawl it), or --root CLONE")
    in_clone = args.sites_dir is None and (args.root is not None or not sites_path())
    if in_clone:
        root = out_dir_arg("--root", args.root or ".")
        site_py, stub = root / "kliping" / "sites" / f"{key}.py", root / "tests" / "sites" / key
    else:
        flag = "--sites-dir" if args.sites_dir is not None else "KLIPING_SITES_PATH"
        where = out_dir_arg(flag, args.sites_dir if args.sites_dir is not None else str(sites_path()[0]))
        site_py, stub = where / f"{key}.py", where / "fixtures" / key
        where.mkdir(parents=True, exist_ok=True)  # the registry reads it (and refuses a missing one)
    if key in all_sites():
        raise UsageError(f"site {key!r} already exists")
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
        site_py: SITE_TEMPLATE.format(key=key, domain=domain, bare=bare, host=re.escape(domain)),
        stub / "fixtures.json": json.dumps(fixture, indent=1) + "\n",
    }
    _loads(key, files[site_py])
    existing = [str(p) for p in files if p.exists()]
    if existing:
        raise UsageError(f"will not overwrite {', '.join(existing)}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    if not in_clone and site_py.parent.resolve() not in {p.resolve() for p in sites_path()}:
        print(f"next: export KLIPING_SITES_PATH={site_py.parent} (kliping reads your sites from there)")
    print(f"next: docs/adding-a-site.md, step 3 (smoke crawl: kliping crawl {key} --limit 2)")
    return 0
