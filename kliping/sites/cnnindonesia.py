"""cnnindonesia.com: RSS fresh, date index back; single-page articles."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example in tests/sites/cnnindonesia/urls.json.
URL_SCHEMES = {
    # 2014-: /<rubric>/<YYYYMMDDHHMMSS>-<rubric id>-<id>/<slug>, unchanged since the launch
    "datetime-id": r"^https?://www\.cnnindonesia\.com/[a-z-]+/\d{14}-\d+-\d+/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "datetime-id": (
        "2014- (unchanged since the launch)",
        "https://www.cnnindonesia.com/nasional/20250311093045-20-1234567/kai-siapkan-perjalanan-tambahan",
    ),
}

SITE = Site(
    key="cnnindonesia",
    name="CNN Indonesia",
    domain="www.cnnindonesia.com",
    allowed_domains=("cnnindonesia.com",),
    zone="WIB",
    url_time=r"/(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<s>[0-5]\d)-\d+-\d+/",
    sources=(
        Source("feed", "https://www.cnnindonesia.com/nasional/rss"),
        Source(
            "date_index",
            "https://www.cnnindonesia.com/nasional/indeks/3?date={date}&page={page}",
            date_format="%Y/%m/%d",
            next_page_xpath="//a[@dtr-act='next page']/@href | //a[@rel='next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:tv|foto|video|infografis|tag|live)/", r"/\d{14}-\d+-\d+/live-"),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'detail-text')]",
            date_xpath="//div[contains(@class,'text-cnn_grey') and contains(@class,'text-sm')]",
            prune_xpaths=(
                "//div[contains(@class,'paradetail')]",
                "//div[contains(@class,'linksisip')]",
                "//table[contains(@class,'linksisip')]",
                "//div[contains(@class,'embed-video')]",
            ),
            boilerplate=(r"^\s*\[Gambas:[^\]]*\]\s*$", r"^\s*ADVERTISEMENT\b", r"^\s*SCROLL TO CONTINUE"),
        ),
    ),
)
