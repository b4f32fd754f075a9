"""The lean install: the core dependencies crawl, clean and export; the rest are extras.

The commands run here as a core-only install would run them: a directory of stub packages on
PYTHONPATH (ahead of site-packages, inherited by every child process) makes dask, distributed,
scrapy-redis, redis and matplotlib fail to import, as they would when not installed.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OPTIONAL = {"dask", "distributed", "scrapy_redis", "redis", "matplotlib"}


def _name(requirement: str) -> str:
    """The distribution's normalized name (PEP 503) from a requirement or a name."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0]).lower()


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_core_dependencies_leave_out_the_extras(project) -> None:
    core = {_name(r) for r in project["dependencies"]}
    assert not core & {"dask", "distributed", "scrapy-redis", "redis", "matplotlib"}, core
    extras = project["optional-dependencies"]
    assert {_name(r) for r in extras["cluster"]} == {"dask", "scrapy-redis"}
    assert "distributed" in next(r for r in extras["cluster"] if _name(r) == "dask")
    assert {_name(r) for r in extras["plot"]} == {"matplotlib"}
    assert any(r.replace(" ", "") == "kliping[cluster,plot]" for r in extras["dev"])


def _imports(path: Path) -> set[str]:
    """Top-level modules ``path`` imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _closure(requirements: list[str]) -> set[str]:
    """The distributions the requirements bring in, extras and markers included (over-approximate)."""
    seen: set[str] = set()
    todo = [_name(r) for r in requirements]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [_name(r) for r in metadata.requires(name) or [] if "extra ==" not in r]
        except metadata.PackageNotFoundError:
            pass
    return seen


def test_every_core_import_comes_from_a_core_dependency(project) -> None:
    """A module of the package imports a third-party module only when a core dependency (or what
    it depends on) provides it, or it is one of the optional ones, imported through
    kliping.extras.require."""
    provided = _closure(project["dependencies"])
    dists = metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    missing = {}
    for path in sorted((ROOT / "kliping").rglob("*.py")):
        for module in _imports(path) - stdlib - OPTIONAL - {"kliping", "__future__"}:
            names = {_name(d) for d in dists.get(module, [])}
            if not names & provided:
                missing[f"{path.relative_to(ROOT)}: {module}"] = sorted(names)
    assert not missing, missing


@pytest.fixture(scope="module")
def lean_env(tmp_path_factory) -> dict[str, str]:
    """PYTHONPATH with stubs of the optional packages that fail to import, as when not installed."""
    stubs = tmp_path_factory.mktemp("not-installed")
    for module in sorted(OPTIONAL):
        (stubs / module).mkdir()
        (stubs / module / "__init__.py").write_text(
            f"raise ModuleNotFoundError('No module named {module} (stub: not installed)', "
            f"name={module!r})\n"
        )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(stubs), str(ROOT), env.get("PYTHONPATH", "")])
    return env


def lean(env: dict[str, str], *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kliping", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_stubs_stand_in_for_missing_packages(lean_env) -> None:
    code = "import matplotlib"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=lean_env)
    assert out.returncode == 1, out.stderr
    assert out.stderr.strip().splitlines()[-1] == (
        "ModuleNotFoundError: No module named matplotlib (stub: not installed)"
    )


def test_demo_export_stats_without_the_extras(lean_env, tmp_path) -> None:
    out, export = tmp_path / "demo", tmp_path / "export"
    demo = lean(lean_env, "demo", "--out", str(out))
    assert demo.returncode == 0, demo.stderr[-3000:]
    exported = lean(lean_env, "export", str(out), "--out", str(export), "--dedup", "near")
    assert exported.returncode == 0, exported.stderr[-3000:]
    note = [line for line in exported.stderr.splitlines() if line.strip()]
    assert note == ["kliping export: no coverage plot: matplotlib is not installed "
                    "(pip install 'kliping[plot]')"], exported.stderr
    assert (export / "data" / "articles.parquet").is_file()
    assert not (export / "coverage.png").exists()
    card = (export / "README.md").read_text(encoding="utf-8")
    assert "coverage.png" not in card and "kliping[plot]" in card
    stats = lean(lean_env, "stats", str(out))
    assert stats.returncode == 0, stats.stderr[-3000:]
    code = ("import kliping, sys; t = kliping.read(sys.argv[1]); "
            "print(t.num_rows, sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{sorted(OPTIONAL)!r}))")
    read = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                          env=lean_env)
    assert read.returncode == 0, read.stderr[-3000:]
    rows, loaded = read.stdout.split(" ", 1)
    assert int(rows) > 0 and loaded.strip() == "[]"


@pytest.mark.parametrize(
    "args, extra",
    [
        (["reclean", "{tmp}/raw", "--out", "{tmp}/out", "--dask", "tcp://127.0.0.1:9"], "cluster"),
        (["crawl", "detakberita", "--out", "{tmp}/out", "--redis", "redis://127.0.0.1:9/0"], "cluster"),
    ],
    ids=["reclean-dask", "crawl-redis"],
)
def test_a_missing_extra_is_one_line_exit_2(lean_env, tmp_path, args, extra) -> None:
    result = lean(lean_env, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.returncode == 2, result.stderr[-3000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kliping {args[0]}: error: ")
    assert f"pip install 'kliping[{extra}]'" in lines[0]
    assert not (tmp_path / "out").exists()  # refused before anything ran


def test_missing_extra_from_python(lean_env) -> None:
    code = (
        "import json, kliping\n"
        "from kliping.extras import require\n"
        "try:\n    require('distributed', 'reclean --dask')\n"
        "except kliping.MissingExtra as exc:\n    print(json.dumps([str(exc), exc.extra]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=lean_env)
    assert out.returncode == 0, out.stderr
    message, extra = json.loads(out.stdout)
    assert extra == "cluster"
    assert message == ("reclean --dask needs dask[distributed], which is not installed: "
                       "pip install 'kliping[cluster]'")
