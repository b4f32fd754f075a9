"""``detakberita``: a detik.com look-alike on news.detakberita.example (WIB)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kliping.testing.sample._web import (
    Page,
    e,
    first_sentence,
    html_page,
    iso,
    json_ld,
    not_found,
    robots,
    xml_page,
)
from kliping.testing.sample.content import BULAN_SINGKAT, DETAK_HOST, HARI, WIB, Story, stories

ORIGIN = f"https://{DETAK_HOST}"
NEWS_SITEMAP = f"{ORIGIN}/sitemap_news.xml"
INDEX_PER_PAGE = 5
NEWS_SITEMAP_SIZE = 10

#: listed in the news sitemap, answers 404 (the article was taken down).
NOT_FOUND_URL = f"{ORIGIN}/berita/d-7130099/artikel-ini-sudah-dihapus-redaksi"
#: a photo gallery listed on the date index; not an article (path /foto-news/, not /berita/).
GALLERY_URL = f"{ORIGIN}/foto-news/d-7130150/potret-banjir-rob-genangi-jalur-pantura-semarang"
GALLERY_AT = dt.datetime(2024, 1, 9, 13, 5, tzinfo=WIB)

BOILERPLATE = (
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Baca juga:",
    "Simak Video",
    "[Gambas:Video 20detik]",
    "Halaman selanjutnya",
    "Tampilkan semua",
    "Berita Terkait",
    "- detakNews",
    "Foto: ilustrasi",
    "Terpopuler",
    "All Rights Reserved",
)


def _stories() -> tuple[Story, ...]:
    return stories()["detakberita"]


def tanggal(moment: dt.datetime) -> str:
    """``Senin, 08 Jan 2024 14:30 WIB`` as detik prints it."""
    return (
        f"{HARI[moment.weekday()]}, {moment:%d} {BULAN_SINGKAT[moment.month - 1]} "
        f"{moment.year} {moment:%H:%M} WIB"
    )


def handle(host: str, path: str, query: Mapping[str, str]) -> Page | None:
    if host != DETAK_HOST:
        return None
    if path == "/robots.txt":
        return robots(NEWS_SITEMAP)
    if path == "/sitemap_news.xml":
        return _news_sitemap()
    if path == "/indeks":
        return _index(query)
    if f"{ORIGIN}{path}" == GALLERY_URL:
        return _gallery()
    for i, story in enumerate(_stories()):
        if story.path == path:
            return _article(i, story, query)
    return not_found()


def _news_sitemap() -> Page:
    latest = sorted(_stories(), key=lambda s: s.a.published_at, reverse=True)[:NEWS_SITEMAP_SIZE]
    entries = [(s.a.url, s.a.title, s.a.published_at) for s in latest]
    removed_at = dt.datetime(2024, 1, 9, 8, 0, tzinfo=latest[0].a.published_at.tzinfo)
    entries.insert(3, (NOT_FOUND_URL, "Artikel Ini Sudah Dihapus Redaksi", removed_at))
    urls = "\n".join(
        f"""<url>
 <loc>{e(url)}</loc>
 <news:news>
  <news:publication><news:name>detakNews</news:name><news:language>id</news:language></news:publication>
  <news:publication_date>{iso(when)}</news:publication_date>
  <news:title>{e(title)}</news:title>
 </news:news>
</url>"""
        for url, title, when in entries
    )
    return xml_page(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def index_url(day: dt.date, page: int = 1) -> str:
    return f"{ORIGIN}/indeks?date={day:%m/%d/%Y}&page={page}"


def _index(query: Mapping[str, str]) -> Page:
    try:
        day = dt.datetime.strptime(query.get("date", ""), "%m/%d/%Y").date()
        page = int(query.get("page", "1"))
    except ValueError:
        return not_found("Tanggal tidak valid")
    items = [(s.a.url, s.a.title, s.a.published_at) for s in _stories() if s.a.published_date == day]
    if day == GALLERY_AT.date():
        items.append((GALLERY_URL, "FOTO: Potret Banjir Rob Genangi Jalur Pantura Semarang", GALLERY_AT))
    items.sort(key=lambda item: item[2], reverse=True)
    pages = max(1, -(-len(items) // INDEX_PER_PAGE))
    shown = items[(page - 1) * INDEX_PER_PAGE : page * INDEX_PER_PAGE]
    rows = "\n".join(
        f"""<article class="list-content__item">
 <div class="media media--left media--image-radius block-link">
  <div class="media__text">
   <h3 class="media__title"><a href="{e(url)}" class="media__link" dtr-evt="indeks" dtr-act="artikel">{e(title)}</a></h3>
   <div class="media__date"><span d-time="{int(when.timestamp())}" title="{tanggal(when)}">{tanggal(when)}</span></div>
  </div>
 </div>
</article>"""
        for url, title, when in shown
    )
    if not rows:
        rows = '<div class="text-center">Tidak ada berita pada tanggal ini.</div>'
    numbers = "".join(
        f'<a class="pagination__item{" itp-pagination__active" if n == page else ""}" '
        f'href="{e(index_url(day, n))}">{n}</a>'
        for n in range(1, pages + 1)
    )
    nav = ""
    if page > 1:
        nav += f'<a class="prev" rel="prev" href="{e(index_url(day, page - 1))}">Prev</a>'
    nav += numbers
    if page < pages:
        nav += f'<a class="next" rel="next" href="{e(index_url(day, page + 1))}">Next</a>'
    head_next = f'<link rel="next" href="{e(index_url(day, page + 1))}">' if page < pages else ""
    body = f"""<div class="column-8">
<h1 class="title">Indeks Berita</h1>
<div class="filter-indeks"><input type="text" class="input-date" value="{day:%m/%d/%Y}" name="date"></div>
<div class="grid-row list-content">
{rows}
</div>
<div class="pagination text-center mgt-16 mgb-16">{nav}</div>
</div>"""
    return html_page(_layout(f"Indeks Berita detakNews - {day:%d/%m/%Y}", head_next, body))


def _layout(title: str, head: str, main: str, sidebar: bool = True) -> str:
    popular = "".join(
        f'<li><a class="media__link" href="{e(s.a.url)}">{e(s.a.title)}</a></li>' for s in _stories()[:5]
    )
    side = (
        f'<div class="column-4"><div class="box cb-mostpop"><h2 class="title">Terpopuler</h2>'
        f"<ol>{popular}</ol></div></div>"
        if sidebar
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{head}
</head>
<body>
<header class="header"><div class="container"><a class="logo" href="{ORIGIN}/">detakNews</a>
<nav class="nav"><a class="nav__item" href="{ORIGIN}/">Berita</a><a class="nav__item" href="{e(index_url(dt.date(2024, 1, 10)))}">Indeks</a></nav></div></header>
<div class="container"><div class="grid-row content__bg">
{main}
{side}
</div></div>
<footer class="footer"><div class="container"><p>Redaksi | Pedoman Media Siber | Karir | Kotak Pos</p>
<p class="copyright">Copyright @ 2024 detakberita.example - All Rights Reserved</p></div></footer>
</body>
</html>
"""


def _article(i: int, story: Story, query: Mapping[str, str]) -> Page:
    a = story.article
    n_pages = len(story.page_paragraphs)
    single = query.get("single") == "1"
    try:
        page = 1 if single else int(query.get("page", "1"))
    except ValueError:
        page = 1
    if not 1 <= page <= n_pages:
        return not_found()
    if single or n_pages == 1:
        paragraphs = a.paragraphs
        first, last = True, True
    else:
        paragraphs = story.page_paragraphs[page - 1]
        first, last = page == 1, page == n_pages
    others = _stories()
    other = others[i - 1] if i else others[-1]
    another = others[(i + 3) % len(others)]

    parts: list[str] = []
    for k, text in enumerate(paragraphs):
        if k == 0 and first:
            parts.append(f"<p><strong>{e(a.dateline_place or 'Jakarta')}</strong> - {e(text)}</p>")
        else:
            parts.append(f"<p>{e(text)}</p>")
        if k == 1 and first:
            parts.append(
                '<div class="parallaxindetail scrollpage" id="parallax1"><div class="parallax__inner">'
                '<p class="para_caption">ADVERTISEMENT</p>'
                '<div class="ads-scrollpage-container"><div id="div-gpt-ad-1700000000000-0" '
                'class="ads-scrollpage-height"></div></div>'
                '<p class="para_caption"><a href="#" class="scroll_caption">'
                "SCROLL TO CONTINUE WITH CONTENT</a></p></div></div>"
            )
        if k == 2:
            parts.append(
                '<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> '
                f'<a href="{e(other.a.url)}">{e(other.a.title)}</a></div></td></tr></table>'
            )
        if k == len(paragraphs) - 2 and len(paragraphs) > 4:
            parts.append(
                f'<p><strong>Baca juga:</strong> <a href="{e(another.a.url)}">{e(another.a.title)}</a></p>'
            )
    if last:
        if i % 3 == 0:
            parts.append(f'<p><strong>Simak Video "{e(another.a.title)}"</strong></p>')
            parts.append('<p class="gmbs-video">[Gambas:Video 20detik]</p>')
        parts.append(f"<p><strong>({e(story.initials or '')})</strong></p>")

    nav = ""
    if n_pages > 1 and not single:
        numbers = "".join(
            f'<a class="detail__anchor-numb{" detail__anchor-numb--active" if n == page else ""}" '
            f'href="{e(a.url)}?page={n}">{n}</a>'
            for n in range(1, n_pages + 1)
        )
        nxt = (
            f'<a class="detail__long-nav__item detail__long-nav__next" href="{e(a.url)}?page={page + 1}">'
            "Halaman selanjutnya</a>"
            if page < n_pages
            else ""
        )
        nav = (
            f'<div class="detail__long-nav">{nxt}</div>'
            f'<div class="detail__multiple">{numbers}'
            f'<a class="detail__anchor-single" href="{e(a.url)}?single=1">Tampilkan semua</a></div>'
        )

    tags = "".join(
        f'<a class="nav__item" href="{ORIGIN}/tag/{e(t.replace(" ", "-"))}">{e(t)}</a>' for t in a.tags
    )
    related = "".join(
        f'<article class="list-content__item"><h3 class="media__title">'
        f'<a class="media__link" href="{e(s.a.url)}">{e(s.a.title)}</a></h3>'
        f'<div class="media__date">{tanggal(s.a.published_at)}</div></article>'
        for s in (other, another)
    )
    image = f"{ORIGIN}/images/content/2024/01/{a.url.rsplit('/', 2)[1]}.jpeg"
    published = a.published_at
    head = [
        f'<meta name="description" content="{e(first_sentence(a.paragraphs[0]))}">',
        f'<meta name="author" content="{e(", ".join(a.authors))}">',
        f'<meta name="pubdate" content="{published:%Y-%m-%dT%H:%M:%S}Z">',
        f'<meta name="publishdate" content="{published:%Y/%m/%d %H:%M:%S}">',
        f'<meta name="keywords" content="{e(",".join(a.tags))}">',
        f'<meta name="dtk:kanal" content="detakNews - {e(a.section or "")}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{e(a.title)}">',
        f'<meta property="og:url" content="{e(a.url)}">',
        f'<meta property="og:image" content="{e(image)}">',
        '<meta property="og:site_name" content="detakNews">',
        f'<link rel="canonical" href="{e(a.url)}">',
    ]
    if "no_jsonld" not in a.flags:
        head.append(
            json_ld(
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
                    "headline": a.title,
                    "image": {"@type": "ImageObject", "url": image},
                    "datePublished": iso(published),
                    "dateModified": iso(published),
                    "author": [{"@type": "Person", "name": name} for name in a.authors],
                    "articleSection": a.section,
                    "keywords": list(a.tags),
                    "publisher": {
                        "@type": "Organization",
                        "name": "detakNews",
                        "logo": {"@type": "ImageObject", "url": f"{ORIGIN}/images/logo.png"},
                    },
                }
            )
        )
    body_text = "\n".join(parts)
    main = f"""<div class="column-8">
<article class="detail">
<div class="detail__header">
 <div class="page__breadcrumb"><a href="{ORIGIN}/">detakNews</a> <a href="{ORIGIN}/">Berita</a></div>
 <h1 class="detail__title">
  {e(a.title)}
 </h1>
 <div class="detail__author">{e(", ".join(a.authors))} - detakNews</div>
 <div class="detail__date">{tanggal(published)}</div>
</div>
<div class="detail__media"><figure class="detail__media-image"><img src="{e(image)}" alt="{e(a.title)}" title="{e(a.title)}">
<figcaption class="detail__media-caption">Foto: ilustrasi ({e(a.section or "")}/detakberita)</figcaption></figure></div>
<div class="detail__body itp_bodycontent_wrapper">
<div class="detail__body-text itp_bodycontent">
{body_text}
</div>
{nav}
<div class="detail__body-tag mgt-16"><div class="nav">{tags}</div></div>
</div>
</article>
<div class="list-content"><h2 class="title">Berita Terkait</h2>{related}</div>
</div>"""
    return html_page(_layout(f"{a.title}", "\n".join(head), main))


def _gallery() -> Page:
    photos = "".join(
        f'<figure class="gallery__item"><img src="{ORIGIN}/images/foto/rob-{n}.jpeg" alt="">'
        f"<figcaption>Kendaraan melintasi genangan rob di kawasan Kaligawe, Semarang ({n}/6)."
        "</figcaption></figure>"
        for n in range(1, 7)
    )
    main = f"""<div class="column-8"><article class="detail detail--foto">
<h1 class="detail__title">FOTO: Potret Banjir Rob Genangi Jalur Pantura Semarang</h1>
<div class="detail__author">Nurul Hidayah - detakNews</div>
<div class="detail__date">{tanggal(GALLERY_AT)}</div>
<div class="gallery">{photos}</div>
</article></div>"""
    head = f'<meta property="og:type" content="website"><link rel="canonical" href="{GALLERY_URL}">'
    return html_page(_layout("FOTO: Potret Banjir Rob Genangi Jalur Pantura Semarang", head, main))
