"""Grade one student's submission (one or more files) against the key: a `StudentRecord`.

Every file goes through `pipeline.load`, the one function that reads a submission, so whatever it
accepts (and refuses, with a located reason) is the same for `check` and `grade`. Nothing a
submission holds stops the batch: a missing problem, an empty or binary file, a file that is not a
proof or has the wrong name each give 0 for what is missing and a message.
"""

from __future__ import annotations

import hashlib
import os

from ..documents import FORMATS, PROOF_SUFFIX
from ..options import Options
from ..pipeline import load
from .apply import CHANGES_PROBLEM, Section, check_section, readable, sections, suggest
from .key import Key
from .model import Message, StudentRecord, pts
from .reveal import mark, public_numbers
from .score import grade_problem, missing_problem

NOT_MARKED = "W408"  # a document that does not say it holds a proof (docs/documents.md)
SUFFIXES = (PROOF_SUFFIX, *FORMATS)  # what a submission file may be called: what `check` reads (docs/documents.md)
REVIEW_KINDS = CHANGES_PROBLEM | {"changed-goal", "renamed-problem", "duplicate-problem", "outside-link"}


def submission_digest(files: list[tuple[str, str]]) -> str:
    """A digest of a submission's names and bytes: `--resume` regrades a student whose files changed."""
    h = hashlib.sha256()
    for name, path in sorted(files):
        h.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
        except OSError as exc:
            h.update(f"unreadable:{exc.errno}".encode())
    return h.hexdigest()


def grade_student(key: Key, student: str, files: list[tuple[str, str]], options: Options) -> StudentRecord:
    """`files` are (name shown to the student, path on disk)."""
    record = StudentRecord(student, "graded", 0.0, 0.0, files=sorted(name for name, _ in files),
                           sha256=submission_digest(files))
    msgs = record.messages
    implicit = key.problems[0].name if len(key.problems) == 1 else None
    found: dict[str, Section] = {}
    statuses: list[str] = []
    texts: list[str] = []  # what the student wrote: numbers in it are no secret to show back
    wanted = set(key.settings.submit)
    for name, path in sorted(files):
        base = os.path.basename(name)
        if not base.endswith(SUFFIXES) or (wanted and base not in wanted):
            expect = " or ".join(f"`{w}`" for w in sorted(wanted)) if wanted else "a `.proof`, `.md`, `.tex` or `.ipynb` file"
            msgs.append(Message("wrong-file", "error", f"`{name}` was not graded: the key asks for {expect}", name))
            statuses.append("wrong-file")
            continue
        source, failure = load(path, options.seed)
        if source is None:
            d = failure.diagnostics[0]
            msgs.append(Message(d.code, "error", f"`{name}` cannot be graded: {d.message}", name, d.span.line, d.span.column))
            statuses.append("unreadable")
            continue
        texts.append(source.text)
        if not source.text.strip():
            msgs.append(Message("empty-file", "error", f"`{name}` is empty", name))
            statuses.append("empty")
            continue
        unmarked = next((d for d in source.diagnostics if d.code == NOT_MARKED), None)
        if unmarked is not None:  # a document that does not say it holds a proof: nothing in it was read
            msgs.append(Message("not-a-proof", "error", f"`{name}` is not graded: {unmarked.message}", name,
                                unmarked.span.line, unmarked.span.column))
            statuses.append("not-a-proof")
            continue
        for d in source.diagnostics:  # what reading a document found
            msgs.append(Message(d.code, d.severity, d.message, name, d.span.line, d.span.column, list(d.notes)))
        secs, stray, outside = sections(source, implicit)
        for d in stray:
            msgs.append(Message(d.code, d.severity, d.message, name, d.span.line, d.span.column, list(d.notes)))
        work = readable(outside)
        if work and secs:
            msgs.append(Message("outside-problem", "warning", "this work stands before the first `problem` line, so it "
                                "belongs to no problem and is not graded", name, work[0].span.line))
        if not secs:
            if not work:
                msgs.append(Message("not-a-proof", "error", f"`{name}` is not a proof: none of its lines could be read", name))
                statuses.append("not-a-proof")
            else:
                names = ", ".join(f"`problem {p.name}`" for p in key.problems)
                msgs.append(Message("no-problem", "error", f"`{name}` has no `problem` line; write {names} before each problem's work", name))
                statuses.append("no-problem")
            continue
        statuses.append("graded")
        for sec in secs:
            sec.path = name
            _merge(found, sec, msgs)
    known = [p.name for p in key.problems]
    for sec in found.values():
        if key.problem(sec.name) is None:
            msgs.append(Message("renamed-problem", "error", f"problem `{sec.name}` is not in the key{suggest(sec.name, known)}; "
                                "its work is not graded", sec.path, sec.line))
    for kp in key.problems:
        sec = found.get(kp.name)
        if sec is None:
            record.problems.append(missing_problem(kp, f"problem `{kp.name}` is missing"))
            continue
        record.problems.append(grade_problem(kp, check_section(key, kp, sec, options), options))
    if not files:
        msgs.append(Message("no-submission", "error", "no file was submitted"))
    record.total = pts(sum(p.points for p in record.problems))
    record.max_total = pts(sum(p.max_points for p in record.problems))
    record.status = _status(statuses, files)
    mark(record, public_numbers(*(kp.public_text for kp in key.problems), *texts))
    record.review = any(m.kind in REVIEW_KINDS for m in msgs) or any(
        m.kind in REVIEW_KINDS for p in record.problems for m in p.messages)
    return record


def _merge(found: dict[str, Section], sec: Section, msgs: list[Message]) -> None:
    """Two sections of one name in one file are one problem; in another file, the first one counts."""
    have = found.get(sec.name)
    if have is None:
        found[sec.name] = sec
    elif have.source is sec.source:
        have.statements += sec.statements
        have.diagnostics += sec.diagnostics
        have.end_line = max(have.end_line, sec.end_line)
    else:
        msgs.append(Message("duplicate-problem", "error", f"problem `{sec.name}` is also in `{have.path}`; only that one is graded",
                            sec.path, sec.line))


def _status(statuses: list[str], files) -> str:
    if not files:
        return "no-submission"
    if "graded" in statuses:
        return "graded"
    for s in ("not-a-proof", "no-problem", "unreadable", "empty", "wrong-file"):
        if s in statuses:
            return s
    return "no-submission"

