"""kliping.dataset.workers.drive: the one bounded pool loop of reclean and ingest, with real worker
processes, and a task that kills its worker."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kliping.dataset.workers import CRASHED, FAIL_FAST, RETRY_ONCE, drive

PRELOAD: list[str] = []  # these tasks need nothing imported ahead


def square(n: int, die: str | None) -> int:
    """n squared; kills its worker when ``die`` names a file that does not exist yet (once) or
    is ``always``."""
    if die and die != "always" and not Path(die).exists():
        Path(die).touch()
        os._exit(3)
    if die == "always":
        os._exit(3)
    return n * n


def square_or_die_late(n: int, die: str | None) -> int:
    """n squared, or (``die`` set) its worker dies a moment after it starts."""
    if die:
        time.sleep(0.2)
        os._exit(3)
    return n * n


def _run(tasks: list[tuple[int, str | None]], policy, workers: int = 2) -> list[object]:  # noqa: ANN001
    got: list[object] = []
    drive(tasks, square, lambda t: t, got.append, lambda t, why: ("crash", t[0], why),
          workers=workers, policy=policy, preload=PRELOAD)
    return got


def test_every_result_arrives_once() -> None:
    got = _run([(n, None) for n in range(20)], FAIL_FAST)
    assert sorted(got) == [n * n for n in range(20)]  # type: ignore[type-var]


def test_retry_once_reruns_a_crashed_task_and_goes_on(tmp_path: Path) -> None:
    tasks = [(n, None) for n in range(8)] + [(100, str(tmp_path / "once")), (7, "always")]
    got = _run(tasks, RETRY_ONCE)
    assert sorted(r for r in got if isinstance(r, int)) == sorted([n * n for n in range(8)] + [10000])
    # dies on each of its two runs: its result is the crash policy's, the run goes on
    assert [r for r in got if isinstance(r, tuple)] == [("crash", 7, CRASHED)]


def test_fail_fast_fails_the_task_and_what_was_not_started() -> None:
    tasks = [(0, "always")] + [(n, None) for n in range(1, 30)]
    got = _run(tasks, FAIL_FAST, workers=1)
    assert len(got) == 30  # every task has exactly one result
    crashes = [r for r in got if isinstance(r, tuple)]
    assert ("crash", 0, CRASHED) in crashes
    assert any(r[2] == FAIL_FAST.not_started for r in crashes)  # type: ignore[index]
    assert {r[1] if isinstance(r, tuple) else int(r**0.5) for r in got} == set(range(30))  # type: ignore[operator]


def test_what_on_result_raises_stops_the_run() -> None:
    seen: list[int] = []

    def on_result(r: int) -> None:
        seen.append(r)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        drive([(n, None) for n in range(50)], square, lambda t: t, on_result,
              lambda t, why: -1, workers=2, preload=PRELOAD)
    assert len(seen) == 1


@pytest.mark.parametrize("policy", [RETRY_ONCE, FAIL_FAST])
def test_a_pool_that_broke_while_results_were_handled(policy) -> None:  # noqa: ANN001
    """The pool breaks while the driver is busy with a result: the next submit finds it broken
    before any wait has seen the crash. The task it tried never ran, and nothing is lost."""
    got: list[object] = []

    def on_result(r: object) -> None:
        got.append(r)
        if len(got) == 1:
            time.sleep(1.0)  # the second task kills its worker meanwhile

    tasks = [(1, None), (2, "die"), (3, None), (4, None)]
    drive(tasks, square_or_die_late, lambda t: t, on_result, lambda t, why: ("crash", t[0], why),
          workers=1, in_flight=2, policy=policy, preload=PRELOAD)
    assert len(got) == 4  # one result per task
    assert got[0] == 1 and ("crash", 2, CRASHED) in got
    if policy.restart:
        assert sorted(r for r in got if isinstance(r, int)) == [1, 9, 16]
    else:
        assert ("crash", 3, FAIL_FAST.not_started) in got
