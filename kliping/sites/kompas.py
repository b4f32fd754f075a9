"""kompas.com: news sitemap fresh, ``indeks.kompas.com`` date index back, ``?page=all``."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/kompas/urls.json.
URL_SCHEMES = {
    # 2008-: /read/YYYY/MM/DD/<HHMM + serial>/<slug> on the channel host (slugs with dots until ~2017)
    "channel-read": r"^https?://[a-z0-9-]+\.kompas\.com/read/\d{4}/\d{2}/\d{2}/\d{6,12}/[\w.-]+",
    # 2019-: desks on www (tren, sains, global, hype, food, edu, skola, cekfakta…), /<desk>/read/…
    "www-desk-read": r"^https?://www\.kompas\.com/[a-z-]+/read/\d{4}/\d{2}/\d{2}/\d{6,12}/[\w.-]+",
    # -2016: the feed form /read/xml/YYYY/MM/DD/…
    "read-xml": r"^https?://[a-z0-9-]+\.kompas\.com/read/xml/\d{4}/\d{2}/\d{2}/\d{6,12}/[\w.-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "channel-read": (
        "2008-",
        "https://nasional.kompas.com/read/2025/03/11/093045021/polisi-tertibkan-parkir-liar",
    ),
    "www-desk-read": (
        "2019-, desks on www (tren, sains, hype…)",
        "https://www.kompas.com/tren/read/2021/06/06/181500160/penjelasan-dukcapil-soal-data-ganda",
    ),
    "read-xml": (
        "-2016, the feeds' form",
        "http://megapolitan.kompas.com/read/xml/2016/10/18/17244780/ini.alat.peraga.kampanye.yang.boleh.dibuat",
    ),
}

SITE = Site(
    key="kompas",
    name="Kompas.com",
    domain="www.kompas.com",
    allowed_domains=("kompas.com",),
    zone="WIB",
    # ids are HHMMSS + a counter: /read/2015/11/04/21040031/ printed "04/11/2015, 21:04 WIB"
    url_time=r"/read/(?P<y>\d{4})/(?P<mo>\d{2})/(?P<d>\d{2})/(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<s>[0-5]\d)\d{2,6}/",
    sources=(
        Source("news_sitemap", "https://www.kompas.com/sitemap-news.xml"),
        Source(
            "date_index",
            "https://indeks.kompas.com/?site=all&date={date}&page={page}",
            date_format="%Y-%m-%d",
            next_page_xpath="//a[contains(@class,'paging__link--next')]/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(
        r"^https?://(?:video|vik|jeo|tv)\.kompas\.com/",
        r"/(?:image|tag|topik|live-?report)/",
    ),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'read__content')]",
            date_xpath="//div[contains(@class,'read__time')]",
            author_xpath="//div[@class='credit-title-name']",
            editor_xpath="//div[@class='credit-title-nameEditor']",
            prune_xpaths=(
                "//a[contains(@class,'inner-link-baca-juga')]/ancestor::p[1]",
                "//div[contains(@class,'read__paging')]",
                "//div[contains(@class,'ads-on-body')]",
            ),
            boilerplate=(r"^\s*Baca juga\s*:", r"^\s*Dapatkan update berita"),
            title_suffix=r"\s*-\s*Kompas\.com$",
        ),
    ),
)
