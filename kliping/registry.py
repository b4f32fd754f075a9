"""The site registry: every module ``kliping/sites/<key>.py`` defines ``SITE``.

File stem == ``SITE.key`` == spider name (a test checks it).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import kliping.sites as sites_pkg
from kliping.sites.base import Site

_NOT_SITES = {"base"}


class UnknownSite(KeyError):
    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r} (see `kliping sites`)"


@cache
def all_sites() -> dict[str, Site]:
    found: dict[str, Site] = {}
    for info in sorted(pkgutil.iter_modules(sites_pkg.__path__), key=lambda i: i.name):
        if info.name in _NOT_SITES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kliping.sites.{info.name}")
        site = getattr(module, "SITE", None)
        if isinstance(site, Site):
            found[site.key] = site
    return found


def get_site(key: str) -> Site:
    try:
        return all_sites()[key]
    except KeyError:
        raise UnknownSite(key) from None


def site_for_url(url: str) -> Site | None:
    """The registered site whose domain (or a parent of it) serves ``url``."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    best: tuple[int, Site] | None = None
    for site in all_sites().values():
        for dom in site.domains:
            dom = dom.lower().removeprefix("www.")
            if host == dom or host.endswith("." + dom) or host.removeprefix("www.") == dom:
                if best is None or len(dom) > best[0]:
                    best = (len(dom), site)
    return best[1] if best else None
