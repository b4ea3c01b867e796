"""Stage 1 for documents: a Markdown, LaTeX or notebook file to the `Source` the parser reads.

Derivations are written in Overleaf, in Jupyter and in Markdown. Each format's own library finds the
proof text (markdown-it-py, pylatexenc, nbformat); everything else is blanked to spaces, so the Source
has the document's own lines and columns and every diagnostic points into the document as the author
sees it (a notebook adds the cell: `Source.origins`). The formats and how an author writes the
directives in each are in docs/documents.md.

A document says that it holds a proof (a ```proof block, a `\\pc...` macro, `\\usepackage{proofcheck}`,
a proof comment, a `%%proof` cell): one that says nothing is not checked at all (W408), so a README with
some math in a folder of proofs is left alone.
"""

from __future__ import annotations

import os

from ..diagnostics import Diagnostic
from ..source import MAX_FILE_BYTES, Line, Source, Span, decode_text, split_lines

FORMATS = {".md": "markdown", ".markdown": "markdown", ".tex": "latex", ".ipynb": "notebook"}
PROOF_SUFFIX = ".proof"


def format_of(path: str) -> str | None:
    """The document format a path's extension names, or None for a `.proof` file (and any other)."""
    return FORMATS.get(os.path.splitext(path)[1].lower())


def _unmarked(path: str, text: str, lines: tuple[Line, ...], origins=()) -> Source:
    """A document that never says it holds a proof: every line blank, one warning."""
    blank = tuple(Line(ln.number, ln.text, "", outside=True) for ln in lines)
    where = "a ```proof block" if format_of(path) != "latex" else "`\\usepackage{proofcheck}` or a `\\pc...` macro"
    if format_of(path) == "notebook":
        where = "a Markdown cell with a ```proof block or a `%%proof` cell"
    warning = Diagnostic.make("W408", f"nothing here says it is a proof, so nothing was checked: add {where} (docs/documents.md)",
                              Span.at(1, 1))
    return Source(path, text, blank, origins, (warning,))


def extract(path: str, text: str) -> tuple[Source | None, list[Diagnostic]]:
    """A file's text to its Source by the path's extension, or None and why (a notebook that is not one)."""
    fmt = format_of(path)
    if fmt is None:
        return split_lines(path, text), []
    if fmt == "notebook":
        from .notebook import NotANotebook, extract as cells  # noqa: PLC0415  (nbformat only for notebooks)
        try:
            lines, origins, diagnostics, marked = cells(text)
        except NotANotebook as exc:
            return None, [Diagnostic.make("E407", str(exc), exc.span)]
        if not marked:
            return _unmarked(path, text, lines, origins), []
        return Source(path, text, lines, origins, tuple(diagnostics)), []
    if fmt == "markdown":
        from .markdown import extract as find  # noqa: PLC0415
    else:
        from .latex import extract as find  # noqa: PLC0415
    canvas = find(text)
    if not canvas.marked:
        return _unmarked(path, text, canvas.build()), []
    return Source(path, text, canvas.build(), diagnostics=tuple(canvas.diagnostics)), []


def read(path: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """A file's bytes to its Source: UTF-8 text within the size limit, then its format's proof text."""
    text, diagnostics = decode_text(data)
    if text is None:
        return None, diagnostics
    return extract(path, text)


def holds_proof(path: str) -> bool:
    """Whether a file found in a folder is checked: every `.proof` file, a document that says it holds a proof.

    A document that cannot be read is checked (so its error is reported rather than hidden).
    """
    if format_of(path) is None:
        return path.endswith(PROOF_SUFFIX)
    if not os.path.isfile(path):  # a pipe named x.md would block the read: load() reports it
        return True
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError:
        return True
    source, diagnostics = read(path, data)
    return source is None or not any(d.code == "W408" for d in source.diagnostics)
