"""Why redesigned pages lost their body, one family per test (issue 14 item 6).

bench/extraction.py rewrites real pages the way sites redesign (tests/redesign.py) and compares the
body of each rewrite with the unmodified page's. The worst cases fell into families; each test
below is a small page written for it, modelled on an Indonesian news page, that failed the way
the family did before its fix:

- ``runs_pick_the_container``: a body written as ``<br>`` runs, next to a footer of a few plain
  paragraphs. The runs do not count when the generic path looks for the main container, so the
  footer's paragraphs chose it and the story was lost; now runs outside the element chosen that
  outweigh its paragraphs send the generic path to the whole page.
- ``lone_run``: a short story written as one long text run ended by ``<br><br>``, above a box of
  teaser paragraphs. One run was not rewritten as a paragraph (two were needed), so only the
  teasers counted as prose and they were extracted instead of the story.
- ``wrapped_text_blocks``: a body of bare-text ``<div>``s, one of them holding ``<br>`` runs
  (older Indonesian CMS editors write this). The plain blocks next to the runs are paragraphs of
  the same body; once a redesign wrapped each block in a ``<div>`` of its own, they were no longer
  the runs' siblings and were read apart, and the lead paragraph was lost.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kliping.clean import clean

FETCHED = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)
PARAS = [
    "Pemerintah Kabupaten Sleman membuka jembatan gantung baru yang menghubungkan dua desa di "
    "lereng Merapi pada Selasa pagi, disaksikan ratusan warga.",
    "Jembatan sepanjang 120 meter itu dibangun selama delapan bulan dengan dana desa dan bantuan "
    "provinsi, kata kepala dinas pekerjaan umum setempat.",
    "Warga yang sebelumnya harus memutar sejauh 14 kilometer kini cukup berjalan kaki sepuluh "
    "menit untuk sampai ke pasar dan sekolah di seberang sungai.",
    "Dinas akan memeriksa kekuatan tali baja jembatan setiap tiga bulan sekali, terutama "
    "menjelang musim hujan yang biasanya tiba pada bulan November.",
    "Bupati berharap jembatan itu juga menarik wisatawan yang ingin menikmati pemandangan lereng "
    "Merapi dari ketinggian, sehingga ekonomi desa ikut bergerak.",
    "Sejumlah pedagang kecil mulai membuka lapak di ujung jembatan sejak pagi, menjual makanan "
    "ringan dan minuman bagi warga yang datang untuk melihat.",
    "Kepala desa mengatakan warga akan dilibatkan dalam perawatan harian jembatan, termasuk "
    "membersihkan papan kayu dan melaporkan baut yang longgar.",
    "Menurut catatan dinas, jembatan lama yang terbuat dari bambu hanyut terbawa banjir lahar "
    "dingin dua tahun lalu dan sejak itu belum pernah diganti.",
    "Anak-anak sekolah menjadi kelompok yang paling merasakan manfaatnya karena kini tidak perlu "
    "lagi menyeberang sungai dengan rakit saat air sedang tinggi.",
    "Pemerintah provinsi menyatakan akan membangun tiga jembatan serupa di kabupaten lain pada "
    "tahun depan dengan skema pendanaan yang sama.",
]
FOOTER = [
    "Redaksi Warta Contoh menerima tulisan pembaca melalui surat elektronik; setiap tulisan yang "
    "dimuat menjadi milik redaksi dan dapat disunting tanpa pemberitahuan.",
    "Seluruh isi situs ini dilindungi undang-undang hak cipta; dilarang mengutip atau menyalin "
    "tanpa izin tertulis dari penerbit Warta Contoh.",
    "Warta Contoh adalah bagian dari kelompok media regional yang terbit di Yogyakarta sejak "
    "tahun 1998 dan terverifikasi oleh Dewan Pers.",
]


def _page(body: str, footer: list[str] = FOOTER) -> bytes:
    footer = "".join(f"<p>{x}</p>" for x in footer)
    return (
        "<html><head><title>Jembatan gantung baru dibuka</title></head><body>"
        "<div class='x1'><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></div>"
        f"<div class='x2'><h1>Jembatan gantung baru dibuka</h1>{body}</div>"
        f"<div class='x3'>{footer}</div></body></html>"
    ).encode()


def _text(page: bytes) -> str:
    raw = {"body": page, "headers": {"content-type": "text/html; charset=utf-8"}, "url": "",
           "final_url": "", "site": "", "fetched_at": FETCHED, "run_id": "t", "fetch_id": "t"}  # fmt: skip
    return clean(raw, None)["text"]


def test_runs_pick_the_container() -> None:
    runs = "<br><br>".join(PARAS)
    text = _text(_page(f"<div class='x4'>{runs}</div>"))
    for para in PARAS:
        assert para in text
    # (before: the footer's three paragraphs were the only prose counted, and all that was kept)
    assert len(text) > 2 * sum(map(len, FOOTER))


def test_wrapped_text_blocks() -> None:
    block = "<div style='font-size:13px'>{}</div>"
    blocks = [
        block.format(f"Sleman (Warta) - {PARAS[0]}"),
        block.format("<br>"),
        block.format(PARAS[1]),
        block.format("<br>" + "<br><br>".join(PARAS[2:7])),
        block.format("<br>"),
        block.format(PARAS[7]),
        block.format(PARAS[8]),
    ]
    for wrapped in (False, True):
        body = "".join(f"<div>{b}</div>" if wrapped else b for b in blocks)
        text = _text(_page(f"<div id='isi'>{body}</div>", ["Hak cipta Warta Contoh 2025"]))
        for para in PARAS[:9]:
            assert para in text, (wrapped, para)


def test_lone_run() -> None:
    story = " ".join(PARAS[:4])
    teasers = "".join(f"<div class='x5'><h3><a href='/b/{i}'>Berita lain {i}</a></h3><p>{x[:90]}…</p></div>"
                      for i, x in enumerate(PARAS[5:8]))  # fmt: skip
    text = _text(_page(f"<div class='x4'>{story}<br><br></div><div class='x6'>{teasers}</div>",
                       ["Hak cipta Warta Contoh 2025"]))  # fmt: skip
    assert story in text
