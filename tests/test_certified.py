"""The certified numerics: ball evaluation, exact kink decisions, interval enclosures, the domain
recorder, root isolation for region probes, and the guarantees built on them."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from flint import arb, fmpq

from proofcheck.check import kinks, regions
from proofcheck.check.certified import (
    Evaluator,
    IntervalEvaluator,
    Straddle,
    Undecided,
    Undefined,
    enclose,
    exact_zero,
    interval_sign,
    sign_of,
)
from proofcheck.check.counterexample import round_significant
from proofcheck.check.domain import NONNEGATIVE, NONZERO, POSITIVE, DomainTranslator
from proofcheck.check.numbers import AGREE, DIFFER, LOPSIDED, UNDEFINED, Side, compare_at
from proofcheck.elaborate import elaborate
from proofcheck.options import Options
from proofcheck.parse import parse_source
from proofcheck.pipeline import check_path
from proofcheck.source import split_lines

x, y = sp.symbols("x y", real=True)
Q = sp.Rational


# ------------------------------------------------------------------ the evaluator


def test_rational_arithmetic_stays_exact():
    v = enclose((x ** 3 - 1) / (x - 1) + sp.Abs(x - 5) + sp.Max(x, 2), {x: Q(1, 3)})
    assert isinstance(v, fmpq) and v == fmpq(13, 9) + fmpq(14, 3) + 2


def test_transcendental_values_are_balls_containing_the_value():
    v = enclose(sp.exp(x) + sp.log(x), {x: Q(2)})
    assert isinstance(v, arb) and v.overlaps(arb(2).exp() + arb(2).log())
    assert v.rad() < arb(2) ** -100


def test_a_difference_below_rounding_is_still_certified():
    """Cancellation is settled by SymPy exactly and by more bits: no tolerance anywhere."""
    assert enclose(x + sp.exp(200) - sp.exp(200), {x: Q(1, 3)}) == fmpq(1, 3)
    assert sign_of(enclose(sp.exp(-200), {})) == 1
    ev = Evaluator({x: Q(1)})
    d = ev.run(lambda e: e.value(sp.log(sp.exp(200) + x) - 200), start=600)
    assert sign_of(d) == 1


@pytest.mark.parametrize("expr, point, kind", [
    (sp.log(x), {x: Q(-1)}, POSITIVE),
    (sp.log(x), {x: Q(0)}, POSITIVE),
    (1 / x, {x: Q(0)}, NONZERO),
    (sp.sqrt(x), {x: Q(-2)}, NONNEGATIVE),
    (x ** Q(1, 3), {x: Q(-8)}, NONNEGATIVE),
])
def test_undefined_names_its_condition(expr, point, kind):
    with pytest.raises(Undefined) as err:
        enclose(expr, point)
    assert err.value.kind == kind


def test_kink_decided_exactly_at_rational_and_algebraic_points():
    assert enclose(sp.Heaviside(x, 0) - sp.Heaviside(x, 1), {x: Q(0)}) == -1
    root = sp.CRootOf(x ** 2 - 2, 1)
    assert enclose(sp.Heaviside(x ** 2 - 2, 1), {x: root}) == 1
    assert enclose(sp.Heaviside(x ** 2 - 2, 0), {x: root}) == 0
    assert enclose(sp.Heaviside(x - sp.sqrt(2), 0), {x: root}) == 0  # two forms of the same algebraic number
    assert enclose(sp.Heaviside(sp.exp(x) - 1000, 0), {x: sp.log(1000)}) == 0


def test_a_straddling_sign_that_cannot_be_decided_is_undecided_not_guessed():
    ambiguous = sp.atan(2) + sp.atan(3) - 3 * sp.pi / 4  # exactly 0, but neither SymPy nor a ball shows it
    with pytest.raises(Undecided):
        Evaluator({}).run(lambda e: e.sign(ambiguous), cap=512)


def test_exact_zero():
    assert exact_zero(x ** 2 - 2, {x: sp.CRootOf(x ** 2 - 2, 0)}) is True
    assert exact_zero(x ** 3 - 2, {x: sp.CRootOf(x ** 2 - 2, 1)}) is False
    assert exact_zero(x - 1, {x: Q(1)}) is True


def test_intervals_keep_exponentials_positive():
    ev = IntervalEvaluator({x: (arb(15), arb(500000))})
    lo, _ = ev.enclose(sp.exp(x) - 1000)
    assert lo > 0  # a ball around e^500000 / 2 could not say this
    assert interval_sign(IntervalEvaluator({x: (arb(-1), arb(1))}).enclose(sp.Heaviside(x, 0))) is None
    with pytest.raises(Straddle):
        IntervalEvaluator({x: (arb(-1), arb(1))}).enclose(sp.log(x))


# ------------------------------------------------------------------ comparisons at a point


def test_compare_at():
    assert compare_at(Side(x + sp.exp(200)), Side(sp.exp(200)), {x: Q(1)}).status == DIFFER
    assert compare_at(Side(sp.tanh(x)), Side(1 - 2 / (sp.exp(2 * x) + 1)), {x: Q(3)}, evidence=True).status == AGREE
    tiny = compare_at(Side(sp.tanh(x)), Side(sp.Integer(1)), {x: Q(150)}, evidence=True)
    assert tiny.status == DIFFER and tiny.bits > 256


def test_domain_mismatch_needs_a_region():
    from proofcheck.check.domain import Condition
    sqrt_side = Side(x, (Condition(NONNEGATIVE, x, "root"),))
    assert compare_at(sqrt_side, Side(x), {x: Q(-1)}).status == LOPSIDED
    removable = Side(x + 1, (Condition(NONZERO, x - 1, "division by zero"),))
    assert compare_at(removable, Side(x + 1), {x: Q(1)}).status == UNDEFINED  # one point: not a mismatch


# ------------------------------------------------------------------ the domain recorder


def _sides(text: str, sizes=None, free=None):
    statements, _ = parse_source(split_lines("<t>", text))
    problem = elaborate(statements)[0][0]
    chain = [c for c in problem.chains if len(c.members) > 1][0]
    t = DomainTranslator(chain.context, sizes or {}, free or {})
    a, b = t.translate_pair(chain.members[0].expr, chain.members[1].expr)
    return a, b, t.domains


def test_domains_survive_simplification():
    a, b, (ca, cb) = _sides("(\\sqrt{x})^2 = \\frac{x}{x} \\log(e^{x})\n")
    assert a == x and b == x
    assert {(c.kind, c.expr) for c in ca} == {(NONNEGATIVE, x)}
    assert {(c.kind, c.expr) for c in cb} == {(NONZERO, x)}  # e^x > 0 holds everywhere: dropped


def test_a_derivative_has_the_domain_of_its_value():
    _, _, (ca, _) = _sides("\\frac{d}{dx} \\log x = \\frac{1}{x}\n")
    # the formal derivative 1/x: d/dx log x = 1/x is not a domain mismatch; log's x > 0 stays soft
    assert [(c.kind, c.expr, c.soft) for c in ca] == [(POSITIVE, x, True)]


# ------------------------------------------------------------------ regions


def test_polynomial_crossings_are_exact_at_any_degree():
    t = kinks._T
    found, bisected = regions.crossings(t ** 9 - 10 ** 6)
    assert len(found) == 1 and isinstance(found[0].value, sp.CRootOf) and not bisected
    assert [c.value for c in regions.crossings((t - Q(1, 100)) * t)[0]] == [0, Q(1, 100)]


@pytest.mark.slow  # many certified bisections
def test_transcendental_crossings_are_bracketed():
    t = kinks._T
    found, bisected = regions.crossings(sp.exp(t) - 1000)
    assert bisected  # searched over |t| < 4,096 only: the line gets far probes beyond
    assert any(c.value == sp.log(1000) for c in found)  # the closed form, to probe exactly on the kink
    assert any(c.lo < 6.90775527898 < c.hi for c in found if c.value is None)
    with pytest.raises(kinks.Budget):
        regions.crossings(sp.sin(t))  # infinitely many regions: unknown with a reason, never fewer probes


def test_probes_reach_narrow_regions_and_every_decoy():
    import random
    args = [x - k for k in range(1, 14)] + [x, Q(1, 10 ** 9) - x]
    ps = regions.probes(random.Random(0), [x], args, [{x: Q(0)}])
    values = {p.point[x] for p in ps}
    assert all(Q(k) in values for k in range(1, 14))  # every boundary exactly
    assert any(0 < v < Q(1, 10 ** 9) for v in values)  # inside the narrow cell


def test_bisected_lines_get_probes_inside_brackets_and_beyond_their_reach():
    import random
    ps = regions.probes(random.Random(0), [x], [sp.tanh(x), x - Q(1, 10 ** 15)], [{x: Q(1, 2)}])
    # tanh's bracket around 0 holds another crossing: its root is shown exact (0), so the thin cell
    # (0, 10^-15) is a cell of its own with probes inside
    assert any(p.where == "on" and p.point[x] == 0 for p in ps)
    assert any(0 < p.point[x] < Q(1, 10 ** 15) for p in ps if p.where in ("near", "inside"))
    beyond = {p.point[x] for p in ps if p.where == regions.BEYOND}
    assert {Q(10 ** 4), Q(-10 ** 4)} <= beyond
    # a line with no sign change found still gets the far probes (tanh x + x = 4100 past 4,096)
    far = regions.probes(random.Random(0), [x], [sp.tanh(x) + x - 4100], [{x: Q(1, 2)}])
    assert Q(10 ** 4) in {p.point[x] for p in far}
    exact = regions.probes(random.Random(0), [x], [x ** 2 + 1], [{x: Q(1, 2)}])
    assert exact == []  # a rational argument with no real root: its sign is known everywhere


def test_a_bracketed_jump_is_probed_exactly_or_settled_or_unsettled():
    import random
    g = x * sp.exp(x) - 1  # its root W(1) is only bracketed
    def where(d):
        return {p.where for p in regions.probes(random.Random(0), [x], [g], [{x: Q(1, 2)}], difference=d)}
    assert regions.UNSETTLED in where(sp.Heaviside(g, 1) - sp.Heaviside(g, 0))  # (g >= 0) - (g > 0) is 1 there
    assert regions.UNSETTLED not in where(sp.Heaviside(g, 0) * g - sp.Max(g, 0))  # 0 on the kink
    # (x - 1)^2 e^x: zeros exactly those of its rational factor, probed on them
    on = regions.probes(random.Random(0), [x], [(x - 1) ** 2 * sp.exp(x)], [{x: Q(1, 2)}],
                        difference=sp.Heaviside((x - 1) ** 2 * sp.exp(x), 0) - 1)
    assert any(p.where == "on" and p.point[x] == 1 for p in on)


def test_bracketed_roots_are_found_exactly_where_simple():
    t = kinks._T
    assert kinks._simplest_between(Q(-100000000244, 10 ** 10), Q(-99999999986, 10 ** 10)) == -10
    assert kinks._simplest_between(Q(21, 10), Q(29, 10)) == Q(5, 2)
    assert kinks._simplest_between(Q(1, 3) - Q(1, 10 ** 12), Q(1, 3) + Q(1, 10 ** 11)) == Q(1, 3)
    found, _ = regions.crossings(t - sp.sqrt(2))
    assert any(c.value == sp.sqrt(2) for c in found)  # linear with constant coefficients: closed form


def test_significant_rounding():
    assert round_significant(Q(625, 10 ** 6), 1) == Q(6, 10 ** 4)
    assert round_significant(Q(69077, 10 ** 4), 1) == 7


# ------------------------------------------------------------------ guarantees end to end


REFUTATIONS = "tests/adversarial/refutations/01_no_wrong_refutation.proof"


def _false_lines() -> list[int]:
    """The lines of the refutations file that announce a refutation (its four false claims), read from
    the file so that its header can change."""
    with open(REFUTATIONS, encoding="utf-8") as f:
        return [n for n, line in enumerate(f, 1) if "expect: refuted" in line]


@pytest.mark.slow  # two whole runs of the refutations file (about 4 s each)
@pytest.mark.parametrize("seed", [1, 7])
def test_true_claims_are_accepted_at_other_seeds(seed):
    result = check_path(REFUTATIONS, Options(seed=seed, timeout=30, workers=2))
    wrong = [(s.line, s.verdict) for p in result.problems for s in p.steps
             if s.verdict != "refuted" and not s.accepted]
    refuted = sorted(s.line for p in result.problems for s in p.steps if s.verdict == "refuted")
    assert not wrong
    assert len(_false_lines()) == 4
    assert refuted == _false_lines()  # exactly the four false claims, whatever the seed


@pytest.mark.slow  # the refutations file is a slow one (its `% slow:` line): checked once, shared
def test_counterexamples_satisfy_every_assumption():
    from test_adversarial import checked  # tests/ is on sys.path: the run of test_adversarial.py, shared

    result = checked(str(REFUTATIONS))
    cxs = {s.line: s.counterexample for p in result.problems for s in p.steps if s.verdict == "refuted"}
    values = {line: {k: Fraction(v) for k, v in cx["values"].items()} for line, cx in cxs.items()}
    zero_y, positive_x, above_one, above_one_too = _false_lines()
    assert all(v == 0 for k, v in values[zero_y].items() if k.startswith("y_"))  # assume y_i = 0, every i
    assert all(v > 0 for k, v in values[positive_x].items() if k.startswith("x_"))  # assume x_i > 0, every i
    assert values[above_one]["x"] > 1 and values[above_one_too]["x"] > 1  # assume x > 1


def test_a_counterexample_in_a_thin_cell_reads_as_a_short_decimal(tmp_path):
    """A refuting point found by deep refinement is rounded to as few significant digits as keep it
    a counterexample: a decimal of about 24 digits, not a fraction of 40+ digits over 40+ digits."""
    from fractions import Fraction

    from proofcheck.options import Options
    from proofcheck.pipeline import check_path

    path = tmp_path / "thin.proof"
    path.write_text("(\\tanh(x - 1/3) > 0)(x < 1/3 + 10^{-20}) = 0\n", encoding="utf-8")
    step = check_path(str(path), Options(seed=0, workers=1)).problems[0].steps[0]
    assert step.verdict == "refuted"
    text = step.counterexample["values"]["x"]
    x = Fraction(text)
    assert Fraction(1, 3) < x < Fraction(1, 3) + Fraction(1, 10 ** 20)
    assert "/" not in text and len(text) <= 30, text


def test_exact_zero_survives_sympy_failing_on_numbers():
    """SymPy's evaluation of sqrt(25 * 10^98 + 1) raises ValueError ("not a prime factor", found by
    red-team round 9 on sqrt(x^2 + 1) - x > 10^-50): not decided exactly, never a crash."""
    import sympy as sp
    from proofcheck.check.certified import exact_zero
    x = sp.Symbol("x")
    e = sp.sqrt(x ** 2 + 1) - x - sp.Rational(1, 10 ** 50)
    assert exact_zero(e, {x: sp.Integer(5 * 10 ** 49)}) is None
