"""The queue: a Redis priority queue whose pop moves each request into the worker's processing hash."""

from __future__ import annotations

from typing import Any

from kliping.cluster.common import _POP, WORKER_ID, frontier_prefix, logger


# -- the queue ------------------------------------------------------------------------------------
class ReliableQueue:
    """Priority queue (sorted set) with a per-worker processing hash: pop moves, ack deletes.

    Same interface as ``scrapy_redis.queue.PriorityQueue`` (request dicts, score ``-priority``),
    so kliping imports without scrapy-redis installed; but the dicts are kliping's JSON
    (:mod:`kliping.cluster.serializer`), never pickles, whatever ``SCHEDULER_SERIALIZER`` says:
    an entry is data read from a shared server, and a pickle runs code when it is loaded.
    """

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        from kliping.cluster import serializer as json_serializer

        prefix = frontier_prefix(spider)
        self.server = server
        self.spider = spider
        self.key = f"{prefix}:requests"  # not ``key``: the run and window belong in the name
        self.serializer = json_serializer  # never a pickle, whatever is passed
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
        from kliping.cluster.serializer import Unkeepable

        try:
            data = self._encode_request(request)
        except Unkeepable as exc:
            # refused aloud, and the run fails (ClusterRun.finish): a custom middleware's object
            # in meta is no reason to run code from a pickle, nor to lose the value unsaid
            if parent is not None:
                request.meta["kliping_ack"] = parent  # its entry stays, re-queued at the close
            logger.error("request %s not queued: %s", request.url[:200], exc)
            crawler = getattr(self.spider, "crawler", None)
            if crawler is not None:
                crawler.stats.inc_value("kliping/cluster/unkeepable_requests")
            return
        if parent is None:
            self.server.execute_command("ZADD", self.key, -request.priority, data)
            return
        # The continuation is queued and its popped entry leaves this worker's processing hash in
        # one transaction: a worker killed in between leaves one of the two, never both. (Acked
        # at the next flush instead, as an entry with rows is, a kill before that flush left
        # both: the entry was re-queued beside its retry and the page fetched and stored twice.)
        pipe = self.server.pipeline(transaction=True)
        pipe.execute_command("ZADD", self.key, -request.priority, data)
        pipe.hdel(self.processing, parent)
        try:
            pipe.execute()
        except Exception:
            request.meta["kliping_ack"] = parent  # pushed again later, in one step still
            raise
        if self.tracker is not None:
            self.tracker.forget(parent)  # nothing of it is left to write

    def pop(self, timeout: int = 0) -> Any:
        while True:
            got = self._pop(keys=[self.key, self.processing, f"{self.prefix}:seq"])
            if not got:
                return None
            ack, data = got[0].decode(), got[1]
            try:
                request = self._decode_request(data)
            except Exception as exc:  # noqa: BLE001 - not a request (junk, another version's entry)
                # dropped, with one line: raised, it was a traceback per entry, and the entry,
                # never acked, went back to the queue at the worker's close: the frontier never
                # emptied, the run never got its ledger row, every later run popped it again
                self.server.hdel(self.processing, ack)
                dropped(self.spider, self.key, data, exc)
                continue
            request.meta["kliping_ack"] = ack
            if self.tracker is not None:
                self.tracker.popped(ack)
            return request


def dropped(spider: Any, key: str, data: bytes, exc: BaseException) -> None:
    """Count and name (in one line) an entry of the frontier that is not a request."""
    logger.error("dropped an entry of %s that is not a request (%s): %r", key,
                 " ".join(f"{type(exc).__name__}: {exc}".split())[:200], data[:80])
    crawler = getattr(spider, "crawler", None)
    if crawler is not None:
        crawler.stats.inc_value("kliping/cluster/dropped_entries")


class AckTracker:
    """Which popped entries are in progress, done (output buffered) and safe (output written)."""

    def __init__(self, server: Any, processing: str) -> None:
        self.server = server
        self.processing = processing
        self.active: set[str] = set()
        self.finished: list[str] = []

    def popped(self, ack: str) -> None:
        self.active.add(ack)

    def forget(self, ack: str) -> None:
        """``ack`` left the processing hash already (its continuation took its place)."""
        self.active.discard(ack)

    def done(self, ack: str) -> None:
        if ack in self.active:
            self.active.discard(ack)
            self.finished.append(ack)

    def ack(self, upto: int | None = None) -> None:
        """Delete finished entries (the first ``upto``) from the processing hash; an entry leaves
        ``finished`` only once Redis took its delete (a Redis error keeps it for the next ack)."""
        batch = self.finished[:upto] if upto is not None else list(self.finished)
        for i in range(0, len(batch), 1000):
            self.server.hdel(self.processing, *batch[i : i + 1000])
            del self.finished[: len(batch[i : i + 1000])]
