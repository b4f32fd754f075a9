"""Bytes to an lxml tree: byte order mark, then header charset, then ``<meta charset>``, then UTF-8,
then cp1252 (the order browsers use)."""

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
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape",
                           "utf-7"})

# Block-level elements: what a run of inline text ends at (a <div> holding none is a paragraph,
# body.div_paragraphs; a byline box's own first line ends at one, dating)
BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)

PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)
# The same parser for UTF-8 bytes (page_tree): the encoding is the caller's, never the page's own
# <meta charset> (as for text, whose encoding lxml names itself).
_UTF8_PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, encoding="utf-8"
)


class PageElement(lxml.html.HtmlElement):
    """An ``HtmlElement`` whose :meth:`text_content` is the same text, serialized by libxml2
    (``tostring(method="text")``) instead of evaluated as the XPath ``string()``: about three
    times cheaper on a paragraph, and called ~500 times a page by pruning, extraction and
    trafilatura alike. It returns a plain ``str``, not lxml's "smart" string knowing its parent."""

    def text_content(self) -> str:  # type: ignore[override]
        return etree.tostring(self, method="text", encoding=str, with_tail=False)


# Every element a ``PageElement`` (an ``HtmlElement``, what trafilatura accepts), chosen in C:
# lxml.html's own lookup is a Python call per element proxy (form/input/label classes we never
# use) and cost about as much as the parse itself across pruning and extraction.
for _parser in (PARSER, _UTF8_PARSER):
    _parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=PageElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )


# Longest first: a UTF-32LE mark begins with the UTF-16LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom(body: bytes) -> tuple[str, int] | None:
    """(codec, length) of the byte order mark ``body`` opens with, or None."""
    if body[:1] in (b"\xef", b"\xff", b"\xfe", b"\x00"):
        for mark, codec in _BOMS:
            if body.startswith(mark):
                return codec, len(mark)
    return None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    # a label Python reads as no charset (base64, zlib, hex, rot13: bytes to bytes; idna,
    # punycode, the escapes: not a page's encoding) is an unknown label, as to a browser: bytes
    # .decode() raised with it, and a page naming one was lost ("clean_error")
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_CHARSETS:
        return None
    # WHATWG: the bare "utf-16" label is little-endian (Python would guess from the platform)
    return {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(name, name)


def codec(label: str | None) -> str | None:
    """Python codec for a charset label, with the browsers' aliases (latin-1 means cp1252…)."""
    return _codec(label)


def codec_of(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The Python codec the cleaner reads ``body`` with (BOM, header charset, ``<meta>``, UTF-8,
    cp1252), for a reader that must agree with it (a crawl's response whose label is no charset)."""
    name = _decode(body, headers)[1]
    return name.removesuffix("-bom").removesuffix("-replaced")


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """Case-insensitive header lookup (raw headers keep the server's spelling)."""
    if not headers:
        return None
    name = name.lower()
    for key, value in dict(headers).items():
        if str(key).lower() == name:
            return value if isinstance(value, str) else str(value)
    return None


# Characters XML forbids: the HTML parser keeps them in text nodes, and then every later
# assignment of that text (trafilatura moves tails around) raises ValueError. A page with a stray
# backspace or NUL is still a page: they go (a form feed becomes a space).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# U+FFFE, U+FFFF in UTF-8: one regular expression (whose scan for the \xef\xbf prefix is several
# times faster than two ``in`` tests of bytes, ~0.15 ms on a 170 kB page)
_NONCHARACTERS_UTF8 = re.compile(b"\xef\xbf[\xbe\xbf]")


def _xml_chars(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\x0c", " "))


def decode(body: bytes | str, headers: Mapping[str, str] | None = None) -> str:
    """The page as text, decoded the way a browser would, without the characters XML forbids."""
    return _decoded(body, headers)[0]


def _decoded(body: bytes | str, headers: Mapping[str, str] | None) -> tuple[str, bool]:
    """(:func:`decode`'s text, is that text ``body`` read as strict UTF-8 and nothing taken out)."""
    if isinstance(body, str):
        return _xml_chars(body), False
    text, enc = _decode(body, headers)
    # Checked on the bytes where a byte is a character below 0x80 (several times cheaper than a
    # pass over the text); other encodings are rare enough to pay for the pass.
    if (
        enc in ("utf-8", "cp1252")
        and len(body.translate(None, _CONTROL_BYTES)) == len(body)
        # (an ASCII text's bytes hold no U+FFFE/U+FFFF: str.isascii reads a flag, no search)
        and (enc == "cp1252" or text.isascii() or _NONCHARACTERS_UTF8.search(body) is None)
    ):
        return text, enc == "utf-8"
    return _xml_chars(text), False


def page_tree(body: bytes | str, headers: Mapping[str, str] | None = None) -> lxml.html.HtmlElement | None:
    """``parse(decode(body, headers))``, cheaper for most pages: when the text is the body's UTF-8
    bytes as they are, the parser reads those bytes (told they are UTF-8) rather than the text,
    which lxml would hand to libxml2 re-encoded (a tenth of the parse on a typical page)."""
    text, as_bytes = _decoded(body, headers)
    if not as_bytes or _XML_DECL.match(text) is not None:
        return parse(text)
    return _document(body, text, _UTF8_PARSER)


# Rule "module classes": CSS Modules (Next.js, webpack) write a component's class "author" as
# "<file>_<local>__<hash>" ("ArticleMeta_author__x7Kq2", "styles_body__aB3dE") or
# "<file>__<local>___<hash>": the rules reading classes as words ("author", "byline") and as BEM
# ("detail__author") saw none. Such a class also gets its plain name and its BEM form. The hash is
# told from a BEM element ("article__author") by its digit or capital letter.
_MODULE_CLASS = re.compile(
    r"(?<![\w-])([A-Za-z][A-Za-z0-9-]*?)_{1,2}([A-Za-z][A-Za-z0-9-]*)_{2,3}"
    r"(?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9-]{2,10}(?![\w-])"
)
_HAS_MODULE_CLASS = etree.XPath("//*[contains(@class,'__')]")
_MODULE_CLASS_MAX = 2000  # characters of a class attribute read for them


def module_classes(tree: lxml.html.HtmlElement) -> None:
    """Rule "module classes": add, in place, each CSS-module class's plain and BEM names."""
    for el in _HAS_MODULE_CLASS(tree):
        cls = el.get("class") or ""
        if len(cls) > _MODULE_CLASS_MAX:
            continue  # (a hostile attribute: the pattern's time bounded)
        found = _MODULE_CLASS.findall(cls)
        if found:
            extra = [n for block, local in found for n in (local.lower(), f"{block}__{local}".lower())]
            el.set("class", " ".join([cls.strip(), *dict.fromkeys(extra)]))


def _decode(body: bytes, headers: Mapping[str, str] | None) -> tuple[str, str]:
    """(text, codec used)."""
    # A byte order mark wins over every label (WHATWG "decode"): a UTF-16 page served as
    # "charset=utf-8" is still UTF-16.
    found = bom(body)
    if found is not None:
        return body[found[1] :].decode(found[0], errors="replace"), found[0] + "-bom"
    ctype = header(headers, "content-type") or ""
    m = _HEADER_CHARSET.search(ctype)
    enc = _codec(m.group(1)) if m else None
    if enc is None:
        m2 = _META_CHARSET.search(body[:4096])
        enc = _codec(m2.group(1).decode("ascii", "ignore")) if m2 else None
        if enc is not None and enc.startswith(("utf-16", "utf-32")):
            enc = "utf-8"  # a <meta> readable as ASCII is not in UTF-16/32 (WHATWG prescan)
    if enc is not None and enc not in ("utf-8", "cp1252"):
        return body.decode(enc, errors="replace"), enc
    if enc == "cp1252":
        # Rule "charset lie": a page labelled ISO-8859-1 or windows-1252 (a CMS's default header or
        # <meta>) whose bytes are valid UTF-8 holding characters beyond ASCII is UTF-8: text in
        # windows-1252 is almost never valid UTF-8 ("Â°C" was shown for "°C").
        if not body.isascii():
            try:
                return body.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        return body.decode("cp1252", errors="replace"), enc
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if enc == "utf-8":  # (not the bytes as they are: page_tree must not parse those)
            return body.decode("utf-8", errors="replace"), "utf-8-replaced"
        return body.decode("cp1252", errors="replace"), "cp1252"


def parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse once; every later step (metadata, trafilatura) shares this tree."""
    text = _XML_DECL.sub("", text, count=1)
    return _document(text, text, PARSER)


def _document(data: bytes | str, text: str, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement | None:
    """``data`` parsed with ``parser``; None for a blank page (``text``) or one lxml refuses."""
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return None
