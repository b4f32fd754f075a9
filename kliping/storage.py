"""Append-only, hive-partitioned Parquet parts, written atomically.

Layout: ``<out>/<dataset>/site=<site>/part-<run_id>-<writer>-<seq>.parquet``. The partition column
(``site``) lives in the directory name, not in the file, as hive readers (pyarrow, pandas, polars,
DuckDB, Spark) expect. A part is written to a hidden temp file (``.part-….parquet.<rand>.tmp``,
which no reader or ``*.parquet`` glob picks up), fsynced, then renamed: a crash leaves only
complete parts behind, plus at most one temp file per writer, which the next run removes.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kliping.schema import DATASETS

PARTITION = "site"
COMPRESSION = "zstd"
# Large, (nearly) always distinct values: a dictionary only costs time to build and to read
# back (raw bodies read 1.5-2x faster plain; the files are the same size).
NO_DICTIONARY = frozenset({"body", "text"})


# pyarrow.dataset is imported where a hive-partitioned directory is read, not at module level: it
# costs a crawler process ~55 MB, and a crawl only writes parts and reads single files.


class _PandasForPyarrowOnly:
    """A ``sys.meta_path`` entry that refuses ``import pandas`` when kliping or pyarrow asks.

    pyarrow imports pandas, if installed, the first time it builds a table (to recognise
    DataFrames and pandas' null types; it carries on without it when the import fails): ~35 MB
    in a crawler that only writes Arrow tables. Imports from anywhere else (a user's pipeline)
    are left alone.
    """

    @staticmethod
    def find_spec(name: str, *args: Any) -> None:
        if name != "pandas":
            return None
        import sys

        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith(
            ("importlib", "_frozen_importlib")
        ):
            frame = frame.f_back
        caller = frame.f_globals.get("__name__", "") if frame is not None else ""
        if caller.startswith(("kliping.", "pyarrow")):
            raise ImportError("kliping's crawler keeps pandas out of pyarrow (storage.keep_pandas_out)")
        return None


def keep_pandas_out() -> None:
    """Crawler processes only: pyarrow works without pandas there, and the process stays ~35 MB
    smaller (bench/seen_set.py). A no-op once pandas is imported."""
    import sys

    if "pandas" in sys.modules or _PandasForPyarrowOnly in sys.meta_path:
        return
    sys.meta_path.insert(0, _PandasForPyarrowOnly)  # type: ignore[arg-type]


def _partitioning() -> Any:
    import pyarrow.dataset as ds

    return ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")


def file_schema(schema: pa.Schema) -> pa.Schema:
    """The schema of one part file: the dataset schema without the partition column."""
    idx = schema.get_field_index(PARTITION)
    return schema.remove(idx) if idx >= 0 else schema


def _leaf_paths(name: str, typ: pa.DataType) -> list[str]:
    """Parquet's column paths under an Arrow field (what ``use_dictionary`` names)."""
    if pa.types.is_map(typ):
        return _leaf_paths(f"{name}.key_value.key", typ.key_type) + _leaf_paths(
            f"{name}.key_value.value", typ.item_type
        )
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        return _leaf_paths(f"{name}.list.element", typ.value_type)
    if pa.types.is_struct(typ):
        return [p for f in typ for p in _leaf_paths(f"{name}.{f.name}", f.type)]
    return [name]


def _dictionary_columns(schema: pa.Schema) -> list[str]:
    return [p for f in schema if f.name not in NO_DICTIONARY for p in _leaf_paths(f.name, f.type)]


class WriteError(OSError):
    """A file of the output could not be written (disk full, read-only, quota, permissions...).

    Raised instead of the bare ``OSError`` so callers can stop a run cleanly with one line that
    names the file meant to be written (the final part name, never the temp file) and the cause.
    ``errno`` is the cause's, so ``exc.errno == errno.ENOSPC`` works.
    """

    def __init__(self, path: str | os.PathLike[str], cause: BaseException) -> None:
        err = getattr(cause, "errno", None)
        reason = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
        super().__init__(err, reason, os.fspath(path))
        self.path = Path(path)
        self.cause = cause
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


def write_part(directory: Path, name: str, table: pa.Table) -> Path:
    """Write ``table`` as ``directory/name`` atomically (temp file, fsync, rename).

    Any OS error (ENOSPC, EROFS, EDQUOT, EACCES, ...) raises ``WriteError`` naming the part, and
    leaves no file behind: neither the part nor its temp file.
    """
    final = directory / name
    tmp = directory / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            pq.write_table(
                table, fh, compression=COMPRESSION, use_dictionary=_dictionary_columns(table.schema)
            )
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except OSError as exc:
        raise WriteError(final, exc) from exc
    finally:
        try:
            if tmp.exists():
                tmp.unlink()
        except OSError:  # a read-only or vanished directory: nothing more to clean up here
            pass
    try:  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    return final


def remove_temp_files(out: str | os.PathLike[str]) -> int:
    """Delete temp files a killed writer left (call only while holding the output lock)."""
    removed = 0
    for path in Path(out).glob("*/**/.*.tmp"):
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise WriteError(path, exc) from exc
        removed += 1
    return removed


class PartWriter:
    """Buffers rows of one dataset per site and flushes them as Parquet parts.

    Part names carry the run id and a per-writer token, so several crawler processes (or
    machines) writing into one output never collide.
    """

    def __init__(
        self,
        out: str | os.PathLike[str],
        dataset: str,
        run_id: str,
        flush_rows: int = 200,
        flush_seconds: float = 60.0,
    ) -> None:
        self.root = Path(out) / dataset
        self.schema = DATASETS[dataset]
        self.partitioned = PARTITION in self.schema.names
        self.file_schema = file_schema(self.schema)
        self.run_id = run_id
        self.token = uuid.uuid4().hex[:8]
        self.flush_rows = flush_rows
        self.flush_seconds = flush_seconds
        self._rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._seq = 0
        self._last_flush = time.monotonic()
        self.rows_written = 0
        self.parts: list[Path] = []

    def add(self, row: Mapping[str, Any]) -> None:
        site = str(row.get(PARTITION) or "_unknown") if self.partitioned else ""
        self._rows[site].append(dict(row))
        pending = sum(len(v) for v in self._rows.values())
        if pending >= self.flush_rows or time.monotonic() - self._last_flush > self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        for site, rows in list(self._rows.items()):
            if not rows:
                continue
            table = pa.Table.from_pylist(rows, schema=self.file_schema)
            self._seq += 1
            name = f"part-{self.run_id}-{self.token}-{self._seq:05d}.parquet"
            where = self.root / f"{PARTITION}={site}" if self.partitioned else self.root
            self.parts.append(write_part(where, name, table))
            self.rows_written += len(rows)
            self._rows[site] = []

    def close(self) -> None:
        self.flush()

    def discard(self) -> None:
        """Forget the buffered rows (after a write error: they are not written, by design)."""
        self._rows.clear()


def dataset_path(out: str | os.PathLike[str], dataset: str) -> Path:
    return Path(out) / dataset


def open_dataset(path: str | os.PathLike[str], dataset: str | None = None) -> Any:
    """A pyarrow Dataset over a hive-partitioned directory (None when it holds no parts)."""
    import pyarrow.dataset as ds

    path = Path(path)
    if not path.exists() or not any(path.rglob("*.parquet")):
        return None
    name = dataset or path.name
    schema = DATASETS.get(name)
    kwargs: dict[str, Any] = {"format": "parquet"}
    if schema is None or PARTITION in schema.names:
        kwargs["partitioning"] = _partitioning()
    if schema is not None:
        kwargs["schema"] = schema
    return ds.dataset(str(path), **kwargs)


def read_dataset(
    path: str | os.PathLike[str],
    dataset: str | None = None,
    columns: list[str] | None = None,
    filter: Any = None,
) -> pa.Table:
    """Read a dataset directory back as one table (empty table with the schema when empty)."""
    schema = DATASETS.get(dataset or Path(path).name)
    if schema is not None and PARTITION not in schema.names and filter is None:
        return _read_flat(Path(path), schema, columns)
    d = open_dataset(path, dataset)
    if d is None:
        schema = DATASETS.get(dataset or Path(path).name, pa.schema([]))
        if columns:
            schema = pa.schema([schema.field(c) for c in columns])
        return schema.empty_table()
    return d.to_table(columns=columns, filter=filter)


def _read_flat(path: Path, schema: pa.Schema, columns: list[str] | None) -> pa.Table:
    """An unpartitioned dataset (the run ledger), file by file, without pyarrow.dataset."""
    want = pa.schema([schema.field(c) for c in columns]) if columns else schema
    files = sorted(f for f in path.glob("*.parquet") if not f.name.startswith(".")) if path.is_dir() else []
    tables = [pq.ParquetFile(f).read(columns=want.names).cast(want) for f in files]
    return pa.concat_tables(tables) if tables else want.empty_table()
