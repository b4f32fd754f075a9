"""Is a response an HTML page? The declared Content-Type first, then the bytes, as browsers sniff.

Only HTML becomes an article. A PDF, an image, a feed, a sitemap or random bytes served at an
article URL would otherwise be "cleaned" into an article of binary text with tens of thousands of
"words"; :func:`not_html` names what it is instead, and the caller turns that into an error row
of kind ``not_html`` (crawl, repair, reclean) or an error record (``kliping extract``).

Evidence, strongest first:

1. magic numbers of binary formats (``%PDF-``, PNG, JPEG, GIF, WebP, ZIP, gzip, …) and a share of
   control bytes no text has: binary whatever the label says;
2. the first markup after a BOM, whitespace, an XML declaration, comments and a doctype: an XML
   root that is a feed, a sitemap or another XML vocabulary is not a page, whatever the label;
   ``<!doctype html>``, ``<html>`` or another HTML element is;
3. the declared type: ``text/html`` / XHTML settles what the bytes leave open (a fragment, plain
   text); a specific other type (``application/pdf``, ``image/*``, ``application/json`` …) means
   not HTML unless the bytes open an HTML document; a missing or generic type
   (``application/octet-stream``, ``text/plain``) leaves it to the bytes, which then need an HTML
   element near the start.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from kliping.clean.decode import bom, codec, header

__all__ = ["not_html"]

HEAD_BYTES = 8192  # what is sniffed: browsers look at 1,445 bytes; junk before <html> can be longer

# (prefix, what it is). Checked at the very start and after leading ASCII whitespace.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"\x7fELF", "an executable"),
    # the next four also spell words a page might open with: their magic includes a binary byte
    (b"OggS\x00", "Ogg audio/video"),
    (b"ID3\x02", "an MP3 file"),
    (b"ID3\x03", "an MP3 file"),
    (b"ID3\x04", "an MP3 file"),
    (b"fLaC\x00", "a FLAC file"),
    (b"fLaC\x80", "a FLAC file"),
    (b"\x1aE\xdf\xa3", "a WebM/Matroska video"),
    (b"FLV\x01", "a Flash video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"OTTO\x00", "a font"),
    (b"\x00\x01\x00\x00\x00", "a font"),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "WAV audio", b"AVI ": "an AVI video"}

# WHATWG MIME sniffing's "binary data bytes": no text format uses them (ESC is left out: the
# ISO-2022 encodings use it; so are TAB, LF, FF, CR).
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_MAX_BINARY_SHARE = 0.02  # random bytes: ~10%; real pages with a stray control byte: ~0.01%

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"}
# Labels that say nothing about the content: the bytes decide.
_GENERIC_TYPES = {
    "", "text/plain", "application/octet-stream", "binary/octet-stream", "application/unknown",
    "unknown/unknown", "application/x-unknown-content-type", "application/force-download",
    "application/x-download", "application/download", "*/*", "content/unknown",
}  # fmt: skip

# Prolog: whitespace, XML declaration, comments, doctypes, processing instructions, in any order.
_PROLOG = re.compile(r"(?:\s+|<\?.*?(?:\?>|$)|<!--.*?(?:-->|$)|<![^>]*>?)*", re.S)
_DOCTYPE_HTML = re.compile(r"<!doctype\s+html", re.I)
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:._-]*)")
# Non-page XML roots a news crawl meets at article URLs, by local name.
_XML_ROOTS = {
    "rss": "an RSS feed", "rdf": "an RSS (RDF) feed", "feed": "an Atom feed",
    "urlset": "a sitemap", "sitemapindex": "a sitemap index", "opml": "an OPML outline",
    "svg": "an SVG image", "kml": "a KML map", "gpx": "a GPX track", "plist": "a property list",
}  # fmt: skip
# HTML elements that may open a page or a fragment (the WHATWG sniffing list and then some).
_HTML_ELEMENTS = frozenset(
    "html head body title meta link base script style noscript template div p a b i u s em strong "
    "span font center table tr td th tbody thead br hr h1 h2 h3 h4 h5 h6 iframe img ul ol li dl dt "
    "dd form input button header footer nav main article section aside figure figcaption picture "
    "blockquote pre code small big sup sub label select textarea frameset frame object embed "
    "video audio canvas svg time address".split()
)
# An HTML document further in: after a PHP warning, a BOM-less byte junk, a banner of text.
_HTML_INSIDE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)


def _declared(headers: Mapping[str, str] | None) -> tuple[str, str | None]:
    """(media type, charset) from Content-Type, both lower case; ``("", None)`` without one."""
    ctype = header(headers, "content-type") or ""
    # a repeated header arrives joined by ", ": the last type wins, as in browsers
    values = [v for v in ctype.split(",") if "/" in v.partition(";")[0]] or [ctype]
    media, _, params = values[-1].partition(";")
    m = re.search(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", params, re.I)
    return media.strip().lower(), (m.group(1).lower() if m else None)


# the same bytes, to delete with bytes.translate (a tenth of the regular expression's scan)
_BINARY_BYTES = bytes(c for c in range(0x80) if _BINARY.match(chr(c)))


def _binary_count(sample: str) -> int:
    """How many :data:`_BINARY` characters ``sample`` holds (all are ASCII: an ASCII text is
    counted on its bytes)."""
    if sample.isascii():
        raw = sample.encode("ascii")
        return len(raw) - len(raw.translate(None, _BINARY_BYTES))
    return len(_BINARY.findall(sample))


# the first bytes of the magic numbers: a page's "<" is none of them, so its prefixes are not tried
_MAGIC_FIRST = frozenset(prefix[:1] for prefix, _ in _MAGIC) | {b"R"}


def _magic(body: bytes) -> str | None:
    for start in (body, body[:64].lstrip(b" \t\r\n\f")):
        if start[:1] in _MAGIC_FIRST:
            for prefix, what in _MAGIC:
                if start.startswith(prefix):
                    return what
            if start[:4] == b"RIFF" and start[8:12] in _RIFF:
                return _RIFF[start[8:12]]
        if start[4:8] == b"ftyp":
            return "an MP4/QuickTime video or HEIF image"
    return None


def _head_text(body: bytes, charset: str | None) -> str:
    """The first :data:`HEAD_BYTES` as text: through the BOM's or a declared UTF-16/32 codec,
    else byte for byte (Latin-1), which keeps ASCII markup and control bytes where they are."""
    found = bom(body)
    name = found[0] if found else codec(charset)
    skip = found[1] if found else 0
    head = body[skip : skip + HEAD_BYTES]
    if name is not None and name.startswith(("utf-16", "utf-32")):
        return head.decode(name, errors="replace")
    return head.decode("latin-1")


def _markup(text: str) -> tuple[str, str] | None:
    """What the first markup says, or None when the text does not open with markup:
    ``("document", "")`` (a doctype html or an ``<html>`` root), ``("fragment", "")`` (another
    HTML element first), ``("xml", what)`` (a feed, a sitemap, another XML vocabulary)."""
    prolog = _PROLOG.match(text)
    end = prolog.end() if prolog else 0
    if _DOCTYPE_HTML.search(text, 0, end):
        return "document", ""
    tag = _TAG.match(text, end)
    if tag is None:
        return None
    name = tag.group(1).lower()
    local = name.rpartition(":")[2]
    xml_decl = "<?xml" in text[:end]
    if local == "html":
        return "document", ""
    if local in _XML_ROOTS and (local != "svg" or xml_decl):  # inline <svg> may open a fragment
        return "xml", _XML_ROOTS[local]
    if name in _HTML_ELEMENTS:
        return "fragment", ""
    if xml_decl:
        return "xml", f"an XML document (<{tag.group(1)}>)"
    return "fragment", ""  # a fragment opening with a custom element


def _is_json(body: bytes | str) -> bool:
    try:
        return isinstance(json.loads(body), dict | list)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return False


def not_html(body: bytes | str | None, headers: Mapping[str, str] | None = None) -> str | None:
    """None when ``body`` is (or may well be) an HTML page; otherwise what it is, in words.

    An empty body is left to the cleaner (it is not an article, but not another format either).
    """
    if not body:
        return None
    media, charset = _declared(headers)
    label = f" (served as {media})" if media else ""
    if isinstance(body, str):
        text = body[:HEAD_BYTES]
    else:
        what = _magic(body)
        if what is not None:
            return what + label
        text = _head_text(body, charset)
    if not text.strip():
        return None
    sample = text[:4096]
    if _binary_count(sample) > _MAX_BINARY_SHARE * len(sample):
        return "binary data" + label
    found = _markup(text.lstrip("\ufeff"))
    if found is not None:
        kind, what = found
        if kind == "xml":
            return what + label
        if kind == "document" or media in _HTML_TYPES or media in _GENERIC_TYPES:
            return None  # a page that opens as an HTML document is one, whatever the label
        if media.endswith(("/xml", "+xml")):
            return None
        return f"content type {media}"
    # no markup first: plain text, JSON, script, or a document after some junk
    first = text.lstrip()[:1]
    if media in _HTML_TYPES:
        # an API answering JSON under an HTML label (the whole body parses: no page does)
        return "JSON" + label if first in ("{", "[") and _is_json(body) else None
    if _HTML_INSIDE.search(text) and (media in _GENERIC_TYPES or media.endswith(("/xml", "+xml"))):
        return None
    if media and media not in _GENERIC_TYPES:
        return f"content type {media}"
    if first in ("{", "["):
        return "JSON or script, no HTML markup" + label
    return "text without HTML markup" + label
