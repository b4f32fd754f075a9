"""JSON Lines that every reader splits where kliping does: one record, one line.

``json.dumps(..., ensure_ascii=False)`` leaves U+2028 LINE SEPARATOR and U+2029 PARAGRAPH
SEPARATOR raw in a string, as JSON allows; but Python's ``str.splitlines()``, JavaScript before
ES2019 and many line-oriented tools end a line there, and a page's tag or title holding one made
its record read as two broken lines. Written as ``\\u2028`` / ``\\u2029`` escapes instead: the same
JSON value, on one line for every reader.
"""

from __future__ import annotations

import json
from typing import Any

SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def one_line(text: str) -> str:
    """JSON text ``text`` with its raw line and paragraph separators escaped."""
    return text.translate(SEPARATORS) if ("\u2028" in text or "\u2029" in text) else text


def dumps(value: Any, **kwargs: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, **kwargs)`` on one line for every reader."""
    return one_line(json.dumps(value, ensure_ascii=False, **kwargs))
