"""A hostile news site on 127.0.0.1 with switchable misbehaviours (issue 13).

A small WordPress-style site (robots.txt, a home page advertising its feed, ``/feed/``,
``/sitemap.xml`` and three articles) that the generic spider crawls like any unknown site, and
that a test can turn hostile one switch at a time. It serves any host name under a path prefix,
as the sample and fixture servers do: ``http://127.0.0.1:PORT/<host>/<path>`` answers
``https://<host>/<path>``, so a crawl with ``--mirror`` set to :meth:`HostileServer.mirror` sees
the site's own URLs. A request whose first path segment is not a mirrored host is answered for
the ``Host`` header instead (a literal ``http://127.0.0.2:PORT/…`` URL, say).

API (other test modules of tests/hostile/ import it)::

    with HostileServer() as site:                    # or site = HostileServer().start(); site.stop()
        site.set(robots="deny_all")                  # switch misbehaviours (fields of Misbehaviour)
        site.set(throttle={"*": (2, "1")})           # several at once, or one call each
        mirror = site.mirror("berita.example")       # {host: local base} for --mirror
        site.hits["https://berita.example/feed/"]    # GET requests per real URL
        site.times["https://berita.example/feed/"]   # time.monotonic() of each of them
        site.total_hits, site.connections            # all GETs; TCP connections accepted
        site.reset()                                 # well-behaved again, counters cleared

``HostileServer(host="127.0.0.2")`` binds another loopback address (Linux routes all of 127/8).
Every misbehaviour is bounded in time: a drip stops after ``max_seconds``, a server thread never
outlives :meth:`stop` by more than that.
"""

from __future__ import annotations

import gzip
import io
import socket
import struct
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from email.utils import formatdate
from functools import lru_cache
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kliping.testing.http import LocalServer, QuietHandler

# Articles of the well-behaved site: (path, title, ISO datetime, paragraphs).
ARTICLES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("/2025/03/10/warga-tanam-seribu-pohon-bakau/", "Warga Tanam Seribu Pohon Bakau",
     "2025-03-10T08:00:00+07:00",
     ("Ratusan warga pesisir menanam seribu bibit pohon bakau di sepanjang pantai utara desa.",
      "Kegiatan ini digelar bersama kelompok nelayan untuk menahan abrasi yang kian parah.",
      "Kepala desa berharap bibit yang ditanam dirawat bersama hingga tumbuh besar.")),
    ("/2025/03/10/pasar-rakyat-kembali-dibuka/", "Pasar Rakyat Kembali Dibuka",
     "2025-03-10T13:30:00+07:00",
     ("Pasar rakyat di pusat kecamatan kembali dibuka setelah direnovasi selama enam bulan.",
      "Para pedagang menempati kios baru yang lebih bersih dan tertata rapi.",
      "Pemerintah kecamatan menjamin sewa kios tidak naik hingga akhir tahun.")),
    ("/2025/03/11/lomba-perahu-hias-meriahkan-desa/", "Lomba Perahu Hias Meriahkan Desa",
     "2025-03-11T09:15:00+07:00",
     ("Lomba perahu hias kembali digelar di sungai desa dan diikuti dua puluh kelompok warga.",
      "Setiap perahu dihias dengan bahan daur ulang sesuai tema lingkungan tahun ini.",
      "Panitia menyiapkan hadiah berupa peralatan nelayan bagi tiga pemenang utama.")),
)
SINCE, UNTIL = "2025-03-10", "2025-03-11"  # the window that holds every article


@dataclass
class Misbehaviour:
    """What the site does wrong; the defaults are a well-behaved site.

    Paths are what follows the host (``/feed/``, ``/robots.txt``, with the query if any); ``"*"``
    in a per-path map stands for every path but ``/robots.txt``.
    """

    robots: str = "allow"  # "allow", "deny_all", or the whole robots.txt text
    robots_sitemaps: list[str] = field(default_factory=list)  # extra ``Sitemap:`` lines
    feed_links: list[str] = field(default_factory=list)  # extra feeds the home page advertises
    feed_items: list[str] = field(default_factory=list)  # extra item links in /feed/
    sitemap_entries: list[str] = field(default_factory=list)  # extra <url><loc> in the urlset
    # when set, /sitemap.xml is a sitemap index: the site's own /sitemap-posts.xml and these
    index_children: list[str] | None = None
    redirects: dict[str, str] = field(default_factory=dict)  # path -> Location (302)
    gzip_bombs: dict[str, int] = field(default_factory=dict)  # path -> decompressed size, as a .gz file
    encoded_bombs: dict[str, int] = field(default_factory=dict)  # path -> size, Content-Encoding: gzip
    drip: dict[str, float] = field(default_factory=dict)  # path -> seconds between single bytes
    resets: dict[str, int] = field(default_factory=dict)  # path -> first N requests reset (-1: all)
    # path -> (N, Retry-After[, status]): the first N requests are answered 429 (or status) with
    # that Retry-After: seconds ("2"), "@N" for an HTTP date N seconds ahead, None for no header
    throttle: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)  # path -> status (body unchanged)
    content_types: dict[str, str] = field(default_factory=dict)  # path -> Content-Type
    bodies: dict[str, bytes] = field(default_factory=dict)  # path -> body served instead
    # path -> a whole HTTP response (status line, headers, body) written as-is, then the
    # connection closed: lying Content-Lengths, broken headers, odd encodings
    raw: dict[str, bytes] = field(default_factory=dict)
    # path -> Content-Type of a body without Content-Length that never ends (64 KiB chunks as fast
    # as the client reads, until it hangs up or max_seconds pass)
    endless: dict[str, str] = field(default_factory=dict)
    # paths whose response headers never end (one more header line as fast as the client reads,
    # until it hangs up or max_seconds pass)
    endless_headers: set[str] = field(default_factory=set)
    max_seconds: float = 30.0  # a drip never lasts longer than this


def _pick(mapping: dict[str, Any], path: str) -> Any:
    if path in mapping:
        return mapping[path]
    if path != "/robots.txt" and "*" in mapping:
        return mapping["*"]
    return None


@lru_cache(maxsize=4)
def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzipped (about a thousandth of ``size`` on the wire)."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as f:
        chunk = b"\0" * (1 << 20)
        left = size
        while left > 0:
            f.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    return buf.getvalue()


def site_page(host: str, path: str, bad: Misbehaviour) -> tuple[int, bytes, str]:
    """The well-behaved page at ``https://host/path`` (the misbehaviours of content included)."""
    base = f"https://{host}"
    xml = "application/xml; charset=utf-8"
    if path == "/robots.txt":
        if bad.robots == "allow":
            text = "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n"
        elif bad.robots == "deny_all":
            text = "User-agent: *\nDisallow: /\n"
        else:
            text = bad.robots
        text += "".join(f"Sitemap: {u}\n" for u in bad.robots_sitemaps)
        return 200, text.encode(), "text/plain; charset=utf-8"
    if path == "/":
        links = [f"{base}/feed/", *bad.feed_links]
        head = "".join(
            f'<link rel="alternate" type="application/rss+xml" title="Feed" href="{escape(u)}">'
            for u in links
        )
        body = "".join(f'<li><a href="{base}{p}">{escape(t)}</a></li>' for p, t, _, _ in ARTICLES)
        return 200, (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
                     f"<title>Kabar Pesisir</title>{head}</head><body><h1>Kabar Pesisir</h1>"
                     f"<ul>{body}</ul></body></html>").encode(), "text/html; charset=utf-8"
    if path == "/feed/":
        items = "".join(f"<item><title>{escape(t)}</title><link>{base}{p}</link>"
                        f"<pubDate>{d}</pubDate></item>" for p, t, d, _ in ARTICLES)
        items += "".join(f"<item><title>Lain</title><link>{escape(u)}</link></item>"
                         for u in bad.feed_items)
        return 200, (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                     f"<title>Kabar Pesisir</title><link>{base}/</link>{items}</channel></rss>"
                     ).encode(), "application/rss+xml; charset=utf-8"
    urlset = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              + "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>"
                        for p, _, d, _ in ARTICLES)
              + "".join(f"<url><loc>{escape(u)}</loc></url>" for u in bad.sitemap_entries)
              + "</urlset>")
    if path == "/sitemap.xml" and bad.index_children is not None:
        children = [f"{base}/sitemap-posts.xml", *bad.index_children]
        return 200, ('<?xml version="1.0" encoding="UTF-8"?>'
                     '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     + "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in children)
                     + "</sitemapindex>").encode(), xml
    if path in ("/sitemap.xml", "/sitemap-posts.xml"):
        return 200, urlset.encode(), xml
    for p, title, stamp, paragraphs in ARTICLES:
        if path == p:
            paras = "".join(f"<p>{escape(x)}</p>" for x in paragraphs)
            return 200, (
                f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
                f"<title>{escape(title)} - Kabar Pesisir</title>"
                f'<meta property="og:title" content="{escape(title)}">'
                f'<meta property="article:published_time" content="{stamp}"></head>'
                f'<body><article><h1>{escape(title)}</h1><div class="entry-content">{paras}'
                f"</div></article></body></html>").encode(), "text/html; charset=utf-8"
    return 404, b"<html><body><h1>404</h1></body></html>", "text/html; charset=utf-8"


class HostileServer(LocalServer):
    """The hostile site on ``host`` (a loopback address), in a daemon thread."""

    thread_name = "hostile"

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host, port)
        self.bad = Misbehaviour()
        self.times: defaultdict[str, list[float]] = defaultdict(list)
        self.connections = 0
        self.hosts: set[str] = set()
        self._seen: Counter[str] = Counter()  # per path, for "the first N requests"

    # -- control ----------------------------------------------------------------------------------
    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())

    def mirror(self, *hosts: str) -> dict[str, str]:
        """The ``--mirror`` map serving ``hosts`` from this server (and remembering them)."""
        self.hosts.update(hosts)
        return self.mirror_of(hosts)

    def set(self, **changes: Any) -> HostileServer:
        """Switch misbehaviours on: keyword names are the fields of :class:`Misbehaviour`."""
        names = {f.name for f in fields(Misbehaviour)}
        unknown = set(changes) - names
        if unknown:
            raise TypeError(f"unknown misbehaviour(s): {sorted(unknown)}")
        with self._lock:
            for name, value in changes.items():
                setattr(self.bad, name, value)
        return self

    def reset(self) -> HostileServer:
        """Well-behaved again; every counter cleared."""
        with self._lock:
            self.bad = Misbehaviour()
            self.hits.clear()
            self.times.clear()
            self._seen.clear()
            self.connections = 0
        return self

    def make_httpd(self, address: tuple[str, int],
                   handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
        server = self

        class Httpd(ThreadingHTTPServer):
            def verify_request(self, request: Any, client_address: Any) -> bool:
                with server._lock:
                    server.connections += 1
                return True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # resets and broken pipes are the point here

        return Httpd(address, handler)

    # -- serving ----------------------------------------------------------------------------------
    def _route(self, raw_path: str, host_header: str) -> tuple[str, str]:
        """(host, path) of a request line: the mirror prefix, or the Host header."""
        first, _, rest = raw_path.lstrip("/").partition("/")
        if first in self.hosts:
            return first, "/" + rest
        return host_header.split(":")[0], raw_path

    def handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                host, path = server._route(self.path, self.headers.get("Host", ""))
                url = f"https://{host}{path}"
                with server._lock:
                    server.hits[url] += 1
                    server.times[url].append(time.monotonic())
                    server._seen[path] += 1
                    nth = server._seen[path]
                    bad = server.bad
                resets = _pick(bad.resets, path)
                if resets is not None and (resets < 0 or nth <= resets):
                    self._reset()
                    return
                throttle = _pick(bad.throttle, path)
                if throttle is not None and nth <= throttle[0]:
                    after = throttle[1]
                    if after is not None and after.startswith("@"):
                        after = formatdate(time.time() + float(after[1:]), usegmt=True)
                    extra = {"Retry-After": after} if after is not None else {}
                    code = throttle[2] if len(throttle) > 2 else 429
                    self.send(code, b"<html><body>Slow down</body></html>", "text/html", extra)
                    return
                if path in bad.raw:
                    self._raw(bad.raw[path])
                    return
                if path in bad.endless:
                    self._endless(bad.endless[path], bad.max_seconds)
                    return
                if path in bad.endless_headers:
                    self._endless_headers(bad.max_seconds)
                    return
                if path in bad.redirects:
                    self.send(302, b"", "text/html", {"Location": bad.redirects[path]})
                    return
                if path in bad.gzip_bombs:
                    self.send(200, gzip_bomb(bad.gzip_bombs[path]), "application/x-gzip")
                    return
                if path in bad.encoded_bombs:
                    self.send(200, gzip_bomb(bad.encoded_bombs[path]), "application/xml",
                               {"Content-Encoding": "gzip"})
                    return
                status, body, ctype = site_page(host, path.partition("#")[0], bad)
                status = _pick(bad.status, path) or status
                ctype = _pick(bad.content_types, path) or ctype
                body = _pick(bad.bodies, path) or body
                gap = _pick(bad.drip, path)
                if gap is not None:
                    self._drip(status, body, ctype, gap, bad.max_seconds)
                    return
                self.send(status, body, ctype)

            def _drip(self, status: int, body: bytes, ctype: str, gap: float,
                      max_seconds: float) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                deadline = time.monotonic() + max_seconds
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        if time.monotonic() > deadline:
                            break
                        time.sleep(gap)
                except OSError:
                    pass  # the client gave up: that is what a timeout looks like from here
                self.close_connection = True

            def _raw(self, response: bytes) -> None:
                try:
                    self.wfile.write(response)
                    self.wfile.flush()
                except OSError:
                    pass
                self.close_connection = True

            def _endless(self, ctype: str, max_seconds: float) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
                deadline = time.monotonic() + max_seconds
                try:
                    while time.monotonic() < deadline:
                        self.wfile.write(chunk)
                except OSError:
                    pass  # the client hung up
                self.close_connection = True

            def _endless_headers(self, max_seconds: float) -> None:
                deadline = time.monotonic() + max_seconds
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                    n = 0
                    while time.monotonic() < deadline:
                        self.wfile.write(b"".join(b"X-Kepala-%d: %s\r\n" % (n + i, b"k" * 200)
                                                  for i in range(256)))
                        n += 256
                except OSError:
                    pass  # the client hung up
                self.close_connection = True

            def _reset(self) -> None:
                # SO_LINGER 0: close() sends a TCP RST instead of a FIN
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True

        return Handler
