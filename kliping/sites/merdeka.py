"""merdeka.com: RSS fresh, date index back; long articles split over pages ("halaman selanjutnya")."""

from kliping.sites.base import Layout, Site, Source

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
    article_pattern=r"^https?://www\.merdeka\.com/[a-z-]+/[\w-]+-\d{5,8}-mvk\.html(?:\?page=\d+)?$",
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
