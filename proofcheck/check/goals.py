"""Goals: which chain meets each `show`/`find`, and why the others do not.

The goal rule (docs/language.md, "Goals"). A chain meets a goal only when
  (a) its context is at least as general as the goal's (`narrowing` is empty): no `case`, no
      assumption or `at` value the goal does not have, the goal's definitions all in force, no new
      definition of a name the goal treats as an input, the same index ranges, convention and
      networks; a `let` that restates a definition counts only when its check passed;
  (b) every step holds against its own predecessor (recovery re-anchors for feedback, never here);
  (c) it starts at the goal's left side and ends at its right side *up to notation*: the same
      expression once derivatives are read as opaque quantities (`\\frac{dL}{dh_i}`, `∂`, bound-index
      letters, `-y_i + o_i` for `o_i - y_i` all match; `\\frac{dy}{dx} = \\frac{dy}{dx}` does not
      meet `show \\frac{dy}{dx} = 3x^2`, because the right side was never written). A `find` chain
      ends in a number. A `let` defines; it never proves a `show`.
Comparisons that the text alone does not settle run as sandboxed jobs, like steps.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace

from .. import nodes as n
from ..diagnostics import Diagnostic
from ..elaborate import Chain, Context, Goal, Problem
from ..results import ACCEPTED, GoalResult
from .counterexample import _cx_text
from .decide import Decision
from .instances import _names
from .jobs import _contains, _Job

# ------------------------------------------------------------------ reading members up to notation


def canonical(e, bound: tuple[str, ...] = ()):
    """A hashable form of a node that ignores what is only notation: spans, `\\mathrm` styling, the
    spelling of products (`a b`, `a * b`, `a \\cdot b`), single brackets, the derivative notation
    (`d`, `∂`, slash) and the letters of bound sum variables (renamed by depth)."""
    if isinstance(e, (tuple, list)):
        return tuple(canonical(x, bound) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.Group) and len(e.items) == 1:
        return canonical(e.items[0], bound)
    if isinstance(e, n.Product):
        return ("Product", canonical(e.factors, bound), tuple("*" if o == "juxt" else o for o in e.ops))
    if isinstance(e, n.Name) and e.sub is None and e.base in bound:
        return ("Bound", len(bound) - 1 - bound[::-1].index(e.base))
    if isinstance(e, n.BigOp) and e.var is not None and e.var.sub is None:
        inner = bound + (e.var.base,)
        return ("BigOp", e.op, canonical(e.lower, bound), canonical(e.upper, bound), canonical(e.body, inner))
    skip = {"span", "styled", "notation", "raw_sub"}
    return (type(e).__name__,) + tuple(canonical(getattr(e, f.name), bound) for f in fields(e) if f.name not in skip)


def same(a: n.Expr, b: n.Expr) -> bool:
    return canonical(a) == canonical(b)


OPAQUE_PREFIX = "∂⟨"  # not a name a student can write: the grammar's names are ASCII, Greek or styled


def opaque(e, index_names: frozenset[str]):
    """`e` with every derivative replaced by an input standing for it (same derivative, same input),
    indexed by the index letters it mentions so `∂L/∂h_i` is a family over i. Comparing two members
    read this way compares them *up to notation*: a derivative is never worked out, so a chain must
    write the goal's right side to meet it."""
    if isinstance(e, (tuple, list)):
        return type(e)(opaque(x, index_names) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.Product):
        for i, f in enumerate(e.factors):
            if isinstance(f, n.Deriv) and f.expr is None and i + 1 < len(e.factors):
                # operator form `\frac{d}{dx} a b`: the operand is the rest of the product
                rest = e.factors[i + 1:]
                body = rest[0] if len(rest) == 1 else n.Product(rest[0].span, rest, e.ops[i + 1:])
                head = e.factors[:i] + (n.Deriv(f.span, body, f.var, f.order, f.notation),)
                if len(head) == 1:
                    return opaque(head[0], index_names)
                return opaque(n.Product(e.span, head, e.ops[:i]), index_names)
    if isinstance(e, (n.Deriv, n.Prime)):
        key = hashlib.sha256(repr(canonical(e)).encode()).hexdigest()[:16]
        letters = sorted(_index_letters(e, index_names))
        sub = tuple(n.Name(e.span, x) for x in letters) or None
        return n.Name(e.span, OPAQUE_PREFIX + key + "⟩", sub, ",".join(letters) if letters else None)
    changes = {f.name: opaque(getattr(e, f.name), index_names) for f in fields(e) if f.name != "span"}
    return replace(e, **changes)


def _index_letters(e, index_names: frozenset[str]) -> set[str]:
    """Index letters a node mentions that are not bound inside it."""
    out: set[str] = set()

    def walk(x, bound: frozenset):
        if isinstance(x, n.BigOp):
            inner = bound | ({x.var.base} if x.var is not None else set())
            if x.cond is not None:
                inner |= {t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None}
            for y in (x.lower, x.upper):
                if y is not None:
                    walk(y, bound)
            walk(x.body, inner)
            return
        if isinstance(x, n.Name):
            if x.sub is None and x.base in index_names and x.base not in bound:
                out.add(x.base)
            if x.sub and len(x.sub) == 1 and isinstance(x.sub[0], n.Name) and x.sub[0].sub is None \
                    and len(x.sub[0].base) > 1 and all(c in index_names for c in x.sub[0].base):
                out.update(c for c in x.sub[0].base if c not in bound)  # `W_{ij}`
        for y in n.children(x):
            walk(y, bound)

    walk(e, frozenset())
    return out


def is_value(e: n.Expr) -> bool:
    """A number: no names (functions of numbers are fine) and no derivatives."""
    return not _names(e) and not _contains(e, n.Deriv) and not _contains(e, n.Prime)


# ------------------------------------------------------------------ contexts


def without(ctx: Context, rejected: frozenset[int]) -> Context:
    """The context with the definitions whose `let` was rejected (E203) taken out: never in force."""
    if not rejected or not any(id(d) in rejected for d in ctx.definitions):
        return ctx
    return replace(ctx, definitions=tuple(d for d in ctx.definitions if id(d) not in rejected))


def _world(goal: Goal) -> list[n.Name]:
    """The names a goal's claim depends on: in its sides, its definitions, assumptions and point."""
    ctx = goal.context
    nodes: list = [goal.lhs, goal.rhs] + [d.body for d in ctx.definitions] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions) + [name for name, _ in ctx.point]
    return [nm for x in nodes if x is not None for nm in _names(x)]


def _literal(sub) -> bool:
    return all(isinstance(s, n.Num) for s in sub)


def _may_name_same(a: n.Name, b: n.Name) -> bool:
    """Can two written names denote the same quantity? `y_0` and `y_1` cannot; `y_j` and `y_1` can."""
    if a.base != b.base or (a.sub is None) != (b.sub is None):
        return False
    if a.sub is None or a.raw_sub == b.raw_sub:
        return True
    if _literal(a.sub) and _literal(b.sub):
        return canonical(a.sub) == canonical(b.sub)
    return True  # an index letter or arithmetic in a subscript: possibly the same entry


def narrowing(goal: Goal, ctx: Context, refinements: frozenset[int]) -> list[str]:
    """What the context `ctx` of a chain assumes beyond the goal's own: empty when the chain's claim,
    once shown, is the goal's claim in full. `refinements` are the ids of accepted `let`s that
    restate an earlier definition (checked equal, so they add nothing)."""
    g = goal.context
    out: list[str] = []
    if ctx.case:
        out.append(f"it stands under `case` (line {ctx.case[0].span.line}), which the goal does not have")
    extra = [c for c in ctx.assumptions if not any(c is a for a in g.assumptions)]
    if extra:
        out.append(f"it uses an assumption the goal does not have (line {extra[0].span.line})")
    point = set(g.point)
    extra_point = [(nm, v) for nm, v in ctx.point if (nm, v) not in point]
    if extra_point:
        out.append(f"it uses given values the goal does not have (`at` on line {extra_point[0][0].span.line})")
    gdefs = {id(d) for d in ctx.definitions}
    missing = [d for d in g.definitions if id(d) not in gdefs]
    if missing:
        out.append(f"it stands before the definition of `{missing[0].target.display}` (line {missing[0].span.line}) that the goal uses")
    world = _world(goal)
    own = {id(d) for d in g.definitions}
    for d in ctx.definitions:
        if id(d) in own or id(d) in refinements:
            continue
        if any(_may_name_same(d.target, nm) for nm in world):
            out.append(f"`let {d.target.display}` (line {d.span.line}) defines a name the goal treats as an input")
            break
    for name, lo, hi in g.indices:
        if ctx.index_range(name) != (lo, hi):
            out.append(f"the range of index `{name}` differs from the goal's")
            break
    if ctx.relu_at_zero != g.relu_at_zero:
        out.append("it uses another derivative convention for ReLU at 0 than the goal")
    if ctx.networks != g.networks or ctx.batch != g.batch:
        out.append("its networks or batch size differ from the goal's")
    return out


# ------------------------------------------------------------------ deciding goals


@dataclass
class ChainFacts:
    """What goals need to know of a checked chain."""

    id: int
    chain: Chain  # with rejected definitions taken out of its context
    sound: bool
    failed_line: int | None = None  # the first line whose step does not follow from its predecessor


@dataclass
class _Candidate:
    facts: ChainFacts
    narrowed: list[str]
    end: str = ""  # met | not-written | different-value | undecided (for sound, unnarrowed chains)


def _lines(c: Chain) -> tuple[int, int]:
    return c.members[0].span.line, c.members[-1].span.line


class GoalJudge:
    """Decides every goal of a problem in rounds of sandboxed comparisons (`run`)."""

    def __init__(self, problem: Problem, chains: list[ChainFacts], refinements: frozenset[int],
                 rejected: frozenset[int], seed_of, run):
        self.problem = problem
        self.chains = chains
        self.refinements = refinements
        self.rejected = rejected
        self.seed_of = seed_of
        self.run = run

    def _job(self, kind: str, ctx: Context, a: n.Expr, b: n.Expr, *seed) -> _Job:
        return _Job(kind, None, 0, 0, ctx, a, b, "=", self.seed_of(*seed))

    def judge(self) -> tuple[list[GoalResult], list[Diagnostic]]:
        goals = [replace(g, context=without(g.context, self.rejected)) for g in self.problem.goals]
        # 1. which chains start at each goal's left side (by the text, else by a comparison)
        starts: dict[tuple[int, int], bool] = {}
        jobs, keys = [], []
        for gi, g in enumerate(goals):
            idx = g.context.index_names
            for f in self.chains:
                c = f.chain
                if len(c.members) < 2:
                    continue  # a `let` with one member defines; it has no step that could reach a goal
                if g.kind == "find" and c.let_target is not None and isinstance(g.lhs, n.Name):
                    starts[gi, f.id] = same(c.let_target, g.lhs)
                    continue
                if c.let_target is not None and g.kind == "show":
                    # `let y = a = b`: a definition, not a derivation from the goal's left side
                    starts[gi, f.id] = False
                    continue
                if same(c.members[0].expr, g.lhs):
                    starts[gi, f.id] = True
                elif len(c.members) > 1 and not narrowing(g, c.context, self.refinements):
                    jobs.append(self._job("goal", c.context, opaque(c.members[0].expr, idx), opaque(g.lhs, idx),
                                          "goal-start", g.span.line, f.id))
                    keys.append((gi, f.id))
        for key, dec in zip(keys, self.run(jobs)):
            starts[key] = dec.verdict in ACCEPTED
        # 2. each candidate's end
        cands: dict[int, list[_Candidate]] = {}
        jobs, keys = [], []
        for gi, g in enumerate(goals):
            idx = g.context.index_names
            cands[gi] = []
            for f in self.chains:
                if not starts.get((gi, f.id)):
                    continue
                cand = _Candidate(f, narrowing(g, f.chain.context, self.refinements))
                cands[gi].append(cand)
                if cand.narrowed or not f.sound:
                    continue
                last = f.chain.members[-1].expr
                if g.kind == "find":
                    cand.end = "met" if is_value(last) else "not-written"
                elif same(last, g.rhs):
                    cand.end = "met"
                else:
                    jobs.append(self._job("goal", f.chain.context, opaque(last, idx), opaque(g.rhs, idx),
                                          "goal-end", g.span.line, f.id))
                    keys.append((gi, cand))
        ends = list(zip(keys, self.run(jobs)))
        # 3. an end that does not match as written: equal to the right side (stopped early), or different?
        jobs, again = [], []
        for (gi, cand), dec in ends:
            if dec.verdict in ACCEPTED:
                cand.end = "met"
            else:
                g = goals[gi]
                jobs.append(self._job("goal", cand.facts.chain.context, cand.facts.chain.members[-1].expr, g.rhs,
                                      "goal-value", g.span.line, cand.facts.id))
                again.append(cand)
        values: dict[int, Decision] = {}
        for cand, dec in zip(again, self.run(jobs)):
            values[id(cand)] = dec
            if dec.verdict == "refuted":
                cand.end = "different-value"
            elif dec.verdict in ACCEPTED:
                cand.end = "not-written"
            else:
                cand.end = "undecided"
        results, diags = [], []
        for gi, g in enumerate(goals):
            r, d = self._verdict(g, cands[gi], values)
            results.append(r)
            diags.extend(d)
        return results, diags

    def _verdict(self, g: Goal, cands: list[_Candidate], values: dict) -> tuple[GoalResult, list[Diagnostic]]:
        what = "show" if g.kind == "show" else "find"
        attempts = [c.facts.id for c in cands]

        def result(status: str, reason: str, msg: str, cand: _Candidate | None, code: str | None,
                   notes: list[str] | None = None):
            chain = cand.facts.chain if cand is not None else None
            gr = GoalResult(g.span.line, g.span.column, g.kind, status, msg, chain=cand.facts.id if cand else None,
                            chain_lines=_lines(chain) if chain is not None else None, reason=reason,
                            attempts=attempts)
            diags = [Diagnostic.make(code, msg, g.span, notes or [])] if code else []
            return gr, diags

        met = [c for c in cands if c.end == "met"]
        if met:
            c = met[0]
            first, last = _lines(c.facts.chain)
            where = f"line {first}" if first == last else f"lines {first}-{last}"
            verb = "found" if g.kind == "find" else "shown"
            return result("met", "met", f"{verb} by the chain at {where}", c, None)
        if not cands:
            return result("unmet", "no-chain", f"no chain starts at this {what} goal's left side", None, "E302")
        usable = [c for c in cands if not c.narrowed and c.facts.sound]
        for end, status, code in (("not-written", "unmet", "E302"), ("undecided", "unmet", "E302"),
                                  ("different-value", "wrong", "E303")):
            hit = [c for c in usable if c.end == end]
            if not hit:
                continue
            c = hit[-1]
            line = c.facts.chain.members[0].span.line
            if end == "not-written":
                msg = (f"the chain at line {line} does not end in a number" if g.kind == "find"
                       else f"the chain at line {line} stops before the goal's right side: write the right side as its last step")
                return result(status, end, msg, c, code)
            if end == "undecided":
                dec = values.get(id(c))
                return result(status, end, f"the chain at line {line} ends at an expression not known to equal the goal's "
                                           f"right side ({dec.reason if dec else 'undecided'})", c, code)
            dec = values.get(id(c))
            notes = [f"counterexample: {_cx_text(dec.counterexample or {})}"] if dec and dec.counterexample else []
            return result(status, end, f"the chain at line {line} ends at a different value than the goal's right side",
                          c, code, notes)
        failed = [c for c in cands if not c.narrowed and not c.facts.sound]
        if failed:
            c = failed[-1]
            line = c.facts.chain.members[0].span.line
            bad = f" (line {c.facts.failed_line})" if c.facts.failed_line is not None else ""
            return result("wrong", "step-failed", f"not met: the chain at line {line} has a step that does not follow "
                                                  f"from the one before it{bad}", c, "E303")
        c = cands[-1]
        line = c.facts.chain.members[0].span.line
        return result("unmet", "narrowed", f"the chain at line {line} does not show this goal: {c.narrowed[0]}", c, "E302",
                      [f"also: {x}" for x in c.narrowed[1:]])
