"""The line families run in time linear in a line's length, whatever the line (issue #14: every
input may be hostile). A pattern whose words could be split two ways between its repetitions (an
office's address, "Jl. Merdeka No. 5 Abc Abc … x", took 7 s at 24 words and doubled with each word)
is caught here by Hypothesis' deadline, not by a wall-clock assertion of our own: lines are built
from an opening the families look for and a piece repeated hundreds of times."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kliping.clean import boilerplate, people

# (sizes where a pattern of exponential cost takes seconds, not hours: the deadline fails it)
LINEAR = settings(max_examples=3, deadline=dt.timedelta(seconds=5),
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
OPENINGS = ["", "Jl. Merdeka No. 5 ", "Jln. Merdeka, ", "Oleh ", "Baca juga: ", "(", "[ Versi Cetak ] ",
            "Laporan wartawan Kabar, ", "Tentang ", "About ", "Penulis: ", "Foto: ", "Video: ",
            "Kiriman: ", "Posted by ", "Disclaimer: ", "This article ", "Artikel ini "]  # fmt: skip
PIECES = ["Abc ", "Abc, ", "a ", "A. ", "Ab/", "(Ab ", "Ab-", "[Ab] ", "12 ", "ab.", "- ", "· ", "* ",
          "Ab'", "No. 5 ", "\u2019 ", "Abc Def, ", "is not "]  # fmt: skip
ENDS = ["", " x", "!", ".", ")", " ditutup.", " 10110"]


@pytest.mark.parametrize("piece", PIECES)
@pytest.mark.parametrize("opening", OPENINGS)
@LINEAR
@given(st.integers(min_value=22, max_value=28), st.sampled_from(ENDS))
def test_a_long_line_of_repeats_is_classed_in_linear_time(opening: str, piece: str, times: int,
                                                         end: str) -> None:
    line = opening + piece * times + end
    fam = boilerplate.family(line)
    assert fam is None or fam in boilerplate.FAMILIES or isinstance(fam, str)
    boilerplate.credit(line)
    people.people([line])


DATELINE_PIECES = ["a-", "A- ", "Ab ", "Ab, ", "1/", "(Ab) ", "Ab-Cd ", "Ab dan "]


@pytest.mark.parametrize("piece", DATELINE_PIECES)
@LINEAR
@given(st.integers(min_value=300, max_value=400), st.sampled_from(ENDS))
def test_a_long_first_paragraph_is_read_for_its_dateline_and_byline_in_linear_time(piece: str, times: int,
                                                                                  end: str) -> None:
    """A story's first paragraph is read for a dateline (its head put in the press's forms again:
    a town of words split by hyphens, "a-a-a-…", had taken a minute at 400 words) and, with the
    lines around it, for a writer's head, a signature and a closing code."""
    text = piece * times + end
    boilerplate.dateline(text)
    boilerplate.clean_lines([text, text + " (ABC)"])


NOTE_LINES = ["1 Abc def.", "[1] Abc def", "Catatan", "- Abc def", "Referensi", "COPYRIGHT © 2026", "Abc Def"]


@pytest.mark.parametrize("line", NOTE_LINES)
@LINEAR
@given(st.integers(min_value=4000, max_value=6000))
def test_a_body_of_many_note_like_lines_is_read_in_linear_time(line: str, times: int) -> None:
    """Rule "footnotes" looks ahead of a line that opens like a note ("1 Abc", "[1] Abc"): a body of
    thousands of such lines is read once, not once per line (its look-ahead is a window)."""
    boilerplate.clean_lines([line] * times + ["Abc def ghi jkl mno."])
