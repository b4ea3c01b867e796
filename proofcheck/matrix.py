"""Vectors and matrices: shape declarations, shape checking, and lowering to entries (docs/matrices.md).

`let W : (m, n)` (or `let W \\in \\mathbb{R}^{m \\times n}`) gives a name a shape; its dimensions are sizes
(like `N` in an index range) or whole numbers. Vectors are column vectors. A name defined by a matrix
expression (`let z = W x + b`) takes the shape of its definition.

Two passes, both over the checker's own nodes:

1. `Shapes` computes the shape of every node **symbolically** (dimensions are SymPy symbols of the
   sizes), so a product whose shapes do not fit for every size (`W x` with W (m, n) and x (p)) is a
   located E212 naming both shapes, even where they would happen to fit at m = n = p. Nothing is ever
   broadcast: a scalar times a matrix is scalar multiplication, and everything else must match.
   The size of `\\mathbf{1}` and `I` written without one is inferred by unification.
2. `MatrixMixin` (on the SymPy `Translator` and on the autodiff `Evaluator`) lowers a matrix
   expression, at concrete sizes, to a `Mat` of scalar entries built from the very leaf symbols of
   the scalar translator: the entry (i, j) of a declared W is the symbol of `W_{ij}`, so matrix form
   and index form meet in one derivation. A matrix step is then "every entry equal", each entry
   decided by the scalar engine (`compare_entries`).

Layout conventions: the derivative of a scalar by a vector or matrix (`\\frac{\\partial L}{\\partial W}`,
`\\nabla_W L`) has the shape of the variable (the gradient); the derivative of a vector y (m) by a
vector x (n) is the Jacobian, (m, n) with entry (i, j) = dy_i/dx_j (numerator layout), or (n, m)
after `layout denominator`; a vector or matrix by a scalar is taken entry by entry.
"""

from __future__ import annotations

import functools
import math
import operator
import warnings
from dataclasses import dataclass, replace

import numpy as np
import sympy as sp

from . import nodes as n
from .autodiff import Evaluator, Unsupported
from .diagnostics import Diagnostic, ProofError
from .translate import DerivativeRecord, Scope, Translator, _indicator, key_name, leaf_symbol
from .vocabulary import FUNCTION_WORDS, NETWORK_FUNCTIONS

Shape = tuple  # () a scalar, (r,) a column vector, (r, c) a matrix; entries are SymPy dimensions

TRANSPOSE_WORDS = ("top", "T", "intercal")
MATRIX_FUNCTIONS = {"diag": "diag", "tr": "tr", "Tr": "tr", "trace": "tr", "softmax": "softmax"}
# built-ins that act entry by entry on a vector or matrix (their scalar definitions are translate's)
ELEMENTWISE = frozenset({"exp", "log", "ln", "tanh", "cosh", "sinh", "sin", "cos", "tan", "sqrt", "abs", "relu",
                         "sigmoid", "erf", "Phi", "softplus", "gelu", "sign", "sech", "arctan"})
NORMS = ("norm", "norm2", "norm1", "normF")
MAX_MATRIX_POWER = 8  # `A^k` of a square matrix: k up to this (a product of k matrices per entry)


# ------------------------------------------------------------------ dimensions and shapes


def dim_symbol(name: str) -> sp.Symbol:
    """The symbol of a size used as a dimension (the same for every use, positive and whole)."""
    return sp.Symbol(name, integer=True, positive=True)


def _dim(node: n.Expr, ctx) -> sp.Expr:
    """A dimension as written (`m`, `3`, `2n`, `n + 1`) to a SymPy expression of sizes, never from text."""
    if isinstance(node, n.Num):
        try:
            v = int(node.text)
        except ValueError:
            v = 0
        if v < 1:
            raise ProofError("E212", f"a dimension is a whole number of at least 1 or a size, not `{node.text}`", node.span)
        return sp.Integer(v)
    if isinstance(node, n.Name) and node.sub is None and node.base not in ctx.index_names:
        return dim_symbol(node.base)
    if isinstance(node, n.Group) and len(node.items) == 1:
        return _dim(node.items[0], ctx)
    if isinstance(node, n.Add):
        return _dim(node.left, ctx) + node.sign * _dim(node.right, ctx)
    if isinstance(node, n.Product) and all(op in ("juxt", "*") for op in node.ops):
        return functools.reduce(operator.mul, [_dim(f, ctx) for f in node.factors])
    raise ProofError("E212", "a dimension is a size such as `n` or a whole number such as `3`", node.span)


def _is_one(d) -> bool:
    return d == 1


def normalise(shape: Shape) -> Shape:
    """(r, 1) is the column vector (r,); (1, 1) and (1,) are scalars."""
    if len(shape) == 2 and _is_one(shape[1]):
        shape = (shape[0],)
    if len(shape) == 1 and _is_one(shape[0]):
        return ()
    return shape


def as2d(shape: Shape) -> tuple:
    return shape if len(shape) == 2 else (shape[0], sp.Integer(1))


def shape_text(shape: Shape) -> str:
    if not shape:
        return "a scalar"
    return "(" + ", ".join(_dim_text(d) for d in shape) + ")"


def _dim_text(d) -> str:
    if isinstance(d, sp.Dummy):
        return "?"
    return sp.sstr(d).replace("*", "")


def size_names(ctx) -> list[str]:
    """The sizes named in shape declarations (they are concretised like `N` of an index range)."""
    out: list[str] = []
    for _, dims in ctx.shapes:
        for d in dims:
            for s in sorted(_dim(d, ctx).free_symbols, key=lambda s: s.name):
                if s.name not in out:
                    out.append(s.name)
    return out


def name_key(node: n.Name) -> tuple:
    return (node.base, node.sub)


def mbase(node: n.Name) -> str:
    """The base of a vector's or matrix's entry keys: `W` for W, `W_1` for the matrix W_1."""
    return node.base if node.sub is None else f"{node.base}_{node.raw_sub}"


def declare(ctx, line: n.ShapeLine):
    """The context with the shapes of a `let W : (m, n)` line, and the line's errors (E212)."""
    shapes = list(ctx.shapes)
    diags: list[Diagnostic] = []
    for name, dims in line.decls:
        try:
            if name.sub is None and name.base in ctx.index_names:
                raise ProofError("E212", f"`{name.base}` is an index: it cannot also be a vector or matrix", name.span)
            if not dims or len(dims) > 2:
                raise ProofError("E212", "a shape has one dimension (a vector, `(n)`) or two (a matrix, `(m, n)`)",
                                 name.span)
            values = tuple(_dim(d, ctx) for d in dims)
            if not normalise(values):
                raise ProofError("E212", f"`{name.display}` of shape {shape_text(values)} is a scalar: declare no shape",
                                 name.span)
        except ProofError as exc:
            diags.append(exc.diagnostic)
            continue
        shapes.append((name, dims))
    return replace(ctx, shapes=tuple(shapes)), diags


def _text(node, depth: int = 0) -> str:
    """A short rendering of a node for messages (`W x`, `X^T (X w - y)`), `…` where it gets long."""
    if depth > 3:
        return "…"
    t = functools.partial(_text, depth=depth + 1)
    if isinstance(node, n.Name):
        return f"\\mathrm{{{node.base}}}" if node.base in MATRIX_FUNCTIONS and node.sub is None else node.display
    if isinstance(node, n.Num):
        return node.text
    if isinstance(node, n.Ones):
        return "\\mathbf{1}"
    if isinstance(node, n.Pow):
        return t(node.base) + ("^T" if _is_transpose(node.exp) else "^" + t(node.exp))
    if isinstance(node, n.Group) and len(node.items) == 1:
        return "(" + t(node.items[0]) + ")"
    if isinstance(node, n.Neg):
        return "-" + t(node.arg)
    if isinstance(node, n.Add):
        return f"{t(node.left)} {'+' if node.sign > 0 else '-'} {t(node.right)}"
    if isinstance(node, n.Product):
        words = {"juxt": " ", "*": " \\cdot ", "/": " / ", "odot": " \\odot "}
        out = t(node.factors[0])
        for prev, op, f in zip(node.factors, node.ops, node.factors[1:]):
            applied = op == "juxt" and isinstance(f, n.Group) and isinstance(prev, (n.Name, n.Prime)) \
                and (isinstance(prev, n.Prime) or prev.base in FUNCTION_WORDS or prev.base in MATRIX_FUNCTIONS)
            out += ("" if applied else words.get(op, " ")) + t(f)
        return out
    if isinstance(node, n.Prime) and isinstance(node.func, n.Name):
        return node.func.display + "'"
    return "…"


def _count(d, word: str) -> str:
    return f"{_dim_text(d)} {word}" + ("" if d == 1 else "s")


def _is_transpose(e) -> bool:
    return isinstance(e, n.Name) and e.sub is None and e.base in TRANSPOSE_WORDS


# ------------------------------------------------------------------ pass 1: shapes


class Shapes:
    """The symbolic shape of every node of one problem context (memoised per node object)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.active = bool(ctx.shapes)
        self.declared: dict = {}
        for name, dims in ctx.shapes:
            self.declared[name_key(name)] = (name, normalise(tuple(_dim(d, ctx) for d in dims)))
        self.defs: dict = {}
        self.funcs = set()
        for d in ctx.definitions:
            if d.params is None:
                self.defs[name_key(d.target)] = d
            else:
                self.funcs.add(d.target.base)
        self.memo: dict = {}  # id(node) -> (node, shape): the node is held so that its id stays its own
        self.def_shapes: dict = {}
        self._busy: set = set()
        self.fresh: dict[int, sp.Expr] = {}  # id of a `\mathbf{1}` / `I` node -> its size (maybe still unknown)
        # id of a product node -> (node, [(summed dimension, the factor left of the sum, the one right of it)])
        self.sums: dict[int, tuple] = {}
        self.subst: dict = {}
        self._new: list | None = None
        self._checked_defs: set = set()
        self.sizes = set(size_names(ctx))
        for _, lo, hi in ctx.indices:
            for e in (lo, hi):
                self.sizes |= {x.base for x in n.names(e) if x.sub is None and x.base not in ctx.index_names}
        self._symmetric: dict = {}  # ids of a step's members -> (the members, `entry_symmetric`)
        self._name_shapes: dict = {}  # id(name node) -> (the node, its shape): `name_shape`
        self._wholes: dict = {}  # an entry key's base -> its whole-matrix definition or None (`MatrixMixin._whole`)

    def symmetric(self, members: tuple) -> bool:
        """`entry_symmetric` of these members, once per step: it reads only the context, the members and
        which names are scalars, none of which depends on the sizes (a matrix step asks at each of its
        dimension choices, twice)."""
        key = tuple(id(m) for m in members)
        hit = self._symmetric.get(key)
        if hit is None or any(x is not y for x, y in zip(hit[0], members)):
            hit = self._symmetric[key] = (tuple(members), entry_symmetric(self.ctx, members, self))
        return hit[1]

    # -------------------------------------------------------------- unification of dimensions
    def resolve_dim(self, d):
        for _ in range(len(self.subst) + 1):
            e = d.xreplace(self.subst)
            if e == d:
                break
            d = e
        return d

    def resolve(self, shape: Shape) -> Shape:
        return normalise(tuple(self.resolve_dim(d) for d in shape))

    def unify(self, a, b) -> bool:
        a, b = self.resolve_dim(a), self.resolve_dim(b)
        if sp.expand(a - b) == 0:
            return True
        if isinstance(a, sp.Dummy):
            self.subst[a] = b
            return True
        if isinstance(b, sp.Dummy):
            self.subst[b] = a
            return True
        return False

    def same(self, a: Shape, b: Shape) -> bool:
        a, b = self.resolve(a), self.resolve(b)
        if len(a) != len(b):
            return False
        return all(self.unify(x, y) for x, y in zip(a, b))

    def fresh_dim(self, node) -> sp.Expr:
        d = sp.Dummy("d", integer=True, positive=True)
        self.fresh[id(node)] = d
        if self._new is not None:
            self._new.append((node, d))
        return d

    # -------------------------------------------------------------- names
    def is_matrix_name(self, node) -> bool:
        return isinstance(node, n.Name) and self.name_shape(node) != () and not self.is_identity(node)

    def is_identity(self, node) -> bool:
        """`I` (or `I_n`) in a problem with shapes, neither declared, defined nor an index: the identity."""
        if not (self.active and isinstance(node, n.Name) and node.base == "I"):
            return False
        if (node.base, None) in self.declared or (node.base, None) in self.defs or node.base in self.ctx.index_names:
            return False
        return node.sub is None or (len(node.sub) == 1 and node.sub[0] is not None)

    def name_shape(self, node: n.Name) -> Shape:
        """A name's shape: remembered per name node once found (a declaration's never changes, nor
        does a definition's once `definition_shape` settled it); the key's hash reads every subscript
        node, and translating a matrix step asks for the same names' shapes at every entry."""
        hit = self._name_shapes.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        shape = self._name_shape(node)
        self._name_shapes[id(node)] = (node, shape)
        return shape

    def _name_shape(self, node: n.Name) -> Shape:
        k = name_key(node)
        if k in self.declared:
            if k in self.defs:
                self.definition_shape(k)  # checks the definition against the declaration
            return self.declared[k][1]
        if k in self.defs:
            return self.definition_shape(k)
        return ()

    def definition_shape(self, k) -> Shape:
        if k in self.def_shapes:
            return self.def_shapes[k]
        d = self.defs[k]
        if k in self._busy:
            raise ProofError("E204", f"the definition of `{d.target.display}` refers to itself", d.target.span)
        self._busy.add(k)
        saved_new, self._new = self._new, []
        try:
            shape = self.resolve(self.shape(d.body))
            self._settle(self._new)
        finally:
            self._busy.discard(k)
            self._new = saved_new
        if k in self.declared:
            want = self.declared[k][1]
            if not self.same(want, shape):
                raise ProofError("E212", f"`{d.target.display}` is declared {shape_text(want)} but its definition is "
                                         f"{shape_text(shape)}", d.body.span)
            shape = want
        self.def_shapes[k] = shape
        return shape

    def check_body(self, d) -> None:
        """Shape-check a family's or function's definition once (its `\\mathbf{1}` sizes settle there)."""
        if id(d) in self._checked_defs:
            return
        self._checked_defs.add(id(d))
        saved_new, self._new = self._new, []
        try:
            self.shape(d.body)
            self._settle(self._new)
        finally:
            self._new = saved_new

    def _settle(self, new: list) -> None:
        for node, d in new:
            if self.resolve_dim(d).has(sp.Dummy):
                what = "`\\mathbf{1}`" if isinstance(node, n.Ones) else "`I`"
                hint = "`\\mathbf{1}_n`" if isinstance(node, n.Ones) else "`I_n`"
                raise ProofError("E212", f"the size of {what} cannot be told from where it stands: write {hint}",
                                 node.span)

    # -------------------------------------------------------------- a step
    def check_step(self, a: n.Expr, b: n.Expr) -> Shape:
        """Both sides' shapes, which must be the same; every inferred size must be settled."""
        saved_new, self._new = self._new, []
        try:
            sa, sb = self.shape(a), self.shape(b)
            if not self.same(sa, sb):
                raise ProofError("E212", f"the two sides have different shapes: {shape_text(self.resolve(sa))} and "
                                         f"{shape_text(self.resolve(sb))}", b.span)
            self._settle(self._new)
        finally:
            self._new = saved_new
        return self.resolve(sa)

    def dim_of(self, node) -> sp.Expr:
        return self.resolve_dim(self.fresh[id(node)])

    # -------------------------------------------------------------- nodes
    def shape(self, node) -> Shape:
        key = id(node)
        hit = self.memo.get(key)
        if hit is not None and hit[0] is node:  # the node is kept, so its id is never reused meanwhile
            return hit[1]
        meth = getattr(self, "s_" + type(node).__name__, None)
        s = self.resolve(meth(node)) if meth is not None else ()
        self.memo[key] = (node, s)
        return s

    def has_matrix(self, node) -> bool:
        """Does a non-scalar value appear anywhere in this node (not through definitions)?"""
        key = ("has", id(node))
        hit = self.memo.get(key)
        if hit is not None and hit[0] is node:
            return hit[1]
        out = self.shape(node) != () or any(self.has_matrix(c) for c in n.children(node) if isinstance(c, n.Node))
        if not out:
            for c in n.children(node):
                if isinstance(c, tuple):
                    out = out or any(self.has_matrix(x) for x in c if isinstance(x, n.Node))
                    out = out or any(self.has_matrix(y) for x in c if isinstance(x, tuple) for y in x if isinstance(y, n.Node))
        self.memo[key] = (node, out)
        return out

    def s_Num(self, node):
        return ()

    def s_Name(self, node: n.Name):
        if self.is_identity(node):
            if node.sub is None:
                d = self.fresh_dim(node)
            else:
                d = _dim(node.sub[0], self.ctx)
                self.fresh[id(node)] = d
            return (d, d)
        return self.name_shape(node)

    def s_Ones(self, node: n.Ones):
        if node.size is None:
            return (self.fresh_dim(node),)
        d = _dim(node.size, self.ctx)
        self.fresh[id(node)] = d
        return (d,)

    def s_Group(self, node: n.Group):
        if len(node.items) == 1:
            return self.shape(node.items[0])
        self._scalars(node.items, "a list of values")
        return ()

    def s_Neg(self, node: n.Neg):
        return self.shape(node.arg)

    def s_Add(self, node: n.Add):
        a, b = self.shape(node.left), self.shape(node.right)
        if not self.same(a, b):
            word = "plus" if node.sign > 0 else "minus"
            raise ProofError("E212", f"`{_text(node.left)} {'+' if node.sign > 0 else '-'} {_text(node.right)}`: "
                                     f"{shape_text(self.resolve(a))} {word} {shape_text(self.resolve(b))} (nothing is broadcast)",
                             node.span)
        return a

    def s_Frac(self, node: n.Frac):
        den = self.shape(node.den)
        if den:
            raise ProofError("E212", f"dividing by {shape_text(den)}: only a scalar can divide", node.den.span)
        return self.shape(node.num)

    def s_Pow(self, node: n.Pow):
        base = self.shape(node.base)
        if _is_transpose(node.exp) and not self._scalar_name_T(node.exp):
            if not base:
                return ()
            r, c = as2d(base)
            return normalise((c, r))
        if self.shape(node.exp):
            raise ProofError("E212", f"an exponent must be a scalar, not {shape_text(self.shape(node.exp))}", node.exp.span)
        if not base:
            return ()
        if isinstance(node.base, n.Call) and node.base.func in NORMS:
            return ()
        if len(base) == 1 or (len(base) == 2 and _is_one(base[0])):
            raise ProofError("E212", f"a power of the vector `{_text(node.base)}` {shape_text(base)}: write `x^\\top x`, "
                                     "`\\|x\\|^2` or `x \\odot x`", node.span)
        k = _literal_int(node.exp)
        if k is None or not 1 <= k <= MAX_MATRIX_POWER:
            raise ProofError("E212", f"a power of a matrix must be a whole number from 1 to {MAX_MATRIX_POWER} "
                                     "(inverses are not supported)", node.exp.span)
        if not self.unify(base[0], base[1]):
            raise ProofError("E212", f"a power of a matrix that is not square: {shape_text(base)}", node.span)
        return base

    def _scalar_name_T(self, e: n.Name) -> bool:
        """`x^T` where T is a defined scalar, a size or an index is a power, not a transpose."""
        return e.base == "T" and ((e.base, None) in self.defs or e.base in self.sizes or e.base in self.ctx.index_names)

    def s_Call(self, node: n.Call):
        shapes = [self.shape(a) for a in node.args]
        if node.func in NORMS:
            (s,) = shapes if len(shapes) == 1 else (None,)
            if s is None:
                raise ProofError("E212", "a norm takes one vector or matrix", node.span)
            if not s:
                raise ProofError("E212", "the norm of a scalar: write `|x|`", node.span)
            if len(s) == 2 and not _is_one(s[0]) and node.func != "normF":
                raise ProofError("E212", f"the norm of the matrix {shape_text(s)}: write `\\|A\\|_F` for the Frobenius norm",
                                 node.span)
            return ()
        return self._apply_shape(node.func, shapes, node, node.power)

    def _apply_shape(self, fname: str, shapes: list, node, power: int = 1) -> Shape:
        if not any(shapes):
            if MATRIX_FUNCTIONS.get(fname) in ("diag", "tr"):
                raise ProofError("E212", f"`{fname}` takes a {'vector' if MATRIX_FUNCTIONS[fname] == 'diag' else 'square matrix'}, "
                                         "not a scalar", node.span)
            return ()
        word = MATRIX_FUNCTIONS.get(fname) if fname not in self.funcs else None
        if word == "diag":
            s = shapes[0]
            if len(shapes) != 1 or len(s) != 1:
                raise ProofError("E212", f"`\\mathrm{{diag}}` takes one vector, not {shape_text(s)}", node.span)
            return (s[0], s[0])
        if word == "tr":
            s = shapes[0]
            if len(shapes) != 1 or len(s) != 2 or not self.unify(s[0], s[1]):
                raise ProofError("E212", f"the trace takes a square matrix, not {shape_text(s)}", node.span)
            return ()
        if word == "softmax":
            s = shapes[0]
            if len(shapes) != 1 or len(s) != 1:
                raise ProofError("E212", f"softmax takes one column vector, not {shape_text(s)}", node.span)
            return s
        if fname in self.funcs or fname not in ELEMENTWISE and FUNCTION_WORDS.get(fname) not in ELEMENTWISE:
            raise ProofError("E212", f"`{fname}` of {shape_text(next(s for s in shapes if s))}: only built-in functions "
                                     "such as exp, log, tanh, sigma and ReLU act entry by entry on a vector", node.span)
        if len(shapes) != 1 or power != 1:
            raise ProofError("E212", f"`{fname}` acts entry by entry on one vector or matrix", node.span)
        return shapes[0]

    def s_Prime(self, node: n.Prime):
        if isinstance(node.func, n.Name) and self.is_matrix_name(node.func):
            r, c = as2d(self.shape(node.func))
            return normalise((c, r))
        return ()

    def s_Abs(self, node: n.Abs):
        s = self.shape(node.arg)
        if s:
            raise ProofError("E212", f"`|x|` of {shape_text(s)}: write `\\|x\\|` for a norm", node.span)
        return ()

    def s_Indicator(self, node: n.Indicator):
        """`(u > 0)` of a vector is 1 or 0 entry by entry (`\\mathrm{diag}(u > 0)`); shapes must match."""
        out: Shape = ()
        for t in node.cond.terms:
            s = self.shape(t)
            if s and out and not self.same(out, s):
                raise ProofError("E212", f"a comparison of {shape_text(out)} with {shape_text(s)}", node.span)
            out = s or out
        return out

    def s_Cases(self, node: n.Cases):
        for value, cond in node.rows:
            self._scalars((value,) + (cond.terms if cond is not None else ()), "a case")
        return ()

    def _scalars(self, items, what: str) -> None:
        for t in items:
            s = self.shape(t)
            if s:
                raise ProofError("E212", f"{what} of {shape_text(s)}: only scalars here", t.span)

    def s_BigOp(self, node: n.BigOp):
        for e in (node.lower, node.upper):
            if e is not None:
                self._scalars((e,), "a limit")
        return self.shape(node.body)

    def s_Entry(self, node):
        base = self.shape(node.base)
        if not base:
            return ()
        rank = len(base)
        items = node.sub
        if len(items) == 1 and rank == 2 and isinstance(items[0], n.Name) and items[0].sub is None \
                and len(items[0].base) == 2:
            items = tuple(items[0].base)
        if len(items) != rank:
            raise ProofError("E212", f"an entry of {shape_text(base)} has {rank} index(es), not {len(items)}", node.span)
        return ()

    def s_Deriv(self, node: n.Deriv):
        if node.expr is None:
            return ()
        body = self.shape(node.expr)
        var = self.name_shape(node.var) if not self.is_identity(node.var) else ()
        if (body or var) and node.order != 1:
            raise ProofError("E212", "second and higher derivatives of vectors and matrices (Hessians) are not supported",
                             node.span)
        if not var:
            return body
        if not body:
            return var
        if len(body) == 1 and len(var) == 1:
            return (body[0], var[0]) if self.ctx.layout == "numerator" else (var[0], body[0])
        raise ProofError("E212", f"the derivative of {shape_text(body)} by {shape_text(var)} is not a matrix "
                                 "(only scalars, and vectors by vectors)", node.span)

    def s_Product(self, node: n.Product):
        factors, ops = node.factors, node.ops
        acc, seen = None, []  # the shape so far, and the factors it is of (for messages)
        i = 0
        while i < len(factors):
            f = factors[i]
            op = ops[i - 1] if i > 0 else None
            nxt = factors[i + 1] if i + 1 < len(factors) else None
            joined = nxt is not None and ops[i] == "juxt"
            if isinstance(f, n.Deriv) and f.expr is None:
                d = n.operator_applied(f, factors[i + 1:], ops[i + 1:])
                if d is None:
                    return acc or ()
                s = self.s_Deriv(d)
                acc = s if acc is None else self._combine(acc, op, s, seen, f, node)
                return acc
            if joined and self.callable(f) and isinstance(nxt, n.Indicator) and self.has_matrix(nxt):
                s = self._application(f, (nxt,), node)  # `\mathrm{diag}(u > 0)`
                f = n.Product(f.span, (f, nxt), ("juxt",))
                i += 2
            elif joined and self.callable(f) and (isinstance(nxt, n.Group) or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))
                                                  or type(nxt).__name__ == "Entry"):
                group = nxt if isinstance(nxt, n.Group) else (nxt.base if isinstance(nxt, n.Pow) else nxt.base)
                s = self._application(f, group.items, node)
                f = n.Product(f.span, (f, nxt), ("juxt",))  # the application, for messages
                if type(nxt).__name__ == "Entry":
                    s = ()  # `\mathrm{softmax}(z)_i`: one entry
                elif isinstance(nxt, n.Pow) and _is_transpose(nxt.exp) and not self._scalar_name_T(nxt.exp):
                    if s:  # `\sigma(x)^\top`: the transpose of the application, as `\exp(x)^\top`
                        r, c = as2d(s)
                        s = normalise((c, r))
                elif isinstance(nxt, n.Pow) and s:
                    raise ProofError("E212", f"a power of {shape_text(s)}: write the product out", nxt.span)
                i += 2
            else:
                s = self.shape(f)
                i += 1
            acc = s if acc is None else self._combine(acc, op, s, seen, f, node)
            seen.append(f)
        return acc or ()

    def callable(self, f) -> bool:
        if isinstance(f, n.Prime):
            return not (isinstance(f.func, n.Name) and self.is_matrix_name(f.func))
        if isinstance(f, n.Name) and f.sub is None:
            if f.base in self.funcs:
                return True
            if (f.base, None) in self.defs or (f.base, None) in self.declared:
                return False
            return f.base in FUNCTION_WORDS or f.base in NETWORK_FUNCTIONS or (self.active and f.base in MATRIX_FUNCTIONS)
        return False

    def _application(self, f, items, node) -> Shape:
        shapes = [self.shape(a) for a in items]
        if isinstance(f, n.Prime):
            fname = f.func.base if isinstance(f.func, n.Name) else "?"
        else:
            fname = f.base
        return self._apply_shape(fname, shapes, node)

    def _combine(self, acc: Shape, op: str | None, s: Shape, seen: list, right, node) -> Shape:
        left = n.Product(seen[0].span, tuple(seen), ("juxt",) * (len(seen) - 1)) if len(seen) > 1 else seen[0]
        if op == "/":
            if s:
                raise ProofError("E212", f"dividing by {shape_text(s)}: only a scalar can divide", right.span)
            return acc
        if op == "odot":
            if not self.same(acc, s):
                raise ProofError("E212", f"`\\odot` of {shape_text(self.resolve(acc))} and {shape_text(self.resolve(s))}: "
                                         "the Hadamard product needs two of the same shape", node.span)
            return acc
        if not acc:
            return s
        if not s:
            return acc
        a2, b2 = as2d(acc), as2d(s)
        if len(acc) == 1 and len(s) == 1:
            raise ProofError("E212", f"`{_text(left)} {_text(right)}`: {shape_text(acc)} times {shape_text(s)}, two column "
                                     "vectors: for a dot product write `x^\\top y`, for an outer product `x y^\\top`",
                             node.span)
        if not self.unify(a2[1], b2[0]):
            raise ProofError("E212", f"`{_text(left)} {_text(right)}`: {shape_text(self.resolve(acc))} times "
                                     f"{shape_text(self.resolve(s))}: the left has {_count(self.resolve_dim(a2[1]), 'column')}, "
                                     f"the right {_count(self.resolve_dim(b2[0]), 'row')}", node.span)
        entry = self.sums.get(id(node))
        if entry is None or entry[0] is not node:
            entry = self.sums[id(node)] = (node, [])
        entry[1].append((a2[1], seen[-1], right))
        return normalise((a2[0], b2[1]))


def _literal_int(e) -> int | None:
    if isinstance(e, n.Num):
        try:
            return int(e.text)
        except ValueError:
            return None
    return None



_SHAPES: dict = {}


def shapes_of(ctx) -> Shapes:
    """The shape pass of a context (one per context object in a process; a checker job is one process)."""
    s = _SHAPES.get(id(ctx))
    if s is None or s.ctx is not ctx:
        if len(_SHAPES) > 64:
            _SHAPES.clear()
        s = _SHAPES[id(ctx)] = Shapes(ctx)
    return s


# ------------------------------------------------------------------ pass 2: entries


class Mat:
    """A vector or matrix at concrete sizes: row-major scalar entries (SymPy or autodiff values).

    Entries may be given lazily (`entry(i, j)`), as a derivative's are: a comparison that needs only
    some entries (`representatives`) then never computes the others."""

    __slots__ = ("rows", "cols", "_entries", "_entry", "_done")

    def __init__(self, rows: int, cols: int, entries: tuple | None = None, entry=None):
        self.rows, self.cols = rows, cols
        self._entries, self._entry, self._done = entries, entry, {}

    @property
    def entries(self) -> tuple:
        if self._entries is None:
            self._entries = tuple(self.at(i, j) for i in range(self.rows) for j in range(self.cols))
        return self._entries

    def at(self, i: int, j: int):
        if self._entries is not None:
            return self._entries[i * self.cols + j]
        if (i, j) not in self._done:
            self._done[(i, j)] = self._entry(i, j)
        return self._done[(i, j)]

    def map(self, fn) -> "Mat":
        return Mat(self.rows, self.cols, tuple(fn(x) for x in self.entries))

    def transpose(self) -> "Mat":
        return Mat(self.cols, self.rows, entry=lambda i, j: self.at(j, i))


@dataclass
class EntryRecord(DerivativeRecord):
    """One entry of a derivative whose value is a vector or matrix: `entry` is its (row, column)."""

    entry: tuple = (0, 0)


class MatrixMixin:
    """Matrix values for `Translator` and the autodiff `Evaluator`: every matrix node becomes a `Mat` of
    scalar entries; everything scalar is left to the class below (so both read scalars the same way)."""

    def __post_init__(self):
        super().__post_init__()
        self.shapes = shapes_of(self.context)
        self._dims: dict = {}  # dimension -> its whole value at this translator's sizes (asked for every entry)
        self._dim_subs = {dim_symbol(k): sp.Integer(val) for k, val in self.sizes.items()}
        self._primes: dict = {}  # (function, scope) -> (dummy, its derivative at the dummy): `prime_value`

    # -------------------------------------------------------------- hooks (SymPy here; autodiff below)
    def total(self, xs: list):
        return sp.Add(*xs)

    def prime_value(self, fname: str, v, scope: Scope, span):
        """`f'` at one entry: f differentiated once per function and scope at a dummy, then put at each
        entry (`\\sigma'(Z)` has one derivative, not one per entry). A derivative whose function
        records domain conditions is made afresh each time, so each entry records its own."""
        key = (fname, scope)
        template = self._primes.get(key)
        if template is None:
            x = sp.Dummy("x", real=True)
            conds = getattr(self, "_conds", None)  # a domain-recording translator's (check/domain.py)
            mark = len(conds) if conds is not None else 0
            template = (x, derivative(self.apply_name(fname, (), scope, span, pre=[x]), x))
            if conds is None or len(conds) == mark:
                self._primes[key] = template
            else:  # the function's domain at this entry (`\log'(z)`: z_i > 0), soft as for a scalar f'
                conds[mark:] = [c.substitute({x: v}) for c in conds[mark:]]
        x, fx = template
        return fx.xreplace({x: v})

    # -------------------------------------------------------------- sizes
    def dim_value(self, d, span) -> int:
        """The whole value of a dimension at this instance; `span` locates the E212 when it has none."""
        known = self._dims.get(d)  # (a whole value, never None)
        if known is not None:
            return known
        r = self.shapes.resolve_dim(d)
        v = r.xreplace(self._dim_subs)
        if not (v.is_Integer and v >= 1):
            raise ProofError("E212", f"the dimension {_dim_text(r)} has no whole value here (is every size declared?)",
                             span)
        self._dims[d] = int(v)
        return int(v)

    def grid(self, shape: Shape, span) -> tuple[int, int]:
        r, c = as2d(shape)
        return self.dim_value(r, span), self.dim_value(c, span)

    def one(self):
        return self.constant(sp.Integer(1))

    def zero(self):
        return self.constant(sp.Integer(0))

    # -------------------------------------------------------------- dispatch
    def translate(self, node):
        self.shapes.shape(node)
        self.members = getattr(self, "members", ()) + (node,)
        return self.expr(node, self.scope())

    def positions(self, rows: int, cols: int) -> list[tuple[int, int]]:
        """The entries a comparison of two values of this step must look at: all of them, or one per
        orbit when the step is entry-symmetric (`entry_symmetric`)."""
        every = [(i, j) for i in range(rows) for j in range(cols)]
        members = getattr(self, "members", ())
        if not members or self.free or not self.shapes.symmetric(members):
            return every
        shape = self.shapes.shape(members[0])
        if len(shape) == 2 and sp.expand(shape[0] - shape[1]) == 0:
            return [(0, 0)] + ([(0, 1)] if cols > 1 else [])  # a square shape: the diagonal and the rest
        return [(0, 0)]

    def expr(self, node, scope: Scope):
        v = super().expr(node, scope)
        if isinstance(v, Mat) and v.rows * v.cols == 1 and self.shapes.shape(node) == ():
            return v.at(0, 0)
        return v

    # -------------------------------------------------------------- names
    def entry_keys(self, node: n.Name) -> tuple[Shape, list]:
        """A matrix name's shape and its entry keys, row-major: (W, (i, j)) or (x, (i,)) (1-based)."""
        shape = self.shapes.name_shape(node)
        r, c = self.grid(shape, node.span)
        base = mbase(node)
        if len(shape) == 1:
            return shape, [(base, (i + 1,)) for i in range(r)]
        return shape, [(base, (i + 1, j + 1)) for i in range(r) for j in range(c)]

    def t_Name(self, node: n.Name, scope: Scope):
        if self.shapes.is_identity(node):
            k = self.dim_value(self.shapes.dim_of(node), node.span) if id(node) in self.shapes.fresh else None
            if k is None:
                self.shapes.shape(node)
                k = self.dim_value(self.shapes.dim_of(node), node.span)
            return Mat(k, k, tuple(self.one() if i == j else self.zero() for i in range(k) for j in range(k)))
        if self.shapes.active and self.shapes.is_matrix_name(node):
            shape, keys = self.entry_keys(node)
            r, c = self.grid(shape, node.span)
            return Mat(r, c, tuple(self.resolve(k, node, scope) for k in keys))
        return super().t_Name(node, scope)

    def _whole(self, base: str):
        """The whole-matrix definition (and its name node) whose entries have keys with this base; found
        once per base in a context (the definitions and their shapes do not change), not at every entry."""
        wholes = self.shapes._wholes
        if base in wholes:
            return wholes[base]
        found = None
        for k, d in self.shapes.defs.items():
            if mbase(d.target) == base and self.shapes.name_shape(d.target) != ():
                found = d
                break
        wholes[base] = found
        return found

    def resolve(self, key, node, scope: Scope):
        if key in scope.cut:
            return self.cut_value(key)
        if key[1] and self.shapes.active:
            d = self._whole(key[0])
            if d is not None:
                shape = self.shapes.name_shape(d.target)
                r, c = self.grid(shape, node.span)
                ints = key[1]
                pos = (ints[0], 1) if len(shape) == 1 and len(ints) == 1 else ints
                if len(pos) != 2 or not (1 <= pos[0] <= r and 1 <= pos[1] <= c):
                    raise ProofError("E205", f"`{key[0]}` has no entry {ints} (its shape is {r} x {c} here)", node.span)
                m = self._definition_value(d, scope)
                return m.at(pos[0] - 1, pos[1] - 1)
        d, _ = self.lookup(key)
        if d is not None and self.shapes.active:
            self.shapes.check_body(d)
        if d is None and key[1] and self.shapes.active:
            self._check_entry(key, node)
        return super().resolve(key, node, scope)

    def _check_entry(self, key, node) -> None:
        """`W_{ij}` of a declared W must be one of its entries at these sizes (E205 otherwise)."""
        for name, (decl, shape) in self.shapes.declared.items():
            if mbase(decl) != key[0]:
                continue
            r, c = self.grid(shape, node.span)
            ints = key[1]
            pos = (ints[0], 1) if len(shape) == 1 and len(ints) == 1 else ints
            if len(pos) != 2 or not (1 <= pos[0] <= r and 1 <= pos[1] <= c):
                raise ProofError("E205", f"`{node.display}` (here `{key_name(key)}`) is not an entry of `{decl.display}` {shape_text(shape)}: "
                                         f"here it is {r} x {c}", node.span)

    def _definition_value(self, d, scope: Scope) -> Mat:
        ck = self.cache_key(("mat:" + mbase(d.target), ()), scope)
        if ck in self._cache:
            return self._cache[ck]
        if ck in self._expanding:
            raise ProofError("E204", f"the definition of `{d.target.display}` refers to itself", d.target.span)
        self._expanding.add(ck)
        try:
            v = self.expr(d.body, Scope((), (), scope.cut))
        finally:
            self._expanding.discard(ck)
        self._cache[ck] = v
        return v

    def t_Ones(self, node: n.Ones, scope: Scope):
        self.shapes.shape(node)
        k = self.dim_value(self.shapes.dim_of(node), node.span)
        return Mat(k, 1, tuple(self.one() for _ in range(k)))

    # -------------------------------------------------------------- arithmetic
    # Sums and products of two values are lazy: an entry is computed when it is first asked for, so a
    # comparison of representative entries (`positions`) builds only what feeds them (`J^T v` with J
    # n x n needs one column of J for entry 1, not all n^2 derivatives). Their entries are plain
    # arithmetic on entries already translated, so no translator hook (domain conditions, definitions,
    # errors) runs late: those all ran when the operands were translated.
    def madd(self, a, b, sign: int):
        if sign > 0:
            return Mat(a.rows, a.cols, entry=lambda i, j: a.at(i, j) + b.at(i, j))
        return Mat(a.rows, a.cols, entry=lambda i, j: a.at(i, j) - b.at(i, j))

    def matmul(self, a, b):
        if not isinstance(a, Mat):
            return b.map(lambda y: a * y)
        if not isinstance(b, Mat):
            return a.map(lambda x: x * b)
        if a.cols != b.rows:  # a 1 x 1 product is a number (`x^\top x \mathbf{1}_b`: it crashed, red team round 32)
            if a.rows == a.cols == 1:
                return b.map(lambda y: a.at(0, 0) * y)
            if b.rows == b.cols == 1:
                return a.map(lambda x: x * b.at(0, 0))
        return Mat(a.rows, b.cols, entry=lambda i, j: self.total([a.at(i, k) * b.at(k, j) for k in range(a.cols)]))

    def hadamard(self, a, b):
        if not isinstance(a, Mat) or not isinstance(b, Mat):
            return self.matmul(a, b)
        return Mat(a.rows, a.cols, entry=lambda i, j: a.at(i, j) * b.at(i, j))

    def t_Add(self, node: n.Add, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Add(node, scope)
        a, b = self.expr(node.left, scope), self.expr(node.right, scope)
        if isinstance(a, Mat) and isinstance(b, Mat):
            return self.madd(a, b, node.sign)
        return a + b if node.sign > 0 else a - b

    def t_Neg(self, node: n.Neg, scope: Scope):
        v = self.expr(node.arg, scope)
        return v.map(lambda x: -x) if isinstance(v, Mat) else -v

    def t_Frac(self, node: n.Frac, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Frac(node, scope)
        num, den = self.expr(node.num, scope), self.expr(node.den, scope)
        if isinstance(den, Mat):
            return num.map(lambda x: x / den) if isinstance(num, Mat) else num / den
        # through the divide hook, so den != 0 is a domain condition (check/domain.py): `\frac{(\mathbf{1}^\top
        # v > 0)}{(\mathbf{1}^\top v > 0)} = 1` lost it to SymPy's cancellation and was `numeric` (round 34)
        return num.map(lambda x: self.divide(x, den)) if isinstance(num, Mat) else self.divide(num, den)

    def t_Group(self, node: n.Group, scope: Scope):
        return super().t_Group(node, scope)

    def t_Pow(self, node: n.Pow, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Pow(node, scope)
        s = self.shapes
        if _is_transpose(node.exp) and not s._scalar_name_T(node.exp):
            v = self.expr(node.base, scope)
            return v.transpose() if isinstance(v, Mat) else v
        if isinstance(node.base, n.Call) and node.base.func in NORMS and _literal_int(node.exp) == 2 \
                and node.base.func != "norm1":
            m = self.expr(node.base.args[0], scope)
            return self.total([x * x for x in m.entries])  # `\|v\|^2`: the sum of squares, no square root
        base = self.expr(node.base, scope)
        if isinstance(base, Mat):
            out = base
            for _ in range(_literal_int(node.exp) - 1):
                out = self.matmul(out, base)
            return out
        return self.power(base, self.expr(node.exp, scope), node)

    def t_Prime(self, node: n.Prime, scope: Scope):
        if isinstance(node.func, n.Name) and self.shapes.is_matrix_name(node.func):
            return self.expr(node.func, scope).transpose()  # `W'`: the transpose of a declared matrix
        return super().t_Prime(node, scope)

    def t_BigOp(self, node: n.BigOp, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_BigOp(node, scope)
        var, cond_rel = self.bound_variable(node, scope)
        lo, hi = self.bounds(node, var, scope)
        terms = []
        for v in range(lo, hi + 1):
            inner = scope.bind(var, v)
            if cond_rel is not None and not all(bool(r) for r in self.condition(cond_rel, inner)):
                continue
            terms.append(self.expr(node.body, inner))
        if node.op == "prod" and any(isinstance(t, Mat) for t in terms):
            raise ProofError("E212", "a product `\\prod` of vectors or matrices is not supported", node.span)
        if not terms:
            r, c = self.grid(self.shapes.shape(node), node.span)
            return Mat(r, c, tuple(self.zero() for _ in range(r * c)))
        return functools.reduce(lambda a, b: self.madd(a, b, 1) if isinstance(a, Mat) else a + b, terms)

    def t_Entry(self, node, scope: Scope):
        base = self.expr(node.base, scope)
        if not isinstance(base, Mat):
            parent = getattr(super(), "t_Entry", None)
            if parent is None:
                raise ProofError("E201", "an entry `(...)_i` only makes sense of a vector or matrix", node.span)
            return parent(node, scope)
        return self._entry(base, node, scope)

    def _entry(self, m: Mat, node, scope: Scope):
        items = node.sub
        rank = len(self.shapes.shape(node.base))
        if len(items) == 1 and rank == 2 and isinstance(items[0], n.Name) and items[0].sub is None and len(items[0].base) == 2:
            items = tuple(n.Name(items[0].span, ch) for ch in items[0].base)
        pos = [self.int_value(x, scope) for x in items]
        if any(p is None for p in pos):
            raise ProofError("E205", "an entry's indices must be whole numbers or bound indices", node.span)
        i, j = (pos[0], 1) if len(pos) == 1 else pos
        if not (1 <= i <= m.rows and 1 <= j <= m.cols):
            raise ProofError("E205", f"entry {tuple(pos) if len(pos) > 1 else pos[0]} is outside the {m.rows} x {m.cols} "
                                     "value here", node.span)
        return m.at(i - 1, j - 1)

    def t_Indicator(self, node: n.Indicator, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Indicator(node, scope)
        terms = [self.expr(t, scope) for t in node.cond.terms]
        shaped = next((t for t in terms if isinstance(t, Mat)), None)
        if shaped is None:  # every term a number (`(\mathbf{1}^\top v)^2 > t`): a number; it crashed with StopIteration
            out = self.one()
            for op, a, b in zip(node.cond.ops, terms, terms[1:]):
                out = out * self.indicator_value(op, a, b)
            return out

        def entry(i, j):
            vals = [t.at(i, j) if isinstance(t, Mat) else t for t in terms]
            out = self.one()
            for op, a, b in zip(node.cond.ops, vals, vals[1:]):
                out = out * self.indicator_value(op, a, b)
            return out

        return Mat(shaped.rows, shaped.cols, tuple(entry(i, j) for i in range(shaped.rows) for j in range(shaped.cols)))

    def indicator_value(self, op: str, a, b):
        return _indicator(op, a, b)

    # -------------------------------------------------------------- products and functions
    def _callable(self, f) -> bool:
        if self.shapes.active:
            return self.shapes.callable(f)
        return super()._callable(f)

    def t_Product(self, node: n.Product, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Product(node, scope)
        factors, ops = node.factors, node.ops
        acc = None
        i = 0
        while i < len(factors):
            f = factors[i]
            op = ops[i - 1] if i > 0 else None
            nxt = factors[i + 1] if i + 1 < len(factors) else None
            joined = nxt is not None and ops[i] == "juxt"
            if isinstance(f, n.Deriv) and f.expr is None:
                d = n.operator_applied(f, factors[i + 1:], ops[i + 1:])
                if d is None:
                    raise ProofError("E202", "a derivative operator needs an expression to act on", f.span)
                self.shapes.shape(d)
                v = self.t_Deriv(d, scope)
                acc = v if acc is None else self._join(acc, op, v)
                break
            is_entry = type(nxt).__name__ == "Entry"
            if joined and self._callable(f) and isinstance(nxt, n.Indicator) and self.shapes.has_matrix(nxt):
                v = self.apply(f, (nxt,), scope, f.span)  # `\mathrm{diag}(u > 0)`
                i += 2
            elif joined and self._callable(f) and (isinstance(nxt, n.Group) or is_entry
                                                 or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))):
                group = nxt.base if isinstance(nxt, n.Pow) or is_entry else nxt
                v = self.apply(f, group.items, scope, f.span)
                if is_entry:
                    if not isinstance(v, Mat):
                        return super().t_Product(node, scope)
                    v = self._entry_of_value(v, nxt, scope)
                elif isinstance(nxt, n.Pow) and _is_transpose(nxt.exp) and not self.shapes._scalar_name_T(nxt.exp):
                    v = v.transpose() if isinstance(v, Mat) else v  # `\sigma(x)^\top`
                elif isinstance(nxt, n.Pow):
                    v = self.power(v, self.expr(nxt.exp, scope), nxt)
                i += 2
            else:
                v = self.expr(f, scope)
                i += 1
            acc = v if acc is None else self._join(acc, op, v)
        return acc

    def _entry_of_value(self, m: Mat, entry, scope: Scope):
        pos = [self.int_value(x, scope) for x in entry.sub]
        if any(p is None for p in pos) or len(pos) > 2:
            raise ProofError("E205", "an entry's indices must be whole numbers or bound indices", entry.span)
        i, j = (pos[0], 1) if len(pos) == 1 else pos
        if not (1 <= i <= m.rows and 1 <= j <= m.cols):
            raise ProofError("E205", f"entry {pos} is outside the {m.rows} x {m.cols} value here", entry.span)
        return m.at(i - 1, j - 1)

    def _join(self, acc, op, v):
        if op == "/":
            return acc.map(lambda x: x / v) if isinstance(acc, Mat) else acc / v
        if op == "odot":
            return self.hadamard(acc, v)
        if isinstance(acc, Mat) or isinstance(v, Mat):
            return self.matmul(acc, v)
        return acc * v

    def apply(self, f, args, scope: Scope, span):
        if not self.shapes.active or not (any(self.shapes.has_matrix(a) for a in args)
                                          or (isinstance(f, n.Name) and f.base in MATRIX_FUNCTIONS and f.base not in self.funcs)):
            return super().apply(f, args, scope, span)
        values = [self.expr(a, scope) for a in args]
        if isinstance(f, n.Prime):
            fname = f.func.base
            return values[0].map(lambda v: self.prime_value(fname, v, scope, span))
        return self.matrix_function(f.base, values, scope, span)

    def matrix_function(self, base: str, values: list, scope: Scope, span):
        word = MATRIX_FUNCTIONS.get(base)
        if len(values) > 1:
            # several arguments (`\min(u^\top u + 1, 1)`): each must be a number, and every one is passed
            # (only the first was: `\min(u^\top u + 1, 1) = u^\top u + 1` was accepted, red team round 32)
            args = [v.entries[0] if isinstance(v, Mat) and v.rows == v.cols == 1 else v for v in values]
            if word is not None or any(isinstance(v, Mat) for v in args):
                raise ProofError("E212", f"`{base}` of several arguments takes numbers, not vectors or matrices", span)
            return self.builtin(FUNCTION_WORDS.get(base, base), args, span)
        m = values[0]
        if not isinstance(m, Mat):  # a 1 x 1 product (`\log(\mathbf{1}^\top \exp(z))`) is a scalar
            if word is None:
                return self.builtin(FUNCTION_WORDS.get(base, base), [m], span)
            m = Mat(1, 1, (m,))
        if word == "diag":
            k = m.rows * m.cols
            return Mat(k, k, tuple(m.entries[i] if i == j else self.zero() for i in range(k) for j in range(k)))
        if word == "tr":
            return self.total([m.at(i, i) for i in range(m.rows)])
        if word == "softmax":
            exps = [self.builtin("exp", [v], span) for v in m.entries]
            s = self.total(exps)
            return Mat(m.rows, m.cols, tuple(e / s for e in exps))
        fname = FUNCTION_WORDS.get(base, base)
        return m.map(lambda v: self.builtin(fname, [v], span))

    def t_Call(self, node: n.Call, scope: Scope):
        if not self.shapes.has_matrix(node):
            return super().t_Call(node, scope)
        if node.func in NORMS:
            m = self.expr(node.args[0], scope)
            if node.func == "norm1":
                return self.total([self.builtin("abs", [x], node.span) for x in m.entries])
            return self.builtin("sqrt", [self.total([x * x for x in m.entries])], node.span)
        values = [self.expr(a, scope) for a in node.args]
        name = "sigmoid" if node.func == "sigma" else node.func
        return self.matrix_function(name, values, scope, node.span)

    # -------------------------------------------------------------- derivatives
    def derivative_plan(self, node: n.Deriv, scope: Scope):
        """What a matrix derivative is made of: (result shape, [(position, output entry or None, input key)]),
        the variable's keys and whether the variable is a vector or matrix name."""
        s = self.shapes
        var = node.var
        body_shape = s.shape(node.expr)
        if s.is_matrix_name(var):
            vshape, keys = self.entry_keys(var)
            vr, vc = self.grid(vshape, node.span)
            if not body_shape:  # the gradient: shaped like the variable
                plan = [((k // vc, k % vc), None, key) for k, key in enumerate(keys)]
                return (vr, vc), plan, keys
            br, _ = self.grid(body_shape, node.span)
            if self.context.layout == "numerator":  # J_ij = d y_i / d x_j
                plan = [((i, j), i, keys[j]) for i in range(br) for j in range(vr)]
                return (br, vr), plan, keys
            plan = [((j, i), i, keys[j]) for i in range(br) for j in range(vr)]
            return (vr, br), plan, keys
        key = self.derivative_key(node, scope)
        br, bc = self.grid(body_shape, node.span)
        plan = [((i, j), i * bc + j, key) for i in range(br) for j in range(bc)]
        return (br, bc), plan, [key]

    def t_Deriv(self, node: n.Deriv, scope: Scope):
        if not self.shapes.has_matrix(node) or self.shapes.shape(node) == ():
            return super().t_Deriv(node, scope)  # a scalar by a scalar (`\frac{\partial (x^\top x)}{\partial x_j}`)
        if node.expr is None:
            raise ProofError("E202", "a derivative operator needs an expression to act on", node.span)
        (rows, cols), plan, keys = self.derivative_plan(node, scope)
        inner = Scope(scope.ints, scope.params, scope.cut | set(keys))
        body = self.expr(node.expr, inner)
        back = {}
        for key in keys:
            if key not in scope.cut:
                v = self.resolve(key, node.var, Scope(scope.ints, scope.params, scope.cut))
                if v != leaf_symbol(key):
                    back[leaf_symbol(key)] = v
        by_pos = {pos: (which, key) for pos, which, key in plan}

        def entry(i, j):
            which, key = by_pos[(i, j)]
            y = body if which is None else body.at(which // body.cols, which % body.cols)
            value = derivative(y, leaf_symbol(key))
            if back:
                value = value.xreplace(back)
            self.derivatives.append(EntryRecord(node, key, value, scope, entry=(i, j)))
            return value

        return Mat(rows, cols, entry=entry)


_NOT_FINITE = (sp.oo, -sp.oo, sp.zoo, sp.nan)
_NOT_FINITE_SET = frozenset(_NOT_FINITE)


def _has_derivative_or_infinity(e) -> bool:
    """`e.has(sp.Derivative, sp.Subs, *_NOT_FINITE)`, each distinct subtree looked at once (`has` walks
    every repeat of a shared subtree)."""
    from .check.kinks import distinct_subtrees  # noqa: PLC0415  (check/ imports this module)

    return any(isinstance(u, (sp.Derivative, sp.Subs)) or (isinstance(u, sp.Basic) and u in _NOT_FINITE_SET)
               for u in distinct_subtrees(e, set()))


def derivative(e: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """`sp.diff(e, x)`, the same expression, with each distinct subexpression differentiated once.

    An entry of a matrix derivative is the derivative of a large tree in which the same subtrees
    recur (`\\frac{\\partial L}{\\partial W_1}` of a squared norm: each hidden unit's sigmoid sits in
    every output's entry), and `sp.diff` differentiates every occurrence anew, each time asking
    whether the result is zero and, for a power, building the logarithm of its base even when the
    exponent is constant (`0 \\cdot \\log(b)`, dropped at once). Here sums, products and powers
    follow SymPy's own rules (its `Add._eval_derivative`, the Leibniz rule of
    `Mul._eval_derivative_n_times` and `Pow._eval_derivative`) over a memo; every other node
    (functions, piecewise values, indicators) is left to `sp.diff`. A tree holding an unevaluated
    derivative goes to `sp.diff` whole, which also makes such derivatives canonical, and so does one
    holding an infinity or NaN (there `0` times a factor is not 0, so no term may be skipped).
    `tests/test_matrix_speed.py` checks the result is structurally SymPy's."""
    from .check.certified import generic_free_symbols  # noqa: PLC0415  (check/ imports this module)

    if _has_derivative_or_infinity(e):
        return sp.diff(e, x)
    memo: dict = {}
    has: dict = {}

    def holds_x(u) -> bool:
        found = has.get(u)
        if found is None:
            if u.is_Symbol:
                found = u == x
            elif type(u) in (sp.Add, sp.Mul, sp.Pow) or generic_free_symbols(type(u)):
                found = any(holds_x(a) for a in u.args)  # x is free in u exactly when in one of its arguments
            else:
                found = x in u.free_symbols
            has[u] = found
        return found

    def d(u):
        got = memo.get(u)
        if got is not None:
            return got
        if not holds_x(u):
            got = sp.S.Zero
        elif u == x:
            got = sp.S.One
        elif type(u) is sp.Add:
            got = sp.Add(*[d(a) for a in u.args])
        elif type(u) is sp.Mul:
            args = u.args
            # a factor without x contributes 0 times the others, which is 0 (no factor is infinite)
            got = sp.Add(*[sp.Mul(*(args[:i] + (d(a),) + args[i + 1:])) for i, a in enumerate(args) if holds_x(a)])
        elif type(u) is sp.Pow:
            base, exp = u.args
            if holds_x(exp):
                got = u * (d(exp) * sp.log(base) + d(base) * exp / base)
            else:
                got = u * (d(base) * exp / base)
        else:
            got = sp.diff(u, x)
        memo[u] = got
        return got

    return d(e)


def entry_symmetric(ctx, members, shapes: Shapes) -> bool:
    """May one entry stand for every entry of its orbit? True when nothing singles out an index value:
    no subscript other than plain index names (a matrix *name* such as `W_1` aside), no literal entry
    (`[W x]_1`, `x_1` of a declared x), no sum with explicit limits, no index compared by order, no
    index range other than `1..N` with N a size, no case and no given point.

    Why that suffices: the shape checker pairs only axes of the same symbolic dimension (products,
    sums, Hadamard products, transposes, diag, tr, I, 1, derivatives), so renumbering the index set of
    each dimension, applied to every input, permutes every value's entries the same way; the
    difference of the two sides at entry (i, j) is then its entry (1, 1) at renumbered inputs, which
    the sampler draws from the same distribution. With rows and columns of one dimension the
    orbits are the diagonal and the rest. `tests/adversarial/matrices/` holds the claims this would
    let through if any of those conditions were dropped."""
    if ctx.point or ctx.case:
        return False
    for _, lo, hi in ctx.indices:
        if not (isinstance(lo, n.Num) and lo.text == "1" and isinstance(hi, n.Name) and hi.sub is None):
            return False
    idx = ctx.index_names
    nodes = list(members) + [d.body for d in ctx.definitions] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions)
    ok = True
    # an index or sum variable used as a number (`i x_i`, `(-1)^{i+1}`, `\sum_k k x_k`) singles out
    # index values, as in the scalar rule (`check.instances.uses_as_number`)
    numbers = set(idx) | {x.var.base for x in n.subtrees(nodes) if isinstance(x, n.BigOp) and x.var is not None}

    def plain(item) -> bool:
        if not (isinstance(item, n.Name) and item.sub is None):
            return False
        return item.base in idx or (len(item.base) > 1 and all(c in idx for c in item.base))

    def walk(x):
        nonlocal ok
        if not ok:
            return
        if isinstance(x, n.Name):
            if x.sub is None and x.base in numbers:
                ok = False  # an index outside a subscript and outside a comparison with indices: a number
            elif x.sub is not None and shapes.name_shape(x) == () and not all(plain(i) for i in x.sub):
                ok = False
            return
        if type(x).__name__ == "Entry":
            if not all(plain(i) for i in x.sub):
                ok = False
                return
            walk(x.base)  # its subscript is plain indices: no number
            return
        if isinstance(x, n.BigOp):
            if x.lower is not None or x.upper is not None:
                ok = False
                return
            walk((x.cond, x.body))  # its variable is bound, not a number
            return
        if isinstance(x, n.Condition) and any(nm.sub is None and nm.base in idx for nm in n.names(x)):
            # an index compared by order, or with anything but another index (`i = 2`), singles it out
            if any(op not in ("=", "!=") for op in x.ops) or not all(plain(t) for t in x.terms):
                ok = False
            return  # else indices compared among themselves (`i = j`): no number
        for y in n.children(x):
            if isinstance(y, (n.Node, tuple)):
                walk(y)

    walk(nodes)
    return ok


class MatrixTranslator(MatrixMixin, Translator):
    """The SymPy translator with vectors and matrices (used when a problem declares shapes)."""


def translator_class(ctx):
    return MatrixTranslator if ctx.shapes else Translator


def step_shape(ctx, a: n.Expr, b: n.Expr) -> tuple[Shape, bool]:
    """Shape-check a step (E212 on a mismatch): its shape and whether any vector or matrix is involved."""
    if not ctx.shapes:
        return (), False
    s = shapes_of(ctx)
    shape = s.check_step(a, b)
    used = s.has_matrix(a) or s.has_matrix(b) or _uses_matrix_names(s, (a, b))
    return shape, used


def _uses_matrix_names(s: Shapes, nodes) -> bool:
    """Does a step reach a vector or matrix through the definitions it uses (`L` defined by a norm)?"""
    seen: set = set()
    todo = list(nodes)
    while todo:
        x = todo.pop()
        for nm in n.names(x):
            k = name_key(nm)
            if k in seen:
                continue
            seen.add(k)
            if s.name_shape(nm) != () or s.is_identity(nm):
                return True
            base = (nm.base, None)
            if base in s.declared and nm.sub is not None:
                return True  # an entry W_{ij} of a declared matrix
            for key in (k, base):
                if key in s.defs:
                    todo.append(s.defs[key].body)
            for d in s.ctx.definitions:
                if d.target.base == nm.base and d.params is None and name_key(d.target) not in seen:
                    todo.append(d.body)
    return False



# ------------------------------------------------------------------ the autodiff side


class MatrixEvaluator(MatrixMixin, Evaluator):
    """The autodiff evaluator with vectors and matrices: entries are autodiff numbers, and each entry of
    a matrix derivative is one `grad` with every entry of the variable cut (the others held at their
    values), the same semantics as the SymPy side, built from nodes."""

    def total(self, xs: list):
        return functools.reduce(operator.add, xs)

    def indicator_value(self, op: str, a, b):
        x, y = self.be.raw(a), self.be.raw(b)
        if x == y and op not in ("=", "!="):
            self.kink_hit = True
        return self.be.lift(1.0 if {">": x > y, "<": x < y, ">=": x >= y, "<=": x <= y, "=": x == y, "!=": x != y}[op] else 0.0)

    def prime_value(self, fname: str, v, scope: Scope, span):
        return self.be.derivative(lambda x: self.apply_name(fname, (), scope, span, pre=[x]), v, 1)

    def _entry_derivative(self, node: n.Deriv, scope: Scope, which, key, keys: list):
        at = {k: self.resolve(k, node.var, scope) for k in keys}
        inner = Scope(scope.ints, scope.params, scope.cut | set(keys))

        def body(v):
            saved = {k: self._overrides.get(k) for k in keys}
            for k in keys:
                self._serial += 1
                self._overrides[k] = (self._serial, v if k == key else at[k])
            try:
                y = self.expr(node.expr, inner)
                return y if which is None else y.at(which // y.cols, which % y.cols)
            finally:
                for k, s in saved.items():
                    if s is None:
                        del self._overrides[k]
                    else:
                        self._overrides[k] = s

        return self.be.derivative(body, at[key], 1)

    def t_Deriv(self, node: n.Deriv, scope: Scope):
        if not self.shapes.has_matrix(node) or self.shapes.shape(node) == ():
            return super().t_Deriv(node, scope)  # a scalar by a scalar (`\frac{\partial (x^\top x)}{\partial x_j}`)
        (rows, cols), plan, keys = self.derivative_plan(node, scope)
        by_pos = {pos: (which, key) for pos, which, key in plan}
        return Mat(rows, cols, entry=lambda i, j: self._entry_derivative(node, scope, *by_pos[(i, j)], keys))

    def derivative_value(self, record: DerivativeRecord, params: tuple = ()) -> float:
        if not isinstance(record, EntryRecord):
            return super().derivative_value(record, params)
        scope = Scope(record.scope.ints, tuple((k, self._num(v)) for k, v in params), frozenset())
        self.kink_hit = False
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                _, plan, keys = self.derivative_plan(record.node, scope)
                which, key = next((w, k) for pos, w, k in plan if pos == record.entry)
                v = self.be.raw(self._entry_derivative(record.node, scope, which, key, keys))
            except (ArithmeticError, ValueError, TypeError, RuntimeError, StopIteration) as exc:
                raise Unsupported(f"{type(exc).__name__}: {exc}") from exc
        if not math.isfinite(v):
            raise Unsupported("not finite")
        return v



# ------------------------------------------------------------------ the degree in the entries


LINEAR_MATRIX_FUNCTIONS = frozenset({"diag", "tr"})  # built-ins linear in their argument's entries
KINKED_FUNCTIONS = frozenset({"relu", "max", "min", "abs", "sign"})  # kinks of entries (`entry_degree`)
STEP_FUNCTIONS = frozenset({"sign"})  # kinks whose value is constant where the argument keeps its sign


SUMMING_WORDS = frozenset({"softmax", "lse", "max", "min"})  # built-ins that may sum (or reduce) over their argument
ZERO_AT_ZERO = frozenset({"relu", "abs", "tanh", "sin", "sinh", "arctan", "erf", "gelu"})  # f(0) = 0, entrywise


def number_sizes(ctx, nodes, pinned: frozenset = frozenset()) -> set[str]:
    """The sizes that the members, definitions expanded, may use as numbers through vectors and
    matrices. Set every input's entries past a size n' to 0 (`vanish`: the axes along which a value's
    entries past n' are then 0: an input's, a sum or product of such, `W x`, `\\mathrm{ReLU}(W x)`;
    not `\\mathbf{1}`, `I`, `\\sigma(W x)`, `b \\mathbf{1}^\\top` along its columns). A sum over n whose
    new terms are then 0 (a product with such a factor on either side of the sum, a norm or trace of
    such a value) adds nothing: if every sum over n is such, the step at n is the step at n' on its
    first n' rows, so a step false at n' is false at every larger n, and past the orderings of the
    other sizes, n need only be large (`check.instances.numeric_sizes`). Every other sum's size is
    used as a number (`\\mathbf{1}_a^\\top \\mathbf{1}_a = a`; the batch of proofs/M2 in its bias gradient
    `\\Delta_2 \\mathbf{1}`), and every size of softmax, log-sum-exp or max of a vector. Any doubt (a
    shape that cannot be read, a dimension not settled): every size. An input named in `pinned` (by an
    assumption, case or given value) is not taken to vanish: the padded point need not satisfy them
    (`assume u = 2 \\sigma(y - y)` makes u^T u the size, red team round 32)."""
    s = shapes_of(ctx)
    every = set(size_names(ctx)) | s.sizes
    out: set[str] = set()
    done: set = set()
    memo: dict = {}

    def dims(d) -> set[str]:
        d = s.resolve_dim(d)
        if any(isinstance(v, sp.Dummy) for v in d.free_symbols):
            return every
        return {v.name for v in d.free_symbols} & every

    def shape_dims(x) -> set[str]:
        return set().union(*(dims(d) for d in s.shape(x)))

    def axes_used(x) -> None:
        """x is summed over all its entries (a norm, a trace): an axis whose new entries need not be 0
        is used as a number."""
        nonlocal out
        shape, gone = s.shape(x), vanish(x)
        for a, d in enumerate(as2d(shape) if shape else ()):
            if a not in gone:
                out |= dims(d)

    def applied_word(f) -> str | None:
        if isinstance(f, n.Name) and f.sub is None and s.callable(f) and f.base not in s.funcs:
            return MATRIX_FUNCTIONS.get(f.base) or FUNCTION_WORDS.get(f.base) or f.base
        return None

    def units(x: n.Product) -> list | None:
        """The factors of a product, a function applied to a group taken as one (None: operator forms)."""
        out_, k = [], 0
        while k < len(x.factors):
            f = x.factors[k]
            if isinstance(f, n.Deriv) and f.expr is None:
                return None
            if k + 1 < len(x.factors) and x.ops[k] == "juxt" and (isinstance(f, n.Prime) or applied_word(f)) \
                    and isinstance(x.factors[k + 1], n.Group):
                out_.append(("apply", f, x.factors[k + 1]))
                k += 2
            else:
                out_.append(("value", f, None))
                k += 1
        return out_

    def vanish(x) -> frozenset:
        """The axes (0: rows, 1: columns) along which x's entries past a size are 0 when every input's
        entries past it are 0 (frozenset(): none known)."""
        hit = memo.get(id(x))
        if hit is not None and hit[0] is x:
            return hit[1]
        memo[id(x)] = (x, frozenset())  # a definition met again while it is read: nothing known
        out_ = _vanish(x)
        memo[id(x)] = (x, out_)
        return out_

    def _vanish(x) -> frozenset:
        both = frozenset({0, 1})
        if not s.shape(x):
            return frozenset()
        if isinstance(x, n.Group) and len(x.items) == 1:
            return vanish(x.items[0])
        if isinstance(x, n.Neg):
            return vanish(x.arg)
        if isinstance(x, n.Name):
            k = name_key(x)
            if k in s.defs:
                return vanish(s.defs[k].body)
            if k in s.declared and not s.is_identity(x) and x.base not in pinned:
                return both
            return frozenset()
        if isinstance(x, n.Pow) and _is_transpose(x.exp) and not s._scalar_name_T(x.exp):
            return frozenset(1 - a for a in vanish(x.base))
        if isinstance(x, n.Add):
            return vanish(x.left) & vanish(x.right)
        if isinstance(x, n.Frac):
            return vanish(x.num) if not s.shape(x.den) else frozenset()
        if isinstance(x, n.Call) and len(x.args) == 1 and x.power == 1:
            w = MATRIX_FUNCTIONS.get(x.func) or FUNCTION_WORDS.get(x.func, x.func)
            return application(w, x.args[0])
        if isinstance(x, n.Product):
            parts = units(x)
            if parts is None or any(op == "/" and s.shape(f) for f, op in zip(x.factors[1:], x.ops)):
                return frozenset()
            if len(parts) == 1 and parts[0][0] == "apply":
                kind, f, group = parts[0]
                if isinstance(f, n.Prime) or len(group.items) != 1:
                    return frozenset()
                return application(applied_word(f), group.items[0])
            values = []
            for kind, f, group in parts:
                if kind == "apply":
                    node = n.Product(f.span, (f, group), ("juxt",))
                    if not s.shape(group):
                        continue  # a number (`\\sigma(t)` of a scalar)
                    values.append(vanish(node))
                elif s.shape(f):
                    values.append(vanish(f))
            if not values:
                return frozenset()
            # a matrix product keeps its first factor's rows and its last one's columns; a Hadamard
            # product at least those (`(A \\odot B) C`), a scalar factor changes neither
            return frozenset(a for a in (0, 1) if (a == 0 and 0 in values[0]) or (a == 1 and 1 in values[-1]))
        return frozenset()

    def application(w, arg) -> frozenset:
        if w in ZERO_AT_ZERO:
            return vanish(arg)
        if w == "diag":  # of a vector: the matrix with it on the diagonal; of a matrix: its diagonal
            if len(s.shape(arg)) == 1:
                return frozenset({0, 1}) if 0 in vanish(arg) else frozenset()
            return frozenset({0}) if vanish(arg) else frozenset()
        return frozenset()

    def walk(x) -> None:
        nonlocal out
        if isinstance(x, n.Name):
            for dd in ctx.definitions:
                if dd.target.base == x.base and id(dd) not in done:
                    done.add(id(dd))
                    walk(dd.body)
        elif isinstance(x, n.Call):
            w = MATRIX_FUNCTIONS.get(x.func) or FUNCTION_WORDS.get(x.func, x.func)
            if x.func in NORMS or w == "tr":
                for a in x.args:
                    if w == "tr" and vanish(a):
                        continue  # the new terms of a trace are diagonal entries: 0 if one axis vanishes
                    axes_used(a)
            elif w in SUMMING_WORDS:
                for a in x.args:
                    out |= shape_dims(a)
            elif w in NETWORK_FUNCTIONS:
                out |= every
        elif isinstance(x, n.Product):
            s.shape(x)
            entry = s.sums.get(id(x))
            if entry is not None and entry[0] is x:
                for d, left, right in entry[1]:
                    if not (1 in vanish(left) or 0 in vanish(right)):
                        out |= dims(d)
            for k, f in enumerate(x.factors[:-1]):
                nxt = x.factors[k + 1]
                w = applied_word(f) if x.ops[k] == "juxt" else None
                if w == "tr" and isinstance(nxt, n.Group) and len(nxt.items) == 1:
                    if not vanish(nxt.items[0]):
                        axes_used(nxt.items[0])
                elif w in SUMMING_WORDS and isinstance(nxt, (n.Group, n.Pow, n.Entry)):
                    group = nxt.base if isinstance(nxt, (n.Pow, n.Entry)) else nxt
                    for a in getattr(group, "items", (group,)):
                        out |= shape_dims(a)
                elif w in NETWORK_FUNCTIONS:
                    out |= every
        for y in _parts(x):
            walk(y)

    try:
        for node in nodes:
            walk(node)
    except Exception:  # noqa: BLE001  (any doubt: every size)
        return every
    return out


def entry_degree(ctx, nodes) -> int | None:
    """An upper bound on the total degree of the members, definitions expanded, as polynomials in the
    entries of the declared vectors and matrices and of the families of inputs (`v_j`; scalar inputs,
    sizes and numbers count 0). Used by `check.instances` to try every size up to the degree: a
    polynomial in power sums such as `6 e_6(v)` (degree 6) may vanish at every n below its degree.
    A member that is not such a
    polynomial counts by the polynomials in it: a smooth function of entries (exp, sigmoid, a root) by
    its argument's degree, a quotient by the sum of both degrees (`\\exp(6 e_6(v)) = 1` fails first at
    n = 6 too); a kink of entries by its pieces (ReLU, |.|, max by their arguments' degree; sign, an
    indicator, ReLU' by 0) and by its argument's degree, whichever is larger (`|6 e_6(v)| = 0`). None
    when no bound is known (a product over a range, a recurrence, a derivative's operator form, a node
    not recognised): then no size is added. Only an upper bound is safe."""
    s = shapes_of(ctx)
    memo: dict = {}
    busy: set = set()
    kinks: list = []  # the degrees of the arguments of every kink and indicator met

    def kinked(v: int | None, step: bool = False) -> int | None:
        """A kink of entries: where its argument keeps its sign it is a polynomial piece, the argument
        itself up to sign (ReLU, |.|, max, min: its degree) or a constant (sign, an indicator, ReLU':
        degree 0). The argument's own degree is also a bound (`kinks`): an argument that vanishes at
        every n below its degree (`|6 e_6(v)| = 0`, `(6 e_6(v) \\neq 0) = 0`) changes the step first there."""
        kinks.append(v)
        return None if v is None else 0 if step else v

    def step_word(f) -> bool:
        """ReLU', |.|', sign, sign': constant where the argument keeps its sign."""
        return isinstance(f, n.Prime) or (isinstance(f, n.Name) and FUNCTION_WORDS.get(f.base) in STEP_FUNCTIONS)

    def kink_word(f) -> bool:
        if isinstance(f, n.Prime):
            return kink_word(f.func)
        return isinstance(f, n.Name) and FUNCTION_WORDS.get(f.base) in KINKED_FUNCTIONS and f.base not in s.funcs \
            and (f.base, None) not in s.defs

    def top(values) -> int | None:
        values = list(values)
        return None if any(v is None for v in values) else max(values, default=0)

    def name(x: n.Name, env: dict) -> int | None:
        if x.base in env:
            return env[x.base]
        if x.base in ctx.index_names or x.base in s.sizes or s.is_identity(x):
            return 0
        defs = [d for d in ctx.definitions if d.target.base == x.base]
        if defs:
            if any(d.params is not None for d in defs) or x.base in busy:
                return None  # a function name standing alone, or a recurrence
            if x.base not in memo:
                busy.add(x.base)
                try:
                    memo[x.base] = top([deg(d.body, {}) for d in defs])
                finally:
                    busy.discard(x.base)
            return memo[x.base]
        if any(nm.base == x.base for nm, _ in ctx.shapes):
            return 1  # a vector or matrix, or one of its entries
        if x.sub is not None:
            return 1  # an entry of a family of inputs (`v_j` summed over 1..n): an entry too
        return 0  # a scalar input: a coefficient

    def applied(f: n.Name, args, env: dict) -> int | None:
        """f(args): a linear built-in (tr, diag) or any other function of the arguments (by their degree);
        a function the problem defines by its body, each parameter standing for its argument's degree."""
        values = [deg(a, env) for a in args]
        if any(v is None for v in values):
            return None
        defs = [d for d in ctx.definitions if d.target.base == f.base and d.params is not None]
        if defs:
            if f.base in busy:
                return None
            busy.add(f.base)
            try:
                return top([deg(d.body, dict(zip(d.params, values))) if len(d.params) == len(values) else None
                            for d in defs])
            finally:
                busy.discard(f.base)
        word = MATRIX_FUNCTIONS.get(f.base, f.base)
        if word in LINEAR_MATRIX_FUNCTIONS and len(values) == 1:
            return values[0]
        if kink_word(f):
            return kinked(max(values, default=0), step_word(f))
        return max(values, default=0)  # a smooth function of entries: by its arguments' degree

    def is_function(f) -> bool:
        if isinstance(f, n.Prime):
            return True
        if not (isinstance(f, n.Name) and f.sub is None):
            return False
        if f.base in s.funcs:
            return True
        if (f.base, None) in s.defs or any(nm.base == f.base for nm, _ in ctx.shapes):
            return False
        return f.base in FUNCTION_WORDS or f.base in MATRIX_FUNCTIONS or f.base in NETWORK_FUNCTIONS \
            or f.base in ctx.readings.functions

    def product(x: n.Product, env: dict) -> int | None:
        total = 0
        k = 0
        factors, ops = x.factors, x.ops
        while k < len(factors):
            f = factors[k]
            if k + 1 < len(factors) and ops[k] == "juxt" and is_function(f) \
                    and isinstance(factors[k + 1], (n.Group, n.Entry, n.Pow)):
                nxt = factors[k + 1]
                if isinstance(f, n.Prime) or not isinstance(nxt, n.Group):
                    v = top([deg(nxt, env)] + ([deg(f.func, env)] if isinstance(f, n.Prime)
                                               and not is_function(f.func) else []))
                    v = kinked(v, step_word(f)) if kink_word(f) else v
                else:
                    v = applied(f, nxt.items, env)
                k += 2
            else:
                v = deg(f, env)
                k += 1
            if v is None:
                return None
            total += v  # a quotient by entries counts its divisor's degree too
        return total

    def literal_exponent(e) -> int | None:
        while isinstance(e, n.Group) and len(e.items) == 1:
            e = e.items[0]
        if isinstance(e, n.Num) and e.text.isdigit() and int(e.text) <= 64:
            return int(e.text)
        return None

    def deg(x, env: dict) -> int | None:
        if isinstance(x, (n.Num, n.Ones)):
            return 0
        if isinstance(x, n.Name):
            return name(x, env)
        if isinstance(x, n.Group):
            return top(deg(i, env) for i in x.items)
        if isinstance(x, n.Neg):
            return deg(x.arg, env)
        if isinstance(x, n.Add):
            return top([deg(x.left, env), deg(x.right, env)])
        if isinstance(x, n.Product):
            return product(x, env)
        if isinstance(x, n.Frac):
            a, b = deg(x.num, env), deg(x.den, env)
            return None if a is None or b is None else a + b
        if isinstance(x, n.Pow):
            if isinstance(x.exp, n.Name) and _is_transpose(x.exp) and not s._scalar_name_T(x.exp):
                return deg(x.base, env)
            k = literal_exponent(x.exp)
            norm = isinstance(x.base, n.Call) and x.base.func in NORMS and len(x.base.args) == 1 \
                and x.base.func != "norm1"
            base = x.base.args[0] if norm else x.base  # `\|v\|^2`: the norm's argument squared
            b, e = deg(base, env), deg(x.exp, env)
            if b is None or e is None:
                return None
            if k is not None:
                return k * b
            return e if b == 0 else None  # `x^n` of entries: a degree that grows with n (no bound)
        if isinstance(x, n.Call):
            if x.func in MATRIX_FUNCTIONS and MATRIX_FUNCTIONS[x.func] in LINEAR_MATRIX_FUNCTIONS and x.power == 1:
                return top([deg(a, env) for a in x.args])
            v = top([deg(a, env) for a in x.args])
            if FUNCTION_WORDS.get(x.func, x.func) in KINKED_FUNCTIONS or x.func == "norm1":
                v = kinked(v, FUNCTION_WORDS.get(x.func, x.func) in STEP_FUNCTIONS)
            return None if v is None else v * max(x.power, 1)  # `\cosh^2 x`
        if isinstance(x, n.Entry):
            return deg(x.base, env)
        if isinstance(x, n.Deriv):
            v = None if x.expr is None else deg(x.expr, env)  # a derivative: at most its operand's degree,
            declared = isinstance(x.var, n.Name) and any(nm.base == x.var.base for nm, _ in ctx.shapes) \
                and not any(d.target.base == x.var.base for d in ctx.definitions)
            return v if v is None or not declared else max(v - x.order, 0)  # less its order in an input's entries
        if isinstance(x, n.BigOp):
            body = deg(x.body, env)
            if x.op == "sum" or body == 0:
                return body
            return None  # a product over a range: its degree grows with the range
        if isinstance(x, n.Abs):
            return kinked(deg(x.arg, env))
        if isinstance(x, (n.Indicator, n.Condition)):
            return kinked(top(deg(y, env) for y in _parts(x)), True)
        if isinstance(x, n.Cases):
            for _, cond in x.rows:
                if cond is not None:
                    kinked(deg(cond, env), True)
            return top(deg(value, env) for value, _ in x.rows)
        return None

    try:
        d = top(deg(x, {}) for x in nodes)
    except (ProofError, RecursionError):
        return None
    return None if d is None else top([d] + kinks)


def _parts(x) -> list:
    """The nodes directly below x, through tuples (the rows of `Cases`, the terms of a `Condition`)."""
    out = []
    for y in n.children(x):
        if isinstance(y, tuple):
            out += [z for t in y for z in ((t,) if isinstance(t, n.Node) else _parts_of_tuple(t))]
        elif isinstance(y, n.Node):
            out.append(y)
    return out


def _parts_of_tuple(t) -> list:
    return [z for z in t if isinstance(z, n.Node)] if isinstance(t, tuple) else []
