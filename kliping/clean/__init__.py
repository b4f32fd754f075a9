"""The cleaning stage: one raw response in, one article record out (DESIGN.md §1, §2, §3).

This module only names the stage's public face; the work is done in

- :mod:`kliping.clean.pipeline`: :func:`clean` as a sequence of named steps (read it first);
- :mod:`kliping.clean.metadata`: title, authors, section, tags, … each a small function with its
  sources in order, and the language;
- :mod:`kliping.clean.body`: the article body, from the tree to its paragraphs (with
  :mod:`~kliping.clean.maintext`, trafilatura run stage by stage, and
  :mod:`~kliping.clean.boilerplate`, the Indonesian rules);
- :mod:`~kliping.clean.decode` and :mod:`~kliping.clean.sniff` (bytes to a tree, or not HTML),
  :mod:`~kliping.clean.dating` (dates), :mod:`~kliping.clean.people` (names),
  :mod:`~kliping.clean.fingerprint` (hashes), :mod:`~kliping.clean.langmodel` (py3langid's cache).
"""

from kliping.clean import decode
from kliping.clean.body import TRAFILATURA_SETTINGS, br_paragraphs, extract_body, main_container, strip_junk
from kliping.clean.metadata import language
from kliping.clean.pipeline import CLEANER_VERSION, NotAnArticle, NotHtml, clean

__all__ = [
    "CLEANER_VERSION", "TRAFILATURA_SETTINGS", "NotAnArticle", "NotHtml", "br_paragraphs", "clean",
    "decode", "extract_body", "language", "main_container", "strip_junk",
]  # fmt: skip
