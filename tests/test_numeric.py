"""numeric.py: values at points, and the line between 'undefined' and 'not trustworthy here'.

A domain mismatch (one side defined, the other not) refutes a step, so `defined` may answer False
only where a side is certainly undefined over the reals; overflow, kinks and poles are not that.
"""

import mpmath
import sympy as sp

from proofcheck import numeric

x, y = sp.symbols("x y", real=True)
P = {x: sp.Rational(3), y: sp.Rational(-1, 2)}


def test_values():
    exact = (-sp.exp(3) / 2 + sp.log(3)).evalf(40)
    value = numeric.evaluate(sp.exp(x) * y + sp.log(x), P, digits=30)
    with mpmath.workdps(40):
        assert abs(value - mpmath.mpf(str(exact))) < mpmath.mpf("1e-25")


def test_certainly_undefined():
    assert not numeric.defined(sp.log(y), P)
    assert not numeric.defined(sp.sqrt(y), P)
    assert not numeric.defined(1 / (x - 3), P)
    assert numeric.evaluate(sp.log(y), P) is None


def test_untrusted_is_not_undefined():
    huge = sp.exp(sp.exp(sp.exp(x)))  # too large to evaluate, but defined
    assert numeric.evaluate(huge, P) is None
    assert numeric.defined(huge, P)
    kink = sp.Abs(x - 3)  # on a kink: defined, value not used as evidence
    assert numeric.evaluate(kink, P) is None
    assert numeric.defined(kink, P)
    assert numeric.defined(sp.Symbol("z", real=True) + 1, P)  # a missing input is not a domain error
