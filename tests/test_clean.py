"""The cleaning stage: saved pages with expected records, plus table-driven rule tests."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest

from kliping.clean import CLEANER_VERSION, NotAnArticle, clean
from kliping.clean.boilerplate import clean_lines, dateline
from kliping.clean.fingerprint import simhash, text_hash
from kliping.clean.metadata import clean_url, strip_site_suffix
from kliping.clean.people import people
from kliping.dataset.schema import ARTICLES

PAGES = Path(__file__).parent / "fixtures" / "pages"
FIXTURES = sorted(p.stem for p in PAGES.glob("*.json"))


def _fixture_params() -> list:
    """The fixture pages; one whose spec states a ``known_failure`` (why it still fails) is an
    expected failure, so the page and its expectations stay as authored (a held-back page is not
    rewritten to pass) and the suite says when it starts passing."""
    params = []
    for name in FIXTURES:
        why = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8")).get("known_failure")
        params.append(pytest.param(name, marks=pytest.mark.xfail(reason=why, strict=False)) if why else name)
    return params


def _raw(body: bytes, url: str, fetched_at: str, headers: dict | None = None) -> dict:
    return {
        "body": body, "headers": headers or {}, "url": url, "final_url": url, "site": "test",
        "fetched_at": dt.datetime.fromisoformat(fetched_at), "run_id": "r1", "fetch_id": "f1",
        "discovered_via": "test",
    }  # fmt: skip


def _json(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


_ONE_PARAGRAPH = 150  # words: a body longer than this is never one paragraph


@pytest.mark.parametrize("name", _fixture_params())
def test_fixture_page(name: str) -> None:
    spec = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    html = PAGES / f"{name}.html"
    body = html.read_bytes() if html.exists() else gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())
    expected = spec["expected"]
    assert expected and spec["must_contain"] and spec["must_not_contain"]
    empty = [k for k, v in expected.items() if v in (None, "", [])]
    assert not empty, f"empty expected values are not allowed: {empty}"
    rec = clean(_raw(body, spec["url"], spec["fetched_at"]))
    assert set(rec) == set(ARTICLES.names)
    for key, value in expected.items():
        if isinstance(rec[key], dt.datetime):  # an instant (stored at UTC): the page's printed zone or UTC
            assert rec[key] == dt.datetime.fromisoformat(value), key
        else:
            assert _json(rec[key]) == value, key
    for key in spec.get("expected_empty", []):
        assert rec[key] in (None, []), key
    for snippet in spec["must_contain"]:
        assert snippet in rec["text"]
    for snippet in spec["must_not_contain"]:
        assert snippet not in rec["text"]
    # paragraphs parted by one blank line; a story of one paragraph (a breaking-news brief) has none
    assert ("\n\n" in rec["text"] or rec["word_count"] < _ONE_PARAGRAPH) and "\n\n\n" not in rec["text"]
    assert rec["word_count"] > 20
    assert 0 <= rec["simhash"] < 2**64
    assert rec["id"] == __import__("hashlib").sha1(rec["canonical_url"].encode()).hexdigest()[:16]
    assert rec["fetch_id"] == "f1" and rec["run_id"] == "r1"
    assert rec["cleaner_version"] == CLEANER_VERSION


def test_clean_is_deterministic_and_pure() -> None:
    spec = json.loads((PAGES / "detik.json").read_text(encoding="utf-8"))
    raw = _raw((PAGES / "detik.html").read_bytes(), spec["url"], spec["fetched_at"])
    before = dict(raw)
    assert clean(raw) == clean(raw)
    assert raw == before


# --- line rules --------------------------------------------------------------------------------

BODY = "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di Kalimantan Timur."

DROPPED = [
    "Isi tulisan di luar tanggung jawab redaksi.",
    "Peringatan: paragraf berikut mengandung bocoran cerita film.",
    "Konten ini diproduksi oleh kumparanNEWS",
    "Penonton memadati Istora Senayan. (credit: instagram.com/citraayudya)",
    "Seri “Komodo untuk Siapa?” – Ini adalah tulisan kedua dari tiga bagian. Baca bagian pertama di sini.",
    "This story was reported by Mongabay’s Indonesia team and first published on our Indonesian site.",
    "Newly dug shrimp ponds in Bone district, South Sulawesi. Image by Rina Sumarlin/Mongabay Indonesia.",
    "Berita ini telah diperbarui pada Senin (30/11) pukul 07.02 WITA",
    "Ralat: Judul dan paragraf pertama artikel ini telah diubah.",
    "This story has been updated to include the flight cancellations.",
    "Translated by the Bali Provincial Communication Agency. In case of discrepancy, the Indonesian version "
    "prevails.",
    "Jadwal MotoGP 2027 sudah rilis! Klik di sini untuk jadwal lengkapnya",
    "Dengarkan artikel ini: Durasi 04:12",
    "Orami dapat menerima komisi dari tautan pembelian.",
    "1.208 orang sudah memberi suara",
    "[Infografis] Aturan Netralitas ASN dan Pj Kepala Daerah di Pilkada",
    "Infografik Calon Perempuan di Pilkada 2026. tirto.id/Quita",
    "Belum ada tanggapan.",
    "Belum ada komentar. Jadilah yang pertama berkomentar!",
    "Ilustrasi - Petugas menghitung uang di kantor kas bank. Bisnis/Arief Hermawan P",
    "*) Retno Kusumaningrum, pegiat literasi anak dan pengelola taman bacaan di Bekasi",
    "*) Tulisan ini adalah kiriman dari pembaca detik, isi dari tulisan di luar tanggung jawab redaksi. "
    "Ingin membuat tulisan kamu sendiri? Klik di sini sekarang!",
    "Baca juga: Jokowi Perintahkan Menpan RB Siapkan Aturan",
    "BACA JUGA: Harga Beras Stabil",
    "Baca Juga : Timnas Menang",
    "Lihat juga: Warga Diminta Waspada",
    "Simak juga: Daftar Lengkap",
    'Simak Video "Banjir Rendam Ribuan Rumah"',
    "[Gambas:Video 20detik]",
    "[Gambas:Instagram]",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Follow Berita Okezone di Google News",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses"
    " berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029. Pastikan kamu sudah"
    " install aplikasi WhatsApp ya.",
    "Download aplikasi Kompas.com di Play Store",
    "Halaman selanjutnya",
    "Halaman all",
    "Halaman 1 2 Selanjutnya",
    "Pilihan Editor: Jokowi Tanggapi Hasil Hitung Cepat",
    "Copyright © ANTARA 2024",
    "© 2024 Okezone. All rights reserved",
    "Tag: pencurian motor",
    "Terjadi kesalahan. Silakan coba lagi nanti.",
    "An error has occurred, please try again later.",
    "This article has been sent to",
    "This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
    "distribution to your colleagues, clients or customers visit https://www.djreprints.com.",
]


@pytest.mark.parametrize("line", DROPPED)
def test_boilerplate_line_dropped(line: str) -> None:
    res = clean_lines([BODY, line, BODY + " Lanjutan."])
    assert line not in res.paragraphs
    assert len(res.paragraphs) == 2


KEPT = [
    "Ralat itu, menurut KPU, sudah disampaikan kepada semua peserta pemilu sejak pekan lalu.",
    'Pesan itu berbunyi "Selamat, Anda menang undian, klik di sini untuk klaim hadiah" kata korban.',
    "Pedagang itu mengaku menerima komisi dari pemasok sebesar lima persen, kata penyidik kepada wartawan.",
    "Infografis yang dipasang di balai desa menjelaskan jadwal penyaluran bantuan kepada warga.",
    "Retno Kusumaningrum, pegiat literasi anak di Bekasi, mengatakan taman bacaan itu dibuka setiap sore.",
    "Ilustrasi dalam buku itu digambar oleh siswa kelas enam - sebagian besar dengan krayon.",
    "Tulisan ini adalah hasil diskusi panjang warga dengan perangkat desa selama tiga bulan terakhir.",
    "Baca laporan lengkapnya, kata dia, sudah diserahkan kepada penyidik kemarin sore.",
    "Ia mengaku senang membaca buku sejak kecil dan kini mengelola taman baca di desanya.",
    '"Simak baik-baik aturan ini, jangan sampai ada pelanggaran," ujar Kapolda kepada wartawan.',
    '"Kami sudah membaca laporan itu. Baca juga surat dari warga," kata Bupati di Jakarta.',
    "Halaman sekolah itu terendam banjir setinggi 50 sentimeter sejak Senin pagi.",
    "Editor buku tersebut mengatakan penerbitan ditunda karena masalah percetakan.",
    "Warga mengikuti berita dari WhatsApp grup kampung, kata ketua RT setempat kepada wartawan.",
    "Terjadi kesalahan prosedur dalam pemungutan suara ulang itu, kata anggota Bawaslu.",
    "An error has occurred in the plant's cooling system, the operator said on Tuesday.",
]


@pytest.mark.parametrize("line", KEPT)
def test_paragraph_mentioning_baca_or_quoting_stays(line: str) -> None:
    res = clean_lines([BODY, line, BODY])
    assert line in res.paragraphs


def test_arrowed_headlines_in_a_row_are_a_list_of_other_stories() -> None:
    """Rule "arrowed headlines": two or more lines in a row, each "»" and a headline, go; one
    such line alone stays (it may be the story's own pointer)."""
    arrows = ["» Ratusan Hektare Sawah di Palolo Gagal Panen Akibat Banjir",
              "» Gubernur Tinjau Pengungsi Gempa di Lindu"]  # fmt: skip
    res = clean_lines([BODY, *arrows, BODY + " Lanjutan."])
    assert res.paragraphs == [BODY, BODY + " Lanjutan."]
    assert clean_lines([BODY, arrows[0], BODY + " Lanjutan."]).paragraphs[1] == arrows[0]


def test_credit_lines_become_authors_and_editors() -> None:
    res = clean_lines([BODY, "Pewarta: Maria Cicilia", "Editor: Biqwanto Situmorang", "Sumber: ANTARA"])
    assert res.paragraphs == [BODY]
    assert res.authors == ["Maria Cicilia"] and res.editors == ["Biqwanto Situmorang"]
    res = clean_lines([BODY, "Penulis: Rina Ayu | Editor: Bayu Galih"])
    assert res.authors == ["Rina Ayu"] and res.editors == ["Bayu Galih"]
    # every name a credit lists, not only the first; never the desk's region or role after a comma
    from kliping.clean.boilerplate import credit

    assert credit("25 Nov 2026 20:15 WIB | Penulis: Roy Sihombing, Dedi Lubis | Dibaca 2.318 kali") == [
        ("authors", "Roy Sihombing"), ("authors", "Dedi Lubis")]
    assert credit("Penulis: Rina Amalia, Jawa Tengah") == [("authors", "Rina Amalia")]
    assert credit("Reporter: Ana Putri, Kontributor Solo | Editor: Budi Santoso") == [
        ("authors", "Ana Putri"), ("editors", "Budi Santoso")]
    assert credit("Editor: Adi Nugroho 15 Maret 2024, 14:05 WIB") == [("editors", "Adi Nugroho")]
    # the outlet after the reporter's name and a slash; a broadcaster's name is no person
    res = clean_lines([BODY, BODY + " Lanjutan.", "Laporan: Muhammad Ilham Syarif / Celebes TV"])
    assert res.paragraphs == [BODY, BODY + " Lanjutan."] and people(res.authors) == ["Muhammad Ilham Syarif"]
    # a wire's credit: its reporters are the writers; a Javanese reporter's label
    wire = "(Reporting by Danial Azhar and Xinghui Kok; Editing by Ed Davies)"
    res = clean_lines([BODY, BODY + " Lanjutan.", wire])
    assert res.paragraphs == [BODY, BODY + " Lanjutan."]
    assert people(res.authors) == ["Danial Azhar", "Xinghui Kok"]
    res = clean_lines([BODY, BODY + " Lanjutan.", "Pawarta: Sri Lestari"])
    assert res.authors == ["Sri Lestari"]
    # a long read's other crew: its research desk, its data's source
    for crew in ("Riset: Yohanes Mega Hendrawan dan Litbang Kompas.", "Sumber data: OJK, BPS, diolah Tirto."):
        res = clean_lines([BODY, BODY + " Lanjutan.", crew])
        assert res.paragraphs == [BODY, BODY + " Lanjutan."] and res.authors == []
    # a team's name before its credits
    res = clean_lines([BODY, BODY + " Lanjutan.", "Tim Liputan Buka Mata: Reporter: Aditya Wicaksana, Nadia "
                       "Rahmalia | Produser: Galang Saputra | Editor: Kristian Sembiring"])  # fmt: skip
    assert res.authors == ["Aditya Wicaksana", "Nadia Rahmalia"] and res.editors == ["Kristian Sembiring"]
    # two roles one person holds under one colon
    res = clean_lines([BODY, BODY + " Lanjutan.", "Redaktur & Reporter : Fathan Sinaga"])
    assert res.authors == ["Fathan Sinaga"] and res.editors == ["Fathan Sinaga"]
    # the desk's town in brackets after a name, then the date: "oleh A, B dan C [Manado] di …"
    assert people(["Kartika Dewi, Hendra Gunawan dan Rusdi Mokoginta [Manado] di 28 November 2026"]) == [
        "Kartika Dewi", "Hendra Gunawan", "Rusdi Mokoginta"]


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        ("Pekerjaan akan selesai bulan depan. (rdp/imk)", "Pekerjaan akan selesai bulan depan."),
        ("Pekerjaan akan selesai bulan depan.(fby/sfr)", "Pekerjaan akan selesai bulan depan."),
        ("Pekerjaan akan selesai bulan depan. (h/rel)", "Pekerjaan akan selesai bulan depan."),
        ("Pekerjaan akan selesai bulan depan. (*/zar/lim)", "Pekerjaan akan selesai bulan depan."),
        (
            "Pekerjaan selesai. Dengarkan berita terkemuka dan berita pilihan di ponsel Anda. Pilih "
            "saluran favorit Anda untuk mengakses saluran WhatsApp virprom.com: https://x. Pastikan "
            "Anda telah menginstal aplikasi WhatsApp.",
            "Pekerjaan selesai.",
        ),
    ],
)
def test_end_of_body_residue(last: str, kept: str) -> None:
    assert clean_lines([BODY, last]).paragraphs == [BODY, kept]


def test_comment_form_cuts_the_rest() -> None:
    res = clean_lines([BODY, "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan."])
    assert res.paragraphs == [BODY]


# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        ("JAKARTA, KOMPAS.com - Harga cabai naik tajam pekan ini.", "Jakarta", "KOMPAS.com"),
        ("Jakarta, CNN Indonesia -- Gempa mengguncang Maluku Tengah.", "Jakarta", "CNN Indonesia"),
        ("Liputan6.com, Jakarta - Timnas tiba di Doha pagi ini.", "Jakarta", "Liputan6.com"),
        ("Jakarta (ANTARA) - Harga emas naik Rp5.000 per gram.", "Jakarta", "ANTARA"),
        ("TEMPO.CO, Jakarta - KPK memeriksa tiga saksi hari ini.", "Jakarta", "TEMPO.CO"),
        ("TRIBUNNEWS.COM, JAKARTA - Polisi menangkap dua pelaku.", "Jakarta", "TRIBUNNEWS.COM"),
        ("virprom.com – Wakil Presiden menerima kunjungan tamu.", None, "virprom.com"),
        ("BANDA ACEH, KOMPAS.com - Banjir melanda tiga kecamatan.", "Banda Aceh", "KOMPAS.com"),
        ("Jakarta - Pemerintah menyiapkan anggaran tambahan.", "Jakarta", None),
        ("Mataram, NTB (ANTARA News) - Penerbangan dibatalkan hari ini.", None, None),
        # a foreign town and its country: the country is the place's, not a source
        ("JENEWA, SWISS — Organisasi Meteorologi Dunia menyatakan tahun ini panas.", "Jenewa, Swiss", None),
        ("Kairo, Mesir - Pemerintah Mesir membuka kembali perbatasan Rafah.", "Kairo, Mesir", None),
    ],
)
def test_dateline(text: str, place: str | None, source: str | None) -> None:
    rest, got_place, got_source = dateline(text)
    if place is None and source is None:
        return  # two-part places are left alone rather than guessed
    assert (got_place, got_source) == (place, source)
    assert rest[0].isupper() and "-" not in rest[:2]


def test_no_dateline_in_ordinary_sentence() -> None:
    text = "Presiden Joko Widodo meresmikan jembatan - yang dibangun sejak 2020 - pada Senin."
    assert dateline(text) == (text, None, None)


# --- authors, titles, URLs, fingerprints -------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Andi Saputra - detikNews"], ["Andi Saputra"]),
        (["Tim Redaksi"], []),
        (["CNN Indonesia"], []),
        (["Https://www.facebook.com/detikHealth"], []),
        (["Foto: Getty Images"], []),
        (["Nurul Amanah, Jurnalis"], ["Nurul Amanah"]),
        (["Rina Ayu dan Bayu Galih"], ["Rina Ayu", "Bayu Galih"]),
        (["admin"], []),
        (["Kompas Cyber Media"], []),
        (["ANDI SAPUTRA"], ["Andi Saputra"]),
        # a date's first word left in an author element: a weekday or a month alone is no person
        (["Senin"], []),
        (["Jumat", "Rina Ayu"], ["Rina Ayu"]),
        (["Desember"], []),
        (["Super User"], []),  # a CMS's default account
        (["Tajuk Rencana"], []),  # the editorial's rubric
        (["Panganggit: Sri Wahyuni Handayani"], ["Sri Wahyuni Handayani"]),  # a Javanese label
        (["Forum Kirim Komentar · Lihat komentar"], []),  # a widget's words in an author element
        (["Andi Muh Ridwan · Jurnalis"], ["Andi Muh Ridwan"]),  # the writer's own role after a bullet
        # the desk's code and the date after a slash
        (["Fransiska Ayu Lestari / FER Senin, 30 November 2026"], ["Fransiska Ayu Lestari"]),
    ],
)
def test_people(values: list[str], expected: list[str]) -> None:
    assert people(values, ["detikcom", "virprom.com"]) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harga Cabai Naik - Kompas.com", "Harga Cabai Naik"),
        ("Gempa Guncang Maluku | CNN Indonesia", "Gempa Guncang Maluku"),
        ("Timnas Tiba di Doha - Bola Liputan6.com", "Timnas Tiba di Doha"),
        ("Hasil Pemilu: Siapa Menang - Nasional", "Hasil Pemilu: Siapa Menang - Nasional"),
        # the site's name as a label before the title, its colon against it
        ("Kompas.com: Harga Cabai Naik di Pasar Induk", "Harga Cabai Naik di Pasar Induk"),
        ("Tribunnews.com: FOTO: Banjir Rendam Jalan", "FOTO: Banjir Rendam Jalan"),
        ("FOTO: Banjir Rendam Jalan Utama", "FOTO: Banjir Rendam Jalan Utama"),
        ("Liputan6: Gol", "Liputan6: Gol"),  # nothing left worth a title without the label
        # a series of the site's is part of the headline
        ("Kompas Extra: Harga Cabai Naik di Pasar", "Kompas Extra: Harga Cabai Naik di Pasar"),
    ],
)
def test_title_suffix(title: str, expected: str) -> None:
    assert strip_site_suffix(title, ["Kompas.com", "CNN Indonesia", "liputan6"]) == expected


def test_clean_url_strips_tracking() -> None:
    url = "https://a.test/read/1/x?page=all&utm_source=wa&id=5&fbclid=abc#komentar"
    assert clean_url(url) == "https://a.test/read/1/x?id=5"


def test_fingerprints() -> None:
    a = "Presiden meresmikan jembatan baru, Senin (8/1/2024)."
    assert text_hash(a) == text_hash("presiden  MERESMIKAN jembatan baru Senin 8 1 2024")
    long = " ".join(f"kata{i}" for i in range(300))
    near = long.replace("kata150", "lain150")
    assert bin(simhash(long) ^ simhash(near)).count("1") < 10
    assert bin(simhash(long) ^ simhash(a)).count("1") > 10


@pytest.mark.parametrize(
    "text",
    [
        "Halo, dunia!  Ini _tes_ — 7/1/2024.", "", "  \n ", "İstanbul ß ﬁle", "a\u00a0b\tc\n\nd", "...!!!",
        "“Kata” ‘dia’ – 10…20 • Rp 5 € © ™ «x» ‚y‛ „z“ ‐‑‒―", "ᾳ a\u0345b", "ANTARA – Dia berkata “YA”",
        "Ctrl\x1c\x1fkey\x7f_x_ 3,5% A-Z~a`z", "Kota İzmir — “Saya” KELVIN \u212a",
    ],
)
def test_fingerprints_together_equal_each_alone(text: str) -> None:
    # clean() finds the words once for both fingerprints; the stored values must not change,
    # and the normalised text is the one the earlier definition (regex substitutions) gave
    import hashlib
    import re

    from kliping.clean.fingerprint import fingerprints, normalize

    reference = re.sub(r"\s+", " ", re.sub(r"[^\w\s]+", " ", text.casefold())).strip()
    assert normalize(text) == reference
    assert text_hash(text) == hashlib.sha1(reference.encode("utf-8")).hexdigest()
    assert fingerprints(text) == (text_hash(text), simhash(text))
    # clean()'s one pass: the text's word count and its casefolded words, whichever way found
    from kliping.clean.fingerprint import lower_words, of_tokens, tokens

    count, toks = tokens(text)
    assert count == len(re.findall(r"\w+", text))
    assert lower_words(text) in (None, [w.lower() for w in re.findall(r"\w+", text)])
    assert toks == re.findall(r"\w+", text.casefold())
    assert of_tokens(toks) == fingerprints(text)


def test_simhash_is_pinned() -> None:
    # Stored in ARTICLES and compared across runs and machines: the value must never depend on the
    # process (no built-in hash()); a change here needs a CLEANER_VERSION bump.
    text = "Presiden meresmikan jembatan baru di Jakarta pada hari Senin pagi."
    assert simhash(text) == 0x61000431222A3A23
    assert simhash("") == 0 and 0 < simhash("satu") < 2**64


def _simhash_by_definition(text: str, n: int = 3) -> int:
    """The simhash as its docstring defines it, one shingle and one bit at a time in Python."""
    import hashlib

    mask = (1 << 64) - 1
    toks = re.findall(r"\w+", text.casefold())
    if not toks:
        return 0
    digest = [int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "big") for t in toks]
    mul = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
    width = min(n, len(toks))
    counts = [0] * 64
    shingles = len(toks) - width + 1
    for i in range(shingles):
        x = (sum(digest[i + k] * mul[k % 4] for k in range(width)) + width) & mask
        for c in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):  # murmur3's fmix64
            x = ((x ^ (x >> 33)) * c) & mask
        x ^= x >> 33
        for bit in range(64):
            counts[bit] += x >> bit & 1
    return sum(1 << bit for bit in range(64) if counts[bit] * 2 > shingles)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_simhash_is_its_definition(n: int) -> None:
    # the numpy path (digests cached byte-reversed, bits counted in columns) against the definition
    texts = ["", "satu", "satu dua", "Presiden meresmikan jembatan baru di Jakarta pada hari Senin pagi."]
    texts.append(" ".join(f"kata{i % 97} Ülke{i % 13}" for i in range(700)))
    for text in texts:
        assert simhash(text, n) == _simhash_by_definition(text, n), (text[:40], n)


def test_prune_boxes_classes_and_linked_tails() -> None:
    import lxml.html

    from kliping.clean import boilerplate, decode

    tree = decode.parse(
        "<html><body><article><p>Isi berita pertama yang panjang.</p>"
        "<div><p>\u00a0Baca juga: <a href='/x'>Judul lain</a></p></div>"
        "<p>Isi kedua <br/> baca juga <a href='/y'>Tautan</a> lalu lanjut.</p>"
        "<div class='Widget ads-box'>Iklan</div><div id='gnews-follow'>Ikuti</div>"
        "<div class='header'>Kepala</div></article></body></html>"
    )
    boilerplate.prune(tree)
    html = lxml.html.tostring(tree, encoding="unicode")
    assert "Judul lain" not in html and "Tautan" not in html
    assert "Iklan" not in html and "Ikuti" not in html
    assert "Isi berita pertama" in html and "lalu lanjut" in html and "Kepala" in html

# --- decoding, non-articles, dates ---------------------------------------------------------------


def test_header_charset_windows_1252() -> None:
    html = (
        "<html><head><title>Kafe</title></head><body><article>"
        + "<p>Caf\u00e9 \u201cRindu\u201d dibuka kembali di pusat kota setelah renovasi lama.</p>" * 3
        + "</article></body></html>"
    ).encode("cp1252")
    raw = _raw(html, "https://a.test/x", "2024-01-01T00:00:00+00:00",
               {"Content-Type": "text/html; charset=windows-1252"})  # fmt: skip
    assert "Caf\u00e9 \u201cRindu\u201d" in clean(raw)["text"]


def test_listing_page_is_not_an_article() -> None:
    html = b"<html><body><ul><li><a href='/a'>Satu</a></li><li><a href='/b'>Dua</a></li></ul></body></html>"
    with pytest.raises(NotAnArticle):
        clean(_raw(html, "https://a.test/indeks", "2024-01-01T00:00:00+00:00"))


def test_body_date_fallback_and_future_flag() -> None:
    html = (
        b"<html><body><article><h1>Jembatan Baru</h1>"
        b"<p>JAKARTA, KOMPAS.com - Presiden meresmikan jembatan baru di Kaltim, Senin (8/1/2024).</p>"
        b"<p>Jembatan itu menghubungkan dua kecamatan yang selama ini hanya bisa dijangkau dengan perahu.</p>"
        b"<p>Warga menyambut gembira peresmian yang sudah lama mereka nantikan sejak bertahun-tahun lalu.</p>"
        b"</article></body></html>"
    )
    rec = clean(_raw(html, "https://a.test/x", "2024-01-09T00:00:00+00:00"))
    assert rec["published_date"] == dt.date(2024, 1, 8)
    assert rec["published_at"] is None
    assert rec["date_flags"] == ["from_body_text"]
    rec = clean(_raw(html, "https://a.test/x", "2024-01-01T00:00:00+00:00"))
    assert "future_date" in rec["date_flags"]


def test_date_conflict_and_zone() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2024-03-01T10:00:00'>"
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
        "\"2024-03-05T10:00:00+07:00\"}</script></head><body><article>"
        + "<p>Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di Kaltim.</p>" * 3
        + "</article></body></html>"
    ).encode()
    rec = clean(_raw(html, "https://a.test/x", "2024-03-06T00:00:00+00:00"))
    assert rec["date_flags"] == ["from_jsonld", "date_conflict"]
    assert rec["published_at"] == dt.datetime(2024, 3, 5, 3, tzinfo=dt.UTC)


def test_extract_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kliping.cli import main

    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress((PAGES / "kompas.html").read_bytes()))
    listing = tmp_path / "l.html"
    listing.write_bytes(b"<html><body><a href='/a'>x</a></body></html>")
    tsv = tmp_path / "urls.tsv"
    tsv.write_text(f"{page}\thttps://money.kompas.com/read/2024/03/07/083000126/x\n{listing}\thttps://a.test/\n")
    assert main(["extract", "--urls-from", str(tsv), "--fetched-at", "2024-03-07T03:00:00Z"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["published_date"] == "2024-03-07"
    assert lines[0]["published_at"] == "2024-03-07T01:30:00+00:00"
    assert "error" in lines[1]
    assert main(["extract", str(tmp_path / "missing.html")]) == 2


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://regional.kompas.com/read/2015/11/04/21040031/Polres.Serahkan", dt.date(2015, 11, 4)),
        ("https://www.tempo.co/read/news/2015/11/04/055715684/judul", dt.date(2015, 11, 4)),
        ("https://suarawarga.example/2024/01/08/judul-berita/", dt.date(2024, 1, 8)),
        ("https://news.detik.com/berita/d-7130099/judul", None),
        ("https://x.test/2024/13/40/judul", None),  # not a date
        ("https://x.test/judul?date=2024/01/08/", None),  # only the path counts
    ],
)
def test_date_in_url(url: str, day: dt.date | None) -> None:
    from kliping.clean.dating import date_in_url

    assert date_in_url(url) == day


def _page(extra: str) -> bytes:
    return (
        "<html><body><article><h1>Polisi Serahkan Tersangka</h1>" + extra
        + "<p>Polisi menyerahkan dua tersangka kasus penipuan kepada kejaksaan negeri setempat.</p>"
        * 3
        + "</article><aside><div class='date'>Rabu, 7 Oktober 2015</div></aside></body></html>"
    ).encode()


def test_url_date_beats_a_generic_sidebar_date() -> None:
    rec = clean(_raw(_page(""), "https://regional.kompas.com/read/2015/11/04/2104/polisi",
                     "2015-11-05T00:00:00+00:00"))
    assert rec["published_date"] == dt.date(2015, 11, 4)
    assert rec["date_flags"][0] == "from_url"
    # without a date in the URL the printed date is all there is
    rec = clean(_raw(_page(""), "https://a.test/polisi", "2015-11-05T00:00:00+00:00"))
    assert rec["published_date"] == dt.date(2015, 10, 7) and rec["date_flags"] == ["from_printed"]


def test_time_element_keeps_the_time_of_day() -> None:
    html = (
        "<html><body><article><h1>Jalan Trans Papua Tertutup Longsor</h1>"
        "<time class='entry-date published' datetime='2024-01-09T08:40:00+09:00'>Januari 9, 2024"
        "</time>"
        + "<p>Longsor menutup ruas jalan Trans Papua di Distrik Kurulu sejak Selasa pagi.</p>" * 3
        + "</article></body></html>"
    ).encode()
    rec = clean(_raw(html, "https://suarawarga.example/2024/01/09/longsor/", "2024-01-09T03:00:00+00:00"))
    assert rec["published_at"] == dt.datetime(2024, 1, 8, 23, 40, tzinfo=dt.UTC)
    assert rec["published_date"] == dt.date(2024, 1, 9)


@pytest.mark.parametrize(
    ("extracted_words", "page_words", "short"),
    [(105, 5069, True), (143, 702, False), (0, 400, True), (0, 200, False), (160, 9000, False)],
)
def test_full_mode_only_for_a_fast_extraction_far_shorter_than_the_page(
    extracted_words: int, page_words: int, short: bool
) -> None:
    from lxml import html as lhtml

    from kliping.clean.body import _short_for

    page = lhtml.fromstring("<html><body>" + "<p>kata</p>" * page_words + "</body></html>")
    assert _short_for(" ".join(["kata"] * extracted_words), page) is short


def test_baca_juga_paragraph_goes_with_its_linked_title_prose_with_links_stays() -> None:
    html = (
        b"<html><body><article><h1>Judul</h1>"
        b"<p>Paragraf pertama yang cukup panjang tentang sesuatu yang penting bagi warga kota.</p>"
        b"<p><strong>Baca juga:</strong> <a href='/x'>Harga Beras Medium Naik di Pasar Induk</a></p>"
        b"<p>Paragraf kedua yang juga cukup panjang dan berisi kutipan dari pejabat setempat.</p>"
        b"<p>Menurut dia, baca juga <a href='/y'>laporan ini</a> dan kesimpulan lain yang relevan.</p>"
        b"</article></body></html>"
    )
    text = clean(_raw(html, "https://a.test/x", "2024-01-01T00:00:00+00:00"))["text"]
    assert "Harga Beras" not in text and "Baca juga" not in text
    assert "Menurut dia, baca juga laporan ini dan kesimpulan lain yang relevan." in text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Presiden Joko Widodo mengatakan bahwa pembangunan jalan di Papua akan dilanjutkan "
         "pada tahun ini. Menurut dia, jalan yang sudah dibangun sangat membantu warga di "
         "pedalaman untuk mengangkut hasil kebun ke pasar dan juga mempercepat layanan kesehatan "
         "bagi mereka yang tinggal jauh dari kota.", "id"),
        ("The president said that road construction in Papua will continue this year. "
         "According to him, the roads that have been built are of great help to residents in the "
         "interior, who use them to carry their crops to market and to reach the health "
         "services that were far from the towns.", "en"),
        ("Kurang dari tiga puluh kata.", None),  # too short to be plain: py3langid decides
        # curly quotes and dashes (words found by the byte table), a letter beyond ASCII (not)
        ("“Presiden Joko Widodo mengatakan bahwa pembangunan jalan di Papua akan dilanjutkan” — "
         "pada tahun ini. Menurut dia, jalan yang sudah dibangun sangat membantu warga di "
         "pedalaman untuk mengangkut hasil kebun ke pasar dan juga mempercepat layanan kesehatan.", "id"),
        ("Presiden Joko Widodo mengatakan bahwa pembangunan jalan di Papua akan dilanjutkan ke "
         "İstanbul pada tahun ini. Menurut dia, jalan yang sudah dibangun sangat membantu warga di "
         "pedalaman untuk mengangkut hasil kebun ke pasar dan juga mempercepat layanan café.", "id"),
    ],
)
def test_plain_language_gate(text: str, lang: str | None) -> None:
    from kliping.clean.metadata import _plainly, language

    assert _plainly(text) == lang
    if lang:
        assert language(text) == lang


_PROSE_P = "<p>{} kalimat panjang tentang pembangunan jalan di pedalaman Papua yang dibahas warga.</p>"


def _prose_page(inner: str) -> str:
    return f"<html><head><title>t</title></head><body><nav><a>Beranda</a></nav>{inner}</body></html>"


def test_main_container_is_the_innermost_holding_the_prose() -> None:
    from kliping.clean import decode, main_container

    body = "".join(_PROSE_P.format(i) for i in range(6))
    tree = decode.parse(_prose_page(f'<div id="wrap"><div id="article">{body}</div><aside>x</aside></div>'))
    assert main_container(tree).get("id") == "article"
    # prose split between two columns: no single container, the whole page is used
    half = "".join(_PROSE_P.format(i) for i in range(3))
    tree = decode.parse(_prose_page(f'<div id="a">{half}</div><div id="b">{half}</div>'))
    assert main_container(tree) is None
    assert main_container(decode.parse(_prose_page(_PROSE_P.format(1)))) is None  # too little prose
    # (The detik fixture in test_fixture_page goes through the narrowed path: its lead sentence
    # sits in the container before the first <p>, and must survive into text and dateline.)


_HTML_FIXTURES = sorted(PAGES.glob("*.html")) + sorted((PAGES.parent.parent / "sites").glob("*/*.html"))


def test_staged_extraction_is_in_use() -> None:
    # pyproject pins trafilatura to the minor version maintext's stages were written against
    from kliping.clean import maintext

    assert maintext.STAGED


@pytest.mark.parametrize("path", _HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_staged_extraction_equals_trafilatura_extract(path: Path) -> None:
    # maintext.staged is trafilatura's fast extract() minus its recall escalation: where the
    # escalation does not fire (trafilatura's own gate: a short extraction covering little of the
    # page), the two give the same text; where it fires (a raw page whose story is in <div>s,
    # which kliping's div_paragraphs makes <p>s before staged ever runs), trafilatura keeps a
    # longer text or the same one
    import trafilatura
    from trafilatura.baseline import html2txt
    from trafilatura.core import ESCALATION_MAX_LENGTH, ESCALATION_PAGE_SHARE

    from kliping.clean import TRAFILATURA_SETTINGS, decode, maintext

    tree = decode.parse(decode.decode(path.read_bytes()))  # (a page of an older charset too)
    options = maintext.extractor(tuple(sorted(TRAFILATURA_SETTINGS.items())))
    before = decode.lxml.html.tostring(tree)
    staged = maintext.staged(tree, options)
    assert decode.lxml.html.tostring(tree) == before  # the caller's tree is left as it was
    assert staged
    extracted = trafilatura.extract(tree, options=options)
    # (trafilatura gates on its body's own text, a table's cells without the "| a | b |" rows and
    # "|---|" rule of the output: a page whose story extraction is mostly a table is measured so)
    measured = len(" ".join(re.sub(r"\|[-|\s]*\|\s*$|\|", " ", staged, flags=re.M).split()))
    if measured < ESCALATION_MAX_LENGTH and measured < ESCALATION_PAGE_SHARE * len(html2txt(tree)):
        assert extracted is not None and len(extracted) >= len(staged)
    else:
        assert staged == extracted


_PROSE_ID = " ".join(["Warga desa memperbaiki saluran irigasi bersama sebelum musim tanam tiba."] * 4)


@pytest.mark.parametrize(
    "extra",
    [
        f"<div id='mvp-post-add-box'><div class='post'><p>Artikel berikutnya: {_PROSE_ID}</p>"
        f"<p>Lagi {_PROSE_ID}</p></div></div>",
        f"<ol class='commentlist'><li><p>Komentar pembaca: {_PROSE_ID}</p></li>"
        f"<li><p>Komentar dua {_PROSE_ID}</p></li></ol>",
        f"<div id='comment-section'><p>Komentar pembaca: {_PROSE_ID}</p>"
        f"<p>Komentar dua {_PROSE_ID}</p></div>",
    ],
    ids=["appended-article", "comment-list", "comment-div"],
)
def test_staged_extraction_prunes_comments_and_appended_articles_like_trafilatura(extra: str) -> None:
    # inside the article's own container, only trafilatura's raw-tree prunes (which maintext
    # skips when no class or id could match) keep these out
    import trafilatura

    from kliping.clean import TRAFILATURA_SETTINGS, decode, maintext

    paragraphs = "".join(f"<p>{_PROSE_ID} Paragraf {i}.</p>" for i in range(3))
    page = f"<div class='post-content'><h1>Judul</h1>{paragraphs}{extra}</div>"
    tree = decode.parse(f"<html><body>{page}</body></html>")
    options = maintext.extractor(tuple(sorted(TRAFILATURA_SETTINGS.items())))
    staged = maintext.staged(tree, options)
    assert staged == trafilatura.extract(tree, options=options)
    assert staged and "Paragraf 2" in staged
    assert "Komentar" not in staged and "berikutnya" not in staged


_ODD_HEAD = (
    "<html><head><title></title><title>  Judul\n halaman </title>"
    "<link rel='canonical'><link rel='canonical' href=' https://a.test/x '>"
    "<link rel='Canonical' href='https://a.test/wrong'>"
    "<meta name='Author' content='Budi'><meta property='og:title' content=''><meta name='x'>"
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"H\"}</script>"
    "</head><body><svg><title>ikon</title></svg>"
    "<script type='application/ld+json'>[{\"@type\": \"Person\", \"name\": \"B\"}]</script>"
    "<meta itemprop='datePublished' content='2024-01-08'></body></html>"
)


@pytest.mark.parametrize(
    "path", [*_HTML_FIXTURES, None], ids=lambda p: p.name if p else "odd-head"
)
def test_metadata_walk_reads_what_the_xpaths_read(path: Path | None) -> None:
    # metadata.read walks the tree once; it must find exactly what the four XPaths it replaced do
    from lxml.etree import XPath

    from kliping.clean import decode, metadata

    tree = decode.parse(decode.decode(path.read_bytes()) if path else _ODD_HEAD)
    pm = metadata.read(tree)
    meta: dict[str, list[str]] = {}
    for el in XPath("//meta[@content]")(tree):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        if key:
            meta.setdefault(key.strip().lower(), []).append(el.get("content") or "")
    assert pm.meta == meta
    nodes: list = []
    for text in XPath("//script[@type='application/ld+json']/text()")(tree):
        data = metadata._load_json(text)
        if data is not None:
            metadata._walk(data, nodes)
    assert pm.jsonld == nodes
    href = XPath("//link[@rel='canonical']/@href")(tree)
    assert pm.canonical == (href[0].strip() if href and href[0].strip() else None)
    title = XPath("//title/text()")(tree)
    assert pm.html_title == (" ".join(title[0].split()) if title else None)
    if path is None:
        assert pm.html_title == "Judul halaman" and pm.canonical == "https://a.test/x"
        assert pm.meta["author"] == ["Budi"] and pm.meta["og:title"] == [""]
        assert len(pm.jsonld) == 2 and pm.meta["datepublished"] == ["2024-01-08"]


@pytest.mark.parametrize(
    "inner",
    [
        "<blockquote><o:p>Kutipan pejabat daerah tentang penanaman pohon.</o:p></blockquote>",
        "<ul><li><st1:place>Samarinda</st1:place> menjadi kota pertama yang menanam.</li></ul>",
        "<blockquote><A:>Kutipan pejabat daerah tentang penanaman pohon.</blockquote>",
    ],
)
def test_element_names_lxml_refuses_do_not_lose_the_page(inner: str) -> None:
    # Word's "<o:p>"/"<st1:place>" (text pasted from Word, common on Indonesian sites) and a
    # broken "<A:>": names the HTML parser keeps but lxml will not create; trafilatura's copy of
    # such an element in a quote or a list raised ValueError, and the page became an error row
    para = "<p>Warga desa menanam pohon di tepi sungai pada pagi hari bersama para siswa sekolah.</p>"
    page = (f"<html><body><article><h1>Penanaman Pohon</h1>{para * 4}{inner}"
            f"<p>Kegiatan itu berlangsung hingga siang hari dan diikuti ratusan warga.</p></article>"
            "</body></html>")
    rec = clean({"url": "https://kabar.example/berita/1", "body": page.encode(),
                 "headers": {"content-type": "text/html; charset=utf-8"}})
    words = re.sub(r"<[^>]*>", " ", inner).split()
    assert " ".join(words[:3]) in rec["text"]


@pytest.mark.parametrize("url", ["", "file:///home/peneliti/simpan/berita.html"])
def test_a_page_without_its_url_has_its_canonical_host_for_domain(url: str) -> None:
    """`kliping extract page.html` (no --url): the page's own canonical URL names its host; the
    record's domain said null, though the page says where it is from."""
    from kliping.clean import clean

    paras = "".join(f"<p>Warga desa menanam seribu bibit pohon bakau di pesisir utara, kalimat {k} dari "
                    f"berita yang panjang ini untuk diuji.</p>" for k in range(6))  # fmt: skip
    page = (f'<html><head><title>Warga Tanam Bakau</title><link rel="canonical" '
            f'href="https://nasional.kabarnusa.example/read/2024/01/08/warga-tanam-bakau">'
            f"</head><body><article><h1>Warga Tanam Bakau</h1>{paras}</article></body></html>"
            ).encode()  # fmt: skip
    rec = clean({"body": page, "headers": {}, "url": url, "final_url": url, "site": "",
                 "fetched_at": None, "run_id": None, "fetch_id": "f1"})  # fmt: skip
    assert rec["domain"] == "nasional.kabarnusa.example"
    assert rec["canonical_url"] == "https://nasional.kabarnusa.example/read/2024/01/08/warga-tanam-bakau"
