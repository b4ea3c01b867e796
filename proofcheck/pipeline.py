"""The pipeline as data: source -> parse -> elaborate -> check, one function per file.

`check_text` and `check_path` return `FileResult`s (plain data) so that the CLI, the pre-commit
hook and a batch grader share one path and can keep results instead of re-reading text.
"""

from __future__ import annotations

import os
import stat

from .check import check_problem
from .options import Options
from .diagnostics import Diagnostic
from .documents import extract, holds_proof, read
from .elaborate import elaborate
from .parse import parse_source
from .results import FileResult
from .source import MAX_FILE_BYTES, Source, Span


def check_source(source: Source, options: Options) -> FileResult:
    statements, diags = parse_source(source)
    diags = list(source.diagnostics) + diags  # what reading a document found (docs/documents.md)
    problems, more = elaborate(statements)
    diags.extend(more)
    result = FileResult(source.path, seed=options.seed)
    for problem in problems:
        presult, pdiags = check_problem(problem, options)
        diags.extend(pdiags)
        result.problems.append(presult)
    seen = set()
    unique = []
    for d in diags:
        k = (d.code, d.span.line, d.span.column, d.message)
        if k not in seen:
            seen.add(k)
            unique.append(d)
    unique.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    result.diagnostics = unique
    return result


def check_text(text: str, path: str = "<string>", options: Options | None = None) -> FileResult:
    """Check text as the file `path` would be: its extension picks the format (`.md`, `.tex`, `.ipynb`, else `.proof`)."""
    options = options or Options()
    source, diags = extract(path, text)
    if source is None:
        return FileResult(path, diags, fatal=True, seed=options.seed)
    return check_source(source, options)


def load(path: str, seed: int = 0) -> tuple[Source | None, FileResult | None]:
    """Read one file of any supported format: its Source, or a fatal FileResult saying why it cannot be checked.

    The Source of a document (`.md`, `.tex`, `.ipynb`) has the document's own lines with everything that
    is not proof text blanked, so `check_source` on it reports positions in the document.
    """
    def fatal(code: str, message: str) -> tuple[None, FileResult]:
        return None, FileResult(path, [Diagnostic.make(code, message, Span.at(1, 1))], fatal=True, seed=seed)

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block forever, a device never end
            return fatal("E400", "cannot read: not a regular file (a pipe, device or socket)")
        if st.st_size > MAX_FILE_BYTES:  # refuse before reading it all into memory
            return fatal("E403", f"file is {st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return fatal("E400", f"cannot read: {exc.strerror or exc}")
    source, diags = read(path, data)
    if source is None:
        return None, FileResult(path, diags, fatal=True, seed=seed)
    return source, None


def check_path(path: str, options: Options) -> FileResult:
    source, failure = load(path, options.seed)
    return failure if source is None else check_source(source, options)


def collect(paths: list[str]) -> tuple[list[str], list[FileResult]]:
    """Expand folders into their proof files (sorted, loops skipped); unreadable paths become results.

    A folder gives its `.proof` files and the documents (`.md`, `.tex`, `.ipynb`) that say they hold a
    proof (`documents.holds_proof`); a file named on its own is always checked.
    """
    files: list[str] = []
    errors: list[FileResult] = []
    for p in paths:
        if os.path.isdir(p):
            seen_dirs = set()
            def unreadable(exc: OSError) -> None:  # os.walk skips unreadable folders silently otherwise
                errors.append(FileResult(exc.filename or p, [Diagnostic.make("E400", f"cannot read folder: {exc.strerror or exc}", Span.at(1, 1))], fatal=True))

            for root, dirs, names in os.walk(p, followlinks=True, onerror=unreadable):
                real = os.path.realpath(root)
                if real in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs.sort()
                for nm in sorted(names):
                    if holds_proof(os.path.join(root, nm)):
                        files.append(os.path.join(root, nm))
        elif os.path.exists(p):
            files.append(p)
        else:
            errors.append(FileResult(p, [Diagnostic.make("E400", "no such file or folder", Span.at(1, 1))], fatal=True))
    return files, errors
