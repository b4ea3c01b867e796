"""Slips students make get a located E100 with at least one hint note; the LaTeX they paste parses.

Asserts codes, columns and the presence of a note, never wording (tests/corpus/48_student_slips.proof
has the same lines with their expected codes).
"""

import pytest

from proofcheck.parse import parse_line
from proofcheck.source import split_lines

SLIPS = [
    ("x**2 = x^2", 3),
    (r"\frac{1}{1 + \exp(-z} = a", 21),
    (r"\frac{1}{1 + \exp(-z)) = a", 22),
    (r"a = \sigmoid(z)", 5),
    (r"w \otimes x = 1", 3),
    (r"a \circ b = 1", 3),
    (r"\nabla a = 1", 8),
    ("e^-z = 1", 4),
    (r"\frac12 = 0.5", 6),
    ("L := x^2", 3),
    (r"\left\{ a \right\} = a", 1),
    (r"a = b \\ c = d", 7),
    (r"sum_{i=1}^N x_i = 1", 7),
    (r"\frac{\partial a}{\partial z}\Big|_{z=0} = 0.25", 30),
    (r"a = b \Rightarrow c = d", 7),
    (r"\exp(z)_i = 1", 8),
    (r"\exp\{z\} = 1", 5),
]

PASTED = [
    r"\frac{\partial L}{\partial w} &= \frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z} \\",
    r"&= \Bigg(a - y\Bigg) \, a \, \biggl[1 - a\biggr] \, x \notag \\[4pt]",
    r"\left[1 - a\right] = \Biggl( 1 - a \Biggr) = \bigg(1 - a\bigg)",
    r"\operatorname*{ReLU}(h) = h² + x⁻¹ - \tanh²(x)",
    r"\sigma^{\prime}(z) = \sigma′(z) = \sigma'(z)",
    r"(x \le 0) = (x \leq 0)",
    r"$$ a = b $$",
]


def _line(text: str):
    return split_lines("t.proof", text).lines[0]


@pytest.mark.parametrize("text,col", SLIPS)
def test_slip_has_located_hint(text, col):
    stmt, diag = parse_line(_line(text))
    assert stmt is None and diag is not None
    assert diag.code == "E100"
    assert diag.span.column == col
    assert any(note.startswith("hint:") for note in diag.notes)


@pytest.mark.parametrize("text", PASTED)
def test_pasted_latex_parses(text):
    stmt, diag = parse_line(_line(text))
    assert diag is None, diag


@pytest.mark.parametrize("wrapper", [r"\begin{aligned}", r"\end{aligned}", r"\begin{align*}", r"\[", r"\]", "$$"])
def test_math_wrappers_are_blank(wrapper):
    line = _line(wrapper)
    assert line.blank and line.comment_only
