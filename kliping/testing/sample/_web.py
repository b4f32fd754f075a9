"""Small helpers shared by the site renderers: responses, escaping, listings."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


def e(text: str) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def html_page(markup: str, status: int = 200, charset: str = "utf-8") -> Page:
    body = markup.encode(charset, errors="xmlcharrefreplace")
    return Page(status, body, f"text/html; charset={charset}")


def xml_page(markup: str, content_type: str = "application/xml; charset=utf-8") -> Page:
    return Page(200, markup.encode("utf-8"), content_type)


def redirect(location: str, status: int = 301) -> Page:
    return Page(status, b"", "text/html; charset=utf-8", (("Location", location),))


def robots(*sitemaps: str) -> Page:
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return Page(200, ("\n".join(lines) + "\n").encode(), "text/plain; charset=utf-8")


def not_found(title: str = "Halaman tidak ditemukan") -> Page:
    markup = (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f"<title>404 - {e(title)}</title></head><body><h1>404</h1><p>{e(title)}</p>"
        "</body></html>\n"
    )
    return html_page(markup, status=404)


def server_error() -> Page:
    markup = (
        "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
        "<body><h1>Internal Server Error</h1><p>Silakan coba beberapa saat lagi.</p></body></html>\n"
    )
    return html_page(markup, status=500)


def json_ld(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def first_sentence(paragraph: str, limit: int = 160) -> str:
    sentence = paragraph.split(". ")[0].rstrip(".") + "."
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rsplit(" ", 1)[0] + "..."


def iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
