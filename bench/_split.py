"""Held-back discipline: every evaluation page is either a tuning page or a held-back page.

The split is fixed by the page's file name, so it never depends on which pages exist, on their
order, or on anything a rule could be tuned to:

    key   = the file's name with its parent folder, e.g. "detik/a1.html", "html/<sha>.html.gz"
    split = "held_back" if sha256(key)[0] < 77 else "tuning"        (77/256, about 30%)

The parent folder is part of the key because the project's fixture pages reuse names per site
(``tests/sites/<site>/a1.html``); a page kept under the same folder/name in two collections (the two
Indonesian pages of the Zyte benchmark, also copied into ``indonesian-html``) lands in the same split
in both. Cleaner rules are developed and tuned on tuning pages only; held-back pages are looked at
only through the figures ``bench/extraction.py`` prints for them. A change that helps the tuning
figures and hurts the held-back ones is not kept (BENCHMARKS.md, "Held-back pages").
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

HELD_BACK_BELOW = 77  # first byte of the digest: 77/256 = 30.1% of names held back
SPLITS = ("tuning", "held_back")


def split_key(path: str | PurePath) -> str:
    """The name the split hashes: ``<parent folder>/<file name>``."""
    p = PurePath(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name


def is_held_back(path: str | PurePath) -> bool:
    return hashlib.sha256(split_key(path).encode("utf-8")).digest()[0] < HELD_BACK_BELOW


def split_of(path: str | PurePath) -> str:
    """``"held_back"`` or ``"tuning"`` for a page file."""
    return "held_back" if is_held_back(path) else "tuning"
