"""kabarnusa: the bundled sample portal modelled on kompas.com (fictional, offline)."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="kabarnusa",
    name="Kabarnusa (sample)",
    domain="www.kabarnusa.example",
    allowed_domains=("kabarnusa.example",),
    zone="WIB",
    sources=(
        Source("news_sitemap", "https://www.kabarnusa.example/sitemap-news.xml"),
        Source(
            "date_index",
            "https://indeks.kabarnusa.example/?site=all&date={date}&page={page}",
            date_format="%Y-%m-%d",
        ),
    ),
    article_pattern=r"^https://\w+\.kabarnusa\.example/read/\d{4}/\d{2}/\d{2}/\d+/[\w.-]+/?(\?.*)?$",
    skip_patterns=(r"/(foto|video|tag)/",),
    pagination="page=all",
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'read__content')]",
            date_xpath="//div[contains(@class,'read__time')]",
            title_suffix=r"\s*-\s*Kabarnusa\.com$",
        ),
    ),
    sample=True,
)
