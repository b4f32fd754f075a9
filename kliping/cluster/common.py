"""What every cluster component shares: the worker id, the frontier key names, the Redis client."""

from __future__ import annotations

import logging
import os
import re
import socket
import uuid
from datetime import datetime
from typing import Any

logger = logging.getLogger("kliping.cluster")

#: one id per worker process: host, pid and a random tag (pids repeat across machines)
WORKER_ID = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

DEFAULT_RUN = "default"
SEEN_SHARDS = 4096  # × 512 members per intset: ~2M fingerprints stay at ~8-9 bytes each
HEARTBEAT_SECONDS = 15.0  # a worker silent this long is dead: its requests go back to the queue
OUTAGE_SECONDS = 60.0  # Redis silent this long stops a worker (its unqueued requests recorded)
HELD_MAX = 100_000  # requests a worker holds in memory while Redis does not answer
LOST_KEPT = 10_000  # unqueued requests written whole into a failed worker's ledger row,
LOST_BYTES = 32 * 1024 * 1024  # at most this much of them
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


def shown_url(url: str) -> str:
    """A Redis URL as it may be printed: a password in it is masked."""
    return re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", url)


def redis_errors() -> tuple[type[BaseException], ...]:
    """What a Redis server going away (killed, restarted, a network cut) raises in redis-py."""
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
            redis.exceptions.BusyLoadingError, OSError)


def redis_unreachable(url: str) -> str | None:
    """Why no Redis server answers at ``url`` (refused, timed out after 5 s, a malformed URL), or
    None when one does: checked before a cluster crawl starts, so that it is one line and not
    Scrapy's tracebacks from the scheduler and the cluster extension."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5).ping()
    except (redis.exceptions.RedisError, OSError, ValueError) as exc:
        return " ".join(str(exc).split()) or type(exc).__name__
    return None


# what kliping keeps under each name of a frontier (the part after kliping:<run>:<site>:<since>:<until>:)
_KEY_TYPES = {"requests": "zset", "meta": "hash", "stats": "hash", "processing": "hash",
              "workers": "set", "seen": "set", "seeded": "string", "seq": "string",
              "finisher": "string", "alive": "string", "reaping": "string"}


_RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{6}")  # kliping.crawler.lifecycle.new_run_id


def _bad_meta(server: Any, key: bytes) -> str | None:
    """Why a frontier's ``meta`` hash cannot be joined: its run id names every part a worker
    writes (``../../x`` failed every write of the run), its start is read as an ISO instant."""
    run_id, started = server.hmget(key, "run_id", "started_at")
    if run_id is not None and not _RUN_ID.fullmatch(run_id.decode("utf-8", "replace")):
        return f"run_id {run_id[:80]!r} is not a kliping run id"
    try:
        if started is not None:
            datetime.fromisoformat(started.decode("utf-8", "replace"))
    except ValueError:
        return f"started_at {started[:80]!r} is not an ISO 8601 instant"
    return None


def frontier_conflict(url: str, run: str | None, sites: list[str]) -> str | None:
    """The first key of these sites' frontiers that holds another kind of value than kliping keeps
    there (a stray program's key, a hand-made one), or a ``meta`` hash kliping did not write, said
    in one line; None when every one fits. Such a key failed the crawl in Scrapy's set-up with
    WRONGTYPE tracebacks, after the plan."""
    import redis

    server = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
    for site in sites:
        keys = list(server.scan_iter(match=f"kliping:{run or DEFAULT_RUN}:{site}:*", count=1000))
        pipe = server.pipeline(transaction=False)
        for key in keys:
            pipe.type(key)
        for key, have in zip(keys, pipe.execute(), strict=True):
            name = key.decode("utf-8", "replace").split(":")
            want = _KEY_TYPES.get(name[5]) if len(name) > 5 else None
            if want is not None and have.decode() not in (want, "none"):
                return (f"key {key.decode('utf-8', 'replace')} holds a {have.decode()}, where "
                        f"kliping keeps a {want}: delete it (redis-cli DEL) or crawl under another --run")
            if name[5] == "meta" and have == b"hash" and (why := _bad_meta(server, key)):
                return (f"key {key.decode('utf-8', 'replace')}: {why}: delete it (redis-cli DEL) or "
                        "crawl under another --run")
    return None


def redis_client(settings: Any) -> Any:
    from kliping.extras import require

    return require("scrapy_redis.connection", "a cluster crawl").get_redis_from_settings(settings)
