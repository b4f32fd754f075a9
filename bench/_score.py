"""Zyte article-extraction-benchmark scoring (its evaluate.py, re-implemented; see
../shared/data/README.md): 4-token shingle multisets, per-page TP/FP/FN normalised by their sum,
precision averaged over pages with a prediction, recall over pages with a truth, F1 of the averages.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(pred: str, true: str) -> tuple[float, float, float]:
    p, t = shingles(pred), shingles(true)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(preds: dict[str, str], truths: dict[str, str]) -> dict[str, float]:
    """{"f1", "precision", "recall", "pages"} for predictions keyed like the truths."""
    precisions, recalls = [], []
    for key, true in truths.items():
        pred = preds.get(key) or ""
        tp, fp, fn = page_counts(pred, true)
        if pred.strip():
            precisions.append(1.0 if fp == 0 else tp / (tp + fp))
        if true.strip():
            recalls.append(1.0 if fn == 0 else tp / (tp + fn) if (tp + fn) else 0.0)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r, "pages": len(truths)}
