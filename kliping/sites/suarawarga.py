"""suarawarga: the bundled sample WordPress news site in Papua (WIT), like the seed page."""

from kliping.sites.base import Layout, Site, Source

SITE = Site(
    key="suarawarga",
    name="Suara Warga (sample)",
    domain="suarawarga.example",
    zone="WIT",
    sources=(
        Source("feed", "https://suarawarga.example/feed/"),
        Source("sitemap", "https://suarawarga.example/sitemap.xml"),
    ),
    article_pattern=r"^https://suarawarga\.example/\d{4}/\d{2}/\d{2}/[\w-]+/?$",
    skip_patterns=(r"/(tag|category|author|feed|page)/",),
    layouts=(
        Layout(
            "V1",
            body_xpath="//div[contains(@class,'entry-content')]",
            prune_xpaths=("//div[@id='respond']", "//aside", "//div[contains(@class,'sharedaddy')]"),
            title_suffix=r"\s*[-|–]\s*Suara Warga$",
        ),
    ),
    sample=True,
)
