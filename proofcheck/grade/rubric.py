"""The rubric: how many points each goal and each problem's work are worth, and the policies.

An instructor writes rubric directives as `% grade:` comments in the key, so the key stays a
`.proof` file that `proofcheck check` reads like any other (docs/grading.md lists them). A directive
line on its own applies to the file (before the first `problem`) or to its problem; written at the
end of a `show`/`find` line it applies to that goal. Items are separated by `;`:

    % grade: points 2; attempts first
    show \\frac{\\partial L}{\\partial h_i} = o_i - y_i   % grade: points 3; milestone required

Everything has a default, so a key without any directive is graded by the default rubric.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from . import FEEDBACK_LEVELS  # what a student's page shows (docs/grading.md, "Feedback")

DIRECTIVE = re.compile(r"(?<!\\)%\s*grade\s*:(.*)$")

# defaults (docs/grading.md, "The default rubric")
DEFAULT_GOAL_POINTS = 1.0
DEFAULT_WORK_SHARE = 0.5  # a problem's work is worth half its goals' points unless `work` says otherwise
DEFAULT_MIN_STEPS = 2  # a goal's chain needs this many steps of work for full marks
DEFAULT_ANSWER_ONLY = 0.5  # fraction of a goal's points for an answer without (enough) work
DEFAULT_ATTEMPT_PENALTY = 0.5  # fraction of a goal's points lost per failed attempt at it
DEFAULT_CARRIED = 1.0  # fraction of a goal's points when it is reached consistently with an earlier mistake


class RubricError(ValueError):
    """A directive that cannot be read; carries the key line it is on."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Rubric:
    """Policies in force for one problem (file defaults, then the problem's own directives)."""

    points: float = DEFAULT_GOAL_POINTS  # per goal, unless the goal says otherwise
    work: float | None = None  # the problem's work points; None: DEFAULT_WORK_SHARE of its goals' points
    min_steps: int = DEFAULT_MIN_STEPS
    answer_only: float = DEFAULT_ANSWER_ONLY
    attempts: str = "penalty"  # first | best | penalty
    attempt_penalty: float = DEFAULT_ATTEMPT_PENALTY
    at_point: bool = True  # steps with symbols that hold only at the given point earn work credit
    tolerance: float | None = None  # `\approx` answers within this distance of the exact value are accepted
    unknown: float = 0.0  # points taken off per step that could not be decided
    mistake: float = 0.0  # points taken off per mistake (once per mistake, never for what follows from it)
    carried: float = DEFAULT_CARRIED
    feedback: str = "full"


@dataclass(frozen=True)
class GoalRubric:
    """What one goal is worth and whether it is a milestone."""

    points: float | None = None  # None: the problem's `points`
    milestone: bool = False
    required: bool = False


@dataclass(frozen=True)
class FileSettings:
    """Directives that only make sense once per key."""

    assignment: str | None = None
    submit: tuple[str, ...] = ()  # the file names a submission must use (empty: any .proof file)


@dataclass
class _Items:
    line: int
    items: list[tuple[str, list[str]]] = field(default_factory=list)


def directive_items(text: str, line: int) -> _Items | None:
    """The items of a `% grade:` comment in a line's text, or None when the line has none."""
    m = DIRECTIVE.search(text)
    if m is None:
        return None
    out = _Items(line)
    for raw in m.group(1).split(";"):
        words = raw.split()
        if words:
            out.items.append((words[0].lower(), words[1:]))
    if not out.items:
        raise RubricError(line, "an empty `% grade:` directive")
    return out


def _number(line: int, word: str, what: str, lo: float = 0.0, hi: float = math.inf) -> float:
    try:
        v = float(word)
    except ValueError:
        raise RubricError(line, f"`{what}` takes a number, not `{word}`") from None
    if not math.isfinite(v) or not lo <= v <= hi:
        bound = f"between {lo:g} and {hi:g}" if math.isfinite(hi) else f"at least {lo:g}"
        raise RubricError(line, f"`{what}` must be a number {bound}, not `{word}`")
    return v


def _one(line: int, name: str, args: list[str]) -> str:
    if len(args) != 1:
        raise RubricError(line, f"`{name}` takes one value")
    return args[0]


def apply_problem_items(r: Rubric, items: _Items) -> Rubric:
    """Problem-level (or file-level) items onto a rubric."""
    line = items.line
    for name, args in items.items:
        if name == "points":
            r = replace(r, points=_number(line, _one(line, name, args), name))
        elif name == "work":
            r = replace(r, work=_number(line, _one(line, name, args), name))
        elif name == "min-steps":
            v = _number(line, _one(line, name, args), name, 0, 1000)
            if v != int(v):
                raise RubricError(line, "`min-steps` is a whole number")
            r = replace(r, min_steps=int(v))
        elif name == "answer-only":
            r = replace(r, answer_only=_number(line, _one(line, name, args), name, 0, 1))
        elif name == "carried":
            r = replace(r, carried=_number(line, _one(line, name, args), name, 0, 1))
        elif name == "attempts":
            if args[:1] in (["first"], ["best"]) and len(args) == 1:
                r = replace(r, attempts=args[0])
            elif len(args) == 2 and args[0] == "penalty":
                r = replace(r, attempts="penalty", attempt_penalty=_number(line, args[1], "attempts penalty", 0, 1))
            else:
                raise RubricError(line, "`attempts` is `first`, `best` or `penalty F` (F between 0 and 1)")
        elif name == "at-point":
            v = _one(line, name, args).lower()
            if v not in ("yes", "no"):
                raise RubricError(line, "`at-point` is `yes` or `no`")
            r = replace(r, at_point=v == "yes")
        elif name == "tolerance":
            r = replace(r, tolerance=_number(line, _one(line, name, args), name))
        elif name == "unknown":
            r = replace(r, unknown=_number(line, _one(line, name, args), name))
        elif name == "mistake":
            r = replace(r, mistake=_number(line, _one(line, name, args), name))
        elif name == "feedback":
            v = _one(line, name, args).lower()
            if v not in FEEDBACK_LEVELS:
                raise RubricError(line, f"`feedback` is one of {', '.join(FEEDBACK_LEVELS)}")
            r = replace(r, feedback=v)
        elif name in ("milestone", "required"):
            raise RubricError(line, f"`{name}` belongs at the end of a `show`/`find` line")
        elif name in ("assignment", "submit"):
            raise RubricError(line, f"`{name}` belongs before the first `problem`")
        else:
            raise RubricError(line, f"unknown rubric item `{name}` (docs/grading.md lists them)")
    return r


def apply_goal_items(g: GoalRubric, items: _Items) -> GoalRubric:
    """Items written at the end of a goal line."""
    line = items.line
    for name, args in items.items:
        if name == "points":
            g = replace(g, points=_number(line, _one(line, name, args), name))
        elif name == "milestone":
            if args not in ([], ["required"]):
                raise RubricError(line, "`milestone` takes nothing or `required`")
            g = replace(g, milestone=True, required=bool(args))
        elif name == "required":
            g = replace(g, milestone=True, required=True)
        else:
            raise RubricError(line, f"`{name}` cannot stand on a goal line (only `points`, `milestone`, `required`)")
    return g


def apply_file_items(s: FileSettings, items: _Items) -> tuple[FileSettings, _Items]:
    """Split file-only items off; the rest are rubric defaults for every problem."""
    rest = _Items(items.line)
    for name, args in items.items:
        if name == "assignment":
            if not args:
                raise RubricError(items.line, "`assignment` takes a name")
            s = replace(s, assignment=" ".join(args))
        elif name == "submit":
            if not args:
                raise RubricError(items.line, "`submit` takes one or more file names")
            s = replace(s, submit=s.submit + tuple(args))
        else:
            rest.items.append((name, args))
    return s, rest


def work_points(r: Rubric, goal_points: float) -> float:
    return r.work if r.work is not None else DEFAULT_WORK_SHARE * goal_points
