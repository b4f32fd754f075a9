from kliping.sites.okezone import SITE
from kliping.spiders.base import NewsSpider


class OkezoneSpider(NewsSpider):
    name = "okezone"
    site = SITE
