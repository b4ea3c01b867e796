"""The symbolic zero test: a proof that a difference is 0, or 'not shown' (never 'different')."""

from __future__ import annotations

import sympy as sp

from .rational import rational_zero


def zero_test(d) -> bool:
    """A symbolic proof that d == 0; False means 'not shown', never 'different'.

    The exact rational-function reading (rational.py) first: it settles most differences at a small
    fraction of the cost of SymPy's rewriting, which then tries what it leaves.
    """
    if d == 0 or rational_zero(d):
        return True
    e = sp.expand(d)
    if e == 0:
        return True
    if e.has(sp.Piecewise, sp.Heaviside, sp.Max, sp.Min, sp.Abs, sp.sign, sp.KroneckerDelta) or any(
            type(f).__name__ == "ReLU" for f in e.atoms(sp.Function)):
        try:
            return sp.simplify(sp.piecewise_fold(e)) == 0
        except Exception:
            return False
    try:
        num, _ = sp.fraction(sp.together(e))
        if sp.expand(num) == 0:
            return True  # the numerator vanishes identically, so d is 0 wherever it is defined
        c = sp.cancel(sp.together(e))
        if c == 0:
            return True
        c = sp.cancel(sp.together(sp.powsimp(sp.expand(c.rewrite(sp.exp)))))
        if c == 0:
            return True
        return sp.simplify(c) == 0
    except Exception:
        return False


# ------------------------------------------------------------------ deciding one comparison
