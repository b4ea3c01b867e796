"""A step between vectors or matrices: every entry compared by the scalar engine (`compare`).

The two sides arrive as `matrix.Mat` values of the same concrete shape (the shapes were checked
symbolically first, `matrix.step_shape`). Each entry pair is one scalar comparison with the whole
machinery of `_compare_instance` (counterexample search, symbolic zero test, kinks, domains), so a
matrix step is exactly as strict as the same claim written entry by entry; a counterexample names
the entry that differs. Entries that are the same SymPy expression on both sides are equal wherever
they are defined and are not sampled. When the step is entry-symmetric (`matrix.entry_symmetric`:
nothing singles out an index value) one entry per orbit stands for all, as one index value per
pattern does in `instances.index_symmetric`.
"""

from __future__ import annotations

import random

from ..elaborate import Context
from ..matrix import Mat
from ..translate import Translator
from .assumptions import _assumption_relations, _solve_equalities
from .certified import free_symbols
from .compare import InstanceResult, _compare_instance, defined_points
from .instances import Instance

AUTODIFF_POINTS = 2  # points drawn over all entries' inputs for the autodiff cross-check


def compare(t: Translator, inst: Instance, a, b, ctx: Context, rng: random.Random, fixed: dict, npoints: int,
            symbolic: bool) -> InstanceResult:
    """`_compare_instance` for scalars; entry by entry for vectors and matrices."""
    if not isinstance(a, Mat) and not isinstance(b, Mat):
        return _compare_instance(t, inst, a, b, ctx, rng, fixed, npoints, symbolic)
    if not (isinstance(a, Mat) and isinstance(b, Mat)) or (a.rows, a.cols) != (b.rows, b.cols):
        return InstanceResult("undecided", reason="the two sides do not have the same shape here")
    total = bits = 0
    all_symbolic = True
    unentered = ""
    ca, cb = getattr(t, "domains", None) or ((), ())
    same_domains = set(ca) == set(cb)  # else equal entries still differ where one side has no value
    for i, j in t.positions(a.rows, a.cols):
        k = i * a.cols + j
        x, y = a.at(i, j), b.at(i, j)
        if x == y and same_domains:
            continue
        r = _compare_instance(t, inst, x, y, ctx, rng, fixed, npoints, symbolic)
        total += r.points
        bits = max(bits, r.bits)
        where = _entry_text(k, a)
        if r.status == "differ":
            cx = dict(r.counterexample or {})
            cx["entry"] = [k // a.cols + 1] if a.cols == 1 else [k // a.cols + 1, k % a.cols + 1]
            cx["shape"] = [a.rows, a.cols]
            return InstanceResult("differ", total, cx, bits=bits)
        if r.status == "undecided":
            return InstanceResult("undecided", total, reason=f"{where}: {r.reason}", bits=bits)
        if r.status != "symbolic":
            all_symbolic = False
        unentered = unentered or (f"{where}: {r.unentered}" if r.unentered else "")
    _autodiff_points(t, ctx, rng, fixed, a, b)
    return InstanceResult("symbolic" if all_symbolic else "numeric", total, bits=bits, unentered=unentered)


def _entry_text(k: int, m: Mat) -> str:
    return f"entry {k // m.cols + 1}" if m.cols == 1 else f"entry ({k // m.cols + 1}, {k % m.cols + 1})"


def _autodiff_points(t: Translator, ctx: Context, rng: random.Random, fixed: dict, a: Mat, b: Mat) -> None:
    """Points over every entry's inputs, where `autodiff.CrossCheck.add` compares the derivatives
    (each entry's comparison drew points over its own inputs only)."""
    eqs, rels = _assumption_relations(ctx, t)
    sub = _solve_equalities(eqs, fixed)
    done = [(i, j) for i, j in t.positions(a.rows, a.cols)]
    exprs = [e.xreplace(sub).xreplace(fixed) for i, j in done for e in (a.at(i, j), b.at(i, j))]
    rels = [(op, x.xreplace(sub).xreplace(fixed), y.xreplace(sub).xreplace(fixed)) for op, x, y in rels]
    syms = sorted(free_symbols(exprs), key=lambda s: s.name)
    points = defined_points(rng, syms, rels, exprs, AUTODIFF_POINTS)
    sub_vals = {k: v.xreplace(fixed) for k, v in sub.items()} if fixed else sub
    t.samples = (sub_vals, [{**fixed, **p} for p in points] if points else [dict(fixed)])

