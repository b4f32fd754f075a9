"""merdeka.com: RSS fresh, date index back; long articles split over pages ("halaman selanjutnya")."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/merdeka/urls.json.
URL_SCHEMES = {
    # 2023-: /<rubric>/<slug>-<id>-mvk.html
    "slug-id-mvk": r"^https?://www\.merdeka\.com/[a-z-]+/[\w-]+-\d{5,8}-mvk\.html(?:\?page=\d+)?$",
    # 2012-2023: /<rubric>[/<sub>]/<slug>.html, no id (four words at least, so index.html is not one)
    "slug-html": (
        r"^https?://(?:www|m)\.merdeka\.com/(?:[a-z-]+/){1,2}[a-z0-9]+(?:-[a-z0-9]+){3,}\.html(?:\?page=\d+)?$"
    ),
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "slug-id-mvk": (
        "2023-",
        "https://www.merdeka.com/peristiwa/petani-palu-mulai-panen-padi-123450-mvk.html",
    ),
    "slug-html": (
        "2012-2023, no id",
        "https://www.merdeka.com/uang/umkm-sumbang-61-persen-ke-pdb-nasional.html",
    ),
}

SITE = Site(
    key="merdeka",
    name="Merdeka.com",
    domain="www.merdeka.com",
    allowed_domains=("merdeka.com",),
    zone="WIB",
    sources=(
        Source("feed", "https://www.merdeka.com/feed/"),
        Source(
            "date_index",
            "https://www.merdeka.com/indeks-berita?date={date}&page={page}",
            date_format="%Y-%m-%d",
            next_page_xpath="//div[contains(@class,'paging')]//a[@rel='next']/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:foto|video|tag|trending|sehat/video)/", r"/(?:foto|video)-[\w-]+-\d+-mvk\.html"),
    pagination="next_link",
    next_page_xpath="//a[contains(@class,'next-page')]/@href",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'article-content')]",
            date_xpath="//div[contains(@class,'article-date')]",
            author_xpath="//div[contains(@class,'article-author')]//span[@class='reporter']",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'article-paging')]",
                "//div[contains(@class,'ads')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:", r"^\s*Halaman selanjutnya"),
            title_suffix=r"\s*\|\s*merdeka\.com$",
        ),
    ),
)
