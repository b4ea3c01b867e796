"""Points for one problem: goals, work, deductions (docs/grading.md, "How points are given").

  goal    its points when met by a chain of the student's that the checker accepts step by step
          against each predecessor, under the key's context (no `case`), ending at the goal; or
          `carried` × its points when that chain holds only given the student's own earlier mistake
          (a `find`, or a `show` the checker found would be met but for such steps). Scaled by
          `answer-only` when the chain has fewer than `min-steps` steps of work (or a required
          milestone is unmet), and by the attempts policy for every other attempt at the goal that
          failed.
  work    `work` × creditable / max(steps of work, min-steps × goals): every accepted or carried
          step counts, a refuted one costs its share once, and nothing after it does.
  less    `unknown` per undecided step and `mistake` per refuted step (each mistake once).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..elaborate import Chain, Goal, Problem
from ..options import Options
from ..results import ACCEPTED, GoalResult
from .apply import Checked, Finding
from ..check.goals import is_value, same
from .carry import CREDITED, StepGrade, grade_steps
from .key import KeyGoal, KeyProblem, is_key_line
from .model import GoalRecord, Message, ProblemRecord, StepRecord, pts
from .rubric import work_points

FAILED = ("refuted", "unknown", "jumped")  # an attempt holding one of these failed


def missing_problem(kp: KeyProblem, message: str, kind: str = "missing-problem") -> ProblemRecord:
    goals = [GoalRecord(g.id, g.kind, g.text, "missing", "not-written", 0.0, pts(g.points), g.milestone) for g in kp.goals]
    return ProblemRecord(kp.name, "missing", 0.0, pts(kp.max_points), work_max=pts(work_points(kp.rubric, kp.max_goal_points)),
                         goals=goals, messages=[Message(kind, "error", message)])


def grade_problem(kp: KeyProblem, checked: Checked, options: Options) -> ProblemRecord:
    rubric = kp.rubric
    grades = grade_steps(checked, kp, options)
    problem = checked.problem
    by_chain: dict[int, list[StepGrade]] = {}
    for (ci, _), g in sorted(grades.items()):
        by_chain.setdefault(ci, []).append(g)
    goal_records = []
    milestone_unmet = False
    pairs = list(zip(kp.goals, problem.goals, checked.result.goals))
    for kg, goal, gr in pairs:
        rec = _goal(kg, goal, gr, problem, by_chain, rubric, checked.result)
        goal_records.append(rec)
        if kg.milestone and kg.required and rec.status not in ("met", "carried"):
            milestone_unmet = True
    if milestone_unmet:
        for rec, (kg, _, _) in zip(goal_records, pairs):
            if not kg.milestone and rec.points > 0 and rubric.answer_only < rec.factors.get("answer-only", 1.0):
                rec.factors["answer-only"] = rubric.answer_only
                rec.points = pts(rec.max_points * _product(rec.factors))
                rec.message = (rec.message + "; " if rec.message else "") + "a required milestone is missing"
    goal_points = sum(r.points for r in goal_records)
    work_max = work_points(rubric, kp.max_goal_points)
    steps = [g for g in grades.values()]
    work_steps = [g for g in steps if g.counts]
    creditable = [g for g in work_steps if g.grade in CREDITED]
    floor = max(len(work_steps), rubric.min_steps * len(kp.goals), 1)
    work = work_max * min(1.0, len(creditable) / floor)
    unknown = sum(1 for g in steps if g.grade == "unknown")
    mistakes = sum(1 for g in steps if g.grade == "refuted")
    deductions = rubric.unknown * unknown + rubric.mistake * mistakes
    max_points = kp.max_points
    total = min(max_points, max(0.0, goal_points + work - deductions))
    sec = checked.section
    rec = ProblemRecord(
        kp.name, "graded", pts(total), pts(max_points), goal_points=pts(goal_points), work_points=pts(work),
        work_max=pts(work_max), deductions=pts(deductions), path=sec.path, lines=[sec.line, sec.end_line],
        creditable_steps=len(creditable), work_steps=len(work_steps), goals=goal_records,
        steps=[_step_record(g) for g in sorted(steps, key=lambda g: (g.step.line, g.step.column))],
        messages=_messages(checked.diagnostics, checked.findings, sec.path),
    )
    return rec


def _product(factors: dict[str, float]) -> float:
    out = 1.0
    for v in factors.values():
        out *= v
    return out


def attempts_of(gr: GoalResult, problem: Problem) -> list[int]:
    """The student's chains that start at the goal's left side (the checker's attempts), in file order."""
    return [ci for ci in gr.attempts if not is_key_line(problem.chains[ci].members[0].span.line)]


def _narrowed(ci: int, result) -> bool:
    """Does the checker find the chain's context narrower than the goals' (ChainResult.narrowed)?"""
    return any(c.id == ci and c.narrowed for c in result.chains)


def _chain_ok(ci: int, by_chain, allowed: tuple[str, ...]) -> bool:
    gs = by_chain.get(ci, [])
    return bool(gs) and all(g.grade in allowed for g in gs)


def _goal(kg: KeyGoal, goal: Goal, gr: GoalResult, problem: Problem, by_chain, rubric, result) -> GoalRecord:
    rec = GoalRecord(kg.id, kg.kind, kg.text, gr.status, gr.reason or gr.status, 0.0, pts(kg.points), kg.milestone)
    attempts = attempts_of(gr, problem)
    credited: int | None = None
    if gr.status == "met":
        for ci in [gr.chain] if gr.chain is not None else []:
            chain = problem.chains[ci]
            if is_key_line(chain.members[0].span.line):
                continue
            if chain.context.case:
                rec.status, rec.reason = "unmet", "narrowed"
                rec.message = "the chain stands under `case`, which the goal does not have"
            elif not _chain_ok(ci, by_chain, ("accepted",)):
                rec.status, rec.reason = "unmet", "not-credited"
                rec.message = "a step of the chain is not credited"
            else:
                credited = ci
                rec.status, rec.reason, rec.message = "met", "met", ""
            break
        else:
            rec.status, rec.reason = "unmet", "not-credited"
    if credited is None:
        # the checker's goal rule, with the steps grading re-accepted: carried, or within the tolerance
        for ci in attempts:
            chain = problem.chains[ci]
            if chain.context.case or _narrowed(ci, result):
                continue
            gs = by_chain.get(ci, [])
            carried = any(g.grade == "carried" for g in gs)
            regraded = carried or any(g.grade == "accepted" and g.step.verdict not in ACCEPTED for g in gs)
            if regraded and _chain_ok(ci, by_chain, CREDITED) and _ends(chain, goal):
                credited = ci
                if carried:
                    rec.status, rec.reason = "carried", "carried"
                    rec.message = "reached consistently with an earlier mistake of yours"
                    rec.factors["carried"] = rubric.carried
                else:
                    rec.status, rec.reason, rec.message = "met", "met", "met within the rubric's tolerance"
                break
    target = credited if credited is not None else gr.chain
    if target is not None and 0 <= target < len(problem.chains):
        c = problem.chains[target]
        rec.chain_lines = [c.members[0].span.line, c.members[-1].span.end_line]
    if credited is None:
        if rec.status == "met":
            rec.status = "unmet"
        if not rec.message:
            rec.message = _why(gr)
        return rec
    gs = by_chain.get(credited, [])
    rec.work_steps = sum(1 for g in gs if g.work and g.grade in ("accepted", "carried"))
    if rec.work_steps < rubric.min_steps:
        rec.factors["answer-only"] = rubric.answer_only
        rec.reason = "answer-only" if rec.status == "met" else rec.reason
    failed = [ci for ci in attempts if ci != credited and any(g.grade in FAILED for g in by_chain.get(ci, []))]
    rec.failed_attempts = len(failed)
    if failed:
        if rubric.attempts == "first" and attempts and attempts[0] != credited:
            rec.factors["attempts"] = 0.0
        elif rubric.attempts == "penalty":
            rec.factors["attempts"] = max(0.0, 1.0 - rubric.attempt_penalty * len(failed))
    rec.points = pts(kg.points * _product(rec.factors))
    return rec


def _ends(chain: Chain, goal: Goal) -> bool:
    """Does the chain end where the goal does: a number for a `find`, the right side as written (up to
    notation) for a `show`? A carried chain must write the goal's right side itself."""
    last = chain.members[-1].expr
    return is_value(last, chain.context) if goal.kind == "find" else same(last, goal.rhs, goal.context.index_names)


WHY = {
    "no-chain": "no chain of yours starts at this goal's left side",
    "narrowed": "the chain for this goal stands under a `case` or another narrowing the goal does not have",
    "step-failed": "a step of the chain for this goal does not follow",
    "different-value": "the chain for this goal ends at a different value",
    "not-written": "the chain stops before writing the goal's right side",
    "undecided": "the chain's end could not be compared with the goal",
}


def _why(gr: GoalResult) -> str:
    return WHY.get(gr.reason, "not met")


def _step_record(g: StepGrade) -> StepRecord:
    s = g.step
    return StepRecord(s.line, s.column, s.end_line, s.end_column, g.chain, s.verdict, g.grade, g.counts, g.work,
                      s.compared_with, s.method, g.note, s.message, s.counterexample)


def _messages(diags: list[Diagnostic], findings: list[Finding], path: str) -> list[Message]:
    out = [Message(d.code, d.severity, d.message, path, d.span.line, d.span.column, list(d.notes)) for d in diags]
    out += [Message(f.kind, "warning", f.text, f.path or path, f.line) for f in findings]
    out.sort(key=lambda m: (m.line, m.column, m.kind))
    return out

