"""``kliping extract FILE... [--url URL] [--site SITE] [--fetched-at ISO] [--urls-from TSV]``.

Each saved page (``.gz`` read transparently) becomes one JSON article record per line on stdout, in
input order. A page that is not an article prints a record with an ``"error"`` field instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from kliping.cli import UsageError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract",
        help="clean saved pages into article records (JSON lines)",
        description="Each page (.gz read transparently) -> one JSON article record per line.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="saved HTML page(s)")
    p.add_argument("--url", help="the page's URL (for one FILE; default file://…)")
    p.add_argument("--site", help="registry key of the site (layout overrides, time zone)")
    p.add_argument("--fetched-at", help="fetch time, ISO 8601 (default: the file's mtime)")
    p.add_argument("--urls-from", metavar="TSV", help="lines FILE<TAB>URL, for many pages")
    p.set_defaults(func=run)


def _json_value(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise UsageError(f"{path}: not a valid gzip file ({exc})") from exc
    return data


def _fetched_at(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"--fetched-at: not an ISO 8601 date/time: {text!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when


def run(args: argparse.Namespace) -> int:
    from kliping.clean import NotAnArticle, clean

    jobs: list[tuple[Path, str | None]] = [(Path(f), args.url) for f in args.files]
    if args.urls_from:
        tsv = Path(args.urls_from)
        if not tsv.is_file():
            raise UsageError(f"{tsv}: no such file (--urls-from)")
        for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            file, _, url = line.partition("\t")
            if not url.strip():
                raise UsageError(f"{tsv}:{n}: expected FILE<TAB>URL")
            path = Path(file.strip())
            if not path.is_absolute():
                path = tsv.parent / path if (tsv.parent / path).exists() else path
            jobs.append((path, url.strip()))
    if not jobs:
        raise UsageError("no FILE given (and no --urls-from)")
    if args.url and len(args.files) > 1:
        raise UsageError("--url names one page; use --urls-from for many")
    for path, _url in jobs:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
    site = None
    if args.site:
        from kliping.registry import get_site

        try:
            site = get_site(args.site)
        except (KeyError, LookupError, ValueError) as exc:
            raise UsageError(f"--site: unknown site {args.site!r}") from exc
    fixed_time = _fetched_at(args.fetched_at)
    out = sys.stdout
    for path, url in jobs:
        page_site = site
        if page_site is None and url:
            from kliping.registry import site_for_url

            page_site = site_for_url(url)
        fetched = fixed_time or dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        page_url = url or path.resolve().as_uri()
        raw = {
            "body": _read(path),
            "headers": {},
            "url": page_url,
            "final_url": page_url,
            "site": page_site.key if page_site else "",
            "fetched_at": fetched,
            "run_id": "extract",
            "fetch_id": str(path),
            "discovered_via": "file",
        }
        try:
            rec: dict[str, Any] = clean(raw, page_site)
        except NotAnArticle as exc:
            rec = {"url": page_url, "file": str(path), "error": f"not an article: {exc}"}
        out.write(json.dumps({k: _json_value(v) for k, v in rec.items()}, ensure_ascii=False))
        out.write("\n")
    out.flush()
    return 0
