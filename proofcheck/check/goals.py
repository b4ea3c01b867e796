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
import itertools
from dataclasses import dataclass, fields, replace
from fractions import Fraction

from .. import nodes as n
from ..diagnostics import Diagnostic
from ..elaborate import Chain, Context, Goal, Problem
from ..readings import is_index_letter, word_tokens
from ..results import ACCEPTED, GoalResult
from .counterexample import _cx_text
from .decide import Decision, default_guarantee
from ..vocabulary import CONSTANTS, FUNCTION_WORDS, NETWORK_FUNCTIONS
from .instances import _partitions, free_indices
from .jobs import _contains, _Job

# ------------------------------------------------------------------ reading members up to notation


MAX_CANONICAL_MEMO = 200_000  # forms remembered (by node identity) before the memo starts afresh
_CANONICAL_MEMO: dict[tuple, tuple] = {}


def canonical(e, bound: tuple[str, ...] = (), index_names: frozenset[str] = frozenset()):
    """A hashable form of a node that ignores what is only notation: spans, `\\mathrm` styling, the
    spelling of products (`a b`, `a * b`, `a \\cdot b`), single brackets, the derivative notation
    (`d`, `∂`, slash), a subscript of index letters run together (`W_{ij}` is `W_{i,j}`) and the
    letters of bound sum variables (renamed by depth).

    Remembered by node identity (the node is kept with its form, so an id is never reused while its
    entry lives): goal judging asks for the same definitions' and assumptions' forms once per chain
    and goal, and grading a class asks thousands of times."""
    if not isinstance(e, n.Node):
        return _canonical(e, bound, index_names)
    key = (id(e), bound, index_names)
    hit = _CANONICAL_MEMO.get(key)
    if hit is not None and hit[0] is e:
        return hit[1]
    value = _canonical(e, bound, index_names)
    if len(_CANONICAL_MEMO) >= MAX_CANONICAL_MEMO:
        _CANONICAL_MEMO.clear()
    _CANONICAL_MEMO[key] = (e, value)
    return value


def _canonical(e, bound: tuple[str, ...], index_names: frozenset[str]):
    if isinstance(e, (tuple, list)):
        return tuple(canonical(x, bound, index_names) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.Group) and len(e.items) == 1:
        return canonical(e.items[0], bound, index_names)
    if isinstance(e, n.Product) and not _is_prime_application(e):
        factors = []
        for i, f in enumerate(e.factors):
            applied = i > 0 and e.ops[i - 1] == "juxt" and isinstance(e.factors[i - 1], (n.Name, n.Prime))
            if applied and isinstance(f, n.Group):
                # `\\sigma(x)` may be an application: its bracket is not only grouping (`\\sigma x^2` is not `\\sigma(x)^2`)
                factors.append(("Args", canonical(f.items, bound, index_names)))
            elif applied and isinstance(f, n.Pow) and isinstance(f.base, n.Group):
                factors.append(("Pow", ("Args", canonical(f.base.items, bound, index_names)), canonical(f.exp, bound, index_names)))
            else:
                factors.append(canonical(f, bound, index_names))
        return ("Product", tuple(factors), tuple("*" if o == "juxt" else o for o in e.ops))
    if isinstance(e, n.Name):
        if e.sub is None and e.base in bound:
            return ("Bound", len(bound) - 1 - bound[::-1].index(e.base))
        sub = e.sub
        run = _index_run(sub, index_names)
        if run is not None:
            sub = tuple(n.Name(sub[0].span, c) for c in run)
        return ("Name", e.base, canonical(sub, bound, index_names))
    if isinstance(e, n.Num):
        return ("Num", Fraction(e.text))
    if isinstance(e, n.BigOp) and e.var is not None and e.var.sub is None:
        inner = bound + (e.var.base,)
        return ("BigOp", e.op, canonical(e.lower, bound, index_names), canonical(e.upper, bound, index_names),
                canonical(e.body, inner, index_names))
    if isinstance(e, n.Deriv) and e.expr is not None:
        body, order = e.expr, e.order
        while isinstance(body, n.Group) and len(body.items) == 1:
            body = body.items[0]
        if isinstance(body, n.Deriv) and body.expr is not None and canonical(body.var, bound, index_names) == \
                canonical(e.var, bound, index_names):
            return canonical(n.Deriv(e.span, body.expr, e.var, order + body.order, "partial"), bound, index_names)
    if isinstance(e, n.Product) and len(e.factors) == 2 and e.ops == ("juxt",) and isinstance(e.factors[0], n.Prime) \
            and isinstance(e.factors[1], n.Group) and len(e.factors[1].items) == 1 \
            and isinstance(e.factors[1].items[0], n.Name) and isinstance(e.factors[0].func, n.Name):
        # `f'(x)` with x a name is `\\frac{d}{dx} f(x)` (with an expression inside, the chain rule differs)
        prime, arg = e.factors[0], e.factors[1].items[0]
        applied = n.Product(e.span, (prime.func, e.factors[1]), ("juxt",))
        return canonical(n.Deriv(e.span, applied, arg, prime.order, "d"), bound, index_names)
    skip = {"span", "styled", "notation", "raw_sub"}
    return (type(e).__name__,) + tuple(canonical(getattr(e, f.name), bound, index_names) for f in fields(e) if f.name not in skip)


def _is_prime_application(e: n.Product) -> bool:
    return len(e.factors) == 2 and e.ops == ("juxt",) and isinstance(e.factors[0], n.Prime) \
        and isinstance(e.factors[1], n.Group) and len(e.factors[1].items) == 1 \
        and isinstance(e.factors[1].items[0], n.Name) and isinstance(e.factors[0].func, n.Name)


def same(a: n.Expr, b: n.Expr, index_names: frozenset[str] = frozenset()) -> bool:
    return canonical(a, (), index_names) == canonical(b, (), index_names)


OPAQUE_PREFIX = "∂⟨"  # not a name a student can write: the grammar's names are ASCII, Greek or styled


def opaque(e, index_names: frozenset[str], bound: tuple[str, ...] = (), key_of=None):
    """`e` with every derivative replaced by an input standing for it (same derivative, same input),
    indexed by the index letters it mentions so `∂L/∂h_i` is a family over i. Comparing two members
    read this way compares them *up to notation*: a derivative is never worked out, so a chain must
    write the goal's right side to meet it. `bound` are the sum letters bound around `e`, so that
    `∂o_k/∂h_i` inside `\\sum_k` and `∂o_j/∂h_i` inside `\\sum_j` stand for the same family.
    `key_of(derivative, bound)`: the derivative's key when the caller reads derivatives up to more
    than notation (grading's forms: `\\frac{d}{dx}(1 \\cdot f)` is df/dx); None for the written one."""
    if isinstance(e, (tuple, list)):
        return type(e)(opaque(x, index_names, bound, key_of) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.Product):
        for i, f in enumerate(e.factors):
            nxt = e.factors[i + 1] if i + 1 < len(e.factors) else None
            if isinstance(f, n.Deriv) and f.expr is None and nxt is not None:
                # operator form `\\frac{d}{dx} a b`: the operand is the rest of the product
                head = e.factors[:i] + (n.operator_applied(f, e.factors[i + 1:], e.ops[i + 1:]),)
                if len(head) == 1:
                    return opaque(head[0], index_names, bound, key_of)
                return opaque(n.Product(e.span, head, e.ops[:i]), index_names, bound, key_of)
            if isinstance(f, n.Prime) and isinstance(nxt, n.Group) and e.ops[i] == "juxt":
                # `f'(a)`: the derivative applied to its argument is one quantity
                applied = n.Product(f.span, (f, nxt), ("juxt",))
                factors = e.factors[:i] + (_opaque_name(applied, index_names, bound, key_of),) + e.factors[i + 2:]
                ops = e.ops[:i] + e.ops[i + 1:]
                if len(factors) == 1:
                    return factors[0]
                return opaque(n.Product(e.span, factors, ops), index_names, bound, key_of)
    if isinstance(e, (n.Deriv, n.Prime)):
        return _opaque_name(e, index_names, bound, key_of)
    if isinstance(e, n.BigOp):
        inner = bound + ((e.var.base,) if e.var is not None and e.var.sub is None else ())
        return replace(e, lower=opaque(e.lower, index_names, bound, key_of), upper=opaque(e.upper, index_names, bound, key_of),
                       cond=opaque(e.cond, index_names, bound, key_of), body=opaque(e.body, index_names, inner, key_of))
    changes = {f.name: opaque(getattr(e, f.name), index_names, bound, key_of) for f in fields(e) if f.name != "span"}
    return replace(e, **changes)


def _opaque_name(e, index_names: frozenset[str], bound: tuple[str, ...], key_of=None) -> n.Name:
    written = key_of(e, bound) if key_of is not None else None
    key = hashlib.sha256(repr(canonical(e, bound, index_names) if written is None else written).encode()).hexdigest()[:16]
    # the free index letters by name, then the bound ones outermost first: the order `canonical` reads
    # bound letters in (by depth), so `\\sum_s \\sum_t` of ∂L/∂W_{t,s} and `\\sum_t \\sum_s` of ∂L/∂W_{s,t}
    # (the same family read in the other order) do not share a name; `\\sum_{t=1}^{3}` binds t,
    # declared or not
    mentioned = _index_letters(e, index_names | frozenset(bound))
    letters = sorted(mentioned - set(bound)) + [b for b in dict.fromkeys(bound) if b in mentioned]
    sub = tuple(n.Name(e.span, x) for x in letters) or None
    return n.Name(e.span, OPAQUE_PREFIX + key + "⟩", sub, ",".join(letters) if letters else None)


def opaque_context(ctx: Context) -> Context:
    """The context with derivatives in definitions opaque too: `let g = \\frac{dy}{da}` then a chain
    ending at `g` has not written the derivative's value."""
    idx = ctx.index_names
    defs = tuple(replace(d, body=opaque(d.body, idx)) if _contains(d.body, n.Deriv) or _contains(d.body, n.Prime) else d
                 for d in ctx.definitions)
    return replace(ctx, definitions=defs)


def _index_run(sub, index_names) -> list[str] | None:
    """The letters of a subscript written as one run of index letters (`ij`, `jj'`: a primed letter is
    one, as readings.word_tokens reads it), or None."""
    if sub and len(sub) == 1 and isinstance(sub[0], n.Name) and sub[0].sub is None:
        letters = word_tokens(sub[0].base)
        if letters is not None and len(letters) > 1 and all(is_index_letter(c, index_names) for c in letters):
            return letters
    return None


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
            run = _index_run(x.sub, index_names)
            if run is not None:
                out.update(c for c in run if c not in bound)  # `W_{ij}`, `W_{jj'}`
        for y in n.children(x):
            walk(y, bound)

    walk(e, frozenset())
    return out


def is_value(e: n.Expr, ctx: Context) -> bool:
    """A number: no derivative and no name but constants (`e`, `\\pi`) and built-in functions applied
    to numbers (`\\sigma(0)`), unless the problem defines them."""
    defined = {d.target.base for d in ctx.definitions}
    for nm in n.names(e):
        if nm.base in defined or nm.sub is not None:
            return False
        if nm.base not in CONSTANTS and nm.base not in FUNCTION_WORDS:
            return False
    return not _contains(e, n.Deriv) and not _contains(e, n.Prime)


# ------------------------------------------------------------------ contexts


def without(ctx: Context, rejected: frozenset[int]) -> Context:
    """The context with the definitions whose `let` was rejected (E203) taken out: never in force."""
    if not rejected or not any(id(d) in rejected for d in ctx.definitions):
        return ctx
    return replace(ctx, definitions=tuple(d for d in ctx.definitions if id(d) not in rejected))


@dataclass(frozen=True)
class _GoalSide:
    """What `_setting` compares of a goal, worked out once per goal (every chain asks again)."""

    world: tuple  # `_world_uncached(goal)`
    values: frozenset  # the names the goal writes as values (not only as functions it applies)
    words: frozenset  # the letters the goal's names and their subscripts are made of
    keys: frozenset  # the world's names up to notation
    assumptions: frozenset  # the goal's assumptions up to notation
    point: dict  # `_point` of the goal's context
    shapes: dict  # `_shapes` of the goal's context


_GOAL_MEMO: dict[int, tuple] = {}


def _goal_side(goal: Goal) -> _GoalSide:
    """Remembered by the goal's identity (the goal kept with the entry)."""
    hit = _GOAL_MEMO.get(id(goal))
    if hit is not None and hit[0] is goal:
        return hit[1]
    world = tuple(_world_uncached(goal))
    g = goal.context
    idx = g.index_names
    side = _GoalSide(world, frozenset(nm.base for nm in _value_names(goal)), frozenset({nm.base for nm in world} | {c for nm in world for s in (nm.sub or ())
                                                                 for x in n.names(s) for c in x.base}),
                     frozenset(canonical(nm, (), idx) for nm in world),
                     frozenset(canonical(a, (), idx) for a in g.assumptions), _point(g), _shapes(g))
    if len(_GOAL_MEMO) >= MAX_CANONICAL_MEMO:
        _GOAL_MEMO.clear()
    _GOAL_MEMO[id(goal)] = (goal, side)
    return side


def _world(goal: Goal) -> list[n.Name]:
    """The names a goal's claim depends on: in its sides, its definitions, assumptions and point;
    the functions it applies (`\\tanh(x)`, `f'(x)`) count as names."""
    return list(_goal_side(goal).world)


def _value_names(goal: Goal) -> list[n.Name]:
    """The names a goal's claim writes as values (in its sides, its definitions, assumptions and
    point), a function's parameters left out (they are its own, not inputs of the goal)."""
    ctx = goal.context
    nodes: list = [goal.lhs, goal.rhs] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions) + [name for name, _ in ctx.point]
    out = [nm for x in nodes if x is not None for nm in n.names(x)]
    for d in ctx.definitions:
        out += [nm for nm in n.names(d.body) if not (d.params and nm.sub is None and nm.base in d.params)]
    applied = {id(nm) for x in nodes + [d.body for d in ctx.definitions] for nm in _applied(x)}
    return [nm for nm in out if id(nm) not in applied]


def _applied(e) -> list[n.Name]:
    """Function words written before a bracket (`\\sigma(w x)`, `\\sigma(x)^2`, `\\sigma'(x)`, read as
    the function applied): names of functions there, not values. `\\sigma^2(x)` is no such
    application (the sigmoid squared is `\\sigma(x)^2`)."""
    out = []
    for p in _all(e, n.Product):
        for f, g, op in zip(p.factors, p.factors[1:], p.ops):
            if isinstance(f, n.Prime) and isinstance(f.func, n.Name):
                f = f.func  # `\\sigma'(x)`: the derivative of the function applied
            bracket = isinstance(g, n.Group) or (isinstance(g, n.Pow) and isinstance(g.base, n.Group))  # `\\sigma(x)^2`
            if op == "juxt" and isinstance(f, n.Name) and f.sub is None and f.base in FUNCTION_WORDS and bracket:
                out.append(f)
    return out


def _world_uncached(goal: Goal) -> list[n.Name]:
    ctx = goal.context
    out = _value_names(goal)
    nodes: list = [goal.lhs, goal.rhs] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions) + [name for name, _ in ctx.point] + [d.body for d in ctx.definitions]
    out += [nm for x in nodes if x is not None for nm in _applied(x)]  # `\\sigma(x)`: the function, a name too
    for x in nodes:
        for call in _all(x, n.Call):
            out.append(n.Name(call.span, "sigmoid" if call.func == "sigma" else call.func))
            if call.func in FUNCTION_WORDS:
                out.append(n.Name(call.span, call.func))
    return out


def _all(e, cls) -> list:
    found = []

    def walk(x):
        if isinstance(x, cls):
            found.append(x)
        for y in n.children(x):
            walk(y)

    if e is not None:
        walk(e)
    return found


def _literal(sub) -> bool:
    return all(isinstance(s, n.Num) for s in sub)


def _may_name_same(a: n.Name, b: n.Name) -> bool:
    """Can two written names denote the same quantity? `y_0` and `y_1` cannot; `y_j` and `y_1`,
    `x_0` and `x_{00}` can."""
    if a.base != b.base or (a.sub is None) != (b.sub is None):
        return False
    if a.sub is None or a.raw_sub == b.raw_sub:
        return True
    if _literal(a.sub) and _literal(b.sub):
        return len(a.sub) == len(b.sub) and all(Fraction(x.text) == Fraction(y.text) for x, y in zip(a.sub, b.sub))
    return True  # an index letter or arithmetic in a subscript: possibly the same entry


def _power_of(target: n.Name, nm: n.Name, values: frozenset) -> bool:
    """`let x^2 = 9` names the node x² (a powered name): from there on the goal's own `x^2` reads as
    that node, so it redefines what the goal computes from its input x. A function word the goal
    only applies (`\\sigma^2`, a variance, beside the goal's sigmoid) is no such input; one the goal
    writes as a value (`let \\sigma = 3`, `at \\sigma = 3`, `\\sigma^2 x`) is."""
    head, power, _ = target.base.partition("^")
    return bool(power) and head == nm.base and (target.sub is None) == (nm.sub is None) \
        and (nm.base not in FUNCTION_WORDS or nm.base in values)


def _point(ctx: Context) -> dict:
    """The given values in force (a later `at` for a name wins), by name up to notation."""
    idx = ctx.index_names
    return {canonical(name, (), idx): canonical(value, (), idx) for name, value in ctx.point}


def _uses_networks(world: list[n.Name]) -> bool:
    return any(nm.base in NETWORK_FUNCTIONS for nm in world)


_SETTING_MEMO: dict[tuple[int, int], tuple] = {}


def _setting(goal: Goal, ctx: Context, world: list[n.Name]) -> list[str]:
    """How `ctx` differs from the goal's context in what it assumes (definitions aside): assumptions,
    given values, index declarations, the ReLU convention and the networks the goal uses.

    `world` is `_world(goal)`, so the answer depends on the goal and the context alone: remembered by
    their identity (both kept with the entry), as every chain asks it again for each refinement."""
    key = (id(goal), id(ctx))
    hit = _SETTING_MEMO.get(key)
    if hit is not None and hit[0] is goal and hit[1] is ctx:
        return list(hit[2])
    out = _setting_uncached(goal, ctx, world)
    if len(_SETTING_MEMO) >= MAX_CANONICAL_MEMO:
        _SETTING_MEMO.clear()
    _SETTING_MEMO[key] = (goal, ctx, tuple(out))
    return out


def _setting_uncached(goal: Goal, ctx: Context, world: list[n.Name]) -> list[str]:
    g = goal.context
    side = _goal_side(goal)
    out: list[str] = []
    idx = g.index_names
    extra = [c for c in ctx.assumptions if canonical(c, (), idx) not in side.assumptions]
    if extra:
        out.append(f"it uses an assumption the goal does not have (line {extra[0].span.line})")
    gpoint, cpoint = side.point, _point(ctx)
    moved = [k for k, v in cpoint.items() if gpoint.get(k) != v]
    if moved:
        line = next(name.span.line for name, _ in reversed(ctx.point) if canonical(name, (), idx) == moved[0])
        out.append(f"it stands at given values the goal does not have (`at` on line {line})")
    for name in sorted(g.index_names):
        if ctx.index_range(name) != g.index_range(name):
            out.append(f"the range of index `{name}` is not the goal's")
            break
    words = side.words
    for name, lo, hi in ctx.indices:
        if name in g.index_names:
            continue
        bounds = {nm.base for nm in n.names(lo) + n.names(hi)}
        if name in words or bounds & words:
            out.append(f"`index {name}` changes how the goal's names read (the goal has no index `{name}`)")
            break
    if ctx.relu_at_zero != g.relu_at_zero:
        out.append("it uses another derivative convention for ReLU at 0 than the goal")
    if _uses_networks(world) and (ctx.networks != g.networks or ctx.batch != g.batch):
        out.append("its networks or batch size differ from the goal's")
    if ctx.layout != g.layout:
        out.append(f"it lays out Jacobians in {ctx.layout} layout, the goal in {g.layout} layout")
    reshaped = _reshaped(goal, ctx)
    if reshaped:
        out.append(f"it gives `{reshaped}` another shape than the goal does")
    return out


def _shapes(ctx: Context) -> dict:
    """Declared shapes by name up to notation (a later declaration wins)."""
    idx = ctx.index_names
    return {canonical(name, (), idx): canonical(dims, (), idx) for name, dims in ctx.shapes}


def _reshaped(g: Goal, ctx: Context) -> str | None:
    """A name the goal's claim depends on whose shape (vector, matrix, or none: a scalar) differs in
    `ctx`: `let W : (1, n)` for the goal's `W : (m, n)` makes every step about another problem."""
    idx = g.context.index_names
    side = _goal_side(g)
    mine, theirs, words = _shapes(ctx), side.shapes, side.keys
    for name, _ in reversed(ctx.shapes):
        key = canonical(name, (), idx)
        if (key in theirs or key in words) and mine.get(key) != theirs.get(key):
            return name.display
    return None


def _differentiates_by_a_node(goal: Goal, ctx: Context) -> bool:
    """Does the goal take a derivative with respect to a name defined by a `let` (here or there)?"""
    targets = [d.target for d in goal.context.definitions + ctx.definitions if d.params is None]
    for side in (goal.lhs, goal.rhs):
        for deriv in _all(side, n.Deriv):
            if any(_may_name_same(deriv.var, t) for t in targets):
                return True
    return False


def narrowing(goal: Goal, ctx: Context, refinements: dict[int, Context], allow_case: bool = False) -> list[str]:
    """What the context `ctx` of a chain assumes beyond the goal's own: empty when the chain's claim,
    once shown, is the goal's claim in full. `refinements` maps the ids of accepted `let`s that
    restate an earlier definition (checked equal) to the context they were checked in: such a `let`
    adds nothing when that context was the goal's own setting."""
    g = goal.context
    world = _world(goal)
    out: list[str] = []
    if ctx.case and not allow_case:
        out.append(f"it stands under `case` (line {ctx.case[0].span.line}), which the goal does not have")
    out += _setting(goal, ctx, world)

    node_derivatives = _differentiates_by_a_node(goal, ctx)

    def restates(d) -> bool:
        # values and derivatives by inputs are the same in a finer graph; a derivative by a node
        # (`∂x_1/∂y_0`) is not, so then a refinement changes the goal's claim
        return id(d) in refinements and not node_derivatives and not _setting(goal, refinements[id(d)], world)

    have = {id(d) for d in ctx.definitions}
    missing = [d for d in g.definitions if id(d) not in have and not restates(d)]
    if missing:
        out.append(f"it stands before the definition of `{missing[0].target.display}` (line {missing[0].span.line}) that the goal uses")
    own = {id(d) for d in g.definitions}
    idx = g.index_names
    written = {(canonical(d.target, (), idx), d.params, canonical(d.body, (), idx)) for d in g.definitions}
    for d in ctx.definitions:
        if id(d) in own or restates(d):
            continue
        if (canonical(d.target, (), idx), d.params, canonical(d.body, (), idx)) in written:
            continue  # the goal's own definition written again, word for word: it changes nothing
        if any(_may_name_same(d.target, nm) or _power_of(d.target, nm, _goal_side(goal).values) for nm in world):
            out.append(f"`let {d.target.display}` (line {d.span.line}) defines a name the goal treats as an input")
            break
    return out


# ------------------------------------------------------------------ deciding goals


@dataclass
class ChainFacts:
    """What goals need to know of a checked chain."""

    id: int
    chain: Chain  # with rejected definitions taken out of its context
    sound: bool
    failed_line: int | None = None  # the first line whose step does not follow from its predecessor
    let_in_force: bool = True  # a `let x = a = b` chain whose `let` was not rejected (E203)


@dataclass
class _Candidate:
    facts: ChainFacts
    narrowed: list[str]
    start: n.Expr  # the chain's member at the goal's left side (renamed to the goal's free indices)
    end: n.Expr  # the chain's member that must be the goal's right side
    outcome: str = ""  # met | not-written | different-value | undecided | approximate | too-coarse | overstated
    by_cases: bool = False  # narrowed by its `case` alone: a pattern of the goal's free indices or a region of inputs


def _lines(c: Chain) -> tuple[int, int]:
    return c.members[0].span.line, c.members[-1].span.line


def rename(e, mapping: dict[str, str], index_names: frozenset[str], bound: frozenset = frozenset(), fresh=None):
    """`e` with its free index letters renamed (`mapping`); letters bound by a sum are left alone. A
    sum that binds a letter the renaming writes (`\\sum_i W_{k,i}` with k -> i) has its own letter
    renamed first to `fresh(letter, used)` (a declared index of the same range used nowhere), so the
    renamed k is not captured; with no such letter, ValueError. A sum's own letter (`\\sum_i`) is
    bound even when the chain's free i is renamed too (k -> i, i -> j); in a condition sum
    (`\\sum_{i \\neq j}`) the letters the renaming maps are the free ones."""
    if isinstance(e, (tuple, list)):
        return type(e)(rename(x, mapping, index_names, bound, fresh) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.BigOp):
        for letter in [b for b in _binders(e) if b in mapping.values() and (e.var is not None or b not in mapping)]:
            if not _letters(e, index_names) & (set(mapping) - bound):
                break
            new = fresh(letter, _letters(e, index_names) | set(mapping) | set(mapping.values())) if fresh else None
            if new is None:
                raise ValueError(f"renaming into {letter} would be captured by a sum")
            own = {letter: new}
            var = replace(e.var, base=new) if e.var is not None and e.var.base == letter else e.var
            e = replace(e, var=var, cond=rename(e.cond, own, index_names), body=rename(e.body, own, index_names))
    if isinstance(e, n.BigOp):
        inner = set(bound)
        if e.var is not None:
            inner.add(e.var.base)
        if e.cond is not None:
            inner |= {t.base for t in e.cond.terms if isinstance(t, n.Name) and t.sub is None and t.base not in mapping}
        return replace(e, lower=rename(e.lower, mapping, index_names, bound, fresh),
                       upper=rename(e.upper, mapping, index_names, bound, fresh),
                       cond=rename(e.cond, mapping, index_names, bound, fresh),
                       body=rename(e.body, mapping, index_names, frozenset(inner), fresh))
    if isinstance(e, n.Name):
        if e.sub is None:
            return replace(e, base=mapping[e.base]) if e.base in mapping and e.base not in bound else e
        sub = e.sub
        run = _index_run(sub, index_names)
        if run is not None:
            sub = tuple(n.Name(sub[0].span, c) for c in run)
        sub = rename(sub, mapping, index_names, bound, fresh)
        return replace(e, sub=sub, raw_sub=",".join(s.base if isinstance(s, n.Name) and s.sub is None else "?" for s in sub))
    changes = {f.name: rename(getattr(e, f.name), mapping, index_names, bound, fresh) for f in fields(e) if f.name != "span"}
    return replace(e, **changes)


def _binders(e: n.BigOp) -> list[str]:
    """The letters a sum binds: its own (`\\sum_j`), or the letters of its condition
    (`\\sum_{i \\neq j}` binds i; every plain letter there is counted: `rename` takes those that are
    targets of the renaming and not renamed themselves, which are not free in the chain)."""
    if e.var is not None:
        return [e.var.base]
    return [t.base for t in (e.cond.terms if e.cond is not None else ()) if isinstance(t, n.Name) and t.sub is None]


def _letters(e, index_names: frozenset = frozenset()) -> set[str]:
    """Every plain letter written in e (free or bound, in subscripts too; a run of index letters,
    `W_{ki}`, is its letters, as `rename` reads it)."""
    out: set[str] = set()

    def walk(x):
        if isinstance(x, (tuple, list)):
            for y in x:
                walk(y)
        elif isinstance(x, n.Name):
            if x.sub is None:
                out.add(x.base)
                run = _index_run((x,), index_names)
                if run is not None:
                    out.update(run)
            walk(x.sub or ())
        elif isinstance(x, n.Node):
            for f in fields(x):
                if f.name != "span":
                    walk(getattr(x, f.name))

    walk(e)
    return out


def _fresh_index(ctx: Context):
    """`rename`'s `fresh`: a declared index letter with the range of `letter`, used nowhere in `used`."""
    def fresh(letter: str, used: set[str]) -> str | None:
        for cand in sorted(ctx.index_names):
            if cand not in used and cand != letter and ctx.index_range(cand) == ctx.index_range(letter):
                return cand
        return None
    return fresh


def _renamings(goal: Goal, ctx: Context, a: n.Expr, b: n.Expr) -> list[dict[str, str]]:
    """Ways to read a chain's free index letters as the goal's (`k` for `i`): a claim for every k
    in a range is the claim for every i in that range. The identity first."""
    mine = free_indices([a, b], ctx)
    theirs = free_indices([goal.lhs] + ([goal.rhs] if goal.rhs is not None else []), goal.context)
    if set(mine) == set(theirs) or len(mine) != len(theirs) or len(mine) > 3:
        return [{}]
    out = [{}]
    for perm in itertools.permutations(theirs):
        mapping = dict(zip(mine, perm))
        if all(ctx.index_range(x) == goal.context.index_range(y) for x, y in mapping.items()):
            out.append({x: y for x, y in mapping.items() if x != y})
    return out


def _index_pattern(case: tuple[n.Condition, ...], goal: Goal) -> bool:
    """Is a `case` an equality pattern of the goal's free indices (`i = j`, `i \\neq j`, ...)? Only
    such cases are combined: whether they hold depends on which indices coincide, nothing else."""
    free = set(free_indices([goal.lhs, goal.rhs], goal.context))
    for cond in case:
        if any(op not in ("=", "!=") for op in cond.ops):
            return False
        if not all(isinstance(x, n.Name) and x.sub is None and x.base in free for x in cond.terms):
            return False
    return True


_NEGATION = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "=": "!=", "!=": "="}
_MIRROR = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "=", "!=": "!="}


_TOTAL_WORDS = frozenset({"exp", "sin", "cos", "tanh", "sinh", "cosh", "sigmoid", "relu", "abs", "max", "min",
                          "arctan", "erf", "softplus", "gelu", "Phi"})  # defined for every real argument


def _total(e, ctx: Context | None = None, depth: int = 0) -> bool:
    """e has a value for every real value of its inputs: no division, root, log or power that is not
    a whole number (`\\log x > 0` and `\\log x \\leq 0` both fail at x = -1), nor a name that `ctx`
    defines as one (`let u = \\log x`)."""
    rec = lambda x: _total(x, ctx, depth)  # noqa: E731
    if isinstance(e, n.Num):
        return True
    if isinstance(e, n.Name):
        defs = [d for d in ctx.definitions if d.target.base == e.base] if ctx is not None else []
        return not defs or (depth < MAX_TOTAL_DEPTH and all(_total(d.body, ctx, depth + 1) for d in defs))
    if isinstance(e, n.Pow):
        return isinstance(e.exp, n.Num) and e.exp.text.isdigit() and rec(e.base)
    if isinstance(e, n.Product):
        return "/" not in e.ops and all(rec(f) for f in e.factors)
    if isinstance(e, n.Call):
        return FUNCTION_WORDS.get(e.func, e.func) in _TOTAL_WORDS and all(rec(a) for a in e.args)
    if isinstance(e, (n.Add, n.Neg, n.Group, n.Abs)):
        return all(rec(c) for c in n.children(e) if isinstance(c, n.Node)) and \
            all(rec(x) for c in n.children(e) if isinstance(c, tuple) for x in c)
    return False


MAX_TOTAL_DEPTH = 16  # nested definitions read by `_total`


def _complementary(cases: list[tuple[n.Condition, ...]]) -> bool:
    """Two of the cases are one comparison and its negation (`y \\geq x^2`, `y < x^2`, or written the
    other way round, `x^2 > y`): together they hold everywhere, with no search (the cases' sides are
    defined everywhere: `_total`, asked before)."""
    single = []
    for case in cases:
        if len(case) == 1 and len(case[0].ops) == 1:
            cond = case[0]
            a, b = (canonical(t) for t in cond.terms)
            single.append((a, cond.ops[0], b))
    forms = {(a, op, b) for a, op, b in single} | {(b, _MIRROR[op], a) for a, op, b in single if op in _MIRROR}
    return any((a, _NEGATION[op], b) in forms for a, op, b in single if op in _NEGATION)


def _cover_guarantee(dec: Decision) -> str:
    """What the accepted claim that the cases always hold rests on, in words: proved, or seen at
    sampled points of every region the cases' conditions make (a numeric guarantee, never more)."""
    guarantee = dec.guarantee or default_guarantee(dec)
    if guarantee == "all-values-all-sizes":
        return "they cover every value: proved for all values"
    if guarantee == "at-given-point":
        return "they cover the given point"
    return f"they cover every value at {dec.points} sampled points, in every region of their conditions: numeric"


def _cases_hold(goal: Goal, cases: list[tuple[n.Condition, ...]]) -> n.Expr:
    """`\\max` over the cases of the product of their conditions' indicators: 1 exactly where some case
    holds, so the claim that it is 1 is the claim that the cases cover every value of the inputs
    (`case x \\geq 0` and `case x < 0`), decided like any step in the goal's own context."""
    span = goal.span
    products = []
    for case in cases:
        factors = tuple(n.Indicator(cond.span, cond) for cond in case)
        products.append(factors[0] if len(factors) == 1 else n.Product(span, factors, ("*",) * (len(factors) - 1)))
    return products[0] if len(products) == 1 else n.Call(span, "max", tuple(products))


def _cases_cover(goal: Goal, cases: list[tuple[n.Condition, ...]]) -> bool:
    """Do the cases together hold for every pattern of coinciding free indices of the goal?"""
    free = free_indices([goal.lhs, goal.rhs], goal.context)

    def holds(case, block: dict[str, int]) -> bool:
        for cond in case:
            for op, a, b in zip(cond.ops, cond.terms, cond.terms[1:]):
                equal = block[a.base] == block[b.base]
                if equal != (op == "="):
                    return False
        return True

    for part in _partitions(free):
        block = {x: k for k, group in enumerate(part) for x in group}
        if not any(holds(case, block) for case in cases):
            return False
    return True


class GoalJudge:
    """Decides every goal of a problem in rounds of sandboxed comparisons (`run`)."""

    def __init__(self, problem: Problem, chains: list[ChainFacts], refinements: dict[int, Context],
                 rejected: frozenset[int], seed: int, run):
        self.problem = problem
        self.chains = chains
        self.refinements = refinements
        self.rejected = rejected
        self.seed = seed  # the run's seed: each job derives its own from it and its content
        self.run = run

    def _job(self, ctx: Context, a: n.Expr, b: n.Expr, opaque_read: bool = True) -> _Job:
        if opaque_read:
            idx = ctx.index_names
            ctx, a, b = opaque_context(ctx), opaque(a, idx), opaque(b, idx)
        return _Job("goal", None, 0, 0, ctx, a, b, "=", self.seed)

    def _readings(self, g: Goal, f: ChainFacts) -> list[tuple[n.Expr, n.Expr, dict]]:
        """(start, end) pairs a chain may be read as for a goal: first to last member, and for `show`
        also last to first (equality is symmetric), each with the free-index renamings."""
        c = f.chain
        ends = [(c.members[0].expr, c.members[-1].expr)]
        if g.kind == "show":
            ends.append((c.members[-1].expr, c.members[0].expr))
        idx = c.context.index_names
        out = []
        for a, b in ends:
            for mapping in _renamings(g, c.context, a, b):
                if not mapping:
                    out.append((a, b, mapping))
                    continue
                try:
                    fresh = _fresh_index(c.context)
                    out.append((rename(a, mapping, idx, fresh=fresh), rename(b, mapping, idx, fresh=fresh), mapping))
                except ValueError:
                    continue  # every reading with this renaming would capture a letter: not this one
        return out

    def _eligible(self, g: Goal, f: ChainFacts) -> bool:
        c = f.chain
        if len(c.members) < 2:
            return False  # a `let` with one member defines; it has no step that could reach a goal
        if c.let_target is not None:
            # `let y = a = b` defines y as a: it may find y (when the `let` is in force), never prove a `show`
            return g.kind == "find" and f.let_in_force and isinstance(g.lhs, n.Name)
        return True

    def judge(self) -> tuple[list[GoalResult], list[Diagnostic]]:
        goals = [replace(g, context=without(g.context, self.rejected)) for g in self.problem.goals]
        cands: dict[int, list[_Candidate]] = {gi: [] for gi in range(len(goals))}
        # 1. chains that start at each goal's left side as written (up to notation)
        for gi, g in enumerate(goals):
            idx = g.context.index_names
            for f in self.chains:
                if not self._eligible(g, f):
                    continue
                c = f.chain
                if c.let_target is not None:
                    if same(c.let_target, g.lhs, idx):
                        cands[gi].append(_Candidate(f, narrowing(g, c.context, self.refinements), g.lhs, c.members[-1].expr))
                    continue
                for a, b, mapping in self._readings(g, f):
                    if same(a, g.lhs, idx):
                        cand = _Candidate(f, narrowing(g, c.context, self.refinements), a, b)
                        cand.by_cases = bool(c.context.case) and not mapping \
                            and not narrowing(g, c.context, self.refinements, allow_case=True)
                        cands[gi].append(cand)
                        break
        # 2. where no chain does, chains equal to it up to notation (a comparison each)
        jobs, keys = [], []
        for gi, g in enumerate(goals):
            if cands[gi]:
                continue
            for f in self.chains:
                if not self._eligible(g, f) or f.chain.let_target is not None:
                    continue
                if narrowing(g, f.chain.context, self.refinements):
                    continue
                for k, (a, b, _) in enumerate(self._readings(g, f)):
                    jobs.append(self._job(f.chain.context, a, g.lhs))
                    keys.append((gi, f, a, b))
        for (gi, f, a, b), dec in zip(keys, self.run(jobs)):
            if dec.verdict in ACCEPTED and not any(c.facts is f for c in cands[gi]):
                cands[gi].append(_Candidate(f, [], a, b))
        # 3. each candidate's end
        jobs, keys = [], []
        for gi, g in enumerate(goals):
            idx = g.context.index_names
            for cand in cands[gi]:
                c = cand.facts.chain
                if (cand.narrowed and not cand.by_cases) or not cand.facts.sound:
                    continue
                if g.kind == "find":
                    cand.outcome = self._find_end(cand)
                elif "≈" in c.rels:
                    cand.outcome = "approximate"
                elif same(cand.end, g.rhs, idx):
                    cand.outcome = "met"
                else:
                    jobs.append(self._job(c.context, cand.end, g.rhs))
                    keys.append((gi, cand))
        undecided = []
        for (gi, cand), dec in zip(keys, self.run(jobs)):
            if dec.verdict in ACCEPTED:
                cand.outcome = "met"
            else:
                undecided.append((gi, cand))
        # 4. an end that is not the right side up to notation: equal all the same (stopped early), or not?
        jobs = [self._job(cand.facts.chain.context, cand.end, goals[gi].rhs, opaque_read=False) for gi, cand in undecided]
        values: dict[int, Decision] = {}
        for (gi, cand), dec in zip(undecided, self.run(jobs)):
            values[id(cand)] = dec
            cand.outcome = {"refuted": "different-value"}.get(dec.verdict, "not-written" if dec.verdict in ACCEPTED else "undecided")
        # 5. goals met only by chains under cases of the inputs' regions: do those cases cover them all?
        covering = [(gi, regions) for gi, g in enumerate(goals)
                    for regions in [[c for c in cands[gi] if c.outcome == "met" and c.by_cases]]
                    if regions and not any(c.outcome == "met" and not c.narrowed for c in cands[gi])
                    and not any(_index_pattern(c.facts.chain.context.case, g) for c in regions)
                    and all(_total(t, c.facts.chain.context) for c in regions for cond in c.facts.chain.context.case
                            for t in cond.terms)]
        # how each goal's cases were shown to cover (its guarantee, named in the goal's message)
        covered: dict[int, str] = {gi: "they cover every value: two of the cases are a comparison and its negation"
                                   for gi, regions in covering
                                   if _complementary([c.facts.chain.context.case for c in regions])}
        covering = [(gi, regions) for gi, regions in covering if gi not in covered]
        jobs = [self._job(goals[gi].context, _cases_hold(goals[gi], [c.facts.chain.context.case for c in regions]),
                        n.Num(goals[gi].span, "1"), opaque_read=False) for gi, regions in covering]
        covered |= {gi: _cover_guarantee(dec) for (gi, _), dec in zip(covering, self.run(jobs)) if dec.verdict in ACCEPTED}
        results, diags = [], []
        for gi, g in enumerate(goals):
            r, d = self._verdict(g, cands[gi], values, covered.get(gi))
            results.append(r)
            diags.extend(d)
        return results, diags

    def _find_end(self, cand: _Candidate) -> str:
        c = cand.facts.chain
        if not is_value(cand.end, c.context):
            return "not-written"
        if "≈" in c.rels:
            # the chain establishes y in the rounding interval of the member after its last `\approx`;
            # every later member only equals that rounded number (`y \approx 0.33 = 0.330`)
            from .approx import _decimal_interval  # noqa: PLC0415

            last = len(c.rels) - 1 - c.rels[::-1].index("≈")
            established = _decimal_interval(c.members[last + 1].expr)
            interval = _decimal_interval(cand.end)
            if established is None or interval is None or established[0] <= 0 <= established[1]:
                return "too-coarse"  # `y \approx 0` (or `y \approx 0.0 = 0`) for y = 0.04: it says nothing of y
            if not interval[0] <= established[0] <= established[1] <= interval[1]:
                return "overstated"  # 0.330 claims y in [0.3295, 0.3305]; 0.33 showed [0.325, 0.335]
        return "met"

    def _verdict(self, g: Goal, cands: list[_Candidate], values: dict,
                 covered: str | None = None) -> tuple[GoalResult, list[Diagnostic]]:
        """The goal's result from its candidates; `covered`: how the cases of the inputs' regions under
        which its met chains stand were shown to hold wherever the goal is asked (step 5 of `run`), in
        words for the message; None when they were not."""
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

        met = [c for c in cands if c.outcome == "met" and not c.narrowed]
        cases = [c for c in cands if c.outcome == "met" and c.by_cases]
        if not met and cases and not any(_index_pattern(c.facts.chain.context.case, g) for c in cases) \
                and covered:
            lines = ", ".join(str(c.facts.chain.members[0].span.line) for c in cases)
            return result("met", "met-by-cases", f"shown by cases: the chains at lines {lines} under cases of "
                                                 f"the inputs' regions ({covered})", cases[0], None)
        cases = [c for c in cases if _index_pattern(c.facts.chain.context.case, g)]
        if not met and cases and _cases_cover(g, [c.facts.chain.context.case for c in cases]):
            lines = ", ".join(str(c.facts.chain.members[0].span.line) for c in cases)
            return result("met", "met-by-cases", f"shown by cases: the chains at lines {lines} cover every "
                                                 "pattern of the goal's indices", cases[0], None)
        if met:
            c = met[0]
            first, last = _lines(c.facts.chain)
            where = f"line {first}" if first == last else f"lines {first}-{last}"
            verb = "found" if g.kind == "find" else "shown"
            return result("met", "met", f"{verb} by the chain at {where}", c, None)
        if not cands:
            return result("unmet", "no-chain", f"no chain starts at this {what} goal's left side", None, "E302")
        usable = [c for c in cands if not c.narrowed and c.facts.sound]
        messages = {
            "not-written": ("unmet", "E302", lambda line: f"the chain at line {line} does not end in a number" if g.kind == "find"
                            else f"the chain at line {line} stops before the goal's right side: write the right side as its last step"),
            "approximate": ("unmet", "E302", lambda line: f"the chain at line {line} reaches the goal's right side only "
                            "approximately (`\\approx`), but the goal is exact"),
            "too-coarse": ("unmet", "E302", lambda line: f"the chain at line {line} ends in a rounding so coarse that it "
                           "could be 0: give more digits"),
            "overstated": ("unmet", "E302", lambda line: f"the chain at line {line} ends in more digits than its last "
                           "`\\approx` established: end at the rounded value"),
            "undecided": ("unmet", "E302", None),
            "different-value": ("wrong", "E303", lambda line: f"the chain at line {line} ends at a different value than "
                                "the goal's right side"),
        }
        for outcome in ("not-written", "approximate", "too-coarse", "overstated", "undecided", "different-value"):
            hit = [c for c in usable if c.outcome == outcome]
            if not hit:
                continue
            c = hit[-1]
            line = c.facts.chain.members[0].span.line
            status, code, text = messages[outcome]
            dec = values.get(id(c))
            if outcome == "undecided":
                msg = (f"the chain at line {line} ends at an expression not known to equal the goal's right side "
                       f"({dec.reason if dec else 'undecided'})")
            else:
                msg = text(line)
            notes = [f"counterexample: {_cx_text(dec.counterexample or {})}"] if outcome == "different-value" and dec \
                and dec.counterexample else []
            return result(status, outcome, msg, c, code, notes)
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
