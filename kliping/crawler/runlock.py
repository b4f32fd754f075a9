"""One run at a time per output directory.

``fcntl.flock`` on ``<out>/.kliping.lock``: the kernel drops the lock when its process dies, so a
lock left by a killed run is taken over without guessing from pids or ages; the file's content
(pid, run id, start) is only there to say who holds it. (flock is advisory and local: on NFS use
one output directory per machine, or the Redis mode.)
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kliping.dataset.storage import WriteError


class OutputLocked(RuntimeError):
    """Another live run holds the output directory."""


class OutputNotWritable(WriteError):
    """The output directory (or its lock file) cannot be created or written: read-only, no
    permission, full. Raised before anything is crawled; the command treats it as bad input."""


class RunLock:
    def __init__(self, out: str | os.PathLike[str], run_id: str) -> None:
        self.path = Path(out) / ".kliping.lock"
        self.run_id = run_id
        self._fh: Any = None
        self.took_over: dict[str, Any] | None = None  # what a dead run left behind

    def acquire(self) -> RunLock:
        """Take the lock; ``OutputLocked`` when a live run holds it, ``OutputNotWritable`` when
        the lock file cannot be created or written."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # errors="replace": a lock file a crash or a full disk left as junk is still taken over
            fh = open(self.path, "a+", encoding="utf-8", errors="replace")
        except OSError as exc:
            raise OutputNotWritable(self.path, exc) from exc
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = _parse(fh.read())
            fh.close()
            who = (
                f"pid {holder.get('pid')} on {holder.get('host')}, run {holder.get('run_id')}, "
                f"started {holder.get('started_at')}"
                if holder
                else "another process"
            )
            raise OutputLocked(
                f"{self.path.parent} is in use by another kliping run ({who}); "
                "wait for it to finish or stop it"
            ) from None
        fh.seek(0)
        previous = _parse(fh.read())
        if previous:
            self.took_over = previous  # its holder died without releasing: stale, taken over
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "host": socket.gethostname(),
                        "run_id": self.run_id,
                        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    }
                )
            )
            fh.flush()
        except OSError as exc:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
            try:
                fh.close()
            except OSError:
                pass
            raise OutputNotWritable(self.path, exc) from exc
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is None:
            return
        try:  # clearing who holds it is a courtesy: a full or read-only disk must not stop it
            self._fh.seek(0)
            self._fh.truncate()
            self._fh.flush()
        except OSError:
            pass
        fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        try:
            self._fh.close()
        except OSError:
            pass
        self._fh = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _parse(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        return {"unreadable": text[:200]}
    return value if isinstance(value, dict) else {}
