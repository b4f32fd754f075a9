"""Article text of the fictional kompas-like site ``kabarnusa``.

Same record format as :mod:`kliping.testing.sample.content_detakberita`, except that the header starts with
the sub-host (``nasional`` in WIB or ``regional`` in WITA) and the fourth field holds editor names::

    @@ <nasional|regional> <local date time> | <section> | <authors> | <editors> | <dateline place>
       | <tags> | <flags>
"""

TEXT = """
@@ nasional 2024-01-05 11:25 | Nasional | Dian Puspita | Bagus Santosa | Jakarta | bansos, pangan, pemerintah | no_jsonld
Pemerintah Perpanjang Bantuan Pangan Beras hingga Juni 2024
Pemerintah memutuskan memperpanjang penyaluran bantuan pangan beras sebanyak 10 kilogram per bulan bagi keluarga penerima manfaat hingga Juni 2024. Keputusan itu diambil dalam rapat terbatas di Istana Kepresidenan.
Kepala Badan Pangan Nasional Andi Mulyadi mengatakan perpanjangan diberikan untuk menjaga daya beli keluarga berpendapatan rendah di tengah kenaikan harga pangan. Jumlah penerima tetap sekitar 22 juta keluarga.
"Anggaran sudah disiapkan dan stok beras pemerintah mencukupi. Penyaluran bulan Januari akan dimulai pekan depan," kata Andi di Jakarta, Jumat (5/1/2024).
Ia menjelaskan, penyaluran tetap dilakukan melalui kantor pos dan pemerintah desa. Data penerima diperbarui setiap tiga bulan agar bantuan tepat sasaran.
Sejumlah ekonom menilai bantuan pangan efektif meredam inflasi di kelompok masyarakat bawah. Namun mereka mengingatkan perlunya perbaikan data agar tidak ada warga miskin yang terlewat.

@@ regional 2024-01-06 14:10 | Regional | Hendra Cipta | Rahmat Hidayat | Makassar | makassar, pelabuhan, cuaca ekstrem | no_jsonld
Gelombang Tinggi, Penyeberangan dari Makassar ke Pulau-pulau Sekitar Dihentikan Sementara
Syahbandar Pelabuhan Paotere menghentikan sementara penyeberangan kapal rakyat dari Makassar ke pulau-pulau di Kepulauan Spermonde. Keputusan itu diambil setelah Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan gelombang setinggi 2,5 meter.
Kepala Kantor Syahbandar Paotere Ismail Rauf mengatakan larangan berlaku hingga cuaca kembali aman. Kapal yang sudah berada di pulau diminta tidak kembali ke Makassar sebelum ada pemberitahuan.
"Keselamatan penumpang nomor satu. Kami tidak akan mengeluarkan surat persetujuan berlayar selama peringatan gelombang tinggi masih berlaku," kata Ismail, Sabtu (6/1/2024).
Penghentian pelayaran membuat puluhan warga pulau tertahan di dermaga. Sebagian dari mereka datang ke kota untuk berobat dan berbelanja kebutuhan pokok.
Pemerintah Kota Makassar menyiapkan tempat singgah sementara di dekat pelabuhan. Warga yang tertahan juga mendapat bantuan makanan dari dinas sosial setempat.

@@ nasional 2024-01-07 09:40 | Nasional | Dian Puspita | Bagus Santosa | Jakarta | ikn, nusantara, pembangunan | no_jsonld
Otorita IKN Targetkan Ribuan ASN Mulai Pindah ke Nusantara Tahun Ini
Otorita Ibu Kota Nusantara (IKN) menargetkan gelombang pertama aparatur sipil negara mulai pindah ke Nusantara pada paruh kedua tahun ini. Hunian bagi para pegawai disebut sedang dalam tahap penyelesaian.
Deputi Bidang Sarana dan Prasarana Otorita IKN, Joko Susilo, mengatakan rumah susun untuk ASN di kawasan inti pusat pemerintahan telah mencapai kemajuan fisik di atas 70 persen. Fasilitas air bersih dan listrik juga tengah diuji.
"Kami ingin saat pegawai datang, semua kebutuhan dasar sudah siap. Sekolah dan layanan kesehatan juga sedang dibangun," ujar Joko di Jakarta, Minggu (7/1/2024).
Menurut Joko, kementerian dan lembaga akan menentukan pegawai yang pindah lebih dulu. Prioritas diberikan kepada unit yang tugasnya berkaitan langsung dengan pelayanan di kawasan IKN.
Sejumlah ASN yang ditemui mengaku masih menunggu kepastian soal tunjangan dan fasilitas keluarga. Mereka berharap pemerintah segera menerbitkan aturan teknis pemindahan.

@@ nasional 2024-01-08 07:15 | Nasional | Aditya Ramadhan | Bagus Santosa | Jakarta | pemilu 2024, bawaslu, kampanye | no_jsonld
Bawaslu Temukan Ribuan Alat Peraga Kampanye Melanggar Aturan
Badan Pengawas Pemilu (Bawaslu) menemukan ribuan alat peraga kampanye yang dipasang di lokasi terlarang selama sepekan terakhir. Sebagian besar dipasang di pohon, tiang listrik, dan dekat fasilitas pendidikan.
Anggota Bawaslu Lestari Handayani mengatakan pengawas di daerah telah menertibkan alat peraga tersebut bersama satuan polisi pamong praja. Peserta pemilu yang melanggar juga sudah diberi surat peringatan.
"Kami mengingatkan partai dan tim kampanye agar mematuhi titik pemasangan yang ditetapkan pemerintah daerah. Memaku spanduk di pohon bukan hanya melanggar, tetapi juga merusak lingkungan," kata Lestari di Jakarta, Senin (8/1/2024).
Bawaslu juga memantau kampanye di media sosial yang kian masif. Lestari menyebut pihaknya bekerja sama dengan platform digital untuk menurunkan konten yang mengandung ujaran kebencian.

@@ regional 2024-01-08 08:45 | Regional | Maria Wenas | Rahmat Hidayat | Manado | manado, pariwisata, kapal pesiar | no_jsonld
Kapal Pesiar Bawa 1.500 Wisatawan Mancanegara Sandar di Bitung
Sebuah kapal pesiar yang membawa sekitar 1.500 wisatawan mancanegara sandar di Pelabuhan Bitung, Sulawesi Utara. Para wisatawan disambut tarian kabasaran dan musik kolintang.
Kepala Dinas Pariwisata Sulawesi Utara Ferdinand Lumintang mengatakan kedatangan kapal pesiar menjadi awal yang baik bagi pariwisata daerah pada tahun ini. Sebagian besar wisatawan berasal dari Australia dan Eropa.
"Mereka akan mengunjungi Taman Nasional Tangkoko, berbelanja kerajinan di Manado, dan menyelam di Bunaken. Pelaku usaha lokal kami libatkan sebagai pemandu," ujar Ferdinand di Manado, Senin (8/1/2024).
Pedagang suvenir di kawasan pelabuhan mengaku kebanjiran pembeli. Kain tenun dan kerajinan dari batok kelapa menjadi barang yang paling diminati wisatawan.
Pemerintah provinsi menargetkan sepuluh kali kunjungan kapal pesiar sepanjang tahun. Dermaga khusus kapal wisata juga diusulkan untuk dibangun agar tidak mengganggu aktivitas bongkar muat barang.

@@ nasional 2024-01-08 10:00 | Nasional | Aditya Ramadhan; Dian Puspita | Bagus Santosa | Jakarta | mahkamah konstitusi, uji materi, undang-undang | no_jsonld
MK Gelar Sidang Uji Materi Aturan Batas Usia Calon Kepala Daerah
Mahkamah Konstitusi (MK) menggelar sidang pendahuluan uji materi aturan batas usia calon kepala daerah dalam Undang-Undang Pemilihan Kepala Daerah. Permohonan diajukan oleh sekelompok mahasiswa dari sejumlah universitas.
Para pemohon meminta MK memaknai ulang ketentuan soal waktu penghitungan usia calon. Mereka menilai ketentuan yang berlaku saat ini menimbulkan tafsir berbeda di antara penyelenggara pemilu.
Kuasa hukum pemohon, Yosef Manurung, mengatakan kliennya ingin ada kepastian hukum sebelum tahapan pilkada serentak dimulai. Menurutnya, perbedaan tafsir dapat memicu sengketa di kemudian hari.
"Kami tidak sedang memperjuangkan kepentingan calon tertentu. Kami hanya ingin aturan main jelas sejak awal," kata Yosef seusai sidang di Gedung MK, Jakarta, Senin (8/1/2024).
Majelis hakim panel memberikan waktu empat belas hari kepada pemohon untuk memperbaiki permohonan. Hakim menyarankan pemohon memperkuat argumentasi soal kerugian konstitusional yang dialami.
Pakar hukum tata negara Indah Permatasari menilai perkara ini perlu diputus cepat. Ia mengingatkan bahwa putusan yang terlambat dapat mengganggu persiapan pencalonan di daerah.
--page--
Indah juga menyoroti banyaknya uji materi terkait syarat pencalonan yang diajukan menjelang pemilihan. Menurutnya, hal itu menunjukkan pembentuk undang-undang perlu merumuskan norma dengan lebih cermat.
"Undang-undang yang dibuat tergesa-gesa akan terus diuji. Ke depan, DPR dan pemerintah harus membuka ruang partisipasi publik lebih luas sejak tahap penyusunan," ujar Indah.
Sidang perbaikan permohonan dijadwalkan digelar pada akhir Januari. Setelah itu, MK akan memutuskan apakah perkara dilanjutkan ke sidang pleno dengan mendengarkan keterangan DPR dan presiden.

@@ regional 2024-01-08 11:20 | Regional | Ni Luh Sukmawati | Rahmat Hidayat | Denpasar | bali, sampah plastik, lingkungan | no_jsonld
Sampah Kiriman Kembali Penuhi Pantai Kuta, Petugas Angkut 30 Ton Sehari
Sampah kiriman kembali memenuhi Pantai Kuta dan Legian, Bali, seiring angin barat yang bertiup kencang. Petugas kebersihan mengangkut sekitar 30 ton sampah setiap hari sejak akhir Desember.
Kepala Dinas Lingkungan Hidup dan Kebersihan Kabupaten Badung I Made Suarjana mengatakan sampah didominasi batang kayu, ranting, dan plastik. Alat berat dikerahkan untuk mempercepat pembersihan.
"Fenomena ini terjadi setiap musim angin barat. Kami menambah petugas dan truk agar pantai tetap nyaman untuk wisatawan," kata Suarjana di Denpasar, Senin (8/1/2024).
Sejumlah wisatawan tetap bermain di pantai meski pasir dipenuhi sampah. Beberapa di antaranya bahkan ikut membantu petugas memungut sampah plastik.
Aktivis lingkungan mendesak pemerintah daerah di Bali dan Jawa Timur bekerja sama menangani sampah dari hulu. Mereka menilai sebagian besar sampah berasal dari sungai-sungai yang bermuara ke Selat Bali.

@@ nasional 2024-01-08 12:40 | Nasional | Fitri Handayani | Yohana Sari | Jakarta | kesehatan, bpjs kesehatan, rumah sakit | flaky500, no_jsonld
BPJS Kesehatan Uji Coba Kelas Rawat Inap Standar di Puluhan Rumah Sakit
BPJS Kesehatan bersama Kementerian Kesehatan menguji coba kelas rawat inap standar di puluhan rumah sakit pemerintah dan swasta. Dalam skema ini, ruang perawatan peserta tidak lagi dibedakan berdasarkan kelas iuran.
Direktur Pelayanan BPJS Kesehatan Lina Marlina mengatakan setiap ruang rawat inap maksimal berisi empat tempat tidur. Setiap ruangan juga wajib memiliki kamar mandi di dalam dan pengatur suhu.
"Prinsipnya peserta mendapat layanan medis yang sama. Uji coba ini untuk melihat kesiapan rumah sakit sebelum diterapkan secara nasional," kata Lina di Jakarta, Senin (8/1/2024).
Sejumlah rumah sakit daerah mengaku masih harus merenovasi ruangan agar memenuhi standar. Mereka meminta dukungan anggaran dari pemerintah pusat dan daerah.
Lembaga perlindungan konsumen meminta pemerintah memastikan perubahan ini tidak mengurangi jumlah tempat tidur yang tersedia bagi peserta. Antrean rawat inap dikhawatirkan semakin panjang.

@@ regional 2024-01-08 13:55 | Regional | Hendra Cipta | Rahmat Hidayat | Balikpapan | balikpapan, kebakaran, permukiman | no_jsonld
Kebakaran Hanguskan Belasan Rumah Panggung di Balikpapan Barat
Kebakaran melanda permukiman padat di Kelurahan Margasari, Balikpapan Barat, Kalimantan Timur. Sedikitnya 14 rumah panggung berbahan kayu hangus terbakar dalam waktu kurang dari satu jam.
Kepala Dinas Pemadam Kebakaran Kota Balikpapan Agus Salim mengatakan api diduga berasal dari korsleting listrik di salah satu rumah. Angin kencang dari arah laut membuat api cepat menjalar.
"Akses jalan yang sempit menyulitkan mobil pemadam masuk. Petugas harus menyambung selang dari jalan utama," ujar Agus di Balikpapan, Senin (8/1/2024).
Tidak ada korban jiwa dalam peristiwa itu, tetapi dua warga dilarikan ke rumah sakit karena sesak napas. Sebanyak 52 jiwa kehilangan tempat tinggal dan sementara mengungsi di rumah kerabat.
Pemerintah kota menyalurkan bantuan makanan, pakaian, dan perlengkapan sekolah bagi anak-anak korban kebakaran. Dinas sosial juga mendata kebutuhan untuk pembangunan kembali rumah warga.

@@ nasional 2024-01-08 15:10 | Nasional | Fitri Handayani | Yohana Sari | Jakarta | pendidikan, beasiswa, kip kuliah | no_jsonld
Pendaftaran KIP Kuliah 2024 Dibuka Februari, Ini Syarat dan Jadwalnya
Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi akan membuka pendaftaran Kartu Indonesia Pintar (KIP) Kuliah 2024 pada Februari. Program ini memberi bantuan biaya pendidikan dan biaya hidup bagi mahasiswa dari keluarga kurang mampu.
Kepala Pusat Layanan Pembiayaan Pendidikan Rudi Hartanto mengatakan kuota tahun ini diperkirakan sama dengan tahun lalu. Calon penerima harus lulus seleksi masuk perguruan tinggi negeri atau swasta yang terakreditasi.
Syarat utama pendaftar adalah lulusan SMA atau sederajat paling lama dua tahun sebelumnya. Pendaftar juga harus memiliki nomor induk siswa nasional dan nomor induk kependudukan yang valid.
"Prioritas diberikan kepada pemegang Kartu Indonesia Pintar, keluarga penerima program keluarga harapan, dan siswa dari panti sosial," kata Rudi di Jakarta, Senin (8/1/2024).
Pendaftaran dilakukan secara daring melalui laman resmi KIP Kuliah. Rudi mengingatkan calon mahasiswa agar tidak mempercayai pihak yang menjanjikan kelulusan dengan imbalan uang.
--page--
Wakil Rektor Bidang Kemahasiswaan sebuah universitas negeri di Semarang, Sri Mulyani Hadi, mengatakan banyak penerima bantuan merupakan generasi pertama dalam keluarganya yang berkuliah.
"Mereka sering kali menghadapi tekanan ganda, belajar sambil memikirkan keluarga di kampung. Karena itu pendampingan sama pentingnya dengan bantuan uang," ujar Sri Mulyani.
--page--
Dewan Perwakilan Rakyat meminta pemerintah menambah kuota KIP Kuliah seiring meningkatnya jumlah lulusan sekolah menengah. Komisi yang membidangi pendidikan juga meminta penyaluran dana dilakukan tepat waktu.
Menurut catatan kementerian, keterlambatan pencairan pada tahun-tahun sebelumnya terjadi karena verifikasi data di kampus yang belum selesai. Tahun ini, verifikasi akan dilakukan lebih awal agar bantuan diterima pada bulan pertama perkuliahan.

@@ regional 2024-01-08 16:30 | Regional | Baiq Nurhasanah | Rahmat Hidayat | Mataram | lombok, sirkuit mandalika, balap motor | no_jsonld
Sirkuit Mandalika Siapkan Perbaikan Lintasan Jelang Musim Balap
Pengelola Sirkuit Mandalika di Lombok Tengah, Nusa Tenggara Barat, menyiapkan perbaikan lintasan sebelum musim balap tahun ini dimulai. Pekerjaan meliputi pengaspalan ulang di beberapa tikungan dan perbaikan saluran air.
Direktur Utama pengelola kawasan, Lalu Hamzani, mengatakan perbaikan dilakukan berdasarkan masukan dari pembalap dan federasi balap internasional. Pekerjaan ditargetkan rampung pada akhir Maret.
"Kami belajar dari musim lalu ketika hujan deras membuat beberapa bagian lintasan tergenang. Saluran air kini kami perbesar," kata Lalu di Mataram, Senin (8/1/2024).
Pemerintah provinsi berharap ajang balap internasional tetap digelar di Mandalika karena berdampak besar bagi hotel, restoran, dan pelaku usaha kecil. Tingkat hunian hotel di Lombok disebut hampir penuh setiap kali balapan berlangsung.

@@ nasional 2024-01-08 18:05 | Nasional | Aditya Ramadhan | Bagus Santosa | Jakarta | tni, papua, keamanan | no_jsonld
Panglima TNI Tinjau Pos Pengamanan di Perbatasan Papua
Panglima TNI meninjau sejumlah pos pengamanan di perbatasan Indonesia dan Papua Nugini. Kunjungan itu dilakukan untuk memastikan kesiapan prajurit menjelang pemungutan suara.
Kepala Pusat Penerangan TNI, Laksamana Pertama Dedi Kurniawan, mengatakan Panglima berdialog dengan prajurit dan tokoh masyarakat setempat. Panglima menekankan pendekatan humanis dalam menjalankan tugas.
"Prajurit diminta membantu masyarakat, termasuk mendukung distribusi logistik pemilu ke kampung-kampung yang sulit dijangkau," kata Dedi dalam keterangan tertulis, Senin (8/1/2024).
Panglima juga menyerahkan bantuan bahan makanan dan alat tulis untuk sekolah di sekitar pos. Warga menyambut kedatangan rombongan dengan tarian adat.

@@ regional 2024-01-08 19:25 | Regional | Yakobus Bere | Rahmat Hidayat | Kupang | kupang, kekeringan, air bersih | no_jsonld
Warga Kupang Masih Antre Air Bersih meski Musim Hujan Tiba
Warga di sejumlah kelurahan di Kota Kupang, Nusa Tenggara Timur, masih harus mengantre air bersih meski musim hujan telah tiba. Curah hujan yang rendah membuat sumur warga belum terisi.
Lurah Oesapa Barat, Markus Ndun, mengatakan distribusi air dengan mobil tangki masih dilakukan dua kali seminggu. Setiap keluarga mendapat jatah sekitar 200 liter.
"Hujan memang sudah turun, tetapi baru sebentar-sebentar. Sumur gali warga belum ada airnya," kata Markus di Kupang, Senin (8/1/2024).
Perusahaan daerah air minum setempat menyebut debit mata air yang menjadi sumber utama turun hingga separuh. Pemerintah kota berencana membangun embung baru untuk menampung air hujan.

@@ nasional 2024-01-08 21:00 | Nasional | Fitri Handayani | Yohana Sari | Jakarta | cuaca, bmkg, siklon tropis | no_jsonld
BMKG Peringatkan Potensi Hujan Lebat di Sejumlah Provinsi Sepekan ke Depan
Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan potensi hujan lebat disertai angin kencang di sejumlah provinsi dalam sepekan ke depan. Kondisi itu dipicu bibit siklon tropis di selatan Indonesia.
Deputi Bidang Meteorologi BMKG, Sari Wulandari, mengatakan wilayah yang perlu waspada antara lain Jawa bagian barat, Bali, Nusa Tenggara Barat, dan Nusa Tenggara Timur. Gelombang tinggi juga berpotensi terjadi di perairan selatan.
"Masyarakat di daerah rawan longsor dan banjir diminta meningkatkan kewaspadaan. Nelayan sebaiknya menunda melaut jika gelombang melebihi dua meter," kata Sari di Jakarta, Senin (8/1/2024).
BMKG memperbarui informasi prakiraan cuaca setiap tiga jam melalui aplikasi dan media sosial resminya. Pemerintah daerah diminta menyiapkan rencana kontinjensi.

@@ nasional 2024-01-09 10:30 | Nasional | Dian Puspita | Bagus Santosa | Jakarta | ekonomi, inflasi, bank indonesia | no_jsonld
Bank Indonesia Yakin Inflasi 2024 Tetap Terkendali di Kisaran Target
Bank Indonesia (BI) meyakini inflasi sepanjang 2024 tetap terkendali di kisaran target 1,5 hingga 3,5 persen. Keyakinan itu didukung koordinasi pengendalian harga pangan bersama pemerintah pusat dan daerah.
Deputi Gubernur BI, Ahmad Fauzi, mengatakan inflasi inti masih rendah dan ekspektasi inflasi masyarakat terjaga. Tantangan terbesar justru datang dari harga pangan yang bergejolak akibat cuaca.
"Kami terus memperkuat gerakan nasional pengendalian inflasi pangan, termasuk kerja sama antardaerah untuk menyeimbangkan pasokan," ujar Fauzi di Jakarta, Selasa (9/1/2024).
BI juga memperkirakan pertumbuhan ekonomi tahun ini berada di kisaran 4,7 hingga 5,5 persen. Konsumsi rumah tangga dan belanja terkait pemilu diperkirakan menjadi penopang utama.

@@ regional 2024-01-10 15:45 | Regional | Maria Wenas | Rahmat Hidayat | Manado | manado, gunung api, ruang | no_jsonld
Status Gunung Ruang Turun, Pengungsi Mulai Pulang ke Rumah
Status aktivitas Gunung Ruang di Kabupaten Kepulauan Sitaro, Sulawesi Utara, diturunkan dari Siaga menjadi Waspada. Warga yang sebelumnya mengungsi mulai kembali ke rumah masing-masing.
Kepala Pos Pengamatan Gunung Api Ruang, Daniel Rumengan, mengatakan kegempaan vulkanik menurun signifikan dalam dua pekan terakhir. Meski begitu, warga tetap dilarang beraktivitas dalam radius dua kilometer dari kawah.
"Kami terus memantau dan akan segera memberi tahu jika ada peningkatan aktivitas. Warga diminta mengikuti arahan petugas," kata Daniel saat dihubungi dari Manado, Rabu (10/1/2024).
Pemerintah kabupaten menyiapkan kapal untuk mengangkut pengungsi dari Pulau Tagulandang ke Pulau Ruang. Bantuan bahan pokok tetap disalurkan selama dua pekan pertama setelah warga kembali.
"""
