from kliping.sites.viva import SITE
from kliping.spiders.base import NewsSpider


class VivaSpider(NewsSpider):
    name = "viva"
    site = SITE
