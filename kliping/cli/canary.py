"""``kliping canary [SITE...]``: fetch one fresh article per site, report the fields that came back empty.

For users on the real web, from cron (never in CI), e.g. daily:

    15 6 * * *  kliping canary --json >> ~/kliping-canary.jsonl || mail -s "kliping canary" me

Per site: read its first fresh source (news sitemap or feed), take the first article URL it lists,
fetch it, clean it with the site's rules, and check the fields every site must fill. Exit 1 when
any site fails (no listing, no article, fetch error, not an article, or a required field empty).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import urllib.request
from datetime import UTC, datetime

from kliping.cli import UsageError, shown
from kliping.cli.common import mirror_arg

REQUIRED = ("title", "text", "published_date", "canonical_url", "language")
WATCHED = ("authors", "published_at", "description", "image_url", "section")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("canary", help="fetch one fresh article per site and report empty fields")
    p.add_argument("sites", nargs="*", metavar="SITE", help="site keys (default: every real site)")
    p.add_argument("--json", action="store_true", help="one JSON line per site")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
    p.add_argument("--mirror", help=argparse.SUPPRESS)  # JSON {host: local base}, for tests
    p.set_defaults(func=run)


def _fetch(url: str, mirror: dict[str, str], timeout: float,
           limit: int = 16 << 20) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of ``url``: at most ``limit`` bytes (the crawl's DOWNLOAD_MAXSIZE)
    within ``timeout`` seconds in all, else a RuntimeError. ``resp.read()`` took whatever came:
    a server sending without end filled the memory (10 GB in 20 s), one dripping a byte now and
    then held the canary for ever."""
    from kliping.settings import USER_AGENT
    from kliping.testing.mirror import mirrored_url

    wire = mirrored_url(url, mirror) or url
    req = urllib.request.Request(wire, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    deadline = time.monotonic() + timeout
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) URLs only)
        body = bytearray()
        while chunk := resp.read1(1 << 16):
            body += chunk
            if len(body) > limit:
                raise RuntimeError(f"{url}: larger than {limit >> 20} MiB")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url}: not read within {timeout:g} s")
        return resp.status, {k.lower(): v for k, v in resp.headers.items()}, bytes(body)


def _first_article(site, body: bytes) -> str | None:  # type: ignore[no-untyped-def]
    for loc in re.findall(rb"<(?:loc|link)[^>]*>\s*(?:<!\[CDATA\[)?\s*([^<\s\]]+)", body):
        url = loc.decode("utf-8", "replace").replace("&amp;", "&")
        if site.is_article(url):
            return url
    return None


def check(key: str, mirror: dict[str, str], timeout: float) -> dict:
    from kliping.clean import NotAnArticle, clean
    from kliping.sites.registry import get_site
    from kliping.spiders.base import NewsSpider

    site = get_site(key)
    report: dict = {"site": key, "ok": False, "url": None, "empty": [], "missing_optional": [], "error": None}
    fresh = [s for s in site.sources if s.kind in ("news_sitemap", "feed")]
    try:
        if not fresh:
            raise RuntimeError("no fresh source")
        _, _, listing = _fetch(fresh[0].url, mirror, timeout, limit=50 << 20)  # KLIPING_SITEMAP_MAXSIZE
        url = _first_article(site, listing)
        if url is None:
            raise RuntimeError(f"no article URL in {fresh[0].url}")
        fetch = NewsSpider.article_url(type("S", (), {"site": site})(), url)  # type: ignore[arg-type]
        report["url"] = fetch
        status, headers, body = _fetch(fetch, mirror, timeout)
        art = clean({"url": fetch, "final_url": fetch, "site": key, "status": status, "headers": headers,
                     "body": body, "fetched_at": datetime.now(UTC)}, site)
    except NotAnArticle as exc:
        report["error"] = f"not an article: {exc}"
        return report
    except Exception as exc:  # noqa: BLE001 (a canary reports every failure, it does not crash)
        report["error"] = f"{type(exc).__name__}: {exc}"
        return report
    report["empty"] = [f for f in REQUIRED if art.get(f) in (None, "", [])]
    report["missing_optional"] = [f for f in WATCHED if art.get(f) in (None, "", [])]
    report["ok"] = not report["empty"]
    return report


def run(args: argparse.Namespace) -> int:
    from kliping.sites.registry import UnknownSite, all_sites, get_site

    if not 0 < args.timeout <= 3600:  # (-1, nan: every site a "FAIL ValueError", exit 1)
        raise UsageError("--timeout: must be a number of seconds above 0, at most 3600")
    keys = args.sites or [k for k, s in all_sites().items() if not s.sample]
    for key in keys:
        try:
            get_site(key)
        except UnknownSite as exc:
            raise UsageError(str(exc)) from None
    mirror = mirror_arg(args.mirror) or {}
    failed = 0
    for key in keys:
        rep = check(key, mirror, args.timeout)
        failed += not rep["ok"]
        if args.json:
            print(json.dumps(rep, ensure_ascii=False), flush=True)
        else:
            state = "ok  " if rep["ok"] else "FAIL"
            detail = rep["error"] or (f"empty: {', '.join(rep['empty'])}" if rep["empty"] else "")
            extra = f" (no {', '.join(rep['missing_optional'])})" if rep["missing_optional"] else ""
            # a server's reason phrase, a listed URL: escape sequences printed raw retitled or
            # cleared the terminal of whoever read the cron mail
            print(shown(f"{state} {key:16} {detail}{extra}  {rep['url'] or ''}".rstrip()), flush=True)
    return 1 if failed else 0
