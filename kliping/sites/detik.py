"""detik.com (detikNews): news sitemap fresh, per-channel date index back, ``?single=1``."""

from datetime import date

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/detik/urls.json.
URL_SCHEMES = {
    # 2017-: every channel and the regional desks, /<rubric>[/<sub>]/d-<id>/<slug>
    # (news.detik.com/berita/d-7812341/…, health.detik.com/true-story/d-…, www.detik.com/jatim/berita/d-…)
    "d-id": r"^https?://(?:[a-z]+\.)?detik\.com/(?:[a-z0-9-]+/){1,3}d-\d{6,8}/[\w-]+/?(?:\?.*)?$",
    # 2016-2017: the same without "d-" (news.detik.com/berita/3213983/<slug>)
    "numeric-id": r"^https?://[a-z]+\.detik\.com/(?:[a-z0-9-]+/){1,2}\d{7}/[\w-]+/?(?:\?.*)?$",
    # 2010-2016: /read/YYYY/MM/DD/HHMMSS/<id>/<channel id>/<slug> on the channel host
    "read-date": r"^https?://[a-z]+\.detik\.com/read/\d{4}/\d{2}/\d{2}/\d{6}/\d{6,8}/\d+/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "d-id": (
        "2017-, every channel and the regional desks",
        "https://news.detik.com/berita/d-7812341/pemkot-resmikan-pasar-rakyat-baru",
    ),
    "numeric-id": ("2016-2017", "http://news.detik.com/berita/3213980/mahasiswa-gelar-doa-bersama-di-kampus"),
    "read-date": (
        "2010-2016",
        "http://inet.detik.com/read/2015/11/05/100026/3062620/323/ponsel-lipat-baru-diumumkan",
    ),
}

SITE = Site(
    key="detik",
    name="detikNews",
    domain="news.detik.com",
    allowed_domains=("detik.com",),
    zone="WIB",
    z_is_local=True,  # detik's meta publishdate "…Z" is WIB wall time, not UTC
    sources=(
        Source("news_sitemap", "https://news.detik.com/sitemap_news.xml"),
        Source(
            "date_index",
            "https://news.detik.com/indeks?date={date}&page={page}",
            date_format="%m/%d/%Y",
            next_page_xpath="//div[contains(@class,'pagination')]//a[contains(normalize-space(.),'Next')]/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(
        r"/(?:foto-news|fotonews|video|detiktv|x|tag|indeks)/",
        r"^https?://20\.detik\.com/",
        r"/live-?(?:report|update)",
    ),
    pagination="single=1",
    layouts=(
        Layout(
            "V0",
            valid_until=date(2019, 12, 31),
            body_xpath="//div[@id='detikdetailtext']",
            date_xpath="//div[@class='date']",
            author_xpath="//div[@class='author']",
            prune_xpaths=("//div[contains(@class,'news_tag')]",),
            title_suffix=r"\s*[-|]\s*detik\w*$",
        ),
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'detail__body-text')]",
            date_xpath="//div[contains(@class,'detail__date')]",
            author_xpath="//div[contains(@class,'detail__author')]",
            prune_xpaths=(
                "//table[contains(@class,'linksisip')]",
                "//div[contains(@class,'parallaxindetail')]",
                "//div[contains(@class,'detail__body-tag')]",
                "//div[contains(@class,'sisip_video_ds')]",
            ),
            boilerplate=(r"^\s*Simak (?:juga )?Video\b", r"^\s*\(\w{2,4}/\w{2,4}\)\s*$"),
            title_suffix=r"\s*[-|]\s*detik\w*$",
        ),
    ),
)
