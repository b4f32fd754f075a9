"""bench/rewrites.py: the redesign rewrites of the project's own fixture articles (issue #14, item 6)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_rewrites", ROOT / "bench" / "rewrites.py")
assert _spec and _spec.loader
rewrites = importlib.util.module_from_spec(_spec)
# (the bench puts bench/ first on sys.path to import its siblings; left there, "import distributed"
# in a later test found bench/distributed.py instead of dask's package)
_saved_path = list(sys.path)
_spec.loader.exec_module(rewrites)
sys.path[:] = _saved_path


@pytest.fixture(autouse=True)
def _sys_path_restored() -> object:
    saved = list(sys.path)
    yield
    sys.path[:] = saved
    assert not any(Path(p).resolve() == ROOT / "bench" for p in sys.path if p)


def test_sample_is_fixed_and_keeps_both_splits() -> None:
    import _split  # bench/ is on the path once the module is loaded

    keys = [f"pages/p{i}.html" for i in range(4000)]
    kept = [k for k in keys if rewrites.sampled(k, 8)]
    assert kept == [k for k in keys if rewrites.sampled(k, 8)]
    assert 350 < len(kept) < 650
    held = sum(_split.is_held_back(k) for k in kept) / len(kept)
    assert 0.2 < held < 0.4, "the sample keeps the split's proportions"
    assert all(rewrites.sampled(k, 1) for k in keys[:10])


def test_runs_both_tools_on_both_splits() -> None:
    sys.path.insert(0, str(ROOT / "bench"))  # (the bench's own imports; taken off after the test)
    pages = rewrites._pages(every=16, limit=None)
    held = [p for p in pages if p["split"] == "held_back"][:2]
    tuning = [p for p in pages if p["split"] == "tuning"][:2]
    assert len(held) == 2 and len(tuning) == 2
    for page in held + tuning:
        key, split, f1 = rewrites._one((page, ("br_paragraphs", "no_url")))
        assert key == rewrites.split_key(page["path"]) and split == page["split"]
        assert set(f1) == {"br_paragraphs", "no_url"}
        for k, t in f1.values():
            assert 0.0 <= k <= 1.0 and 0.0 <= t <= 1.0
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rewrites.py"), "--every", "64", "--limit", "3", "--jobs", "1",
         "--variants", "br_paragraphs,no_url", "--list"],
        capture_output=True, text=True, timeout=300, check=True,
    ).stdout  # fmt: skip
    assert "| br_paragraphs |" in out and "| no_url |" in out and "| **all rewrites** |" in out
    assert "kliping held-back" in out and "trafilatura tuning" in out and "Tuning pages under 0.90" in out


def test_list_never_names_a_held_back_page() -> None:
    results = [
        ("pages/t.html", "tuning", {"br_paragraphs": (0.5, 1.0), "no_url": (1.0, 1.0)}),
        ("pages/h.html", "held_back", {"br_paragraphs": (0.1, 1.0), "no_url": (0.2, 1.0)}),
    ]
    lows = rewrites.tuning_lows(results, ("br_paragraphs", "no_url"))
    assert lows == [(0.5, "br_paragraphs", "pages/t.html")]


def test_unknown_variant_is_refused() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rewrites.py"), "--variants", "br_paragraph", "--limit", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and "br_paragraph" in proc.stderr
