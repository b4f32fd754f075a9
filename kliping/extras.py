"""Optional dependencies: each belongs to an extra of the package (pyproject.toml).

The core install (``pip install kliping``) crawls, cleans and exports. The rest is imported only
where used, through :func:`require`, so a missing one is one line naming the extra to install::

    kliping[cluster]   dask[distributed] (reclean --dask), scrapy-redis (crawl --redis)
    kliping[plot]      matplotlib (the coverage plot of an export)
    kliping[dev]       all of them, and the test and lint tools
"""

from __future__ import annotations

import importlib
from types import ModuleType

# top-level module -> (distribution, extra)
EXTRAS: dict[str, tuple[str, str]] = {
    "distributed": ("dask[distributed]", "cluster"),
    "dask": ("dask[distributed]", "cluster"),
    "scrapy_redis": ("scrapy-redis", "cluster"),
    "redis": ("scrapy-redis", "cluster"),
    "matplotlib": ("matplotlib", "plot"),
}


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""

    def __init__(self, module: str, purpose: str) -> None:
        dist, extra = EXTRAS.get(module.split(".")[0], (module, "dev"))
        self.extra = extra
        super().__init__(
            f"{purpose} needs {dist}, which is not installed: pip install 'kliping[{extra}]'",
            name=module,
        )


def require(module: str, purpose: str) -> ModuleType:
    """``import module``, or :class:`MissingExtra` (one line) when it, or what it needs, is missing."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(module, purpose) from exc


def available(module: str) -> bool:
    """Whether ``module`` imports (for what is skipped, not refused, without it: the plot)."""
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


class SchedulerUnreachable(OSError):
    """``--dask ADDRESS`` names no scheduler that answers (one line: the address and why)."""


def dask_client(address: str, purpose: str):  # noqa: ANN201 (a distributed.Client, imported late)
    """A ``distributed.Client`` on ``address``; :class:`SchedulerUnreachable` when it cannot be
    reached, rather than distributed's bare "Timed out trying to connect …" (which `reclean`
    reported as "writing OUT failed")."""
    distributed = require("distributed", purpose)
    try:
        return distributed.Client(address)
    except (OSError, ValueError) as exc:  # refused, timed out, a malformed address
        why = " ".join(str(exc).split()) or type(exc).__name__
        raise SchedulerUnreachable(
            f"--dask {address}: no Dask scheduler answers there ({why}); start one "
            "(`dask scheduler`) or give its address"
        ) from None
