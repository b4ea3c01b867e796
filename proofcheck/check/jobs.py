"""Jobs: one comparison each, run in the sandbox; seeds, outcomes, warm-up."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .. import nodes as n
from ..diagnostics import ProofError
from ..elaborate import Chain, Context
from ..options import Options
from ..results import Evidence, StepResult
from ..translate import FUNCTION_WORDS, NETWORK_FUNCTIONS
from ..vocabulary import CONSTANTS
from .approx import decide_approx
from .assumptions import Unusable
from .compare import numeric_evidence
from .decide import Decision, decide, default_guarantee
from .instances import _names, free_indices


@dataclass
class _Job:
    """One comparison to run in the sandbox; everything it needs is reachable through the fork."""

    kind: str  # step | refinement | goal
    chain: Chain | None
    index: int  # member index of the right side
    left: int  # member index of the left side (may differ after a refuted step)
    context: Context
    a: n.Expr
    b: n.Expr
    rel: str
    seed: int
    name: str = ""
    ad: str | None = None  # autodiff cross-check backend (Options.ad) for step jobs; None: no cross-check

    def __call__(self) -> Decision:
        try:
            free = free_indices([self.a, self.b] + list(self.context.case), self.context)
            if self.rel == "≈":
                return decide_approx(self.context, self.a, self.b, free, self.seed, ad=self.ad)
            return decide(self.context, self.a, self.b, free, self.seed, at_point=bool(self.context.point), ad=self.ad)
        except ProofError as exc:
            return Decision("unknown", "none", reason=exc.diagnostic.message, diagnostics=[exc.diagnostic])
        except _Unusable_types as exc:
            return Decision("unknown", "none", reason=str(exc))


_Unusable_types = (Unusable,)


def _seed(options: Options, problem: str, *parts) -> int:
    h = hashlib.sha256(f"{options.seed}|{problem}|{'|'.join(map(str, parts))}".encode()).digest()
    return int.from_bytes(h[:4], "big")


def _outcome_decision(outcome) -> Decision:
    if outcome.status == "ok":
        return outcome.value
    if outcome.status == "timeout":
        return Decision("unknown", "none", reason=f"time budget exceeded ({outcome.detail})")
    if outcome.status == "memory":
        return Decision("unknown", "none", reason=f"memory budget exceeded ({outcome.detail})")
    return Decision("unknown", "none", reason=f"the checker failed on this step ({outcome.detail})")


def _has_symbols(e: n.Expr, ctx: Context) -> bool:
    """Does a member mention a variable (not just function names, constants such as `e` and numbers)?"""
    defined = {d.target.base for d in ctx.definitions}
    plain = [nm for nm in _names(e) if not (nm.sub is None and (nm.base in FUNCTION_WORDS or nm.base in NETWORK_FUNCTIONS
                                                               or (nm.base in CONSTANTS and nm.base not in defined)))]
    return bool(plain) or _contains(e, n.Deriv)


def holds_only_at_point(step: StepResult, left: n.Expr, right: n.Expr, ctx: Context) -> bool:
    """W310: an accepted step with variables on both sides that holds at the given point but not in
    general (`x^2 = 2 x` at x = 2). A step that works a side out to a number holds only at the point by
    its nature and is not one."""
    return step.holds_in_general is False and _has_symbols(left, ctx) and _has_symbols(right, ctx)


def _contains(e, cls) -> bool:
    return isinstance(e, cls) or any(_contains(x, cls) for x in n.children(e))


def _step_result(job: _Job, d: Decision, seconds: float) -> StepResult:
    member = job.chain.members[job.index] if job.chain is not None else None
    span = member.span if member is not None else job.b.span
    left_span = job.chain.members[job.left].span if job.chain is not None else job.a.span
    ev = Evidence(d.method, job.seed, d.points, d.instances, d.reason, default_guarantee(d), d.sizes,
                  **numeric_evidence(d.instances))
    return StepResult(
        line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column,
        verdict=d.verdict, method=d.method, evidence=ev, rel=job.rel, kind=job.kind,
        lhs_line=left_span.line, lhs_column=left_span.column,
        holds_in_general=d.holds_in_general if job.context.point else None,
        counterexample=d.counterexample, message=d.reason,
        justification=(job.chain.justifications[job.index].text if job.chain and job.chain.justifications[job.index] else None),
        lemma=job.chain.lemma if job.chain else None, seconds=round(seconds, 4), autodiff=d.autodiff,
    )


_WARM_TEXT = r"""index i, k in 1..N
let o_i = \frac{\exp(h_i)}{\sum_k \exp(h_k)}
let z = \mathrm{ReLU}(w x + b)
\frac{\partial o_i}{\partial h_i} = o_i (1 - o_i)
\frac{\partial z}{\partial w} = (w x + b > 0) x + \log(1 + x^2) - \log(1 + x^2)
"""


_warm = False


def warm_up(options: Options) -> None:
    """Do one small check in this process before forking workers.

    Workers are forked from this process, so whatever SymPy caches and lazily imports here they
    inherit instead of rebuilding each time: measured on T4, step time summed over workers fell from
    1.9 s to 0.8 s. Results do not depend on it (caches only memoise pure functions).
    """
    global _warm
    if _warm:
        return
    _warm = True
    from ..elaborate import elaborate
    from ..parse import parse_source
    from ..source import split_lines

    try:
        statements, _ = parse_source(split_lines("<warm-up>", _WARM_TEXT))
        problem = elaborate(statements)[0][0]
        for chain in problem.chains:
            if len(chain.members) > 1:
                _Job("step", chain, 1, 0, chain.context, chain.members[0].expr, chain.members[1].expr, "=", 1,
                     ad=options.ad)()
    except Exception:  # a failed warm-up only costs speed
        pass
