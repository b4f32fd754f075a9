"""liputan6.com: RSS fresh, ``/indeks/YYYY/MM/DD`` back; one page per article."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/liputan6/urls.json.
URL_SCHEMES = {
    # 2016-: www.liputan6.com/<channel>/read/<id>/<slug>
    "www-channel-read": r"^https?://www\.liputan6\.com/[a-z-]+/read/\d{6,8}/[\w-]+",
    # 2012-2016 and regional/event desks: <channel>.liputan6.com/read/<id>/<slug>
    "subdomain-read": r"^https?://(?!www\.)[a-z0-9-]+\.liputan6\.com/read/\d{5,8}/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "www-channel-read": (
        "2016-",
        "https://www.liputan6.com/news/read/5912340/warga-gotong-royong-bersihkan-sungai",
    ),
    "subdomain-read": (
        "2012-2016, and regional/event desks",
        "http://tekno.liputan6.com/read/2436770/operator-dorong-ekosistem-digital",
    ),
}

SITE = Site(
    key="liputan6",
    name="Liputan6.com",
    domain="www.liputan6.com",
    allowed_domains=("liputan6.com",),
    zone="WIB",
    sources=(
        Source("feed", "https://feed.liputan6.com/rss/news"),
        Source(
            "date_index",
            "https://www.liputan6.com/indeks/{date}?page={page}",
            date_format="%Y/%m/%d",
            next_page_xpath="//a[contains(@class,'simple-pagination__next-link')]/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:photo|video|tag|live|cek-fakta/video)/", r"^https?://(?:photo|video|enamplus)\.liputan6\.com/"),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(concat(' ',@class,' '),' article-content-body ')]",
            date_xpath="//time[contains(@class,'read-page--header--author__datetime')]",
            author_xpath="//span[contains(@class,'read-page--header--author__name')]",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga-collections')]",
                "//div[contains(@class,'article-ad')]",
                "//div[contains(@class,'read-page--video-gallery--item')]",
            ),
            boilerplate=(r"^\s*Baca Juga\s*$",),
        ),
    ),
)
