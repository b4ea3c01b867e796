"""Stage 3, nodes: the typed syntax tree of a proof file.

Frozen dataclasses, each with the `Span` it came from, so any stage can point at the user's text.
Decisions that need the problem's context (is `f(x)` an application? which index does `\\sum_{i \\neq j}`
bind? is `e` Euler's number?) are NOT made here: the nodes record what was written and
`elaborate` decides, because only it knows the definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Callable, Sequence, Union

from .source import Span


@dataclass(frozen=True)
class Node:
    span: Span = field(compare=False, repr=False)


# ------------------------------------------------------------------ expressions


@dataclass(frozen=True)
class Num(Node):
    text: str  # as written, thousands commas removed; read exactly (0.3 is 3/10)


@dataclass(frozen=True)
class Name(Node):
    base: str  # "h", "alpha", "ReLU", "hat{x}", "mathcal{L}"; "j'" a primed index; "sigma^2" a powered name
    sub: tuple["Expr", ...] | None = None  # subscript items, None without a subscript
    raw_sub: str | None = None  # subscript as written ("ij", "0", "{i+1}")
    styled: bool = False  # written as \mathrm{..}/\operatorname{..}/\text{..}: a declared multi-letter name

    @property
    def display(self) -> str:
        return self.base if self.raw_sub is None else f"{self.base}_{self.raw_sub}"


@dataclass(frozen=True)
class Group(Node):
    """Parenthesised items: one item is grouping, several are an argument list."""

    items: tuple["Expr", ...]


@dataclass(frozen=True)
class Neg(Node):
    arg: "Expr"


@dataclass(frozen=True)
class Add(Node):
    left: "Expr"
    right: "Expr"
    sign: int  # +1 or -1


@dataclass(frozen=True)
class Product(Node):
    """A run of factors; ops[k] joins factors[k] to factors[k+1]: 'juxt', '*', '/' or 'odot' (`\\odot`,
    the Hadamard product: an ordinary product of scalars)."""

    factors: tuple["Expr", ...]
    ops: tuple[str, ...]


@dataclass(frozen=True)
class Pow(Node):
    base: "Expr"
    exp: "Expr"


@dataclass(frozen=True)
class Frac(Node):
    num: "Expr"
    den: "Expr"


@dataclass(frozen=True)
class Call(Node):
    """A built-in LaTeX function (`\\exp`, `\\log`, `\\max`, `\\sqrt`, ...); `power` is `\\cosh^2 x`."""

    func: str
    args: tuple["Expr", ...]
    power: int = 1
    bare: bool = field(default=False, compare=False)  # written without brackets (`\\log x`): spacing aside, the same


@dataclass(frozen=True)
class Entry(Node):
    """`(...)_i`: an entry of a bracket's value; only meaningful after a vector-valued function
    (`\\mathrm{softmax}(z)_i`), which translate checks."""

    base: "Group"
    sub: tuple["Expr", ...]
    raw_sub: str


@dataclass(frozen=True)
class Prime(Node):
    """`f'`: the derivative of a one-argument function, applied by a following group."""

    func: "Expr"
    order: int = 1


@dataclass(frozen=True)
class Deriv(Node):
    """d^order expr / d var^order; `expr` is None for the operator form before its operand is attached."""

    expr: "Expr"
    var: Name
    order: int = 1
    notation: str = "partial"  # partial | d | slash


@dataclass(frozen=True)
class BigOp(Node):
    """`\\sum` or `\\prod`; limits as written (which variable is bound is elaboration's choice)."""

    op: str  # "sum" | "prod"
    var: Name | None
    cond: "Condition | None"
    lower: "Expr | None"
    upper: "Expr | None"
    body: "Expr"


@dataclass(frozen=True)
class Condition(Node):
    """A comparison chain `a < b <= c`, or `a = b`; ops are '<', '<=', '>', '>=', '!=', '='."""

    terms: tuple["Expr", ...]
    ops: tuple[str, ...]


@dataclass(frozen=True)
class Indicator(Node):
    cond: Condition


@dataclass(frozen=True)
class Abs(Node):
    arg: "Expr"


@dataclass(frozen=True)
class Cases(Node):
    rows: tuple[tuple["Expr", Condition | None], ...]  # None: otherwise


@dataclass(frozen=True)
class Ones(Node):
    """`\\mathbf{1}` (or `\\mathbf{1}_n`): the all-ones column vector; its size is inferred when not
    written (proofcheck/matrix.py)."""

    size: "Expr | None" = None


Expr = Union[Num, Name, Group, Neg, Add, Product, Pow, Frac, Call, Entry, Prime, Deriv, BigOp, Indicator, Abs, Cases, Ones]


# ------------------------------------------------------------------ lines


@dataclass(frozen=True)
class Member(Node):
    expr: Expr


@dataclass(frozen=True)
class Justification(Node):
    kind: str  # because | text | by
    text: str


@dataclass(frozen=True)
class ChainLine(Node):
    """Members of one line; `rels[k]` is the relation before `members[k]` ('=' or '≈').

    A continuation line (starting with `=`) has as many rels as members; a line that starts a chain
    has one fewer (its first member has no relation before it).
    """

    members: tuple[Member, ...]
    rels: tuple[tuple[str, Span], ...]
    continuation: bool
    justification: Justification | None


@dataclass(frozen=True)
class ProblemLine(Node):
    name: str
    title: str | None


@dataclass(frozen=True)
class LetLine(Node):
    target: Name
    params: tuple[Name, ...] | None  # `let f(x) = ...`
    chain: ChainLine  # members[0] is the definition


@dataclass(frozen=True)
class ConventionLine(Node):
    """`let ReLU'(0) = c`: the derivative convention at the kink."""

    func: str
    value: Expr


@dataclass(frozen=True)
class IndexLine(Node):
    names: tuple[Name, ...]
    lower: Expr
    upper: Expr


@dataclass(frozen=True)
class AssumeLine(Node):
    conds: tuple[Condition, ...]


@dataclass(frozen=True)
class AtLine(Node):
    values: tuple[tuple[Name, Expr], ...]


@dataclass(frozen=True)
class ShowLine(Node):
    lhs: Expr
    rhs: Expr


@dataclass(frozen=True)
class FindLine(Node):
    targets: tuple[Expr, ...]


@dataclass(frozen=True)
class CaseLine(Node):
    conds: tuple[Condition, ...]


@dataclass(frozen=True)
class LemmaLine(Node):
    name: str
    chain: ChainLine | None


@dataclass(frozen=True)
class NetworkLine(Node):
    name: str


@dataclass(frozen=True)
class InputLine(Node):
    width: int


@dataclass(frozen=True)
class DenseLine(Node):
    name: str
    width: int
    options: tuple[str, ...]


@dataclass(frozen=True)
class BatchLine(Node):
    size: int


@dataclass(frozen=True)
class ShapeLine(Node):
    """`let W : (m, n)`, `let x \\in \\mathbb{R}^{n}`: names with the shape of a vector or a matrix
    (proofcheck/matrix.py); dims are sizes (names) or whole numbers."""

    decls: tuple[tuple[Name, tuple["Expr", ...]], ...]


@dataclass(frozen=True)
class LayoutLine(Node):
    """`layout numerator` / `layout denominator`: how a Jacobian of a vector by a vector is laid out."""

    layout: str


@dataclass(frozen=True)
class BlankLine(Node):
    pass


@dataclass(frozen=True)
class ErrorLine(BlankLine):
    """Stands where a line failed to parse: it does not end a chain the way a blank line does. Here,
    not in parse, so that reading a parsed file (elaborate, the pickled result of `pipeline.ReadAhead`)
    does not import lark."""


Statement = Union[
    ChainLine, ProblemLine, LetLine, ConventionLine, IndexLine, AssumeLine, AtLine, ShowLine, FindLine,
    CaseLine, LemmaLine, NetworkLine, InputLine, DenseLine, BatchLine, ShapeLine, LayoutLine, BlankLine,
]


def operator_applied(op: Deriv, rest: Sequence[Expr], rest_ops: Sequence[str]) -> Deriv | None:
    """A derivative operator (`\\frac{d}{dx}`, no expression) applied to the rest of its product
    (None: nothing follows it). One rule for every reader of products (translate, shapes, matrices)."""
    if not rest:
        return None
    body = rest[0] if len(rest) == 1 else Product(rest[0].span, tuple(rest), tuple(rest_ops))
    return Deriv(op.span, body, op.var, op.order, op.notation)


def literal_value(x) -> Fraction | None:
    """The exact value of x when it is arithmetic of literals alone (`4 + 1`, `2.5 \\cdot 2`,
    `\\frac{10}{2}`, `2^3`), else None."""
    if isinstance(x, Num):
        try:
            return Fraction(x.text)
        except (ValueError, ZeroDivisionError):
            return None
    if isinstance(x, Group) and len(x.items) == 1:
        return literal_value(x.items[0])
    if isinstance(x, Neg):
        v = literal_value(x.arg)
        return None if v is None else -v
    if isinstance(x, Add):
        a, b = literal_value(x.left), literal_value(x.right)
        return None if a is None or b is None else a + x.sign * b
    if isinstance(x, Frac):
        a, b = literal_value(x.num), literal_value(x.den)
        return None if a is None or not b else a / b
    if isinstance(x, Product) and all(op in ("juxt", "*", "/") for op in x.ops):
        values = [literal_value(f) for f in x.factors]
        if any(v is None for v in values) or any(v == 0 for v, op in zip(values[1:], x.ops) if op == "/"):
            return None
        out = values[0]
        for v, op in zip(values[1:], x.ops):
            out = out / v if op == "/" else out * v
        return out
    if isinstance(x, Pow) and isinstance(x.exp, Num) and x.exp.text.isdigit() and int(x.exp.text) <= 4:
        v = literal_value(x.base)
        return None if v is None or abs(v) > 10 ** 3 else v ** int(x.exp.text)
    return None


def children(x) -> list:
    """The child values of a node (or of a tuple of them), spans left out: the one generic walk that
    every pass over the tree (names used, free indices, symmetry, goal comparison) builds on."""
    if isinstance(x, (tuple, list)):
        return list(x)
    if isinstance(x, Node):
        return [getattr(x, f) for f in x.__dataclass_fields__ if f != "span"]
    return []


def subtrees(x) -> list:
    """Every node below x (x itself included), parents before children, in reading order."""
    out = []

    def walk(y) -> None:
        if isinstance(y, Node):
            out.append(y)
        for z in children(y):
            if isinstance(z, (Node, tuple)):
                walk(z)

    walk(x)
    return out


def names(x) -> list[Name]:
    """Every Name in x, subscripts included, in reading order: the one walk behind names used,
    subscript labels and shape sizes."""
    return [y for y in subtrees(x) if isinstance(y, Name)]


def transform(x, fn: Callable):
    """A copy of a node (or tuple) with `fn` applied bottom-up to every node; `fn` returns its
    argument unchanged or a replacement. Spans are kept; used to rename parameters and indices."""
    if isinstance(x, tuple):
        return tuple(transform(y, fn) for y in x)
    if not isinstance(x, Node):
        return x
    changes = {}
    for f in fields(x):
        if f.name == "span":
            continue
        v = getattr(x, f.name)
        w = transform(v, fn)
        if w is not v and w != v:
            changes[f.name] = w
    return fn(replace(x, **changes) if changes else x)
