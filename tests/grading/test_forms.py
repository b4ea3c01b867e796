"""The shortcuts grading takes, each with the claims that must not slip through it.

- forms.py decides when a step says nothing (padding, repeats): a real step must never be read as
  padding (a false penalty), and padding must never count as work (a false credit);
- reveal.py decides which notes show a computed value: the answer must never be shown at the
  `steps` level, what the student wrote may be;
- html.safe_mathml keeps only MathML: nothing a student writes may run, load or link.
"""

from __future__ import annotations

import pytest

from proofcheck.elaborate import elaborate
from proofcheck.grade.forms import FormCache
from proofcheck.grade.html import safe_mathml, to_mathml
from proofcheck.grade.key import _offset
from proofcheck.grade.reveal import public_numbers, reveals
from proofcheck.grade.work import _plain, _restates, _says_something, _uses_value
from proofcheck.parse import parse_source
from proofcheck.source import split_lines

KEY = r"""problem A
index i, j, k in 1..N
let f = x^3 + 2 x
let o_j = \frac{\exp(h_j)}{\sum_k \exp(h_k)}
let z = \mathrm{ReLU}(x w + b)
"""
MINE = "let g = 3 x^2 + 2\n"  # the student's own name for what they wrote


def _student_step(text: str):
    """The last chain of a student's file under KEY: its one step."""
    key, _ = parse_source(_offset(split_lines("key.proof", KEY)))
    mine, _ = parse_source(split_lines("s.proof", text))
    chain = elaborate(key + mine)[0][0].chains[-1]
    assert len(chain.members) == 2, chain
    return chain


def says_something(left: str, right: str) -> bool:
    """Does the step `left = right`, written by a student under KEY, say something?"""
    return _says_something(_student_step(MINE + f"{left} = {right}\n"), 1, FormCache())


@pytest.mark.parametrize("left, right", [
    (r"3 x^2 + 2", r"1 \cdot (3 x^2 + 2)"),
    (r"3 x^2 + 2", r"3 x^2 + 2 + 0"),
    (r"\frac{d f}{d x}", r"\frac{d f}{d x} + 0"),
    (r"\frac{d f}{d x}", r"1 \cdot \frac{d f}{d x}"),
    (r"3 x^2 + 2", r"2 + 3 x^2"),  # the same sum reordered
    (r"g", r"3 x^2 + 2"),  # the student's own name for what they wrote
    (r"\frac{\partial z}{\partial w}", r"\frac{d z}{d w}"),  # notation only
    (r"12", r"12.0"),
    (r"0.4", r"\frac{2}{5}"),  # a number written another way is no arithmetic
])
def test_padding_says_nothing(left, right):
    assert not says_something(left, right)


@pytest.mark.parametrize("left, right", [
    # what SymPy would work out only by evaluating (a sum for one size, a function, a derivative) is work
    (r"\sum_{j \neq i} y_j o_i + y_i o_i", r"\sum_j y_j o_i"),
    (r"\sum_j y_j o_i", r"o_i \sum_j y_j"),
    (r"\frac{d}{d x}(x^3 + 2 x)", r"3 x^2 + 2"),
    (r"\frac{d f}{d x}", r"\frac{d}{d x}(x^3 + 2 x)"),
    (r"x (x + 1)", r"x^2 + x"),
    (r"\mathrm{ReLU}(x w + b)", r"\mathrm{ReLU}(2 \cdot 0.5 + 0.25)"),
    (r"z", r"\mathrm{ReLU}(x w + b)"),  # the key's definitions are not unfolded: using one is a step
    (r"\exp(0)", r"1"),
    # arithmetic: the same number, written shorter
    (r"2 (3)(2)", r"12"),
    (r"\mathrm{ReLU}(0.4)", r"0.4"),
    (r"-0.08 - 0.3", r"-0.38"),
])
def test_a_real_step_says_something(left, right):
    assert says_something(left, right)


def restates(left: str, right: str) -> bool:
    """Does the step `left = right` under KEY only write its left side again through Kronecker deltas?"""
    return _restates(_student_step(f"{left} = {right}\n"), 1, FormCache())


@pytest.mark.parametrize("left, right", [
    # sum_j delta_ij t_j = t_i for every family t, i and j over the same range 1..N (by hand)
    (r"o_i", r"\sum_j \delta_{ij} o_j"),
    (r"o_i", r"\sum_k \delta_{ki} o_k"),
    (r"o_i", r"\sum_{j=1}^{N} \delta_{ij} o_j"),
    (r"o_i", r"\sum_j \mathbb{1}[i = j] o_j"),
    (r"o_i", r"\sum_j \sum_k \delta_{ij} \delta_{jk} o_k"),
    (r"o_i + y_i", r"\sum_j \delta_{ij} (o_j + 2 y_j) - y_i"),
    (r"\frac{\partial o_i}{\partial h_i}", r"\sum_j \delta_{ij} \frac{\partial o_j}{\partial h_j}"),
    (r"o_i", r"\sum_j \frac{\partial h_j}{\partial h_i} o_j"),  # the h_j are independent inputs: dh_j/dh_i = delta_ji
])
def test_a_delta_restatement_says_nothing(left, right):
    assert restates(left, right)


@pytest.mark.parametrize("left, right", [
    (r"\sum_j \delta_{ij} o_j", r"o_i"),  # applying a delta written on the old side is a step
    (r"-\sum_j y_j (\delta_{ij} - o_i)", r"\sum_j \delta_{ij} (o_j - y_j)"),  # regrouping with sum_j y_j = 1
    (r"o_i", r"\sum_{j=1}^{2} \delta_{ij} o_j"),  # not j's whole range: not o_i for i = 3
    (r"o_i", r"\sum_j \delta_{ij} o_i o_j"),  # o_i^2
    (r"o_i", r"\sum_j \mathbb{1}[i < j] o_j"),  # not a delta
    (r"o_i", r"\sum_j \frac{\partial o_j}{\partial h_i} o_j"),  # the key's o: do_j/dh_i = o_j (delta_ij - o_i)
])
def test_a_step_through_deltas_that_is_not_a_restatement(left, right):
    assert not restates(left, right)


def uses_value(left: str, right: str):
    """The forms' value test (`work._uses_value`) on the step `left = right` under KEY."""
    key, _ = parse_source(_offset(split_lines("key.proof", KEY)))
    mine, _ = parse_source(split_lines("s.proof", f"{left} = {right}\n"))
    problem = elaborate(key + mine)[0][0]
    chain = problem.chains[-1]
    f = FormCache().of(chain.context)
    return _uses_value(f, *(_plain(f, f.form(m.expr)) for m in chain.members))


@pytest.mark.parametrize("right", [
    # phi nobody defines: (t - A)(phi(x) - 1) = 0 only at t = A for an arbitrary phi (by hand)
    r"3 x^2 + 2 + (\frac{d f}{d x} - 3 x^2 - 2) \phi(x)",
    # its second difference vanishes for every linear phi: the fixed reading is no polynomial
    r"3 x^2 + 2 + (\frac{d f}{d x} - 3 x^2 - 2)(\phi(x + 2) - 2 \phi(x + 1) + \phi(x))",
    r"\phi(\frac{d f}{d x}) - \phi(3 x^2 + 2) + \frac{d f}{d x}",  # phi(t) = phi(A): only t = A
    # R = (D(x-1) + D(x+1)) D(x+1) - (D(x) + D(x+2)) D(x), D(u) = phi(u-1) - 2 phi(u) + phi(u+1): 0 for every
    # c0 + c1 u + sin(d0 + d1 u) (the first reading), 288 at x = 0 for phi(u) = u^4 (by hand,
    # tests/grading/redteam/r28g_attacks/key.proof): the second reading finds it
    r"3 x^2 + 2 + (\frac{d f}{d x} - 3 x^2 - 2)((\phi(x - 2) - 2 \phi(x - 1) + 2 \phi(x) - 2 \phi(x + 1) + \phi(x + 2))"
    r"(\phi(x) - 2 \phi(x + 1) + \phi(x + 2)) - (\phi(x - 1) - 2 \phi(x) + 2 \phi(x + 1) - 2 \phi(x + 2) + \phi(x + 3))"
    r"(\phi(x - 1) - 2 \phi(x) + \phi(x + 1)) + 1)",
    # d/dx x^2 = 2x, known: 2t - A + 2x - 2x = t only at t = A (by hand)
    r"2 \frac{d f}{d x} - 3 x^2 - 2 + \frac{d}{d x} x^2 - 2 x",
])
def test_an_undefined_function_does_not_hide_a_value_use(right):
    assert uses_value(r"\frac{d f}{d x}", right) is True


@pytest.mark.parametrize("left, right", [
    # identities in the derivative for every phi: equal arguments written otherwise, the key's f folded
    (r"\frac{d f}{d x} \phi(x^2)", r"\frac{d f}{d x} \phi((x + 1)^2 - 2 x - 1)"),
    (r"\frac{d f}{d x} (\phi(x) + f)", r"\frac{d f}{d x} (\phi(x) + x^3 + 2 x)"),
])
def test_an_undefined_function_keeps_an_identity(left, right):
    assert not uses_value(left, right)  # False, or None where the difference is exactly 0 at every point


def test_a_number_written_longer_is_no_arithmetic():
    assert not says_something(r"12", r"12 \cdot 1")
    assert not says_something(r"\mathrm{ReLU}(0.4)", r"\mathrm{ReLU}(0.4 \cdot 1)")


def test_huge_powers_are_not_worked_out():
    """SymPy would compute 2^(2^(2^20)) on construction: the form keeps it a power."""
    assert says_something(r"2^{2^{2^{20}}}", r"2^{2^{2^{20}}} + 1")


# ------------------------------------------------------------------ values in feedback


@pytest.mark.parametrize("note", [
    "kink: u = 1.25 > 0", "left side = 1.25, right side = 3", "at x = 2: earlier 1.25, now 3",
    "within the tolerance 0.01 of the exact value 1.25", "the exact value 5/4", "value -0.2",
    "x_0 = 1.25",
])
def test_a_computed_value_is_revealing(note):
    public = public_numbers(r"z = \mathrm{ReLU}(x w + b) = 3 \cdot 0.2", "at x = 2, w = 0.5, b = 0.25", "x_0 w_1 h_{12}")
    assert reveals(note, public)


@pytest.mark.parametrize("note", [
    "consistent with your earlier values: t = 3 (line 2)", "after the changed definition on line 12",
    "the chain at lines 3-5 ends here", "at x = 2, w = 0.5", "follows from your lemma `m` (line 3)", "1/2",
])
def test_what_the_student_or_the_key_wrote_is_not(note):
    public = public_numbers(r"z = \mathrm{ReLU}(x w + b) = 3", "at x = 2, w = 0.5, b = 0.25")
    assert not reveals(note, public)


def test_subscripts_are_no_public_values():
    """`x_0` names an entry: the student who wrote it has not written the value 0."""
    assert reveals("left side = 0", public_numbers("x_0 + W_{12} = h_1"))


# ------------------------------------------------------------------ markup


@pytest.mark.parametrize("latex", [
    r"\text{<script>alert(1)</script>} = 1", r"x = \text{<img src=x onerror=alert(2)>}",
    r"\href{javascript:alert(1)}{x}", r"\style{background:url(http://example.com/x)}{x}",
    r"\text{</mtext></math><iframe src=x></iframe>}", r"\text{<a href=javascript:alert(3)>x</a>}",
])
def test_nothing_a_student_writes_runs_loads_or_links(latex):
    page = to_mathml(latex).lower()
    for bad in ("<script", "<img", "<iframe", "<a ", "href", "style=", "javascript:", "onerror", "url("):
        assert bad not in page, (bad, page)


def test_mathml_survives_sanitising():
    page = to_mathml(r"\frac{\partial z}{\partial w_1} = \mathrm{ReLU}(x)^2 < 3")
    for tag in ("<math", "<mfrac>", "<msub>", "<mi mathvariant=\"normal\">", "<msup>", "&lt;"):
        assert tag in page, (tag, page)


def test_safe_mathml_closes_what_it_opens():
    assert safe_mathml("<math><mrow><mi>x</mi></mtext></math></math><b>y</b>") == "<math><mrow><mi>x</mi></mrow></math>y"
