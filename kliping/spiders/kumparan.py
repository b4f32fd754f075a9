from kliping.sites.kumparan import SITE
from kliping.spiders.base import NewsSpider


class KumparanSpider(NewsSpider):
    name = "kumparan"
    site = SITE
