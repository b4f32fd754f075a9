"""Finish the cleaning a killed crawl left undone.

Raw parts are flushed before article parts, so a crawl killed mid-flush can leave raw rows with
no article (or error) row. The next run skips those URLs as known, so it cleans them here, from
the archive, before crawling. Only rows of runs the ledger marks ``killed`` are examined.
"""

from __future__ import annotations

import os
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from kliping.ledger import read_ledger
from kliping.outcome import clean_outcome
from kliping.registry import all_sites
from kliping.storage import PartWriter, dataset_path, open_dataset


def _fetch_ids(out: str | os.PathLike[str], name: str, flt: Any) -> list:
    d = open_dataset(dataset_path(out, name), name)
    if d is None:
        return []
    return d.to_table(columns=["fetch_id"], filter=flt).column("fetch_id").to_pylist()


def repair(out: str | os.PathLike[str], sites: list[str], run_id: str) -> int:
    """Clean raw rows of killed runs that have neither an article nor an error row."""
    killed = [r["run_id"] for r in read_ledger(out) if r["status"] == "killed"]
    if not killed:
        return 0
    import pyarrow.dataset as ds  # only after a killed run: it costs a crawler ~55 MB

    raw = open_dataset(dataset_path(out, "raw"), "raw")
    if raw is None:
        return 0
    flt = ds.field("run_id").isin(killed) & ds.field("site").isin(sites)
    done = set(_fetch_ids(out, "articles", flt)) | set(_fetch_ids(out, "errors", flt))
    ok = flt & (ds.field("status") >= 200) & (ds.field("status") < 300)
    ids = raw.to_table(columns=["fetch_id"], filter=ok).column("fetch_id")
    gaps = pc.filter(ids, pc.invert(pc.is_in(ids, value_set=pa.array(sorted(done), pa.string()))))
    if len(gaps) == 0:
        return 0
    registry = all_sites()
    articles = PartWriter(out, "articles", f"{run_id}-repair")
    errors = PartWriter(out, "errors", f"{run_id}-repair")
    repaired = 0
    for batch in raw.to_batches(filter=ok & ds.field("fetch_id").isin(gaps), batch_size=64):
        for row in batch.to_pylist():
            row["headers"] = dict(row["headers"] or [])
            kind, out_row = clean_outcome(row, registry.get(row["site"]), row.get("run_id"))
            (articles if kind == "article" else errors).add(out_row)
            repaired += 1
    articles.close()
    errors.close()
    return repaired
