"""Points for one problem: goals, work, deductions (docs/grading.md, "How points are given").

  goal    its points when met by a chain of the student's that the checker accepts step by step
          against each predecessor, under the key's context, ending at the goal, or by chains under
          `case`s that together cover the goal (the checker's proof by cases); or `carried` × its
          points when that chain holds only given the student's own earlier mistake (a `find`, or a
          `show` the checker found would be met but for such steps). A milestone is also met by a
          stretch of a longer chain that goes from its left side to its right side. Scaled by
          `answer-only` when the chain has fewer than `min-steps` steps of work (or a required
          milestone is unmet), and by the attempts policy for every other attempt at the goal
          (attempts.py) that failed.
  work    `work` × creditable / max(steps of work, min-steps × goals): every accepted or carried
          step counts, a refuted one costs its share once, and nothing after it does; what is no
          work at all (padding, repeats, steps about nothing of the problem) is left out (work.py).
  less    `unknown` per undecided step and `mistake` per refuted step (each mistake once).
"""

from __future__ import annotations

from ..check.goals import _cases_cover, _index_pattern, is_value, same
from ..diagnostics import Diagnostic
from ..elaborate import Chain, Goal, Problem
from ..options import Options
from ..results import ACCEPTED, GoalResult
from .apply import Checked, Finding, _exact
from .attempts import attempts_by_goal
from .forms import FormCache
from .carry import CREDITED, StepGrade, grade_steps
from .key import KeyGoal, KeyProblem, is_key_line
from .model import GoalRecord, Message, ProblemRecord, StepRecord, pts
from .rubric import Rubric, work_points

def missing_problem(kp: KeyProblem, message: str, kind: str = "missing-problem") -> ProblemRecord:
    goals = [GoalRecord(g.id, g.kind, g.text, "missing", "not-written", 0.0, pts(g.points), g.milestone) for g in kp.goals]
    return ProblemRecord(kp.name, "missing", 0.0, pts(kp.max_points), work_max=pts(work_points(kp.rubric, kp.max_goal_points)),
                         goals=goals, messages=[Message(kind, "error", message)])


def grade_problem(kp: KeyProblem, checked: Checked, options: Options) -> ProblemRecord:
    rubric = kp.rubric
    problem = checked.problem
    forms = FormCache()
    attempts = attempts_by_goal(problem, checked.result.goals, forms, options)
    grades = grade_steps(checked, kp, options, attempts, forms)
    by_chain: dict[int, list[StepGrade]] = {}
    for (ci, _), g in sorted(grades.items()):
        by_chain.setdefault(ci, []).append(g)
    goal_records = []
    milestone_unmet = False
    pairs = list(zip(kp.goals, problem.goals, checked.result.goals, attempts))
    case_chains: dict[str, int] = {}  # goal id -> the case chains that meet it by cases
    for kg, goal, gr, tried in pairs:
        rec = _goal(kg, goal, gr, problem, by_chain, rubric, checked.result, tried, case_chains)
        if kg.milestone and rec.status not in ("met", "carried"):
            _within_a_chain(rec, kg, goal, problem, by_chain, rubric, checked.result, forms, tried)
        goal_records.append(rec)
        if kg.milestone and kg.required and rec.status not in ("met", "carried"):
            milestone_unmet = True
    if milestone_unmet:
        for rec, (kg, *_) in zip(goal_records, pairs):
            if not kg.milestone and rec.points > 0 and rubric.answer_only < rec.factors.get("answer-only", 1.0):
                rec.factors["answer-only"] = rubric.answer_only
                rec.points = pts(rec.max_points * _product(rec.factors))
                rec.message = (rec.message + "; " if rec.message else "") + "a required milestone is missing"
    goal_points = sum(r.points for r in goal_records)
    work_max = work_points(rubric, kp.max_goal_points)
    steps = [g for g in grades.values()]
    work_steps = [g for g in steps if g.counts]
    creditable = [g for g in work_steps if g.grade in CREDITED]
    # each case of a goal met by cases is a derivation of its own and needs `min-steps` too: two chains
    # that each write the answer in one step are the answer alone, twice (tests/grading/redteam/r26_attacks)
    floor = max(len(work_steps), rubric.min_steps * sum(case_chains.get(kg.id, 1) for kg in kp.goals), 1)
    work = work_max * min(1.0, len(creditable) / floor)
    unknown = sum(1 for g in steps if g.grade == "unknown")
    mistakes = sum(1 for g in steps if g.grade == "refuted")
    deductions = rubric.unknown * unknown + rubric.mistake * mistakes
    max_points = kp.max_points
    total = min(max_points, max(0.0, goal_points + work - deductions))
    sec = checked.section
    # a step the rubric accepts within its tolerance is not reported as off
    tolerated = {(g.step.line, g.step.column) for g in steps if g.grade == "accepted" and g.step.verdict not in ACCEPTED}
    diags = [d for d in checked.diagnostics if not (d.code == "E300" and (d.span.line, d.span.column) in tolerated)]
    return ProblemRecord(
        kp.name, "graded", pts(total), pts(max_points), goal_points=pts(goal_points), work_points=pts(work),
        work_max=pts(work_max), deductions=pts(deductions), path=sec.path, lines=[sec.line, sec.end_line],
        creditable_steps=len(creditable), work_steps=len(work_steps), goals=goal_records,
        steps=[_step_record(g) for g in sorted(steps, key=lambda g: (g.step.line, g.step.column))],
        messages=_messages(diags, checked.findings, sec.path),
    )


def _product(factors: dict[str, float]) -> float:
    out = 1.0
    for v in factors.values():
        out *= v
    return out


def _narrowed(ci: int, result) -> bool:
    """Does the checker find the chain's context narrower than the goals' (ChainResult.narrowed)?"""
    return any(c.id == ci and c.narrowed for c in result.chains)


def _chain_ok(ci: int, by_chain, allowed: tuple[str, ...]) -> bool:
    gs = by_chain.get(ci, [])
    return bool(gs) and all(g.grade in allowed for g in gs)


def _cover(goal: Goal, gr: GoalResult, problem: Problem, by_chain) -> list[int] | None:
    """A proof by cases the checker found (`met-by-cases`): the student's chains under index-pattern
    `case`s that end at the goal with every step accepted, when they still cover every pattern."""
    chosen = [ci for ci in gr.attempts if not is_key_line(problem.chains[ci].members[0].span.line)
              and problem.chains[ci].context.case and _index_pattern(problem.chains[ci].context.case, goal)
              and _chain_ok(ci, by_chain, ("accepted",)) and _ends(problem.chains[ci], goal)]
    if chosen and _cases_cover(goal, [problem.chains[ci].context.case for ci in chosen]):
        return chosen
    # cases of the inputs' regions (`case x \\geq 0`, `case x < 0`): the checker showed that the cases of
    # its met chains cover every value; credited when each of those chains is, every step accepted
    # the chains the checker combined are those sound ones (every step accepted); another case chain
    # with a slip is charged by the attempts policy, as any failed attempt
    # (the checker combined every such chain whose steps it accepted: each of those must be credited,
    # or the credited ones may not cover, `r18_at_point_cases`)
    regions = [ci for ci in gr.attempts if not is_key_line(problem.chains[ci].members[0].span.line)
               and problem.chains[ci].context.case and not _index_pattern(problem.chains[ci].context.case, goal)
               and _ends(problem.chains[ci], goal) and by_chain.get(ci)
               and all(g.step.verdict in ACCEPTED for g in by_chain[ci])]
    if regions and all(_chain_ok(ci, by_chain, ("accepted",)) for ci in regions):
        return regions
    return None


def _goal(kg: KeyGoal, goal: Goal, gr: GoalResult, problem: Problem, by_chain, rubric: Rubric, result,
          attempts: list[int], case_chains: dict[str, int] | None = None) -> GoalRecord:
    rec = GoalRecord(kg.id, kg.kind, kg.text, gr.status, gr.reason or gr.status, 0.0, pts(kg.points), kg.milestone)
    credited: list[int] = []
    if gr.status == "met" and gr.reason == "met-by-cases":
        credited = _cover(goal, gr, problem, by_chain) or []
        if credited and case_chains is not None:
            case_chains[kg.id] = len(credited)
        rec.status, rec.reason = ("met", "met-by-cases") if credited else ("unmet", "not-credited")
        rec.message = "shown by cases" if credited else "a step of a case is not credited"
    elif gr.status == "met":
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
                credited = [ci]
                rec.status, rec.reason, rec.message = "met", "met", ""
            break
        else:
            rec.status, rec.reason = "unmet", "not-credited"
    if not credited:
        # the checker's goal rule, with the steps grading re-accepted: carried, or within the tolerance
        for ci in gr.attempts:
            chain = problem.chains[ci]
            if is_key_line(chain.members[0].span.line) or chain.context.case or _narrowed(ci, result):
                continue
            gs = by_chain.get(ci, [])
            carried = any(g.grade == "carried" for g in gs)
            regraded = carried or any(g.grade == "accepted" and g.step.verdict not in ACCEPTED for g in gs)
            if regraded and _chain_ok(ci, by_chain, CREDITED) and _ends(chain, goal):
                credited = [ci]
                if carried:
                    rec.status, rec.reason = "carried", "carried"
                    rec.message = "reached consistently with an earlier mistake of yours"
                    rec.factors["carried"] = rubric.carried
                else:
                    rec.status, rec.reason, rec.message = "met", "met", "met within the rubric's tolerance"
                break
    nearest = credited or ([gr.chain] if gr.chain is not None and 0 <= gr.chain < len(problem.chains) else [])
    if nearest:
        rec.chain_lines = [problem.chains[nearest[0]].members[0].span.line, problem.chains[nearest[-1]].members[-1].span.end_line]
    if not credited:
        if rec.status == "met":
            rec.status = "unmet"
        if not rec.message:
            rec.message = _why(gr)
        return rec
    rec.work_steps = min(sum(1 for g in by_chain.get(ci, []) if g.work and g.grade in CREDITED) for ci in credited)
    _scale(rec, kg, goal, problem, by_chain, rubric, attempts, credited)
    return rec


def _scale(rec: GoalRecord, kg: KeyGoal, goal: Goal, problem: Problem, by_chain, rubric: Rubric, attempts: list[int],
           credited: list[int]) -> None:
    """The goal's points: answer-only when its chain has too little work, the attempts policy for the
    other attempts that failed."""
    if rec.work_steps < rubric.min_steps:
        rec.factors["answer-only"] = rubric.answer_only
        rec.reason = "answer-only" if rec.status == "met" else rec.reason
    failed = [ci for ci in attempts if ci not in credited and _failed(ci, goal, problem, by_chain, credited)]
    rec.failed_attempts = len(failed)
    if failed:
        if rubric.attempts == "first" and attempts and attempts[0] not in credited:
            rec.factors["attempts"] = 0.0
        elif rubric.attempts == "penalty":
            rec.factors["attempts"] = max(0.0, 1.0 - rubric.attempt_penalty * len(failed))
    rec.points = pts(kg.points * _product(rec.factors))


def _failed(ci: int, goal: Goal, problem: Problem, by_chain, credited: list[int]) -> bool:
    """Did this attempt fail? A step of it is wrong (refuted against the line before it, or against
    the last line that held when it jumps back), or it answers a `find` with another number than the
    credited chain. An undecided step alone is no mistake: the `unknown` item is the rubric's way to
    charge for it."""
    gs = by_chain.get(ci, [])
    if any(g.grade == "refuted" or (g.grade == "jumped" and g.step.verdict == "refuted") for g in gs):
        return True
    if goal.kind != "find" or not any(g.grade in ("unknown", "jumped") for g in gs):
        return False
    mine = _exact(problem.chains[ci].members[-1].expr)
    answers = {_exact(problem.chains[c].members[-1].expr) for c in credited}
    return mine is not None and mine not in answers


def _within_a_chain(rec: GoalRecord, kg: KeyGoal, goal: Goal, problem: Problem, by_chain, rubric: Rubric, result,
                    forms: FormCache, attempts: list[int]) -> None:
    """A milestone written inside a longer chain: the chain passes through its left side and, later,
    its right side (a number for a `find`), every step between accepted, in the key's context."""
    idx = goal.context.index_names
    for ci, chain in enumerate(problem.chains):
        if is_key_line(chain.members[0].span.line) or chain.context.case or _narrowed(ci, result):
            continue
        f = forms.of(chain.context)
        start, end = f.form(goal.lhs), f.form(goal.rhs) if goal.rhs is not None else None
        grades = {g.k: g for g in by_chain.get(ci, [])}
        for i, m in enumerate(chain.members):
            if not (same(m.expr, goal.lhs, idx) or (start is not None and f.form(m.expr) == start)):
                continue
            for j in range(i + 1, len(chain.members)):
                if grades.get(j) is None or grades[j].grade != "accepted":
                    break
                e = chain.members[j].expr
                reached = is_value(e, chain.context) if goal.kind == "find" else \
                    same(e, goal.rhs, idx) or (end is not None and f.form(e) == end)
                if reached:
                    rec.status, rec.reason = "met", "met"
                    rec.message = f"met within the chain at line {chain.members[0].span.line}"
                    rec.chain_lines = [m.span.line, chain.members[j].span.end_line]
                    rec.factors = {}
                    rec.work_steps = sum(1 for k in range(i + 1, j + 1) if grades[k].work)
                    _scale(rec, kg, goal, problem, by_chain, rubric, attempts, [ci])
                    return


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
