"""``suarawarga``: a small WordPress news site in Jayapura (WIT), like the seed page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from email.utils import format_datetime

from kliping.testing.sample._web import (
    Page,
    e,
    first_sentence,
    html_page,
    iso,
    json_ld,
    not_found,
    redirect,
    robots,
    xml_page,
)
from kliping.testing.sample.content import BULAN, SUARA_HOST, Story, slugify, stories

ORIGIN = f"https://{SUARA_HOST}"
FEED = f"{ORIGIN}/feed/"
SITEMAP = f"{ORIGIN}/sitemap.xml"
FEED_SIZE = 10
#: listed in post_tag-sitemap.xml; a tag archive, not an article.
TAG_URL = f"{ORIGIN}/tag/papua/"
ABOUT_URL = f"{ORIGIN}/tentang-kami/"
WHATSAPP = "https://www.whatsapp.com/channel/0029VaSuaraWargaContoh00"
UTC = dt.UTC

BOILERPLATE = (
    "suarawarga.example –",
    "Baca juga:",
    "Tinggalkan Balasan",
    "Alamat email Anda tidak akan dipublikasikan",
    "Ruas yang wajib ditandai",
    "Kirim Komentar",
    "Berita Terbaru",
    "Kategori",
    "Arsip",
    "Diposting pada",
    "saluran WhatsApp",
    "Pastikan Anda telah menginstal aplikasi WhatsApp",
    "Back To Top",
    "Navigasi pos",
)


def _stories() -> tuple[Story, ...]:
    return stories()["suarawarga"]


def handle(host: str, path: str, query: Mapping[str, str]) -> Page | None:
    if host != SUARA_HOST:
        return None
    url = f"{ORIGIN}{path}"
    if path == "/robots.txt":
        return robots(SITEMAP)
    if url == FEED:
        return _feed()
    if url == SITEMAP:
        return _sitemap_index()
    if path == "/post-sitemap.xml":
        return _urlset([(s.a.url, _modified(s)) for s in _stories()])
    if path == "/page-sitemap.xml":
        return _urlset([(ABOUT_URL, dt.datetime(2023, 6, 1, 10, 0, tzinfo=UTC))])
    if path == "/post_tag-sitemap.xml":
        return _urlset([(TAG_URL, _modified(_stories()[-1]))])
    if url == ABOUT_URL:
        return _about()
    if path.startswith("/tag/") and path.endswith("/"):
        return _tag(path.removeprefix("/tag/").strip("/"))
    for i, story in enumerate(_stories()):
        if story.path == path:
            return _article(i, story)
        if story.path == path + "/":
            return redirect(story.a.url)
    return not_found()


def _modified(story: Story) -> dt.datetime:
    return story.a.published_at + dt.timedelta(minutes=12)


def _feed() -> Page:
    latest = sorted(_stories(), key=lambda s: s.a.published_at, reverse=True)[:FEED_SIZE]
    items = "\n".join(
        f"""<item>
 <title>{e(s.a.title)}</title>
 <link>{e(s.a.url)}</link>
 <comments>{e(s.a.url)}#respond</comments>
 <dc:creator><![CDATA[{s.a.authors[0]}]]></dc:creator>
 <pubDate>{format_datetime(s.a.published_at)}</pubDate>
 <category><![CDATA[{s.a.section}]]></category>
 <guid isPermaLink="false">{ORIGIN}/?p={s.number}</guid>
 <description><![CDATA[{first_sentence(s.a.paragraphs[0], 300)} [&#8230;]]]></description>
 <slash:comments>0</slash:comments>
</item>"""
        for s in latest
    )
    last = format_datetime(_modified(latest[0]))
    return xml_page(
        f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
 <title>Suara Warga</title>
 <atom:link href="{FEED}" rel="self" type="application/rss+xml" />
 <link>{ORIGIN}</link>
 <description>Kabar dari Tanah Papua</description>
 <lastBuildDate>{last}</lastBuildDate>
 <language>id</language>
 <sy:updatePeriod>hourly</sy:updatePeriod>
 <sy:updateFrequency>1</sy:updateFrequency>
 <generator>https://wordpress.org/?v=6.4.2</generator>
{items}
</channel>
</rss>
""",
        "application/rss+xml; charset=UTF-8",
    )


def _sitemap_index() -> Page:
    last = iso(_modified(_stories()[-1]))
    maps = "".join(
        f"<sitemap><loc>{ORIGIN}/{name}</loc><lastmod>{last}</lastmod></sitemap>\n"
        for name in ("post-sitemap.xml", "page-sitemap.xml", "post_tag-sitemap.xml")
    )
    return xml_page(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{maps}</sitemapindex>\n"
    )


def _urlset(entries: list[tuple[str, dt.datetime]]) -> Page:
    urls = "".join(
        f"<url>\n <loc>{e(url)}</loc>\n <lastmod>{iso(when)}</lastmod>\n</url>\n" for url, when in entries
    )
    return xml_page(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )


def tanggal(moment: dt.datetime) -> str:
    """WordPress "F j, Y" in Indonesian: ``Januari 8, 2024``."""
    return f"{BULAN[moment.month - 1]} {moment.day}, {moment.year}"


def _layout(title: str, head: str, main: str, body_class: str, charset: str = "UTF-8") -> str:
    recent = "".join(f'<li><a href="{e(s.a.url)}">{e(s.a.title)}</a></li>' for s in reversed(_stories()[-5:]))
    sections = sorted({s.a.section or "" for s in _stories()})
    categories = "".join(
        f'<li class="cat-item"><a href="{ORIGIN}/category/{slugify(c)}/">{e(c)}</a></li>' for c in sections
    )
    menu = "".join(
        f'<li class="menu-item"><a href="{ORIGIN}/category/{slugify(c)}/">{e(c)}</a></li>'
        for c in sections[:5]
    )
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} &#8211; Suara Warga</title>
<meta name="robots" content="index, follow, max-image-preview:large">
{head}
<link rel="alternate" type="application/rss+xml" title="Suara Warga &raquo; Feed" href="{FEED}">
<meta name="generator" content="WordPress 6.4.2">
</head>
<body class="{body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Langsung ke konten</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="{ORIGIN}/" rel="home">Suara Warga</a></p>
<p class="site-description">Kabar dari Tanah Papua</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="{ORIGIN}/">Beranda</a></li>{menu}</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{ORIGIN}/"><label><span class="screen-reader-text">Cari untuk:</span><input type="search" class="search-field" placeholder="Cari &hellip;" value="" name="s"></label><input type="submit" class="search-submit" value="Cari"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Berita Terbaru</h2><ul>{recent}</ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>{categories}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Arsip</h2><ul><li><a href="{ORIGIN}/2024/01/">Januari 2024</a></li><li><a href="{ORIGIN}/2023/12/">Desember 2023</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Hak Cipta &copy; 2024 Suara Warga. Ditenagai oleh WordPress. <a href="#page" class="back-to-top">Back To Top</a></div></footer>
</div>
</body>
</html>
"""


def _yoast(story: Story) -> str:
    a = story.article
    person = f"{ORIGIN}/#/schema/person/{slugify(a.authors[0])}"
    published = iso(a.published_at.astimezone(UTC))
    modified = iso(_modified(story).astimezone(UTC))
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{a.url}#article",
                "isPartOf": {"@id": a.url},
                "author": {"name": a.authors[0], "@id": person},
                "headline": a.title,
                "datePublished": published,
                "dateModified": modified,
                "mainEntityOfPage": {"@id": a.url},
                "publisher": {"@id": f"{ORIGIN}/#organization"},
                "keywords": list(a.tags),
                "articleSection": [a.section],
                "inLanguage": "id",
            },
            {
                "@type": "WebPage",
                "@id": a.url,
                "url": a.url,
                "name": f"{a.title} - Suara Warga",
                "datePublished": published,
                "dateModified": modified,
                "inLanguage": "id",
            },
            {"@type": "Organization", "@id": f"{ORIGIN}/#organization", "name": "Suara Warga"},
            {"@type": "Person", "@id": person, "name": a.authors[0]},
        ],
    }
    return "\n".join(
        [
            "<!-- This site is optimized with the Yoast SEO plugin v21.7 - https://yoast.com/wordpress/plugins/seo/ -->",
            f'<meta name="description" content="{e(first_sentence(a.paragraphs[0]))}">',
            '<meta property="og:locale" content="id_ID">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{e(a.title)}">',
            f'<meta property="og:url" content="{e(a.url)}">',
            '<meta property="og:site_name" content="Suara Warga">',
            f'<meta property="article:published_time" content="{published}">',
            f'<meta property="article:modified_time" content="{modified}">',
            f'<meta name="author" content="{e(a.authors[0])}">',
            json_ld(graph).replace(
                '<script type="application/ld+json">',
                '<script type="application/ld+json" class="yoast-schema-graph">',
            ),
            "<!-- / Yoast SEO plugin. -->",
        ]
    )


def _article(i: int, story: Story) -> Page:
    a = story.article
    others = _stories()
    link_a = others[i - 1] if i else others[-1]
    link_b = others[(i + 4) % len(others)]
    parts = []
    for k, text in enumerate(a.paragraphs):
        if k == 0:
            parts.append(f"<p>suarawarga.example – {e(text)}</p>")
        else:
            parts.append(f"<p>{e(text)}</p>")
        if k == 1:
            parts.append(f'<p>Baca juga: <a href="{e(link_a.a.url)}">{e(link_a.a.title)}</a></p>')
        if k == len(a.paragraphs) - 2 and len(a.paragraphs) > 4:
            parts.append(
                f'<p><strong>Baca juga:</strong> <a href="{e(link_b.a.url)}">{e(link_b.a.title)}</a></p>'
            )
    if i % 2 == 0:
        parts.append(
            "<p>Dengarkan berita terkini dan berita pilihan di ponsel Anda. Pilih saluran favorit Anda "
            f"untuk mengakses saluran WhatsApp suarawarga.example: {WHATSAPP}. Pastikan Anda telah "
            "menginstal aplikasi WhatsApp.</p>"
        )
    section = a.section or ""
    tags = ", ".join(f'<a href="{ORIGIN}/tag/{slugify(t)}/" rel="tag">{e(t)}</a>' for t in a.tags)
    author_slug = slugify(a.authors[0])
    prev_link = (
        f'<div class="nav-previous"><a href="{e(others[i - 1].a.url)}" rel="prev">'
        f"{e(others[i - 1].a.title)}</a></div>"
        if i
        else ""
    )
    next_link = (
        f'<div class="nav-next"><a href="{e(others[i + 1].a.url)}" rel="next">'
        f"{e(others[i + 1].a.title)}</a></div>"
        if i + 1 < len(others)
        else ""
    )
    published = iso(a.published_at)
    modified = iso(_modified(story))
    body_text = "\n".join(parts)
    main = f"""<article id="post-{story.number}" class="post-{story.number} post type-post status-publish format-standard has-post-thumbnail hentry category-{slugify(section)}">
<header class="entry-header">
<span class="cat-links"><a href="{ORIGIN}/category/{slugify(section)}/" rel="category tag">{e(section)}</a></span>
<h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">Diposting pada <a href="{e(a.url)}" rel="bookmark"><time class="entry-date published" datetime="{published}">{tanggal(a.published_at)}</time><time class="updated" datetime="{modified}">{tanggal(a.published_at)}</time></a></span><span class="byline"> oleh <span class="author vcard"><a class="url fn n" href="{ORIGIN}/author/{author_slug}/">{e(a.authors[0])}</a></span></span></div>
</header>
<div class="entry-content">
{body_text}
</div>
<footer class="entry-footer"><span class="cat-links">Kategori: <a href="{ORIGIN}/category/{slugify(section)}/" rel="category tag">{e(section)}</a></span> <span class="tags-links">Tag: {tags}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">{prev_link}{next_link}</div></nav>
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan <small><a rel="nofollow" id="cancel-comment-reply-link" href="{e(a.url)}#respond" style="display:none;">Batalkan balasan</a></small></h3>
<form action="{ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes"><span id="email-notes">Alamat email Anda tidak akan dipublikasikan.</span> <span class="required-field-message">Ruas yang wajib ditandai <span class="required">*</span></span></p>
<p class="comment-form-comment"><label for="comment">Komentar <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">Nama <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" autocomplete="email" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar"> <input type="hidden" name="comment_post_ID" value="{story.number}" id="comment_post_ID"></p>
</form>
</div>
</div>"""
    head = [f'<link rel="canonical" href="{e(a.url)}">']
    if "no_jsonld" not in a.flags:
        head.append(_yoast(story))
    cp1252 = "cp1252" in a.flags
    charset = "windows-1252" if cp1252 else "UTF-8"
    markup = _layout(
        a.title,
        "\n".join(head),
        main,
        f"post-template-default single single-post postid-{story.number} single-format-standard",
        charset,
    )
    if cp1252:
        return html_page(markup, charset="windows-1252")
    return html_page(markup)


def _listing(title: str, chosen: list[Story], body_class: str) -> Page:
    rows = "\n".join(
        f"""<article id="post-{s.number}" class="post-{s.number} post type-post status-publish hentry">
<header class="entry-header"><h2 class="entry-title"><a href="{e(s.a.url)}" rel="bookmark">{e(s.a.title)}</a></h2>
<div class="entry-meta"><time class="entry-date published" datetime="{iso(s.a.published_at)}">{tanggal(s.a.published_at)}</time></div></header>
<div class="entry-summary"><p>{e(first_sentence(s.a.paragraphs[0]))} [&hellip;]</p></div>
</article>"""
        for s in sorted(chosen, key=lambda s: s.a.published_at, reverse=True)
    )
    main = f'<header class="page-header"><h1 class="page-title">{e(title)}</h1></header>\n{rows}'
    return html_page(_layout(title, "", main, body_class))


def _tag(slug: str) -> Page:
    if slug == "papua":
        chosen = [s for s in _stories() if any("papua" in t for t in s.a.tags)] or list(_stories())
        return _listing("Tag: Papua", chosen, "archive tag tag-papua")
    chosen = [s for s in _stories() if slug in {slugify(t) for t in s.a.tags}]
    if not chosen:
        return not_found()
    return _listing(f"Tag: {slug.replace('-', ' ').title()}", chosen, f"archive tag tag-{slug}")


def _about() -> Page:
    main = """<article class="page type-page status-publish hentry">
<header class="entry-header"><h1 class="entry-title">Tentang Kami</h1></header>
<div class="entry-content"><p>Suara Warga adalah media daring warga yang memberitakan peristiwa di Tanah Papua.
Redaksi berkantor di Jayapura.</p></div></article>"""
    return html_page(_layout("Tentang Kami", f'<link rel="canonical" href="{ABOUT_URL}">', main, "page"))
