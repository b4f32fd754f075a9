"""The held-back split of the evaluation pages (bench/_split.py; BENCHMARKS.md, "Held-back pages")."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_split", ROOT / "bench" / "_split.py")
assert _spec and _spec.loader
split = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(split)


def test_key_is_parent_folder_and_name() -> None:
    assert split.split_key("tests/sites/detik/a1.html") == "detik/a1.html"
    assert split.split_key(Path("/x/data/html/abc.html.gz")) == "html/abc.html.gz"
    assert split.split_key("a1.html") == "a1.html"


def test_split_is_the_documented_hash() -> None:
    for key in ("detik/a1.html", "kompas/a1.html", "html/0a.html.gz", "pages/detik.html"):
        first = hashlib.sha256(key.encode()).digest()[0]
        assert split.split_of(f"/anywhere/{key}") == ("held_back" if first < 77 else "tuning")
    assert split.HELD_BACK_BELOW == 77
    doc = " ".join((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8").split())
    assert "first byte of the key's SHA-256 is below 77" in doc


def test_fixture_pages_split_about_thirty_percent() -> None:
    pages = sorted((ROOT / "tests" / "sites").glob("*/*.html")) + sorted(
        (ROOT / "tests" / "fixtures" / "pages").glob("*.html")
    )
    held = [p for p in pages if split.is_held_back(p)]
    assert len({split.split_key(p) for p in pages}) == len(pages), "keys are unique"
    assert 0.2 < len(held) / len(pages) < 0.4
    # Same name, different site: decided independently (the folder is part of the key).
    assert len({split.split_of(p) for p in pages if p.name == "a1.html"}) == 2
