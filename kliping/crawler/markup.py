"""Markup no HTML parser should be handed: a tag of thousands of attributes; markup no cleaner
should be handed: hundreds of thousands of elements.

libxml2's HTML parser (lxml, parsel, trafilatura) compares each attribute of a tag with every one
before it. The crawl's listing parsers run in its reactor thread, and a cleaner's time budget takes
effect between Python operations only, so one such tag stalled a crawl, a reclean or
``kliping extract`` for as long as the parse takes: minutes for a few MB, hours for 16 MB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A tag: its name, then unquoted runs, quoted values (which may hold "<" and ">") and stray quotes.
_TAG = re.compile(rb"<[A-Za-z][^\s<>\"'/]*(?:[^<>\"']+|\"[^\"]*\"|'[^']*'|[\"'])*")
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE = re.compile(rb"[\s/]+[^\s/>=]")  # where an attribute's name starts
_RAW_TEXT = re.compile(rb"<(script|style)[\s/>]", re.IGNORECASE)  # no tags inside
_RAW_END = {name: re.compile(rb"</" + name, re.IGNORECASE) for name in (b"script", b"style")}
MAX_TAG_ATTRIBUTES = 1000


def _crowded(tag: bytes, most: int) -> bool:
    return len(tag) > 2 * most and len(_ATTRIBUTE.findall(_QUOTED.sub(b"", tag))) > most


def crowded_markup(body: bytes, most: int = MAX_TAG_ATTRIBUTES) -> bool:
    """Does a tag of ``body`` hold more than ``most`` attributes? libxml2's HTML parser
    compares each attribute of a tag with every one before it: 40,000 in one tag (430 KB) take 3 s,
    300,000 (3.5 MB) minutes, 1.5 million (16 MB, the download limit) over an hour, and the
    listing parsers and the "next page" of an article parse in the crawl's reactor thread, which
    then sends and reads nothing. Real pages' tags hold tens. Scripts and styles hold no tags
    (their ``a<b`` is not one). Linear: ~0.6 s for 20 MB of one tag, ~1 ms for a news page."""
    for start, stop, raw in _outside_raw_text(body):
        if any(_crowded(m.group(), most) for m in _TAG.finditer(body, start, stop)):
            return True
        if raw is not None and (opening := _TAG.match(body, raw.start())) is not None \
                and _crowded(opening.group(), most):
            return True
    return False


def _outside_raw_text(body: bytes) -> Iterator[tuple[int, int, re.Match[bytes] | None]]:
    """(start, stop, opening) of each run of ``body``'s markup outside its scripts and styles, in
    order: ``opening`` is the ``<script``/``<style`` that ends the run (None for the last run)."""
    pos, end = 0, len(body)
    while pos < end:
        raw = _RAW_TEXT.search(body, pos)
        yield pos, (raw.start() if raw else end), raw
        if raw is None:
            return
        close = _RAW_END[raw.group(1).lower()].search(body, raw.end())
        if close is None:
            return  # the rest is the script's text
        pos = close.end()


_OPEN_TAG = re.compile(rb"<[A-Za-z]")


def many_elements(body: bytes, most: int) -> bool:
    """Does ``body`` open more than ``most`` tags (elements) outside its scripts and styles?

    libxml2's XPath merges node sets in a time that grows faster than their size: trafilatura's
    ``//p//text()`` takes 0.3 s over 25,000 paragraphs, 8 s over 100,000 and minutes over the
    800,000 of a 16 MB page, inside one C call that the cleaner's time budget cannot interrupt
    (``kliping extract``, reclean and ingest waited as long; the crawl killed its worker after
    70 s). News pages open a few thousand tags. Linear, ~1 ms for a news page (a count of "<"
    first), ~0.1 s for 16 MB of tags."""
    if body.count(b"<") <= most:
        return False
    found = 0
    for start, stop, _opening in _outside_raw_text(body):
        found += len(_OPEN_TAG.findall(body, start, stop))
        if found > most:
            return True
    return False
