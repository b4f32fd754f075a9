"""suara.com: RSS fresh, date index back, ``?page=all``."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example of each in tests/sites/suara/urls.json.
URL_SCHEMES = {
    # 2014-: www.suara.com/<channel>/YYYY/MM/DD/HHMMSS/<slug>
    "www-channel-date": r"^https?://www\.suara\.com/[a-z-]+/\d{4}/\d{2}/\d{2}/\d{6}/[\w-]+",
    # 2020-: the regional desks (jogja., jateng., sumut.…): /read/YYYY/MM/DD/HHMMSS/<slug>
    "regional-read": r"^https?://(?!www\.)[a-z]+\.suara\.com/read/\d{4}/\d{2}/\d{2}/\d{6}/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "www-channel-date": (
        "2014-",
        "https://www.suara.com/news/2025/03/11/093045/warga-gotong-royong-bersihkan-sungai",
    ),
    "regional-read": (
        "2020-, regional desks",
        "https://jogja.suara.com/read/2020/10/01/071440/warga-olah-bunga-telang-bernilai-rupiah",
    ),
}

SITE = Site(
    key="suara",
    name="Suara.com",
    domain="www.suara.com",
    allowed_domains=("suara.com",),
    zone="WIB",
    url_time=r"/(?P<y>\d{4})/(?P<mo>\d{2})/(?P<d>\d{2})/(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<s>[0-5]\d)/",
    sources=(
        Source("feed", "https://www.suara.com/rss/news"),
        Source(
            "date_index",
            "https://www.suara.com/indeks/terkini/news/{date}?page={page}",
            date_format="%Y/%m/%d",
            next_page_xpath="//ul[contains(@class,'pagination')]//a[@rel='next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:video|foto|tag|topik|live)/", r"^https?://(?:video|foto)\.suara\.com/"),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//article[contains(@class,'detail-content')]",
            date_xpath="//div[contains(@class,'writer')]/span[contains(@class,'date')]",
            author_xpath="//div[contains(@class,'writer')]//a[@rel='author']",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'pagination')]",
                "//div[contains(@class,'ads')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:",),
            title_suffix=r"\s*-\s*Suara\.com$",
        ),
    ),
)
