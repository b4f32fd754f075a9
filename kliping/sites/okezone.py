"""okezone.com: RSS fresh, ``index.okezone.com`` by-date index back, ``?page=all``."""

from kliping.sites.base import Layout, Site, Source

# Article URL schemes (issue #14.4); a test example in tests/sites/okezone/urls.json.
URL_SCHEMES = {
    # 2008-: <channel>.okezone.com/read/YYYY/MM/DD/<channel id>/<id>/<slug> (5-digit ids in 2008)
    "read-date-id": r"^https?://[\w-]+\.okezone\.com/read/\d{4}/\d{2}/\d{2}/\d+/\d{5,8}/[\w-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "read-date-id": (
        "2008-",
        "https://news.okezone.com/read/2025/03/11/337/3123450/warga-bersihkan-saluran-air",
    ),
}

SITE = Site(
    key="okezone",
    name="Okezone",
    domain="news.okezone.com",
    allowed_domains=("okezone.com",),
    zone="WIB",
    sources=(
        Source("feed", "https://sindikasi.okezone.com/index.php/rss/1/RSS2.0"),
        Source(
            "date_index",
            "https://index.okezone.com/bydate/channel/{date}/1/{page}",
            date_format="%Y/%m/%d",
            first_page=0,
            next_page_xpath="//div[contains(@class,'pagination-indexs')]//a[contains(normalize-space(.),'Berikutnya')]/@href",
        ),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"^https?://(?:video|foto|img)\.okezone\.com/", r"/(?:tag|topic|view)/"),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[@id='contentx']",
            date_xpath="//span[contains(@class,'namerep')]/b[contains(.,'WIB')]",
            author_xpath="//span[contains(@class,'namerep')]/a",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'paging')]",
                "//div[contains(@class,'detail-tag')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:",),
            title_suffix=r"\s*:\s*Okezone\s*\w*$",
        ),
    ),
)
