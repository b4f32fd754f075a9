"""detik.com (detikNews): news sitemap fresh, per-channel date index back, ``?single=1``."""

from datetime import date

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="detik",
    name="detikNews",
    domain="news.detik.com",
    allowed_domains=("detik.com",),
    zone="WIB",
    z_is_local=True,  # detik's meta publishdate "…Z" is WIB wall time, not UTC
    sources=(
        Source("news_sitemap", "https://news.detik.com/sitemap_news.xml"),
        Source(
            "date_index",
            "https://news.detik.com/indeks?date={date}&page={page}",
            date_format="%m/%d/%Y",
            next_page_xpath="//div[contains(@class,'pagination')]//a[contains(normalize-space(.),'Next')]/@href",
        ),
    ),
    # d-NNNNNNN articles of today; /read/YYYY/MM/DD/… URLs of the 2010s layout
    article_pattern=(
        r"^https?://news\.detik\.com/(?:berita|internasional|daerah|pemilu)/d-\d{6,8}/[\w-]+/?(?:\?.*)?$"
        r"|^https?://\w+\.detik\.com/read/\d{4}/\d{2}/\d{2}/\d+/\d+/\d+/[\w-]+"
    ),
    skip_patterns=(
        r"/(?:foto-news|fotonews|video|detiktv|x|tag|indeks)/",
        r"^https?://20\.detik\.com/",
        r"/live-?(?:report|update)",
    ),
    pagination="single=1",
    layouts=(
        Layout(
            "V0",
            valid_until=date(2019, 12, 31),
            body_xpath="//div[@id='detikdetailtext']",
            date_xpath="//div[@class='date']",
            author_xpath="//div[@class='author']",
            prune_xpaths=("//div[contains(@class,'news_tag')]",),
            title_suffix=r"\s*[-|]\s*detik\w*$",
        ),
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'detail__body-text')]",
            date_xpath="//div[contains(@class,'detail__date')]",
            author_xpath="//div[contains(@class,'detail__author')]",
            prune_xpaths=(
                "//table[contains(@class,'linksisip')]",
                "//div[contains(@class,'parallaxindetail')]",
                "//div[contains(@class,'detail__body-tag')]",
                "//div[contains(@class,'sisip_video_ds')]",
            ),
            boilerplate=(r"^\s*Simak (?:juga )?Video\b", r"^\s*\(\w{2,4}/\w{2,4}\)\s*$"),
            title_suffix=r"\s*[-|]\s*detik\w*$",
        ),
    ),
)
