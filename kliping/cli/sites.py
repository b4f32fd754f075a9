"""``kliping sites [--json | --markdown]``: the registry.

``--markdown`` prints ``docs/sites.md``, generated from the package's own sites (their ``SITE`` and
``URL_SCHEMES`` / ``URL_SCHEME_DOCS``); ``tests/test_spiders_generated.py`` keeps the file in step:
``kliping sites --markdown > docs/sites.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json

from kliping.sites.base import FRESH_KINDS, Site, Source

INTRO = """# Sites

The registered Indonesian publishers (`kliping sites --json` prints the same from the code; this page
is generated from it: `kliping sites --markdown > docs/sites.md`). Source URLs and selectors are
modelled on the sites' public markup and public scrapers; they cannot be checked from CI. Run
`kliping canary` on the real web (from cron) to see which still hold. Your own sites (an installed
plugin, or `KLIPING_SITES_PATH`) are listed by `kliping sites`, not here: see docs/adding-a-site.md.
"""

AFTER_SITES = """
Skip rules (video, photo galleries, live blogs, tag/topic pages) and the article URL pattern
are in each `kliping/sites/<key>.py`; fixtures and expected records in `tests/sites/<key>/fixtures.json`.
"""

SCHEMES_INTRO = """## Article URL schemes

A backfill through sitemap indexes or web archives meets a site's URLs of every year, not only
today's. Each site's article pattern is the union of its schemes (`URL_SCHEMES` in
`kliping/sites/<key>.py`, newest first; the years and the example below are its `URL_SCHEME_DOCS`);
`tests/sites/<key>/urls.json` holds one example or more per scheme and pages that must not count as
articles (indexes, tags, rubric pages, photo and video pages), checked by `tests/test_sites_urls.py`.
The years are approximate: they come from archived links, public scrapers' code and test fixtures.
Photo galleries (`readfoto`, `photo.`, `inpicture`) stay skipped in every period. The examples below
have made-up ids and slugs.
"""

OUTRO = """
Not covered: viva's `vivanews.com` URLs before 2013 (another domain, redirected; not in the site's
allowed domains), and per-article amp/mobile paths other than kumparan's and merdeka's `m.` hosts.

Sites not listed: `scrapy crawl generic -a domain=example.co.id` (feeds and sitemaps found from
robots.txt, the home page and the usual WordPress locations). Over https; over http when the
domain says so (`http://example.co.id`), or when it was given without a scheme and its robots.txt
cannot be had over https because the server does not speak it (a refused connection or a failed
TLS handshake: `kliping/listing/https_unreachable`). A reset, a timeout or a 5xx is an answer, and
no reason to try http. `tests/test_generic_scheme.py` crawls a plain-http server on 127.0.0.1
both ways.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sites", help="list registered sites, their sources and layouts")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--json", action="store_true", help="print a JSON list")
    what.add_argument("--markdown", action="store_true",
                      help="print docs/sites.md (the package's own sites)")
    p.set_defaults(func=run)


def _source(src: Source) -> str:
    text = f"{src.kind}: `{src.url}`"
    if src.kind == "date_index":
        text += f" (`{src.date_format}`)"
    elif src.kind == "sitemap":
        text += " (by lastmod)"
    return text


def _layouts(site: Site) -> str:
    return ", ".join(
        f"{lay.version} ≤ {lay.valid_until}" if lay.valid_until else f"{lay.version} (current)"
        for lay in site.layouts
    )


def markdown() -> str:
    """docs/sites.md: the package's real publishers (not the bundled sample sites, not plugins)."""
    from kliping.sites.registry import all_sites, is_builtin, site_origin

    sites = [s for k, s in all_sites().items() if is_builtin(k) and not s.sample]
    out = [INTRO, "| site | domain | zone | fresh | backfill | multi-page | layouts |",
           "|---|---|---|---|---|---|---|"]
    for s in sites:
        fresh = "; ".join(_source(x) for x in s.sources if x.kind in FRESH_KINDS) or "—"
        back = "; ".join(_source(x) for x in s.sources if x.kind not in FRESH_KINDS) or "—"
        out.append(f"| {s.key} | {s.domain} | {s.zone} | {fresh} | {back} | {s.pagination or '—'} "
                   f"| {_layouts(s)} |")
    out += [AFTER_SITES, SCHEMES_INTRO, "| site | scheme | years | example |", "|---|---|---|---|"]
    for s in sites:
        module = importlib.import_module(site_origin(s.key))
        notes = getattr(module, "URL_SCHEME_DOCS", {})
        for scheme in getattr(module, "URL_SCHEMES", {}):
            years, example = notes.get(scheme, ("—", ""))
            out.append(f"| {s.key} | `{scheme}` | {years} | " + (f"`{example}` |" if example else "— |"))
    out.append(OUTRO)
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from kliping.sites.registry import all_sites, is_builtin

    sites = all_sites()
    if args.markdown:
        print(markdown(), end="")
        return 0
    if args.json:
        print(json.dumps([s.describe() for s in sites.values()], ensure_ascii=False, indent=1))
        return 0
    from rich.table import Table

    from kliping.cli.common import console, shown

    table = Table(title=f"{len(sites)} sites")
    for col in ("site", "domain", "zone", "sources", "layouts"):
        table.add_column(col)
    for s in sites.values():
        table.add_row(
            shown(s.key + (" (sample)" if s.sample else "") + ("" if is_builtin(s.key) else " (yours)")),
            shown(s.domain),
            shown(s.zone),
            "\n".join(shown(f"{src.kind}: {src.url}") for src in s.sources),
            shown(", ".join(
                f"{lay.version}" + (f" ≤{lay.valid_until}" if lay.valid_until else "")
                for lay in s.layouts
            )),
        )
    console().print(table)
    return 0
