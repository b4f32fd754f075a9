"""The seen set: article URLs already archived, in bounded memory.

Incremental crawls skip articles already in the raw archive. The archive itself is the source of
truth (no second database to drift); at start-up its ``url`` column is read batch by batch and each
URL kept as a 64-bit hash in one sorted ``array('Q')``: 8 bytes per URL instead of ~150 for a Python
string in a set, so a million known URLs cost about 8 MB. A false positive needs two canonical URLs
of one site to share 64 bits of BLAKE2b (about 1 in 3e7 at a million URLs per site).
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from hashlib import blake2b


def url_key(url: str) -> int:
    """64-bit key of a URL, stable across runs.

    The spider requests an article by the same string every time (``NewsSpider.article_url``), so
    only the fragment is dropped; full canonicalization (w3lib) would cost ~20x more per URL.
    """
    url = url.partition("#")[0]
    return int.from_bytes(blake2b(url.encode("utf-8"), digest_size=8).digest(), "little")


def _sorted_copy(keys: array) -> array:
    """Sorted, de-duplicated copy of 64-bit keys (numpy: a Python ``sorted`` would build a
    million int objects; Arrow's unique + sort keeps a hash table and index arrays besides)."""
    import numpy as np

    out = array("Q")
    if not keys:
        return out
    arr = np.frombuffer(keys, dtype=np.uint64).copy()
    arr.sort()
    keep = np.empty(len(arr), dtype=bool)
    keep[0] = True
    np.not_equal(arr[1:], arr[:-1], out=keep[1:])
    out.frombytes(arr[keep].tobytes())
    return out


class SeenSet:
    def __init__(self, keys: Iterable[int] = ()) -> None:
        arr = keys if isinstance(keys, array) and keys.typecode == "Q" else array("Q", keys)
        self._sorted = _sorted_copy(arr)
        self._added: set[int] = set()

    @classmethod
    def from_urls(cls, urls: Iterable[str]) -> SeenSet:
        return cls(url_key(u) for u in urls)

    @classmethod
    def from_archive(cls, out: str | os.PathLike[str], sites: Iterable[str] | None = None) -> SeenSet:
        """Every successfully fetched URL in ``<out>/raw`` (optionally only for ``sites``).

        Reads one part file at a time, ``url`` and ``status`` only, in small batches without
        read-ahead threads, so the transient memory stays a few MB whatever the archive size.
        """
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        from kliping.storage import PARTITION, dataset_path

        root = dataset_path(out, "raw")
        if sites is None:
            dirs = [root]
        else:
            dirs = [root / f"{PARTITION}={site}" for site in sites]
        keys = array("Q")
        for directory in dirs:
            if not directory.is_dir():
                continue
            for path in sorted(directory.rglob("*.parquet")):
                if path.name.startswith("."):
                    continue
                parquet = pq.ParquetFile(path)
                for batch in parquet.iter_batches(
                    batch_size=16384, columns=["url", "status"], use_threads=False
                ):
                    status = batch.column(1)
                    ok = pc.and_(pc.greater_equal(status, 200), pc.less(status, 300))
                    urls = pc.filter(batch.column(0), ok)
                    keys.extend(url_key(u) for u in urls.to_pylist())
                parquet.close()
        import pyarrow as pa

        pa.default_memory_pool().release_unused()  # give the read buffers back to the OS
        return cls(keys)

    def __contains__(self, url: object) -> bool:
        if not isinstance(url, str):
            return False
        key = url_key(url)
        if key in self._added:
            return True
        i = bisect_left(self._sorted, key)
        return i < len(self._sorted) and self._sorted[i] == key

    def add(self, url: str) -> None:
        self._added.add(url_key(url))

    def __len__(self) -> int:
        return len(self._sorted) + len(self._added)

    @property
    def nbytes(self) -> int:
        return self._sorted.itemsize * len(self._sorted) + 72 * len(self._added)
