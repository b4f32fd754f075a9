"""A sixth outside audit (session 19): attacks the other hostile modules did not cover, each found
to fail and then fixed. Real commands in child processes, real files, Parquet read back with
pyarrow.

- a WARC record whose ``Content-Length`` lies (says more, or less, than the record holds), in a
  plain, a gzip-per-record and a whole-file-gzip WARC: the reading of the whole file ended there,
  and every record after it was lost (``kliping ingest`` kept the records before it only); the same
  for a gzip member with bad data (a flipped byte, a member cut short, bytes between members) in
  a gzip-per-record WARC;
- ``kliping verify --repair``, ``kliping reclean`` and ``kliping export`` killed by SIGKILL at
  several points, then run again: a reclean's killed run stayed ``running`` in the ledger, and
  ``kliping verify`` found the finished output unsound (exit 1);
- the driver of a worker pool (``reclean``, ``ingest --workers``) killed by SIGKILL: its forkserver,
  resource tracker and workers lived on for ever (a worker finished its task into the output a
  rerun now owned, then waited on a pipe it held both ends of);
- a sitemap index naming itself (or one child) many times: listings skip the duplicate filter,
  so N names were N + N² + N³ fetches (20 names: 6,000 fetches in the first minute, and on);
- a site file's value nested 200,000 deep (a list in a list …) where a Source or a string belongs:
  refused with ``RecursionError`` from the message's own ``repr``, the field not named;
- numbers and URLs on the command line no check caught: ``ingest --split-mb nan`` and ``export
  --min-words 10**23`` (tracebacks), ``extract --url 'http://[::1'`` or such a line of
  ``--urls-from`` (a traceback), ``reclean --page-timeout nan`` (accepted: no page budget),
  ``canary --timeout -1`` (every site a failure, exit 1).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kliping.crawler.ledger import write_ledger_row
from kliping.warc.reader import WarcFormatError, iter_records
from tests.conftest import kliping, kliping_cmd
from tests.hostile.server import HostileServer
from tests.hostile.test_network import ARTICLE_URLS, HOST, LOCAL
from tests.warc_fixtures import sample_pages, variant, write_warc

# -- a Content-Length that lies ------------------------------------------------------------------

MODES = ("plain", "per-record", "whole-file")


def _record(i: int, lie: int = 0, text: str | None = None, digest: bool = False) -> bytes:
    body = f"<html>rekaman {i} {'isi ' * (20 + 7 * i) if text is None else text}</html>".encode()
    sha1 = f"WARC-Block-Digest: sha1:{base64.b32encode(hashlib.sha1(body).digest()).decode()}\r\n"
    head = (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:r:{i}>\r\n{sha1 if digest else ''}"
            f"Content-Length: {len(body) + lie}\r\n\r\n").encode()
    return head + body + b"\r\n\r\n"


def _pack(records: list[bytes], mode: str) -> bytes:
    if mode == "plain":
        return b"".join(records)
    if mode == "per-record":
        return b"".join(gzip.compress(r) for r in records)
    return gzip.compress(b"".join(records))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lies", [{3: 40}, {3: -40}, {3: 10**6}, {0: 9}, {7: 30}, {7: -30},
                                  {2: 25, 5: -12}], ids=str)
@pytest.mark.parametrize("keep", [True, False], ids=["kept", "skipped"])
def test_a_lying_content_length_loses_only_its_own_record(mode: str, lies: dict[int, int],
                                                          keep: bool) -> None:
    data = _pack([_record(i, lies.get(i, 0)) for i in range(8)], mode)
    damaged: list[tuple[int, str]] = []
    got = [r.headers["warc-record-id"] for r in iter_records(
        io.BytesIO(data), want=lambda h, n: keep, on_damage=lambda at, why: damaged.append((at, why)))]
    assert got == [f"<urn:r:{i}>" for i in range(8) if i not in lies]
    assert len(damaged) == len(lies)
    if mode != "whole-file":  # the offset names the damaged record (its member, gzipped)
        starts = [len(_pack([_record(j, lies.get(j, 0)) for j in range(i)], mode)) for i in range(8)]
        assert [at for at, _ in damaged] == [starts[i] for i in sorted(lies)]
    # without on_damage the file is corrupt, as before: an error, never a wrong record
    with pytest.raises(WarcFormatError):
        list(iter_records(io.BytesIO(data)))


@pytest.mark.parametrize("mode", MODES)
def test_an_honest_file_reads_the_same_with_on_damage(mode: str) -> None:
    data = _pack([_record(i) for i in range(8)], mode)
    plain = [(r.offset, r.block, r.resume_at) for r in iter_records(io.BytesIO(data))]
    damaged: list[tuple[int, str]] = []
    checked = [(r.offset, r.block, r.resume_at) for r in iter_records(
        io.BytesIO(data), on_damage=lambda at, why: damaged.append((at, why)))]
    assert checked == plain and not damaged and len(plain) == 8
    for offset, _, resume_at in checked:  # every resume point starts a record
        if resume_at is not None and resume_at < len(data):
            assert next(iter_records(io.BytesIO(data[resume_at:]))).offset == 0, (offset, resume_at)


def _spoil(member: bytes, how: str) -> bytes:
    if how == "flipped":
        mid = len(member) // 2
        return member[:mid] + bytes(b ^ 0xFF for b in member[mid : mid + 8]) + member[mid + 8 :]
    if how == "cut":
        return member[: len(member) // 2]
    return member + b"sampah" * 50  # bytes between members


@pytest.mark.parametrize("how", ["flipped", "cut", "between"])
@pytest.mark.parametrize("which", [0, 3])
@pytest.mark.parametrize("keep", [True, False], ids=["kept", "skipped"])
def test_a_bad_gzip_member_loses_only_its_own_record(how: str, which: int, keep: bool) -> None:
    members = [gzip.compress(_record(i)) for i in range(8)]
    at = sum(len(m) for m in members[: which + (how == "between")])  # the bad member, or the bytes
    members[which] = _spoil(members[which], how)
    data = b"".join(members)
    damaged: list[tuple[int, str]] = []
    got = [r.headers["warc-record-id"] for r in iter_records(
        io.BytesIO(data), want=lambda h, n: keep, on_damage=lambda at, why: damaged.append((at, why)))]
    lost = set() if how == "between" else {which}
    assert got == [f"<urn:r:{i}>" for i in range(8) if i not in lost]
    assert [a for a, _ in damaged] == [at], damaged
    with pytest.raises(WarcFormatError):  # without on_damage: a corrupt file, as before
        list(iter_records(io.BytesIO(data)))


def _lie_in_response(plain: bytes, nth: int, lie: int) -> tuple[bytes, str]:
    """``plain`` (a plain WARC) with the Content-Length of its ``nth`` response record changed by
    ``lie``; and that record's target URI."""
    records = re.split(rb"(?=WARC/1\.1\r\n)", plain)
    responses = [i for i, r in enumerate(records) if b"WARC-Type: response\r\n" in r]
    i = responses[nth]
    rec = records[i]
    n = int(re.search(rb"Content-Length: (\d+)\r\n", rec).group(1))
    records[i] = rec.replace(f"Content-Length: {n}\r\n".encode(),
                             f"Content-Length: {n + lie}\r\n".encode(), 1)
    uri = re.search(rb"WARC-Target-URI: (\S+)\r\n", rec).group(1).decode()
    return b"".join(records), uri


@pytest.mark.parametrize(("mode", "lie"), [("per-record", 300), ("whole-file", -200), ("plain", 5000)])
def test_ingest_keeps_every_page_around_a_lying_record(mode: str, lie: int, tmp_path: Path) -> None:
    pages = [p for p in sample_pages() if p.status == 200][:12]
    plain = write_warc(tmp_path / "all.warc", pages, extras=False).read_bytes()
    data, liar = _lie_in_response(plain, 5, lie)
    records = re.split(rb"(?=WARC/1\.1\r\n)", data)
    name = "bad.warc" if mode == "plain" else "bad.warc.gz"
    (tmp_path / name).write_bytes(_pack([r for r in records if r], mode))
    _ingest_lying_file(tmp_path / name, pages, liar)


def _ingest_lying_file(path: Path, pages: list, liar: str) -> None:
    """``kliping ingest`` of a WARC with one lying record: one error line naming Content-Length and
    the offset, exit 1, every other page kept; a rerun adds nothing (no duplicate) and still says
    the file is damaged, or finds it done."""
    out = path.parent / "out"
    r = kliping("ingest", str(path), "--out", str(out), "--no-progress", timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "Content-Length" in errors[0] and "offset" in errors[0], r.stderr
    urls = sorted(pq.read_table(out / "raw", columns=["url"]).column("url").to_pylist())
    assert urls == sorted(p.url for p in pages if p.url != liar)
    again = kliping("ingest", str(path), "--out", str(out), "--no-progress", timeout=120)
    assert again.returncode in (0, 1) and "Traceback" not in again.stderr, again.stderr
    assert sorted(pq.read_table(out / "raw", columns=["url"]).column("url").to_pylist()) == urls


# -- SIGKILL at random points, then the same command again -----------------------------------------


def _damaged_copy(demo: Path, to: Path) -> Path:
    """What ``verify --repair`` has to mend: an articles part overwritten, a run left running."""
    shutil.copytree(demo, to)
    part = sorted((to / "articles").rglob("*.parquet"))[0]
    part.write_bytes(random.Random(7).randbytes(part.stat().st_size))
    write_ledger_row(to, {"run_id": "r-dead", "sites": ["kabarnusa"], "status": "running",
                          "started_at": datetime(2024, 1, 10, 3, tzinfo=UTC)})
    return part


def _job(kind: str, demo: Path, base: Path) -> tuple[list[str], Path, Path | None]:
    """(command, its output, the one part it may find unreadable: the damage it is there to mend)."""
    base.mkdir()
    if kind == "verify-repair":
        bad = _damaged_copy(demo, base / "out")
        return kliping_cmd("verify", str(base / "out"), "--repair"), base / "out", bad
    if kind == "reclean":
        return (kliping_cmd("reclean", str(demo), "--out", str(base / "out"), "--workers", "1",
                            "--no-progress"), base / "out", None)
    return kliping_cmd("export", str(demo), "--out", str(base / "out")), base / "out", None


def _rows(out: Path) -> dict[str, list[tuple]]:
    """Every dataset's rows (the keys that say which), hidden stages and quarantine left out."""
    got: dict[str, list[tuple]] = {}
    for path in sorted(out.rglob("*.parquet")):
        rel = path.relative_to(out)
        if rel.parts[0] in ("runs", "quarantine") or any(p.startswith(".") for p in rel.parts):
            continue
        t = pq.read_table(path)
        cols = [c for c in ("fetch_id", "id", "url", "text_hash") if c in t.column_names]
        got.setdefault(rel.parts[0], []).extend(zip(*(t.column(c).to_pylist() for c in cols),
                                                    strict=True))
    return {k: sorted(v) for k, v in got.items()}


def _kill_after(cmd: list[str], seconds: float) -> bool:
    """Run ``cmd``, SIGKILL it after ``seconds`` (True) unless it ended first (False); its process
    group's other processes are given 10 s to go, then killed (the test fails on them elsewhere)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    try:
        p.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait(timeout=30)
        return True
    finally:
        _reap_group(p.pid, 10)


def _group(pgid: int) -> list[int]:
    """The live (not zombie) processes of process group ``pgid`` (from /proc: Linux)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, _ppid, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
        if int(pgrp) == pgid and state not in "ZX":
            out.append(int(entry))
    return out


def _reap_group(pgid: int, grace: float) -> list[str]:
    """The processes of group ``pgid`` still alive after ``grace`` seconds (then killed)."""
    deadline = time.monotonic() + grace
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    names = []
    for pid in left:
        try:
            names.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120].decode())
            os.kill(pid, 9)
        except OSError:
            pass
    return names


@pytest.mark.parametrize("kind", ["verify-repair", "reclean", "export"])
def test_a_command_killed_anywhere_leaves_readable_parts_and_a_rerun_finishes_it(
        kind: str, demo: Path, tmp_path: Path) -> None:
    cmd, out, mended = _job(kind, demo, tmp_path / "ref")
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    want = _rows(out)
    assert want
    for i, seconds in enumerate((0.4, 0.8, 1.2)):
        cmd, out, mended = _job(kind, demo, tmp_path / f"k{i}")
        _kill_after(cmd, seconds)
        for path in out.rglob("*.parquet") if out.exists() else ():
            if path != mended and "quarantine" not in path.parts:
                pq.read_table(path)  # only readable Parquet, whenever the kill came
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0 and "Traceback" not in r.stderr, (seconds, r.stdout + r.stderr)
        assert _rows(out) == want, seconds  # none lost, none twice
        if kind != "export":
            v = kliping("verify", str(out), timeout=120)
            assert v.returncode == 0, (seconds, v.stdout)


@pytest.mark.parametrize("command", ["reclean", "ingest"])
def test_a_killed_pools_processes_go_with_it(command: str, demo: Path, tmp_path: Path) -> None:
    """The driver SIGKILLed once its workers run: no process of its group is left (ingest's
    orphaned workers went on reading every file into the output)."""
    if command == "reclean":
        args = ["reclean", str(demo), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"]
        least = 4  # driver, resource tracker, forkserver, a worker
    else:
        pages = [p for p in sample_pages() if p.status == 200]
        for k in range(4):
            write_warc(tmp_path / f"f{k}.warc.gz", [variant(p, k) for p in pages], extras=False)
        args = ["ingest", *(str(tmp_path / f"f{k}.warc.gz") for k in range(4)), "--out",
                str(tmp_path / "out"), "--workers", "2", "--no-progress"]
        least = 5  # and the manager of the claimed URLs
    p = subprocess.Popen(kliping_cmd(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(_group(p.pid)) < least and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert p.poll() is None, f"{command} ended before its workers were seen"
        p.kill()
        p.wait(timeout=30)
    finally:
        left = _reap_group(p.pid, 5)
    assert not left, left


# -- a sitemap index that names itself many times -----------------------------------------------


def _crawl(site: HostileServer, out: Path, *args: str, timeout: float) -> tuple[str, int]:
    """(stderr, exit code) of a generic crawl of the hostile site; 'TIMEOUT', -1 past ``timeout``."""
    from tests.hostile.server import SINCE, UNTIL

    cmd = kliping_cmd("crawl", "generic", "--domain", HOST, "--since", SINCE, "--until", UNTIL,
                      "--out", str(out), "--mirror", json.dumps(site.mirror(HOST)), *LOCAL, *args)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", -1
    return r.stderr, r.returncode


def _stat(stderr: str, key: str) -> int:
    found = re.search(rf"'{re.escape(key)}': (\d+)", stderr)
    return int(found.group(1)) if found else 0


def test_an_index_naming_itself_many_times_is_read_once_more(site: HostileServer, tmp_path: Path) -> None:
    site.set(index_children=[f"https://{HOST}/sitemap.xml"] * 30)
    err, code = _crawl(site, tmp_path / "out", timeout=40)  # before: 1 + 31 + 31² + 31³ fetches
    assert code == 0 and "Traceback" not in err, err[-3000:]
    assert site.hits[f"https://{HOST}/sitemap.xml"] <= 2, site.hits[f"https://{HOST}/sitemap.xml"]
    assert _stat(err, "kliping/listing/repeated_sitemap") >= 30
    archived = set(pq.read_table(tmp_path / "out" / "raw", columns=["url"]).column("url").to_pylist())
    assert archived == ARTICLE_URLS


def test_child_sitemaps_are_capped_for_the_whole_crawl(site: HostileServer, tmp_path: Path) -> None:
    site.set(index_children=[f"https://{HOST}/peta-{i}.xml" for i in range(20)])
    err, code = _crawl(site, tmp_path / "out", "-s", "KLIPING_SITEMAP_MAX_CHILDREN=6", timeout=60)
    assert code == 0 and "Traceback" not in err, err[-3000:]
    assert len([u for u in site.hits if "/peta-" in u]) == 5  # sitemap-posts.xml is the first child
    assert _stat(err, "kliping/listing/sitemaps_over_limit") == 15


# -- a site file's value nested without end ---------------------------------------------------------

DEEP = "__import__('functools').reduce(lambda a, _: {wrap}, range(200_000), {seed})"


@pytest.mark.parametrize(("fields", "named"), [
    ({"sources": "(" + DEEP.format(wrap="[a]", seed="Source('feed', 'https://x.example/feed/')") + ",)"},
     "'sources[0]'"),
    ({"allowed_domains": "(" + DEEP.format(wrap="{'k': a}", seed="'a'") + ",)"}, "'allowed_domains[0]'"),
], ids=["list-in-list", "dict-in-dict"])
def test_a_value_nested_without_end_is_refused_naming_its_field(tmp_path: Path, fields, named) -> None:
    from tests.conftest import one_line
    from tests.hostile.test_audit4_sites import _run, _site_file

    path = _site_file(tmp_path / "sites", **fields)
    r = _run("sites", sites=tmp_path / "sites", timeout=60)
    assert r.returncode == 2, r.stdout[-2000:] + r.stderr[-2000:]
    line = one_line(r)
    assert str(path) in line and f"field {named}" in line and "RecursionError" not in line, line
    assert len(line) < 1000, line


# -- numbers and URLs no check caught -----------------------------------------------------------------

BAD_ARGS = {  # case: (arguments, with {demo}, {warc}, {out}, {tsv} filled in; the option named)
    "split-mb-nan": (["ingest", "{warc}", "--out", "{out}", "--split-mb", "nan"], "--split-mb"),
    "split-mb-inf": (["ingest", "{warc}", "--out", "{out}", "--split-mb", "inf"], "--split-mb"),
    "min-words-huge": (["export", "{demo}", "--out", "{out}", "--min-words", "9" * 23], "--min-words"),
    "page-timeout-nan": (["reclean", "{demo}", "--out", "{out}", "--page-timeout", "nan"], "--page-timeout"),
    "page-timeout-inf": (["reclean", "{demo}", "--out", "{out}", "--page-timeout", "inf"], "--page-timeout"),
    "extract-url": (["extract", "{warc}", "--url", "http://[::1"], "--url"),
    "extract-urls-from": (["extract", "--urls-from", "{tsv}"], "{tsv}:2"),
    "canary-timeout": (["canary", "kabarnusa", "--timeout", "-1"], "--timeout"),
    "canary-timeout-nan": (["canary", "kabarnusa", "--timeout", "nan"], "--timeout"),
}


@pytest.mark.parametrize("case", list(BAD_ARGS))
def test_a_bad_number_or_url_is_one_line_and_exit_2(case: str, demo: Path, tmp_path: Path) -> None:
    from tests.conftest import one_line

    tsv = tmp_path / "urls.tsv"
    tsv.write_text(f"{tmp_path / 'a.html'}\thttps://a.example/x\n{tmp_path / 'a.html'}\thttp://[::1\n")
    (tmp_path / "a.html").write_text("<html><body><p>halo</p></body></html>")
    fill = {"demo": str(demo), "warc": str(tmp_path / "a.html"), "out": str(tmp_path / "out"),
            "tsv": str(tsv)}
    args, named = BAD_ARGS[case]
    r = kliping(*(a.format(**fill) for a in args), timeout=120)
    assert r.returncode == 2, (r.returncode, r.stderr[-2000:])
    line = one_line(r)
    assert named.format(**fill) in line, line
    assert not (tmp_path / "out").exists()
