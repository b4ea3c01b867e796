"""Jobs: one comparison each, decided from the cache or in the sandbox; seeds, outcomes.

`decide_jobs` is the one way comparisons get decided: a job's seed and cache key come from its
content (the two members and the Context, positions left out), so the same step gets the same
sample points and shares a cache entry wherever it stands; the jobs the cache does not answer run
in the sandbox under the CPU budget, and their decisions are stored when they are a function of
the key.

The parent does no warm-up check before forking the workers: with as many workers as cores, what a
worker primes on its first job (SymPy's lazy imports such as sympy.tensor.tensor, which the first
`Add` loads, and its caches) costs each worker about what one warm-up costs the parent, but in
parallel instead of before every worker starts (measured on proofs/T4.proof: 0.83 s wall with a
warm-up, 0.80 s without, the same CPU time; the same wall time over proofs/, examples/ and bench/proofs/).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, is_dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .. import nodes as n
from ..cache import Cache, digest, open_cache, plain
from ..diagnostics import Diagnostic, ProofError
from ..elaborate import Chain, Context, Network, Problem
from ..options import Options
from ..results import VERDICTS, Evidence, StepResult
from ..sandbox import run_jobs
from ..translate import FUNCTION_WORDS, NETWORK_FUNCTIONS, power_node_mix
from ..vocabulary import CONSTANTS
from .approx import decide_approx
from .assumptions import Unusable
from .compare import numeric_evidence
from .decide import Decision, decide, default_guarantee
from .instances import free_indices

if TYPE_CHECKING:
    from ..sandbox import Outcome

SEED_BITS = 32
# the options besides the seed that can change a decision (the timeout cannot: only finished decisions are stored)
_KEY_OPTIONS = ("memory_mb",)


@dataclass
class _Job:
    """One comparison to run in the sandbox; everything it needs is reachable through the fork.

    `seed` is the run's seed (`Options.seed`); the job draws from `step_seed`, derived from it and
    from the job's content.
    """

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

    @cached_property
    def content(self) -> str | None:
        """A hash of what the decision depends on besides the options (None: not expressible as a key)."""
        try:
            return digest(self.rel, plain(self.a), plain(self.b), _context_digest(self.context), self.ad)
        except (TypeError, RecursionError):
            return None

    @cached_property
    def step_seed(self) -> int:
        """The seed the job's sampling draws from: the run's seed and the comparison as written, not the
        context. A context's digest changes whenever the checker's own readings of a problem gain a field,
        and a seed that moved with it moved every sample point of every file (a true claim at the edge of a
        probe budget flipped to unknown on a change that had nothing to do with it). The decision cache
        still keys on the whole context (`content`)."""
        try:
            own = digest(self.rel, plain(self.a), plain(self.b), self.ad)
        except (TypeError, RecursionError):
            own = None
        text = f"{self.seed}|{own or (self.kind, self.index, self.left)}"
        return int.from_bytes(hashlib.sha256(text.encode()).digest()[: SEED_BITS // 8], "big")

    def work(self) -> _Comparison:
        """What a worker runs: the comparison alone, with the network faults this process knows of."""
        from ..network import known_faults  # noqa: PLC0415

        faults = known_faults(self.context.networks) if self.context.networks else ()
        return _Comparison(self.context, self.a, self.b, self.rel, self.step_seed, self.ad, faults)

    def __call__(self) -> Decision:
        return self.work()()


@dataclass(frozen=True)
class _Comparison:
    """One comparison as sent to a worker (pickled when the worker outlives the jobs it was forked with).

    `faults` are the networks whose cross-check disagreed: `network_call` refuses them, so the decision
    depends on them, and a long-lived worker may not have seen them found.
    """

    context: Context
    a: n.Expr
    b: n.Expr
    rel: str
    seed: int
    ad: str | None
    faults: tuple = ()

    def __call__(self) -> Decision:
        if self.faults:
            from ..network import adopt_faults  # noqa: PLC0415

            adopt_faults(self.faults)
        try:
            power_node_mix(self.context, (self.a, self.b))
            free = free_indices([self.a, self.b] + list(self.context.case), self.context)
            if self.rel == "≈":
                return decide_approx(self.context, self.a, self.b, free, self.seed, ad=self.ad)
            return decide(self.context, self.a, self.b, free, self.seed, at_point=bool(self.context.point), ad=self.ad)
        except ProofError as exc:
            return Decision("unknown", "none", reason=exc.diagnostic.message, diagnostics=[exc.diagnostic])
        except _Unusable_types as exc:
            return Decision("unknown", "none", reason=str(exc))


_Unusable_types = (Unusable,)

_CONTEXT_DIGESTS: dict[int, tuple[Context, str]] = {}  # id -> (the context, kept alive; its digest)
_CONTEXT_MEMO_SIZE = 256


def _context_digest(ctx: Context) -> str:
    """The digest of a Context, computed once per Context object (a chain's steps share theirs)."""
    hit = _CONTEXT_DIGESTS.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    if len(_CONTEXT_DIGESTS) >= _CONTEXT_MEMO_SIZE:
        _CONTEXT_DIGESTS.clear()
    value = digest(plain(ctx))
    _CONTEXT_DIGESTS[id(ctx)] = (ctx, value)
    return value


@dataclass(frozen=True)
class Timing:
    """What deciding one job cost in this run."""

    cpu_seconds: float  # CPU time of the worker (0 when the decision came from the cache)
    cached: bool = False


def decide_jobs(jobs: list[_Job], options: Options) -> list[tuple[Decision, Timing]]:
    """Each job's decision, in order: from the cache where it has one, else from the sandbox."""
    cache = open_cache(options.cache_dir)
    keys = [_cache_key(job, options) if cache is not None else None for job in jobs]
    out: list[tuple[Decision, Timing] | None] = [None] * len(jobs)
    for i, key in enumerate(keys):
        if key is not None and cache is not None:
            d = _cached_decision(cache, jobs[i], key, options)
            if d is not None:
                out[i] = (d, Timing(0.0, cached=True))
    # the jobs with a derivative first, in the file's order, the cheap ones after them, so that a long job
    # rarely starts last while the other worker idles (results stay keyed by job). Not largest first by an
    # estimate: a long job run before the related ones finds SymPy's caches in its worker cold
    # (proofs/M2_mlp_backprop.proof: the idle end 0.16 s -> 0.01 s, but 9% more job CPU, so no faster)
    todo = sorted((i for i, o in enumerate(out) if o is None), key=lambda i: not _has_derivative(jobs[i]))
    if todo:
        outcomes = run_jobs([jobs[i].work() for i in todo], options.timeout, options.memory_mb, options.workers)
        for i, outcome in zip(todo, outcomes):
            d = _outcome_decision(outcome)
            key = keys[i]
            if cache is not None and key is not None and outcome.status == "ok":
                _store(cache, jobs[i], key, d, outcome.cpu_seconds)
            out[i] = (d, Timing(outcome.cpu_seconds))
    return [o for o in out if o is not None]


def _has_derivative(job: _Job) -> bool:
    """Does the job differentiate (proofs/M2_mlp_backprop.proof: 0.1-0.45 s of CPU each, 0.02-0.15 s without)?"""
    return _contains(job.a, n.Deriv) or _contains(job.b, n.Deriv)


def _cache_key(job: _Job, options: Options) -> str | None:
    """The job's content, the options that can change its decision, and the network faults it will see."""
    if job.content is None:
        return None
    try:
        faults = plain(job.work().faults)
    except (TypeError, RecursionError):
        return None
    return digest("decision", job.content, str(options.seed), [str(getattr(options, k)) for k in _KEY_OPTIONS], faults)


# the fields of a stored Decision and their JSON types; a Decision with other fields is never stored
_DECISION_TYPES: dict[str, tuple[type, ...]] = {
    "verdict": (str,), "method": (str,), "points": (int,), "instances": (list,),
    "counterexample": (dict, type(None)), "holds_in_general": (bool, type(None)), "reason": (str,),
    "diagnostics": (list,), "autodiff": (dict, type(None)), "guarantee": (str,), "sizes": (dict, type(None)),
}


def _storable(job: _Job, d: Decision) -> dict[str, Any] | None:
    """The decision as JSON data without positions, or None when it depends on more than the key.

    A decision with diagnostics is not stored (they point at places in this file). The autodiff
    values at a given point name their derivative by line and column: stored as the derivative's
    path in the job's trees instead, so the entry fits the same step wherever it stands.
    """
    data = {f.name: getattr(d, f.name) for f in fields(d)}
    if set(data) != set(_DECISION_TYPES) or d.diagnostics:
        return None
    values = (d.autodiff or {}).get("values")
    if values:
        starts = _derivative_paths(job)
        moved = []
        for item in values:
            path = starts.get((item.get("line"), item.get("column")))
            if path is None:
                return None  # no derivative starts there, or two do
            moved.append({**{k: v for k, v in item.items() if k not in ("line", "column")}, "at": path})
        data["autodiff"] = {**d.autodiff, "values": moved}
    return data


def _located(job: _Job, data: dict[str, Any]) -> dict[str, Any] | None:
    """`_storable`'s inverse for this job: derivative paths back to lines and columns (None: they do not fit)."""
    values = (data["autodiff"] or {}).get("values")
    if not values:
        return data
    if not isinstance(values, list):
        return None
    placed = []
    for item in values:
        if not isinstance(item, dict) or "line" in item or "column" in item:
            return None
        node = _follow(job, item.get("at"))
        if node is None:
            return None
        rest = {k: v for k, v in item.items() if k != "at"}
        placed.append({"line": node.span.line, "column": node.span.column, **rest})
    return {**data, "autodiff": {**data["autodiff"], "values": placed}}


def _roots(job: _Job) -> dict[str, Any]:
    return {"a": job.a, "b": job.b, "context": job.context}


def _derivative_paths(job: _Job) -> dict[tuple[int, int], list | None]:
    """Where each derivative node of the job's trees starts -> its path (None where two start alike)."""
    out: dict[tuple[int, int], list | None] = {}

    def walk(x: Any, path: list) -> None:
        if isinstance(x, n.Deriv):
            start = (x.span.line, x.span.column)
            out[start] = None if start in out else list(path)
        if isinstance(x, tuple):
            for i, item in enumerate(x):
                walk(item, path + [i])
        elif is_dataclass(x) and not isinstance(x, type):
            for f in fields(x):
                if f.compare:
                    walk(getattr(x, f.name), path + [f.name])

    for name, root in _roots(job).items():
        walk(root, [name])
    return out


def _follow(job: _Job, path: Any) -> n.Deriv | None:
    """The derivative node at a stored path in this job's trees (None unless the path leads to one)."""
    if not (isinstance(path, list) and path and path[0] in ("a", "b", "context")):
        return None
    x: Any = _roots(job)[path[0]]
    for step in path[1:]:
        if type(step) is int and isinstance(x, tuple) and 0 <= step < len(x):
            x = x[step]
        elif type(step) is str and is_dataclass(x) and step in {f.name for f in fields(x) if f.compare}:
            x = getattr(x, step)
        else:
            return None
    return x if isinstance(x, n.Deriv) else None


def _store(cache: Cache, job: _Job, key: str, d: Decision, cpu_seconds: float) -> None:
    data = _storable(job, d)
    if data is not None:
        cache.put(key, {"cpu_seconds": round(cpu_seconds, 6), "decision": data})


def _cached_decision(cache: Cache, job: _Job, key: str, options: Options) -> Decision | None:
    """A stored decision, if valid and reached within this run's budget (else None: decide it again)."""
    entry = cache.get(key)
    if not (isinstance(entry, dict) and set(entry) == {"cpu_seconds", "decision"}):
        return None
    cpu, data = entry["cpu_seconds"], entry["decision"]
    if not (type(cpu) in (int, float) and 0 <= cpu <= options.timeout):
        return None  # a decision that took longer than this run's budget would be unknown here
    if not (isinstance(data, dict) and set(data) == set(_DECISION_TYPES)
            and all(type(data[k]) in types for k, types in _DECISION_TYPES.items())
            and data["verdict"] in VERDICTS and data["diagnostics"] == []):
        return None
    located = _located(job, data)
    return Decision(**located) if located is not None else None


def _outcome_decision(outcome: Outcome) -> Decision:
    if outcome.status == "ok":
        return outcome.value
    if outcome.status == "timeout":
        return Decision("unknown", "none", reason=f"time budget exceeded ({outcome.detail})")
    if outcome.status == "memory":
        return Decision("unknown", "none", reason=f"memory budget exceeded ({outcome.detail})")
    return Decision("unknown", "none", reason=f"the checker failed on this step ({outcome.detail})")


@dataclass(frozen=True)
class _NetworkJob:
    """The autodiff cross-check of one network at one batch size, run in the sandbox like a step."""

    net: Network
    batch: int | None
    backend: str

    def __call__(self) -> list[str] | None:
        from ..network import cross_check  # noqa: PLC0415

        return cross_check(self.net, self.batch, self.backend)


def cross_check_networks(problem: Problem, options: Options) -> list[Diagnostic]:
    """Cross-check the networks a problem can see, each under the step budget; keep the results here.

    Built networks can be large (millions of parameters, a forward and backward pass over a batch), so
    they run in the sandbox like steps, and their results are cached like decisions. A cross-check that
    does not finish is not run (W313), as for a network too large to build.
    """
    from ..network import cross_check_pending, record_cross_check  # noqa: PLC0415

    if options.ad == "off":
        return []
    pending = [_NetworkJob(net, batch, options.ad) for net, batch in cross_check_pending(problem, options.ad)]
    if not pending:
        return []
    cache = open_cache(options.cache_dir)
    keys = [digest("network", plain(j.net), plain(j.batch), j.backend, options.memory_mb) for j in pending]
    todo: list[int] = []
    for i, (job, key) in enumerate(zip(pending, keys)):
        entry = cache.get(key) if cache is not None else None
        if isinstance(entry, dict) and set(entry) == {"cpu_seconds", "result"} and _network_result(entry["result"]) \
                and type(entry["cpu_seconds"]) in (int, float) and entry["cpu_seconds"] <= options.timeout:
            record_cross_check(job.net, job.batch, job.backend, entry["result"])
        else:
            todo.append(i)
    diags: list[Diagnostic] = []
    for i, outcome in zip(todo, run_jobs([pending[i] for i in todo], options.timeout, options.memory_mb, options.workers)):
        job = pending[i]
        if outcome.status == "ok" and _network_result(outcome.value):
            record_cross_check(job.net, job.batch, job.backend, outcome.value)
            if cache is not None:
                cache.put(keys[i], {"cpu_seconds": round(outcome.cpu_seconds, 6), "result": outcome.value})
            continue
        record_cross_check(job.net, job.batch, job.backend, None)
        diags.append(Diagnostic.make(
            "W313", f"the {job.backend} cross-check of network `{job.net.name}` did not finish, so its figures are "
            f"not cross-checked ({_outcome_decision(outcome).reason})", job.net.span))
    return diags


def _network_result(value: Any) -> bool:
    """A cross-check's result as `network.cross_check` returns it: None, or a list of messages."""
    return value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _has_symbols(e: n.Expr, ctx: Context) -> bool:
    """Does a member mention a variable (not just function names, constants such as `e` and numbers)?"""
    defined = {d.target.base for d in ctx.definitions}
    plain_names = [nm for nm in n.names(e) if not (nm.sub is None and (nm.base in FUNCTION_WORDS or nm.base in NETWORK_FUNCTIONS
                                                               or (nm.base in CONSTANTS and nm.base not in defined)))]
    return bool(plain_names) or _contains(e, n.Deriv)


def holds_only_at_point(step: StepResult, left: n.Expr, right: n.Expr, ctx: Context) -> bool:
    """W310: an accepted step with variables on both sides that holds at the given point but not in
    general (`x^2 = 2 x` at x = 2). A step that works a side out to a number holds only at the point by
    its nature and is not one."""
    return step.holds_in_general is False and _has_symbols(left, ctx) and _has_symbols(right, ctx)


def _contains(e, cls) -> bool:
    return isinstance(e, cls) or any(_contains(x, cls) for x in n.children(e))


def _step_result(job: _Job, d: Decision, timing: Timing) -> StepResult:
    member = job.chain.members[job.index] if job.chain is not None else None
    span = member.span if member is not None else job.b.span
    left_span = job.chain.members[job.left].span if job.chain is not None else job.a.span
    ev = Evidence(d.method, job.step_seed, d.points, d.instances, d.reason, default_guarantee(d), d.sizes,
                  **numeric_evidence(d.instances))
    return StepResult(
        line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column,
        verdict=d.verdict, method=d.method, evidence=ev, rel=job.rel, kind=job.kind,
        lhs_line=left_span.line, lhs_column=left_span.column,
        holds_in_general=d.holds_in_general if job.context.point else None,
        counterexample=d.counterexample, message=d.reason,
        justification=(job.chain.justifications[job.index].text if job.chain and job.chain.justifications[job.index] else None),
        lemma=job.chain.lemma if job.chain else None, seconds=round(timing.cpu_seconds, 4), autodiff=d.autodiff,
        cached=timing.cached,
    )
