from kliping.sites.suara import SITE
from kliping.spiders.base import NewsSpider


class SuaraSpider(NewsSpider):
    name = "suara"
    site = SITE
