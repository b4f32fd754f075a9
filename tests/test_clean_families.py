"""Where the cleaner's body fell short of the story's own text, one family per test (issue #14,
stretch goal: the gap to Fundus's per-publisher parsers). Pages are written for the tests.

- ``summary_box_before_the_story``: the story's key points printed as a short list in a box of
  their own directly above the body ("Key Points", "Poin Penting"), inside the same article.
  The container search narrows to the story and trafilatura, reading it, dropped the list as one
  outside the story's paragraphs; the box's points are the story's own text and are kept, before
  the story. Bounds: a list of linked headlines, a list with no summary's label or class, and a
  box whose points the story already says are not added.
- ``a_reader_poll_after_the_story_stays_out``: a reader poll (a form of radio buttons or check
  boxes) after the story; its inputs stripped, its heading and question were read as the story's
  last paragraph. Its box is dropped, whatever its class; the story's own paragraphs never are.
- ``an_address_paragraph_is_no_prose``: a government site's footer prints its office address as
  one ``<p>`` of short lines under ``<br>``s ("Dinas Komunikasi …<br>Jl. Alun-Alun Utara No. 16").
  Counted as a paragraph of prose, it kept the story's column from holding nine in ten of the
  page's prose, the whole page was read, and the sidebar's agenda line and visitor total came out
  after the story. Such a paragraph is no prose; a paragraph of long lines under ``<br>``s is.
"""

from __future__ import annotations

import pytest

from kliping.clean import clean
from kliping.clean.body import summary_box
from tests.test_redesign_families import FETCHED
from tests.test_redesign_families import PARAS as _STORY

PARAS = _STORY[:8]  # (the same village-bridge story's first eight paragraphs)
POINTS = [
    "Dua desa di lereng Merapi kini terhubung oleh jembatan gantung sepanjang 120 meter.",
    "Waktu tempuh warga ke pasar dan sekolah turun dari 14 kilometer memutar menjadi sepuluh menit.",
    "Provinsi berencana membangun tiga jembatan serupa di kabupaten lain tahun depan.",
]


def _page(box: str, paras: list[str] = PARAS) -> bytes:
    body = "".join(f"<p>{x}</p>" for x in paras)
    return (
        "<html><head><title>Jembatan gantung baru dibuka</title></head><body>"
        "<div class='top'><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></div>"
        "<div class='page'><div class='col'>"
        "<div class='headline'><h1>Jembatan gantung baru dibuka</h1></div>"
        f"{box}"
        "<div class='story'><div class='photo'><div class='ph'></div>"
        "<div class='cap'>Warga melintasi jembatan gantung baru di lereng Merapi, Selasa (11/3/2025)."
        "</div></div>"
        f"<div class='group'>{body}</div></div>"
        "</div><div class='side'><a href='/a'>Terpopuler</a></div></div>"
        "<div class='foot'>Hak cipta Warta Contoh</div></body></html>"
    ).encode()


def _box(label: str, items: list[str], cls: str = "box") -> str:
    lis = "".join(f"<li>{x}</li>" for x in items)
    return f"<div class='{cls}'><div class='{cls}-head'>{label}</div><div><ul>{lis}</ul></div></div>"


def _text(page: bytes) -> str:
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"}, "url": "",
           "final_url": "", "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)["text"]


@pytest.mark.parametrize(
    ("label", "cls"),
    [("Poin Penting", "box"), ("Key Points", "box"), ("", "article-keypoints"), ("Ringkasan", "ringkasan")],
)
def test_summary_box_before_the_story(label: str, cls: str) -> None:
    text = _text(_page(_box(label, POINTS, cls)))
    lines = [x.lstrip("- ").strip() for x in text.splitlines() if x.strip()]
    for p in POINTS:
        assert lines.count(p) == 1, (p, text)
    assert lines.index(POINTS[-1]) < lines.index(PARAS[0])  # the box comes before the story
    assert PARAS[-1] in lines
    assert "Poin Penting" not in lines and "Key Points" not in lines  # the label is not text


def test_linked_headlines_before_the_story_are_no_box() -> None:
    links = [f"<a href='/berita/{i}'>{p}</a>" for i, p in enumerate(POINTS)]
    text = _text(_page(_box("Highlights", links)))
    assert not any(p in text for p in POINTS), text


def test_unlabelled_list_before_the_story_is_no_box() -> None:
    text = _text(_page(_box("", POINTS, "x9")))
    assert sum(p in text for p in POINTS) in (0, len(POINTS)), text  # not added by the rule
    assert not any(text.count(p) > 1 for p in POINTS)


def test_box_the_story_repeats_is_not_added() -> None:
    # a story whose paragraphs say the points again: the box adds no text
    paras = [*PARAS[:2], *POINTS, *PARAS[2:]]
    text = _text(_page(_box("Key Points", POINTS), paras))
    assert all(text.count(p) == 1 for p in POINTS), text


def test_summary_box_needs_the_story_first() -> None:
    import lxml.html

    doc = lxml.html.fromstring(_page(_box("Key Points", POINTS)))
    story = doc.xpath("//div[@class='story']")[0]
    assert summary_box(story, "nothing of the story") == []
    flat = " ".join(" ".join(PARAS).split())
    assert summary_box(doc.xpath("//div[@class='col']")[0], flat) == POINTS


# --- rule "poll" ---------------------------------------------------------------------------------

QUESTION = "Menurut Anda, jalan rusak mana yang paling mendesak diperbaiki di kabupaten ini?"


def _poll(cls: str, kind: str = "radio") -> str:
    choices = "".join(f"<label><input type='{kind}' name='q'> {x}</label>"
                      for x in ("Jalan lintas utara", "Jalan lingkar kota", "Jalan desa"))  # fmt: skip
    return (f"<div class='{cls}'><h3>Jajak Pendapat</h3><p>{QUESTION}</p>"
            f"<form>{choices}<button>Pilih</button></form></div>")  # fmt: skip


@pytest.mark.parametrize("cls", ["polling-box", "x9f2a", ""])
@pytest.mark.parametrize("kind", ["radio", "checkbox"])
def test_a_reader_poll_after_the_story_stays_out(cls: str, kind: str) -> None:
    """A reader poll (rule "poll") after the story, whatever its class: its heading and question
    were read as the story's last paragraph once its form's inputs were stripped."""
    page = _page("", PARAS).replace(b"</div></div><div class='side'>",
                                    f"{_poll(cls, kind)}</div></div><div class='side'>".encode())
    text = _text(page)
    assert all(x in text for x in PARAS)
    assert "paling mendesak" not in text and "Jajak Pendapat" not in text


def test_a_short_story_around_a_poll_is_kept() -> None:
    """The story's own paragraphs beside a poll's form are never taken for its question."""
    story = PARAS[:2]
    box = (f"<div class='group'><p>{story[0]}</p><p>{story[1]}</p>{_poll('')}</div>")
    page = _page("", []).replace(b"<div class='group'></div>", box.encode())
    text = _text(page)
    assert all(x in text for x in story)


def _sidebar_page(address: str) -> bytes:
    story = "".join(f"<div>{x}</div><div><br></div>" for x in PARAS[:7])
    return (
        "<html><head><title>Jembatan gantung baru dibuka</title></head><body>"
        "<div class='wrap'><div class='row'><div class='c8'><div class='panel'>"
        "<h1>Jembatan gantung baru dibuka</h1>"
        f"<div class='isi'>{story}</div></div></div>"
        "<div class='c4'><div class='panel'><div class='ph'>Agenda Kegiatan</div><div class='pb'>"
        "<p>Musrenbang Kecamatan Tempeh – 25 November 2025</p></div></div>"
        "<div class='panel'><div class='ph'>Statistik Pengunjung</div><div class='pb'>"
        "<p>Hari ini: 1.284</p><p>Total: 3.482.117</p></div></div></div></div></div>"
        f"<div class='foot'><p>{address}</p><p>Copyright © 2025 Pemerintah Kabupaten Contoh</p></div>"
        "</body></html>"
    ).encode()


def test_an_address_paragraph_is_no_prose() -> None:
    text = _text(_sidebar_page("Dinas Komunikasi dan Informatika Kabupaten Contoh<br>"
                               "Jl. Alun-Alun Utara No. 16 Kabupaten Contoh, Jawa Timur"))
    assert all(x in text for x in PARAS[:7])
    assert "Musrenbang" not in text and "3.482.117" not in text


def test_a_paragraph_of_long_lines_under_brs_is_prose() -> None:
    # (the same page whose footer paragraph is two sentences under a <br>: prose, and the page is
    # read whole, as before; the story is all there either way)
    long = ("Pemerintah kabupaten membuka layanan pengaduan warga setiap hari kerja di kantor dinas.<br>"
            "Warga juga dapat menyampaikan pengaduan melalui aplikasi layanan publik milik kabupaten.")
    text = _text(_sidebar_page(long))
    assert all(x in text for x in PARAS[:7])
