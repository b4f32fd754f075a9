"""Indonesian boilerplate: structure-anchored DOM pruning before extraction, line rules after.

Rules are anchored to structure (an element that *is* a "Baca juga" box) or to line position (a line
that *starts* with "Baca juga:", a credit line at the end), never to a word appearing anywhere: a
paragraph that says "baca" or quotes someone stays.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lxml.etree import XPath

# --- DOM pruning (before trafilatura) ----------------------------------------------------------


# Class/id tokens of boilerplate containers: inline related-article boxes ("Baca juga", "Lihat
# juga", detik's table.linksisip, kompas' inner-link-baca-juga), ads, promos, share bars, comment
# forms. Matched against @class and @id in one pass over the tree (an XPath of contains() over
# every element costs more than trafilatura itself).
PRUNE_CLASS = re.compile(
    r"baca-?_?juga|read-?also|lihat-?juga|linksisip|inner-link-baca|related-inline|artikel-terkait"
    r"|berita-terkait|box-terkait|parallaxindetail|\bads?[-_]|[-_]ads?\b|\biklan|advertisement"
    r"|adsbygoogle|banner-ad|social-share|sharebar|share-(?:box|button|bar|link)|newsletter"
    r"|comment-respond|comments-area|wa-channel|whatsapp-channel|google-news|\bgnews"
    r"|(?:^|\s)(?:respond|comments|reply-title)(?:\s|$)",  # WordPress's comment form, as a token
    re.I,
)

# Text that opens an inline box: the smallest element holding only that box is removed.
_BOX_START = re.compile(
    r"^\s*(?:baca|lihat|simak|tonton|saksikan)\s+(?:juga|pula)\b|^\s*\[gambas:|^\s*advertisement\s*$"
    r"|^\s*scroll to continue with content\s*$|^\s*artikel terkait\s*:?\s*$"
    r"|^\s*berita terkait\s*:?\s*$",
    re.I,
)
_BOX_MAX_CHARS = 300
_PRUNE_MAX_CHARS = 600


def _remove_keep_tail(el) -> None:  # type: ignore[no-untyped-def]
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text_len(el) -> int:  # type: ignore[no-untyped-def]
    return len(" ".join(el.text_content().split()))


# What prune() reads, selected in C: every @class and @id value (as "smart" strings that know their
# element), and only the text nodes that could open a box: those whose first character after XML
# whitespace is not a printable ASCII character _BOX_START cannot start with (anything else, such as
# a non-breaking space its ``\s*`` skips, goes on to the regex).
_ATTRS = XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")
_NO_BOX_FIRST = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in 'bBlLsStTaA["')
_BOX_TEXTS = XPath(
    f"""descendant::text()[not(contains("{_NO_BOX_FIRST}", substring(normalize-space(.), 1, 1)))]"""
)
_NOT_PRUNED = frozenset(("body", "html", "article"))


# Every PRUNE_CLASS match contains one of these (lower-cased) substrings: testing for them first
# (one alternation of literals on the lower-cased value) rejects most values before the regex,
# whose alternation is slow on long class lists.
_PRUNE_KEYS = (
    "baca", "lihat", "linksisip", "related", "terkait", "parallax", "ad-", "ad_", "ads-", "ads_",
    "-ad", "_ad", "advertisement", "adsbygoogle", "iklan", "share", "comment", "channel", "news",
    "respond", "reply",
)  # fmt: skip
_PRUNE_KEY = re.compile("|".join(map(re.escape, _PRUNE_KEYS)))


@functools.lru_cache(maxsize=8192)
def _boilerplate_attr(padded: str) -> bool:
    # Class values are tested as "value " and id values as " value": exactly the two halves of
    # the "class id" string this rule was written against (no alternative matches a space).
    if padded.isascii():  # (re.I also folds a few non-ASCII letters onto ASCII ones)
        if _PRUNE_KEY.search(padded.lower()) is None:
            return False
    return PRUNE_CLASS.search(padded) is not None


def prune(tree, extra_xpaths: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    """Remove boilerplate elements in place (the tree is ours: parsed for this page only)."""
    doomed = []
    for xp in extra_xpaths:
        try:
            doomed += tree.xpath(xp)
        except Exception:  # a broken site selector must not kill the page
            continue
    body = tree.find("body")
    scope = body if body is not None else tree
    # Boxes, ads and promos hold little text; a big container whose class merely says "ad"
    # ("m-advertisement-off-canvas--pusher", "non-ad-column") wraps the page.
    by_class: set = set()
    checked: set = set()
    for value in _ATTRS(scope):
        if not value or not _boilerplate_attr(value + " " if value.attrname == "class" else " " + value):
            continue
        el = value.getparent()
        if el in checked:
            continue
        checked.add(el)
        if el.tag not in _NOT_PRUNED and _text_len(el) <= _PRUNE_MAX_CHARS:
            doomed.append(el)
            by_class.add(el)
    texts = _BOX_TEXTS(scope)
    if body is not None and body.tail and _BOX_START.match(body.tail):
        texts.append(None)  # body's own tail (outside its descendants)
    for text in texts:
        if text is None:
            owner, is_tail = body, True
        else:
            if not _BOX_START.match(text):
                continue
            owner, is_tail = text.getparent(), text.is_tail
        if owner is None or owner in by_class or not isinstance(owner.tag, str):
            continue
        if not is_tail:
            box = _box(owner)
            if box is not None:
                doomed.append(box)
        else:
            # "…text <br/>Baca juga: <a>…</a>": drop the link that follows
            sib = owner.getnext()
            if sib is not None and sib.tag == "a" and _text_len(sib) <= _BOX_MAX_CHARS:
                doomed.append(sib)
    for el in doomed:
        if el.getparent() is not None:
            _remove_keep_tail(el)


def _non_link_len(el):  # type: ignore[no-untyped-def]
    return _text_len(el) - sum(_text_len(a) for a in el.iter("a"))


def _box(el):  # type: ignore[no-untyped-def]
    if el.tag in ("body", "html", "article", "main"):
        return None
    own = _text_len(el)
    if own > _BOX_MAX_CHARS:
        return None
    own_words = _non_link_len(el)
    while True:  # climb while the parent holds nothing but this box (its label and its links)
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            return el
        # "<p><strong>Baca juga:</strong> <a>Judul lain</a></p>": the linked titles belong to
        # the box; any other words in the parent mean it is prose that merely holds the label
        if _text_len(parent) > _BOX_MAX_CHARS or _non_link_len(parent) > own_words + 3:
            return el
        el = parent


# --- line rules (after extraction) -------------------------------------------------------------

_I = re.I
# A whole line that is boilerplate.
LINE_RULES: dict[str, re.Pattern[str]] = {
    "related": re.compile(
        r"^\s*(?:baca|lihat|simak|tonton|saksikan)\s+(?:juga|pula)\b.{0,300}$"
        r"|^\s*baca(?:\s+berita)?\s+(?:selengkapnya|lainnya|artikel)\b.{0,300}$"
        r"|^\s*(?:artikel|berita|topik)\s+(?:terkait|menarik|pilihan)\s*:.{0,300}$"
        r"|^\s*(?:berita|artikel)\s+(?:terkait|lainnya)\s*$",
        _I,
    ),
    "video": re.compile(
        r"^\s*(?:simak|lihat|tonton|saksikan)\s+(?:juga\s+)?(?:video|live|vidio|foto)\b.{0,300}$"
        r"|^\s*\[gambas:[^\]]*\]\s*$|^\s*video\s+(?:pilihan|terkait|terpopuler)\s*:?.{0,200}$",
        _I,
    ),
    "ads": re.compile(
        r"^\s*(?:advertisement|scroll to continue with content|scroll untuk melanjutkan|iklan|"
        r"ads|sponsored|konten sponsor|loading\.*|\W*)\s*$",
        _I,
    ),
    "promo": re.compile(
        r"^\s*(?:follow|ikuti|simak|dapatkan|dengarkan|klik|gabung|join|cek|download|unduh|"
        r"install|instal)\b.{0,250}(?:google news|whats ?app|telegram|saluran|channel|ponsel|"
        r"aplikasi|app store|play store|playstore|appstore|instagram|tiktok|youtube|twitter|"
        r"facebook|\bx\b|update berita|berita terkini|breaking news).{0,250}$",
        _I,
    ),
    "pagination": re.compile(
        r"^\s*(?:halaman|hal\.?|page)\s*:?\s*(?:selanjutnya|berikutnya|sebelumnya|all|semua)?"
        r"[\s\d/|,.]*(?:dari\s*\d+\s*)?(?:selanjutnya|berikutnya|next|»|›)?\W*$"
        r"|^\s*(?:selanjutnya|berikutnya|sebelumnya|next|prev(?:ious)?|show all|lihat semua"
        r"|tampilkan semua|load more|muat lebih banyak)\W*$"
        r"|^\s*(?:\d+\s+)+\d*\s*(?:selanjutnya|next|»|›)?\s*$",
        _I,
    ),
    "initials": re.compile(r"^\s*\([a-z]{2,6}(?:\s*/\s*[a-z]{2,6})+\)\s*$", _I),
    "account": re.compile(
        r"^\s*(?:baca berita tanpa iklan|login untuk|masuk untuk|daftar (?:sekarang|gratis)|"
        r"berlangganan|subscribe)\b.{0,120}$",
        _I,
    ),
    "editor_pick": re.compile(r"^\s*pilihan\s+editor\s*:?.{0,300}$", _I),
    "copyright": re.compile(
        r"^\s*(?:©|\(c\)|copyright|hak cipta)\b.{0,200}$|^\s*.{0,80}\ball rights reserved\b.{0,80}$"
        r"|^\s*dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memproduksi|mereproduksi)\b.{0,300}$",
        _I,
    ),
    "comment_form": re.compile(
        r"^\s*(?:alamat email anda tidak akan dipublikasikan|ruas yang wajib ditandai|"
        r"komentar\s*\*?$|nama\s*\*\s*$|email\s*\*\s*$|situs web\s*$|simpan nama, email|"
        r"back to top\s*$|kembali ke atas\s*$).*$",
        _I,
    ),
    "tags": re.compile(r"^\s*(?:tags?|tag terkait|topik|kata kunci)\s*:.{0,300}$", _I),
}
# A line from which everything to the end is a comment form / footer.
CUT_FROM = re.compile(
    r"^\s*(?:tinggalkan (?:balasan|komentar)|leave a (?:reply|comment)|kirim komentar|"
    r"beri komentar|komentar anda|\d+\s+komentar|berikan komentar)\s*:?\s*$",
    _I,
)
# Credit lines; may hold several labels ("Pewarta: A  Editor: B").
CREDIT_LABELS = {
    "penulis": "authors", "reporter": "authors", "pewarta": "authors", "kontributor": "authors",
    "wartawan": "authors", "editor": "editors", "redaktur": "editors", "penyunting": "editors",
    "sumber": None, "foto": None, "fotografer": None, "video": None, "produser": None,
    "editing": None, "grafis": None, "infografis": None, "penerjemah": None, "source": None,
}  # fmt: skip
_LABEL = r"(?:" + "|".join(CREDIT_LABELS) + r")"
CREDIT_LINE = re.compile(rf"^\s*{_LABEL}\s*:\s*\S.{{0,150}}$", _I)
_CREDIT_PARTS = re.compile(rf"\b({_LABEL})\s*:\s*(.*?)(?=\s*(?:\||,|\b{_LABEL}\s*:|$))", _I)
# Editor initials closing the last paragraph: "(rdp/imk)", "(ant)", "(*)".
INITIALS = re.compile(
    r"\s*\((?:[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z]{1,6}){1,3}|ant|antara|\*+|[a-z]{2,4})\)\s*$"
)
# Inline embeds inside a line.
EMBED = re.compile(r"\[(?:gambas|video|embed|ads?|iklan):?[^\]]{0,80}\]", _I)
# Promo sentences glued to the end of the last paragraph (WhatsApp channel, Google News, apps).
TRAILING_PROMO = re.compile(
    r"\s*(?:simak|dengarkan|dapatkan|ikuti|follow|klik|gabung|cek)\s+(?:breaking news|berita|"
    r"update|informasi|info|kabar|artikel|channel|saluran|kami)\b[^\n]{0,400}?(?:whats ?app|google news|"
    r"telegram|ponsel|saluran|channel|aplikasi)[^\n]*$",
    _I,
)


@dataclass
class Cleaned:
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (rule, line) for diagnostics


def credit(line: str) -> list[tuple[str | None, str]]:
    """[(field, name)] from a credit line such as "Pewarta: A | Editor: B"."""
    out = []
    for label, value in _CREDIT_PARTS.findall(line):
        value = value.strip(" .|-–—")
        if value:
            out.append((CREDIT_LABELS[label.lower()], value))
    return out


def clean_lines(lines: list[str], extra: tuple[re.Pattern[str], ...] = ()) -> Cleaned:
    """Drop boilerplate lines, collect credits, strip embeds, initials and trailing promos."""
    res = Cleaned([])
    keep: list[str] = []
    for raw in lines:
        line = " ".join(EMBED.sub(" ", raw).split())
        if not line:
            continue
        if CUT_FROM.match(line):
            res.dropped.append(("comment_form", line))
            break
        flat = " ".join(line.replace("|", " ").split())  # old kompas: "| Penulis | : Nama |"
        if CREDIT_LINE.match(flat) and not LINE_RULES["editor_pick"].match(flat):
            for fld, name in credit(flat):
                if fld == "authors":
                    res.authors.append(name)
                elif fld == "editors":
                    res.editors.append(name)
            res.dropped.append(("credit", line))
            continue
        rule = next((name for name, rx in LINE_RULES.items() if rx.match(line)), None)
        if rule is None and any(rx.search(line) for rx in extra):
            rule = "site"
        if rule:
            res.dropped.append((rule, line))
            continue
        keep.append(line)
    # End-of-body residue: initials, trailing promo sentences, a lone credit.
    while keep:
        last = keep[-1]
        new = INITIALS.sub("", last)
        new = TRAILING_PROMO.sub("", new).strip()
        if new != last:
            res.dropped.append(("tail", last[len(new) :]))
        if not new or LINE_RULES["ads"].match(new):
            keep.pop()
            continue
        keep[-1] = new
        break
    res.paragraphs = keep
    return res


# --- datelines ---------------------------------------------------------------------------------

_SOURCE = (
    r"(?:[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,12}){1,3}|CNN Indonesia|CNBC Indonesia|"
    r"ANTARA(?: News)?|detik[A-Za-z]*|Okezone|VIVA|IDN Times|Kontan|iNews|Bisnis|Kompas|Tempo|"
    r"Republika|Tribunnews|Suara|Merdeka|Jawa Pos|Media Indonesia|Sindonews|Beritasatu)"
)
_PLACE = r"(?:[A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3})"
_DASH = r"\s*(?:-{1,3}|–|—|:)\s+"
DATELINES = (
    # "Jakarta (ANTARA) -"
    re.compile(rf"^(?P<place>{_PLACE})\s*\((?P<source>{_SOURCE})\){_DASH}"),
    # "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --"
    re.compile(rf"^(?P<place>{_PLACE}),\s*(?P<source>{_SOURCE}){_DASH}"),
    # "Liputan6.com, Jakarta -", "TEMPO.CO, Jakarta -", "TRIBUNNEWS.COM, JAKARTA -"
    re.compile(rf"^(?P<source>{_SOURCE}),\s*(?P<place>{_PLACE}){_DASH}"),
    # "virprom.com –", "KOMPAS.com -"
    re.compile(rf"^(?P<source>{_SOURCE}){_DASH}"),
    # "Jakarta -", "BANDA ACEH -" (detik, okezone): a short capitalised place only
    re.compile(rf"^(?P<place>{_PLACE})\s+(?:-{{1,3}}|–|—)\s+"),
)


def _place(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip()
    return s.title() if s.isupper() else s


def dateline(text: str) -> tuple[str, str | None, str | None]:
    """(text without the dateline, place, source) for the first paragraph."""
    for rx in DATELINES:
        m = rx.match(text)
        if not m:
            continue
        rest = text[m.end() :]
        if len(rest) < 20:
            continue
        gd = m.groupdict()
        place, source = gd.get("place"), gd.get("source")
        if place and len(place) > 30:
            continue
        if source and source.lower() in ("kompas", "tempo") and not place:
            continue  # a bare brand word starting a sentence is not a dateline
        return rest, _place(place), source.strip() if source else None
    return text, None, None
