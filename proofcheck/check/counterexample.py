"""Counterexamples: certified points made small, checked against every assumption, described for a student."""

from __future__ import annotations

import re

import sympy as sp

from .. import nodes as n
from ..diagnostics import ProofError
from ..translate import Translator, key_name
from .certified import Evaluator, Undecided, Undefined
from .instances import Instance
from flint import fmpq

from .certified import to_rational
from .numbers import DIFFER, PointCheck, Side, compare_at, fmt, point_text, relations_hold, value_at

SIMPLE_VALUES = (sp.Integer(0), sp.Integer(1), sp.Integer(-1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-2))
SIGNIFICANT_DIGITS = (1, 2, 3, 6, 12, 24, 48, 96)  # then the value found, rounded to this many digits (a
# counterexample in a thin cell found by refinement reads as a decimal, not a fraction of 90 digits)
DECIMAL_PLACES = (0, 1, 3, 6)  # and rounded to this many decimal places, shortest first
MAX_KINK_NOTES = 8


def _kinks(exprs, point: dict, names: dict | None = None) -> list[str]:
    """Which side of each kink (ReLU, indicator) the point is on, naming a defined node where one matches."""
    names = names or {}
    out = []

    def label(arg):
        if arg in names:
            return names[arg]
        if -arg in names:
            return f"-{names[-arg]}"
        return sp.sstr(arg)

    args = []
    for e in exprs:
        args += [h.args[0] for h in e.atoms(sp.Heaviside)]
        args += [f.args[0] for f in e.atoms(sp.Function) if type(f).__name__ == "ReLU"]
    for arg in args:
        ev = Evaluator(point)
        try:  # the value at the precision that decided the sign: its ball is on that side of 0
            s, v = ev.run(lambda e: (e.sign(arg), e.value(arg)))
        except (Undefined, Undecided):
            continue
        if s == 0:
            out.append(f"{label(arg)} = 0, on the kink")
        else:
            out.append(f"{label(arg)} = {fmt(v)} {'>' if s > 0 else '<'} 0")
    return sorted(set(out))[:MAX_KINK_NOTES]


def _node_names(t: Translator) -> dict:
    """Expanded value -> name, for the scalar nodes a problem defines (to name kinks in counterexamples)."""
    out = {}
    for d in t.values:
        try:
            key = t.key_of(d.target, t.scope())
            if key[1] == () and d.target.sub is None or all(isinstance(s, n.Num) for s in (d.target.sub or ())):
                out.setdefault(t.resolve(key, d.target, t.scope()), key_name(key))
        except ProofError:
            continue
    return out


def _side_text(side) -> str:
    return "undefined" if side is None or side.value is None else fmt(side.value)


def describe(inst: Instance, point: dict, check: PointCheck, exprs, given: set, names: dict | None = None) -> dict:
    """A counterexample as data: sizes, indices, input values, both sides and the kinks."""
    cx = {
        "sizes": dict(inst.sizes),
        "indices": dict(inst.indices),
        "values": {s.name: point_text(v) for s, v in sorted(point.items(), key=lambda kv: kv[0].name)},
        "given": sorted(given),
        "lhs": _side_text(check.lhs),
        "rhs": _side_text(check.rhs),
        "kinks": _kinks(exprs, point, names),
    }
    undefined = [f"{name} side: {side.why}" for name, side in (("left", check.lhs), ("right", check.rhs))
                 if side is not None and side.value is None and side.why]
    if undefined:
        cx["undefined"] = "; ".join(undefined)
    if check.status == DIFFER and check.difference is not None:
        cx["difference"] = fmt(check.difference, 6)
        cx["arithmetic"] = "exact" if isinstance(check.difference, fmpq) else "certified"
    return cx


def simplify_point(point: dict, check: PointCheck, syms: list, a: Side, b: Side, rels,
                   forms: tuple = ()) -> tuple[dict, PointCheck]:
    """Make a counterexample small: simple values one input at a time (0, 1, -1, ..., then the
    simplest rational near the value found), while it stays a certified counterexample of the same
    kind (a difference, or a side undefined on a region) and the assumptions hold."""
    best, best_check = dict(point), check
    for s in syms:
        for cand in _candidates(best[s]):
            if best[s] == cand:
                break
            trial = dict(best)
            trial[s] = cand
            if relations_hold(rels, trial) is not True:
                continue
            trial_check = compare_at(a, b, trial, evidence=True, forms=forms)
            if trial_check.status == check.status:
                best, best_check = trial, trial_check
                break
    return best, best_check


def _candidates(v) -> list:
    out = list(SIMPLE_VALUES)
    approx = value_at(v, {}) if not isinstance(v, sp.Rational) else None
    centre = v if isinstance(v, sp.Rational) else (_rational_mid(approx) if approx is not None else None)
    if centre is None:
        return out
    if centre != 0:
        rounded = [round_significant(centre, digits) for digits in SIGNIFICANT_DIGITS]
        # a value far out next to a constant (10^50 + 5.47) is short at a few decimals, not digits
        rounded += [round_decimals(centre, places) for places in DECIMAL_PLACES if abs(centre) >= 1]
        out.extend(sorted(set(rounded), key=lambda r: (len(str(r.p)) + len(str(r.q)), r)))
    return out


def round_decimals(v: sp.Rational, places: int) -> sp.Rational:
    """v rounded to a number of decimal places, exactly (10^50 + 5.47 -> 10^50 + 5 at 0)."""
    unit = sp.Rational(1, 10 ** places)
    return sp.floor(v / unit + sp.Rational(1, 2)) * unit


def round_significant(v: sp.Rational, digits: int) -> sp.Rational:
    """v rounded to a number of significant decimal digits, exactly (0.000625 -> 0.0006 at 1)."""
    magnitude = sp.floor(sp.log(abs(v), 10)) if v != 0 else 0
    unit = sp.Rational(10) ** (magnitude - digits + 1)
    return sp.floor(v / unit + sp.Rational(1, 2)) * unit


def _rational_mid(v):
    if isinstance(v, fmpq):
        return to_rational(v)
    man, exp = v.mid().man_exp()
    return sp.Rational(int(man)) * sp.Rational(2) ** int(exp)


def with_solved(cx: dict, sub: dict, point: dict, fixed: dict | None = None) -> dict:
    """Add the inputs fixed by an equality assumption (y_N = 1 - ...) and the given point to a counterexample."""
    values = dict(cx["values"])
    for s, v in (fixed or {}).items():
        values.setdefault(s.name, point_text(v))
    for s, expr in sub.items():
        v = expr.xreplace(point)
        if v.is_number:  # an input the step does not involve stays out of its counterexample
            values[s.name] = point_text(v)
    cx["values"] = dict(sorted(values.items()))
    return cx


def _cx_text(cx: dict) -> str:
    parts = []
    for k, v in (cx.get("sizes") or {}).items():
        parts.append(f"{k} = {v}")
    for k, v in (cx.get("indices") or {}).items():
        parts.append(f"{k} = {v}")
    if cx.get("entry"):  # a vector or matrix step: the entry that differs (matrix.py, check/entries.py)
        e = cx["entry"]
        parts.append(f"entry {e[0]}" if len(e) == 1 else f"entry ({e[0]}, {e[1]})")
    parts.extend(_runs(sorted((cx.get("values") or {}).items(), key=lambda kv: _natural(kv[0]))))
    return ", ".join(parts) if parts else "no inputs involved (both sides are numbers)"


def _runs(values: list) -> list[str]:
    """`x_2 = 0, ..., x_31 = 0` written `x_2, ..., x_31 = 0`: four or more consecutive entries of one family
    with one value (a counterexample at N = 31 that sets one entry and zeroes the rest)."""
    out, k = [], 0
    while k < len(values):
        m = re.fullmatch(r"(.*_)(\d+)", values[k][0])
        end = k + 1
        if m:
            while end < len(values):
                nxt = re.fullmatch(r"(.*_)(\d+)", values[end][0])
                if not (nxt and nxt.group(1) == m.group(1) and int(nxt.group(2)) == int(m.group(2)) + end - k
                        and values[end][1] == values[k][1]):
                    break
                end += 1
        if end - k >= 4:
            out.append(f"{values[k][0]}, ..., {values[end - 1][0]} = {values[k][1]}")
        else:
            out.extend(f"{name} = {v}" for name, v in values[k:end])
        k = end
    return out


def _natural(name: str) -> tuple:
    """x_2 before x_10: the entries of a family in the order a student counts them."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", name) if p)
