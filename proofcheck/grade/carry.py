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

Error carried forward carries a slip in a quantity *on the way* to an answer. What is never carried:

  - a claim or lemma about the answer itself: in a chain that attempts a goal (attempts.py), a claim
    or lemma whose subject is the goal's left side or contains it (`let t = z = 3` then `z = t = 3`;
    the lemma `2 z = 6` then `z = \\frac{1}{2}(2 z) = 3`), compared up to form and, failing that, as
    the same quantity through the key's definitions (a sandboxed comparison, not at the given point);
    carrying it would turn a wrong answer into a "consistent" one;
  - a claim about a name defined by a derivative (`let a = \\frac{dz}{dw} = 7`): freezing it says
    nothing about any step, it restates an answer;
  - a claim about a given quantity, under its name or another (`a = 1`, `let t = a = 1`), and a lemma
    whose left side involves a given quantity outside a derivative (`lemma: a = 1`, `2 a = 2`): both
    change the problem (a lemma rewrites every later occurrence of its left side).

A re-check that is accepted makes the step `carried`: it keeps its credit and is not a new mistake.
Nothing here ever makes a goal `met` in the checker's sense; grading decides what carried steps earn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .. import nodes as n
from ..check.goals import is_value
from ..check.jobs import _contains, _Job, holds_only_at_point
from ..elaborate import Chain, Context, Definition, Problem
from ..options import Options
from ..results import ACCEPTED, StepResult
from .apply import CHANGES_PROBLEM, Checked, _exact
from .forms import FormCache, derivatives_in
from .jobs import decide, holds, same_quantity_job
from .key import KeyProblem, is_key_line
from .rubric import Rubric
from .work import mark_work, unfolded_names

GRADES = ("accepted", "carried", "refuted", "unknown", "jumped", "at-point", "void")
CREDITED = ("accepted", "carried")
DERIVATIVES = (n.Deriv, n.Prime)


@dataclass
class StepGrade:
    chain: int  # index into problem.chains
    k: int  # member index of the step's right side
    step: StepResult
    grade: str  # one of GRADES
    note: str = ""
    counts: bool = True  # it says something (work.py): it counts towards the problem's work
    work: bool = True  # and its left side is not already a number: it counts towards a goal's `min-steps`


@dataclass(frozen=True)
class Claim:
    """A value the student claimed in a chain that did not check: `name` is `value`."""

    name: n.Name
    subject: n.Expr  # what the claim is about: the name, or a `let` chain's definition
    value: n.Expr
    line: int
    context: Context


@dataclass(frozen=True)
class Lemma:
    lhs: n.Expr
    rhs: n.Expr
    line: int
    context: Context


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


def grade_steps(checked: Checked, kp: KeyProblem, options: Options, attempts: list[list[int]],
                forms: FormCache) -> dict[tuple[int, int], StepGrade]:
    """Every student step's grade, and whether it counts as work (work.py)."""
    rubric = kp.rubric
    problem = checked.problem
    results = _chain_steps(problem, checked.result.steps)
    void_after = min(checked.rejected_lets, default=None)
    grades: dict[tuple[int, int], StepGrade] = {}
    for (ci, k), s in results.items():
        chain = problem.chains[ci]
        if is_key_line(chain.members[0].span.line):
            continue
        g = StepGrade(ci, k, s, _plain(s, rubric, chain, k))
        if void_after is not None and chain.members[0].span.line > void_after:
            g.grade, g.note = "void", f"after the changed definition on line {void_after}"
        grades[(ci, k)] = g
    _tolerance(grades, problem, rubric)
    if not any(f.kind in CHANGES_PROBLEM for f in checked.findings):
        # a changed problem carries nothing: "correct given your change" earns no credit
        goals_of = {ci: [gi for gi, cis in enumerate(attempts) if ci in cis] for ci in range(len(problem.chains))}
        _carry(grades, problem, kp, options, goals_of, forms)
    mark_work(grades, problem, kp, attempts, forms, options)
    return grades


def _plain(s: StepResult, rubric: Rubric, chain: Chain, k: int) -> str:
    """The checker's verdict as a grade; `at-point no` refuses exactly the steps the checker warns
    about (W310), never a step that works a side out to a number at the given point."""
    if s.compared_with == "last-accepted":
        return "jumped"  # follows from an earlier line, not from the one before it
    if s.verdict in ACCEPTED:
        if not rubric.at_point and holds_only_at_point(s, chain.members[k - 1].expr, chain.members[k].expr, chain.context):
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


# ------------------------------------------------------------------ what a claim or lemma is about


def _defined_by_derivative(c: Claim) -> bool:
    """Does the claim's subject stand for a derivative (its definition, or the definition in force of its name)?"""
    if _contains(c.subject, DERIVATIVES):
        return True
    d = next((d for d in reversed(c.context.definitions) if d.target == c.name and d.params is None), None)
    return d is not None and _contains(d.body, DERIVATIVES)


def _is_given(subject: n.Expr, ctx: Context, kp: KeyProblem, forms: FormCache) -> bool:
    """Is the subject a quantity the key gives, under its own name or another (`let t = a`,
    `1 \\cdot a`)? Freezing it would change a given value. (A node computed from given values, like
    `u_0 + b_0`, is not: a slip in it is what error carried forward is for.)"""
    f = forms.of(ctx)
    s = f.form(subject)
    return s is not None and any(kp.gives(nm) and f.form(nm) == s for nm in unfolded_names(subject, ctx, False))


def _subterms(e: n.Expr) -> list[n.Expr]:
    """The parts of a subject worth comparing with a goal's left side (not numbers)."""
    return [x for x in n.subtrees(e) if not isinstance(x, (n.Num, n.Condition))]


class _About:
    """Is a subject (a claim's, a lemma's left side) the left side of a goal or does it contain it?
    Answered by forms where they settle it, else by sandboxed comparisons run in one batch."""

    def __init__(self, problem: Problem, forms: FormCache, options: Options):
        self.problem, self.forms, self.options = problem, forms, options
        self.answers: dict[tuple[int, int], bool] = {}
        self.pending: list[tuple[tuple[int, int], _Job]] = []
        self.asked: set[tuple[int, int]] = set()

    def ask(self, subject: n.Expr, ctx: Context, gi: int) -> None:
        key = (id(subject), gi)
        if key in self.asked:
            return
        self.asked.add(key)
        goal = self.problem.goals[gi]
        f = self.forms.of(ctx)
        s, g = f.form(subject), f.form(goal.lhs)
        if s is not None and g is not None and (s == g or s.has(g)):
            self.answers[key] = True
            return
        idx = goal.context.index_names
        wanted = derivatives_in(goal.lhs, idx)
        if wanted and not wanted & derivatives_in(subject, idx):
            self.answers[key] = False  # a quantity without that derivative in it is not the derivative
            return
        for part in _subterms(subject):
            self.pending.append((key, same_quantity_job(ctx, part, goal.lhs, self.options)))

    def run(self) -> None:
        for (key, _), yes in zip(self.pending, holds(decide([j for _, j in self.pending], self.options))):
            self.answers[key] = self.answers.get(key, False) or yes
        self.pending = []

    def about(self, subject: n.Expr, gis: list[int]) -> bool:
        return any(self.answers.get((id(subject), gi), False) for gi in gis)


# ------------------------------------------------------------------ carrying


def _carry(grades, problem: Problem, kp: KeyProblem, options: Options, goals_of: dict[int, list[int]],
           forms: FormCache) -> None:
    chains = problem.chains
    sound = {ci: all(g.grade == "accepted" for (c, _), g in grades.items() if c == ci) for ci in range(len(chains))}
    claims_before: list[dict[str, Claim]] = []
    claims: dict[str, Claim] = {}
    lemmas: dict[str, Lemma] = {}
    lemmas_before: list[dict[str, Lemma]] = []
    for ci, chain in enumerate(chains):
        claims_before.append(dict(claims))
        lemmas_before.append(dict(lemmas))
        if is_key_line(chain.members[0].span.line) or sound[ci] or len(chain.members) < 2:
            continue
        name = _claim_name(chain)
        last = chain.members[-1].expr
        if name is not None and is_value(last, chain.context) and not _has_index_letters(name, chain) and not kp.gives(name):
            c = Claim(name, chain.members[0].expr, last, chain.members[0].span.line, chain.context)
            if not _defined_by_derivative(c) and not _is_given(c.subject, c.context, kp, forms):
                claims[name.display] = c
        if chain.lemma and not chain.context.case:
            lhs = chain.members[0].expr
            if not any(kp.gives(nm) for nm in unfolded_names(lhs, chain.context, outside_derivatives=True)):
                lemmas[chain.lemma] = Lemma(lhs, last, chain.members[0].span.line, chain.context)
    # which claims and lemmas a refuted step would use, and whether they are about its chain's goals
    about = _About(problem, forms, options)
    uses: list[tuple[StepGrade, Lemma | None, list[Claim]]] = []
    for (ci, k), g in sorted(grades.items()):
        if g.grade != "refuted" or g.step.compared_with != "previous":
            continue
        chain = chains[ci]
        just = chain.justifications[k]
        lemma = lemmas_before[ci].get(just.text) if just is not None and just.kind == "by" else None
        a, b = chain.members[k - 1].expr, chain.members[k].expr
        in_force = list(claims_before[ci].values()) if not any(_contains(x, DERIVATIVES) for x in (a, b)) else []
        if lemma is None and not in_force:
            continue
        for gi in goals_of.get(ci, []):
            for subject, ctx in ([(lemma.lhs, lemma.context)] if lemma else []) + [(c.subject, c.context) for c in in_force]:
                about.ask(subject, ctx, gi)
        uses.append((g, lemma, in_force))
    about.run()
    jobs, owners = [], []
    for g, lemma, in_force in uses:
        ci, k = g.chain, g.k
        chain = chains[ci]
        gis = goals_of.get(ci, [])
        a, b = chain.members[k - 1].expr, chain.members[k].expr
        just = chain.justifications[k]
        a2 = _replace(a, lemma.lhs, lemma.rhs) if lemma is not None and not about.about(lemma.lhs, gis) else a
        if a2 != a:
            jobs.append(_Job("step", chain, k, k - 1, chain.context, a2, b, chain.rels[k - 1], options.seed))
            owners.append((g, f"follows from your lemma `{just.text}` (line {lemma.line})"))
            continue
        usable = [c for c in in_force if not about.about(c.subject, gis)]
        if not usable:
            continue
        frozen = tuple(Definition(c.name, c.value, None, c.name.span) for c in usable)
        ctx = replace(chain.context, definitions=chain.context.definitions + frozen)
        jobs.append(_Job("step", chain, k, k - 1, ctx, a, b, chain.rels[k - 1], options.seed))
        used = ", ".join(f"{c.name.display} = {_show(c.value)} (line {c.line})" for c in usable)
        owners.append((g, f"consistent with your earlier values: {used}"))
    for (g, note), yes in zip(owners, holds(decide(jobs, options))):
        if yes:
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
