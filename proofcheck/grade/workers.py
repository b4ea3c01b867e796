"""Where submissions are graded: forked local workers, or a Dask cluster (`--executor dask://HOST:PORT`).

Each submission is graded in its own forked process with a time and memory budget (the same child
side as the per-step sandbox: `RLIMIT_AS`, an alarm, and SIGKILL after a grace period), so a
submission that is slow or huge costs its own budget and never the batch. Results come back as
they finish, so the caller can write them at once (`--resume` relies on that).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import tempfile
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from ..sandbox import GRACE_SECONDS, Outcome, _child

DASK_SCHEME = "dask://"


@dataclass(frozen=True)
class Budget:
    seconds: float
    memory_mb: int


def run_local(tasks: Sequence[Callable[[], Any]], budget: Budget, workers: int) -> Iterator[tuple[int, Outcome]]:
    """Run each task in its own forked child, `workers` at once; yield (index, outcome) as each ends."""
    pending = list(range(len(tasks)))[::-1]
    running: dict[int, tuple[int, int, float, float, bytearray]] = {}  # fd -> (idx, pid, start, deadline, buf)
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                idx = pending.pop()
                r, w = os.pipe()
                pid = os.fork()
                if pid == 0:  # child
                    try:
                        os.close(r)
                        _child(tasks[idx], w, budget.seconds, budget.memory_mb)
                    finally:
                        os._exit(0)
                os.close(w)
                now = time.monotonic()
                running[r] = (idx, pid, now, now + budget.seconds + GRACE_SECONDS, bytearray())
            wait = max(0.0, min(d for (_, _, _, d, _) in running.values()) - time.monotonic())
            ready, _, _ = select.select(list(running), [], [], wait)
            for fd in ready:
                idx, pid, start, _, buf = running[fd]
                chunk = os.read(fd, 1 << 16)
                if chunk:
                    buf.extend(chunk)
                    continue
                os.close(fd)
                del running[fd]
                os.waitpid(pid, 0)
                yield idx, _decode(buf, time.monotonic() - start)
            now = time.monotonic()
            for fd, (idx, pid, start, deadline, _) in list(running.items()):
                if now > deadline:
                    _kill(pid)
                    os.close(fd)
                    del running[fd]
                    yield idx, Outcome("timeout", None, f"stopped after {budget.seconds:g} s", now - start)
    finally:  # the caller stopped early (an error, Ctrl-C): no child outlives the batch
        for fd, (_, pid, _, _, _) in running.items():
            _kill(pid)
            os.close(fd)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def _decode(buf: bytearray, seconds: float) -> Outcome:
    try:
        status, value, detail = pickle.loads(bytes(buf))
    except Exception:  # a child that died before writing (out of memory, killed)
        status, value, detail = "crash", None, "the grading process died (likely out of memory)"
    return Outcome(status, value, detail, seconds)


def run_one(task: Callable[[], Any], budget: Budget) -> Outcome:
    """One task in one budgeted child (what a Dask worker runs for each submission)."""
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
