"""Crawl on many machines: a shared frontier on Redis (scrapy-redis), see docs/cluster.md.

``kliping crawl SITE... --redis redis://HOST:PORT/DB [--run NAME]`` (or ``scrapy crawl SITE -s
KLIPING_REDIS_URL=redis://…``) switches the scheduler to scrapy-redis with two kliping parts:

- ``ReliableQueue``: a priority queue whose pop moves the request, atomically, into the worker's
  *processing* hash. An entry leaves that hash only once the Parquet parts holding what it produced
  are written (``ClusterRun`` acks at each flush), so a worker killed mid-crawl loses nothing: its
  heartbeat key expires and another worker re-queues its processing entries (``reap``), skipping
  article requests whose article row is already stored.
- ``CompactDupeFilter``: the in-run seen set as 64-bit fingerprints spread over small Redis sets,
  which Redis keeps as *intsets* (8 bytes a member) instead of scrapy-redis's 40-hex strings in one
  big hashtable set (~90 bytes a member); ``bench/distributed.py`` measures both.

All workers of one crawl share a frontier, named ``kliping:<run>:<site>:<since>:<until>``, and one
run id (the first worker's). One worker seeds the listings (``seeded``, SET NX); the others only
consume. A worker stays up while another live worker still holds requests (they may yield more);
the last one to finish writes the run's ledger row from the stats every worker added up in Redis,
checks health on those totals, and deletes the frontier. Incremental skip still comes from the raw
archive, read by each worker at start (``NewsSpider.load_known``).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.dupefilters import BaseDupeFilter
from scrapy.exceptions import DontCloseSpider, NotConfigured

logger = logging.getLogger(__name__)

#: one id per worker process: host, pid and a random tag (pids repeat across machines)
WORKER_ID = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

DEFAULT_RUN = "default"
SEEN_SHARDS = 4096  # × 512 members per intset: ~2M fingerprints stay at ~8-9 bytes each
HEARTBEAT_SECONDS = 15.0  # a worker silent this long is dead: its requests go back to the queue
# stats summed across workers for the run's ledger row and health checks
_SUMMED = ("downloader/request_count", "downloader/response_count", "downloader/response_status_count/",
           "kliping/")

_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], id, r[2] .. '|' .. r[1])
return {tostring(id), r[1]}
"""


def window_tag(value: Any) -> str:
    return str(value) if value not in (None, "") else "-"


def frontier_prefix(spider: Any) -> str:
    """The Redis key prefix shared by every worker of one crawl of one site."""
    run = spider.settings.get("KLIPING_RUN") or DEFAULT_RUN
    since, until = getattr(spider, "since", None), getattr(spider, "until", None)
    return f"kliping:{run}:{spider.name}:{window_tag(since)}:{window_tag(until)}"


def redis_client(settings: Any) -> Any:
    from kliping.extras import require

    return require("scrapy_redis.connection", "a cluster crawl").get_redis_from_settings(settings)


class RedisFrontier:
    """Scrapy add-on (``ADDONS``): with ``KLIPING_REDIS_URL`` set, switch to the shared frontier.

    An add-on sees ``-s`` overrides before the settings freeze, so ``scrapy crawl -s
    KLIPING_REDIS_URL=…`` and ``kliping crawl --redis`` get the same set-up.
    """

    def update_settings(self, settings: Any) -> None:
        url = settings.get("KLIPING_REDIS_URL")
        if not url:
            return
        from kliping.extras import require

        require("scrapy_redis", "KLIPING_REDIS_URL (a cluster crawl)")  # kliping[cluster]
        for name, value in {
            "REDIS_URL": url,
            "SCHEDULER": "kliping.distributed.Scheduler",
            "SCHEDULER_QUEUE_CLASS": "kliping.distributed.ReliableQueue",
            "DUPEFILTER_CLASS": "kliping.distributed.CompactDupeFilter",
            "SCHEDULER_PERSIST": True,  # the frontier outlives its workers
            "SCHEDULER_SERIALIZER": "scrapy_redis.picklecompat",
            # ClusterRun keeps the ledger for the whole cluster; RunLedger's flock would block
            "KLIPING_LEDGER_BY_CLI": True,
        }.items():
            settings.set(name, value, priority="addon")
        settings["EXTENSIONS"]["kliping.distributed.ClusterRun"] = 510
        settings["SPIDER_MIDDLEWARES"]["kliping.distributed.ClusterSeeding"] = 10


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
    """``kliping.distributed.Scheduler``, built on first use: kliping imports without scrapy-redis."""
    if name == "Scheduler":
        cls = _scheduler_class()
        globals()[name] = cls
        return cls
    raise AttributeError(name)


# -- the queue ------------------------------------------------------------------------------------
class ReliableQueue:
    """Priority queue (sorted set) with a per-worker processing hash: pop moves, ack deletes.

    Same interface and encoding as ``scrapy_redis.queue.PriorityQueue`` (pickled request dicts,
    score ``-priority``), so kliping imports without scrapy-redis installed.
    """

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        from scrapy_redis import picklecompat

        prefix = frontier_prefix(spider)
        self.server = server
        self.spider = spider
        self.key = f"{prefix}:requests"  # not ``key``: the run and window belong in the name
        self.serializer = serializer or picklecompat
        self.prefix = prefix
        self.processing = f"{prefix}:processing:{WORKER_ID}"
        self._pop = server.register_script(_POP)
        self.tracker: AckTracker | None = None  # set by ClusterRun

    def _encode_request(self, request: Any) -> bytes:
        return self.serializer.dumps(request.to_dict(spider=self.spider))

    def _decode_request(self, data: bytes) -> Any:
        from scrapy.utils.request import request_from_dict

        return request_from_dict(self.serializer.loads(data), spider=self.spider)

    def clear(self) -> None:
        self.server.delete(self.key)

    def __len__(self) -> int:
        return int(self.server.zcard(self.key))

    def push(self, request: Any) -> None:
        parent = request.meta.pop("kliping_ack", None)  # a retry or redirect of a popped entry
        data = self._encode_request(request)
        self.server.execute_command("ZADD", self.key, -request.priority, data)
        if parent is not None and self.tracker is not None:
            self.tracker.done(parent)  # its continuation is safe in the queue

    def pop(self, timeout: int = 0) -> Any:
        got = self._pop(keys=[self.key, self.processing, f"{self.prefix}:seq"])
        if not got:
            return None
        ack, data = got[0].decode(), got[1]
        request = self._decode_request(data)
        request.meta["kliping_ack"] = ack
        if self.tracker is not None:
            self.tracker.popped(ack)
        return request


class AckTracker:
    """Which popped entries are in progress, done (output buffered) and safe (output written)."""

    def __init__(self, server: Any, processing: str) -> None:
        self.server = server
        self.processing = processing
        self.active: set[str] = set()
        self.finished: list[str] = []

    def popped(self, ack: str) -> None:
        self.active.add(ack)

    def done(self, ack: str) -> None:
        if ack in self.active:
            self.active.discard(ack)
            self.finished.append(ack)

    def ack(self, upto: int | None = None) -> None:
        """Delete finished entries (the first ``upto``) from the processing hash."""
        batch = self.finished[:upto] if upto is not None else list(self.finished)
        del self.finished[: len(batch)]
        for i in range(0, len(batch), 1000):
            self.server.hdel(self.processing, *batch[i : i + 1000])


# -- the seen set ---------------------------------------------------------------------------------
class CompactDupeFilter(BaseDupeFilter):
    """Request fingerprints as signed 64-bit integers in ``shards`` small Redis sets (intsets).

    A set holding at most ``set-max-intset-entries`` (512) integers is stored as a sorted array
    of 8-byte ints: ~9 bytes a URL with the key overhead, against ~90 for scrapy-redis's 40-hex
    strings. Past ``shards × 512`` URLs a shard turns into a hashtable (~50 bytes a member) but
    stays correct; raise ``KLIPING_REDIS_SEEN_SHARDS`` for bigger crawls. A false positive needs
    two requests sharing 64 bits of SHA-1 (about 3e-8 at a million requests).
    """

    def __init__(self, server: Any, key: str, fingerprinter: Any, shards: int = SEEN_SHARDS,
                 debug: bool = False) -> None:
        self.server = server
        self.key = key
        self.fingerprinter = fingerprinter
        self.shards = shards
        self.debug = debug

    @classmethod
    def from_spider(cls, spider: Any) -> CompactDupeFilter:
        s = spider.settings
        return cls(redis_client(s), f"{frontier_prefix(spider)}:seen", spider.crawler.request_fingerprinter,
                   s.getint("KLIPING_REDIS_SEEN_SHARDS", SEEN_SHARDS), s.getbool("DUPEFILTER_DEBUG"))

    @staticmethod
    def member(fingerprint: bytes) -> int:
        return int.from_bytes(fingerprint[:8], "big", signed=True)

    def shard_key(self, member: int) -> str:
        return f"{self.key}:{member % self.shards}"

    def request_seen(self, request: Any) -> bool:
        member = self.member(self.fingerprinter.fingerprint(request))
        return self.server.sadd(self.shard_key(member), member) == 0

    def clear(self) -> None:
        keys = [f"{self.key}:{i}" for i in range(self.shards)]
        for i in range(0, len(keys), 512):
            self.server.delete(*keys[i : i + 512])

    def close(self, reason: str = "") -> None:  # the seen set outlives a worker
        pass

    def log(self, request: Any, spider: Any) -> None:
        if self.debug:
            logger.debug("Filtered duplicate request: %s", request)


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
            cluster.seeding_done()


# -- the run --------------------------------------------------------------------------------------
class ClusterRun:
    """Worker life cycle: run identity, heartbeat, acks, reaping dead workers, the final row."""

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
        self._queue: Any = None
        self._writers: Any = None
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
        from kliping.crawl import new_run_id

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
            if stored and self._stored(data, stored):
                continue  # flushed, but killed before its ack
            pipe.execute_command("ZADD", queue, float(score), data)
            n += 1
        pipe.delete(processing)
        pipe.execute()
        return n

    def _stored_urls(self) -> set[str]:
        """URLs whose article (or error) row a dead worker had already written."""
        import pyarrow.dataset as ds

        from kliping.storage import dataset_path, open_dataset

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
        from scrapy_redis import picklecompat

        try:
            request = request_from_dict(picklecompat.loads(data), spider=self.spider)
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
            self.tracker.ack(n)

        writers.flush = flush_then_ack
        self._writers = writers
        self._beat = task.LoopingCall(self.heartbeat)
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
        self.heartbeat()
        if self.tracker.finished:
            # an idle worker writes what it holds: the others wait on its processing hash
            self._writers.flush()
        self.reap()
        if len(self._queue) or self.others_busy() or self.seeding_elsewhere() or self.others_silent():
            # poll again soon rather than at the engine's 5 s heartbeat
            self.crawler.engine._slot.nextcall.schedule(
                self.settings.getfloat("KLIPING_REDIS_POLL", 0.5))
            raise DontCloseSpider

    def seeding_elsewhere(self) -> bool:
        holder = (self.server.get(self.key("seeded")) or b"").decode()
        return holder not in ("", "done", WORKER_ID) and self.alive(holder)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
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
        pipe.execute()
        if reason == "finished":
            self.finish()

    def finish(self) -> None:
        """The last worker out writes the run's ledger row and deletes the frontier."""
        if (self.server.zcard(self.key("requests")) or self.server.scard(self.key("workers"))
                or self.server.get(self.key("seeded")) != b"done"):
            return
        if not self.server.set(self.key("finisher"), WORKER_ID, nx=True, ex=600):
            return
        from kliping.health import check_site, previous_site_health, report
        from kliping.ledger import ledger_row, read_ledger, write_ledger_row

        totals = {k.decode(): int(v) for k, v in self.server.hgetall(self.key("stats")).items()}
        out = self.settings.get("KLIPING_OUT")
        site = self.spider.name
        checked = check_site(site, totals, previous_site_health(read_ledger(out), site),
                             self.settings.getdict("KLIPING_HEALTH"))
        health: dict[str, Any] = {
            "sites": {site: checked}, "ok": checked["ok"],
            "cluster": {k.rsplit("/", 1)[-1]: v for k, v in totals.items()
                        if k.startswith("kliping/cluster/")},
        }
        health["report"] = report(health)
        status = "failed" if totals.get("kliping/cluster/workers_failed") else "finished"
        if status == "finished" and not checked["ok"]:
            status = "health_failed"
        write_ledger_row(out, ledger_row(
            run_id=self.spider.run_id, sites=[site], since=getattr(self.spider, "since", None),
            until=getattr(self.spider, "until", None), started_at=self.started_at, status=status,
            stats=[totals], health=health,
        ))
        self.result = {"status": status, "health": health, "stats": totals}
        self.clear()

    def clear(self) -> None:
        """Delete the frontier: the next crawl with the same command starts afresh."""
        shards = self.settings.getint("KLIPING_REDIS_SEEN_SHARDS", SEEN_SHARDS)
        keys = [self.key(n) for n in ("requests", "meta", "seeded", "workers", "stats", "seq")]
        keys += [f"{self.prefix}:seen:{i}" for i in range(shards)]
        for i in range(0, len(keys), 512):
            self.server.delete(*keys[i : i + 512])
        self.server.delete(self.key("finisher"))
