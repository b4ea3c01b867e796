"""What checking produces: plain, picklable, JSON-ready data.

A batch grader keeps these (not text), so every field is data: verdicts, methods, evidence,
positions. `report` renders them; nothing here knows about terminals or colours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .diagnostics import Diagnostic

VERDICTS = ("proved", "numeric", "refuted", "unknown")
ACCEPTED = ("proved", "numeric")


@dataclass
class Evidence:
    """How a verdict was reached: enough to reproduce it (`seed`) and to trust it (`instances`)."""

    method: str  # symbolic | numeric | exact-at-point | numeric-at-point | interval | none
    seed: int
    points: int = 0
    instances: list[dict[str, Any]] = field(default_factory=list)  # sizes/indices checked, per method
    reason: str = ""


@dataclass
class StepResult:
    line: int
    column: int
    end_line: int
    end_column: int
    verdict: str
    method: str
    evidence: Evidence
    rel: str = "="
    kind: str = "step"  # step | refinement
    lhs_line: int = 0
    lhs_column: int = 0
    compared_with: str = "previous"  # previous | last-accepted
    holds_in_general: bool | None = None
    counterexample: dict[str, Any] | None = None
    message: str = ""
    justification: str | None = None
    autodiff: dict[str, Any] | None = None
    lemma: str | None = None
    seconds: float = 0.0

    @property
    def accepted(self) -> bool:
        return self.verdict in ACCEPTED


@dataclass
class GoalResult:
    line: int
    column: int
    kind: str
    status: str  # met | unmet | wrong
    message: str
    target: str = ""


@dataclass
class ProblemResult:
    name: str
    title: str | None
    line: int
    steps: list[StepResult] = field(default_factory=list)
    goals: list[GoalResult] = field(default_factory=list)
    errors: int = 0

    @property
    def ok(self) -> bool:
        return self.errors == 0 and all(s.accepted for s in self.steps) and all(g.status == "met" for g in self.goals)


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[ProblemResult] = field(default_factory=list)
    fatal: bool = False  # unreadable: exit 2
    seed: int = 0

    @property
    def ok(self) -> bool:
        return not self.fatal and not any(d.severity == "error" for d in self.diagnostics) and all(p.ok for p in self.problems)


def step_to_json(s: StepResult) -> dict[str, Any]:
    d = asdict(s)
    ev = d.pop("evidence")
    d["evidence"] = ev
    return d
