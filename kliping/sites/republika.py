"""republika.co.id: RSS fresh, sitemap index (by lastmod) back; new URL scheme since 2021."""

from datetime import date

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/republika/urls.json.
URL_SCHEMES = {
    # 2020-: /berita/<id>/<slug> on www, the bare domain and the desks (news., khazanah.…); ids hold a digit
    "berita-id": r"^https?://(?:[\w-]+\.)?republika\.co\.id/berita/(?=[a-z]*\d)[a-z0-9]{9,12}/[\w-]+",
    # 2009-2020: /berita/<rubric>/<sub>/YY/MM/DD/<id>-<slug>
    "berita-rubric-date": (
        r"^https?://(?:[\w-]+\.)?republika\.co\.id/berita/[\w-]+/[\w-]+/\d{2}/\d{2}/\d{2}/[a-z0-9]+-[\w-]+"
    ),
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "berita-id": (
        "2020-",
        "https://www.republika.co.id/berita/s0a1b2c345/warga-sambut-ramadhan-dengan-gembira",
    ),
    "berita-rubric-date": (
        "2009-2020",
        "http://nasional.republika.co.id/berita/nasional/daerah/16/02/15/o2l07x280-artis-promosikan-pariwisata",
    ),
}

SITE = Site(
    key="republika",
    name="Republika",
    domain="www.republika.co.id",
    allowed_domains=("republika.co.id",),
    zone="WIB",
    sources=(
        Source("feed", "https://www.republika.co.id/rss"),
        Source("sitemap", "https://www.republika.co.id/sitemap.xml"),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(r"/(?:inpicture|foto|video|tag|kanal|page)/", r"^https?://(?:video|foto)\.republika\.co\.id/"),
    layouts=(
        Layout(
            "V0",
            valid_until=date(2020, 12, 31),
            body_xpath="//div[contains(@class,'artikel')]",
            date_xpath="//div[contains(@class,'date_detail')]/p",
            author_xpath="//div[contains(@class,'by')]//span",
            prune_xpaths=("//div[contains(@class,'baca-juga')]", "//div[contains(@class,'tag_list')]"),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:",),
        ),
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'article-content')]",
            date_xpath="//div[contains(@class,'date-detail')]/span",
            author_xpath="//div[contains(@class,'max-card__title')]//span[@class='reporter']",
            prune_xpaths=(
                "//div[contains(@class,'baca-juga')]",
                "//div[contains(@class,'ads-on-body')]",
                "//div[contains(@class,'tag-list')]",
            ),
            boilerplate=(r"^\s*Baca [Jj]uga\s*:", r"^\s*(?:Sumber|Rep|Red)\s*:"),
        ),
    ),
)
