"""The bundled offline sample: its server, sources, planted broken cases and catalog."""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

import pytest

from kliping.testing.sample import (
    ARTICLE_URL_PATTERNS,
    BROKEN,
    HOSTS,
    PLANTED_BOILERPLATE,
    SampleServer,
    catalog,
)
from kliping.testing.sample.server import respond

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
DAYS = [dt.date(2024, 1, 5) + dt.timedelta(days=n) for n in range(6)]
OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


@pytest.fixture(scope="module")
def server() -> Iterator[SampleServer]:
    with SampleServer() as running:
        yield running


def local(server: SampleServer, url: str) -> str:
    return f"{server.origin}/{url.removeprefix('https://')}"


def fetch(server: SampleServer, url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(local(server, url), timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def get_text(server: SampleServer, url: str) -> str:
    status, _, body = fetch(server, url)
    assert status == 200, url
    return body.decode("utf-8")


def hrefs(markup: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', markup)]


def sitemap_urls(server: SampleServer, url: str) -> list[str]:
    root = ET.fromstring(fetch(server, url)[2])
    if root.tag == f"{SITEMAP_NS}sitemapindex":
        return [
            found for loc in root.iter(f"{SITEMAP_NS}loc") for found in sitemap_urls(server, loc.text or "")
        ]
    return [loc.text or "" for loc in root.iter(f"{SITEMAP_NS}loc")]


def index_urls(server: SampleServer, first_page: str, item: str) -> list[str]:
    """Article links of a date index, following rel="next" pagination."""
    found, url, seen = [], first_page, set()
    while url and url not in seen:
        seen.add(url)
        markup = get_text(server, url)
        found += [html.unescape(u) for u in re.findall(item, markup)]
        nxt = re.search(r'<a class="[^"]*next"[^>]* rel="next" href="([^"]+)"', markup) or re.search(
            r'<a class="next" rel="next" href="([^"]+)"', markup
        )
        url = html.unescape(nxt.group(1)) if nxt else ""
    return found


def test_mirror_maps_every_host(server: SampleServer) -> None:
    assert server.origin == f"http://127.0.0.1:{server.port}"
    assert server.mirror() == {h: f"{server.origin}/{h}" for h in HOSTS}
    assert all(host.endswith(".example") for host in HOSTS)


@pytest.mark.parametrize("host", HOSTS)
def test_robots_allows_all(server: SampleServer, host: str) -> None:
    status, headers, body = fetch(server, f"https://{host}/robots.txt")
    text = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in text and "Allow: /" in text and "Disallow: /" not in text
    assert re.search(r"^Sitemap: https://\S+\.example/\S+$", text, re.M)


def test_detakberita_news_sitemap(server: SampleServer) -> None:
    status, headers, body = fetch(server, "https://news.detakberita.example/sitemap_news.xml")
    assert status == 200 and "xml" in headers["Content-Type"]
    root = ET.fromstring(body)
    dates = [d.text or "" for d in root.iter(f"{NEWS_NS}publication_date")]
    assert 10 <= len(dates) <= 12 and all(d.endswith("+07:00") for d in dates)
    assert BROKEN["not_found"] in sitemap_urls(server, "https://news.detakberita.example/sitemap_news.xml")


def test_detakberita_index_paginates(server: SampleServer) -> None:
    first = get_text(server, "https://news.detakberita.example/indeks?date=01/08/2024&page=1")
    assert first.count('class="list-content__item"') == 5
    assert (
        'class="next" rel="next" href="https://news.detakberita.example/indeks?date=01/08/2024&amp;page=2"'
        in first
    )
    second = get_text(server, "https://news.detakberita.example/indeks?page=2&date=01/08/2024")
    assert second.count('class="list-content__item"') == 2 and 'rel="next"' not in second
    empty = get_text(server, "https://news.detakberita.example/indeks?date=12/01/2023&page=1")
    assert 'class="list-content__item"' not in empty


def test_kabarnusa_sources(server: SampleServer) -> None:
    listed = sitemap_urls(server, "https://www.kabarnusa.example/sitemap-news.xml")
    assert set(listed) == {a.url for a in catalog() if a.site == "kabarnusa"}
    page1 = get_text(server, "https://indeks.kabarnusa.example/?site=all&date=2024-01-08&page=1")
    assert page1.count('class="article__list clearfix"') == 10 and 'rel="next"' in page1
    page2 = get_text(server, "https://indeks.kabarnusa.example/?site=all&date=2024-01-08&page=2")
    assert page2.count('class="article__list clearfix"') == 1


def test_suarawarga_feed_and_sitemap(server: SampleServer) -> None:
    status, headers, body = fetch(server, "https://suarawarga.example/feed/")
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(body).findall("./channel/item")
    assert len(items) == 10
    for item in items:
        assert parsedate_to_datetime(item.findtext("pubDate") or "").utcoffset() == dt.timedelta(hours=9)
    urls = sitemap_urls(server, "https://suarawarga.example/sitemap.xml")
    assert BROKEN["non_article"] in urls
    assert {a.url for a in catalog() if a.site == "suarawarga"} <= set(urls)


def test_every_article_is_reachable_from_a_source(server: SampleServer) -> None:
    found: dict[str, set[str]] = {"detakberita": set(), "kabarnusa": set(), "suarawarga": set()}
    found["detakberita"] |= set(sitemap_urls(server, "https://news.detakberita.example/sitemap_news.xml"))
    found["kabarnusa"] |= set(sitemap_urls(server, "https://www.kabarnusa.example/sitemap-news.xml"))
    found["suarawarga"] |= set(sitemap_urls(server, "https://suarawarga.example/sitemap.xml"))
    feed = ET.fromstring(fetch(server, "https://suarawarga.example/feed/")[2])
    found["suarawarga"] |= {link.text or "" for link in feed.iter("link")}
    for day in DAYS:
        found["detakberita"] |= set(
            index_urls(
                server,
                f"https://news.detakberita.example/indeks?date={day:%m/%d/%Y}&page=1",
                r'<h3 class="media__title"><a href="([^"]+)"',
            )
        )
        found["kabarnusa"] |= set(
            index_urls(
                server,
                f"https://indeks.kabarnusa.example/?site=all&date={day:%Y-%m-%d}&page=1",
                r'<a class="article__link" href="([^"]+)"',
            )
        )
    for article in catalog():
        assert article.url in found[article.site], article.url
        assert re.match(ARTICLE_URL_PATTERNS[article.site], article.url), article.url
    # the planted traps are listed too, and only the non-article one escapes the article patterns
    everything = set().union(*found.values())
    assert BROKEN["not_found"] in everything and BROKEN["non_article"] in everything
    for site, urls in found.items():
        pattern = re.compile(ARTICLE_URL_PATTERNS[site])
        articles = {u for u in urls if pattern.match(u)} - {BROKEN["not_found"]}
        assert articles == {a.url for a in catalog() if a.site == site}
    assert not any(re.match(p, BROKEN["non_article"]) for p in ARTICLE_URL_PATTERNS.values())
    gallery = [u for u in found["detakberita"] if "/foto-news/" in u]
    assert gallery and not re.match(ARTICLE_URL_PATTERNS["detakberita"], gallery[0])


ALWAYS_PLANTED = {
    "detakberita": ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Baca juga:", "- detakNews"),
    "kabarnusa": ("KABARNUSA.com", "Baca juga:", "WhatsApp Channel", "Kabarnusa.com -"),
    "suarawarga": ("suarawarga.example –", "Baca juga:", "Tinggalkan Balasan", "Berita Terbaru"),
}


@pytest.mark.parametrize("site", ["detakberita", "kabarnusa", "suarawarga"])
def test_one_article_per_site(server: SampleServer, site: str) -> None:
    article = next(a for a in catalog() if a.site == site and set(a.flags) <= {"no_jsonld"} and a.pages == 1)
    status, headers, body = fetch(server, article.url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = html.unescape(body.decode())
    assert article.title in page
    for paragraph in article.paragraphs:
        assert paragraph in page
    assert f'rel="canonical" href="{article.url}"' in page
    for snippet in ALWAYS_PLANTED[site]:
        assert snippet in page, snippet
        assert snippet in PLANTED_BOILERPLATE[site]


def test_planted_boilerplate_appears_on_pages_and_never_in_true_text() -> None:
    pages: dict[str, str] = {"detakberita": "", "kabarnusa": "", "suarawarga": ""}
    for article in catalog():
        variant = {"detakberita": "?page=1", "kabarnusa": "?page=1"}.get(article.site, "")
        for url in (article.url, article.url + variant):
            page = respond(url, attempt=2)
            charset = "cp1252" if "cp1252" in article.flags else "utf-8"
            pages[article.site] += html.unescape(page.body.decode(charset))
        for snippet in PLANTED_BOILERPLATE[article.site]:
            for paragraph in article.paragraphs:
                assert snippet not in paragraph, (article.url, snippet)
            assert snippet not in article.title
    for site, snippets in PLANTED_BOILERPLATE.items():
        for snippet in snippets:
            assert snippet in pages[site], (site, snippet)


def test_not_found(server: SampleServer) -> None:
    assert fetch(server, BROKEN["not_found"])[0] == 404
    assert fetch(server, "https://news.detakberita.example/berita/d-0000000/tidak-ada")[0] == 404


def test_unknown_host_is_404(server: SampleServer) -> None:
    with urllib.request.urlopen(f"{server.origin}/robots.txt", timeout=10) as response:
        assert b"Allow: /" in response.read()
    try:
        urllib.request.urlopen(f"{server.origin}/www.example.com/", timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 404
        error.close()
    else:
        pytest.fail("unknown host served")


def test_flaky_500_then_200() -> None:
    with SampleServer() as fresh:
        assert fetch(fresh, BROKEN["flaky_500"])[0] == 500
        status, _, body = fetch(fresh, BROKEN["flaky_500"])
        assert status == 200 and b"read__title" in body
        assert fresh.hits[BROKEN["flaky_500"]] == 2
    with SampleServer() as again:  # the counter is per server instance
        assert fetch(again, BROKEN["flaky_500"])[0] == 500


def test_cp1252_page(server: SampleServer) -> None:
    article = next(a for a in catalog() if a.url == BROKEN["cp1252"])
    status, headers, body = fetch(server, BROKEN["cp1252"])
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=windows-1252"
    assert "“" in "".join(article.paragraphs) and "é" in "".join(article.paragraphs)
    assert "“".encode("cp1252") in body and "é".encode("cp1252") in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = html.unescape(body.decode("cp1252"))
    assert all(p in text for p in article.paragraphs)


def test_detakberita_multipage(server: SampleServer) -> None:
    article = next(a for a in catalog() if a.site == "detakberita" and a.pages > 1)
    first = html.unescape(get_text(server, article.url))
    assert "Halaman selanjutnya" in first and f"{article.url}?page=2" in hrefs(first)
    assert article.paragraphs[0] in first and article.paragraphs[-1] not in first
    second = html.unescape(get_text(server, f"{article.url}?page=2"))
    assert article.paragraphs[-1] in second and article.paragraphs[0] not in second
    single = html.unescape(get_text(server, f"{article.url}?single=1"))
    assert all(p in single for p in article.paragraphs) and "Halaman selanjutnya" not in single
    assert fetch(server, f"{article.url}?page=3")[0] == 404


def test_kabarnusa_page_all(server: SampleServer) -> None:
    multi = [a for a in catalog() if a.site == "kabarnusa" and a.pages > 1]
    assert {a.pages for a in multi} >= {2, 3}
    for article in multi:
        first = html.unescape(get_text(server, article.url))
        assert "Halaman all" in first and f"{article.url}?page=all" in hrefs(first)
        assert article.paragraphs[-1] not in first
        last = html.unescape(get_text(server, f"{article.url}?page={article.pages}"))
        assert article.paragraphs[-1] in last
        whole = html.unescape(get_text(server, f"{article.url}?page=all"))
        assert all(p in whole for p in article.paragraphs)
        assert whole.count("KABARNUSA.com</strong> -") == 1


def test_suarawarga_redirects_missing_slash(server: SampleServer) -> None:
    article = next(a for a in catalog() if a.site == "suarawarga")
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(local(server, article.url.rstrip("/")), timeout=10)
    assert caught.value.code == 301
    # the Location is the real URL: the crawler's mirror maps it, like any other request
    assert caught.value.headers["Location"] == article.url
    caught.value.close()
    with urllib.request.urlopen(local(server, article.url), timeout=10) as response:
        assert response.status == 200


def test_pages_are_deterministic_and_stay_on_sample_hosts() -> None:
    urls = [a.url for a in catalog()] + [
        "https://news.detakberita.example/sitemap_news.xml",
        "https://news.detakberita.example/indeks?date=01/08/2024&page=1",
        "https://www.kabarnusa.example/sitemap-news.xml",
        "https://indeks.kabarnusa.example/?site=all&date=2024-01-08&page=1",
        "https://suarawarga.example/feed/",
        "https://suarawarga.example/sitemap.xml",
        BROKEN["non_article"],
    ]
    for url in urls:
        page = respond(url, attempt=2)
        assert page.status == 200, url
        assert page == respond(url, attempt=3)
        markup = page.body.decode("cp1252" if url == BROKEN["cp1252"] else "utf-8")
        for host in re.findall(r'(?<![\w:])(?:href|src|content)="https?://([^/"]+)', markup):
            assert host in HOSTS, (url, host)
        for host in re.findall(r"<loc>https?://([^/<]+)", markup):
            assert host in HOSTS, (url, host)


def test_catalog_shape() -> None:
    articles = catalog()
    assert len(articles) >= 45
    assert len({a.url for a in articles}) == len(articles)
    assert len({a.title for a in articles}) == len(articles)
    assert len({a.paragraphs[0] for a in articles}) == len(articles)
    for site in ("detakberita", "kabarnusa", "suarawarga"):
        mine = [a for a in articles if a.site == site]
        assert len(mine) >= 15
        assert {a.published_date for a in mine} == set(DAYS)
    for a in articles:
        assert 4 <= len(a.paragraphs) <= 9, a.url
        assert a.published_at.utcoffset() == dt.timedelta(hours=OFFSETS[a.zone])
        assert a.published_at.date() == a.published_date
        assert a.authors and a.section and a.tags
        assert a.zone == {"detakberita": "WIB", "suarawarga": "WIT"}.get(
            a.site, "WITA" if "//regional." in a.url else "WIB"
        )
    assert sum("weekday_mismatch" in a.flags for a in articles) >= 2
    assert sum("no_jsonld" in a.flags for a in articles if a.site == "detakberita") >= 2


def test_weekday_mismatch_is_planted_in_the_body() -> None:
    days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    for a in catalog():
        if "weekday_mismatch" not in a.flags:
            continue
        match = re.search(r"(\w+) \((\d+)/(\d+)/(\d{4})\)", " ".join(a.paragraphs))
        assert match, a.url
        day = dt.date(int(match[4]), int(match[3]), int(match[2]))
        assert days[day.weekday()] != match[1]


def test_holding_back_later_stories_keeps_each_published_article_whole() -> None:
    """An article page linking to a story not published yet loses the link, never its own body
    (the sample once dropped every ``<article>`` that mentioned a held-back URL)."""
    cut = max(a.published_at for a in catalog()) - dt.timedelta(days=2)
    with SampleServer(published_until=cut) as server:
        hidden = server.unpublished()
        assert hidden
        for a in catalog():
            if a.published_at > cut or a.url in BROKEN.values():
                continue
            body = get_text(server, a.url)
            assert all(u not in body for u in hidden), a.url
            assert html.escape(a.paragraphs[1], quote=False)[:40] in body, a.url
