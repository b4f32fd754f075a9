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
  one ``<p>`` of short lines under ``<br>``s ("Dinas Komunikasi …<br>Jl. Alun-Alun Utara No. 16")
  in a footer known by its tag or class (a hint: without it the page is read as before).
  Counted as a paragraph of prose, it kept the story's column from holding nine in ten of the
  page's prose, the whole page was read, and the sidebar's agenda line and visitor total came out
  after the story. Such a paragraph is no prose; a paragraph of long lines under ``<br>``s is.
- ``a_photo_story_is_told_by_its_captions_too``: a page calling itself a photo story ("Foto: …")
  whose block of paragraphs has five or more captioned figures among them: the captions are its
  story, in page order, without their photo credits; never at the cost of a line the extraction
  kept (a list between the photos).
- ``a_slider_s_captions_are_a_gallery_s``: a photo gallery written as a slider (each slide an
  image and the block of prose after it, a counter besides), with one lead paragraph above it:
  the lead and the captions are the story (it had been the lead alone).
- ``a_byline_s_name_and_date_is_no_dateline``: "Redaksi – Jumat, 7 Jumadil Akhir 1447 H / 28
  November 2025 09:15 WIB" opening the body is the byline's name and date, not a dateline with
  the place "Redaksi"; the dateline is the next paragraph's ("Eramuslim.com – …").
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
    return _rec(page)["text"]


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
        f"<div class='footer-area'><p>{address}</p><p>Copyright © 2025 Pemerintah Kabupaten Contoh</p></div>"
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


CAPTIONS = [
    "Jalur pendakian dari Desa Denge menuju kampung melewati hutan hujan tropis yang diselimuti lumut.",
    "Pos terakhir menjadi titik istirahat sebelum pemandu membunyikan kentongan tanda tamu datang.",
    "Tujuh rumah kerucut berdiri melingkar mengelilingi altar batu tempat warga memanjatkan doa.",
    "Tetua adat memimpin upacara penyambutan untuk memohon izin kepada leluhur bagi para tamu.",
    "Perempuan kampung menjemur biji kopi arabika yang menjadi sumber penghasilan utama warga.",
    "Anak-anak bermain di depan rumah adat menjelang petang sebelum kabut tebal kembali turun.",
]


def _photo_page(title: str) -> bytes:
    figs = [f"<figure><img src='/f{i}.jpg' alt=''><figcaption>{c} (Foto: Warta/Dimas)</figcaption></figure>"
            for i, c in enumerate(CAPTIONS)]
    paras = [f"<p>{x}</p>" for x in PARAS[:4]]
    return (
        f"<html><head><title>{title}</title></head><body><div class='page'><article>"
        f"<h1>{title}</h1><div class='entry'>{paras[0]}{paras[1]}{''.join(figs[:3])}{paras[2]}"
        f"{''.join(figs[3:])}{paras[3]}</div></article></div></body></html>"
    ).encode()


def test_a_photo_story_is_told_by_its_captions_too() -> None:
    text = _text(_photo_page("Foto: Menyusuri Kampung Adat Saat Musim Kabut"))
    assert all(c in text for c in CAPTIONS) and all(x in text for x in PARAS[:4])
    assert "(Foto: Warta/Dimas)" not in text
    assert text.index(PARAS[1]) < text.index(CAPTIONS[0]) < text.index(PARAS[3])


def test_a_photo_story_never_loses_the_story_s_lines() -> None:
    """... a list between its photos (a list of winners, each item a line of its own) is the
    story's too: the captions read in page order would lose it, so the extraction stays."""
    items = [f"Pemenang kategori {k} tahun ini adalah kelompok tani dari Desa Sukamaju nomor {k}"
             for k in range(1, 7)]
    page = _photo_page("Foto: Menyusuri Kampung Adat Saat Musim Kabut").replace(
        b"</div></article>",
        ("<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul></div></article>").encode())
    text = _text(page)
    assert all(x in text for x in items) and all(x in text for x in PARAS[:4])


def test_a_slider_s_captions_are_a_gallery_s() -> None:
    slides = "".join(f"<div class='swiper-slide'><div class='n'>{i + 1} / 6</div><img src='/b{i}.jpg' alt=''>"
                     f"<div class='cap'><p>{c} FOTO: RIZAL/WARTA</p></div></div>"
                     for i, c in enumerate(CAPTIONS))
    page = (
        "<html><head><title>FOTO: Kampung Adat</title></head><body><main><div class='head'>"
        "<h1>FOTO: Kampung Adat Saat Musim Kabut</h1><div class='lead'><p>" + PARAS[0] + "</p></div></div>"
        f"<div class='swiper'><div class='swiper-wrapper'>{slides}</div></div>"
        "<div class='share'>Bagikan galeri ini</div></main></body></html>"
    ).encode()
    text = _text(page)
    assert PARAS[0] in text and all(c in text for c in CAPTIONS)


def test_a_slide_s_credit_between_its_photo_and_caption() -> None:
    """Rule "slides": a photo essay whose slides print the photo's credit between the picture and
    its caption ("<img><div class=slide-credit>ANTARA FOTO/Name/nym.</div><p class=slide-caption>
    …</p>") is told by its captions, not lost as "no article body found"."""
    slides = "".join(f"<div class='slide'><img src='/b{i}.jpg'><div class='slide-credit'>ANTARA FOTO/"
                     f"Rizal Warta/nym.</div><p class='slide-caption'>{c}</p></div>"
                     for i, c in enumerate(CAPTIONS))
    page = ("<html><head><title>Kampung Adat Saat Musim Kabut - Warta Foto</title></head><body>"
            "<h1>Kampung Adat Saat Musim Kabut</h1><p class='post-info'>Sabtu, 28 November 2026 16:47</p>"
            f"<div class='esai-foto'>{slides}</div><div class='box'>Pewarta foto: Rizal Warta</div>"
            "</body></html>").encode()  # fmt: skip
    text = _text(page)
    assert all(c in text for c in CAPTIONS) and "ANTARA FOTO/" not in text
    from kliping.clean import decode, maintext

    found = maintext._slide_captions(decode.parse(page.decode()))
    assert [" ".join(c.text_content().split()) for c in found] == list(CAPTIONS)


def test_a_byline_s_name_and_date_is_no_dateline() -> None:
    raw = {"body": (
        "<html><head><title>Sertifikasi halal</title></head><body><div class='wrap'>"
        "<h1>Sertifikasi halal</h1>"
        "<div class='waktu'>Redaksi – Jumat, 7 Jumadil Akhir 1447 H / 28 November 2025 09:15 WIB</div>"
        "<div class='isi'><b>Eramuslim.com</b> – " + "<br><br>".join(PARAS[:6]) + "</div></div></body></html>"
    ).encode(), "headers": {"content-type": "text/html; charset=utf-8"}, "url": "", "final_url": "",
        "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}
    got = clean(raw, None)
    assert got["dateline_place"] is None and got["dateline_source"] == "Eramuslim.com"
    assert got["text"].startswith(PARAS[0])


def test_a_web_component_s_photo_caption_is_a_caption() -> None:
    """``<tw-photo><img><tw-caption>KAPAL CEPAT - …</tw-caption></tw-photo>`` above the story is a
    photo and its caption (the photo's element read as a ``<figure>``): not the story's first
    line, nor its "KAPAL CEPAT -" a dateline."""
    caption = ("KAPAL CEPAT - Penumpang menaiki kapal di Pelabuhan Tulehu, Selasa (2/12/2025). "
               "(Warta.com/Jenderal Louis)")
    paras = "".join(f"<x-paragraph>{x}</x-paragraph>" for x in PARAS[1:6])
    page = (
        "<html><head><title>Kapal cepat kembali beroperasi</title></head><body><main><news-body>"
        "<h1>Kapal cepat kembali beroperasi</h1>"
        f"<tw-photo><img src='/k.jpg' alt=''><tw-caption>{caption}</tw-caption></tw-photo>"
        f"<x-paragraph><b>AMBON, WARTA.COM</b> - {PARAS[0]}</x-paragraph>{paras}"
        "</news-body></main></body></html>"
    ).encode()
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"}, "url": "", "final_url": "",
           "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}
    got = clean(raw, None)
    assert "Penumpang menaiki kapal" not in got["text"] and got["text"].startswith(PARAS[0])
    assert got["dateline_place"] == "Ambon"


# --- session 20: the byline row and the closing byline ---


def _record(head: str, byline: str, closing: str = "") -> dict:
    body = "".join(f"<p>{x}</p>" for x in PARAS) + closing
    page = (
        f"<html lang='id'><head><title>Jembatan gantung baru dibuka - Warta Contoh</title>{head}</head><body>"
        "<div class='top'><a href='/'>Beranda</a> <a href='/daerah'>Kota Magelang</a></div>"
        f"<div class='mt-4'><div class='text-xs'>Kota Magelang</div><h1 class='text-3xl'>Jembatan gantung "
        f"baru dibuka</h1>{byline}<div class='prose'>{body}</div></div>"
        "<footer>Hak cipta Warta Contoh 2025</footer></body></html>"
    ).encode()
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"}, "url": "",
           "final_url": "", "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)


def test_a_name_beside_the_date_in_the_byline_row_is_the_writer() -> None:
    """Rule "name beside the date": a utility-class theme's byline row, the writer's name alone in
    one part and the date in another, no class naming either: the writer was not found. A part
    that a link of the page prints (a section, "Kota Magelang") or the <title> holds (the site's
    name) is no writer."""
    row = ("<div class='mt-3 flex gap-2'><span class='font-semibold'>Rizky Ananda</span><span>•</span>"
           "<span>Jumat, 28 November 2025 | 09:47 WIB</span></div>")
    assert _record("", row)["authors"] == ["Rizky Ananda"]
    for other in ("Kota Magelang", "Warta Contoh"):
        row = (f"<div class='mt-3 flex gap-2'><span class='font-semibold'>{other}</span><span>•</span>"
               "<span>Jumat, 28 November 2025 | 09:47 WIB</span></div>")
        assert _record("", row)["authors"] == [], other
    # a row's label before the date, a player's label beside its duration: no writer
    for row in ("<table><tr><td>Tanggal Posting</td><td>:</td><td>2025-11-12</td></tr></table>",
                "<div><span>Putar Video</span><span>03:12</span></div>"):
        assert _record("", row)["authors"] == [], row


def test_a_time_on_its_own_line_beside_the_date() -> None:
    """Rule "time on its own line": a byline box of lines written as ``<div>``s, the date on one
    ("Kamis Wage, 27 November 2025", a Javanese market day beside the weekday), the time on the
    next ("Pukul 13.40 WIB"), a credit on the third: the box was no date line and neither line
    held both, so the time of publication was missed."""
    box = ("<div class='space-y-1'><div>Kamis Wage, 27 November 2025</div><div>Pukul 13.40 WIB</div>"
           "<div>Penulis: Tim Diskominfo</div></div>")
    rec = _record("", box)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2025-11-27T13:40:00+07:00"


def test_a_closing_byline_of_the_writer_is_no_line_of_the_story() -> None:
    """Rule "closing byline": the story's last line is its writer's byline with the writer's role
    ("Oleh: Dimas Arya, kontributor Warta Contoh di Magelang"), the writer known from the page's
    metadata: it was read as the story's last paragraph. A line opening with "Oleh" that names
    another person is a sentence of the story."""
    head = "<meta name='author' content='Dimas Arya'>"
    closing = "<p><em>Oleh: Dimas Arya, kontributor Warta Contoh di Magelang</em></p>"
    rec = _record(head, "", closing)
    assert rec["authors"] == ["Dimas Arya"] and "kontributor Warta Contoh" not in rec["text"]
    sentence = "<p>Oleh Bupati Magelang, jembatan itu diresmikan dengan pemotongan pita pada Selasa pagi.</p>"
    assert "diresmikan dengan pemotongan pita" in _record(head, "", sentence)["text"]



# --- session 21 ---


def _rec(page: bytes, url: str = "") -> dict:
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"}, "url": url,
           "final_url": url, "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)


def test_the_reporter_named_after_the_dateline_is_the_author() -> None:
    """"ZONASULTRA.ID, KENDARI – Laporan Wa Ode Fitriani – Dinas …": the reporter's name between
    the dateline and the story, a dash after it, is the byline: the author, not the story's words."""
    first = f"<strong>SLEMAN, WARTACONTOH.COM – Laporan Wa Ode Fitriani</strong> – {PARAS[0]}"
    rec = _rec(_page("", [first, *PARAS[1:]]))
    assert rec["authors"] == ["Wa Ode Fitriani"] and rec["dateline_place"] == "Sleman"
    assert rec["text"].startswith(PARAS[0]) and "Laporan" not in rec["text"]
    # a report's subject after the dateline, no dash after it, is the story's
    first = f"SLEMAN, WARTACONTOH.COM – Laporan Badan Pusat Statistik menunjukkan {PARAS[0]}"
    rec = _rec(_page("", [first, *PARAS[1:]]))
    assert rec["authors"] == [] and "Laporan Badan Pusat Statistik" in rec["text"]


def test_a_box_headed_about_the_writer_is_no_part_of_the_story() -> None:
    """A writer's box under the story opening with its heading "Tentang Penulis", the writer's
    picture and name, a one-line bio and the profile's counters: trafilatura dropped the heading and
    the name, and the bio and counters were read as the story's last lines."""
    box = ("<div class='q-bio'><h4>Tentang Penulis</h4><img src='/a.jpg'><b>Fikri Haikal</b>"
           "<p>Alumnus Sosiologi Universitas Airlangga. Peneliti lepas isu agraria.</p>"
           "<p>Tulisan: 19 · Pengikut: 140</p></div>")
    body = "".join(f"<p>{x}</p>" for x in PARAS)
    page = ("<html><head><title>Jembatan gantung baru dibuka</title></head><body><article>"
            f"<h1>Jembatan gantung baru dibuka</h1><div class='isi'>{body}{box}</div></article>"
            "<div class='foot'>Hak cipta Warta Contoh</div></body></html>").encode()
    text = _rec(page)["text"]
    assert PARAS[-1] in text and "Alumnus Sosiologi" not in text and "Pengikut" not in text


def _headed_page(row: str) -> bytes:
    body = "".join(f"<p>{x}</p>" for x in PARAS)
    return ("<html><head><title>Jembatan gantung baru dibuka - Warta Contoh</title></head><body>"
            "<nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></nav><article>"
            f"<h1>Jembatan gantung baru dibuka</h1>{row}<div class='isi'>{body}</div></article>"
            "<footer>Hak cipta Warta Contoh</footer></body></html>").encode()


@pytest.mark.parametrize(
    ("row", "authors"),
    [("<bb-byline><bb-author>Tresna Gumilar Saputra</bb-author></bb-byline>", ["Tresna Gumilar Saputra"]),
     ("<div class='info'>Sabtu, 28 November 2026 15:40 WAS (19:40 WIB) · Husni Anggoro</div>",
      ["Husni Anggoro"]),
     ("<div class='meta'>Rabu, 25 Nov 2026 19:30 WIB · <a href='/penulis/fikri'>Fikri Ardiansyah</a> · "
      "<span>Halaman 2 dari 2</span></div>", ["Fikri Ardiansyah"]),
     # a portal's byline of the 2000s: the name in bold, a dash, the outlet
     ("<table><tr><td><font size='1'><b>Ramdhan Muhaimin</b> - detikNews</font></td></tr></table>",
      ["Ramdhan Muhaimin"]),
     ("<p><b>Ramdhan Muhaimin</b> - detikNews melaporkan banjir rob di pelabuhan.</p>", []),
     # (a place or a button's text beside the date is no writer)
     ("<div class='info'>Sabtu, 28 November 2026 15:40 WIB · Kota Banjarmasin</div>", []),
     ("<div class='tiket'><p>Persib vs Persija · Minggu, 16 November 2025 · GBLA</p>"
      "<a class='btn' href='/tiket'>Beli Sekarang</a></div>", [])],
)  # fmt: skip
def test_writers_in_a_web_component_or_a_row_of_text(row: str, authors: list[str]) -> None:
    """A writer's web component (``<bb-author>``); a byline row whose parts are the row's own text
    parted by middle dots, the date one part and the writer's name another."""
    assert _rec(_headed_page(row))["authors"] == authors


def test_a_css_module_class_is_read_by_its_name() -> None:
    """Rule "module classes": Next.js writes a component's class "author" as "detail_author__Km";
    it is read as "author" (and "detail__author") too, so the writer element is found. A BEM
    element ("article__author": no hash) keeps its own classes."""
    from kliping.clean.decode import module_classes, parse

    tree = parse("<div class='detail_author__Km x'><b class='article__author'>a</b>"
                 "<i class='post-module__byline___aB3dE'>b</i></div>")  # fmt: skip
    module_classes(tree)
    assert tree.find(".//div").get("class").split() == ["detail_author__Km", "x", "author", "detail__author"]
    assert tree.find(".//b").get("class") == "article__author"
    assert tree.find(".//i").get("class").split()[1:] == ["byline", "post-module__byline"]
    row = ("<div class='detail_author__Km'><span>Ikhsan Fauzi</span> "
           "<span class='detail_date__Lp'>Sabtu, 28 Nov 2026 19:20 WIB</span></div>")
    assert _record("", row)["authors"] == ["Ikhsan Fauzi"]
    # the same row, hashed in no module's form, names no writer by its class
    assert _record("", row.replace("detail_author__Km", "css-1x2y3z"))["authors"] == []


def test_an_author_element_s_date_element_is_no_part_of_the_name() -> None:
    """An author element holding the date in an element of its own, no bullet between: the date's
    text is cut, not read as the name's last word ("Ikhsan Fauzi Sabtu")."""
    row = ("<div class='author'><a>Ikhsan Fauzi</a> <span class='date'>Sabtu, 28 Nov 2026 19:20 WIB"
           "</span></div>")  # fmt: skip
    assert _record("", row)["authors"] == ["Ikhsan Fauzi"]


def test_a_credit_label_in_an_element_of_its_own_names_the_writer() -> None:
    """Rule "label element": "<span>Reporter</span> <a>Name</a>" with no colon, and a table's label
    cell beside ": Name": the name is read with its label. A label before prose, or before a name
    no one holds ("Redaksi"), names no one."""
    row = ("<div class='mt-3 text-sm'><span class='font-semibold'>Reporter</span> <a>Fikri Maulana</a>"
           "<time datetime='2026-11-29T10:04:00+07:00'>29 November 2026</time></div>")  # fmt: skip
    assert _record("", row)["authors"] == ["Fikri Maulana"]
    table = ("<table><tr><td><font><b>Reporter</b></font></td><td><font>: Alberto Yewen</font></td></tr>"
             "<tr><td><b>Editor</b></td><td>: Frida Rumkorem</td></tr></table>")  # fmt: skip
    rec = _record("", table)
    assert (rec["authors"], rec["editors"]) == (["Alberto Yewen"], ["Frida Rumkorem"])
    assert _record("", "<div><span>Reporter</span> <a>Redaksi</a></div>")["authors"] == []
    # a list of names, each in an element of its own (Drupal's field items), is two names, not one glued
    field = ("<div class='field'><div class='field__label'>Penulis</div><div class='field__items'>"
             "<div class='field__item'><a>Ana Sabrina Putri</a></div><div class='field__item'><a>Yosafat Laka"
             "</a></div></div></div>")  # fmt: skip
    assert _record("", field)["authors"] == ["Ana Sabrina Putri", "Yosafat Laka"]


def test_an_open_graph_author_is_read_when_it_is_a_name() -> None:
    """Open Graph's ``article:author`` names the writer on some themes; a profile URL there is no name."""
    head = "<meta property='article:author' content='Rizky Ananda'>"
    assert _record(head, "")["authors"] == ["Rizky Ananda"]
    url = "<meta property='article:author' content='https://www.facebook.com/wartacontoh'>"
    assert _record(url, "")["authors"] == []


def test_a_label_as_bare_text_before_the_name_s_link() -> None:
    """Rule "label element", the label as bare text: "Penulis <a>…</a> | Editor <a>…</a>"."""
    rec = _record("", "<div class='credit-title'>Penulis <a href='#'>Ari Wibowo Santoso</a> | Editor "
                      "<a href='#'>Dita Angga Rusiana</a></div>")  # fmt: skip
    assert rec["authors"] == ["Ari Wibowo Santoso"] and rec["editors"] == ["Dita Angga Rusiana"]
    rec = _record("", "", "<p><strong>Laporan: Nur Azizah (Pekanbaru)</strong></p>")
    assert rec["authors"] == ["Nur Azizah"] and "Laporan:" not in rec["text"]


def test_a_reader_s_submission_line_names_its_writer() -> None:
    """A reader's story closed by "Kiriman: Name, warga …" (the writer's role in lower case after
    the comma): the sender is the writer, the line no story; a sentence after "Kiriman:" stays."""
    rec = _record("", "", "<p><i>Kiriman: Rahayu Widyaningsih, warga Sendangsari.</i></p>")
    assert rec["authors"] == ["Rahayu Widyaningsih"] and "Kiriman:" not in rec["text"]
    rec = _record("", "", "<p>Kiriman: paket bantuan tiba di desa itu pada Senin pagi, kata warga.</p>")
    assert "Kiriman: paket bantuan" in rec["text"]


def test_the_writers_line_in_the_plural() -> None:
    """Rule "writer's line": "The writers are researchers at …" closing an English op-ed."""
    rec = _record("", "", "<p><em>The writers are researchers at the Urban Resilience Lab, Universitas "
                          "Indonesia.</em></p>")  # fmt: skip
    assert "The writers are" not in rec["text"]


def test_a_column_s_writer_line_and_another_role_s_credit() -> None:
    """"Tulisan milik Ahmad Fauzan, Analis …" closing a column names its writer; "Photography by …"
    alone on its line is a credit, not the story's words, and names no writer."""
    rec = _record("", "", "<p><em>Tulisan milik Ahmad Fauzan, Analis WartaContoh.com</em></p>"
                          "<p>Photography by Rio Saputra</p>")  # fmt: skip
    assert rec["authors"] == ["Ahmad Fauzan"]
    assert "Tulisan milik" not in rec["text"] and "Photography by" not in rec["text"]


def test_the_page_s_own_name_with_a_glued_hyphen_is_its_dateline() -> None:
    """Rule "own dateline": the page's own name (its host's, or its initials from og:site_name) with
    a hyphen glued after it opens the story as a dateline: "Kabar6-Tempat …", "SURABAYA,
    MEMORANDUM- Dinas …", "CIREBON, FC- Perajin …"; another word so glued stays the story's."""
    def first(url: str, lead: str, site: str = "") -> dict:
        head = f"<meta property='og:site_name' content='{site}'>" if site else ""
        page = (f"<html lang='id'><head><title>Jembatan gantung baru dibuka</title>{head}</head><body>"
                f"<h1>Jembatan gantung baru dibuka</h1><div class='content'><p>{lead} {PARAS[0]}</p>"
                + "".join(f"<p>{x}</p>" for x in PARAS[1:]) + "</div></body></html>").encode()  # fmt: skip
        return _rec(page, url)

    rec = first("https://www.kabar6.com/x/", "Kabar6-")
    assert (rec["dateline_place"], rec["dateline_source"]) == (None, "Kabar6")
    rec = first("https://memorandum.co.id/x/", "<b>SURABAYA, MEMORANDUM</b>-")
    assert (rec["dateline_place"], rec["dateline_source"]) == ("Surabaya", "MEMORANDUM")
    rec = first("https://fajarcirebon.com/x/", "<strong>CIREBON, FC</strong>-", "Fajar Cirebon")
    assert (rec["dateline_place"], rec["dateline_source"]) == ("Cirebon", "FC")
    rec = first("https://www.kabar6.com/x/", "Jalur Bogor-")
    assert rec["dateline_source"] is None and "Jalur Bogor-" in rec["text"]


def test_the_page_s_own_code_desk_and_a_company_s_about_box() -> None:
    """The page's own name closing the story: the reporter's code with the outlet after the name,
    "(Ketut Winata/balipost)", and its desk's sign-off, "CNBC INDONESIA RESEARCH"; a press
    release's "Tentang PT …" box whose company tells its founding ("… didirikan pada 1984");
    "Corporate Communication" is an office, no writer."""
    def page(url: str, site: str, closing: str, byline: str = "") -> dict:
        body = "".join(f"<p>{x}</p>" for x in PARAS[:-1]) + closing
        html = (f"<html lang='id'><head><title>Jembatan gantung baru dibuka</title><meta property="
                f"'og:site_name' content='{site}'></head><body><h1>Jembatan gantung baru dibuka</h1>{byline}"
                f"<div class='content'>{body}</div></body></html>").encode()  # fmt: skip
        return _rec(html, url)

    rec = page("https://www.balipost.com/x", "Bali Post", f"<p>{PARAS[-1]} (Ketut Winata/balipost)</p>")
    assert rec["text"].endswith(PARAS[-1])
    rec = page("https://www.cnbcindonesia.com/x", "CNBC Indonesia",
               f"<p>{PARAS[-1]}</p><p><strong>CNBC INDONESIA RESEARCH</strong></p>")
    assert rec["text"].endswith(PARAS[-1])
    about = ("<p><strong>Tentang PT Sinar Baja Perkasa Tbk</strong><br>PT Sinar Baja Perkasa Tbk didirikan "
             "pada 1984 dan tercatat di Bursa Efek Indonesia sejak 1997.</p>")
    rec = page("https://sinarbaja.example.co.id/x", "Sinar Baja", f"<p>{PARAS[-1]}</p>{about}",
               "<span class='byline'>oleh <span class='author vcard'>Corporate Communication</span></span>")
    assert rec["text"].endswith(PARAS[-1]) and rec["authors"] == []


@pytest.mark.parametrize(
    ("url", "site", "closing", "kept"),
    [# the reporter's code in lower case, then the page's own name: "(kmb/balipost)"
     ("https://www.balipost.com/x", "Bali Post", "<p>{last} (kmb/balipost)</p>", None),
     # a capitalized code of a few letters after the last sentence: "(Dho)" (known before)
     ("https://radio.example/x", "Radio Contoh", "<p>{last} (Dho)</p>", None),
     # standing alone: an office's name with a hyphen and the code, a name and the desk's number
     ("https://malukuprov.example.go.id/x", "Pemprov", "<p>{last}</p><p>(DKIPS-Maluku/rfs)</p>", None),
     ("https://koran.example/x", "Koran Contoh", "<p>{last}</p><p>(Mahardika Pratama-77)</p>", None),
     # the story's own brackets stay: a word not after a sentence, an acronym
     ("https://radio.example/x", "Radio Contoh", "<p>{last} Dinas (Kadis)</p>", "Dinas (Kadis)"),
     # ... an acronym the story writes (a desk's code in capitals, which it never writes, goes)
     ("https://radio.example/x", "Radio Contoh",
      "<p>Indonesia Corruption Watch (ICW) meminta proyek itu diaudit.</p><p>{last} (ICW)</p>", "(ICW)"),
     ("https://radio.example/x", "Radio Contoh", "<p>{last} (LAZ)</p>", None)],
)  # fmt: skip
def test_codes_closing_the_story(url: str, site: str, closing: str, kept: str | None) -> None:
    """Reporters' and desks' codes closing a story, in the forms of batches u56 and u62."""
    body = "".join(f"<p>{x}</p>" for x in PARAS[:-1]) + closing.format(last=PARAS[-1])
    html = (f"<html lang='id'><head><title>Jembatan gantung baru dibuka</title><meta property="
            f"'og:site_name' content='{site}'></head><body><h1>Jembatan gantung baru dibuka</h1>"
            f"<div class='content'>{body}</div></body></html>").encode()  # fmt: skip
    rec = _rec(html, url)
    if kept is None:
        assert rec["text"].endswith(PARAS[-1])
    else:
        assert rec["text"].endswith(kept)


def test_sign_offs_bios_and_an_empty_thread_close_no_story() -> None:
    """The desk signing off before the page's name ("Redaksi Lirboyo.net"), a writer's bio in
    Javanese ("Panulis minangka guru …"), an empty comment section ("Belum ada tanggapan.") go;
    a reader's name in the thread (class "comment-author") is no writer."""
    closing = ("<p><em>Redaksi Lirboyo.net</em></p><p><em>Panulis minangka guru basa Jawa ing salah "
               "sawijining SMP negeri ing Kabupaten Ponorogo.</em></p>")
    html = ("<html lang='id'><head><title>Jembatan gantung baru dibuka</title></head><body><article>"
            "<h1>Jembatan gantung baru dibuka</h1><div class='content'>"
            + "".join(f"<p>{x}</p>" for x in PARAS) + closing + "</div><div class='comments'><h4>0 Komentar"
            "</h4><p>Belum ada tanggapan.</p><ol class='comment-list'><li><div class='comment-author'>Mbah "
            "Sarjo</div></li></ol></div></article></body></html>").encode()  # fmt: skip
    rec = _rec(html, "https://lirboyo.net/x/")
    assert rec["text"].endswith(PARAS[-1]) and rec["authors"] == []


def test_a_related_box_left_unclosed_keeps_the_story_s_paragraphs() -> None:
    """Rule "unclosed box": a "Baca Juga" box whose </div> the page forgot holds the story's next
    paragraphs: its label and link go, the paragraphs stay; a box of teasers (links and excerpts
    in turn) goes whole."""
    box = ("<div class='baca-juga-inline'><div><strong>Baca Juga:</strong><br><a href='/x'>Payung Geulis "
           "Tasikmalaya Tembus Pasar Jepang</a>" + "".join(f"<p>{x}</p>" for x in PARAS[1:3])
           + "</div></div>")  # fmt: skip
    rec = _record("", "", box)
    assert all(x in rec["text"] for x in PARAS) and "Payung Geulis" not in rec["text"]
    teasers = ("<div class='baca-juga-inline'>" + "".join(
        f"<a href='/{i}'>Judul Lain {i}</a><p>Ringkasan berita lain yang panjangnya lebih dari enam puluh "
        f"huruf, nomor {i}.</p>" for i in range(2)) + "</div>")  # fmt: skip
    assert "Ringkasan berita lain" not in _record("", "", teasers)["text"]


def test_a_paragraph_written_as_a_div_among_br_runs_is_kept() -> None:
    """A story of <br><br> runs with one paragraph written as an unclassed <div>: that paragraph is
    one of the story's (it was lost: trafilatura reads no <div> text beside <p>s)."""
    story = "<br><br>".join(PARAS[:2]) + f"<br><br><div>{PARAS[2]}</div><br>" + "<br><br>".join(PARAS[3:])
    html = ("<html lang='id'><head><title>Jembatan gantung baru dibuka</title></head><body>"
            "<h1>Jembatan gantung baru dibuka</h1><div class='txt-detail'>" + story
            + "</div><footer>Hak cipta Warta Contoh 2025</footer></body></html>").encode()  # fmt: skip
    text = _rec(html)["text"]
    assert all(x in text for x in PARAS)


def test_an_oleh_line_with_a_bracketed_place_and_its_date() -> None:
    """Rule "oleh line": "oleh <a>Name</a> [Pasaman Barat] di 30 November 2026" names the writer."""
    rec = _record("", "<div class='meta'>oleh <a href='#'>Vinolia Rahmadani</a> [Pasaman Barat] di 30 "
                      "November 2026</div>")  # fmt: skip
    assert rec["authors"] == ["Vinolia Rahmadani"]


def test_a_caption_typed_in_italics_under_the_picture_goes() -> None:
    """Rule "typed caption": an editor's caption typed as an italic paragraph right under a paragraph
    holding only the picture goes; an italic paragraph elsewhere stays."""
    pic = ("<p><img src='/w.jpg'></p>"
           "<p style='text-align: center;'><em>Prosesi wisuda di Gedung Rektorat.</em></p>")
    rec = _record("", "", "")
    page = _record("", "", pic + "<p><em>Jembatan itu dibangun warga secara swadaya sejak 2019.</em></p>")
    assert "Prosesi wisuda" not in page["text"] and "dibangun warga secara swadaya" in page["text"]
    assert rec["text"] in page["text"]


def test_a_story_inside_noscript_or_an_iframe_srcdoc_is_read() -> None:
    """Rule "story fallback": a lazy loader's story only inside <noscript>, or a story in an
    <iframe srcdoc>, is read; a <noscript> of a "please enable JavaScript" line is not."""
    paras = "".join(f"<p>{x}</p>" for x in PARAS)

    def page(story: str, extra: str = "") -> bytes:
        return (f"<html lang='id'><head><title>Jembatan gantung baru dibuka</title></head><body>"
                f"<h1>Jembatan gantung baru dibuka</h1><div class='content'>{story}</div>{extra}"
                "<footer>Hak cipta Warta Contoh 2025</footer></body></html>").encode()  # fmt: skip

    srcdoc = "<iframe srcdoc=\"<html><body>" + paras + "</body></html>\"></iframe>"
    for story in (f"<noscript>{paras}</noscript>", srcdoc):
        text = _rec(page(story))["text"]
        assert all(x in text for x in PARAS), story[:20]
    js = "<noscript><p>Aktifkan JavaScript untuk membaca situs ini dengan nyaman dan aman ya.</p></noscript>"
    assert "JavaScript" not in _rec(page(paras, js))["text"]
    # the fallback's story in any markup a redesign gives it: <br><br> runs, <div>s of text
    for story in ("<br><br>".join(PARAS), "".join(f"<div>{x}</div>" for x in PARAS)):
        text = _rec(page(f"<noscript>{story}</noscript>"))["text"]
        assert all(x in text for x in PARAS), story[:20]
    one = "<noscript>Aktifkan JavaScript untuk membaca situs ini.<br><img src='/p.gif'></noscript>"
    assert "JavaScript" not in _rec(page(paras, one))["text"]


def test_a_page_labelled_latin_1_whose_bytes_are_utf_8_is_utf_8() -> None:
    """Rule "charset lie": "<meta charset=iso-8859-1>" over UTF-8 bytes ("36,8 °C", curly quotes):
    the bytes are read as UTF-8; a page really in windows-1252 stays so."""
    from kliping.clean.decode import decode

    text = "<html><head><meta charset='iso-8859-1'></head><body><p>Suhu 36,8 °C “panas”.</p></body></html>"
    assert "36,8 °C “panas”" in decode(text.encode("utf-8"))
    assert "36,8 °C “panas”" in decode(text.encode("cp1252"))
    assert "°C" in decode(text.encode("utf-8"), {"content-type": "text/html; charset=ISO-8859-1"})


def test_a_meta_row_of_date_labelled_time_and_read_counter() -> None:
    """A regency site's row "Diposting: 23 November 2026 Jam: 08:17:45 Dibaca: 1.284 kali" beside
    the headline gives the time of publication, its seconds included (the story's own "Minggu
    (22/11/2026)" had dated it a day early)."""
    row = ("<div class='berita-info'>Diposting: 23 November 2026 &nbsp; Jam: 08:17:45 &nbsp; "
           "Dibaca: 1.284 kali</div>")
    rec = _record("", row)
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2026-11-23T08:17:45+07:00"


def test_a_domain_dateline_on_a_site_named_after_its_town() -> None:
    """"BANGKAPOS.COM, BANGKA -" on bangka.tribunnews.com: the domain is the source and the town
    the place, though the site's brand is the town's name too."""
    page = ("<html lang='id'><head><title>Warga antre minyak goreng - Bangka Pos</title></head><body>"
            "<h1>Warga antre minyak goreng</h1><div class='txt-article'>"
            f"<p>BANGKAPOS.COM, BANGKA - {PARAS[0]}</p>" + "".join(f"<p>{x}</p>" for x in PARAS[1:])
            + "</div></body></html>").encode()  # fmt: skip
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"},
           "url": "https://bangka.tribunnews.com/2017/03/01/warga-antre", "final_url": "", "site": "",
           "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}  # fmt: skip
    rec = clean(raw, None)
    assert (rec["dateline_place"], rec["dateline_source"]) == ("Bangka", "BANGKAPOS.COM")


def test_a_print_view_s_headline_after_its_title_label() -> None:
    """A print view ("Cetak: Judul - Situs" as its <title>, the headline an <h2>): the <h2> is the
    headline, so its date row beside it dates the story (the story's own "21 Desember" had) and
    the title is the headline's, not the label's."""
    page = ("<html lang='id'><head><title>Cetak: Jembatan gantung baru dibuka di Magelang - Warta Contoh"
            "</title></head><body><h2>Jembatan gantung baru dibuka di Magelang</h2>"
            "<font size='2'>Diposting: Senin, 30 November 2026 - 16:47 WIB &bull; Oleh: Rina Amalia</font>"
            "<div class='isi-cetak'>" + "".join(f"<p>{x}</p>" for x in PARAS)
            + "<p>Jembatan berikutnya dibangun mulai 21 Desember 2026.</p></div></body></html>"
            ).encode()  # fmt: skip
    rec = _rec(page)
    assert rec["title"] == "Jembatan gantung baru dibuka di Magelang"
    assert rec["published_at"] is not None and rec["published_at"].isoformat() == "2026-11-30T16:47:00+07:00"


def test_an_english_edition_on_an_indonesian_host_reads_its_credit_lines() -> None:
    """An English edition on an Indonesian host (".id") prints its newsroom's credit lines ("Rep:
    A/ Red: B"), read as on its Indonesian pages; the same page on a host abroad is left to the
    structured data."""
    story = ("The ministry plans to build three seaweed processing plants in the province next year, "
             "officials said on Sunday after a meeting with farmers in the regency.")  # fmt: skip
    paras = "".join(f"<p>{story} Part {n} follows the farmers' cooperative.</p>" for n in range(6))
    html = ("<html lang='en'><head><title>Seaweed plants planned</title></head><body><h1>Seaweed plants "
            "planned</h1><div class='date_detail'><p>Sunday 29 Nov 2026 20:45</p><p>Rep: Fauzan Eka "
            f"Ramadhan/ Red: Galih Prakoso</p></div><div class='content'>{paras}</div></body></html>")
    page = html.encode()
    rec = _rec(page, "https://news.example.co.id/english/seaweed")
    assert (rec["authors"], rec["editors"]) == (["Fauzan Eka Ramadhan"], ["Galih Prakoso"])
    abroad = _rec(page, "https://news.example.com/english/seaweed")
    assert abroad["editors"] == []
