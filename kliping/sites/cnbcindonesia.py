"""cnbcindonesia.com: RSS fresh, date index back; single-page articles."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example in tests/sites/cnbcindonesia/urls.json.
URL_SCHEMES = {
    # 2017-: /<rubric>/<YYYYMMDDHHMMSS>-<rubric id>-<id>/<slug>, unchanged since the launch
    "datetime-id": r"^https?://www\.cnbcindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "datetime-id": (
        "2017- (unchanged since the launch)",
        "https://www.cnbcindonesia.com/news/20250311093045-4-123450/harga-beras-stabil-jelang-ramadan",
    ),
}

SITE = Site(
    key="cnbcindonesia",
    name="CNBC Indonesia",
    domain="www.cnbcindonesia.com",
    allowed_domains=("cnbcindonesia.com",),
    zone="WIB",
    url_time=r"/(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<s>[0-5]\d)-\d+-\d+/",
    sources=(
        Source("feed", "https://www.cnbcindonesia.com/news/rss"),
        Source(
            "date_index",
            "https://www.cnbcindonesia.com/news/indeks/3?date={date}&page={page}",
            date_format="%Y/%m/%d",
            next_page_xpath="//a[@dtr-act='next page']/@href | //a[@rel='next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:tv|video|foto|photo|tag|live|infografis)/",),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'detail-text')]",
            date_xpath="//div[contains(@class,'detail-head')]//div[contains(@class,'date')]",
            author_xpath="//div[contains(@class,'detail-head')]//div[contains(@class,'author')]",
            prune_xpaths=(
                "//div[contains(@class,'paradetail')]",
                "//table[contains(@class,'linksisip')]",
                "//div[contains(@class,'embed-video')]",
            ),
            boilerplate=(r"^\s*\[Gambas:[^\]]*\]\s*$", r"^\s*ADVERTISEMENT\b", r"^\s*SCROLL TO CONTINUE"),
        ),
    ),
)
