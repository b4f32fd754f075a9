"""kumparan.com: news sitemap fresh, sitemap index (by lastmod) back; a React app."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/kumparan/urls.json.
URL_SCHEMES = {
    # 2018-: /<channel>/<slug>-<base62 id> (with "@" before the channel until ~2020; m. host too)
    "channel-slug-id": r"^https?://(?:m\.)?kumparan\.com/@?[\w-]+/[\w-]+-[0-9][0-9A-Za-z]{9,12}/?$",
    # 2017: /@<channel>/<slug>, no id (three words at least, so /@channel/feed is not one)
    "at-channel-slug": r"^https?://(?:m\.)?kumparan\.com/@[\w-]+/[a-z0-9]+(?:-[a-z0-9]+){2,}/?$",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "channel-slug-id": (
        "2018- (with `@` until ~2020)",
        "https://kumparan.com/kumparannews/warga-bersihkan-sungai-ciliwung-1xYzAbCdEf",
    ),
    "at-channel-slug": (
        "2017, no id",
        "https://kumparan.com/@kumparannews/membekali-diri-menghadapi-pelecehan",
    ),
}

SITE = Site(
    key="kumparan",
    name="kumparan",
    domain="kumparan.com",
    zone="WIB",
    sources=(
        Source("news_sitemap", "https://kumparan.com/sitemap-news.xml"),
        Source("sitemap", "https://kumparan.com/sitemap.xml"),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:topic|channel|trending|video|search)/", r"/kumparan(?:tv|video)/", r"/live-"),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[@data-qa-id='story-content']",
            date_xpath="//span[@data-qa-id='date']",
            author_xpath="//span[@data-qa-id='author-name']",
            prune_xpaths=("//div[@data-qa-id='ads-container']", "//div[@data-qa-id='tag-list']"),
            title_suffix=r"\s*\|\s*kumparan\.com$",
        ),
    ),
)
