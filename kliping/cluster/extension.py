"""Extension ``ClusterRun``: heartbeats, acks at each flush, and the run's one ledger row."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider, NotConfigured

from kliping.cluster.common import (
    _SUMMED,
    HEARTBEAT_SECONDS,
    HELD_MAX,
    LOST_BYTES,
    LOST_KEPT,
    OUTAGE_SECONDS,
    SEEN_SHARDS,
    WORKER_ID,
    frontier_prefix,
    logger,
    redis_client,
    redis_errors,
    shown_url,
)
from kliping.cluster.queue import AckTracker, dropped


def redis_response_error() -> type[BaseException]:
    import redis

    return redis.exceptions.ResponseError


# -- the run --------------------------------------------------------------------------------------
class ClusterRun:
    """Worker life cycle: run identity, heartbeat, acks, reaping dead workers, the final row."""

    _down_since: float | None = None  # when Redis stopped answering (None: it answers)
    seeded_unsaid = False  # this worker seeded the listings while Redis did not answer
    error: str | None = None  # why this worker stopped without Redis, one line

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.server = redis_client(self.settings)
        spider = crawler.spider
        self.spider = spider
        self.prefix = frontier_prefix(spider)
        self.ttl = self.settings.getfloat("KLIPING_REDIS_HEARTBEAT", HEARTBEAT_SECONDS)
        self._last_looked: dict[str, int] = {}  # others' heartbeat ttl (ms) at the last idle poll
        self.processing = f"{self.prefix}:processing:{WORKER_ID}"
        self.tracker = AckTracker(self.server, self.processing)
        self.result: dict[str, Any] | None = None  # set when this worker wrote the run's row
        self._beat: Any = None
        self._beat_failing = False
        self._queue: Any = None
        self._writers: Any = None
        self.url = shown_url(self.settings.get("KLIPING_REDIS_URL") or self.settings.get("REDIS_URL") or "")
        self.outage = self.settings.getfloat("KLIPING_REDIS_OUTAGE", OUTAGE_SECONDS)
        self.held: list[tuple[Any, bool]] = []  # (request, check it against the seen set)
        self._down_why = ""
        self._join()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClusterRun:
        if not crawler.settings.get("KLIPING_REDIS_URL") or crawler.spider is None:
            raise NotConfigured
        ext = cls(crawler)
        crawler.kliping_cluster = ext
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def _join(self) -> None:
        """Take the cluster's run id (the first worker sets it) before the pipelines open."""
        from kliping.crawler.lifecycle import new_run_id

        meta = self.key("meta")
        # one run (and ledger row) per site: sites of one command finish independently
        self.server.hsetnx(meta, "run_id", new_run_id())
        self.server.hsetnx(meta, "started_at", datetime.now(UTC).isoformat())
        self.spider.run_id = self.server.hget(meta, "run_id").decode()
        self.started_at = datetime.fromisoformat(self.server.hget(meta, "started_at").decode())
        self.heartbeat()
        self.server.sadd(self.key("workers"), WORKER_ID)

    # liveness ------------------------------------------------------------------------------------
    def heartbeat(self) -> None:
        self.server.set(self.key(f"alive:{WORKER_ID}"), "1", px=int(self.ttl * 1000))

    def beat(self) -> None:
        """The periodic heartbeat: a Redis error (a restart, a timeout, a full memory) is one
        WARNING and the next beat tries again. Raised, it stopped the LoopingCall for good: the
        worker, alive and busy, looked dead once its key expired, and the others re-queued and
        fetched again what it held."""
        import redis

        if self.down:
            self.recover()
            return
        try:
            self.heartbeat()
        except redis_errors() as exc:
            self.redis_down(exc)
        except redis.exceptions.RedisError as exc:
            if not self._beat_failing:
                logger.warning("heartbeat not written (%s); trying again", " ".join(str(exc).split()))
            self._beat_failing = True
        else:
            self._beat_failing = False

    # Redis going away ----------------------------------------------------------------------------
    @property
    def down(self) -> bool:
        """Is Redis not answering (or this worker stopping for it)? Nothing is sent to it then
        but the idle poll's and the heartbeat's look for it."""
        return self._down_since is not None or self.error is not None

    def redis_down(self, exc: BaseException) -> None:
        """A Redis error: the first opens an outage (one WARNING); past ``KLIPING_REDIS_OUTAGE``
        seconds of it the worker stops (``stop``)."""
        if self._down_since is None and self.error is None:
            self._down_since = time.monotonic()
            self._down_why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            logger.warning("Redis at %s does not answer (%s): holding new requests, trying again "
                           "for up to %g s", self.url, self._down_why, self.outage)
        self.check_outage()

    def check_outage(self) -> None:
        if self._down_since is not None and time.monotonic() - self._down_since >= self.outage:
            self.stop(f"Redis at {self.url} did not answer for {self.outage:g} s ({self._down_why})")

    def hold(self, request: Any, check_seen: bool) -> bool:
        """Keep a request Redis could not take, to queue it once Redis answers again."""
        self.held.append((request, check_seen))
        self.crawler.stats.inc_value("kliping/cluster/held_requests")
        if len(self.held) >= HELD_MAX:
            self.stop(f"Redis at {self.url} does not answer ({self._down_why}) and this worker "
                      f"holds {HELD_MAX} requests it could not queue")
        return True

    def recover(self) -> bool:
        """During an outage: does Redis answer again? Then its frontier must still be there
        (a Redis restarted without its data lost the queue and the seen set: the worker stops),
        and the held requests are queued. True when Redis answers and nothing is held."""
        if self.error is not None:
            return False
        if self._down_since is None and not self.held:
            return True
        try:
            self.server.ping()
            if self.frontier_gone():
                return False
            self.heartbeat()
            if self.seeded_unsaid:
                self.server.set(self.key("seeded"), "done")
                self.seeded_unsaid = False
            held, self.held = self.held, []
            was_down, self._down_since = self._down_since, None
            scheduler = self.crawler.engine._slot.scheduler
            for request, check_seen in held:
                scheduler.enqueue_request(request, check_seen=check_seen)  # held again if down
        except redis_errors() as exc:
            self.redis_down(exc)
            return False
        if was_down is not None:
            logger.warning("Redis at %s answers again after %.1f s: queued %d held requests",
                           self.url, time.monotonic() - was_down, len(held) - len(self.held))
        return not self.down

    def frontier_gone(self) -> bool:
        """Is the run's ``meta`` gone from a Redis that answers (restarted without its data, or
        flushed: the queue and the seen set went with it)? Then the worker stops, saying so:
        crawling on into an empty frontier, no worker could ever write the run's row."""
        if self.server.exists(self.key("meta")) or self.server.exists(f"kliping-done:{self.spider.run_id}"):
            return False  # (the run finished: this worker was taken for dead and reaped)
        self.stop(f"the frontier on Redis at {self.url} is gone (Redis restarted without its data, "
                  "or flushed)")
        return True

    def stop(self, message: str) -> None:
        """Stop this worker without Redis: one ERROR line; ``spider_closed`` writes its ledger
        row (``failed``) with the requests it could not queue."""
        if self.error is not None:
            return
        self.error = f"{message}: worker stopped; {self.lost_said()}"
        logger.error("%s", self.error)
        self.crawler.stats.set_value("kliping/cluster/redis_error", self.error)
        engine = getattr(self.crawler, "engine", None)
        slot = getattr(engine, "_slot", None)
        if engine is not None and slot is not None and slot.closing is None:
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(engine.close_spider_async(reason="redis_error"))

    def unqueued(self) -> int:
        """Held requests that are lost if Redis does not come back: a retry or redirect of a
        popped entry is not (its entry stays in the processing hash, re-queued by the reaper)."""
        return sum(1 for request, _ in self.held if "kliping_ack" not in request.meta)

    @property
    def own_run_id(self) -> str:
        """The id of this worker's own ledger row, once it stops without Redis: the cluster run
        (``spider.run_id``) may still be finished by other workers, and has one final row."""
        if getattr(self, "_own_run_id", None) is None:
            from kliping.crawler.lifecycle import new_run_id

            self._own_run_id = new_run_id()
        return self._own_run_id

    def lost_said(self) -> str:
        n = self.unqueued()
        held = (f"{n} requests it could not queue are recorded in its ledger row, for the next "
                "worker to queue" if n else "it held no request it could not queue")
        return f"{held} (row {self.own_run_id}, a worker of run {self.spider.run_id})"

    def close_without_redis(self, reason: str) -> None:
        """The end of a worker that lost Redis: its own ``failed`` ledger row (the cluster's
        totals are out of reach), holding every request it could not queue, whole, for the
        next worker of this run to queue (``requeue_lost``); the one line the CLI prints."""
        from kliping.cluster.serializer import Unkeepable
        from kliping.crawler.ledger import FAILED
        from kliping.crawler.lifecycle import Run

        if self.error is None:
            self.error = (f"Redis at {self.url} does not answer ({self._down_why}) as the worker "
                          f"closes ({reason}): worker stopped; {self.lost_said()}")
            logger.error("%s", self.error)
            self.crawler.stats.set_value("kliping/cluster/redis_error", self.error)
        lost, size = [], 0
        for request, check_seen in self.held:
            if "kliping_ack" in request.meta:
                continue
            try:  # check_seen: its fingerprint never reached the seen set
                entry = self._queue._encode_request(request).decode()
            except Unkeepable:
                continue  # refused aloud when first queued
            size += len(entry)  # a multi-page article's request carries its pages so far
            if len(lost) < LOST_KEPT and size <= LOST_BYTES:
                lost.append({"entry": entry, "check_seen": check_seen})
            else:
                lost.append(None)  # counted, not kept: the next run's listings find it again
        stats = self.crawler.stats.get_stats()
        self.crawler.stats.set_value("kliping/cluster/lost_requests", len(lost))
        site = self.spider.name
        run = Run(self.settings.get("KLIPING_OUT"), [site], run_id=self.own_run_id,
                  since=getattr(self.spider, "since", None), until=getattr(self.spider, "until", None),
                  started_at=self.started_at)
        health = run.health({site: stats}, self.settings.getdict("KLIPING_HEALTH"))
        health["cluster"] = {"run": self.spider.run_id, "worker": WORKER_ID, "redis_error": self.error,
                             "lost_requests": len(lost), "lost": [one for one in lost if one]}
        error = run.close(FAILED, [stats], health)
        if error is not None:
            logger.error("the run ledger could not record the end of run %s (failed): %s",
                         run.run_id, error)
        self.result = {"status": FAILED, "health": health, "stats": stats}

    def requeue_lost(self) -> int:
        """Queue the requests a worker of this run could not queue before it stopped without
        Redis (its ledger row holds them), once per such worker. One whose fingerprint reached
        the seen set goes straight into the queue (through the dupefilter it would be lost); one
        whose did not passes the dupefilter (the page that yielded it, re-queued by the reaper,
        may have yielded it again)."""
        from scrapy.utils.request import request_from_dict

        from kliping.cluster.serializer import loads
        from kliping.crawler.ledger import FAILED
        from kliping.dataset.storage import dataset_path, open_dataset

        runs = open_dataset(dataset_path(self.settings.get("KLIPING_OUT"), "runs"), "runs")
        if runs is None:
            return 0
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.dataset as ds

        try:
            table = runs.to_table(columns=["run_id", "health"], filter=(ds.field("status") == FAILED)
                                  & pc.match_substring(ds.field("health"), self.spider.run_id))
        except (OSError, pa.ArrowException) as exc:  # a part another run is writing, damaged
            logger.warning("the run ledger could not be read for requests lost to Redis: %s",
                           " ".join(str(exc).split())[:200])
            return 0
        n = 0
        for row_id, text in zip(*(table.column(c).to_pylist() for c in ("run_id", "health")), strict=True):
            try:
                cluster = json.loads(text or "{}").get("cluster") or {}
                run, lost, worker = cluster.get("run"), cluster.get("lost") or [], cluster.get("worker")
            except (ValueError, AttributeError):
                continue  # a damaged health value: no requests to find in it
            if run != self.spider.run_id or not isinstance(lost, list) or not lost:
                continue
            if not self.server.sadd(self.key("lost_requeued"), row_id):
                continue  # another worker queued them
            scheduler = self.crawler.engine._slot.scheduler
            for one in lost:
                data = str(one.get("entry") if isinstance(one, dict) else one).encode("utf-8")
                try:
                    request = request_from_dict(loads(data), spider=self.spider)
                except Exception as exc:  # noqa: BLE001 - not a request: named, as junk in Redis
                    dropped(self.spider, "the run ledger", data, exc)
                    continue
                check_seen = not isinstance(one, dict) or one.get("check_seen") is not False
                n += bool(scheduler.enqueue_request(request, check_seen=check_seen))
            logger.warning("queued %d requests worker %s could not queue before it lost Redis",
                           len(lost), str(worker)[:80])
        return n

    def alive(self, worker: str) -> bool:
        return bool(self.server.exists(self.key(f"alive:{worker}")))

    def reap(self) -> int:
        """Put the processing entries of dead workers back in the queue; returns entries re-queued."""
        requeued = 0
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode()
            if worker == WORKER_ID or self.alive(worker):
                continue
            if not self.server.set(self.key(f"reaping:{worker}"), WORKER_ID, nx=True, ex=60):
                continue  # another worker is reaping it
            n = self.requeue(f"{self.prefix}:processing:{worker}", skip_stored=True)
            self.server.srem(self.key("workers"), worker)
            self.server.delete(self.key(f"reaping:{worker}"))
            self.server.hincrby(self.key("stats"), "kliping/cluster/workers_reaped", 1)
            self.server.hincrby(self.key("stats"), "kliping/cluster/requeued", n)
            self.crawler.stats.inc_value("kliping/cluster/requeued", n)
            logger.warning("worker %s is gone: re-queued %d of its requests", worker, n)
            requeued += n
        return requeued

    def requeue(self, processing: str, *, skip_stored: bool = False) -> int:
        """Move every entry of a processing hash back into the queue."""
        entries = self.server.hgetall(processing)
        stored = self._stored_urls() if skip_stored and entries else set()
        queue = self.key("requests")
        n = 0
        pipe = self.server.pipeline()
        for value in entries.values():
            score, _, data = value.partition(b"|")
            try:
                score = float(score)
            except ValueError as exc:  # not what the pop script writes: ValueError in the close
                dropped(self.spider, processing, value, exc)
                continue
            if stored and self._stored(data, stored):
                continue  # flushed, but killed before its ack
            pipe.execute_command("ZADD", queue, score, data)
            n += 1
        pipe.delete(processing)
        pipe.execute()
        return n

    def _stored_urls(self) -> set[str]:
        """URLs whose article (or error) row a dead worker had already written."""
        import pyarrow.dataset as ds

        from kliping.dataset.storage import dataset_path, open_dataset

        out = self.settings.get("KLIPING_OUT")
        urls: set[str] = set()
        for name in ("articles", "errors"):
            d = open_dataset(dataset_path(out, name), name)
            if d is not None:
                table = d.to_table(columns=["url"], filter=ds.field("site") == self.spider.name)
                urls.update(table.column("url").to_pylist())
        return urls

    def _stored(self, data: bytes, stored: set[str]) -> bool:
        from scrapy.utils.request import request_from_dict

        from kliping.cluster.serializer import loads

        try:  # JSON only: a dead worker's entry is data from a shared server, never unpickled
            request = request_from_dict(loads(data), spider=self.spider)
        except Exception:  # noqa: BLE001 - undecodable: re-queue and let the worker report it
            return False
        return "kliping_via" in request.meta and request.url in stored

    # seeding -------------------------------------------------------------------------------------
    def claim_seeding(self) -> bool:
        """True for the one worker that queues the listings (or takes over from a dead seeder)."""
        seeded = self.key("seeded")
        if self.server.set(seeded, WORKER_ID, nx=True):
            return True
        holder = (self.server.get(seeded) or b"").decode()
        if holder not in ("done", WORKER_ID) and not self.alive(holder):
            # the seeder died mid-way: queue the listings again (they are re-read anyway)
            return bool(self.server.getset(seeded, WORKER_ID) == holder.encode())
        return holder == WORKER_ID

    def seeding_done(self) -> None:
        if self.down:  # said once Redis answers again
            self.seeded_unsaid = True
            return
        self.server.set(self.key("seeded"), "done")

    # the engine ----------------------------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        from twisted.internet import task

        from kliping.pipelines.writers import RunWriters

        engine = self.crawler.engine
        self._queue = engine._slot.scheduler.queue
        self._queue.tracker = self.tracker
        # an entry is done once the spider has handled its response or failure (and its items
        # passed the pipelines); it is acked once the parts holding those items are written
        scraper = engine.scraper
        scrape = scraper._scrape

        async def _scrape(result: Any, request: Any) -> None:
            try:
                await scrape(result, request)
            finally:
                ack = request.meta.get("kliping_ack")
                if ack is not None:
                    self.tracker.done(ack)

        scraper._scrape = _scrape
        writers = RunWriters.for_crawler(self.crawler)
        flush = writers.flush

        def flush_then_ack() -> None:
            n = len(self.tracker.finished)  # their rows are all in the buffers being written
            flush()
            if self.down:
                return  # acked at a later flush, once Redis answers (or re-fetched if it never does)
            try:
                self.tracker.ack(n)
            except redis_errors() as exc:
                self.redis_down(exc)

        writers.flush = flush_then_ack
        self._writers = writers
        self._beat = task.LoopingCall(self.beat)
        self._beat.start(max(self.ttl / 3, 0.2), now=True)
        self.reap()

    def others_busy(self) -> bool:
        """Does another registered worker hold requests (it may yield more, or die with them)?"""
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode()
            if worker != WORKER_ID and self.server.hlen(f"{self.prefix}:processing:{worker}"):
                return True
        return False

    def others_silent(self) -> bool:
        """Is another registered worker not renewing its heartbeat since this worker last looked?

        A worker killed after its last request was acked holds nothing, so others_busy() lets the
        rest stop; but it stays registered until its heartbeat expires, and the last live worker
        out would then leave the run unfinished (no ledger row, frontier kept). So an idle worker
        waits (at most one heartbeat period) until such a worker is reaped. Live workers renew
        their heartbeat on every idle poll and pass at the next look.
        """
        silent = False
        looked: dict[str, int] = {}
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode()
            if worker == WORKER_ID:
                continue
            looked[worker] = int(self.server.pttl(self.key(f"alive:{worker}")))
            before = self._last_looked.get(worker)
            if before is None or looked[worker] <= before:
                silent = True
        self._last_looked = looked
        return silent

    def spider_idle(self, spider: Any) -> None:
        if self.error is not None:
            raise CloseSpider("redis_error")
        try:
            if self.down and not self.recover():
                self.check_outage()
                busy = self.error is None  # wait for Redis, within KLIPING_REDIS_OUTAGE
            else:
                busy = self.idle_poll()
        except redis_errors() as exc:
            self.redis_down(exc)
            busy = self.error is None
        if self.error is not None:
            raise CloseSpider("redis_error")
        if busy:
            # poll again soon rather than at the engine's 5 s heartbeat
            self.crawler.engine._slot.nextcall.schedule(
                self.settings.getfloat("KLIPING_REDIS_POLL", 0.5))
            raise DontCloseSpider

    def idle_poll(self) -> bool:
        """Must this idle worker stay up (Redis answering)?"""
        if self.frontier_gone():
            return False
        self.heartbeat()
        if self.tracker.finished:
            # an idle worker writes what it holds: the others wait on its processing hash
            self._writers.flush()
        self.reap()
        if len(self._queue) or self.others_busy() or self.seeding_elsewhere() or self.others_silent():
            return True
        return self.requeue_lost() > 0

    def seeding_elsewhere(self) -> bool:
        holder = (self.server.get(self.key("seeded")) or b"").decode()
        return holder not in ("", "done", WORKER_ID) and self.alive(holder)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        if not self.down or self.recover():
            try:
                self.close_with_redis(reason)
                return
            except redis_errors() as exc:
                self.redis_down(exc)
        self.close_without_redis(reason)

    def close_with_redis(self, reason: str) -> None:
        # the pipelines have closed (final flush, acked): what is left was never finished; after
        # a write error the finished entries' rows were dropped unwritten: re-queued, not acked
        from kliping.pipelines.writers import write_failure

        failed = write_failure(self.crawler) is not None
        if not failed:
            self.tracker.ack()
        left = self.requeue(self.processing, skip_stored=failed)
        if left:
            logger.info("re-queued %d unfinished requests for the other workers", left)
        stats = self.crawler.stats.get_stats()
        pipe = self.server.pipeline()
        for name, value in stats.items():
            if isinstance(value, int) and not isinstance(value, bool) and name.startswith(_SUMMED):
                pipe.hincrby(self.key("stats"), name, value)
        pipe.hincrby(self.key("stats"), "kliping/cluster/workers", 1)
        if reason != "finished":
            pipe.hincrby(self.key("stats"), "kliping/cluster/workers_failed", 1)
        pipe.srem(self.key("workers"), WORKER_ID)
        pipe.delete(self.key(f"alive:{WORKER_ID}"))
        for result in pipe.execute(raise_on_error=False):
            if isinstance(result, redis_response_error()):  # a stray value where a counter is
                logger.error("a counter of %s was not added: %s", self.key("stats"),
                             " ".join(str(result).split())[:200])
        if reason == "finished":
            self.finish()

    def finish(self) -> None:
        """The last worker out writes the run's ledger row and deletes the frontier."""
        if (self.server.zcard(self.key("requests")) or self.server.scard(self.key("workers"))
                or self.server.get(self.key("seeded")) != b"done"):
            return
        if not self.server.set(self.key("finisher"), WORKER_ID, nx=True, ex=600):
            return
        from kliping.crawler.lifecycle import Run, final_status

        totals: dict[str, int] = {}
        for k, v in self.server.hgetall(self.key("stats")).items():
            try:  # HINCRBY sums only integers; another value is no counter of a worker's
                totals[k.decode("utf-8", "replace")] = int(v)
            except ValueError:
                logger.error("passed over a value of %s that is not a counter: %r = %r",
                             self.key("stats"), k[:80], v[:80])
        site = self.spider.name
        run = Run(self.settings.get("KLIPING_OUT"), [site], run_id=self.spider.run_id,
                  since=getattr(self.spider, "since", None), until=getattr(self.spider, "until", None),
                  started_at=self.started_at)
        health = run.health({site: totals}, self.settings.getdict("KLIPING_HEALTH"))
        health["cluster"] = {k.rsplit("/", 1)[-1]: v for k, v in totals.items()
                             if k.startswith("kliping/cluster/")}
        # a request a worker could not queue (unkeepable in JSON) is lost: the run did not finish
        lost = totals.get("kliping/cluster/unkeepable_requests", 0)
        status = final_status(bool(totals.get("kliping/cluster/workers_failed") or lost), health)
        error = run.close(status, [totals], health)
        if error is not None:
            logger.error("the run ledger could not record the end of run %s (%s): %s",
                         run.run_id, status, error)
        self.result = {"status": status, "health": health, "stats": totals}
        self.clear()

    def clear(self) -> None:
        """Delete the frontier: the next crawl with the same command starts afresh."""
        shards = self.settings.getint("KLIPING_REDIS_SEEN_SHARDS", SEEN_SHARDS)
        keys = [self.key(n) for n in ("requests", "meta", "seeded", "workers", "stats", "seq",
                                      "lost_requeued")]
        keys += [f"{self.prefix}:seen:{i}" for i in range(shards)]
        for i in range(0, len(keys), 512):
            self.server.delete(*keys[i : i + 512])
        self.server.delete(self.key("finisher"))
        # for a worker still up, reaped while alive (stalled past its heartbeat): the frontier
        # is gone because the run finished, not because Redis lost it
        self.server.set(f"kliping-done:{self.spider.run_id}", "1", ex=86400)
