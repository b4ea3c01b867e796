"""The one registry of diagnostic codes.

Every finding proofcheck reports has a code from `CODES`; tests assert codes, never wording, and the
language reference lists this table. Adding a diagnostic means adding a row here first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .source import Span

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    summary: str


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # E1xx: the text does not parse
        Code("E100", "syntax", "error", "the line does not parse"),
        Code("E101", "line-too-long", "error", "a line is longer than the limit"),
        Code("E102", "continuation-without-chain", "error", "a line starts with `=` but no chain is open"),
        Code("E103", "text-in-expression", "error", "prose where an expression was expected"),
        Code("E104", "document-markup", "error", "a proofcheck macro or marker in a document that cannot be read (no argument, several lines, two on one line)"),
        # E2xx: the text parses but does not make sense
        Code("E200", "unknown-name", "error", "a name that is neither defined, an input, nor an index"),
        Code("E201", "not-a-function", "error", "a name applied like a function is not one, or has the wrong number of arguments"),
        Code("E202", "bad-derivative", "error", "a derivative whose variable is not a name"),
        Code("E203", "let-disagrees", "error", "a `let` restates a definition with a different value"),
        Code("E204", "bad-definition", "error", "a definition that cannot be used (cyclic, defines an index, redefines a built-in)"),
        Code("E205", "bad-index", "error", "an index out of its range, unbound, or a sum with no range"),
        Code("E206", "limit", "error", "an exponent, size, sum or nesting past proofcheck's bounds"),
        Code("E207", "bad-directive", "error", "a directive whose arguments are not of the expected form"),
        Code("E208", "unknown-lemma", "error", "`by NAME` names no lemma of this problem"),
        Code("E209", "bad-approx", "error", "an `\\approx` step whose sides cannot be read as a value and a rounded number"),
        Code("E210", "transpose", "error", "`w^T` or `w^\\top`: a transpose of a name not declared as a vector or matrix"),
        Code("E211", "ambiguous", "error", "a notation that reads two ways (`\\max(5,100)`, `W_{12}` for a two-index W, "
                                           "`\\exp x y`, `\\frac{dy}{dx^2}`): neither reading is guessed"),
        Code("E212", "shape", "error", "vectors and matrices whose shapes do not fit (`W x`: (3, 4) times (5)), or a "
                                       "shape declaration or matrix notation that cannot be used"),
        # E3xx: checking
        Code("E300", "refuted", "error", "a step is false: a counterexample is shown"),
        Code("E301", "undecided", "error", "a step could be neither proved nor refuted in the time allowed"),
        Code("E302", "goal-unmet", "error", "no chain reaches a `show`/`find` goal"),
        Code("E303", "goal-wrong", "error", "a chain for a goal ends at a different value"),
        Code("E304", "autodiff-disagrees", "error", "symbolic and automatic differentiation disagree (a checker fault)"),
        Code("W310", "holds-only-at-point", "warning", "a step with symbols on both sides holds at the given point only"),
        Code("W311", "point-on-kink", "warning", "the given point sits on a kink; the derivative convention decides the value"),
        Code("W312", "unused-lemma", "warning", "a justification names a lemma whose chain did not check"),
        Code("W313", "network-unchecked", "warning", "a network's autodiff cross-check did not finish within the budget"),
        # E4xx: files
        Code("E400", "unreadable", "error", "a file or folder cannot be read"),
        Code("E401", "not-utf8", "error", "a file is not UTF-8 text"),
        Code("E402", "binary", "error", "a file is binary"),
        Code("E403", "file-too-large", "error", "a file is larger than the limit"),
        Code("E404", "nothing-to-check", "error", "a file holds no step, goal, definition check or network: nothing was checked"),
        Code("E405", "no-files", "error", "a folder holds no file proofcheck can check"),
        Code("E406", "too-many-errors", "error", "a file has so many errors that checking stopped (the per-file error cap)"),
        Code("E407", "not-a-notebook", "error", "a .ipynb file is not a Jupyter notebook"),
        Code("E408", "internal-error", "error", "proofcheck failed on a problem or on reading a file (a bug in proofcheck, not in the proof): nothing in it is accepted"),
        Code("W408", "no-proof", "warning", "a document does not say it holds a proof (docs/documents.md), so nothing in it is checked"),
        # E5xx: networks
        Code("E500", "bad-network", "error", "a network description is malformed"),
        Code("E501", "unknown-layer", "error", "a name used as a layer is not a layer of any network"),
    ]
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: "Span"
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self):
        # every finding points at a line: one without a span would be a traceback in the report
        # (pipeline._unique sorts by line), so a missing span fails here, where it was made
        if self.span is None or not hasattr(self.span, "line"):
            raise TypeError(f"diagnostic {self.code} made without a span: {self.message}")

    @staticmethod
    def make(code: str, message: str, span: "Span", notes: tuple[str, ...] | list[str] = ()) -> "Diagnostic":
        entry = CODES[code]  # KeyError here means a code was used without a registry row
        return Diagnostic(code, entry.severity, message, span, tuple(notes))


class ProofError(Exception):
    """A located problem found while reading or elaborating; becomes a Diagnostic."""

    def __init__(self, code: str, message: str, span: "Span", notes: tuple[str, ...] | list[str] = ()):
        super().__init__(message)
        self.diagnostic = Diagnostic.make(code, message, span, notes)
