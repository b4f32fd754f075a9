"""Duplicate clusters among articles: exact (``text_hash``) and near (``simhash``, banded LSH).

Near duplicates are pairs whose 64-bit simhashes differ in at most ``threshold`` bits. Splitting
the 64 bits into ``threshold + 1`` bands guarantees (pigeonhole) that such a pair agrees exactly on
at least one band, so only rows sharing a band value are compared: the work grows with the
number of candidates, not with the square of the dataset. Clusters are the connected components
of the matched pairs (union-find); each cluster keeps its earliest member.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

DEFAULT_THRESHOLD = 3
MODES = ("none", "exact", "near")
_MAX_BLOCK = 2048  # rows compared at once within one bucket (bounds the pair matrix)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, i: int) -> int:
        p = self.parent
        root = i
        while p[root] != root:
            root = p[root]
        while p[i] != root:
            p[i], i = root, p[i]
        return int(root)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> np.ndarray:
        return np.array([self.find(i) for i in range(len(self.parent))], dtype=np.int64)


def exact_labels(text_hash: Sequence[Any]) -> np.ndarray:
    """Cluster label per row: rows with the same (non-null) hash share a label."""
    first: dict[Any, int] = {}
    out = np.empty(len(text_hash), dtype=np.int64)
    for i, h in enumerate(text_hash):
        out[i] = i if h is None else first.setdefault(h, i)
    return out


def near_pairs(simhash: np.ndarray, threshold: int = DEFAULT_THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose simhashes differ in at most ``threshold`` bits."""
    if not 0 <= threshold < 32:
        raise ValueError("threshold must be between 0 and 31 bits")
    h = np.asarray(simhash, dtype=np.uint64)
    bands = threshold + 1
    width = 64 // bands
    pairs: set[tuple[int, int]] = set()
    for b in range(bands):
        lo = b * width
        bits = 64 - lo if b == bands - 1 else width
        mask = np.uint64((1 << bits) - 1)
        keys = (h >> np.uint64(lo)) & mask
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        starts = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]])
        ends = np.r_[starts[1:], len(sk)]
        for s, e in zip(starts, ends, strict=True):
            if e - s < 2:
                continue
            members = order[s:e]
            for i0 in range(0, len(members), _MAX_BLOCK):
                a = members[i0 : i0 + _MAX_BLOCK]
                for j0 in range(i0, len(members), _MAX_BLOCK):
                    c = members[j0 : j0 + _MAX_BLOCK]
                    dist = np.bitwise_count(h[a][:, None] ^ h[c][None, :])
                    ii, jj = np.nonzero(dist <= threshold)
                    for x, y in zip(a[ii].tolist(), c[jj].tolist(), strict=True):
                        if x < y:
                            pairs.add((x, y))
    return sorted(pairs)


def near_labels(
    simhash: np.ndarray, text_hash: Sequence[Any] | None = None, threshold: int = DEFAULT_THRESHOLD
) -> np.ndarray:
    n = len(simhash)
    uf = _UnionFind(n)
    if text_hash is not None:
        for i, lab in enumerate(exact_labels(text_hash).tolist()):
            if lab != i:
                uf.union(i, lab)
    for i, j in near_pairs(simhash, threshold):
        uf.union(i, j)
    return uf.labels()


def clusters(labels: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(keep mask, index of the kept member, cluster size) per row.

    ``rank`` orders rows (lower is earlier); the member with the lowest rank is kept.
    """
    n = len(labels)
    order = np.lexsort((rank, labels))  # by label, then rank
    lab_sorted = labels[order]
    starts = np.flatnonzero(np.r_[True, lab_sorted[1:] != lab_sorted[:-1]]) if n else np.array([], int)
    sizes = np.diff(np.r_[starts, n])
    rep_of_group = order[starts]
    group_of_sorted = np.repeat(np.arange(len(starts)), sizes)
    rep = np.empty(n, dtype=np.int64)
    size = np.empty(n, dtype=np.int64)
    rep[order] = rep_of_group[group_of_sorted]
    size[order] = sizes[group_of_sorted]
    keep = rep == np.arange(n)
    return keep, rep, size
