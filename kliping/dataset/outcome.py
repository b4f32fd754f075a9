"""One raw row in, one article row or one error row out: shared by the crawl pipeline, the
repair after a killed crawl, and ``kliping extract``.

Error kinds (the ``kind`` column of ``<out>/errors/``, documented in :mod:`kliping.dataset.schema`):
``not_html`` (the response is a PDF, an image, a feed, binary…), ``not_article`` (HTML without an
article body), ``timeout`` (cleaning ran past the per-page budget), ``clean_error`` (the cleaner
raised).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kliping.dataset.reclean import PAGE_SECONDS, PageTimeout, time_budget
from kliping.sites.base import Site

ARTICLE = "article"
NOT_HTML = "not_html"
NOT_ARTICLE = "not_article"
TIMEOUT = "timeout"  # the kind reclean's per-page budget uses too
CLEAN_ERROR = "clean_error"


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
    page_seconds: float | None = PAGE_SECONDS,
    signals: dict[str, Any] | None = None,
) -> tuple[str, dict[str, Any]]:
    """``("article", row)`` or ``(kind, error_row)``, kind one of ``not_html``, ``not_article``,
    ``timeout``, ``clean_error``; never raises.

    ``page_seconds`` bounds the time one page may take (:func:`kliping.dataset.reclean.time_budget`, the
    budget reclean uses, 30 s by default): one pathological page cannot stall a crawl. None or 0:
    unbounded. ``signals`` receives the cleaner's side signals (``layout_drift``; see ``clean()``).
    """
    from kliping.clean import NotAnArticle, NotHtml, clean

    try:
        with time_budget(page_seconds):
            return ARTICLE, clean(raw, site, signals=signals)
    except PageTimeout:
        return TIMEOUT, error_row(raw, TIMEOUT, f"cleaning took more than {page_seconds:g} s", run_id)
    except NotHtml as exc:
        return NOT_HTML, error_row(raw, NOT_HTML, str(exc) or "not HTML", run_id)
    except NotAnArticle as exc:
        return NOT_ARTICLE, error_row(raw, NOT_ARTICLE, str(exc) or "not an article", run_id)
    except Exception as exc:  # one broken page never stops a crawl or a reclean
        return CLEAN_ERROR, error_row(raw, CLEAN_ERROR, f"{type(exc).__name__}: {exc}", run_id)
