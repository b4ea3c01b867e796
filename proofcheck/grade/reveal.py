"""Which feedback carries a value the checker computed, so the levels that hide answers can leave it out.

A counterexample, the value of a side, the exact value an `\\approx` answer was compared with, a kink
`u = 1.25 > 0` on the way to the answer, a refused `let` "earlier 1.25, now 3": each note or message
that prints a number can print the answer. The rule is general, not a list of known notes: a text
reveals a value when it holds a number (signed, decimal or p/q) that is not *public*, public meaning
written in the student's own files or in the key's header, which every student is given (never the
key's solution or rubric). Line references (`line 12`, `lines 3-5`) are positions, not values.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .model import Message, StudentRecord

# a number as notes print it (`-0.08`, `1.25`, `1/4`, `2e-3`), not inside a name (`x_0`, `W_{12}`, `h1`)
_NUMBER = re.compile(r"(?<![\w.^}])(-?)(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?:/\d+)?)(?![\w.])")
_LINE_REFERENCE = re.compile(r"\b(?:lines?|cell|column)\s+\d+(?:\s*(?:-|–|,|and)\s*\d+)*")
_SUBSCRIPT = re.compile(r"_\{[^{}]*\}|_[A-Za-z0-9]")  # a subscript's digits name an entry, they are no value
_WRITTEN = re.compile(r"(-?)(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)")
MAX_PUBLIC_TEXT = 1_000_000  # characters of a submission read for its numbers (a file is at most this anyway)


def _value(sign: str, digits: str) -> Fraction | None:
    try:
        v = Fraction(digits)
    except (ValueError, ZeroDivisionError):
        return None
    return -v if sign else v


def public_numbers(*texts: str) -> frozenset[Fraction]:
    """The numbers written in these texts (a student's files, the key's header), each as written:
    `-0.2` gives -0.2 (and `- 0.2`, a subtraction, 0.2)."""
    out = set()
    for text in texts:
        for m in _WRITTEN.finditer(_SUBSCRIPT.sub(" ", text[:MAX_PUBLIC_TEXT])):
            v = _value(*m.groups())
            if v is not None:
                out.add(v)
    return frozenset(out)


def reveals(text: str, public: frozenset[Fraction]) -> bool:
    """Does a note or message hold a number that is not public (one the checker worked out)?"""
    for m in _NUMBER.finditer(_LINE_REFERENCE.sub(" ", text)):
        v = _value(*m.groups())
        if v is None or v not in public:
            return True
    return False


def mark(record: StudentRecord, public: frozenset[Fraction]) -> None:
    """Flag every message, note and goal message of a record that reveals a value."""
    def message(m: Message) -> None:
        m.reveals = reveals(m.text, public)
        m.notes_reveal = [reveals(x, public) for x in m.notes]

    for m in record.messages:
        message(m)
    for p in record.problems:
        for m in p.messages:
            message(m)
        for s in p.steps:
            s.note_reveals = reveals(s.note, public)
        for g in p.goals:
            g.message_reveals = reveals(g.message, public)
