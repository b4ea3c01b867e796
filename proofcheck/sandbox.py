"""Run checking work in forked, killable workers with a CPU-time and a memory budget.

SymPy can run for minutes, recurse deeply, or allocate without bound, and it swallows ordinary
exceptions in places. So jobs run in forked workers (a `Pool`), each worker taking one job after
another (a fork per tiny step would cost more than the step):

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

By default `run_jobs` makes a pool for its call: the workers fork then and inherit the parent's state
at that moment (the jobs themselves, caches, anything recorded before), and get each job's index.
Inside `session` (a command-line run) one pool serves every call and gets each job pickled, so a job
must carry what it needs. The parent reads back pickled results; it only forks, selects on pipes and
waits, so none of this needs its main thread.
"""

from __future__ import annotations

import gc
import os
import pickle
import random
import resource
import select
import signal
import struct
import sys
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

WALL_FACTOR = 10.0  # the wall-clock kill, in budgets: a loaded machine slows a job far less than this
WALL_GRACE_SECONDS = 5.0
CPU_GRACE_SECONDS = 1.0  # RLIMIT_CPU above the budget: room for the signal to act before the kill
REPEAT_SECONDS = 0.05  # StepTimeout again this often (CPU time) if some code swallowed it
# a worker whose resident memory grew by more than this since it started retires after its job, so a
# job's memory headroom does not depend on what the same worker did before
RETIRE_GROWTH_MB = 256
_HEAD = struct.Struct(">cdQ")  # parent -> worker: how the job comes, its CPU seconds, the payload's length
_BY_INDEX, _PICKLED = b"i", b"p"  # the payload: an index into the inherited jobs, or the pickled job
_INDEX = struct.Struct(">I")
_LENGTH = struct.Struct(">Q")  # worker -> parent: a result's length


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
    """The worker's timer; `armed` is False outside a job so a late signal raises nothing."""

    armed = False
    timer = signal.ITIMER_PROF

    @classmethod
    def on_signal(cls, signum, frame) -> None:
        if cls.armed:
            raise StepTimeout()

    @classmethod
    def arm(cls, timer: int, seconds: float) -> None:
        cls.timer, cls.armed = timer, True
        signal.setitimer(timer, seconds, REPEAT_SECONDS)

    @classmethod
    def disarm(cls) -> None:
        while True:
            try:  # a StepTimeout may land between the two lines: then again, now disarmed
                cls.armed = False
                signal.setitimer(cls.timer, 0)
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
        signal.signal(signal.SIGALRM, _Alarm.on_signal)
        return True
    except ValueError:  # not the main thread of this worker: RLIMIT_CPU and the parent's kill still bound it
        return False


def _run_one(fn: Callable[[], Any], seconds: float, memory_mb: int, handler: bool,
             timer: int = signal.ITIMER_PROF) -> tuple[str, Any, str, float]:
    """One job under the budget (CPU time, or wall time with ITIMER_REAL): (status, value, detail, CPU seconds used)."""
    start = time.process_time()
    status, value, detail = "ok", None, ""
    try:
        soft = int(start + seconds + CPU_GRACE_SECONDS) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        try:
            if handler:
                _Alarm.arm(timer, seconds)
            value = fn()
        finally:
            _Alarm.disarm()
    except StepTimeout:
        _Alarm.disarm()
        status, detail = "timeout", f"stopped after {seconds:g} s" + (" of CPU time" if timer == signal.ITIMER_PROF else "")
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


def _resident_mb() -> float | None:
    """This process's resident memory now (Linux), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, IndexError):
        return None


def _worker(inherited: Sequence[Callable[[], Any]] | None, cmd_fd: int, res_fd: int, memory_mb: int) -> None:
    """Take jobs until the parent closes the pipe; stop after any job that did not end `ok`, or when
    this worker has grown by RETIRE_GROWTH_MB.

    A job comes as an index into the jobs this worker inherited at the fork, or pickled.
    """
    handler = _set_limits(memory_mb)
    states = _rng_states()
    born = _resident_mb()
    while True:
        head = _read_exact(cmd_fd, _HEAD.size)
        if head is None:
            return
        kind, seconds, size = _HEAD.unpack(head)
        payload = _read_exact(cmd_fd, size)
        if payload is None:
            return
        _restore(states)
        if kind == _BY_INDEX and inherited is not None:
            job = inherited[_INDEX.unpack(payload)[0]]
        else:
            job = pickle.loads(payload)  # from the parent that forked this worker
        status, value, detail, cpu = _run_one(job, seconds, memory_mb, handler)
        if reply(res_fd, (status, value, detail, cpu), grown(born, RETIRE_GROWTH_MB)):
            return  # interrupted mid-job (broken state?) or grown: the parent forks a fresh one


def grown(born: float | None, limit_mb: float) -> bool:
    """Has this process's resident memory grown by more than `limit_mb` since `born` (`_resident_mb`)?"""
    now = _resident_mb()
    return born is not None and now is not None and now - born > limit_mb


def reply(res_fd: int, result: tuple[str, Any, str, float], grown_: bool) -> bool:
    """Send a job's (status, value, detail, CPU seconds) and whether this worker retires, which it does
    after a job that did not end `ok` or once grown; returns that."""
    status, value, detail, cpu = result
    retire = status != "ok" or grown_
    try:
        data = pickle.dumps((status, value, detail, cpu, retire))
    except BaseException as exc:  # noqa: BLE001  (an unpicklable result is a crash of this job)
        retire = True
        data = pickle.dumps(("crash", None, f"result could not be sent: {exc}"[:300], cpu, retire))
    _send(res_fd, data)
    return retire


# ------------------------------------------------------------------ in the parent


@dataclass
class _Worker:
    pid: int
    cmd_fd: int
    res_fd: int
    job: int = -1
    seconds: float = 0.0
    started: float = 0.0
    deadline: float = 0.0
    buf: bytearray = field(default_factory=bytearray)


def _death(status: int, seconds: float) -> tuple[str, str]:
    """Why a worker ended without sending a result."""
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return "timeout", f"stopped after {seconds:g} s of CPU time"
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return "crash", "the checking process was killed (likely out of memory)"
    return "crash", "the checking process died without a result"


def _reap_our_children() -> None:
    """A parent that ignores SIGCHLD (inherited from whatever started proofcheck) has its children
    reaped by the kernel: `os.waitpid` then fails and a worker's exit status (how it died: a CPU
    limit, a kill) is lost. The default disposition is restored before any worker is forked."""
    try:
        if signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    except ValueError:  # not the main thread: nothing can be changed here
        pass


def fork_worker(serve: Callable[[int, int], None], others: Sequence[Any]) -> tuple[int, int, int]:
    """Fork a worker running `serve(command fd, result fd)`: (pid, its command pipe's write end, its
    result pipe's read end). The child closes the pipe ends of `others` (workers with `cmd_fd` and
    `res_fd`) that it inherited, or they would never see EOF."""
    _reap_our_children()
    cmd_r, cmd_w = os.pipe()
    res_r, res_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # worker
        code = 0
        # what the worker inherited (SymPy's modules and caches, the parent's objects) lives as long as
        # it does: left out of its garbage collections, which otherwise walk all of it again (a full
        # collection in a worker on proofs/M2_mlp_backprop.proof: 0.09 s of CPU, 0.04 s frozen)
        gc.freeze()
        try:
            for fd in [cmd_w, res_r] + [fd for o in others for fd in (o.cmd_fd, o.res_fd)]:
                os.close(fd)
            serve(cmd_r, res_w)
        except BaseException:  # noqa: BLE001  (the parent reports a worker that dies without a result)
            code = 1
        finally:
            os._exit(code)
    os.close(cmd_r)
    os.close(res_w)
    return pid, cmd_w, res_r


def _stop(w: Any, kill: bool) -> int:
    """Close a worker's pipes (`cmd_fd`, `res_fd`) and reap it (`pid`); its exit status."""
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


def _complete(buf: bytearray) -> bool:
    return len(buf) >= _LENGTH.size and len(buf) >= _LENGTH.size + _LENGTH.unpack_from(buf)[0]


class Pool:
    """At most `size` forked workers, each under the memory cap, running jobs under a CPU budget each.

    A pool made for one `run_jobs` call hands its workers the jobs they inherited at the fork (by
    index), so those jobs need not pickle. A pool kept for a session (`session`) outlives the calls
    and receives every job pickled, so its workers stay warm (imports, SymPy's caches) from one call,
    file and problem to the next: a job must then carry all it needs, since its worker may have been
    forked before the job's data existed in the parent.
    """

    def __init__(self, size: int, memory_mb: int, inherited: Sequence[Callable[[], Any]] | None = None):
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.inherited = inherited
        self.idle: list[_Worker] = []
        self.running: dict[int, _Worker] = {}  # result fd -> worker with a job

    def _fork(self) -> _Worker:
        return _Worker(*fork_worker(lambda cmd, res: _worker(self.inherited, cmd, res, self.memory_mb),
                                    self.idle + list(self.running.values())))

    def _message(self, jobs: Sequence[Callable[[], Any]], index: int) -> bytes | None:
        if self.inherited is not None and jobs is self.inherited:
            return _INDEX.pack(index)
        try:
            return pickle.dumps(jobs[index])
        except Exception:  # noqa: BLE001  (reported as a crash of that job)
            return None

    def run(self, jobs: Sequence[Callable[[], Any]], seconds: float) -> list[Outcome]:
        """Every job under `seconds` of CPU time each; results in job order."""
        results: list[Outcome | None] = [None] * len(jobs)
        pending = list(range(len(jobs)))[::-1]
        wall_limit = WALL_FACTOR * seconds + WALL_GRACE_SECONDS
        kind = _BY_INDEX if self.inherited is not None and jobs is self.inherited else _PICKLED
        try:
            while pending or self.running:
                while pending and len(self.running) < self.size:
                    index = pending.pop()
                    payload = self._message(jobs, index)
                    if payload is None:
                        results[index] = Outcome("crash", None, "the job could not be sent to a worker", 0.0)
                        continue
                    w = self.idle.pop() if self.idle else self._fork()
                    w.job, w.seconds, w.buf = index, seconds, bytearray()
                    w.started = time.monotonic()
                    w.deadline = w.started + wall_limit
                    os.write(w.cmd_fd, _HEAD.pack(kind, seconds, len(payload)) + payload)
                    self.running[w.res_fd] = w
                if self.running:
                    self._collect(results)
        except BaseException:
            for w in self.running.values():
                _stop(w, kill=True)  # mid-job: never reused
            self.running.clear()
            raise
        return [r if r is not None else Outcome("crash", None, "no result", 0.0) for r in results]

    def _collect(self, results: list[Outcome | None]) -> None:
        """Wait for results (or a deadline) once; finished workers go back to idle or are reaped."""
        wait = max(0.0, min(w.deadline for w in self.running.values()) - time.monotonic())
        ready, _, _ = select.select(list(self.running), [], [], wait)
        for fd in ready:
            w = self.running[fd]
            chunk = os.read(fd, 1 << 16)
            w.buf.extend(chunk)
            if chunk and not _complete(w.buf):
                continue
            del self.running[fd]
            elapsed = time.monotonic() - w.started
            if not chunk:  # died without a (whole) result
                status, detail = _death(_stop(w, kill=False), w.seconds)
                results[w.job] = Outcome(status, None, detail, elapsed, w.seconds if status == "timeout" else 0.0)
                continue
            try:
                status, value, detail, cpu, retire = pickle.loads(bytes(w.buf[_LENGTH.size:]))
            except Exception as exc:  # noqa: BLE001  (a garbled result is a crash of that job)
                status, value, detail, cpu, retire = "crash", None, f"the result could not be read: {exc}"[:300], 0.0, True
            results[w.job] = Outcome(status, value, detail, elapsed, cpu)
            if not retire:
                self.idle.append(w)
            else:
                _stop(w, kill=True)  # it exits by itself after a failed job or when grown, or now
        now = time.monotonic()
        for fd, w in list(self.running.items()):
            if now > w.deadline:
                del self.running[fd]
                _stop(w, kill=True)
                results[w.job] = Outcome("timeout", None, f"stopped after {w.deadline - w.started:g} s of wall time",
                                         now - w.started)

    def close(self, wait: bool = True) -> None:
        """End every worker (idle ones wait for a job: nothing is lost). `wait=False`, for a process that
        exits right after: idle workers are only told (their command pipe closes, so they exit by
        themselves) and nobody waits for them to tear down their memory (proofs/T4.proof: about 20 ms
        of the command line's end); a worker still on a job is killed either way."""
        for w in list(self.running.values()) + (self.idle if wait else []):
            _stop(w, kill=True)
        if not wait:
            for w in self.idle:
                for fd in (w.cmd_fd, w.res_fd):
                    try:
                        os.close(fd)
                    except OSError:
                        pass
        self.idle.clear()
        self.running.clear()


_SESSION: ContextVar[Pool | None] = ContextVar("proofcheck_sandbox_session", default=None)


@contextmanager
def session(workers: int, memory_mb: int, wait: bool = True) -> Iterator[Pool]:
    """Keep one pool for every `run_jobs` call inside (with the same workers and memory): a run over
    many files forks its workers once and they stay warm. The workers fork at the first job, so
    whatever the parent loads before that (imports) they inherit. Inside a session with
    the same workers and memory, this is that session. `wait=False`: see `Pool.close`."""
    active = _SESSION.get()
    if active is not None and active.size == max(1, workers) and active.memory_mb == memory_mb:
        yield active
        return
    pool = Pool(workers, memory_mb)
    token = _SESSION.set(pool)
    try:
        yield pool
    finally:
        _SESSION.reset(token)
        pool.close(wait)


def run_jobs(jobs: Sequence[Callable[[], Any]], seconds: float, memory_mb: int = 2048, workers: int = 2) -> list[Outcome]:
    """Run every job in forked workers, at most `workers` at once, each under `seconds` of CPU time;
    results in job order. Inside a `session` its pool is used (jobs must pickle), else a pool for
    this call only (jobs need not pickle: the workers inherit them)."""
    if not jobs:
        return []
    pool = _SESSION.get()
    if pool is not None and pool.size == max(1, workers) and pool.memory_mb == memory_mb:
        return pool.run(jobs, seconds)
    pool = Pool(workers, memory_mb, inherited=jobs)
    try:
        return pool.run(jobs, seconds)
    finally:
        pool.close()
