"""py3langid's model, loaded in milliseconds instead of most of a second.

py3langid ships its 97-language model as an LZMA-compressed ``.npz`` (4.5 MB on disk, 68 MB
inside). Decompressing it costs about 0.7 s, paid by every process that classifies a page: each
reclean worker, each crawl. The first load writes the decompressed arrays once to a cache
directory as plain ``.npy`` files; later loads map them (``mmap``), so worker processes share one
copy in the page cache. The cache is keyed by py3langid's version and the model file's size and
modification time, written atomically (a temporary directory renamed into place), and never
required: any problem reading or writing it falls back to py3langid's own loader.

The cache directory is ``$KLIPING_CACHE_DIR``, else ``$XDG_CACHE_HOME/kliping``, else
``~/.cache/kliping``; ``KLIPING_CACHE_DIR=off`` disables it.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path | None:
    """Where kliping keeps derived files, or None when caching is off."""
    env = os.environ.get("KLIPING_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "kliping"


def _model_key(model: Path) -> str:
    import py3langid

    st = model.stat()
    version = getattr(py3langid, "__version__", "0")
    return f"py3langid-{version}-{st.st_size}-{int(st.st_mtime)}"


def _write_cache(model: Path, target: Path) -> None:
    """Decompress ``model`` into ``target`` (one ``.npy`` per array), atomically."""
    import lzma

    import numpy as np

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        with tempfile.TemporaryFile(suffix=".npz") as raw:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, raw, length=1 << 20)
            raw.seek(0)
            with np.load(raw, allow_pickle=False) as data:
                for name in _ARRAYS:
                    np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        try:
            tmp.rename(target)
        except OSError:  # another process got there first: theirs is as good as ours
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_cache(directory: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    def arr(name: str, mmap: bool = False) -> Any:
        return np.load(directory / f"{name}.npy", mmap_mode="r" if mmap else None, allow_pickle=False)

    return LanguageIdentifier(
        arr("ptc", mmap=True),
        arr("pc"),
        arr("classes").tolist(),
        _to_array(arr("nextmove")),
        arr("out_feat").tolist(),
        tk_row=_to_array(arr("nextmove_row")),
    )


@functools.lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's ``LanguageIdentifier`` with its full model; one per process, read-only."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    root = cache_root()
    if root is not None:
        try:
            target = root / _model_key(model)
            if not target.is_dir():
                _write_cache(model, target)
            return _from_cache(target)
        except Exception:  # the cache is an optimisation only
            pass
    return LanguageIdentifier.from_model_file(MODEL_FILE)
