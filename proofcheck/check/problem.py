"""Checking one problem: every step, recovery after a refuted step, lemmas, then the goals."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..elaborate import Chain, Problem
from ..options import Options
from ..results import ACCEPTED, ProblemResult, StepResult
from ..sandbox import run_jobs
from .counterexample import _cx_text
from .decide import Decision
from .goals import _goals
from .jobs import _has_symbols, _Job, _outcome_decision, _seed, _step_result, warm_up


def check_problem(problem: Problem, options: Options) -> tuple[ProblemResult, list[Diagnostic]]:
    warm_up(options)
    diags: list[Diagnostic] = []
    result = ProblemResult(problem.name, problem.title, problem.span.line)
    from ..network import problem_diagnostics  # noqa: PLC0415  (cross-checks networks once, before forking)
    diags.extend(problem_diagnostics(problem, options.ad))

    # first pass: refinements and every adjacent pair
    jobs: list[_Job] = []
    for r in problem.refinements:
        jobs.append(_Job("refinement", None, 0, 0, r.context, r.old.body, r.new.body, "=",
                         _seed(options, problem.name, "ref", r.new.span.line), r.name.display))
    for ci, chain in enumerate(problem.chains):
        for k in range(1, len(chain.members)):
            left = chain.members[_approx_left(chain, k)].expr  # `\approx` compares with the exact value
            jobs.append(_Job("step", chain, k, k - 1, chain.context, left, chain.members[k].expr,
                             chain.rels[k - 1], _seed(options, problem.name, ci, k, k - 1), ad=options.ad))
    outcomes = run_jobs(jobs, options.timeout, options.memory_mb, options.workers)
    decided: dict[tuple[int, int, int], tuple[_Job, Decision, float]] = {}
    for job, out in zip(jobs, outcomes):
        dec = _outcome_decision(out)
        diags.extend(dec.diagnostics)
        if job.kind == "refinement":
            if dec.verdict == "refuted":
                cx = dec.counterexample or {}
                diags.append(Diagnostic.make("E203", f"this `let` disagrees with the earlier definition of `{job.name}`",
                                             job.b.span, [f"at {_cx_text(cx)}: earlier {cx.get('lhs')}, now {cx.get('rhs')}"]))
            elif dec.verdict == "unknown":
                diags.append(Diagnostic.make("E203", f"could not confirm that this `let` agrees with the earlier definition: {dec.reason}", job.b.span))
            elif job.context.point and dec.holds_in_general is not True:
                # equal at the given point only (or not known in general): as the finer graph it would
                # change every derivative through `job.name`, so it must not replace the definition silently
                diags.append(Diagnostic.make(
                    "E203", f"this `let` agrees with the earlier definition of `{job.name}` only at the given point, "
                    "so it would change the graph", job.b.span,
                    [f"below this line every derivative through `{job.name}` follows this definition",
                     f"hint: to work out the value, write a chain without `let`: `{job.name} = ... = value`"]))
            continue
        decided[(id(job.chain), job.index, job.left)] = (job, dec, out.seconds)

    # second pass: after a refuted step, compare the next member with the last accepted one
    recovery: list[_Job] = []
    for ci, chain in enumerate(problem.chains):
        last_ok = 0
        for k in range(1, len(chain.members)):
            job, dec, _ = decided[(id(chain), k, k - 1)]
            prev_refuted = k >= 2 and decided[(id(chain), k - 1, k - 2)][1].verdict == "refuted"
            if prev_refuted and last_ok != k - 1 and chain.rels[k - 1] != "≈":  # `\approx`: always the exact value
                recovery.append(_Job("step", chain, k, last_ok, chain.context, chain.members[last_ok].expr,
                                     chain.members[k].expr, chain.rels[k - 1], _seed(options, problem.name, ci, k, last_ok),
                                     ad=options.ad))
            if dec.verdict in ACCEPTED:
                last_ok = k
    if recovery:
        for job, out in zip(recovery, run_jobs(recovery, options.timeout, options.memory_mb, options.workers)):
            dec = _outcome_decision(out)
            diags.extend(dec.diagnostics)  # a checker fault found while recovering is still a fault
            decided[(id(job.chain), job.index, job.left)] = (job, dec, out.seconds)

    # assemble per chain, with the anchor (the last member known equal to the chain's start)
    chain_ends: list[tuple[Chain, bool, StepResult | None]] = []
    for ci, chain in enumerate(problem.chains):
        anchor_ok = True
        last_ok = 0
        prev_verdict = None
        last_step = None
        for k in range(1, len(chain.members)):
            job, dec, secs = decided[(id(chain), k, k - 1)]
            chosen_job, chosen, chosen_secs, against = job, dec, secs, "previous"
            if prev_verdict == "refuted" and last_ok != k - 1 and chain.rels[k - 1] != "≈":
                rjob, rdec, rsecs = decided[(id(chain), k, last_ok)]
                if rdec.verdict in ACCEPTED:
                    chosen_job, chosen, chosen_secs, against = rjob, rdec, rsecs, "last-accepted"
                    anchor_ok = True
                elif dec.verdict in ACCEPTED:
                    anchor_ok = False  # consistent with the wrong line: the mistake carries on
                    chosen.reason = chosen.reason or "follows from the refuted line before it, so the mistake carries on"
            elif dec.verdict == "refuted":
                anchor_ok = False
            elif dec.verdict not in ACCEPTED:
                anchor_ok = False
            step = _step_result(chosen_job, chosen, chosen_secs)
            step.compared_with = against
            diags.extend(_step_diagnostics(chain, k, step, chosen_job))
            result.steps.append(step)
            if chosen.verdict in ACCEPTED:
                last_ok = k
            prev_verdict = chosen.verdict if against == "previous" else dec.verdict
            if against == "last-accepted":
                prev_verdict = "proved"
            last_step = step
        chain_ends.append((chain, anchor_ok and (last_step is None or last_step.accepted), last_step))

    diags.extend(_justification_diagnostics(problem, chain_ends))
    result.goals = _goals(problem, chain_ends, options, diags)
    result.errors = sum(1 for d in diags if d.severity == "error")
    return result, diags


def _approx_left(chain: Chain, k: int) -> int:
    """The member an `\\approx` step at k is compared with: the last one before the chain's first
    `\\approx` (rounded values after it are never the reference); k - 1 for every other step."""
    if chain.rels[k - 1] != "≈":
        return k - 1
    return chain.rels.index("≈")


def _step_diagnostics(chain: Chain, k: int, step: StepResult, job: _Job) -> list[Diagnostic]:
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
        return [Diagnostic.make("E301", f"could not decide this step: {step.message or 'no method applied'}", member.span)]
    out = []
    if step.holds_in_general is False and _has_symbols(chain.members[job.left].expr) and _has_symbols(member.expr):
        out.append(Diagnostic.make("W310", "this step holds at the given point, but not in general", member.span))
    return out


def _justification_diagnostics(problem: Problem, chain_ends) -> list[Diagnostic]:
    """`by NAME` must name a lemma of this problem; naming one whose chain failed is a warning."""
    lemma_ok = {}
    for chain, ok, _ in chain_ends:
        if chain.lemma:
            lemma_ok[chain.lemma] = ok
    out = []
    for chain, _, _ in chain_ends:
        for j in chain.justifications:
            if j is None or j.kind != "by":
                continue
            if j.text not in lemma_ok:
                known = ", ".join(sorted(lemma_ok)) or "none"
                out.append(Diagnostic.make("E208", f"`by {j.text}` names no lemma of this problem (lemmas: {known})", j.span))
            elif not lemma_ok[j.text]:
                out.append(Diagnostic.make("W312", f"lemma `{j.text}` did not check, so it does not support this step", j.span))
    return out
