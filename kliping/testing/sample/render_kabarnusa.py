"""``kabarnusa``: a kompas.com look-alike.

Articles live on nasional.kabarnusa.example (WIB) and regional.kabarnusa.example (WITA on the
page); the news sitemap is on www and the date index on indeks. ``content_PublishedDate`` is the
CMS clock: naive and always WIB, also for regional stories whose page prints WITA.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kliping.testing.sample._web import (
    Page,
    e,
    first_sentence,
    html_page,
    iso,
    not_found,
    robots,
    xml_page,
)
from kliping.testing.sample.content import (
    KABAR_INDEKS,
    KABAR_NASIONAL,
    KABAR_REGIONAL,
    KABAR_WWW,
    Story,
    stories,
    wib,
)

WWW = f"https://{KABAR_WWW}"
INDEKS = f"https://{KABAR_INDEKS}"
NEWS_SITEMAP = f"{WWW}/sitemap-news.xml"
INDEX_PER_PAGE = 10
HOSTS = (KABAR_WWW, KABAR_INDEKS, KABAR_NASIONAL, KABAR_REGIONAL)
WHATSAPP = "https://www.whatsapp.com/channel/0029VaKabarNusaContoh0000"

BOILERPLATE = (
    "KABARNUSA.com",
    "Baca juga:",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu",
    "WhatsApp Channel",
    "Pastikan kamu sudah install aplikasi WhatsApp ya.",
    "Halaman all",
    "Kabarnusa.com -",
    "Terpopuler",
    "Copyright 2024 Kabarnusa.com",
)


def _stories() -> tuple[Story, ...]:
    return stories()["kabarnusa"]


def read_time(story: Story) -> str:
    """``Kabarnusa.com - 08/01/2024, 14:30 WIB`` in the story's own zone."""
    when = story.a.published_at
    return f"Kabarnusa.com - {when:%d/%m/%Y, %H:%M} {story.a.zone}"


def index_url(day: dt.date, page: int = 1) -> str:
    return f"{INDEKS}/?site=all&date={day:%Y-%m-%d}&page={page}"


def handle(host: str, path: str, query: Mapping[str, str]) -> Page | None:
    if host not in HOSTS:
        return None
    if path == "/robots.txt":
        return robots(NEWS_SITEMAP)
    if host == KABAR_WWW and path == "/sitemap-news.xml":
        return _news_sitemap()
    if host == KABAR_INDEKS and path == "/":
        return _index(query)
    for i, story in enumerate(_stories()):
        if story.host == host and story.path == path:
            return _article(i, story, query)
    return not_found()


def _news_sitemap() -> Page:
    urls = "\n".join(
        f"""<url>
 <loc>{e(s.a.url)}</loc>
 <news:news>
  <news:publication><news:name>Kabarnusa.com</news:name><news:language>id</news:language></news:publication>
  <news:publication_date>{iso(wib(s.a.published_at))}</news:publication_date>
  <news:title>{e(s.a.title)}</news:title>
  <news:keywords>{e(", ".join(s.a.tags))}</news:keywords>
 </news:news>
</url>"""
        for s in sorted(_stories(), key=lambda s: s.a.published_at, reverse=True)
    )
    return xml_page(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def _layout(title: str, head: str, main: str) -> str:
    popular = "".join(
        f'<div class="most__item"><a class="most__link" href="{e(s.a.url)}">'
        f'<h4 class="most__title">{e(s.a.title)}</h4></a></div>'
        for s in _stories()[-5:]
    )
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{head}
</head>
<body>
<div class="header"><div class="container"><a class="logo" href="{WWW}/">Kabarnusa.com</a>
<ul class="nav__wrap"><li class="nav__item"><a class="nav__link" href="https://{KABAR_NASIONAL}/">Nasional</a></li>
<li class="nav__item"><a class="nav__link" href="https://{KABAR_REGIONAL}/">Regional</a></li>
<li class="nav__item"><a class="nav__link" href="{e(index_url(dt.date(2024, 1, 10)))}">Indeks</a></li></ul></div></div>
<div class="container clearfix">
{main}
<div class="col-bs10-3"><div class="most__wrap"><h3 class="title">Terpopuler</h3>{popular}</div></div>
</div>
<footer class="footer"><div class="container"><p>Copyright 2024 Kabarnusa.com. All Rights Reserved.</p></div></footer>
</body>
</html>
"""


def _index(query: Mapping[str, str]) -> Page:
    try:
        day = dt.date.fromisoformat(query.get("date", ""))
        page = int(query.get("page", "1"))
    except ValueError:
        return not_found("Tanggal tidak valid")
    items = sorted(
        (s for s in _stories() if wib(s.a.published_at).date() == day),
        key=lambda s: s.a.published_at,
        reverse=True,
    )
    pages = max(1, -(-len(items) // INDEX_PER_PAGE))
    shown = items[(page - 1) * INDEX_PER_PAGE : page * INDEX_PER_PAGE]
    rows = "\n".join(
        f"""<div class="article__list clearfix">
 <div class="article__list__title"><h3 class="article__title article__title--medium"><a class="article__link" href="{e(s.a.url)}">{e(s.a.title)}</a></h3></div>
 <div class="article__list__info"><div class="article__subtitle article__subtitle--inline">{e(s.a.section or "")}</div>
 <div class="article__date">{wib(s.a.published_at):%d/%m/%Y, %H:%M} WIB</div></div>
</div>"""
        for s in shown
    )
    if not rows:
        rows = '<div class="article__list--empty">Tidak ada artikel.</div>'
    paging = "".join(
        f'<div class="paging__item"><a class="paging__link{" paging__link--active" if n == page else ""}" '
        f'href="{e(index_url(day, n))}">{n}</a></div>'
        for n in range(1, pages + 1)
    )
    if page < pages:
        paging += (
            f'<div class="paging__item"><a class="paging__link paging__link--next" rel="next" '
            f'href="{e(index_url(day, page + 1))}">Next</a></div>'
        )
    main = f"""<div class="col-bs10-7">
<h1 class="title">Indeks Berita</h1>
<div class="latest--indeks mt2 clearfix">
{rows}
</div>
<div class="paging clearfix"><div class="paging__wrap clearfix">{paging}</div></div>
</div>"""
    return html_page(_layout(f"Indeks Berita {day:%d-%m-%Y} - Kabarnusa.com", "", main))


def _article(i: int, story: Story, query: Mapping[str, str]) -> Page:
    a = story.article
    n_pages = len(story.page_paragraphs)
    raw_page = query.get("page", "1")
    show_all = raw_page == "all"
    try:
        page = 1 if show_all else int(raw_page)
    except ValueError:
        page = 1
    if not 1 <= page <= n_pages:
        return not_found()
    if show_all or n_pages == 1:
        paragraphs, first, last = a.paragraphs, True, True
    else:
        paragraphs = story.page_paragraphs[page - 1]
        first, last = page == 1, page == n_pages
    others = _stories()
    link_a = others[(i + 1) % len(others)]
    link_b = others[(i + 5) % len(others)]

    parts: list[str] = []
    for k, text in enumerate(paragraphs):
        if k == 0 and first:
            place = (a.dateline_place or "Jakarta").upper()
            parts.append(f"<p><strong>{e(place)}, KABARNUSA.com</strong> - {e(text)}</p>")
        else:
            parts.append(f"<p>{e(text)}</p>")
        if k == 1:
            parts.append(
                '<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" '
                f'href="{e(link_a.a.url)}">{e(link_a.a.title)}</a></p>'
            )
        if k == 3 and len(paragraphs) > 5:
            parts.append(
                '<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" '
                f'href="{e(link_b.a.url)}">{e(link_b.a.title)}</a></p>'
            )
    if last:
        parts.append(
            "<p>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
            "andalanmu akses berita Kabarnusa.com WhatsApp Channel : "
            f"{WHATSAPP}. Pastikan kamu sudah install aplikasi WhatsApp ya.</p>"
        )

    paging = ""
    if n_pages > 1:
        items = []
        if not show_all and page > 1:
            items.append(
                f'<a class="paging__link paging__link--prev" href="{e(a.url)}?page={page - 1}">Prev</a>'
            )
        for n in range(1, n_pages + 1):
            active = " paging__link--active" if n == page and not show_all else ""
            items.append(f'<a class="paging__link{active}" href="{e(a.url)}?page={n}">{n}</a>')
        if not show_all and page < n_pages:
            items.append(
                f'<a class="paging__link paging__link--next" rel="next" '
                f'href="{e(a.url)}?page={page + 1}">Next</a>'
            )
        active = " paging__link--active" if show_all else ""
        items.append(
            f'<a class="paging__link paging__link--show{active}" href="{e(a.url)}?page=all">Halaman all</a>'
        )
        paging = (
            '<div class="paging paging--article clearfix"><div class="paging__wrap clearfix">'
            + "".join(f'<div class="paging__item">{item}</div>' for item in items)
            + "</div></div>"
        )

    def credit(label: str, names: tuple[str, ...]) -> str:
        people = "".join(f"<h6>{e(name)}</h6>" for name in names)
        return (
            '<div class="read__credit__item"><div class="credit-title-name">'
            f"<h6>{label}</h6>{people}</div></div>"
        )

    tags = "".join(
        f'<li class="tag__article__item"><a class="tag__article__link" '
        f'href="{WWW}/tag/{e(t.replace(" ", "-"))}">{e(t)}</a></li>'
        for t in a.tags
    )
    suffix = " Halaman all" if show_all else (f" Halaman {page}" if page > 1 else "")
    image = f"{WWW}/crops/{story.number}.jpg"
    head = "\n".join(
        [
            f'<meta name="description" content="{e(first_sentence(a.paragraphs[0]))}">',
            f'<meta name="content_PublishedDate" content="{wib(a.published_at):%Y-%m-%d %H:%M:%S}">',
            f'<meta name="content_author" content="{e(", ".join(a.authors))}">',
            f'<meta name="content_editor" content="{e(", ".join(a.editors))}">',
            f'<meta name="content_category" content="{e(a.section or "")}">',
            f'<meta name="content_tag" content="{e(",".join(a.tags))}">',
            '<meta name="content_type" content="Article">',
            f'<meta property="og:title" content="{e(a.title)}">',
            f'<meta property="og:description" content="{e(first_sentence(a.paragraphs[0]))}">',
            f'<meta property="og:url" content="{e(a.url)}">',
            f'<meta property="og:image" content="{e(image)}">',
            '<meta property="og:type" content="article">',
            '<meta property="og:site_name" content="Kabarnusa.com">',
            f'<link rel="canonical" href="{e(a.url)}">',
        ]
    )
    body_text = "\n".join(parts)
    main = f"""<div class="breadcrumb"><ul class="breadcrumb__wrap">
<li class="breadcrumb__item"><a class="breadcrumb__link" href="{WWW}/"><span>Home</span></a></li>
<li class="breadcrumb__item"><a class="breadcrumb__link" href="https://{story.host}/"><span>{e(a.section or "")}</span></a></li>
</ul></div>
<div class="read__header col-offset-fluid clearfix">
<h1 class="read__title">{e(a.title)}</h1>
<div class="read__info"><div class="read__time">{read_time(story)}</div></div>
</div>
<div class="row col-offset-fluid clearfix js-giant-wp-sticky-parent">
<div class="col-bs10-7 js-read-article">
<div class="photo"><div class="photo__wrap"><img src="{e(image)}" alt="{e(a.title)}"></div>
<div class="photo__caption">Ilustrasi. (Dok. Kabarnusa.com)</div></div>
<div class="read__credit clearfix">{credit("Penulis", a.authors)}{credit("Editor", a.editors)}</div>
<div class="read__article mt2 clearfix js-tower-sticky-parent">
<div class="col-bs9-7">
<div class="read__content">
<div class="clearfix">
{body_text}
</div>
</div>
{paging}
<div class="tag__article"><div class="tag__article__wrap"><h3 class="tag__article__title">Tag</h3><ul>{tags}</ul></div></div>
</div>
</div>
</div>
</div>"""
    return html_page(_layout(f"{a.title}{suffix} - Kabarnusa.com", head, main))
