"""One raw row in, one article row or one error row out: shared by the crawl pipeline, the
repair after a killed crawl, and ``kliping reclean``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kliping.sites.base import Site


def error_row(raw: Mapping[str, Any], kind: str, error: str, run_id: str | None) -> dict[str, Any]:
    from kliping.clean import CLEANER_VERSION

    return {
        "fetch_id": raw["fetch_id"],
        "url": raw.get("url"),
        "site": raw.get("site"),
        "kind": kind,
        "error": error.splitlines()[0][:500] if error else kind,
        "cleaner_version": CLEANER_VERSION,
        "run_id": run_id,
    }


def clean_outcome(
    raw: Mapping[str, Any],
    site: Site | None,
    run_id: str | None = None,
    signals: dict[str, Any] | None = None,
) -> tuple[str, dict[str, Any]]:
    """``("article", row)`` or ``("not_article" | "clean_error", error_row)``; never raises.

    ``signals`` receives the cleaner's side signals (``layout_drift``; see ``clean()``)."""
    from kliping.clean import NotAnArticle, clean

    try:
        return "article", clean(raw, site, signals=signals)
    except NotAnArticle as exc:
        return "not_article", error_row(raw, "not_article", str(exc) or "not an article", run_id)
    except Exception as exc:  # one broken page never stops a crawl or a reclean
        return "clean_error", error_row(raw, "clean_error", f"{type(exc).__name__}: {exc}", run_id)
