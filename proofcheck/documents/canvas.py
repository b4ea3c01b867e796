"""A document's lines with nothing kept yet: each extractor copies proof text in at its own columns.

Proof text keeps the document's line and column because it is never moved, only copied into a blank
line of the same length (`Canvas.keep`); a directive written as markup (`\\pclet{...}`) gets its
keyword written into the markup's own blanked characters (`Canvas.write`). What stays blank is not
proof: a line that is blank here and not inside a proof region ends a chain like an empty line.
"""

from __future__ import annotations

import bisect

from ..diagnostics import Diagnostic
from ..source import Line, Span, code_of, physical_lines

# The words of a marker comment (`%proof: skip`, `<!-- proof: off -->`) that steer extraction instead
# of being proof text: `skip` leaves the next display unchecked, `off`...`on` every display between.
SKIP, OFF, ON = "skip", "off", "on"
MARKER_WORDS = (SKIP, OFF, ON)


class Canvas:
    """The document's physical lines, the proof text kept so far, and what extraction found."""

    def __init__(self, text: str):
        self.lines = physical_lines(text)
        self._starts: list[int] = []  # offset of each line's first character in `text`
        offset = 0
        for raw in text.split("\n"):
            self._starts.append(offset)
            offset += len(raw) + 1
        self._code = [[" "] * len(line) for line in self.lines]
        self._used = [False] * len(self.lines)  # a region or directive already holds this line
        self._transparent = [False] * len(self.lines)
        self.diagnostics: list[Diagnostic] = []
        self.marked = False  # the document says it holds a proof (a proof block, macro or marker)
        self.displays_off = False  # between `off` and `on`
        self.skip_next = False  # `skip` seen: the next display is not checked

    # ------------------------------------------------------------------ positions

    def locate(self, offset: int) -> tuple[int, int]:
        """An offset into the text as (line index, column index), both 0-based."""
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return i, offset - self._starts[i]

    # ------------------------------------------------------------------ writing

    def claim(self, first: int, last: int, column: int, what: str) -> bool:
        """Take lines first..last for one region; a line already taken would merge two into one line."""
        for i in range(first, last + 1):
            if self._used[i]:
                self.error(i, column, 1, f"{what} shares line {i + 1} with other proof text: put it on a line of its own")
                return False
        for i in range(first, last + 1):
            self._used[i] = True
        return True

    def keep(self, i: int, start: int, end: int) -> None:
        """Copy the document's characters start..end of line i into the proof text."""
        line = self.lines[i]
        for c in range(max(start, 0), min(end, len(line))):
            self._code[i][c] = line[c]

    def keep_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Copy text[start:end] (it may span lines); return the first and last line index."""
        first, col = self.locate(start)
        if end <= start:
            return first, first
        last, end_col = self.locate(max(start, end - 1))
        for i in range(first, last + 1):
            self.keep(i, col if i == first else 0, end_col + 1 if i == last else len(self.lines[i]))
        return first, last

    def write(self, i: int, column: int, word: str) -> None:
        """Write a keyword into blanked markup (`\\pclet{` becomes `let    `): it must fit there."""
        for k, ch in enumerate(word):
            assert self._code[i][column + k] == " ", "a keyword written over kept text"
            self._code[i][column + k] = ch

    def transparent(self, i: int) -> None:
        """Line i lies inside a proof region: blank there, it is a comment (it does not end a chain)."""
        self._transparent[i] = True

    def error(self, i: int, column: int, width: int, message: str) -> None:
        self.diagnostics.append(Diagnostic.make("E104", message, Span.at(i + 1, column + 1, width)))

    # ------------------------------------------------------------------ markers

    def display_wanted(self) -> bool:
        """Whether the display that comes next is checked (`skip` is used up by asking)."""
        if self.skip_next:
            self.skip_next = False
            return False
        return not self.displays_off

    def steer(self, word: str) -> None:
        self.marked = True
        if word == SKIP:
            self.skip_next = True
        else:
            self.displays_off = word == OFF

    # ------------------------------------------------------------------ result

    def build(self, number_from: int = 1) -> tuple[Line, ...]:
        return tuple(Line(number_from + i, text, code_of("".join(self._code[i])), outside=not self._transparent[i])
                     for i, text in enumerate(self.lines))
