"""Which steps are work: they say something, about the problem, on the way to an answer, once.

A step counts towards the problem's work (and, when its left side is not already a number, towards a
goal's `min-steps`) unless

  - it says nothing: its two sides have the same form (forms.py: notation, `1 \\cdot x`, `x + 0`,
    reordering, the student's own `let`s unfolded), or a detour: the same unworked derivatives on
    both sides and an identity in them (`(x^2 + 1) df/dx - x^2 df/dx`, `\\log e^{df/dx}`), unless it works numbers out (`2 (3)(2) =
    12`: the same number, written shorter, is arithmetic);
  - it pads: a later member keeps every term of an earlier one and adds terms that the steps between
    them, all holding, show to vanish (`_padded`: \\frac{dL}{dw} to \\frac{d}{dw}(L + z) - x), or is
    a number times it plus terms, or keeps its factors and multiplies by others, or grows an
    exponent (`_pads`); or, after padding, it only takes the padding away again or rewrites it;
  - its chain is about nothing of the problem: no quantity or function of the key appears in it,
    even through the student's `let`s (`1 + 1 = 2`, `(p + q)^2 = p^2 + 2 p q + q^2`);
  - it holds but comes after its chain, an attempt at a goal, has already reached the goal's right
    side (a `find`: a written number): `= 3 x^2 + 2 = (x^2 + 2/3) \\cdot 3` pads a finished answer
    (a wrong step there is still a mistake and costs its share);
  - it repeats an earlier step (the same two forms in the same `case`): a step counts once, however
    often it is written. A repeated step still counts for its own chain's `min-steps`, so writing a
    lemma's step again in the main chain costs nothing there.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import fields, replace
from fractions import Fraction

from .. import nodes as n
import sympy as sp

from ..check.goals import OPAQUE_PREFIX, canonical, is_value, same
from ..results import ACCEPTED
from ..elaborate import Chain, Context, Goal, Problem
from ..vocabulary import CONSTANTS, FUNCTION_WORDS
from .apply import _exact
from .forms import FormCache, delta_applied
from .forms import E_FORM, MAX_UNFOLD_DEPTH, PI_FORM, _real, size
from .key import KeyProblem, is_key_line

DERIVATIVES = (n.Deriv, n.Prime)
MAX_EXPAND_OPS = 200  # forms larger than this are not multiplied out (`_same_in_derivatives`)
MAX_OPERAND_PAIRS = 8  # pairs of derivatives per step whose operands are compared (`_same_operands`)


def unfolded_names(e: n.Expr, ctx: Context, outside_derivatives: bool) -> list[n.Name]:
    """The quantities `e` mentions, through the student's own `let`s (their names only name what they
    wrote); index letters, constants and built-in functions left out. `outside_derivatives`: leave out
    what stands inside a derivative (`\\frac{dL}{dh}` is a quantity of its own, not h)."""
    lets = {(d.target.base, d.target.raw_sub): d for d in ctx.definitions
            if not is_key_line(d.span.line) and d.params is None}
    idx = ctx.index_names
    out: list[n.Name] = []
    seen: set = set()

    def walk(x, depth: int):
        if outside_derivatives and isinstance(x, DERIVATIVES):
            return
        if isinstance(x, n.Name):
            if x.sub is None and (x.base in idx or x.base in CONSTANTS or x.base in FUNCTION_WORDS):
                return
            d = lets.get((x.base, x.raw_sub))
            if d is not None and (x.base, x.raw_sub) not in seen and depth < MAX_UNFOLD_DEPTH:
                seen.add((x.base, x.raw_sub))
                walk(d.body, depth + 1)
                return
            out.append(x)
            return
        for y in n.children(x):
            walk(y, depth)

    walk(e, 0)
    return out


def _applies(e: n.Expr, functions: frozenset[str]) -> bool:
    if isinstance(e, n.Name) and e.sub is None and e.base in functions:
        return True
    if isinstance(e, n.Call) and e.func in functions:
        return True
    return any(_applies(x, functions) for x in n.children(e))


def _related(chain: Chain, kp: KeyProblem) -> bool:
    """Does the chain mention a quantity the key gives or defines, or apply a function it applies?"""
    for m in chain.members:
        if _applies(m.expr, kp.functions):
            return True
        if any(kp.gives(nm) or kp.defines(nm) for nm in unfolded_names(m.expr, chain.context, outside_derivatives=False)):
            return True
    return False


def _serving(problem: Problem, attempts: list[list[int]], kp: KeyProblem, forms: FormCache, options=None,
             idle: frozenset = frozenset()) -> set[int]:
    """The chains that serve a goal: those that attempt one, those that end at a goal's left side
    (a derivation written backwards), and, until nothing changes, those cited with `by` by a serving
    chain, or whose results a serving chain uses (`_gives`), or, where the problem gives values, those
    that start at a quantity the key defines on the way to a goal (a forward pass `o = \\sigma(0) = 0.5`).
    A chain that starts at a goal's answer serves nothing by being used (the answer rewritten). Empty
    when no chain attempts a goal: then every related chain's steps count, as partial work. Steps about
    f's value or a second derivative next to an answered goal serve nothing
    (tests/grading/redteam/r14_off_task_steps, r16_off_task_used_cheaply). With `options`, a chain
    that starts at a derivative equal, as the checker decides it in the chain's context (the key's
    definitions in force), to one a serving chain writes by the same variable serves too: do/dz
    computes the σ'(z) of `-\\frac{1}{o} σ'(z) x` with the key's o = σ(z) (`_same_derivative`).
    A `by` on a step in `idle` (padding, its removal, a loop: steps that earn nothing) makes no lemma
    serve: a lemma that only shows the padding vanishes works out nothing of the problem
    (tests/grading/redteam/r22_padding_hidden lemma_zero)."""
    serving = {ci for cis in attempts for ci in cis}
    if not serving:
        return set()
    for ci, chain in enumerate(problem.chains):
        idx = chain.context.index_names
        if any(same(chain.members[-1].expr, goal.lhs, idx) for goal in problem.goals):
            serving.add(ci)
    answers = [goal.rhs for goal in problem.goals if goal.rhs is not None]
    path = _on_the_way(problem) if any(goal.context.point for goal in problem.goals) else set()
    written: set = set()  # every node a serving chain writes
    named: set = set()  # the names it writes outside derivatives (`\\mathrm{ReLU}(u)` uses u; `\\frac{df}{dx}` not f)
    shapes: list = []  # the forms of its members
    worked, worked_named, worked_shapes = set(), set(), []  # the same, the goals' answers left out
    variables = {canonical(d.var, (), goal.context.index_names) for goal in problem.goals
                 for d in n.subtrees(goal.lhs) if isinstance(d, n.Deriv)}
    cited: set = set()
    derivatives: list = []  # (variable, derivative node) a serving chain writes
    decided: dict = {}  # (chain, derivative) -> the checker's answer (`_same_derivative`)
    done: set = set()
    while True:
        for ci in serving - done:
            chain = problem.chains[ci]
            idx = chain.context.index_names
            f = forms.of(chain.context)
            for m in chain.members:
                answer = any(same(m.expr, a, idx) for a in answers)
                for w, nm, sh in ((written, named, shapes),) + (() if answer else ((worked, worked_named, worked_shapes),)):
                    w.update(_subexpressions(m.expr, idx))
                    nm.update(_names_outside_derivatives(m.expr, idx))
                    shape = f.form(m.expr)
                    if shape is not None:
                        sh.append(shape)
                derivatives.extend(x for x in _derivative_nodes(m.expr, idx) if x not in derivatives)
            cited.update(j.text for k, j in enumerate(chain.justifications)
                         if j is not None and j.kind == "by" and (ci, k) not in idle)
        done |= serving
        more = set()
        for ci, chain in enumerate(problem.chains):
            if ci in serving:
                continue
            idx = chain.context.index_names
            if any(same(chain.members[0].expr, a, idx) for a in answers):
                continue  # the answer written again and rewritten: as steps after the answer
            start = chain.let_target if chain.let_target is not None else chain.members[0].expr
            if (chain.lemma is not None and chain.lemma in cited) \
                    or (isinstance(start, n.Name) and canonical(start, (), idx) in path) \
                    or (_about_a_quantity(start, chain, kp)
                        and (_gives(chain, kp, forms, worked, worked_named, worked_shapes)
                             or (not _by_another_input(start, kp, variables, idx)
                                 and _gives(chain, kp, forms, written, named, shapes)))):
                more.add(ci)
        if not more and options is not None:
            more = _same_derivative(problem, serving, derivatives, decided, options)
        if not more:
            return serving
        serving |= more


MAX_DERIVATIVE_PAIRS = 8  # derivatives a side chain's start is compared with (`_same_derivative`)


def _variable(d, idx):
    """The variable of a derivative node: `\\frac{do}{dz}`'s z, `σ'(z)`'s z; None for another."""
    if isinstance(d, n.Product) and len(d.factors) == 2 and isinstance(d.factors[0], n.Prime):
        args = d.factors[1]
        if isinstance(args, n.Group) and len(args.items) == 1 and isinstance(args.items[0], n.Name):
            return canonical(args.items[0], (), idx)
        return None
    if isinstance(d, n.Deriv) and d.var is not None and d.order == 1:
        return canonical(d.var, (), idx)
    return None


def _derivative_nodes(e, idx) -> list:
    """(variable, node) of the first-order derivatives `goals.opaque` reads in e, outside sums."""
    from ..check.goals import opaque  # noqa: PLC0415

    found: list = []

    def record(d, bound):
        v = None if bound else _variable(d, idx)
        if v is not None and (v, d) not in found:
            found.append((v, d))

    opaque(e, idx, key_of=record)
    return found


def _same_derivative(problem: Problem, serving: set, derivatives: list, decided: dict, options) -> set:
    """The chains not serving yet that start at a derivative the checker shows equal, in the chain's
    context with the key's definitions (its `case` left out), to a derivative by the same variable that a serving chain
    writes (written differently: do/dz and σ'(z) with the key's o = σ(z))."""
    from ..check.jobs import _Job, decide_jobs  # noqa: PLC0415

    todo = []
    for ci, chain in enumerate(problem.chains):
        if ci in serving or is_key_line(chain.members[0].span.line) or len(chain.members) < 2:
            continue
        idx = chain.context.index_names
        start = chain.members[0].expr
        starts = _derivative_nodes(start, idx)
        if len(starts) != 1 or canonical(starts[0][1], (), idx) != canonical(start, (), idx):
            continue  # a chain that starts at one derivative alone
        var, node = starts[0]
        for v, d in [x for x in derivatives if x[0] == var][:MAX_DERIVATIVE_PAIRS]:
            if (ci, d) not in decided and canonical(d, (), idx) != canonical(node, (), idx):
                # without the side chain's own `case`: under case z > 0 the slope of |z| is ReLU'(z), but
                # the chain is not about ReLU (r20_case_same_derivative)
                ctx = replace(chain.context, case=()) if chain.context.case else chain.context
                todo.append(((ci, d), _Job("goal", None, 0, 0, ctx, node, d, "=", options.seed)))
    if todo:
        for (pair, _), (dec, _) in zip(todo, decide_jobs([job for _, job in todo], options)):
            decided[pair] = dec.verdict in ACCEPTED
    return {ci for (ci, _), ok in decided.items() if ok and ci not in serving}


def _by_another_input(start, kp: KeyProblem, variables: set, idx) -> bool:
    """A derivative by an input the key gives that no goal differentiates by (dL/db beside the goal
    dL/dw): another task, used only by a serving member other than a goal's answer, which the key
    gives whatever the student derived (tests/grading/redteam/r15_off_task_relatives other_parameter;
    `\\frac{d}{dx} x^3 = 3x^2` beside the answer 3x^2 + 2 is by the goal's own x, r18_cheap_uses)."""
    d = start.factors[0] if isinstance(start, n.Product) and start.factors else start
    var = getattr(d, "var", None)
    return isinstance(d, n.Deriv) and isinstance(var, n.Name) and kp.gives(var) \
        and canonical(var, (), idx) not in variables


def _about_a_quantity(start, chain: Chain, kp: KeyProblem) -> bool:
    """A chain can serve by being used only when it works out a quantity: it starts at a derivative,
    or at a name the key or the student defines (`u = x w + b`, `let u_0 = ...`); a chain that starts
    at an expression (`f - x^3 - 2x + 2 = 2`, `\\frac{f}{e^x} = e^x`) serves nothing by a part of it
    that the answer happens to write too."""
    if isinstance(start, (n.Deriv, n.Prime)) or (isinstance(start, n.Product) and start.factors
                                                 and isinstance(start.factors[0], (n.Prime, n.Deriv))):
        return True  # `\\frac{dL}{dw}`, `\\sigma'(z)`, the operator form `\\frac{d}{dx} x^3`
    if isinstance(start, n.Name):
        return kp.defines(start) or any(d.target.base == start.base and d.target.sub == start.sub
                                        for d in chain.context.definitions)
    return False


def _gives(chain: Chain, kp: KeyProblem, forms: FormCache, written: set, named: set, shapes: list) -> bool:
    """Does a serving chain use what this chain writes? A quantity's name (the key's, or the student's
    own, never a bare input: `x = (x + 1)^2 - x^2 - x - 1`) written outside derivatives; a number other
    than 0 and 1 written anywhere (a forward pass's 0.5); any other member as a node, or as a part of a
    member's form (`-\\frac{1}{o}` in `-\\frac{1}{o}\\frac{\\partial o}{\\partial w}`, a derivative by its
    form: `\\sigma'(z)` alone and inside a product)."""
    idx = chain.context.index_names
    f = forms.of(chain.context)
    targets = [chain.let_target] if chain.let_target is not None else []
    for e in targets + [m.expr for m in chain.members]:
        if isinstance(e, n.Num):
            if canonical(e, (), idx) in written and _number(e) not in (0, 1):
                return True
            continue
        if isinstance(e, n.Name):
            quantity = kp.defines(e) or any(d.target.base == e.base for d in chain.context.definitions)
            if canonical(e, (), idx) in named and quantity:
                return True
            continue
        if canonical(e, (), idx) in written:
            return True
        shape = f.form(e)
        if shape is None or shape.is_Number or (shape.is_Symbol and OPAQUE_PREFIX not in shape.name):
            continue
        if any(_inside(shape, s) for s in shapes):
            return True
    return False


MAX_SUBS_OPS = 200  # forms larger than this are not searched for a part (`_inside`)


def _inside(part: sp.Basic, whole: sp.Basic) -> bool:
    """part is a part of whole as SymPy matches parts: a symbol in it, or a sub-sum or sub-product."""
    if part.is_Symbol:
        return part in whole.free_symbols
    if sp.count_ops(whole) > MAX_SUBS_OPS or sp.count_ops(part) > MAX_SUBS_OPS:
        return False
    try:
        return whole.subs(part, sp.Dummy()) != whole
    except (ValueError, TypeError, RecursionError, AttributeError):
        return False


def _number(e: n.Num):
    try:
        return Fraction(e.text)
    except (ValueError, ZeroDivisionError):
        return None


def _on_the_way(problem: Problem) -> set:
    """The names the key defines that its goals' left sides reach through the definitions (inside
    derivatives too): L, o and z for dL/dw with L = -log o, o = sigma(z), z = w x + b."""
    defs: dict = {}
    for goal in problem.goals:
        for d in goal.context.definitions:
            if is_key_line(d.span.line):
                defs.setdefault(d.target.base, []).append(d)
    out: set = set()  # canonical forms of the defined names reached (a subscript is part of the name)
    todo = [nm for goal in problem.goals for nm in n.subtrees(goal.lhs) if isinstance(nm, n.Name)]
    while todo:
        nm = todo.pop()
        key = canonical(nm)
        if key in out or nm.base not in defs or not any(canonical(d.target) == key for d in defs[nm.base]):
            continue
        out.add(key)
        todo += [x for d in defs[nm.base] for x in n.subtrees(d.body) if isinstance(x, n.Name)]
    return out


def _names_outside_derivatives(e, idx) -> set:
    if isinstance(e, DERIVATIVES):
        return set()
    if isinstance(e, n.Name):
        return {canonical(e, (), idx)}
    return set().union(*(_names_outside_derivatives(c, idx) for c in n.children(e)))


def _subexpressions(e, idx) -> set:
    """The canonical forms of e and of every node inside it."""
    out = {canonical(e, (), idx)} if isinstance(e, n.Node) else set()
    for c in n.children(e):
        out |= _subexpressions(c, idx)
    return out


MAX_LOOP_MEMBERS = 24  # members of one chain searched for loops (`_loops`)


def _loops(chain: Chain, forms: FormCache) -> set[int]:
    """The steps of a chain that go round a loop: member k is member j (j < k - 1) again, up to form or
    as `Forms.detour` reads two members (nothing differentiated between them, equal once padding's
    derivatives are worked out with the key's quantities as functions of the variable): the steps
    j+1..k went out and came back (`\\frac{d}{dw}(L + b)` to `\\frac{d}{dw}(L + b^2)` after dL/dw, or
    `\\frac{d}{dw}(L + L^2) - 2L\\frac{dL}{dw}` worked back to dL/dw), and none of them is work."""
    members = chain.members[:MAX_LOOP_MEMBERS]
    if len(members) < 3:
        return set()
    f = forms.of(chain.context)
    shapes = [f.form(m.expr) for m in members]
    out: set[int] = set()
    for k in range(2, len(members)):
        fb = shapes[k]
        if fb is None:
            continue
        for j in range(k - 1):
            fa = shapes[j]
            if fa is None or not any(OPAQUE_PREFIX in str(x) for x in fa.free_symbols):
                continue
            if fa == fb or _same_in_derivatives(fa, fb) or f.detour(fa, fb):
                out.update(range(j + 1, k + 1))
                break
    return out


HOLDS = ("accepted", "carried", "at-point")  # grades of steps that hold (as the checker decided them)


def _padded(chain: Chain, ci: int, grades: dict, forms: FormCache, values: dict | None = None) -> set[int]:
    """The steps j+1..k of a chain whose member k is padding of an earlier member j, every step between
    them holding (so what the padding brings in vanishes, as the checker decided the steps, in the
    chain's context with the key's definitions), and the steps after that only take padding away.
    Member k pads member j (`_pads`) when, as forms,

      - it keeps every term of j (number factors included) and adds others (`\\frac{d}{dw}(L + z) - x`
        after dL/dw, `\\frac{dL}{dh_i} + \\frac{\\partial^2 h_i}{\\partial h_i^2}`, `\\frac{d}{dx}(f + g(x)) - 2x
        - \\cos x` with the key's g);
      - it keeps every factor of j and multiplies by others (`\\frac{df}{dx} \\cdot \\frac{f}{x^3 + 2x}`),
        or raises one of them to an exponent that keeps every term of the old one and adds others
        (`(\\frac{df}{dx})^{f - x^3 - 2x + 1}`): the factors are 1, the exponent's added terms 0;
      - it holds j whole inside a wrapping that is j again for every value by the key's definitions
        (`_wrapped`: `\\sqrt{m^2 + f - x^3 - 2x}` after m).

    The steps that only rewrite what it brought in (`- \\frac{do}{dw}` replaced by `- o (1 - o) x`) are
    padding of j too and earn nothing; so does a later step, holding, whose right side is its left
    side with some of the padding's terms or factors (as some padding member wrote them) taken away
    again, or the padding exponent dropped (`_removes`): the work done beside the padding counts, its
    removal does not (tests/grading/redteam/r20_padding_removed). A step the rubric refuses (`at-point
    no`: `x = w x` at w = 1) stays a step, uncredited: padding never takes a refused step out of the
    count (r18_at_point_cases). No new decision: the steps' own verdicts are used."""
    members = chain.members[:MAX_LOOP_MEMBERS]
    f = forms.of(chain.context)
    shapes = [f.form(m.expr) for m in members]
    # `\\log e^{u}` read as u inside derivatives, `\\sum_j \\delta_{ij} X_j` as X_i (`Forms.summed`)
    plain = [_plain(f, f.summed(m.expr)) for m in members]
    terms = [None if shape is None else Counter(sp.Add.make_args(shape)) for shape in shapes]
    out: set[int] = set()
    brought: set = set()  # what padding brought in: ("term", t, c), ("factor", base, exp), ("exponent", e), ("scale", c)
    first = None  # the first padding member
    for k in range(1, len(members)):
        tk = terms[k]
        if tk is None:
            continue
        for j in range(k - 1, -1, -1):
            g = grades.get((ci, j + 1))
            if g is None or g.grade not in HOLDS:
                break  # m_j = m_k only through steps that hold
            tj = terms[j]
            if tj is None:
                continue
            if tj != tk and not (tj - tk):
                pads = _safely(_added, shapes[j], shapes[k], 1) or {("kept",)}
            else:
                pads = _safely(_pads, shapes[j], shapes[k]) or _safely(_wrapped, f, shapes[j], shapes[k]) \
                    or _safely(_operand, f, plain[j], plain[k])
            if pads:
                out.update(range(j + 1, k + 1))
                brought |= pads
                first = k if first is None else min(first, k)
                break
        g = grades.get((ci, k))
        if first is not None and k > first and k not in out and g is not None and g.grade in HOLDS \
                and shapes[k - 1] is not None and _safely(_removes, shapes[k - 1], shapes[k], brought):
            out.add(k)
    for k in range(1, len(members)):  # factors whose product is 1 by the key's definitions taken away
        g = grades.get((ci, k))
        if k not in out and g is not None and g.grade in HOLDS and _safely(_unit_taken, f, shapes[k - 1], shapes[k]):
            out.add(k)
    for k in range(1, len(members)):  # a derivative's value used without working it out
        g = grades.get((ci, k))
        if k in out or g is None or g.grade not in HOLDS:
            continue
        judged = values.get((ci, k)) if values else None  # decided by the checker (`_value_decisions`)
        unknown = False  # a candidate for the value test that neither the checker nor the forms decide
        if judged is None and g.grade == "accepted":
            where = _safely(_restrictions, f, chain.context)
            judged = _safely(_uses_value, f, plain[k - 1], plain[k], where) if isinstance(where, tuple) else None
            unknown = (judged is None or isinstance(judged, set)) and _candidate(f, plain[k - 1], plain[k])
        if not judged and g.grade == "accepted":  # the operand padded beside a value use (`_operand_read`)
            read = _safely(_operand_read, f, plain[k - 1], plain[k])
            if isinstance(read, sp.Basic) and (_safely(_uses_value, f, plain[k - 1], read) is True
                                               or _safely(_scaled, plain[k - 1], read) is True):
                judged = True
        if judged is None or isinstance(judged, set):  # not judged by value (or failed): a scaled copy by its shape alone
            judged = bool(_safely(_scaled, plain[k - 1], plain[k])) or unknown  # unknown work is not work
        if judged:
            out.add(k)
            out |= _safely(_scaffold_collected, ci, k, grades, plain) or set()
    return {k for k in out if grades.get((ci, k)) is None or grades[(ci, k)].grade != "at-point"}


def _candidate(f, fa, fb) -> bool:
    """The step keeps the same unworked derivatives (as forms read them, known ones aside: `_held`) and
    changes its form: a step the value test is for (`_uses_value`, `_value_decisions`)."""
    if fa is None or fb is None or fa == fb:
        return False
    held, other = _held(f, fa, fb)
    return bool(held) and held == other


def _known_derivatives(f, symbols) -> dict:
    """The derivative quantities among the symbols whose operand mentions nothing of the key's and no
    other derivative (`\\frac{d}{dx} x^2`, the answer's `\\phi'(x)` with phi a function nobody defines)
    -> their values, worked out by SymPy (phi's derivative kept as SymPy's Derivative, read later at the
    generic reading of phi): values, not new quantities, for the value test (`_uses_value`), so that a
    value use cannot hide behind `+ \\frac{d}{dx} x^2 - 2x` (tests/grading/redteam/r28g_attacks
    new_deriv_square, g_new_phi_prime)."""
    out = {}
    free = f.undefined_functions()
    for q in symbols:
        if q not in f._terms:
            continue
        t, var = f._terms[q]
        if not isinstance(var, sp.Symbol) or t.free_symbols & f._keyed or _quantities(t) or var in f._keyed:
            continue
        real = _real(t, f._constants)
        if real is None or sp.count_ops(real) > MAX_EXPAND_OPS \
                or any(a.func.__name__ not in free for a in real.atoms(sp.core.function.AppliedUndef)):
            continue
        try:
            d = sp.diff(real, var)
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            continue
        if all(isinstance(x.expr, sp.core.function.AppliedUndef) for x in d.atoms(sp.Derivative)) \
                and not _unfolded(f, real, symbols - {q}):
            out[q] = d
    return out


def _unfolded(f, real, symbols) -> bool:
    """The operand is a number times another derivative's operand with the key's definitions written in:
    the step unfolds the key inside the derivative (`\\frac{d}{dx}(3v)` to `\\frac{d}{dx} x^2` with the
    key's v = x^2/3: work, tests/grading/redteam/r22_honest_shapes implicit_scaled), not padding."""
    for r in symbols:
        if r not in f._terms:
            continue
        value = f.by_key(f._terms[r][0])
        if value is None or value == 0:
            continue
        try:
            ratio = sp.simplify(real / value)
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            return True
        if ratio.is_Number or not ratio.free_symbols:
            return True
    return False


def _held(f, fa, fb) -> tuple:
    """The derivative quantities of each form that stay quantities: the known ones (`_known_derivatives`)
    aside."""
    qa, qb = _quantities(fa), _quantities(fb)
    known = set(_known_derivatives(f, qa | qb))
    return qa - known, qb - known


def _value_decisions(grades: dict, problem: Problem, forms: FormCache, options) -> dict:
    """(chain, step) -> does the step use its derivatives' values (True), hold for every value of them
    (False), or neither decided (None): for every accepted step whose two sides keep the same unworked
    derivatives (as forms read them, and as the checker names them), the checker decides the two sides
    with those derivatives as free quantities, in the chain's own context: the key's definitions in force
    (subscripted and family names, the key's functions), its `assume`s and the chain's `case`, and at a
    given point the point's values, with the checker's sampling (points drawn from the run's seed and the
    step's content, certified refutation). Refuted: the step holds only at the derivatives' values, a
    value use (`_padded`); proved or numeric: an identity in them, work. Only for steps the checker
    accepted (as `_uses_value`): a carried step holds only with the student's earlier values."""
    from ..check.goals import opaque, opaque_context  # noqa: PLC0415
    from ..check.jobs import _contains, _Job, decide_jobs  # noqa: PLC0415
    from .forms import derivatives_in  # noqa: PLC0415

    steps, jobs = [], []
    for (ci, k), g in sorted(grades.items()):
        if g.grade != "accepted":
            continue  # a carried step is false in the key's context by design; an at-point one is refused anyway
        chain = problem.chains[ci]
        if k >= MAX_LOOP_MEMBERS:
            continue
        a, b = chain.members[k - 1].expr, chain.members[k].expr
        f = forms.of(chain.context)
        fa, fb = _plain(f, f.summed(a)), _plain(f, f.summed(b))
        if fa is None or fb is None or fa == fb or not _quantities(fa) or _quantities(fa) != _quantities(fb):
            continue
        idx = chain.context.index_names
        try:
            held = derivatives_in(a, idx)
            ctx = opaque_context(chain.context)
            if not held or held != derivatives_in(b, idx):
                # the derivative written two ways, one read by linearity; a `let` of a derivative in the
                # context (`let v = \\frac{df}{dx}`) named as the members' derivatives are
                lets = [i for i, d in enumerate(chain.context.definitions) if _contains(d.body, DERIVATIVES)]
                a, b, bodies = _one_way(f, a, b, idx, [chain.context.definitions[i].body for i in lets])
                held = derivatives_in(a, idx)
                if not held or held != derivatives_in(b, idx):
                    continue  # the forms' own test (`_uses_value`)
                if lets:
                    defs = list(chain.context.definitions)
                    for i, body in zip(lets, bodies):
                        defs[i] = replace(defs[i], body=body)
                    ctx = replace(chain.context, definitions=tuple(defs))
        except (RecursionError, TypeError, ValueError, AttributeError):
            continue
        steps.append((ci, k))
        jobs.append(_Job("goal", None, 0, 0, ctx, opaque(a, idx), opaque(b, idx), "=", options.seed))
    decided = decide_jobs(jobs, options) if jobs else []
    out: dict = {}
    for step, (d, _) in zip(steps, decided):
        out[step] = True if d.verdict == "refuted" else False if d.verdict in ACCEPTED else None
    return out


def _operand_decisions(grades: dict, problem: Problem, forms: FormCache, options) -> None:
    """For every accepted step that replaces one derivative d/dv A by another d/dv B whose operand B writes
    dA/dv itself (`\\frac{\\partial}{\\partial h_i}(L (\\frac{\\partial L}{\\partial h_i} - o_i + y_i + 1))`
    after dL/dh_i), the checker decides B = A in the chain's context, with the key's definitions and
    the derivative inside B worked out: where it holds, B is A padded by a factor 1 or a term 0 that
    is so only at the derivative's value (`Forms.derivative_values` cannot work out a value through a
    sum or a function like ReLU), and the number c with c B = A (as forms read them, number factors
    out) is recorded for `_operand_scale`. An honest step never writes a derivative inside the operand
    of the same derivative (tests/grading/redteam/r28g_attacks soft_operand_term, r_operand)."""
    from ..check.jobs import _Job, decide_jobs  # noqa: PLC0415

    todo, jobs = [], []
    for (ci, k), g in sorted(grades.items()):
        if g.grade != "accepted" or k >= MAX_LOOP_MEMBERS:
            continue
        chain = problem.chains[ci]
        a, b = chain.members[k - 1].expr, chain.members[k].expr
        f = forms.of(chain.context)
        fa, fb = _plain(f, f.summed(a)), _plain(f, f.summed(b))
        if fa is None or fb is None or fa == fb:
            continue
        qa, qb = _quantities(fa) - _quantities(fb), _quantities(fb) - _quantities(fa)
        if len(qa) != 1 or len(qb) != 1:
            continue
        (q1,), (q2,) = qa, qb
        if q1 not in f._terms or q2 not in f._terms or (q1, q2) in f._operand_scales:
            continue
        (ta, va), (tb, vb) = f._terms[q1], f._terms[q2]
        if va != vb or q1 not in tb.free_symbols:
            continue
        idx = chain.context.index_names
        na, nb = _written_derivative(f, a, q1, idx), _written_derivative(f, b, q2, idx)
        if na is None or nb is None:
            continue
        f._operand_scales[q1, q2] = None  # decided once per context
        todo.append((f, q1, q2, nb[1] / na[1]))
        jobs.append(_Job("goal", None, 0, 0, chain.context, nb[0].expr, na[0].expr, "=", options.seed))
    decided = decide_jobs(jobs, options) if jobs else []
    for (f, q1, q2, c), (d, _) in zip(todo, decided):
        f._operand_scales[q1, q2] = c if d.verdict in ACCEPTED else None


def _written_derivative(f, e, q, idx):
    """(the derivative node, c) of the one derivative written in e (outside sums) that forms read as c
    times the quantity q, c a number other than 0; None where there is not exactly one."""
    found = []
    for _, d in _derivative_nodes(e, idx):
        if not isinstance(d, n.Deriv) or d.expr is None:
            continue
        form = f.form(d)
        if form is None:
            continue
        c, rest = form.as_coeff_Mul()
        if rest == q and c.is_Rational and c != 0:
            found.append((d, c))
    return found[0] if len(found) == 1 else None


def _one_way(f, a, b, idx, extra=()):
    """The two members with every derivative that forms read by linearity as a number times one
    quantity (`\\frac{1}{2}\\frac{d}{dx}(2f)`, `\\frac{\\partial}{\\partial h_i}(2L)` inside a sum) written as
    that number times one written derivative of that quantity (`\\frac{df}{dx}`), so that the checker
    can decide the step with the derivatives free (`_value_decisions`) as it does when one name is
    written; padding terms beside it in its operand are written as their derivative, worked out
    (`\\frac{d}{dx}(2f + x^2)` as `2\\frac{df}{dx} + 2x`); every derivative is named as forms read it
    (`\\frac{dg}{dx}` after `let g = f` is `\\frac{df}{dx}`). A derivative read otherwise (two
    quantities) keeps its own name (the forms' own test then reads the step). Where no derivative of a
    quantity is written without padding, the first one written stands for it (`\\frac{d}{dx}(f + x^4)` as
    `\\frac{d}{dx}(f + x^2) + 4x^3 - 2x`). `extra`: the bodies of the context's `let`s that hold a
    derivative, read and returned (third) the same way, so the checker's context names them as the
    members do."""
    from ..check.goals import opaque  # noqa: PLC0415

    oa, ob = opaque(a, idx, key_of=f._derivative_key), opaque(b, idx, key_of=f._derivative_key)
    ox = [opaque(x, idx, key_of=f._derivative_key) for x in extra]
    written: list = []

    def walk(x):
        if isinstance(x, n.Name) and x.base.startswith(OPAQUE_PREFIX):
            written.append(x)
        for y in n.children(x):
            walk(y)

    for x in (oa, ob, *ox):
        walk(x)
    nodes = {}  # a name's form -> the name as written, for the padding's derivative written back

    for x in n.names((a, b, *extra)):
        nodes.setdefault(sp.Symbol(repr(canonical(x, (), idx))), x)
    nodes.update({c: n.Name(a.span, name) for c, name in ((E_FORM, "e"), (PI_FORM, "pi")) if c in f._constants})
    readings = {}  # written name -> (number factor, quantity, the padding's derivative worked out)
    for name in written:
        reading = f._expansions.get(name.base)
        if reading is None:
            continue
        held = [t for t in sp.Add.make_args(reading) if _quantities(t)]
        if len(held) != 1:
            continue
        c, q = held[0].as_coeff_Mul()
        if q.is_Symbol and c.is_Rational and c != 0:
            readings[name.base] = (name, c, q, reading - held[0])  # `\\frac{d}{dx}(2f + x^2)`: 2 df/dx, 2x
    reps: dict = {}  # quantity -> (the derivative written for it, its number factor, its padding's derivative)
    for name, c, q, rest in readings.values():
        if rest == 0:
            reps.setdefault(q, (name, c, rest))
    for name, c, q, rest in readings.values():  # none without padding: the first written stands for it
        reps.setdefault(q, (name, c, rest))
    mapping: dict = {}
    r = sp.Dummy("rep")
    for name, c, q, rest in readings.values():
        if q not in reps or name.base == reps[q][0].base:
            continue
        rep, c0, rest0 = reps[q]  # rep = c0 q + rest0, so name = c q + rest = (c / c0)(rep - rest0) + rest
        form = sp.Rational(c, c0) * r
        if rest != 0 or rest0 != 0:
            form = sp.Rational(c, c0) * (r - rest0) + rest
        value = _written(form, {**nodes, r: rep}, name.span)
        if value is None:
            continue
        mapping[name.base] = value
    return _renamed(oa, mapping), _renamed(ob, mapping), [_renamed(x, mapping) for x in ox]


def _written(form, names: dict, span):
    """A form built of numbers, the given symbols (-> their nodes), sums, products, powers and
    `\\sin`/`\\cos`/`\\exp`/`\\log` written back as nodes (`_one_way`: a padding term's derivative);
    None for anything else."""
    group = lambda x: n.Group(span, (x,))  # noqa: E731
    if form.is_Rational:
        number = n.Num(span, str(abs(form.p)))
        if form.q != 1:
            number = n.Frac(span, number, n.Num(span, str(form.q)))
        return group(n.Neg(span, number)) if form < 0 else number
    if form in names:
        return group(names[form])
    parts = [_written(x, names, span) for x in form.args]
    if any(p is None for p in parts):
        return None
    if form.is_Add:
        out = parts[0]
        for p in parts[1:]:
            out = n.Add(span, out, p, 1)
        return group(out)
    if form.is_Mul:
        return group(n.Product(span, tuple(parts), ("*",) * (len(parts) - 1)))
    if form.is_Pow:
        return group(n.Pow(span, parts[0], parts[1]))
    if isinstance(form, sp.core.function.AppliedUndef) and form.func.__name__ in ("sin", "cos", "exp", "log") \
            and len(parts) == 1:
        return group(n.Call(span, form.func.__name__, (parts[0],)))
    return None


def _renamed(e, mapping: dict):
    """The node with the opaque names in mapping replaced by their nodes."""
    if isinstance(e, (tuple, list)):
        return type(e)(_renamed(x, mapping) for x in e)
    if isinstance(e, n.Name) and e.base in mapping:
        return mapping[e.base]
    if not isinstance(e, n.Node):
        return e
    return replace(e, **{fl.name: _renamed(getattr(e, fl.name), mapping) for fl in fields(e) if fl.name != "span"})


def _plain(f, shape):
    """`Forms.plain`, or the form itself where SymPy cannot rebuild it."""
    if shape is None:
        return None
    try:
        return f.plain(shape)
    except (AttributeError, TypeError, ValueError, RecursionError, ZeroDivisionError):
        return shape


MAX_SCAFFOLD_PARTS = 64  # subexpressions of a member tried as the value a scaffold was written at (`_scaffold_collected`)


def _scaffold_collected(ci: int, k: int, grades: dict, shapes: list) -> set[int]:
    """After step k used the value of the one derivative t that members k - 1 and k keep (M(t) to S(t),
    `_uses_value` or `_scaled`), the steps i+1..j with member i the scaffold at some w, S(w), and
    member j the earlier member at the same w, M(w), every step between holding: they only collect
    the scaffold back (`x(3x^2 + 2) - (x - 1)(3x^2 + 2)` to `3x^2 + 2` after `x\\frac{df}{dx} - (x -
    1)(3x^2 + 2)`), as a loop goes out and comes back. The step that works t out inside the scaffold
    (S(t) to S(v)) or works on the value inside it (S(v) to S(v')) changes w and counts; a step that
    collects and works at once (S(v) to M(v')) counts. One derivative only (w is sought among the
    parts of member j, M(w) = member j)."""
    if shapes[k - 1] is None or shapes[k] is None:
        return set()
    held = _quantities(shapes[k - 1])
    if len(held) != 1 or held != _quantities(shapes[k]):
        return set()
    (t,) = held
    m, s = shapes[k - 1], shapes[k]
    out: set[int] = set()
    for j in range(k + 1, len(shapes)):
        g = grades.get((ci, j))
        if g is None or g.grade not in HOLDS:
            break  # the scaffold is followed only through steps that hold
        mj = shapes[j]
        if mj is None:
            continue
        parts = [mj] if m == t else list(sp.preorder_traversal(mj))[:MAX_SCAFFOLD_PARTS]
        values = [w for w in parts if m.xreplace({t: w}) == mj]
        for i in range(k, j):
            if shapes[i] is not None and shapes[i] != mj and any(s.xreplace({t: w}) == shapes[i] for w in values):
                out.update(range(i + 1, j + 1))
                break
    return out


def _operand(f, fa, fb) -> set:
    """fb is fa with one derivative's operand A replaced by B, by the same variable, where B keeps A
    and pads it by the key's definitions: B keeps every term of A (number factors included) and adds
    terms that are 0, or keeps every factor of A (at least at its power) and multiplies by factors
    whose product is 1 (`\\frac{d}{dx}\\frac{f^2}{x^3 + 2x}` after `\\frac{df}{dx}`). Unfolding the key's
    f inside the derivative keeps nothing of A and stays work; so does unfolding one power of it
    (`f^2` to `f (x^3 + 2x)`). The steps between hold (`_padded`), but equal derivatives do not make
    equal operands, so the added part is decided here: written in by the key's definitions, it is 0 or
    1 (tests/grading/redteam/r22_padding_hidden operand_factor). A number forms take out of B's
    derivative by linearity (`\\frac{d}{dx}(u \\frac{du/dx}{6x})` is 1/6 of d/dx(u du/dx / x)) is B's
    (`_operand_scale`)."""
    if fa is None or fb is None or fa == fb:
        return set()
    qa, qb = _quantities(fa) - _quantities(fb), _quantities(fb) - _quantities(fa)
    if len(qa) != 1 or len(qb) != 1:
        return set()
    (q1,), (q2,) = qa, qb
    c = _operand_scale(f, q1, q2)
    if c is None or sp.expand(fb - fa.xreplace({q1: c * q2})) != 0:
        return set()
    return {("operand", q2)}


def _operand_read(f, fa, fb):
    """fb with the one derivative it has instead of fa's written back as fa's, where its operand pads fa's
    (`_operand_scale`): `2\\frac{d}{dx}(f \\frac{df/dx}{3x^2 + 2}) - 3x^2 - 2` is `2\\frac{df}{dx} - 3x^2 - 2`,
    for the value test (r28g_attacks operand_and_value); None for another step."""
    if fa is None or fb is None or fa == fb:
        return None
    qa, qb = _quantities(fa) - _quantities(fb), _quantities(fb) - _quantities(fa)
    if len(qa) != 1 or len(qb) != 1:
        return None
    (q1,), (q2,) = qa, qb
    c = _operand_scale(f, q1, q2)
    return None if c is None else fb.xreplace({q2: q1 / c})


def _operand_scale(f, q1, q2):
    """The number c such that c times the operand of q2 keeps q1's operand A and pads it (see `_operand`),
    so q2 = q1 / c; None where it does not."""
    if q1 not in f._terms or q2 not in f._terms:
        return None
    if f._operand_scales.get((q1, q2)) is not None:  # the checker's reading (`_operand_decisions`)
        return f._operand_scales[q1, q2]
    (a, va), (b, vb) = f._terms[q1], f._terms[q2]
    if va != vb:
        return None
    ma, mb = _monomials(a), _monomials(b)
    if all(mb.get(t) == c for t, c in ma.items()) and len(mb) > len(ma):
        rest, target, scale = sp.Add(*(c * t for t, c in mb.items() if t not in ma)), 0, sp.Integer(1)
    else:
        ca, pa = _factors(a)
        cb, pb = _factors(b)
        if not pa or any(not (pb.get(x, 0) - e).is_nonnegative and not _quantities(pb.get(x, 0) - e)
                         for x, e in pa.items()):
            return None  # a power of A taken away (`f^2` to `f (x^3 + 2x)`), not by a derivative's value (`f^{\frac{df}{dx}/A}`)
        rest = sp.Rational(cb, ca) * sp.Mul(*(x ** (e - pa.get(x, 0)) for x, e in pb.items())) \
            if ca.is_Rational and cb.is_Rational and ca != 0 else None
        target, scale = 1, None
        if rest is None or rest == 1:
            return None
    if sp.count_ops(rest) > MAX_EXPAND_OPS:
        return None
    value = f.by_key(rest)
    if value is None or sp.count_ops(value) > MAX_EXPAND_OPS:
        return None
    if sp.simplify(value - target) != 0:
        known = f.derivative_values(value)  # or 1 (0) only at the derivatives' values: `\frac{df}{dx}/(3x^2 + 2)`
        value = value.xreplace(known) if known else None
        if value is None or sp.count_ops(value) > MAX_EXPAND_OPS:
            return None
        if scale is None:  # a factor: a number c with c times it 1 (linearity took c out of the operand)
            value = sp.simplify(value)
            return 1 / value if value.is_Rational and value != 0 else None
        return scale if sp.simplify(value - target) == 0 else None
    return scale if scale is not None else sp.Integer(1)


VALUE_POINTS = 3  # points at which a step is tried as a function of its derivatives taken free (`_uses_value`)
VALUE_DIGITS = 30


def _scaled(fa, fb) -> bool:
    """fb is a fa + other terms, a a number other than 0 and 1, read from one of fa's non-constant
    terms (`2\\frac{df}{dx} - 3x^2 - 2` after `\\frac{df}{dx}`): the shape of a value use, for the steps
    `_uses_value` cannot judge (a name of the key not written in, a given point). fb keeps fa's
    derivatives and no others."""
    if fa is None or fb is None or fa == fb or not _quantities(fa) or _quantities(fa) != _quantities(fb):
        return False
    ma, mb = _monomials(fa), _monomials(fb)
    t = next((t for t in ma if t != 1), None)
    if t is None or t not in mb:
        return False
    a = mb[t] / ma[t]
    if a in (0, 1):
        return False
    rest = dict(mb)
    for u, c in ma.items():
        if mb.get(u) != a * c:
            return False
        del rest[u]
    return bool(rest)


def _restrictions(f, ctx) -> tuple | None:
    """What `_uses_value`'s points must respect, as forms with the key's definitions written in: the given
    point's values (substituted) and the `assume`s' and the `case`'s comparisons (a point breaking one
    is not used); None where one of them has no form (then the step is not judged by value)."""
    point = {}
    for name, value in ctx.point:
        s, v = f.form(name), f.form(value)
        if s is None or v is None or not isinstance(s, sp.Symbol):
            return None
        v = f.by_key(v)
        if v is None or v.free_symbols:
            return None
        point[s] = v
    conditions = []
    for cond in (*ctx.assumptions, *ctx.case):
        terms = [f.form(t) for t in cond.terms]
        if any(t is None for t in terms):
            return None
        terms = [f.by_key(t) for t in terms]
        if any(t is None for t in terms):
            return None
        conditions.append((tuple(t.xreplace(point) for t in terms), cond.ops))
    return point, tuple(conditions)


_RELATIONS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
              ">=": lambda a, b: a >= b, "=": lambda a, b: a == b, "!=": lambda a, b: a != b}


def _respects(conditions: tuple, point: dict) -> bool:
    """Every comparison holds at the point, decided on rationals or on 30-digit values clearly apart
    (a comparison that cannot be decided there: the point is not used)."""
    for terms, ops in conditions:
        values = []
        for t in terms:
            v = t.xreplace(point)
            if not v.is_Rational:
                v = v.evalf(VALUE_DIGITS)
                if not (v.is_Number and v.is_real and v.is_finite):
                    return False
            values.append(v)
        for (a, b), op in zip(zip(values, values[1:]), ops):
            if not (a.is_Rational and b.is_Rational) and abs(a - b) < sp.Float(10) ** (5 - VALUE_DIGITS) * max(1, abs(a), abs(b)):
                return False  # too close to tell on rounded values
            if not _RELATIONS[op](a, b):
                return False
    return True


VALUE_CANDIDATES = 48  # points drawn to find VALUE_POINTS that respect the assumptions and the case


def _uses_value(f, fa, fb, where: tuple = ({}, ())) -> bool | None:
    """The step from fa to fb keeps the same unworked derivatives (none gone, none new) and holds only
    at their values: with the key's definitions written in and the derivatives as free quantities, its
    two sides certainly differ (`\\frac{df}{dx}` to `x\\frac{df}{dx} - (x - 1)(3x^2 + 2)`, to
    `(\\frac{df}{dx})^2 / (3x^2 + 2)`): it writes the answer in without working it out. The fallback of
    `_value_decisions` (which asks the checker) for steps it does not send, or grading without options.
    Certainly: at one of VALUE_POINTS rational points drawn from a hash of the difference (they move
    with any edit, so roots cannot be placed at them) the difference is exactly a nonzero rational, or,
    where it is not rational there, evaluated to VALUE_DIGITS digits clearly away from 0; a difference
    that cannot be evaluated (a function the key does not define, a sum) or that is 0 everywhere tried
    is no finding; None where it cannot be judged so (`_scaled` then reads the step's shape). `where`
    (`_restrictions`): at a given point its values are written in, and only points that respect the
    `assume`s and the `case` are used (points outside them would show an honest rewrite by the assumed
    sign, `\\frac{1}{\\sqrt{(x - 1)^2}}` to `\\frac{1}{x - 1}` under x > 1, as a value use); None when
    none of VALUE_CANDIDATES does. Not asked for a step carried or checked at the point only."""
    if fa is None or fb is None or fa == fb:
        return False
    held, other = _held(f, fa, fb)
    if not held or held != other:
        return False
    va, vb = f.by_key(fa), f.by_key(fb)
    if va is None or vb is None:
        return None
    values = _known_derivatives(f, fa.free_symbols | fb.free_symbols)
    point_values, conditions = where
    va, vb = va.xreplace(values).xreplace(point_values), vb.xreplace(values).xreplace(point_values)
    found = []
    for variant in range(GENERIC_READINGS):  # a value use under either reading of phi; an identity under both
        generic = _generic_functions(f, va - vb, variant)
        if not generic and variant:
            verdict = found[-1]
        elif sp.count_ops(va - vb) > MAX_EXPAND_OPS:
            verdict = None
        else:  # phi's reading may grow the difference past MAX_EXPAND_OPS: read at points only, no expansion
            verdict = _differs(f, va.xreplace(generic), vb.xreplace(generic), conditions, GENERIC_GROWTH * MAX_EXPAND_OPS)
        if verdict:
            return True
        found.append(verdict)
    return None if None in found else False


GENERIC_READINGS = 2  # independent generic readings of a function nobody defines (`_generic_functions`)
GENERIC_GROWTH = 8  # how much larger than MAX_EXPAND_OPS a difference may grow by phi's reading


def _differs(f, va, vb, conditions, limit: int = MAX_EXPAND_OPS) -> bool | None:
    """`_uses_value` with the key and phi written in: the two sides certainly differ at one of the
    points (True), agree at all of them (False), or no point judges them (None)."""
    if va.has(sp.Derivative) or vb.has(sp.Derivative):  # a known derivative of phi at phi's reading
        try:
            va, vb = (v.replace(lambda x: isinstance(x, sp.Derivative), lambda x: x.doit()) for v in (va, vb))
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            return None
        if va.has(sp.Derivative) or vb.has(sp.Derivative):
            return None
    difference = va - vb
    if difference.atoms(sp.core.function.AppliedUndef) or sp.count_ops(difference) > limit \
            or difference.free_symbols & f._keyed:
        return None  # a name of the key not written in (`o_1`, a family `o_i`): taken free, folding it would look like a value use
    names = sorted(difference.free_symbols | {s for terms, _ in conditions for t in terms for s in t.free_symbols}, key=str)
    stir = hashlib.sha256(sp.srepr(difference).encode()).digest()  # points that move with any edit of the step
    used = judged = 0
    for k in range(VALUE_CANDIDATES):
        if used == VALUE_POINTS:
            break
        point = {s: sp.Rational(1 + stir[(2 * i + 7 * k) % 32], 1 + stir[(2 * i + 7 * k + 1) % 32] % 16)
                 * (-1 if stir[(i + 3 * k + k // 32) % 32] % 2 else 1) for i, s in enumerate(names)}
        if conditions and not _respects(conditions, point):
            continue
        used += 1
        exact = difference.xreplace(point)
        if exact.is_Rational:  # decided exactly: no threshold can hide a difference of 10^{-30}
            if exact != 0:
                return True
            continue
        value = exact.evalf(VALUE_DIGITS)
        sides = [e.xreplace(point).evalf(VALUE_DIGITS) for e in (va, vb)]
        real = [x.is_Number and x.is_real and x.is_finite for x in sides]
        if real[0] != real[1] and _certainly_not_real(sides[real.index(False)]):
            return True  # one side real, the other not: with the derivatives free the step fails here
        if not all(x.is_Number and x.is_real and x.is_finite for x in (value, *sides)):
            continue
        judged += 1
        scale = max(1, *(abs(x) for x in sides))  # a difference clearly away from 0 relative to the sides' size
        if abs(value) > scale * sp.Float(10) ** (5 - VALUE_DIGITS):
            return True
    if not judged:
        return None  # no point respects the assumptions and the case, or none gives both sides a value
    return False


MAX_GENERIC_ARGUMENTS = 7  # a function of more arguments is not given a fixed reading (its coefficients fill one hash)


def _generic_functions(f, form, variant: int = 0) -> dict:
    """The applications in the form of a function nobody defines (`\\phi(x)`: written only applied, no
    `let`, no function word) -> one fixed function, c_0 + sum_i c_i u_i + sin(d_0 + sum_i d_i u_i) of its
    arguments, with rational c, d drawn from a hash of the form and the function's name: the checker
    takes such a function as arbitrary, so a step that holds for every value of its derivatives holds
    for this one too (a false finding is impossible), while `(\\frac{df}{dx} - 3x^2 - 2)\\phi(x)` beside
    the answer is 0 only at the derivative's value for it as for any phi but 1 (r26_attacks two_ways_phi).
    Equal arguments give equal values (a rewrite inside the argument stays an identity); the sine keeps a
    finite difference of the arguments from cancelling it as it would a polynomial. `variant` 1 is a
    second reading, independent coefficients and (d_0 + sum_i d_i u_i)^2 / 7 added: every member of the
    first family satisfies one difference identity (r28g_attacks phi_coincidence), so `_uses_value`
    takes a step as an identity only when it is one under both readings."""
    free = f.undefined_functions()
    applied = [a for a in form.atoms(sp.core.function.AppliedUndef) if a.func.__name__ in free
               and len(a.args) <= MAX_GENERIC_ARGUMENTS]
    if not applied:
        return {}
    stir = hashlib.sha256(sp.srepr(form).encode() + (bytes([variant]) if variant else b"")).digest()
    out = {}
    for a in applied:
        h = hashlib.sha256(stir + a.func.__name__.encode()).digest()
        c = [sp.Rational(1 + h[2 * i], 1 + h[2 * i + 1] % 16) for i in range(2 * len(a.args) + 2)]
        inner = c[len(a.args) + 1] + sum(di * u for di, u in zip(c[len(a.args) + 2:], a.args))
        out[a] = c[0] + sum(ci * u for ci, u in zip(c[1:], a.args)) + sp.sin(inner)
        if variant:  # a second, independent reading: a square beside the sine, so no one difference identity of
            out[a] += inner ** 2 / 7  # the sine family (`D(u-1) + D(u+1) = 2 cos(d) D(u)`) holds for it
    return out


def _certainly_not_real(v) -> bool:
    """A finite complex value whose imaginary part is clearly away from 0 (30 digits): `\\sqrt{-4}`, not
    an infinity or an undefined 0/0, and not a rounding's imaginary dust."""
    if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return False
    re, im = v.as_real_imag()
    if not (re.is_Number and im.is_Number):
        return False
    return abs(im) > max(1, abs(re), abs(im)) * sp.Float(10) ** (5 - VALUE_DIGITS)


def _unit_taken(f, fa, fb) -> bool:
    """fb is fa without some of its factors (or part of a factor's power: `A o_1 \\frac{o_1}{\\sigma(w x)}` to
    `A o_1`), whose product is 1 once the key's definitions are written in (`(3x^2 + 2)\\frac{f}{x^3 + 2x}`
    to `3x^2 + 2`): whoever wrote them, taking them away is no work."""
    if fa is None or fb is None or fa == fb:
        return False
    ca, pa = _factors(fa)
    cb, pb = _factors(fb)
    if ca != cb or not pa:
        return False
    for b, e in pb.items():  # each factor of fb is one of fa's, at its power or at part of it (`o_1^2` to `o_1`)
        ea = pa.get(b)
        if ea is None or not (ea == e or (ea.is_Rational and e.is_Rational and ea * e > 0 and abs(e) < abs(ea))):
            return False
    gone = sp.Mul(*(b ** (e - pb.get(b, 0)) for b, e in pa.items() if pb.get(b, 0) != e))
    if gone == 1 or not (gone.free_symbols & f._keyed):
        return False  # nothing taken away, or nothing of the key's in it: algebra, work
    value = f.by_key(gone)
    return value is not None and sp.count_ops(value) <= MAX_EXPAND_OPS and sp.simplify(value - 1) == 0


def _safely(rule, *args):
    """A shape rule on forms SymPy cannot take apart (a tuple, an odd node): no padding, the step counts."""
    try:
        return rule(*args)
    except (AttributeError, TypeError, ValueError, RecursionError, ZeroDivisionError):
        return set()


def _monomials(form) -> dict:
    """A form's terms, each with its number factor apart: 2 df/dx - 3x^2 - 2 is {df/dx: 2, x^2: -3, 1: -2}."""
    out: dict = {}
    for term in sp.Add.make_args(form):
        c, t = term.as_coeff_Mul()
        out[t] = out.get(t, 0) + c
    return {t: c for t, c in out.items() if c != 0}


def _factors(form) -> tuple:
    """A form's number factor and its other factors, base -> exponent: `2 (df/dx)^E f (x^3 + 2x)^{-1}`
    is (2, {df/dx: E, f: 1, x^3 + 2x: -1})."""
    c, rest = form.as_coeff_Mul()
    out: dict = {}
    for factor in sp.Mul.make_args(rest):
        if factor == 1:
            continue
        base, exp = factor.as_base_exp()
        out[base] = out.get(base, 0) + exp
    return c, {b: e for b, e in out.items() if e != 0}


def _added(fa, fb, a) -> set:
    """fb = a fa + other terms (a a number): what the other terms are, as padding brings them in (empty
    when fb is not such a form)."""
    ma, mb = _monomials(fa), _monomials(fb)
    rest = dict(mb)
    for t, c in ma.items():
        if mb.get(t) != a * c:
            return set()
        del rest[t]
    if not rest:
        return set()
    return {("term", t, c) for t, c in rest.items()}


def _pads(fa, fb) -> set:
    """fb as padding of fa other than terms added to it (see `_padded`): what it brings in, or empty."""
    if fa is None or fb is None or fa == fb:
        return set()
    ca, pa = _factors(fa)
    cb, pb = _factors(fb)
    if not pa or not pb or (len(pb) == 1 and pb == {fb: 1}):
        return set()  # fa a number, or fb not a product or a power
    found = set()
    for base, e in pa.items():
        eb = pb.get(base)
        if eb is None:
            return set()
        if eb != e:
            grown = _added(e, eb, 1) or _pads(e, eb) or (e.is_Number and eb.free_symbols and eb.as_coeff_Mul()[0] == e)
            if not grown:
                return set()  # an exponent changed otherwise: `e^f` to `e^{x^3 + 2x}` unfolds the key's f
            found.add(("exponent", eb))
    extra = {b: e for b, e in pb.items() if b not in pa}
    if not extra and not found:
        return set()
    found |= {("factor", b, e) for b, e in extra.items()}
    if ca != cb:
        found.add(("scale", cb / ca))
    return found


def _quantities(form) -> set:
    return {s for s in form.free_symbols if OPAQUE_PREFIX in str(s)}


def _wrapped(f, fa, fb) -> set:
    """fb is fa inside something that is fa again for every value of it by the key's definitions: fb
    with fa replaced by a free t is t (t of either sign; the key's definitions written in outside
    derivatives, `Forms.by_key`), no derivative gone or new: `\\frac{1}{1/m + f - x^3 - 2x}`,
    `\\sqrt{m^2 + f - x^3 - 2x}`, `\\log e^{m + f - x^3 - 2x}`, `3x^2 + 2 + (m - 3x^2 - 2)\\frac{f}{x^3 + 2x}`,
    `\\frac{m^2 + m}{m + 1}` after m. What it brings in is that wrapping, P(t): a later step from P(v)
    to v takes it away (`_removes`)."""
    if fa is None or fb is None or fa == fb or not _quantities(fa) or _quantities(fa) != _quantities(fb) \
            or not fb.has(fa):
        return set()
    t = sp.Dummy("t")
    wrap = fb.xreplace({fa: t})
    if wrap.free_symbols & _quantities(fa) or sp.count_ops(wrap) > MAX_EXPAND_OPS:
        return set()
    value = f.by_key(wrap)
    if value is None:
        return set()
    others = {s: sp.Dummy(real=True) for s in value.free_symbols if s != t}
    for sign in ({"real": True}, {"positive": True}, {"negative": True}):
        u = sp.Dummy("u", **sign)
        difference = value.xreplace({**others, t: u}) - u
        try:
            if sp.expand(difference) == 0 or sp.simplify(difference) == 0:
                return {("wrap", wrap, t)}
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            return set()
    return set()


def _removes(fa, fb, brought: set) -> bool:
    """The step from fa to fb takes padding away or rewrites it: every term of fa it changes is a term
    padding brought in (as some padding member wrote it, its number factor included), the terms it
    writes instead are new (they join `brought`: they are equal to what they replace, so they too are
    padding's), and the others are kept (`3x^2 + 2 + \\frac{d}{dx} x^5 - 5x^4` to `3x^2 + 2`); or fb is
    fa without some of its padding factors (its number factor set back), or with a padding exponent
    dropped to 1, or with padding factors or a padding exponent rewritten (what it writes joins `brought`),
    or the wrapping P(v) of `_wrapped` taken off v. (A member a m_j + terms, a a number other than 1,
    is no padding here: the step to it uses m_j's value, `_uses_value`.)"""
    if fb is None or fa == fb:
        return False
    ma, mb = _monomials(fa), _monomials(fb)
    gone = {t: c - mb.get(t, 0) for t, c in ma.items() if c != mb.get(t, 0)}
    if gone and all(("term", t, c) in brought for t, c in gone.items()):
        brought |= {("term", t, c) for t, c in mb.items() if t not in ma}
        return True
    for entry in [b for b in brought if b[0] == "wrap"]:  # P(v) to v, P(t) = t by the key's definitions
        if entry[1].xreplace({entry[2]: fb}) == fa:
            return True
    ca, pa = _factors(fa)
    cb, pb = _factors(fb)
    if not pa or (ca != cb and ("scale", ca / cb) not in brought):
        return False
    changed, rewritten, written = False, False, set()
    for base, e in pa.items():
        eb = pb.get(base, 0)
        if eb == e:
            continue
        if ("factor", base, e - eb) in brought or (eb == 1 and ("exponent", e) in brought):
            changed = True
        elif eb != 0 and ("exponent", e) in brought:  # a padding exponent rewritten
            rewritten = True
            written.add(("exponent", eb))
        else:
            return False
    new = {b: e for b, e in pb.items() if b not in pa}  # what padding's factors were rewritten as
    brought |= written | {("factor", b, e) for b, e in new.items()}
    return changed or rewritten


def _says_something(chain: Chain, k: int, forms: FormCache) -> bool:
    a, b = chain.members[k - 1].expr, chain.members[k].expr
    if a == b:
        return False
    f = forms.of(chain.context)
    fa, fb = f.form(a), f.form(b)
    if fa is None or fb is None:
        return True
    if fa != fb:  # padding's derivatives worked out: `\\frac{d}{dx}(f + x^2) - \\frac{d}{dx} x^2` is df/dx
        return not (_same_in_derivatives(fa, fb) or _same_in_derivatives(f.worked(fa), f.worked(fb)) or f.detour(fa, fb))
    ctx = chain.context
    return is_value(a, ctx) and is_value(b, ctx) and size(b) < size(a)  # arithmetic worked out


def _restates(chain: Chain, k: int, forms: FormCache) -> bool:
    """Step k only writes its old side t_i again as `\\sum_j \\delta_{ij} t_j` (any letters, either order
    of the delta's, nested, beside terms that cancel): its new side with some of its Kronecker delta
    sums applied (`forms.delta_applied`) is its old side, as `_says_something` reads two members (the
    same form, the same up to multiplying out, padding's derivatives worked out, or `Forms.detour`).
    Applying a delta is exact, so such a step holds for every value of t: it works nothing out
    (tests/grading/redteam/r30g_delta_operand delta_restated, r31g_restate). Only the new side is read so:
    a step that applies a delta written on its old side (`\\sum_j \\delta_{ij} (o_j - y_j)` to `o_i - y_i`)
    is read as written and counts, unless a restatement wrote that delta (`_unwrapped`)."""
    a, b = chain.members[k - 1].expr, chain.members[k].expr
    f = forms.of(chain.context)
    fa = f.form(a)
    if fa is None:
        return False
    for variant in delta_applied(b, chain.context):
        fv = f.form(variant)
        if fv is None:
            continue
        if fv == fa or _safely(_same_in_derivatives, fa, fv) is True \
                or _safely(_same_in_derivatives, f.worked(fa), f.worked(fv)) is True or _safely(f.detour, fa, fv) is True:
            return True
    return False


def _unwrapped(chain: Chain, ci: int, grades: dict, forms: FormCache, restated: set) -> set[int]:
    """The steps after a restatement (`_restates`, or a detour through a delta: `_detours`) that only
    apply Kronecker deltas again (the new side is one of the old side's `delta_applied` readings), every
    step from the restatement on holding and every member since then keeping a delta sum: they take
    away the wrapping the restatement brought in, as the wrapping of `_wrapped` is taken away
    (`_removes`); so do the steps that only move it (both sides the same with every delta applied,
    `\\sum_j \\delta_{ij} t_i` after `\\sum_j \\delta_{ij} t_j`); the steps that work inside it count. The price: an honest delta applied alone inside
    such a wrapping earns nothing either."""
    f = forms.of(chain.context)
    out: set[int] = set()
    live = False
    for k in range(1, len(chain.members)):
        g = grades.get((ci, k))
        if g is None or g.grade not in HOLDS:
            live = False
            continue
        if (ci, k) in restated:
            live = True
            continue
        if not live:
            continue
        variants = delta_applied(chain.members[k - 1].expr, chain.context)
        if not variants:
            live = False
            continue
        fb = f.form(chain.members[k].expr)
        if fb is not None and (any(f.form(v) == fb for v in variants)
                               or f.summed(chain.members[k - 1].expr) == f.summed(chain.members[k].expr)):
            out.add(k)  # the deltas applied, or moved inside the wrapping (`\\sum_j \\delta_{ij} t_i`): the same once applied
        if not delta_applied(chain.members[k].expr, chain.context):
            live = False
    return out


def _same_in_derivatives(fa, fb) -> bool:
    """Two forms with the same unworked derivatives in them that are equal once multiplied out:
    `(x^2 + 1) df/dx - x^2 df/dx` is df/dx, a detour through an identity that works nothing out (as
    `2 df/dx - df/dx`); the others are `_detours`. Forms without a derivative are not touched:
    expanding `(x + 1)^2` is work."""
    symbols = fa.free_symbols | fb.free_symbols
    if not any(OPAQUE_PREFIX in str(s) for s in symbols):
        return False
    if {x for x in fa.free_symbols if OPAQUE_PREFIX in str(x)} != {x for x in fb.free_symbols if OPAQUE_PREFIX in str(x)}:
        return False  # a derivative worked out or brought in: a step
    difference = fa - fb
    ops = sp.count_ops(difference)
    if ops > MAX_EXPAND_OPS:
        return False
    try:
        return sp.expand(difference) == 0
    except (ValueError, TypeError, RecursionError, ZeroDivisionError):  # SymPy on an odd form: a step, as before
        return False


def _derivatives_both(chain: Chain, k: int, forms: FormCache) -> bool:
    """Both sides of step k have unworked derivatives in them: a step that may be a detour
    (`_detours`), the same derivatives on both sides or one brought in times a zero the form does not
    see (`df/dx + (\\sin^2 x + \\cos^2 x - 1) \\frac{d}{dx} x^5`)."""
    f = forms.of(chain.context)
    fa, fb = f.form(chain.members[k - 1].expr), f.form(chain.members[k].expr)
    if fa is None or fb is None:
        return False
    return all(any(OPAQUE_PREFIX in str(x) for x in side.free_symbols) for side in (fa, fb))


MAX_DELTA_DETOURS = 3  # readings of a new side with its delta sums applied sent to the checker per step (`_detours`)


def _detours(grades: dict, problem: Problem, forms: FormCache, options, restated: set | None = None) -> set:
    """The steps with unworked derivatives on both sides that hold with those derivatives taken as
    free quantities (decided by the checker, as a goal's sides are: `\\log e^{df/dx}`, `(\\sin^2 x +
    \\cos^2 x) df/dx`, `df/dx + \\sqrt{x^2} - |x|`, `df/dx + 0 \\cdot dg/dx` in disguise):
    identities in the derivatives, which work nothing out. Two derivatives by the same variable whose
    operands the checker shows equal with the key's definitions left out (`\\frac{d}{dx}(f + \\sin^2 x +
    \\cos^2 x - 1)` and df/dx; not `\\frac{d}{dx}(x^3 + 2x)`, which is f only by the key's definition)
    are one quantity there (`_same_operands`). The checker names a derivative inside a sum by the sum's
    letter (t_j is not t_i), so a new side with Kronecker delta sums is also decided with them applied
    (`forms.delta_applied`, up to MAX_DELTA_DETOURS readings): `\\sum_j \\delta_{ij} t_j (\\sin^2 x +
    \\cos^2 x)` after t_i is an identity in t too; those steps are added to `restated` (`_unwrapped`).
    The old side is read as written: applying a delta it holds is a step."""
    from ..check.goals import opaque, opaque_context  # noqa: PLC0415
    from ..check.jobs import _contains, _Job, decide_jobs  # noqa: PLC0415

    # a step that earns nothing already (a value use, padding) is asked only with its deltas applied:
    # found a restatement, the steps that apply its deltas again are `_unwrapped`
    candidates = [(ci, k) for (ci, k), g in sorted(grades.items())
                  if (g.counts or (restated is not None and (ci, k) not in restated and g.grade in HOLDS
                                   and delta_applied(problem.chains[ci].members[k].expr, problem.chains[ci].context)))
                  and _derivatives_both(problem.chains[ci], k, forms)]
    aliases = _same_operands(problem, [c for c in candidates if grades[c].counts], options)
    jobs, asked = [], []
    for ci, k in candidates:
        chain = problem.chains[ci]
        idx = chain.context.index_names
        alias = aliases.get((ci, k), {})
        key_of = (lambda e, bound, alias=alias, idx=idx: alias.get(canonical(e, bound, idx))) if alias else None
        ctx = opaque_context(_without_key(chain.context))
        a = opaque(chain.members[k - 1].expr, idx, key_of=key_of)
        if grades[(ci, k)].counts:
            asked.append(((ci, k), False))
            jobs.append(_Job("goal", None, 0, 0, ctx, a, opaque(chain.members[k].expr, idx, key_of=key_of), "=", options.seed))
        for variant in delta_applied(chain.members[k].expr, chain.context)[:MAX_DELTA_DETOURS]:
            try:
                b = opaque(variant, idx, key_of=key_of)
            except (RecursionError, TypeError, ValueError, AttributeError):
                continue
            asked.append(((ci, k), True))
            jobs.append(_Job("goal", None, 0, 0, ctx, a, b, "=", options.seed))
    decided = decide_jobs(jobs, options) if jobs else []
    out = set()
    for (step, delta), (d, _) in zip(asked, decided):
        if d.verdict in ACCEPTED:
            out.add(step)
            if delta and restated is not None:
                restated.add(step)
    return out


def _without_key(ctx: Context) -> Context:
    """The context without the key's definitions (and the student's restatements of them): the key's
    quantities are free there, so an identity shown in it works nothing out of the key (a step that
    folds `\\sigma(z)` back into the key's o, or does the sigmoid's algebra, is not a detour)."""
    from dataclasses import replace  # noqa: PLC0415

    keyed = {d.target.base for d in ctx.definitions if is_key_line(d.span.line)}
    return replace(ctx, definitions=tuple(d for d in ctx.definitions if d.target.base not in keyed))


def _derivatives_of(e, idx) -> list:
    """The derivatives `goals.opaque` reads in e (operator forms applied), outside sums."""
    from ..check.goals import opaque  # noqa: PLC0415

    found: list = []

    def record(d, bound):
        if not bound and isinstance(d, n.Deriv) and d.expr is not None and d not in found:
            found.append(d)

    opaque(e, idx, key_of=record)
    return found


def _same_operands(problem: Problem, candidates: list, options) -> dict:
    """(chain, step) -> {a derivative's written key: the key of the left side's derivative it equals}:
    a derivative on the right of a step whose operand the checker shows equal to that of one on the
    left by the same variable and order, in the chain's context without the key's definitions (so
    the key's quantities are free: unfolding the key's f is not an identity)."""
    from ..check.goals import opaque, opaque_context  # noqa: PLC0415
    from ..check.jobs import _contains, _Job, decide_jobs  # noqa: PLC0415

    pairs, jobs = [], []
    for ci, k in candidates:
        chain = problem.chains[ci]
        idx = chain.context.index_names
        own = _without_key(chain.context)
        lefts, rights = _derivatives_of(chain.members[k - 1].expr, idx), _derivatives_of(chain.members[k].expr, idx)
        for d1 in lefts:
            for d2 in rights:
                if len(pairs) >= MAX_OPERAND_PAIRS * len(candidates):
                    break
                if d1.order == d2.order and canonical(d1.var, (), idx) == canonical(d2.var, (), idx) \
                        and canonical(d1, (), idx) != canonical(d2, (), idx):
                    pairs.append(((ci, k), d1, d2))
                    jobs.append(_Job("goal", None, 0, 0, opaque_context(own), opaque(d1.expr, idx), opaque(d2.expr, idx),
                                     "=", options.seed))
    decided = decide_jobs(jobs, options) if jobs else []
    out: dict = {}
    for (step, d1, d2), (d, _) in zip(pairs, decided):
        if d.verdict in ACCEPTED:
            idx = problem.chains[step[0]].context.index_names
            out.setdefault(step, {})[canonical(d2, (), idx)] = canonical(d1, (), idx)
    return out


def _reaches(chain: Chain, goal: Goal, forms: FormCache) -> int | None:
    """The first member after the start that is the goal's answer: its right side (up to form) for a
    `show`, a written number for a `find`."""
    f = forms.of(chain.context)
    target = f.form(goal.rhs) if goal.rhs is not None else None
    idx = goal.context.index_names
    for k in range(1, len(chain.members)):
        e = chain.members[k].expr
        if goal.kind == "find":
            if _exact(e) is not None:
                return k
        elif same(e, goal.rhs, idx) or (target is not None and f.form(e) == target):
            return k
    return None


def _answered(problem: Problem, attempts: list[list[int]], forms: FormCache) -> dict[int, int]:
    """Chain -> the member after which it has answered every goal it attempts (a chain that attempts
    a milestone and then the goal beyond it, from the same left side, answers at the later one)."""
    reach: dict[int, list[int | None]] = {}
    for goal, cis in zip(problem.goals, attempts):
        for ci in cis:
            reach.setdefault(ci, []).append(_reaches(problem.chains[ci], goal, forms))
    return {ci: max(ks) for ci, ks in reach.items() if None not in ks}


def _step_key(chain: Chain, k: int, forms: FormCache):
    f = forms.of(chain.context)
    a, b = chain.members[k - 1].expr, chain.members[k].expr
    fa, fb = f.form(a), f.form(b)
    idx = chain.context.index_names
    case = canonical(chain.context.case, (), idx)
    if fa is None or fb is None:
        return ("text", case, canonical(a, (), idx), canonical(b, (), idx))
    return ("form", case, fa, fb)


def mark_work(grades: dict, problem: Problem, kp: KeyProblem, attempts: list[list[int]], forms: FormCache,
              options=None) -> None:
    """Set `counts` and `work` on every step grade (see the module docstring); with `options`, the
    detours the checker shows to be identities in the unworked derivatives count for nothing."""
    values = _value_decisions(grades, problem, forms, options) if options is not None else {}
    if options is not None:
        _operand_decisions(grades, problem, forms, options)  # read by `_operand_scale` in `_padded`
    looped: set = set()
    for ci in {ci for ci, _ in grades}:
        looped |= {(ci, k) for k in _loops(problem.chains[ci], forms)
                   | _padded(problem.chains[ci], ci, grades, forms, values)}
    restated = {(ci, k) for (ci, k), g in grades.items() if g.grade in ("accepted", "carried")
                and _restates(problem.chains[ci], k, forms)}
    for (ci, k), g in grades.items():
        chain = problem.chains[ci]
        g.counts = _says_something(chain, k, forms) and (ci, k) not in looped and (ci, k) not in restated
    detours = _detours(grades, problem, forms, options, restated) if options is not None else set()
    for ci in {ci for ci, _ in restated}:
        detours |= {(ci, k) for k in _unwrapped(problem.chains[ci], ci, grades, forms, restated)}
    for (ci, k), g in grades.items():
        chain = problem.chains[ci]
        if (ci, k) in detours:
            g.counts = False
        g.work = g.counts and not is_value(chain.members[k - 1].expr, chain.context)
    by_chain: dict[int, list] = {}
    for (ci, k), g in grades.items():
        by_chain.setdefault(ci, []).append(g)
    serving = _serving(problem, attempts, kp, forms, options, frozenset(looped))
    for ci, gs in by_chain.items():
        if not _related(problem.chains[ci], kp):
            for g in gs:
                g.counts = g.work = False
        elif serving and ci not in serving:  # right steps off the task earn nothing; a wrong one still costs
            for g in gs:
                if g.grade in ("accepted", "carried", "at-point"):
                    g.counts = g.work = False
    for ci, end in _answered(problem, attempts, forms).items():
        for g in by_chain.get(ci, []):
            if g.k > end and g.grade in ("accepted", "carried", "at-point"):
                g.counts = g.work = False
    seen = set()
    for (ci, k), g in sorted(grades.items()):
        if not g.counts:
            continue
        key = _step_key(problem.chains[ci], k, forms)
        if key in seen:
            g.counts = False
        seen.add(key)
