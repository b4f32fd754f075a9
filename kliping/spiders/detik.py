from kliping.sites.detik import SITE
from kliping.spiders.base import NewsSpider


class DetikSpider(NewsSpider):
    name = "detik"
    site = SITE
