from kliping.sites.liputan6 import SITE
from kliping.spiders.base import NewsSpider


class Liputan6Spider(NewsSpider):
    name = "liputan6"
    site = SITE
