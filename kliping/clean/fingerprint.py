"""Identity and duplicate fingerprints: id, text_hash, simhash."""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1


def stable_id(url: str) -> str:
    """First 16 hex digits of sha1(canonical URL)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def normalize(text: str) -> str:
    """Casefold, drop punctuation, collapse whitespace: what exact-duplicate matching compares
    (the casefolded text's ``\\w+`` runs joined by single spaces)."""
    return " ".join(_WORD.findall(text.casefold()))


def text_hash(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def fingerprints(text: str, words: list[str] | None = None) -> tuple[str, int]:
    """``(text_hash(text), simhash(text))``, the casefolded words found once for both.

    ``words``, when the caller has them, are ``text``'s ``\\w+`` runs (:func:`words`): on a text
    of ASCII and :data:`_UNCASED` only, casefolding the text and then finding its words gives
    those words lowercased, so they are not looked for again.
    """
    if words is not None and _CASED_ELSEWHERE.search(text) is None:
        joined = " ".join(words).lower()  # (an ASCII word's casefold is its lowercase)
        toks = joined.split(" ") if joined else []
    else:
        toks = _WORD.findall(text.casefold())
        joined = " ".join(toks)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest(), _simhash_tokens(toks)


# Characters other than ASCII that news text is full of and that are neither word characters nor
# changed by casefolding (spaces, dashes, quotes, the ellipsis, bullets, currency and trademark
# signs): beside them the words of the casefolded text are the text's words, casefolded. Any other
# character (a letter, a mark a casefold turns into a letter) sends the text the long way.
_UNCASED = (
    "\u00a0\u2010-\u2015\u2018-\u201e\u2022\u2026\u2032\u2039\u203a"
    "\u00ab\u00bb\u00b0\u00b7\u00a3\u20ac\u00a9\u00ae\u2122"
)
_CASED_ELSEWHERE = re.compile(f"[^\\x00-\\x7f{_UNCASED}]")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Odd 64-bit multipliers: one per shingle position, then murmur3's fmix64 finaliser.
_POS_MUL = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
_FMIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_S33 = np.uint64(33)


def _fmix64(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> _S33)
    x = x * _FMIX[0]
    x = x ^ (x >> _S33)
    x = x * _FMIX[1]
    return x ^ (x >> _S33)


@functools.lru_cache(maxsize=65536)
def _word_digest(word: str) -> bytes:
    """8-byte BLAKE2b of a word; cached, as most words of a page were on earlier pages too."""
    return hashlib.blake2b(word.encode(), digest_size=8).digest()


def simhash(text: str, n: int = 3) -> int:
    """64-bit Charikar simhash over word ``n``-shingles (unweighted).

    Deterministic across processes and machines: each distinct word is hashed once (blake2b, 8
    bytes); a shingle's hash mixes its words' hashes by position (odd multipliers, then fmix64),
    and the bit columns are counted with numpy: no Python work per shingle or per bit.
    """
    return _simhash_tokens(_WORD.findall(text.casefold()), n)


def _simhash_tokens(toks: list[str], n: int = 3) -> int:
    if not toks:
        return 0
    # one 8-byte digest per token, from the cache of words seen before
    words_h = np.frombuffer(b"".join(map(_word_digest, toks)), dtype=">u8").astype(np.uint64)
    width = min(n, len(toks))
    count = len(toks) - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        acc += words_h[k : k + count] * np.uint64(_POS_MUL[k % len(_POS_MUL)])
    hashes = _fmix64(acc + np.uint64(width))
    bits = np.unpackbits(hashes.astype(">u8").view(np.uint8)).reshape(count, 64)
    set_bits = bits.sum(axis=0, dtype=np.uint32) * 2 > count  # (32 bits: faster, and 2^31 words is no page)
    return int.from_bytes(np.packbits(set_bits).tobytes(), "big") & _MASK64
