"""WARC files for the ingest and export tests, written with warcio from the bundled sample sites.

Besides the sample's article responses: a request record before each response, a revisit, a
metadata record, an image, a 404, a page of a domain outside the registry, a response stored as
the wire carried it (chunked and gzip-encoded, as Heritrix and ``wget --warc-file`` keep it), and
a way to cut a file short.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping.testing.sample import catalog
from kliping.testing.sample.server import respond

WARC_DATE = "2024-01-11T03:04:05Z"
USER_AGENT = "Mozilla/5.0 (compatible; arsip-test/1.0)"
OTHER_URL = "https://www.beritalain.example/2024/01/10/warga-menanam-pohon-di-tepi-sungai"


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


def sample_pages() -> list[Page]:
    """Every sample article as its server renders it (200s; the one unpublished page is a 404)."""
    out = []
    for a in catalog():
        p = respond(a.url)
        out.append(Page(a.url, p.body, p.status, p.content_type))
    return out


def other_domain_page() -> Page:
    words = " ".join(f"Warga desa menanam pohon di tepi sungai untuk menahan banjir {i}." for i in range(40))
    html = (f"<html><head><title>Warga menanam pohon</title></head><body><article><h1>Warga menanam "
            f"pohon</h1><p>{words}</p><p>{words}</p></article></body></html>")
    return Page(OTHER_URL, html.encode())


def variant(page: Page, n: int) -> Page:
    """The page under another URL (its own links rewritten too): a distinct article."""
    url = f"{page.url.rstrip('/')}-v{n}"
    return Page(url, page.body.replace(page.url.encode(), url.encode()), page.status, page.content_type)


def _http(status: int, headers: list[tuple[str, str]]) -> StatusAndHeaders:
    return StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}", headers,
                            protocol="HTTP/1.1")


def write_warc(path: Path, pages: list[Page], *, extras: bool = True, date: str = WARC_DATE,
               compress: bool | None = None, request_after: bool = False) -> Path:
    """A WARC of ``pages`` (request + response each); ``extras`` adds the records not to keep.

    The request record comes before its response, as ``wget --warc-file`` and Common Crawl
    write them, or with ``request_after`` after it, ``WARC-Concurrent-To`` the response, as
    Heritrix does.
    """
    compress = path.name.endswith(".gz") if compress is None else compress
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=compress, warc_version="1.1")
        w.write_record(w.create_warcinfo_record(path.name, {"software": "kliping tests"}))
        for p in pages:
            target = "/" + p.url.split("/", 3)[3]
            req_headers = [("Host", p.url.split("/")[2]), ("User-Agent", USER_AGENT),
                           ("Accept-Language", "id-ID,id;q=0.9"), ("Cookie", "sesi=rahasia")]
            req = w.create_warc_record(p.url, "request", payload=io.BytesIO(b""), length=0,
                                       http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1",
                                                                     req_headers, is_http_request=True),
                                       warc_headers_dict={"WARC-Date": date})
            rec = w.create_warc_record(p.url, "response", payload=io.BytesIO(p.body), length=len(p.body),
                                       http_headers=_http(p.status, [("Content-Type", p.content_type)]),
                                       warc_headers_dict={"WARC-Date": date})
            if request_after:
                req.rec_headers.add_header("WARC-Concurrent-To", rec.rec_headers.get_header("WARC-Record-ID"))
                w.write_record(rec)
                w.write_record(req)
            else:
                w.write_record(req)
                w.write_record(rec)
        if extras and pages:
            first = pages[0]
            w.write_record(w.create_warc_record(
                first.url, "metadata", payload=io.BytesIO(b"via: test\r\n"), length=11,
                warc_content_type="application/warc-fields", warc_headers_dict={"WARC-Date": date}))
            w.write_record(w.create_revisit_record(
                first.url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=first.url,
                refers_to_date=date, http_headers=_http(200, [("Content-Type", "text/html")])))
            img = first.url.rsplit("/", 1)[0] + "/foto.jpg"
            w.write_record(w.create_warc_record(
                img, "response", payload=io.BytesIO(b"\xff\xd8\xff\xe0" + b"\0" * 500), length=504,
                http_headers=_http(200, [("Content-Type", "image/jpeg")]),
                warc_headers_dict={"WARC-Date": date}))
            missing = first.url + "-tidak-ada"
            w.write_record(w.create_warc_record(
                missing, "response", payload=io.BytesIO(b"<html><body>404</body></html>"), length=29,
                http_headers=_http(404, [("Content-Type", "text/html")]),
                warc_headers_dict={"WARC-Date": date}))
            other = other_domain_page()
            w.write_record(w.create_warc_record(
                other.url, "response", payload=io.BytesIO(other.body), length=len(other.body),
                http_headers=_http(200, [("Content-Type", other.content_type)]),
                warc_headers_dict={"WARC-Date": date}))
    return path


def write_wire_warc(path: Path, page: Page, url: str, date: str = WARC_DATE) -> Path:
    """One response as sent on the wire: gzip content encoding inside chunked transfer encoding."""
    enc = gzip.compress(page.body)
    pieces = [enc[i:i + 700] for i in range(0, len(enc), 700)]
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces)
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True, warc_version="1.1")
        w.write_record(w.create_warc_record(
            url, "response", payload=io.BytesIO(block), length=len(block),
            warc_content_type="application/http; msgtype=response",
            warc_headers_dict={"WARC-Date": date}))
    return path


def truncate(path: Path, keep_fraction: float = 0.6) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep_fraction)])
    return path


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """``root`` over HTTP on 127.0.0.1 (a Common Crawl mirror); yields the base URL."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
