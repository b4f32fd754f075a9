"""The HTTP server of the offline sample: every fictional host under a path prefix.

``http://127.0.0.1:PORT/<host>/<path>?<query>`` answers the page at ``https://<host>/<path>?<query>``.
Standard library only; it binds 127.0.0.1 and runs in a daemon thread.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

from kliping.testing.http import LocalServer, QuietHandler
from kliping.testing.sample import render_detakberita, render_kabarnusa, render_suarawarga
from kliping.testing.sample._web import Page, not_found, robots, server_error
from kliping.testing.sample.broken import BROKEN
from kliping.testing.sample.content import HOSTS, catalog

RENDERERS = (render_detakberita, render_kabarnusa, render_suarawarga)


def respond(url: str, attempt: int = 1) -> Page:
    """The page at a real sample URL; ``attempt`` counts requests to that URL so far (1-based)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if url.partition("?")[0] == BROKEN["flaky_500"] and attempt == 1:  # any variant, first time
        return server_error()
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    for renderer in RENDERERS:
        page = renderer.handle(host, parts.path or "/", query)
        if page is not None:
            return page
    return not_found()


class SampleServer(LocalServer):
    """Serves the sample sites on 127.0.0.1; a context manager."""

    thread_name = "kliping-sample-server"

    def __init__(self, port: int = 0, published_until: dt.datetime | None = None) -> None:
        super().__init__(port=port)
        #: "now" for the newsroom: articles published later are not out yet (404, unlisted).
        #: Move it forward between two crawls to publish new articles.
        self.published_until = published_until

    def mirror(self) -> dict[str, str]:
        return self.mirror_of(HOSTS)

    def unpublished(self) -> frozenset[str]:
        if self.published_until is None:
            return frozenset()
        return frozenset(a.url for a in catalog() if a.published_at > self.published_until)

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            server_version = "kliping-sample/1"
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                self._serve(with_body=True)

            def do_HEAD(self) -> None:  # noqa: N802
                self._serve(with_body=False)

            def _serve(self, with_body: bool) -> None:
                target = urlsplit(self.path)
                host, _, rest = target.path.lstrip("/").partition("/")
                if target.path == "/robots.txt":
                    # Scrapy asks the mirror's own origin; the per-host files sit under /<host>/
                    page = robots()
                elif host not in HOSTS:
                    page = not_found()
                else:
                    url = f"https://{host}/{rest}" + (f"?{target.query}" if target.query else "")
                    hidden = server.unpublished()
                    if f"https://{host}/{rest}" in hidden:
                        page = not_found()
                    else:
                        page = respond(url, server.count(url))
                        if hidden:
                            page = _unlist(page, hidden, listing=url.partition("?")[0] not in _ARTICLES)
                # a Location stays a real URL: the crawler maps it
                self.send(page.status, page.body, page.content_type, page.headers, with_body=with_body)

        return Handler


_ARTICLES = frozenset(a.url for a in catalog())
_BLOCKS = re.compile(rb"<(url|item|entry|article|li)\b.*?</\1>", re.S)


def _unlist(page: Page, hidden: frozenset[str], listing: bool = True) -> Page:
    """The page without entries pointing at articles that are not published yet: whole entries
    of a listing (sitemap ``<url>``, feed item, index ``<article>`` teaser), only the links on an
    article page (whose own ``<article>`` may link to a later story: it stays)."""
    ctype = page.content_type
    if "xml" not in ctype and "html" not in ctype:
        return page
    marks = [u.encode() for u in hidden]

    def keep(match: re.Match[bytes]) -> bytes:
        return b"" if any(m in match.group(0) for m in marks) else match.group(0)

    body = _BLOCKS.sub(keep, page.body) if listing else page.body
    for m in marks:  # loose links outside a block
        body = re.sub(rb"<a\b[^>]*href=\"" + re.escape(m) + rb"[^\"]*\"[^>]*>.*?</a>", b"", body, flags=re.S)
    return Page(page.status, body, page.content_type, page.headers)
