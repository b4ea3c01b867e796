"""What grading produces: plain, picklable, JSON-ready records (the results.json schema).

The schema is documented field by field in docs/grading.md ("results.json") and versioned by
`SCHEMA`; a field is never renamed or given a new meaning without a new version.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "proofcheck-grades/1"
POINT_DIGITS = 4  # points are rounded to this many decimals, so sums print the same everywhere


def pts(x: float) -> float:
    return round(x + 0.0, POINT_DIGITS) + 0.0  # + 0.0: never -0.0


@dataclass
class Message:
    """A diagnostic or finding, located in the student's file (line 0: the whole file)."""

    kind: str  # a diagnostic code (E300, ...) or a finding kind (missing-problem, added-assumption, ...)
    severity: str  # error | warning | note
    text: str
    path: str = ""
    line: int = 0
    column: int = 0
    notes: list[str] = field(default_factory=list)
    reveals: bool = False  # the text holds a value the checker worked out (reveal.py): hidden below `full`
    notes_reveal: list[bool] = field(default_factory=list)  # the same, per note


@dataclass
class StepRecord:
    line: int
    column: int
    end_line: int
    end_column: int
    chain: int
    verdict: str  # the checker's: proved | numeric | refuted | unknown
    grade: str  # accepted | carried | refuted | unknown | jumped | at-point | void
    counts: bool  # counts towards the problem's work (its sides differ)
    work: bool  # counts towards a goal's min-steps (it also starts from something that is not a number)
    compared_with: str
    method: str
    note: str = ""
    message: str = ""
    counterexample: dict[str, Any] | None = None
    note_reveals: bool = False  # the note holds a value the checker worked out: hidden below `full`


@dataclass
class GoalRecord:
    id: str
    kind: str
    text: str
    status: str  # met | carried | unmet | wrong | missing
    reason: str  # the checker's reason, or grading's (answer-only, not-credited, ...)
    points: float
    max_points: float
    milestone: bool = False
    chain_lines: list[int] | None = None  # first and last line of the chain that earned (or nearly earned) it
    failed_attempts: int = 0
    work_steps: int = 0
    factors: dict[str, float] = field(default_factory=dict)  # what scaled the points down, by cause
    message: str = ""
    message_reveals: bool = False  # the message holds a value the checker worked out: hidden below `full`


@dataclass
class ProblemRecord:
    name: str
    status: str  # graded | missing
    points: float
    max_points: float
    goal_points: float = 0.0
    work_points: float = 0.0
    work_max: float = 0.0
    deductions: float = 0.0
    path: str = ""
    lines: list[int] | None = None
    creditable_steps: int = 0
    work_steps: int = 0
    goals: list[GoalRecord] = field(default_factory=list)
    steps: list[StepRecord] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)


@dataclass
class StudentRecord:
    student: str
    status: str  # graded | no-submission | unreadable | not-a-proof | empty | error
    total: float
    max_total: float
    files: list[str] = field(default_factory=list)
    sha256: str = ""
    review: bool = False  # a finding the instructor should look at (tampering, renamed problems, errors)
    problems: list[ProblemRecord] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    cache: dict[str, int] = field(default_factory=dict)  # decision-cache hits and misses, when one is in use

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def student_from_json(d: dict[str, Any]) -> StudentRecord:
    """The inverse of `StudentRecord.to_json` (resume reads records back)."""
    problems = []
    for p in d.get("problems", []):
        p = dict(p)
        p["goals"] = [GoalRecord(**g) for g in p.get("goals", [])]
        p["steps"] = [StepRecord(**s) for s in p.get("steps", [])]
        p["messages"] = [Message(**m) for m in p.get("messages", [])]
        problems.append(ProblemRecord(**p))
    d = dict(d)
    d["problems"] = problems
    d["messages"] = [Message(**m) for m in d.get("messages", [])]
    return StudentRecord(**d)
