"""The bundled offline sample: three fictional Indonesian news sites and the server for them.

Every host is under the reserved ``.example`` TLD and served from 127.0.0.1 only, through a path
prefix: ``http://127.0.0.1:PORT/<host>/<path>`` answers ``https://<host>/<path>``.
"""

from kliping.testing.sample import render_detakberita, render_kabarnusa, render_suarawarga
from kliping.testing.sample.broken import BROKEN
from kliping.testing.sample.content import HOSTS, SampleArticle, catalog
from kliping.testing.sample.server import SampleServer

#: per site: exact snippets that appear on its pages and must never appear in cleaned text.
PLANTED_BOILERPLATE: dict[str, tuple[str, ...]] = {
    "detakberita": render_detakberita.BOILERPLATE
    + tuple(sorted({f"({s.initials})" for s in render_detakberita._stories()})),
    "kabarnusa": render_kabarnusa.BOILERPLATE,
    "suarawarga": render_suarawarga.BOILERPLATE,
}

#: per site: the sources a crawl starts from, as ``(kind, url)``; kinds as in ``kliping sites``.
SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "detakberita": (
        ("news_sitemap", render_detakberita.NEWS_SITEMAP),
        ("date_index", "https://news.detakberita.example/indeks?date={date:%m/%d/%Y}&page={page}"),
    ),
    "kabarnusa": (
        ("news_sitemap", render_kabarnusa.NEWS_SITEMAP),
        ("date_index", "https://indeks.kabarnusa.example/?site=all&date={date:%Y-%m-%d}&page={page}"),
    ),
    "suarawarga": (
        ("feed", render_suarawarga.FEED),
        ("sitemap", render_suarawarga.SITEMAP),
    ),
}

#: per site: the article URL pattern a site definition should use (anything else is skipped).
ARTICLE_URL_PATTERNS: dict[str, str] = {
    "detakberita": r"^https://news\.detakberita\.example/berita/d-\d{7}/[a-z0-9-]+$",
    "kabarnusa": (
        r"^https://(?:nasional|regional)\.kabarnusa\.example/read/\d{4}/\d{2}/\d{2}/\d{8}/[a-z0-9-]+$"
    ),
    "suarawarga": r"^https://suarawarga\.example/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$",
}

__all__ = [
    "ARTICLE_URL_PATTERNS",
    "BROKEN",
    "HOSTS",
    "PLANTED_BOILERPLATE",
    "SOURCES",
    "SampleArticle",
    "SampleServer",
    "catalog",
]
