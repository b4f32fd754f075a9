"""The site registry: the package's own sites, and the user's.

Three places hold site definitions, read in this order:

1. the package: every module ``kliping/sites/<key>.py`` defines ``SITE`` (file stem == ``SITE.key``,
   a test checks it);
2. installed plugins: entry points of the group ``kliping.sites``, each named after its site key and
   pointing at a ``Site`` or at a module defining ``SITE``
   (``[project.entry-points."kliping.sites"] kabarku = "kabarku_sites.kabarku:SITE"``);
3. ``KLIPING_SITES_PATH``: directories (``os.pathsep``-separated) of ``<key>.py`` files, each defining
   ``SITE``, as ``kliping scaffold`` writes them for a pip-installed kliping.

Every site becomes a spider of that name (:mod:`kliping.spiders.sites`). A malformed user
definition is a :class:`SiteConfigError` whose one line names the file (or entry point) and, through
:func:`kliping.sites.base.validate`, the field; a key defined twice is one too.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
from collections.abc import Callable, Iterator
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import kliping.sites as sites_pkg
from kliping.sites.base import Site, SiteConfigError

ENTRY_POINT_GROUP = "kliping.sites"
PATH_ENV = "KLIPING_SITES_PATH"
_NOT_SITES = {"base", "registry"}  # the modules of kliping/sites/ that are not sites
_USER_PACKAGE = "kliping_user_sites"  # sys.modules prefix of the KLIPING_SITES_PATH files


class UnknownSite(KeyError):
    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r} (see `kliping sites`)"


def sites_path() -> list[Path]:
    """The directories of ``KLIPING_SITES_PATH``, in order (empty entries ignored)."""
    return [Path(p).expanduser() for p in os.environ.get(PATH_ENV, "").split(os.pathsep) if p.strip()]


def _load(where: str, load: Callable[[], Any]) -> Site:
    """``load()``'s Site (or module's ``SITE``); any failure is one SiteConfigError line naming
    ``where`` (the file or entry point) and, for a malformed definition, the field."""
    try:
        obj = load()
    except SiteConfigError as exc:  # Site(...) validated the definition: the message names the field
        raise SiteConfigError(f"{where}: {' '.join(str(exc).split())}") from None
    except (Exception, SystemExit) as exc:  # a syntax or import error in the user's module, or
        # a sys.exit() in it (the command ended with that code and no word): one line, no traceback
        raise SiteConfigError(f"{where}: {type(exc).__name__}: {' '.join(str(exc).split())}") from None
    site = getattr(obj, "SITE", None) if isinstance(obj, ModuleType) else obj
    if not isinstance(site, Site):
        raise SiteConfigError(f"{where}: defines no SITE (a kliping.sites.base.Site), "
                              f"got {type(site).__name__}")
    return site


def _package_sites() -> Iterator[tuple[Site, str]]:
    for info in sorted(pkgutil.iter_modules(sites_pkg.__path__), key=lambda i: i.name):
        if info.name in _NOT_SITES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kliping.sites.{info.name}")
        site = getattr(module, "SITE", None)
        if isinstance(site, Site):
            yield site, module.__name__


def _plugin_sites() -> Iterator[tuple[Site, str]]:
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        where = f"entry point {ep.name} = {ep.value} (group {ENTRY_POINT_GROUP})"
        site = _load(where, ep.load)
        if site.key != ep.name:
            raise SiteConfigError(f"{where}: field 'key': is {site.key!r}, the entry point's name is "
                                  f"{ep.name!r} (they must agree: the key is the spider name)")
        yield site, ep.value


def _load_file(path: Path) -> ModuleType:
    name = f"{_USER_PACKAGE}.{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None  # a .py file always has a loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look their module up by name
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _path_sites() -> Iterator[tuple[Site, str]]:
    for folder in sites_path():
        if not folder.is_dir():
            raise SiteConfigError(f"{PATH_ENV}: not a directory: {folder}")
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            site = _load(str(path), lambda path=path: _load_file(path))
            if site.key != path.stem:
                raise SiteConfigError(f"{path}: field 'key': is {site.key!r}, the file is named "
                                      f"{path.stem!r} (they must agree: the key is the spider name)")
            yield site, str(path)


@cache
def _registry() -> tuple[dict[str, Site], dict[str, str]]:
    found: dict[str, Site] = {}
    origin: dict[str, str] = {}
    for source in (_package_sites, _plugin_sites, _path_sites):
        for site, where in source():
            if site.key in found:
                raise SiteConfigError(f"{where}: field 'key': site {site.key!r} is already defined by "
                                      f"{origin[site.key]}")
            found[site.key] = site
            origin[site.key] = where
    return found, origin


def all_sites() -> dict[str, Site]:
    """Every site by key: the package's first (sorted), then plugins', then ``KLIPING_SITES_PATH``'s."""
    return _registry()[0]


all_sites.cache_clear = _registry.cache_clear  # type: ignore[attr-defined]  # tests re-read the env


def site_origin(key: str) -> str:
    """Where a site is defined: ``kliping.sites.<key>``, an entry point's target, or a file path."""
    try:
        return _registry()[1][key]
    except KeyError:
        raise UnknownSite(key) from None


def is_builtin(key: str) -> bool:
    return site_origin(key).startswith(f"{sites_pkg.__name__}.")


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
