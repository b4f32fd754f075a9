"""Identity and duplicate fingerprints: id, text_hash, simhash."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")


def stable_id(url: str) -> str:
    """First 16 hex digits of sha1(canonical URL)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def normalize(text: str) -> str:
    """Casefold, drop punctuation, collapse whitespace: what exact-duplicate matching compares
    (the casefolded text's ``\\w+`` runs joined by single spaces)."""
    return " ".join(_WORD.findall(text.casefold()))


def text_hash(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def fingerprints(text: str) -> tuple[str, int]:
    """``(text_hash(text), simhash(text))``, the casefolded words found once for both."""
    return of_tokens(tokens(text)[1])


def tokens(text: str) -> tuple[int, list[str]]:
    """``(len(words(text)), the casefolded text's \\w+ runs)``: the word count a record stores and
    the tokens both fingerprints read (:func:`of_tokens`), found in one pass where that is exact.

    On a text of ASCII and :data:`_UNCASED` only (most news text), casefolding it and finding its
    words gives its own words lowercased, one for one; and there a byte table doing both at once
    (word bytes lowercased, every other byte a space: the UTF-8 bytes of an :data:`_UNCASED`
    character too) and a split on spaces give those words at a quarter of the regular expression's
    cost. Any other text is read the long way, twice: casefolding may split a word ("İ" becomes
    "i" and a combining dot, which is no word character), so the count is not the tokens' length.
    """
    toks = lower_words(text)
    if toks is not None:
        return len(toks), toks
    return len(_WORD.findall(text)), _WORD.findall(text.casefold())


def lower_words(text: str) -> list[str] | None:
    """``text``'s ``\\w+`` runs lower-cased (which are then its casefolded words too) when the
    text is ASCII and :data:`_UNCASED` only, found by the byte table (see :func:`tokens`); None
    for any other text."""
    if text.isascii() or _CASED_ELSEWHERE.search(text) is None:
        return text.encode("utf-8").translate(_LOWER_WORD_BYTES).decode("ascii").split()
    return None


def of_tokens(toks: list[str]) -> tuple[str, int]:
    """``(text_hash, simhash)`` from a text's casefolded words (:func:`tokens`)."""
    return hashlib.sha1(" ".join(toks).encode("utf-8")).hexdigest(), _simhash_tokens(toks)


# Characters other than ASCII that news text is full of and that are neither word characters nor
# changed by casefolding (spaces, dashes, quotes, the ellipsis, bullets, currency and trademark
# signs): beside them the words of the casefolded text are the text's words, casefolded. Any other
# character (a letter, a mark a casefold turns into a letter) sends the text the long way.
_UNCASED = (
    "\u00a0\u2010-\u2015\u2018-\u201e\u2022\u2026\u2032\u2039\u203a"
    "\u00ab\u00bb\u00b0\u00b7\u00a3\u20ac\u00a9\u00ae\u2122"
)
_CASED_ELSEWHERE = re.compile(f"[^\\x00-\\x7f{_UNCASED}]")
# byte -> itself lowercased for an ASCII word character ([A-Za-z0-9_]), else a space
_LOWER_WORD_BYTES = bytes(
    ord(chr(b).lower()) if chr(b).isascii() and _WORD.fullmatch(chr(b)) else 0x20 for b in range(256)
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Odd 64-bit multipliers: one per shingle position, then murmur3's fmix64 finaliser.
_POS_MUL = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
_FMIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_S33 = np.uint64(33)
_POS_MUL_NP = tuple(np.uint64(m) for m in _POS_MUL)


class _Digests(dict[str, bytes]):
    """word -> its 8-byte BLAKE2b, byte-reversed (see :func:`_simhash_tokens`); kept, as most words
    of a page were on earlier pages too. A dict read through ``__getitem__`` costs a third of an
    ``lru_cache`` call per token; it is emptied when full, which only costs digests again."""

    def __missing__(self, word: str) -> bytes:
        if len(self) >= _MAX_DIGESTS:
            self.clear()
        digest = self[word] = hashlib.blake2b(word.encode(), digest_size=8).digest()[::-1]
        return digest


_MAX_DIGESTS = 65536
_DIGESTS = _Digests()


def simhash(text: str, n: int = 3) -> int:
    """64-bit Charikar simhash over word ``n``-shingles (unweighted).

    Deterministic across processes and machines: each distinct word is hashed once (blake2b, 8
    bytes, read big-endian); a shingle's hash mixes its words' hashes by position (odd
    multipliers, then fmix64), and the bit columns are counted with numpy: no Python work per
    shingle or per bit.
    """
    return _simhash_tokens(_WORD.findall(text.casefold()), n)


def _simhash_tokens(toks: list[str], n: int = 3) -> int:
    if not toks:
        return 0
    # One 8-byte digest per token. A digest is stored reversed and read little-endian: the same
    # number as the digest read big-endian, without a byte-swapping copy (and few numpy calls,
    # each in place where it can be: at ~600 words a page their fixed costs are most of the time).
    words_h = np.frombuffer(b"".join(map(_DIGESTS.__getitem__, toks)), dtype="<u8")
    width = min(n, len(toks))
    count = len(toks) - width + 1
    x = words_h[:count] * _POS_MUL_NP[0]
    for k in range(1, width):
        x += words_h[k : k + count] * _POS_MUL_NP[k % len(_POS_MUL_NP)]
    x += np.uint64(width)
    # murmur3's fmix64
    x ^= x >> _S33
    x *= _FMIX[0]
    x ^= x >> _S33
    x *= _FMIX[1]
    x ^= x >> _S33
    # bit columns least significant first (little-endian bytes, bits unpacked little-first)
    bits = np.unpackbits(x.astype("<u8", copy=False).view(np.uint8), bitorder="little")
    # (32-bit counts: faster, and 2^31 words is no page)
    set_bits = bits.reshape(count, 64).sum(axis=0, dtype=np.uint32) * 2 > count
    return int.from_bytes(np.packbits(set_bits, bitorder="little").tobytes(), "little")
