"""tempo.co: RSS fresh, sitemap index (by lastmod) back; redesigned in November 2024."""

from datetime import date

from kliping.sites.base import Layout, Site, Source

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
    # today: /<rubric>/<slug>-<id>; before the redesign: <sub>.tempo.co/read/<id>/<slug>
    article_pattern=(
        r"^https?://www\.tempo\.co/[a-z-]+/[\w-]+-\d{6,8}/?$"
        r"|^https?://[a-z]+\.tempo\.co/read/\d{6,8}/[\w-]+"
    ),
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
