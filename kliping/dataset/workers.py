"""The process pool that ``kliping reclean`` cleans pages on.

Workers come from a forkserver that has imported the cleaner once (trafilatura, lxml, numpy, the
site registry), so each starts in milliseconds, and no ``fork()`` of the (possibly threaded) driver
is ever made. This module imports nothing heavy, so the command line can start that server first
thing and let its imports run while the driver does its own (pyarrow, the plan of the archive).
"""

from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

FORKSERVER_PRELOAD = ["kliping.clean", "kliping.dataset.reclean", "kliping.sites.registry"]
# A fresh worker now and then: whatever a pathological page leaves behind does not pile up.
MAX_TASKS_PER_CHILD = 100


def start_forkserver() -> None:
    """Start the forkserver now (its preload imports run in the background); no-op if running."""
    from multiprocessing import forkserver

    mp.get_context("forkserver").set_forkserver_preload(FORKSERVER_PRELOAD)
    forkserver.ensure_running()


def _worker_start() -> None:
    """In each new worker: the objects alive now (the preloaded modules, mostly) leave the cyclic
    collector's generations, so its full collections stop walking them (about 1% of a page's
    cleaning time) and fewer of the forkserver's memory pages get copied."""
    import gc

    gc.freeze()


def process_pool(workers: int) -> ProcessPoolExecutor:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(FORKSERVER_PRELOAD)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, max_tasks_per_child=MAX_TASKS_PER_CHILD,
        initializer=_worker_start,
    )
