"""The words proofcheck knows: function names, constants, Greek letters, network quantities.

One place, below both `elaborate` and `translate` (and the autodiff evaluator), so that what counts
as a function or a constant is decided by one table and no module imports another for a word list.
"""

from __future__ import annotations

# Every spelling of a built-in function, as a name (`erf`, `\\mathrm{erf}`, `\\operatorname{erf}`,
# `\\text{erf}`) or a command (`\\erf`), to its one definition in translate.builtin and autodiff
# (docs/language.md, "Function vocabulary"). Any other name applied to a bracket is a function the
# problem does not define: a claim about it must hold for every function (readings.py).
FUNCTION_WORDS = {
    "ReLU": "relu", "relu": "relu", "Relu": "relu", "RELU": "relu",
    "sigmoid": "sigmoid", "sigma": "sigmoid", "exp": "exp", "log": "log", "ln": "log", "tanh": "tanh",
    "sqrt": "sqrt", "abs": "abs", "max": "max", "min": "min", "cosh": "cosh", "sinh": "sinh",
    "sin": "sin", "cos": "cos", "tan": "tan", "arctan": "arctan", "atan": "arctan",
    "erf": "erf", "Phi": "Phi", "softplus": "softplus", "GELU": "gelu", "gelu": "gelu", "Gelu": "gelu",
    "sign": "sign", "sgn": "sign", "sech": "sech",
    "LSE": "lse", "logsumexp": "lse", "softmax": "softmax",
}
# built-ins whose value is a vector: only an entry of them is a number (`\\mathrm{softmax}(z)_i`)
VECTOR_FUNCTIONS = frozenset({"softmax"})
# word -> the name of its SymPy constant (`sympy.E`): SymPy loads only when a step is checked
CONSTANTS = {"e": "E", "pi": "pi"}
# `\alpha` and `α` become the name `alpha`: a Greek letter, never a run of letters to split
GREEK_NAMES = frozenset(
    "ell alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi rho "
    "sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split())
# operators of probability written like functions (`\\mathbb{E}[x + y]`): no reading in the language, so
# applied without a `let` they are E201, never an undeclared function (linearity is no claim about every
# function); the name as written and what it is
OPERATOR_WORDS = {
    "mathbb{E}": ("\\mathbb{E}", "an expectation"),
    "mathbb{P}": ("\\mathbb{P}", "a probability"), "Var": ("\\mathrm{Var}", "a variance"),
    "Cov": ("\\mathrm{Cov}", "a covariance"), "mathbb{V}": ("\\mathbb{V}", "a variance"),
}
NETWORK_FUNCTIONS = {"size", "width", "weights", "biases", "params"}
# LaTeX commands that, typed without the backslash, would silently become input variables
LATEX_WORDS = frozenset({"sum", "prod", "frac", "dfrac", "partial", "cdot", "times", "nabla"})


def as_written(base: str) -> str:
    """A name as LaTeX writes it, for messages: `\\sigma`, `\\pi`, `\\mathbb{E}`, `\\hat{x}` (a name's base drops
    the backslash of a Greek letter or a decorated name); any other name as it is."""
    return "\\" + base if base in GREEK_NAMES or "{" in base else base
