"""Run checking work in forked, killable workers with a CPU-time and a memory budget.

SymPy can run for minutes, recurse deeply, or allocate without bound, and it swallows ordinary
exceptions in places. So jobs run in forked workers, a small pool per `run_jobs` call, each worker
taking one job after another (a fork per tiny step would cost more than the step):

- the budget is the CPU time the worker spends on the job, not wall time, so the same file gets the
  same verdicts on an idle and on a loaded machine: `ITIMER_PROF` raises `StepTimeout` (a
  BaseException, so no `except Exception` in SymPy can swallow it, and it is raised again every
  `REPEAT_SECONDS` until it escapes) when the job has used its seconds;
- `RLIMIT_CPU`, set a little above the budget, kills a worker stuck in C code where a Python signal
  handler cannot run (also CPU time, so also independent of load);
- `RLIMIT_AS` caps the worker's memory;
- the parent SIGKILLs a worker whose job outlives `WALL_FACTOR` x the budget + `WALL_GRACE_SECONDS`
  of wall time: only a safety net for a worker that stops using CPU, far above any loaded machine;
- a worker that timed out, ran out of memory or crashed is not reused: it exits and a fresh one is
  forked for the next job; before every job a worker restores the random generators' states it was
  forked with, so no job's result depends on which jobs the same worker ran before it.

Workers are forked when `run_jobs` is called, so they inherit the parent's state at that moment (the
jobs themselves, caches, anything recorded before); the parent sends each a job's index and reads
back its pickled result. None of this needs the main thread of the parent: it only forks, selects on
pipes and waits.
"""

from __future__ import annotations

import os
import pickle
import random
import resource
import select
import signal
import struct
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

WALL_FACTOR = 10.0  # the wall-clock kill, in budgets: a loaded machine slows a job far less than this
WALL_GRACE_SECONDS = 5.0
CPU_GRACE_SECONDS = 1.0  # RLIMIT_CPU above the budget: room for the signal to act before the kill
REPEAT_SECONDS = 0.05  # StepTimeout again this often (CPU time) if some code swallowed it
_INDEX = struct.Struct(">I")  # a job's index, parent -> worker
_LENGTH = struct.Struct(">Q")  # a result's length, worker -> parent


class StepTimeout(BaseException):
    """Raised inside a worker when its job has used its CPU-time budget."""


@dataclass(frozen=True)
class Outcome:
    status: str  # ok | timeout | memory | crash
    value: Any
    detail: str
    seconds: float  # wall time from sending the job to its result
    cpu_seconds: float = 0.0  # CPU time the worker spent on the job (the budgeted quantity)


# ------------------------------------------------------------------ in the worker


class _Alarm:
    """The worker's CPU timer; `armed` is False outside a job so a late signal raises nothing."""

    armed = False

    @classmethod
    def on_signal(cls, signum, frame) -> None:
        if cls.armed:
            raise StepTimeout()

    @classmethod
    def disarm(cls) -> None:
        while True:
            try:  # a StepTimeout may land between the two lines: then again, now disarmed
                cls.armed = False
                signal.setitimer(signal.ITIMER_PROF, 0)
                return
            except StepTimeout:
                continue


def _rng_states() -> list[tuple[Any, Any]]:
    """The global random generators that a job might draw from (Python's, SymPy's, NumPy's)."""
    gens: list[Any] = [random._inst]  # type: ignore[attr-defined]
    sympy_random = sys.modules.get("sympy.core.random")
    if sympy_random is not None:
        gens.append(sympy_random.rng)
    states = [(g, g.getstate()) for g in gens]
    np = sys.modules.get("numpy")
    if np is not None:
        states.append((np.random, np.random.get_state()))
    return states


def _restore(states: list[tuple[Any, Any]]) -> None:
    for gen, state in states:
        if hasattr(gen, "setstate"):
            gen.setstate(state)
        else:
            gen.set_state(state)


def _set_limits(memory_mb: int) -> bool:
    """Cap memory and core dumps; install the CPU timer's handler. False: no handler here."""
    for what, value in ((resource.RLIMIT_AS, memory_mb * 1024 * 1024 if memory_mb > 0 else None),
                        (resource.RLIMIT_CORE, 0)):
        if value is None:
            continue
        try:
            resource.setrlimit(what, (value, value))
        except (ValueError, OSError):
            pass
    try:
        signal.signal(signal.SIGPROF, _Alarm.on_signal)
        return True
    except ValueError:  # not the main thread of this worker: RLIMIT_CPU and the parent's kill still bound it
        return False


def _run_one(fn: Callable[[], Any], seconds: float, memory_mb: int, handler: bool) -> tuple[str, Any, str, float]:
    """One job under the CPU budget: (status, value, detail, CPU seconds used)."""
    start = time.process_time()
    status, value, detail = "ok", None, ""
    try:
        soft = int(start + seconds + CPU_GRACE_SECONDS) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        try:
            if handler:
                _Alarm.armed = True
                signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT_SECONDS)
            value = fn()
        finally:
            _Alarm.disarm()
    except StepTimeout:
        _Alarm.disarm()
        status, detail = "timeout", f"stopped after {seconds:g} s of CPU time"
    except MemoryError:
        _Alarm.disarm()
        value = None
        status, detail = "memory", f"needed more than {memory_mb} MB"
    except RecursionError:
        _Alarm.disarm()
        status, detail = "crash", "expression nests too deeply"
    except BaseException as exc:  # a crash in checking must become a verdict, not a traceback
        _Alarm.disarm()
        status, detail = "crash", f"{type(exc).__name__}: {exc}"[:500]
    return status, value, detail, time.process_time() - start


def _read_exact(fd: int, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _worker(jobs: Sequence[Callable[[], Any]], cmd_fd: int, res_fd: int, seconds: float, memory_mb: int) -> None:
    """Take job indices until the parent closes the pipe; stop after any job that did not end `ok`."""
    handler = _set_limits(memory_mb)
    states = _rng_states()
    while True:
        raw = _read_exact(cmd_fd, _INDEX.size)
        if raw is None:
            return
        _restore(states)
        status, value, detail, cpu = _run_one(jobs[_INDEX.unpack(raw)[0]], seconds, memory_mb, handler)
        try:
            data = pickle.dumps((status, value, detail, cpu))
        except BaseException as exc:  # noqa: BLE001  (an unpicklable result is a crash of this job)
            status = "crash"
            data = pickle.dumps((status, None, f"result could not be sent: {exc}"[:300], cpu))
        _send(res_fd, data)
        if status != "ok":
            return  # a worker interrupted mid-job may hold broken state: the parent forks a fresh one


# ------------------------------------------------------------------ in the parent


@dataclass
class _Worker:
    pid: int
    cmd_fd: int
    res_fd: int
    job: int = -1
    started: float = 0.0
    deadline: float = 0.0
    buf: bytearray | None = None


def _fork(jobs: Sequence[Callable[[], Any]], seconds: float, memory_mb: int, others: list[_Worker]) -> _Worker:
    """A new worker; it closes the other workers' pipe ends it inherited (or they would never see EOF)."""
    cmd_r, cmd_w = os.pipe()
    res_r, res_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # worker
        code = 0
        try:
            for fd in [cmd_w, res_r] + [fd for o in others for fd in (o.cmd_fd, o.res_fd)]:
                os.close(fd)
            _worker(jobs, cmd_r, res_w, seconds, memory_mb)
        except BaseException:  # noqa: BLE001  (the parent reports a worker that dies without a result)
            code = 1
        finally:
            os._exit(code)
    os.close(cmd_r)
    os.close(res_w)
    return _Worker(pid, cmd_w, res_r)


def _death(status: int, seconds: float) -> tuple[str, str]:
    """Why a worker ended without sending a result."""
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return "timeout", f"stopped after {seconds:g} s of CPU time"
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return "crash", "the checking process was killed (likely out of memory)"
    return "crash", "the checking process died without a result"


def _stop(w: _Worker, kill: bool) -> int:
    """Close a worker's pipes and reap it; its exit status."""
    if kill:
        try:
            os.kill(w.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for fd in (w.cmd_fd, w.res_fd):
        try:
            os.close(fd)
        except OSError:
            pass
    return os.waitpid(w.pid, 0)[1]


def run_jobs(jobs: Sequence[Callable[[], Any]], seconds: float, memory_mb: int = 2048, workers: int = 2) -> list[Outcome]:
    """Run every job in a pool of at most `workers` forked workers; results in job order.

    `seconds` is each job's CPU-time budget.
    """
    results: list[Outcome | None] = [None] * len(jobs)
    pending = list(range(len(jobs)))[::-1]
    wall_limit = WALL_FACTOR * seconds + WALL_GRACE_SECONDS
    running: dict[int, _Worker] = {}  # result fd -> worker with a job
    idle: list[_Worker] = []

    def assign(w: _Worker) -> None:
        w.job = pending.pop()
        w.started = time.monotonic()
        w.deadline = w.started + wall_limit
        w.buf = bytearray()
        os.write(w.cmd_fd, _INDEX.pack(w.job))
        running[w.res_fd] = w

    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                assign(idle.pop() if idle else _fork(jobs, seconds, memory_mb, idle + list(running.values())))
            wait = max(0.0, min(w.deadline for w in running.values()) - time.monotonic())
            ready, _, _ = select.select(list(running), [], [], wait)
            for fd in ready:
                w = running[fd]
                chunk = os.read(fd, 1 << 16)
                assert w.buf is not None
                w.buf.extend(chunk)
                if chunk and not _complete(w.buf):
                    continue
                del running[fd]
                elapsed = time.monotonic() - w.started
                if not chunk:  # died without a (whole) result
                    status, detail = _death(_stop(w, kill=False), seconds)
                    results[w.job] = Outcome(status, None, detail, elapsed, seconds if status == "timeout" else 0.0)
                    continue
                try:
                    status, value, detail, cpu = pickle.loads(bytes(w.buf[_LENGTH.size:]))
                except Exception as exc:  # noqa: BLE001  (a garbled result is a crash of that job)
                    status, value, detail, cpu = "crash", None, f"the result could not be read: {exc}"[:300], 0.0
                results[w.job] = Outcome(status, value, detail, elapsed, cpu)
                if status == "ok":
                    idle.append(w)
                else:
                    _stop(w, kill=True)  # a failed job ends its worker: it exits by itself, or now
            now = time.monotonic()
            for fd, w in list(running.items()):
                if now > w.deadline:
                    del running[fd]
                    _stop(w, kill=True)
                    results[w.job] = Outcome("timeout", None, f"stopped after {wall_limit:g} s of wall time", now - w.started)
    finally:
        for w in idle + list(running.values()):
            _stop(w, kill=True)  # idle ones wait for a job index: nothing is lost
    return [r if r is not None else Outcome("crash", None, "no result", 0.0) for r in results]


def _complete(buf: bytearray) -> bool:
    return len(buf) >= _LENGTH.size and len(buf) >= _LENGTH.size + _LENGTH.unpack_from(buf)[0]
