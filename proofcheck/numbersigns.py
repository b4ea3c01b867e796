"""SymPy's sign of a constant, decided with certified arithmetic instead of a 2-digit evaluation.

Why: SymPy answers `c.is_positive` and `c > 0` for a number c from `c.evalf(2)`, and its evaluation of
a function of an argument that lost every digit to cancellation claims full precision: with c =
cos(e^{-150}) - 1 + 10^{-135} (about -5 10^{-131}) it calls sinh(c), tanh(c) and atan(c) positive,
and `(c - 0).evalf(2)` is a zero of no significance that `is_ge` reads as c >= 0. Every assumption on a
sum with such a term (x^{1/3} + sinh(c) "positive" for x > 0), every `Abs`, `Max` or `Min` SymPy
evaluates on its own, and every sign the checker asks of a constant then inherits the error (round 11
of the red team: four false claims accepted). So SymPy's numeric sign paths,
`Expr._eval_is_extended_positive_negative`, `relational._n2` and the comparison of constants in
`Relational._eval_simplify` (which `simplify` uses on a case's condition), are replaced once by the
checker's certified evaluator (check/certified.py, arb balls with adaptive precision): a sign is given when a ball
excludes 0 or an exact test shows 0, and is unknown (None) otherwise, never read off rounded digits.

Left to SymPy's own paths: numbers that are not real (a ball cannot hold them; SymPy's answer for
`1 + i` is "not positive", which is right) and numbers with a Float in them (already inexact). A sign
asked while a certified evaluation is running (its exact zero test expands with SymPy's arithmetic,
which rebuilds `Max(s + 1, 1)` and asks for the sign of s again) is undecided: SymPy's rounded guess
there once made `Max(s + 1, 1) - 1 - s` exactly 0 for s = sinh((cos(e^{-e^8}) - 1)(2 + sqrt 2)),
about -10^-2589."""

from __future__ import annotations

import threading

import sympy as sp
from sympy.core import relational
from sympy.core.expr import Expr

SIGN_CAP_BITS = 4096  # a constant whose sign needs more bits than this is left undecided (None)

_state = threading.local()
_original_positive_negative = Expr._eval_is_extended_positive_negative
_original_n2 = relational._n2


def constant_sign(e: sp.Expr) -> int | None | type(NotImplemented):
    """-1, 0 or 1 for a real constant, certified; None when it cannot be decided within
    SIGN_CAP_BITS; NotImplemented where SymPy's own path is kept (see the module doc)."""
    if getattr(_state, "busy", False):
        return None  # asked by SymPy's arithmetic inside a certified evaluation's exact test: undecided
    if e.has(sp.Float, sp.I, sp.oo, -sp.oo, sp.zoo, sp.nan):
        return NotImplemented
    from .check.certified import Evaluator, Undecided, Undefined  # noqa: PLC0415  (loads after SymPy)

    _state.busy = True
    try:
        return Evaluator({}).run(lambda ev: ev.sign(e), cap=SIGN_CAP_BITS)
    except Undefined:
        return NotImplemented  # not a real number (log of a negative constant): SymPy's complex answer
    except (Undecided, ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
        return None
    finally:
        _state.busy = False


def _positive_negative(self, positive):
    """`Expr._eval_is_extended_positive_negative` with a certified sign for numbers."""
    if not self.is_number:
        return _original_positive_negative(self, positive)
    s = constant_sign(self)
    if s is NotImplemented:
        return _original_positive_negative(self, positive)
    if s is None:
        return None
    return s > 0 if positive else s < 0


def _n2(a, b):
    """`relational._n2` (the sign of a - b behind `is_ge`, `is_eq` and so Max, Min) as an exact -1,
    0 or 1 when certified; None (no decision) when not."""
    if not (a.is_comparable and b.is_comparable):
        return None
    s = constant_sign(a - b)
    if s is NotImplemented:
        return _original_n2(a, b)
    return None if s is None else sp.Integer(s)


def _simplify_relation(self, **kwargs):
    """`Relational._eval_simplify` with a comparison of two constants decided by the certified sign
    of their difference, or left as it is when that is undecided (SymPy compares `dif.n(2)` with 0,
    so `simplify` once read `\\tanh(q) > 0` as true for q about -10^-2589, and a case split on it
    vanished)."""
    args = [a.simplify(**kwargs) for a in self.args]
    r = self.func(*args)
    if not (r.is_Relational and isinstance(r.lhs, Expr) and isinstance(r.rhs, Expr)):
        return _original_simplify(self, **kwargs)
    dif = r.lhs - r.rhs
    if not dif.is_comparable:
        return _original_simplify(self, **kwargs)
    s = constant_sign(dif)
    if s is NotImplemented:
        return _original_simplify(self, **kwargs)
    return r if s is None else r.func(sp.Integer(s), sp.S.Zero)


_original_simplify = relational.Relational._eval_simplify


def install() -> None:
    """Replace SymPy's numeric sign paths (idempotent)."""
    Expr._eval_is_extended_positive_negative = _positive_negative
    relational._n2 = _n2
    relational.Relational._eval_simplify = _simplify_relation
