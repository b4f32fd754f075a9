from kliping.sites.cnbcindonesia import SITE
from kliping.spiders.base import NewsSpider


class CnbcindonesiaSpider(NewsSpider):
    name = "cnbcindonesia"
    site = SITE
