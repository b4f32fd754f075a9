"""Bytes to an lxml tree: header charset, then ``<meta charset>``, then UTF-8, then cp1252."""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

import lxml.html
from lxml import etree

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# WHATWG: these labels mean windows-1252 in browsers, and pages rely on it.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}

PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)
# Every element an ``HtmlElement`` (what trafilatura accepts), chosen in C: lxml.html's own lookup
# is a Python call per element proxy (form/input/label classes we never use) and cost about as
# much as the parse itself across pruning and extraction.
PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """Case-insensitive header lookup (raw headers keep the server's spelling)."""
    if not headers:
        return None
    name = name.lower()
    for key, value in dict(headers).items():
        if str(key).lower() == name:
            return value if isinstance(value, str) else str(value)
    return None


def decode(body: bytes | str, headers: Mapping[str, str] | None = None) -> str:
    """The page as text, decoded the way a browser would."""
    if isinstance(body, str):
        return body
    ctype = header(headers, "content-type") or ""
    m = _HEADER_CHARSET.search(ctype)
    enc = _codec(m.group(1)) if m else None
    if enc is None:
        m2 = _META_CHARSET.search(body[:4096])
        enc = _codec(m2.group(1).decode("ascii", "ignore")) if m2 else None
    if enc is not None and enc not in ("utf-8", "cp1252"):
        return body.decode(enc, errors="replace")
    if enc == "cp1252":
        return body.decode("cp1252", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        if enc == "utf-8":
            return body.decode("utf-8", errors="replace")
        return body.decode("cp1252", errors="replace")


def parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse once; every later step (metadata, trafilatura) shares this tree."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text, parser=PARSER)
    except (ValueError, lxml.etree.ParserError):
        return None
