"""Grade a class: each submission in its own budgeted worker, each record written as it arrives.

OUT/records/<student>.json is written (atomically) the moment a student is graded, with the
fingerprint of what its grade depends on besides the submission (the key's text with its rubric, the
options that change grades, the schema and proofcheck's version); OUT/run.json holds the same
fingerprint for the instructor to read. `--resume` keeps a record only when its own fingerprint and
its submission's digest still match, so a record graded under another key or other options is never
kept, however the runs before were interrupted; the class outputs (grades.csv, results.json,
feedback/, gradescope/) are rebuilt from the records.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from .. import __version__
from ..options import Options
from .key import Key
from .model import SCHEMA, Message, StudentRecord, student_from_json
from .score import missing_problem
from .student import REVIEW_KINDS, grade_student, submission_digest
from .submissions import Submission, safe_name
from .workers import Budget, RemoteTask, dask_address, run_dask, run_local

RECORDS = "records"


@dataclass(frozen=True)
class Plan:
    key: Key
    options: Options
    budget: Budget
    jobs: int
    executor: str = "local"
    resume: bool = False
    feedback: str | None = None  # overrides the key's `feedback` level


def _fingerprint(plan: Plan) -> dict:
    """What a record depends on besides the submission itself (a change regrades everyone)."""
    o = plan.options
    return {"schema": SCHEMA, "proofcheck": __version__, "key_sha256": plan.key.sha256, "seed": o.seed,
            "timeout": o.timeout, "memory_mb": o.memory_mb, "ad": o.ad}


def write_json(path: str, data) -> None:
    """Write JSON atomically (a reader never sees half a record), byte-identical for equal data."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, path)


def _load_previous(out: str, plan: Plan) -> dict[str, StudentRecord]:
    """The records in OUT/records graded under this very fingerprint (any other is graded again)."""
    want = _fingerprint(plan)
    found = {}
    folder = os.path.join(out, RECORDS)
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                stored = json.load(fh)
            if not isinstance(stored, dict) or stored.get("fingerprint") != want:
                continue
            rec = student_from_json(stored["record"])
        except (OSError, ValueError, TypeError, KeyError):
            continue  # a damaged record is graded again
        found[rec.student] = rec
    return found


def submission_messages(sub: Submission) -> list[Message]:
    """What the instructor and the student should know about the submission's files themselves."""
    out = []
    if sub.truncated:
        out.append(Message("too-many-files", "warning", "only the first files of this submission were graded"))
    for name in sub.skipped:
        out.append(Message("outside-link", "error", f"`{name}` is a link to something outside this submission, "
                           "so it was not read", name))
    for name in sub.folders if not sub.files else ():
        out.append(Message("folder-not-file", "error", f"`{name}` is a folder, not a file: submit the file itself", name))
    return out


def failed_record(plan: Plan, sub: Submission, why: str) -> StudentRecord:
    """A student whose grading stopped: 0 for every problem, flagged for the instructor."""
    problems = [missing_problem(kp, f"not graded: {why}", "grading-stopped") for kp in plan.key.problems]
    return StudentRecord(sub.student, "error", 0.0, round(sum(p.max_points for p in problems), 4),
                         files=sorted(n for n, _ in sub.files), sha256=submission_digest(list(sub.files)), review=True,
                         problems=problems, messages=[Message("grading-stopped", "error", f"grading stopped: {why}; "
                                                              "grade this submission by hand or again with a larger budget")])


def grade_submissions(plan: Plan, subs: list[Submission], out: str, show_progress: bool = False) -> list[StudentRecord]:
    """Grade every submission (resuming if asked); return the records sorted by student."""
    os.makedirs(os.path.join(out, RECORDS), exist_ok=True)
    previous = _load_previous(out, plan) if plan.resume else {}
    write_json(os.path.join(out, "run.json"), _fingerprint(plan))
    done: dict[str, StudentRecord] = {}
    todo: list[Submission] = []
    for sub in subs:
        rec = previous.get(sub.student)
        if rec is not None and rec.sha256 == submission_digest(list(sub.files)) and rec.status != "error":
            done[sub.student] = rec
        else:
            todo.append(sub)
    inner = plan.options if plan.jobs == 1 else replace(plan.options, workers=1)
    on_record = progress(len(todo)) if show_progress else None
    for sub, outcome in _execute(plan, todo, inner):
        if outcome.status == "ok":
            rec = student_from_json(outcome.value)
        else:
            rec = failed_record(plan, sub, outcome.detail or outcome.status)
        extra = submission_messages(sub)
        rec.messages[:0] = extra
        rec.review = rec.review or any(m.kind in REVIEW_KINDS for m in extra)
        write_json(os.path.join(out, RECORDS, safe_name(rec.student) + ".json"),
                   {"fingerprint": _fingerprint(plan), "record": rec.to_json()})
        done[rec.student] = rec
        if on_record is not None:
            on_record(rec)
    return [done[s.student] for s in sorted(subs, key=lambda s: s.student) if s.student in done]


def _execute(plan: Plan, todo: list[Submission], inner: Options) -> Iterable:
    address = dask_address(plan.executor)
    if address is None:
        key = plan.key

        def task(sub: Submission):
            return lambda: grade_student(key, sub.student, list(sub.files), inner).to_json()

        for i, outcome in run_local([task(s) for s in todo], plan.budget, plan.jobs):
            yield todo[i], outcome
        return
    with open(plan.key.path, encoding="utf-8") as fh:
        key_text = fh.read()
    tasks = []
    for sub in todo:
        files = []
        for name, path in sub.files:
            try:
                with open(path, "rb") as fh:
                    files.append((name, fh.read()))
            except OSError:
                files.append((name, b""))
        tasks.append(RemoteTask(plan.key.path, key_text, sub.student, tuple(files), inner, plan.budget))
    for i, outcome in run_dask(address, tasks):
        yield todo[i], outcome


def progress(total: int) -> Callable[[StudentRecord], None] | None:
    """A progress bar on a terminal (tqdm), nothing otherwise."""
    if not sys.stderr.isatty() or total == 0:
        return None
    try:
        from tqdm import tqdm  # noqa: PLC0415  (the `grade` extra)
    except ImportError:
        return None
    bar = tqdm(total=total, unit="student", file=sys.stderr, dynamic_ncols=True)

    def update(rec: StudentRecord) -> None:
        bar.update(1)
        bar.set_postfix_str(rec.student[:20])
        if bar.n >= total:
            bar.close()

    return update

