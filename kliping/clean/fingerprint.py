"""Identity and duplicate fingerprints: id, text_hash, simhash."""

from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1


def stable_id(url: str) -> str:
    """First 16 hex digits of sha1(canonical URL)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def normalize(text: str) -> str:
    """Casefold, drop punctuation, collapse whitespace: what exact-duplicate matching compares."""
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text.casefold())).strip()


def text_hash(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def simhash(text: str, n: int = 3) -> int:
    """64-bit Charikar simhash over word ``n``-shingles (unweighted).

    Bit columns are counted with C-level string slicing rather than a Python loop per bit, which
    keeps it around 1 ms for a long article.
    """
    toks = _WORD.findall(text.casefold())
    if not toks:
        return 0
    if len(toks) < n:
        shingles = [" ".join(toks)]
    else:
        shingles = [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]
    bits = "".join(
        format(int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big"), "064b")
        for s in shingles
    )
    half = len(shingles) / 2
    out = 0
    for i in range(64):
        if bits[i::64].count("1") > half:
            out |= 1 << (63 - i)
    return out & _MASK64
