"""Cross-check every symbolic derivative against automatic differentiation (docs/autodiff.md).

The SymPy side (`translate.Translator.t_Deriv`) records each derivative it evaluates. Here the same
derivative is computed a second, independent way: `Evaluator` walks the checker's own node tree (it
subclasses `Translator`, so names, families, sums, indices and functions resolve exactly as they do
for SymPy) but produces values of an autodiff library (HIPS autograd, or PyTorch in float64) instead
of SymPy expressions. A derivative node `∂A/∂B` becomes `grad(v -> A with B's key overridden to v)`
at the value of B: the same "cut" semantics as the symbolic side, built from nodes, never from SymPy.

`CrossCheck` compares the two at the sample points the checker already drew for a step (at the given
point for problems with `at`), and a refuted step at its counterexample's point first: a refutation
rests on the symbolic derivatives there, so it is never taken from that engine alone. A disagreement
beyond float64 round-off is a checker fault: E304, and the step is not accepted. Where the point sits exactly on a kink (ReLU at 0, ties of max/min, |x| at
0), each side uses its own convention; that is reported as W311 with both conventions, not as a fault.
"""

from __future__ import annotations

import math
import random
import warnings
from dataclasses import dataclass, field
from fractions import Fraction
from functools import reduce
from typing import Any, Callable

import autograd
import autograd.numpy as anp
import numpy as np
import sympy as sp
from autograd.extend import defvjp, primitive
from autograd.tracer import getval

from . import nodes as n
from .diagnostics import Diagnostic, ProofError
from .elaborate import Context
from .numeric import PRECISION, float64_noise
from .numeric import exact_value as _evaluate
from .translate import DerivativeRecord, Scope, Translator, key_name, kronecker_items, relu_operand

BACKENDS = ("autograd", "torch")
DISAGREE_TOL = 1e-8  # relative (to max(1, |symbolic|)); float64 round-off of these graphs is ~1e-14
ILL_CONDITIONED = DISAGREE_TOL / 100  # float64 noise of the symbolic value past which a point cannot be compared
GENERAL_POINTS = 2  # sample points per concrete instance compared (the given point alone with `at`)
MAX_RECORDS = 200  # derivatives compared per instance and point (the rest are counted as skipped)
MAX_VALUES = 16  # derivative values listed in the evidence of a step at a given point
KINK_TOL = sp.Float("1e-25")


class Unsupported(Exception):
    """Something the numeric evaluator cannot give a number for (the comparison is skipped)."""


# ------------------------------------------------------------------ backends


class Backend:
    name = ""
    conventions = ""

    def lift(self, x: float):
        raise NotImplementedError

    def raw(self, x) -> float:
        raise NotImplementedError

    def derivative(self, f: Callable, at, order: int):
        raise NotImplementedError

    def unary(self, fname: str) -> Callable | None:
        raise NotImplementedError

    def maximum(self, a, b):
        raise NotImplementedError

    def minimum(self, a, b):
        raise NotImplementedError


_SQRT2 = math.sqrt(2.0)
_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)


@primitive
def _erf(x):
    """erf for autograd without scipy: math.erf on the value, 2/sqrt(pi) e^{-x^2} as its derivative
    (written with autograd's own operations, so second derivatives work too)."""
    return np.float64(math.erf(float(x)))


defvjp(_erf, lambda ans, x: lambda g: g * _TWO_OVER_SQRT_PI * anp.exp(-x * x))


class AutogradBackend(Backend):
    name = "autograd"
    conventions = ("autograd: relu'(0) = 0 (relu is np.where(x > 0, x, 0)), maximum/minimum split ties 1/2 each, "
                   "|x|'(0) = 0, sign'(0) = 0, indicators and cases conditions are constants")

    def lift(self, x):
        return np.float64(x)

    def raw(self, x) -> float:
        return float(getval(x))

    def derivative(self, f, at, order):
        g = f
        for _ in range(order):
            g = autograd.grad(g)
        return g(at)

    def unary(self, fname):
        return {
            "exp": anp.exp, "log": anp.log, "ln": anp.log, "tanh": anp.tanh, "cosh": anp.cosh, "sinh": anp.sinh,
            "sin": anp.sin, "cos": anp.cos, "tan": anp.tan, "sqrt": anp.sqrt, "abs": anp.abs,
            "relu": lambda x: anp.where(x > 0, x, 0.0),
            "sigmoid": lambda x: 1.0 / (1.0 + anp.exp(-x)),
            "arctan": anp.arctan, "erf": _erf, "Phi": lambda x: 0.5 * (1.0 + _erf(x / _SQRT2)),
            "softplus": lambda x: anp.logaddexp(0.0, x), "gelu": lambda x: 0.5 * x * (1.0 + _erf(x / _SQRT2)),
            "sign": anp.sign, "sech": lambda x: 1.0 / anp.cosh(x),
        }.get(fname)

    def maximum(self, a, b):
        return anp.maximum(a, b)

    def minimum(self, a, b):
        return anp.minimum(a, b)


class TorchBackend(Backend):
    name = "torch"
    conventions = ("torch: relu'(0) = 0 (torch.relu), maximum/minimum split ties 1/2 each, |x|'(0) = 0, "
                   "sign'(0) = 0, indicators and cases conditions are constants")

    def __init__(self):
        import torch  # noqa: PLC0415  (optional extra: proofcheck[torch])

        self.torch = torch
        try:
            torch.set_num_threads(1)  # scalar graphs; and forked children must not inherit a busy pool
        except RuntimeError:
            pass

    def lift(self, x):
        return self.torch.tensor(float(x), dtype=self.torch.float64)

    def raw(self, x) -> float:
        if self.torch.is_tensor(x):
            return float(x.detach().item())
        return float(x)

    def _as_tensor(self, x):
        return x if self.torch.is_tensor(x) else self.lift(x)

    def derivative(self, f, at, order):
        torch = self.torch

        def d1(g):
            def h(x):
                eps = torch.zeros((), dtype=torch.float64, requires_grad=True)
                y = g(self._as_tensor(x) + eps)
                if not (torch.is_tensor(y) and y.requires_grad):
                    return self.lift(0.0)
                (gr,) = torch.autograd.grad(y, eps, create_graph=True, allow_unused=True)
                return self.lift(0.0) if gr is None else gr
            return h

        g = f
        for _ in range(order):
            g = d1(g)
        with torch.enable_grad():
            return g(self._as_tensor(at))

    def unary(self, fname):
        t = self.torch
        fn = {
            "exp": t.exp, "log": t.log, "ln": t.log, "tanh": t.tanh, "cosh": t.cosh, "sinh": t.sinh,
            "sin": t.sin, "cos": t.cos, "tan": t.tan, "sqrt": t.sqrt, "abs": t.abs,
            "relu": t.relu, "sigmoid": t.sigmoid,
            "arctan": t.atan, "erf": t.special.erf, "Phi": t.special.ndtr,
            "softplus": lambda x: t.logaddexp(t.zeros_like(x), x),  # F.softplus is linear past 20: not exact
            "gelu": lambda x: t.nn.functional.gelu(x, approximate="none"), "sign": t.sign,
            "sech": lambda x: 1.0 / t.cosh(x),
        }.get(fname)
        if fn is None:
            return None
        return lambda x: fn(self._as_tensor(x))

    def maximum(self, a, b):
        return self.torch.maximum(self._as_tensor(a), self._as_tensor(b))

    def minimum(self, a, b):
        return self.torch.minimum(self._as_tensor(a), self._as_tensor(b))


_BACKENDS: dict[str, Backend] = {}


def backend(name: str) -> Backend:
    """The backend called `name` (imported on first use; import torch in the parent before forking)."""
    if name not in _BACKENDS:
        if name == "autograd":
            _BACKENDS[name] = AutogradBackend()
        elif name == "torch":
            _BACKENDS[name] = TorchBackend()
        else:
            raise ValueError(f"unknown autodiff backend {name!r}")
    return _BACKENDS[name]


def available(name: str) -> bool:
    if name == "off":
        return True
    try:
        backend(name)
        return True
    except ImportError:
        return False


# ------------------------------------------------------------------ the numeric evaluator of node trees


class Evaluator(Translator):
    """`Translator` with numbers of an autodiff library in place of SymPy expressions.

    Name resolution (keys, families, sums, bound and free indices, functions, sizes) is inherited, so
    both sides read the problem the same way; only the arithmetic and the derivatives differ.
    """

    def setup(self, be: Backend, point: dict[str, float], fill_seed: int = 0) -> "Evaluator":
        self.be = be
        self.point = point
        self.fill_seed = fill_seed
        self.filled: dict[str, float] = {}
        self.kink_hit = False
        self._overrides: dict = {}
        self._serial = 0
        return self

    # -------------------------------------------------------------- helpers
    def _num(self, v):
        if isinstance(v, sp.Basic):
            if v.is_Rational:
                return self.be.lift(float(v))
            if not v.is_number:
                raise Unsupported(f"not a number: {v}")
            f = complex(v.evalf(20))
            if f.imag:
                raise Unsupported("complex value")
            return self.be.lift(f.real)
        if isinstance(v, (int, float, Fraction)):
            return self.be.lift(float(v))
        return v

    def input_value(self, key):
        name = key_name(key)
        if name in self.point:
            return self.be.lift(self.point[name])
        if name not in self.filled:
            # an input the symbolic value does not depend on: any value will do (deterministic)
            self.filled[name] = random.Random(f"{self.fill_seed}|{name}").uniform(0.5, 1.5)
        return self.be.lift(self.filled[name])

    # -------------------------------------------------------------- names
    def name(self, node: n.Name, scope: Scope):
        return self._num(super().name(node, scope))

    def cut_value(self, key):
        return self._overrides[key][1]

    def constant(self, value):
        return self._num(value)

    def cache_key(self, key, scope: Scope):
        return (key, tuple(sorted((k, self._overrides[k][0]) for k in scope.cut)))

    def condition(self, cond: n.Condition, scope: Scope | None = None) -> list:
        scope = scope or self.scope()
        terms = [self.be.raw(self.expr(t, scope)) for t in cond.terms]
        out = []
        for op, a, b in zip(cond.ops, terms, terms[1:]):
            if a == b and op not in ("=", "!="):
                self.kink_hit = True
            out.append({">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b, "=": a == b, "!=": a != b}[op])
        return out

    # -------------------------------------------------------------- expressions
    def t_Num(self, node: n.Num, scope: Scope):
        return self._num(super().t_Num(node, scope))

    def t_Name(self, node: n.Name, scope: Scope):
        items = kronecker_items(node, self.context)
        if items is not None:
            a, b = (self.be.raw(self.expr(i, scope)) for i in items)
            return self.be.lift(1.0 if a == b else 0.0)
        return self.name(node, scope)

    def power(self, base, exp, node):
        base, exp = self._num(base), self._num(exp)
        if self.be.raw(base) == 0 and self.be.raw(exp) < 0:
            raise Unsupported("0 to a negative power")
        return base ** exp

    def apply(self, f: n.Expr, args, scope: Scope, span):
        if isinstance(f, n.Prime):
            if len(args) != 1:
                raise ProofError("E201", "`f'` takes one argument", span)
            if not (isinstance(f.func, n.Name) and f.func.sub is None):
                raise ProofError("E201", "only a named function can be primed, as in `f'(x)`", span)
            at = self.expr(args[0], scope)
            return self.be.derivative(lambda x: self.apply_name(f.func.base, (), scope, span, pre=[x]), at, 1)
        return super().apply(f, args, scope, span)

    def apply_name(self, base: str, args, scope: Scope, span, pre=None):
        return self._num(super().apply_name(base, args, scope, span, pre=pre))

    def builtin(self, fname: str, values: list, span):
        fn = self.be.unary(fname)
        if fn is not None:
            if len(values) != 1:
                raise ProofError("E201", f"`{fname}` takes one argument, not {len(values)}", span)
            x = values[0]
            if fname in ("relu", "abs", "sign") and self.be.raw(x) == 0:
                self.kink_hit = True
            return fn(x)
        if fname in ("max", "min"):
            if not values:
                raise ProofError("E201", f"`{fname}` needs arguments", span)
            other = relu_operand(values, lambda v: not hasattr(v, "shape") and isinstance(v, (int, float)) and v == 0)
            if other is not None:  # as on the SymPy side: max(z, 0) is ReLU(z)
                r = self.builtin("relu", [other if fname == "max" else -other], span)
                return r if fname == "max" else -r
            raws = [self.be.raw(v) for v in values]
            if len(set(raws)) < len(raws):
                self.kink_hit = True
            op = self.be.maximum if fname == "max" else self.be.minimum
            return reduce(op, values)
        if fname == "root":
            k = self.be.raw(values[1])
            if isinstance(k, (int, float)) and k > 0 and k == int(k) and int(k) % 2 == 1:  # translate.odd_root
                x = values[0]
                return self.builtin("sign", [x], span) * self.builtin("abs", [x], span) ** (1.0 / values[1])
            return values[0] ** (1.0 / values[1])
        raise ProofError("E201", f"`{fname}` is not a function proofcheck knows", span)

    def undeclared(self, base: str, values: list, span):
        # a function the problem never defines has no numbers: such derivatives are skipped, not compared
        raise Unsupported(f"`{base}` is a function the problem does not define")

    def t_Abs(self, node: n.Abs, scope: Scope):
        return self.builtin("abs", [self.expr(node.arg, scope)], node.span)

    def t_Indicator(self, node: n.Indicator, scope: Scope):
        return self.be.lift(1.0 if all(self.condition(node.cond, scope)) else 0.0)

    def t_Cases(self, node: n.Cases, scope: Scope):
        for value, cond in node.rows:
            if cond is None or all(self.condition(cond, scope)):
                return self.expr(value, scope)
        raise Unsupported("no case applies")

    def t_BigOp(self, node: n.BigOp, scope: Scope):
        var, cond_rel = self.bound_variable(node, scope)
        lo, hi = self.bounds(node, var, scope)
        out = self.be.lift(1.0 if node.op == "prod" else 0.0)
        for v in range(lo, hi + 1):
            inner = scope.bind(var, v)
            if cond_rel is not None and not all(self.condition(cond_rel, inner)):
                continue
            term = self.expr(node.body, inner)
            out = out * term if node.op == "prod" else out + term
        return out

    def t_Deriv(self, node: n.Deriv, scope: Scope):
        key = self.derivative_key(node, scope)
        var = node.var
        at = self.resolve(key, var, scope)  # the outer override, B's definition, or the input's value
        inner = Scope(scope.ints, scope.params, scope.cut | {key})
        target = self.derivative_body(node, scope)

        def body(v):
            self._serial += 1
            saved = self._overrides.get(key)
            self._overrides[key] = (self._serial, v)
            try:
                return self.expr(target, inner)
            finally:
                if saved is None:
                    del self._overrides[key]
                else:
                    self._overrides[key] = saved

        return self.be.derivative(body, at, node.order)

    # -------------------------------------------------------------- entry point
    def derivative_value(self, record: DerivativeRecord, params: tuple = ()) -> float:
        """The autodiff value of one recorded derivative, as a float (raises Unsupported if none)."""
        scope = Scope(record.scope.ints, tuple((k, self._num(v)) for k, v in params), frozenset())
        self.kink_hit = False
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                v = self.be.raw(self.t_Deriv(record.node, scope))
            except (ArithmeticError, ValueError, TypeError, RuntimeError) as exc:
                raise Unsupported(f"{type(exc).__name__}: {exc}") from exc
        if not math.isfinite(v):
            raise Unsupported("not finite")
        return v


# ------------------------------------------------------------------ kinks on the symbolic side


def kinks_at(expr, point: dict) -> list[str]:
    """Places where expr's non-smooth parts sit exactly on their kink at the exact point."""

    out: list[str] = []

    def zero(e) -> bool:
        v = _evaluate(e.xreplace(point), {}, PRECISION)
        return v is not None and (v == 0 or abs(v) < KINK_TOL)

    # the value is already differentiated: ReLU, |x| and max/min left in it are continuous there;
    # their derivatives appear as Heaviside (ReLU', max/min ties) and sign (|x|')
    for a in expr.atoms(sp.Heaviside, sp.sign, sp.DiracDelta):
        if zero(a.args[0]):
            out.append(f"{a.func.__name__}({a.args[0]}) at 0")
    for a in expr.atoms(sp.Piecewise):
        for _, c in a.args:
            for rel in (c.atoms(sp.core.relational.Relational) if isinstance(c, sp.Basic) else ()):
                if zero(rel.lhs - rel.rhs):
                    out.append(f"the boundary {rel}")
    return sorted(set(out))


# ------------------------------------------------------------------ the cross-check of one step


def _fast_value(expr, point: dict):
    """The symbolic value at an exact point to 20 digits (None where undefined or within rounding of a kink)."""
    try:
        from .numeric import evaluate  # noqa: PLC0415  (the checker's memoised mpmath evaluator)
    except ImportError:  # pragma: no cover

        return _evaluate(expr, point, 20) if not kinks_at(expr, point) else None
    return evaluate(expr, point, 20)


def _evaluator_class(ctx: Context) -> type:
    """The Evaluator, or its matrix-aware subclass when the problem declares shapes (matrix.py)."""
    if ctx.shapes:
        from .matrix import MatrixEvaluator  # noqa: PLC0415  (matrix.py builds on this module)
        return MatrixEvaluator
    return Evaluator


def _records(t: Translator) -> list[DerivativeRecord]:
    """Derivatives evaluated at the top level (those nested inside another are checked through it)."""
    out, seen = [], set()
    for r in t.derivatives:
        scope = getattr(r, "scope", None)
        if scope is None or scope.cut:
            continue
        k = (r.node, r.var, scope.ints, scope.params, getattr(r, "entry", None))
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


@dataclass
class CrossCheck:
    """Collects the comparisons of one step over its instances; `finish` puts them on the Decision."""

    context: Context
    backend: str | None = "autograd"  # autograd | torch | off | None (no evidence at all)
    at_point: bool = False
    seed: int = 0
    has_derivative: bool = False
    points: int = 0
    compared: int = 0
    skipped: int = 0
    max_rel: float = 0.0
    ill_conditioned: int = 0  # derivatives skipped where float64 round-off alone exceeds the tolerance
    faults: list = field(default_factory=list)
    kinks: list = field(default_factory=list)
    values: list = field(default_factory=list)  # with `at`: each derivative's two values at the given point
    at_counterexample: bool | None = None  # refuted: some derivative was compared at the counterexample's point
    _insts: list = field(default_factory=list)

    def add(self, t: Translator, inst=None, refuted: bool = False) -> None:
        """Compare the derivatives t evaluated, at the points `_compare_instance` left in `t.samples`.

        A `refuted` instance's verdict rests on its symbolic derivatives at the counterexample, which comes
        first in its samples: each derivative is compared at the first of the points (then
        `t.more_samples`, drawn only when needed) where it can be, so a refutation is never taken from
        the symbolic side alone when one point can be compared."""
        if self.backend is None:
            return
        records = _records(t)
        if not records:
            return
        self.has_derivative = True
        samples = getattr(t, "samples", None)
        if self.backend == "off" or not samples:
            return

        be = backend(self.backend)
        sub_vals, pts = samples
        if not refuted:
            for p in pts[: 1 if self.at_point else GENERAL_POINTS]:
                self._compare_point(t, be, records[:MAX_RECORDS], p, sub_vals, inst)
                self.skipped += max(0, len(records) - MAX_RECORDS)
            return
        # the counterexample's points first (`refuting`), then the agreeing points as for any instance (not at
        # a given point: W311 speaks of that point alone), then more of them and fresh ones while a
        # derivative has not been compared anywhere
        refuting = getattr(t, "refuting_points", 1)
        pending = records[:MAX_RECORDS]
        self.skipped += max(0, len(records) - MAX_RECORDS)
        more = getattr(t, "more_samples", None)
        candidates = list(enumerate(pts))
        while True:
            if not candidates:
                if more is None or not pending:
                    break
                candidates, more = [(len(pts), p) for p in more()], None
                continue
            i, p = candidates.pop(0)
            usual = not self.at_point and refuting <= i < refuting + GENERAL_POINTS
            if not (usual or pending):
                break
            before = self.compared
            done = self._compare_point(t, be, records[:MAX_RECORDS] if usual else pending, p, sub_vals, inst)
            pending = [r for r in pending if id(r) not in done]
            if i < refuting:
                self.at_counterexample = bool(self.at_counterexample) or self.compared > before

    def _compare_point(self, t: Translator, be: Backend, records: list, p: dict, sub_vals: dict, inst) -> set:
        """Compare the records at one point; the ids of those compared there (or reported on a kink at
        the given point)."""
        full = dict(p)
        for s, e in sub_vals.items():
            v = e.xreplace(full)
            if v.is_Rational:
                full[s] = v
        numeric = {s.name: float(v) for s, v in full.items()}
        ev = _evaluator_class(t.context)(t.context, t.sizes, t.free, t.network_call).setup(be, numeric, self.seed)
        compared_here = False
        done: set = set()
        skipped = 0
        for r in records:
            if self.at_point:  # exact where possible, and kinks are reported (W311), not skipped
                sym = _evaluate(r.value, full, PRECISION)
            else:  # None on a kink too: random points stay away from kinks
                sym = _fast_value(r.value, full)
            params = []
            for k, v in r.scope.params:
                pv = _evaluate(v.xreplace(full), {}, PRECISION) if isinstance(v, sp.Basic) else v
                params.append((k, pv))
            if sym is None or any(v is None for _, v in params):
                skipped += 1
                continue
            try:
                adv = ev.derivative_value(r, tuple(params))
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001  (Unsupported, or a gap of the evaluator: counted, never a verdict)
                skipped += 1
                continue
            symf = float(sym)
            rel = abs(adv - symf) / max(1.0, abs(symf))
            kinks = kinks_at(r.value, full) if self.at_point else []
            if kinks or (rel > DISAGREE_TOL and ev.kink_hit):
                if self.at_point:
                    self.kinks.append((r, symf, adv, kinks, full, inst))
                    done.add(id(r))
                else:
                    skipped += 1  # random points stay away from kinks
                continue
            if rel > DISAGREE_TOL and float64_noise(r.value, full) > ILL_CONDITIONED:
                # float64 itself cannot tell the value to 10 digits here (`\log(1 - \sigma(z))` at z = 19):
                # the library's round-off, not a fault; the step's other points are compared
                skipped += 1
                self.ill_conditioned += 1
                continue
            compared_here = True
            done.add(id(r))
            self.compared += 1
            self.max_rel = max(self.max_rel, rel)
            if self.at_point and len(self.values) < MAX_VALUES:
                item = {"line": r.node.span.line, "column": r.node.span.column, "wrt": key_name(r.var),
                        "symbolic": _g(symf), "autodiff": _g(adv)}
                if item not in self.values:
                    self.values.append(item)
            if rel > DISAGREE_TOL:
                self.faults.append((r, symf, adv, full, inst))
        self.skipped += skipped
        if compared_here:
            self.points += 1
            if inst not in self._insts:
                self._insts.append(inst)
        return done

    def evidence(self) -> dict[str, Any] | None:
        if not self.has_derivative or self.backend is None:
            return None
        if self.backend == "off":
            return {"backend": "off", "points": 0, "max_rel_diff": None, "agrees": None}
        ev: dict[str, Any] = {
            "backend": self.backend, "points": self.points, "instances": len(self._insts),
            "max_rel_diff": float(f"{self.max_rel:.3g}") if self.compared else None,
            "agrees": not self.faults if self.compared else None,
            "derivatives": self.compared, "skipped": self.skipped,
        }
        if self.kinks:
            ev["on_kink"] = True
        if self.ill_conditioned:
            ev["ill_conditioned"] = self.ill_conditioned
        if self.at_counterexample is not None:
            ev["at_counterexample"] = self.at_counterexample
        if self.values:
            ev["values"] = self.values
        return ev

    def finish(self, decision):
        """Attach the evidence to a Decision; a fault makes an accepted verdict unknown (with E304)."""
        decision.autodiff = self.evidence()
        if self.backend in (None, "off"):
            return decision
        be_conv = backend(self.backend).conventions
        seen = set()
        for r, symf, adv, kinks, full, inst in self.kinks:
            if r.node.span in seen:
                continue
            seen.add(r.node.span)
            h0 = self.context.relu_at_zero
            notes = [f"kink: {k}" for k in kinks[:4]] or ["kink: a ReLU, |x|, max/min or condition at its switch point"]
            notes += [
                f"proofcheck (SymPy): ReLU'(0) = {h0} (the problem's convention; change it with `let ReLU'(0) = c`), "
                "max/min ties 1/2 each, |x|'(0) = 0, sign'(0) = 0, indicators are constants",
                be_conv,
                f"here SymPy gives {_g(symf)} and {self.backend} gives {_g(adv)}"
                + (" (they agree)" if abs(adv - symf) <= DISAGREE_TOL * max(1.0, abs(symf)) else " (the conventions differ)"),
            ]
            decision.diagnostics.append(Diagnostic.make(
                "W311", f"the given point sits on a kink of this derivative with respect to `{key_name(r.var)}`",
                r.node.span, notes))
        if self.faults:
            r, symf, adv, full, inst = self.faults[0]
            where = _point_text(full, inst)
            notes = [f"at {where}"]
            if len(self.faults) > 1:
                notes.append(f"{len(self.faults)} disagreements in all for this step")
            if decision.verdict == "refuted":
                notes.append("the step's counterexample came from the symbolic side, now in doubt: it is withdrawn")
            notes.append("this is a fault in proofcheck, not in the proof: the step is not accepted until it is fixed")
            decision.diagnostics.append(Diagnostic.make(
                "E304", f"symbolic and automatic differentiation disagree on this derivative with respect to "
                        f"`{key_name(r.var)}`: SymPy gives {_g(symf)}, {self.backend} gives {_g(adv)}",
                r.node.span, notes))
            if decision.verdict in ("proved", "numeric", "refuted"):
                decision.verdict = "unknown"
                decision.method = "none"
                decision.counterexample = None  # it came from the symbolic side, which is now in doubt
                decision.reason = (f"the autodiff cross-check ({self.backend}) disagrees with the symbolic derivative "
                                   f"at line {r.node.span.line} (a checker fault, E304)")
        return decision


def _g(x: float) -> str:
    return f"{x:.12g}"


def _point_text(full: dict, inst) -> str:
    parts = []
    if inst is not None:
        parts += [f"{k} = {v}" for k, v in inst.sizes]
        parts += [f"{k} = {v}" for k, v in inst.indices]
    parts += [f"{s.name} = {v}" for s, v in sorted(full.items(), key=lambda kv: kv[0].name)]
    return ", ".join(parts) if parts else "the given point"
