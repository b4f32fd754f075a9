from kliping.sites.antaranews import SITE
from kliping.spiders.base import NewsSpider


class AntaranewsSpider(NewsSpider):
    name = "antaranews"
    site = SITE
