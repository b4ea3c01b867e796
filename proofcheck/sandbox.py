"""Run checking work in forked, killable children with a time and memory budget.

SymPy can run for minutes, recurse deeply, or allocate without bound, and it swallows ordinary
exceptions in places. So each job runs in a forked child: `RLIMIT_AS` caps its memory, an alarm
raises `StepTimeout` (a BaseException, so no `except Exception` in SymPy can swallow it), and the
parent SIGKILLs a child that outlives its deadline anyway. None of this needs the main thread of the
parent: the parent only forks, selects on pipes and waits.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

GRACE_SECONDS = 1.0


class StepTimeout(BaseException):
    """Raised inside a child when its time budget is spent."""


@dataclass(frozen=True)
class Outcome:
    status: str  # ok | timeout | memory | crash
    value: Any
    detail: str
    seconds: float


def _child(fn: Callable[[], Any], write_fd: int, seconds: float, memory_mb: int) -> None:
    status, value, detail = "ok", None, ""
    try:
        if memory_mb > 0:
            limit = memory_mb * 1024 * 1024
            try:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            except (ValueError, OSError):
                pass

        def on_alarm(signum, frame):
            raise StepTimeout()

        try:
            signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        except ValueError:
            pass  # not the main thread of this child: the parent's kill still bounds the time
        try:
            value = fn()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except StepTimeout:
        status, detail = "timeout", f"stopped after {seconds:g} s"
    except MemoryError:
        status, detail = "memory", f"needed more than {memory_mb} MB"
    except RecursionError:
        status, detail = "crash", "expression nests too deeply"
    except BaseException as exc:  # a crash in checking must become a verdict, not a traceback
        status, detail = "crash", f"{type(exc).__name__}: {exc}"[:500]
    try:
        data = pickle.dumps((status, value, detail))
    except BaseException as exc:
        data = pickle.dumps(("crash", None, f"result could not be sent: {exc}"[:300]))
    view = memoryview(data)
    while view:
        written = os.write(write_fd, view)
        view = view[written:]
    os.close(write_fd)


def run_jobs(jobs: Sequence[Callable[[], Any]], seconds: float, memory_mb: int = 2048, workers: int = 2) -> list[Outcome]:
    """Run each job in its own forked child, at most `workers` at once; results in job order."""
    results: list[Outcome | None] = [None] * len(jobs)
    pending = list(range(len(jobs)))[::-1]
    running: dict[int, tuple[int, int, float, float, bytearray]] = {}  # fd -> (idx, pid, start, deadline, buf)
    while pending or running:
        while pending and len(running) < max(1, workers):
            idx = pending.pop()
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # child
                try:
                    os.close(r)
                    _child(jobs[idx], w, seconds, memory_mb)
                finally:
                    os._exit(0)
            os.close(w)
            now = time.monotonic()
            running[r] = (idx, pid, now, now + seconds + GRACE_SECONDS, bytearray())
        now = time.monotonic()
        wait = max(0.0, min(d for (_, _, _, d, _) in running.values()) - now)
        ready, _, _ = select.select(list(running), [], [], wait)
        for fd in ready:
            idx, pid, start, deadline, buf = running[fd]
            chunk = os.read(fd, 1 << 16)
            if chunk:
                buf.extend(chunk)
                continue
            os.close(fd)
            del running[fd]
            os.waitpid(pid, 0)
            elapsed = time.monotonic() - start
            try:
                status, value, detail = pickle.loads(bytes(buf))
            except Exception:
                status, value, detail = "crash", None, "the checking process died (likely out of memory)"
            results[idx] = Outcome(status, value, detail, elapsed)
        now = time.monotonic()
        for fd, (idx, pid, start, deadline, buf) in list(running.items()):
            if now > deadline:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(pid, 0)
                os.close(fd)
                del running[fd]
                results[idx] = Outcome("timeout", None, f"stopped after {seconds:g} s", now - start)
    return [r if r is not None else Outcome("crash", None, "no result", 0.0) for r in results]
