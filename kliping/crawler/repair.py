"""Finish the cleaning a killed or failed crawl left undone.

Raw parts are flushed before article parts, so a crawl killed mid-flush, or stopped by a write
error (disk full, read-only, quota) between its raw part and its article part, can leave raw rows
with no article (or error) row. The next run skips those URLs as known, so it cleans them here,
from the archive, before crawling. Rows of runs the ledger marks ``killed`` or ``failed`` are
examined, per site only those since the site's last run that got through this repair itself (a
``finished`` or ``health_failed`` run repaired everything before it), so the cost does not grow
with the archive's history of failures.
"""

from __future__ import annotations

import os
from typing import Any

import pyarrow as pa

from kliping.crawler.ledger import read_ledger
from kliping.dataset.outcome import clean_outcome
from kliping.dataset.records import raw_from_arrow
from kliping.dataset.storage import PartWriter, dataset_path, open_dataset
from kliping.sites.registry import all_sites


def _fetch_ids(out: str | os.PathLike[str], name: str, flt: Any) -> list:
    d = open_dataset(dataset_path(out, name), name)
    if d is None:
        return []
    return d.to_table(columns=["fetch_id"], filter=flt).column("fetch_id").to_pylist()


def _not_superseded(out: str | os.PathLike[str], raw: Any, gaps: pa.Array) -> pa.Array:
    """The gaps whose URL has no article or error row from another fetch.

    A page can be archived twice: a Redis worker re-queues what it finished but could not write
    (or what a killed worker held), and another worker fetches it again. That fetch holds the
    article; cleaning the first one too would store the article twice.
    """
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    rows = raw.to_table(columns=["fetch_id", "url_key"], filter=ds.field("fetch_id").isin(gaps))
    keys = pc.drop_null(rows.column("url_key"))
    if len(keys) == 0:
        return gaps
    others = raw.to_table(
        columns=["fetch_id", "url_key"],
        filter=ds.field("url_key").isin(pc.unique(keys)) & ~ds.field("fetch_id").isin(gaps),
    )
    if others.num_rows == 0:
        return gaps
    ids = others.column("fetch_id")
    flt = ds.field("fetch_id").isin(ids)
    covered = set(_fetch_ids(out, "articles", flt)) | set(_fetch_ids(out, "errors", flt))
    if not covered:
        return gaps
    mask = pc.is_in(ids, value_set=pa.array(sorted(covered), pa.string()))
    superseded = pc.filter(others.column("url_key"), mask)
    keep = pc.invert(pc.fill_null(pc.is_in(rows.column("url_key"), value_set=superseded), False))
    return pc.filter(rows.column("fetch_id"), keep)


def runs_to_repair(ledger: list[dict[str, Any]], sites: list[str]) -> dict[str, list[str]]:
    """Per site, the killed or failed runs since its last run that completed (oldest first).

    A run whose row names no sites (an ingest without ``--site`` learns its sites from the records
    it reads, so its ``running`` row has none) concerns every site: its raw rows may be anywhere.
    """
    todo: dict[str, list[str]] = {}
    for site in sites:
        runs: list[str] = []
        for row in ledger:  # oldest first
            if row["sites"] and site not in row["sites"]:
                continue
            if row["status"] in ("finished", "health_failed"):
                runs = []  # that run repaired everything before it
            elif row["status"] in ("killed", "failed"):
                runs.append(row["run_id"])
        if runs:
            todo[site] = runs
    return todo


def repair(out: str | os.PathLike[str], sites: list[str], run_id: str,
           partitions: dict[str, str] | None = None) -> int:
    """Clean raw rows of killed or failed runs that have neither an article nor an error row.

    ``sites`` are ledger keys; ``partitions`` maps a key to its ``site=`` partition where they
    differ (``generic`` writes ``site=<domain key>``).

    Raises ``kliping.dataset.storage.WriteError`` when a repaired row cannot be written (what was written
    stays; the next run repairs the rest).
    """
    todo = runs_to_repair(read_ledger(out), sites)
    if not todo:
        return 0
    # only after a killed run: pyarrow.dataset costs a crawler ~55 MB, pyarrow.compute 50 ms of
    # every crawl's start-up
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    raw = open_dataset(dataset_path(out, "raw"), "raw")
    if raw is None:
        return 0
    flt = None
    for site, runs in todo.items():
        part = (partitions or {}).get(site, site)
        one = ds.field("run_id").isin(runs) & (ds.field("site") == part)
        flt = one if flt is None else flt | one
    done = set(_fetch_ids(out, "articles", flt)) | set(_fetch_ids(out, "errors", flt))
    ok = flt & (ds.field("status") >= 200) & (ds.field("status") < 300)
    ids = raw.to_table(columns=["fetch_id"], filter=ok).column("fetch_id")
    gaps = pc.filter(ids, pc.invert(pc.is_in(ids, value_set=pa.array(sorted(done), pa.string()))))
    if len(gaps) == 0:
        return 0
    gaps = _not_superseded(out, raw, gaps)
    if len(gaps) == 0:
        return 0
    registry = all_sites()
    articles = PartWriter(out, "articles", f"{run_id}-repair")
    errors = PartWriter(out, "errors", f"{run_id}-repair")
    repaired = 0
    for batch in raw.to_batches(filter=ok & ds.field("fetch_id").isin(gaps), batch_size=64):
        for row in batch.to_pylist():
            row = raw_from_arrow(row)
            kind, out_row = clean_outcome(row, registry.get(row["site"]))
            (articles if kind == "article" else errors).add(out_row)
            repaired += 1
    articles.close()
    errors.close()
    return repaired
