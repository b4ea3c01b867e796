"""The local grading workers: warm between submissions, yet each submission under its own budget."""

from __future__ import annotations

import os
import random
import time

from proofcheck.grade.workers import Budget, run_local

BUDGET = Budget(seconds=1.0, memory_mb=1024)


def _pid():
    return os.getpid()


def _sleep():
    time.sleep(60)


def _hog():
    return bytearray(2 * 1024 ** 3)  # twice the memory budget


def _draw():
    return random.random()


def _outcomes(tasks, workers=1, budget=BUDGET):
    got = dict(run_local(tasks, budget, workers))
    return [got[i] for i in range(len(tasks))]


def test_one_worker_grades_one_submission_after_another():
    out = _outcomes([_pid, _pid, _pid])
    assert [o.status for o in out] == ["ok"] * 3
    assert len({o.value for o in out}) == 1 and out[0].value != os.getpid()


def test_a_submission_over_its_time_budget_stops_alone_and_its_worker_is_replaced():
    start = time.monotonic()
    out = _outcomes([_pid, _sleep, _pid, _pid])
    assert time.monotonic() - start < 30
    assert [o.status for o in out] == ["ok", "timeout", "ok", "ok"]
    assert out[0].value != out[2].value == out[3].value  # a fresh worker after the timeout, then reused


def test_a_submission_over_its_memory_budget_stops_alone():
    out = _outcomes([_hog, _pid])
    assert out[0].status == "memory" and out[1].status == "ok"


def test_every_submission_sees_the_random_state_its_worker_started_with():
    out = _outcomes([_draw, _draw, _draw])
    assert len({o.value for o in out}) == 1


def test_a_worker_retires_after_its_share_of_submissions(monkeypatch):
    from proofcheck.grade import workers

    monkeypatch.setattr(workers, "WORKER_TASKS", 1)
    out = _outcomes([_pid, _pid, _pid])
    assert [o.status for o in out] == ["ok"] * 3 and len({o.value for o in out}) == 3
