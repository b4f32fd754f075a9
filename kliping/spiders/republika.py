from kliping.sites.republika import SITE
from kliping.spiders.base import NewsSpider


class RepublikaSpider(NewsSpider):
    name = "republika"
    site = SITE
