"""Article text of the fictional detik-like site ``detakberita`` (times in WIB).

Format of each record, parsed by :mod:`kliping.testing.sample.content`::

    @@ <local date time> | <section> | <authors ;-separated> | <editor initials> | <dateline place>
       | <tags ,-separated> | <flags ,-separated>
    <title>
    <one paragraph per line; a line "--page--" starts the next page of a multi-page article>
"""

TEXT = """
@@ 2024-01-05 07:45 | Politik | Rizky Pratama | rdp/imk | Jakarta | pemilu 2024, kpu, logistik pemilu |
KPU Mulai Kirim Logistik Pemilu ke Daerah Terpencil Lebih Awal
Komisi Pemilihan Umum (KPU) mulai mengirimkan logistik Pemilu 2024 ke daerah-daerah terpencil lebih awal dari jadwal semula. Surat suara, kotak suara, dan bilik suara untuk wilayah kepulauan dan pegunungan diberangkatkan dari gudang di Jakarta Utara sejak Kamis malam.
Anggota KPU Hendra Wicaksono mengatakan percepatan itu diambil karena cuaca di sejumlah wilayah timur Indonesia sulit diprediksi pada Januari dan Februari. Menurutnya, keterlambatan satu hari saja dapat berdampak pada ribuan tempat pemungutan suara.
"Kami tidak mau ada TPS yang menunggu logistik pada hari pemungutan suara. Karena itu daerah yang aksesnya paling sulit kami dahulukan," kata Hendra kepada wartawan di kantor KPU, Jumat (5/1/2024).
Pengiriman dilakukan dengan melibatkan TNI, Polri, dan PT Pos Indonesia. Untuk beberapa distrik di pegunungan tengah Papua, logistik akan diangkut dengan pesawat kecil dan helikopter karena tidak ada akses jalan darat.
Hendra menambahkan, KPU juga menyiapkan surat suara cadangan sebanyak dua persen dari jumlah pemilih di setiap TPS. Cadangan itu disimpan di gudang KPU kabupaten dan hanya dapat dibuka dengan berita acara.
Badan Pengawas Pemilu meminta jajarannya di daerah ikut memantau proses pengiriman. Pengawas diminta memastikan segel kotak suara utuh ketika logistik tiba di gudang kecamatan.

@@ 2024-01-05 13:20 | Ekonomi | Dewi Anggraini | das/fdl | Jakarta | harga beras, bulog, inflasi |
Harga Beras Medium Naik di Pasar Induk, Bulog Gelontorkan Stok
Harga beras medium di Pasar Induk Beras Cipinang kembali naik dalam sepekan terakhir. Pedagang menyebut harga di tingkat grosir kini berada di kisaran Rp 12.800 per kilogram, naik sekitar Rp 300 dibanding akhir Desember.
Kenaikan itu dipicu pasokan dari sentra produksi di Jawa yang berkurang karena masa panen raya belum tiba. Sejumlah pedagang mengaku hanya menerima separuh dari kiriman biasanya.
"Barang dari Karawang dan Subang sedikit sekali. Kalau begini terus, harga bisa naik lagi sebelum Imlek," ujar Sutrisno, pedagang beras yang sudah berjualan di Cipinang selama dua puluh tahun.
Perum Bulog menyatakan akan menambah penyaluran beras program stabilisasi pasokan dan harga pangan ke pasar-pasar tradisional. Direktur Operasional Bulog Arief Nugraha mengatakan stok cadangan beras pemerintah saat ini masih mencukupi untuk beberapa bulan ke depan.
Menurut Arief, operasi pasar akan difokuskan di kota-kota dengan kenaikan harga tertinggi. Bulog juga meminta pemerintah daerah membantu memantau agar beras program tidak dikemas ulang dan dijual dengan harga premium.

@@ 2024-01-06 09:10 | Hukum | Fajar Nugroho | fjr/dnu | Bekasi | penipuan online, polda metro jaya, investasi bodong |
Polisi Bongkar Penipuan Investasi Aplikasi Tani, Kerugian Capai Rp 40 Miliar
Polda Metro Jaya membongkar praktik penipuan berkedok investasi pertanian melalui aplikasi ponsel. Para korban dijanjikan keuntungan tetap dari hasil panen cabai dan bawang merah yang ternyata tidak pernah ada.
Kepala Subdirektorat Siber Ditreskrimsus Polda Metro Jaya AKBP Yudha Prasetyo mengatakan sedikitnya 2.300 orang menjadi korban. Total kerugian ditaksir mencapai Rp 40 miliar.
"Pelaku memakai foto-foto lahan milik orang lain dan laporan panen palsu untuk meyakinkan korban. Dana dari anggota baru dipakai untuk membayar keuntungan anggota lama," kata Yudha di Bekasi, Sabtu (6/1/2024).
Polisi menangkap tiga tersangka di sebuah rumah kontrakan di Bekasi Selatan. Dari lokasi itu disita belasan telepon genggam, dua laptop, dan buku rekening atas nama orang lain.
Yudha mengimbau masyarakat memeriksa izin setiap tawaran investasi di situs Otoritas Jasa Keuangan. Imbal hasil yang dijanjikan terlalu tinggi dan tetap setiap bulan, menurutnya, adalah tanda bahaya yang paling mudah dikenali.

@@ 2024-01-06 16:40 | Olahraga | Bagus Setiawan | bgs/aff | Jakarta | timnas indonesia, piala asia 2023, sepak bola |
Timnas Indonesia Tutup Pemusatan Latihan di Turki dengan Laga Uji Coba
Tim nasional sepak bola Indonesia menutup pemusatan latihan di Antalya, Turki, dengan satu laga uji coba tertutup sebelum bertolak ke Qatar. Skuad Garuda dijadwalkan tiba di Doha beberapa hari menjelang laga pembuka Piala Asia.
Pelatih tim nasional menyebut laga uji coba itu dipakai untuk mematangkan pola permainan, terutama transisi dari bertahan ke menyerang. Sejumlah pemain muda mendapat menit bermain lebih banyak dibanding pertandingan sebelumnya.
Manajer tim, Irfan Hakim Lubis, mengatakan kondisi fisik pemain secara umum baik. Hanya satu pemain yang masih menjalani pemulihan cedera otot paha dan diperkirakan pulih sebelum laga kedua fase grup.
"Target kami jelas, lolos dari fase grup untuk pertama kalinya. Anak-anak tahu lawan yang dihadapi berat, tetapi mereka siap," kata Irfan melalui keterangan tertulis, Sabtu (6/1/2024).
Indonesia tergabung di Grup D bersama Irak, Vietnam, dan Jepang. Federasi berharap dukungan suporter yang bermukim di Qatar dapat menambah semangat para pemain.

@@ 2024-01-07 10:05 | Daerah | Nurul Hidayah | nrl/ega | Bandung | banjir, bandung selatan, citarum |
Banjir Rendam Ratusan Rumah di Bandung Selatan Usai Hujan Semalaman
Banjir merendam ratusan rumah di tiga kecamatan di Kabupaten Bandung setelah hujan deras mengguyur sejak Sabtu malam. Ketinggian air di beberapa permukiman mencapai satu meter.
Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bandung mencatat sedikitnya 640 rumah terdampak di Kecamatan Dayeuhkolot, Baleendah, dan Bojongsoang. Sebagian warga memilih mengungsi ke masjid dan balai desa.
"Air mulai naik sekitar pukul tiga dini hari. Kami sempat menyelamatkan dokumen dan barang elektronik, tapi kasur dan lemari terendam," kata Entin, warga Dayeuhkolot, Minggu (7/1/2024).
Kepala Pelaksana BPBD Kabupaten Bandung Asep Kurniawan mengatakan pihaknya telah mendirikan dapur umum dan menyiagakan perahu karet di titik-titik genangan. Petugas juga membagikan air bersih dan selimut kepada pengungsi.
Menurut Asep, luapan Sungai Citarum dan anak-anak sungainya masih menjadi penyebab utama banjir tahunan di kawasan tersebut. Ia meminta warga tetap waspada karena hujan diperkirakan berlanjut hingga pertengahan Januari.

@@ 2024-01-07 19:30 | Teknologi | Andika Permana | adk/rns | Jakarta | kecerdasan buatan, startup, umkm |
Startup Lokal Luncurkan Asisten AI Berbahasa Jawa dan Sunda untuk UMKM
Sebuah perusahaan rintisan asal Yogyakarta meluncurkan asisten berbasis kecerdasan buatan yang dapat memahami bahasa Jawa dan Sunda. Layanan itu ditujukan bagi pelaku usaha mikro yang lebih nyaman berkomunikasi dalam bahasa daerah.
Pendiri perusahaan tersebut, Laras Widyaningrum, mengatakan asisten itu dapat membantu pedagang mencatat penjualan, menghitung stok, dan membalas pesan pelanggan. Semua perintah cukup disampaikan lewat pesan suara.
"Banyak ibu-ibu penjual jajanan pasar yang kesulitan mengetik. Mereka lebih lancar bicara dalam bahasa sehari-hari, jadi teknologinya yang harus menyesuaikan," kata Laras dalam peluncuran di Jakarta, Minggu (7/1/2024).
Model bahasa yang dipakai dilatih dengan rekaman percakapan sukarelawan dari berbagai kabupaten. Laras mengakui akurasi untuk dialek tertentu, seperti bahasa Jawa Banyumasan, masih perlu diperbaiki.
Pengamat ekonomi digital Teguh Santoso menilai inovasi semacam itu dapat memperluas pemanfaatan teknologi di luar kota besar. Namun ia mengingatkan pentingnya perlindungan data suara pengguna yang dikumpulkan aplikasi.
Perusahaan menargetkan sepuluh ribu pengguna aktif pada akhir tahun ini. Untuk tahap awal, layanan diberikan gratis selama tiga bulan.

@@ 2024-01-08 06:55 | Kesehatan | Siti Rahmawati | sre/naf | Jakarta | demam berdarah, kemenkes, musim hujan |
Kasus DBD Meningkat di Awal Musim Hujan, Kemenkes Minta Warga Gencarkan 3M
Kementerian Kesehatan mencatat peningkatan kasus demam berdarah dengue (DBD) di sejumlah provinsi pada awal musim hujan. Lonjakan paling tinggi terjadi di Jawa Barat, Jawa Tengah, dan Nusa Tenggara Timur.
Direktur Pencegahan dan Pengendalian Penyakit Menular Kemenkes, dr Ratna Kusumawardani, mengatakan genangan air hujan menjadi tempat berkembang biak nyamuk Aedes aegypti. Karena itu, gerakan menguras, menutup, dan mendaur ulang barang bekas harus kembali digencarkan.
"Pencegahan paling murah dan paling efektif tetap dimulai dari rumah. Satu ember yang lupa ditutup bisa menjadi sarang ratusan jentik," kata Ratna di Jakarta, Senin (8/1/2024).
Kemenkes juga meminta puskesmas meningkatkan kewaspadaan terhadap pasien dengan demam tinggi mendadak. Pemeriksaan trombosit dini dinilai penting agar pasien tidak terlambat mendapat perawatan.
Sejumlah daerah telah melakukan pengasapan di lingkungan dengan kasus positif. Namun Ratna mengingatkan bahwa pengasapan hanya membunuh nyamuk dewasa dan tidak menggantikan pemberantasan sarang nyamuk.

@@ 2024-01-08 08:30 | Politik | Rizky Pratama | rdp/imk | Jakarta | debat capres, pemilu 2024, pertahanan |
Debat Ketiga Capres Bahas Pertahanan dan Hubungan Internasional
Debat ketiga calon presiden Pemilu 2024 digelar di Istora Senayan, Jakarta, dengan tema pertahanan, keamanan, hubungan internasional, dan geopolitik. Ketiga calon saling beradu gagasan tentang modernisasi alat utama sistem persenjataan.
Moderator membuka debat dengan pertanyaan tentang anggaran pertahanan yang dinilai belum ideal. Para calon sepakat anggaran perlu dinaikkan, tetapi berbeda pendapat soal sumber pendanaan dan skala prioritasnya.
Perdebatan memanas ketika pembahasan beralih ke pembelian pesawat tempur bekas. Salah satu calon mempertanyakan efektivitas pembelian tersebut, sementara calon lain menilai langkah itu diperlukan untuk menutup kekosongan kekuatan udara.
Di segmen hubungan internasional, para calon membahas sikap Indonesia terhadap konflik di Laut China Selatan dan situasi kemanusiaan di Gaza. Ketiganya menegaskan komitmen pada politik luar negeri bebas aktif.
--page--
Pengamat hubungan internasional dari sebuah universitas negeri di Depok, Prof Wahyu Hartono, menilai debat kali ini lebih substansial dibanding debat sebelumnya. Menurutnya, para calon sudah menyiapkan data yang lebih rinci.
"Publik bisa melihat perbedaan pendekatan yang cukup tajam, terutama soal diplomasi pertahanan dan industri pertahanan dalam negeri," ujar Wahyu, Senin (8/1/2024).
Wahyu juga mencatat masih adanya serangan yang bersifat personal di beberapa sesi. Ia berharap debat berikutnya lebih fokus pada program yang dapat diuji publik.
KPU menyatakan akan mengevaluasi format debat, termasuk durasi tanya jawab antarcalon. Debat keempat dijadwalkan mempertemukan para calon wakil presiden pada akhir Januari.

@@ 2024-01-08 10:15 | Ekonomi | Dewi Anggraini | das/fdl | Jakarta | ihsg, bursa efek, saham |
IHSG Dibuka Menguat di Awal Pekan, Saham Perbankan Jadi Penopang
Indeks Harga Saham Gabungan (IHSG) dibuka menguat pada perdagangan awal pekan. Indeks naik 0,4 persen ke level 7.380 pada menit-menit pertama perdagangan di Bursa Efek Indonesia.
Saham-saham perbankan berkapitalisasi besar menjadi penopang utama penguatan indeks. Investor asing tercatat melakukan pembelian bersih di pasar reguler sejak pembukaan.
Analis pasar modal Yohanes Tarigan mengatakan sentimen positif datang dari data inflasi yang terkendali serta ekspektasi penurunan suku bunga acuan global pada tahun ini.
"Pasar menyambut baik data ekonomi domestik yang stabil. Meski begitu, investor tetap berhati-hati menjelang musim laporan keuangan dan pemilu," kata Yohanes, Senin (8/1/2024).
Ia memperkirakan IHSG bergerak di rentang 7.320 hingga 7.420 sepanjang hari. Sektor energi dan bahan baku diperkirakan masih tertekan seiring melemahnya harga batu bara.

@@ 2024-01-08 11:50 | Daerah | Wahyu Kurniawan | wyk/ams | Surabaya | surabaya, transportasi, bus listrik |
Surabaya Uji Coba Bus Listrik di Koridor Utara-Selatan
Pemerintah Kota Surabaya mulai menguji coba lima unit bus listrik di koridor utara-selatan. Bus beroperasi dari Terminal Purabaya hingga kawasan Tanjung Perak setiap hari mulai pukul enam pagi.
Kepala Dinas Perhubungan Kota Surabaya Bambang Sulistyo mengatakan uji coba berlangsung selama tiga bulan. Selama masa itu, penumpang tidak dipungut biaya dan cukup menunjukkan kartu identitas.
"Kami ingin melihat kekuatan baterai di jalanan Surabaya yang panas dan padat. Data dari uji coba ini akan menentukan jumlah armada yang dibeli tahun depan," ujar Bambang di Surabaya, Senin (8/1/2024).
Sejumlah penumpang menyambut baik uji coba tersebut. Rina, karyawati yang bekerja di kawasan Darmo, mengaku bus listrik lebih sejuk dan tidak berisik dibanding angkutan kota yang biasa ia tumpangi.
Pemkot juga menyiapkan dua titik pengisian daya di depo bus. Bambang menyebut pengisian penuh membutuhkan waktu sekitar tiga jam dan cukup untuk operasional satu hari.

@@ 2024-01-08 14:30 | Hukum | Fajar Nugroho | fjr/dnu | Jakarta | kpk, korupsi, pengadaan |
KPK Tahan Dua Pejabat Dinas dalam Kasus Pengadaan Alat Laboratorium Sekolah
Komisi Pemberantasan Korupsi (KPK) menahan dua pejabat dinas pendidikan provinsi dalam kasus dugaan korupsi pengadaan alat laboratorium sekolah. Keduanya ditahan setelah menjalani pemeriksaan selama hampir sepuluh jam.
Juru bicara KPK, Arya Dharmawan, mengatakan kedua tersangka diduga menggelembungkan harga alat praktikum kimia dan fisika untuk ratusan sekolah menengah. Kerugian negara sementara ditaksir Rp 18 miliar.
"Tersangka ditahan untuk dua puluh hari pertama di Rumah Tahanan KPK. Penyidik masih menelusuri aliran dana kepada pihak lain," kata Arya di Gedung Merah Putih KPK, Jakarta, Senin (8/1/2024).
Menurut Arya, sebagian alat yang dikirim ke sekolah tidak sesuai spesifikasi. Beberapa sekolah bahkan menerima mikroskop yang tidak dapat dipakai sejak pertama kali dibuka.
KPK juga telah menggeledah kantor dinas dan rumah rekanan penyedia barang. Dari penggeledahan itu, penyidik menyita dokumen kontrak dan sejumlah barang bukti elektronik.

@@ 2024-01-08 17:05 | Olahraga | Bagus Setiawan | bgs/aff | Jakarta | bulu tangkis, malaysia open, ganda putra |
Ganda Putra Indonesia Melaju ke Babak Kedua Malaysia Open
Pasangan ganda putra Indonesia memastikan tempat di babak kedua Malaysia Open setelah menang dua gim langsung di Axiata Arena, Kuala Lumpur. Mereka menang 21-17 dan 21-15 atas pasangan tuan rumah.
Pertandingan berlangsung ketat di awal gim pertama. Pasangan Indonesia sempat tertinggal 8-11 sebelum membalikkan keadaan lewat serangkaian serangan dari lini belakang.
"Kami sempat tegang karena penonton sangat mendukung lawan. Setelah interval kami lebih tenang dan bisa menjalankan strategi," kata salah satu pemain usai pertandingan.
Di babak kedua, mereka akan menghadapi unggulan ketiga asal Korea Selatan. Pelatih ganda putra pelatnas meminta anak asuhnya menjaga konsistensi servis dan pengembalian bola pendek.
Malaysia Open menjadi turnamen pembuka kalender BWF World Tour tahun ini. Hasil di turnamen ini juga menambah poin menuju kualifikasi Olimpiade Paris.

@@ 2024-01-08 20:45 | Teknologi | Andika Permana | adk/rns | Jakarta | keamanan siber, kebocoran data, pdp |
Data Pelanggan Toko Daring Diduga Bocor, Kominfo Panggil Pengelola
Kementerian Komunikasi dan Informatika memanggil pengelola sebuah toko daring setelah data jutaan pelanggannya diduga dijual di forum peretas. Data itu memuat nama, nomor telepon, alamat, dan riwayat pembelian.
Direktur Jenderal Aplikasi Informatika Kominfo, Hadi Susanto, mengatakan pihaknya meminta perusahaan segera melakukan audit sistem dan memberi tahu pelanggan yang terdampak. Perusahaan diberi waktu tiga kali dua puluh empat jam untuk menyampaikan laporan awal.
"Undang-undang pelindungan data pribadi sudah berlaku. Pengendali data wajib memberi tahu subjek data jika terjadi kegagalan pelindungan," ujar Hadi, Senin (8/1/2024).
Pakar keamanan siber Galih Ramadhan menyarankan pelanggan mengganti kata sandi dan mewaspadai pesan yang mengatasnamakan toko tersebut. Menurutnya, data yang bocor kerap dipakai untuk penipuan yang sangat meyakinkan.
Pihak perusahaan dalam keterangan tertulis menyatakan sedang menyelidiki dugaan tersebut bersama konsultan keamanan independen. Mereka memastikan data kartu pembayaran tidak disimpan di sistem mereka.

@@ 2024-01-09 12:20 | Daerah | Nurul Hidayah | nrl/ega | Semarang | rob, pantura, semarang |
Rob Kembali Genangi Jalur Pantura Semarang, Lalu Lintas Tersendat
Banjir rob kembali menggenangi jalur Pantai Utara Jawa di kawasan Kaligawe, Semarang, sejak Selasa pagi. Genangan setinggi 30 hingga 50 sentimeter membuat kendaraan melaju perlahan dan antrean mengular hingga beberapa kilometer.
Sejumlah sepeda motor mogok setelah nekat menerobos genangan. Warga sekitar membantu mendorong kendaraan ke tempat yang lebih tinggi.
Kepala Dinas Pekerjaan Umum Kota Semarang Heru Santosa mengatakan pompa di rumah pompa Kaligawe telah dioperasikan penuh. Namun air laut yang pasang bersamaan dengan hujan membuat genangan lambat surut.
"Penurunan muka tanah di kawasan ini masih terjadi setiap tahun. Solusi jangka panjangnya adalah tanggul laut dan kolam retensi yang sedang dikerjakan," kata Heru, Selasa (9/1/2024).
Polisi mengalihkan sebagian kendaraan berat ke jalan tol. Pengendara diimbau memantau informasi lalu lintas sebelum melintas di kawasan timur Semarang.

@@ 2024-01-10 09:00 | Pendidikan | Siti Rahmawati | sre/naf | Yogyakarta | pendidikan, kurikulum merdeka, guru |
Guru di Yogyakarta Keluhkan Beban Administrasi Kurikulum Merdeka
Sejumlah guru sekolah dasar di Yogyakarta mengeluhkan beban administrasi yang masih tinggi dalam penerapan Kurikulum Merdeka. Mereka menyebut waktu untuk menyiapkan pembelajaran tersita oleh pengisian laporan di berbagai platform.
Sri Lestari, guru kelas empat di sebuah SD negeri di Kota Yogyakarta, mengatakan ia harus mengunggah dokumen yang sama ke beberapa aplikasi berbeda. Pekerjaan itu kerap ia selesaikan pada malam hari.
"Semangat kurikulumnya bagus, anak-anak lebih aktif. Tetapi kami berharap laporan cukup sekali input, jangan berulang-ulang," kata Sri, Rabu (10/1/2024).
Kepala Dinas Pendidikan Kota Yogyakarta Budi Santoso mengaku telah menerima keluhan serupa. Pihaknya akan mengusulkan penyederhanaan pelaporan kepada kementerian.
Pengamat pendidikan Eko Prasetyo menilai penyederhanaan administrasi menjadi kunci keberhasilan kurikulum baru. Guru, menurutnya, perlu lebih banyak waktu untuk berdiskusi dan merancang kegiatan bersama siswa.

@@ 2024-01-10 15:35 | Ekonomi | Dewi Anggraini | das/fdl | Jakarta | mudik, tiket kereta, kai |
Tiket Kereta Api untuk Libur Panjang Februari Mulai Diburu
PT Kereta Api Indonesia (KAI) mencatat pemesanan tiket untuk libur panjang pertengahan Februari meningkat tajam. Sejumlah jadwal keberangkatan dari Jakarta menuju Yogyakarta dan Surabaya sudah hampir habis terjual.
Vice President Public Relations KAI, Meliana Sari, mengatakan hingga Rabu siang lebih dari 180.000 tiket telah terjual untuk periode tersebut. Kereta kelas ekonomi menjadi yang paling cepat habis.
"Kami menambah perjalanan kereta tambahan untuk mengantisipasi lonjakan. Penumpang kami imbau membeli tiket hanya melalui kanal resmi," ujar Meliana di Jakarta, Rabu (10/1/2024).
KAI juga mengingatkan calon penumpang agar mewaspadai calo dan situs palsu yang menawarkan tiket dengan harga lebih murah. Tiket hanya berlaku jika nama penumpang sesuai dengan identitas.
Libur panjang pada Februari bertepatan dengan hari pemungutan suara dan perayaan Imlek. Banyak warga memanfaatkan momentum itu untuk pulang kampung sekaligus menggunakan hak pilih.
"""

#: detik-style ids are assigned in order from this number.
FIRST_ID = 7130101
#: records (0-based) rendered without JSON-LD.
NO_JSONLD = (2, 9, 13)
