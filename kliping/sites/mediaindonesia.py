"""mediaindonesia.com: news sitemap fresh, sitemap index (by lastmod) back."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in
# tests/sites/mediaindonesia/urls.json.
URL_SCHEMES = {
    # 2020-: /<rubric>/<id>/<slug>
    "rubric-id": r"^https?://(?:www\.)?mediaindonesia\.com/[a-z-]+/\d{5,7}/[\w-]+",
    # 2015-2020: /read/detail/<id>-<slug>[.html]
    "read-detail": r"^https?://(?:www\.|m\.)?mediaindonesia\.com/read/detail/\d{4,7}-[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "rubric-id": ("2020-", "https://mediaindonesia.com/ekonomi/848030/ihsg-sempat-tembus-rekor-lalu-melemah"),
    "read-detail": (
        "2015-2020",
        "https://mediaindonesia.com/read/detail/277880-mencari-cara-kerja-lebih-pintar.html",
    ),
}

SITE = Site(
    key="mediaindonesia",
    name="Media Indonesia",
    domain="mediaindonesia.com",
    zone="WIB",
    sources=(
        Source("news_sitemap", "https://mediaindonesia.com/sitemap-news.xml"),
        Source("sitemap", "https://mediaindonesia.com/sitemap.xml"),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
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
