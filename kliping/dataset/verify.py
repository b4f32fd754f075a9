"""``kliping verify OUT [--repair]``: a crawl output checks itself.

Checks, reading every part of ``raw/``, ``articles/``, ``errors/`` and ``runs/``:

- every part reads, page by page (a footer that survived a corruption is not enough), and its
  schema fits its dataset's (``kliping.dataset.schema``: required columns present, types of the right
  kind, no nulls in required columns);
- coverage: every raw ``fetch_id`` has exactly one article or error row, and no article or error
  row points to a raw row that is not there;
- duplicates: a ``fetch_id`` twice in ``raw/``, an article ``id`` twice in ``articles/``;
- the run ledger: no run left ``running`` without a live process holding the output's lock,
  final rows that agree with each other and have their times in order.

``--repair`` (under the output's lock, so never beside a live crawl) moves bad parts aside to
``OUT/quarantine/<same relative path>`` (never deletes them), cleans raw rows that have neither an
article nor an error row (the crawl's own ``clean_outcome``, as ``kliping.crawler.repair`` does after a
killed run, for any run), closes runs left ``running`` by writing their ``killed`` row, and then
checks again. Duplicates and orphans are reported, not changed: which copy is right is a
decision for a person (``kliping export --dedup`` handles duplicates in exports).

Memory: parts are read one batch at a time; only the id columns (``fetch_id``, ``id``,
``run_id``) of the whole output are held, as Arrow arrays (about 40 bytes a row).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kliping.dataset.schema import DATASETS, RUNS
from kliping.dataset.storage import PARTITION, BadPart, PartWriter, scan_parts

DATASET_NAMES = ("raw", "articles", "errors", "runs")
QUARANTINE = "quarantine"
FINAL = ("finished", "failed", "killed", "health_failed")
STATUSES = ("running", *FINAL)
EXAMPLES = 3  # ids quoted per problem line


@dataclass
class Report:
    out: Path
    parts: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    bad_parts: list[tuple[str, BadPart]] = field(default_factory=list)
    coverage_checked: bool = False
    gaps: list[str] = field(default_factory=list)  # raw fetch_ids with no article / error row
    gaps_by_run: Counter[str] = field(default_factory=Counter)
    twice: list[str] = field(default_factory=list)  # fetch_ids with several article / error rows
    orphans: list[str] = field(default_factory=list)  # article / error fetch_ids not in raw
    dup_raw: list[str] = field(default_factory=list)
    dup_articles: list[str] = field(default_factory=list)
    dead_runs: list[str] = field(default_factory=list)  # left `running`, no live lock
    ledger: list[str] = field(default_factory=list)  # other ledger problems, one line each
    temp_files: int = 0
    live_run: str | None = None  # the run holding the lock while we read
    in_flight: int = 0  # raw rows of the live run not cleaned yet: not a problem

    def problems(self) -> list[str]:
        """One line per problem found (empty when the output is sound)."""
        out = []
        for _, bad in self.bad_parts:
            out.append(f"bad part {bad.path.relative_to(self.out)}: {bad.reason}")
        if self.gaps:
            runs = ", ".join(f"{r} ({n})" for r, n in self.gaps_by_run.most_common(EXAMPLES))
            out.append(
                f"coverage: {len(self.gaps)} raw row(s) have neither an article nor an error row"
                f" (runs: {runs}; e.g. fetch_id {_eg(self.gaps)})"
            )
        if self.twice:
            out.append(f"coverage: {len(self.twice)} raw row(s) have more than one article/error row"
                       f" (e.g. fetch_id {_eg(self.twice)})")
        if self.orphans:
            out.append(f"coverage: {len(self.orphans)} article/error row(s) point to no raw row"
                       f" (e.g. fetch_id {_eg(self.orphans)})")
        if self.dup_raw:
            out.append(f"duplicate: {len(self.dup_raw)} fetch_id(s) more than once in raw/"
                       f" (e.g. {_eg(self.dup_raw)})")
        if self.dup_articles:
            out.append(f"duplicate: {len(self.dup_articles)} article id(s) more than once in"
                       f" articles/ (e.g. {_eg(self.dup_articles)})")
        for run_id in self.dead_runs:
            out.append(f"ledger: run {run_id} is still 'running' but no live run holds the lock")
        out += [f"ledger: {line}" for line in self.ledger]
        return out

    @property
    def ok(self) -> bool:
        return not self.problems()

    def lines(self) -> list[str]:
        """The report as printed by ``kliping verify``."""
        out = [f"verify {self.out}"]
        for name in DATASET_NAMES:
            if name not in self.parts:
                continue
            bad = sum(1 for n, _ in self.bad_parts if n == name)
            out.append(
                f"  {name:<9}{self.parts[name]:>7} parts {self.rows.get(name, 0):>10,} rows"
                + (f"  ({bad} bad)" if bad else "")
            )
        if not self.coverage_checked:
            out.append("  (no raw/: raw -> article/error coverage not checked)")
        if self.live_run:
            out.append(f"  run {self.live_run} is live: its {self.in_flight} raw row(s) not yet"
                       " cleaned are not counted as gaps")
        if self.temp_files:
            out.append(f"  {self.temp_files} temp file(s) of interrupted writes (ignored by readers;"
                       " the next crawl removes them)")
        problems = self.problems()
        if problems:
            out.append(f"{len(problems)} problem(s):")
            out += [f"  {p}" for p in problems]
        else:
            out.append("ok: no problems found")
        return out


def _eg(ids: list[str]) -> str:
    shown = ", ".join(ids[:EXAMPLES])
    return shown + (", ..." if len(ids) > EXAMPLES else "")


def _ids(parts: list[Path], columns: list[str]) -> dict[str, pa.ChunkedArray]:
    """The given columns of every part, one file at a time, as chunked arrays (strings only)."""
    chunks: dict[str, list[pa.Array]] = {c: [] for c in columns}
    for path in parts:
        pf = pq.ParquetFile(path)
        try:
            have = [c for c in columns if c in pf.schema_arrow.names]
            for c in columns:
                if c not in have:  # an older or foreign part without the column: nulls
                    chunks[c].append(pa.nulls(pf.metadata.num_rows, pa.string()))
            if have:
                for batch in pf.iter_batches(batch_size=65536, columns=have, use_threads=False):
                    for c in have:
                        chunks[c].append(batch.column(c).cast(pa.string()))
        finally:
            pf.close()
    return {c: pa.chunked_array(v, pa.string()) for c, v in chunks.items()}


def _repeated(values: pa.ChunkedArray) -> list[str]:
    """Non-null values present more than once, sorted."""
    if len(values) == 0:
        return []
    counts = pc.value_counts(values.drop_null())
    many = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    return sorted(many.to_pylist())


def _missing_from(values: pa.Array, others: pa.Array) -> pa.Array:
    return pc.filter(values, pc.invert(pc.is_in(values, value_set=others)))


def check(out: str | os.PathLike[str]) -> Report:
    """Read every part of the output at ``out`` and report what is wrong (changes nothing)."""
    from kliping.crawler.ledger import lock_holder

    outp = Path(out)
    report = Report(outp)
    live = lock_holder(outp)
    if live is not None and not live.startswith("verify-"):
        report.live_run = live
    good: dict[str, list[Path]] = {}
    for name in DATASET_NAMES:
        root = outp / name
        if not root.is_dir():
            continue
        ok, bad = scan_parts(root, name, deep=True)
        good[name] = ok
        report.parts[name] = len(ok) + len(bad)
        report.bad_parts += [(name, b) for b in bad]
        report.rows[name] = sum(pq.ParquetFile(p).metadata.num_rows for p in ok)
        report.temp_files += sum(1 for _ in root.rglob(".*.tmp"))

    if "raw" in good:
        report.coverage_checked = True
        raw = _ids(good["raw"], ["fetch_id", "run_id"])
        report.dup_raw = _repeated(raw["fetch_id"])
        done = _ids(good.get("articles", []) + good.get("errors", []), ["fetch_id"])["fetch_id"]
        report.twice = _repeated(done)
        raw_unique = pc.unique(raw["fetch_id"].drop_null())
        done_unique = pc.unique(done.drop_null())
        gaps = _missing_from(raw_unique, done_unique)
        if len(gaps):
            gap_rows = pc.is_in(raw["fetch_id"], value_set=gaps)
            gap_ids = pc.filter(raw["fetch_id"], gap_rows)
            runs = pc.filter(raw["run_id"], gap_rows).fill_null("?")
            if report.live_run is not None:  # a live crawl flushes raw rows before their articles
                mine = pc.equal(runs, report.live_run)
                report.in_flight = int(pc.sum(mine.cast(pa.int64())).as_py() or 0)
                gap_ids = pc.filter(gap_ids, pc.invert(mine))
                runs = pc.filter(runs, pc.invert(mine))
            report.gaps = sorted(set(gap_ids.to_pylist()))
            report.gaps_by_run.update(runs.to_pylist())
        report.orphans = sorted(_missing_from(done_unique, raw_unique).to_pylist())
    if "articles" in good:
        report.dup_articles = _repeated(_ids(good["articles"], ["id"])["id"])
    if "runs" in good:
        _check_ledger(report, good["runs"], live)
    return report


def _ledger_rows(parts: list[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in parts:
        t = pq.read_table(path)
        cols = [c for c in RUNS.names if c in t.column_names]
        rows += t.select(cols).to_pylist()
    return rows


def _check_ledger(report: Report, parts: list[Path], live: str | None) -> None:
    by_run: dict[str, list[dict[str, Any]]] = {}
    for row in _ledger_rows(parts):
        by_run.setdefault(row["run_id"], []).append(row)
    for run_id, rows in sorted(by_run.items()):
        statuses = [r.get("status") for r in rows]
        odd = sorted({str(s) for s in statuses if s not in STATUSES})
        if odd:
            report.ledger.append(f"run {run_id}: unknown status {', '.join(odd)}")
        finals = [r for r in rows if r.get("status") in FINAL]
        if not finals:
            if run_id != live:
                report.dead_runs.append(run_id)
            continue
        kinds = sorted({r["status"] for r in finals})
        if len(kinds) > 1:
            report.ledger.append(f"run {run_id}: final rows disagree ({', '.join(kinds)})")
        for r in finals:
            started, finished = r.get("started_at"), r.get("finished_at")
            if r["status"] != "killed" and finished is None:
                report.ledger.append(f"run {run_id}: {r['status']} but no finished_at")
            if started is None:
                report.ledger.append(f"run {run_id}: no started_at")
            elif finished is not None and finished < started:
                report.ledger.append(f"run {run_id}: finished_at {finished} before started_at {started}")
            negative = [c for c in ("requests", "responses", "articles_new", "articles_skipped",
                                    "errors") if (r.get(c) or 0) < 0]
            if negative:
                report.ledger.append(f"run {run_id}: negative count(s) {', '.join(negative)}")


# --------------------------------------------------------------------------------------------
# Repair


@dataclass
class Repairs:
    moved: list[tuple[Path, Path]] = field(default_factory=list)
    cleaned: int = 0
    articles: int = 0
    errors: int = 0
    closed_runs: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"quarantined {src} -> {dst}" for src, dst in self.moved]
        if self.cleaned:
            out.append(f"cleaned {self.cleaned} raw row(s) that had neither an article nor an error"
                       f" row: {self.articles} article(s), {self.errors} error row(s)")
        out += [f"closed run {r}: left 'running' by a dead process, now 'killed'"
                for r in self.closed_runs]
        return out or ["nothing to repair"]


def quarantine_path(out: Path, path: Path) -> Path:
    """``OUT/quarantine/<path relative to OUT>``; a free name if that is taken."""
    dst = out / QUARANTINE / path.relative_to(out)
    n = 1
    while dst.exists():
        dst = dst.with_name(f"{path.name}.{n}")
        n += 1
    return dst


def repair(out: str | os.PathLike[str]) -> tuple[Repairs, Report]:
    """Repair what :func:`check` found (module docstring); returns what was done and the report
    of a fresh check afterwards. Raises :class:`~kliping.crawler.runlock.OutputLocked` while a run is
    live."""
    from kliping.crawler.lifecycle import Run

    outp = Path(out)
    done = Repairs()
    with Run(outp, []) as run:  # the output's one lock; the repair writes no ledger row
        run_id = f"{run.run_id}-verify"
        report = check(outp)  # again, under the lock: what a run finished meanwhile counts
        for _, bad in report.bad_parts:
            dst = quarantine_path(outp, bad.path)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(bad.path, dst)  # a rename: the same filesystem
            done.moved.append((bad.path, dst))
        if done.moved:
            report = check(outp)  # a quarantined article part turns its raw rows into gaps
        if report.gaps:
            _clean_gaps(outp, set(report.gaps), run_id, done)
        for dead in report.dead_runs:
            _close_run(outp, dead)
            done.closed_runs.append(dead)
    return done, check(outp)


def _clean_gaps(out: Path, gaps: set[str], run_id: str, done: Repairs) -> None:
    """Clean the raw rows whose fetch_id is in ``gaps``, one row group at a time."""
    from kliping.dataset.outcome import clean_outcome
    from kliping.dataset.records import raw_from_arrow
    from kliping.sites.registry import all_sites

    registry = all_sites()
    wanted = pa.array(sorted(gaps), pa.string())
    good, _ = scan_parts(out / "raw", "raw")
    articles = PartWriter(out, "articles", run_id)
    errors = PartWriter(out, "errors", run_id)
    for path in good:
        site = next((p.split("=", 1)[1] for p in path.relative_to(out / "raw").parts
                     if p.startswith(f"{PARTITION}=")), "_unknown")
        pf = pq.ParquetFile(path)
        try:
            for g in range(pf.metadata.num_row_groups):
                ids = pf.read_row_group(g, columns=["fetch_id"]).column(0)
                hit = pc.is_in(ids, value_set=wanted)
                if not pc.any(hit).as_py():
                    continue
                rows = pc.filter(pf.read_row_group(g), hit).to_pylist()
                for row in rows:
                    kind, out_row = clean_outcome(raw_from_arrow(row, site), registry.get(site))
                    if kind == "article":
                        articles.add(out_row)
                        done.articles += 1
                    else:
                        errors.add(out_row)
                        done.errors += 1
                    done.cleaned += 1
        finally:
            pf.close()
    articles.close()
    errors.close()


def _close_run(out: Path, run_id: str) -> None:
    """Write the ``killed`` row of a run whose process died before writing its final row."""
    from kliping.crawler.ledger import write_ledger_row

    good, _ = scan_parts(out / "runs", "runs")
    last = [r for r in _ledger_rows(good) if r["run_id"] == run_id][-1]
    row = {name: last.get(name) for name in RUNS.names}
    row["status"] = "killed"
    for key in ("responses_by_status", "fields_missing"):
        row[key] = dict(row[key] or [])
    write_ledger_row(out, row)


def datasets_under(out: str | os.PathLike[str]) -> list[str]:
    return [n for n in DATASETS if n in DATASET_NAMES and (Path(out) / n).is_dir()]
