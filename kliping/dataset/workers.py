"""The bounded process pool that ``kliping reclean`` and ``kliping ingest`` run their tasks on.

Workers come from a forkserver that has imported the cleaner once (trafilatura, lxml, numpy, the
site registry), so each starts in milliseconds, and no ``fork()`` of the (possibly threaded) driver
is ever made. This module imports nothing heavy, so the command line can start that server first
thing and let its imports run while the driver does its own (pyarrow, the plan of the archive).

:func:`drive` is the one submission loop: at most ``in_flight`` tasks are submitted at a time
(tasks name their input, the workers read it: nothing piles up in the driver), results are handed
to ``on_result`` as they come, and what happens when a worker process dies is a :class:`CrashPolicy`:
reclean runs a crashed chunk once more on a fresh pool before giving up on it; ingest gives up on
the file at once and on what was still to be read.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

FORKSERVER_PRELOAD = ["kliping.clean", "kliping.dataset.reclean", "kliping.sites.registry"]
# A fresh worker now and then: whatever a pathological page leaves behind does not pile up.
MAX_TASKS_PER_CHILD = 100
CRASHED = "the worker process died"

T = TypeVar("T")
R = TypeVar("R")


def start_forkserver(preload: Sequence[str] = FORKSERVER_PRELOAD) -> None:
    """Start the forkserver now (its preload imports run in the background); no-op if running."""
    from multiprocessing import forkserver

    mp.get_context("forkserver").set_forkserver_preload(list(preload))
    forkserver.ensure_running()


def _worker_start(driver: int | None = None) -> None:
    """In each new worker: the objects alive now (the preloaded modules, mostly) leave the cyclic
    collector's generations, so its full collections stop walking them (about 1% of a page's
    cleaning time) and fewer of the forkserver's memory pages get copied. And the worker exits
    when the driver does (:func:`_exit_with`)."""
    import gc

    gc.freeze()
    if driver is not None:
        _exit_with(driver)


def _exit_with(driver: int) -> None:
    """End this worker as soon as the driver process ``driver`` is gone.

    A driver killed by SIGKILL (or the OOM killer) left its workers behind for ever: a worker
    holds both ends of its task queue's pipe, so it never sees the end of it. It finished the
    task it had (writing parts into an output a rerun now owned: an ingest's rows, a reclean's
    stage after the rerun had swept it), then waited, with the forkserver and the resource
    tracker, about 200 MB for each killed run. A daemon thread waits on a pidfd of the driver
    (polls its pid where there is none) and ends the process at once."""
    import os
    import threading

    try:
        fd: int | None = os.pidfd_open(driver)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # not Linux, or an old kernel: poll the pid
        fd = None

    def watch() -> None:
        import select
        import time

        if fd is not None:
            select.select([fd], [], [])  # readable once the driver has exited
        else:
            while True:
                time.sleep(1.0)
                try:
                    os.kill(driver, 0)
                except ProcessLookupError:
                    break
                except OSError:
                    pass
        os._exit(1)

    threading.Thread(target=watch, name="kliping-driver-watch", daemon=True).start()


def process_pool(workers: int, preload: Sequence[str] = FORKSERVER_PRELOAD) -> ProcessPoolExecutor:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))  # no effect once the forkserver runs
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, max_tasks_per_child=MAX_TASKS_PER_CHILD,
        initializer=_worker_start, initargs=(os.getpid(),),
    )


@dataclass(frozen=True)
class CrashPolicy:
    """What :func:`drive` does when a worker process dies (the pool is then broken: every task
    running on it fails with it, and which one killed it is unknown).

    ``attempts``: runs a task gets on worker deaths before ``on_crash`` gives its result. With
    ``restart``, the tasks running on a broken pool run again one at a time: only a task that
    dies alone uses an attempt up (the others only shared its pool).
    ``restart``: go on with a fresh pool; without it the run stops there, ``on_crash`` giving the
    results of the tasks running and of those not started (with ``not_started`` as the reason).
    """

    attempts: int = 1
    restart: bool = False
    not_started: str = "not read: the worker pool broke"


RETRY_ONCE = CrashPolicy(attempts=2, restart=True)  # reclean
FAIL_FAST = CrashPolicy(attempts=1, restart=False)  # ingest


def drive(
    tasks: Iterable[T],
    fn: Callable[..., R],
    args: Callable[[T], tuple[Any, ...]],
    on_result: Callable[[R], None],
    on_crash: Callable[[T, str], R],
    *,
    workers: int,
    policy: CrashPolicy = FAIL_FAST,
    in_flight: int | None = None,
    preload: Sequence[str] = FORKSERVER_PRELOAD,
) -> None:
    """Run ``fn(*args(task))`` for every task on ``workers`` processes, in the order given.

    ``on_result`` gets each result in the driver's thread as it comes (what it raises stops the
    run: nothing more is started, the running tasks are cancelled where they have not begun).
    """
    pending = list(reversed(list(tasks)))  # popped from the end: the given order
    attempts: dict[int, int] = {}  # id(task) -> times it died running alone
    # Tasks that were running when a pool broke, culprit unknown: each runs alone next, so a
    # task that dies is told from those that only shared its pool.
    suspects: set[int] = set()
    bound = in_flight or max(2, workers * 2)
    while pending:
        broken = False
        with process_pool(workers, preload) as pool:
            running: dict[Future[R], T] = {}
            try:
                while pending or running:
                    while pending and len(running) < bound:
                        alone = id(pending[-1]) in suspects
                        if (alone and running) or any(id(x) in suspects for x in running.values()):
                            break
                        t = pending.pop()
                        try:
                            fut = pool.submit(fn, *args(t))
                        except BrokenProcessPool:
                            # A worker died since the last wait (its task's failure is in
                            # ``running``, not yet seen): this task never started.
                            pending.append(t)
                            broken = True
                            break
                        running[fut] = t
                        if alone:
                            break
                    done = wait(running, return_when=FIRST_COMPLETED)[0] if running else set()
                    crashed: list[T] = []
                    for fut in done:
                        t = running.pop(fut)
                        try:
                            result = fut.result()
                        except BrokenProcessPool:
                            broken = True
                            crashed.append(t)
                            continue
                        suspects.discard(id(t))
                        on_result(result)
                    if not broken:
                        continue
                    for fut, t in running.items():
                        fut.cancel()
                        crashed.append(t)
                    running.clear()
                    if not policy.restart:
                        for t in crashed:
                            on_result(on_crash(t, CRASHED))
                        for t in reversed(pending):
                            on_result(on_crash(t, policy.not_started))
                        return
                    if len(crashed) == 1:  # it ran alone: it is what died
                        t = crashed[0]
                        n = attempts[id(t)] = attempts.get(id(t), 0) + 1
                        if n >= policy.attempts:
                            suspects.discard(id(t))
                            on_result(on_crash(t, CRASHED))
                        else:
                            suspects.add(id(t))
                            pending.append(t)
                    else:
                        for t in reversed(crashed):
                            suspects.add(id(t))
                            pending.append(t)
                    break
            except BaseException:
                for fut in running:  # stopping (a bad part, Ctrl-C): start nothing more
                    fut.cancel()
                raise
