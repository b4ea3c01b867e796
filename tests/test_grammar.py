"""The grammar's LALR table: its shift/reduce conflicts are exactly the documented ones.

lark resolves a shift/reduce conflict by shifting, silently. Each one here is a reading chosen on
purpose (docs/language.md, "Grammar conflicts"); a grammar change that adds one, or removes one,
fails this test until the list and the documentation say why.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from lark import Lark, logger

from proofcheck.parse import DIRECTIVES, grammar_text

# the terminals that can start a factor: after a greedy body (a sum's, an operator derivative's, a
# bare function's sum) each of them continues the body instead of ending it
FACTOR_STARTS = ("WORD", "GREEK", "ROMAN", "TEXT_NAME", "DECORATED", "NUMBER", "THOUSANDS", "FUNC", "SUMOP",
                 "SQRT", "BEGIN_CASES", "INDICATOR_ONE", "LPAR", "LBRACE", "FRAC", "PARTIAL", "NABLA", "LNORM",
                 "MULOP", "DIV", "HADAMARD")
EXPECTED = Counter(
    # greedy bodies; outside bars a `|`, `\lvert` or `\|` opens an |x| or a norm that joins the body
    [(t, "term : product") for t in FACTOR_STARTS + ("BAR", "LVERT", "NORM")]
    + [(t, "term_nb : product_nb") for t in FACTOR_STARTS]  # the same inside |...|
    + [("DIV", "factor_nb : power")]  # `\partial y / \partial x` is a derivative, not ∂y divided by ∂x
    + [("PRIME", "postfix_ng : atom_ng"), ("CIRCUMFLEX", "power_ng : postfix_ng"), ("SUP_UNI", "power_ng : postfix_ng")]
    # a bare function takes the power that follows: `\log x^2` is log(x^2), `\log x'` log(x')
    + [("PRIME", "postfix : atom"), ("CIRCUMFLEX", "power : postfix"), ("SUP_UNI", "power : postfix")]
    # ... and a bare function's sum body keeps its last power: `\log \sum_j x_j^2` is log(sum of x_j^2)
    + [("CIRCUMFLEX", "bnorm : NORM additive_nb NORM"), ("CIRCUMFLEX", "bnorm : NORM additive_nb NORM normsub")]
    # `\|v\|^2` and `\|v\|_2^2`: the power is the norm's own (docs/matrices.md)
    + [("CIRCUMFLEX", "factor : abs"), ("SUP_UNI", "factor : abs")]  # `|x|^2`, `|x|²`: the absolute value's own
    + [("LPAR", "ones : INDICATOR_ONE")]  # `\mathbf{1}(x > 0)` is an indicator, not the ones vector times a bracket
)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def conflicts() -> Counter:
    """(terminal, 'rule : expansion') of every shift/reduce conflict lark reports for the grammar."""
    handler, level, propagate = _Collect(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        Lark(grammar_text(), parser="lalr", lexer="contextual", start=sorted(set(DIRECTIVES.values()) | {"chain_line"}),
             debug=True, cache=False)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    text = "\n".join(handler.messages)
    assert "Reduce/Reduce" not in text
    found = re.findall(r"Shift/Reduce conflict for terminal (\w+): \(resolving as shift\)\s*\n\s*\* <([^>]*)>", text)
    assert len(found) == text.count("Shift/Reduce"), "a conflict message this test does not understand"
    return Counter(found)


def test_conflicts_are_the_documented_ones():
    got = conflicts()
    assert sum(got.values()) == 57
    assert got == EXPECTED, (got - EXPECTED, EXPECTED - got)


def test_a_remembered_line_comes_back_moved_and_fresh():
    """parse_line remembers lines by their code: a repeat must carry its own line in every span and be
    a new object (callers tell definitions apart by identity)."""
    from proofcheck.parse import parse_source
    from proofcheck.source import split_lines

    text = "let z = w x + b\nz = w x + b\nlet z = w x + b\n"
    first = parse_source(split_lines("a.proof", text))[0][:3]
    again = parse_source(split_lines("b.proof", "\n\n\n\n" + text))[0][4:7]
    assert [s.span.line for s in first] == [1, 2, 3] and [s.span.line for s in again] == [5, 6, 7]
    assert first[0] == first[2] and first[0] is not first[2] and first[0] is not again[0]

    def lines(x, found):
        if type(x).__name__ == "Span":
            found.add((x.line, x.end_line))
        elif hasattr(x, "__dataclass_fields__"):
            for name in x.__dataclass_fields__:
                lines(getattr(x, name), found)
        elif isinstance(x, tuple):
            for y in x:
                lines(y, found)
        return found

    assert lines(again[2], set()) == {(7, 7)}
