"""The corpus: every `tests/corpus/*.proof` file is checked and its inline expectations enforced.

The expectation syntax lives in comments (so each case stays a valid proof); see
tests/corpus/README.md. The runner asserts that every expectation is met AND that nothing
unexpected happened: every refuted or unknown step, every error or warning diagnostic and every
goal that is not met must be expected on its line. A case therefore cannot pass silently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from proofcheck.options import Options
from proofcheck.pipeline import check_path

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

CORPUS = Path(__file__).resolve().parent / "corpus"
OPTIONS = Options(seed=0, timeout=30, workers=2)

VERDICTS = {"proved", "numeric", "refuted", "unknown"}
ALIASES = {"ok": {"proved", "numeric"}}
GOAL_STATUSES = {"met", "unmet", "wrong"}
AGAINST = {"previous", "last-accepted"}

_COMMENT = re.compile(r"(?<!\\)%(.*)$")
_DIRECTIVE = re.compile(r"^(expect|expect-error|expect-warning|expect-goal|expect-against|xfail)\s*:\s*(.*)$")
_CODE = re.compile(r"^([EW]\d{3})(?:@(\d+))?$")


class ExpectationSyntaxError(ValueError):
    pass


@dataclass
class LineExpect:
    steps: list[set[str]] | None = None  # one set of allowed verdicts per step, in column order
    errors: list[tuple[str, int | None]] = field(default_factory=list)  # (code, column or None)
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
    goals: list[set[str]] | None = None  # one set of allowed statuses per goal, in column order
    against: str | None = None


@dataclass
class FileExpect:
    lines: dict[int, LineExpect]
    xfail: str | None = None


def parse_expectations(text: str) -> FileExpect:
    """Read the `% expect...:` comments of a corpus file (raises ExpectationSyntaxError on typos)."""
    lines: dict[int, LineExpect] = {}
    xfail = None
    for number, raw in enumerate(text.split("\n"), start=1):
        m = _COMMENT.search(raw)
        if not m:
            continue
        for part in m.group(1).split(";"):
            part = part.strip()
            if not re.match(r"^(ex|xf)[\w-]*\s*:", part.lower()):
                continue  # ordinary prose comment (a word like `expct:` is read as a typo below)
            d = _DIRECTIVE.match(part)
            if not d:
                raise ExpectationSyntaxError(f"line {number}: malformed expectation {part!r}")
            kind, value = d.group(1), d.group(2).strip()
            le = lines.setdefault(number, LineExpect())
            words = value.replace(",", " ").split()
            if kind == "xfail":
                if number != 1 or not value:
                    raise ExpectationSyntaxError(f"line {number}: `xfail: reason` belongs on line 1")
                xfail = value
            elif kind == "expect":
                if not words or le.steps is not None:
                    raise ExpectationSyntaxError(f"line {number}: empty or repeated `expect:`")
                le.steps = []
                for w in words:
                    allowed: set[str] = set()
                    for alt in w.split("|"):
                        if alt in ALIASES:
                            allowed |= ALIASES[alt]
                        elif alt in VERDICTS:
                            allowed.add(alt)
                        else:
                            raise ExpectationSyntaxError(f"line {number}: unknown verdict {alt!r}")
                    le.steps.append(allowed)
            elif kind in ("expect-error", "expect-warning"):
                if not words:
                    raise ExpectationSyntaxError(f"line {number}: `{kind}:` needs a code")
                for w in words:
                    c = _CODE.match(w)
                    if not c:
                        raise ExpectationSyntaxError(f"line {number}: bad diagnostic code {w!r}")
                    code = c.group(1)
                    if (kind == "expect-error") != code.startswith("E"):
                        raise ExpectationSyntaxError(f"line {number}: {code} under `{kind}:`")
                    if code in ("E300", "E301", "E302", "E303"):
                        raise ExpectationSyntaxError(
                            f"line {number}: {code} is implied by `expect: refuted|unknown` / `expect-goal:`; do not list it")
                    (le.errors if kind == "expect-error" else le.warnings).append((code, int(c.group(2)) if c.group(2) else None))
            elif kind == "expect-goal":
                if not words or any(alt not in GOAL_STATUSES for w in words for alt in w.split("|")):
                    raise ExpectationSyntaxError(f"line {number}: goal status must be one of {sorted(GOAL_STATUSES)}")
                le.goals = [set(w.split("|")) for w in words]
            elif kind == "expect-against":
                if value not in AGAINST:
                    raise ExpectationSyntaxError(f"line {number}: `expect-against:` must be one of {sorted(AGAINST)}")
                le.against = value
    return FileExpect(lines, xfail)


# steps' verdicts and goals' statuses explain these diagnostics; anything else must be listed
_IMPLIED_BY_STEP = {"refuted": "E300", "unknown": "E301"}
_IMPLIED_BY_GOAL = {"unmet": "E302", "wrong": "E303"}


def mismatches(expect: FileExpect, result) -> list[str]:
    """Every way `result` differs from `expect`: unmet expectations and unexpected findings."""
    problems: list[str] = []
    steps = defaultdict(list)
    for p in result.problems:
        for s in p.steps:
            steps[s.line].append(s)
    goals = defaultdict(list)
    for p in result.problems:
        for g in p.goals:
            goals[g.line].append(g)
    implied: set[tuple[str, int, int]] = set()

    for line in sorted(set(steps) | {ln for ln, le in expect.lines.items() if le.steps is not None or le.against}):
        got = sorted(steps.get(line, []), key=lambda s: s.column)
        le = expect.lines.get(line, LineExpect())
        want = le.steps if le.steps is not None else [ALIASES["ok"]] * len(got)
        verdicts = [f"{s.column}:{s.verdict}" for s in got]
        for s in got:
            if s.verdict in _IMPLIED_BY_STEP:
                implied.add((_IMPLIED_BY_STEP[s.verdict], s.line, s.column))
        if len(want) != len(got):
            problems.append(f"line {line}: expected {len(want)} step(s), got {len(got)} {verdicts}")
            continue
        for s, allowed in zip(got, want):
            if s.verdict not in allowed:
                why = f" ({s.message})" if s.message else ""
                problems.append(f"line {line} col {s.column}: step is {s.verdict}{why}, expected {'|'.join(sorted(allowed))}")
            if le.against and s.compared_with != le.against:
                problems.append(f"line {line} col {s.column}: compared with {s.compared_with}, expected {le.against}")

    for line in sorted(set(goals) | {ln for ln, le in expect.lines.items() if le.goals is not None}):
        got = sorted(goals.get(line, []), key=lambda g: g.column)
        le = expect.lines.get(line, LineExpect())
        want = le.goals if le.goals is not None else [{"met"}] * len(got)
        if len(want) != len(got):
            problems.append(f"line {line}: expected {len(want)} goal(s), got {[(g.column, g.status) for g in got]}")
            continue
        for g, allowed in zip(got, want):
            if g.status not in allowed:
                problems.append(f"line {line} col {g.column}: goal is {g.status} ({g.message}), expected {'|'.join(sorted(allowed))}")
            if g.status in _IMPLIED_BY_GOAL:
                implied.add((_IMPLIED_BY_GOAL[g.status], g.line, g.column))

    diags = defaultdict(list)
    for d in result.diagnostics:
        if (d.code, d.span.line, d.span.column) in implied:
            continue
        if d.code in ("E300", "E301", "E302", "E303") or d.severity in ("error", "warning"):
            diags[d.span.line].append(d)
    for line in sorted(set(diags) | set(expect.lines)):
        le = expect.lines.get(line, LineExpect())
        got = list(diags.get(line, []))
        for code, col in le.errors + le.warnings:
            hit = next((d for d in got if d.code == code and (col is None or d.span.column == col)), None)
            if hit is None:
                where = f" at column {col}" if col else ""
                seen = [f"{d.code}@{d.span.column}" for d in diags.get(line, [])]
                problems.append(f"line {line}: expected {code}{where}, got {seen or 'none'}")
            else:
                got.remove(hit)
        for d in got:
            problems.append(f"line {line} col {d.span.column}: unexpected {d.severity}[{d.code}]: {d.message}")
    return problems


SLOW_HEADER_LINES = 3  # `% slow: reason` counts within a file's first lines


def proof_files(root: Path, pattern: str = "*.proof") -> list:
    """pytest params for the `.proof` files below `root`, with `% xfail: reason` on line 1 as a strict xfail
    and `% slow: reason` on one of the first SLOW_HEADER_LINES lines marked slow (run by CI, not by default)."""
    params = []
    for path in sorted(root.glob(pattern)):
        head = path.read_bytes().split(b"\n", SLOW_HEADER_LINES)[:SLOW_HEADER_LINES]
        first = head[0].decode("utf-8", "replace")
        marks = []
        m = re.search(r"%\s*xfail\s*:\s*(.+)$", first)
        if m:
            marks.append(pytest.mark.xfail(strict=True, reason=m.group(1).strip()))
        if any(re.match(r"%\s*slow\s*:", line.decode("utf-8", "replace")) for line in head):
            marks.append(pytest.mark.slow)
        params.append(pytest.param(path, id=str(path.relative_to(root)), marks=marks))
    return params


@pytest.mark.parametrize("path", proof_files(CORPUS))
def test_corpus_file(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    expect = parse_expectations(text)
    result = check_path(str(path), OPTIONS)
    checked = sum(len(p.steps) for p in result.problems) + sum(len(p.goals) for p in result.problems) + len(result.diagnostics)
    assert checked or expect.lines, f"{path.name}: nothing was checked and nothing is expected"
    problems = mismatches(expect, result)
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


def test_corpus_is_not_empty() -> None:
    assert len(list(CORPUS.glob("*.proof"))) >= 20


# codes the corpus does not need to cover: networks (their own tests), the autodiff cross-check and
# its budget (tests/test_budgets.py covers W313), the file-level codes a .proof file cannot carry
# (tests/test_cli.py covers E400 and E403), and the codes of documents (tests/test_documents.py covers
# E104, E407 and W408; tests/test_status.py covers E408, a crash of ours)
NOT_IN_CORPUS = {"E304", "W313", "E400", "E403", "E404", "E405", "E406",  # E404-E406: tests/test_status.py
                 "E104", "E407", "W408", "E408"}


def test_corpus_covers_every_code() -> None:
    from proofcheck.diagnostics import CODES

    seen: set[str] = set()
    for path in CORPUS.glob("*.proof"):
        expect = parse_expectations(path.read_bytes().decode("utf-8", "replace"))
        if expect.xfail:
            continue
        for le in expect.lines.values():
            seen.update(code for code, _ in le.errors + le.warnings)
            for allowed in le.steps or []:
                seen.update(_IMPLIED_BY_STEP[v] for v in allowed if v in _IMPLIED_BY_STEP)
            seen.update(_IMPLIED_BY_GOAL[g] for allowed in le.goals or [] for g in allowed if g in _IMPLIED_BY_GOAL)
    wanted = {c for c in CODES if not c.startswith("E5")} - NOT_IN_CORPUS
    assert not wanted - seen, f"no corpus case expects {sorted(wanted - seen)}"


# ------------------------------------------------------------------ the runner itself can fail

_SELF_TESTS = [
    # (text, number of mismatches expected) : the runner must notice what is not expected
    ("x + x = 2 x\n", 0),
    ("x + x = 3 x\n", 1),  # a refuted step that is not expected
    ("x + x = 3 x   % expect: refuted\n", 0),
    ("x + x = 2 x   % expect: refuted\n", 1),  # expected refuted, got proved
    ("x + x = 2 x = 3 x   % expect: ok\n", 1),  # two steps on the line, one expectation
    ("x + x = 2 x = 3 x   % expect: ok refuted\n", 0),
    ("x = x + (   % expect-error: E100\n", 0),
    ("x = x + (\n", 1),
    ("x = x   % expect-error: E200\n", 1),  # expected error that does not come
    ("show a = a   % expect-goal: met\n", 1),  # no chain: unmet, not met
    ("show a = a   % expect-goal: unmet\n", 0),
    ("show a = a   % expect-goal: unmet|wrong\n", 0),  # alternatives: either status is expected
    ("show a = a   % expect-goal: met|wrong\n", 1),
]


@pytest.mark.parametrize("text,count", _SELF_TESTS)
def test_runner_notices(text: str, count: int) -> None:
    from proofcheck.pipeline import check_text

    problems = mismatches(parse_expectations(text), check_text(text, "<self-test>", OPTIONS))
    assert len(problems) == count, problems


@pytest.mark.parametrize("bad", [
    "x = x % expect: proven", "x = x % expct-error: E200", "x = x % expect-error: W310",
    "x = x % expect-error: E300", "x = x % expect-goal: done", "x = x % expect-goal: unmet|done", "\nx = x % xfail: not on line 1",
])
def test_runner_rejects_malformed_expectations(bad: str) -> None:
    with pytest.raises(ExpectationSyntaxError):
        parse_expectations(bad)
