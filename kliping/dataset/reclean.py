"""``kliping reclean``: run the crawl's pure ``clean()`` again over the raw archive.

The unit of work is a *chunk*: at most :data:`CHUNK_ROWS` rows of one row group of one raw part
file. A chunk is described by a few strings (file, row group, first row), so the driver never
holds page bodies: each worker reads its chunk from the (shared) filesystem, cleans it page by
page, and writes the chunk's output parts itself. Memory is bounded by one row group per worker
plus what is in flight, whatever the archive size.

Determinism: chunks are enumerated in a fixed order (raw files sorted by path, row groups by
index), each chunk keeps the raw row order, and its output part name is derived from the chunk
itself (``part-<raw file stem>-g<row group>-r<first row>.parquet``), so the same input and the
same cleaner version give byte-identical Parquet, whether run with 1 worker, N workers or a Dask
cluster. Names derived from the input (rather than a running batch number) also keep
``--only-stale`` incremental: a new raw part adds new chunks without renaming old ones.

Rows that give no article are written to ``<out>/errors/`` by the crawl's own outcome path
(:func:`kliping.dataset.outcome.clean_outcome`: rows of :data:`kliping.dataset.schema.ERRORS`, as a
crawl or an ingest writes them): pages that make the cleaner raise or run past the per-page time
budget, pages the cleaner finds are not articles, and non-2xx responses. Together with
``<out>/articles/`` that accounts for every raw row, which is what lets ``--only-stale`` know which
rows are already done with the current cleaner version (an errors part of the old layout, without
``kind``, counts as stale).

Atomic output: a run writes into a stage directory inside ``out`` (``out/.reclean-<token>/``,
hidden from every reader), parts it keeps from the previous output (``--only-stale``, ``--site``)
hard-linked in, and swaps the stage's ``articles/`` and ``errors/`` into place only once every
chunk is done. A failure (a bad raw part, a crash, a full disk, Ctrl-C) leaves the previous output
as it was. A commit marker makes the swap itself recoverable: a run killed half-way through it
is completed by the next run (:func:`recover`); a stage without the marker is simply removed.

Bad raw parts (truncated, not Parquet, wrong schema; or data pages that do not decompress) stop
the run before anything is swapped in (:class:`~kliping.dataset.storage.BadPartsError`, naming the file);
with ``skip_bad`` they are left out and listed in the summary.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kliping.dataset.outcome import NOT_ARTICLE_KINDS, PAGE_SECONDS, WORKER_CRASHED, clean_outcome, error_row

# the per-page budget lived here first: still importable from here
from kliping.dataset.outcome import PageTimeout as PageTimeout
from kliping.dataset.outcome import time_budget as time_budget
from kliping.dataset.records import raw_from_arrow
from kliping.dataset.schema import ARTICLES, ERRORS, RAW
from kliping.dataset.storage import PARTITION, BadPart, BadPartsError, check_part, file_schema, write_part
from kliping.dataset.workers import RETRY_ONCE, drive

CHUNK_ROWS = 64  # small enough to spread a few hundred pages over the workers
PART_PREFIX = "part-"
_RAW_COLUMNS = ["fetch_id", "url", "final_url", "status", "headers", "body", "fetched_at", "run_id"]


# --------------------------------------------------------------------------------------------
# Chunks


@dataclass(frozen=True, order=True)
class Chunk:
    """``rows`` rows from ``start`` of row group ``group`` of raw part ``path`` (site ``site``)."""

    site: str
    path: str
    group: int
    start: int
    rows: int

    @property
    def name(self) -> str:
        stem = Path(self.path).name.removesuffix(".parquet").removeprefix(PART_PREFIX)
        return f"{PART_PREFIX}{stem}-g{self.group:04d}-r{self.start:07d}.parquet"


def raw_root(path: str | os.PathLike[str]) -> Path:
    """The raw dataset directory from either ``<out>/raw`` or the crawl output root ``<out>``."""
    p = Path(path)
    if (p / "raw").is_dir() and not any(c.name.startswith(f"{PARTITION}=") for c in p.iterdir()):
        return p / "raw"
    return p


def raw_files(root: Path) -> list[tuple[str, Path]]:
    """(site, file) of every raw part, in a fixed order; temp files (``.tmp-…``) are skipped."""
    found = []
    for f in root.rglob("*.parquet"):
        if any(part.startswith((".", "_")) for part in f.relative_to(root).parts):
            continue
        site = next(
            (p.split("=", 1)[1] for p in f.relative_to(root).parts if p.startswith(f"{PARTITION}=")),
            "_unknown",
        )
        found.append((site, f))
    return sorted(found, key=lambda sf: (sf[0], str(sf[1].relative_to(root))))


def plan(root: Path, chunk_rows: int = CHUNK_ROWS, sites: Iterable[str] | None = None) -> list[Chunk]:
    """Every chunk of the raw archive under ``root``, in the fixed processing order.

    Raises :class:`BadPartsError` when a raw part is unreadable or has the wrong schema."""
    chunks, bad = plan_checked(root, chunk_rows, sites)
    if bad:
        raise BadPartsError(bad)
    return chunks


def plan_checked(
    root: Path, chunk_rows: int = CHUNK_ROWS, sites: Iterable[str] | None = None
) -> tuple[list[Chunk], list[BadPart]]:
    """(chunks of the good raw parts, bad raw parts): footers and schemas checked, no data read."""
    wanted = set(sites) if sites is not None else None
    chunks = []
    bad = []
    for site, f in raw_files(root):
        if wanted is not None and site not in wanted:
            continue
        reason = check_part(f, RAW)
        if reason is not None:
            bad.append(BadPart(f, reason))
            continue
        meta = pq.ParquetFile(f).metadata
        for g in range(meta.num_row_groups):
            n = meta.row_group(g).num_rows
            for start in range(0, n, chunk_rows):
                chunks.append(Chunk(site, str(f), g, start, min(chunk_rows, n - start)))
    return chunks, bad


_LAST_GROUP: dict[tuple[str, int, tuple[str, ...], float], pa.Table] = {}


def read_chunk(chunk: Chunk, columns: list[str] | None = None) -> pa.Table:
    """The chunk's rows. A worker usually gets a row group's chunks one after another, so the last
    row group read is kept (one, keyed by file, group, columns and mtime) instead of being read
    and decompressed again for each of its chunks."""
    key = (chunk.path, chunk.group, tuple(columns or _RAW_COLUMNS), os.stat(chunk.path).st_mtime)
    table = _LAST_GROUP.get(key)
    if table is None:
        pf = pq.ParquetFile(chunk.path)
        cols = [c for c in (columns or _RAW_COLUMNS) if c in pf.schema_arrow.names]
        table = pf.read_row_group(chunk.group, columns=cols)
        _LAST_GROUP.clear()
        _LAST_GROUP[key] = table
    return table.slice(chunk.start, chunk.rows)


# --------------------------------------------------------------------------------------------
# Cleaning one chunk (runs in a worker: a local process or a Dask worker)


@dataclass
class ChunkResult:
    chunk: Chunk
    articles: int = 0
    errors: int = 0
    not_articles: int = 0
    skipped: bool = False
    seconds: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)
    unreadable: str | None = None  # why the chunk's raw rows could not be read (a bad part)

    @property
    def pages(self) -> int:
        return self.chunk.rows


def clean_rows(
    rows: Iterable[dict[str, Any]],
    site_key: str,
    page_seconds: float | None = PAGE_SECONDS,
    clean: Callable[..., dict[str, Any]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Clean raw rows of one site; returns (article rows, error rows), each in input order.

    Each row goes through the crawl's own outcome path (:func:`kliping.dataset.outcome.clean_outcome`):
    the same error row, kind and message, whichever run cleans the page."""
    from kliping.sites.registry import UnknownSite, get_site, site_for_url

    try:
        site = get_site(site_key)
    except UnknownSite:
        site = None
    articles, errors = [], []
    for row in rows:
        row = raw_from_arrow(row, site_key)
        page_site = site or site_for_url(row.get("final_url") or row["url"])
        kind, out = clean_outcome(row, page_site, page_seconds=page_seconds, clean=clean)
        if kind == "article":
            out["site"] = site_key
            articles.append(out)
        else:
            errors.append(out)
    return articles, errors


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=file_schema(schema))


def _write_or_remove(directory: Path, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    if rows:
        write_part(directory, name, _table(rows, schema))
    elif (directory / name).exists():
        (directory / name).unlink()


def run_chunk(
    chunk: Chunk, out: str, page_seconds: float | None = PAGE_SECONDS, stale_only: bool = False,
    stage: str | None = None,
) -> ChunkResult:
    """Clean one chunk and write its parts to ``stage/articles`` and ``stage/errors`` (``out``'s
    when no stage is given).

    With ``stale_only`` the chunk is skipped when its existing outputs in ``out`` were all written
    by the current cleaner version and cover every row of the chunk (and, with a stage, they are
    linked into it). A chunk whose raw rows do not read comes back with ``unreadable`` set.
    """
    from kliping.clean import CLEANER_VERSION
    from kliping.dataset.storage import keep_pandas_out

    keep_pandas_out()  # a worker writes Arrow tables only (a no-op where pandas is loaded: Dask)
    t0 = time.perf_counter()
    outp = Path(out)
    art_dir = outp / "articles" / f"{PARTITION}={chunk.site}"
    err_dir = outp / "errors" / f"{PARTITION}={chunk.site}"
    if stale_only and _chunk_is_current(chunk, art_dir, err_dir, CLEANER_VERSION):
        if stage is not None:
            for src in (art_dir / chunk.name, err_dir / chunk.name):
                if src.exists():
                    _link(src, Path(stage) / src.relative_to(outp))
        return ChunkResult(chunk, skipped=True, seconds=time.perf_counter() - t0)
    if stage is not None:
        art_dir = Path(stage) / "articles" / f"{PARTITION}={chunk.site}"
        err_dir = Path(stage) / "errors" / f"{PARTITION}={chunk.site}"
    try:
        rows = read_chunk(chunk).to_pylist()
    except (pa.ArrowException, OSError) as exc:
        why = " ".join(str(exc).split())[:300] or type(exc).__name__
        return ChunkResult(chunk, unreadable=f"unreadable data ({why})")
    articles, errors = clean_rows(rows, chunk.site, page_seconds)
    _write_or_remove(art_dir, chunk.name, articles, ARTICLES)
    _write_or_remove(err_dir, chunk.name, errors, ERRORS)
    kinds: dict[str, int] = {}
    for e in errors:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    # pages that are not articles (HTML without a body, or not HTML at all) are not failures
    not_articles = sum(kinds.get(k, 0) for k in NOT_ARTICLE_KINDS)
    return ChunkResult(
        chunk,
        articles=len(articles),
        errors=len(errors) - not_articles,
        not_articles=not_articles,
        seconds=time.perf_counter() - t0,
        kinds=kinds,
    )


def _chunk_is_current(chunk: Chunk, art_dir: Path, err_dir: Path, version: str) -> bool:
    seen = 0
    for part in (art_dir / chunk.name, err_dir / chunk.name):
        if not part.exists():
            continue
        try:
            if part.parent == err_dir and not _errors_layout_current(part):
                return False  # an errors part of the old layout (no kind): rewritten in this one
            versions = pq.read_table(part, columns=["cleaner_version"]).column(0)
        except (pa.ArrowException, OSError, KeyError):  # a damaged output part: redo the chunk
            return False
        if versions.null_count or any(v != version for v in versions.unique().to_pylist()):
            return False
        seen += len(versions)
    return seen == chunk.rows


def _errors_layout_current(part: Path) -> bool:
    return set(ERRORS.names) - {PARTITION} <= set(pq.read_schema(part).names)


def crash_result(chunk: Chunk, out: str, reason: str) -> ChunkResult:
    """A chunk whose worker died twice: every row becomes an error row (the run goes on)."""
    rows = read_chunk(chunk, ["fetch_id", "url", "run_id"]).to_pylist()
    errors = [error_row({**r, "site": chunk.site}, WORKER_CRASHED, reason) for r in rows]
    err_dir = Path(out) / "errors" / f"{PARTITION}={chunk.site}"
    _write_or_remove(err_dir, chunk.name, errors, ERRORS)
    art = Path(out) / "articles" / f"{PARTITION}={chunk.site}" / chunk.name
    if art.exists():
        art.unlink()
    return ChunkResult(chunk, errors=len(errors), kinds={WORKER_CRASHED: len(errors)})


# --------------------------------------------------------------------------------------------
# Driving: local process pool or Dask


@dataclass
class Summary:
    chunks: int = 0
    pages: int = 0
    articles: int = 0
    errors: int = 0
    not_articles: int = 0
    skipped_pages: int = 0
    removed_parts: int = 0
    seconds: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)
    bad_parts: list[BadPart] = field(default_factory=list)  # raw parts left out (skip_bad)

    def add(self, r: ChunkResult) -> None:
        self.chunks += 1
        if r.unreadable is not None:
            path = Path(r.chunk.path)
            if all(b.path != path for b in self.bad_parts):
                self.bad_parts.append(BadPart(path, r.unreadable))
            return
        if r.skipped:
            self.skipped_pages += r.pages
            return
        self.pages += r.pages
        self.articles += r.articles
        self.errors += r.errors
        self.not_articles += r.not_articles
        for k, v in r.kinds.items():
            self.kinds[k] = self.kinds.get(k, 0) + v

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _run_local(
    chunks: list[Chunk], out: str, workers: int, page_seconds: float | None, stale_only: bool,
    on_result: Callable[[ChunkResult], None], stage: str | None = None,
) -> None:
    # Largest chunks first (a stable sort: one row group's chunks stay together), so the run
    # does not end with one worker busy on a big chunk while the others wait; output names do
    # not depend on the order. A chunk whose worker died is run once more on a fresh pool, then
    # becomes error rows (crash_result); the run goes on.
    write_to = stage or out
    drive(
        reversed(sorted(chunks, key=lambda c: c.rows)), run_chunk,
        lambda c: (c, out, page_seconds, stale_only, stage), on_result,
        lambda c, reason: crash_result(c, write_to, reason),
        workers=workers, policy=RETRY_ONCE,
    )


def _run_dask(
    chunks: list[Chunk], out: str, address: str, page_seconds: float | None, stale_only: bool,
    on_result: Callable[[ChunkResult], None], stage: str | None = None,
) -> None:
    from kliping.extras import dask_client, require

    require("distributed", "reclean --dask")  # kliping[cluster]: one line naming it when missing
    from distributed import as_completed

    with dask_client(address, "reclean --dask") as client:
        futures = client.map(
            run_chunk, chunks, out=os.path.realpath(out), page_seconds=page_seconds,
            stale_only=stale_only, stage=os.path.realpath(stage) if stage else None,
            pure=False, key=[f"reclean-{c.name}-{i}" for i, c in enumerate(chunks)],
        )
        try:
            for fut in as_completed(futures):
                on_result(fut.result())
                fut.release()
        except BaseException:
            client.cancel(futures)
            raise


def _owned_parts(out: Path) -> set[Path]:
    found: set[Path] = set()
    for ds_name in ("articles", "errors"):
        root = out / ds_name
        if root.is_dir():
            found |= {p for p in root.rglob(f"{PART_PREFIX}*.parquet")}
    return found


# --------------------------------------------------------------------------------------------
# The stage and its swap into place

STAGE_PREFIX = ".reclean-"
_COMMITTED = "COMMITTED"
_OUTPUTS = ("articles", "errors")


def _link(src: Path, dst: Path) -> None:
    """``dst`` as a hard link to ``src`` (a copy where links are not possible)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except FileExistsError:
        pass
    except OSError:
        shutil.copy2(src, dst)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _swap(stage: Path, out: Path) -> None:
    """Move the stage's outputs into place (idempotent: a killed swap is finished by a rerun)."""
    for name in _OUTPUTS:
        new, cur, old = stage / name, out / name, stage / f"old-{name}"
        if not new.exists():
            continue
        if cur.exists() and not old.exists():
            os.rename(cur, old)
        if not cur.exists():
            os.rename(new, cur)
    _fsync_dir(out)
    shutil.rmtree(stage, ignore_errors=True)


def commit(stage: Path, out: Path) -> None:
    """Swap a complete stage in: mark it committed (durably), then rename its outputs into place."""
    for name in _OUTPUTS:  # an output that had rows and now has none is replaced by an empty one
        if (out / name).exists():
            (stage / name).mkdir(exist_ok=True)
    marker = stage / _COMMITTED
    with open(marker, "w", encoding="utf-8") as fh:
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(stage)
    _swap(stage, out)


def recover(out: str | os.PathLike[str]) -> int:
    """Finish the swap of a committed stage a killed run left in ``out``; drop uncommitted ones.
    Call only while holding ``out``'s lock. Returns the number of stages found."""
    outp = Path(out)
    found = 0
    for stage in sorted(outp.glob(f"{STAGE_PREFIX}*")) if outp.is_dir() else []:
        if not stage.is_dir():
            continue
        found += 1
        if (stage / _COMMITTED).exists():
            _swap(stage, outp)
        else:
            shutil.rmtree(stage, ignore_errors=True)
    return found


def _carry_over(out: Path, stage: Path, keep: Callable[[Path], bool]) -> None:
    """Link into the stage the files of ``out``'s outputs this run does not rewrite."""
    for name in _OUTPUTS:
        root = out / name
        if not root.is_dir():
            continue
        for f in root.rglob("*"):
            if f.is_file() and not f.name.endswith(".tmp") and keep(f):
                _link(f, stage / f.relative_to(out))


def reclean(
    raw: str | os.PathLike[str],
    out: str | os.PathLike[str],
    workers: int | None = None,
    only_stale: bool = False,
    dask: str | None = None,
    page_seconds: float | None = PAGE_SECONDS,
    chunk_rows: int = CHUNK_ROWS,
    sites: Iterable[str] | None = None,
    progress: Callable[..., None] | None = None,
    skip_bad: bool = False,
) -> Summary:
    """Re-clean every raw row under ``raw`` into ``out/articles`` and ``out/errors``.

    A full run (not ``only_stale``) also removes parts that an earlier run left for chunks that
    no longer exist, so ``out`` ends up holding exactly this input's output. The output changes
    all at once at the end, or not at all (module docstring). Raises :class:`BadPartsError` for
    bad raw parts unless ``skip_bad``, and :class:`~kliping.crawler.runlock.OutputLocked` when another
    reclean is writing ``out``. ``progress(pages_done, pages_total, **counters)`` is called once
    the plan is made and after every chunk (e.g. a :class:`kliping.crawler.progress.JobProgress`).
    """
    from kliping.crawler.ledger import FAILED, FINISHED, RECLEAN, RUNNING
    from kliping.crawler.lifecycle import Run

    root = raw_root(raw)
    outp = Path(out)
    outp.mkdir(parents=True, exist_ok=True)
    # the output's one lock, the one run id, and ledger rows of job "reclean" (which since=last
    # and the crawl health baselines pass over: a reclean fetched nothing)
    with Run(outp, sorted(sites or []), job=RECLEAN) as run:
        token = run.run_id
        recover(outp)
        _close_dead_runs(outp, token)
        summary = Summary()
        chunks, bad = plan_checked(root, chunk_rows, sites)
        if bad and (not skip_bad or not chunks):  # nothing readable: keep the old output
            raise BadPartsError(bad)
        summary.bad_parts.extend(bad)
        run.record(RUNNING, [], {"reclean": {"raw": str(root), "only_stale": only_stale}})
        stage = outp / f"{STAGE_PREFIX}{token}"
        stage.mkdir()
        status = FAILED
        try:
            _reclean_into(chunks, outp, stage, summary, workers, only_stale, dask, page_seconds,
                          sites, progress, skip_bad)
            commit(stage, outp)
            status = FINISHED
        finally:
            if stage.exists():
                shutil.rmtree(stage, ignore_errors=True)
            # a failed write of this row leaves the run "killed" in the ledger; the output stands
            run.close(status, [_ledger_stats(summary)], {"reclean": {
                "raw": str(root), "only_stale": only_stale, "pages": summary.pages,
                "kinds": summary.kinds, "bad_parts": len(summary.bad_parts)}})
    return summary


def _close_dead_runs(out: Path, own: str) -> None:
    """Write the ``killed`` row of a reclean of ``out`` left ``running`` by a SIGKILL, as a crawl's
    next run does (:meth:`kliping.crawler.lifecycle.Run.open`): else ``kliping verify`` found the
    output unsound ("still 'running' but no live run holds the lock", exit 1) after the rerun had
    finished it. A ledger part that cannot be read is left to ``verify`` (as before)."""
    from kliping.crawler.ledger import close_dead_runs
    from kliping.dataset.storage import BadOutputError

    try:
        close_dead_runs(out, own)
    except BadOutputError:
        pass


def _ledger_stats(summary: Summary) -> dict[str, int]:
    """A reclean's counts in the ledger's vocabulary (:func:`kliping.crawler.ledger.ledger_row`)."""
    return {"kliping/articles/new": summary.articles,
            "kliping/articles/skipped_known": summary.skipped_pages,
            "kliping/errors": summary.errors + summary.not_articles}


def _reclean_into(
    chunks: list[Chunk], outp: Path, stage: Path, summary: Summary, workers: int | None,
    only_stale: bool, dask: str | None, page_seconds: float | None, sites: Iterable[str] | None,
    progress: Callable[..., None] | None, skip_bad: bool,
) -> None:
    expected = {
        outp / name / f"{PARTITION}={c.site}" / c.name for c in chunks for name in _OUTPUTS
    }
    before = _owned_parts(outp)
    workers = max(1, workers or os.cpu_count() or 1)
    t0 = time.perf_counter()
    total = sum(c.rows for c in chunks)
    done = 0
    if progress is not None:
        progress(0, total)

    def on_result(r: ChunkResult) -> None:
        nonlocal done
        if r.unreadable is not None and not skip_bad:
            raise BadPartsError([BadPart(Path(r.chunk.path), r.unreadable)])
        summary.add(r)
        if progress is not None:
            done += r.pages
            current = {"skipped": summary.skipped_pages} if only_stale else {}
            progress(done, total, articles=summary.articles, not_articles=summary.not_articles,
                     errors=summary.errors, **current)

    if dask:
        _run_dask(chunks, str(outp), dask, page_seconds, only_stale, on_result, str(stage))
    else:
        _run_local(chunks, str(outp), workers, page_seconds, only_stale, on_result, str(stage))
    if not only_stale and sites is None:
        # A full run: this input's output only; files that are not parts are kept.
        _carry_over(outp, stage, lambda f: f not in before)
    else:
        _carry_over(outp, stage, lambda f: f not in expected)
    # What an earlier run made of a raw part that is now unreadable stays (where this run wrote
    # nothing in its place): skipping a damaged part must not also drop its cleaned rows.
    from_bad = {
        (Path(b.path).parent.name, f"{PART_PREFIX}{Path(b.path).stem.removeprefix(PART_PREFIX)}-g")
        for b in summary.bad_parts
    }
    if from_bad:
        _carry_over(outp, stage, lambda f: any(
            f.parent.name == d and f.name.startswith(prefix) for d, prefix in from_bad
        ))
    summary.removed_parts += sum(1 for f in before if not (stage / f.relative_to(outp)).exists())
    summary.seconds = time.perf_counter() - t0
