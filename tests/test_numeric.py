"""numeric.py (the autodiff cross-check's evaluator) and the line the checker draws between
'undefined' and 'not certified here' (check/certified.py).

A domain mismatch (one side defined, the other not) refutes a step, so `Undefined` is raised only
where a side is certainly undefined over the reals; overflow and missing inputs are `Undecided`.
"""

import mpmath
import pytest
import sympy as sp

from proofcheck import numeric
from proofcheck.check.certified import Undecided, Undefined, enclose

x, y = sp.symbols("x y", real=True)
P = {x: sp.Rational(3), y: sp.Rational(-1, 2)}


def test_values():
    exact = (-sp.exp(3) / 2 + sp.log(3)).evalf(40)
    value = numeric.evaluate(sp.exp(x) * y + sp.log(x), P, digits=30)
    with mpmath.workdps(40):
        assert abs(value - mpmath.mpf(str(exact))) < mpmath.mpf("1e-25")


@pytest.mark.parametrize("expr", [sp.log(y), sp.sqrt(y), 1 / (x - 3)])
def test_certainly_undefined(expr):
    with pytest.raises(Undefined):
        enclose(expr, P)
    assert numeric.evaluate(expr, P) is None


def test_uncertified_is_not_undefined():
    huge = sp.exp(sp.exp(sp.exp(sp.exp(x))))  # too large for any enclosure, but defined
    with pytest.raises(Undecided):
        enclose(huge, P)
    assert numeric.evaluate(huge, P) is None
    with pytest.raises(Undecided):
        enclose(sp.Symbol("z", real=True) + 1, P)  # a missing input is not a domain error
    assert enclose(sp.Abs(x - 3), P) == 0  # on a kink: decided exactly, not skipped
