"""Stage 4, elaborate: statements to problems: contexts, chains, steps and goals, as plain data.

A problem's meaning changes as the file goes on (a `let` refines the graph, a `case` guards the next
chain), so every chain captures the `Context` in force where it stands. Nothing here touches SymPy:
the result is data a batch grader can keep, and `check` decides each step from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction

from . import nodes as n
from .diagnostics import Diagnostic, ProofError
from .nodes import ErrorLine
from .readings import Readings, parameter_names, readings_by_problem, renamed_parameters, subscript_items
from .source import Span
from .vocabulary import CONSTANTS, FUNCTION_WORDS


@dataclass(frozen=True)
class Definition:
    """`let target = body` (or `let f(x) = body`): `family` are the index names in target's subscript."""

    target: n.Name
    body: n.Expr
    params: tuple[str, ...] | None = None
    span: Span = field(default=Span.at(1, 1), compare=False)


@dataclass(frozen=True)
class Network:
    name: str
    input: int | None
    layers: tuple[n.DenseLine, ...]
    span: Span = field(compare=False, default=Span.at(1, 1))
    broken: tuple[int, ...] = ()  # lines of the block that did not parse or were rejected: figures unusable


@dataclass(frozen=True)
class Context:
    """Everything a step is checked under; immutable so a chain can keep the one in force."""

    indices: tuple[tuple[str, n.Expr, n.Expr], ...] = ()
    definitions: tuple[Definition, ...] = ()  # in order; later ones win
    assumptions: tuple[n.Condition, ...] = ()
    point: tuple[tuple[n.Name, n.Expr], ...] = ()
    case: tuple[n.Condition, ...] = ()
    relu_at_zero: Fraction = Fraction(0)
    networks: tuple[Network, ...] = ()
    batch: int | None = None
    readings: Readings = Readings()  # the problem's function names and family arities (readings.py)
    # `let W : (m, n)`: names with the shape of a vector or matrix (proofcheck/matrix.py); dims are
    # sizes or whole numbers. `layout` lays out a Jacobian of a vector by a vector (docs/matrices.md)
    shapes: tuple[tuple[n.Name, tuple[n.Expr, ...]], ...] = ()
    layout: str = "numerator"

    def index_range(self, name: str) -> tuple[n.Expr, n.Expr] | None:
        """The declared range of an index; a primed letter (`j'`, `j''`) ranges like the plain one
        (docs/language.md, Names), and only plain letters are declared (`index j' in ..` is E100)."""
        name = name.rstrip("'")
        for nm, lo, hi in reversed(self.indices):
            if nm == name:
                return lo, hi
        return None

    @property
    def index_names(self) -> frozenset[str]:
        return frozenset(nm for nm, _, _ in self.indices)

    def entry_bounds(self, name: str) -> tuple[Fraction | None, Fraction | None] | None:
        """The bounds of an index's range that limit the entries a family definition over it covers
        (`let g_j` with j in 1..3, or 1..2+1, leaves g_4 an input): a bound of numbers alone (`3`,
        `2+1`, `(3)`, `-1`) by its value; a bound with a size (`N`, `N - 1`, `-N`) as None, no limit
        (a literal `h_3` in a family over 1..N still means the entry when a small N is checked). None
        for an undeclared letter. Any other bound (`10^{100}`, `\\frac{N}{2}`, an index) is E205: a
        definition is never taken to cover every entry because its range could not be read."""
        rng = self.index_range(name)
        if rng is None:
            return None
        letter = name.rstrip("'")
        out = []
        for bound in rng:
            v = n.literal_value(bound)
            if v is None and not _size_arithmetic(bound, self.index_names):
                raise ProofError("E205", f"the range of `{letter}` must be whole numbers, sizes such as N, "
                                         "and sums or differences of them", bound.span)
            out.append(v)
        return out[0], out[1]


def _size_arithmetic(e: n.Expr, index_names) -> bool:
    """Whole numbers and sizes (names that are not indices) with `+`, `-` and products: a range bound."""
    if isinstance(e, n.Num):
        return e.text.isdigit()
    if isinstance(e, n.Name):
        return e.sub is None and not e.styled and e.base.rstrip("'") not in index_names
    if isinstance(e, n.Group):
        return len(e.items) == 1 and _size_arithmetic(e.items[0], index_names)
    if isinstance(e, n.Neg):
        return _size_arithmetic(e.arg, index_names)
    if isinstance(e, n.Add):
        return _size_arithmetic(e.left, index_names) and _size_arithmetic(e.right, index_names)
    if isinstance(e, n.Product):
        return all(op in ("juxt", "*") for op in e.ops) and all(_size_arithmetic(f, index_names) for f in e.factors)
    return False


@dataclass(frozen=True)
class Chain:
    members: tuple[n.Member, ...]
    rels: tuple[str, ...]  # rels[k] joins members[k] and members[k+1]
    rel_spans: tuple[Span, ...]
    justifications: tuple[n.Justification | None, ...]  # per member
    context: Context
    lemma: str | None = None
    let_target: n.Name | None = None  # a `let x = a = b` chain: x is defined as a


@dataclass(frozen=True)
class Refinement:
    """A `let` that restates an earlier definition: old and new bodies must agree."""

    name: n.Name
    old: Definition
    new: Definition
    context: Context  # with the new definition in force


@dataclass(frozen=True)
class Goal:
    kind: str  # show | find
    lhs: n.Expr
    rhs: n.Expr | None
    span: Span
    context: Context


@dataclass(frozen=True)
class Problem:
    name: str
    title: str | None
    span: Span
    chains: tuple[Chain, ...]
    goals: tuple[Goal, ...]
    refinements: tuple[Refinement, ...]
    lemmas: tuple[str, ...]


def _constant(e: n.Expr) -> bool:
    """A body without variables: numbers and built-in functions only (`\\tanh(0.5 \\cdot 1 - 0.5)`)."""

    def walk(x) -> bool:
        if isinstance(x, n.Deriv):
            return False
        if isinstance(x, n.Name):
            return x.sub is None and (x.base in FUNCTION_WORDS or x.base in CONSTANTS)
        return all(walk(c) for c in n.children(x))

    return walk(e)


def _convention_value(e: n.Expr) -> Fraction | None:
    """The number in `let ReLU'(0) = c`: a decimal or a fraction of two (`1/2`, `\\frac{1}{2}`); None
    for anything else, a zero denominator included."""
    from .parse import exact_number  # noqa: PLC0415  (parse builds on nodes, as this module does)

    if isinstance(e, n.Num):
        return exact_number(e.text)
    if isinstance(e, n.Frac):
        parts = (e.num, e.den)
    elif isinstance(e, n.Product) and e.ops == ("/",):
        parts = e.factors
    else:
        return None
    if not all(isinstance(f, n.Num) for f in parts) or exact_number(parts[1].text) == 0:
        return None
    return exact_number(parts[0].text) / exact_number(parts[1].text)


def _same_target(a: n.Name, b: n.Name) -> bool:
    return a.base == b.base and a.sub == b.sub


def _is_letter(x, index_names) -> bool:
    return isinstance(x, n.Name) and x.sub is None and x.base.rstrip("'") in index_names


def _pattern_items(t: n.Name, ctx: "Context") -> tuple | None:
    """A target's subscript read as translate reads it (`W_{ij}`, `W_{1j}` split like `W_{i,j}`:
    readings.subscript_items; `h_{2+1}`, `h_{-1}` by value: Translator._fixed_items): each item an
    index letter (a primed one too: `g_{j'}` is a pattern as `g_j` is), a number, or an expression in
    sizes (`h_N`, `h_{N+1}`) kept as written; None when the subscript is part of an atomic name
    (`out_h1`) or reads two ways (E211 where it is used)."""
    index_names = ctx.index_names
    try:
        items = subscript_items(t, ctx.readings, index_names)
    except ProofError:
        return None
    sizes = {nm.base for _, lo, hi in ctx.indices for e in (lo, hi) for nm in n.subtrees(e)
             if isinstance(nm, n.Name) and nm.sub is None} - index_names
    out = []
    for i in items:
        v = None if isinstance(i, n.Num) or _is_letter(i, index_names) else n.literal_value(i)
        if v is not None and v.denominator == 1:
            out.append(n.Num(i.span, str(v)))
        elif isinstance(i, n.Num) or _is_letter(i, index_names) or (
                _size_arithmetic(i, index_names)
                and all(nm.base in sizes for nm in n.subtrees(i) if isinstance(nm, n.Name))):
            out.append(i)
        else:
            return None
    return tuple(out)


def _overlap(old: n.Name, new: n.Name, ctx: "Context", span: Span) -> tuple[n.Condition, ...] | None:
    """Index conditions under which two different target spellings (`h_i` and `h_1`, `h_i` and `h_j`,
    `W_{ij}` and `W_{i,j}`) name the same entry, or None when they never do. A later `let` that
    overlaps an earlier one refines it there, so it must be checked like a refinement."""
    if old.base != new.base or _same_target(old, new):
        return None
    index_names = ctx.index_names
    a, b = _pattern_items(old, ctx), _pattern_items(new, ctx)
    if a is None or b is None or len(a) != len(b) or not a:
        return None
    conds = []
    by_sizes = False
    letters_a = [x.base for x in a if _is_letter(x, index_names)]
    letters_b = [x.base for x in b if _is_letter(x, index_names)]
    for x, y in zip(a, b):
        if not all(isinstance(z, n.Num) or _is_letter(z, index_names) for z in (x, y)):
            # an entry named by sizes (`h_{N+1}`): a family over 1..N covers it in translate (a bound
            # with a size is no limit) and the two meet at some sizes only (below)
            by_sizes = by_sizes or x != y
            continue
        if isinstance(x, n.Num) and isinstance(y, n.Num):
            if Fraction(x.text) != Fraction(y.text):
                return None
        elif isinstance(x, n.Name) and isinstance(y, n.Name):
            if x.base != y.base:
                if x.base in letters_b or y.base in letters_a:
                    # the same letters in other places (`W_{ij}` then `W_{ji}`): not comparable by
                    # conditions; an impossible case makes the refinement unconfirmed (E203), never silent
                    return (n.Condition(span, (n.Name(span, x.base), n.Name(span, x.base)), ("!=",)),)
                conds.append(n.Condition(span, (n.Name(span, x.base), n.Name(span, y.base)), ("=",)))
        else:
            letter, num = (x, y) if isinstance(x, n.Name) else (y, x)
            try:
                lo, hi = ctx.entry_bounds(letter.base) or (None, None)
            except ProofError:
                lo = hi = None  # unread: they may overlap (the check of the refinement says E205)
            v = Fraction(num.text)
            if (lo is not None and v < lo) or (hi is not None and v > hi):
                return None  # h_0 is not an entry of the family h_i, i in 1..N (or 1..2+1)
            conds.append(n.Condition(span, (n.Name(span, letter.base), n.Num(span, num.text)), ("=",)))
    if by_sizes:
        # not comparable by index conditions: an impossible case makes the refinement unconfirmed
        # (E203), never silent
        return (n.Condition(span, (n.Num(span, "0"), n.Num(span, "0")), ("!=",)),)
    return tuple(conds)


def restated(new: Definition, defs: tuple[Definition, ...], ctx: Context
             ) -> tuple[Definition | None, list[tuple[Definition, tuple[n.Condition, ...]]]]:
    """The definitions a new `let` restates among `defs`: the latest one of the same target (or None),
    and the definitions after it of other spellings of the same entries (`h_i`, then `h_1`), each
    with the index conditions under which the two name the same entry."""
    old = next((d for d in reversed(defs) if _same_target(d.target, new.target) and d.params == new.params), None)
    overlapping = []
    if new.params is None:
        for d in reversed(defs):
            if d is old:
                break
            conds = _overlap(d.target, new.target, ctx, new.target.span) if d.params is None else None
            if conds is not None:
                overlapping.append((d, conds))
    return old, overlapping


def refinements_of(new: Definition, old: Definition | None, overlapping, ctx: Context) -> list["Refinement"]:
    """The checks a restating `let` needs: equal to `old` under `ctx` (with `new` in force), and equal
    to each overlapping definition where their entries coincide."""
    out = [Refinement(new.target, old, new, ctx)] if old is not None else []
    out += [Refinement(new.target, d, new, replace(ctx, case=conds)) for d, conds in overlapping]
    return out


@dataclass
class _Builder:
    name: str
    title: str | None
    span: Span
    context: Context
    chains: list[Chain] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    refinements: list[Refinement] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    # the open chain
    members: list[n.Member] = field(default_factory=list)
    rels: list[str] = field(default_factory=list)
    rel_spans: list[Span] = field(default_factory=list)
    justs: list[n.Justification | None] = field(default_factory=list)
    chain_context: Context | None = None
    chain_lemma: str | None = None
    chain_let: n.Name | None = None
    pending_lemma: str | None = None
    pending_case: tuple[n.Condition, ...] = ()

    def close(self) -> None:
        if self.members:
            self.chains.append(Chain(tuple(self.members), tuple(self.rels), tuple(self.rel_spans), tuple(self.justs),
                                     self.chain_context or self.context, self.chain_lemma, self.chain_let))
        self.members, self.rels, self.rel_spans, self.justs = [], [], [], []
        self.chain_context, self.chain_lemma, self.chain_let = None, None, None

    def open(self, let_target: n.Name | None = None) -> None:
        self.close()
        self.chain_context = replace(self.context, case=self.pending_case)
        self.chain_lemma = self.pending_lemma
        self.chain_let = let_target
        if self.chain_lemma:
            self.lemmas.append(self.chain_lemma)
        self.pending_lemma, self.pending_case = None, ()

    def extend(self, line: n.ChainLine, first_is_new: bool) -> None:
        members = list(line.members)
        rels = list(line.rels)
        if first_is_new:
            self.members.append(members[0])
            self.justs.append(None)
            members = members[1:]
        for m, (rel, span) in zip(members, rels):
            self.rels.append(rel)
            self.rel_spans.append(span)
            self.members.append(m)
            self.justs.append(None)
        if line.justification is not None and self.justs:
            self.justs[-1] = line.justification

    def build(self) -> Problem:
        self.close()
        return Problem(self.name, self.title, self.span, tuple(self.chains), tuple(self.goals),
                       tuple(self.refinements), tuple(self.lemmas))


def _defined_sizes(ctx: Context) -> list[Diagnostic]:
    """E204 for `let N = 0` where N bounds an index range: a size is checked for every value (its
    steps say "for every N"), so a definition of it would be silently ignored."""
    sizes = {nm.base for _, lo, hi in ctx.indices for e in (lo, hi) for nm in _bare_names(e)} - ctx.index_names
    return [Diagnostic.make("E204", f"`{d.target.base}` bounds an index range, so it is a size: steps are checked "
                                    f"for every `{d.target.base}`, and it cannot be defined with `let`", d.span)
            for d in ctx.definitions if d.params is None and d.target.sub is None and d.target.base in sizes]


def _bare_names(e) -> list[n.Name]:
    if isinstance(e, n.Name):
        return [e] if e.sub is None else []
    return [nm for c in n.children(e) for nm in _bare_names(c)]


def elaborate(statements: list[n.Statement], networks_scope: str = "file") -> tuple[list[Problem], list[Diagnostic]]:
    """Group statements into problems and chains; each chain keeps the context in force where it starts."""
    problems: list[Problem] = []
    diags: list[Diagnostic] = []
    file_networks: tuple[Network, ...] = ()
    file_batch: int | None = None
    b: _Builder | None = None
    net_open: list | None = None  # [NetworkLine, input, layers, lines with errors]
    readings = iter(readings_by_problem(statements))
    main_readings = next(readings)

    def current() -> _Builder:
        nonlocal b
        if b is None:
            b = _Builder("main", None, Span.at(1, 1), Context(networks=file_networks, batch=file_batch, readings=main_readings))
        return b

    def finish_network() -> None:
        nonlocal net_open, file_networks
        if net_open is None:
            return
        line, inp, layers, broken = net_open
        net = Network(line.name, inp, tuple(layers), line.span, tuple(broken))
        from .network import network_errors  # noqa: PLC0415  (network facts: proofcheck/network.py)
        diags.extend(network_errors(net))
        file_networks = tuple(x for x in file_networks if x.name != net.name) + (net,)
        cb = current()
        cb.context = replace(cb.context, networks=file_networks)
        net_open = None

    for st in statements:
        if net_open is not None and isinstance(st, ErrorLine):
            net_open[3].append(st.span.line)  # a bad line in (or right after) a block: its figures are unusable
            continue
        if net_open is not None and not isinstance(st, (n.InputLine, n.DenseLine)):
            finish_network()
        if isinstance(st, ErrorLine):
            continue  # the line's diagnostic is already out; it does not end a chain
        if isinstance(st, n.ProblemLine):
            if b is not None:
                problems.append(b.build())
                diags.extend(_defined_sizes(b.context))
            b = _Builder(st.name, st.title, st.span, Context(networks=file_networks, batch=file_batch, readings=next(readings)))
            continue
        if isinstance(st, n.BlankLine):
            if b is not None:  # a blank line before any statement opens no anonymous problem
                b.close()
            continue
        cb = current()
        if isinstance(st, n.ChainLine):
            if st.continuation:
                if not cb.members:
                    diags.append(Diagnostic.make("E102", "this line continues a chain, but no chain is open here (a blank line ends a chain)", st.rels[0][1]))
                    continue
                cb.extend(st, first_is_new=False)
            else:
                cb.open()
                cb.extend(st, first_is_new=True)
        elif isinstance(st, n.LetLine):
            params = tuple(p.display for p in st.params) if st.params is not None else None  # `f(x_1)`: x_1
            body = st.chain.members[0].expr
            if params is not None:  # stored under an earlier definition's names: readings.parameter_names
                earlier = next((d for d in reversed(cb.context.definitions) if _same_target(d.target, st.target)
                                and d.params is not None and len(d.params) == len(params)), None)
                stored = parameter_names(params, earlier.params if earlier is not None else None, cb.context.readings)
                body, params = renamed_parameters(body, params, stored), stored
            new = Definition(st.target, body, params, st.span)
            old, overlapping = restated(new, cb.context.definitions, cb.context)
            if (old is not None or overlapping) and params is None and _constant(new.body):
                # `let h = \tanh(0) = 0` after `let h = \tanh(w x + b)`: the forward value at the given
                # point, not a new graph (as a definition it would freeze h for every derivative
                # below). Checked as the chain `h = \tanh(0) = 0` under the definition in force.
                first = st.chain.members[0]
                target = n.Member(st.target.span, st.target)
                cb.open()
                cb.extend(n.ChainLine(st.chain.span, (target,) + st.chain.members,
                                      (("=", first.span),) + st.chain.rels, False, st.chain.justification),
                          first_is_new=True)
                continue
            cb.context = replace(cb.context, definitions=cb.context.definitions + (new,))
            cb.refinements.extend(refinements_of(new, old, overlapping, cb.context))
            cb.open(let_target=st.target)
            cb.extend(st.chain, first_is_new=True)
        elif isinstance(st, n.ShapeLine):
            from .matrix import declare  # noqa: PLC0415  (vectors and matrices: proofcheck/matrix.py)
            cb.context, bad = declare(cb.context, st)
            diags.extend(bad)
        elif isinstance(st, n.LayoutLine):
            cb.context = replace(cb.context, layout=st.layout)
        elif isinstance(st, n.ConventionLine):
            value = _convention_value(st.value)
            if value is None:
                diags.append(Diagnostic.make("E207", "the derivative convention at 0 must be a number such as 0, 1/2 or 1", st.span))
            else:
                cb.context = replace(cb.context, relu_at_zero=value)
        elif isinstance(st, n.IndexLine):
            for nm in st.names:
                if nm.sub is not None:
                    diags.append(Diagnostic.make("E207", "an index is a plain letter such as i, j or k", nm.span))
                    continue
                cb.context = replace(cb.context, indices=cb.context.indices + ((nm.base, st.lower, st.upper),))
        elif isinstance(st, n.AssumeLine):
            cb.context = replace(cb.context, assumptions=cb.context.assumptions + st.conds)
        elif isinstance(st, n.AtLine):
            cb.context = replace(cb.context, point=cb.context.point + st.values)
        elif isinstance(st, n.ShowLine):
            cb.goals.append(Goal("show", st.lhs, st.rhs, st.span, cb.context))
        elif isinstance(st, n.FindLine):
            for t in st.targets:
                cb.goals.append(Goal("find", t, None, t.span, cb.context))
        elif isinstance(st, n.CaseLine):
            cb.close()
            cb.pending_case = st.conds
        elif isinstance(st, n.LemmaLine):
            cb.close()
            cb.pending_lemma = st.name
            if st.chain is not None:
                cb.open()
                cb.extend(st.chain, first_is_new=True)
        elif isinstance(st, n.NetworkLine):
            cb.close()
            net_open = [st, None, [], []]
        elif isinstance(st, n.InputLine):
            if net_open is None:
                diags.append(Diagnostic.make("E500", "`input` belongs inside a `network` block", st.span))
            elif net_open[1] is not None:
                diags.append(Diagnostic.make("E500", "this network already has an `input` line", st.span))
                net_open[3].append(st.span.line)
            elif net_open[2]:
                diags.append(Diagnostic.make("E500", "the `input` line comes before the `dense` layers", st.span))
                net_open[3].append(st.span.line)
            elif st.width < 1:
                diags.append(Diagnostic.make("E500", f"an input width of {st.width}: a width is a whole number of at least 1", st.span))
                net_open[3].append(st.span.line)
            else:
                net_open[1] = st.width
        elif isinstance(st, n.DenseLine):
            if net_open is None:
                diags.append(Diagnostic.make("E500", "`dense` belongs inside a `network` block", st.span))
            else:
                net_open[2].append(st)
        elif isinstance(st, n.BatchLine):
            from .network import batch_errors  # noqa: PLC0415
            bad = batch_errors(st.size, st.span)
            diags.extend(bad)
            if bad:
                continue
            file_batch = st.size
            cb.context = replace(cb.context, batch=st.size)
    finish_network()
    if b is not None:
        problems.append(b.build())
        diags.extend(_defined_sizes(b.context))
    return problems, diags
