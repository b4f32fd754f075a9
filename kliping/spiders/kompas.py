from kliping.sites.kompas import SITE
from kliping.spiders.base import NewsSpider


class KompasSpider(NewsSpider):
    name = "kompas"
    site = SITE
