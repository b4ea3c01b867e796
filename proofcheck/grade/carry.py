"""Grading each step: accepted, carried forward from the student's own earlier mistake, or not.

The checker already compares each step with its predecessor, so the steps after a slip in the same
chain are judged against the slip. Error carried forward across chains needs more: a step refuted
against the truth is re-checked against what the student had claimed before it.

  values  `let y_0 = u_0 + b_0 = 0.3 + 0.1 = 0.5` claims y_0 = 0.5. A later refuted step without
          derivatives is re-checked with each such claimed node defined as the student's value
          (claims from chains that were not all accepted; the latest claim of a name wins).
          Derivative steps are never re-checked this way: freezing a node would also change every
          derivative through it, so "correct given your value" has no meaning there.
  lemmas  a refuted step justified `by NAME`, where NAME is a lemma of the student's whose chain did
          not check, is re-checked as (previous member with the lemma's left side replaced by its
          right side) = (this member): correct given the lemma. Lemmas under `case` are not used
          this way (the substitution would apply them outside their case).

A re-check that is accepted makes the step `carried`: it keeps its credit and is not a new mistake.
Nothing here ever makes a goal `met` in the checker's sense; grading decides what carried steps earn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .. import nodes as n
from ..check.goals import is_value
from ..check.jobs import _contains, _Job, _outcome_decision, _seed
from ..elaborate import Chain, Definition, Problem
from ..options import Options
from ..results import ACCEPTED, StepResult
from ..sandbox import run_jobs
from .apply import CHANGES_PROBLEM, Checked, _exact
from .key import KeyProblem, is_key_line
from .rubric import Rubric

GRADES = ("accepted", "carried", "refuted", "unknown", "jumped", "at-point", "void")
CREDITED = ("accepted", "carried")


@dataclass
class StepGrade:
    chain: int  # index into problem.chains
    k: int  # member index of the step's right side
    step: StepResult
    grade: str  # one of GRADES
    note: str = ""
    counts: bool = True  # its sides differ: it counts towards the problem's work
    work: bool = True  # and its left side is not already a number: it counts towards a goal's `min-steps`


@dataclass(frozen=True)
class Claim:
    name: n.Name
    value: n.Expr
    line: int


def _chain_steps(problem: Problem, steps: list[StepResult]) -> dict[tuple[int, int], StepResult]:
    """Each chain step's result, found by the position of its right member."""
    at = {(s.line, s.column): s for s in steps if s.kind == "step"}
    out = {}
    for ci, chain in enumerate(problem.chains):
        for k in range(1, len(chain.members)):
            sp = chain.members[k].span
            s = at.get((sp.line, sp.column))
            if s is not None:
                out[(ci, k)] = s
    return out


def _counts(chain: Chain, k: int) -> bool:
    """A step that says something: its two sides are not the same text (`x = x` is no work)."""
    return chain.members[k - 1].expr != chain.members[k].expr


def _is_work(chain: Chain, k: int) -> bool:
    """A step of derivation: it says something and its left side is not already a number (rewriting
    -0.2 as -1/5 is not work towards a goal)."""
    return _counts(chain, k) and not is_value(chain.members[k - 1].expr, chain.context)


def _claim_name(chain: Chain) -> n.Name | None:
    if chain.let_target is not None:
        return chain.let_target
    first = chain.members[0].expr
    return first if isinstance(first, n.Name) else None


def _replace(e, old, new):
    """`e` with every subtree equal to `old` (positions ignored) replaced by `new`."""
    if e == old:
        return new
    if isinstance(e, tuple):
        return tuple(_replace(x, old, new) for x in e)
    if isinstance(e, n.Node) and not isinstance(e, n.Name):
        changes = {f: _replace(getattr(e, f), old, new) for f in e.__dataclass_fields__ if f != "span"}
        return replace(e, **changes)
    return e


def grade_steps(checked: Checked, kp: KeyProblem, options: Options) -> dict[tuple[int, int], StepGrade]:
    rubric = kp.rubric
    problem = checked.problem
    results = _chain_steps(problem, checked.result.steps)
    void_after = min(checked.rejected_lets, default=None)
    grades: dict[tuple[int, int], StepGrade] = {}
    for (ci, k), s in results.items():
        chain = problem.chains[ci]
        if is_key_line(chain.members[0].span.line):
            continue
        g = StepGrade(ci, k, s, _plain(s, rubric), counts=_counts(chain, k), work=_is_work(chain, k))
        if void_after is not None and chain.members[0].span.line > void_after:
            g.grade, g.note = "void", f"after the changed definition on line {void_after}"
        grades[(ci, k)] = g
    _tolerance(grades, problem, rubric)
    if not any(f.kind in CHANGES_PROBLEM for f in checked.findings):
        _carry(grades, problem, kp, options)  # a changed problem carries nothing: "correct given your change" earns no credit
    return grades


def _plain(s: StepResult, rubric: Rubric) -> str:
    if s.compared_with == "last-accepted":
        return "jumped"  # follows from an earlier line, not from the one before it
    if s.verdict in ACCEPTED:
        if not rubric.at_point and s.holds_in_general is False and s.holds_in_general is not None:
            return "at-point"
        return "accepted"
    return s.verdict


def _tolerance(grades, problem: Problem, rubric: Rubric) -> None:
    """`\\approx` answers within the rubric's tolerance of the exact value are accepted."""
    if rubric.tolerance is None:
        return
    for g in grades.values():
        s = g.step
        if g.grade != "refuted" or s.rel != "≈" or not s.counterexample:
            continue
        written = _exact(problem.chains[g.chain].members[g.k].expr)
        try:
            exact = Fraction(str(s.counterexample.get("lhs")))
        except (ValueError, ZeroDivisionError):
            continue
        if written is not None and abs(exact - written) <= Fraction(rubric.tolerance).limit_denominator(10**12):
            g.grade, g.note = "accepted", f"within the tolerance {rubric.tolerance:g} of the exact value {s.counterexample.get('lhs')}"


def _carry(grades, problem: Problem, kp: KeyProblem, options: Options) -> None:
    chains = problem.chains
    sound = {ci: all(g.grade == "accepted" for (c, _), g in grades.items() if c == ci) for ci in range(len(chains))}
    claims_before: list[dict[str, Claim]] = []
    claims: dict[str, Claim] = {}
    lemmas: dict[str, tuple[n.Expr, n.Expr, int]] = {}
    lemmas_before: list[dict] = []
    for ci, chain in enumerate(chains):
        claims_before.append(dict(claims))
        lemmas_before.append(dict(lemmas))
        if is_key_line(chain.members[0].span.line) or sound[ci] or len(chain.members) < 2:
            continue
        name = _claim_name(chain)
        last = chain.members[-1].expr
        if name is not None and is_value(last, chain.context) and not _has_index_letters(name, chain) and not kp.gives(name):
            # a claim about a given quantity (`x_0 = 2`) would change the problem: never carried
            claims[name.display] = Claim(name, last, chain.members[0].span.line)
        if chain.lemma and not chain.context.case:
            lemmas[chain.lemma] = (chain.members[0].expr, last, chain.members[0].span.line)
    jobs, owners = [], []
    for (ci, k), g in sorted(grades.items()):
        if g.grade != "refuted" or g.step.compared_with != "previous":
            continue
        chain = chains[ci]
        a, b = chain.members[k - 1].expr, chain.members[k].expr
        just = chain.justifications[k]
        if just is not None and just.kind == "by" and just.text in lemmas_before[ci]:
            lhs, rhs, line = lemmas_before[ci][just.text]
            a2 = _replace(a, lhs, rhs)
            if a2 != a:
                jobs.append(_Job("step", chain, k, k - 1, chain.context, a2, b, chain.rels[k - 1],
                                 _seed(options, problem.name, "carry-lemma", ci, k)))
                owners.append((g, f"follows from your lemma `{just.text}` (line {line})"))
                continue
        in_force = claims_before[ci]
        if in_force and not any(_contains(x, (n.Deriv, n.Prime)) for x in (a, b)):
            frozen = tuple(Definition(c.name, c.value, None, c.name.span) for c in in_force.values())
            ctx = replace(chain.context, definitions=chain.context.definitions + frozen)
            jobs.append(_Job("step", chain, k, k - 1, ctx, a, b, chain.rels[k - 1],
                             _seed(options, problem.name, "carry", ci, k)))
            used = ", ".join(f"{c.name.display} = {_show(c.value)} (line {c.line})" for c in in_force.values())
            owners.append((g, f"consistent with your earlier values: {used}"))
    if not jobs:
        return
    for (g, note), out in zip(owners, run_jobs(jobs, options.timeout, options.memory_mb, options.workers)):
        if _outcome_decision(out).verdict in ACCEPTED:
            g.grade, g.note = "carried", note


def _has_index_letters(name: n.Name, chain: Chain) -> bool:
    """A claim about a family entry (`o_j = 0.3`) is not frozen: which entry it means depends on j."""
    idx = chain.context.index_names
    return any(isinstance(x, n.Name) and x.base in idx for x in name.sub or ())


def _show(e: n.Expr) -> str:
    v = _exact(e)
    if v is None:
        return "…"
    return str(v.numerator) if v.denominator == 1 else f"{float(v):g}"
