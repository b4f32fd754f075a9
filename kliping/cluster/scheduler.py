"""The scheduler: scrapy-redis's, built on first use so kliping imports without scrapy-redis."""

from __future__ import annotations

from typing import Any


def _scheduler_class() -> type:
    from scrapy.utils.misc import load_object
    from scrapy_redis.scheduler import Scheduler as RedisScheduler

    class Scheduler(RedisScheduler):  # type: ignore[misc]
        """scrapy-redis's scheduler, counting stats without the ``spider=`` Scrapy deprecated."""

        def open(self, spider: Any) -> None:
            self.spider = spider
            self.queue = load_object(self.queue_cls)(server=self.server, spider=spider, key="",
                                                     serializer=self.serializer)
            if not self.df:
                self.df = load_object(self.dupefilter_cls).from_spider(spider)
            if self.flush_on_start:
                self.flush()
            if len(self.queue):
                spider.logger.info("joining a crawl in progress (%d requests queued)", len(self.queue))

        def enqueue_request(self, request: Any) -> bool:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            self.queue.push(request)
            return True

        def next_request(self) -> Any:
            request = self.queue.pop(self.idle_before_close)
            if request and self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request

    Scheduler.__module__ = __name__
    return Scheduler


def __getattr__(name: str) -> Any:
    """``kliping.cluster.scheduler.Scheduler``, built on first use: kliping imports without scrapy-redis."""
    if name == "Scheduler":
        cls = _scheduler_class()
        globals()[name] = cls
        return cls
    raise AttributeError(name)
