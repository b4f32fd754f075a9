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

import sys
import types

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
    "BadPartsError": "kliping.storage",
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
    from kliping.dates import ParsedDate
    from kliping.extras import MissingExtra
    from kliping.storage import BadPartsError


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kliping' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    if name != "crawl":
        globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(types.ModuleType):
    """``kliping.crawl`` is the function, also once the submodule ``kliping.crawl`` is imported.

    Importing a submodule sets it as an attribute of its package: the first ``from kliping.crawl
    import …`` (the CLI's, the API's own) would replace the function ``kliping.crawl`` with the
    module, and a notebook's second ``kliping.crawl(...)`` would call a module. A property on the
    package's class wins over that assignment; the module stays in ``sys.modules`` for ``from
    kliping.crawl import run_crawl``.
    """

    @property
    def crawl(self) -> Any:
        from kliping.api import crawl

        return crawl

    @crawl.setter
    def crawl(self, value: Any) -> None:
        pass  # the import system recording the submodule: it lives in sys.modules


sys.modules[__name__].__class__ = _Package
