"""One raw row in, one article row or one error row out: the one outcome path of every raw row,
shared by the crawl pipeline, the repair after a killed crawl, ``kliping reclean``, WARC ingest
and ``kliping extract``. Whichever of them cleans a page, a page that gives no article gives the
same error row (:data:`kliping.dataset.schema.ERRORS`; only ``run_id`` says which run fetched it).

Error kinds (the ``kind`` column of ``<out>/errors/``, documented in :mod:`kliping.dataset.schema`):
``not_html`` (the response is a PDF, an image, a feed, binary…), ``not_article`` (HTML without an
article body), ``timeout`` (cleaning ran past the per-page budget), ``clean_error`` (the cleaner
raised), ``http_status`` (a non-2xx response: not cleaned), ``worker_crashed`` (reclean: the worker
process died twice on the page's chunk).
"""

from __future__ import annotations

import ctypes
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

from kliping.crawler.markup import crowded_markup, many_elements
from kliping.sites.base import Site

ARTICLE = "article"
NOT_HTML = "not_html"
NOT_ARTICLE = "not_article"
TIMEOUT = "timeout"
# attributes in one tag past which a page is not parsed at all (kliping.crawler.markup): 10,000
# cost libxml2 ~0.2 s a parse, a million hours
CLEAN_MAX_TAG_ATTRIBUTES = 10_000
# elements (tags outside scripts and styles) past which a page is not cleaned under a time budget
# (kliping.crawler.markup.many_elements): 100,000 paragraphs cost libxml2's XPath 8 s in one
# uninterruptible call, the 800,000 of a 16 MB page minutes; news pages open a few thousand
CLEAN_MAX_ELEMENTS = 100_000
CLEAN_ERROR = "clean_error"
HTTP_STATUS = "http_status"
WORKER_CRASHED = "worker_crashed"
ERROR_KINDS = (NOT_HTML, NOT_ARTICLE, TIMEOUT, CLEAN_ERROR, HTTP_STATUS, WORKER_CRASHED)
# kinds that are pages, not failures: a site links the odd PDF or listing page from its feeds
NOT_ARTICLE_KINDS = (NOT_HTML, NOT_ARTICLE)
PAGE_SECONDS = 30.0  # per-page time budget; a page past it becomes an error row
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters (and DEL), which a page's JSON-LD or metadata may carry escaped
# ("\\u001b[2J"): a terminal or a spreadsheet reading the dataset acts on them. The body keeps
# its tab and line breaks (paragraph structure); elsewhere a line break, tab, or another space
# among them (VT, FF, CR, NEL) is a space, and the rest are dropped.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_BODY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BODY_C0 = bytes(c for c in range(32) if c not in (9, 10)) + b"\x7f"  # UTF-8 bytes of C0 and DEL
_SPACES = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r\x85", " "))
BODY_FIELDS = frozenset({"text"})  # where "\n" and "\t" are kept


def _utf8(value: str) -> str:
    """``value`` as UTF-8 can hold it: a lone surrogate becomes U+FFFD."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _text(value: str) -> str:
    """``value`` as UTF-8 can hold it, without control characters (a tab or a line break is a
    space). ``isprintable()`` is the quick no: controls are not printable (nor is any space but
    " ", so a no is checked)."""
    if not value.isprintable() and _CONTROL.search(value):
        value = _CONTROL.sub("", value.translate(_SPACES))
    return _utf8(value)


def _body(value: str) -> str:
    """The body as UTF-8 can hold it, without control characters but its tabs and line feeds.
    Looked for in its UTF-8 bytes (6 us for 10 kB, a regex 30 us): C0 and DEL are single bytes,
    C1 controls follow a 0xC2 byte, as does a no-break space (then the regex decides)."""
    try:
        data = value.encode("utf-8")
    except UnicodeEncodeError:
        value = _SURROGATE.sub("\ufffd", value)
        data = value.encode("utf-8")
    if len(data.translate(None, _BODY_C0)) != len(data) or (
        b"\xc2" in data and _BODY_CONTROL.search(value)
    ):
        value = _BODY_CONTROL.sub("", value)
    return value


def storable(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with every string (and every string in a list) UTF-8 can encode, and no control
    character in it but the body's tabs and line breaks. A page's JSON (JSON-LD,
    ``__NEXT_DATA__``) may escape half a surrogate pair (``"\\ud800"``): ``json.loads`` gives a
    lone surrogate, Arrow refuses the whole batch of rows it is in, and the crawl lost every
    article of the batch (exit 0, "finished"); or an escape sequence (``"\\u001b[2J"``), BEL,
    NUL, a C1 control, which were stored as they were."""
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = _body(value) if key in BODY_FIELDS else _text(value)
        elif isinstance(value, list) and any(isinstance(v, str) for v in value):
            row[key] = [_text(v) if isinstance(v, str) else v for v in value]
    return row


def _hook_checked(row: dict[str, Any]) -> dict[str, Any]:
    """``row``, which a site's ``post_process`` hook (the user's code) returned, if the articles
    dataset can hold it; else ValueError naming the field. A field of the wrong type
    (``word_count="banyak"``, ``tags`` as one string) made Arrow refuse the whole batch of rows
    it was written in, and the crawl stop as on a full disk. (~10 us a row: only for hooked sites.)"""
    import pyarrow as pa

    for name, typ, plain in _row_checks():
        value = row.get(name)
        if value is None or plain(value):
            continue
        why = "a list is wanted" if pa.types.is_list(typ) and not isinstance(value, (list, tuple)) else None
        if why is None:
            try:
                pa.array([value], type=typ)
                continue
            except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
                why = str(exc)
        raise ValueError(f"the site's post_process gave field {name!r} a value the dataset cannot hold "
                         f"as {typ}: {_shown_value(value)} ({why})")
    return row


@cache
def _row_checks() -> list[tuple[str, Any, Callable[[Any], bool]]]:
    """(name, Arrow type, is the value of a Python type Arrow surely stores as it?) of every
    column of an articles part file."""
    import datetime as dt

    import pyarrow as pa

    from kliping.dataset.schema import ARTICLES
    from kliping.dataset.storage import file_schema

    def plain(typ: Any) -> Callable[[Any], bool]:
        if pa.types.is_string(typ):
            return lambda v: isinstance(v, str)
        if pa.types.is_list(typ):
            item = plain(typ.value_type)
            return lambda v: isinstance(v, list) and all(x is None or item(x) for x in v)
        if pa.types.is_integer(typ):
            unsigned = pa.types.is_unsigned_integer(typ)
            top = 1 << (typ.bit_width - (0 if unsigned else 1))
            least = 0 if unsigned else -top
            return lambda v: type(v) is int and least <= v < top
        if pa.types.is_timestamp(typ):
            return lambda v: isinstance(v, dt.datetime)
        if pa.types.is_date(typ):
            return lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
        return lambda v: False

    return [(f.name, f.type, plain(f.type)) for f in file_schema(ARTICLES)]


def _shown_value(value: object) -> str:
    return f"{type(value).__name__} {value!r}"[:120]


class PageTimeout(BaseException):
    """A page ran past its time budget.

    A BaseException, like KeyboardInterrupt: the cleaner's fallbacks (dateparser, htmldate) sit
    in ``except Exception`` blocks, which would swallow the timeout and let the page run on.
    """



# --------------------------------------------------------------------------------------------
# Time budget per page


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`PageTimeout` in the calling thread once ``seconds`` have passed.

    In a process's main thread (the local worker pool) a real-time interval timer does it; in
    other threads (Dask runs tasks in a thread pool) a watchdog thread raises the exception
    asynchronously in the worker thread. Both take effect between Python bytecodes, which is
    where the cleaner spends its time (lxml and regex calls return quickly on their own).
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def _alarm(signum: int, frame: Any) -> None:
            raise PageTimeout(f"took more than {seconds:g} s")

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def _fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(PageTimeout)
                )

    timer = threading.Timer(seconds, _fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        try:
            timer.cancel()
            with lock:
                state["done"] = True
        except PageTimeout:  # fired between the end of the page and here: already finished
            pass


def error_row(raw: Mapping[str, Any], kind: str, error: str, run_id: str | None = None) -> dict[str, Any]:
    """The error row of ``raw`` (``run_id``: the run that fetched it, default ``raw``'s)."""
    from kliping.clean import CLEANER_VERSION

    return storable({
        "fetch_id": raw["fetch_id"],
        "url": raw.get("url"),
        "site": raw.get("site"),
        "kind": kind,
        "error": " ".join(str(error).split())[:500] or kind,  # one line
        "cleaner_version": CLEANER_VERSION,
        "run_id": run_id if run_id is not None else raw.get("run_id"),
    })


def clean_outcome(
    raw: Mapping[str, Any],
    site: Site | None,
    run_id: str | None = None,
    page_seconds: float | None = PAGE_SECONDS,
    signals: dict[str, Any] | None = None,
    clean: Callable[..., dict[str, Any]] | None = None,
) -> tuple[str, dict[str, Any]]:
    """``("article", row)`` or ``(kind, error_row)``, kind one of :data:`ERROR_KINDS`; never raises.

    A non-2xx response is not cleaned (``http_status``). ``page_seconds`` bounds the time one page
    may take (:func:`time_budget`, 30 s by default): one pathological page cannot stall a crawl or
    a reclean. None or 0: unbounded. ``signals`` receives the cleaner's side signals
    (``layout_drift``; see ``clean()``); ``clean`` replaces :func:`kliping.clean.clean` (tests).
    """
    from kliping.clean import NotAnArticle, NotHtml
    from kliping.clean import clean as default_clean

    status = raw.get("status")
    if status is not None and not 200 <= status < 300:
        return HTTP_STATUS, error_row(raw, HTTP_STATUS, f"HTTP status {status}", run_id)
    body = raw.get("body")
    if page_seconds and isinstance(body, bytes) and crowded_markup(body, CLEAN_MAX_TAG_ATTRIBUTES):
        # the HTML parser alone would run past any budget, inside one C call the budget cannot
        # interrupt (kliping extract and reclean then ran for hours on one page)
        return TIMEOUT, error_row(raw, TIMEOUT, f"a tag of more than {CLEAN_MAX_TAG_ATTRIBUTES:,} "
                                  f"attributes: parsing it would take more than {page_seconds:g} s", run_id)
    if page_seconds and isinstance(body, bytes) and many_elements(body, CLEAN_MAX_ELEMENTS):
        # one XPath call of the cleaner (trafilatura's) would run past the budget, where it cannot
        # be interrupted: kliping extract, reclean and ingest waited minutes on one 16 MB page
        return TIMEOUT, error_row(raw, TIMEOUT, f"more than {CLEAN_MAX_ELEMENTS:,} elements: "
                                  f"cleaning them would take more than {page_seconds:g} s", run_id)
    fn = clean or default_clean
    try:
        with time_budget(page_seconds):
            row = fn(raw, site) if signals is None else fn(raw, site, signals=signals)
        row = storable(row)
        return ARTICLE, (_hook_checked(row) if site is not None and site.post_process is not None else row)
    except PageTimeout:
        return TIMEOUT, error_row(raw, TIMEOUT, f"cleaning took more than {page_seconds:g} s", run_id)
    except NotHtml as exc:
        return NOT_HTML, error_row(raw, NOT_HTML, str(exc) or "not HTML", run_id)
    except NotAnArticle as exc:
        return NOT_ARTICLE, error_row(raw, NOT_ARTICLE, str(exc) or "not an article", run_id)
    except Exception as exc:  # one broken page never stops a crawl or a reclean
        return CLEAN_ERROR, error_row(raw, CLEAN_ERROR, f"{type(exc).__name__}: {exc}", run_id)
