"""kliping: Indonesian news sites to research-grade Parquet datasets.

The library face (docs/api.md)::

    import kliping

    article = kliping.extract(html, "https://www.example.co.id/read/2024/01/08/...")
    day = kliping.parse_date("Senin, 08 Jan 2024 14:30 WIB")
    result = kliping.crawl(["detik"], "data/crawl", since="2024-01-01", until="2024-01-07")
    table = kliping.read("data/crawl", "articles", site="detik", since="2024-01-01")

Everything is imported on first use (PEP 562 ``__getattr__``): ``import kliping`` costs about a
millisecond, and neither the command line nor a crawler process pays for the parts it does not use.
"""

from __future__ import annotations

# typing is not imported at run time (its import is twice the rest of this file); mypy and
# pyright read a TYPE_CHECKING = False constant as typing.TYPE_CHECKING
TYPE_CHECKING = False

__version__ = "0.1.0"

# name -> module it comes from, imported when first asked for
_LAZY = {
    "extract": "kliping.api",
    "parse_date": "kliping.api",
    "crawl": "kliping.api",
    "read": "kliping.api",
    "Article": "kliping.api",
    "RunResult": "kliping.api",
    "ParsedDate": "kliping.dates",
    "NotAnArticle": "kliping.clean",
    "NotHtml": "kliping.clean",
    "BadPartsError": "kliping.dataset.storage",
    "MissingExtra": "kliping.extras",
}

__all__ = [
    "Article", "BadPartsError", "MissingExtra", "NotAnArticle", "NotHtml", "ParsedDate", "RunResult",
    "__version__", "crawl", "extract", "parse_date", "read",
]

if TYPE_CHECKING:  # what type checkers and IDEs see; nothing is imported at run time
    from typing import Any

    from kliping.api import Article, RunResult, crawl, extract, parse_date, read
    from kliping.clean import NotAnArticle, NotHtml
    from kliping.dataset.storage import BadPartsError
    from kliping.dates import ParsedDate
    from kliping.extras import MissingExtra


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kliping' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
