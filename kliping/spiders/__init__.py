"""The spiders: :class:`~kliping.spiders.base.NewsSpider` with one subclass per registered site,
made from the registry in :mod:`kliping.spiders.sites` (``scrapy crawl KEY``), and
:class:`~kliping.spiders.generic.GenericSpider` for any other site (``-a domain=``).

``from kliping.spiders import SuarawargaSpider`` works too (resolved on first use, so importing
``kliping.spiders.base`` alone never loads the registry).
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name.endswith("Spider") and name[:1].isupper():
        from kliping.spiders import sites

        if name in sites.SPIDERS:
            return sites.SPIDERS[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
