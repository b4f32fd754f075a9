"""One spider class per registered site, made from the registry when this module is imported.

A site is data (:class:`kliping.sites.base.Site`), so its spider needs no file of its own: for
every key of :func:`kliping.sites.registry.all_sites` (the package's sites, installed plugins and
``KLIPING_SITES_PATH``) this module defines ``<PascalCaseKey>Spider(NewsSpider)`` with
``name = key``. Scrapy's spider loader walks ``SPIDER_MODULES`` and keeps the spider classes each
module defines, so ``scrapy list``, ``scrapy crawl KEY``, Scrapyd (which runs both from a deployed
egg) and ``kliping crawl`` find them as they found hand-written ones.
"""

from __future__ import annotations

from kliping.sites.base import Site
from kliping.sites.registry import all_sites
from kliping.spiders.base import NewsSpider


def spider_class_name(key: str) -> str:
    """``kabar_baru`` -> ``KabarBaruSpider``."""
    return key.title().replace("_", "") + "Spider"


def make_spider(site: Site, module: str = __name__) -> type[NewsSpider]:
    """The spider of ``site``: a NewsSpider subclass naming it, defined in ``module``."""
    return type(spider_class_name(site.key), (NewsSpider,), {
        "name": site.key,
        "site": site,
        "__module__": module,
        "__doc__": f"{site.name} ({site.domain}): the registry's site {site.key!r}.",
    })


def _define_all() -> dict[str, type[NewsSpider]]:
    spiders: dict[str, type[NewsSpider]] = {}
    for site in all_sites().values():
        cls = make_spider(site)
        if cls.__name__ in spiders:  # a1b and a1_b would both be A1BSpider: say so, never shadow
            raise ValueError(f"sites {spiders[cls.__name__].name!r} and {site.key!r} both make "
                             f"{cls.__name__}: rename one")
        spiders[cls.__name__] = cls
    return spiders


SPIDERS = _define_all()
globals().update(SPIDERS)  # module attributes: what Scrapy's loader (and `from ... import`) sees
__all__ = ["SPIDERS", "make_spider", "spider_class_name", *SPIDERS]
