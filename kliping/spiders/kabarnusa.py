from kliping.sites.kabarnusa import SITE
from kliping.spiders.base import NewsSpider


class KabarnusaSpider(NewsSpider):
    name = "kabarnusa"
    site = SITE
