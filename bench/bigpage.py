"""Book-length pages: clean() time against page size, with trafilatura.extract in the same run.

A page of N paragraphs (45 Indonesian words each, about 300 bytes of HTML a paragraph) in one
container, three shapes: ``<p>`` paragraphs, a live blog of entries (a heading, a time and two
paragraphs each), and text runs separated by ``<br><br>``. For N = 1,000, 4,000 and 12,000 (0.3 to
3.6 MB) it prints clean()'s seconds, its seconds per 1,000 paragraphs (flat when the work is linear
in the page's size) and trafilatura.extract's on the same page. The crawl's per-page budget is 30 s
(``KLIPING_PAGE_SECONDS``): past it a page is a ``timeout`` error row, not an article.

Run: .venv/bin/python bench/bigpage.py [--sizes 1000 4000 12000]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from kliping.clean import NotAnArticle, clean  # noqa: E402

WORDS = ("warga desa menanam pohon di tepi sungai pada pagi hari bersama para siswa sekolah dasar "
         "setempat pemerintah daerah kabupaten provinsi rapat anggaran jalan jembatan pasar harga "
         "beras petani nelayan musim hujan banjir kemarau listrik air bersih").split()


def page(shape: str, n: int, rng: random.Random) -> bytes:
    def para(words: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."

    if shape == "paragraphs":
        body = "<div class='isi'>" + "".join(f"<p>{para(45)} ({i})</p>" for i in range(n)) + "</div>"
    elif shape == "live blog":
        body = "<div class='blog'>" + "".join(
            f"<div class='entry'><h3>Kabar terbaru {i}</h3><time>{i % 24:02d}:{i % 60:02d}</time>"
            f"<p>{para(40)}</p><p>{para(30)}</p></div>" for i in range(n // 2)) + "</div>"
    else:
        body = "<div>" + "".join(f"{para(45)} ({i})<br><br>" for i in range(n)) + "</div>"
    return (f"<html lang='id'><head><title>Laporan Lengkap Desa</title></head><body><header><nav>"
            f"<a href='/'>Beranda</a><a href='/daerah'>Daerah</a></nav></header><article><h1>Laporan "
            f"Lengkap Desa</h1>{body}</article><footer>Hak cipta</footer></body></html>").encode()


def ours(raw: dict) -> None:
    try:
        clean(raw)
    except NotAnArticle:
        pass


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], allow_abbrev=False)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 12000])
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; CPU seconds")
    warm = page("paragraphs", 20, random.Random(0))  # first-use costs (the language model) out
    ours({"url": "https://kabar.example/berita/1", "body": warm, "headers": {}, "fetched_at": None})
    trafilatura.extract(warm.decode(), fast=True)
    print("| shape | paragraphs | MB | kliping clean() | per 1,000 paragraphs | trafilatura.extract "
          "| per 1,000 paragraphs |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for shape in ("paragraphs", "live blog", "br runs"):
        for n in args.sizes:
            body = page(shape, n, random.Random(n))
            raw = {"url": "https://kabar.example/berita/2025/03/10/laporan-lengkap-desa",
                   "body": body, "headers": {"content-type": "text/html"}, "fetched_at": None}

            k = timed(lambda: ours(raw))  # noqa: B023 - called at once
            t = timed(lambda: trafilatura.extract(body.decode(), fast=True))  # noqa: B023
            print(f"| {shape} | {n:,} | {len(body) / 1e6:.1f} | {k:.2f} s | {k * 1000 / n:.3f} s "
                  f"| {t:.2f} s | {t * 1000 / n:.3f} s |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
