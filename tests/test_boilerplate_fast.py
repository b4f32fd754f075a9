"""``family()`` skips a pattern's alternatives whose words a line lacks: the same answer as trying
every pattern in turn, on every line (kliping/clean/boilerplate.py, ``_alternatives``)."""

from __future__ import annotations

import re
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.clean.boilerplate import (
    FAMILIES,
    _alternatives,
    _needs,
    _top_level_split,
    family,
)
from tests.test_boilerplate import EXAMPLES, KEPT


def reference(line: str) -> str | None:
    """What family() answers by definition: the first family whose pattern matches the line."""
    return next((name for name, rx in FAMILIES.items() if rx.match(line)), None)


# the words every alternative of every family looks for, with what surrounds them in lines
WORDS = sorted({w for rx in FAMILIES.values() for part in _top_level_split(rx.pattern)
                for w in _needs(sre_parse.parse(part, rx.flags)) or ()} | {"tanggung jawab", "jawab"})
PIECES = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.upper), st.sampled_from(WORDS).map(str.title),
    st.sampled_from([" ", "  ", ": ", " | ", "(", ")", "/", "-", "–", "©", "#", ".", "\n", "12", "2024",
                     "Senin", "WIB", "detikcom", "“", "”", "ſ", "K", "İ", "ı"]),
    st.text(max_size=12),
)
LINES = st.lists(PIECES, max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(LINES)
def test_family_is_the_first_matching_pattern(line: str) -> None:
    assert family(line) == reference(line)


@settings(max_examples=1000, deadline=None)
@given(LINES)
def test_family_with_a_family_tried_is_the_first_matching_pattern(line: str) -> None:
    # clean_lines() tests the photo credit first and tells family() so (not tried again)
    if not FAMILIES["photo_credit"].match(line):
        assert family(line, "photo_credit") == reference(line)


def test_family_screen_is_in_use() -> None:
    # the screen of the alternatives tested without words (most lines end there): by first character
    from kliping.clean.boilerplate import _screen_tests, _screen_words

    for tried in (None, "photo_credit"):
        every = _screen_tests(tried, "")
        assert every and _screen_words(tried)
        assert 0 < len(_screen_tests(tried, "B")) < len(every)  # a line opening so: fewer of them


def test_family_on_the_examples_and_the_prose() -> None:
    lines = [x for xs in EXAMPLES.values() for x in xs] + KEPT
    for line in lines + [x.upper() for x in lines] + [x.lower() for x in lines]:
        assert family(line) == reference(line), line


def test_alternatives_are_the_pattern() -> None:
    for rx in FAMILIES.values():
        parts = _alternatives(rx)
        assert sorted(_top_level_split(rx.pattern)) == sorted(
            a for p, _ in parts for a in _top_level_split(p.pattern))
    assert _top_level_split(r"a(b|c)|[|\]]x|\|y|[^]|]z|w") == ["a(b|c)", r"[|\]]x", r"\|y", "[^]|]z", "w"]
    # an alternative scanning the line before its words is tested alone, after its words
    rx = re.compile(r"^\s*(?:baca|lihat)\s+juga\b|^[^\n]{0,300}(?:tanggung\s*jawab|redaksi)", re.I)
    (plain, none), (scan, needs) = _alternatives(rx)
    assert none is None and plain.pattern == r"^\s*(?:baca|lihat)\s+juga\b"
    assert needs == ("redaksi", "tanggung") and scan.match("Isi di luar tanggung jawab redaksi")


# the end-of-body rules' words and forms: editor codes, promo sentences, with what surrounds them
END_PIECES = st.one_of(
    PIECES,
    st.sampled_from(["(rdp/imk)", "(ant)", "(*)", "(H-4)", "(Ant/P-3)", ").", ")", " .", "simak",
                     "Ikuti", "berita", "Google News", "WhatsApp", "channel", "ponsel", "klik", "update",
                     "\t", "\x1c"]),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(END_PIECES, max_size=16).map("".join))
def test_end_of_body_screens_change_nothing(last: str) -> None:
    # clean_lines() applies INITIALS only to a line ending in ")", ")." (or "]", "].") and TRAILING_PROMO only
    # to one holding a word its every match holds: the same line as applying both always
    from kliping.clean.boilerplate import INITIALS, TRAILING_PROMO, _may_hold, _promo_needs

    assert _promo_needs()  # the screen is in use
    new = INITIALS.sub("", last)
    assert new == (INITIALS.sub("", last) if last.rstrip().endswith((")", ").", "]", "].")) else last)
    screened = TRAILING_PROMO.sub("", new) if _may_hold(new, _promo_needs()) else new
    assert TRAILING_PROMO.sub("", new) == screened


@settings(max_examples=3000, deadline=None)
@given(LINES, st.sampled_from([None, "photo_credit"]))
def test_screen_by_first_character_is_the_screen(line: str, tried: str | None) -> None:
    # family() tries only the screen's alternatives a line opening with its first character other
    # than whitespace can match, one by one and, once a character has screened many lines, joined
    # in one pattern: the same answer as every alternative tested without words
    from kliping.clean.boilerplate import _join_screen, _screen_tests

    first = line.lstrip()[:1]
    first = first if first.isascii() else ""
    every = any(rx.match(line) for rx in _screen_tests(tried, ""))
    assert any(rx.match(line) for rx in _screen_tests(tried, first)) == every
    joined = _join_screen((tried, first))
    assert joined is not None and (joined.match(line) is not None) == every


def test_family_is_the_same_before_and_after_the_screen_is_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    # the screen's alternatives are joined in one pattern after _SCREEN_JOIN_AFTER lines of a key:
    # family() answers the same on the examples, before (one by one) and after (joined)
    from kliping.clean import boilerplate

    lines = [x for xs in EXAMPLES.values() for x in xs] + KEPT
    lines += [x.upper() for x in lines] + [x.lower() for x in lines] + ["", "   ", "“Kutipan”", "— x"]
    for after in (1 << 40, 1):
        monkeypatch.setattr(boilerplate, "_SCREENS", {})
        monkeypatch.setattr(boilerplate, "_SCREEN_USES", {})
        monkeypatch.setattr(boilerplate, "_SCREEN_JOIN_AFTER", after)
        for line in lines:
            assert family(line) == reference(line), line
            if not FAMILIES["photo_credit"].match(line):
                assert family(line, "photo_credit") == reference(line), line
        assert bool(boilerplate._SCREENS) == (after == 1)  # joined only once a key has screened enough


@pytest.mark.parametrize(
    ("pattern", "flags", "opening"),
    [
        (r"^\s*(?:baca|lihat)\s+juga", re.I, "BLbl"),
        (r"^\s*(?:baca|lihat)\s+juga", 0, "bl"),
        (r"^\s*\(?\s*foto:", re.I, "(Ff"),
        (r"^\s*[ a]b", 0, "ab"),  # a class taking a space: what follows may open the line
        (r"^\s*(?:a|b?)c", 0, "abc"),
        (r"^\s*[-\u2022]?\s*x", re.I, "-Xx"),
        (r"^\s*(?i:\u212a)x", 0, "Kk"),  # the Kelvin sign folds onto k: re's own answer
        (r"^\s*\u212a", 0, ""),
        (r"^\s*\d+\s*$", 0, "0123456789"),
        (r"^\s*(?:foo)?", 0, None),  # matches every line: any character
        (r"^\s*$", 0, ""),  # only a line of whitespace: none that opens with a character
        (r"^[^\n]{0,300}x", 0, "".join(c for c in map(chr, range(128)) if not c.isspace())),
        (r"^\s*(a)\1", 0, "a"),
        (r"^\s*(a)?\1", 0, None),  # a group referred back to first: not told
    ],
)
def test_opening_chars(pattern: str, flags: int, opening: str | None) -> None:
    from kliping.clean.boilerplate import _opening_chars

    found = _opening_chars(pattern, re.compile(pattern, flags).flags)
    assert found == (None if opening is None else frozenset(opening))


@settings(max_examples=2000, deadline=None)
@given(LINES, st.integers(min_value=0, max_value=320), st.sampled_from(["", "\n", " ", "x"]), LINES)
def test_bounded_match_is_the_pattern(head: str, pad: int, gap: str, tail: str) -> None:
    # clean_lines() tries the photo credit's caption form only on a line of at most 301
    # characters (its lookahead allows 300 and a closing newline): the pattern's own answer,
    # on lines on either side of the bound
    from kliping.clean.boilerplate import _bounded_match, _bounded_tests

    assert any(longest == 301 for _, longest in _bounded_tests("photo_credit"))  # in use
    line = head + gap * pad + tail
    for name, rx in FAMILIES.items():
        assert _bounded_match(name, line) == (rx.match(line) is not None), name


@pytest.mark.parametrize("length", [299, 300, 301, 302, 400])
def test_bounded_match_at_the_bound(length: int) -> None:
    from kliping.clean.boilerplate import _bounded_match

    credit = " (ANTARA FOTO/Aditya Pradana Putra)"
    for end in ("", "\n"):
        line = "Petugas memeriksa " + "x" * (length - len(credit) - 18 - len(end)) + credit + end
        assert len(line) == length
        assert _bounded_match("photo_credit", line) == (FAMILIES["photo_credit"].match(line) is not None)
        assert _bounded_match("photo_credit", line) == (length <= 300 or (length == 301 and end == "\n"))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["suara", "borneo", "Suara", "BORNEO", " ", "  ", "\n", "-", ".", "K", "ſ",
                                 "İ", "ı", "s", "u a", "x", "é", "1"]), max_size=10).map("".join))
def test_a_brand_written_apart_is_the_lookahead_form(text: str) -> None:
    # page_brand() lets a host's label break at one space before a letter as "\s?" between its
    # letters: the same matches as the space that looks ahead for a letter ((?:\s(?=[a-z]))?)
    from kliping.clean.boilerplate import _I, page_brand

    brand = page_brand("www.suaraborneo.com", ("Suara Borneo",))
    assert brand is not None and r"s\s?u\s?a\s?r\s?a\s?b" in brand.rx.pattern
    lookahead = re.compile(brand.rx.pattern.replace(r"\s?", r"(?:\s(?=[a-z]))?"), _I)
    assert [m.span() for m in brand.rx.finditer(text)] == [m.span() for m in lookahead.finditer(text)]


def test_a_brand_compiles_a_pattern_only_when_a_rule_asks_for_it() -> None:
    # a page's brand is new on each page of a run over many sites: its credit and code patterns
    # (asked for by lines ending in ")" or holding "/") are compiled only then
    from kliping.clean.boilerplate import page_brand

    brand = page_brand.__wrapped__("www.lampost.co", ("Lampost",))
    assert brand is not None and brand._compiled == [None] * 4
    assert brand.named("Baca berita lainnya di Lampost.co") is not None
    assert brand._compiled[0] is not None and brand._compiled[1:] == [None] * 3
    assert brand.credit.match("(Lampost.co/Sinta Yuliana)") and brand._compiled[2] is not None
    assert brand == page_brand.__wrapped__("www.lampost.co", ("Lampost",)) and brand._compiled[1] is None
