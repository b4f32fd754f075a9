"""A bound on the header section of a response (``KLIPING_HEADERS_MAXSIZE``, 256 KiB by default).

``DOWNLOAD_MAXSIZE`` bounds a body; nothing in Scrapy or Twisted bounds the headers before it.
Twisted's client parser keeps every header line of a response (only a single line is capped, at
16 KiB): a server that sends header lines and never the blank line ending them filled ~1 GB of the
crawl's memory in 15 s until ``DOWNLOAD_TIMEOUT`` (and a 50,000-header response was archived whole
in every raw row). :func:`install` wraps ``twisted.web._newclient.HTTPClientParser.dataReceived``
(Scrapy's lenient parser is a subclass, with its own ``lineReceived``) so that a response whose
bytes before the body pass the bound fails and its connection is dropped: Twisted's client protocol
turns the exception into a ``ResponseFailed`` of that request, which Scrapy retries and the spider
counts like any other download error. The bytes are counted a read at a time (64 KiB at most), so
a read that ends the headers and starts the body counts whole.
"""

from __future__ import annotations

from typing import Any

DEFAULT_MAXSIZE = 256 * 1024

_limit = DEFAULT_MAXSIZE


class HeadersTooLarge(Exception):
    """The response's header section passed ``KLIPING_HEADERS_MAXSIZE`` bytes."""


def install(limit: int = DEFAULT_MAXSIZE) -> None:
    """Bound every response's status line and headers to ``limit`` bytes, in this process (the
    latest limit wins; installing twice wraps once). ``limit <= 0`` turns the bound off."""
    global _limit
    from twisted.web import _newclient

    _limit = limit
    parser = _newclient.HTTPClientParser
    if getattr(parser.dataReceived, "kliping_bounded", False):
        return
    original = parser.dataReceived
    head_states = (_newclient.STATUS, _newclient.HEADER)

    def dataReceived(self: Any, data: bytes) -> None:  # noqa: N802 (Twisted API)
        if _limit > 0 and getattr(self, "state", None) in head_states:
            seen = self.__dict__.get("_kliping_head_bytes", 0) + len(data)
            self._kliping_head_bytes = seen
            if seen > _limit:
                raise HeadersTooLarge(f"response headers over {_limit} bytes (KLIPING_HEADERS_MAXSIZE)")
        original(self, data)

    dataReceived.kliping_bounded = True  # type: ignore[attr-defined]
    parser.dataReceived = dataReceived
