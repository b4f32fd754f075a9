"""Append-only, hive-partitioned Parquet parts, written atomically.

Layout: ``<out>/<dataset>/site=<site>/part-<run_id>-<writer>-<seq>.parquet``. The partition column
(``site``) lives in the directory name, not in the file, as hive readers (pyarrow, pandas, polars,
DuckDB, Spark) expect. A part is written to a hidden temp file (``.part-….parquet.<rand>.tmp``,
which no reader or ``*.parquet`` glob picks up), fsynced, then renamed: a crash leaves only
complete parts behind, plus at most one temp file per writer, which the next run removes.
"""

from __future__ import annotations

import os
import stat
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from kliping.dataset.schema import DATASETS

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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Raised in reclean's worker processes: pickled back to the driver, where the default
        # (OSError's args) would call __init__ with the wrong arguments and break the whole pool.
        return WriteError, (self.path, OSError(self.errno, self.reason))


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

    def take(self) -> dict[str, list[dict[str, Any]]]:
        """The buffered rows per site, handed over (the buffer starts empty): a crawl takes them
        in its reactor thread and :meth:`write` s them in its writer thread."""
        rows, self._rows = self._rows, defaultdict(list)
        self._last_flush = time.monotonic()
        return rows

    def named(self, batch: Mapping[str, list[dict[str, Any]]]) -> list[tuple[Path, str, pa.Table]]:
        """``batch`` (as :meth:`take` returns it) as parts to write: (directory, file name, table),
        one per site, named in this writer's sequence."""
        out = []
        for site, rows in batch.items():
            if not rows:
                continue
            self._seq += 1
            name = f"part-{self.run_id}-{self.token}-{self._seq:05d}.parquet"
            where = self.root / f"{PARTITION}={site}" if self.partitioned else self.root
            out.append((where, name, pa.Table.from_pylist(rows, schema=self.file_schema)))
        return out

    def write(self, batch: Mapping[str, list[dict[str, Any]]]) -> None:
        """Write ``batch`` (as :meth:`take` returns it): one part per site, each durable."""
        for where, name, table in self.named(batch):
            self.parts.append(write_part(where, name, table))
            self.rows_written += table.num_rows

    def flush(self) -> None:
        self.write(self.take())

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
    tables = []
    for f in files:
        if not f.is_file():  # a FIFO (opening it blocked for ever), a symlink loop
            reason = check_part(f, DATASETS.get(path.name)) or "not a regular file"
            raise BadPartsError([BadPart(f, reason)])
        bomb = bomb_in(f)  # before reading: a bomb's rows would be decoded in full
        if bomb:
            raise BadPartsError([BadPart(f, bomb)])
        try:
            tables.append(_read_part(f, want))
        except (pa.ArrowException, OSError) as exc:  # named, not pyarrow's bare message
            reason = check_part(f, DATASETS.get(path.name)) or f"unreadable ({arrow_reason(exc, f)})"
            raise BadPartsError([BadPart(f, reason)]) from None
    return pa.concat_tables(tables) if tables else want.empty_table()


def bomb_in(file: Path) -> str | None:
    """:func:`bomb_reason` of the part at ``file`` (None when it is no bomb or does not open)."""
    try:
        pf = pq.ParquetFile(file)
    except (pa.ArrowException, OSError):
        return None  # the read that follows names it
    try:
        return bomb_reason(file, pf)
    except (pa.ArrowException, OSError):
        return None
    finally:
        pf.close()


def _read_part(file: Path, want: pa.Schema) -> pa.Table:
    """One part as ``want``; a nullable column the part predates reads as nulls."""
    pf = pq.ParquetFile(file)
    have = set(pf.schema_arrow.names)
    table = pf.read(columns=[n for n in want.names if n in have])
    for i, fld in enumerate(want):
        if fld.name not in have:
            table = table.add_column(i, fld, pa.nulls(table.num_rows, fld.type))
    return table.cast(want)


# --------------------------------------------------------------------------------------------
# Checking parts before reading them: a truncated, foreign or wrong-schema file is named, not a
# traceback. Only footers are read here (a few KB per part), never the data pages.


T = TypeVar("T")


class BadPart(NamedTuple):
    """A part file that cannot be read as a part of its dataset, and why (one line)."""

    path: Path
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


class BadPartsError(ValueError):
    """Some parts of a dataset are unreadable or have the wrong schema."""

    def __init__(self, bad: list[BadPart]) -> None:
        self.bad = bad
        more = f" (and {len(bad) - 1} more bad part(s))" if len(bad) > 1 else ""
        super().__init__(f"bad part {bad[0].line()}{more}; --skip-bad reads the others")


class BadOutputError(BadPartsError):
    """Parts of an output that a run would read (the seen set, the repair, the ledger) or add to
    are unreadable: the run is refused before it starts (``kliping verify OUT --repair``)."""

    def __init__(self, out: str | os.PathLike[str], bad: list[BadPart]) -> None:
        super().__init__(bad)
        more = f" (and {len(bad) - 1} more bad part(s))" if len(bad) > 1 else ""
        self.args = (f"bad part {bad[0].line()}{more}; `kliping verify {os.fspath(out)} --repair` "
                     "moves bad parts to quarantine/",)


def list_parts(root: str | os.PathLike[str]) -> list[Path]:
    """Every part under ``root``, sorted: ``*.parquet`` entries that are no directory, with no
    path component starting with ``.`` or ``_`` (what pyarrow's dataset discovery skips: temp
    files, ``_metadata``).

    Not only regular files: a symlink that leads nowhere (a loop, a dangling link), a FIFO or a
    device named like a part is listed too, so :func:`check_part` names it bad. Left out, its rows
    were silently missing from ``stats``, ``export`` and every run's duplicate check."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(
        f for f in root.rglob("*.parquet")
        if not f.is_dir() and not any(c.startswith((".", "_")) for c in f.relative_to(root).parts)
    )


_STRINGS = ("is_string", "is_large_string", "is_string_view")
_BINARIES = ("is_binary", "is_large_binary", "is_binary_view", "is_fixed_size_binary")


def _family(typ: pa.DataType) -> str:
    t = pa.types
    if any(getattr(t, name)(typ) for name in _STRINGS if hasattr(t, name)):
        return "string"
    if any(getattr(t, name)(typ) for name in _BINARIES if hasattr(t, name)):
        return "binary"
    for name in ("integer", "floating", "timestamp", "date", "boolean", "map", "struct", "null"):
        if getattr(t, f"is_{name}")(typ):
            return name
    if t.is_list(typ) or t.is_large_list(typ):
        return "list"
    return str(typ)


def types_compatible(actual: pa.DataType, expected: pa.DataType) -> bool:
    """Whether a column of type ``actual`` reads as ``expected`` (the dataset scanner casts
    within a family: int64 -> int16, large_string -> string, timestamp[ns] -> timestamp[ms, UTC]);
    an all-null column fits anything."""
    if actual == expected or pa.types.is_null(actual):
        return True
    fam = _family(actual)
    if fam != _family(expected):
        return False
    if fam == "list":
        return types_compatible(actual.value_type, expected.value_type)
    if fam == "map":
        return types_compatible(actual.key_type, expected.key_type) and types_compatible(
            actual.item_type, expected.item_type
        )
    if fam == "struct":
        fields = {f.name: f.type for f in actual}
        return all(types_compatible(fields[f.name], f.type) for f in expected if f.name in fields)
    return True


def schema_problem(actual: pa.Schema, expected: pa.Schema) -> str | None:
    """What makes a part's schema unfit for its dataset (one line), or None.

    Missing nullable columns are fine (older parts lack newer columns; readers fill nulls);
    missing required (non-nullable) columns and columns of another kind of type are not.
    Extra columns are ignored, as readers do.
    """
    have = {f.name: f.type for f in actual}
    missing = [f.name for f in expected if not f.nullable and f.name not in have]
    if missing:
        return "missing required column(s) " + ", ".join(missing)
    for f in expected:
        if f.name in have and not types_compatible(have[f.name], f.type):
            return f"column {f.name} is {have[f.name]}, expected {f.type}"
    return None


def arrow_reason(exc: BaseException, path: Path) -> str:
    """pyarrow's message, one line, without the path it repeats."""
    msg = " ".join(str(exc).split())
    if "magic bytes not found" in msg:
        return "truncated or not Parquet: no Parquet footer at its end"
    for prefix in (f"Could not open Parquet input source '{path}': ", f"{path}: "):
        msg = msg.replace(prefix, "")
    return (msg or type(exc).__name__)[:300]


# A part built to hurt its reader (a compression bomb): a few KB on disk that decode to gigabytes,
# as a long constant string in one zstd page, or a dictionary page of one huge value that every row
# repeats (each row then costs the whole value once decoded). Every reader decodes a row group at
# a time, so a row group may decode to at most BOMB_BYTES or BOMB_RATIO times its bytes on disk,
# whichever is more: kliping's own parts (HTML, text: 3-10x; the largest raw part an ingest writes,
# 1,000 bodies of up to --max-body-mb, is a few GB at 5x) never come near.
BOMB_BYTES = 256 << 20
BOMB_RATIO = 200


def _decoded_bytes(arr: Any) -> int:
    """The bytes the string and binary values of ``arr`` take once decoded (dictionaries
    expanded), computed without expanding them."""
    import pyarrow.compute as pc

    if isinstance(arr, pa.ChunkedArray):
        return sum(_decoded_bytes(c) for c in arr.chunks)
    typ = arr.type
    if pa.types.is_dictionary(typ):
        lengths = pc.binary_length(arr.dictionary) if _family(typ.value_type) in ("string", "binary") \
            else None
        if lengths is None or len(arr) == 0:
            return 0
        return int(pc.sum(pc.take(lengths, arr.indices)).as_py() or 0)
    if pa.types.is_map(typ):
        return _decoded_bytes(arr.keys) + _decoded_bytes(arr.items)
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        return _decoded_bytes(arr.flatten())
    if pa.types.is_struct(typ):
        return sum(_decoded_bytes(arr.field(i)) for i in range(typ.num_fields))
    if _family(typ) in ("string", "binary") and len(arr):
        return int(pc.sum(pc.binary_length(arr)).as_py() or 0)
    return 0


def bomb_reason(path: Path, pf: Any) -> str | None:
    """Why the part ``pf`` (open at ``path``) would decode to more than a reader may hold: a row
    group past the bound above (one line), or None.

    The footer first: a column's uncompressed size, and for a dictionary-encoded string column its
    values times its dictionary's size (what they could expand to at most). Only a row group whose
    footer allows more than the bound has its dictionary columns read, kept as dictionaries (the
    dictionary and one index a value), to count what they really expand to. Then every page
    header against its footer (:func:`kliping.dataset.pages.page_lie`): the footer's figures bound
    what a reader decodes only when no page claims more.
    """
    from kliping.dataset.pages import page_lie

    md = pf.metadata
    byte_arrays = {i for i in range(md.num_columns) if pf.schema.column(i).physical_type == "BYTE_ARRAY"}
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        chunks = [rg.column(i) for i in range(md.num_columns)]
        packed = sum(max(c.total_compressed_size, 0) for c in chunks)
        limit = max(BOMB_BYTES, BOMB_RATIO * packed)
        plain, dictionary = 0, []
        for i, c in enumerate(chunks):
            if i in byte_arrays and c.has_dictionary_page:
                dictionary.append(c)
            else:
                plain += max(c.total_uncompressed_size, 0)
        worst = plain + sum(max(c.num_values, 0) * max(c.total_uncompressed_size, 0) for c in dictionary)
        if worst <= limit:
            continue
        decoded = plain
        if plain <= limit and dictionary:
            leaves = [c.path_in_schema for c in dictionary]
            tops = sorted({leaf.split(".")[0] for leaf in leaves})
            reader = pq.ParquetFile(path, read_dictionary=leaves)
            try:
                for top in tops:
                    decoded += _decoded_bytes(reader.read_row_group(g, columns=[top], use_threads=False)
                                              .column(0))
                    if decoded > limit:
                        break
            finally:
                reader.close()
        if decoded > limit:
            return (f"a compression bomb: row group {g} decodes to at least {decoded / 1e6:,.0f} MB"
                    f" from {packed:,} bytes on disk (a reader holds at most"
                    f" {max(BOMB_BYTES, BOMB_RATIO * packed) / 1e6:,.0f} MB)")
    return page_lie(path, pf)


def check_part(
    path: str | os.PathLike[str], schema: pa.Schema | None, deep: bool = False
) -> str | None:
    """Why the part at ``path`` is bad (one line), or None when it is fine.

    Reads the footer and checks the schema against ``schema`` (a dataset schema from
    ``kliping.dataset.schema``; the partition column is not expected in the file). ``deep`` also
    decompresses every page, one batch at a time (``kliping verify``), and checks that required
    columns hold no nulls. A part that would decode to more than a reader may hold (a compression
    bomb, :func:`bomb_reason`) is bad, found before any reader decodes it.
    """
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):  # never opened: a FIFO would block for a writer
        return "not a regular file (a FIFO, socket or device named like a part)"
    size = st.st_size
    if size == 0:
        return "empty file (0 bytes)"
    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        return f"unreadable ({arrow_reason(exc, path)})"
    try:
        expected = file_schema(schema) if schema is not None else None
        if expected is not None:
            problem = schema_problem(pf.schema_arrow, expected)
            if problem:
                return f"wrong schema: {problem}"
        bomb = bomb_reason(path, pf)
        if bomb:
            return bomb
        if deep:
            present = [f for f in (expected or []) if f.name in pf.schema_arrow.names]
            for batch in pf.iter_batches(batch_size=1024, use_threads=False):
                for f in present:  # what a reader does with the column: cast it to the schema
                    col = batch.column(f.name)
                    if not f.nullable and col.null_count:
                        return f"wrong data: required column {f.name} holds nulls"
                    if col.type != f.type:
                        try:
                            col.cast(f.type)
                        except pa.ArrowInvalid as exc:
                            return f"wrong data: column {f.name}: {arrow_reason(exc, path)}"
    except (pa.ArrowException, OSError) as exc:
        return f"unreadable data ({arrow_reason(exc, path)})"
    finally:
        pf.close()
    return None


def scan_parts(
    root: str | os.PathLike[str], dataset: str, deep: bool = False, sites: Iterable[str] | None = None
) -> tuple[list[Path], list[BadPart]]:
    """(good parts, bad parts) of the dataset directory ``root`` (``dataset`` names its schema);
    with ``sites``, only the parts of those sites' partitions."""
    schema = DATASETS.get(dataset)
    good: list[Path] = []
    bad: list[BadPart] = []
    wanted = {f"{PARTITION}={s}" for s in sites} if sites else None
    for path in list_parts(root):
        if wanted is not None and wanted.isdisjoint(path.relative_to(root).parts):
            continue
        reason = check_part(path, schema, deep=deep)
        if reason is None:
            good.append(path)
        else:
            bad.append(BadPart(path, reason))
    return good, bad


def open_parts(
    root: str | os.PathLike[str], dataset: str, parts: list[Path]
) -> Any:
    """A pyarrow Dataset over the given parts of the hive-partitioned directory ``root``."""
    import pyarrow.dataset as ds

    schema = DATASETS[dataset]
    kwargs: dict[str, Any] = {"format": "parquet", "schema": schema}
    if PARTITION in schema.names:
        kwargs["partitioning"] = _partitioning()
        kwargs["partition_base_dir"] = str(root)
    return ds.dataset([str(p) for p in parts], **kwargs)


def check_output(out: str | os.PathLike[str], partitions: Iterable[str] | None = None) -> None:
    """Raise :class:`BadOutputError` when a part of ``out`` that a run would read is unreadable or
    has the wrong schema: ``raw/``, ``articles/`` and ``errors/`` (only the ``site=`` partitions in
    ``partitions`` when given) and the ledger, ``runs/``. Footers only: a few KB a part."""
    wanted = sorted(set(partitions)) if partitions else None
    bad: list[BadPart] = []
    for name in ("raw", "articles", "errors"):
        bad += scan_parts(dataset_path(out, name), name, sites=wanted)[1]
    bad += scan_parts(dataset_path(out, "runs"), "runs")[1]
    if bad:
        raise BadOutputError(out, bad)


def find_bad_part(parts: list[Path], dataset: str) -> BadPart | None:
    """The first of ``parts`` whose data pages do not read (after a scan failed mid-way)."""
    schema = DATASETS.get(dataset)
    for path in parts:
        reason = check_part(path, schema, deep=True)
        if reason is not None:
            return BadPart(path, reason)
    return None


def with_good_parts(
    root: str | os.PathLike[str], dataset: str, read: Callable[[Any], T], skip_bad: bool = False,
    sites: Iterable[str] | None = None,
) -> tuple[T, list[BadPart]]:
    """``read(dataset)`` over the parts of ``root`` that are fine; returns its result and the parts
    skipped.

    Footers and schemas are checked first (cheap). A part whose data pages turn out unreadable
    while ``read`` scans (a footer that survived a corruption) is found by reading the parts
    again and named; with ``skip_bad`` it is dropped and ``read`` starts over, otherwise (and for
    any bad part found up front) :class:`BadPartsError` is raised. ``read`` gets None when no good
    part is left. With ``sites`` only those sites' partitions are checked and read.
    """
    good, bad = scan_parts(root, dataset, sites=sites)
    if bad and not skip_bad:
        raise BadPartsError(bad)
    skipped = list(bad)
    while True:
        if not good:
            if sites and not skipped and list_parts(root):  # parts, none of these sites': empty
                return read(open_parts(root, dataset, [])), skipped
            return read(None), skipped
        try:
            return read(open_parts(root, dataset, good)), skipped
        except (pa.ArrowException, OSError):
            culprit = find_bad_part(good, dataset)
            if culprit is None:
                raise  # not a part's fault (the output side, say): let the caller say what
            if not skip_bad:
                raise BadPartsError([culprit]) from None
            skipped.append(culprit)
            good.remove(culprit.path)


def dataset_sites(root: str | os.PathLike[str]) -> set[str]:
    """The site keys a hive-partitioned dataset directory holds (from its directory names)."""
    root = Path(root)
    if not root.is_dir():
        return set()
    prefix = f"{PARTITION}="
    return {d.name[len(prefix):] for d in root.iterdir() if d.is_dir() and d.name.startswith(prefix)}
