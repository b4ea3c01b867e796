"""Budgets (proofcheck/sandbox.py): a step's budget is the CPU time its worker spends, so verdicts do
not depend on how busy the machine is; the wall-clock kill is only a safety net; workers are reused
across jobs but never after a failed one; `--timeout` must be a finite positive number; the network
cross-check runs under the same budget."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time

import pytest

from proofcheck import sandbox
from proofcheck.options import Options
from proofcheck.pipeline import check_text
from proofcheck.sandbox import run_jobs

from test_cli import inproc  # tests/ is on sys.path (rootdir import mode)


def _spin():
    while True:
        pass


def _swallow():
    """Catches everything, StepTimeout included, and carries on: only RLIMIT_CPU can stop it."""
    while True:
        try:
            sum(range(10_000))
        except BaseException:  # noqa: BLE001
            pass


def _sleep_then_ok():
    time.sleep(0.6)
    return "woke"


def _pid():
    return os.getpid()


def _draw():
    return random.random()


def _allocate():
    return [bytearray(10 ** 7) for _ in range(1000)]


def _die():
    os._exit(3)


def _raise():
    raise ValueError("broken job")


def test_cpu_budget_stops_a_spinning_job():
    [o] = run_jobs([_spin], 0.3, workers=1)
    assert o.status == "timeout" and "CPU time" in o.detail
    assert 0.2 <= o.cpu_seconds <= 0.3 + sandbox.CPU_GRACE_SECONDS


def test_a_job_that_swallows_the_timeout_is_still_stopped():
    start = time.monotonic()
    [o] = run_jobs([_swallow], 0.3, workers=1)
    assert o.status == "timeout"
    assert time.monotonic() - start < 0.3 + sandbox.CPU_GRACE_SECONDS + 30  # RLIMIT_CPU, not the wall net


def test_budget_counts_cpu_not_wall_time():
    """Sleeping uses no CPU: a job that waits longer than its CPU budget still finishes."""
    [o] = run_jobs([_sleep_then_ok], 0.2, workers=1)
    assert (o.status, o.value) == ("ok", "woke")
    assert o.seconds >= 0.6 and o.cpu_seconds < 0.2


def test_wall_clock_net_kills_a_worker_that_stops_using_cpu(monkeypatch):
    monkeypatch.setattr(sandbox, "WALL_FACTOR", 1.0)
    monkeypatch.setattr(sandbox, "WALL_GRACE_SECONDS", 0.1)
    [o] = run_jobs([_sleep_then_ok], 0.2, workers=1)
    assert o.status == "timeout" and "wall time" in o.detail


def test_workers_are_reused_but_not_after_a_failed_job():
    outs = run_jobs([_pid, _pid, _spin, _pid, _raise, _pid, _die, _pid], 0.3, memory_mb=512, workers=1)
    assert [o.status for o in outs] == ["ok", "ok", "timeout", "ok", "crash", "ok", "crash", "ok"]
    pids = [o.value for o in outs if o.status == "ok"]
    assert pids[0] == pids[1]  # one worker took several jobs
    assert len(set(pids)) == 4  # a fresh worker after each failed job


def test_memory_budget_and_a_fresh_worker_after_it():
    outs = run_jobs([_allocate, _pid], 5, memory_mb=300, workers=1)
    assert outs[0].status == "memory" and outs[1].status == "ok"


def test_results_do_not_depend_on_earlier_jobs_in_the_same_worker():
    """Each job starts from the random states the worker was forked with."""
    outs = run_jobs([_draw] * 4, 5, workers=1)
    assert len({o.value for o in outs}) == 1


def test_results_come_back_in_job_order_with_several_workers():
    def make(k):
        return lambda: k * k
    outs = run_jobs([make(k) for k in range(20)], 5, workers=3)
    assert [o.value for o in outs] == [k * k for k in range(20)]


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "0", "-1", "1e9", "ten", ""])
def test_timeout_must_be_a_finite_positive_number(value, capsys):
    from proofcheck.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["check", "a.proof", f"--timeout={value}"])
    assert exit_.value.code == 2 and "--timeout" in capsys.readouterr().err


def test_timeout_inf_is_a_usage_error_on_the_command_line(tmp_path):
    (tmp_path / "a.proof").write_text("x + x = 2 x\n", encoding="utf-8")
    proc = inproc(["check", "a.proof", "--timeout", "inf"], tmp_path)  # in-process: test_cli runs the child processes
    assert proc.returncode == 2 and "--timeout" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout and not proc.stdout


NETWORK = """problem N
batch 4
network budgeted
  input 7
  dense hidden_budget 13 relu
  dense out_budget 3
\\mathrm{params}(budgeted) = 7 \\times 13 + 13 + 13 \\times 3 + 3
"""


def test_network_cross_check_runs_under_the_step_budget(monkeypatch):
    """A cross-check that does not finish within --timeout is stopped and said (W313); steps still run."""
    from proofcheck import network

    monkeypatch.setattr(network, "_cross_check", lambda net, batch, backend: _spin())
    start = time.monotonic()
    r = check_text(NETWORK, "n.proof", Options(seed=0, timeout=0.3, workers=2))
    assert time.monotonic() - start < 30
    assert [d.code for d in r.diagnostics] == ["W313"]
    assert [s.verdict for p in r.problems for s in p.steps] == ["proved"]


def test_cli_timings_list_the_slowest_steps_on_stderr(tmp_path):
    (tmp_path / "a.proof").write_text("x + x = 2 x\n  = x \\cdot 2\n(x+1)^2 = x^2 + 2 x + 1\n", encoding="utf-8")
    base = ["check", "a.proof", "--no-cache", "--format", "json"]
    plain, timed = inproc(base, tmp_path), inproc(base + ["--timings"], tmp_path)  # in-process, as test_cli.inproc says
    assert plain.stdout == timed.stdout  # timings never touch the document
    lines = timed.stderr.splitlines()
    assert lines[0].startswith("timings: 3 step(s), 0 from the cache")
    assert len(lines) == 4 and all("a.proof:" in line and " s " in line for line in lines[1:])


# ------------------------------------------------------------------ the same verdicts on a busy machine

LADDER = "".join(f"\\sum_{{j=1}}^{{{n}}} \\frac{{x}}{{j + x^2}} = \\sum_{{j=1}}^{{{n}}} \\frac{{x}}{{x^2 + j}}\n"
                 for n in (150, 600, 2400, 4800))


def _run(options: Options):
    r = check_text(LADDER, "ladder.proof", options)
    return [(s.line, s.verdict) for p in r.problems for s in p.steps], [s.seconds for p in r.problems for s in p.steps]


@pytest.mark.slow
def test_same_verdicts_with_and_without_two_cpu_hogs():
    """Steps of growing cost under a budget that falls between two of them, on an idle machine and while
    two busy loops compete for the CPUs: the verdicts are the same (a wall-clock budget would time out
    the cheaper steps under load)."""
    _, costs = _run(Options(seed=0, timeout=120, workers=2))
    ranked = sorted(costs)
    gaps = [(ranked[i + 1] / max(ranked[i], 1e-3), i) for i in range(len(ranked) - 1) if ranked[i] >= 0.05]
    assert gaps, f"no step costs enough CPU to test with: {costs}"
    ratio, i = max(gaps)
    assert ratio >= 2, f"step costs too close to place a budget between them: {costs}"
    budget = (ranked[i] * ranked[i + 1]) ** 0.5  # at least 1.4x away from every step's cost
    options = Options(seed=0, timeout=budget, workers=2)
    idle, _ = _run(options)
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        time.sleep(0.5)
        busy, _ = _run(options)
    finally:
        for h in hogs:
            h.kill()
            h.wait()
    assert idle == busy
    assert {v for _, v in idle} == {"proved", "unknown"}, (idle, costs, budget)


# ------------------------------------------------------------------ a session keeps its workers warm


def test_a_session_keeps_its_workers_across_calls():
    from proofcheck.sandbox import session

    with session(1, 2048) as pool:
        first = run_jobs([_pid, _pid], 5, 2048, 1)
        with session(1, 2048) as inner:
            assert inner is pool  # the same settings: the same pool
            second = run_jobs([_pid], 5, 2048, 1)
        other = run_jobs([_pid], 5, 1024, 1)  # other memory cap: a pool of its own
    assert len({o.value for o in first + second}) == 1
    assert other[0].value != first[0].value


def test_a_session_closed_without_waiting_leaves_no_worker_behind():
    """`wait=False` (the console script, which exits right after): the idle workers are not killed and
    reaped but see their command pipe close, and end by themselves."""
    from proofcheck.sandbox import session

    with session(2, 2048, wait=False):
        pids = {o.value for o in run_jobs([_pid, _pid, _pid], 5, 2048, 2)}
    assert pids and os.getpid() not in pids
    deadline = time.monotonic() + 10
    left = set(pids)
    while left and time.monotonic() < deadline:
        for pid in list(left):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
                left.discard(pid)
        time.sleep(0.01)
    assert not left, f"workers still running: {left}"


def test_a_job_that_cannot_be_sent_to_a_session_worker_is_a_crash_not_a_hang():
    from proofcheck.sandbox import session

    with session(2, 2048):
        outs = run_jobs([lambda: 1, _pid], 5, 2048, 2)  # a lambda does not pickle
    assert outs[0].status == "crash" and "could not be sent" in outs[0].detail
    assert outs[1].status == "ok"


def test_session_workers_learn_network_faults_found_after_they_forked(monkeypatch):
    """A network whose cross-check disagreed is refused in every step, even by workers forked earlier."""
    from proofcheck import network
    from proofcheck.elaborate import elaborate
    from proofcheck.parse import parse_source
    from proofcheck.sandbox import session
    from proofcheck.source import split_lines

    text = NETWORK.replace("budgeted", "faulty").replace("hidden_budget", "hidden_faulty").replace("out_budget", "out_faulty")
    problem = elaborate(parse_source(split_lines("n.proof", text))[0])[0][0]
    ctx = problem.chains[0].context
    options = Options(seed=0, timeout=10, workers=1)
    with session(1, options.memory_mb):
        assert all(s.accepted for p in check_text("x + x = 2 x\n", "a.proof", options).problems for s in p.steps)
        monkeypatch.setattr(network, "_FAULTS", set(network._FAULTS))
        network.record_cross_check(ctx.networks[0], ctx.batch, "autograd", ["a planted disagreement"])
        r = check_text(text, "n.proof", options)
    assert [s.verdict for p in r.problems for s in p.steps] == ["unknown"]
