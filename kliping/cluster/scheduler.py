"""The scheduler: scrapy-redis's, built on first use so kliping imports without scrapy-redis."""

from __future__ import annotations

from typing import Any


def _scheduler_class() -> type:
    from scrapy.utils.misc import load_object
    from scrapy_redis.scheduler import Scheduler as RedisScheduler

    from kliping.cluster.common import redis_errors

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

        def _cluster(self) -> Any:
            return getattr(getattr(self.spider, "crawler", None), "kliping_cluster", None)

        def enqueue_request(self, request: Any, check_seen: bool = True) -> bool:
            """Queue ``request`` on Redis; while Redis does not answer, hold it in this worker
            (``ClusterRun.hold``) to be queued when Redis is back, or recorded as lost when the
            worker stops: raised, the error lost the request (a link a page yielded) unsaid."""
            cluster = self._cluster()
            if cluster is not None and cluster.down:
                return cluster.hold(request, check_seen)
            seen_checked = False
            try:
                if check_seen and not request.dont_filter and self.df.request_seen(request):
                    self.df.log(request, self.spider)
                    return False
                seen_checked = True
                self.queue.push(request)
            except redis_errors() as exc:
                if cluster is None:
                    raise
                cluster.redis_down(exc)
                # seen already recorded: checked again, the request would be its own duplicate
                return cluster.hold(request, check_seen and not seen_checked)
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            return True

        def next_request(self) -> Any:
            cluster = self._cluster()
            if cluster is not None and cluster.down:
                return None  # the idle poll and the heartbeat look for Redis again
            try:
                request = self.queue.pop(self.idle_before_close)
            except redis_errors() as exc:
                if cluster is None:
                    raise
                cluster.redis_down(exc)
                return None
            if request and self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request

        def has_pending_requests(self) -> bool:
            cluster = self._cluster()
            if cluster is not None and cluster.down:
                return False  # idle, so that the idle poll waits for Redis (DontCloseSpider)
            try:
                return len(self) > 0
            except redis_errors() as exc:
                if cluster is None:
                    raise
                cluster.redis_down(exc)
                return False

    Scheduler.__module__ = __name__
    return Scheduler


def __getattr__(name: str) -> Any:
    """``kliping.cluster.scheduler.Scheduler``, built on first use: kliping imports without scrapy-redis."""
    if name == "Scheduler":
        cls = _scheduler_class()
        globals()[name] = cls
        return cls
    raise AttributeError(name)
