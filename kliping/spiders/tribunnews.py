from kliping.sites.tribunnews import SITE
from kliping.spiders.base import NewsSpider


class TribunnewsSpider(NewsSpider):
    name = "tribunnews"
    site = SITE
