"""The planted broken cases of the sample, by kind."""

from __future__ import annotations

from kliping.testing.sample.content import stories
from kliping.testing.sample.render_detakberita import NOT_FOUND_URL
from kliping.testing.sample.render_suarawarga import TAG_URL


def _flagged(site: str, flag: str) -> str:
    (url,) = [s.a.url for s in stories()[site] if flag in s.a.flags]
    return url


BROKEN: dict[str, str] = {
    # listed in https://news.detakberita.example/sitemap_news.xml, answers 404
    "not_found": NOT_FOUND_URL,
    # a kabarnusa article: 500 on the first request to a server instance, 200 afterwards
    "flaky_500": _flagged("kabarnusa", "flaky500"),
    # listed in https://suarawarga.example/post_tag-sitemap.xml (via the sitemap index)
    "non_article": TAG_URL,
    # a suarawarga article served as text/html; charset=windows-1252
    "cp1252": _flagged("suarawarga", "cp1252"),
}
