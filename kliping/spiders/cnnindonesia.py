from kliping.sites.cnnindonesia import SITE
from kliping.spiders.base import NewsSpider


class CnnindonesiaSpider(NewsSpider):
    name = "cnnindonesia"
    site = SITE
