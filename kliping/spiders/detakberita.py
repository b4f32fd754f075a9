from kliping.sites.detakberita import SITE
from kliping.spiders.base import NewsSpider


class DetakberitaSpider(NewsSpider):
    name = "detakberita"
    site = SITE
