"""mediaindonesia.com: news sitemap fresh, sitemap index (by lastmod) back."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="mediaindonesia",
    name="Media Indonesia",
    domain="mediaindonesia.com",
    zone="WIB",
    sources=(
        Source("news_sitemap", "https://mediaindonesia.com/sitemap-news.xml"),
        Source("sitemap", "https://mediaindonesia.com/sitemap.xml"),
    ),
    article_pattern=r"^https?://mediaindonesia\.com/[a-z-]+/\d{5,7}/[\w-]+",
    skip_patterns=(r"/(?:foto|video|tag|galeri|podcast|infografis)/", r"#"),
    layouts=(
        Layout(
            "V1",
            body_xpath="//section[contains(@class,'detail')]//div[@class='article']",
            date_xpath="//div[contains(@class,'post-header')]//span[contains(@class,'datetime')]",
            author_xpath="//div[contains(@class,'post-header')]//div[contains(@class,'author-2')]",
            prune_xpaths=(
                "//div[contains(@class,'flying-carpet')]",
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'tag')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:",),
        ),
    ),
)
