"""How lines read (issue 8 part 2, issue 12's notation): node shapes and diagnostic codes, not wording.

The end-to-end cases (verdicts) are tests/adversarial/readings/*.proof; this file pins what the parser
and the per-problem readings produce for each notation.
"""

from __future__ import annotations

import pytest

from proofcheck import nodes as n
from proofcheck.diagnostics import ProofError
from proofcheck.elaborate import elaborate
from proofcheck.parse import parse_line, parse_source
from proofcheck.readings import Readings, problem_readings, subscript_items
from proofcheck.source import split_lines


def _parse(text: str):
    stmt, diag = parse_line(split_lines("t.proof", text).lines[0])
    return stmt, diag


def _expr(text: str) -> n.Expr:
    stmt, diag = _parse(text)
    assert diag is None, diag
    return stmt.members[0].expr


def _code(text: str) -> tuple[str, int]:
    stmt, diag = _parse(text)
    assert stmt is None and diag is not None, stmt
    return diag.code, diag.span.column


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("text, col", [
    (r"\max(5,100) = 100", 6), (r"\min(0,100) = 0", 6), (r"f(1,000) = 1", 3), (r"x_{1,000} = 1", 4),
    (r"\frac{1,000}{2} = 500", 7), ("at x = 1,000", 8), ("find 1,000", 6), ("assume x > 1,000", 12),
])
def test_ambiguous_thousands_comma_is_e211(text, col):
    assert _code(text) == ("E211", col)


@pytest.mark.parametrize("text, value", [("x = 32,768", "32768"), ("x = 1,000,000", "1000000"), ("x = 1,000.5", "1000.5"),
                                          ("let y = 1,000", "1000"), ("show y = 2,048", "2048")])
def test_thousands_comma_outside_brackets_is_one_number(text, value):
    stmt, diag = _parse(text)
    assert diag is None
    last = stmt.rhs if isinstance(stmt, n.ShowLine) else (stmt.chain.members[0].expr if isinstance(stmt, n.LetLine) else stmt.members[-1].expr)
    assert last == n.Num(None, value)


def test_two_items_with_a_space():
    e = _expr(r"\max(5, 100) = 100")
    assert isinstance(e, n.Call) and [a.text for a in e.args] == ["5", "100"]


@pytest.mark.parametrize("text", ["1.5.5 = 1", "x = 2.0.1"])
def test_two_decimal_points_are_a_syntax_error(text):
    assert _code(text)[0] == "E100"


# ------------------------------------------------------------------ derivatives


def _deriv(e):
    assert isinstance(e, n.Deriv), e
    return e


@pytest.mark.parametrize("text, order, var", [
    (r"\frac{d^3 y}{d x^3} = 0", 3, "x"), (r"\frac{d^{3} y}{dx^{3}} = 0", 3, "x"), (r"\frac{d^4 y}{dx^4} = 0", 4, "x"),
    (r"\frac{\mathrm{d}^2 y}{\mathrm{d} x^2} = 0", 2, "x"), (r"\frac{d y}{d x} = 0", 1, "x"), (r"\frac{dy}{dx} = 0", 1, "x"),
    (r"\frac{\partial^3 L}{\partial w^3} = 0", 3, "w"),
])
def test_derivatives_of_any_order(text, order, var):
    d = _deriv(_expr(text))
    assert (d.order, d.var.base) == (order, var)


def test_mixed_partial_is_nested_last_variable_innermost():
    d = _deriv(_expr(r"\frac{\partial^3 L}{\partial x^2 \partial y} = 0"))
    inner = _deriv(d.expr)
    assert (d.var.base, d.order, inner.var.base, inner.order, inner.expr) == ("x", 2, "y", 1, n.Name(None, "L"))


def test_first_order_over_a_power_is_the_powered_name():
    # translate accepts it only when the problem defines σ² (E211 otherwise)
    for text in (r"\frac{\partial L}{\partial \sigma^2} = 0", r"\frac{d y}{d x^2} = 0"):
        d = _deriv(_expr(text))
        assert d.order == 1 and d.var.base.endswith("^2")


@pytest.mark.parametrize("text, code", [
    (r"\frac{d^2 y}{d x} = 0", "E202"), (r"\frac{d^n y}{dx^n} = 0", "E202"), (r"\frac{\partial^3 L}{\partial x \partial y} = 0", "E202"),
    (r"\frac{d^2 y}{x} = 0", "E202"), (r"\frac{d y}{d x d z} = 0", "E202"), (r"\frac{d^{99} y}{dx^{99}} = 0", "E206"),
])
def test_malformed_derivatives_are_located_errors(text, code):
    assert _code(text)[0] == code


def test_d_alone_is_still_a_variable_where_no_derivative_is_written():
    assert isinstance(_expr(r"\frac{d}{2} = 1"), n.Frac)
    assert isinstance(_expr(r"\frac{d}{d} = 1"), n.Frac)
    assert isinstance(_expr(r"\frac{d y}{x} = 1"), n.Frac)


@pytest.mark.parametrize("text, var, notation", [
    (r"\partial_x L = 0", "x", "partial"), (r"\partial_{w_1} L = 0", "w", "partial"), (r"\nabla_w L = 0", "w", "nabla"),
    (r"∂_x L = 0", "x", "partial"),
])
def test_subscript_derivative_operators(text, var, notation):
    d = _deriv(_expr(text))
    assert (d.var.base, d.notation, d.expr) == (var, notation, n.Name(None, "L"))


def test_subscript_operator_body_is_greedy_like_a_sum():
    e = _expr(r"\partial_x x y + z = 0")
    assert isinstance(e, n.Add) and isinstance(e.left, n.Deriv) and isinstance(e.left.expr, n.Product)


# ------------------------------------------------------------------ functions and products


def test_bare_function_then_factor_is_e211():
    assert _code(r"\exp x y = 1") == ("E211", 1)
    assert _code(r"\log 2 \pi = 1")[0] == "E211"


def test_bare_function_then_function_is_a_product():
    e = _expr(r"\sin x \cos x = 1")
    assert isinstance(e, n.Product) and [f.func for f in e.factors] == ["sin", "cos"]


def test_log_of_a_sum_without_brackets():
    e = _expr(r"\log \sum_j e^{z_j} - z_i = 0")
    assert isinstance(e, n.Add) and isinstance(e.left, n.Call) and isinstance(e.left.args[0], n.BigOp)


def test_softmax_entry_node():
    e = _expr(r"\mathrm{softmax}(z)_i = 1")
    assert isinstance(e, n.Product) and isinstance(e.factors[1], n.Entry) and e.factors[1].raw_sub == "i"


@pytest.mark.parametrize("text", [r"\erf(x) = 1", r"\sgn(x) = 1", r"\sech^2 x = 1", r"\arctan(x) = 1"])
def test_function_commands(text):
    assert isinstance(_expr(text), n.Call)


@pytest.mark.parametrize("text", [r"\text{erf}(x) = 1", r"\text{softplus}(x) = 1", r"\text{GELU}(x) = 1"])
def test_text_function_names_are_names(text):
    e = _expr(text)
    assert isinstance(e, n.Product) and e.factors[0].styled


def test_ell_is_a_name():
    assert _expr(r"\ell = 1") == n.Name(None, "ell") == _expr("ℓ = 1")


# ------------------------------------------------------------------ let targets and conventions


def test_let_power_target_is_a_powered_name():
    stmt, _ = _parse(r"let \sigma_j^2 = 1")
    assert stmt.target.base == "sigma^2" and stmt.target.sub == (n.Name(None, "j"),)


def test_let_power_must_be_whole():
    assert _code(r"let \sigma^{1/2} = 1")[0] == "E207"


@pytest.mark.parametrize("text, code, col", [("let ReLU'(5) = 1", "E207", 11), ("let ReLU'(0) = 1/0", "E207", 16),
                                             (r"let ReLU'(0) = \frac{1}{0}", "E207", 16)])
def test_conventions_at_zero_only(text, code, col):
    assert _code(text) == (code, col)


def test_convention_value_is_one_exact_number():
    stmt, _ = _parse(r"let ReLU'(0) = -\frac{1}{2}")
    assert stmt.value == n.Num(None, "-1/2")


def test_parameter_keeps_its_subscript():
    statements, _ = parse_source(split_lines("t.proof", "let f(x_1) = x_1^2\n"))
    problems, _ = elaborate(statements)
    (chain,) = problems[0].chains
    assert chain.context.definitions[0].params == ("x_1",)


def test_function_refinement_is_a_refinement_with_renamed_parameters():
    statements, _ = parse_source(split_lines("t.proof", "let x = 2\nlet f(x) = x^2\nlet f(t) = t t\n"))
    problems, _ = elaborate(statements)
    (ref,) = problems[0].refinements
    assert ref.old.params == ref.new.params == ("x*",)  # x is also a node of the problem: starred
    assert ref.old.body == n.Pow(None, n.Name(None, "x*"), n.Num(None, "2"))
    assert ref.new.body == n.Product(None, (n.Name(None, "x*"), n.Name(None, "x*")), ("juxt",))
    assert ref.new in problems[0].chains[-1].context.definitions  # the very object in force (ids matter)


def test_lemma_names_may_have_underscores():
    stmt, diag = _parse("lemma chain_rule: x = x")
    assert diag is None and stmt.name == "chain_rule"


# ------------------------------------------------------------------ primed indices


def test_primed_index_in_sums_and_subscripts():
    e = _expr(r"\sum_{j'} z_{j'} = 1")
    assert e.var == n.Name(None, "j'") and e.body.sub == (n.Name(None, "j'"),)
    e = _expr(r"\sum_{j' \neq j} z_{j'} = 1")
    assert e.cond.terms[0] == n.Name(None, "j'")


def test_sum_variable_must_be_a_letter():
    assert _code(r"\sum_{2 x} x = 1")[0] == "E205"


# ------------------------------------------------------------------ readings of a problem


def _readings(text: str) -> Readings:
    statements, diags = parse_source(split_lines("t.proof", text))
    assert not diags
    return problem_readings(statements)


@pytest.mark.parametrize("text, functions", [
    ("g(a) + g(b) = g(a + b)", {"g"}),
    ("x(1 - x) = x - x^2", set()),  # x is also a number: a product
    ("a(b + c) = a b + a c", set()),
    (r"\mathrm{foo}(x) = 1", {"foo"}),
    ("let c = 3\nc(x + 1) = 3", set()),  # a defined value
    ("index i in 1..N\nN(N + 1) = 2", set()),  # a size
    ("e(x + 1) = 1", set()),  # a constant
    (r"\sigma(z) = \Phi(z)", set()),  # built-ins are never undeclared functions
    (r"\frac{d}{dx} g(x^2) = 2 x g'(x^2)", {"g"}),
    ("at g = 1\ng(x) = 1", set()),  # given a value: a number
    ("o_i(1 - o_i) = 1", set()),  # subscripted: a number
    (r"\phi(x) + h_1 = 1", {"phi"}),
])
def test_applied_only_names_are_functions(text, functions):
    assert set(_readings(text).functions) == functions


def _items(text: str, readings: Readings, index_names=("i", "j")):
    return subscript_items(_expr(text), readings, frozenset(index_names))


def test_run_subscripts_by_arity():
    two = Readings(arities=(("W", frozenset({2})),))
    assert _items("W_{1j} = 1", two) == (n.Num(None, "1"), n.Name(None, "j"))
    assert _items("W_{i1} = 1", two) == (n.Name(None, "i"), n.Num(None, "1"))
    assert _items("W_{1 2} = 1", two) == (n.Num(None, "1"), n.Num(None, "2"))
    assert _items("W_{12 3} = 1", two) == (n.Num(None, "12"), n.Num(None, "3"))
    for text in ("W_{12} = 1", "W_12 = 1", "W_{123} = 1", "W_{ij1} = 1"):
        with pytest.raises(ProofError) as err:
            _items(text, two)
        assert err.value.diagnostic.code == "E211"
    one = Readings(arities=(("h", frozenset({1})),))
    assert _items("h_{12} = 1", one) == (n.Num(None, "12"),)
    assert _items("h_{2i} = 1", one) == (n.Product(None, (n.Num(None, "2"), n.Name(None, "i")), ("juxt",)),)
    with pytest.raises(ProofError):
        _items("h_{ij} = 1", one)
    nothing = Readings()
    assert _items("W_{ij} = 1", nothing) == (n.Name(None, "i"), n.Name(None, "j"))
    assert _items("x_{10} = 1", nothing) == (n.Num(None, "10"),)


def test_arity_from_unambiguous_subscripts_first():
    r = _readings("index i, j in 1..N\nlet h_i = i\nh_{ij} = 1\n")
    assert r.arity("h") == frozenset({1})
    r = _readings("index i, j in 1..N\nW_{ij} = W_{ij}\n")
    assert r.arity("W") == frozenset({2})
    r = _readings("index i, j in 1..N\nz_j = z_{j'}\n")
    assert r.indices_of("z") == frozenset({"j"})


def test_runs_with_primed_letters():
    """A primed letter in a run is one index letter (r28_primed_delta, r28_primed_run): `jj'`, `j'k`,
    `i'j'` split by (primed) letter, by the family's arity or with nothing known; a prime on a digit is
    no run."""
    from proofcheck.readings import word_tokens

    assert word_tokens("jj'") == ["j", "j'"]
    assert word_tokens("i'j'") == ["i'", "j'"]
    assert word_tokens("ij") == ["i", "j"]
    assert word_tokens("j1'") is None and word_tokens("'j") is None
    nothing = Readings()
    assert _items("W_{jj'} = 1", nothing) == (n.Name(None, "j"), n.Name(None, "j'"))
    assert _items("W_{j'k} = 1", nothing, ("j", "k")) == (n.Name(None, "j'"), n.Name(None, "k"))
    assert _items("W_{i'j'} = 1", nothing) == (n.Name(None, "i'"), n.Name(None, "j'"))
    two = Readings(arities=(("W", frozenset({2})),))
    assert _items("W_{jj'} = 1", two) == (n.Name(None, "j"), n.Name(None, "j'"))
    assert _items("W_{i j'} = 1", two) == (n.Name(None, "i"), n.Name(None, "j'"))
    one = Readings(arities=(("h", frozenset({1})),))
    with pytest.raises(ProofError):
        _items("h_{jj'} = 1", one)
    r = _readings("index i, j in 1..N\nW_{jj'} = W_{jj'}\n")
    assert r.arity("W") == frozenset({2})


def _alone(text: str) -> frozenset:
    statements, _ = parse_source(split_lines("t.proof", text))
    return problem_readings(statements).alone_entries


@pytest.mark.parametrize("text, key, alone", [
    ("f_1(a) + f_1(b) = f_1(a + b)\n", ("f", "1"), False),  # applied, no space: never a number written alone
    ("w_1(x + y) = w_1 x + w_1 y\n", ("w", "1"), True),
    ("f_1 (a + b) = f_1 a + f_1 b\n", ("f", "1"), True),  # with a space: a product, so a number
    ("index i in 1..N\no_i(1 - o_i) = o_i - o_i^2\n", ("o", "#"), True),
    ("index j, k in 1..N\n\\sum_j w_j(x_j + 1) = \\frac{\\partial L}{\\partial w_k}\n", ("w", "#"), True),
    ("w_2(x) = w_1 x\n", ("w", "2"), False),  # w_1 alone says nothing of w_2
    ("index j in 1..N_1\ng = N_1(a)\n", ("N", "1"), True),  # a size in an index range
])
def test_subscripted_names_written_alone(text, key, alone):
    """`Readings.alone_entries` (fix30r): a subscripted name written other than directly before a
    bracket; an index letter (declared or bound) stands for any, so `o_i` and `o_j` are one family."""
    assert (key in _alone(text)) == alone
