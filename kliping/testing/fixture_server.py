"""A static fixture server: saved pages of real sites, served on 127.0.0.1 under their real URLs.

Each ``<root>/<site>/fixtures.json`` maps real URLs to files (``"pages": {url: file}``). The server
answers ``GET /<host>/<path>?<query>`` with the file saved for ``https://<host>/<path>?<query>``,
so a crawl run with ``KLIPING_MIRROR`` / ``--mirror`` set to :meth:`FixtureServer.mirror` sees the
sites' own URLs everywhere (see :mod:`kliping.testing.mirror`). Unknown URLs are 404; ``robots.txt`` is
served as "allow all". Every request is counted in ``hits`` (by real URL), so tests can assert that
skipped URLs were never fetched.

Used by the crawl tests and by ``kliping canary --mirror``; ``python -m kliping.testing.fixture_server DIR``
serves a fixture tree by hand and prints the mirror JSON.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from kliping.testing.http import RoutesServer

_TYPES = {".xml": "application/xml; charset=utf-8", ".html": "text/html; charset=utf-8",
          ".gz": "application/x-gzip", ".json": "application/json"}


def load_pages(
    root: str | Path, sites: list[str] | None = None, hosts: set[str] | None = None
) -> dict[str, Path]:
    """Real URL -> file, over every ``<root>/<site>/fixtures.json`` (or only ``sites``).

    ``hosts``, when given, also collects the hosts of every URL the specs mention (the URLs a crawl
    must never fetch included), so that a wrong fetch lands here and not on the real web.
    """
    root = Path(root)
    pages: dict[str, Path] = {}
    for spec_file in sorted(root.glob("*/fixtures.json")):
        if sites is not None and spec_file.parent.name not in sites:
            continue
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        for url, name in spec.get("pages", {}).items():
            pages[url] = spec_file.parent / name
        if hosts is not None:
            crawl = spec.get("crawl", {})
            for url in [*spec.get("pages", {}), *crawl.get("articles", []), *crawl.get("never", [])]:
                hosts.add(urlsplit(url).hostname or "")
    return pages


class FixtureServer(RoutesServer):
    """Context manager: ``with FixtureServer("tests/sites") as s: s.mirror(); s.hits``."""

    thread_name = "kliping-fixture-server"

    def __init__(self, root: str | Path, sites: list[str] | None = None, port: int = 0) -> None:
        super().__init__(port=port)
        self._hosts: set[str] = set()
        self.pages = load_pages(root, sites, self._hosts)

    def hosts(self) -> list[str]:
        return sorted(self._hosts - {""})

    def mirror(self, extra_hosts: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
        """The KLIPING_MIRROR map: every host with a page (plus ``extra_hosts``) -> this server."""
        return self.mirror_of([*self.hosts(), *extra_hosts])

    def lookup(self, url: str) -> tuple[str, bytes] | None:
        path = self.pages.get(url)
        if path is None:
            return None
        return _TYPES.get(path.suffix, "text/html; charset=utf-8"), path.read_bytes()


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m kliping.testing.fixture_server",
        description="Serve the saved pages of <DIR>/<site>/fixtures.json on 127.0.0.1 under their "
        "real URLs; print the mirror map (JSON) on stdout, then serve until interrupted.",
        epilog="crawl them with: kliping crawl SITE --out DIR -s KLIPING_MIRROR='<the JSON line>'",
    )
    p.add_argument("root", metavar="DIR", nargs="?", default="tests/sites",
                   help="fixture tree (default tests/sites)")
    p.add_argument("port", metavar="PORT", nargs="?", type=int, default=0,
                   help="port (default: a free one)")
    args = p.parse_args(argv)
    specs = sorted(Path(args.root).glob("*/fixtures.json"))
    if not specs:  # a typo served nothing and printed "{}"
        p.error(f"no <site>/fixtures.json under {args.root}")
    with FixtureServer(args.root, port=args.port) as server:
        print(json.dumps(server.mirror()), flush=True)
        print(f"serving {len(server.pages)} page(s) of {', '.join(s.parent.name for s in specs)} "
              f"on {server.origin}; crawl with -s KLIPING_MIRROR='<the JSON above>'; Ctrl-C stops",
              file=sys.stderr, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
