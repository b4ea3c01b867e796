"""Apply the key to one student's file: split it into problems, keep the key's header in force, check.

For each key problem the statements checked are the key's header (its `let`s, `index`, `assume`,
`at`, networks and goals, positioned in the key) followed by the student's statements for that
problem (positioned in the student's file). What a student may not change is taken out here and
reported as a finding: the key's header is in force whatever the student writes.

  kept      chains, lemmas, `case`, new `let`s, `let`s restating a key definition (checked: E203 if
            they disagree), `index` lines for new letters, shapes of new names
  dropped   `problem` (the key's is used), `show`/`find` (never earn credit), and everything that
            would change what is given: `assume`, `at`, conventions and `layout`, networks (a
            restated block must be the key's, layer by layer), shapes of the key's quantities,
            `index` ranges of the key's letters, a `let` of a given quantity or of a function the
            key applies. Restating the key's own line is silent.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from fractions import Fraction

from .. import nodes as n
from ..check import check_problem
from ..diagnostics import Diagnostic
from ..elaborate import Problem, elaborate
from ..options import Options
from ..parse import ErrorLine, parse_source
from ..results import ProblemResult
from ..source import Source, Span
from ..check.goals import same
from ..vocabulary import CONSTANTS
from .key import KEY_LINE_OFFSET, Key, KeyProblem, may_be_same

NETWORK_BODY = (n.InputLine, n.DenseLine)
# findings that mean the student changed the problem: nothing is carried in it, and the instructor reviews it
CHANGES_PROBLEM = frozenset({"added-assumption", "changed-given", "changed-convention", "changed-network", "changed-index",
                             "changed-shape", "defined-input", "changed-definition"})


@dataclass(frozen=True)
class Finding:
    """Something about a submission the instructor should know; never a source of credit."""

    kind: str  # docs/grading.md, "Findings"
    line: int  # in the student's file; 0 for the whole file
    text: str
    path: str = ""


@dataclass
class Section:
    """One student's statements for one problem name, from one file."""

    name: str
    path: str
    source: Source
    line: int  # the `problem` line (1 when the file has none)
    end_line: int
    statements: list[n.Statement] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # parse diagnostics on its lines


@dataclass
class Checked:
    """A section checked under the key."""

    section: Section
    problem: Problem
    result: ProblemResult
    diagnostics: list[Diagnostic]  # on the student's lines
    key_diagnostics: list[Diagnostic]  # on the key's lines (goal messages)
    findings: list[Finding]
    rejected_lets: list[int]  # student lines of `let`s that restate a key definition and disagree (E203)


def sections(source: Source, implicit: str | None) -> tuple[list[Section], list[Diagnostic], list[n.Statement]]:
    """A file's statements per `problem`; the work before the first `problem` line goes to `implicit`
    (the key's only problem) when the file has no `problem` line at all. Also returns the diagnostics
    and the statements outside every section (reported, not graded)."""
    statements, diags = parse_source(source)
    last = len(source.lines)
    out: list[Section] = []
    current: Section | None = None
    has_problem = any(isinstance(st, n.ProblemLine) for st in statements)
    if not has_problem and implicit is not None:
        current = Section(implicit, source.path, source, 1, last)
        out.append(current)
    outside: list[n.Statement] = []
    for st in statements:
        if isinstance(st, n.ProblemLine):
            if current is not None:
                current.end_line = st.span.line - 1
            current = Section(st.name, source.path, source, st.span.line, last)
            out.append(current)
            continue
        (current.statements if current is not None else outside).append(st)
    stray = []
    for d in diags:
        home = next((s for s in out if s.line <= d.span.line <= s.end_line), None)
        (home.diagnostics if home is not None else stray).append(d)
    return out, stray, outside


def suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5) or \
        [k for k in known if k.lower() == name.lower()]
    return f" (did you mean `{close[0]}`?)" if close else ""


# ------------------------------------------------------------------ what a student may not change


def _exact(e: n.Expr) -> Fraction | None:
    """A written number's exact value (`1` and `1.0` are the same given value)."""
    if isinstance(e, n.Num):
        try:
            return Fraction(e.text)
        except (ValueError, ZeroDivisionError):
            return None
    if isinstance(e, n.Neg):
        v = _exact(e.arg)
        return -v if v is not None else None
    if isinstance(e, n.Group) and len(e.items) == 1:
        return _exact(e.items[0])
    if isinstance(e, n.Frac):
        a, b = _exact(e.num), _exact(e.den)
        return a / b if a is not None and b not in (None, 0) else None
    return None


def _same_value(a: n.Expr, b: n.Expr) -> bool:
    va, vb = _exact(a), _exact(b)
    return va == vb if va is not None and vb is not None else a == b


def _network_blocks(statements) -> dict[str, tuple[n.Statement, ...]]:
    """Each `network` block by name: its `network` line and body lines (spans aside, as written)."""
    out: dict[str, tuple[n.Statement, ...]] = {}
    current: str | None = None
    for st in statements:
        if isinstance(st, n.NetworkLine):
            current = st.name
            out[current] = (st,)
        elif isinstance(st, NETWORK_BODY) and current is not None:
            out[current] += (st,)
        else:
            current = None
    return out


def screen(kp: KeyProblem, statements: list[n.Statement], path: str) -> tuple[list[n.Statement], list[Finding]]:
    """The student's statements the key allows, and a finding for each one taken out."""
    kept: list[n.Statement] = []
    findings: list[Finding] = []

    def drop(st, kind, text):
        findings.append(Finding(kind, st.span.line, text, path))

    ranges = {nm: (lo, hi) for nm, lo, hi in kp.indices}
    key_blocks = _network_blocks(kp.networks)
    student_blocks = _network_blocks(statements)
    in_block = False
    for st in statements:
        if isinstance(st, NETWORK_BODY) and in_block:
            continue  # judged with its `network` line, as one block
        in_block = isinstance(st, n.NetworkLine)
        if isinstance(st, (n.ShowLine, n.FindLine)):
            continue  # the key's goals are graded; changed goals are reported by `goal_findings`
        if isinstance(st, n.AssumeLine):
            new = [c for c in st.conds if c not in kp.assumptions]
            if new:
                drop(st, "added-assumption", "this `assume` is not in the key, so it was ignored: the key's assumptions are in force")
        elif isinstance(st, n.AtLine):
            given = {nm: v for nm, v in kp.point}
            changed = [nm.display for nm, v in st.values if nm not in given or not _same_value(given[nm], v)]
            if changed:
                drop(st, "changed-given", f"this `at` changes or adds given values ({', '.join(changed)}), so it was ignored: the key's values are in force")
        elif isinstance(st, n.ConventionLine):
            if not any(st.func == c.func and _same_value(st.value, c.value) for c in kp.conventions):
                drop(st, "changed-convention", "this convention is not the key's, so it was ignored")
        elif isinstance(st, n.LayoutLine):
            if st.layout != kp.layout:
                drop(st, "changed-convention", f"the key lays out Jacobians in {kp.layout} layout; this `layout` line was ignored")
        elif isinstance(st, n.ShapeLine):
            allowed = tuple(d for d in st.decls if not _reshapes(kp, *d))
            if len(allowed) < len(st.decls):
                names = ", ".join(f"`{nm.display}`" for nm, dims in st.decls if _reshapes(kp, nm, dims))
                drop(st, "changed-shape", f"the key gives the shapes; this declaration of {names} was ignored")
            if allowed:
                kept.append(replace(st, decls=allowed))
        elif isinstance(st, n.NetworkLine):
            block = student_blocks.get(st.name)
            if key_blocks.get(st.name) != block:
                drop(st, "changed-network", "networks are given by the key; this one is not the key's, so it was ignored")
        elif isinstance(st, (n.BatchLine,) + NETWORK_BODY):
            if st not in kp.networks:
                drop(st, "changed-network", "networks are given by the key; this line was ignored")
        elif isinstance(st, n.IndexLine):
            clash = [nm.base for nm in st.names if nm.base in ranges and ranges[nm.base] != (st.lower, st.upper)]
            taken = [nm.display for nm in (*st.names, *_plain_names(st.lower), *_plain_names(st.upper))
                     if nm.base not in ranges and (kp.fixes(nm) or kp.defines(nm) or _constant(nm))]
            if clash:
                drop(st, "changed-index", f"this changes the range of the key's index {', '.join(clash)}, so it was ignored")
            elif taken:
                drop(st, "changed-index", f"this makes {', '.join(dict.fromkeys(taken))}, which the key gives, defines or uses as a constant, "
                                          "an index or a size (a whole number), so it was ignored")
            elif any(nm.base not in ranges for nm in st.names):
                kept.append(st)
        elif isinstance(st, n.LetLine) and (kp.fixes(st.target) or _power_of_given(kp, st.target) or _constant(st.target)):
            what = ("a constant" if _constant(st.target) else "given by the key" if kp.gives(st.target)
                    else "a function the key applies" if kp.fixes(st.target) else "a power of a quantity of the key")
            drop(st, "defined-input", f"`{st.target.display}` is {what}; defining it changes the problem, so this `let` was ignored")
        else:
            kept.append(st)
    return kept, findings


def _constant(name: n.Name) -> bool:
    """`e` or `\\pi` (vocabulary.CONSTANTS): a student's `let e = 1` or `index e in 1..1` would change
    every e of the key."""
    return name.sub is None and name.base in CONSTANTS


def _power_of_given(kp: KeyProblem, target: n.Name) -> bool:
    """`let x^2 = 9` names the node x² of an input x the key gives or a quantity it defines: the key's
    own x^2 then reads as that node, which changes the problem as `let x = 3` would."""
    head, power, _ = target.base.partition("^")
    base = replace(target, base=head)
    return bool(power) and (kp.gives(base) or kp.defines(base))  # not a function's name: `\\sigma^2`, a variance


def _plain_names(e) -> list[n.Name]:
    """The names written in an index line's bound (`1..a`, `1..g`)."""
    if isinstance(e, n.Name):
        return [e]
    return [nm for c in n.children(e) for nm in _plain_names(c)] if isinstance(e, (n.Node, tuple, list)) else []


def _reshapes(kp: KeyProblem, name: n.Name, dims: tuple[n.Expr, ...]) -> bool:
    """Would declaring `name` with `dims` change a shape the key gives (or give one to a key quantity)?"""
    idx = kp.index_names
    for key_name, key_dims in kp.shapes:
        if same(key_name, name, idx):
            return not same(key_dims, dims, idx)
    return kp.gives(name) or any(may_be_same(b, sub, False, name, idx) for b, sub in kp.defined)


def goal_findings(kp: KeyProblem, statements: list[n.Statement], path: str) -> list[Finding]:
    """A student `show`/`find` that is not one of the key's goals (up to notation): reported (the key's
    goal is graded). Restating a key goal with other spacing or notation changes nothing."""
    idx = kp.index_names
    shows = [(a, b) for a, b in kp.goal_sides if b is not None]
    finds = [a for a, b in kp.goal_sides if b is None]
    out = []
    for st in statements:
        if isinstance(st, n.ShowLine):
            known = any((same(st.lhs, a, idx) and same(st.rhs, b, idx)) or (same(st.lhs, b, idx) and same(st.rhs, a, idx))
                        for a, b in shows)
        elif isinstance(st, n.FindLine):
            known = all(any(same(t, a, idx) for a in finds) for t in st.targets)
        else:
            continue
        if not known:
            out.append(Finding("changed-goal", st.span.line,
                               "this goal is not the key's; your work is graded against the key's goals", path))
    return out


# ------------------------------------------------------------------ checking


def check_section(key: Key, kp: KeyProblem, section: Section, options: Options) -> Checked:
    """Elaborate the key's header and the student's kept statements as one problem, and check it."""
    kept, findings = screen(kp, section.statements, section.path)
    findings += goal_findings(kp, section.statements, section.path)
    spliced = list(kp.header) + [n.BlankLine(Span.at(KEY_LINE_OFFSET + kp.line, 1))] + kept
    problems, ediags = elaborate(spliced)
    problem = [p for p in problems if p.name == kp.name][-1]
    result, cdiags = check_problem(problem, options)
    student, keyside = list(section.diagnostics), []
    seen = set()
    for d in ediags + cdiags:
        k = (d.code, d.span.line, d.span.column, d.message)
        if k in seen:
            continue
        seen.add(k)
        (keyside if d.span.line > KEY_LINE_OFFSET else student).append(d)
    student.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    key_defs = {(t.base, t.raw_sub) for t in (st.target for st in kp.header if isinstance(st, n.LetLine))}
    let_lines = {st.span.line: st for st in kept if isinstance(st, n.LetLine)}
    rejected = sorted({d.span.line for d in student if d.code == "E203" and d.span.line in let_lines
                       and (let_lines[d.span.line].target.base, let_lines[d.span.line].target.raw_sub) in key_defs})
    for line in rejected:
        findings.append(Finding("changed-definition", line,
                                f"this `let` changes the key's definition of `{let_lines[line].target.display}`; "
                                "nothing after it earns credit until it agrees", section.path))
    findings.sort(key=lambda f: (f.line, f.kind))
    return Checked(section, problem, result, student, keyside, findings, rejected)


def readable(statements) -> list[n.Statement]:
    """The statements that are more than unreadable or blank lines."""
    return [st for st in statements if not isinstance(st, (ErrorLine, n.BlankLine))]
