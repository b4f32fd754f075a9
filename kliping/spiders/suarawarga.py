from kliping.sites.suarawarga import SITE
from kliping.spiders.base import NewsSpider


class SuarawargaSpider(NewsSpider):
    name = "suarawarga"
    site = SITE
