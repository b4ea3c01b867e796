"""Stage 1, source: bytes on disk to logical lines with true positions.

Everything later points back into the text through `Span`, so positions are decided here once:
1-based lines and columns, columns counted in characters (not bytes), end column exclusive.
Comments (`%` to end of line, not `\\%`), a trailing LaTeX row break `\\\\` and display-math wrappers
(`\\begin{aligned}`, `$$`, ...) are blanked, never
deleted, so every column a later stage reports is the column the user sees in an editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic

MAX_FILE_BYTES = 2_000_000
MAX_LINE_CHARS = 4_000


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def at(line: int, column: int, width: int = 1) -> "Span":
        return Span(line, column, line, column + max(width, 1))


@dataclass(frozen=True)
class Line:
    """One physical line: `text` is the original, `code` the same length with comments blanked."""

    number: int
    text: str
    code: str

    @property
    def blank(self) -> bool:
        return not self.code.strip()

    @property
    def comment_only(self) -> bool:
        return self.blank and bool(self.text.strip())


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    lines: tuple[Line, ...]

    def line_text(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].text
        return ""


_COMMENT = re.compile(r"(?<!\\)%")
_TRAILING_ROWBREAK = re.compile(r"\\\\(\[[^\]]*\])?\s*$")  # `\\` or `\\[4pt]`
# display-math wrappers pasted from LaTeX (`\begin{aligned}`, `\[`, `$$`, `$`) carry no meaning either
_MATH_WRAPPER = re.compile(r"\\(begin|end)\{(aligned|align\*?|equation\*?|gather\*?|gathered|split|multline\*?|eqnarray\*?)\}"
                           r"|(?<!\\)\\[\[\]]|\$")


def _blank(s: str, start: int, end: int) -> str:
    return s[:start] + " " * (end - start) + s[end:]


def split_lines(path: str, text: str) -> Source:
    lines = []
    for i, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        code = raw
        m = _COMMENT.search(code)
        if m:
            code = _blank(code, m.start(), len(code))
        m = _TRAILING_ROWBREAK.search(code)
        if m:
            code = _blank(code, m.start(), len(code))
        for m in _MATH_WRAPPER.finditer(code):
            code = _blank(code, m.start(), m.end())
        lines.append(Line(i, raw, code))
    return Source(path, text, tuple(lines))


def decode(path: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """Decode a file's bytes; refuse binary, non-UTF-8 and oversized input with a located diagnostic."""
    if len(data) > MAX_FILE_BYTES:
        return None, [Diagnostic.make("E403", f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}", Span.at(1, 1))]
    if b"\x00" in data:
        off = data.index(b"\x00")
        line = data.count(b"\n", 0, off) + 1
        return None, [Diagnostic.make("E402", "this looks like a binary file (it contains a NUL byte)", Span.at(line, 1))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic.make("E401", f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", Span.at(line, col))]
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    return split_lines(path, text), []
