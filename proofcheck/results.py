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

# What a verdict rests on (Evidence.guarantee); docs/language.md "Guarantee levels" says each in full.
GUARANTEES = {
    "all-values-all-sizes": "proved: equal for every value of every input and index and for every size",
    "all-values-sizes-checked": "numeric: equal for every value at each size in `sizes.exact`, other sizes only sampled",
    "sampled-points": "numeric: equal at every sampled point; some instance not shown exactly",
    "at-given-point": "equal at the given point, exactly (exact arithmetic, certified signs, or the symbolic test)",
    "rounding": "`\\approx`: the exact value lies in the range of the right side's rounded decimals",
    "counterexample": "refuted: a confirmed point where the two sides differ",
    "none": "unknown: nothing was established",
}


@dataclass
class Evidence:
    """How a verdict was reached: enough to reproduce it (`seed`) and to trust it (`instances`)."""

    method: str  # symbolic | numeric | exact-at-point | numeric-at-point | interval | none
    seed: int
    points: int = 0
    instances: list[dict[str, Any]] = field(default_factory=list)  # sizes/indices checked, per method
    reason: str = ""
    guarantee: str = "none"  # a key of GUARANTEES
    # a step whose meaning depends on a symbolic size and that was decided at concrete sizes only:
    # {"exact": [...], "numeric": [...]} (and "skipped": sizes too large to expand, "held": {size: value}
    # for the sizes the step cannot depend on, not varied); one size as
    # numbers, several as objects {"N": 2, "M": 3}; None when the sizes need no listing
    sizes: dict[str, list] | None = None
    arithmetic: str = ""  # exact | certified: how values at points were compared ("" when none were)
    precision: int = 0  # the most bits a certified comparison needed (0: every value exact)
    regions: dict[str, int] = field(default_factory=dict)  # kink regions probed: arguments, lines, crossings, cells, probes

    def __post_init__(self):
        if self.guarantee not in GUARANTEES:  # one vocabulary: docs/language.md lists exactly these
            raise ValueError(f"unknown guarantee {self.guarantee!r}")


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
    seconds: float = 0.0  # CPU seconds spent deciding this step in this run (0 when cached)
    cached: bool = False  # the decision came from the decision cache
    chain: int = -1  # the id of the chain this step belongs to (ProblemResult.chains); -1 for a refinement

    @property
    def accepted(self) -> bool:
        return self.verdict in ACCEPTED


@dataclass
class ChainResult:
    """One chain of a problem: where it stands and whether every step follows from its predecessor."""

    id: int  # 0-based, in file order within the problem
    line: int  # first line
    end_line: int  # last line
    lemma: str | None = None
    let_target: str | None = None  # `let x = a = b`: the chain of x
    sound: bool = False  # every step accepted against its own predecessor (recovery never counts)
    narrowed: list[str] = field(default_factory=list)  # what this chain's context adds to its problem's goals' (case, assume, ...)


@dataclass
class GoalResult:
    line: int
    column: int
    kind: str
    status: str  # met | unmet | wrong
    message: str
    target: str = ""
    chain: int | None = None  # the id of the chain that met the goal (or the one nearest to meeting it)
    chain_lines: tuple[int, int] | None = None  # that chain's first and last line
    reason: str = ""  # machine-readable (docs/language.md, Goals): met | met-by-cases | no-chain | narrowed | step-failed | ...
    attempts: list[int] = field(default_factory=list)  # ids of every chain that starts at the goal's left side


@dataclass
class ProblemResult:
    name: str
    title: str | None
    line: int
    steps: list[StepResult] = field(default_factory=list)
    goals: list[GoalResult] = field(default_factory=list)
    chains: list[ChainResult] = field(default_factory=list)
    errors: int = 0  # error diagnostics located within the problem's lines (syntax errors included)
    end_line: int = 0  # the problem's last line (the line before the next `problem`, or the file's end)

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
