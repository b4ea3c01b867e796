"""Jupyter notebooks (nbformat): the proof text of each cell, one cell after another.

A Markdown cell is read as Markdown (proof blocks, displays, proof comments). A code or raw cell
whose first line is `%%proof` is proof text like a `.proof` file (the `%%proof` line is a comment).
Other cells are not proof text. Between two cells a chain always ends; a `lemma`, `case` or
definition carries on into the next cell, as it would to the next chain of a `.proof` file.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

from ..diagnostics import Diagnostic
from ..source import Line, Origin, Span, code_of, physical_lines
from . import markdown

PROOF_MAGIC = "%%proof"
NOTEBOOK_VERSION = 4


class NotANotebook(Exception):
    """The text cannot be read as a notebook; `span` is where, when JSON itself fails."""

    def __init__(self, message: str, span: Span):
        super().__init__(message)
        self.span = span


def _cells(text: str) -> list[tuple[str, str]]:
    """(cell type, source) of every cell, in notebook order."""
    import nbformat  # noqa: PLC0415  (imported only when a notebook is read: it brings jsonschema)

    try:
        json.loads(text)
    except ValueError as exc:
        line, column = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
        raise NotANotebook(f"not a notebook: the JSON does not parse ({getattr(exc, 'msg', exc)})", Span.at(line, column)) from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbformat warns about ids it would add; the text is only read
        try:
            nb = nbformat.reads(text, as_version=NOTEBOOK_VERSION, capture_validation_error={})
            cells = [(str(cell.get("cell_type", "")), cell.get("source", "")) for cell in nb.cells]
        except (ValueError, TypeError, KeyError, AttributeError, nbformat.ValidationError) as exc:
            # nbformat meets malformed JSON structure with whatever error its converters raise
            raise NotANotebook(f"not a notebook nbformat can read ({type(exc).__name__}: {str(exc)[:200]})", Span.at(1, 1)) from None
    return [(kind, source if isinstance(source, str) else "") for kind, source in cells]


def _proof_cell(source: str) -> bool:
    return source.lstrip().split("\n", 1)[0].strip() == PROOF_MAGIC


def extract(text: str) -> tuple[tuple[Line, ...], tuple[Origin | None, ...], list[Diagnostic], bool]:
    """The notebook's lines (its cells', one after another, each cell followed by an empty line),
    each line's cell and line there, what extraction found, and whether any cell holds proof."""
    lines: list[Line] = []
    origins: list[Origin | None] = []
    diagnostics: list[Diagnostic] = []
    marked = False
    for number, (kind, source) in enumerate(_cells(text), start=1):
        offset = len(lines)
        if kind == "markdown":
            canvas = markdown.extract(source)
            marked = marked or canvas.marked
            cell_lines = canvas.build(number_from=offset + 1)
            diagnostics.extend(replace(d, span=replace(d.span, line=d.span.line + offset, end_line=d.span.end_line + offset))
                               for d in canvas.diagnostics)
        elif kind in ("code", "raw") and _proof_cell(source):
            marked = True
            cell_lines = tuple(Line(offset + i, raw, code_of(raw)) for i, raw in enumerate(physical_lines(source), start=1))
        else:
            cell_lines = tuple(Line(offset + i, raw, "", outside=True) for i, raw in enumerate(physical_lines(source), start=1))
        lines.extend(cell_lines)
        origins.extend(Origin(number, k) for k in range(1, len(cell_lines) + 1))
        lines.append(Line(len(lines) + 1, "", "", outside=True))  # a cell boundary ends a chain
        origins.append(None)
    return tuple(lines), tuple(origins), diagnostics, marked


def register_magic(ipython) -> None:
    """`%load_ext proofcheck` in a kernel: a `%%proof` cell is checked when it runs, and its report printed.

    The cell is checked on its own (a kernel runs cells one at a time); `proofcheck check` on the
    notebook file checks every cell together, as the notebook reads.
    """
    ipython.register_magic_function(proof_cell, magic_kind="cell", magic_name="proof")


def proof_cell(line: str, cell: str) -> None:
    import sys

    from ..options import Options
    from ..pipeline import check_source
    from ..report import render_text
    from ..source import split_lines

    if line.strip():
        print(f"proofcheck: %%proof takes no options (got `{line.strip()}`); the cell was not checked")
        return
    source = split_lines("cell", "\n" + cell)  # line 1 stands for the `%%proof` line: numbers are the cell's
    render_text([check_source(source, Options())], {"cell": source}, sys.stdout)
