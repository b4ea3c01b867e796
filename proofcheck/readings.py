"""How a problem's names read: which undeclared names are functions, and how run subscripts split.

Two questions about a name cannot be answered from the line it stands on: is `g(a + b)` an
application of a function g or the product g·(a + b), and is `W_{12}` the entry (1, 2) of a matrix or
the entry 12 of a vector. A mathematician answers both from the rest of the problem, and so does
proofcheck: `problem_readings` looks at every statement of one problem once, and `translate` reads
each name by the answer (docs/language.md, "Application versus product" and "Family subscripts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from . import nodes as n
from .diagnostics import ProofError
from .vocabulary import CONSTANTS, FUNCTION_WORDS, GREEK_NAMES, NETWORK_FUNCTIONS


@dataclass(frozen=True)
class Readings:
    """What the whole problem says about its names (empty: nothing known, the line-local readings)."""

    functions: frozenset[str] = frozenset()  # undeclared names written only as `g(...)`: functions
    arities: tuple[tuple[str, frozenset[int]], ...] = ()  # family base -> the index counts it is used with
    family_indices: tuple[tuple[str, frozenset[str]], ...] = ()  # one-index family -> the index letters it takes
    taken: frozenset[str] = frozenset()  # names that are nodes, indices or given values somewhere in the problem
    scalars: frozenset[str] = frozenset()  # names written somewhere without a subscript, as a number
    applied_to: tuple[tuple[str, frozenset[str]], ...] = ()  # applied name -> its arguments when one plain name each, "" otherwise
    mixed_runs: tuple[tuple[str, frozenset[int]], ...] = ()  # base -> lengths of its words of index letters and digits (`W_{i1}`)
    # subscripted names written somewhere other than directly before a bracket, by `entry_key`
    # (`w_1` in `w_1 x`, `o_i` in `o_i(1 - o_i)`): numbers, so `w_1(x + y)` may be a product
    alone_entries: frozenset[tuple[str, str]] = frozenset()
    scanned: bool = False  # made by `problem_readings` (an empty Readings knows nothing: no rule applies)
    # base -> the one way the problem writes its comma subscripts, a label's name in each place that
    # holds one (`w_{i,h}`, `w_{1,h}`: (None, "h")), for a base written no other way (`label_family`)
    label_patterns: tuple[tuple[str, tuple], ...] = ()
    # (base, places, place) of every subscript place that mentions an index or a bound letter (`x_j`,
    # `x_{j+1}` under a sum over j, the j of `w_{1,j}`): a one-letter label there (`x_a`) may be an index value
    indexed: frozenset[tuple[str, int, int]] = frozenset()

    def arguments(self, base: str) -> frozenset[str]:
        """What `base` is applied to in the problem: plain names (`g(x)`: "x"), "" for anything else."""
        return dict(self.applied_to).get(base, frozenset())

    @cached_property
    def _arity(self) -> dict:
        return dict(self.arities)

    def arity(self, base: str) -> frozenset[int]:
        return self._arity.get(base, frozenset())

    def label_family(self, base: str) -> tuple | None:
        """The places of `base`'s subscripts that hold a label (a name, None for an index place), when
        every subscript of `base` in the problem is a comma list with the same labels in the same places
        and at least one index place (`w_{i,h}` beside `w_{1,h}`): the family w_{.,h}. None otherwise."""
        return dict(self.label_patterns).get(base)

    def indices_of(self, base: str) -> frozenset[str]:
        return dict(self.family_indices).get(base, frozenset())


# ------------------------------------------------------------------ run subscripts (`ij`, `12`, `1j`, `i j`)


_WORD = re.compile(r"(?:[A-Za-z]'*|[0-9])+")
_LETTER = re.compile(r"[A-Za-z]'*|[0-9]")


def word_tokens(word: str) -> list[str] | None:
    """The characters of a word of letters and digits, a letter with its primes as one (`ij`: i, j;
    `jj'`: j, j'; `i'j'`: i', j'), as a run subscript is read; None for anything else (`j1'`, a prime
    on a digit). Every reader of a run splits it here, so `\\delta_{jj'}` is δ(j, j') everywhere."""
    return _LETTER.findall(word) if word.isascii() and _WORD.fullmatch(word) else None


def run_tokens(item: n.Expr) -> list[tuple[str, n.Node]] | None:
    """The characters of a subscript written as one run: a word of letters and digits (`ij`, `i1`,
    `jj'`: a primed letter is one token), a number of two or more digits (`12`), or a juxtaposition of
    such (`1j`, `i j`, `2t`, `j'k`, `i j'`); each token with the node it came from. None for anything
    else (`i+1`, `t-1`, a single letter or digit, primed or not)."""
    parts = item.factors if isinstance(item, n.Product) and all(op == "juxt" for op in item.ops) else (item,)
    out: list[tuple[str, n.Node]] = []
    for p in parts:
        if isinstance(p, n.Num) and p.text.isdigit():
            out += [(c, p) for c in p.text]
        elif isinstance(p, n.Name) and p.sub is None and not p.styled and p.base.rstrip("'") in GREEK_NAMES:
            out.append((p.base, p))
        elif isinstance(p, n.Name) and p.sub is None and not p.styled and word_tokens(p.base) is not None:
            out += [(c, p) for c in word_tokens(p.base)]
        else:
            return None
    return out if len(out) >= 2 else None


def is_index_letter(token: str, index_names) -> bool:
    """A declared index, or a primed one (`j'` ranges like `j`)."""
    return token.rstrip("'") in index_names


def _index_letters(tokens, index_names) -> bool:
    return all(is_index_letter(t, index_names) for t, _ in tokens)


def _mixed_word(item: n.Expr, tokens, index_names) -> bool | None:
    """A subscript word of declared index letters and digits, with both (`i1`, `t1`, `1i2`): True when
    its digits stand apart (each digit one index), False when two digits meet (`i12`: (i, 12) or
    (i, 1, 2)); None for anything else (`12`, `ij`, `h1` with h no index, `2t` written apart)."""
    if not (isinstance(item, n.Name) and item.sub is None and not item.styled):
        return None
    kinds = ["d" if t.isdigit() else "i" if is_index_letter(t, index_names) else "x" for t, _ in tokens]
    if "x" in kinds or "d" not in kinds or "i" not in kinds:
        return None
    return "dd" not in "".join(kinds)


def entry_key(name: n.Name, letter) -> tuple[str, str]:
    """A subscripted name as `Readings.alone_entries` holds it: its base and its subscript's structure,
    each index letter (`letter(base)`: declared, primed or bound where it stands) as `#`, so `o_i`
    and `o_j` are one entry of a family while `w_1` and `w_2` are two names."""
    def walk(e) -> str:
        if isinstance(e, n.Name):
            tokens = word_tokens(e.base) if e.sub is None and not e.styled else None
            if e.sub is None and (letter(e.base) or letter(e.base.rstrip("'"))):
                return "#"
            if tokens and all(letter(t) or letter(t.rstrip("'")) for t in tokens):
                return "#" * len(tokens)
            return e.base + ("" if e.sub is None else "_{" + ",".join(walk(x) for x in e.sub) + "}")
        if isinstance(e, n.Num):
            return e.text
        return type(e).__name__ + "(" + ",".join(walk(c) for c in n.children(e)) + ")" + \
            (str(getattr(e, "sign", "")) + str(getattr(e, "ops", "")))
    return name.base, ",".join(walk(x) for x in name.sub or ())


def _token_items(tokens) -> tuple[n.Expr, ...]:
    return tuple(n.Num(node.span, t) if t.isdigit() else n.Name(node.span, t) for t, node in tokens)


def _atoms(item: n.Expr) -> tuple[n.Expr, ...] | None:
    """The factors of a juxtaposition of numbers and plain names (`1 2`, `i j`, `2t`), else None."""
    if isinstance(item, n.Product) and all(op == "juxt" for op in item.ops) and all(
            isinstance(f, n.Num) and f.text.isdigit() or isinstance(f, n.Name) and f.sub is None and not f.styled
            for f in item.factors):
        return item.factors
    return None


def subscript_items(name: n.Name, readings: Readings, index_names, arity: frozenset[int] | None = None) -> tuple[n.Expr, ...]:
    """The index items of `name`'s subscript. A run is split by the family's arity (`arity`, else the
    counts the problem uses the base with; the Kronecker delta passes its own two). For a base used
    with k >= 2 indices: k juxtaposed items written apart are k indices (`W_{1 2}`, `W_{i j}`); a word
    of k index letters and single digits is split by character (`W_{ij}`, `W_{1j}`, `W_{i1}`); a run
    of digits (`W_{12}`) or a run of another length reads two ways (E211). For a one-index family a
    run of digits is one number (`h_{12}` is entry 12), juxtaposition is arithmetic (`x_{2t}`) and a
    run of index letters reads two ways (`h_{ij}`, E211). With nothing known, a run of declared
    indices is split (`W_{ij}`) and anything else is kept."""
    items = name.sub or ()
    if len(items) != 1:
        return items
    tokens = run_tokens(items[0])
    if tokens is None:
        return items
    arity = readings.arity(name.base) if arity is None else arity
    multi = sorted(a for a in arity if a >= 2)
    text = "".join(t for t, _ in tokens)
    if multi:
        k = multi[0]
        atoms = _atoms(items[0])
        if atoms is not None and len(atoms) in multi and all(
                isinstance(a, n.Num) or is_index_letter(a.base, index_names) for a in atoms):
            return atoms
        digits_run = any(isinstance(node, n.Num) and len(node.text) > 1 for _, node in tokens)
        if not digits_run and len(tokens) in multi and all(t.isdigit() or is_index_letter(t, index_names)
                                                           for t, _ in tokens):
            return _token_items(tokens)
        example = ",".join(t for t, _ in tokens) if len(tokens) == k else ",".join(["1"] * k)
        spaced = " ".join(t for t, _ in tokens) if len(tokens) == k else " ".join(["1"] * k)
        raise ProofError("E211", f"`{name.base}` has {k} indices in this problem, so `{name.base}_{{{text}}}` reads two ways",
                         name.span, [f"hint: separate the indices, `{name.base}_{{{example}}}` or `{name.base}_{{{spaced}}}`"])
    mixed = _mixed_word(items[0], tokens, index_names)
    if mixed is not None:
        # `W_{i1}`, `x_{t1}`: an index letter beside a digit is an entry, never the atomic label `W_i1`
        # (one scalar for every i); a run of digits in it (`W_{i12}`) or a one-index family reads two ways
        if not mixed or arity == frozenset({1}):
            raise ProofError("E211", f"`{name.base}_{{{text}}}` reads two ways", name.span,
                             [f"hint: separate the indices with commas, as in `{name.base}_{{{','.join(t for t, _ in tokens)}}}`"])
        return _token_items(tokens)
    if not arity and text.isdigit() and len(tokens) in dict(readings.mixed_runs).get(name.base, ()):
        # `W_{11}` beside `W_{i1}` (the entry (i, 1)): the entry (1, 1), or the entry 11
        raise ProofError("E211", f"`{name.base}_{{{text}}}` reads two ways: the problem writes `{name.base}` with a run of "
                                 "an index and digits, an entry of several indices", name.span,
                         [f"hint: separate the indices, `{name.base}_{{{','.join(text)}}}`"])
    if _index_letters(tokens, index_names):
        if arity == frozenset({1}):
            raise ProofError("E211", f"`{name.base}` has one index in this problem, so `{name.base}_{{{text}}}` reads two ways",
                             name.span, [f"hint: for one index write it alone (`{name.base}_{{{tokens[0][0]}}}`); "
                                         f"for an entry of a two-index family write `{name.base}_{{{','.join(t for t, _ in tokens)}}}` "
                                         "everywhere"])
        return _token_items(tokens)
    return items


# ------------------------------------------------------------------ the problem-level scan


def _applied_heads(product: n.Product) -> set[int]:
    """Positions of factors applied to the bracket after them (`g(x)`, `g(x)^2`, `g'(x)`, `s(z)_i`)."""
    out = set()
    for k, (f, op) in enumerate(zip(product.factors, product.ops)):
        nxt = product.factors[k + 1]
        if op != "juxt":
            continue
        bracket = isinstance(nxt, (n.Group, n.Entry)) or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))
        head = f.func if isinstance(f, n.Prime) else f
        if bracket and isinstance(head, n.Name) and head.sub is None:
            out.add(k)
    return out


def powered_heads(product: n.Product) -> set[int]:
    """Positions of a name with a power written directly before a bracket (`g^2(a)`, `f^{-1}(x)`): the
    value's power, the function applied twice or its inverse to a student; a product only for a number."""
    out = set()
    for k, (f, op) in enumerate(zip(product.factors, product.ops)):
        nxt = product.factors[k + 1]
        bracket = isinstance(nxt, (n.Group, n.Entry)) or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))
        if op == "juxt" and bracket and isinstance(f, n.Pow) and isinstance(f.base, n.Name) and f.base.sub is None \
                and "^" not in f.base.base:
            out.add(k)
    return out


def applied_entries(product: n.Product) -> set[int]:
    """Positions of a subscripted name written directly before a bracket, with no space (`f_1(a)`,
    `w_1(x + y)^2`): a function to a student unless the name is a number elsewhere (translate)."""
    out = set()
    for k, (f, op) in enumerate(zip(product.factors, product.ops)):
        nxt = product.factors[k + 1]
        group = nxt.base if isinstance(nxt, n.Pow) else nxt
        if op == "juxt" and isinstance(f, n.Name) and f.sub is not None and isinstance(group, n.Group) \
                and f.span.end_line == group.span.line and f.span.end_column == group.span.column:
            out.add(k)
    return out


@dataclass
class _Scan:
    index_names: frozenset[str]
    applied: set
    bare: set
    arities: dict  # base -> index counts written unambiguously (a let target, a comma list, one index)
    soft: dict  # base -> index counts of runs of index letters in steps (`W_{ij}`): used when nothing firm is known
    families: dict
    arguments: dict = None  # applied name -> what it is applied to (Readings.applied_to)
    mixed: dict = None  # base -> lengths of its mixed words (Readings.mixed_runs)
    alone: set = None  # subscripted names written other than directly before a bracket (Readings.alone_entries)
    bound: frozenset = frozenset()  # letters bound where the scan stands (a sum's letter, a function's parameters)
    in_sub: bool = False  # inside a subscript: a label (`W_f`, `x_\phi`), never a number written alone
    patterns: dict = None  # base -> the label places of each of its subscripts (Readings.label_patterns)
    indexed: set = None  # (base, places, place) of subscript places that mention an index or a bound letter

    def expr(self, x) -> None:
        if isinstance(x, n.Product):
            heads, powered, adjacent = _applied_heads(x), powered_heads(x), applied_entries(x)
            for k, f in enumerate(x.factors):
                if k in powered and k not in heads:  # `g^2(a)`: says neither "number" nor "function" about g (translate decides)
                    self.expr(f.exp)
                elif k in adjacent:  # `f_1(a)`: says nothing of `f_1` as a number (translate decides)
                    self.name(f, applied=True)
                elif k in heads:
                    head = (f.func if isinstance(f, n.Prime) else f).base
                    self.applied.add(head)
                    nxt = x.factors[k + 1]
                    args = nxt.base if isinstance(nxt, n.Pow) else nxt
                    one = isinstance(args, n.Group) and len(args.items) == 1 and isinstance(args.items[0], n.Name)
                    self.arguments.setdefault(head, set()).add(args.items[0].display if one else "")
                else:
                    self.expr(f)
            return
        if isinstance(x, n.Name):
            self.name(x)
            return
        if isinstance(x, n.Deriv):
            # neither the variable (`\partial w`, `\nabla_w`) nor a Leibniz numerator (`\frac{dg}{dx}`:
            # the function g's derivative when g is applied elsewhere) is a number written alone
            if x.var.sub is not None:
                self.name(x.var)
            if x.expr is not None and not (isinstance(x.expr, n.Name) and x.expr.sub is None):
                self.expr(x.expr)
            return
        if isinstance(x, n.BigOp):
            letters = {x.var.base} if x.var is not None and x.var.sub is None else set()
            if x.cond is not None:
                letters |= {t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None}
            for c in (x.lower, x.upper):
                if c is not None:
                    self.expr(c)
            if x.cond is not None:
                for t in x.cond.terms:
                    if not (isinstance(t, n.Name) and t.sub is None):
                        self.expr(t)
            self.within(letters).expr(x.body)
            return
        for c in n.children(x):
            self.expr(c)

    def __post_init__(self):
        if self.arguments is None:
            self.arguments = {}
        if self.mixed is None:
            self.mixed = {}
        if self.alone is None:
            self.alone = set()
        if self.patterns is None:
            self.patterns = {}
        if self.indexed is None:
            self.indexed = set()

    def within(self, letters, in_sub: bool = False) -> "_Scan":
        """The same scan (shared sets) with more letters bound, or inside a subscript."""
        return _Scan(self.index_names, self.applied, self.bare, self.arities, self.soft, self.families,
                     self.arguments, self.mixed, self.alone, self.bound | frozenset(letters), self.in_sub or in_sub,
                     self.patterns, self.indexed)

    def name(self, x: n.Name, target: bool = False, applied: bool = False) -> None:
        if x.sub is None:
            if not self.in_sub and x.base not in self.bound:
                self.bare.add(x.base)
            return
        if not applied:
            self.alone.add(entry_key(x, lambda b: b in self.index_names or b in self.bound))
        self.patterns.setdefault(x.base, set()).add(
            None if target or applied or len(x.sub) < 2 else
            tuple(it.base if isinstance(it, n.Name) and it.sub is None and not it.styled
                  and it.base.rstrip("'") not in self.index_names and it.base not in self.bound else None
                  for it in x.sub))
        inner = self.within((), in_sub=True)
        for s in x.sub:
            inner.expr(s)
        for k, it in enumerate(x.sub):
            if any(nm.sub is None and (nm.base.rstrip("'") in self.index_names or nm.base in self.bound)
                   for nm in n.names(it)):
                self.indexed.add((x.base, len(x.sub), k))
        if len(x.sub) == 1:
            tokens = run_tokens(x.sub[0])
            if tokens is not None and _mixed_word(x.sub[0], tokens, self.index_names | self.bound):
                self.mixed.setdefault(x.base, set()).add(len(tokens))
        count = self._index_count(x.sub)
        if count is not None:
            firm = target or len(x.sub) > 1 or run_tokens(x.sub[0]) is None
            (self.arities if firm else self.soft).setdefault(x.base, set()).add(count)
        if len(x.sub) == 1 and isinstance(x.sub[0], n.Name) and x.sub[0].sub is None \
                and x.sub[0].base.rstrip("'") in self.index_names:
            self.families.setdefault(x.base, set()).add(x.sub[0].base.rstrip("'"))

    def _index_count(self, items) -> int | None:
        """How many indices a subscript gives, when that is clear: a comma list, one index expression,
        a run of declared indices (`ij`); None for a run of digits or a mixed run (`12`, `1j`)."""
        if len(items) > 1:
            return len(items)
        tokens = run_tokens(items[0])
        if tokens is None:
            return 1 if self._index_like(items[0]) else None
        if _index_letters(tokens, self.index_names):
            return len(tokens)
        return None

    def _index_like(self, e) -> bool:
        if isinstance(e, n.Num):
            return e.text.isdigit()
        if isinstance(e, n.Name):
            return e.sub is None and e.base.rstrip("'") in self.index_names
        return any(self._index_like(c) for c in n.children(e)) and not isinstance(e, (n.Call, n.Frac, n.Pow))


def problem_readings(statements: list[n.Statement]) -> Readings:
    """The readings of one problem's statements (see `Readings`)."""
    index_names = frozenset(nm.base for st in statements if isinstance(st, n.IndexLine) for nm in st.names)
    scan = _Scan(index_names, set(), set(), {}, {}, {})
    stated = _Scan(index_names, set(), set(), {}, {}, {})  # the statement's lines alone (no chains)
    sizes: set[str] = set()
    defined: set[str] = set()
    lets: set[str] = set()  # every base a `let` defines (`w` of `let w_{1,h} = ...`)
    taken: set[str] = set(index_names)
    for st in statements:
        if isinstance(st, n.LetLine):
            lets.add(st.target.base)
        if isinstance(st, n.LetLine) and st.params is None:
            taken.add(st.target.display)
        elif isinstance(st, n.AtLine):
            taken.update(name.display for name, _ in st.values)
        if isinstance(st, n.LetLine):
            # a function's parameters are bound in its body, never numbers written alone
            params = {p.base for p in st.params if p.sub is None} if st.params is not None else set()
            if st.params is not None:
                scan.applied.add(st.target.base)
                for p in st.params:
                    if p.sub is not None:
                        scan.name(p)
            elif st.target.sub is None:
                defined.add(st.target.base)
            else:
                scan.name(st.target, target=True)
            if st.params is not None:
                stated.applied.add(st.target.base)
            for m in st.chain.members[:1]:
                stated.within(params).expr(m.expr)
            for m in st.chain.members:
                scan.within(params).expr(m.expr)
        elif isinstance(st, n.IndexLine):
            for bound in (st.lower, st.upper):
                sizes.update(nm.base for nm in n.names(bound))
                scan.alone.update(entry_key(nm, index_names.__contains__) for nm in n.names(bound) if nm.sub is not None)
        elif isinstance(st, n.AtLine):
            for name, value in st.values:
                scan.name(name)
                scan.expr(value)
        elif isinstance(st, (n.ChainLine, n.LemmaLine, n.ShowLine, n.FindLine, n.AssumeLine, n.CaseLine)):
            scan.expr(st)
            if isinstance(st, (n.ShowLine, n.FindLine, n.AssumeLine)):
                stated.expr(st)
        if isinstance(st, n.AtLine):
            for name, value in st.values:
                stated.name(name)
                stated.expr(value)
    others = defined | sizes | index_names | set(CONSTANTS) | set(FUNCTION_WORDS) | NETWORK_FUNCTIONS
    # a name the statement (definitions, goals, assumptions, given values) applies and never writes
    # alone is a function whatever a chain writes: a bare `g` in a chain cannot turn the statement's
    # `g(a + b)` into a product (that would accept more); there it is E201
    functions = frozenset(b for b in scan.applied if b not in scan.bare | others) | \
        frozenset(b for b in stated.applied if b not in stated.bare | others)
    arities = {**scan.soft, **scan.arities}  # a firm count overrides the runs
    # a family with a label in its subscripts (`w_{i,h}`): one pattern, some index place, labels that
    # name nothing else (no size, `let`, constant, function, index, number written alone); a base written
    # bare, applied or defined by a `let` is read as before (w_{i,h} beside w_{h,i} or w_{i,j}: E211)
    labels = []
    for base, pats in scan.patterns.items():
        if len({None if p is None else tuple(None if x in sizes else x for x in p) for p in pats}) != 1 or base in scan.bare | scan.applied | defined | others or base in lets:
            continue
        (pat,) = {None if p is None else tuple(None if x in sizes else x for x in p) for p in pats}
        if pat is None or None not in pat or all(p is None for p in pat):
            continue
        if any(p is not None and (p in others or p in lets or p in scan.applied or p in scan.bare or p in taken)
               for p in pat):  # `h` written as a number too: the entry at h or a label, E211 as before
            continue
        labels.append((base, pat))
    return Readings(
        functions,
        tuple(sorted((b, frozenset(a)) for b, a in arities.items())),
        tuple(sorted((b, frozenset(ix)) for b, ix in scan.families.items())),
        frozenset(taken),
        frozenset(scan.bare),
        tuple(sorted((b, frozenset(a)) for b, a in scan.arguments.items())),
        tuple(sorted((b, frozenset(a)) for b, a in scan.mixed.items())),
        frozenset(scan.alone),
        True,
        tuple(sorted(labels)),
        frozenset(scan.indexed),
    )


def readings_by_problem(statements: list[n.Statement]) -> list[Readings]:
    """One Readings per problem, in order (the lines before the first `problem` form one, if any)."""
    groups: list[list[n.Statement]] = [[]]
    for st in statements:
        if isinstance(st, n.ProblemLine):
            groups.append([])
        else:
            groups[-1].append(st)
    return [problem_readings(g) for g in groups]


# ------------------------------------------------------------------ function parameters


def parameter_names(declared: tuple[str, ...], earlier: tuple[str, ...] | None, readings: Readings) -> tuple[str, ...]:
    """The parameter names a function definition is stored with. A definition that restates an
    earlier one with as many parameters (`let f(t) = ...` after `let f(x) = ...`) takes the earlier
    names, so a refinement compares the two bodies as expressions (`t^2` against `x^2` would differ).
    A name that is also a node, an index or a given value anywhere in the problem gets a `*` (`x*`),
    so the comparison can never read the parameter as that node (`let x = 2`)."""
    if earlier is not None:
        return earlier
    return tuple(p + "*" if p in readings.taken else p for p in declared)


def renamed_parameters(body: n.Expr, declared: tuple[str, ...], names: tuple[str, ...]) -> n.Expr:
    """`body` with each declared parameter (`t`, `x_1`) written as the stored name."""
    mapping = {p: q for p, q in zip(declared, names) if p != q}
    if not mapping:
        return body

    def fn(x):
        if isinstance(x, n.Name) and x.display in mapping:
            return n.Name(x.span, mapping[x.display])
        return x
    return n.transform(body, fn)
