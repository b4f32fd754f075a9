"""Article text of the fictional WordPress site ``suarawarga`` (Jayapura, times in WIT).

Same record format as :mod:`kliping.testing.sample.content_detakberita`; the fourth field is unused.
"""

TEXT = """
@@ 2024-01-05 08:20 | Daerah | Yulianus Wenda | - | - | jayapura, pasar, harga pangan |
Harga Cabai di Pasar Youtefa Tembus Rp 120 Ribu per Kilogram
Harga cabai rawit di Pasar Youtefa, Abepura, Kota Jayapura, melonjak hingga Rp 120.000 per kilogram dalam sepekan terakhir. Pedagang menyebut pasokan dari Kabupaten Keerom dan Jawa berkurang karena cuaca buruk.
Mama Ester, pedagang sayur yang sudah belasan tahun berjualan di pasar itu, mengatakan pembeli kini hanya berani membeli cabai dalam jumlah kecil. "Biasanya orang beli satu kilo, sekarang seperempat saja sudah mengeluh," ujarnya.
Dinas Perindustrian dan Perdagangan Kota Jayapura mencatat kenaikan juga terjadi pada bawang merah dan tomat. Pemerintah kota berencana menggelar pasar murah di lima distrik sebelum pertengahan bulan.
Kepala dinas, Yohanes Rumbiak, meminta warga tidak panik membeli. Menurutnya, harga akan kembali turun ketika panen petani lokal di Koya dan Arso mulai masuk ke pasar.

@@ 2024-01-05 15:45 | Pendidikan | Maria Kogoya | - | - | pendidikan, sekolah, guru honorer |
Ratusan Guru Honorer di Pegunungan Tengah Belum Terima Insentif Akhir Tahun
Ratusan guru honorer di sejumlah kabupaten di Pegunungan Tengah Papua belum menerima insentif akhir tahun. Para guru mengaku sudah tiga bulan mengajar tanpa kepastian pembayaran.
Ketua forum guru honorer setempat, Niko Tabuni, mengatakan sebagian guru terpaksa berkebun dan berdagang untuk menutup kebutuhan sehari-hari. Beberapa sekolah bahkan sempat meliburkan siswa karena guru tidak datang.
"Kami tetap mengajar karena kasihan anak-anak. Tetapi guru juga punya keluarga yang harus diberi makan," kata Niko saat ditemui di Wamena, Jumat (5/1/2024).
Pemerintah kabupaten menyatakan keterlambatan terjadi karena proses verifikasi data guru yang belum selesai. Pembayaran dijanjikan cair paling lambat akhir Januari.

@@ 2024-01-06 07:30 | Olahraga | Yulianus Wenda | - | - | persipura, sepak bola, liga 2 |
Persipura Tambah Dua Pemain Muda Jelang Putaran Kedua Liga 2
Persipura Jayapura merekrut dua pemain muda asal Merauke dan Nabire untuk memperkuat tim pada putaran kedua Liga 2. Keduanya merupakan jebolan kompetisi antarkampung yang digelar tahun lalu.
Manajer tim, Benny Sawaki, mengatakan kedua pemain dipilih setelah mengikuti seleksi terbuka selama dua pekan di Stadion Mandala. Pelatih menilai mereka memiliki kecepatan dan teknik yang baik.
"Persipura selalu lahir dari anak-anak Papua sendiri. Kami ingin memberi kesempatan kepada talenta daerah," ujar Benny, Sabtu (6/1/2024).
Tim Mutiara Hitam akan menjalani laga tandang pertama di putaran kedua pada pertengahan Januari. Suporter berharap tim kembali bersaing untuk promosi ke Liga 1.

@@ 2024-01-06 12:10 | Pemerintahan | Maria Kogoya | - | - | pemerintahan, pelayanan publik, mal pelayanan publik | weekday_mismatch
Wapres Dukung Mal Pelayanan Publik Hadir di Setiap Kabupaten di Papua
Wakil Presiden mendukung rencana pemerintah provinsi menghadirkan mal pelayanan publik di setiap kabupaten di Tanah Papua. Dukungan itu disampaikan saat menerima kunjungan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta.
Menurut Wapres, pelayanan terpadu akan memangkas waktu dan biaya yang harus dikeluarkan warga untuk mengurus dokumen kependudukan dan perizinan. Selama ini banyak warga dari kampung harus menempuh perjalanan jauh ke ibu kota kabupaten.
"Pelayanan publik yang baik adalah wujud kehadiran negara. Saya ingin masyarakat di Papua merasakan kemudahan yang sama dengan daerah lain," kata Wapres di Istana Wakil Presiden, Jakarta, Jumat (6/1/2024).
Menteri menyebut saat ini baru tiga kabupaten di Papua yang memiliki mal pelayanan publik. Pemerintah pusat akan membantu pendampingan teknis dan sistem digital bagi daerah yang siap membangun.
Sejumlah bupati menyambut baik rencana itu. Mereka berharap ada dukungan anggaran karena kemampuan fiskal daerah masih terbatas.

@@ 2024-01-06 18:50 | Kesehatan | Sarah Itlay | - | - | kesehatan, malaria, kabupaten keerom |
Kasus Malaria di Keerom Menurun, Dinkes Tetap Bagikan Kelambu
Dinas Kesehatan Kabupaten Keerom mencatat penurunan kasus malaria sepanjang tahun lalu. Meski demikian, pembagian kelambu berinsektisida tetap dilanjutkan di kampung-kampung yang berbatasan dengan hutan.
Kepala Dinas Kesehatan Keerom, dr Paulus Yikwa, mengatakan jumlah kasus turun hampir sepertiga dibandingkan tahun sebelumnya. Pemeriksaan darah rutin dan pengobatan yang tuntas disebut menjadi kunci.
"Malaria bisa dikalahkan kalau semua orang tidur di bawah kelambu dan minum obat sampai habis. Itu pesan kami ke setiap kampung," ujar Paulus, Sabtu (6/1/2024).
Kader kesehatan di tingkat kampung juga dilatih untuk melakukan tes cepat malaria. Dengan begitu, warga tidak perlu menunggu petugas puskesmas datang untuk mendapatkan pengobatan.

@@ 2024-01-07 09:05 | Daerah | Yulianus Wenda | - | - | danau sentani, lingkungan, sampah |
Warga Kampung Asei Gotong Royong Bersihkan Eceng Gondok di Danau Sentani
Ratusan warga Kampung Asei di Danau Sentani, Kabupaten Jayapura, bergotong royong membersihkan eceng gondok yang menutupi sebagian perairan kampung. Tanaman air itu membuat perahu warga sulit melintas.
Kepala Kampung Asei, Ondofolo Yosias Ohee, mengatakan kerja bakti digelar setiap bulan bersama pemuda gereja. Eceng gondok yang diangkat dijemur dan diolah menjadi kompos untuk kebun warga.
"Danau ini sumber hidup kami. Kalau danau kotor, ikan berkurang dan anak-anak tidak bisa berenang lagi," kata Yosias, Minggu (7/1/2024).
Pemerintah kabupaten berjanji membantu alat pemotong eceng gondok dan perahu motor. Warga juga meminta penertiban pembuangan limbah rumah tangga ke danau.

@@ 2024-01-07 16:15 | Ekonomi | Sarah Itlay | - | - | kopi, wamena, umkm | cp1252
Kopi Arabika Wamena Curi Perhatian di Festival Kopi Jayapura
Kopi arabika dari Lembah Baliem menjadi primadona dalam Festival Kopi Jayapura yang digelar di Taman Imbi. Ratusan pengunjung antre mencicipi seduhan kopi dari petani Wamena, Tolikara, dan Lanny Jaya.
Salah satu juri festival, barista asal Prancis Renée Marchand, memuji rasa kopi Wamena yang manis dan bersih. “Aromanya seperti buah beri dan cokelat. Kopi ini layak bersaing di café mana pun di Eropa,” ujarnya.
Ketua koperasi petani kopi Baliem, Yakob Wetipo, mengatakan harga biji kopi kering petani kini mencapai Rp 90.000 per kilogram. Kenaikan harga itu membuat anak-anak muda di kampung mulai kembali merawat kebun kopi orang tua mereka.
“Dulu kopi hanya dijual ke tengkulak. Sekarang kami bisa jual langsung ke kedai di Jayapura dan Jakarta,” kata Yakob.
Panitia berencana menjadikan festival ini agenda tahunan. Tahun depan, festival akan dilengkapi kelas sangrai dan pelatihan barista untuk pemuda dari kampung penghasil kopi – termasuk pelatihan membuat crème brûlée kopi bagi pelaku usaha kuliner.

@@ 2024-01-08 08:40 | Pemerintahan | Maria Kogoya | - | - | pemilu 2024, kpu papua, logistik pemilu |
KPU Papua Kirim Logistik Pemilu ke Distrik Terjauh dengan Pesawat Perintis
KPU Provinsi Papua mulai mengirim logistik Pemilu 2024 ke distrik-distrik terjauh menggunakan pesawat perintis. Pengiriman tahap pertama menyasar distrik di wilayah pegunungan yang hanya dapat dijangkau lewat udara.
Ketua KPU Papua, Theodorus Kossay, mengatakan pihaknya menyewa empat pesawat kecil dan satu helikopter. Pengiriman dijadwalkan rampung dua pekan sebelum hari pemungutan suara.
"Kami berkejaran dengan cuaca. Kalau kabut turun, pesawat tidak bisa mendarat dan jadwal harus digeser," kata Theodorus di Jayapura, Senin (8/1/2024).
Aparat keamanan akan mengawal logistik sejak dari bandara hingga gudang distrik. KPU juga meminta kepala kampung membantu menyimpan logistik di tempat yang aman.

@@ 2024-01-08 13:25 | Daerah | Yulianus Wenda | - | - | merauke, pertanian, padi |
Petani Merauke Mulai Tanam Padi Musim Rendeng
Petani di Kabupaten Merauke mulai menanam padi musim rendeng setelah hujan turun merata dalam dua pekan terakhir. Ribuan hektare sawah di Distrik Tanah Miring dan Semangga telah diolah.
Kepala Dinas Tanaman Pangan Merauke, Sugeng Riyadi, mengatakan pemerintah menyalurkan benih unggul dan pupuk bersubsidi kepada kelompok tani. Pendampingan penyuluh juga ditambah di kampung-kampung baru.
"Kalau cuaca bersahabat, panen raya bisa berlangsung pada April. Merauke siap menjadi lumbung pangan di kawasan timur," ujar Sugeng, Senin (8/1/2024).
Petani berharap perbaikan saluran irigasi segera dilakukan. Sebagian saluran tersier rusak sehingga air tidak merata sampai ke petak sawah paling ujung.

@@ 2024-01-08 19:55 | Sosial | Sarah Itlay | - | - | natal, tradisi, bakar batu |
Tradisi Bakar Batu Tutup Rangkaian Perayaan Natal di Jayawijaya
Warga sejumlah kampung di Kabupaten Jayawijaya menggelar tradisi bakar batu untuk menutup rangkaian perayaan Natal dan Tahun Baru. Babi, ubi jalar, dan sayuran dimasak bersama di atas batu panas yang ditimbun daun pisang.
Tokoh adat setempat, Agus Hubi, mengatakan bakar batu menjadi simbol persaudaraan dan syukur. Semua warga, tanpa memandang marga, makan bersama dari hasil masakan yang sama.
"Lewat bakar batu, yang berselisih berdamai dan yang jauh datang berkumpul. Itu yang kami jaga dari orang tua dulu," kata Agus, Senin (8/1/2024).
Pemerintah kabupaten mendukung tradisi itu sebagai daya tarik wisata budaya. Namun warga meminta agar nilai sakral bakar batu tetap dihormati wisatawan.

@@ 2024-01-09 07:50 | Infrastruktur | Maria Kogoya | - | - | jalan trans papua, infrastruktur, longsor | weekday_mismatch
Longsor Tutup Ruas Jalan Trans Papua Wamena-Elelim
Longsor menutup ruas Jalan Trans Papua yang menghubungkan Wamena dan Elelim di Kabupaten Yalimo. Material tanah dan batu menutup badan jalan sepanjang sekitar 40 meter.
Balai Pelaksanaan Jalan Nasional menurunkan dua ekskavator untuk membersihkan material longsor. Petugas memperkirakan jalan dapat dilalui kembali dalam dua hari jika hujan tidak turun.
Sopir truk pengangkut bahan pokok terpaksa menunggu di kedua sisi lokasi longsor. Sebagian memilih kembali ke Wamena karena khawatir muatan sayur membusuk.
"Kami sudah dua malam tidur di mobil. Harapan kami alat berat bisa kerja cepat," kata Markus Walilo, sopir truk, Kamis (9/1/2024).
Pemerintah daerah meminta pengendara menunda perjalanan dan mengikuti arahan petugas di lapangan.

@@ 2024-01-09 11:35 | Pendidikan | Sarah Itlay | - | - | beasiswa, mahasiswa papua, pendidikan tinggi |
Pemprov Buka Pendaftaran Beasiswa Mahasiswa Asli Papua
Pemerintah Provinsi Papua membuka pendaftaran beasiswa bagi mahasiswa asli Papua yang berkuliah di dalam dan luar negeri. Pendaftaran berlangsung hingga akhir Februari melalui laman resmi pemerintah provinsi.
Kepala Badan Pengembangan Sumber Daya Manusia Papua, Elisa Mandowen, mengatakan beasiswa mencakup biaya kuliah dan biaya hidup. Prioritas diberikan kepada mahasiswa bidang kesehatan, teknik, dan pendidikan guru.
"Kami butuh dokter, perawat, insinyur, dan guru dari anak-anak Papua sendiri. Mereka yang nanti kembali membangun kampung," ujar Elisa di Jayapura, Selasa (9/1/2024).
Pendaftar wajib melampirkan surat keterangan dari lembaga adat dan kartu hasil studi terakhir. Penerima beasiswa akan dievaluasi setiap semester.

@@ 2024-01-09 17:20 | Daerah | Yulianus Wenda | - | - | biak, pariwisata, pantai |
Pemkab Biak Numfor Benahi Pantai Bosnik untuk Sambut Wisatawan
Pemerintah Kabupaten Biak Numfor membenahi kawasan wisata Pantai Bosnik dengan membangun gazebo, toilet umum, dan jalur pejalan kaki. Pembenahan ditargetkan selesai sebelum Festival Munara Wampasi pertengahan tahun.
Kepala Dinas Pariwisata Biak Numfor, Yan Mandibondibo, mengatakan pantai itu ramai dikunjungi warga setiap akhir pekan. Namun fasilitas yang ada sudah lama rusak dan tidak terawat.
"Kami ingin wisatawan betah dan kembali lagi. Warga kampung juga kami latih mengelola penginapan dan warung makan," ujar Yan, Selasa (9/1/2024).
Warga pesisir berharap pembangunan tetap menjaga kebersihan pantai dan hutan bakau di sekitarnya.

@@ 2024-01-10 10:10 | Keamanan | Maria Kogoya | - | - | keamanan, polda papua, pemilu damai |
Polda Papua Gelar Patroli Gabungan Jelang Masa Tenang Pemilu
Kepolisian Daerah Papua bersama TNI menggelar patroli gabungan di sejumlah titik rawan di Kota Jayapura dan sekitarnya. Patroli dilakukan untuk memberikan rasa aman kepada warga menjelang masa tenang pemilu.
Kepala Bidang Humas Polda Papua, Kombes Pol Frans Rumbewas, mengatakan patroli melibatkan lebih dari 300 personel. Petugas menyisir pasar, terminal, dan permukiman padat.
"Kami mengajak seluruh masyarakat menjaga Papua tetap damai. Perbedaan pilihan jangan sampai memecah persaudaraan," kata Frans, Rabu (10/1/2024).
Polisi juga menggelar dialog dengan tokoh agama, tokoh adat, dan tokoh pemuda di setiap distrik. Warga diminta melapor jika menemukan informasi bohong yang berpotensi memicu konflik.

@@ 2024-01-10 20:05 | Teknologi | Sarah Itlay | - | - | internet, satelit, desa digital |
Internet Satelit Mulai Jangkau Puskesmas di Kampung Terpencil Asmat
Layanan internet berbasis satelit mulai menjangkau puskesmas di kampung-kampung terpencil Kabupaten Asmat. Petugas kesehatan kini dapat berkonsultasi dengan dokter di rumah sakit kabupaten melalui panggilan video.
Kepala Puskesmas Atsj, bidan Veronika Kamur, mengatakan sinyal internet sangat membantu ketika ada pasien gawat darurat. Sebelumnya, petugas harus naik perahu berjam-jam untuk meminta petunjuk dokter.
"Sekarang kami bisa kirim foto luka atau hasil pemeriksaan, lalu dokter langsung memberi arahan. Nyawa pasien lebih cepat tertolong," ujar Veronika, Rabu (10/1/2024).
Pemerintah kabupaten menargetkan seluruh puskesmas di Asmat terhubung internet pada akhir tahun. Sekolah-sekolah di sekitar puskesmas juga akan ikut memanfaatkan jaringan tersebut.
"""

#: records (0-based) carrying Yoast JSON-LD; the others have none.
WITH_JSONLD = (0, 2, 4, 6, 8, 10, 12, 14)
