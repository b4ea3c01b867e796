"""The class outputs: grades.csv and its LMS variants, results.json, and the LMS autograder results.

  grades.csv              student,total,max_total,<one column per key problem>
  grades_canvas.csv       Canvas gradebook import: Student,ID,SIS User ID,SIS Login ID,Section,<assignment>
  grades_nbgrader.csv     nbgrader's export columns (student_id, raw_score, score, max_score, ...)
  results.json            everything (schema in docs/grading.md)
  gradescope/<s>/results.json   Gradescope's autograder format, one per student
PrairieLearn's external-grader results.json is `prairielearn_results` (the `--single prairielearn` mode).

Feedback levels (the key's `feedback` directive or `--feedback`): `full` shows everything, `steps`
hides every value the checker worked out (counterexamples, a side's value, an exact value, a kink on
the way: any can reveal an answer; reveal.py), `score` shows points only.
"""

from __future__ import annotations

import csv
import io
import os
from typing import Any

from .key import Key
from ..diagnostics import CODES
from .model import POINT_DIGITS, SCHEMA, GoalRecord, Message, ProblemRecord, StepRecord, StudentRecord, pts
from .run import write_json
from .submissions import safe_name

NOT_GRADABLE = ("no-submission", "unreadable", "not-a-proof", "empty", "wrong-file", "no-problem")
ANSWER_NOTES = ("counterexample:", "at the given point:", "left side =")  # notes that show values


def _num(x: float) -> str:
    """Points as written everywhere (CSV, pages, text): up to POINT_DIGITS decimals, no trailing zeros,
    so the problem columns of a row add up to its total exactly as results.json has them."""
    text = f"{pts(x):.{POINT_DIGITS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _csv(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def grades_csv(key: Key, records: list[StudentRecord]) -> str:
    names = [p.name for p in key.problems]
    rows: list[list[Any]] = [["student", "total", "max_total", *names]]
    for r in records:
        by = {p.name: p.points for p in r.problems}
        rows.append([r.student, _num(r.total), _num(r.max_total), *(_num(by.get(nm, 0.0)) for nm in names)])
    return _csv(rows)


def assignment_name(key: Key) -> str:
    return key.settings.assignment or os.path.splitext(os.path.basename(key.path))[0]


def canvas_csv(key: Key, records: list[StudentRecord]) -> str:
    """Canvas's gradebook import: the student id goes in `SIS User ID`; `Points Possible` row first."""
    name = assignment_name(key)
    max_total = pts(sum(p.max_points for p in key.problems))
    rows: list[list[Any]] = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", name],
                             ["Points Possible", "", "", "", "", _num(max_total)]]
    rows += [[r.student, "", r.student, "", "", _num(r.total)] for r in records]
    return _csv(rows)


def nbgrader_csv(key: Key, records: list[StudentRecord]) -> str:
    name = assignment_name(key)
    rows: list[list[Any]] = [["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                              "raw_score", "late_submission_penalty", "score", "max_score"]]
    rows += [[name, "", "", r.student, "", "", "", _num(r.total), "0", _num(r.total), _num(r.max_total)] for r in records]
    return _csv(rows)


def results_json(key: Key, records: list[StudentRecord], options: dict) -> dict:
    return {
        "schema": SCHEMA,
        "key": {
            "path": key.path, "sha256": key.sha256, "assignment": assignment_name(key),
            "problems": [{"name": p.name, "title": p.title, "line": p.line,
                          "max_points": pts(p.max_points),
                          "rubric": vars(p.rubric).copy(),
                          "goals": [vars(g).copy() for g in p.goals]} for p in key.problems],
        },
        "options": options,
        "students": [r.to_json() for r in records],
    }


# ------------------------------------------------------------------ what a student may see


def visible_notes(m: Message, level: str) -> list[str]:
    """A message's notes at a level: below `full`, none that shows a value the checker worked out
    (reveal.py) and no counterexample at all."""
    if level == "full":
        return list(m.notes)
    return [x for x, shows in zip(m.notes, m.notes_reveal) if not shows and not x.startswith(ANSWER_NOTES)]


def visible_text(m: Message, level: str) -> str:
    """A message's text at a level: below `full`, one that shows a computed value says only what kind of
    finding it is (its code's summary)."""
    if level == "full" or not m.reveals:
        return m.text
    entry = CODES.get(m.kind)
    return entry.summary if entry is not None else "(details hidden)"


def visible_note(s: StepRecord, level: str) -> str:
    return s.note if level == "full" or not s.note_reveals else ""


def goal_status(g: GoalRecord, level: str) -> str:
    status = {"met": "met", "carried": "reached (carrying an earlier mistake)", "unmet": "not met",
              "wrong": "not met", "missing": "not written"}.get(g.status, g.status)
    shown = g.message if level == "full" or not g.message_reveals else ""
    extra = f" — {shown}" if shown else ""
    if "answer-only" in g.factors:
        extra += " — answer without enough work"
    if g.failed_attempts:
        extra += f" — {g.failed_attempts} failed attempt(s)"
    return status + extra


def goal_line(g: GoalRecord, level: str) -> str:
    return f"{g.kind} {g.text}: {goal_status(g, level)}"


def problem_text(p: ProblemRecord, level: str) -> str:
    lines = [f"{p.name}: {_num(p.points)} / {_num(p.max_points)} points"]
    if level == "score":
        return "\n".join(lines)
    for g in p.goals:
        lines.append(f"  {_num(g.points)}/{_num(g.max_points)}  {goal_line(g, level)}")
    if p.status == "graded":
        lines.append(f"  {_num(p.work_points)}/{_num(p.work_max)}  work: {p.creditable_steps} of {p.work_steps} steps credited")
    if p.deductions:
        lines.append(f"  -{_num(p.deductions)}  deductions")
    for m in p.messages:
        where = f"line {m.line}: " if m.line else ""
        lines.append(f"  {where}{visible_text(m, level)}")
        lines += [f"      {x}" for x in visible_notes(m, level)]
    return "\n".join(lines)


def student_text(r: StudentRecord, level: str) -> str:
    head = [f"Total: {_num(r.total)} / {_num(r.max_total)}"]
    head += [f"{(m.path + ': ') if m.path else ''}{visible_text(m, level)}" for m in r.messages]
    return "\n".join(head + [problem_text(p, level) for p in r.problems])


def gradescope_results(r: StudentRecord, level: str, seconds: float | None = None) -> dict:
    """Gradescope's autograder results.json: one test per goal, one per problem's work."""
    tests = []
    for i, p in enumerate(r.problems, start=1):
        for j, g in enumerate(p.goals, start=1):
            tests.append({"name": f"{p.name}: {g.kind} {g.text}", "number": f"{i}.{j}", "score": g.points,
                          "max_score": g.max_points, "status": "passed" if g.points >= g.max_points else "failed",
                          "output": "" if level == "score" else goal_line(g, level), "visibility": "visible"})
        tests.append({"name": f"{p.name}: work", "number": f"{i}.{len(p.goals) + 1}", "score": p.work_points,
                      "max_score": p.work_max, "output": problem_text(p, level), "visibility": "visible"})
        if p.deductions:
            tests.append({"name": f"{p.name}: deductions", "number": f"{i}.{len(p.goals) + 2}", "score": -p.deductions,
                          "max_score": 0.0, "visibility": "visible"})
    out: dict[str, Any] = {"score": r.total, "output": student_text(r, level), "output_format": "text",
                           "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}
    if seconds is not None:
        out["execution_time"] = round(seconds)
    return out


def prairielearn_results(r: StudentRecord, level: str) -> dict:
    """PrairieLearn's external-grader results.json (score in [0, 1]; not gradable when no proof was read)."""
    if r.status in NOT_GRADABLE:
        errors = [visible_text(m, level) for m in r.messages] or ["no proof was submitted"]
        return {"gradable": False, "score": 0.0, "message": "; ".join(errors), "format_errors": errors}
    tests = []
    for p in r.problems:
        for g in p.goals:
            tests.append({"name": f"{p.name}: {g.kind} {g.text}", "description": f"goal {g.id}", "points": g.points,
                          "max_points": g.max_points, "message": "" if level == "score" else goal_line(g, level)})
        tests.append({"name": f"{p.name}: work", "description": f"valid steps of {p.name}", "points": p.work_points,
                      "max_points": p.work_max, "message": "", "output": problem_text(p, level)})
        if p.deductions:
            tests.append({"name": f"{p.name}: deductions", "description": f"points taken off in {p.name} (rubric items "
                          "`unknown` and `mistake`)", "points": -p.deductions, "max_points": 0.0, "message": ""})
    score = r.total / r.max_total if r.max_total > 0 else 0.0
    return {"gradable": True, "score": round(min(1.0, max(0.0, score)), 6),
            "message": f"{_num(r.total)} / {_num(r.max_total)} points", "output": student_text(r, level), "tests": tests}


def write_class(out: str, key: Key, records: list[StudentRecord], options: dict, level: str) -> None:
    """Every class output into `out` (feedback pages are html.write_pages)."""
    files = {"grades.csv": grades_csv(key, records), "grades_canvas.csv": canvas_csv(key, records),
             "grades_nbgrader.csv": nbgrader_csv(key, records)}
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    write_json(os.path.join(out, "results.json"), results_json(key, records, options))
    for r in records:
        folder = os.path.join(out, "gradescope", safe_name(r.student))
        os.makedirs(folder, exist_ok=True)
        write_json(os.path.join(folder, "results.json"), gradescope_results(r, level))
