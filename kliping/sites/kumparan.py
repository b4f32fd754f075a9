"""kumparan.com: news sitemap fresh, sitemap index (by lastmod) back; a React app."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="kumparan",
    name="kumparan",
    domain="kumparan.com",
    zone="WIB",
    sources=(
        Source("news_sitemap", "https://kumparan.com/sitemap-news.xml"),
        Source("sitemap", "https://kumparan.com/sitemap.xml"),
    ),
    # /<channel>/<slug>-<base62 id>
    article_pattern=r"^https?://kumparan\.com/[\w-]+/[\w-]+-[0-9][0-9A-Za-z]{9,12}/?$",
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
