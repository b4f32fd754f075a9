"""Authors and editors as people: split, tidy, and drop desks, brands and photo credits."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPLIT = re.compile(r"\s*(?:,|;|&|\+|\||/|\bdan\b|\band\b)\s*", re.I)
_PREFIX = re.compile(
    r"^(?:oleh|by|penulis|panulis|panyerat|panganggit|pangripta|pawarta|dening|reporter|pewarta|editor|redaktur|penyunting"
    r"|kontributor|wartawan|"
    r"laporan wartawan|laporan oleh|liputan oleh|ditulis oleh|ditulis ku|written by|reported by|posted by"
    r"|author|authors"
    r"|diposting oleh)\s*[:\-]?\s+",
    re.I,
)
# academic and religious titles before a name: "Dr. H. Ahmad Fauzan", "Prof. Dr. Ir. Rina", "KH. Anwar"
# (the degrees after it go too: _DEGREES; a name is listed bare, as a library catalogues it)
_TITLES = re.compile(r"^(?-i:(?:(?:Prof|Dr|Drs|Dra|Ir|H|Hj|KH|K\.H|dr|Ust|Ustadz?|Ustazah)\.\s*)+)(?=[A-Z])")
# ... and the ranks of the police and the army a press page prints before its reporter's name:
# "Bripka Andi Syahrul", "Serka Yohanes", "AKP Rina"
_RANKS = re.compile(
    r"^(?-i:(?:Bripka|Brigpol|Bripda|Briptu|Bharada|Bharatu|Bharaka|Aipda|Aiptu|Ipda|Iptu|AKP|Kompol|AKBP"
    r"|Kombes|Irjen|Brigjen|Kapten|Letda|Lettu|Letkol|Kolonel|Serda|Sertu|Serka|Serma|Pelda|Peltu|Kopda"
    r"|Koptu|Kopka|Praka|Pratu|Prada)(?:\s+(?:Pol|TNI|Inf|Kav|Arm))?\.?\s+)(?=[A-Z][a-z])"
)
# what a byline prints in brackets after the name: the writer's town or desk, "Sri Handayani
# (Temanggung)", "Budi (Antara)" (a contact in brackets: _CONTACT)
_BRACKETED = re.compile(r"\s*\([^()@]{1,40}\)\s*$")
_OPEN_BRACKET = re.compile(r"\s*\([^()]*$")
# "Vidya Pinandhita - detikHealth", "Nama, Jurnalis", "Nama | Okezone"
_SUFFIX = re.compile(
    r"\s*(?:[-–—|]\s*\w*(?:detik|kompas|tempo|okezone|liputan6|antara|tribun|cnn|news)\w*.*"
    r"|,\s*(?:jurnalis|wartawan|wartawati|reporter|kontributor|editor|penulis|writer|journalist|koresponden"
    # (an English paper's kind of writer: "Made Arya Sentana, Staff Writer", "…, Contributing Writer")
    r"|(?:staff|senior|contributing|special|guest) (?:writer|reporter|correspondent)|correspondent"
    r"|contributor)\b.*)$",
    re.I,
)
# a role's label glued to the name by markup read without a space ("<span>Penulis</span><span>Arief
# Nugroho</span>" as "PenulisArief Nugroho"): the label in title case, then a capital
_GLUED_LABEL = re.compile(
    r"^(?-i:Penulis|Reporter|Pewarta|Editor|Redaktur|Kontributor|Oleh|Wartawan)(?=[A-Z][a-z])"
)
# academic degrees after a name: "Bernadetha Aurelia Oktavira, S.H.", "Rina, S.Kom., M.T.", "…, Ph.D."
_DEGREES = re.compile(r"(?:\s*,\s*(?-i:[A-Z][A-Za-z]{0,3}\.(?:\s?[A-Z][A-Za-z]{0,4}\.?){0,3}))+\s*$")
# ... anywhere in a line of names: "Nama, S.H., M.H. Si Pokrol"
DEGREE_IN = re.compile(r"\s*,\s*(?:[A-Z][A-Za-z]{0,3}\.){1,3}(?:\s?[A-Z][A-Za-z]{0,4}\.)?(?=\s|,|$)")
_NOT_PERSON = re.compile(
    r"(?:https?|www\.|\.com|\.co\b|\.id\b|@|\bredaksi\b|\btim\b|\bteam\b|\badmin|\bstaff\b|"
    r"\bdesk\b|\bnewsroom\b|\bfoto\b|\bphoto\b|\bgetty\b|\breuters\b|\bafp\b|\bap photo|"
    r"\bshutterstock|\bistock|\bdok\b|\bdokumentasi\b|\bilustrasi\b|\bcnn indonesia\b|"
    r"\bkompas\b|\bdetik|\btempo\b|\bokezone\b|\bliputan6\b|\bantara\b|\btribun|\bkontan\b|"
    r"\bcontributor\b|\bmedia\b|\bcyber\b|\bnews\b|\bberita\b|\bsumber\b|\bwib\b|\d"
    # a broadcaster's name ("Celebes TV", "Suara Surabaya FM", "Radio Elshinta")
    r"|\btv\b|\bfm\b|\bradio\b"
    # a government office or its desk ("Diskominfo Wonosobo", "Humas Pemkab Sleman", "Setda Kalbar")
    r"|\b(?:diskominfo|kominfo|humas|pemkab|pemkot|pemprov|setda|prokopim|dinas|biro)\b"
    # ... or an organisation's division or department signing its report ("Divisi Pemantauan
    # Impunitas", "Departemen Riset", "Bidang Advokasi", "Unit Kajian")
    r"|^(?:divisi|departemen|department|bidang|unit|seksi|bagian|subbagian|subbag|direktorat|deputi)\s"
    # ... or a body of the state or a foundation by its first word ("Badan Pusat Statistik", "Lembaga
    # Ilmu Pengetahuan", "Kementerian Kesehatan", "Balai Besar …", "Yayasan …")
    r"|^(?:badan|lembaga|kementerian|komisi|balai|yayasan|universitas|institut)\s"
    # ... or an information office's short name ("Puspenkum", "Puspen Kemendagri", "Dispenad",
    # "Pendam IV", "Bidhumas", "Penum", "Pusinfo")
    r"|\b(?:puspen[a-z]{0,6}|dispen[a-z]{0,3}|pendam|penrem|pendim|bidhumas|penum|pusinfo|puskom[a-z]{0,6})\b"
    # ... or its login on the site, one word in lower case ("humaspolrestengah", "adminweb")
    r"|^(?-i:(?:humas|admin|redaksi|redaktur|operator|webmaster|kominfo|diskominfo|polres|polda|pemkab"
    r"|pemkot|pemprov|editor|penulis|kontributor)[a-z0-9_.-]*)$"
    # ... or any login: one word in lower case ("wawan", "admin_kr"); a name is written capitalised
    r"|^(?-i:[a-z][a-z0-9_.-]{1,30})$"
    # ... or the kind of text where a name should be ("Siaran Pers", "Press Release", "Rilis")
    r"|^(?:siaran pers|press release|rilis(?: pers| media)?|advertorial|sponsored(?: content)?"
    r"|konten bersponsor)$"
    # ... or a brand desk's byline ("Brand Content", "Content Studio", "Konten Kerja Sama", "Business Wire")
    r"|\b(?:brand ?content|content studio|branded content|konten kerja ?sama|kerja ?sama|partnership"
    r"|business ?wire|pr ?newswire|globe ?newswire|newswire"
    # ... or a readers' desk ("Citizen Reporter", "Pewarta Warga", "Jurnalis Warga")
    r"|citizen (?:reporter|journalis[mt])|pewarta warga|jurnalis warga|wartawan warga)\b"
    r"|^(?:warga|pembaca|netizen|citizen)$"  # ("Pewarta Warga" once its label is off)
    # ... or a date's first word left where a name should be: a weekday or a month alone ("Senin"
    # from "Senin, 30 November 2026 | 06.00 WIB" in an author element of an unsigned editorial)
    r"|^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november"
    r"|desember|january|february|march|may|june|july|august|october|december)$"
    # ... or a company's office ("Corporate Communication", "Investor Relations", "Sekretaris Perusahaan")
    r"|\b(?:corporate|communications?|public relations|investor relations|sekretaris perusahaan"
    r"|sekretariat)\b"
    # ... or a CMS's default account ("Super User", Joomla's; "Administrator")
    r"|^(?:super ?user|administrator|site ?admin|webadmin)$"
    # ... or the editorial's rubric ("Tajuk Rencana", "Editorial", "Pojok")
    r"|^(?:tajuk(?: rencana)?|editorial|pojok|sikap kami)$"
    # ... or a widget's words in an author element ("Forum Kirim Komentar · Lihat komentar")
    r"|\b(?:komentar|comments?|kirim|bagikan|selengkapnya|lihat|login)\b"
    # ... or a role's label left where a name should be ("Editor", "Penulis")
    r"|^(?:editor|penulis|reporter|pewarta|redaktur|kontributor|author|writer|wartawan)$"
    # a platform a photo is credited to ("Foto: Facebook", a class "author" over the picture)
    r"|\b(?:facebook|instagram|twitter|youtube|tiktok|linkedin|whatsapp|telegram|google)\b"
    # an institution's name ("Voice of America", "Ministry of Finance"): "of" between its words,
    # or a word naming an institution ("European Space Agency", "Kementerian Keuangan")
    r"|(?-i:\s+of\s+)|\b(?:agency|ministry|kementerian|institute|institut|university|universitas"
    r"|association|asosiasi|government|pemerintah|department|departemen|corporation)\b)",
    re.I,
)


# "Kontributor Lhokseumawe, Masriadi": a desk and its town, then the person.
_DESK_PLACE = re.compile(
    r"^(?:kontributor|koresponden|wartawan|reporter|jurnalis|pewarta)\s+[^,]{2,40},\s*(?P<name>.+)$", re.I
)


# A contact after the name: "Parluhutan Situmorang (parluhutan@investor.id)", "Rina <rina@x.com>",
# "Budi Santoso (Twitter: @budisan)", "Dedi Kurniawan - dedi@lensa.id"
_CONTACT = re.compile(
    r"\s*(?:[(<\[][^()<>\[\]\n]{0,60}@[^()<>\[\]\n]{0,60}[)>\]]"
    r"|[-–—|,]?\s*[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})\s*$"
)


# another role's label glued after the name by markup read without a separator: "Rizky Amalia
# Redaktur: Ustadz Hamim" (the writer's name ends there)
_ROLE_AFTER = re.compile(
    r"\s+(?-i:Redaktur|Editor|Penyunting|Fotografer|Foto|Sumber|Reporter|Pewarta)\s*:.*$"
    # ... or after a bar or a dot, no colon: "Penulis Stanly Ravel | Editor Aditya Maulana"
    r"|\s*[|•·]\s*(?i:redaktur|editor|penyunting|fotografer|foto|sumber)\b.*$"
    # ... or the writer's own role after a bullet: "Andi Muh Ridwan · Jurnalis"
    r"|\s*[|•·]\s*(?i:jurnalis|wartawan|reporter|kontributor|penulis|pewarta|journalist|writer)\s*$"
    # ... or the desk's code and the date after a slash: "Fransiska Ayu Lestari / FER Senin, …"
    r"|\s*/\s*(?-i:[A-Z]{2,5})(?:\s+(?i:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\b.*)?$"
)


def cut_role_after(text: str) -> str:
    """``text`` without another role's label glued after the name and what follows it
    (:data:`_ROLE_AFTER`), its whitespace folded."""
    return _ROLE_AFTER.sub("", " ".join(text.split()))


# the desk's town in square brackets after the name, and the date after it: "Rusdi Mokoginta [Manado]
# di 28 November 2026" (a byline's "oleh A, B dan C [Manado] di …")
_PLACE_AFTER = re.compile(r"\[[^\[\]\n]{1,40}\](?:\s+di\s+[^\n]{0,60})?$")  # (the space before: tidy's strip)


def cut_desk(text: str) -> str:
    """``text`` without the desk or the role after the name ("Kevi Laras, Jurnalis", "Vidya
    Pinandhita - detikHealth"): :data:`_SUFFIX`."""
    return _SUFFIX.sub("", text).strip()


def tidy(name: str) -> str:
    name = " ".join(name.split()).strip(" .:-–—|,")
    name = _ROLE_AFTER.sub("", name)
    if "[" in name:
        name = _PLACE_AFTER.sub("", name).rstrip()
    if "@" in name:
        name = _CONTACT.sub("", name)
    desk = _DESK_PLACE.match(name)
    if desk:
        name = desk.group("name")
    name = _PREFIX.sub("", name)
    name = _GLUED_LABEL.sub("", name)
    name = _SUFFIX.sub("", name)
    name = _DEGREES.sub("", name)
    name = _BRACKETED.sub("", name)
    # a bracket the credit's split left open or closed alone: "Aulia Rahmawati (Teknik Lingkungan"
    # of "Reporter: Aulia Rahmawati (Teknik Lingkungan, 2024)"; "Fahmi Firdausi )"
    name = _OPEN_BRACKET.sub("", name) if "(" in name else name.replace(")", "")
    name = _TITLES.sub("", name)
    name = _RANKS.sub("", name)
    return _STARRED.sub("", name).strip(" .:-–—|,(")


_STARRED = re.compile(r"\s*\*+\)?$")  # a column's mark after the writer's name: "Teuku Rizki Maulana*)"
_BRAND_PIECE = 4  # characters: a brand this long is no name's piece by chance


def is_person(name: str, brands: Iterable[str] = ()) -> bool:
    if not name or len(name) < 3 or len(name) > 60 or len(name.split()) > 6:
        return False
    if _NOT_PERSON.search(name):
        return False
    low = re.sub(r"\W+", "", name.lower())
    words = re.findall(r"\w+", name.lower())
    for b in brands:
        key = re.sub(r"\W+", "", b.lower())
        # (a brand's short piece, "nu" of "jateng.nu.or.id", only as a word: "Nurul" holds it)
        if key and (key in low if len(key) >= _BRAND_PIECE else key in words):
            return False
    if " " not in name.strip() and any(_outlet_word(low, re.sub(r"\W+", "", b.lower())) for b in brands):
        return False  # "Oleh Siwalima" on siwalimanews.com: the outlet's name without its "news"
    return any(c.isalpha() for c in name)


_NEWS_SUFFIX = re.compile(r"(?:news|online|times|post|pos|daily|today|media|tv)(?:id|com|coid)?")


def _outlet_word(word: str, brand: str) -> bool:
    """Is ``brand`` (a label, lower case, no punctuation) the one ``word`` and a news suffix?"""
    return len(word) >= 4 and brand.startswith(word) and bool(_NEWS_SUFFIX.fullmatch(brand[len(word) :]))


def parts(value: str) -> list[str]:
    """The tidied names a value lists ("A, B - detikSulsel": ["A", "B"]), persons or not."""
    return [p for p in (tidy(x) for x in _SPLIT.split(tidy(value))) if p]


def people(values: Iterable[str], brands: Iterable[str] = ()) -> list[str]:
    """Distinct person names, in order of appearance."""
    brands = [b for b in brands if b]
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        value = tidy(value)
        for part in _SPLIT.split(value):
            name = tidy(part)
            if name.isupper() and len(name) > 3:
                name = name.title()
            key = name.casefold()
            if key not in seen and is_person(name, brands):
                seen.add(key)
                out.append(name)
    return _whole_names(out) if 1 < len(out) <= _WHOLE_NAMES_MAX else out


_WHOLE_NAMES_MAX = 40  # names compared pairwise, at most (a page's list of hundreds is left as it is)


def _whole_names(names: list[str]) -> list[str]:
    """Each person once: a name the page also prints whole is that name ("Rizky Tyas" of a
    reporter's line beside "Rizky Tyas Pratiwi" of the byline; kept where it first appears)."""
    words = [n.casefold().split() for n in names]
    out: list[str] = []
    for i, name in enumerate(names):
        whole = next((names[j] for j, w in enumerate(words)
                      if len(w) > len(words[i]) and w[: len(words[i])] == words[i]
                      and all(x[:1].isalpha() for x in w[len(words[i]):])), name)
        if whole not in out:
            out.append(whole)
    return out
