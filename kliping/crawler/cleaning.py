"""Cleaning off the crawl's critical path: raw responses go to worker processes.

``clean()`` costs a few milliseconds a page on simple pages and 15-25 ms on real ones. Run inline
in the item pipeline, on the thread that also drives every download, it stops the whole crawl
while it runs: no response is read and no timer fires. Here the crawl's ``CleanArticlePipeline``
hands each raw record to a worker process and waits on its answer (a Future), never on the
extraction.

The workers are driven by the reactor itself (pickled frames on a Unix socket to each): no helper
thread in the crawl process competes with the one that drives the downloads, and each worker
cleans one page at a time, so the crawl always knows which page a dead or stuck worker was on
(``concurrent.futures``' pool, which ``kliping reclean`` uses, breaks as a whole when one worker
dies, and cannot stop one stuck worker).

- **Zygote**: the workers are forked by a zygote process (:func:`zygote`), started with the pool,
  that imports the cleaner once (trafilatura with numpy, lxml, the registry: a third of a second
  of CPU) and cleans a made-up page; a worker forked from it is warm in milliseconds, and a
  worker replaced after a crash or a timeout costs nothing to start. The crawl sends the zygote
  one end of a new socket pair for each worker (``SCM_RIGHTS``, never a ``fork()`` of the crawl
  process, which runs threads) and reads and writes the other end in its reactor. When the
  zygote is gone (killed, or this platform cannot fork) each worker is started as a process of
  its own (``reactor.spawnProcess``; frames on its stdin and stdout) as before.

- **Size**: ``KLIPING_CLEAN_WORKERS`` processes at most (default: one per core,
  :func:`default_workers`; 0 cleans inline, in the crawl's thread). One pool per crawl process,
  shared by its spiders (``kliping crawl a b c`` runs them in one process).
- **Growth**: the pool starts one worker; the others start once that one is warm (it has answered a
  page) and pages wait for a free slot, i.e. once cleaning is what holds the crawl back. A worker
  started on its own costs ~0.4 s of CPU (imports and warm-up) and 55-80 MB; a forked one costs
  the memory it writes to: a crawl that one worker keeps up with (a polite crawl of a real site:
  a few pages a second) never pays for the others.
- **Priority**: workers run at ``KLIPING_CLEAN_NICE`` (default 5) above the crawl process's
  niceness: when both want a core, the thread that drives the downloads gets it first, so responses
  are read and new requests go out on time while pages wait for cleaning a few milliseconds longer
  (on 2 cores the crawl process competes with its workers for every core).
- **Backpressure**: at most ``KLIPING_CLEAN_IN_FLIGHT`` pages (default 8 per worker) are handed to
  the workers at once; an item past that waits in its pipeline, its response stays in Scrapy's
  scraper slot, and once the slot holds ``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes of responses the
  engine stops fetching. Memory stays bounded however slow cleaning is.
- **Budget**: the worker runs ``clean_outcome`` under the per-page budget
  (``KLIPING_PAGE_SECONDS``, a timer in the worker); a page still not answered long after it
  (stuck in C code the timer cannot interrupt) has its worker killed and becomes a ``timeout``
  error row.
- **Crashes**: a worker cleans one page at a time, so when one dies (segfault, OOM kill) the page
  it was cleaning is known: it is cleaned once more on another worker, and a second death makes it
  a ``worker_crashed`` row (the kind reclean uses). The pages queued behind it go to the other
  workers untouched; a new worker replaces the dead one. One page lost to an error row, never a
  lost page or a stopped crawl. Workers that cannot start at all (die before their first answer,
  again and again): the pool gives up and cleaning goes on inline, with an error in the log.
"""

from __future__ import annotations

import io
import os
import pickle
import struct
import sys
import time
from collections import deque
from typing import Any

# Pages handed to the workers per worker: enough that a worker never waits for its next page
# while the crawl thread is busy, few enough that the bodies waiting stay small.
IN_FLIGHT_PER_WORKER = 8
# Workers forked by a zygote (see :func:`zygote`): needs fork() and descriptors sent on sockets.
_CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"
# Pages written to one worker's pipe ahead of its answer: its next pages are there when it
# finishes one, even when the crawl thread answers late (one turn of its loop can take 10-20 ms).
# On bench/crawl.py 8 against 2 cut the worker's time waiting for a page from ~20% of the crawl
# to ~10%; 16 and 32 gained nothing more.
PIPELINE_DEPTH = 8
# A page still not answered this long after its budget is stuck where the worker's timer cannot
# reach it (inside one C call): its worker is killed.
HARD_DEADLINE_FACTOR = 2.0
HARD_DEADLINE_GRACE = 10.0
# Workers dying before any answer this many times in a row: they cannot start (broken install).
MAX_FAILED_STARTS = 3
# Niceness the workers add to their own (KLIPING_CLEAN_NICE's default): enough that the crawl
# process wins a contended core, little enough that the workers still keep up beside other load.
DEFAULT_NICE = 5
# A worker that has not answered this long after its start is busy on a slow page, not starting:
# the pool may grow beside it (a first page stuck for its whole budget must not hold back the rest).
STARTING_SECONDS = 2.0
_NICE_ENV = "KLIPING_CLEAN_NICE"
_HEADER = struct.Struct("!Q")


# Workers at most by default: each holds 55-80 MB, and more than this many cores' worth of cleaning
# outruns what one crawl process fetches under its politeness limits.
MAX_DEFAULT_WORKERS = 8


def cores() -> int:
    """The cores this process may run on (its CPU affinity: a container's share), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_workers() -> int:
    """One worker per core (at most :data:`MAX_DEFAULT_WORKERS`).

    Not one per core but one: the crawl's own thread uses a fraction of a core (about 1.2 ms a page
    on bench/crawl.py's pages, where cleaning one takes 1.6 ms; on real pages 15-25 ms), so a core
    left to it alone idles most of the time. On 2 cores, bench/crawl.py fetched 0.65-0.69x bare
    Scrapy's pages/s with one worker, the worker the bottleneck, and 0.74-0.80x with two.
    """
    return min(cores(), MAX_DEFAULT_WORKERS)


def workers_setting(settings: Any) -> int:
    """``KLIPING_CLEAN_WORKERS`` (None or "" for the default); ValueError when not an int >= 0."""
    value = settings.get("KLIPING_CLEAN_WORKERS")
    if value is None or value == "":
        return default_workers()
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if n < 0:
        raise ValueError(f"KLIPING_CLEAN_WORKERS: expected a number >= 0, got {value!r}")
    return n


def in_flight_setting(settings: Any, workers: int) -> int:
    """``KLIPING_CLEAN_IN_FLIGHT`` (None or "" for 8 per worker); ValueError when not an int >= 1."""
    value = settings.get("KLIPING_CLEAN_IN_FLIGHT")
    if value is None or value == "":
        return max(2, workers * IN_FLIGHT_PER_WORKER)
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = 0
    if n < 1:
        raise ValueError(f"KLIPING_CLEAN_IN_FLIGHT: expected a number >= 1, got {value!r}")
    return n


def nice_setting(settings: Any) -> int:
    """``KLIPING_CLEAN_NICE`` (None or "" for :data:`DEFAULT_NICE`); ValueError when not 0-19."""
    value = settings.get("KLIPING_CLEAN_NICE")
    if value is None or value == "":
        return DEFAULT_NICE
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if not 0 <= n <= 19:
        raise ValueError(f"KLIPING_CLEAN_NICE: expected a number from 0 to 19, got {value!r}")
    return n


def zygote_setting(settings: Any) -> bool:
    """``KLIPING_CLEAN_ZYGOTE`` (None or "" for on); ValueError when not a yes or a no."""
    value = settings.get("KLIPING_CLEAN_ZYGOTE")
    if value is None or value == "" or value is True or value is False:
        return value is not False
    word = str(value).strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"KLIPING_CLEAN_ZYGOTE: expected true or false, got {value!r}")


def check_settings(settings: Any) -> None:
    """ValueError naming the first bad cleaning setting (for the command line's exit 2)."""
    in_flight_setting(settings, workers_setting(settings))
    nice_setting(settings)
    zygote_setting(settings)


def site_ref(site: Any) -> Any:
    """What a worker is given to find the page's site: its registry key when the registry knows
    it (a plugin's or a ``KLIPING_SITES_PATH`` file's site is loaded by the worker's own registry,
    not unpickled from a module the worker may not have), the ``Site`` itself otherwise
    (``generic``'s site, made for its domain)."""
    if site is None:
        return None
    from kliping.sites.registry import UnknownSite, get_site

    try:
        if get_site(site.key) == site:
            return site.key
    except UnknownSite:
        pass
    return site


def clean_page(
    raw: dict[str, Any], ref: Any, run_id: str | None, page_seconds: float | None
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """``clean_outcome`` of one raw record, and the cleaner's side signals (in a worker)."""
    from kliping.dataset.outcome import clean_outcome

    site = ref
    if isinstance(ref, str):
        from kliping.sites.registry import get_site

        site = get_site(ref)
    signals: dict[str, Any] = {}
    kind, row = clean_outcome(raw, site, run_id, page_seconds, signals=signals)
    return kind, row, signals


# -- the worker process ---------------------------------------------------------------------------


def _read_exact(fd: int, n: int) -> bytes | None:
    parts = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _warm_up() -> None:
    """Clean one made-up page: what the cleaner loads on first use (the language model, lazy
    imports) is loaded before the first real page, whose budget it would otherwise eat."""
    from datetime import UTC, datetime

    from kliping.dataset.outcome import clean_outcome

    para = "<p>" + " ".join(["warga desa menanam pohon di tepi sungai pada pagi hari"] * 4) + ".</p>"
    body = (f"<html lang='id'><head><title>Kabar</title></head><body><article><h1>Kabar</h1>"
            f"{para * 4}</article></body></html>").encode()
    # the raw row's fields clean() reads, made by hand: kliping.dataset.records would import
    # pyarrow (60 ms of start-up and 20 MB a worker) for nothing a worker does
    url = "https://warm-up.invalid/berita/1"
    raw = {"fetch_id": "warm-up", "url": url, "final_url": url, "site": "warm-up", "status": 200,
           "headers": {"content-type": "text/html; charset=utf-8"}, "body": body,
           "fetched_at": datetime.now(UTC), "run_id": None, "discovered_via": "warm-up"}
    clean_outcome(raw, None, None, None)


def _lower_priority() -> None:
    """Add the niceness the crawl asked for (:data:`_NICE_ENV`), before the imports: they, too,
    must not delay the crawl's own start-up."""
    try:
        nice = int(os.environ.get(_NICE_ENV) or 0)
    except ValueError:
        nice = 0
    if nice > 0 and hasattr(os, "nice"):
        try:
            os.nice(nice)
        except OSError:  # not allowed here: the worker runs as it is
            pass


def _prepare() -> None:
    """What a worker (or the zygote that forks them) does before its first page: ignore Ctrl-C,
    take the lower priority, import the cleaner and clean one made-up page, then freeze what is
    alive (the imported modules leave the collector's generations, see dataset/workers.py; in the
    zygote it also keeps the collector from writing to the pages its children share)."""
    import gc
    import signal

    # Ctrl-C reaches the whole process group: the crawl finishes its pages on a first one, so
    # its workers go on too, and end when the crawl closes their input (or dies).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _lower_priority()
    import kliping.sites.registry  # noqa: F401 - the imports once, before the first page

    _warm_up()
    gc.freeze()


def serve() -> None:
    """A worker started on its own (``python -m kliping.crawler.cleaning``): frames on stdin,
    answers on stdout (see :func:`_serve`)."""
    out_fd = os.dup(1)
    os.dup2(2, 1)  # a library's print() must not corrupt the frames
    _prepare()
    _serve(0, out_fd)


def _serve(in_fd: int, out_fd: int) -> None:
    """Frames ``(raw, site ref, run id, budget)`` from ``in_fd``, ``(kind, row, signals)`` frames
    to ``out_fd``, one page at a time, until ``in_fd`` ends. A site ref that is not a registry
    key comes as ``(token, Site)`` the first time this worker sees it, ``(token, None)`` after."""
    from kliping.dataset.outcome import CLEAN_ERROR, error_row

    sites: dict[int, Any] = {}  # the sites sent by value (generic's), by the crawl's token
    while True:
        header = _read_exact(in_fd, _HEADER.size)
        if header is None:
            return
        body = _read_exact(in_fd, _HEADER.unpack(header)[0])
        if body is None:
            return
        raw, ref, run_id, budget = pickle.loads(body)
        if isinstance(ref, tuple):  # (token, Site or None): a site the crawl sends only once
            token, site = ref
            ref = sites.setdefault(token, site) if site is not None else sites[token]
        try:
            answer = clean_page(raw, ref, run_id, budget)
        except BaseException as exc:  # noqa: BLE001 - clean_outcome never raises; this is a bug
            answer = (CLEAN_ERROR, error_row(raw, CLEAN_ERROR, f"{type(exc).__name__}: {exc}",
                                             run_id), {})
        # header and frame in one write: the crawl wakes once per answer, not twice
        out = io.BytesIO()
        out.write(bytes(_HEADER.size))
        pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
        view = out.getbuffer()
        _HEADER.pack_into(view, 0, len(view) - _HEADER.size)
        _write_all(out_fd, view)


def _write_all(fd: int, data: Any) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def zygote() -> None:
    """The zygote (``python -m kliping.crawler.cleaning --zygote``): imports the cleaner once,
    then forks a worker for each socket the crawl sends it on stdin (a Unix socket, one byte and
    one descriptor a message), until the crawl closes that socket.

    A forked worker starts in a few milliseconds with every module already imported and warm,
    instead of the third of a second of CPU a fresh interpreter pays for the same imports; its
    memory pages are the zygote's until it writes them. The worker first writes its process id
    on its socket, then serves frames on it (:func:`_serve`). The zygote never waits for its
    children (SIGCHLD ignored: the kernel reaps them), and closes each socket once forked, so a
    worker's socket is held by that worker alone and its end is seen by the crawl at once."""
    import signal
    import socket

    os.dup2(2, 1)  # nothing is ever written to the crawl on stdout
    control = socket.socket(fileno=os.dup(0))
    os.close(0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    _prepare()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        try:
            # one byte a message: a read never runs into the next message's descriptor
            msg, fds, _flags, _addr = socket.recv_fds(control, 1, 4)
        except InterruptedError:  # pragma: no cover - retried by Python itself
            continue
        except OSError:
            return
        if not msg and not fds:
            return  # the crawl closed the socket (it ended, or died)
        for fd in fds:
            try:
                pid = os.fork()
            except OSError:
                os.close(fd)  # the crawl sees the socket end before any answer: a failed start
                continue
            if pid == 0:  # the worker
                code = 0
                try:
                    control.close()
                    for other in fds:  # a socket sent beside this one is its own worker's alone
                        if other != fd:
                            os.close(other)
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    _write_all(fd, _HEADER.pack(os.getpid()))
                    _serve(fd, fd)
                except BaseException:  # noqa: BLE001 - a broken socket: the crawl sees it end
                    code = 1
                finally:
                    os._exit(code)
            os.close(fd)


# -- the crawl side -------------------------------------------------------------------------------


class _Job:
    __slots__ = ("args", "waiter", "attempts", "deadline", "timed_out")

    def __init__(self, args: tuple[Any, ...], waiter: Any) -> None:
        self.args = args
        self.waiter = waiter  # an asyncio Future, or a Deferred under another reactor
        self.attempts = 0
        # time.monotonic() past which its worker is killed, once it is the page the worker
        # cleans (CleaningPool.started); None: no budget
        self.deadline: float | None = None
        self.timed_out = False

    def done(self, answer: Any) -> None:
        _resolve(self.waiter, answer)


def _resolve(waiter: Any, value: Any) -> None:
    """Fire an asyncio Future or a Deferred (a Future cancelled meanwhile is left alone)."""
    if hasattr(waiter, "set_result"):
        if not waiter.done():
            waiter.set_result(value)
    else:
        waiter.callback(value)


def _worker_protocols() -> tuple[Any, Any]:
    """The crawl's side of a worker: ``(Spawned, Forked)``, a worker started as its own process
    (stdin and stdout pipes) and one forked by the zygote (a Unix socket, its process id first)."""
    import signal

    from twisted.internet.protocol import ProcessProtocol, Protocol

    class Frames:
        """Pages out, answers in: the same frames on a worker's pipes or on its socket."""

        transport: Any

        def __init__(self, pool: CleaningPool) -> None:
            self.pool = pool
            self.jobs: deque[_Job] = deque()  # written to this worker, in order; the first runs
            self.buffer = bytearray()
            self.answered = 0
            self.sites: set[int] = set()  # tokens of the sites this worker has been sent
            self.ended = False
            self.spawned = 0.0  # time.monotonic() at its start

        def send(self, job: _Job) -> None:
            raw, ref, run_id, budget = job.args
            if ref is not None and not isinstance(ref, str):
                # a site sent by value (generic's): pickled for this worker once, then its token
                token = self.pool.site_token(ref)
                ref = (token, None) if token in self.sites else (token, ref)
                self.sites.add(token)
            data = pickle.dumps((raw, ref, run_id, budget), protocol=pickle.HIGHEST_PROTOCOL)
            self.jobs.append(job)
            if len(self.jobs) == 1:
                self.pool.started(self, job)
            # the header and the frame as they are: the page's body is not copied once more
            self.transport.writeSequence((_HEADER.pack(len(data)), data))

        def frames(self, data: bytes) -> None:
            self.buffer += data
            while len(self.buffer) >= _HEADER.size:
                size = _HEADER.unpack_from(self.buffer)[0]
                if len(self.buffer) < _HEADER.size + size:
                    return
                if not self.jobs:  # an answer to no page: a broken worker, never trusted again
                    self.kill()
                    return
                with memoryview(self.buffer) as view:  # unpickled in place, not copied first
                    answer = pickle.loads(view[_HEADER.size:_HEADER.size + size])
                del self.buffer[:_HEADER.size + size]
                job = self.jobs.popleft()
                self.answered += 1
                self.pool.answered(self, job, answer)

        def gone(self) -> None:
            if not self.ended:
                self.ended = True
                self.pool.ended(self)

        def kill(self) -> None:
            raise NotImplementedError

        def close_input(self) -> None:
            raise NotImplementedError

    class Spawned(Frames, ProcessProtocol):
        def outReceived(self, data: bytes) -> None:  # noqa: N802 - Twisted's name
            self.frames(data)

        def childConnectionLost(self, fd: int) -> None:  # noqa: N802 - Twisted's name
            # its stdout closed: it ended (processEnded needs the SIGCHLD handler Scrapy leaves out)
            if fd == 1:
                self.gone()

        def processEnded(self, reason: Any) -> None:  # noqa: N802 - Twisted's name
            self.gone()

        def kill(self) -> None:
            try:
                self.transport.signalProcess("KILL")
            except Exception:  # noqa: BLE001 - it ended meanwhile (ProcessExitedAlready)
                pass

        def close_input(self) -> None:
            self.transport.closeStdin()

    class Forked(Frames, Protocol):
        pid: int | None = None

        def dataReceived(self, data: bytes) -> None:  # noqa: N802 - Twisted's name
            if self.pid is None:  # its first eight bytes: its process id
                self.buffer += data
                if len(self.buffer) < _HEADER.size:
                    return
                self.pid = _HEADER.unpack_from(self.buffer)[0]
                data = bytes(self.buffer[_HEADER.size:])
                self.buffer.clear()
            self.frames(data)

        def connectionLost(self, reason: Any = None) -> None:  # noqa: N802 - Twisted's name
            self.gone()

        def kill(self) -> None:
            if self.pid:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except OSError:  # it ended meanwhile
                    pass
            if self.transport is not None:
                # its answers are not waited for: its end is seen now (a pid never read: a
                # worker stuck before it wrote one dies on its next write)
                self.transport.abortConnection()

        def close_input(self) -> None:
            self.transport.loseWriteConnection()

    return Spawned, Forked


class _Zygote:
    """The crawl's handle on the zygote (:func:`zygote`): a Unix socket to send it the sockets of
    new workers on, and its process."""

    def __init__(self, env: dict[str, str]) -> None:
        import socket
        import subprocess

        mine, its = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kliping.crawler.cleaning", "--zygote"],
                stdin=its.fileno(), env=env, close_fds=True,
            )
        except OSError:
            mine.close()
            raise
        finally:
            its.close()
        mine.setblocking(False)  # never wait in the crawl's thread: a full socket is a failure
        self.control = mine
        self.alive = True

    def fork(self) -> int | None:
        """A connected socket's descriptor for a new worker (the zygote holds the other end and
        forks the worker onto it), or None when the zygote is gone."""
        import socket

        if not self.alive:
            return None
        try:
            mine, its = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError:  # out of descriptors, say: this worker starts on its own
            return None
        try:
            socket.send_fds(self.control, [b"w"], [its.fileno()])
        except OSError:  # it died, or is so far behind that its socket is full
            mine.close()
            self.close()
            return None
        finally:
            its.close()
        return mine.detach()

    def close(self) -> None:
        """No more workers: the zygote ends when it reads the socket's end (its workers go on)."""
        if self.alive:
            self.alive = False
            self.control.close()
        self.process.poll()  # reaped if it has ended


class CleaningPool:
    """The cleaning workers of one crawl process, shared by its spiders (:meth:`acquire`)."""

    _shared: CleaningPool | None = None
    _users = 0

    def __init__(
        self, workers: int, in_flight: int, nice: int = DEFAULT_NICE, zygote: bool = True
    ) -> None:
        self.size = workers  # workers at most (:meth:`_grow`)
        self.nice = nice
        # pages handed to the pool at once; the items past them wait in ``waiting``
        self.free = in_flight
        self.waiting: deque[Any] = deque()
        self._asyncio: bool | None = None  # await asyncio Futures (else Deferreds): on first use
        self._sites: dict[int, tuple[int, Any]] = {}  # id(site) -> (token, site) of sites sent by value
        self.queue: deque[_Job] = deque()
        self.workers: list[Any] = []
        self.restarts = 0  # workers that died and were replaced
        self.failed_starts = 0  # workers in a row that died before their first answer
        self.inline = False  # the workers cannot start: clean in the crawl's thread
        self.closing = False
        self._spawned, self._forked = _worker_protocols()
        # the zygote the workers are forked from (None: not started yet; False: not used)
        self.zygote: _Zygote | None | bool = None if zygote and _CAN_FORK else False
        # the one timer watching the hard deadlines of the pages being cleaned (:meth:`started`)
        self._deadline_timer: Any = None
        self._deadline_at = 0.0

    # -- sharing ----------------------------------------------------------------------------------
    @classmethod
    def prestart(cls, settings: Any) -> None:
        """Start the shared pool before any spider takes it, sized by ``settings`` (nothing when
        cleaning is inline): a crawl about to run in this process starts its first worker first,
        so its imports and warm-up (a quarter of a second) run while Scrapy opens the spiders and
        reads robots.txt and the first listings, not while the first articles wait for them.
        The reactor must be installed; :meth:`discard` ends a pool no spider took."""
        workers = workers_setting(settings)
        if cls._shared is None and workers > 0:
            cls._shared = cls(workers, in_flight_setting(settings, workers), nice_setting(settings),
                              zygote_setting(settings))
            cls._shared.start()

    @classmethod
    def acquire(
        cls, workers: int, in_flight: int, nice: int = DEFAULT_NICE, zygote: bool = True
    ) -> CleaningPool:
        if cls._shared is None:
            cls._shared = cls(workers, in_flight, nice, zygote)
            cls._shared.start()
        cls._users += 1
        return cls._shared

    @classmethod
    def discard(cls) -> None:
        """End a pool started by :meth:`prestart` that no spider holds (none opened, or the run
        was refused before it began): its workers have nothing to finish, and the reactor may
        not run again to close their stdin, so they are killed."""
        pool = cls._shared
        if pool is None or cls._users > 0:
            return
        cls._shared = None
        pool.closing = True
        for worker in list(pool.workers):
            if not worker.ended and worker.transport is not None:
                worker.kill()
        pool.close_zygote()
        pool._unwatch()

    @classmethod
    def release(cls, pool: CleaningPool) -> None:
        if cls._shared is not pool:
            return
        cls._users -= 1
        if cls._users <= 0:
            cls._shared, cls._users = None, 0
            pool.shutdown()

    def site_token(self, site: Any) -> int:
        """A small number naming ``site`` to the workers (which keep what they were sent)."""
        found = self._sites.get(id(site))
        if found is None or found[1] is not site:
            found = self._sites[id(site)] = (len(self._sites) + 1, site)
        return found[0]

    # -- workers ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the first worker now: its imports (trafilatura, lxml, the registry) run while the
        crawl reads robots.txt and its listings. The others start when they are needed
        (:meth:`_grow`)."""
        if self.size > 0 and not self.workers:
            self._spawn()
            if self.size > 1:
                from twisted.internet import reactor

                # looked at once more when the first worker stops counting as starting, in case
                # no page is answered or queued by then (its first page stuck, pages waiting)
                reactor.callLater(STARTING_SECONDS, self._grow)  # type: ignore[attr-defined]

    def _grow(self) -> None:
        """Start the workers not started yet, once cleaning holds the crawl back: pages wait for
        a free slot and no worker is still starting (it has answered a page, or has been up for
        :data:`STARTING_SECONDS`)."""
        if len(self.workers) >= self.size or not self.waiting or self.closing or self.inline:
            return
        now = time.monotonic()
        if any(not w.answered and now - w.spawned < STARTING_SECONDS for w in self.workers):
            return
        for _ in range(self.size - len(self.workers)):
            self._spawn()

    def _spawn(self) -> None:
        """A new worker: forked by the zygote (started with the first worker), or, when there is
        no zygote (it died, or this platform cannot fork), started as its own process."""
        if self.zygote is None:
            try:
                self.zygote = _Zygote(self._worker_env())
            except OSError as exc:
                import logging

                logging.getLogger(__name__).warning(
                    "no zygote for the cleaning workers (%s): each starts on its own", exc)
                self.zygote = False
        fd = self.zygote.fork() if self.zygote else None
        if fd is not None:
            self._adopt(fd)
            return
        from twisted.internet import reactor

        worker = self._spawned(self)
        worker.spawned = time.monotonic()
        reactor.spawnProcess(  # type: ignore[attr-defined]
            worker, sys.executable, [sys.executable, "-m", "kliping.crawler.cleaning"],
            env=self._worker_env(), childFDs={0: "w", 1: "r", 2: 2},
        )
        self.workers.append(worker)

    def _adopt(self, fd: int) -> None:
        """The crawl's end of a forked worker's socket, read and written by the reactor."""
        import socket

        from twisted.internet import reactor
        from twisted.internet.protocol import Factory

        worker = self._forked(self)
        worker.spawned = time.monotonic()
        factory = Factory()
        factory.buildProtocol = lambda _addr: worker  # type: ignore[method-assign]
        self.workers.append(worker)
        try:
            reactor.adoptStreamConnection(fd, socket.AF_UNIX, factory)  # type: ignore[attr-defined]
        finally:
            os.close(fd)  # the reactor holds its own copy

    def _worker_env(self) -> dict[str, str]:
        import kliping

        env = dict(os.environ)
        for var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            # one page at a time on one core: numpy's BLAS thread pool would only spin at import
            # (0.1 s of CPU a worker) and compete with the other workers (a user's setting wins)
            env.setdefault(var, "1")
        # the kliping this process runs, whatever put it on sys.path
        here = os.path.dirname(os.path.dirname(os.path.abspath(kliping.__file__)))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
        env[_NICE_ENV] = str(self.nice)
        return env

    def close_zygote(self) -> None:
        if self.zygote:
            self.zygote.close()

    def shutdown(self) -> None:
        """Close the workers' input: each ends after its page (called once nothing is in flight);
        the zygote ends too."""
        self.closing = True
        for worker in self.workers:
            if not worker.ended and worker.transport is not None:
                worker.close_input()
        self.close_zygote()
        self._idle_check()

    def _dispatch(self) -> None:
        if self.inline:
            while self.queue:
                job = self.queue.popleft()
                job.done(clean_page(*job.args))
            return
        for worker in sorted(self.workers, key=lambda w: len(w.jobs)):
            while self.queue and not worker.ended and len(worker.jobs) < PIPELINE_DEPTH:
                worker.send(self.queue.popleft())

    def started(self, worker: Any, job: _Job) -> None:
        """``job`` is now the page ``worker`` cleans: watch its hard deadline.

        One timer for the whole pool (:meth:`_check_deadlines`), set for the earliest deadline
        of the pages being cleaned, not one per page: a timer made and cancelled for each page
        was ~2% of the crawl thread's time on bench/crawl.py, for a deadline (70 s by default)
        that a page almost never reaches."""
        budget = job.args[3]
        if not budget or budget <= 0:
            job.deadline = None
            return
        job.deadline = time.monotonic() + budget * HARD_DEADLINE_FACTOR + HARD_DEADLINE_GRACE
        if self._deadline_timer is None or job.deadline < self._deadline_at:
            self._watch(job.deadline)

    def _watch(self, when: float) -> None:
        """Check the deadlines at ``when`` (a time.monotonic()), the one timer moved there."""
        from twisted.internet import reactor

        self._unwatch()
        self._deadline_at = when
        self._deadline_timer = reactor.callLater(  # type: ignore[attr-defined]
            max(0.0, when - time.monotonic()), self._check_deadlines)

    def _unwatch(self) -> None:
        timer, self._deadline_timer = self._deadline_timer, None
        if timer is not None and timer.active():
            timer.cancel()

    def _check_deadlines(self) -> None:
        """Kill each worker whose page is past its deadline (stuck where the worker's own timer
        cannot reach it: it becomes a ``timeout`` row when the worker's end is seen); then wait
        for the next deadline, if a page is being cleaned."""
        self._deadline_timer = None
        now = time.monotonic()
        upcoming: float | None = None
        for worker in list(self.workers):
            job = worker.jobs[0] if worker.jobs and not worker.ended else None
            if job is None or job.deadline is None or job.timed_out:
                continue
            if job.deadline <= now:
                job.timed_out = True
                worker.kill()
            elif upcoming is None or job.deadline < upcoming:
                upcoming = job.deadline
        if upcoming is not None:
            self._watch(upcoming)

    def _idle_check(self) -> None:
        """No page being cleaned: no deadline to watch (nothing left pending in the reactor)."""
        if self._deadline_timer is not None and not any(w.jobs for w in self.workers):
            self._unwatch()

    def answered(self, worker: Any, job: _Job, answer: Any) -> None:
        self.failed_starts = 0
        if worker.jobs:
            self.started(worker, worker.jobs[0])
        else:
            self._idle_check()
        job.done(answer)
        self._dispatch()
        self._grow()

    def ended(self, worker: Any) -> None:
        """A worker ended: at shutdown, or it died. Its pages are cleaned again elsewhere, the
        one it was cleaning at most once more."""
        from kliping.dataset.outcome import TIMEOUT, WORKER_CRASHED, error_row

        self.workers.remove(worker)
        if self.closing and not worker.jobs:
            return
        self.restarts += 1
        if worker.answered == 0:
            self.failed_starts += 1
        pending = list(worker.jobs)
        worker.jobs.clear()
        again = []
        for n, job in enumerate(pending):
            if n == 0:  # the page it was cleaning
                raw, run_id, budget = job.args[0], job.args[2], job.args[3]
                if job.timed_out:
                    took = f"cleaning took more than {budget:g} s (its worker was stopped)"
                    job.done((TIMEOUT, error_row(raw, TIMEOUT, took, run_id), {}))
                    continue
                job.attempts += 1
                if job.attempts >= 2:
                    why = "the cleaning worker process died on this page, twice"
                    job.done((WORKER_CRASHED, error_row(raw, WORKER_CRASHED, why, run_id), {}))
                    continue
            again.append(job)
        self.queue.extendleft(reversed(again))
        if self.failed_starts >= MAX_FAILED_STARTS and not self.inline:
            self.inline = True
            import logging

            logging.getLogger(__name__).error(
                "the cleaning workers die before cleaning anything (%d in a row): cleaning inline",
                self.failed_starts)
        elif not self.inline and (not self.closing or self.queue):
            self._spawn()
        self._dispatch()
        self._idle_check()

    # -- one page ---------------------------------------------------------------------------------
    async def clean(
        self, raw: dict[str, Any], ref: Any, run_id: str | None, page_seconds: float | None
    ) -> tuple[str, dict[str, Any], dict[str, Any]]:
        """``(kind, row, signals)`` of one page, cleaned in a worker; never raises for the page.

        Under the asyncio reactor the waits are plain asyncio Futures, and a free slot is taken
        without any: per page, no Deferred is made and none converted.
        """
        if self._asyncio is None:
            from scrapy.utils.asyncio import is_asyncio_available

            self._asyncio = is_asyncio_available()
        if self.free > 0 and not self.waiting:
            self.free -= 1
        else:
            self._grow()
            await self._wait_for_slot()  # _release() hands this item its slot
        try:
            waiter = self._waiter()
            self.queue.append(_Job((raw, ref, run_id, page_seconds), waiter))
            self._dispatch()
            return await self._wrap(waiter)
        finally:
            self._release()

    def _waiter(self) -> Any:
        if self._asyncio:
            import asyncio

            return asyncio.get_running_loop().create_future()
        from twisted.internet.defer import Deferred

        return Deferred()

    async def _wait_for_slot(self) -> None:
        waiter = self._waiter()
        self.waiting.append(waiter)
        await self._wrap(waiter)

    def _wrap(self, waiter: Any) -> Any:
        if self._asyncio:
            return waiter
        from scrapy.utils.defer import maybe_deferred_to_future

        return maybe_deferred_to_future(waiter)

    def _release(self) -> None:
        """A slot is free: the next waiting item takes it, else it is counted free."""
        while self.waiting:
            waiter = self.waiting.popleft()
            if not (hasattr(waiter, "cancelled") and waiter.cancelled()):
                _resolve(waiter, None)
                return
        self.free += 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--zygote"]:
        zygote()
    else:
        serve()
