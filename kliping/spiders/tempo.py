from kliping.sites.tempo import SITE
from kliping.spiders.base import NewsSpider


class TempoSpider(NewsSpider):
    name = "tempo"
    site = SITE
