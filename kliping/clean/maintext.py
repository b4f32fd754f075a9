"""trafilatura's main-text extraction, as kliping runs it.

``trafilatura.extract(tree, fast=True)`` runs, in order: a copy of the input; the raw-tree prunes
(appended articles; comment sections when comments are off and the page is not a forum thread);
tree cleaning and tag conversion; the main extractor (with its own wild-text recovery); the
baseline rescue when that found under ``MIN_EXTRACTED_SIZE`` characters; then, in the balanced
mode, a *recall escalation*: when the text is under 3,000 characters it measures the whole page
(``html2txt``, a copy of the tree and an XPath of regular expressions over every element) and,
if the text covers less than a fifth of it, re-runs the extractor in recall mode.

:func:`text` runs the same stages through trafilatura's own functions, minus the escalation. On
the 307 evaluation pages it changed 2 outputs, both for the better: the escalation had added
the related-article headlines under an okezone story, and a republika story's headline and date
lines above its dateline. kliping has its own, narrower retry for the case the escalation is for
(``_short_for`` in :mod:`kliping.clean`: full mode when the text is a small part of the page's
paragraphs), so the measure is paid on every short article for nothing; leaving it out made
``clean()`` about 12% faster (interleaved timing over the 227 pages of ``bench/reclean.py``).
The raw-tree prunes, whose XPaths call a regular expression back in Python for every div,
section, list and aside, are skipped when no class or id on the page holds a token they could
match (140 of those 227 pages): the same result, at a third of the cost.

These functions are trafilatura internals, not its documented API: any other trafilatura than the
one this was written against (2.3), any other settings than kliping's (fast, no comments, not
favouring precision, no deduplication), and any import problem fall back to
``trafilatura.extract``; ``tests/test_clean.py`` checks that both give the same text on pages
where the escalation does not fire.
"""

from __future__ import annotations

import functools
from copy import copy
from typing import Any

import trafilatura
from lxml.etree import XPath
from trafilatura.settings import Extractor

try:  # trafilatura 2.3's stages (see the module docstring)
    from trafilatura.baseline import baseline
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    STAGED = trafilatura.__version__.startswith("2.3.")
except ImportError:  # pragma: no cover - another trafilatura: its extract() it is
    STAGED = False


@functools.lru_cache(maxsize=8)
def extractor(settings: tuple[tuple[str, Any], ...]) -> Extractor:
    """One ``Extractor`` per settings, made once (building one reads trafilatura's config each time).

    No URL: trafilatura uses it only for links and images, which kliping does not keep.
    """
    kw = dict(settings)
    return Extractor(
        output_format="txt", fast=kw["fast"], precision=kw["favor_precision"],
        recall=kw["favor_recall"], comments=kw["include_comments"], tables=kw["include_tables"],
        dedup=kw["deduplicate"], with_metadata=False,
    )  # fmt: skip


# Every class or id the raw-tree prunes can match holds one of these (their regular expressions
# are case-sensitive): "[Cc]omment", "comol", "disqus_thread", "dsq-comments";
# "mvp-post-add-(box|wrap)", "infinite-?scroll"; "elementor-share-buttons". Most pages have none,
# and this test (plain contains(), in C) costs a third of those XPaths (whose re:test() calls back
# into Python for every div, section, list and aside).
_RAW_PRUNE_KEYS = (
    "omment", "comol", "disqus_thread", "mvp-post-add-", "infinite", "elementor-share-buttons",
)  # fmt: skip
_ANY_KEY = " or ".join(f"contains(., '{k}')" for k in _RAW_PRUNE_KEYS)
_MAY_PRUNE = XPath(f"boolean(.//@class[{_ANY_KEY}] | .//@id[{_ANY_KEY}])")


def _raw_pruned(tree: Any, forum: bool) -> Any:
    tree = copy(tree)
    if not _MAY_PRUNE(tree):
        return tree
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    return tree if forum else prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)


def staged(tree: Any, options: Extractor) -> str | None:
    """trafilatura's fast extraction of ``tree`` without the recall escalation (input untouched)."""
    forum = _forum_thread_page(tree)
    cleaned = convert_tags(tree_cleaning(_raw_pruned(tree, forum), options), options, None)
    body, found = extract_content(cleaned, options)
    if len(found) < options.min_extracted_size:
        # baseline rescue, on the raw-pruned page as trafilatura does (rare: prune it again)
        b_body, b_text, b_len = baseline(_raw_pruned(tree, forum))
        if b_len > len(found):
            body, found = b_body, b_text
    if len(found) < options.min_output_size:
        return None
    return normalize_unicode(xmltotxt(body, options.formatting).strip())  # as extract() strips


def text(tree: Any, settings: dict[str, Any]) -> str | None:
    """The main text of ``tree`` (an lxml HTML element, left as it is) under trafilatura ``settings``."""
    options = extractor(tuple(sorted(settings.items())))
    if (
        STAGED
        and settings["fast"]
        and not settings["include_comments"]
        and not settings["favor_precision"]
        and not settings["deduplicate"]
    ):
        return staged(tree, options)
    return trafilatura.extract(tree, options=options)
