"""Body extraction and metadata, kliping vs plain trafilatura, in the same run.

    .venv/bin/python bench/extraction.py [--sweep] [--limit N]

Reads the third-party data in ``../shared/data`` (relative to the repo) and exits 0 with a note when
it is absent. Prints a Markdown table for BENCHMARKS.md:

- Zyte article-extraction-benchmark (181 pages): F1 / P / R of 4-token shingles, scored as Zyte's
  evaluate.py does (bench/_score.py; it reproduces the published trafilatura 2.0.0 F1 0.958 from
  ``output/trafilatura.json``, checked first).
- Fundus evaluation (80 English pages): the same shingle F1 against the paragraph gold joined by
  newlines, and Fundus's own metric, ROUGE-LSum (rouge-score's RougeScorer(["rougeLsum"]),
  paragraphs joined by newlines, mean over articles), when rouge-score is installed. Its check:
  Fundus's stored extractions scored this way next to their published means.
- Real Indonesian pages (``indonesian-html``, articles only) plus the seed page: boilerplate lines
  leaking into the body (counted with the independent detector below), title and date agreement
  with the pages' own expectations.
- Cost: mean ms per page, kliping ``clean()`` vs ``trafilatura.extract`` on the same bytes.

``--sweep`` also scores trafilatura setting variants (the measurement behind
``kliping.clean.TRAFILATURA_SETTINGS``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _score import score  # noqa: E402

# An independent leak detector: lines a reader would call boilerplate in an Indonesian news body.
LEAK = re.compile(
    r"^\s*(?:baca|lihat|simak|tonton|saksikan)\s+(?:juga|pula|video|selengkapnya)\b|\[gambas:"
    r"|^\s*(?:advertisement|scroll to continue)|whats ?app|google news|^\s*(?:halaman|hal\.)\s*"
    r"(?:selanjutnya|berikutnya|all|\d)|^\s*\|?\s*(?:penulis|editor|pewarta|reporter|sumber|redaktur)"
    r"\s*\|?\s*:|\((?:[a-z]{2,5}/)+[a-z]{2,5}\)\s*$|copyright|©|tinggalkan (?:balasan|komentar)"
    r"|alamat email anda|pilihan editor|^\s*(?:tags?|topik)\s*:|download aplikasi|unduh aplikasi"
    r"|berita terkait|artikel terkait|back to top|login untuk|gabung kompas",
    re.I,
)
FETCHED = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)


def _html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _raw(body: bytes, url: str, fetched: dt.datetime = FETCHED) -> dict:
    return {"body": body, "headers": {}, "url": url, "final_url": url, "site": "bench",
            "fetched_at": fetched, "run_id": "bench", "fetch_id": url}  # fmt: skip


def _kliping_text(body: bytes, url: str) -> str:
    from kliping.clean import NotAnArticle, clean

    try:
        return clean(_raw(body, url))["text"]
    except NotAnArticle:
        return ""


def _plain(body: bytes, url: str, **kw: object) -> str:
    import trafilatura

    return trafilatura.extract(body, url=url, **kw) or ""


def zyte(limit: int | None) -> tuple[dict, dict[str, bytes], dict[str, str], dict[str, str]]:
    d = DATA / "article-extraction-benchmark"
    truth = {k: v["articleBody"] for k, v in json.loads((d / "ground-truth.json").read_text()).items()}
    urls = {k: v.get("url", "") for k, v in json.loads((d / "ground-truth.json").read_text()).items()}
    keys = sorted(truth)[:limit]
    truth = {k: truth[k] for k in keys}
    pub = json.loads((d / "output" / "trafilatura.json").read_text())
    pub = pub.get("output", pub)
    check = score({k: v.get("articleBody", "") for k, v in pub.items()}, truth)
    pages = {k: _html(d / "html" / f"{k}.html.gz") for k in keys}
    return check, pages, truth, urls


def rouge_lsum(pred: dict[str, str], truth: dict[str, str]) -> dict[str, float] | None:
    """Fundus-evaluation's metric: ROUGE-LSum P/R/F1 per article, averaged, in %."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return None
    scorer = rouge_scorer.RougeScorer(["rougeLsum"])
    tot = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    for k, t in truth.items():
        s = scorer.score(t, pred.get(k, "") or "")["rougeLsum"]
        tot["precision"] += s.precision
        tot["recall"] += s.recall
        tot["f1"] += s.fmeasure
    return {k: 100 * v / max(1, len(truth)) for k, v in tot.items()}


def fundus_stored(name: str) -> dict[str, str]:
    """A peer's stored extractions in the Fundus evaluation, paragraphs joined by newlines."""
    d = DATA / "fundus-evaluation" / "dataset" / "extractions" / f"{name}.json"
    return {k: "\n".join(v.get("body") or []) for k, v in json.loads(d.read_text()).items()}


def fundus(limit: int | None) -> tuple[dict[str, bytes], dict[str, str], dict[str, str]]:
    d = DATA / "fundus-evaluation" / "dataset"
    gt = json.loads((d / "ground_truth.json").read_text())
    keys = sorted(gt)[:limit]
    truth = {k: "\n".join(gt[k]["body"]) if isinstance(gt[k]["body"], list) else gt[k]["body"]
             for k in keys}  # fmt: skip
    urls = {k: gt[k].get("url", "") for k in keys}
    pages = {k: _html(d / "html" / k) for k in keys}
    return pages, truth, urls


def indonesian() -> list[dict]:
    """Article pages with their URL and what their own sources expect (title, date)."""
    d = DATA / "indonesian-html"
    out = []
    an = d / "anpandu+indonesian-news-scraper"
    for item in json.loads((an / "expected.json").read_text()):
        if item.get("page_type") != "article":
            continue
        exp = item["expected"]
        day = None
        if exp.get("date"):
            day = dt.datetime.fromtimestamp(exp["date"] / 1000, tz=dt.timezone(dt.timedelta(hours=7))).date()
        out.append({"file": an / item["file"], "url": exp.get("url", ""), "title": exp.get("title"),
                    "date": day})  # fmt: skip
    ad = d / "adbar+htmldate"
    for name, exp in json.loads((ad / "expected.json").read_text()).items():
        out.append({"file": ad / "pages" / name, "url": exp["url"], "title": None,
                    "date": dt.date.fromisoformat(exp["expected_date"])})  # fmt: skip
    for info in sorted((d / "flairNLP+fundus").glob("commit_*/meta.info")):
        meta = json.loads(info.read_text())
        exp = json.loads((info.parent / "MediaIndonesia.json").read_text())
        latest = exp[sorted(exp)[-1]]
        for name, m in meta.items():
            pd = latest.get("publishing_date")
            out.append({"file": info.parent / name, "url": m["url"], "title": latest.get("title"),
                        "date": dt.date.fromisoformat(pd[:10]) if pd else None})  # fmt: skip
    zy = d / "scrapinghub+article-extraction-benchmark"
    gt = json.loads((zy / "ground-truth.json").read_text())
    for k, v in gt.items():
        out.append({"file": zy / "html" / f"{k}.html.gz", "url": v.get("url", ""), "title": None,
                    "date": None})  # fmt: skip
    return out


def seed_page() -> bytes | None:
    """The seed article as its WordPress page looked: its text in an entry-content div, with the
    'Baca juga' paragraphs, WhatsApp promo and comment form it carried."""
    files = sorted((DATA / "seed").glob("*.txt"))
    if not files:
        return None
    lines = [x.strip() for x in files[0].read_text(encoding="utf-8").splitlines() if x.strip()]
    title, body = lines[0], lines[1:]
    cut = next((i for i, x in enumerate(body) if x.startswith("Tinggalkan Balasan")), len(body))
    paras = "".join(f"<p>{x}</p>" for x in body[:cut])
    form = "".join(f"<p>{x}</p>" for x in body[cut + 1 :])
    return (
        f"<html><head><title>{title} - virprom.com</title></head><body><header><nav>Beranda Berita"
        f"</nav></header><article><h1 class='entry-title'>{title}</h1><div class='entry-content'>{paras}"
        f"</div></article><div id='respond'><h3 id='reply-title'>Tinggalkan Balasan</h3>{form}"
        "</div><footer>Back To Top</footer></body></html>"
    ).encode()


def leaks(text: str) -> int:
    return sum(1 for line in text.splitlines() if LEAK.search(line))


def _norm(s: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (s or "").casefold()).split())


def timed(fn, pages: list[tuple[bytes, str]]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for body, url in pages:
        fn(body, url)
    return (time.perf_counter() - start) / max(1, len(pages)) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sweep", action="store_true", help="also score trafilatura settings variants")
    ap.add_argument("--limit", type=int, help="pages per benchmark (quick runs)")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"bench/extraction.py: {DATA} not found; skipped")
        return 0
    import trafilatura

    from kliping.clean import TRAFILATURA_SETTINGS, clean

    rows: list[tuple[str, str, str, str]] = []
    check, zpages, ztruth, zurls = zyte(args.limit)
    print(f"scorer check: published trafilatura output scores F1 {check['f1']:.3f} "
          f"(P {check['precision']:.3f}, R {check['recall']:.3f}); published 0.958 / 0.938 / 0.978",
          file=sys.stderr)  # fmt: skip
    zk = {k: _kliping_text(b, zurls[k]) for k, b in zpages.items()}
    zt = {k: _plain(b, zurls[k]) for k, b in zpages.items()}
    sk, st = score(zk, ztruth), score(zt, ztruth)
    fmt = "F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"
    rows.append((f"Zyte article-extraction-benchmark ({len(zpages)} pages), shingle F1",
                 fmt.format(**sk), fmt.format(**st), "0.958 (trafilatura 2.0.0), best 0.970"))  # fmt: skip
    if args.sweep:
        variants = {
            "defaults": {},
            "include_comments=False": {"include_comments": False},
            "favor_precision": {"favor_precision": True, "include_comments": False},
            "favor_recall": {"favor_recall": True, "include_comments": False},
            "fast": {"fast": True, "include_comments": False},
            "fast+favor_precision": {"fast": True, "favor_precision": True, "include_comments": False},
            "include_tables=False": {"include_tables": False, "include_comments": False},
        }
        for name, kw in variants.items():
            t0 = time.perf_counter()
            s = score({k: _plain(b, zurls[k], **kw) for k, b in zpages.items()}, ztruth)
            ms = (time.perf_counter() - t0) / len(zpages) * 1000
            print(f"sweep trafilatura {name}: {fmt.format(**s)}; {ms:.1f} ms/page", file=sys.stderr)
            saved = dict(TRAFILATURA_SETTINGS)
            TRAFILATURA_SETTINGS.clear()
            TRAFILATURA_SETTINGS.update({"include_comments": False, **kw})
            t0 = time.perf_counter()
            s = score({k: _kliping_text(b, zurls[k]) for k, b in zpages.items()}, ztruth)
            ms = (time.perf_counter() - t0) / len(zpages) * 1000
            print(f"sweep kliping {name}: {fmt.format(**s)}; {ms:.1f} ms/page", file=sys.stderr)
            TRAFILATURA_SETTINGS.clear()
            TRAFILATURA_SETTINGS.update(saved)

    fpages, ftruth, furls = fundus(args.limit)
    fk = {k: _kliping_text(b, furls[k]) for k, b in fpages.items()}
    ft = {k: _plain(b, furls[k]) for k, b in fpages.items()}
    rows.append((f"Fundus evaluation ({len(fpages)} pages), shingle F1 (not ROUGE-LSum)",
                 fmt.format(**score(fk, ftruth)), fmt.format(**score(ft, ftruth)),
                 "ROUGE-LSum F1: Fundus 97.69, trafilatura 93.62"))  # fmt: skip
    rk, rt = rouge_lsum(fk, ftruth), rouge_lsum(ft, ftruth)
    if rk is not None and rt is not None:
        rfmt = "F1 {f1:.2f} (P {precision:.2f}, R {recall:.2f})"
        stored = {n: rouge_lsum(fundus_stored(n), ftruth) for n in ("fundus", "trafilatura")}
        print("ROUGE-LSum check, Fundus's stored extractions scored here: "
              + "; ".join(f"{n} F1 {v['f1']:.2f}" for n, v in stored.items() if v)
              + " (published: fundus 97.69, trafilatura 1.12 93.62)", file=sys.stderr)
        rows.append((f"Fundus evaluation ({len(fpages)} pages), ROUGE-LSum %",
                     rfmt.format(**rk), rfmt.format(**rt),
                     f"Fundus {stored['fundus']['f1']:.2f} scored here (97.69 published)"))  # fmt: skip

    ids = indonesian()
    seed = seed_page()
    k_leak = t_leak = 0
    k_title = t_title = n_title = k_date = t_date = n_date = 0
    id_pages: list[tuple[bytes, str]] = []
    for item in ids:
        body = _html(item["file"])
        id_pages.append((body, item["url"]))
        try:
            rec = clean(_raw(body, item["url"], FETCHED))
        except Exception:
            rec = {"text": "", "title": None, "published_date": None}
        doc = trafilatura.bare_extraction(body, url=item["url"], with_metadata=True)
        ttext = (doc.text if doc else "") or ""
        k_leak += leaks(rec["text"])
        t_leak += leaks(ttext)
        if item["title"]:
            n_title += 1
            k_title += _norm(rec["title"]) == _norm(item["title"])
            t_title += _norm(doc.title if doc else "") == _norm(item["title"])
        if item["date"]:
            n_date += 1
            k_date += rec["published_date"] == item["date"]
            t_date += (doc.date if doc else None) == item["date"].isoformat()
    seed_k = seed_t = "n/a"
    if seed is not None:
        seed_k = str(leaks(_kliping_text(seed, "https://virprom.com/wapres-azerbaijan/")))
        seed_t = str(leaks(_plain(seed, "https://virprom.com/wapres-azerbaijan/")))
    rows.append((f"Indonesian pages ({len(ids)} articles): boilerplate lines leaking into body",
                 str(k_leak), str(t_leak), "goal 0"))  # fmt: skip
    rows.append(("Seed page (virprom.com, WordPress): boilerplate lines leaking", seed_k, seed_t, "goal 0"))
    rows.append((f"Indonesian pages: title = page's own ({n_title} pages)", f"{k_title}/{n_title}",
                 f"{t_title}/{n_title}", "trafilatura: bare_extraction title"))  # fmt: skip
    rows.append((f"Indonesian pages: date = page's own ({n_date} pages)", f"{k_date}/{n_date}",
                 f"{t_date}/{n_date}", "trafilatura: htmldate via bare_extraction"))  # fmt: skip

    cost_pages = [(b, zurls[k]) for k, b in zpages.items()] + id_pages
    clean(_raw(cost_pages[0][0], cost_pages[0][1]))  # warm-up (langid model load)
    k_ms = timed(lambda b, u: _kliping_text(b, u), cost_pages)
    t_ms = timed(lambda b, u: _plain(b, u), cost_pages)
    rows.append((f"Cost, mean ms/page ({len(cost_pages)} pages)", f"{k_ms:.1f} ms",
                 f"{t_ms:.1f} ms", f"ratio {k_ms / t_ms:.2f}x (goal <= 1.3x)"))  # fmt: skip

    print(f"| benchmark | kliping {ROOT.name and ''}clean() | trafilatura {trafilatura.__version__} "
          f"extract() | reference |")  # fmt: skip
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\nkliping settings: {json.dumps(TRAFILATURA_SETTINGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
