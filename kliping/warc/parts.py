"""Ingest's part writers: the crawl's :class:`~kliping.pipelines.writers.RunWriters`, with every
part of one flush made durable together.

A WARC holds pages of many sites, so one flush writes a raw and an article part per site (a
CC-NEWS file read with ``--all-domains``: hundreds). ``storage.write_part`` makes each part durable
on its own (write, fsync, rename, fsync the directory): one journal commit per part, which took
about half of ingest's wall time on bench/warc.py's month (2,236 parts, 4,480 fsyncs) and, the
disk being shared, did not get faster with a second worker. Here the temp files of the whole
flush are written first, then fsynced (the first fsync commits them all; the others find their
data already on disk), then renamed raw parts first, each dataset's directories fsynced before
the next dataset's renames: the same guarantees as part by part (a part is never visible before
its bytes are durable; an article part is never visible before its raw part), a few commits a
flush instead of two per part.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kliping.dataset.storage import COMPRESSION, PartWriter, WriteError, _dictionary_columns
from kliping.pipelines.writers import RunWriters


def _take(writer: PartWriter) -> list[tuple[Path, str, pa.Table]]:
    """The parts a ``PartWriter.flush`` would write now (same names and bookkeeping), unwritten."""
    parts = writer.named(writer.take())
    writer.rows_written += sum(t.num_rows for _w, _n, t in parts)
    return parts


def _fsync_path(path: Path, flags: int = os.O_RDONLY) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parts(groups: list[list[tuple[Path, str, pa.Table]]]) -> list[Path]:
    """Write ``groups`` of parts durably, group by group visible (see the module docstring).

    Raises ``WriteError`` naming the part that could not be written; leaves no temp file.
    """
    temps: list[tuple[Path, Path]] = []  # (temp, final) in group order
    bounds: list[int] = []
    current: Path | None = None
    try:
        for group in groups:
            for directory, name, table in group:
                current = directory / name
                tmp = directory / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
                directory.mkdir(parents=True, exist_ok=True)
                temps.append((tmp, current))
                pq.write_table(table, tmp, compression=COMPRESSION,
                               use_dictionary=_dictionary_columns(table.schema))
            bounds.append(len(temps))
        for tmp, final in temps:
            current = final
            _fsync_path(tmp)
        lo = 0
        for hi in bounds:
            dirs: dict[Path, None] = {}
            for tmp, final in temps[lo:hi]:
                current = final
                os.replace(tmp, final)
                dirs[final.parent] = None
            for d in dirs:
                try:  # the renames durable before the next group's
                    _fsync_path(d)
                except OSError:
                    pass
            lo = hi
    except OSError as exc:
        raise WriteError(current or Path("."), exc) from exc
    finally:
        for tmp, _ in temps:
            try:
                if tmp.exists():
                    tmp.unlink()
            except OSError:
                pass
    return [final for _, final in temps]


class IngestWriters(RunWriters):
    """``RunWriters`` whose flush writes all its parts in one durable batch."""

    def flush(self) -> None:
        if self.failed is not None:
            raise self.failed
        try:
            raw, art, err = _take(self.raw), _take(self.articles), _take(self.errors)
            written = write_parts([raw, art + err])
        except WriteError as exc:
            self.fail(exc)
            raise
        self.raw.parts += written[: len(raw)]  # as PartWriter.flush keeps them
        self.articles.parts += written[len(raw) : len(raw) + len(art)]
        self.errors.parts += written[len(raw) + len(art) :]
        self._pending = 0
        self._last = time.monotonic()
