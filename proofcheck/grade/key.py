"""The instructor's key: each problem's header (what is given) and goals, with the rubric.

A key is a `.proof` file. For each problem, the lines from `problem` to its last `show`/`find` are
the header (`let`, `index`, `assume`, `at`, networks, conventions, the goals); chains in the key
are the instructor's own solution and are never part of what a student is checked against. A plain
proof file (like proofs/T4.proof) is therefore a valid key.

The key's lines are numbered from `KEY_LINE_OFFSET` on, so when its header and a student's lines
are elaborated together every position says whose line it is: below the offset, the student's file;
above it, the key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from .. import nodes as n
from ..elaborate import Goal, elaborate
from ..parse import ErrorLine, parse_source
from ..pipeline import load
from ..source import Line, Source
from ..vocabulary import CONSTANTS, FUNCTION_WORDS
from .rubric import (FileSettings, GoalRubric, Rubric, RubricError, apply_file_items, apply_goal_items,
                     apply_problem_items, directive_items, work_points)

KEY_LINE_OFFSET = 10_000_000  # beyond any student file (MAX_FILE_BYTES bytes cannot hold this many lines)
FILE_LEVEL = (n.NetworkLine, n.InputLine, n.DenseLine, n.BatchLine)  # carried into every problem
SOLUTION = (n.ChainLine, n.LemmaLine, n.CaseLine, n.BlankLine, ErrorLine)  # never part of a header


class KeyError_(Exception):
    """The key cannot be used; `problems` lists (key line, message)."""

    def __init__(self, problems: list[tuple[int, str]]):
        super().__init__("; ".join(f"line {ln}: {m}" for ln, m in problems))
        self.problems = problems


@dataclass(frozen=True)
class KeyGoal:
    id: str  # "T4.1": problem name and 1-based position
    kind: str  # show | find
    line: int  # the key's own line number (1-based)
    column: int
    text: str  # the goal as written
    points: float
    milestone: bool
    required: bool


@dataclass(frozen=True)
class KeyProblem:
    name: str
    title: str | None
    line: int  # the key's own line number
    header: tuple[n.Statement, ...]  # with offset spans; file-level network lines first
    goals: tuple[KeyGoal, ...]
    rubric: Rubric
    defined: frozenset[tuple[str, str | None]]  # (base, subscript) of every target the header defines
    inputs: frozenset[tuple[str, str | None]]  # (base, subscript) of the quantities it uses but does not define
    indices: tuple[tuple[str, n.Expr, n.Expr], ...]
    assumptions: tuple[n.Condition, ...]
    point: tuple[tuple[n.Name, n.Expr], ...]
    conventions: tuple[n.ConventionLine, ...]
    networks: tuple[n.Statement, ...]
    functions: frozenset[str] = frozenset()  # the built-in functions its header applies (`\\sigma`, `\\exp`)
    layout: str = "numerator"
    shapes: tuple[tuple[n.Name, tuple[n.Expr, ...]], ...] = ()
    goal_sides: tuple[tuple[n.Expr, n.Expr | None], ...] = ()  # each goal's (lhs, rhs); rhs None for a `find`
    public_text: str = ""  # the header's proof text (comments and solution left out): what every student is given

    @property
    def max_goal_points(self) -> float:
        return sum(g.points for g in self.goals)

    @property
    def max_points(self) -> float:
        return self.max_goal_points + work_points(self.rubric, self.max_goal_points)

    @property
    def index_names(self) -> frozenset[str]:
        return frozenset(nm for nm, _, _ in self.indices)

    def gives(self, target: n.Name) -> bool:
        """Would `let target = ...` define one of the quantities this problem gives (an input)?"""
        idx = self.index_names
        return any(may_be_same(base, sub, sub is not None and all(c in idx or c in ", " for c in sub), target, idx)
                   for base, sub in self.inputs)

    def defines(self, name: n.Name) -> bool:
        """Can `name` denote (an entry of) a quantity the header defines?"""
        idx = self.index_names
        return any(may_be_same(base, sub, sub is not None and all(c in idx or c in ", " for c in sub), name, idx)
                   for base, sub in self.defined)

    def fixes(self, target: n.Name) -> bool:
        """Is `target` something the key gives, a quantity or a function its header applies? A student's
        `let` of it (`let a = 1`, `let \\sigma(t) = t`) would change the problem."""
        return self.gives(target) or (target.sub is None and target.base in self.functions)


@dataclass(frozen=True)
class Key:
    path: str
    sha256: str
    problems: tuple[KeyProblem, ...]
    settings: FileSettings = field(default_factory=FileSettings)

    def problem(self, name: str) -> KeyProblem | None:
        return next((p for p in self.problems if p.name == name), None)


def key_line(line: int) -> int:
    """A key position's own line number."""
    return line - KEY_LINE_OFFSET if line > KEY_LINE_OFFSET else line


def is_key_line(line: int) -> bool:
    return line > KEY_LINE_OFFSET


def _offset(source: Source) -> Source:
    return Source(source.path, source.text, tuple(Line(KEY_LINE_OFFSET + ln.number, ln.text, ln.code) for ln in source.lines))


def load_key(path: str) -> Key:
    """Read, parse and validate a key; raise KeyError_ with every problem found."""
    source, failure = load(path)
    if source is None:
        raise KeyError_([(d.span.line, d.message) for d in failure.diagnostics])
    return key_from_source(source)


def key_from_source(source: Source) -> Key:
    src = _offset(source)
    statements, diags = parse_source(src)
    errors = [(key_line(d.span.line), d.message) for d in diags if d.severity == "error"]
    sections = _sections(statements)
    settings, rubrics, goal_rubrics = _directives(src, statements, errors)
    file_level = tuple(st for st in sections.get(None, []) if isinstance(st, FILE_LEVEL))
    for st in sections.get(None, []):
        if not isinstance(st, FILE_LEVEL + SOLUTION):
            errors.append((key_line(st.span.line), "only networks may stand before the first `problem` of a key"))
    problems = []
    names = [name for name in sections if name is not None]
    if not names and any(not isinstance(st, FILE_LEVEL + SOLUTION) for st in sections.get(None, [])):
        names = []  # a key without `problem` lines: its statements were reported above
    for name in names:
        stmts = sections[name]
        try:
            problems.append(_problem(name, stmts, file_level, rubrics.get(name, Rubric()), goal_rubrics, src))
        except KeyError_ as exc:
            errors.extend(exc.problems)
    if not problems and not errors:
        errors.append((1, "the key has no `problem` with a `show` or `find` goal"))
    if errors:
        raise KeyError_(sorted(set(errors)))
    digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    return Key(source.path, digest, tuple(problems), settings)


def _sections(statements: list[n.Statement]) -> dict[str | None, list[n.Statement]]:
    """Statements per problem name (None: before the first `problem`); a repeated name is one section."""
    out: dict[str | None, list[n.Statement]] = {None: []}
    current: str | None = None
    for st in statements:
        if isinstance(st, n.ProblemLine):
            current = st.name
            out.setdefault(current, [])
        out[current].append(st)
    return out


def _directives(src: Source, statements, errors) -> tuple[FileSettings, dict[str, Rubric], dict[int, GoalRubric]]:
    """Rubric directives by scope: file, problem, goal line."""
    by_line = {st.span.line: st for st in statements}
    settings = FileSettings()
    file_rubric = Rubric()
    problem_items: dict[str, list] = {}
    goal_rubrics: dict[int, GoalRubric] = {}
    current: str | None = None
    for line in src.lines:
        st = by_line.get(line.number)
        if isinstance(st, n.ProblemLine):
            current = st.name
            problem_items.setdefault(current, [])
        try:
            items = directive_items(line.text, key_line(line.number))
            if items is None:
                continue
            if isinstance(st, (n.ShowLine, n.FindLine)):
                goal_rubrics[line.number] = apply_goal_items(GoalRubric(), items)
            elif not line.blank:
                raise RubricError(items.line, "a `% grade:` comment after code belongs on a `show`/`find` line or on a line of its own")
            elif current is None:
                settings, rest = apply_file_items(settings, items)
                file_rubric = apply_problem_items(file_rubric, rest)
            else:
                problem_items[current].append(items)
        except RubricError as exc:
            errors.append((exc.line, str(exc)))
    rubrics = {}
    for name, item_list in problem_items.items():
        r = file_rubric
        for items in item_list:
            try:
                r = apply_problem_items(r, items)
            except RubricError as exc:
                errors.append((exc.line, str(exc)))
        rubrics[name] = r
    return settings, rubrics, goal_rubrics


def _header(stmts: list[n.Statement]) -> list[n.Statement]:
    """The problem's lines up to its last goal, solution lines left out, `let` chains cut to the definition."""
    last_goal = max((i for i, st in enumerate(stmts) if isinstance(st, (n.ShowLine, n.FindLine))), default=-1)
    out = []
    for st in stmts[: last_goal + 1]:
        if isinstance(st, SOLUTION):
            continue
        if isinstance(st, n.LetLine) and len(st.chain.members) > 1:
            chain = n.ChainLine(st.chain.span, st.chain.members[:1], (), False, None)
            st = replace(st, chain=chain)
        out.append(st)
    return out


def _problem(name, stmts, file_level, rubric, goal_rubrics, src) -> KeyProblem:
    header = _header(stmts)
    first = stmts[0]
    if not any(isinstance(st, (n.ShowLine, n.FindLine)) for st in header):
        raise KeyError_([(key_line(first.span.line), f"problem {name} has no `show` or `find` goal")])
    problems, diags = elaborate(list(file_level) + header)
    errs = [(key_line(d.span.line), d.message) for d in diags if d.severity == "error"]
    if errs:
        raise KeyError_(errs)
    problem = next(p for p in problems if p.name == name)
    goals = []
    for k, g in enumerate(problem.goals, start=1):
        gr = goal_rubrics.get(g.span.line, GoalRubric())
        goals.append(KeyGoal(f"{name}.{k}", g.kind, key_line(g.span.line), g.span.column, _goal_text(g, src),
                             gr.points if gr.points is not None else rubric.points, gr.milestone, gr.required))
    ctx = problem.goals[-1].context
    defined = frozenset((d.target.base, d.target.raw_sub) for d in ctx.definitions)
    return KeyProblem(
        name=name, title=first.title if isinstance(first, n.ProblemLine) else None, line=key_line(first.span.line),
        header=tuple(file_level) + tuple(header), goals=tuple(goals), rubric=rubric, defined=defined,
        inputs=_inputs(problem.goals, defined, ctx.index_names), indices=ctx.indices, assumptions=ctx.assumptions,
        point=ctx.point, conventions=tuple(st for st in header if isinstance(st, n.ConventionLine)),
        networks=tuple(st for st in list(file_level) + header if isinstance(st, FILE_LEVEL)),
        functions=_functions(problem.goals), layout=ctx.layout, shapes=ctx.shapes,
        goal_sides=tuple((g.lhs, g.rhs) for g in problem.goals),
        public_text="\n".join(_given_text(st, src) for st in tuple(file_level) + tuple(header)),
    )


def _given_text(st: n.Statement, src: Source) -> str:
    """A header line's proof text as every student is given it: a `let` up to its definition (a key may
    work out a value after it, `let z = ... = 1.25`, which is the instructor's, not the student's)."""
    end = st.chain.members[0].span if isinstance(st, n.LetLine) else st.span
    lines = [src.lines[ln - 1 - KEY_LINE_OFFSET].code for ln in range(st.span.line, end.end_line + 1)]
    if isinstance(st, n.LetLine) and lines:
        lines[-1] = lines[-1][: end.end_column - 1]
    return "\n".join(lines)


def _functions(goals: tuple[Goal, ...]) -> frozenset[str]:
    """The built-in functions a problem's header applies (in its definitions, assumptions and goals)."""
    ctx = goals[-1].context
    nodes: list = [d.body for d in ctx.definitions] + list(ctx.assumptions)
    nodes += [x for g in goals for x in (g.lhs, g.rhs) if x is not None]
    out = {nm.base for x in nodes for nm in n.names(x) if nm.sub is None and nm.base in FUNCTION_WORDS}
    out |= {call.func for x in nodes for call in _calls(x)}
    return frozenset(out)


def _calls(e) -> list[n.Call]:
    found = [e] if isinstance(e, n.Call) else []
    for x in n.children(e):
        found += _calls(x)
    return found


def _goal_text(g: Goal, src: Source) -> str:
    """The goal as the key writes it: `lhs = rhs` for a `show`, the target for a `find`."""
    def cut(node: n.Expr) -> str:
        s = node.span
        if s.line != s.end_line:
            return ""
        return src.line_text(key_line(s.line))[s.column - 1: s.end_column - 1].strip()

    if g.kind == "find":
        return cut(g.lhs)
    return f"{cut(g.lhs)} = {cut(g.rhs)}"


def family(name: n.Name, index_names: frozenset[str]) -> bool:
    """Does a name stand for a family over index letters (`h_j`, `W_{ij}`) rather than one quantity?"""
    if name.sub is None:
        return False
    letters = [x.base for x in name.sub if isinstance(x, n.Name) and x.sub is None]
    return any(x in index_names or (len(x) > 1 and all(c in index_names for c in x)) for x in letters)


def may_be_same(a_base: str, a_sub: str | None, a_family: bool, b: n.Name, index_names: frozenset[str]) -> bool:
    """Can a written name `b` denote (an entry of) the quantity (a_base, a_sub)?"""
    if a_base != b.base or (a_sub is None) != (b.sub is None):
        return False
    return a_sub == b.raw_sub or a_family or family(b, index_names)


def _inputs(goals: tuple[Goal, ...], defined, index_names: frozenset[str]) -> frozenset[tuple[str, str | None]]:
    """The quantities a problem is given: used in its header, defined by none of its `let`s."""
    ctx = goals[-1].context
    targets = [(d.target.base, d.target.raw_sub, family(d.target, index_names)) for d in ctx.definitions]
    nodes: list = [d.body for d in ctx.definitions] + list(ctx.assumptions) + [nm for nm, _ in ctx.point]
    nodes += [x for g in goals for x in (g.lhs, g.rhs) if x is not None]
    params = {p for d in ctx.definitions if d.params for p in d.params}
    out = set()
    for x in nodes:
        for nm in n.names(x):
            if nm.base in index_names or nm.base in FUNCTION_WORDS or nm.base in CONSTANTS or nm.base in params:
                continue
            if any(may_be_same(b, s, f, nm, index_names) for b, s, f in targets):
                continue
            out.add((nm.base, nm.raw_sub))
    return frozenset(out)
