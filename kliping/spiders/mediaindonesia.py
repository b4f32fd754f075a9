from kliping.sites.mediaindonesia import SITE
from kliping.spiders.base import NewsSpider


class MediaindonesiaSpider(NewsSpider):
    name = "mediaindonesia"
    site = SITE
