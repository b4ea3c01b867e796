"""Stage 1, source: bytes on disk to logical lines with true positions.

Everything later points back into the text through `Span`, so positions are decided here once:
1-based lines and columns, columns counted in characters (not bytes), end column exclusive.
Comments (`%` to end of line, not `\\%`), a trailing LaTeX row break `\\\\` and display-math wrappers
(`\\begin{aligned}`, `$$`, `\\label{...}`, ...) are blanked, never
deleted, so every column a later stage reports is the column the user sees in an editor.

A document (Markdown, LaTeX, a notebook; see `proofcheck.documents`) becomes a `Source` of the same
shape: its lines are the document's own lines, with everything that is not proof text blanked, so
positions stay the document's. A notebook's lines are its cells' lines one after another, and
`Source.origins` says which cell and line each one is.
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
    """One physical line: `text` is the original, `code` the same length with comments blanked.

    `outside` marks a document's line that lies outside every proof region (prose, a preamble, a
    code cell): it ends a chain like an empty line, though its text is not empty.
    """

    number: int
    text: str
    code: str
    outside: bool = False

    @property
    def blank(self) -> bool:
        return not self.code.strip()

    @property
    def comment_only(self) -> bool:
        """A comment or a display-math wrapper: neither starts nor ends a chain."""
        return self.blank and bool(self.text.strip()) and not self.outside


@dataclass(frozen=True)
class Origin:
    """Where a line of a notebook's Source stands: its cell (1-based, in notebook order) and line there."""

    cell: int
    line: int


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    lines: tuple[Line, ...]
    origins: tuple[Origin | None, ...] = ()  # a notebook's: per line; empty when lines are the file's own
    diagnostics: tuple[Diagnostic, ...] = ()  # found while extracting a document's proof text

    def line_text(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].text
        return ""

    def origin(self, number: int) -> Origin | None:
        """The notebook cell and line of a line, or None for a file whose lines are its own."""
        return self.origins[number - 1] if 1 <= number <= len(self.origins) else None

    def where(self, line: int, column: int) -> str:
        """A position as the user finds it: `18:5`, or `cell_3:2:5` in a notebook (nbQA's convention)."""
        o = self.origin(line)
        return f"{line}:{column}" if o is None else f"cell_{o.cell}:{o.line}:{column}"

    def relabel(self, message: str) -> str:
        """A message's `line N` as the user finds it: `cell 3, line 2` in a notebook, unchanged elsewhere."""
        if not self.origins:
            return message

        def cell_line(m: re.Match) -> str:
            o = self.origin(int(m.group(1)))
            return m.group(0) if o is None else f"cell {o.cell}, line {o.line}"
        return _LINE_REFERENCE.sub(cell_line, message)


_COMMENT = re.compile(r"(?<!\\)%")
_LINE_REFERENCE = re.compile(r"\bline (\d+)\b")
_TRAILING_ROWBREAK = re.compile(r"\\\\(\[[^\]]*\])?\s*$")  # `\\` or `\\[4pt]`
# display-math wrappers pasted from LaTeX (`\begin{aligned}`, `\[`, `$$`, `$`) carry no meaning either
_MATH_WRAPPER = re.compile(r"\\(begin|end)\{(aligned|align\*?|equation\*?|gather\*?|gathered|split|multline\*?|eqnarray\*?)\}"
                           r"|(?<!\\)\\[\[\]]|\$"
                           r"|\\(label|tag\*?|intertext|shortintertext)\{[^{}]*\}")  # an equation's label, tag, or prose between rows


def _blank(s: str, start: int, end: int) -> str:
    return s[:start] + " " * (end - start) + s[end:]


def physical_lines(text: str) -> list[str]:
    """The lines as an editor shows them (a `\\r` before the `\\n` is not part of a line)."""
    return [raw.rstrip("\r") for raw in text.split("\n")]


def code_of(raw: str) -> str:
    """The proof text of a line: comments, a trailing row break and display-math wrappers blanked."""
    code = raw
    m = _COMMENT.search(code)
    if m:
        code = _blank(code, m.start(), len(code))
    m = _TRAILING_ROWBREAK.search(code)
    if m:
        code = _blank(code, m.start(), len(code))
    return _MATH_WRAPPER.sub(lambda m: " " * len(m.group()), code)  # one pass: a line of 10^5 `$` stays linear


def split_lines(path: str, text: str) -> Source:
    lines = tuple(Line(i, raw, code_of(raw)) for i, raw in enumerate(physical_lines(text), start=1))
    return Source(path, text, lines)


def decode(path: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """Decode a `.proof` file's bytes; refuse binary, non-UTF-8 and oversized input with a located diagnostic."""
    text, diags = decode_text(data)
    return (None, diags) if text is None else (split_lines(path, text), [])


def decode_text(data: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, or the located reason they are not UTF-8 text within the size limit."""
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
    return text, []
