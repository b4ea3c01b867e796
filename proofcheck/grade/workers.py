"""Where submissions are graded: warm local workers, or a Dask cluster (`--executor dask://HOST:PORT`).

Locally, `workers` grading processes are forked once (after the tasks exist, so they inherit them and
get only each task's index) and each grades one submission after another, so what one submission
warmed (parsed lines, canonical forms, cache keys, SymPy's caches) serves the next. Each submission
still runs under its own budget, as the per-step sandbox's workers do:

- a wall-clock alarm of the budget's seconds (`ITIMER_REAL`, raising `StepTimeout`, a BaseException)
  and `RLIMIT_CPU` above it; the parent SIGKILLs a worker still busy `GRACE_SECONDS` after its
  budget (a worker stuck in C code) and forks a fresh one for the next submission;
- `RLIMIT_AS` caps each worker's memory; a worker whose resident memory grew by more than a quarter
  of its budget since its fork retires after its submission, so every submission keeps most of its
  budget whatever the worker graded before;
- a worker whose submission did not end `ok` (timeout, memory, crash) is never reused;
- before each submission a worker restores the random generators' states it was forked with, and
  everything a worker keeps between submissions is memoised by content, so a record does not depend
  on which worker graded it or what that worker graded before (tests/grading compare --jobs 1 and 2).

Results come back as they finish, so the caller can write them at once (`--resume` relies on that).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

from ..sandbox import (Outcome, _complete, _LENGTH, _read_exact, _resident_mb, _restore, _rng_states, _run_one,
                       _set_limits, _stop, fork_worker, grown, reply)

DASK_SCHEME = "dask://"
GRACE_SECONDS = 1.0  # a worker still busy this long after its submission's budget is killed
RETIRE_SHARE = 4  # a worker grown by more than 1/RETIRE_SHARE of its memory budget retires
# submissions a worker grades before it retires (None: no limit); bench/grade_bench.py sets 1 for its
# baseline, one fresh worker per submission
WORKER_TASKS: int | None = None
_INDEX = struct.Struct(">I")


@dataclass(frozen=True)
class Budget:
    seconds: float
    memory_mb: int


def _serve(tasks: Sequence[Callable[[], Any]], cmd_fd: int, res_fd: int, budget: Budget) -> None:
    """A grading worker: take task indices until the parent closes the pipe; stop after a task that did
    not end `ok` or once grown past its share."""
    handler = _set_limits(budget.memory_mb)
    states = _rng_states()
    born = _resident_mb()
    done = 0
    while True:
        head = _read_exact(cmd_fd, _INDEX.size)
        if head is None:
            return
        _restore(states)
        result = _run_one(tasks[_INDEX.unpack(head)[0]], budget.seconds, budget.memory_mb, handler, timer=signal.ITIMER_REAL)
        done += 1
        spent = WORKER_TASKS is not None and done >= WORKER_TASKS
        if reply(res_fd, result, spent or grown(born, budget.memory_mb / RETIRE_SHARE)):
            return


@dataclass
class _Worker:
    pid: int
    cmd_fd: int
    res_fd: int
    task: int = -1
    started: float = 0.0
    buf: bytearray = field(default_factory=bytearray)


def _result(w: _Worker, elapsed: float) -> tuple[Outcome, bool]:
    """A finished task's outcome and whether its worker retires."""
    try:
        status, value, detail, _, retire = pickle.loads(bytes(w.buf[_LENGTH.size:]))
    except Exception:  # noqa: BLE001  (a garbled result is a crash of that task)
        return Outcome("crash", None, "the grading process sent a result that could not be read", elapsed), True
    return Outcome(status, value, detail, elapsed), retire


def run_local(tasks: Sequence[Callable[[], Any]], budget: Budget, workers: int) -> Iterator[tuple[int, Outcome]]:
    """Run every task in warm forked workers, `workers` at once; yield (index, outcome) as each ends."""
    pending = list(range(len(tasks)))[::-1]
    idle: list[_Worker] = []
    running: dict[int, _Worker] = {}  # result fd -> worker
    limit = budget.seconds + GRACE_SECONDS
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                w = idle.pop() if idle else _Worker(*fork_worker(lambda cmd, res: _serve(tasks, cmd, res, budget),
                                                                  list(running.values())))
                w.task, w.started, w.buf = pending.pop(), time.monotonic(), bytearray()
                os.write(w.cmd_fd, _INDEX.pack(w.task))
                running[w.res_fd] = w
            wait = max(0.0, min(w.started + limit for w in running.values()) - time.monotonic())
            ready, _, _ = select.select(list(running), [], [], wait)
            for fd in ready:
                w = running[fd]
                chunk = os.read(fd, 1 << 16)
                w.buf.extend(chunk)
                if chunk and not _complete(w.buf):
                    continue
                del running[fd]
                elapsed = time.monotonic() - w.started
                if not chunk:  # died before writing a whole result (out of memory, killed)
                    _stop(w, kill=True)
                    yield w.task, Outcome("crash", None, "the grading process died (likely out of memory)", elapsed)
                    continue
                outcome, retire = _result(w, elapsed)
                if retire:
                    _stop(w, kill=True)  # it exits by itself after a failed task or when grown, or now
                else:
                    idle.append(w)
                yield w.task, outcome
            now = time.monotonic()
            for fd, w in list(running.items()):
                if now > w.started + limit:
                    del running[fd]
                    _stop(w, kill=True)
                    yield w.task, Outcome("timeout", None, f"stopped after {budget.seconds:g} s", now - w.started)
    finally:  # done, or the caller stopped early (an error, Ctrl-C): no worker outlives the batch
        for w in idle + list(running.values()):
            _stop(w, kill=True)


def run_one(task: Callable[[], Any], budget: Budget) -> Outcome:
    """One task in one budgeted worker (what a Dask worker runs for each submission)."""
    return next(o for _, o in run_local([task], budget, 1))


# ------------------------------------------------------------------ Dask


def dask_address(executor: str) -> str | None:
    """`dask://HOST:PORT` -> `tcp://HOST:PORT`; None for the local executor."""
    if executor == "local":
        return None
    if not executor.startswith(DASK_SCHEME) or ":" not in executor[len(DASK_SCHEME):]:
        raise ValueError("--executor is `local` or `dask://HOST:PORT`")
    return "tcp://" + executor[len(DASK_SCHEME):]


@dataclass(frozen=True)
class RemoteTask:
    """Everything a Dask worker needs, by value: the key's text and the submission's bytes (the
    worker may not see this machine's files). It rebuilds both on its own disk, so the files go
    through the same loading function as a local run."""

    key_path: str
    key_text: str
    student: str
    files: tuple[tuple[str, bytes], ...]
    options: Any
    budget: Budget

    def __call__(self) -> dict:
        from ..source import split_lines  # noqa: PLC0415
        from .key import key_from_source  # noqa: PLC0415
        from .student import grade_student  # noqa: PLC0415

        key = key_from_source(split_lines(self.key_path, self.key_text))
        with tempfile.TemporaryDirectory(prefix="proofcheck-grade-") as tmp:
            paths = []
            for k, (name, data) in enumerate(self.files):
                path = os.path.join(tmp, f"{k}-{os.path.basename(name) or 'file'}")
                with open(path, "wb") as fh:
                    fh.write(data)
                paths.append((name, path))
            out = run_one(lambda: grade_student(key, self.student, paths, self.options).to_json(), self.budget)
        return {"status": out.status, "value": out.value, "detail": out.detail, "seconds": out.seconds}


def run_dask(address: str, tasks: Sequence[RemoteTask]) -> Iterator[tuple[int, Outcome]]:
    """Submit every task to the cluster at `address`; yield (index, outcome) as each finishes."""
    try:
        from distributed import Client, as_completed  # noqa: PLC0415  (the `dask` extra)
    except ImportError as exc:
        raise RuntimeError("--executor dask:// needs the dask extra: pip install 'proofcheck[dask]'") from exc
    with Client(address, timeout="30s") as client:
        futures = {client.submit(t, pure=False): i for i, t in enumerate(tasks)}
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                d = fut.result()
                yield i, Outcome(d["status"], d["value"], d["detail"], d["seconds"])
            except Exception as exc:  # a worker lost or a task failed on the cluster: that student only
                yield i, Outcome("crash", None, f"the cluster could not grade this submission: {type(exc).__name__}: {exc}"[:300], 0.0)
