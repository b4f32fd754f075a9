"""What every loopback server of kliping's tests, demo and benchmarks shares.

A :class:`LocalServer` is a ``ThreadingHTTPServer`` on a loopback address in a daemon thread: a
context manager (or ``start()``/``stop()``), silent, with per-URL hit counts, and the mirror map
that makes a crawl see real URLs (``http://127.0.0.1:PORT/<host>/<path>`` answers
``https://<host>/<path>``; see :mod:`kliping.testing.mirror`). A subclass says only what it
serves, in :meth:`LocalServer.handler`, whose request handlers derive from :class:`QuietHandler`.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing (tests and the demo must not spam stderr)."""

    def send(self, status: int, body: bytes, content_type: str,
             headers: Mapping[str, str] | Iterable[tuple[str, str]] = (), *, with_body: bool = True) -> None:
        """One whole response: status, Content-Type, Content-Length, ``headers``, then the body."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        items = headers.items() if isinstance(headers, Mapping) else headers
        for name, value in items:
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server API)
        pass


class LocalServer:
    """A loopback HTTP server in a daemon thread; subclasses implement :meth:`handler`."""

    thread_name = "kliping-local-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.bind = (host, port)
        self.port = port
        self.hits: Counter[str] = Counter()  # requests per real URL
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- what a subclass provides -----------------------------------------------------------------
    def handler(self) -> type[BaseHTTPRequestHandler]:
        raise NotImplementedError

    def make_httpd(self, address: tuple[str, int],
                   handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
        """The server object; a subclass may return its own ``ThreadingHTTPServer`` subclass."""
        return ThreadingHTTPServer(address, handler)

    # -- shared -----------------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"http://{self.bind[0]}:{self.port}"

    def mirror_of(self, hosts: Iterable[str]) -> dict[str, str]:
        """The ``KLIPING_MIRROR`` / ``--mirror`` map serving ``hosts`` from this server."""
        return {host: f"{self.origin}/{host}" for host in sorted(set(hosts))}

    def count(self, url: str) -> int:
        """Count one request of ``url``; returns how many it has had (1-based)."""
        with self._lock:
            self.hits[url] += 1
            return self.hits[url]

    def start(self) -> Self:
        if self._httpd is not None:
            return self
        self._httpd = self.make_httpd(self.bind, self.handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        name=f"{self.thread_name}-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


class RoutesServer(LocalServer):
    """Serves whatever :meth:`lookup` finds for a real URL; robots.txt allows all; else 404."""

    not_found = b"<html><body>404 Halaman tidak ditemukan</body></html>"

    def lookup(self, url: str) -> tuple[str, bytes] | None:
        """(content type, body) of ``url``, or None."""
        raise NotImplementedError

    def handler(self) -> type[QuietHandler]:
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                host, _, rest = self.path.lstrip("/").partition("/")
                url = f"https://{host}/{rest}"
                server.count(url)
                found = server.lookup(url)
                if found is not None:
                    self.send(200, found[1], found[0])
                elif rest.split("?")[0] == "robots.txt":
                    self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                else:
                    self.send(404, server.not_found, "text/html; charset=utf-8")

        return Handler
