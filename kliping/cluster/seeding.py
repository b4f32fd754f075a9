"""Spider middleware ``ClusterSeeding``: one worker of a crawl seeds the listings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kliping.cluster.extension import ClusterRun


# -- seeding --------------------------------------------------------------------------------------
class ClusterSeeding:
    """Spider middleware: only one worker's start requests (the listings) reach the frontier.

    Listings are ``dont_filter`` (always re-read), so the dupefilter cannot stop every worker
    from queueing them again; the ``seeded`` key (SET NX) picks one seeder. The others still run
    the spider's start (which loads the seen set from the archive) but drop what it yields.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClusterSeeding:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        cluster: ClusterRun | None = getattr(self.crawler, "kliping_cluster", None)
        seeder = cluster is not None and cluster.claim_seeding()
        stats = self.crawler.stats
        async for request in start:
            if seeder or cluster is None:
                yield request
            else:
                stats.inc_value("kliping/cluster/start_skipped")
        if seeder and cluster is not None:
            from kliping.cluster.common import redis_errors

            try:
                cluster.seeding_done()
            except redis_errors() as exc:  # said once Redis answers again (ClusterRun.recover)
                cluster.seeded_unsaid = True
                cluster.redis_down(exc)
