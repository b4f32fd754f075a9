"""antaranews.com: RSS fresh, date index back; "Pewarta:"/"Editor:" credits in the body."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example of each in tests/sites/antaranews/urls.json.
URL_SCHEMES = {
    # 2010-: /berita/<id>/<slug> on www, the channel hosts of the 2010s and the regional desks
    "berita-id": r"^https?://(?:[\w-]+\.)?antaranews\.com/berita/\d{5,8}/[\w-]+",
    # the English service: en.antaranews.com/news/<id>/<slug>
    "en-news-id": r"^https?://en\.antaranews\.com/news/\d{5,8}/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "berita-id": (
        "2010-, www, channel hosts of the 2010s, regional desks",
        "https://www.antaranews.com/berita/4712340/bandara-lombok-batalkan-penerbangan",
    ),
    "en-news-id": (
        "the English service",
        "https://en.antaranews.com/news/416590/indonesia-allows-exporters-to-hold-earnings",
    ),
}

SITE = Site(
    key="antaranews",
    name="ANTARA News",
    domain="www.antaranews.com",
    allowed_domains=("antaranews.com",),
    zone="WIB",
    sources=(
        Source("feed", "https://www.antaranews.com/rss/terkini.xml"),
        Source(
            "date_index",
            "https://www.antaranews.com/indeks/{date}/{page}",
            date_format="%d-%m-%Y",
            next_page_xpath="//ul[contains(@class,'pagination')]//a[@aria-label='Next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:foto|video|infografik|tag|antaratv)/", r"^https?://(?:foto|video)\.antaranews\.com/"),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'post-content')]",
            date_xpath="//div[contains(@class,'wrap__article-detail-info')]//span[contains(@class,'text-secondary')]",
            prune_xpaths=(
                "//p[contains(@class,'baca-juga')]",
                "//div[contains(@class,'tags-wrapper')]",
            ),
            boilerplate=(r"^\s*Baca juga\s*:", r"^\s*Copyright\s*©\s*ANTARA", r"^\s*COPYRIGHT\s*©"),
        ),
    ),
)
