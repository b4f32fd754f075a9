"""trafilatura's content selectors as walks in Python, for :func:`kliping.clean.maintext.staged`.

trafilatura's main extractor (``extract_content``) selects the story's frame with ``BODY_XPATH``
and prunes it with ``OVERALL_DISCARD_XPATH``, ``DISCARD_IMAGE_ELEMENTS`` and
``TEASER_DISCARD_XPATH``. The first two call ``re:test()`` back into Python from lxml's XPath
engine, three times for every candidate element, each call a node-set turned into strings and a
regular expression looked up. On the containers kliping hands it, those two lists were a third
of the extractor's time (0.85 and 0.46 ms of its 3.4 ms a page, Zyte + Indonesian pages): a walk
of the same elements reading the same attributes with the same regular expressions costs a
fraction of that (and of the other two, 0.1 ms).

Each walk here selects what its XPath selects, in the same order (tests/test_clean_selectors.py):

- ``.//*[self::a or self::b][P]`` is the descendants of those names, in document order, for which
  ``P`` holds; ``(…)[1]`` (and ``.//*[P][1]``, of which the extractor reads only the first
  element) is the first of them;
- an absent attribute is the empty string; ``@id|@class`` is the one of the two that comes first
  in the element's attributes (XPath's string of a node-set, and lxml's ``re:test()`` argument,
  is its first node in document order);
- ``re:test(x, r)`` is ``re.search(r, x)`` (lxml compiles ``r`` with ``re.UNICODE``, and
  ``re.IGNORECASE`` for the ``'i'`` flag).

The walks are written against the XPaths' shape (their text with each regular expression left
out, :data:`_SHAPES`); the regular expressions themselves are read from trafilatura's XPaths, so
a change of its token lists is followed. Any other shape (another trafilatura), and the
extractor is trafilatura's own (:func:`extract_content`).

The walks replace the XPaths only in kliping's copy of the four functions that read them
(``extract_content``, ``_extract``, ``recover_wild_text``, ``prune_unwanted_sections``: the same
code, run with globals where the four lists are the walks), so ``trafilatura.extract`` itself,
and any other user of trafilatura in the process, is left as it is. Those globals are a copy of
``trafilatura.main_extractor``'s taken at the first call (the module rebinds none of its names;
a name patched in it later, as a test might, is not seen by the copy).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable
from typing import Any

from lxml.etree import Element

_RE_TEST = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'(?:, '([^']*)')?\)")

# trafilatura 2.3's XPaths, whitespace collapsed, each regular expression written "…" (its flags
# kept): what the walks below were written against.
_SHAPES = {
    "OVERALL_DISCARD_XPATH": (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
        "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '…') or "
        "re:test(@id, '…') or re:test(@class, '…')]",
        ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
        "re:test(@id|@style, '…') or contains(@style, 'display:none') or "
        "contains(@style, 'display: none') or re:test(@id, '…') or re:test(@class, '…') or "
        "@aria-hidden='true']",
    ),
    "TEASER_DISCARD_XPATH": (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "contains(translate(@id, 'T', 't'), 'teaser') or contains(translate(@class, 'T', 't'), 'teaser')]",
    ),
    "DISCARD_IMAGE_ELEMENTS": (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "contains(@id, 'caption') or contains(@class, 'caption')]",
    ),
    "BODY_XPATH": (
        ".//*[self::article or self::div or self::main or self::section][ @class='post' or "
        "@class='entry' or @itemprop='articleBody' or @id='articleContent' or re:test(@id, '…') or "
        "re:test(@class, '…') ][1]",
        "(.//article)[1]",
        "(.//*[self::article or self::div or self::main or self::section][ @role='article' or "
        "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
        "@class='text' or @class='cell' or @class='story' or re:test(@id, '…') or "
        "re:test(@class, '…', 'i') or re:test(@class, '…') ])[1]",
        "(.//*[self::article or self::div or self::main or self::section][ @id='content' or "
        "@class='content' or re:test(@id, '…') or re:test(@class, '…') or "
        "contains(translate(@id, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
        "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
    ),
}


def _shape(path: str) -> tuple[str, list[re.Pattern[str]]]:
    """An XPath's text with its regular expressions left out, and those compiled as lxml does."""

    def blank(m: re.Match[str]) -> str:
        flags = f", '{m.group(3)}'" if m.group(3) is not None else ""
        return f"re:test({m.group(1)}, '…'{flags})"

    found = [
        re.compile(m.group(2), re.UNICODE | (re.IGNORECASE if "i" in (m.group(3) or "") else 0))
        for m in _RE_TEST.finditer(path)
    ]
    return " ".join(_RE_TEST.sub(blank, path).split()), found


_MEMO = 50_000  # values remembered per pattern (then forgotten all at once)


def _memo(rx: re.Pattern[str]) -> Callable[[str], bool]:
    """``rx.search(value) is not None``, remembered per value: a page repeats its class values (and
    the extractor reads its page several times), and the longest of these patterns, an alternation
    of some sixty tokens, costs a microsecond a value."""
    search = rx.search
    return _memo_of(lambda value: search(value) is not None)


def _memo_of(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """``test``, remembered per value (:data:`_MEMO` values at most)."""
    seen: dict[str, bool] = {}

    def remembered(value: str) -> bool:
        hit = seen.get(value)
        if hit is None:
            if len(seen) >= _MEMO:
                seen.clear()
            hit = seen[value] = bool(test(value))
        return hit

    return remembered


def _first(el: Any, a: str, va: str | None, b: str, vb: str | None) -> str:
    """``@a|@b`` as a string, given the values of ``el``'s attributes ``a`` and ``b``: the one of
    them it has, the first in its attributes when it has both, "" when neither."""
    if va is None or vb is None:
        return va or vb or ""
    keys = el.keys()
    return va if keys.index(a) < keys.index(b) else vb


def _overall(rx: list[re.Pattern[str]]) -> list[Callable[[Any], list[Any]]]:
    consent, ids, classes, hidden, reader, hide = map(_memo, rx)
    # Most elements have a class at most: what the XPaths test of one that has no id (nor style),
    # decided once per class value ("" for none)
    no_id = _memo_of(lambda c: classes(c) or ids("") or consent(c))
    plain = _memo_of(lambda c: hide(c) or c == "comments-title" or c.startswith("reply-")
                     or hidden("") or reader(""))  # fmt: skip

    def discard(tree: Any) -> list[Any]:
        out = []
        for el in tree.iterdescendants("div", "item", "list", "p", "section", "span"):
            get = el.get
            cls, eid = get("class"), get("id")
            if eid is None:
                hit = no_id(cls or "")
            else:
                hit = classes(cls or "") or ids(eid) or consent(_first(el, "id", eid, "class", cls))
            # the other attributes the XPath reads, when the element has others
            if not hit and len(el.attrib) > (cls is not None) + (eid is not None):
                role = get("role")
                hit = (
                    (role is not None and "nav" in role.replace("N", "n"))
                    or get("data-lp-replacement-content") is not None
                    or "MostPopularStories" in (get("data-component") or "")
                )
            if hit:
                out.append(el)
        return out

    def hidden_parts(tree: Any) -> list[Any]:
        out = []
        for el in tree.iterdescendants(Element):  # (Element: every element, not a comment)
            get = el.get
            cls, eid, style = get("class"), get("id"), get("style")
            if eid is None and style is None:
                hit = plain(cls or "")
            else:
                hit = (
                    hide(cls or "")
                    or cls == "comments-title"
                    or _first(el, "id", eid, "class", cls).startswith("reply-")
                    or hidden(_first(el, "id", eid, "style", style))
                    or (style is not None and ("display:none" in style or "display: none" in style))
                    or reader(eid or "")
                )
            if hit or get("aria-hidden") == "true":
                out.append(el)
        return out

    return [discard, hidden_parts]


def _contains(word: str, fold: str = "") -> list[Callable[[Any], list[Any]]]:
    """``.//*[self::div or … or self::span][contains(translate(@id, F, f), word) or
    contains(translate(@class, F, f), word)]`` (``fold``: the capital F lowered, if any)."""

    def has(value: str) -> bool:
        return word in (value.replace(fold, fold.lower()) if fold else value)

    by_class = _memo_of(has)

    def walk(tree: Any) -> list[Any]:
        out = []
        for el in tree.iterdescendants("div", "item", "list", "p", "section", "span"):
            eid = el.get("id")
            if (eid is not None and has(eid)) or by_class(el.get("class") or ""):
                out.append(el)
        return out

    return [walk]


_FRAMES = ("article", "div", "main", "section")


def _body(rx: list[re.Pattern[str]], xpaths: list[Any]) -> list[Callable[[Any], list[Any]]]:
    """``BODY_XPATH`` as walks giving the first element each selects (all the extractor reads)."""
    id0, class0, id2, class2i, class2, id3, class3 = map(_memo, rx)

    def first(test: Callable[[Any], bool]) -> Callable[[Any], list[Any]]:
        def walk(tree: Any) -> list[Any]:
            return next(([el] for el in tree.iterdescendants(*_FRAMES) if test(el)), [])

        return walk

    def entry(el: Any) -> bool:
        get = el.get
        cls, eid = get("class"), get("id")
        return (
            cls in ("post", "entry")
            or get("itemprop") == "articleBody"
            or eid == "articleContent"
            or id0(eid or "")
            or class0(cls or "")
        )

    def story(el: Any) -> bool:
        get = el.get
        cls, eid = get("class"), get("id")
        return (
            get("role") == "article"
            or eid in ("article", "story")
            or cls in ("postarea", "art-postcontent", "text", "cell", "story")
            or id2(eid or "")
            or class2i(cls or "")
            or class2(cls or "")
        )

    def content(el: Any) -> bool:
        get = el.get
        cls, eid = get("class") or "", get("id") or ""
        return (
            eid == "content"
            or cls == "content"
            or id3(eid)
            or class3(cls)
            or "main-content" in eid.replace("C", "c").replace("M", "m")
            or "main-content" in cls.replace("C", "c").replace("M", "m")
            or "page-content" in cls.replace("C", "c").replace("P", "p")
        )

    # (.//article)[1] and the last one, without a regular expression, stay XPaths
    return [first(entry), xpaths[1], first(story), first(content), xpaths[4]]


@functools.cache
def extract_content() -> Callable[[Any, Any], tuple[Any, str]]:
    """trafilatura's ``extract_content`` reading :data:`_SHAPES`'s XPaths through the walks, or
    trafilatura's own when its XPaths are not of those shapes (or not where they were)."""
    from trafilatura import main_extractor

    own = main_extractor.extract_content
    try:
        lists = {name: getattr(main_extractor, name) for name in _SHAPES}
        shapes = {name: [_shape(x.path) for x in xs] for name, xs in lists.items()}
    except AttributeError:  # pragma: no cover - another trafilatura
        return own
    if any([s for s, _rx in shapes[name]] != list(want) for name, want in _SHAPES.items()):
        return own
    overall = _overall([r for _s, rx in shapes["OVERALL_DISCARD_XPATH"] for r in rx])
    body = _body([r for _s, rx in shapes["BODY_XPATH"] for r in rx], lists["BODY_XPATH"])
    space = dict(vars(main_extractor), OVERALL_DISCARD_XPATH=overall, BODY_XPATH=body,
                 TEASER_DISCARD_XPATH=_contains("teaser", "T"), DISCARD_IMAGE_ELEMENTS=_contains("caption"))
    for name in ("extract_content", "_extract", "recover_wild_text", "prune_unwanted_sections"):
        f = getattr(main_extractor, name)
        clone = types.FunctionType(f.__code__, space, f.__name__, f.__defaults__, f.__closure__)
        clone.__kwdefaults__ = f.__kwdefaults__
        space[name] = clone
    return space["extract_content"]


_COMMENT_LISTS = (
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
    "re:test(@id, '…') or re:test(@class, '…')][ not(self::ol or self::ul) or re:test(@id, '…') or "
    "re:test(@class, '…')]"
)


@functools.cache
def comment_lists() -> list[Callable[[Any], list[Any]]]:
    """trafilatura's ``REMOVE_COMMENTS_AND_LISTS_XPATH`` (a raw-tree prune of comment sections,
    :func:`kliping.clean.maintext._raw_pruned`) as a walk, or itself when of another shape."""
    from trafilatura.xpaths import REMOVE_COMMENTS_AND_LISTS_XPATH as own

    shapes = [_shape(x.path) for x in own]
    if [s for s, _rx in shapes] != [_COMMENT_LISTS]:
        return own
    ids, classes, list_ids, list_classes = map(_memo, shapes[0][1])

    def walk(tree: Any) -> list[Any]:
        out = []
        for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
            eid, cls = el.get("id") or "", el.get("class") or ""
            if (ids(eid) or classes(cls)) and (
                el.tag not in ("ol", "ul") or list_ids(eid) or list_classes(cls)
            ):
                out.append(el)
        return out

    return [walk]
