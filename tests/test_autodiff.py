"""The autodiff cross-check (issue 3): every symbolic derivative is recomputed by autodiff from the nodes.

- property tests: random computation graphs written as `.proof` text; SymPy's derivative, autograd's and
  torch's (when installed) agree to 1e-9 relative at random points away from kinks;
- the seed's T1 values and the T4 gradient are confirmed by autodiff in the JSON evidence;
- breaking the symbolic side on purpose (a derivative rule, the ReLU derivative) is caught: E304, and
  the step is not accepted;
- kinks at a given point give W311 with both conventions, `--ad off` says so.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from proofcheck import autodiff, translate
from proofcheck import nodes as n
from proofcheck.numeric import PRECISION
from proofcheck.numeric import exact_value as _evaluate
from proofcheck.options import Options
from proofcheck.cli import main
from proofcheck.elaborate import elaborate
from proofcheck.parse import parse_source
from proofcheck.pipeline import check_text
from proofcheck.report import to_json
from proofcheck.source import split_lines
from proofcheck.translate import Scope, Translator, leaf_symbol

ROOT = Path(__file__).resolve().parent.parent
HAS_TORCH = autodiff.available("torch")  # imported here, before any fork, so children inherit it
BACKENDS = ["autograd"] + (["torch"] if HAS_TORCH else [])
REL = 1e-9


# ------------------------------------------------------------------ helpers


def _problem(text: str):
    statements, diags = parse_source(split_lines("<test>", text))
    assert not diags, diags
    problems, more = elaborate(statements)
    assert not more, more
    return problems[0]


def _deriv_chain(problem):
    return next(c for c in problem.chains if isinstance(c.members[0].expr, n.Deriv))


def _rel(a: float, b: float) -> float:
    return abs(a - b) / max(1.0, abs(b))


def _steps(result):
    return [s for p in result.problems for s in p.steps]


# ------------------------------------------------------------------ random computation graphs


def _leaf(names):
    return st.one_of(st.sampled_from(names), st.sampled_from(["2", "0.5", "3"]))


def _graph_exprs(names):
    """LaTeX expressions over `names` from + - * / exp log relu sigmoid tanh max and indexed sums."""

    def extend(inner):
        two = st.tuples(inner, inner)
        return st.one_of(
            two.map(lambda ab: f"({ab[0]}) + ({ab[1]})"),
            two.map(lambda ab: f"({ab[0]}) - ({ab[1]})"),
            two.map(lambda ab: f"({ab[0]}) ({ab[1]})"),
            two.map(lambda ab: f"\\frac{{{ab[0]}}}{{1 + ({ab[1]})^2}}"),
            inner.map(lambda a: f"\\exp(\\tanh({a}))"),
            inner.map(lambda a: f"\\exp({a} / 4)"),
            inner.map(lambda a: f"\\log(1 + ({a})^2)"),
            inner.map(lambda a: f"\\mathrm{{ReLU}}({a})"),
            inner.map(lambda a: f"\\sigma({a})"),
            inner.map(lambda a: f"\\tanh({a})"),
            two.map(lambda ab: f"\\max({ab[0]}, {ab[1]})"),
            inner.map(lambda a: f"\\sum_i \\tanh(a_i ({a}))"),
            inner.map(lambda a: f"\\sum_{{i=1}}^{{N}} a_i^2 ({a})"),
        )

    return st.recursive(_leaf(names), extend, max_leaves=6)


@st.composite
def graphs(draw):
    """A small problem: `u` from inputs, `L` from `u` and inputs; a derivative of L (or u) w.r.t. something."""
    u = draw(_graph_exprs(["x", "y", "a_1"]))
    body = draw(_graph_exprs(["u", "x", "y", "z"]))
    target, var = draw(st.sampled_from([("L", "x"), ("L", "u"), ("L", "y"), ("L", "a_1"), ("u", "x"), ("L", "z")]))
    order = draw(st.sampled_from([1, 1, 1, 2]))
    size = draw(st.integers(1, 3))
    den = f"\\partial {var}" if order == 1 else f"\\partial {var}^2"
    num = f"\\partial {target}" if order == 1 else f"\\partial^2 {target}"
    text = (f"problem G\nindex i in 1..N\nlet u = {u}\nlet L = {body}\n"
            f"\\frac{{{num}}}{{{den}}}\n")
    point = {nm: Fraction(draw(st.integers(-30, 30)), draw(st.sampled_from([7, 9, 11, 13])))
             for nm in ["x", "y", "z"] + [f"a_{k}" for k in range(1, size + 1)]}
    return text, size, point


def _sympy_and_autodiff(text: str, size: int, point: dict[str, Fraction]):
    problem = _problem(text)
    chain = _deriv_chain(problem)
    t = Translator(chain.context, {"N": size}, {})
    t.translate(chain.members[0].expr)
    record = t.derivatives[-1]  # the outermost derivative is recorded last
    exact = {leaf_symbol(("a", (int(k[2:]),)) if k.startswith("a_") else (k, ())): sp.Rational(v.numerator, v.denominator)
             for k, v in point.items()}
    sym = _evaluate(record.value, exact, PRECISION)
    kinks = autodiff.kinks_at(record.value, exact)
    floats = {k: float(v) for k, v in point.items()}
    out = {}
    for name in BACKENDS:
        ev = autodiff.Evaluator(chain.context, {"N": size}, {}).setup(autodiff.backend(name), floats)
        try:
            out[name] = ev.derivative_value(record)
        except autodiff.Unsupported:
            out[name] = None
        out[name + ":kink"] = ev.kink_hit
    return sym, kinks, out


@pytest.mark.slow
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_graphs_sympy_and_autodiff_agree(case):
    text, size, point = case
    sym, kinks, ad = _sympy_and_autodiff(text, size, point)
    assume(sym is not None and not kinks)
    symf = float(sym)
    assume(math.isfinite(symf) and abs(symf) < 1e12)
    for name in BACKENDS:
        assume(not ad[name + ":kink"])  # a float rounding onto a kink: conventions decide, not a fault
        assert ad[name] is not None, (name, text, point)
        assert _rel(ad[name], symf) <= REL, (name, ad[name], symf, text, point)


FIXED_GRAPHS = [
    ("\\mathrm{ReLU}(x y) + \\sigma(x)", "\\max(u, x) \\tanh(y) + u z", "u"),
    ("\\max(x, y) \\tanh(x)", "\\log(1 + (u - z)^2)", "x"),
    ("\\sum_i \\tanh(a_i x)", "\\exp(u / 4) \\sigma(z)", "a_1"),
    ("\\frac{x}{1 + (y)^2}", "\\sum_{i=1}^{N} a_i^2 (u - x)", "y"),
    ("(x) - (y)", "\\mathrm{ReLU}(u) + \\exp(\\tanh(u z))", "x"),
]


@pytest.mark.parametrize("u, body, var", FIXED_GRAPHS)
def test_fixed_graphs_compare_for_real(u, body, var):
    """The property above is not vacuous: these graphs (every operation) give numbers on every side."""
    text = f"problem G\nindex i in 1..N\nlet u = {u}\nlet L = {body}\n\\frac{{\\partial L}}{{\\partial {var}}}\n"
    point = {"x": Fraction(3, 7), "y": Fraction(-5, 9), "z": Fraction(4, 11), "a_1": Fraction(-2, 13), "a_2": Fraction(9, 7)}
    sym, kinks, ad = _sympy_and_autodiff(text, 2, point)
    assert sym is not None and not kinks
    for name in BACKENDS:
        assert ad[name] is not None and _rel(ad[name], float(sym)) <= REL, (name, ad[name], sym)


# ------------------------------------------------------------------ the evaluator against hand-written numpy


def test_t4_gradient_against_numpy_at_random_points():
    """∂L/∂h_i by autodiff from the nodes equals o_i - y_i (numpy by hand), and ∂L/∂o_j is -y_j/o_j (the cut)."""
    problem = _problem((ROOT / "proofs" / "T4.proof").read_text())
    ctx = problem.goals[0].context
    lhs = problem.goals[0].lhs
    rng = np.random.default_rng(0)
    for size in (1, 2, 3, 5):
        h = rng.normal(size=size)
        y = rng.random(size)
        y /= y.sum()
        o = np.exp(h) / np.exp(h).sum()
        point = {f"h_{k + 1}": float(h[k]) for k in range(size)} | {f"y_{k + 1}": float(y[k]) for k in range(size)}
        for name in BACKENDS:
            for i in range(1, size + 1):
                ev = autodiff.Evaluator(ctx, {"N": size}, {"i": i}).setup(autodiff.backend(name), point)
                got = float(ev.be.raw(ev.expr(lhs, Scope((("i", i),)))))
                assert _rel(got, o[i - 1] - y[i - 1]) < 1e-12
                do = n.Deriv(lhs.span, lhs.expr, n.Name(lhs.span, "o", (n.Name(lhs.span, "i"),), "i"))
                got = float(ev.be.raw(ev.expr(do, Scope((("i", i),)))))
                assert _rel(got, -y[i - 1] / o[i - 1]) < 1e-12


# ------------------------------------------------------------------ the seed's proofs, end to end


def _ad_values(result) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in _steps(result):
        for v in (s.autodiff or {}).get("values", []):
            out.setdefault(v["wrt"], []).append(v)
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_t1_values_confirmed_by_autodiff(backend):
    result = check_text((ROOT / "proofs" / "T1.proof").read_text(), "T1.proof", Options(ad=backend))
    doc = to_json([result], 0)
    steps = [s for s in doc["files"][0]["problems"][0]["steps"]]
    with_ad = [s for s in steps if s["autodiff"]]
    assert with_ad and all(s["autodiff"]["backend"] == backend and s["autodiff"]["agrees"] for s in with_ad)
    assert all(s["autodiff"]["points"] == 1 and s["autodiff"]["max_rel_diff"] <= 1e-12 for s in with_ad)
    # the four `find` targets, at the given point, on both sides
    starts = {}
    for s in with_ad:
        for v in s["autodiff"]["values"]:
            if v["column"] == 1:
                starts[v["wrt"]] = (float(v["symbolic"]), float(v["autodiff"]))
    assert starts == {"w_0": (-0.2, -0.2), "w_1": (0.4, 0.4), "b_0": (-0.2, -0.2), "b_1": (1.0, 1.0)}
    # steps with no derivative on either side carry null
    assert any(s["autodiff"] is None for s in steps)
    assert not any(d["code"] in ("E304", "W311") for d in doc["files"][0]["diagnostics"])


def test_t4_gradient_confirmed_by_autodiff_at_several_sizes():
    result = check_text((ROOT / "proofs" / "T4.proof").read_text(), "T4.proof", Options())
    steps = _steps(result)
    assert all(s.accepted for s in steps)
    main_chain = [s for s in steps if s.lhs_line == 16]  # the chain starting at ∂L/∂h_i
    first = main_chain[0]
    ad = first.autodiff
    assert ad["backend"] == "autograd" and ad["agrees"] is True
    # proved for every N, so the instances are a cross-check at N = 1..3, each compared
    assert ad["instances"] >= 3 and ad["points"] >= ad["instances"] and ad["max_rel_diff"] < 1e-12
    assert {inst["sizes"]["N"] for inst in first.evidence.instances} >= {1, 2, 3}
    assert not any(d.code == "E304" for d in result.diagnostics)


# ------------------------------------------------------------------ the check can fail


SMALL = r"""problem S
index i, j in 1..N
let o_j = \frac{\exp(h_j)}{\sum_k \exp(h_k)}
index k in 1..N
let L = -\sum_j y_j \log o_j
\frac{\partial L}{\partial h_i} = \frac{\partial L}{\partial h_i}
"""


def test_broken_derivative_rule_is_caught(monkeypatch):
    _doubled(monkeypatch)  # the forked children inherit it
    result = check_text(SMALL, "S.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "unknown" and not step.accepted
    assert step.autodiff["agrees"] is False and step.autodiff["max_rel_diff"] > 0.1
    e304 = [d for d in result.diagnostics if d.code == "E304"]
    assert e304 and "SymPy gives" in e304[0].message and "autograd gives" in e304[0].message
    assert any(note.startswith("at ") for note in e304[0].notes)


def test_unbroken_small_problem_passes():
    result = check_text(SMALL, "S.proof", Options())
    (step,) = _steps(result)
    assert step.accepted and step.autodiff["agrees"] is True
    assert not [d for d in result.diagnostics if d.code == "E304"]


RELU = r"""problem R
let x_1 = \mathrm{ReLU}(x_0 w_0 + b_0)
let z = x_1 w_1
at x_0 = 1, w_0 = 0.5, b_0 = -1, w_1 = 2
\frac{\partial z}{\partial w_0} = 2
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_broken_relu_derivative_is_caught(monkeypatch, backend):
    """With ReLU' patched to 1 everywhere, the (wrong) step `∂z/∂w_0 = 2` would be proved; autodiff stops it."""
    real = translate.relu_class(Fraction(0))

    class BrokenReLU(real):
        def fdiff(self, argindex=1):
            return sp.Integer(1)

    BrokenReLU.__name__ = "ReLU"
    monkeypatch.setattr(translate, "relu_class", lambda at_zero: BrokenReLU)
    result = check_text(RELU, "R.proof", Options(ad=backend))
    (step,) = _steps(result)
    assert not step.accepted and step.verdict == "unknown"
    assert any(d.code == "E304" for d in result.diagnostics)


def test_relu_step_refuted_when_not_broken():
    result = check_text(RELU, "R.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "refuted"  # ReLU is off at the point: ∂z/∂w_0 = 0
    assert not any(d.code == "E304" for d in result.diagnostics)


# ------------------------------------------------------------------ kinks and --ad off


KINK = r"""problem K
let ReLU'(0) = 1
let z = \mathrm{ReLU}(x w + b)
at x = 1, w = 0.5, b = -0.5
\frac{\partial z}{\partial w} = 1
"""


def test_given_point_on_a_kink_states_both_conventions():
    result = check_text(KINK, "K.proof", Options())
    (step,) = _steps(result)
    assert step.accepted  # the problem's convention decides; no false disagreement
    assert step.autodiff["on_kink"] is True and step.autodiff["agrees"] is None
    (w,) = [d for d in result.diagnostics if d.code == "W311"]
    text = " ".join(w.notes)
    assert "ReLU'(0) = 1" in text and "relu'(0) = 0" in text and "conventions differ" in text
    assert not any(d.code == "E304" for d in result.diagnostics)


def test_ad_off_says_so(tmp_path, capsys):
    path = tmp_path / "k.proof"
    path.write_text(SMALL)
    assert main(["check", str(path), "--ad", "off"]) == 0
    assert "autodiff cross-check off" in capsys.readouterr().out
    assert main(["check", str(path), "--ad", "off", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (step,) = doc["files"][0]["problems"][0]["steps"]
    assert step["autodiff"]["backend"] == "off" and step["autodiff"]["points"] == 0


def test_cli_json_has_autodiff_evidence(tmp_path, capsys):
    path = tmp_path / "k.proof"
    path.write_text(SMALL)
    assert main(["check", str(path), "--format", "json"]) == 0
    (step,) = json.loads(capsys.readouterr().out)["files"][0]["problems"][0]["steps"]
    ad = step["autodiff"]
    assert ad["backend"] == "autograd" and isinstance(ad["points"], int) and ad["points"] > 0
    assert isinstance(ad["max_rel_diff"], float) and ad["max_rel_diff"] < 1e-12


def _holds_derivative(chain_member_expr) -> bool:
    return any(isinstance(x, n.Deriv) for x in _walk(chain_member_expr))


def _walk(x):
    yield x
    for c in n.children(x):
        yield from _walk(c)


@pytest.mark.slow  # loads PyTorch (seconds): CI runs it
@pytest.mark.parametrize("name", ["T1.proof", "T4.proof"])
def test_bundled_proofs_carry_autodiff_evidence_and_backends_agree(name):
    """Issue 3's 'done': every step that holds a derivative has autodiff evidence that agrees, and the
    torch backend (installed in CI) gives the same verdicts as autograd."""
    from proofcheck.pipeline import check_path

    path = str(Path(__file__).resolve().parent.parent / "proofs" / name)
    runs = {b: check_path(path, Options(seed=0, ad=b)) for b in BACKENDS}
    base = runs["autograd"]
    assert base.ok
    statements, _ = parse_source(split_lines(path, Path(path).read_text()))
    problems, _ = elaborate(statements)
    with_deriv = set()
    for problem in problems:
        for chain in problem.chains:
            for k in range(1, len(chain.members)):
                if _holds_derivative(chain.members[k - 1].expr) or _holds_derivative(chain.members[k].expr):
                    with_deriv.add((chain.members[k].span.line, chain.members[k].span.column))
    assert with_deriv, "the proof holds derivatives"
    for step in (s for p in base.problems for s in p.steps):
        if (step.line, step.column) in with_deriv and step.compared_with == "previous":
            assert step.autodiff is not None and step.autodiff["agrees"] is True, (step.line, step.autodiff)
    for backend, result in runs.items():
        verdicts = [(s.line, s.column, s.verdict) for p in result.problems for s in p.steps]
        assert verdicts == [(s.line, s.column, s.verdict) for p in base.problems for s in p.steps], backend


# ------------------------------------------------------------------ the function vocabulary in both engines


VOCABULARY = [  # (L, variable, order): every built-in of docs/language.md's "Function vocabulary"
    (r"\mathrm{erf}(x y)", "x", 1),
    (r"\erf(x) + \text{erf}(y^2)", "y", 2),
    (r"\Phi(x^2 - y)", "x", 1),
    (r"\Phi(x y)", "y", 2),
    (r"\mathrm{softplus}(x - 2 y)", "y", 1),
    (r"\operatorname{softplus}(3 x)", "x", 2),
    (r"\mathrm{GELU}(x + y)", "x", 1),
    (r"\mathrm{gelu}(x y)", "x", 2),
    (r"\mathrm{sech}(x) \mathrm{sign}(y)", "x", 1),
    (r"\sech^2(x y)", "y", 2),
    (r"\mathrm{sign}(x - y) (x - y)^2", "x", 1),
    (r"\arctan(x y) + \operatorname{atan}(x)", "y", 1),
    (r"\sigma(x) \tanh(y)", "x", 2),
    (r"\mathrm{LSE}(x, y, 2 x)", "x", 1),
    (r"\operatorname{logsumexp}(a) z", "a_1", 1),
    (r"\mathrm{LSE}(a)", "a_2", 2),
    (r"\mathrm{softmax}(x, y, 1)_2", "y", 1),
    (r"\mathrm{softmax}(a)_1 \cdot a_2", "a_1", 1),
    (r"\log \sum_i e^{a_i} - \mathrm{LSE}(a)", "a_2", 1),
]


@pytest.mark.parametrize("body, var, order", VOCABULARY)
def test_vocabulary_derivatives_agree_between_sympy_and_autodiff(body, var, order):
    """The new built-ins have one definition per engine (SymPy in translate, autograd and torch in
    autodiff): their derivatives agree at points away from kinks, first and second order."""
    num, den = (r"\partial L", rf"\partial {var}") if order == 1 else (rf"\partial^{order} L", rf"\partial {var}^{order}")
    text = (f"problem V\nindex i in 1..N\nlet s = \\sum_i a_i\nlet L = {body}\n"
            f"\\frac{{{num}}}{{{den}}}\n")
    point = {"x": Fraction(3, 7), "y": Fraction(-5, 9), "z": Fraction(4, 11), "a_1": Fraction(-2, 13), "a_2": Fraction(9, 7)}
    sym, kinks, ad = _sympy_and_autodiff(text, 2, point)
    assert sym is not None and not kinks
    assert abs(float(sym)) > 1e-6 or body.startswith(r"\log \sum"), "a derivative that is 0 compares nothing"
    for name in BACKENDS:
        assert ad[name] is not None and _rel(ad[name], float(sym)) <= REL, (name, ad[name], sym)


def test_vocabulary_matches_hand_written_values():
    """Against values computed by hand with math.erf: the SymPy side is the intended function, not
    just consistent with autodiff (which could share a mistake)."""
    x = 0.37
    phi = 0.5 * (1 + math.erf(x / math.sqrt(2)))
    dens = math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    cases = {
        r"\Phi(x)": phi, r"\mathrm{GELU}(x)": x * phi, r"\frac{d}{dx} \mathrm{GELU}(x)": phi + x * dens,
        r"\mathrm{softplus}(x)": math.log1p(math.exp(x)), r"\frac{d}{dx} \mathrm{softplus}(x)": 1 / (1 + math.exp(-x)),
        r"\frac{d}{dx} \mathrm{erf}(x)": 2 / math.sqrt(math.pi) * math.exp(-x * x),
        r"\mathrm{sech}(x)": 1 / math.cosh(x), r"\mathrm{sign}(-x)": -1.0, r"\frac{d}{dx} \mathrm{sign}(x)": 0.0,
        r"\mathrm{LSE}(x, 1)": math.log(math.exp(x) + math.e), r"\mathrm{softmax}(x, 1)_1": math.exp(x) / (math.exp(x) + math.e),
    }
    for tex, want in cases.items():
        problem = _problem(f"problem H\n{tex}\n")
        t = Translator(problem.chains[0].context, {}, {})
        value = t.translate(problem.chains[0].members[0].expr)
        got = float(_evaluate(value, {leaf_symbol(("x", ())): sp.Rational(37, 100)}, PRECISION))
        assert abs(got - want) <= 1e-12 * max(1.0, abs(want)), (tex, got, want)


def test_sign_is_a_kink_for_both_engines():
    """sign'(0) is 0 in SymPy (a jump's derivative is 0, also at the jump) and in autograd/torch; at a
    given point on the kink W311 says so, never E304."""
    result = check_text("problem K\nlet z = \\mathrm{sign}(x) x^2\nat x = 0\n\\frac{d z}{d x} = 0\n", "K.proof", Options())
    (step,) = _steps(result)
    assert step.accepted
    (w,) = [d for d in result.diagnostics if d.code == "W311"]
    assert "sign(x) at 0" in " ".join(w.notes) and "they agree" in " ".join(w.notes)
    assert not any(d.code == "E304" for d in result.diagnostics)


def test_undeclared_functions_are_skipped_by_autodiff_not_faults():
    """An undeclared g has no numbers: the symbolic chain rule is trusted, autodiff skips the record."""
    result = check_text("problem G\n\\frac{d}{dx} g(x^2) = 2 x g'(x^2)\n", "G.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "proved"
    assert not any(d.code == "E304" for d in result.diagnostics)


# ------------------------------------------------------------------ points float64 cannot evaluate

L2 = (ROOT / "examples" / "l2_penalty_forgotten.proof").read_text()


def test_float64_noise_tells_an_ill_conditioned_point():
    """`\\log(1 - \\sigma(z))`'s derivative loses about 8 digits to float64 at z = 19, none at z = 1."""
    z = sp.Symbol("z")
    d = sp.diff(-sp.log(1 - 1 / (1 + sp.exp(-z))), z)
    from proofcheck.numeric import float64_noise
    assert float64_noise(d, {z: sp.Integer(19)}) > autodiff.ILL_CONDITIONED
    assert float64_noise(d, {z: sp.Integer(1)}) < 1e-14
    assert float64_noise(sp.log(z), {z: sp.Integer(-1)}) == math.inf  # undefined: never "well-conditioned"


def test_ill_conditioned_point_is_not_a_fault():
    """At seed 0 one sample point of the logistic loss has z = 18.95: autograd's float64 differs from SymPy
    by 3e-8 there (it was E304, and the correct step at line 12 lost its partner). Now it is skipped."""
    result = check_text(L2, "l2.proof", Options(seed=0))
    assert not [d for d in result.diagnostics if d.code == "E304"]
    steps = {s.line: s for s in _steps(result)}
    assert steps[12].accepted and steps[13].accepted and not steps[11].accepted
    assert steps[12].autodiff["agrees"] is True and steps[12].autodiff.get("ill_conditioned") == 1


def test_ill_conditioned_given_point_is_decided_symbolically():
    text = "problem P\nlet p = \\sigma(z)\nlet L = -\\log(1 - p)\nat z = 30\n\\frac{\\partial L}{\\partial z} = p\n"
    result = check_text(text, "P.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "proved" and step.autodiff["ill_conditioned"] == 1 and step.autodiff["agrees"] is None
    assert not [d for d in result.diagnostics if d.code == "E304"]


BESIDE = r"""problem P
let p = \sigma(z)
let L = -\log(1 - p)
let M = u^3
assume z > 19
assume z < 22
\frac{\partial L}{\partial z} + \frac{\partial M}{\partial u} = \frac{\partial L}{\partial z} + \frac{\partial M}{\partial u}
"""


def test_broken_rule_is_caught_beside_an_ill_conditioned_point(monkeypatch):
    """The skip is no hiding place: every point of L's derivative is ill-conditioned (z in (19, 22)), and
    with every derivative rule doubled, M's well-conditioned derivative in the same step still disagrees."""
    (step,) = _steps(check_text(BESIDE, "P.proof", Options()))
    assert step.accepted and step.autodiff["ill_conditioned"] >= 1 and step.autodiff["agrees"] is True
    _doubled(monkeypatch)
    result = check_text(BESIDE, "P.proof", Options())
    (step,) = _steps(result)
    assert not step.accepted and step.autodiff["agrees"] is False
    assert [d for d in result.diagnostics if d.code == "E304" and "`u`" in d.message]


# ------------------------------------------------------------------ refutations are confirmed at the counterexample


def _doubled(monkeypatch):
    """Every symbolic derivative doubled (a broken rule); the forked children inherit it."""
    original = translate.Translator.t_Deriv

    def doubled(self, node, scope):
        value = 2 * original(self, node, scope)
        self.derivatives[-1].value = value
        return value

    monkeypatch.setattr(translate.Translator, "t_Deriv", doubled)


def test_broken_rule_does_not_refute_at_its_counterexample(monkeypatch):
    """A refutation rests on the symbolic derivative at its counterexample. With every rule doubled, lines 11
    and 12 of l2_penalty_forgotten were refuted at once, at points where no derivative had been compared
    (`points: 0`): the wrong rule passed for the student's mistake. The counterexample's point is now
    compared, so both are E304 and unknown (by hand at d = 1, b = 0, w_1 = 1, x_1 = 0, y = 0, lambda = 1:
    dL/dw_1 = (p - y) x_1 + lambda w_1 = 1 and autograd gives 1, the doubled rule 2)."""
    _doubled(monkeypatch)
    result = check_text(L2, "l2.proof", Options(seed=0))
    steps = {s.line: s for s in _steps(result)}
    for line in (11, 12):
        assert steps[line].verdict == "unknown" and not steps[line].accepted
        assert steps[line].autodiff["agrees"] is False and steps[line].autodiff["points"] >= 1
    e304 = [d for d in result.diagnostics if d.code == "E304"]
    assert {d.span.line for d in e304} >= {10, 11}
    assert all("autograd gives" in d.message for d in e304)


def test_unbroken_refutation_is_confirmed_at_its_counterexample():
    result = check_text(L2, "l2.proof", Options(seed=0))
    steps = {s.line: s for s in _steps(result)}
    assert steps[11].verdict == "refuted" and steps[11].counterexample
    ad = steps[11].autodiff
    assert ad["points"] >= 1 and ad["agrees"] is True and ad["derivatives"] >= 1 and ad["at_counterexample"] is True
    assert "at_counterexample" not in steps[12].autodiff  # accepted: no counterexample
    assert not [d for d in result.diagnostics if d.code == "E304"]


NO_DERIVATIVE = "problem P\nx^2 + 1 = 2 x\n"


def test_refuted_step_without_derivative_is_unaffected(monkeypatch):
    _doubled(monkeypatch)
    (step,) = _steps(check_text(NO_DERIVATIVE, "P.proof", Options()))
    assert step.verdict == "refuted" and step.autodiff is None


AT_SOME = ("problem P\nlet L = x^3 w\nat x = 2\n"
           "\\frac{\\partial L}{\\partial x} = 13 w\n")  # dL/dx = 3 x^2 w = 12 w: refuted at any w != 0


def test_refutation_at_a_given_point_is_confirmed(monkeypatch):
    """`at` gives x alone; w is drawn, and the counterexample (x = 2 and that w) was never compared."""
    (step,) = _steps(check_text(AT_SOME, "P.proof", Options()))
    assert step.verdict == "refuted" and step.autodiff["points"] == 1 and step.autodiff["agrees"] is True
    assert step.autodiff["values"][0]["symbolic"] == step.autodiff["values"][0]["autodiff"]
    _doubled(monkeypatch)
    result = check_text(AT_SOME, "P.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "unknown" and step.autodiff["agrees"] is False
    assert [d for d in result.diagnostics if d.code == "E304"]


KINK_CX = ("problem K\nlet ReLU'(0) = 1\nlet z = \\mathrm{ReLU}(x)\n"
           "\\frac{\\partial z}{\\partial x} = (x > 0)\n")  # false at x = 0 alone (1 against 0), on the kink


def test_counterexample_on_a_kink_is_skipped_and_other_points_compared(monkeypatch):
    """At x = 0 the two engines follow their own conventions (1 and 0): that point is skipped, not a fault,
    and the step's agreeing points are compared instead."""
    result = check_text(KINK_CX, "K.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "refuted" and step.counterexample["values"] == {"x": "0"}
    assert step.autodiff["skipped"] >= 1 and step.autodiff["points"] >= 1 and step.autodiff["agrees"] is True
    assert step.autodiff["at_counterexample"] is False
    assert not [d for d in result.diagnostics if d.code in ("E304", "W311")]
    _doubled(monkeypatch)  # then a broken rule is caught at those points (dz/dx = 2 at x > 0, autograd 1)
    result = check_text(KINK_CX, "K.proof", Options())
    (step,) = _steps(result)
    assert step.verdict == "unknown" and step.autodiff["agrees"] is False
    assert [d for d in result.diagnostics if d.code == "E304"]


def test_refuted_instance_draws_points_when_none_else_can_be_compared(monkeypatch):
    """A refuted instance whose counterexample cannot be compared and that has no agreeing point draws fresh
    ones (`t.more_samples`), only then."""
    calls = []

    class T:
        context = None

    t = T()
    x = sp.Symbol("x", real=True)
    record = translate.DerivativeRecord.__new__(translate.DerivativeRecord)
    t.samples = ({}, [{x: sp.Integer(0)}])
    t.refuting_points = 1
    t.more_samples = lambda: calls.append(1) or [{x: sp.Integer(1)}]
    seen = []
    monkeypatch.setattr(autodiff, "_records", lambda tr: [record])

    def compare_point(self, tr, be, recs, p, sub, inst):
        seen.append(p[x])
        return {id(record)} if p[x] == 1 else set()  # x = 0 cannot be compared (a kink, say)

    monkeypatch.setattr(autodiff.CrossCheck, "_compare_point", compare_point)
    xc = autodiff.CrossCheck(None)
    xc.add(t, None, refuted=True)
    assert seen == [0, 1] and calls == [1]
    seen.clear()
    t.samples = ({}, [{x: sp.Integer(1)}])
    xc.add(t, None, refuted=True)
    assert seen == [1] and calls == [1]  # compared at the counterexample: nothing drawn
