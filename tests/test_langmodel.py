"""py3langid's model through kliping's decompressed cache (kliping.clean.langmodel)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kliping.clean import langmodel

TEXTS = [
    "Pemerintah provinsi meresmikan jembatan baru yang menghubungkan dua kecamatan di pesisir.",
    "The government opened a new bridge connecting two districts on the coast on Monday.",
    "Die Regierung hat am Montag eine neue Brücke zwischen zwei Bezirken eröffnet.",
    "Правительство открыло новый мост между двумя районами на побережье.",
]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(tmp_path / "cache"))
    langmodel.identifier.cache_clear()
    yield tmp_path / "cache"
    langmodel.identifier.cache_clear()


def _reference():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def test_cache_written_once_then_mapped_with_the_same_answers(fresh: Path) -> None:
    first = langmodel.identifier()
    dirs = [p for p in fresh.iterdir()]
    assert len(dirs) == 1 and dirs[0].name.startswith("py3langid-")
    assert sorted(p.name for p in dirs[0].iterdir()) == sorted(f"{a}.npy" for a in langmodel._ARRAYS)
    stamp = {p.name: p.stat().st_mtime_ns for p in dirs[0].iterdir()}
    langmodel.identifier.cache_clear()
    second = langmodel.identifier()
    assert {p.name: p.stat().st_mtime_ns for p in dirs[0].iterdir()} == stamp  # read, not rewritten
    ref = _reference()
    for text in TEXTS:
        assert first.classify(text) == second.classify(text) == ref.classify(text)


def test_cache_off_or_unusable_falls_back_to_py3langid(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KLIPING_CACHE_DIR", "off")
    assert langmodel.cache_root() is None
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(blocker))
    langmodel.identifier.cache_clear()
    try:
        ident = langmodel.identifier()
        assert ident.classify(TEXTS[1])[0] == "en"
        assert blocker.read_text().startswith("a file")
    finally:
        langmodel.identifier.cache_clear()


def test_default_cache_root_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KLIPING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert langmodel.cache_root() == tmp_path / "kliping"
