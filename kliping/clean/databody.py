"""The story from the page's data, when its HTML holds none (rule "body in the page's data").

A client-rendered page (a React, Next.js or Nuxt front end) sends a shell of markup and the story
as data for its script to draw: in ``<script id="__NEXT_DATA__" type="application/json">``, in
another JSON script, or in the JSON-LD ``articleBody``. Read as HTML, such a page has a header, a
loading skeleton and a comment prompt, and the story was lost ("no article body found"). This
module is asked only then (:func:`kliping.clean.pipeline.clean`), so a page whose markup holds its
story never pays for it, and its answer can only turn a lost page into one with a body.

What counts as the story, in that data (the candidate with the most prose wins):

- a list of paragraph blocks: the rich-text documents of the editors news front ends use
  (Slate's and ProseMirror's ``{"type": "paragraph", "nodes"/"content": [{"text": …}]}``,
  Portable Text's ``{"_type": "block", "children": […]}``, Contentful's ``nodeType``, Draft.js's
  ``{"type": "unstyled", "text": …}``, Editor.js's ``{"type": "paragraph", "data": {"text": …}}``),
  or a list of strings; two blocks of prose or more;
- a long string of prose (HTML or text) under a key that names a body (``articleBody``,
  ``body``, ``content``, ``html``, ``text``, ``story``…);
- a string that is itself JSON (a document stored as a string, as kumparan's) is read too.

Every input is bounded: scripts over :data:`MAX_SCRIPT` characters are skipped, the walk stops after
:data:`MAX_NODES` values, and nested JSON strings are read :data:`MAX_NESTING` levels deep.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from kliping.clean.metadata import PageMeta, _load_json

MAX_SCRIPT = 5_000_000  # characters of one script read as data
MAX_NODES = 300_000  # JSON values visited on one page
MAX_NESTING = 3  # JSON documents stored as strings inside JSON, read this deep
MIN_STORY = 200  # characters of prose below which a candidate is no story (two short paragraphs)
_PROSE = 40  # a paragraph block holds at least this many characters

# type names of paragraph blocks in the editors' documents
_BLOCK_TYPES = frozenset(
    ("paragraph", "p", "block", "text", "unstyled", "heading", "header", "quote", "blockquote",
     "list", "list-item", "listitem", "list_item", "bulleted-list", "numbered-list")  # fmt: skip
)
_TYPE_KEYS = ("type", "_type", "nodeType", "object", "kind", "blockType")
# keys whose strings are not the text a reader sees
_NOT_TEXT = frozenset(
    ("type", "_type", "nodeType", "object", "kind", "blockType", "id", "_id", "key", "_key", "url",
     "href", "src", "uri", "slug", "style", "class", "className", "marks", "markDefs", "format",
     "alt", "caption", "credit", "image", "thumbnail", "link", "target", "rel", "lang", "language",
     "createdAt", "updatedAt", "publishedAt", "date")  # fmt: skip
)
_BODY_KEY = re.compile(r"body|content|html|text|story|article|detail", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|<|$)")
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote")
_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.I)


def story_lines(page: PageMeta, title: str | None = None) -> list[str]:
    """The story's paragraphs from the page's data (JSON-LD, JSON scripts), or none.

    With the page's ``title``, a candidate must be that story's: it names at least half of the
    title's words of four letters or more (two at most asked), in its first 2,000 characters. A
    front end's data may hold the next story of an endless scroll, or a list of others; a video
    page with no text of its own must not take another story's body."""
    words = _title_words(title)
    best: list[str] = []
    budget = [MAX_NODES]
    article_body = page.ld("articleBody")
    if isinstance(article_body, str):
        best = _better(best, _string_lines(article_body), words)
    for el in page.data_scripts:  # (read before the body's steps pruned the page's scripts)
        text = el.text or ""
        if not text.strip() or len(text) > MAX_SCRIPT:
            continue
        data = _load_json(text)
        if data is not None:
            best = _better(best, _from_data(data, budget, MAX_NESTING, words), words)
    return best if _prose_len(best) >= MIN_STORY else []


_WORD = re.compile(r"\w{4,}")


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(title or ""))


def _of_story(lines: list[str], words: frozenset[str]) -> bool:
    if not words:
        return True
    head = {w.casefold() for w in _WORD.findall(" ".join(lines)[:2000])}
    return len(words & head) >= min(2, (len(words) + 1) // 2)


def _prose_len(lines: list[str]) -> int:
    return sum(len(x) for x in lines if len(x) >= _PROSE)


def _better(a: list[str], b: list[str], words: frozenset[str]) -> list[str]:
    return b if _prose_len(b) > _prose_len(a) and _of_story(b, words) else a


def _from_data(data: Any, budget: list[int], nesting: int, words: frozenset[str]) -> list[str]:
    """The best candidate in one JSON document (an explicit stack: no recursion on hostile depth)."""
    best: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and budget[0] > 0:
        value, key = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            stack.extend((v, k) for k, v in value.items() if isinstance(v, dict | list | str))
        elif isinstance(value, list):
            if len(value) >= 2:
                best = _better(best, _block_list(value, budget), words)
            stack.extend((v, key) for v in value if isinstance(v, dict | list | str))
        elif isinstance(value, str) and len(value) >= MIN_STORY:
            head = value.lstrip()[:1]
            if head in ("{", "[") and nesting > 0 and len(value) <= MAX_SCRIPT:
                inner = _load_json(value)
                if inner is not None:
                    best = _better(best, _from_data(inner, budget, nesting - 1, words), words)
                    continue
            if _BODY_KEY.search(key):
                best = _better(best, _string_lines(value), words)
    return best


def _block_list(items: list[Any], budget: list[int]) -> list[str]:
    """A list of paragraph blocks (or of strings) as lines; none if it is not one."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            text = item
        elif isinstance(item, dict) and _is_block(item):
            text = _leaf_text(item, budget)
        else:
            return []
        text = " ".join(text.split())
        if text:
            lines.append(text)
    if sum(1 for x in lines if len(x) >= _PROSE and " " in x) < 2:
        return []
    if any(_HTML_BLOCK.search(x) for x in lines):
        return [y for x in lines for y in _string_lines(x)]
    return lines


def _is_block(item: dict) -> bool:
    for k in _TYPE_KEYS:
        v = item.get(k)
        if isinstance(v, str):
            v = v.lower()
            return v in _BLOCK_TYPES or "paragraph" in v or v.startswith(("heading", "header-"))
    return False


def _leaf_text(item: Any, budget: list[int]) -> str:
    """The text a reader sees in one block: its string leaves in order, metadata keys left out."""
    out: list[str] = []
    stack: list[Any] = [item]
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            stack.extend(reversed([v for k, v in value.items() if k not in _NOT_TEXT]))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return "".join(out)


def _string_lines(value: str) -> list[str]:
    """A body given as one string: its HTML's blocks, or its lines; prose only (sentences)."""
    if len(_SENTENCE_END.findall(value[:20_000])) < 3:
        return []
    if _HTML_BLOCK.search(value):
        try:
            frag = lxml.html.fragment_fromstring(value, create_parent="div")
        except (ValueError, etree.ParserError):
            return []
        for br in frag.iter("br"):
            br.tail = "\n" + (br.tail or "")
        blocks = [el for el in frag.iter(*_BLOCKS) if next(el.iterancestors(*_BLOCKS), None) is None]
        texts = [b.text_content() for b in blocks] if blocks else frag.text_content().split("\n")
    else:
        texts = value.split("\n")
    return [t for t in (" ".join(x.split()) for x in texts) if t]
