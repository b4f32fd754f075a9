"""Redesign rewrites of the project's own fixture pages, kliping vs plain trafilatura, in the same run.

    .venv/bin/python bench/rewrites.py [--every K] [--limit N] [--variants A,B] [--jobs J] [--list]

Issue #14's item 6 asks that every fixture article, rewritten the way sites redesign (tests/redesign.py:
``<br><br>`` paragraphs, classes and ids renamed, extra wrappers, sections as divs, paragraphs as divs,
a layout table, attributes stripped, minified, the body cut around an ad, custom elements, landmarks
as divs, their combinations, and the page without its URL), gives the same body: shingle F1 >= 0.95
against the body of the same page unmodified. ``bench/extraction.py`` measures this on the shared
third-party pages; this command measures it on the project's own articles (``tests/sites/*/``,
with their site as in a crawl, and ``tests/fixtures/pages``, without a site as the tests run them),
which are about ten times as many.

For each variant it prints, per split (bench/_split.py: tuning, held-back), the pages under 0.90 and
under 0.95, the worst F1 and the mean, for kliping (``clean()``) and for ``trafilatura.extract``, each
against its own unmodified output. A page without a body (kliping: not an article; trafilatura:
None) counts for both tools: both empty scores 1.0, one empty 0.0, as in ``bench/extraction.py``.
The reference is the page only re-encoded as UTF-8 (the ``no_url`` rewrite, with its URL), so a
variant differs from it by its markup alone.

``--every K`` keeps the pages whose name hashes to 0 modulo K (a fixed sample, the same in every run
and independent of the split); a full run (K = 1, about 3,350 pages) takes about 10 minutes on two cores.
``--list`` prints the tuning pages under 0.90 by name; held-back pages are printed only as counts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _split import SPLITS, split_key  # noqa: E402

UTF8 = {"content-type": "text/html; charset=utf-8"}
LOW, GOAL = 0.90, 0.95


def sampled(key: str, every: int) -> bool:
    """Whether a page is in the fixed 1-in-``every`` sample (the digest's second byte: the split uses the
    first, so the sample keeps the split's proportions)."""
    return every <= 1 or hashlib.sha256(key.encode("utf-8")).digest()[1] % every == 0


def _pages(every: int, limit: int | None) -> list[dict]:
    from extraction import fixture_pages

    from kliping.sites.registry import all_sites

    keys = {id(site): key for key, site in all_sites().items()}
    out = []
    for case in fixture_pages():
        path = Path(case["file"])
        if not path.exists():
            path = path.with_suffix(".html.gz")
        if not path.exists() or not sampled(split_key(path), every):
            continue
        site = keys[id(case["site"])] if case["site"] else None
        out.append({"path": str(path), "url": case["url"], "site": site, "split": case["split"]})
    return out[:limit] if limit else out


def _one(job: tuple[dict, tuple[str, ...]]) -> tuple[str, str, dict[str, tuple[float, float]]]:
    """One page: {variant: (kliping F1, trafilatura F1)} against each tool's unmodified body."""
    from extraction import _html, _kliping_text, _plain

    from kliping.sites.registry import all_sites
    from tests.redesign import rewrite, shingle_f1

    page, variants = job
    site = all_sites().get(page["site"]) if page["site"] else None
    body = _html(Path(page["path"]))
    url = page["url"]

    def both(data: bytes, u: str, s: object) -> tuple[str, str]:
        try:
            k = _kliping_text(data, u, headers=UTF8, site=s)
        except Exception as exc:  # a crash is a lost body, and named
            k = f"crash {type(exc).__name__}"
        return k, _plain(data, u)

    ref_k, ref_t = both(rewrite(body, "no_url", UTF8), url, site)
    out: dict[str, tuple[float, float]] = {}
    for variant in variants:
        data = rewrite(body, variant, UTF8)
        k, t = both(data, "", None) if variant == "no_url" else both(data, url, site)
        out[variant] = (round(shingle_f1(k, ref_k), 4), round(shingle_f1(t, ref_t), 4))
    return split_key(page["path"]), page["split"], out


def tuning_lows(results: list[tuple[str, str, dict[str, tuple[float, float]]]],
                variants: tuple[str, ...]) -> list[tuple[float, str, str]]:  # fmt: skip
    """(F1, rewrite, page) of kliping's rewrites under 0.90 on tuning pages only: a held-back page is
    never named."""
    return sorted((r[v][0], v, name) for name, sp, r in results if sp == "tuning" for v in variants
                  if r[v][0] < LOW)  # fmt: skip


def _cell(f1s: list[float]) -> str:
    if not f1s:
        return "-"
    low = sum(f < LOW for f in f1s)
    below = sum(f < GOAL for f in f1s)
    return f"{low} / {below} / {min(f1s):.3f} / {sum(f1s) / len(f1s):.4f}"


def main(argv: list[str] | None = None) -> int:
    from tests.redesign import VARIANTS

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--every", type=int, default=1, help="a fixed 1-in-K sample of the pages (default: all)")
    ap.add_argument("--limit", type=int, help="at most N pages (quick runs)")
    ap.add_argument("--variants", help="comma-separated rewrites (default: every one of tests/redesign.py)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    ap.add_argument("--list", action="store_true", help="name the tuning pages under 0.90")
    args = ap.parse_args(argv)
    variants = tuple(args.variants.split(",")) if args.variants else VARIANTS
    for v in variants:  # fail before any work on a typo
        if v not in VARIANTS and "+" not in v:
            ap.error(f"--variants: unknown rewrite {v!r}; one of {', '.join(VARIANTS)}")

    pages = _pages(args.every, args.limit)
    start = time.perf_counter()
    jobs = [(p, variants) for p in pages]
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            results = list(pool.imap_unordered(_one, jobs, chunksize=2))
    else:
        results = [_one(j) for j in jobs]
    took = time.perf_counter() - start

    import trafilatura

    n = {s: sum(1 for _, sp, _ in results if sp == s) for s in SPLITS}
    print(f"Fixture articles rewritten: {len(results)} pages (tuning {n['tuning']}, held-back "
          f"{n['held_back']}; 1 in {args.every}), {len(variants)} rewrites each, {took:.0f} s; "
          f"trafilatura {trafilatura.__version__}")  # fmt: skip
    print(f"Cells: pages under {LOW:.2f} / under {GOAL:.2f} / worst / mean shingle F1 against the page's own "
          "unmodified body.\n")  # fmt: skip
    heads = [f"{tool} {s.replace('_', '-')}" for tool in ("kliping", "trafilatura") for s in SPLITS]
    print("| rewrite | " + " | ".join(heads) + " |")
    print("|---" * (len(heads) + 1) + "|")
    totals = {h: [] for h in heads}
    for v in variants:
        cells = []
        for i, tool in enumerate(("kliping", "trafilatura")):
            for s in SPLITS:
                f1s = [r[v][i] for _, sp, r in results if sp == s]
                totals[f"{tool} {s.replace('_', '-')}"].extend(f1s)
                cells.append(_cell(f1s))
        print(f"| {v} | " + " | ".join(cells) + " |")
    print("| **all rewrites** | " + " | ".join(_cell(totals[h]) for h in heads) + " |")
    if args.list:
        low = tuning_lows(results, variants)
        print(f"\nTuning pages under {LOW:.2f} (kliping): {len(low)}")
        for f1, v, name in low:
            print(f"  {f1:.3f}  {v:32s} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
