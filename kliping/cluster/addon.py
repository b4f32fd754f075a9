"""Scrapy add-on ``RedisFrontier``: ``KLIPING_REDIS_URL`` switches a crawl to the shared frontier."""

from __future__ import annotations

from typing import Any


class RedisFrontier:
    """Scrapy add-on (``ADDONS``): with ``KLIPING_REDIS_URL`` set, switch to the shared frontier.

    An add-on sees ``-s`` overrides before the settings freeze, so ``scrapy crawl -s
    KLIPING_REDIS_URL=…`` and ``kliping crawl --redis`` get the same set-up. When no Redis server
    answers there, nothing is switched and the crawl is refused when the spider opens (the
    scheduler and the cluster extension met it in tracebacks).
    """

    def update_settings(self, settings: Any) -> None:
        url = settings.get("KLIPING_REDIS_URL")
        if not url:
            return
        from kliping.extras import require

        require("scrapy_redis", "KLIPING_REDIS_URL (a cluster crawl)")  # kliping[cluster]
        from kliping.cluster.common import redis_unreachable

        why = redis_unreachable(url)
        if why:  # the RunLedger extension refuses the spider when it opens: one ERROR line
            settings.set("KLIPING_REDIS_UNREACHABLE", f"KLIPING_REDIS_URL {url}: no Redis server "
                         f"answers there ({why}); start one (docs/cluster.md) or give its URL",
                         priority="addon")
            return
        for name, value in {
            "REDIS_URL": url,
            "SCHEDULER": "kliping.cluster.scheduler.Scheduler",
            "SCHEDULER_QUEUE_CLASS": "kliping.cluster.queue.ReliableQueue",
            "DUPEFILTER_CLASS": "kliping.cluster.dupefilter.CompactDupeFilter",
            "SCHEDULER_PERSIST": True,  # the frontier outlives its workers
            "SCHEDULER_SERIALIZER": "kliping.cluster.serializer",  # JSON: a pickle runs code
            # ClusterRun keeps the ledger for the whole cluster; RunLedger's flock would block
            "KLIPING_LEDGER_BY_CLI": True,
        }.items():
            settings.set(name, value, priority="addon")
        settings["EXTENSIONS"]["kliping.cluster.extension.ClusterRun"] = 510
        settings["SPIDER_MIDDLEWARES"]["kliping.cluster.seeding.ClusterSeeding"] = 10
