"""The seen set: article URLs already archived, in bounded memory.

Incremental crawls skip articles already in the raw archive. The archive itself is the source of
truth (no second database to drift); at start-up its ``url_key`` column (each URL's 64-bit hash,
written with the row) is read part by part into one sorted numpy ``uint64`` array: 8 bytes per URL
instead of ~150 for a Python string in a set, so a million known URLs cost about 8 MB. A false
positive needs two canonical URLs of one site to share 64 bits of BLAKE2b (about 1 in 3e7 at a
million URLs per site).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable
from hashlib import blake2b
from typing import Any

import numpy as np


def url_key(url: str) -> int:
    """64-bit key of a URL, stable across runs.

    The spider requests an article by the same string every time (``NewsSpider.article_url``), so
    only the fragment is dropped; full canonicalization (w3lib) would cost ~20x more per URL.
    """
    url = url.partition("#")[0]
    return int.from_bytes(blake2b(url.encode("utf-8"), digest_size=8).digest(), "little")


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """``keys`` sorted in place, duplicates dropped (one copy only when there are any)."""
    keys.sort()
    if len(keys) < 2:
        return keys
    dup = keys[1:] == keys[:-1]
    if not dup.any():
        return keys
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = ~dup
    del dup
    return keys[keep]


_WHOLE_FILE_ROWS = 65536


def _has_keys(parquet: Any) -> bool:
    """Whether a raw part carries a ``url_key`` for every row (parts written since it exists)."""
    if "url_key" not in parquet.schema_arrow.names:
        return False
    col = parquet.schema_arrow.get_field_index("url_key")
    meta = parquet.metadata
    for group in range(meta.num_row_groups):
        stats = meta.row_group(group).column(col).statistics
        if stats is None or not stats.has_null_count or stats.null_count:
            return False
    return True


def _read_keys(path: Any, keys: array) -> None:
    """Append the keys of the 2xx rows of the raw part at ``path`` to ``keys``."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    try:
        keyed = _has_keys(parquet)
        columns = ["url_key" if keyed else "url", "status"]
        if parquet.metadata.num_rows <= _WHOLE_FILE_ROWS:  # a crawl's parts: one read each
            batches: Iterable[Any] = parquet.read(columns=columns, use_threads=False).to_batches()
        else:
            batches = parquet.iter_batches(batch_size=8192, columns=columns, use_threads=False)
        for batch in batches:
            status = batch.column(1).to_numpy(zero_copy_only=False)
            ok = (status >= 200) & (status < 300)
            if keyed:
                keys.frombytes(batch.column(0).to_numpy()[ok].tobytes())
            else:  # parts written before the url_key column: hash the URLs
                keys.extend(url_key(u) for u, good in zip(batch.column(0).to_pylist(), ok.tolist(),
                                                          strict=True) if good and u is not None)
    finally:
        parquet.close()


class SeenSet:
    def __init__(self, keys: Iterable[int] | np.ndarray = ()) -> None:
        if isinstance(keys, np.ndarray):
            arr = keys.astype(np.uint64, copy=False)
        else:
            arr = np.fromiter(keys, dtype=np.uint64)
        self._sorted = _sorted_unique(arr)
        self._added: set[int] = set()
        self._skipped: np.ndarray | None = None  # one flag per archived key, made on first use

    @classmethod
    def from_urls(cls, urls: Iterable[str]) -> SeenSet:
        return cls(url_key(u) for u in urls)

    @classmethod
    def from_archive(cls, out: str | os.PathLike[str], sites: Iterable[str] | None = None) -> SeenSet:
        """Every successfully fetched URL in ``<out>/raw`` (optionally only for ``sites``).

        Reads the ``url_key`` column (8 bytes a row; older parts without it: the URLs, hashed)
        and ``status``, file by file (large files in small batches) without read-ahead threads,
        into one growing key array, then sorted in place: the transient memory is one file or
        batch, whatever the archive size.
        """
        import pyarrow as pa

        from kliping.dataset.storage import (
            PARTITION,
            BadOutputError,
            BadPart,
            arrow_reason,
            bomb_in,
            check_part,
            dataset_path,
        )

        root = dataset_path(out, "raw")
        dirs = [root] if sites is None else [root / f"{PARTITION}={site}" for site in sites]
        paths = [
            path
            for directory in dirs
            if directory.is_dir()
            for path in sorted(directory.rglob("*.parquet"))
            if not path.name.startswith(".")
        ]
        keys = array("Q")  # grows in place by ~1/8 at a time: no doubling spike
        for path in paths:
            if not path.is_file():  # a FIFO, a symlink loop: never opened (a FIFO blocked for ever)
                reason = check_part(path, None) or "not a regular file"
                raise BadOutputError(out, [BadPart(path, reason)])
            bomb = bomb_in(path)  # before reading (ingest reads no other check): a page that
            if bomb:  # inflates to gigabytes, in the key column too
                raise BadOutputError(out, [BadPart(path, bomb)])
            try:
                _read_keys(path, keys)
            except (pa.ArrowException, OSError) as exc:  # a corrupt page behind a sound footer
                reason = f"unreadable ({arrow_reason(exc, path)})"
                raise BadOutputError(out, [BadPart(path, reason)]) from None
        pa.default_memory_pool().release_unused()  # give the read buffers back to the OS
        return cls(np.frombuffer(keys, dtype=np.uint64) if keys else np.empty(0, dtype=np.uint64))

    def __contains__(self, url: object) -> bool:
        if not isinstance(url, str):
            return False
        key = url_key(url)
        return key in self._added or self._position(key) >= 0

    def _position(self, key: int) -> int:
        """Where ``key`` is among the URLs archived before this run, or -1."""
        i = int(self._sorted.searchsorted(np.uint64(key)))
        return i if i < len(self._sorted) and int(self._sorted[i]) == key else -1

    def first_skip(self, url: str) -> bool:
        """True the first time ``url``, archived before this run, is skipped: a run's
        ``articles_skipped`` counts known articles, not listing entries (a sitemap and three index
        pages listing one article skip it once). A URL added in this run (:meth:`add`) is a new
        article, never a skipped one. One byte per archived URL, allocated on the first call."""
        i = self._position(url_key(url))
        if i < 0:
            return False
        if self._skipped is None:
            self._skipped = np.zeros(len(self._sorted), dtype=bool)
        if self._skipped[i]:
            return False
        self._skipped[i] = True
        return True

    def add(self, url: str) -> None:
        self._added.add(url_key(url))

    def __len__(self) -> int:
        return len(self._sorted) + len(self._added)

    @property
    def nbytes(self) -> int:
        skipped = 0 if self._skipped is None else int(self._skipped.nbytes)
        return int(self._sorted.nbytes) + skipped + 72 * len(self._added)
