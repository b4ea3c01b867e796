"""Checking one problem: refinements, every step (with recovery after a failed one), lemmas, goals.

Order matters for soundness. Refinements come first: a `let` that disagrees with the definition it
restates (E203) is taken out of every context below it, so it is never in force. Then the steps of
every chain, in rounds (`chains.plan` says which comparison each round still needs). Goals last,
from the chains' facts (`goals.GoalJudge`).
"""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostic
from ..elaborate import Chain, Context, Problem, Refinement, refinements_of, restated
from ..options import Options
from ..results import ACCEPTED, ChainResult, ProblemResult, StepResult
from .chains import ChainPlan, plan
from .counterexample import _cx_text
from .decide import Decision
from .goals import ChainFacts, GoalJudge, narrowing, without
from .jobs import Timing, _Job, _step_result, cross_check_networks, decide_jobs, holds_only_at_point


def _runner(options: Options):
    """Decide jobs (from the decision cache, else in the sandbox under the step budget): (decision, timing) per job, in order."""
    def run(jobs: list[_Job]) -> list[tuple[Decision, Timing]]:
        if not jobs:
            return []
        return decide_jobs(jobs, options)
    return run


def check_problem(problem: Problem, options: Options) -> tuple[ProblemResult, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    result = ProblemResult(problem.name, problem.title, problem.span.line)
    from ..network import problem_diagnostics  # noqa: PLC0415
    diags.extend(cross_check_networks(problem, options))  # in the sandbox, under the budget, before the steps
    diags.extend(problem_diagnostics(problem, options.ad))
    run = _runner(options)
    seed = options.seed  # each job derives its own seed from this and its content (jobs._Job.step_seed)

    rejected, accepted, ref_diags = _refinements(problem, seed, run)
    diags.extend(ref_diags)
    chains = [replace(c, context=without(c.context, rejected)) for c in problem.chains]
    plans, decided = _steps(chains, options, run, diags)

    facts: list[ChainFacts] = []
    for ci, chain in enumerate(chains):
        p = plans[ci]
        failed_line = None
        for a in p.anchors:
            job, dec, secs = decided[(ci, a.k, a.left)]
            if a.carries_mistake and not dec.reason:
                dec = replace(dec, reason="follows from the line before it, which does not hold, so the mistake carries on")
            step = _step_result(job, dec, secs)
            step.compared_with = a.against
            step.chain = ci
            diags.extend(_step_diagnostics(chain, a.k, step, job, dec.diagnostics))
            result.steps.append(step)
            primary = decided[(ci, a.k, a.k - 1)][1]
            if failed_line is None and primary.verdict not in ACCEPTED:
                failed_line = chain.members[a.k].span.line
        original = problem.chains[ci]
        in_force = original.let_target is None or id(original.context.definitions[-1]) not in rejected
        facts.append(ChainFacts(ci, chain, p.sound, failed_line, in_force))

    diags.extend(_justification_diagnostics(facts))
    judge = GoalJudge(problem, facts, accepted, rejected, seed, lambda jobs: [d for d, _ in run(jobs)])
    result.goals, goal_diags = judge.judge()
    diags.extend(goal_diags)
    goals_in_force = [replace(g, context=without(g.context, rejected)) for g in problem.goals]
    for f in facts:
        first, last = f.chain.members[0].span.line, f.chain.members[-1].span.line
        narrowed = [] if len(f.chain.members) < 2 else sorted(
            {x for g in goals_in_force for x in narrowing(g, f.chain.context, accepted)})
        result.chains.append(ChainResult(f.id, first, last, f.chain.lemma,
                                         f.chain.let_target.display if f.chain.let_target is not None else None,
                                         f.sound, narrowed))
    result.errors = sum(1 for d in diags if d.severity == "error")
    return result, diags


# ------------------------------------------------------------------ refinements


def _refinements(problem: Problem, seed: int, run) -> tuple[frozenset[int], dict[int, Context], list[Diagnostic]]:
    """Check every `let` that restates a definition, in file order, so that each is compared with
    what is really in force above it: (ids of rejected definitions, accepted ones by id with the
    context they were checked in, E203s).

    All refinements are decided at once; after a rejection, the ones below it are decided again
    without the rejected definition: a later `let` is compared with the definitions in force (those
    before it that were not rejected), never with a rejected one it happens to agree with."""
    by_new: dict[int, list[Refinement]] = {}
    for r in problem.refinements:
        by_new.setdefault(id(r.new), []).append(r)
    order = sorted(by_new.values(), key=lambda rs: (rs[0].new.span.line, rs[0].new.span.column))
    rejected: set[int] = set()
    final: dict[int, list[tuple[Refinement, _Job, Decision]]] = {}
    start = 0
    while start < len(order):
        batch = [(rs, [(r, _refinement_job(r, seed)) for r in _restatements(rs, frozenset(rejected))])
                 for rs in order[start:]]
        decisions = iter(run([job for _, checks in batch for _, job in checks]))
        restart = None
        for i, (rs, checks) in enumerate(batch):
            results = [(r, job, next(decisions)[0]) for r, job in checks]
            final[id(rs[0].new)] = results
            if restart is None and any(_rejects(job, dec) for _, job, dec in results):
                rejected.add(id(rs[0].new))
                restart = start + i + 1
        start = len(order) if restart is None else restart
    diags: list[Diagnostic] = []
    accepted: dict[int, Context] = {}
    for rs in order:
        results = final[id(rs[0].new)]
        for _, job, dec in results:
            diags.extend(dec.diagnostics)
            msg = _rejection(job, dec)
            if msg is not None:
                diags.append(msg)
        if results and id(rs[0].new) not in rejected:
            accepted[id(rs[0].new)] = results[0][0].context
    return frozenset(rejected), accepted, diags


def _restatements(rs: list[Refinement], rejected: frozenset[int]) -> list[Refinement]:
    """The checks a restating `let` needs against the definitions in force above it: the ones
    elaborate found, or, when one of those was rejected, the ones found again without it."""
    if not any(id(r.old) in rejected for r in rs):
        return [replace(r, context=without(r.context, rejected)) for r in rs]
    new = rs[0].new
    ctx = without(rs[0].context, rejected)
    before = tuple(d for d in ctx.definitions if d is not new)
    old, overlapping = restated(new, before, ctx)
    return refinements_of(new, old, overlapping, ctx)


def _refinement_job(r: Refinement, seed: int) -> _Job:
    return _Job("refinement", None, 0, 0, r.context, r.old.body, r.new.body, "=", seed, r.name.display)


def _rejects(job: _Job, dec: Decision) -> bool:
    return _rejection(job, dec) is not None


def _rejection(job: _Job, dec: Decision) -> Diagnostic | None:
    """The E203 for a refinement that does not agree in general with the definition it restates."""
    if dec.verdict == "refuted":
        cx = dec.counterexample or {}
        return Diagnostic.make("E203", f"this `let` disagrees with the earlier definition of `{job.name}`",
                               job.b.span, [f"at {_cx_text(cx)}: earlier {cx.get('lhs')}, now {cx.get('rhs')}",
                                            "the earlier definition stays in force below this line"])
    if dec.verdict not in ACCEPTED:
        return Diagnostic.make("E203", f"could not confirm that this `let` agrees with the earlier definition: {dec.reason}",
                               job.b.span, ["the earlier definition stays in force below this line"])
    if job.context.point and dec.holds_in_general is not True:
        # equal at the given point only (or not known in general): as the finer graph it would
        # change every derivative through `job.name`, so it must not replace the definition
        return Diagnostic.make(
            "E203", f"this `let` agrees with the earlier definition of `{job.name}` only at the given point, "
            "so it would change the graph", job.b.span,
            ["the earlier definition stays in force below this line",
             f"hint: to work out the value, write a chain without `let`: `{job.name} = ... = value`"])
    return None


# ------------------------------------------------------------------ steps


def _steps(chains: list[Chain], options: Options, run, diags: list[Diagnostic]):
    """Decide every step, in rounds: first every adjacent pair, then the recovery comparisons that
    `chains.plan` asks for after a failed step. -> (plan per chain, decided comparisons)."""
    decided: dict[tuple[int, int, int], tuple[_Job, Decision, Timing]] = {}

    def job(ci: int, k: int, left: int) -> _Job:
        c = chains[ci]
        reference = c.members[_approx_left(c, k, left)].expr  # `\approx`: always the exact value
        return _Job("step", c, k, left, c.context, reference, c.members[k].expr, c.rels[k - 1],
                    options.seed, ad=options.ad)

    todo = [job(ci, k, k - 1) for ci, c in enumerate(chains) for k in range(1, len(c.members))]
    plans: dict[int, ChainPlan] = {}
    while True:
        for j, (dec, secs) in zip(todo, run(todo)):
            ci = next(i for i, c in enumerate(chains) if c is j.chain)
            decided[(ci, j.index, j.left)] = (j, dec, secs)
            diags.extend(dec.diagnostics)  # a checker fault found while recovering is still a fault
        todo = []
        for ci, c in enumerate(chains):
            if ci in plans:
                continue
            p = plan(len(c.members), lambda k, left, ci=ci: decided[(ci, k, left)][1].verdict if (ci, k, left) in decided else None)
            if isinstance(p, ChainPlan):
                plans[ci] = p
            else:
                todo.append(job(ci, *p))
        if not todo:
            return plans, decided


def _approx_left(chain: Chain, k: int, left: int) -> int:
    """The member a step into k is compared with: `left`, except that an `\\approx` step is always
    compared with the last member before the chain's first `\\approx` (the exact value), never with
    a rounded one."""
    if chain.rels[k - 1] != "≈":
        return left
    return chain.rels.index("≈")


def _step_diagnostics(chain: Chain, k: int, step: StepResult, job: _Job, found: list = ()) -> list[Diagnostic]:
    """The step's own finding. `found` are the located errors its decision raised (E2xx, reported where
    they point): an unknown step whose reason is one of them points to it instead of repeating it."""
    member = chain.members[k]
    if step.verdict == "refuted":
        cx = step.counterexample or {}
        notes = []
        if job.left != k - 1:
            notes.append(f"compared with line {step.lhs_line}, the last accepted line, as well as with the line before")
        where = "at the given point" if step.method == "exact-at-point" else "counterexample"
        notes.append(f"{where}: {_cx_text(cx)}")
        notes.append(f"left side = {cx.get('lhs')}, right side = {cx.get('rhs')}")
        if cx.get("difference") and cx.get("lhs") == cx.get("rhs"):
            notes.append(f"they differ by {cx['difference']} (shown by {cx.get('arithmetic', 'exact')} arithmetic)")
        if cx.get("undefined"):
            notes.append(f"undefined: {cx['undefined']}")
        for kink in cx.get("kinks") or []:
            notes.append(f"kink: {kink}")
        if "undefined" in (cx.get("lhs"), cx.get("rhs")):
            notes.append("one side is undefined where the other is defined; if the inputs are restricted "
                         "(positive, nonzero), say so with `assume`, e.g. `assume x > 0`")
        from ..network import breakdown_notes  # noqa: PLC0415
        notes.extend(breakdown_notes(job.context, (job.a, job.b)))
        if step.rel == "≈":
            msg = "this rounded value is off: the exact value does not round to it"
        elif step.method == "exact-at-point":
            msg = "this step is false at the given point"
        else:
            msg = "this step does not follow: the two sides differ"
        return [Diagnostic.make("E300", msg, member.span, notes)]
    if step.verdict == "unknown":
        same = next((d for d in found if d.message == step.message), None)
        if same is not None:
            why = f"see error[{same.code}] at {same.span.line}:{same.span.column}"
        else:
            why = step.message or "no method applied"
        return [Diagnostic.make("E301", f"could not decide this step: {why}", member.span)]
    out = []
    if holds_only_at_point(step, chain.members[job.left].expr, member.expr, job.context):
        out.append(Diagnostic.make("W310", "this step holds at the given point, but not in general", member.span))
    return out


def _justification_diagnostics(facts: list[ChainFacts]) -> list[Diagnostic]:
    """`by NAME` must name a lemma of this problem; naming one whose chain failed is a warning."""
    lemma_ok = {f.chain.lemma: f.sound for f in facts if f.chain.lemma}
    out = []
    for f in facts:
        for j in f.chain.justifications:
            if j is None or j.kind != "by":
                continue
            if j.text not in lemma_ok:
                known = ", ".join(sorted(lemma_ok)) or "none"
                out.append(Diagnostic.make("E208", f"`by {j.text}` names no lemma of this problem (lemmas: {known})", j.span))
            elif not lemma_ok[j.text]:
                out.append(Diagnostic.make("W312", f"lemma `{j.text}` did not check, so it does not support this step", j.span))
    return out
