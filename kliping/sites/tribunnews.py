"""tribunnews.com: RSS fresh, ``/index-news?date=YYYY-M-D`` back, ``?page=all``."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example of each in tests/sites/tribunnews/urls.json.
URL_SCHEMES = {
    # 2013-: www.tribunnews.com/<section>/YYYY/MM/DD/<slug>
    "www-section-date": r"^https?://www\.tribunnews\.com/(?:[a-z-]+/)?\d{4}/\d{2}/\d{2}/[\w-]+",
    # the regional papers' hosts (palembang., wartakota., jakarta.…): /[<section>/]YYYY/MM/DD/<slug>
    "regional-date": r"^https?://(?!www\.)[a-z0-9-]+\.tribunnews\.com/(?:[a-z-]+/)?\d{4}/\d{2}/\d{2}/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "www-section-date": (
        "2013-",
        "https://www.tribunnews.com/nasional/2025/03/11/kereta-tambahan-disiapkan-jelang-libur",
    ),
    "regional-date": (
        "the regional papers' hosts (palembang., wartakota.…)",
        "http://palembang.tribunnews.com/2014/05/14/tim-reskrim-bekuk-penjual-satwa-dilindungi",
    ),
}

SITE = Site(
    key="tribunnews",
    name="Tribunnews.com",
    domain="www.tribunnews.com",
    allowed_domains=("tribunnews.com",),
    zone="WIB",
    sources=(
        Source("feed", "https://www.tribunnews.com/rss"),
        Source(
            "date_index",
            "https://www.tribunnews.com/index-news?date={date}&page={page}",
            date_format="%Y-%-m-%-d",  # unpadded month and day, as the site writes them
            next_page_xpath="//div[@id='paginga']//a[normalize-space()='Next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:video|foto|tag|topic|tribunnewswiki|live-update)/", r"/\d{4}/\d{2}/\d{2}/video-", r"^https?://(?:video|foto)\.tribunnews\.com/"),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'txt-article')]",
            date_xpath="//time",
            author_xpath="//div[@id='penulis']//a",
            editor_xpath="//div[@id='editor']//a",
            prune_xpaths=(
                "//p[contains(@class,'baca')]",
                "//div[contains(@class,'paging')]",
                "//div[contains(@class,'ads-placeholder')]",
            ),
            boilerplate=(
                r"^\s*Baca juga\s*:",
                r"^\s*Artikel ini telah tayang di",
                r"^\s*Halaman selanjutnya",
            ),
        ),
    ),
)
