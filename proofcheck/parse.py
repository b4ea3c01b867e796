"""Stage 2, parse: logical lines to `nodes` statements, with located syntax errors.

Each line is parsed on its own (LALR, one start rule per line kind), so one bad line costs one
diagnostic and the rest of the file is still read. The grammar is `grammar/proof.lark`, shipped in
the wheel as `proofcheck._grammar`; the tree never leaves this module: a `@v_args(inline=True)`
transformer turns it into frozen dataclasses that carry positions.
"""

from __future__ import annotations

import functools
import io
import pickle
import re
from dataclasses import dataclass, fields, is_dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from . import nodes as n
from .diagnostics import Diagnostic, ProofError
from .source import MAX_LINE_CHARS, Line, Source, Span

MAX_NESTING = 60
MAX_TREE_DEPTH = 200  # parse-tree depth; deeper trees would exhaust Python's recursion in later stages
MAX_LINE_MEMO = 20_000  # parsed lines remembered by their code (grading reads the same lines in every submission)

DIRECTIVES = {
    "problem": "problem_line",
    "let": "let_line",
    "index": "index_line",
    "assume": "assume_line",
    "at": "at_line",
    "show": "show_line",
    "find": "find_line",
    "case": "case_line",
    "lemma": "lemma_line",
    "network": "network_line",
    "input": "input_line",
    "dense": "dense_line",
    "batch": "batch_line",
    "layout": "layout_line",
}


def _grammar_file(name: str) -> bytes:
    """A file of the grammar folder, from the installed package or from the source tree when run in place."""
    try:
        return (resources.files("proofcheck._grammar") / name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return (Path(__file__).resolve().parent.parent / "grammar" / name).read_bytes()


def grammar_text() -> str:
    """The grammar from the installed package, or from the source tree when run in place."""
    return _grammar_file("proof.lark").decode("utf-8")


PARSER_OPTIONS = dict(parser="lalr", lexer="contextual", start=sorted(set(DIRECTIVES.values()) | {"chain_line"}),
                      propagate_positions=True, maybe_placeholders=False)
TABLES_FILE = "proof.tables"  # the parser's tables, built from proof.lark by `python -m proofcheck.parse --tables`


def tables_key(grammar: str) -> str:
    """What the tables are a function of: the grammar's text, the options and lark's version."""
    import hashlib  # noqa: PLC0415
    import lark  # noqa: PLC0415

    return hashlib.sha256(repr((grammar, sorted(PARSER_OPTIONS.items()), lark.__version__)).encode()).hexdigest()


class _PlainData(pickle.Unpickler):
    """Unpickles containers, strings and numbers only: a pickle that names any class or function is refused."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"not plain data: {module}.{name}")


def _load_tables(grammar: str) -> Lark | None:
    """The parser from the shipped tables (`TABLES_FILE`), or None when they are missing, damaged or for
    another grammar, options or lark version (the caller then builds the parser from the grammar).

    Building the LALR tables costs about 0.3 s of CPU on every run. Lark's own `cache=True` would
    unpickle a file in the shared temp folder, which another user can plant; these tables are part of
    the package, checked against a digest of their bytes, and read as plain data only."""
    import hashlib  # noqa: PLC0415

    try:
        raw = _grammar_file(TABLES_FILE)
        head, _, body = raw.partition(b"\n")
        key, digest = head.decode("ascii").split(" ")
        if key != tables_key(grammar) or hashlib.sha256(body).hexdigest() != digest:
            return None
        tables = _PlainData(io.BytesIO(body)).load()
        return Lark._load_from_dict(tables["data"], tables["memo"])
    except Exception:  # noqa: BLE001  (no tables, or unusable: build the parser from the grammar)
        return None


def build_tables() -> bytes:
    """The contents of `TABLES_FILE` for the grammar as it is now: `<key> <sha256 of the rest>`, a newline,
    then the parser's tables pickled (plain data: dicts, lists, tuples, strings, numbers)."""
    import hashlib  # noqa: PLC0415

    from lark.grammar import Rule  # noqa: PLC0415
    from lark.lexer import TerminalDef  # noqa: PLC0415

    grammar = grammar_text()
    data, memo = Lark(grammar, **PARSER_OPTIONS).memo_serialize([TerminalDef, Rule])
    body = pickle.dumps({"data": data, "memo": memo}, protocol=4)
    return f"{tables_key(grammar)} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    grammar = grammar_text()
    return _load_tables(grammar) or Lark(grammar, **PARSER_OPTIONS)


# ------------------------------------------------------------------ tree -> nodes


def _tok_span(tok: Token, line: int) -> Span:
    return Span(line, tok.column, line, tok.end_column if tok.end_column else tok.column + len(tok))


_SPACE = re.compile(r"\s+")
_CMP = {
    ">": ">", "<": "<", ">=": ">=", "<=": "<=", "!=": "!=", "\\geq": ">=", "\\ge": ">=", "\\leq": "<=",
    "\\le": "<=", "≥": ">=", "≤": "<=", "\\neq": "!=", "\\ne": "!=", "≠": "!=", "=": "=",
}
_GREEK_UNICODE = dict(zip("αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
    "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
    "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"]))
_GREEK_UNICODE["ℓ"] = "ell"


_GREEK_NAMES = frozenset(_GREEK_UNICODE.values()) | {"varepsilon", "vartheta", "varphi"}
_SUP_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


_GREEK_COMMAND = re.compile(r"\\([A-Za-z]+)")


def _greek_words(raw: str) -> str:
    """A subscript's text with Greek letters spelt as their names, however they were written:
    `w_\\alpha`, `w_{\\alpha}`, `w_α` and `w_{α}` all name the variable `w_alpha`."""
    raw = _GREEK_COMMAND.sub(lambda m: m.group(1) if m.group(1) in _GREEK_NAMES else m.group(0), raw)
    return "".join(_GREEK_UNICODE.get(ch, ch) for ch in raw)


def _inner(tok: str) -> str:
    """`\\mathrm{ReLU}` -> `ReLU`."""
    return tok[tok.index("{") + 1: tok.rindex("}")].strip()


# lines where a thousands comma (`32,768`) cannot separate two items, outside brackets
THOUSANDS_LINES = frozenset({"chain_line", "let_line", "show_line"})
ZERO_DIVISION = object()  # `_rational` of a literal division by zero

MAX_DERIV_ORDER = 20  # \\frac{d^{k} y}{dx^{k}} past this is E206 (each order is one more symbolic diff)


def _is_d(e: n.Expr) -> bool:
    """The differential `d` (or `\\mathrm{d}`): a lone d without subscript."""
    return isinstance(e, n.Name) and e.base == "d" and e.sub is None


def _split_d(e: n.Expr) -> n.Expr | None:
    """`dx` / `d x` / `\\mathrm{d} x` / `dw_0` -> the name after d; `d` alone -> d itself; else None."""
    if isinstance(e, n.Name):
        if _is_d(e):
            return e
        if len(e.base) > 1 and e.base.startswith("d") and e.base[1:].isalpha() and e.base != "delta":  # \delta is not d·elta
            return n.Name(e.span, e.base[1:], e.sub, e.raw_sub)
        return None
    if isinstance(e, n.Product) and e.ops and e.ops[0] == "juxt":
        head = e.factors[0]
        if _is_d(head):
            rest = e.factors[1:]
            if len(rest) == 1:
                return rest[0]
            return n.Product(e.span, rest, e.ops[1:])
    return None


def _whole(e: n.Expr, what: str) -> int:
    """The literal order in `d^3` / `x^3` of a derivative; anything else is a located E202."""
    if isinstance(e, n.Num) and e.text.isdigit() and int(e.text) >= 1:
        k = int(e.text)
        if k > MAX_DERIV_ORDER:
            raise ProofError("E206", f"a derivative of order {k} is past the limit of {MAX_DERIV_ORDER}", e.span)
        return k
    raise ProofError("E202", f"the order of a derivative ({what}) must be a whole number such as 2 or 3", e.span)


def _d_head(num: n.Expr) -> tuple[int, n.Expr | None] | None:
    """A derivative's numerator: `d` -> (1, None), `dy` / `d y` -> (1, y), `d^3 y` -> (3, y),
    `d^3` -> (3, None); None when it does not start with d."""
    if isinstance(num, n.Pow) and _is_d(num.base):
        return _whole(num.exp, "the power of d"), None
    if isinstance(num, n.Product) and num.ops[0] == "juxt" and isinstance(num.factors[0], n.Pow) and _is_d(num.factors[0].base):
        rest = num.factors[1:]
        body = rest[0] if len(rest) == 1 else n.Product(num.span, rest, num.ops[1:])
        return _whole(num.factors[0].exp, "the power of d"), body
    rest = _split_d(num)
    if rest is None:
        return None
    return (1, None) if rest is num else (1, rest)


def _d_var(den: n.Expr) -> tuple[n.Expr, int] | None:
    """A derivative's denominator: `dx` -> (x, 1), `dx^2` / `d x^2` -> (x, 2); None when it does not
    start with d (a lone `d` is a variable, `\\frac{d}{d}` a fraction)."""
    if isinstance(den, n.Pow):
        var = _split_d(den.base)
        if var is not None and var is not den.base:
            return var, _whole(den.exp, "the power below")
        return None
    if isinstance(den, n.Product) and den.ops and den.ops[0] == "juxt" and _is_d(den.factors[0]):
        rest = den.factors[1:]
        if len(rest) == 1 and isinstance(rest[0], n.Pow):
            return rest[0].base, _whole(rest[0].exp, "the power below")
        if len(rest) == 1:
            return rest[0], 1
        raise ProofError("E202", "a `d` derivative has one variable below: for a mixed derivative write "
                                 "`\\frac{\\partial^2 L}{\\partial x \\partial y}`", den.span)
    var = _split_d(den)
    if var is None or var is den:
        return None
    return var, 1


def powered_name(var: n.Name, power: int) -> n.Name:
    """`\\sigma^2` as one name (a variance defined by `let \\sigma^2 = ...`): base `sigma^2`. No name the
    grammar reads contains `^`, so translate can tell a powered name from any other."""
    return n.Name(var.span, f"{var.base}^{power}", var.sub, var.raw_sub, var.styled)


def derivative(span: Span, body: n.Expr | None, order: int, dvars: list[tuple[n.Expr, int]], notation: str) -> n.Deriv:
    """d^order body / d x^a d y^b ...: one node per variable, the last variable innermost
    (`\\frac{\\partial^2 L}{\\partial x \\partial y}` is ∂/∂x (∂L/∂y)). A single variable with a power
    and a first-order numerator (`\\frac{\\partial L}{\\partial \\sigma^2}`) is the powered name σ²:
    translate accepts it only when the problem defines σ² (E211 otherwise: it reads two ways)."""
    for var, _ in dvars:
        if not isinstance(var, n.Name):
            raise ProofError("E202", "the variable of a derivative must be a name, as in `dx` or `\\partial w_1`", var.span)
    if len(dvars) == 1:
        var, power = dvars[0]
        if power == order:
            return n.Deriv(span, body, var, order, notation)
        if order == 1:
            return n.Deriv(span, body, powered_name(var, power), 1, notation)
        raise ProofError("E202", f"the orders differ: {order} above, {power} below (a derivative of order {order} "
                                 f"has `x^{order}` below)", span)
    total = sum(p for _, p in dvars)
    if total != order:
        raise ProofError("E202", f"the orders differ: {order} above, but the variables below add up to {total}", span)
    out = body
    for var, power in reversed(dvars):
        out = n.Deriv(span, out, var, power, notation)
    return out


def _d_derivative(span: Span, num: n.Expr, den: n.Expr) -> n.Expr | None:
    """`\\frac{...}{...}` in d notation as a derivative, None for an ordinary fraction. Both sides
    must start with d, except that a numerator starting with a power of d (`d^3 y`) is always a
    derivative or an error: `d` times something is never a fraction silently."""
    head, var = _d_head(num), _d_var(den)
    if head is None:
        return None
    order, body = head
    if var is None:
        if order > 1 or isinstance(num, n.Pow):
            raise ProofError("E202", f"`d^{order}` above needs `dx^{order}` below: "
                                     f"`\\frac{{d^{order} y}}{{dx^{order}}}`", den.span)
        return None
    return derivative(span, body, order, [var], "d")


@dataclass(frozen=True)
class _Meta:
    """A span passed where a rule's meta is expected (a sum built inside `func_sum`)."""

    span: Span
    empty: bool = False

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def end_column(self) -> int:
        return self.span.end_column


@v_args(meta=True, inline=True)
class ToNodes(Transformer):
    """Parse tree of one line -> nodes. `line` re-bases lark's line 1 onto the file's line."""

    def __init__(self, line: int):
        super().__init__(visit_tokens=False)
        self.line = line
        self._bars: set[int] = set()  # ids of the Abs nodes written with plain `|` on both sides

    def _span(self, meta) -> Span:
        if getattr(meta, "empty", True):
            return Span.at(self.line, 1)
        return Span(self.line, meta.column, self.line, meta.end_column)

    def _merge(self, a: n.Node, b: n.Node) -> Span:
        return Span(self.line, a.span.column, self.line, b.span.end_column)

    # -------------------------------------------------------------- expressions
    def number(self, meta, tok):
        if tok.type == "THOUSANDS":
            self._check_thousands(tok)
        m = _WHOLE_E_NOTATION.fullmatch(str(tok))
        if m and int(m.group(1)) != 1:
            # `2e-1`: 0.2 to a programmer, 2e - 1 (Euler's e) to a student; `1e-3` and `2.5e-1` read one way
            text = str(tok)
            raise ProofError("E211", f"`{text}` reads two ways: the number {m.group(1)} \\cdot 10^{{{m.group(2)}}}, or "
                             f"{m.group(1)} e {'-' if m.group(2).startswith('-') else '+'} {m.group(2).lstrip('+-')} "
                             "with Euler's number e", _tok_span(tok, self.line),
                             [f"hint: write `{m.group(1)} \\cdot 10^{{{m.group(2)}}}` (or `{m.group(1)}.0e{m.group(2)}`) for "
                              f"the number, or `{m.group(1)} e {'-' if m.group(2).startswith('-') else '+'} "
                              f"{m.group(2).lstrip('+-')}` with spaces"])
        return n.Num(self._span(meta), str(tok).replace(",", ""))

    def _check_thousands(self, tok: Token) -> None:
        """`32,768` groups thousands only where a comma cannot also separate two items: in a step, a
        `let` or a `show`, outside every bracket and brace. Elsewhere (`\\max(5,100)`, `W_{1,000}`,
        an `at` or `find` line) it reads two ways: E211."""
        text = str(tok)
        before = self.source_line[: tok.column - 1]
        depth = sum(before.count(c) for c in "([{") - sum(before.count(c) for c in ")]}")
        if self.start in THOUSANDS_LINES and depth <= 0:
            return
        head, _, tail = text.partition(",")
        raise ProofError("E211", f"`{text}` reads two ways: the number {text.replace(',', '')}, or the items "
                         f"{head} and {tail} separated by a comma", _tok_span(tok, self.line),
                         [f"hint: write `{head}, {tail}` (with a space) for two items, or `{text.replace(',', '')}` "
                          "for the number; thousands commas are allowed only in a step outside brackets"])

    def nb_word(self, meta, tok):
        return (str(tok), _tok_span(tok, self.line))

    def nb_greek(self, meta, tok):
        s = str(tok)
        return (_GREEK_UNICODE.get(s, s.lstrip("\\")), _tok_span(tok, self.line))

    def nb_roman(self, meta, tok):
        return (_inner(str(tok)), _tok_span(tok, self.line), True)

    def nb_decorated(self, meta, tok):
        s = _SPACE.sub("", str(tok))
        m = re.match(r"\\([A-Za-z]+)\{?\\?([A-Za-z]+)\}?", s)
        return (f"{m.group(1)}{{{m.group(2)}}}", _tok_span(tok, self.line))

    def sub_braced(self, meta, *items):
        return tuple(_primed_indices(i) for i in items), "{" + ",".join("…" for _ in items) + "}"

    def sub_word(self, meta, tok):
        return (n.Name(_tok_span(tok, self.line), str(tok)),), str(tok)

    def sub_int(self, meta, tok):
        return (n.Num(_tok_span(tok, self.line), str(tok)),), str(tok)

    def sub_greek(self, meta, tok):
        s = str(tok)
        g = _GREEK_UNICODE.get(s, s.lstrip("\\"))
        return (n.Name(_tok_span(tok, self.line), g),), g

    def name(self, meta, base, sub=None):
        text = base[0]
        styled = len(base) > 2
        span = self._span(meta)
        if sub is None:
            return n.Name(span, text, styled=styled)
        items, raw = sub
        if raw.startswith("{"):
            raw = self._raw_text(span, text)
        return n.Name(span, text, items, raw, styled)

    def _raw_text(self, span: Span, base: str) -> str:
        src = self.source_line[span.column - 1: span.end_column - 1]
        i = src.find("_")
        raw = src[i + 1:].strip() if i >= 0 else src
        if raw.startswith("{") and raw.endswith("}"):
            raw = raw[1:-1].strip()
        return _greek_words(_SPACE.sub("", raw))

    def group(self, meta, lpar, *rest):
        items = tuple(x for x in rest if not isinstance(x, Token))
        return n.Group(self._span(meta), items)

    def group_entry(self, meta, group, sub):
        items, raw = sub
        span = self._span(meta)
        if raw.startswith("{"):
            raw = _SPACE.sub("", self.source_line[group.span.end_column - 1: span.end_column - 1].lstrip()[1:].strip())
            if raw.startswith("{") and raw.endswith("}"):
                raw = raw[1:-1]
        return n.Entry(span, group, items, raw)

    def indicator(self, meta, *parts):
        cond = next(p for p in parts if isinstance(p, n.Condition))
        return n.Indicator(self._span(meta), cond)

    def abs(self, meta, _l, arg, _r):
        node = n.Abs(self._span(meta), arg)
        if str(_l) == "|" and str(_r) == "|":
            self._bars.add(id(node))  # plain bars: their pairing is the grammar's choice (see `juxt`)
        return node

    def condition(self, meta, *parts):
        terms = tuple(p for p in parts if not isinstance(p, Token))
        ops = tuple(_CMP[_SPACE.sub("", str(p))] for p in parts if isinstance(p, Token))
        return n.Condition(self._span(meta), terms, ops)

    def cond_eq(self, meta, a, _eq, b):
        return n.Condition(self._span(meta), (a, b), ("=",))

    def add(self, meta, a, _op, b):
        return n.Add(self._span(meta), a, b, +1)

    def sub(self, meta, a, _op, b):
        return n.Add(self._span(meta), a, b, -1)

    def neg(self, meta, _op, a):
        return n.Neg(self._span(meta), a)

    def pos(self, meta, _op, a):
        return a

    def _product(self, meta, a, op, b):
        if isinstance(a, n.Product) and not getattr(a, "_closed", False):
            return n.Product(self._span(meta), a.factors + (b,), a.ops + (op,))
        return n.Product(self._span(meta), (a, b), (op,))

    def juxt(self, meta, a, b):
        last = a.factors[-1] if isinstance(a, n.Product) else a
        if isinstance(last, n.Call) and last.bare and not isinstance(b, (n.Call, n.BigOp, n.Deriv)):
            # `\exp x y`, `\log 2 \pi`: exp(x) y or exp(x y)? Either may be meant, so neither is read
            f = "\\" + last.func
            raise ProofError("E211", f"`{f}` without brackets followed by another factor reads two ways",
                             Span(self.line, last.span.column, self.line, b.span.end_column),
                             [f"hint: write `{f}(...)` around its whole argument, or `{f}(x) \\cdot y` "
                              "(a function without brackets applies to one factor, as in `\\log x^2`)"])
        self._bar_run(a, b)
        return self._product(meta, a, "juxt", b)

    def _bar_run(self, a, b) -> None:
        """`|a|b|c|` is |a| b |c| by the grammar's rule (a `|` after a factor closes), but |a |b| c| reads
        as well, and the two differ (a = 1, b = -1, c = 1): with a plain-bar absolute value, then factors,
        then another one, all side by side, neither is read (E211)."""
        end = b.base if isinstance(b, n.Pow) else b
        if not (isinstance(end, n.Abs) and id(end) in self._bars) or not isinstance(a, n.Product) \
                or getattr(a, "_closed", False):
            return
        starts = [k for k, f in enumerate(a.factors) if isinstance(f, n.Abs) and id(f) in self._bars]
        if starts and starts[-1] < len(a.factors) - 1 and all(op == "juxt" for op in a.ops[starts[-1]:]):
            first = a.factors[starts[-1]]
            raise ProofError("E211", "an absolute value, a factor and another absolute value side by side read two "
                                     "ways: `|a| b |c|` or `|a |b| c|`", self._merge(first, b),
                             ["hint: write `|a| \\cdot b \\cdot |c|` for the product, `|a \\cdot |b| \\cdot c|` for the "
                              "nested one, or use `\\lvert ... \\rvert`"])

    def mul(self, meta, a, _op, b):
        return self._product(meta, a, "*", b)

    def div(self, meta, a, _op, b):
        return self._product(meta, a, "/", b)

    def pow(self, meta, base, exp):
        if isinstance(exp, n.Group) and len(exp.items) == 1 and _label_like(exp.items[0]):
            # `x^{(i)}`, `h^{(1)}`, `a^{[2]}`: the i-th sample or the layer-2 quantity in machine learning, a
            # power in algebra; read either way a false claim would pass, so neither is read
            label = self.source_line[exp.span.column - 1: exp.span.end_column - 1]
            raise ProofError("E211", f"`^{{{label}}}` reads two ways: a power, or a sample or layer label", exp.span,
                             ["hint: for a power write it without brackets (`x^{2}`, `x^{i}`); for the i-th sample or "
                              "layer write a subscript (`x_{i}`) or a name of its own (`x1`)"])
        return n.Pow(self._span(meta), base, exp)

    def pow_uni(self, meta, base, tok):
        # `h²`, `x⁻¹`: Unicode superscript digits are a literal integer exponent
        exp = n.Num(_tok_span(tok, self.line), str(tok).lstrip("⁻").translate(_SUP_DIGITS))
        if str(tok).startswith("⁻"):
            exp = n.Neg(exp.span, exp)
        return n.Pow(self._span(meta), base, exp)

    def fpow_uni(self, meta, tok):
        if str(tok).startswith("⁻"):  # `\tanh⁻¹` would be the inverse function, not a power
            raise ProofError("E100", "a function to a negative power is ambiguous: write `(\\tanh x)^{-1}` or `\\frac{1}{\\tanh x}`",
                             _tok_span(tok, self.line))
        return int(str(tok).translate(_SUP_DIGITS))

    def sup_group(self, meta, e):
        return e

    def sup_int(self, meta, tok):
        return n.Num(_tok_span(tok, self.line), str(tok))

    def sup_negint(self, meta, _m, tok):
        m = _AFTER_NEGINT.match(self.source_line, tok.end_column - 1)
        after = m.group(1) if m else ""
        if after:
            # `e^-2x`: e^{-2} x as parsed, e^{-2x} as typed; `e^-x` is E100 for the same reason
            raise ProofError("E211", f"`^-{tok}` followed by `{after}` reads two ways: is `{after}` in the exponent?",
                             Span(self.line, tok.column - 1, self.line, tok.end_column + 1),
                             [f"hint: an exponent longer than one number needs braces: `^{{-{tok}{after}}}` when {after} is in it, "
                              f"or `^{{-{tok}}} {after}` for the power times {after}"])
        return n.Neg(self._span(meta), n.Num(_tok_span(tok, self.line), str(tok)))

    def sup_name(self, meta, base):
        text, span = base[:2]
        return n.Name(span, text)

    # -------------------------------------------------------------- vectors and matrices (matrix.py)
    def sup_top(self, meta, tok):
        # `W^\top`, `W^{\top}`, `W^\intercal`: the same node as `W^T`, so a scalar's is E210 either way
        return n.Name(_tok_span(tok, self.line), "top")

    def hadamard(self, meta, a, _op, b):
        return self._product(meta, a, "odot", b)

    def normsub_int(self, meta, tok):
        return str(tok)

    def normsub_word(self, meta, tok):
        return str(tok)

    def _norm(self, meta, arg, sub, power=None):
        if sub not in (None, "1", "2", "F"):
            raise ProofError("E212", f"the norm `_{sub}` is not understood: proofcheck knows `\\|v\\|` and `\\|v\\|_2` "
                                     "(Euclidean), `\\|v\\|_1` and `\\|A\\|_F` (Frobenius)", self._span(meta))
        span = self._span(meta)
        call = n.Call(span, "norm" + (sub or ""), (arg,))
        return call if power is None else n.Pow(span, call, power)

    def lnorm(self, meta, _l, arg, _r, sub=None):
        return self._norm(meta, arg, sub)

    def bnorm(self, meta, _l, arg, _r, *rest):
        sub = next((r for r in rest if isinstance(r, str)), None)
        power = next((r for r in rest if not isinstance(r, str)), None)
        return self._norm(meta, arg, sub, power)

    def ones(self, meta, _tok, size=None):
        if isinstance(size, Token):
            size = n.Num(_tok_span(size, self.line), str(size)) if str(size).isdigit() else \
                n.Name(_tok_span(size, self.line), str(size))
        return n.Ones(self._span(meta), size)

    def shape_paren(self, meta, name, _l, *rest):
        return (name, tuple(x for x in rest if not isinstance(x, Token)))

    def shape_reals(self, meta, name, _in, _r, sup=None):
        if sup is None:
            return (name, ())
        if not (isinstance(sup, n.Product) and "*" in sup.ops):
            return (name, (sup,))
        dims, run, ops = [], [sup.factors[0]], []
        for op, f in zip(sup.ops, sup.factors[1:]):  # `m \times n`, `2n \times n`: split at \times
            if op == "*":
                dims.append(run[0] if len(run) == 1 else n.Product(run[0].span, tuple(run), tuple(ops)))
                run, ops = [f], []
            else:
                run.append(f)
                ops.append(op)
        dims.append(run[0] if len(run) == 1 else n.Product(run[0].span, tuple(run), tuple(ops)))
        return (name, tuple(dims))

    def let_shapes(self, meta, *decls):
        return n.ShapeLine(self._span(meta), tuple(decls))

    def layout_line(self, meta, word):
        layout = str(word)
        if layout not in ("numerator", "denominator"):
            raise ProofError("E207", "the layout is `numerator` or `denominator`", _tok_span(word, self.line))
        return n.LayoutLine(self._span(meta), layout)

    def prime_call(self, meta, atom, prime):
        return n.Prime(self._span(meta), atom)

    def frac(self, meta, _f, num, den):
        # \frac{dA}{dx}, \frac{d^3 y}{dx^3}, \frac{d}{dx} (the operator form: its body is None here and
        # translate attaches the operand that follows)
        span = self._span(meta)
        deriv = _d_derivative(span, num, den)
        return deriv if deriv is not None else n.Frac(span, num, den)

    def dorder(self, meta, tok):
        k = int(str(tok))
        if not 1 <= k <= MAX_DERIV_ORDER:
            raise ProofError("E206" if k else "E202", f"a derivative of order {k}: the order is a whole number "
                             f"from 1 to {MAX_DERIV_ORDER}", _tok_span(tok, self.line))
        return k

    def dvar(self, meta, _p, name, order=1):
        return (name, order)

    def dvars(self, meta, *items):
        return list(items)

    def pderiv(self, meta, _f, _p, *rest):
        rest = list(rest)
        order = rest.pop(0) if isinstance(rest[0], int) else 1
        expr, dvars = rest
        return derivative(self._span(meta), expr, order, dvars, "partial")

    def dop_partial(self, meta, _f, _p, *rest):
        rest = list(rest)
        order = rest.pop(0) if isinstance(rest[0], int) else 1
        dvars, body = rest
        return derivative(self._span(meta), body, order, dvars, "partial")

    def dsub(self, meta, name):
        return name

    def dsub_base(self, meta, base):
        text, span = base[:2]
        return n.Name(span, text, styled=len(base) > 2)

    def dop_sub(self, meta, _p, var, body):
        return n.Deriv(self._span(meta), body, var, 1, "partial")

    def dop_nabla(self, meta, _n, var, body):
        # `\nabla_w L` is ∂L/∂w: a gradient when w is a declared vector or matrix (matrix.py)
        return n.Deriv(self._span(meta), body, var, 1, "nabla")

    def slash_deriv(self, meta, _p, expr, _div, _p2, var):
        return n.Deriv(self._span(meta), expr, var, 1, "slash")

    def fpow(self, meta, tok):
        return int(str(tok))

    def _func(self, meta, tok, rest, bare: bool = False):
        power = 1
        rest = list(rest)
        if isinstance(rest[0], int):
            power = rest.pop(0)
        arg = rest[0]
        name = str(tok).lstrip("\\")
        args = arg.items if isinstance(arg, n.Group) else (arg,)
        return n.Call(self._span(meta), name, args, power, bare)

    def func_paren(self, meta, tok, *rest):
        return self._func(meta, tok, rest)

    def func_bare(self, meta, tok, *rest):
        return self._func(meta, tok, rest, bare=True)

    def func_sum(self, meta, tok, *rest):
        # `\log \sum_j e^{z_j}`: the function applies to the whole sum, whose body is greedy as always
        *power, sumop, limits, body = rest
        start = _tok_span(sumop, self.line)
        total = self.bigsum(_Meta(Span(self.line, start.column, self.line, body.span.end_column)), sumop, limits, body)
        return self._func(meta, tok, tuple(power) + (total,), bare=True)

    def func_prime(self, meta, tok, prime, group):
        # `\tanh'(x)`: the same node as `f'(x)` for a defined f, a primed name applied to a group
        span = self._span(meta)
        name = str(tok).lstrip("\\")
        return n.Product(span, (n.Prime(span, n.Name(_tok_span(tok, self.line), name)), group), ("juxt",))

    def sqrt(self, meta, _s, e):
        return n.Call(self._span(meta), "sqrt", (e,))

    def sqrt_n(self, meta, _s, _l, k, _r, e):
        return n.Call(self._span(meta), "root", (e, k))

    def case_row(self, meta, *parts):
        parts = [p for p in parts if not isinstance(p, Token)]
        value, cond = parts
        return (value, cond)

    def otherwise(self, meta, tok):
        return None

    def cases(self, meta, *parts):
        rows = tuple(p for p in parts if isinstance(p, tuple))
        return n.Cases(self._span(meta), rows)

    # sums
    def sub_cond(self, meta, cond):
        return ("cond", _primed_indices(cond))

    def sub_from(self, meta, var, _eq, lower):
        return ("from", _sum_variable(var), lower)

    def sub_range(self, meta, var, _in, lower, _dd, upper):
        return ("range", _sum_variable(var), lower, upper)

    def sub_var(self, meta, var):
        if isinstance(var, tuple):
            text, span = var[:2]
            var = n.Name(span, text)
        return ("var", _sum_variable(var))

    def limits(self, meta, *parts):
        sub = None
        sup = None
        for p in parts:
            if isinstance(p, tuple):
                sub = p
            else:
                sup = p
        return (sub, sup)

    def bigsum(self, meta, tok, limits, body):
        sub, upper = limits
        op = "prod" if str(tok) in ("\\prod", "∏", "Π") else "sum"
        var = cond = lower = None
        if sub is not None:
            kind = sub[0]
            if kind == "cond":
                cond = sub[1]
            elif kind == "from":
                var, lower = sub[1], sub[2]
            elif kind == "range":
                var, lower, upper = sub[1], sub[2], sub[3]
            else:
                var = sub[1]
        return n.BigOp(self._span(meta), op, var, cond, lower, upper, body)

    # -------------------------------------------------------------- lines
    def member(self, meta, e):
        return n.Member(self._span(meta), e)

    def rel_eq(self, meta, *toks):
        return ("=", _tok_span(toks[-1], self.line))

    def rel_approx(self, meta, *toks):
        return ("≈", _tok_span(toks[-1], self.line))

    def lead(self, meta, rel):
        return ("lead", rel)

    def just_because(self, meta, tok):
        text = re.sub(r"^(\\because|∵)\s*", "", str(tok)).strip()
        return n.Justification(self._span(meta), "because", text)

    def just_text(self, meta, tok):
        s = str(tok)
        return n.Justification(self._span(meta), "text", _SPACE.sub(" ", (_inner(s[: s.index("}") + 1]) + " " + s[s.index("}") + 1:]).strip()))

    def just_by(self, meta, tok):
        return n.Justification(self._span(meta), "by", str(tok).split()[-1])

    def _chain(self, meta, parts, continuation_possible=True):
        members, rels, just, continuation = [], [], None, False
        for p in parts:
            if isinstance(p, tuple) and p and p[0] == "lead":
                continuation = True
                rels.append(p[1])
            elif isinstance(p, tuple):
                rels.append(p)
            elif isinstance(p, n.Member):
                members.append(p)
            elif isinstance(p, n.Justification):
                just = p
        return n.ChainLine(self._span(meta), tuple(members), tuple(rels), continuation, just)

    def chain_line(self, meta, *parts):
        return self._chain(meta, parts)

    def problem_line(self, meta, word, title=None):
        return n.ProblemLine(self._span(meta), str(word), str(title)[1:-1] if title is not None else None)

    def let_name(self, meta, name):
        return (name, None)

    def params(self, meta, *names):
        return tuple(names)

    def let_func(self, meta, name, _l, params, _r):
        return (name, params)

    def let_power(self, meta, name, sup):
        # `let \sigma^2 = ...`: a variance is a node of its own, the powered name σ² (see `powered_name`)
        if not (isinstance(sup, n.Num) and sup.text.isdigit() and int(sup.text) >= 2):
            raise ProofError("E207", "a `let` target may carry a whole power of 2 or more, as in `let \\sigma^2 = ...`",
                             sup.span)
        return (powered_name(name, int(sup.text)), None)

    def let_prime_convention(self, meta, tok, _l, at, _r):
        if _rational(at) != 0:
            raise ProofError("E207", "a derivative convention is set at the kink only: `let ReLU'(0) = c` "
                             "(elsewhere ReLU' is 0 or 1)", at.span)
        return ("convention", "ReLU")

    def let_line(self, meta, target, eq, *rest):
        if target[0] == "convention":
            members = [p for p in rest if isinstance(p, n.Member)]
            value = members[0].expr
            q = _rational(value)
            if q is ZERO_DIVISION:
                raise ProofError("E207", "the convention's value divides by zero", value.span)
            if q is not None:  # exact, so elaborate reads it as one number (`-1/2` included)
                value = n.Num(value.span, str(q))
            return n.ConventionLine(self._span(meta), target[1], value)
        name, params = target
        chain = self._chain(meta, (("=", _tok_span(eq, self.line)),) + rest)
        chain = n.ChainLine(chain.span, chain.members, chain.rels[1:], False, chain.justification)
        return n.LetLine(self._span(meta), name, params, chain)

    def index_line(self, meta, *parts):
        # parts: name, ..., IN, lower, DOTDOT, upper
        *names, _in, lower, _dd, upper = parts
        return n.IndexLine(self._span(meta), tuple(names), lower, upper)

    def assume_line(self, meta, *conds):
        return n.AssumeLine(self._span(meta), tuple(conds))

    def assignment(self, meta, name, _eq, value):
        return (name, value)

    def at_line(self, meta, *values):
        return n.AtLine(self._span(meta), tuple(values))

    def show_line(self, meta, lhs, _eq, rhs):
        return n.ShowLine(self._span(meta), lhs, rhs)

    def find_line(self, meta, *targets):
        return n.FindLine(self._span(meta), tuple(targets))

    def case_line(self, meta, *conds):
        return n.CaseLine(self._span(meta), tuple(conds))

    def lemma_line(self, meta, word, chain=None):
        return n.LemmaLine(self._span(meta), str(word), chain)

    def network_line(self, meta, word):
        return n.NetworkLine(self._span(meta), str(word))

    def input_line(self, meta, tok):
        return n.InputLine(self._span(meta), int(str(tok)))

    def batch_line(self, meta, tok):
        return n.BatchLine(self._span(meta), int(str(tok)))

    def dense_line(self, meta, name, width, *opts):
        return n.DenseLine(self._span(meta), str(name), int(str(width)), tuple(str(o) for o in opts))


# ------------------------------------------------------------------ errors

_TERMINAL_WORDS = {
    "EQ": "`=`", "RPAR": "a closing bracket", "LPAR": "`(`", "RBRACE": "`}`", "LBRACE": "`{`",
    "WORD": "a name", "NUMBER": "a number", "THOUSANDS": "a number", "INT": "a whole number",
    "PLUS": "`+`", "MINUS": "`-`", "DOTDOT": "`..`", "IN": "`in`", "COMMA": "`,`", "COLON": "`:`",
    "BAR": "`|`", "CMP": "a comparison", "STRING": "a quoted title", "LAYER_NAME": "a layer name",
    "$END": "the end of the line", "PARTIAL": "`\\partial`", "END_CASES": "`\\end{cases}`",
}


def _describe_expected(expected: set[str]) -> str:
    words = sorted({_TERMINAL_WORDS.get(t, None) or "" for t in expected} - {""})
    if not words:
        return ""
    if len(words) > 6:
        return " (expected an expression or an operator)"
    return " (expected " + ", ".join(words) + ")"


_PAIRS = {")": "(", "]": "[", "}": "{"}


def _bracket_hint(code: str) -> str | None:
    """The first unbalanced bracket of a line, in words (`\\{` and `\\}` are not brackets)."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(code):
        if i > 0 and code[i - 1] == "\\" and ch in "{}":
            continue
        if ch in "([{":
            stack.append((ch, i + 1))
        elif ch in ")]}":
            if not stack:
                return f"the `{ch}` at column {i + 1} closes nothing: is an opening `{_PAIRS[ch]}` missing, or is it one too many?"
            top, at = stack.pop()
            if top != _PAIRS[ch] and not (top in "([" and ch in ")]"):  # `(0, 1]` style mixes are allowed
                return f"the `{top}` at column {at} is closed by the `{ch}` at column {i + 1}"
    if stack:
        top, at = stack[-1]
        closer = {"(": ")", "[": "]", "{": "}"}[top]
        return f"the `{top}` at column {at} is never closed: add a `{closer}`"
    return None


# unknown LaTeX commands students type, and what to write instead
_COMMAND_HINTS = {
    **dict.fromkeys(("\\sigmoid", "\\relu", "\\ReLU", "\\softmax", "\\Relu"),
                    "write a named function as `\\operatorname{NAME}(x)` or `NAME(x)` (the sigmoid is also `\\sigma(x)`)"),
    **dict.fromkeys(("\\top", "\\intercal", "\\transpose", "\\mathsf", "\\odot", "\\otimes", "\\circ"),
                    "declare vectors and matrices with their shapes (`let W : (m, n)`, docs/matrices.md) to write `W^\\top x` "
                    "and `a \\odot b`, or write a dot product as a sum, `\\sum_j w_j x_j`; `\\otimes` is not supported "
                    "(for an outer product write `u v^\\top`)"),
    "\\begin": "only `\\begin{cases} ... \\end{cases}` (on one line) is understood in a step; "
               "`aligned`, `align` and `equation` wrappers are ignored on their own",
    "\\end": "only `\\begin{cases} ... \\end{cases}` (on one line) is understood in a step",
    "\\Rightarrow": "write one step per `=`: a new line continues the derivation with `= ...`",
    "\\implies": "write one step per `=`: a new line continues the derivation with `= ...`",
    "\\to": "write one step per `=`: a new line continues the derivation with `= ...`",
    "\\coloneqq": "to define a name write `let NAME = ...` on its own line",
    "\\triangleq": "to define a name write `let NAME = ...` on its own line",
    "\\equiv": "to define a name write `let NAME = ...` on its own line",
    "\\mathrm": "`\\mathrm{...}` holds a name of letters and digits, as in `\\mathrm{ReLU}`",
    "\\operatorname": "`\\operatorname{...}` holds a name of letters and digits, as in `\\operatorname{softmax}`",
    "\\left": "`\\left` goes with `(`, `[`, `|` or `.`",
    "\\right": "`\\right` goes with `)`, `]`, `|` or `.`",
    **dict.fromkeys(("\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigr", "\\Bigr", "\\biggr", "\\Biggr"),
                    "sized brackets are `\\Big(`, `\\Big[`, `\\Big)`, `\\Big]`; an evaluation bar such as `\\Big|_{z=0}` "
                    "is not understood: give the point with an `at` line (`at z = 0`)"),
}
_BARE_LATEX = re.compile(r"(?<![\\A-Za-z])(frac|dfrac|sum|prod|partial|cdot|times|left|right|mathrm|operatorname)(?![A-Za-z])")


def _hints(code: str, exc: UnexpectedInput, col: int) -> list[str]:
    """Notes that tell a student what to write instead, for the slips seen most often."""
    hints = []
    if "**" in code:
        hints.append("`**` is not a power: write `x^2` (or `x^{10}`)")
    if ":=" in code:
        hints.append("to define a name write `let NAME = ...` on its own line")
    m = _BARE_LATEX.search(code)
    if m:
        hints.append(f"`{m.group(1)}` needs a backslash: `\\{m.group(1)}`")
    if re.search(r"\^\s*[-−]\s*[A-Za-z\\({]", code):
        hints.append("an exponent longer than one character needs braces: `e^{-x}`")
    if re.search(r"\\[dt]?frac\s*[^\s{\\]", code):
        hints.append("`\\frac` takes two braced groups: `\\frac{1}{2}`")
    if isinstance(exc, UnexpectedToken) and exc.token.type == "ROWSEP":
        hints.append("`\\\\` ends a row: put each step on a line of its own")
    if re.search(r"\)\s*_", code):
        hints.append("an entry of a function's value is understood for softmax only, written "
                     "`\\mathrm{softmax}(z)_i`; otherwise define the entry with `let`")
    if re.search(r"(\\nabla|∇)(?!\s*_)", code):
        hints.append("write a derivative as `\\nabla_w L`: with respect to a scalar `w`, or a declared vector or "
                     "matrix `w` (docs/matrices.md); or write each partial derivative, `\\frac{\\partial L}{\\partial w_j}`")
    if re.search(r"[0-9]\.[0-9]+\.[0-9]", code):
        hints.append("a number has one decimal point: `1.5`")
    if re.search(r"\\[{}]", code):
        hints.append("`\\{` and `\\}` are not brackets here: write `( )`")
    brackets = _bracket_hint(code)
    if brackets:
        hints.append(brackets)
    return ["hint: " + h for h in hints]


def _syntax_error(exc: UnexpectedInput, line: Line) -> Diagnostic:
    diag = _syntax_diagnostic(exc, line)
    if diag.code != "E100":
        return diag
    notes = list(diag.notes) + _hints(line.code, exc, diag.span.column)
    if isinstance(exc, UnexpectedCharacters):
        m = re.match(r"\\[A-Za-z]+", line.code[diag.span.column - 1:])
        if m and m.group(0) in _COMMAND_HINTS:
            notes.insert(0, "hint: " + _COMMAND_HINTS[m.group(0)].replace("NAME", m.group(0).lstrip("\\")))
    return Diagnostic.make(diag.code, diag.message, diag.span, notes)


def _syntax_diagnostic(exc: UnexpectedInput, line: Line) -> Diagnostic:
    col = getattr(exc, "column", None) or 1
    if isinstance(exc, UnexpectedCharacters):
        ch = line.code[col - 1: col] if col - 1 < len(line.code) else ""
        rest = line.code[col - 1:]
        m = re.match(r"\\[A-Za-z]+", rest)
        if m:
            return Diagnostic.make("E100", f"unknown command `{m.group(0)}`", Span.at(line.number, col, len(m.group(0))))
        return Diagnostic.make("E100", f"unexpected character `{ch}`", Span.at(line.number, col))
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        end = len(line.code.rstrip()) + 1
        expected = getattr(exc, "expected", None) or getattr(exc, "accepts", None) or set()
        return Diagnostic.make("E100", "the line ends too early" + _describe_expected(set(expected)), Span.at(line.number, end))
    tok = exc.token
    text = str(tok)
    if tok.type in ("TEXT_PROSE",):
        return Diagnostic.make("E103", "text where an expression was expected; put it after the step as a justification (`\\because ...`)", Span.at(line.number, col, len(text.split("}")[0]) + 1))
    if tok.type == "BECAUSE":
        return Diagnostic.make("E100", "a justification must follow a complete step", Span.at(line.number, col, 8))
    return Diagnostic.make(
        "E100",
        f"unexpected `{text}`" + _describe_expected(set(exc.expected or [])),
        Span.at(line.number, col, len(text)),
    )


def _tree_depth(tree: Tree) -> int:
    best, stack = 0, [(tree, 1)]
    while stack:
        t, d = stack.pop()
        best = max(best, d)
        stack.extend((c, d + 1) for c in t.children if isinstance(c, Tree))
    return best


def _max_nesting(code: str) -> int:
    depth = best = 0
    for ch in code:
        if ch in "({[":
            depth += 1
            best = max(best, depth)
        elif ch in ")}]":
            depth -= 1
    return best


def _rational(e: n.Expr):
    """A literal number written with digits, signs, `/`, `\\frac` and brackets, exactly; None for
    anything else; ZERO_DIVISION for a literal division by zero."""
    try:
        if isinstance(e, n.Num):
            return Fraction(e.text)
        if isinstance(e, n.Neg):
            v = _rational(e.arg)
            return v if v is None or v is ZERO_DIVISION else -v
        if isinstance(e, n.Group) and len(e.items) == 1:
            return _rational(e.items[0])
        if isinstance(e, n.Frac):
            a, b = _rational(e.num), _rational(e.den)
            if ZERO_DIVISION in (a, b):
                return ZERO_DIVISION
            return None if a is None or b is None else a / b
        if isinstance(e, n.Product) and all(op in ("*", "/", "juxt") for op in e.ops):
            vals = [_rational(f) for f in e.factors]
            if ZERO_DIVISION in vals:
                return ZERO_DIVISION
            if any(v is None for v in vals):
                return None
            out = vals[0]
            for op, v in zip(e.ops, vals[1:]):
                out = out / v if op == "/" else out * v
            return out
    except ZeroDivisionError:
        return ZERO_DIVISION
    return None


# e-notation with a whole mantissa (`2e-1`, `3e2`); a mantissa of 1 (`1e-3`) is never Euler's e written `1e`
_WHOLE_E_NOTATION = re.compile(r"([0-9]+)e([-+]?[0-9]+)")

# a letter or a name command right after `^-2` (not `\\cdot`, `\\times`, a spacing or a closing bracket)
_AFTER_NEGINT = re.compile(r"[ \t]*([A-Za-z]|\\(?!(cdot|times|quad|qquad|right|left|big|Big|bigg|Bigg)[lr]?(?![A-Za-z]))[A-Za-z]+)")


def _label_like(e: n.Expr) -> bool:
    """A whole number or a plain letter, as a sample or layer label in brackets is written (`(i)`, `(1)`, `[l]`)."""
    if isinstance(e, n.Num):
        return e.text.isdigit()
    return isinstance(e, n.Name) and e.sub is None and not e.styled and "{" not in e.base and \
        (len(e.base) == 1 or e.base in _GREEK_NAMES)


def _number_runs(e) -> None:
    """`1\\,000`, `1 000`, `10\\,000 x`: a number directly after a number (spacing commands carry no
    meaning) is E211, never their product; subscripts are skipped (`W_{1 2}` is the entry (1, 2))."""
    if isinstance(e, n.Name):
        return
    if isinstance(e, n.Entry):
        _number_runs(e.base)
        return
    if isinstance(e, n.Product):
        for a, b, op in zip(e.factors, e.factors[1:], e.ops):
            if op == "juxt" and isinstance(a, n.Num) and isinstance(b, n.Num):
                raise ProofError("E211", f"two numbers side by side, `{a.text}` and `{b.text}`, read two ways: one number "
                                 "with its digits grouped, or a product", Span(a.span.line, a.span.column, b.span.end_line,
                                                                              b.span.end_column),
                                 [f"hint: write `{a.text}{b.text}` for one number, or `{a.text} \\cdot {b.text}` for the product"])
    for c in n.children(e):
        if isinstance(c, (n.Node, tuple, list)):
            _number_runs(c)


def _primed_indices(e):
    """Inside a subscript or a sum's limits a primed letter is a primed index (`z_{j'}`,
    `\\sum_{j' \\neq j}`), the name `j'`, never a derivative."""
    def fn(x):
        if isinstance(x, n.Prime) and isinstance(x.func, n.Name) and x.func.sub is None and "^" not in x.func.base:
            return n.Name(x.span, x.func.base + "'" * x.order)
        return x
    return n.transform(e, fn)


def _sum_variable(e: n.Expr) -> n.Name:
    """The variable under `\\sum_{...}`: a letter, possibly primed (`j'`); translate rejects a subscripted one."""
    e = _primed_indices(e)
    if isinstance(e, n.Name):
        return e
    raise ProofError("E205", "a sum's variable is a plain letter, as in `\\sum_j` or `\\sum_{j'}`", e.span)


_LINE_MEMO: dict[str, tuple[int, n.Statement]] = {}


def parse_line(line: Line) -> tuple[n.Statement | None, Diagnostic | None]:
    """Parse one physical line into a statement, or a located diagnostic.

    A statement depends only on the line's code and number, so a line parsed before (the same header
    line in every submission of a class) is remembered by its code and handed back as a fresh copy
    moved to this line (`_moved`): callers may tell statements apart by identity."""
    hit = _LINE_MEMO.get(line.code)
    if hit is not None:
        return _moved(hit[1], line.number - hit[0]), None
    stmt, diag = _parse_line(line)
    if stmt is not None:
        if len(_LINE_MEMO) >= MAX_LINE_MEMO:
            _LINE_MEMO.clear()
        _LINE_MEMO[line.code] = (line.number, stmt)
        stmt = _moved(stmt, 0)
    return stmt, diag


def _moved(x, lines: int):
    """A copy of a parsed statement with every span moved down by `lines` (new objects throughout)."""
    if isinstance(x, Span):
        return Span(x.line + lines, x.column, x.end_line + lines, x.end_column) if lines else x
    if isinstance(x, tuple):
        return tuple(_moved(y, lines) for y in x)
    if isinstance(x, list):
        return [_moved(y, lines) for y in x]
    if is_dataclass(x) and not isinstance(x, type):
        copy = object.__new__(type(x))
        for f in fields(x):
            object.__setattr__(copy, f.name, _moved(getattr(x, f.name), lines))
        return copy
    return x


def _parse_line(line: Line) -> tuple[n.Statement | None, Diagnostic | None]:
    code = line.code
    if not code.strip():
        return n.BlankLine(Span.at(line.number, 1)), None
    if len(code) > MAX_LINE_CHARS:
        return None, Diagnostic.make("E101", f"line is {len(code):,} characters; the limit is {MAX_LINE_CHARS:,}", Span.at(line.number, 1))
    if _max_nesting(code) > MAX_NESTING:
        return None, Diagnostic.make("E206", f"brackets nest deeper than {MAX_NESTING} levels", Span.at(line.number, 1))
    stripped = code.lstrip()
    indent = len(code) - len(stripped)
    m = re.match(r"([a-z]+)(?=\s|:|$)", stripped)
    start = "chain_line"
    text = code
    if m and m.group(1) in DIRECTIVES:
        start = DIRECTIVES[m.group(1)]
        text = code[:indent] + " " * len(m.group(1)) + code[indent + len(m.group(1)):]
    try:
        tree = parser().parse(text, start=start)
    except UnexpectedInput as exc:
        return None, _syntax_error(exc, line)
    if _tree_depth(tree) > MAX_TREE_DEPTH:
        return None, Diagnostic.make("E206", f"expression nests deeper than {MAX_TREE_DEPTH} levels", Span.at(line.number, 1))
    transformer = ToNodes(line.number)
    transformer.source_line = code
    transformer.start = start
    try:
        stmt = transformer.transform(tree)
        _number_runs(stmt)
        return stmt, None
    except ProofError as exc:
        return None, exc.diagnostic
    except VisitError as exc:
        orig = exc.orig_exc
        if isinstance(orig, ProofError):
            return None, orig.diagnostic
        if isinstance(orig, RecursionError):
            return None, Diagnostic.make("E206", "expression nests too deeply", Span.at(line.number, 1))
        raise
    except RecursionError:  # lark's own recursion over a deep tree is not wrapped in VisitError
        return None, Diagnostic.make("E206", "expression nests too deeply", Span.at(line.number, 1))


ErrorLine = n.ErrorLine  # (defined with the other nodes: readers of a parsed file need not import lark)


def _dangling_term(stmt, line: Line) -> Diagnostic | None:
    """A line of one expression that starts with `+` or `-` right after a step (`= 2 x` then `+ 1`) is
    the rest of the right side broken over two lines; read alone it would silently drop out of the
    step above, so it is E100."""
    if not (isinstance(stmt, n.ChainLine) and not stmt.continuation and len(stmt.members) == 1 and not stmt.rels):
        return None
    code = line.code
    col = len(code) - len(code.lstrip()) + 1
    op = code.lstrip()[:1]
    if op not in ("+", "-", "−", "–"):
        return None
    return Diagnostic.make("E100", f"a line cannot start with `{op}`: it is not part of the step above",
                           Span.at(line.number, col),
                           [f"hint: continue the previous line (`... {op} ...` on one line), or write `= ...` to start "
                            "the next member of the chain"])


def parse_source(source: Source, max_errors: int | None = None) -> tuple[list[n.Statement], list[Diagnostic]]:
    """Every line's statement (an ErrorLine where it does not parse) and the syntax errors; reading
    stops after `max_errors` errors (the caller reports that: a garbage file is not read to its end)."""
    statements: list[n.Statement] = []
    diagnostics: list[Diagnostic] = []
    for line in source.lines:
        if max_errors is not None and len(diagnostics) >= max_errors:
            break
        stmt, diag = parse_line(line)
        if diag is None and statements and isinstance(statements[-1], (n.ChainLine, n.LetLine)):
            diag = _dangling_term(stmt, line)
        if diag is not None:
            diagnostics.append(diag)
            statements.append(ErrorLine(Span.at(line.number, 1)))
        elif stmt is not None and not (isinstance(stmt, n.BlankLine) and line.comment_only):
            statements.append(stmt)
    return statements, diagnostics




def exact_number(text: str) -> Fraction:
    """Decimal text to an exact fraction (0.3 is 3/10); never eval."""
    return Fraction(text)


if __name__ == "__main__":  # after changing grammar/proof.lark: python -m proofcheck.parse --tables
    import sys

    if sys.argv[1:] != ["--tables"]:
        sys.exit("usage: python -m proofcheck.parse --tables   (writes grammar/" + TABLES_FILE + ")")
    target = Path(__file__).resolve().parent.parent / "grammar" / TABLES_FILE
    target.write_bytes(build_tables())
    print(f"wrote {target}")
