"""Each metadata field reads its sources in a stated order (kliping/clean/metadata.py), and the
package face of kliping.clean only re-exports (#15 item 4)."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

import kliping.clean
from kliping.clean import decode, metadata, people
from kliping.sites.base import GENERIC_LAYOUT, Layout

BASE = "https://kabar.test/berita/2024/01/08/banjir-rob?utm_source=wa#komentar"
LAYOUT = Layout(
    "T1",
    title_xpath="//h2[@class='judul']",
    author_xpath="//span[@class='penulis']",
    editor_xpath="//span[@class='penyunting']",
    section_xpath="//a[@class='kanal']",
    tags_xpath="//a[@class='topik']",
)

# Per field, its sources from first to last: (where the page carries it, what, the value the field
# then reads). A page holding sources[i:] must give the value of sources[i]; the page carries every
# later source too, so each row also checks that it outranks them. "" is a page with none of them.
ORDER: dict[str, list[tuple[str, Any, Any]]] = {
    "title": [
        ("body", "<h2 class='judul'>Judul dari tata letak</h2>", "Judul dari tata letak"),
        ("ld", {"headline": "Judul dari JSON-LD"}, "Judul dari JSON-LD"),
        ("head", "<meta property='og:title' content='Judul dari og - Kabar Test'>", "Judul dari og"),
        ("body", "<h1>Judul dari h1</h1>", "Judul dari h1"),
        ("head", "<title>Judul dari title | Kabar Test</title>", "Judul dari title"),
        ("head", "", None),
    ],
    "canonical_url": [
        ("head", "<link rel='canonical' href='/kanonik?utm_medium=x'>", "https://kabar.test/kanonik"),
        ("head", "<meta property='og:url' content='https://kabar.test/og'>", "https://kabar.test/og"),
        ("ld", {"url": "https://kabar.test/ld"}, "https://kabar.test/ld"),
        ("head", "", "https://kabar.test/berita/2024/01/08/banjir-rob"),
    ],
    "authors": [
        ("body", "<span class='penulis'>Rina  Wulandari</span>", ["Rina Wulandari"]),
        ("ld", {"author": [{"@type": "Person", "name": "Dedi Kurnia"}, "Sari Dewi"]},
         ["Dedi Kurnia", "Sari Dewi"]),
        ("head", "<meta name='author' content='Agus Salim'><meta name='dc.creator' content='Budi'>",
         ["Agus Salim", "Budi"]),
        ("head", "", []),
    ],
    "editors": [
        ("body", "<span class='penyunting'>Eko Prasetyo</span>", ["Eko Prasetyo"]),
        ("ld", {"editor": {"@type": "Person", "name": "Fajar Nugroho"}}, ["Fajar Nugroho"]),
        ("head", "<meta name='content_editor' content='Gita Savitri'>", ["Gita Savitri"]),
        ("head", "", []),
    ],
    "section": [
        ("body", "<a class='kanal'>Megapolitan</a>", "Megapolitan"),
        ("ld", {"articleSection": ["Nasional", "Hukum"]}, "Nasional"),
        ("head", "<meta property='article:section' content='Daerah'>", "Daerah"),
        ("head", "<meta name='dtk:kanal' content='detikNews'>", "detikNews"),
        ("head", "", None),
    ],
    "tags": [
        ("body", "<a class='topik'>banjir</a><a class='topik'>rob</a><a class='topik'>banjir</a>",
         ["banjir", "rob"]),
        ("head", "<meta property='article:tag' content='jakarta utara'>", ["jakarta utara"]),
        ("ld", {"keywords": "cuaca, pesisir ,"}, ["cuaca", "pesisir"]),
        ("head", "<meta name='keywords' content='bmkg,pasang laut'>", ["bmkg", "pasang laut"]),
        ("head", "", []),
    ],
    "image_url": [
        ("head", "<meta property='og:image' content='/foto/og.jpg'>", "https://kabar.test/foto/og.jpg"),
        ("head", "<meta name='twitter:image' content='https://cdn.test/tw.jpg'>", "https://cdn.test/tw.jpg"),
        ("ld", {"image": {"@type": "ImageObject", "url": "https://cdn.test/ld.jpg"}}, "https://cdn.test/ld.jpg"),
        ("head", "", None),
    ],
    "description": [
        ("head", "<meta property='og:description' content=' Air laut\n  naik. '>", "Air laut naik."),
        ("head", "<meta name='description' content='Ringkasan meta.'>", "Ringkasan meta."),
        ("ld", {"description": "Ringkasan JSON-LD."}, "Ringkasan JSON-LD."),
        ("head", "", None),
    ],
}  # fmt: skip


def _page(sources: list[tuple[str, Any, Any]]) -> str:
    head = "".join(what for where, what, _ in sources if where == "head")
    body = "".join(what for where, what, _ in sources if where == "body")
    ld: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    for where, what, _ in sources:
        if where == "ld":
            ld.update(what)
    script = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    return f"<html><head>{head}{script}</head><body>{body}<p>Teks berita.</p></body></html>"


@pytest.mark.parametrize(
    ("field", "i"), [(f, i) for f, sources in ORDER.items() for i in range(len(sources))]
)
def test_each_field_takes_its_first_source(field: str, i: int) -> None:
    sources = ORDER[field][i:]
    tree = decode.parse(_page(sources))
    found = metadata.extract(tree, LAYOUT, BASE, ["Kabar Test", "kabar.test", "kabar"])
    assert getattr(found, field) == sources[0][2]


def test_without_a_layout_the_structured_data_comes_first() -> None:
    tree = decode.parse(_page(ORDER["authors"]))
    assert metadata.extract(tree, GENERIC_LAYOUT, BASE, []).authors == ["Dedi Kurnia", "Sari Dewi"]


def test_the_dom_byline_is_read_only_when_no_author_source_speaks() -> None:
    byline = "<div class='detail__author'>Hana Pertiwi</div>"
    tree = decode.parse(_page([("body", byline, None)]))
    assert metadata.extract(tree, LAYOUT, BASE, []).byline == ["Hana Pertiwi"]
    tree = decode.parse(_page([("body", byline, None), *ORDER["authors"][2:]]))
    found = metadata.extract(tree, LAYOUT, BASE, [])
    assert found.authors == ["Agus Salim", "Budi"] and found.byline == []


def test_og_site_name_joins_the_site_names() -> None:
    tree = decode.parse(_page([("head", "<meta property='og:site_name' content='KabarTest'>", None)]))
    assert metadata.extract(tree, LAYOUT, BASE, ["kabar"]).site_names == ["kabar", "KabarTest"]


def test_the_package_face_only_re_exports() -> None:
    """kliping/clean/__init__.py holds a docstring, imports and ``__all__``; the work lives in
    pipeline.py, metadata.py, body.py and the rule modules."""
    init = Path(kliping.clean.__file__)
    tree = ast.parse(init.read_text(encoding="utf-8"))
    for node in tree.body:
        assert isinstance(node, ast.Import | ast.ImportFrom) or (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        ) or (isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["__all__"]), ast.dump(node)
    for name in kliping.clean.__all__:
        assert getattr(kliping.clean, name) is not None


# --- rule "pagination in titles" ----------------------------------------------------------------


def test_a_logo_heading_is_no_title() -> None:
    """Rule "logo heading": the site's name as the first <h1> (a blog theme's masthead), the
    headline an <h2>: the <title> without its chrome is the title."""
    html = ("<html><head><title>Jembatan Gantung di Lunyuk Putus - Kabar Test</title></head><body>"
            "<div class='header'><h1><a href='/'>Kabar Test</a></h1></div>"
            "<h2 class='post-title'>Jembatan Gantung di Lunyuk Putus</h2><p>Isi berita.</p></body></html>")
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, ["Kabar Test"])
    assert found.title == "Jembatan Gantung di Lunyuk Putus"



@pytest.mark.parametrize("known", [True, False])
def test_a_blog_s_masthead_heading_over_its_post_title(known: bool) -> None:
    """Rule "logo heading", a Blogger theme: the blog's name in ``<h1 class=title>``, the post's in
    ``<h3 class=post-title>``, the ``<title>`` "Blog: Post" with no og:title. The masthead is no
    headline (it was, "RSUD Ibnu Sina Gresik"), nor is the ``<title>`` with the blog's name
    before the post's ("Kabar Mahasiswa: Renovasi …"), whether the host names the blog or not."""
    html = ("<html><head><title>Kabar Warga Sukamaju: Jembatan Gantung di Lunyuk Putus Diterjang Banjir"
            "</title></head><body><div class='header'><h1 class='title'>Kabar Warga Sukamaju</h1></div>"
            "<h2 class='date-header'><span>Senin, 10 Maret 2025</span></h2>"
            "<h3 class='post-title entry-title'>Jembatan Gantung di Lunyuk Putus Diterjang Banjir</h3>"
            + STORY_P + "<h2>Arsip Blog</h2></body></html>")
    names = ["kabarwargasukamaju.blogspot.com"] if known else []  # (the host: the <h1> is its name)
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, names)
    assert found.title == "Jembatan Gantung di Lunyuk Putus Diterjang Banjir"
    # a headline that opens with the <h1>'s words is not cut: the <h1> prints the whole <title>
    whole = html.replace("<h1 class='title'>Kabar Warga Sukamaju</h1>",
                         "<h1>Kabar Warga Sukamaju: Jembatan Gantung di Lunyuk Putus Diterjang Banjir</h1>")
    found = metadata.extract(decode.parse(whole), GENERIC_LAYOUT, BASE, [])
    assert found.title == "Kabar Warga Sukamaju: Jembatan Gantung di Lunyuk Putus Diterjang Banjir"

STORY_P = ("<p>Ratusan warga berunjuk rasa di depan kantor camat menuntut perbaikan tanggul penahan air "
           "pasang yang jebol sejak sebulan lalu, karena setiap pasang besar rumah mereka terendam.</p>")


@pytest.mark.parametrize(
    ("html", "want"),
    [# a masthead's <h1> with a tagline, the <title> an <h2>'s headline
     ("<html><head><title>Tiga Kapal Pengebom Ikan Diamankan di Perairan Saponda</title></head><body>"
      "<h1 id='logo'><img alt='Kabar'><span>Kabar Pos - Harian Terbesar di Sultra</span></h1>"
      "<h3>Kanal</h3><h2><a href='/x'>Tiga Kapal Pengebom Ikan Diamankan di Perairan Saponda</a></h2>"
      + STORY_P + "</body></html>", "Tiga Kapal Pengebom Ikan Diamankan di Perairan Saponda"),
     # no heading: the site's name in bold closes the <title>, the headline opens it
     ("<html><head><title>Jadwal Asesmen Akhir Semester Ganjil 2026 :: SMA Negeri 5 Kota Contoh"
      "</title></head>"
      "<body><table><tr><td><font size=4><b>SMA NEGERI 5 KOTA CONTOH</b></font></td></tr><tr><td>"
      "<div class='judul'>Jadwal Asesmen Akhir Semester Ganjil 2026</div>" + STORY_P
      + "</td></tr></table></body></html>", "Jadwal Asesmen Akhir Semester Ganjil 2026"),
     # a print view's <title> names only the page's kind; the <h2> over the story is the headline
     ("<html><head><title>Cetak Berita - Analisa Contoh</title></head><body><table><tr><td>"
      "<h2>Warga Sicanang Tuntut Tanggul Rob Diperbaiki</h2></td></tr><tr><td>" + STORY_P
      + "</td></tr></table></body></html>", "Warga Sicanang Tuntut Tanggul Rob Diperbaiki"),
     # ... an <h2> over no prose (a sidebar's list) is not
     ("<html><head><title>Cetak Berita - Analisa Contoh</title></head><body>"
      "<h2>Berita Paling Banyak Dibaca Minggu Ini</h2><ul><li>Satu</li></ul></body></html>",
      "Cetak Berita - Analisa Contoh")],
)  # fmt: skip
def test_the_headline_of_an_old_layout(html: str, want: str) -> None:
    """Old layouts' headlines: rule "logo heading" for an <h1> the <title> does not name beside an
    <h2> that prints it; a title's site part is no headline even when the page prints it; under a
    <title> of the site alone, the heading the story's prose opens under."""
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, [])
    assert found.title == want


def test_a_cut_headline_is_the_whole_one() -> None:
    """Rule "cut headline": a JSON-LD headline cut with an ellipsis is the whole one another source
    prints."""
    whole = "Ribuan Pelari Ikuti Lomba Lari Amal di Surabaya, Warga Berharap Jalan Penghubung Diperbaiki"
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
            f"\"{whole[:60]}...\"}}</script><meta property='og:title' content='{whole} - Kabar Test'>")
    tree = decode.parse(_page([("head", head, None)]))
    assert metadata.extract(tree, GENERIC_LAYOUT, BASE, ["Kabar Test"]).title == whole


@pytest.mark.parametrize(
    ("og_title", "title"),
    [
        ("Cara Menyimpan Sayuran di Kulkas - Semua Halaman - Kabar Test", "Cara Menyimpan Sayuran di Kulkas"),
        ("Harga Cabai Naik Jelang Ramadhan Halaman all - Kabar Test", "Harga Cabai Naik Jelang Ramadhan"),
        ("Jadwal KRL Bandung Raya Terbaru | Halaman 2", "Jadwal KRL Bandung Raya Terbaru"),
        ("Jadwal KRL Bandung Raya Terbaru (Halaman 3) - Kabar Test", "Jadwal KRL Bandung Raya Terbaru"),
        # the words of a headline stay: no separator before them
        ("Persib Tertahan di Halaman 2 Klasemen", "Persib Tertahan di Halaman 2 Klasemen"),
        ("Rumah Bertahan di Halaman 2", "Rumah Bertahan di Halaman 2"),
        # rule "page switch at the end": no separator, not after a preposition
        ("Jadwal KRL Bandung Raya Terbaru Halaman 2", "Jadwal KRL Bandung Raya Terbaru"),
        # rule "channel word"
        ("Jadwal KRL Bandung Raya Terbaru - Berita - Kabar Test", "Jadwal KRL Bandung Raya Terbaru"),
    ],
)
def test_title_loses_its_page_switch(og_title: str, title: str) -> None:
    tree = decode.parse(_page([("head", f"<meta property='og:title' content='{og_title}'>", None)]))
    assert metadata.extract(tree, GENERIC_LAYOUT, BASE, ["Kabar Test"]).title == title


@pytest.mark.parametrize(
    ("og_title", "title"),
    [
        # rule "rubric before the headline": a section label before the <h1>'s words
        ("OPINI: Pete-pete dan Masa Depan Transportasi Makassar",
         "Pete-pete dan Masa Depan Transportasi Makassar"),
        ("Infografis - Pete-pete dan Masa Depan Transportasi Makassar",
         "Pete-pete dan Masa Depan Transportasi Makassar"),
        ("FOTO | Pete-pete dan Masa Depan Transportasi Makassar",
         "Pete-pete dan Masa Depan Transportasi Makassar"),
        # a speaker before the headline, not a rubric: the metadata's title stays
        ("Danny Pomanto: Pete-pete dan Masa Depan Transportasi Makassar",
         "Danny Pomanto: Pete-pete dan Masa Depan Transportasi Makassar"),
    ],
)
def test_title_loses_its_rubric(og_title: str, title: str) -> None:
    tree = decode.parse(_page([("head", f"<meta property='og:title' content='{og_title}'>", None),
                               ("body", "<h1>Pete-pete dan Masa Depan Transportasi Makassar</h1>", None)]))
    assert metadata.extract(tree, GENERIC_LAYOUT, BASE, ["Kabar Test"]).title == title


# --- rule "credit lines outside the body" -------------------------------------------------------


@pytest.mark.parametrize(
    ("box", "authors", "editors"),
    [
        ("<div class='page-redaksi'><p>Redaktur : Ragil</p><p>Reporter : Fathan Sinaga</p></div>",
         ["Fathan Sinaga"], ["Ragil"]),
        ("<div class='read__editor'>Editor: Dhimas Ginanjar<br>Reporter: Folly Akbar</div>",
         ["Folly Akbar"], ["Dhimas Ginanjar"]),
        ("<div class='meta'>Kamis 24 Ramadhan 1445 / 04 April 2024 17:10 WIB<br>"
         "Rep: Zulkifli Anwar/ Red: Nurul Hikmah</div>", ["Zulkifli Anwar"], ["Nurul Hikmah"]),
        ("<div class='detail-author'>Penulis: <a href='/penulis/andi'>Andi M. Arief</a></div>",
         ["Andi M. Arief"], []),
        # a label in an element of its own, the name in the next one
        ("<div class='editor'><span>Editor:</span> <a>Petir Garda Bhwana</a></div>", [],
         ["Petir Garda Bhwana"]),
        ("<table><tr><td><strong>Reporter :</strong> Issa Harum</td></tr></table>", ["Issa Harum"], []),
        # a photo story's maker
        ("<div class='meta'><span>Foto/Teks: Iggoy el Fitra</span></div>", ["Iggoy el Fitra"], []),
        # each credit in an element of its own, the next one opened by their separator
        ("<div class='red-rep'><span>Rep: Dian Fath Risalah </span>"
         "<span>/ Red: Satria Kartika Yudha</span></div>", ["Dian Fath Risalah"], ["Satria Kartika Yudha"]),
        ("<div class='credit'><span>Reporter: Rina Amalia</span><span>| Editor: Budi Santoso</span></div>",
         ["Rina Amalia"], ["Budi Santoso"]),
        # a link's text and a sentence with a colon are no credit
        ("<ul><li><a href='/x'>Editor: Pilihan Pekan Ini</a></li></ul><p>Laporan: polisi menerima aduan.</p>",
         [], []),
    ],
)  # fmt: skip
def test_credit_lines_outside_the_body(box: str, authors: list[str], editors: list[str]) -> None:
    """A credit box printed apart from the story (above or below it) names its people when the
    structured data does not: authors as the byline, editors as the metadata's."""
    tree = decode.parse(_page([("body", box, None)]))
    found = metadata.extract(tree, GENERIC_LAYOUT, BASE, [])
    assert (found.byline, found.editors) == (authors, editors)


def test_credit_lines_yield_to_structured_data() -> None:
    box = "<div class='read__editor'>Editor: Dhimas Ginanjar<br>Reporter: Folly Akbar</div>"
    tree = decode.parse(_page([("body", box, None), *ORDER["authors"][1:2], *ORDER["editors"][1:2]]))
    found = metadata.extract(tree, GENERIC_LAYOUT, BASE, [])
    assert found.authors == ["Dedi Kurnia", "Sari Dewi"] and found.byline == []
    assert found.editors == ["Fajar Nugroho"]


@pytest.mark.parametrize(("lang", "read"), [("id", True), ("id-ID", True), ("", True), ("en", False)])
def test_credit_lines_are_looked_for_on_pages_that_may_be_indonesian(lang: str, read: bool) -> None:
    box = "<div class='read__editor'>Editor: Dhimas Ginanjar<br>Reporter: Folly Akbar</div>"
    html = _page([("body", box, None)]).replace("<html>", f"<html lang='{lang}'>" if lang else "<html>")
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, [])
    assert (found.editors == ["Dhimas Ginanjar"]) is read


def test_credit_lines_on_an_english_page_with_an_indonesian_clock() -> None:
    """Rule "Indonesian clock": an English edition of an Indonesian newsroom (its structured time at
    +07:00) prints the same credit boxes."""
    box = "<div class='editor'><span>Editor:</span> <a>Petir Garda Bhwana</a></div>"
    head = "<meta property='article:published_time' content='2024-03-27T13:05:00+07:00'>"
    html = _page([("head", head, None), ("body", box, None)]).replace("<html>", "<html lang='en'>")
    assert metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, []).editors == ["Petir Garda Bhwana"]
    html = html.replace("+07:00", "-05:00")
    assert metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, []).editors == []


# --- rules "reference and organisation", "desk as author", "name and date" (issue #14) ----------


@pytest.mark.parametrize(
    ("ld", "authors"),
    [
        # Yoast's reference to a node of the graph: that node's name
        ({"author": {"@id": "https://kabar.test/#/schema/person/b40a"}}, ["Stephanie Wulan"]),
        # a reference to nothing on the page: no name (its address is none)
        ({"author": {"@id": "https://kabar.test/#/schema/person/none"}}, []),
        # the newsroom crediting itself: no person
        ({"author": {"@type": "NewsMediaOrganization", "name": "BBC News Indonesia"}}, []),
        ({"author": [{"@type": "Organization", "name": "Kabar Test"},
                     {"@type": "Person", "name": "Rina Kusuma"}]}, ["Rina Kusuma"]),
    ],
)  # fmt: skip
def test_json_ld_author_references_and_organisations(ld: dict, authors: list[str]) -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Banjir Rob", **ld},
        {"@type": "Person", "@id": "https://kabar.test/#/schema/person/b40a",
         "name": "Stephanie Wulan"}]}  # fmt: skip
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(graph)}</script></head>"
            "<body><p>Teks berita.</p></body></html>")  # fmt: skip
    assert metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, []).authors == authors


def _found(sources: list[tuple[str, Any, Any]]) -> metadata.Metadata:
    return metadata.extract(decode.parse(_page(sources)), GENERIC_LAYOUT, BASE, [])


def test_a_desk_as_author_leaves_the_credit_lines_to_name_the_reporter() -> None:
    box = ("<div class='meta-detail'><div>Reporter: <b>Aditya Nugraha</b></div>"
           "<div>Editor: <b>Rusdiansyah</b></div></div>")
    head = "<meta name='author' content='Redaksi Kabar Test'>"
    found = _found([("head", head, None), ("body", box, None)])
    assert (found.authors, found.byline, found.editors) == ([], ["Aditya Nugraha"], ["Rusdiansyah"])
    # a person named by the structured data is kept, the credit box is not read for authors
    head = "<meta name='author' content='Agus Salim'>"
    found = _found([("head", head, None), ("body", box, None)])
    assert (found.authors, found.byline) == (["Agus Salim"], [])


@pytest.mark.parametrize(
    ("body", "byline"),
    [
        ("<div class='author'><a>Fachri Audhia Hafiez</a> &bull; 13 Maret 2024 14:20</div>",
         ["Fachri Audhia Hafiez"]),
        ("<ul class='byline'><li><div>Rina Kusumawati</div><div>Wartawan BBC News Indonesia</div></li></ul>",
         ["Rina Kusumawati"]),
        ("<span class='byline'>Oleh <a>Dewi Lestari</a></span>", ["Dewi Lestari"]),
        ("<div class='author-list'><span>Oleh</span> <a>Khairul Anam</a></div>", ["Khairul Anam"]),
        ("<div class='amp-byline'>Dewi Lestari</div>", ["Dewi Lestari"]),
    ],
)  # fmt: skip
def test_the_dom_byline_without_its_date_and_desk(body: str, byline: list[str]) -> None:
    found = metadata.extract(decode.parse(_page([("body", body, None)])), GENERIC_LAYOUT, BASE, [])
    assert people.people(found.byline) == byline  # (the record's names: "Oleh" is no name)


@pytest.mark.parametrize(
    ("body", "byline"),
    [
        ("<div class='post-meta'>Diposting oleh <a>Yulius Wenda</a> pada 14 Maret 2024, 16:45 WIT</div>",
         ["Yulius Wenda"]),
        ("<div class='meta'>Ditulis oleh Rina Pratiwi | 14 Maret 2024</div>", ["Rina Pratiwi"]),
        ("<p>Bantuan itu ditulis oleh panitia dalam daftar penerima.</p>", []),
        # rule "oleh line"
        ("<div class='meta-info'><span>Oleh Budi Santoso - Senin, 8 Januari 2024 14:30 WIB</span></div>",
         ["Budi Santoso"]),
        ("<div><span>Oleh: <a>Rina Amalia</a> | 2 jam lalu</span></div>", ["Rina Amalia"]),
        ("<p>Oleh Presiden Jokowi, jembatan itu diresmikan.</p>", []),
        # Blogger's English footer, and Javanese: "Dening:", "Kaserat dening"
        ("<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>Arfan "
         "Lamasitudju</span></span> <span class='post-timestamp'>at 8:15 PM</span></div>",
         ["Arfan Lamasitudju"]),
        ("<div class='post-author'>Dening: <b>Sugeng Wiyono</b></div>", ["Sugeng Wiyono"]),
        ("<span class='post-author vcard'>Kaserat dening <span class='fn'>Sri Widayati</span></span>",
         ["Sri Widayati"]),
        ("<p>Dening Bupati, dalan iku diresmekake.</p>", []),
        ("<div class='now-meta'><span class='words'>Words by <a href='#'>Stefani Amelia</a></span> "
         "<span class='sep'>&bull;</span> <span class='date'>November 30, 2026</span></div>",
         ["Stefani Amelia"]),
        # the byline after the row's date: under a <br>, after a middle dot; not inside a sentence
        ("<div class='print-meta'>Selasa, 05 Maret 2024 - 09:15 WIB<br>Oleh: <b>Asep Supiandi</b></div>",
         ["Asep Supiandi"]),
        ("<div class='postinfo'>05/03/2024 &middot; oleh <a>Windi Kurniawan</a> &middot; Kategori: "
         "<a>Kopi</a></div>", ["Windi Kurniawan"]),
        ("<p>Jembatan itu dibangun oleh Pemerintah Kabupaten Sleman pada 2020.</p>", []),
        ("<div class='info'>Jembatan itu dibangun oleh Pemerintah Kabupaten Sleman pada 2020.</div>", []),
        ("<div class='isi'>Warga bergotong royong.<br>Jembatan itu dibangun oleh Pemerintah Kabupaten Sleman "
         "pada 2020.<br>Kini ramai dilalui.</div>", []),
        ("<p>Posted by the regency on its site, the notice says the bridge closes.</p>", []),
    ],
)  # fmt: skip
def test_posted_by_line(body: str, byline: list[str]) -> None:
    """Rule "posted by": a blog theme's "Diposting oleh Name pada date" names the author."""
    assert _found([("body", body, None)]).byline == byline


@pytest.mark.parametrize(
    ("canonical", "base", "domains", "want"),
    [
        # the site's own hosts: another sub-domain, the AMP copy, a registered name under .co.id
        ("https://www.kompas.com/a", "https://amp.kompas.com/a", (), "https://www.kompas.com/a"),
        ("https://jatim.tribunnews.com/x", "https://m.tribunnews.com/x", (), "https://jatim.tribunnews.com/x"),
        ("https://berita.kabar.co.id/a", "https://kabar.co.id/a", (), "https://berita.kabar.co.id/a"),
        # another outlet's article: the page's own URL is its identity
        ("https://www.kompas.com/a", "https://kabarpalsu.example/a", (), "https://kabarpalsu.example/a"),
        ("https://lain.co.id/a", "https://kabar.co.id/a", (), "https://kabar.co.id/a"),
        ("https://b.blogspot.com/p", "https://a.blogspot.com/p", (), "https://a.blogspot.com/p"),
        ("http://10.0.0.1/a", "http://127.0.0.1/a", (), "http://127.0.0.1/a"),
        # a domain the site declares is its own
        ("https://kabar.id/a", "https://kabar.co.id/a", ("kabar.co.id", "kabar.id"), "https://kabar.id/a"),
    ],
)  # fmt: skip
def test_the_canonical_url_is_the_site_s_own(canonical: str, base: str, domains: tuple, want: str) -> None:
    """Rule "the site's own canonical": an untrusted page that names another site's article as its
    canonical URL does not take that article's id (it could displace it in a dataset)."""
    from lxml import html

    tree = html.fromstring(f"<html><head><link rel='canonical' href='{canonical}'></head></html>")
    assert metadata.canonical_url(metadata.read(tree), base, domains) == want


# --- batch u2's credit and byline forms, as families ---------------------------------------------


@pytest.mark.parametrize(
    ("box", "authors", "editors"),
    [
        # names parted by a middle dot, a date after a line break
        ("<div class='detail__meta'>Reporter: <b>Andhika Attar</b> &middot; Editor: <b>Adi Nugroho</b><br>"
         "15 Maret 2024, 14:05 WIB</div>", ["Andhika Attar"], ["Adi Nugroho"]),
        ("<div class='meta'><span>Penulis: <a>Rina Amalia</a> &bull; Editor: <a>Budi Santoso</a>"
         "</span></div>", ["Rina Amalia"], ["Budi Santoso"]),
        # a date straight after the name
        ("<div class='meta'><span>Editor:</span> Dewi Lestari 8 Januari 2024, 10:00 WIB</div>", [],
         ["Dewi Lestari"]),
        # a contact in brackets after the name
        ("<p><strong>Editor: Parluhutan Situmorang (parluhutan@investor.id)</strong></p>", [],
         ["Parluhutan Situmorang"]),
        ("<div class='credit'>Penulis: Yogi Saputra (Twitter: @yogisap)</div>", ["Yogi Saputra"], []),
    ],
)  # fmt: skip
def test_credit_lines_parted_dated_and_with_contacts(
    box: str, authors: list[str], editors: list[str]
) -> None:
    found = metadata.extract(decode.parse(_page([("body", box, None)])), GENERIC_LAYOUT, BASE, [])
    assert (people.people(found.byline), people.people(found.editors)) == (authors, editors)


def test_the_first_of_the_byline() -> None:
    """Rule "first of the byline": ``<meta name=author>`` names one person, the author element names
    that person first among several: the element's names."""
    head = "<meta name='author' content='Sahrul Alim'>"

    def box(line: str) -> str:
        return f"<article class='detail'><h1>Perang Kelompok di Makassar</h1>{line}<p>Teks.</p></article>"

    def authors(line: str) -> list[str]:
        return people.people(_found([("head", head, None), ("body", box(line), None)]).authors)

    assert authors("<div class='detail__author'>Sahrul Alim, Nur Asmi - detikSulsel</div>") == [
        "Sahrul Alim", "Nur Asmi"]  # fmt: skip
    assert authors("<span class='author'>Sahrul Alim dan Nur Asmi</span>") == ["Sahrul Alim", "Nur Asmi"]
    for line in [
        "<div class='detail__author'>Nur Asmi, Sahrul Alim - detikSulsel</div>",  # another first name
        "<div class='detail__author'>Sahrul Alim - detikSulsel</div>",  # one name only
        # (an author's bio is no list: its other parts are no names)
        "<div class='author'>Sahrul Alim, Makassar, menulis liputan kriminal sejak 2010</div>",
    ]:
        assert authors(line) == ["Sahrul Alim"]
    # (outside the headline's box: a teaser's authors)
    teaser = ("<div><h1>Perang Kelompok</h1></div>"
              "<aside><div class='author'>Sahrul Alim, Nur Asmi</div></aside>")
    assert _found([("head", head, None), ("body", teaser, None)]).authors == ["Sahrul Alim"]


def test_a_bem_author_element_and_a_desk_beside_the_headline() -> None:
    """The first BEM element named author ("read__info__author") when no common author class is
    there; on a page whose structured author is its desk, only author elements in the headline's
    box are read (an author class elsewhere may hold a photo's credit)."""
    head = "<meta name='author' content='Radar Test'><meta property='og:site_name' content='Radar Test'>"
    box = ("<div class='read__header'><h1>Melasti di Pantai Sanur</h1><div class='read__info'>"
           "<div class='read__info__author'>Putu Agus Adegrantika</div></div></div>")
    found = _found([("head", head, None), ("body", box, None)])
    assert (found.authors, people.people(found.byline, ["Radar Test"])) == ([], ["Putu Agus Adegrantika"])
    credit = ("<div class='read__header'><h1>Melasti di Pantai Sanur</h1></div>"
              "<div class='photo'><span class='author'>KOMPAS.COM/MASRIADI</span></div>")
    assert _found([("head", head, None), ("body", credit, None)]).byline == []
    assert _found([("body", credit, None)]).byline == ["KOMPAS.COM/MASRIADI"]  # (no desk: as before)


@pytest.mark.parametrize(
    ("names", "persons"),
    [(["European Space Agency", "Rina Amalia"], ["Rina Amalia"]),
     (["Kementerian Keuangan"], []), (["Institut Teknologi Bandung", "Budi Santoso"], ["Budi Santoso"]),
     (["Agus Salim, Universitas Indonesia"], ["Agus Salim"]),
     (["Parluhutan Situmorang (parluhutan@investor.id)", "Rina <rina@kabar.test>"],
      ["Parluhutan Situmorang", "Rina"]), (["redaksi@kabar.test"], [])],
)  # fmt: skip
def test_institutions_and_contacts_are_no_names(names: list[str], persons: list[str]) -> None:
    assert people.people(names) == persons


# --- rule "writer beside the headline" ------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "byline"),
    [
        ("<div class='writer'><span>Denada S Putri</span></div>", ["Denada S Putri"]),
        ("<div class='detail-nama-redaksi'><a>Nanda Aulia</a></div>", ["Nanda Aulia"]),
        ("<span class='meta'><i class='fa fa-user'></i>Sri Wahyuni</span>", ["Sri Wahyuni"]),
        # a link to the writer's page in a row of hashed classes
        ("<div class='css-au7h0r'><a class='css-9k8j7h' href='/author/trio-hamdani'>Trio Hamdani</a>"
         "<span class='css-9k8j7h'>Diterbitkan 4 Mar 2024, 12:17 WIB</span></div>", ["Trio Hamdani"]),
        # the writer's own role after a comma, the date after a middle dot
        ("<div class='reporter'><div class='namerep'><a>Kevi Laras</a>, Jurnalis · <b>Senin 4 Maret 2024 "
         "12:34 WIB</b></div></div>", ["Kevi Laras"]),
        # a desk, a long line; a writer's box away from the headline (the sidebar's): no writer
        ("<div class='redaksi'>Tim Redaksi</div>", []),
        ("<div class='penulis'>Rina Amalia adalah wartawan yang meliput isu lingkungan sejak 2015 di Jawa"
         " Tengah</div>", []),
        ("", []),
    ],
)  # fmt: skip
def test_writer_beside_the_headline(row: str, byline: list[str]) -> None:
    """A name with no label beside the headline, in an element whose class names its writer in the
    site's words or that opens with a person icon, is the byline (on a page that may be
    Indonesian, when nothing else names the author)."""
    html = (f"<html lang='id'><head><title>Banjir rob</title></head><body><div class='head'>"
            f"<h1>Banjir rob genangi pesisir</h1>{row}</div><div class='isi'><p>Teks berita.</p></div>"
            "<div class='side'><div class='writer'>Budi Santoso</div></div></body></html>")  # fmt: skip
    tree = decode.parse(html)
    assert metadata.extract(tree, GENERIC_LAYOUT, BASE, []).byline == byline


def test_the_outlet_s_name_without_its_news_is_no_person() -> None:
    """"Oleh Siwalima" on siwalimanews.com names the outlet (its label without "news"), not a
    reporter; a person of two names, or a word that is not the label's opening, stays a person."""
    brands = ["siwalimanews.com", "siwalimanews"]
    assert people.people(["Siwalima"], brands) == []
    assert people.people(["Siwalima Putri"], brands) == ["Siwalima Putri"]
    assert people.people(["Hendra"], ["medanbisnisdaily", "medanbisnisdaily.com"]) == ["Hendra"]


def test_the_byline_beside_a_wrapped_headline() -> None:
    """Rule "desk as author": with a desk as the structured author, the author element beside the
    headline names the reporter, though the headline stands alone in two frames of its own (a
    wrapped theme): its box is the first frame around it holding more than it."""
    html = ("<html><head><meta name='author' content='Redaksi'><title>Hotel di Balige Penuh</title></head>"
            "<body><div class='card'><div class='title-wrap'><div class='title-wrap__in'>"
            "<h1>Hotel di Balige Penuh Selama Kejuaraan</h1></div></div>"
            "<div class='meta'><div class='meta__author'>Oleh <b>Hendra Sitompul</b></div></div>"
            "<p>Penyelenggaraan tahun ini berdampak langsung pada tingkat hunian hotel di Balige.</p>"
            "</div><div class='teaser'><span class='author'>Rina Lestari</span></div></body></html>")
    meta = metadata.extract(decode.parse(html), GENERIC_LAYOUT, "https://medanbisnis.example/a", [], ())
    assert meta.byline == ["Oleh Hendra Sitompul"] or people.people(meta.byline) == ["Hendra Sitompul"]


@pytest.mark.parametrize("label", ["Posted by", "Diposting oleh"])
def test_a_blog_s_byline_beside_its_post_title(label: str) -> None:
    """A blog's post: the ``<h1>`` is the blog's name, the headline an ``<h3 class="post-title">``
    under it, the structured author a desk ("Admin …"), a byline row of labels first ("Label:
    <a>Kegiatan</a>"), then "Posted by <span class="fn">Name</span>": the byline beside the heading
    that prints the title names the writer; the label alone and the labels' row name nobody."""
    html = ("<html><head><title>Santri Gelar Upacara HUT RI</title><script type='application/ld+json'>"
            '{"@type": "BlogPosting", "headline": "Santri Gelar Upacara HUT RI", '
            '"author": {"@type": "Person", "name": "Admin PP Darul Falah"}}</script></head><body>'
            "<header><h1 class='blog-title'><a href='/'>Pondok Pesantren Darul Falah</a></h1></header>"
            "<div class='post'><div class='post-header'><span class='byline post-labels'>Label: "
            "<a>Kegiatan</a>, <a>Santri</a></span></div>"
            "<h3 class='post-title'>Santri Gelar Upacara HUT RI</h3>"
            f"<div class='post-header'><span class='byline post-author vcard'>{label} "
            "<span class='fn'>Ahmad Fauzan</span></span></div>"
            "<div class='post-body'><p>Ratusan santri mengikuti upacara bendera di halaman pondok.</p></div>"
            "</div></body></html>")
    meta = metadata.extract(decode.parse(html), GENERIC_LAYOUT, "https://darulfalah.example/2024/08/a.html",
                            [], ())
    assert people.people(meta.authors + meta.byline) == ["Ahmad Fauzan"]


def test_a_review_s_structured_author_and_a_platform_credit() -> None:
    """A review (schema.org ``Review``) is an article: its ``author`` is the writer; a platform a
    photo is credited to ("Facebook" in an author class over the picture) is no person."""
    html = ("<html><head><title>Review Film</title><script type='application/ld+json'>"
            '{"@type": "Review", "name": "Review Film", '
            '"author": {"@type": "Person", "name": "Dhika Prasetya"}}</script></head><body>'
            "<h1>Review Film</h1><p>Film ini bercerita tentang nelayan.</p></body></html>")
    meta = metadata.extract(decode.parse(html), GENERIC_LAYOUT, "https://film.example/review", [], ())
    assert meta.authors == ["Dhika Prasetya"]
    assert people.people(["Facebook"]) == [] and people.people(["Instagram @warga"]) == []


@pytest.mark.parametrize("office", ["Diskominfo Wonosobo", "Humas Pemkab Sleman", "Biro Adpim Setda Kalbar",
                                    "Dinas Pendidikan", "humaspolrestengah", "adminweb", "Puspenkum",
                                    "Puspen Kemendagri", "Dispenad",
                                    # an organisation's division signing its report (revision 49)
                                    "Divisi Pemantauan Impunitas", "Departemen Riset", "Bidang Advokasi"])
def test_a_government_office_is_no_person(office: str) -> None:
    """An office named as the writer ("Ditulis oleh Diskominfo Wonosobo") is an organisation."""
    assert people.people([office]) == []
    assert people.people(["Rina Humaira"]) == ["Rina Humaira"]  # (a name that holds "huma…")
    assert people.people(["Humas"]) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pacu jawi ka diadokan baliak di Nagari Sungai Tarab. Baliau bakato bahaso urang kampuang alah "
         "siap manyambuik tamu nan datang dari lua nagari. Kato baliau, acara ko indak hanyo untuak "
         "urang kampuang, tapi juo untuak wisatawan nan ado di Sumatera Barat.", "min"),
        ("Krama Desa Adat Kuta ngamargiang upacara melasti ring Pantai Kuta. Bendesa adat ngaturang "
         "pangaksama santukan margi ring genah punika katutup. Upacara puniki sampun kalaksanayang "
         "nyabran warsa, tur krama sane rauh saking sajebag desa taler ngiring ngaturang bakti.", "ban"),
    ],
)
def test_a_regional_language_by_its_function_words(text: str, lang: str) -> None:
    """Rule "regional language by its function words": Minangkabau and Balinese, which py3langid
    does not know (it read them as Malay, so Indonesian, and as Javanese), whatever the page
    declares; an Indonesian paragraph stays Indonesian."""
    assert metadata.language(text, "id") == lang
    assert metadata.language(text, None) == lang
    indonesian = ("Pemerintah kabupaten menyalurkan bantuan beras kepada warga yang terdampak banjir di "
                  "tiga kecamatan. Bantuan itu diserahkan langsung oleh bupati dan akan dilanjutkan pekan "
                  "depan untuk warga di desa lain yang juga terdampak.")
    assert metadata.language(indonesian, "id") == "id"


def test_credits_in_a_meta_row_after_its_date() -> None:
    """A meta row printing the date first, then the credits between bullets ("Senin, 10 Nov 2025
    11:27 WIB • Reporter : Ahmad Fauzi • Editor : Arry Saputra"): each credit is read."""
    html = ("<html><head><title>Judul</title></head><body><h1>Judul Berita Hari Ini</h1>"
            "<div class='meta'>Senin, 10 Nov 2025 11:27 WIB &bull; Reporter : Ahmad Fauzi &bull; "
            "Editor : Arry Saputra</div><p>Isi berita.</p></body></html>")
    assert metadata.credit_lines(decode.parse(html)) == (["Ahmad Fauzi"], ["Arry Saputra"])


def test_the_byline_s_labels_tell_who_wrote() -> None:
    """Rule "first of the byline" with its labels: "Penulis : A | Editor : B" beside the headline
    under a structured author A names A alone as the writer, B being the editor."""
    head = "<meta name='author' content='Vyara Lestari'>"
    box = ("<article><h1>Erupsi Gunung Lewotobi</h1><div class='ktv-author'>Penulis : Vyara Lestari | "
           "Editor : Gading Persada</div><p>Teks.</p></article>")
    assert people.people(_found([("head", head, None), ("body", box, None)]).authors) == ["Vyara Lestari"]


@pytest.mark.parametrize("label", ["Laporan oleh", "Liputan oleh", "Reported by"])
def test_a_writer_s_row_read_past_its_label(label: str) -> None:
    """Rule "writer beside the headline": "Laporan oleh <b>Risky Pratama</b>" in the writer's
    element names Risky Pratama (the label is no part of the name)."""
    html = (f"<html lang='id'><head><title>Pohon tumbang</title></head><body><div class='head'>"
            f"<h1>Pohon tumbang di Jalan Diponegoro</h1><div class='ss-penulis'>{label} <b>Risky Pratama</b>"
            "</div></div><div class='isi'><p>Teks berita.</p></div></body></html>")
    tree = decode.parse(html)
    assert people.people(metadata.extract(tree, GENERIC_LAYOUT, BASE, []).byline) == ["Risky Pratama"]


@pytest.mark.parametrize(
    ("lang", "ours"),
    [("id", True), ("id-ID", True), ("id_ID", True), ("ind", True), ("jv", True), ("su-ID", True),
     ("ban", True), ("en", False), ("en-US", False), ("ms-MY", False), ("ba", False)],
)  # fmt: skip
def test_the_regional_languages_sections_are_ours(lang: str, ours: bool) -> None:
    """A page declaring Javanese, Sundanese or another of Indonesia's regional languages gets the
    Indonesian credit lines looked for, as an Indonesian page does; a Malaysian page does not."""
    tree = decode.parse(f"<html lang='{lang}'><head><title>x</title></head><body><p>x</p></body></html>")
    assert metadata.may_be_indonesian(tree, metadata.read(tree)) is ours


@pytest.mark.parametrize(
    ("row", "byline"),
    [("<span class='gt-author'>Dimas Nur Faizin</span>", ["Dimas Nur Faizin"]),
     ("<div class='meta-label'>Ditulis oleh</div><div class='meta-author'>Galih Permana</div>",
      ["Galih Permana"]),
     # a name under another role's label is no writer
     ("<div class='info-author'>Editor : <a class='author'>Indriyani Astuti</a></div>", [])],
)  # fmt: skip
def test_a_writer_s_element_named_author_beside_the_headline(row: str, byline: list[str]) -> None:
    html = (f"<html lang='id'><head><title>Banjir rob</title></head><body><div class='head'>"
            f"<h1>Banjir rob genangi pesisir</h1><div class='meta'>{row}</div></div>"
            "<div class='isi'><p>Teks berita.</p></div></body></html>")
    assert metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, []).byline == byline


def test_an_english_edition_s_credit_lines_by_its_zoned_byline() -> None:
    """An English page with no structured time whose byline prints "15:20 WIB": its "Reporter: …"
    credit is read as an Indonesian page's is."""
    html = ("<html lang='en'><head><title>BI holds rate</title></head><body><div class='head'><h1>BI "
            "holds rate</h1><div class='news-meta'><span class='by'>Reporter: <a href='/a/ayu'>"
            "Ayu Lestari</a></span> <span>Wednesday, November 19, 2025 | 15:20 WIB</span></div></div>"
            "<div class='isi'><p>Text.</p></div></body></html>")
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, [])
    assert people.people(found.byline) == ["Ayu Lestari"]


@pytest.mark.parametrize(
    ("declared", "lang"), [("su", "su"), ("jv-ID", "jv"), ("id", "jv"), (None, "jv"), ("en", "jv")]
)
def test_a_declared_regional_language_is_believed(declared: str | None, lang: str) -> None:
    """A page declaring Sundanese is Sundanese when its text is neither plainly Indonesian nor
    English (the model reads Sundanese as Javanese); a declaration of Indonesian or English does
    not overrule the text."""
    text = ("Ratusan barudak ti sakuliah Kota Bandung ngariung di Taman Saparua dina raraga Festival "
            "Kaulinan Barudak. Aranjeunna ngadu gasing, ucing sumput, jeung galah asin bari diiringan ku "
            "kendang penca.")
    got = metadata.language(text, declared)
    assert got == (lang if declared not in (None, "id", "en") else metadata.language(text))


@pytest.mark.parametrize(
    ("host", "raw", "headline"),
    [("lumajangkab.go.id", "Pemkab Lumajang - Bupati Salurkan 1.200 Paket Sembako",
      "Bupati Salurkan 1.200 Paket Sembako"),
     ("malangkota.go.id", "Bupati Salurkan 1.200 Paket Sembako | Pemerintah Kota Malang",
      "Bupati Salurkan 1.200 Paket Sembako"),
     # a title naming another region stays whole
     ("lumajangkab.go.id", "Pemkab Jember - Bupati Salurkan 1.200 Paket Sembako",
      "Pemkab Jember - Bupati Salurkan 1.200 Paket Sembako")],
)  # fmt: skip
def test_a_government_site_s_name_off_its_titles(host: str, raw: str, headline: str) -> None:
    """A regency's or a city's site ("lumajangkab.go.id") names itself in its titles as its
    government ("Pemkab Lumajang", "Pemerintah Kota Malang"): not the headline's."""
    label = host.split(".")[0]
    assert metadata.strip_site_suffix(raw, [host, label]) == headline


def test_the_title_s_site_part() -> None:
    tree = decode.parse("<html><head><title>Harga Cengkih Tembus Rp120 Ribu – Ambon Ekspres</title></head>"
                        "<body><p>x</p></body></html>")
    assert metadata.title_site_part(tree, "Harga Cengkih Tembus Rp120 Ribu") == "Ambon Ekspres"
    assert metadata.title_site_part(tree, None) is None


def test_a_question_and_answer_column_s_writer_is_the_answer_s() -> None:
    """A legal column's QAPage: the writer is the accepted answer's author (her degree off), not
    the reader who asked; her role's label printed beside her name is no second name."""
    ld = {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": {
        "@type": "Question", "name": "Kontrak lima tahun", "author": {"@type": "Person", "name": "Penanya"},
        "acceptedAnswer": {"@type": "Answer", "author": {"@type": "Person",
                                                         "name": "Bernadetha Aurelia Oktavira, S.H."}}}}
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
            "<div class='head'><h1>Kontrak lima tahun</h1><div class='klinik-author'><span class='name'>"
            "Bernadetha Aurelia Oktavira, S.H.</span><span class='role'>Si Pokrol</span></div></div>"
            "<p>Teks jawaban.</p></body></html>")
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, [])
    assert people.people(found.authors) == ["Bernadetha Aurelia Oktavira"]


def test_a_recipe_s_author() -> None:
    ld = {"@context": "https://schema.org/", "@type": "Recipe", "name": "Ayam Garang Asem",
          "author": {"@type": "Person", "name": "Dina Marlina"}}
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
            "<h1>Ayam Garang Asem</h1><p>Teks resep.</p></body></html>")
    assert metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, []).authors == ["Dina Marlina"]


@pytest.mark.parametrize(("value", "names"), [
    ("Rina Amalia, S.Kom., M.T.", ["Rina Amalia"]), ("Budi Santoso, Ph.D.", ["Budi Santoso"]),
    ("Editor", []), ("Penulis", []),
])
def test_degrees_and_bare_role_labels(value: str, names: list[str]) -> None:
    assert people.people([value]) == names


def test_a_headline_named_by_its_class_under_a_generic_title() -> None:
    """A ministry's page: no <h1>, no og:title, a <title> that is only the site's ("Kementerian
    Pertanian - Berita"): the heading whose class names a headline is the title, and the date
    line beside it is read."""
    html = ("<html><head><title>Kementerian Pertanian - Berita</title></head><body><div id='left'>"
            "<h3 class='widget'>Berita Terbaru Minggu Ini</h3>"
            "<div class='news-detail'><h3 class='news-title'>Kementan Percepat Tanam Padi di Lahan Rawa</h3>"
            "<div class='news-info'>Diposting oleh : Admin Humas | Kamis, 27 November 2025 10:00</div>"
            "<div class='news-content'><p>Teks berita.</p></div></div></div></body></html>")
    found = metadata.extract(decode.parse(html), GENERIC_LAYOUT, BASE, ["Kementerian Pertanian"])
    assert found.title == "Kementan Percepat Tanam Padi di Lahan Rawa"


def test_a_label_glued_to_the_name() -> None:
    assert people.people(["PenulisArief Nugroho"]) == ["Arief Nugroho"]
    assert people.people(["Penulisan Baru"]) == ["Penulisan Baru"]


def _story_page(head: str, h1: str = "Comeback Dramatis, Aston Villa Tekuk Brighton 3-2") -> str:
    return (f"<html><head>{head}</head><body><div class='wrap'><h1>{h1}</h1>"
            "<p>Teks berita.</p></div></body></html>")


def test_structured_data_of_another_story_is_not_the_page_s() -> None:
    """Rule "structured data of another story": the template's JSON-LD describes a related story
    (its headline names another story than the <h1> and the <title> do): neither its headline nor
    its author is the page's."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Prediksi Aston Villa vs Brighton: Ujian Berat Tuan Rumah",
          "author": {"@type": "Person", "name": "Galih Prasetyo"},
          "datePublished": "2025-11-20T08:00:00+07:00"}
    head = (f"<title>Bolatimes.com | Comeback Dramatis, Aston Villa Tekuk Brighton 3-2</title>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    found = metadata.extract(decode.parse(_story_page(head)), GENERIC_LAYOUT, BASE, ["Bolatimes.com"])
    assert found.title == "Comeback Dramatis, Aston Villa Tekuk Brighton 3-2"
    assert "Galih Prasetyo" not in found.authors
    # the same node whose headline is the <h1>'s story (an SEO rewording) is the page's
    ld["headline"] = "Aston Villa Tekuk Brighton 3-2 Lewat Comeback Dramatis"
    head = f"<title>Bolatimes.com</title><script type='application/ld+json'>{json.dumps(ld)}</script>"
    found = metadata.extract(decode.parse(_story_page(head)), GENERIC_LAYOUT, BASE, ["Bolatimes.com"])
    assert found.authors == ["Galih Prasetyo"]


@pytest.mark.parametrize("og", ["Dunia Islam - Arrahmah.id", "News – Korlantas Polri"])
def test_a_section_s_og_title_is_no_headline(og: str) -> None:
    """Rule "section's title": an og:title of a word or three (its site's name aside) that the
    <h1> does not hold names the page's section."""
    h1 = "Relawan Indonesia Salurkan Air Bersih ke Kamp Pengungsi Khan Younis"
    head = f"<title>Arrahmah.id | {h1}</title><meta property='og:title' content='{og}'>"
    found = metadata.extract(decode.parse(_story_page(head, h1)), GENERIC_LAYOUT, BASE,
                             ["Arrahmah.id", "Korlantas Polri"])
    assert found.title == h1


@pytest.mark.parametrize(
    ("values", "names"),
    [(["Rizky Tyas Pratiwi", "Rizky Tyas"], ["Rizky Tyas Pratiwi"]),
     (["Rizky Tyas", "Budi Santoso", "Rizky Tyas Pratiwi"], ["Rizky Tyas Pratiwi", "Budi Santoso"]),
     # a name with a dangling bracket is the name; two people who share a first name stay two
     (["Jeff Foust", "Jeff Foust ("], ["Jeff Foust"]),
     (["Ana Putri", "Ana Lestari"], ["Ana Putri", "Ana Lestari"]),
     # a column's star after the name
     (["Teuku Rizki Maulana*)", "Teuku Rizki Maulana"], ["Teuku Rizki Maulana"]),
     # an English label before the name
     (["Author: Rizky Anindita"], ["Rizky Anindita"]),
     # a brand desk's byline names no one
     (["Brand Content", "Content Studio", "Business Wire", "Konten Kerja Sama"], [])],
)  # fmt: skip
def test_each_person_once(values: list[str], names: list[str]) -> None:
    """A reporter's line names "Rizky Tyas", the byline "Rizky Tyas Pratiwi": one person, named
    whole, where the name first appears."""
    assert people.people(values) == names


def test_an_element_named_for_the_authors() -> None:
    """A class ending "-authors" ("pub-authors") is an author element, "Author:" its label; a group
    of author cards ("content-authors-group", names and roles) is read by its cards, not whole."""
    found = _found([("body", "<span class='pub-authors'>Author: <a href='/p/r'>Rizky Anindita</a></span>",
                     None)])
    assert people.people(found.authors + found.byline) == ["Rizky Anindita"]
    group = ("<div class='content-authors-group'><ul><li><a class='author-name'>Dewi Lestari Siregar</a>"
             "<p class='role'>Dosen Program Studi Kehutanan, Universitas Palangka Raya</p></li></ul></div>")
    found = _found([("body", group, None)])
    assert people.people(found.authors + found.byline) == ["Dewi Lestari Siregar"]


# --- bylines in rows a template forgot to close, and English bylines (revision 50) -----------------

_STORY = ("<p>Warga di pesisir utara kota itu mulai membersihkan rumah mereka setelah air surut pada "
          "Selasa pagi, sementara petugas gabungan mendata kerusakan di tiga kelurahan.</p>") * 4
_ENGLISH = ("<p>Residents along the northern coast began cleaning their homes after the water receded on "
            "Tuesday morning, while a joint team recorded the damage in three villages.</p>") * 4


def _cleaned(body: str, url: str = "https://kabarpesisir.test/berita/2026/12/01/banjir-surut",
             lang: str = "id") -> dict:
    import datetime as dt

    from kliping.clean import clean

    html = (f"<html lang='{lang}'><head><title>Banjir Surut di Pesisir Utara</title></head><body>"
            f"<div class='wrap'>{body}</div></body></html>")
    raw = {"body": html.encode(), "headers": {}, "url": url, "final_url": url, "site": "test",
           "fetched_at": dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), "run_id": "r", "fetch_id": "f"}
    return clean(raw)


@pytest.mark.parametrize(
    "row",
    [  # the writer's row never closed: the editor's row, the date and the story inside it
     "<div class='reporter'>Reporter: <b>Nurhaya Sarifa</b><div class='editor'>Editor: <b>Rustam Hasan</b>"
     "<div class='tgl'>Rabu, 02 Desember 2026 - 08:15 WIT</div>{story}</div></div>",
     # the label a run after a <br>, in a row that runs on into the story
     "<div class='meta'>Rabu, 02 Desember 2026 - 08:10 WIT<br>Reporter : <b>Nurhaya Sarifa</b>"
     "<br>Editor: <a>Rustam Hasan</a><div class='isi'>{story}</div></div>",
     # the credit straight after the row's clock, no bar; a counter's label after the name
     "<div class='meta'>Diterbitkan: Rabu, 02 Desember 2026 | 08:15 WITA&nbsp;&nbsp; Kontributor: "
     "Nurhaya Sarifa&nbsp;&nbsp; Dibaca: 845</div><div class='isi'>{story}<p>Editor: Rustam Hasan</p></div>"],
)  # fmt: skip
def test_a_credit_row_that_runs_on(row: str) -> None:
    """Rule "unclosed row": a credit's label whose element runs on (its closing tag forgotten, or
    a ``<br>`` row in a box that holds the story) is read with the inline elements after it, to
    the first block or ``<br>``; a name ends before another label ("Dibaca: 845")."""
    rec = _cleaned("<h1>Banjir Surut di Pesisir Utara</h1>" + row.format(story=_STORY))
    assert rec["authors"] == ["Nurhaya Sarifa"]
    assert rec["editors"] == ["Rustam Hasan"]


def test_the_byline_s_writer_when_the_body_credits_only_an_office() -> None:
    """The byline's writer when the body's credit names an office only: "Kontributor: Humas FIKP
    Unhas" under the story and "Penulis: Dr. Andi Nurhidayah, S.Sos., M.Si." beside the date gave
    no author (the body's credit, an office once tidied, hid the byline)."""
    row = ("<div class='meta'>Selasa, 1 Desember 2026 | 13:15 WITA <span class='penulis'>Penulis: Dr. "
           "Andi Nurhidayah, S.Sos., M.Si.</span></div>")
    rec = _cleaned(f"<h1>Banjir Surut di Pesisir Utara</h1>{row}<div class='isi'>{_STORY}"
                   "<p>Kontributor: Humas FIKP Unhas</p><p>Editor: Ishaq Rahman</p></div>")
    assert rec["authors"] == ["Andi Nurhidayah"]
    assert rec["editors"] == ["Ishaq Rahman"]
    rec = _cleaned(f"<h1>Banjir Surut di Pesisir Utara</h1>{row}<div class='isi'>{_STORY}"
                   "<p>Kontributor: Rina Amalia</p></div>")
    assert rec["authors"] == ["Rina Amalia"]  # (a person credited in the body comes first)

@pytest.mark.parametrize(
    ("row", "want"),
    [# the reporter's role in an element of its own after the name and its comma (okezone, no link)
     ("<div class='reporter'><div class='namerep'>Arif Budiman Siregar, <b>Jurnalis</b></div>"
      "<div class='namerep'>Jum'at, 14 Agustus 2026 |20:33 WIB</div></div>", "Arif Budiman Siregar"),
     # a classic theme's row parted by guillemets: "Kategori: X » date » Oleh: Y, S.Pd."
     ("<div class='post-info'>Kategori: <a>Kegiatan Sekolah</a> &raquo; 27 November 2026 &raquo; Oleh: "
      "Siti Aminah, S.Pd.</div>", "Siti Aminah")],
)  # fmt: skip
def test_the_writer_in_rows_by_the_headline(row: str, want: str) -> None:
    rec = _cleaned(f"<h1>Banjir Surut di Pesisir Utara</h1>{row}<div class='isi'>{_STORY}</div>")
    assert rec["authors"] == [want]

def test_a_name_ends_before_another_label() -> None:
    from kliping.clean import boilerplate

    found = boilerplate.credit("Kontributor: Lalu Ahmad Fauzan Dibaca: 845")
    assert found == [("authors", "Lalu Ahmad Fauzan")]
    assert boilerplate.credit("Penulis: Rina Amalia Editor: Budi Santoso") == [
        ("authors", "Rina Amalia"), ("editors", "Budi Santoso")]
    # a name that merely holds a capitalised word stays whole
    assert boilerplate.credit("Penulis: Andi Rahman Hakim") == [("authors", "Andi Rahman Hakim")]


@pytest.mark.parametrize(
    ("meta", "names"),
    [("<div class='meta'>By <span class='ibp-author'>Gerald Mahendra</span> · 30.11.2026 · 11:02</div>",
      ["Gerald Mahendra"]),
     ("<div class='bt-meta'><span class='bt-by'>By <b>Made Arya Kencana</b></span><br>"
      "<span>Dec 1, 2026</span></div>",
      ["Made Arya Kencana"]),
     ("<p class='meta'> by <a href='/p/1'>Matthew Digby</a> , <a href='/p/2'>Minh Do</a> on Monday</p>",
      ["Matthew Digby", "Minh Do"]),
     # an element by the headline whose class names the writer, on an English page too
     ("<div class='mtv-meta'><span class='mtv-author'>Antonio Ardiansyah Putra</span> &bull; "
      "<span>01/12/2026</span></div>", ["Antonio Ardiansyah Putra"]),
     # ... its label in any language taken off; another role's label leaves it
     ("<p class='info'><span class='article-info__authors'>Текст: Венера Ерофеева</span></p>",
      ["Венера Ерофеева"]),
     ("<div class='post-meta'><span class='post-author'>Editor: <a>Daniel Fajry</a></span></div>", []),
     ("<div class='author-detail'><span>Red: Fernan Rahadi</span></div>", []),
     # "by" inside a sentence is no byline
     ("<p>Photo by <a>Getty Images</a></p>", [])],
)  # fmt: skip
def test_an_english_byline(meta: str, names: list[str]) -> None:
    """Rule "by, then the name's element": the word "By" alone before the element holding the
    writer's name; and rule "writer beside the headline" on a page in any language."""
    rec = _cleaned(f"<h1>Floodwaters Recede on the Northern Coast</h1>{meta}{_ENGLISH}",
                   url="https://coastpost.test/news/2026/12/01/floodwaters-recede", lang="en")
    assert rec["authors"] == names


@pytest.mark.parametrize(
    ("meta", "authors", "editors"),
    [  # rule "author links": a group naming the writer and a medical reviewer, read by the writer's link
     ("<div class='article-authors'><div class='author-item'><span class='label'>Ditulis oleh</span> "
      "<a href='/author/annisa-hapsari/'>Annisa Hapsari</a></div><div class='author-item'>"
      "<span class='label'>Ditinjau secara medis oleh</span> "
      "<a href='/reviewer/dr-damar/'>dr. Damar Upahita</a></div>"
      "<div class='date-item'>Diperbarui 30/11/2026</div></div>", ["Annisa Hapsari"], []),
     # rule "name and role": the reporter's role after the name, whatever the class
     ("<div class='namerep'>Dimas Aditya Nugraha , Jurnalis<b>·</b> Jum'at 07 November 2014 21:52 WIB</div>",
      ["Dimas Aditya Nugraha"], []),
     # rule "bare label line": label, no colon, the name, lines parted by <br>
     ("<div class='m-meta'>Reporter Ira Yunita<br>Editor Agus Sulistyo Prasetyo</div>",
      ["Ira Yunita"], ["Agus Sulistyo Prasetyo"]),
     # ... not a film's credits, nor a desk
     ("<div class='film-info'><dl><dt>Penulis Skenario</dt><dd>Rara Wiratama</dd></dl></div>", [], []),
     ("<div class='td-post-author-name'><div class='td-author-by'>Oleh</div> <a href='#'>Redaksi</a>"
      "<div class='td-author-line'> - </div></div>", [], [])],
)  # fmt: skip
def test_a_writer_named_without_a_credit_s_colon(meta: str, authors: list[str], editors: list[str]) -> None:
    rec = _cleaned("<h1>Banjir Surut di Pesisir Utara</h1>" + meta + _STORY)
    assert (rec["authors"], rec["editors"]) == (authors, editors)


@pytest.mark.parametrize(
    ("box", "authors"),
    [("<div class='tentang-penulis'><h5>Tentang Penulis</h5><p><b>Andini Kartika Pramesti</b> adalah "
      "peneliti Program Studi ASEAN.</p></div>", ["Andini Kartika Pramesti"]),
     ("<div class='kotak-penulis'><img src='/f/r.jpg' alt=''><div><b>Rizal Lasantu, S.Pd., M.Si</b><br>"
      "<small>Guru SMA Negeri 1 Luwuk</small></div></div>", ["Rizal Lasantu"]),
     ("<div class='card author-card'><div class='card-body'>"
      "<h5 class='card-title'>Dewi Anggraeni Sitompul</h5><p class='card-text'>Peneliti Kebijakan Fiskal</p>"
      "</div></div>", ["Dewi Anggraeni Sitompul"]),
     ("<p><strong>Yustinus Hari Prabowo</strong><br><em>*) Penulis adalah pemerhati kota</em></p>",
      ["Yustinus Hari Prabowo"]),
     # a reader's comment is no writer's box
     ("<div class='comments'><h3>2 Komentar</h3><div class='comment-author'><b>Sri Wahyuni</b> berkata: "
      "Setuju sekali.</div></div>", [])],
)  # fmt: skip
def test_the_writer_s_box(box: str, authors: list[str]) -> None:
    """Rule "writer's box": where nothing else names the writer, the box about the writer does."""
    rec = _cleaned("<h1>Banjir Surut di Pesisir Utara</h1>" + _STORY + box)
    assert rec["authors"] == authors


@pytest.mark.parametrize(
    ("h1", "first", "place", "source"),
    [("Psikolog: Burnout pada Ibu Bekerja Bukan Tanda Lemah", "Fimela.com, Jakarta Bangun sebelum subuh, "
      "menyiapkan sarapan, mengantar anak, lalu bekerja delapan jam di kantor.", "Jakarta", "Fimela.com"),
     ("Jalan Provinsi Siantar–Saribudolok Rusak Parah, Sopir Bus Ancam Mogok", "Sopir bus dan angkutan "
      "pedesaan yang melintasi ruas jalan provinsi itu mengancam mogok mulai pekan depan.", None, None)],
)  # fmt: skip
def test_the_headline_in_the_body_is_no_dateline(h1: str, first: str, place: str | None,
                                                  source: str | None) -> None:
    """The headline kept above the body is the headline, whatever a dateline's forms read in it
    ("Psikolog:" is no place, "Jalan Provinsi Siantar–" no dateline)."""
    rec = _cleaned(f"<article class='read-page'><h1>{h1}</h1><p>{first}</p>{_STORY}</article>")
    assert (rec["dateline_place"], rec["dateline_source"]) == (place, source)
    assert not rec["text"].startswith(h1.split(":")[-1].strip()[:20])


# --- revision 51: the editor in a CMS's prefixed meta, the contributor's label with a town -------


def test_editor_in_a_meta_with_the_cms_prefix() -> None:
    """A meta named for the editor under the CMS's prefix ("dtk:editor") names the editor."""
    rec = _cleaned("<h1>Banjir Surut di Pesisir Utara</h1>" + _STORY)
    assert rec["editors"] == []
    head = "<meta name='dtk:editor' content='Irwan Nugroho'><meta name='viewport' content='width=1'>"
    import datetime as dt

    from kliping.clean import clean

    html = (f"<html lang='id'><head><title>Banjir Surut</title>{head}</head><body><h1>Banjir Surut</h1>"
            f"{_STORY}</body></html>")
    url = "https://kabarpesisir.test/berita/2026/12/01/banjir-surut"
    rec = clean({"body": html.encode(), "headers": {}, "url": url, "final_url": url, "site": "test",
                 "fetched_at": dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), "run_id": "r", "fetch_id": "f"})
    assert rec["editors"] == ["Irwan Nugroho"]


@pytest.mark.parametrize(
    ("label", "authors"),
    [("Kontributor Pontianak", ["Hendra Cipta"]), ("Kontributor Kapuas Hulu", ["Hendra Cipta"]),
     ("Penulis", ["Hendra Cipta"]),
     ("Kontributor tetap rubrik ini", [])],  # (not a town: a sentence's words)
)
def test_contributor_s_label_with_the_town(label: str, authors: list[str]) -> None:
    """Rule "label element" reads the contributor's label with the town they report from
    ("<h6>Kontributor Pontianak</h6><div>Hendra Cipta</div>")."""
    credit = (f"<div class='credit'><div class='ct'><h6>{label}</h6><div class='cn'>Hendra Cipta</div>"
              "</div>"
              "<div class='ct'><h6>Editor</h6><div class='cn'>Gloria Setyvani Putri</div></div></div>")
    rec = _cleaned("<h1>Banjir Surut di Pesisir Utara</h1>" + credit + _STORY)
    assert rec["authors"] == authors
    assert rec["editors"] == ["Gloria Setyvani Putri"]


def _amp_page(row: str, wrap: bool) -> dict:
    import datetime as dt

    head = "<div class='title-amp'><h1>Banjir Surut di Pesisir Utara</h1></div>"
    body = f"<div class='page'>{head}{row}</div>" if wrap else f"{head}{row}"
    html = (f"<html lang='id'><head><title>Banjir Surut di Pesisir Utara</title></head><body>{body}"
            f"<div class='read-amp'>{_STORY}</div></body></html>")
    url = "https://kabarpesisir.test/berita/2026/12/01/banjir-surut"
    return {"body": html.encode(), "headers": {}, "url": url, "final_url": url, "site": "test",
            "fetched_at": dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), "run_id": "r", "fetch_id": "f"}


@pytest.mark.parametrize("wrap", [False, True])
def test_name_and_role_under_a_box_holding_the_headline_alone(wrap: bool) -> None:
    """An AMP page's byline row right under the box of its headline, both children of ``<body>``,
    the date after a bullet past the writer's length: "Muhammad Fathur, Jurnalis · Minggu 22
    November 2026 21:08 WITA" names the writer (rule *name and role*); a sentence there does not."""
    from kliping.clean import clean

    row = "<div class='reporter-amp'>Muhammad Fathur, Jurnalis · Minggu 22 November 2026 21:08 WITA</div>"
    assert clean(_amp_page(row, wrap))["authors"] == ["Muhammad Fathur"]
    said = ("<p class='lead'>Warga, Jurnalis dan relawan membersihkan lumpur di 12 desa pada Minggu 22 "
            "November 2026.</p>")
    assert clean(_amp_page(said, wrap))["authors"] == []


def test_an_english_paper_s_byline_role_and_editor() -> None:
    """"By Made Arya Sentana, Staff Writer" names the writer without the kind of writer; "Edited by
    Herman Sasongko" in the byline row (no colon) names the editor on an Indonesian paper's English
    edition (a .id host); "edited by" in a sentence does not."""
    row = ("<div class='byline-row'><span class='author'>By Made Arya Sentana, Staff Writer</span> / "
           "<span class='editor'>Edited by Herman Sasongko</span></div>")
    rec = _cleaned(f"<h1>Floodwaters Recede on the Northern Coast</h1>{row}{_ENGLISH}",
                   url="https://coastpost.id/news/2026/12/01/floodwaters-recede", lang="en")
    assert (rec["authors"], rec["editors"]) == (["Made Arya Sentana"], ["Herman Sasongko"])
    said = "<p>The report, edited by the agency's staff, was released on Monday.</p>"
    rec = _cleaned(f"<h1>Floodwaters Recede on the Northern Coast</h1>{said}{_ENGLISH}",
                   url="https://coastpost.id/news/2026/12/01/floodwaters-recede", lang="en")
    assert rec["editors"] == []


def test_an_old_blogger_post_footer_names_the_writer_and_the_time() -> None:
    """An old Blogger template's footer under the post, "diposting oleh <a>Onco Latuconsina</a> @ <a
    title="2026-11-27T16:40:00+09:00">16.40 WIT</a>", names the writer and the time (the page prints
    only the day in its date header); a teaser link with a stamp as its tooltip is no clock."""
    footer = ("<p class='post-footer'><em>diposting oleh <a href='https://www.blogger.com/profile/1'>Onco "
              "Latuconsina</a> @ <a class='post-footer-link' title='2026-11-27T16:40:00+09:00'>16.40 WIT</a>"
              "</em></p>")
    head = "<h2 class='date-header'>Jumat, 27 November 2026</h2><h1>Banjir Surut di Pesisir Utara</h1>"
    url = "https://kabarpesisir.blogspot.com/2026/11/banjir-surut.html"
    rec = _cleaned(f"{head}<div class='post-body'>{_STORY}</div>{footer}", url=url)
    assert rec["authors"] == ["Onco Latuconsina"]
    assert rec["published_at"].isoformat() == "2026-11-27T16:40:00+09:00"
    teaser = "<a href='/lain' title='2026-11-20T08:00:00+07:00'>Jembatan baru di lereng Merapi dibuka</a>"
    rec = _cleaned(f"{head}<div class='post-body'>{_STORY}</div>{teaser}", url=url)
    assert rec["published_at"] is None


@pytest.mark.parametrize(
    "footer",
    [  # rule "site credit": the theme's or the site maker's credit in the footer names no writer
     "Hak Cipta &copy; 2026 Kabar Pesisir. Tema: <a href='https://themegrill.com/themes/colormag'>ColorMag</a>"
     " oleh ThemeGrill.",
     "Proudly powered by WordPress | Theme: <a href='https://example.test/newsup'>Newsup</a> by"
     " <a href='https://themeansar.com'>Themeansar</a>.",
     "&copy; 2026 Kabar Pesisir | Template dibuat oleh Rumah Desain",
    ],
)
@pytest.mark.parametrize("byline",
                         ["", "<div class='meta'>Diposting oleh Rina Kartika pada 1 Desember 2026</div>"])
def test_a_theme_credit_in_the_footer_is_no_writer(footer: str, byline: str) -> None:
    rec = _cleaned(f"<h1>Banjir Surut di Pesisir Utara</h1>{byline}<article>{_STORY}</article>"
                   f"<footer><div class='copyright'>{footer}</div></footer>")
    assert rec["authors"] == (["Rina Kartika"] if byline else [])
