"""Book-length pages: the steps that look for a page's paragraphs in its extraction stay linear.

Each such step asks, for every paragraph, whether its opening is in the extracted text: one
substring search over the whole text each. On a page of thousands of paragraphs that is the
square of its size (a 3.6 MB page of 12,000 paragraphs took 21 s of its 30 s budget), so past a
size (``maintext._SCAN_FROM``, ``_SCAN_NEEDLES``) one pass over the text's word starts answers
them all. These tests force that pass on every page and check it answers as the substring
searches do; the time itself is measured by ``bench/bigpage.py``, not here.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from pathlib import Path

import pytest

from kliping.clean import clean, maintext

PAGES = Path(__file__).parent / "fixtures" / "pages"
SITES = Path(__file__).parent / "sites"
WORDS = ("warga desa menanam pohon di tepi sungai pada pagi hari bersama para siswa sekolah dasar "
         "setempat pemerintah daerah Jakarta Presiden \u201ckata\u201d 2024 (ANTARA) -").split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


@pytest.mark.parametrize("seed", range(30))
def test_found_in_answers_as_substring_search(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    text = _text(rng, rng.randint(0, 400))
    words = text.split()
    needles = []
    for _ in range(rng.randint(0, 40)):
        if words and rng.random() < 0.6:  # a run of the text's words (present), cut anywhere
            i = rng.randrange(len(words))
            needles.append(" ".join(words[i : i + rng.randint(1, 12)])[: rng.randint(1, 60)])
        else:  # made up: present or not, as it happens
            needles.append(_text(rng, rng.randint(1, 6)))
    needles += ["", text, text + " lagi"]
    expected = [n in text for n in needles]
    assert maintext.found_in(text, needles) == expected  # (small: the substring searches)
    monkeypatch.setattr(maintext, "_SCAN_FROM", -1)
    monkeypatch.setattr(maintext, "_SCAN_NEEDLES", 0)
    assert maintext.found_in(text, needles) == expected  # the one pass over the word starts
    hit = maintext.present(text, needles)
    assert [hit(i) for i in range(len(needles))] == expected


def _fixture_pages() -> list[tuple[str, bytes, str]]:
    pages = []
    for spec_path in sorted(PAGES.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        html = PAGES / f"{spec_path.stem}.html"
        body = html.read_bytes() if html.exists() else gzip.decompress(
            (PAGES / f"{spec_path.stem}.html.gz").read_bytes())
        pages.append((spec_path.stem, body, spec["url"]))
    for site in sorted(SITES.glob("*/fixtures.json")):
        spec = json.loads(site.read_text(encoding="utf-8"))
        for url, name in sorted(spec.get("pages", {}).items()):
            if name.endswith(".html") and not name.startswith("index"):
                pages.append((f"{site.parent.name}/{name}", (site.parent / name).read_bytes(), url))
    return pages


def _clean(body: bytes, url: str) -> dict | None:
    raw = {"body": body, "headers": {"content-type": "text/html"}, "url": url, "final_url": url,
           "site": "test", "fetched_at": dt.datetime(2025, 3, 10, tzinfo=dt.UTC), "run_id": "r1",
           "fetch_id": "f1", "discovered_via": "test"}
    try:
        return clean(raw)
    except Exception as exc:  # noqa: BLE001 - not an article: the same either way
        return {"error": type(exc).__name__}


def test_the_one_pass_gives_every_fixture_page_the_same_record(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _fixture_pages()
    assert len(pages) >= 40
    before = {name: _clean(body, url) for name, body, url in pages}
    monkeypatch.setattr(maintext, "_SCAN_FROM", -1)
    monkeypatch.setattr(maintext, "_SCAN_NEEDLES", 0)
    after = {name: _clean(body, url) for name, body, url in pages}
    assert after == before


def test_a_book_length_page_is_one_article() -> None:
    """4,000 paragraphs (1.2 MB) in one container: every paragraph in the body, once."""
    rng = random.Random(7)
    paras = [f"{_text(rng, 40)} nomor {i}." for i in range(4000)]
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (f"<html lang='id'><head><title>Laporan Lengkap Desa</title></head><body><nav><a href='/'>"
            f"Beranda</a></nav><article><h1>Laporan Lengkap Desa</h1><div class='isi'>{body}</div>"
            f"</article><footer>Hak cipta</footer></body></html>").encode()
    rec = _clean(html, "https://kabar.example/berita/2025/03/10/laporan-lengkap-desa")
    assert rec is not None and "error" not in rec
    lines = rec["text"].split("\n\n")
    assert len(lines) == len(paras)
    assert all(f"nomor {i}." in line for i, line in enumerate(lines))


def test_headed_paragraphs_count_as_the_xpath_did() -> None:
    """The sibling walk finds the card paragraphs the XPath it replaced found (on every fixture
    page, and at each threshold). It finds more since it was extended (a headline then one short
    line, a paragraph of one link as the headline: ``_headed_paragraphs``), so the XPath's count
    is a floor; ``test_headed_paragraphs_past_a_short_line`` checks the extension."""
    import lxml.html
    from lxml.etree import XPath

    from kliping.clean import body

    xpath = XPath("//p[preceding-sibling::*[1][not(self::p)][descendant-or-self::a[@href]"
                  "[string-length(.) > 15]]][string-length(.) > 60]")
    counted = 0
    for _name, html, _url in _fixture_pages():
        tree = lxml.html.document_fromstring(html)
        n = len(xpath(tree))
        counted += n
        for enough in (1, 2, 3, 5):
            if n >= enough:
                assert body._headed_paragraphs(tree, enough)
    assert counted > 0  # (the fixtures have cards after linked headlines)


def test_headed_paragraphs_past_a_short_line() -> None:
    """A card's excerpt after its linked headline and a date line, or after a paragraph that is
    one link, counts; an excerpt after a prose paragraph does not."""
    import lxml.html

    from kliping.clean import body

    excerpt = "<p>" + "Ringkasan berita yang panjang dan menjelaskan isi artikel tersebut. " * 2 + "</p>"
    link = "<a href='/berita/2024/03/13/judul-berita-panjang'>Judul berita yang cukup panjang</a>"
    cases = {
        f"<div><h3>{link}</h3><span>13/3/2024 10:15</span>{excerpt}</div>": True,
        f"<div><p>{link}</p>{excerpt}</div>": True,
        f"<div><p>Paragraf cerita biasa yang menyebut {link} di tengahnya.</p>{excerpt}</div>": False,
    }
    for html, want in cases.items():
        tree = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
        assert body._headed_paragraphs(tree, 1) is want, html


def test_the_headline_byline_is_found_below_the_first_of_thousands_of_h1s() -> None:
    """A dated byline right under the page's headline, then 5,000 more <h1> sections (an
    archive-style page): its time is read, in one pass over the first headlines only."""
    import lxml.html

    from kliping.clean import dating

    rest = "".join(f"<h1>Bagian {i}</h1><p>Isi bagian nomor {i} dari laporan ini.</p>" for i in range(5000))
    html = (f"<html><body><h1>Laporan Lengkap Desa</h1><div>Senin, 10 Maret 2025 07:45 WIB</div>"
            f"{rest}</body></html>")
    assert dating.near_headline(lxml.html.document_fromstring(html)) == ["Senin, 10 Maret 2025 07:45 WIB"]
