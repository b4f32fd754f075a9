from kliping.sites.merdeka import SITE
from kliping.spiders.base import NewsSpider


class MerdekaSpider(NewsSpider):
    name = "merdeka"
    site = SITE
