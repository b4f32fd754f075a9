"""tempo.co: RSS fresh, sitemap index (by lastmod) back; redesigned in November 2024."""

from datetime import date

from kliping.sites.base import Layout, Site, Source

# Article URL schemes, newest first (issue #14.4); a test example of each in tests/sites/tempo/urls.json.
URL_SCHEMES = {
    # since the November 2024 redesign: /<rubric>/<slug>-<id>
    "slug-id": r"^https?://www\.tempo\.co/[a-z-]+/[\w-]+-\d{6,8}/?$",
    # 2017-2024: <channel>.tempo.co/read/<id>/<slug>
    "read-id": r"^https?://[a-z]+\.tempo\.co/read/\d{6,8}/[\w-]+",
    # 2010-2017: /read/news/YYYY/MM/DD/<9-digit id>/<Slug> (English: <id>,uk.html/<Slug>)
    "read-news-date": r"^https?://[a-z]+\.tempo\.co/read/[a-z]+/\d{4}/\d{2}/\d{2}/\d{9}(?:,[a-z]{2}\.html)?/[\w,.-]+",
}

# For docs/sites.md (generated from this): when each scheme was in use, and an example with a
# made-up id and slug.
URL_SCHEME_DOCS = {
    "slug-id": (
        "since the November 2024 redesign",
        "https://www.tempo.co/politik/dpr-sahkan-revisi-undang-undang-1234567",
    ),
    "read-id": (
        "2017-2024",
        "https://nasional.tempo.co/read/1456780/kpk-periksa-pejabat-dinas-pekerjaan-umum",
    ),
    "read-news-date": (
        "2010-2017",
        "http://www.tempo.co/read/news/2014/08/14/083599450/Kurikulum-Baru-Murid-Belum-Terima-Buku",
    ),
}

SITE = Site(
    key="tempo",
    name="Tempo.co",
    domain="www.tempo.co",
    allowed_domains=("tempo.co",),
    zone="WIB",
    sources=(
        Source("feed", "https://rss.tempo.co/nasional"),
        Source("sitemap", "https://www.tempo.co/sitemap.xml"),
    ),
    article_pattern="|".join(URL_SCHEMES.values()),
    skip_patterns=(
        r"^https?://(?:video|foto|majalah|koran|interaktif)\.tempo\.co/",
        r"/(?:foto|video|tag|topik|indeks|podcast)/",
    ),
    layouts=(
        Layout(
            "V1",
            valid_until=date(2024, 11, 17),
            body_xpath="//div[contains(@class,'detail-konten')]",
            date_xpath="//p[contains(@class,'date')]",
            author_xpath="//span[@itemprop='author']//span[@itemprop='name']",
            prune_xpaths=("//div[contains(@class,'bacajuga')]", "//div[contains(@class,'box-tag-detail')]"),
            boilerplate=(r"^\s*(?:Baca juga|Pilihan Editor)\s*:",),
            title_suffix=r"\s*[-|]\s*(?:tempo\.co|Tempo\.co).*$",
        ),
        Layout(
            "V2",
            body_xpath="//div[@id='content-wrapper']",
            date_xpath="//p[contains(@class,'date-publish')]",
            author_xpath="//div[contains(@class,'author-name')]//p",
            prune_xpaths=(
                "//div[contains(@class,'ads-placeholder')]",
                "//div[contains(@class,'pilihan-editor')]",
            ),
            boilerplate=(r"^\s*(?:Baca juga|Pilihan Editor)\s*:",),
            title_suffix=r"\s*[-|]\s*tempo\.co$",
        ),
    ),
)
