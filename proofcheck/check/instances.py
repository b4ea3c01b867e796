"""What a step is checked over: sizes, free indices and the concrete instances (index patterns)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .. import nodes as n
from ..diagnostics import ProofError
from ..elaborate import Context
from ..translate import Translator

SIZES = (1, 2, 3, 4)
LARGE_SIZE = 5
LARGE_SIZE_CAP = 9


def size_names(ctx: Context) -> list[str]:
    """Names in index ranges that are not indices (`N`), then the dimensions of declared shapes."""
    out: list[str] = []
    for _, lo, hi in ctx.indices:
        for e in (lo, hi):
            for nm in _names(e):
                if nm.sub is None and nm.base not in ctx.index_names and nm.base not in out:
                    out.append(nm.base)
    if ctx.shapes:
        from ..matrix import size_names as shape_sizes  # noqa: PLC0415  (vectors and matrices: matrix.py)
        out += [s for s in shape_sizes(ctx) if s not in out]
    return out


def _names(e) -> list[n.Name]:
    out: list[n.Name] = []

    def walk(x):
        if isinstance(x, n.Name):
            out.append(x)
            for s in x.sub or ():
                walk(s)
            return
        for y in n.children(x):
            walk(y)

    walk(e)
    return out


def free_indices(exprs, ctx: Context) -> list[str]:
    """Declared indices that are free in the members (not bound by a sum where they stand)."""
    idx = ctx.index_names
    free: list[str] = []
    cond_sums: list[tuple[list[str], frozenset]] = []

    def add(nm):
        if nm not in free:
            free.append(nm)

    def walk(x, bound: frozenset):
        if isinstance(x, n.BigOp):
            if x.var is not None:
                for e in (x.lower, x.upper):
                    if e is not None:
                        walk(e, bound)
                walk(x.body, bound | {x.var.base})
                return
            if x.cond is not None:
                names = [t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None and t.base in idx]
                cond_sums.append((names, bound))
                walk(x.body, bound | set(names))
                return
            walk(x.body, bound)
            return
        if isinstance(x, n.Name):
            if x.sub is None and x.base in idx and x.base not in bound:
                add(x.base)
            for s in x.sub or ():
                walk(s, bound)
            if x.sub and len(x.sub) == 1 and isinstance(x.sub[0], n.Name) and len(x.sub[0].base) > 1:
                for c in x.sub[0].base:
                    if c in idx and c not in bound:
                        add(c)
            return
        for y in n.children(x):
            walk(y, bound)

    for e in exprs:
        walk(e, frozenset())
    for names, bound in cond_sums:
        outside = [nm for nm in names if nm in free or nm in bound]
        if not outside and len(names) >= 2:
            add(names[1])
    return free


def _partitions(items: list[str]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for i in range(len(part)):
            yield part[:i] + [[first] + part[i]] + part[i + 1:]
        yield [[first]] + part


@dataclass(frozen=True)
class Instance:
    sizes: tuple[tuple[str, int], ...]
    indices: tuple[tuple[str, int], ...]
    large: bool = False

    def describe(self) -> dict[str, Any]:
        return {"sizes": dict(self.sizes), "indices": dict(self.indices)}


def index_symmetric(ctx: Context, exprs) -> bool:
    """True when index values are interchangeable: every subscript anywhere in the members, the
    definitions, the assumptions and the case is a plain index name (no literal like h_1, no h_{i+1}),
    no sum has explicit limits, and no index is compared by order or with anything but an index
    (`(i = 2)` singles out the value 2). Then relabelling index values maps
    one instance onto another, so the smallest values of each pattern stand for all of them."""
    idx = ctx.index_names
    nodes = list(exprs) + [d.body for d in ctx.definitions] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions) + list(ctx.case) + [name for name, _ in ctx.point]
    ok = True

    def walk(x):
        nonlocal ok
        if not ok:
            return
        if isinstance(x, (n.Name, n.Entry)):  # `softmax(z)_1` names an entry like `h_1` does
            for item in x.sub or ():
                # a letter (`i`, `j'`, a run `ij`) and nothing else: `W_{i1}` holds a literal 1
                if not (isinstance(item, n.Name) and item.sub is None and item.base.rstrip("'").isalpha()):
                    ok = False
            if isinstance(x, n.Name):
                return
        if isinstance(x, n.BigOp) and (x.lower is not None or x.upper is not None):
            ok = False
            return
        if isinstance(x, n.Condition) and any(nm.sub is None and nm.base in idx for nm in _names(x)):
            # an index compared by order, or with anything but an index (`(i = 2)`), is singled out
            plain = all(isinstance(t, n.Name) and t.sub is None and t.base in idx for t in x.terms)
            if any(op not in ("=", "!=") for op in x.ops) or not plain:
                ok = False
                return
        for y in n.children(x):
            walk(y)

    walk(nodes)
    return ok


def _large_size(ctx: Context, exprs) -> int:
    """The size checked numerically beyond 1..4: past every whole-number literal in sight, since
    `\\sum_j (j-1)(j-2)(j-3)(j-4)(j-5) = 0` holds for N <= 5 only (capped for cost)."""
    literals = [0]
    nodes = list(exprs) + [d.body for d in ctx.definitions] + list(ctx.assumptions) + list(ctx.case)

    def walk(x):
        if isinstance(x, n.Num):
            f = Fraction(x.text)
            if f.denominator == 1 and 0 <= f <= 100:
                literals.append(int(f))
        for y in n.children(x):
            walk(y)

    walk(nodes)
    return min(max(LARGE_SIZE, max(literals) + 2), LARGE_SIZE_CAP)


def instances(ctx: Context, free: list[str], large: bool = False, exprs=None) -> list[Instance]:
    """Sizes 1..4 (or the large size) x every pattern of coinciding free indices, each pattern with its
    smallest values and (unless `index_symmetric`) its largest, filtered by the case."""
    directions = (1,) if exprs is not None and index_symmetric(ctx, exprs) else (1, -1)
    sizes = size_names(ctx)
    if large:
        big = _large_size(ctx, exprs or ())
        size_sets = [tuple((s, big) for s in sizes)] if sizes else []
    elif sizes:
        top = 4 if len(sizes) == 1 else (3 if len(sizes) == 2 else 2)
        size_sets = [tuple(zip(sizes, combo)) for combo in itertools.product(range(1, top + 1), repeat=len(sizes))]
    else:
        size_sets = [()]
    out: list[Instance] = []
    for sset in size_sets:
        t = Translator(ctx, dict(sset))
        ranges = {}
        for nm in free:
            rng = ctx.index_range(nm)
            lo, hi = t.int_value(rng[0], t.scope()), t.int_value(rng[1], t.scope())
            if lo is None or hi is None:
                bad = rng[0] if lo is None else rng[1]
                raise ProofError("E205", f"the range of `{nm}` must be whole numbers, sizes such as N, "
                                         "and sums or differences of them", bad.span)
            ranges[nm] = (lo, hi)
        seen = set()
        for part in _partitions(list(free)):
            for direction in directions:
                assign: dict[str, int] = {}
                used: set[int] = set()
                good = True
                for block in part:
                    lo = max(ranges[m][0] for m in block)
                    hi = min(ranges[m][1] for m in block)
                    cands = range(lo, hi + 1) if direction == 1 else range(hi, lo - 1, -1)
                    v = next((c for c in cands if c not in used), None)
                    if v is None:
                        good = False
                        break
                    used.add(v)
                    for m in block:
                        assign[m] = v
                if not good:
                    continue
                inst = Instance(sset, tuple((m, assign[m]) for m in free), large)
                if inst in seen or not _case_holds(ctx, inst):
                    continue
                seen.add(inst)
                out.append(inst)
                if large:
                    break
            if large and out:
                break
    return out


def _index_only(cond: n.Condition, ctx: Context) -> bool:
    names = _names(cond)
    return all(nm.sub is None and (nm.base in ctx.index_names or nm.base in size_names(ctx)) for nm in names)


def _case_holds(ctx: Context, inst: Instance) -> bool:
    t = Translator(ctx, dict(inst.sizes), dict(inst.indices))
    for cond in ctx.case:
        if not _index_only(cond, ctx):
            continue
        try:
            rels = t.condition(cond)
        except ProofError:
            return False
        if not all(bool(r) for r in rels):
            return False
    return True


# ------------------------------------------------------------------ assumptions and points
