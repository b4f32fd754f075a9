"""Serve a site's real URLs from a local server, below the engine.

The demo and the tests crawl fictional (or fixture copies of real) sites from a server on
127.0.0.1. Rewriting URLs in the spiders would make every layer see fake URLs; instead this
download handler maps ``https://<host>/<path>`` to ``<KLIPING_MIRROR[host]>/<path>`` only for the
wire, and hands the engine a response carrying the real URL. Spiders, robots.txt, redirects,
pipelines and the dataset all see the site's own URLs. Hosts not in the map are fetched normally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


def mirrored_url(url: str, mirror: dict[str, str]) -> str | None:
    """The local URL serving ``url``, or None when its host is not mirrored."""
    parts = urlsplit(url)
    base = mirror.get(parts.hostname or "")
    if base is None:
        return None
    path = parts.path or "/"
    return base.rstrip("/") + path + (f"?{parts.query}" if parts.query else "")


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.mirror: dict[str, str] = dict(crawler.settings.getdict("KLIPING_MIRROR"))

    async def download_request(self, request: Request) -> Response:
        local = mirrored_url(request.url, self.mirror) if self.mirror else None
        if local is None:
            return await super().download_request(request)
        response = await super().download_request(request.replace(url=local))
        return response.replace(url=request.url, request=request)
