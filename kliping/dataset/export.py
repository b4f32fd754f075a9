"""``kliping export`` and ``kliping stats``: the research dataset, its card and its coverage plot.

An export is a flat directory that every common loader reads in one line::

    <out>/README.md            dataset card (YAML header that Hugging Face ``datasets`` reads)
    <out>/coverage.png         articles per day per site
    <out>/data/articles.parquet   (articles.<suffix> of the --format chosen)

The data is one file with ``site`` as an ordinary column (not a hive directory), so pandas,
polars, DuckDB and ``datasets`` all see the same columns without partition options.

Work in two passes over the articles dataset, so memory holds the few key columns of the
selected rows (for deduplication), never the texts: pass 1 reads ids, dates and fingerprints and
decides which rows stay; pass 2 streams full rows batch by batch into the output.

The formats (parquet, jsonl, warc: what each writes and how) are one table,
:data:`kliping.dataset.formats.FORMATS`; this module holds what the article formats share.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from kliping import jsonl
from kliping.dataset import dedup as dd
from kliping.dataset.formats import DEFAULT as DEFAULT_FORMAT
from kliping.dataset.formats import FORMATS, ROW_GROUP, ArticleFormat, ExportOptions, get_format
from kliping.dataset.schema import ARTICLES
from kliping.dataset.storage import BadPart, BadPartsError, dataset_sites, with_good_parts

DATA_DIR = "data"
DUP_FIELDS = [
    pa.field("dup_cluster", pa.string(), metadata={"doc": "id of the kept (earliest) member of its cluster"}),
    pa.field("dup_count", pa.int32(), metadata={"doc": "members of the cluster in the selection"}),
]
T = TypeVar("T")
_KEY_COLUMNS = ["id", "fetch_id", "site", "published_date", "published_at", "fetched_at",
                "text_hash", "simhash"]


class DatasetError(ValueError):
    """DATASET is not an articles dataset, or holds bad parts (message names the path)."""


def articles_root(path: str | os.PathLike[str]) -> Path:
    """``<out>/articles`` from either itself or the crawl / reclean output root ``<out>``."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise DatasetError(f"not a directory: {p}")
    if not p.is_dir():
        raise DatasetError(f"no such directory: {p}")
    if (p / "articles").is_dir():
        return p / "articles"
    if p.name in ("raw", "errors", "runs") and (p.parent / "articles").is_dir():
        # not "bad part …: wrong schema: missing required column(s) id" for each of its parts
        raise DatasetError(f"{p} is the {p.name}/ dataset of {p.parent}, not articles: give "
                           f"{p.parent} or {p.parent / 'articles'}")
    return p


def read_articles(
    path: str | os.PathLike[str], read: Callable[[ds.Dataset], T], skip_bad: bool = False,
    sites: list[str] | None = None,
) -> tuple[T, list[BadPart]]:
    """``read`` over the readable parts of the articles dataset at ``path``.

    Raises :class:`DatasetError` (naming the file) for a bad part unless ``skip_bad``, when no
    part is there (or none is left), and for a site in ``sites`` that neither the registry nor the
    dataset knows (a typo gives an error, not an empty export).
    """
    root = articles_root(path)
    if sites:
        from kliping.sites.registry import all_sites

        known = set(all_sites()) | dataset_sites(root)
        unknown = [s for s in sites if s not in known]
        if unknown:
            raise UnknownSiteError(
                f"--site: unknown site {unknown[0]!r}: not in the registry (`kliping sites`) nor in {root}"
            )

    def guarded(d: ds.Dataset | None) -> T:
        if d is None:
            raise DatasetError(f"no readable article parts (*.parquet) under {root}")
        return read(d)

    try:
        return with_good_parts(root, "articles", guarded, skip_bad=skip_bad, sites=sites)
    except BadPartsError as exc:
        raise DatasetError(str(exc)) from None


class UnknownSiteError(DatasetError):
    """A --site value that neither the registry nor the dataset knows."""


@dataclass
class Filters:
    since: date | None = None
    until: date | None = None
    sites: list[str] | None = None
    languages: list[str] | None = None
    min_words: int | None = None

    def expression(self) -> ds.Expression | None:
        parts = []
        if self.since:
            parts.append(ds.field("published_date") >= pa.scalar(self.since, pa.date32()))
        if self.until:
            parts.append(ds.field("published_date") <= pa.scalar(self.until, pa.date32()))
        if self.sites:
            parts.append(ds.field("site").isin(self.sites))
        if self.languages:
            parts.append(ds.field("language").isin(self.languages))
        if self.min_words:
            parts.append(ds.field("word_count") >= self.min_words)
        if not parts:
            return None
        expr = parts[0]
        for p in parts[1:]:
            expr = expr & p
        return expr

    def describe(self) -> list[str]:
        out = []
        if self.since or self.until:
            out.append(f"published_date from {self.since or 'the start'} to {self.until or 'the end'}")
        if self.sites:
            out.append("site in " + ", ".join(self.sites))
        if self.languages:
            out.append("language in " + ", ".join(self.languages))
        if self.min_words:
            out.append(f"word_count >= {self.min_words}")
        return out or ["none"]


# --------------------------------------------------------------------------------------------
# Counts shared by the dataset card and `kliping stats`


@dataclass
class Stats:
    rows: int = 0
    by_site: Counter[str] = field(default_factory=Counter)
    by_site_month: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_site_day: Counter[tuple[str, date]] = field(default_factory=Counter)
    filled: Counter[str] = field(default_factory=Counter)
    versions: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    undated: int = 0
    skipped: list[BadPart] = field(default_factory=list)  # bad parts left out (--skip-bad)

    def update(self, batch: pa.RecordBatch | pa.Table) -> None:
        n = batch.num_rows
        if not n:
            return
        self.rows += n
        cols = batch.schema.names
        sites = batch.column("site").to_pylist()
        days = batch.column("published_date").to_pylist()
        self.by_site.update(sites)
        for s, d in zip(sites, days, strict=True):
            if d is None:
                self.undated += 1
                self.by_site_month[(s, "undated")] += 1
                continue
            self.by_site_month[(s, f"{d.year:04d}-{d.month:02d}")] += 1
            self.by_site_day[(s, d)] += 1
            self.first = d if self.first is None or d < self.first else self.first
            self.last = d if self.last is None or d > self.last else self.last
        for name in cols:
            if name in ("dup_cluster", "dup_count"):
                continue
            col = batch.column(name)
            valid = col.is_valid()
            if pa.types.is_string(col.type):
                valid = pc.and_(valid, pc.greater(pc.utf8_length(col.fill_null("")), 0))
            elif pa.types.is_list(col.type):
                valid = pc.and_(valid, pc.greater(pc.list_value_length(col).fill_null(0), 0))
            self.filled[name] += int(pc.sum(valid.cast(pa.int64())).as_py() or 0)
        if "cleaner_version" in cols:
            self.versions.update(v or "unknown" for v in batch.column("cleaner_version").to_pylist())
        if "language" in cols:
            self.languages.update(v or "unknown" for v in batch.column("language").to_pylist())

    def coverage(self) -> list[tuple[str, int, float]]:
        names = [n for n in ARTICLES.names]
        return [(n, self.filled[n], self.filled[n] / self.rows if self.rows else 0.0) for n in names]

    def months(self) -> list[str]:
        return sorted({m for _, m in self.by_site_month})


def dataset_stats(
    path: str | os.PathLike[str], filters: Filters | None = None, skip_bad: bool = False
) -> Stats:
    expr = filters.expression() if filters else None

    def read(d: ds.Dataset) -> Stats:
        st = Stats()  # afresh on every attempt: a part found bad mid-way is not half counted
        for batch in d.to_batches(columns=ARTICLES.names, filter=expr, batch_size=8192):
            st.update(batch)
        return st

    st, skipped = read_articles(path, read, skip_bad, filters.sites if filters else None)
    st.skipped = skipped
    return st


# --------------------------------------------------------------------------------------------
# Export


@dataclass
class ExportResult:
    out: Path
    data: Path
    selected: int
    written: int
    removed: int
    clusters: int
    stats: Stats
    dedup: str
    threshold: int
    plot: Path | None = None  # coverage.png; None when matplotlib (kliping[plot]) is not installed


def _rank(keys: pa.Table) -> np.ndarray:
    """Rank of each row by earliest publication (nulls last), then fetch time, site and id."""
    idx = pc.sort_indices(
        keys,
        sort_keys=[("published_date", "ascending"), ("published_at", "ascending"),
                   ("fetched_at", "ascending"), ("site", "ascending"), ("id", "ascending")],
    ).to_numpy()  # nulls sort last by default
    rank = np.empty(len(idx), dtype=np.int64)
    rank[idx] = np.arange(len(idx))
    return rank


def _decide(keys: pa.Table, mode: str, threshold: int) -> dict[tuple[str, str | None], tuple[str, int]]:
    """(id, fetch_id) of each kept row -> (dup_cluster, dup_count)."""
    n = keys.num_rows
    ids = keys.column("id").to_pylist()
    fetch = keys.column("fetch_id").to_pylist()
    if mode == "none" or n == 0:
        labels = np.arange(n)
    elif mode == "exact":
        labels = dd.exact_labels(keys.column("text_hash").to_pylist())
    else:
        sim = keys.column("simhash").fill_null(0).to_numpy().astype(np.uint64)
        labels = dd.near_labels(sim, keys.column("text_hash").to_pylist(), threshold)
        nosim = np.flatnonzero(~keys.column("simhash").is_valid().to_numpy(zero_copy_only=False))
        # rows without a fingerprint are clustered by text_hash only
        if len(nosim):
            exact = dd.exact_labels(keys.column("text_hash").to_pylist())
            labels[nosim] = exact[nosim] + n  # keep them apart from the simhash clusters
    keep, rep, size = dd.clusters(np.asarray(labels), _rank(keys))
    out: dict[tuple[str, str | None], tuple[str, int]] = {}
    for i in np.flatnonzero(keep).tolist():
        out.setdefault((ids[i], fetch[i]), (ids[rep[i]], int(size[i])))
    return out


def _json_default(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.astimezone(UTC).isoformat() if v.tzinfo else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    raise TypeError(type(v).__name__)


def jsonl_lines(table: pa.Table) -> Iterator[str]:
    """``table``'s rows as JSON Lines (dates and instants as ISO 8601 text, simhash as hex)."""
    for row in table.to_pylist():
        if row.get("simhash") is not None:
            # 64-bit unsigned does not survive JSON readers that parse numbers as int64/double.
            row["simhash"] = format(row["simhash"], "016x")
        yield jsonl.dumps(row, default=_json_default) + "\n"  # (U+2028 escaped: one line)


def export(
    dataset: str | os.PathLike[str],
    out: str | os.PathLike[str],
    filters: Filters | None = None,
    dedup: str = "none",
    threshold: int = dd.DEFAULT_THRESHOLD,
    fmt: str = DEFAULT_FORMAT,
    batch_size: int = 4096,
    skip_bad: bool = False,
    progress: Callable[..., None] | None = None,
) -> Any:
    """Filter and deduplicate the articles at ``dataset`` into ``out`` in format ``fmt`` (a name
    in :data:`~kliping.dataset.formats.FORMATS`).

    For an article format (parquet, jsonl): an :class:`ExportResult` (data file, card, plot); the
    data file is written under a hidden temp name and renamed into place only once complete, so
    a failed export leaves the previous one (if any) as it was. For ``warc``: a
    :class:`kliping.warc.writer.WarcExport`. ``progress(done, total, **counters)`` is called as
    rows are written (e.g. a :class:`kliping.crawler.progress.JobProgress`).
    """
    if dedup not in dd.MODES:
        raise ValueError(f"dedup must be one of {dd.MODES}")
    options = ExportOptions(filters=filters or Filters(), dedup=dedup, threshold=threshold,
                            skip_bad=skip_bad, batch_size=batch_size, progress=progress)
    form = get_format(fmt)
    with export_lock(out):
        return form.run(fmt, dataset, out, options)


@contextmanager
def export_lock(out: str | os.PathLike[str]) -> Iterator[None]:
    """One export at a time into ``out``: ``flock`` on the directory itself (created), held for
    the whole export; :class:`~kliping.crawler.runlock.OutputLocked` when another process holds it.

    Two exports into one ``--out`` wrote the same temp file at once and renamed it in turn: the
    data file left was a mix of both ("Deserializing page header failed"), and the card of one
    described the data of the other, while both said "exported". The directory is locked, not a
    file in it, so an export leaves no lock file behind (a killed one's lock goes with it)."""
    import fcntl

    from kliping.crawler.runlock import OutputLocked

    path = Path(out)
    created = not path.is_dir()
    path.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLocked(f"{path} is in use by another kliping export; wait for it to "
                               "finish or export into another directory") from None
        try:
            yield
        except BaseException:
            if created:  # an export refused (unknown site, bad dataset) leaves no directory
                try:
                    path.rmdir()
                except OSError:  # it holds what the export wrote before it failed
                    pass
            raise
    finally:
        os.close(fd)  # (the lock goes with the descriptor)


def _remove_stale_temp_files(data_dir: Path) -> None:
    """Delete the temp files of exports killed in ``data_dir`` (the caller holds its lock); the
    ``.tmp-articles.*`` ones are the name revision 42 and earlier used."""
    if not data_dir.is_dir():
        return
    for old in [*data_dir.glob(".articles.*.tmp"), *data_dir.glob(".tmp-articles.*")]:
        if old.is_file():
            old.unlink()


def export_articles(
    form: ArticleFormat, name: str, dataset: str | os.PathLike[str], out: str | os.PathLike[str],
    options: ExportOptions,
) -> ExportResult:
    """The export of an article format: pass 1 decides which rows stay, pass 2 streams them, in
    tables of at least :data:`ROW_GROUP` rows (the last one smaller), to ``form.write``."""
    filters = options.filters or Filters()
    dedup, threshold, progress = options.dedup, options.threshold, options.progress
    expr = filters.expression()
    outp = Path(out)
    data_dir = outp / DATA_DIR
    with_dups = dedup != "none"
    schema = pa.schema(list(ARTICLES) + (DUP_FIELDS if with_dups else []))
    options.schema = schema
    final = data_dir / f"articles.{form.suffix}"
    # Hidden and ending in .tmp (as the dataset's parts' temp files do), so that a reader that
    # globs "*.parquet" never meets the half-written file an export killed midway leaves; the
    # next export into the directory (holding its lock) removes such leftovers first.
    tmp = data_dir / f".articles.{form.suffix}.{uuid.uuid4().hex[:8]}.tmp"
    _remove_stale_temp_files(data_dir)

    def write(d: ds.Dataset) -> tuple[int, int, int, Stats]:
        """(selected, clusters with duplicates, written, stats): pass 1 decides, pass 2 writes."""
        keys = d.to_table(columns=_KEY_COLUMNS, filter=expr)
        kept = _decide(keys, dedup, threshold)
        n_clusters_with_dups = sum(1 for _, c in kept.values() if c > 1)
        data_dir.mkdir(parents=True, exist_ok=True)
        stats = Stats()
        written = 0
        seen: set[tuple[str, str | None]] = set()
        if progress is not None:
            progress(0, keys.num_rows, written=0)

        def selected(batch: pa.RecordBatch) -> pa.Table | None:
            ids = batch.column("id").to_pylist()
            fetch = batch.column("fetch_id").to_pylist()
            take, cl, cnt = [], [], []
            for i, k in enumerate(zip(ids, fetch, strict=True)):
                if k in kept and k not in seen:
                    seen.add(k)
                    take.append(i)
                    cl.append(kept[k][0])
                    cnt.append(kept[k][1])
            if not take:
                return None
            t = pa.Table.from_batches([batch]).take(pa.array(take, pa.int64()))
            if with_dups:
                t = t.append_column(DUP_FIELDS[0], pa.array(cl, pa.string()))
                t = t.append_column(DUP_FIELDS[1], pa.array(cnt, pa.int32()))
            return t.select(schema.names).cast(schema)

        def tables() -> Iterator[pa.Table]:
            nonlocal written
            pending: list[pa.Table] = []
            pending_rows = 0
            scanned = 0
            for batch in d.to_batches(columns=ARTICLES.names, filter=expr, batch_size=options.batch_size):
                scanned += batch.num_rows
                t = selected(batch)
                if t is not None:
                    stats.update(t)
                    written += t.num_rows
                    pending.append(t)
                    pending_rows += t.num_rows
                if progress is not None:
                    progress(scanned, keys.num_rows, written=written)
                if pending_rows >= ROW_GROUP:
                    yield pa.concat_tables(pending)
                    pending, pending_rows = [], 0
            if pending:
                yield pa.concat_tables(pending)

        form.write(tables(), tmp, options)
        return keys.num_rows, n_clusters_with_dups, written, stats

    try:
        (n_selected, clusters, written, stats), skipped = read_articles(
            dataset, write, options.skip_bad, filters.sites
        )
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
    for old in [*data_dir.glob("articles.*"), *data_dir.glob("kliping-*.warc.gz")]:
        if old != final:  # the other format's files from an earlier export (a WARC one too)
            old.unlink()
    stats.skipped = skipped
    result = ExportResult(
        out=outp, data=final, selected=n_selected, written=written,
        removed=n_selected - written, clusters=clusters, stats=stats, dedup=dedup,
        threshold=threshold,
    )
    if plot_coverage(stats, outp / "coverage.png"):
        result.plot = outp / "coverage.png"
    (outp / "README.md").write_text(card(result, dataset, filters, name), encoding="utf-8")
    return result


# --------------------------------------------------------------------------------------------
# Dataset card and coverage plot


def _site_terms(sites: Iterable[str]) -> list[str]:
    from kliping.sites.registry import UnknownSite, get_site

    lines = []
    for key in sorted(sites):
        try:
            s = get_site(key)
            note = " (fictional offline sample site)" if s.sample else ""
            lines.append(f"- `{key}`: {s.name}, https://{s.domain}/{note}")
        except UnknownSite:
            lines.append(f"- `{key}`: not in the registry")
    return lines


def _md_table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out


def counts_table(stats: Stats) -> tuple[list[str], list[list[Any]]]:
    """Articles per site (rows) and month (columns), with totals: for the card and the terminal."""
    months = stats.months()
    header = ["site", *months, "total"]
    rows: list[list[Any]] = []
    for site in sorted(stats.by_site):
        rows.append([site, *[stats.by_site_month.get((site, m), 0) for m in months], stats.by_site[site]])
    rows.append(["**total**", *[sum(stats.by_site_month.get((s, m), 0) for s in stats.by_site)
                                for m in months], stats.rows])
    return header, rows


def card(result: ExportResult, dataset: Any, filters: Filters, fmt: str) -> str:
    from kliping import __version__

    st = result.stats
    data_rel = f"{DATA_DIR}/{result.data.name}"
    form = FORMATS[fmt]
    loader = getattr(form, "hf_loader", fmt)
    dedup_text = {
        "none": "none: every selected article is kept.",
        "exact": "exact: articles with the same `text_hash` (normalized text) form a cluster.",
        "near": f"near: articles whose 64-bit `simhash` differ in at most {result.threshold} bits "
        f"(banded LSH, {result.threshold + 1} bands), or share `text_hash`, form a cluster.",
    }[result.dedup]
    lines = [
        "---",
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: train",
        f"    path: {data_rel}",
        "language:",
        *[f"- {lang}" for lang in sorted(st.languages) if lang != "unknown"],
        "task_categories:",
        "- text-classification",
        "pretty_name: kliping news articles",
        "---",
        "",
        "# kliping export: Indonesian news articles",
        "",
        f"News articles crawled from {len(st.by_site)} site(s) and cleaned by kliping {__version__}: "
        "one row per article, with the body text, title, people, dates, dateline, tags, language "
        "and duplicate fingerprints (field meanings: kliping `docs/schema.md`).",
        "",
        "## Where from",
        "",
        f"- source dataset: `{os.path.realpath(dataset)}`",
        f"- exported: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- file: `{data_rel}` ({fmt}); `site` is an ordinary column",
        f"- filters: {'; '.join(filters.describe())}",
        f"- time range (published_date): {st.first or 'n/a'} to {st.last or 'n/a'}"
        + (f"; {st.undated} without a date" if st.undated else ""),
        *(
            [f"- left out: {len(st.skipped)} unreadable or wrong-schema part(s) (--skip-bad): "
             + ", ".join(f"`{b.path.name}` ({b.reason})" for b in st.skipped)]
            if st.skipped else []
        ),
        "",
        "## Counts",
        "",
        f"{result.written} articles ({result.selected} selected before deduplication).",
        "",
        *_md_table(*counts_table(st)),
        "",
        "## Deduplication",
        "",
        f"- mode: {dedup_text}",
        f"- removed {result.removed} duplicate(s); {result.clusters} kept article(s) stand for a "
        "cluster of several.",
    ]
    if result.dedup != "none":
        lines += [
            "- each cluster keeps its earliest published member (then earliest fetched); "
            "`dup_cluster` is that member's `id`, `dup_count` the cluster size within the selection.",
        ]
    lines += [
        "",
        "## Field coverage",
        "",
        *_md_table(
            ["field", "filled", "share"],
            [[f"`{n}`", c, f"{p:.0%}"] for n, c, p in st.coverage()],
        ),
        "",
        "## Cleaner version",
        "",
        *[f"- `{v}`: {c} articles" for v, c in sorted(st.versions.items())],
        "",
        "## Load it",
        "",
        "```python",
    ]
    usage = (*getattr(form, "loaders", ()), *getattr(form, "notes", ()))
    lines += [line.format(data=data_rel) for line in usage]
    lines += [
        f'datasets.load_dataset("{loader}", data_files="{data_rel}")  # Hugging Face',
        'datasets.load_dataset(".")  # also works here: the YAML header above names the file',
        "```",
        "",
        "## Terms of use",
        "",
        "The texts belong to their publishers. Check and respect each site's terms of use and "
        "robots.txt before using or sharing this dataset; research use under your jurisdiction's "
        "text-and-data-mining rules does not make redistribution of full texts permitted. Sites:",
        "",
        *_site_terms(st.by_site),
        "",
        "![articles per day per site](coverage.png)" if result.plot else
        "(No coverage plot: matplotlib was not installed; `pip install 'kliping[plot]'` draws it.)",
        "",
    ]
    return "\n".join(lines)


# days the coverage plot shows: a page may be dated 0001-01-01 or 9999-12-31 (an article all the
# same); matplotlib's margins around such a day leave its calendar (a ValueError ended the export)
PLOT_DAYS = (date(1900, 1, 1), date(2999, 12, 31))


def plot_coverage(stats: Stats, path: Path) -> bool:
    """Draw the plot; False (nothing drawn, an old plot removed) without matplotlib (kliping[plot])."""
    from kliping.extras import available

    if not available("matplotlib"):
        path.unlink(missing_ok=True)  # a plot of an earlier export would not match this data
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4), dpi=100)
    try:
        per_site: dict[str, dict[date, int]] = defaultdict(dict)
        for (site, day), n in stats.by_site_day.items():
            per_site[site][day] = n
        every = sorted({d for _, d in stats.by_site_day})
        days = [d for d in every if PLOT_DAYS[0] <= d <= PLOT_DAYS[1]]
        for site in sorted(per_site):
            ys = [per_site[site].get(d, 0) for d in days]
            ax.plot(days, ys, marker="o" if len(days) < 40 else None, label=site, linewidth=1.2)
        if not days:
            ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        import matplotlib.dates as mdates
        from matplotlib.ticker import MaxNLocator

        left_out = sum(n for (_, d), n in stats.by_site_day.items() if not PLOT_DAYS[0] <= d <= PLOT_DAYS[1])
        ax.set_title("Articles per day per site (published_date)" + (
            f"; {left_out} dated before {PLOT_DAYS[0].year} or after {PLOT_DAYS[1].year} not shown"
            if left_out else ""))
        ax.set_ylabel("articles")
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        ax.grid(alpha=0.3)
        if per_site:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return True
