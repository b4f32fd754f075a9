"""The frontier's encoding: JSON, never pickle (``dumps``/``loads``, as scrapy-redis expects).

scrapy-redis pickles each queued request; anyone who could write to the Redis server could then
run code on every worker (a pickle's ``__reduce__`` runs when it is loaded). kliping's frontier
holds ``Request.to_dict()`` as JSON instead, with the few kinds of value JSON lacks tagged:

- ``{"$b": base64}`` bytes (a body, header names and values, cookies),
- ``{"$t": [...]}`` a tuple (the pages of a multi-page article: ``(url, text)`` pairs),
- ``{"$d": [[key, value], ...]}`` a dict whose keys are not all plain strings (headers),
- ``{"$date": "YYYY-MM-DD"}`` a day (a date index's ``day``),
- ``{"$source": {...}}`` a listing's :class:`kliping.sites.base.Source`.

Anything else (an object a custom middleware put in ``meta``, a float NaN) is refused when the
request is queued (:class:`Unkeepable`, naming where the value sits) rather than dropped from
the request without a word. ``loads`` accepts only that shape: a request dict with its known
keys and kinds, a callback that is a public method name, a request class of ``scrapy.http``;
anything else (an old pickled entry, junk, a pickle built to run code) raises ``ValueError`` and
is never unpickled or imported.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import fields
from datetime import date, datetime
from typing import Any

VERSION = 1
MAX_DEPTH = 40  # deeper nesting is no request kliping queues: refused, not a RecursionError
_KINDS = {  # what each key of Request.to_dict() may hold once decoded
    "url": (str,), "callback": (str, type(None)), "errback": (str, type(None)), "method": (str,),
    "headers": (dict,), "body": (bytes,), "cookies": (dict, list), "meta": (dict,),
    "encoding": (str,), "priority": (int,), "dont_filter": (bool,), "flags": (list,),
    "cb_kwargs": (dict,), "_class": (str,),
}
_TAGS = ("$b", "$t", "$d", "$date", "$source")


class Unkeepable(TypeError):
    """A request holds a value the frontier's JSON cannot keep (raised by ``dumps``)."""


def _source_type() -> type:
    from kliping.sites.base import Source

    return Source


def _encode(value: Any, where: str, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise Unkeepable(f"{where}: nested more than {MAX_DEPTH} deep")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Unkeepable(f"{where}: {value!r} is no JSON number")
        return value
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return [_encode(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
    if isinstance(value, tuple):
        return {"$t": [_encode(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: _encode(v, f"{where}[{k!r}]", depth + 1) for k, v in value.items()}
        return {"$d": [[_encode(k, f"{where} key", depth + 1), _encode(v, f"{where}[{k!r}]", depth + 1)]
                       for k, v in value.items()]}
    if isinstance(value, date) and not isinstance(value, datetime):
        return {"$date": value.isoformat()}
    if type(value) is _source_type():
        return {"$source": {f.name: _encode(getattr(value, f.name), f"{where}.{f.name}", depth + 1)
                            for f in fields(value)}}
    raise Unkeepable(f"{where} holds a {type(value).__module__}.{type(value).__qualname__}, "
                     "which the shared frontier (JSON) cannot keep")


def _decode(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} deep")
    if isinstance(value, list):
        return [_decode(v, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    tagged = [k for k in value if k.startswith("$")]
    if not tagged:
        return {k: _decode(v, depth + 1) for k, v in value.items()}
    if len(value) != 1 or tagged[0] not in _TAGS:
        raise ValueError(f"unknown tag {tagged[0][:40]!r}")
    tag, inner = tagged[0], value[tagged[0]]
    if tag == "$b":
        if not isinstance(inner, str):
            raise ValueError("$b: not base64 text")
        try:
            return base64.b64decode(inner, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"$b: {exc}") from None
    if tag == "$t":
        if not isinstance(inner, list):
            raise ValueError("$t: not a list")
        return tuple(_decode(v, depth + 1) for v in inner)
    if tag == "$d":
        if not isinstance(inner, list) or not all(isinstance(p, list) and len(p) == 2 for p in inner):
            raise ValueError("$d: not a list of pairs")
        out = {}
        for k, v in inner:
            key = _decode(k, depth + 1)
            if not isinstance(key, (str, bytes, int, float, bool, type(None))):
                raise ValueError("$d: a key that is not text, bytes or a number")
            out[key] = _decode(v, depth + 1)
        return out
    if tag == "$date":
        if not isinstance(inner, str):
            raise ValueError("$date: not text")
        return date.fromisoformat(inner)
    # $source: only the dataclass's own fields, each of the kind it declares
    from kliping.sites.base import SOURCE_KINDS

    source = _source_type()
    names = {f.name for f in fields(source)}
    if not isinstance(inner, dict) or not set(inner) <= names or inner.get("kind") not in SOURCE_KINDS:
        raise ValueError("$source: not a listing source")
    for name, kind in (("url", str), ("date_format", str), ("next_page_xpath", str),
                       ("first_page", int), ("max_pages", int)):
        if name in inner and (not isinstance(inner[name], kind) or isinstance(inner[name], bool)):
            raise ValueError(f"$source: {name} is not a {kind.__name__}")
    return source(**inner)


def dumps(obj: dict[str, Any]) -> bytes:
    """One queued request (``Request.to_dict()``) as JSON bytes; :class:`Unkeepable` naming the
    first value it cannot keep."""
    return json.dumps({"kliping_request": VERSION, "request": _encode(obj, "request")},
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def loads(data: bytes | str) -> dict[str, Any]:
    """The request dict of one frontier entry; ``ValueError`` for anything not of that shape."""
    if isinstance(data, bytes):
        if not data.lstrip()[:1] == b"{":  # a pickle (b"\x80\x04..."), junk: never parsed further
            raise ValueError("not a JSON request (an old pickled entry, or junk)")
        data = data.decode("utf-8")
    try:
        top = json.loads(data)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"not JSON: {exc}") from None
    if not isinstance(top, dict) or top.get("kliping_request") != VERSION or set(top) != {
            "kliping_request", "request"}:
        raise ValueError("not a kliping request entry")
    d = _decode(top["request"])
    if not isinstance(d, dict) or not isinstance(d.get("url"), str):
        raise ValueError("a request without a url")
    for key, value in d.items():
        kinds = _KINDS.get(key)
        if kinds is None:
            raise ValueError(f"unknown request key {key[:40]!r}")
        if not isinstance(value, kinds) or (key == "priority" and isinstance(value, bool)):
            raise ValueError(f"request {key}: a {type(value).__name__}")
    for key in ("callback", "errback"):
        name = d.get(key)
        if name is not None and (not name.isidentifier() or name.startswith("_")):
            raise ValueError(f"request {key}: {name[:40]!r} is no public method name")
    cls = d.get("_class")
    if cls is not None:
        # request_from_dict imports this path: only Scrapy's own request classes, checked
        # before anything is imported
        from scrapy import Request
        from scrapy.utils.misc import load_object

        if not cls.startswith("scrapy.http.") or not all(p.isidentifier() for p in cls.split(".")):
            raise ValueError(f"request class {cls[:80]!r} is not one of scrapy.http")
        try:
            loaded = load_object(cls)
        except (ImportError, NameError, AttributeError, ValueError) as exc:
            raise ValueError(f"request class {cls[:80]!r}: {exc}") from None
        if not (isinstance(loaded, type) and issubclass(loaded, Request)):
            raise ValueError(f"request class {cls[:80]!r} is no Request")
    return d
