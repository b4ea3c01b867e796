"""Helpers for the soundness suite (tests/test_soundness.py) and bench/run.py.

Three independent pieces, none of which uses proofcheck's SymPy translation or checker:

- `render`: a node -> .proof text printer (so a mutated node tree can be written back as a proof);
- `mutants` / `rewrites`: edits of a node tree that (usually) change / never change its value;
- `Oracle`: a high-precision numeric evaluator of nodes with mpmath. It implements the language's
  semantics (docs/language.md, spec/proof-language.md) on its own: definitions are expanded by
  evaluation, sums are loops, `∂A/∂B` is a numeric derivative (`mpmath.diff`) of A with B's value
  overridden. It decides whether two members really differ, independently of the checker.

Only proofcheck's parser (text -> nodes) and elaborator (nodes -> contexts and chains) are shared:
they define what the text means, and the oracle always evaluates the *re-parsed* rendering, so a
printer slip can never make the oracle and the checker look at different expressions.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from dataclasses import dataclass
from fractions import Fraction

import mpmath

from proofcheck import nodes as n
from proofcheck.elaborate import Context, elaborate
from proofcheck.parse import parse_line, parse_source
from proofcheck.source import split_lines

# ------------------------------------------------------------------ printer

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
}
CMP_TEX = {">": ">", "<": "<", ">=": "\\geq", "<=": "\\leq", "!=": "\\neq", "=": "="}
FUNCS_TEX = {"exp", "log", "ln", "tanh", "cosh", "sinh", "sin", "cos", "tan", "max", "min"}

# precedence levels: what a position in the grammar accepts without brackets
ADD, TERM, PRODUCT, POWER, ATOM = 1, 2, 3, 4, 5


def _level(e: n.Expr) -> int:
    if isinstance(e, n.Add):
        return ADD
    if isinstance(e, n.Neg):
        return TERM
    if isinstance(e, (n.Product, n.BigOp)):
        return PRODUCT
    if isinstance(e, n.Pow):
        return POWER
    if isinstance(e, n.Abs):
        return PRODUCT  # `|x|` cannot follow another factor by juxtaposition
    return ATOM


def _wrap(e: n.Expr, need: int) -> str:
    s = render(e)
    return s if _level(e) >= need else f"({s})"


def render_name(e: n.Name) -> str:
    base = e.base
    if base in GREEK:
        text = "\\" + base
    elif "{" in base:  # decorated: hat{x}, mathcal{L}
        text = "\\" + base
    elif base.isascii() and base.isalnum() and base[0].isalpha() and base not in ("in", "by") \
            and not getattr(e, "styled", False):  # `styled`: written \mathrm{..}, a declared multi-letter name
        text = base
    else:
        text = f"\\mathrm{{{base}}}"
    if e.sub is None:
        return text
    return text + "_{" + ",".join(render(s) for s in e.sub) + "}"


def render_cond(c: n.Condition) -> str:
    out = render(c.terms[0])
    for op, t in zip(c.ops, c.terms[1:]):
        out += f" {CMP_TEX[op]} {render(t)}"
    return out


def render(e: n.Expr) -> str:
    """Nodes -> .proof text that parses back to an equal tree (up to brackets and derivative notation)."""
    if isinstance(e, n.Num):
        return e.text
    if isinstance(e, n.Name):
        return render_name(e)
    if isinstance(e, n.Group):
        return "(" + ", ".join(render(i) for i in e.items) + ")"
    if isinstance(e, n.Neg):
        inner = _wrap(e.arg, TERM)
        return "-" + (" " + inner if inner.startswith("-") else inner)
    if isinstance(e, n.Add):
        right = _wrap(e.right, TERM)
        return f"{_wrap(e.left, ADD)} {'+' if e.sign > 0 else '-'} {right}"
    if isinstance(e, n.Product):
        parts = []
        last = len(e.factors) - 1
        for k, f in enumerate(e.factors):
            op = e.ops[k - 1] if k else None
            if isinstance(f, n.BigOp):  # greedy: only last, and only by juxtaposition
                ok = k == last and op in (None, "juxt")
            elif isinstance(f, n.Abs):  # not after juxtaposition, and not first when something follows it
                ok = op not in (None, "juxt") or (k == 0 and last == 0)
            else:
                ok = _level(f) >= POWER
            s = render(f) if ok else f"({render(f)})"
            if k:
                parts.append({"juxt": " ", "*": " \\cdot ", "/": " / "}[op])
            parts.append(s)
        return "".join(parts)
    if isinstance(e, n.Pow):
        return f"{_wrap(e.base, ATOM)}^{{{render(e.exp)}}}"
    if isinstance(e, n.Frac):
        return f"\\frac{{{render(e.num)}}}{{{render(e.den)}}}"
    if isinstance(e, n.Call):
        if e.func == "sqrt":
            return f"\\sqrt{{{render(e.args[0])}}}"
        if e.func == "root":
            return f"\\sqrt[{render(e.args[1])}]{{{render(e.args[0])}}}"
        head = f"\\{e.func}" if e.func in FUNCS_TEX else f"\\operatorname{{{e.func}}}"
        if e.power != 1:
            head += f"^{{{e.power}}}"
        return head + "(" + ", ".join(render(a) for a in e.args) + ")"
    if isinstance(e, n.Prime):
        return render(e.func) + "'"
    if isinstance(e, n.Deriv):
        order = f"^{{{e.order}}}" if e.order != 1 else ""
        if e.expr is None:
            return f"\\frac{{d{order}}}{{d {render_name(e.var)}{order}}}"
        return f"\\frac{{\\partial{order} {render(e.expr)}}}{{\\partial {render_name(e.var)}{order}}}"
    if isinstance(e, n.BigOp):
        head = "\\sum" if e.op == "sum" else "\\prod"
        if e.cond is not None:
            head += "_{" + render_cond(e.cond) + "}"
        elif e.var is not None:
            if e.lower is not None:
                head += "_{" + render_name(e.var) + " = " + render(e.lower) + "}"
            else:
                head += "_{" + render_name(e.var) + "}"
        if e.upper is not None:
            head += "^{" + render(e.upper) + "}"
        return head + " " + _wrap(e.body, TERM)
    if isinstance(e, n.Indicator):
        return "(" + render_cond(e.cond) + ")"
    if isinstance(e, n.Abs):
        return "\\lvert " + render(e.arg) + " \\rvert"
    if isinstance(e, n.Cases):
        rows = []
        for value, cond in e.rows:
            rows.append(render(value) + " & " + ("\\text{otherwise}" if cond is None else render_cond(cond)))
        return "\\begin{cases} " + " \\\\ ".join(rows) + " \\end{cases}"
    raise TypeError(f"cannot render {type(e).__name__}")


def reparse(text: str) -> n.Expr | None:
    """`text` as the member of a continuation line, re-parsed by proofcheck's parser; None if it does not parse."""
    line = split_lines("<mutant>", "= " + text).lines[0]
    stmt, diag = parse_line(line)
    if diag is not None or not isinstance(stmt, n.ChainLine) or len(stmt.members) != 1:
        return None
    return stmt.members[0].expr


def strip_notation(e):
    """Equality up to derivative notation and single-item brackets (what rendering may change)."""
    if isinstance(e, n.Group) and len(e.items) == 1:
        return strip_notation(e.items[0])
    if isinstance(e, n.Deriv):
        return ("Deriv", strip_notation(e.expr), strip_notation(e.var), e.order)
    if isinstance(e, n.Node):
        return (type(e).__name__,) + tuple(strip_notation(getattr(e, f.name)) for f in dataclasses.fields(e)
                                           if f.name not in ("span", "raw_sub") and f.compare)
    if isinstance(e, tuple):
        return tuple(strip_notation(x) for x in e)
    return e


# ------------------------------------------------------------------ context -> header lines


def render_context(ctx: Context, name: str) -> list[str]:
    """The directives that recreate `ctx` (latest definition per target only, so no refinement checks)."""
    lines = [f"problem {name}"]
    for nm, lo, hi in ctx.indices:
        lines.append(f"index {render_name(n.Name(None, nm))} in {render(lo)}..{render(hi)}")
    if ctx.relu_at_zero != 0:
        lines.append(f"let ReLU'(0) = {ctx.relu_at_zero.numerator}/{ctx.relu_at_zero.denominator}")
    kept = []
    for k, d in enumerate(ctx.definitions):
        later = ctx.definitions[k + 1:]
        if any(x.target.base == d.target.base and x.target.sub == d.target.sub and x.params == d.params for x in later):
            continue
        kept.append(d)
    for d in kept:
        target = render_name(d.target)
        if d.params is not None:
            target += "(" + ", ".join(render_name(n.Name(None, p)) for p in d.params) + ")"
        lines.append(f"let {target} = {render(d.body)}")
    for c in ctx.assumptions:
        lines.append(f"assume {render_cond(c)}")
    if ctx.point:
        lines.append("at " + ", ".join(f"{render_name(nm)} = {render(v)}" for nm, v in ctx.point))
    return lines


# ------------------------------------------------------------------ tree edits

def _children(e):
    """(field, index-or-None, child) for every expression child of e."""
    for f in dataclasses.fields(e):
        if f.name == "span":
            continue
        v = getattr(e, f.name)
        if isinstance(v, n.Node) and not isinstance(v, n.Condition):
            yield f.name, None, v
        elif isinstance(v, n.Condition):
            for i, t in enumerate(v.terms):
                yield f.name, ("cond", i), t
        elif isinstance(v, tuple):
            for i, x in enumerate(v):
                if isinstance(x, n.Node):
                    yield f.name, i, x


def _replace_child(e, field, idx, new):
    v = getattr(e, field)
    if idx is None:
        return dataclasses.replace(e, **{field: new})
    if isinstance(idx, tuple):
        terms = list(v.terms)
        terms[idx[1]] = new
        return dataclasses.replace(e, **{field: dataclasses.replace(v, terms=tuple(terms))})
    items = list(v)
    items[idx] = new
    return dataclasses.replace(e, **{field: tuple(items)})


def subtrees(e, path=()):
    """Every expression subtree with its path (skipping the insides of names' subscripts)."""
    yield path, e
    if isinstance(e, n.Name):
        return
    for field, idx, child in _children(e):
        yield from subtrees(child, path + ((field, idx),))


def replace_at(e, path, new):
    if not path:
        return new
    (field, idx), rest = path[0], path[1:]
    v = getattr(e, field)
    if idx is None:
        child = v
    elif isinstance(idx, tuple):
        child = v.terms[idx[1]]
    else:
        child = v[idx]
    return _replace_child(e, field, idx, replace_at(child, rest, new))


def _is_function_head(f, funcs: set[str]) -> bool:
    return isinstance(f, n.Prime) or (isinstance(f, n.Name) and f.sub is None and (f.base in FUNCTION_WORDS or f.base in funcs))


def _product(factors, ops, like):
    if len(factors) == 1:
        return factors[0]
    return n.Product(like.span, tuple(factors), tuple(ops))


def _mentions(e, name: str) -> bool:
    for _, s in subtrees(e):
        if isinstance(s, n.Name):
            if s.base == name and s.sub is None:
                return True
            for it in s.sub or ():
                if _mentions(it, name):
                    return True
            if s.sub and len(s.sub) == 1 and isinstance(s.sub[0], n.Name) and name in s.sub[0].base and len(s.sub[0].base) > 1:
                return True
        if isinstance(s, n.BigOp) and s.cond is not None:
            if any(_mentions(t, name) for t in s.cond.terms):
                return True
    return False


def _rename_free(e, old: str, new: str):
    """Rename index `old` to `new` everywhere in e (used on a sum's body for its own bound variable)."""
    if isinstance(e, n.Name):
        if e.base == old and e.sub is None:
            return n.Name(e.span, new)
        if e.sub is not None:
            items = tuple(_rename_free(s, old, new) for s in e.sub)
            if len(items) == 1 and isinstance(items[0], n.Name) and items[0].sub is None and len(items[0].base) > 1:
                items = (n.Name(items[0].span, items[0].base.replace(old, new)),)
            return n.Name(e.span, e.base, items, None)
        return e
    if isinstance(e, n.BigOp) and e.var is not None and e.var.base == old:
        return e  # shadowed
    if isinstance(e, n.Node):
        out = e
        for field, idx, child in list(_children(e)):
            out = _replace_child(out, field, idx, _rename_free(child, old, new))
        if isinstance(e, n.BigOp) and e.cond is not None:
            out = dataclasses.replace(out, cond=n.Condition(e.cond.span, tuple(_rename_free(t, old, new) for t in e.cond.terms), e.cond.ops))
        return out
    return e


FLIP = {">": "<", "<": ">", ">=": "<", "<=": ">", "!=": "=", "=": "!="}


def mutants(e: n.Expr, ctx: Context) -> list[tuple[str, n.Expr]]:
    """Edits that usually change the value: the oracle decides which really do."""
    funcs = {d.target.base for d in ctx.definitions if d.params is not None}
    indices = sorted(ctx.index_names)
    out: list[tuple[str, n.Expr]] = []
    for path, s in subtrees(e):
        if isinstance(s, n.Add):
            out.append(("flip-sign", replace_at(e, path, dataclasses.replace(s, sign=-s.sign))))
            out.append(("drop-term", replace_at(e, path, s.left)))
            out.append(("drop-term", replace_at(e, path, s.right if s.sign > 0 else n.Neg(s.span, s.right))))
        if isinstance(s, n.Neg):
            out.append(("flip-sign", replace_at(e, path, s.arg)))
        if isinstance(s, n.Num):
            v = Fraction(s.text)
            out.append(("change-constant", replace_at(e, path, n.Num(s.span, str(v + 1) if v.denominator == 1 else f"{float(v + 1):g}"))))
            if v not in (0, 1):
                out.append(("change-constant", replace_at(e, path, n.Num(s.span, "2" if v != 2 else "3"))))
        if isinstance(s, n.Frac):
            out.append(("swap-fraction", replace_at(e, path, n.Frac(s.span, s.den, s.num))))
        if isinstance(s, n.Product):
            heads = {k for k, f in enumerate(s.factors) if _is_function_head(f, funcs) or (isinstance(f, n.Deriv) and f.expr is None)}
            for k in range(len(s.factors)):
                if k in heads or (k - 1) in heads:
                    continue
                fs, ops = list(s.factors), list(s.ops)
                del fs[k]
                if ops:
                    del ops[max(k - 1, 0)]
                out.append(("drop-factor", replace_at(e, path, _product(fs, ops, s))))
                fs, ops = list(s.factors), list(s.ops)
                fs.insert(k + 1, s.factors[k])
                ops.insert(k, "juxt" if k == 0 or s.ops[k - 1] != "/" else "/")
                out.append(("duplicate-factor", replace_at(e, path, _product(fs, ops, s))))
            for k, op in enumerate(s.ops):
                if op == "/":
                    ops = list(s.ops)
                    ops[k] = "*"
                    out.append(("swap-fraction", replace_at(e, path, _product(list(s.factors), ops, s))))
        if isinstance(s, n.Pow):
            out.append(("drop-factor", replace_at(e, path, s.base)))
        if isinstance(s, n.Indicator):
            c = s.cond
            out.append(("indicator-op", replace_at(e, path, n.Indicator(s.span, n.Condition(c.span, c.terms, tuple(FLIP[o] for o in c.ops))))))
            names = [t for t in c.terms if isinstance(t, n.Name)]
            for t in names:
                for other in _other_names(e, ctx, t):
                    terms = tuple(other if x is t else x for x in c.terms)
                    out.append(("indicator-variable", replace_at(e, path, n.Indicator(s.span, n.Condition(c.span, terms, c.ops)))))
        if isinstance(s, n.Name) and s.sub:
            # swap an index for another declared index, or a numeric subscript for a neighbour
            for k, it in enumerate(s.sub):
                if isinstance(it, n.Name) and it.sub is None and it.base in ctx.index_names:
                    for other in indices:
                        if other != it.base:
                            sub = list(s.sub)
                            sub[k] = n.Name(it.span, other)
                            out.append(("swap-index", replace_at(e, path, n.Name(s.span, s.base, tuple(sub), None))))
                elif isinstance(it, n.Num) and Fraction(it.text).denominator == 1:
                    sub = list(s.sub)
                    sub[k] = n.Num(it.span, str(1 - int(Fraction(it.text))) if int(Fraction(it.text)) in (0, 1) else str(int(Fraction(it.text)) + 1))
                    out.append(("swap-index", replace_at(e, path, n.Name(s.span, s.base, tuple(sub), None))))
                elif isinstance(it, n.Name) and it.sub is None and len(it.base) == 2 and all(c in ctx.index_names for c in it.base):
                    sub = list(s.sub)
                    sub[k] = n.Name(it.span, it.base[::-1])
                    out.append(("swap-index", replace_at(e, path, n.Name(s.span, s.base, tuple(sub), None))))
            if len(s.sub) == 2:
                out.append(("swap-index", replace_at(e, path, n.Name(s.span, s.base, s.sub[::-1], None))))
        if isinstance(s, n.BigOp) and s.cond is not None:
            c = s.cond
            out.append(("sum-condition", replace_at(e, path, dataclasses.replace(s, cond=n.Condition(c.span, c.terms, tuple(FLIP[o] for o in c.ops))))))
    return out


def _other_names(e, ctx, t: n.Name) -> list[n.Name]:
    """Other input/definition names of the same context (to change an indicator's variable)."""
    seen = []
    for d in ctx.definitions:
        if d.params is None and d.target != t and d.target.sub is not None and all(isinstance(x, n.Num) for x in d.target.sub):
            if d.target not in seen:
                seen.append(d.target)
    for nm, _ in ctx.point:
        if nm != t and nm not in seen:
            seen.append(nm)
    return seen[:3]


def rewrites(e: n.Expr, ctx: Context) -> list[tuple[str, n.Expr]]:
    """Edits that never change the value (expand, reorder, rename bound indices, move constants through sums)."""
    funcs = {d.target.base for d in ctx.definitions if d.params is not None}
    out: list[tuple[str, n.Expr]] = []
    for path, s in subtrees(e):
        if isinstance(s, n.Add):
            if s.sign > 0:
                out.append(("reorder-terms", replace_at(e, path, n.Add(s.span, s.right, s.left, +1))))
            else:
                out.append(("reorder-terms", replace_at(e, path, n.Add(s.span, n.Neg(s.span, s.right), s.left, +1))))
        if isinstance(s, n.Product) and all(op == "juxt" for op in s.ops) and not any(
                _is_function_head(f, funcs) or isinstance(f, (n.Deriv, n.BigOp, n.Group)) and (isinstance(f, n.Deriv) and f.expr is None)
                for f in s.factors) and not any(isinstance(f, n.Group) and k > 0 and _is_function_head(s.factors[k - 1], funcs)
                                                for k, f in enumerate(s.factors)):
            if len(s.factors) >= 2 and not isinstance(s.factors[0], n.BigOp):
                fs = list(s.factors)
                fs[0], fs[-1] = fs[-1], fs[0]
                if not any(isinstance(f, n.BigOp) for f in fs[:-1]):
                    out.append(("reorder-factors", replace_at(e, path, _product(fs, list(s.ops), s))))
            # expand: a (b + c) -> a b + a c  (the bracketed sum is the last factor)
            last = s.factors[-1]
            if isinstance(last, n.Group) and len(last.items) == 1 and isinstance(last.items[0], n.Add):
                inner = last.items[0]
                head = list(s.factors[:-1])
                if not any(isinstance(f, n.BigOp) for f in head):
                    left = _product(head + [_group(inner.left)], ["juxt"] * len(head), s)
                    right = _product(head + [_group(inner.right)], ["juxt"] * len(head), s)
                    out.append(("expand", replace_at(e, path, _group(n.Add(s.span, left, right, inner.sign)))))
            # move a constant factor into / out of a sum
            if isinstance(last, n.BigOp) and last.var is not None and len(s.factors) >= 2:
                head = list(s.factors[:-1])
                if not any(_mentions(f, last.var.base) for f in head) and not any(isinstance(f, n.BigOp) for f in head):
                    body = _product(head + [_group_term(last.body)], ["juxt"] * len(head), s)
                    out.append(("constant-into-sum", replace_at(e, path, _group(dataclasses.replace(last, body=body)))))
        if isinstance(s, n.BigOp) and s.var is not None and isinstance(s.body, n.Product):
            fs = s.body.factors
            if len(fs) >= 2 and all(op == "juxt" for op in s.body.ops) and not _mentions(fs[0], s.var.base) \
                    and not _is_function_head(fs[0], funcs) and not isinstance(fs[0], (n.BigOp, n.Deriv)) \
                    and not isinstance(fs[1], n.Group):
                rest = _product(list(fs[1:]), list(s.body.ops[1:]), s.body)
                moved = n.Product(s.span, (_group(fs[0]), dataclasses.replace(s, body=rest)), ("juxt",))
                out.append(("constant-out-of-sum", replace_at(e, path, _group(moved))))
        if isinstance(s, n.BigOp) and s.var is not None and s.lower is None and s.upper is None:
            for other in sorted(ctx.index_names):
                if other != s.var.base and not _mentions(s.body, other) and ctx.index_range(other) == ctx.index_range(s.var.base):
                    body = _rename_free(s.body, s.var.base, other)
                    out.append(("rename-bound-index", replace_at(e, path, dataclasses.replace(s, var=n.Name(s.var.span, other), body=body))))
                    break
        if isinstance(s, n.Frac):
            out.append(("fraction-as-power", replace_at(e, path, _group(n.Product(s.span, (_group(s.num), n.Pow(s.span, _group(s.den), n.Neg(s.span, n.Num(s.span, "1")))), ("juxt",))))))
    return out


def _group(e):
    return e if isinstance(e, (n.Group, n.Name, n.Num)) else n.Group(e.span, (e,))


def _group_term(e):
    return _group(e) if isinstance(e, (n.Add, n.Neg, n.BigOp)) else e


# ------------------------------------------------------------------ the oracle

NETWORK_FUNCTIONS = {"size", "width", "weights", "biases", "params"}
FUNCTION_WORDS = {"ReLU", "relu", "Relu", "RELU", "sigmoid", "sigma", "exp", "log", "ln", "tanh", "sqrt", "abs", "max", "min", "cosh", "sinh"}
KINK_EPS = mpmath.mpf("1e-25")


class Undefined(Exception):
    """The expression has no real value here (log of a non-positive number, 1/0, ...)."""


class Undecidable(Exception):
    """The oracle cannot tell (a kink exactly at the point, an unbound index, an unsupported form)."""


def _real(v):
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** (-mpmath.mp.dps + 8) * (1 + abs(v.real)):
            raise Undefined("complex value")
        v = v.real
    if not mpmath.isfinite(v):
        raise Undefined("not finite")
    return v


class Evaluator:
    """Evaluates nodes at one point (sizes, index values and leaf values), with mpmath."""

    def __init__(self, ctx: Context, sizes: dict[str, int], leaves: dict, rng: random.Random):
        self.ctx = ctx
        self.sizes = sizes
        self.leaves = leaves  # key -> mpf, filled lazily with random values
        self.rng = rng
        self.funcs = {d.target.base: d for d in ctx.definitions if d.params is not None}
        self.values = [d for d in ctx.definitions if d.params is None][::-1]
        self.overrides: dict = {}
        self.expanding: set = set()
        self.cache: dict = {}
        self.in_derivative = 0
        self.accessed: set = set()

    # ---- names and keys
    def int_value(self, e, ints) -> int | None:
        if isinstance(e, n.Num):
            f = Fraction(e.text)
            return int(f) if f.denominator == 1 else None
        if isinstance(e, n.Name) and e.sub is None:
            if e.base in ints:
                return ints[e.base]
            if e.base in self.sizes:
                return self.sizes[e.base]
            if e.base in self.ctx.index_names:
                raise Undecidable(f"unbound index {e.base}")
            return None
        if isinstance(e, n.Add):
            a, b = self.int_value(e.left, ints), self.int_value(e.right, ints)
            return None if a is None or b is None else a + e.sign * b
        if isinstance(e, n.Neg):
            a = self.int_value(e.arg, ints)
            return None if a is None else -a
        if isinstance(e, n.Group) and len(e.items) == 1:
            return self.int_value(e.items[0], ints)
        if isinstance(e, n.Product) and all(op in ("juxt", "*") for op in e.ops):
            out = 1
            for f in e.factors:
                v = self.int_value(f, ints)
                if v is None:
                    return None
                out *= v
            return out
        return None

    def key(self, e: n.Name, ints) -> tuple:
        if e.sub is None:
            return (e.base, ())
        items = e.sub
        if len(items) == 1 and isinstance(items[0], n.Name) and items[0].sub is None and len(items[0].base) > 1:
            letters = items[0].base
            if all(c in ints or c in self.sizes for c in letters):
                return (e.base, tuple(ints[c] if c in ints else self.sizes[c] for c in letters))
        vals = []
        for it in items:
            v = self.int_value(it, ints)
            if v is None:
                return (e.base + "_" + repr(items), ())
            vals.append(v)
        return (e.base, tuple(vals))

    def lookup(self, key):
        base, ints = key
        for d in self.values:
            t = d.target
            if t.sub is None:
                if (t.base, ()) == key:
                    return d, {}
                continue
            if t.base != base:
                continue
            items = t.sub
            if len(items) == 1 and isinstance(items[0], n.Name) and items[0].sub is None and len(items[0].base) > 1 \
                    and all(c in self.ctx.index_names for c in items[0].base):
                items = tuple(n.Name(None, c) for c in items[0].base)
            if len(items) != len(ints):
                continue
            binding, ok = {}, True
            for it, v in zip(items, ints):
                if isinstance(it, n.Num) and Fraction(it.text) == v:
                    continue
                if isinstance(it, n.Name) and it.sub is None and it.base in self.ctx.index_names and binding.get(it.base, v) == v:
                    binding[it.base] = v
                    continue
                ok = False
                break
            if ok:
                return d, binding
        return None, None

    def resolve(self, key, ints=None):
        if key in self.overrides:
            return self.overrides[key]
        d, binding = self.lookup(key)
        if d is None:
            if key == ("e", ()):
                return mpmath.e
            if key == ("pi", ()):
                return mpmath.pi
            if key not in self.leaves:
                self.leaves[key] = mpmath.mpf(self.rng.uniform(-2.5, 2.5))
            self.accessed.add(key)
            return self.leaves[key]
        ck = (key, tuple(sorted(self.overrides.items())))
        if ck in self.cache:
            return self.cache[ck]
        if ck in self.expanding:
            raise Undecidable("cyclic definition")
        self.expanding.add(ck)
        try:
            v = self.ev(d.body, binding, {})
        finally:
            self.expanding.discard(ck)
        self.cache[ck] = v
        return v

    # ---- expressions
    def ev(self, e, ints: dict, params: dict):
        return _real(getattr(self, "e_" + type(e).__name__)(e, ints, params))

    def e_Num(self, e, ints, params):
        f = Fraction(e.text)
        return mpmath.mpf(f.numerator) / f.denominator

    def e_Name(self, e, ints, params):
        if e.sub is None:
            if e.base in params:
                return params[e.base]
            if e.base in ints:
                return mpmath.mpf(ints[e.base])
            if e.base in self.sizes:
                return mpmath.mpf(self.sizes[e.base])
            if e.base in self.ctx.index_names:
                raise Undecidable(f"unbound index {e.base}")
            if e.base in NETWORK_FUNCTIONS and self.lookup((e.base, ()))[0] is None:
                raise Undecidable("network functions are not modelled by the oracle")
        if e.base == "delta" and e.sub is not None:
            k = self.key(e, ints)
            if self.lookup(k)[0] is None and k not in self.overrides:
                items = e.sub
                if len(items) == 1 and isinstance(items[0], n.Name) and len(items[0].base) == 2:
                    items = tuple(n.Name(None, c) for c in items[0].base)
                if len(items) == 2:
                    a, b = (self.ev(i, ints, params) for i in items)
                    return mpmath.mpf(1 if a == b else 0)
        return self.resolve(self.key(e, ints))

    def e_Group(self, e, ints, params):
        if len(e.items) != 1:
            raise Undecidable("argument list outside a call")
        return self.ev(e.items[0], ints, params)

    def e_Neg(self, e, ints, params):
        return -self.ev(e.arg, ints, params)

    def e_Add(self, e, ints, params):
        a, b = self.ev(e.left, ints, params), self.ev(e.right, ints, params)
        return a + b if e.sign > 0 else a - b

    def _div(self, a, b):
        if b == 0:
            raise Undefined("division by zero")
        return a / b

    def e_Frac(self, e, ints, params):
        return self._div(self.ev(e.num, ints, params), self.ev(e.den, ints, params))

    def _pow(self, a, b):
        if a == 0 and b < 0:
            raise Undefined("0 to a negative power")
        if abs(b) > 10000:
            raise Undecidable("huge exponent")
        if a < 0 and b != int(b):
            raise Undefined("negative base")
        return mpmath.power(a, b)

    def e_Pow(self, e, ints, params):
        return self._pow(self.ev(e.base, ints, params), self.ev(e.exp, ints, params))

    def _callable(self, f) -> bool:
        if isinstance(f, n.Prime):
            return True
        if isinstance(f, n.Name) and f.sub is None:
            if f.base in self.funcs:
                return True
            if f.base in FUNCTION_WORDS:
                return self.lookup((f.base, ()))[0] is None
        return False

    def e_Product(self, e, ints, params):
        fs, ops = e.factors, e.ops
        vals = []
        i = 0
        while i < len(fs):
            f = fs[i]
            op = ops[i - 1] if i > 0 else None
            nxt = fs[i + 1] if i + 1 < len(fs) else None
            if isinstance(f, n.Deriv) and f.expr is None:
                rest = fs[i + 1:]
                if not rest:
                    raise Undecidable("operator without operand")
                body = rest[0] if len(rest) == 1 else n.Product(None, rest, ops[i + 1:])
                vals.append((op, self.e_Deriv(n.Deriv(None, body, f.var, f.order, f.notation), ints, params)))
                break
            if nxt is not None and ops[i] == "juxt" and self._callable(f) and (
                    isinstance(nxt, n.Group) or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))):
                group = nxt if isinstance(nxt, n.Group) else nxt.base
                v = self.apply(f, group.items, ints, params)
                if isinstance(nxt, n.Pow):
                    v = self._pow(v, self.ev(nxt.exp, ints, params))
                vals.append((op, v))
                i += 2
                continue
            if isinstance(f, n.Prime):
                raise Undecidable("prime without argument")
            vals.append((op, self.ev(f, ints, params)))
            i += 1
        out = vals[0][1]
        for op, v in vals[1:]:
            out = self._div(out, v) if op == "/" else out * v
        return out

    def apply(self, f, args, ints, params):
        if isinstance(f, n.Prime):
            if len(args) != 1 or not isinstance(f.func, n.Name):
                raise Undecidable("bad prime")
            x0 = self.ev(args[0], ints, params)
            self.in_derivative += 1
            try:
                return mpmath.diff(lambda t: self.apply_name(f.func.base, None, ints, params, pre=[t]), x0)
            finally:
                self.in_derivative -= 1
        return self.apply_name(f.base, args, ints, params)

    def apply_name(self, base, args, ints, params, pre=None):
        values = pre if pre is not None else [self.ev(a, ints, params) for a in args]
        if base in self.funcs:
            d = self.funcs[base]
            if len(values) != len(d.params):
                raise Undecidable("arity")
            return self.ev(d.body, {}, dict(zip(d.params, values)))
        return self.builtin({"sigma": "sigmoid", "ReLU": "relu", "Relu": "relu", "RELU": "relu", "ln": "log"}.get(base, base), values)

    def _kink(self, x):
        if abs(x) < KINK_EPS:
            raise Undecidable("a kink at the point")

    def builtin(self, name, vals):
        if name in ("max", "min"):
            if not vals:
                raise Undecidable("empty max")
            return max(vals) if name == "max" else min(vals)
        if name == "root":
            return self._pow(vals[0], self._div(1, vals[1]))
        if len(vals) != 1:
            raise Undecidable("arity")
        x = vals[0]
        if name == "log":
            if x <= 0:
                raise Undefined("log")
            return mpmath.log(x)
        if name == "sqrt":
            if x < 0:
                raise Undefined("sqrt")
            return mpmath.sqrt(x)
        if name == "relu":
            self._kink(x)
            return x if x > 0 else mpmath.mpf(0)
        if name == "abs":
            self._kink(x)
            return abs(x)
        table = {"exp": mpmath.exp, "tanh": mpmath.tanh, "cosh": mpmath.cosh, "sinh": mpmath.sinh, "sin": mpmath.sin,
                 "cos": mpmath.cos, "tan": mpmath.tan, "sigmoid": lambda t: 1 / (1 + mpmath.exp(-t))}
        if name not in table:
            raise Undecidable(f"unknown function {name}")
        return table[name](x)

    def e_Call(self, e, ints, params):
        name = "sigmoid" if e.func == "sigma" else e.func
        if name in self.funcs:
            v = self.apply_name(name, e.args, ints, params)
        else:
            v = self.builtin(name, [self.ev(a, ints, params) for a in e.args])
        return v if e.power == 1 else self._pow(v, e.power)

    def e_Prime(self, e, ints, params):
        raise Undecidable("prime without argument")

    def e_Abs(self, e, ints, params):
        x = self.ev(e.arg, ints, params)
        self._kink(x) if self.in_derivative else None
        return abs(x)

    def _cmp(self, op, a, b):
        if op in ("=", "!=") and isinstance(a, mpmath.mpf) and a == int(a) and b == int(b):
            return (a == b) if op == "=" else (a != b)
        if abs(a - b) < KINK_EPS:
            raise Undecidable("a comparison on its boundary")
        return {">": a > b, "<": a < b, ">=": a >= b, "<=": a <= b, "=": False, "!=": True}[op]

    def cond(self, c: n.Condition, ints, params) -> bool:
        terms = [self.ev(t, ints, params) for t in c.terms]
        return all(self._cmp(op, a, b) for op, a, b in zip(c.ops, terms, terms[1:]))

    def e_Indicator(self, e, ints, params):
        return mpmath.mpf(1 if self.cond(e.cond, ints, params) else 0)

    def e_Cases(self, e, ints, params):
        for value, c in e.rows:
            if c is None or self.cond(c, ints, params):
                return self.ev(value, ints, params)
        raise Undefined("no case applies")

    def e_BigOp(self, e, ints, params):
        if e.var is not None:
            var, cond = e.var.base, None
        elif e.cond is not None:
            names = [t.base for t in e.cond.terms if isinstance(t, n.Name) and t.sub is None]
            unbound = [x for x in names if x not in ints]
            if not unbound:
                raise Undecidable("sum over nothing")
            var, cond = unbound[0], e.cond
        else:
            raise Undecidable("sum without variable")
        rng = self.ctx.index_range(var)
        lower = e.lower if e.lower is not None else (rng[0] if rng else None)
        upper = e.upper if e.upper is not None else (rng[1] if rng else None)
        if lower is None or upper is None:
            raise Undecidable("sum without range")
        lo, hi = self.int_value(lower, ints), self.int_value(upper, ints)
        if lo is None or hi is None or hi - lo > 10000:
            raise Undecidable("sum range")
        terms = []
        for v in range(lo, hi + 1):
            inner = dict(ints)
            inner[var] = v
            if cond is not None and not self.cond(cond, inner, params):
                continue
            terms.append(self.ev(e.body, inner, params))
        if e.op == "prod":
            out = mpmath.mpf(1)
            for t in terms:
                out *= t
            return out
        return mpmath.fsum(terms)

    def e_Deriv(self, e, ints, params):
        if e.expr is None:
            raise Undecidable("operator without operand")
        var = e.var
        if var.sub is None and (var.base in ints or var.base in self.sizes or var.base in self.ctx.index_names or var.base in params):
            raise Undecidable("derivative by an index")
        key = self.key(var, ints)
        t0 = self.overrides[key] if key in self.overrides else self.resolve(key)
        had, old = key in self.overrides, self.overrides.get(key)

        def f(t):
            self.overrides[key] = t
            try:
                return self.ev(e.expr, ints, params)
            finally:
                if had:
                    self.overrides[key] = old
                else:
                    self.overrides.pop(key, None)

        self.in_derivative += 1
        try:
            return mpmath.diff(f, t0, e.order)
        finally:
            self.in_derivative -= 1


def free_indices(exprs, ctx: Context) -> list[str]:
    """Declared indices free in the expressions (the language's rule; see docs/language.md on sums)."""
    idx = ctx.index_names
    free: list[str] = []
    cond_sums = []

    def add(x):
        if x not in free:
            free.append(x)

    def walk(x, bound):
        if isinstance(x, n.BigOp):
            for b in (x.lower, x.upper):
                if b is not None:
                    walk(b, bound)
            if x.var is not None:
                walk(x.body, bound | {x.var.base})
            elif x.cond is not None:
                names = [t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None and t.base in idx]
                cond_sums.append((names, bound))
                walk(x.body, bound | set(names))
            else:
                walk(x.body, bound)
            return
        if isinstance(x, n.Name):
            if x.sub is None and x.base in idx and x.base not in bound:
                add(x.base)
            for s in x.sub or ():
                walk(s, bound)
            if x.sub and len(x.sub) == 1 and isinstance(x.sub[0], n.Name) and len(x.sub[0].base) > 1:
                for c in x.sub[0].base:
                    if c in idx and c not in bound:
                        add(c)
            return
        if isinstance(x, n.Condition):
            for t in x.terms:
                walk(t, bound)
            return
        if isinstance(x, n.Node):
            for f in dataclasses.fields(x):
                if f.name != "span":
                    walk(getattr(x, f.name), bound)
            return
        if isinstance(x, tuple):
            for y in x:
                walk(y, bound)

    for e in exprs:
        walk(e, frozenset())
    for names, bound in cond_sums:
        if not [x for x in names if x in free or x in bound] and len(names) >= 2:
            add(names[1])
    return free


@dataclass
class Verdict:
    status: str  # differ | equal | undecided
    points: int
    detail: str = ""


class Oracle:
    """Decides whether members really differ under a context, by evaluation at many random points."""

    def __init__(self, ctx: Context, seed: int = 0, dps: int = 40, points: int = 2, max_instances: int = 6):
        self.ctx = ctx
        self.seed = seed
        self.dps = dps
        self.points = points
        self.max_instances = max_instances

    def _instances(self, free: list[str]):
        sizes = []
        for _, lo, hi in self.ctx.indices:
            for b in (lo, hi):
                for _, s in subtrees(b):
                    if isinstance(s, n.Name) and s.sub is None and s.base not in self.ctx.index_names and s.base not in sizes:
                        sizes.append(s.base)
        size_sets = [dict(zip(sizes, combo)) for combo in itertools.product(range(1, 5), repeat=len(sizes))] if sizes else [{}]
        rng = random.Random(self.seed)
        for sz in size_sets:
            ev = Evaluator(self.ctx, sz, {}, rng)
            ranges = []
            for nm in free:
                r = self.ctx.index_range(nm)
                if r is None:
                    return
                lo, hi = ev.int_value(r[0], {}), ev.int_value(r[1], {})
                if lo is None or hi is None or hi - lo > 50:
                    return
                ranges.append(range(lo, hi + 1))
            combos = [dict(zip(free, c)) for c in itertools.product(*ranges)]
            ok = []
            for c in combos:
                try:
                    if all(ev.cond(cond, c, {}) for cond in self.ctx.case if _index_only(cond, self.ctx, sizes)):
                        ok.append(c)
                except (Undecidable, Undefined):
                    continue
            if len(ok) > self.max_instances:
                ok = rng.sample(ok, self.max_instances)
            for c in ok:
                yield sz, c

    def _point(self, sz, ints, rng):
        """Leaf values: the given point, random elsewhere; equality assumptions solved, inequalities kept."""
        for _ in range(30):
            leaves: dict = {}
            ev = Evaluator(self.ctx, sz, leaves, rng)
            try:
                for nm, value in self.ctx.point:
                    leaves[ev.key(nm, ints)] = ev.ev(value, ints, {})
                conds = list(self.ctx.assumptions) + [c for c in self.ctx.case if not _index_only(c, self.ctx, list(sz))]
                for c in conds:
                    if "=" in c.ops:
                        self._solve(ev, c, ints)
                if all(self._holds(ev, c, ints) for c in conds):
                    return leaves
            except (Undefined, Undecidable, ZeroDivisionError, ValueError):
                continue
        return None

    def _quantified(self, ev, c, ints):
        free = [x for x in free_indices([c], self.ctx) if x not in ints]
        ranges = []
        for x in free:
            lo, hi = self.ctx.index_range(x)
            ranges.append(range(ev.int_value(lo, {}), ev.int_value(hi, {}) + 1))
        for combo in itertools.product(*ranges):
            yield {**ints, **dict(zip(free, combo))}

    def _solve(self, ev, c, ints):
        """Make an equality assumption hold by solving for the last input it depends on (secant steps)."""
        given = {ev.key(nm, ints) for nm, _ in self.ctx.point}
        tol = mpmath.mpf(10) ** (-self.dps + 5)
        for scope in self._quantified(ev, c, ints):
            def g():
                ev.cache.clear()
                return ev.ev(c.terms[0], scope, {}) - ev.ev(c.terms[1], scope, {})

            ev.accessed = set()
            g0 = g()
            for key in sorted((k for k in ev.accessed if k not in given), key=repr, reverse=True):
                old = ev.leaves[key]
                ev.leaves[key] = old + 1
                g1 = g()
                ev.leaves[key] = old
                if g1 == g0:
                    continue  # the assumption does not depend on this input
                x0, x1, f0, f1 = old, old + 1, g0, g1
                for _ in range(60):
                    if abs(f1) < tol or f1 == f0:
                        break
                    x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
                    f0 = f1
                    ev.leaves[key] = x1
                    f1 = g()
                ev.leaves[key] = x1
                if abs(g()) > tol:
                    raise Undecidable("could not solve an equality assumption")
                break

    def _holds(self, ev, c, ints):
        for scope in self._quantified(ev, c, ints):
            terms = [ev.ev(t, scope, {}) for t in c.terms]
            for op, a, b in zip(c.ops, terms, terms[1:]):
                if op == "=":
                    if abs(a - b) > mpmath.mpf(10) ** (-self.dps + 8) * (1 + abs(a)):
                        return False
                elif not ev._cmp(op, a, b):
                    return False
        return True

    def compare(self, a: n.Expr, b: n.Expr, also: tuple = ()) -> Verdict:
        """Do members a and b differ? `also` are members whose free indices count too (the step's other side)."""
        free = free_indices([a, b, *also] + list(self.ctx.case), self.ctx)
        rng = random.Random(self.seed * 7919 + 1)
        evaluated = 0
        with mpmath.workdps(self.dps):
            for sz, ints in self._instances(free):
                for _ in range(self.points):
                    leaves = self._point(sz, ints, rng)
                    if leaves is None:
                        continue
                    try:
                        va = Evaluator(self.ctx, sz, leaves, rng).ev(a, ints, {})
                        vb = Evaluator(self.ctx, sz, leaves, rng).ev(b, ints, {})
                    except (Undefined, ZeroDivisionError, ValueError):
                        continue
                    except Undecidable as exc:
                        return Verdict("undecided", evaluated, str(exc))
                    scale = max(mpmath.mpf(1), abs(va), abs(vb))
                    gap = abs(va - vb) / scale
                    evaluated += 1
                    if gap > mpmath.mpf("1e-10"):
                        return Verdict("differ", evaluated, f"sizes {sz} indices {ints}: {mpmath.nstr(va, 12)} vs {mpmath.nstr(vb, 12)}")
                    if gap > mpmath.mpf("1e-18"):
                        return Verdict("undecided", evaluated, "too close to separate")
        if evaluated == 0:
            return Verdict("undecided", 0, "no point where both sides are defined")
        return Verdict("equal", evaluated)


def _index_only(c: n.Condition, ctx: Context, sizes) -> bool:
    names = [s for t in c.terms for _, s in subtrees(t) if isinstance(s, n.Name)]
    return all(x.sub is None and (x.base in ctx.index_names or x.base in sizes) for x in names)


# ------------------------------------------------------------------ steps of a proof


@dataclass
class Step:
    path: str
    line: int
    context: Context
    prev: n.Expr
    new: n.Expr


def accepted_steps(path: str, text: str, options) -> list[Step]:
    """The steps of a proof the checker accepts (proved or numeric), with their contexts and members."""
    from proofcheck.check import check_problem

    source = split_lines(path, text)
    statements, _ = parse_source(source)
    problems, _ = elaborate(statements)
    out = []
    for problem in problems:
        if any(c.context.networks for c in problem.chains):
            continue  # network questions (size, params) are outside the oracle's language
        if any(c.context.shapes for c in problem.chains):
            continue  # vectors and matrices too (tests/adversarial/matrices holds their hand-checked claims)
        result, _ = check_problem(problem, options)
        verdicts = {(s.line, s.column): s for s in result.steps}
        for chain in problem.chains:
            for k in range(1, len(chain.members)):
                m = chain.members[k]
                s = verdicts.get((m.span.line, m.span.column))
                if s is not None and s.accepted and s.compared_with == "previous":
                    out.append(Step(path, m.span.line, chain.context, chain.members[k - 1].expr, m.expr))
    return out


def proof_for(pairs: list[tuple[Context, str, str]], name: str = "M") -> tuple[str, list[int]]:
    """One .proof text with a problem per context and a two-member chain per pair; the checked lines."""
    lines: list[str] = []
    checked: list[int] = []
    by_ctx: dict = {}
    for ctx, a, b in pairs:
        by_ctx.setdefault(dataclasses.replace(ctx, case=()), []).append((ctx, a, b))
    for p, (base, items) in enumerate(by_ctx.items()):
        lines.extend(render_context(base, f"{name}{p}"))
        for ctx, a, b in items:
            lines.append("")
            if ctx.case:
                lines.append("case " + ", ".join(render_cond(c) for c in ctx.case))
            lines.append(a)
            lines.append("  = " + b)
            checked.append(len(lines))
        lines.append("")
    return "\n".join(lines) + "\n", checked
