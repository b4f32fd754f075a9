"""detakberita: the bundled sample portal modelled on detik.com (fictional, offline)."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="detakberita",
    name="DetakBerita (sample)",
    domain="news.detakberita.example",
    allowed_domains=("detakberita.example",),
    zone="WIB",
    z_is_local=True,  # like detik: meta pubdate "…Z" is WIB
    sources=(
        Source("news_sitemap", "https://news.detakberita.example/sitemap_news.xml"),
        Source(
            "date_index",
            "https://news.detakberita.example/indeks?date={date}&page={page}",
            date_format="%m/%d/%Y",
        ),
    ),
    article_pattern=r"^https://news\.detakberita\.example/berita/d-\d{7}/[\w-]+/?(\?.*)?$",
    skip_patterns=(r"/(foto|video|tag|indeks)(/|\?|$)",),
    pagination="single=1",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'detail__body-text')]",
            date_xpath="//div[contains(@class,'detail__date')]",
            author_xpath="//div[contains(@class,'detail__author')]",
            title_suffix=r"\s*[-|]\s*detik\w*$",
        ),
    ),
    sample=True,
)
