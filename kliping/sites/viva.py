"""viva.co.id: RSS fresh, date index back, ``?page=all``."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/viva/urls.json.
URL_SCHEMES = {
    # 2016-: www.viva.co.id/<channel>/<sub>/<id>-<slug>
    "channel-sub-id": r"^https?://www\.viva\.co\.id/[a-z-]+/[a-z-]+/\d{6,8}-[\w-]+",
    # 2010-2016: channel hosts, /[<sub>/]read/<id>-<slug>
    # (politik.news.viva.co.id/news/read/…, life.viva.co.id/showbiz/read/…)
    "channel-host-read": r"^https?://(?:[a-z]+\.)+viva\.co\.id/(?:[a-z-]+/)?read/\d{5,8}-[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "channel-sub-id": (
        "2016-",
        "https://www.viva.co.id/berita/nasional/1234560-warga-bersihkan-sungai-bersama",
    ),
    "channel-host-read": (
        "2010-2016",
        "http://life.viva.co.id/showbiz/read/736460-penyanyi-beri-tepuk-tangan-untuk-pianis-cilik",
    ),
}

SITE = Site(
    key="viva",
    name="VIVA.co.id",
    domain="www.viva.co.id",
    allowed_domains=("viva.co.id",),
    zone="WIB",
    sources=(
        Source("feed", "https://www.viva.co.id/rss/berita"),
        Source(
            "date_index",
            "https://www.viva.co.id/indeks/berita/all/{date}?page={page}",
            date_format="%Y/%m/%d",
            next_page_xpath="//a[contains(@class,'pagination-next')]/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:video|foto|tag|vstory|live)/", r"^https?://(?:video|foto)\.viva\.co\.id/"),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'main-content-detail')]",
            date_xpath="//div[contains(@class,'main-content-date')]",
            author_xpath="//div[contains(@class,'main-content-author')]//a",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'page-nav')]",
                "//div[contains(@class,'ads')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:", r"^\s*Halaman Selanjutnya"),
            title_suffix=r"\s*-\s*VIVA$",
        ),
    ),
)
