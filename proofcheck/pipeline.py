"""The pipeline as data: source -> parse -> elaborate -> check, one function per file.

`check_text` and `check_path` return `FileResult`s (plain data) so that the CLI, the pre-commit
hook and a batch grader share one path and can keep results instead of re-reading text.
"""

from __future__ import annotations

import os
import pickle
import stat
import struct

from .options import Options
from . import nodes as n
from .diagnostics import Diagnostic
from .documents import extract, holds_proof, read
from .elaborate import elaborate
from .results import FileResult, ProblemResult
from .sandbox import session
from .source import MAX_FILE_BYTES, Source, Span


MAX_ERRORS_PER_FILE = 50  # as compilers do (clang's -ferror-limit): a garbage file is not read to its end


def read_source(source: Source) -> tuple[list[n.Statement], list[Diagnostic]]:
    """A file's statements and syntax errors (reading stops after MAX_ERRORS_PER_FILE of them). The
    parser (lark) is imported here, not with this module: the CLI reads the first file in a forked
    child (`ReadAhead`) while it imports the checker, and then never needs lark itself."""
    from .parse import parse_source  # noqa: PLC0415

    return parse_source(source, max_errors=MAX_ERRORS_PER_FILE)


def check_source(source: Source, options: Options, ahead: ReadAhead | None = None) -> FileResult:
    """Check one file; `ahead` is the same file already being read in a child (`ReadAhead`), else it is read here."""
    try:
        parsed = ahead.result() if ahead is not None else None
        statements, diags = parsed if parsed is not None else read_source(source)
        problems, more = elaborate(statements)
    except Exception as exc:  # noqa: BLE001  a bug of ours reading the file: it fails, located, never a traceback
        diag = Diagnostic.make("E408", f"proofcheck failed reading this file ({type(exc).__name__}: {exc}); "
                                       "nothing in it is checked: please report this", Span.at(1, 1))
        return FileResult(source.path, list(source.diagnostics) + [diag], fatal=True, seed=options.seed)
    result = FileResult(source.path, seed=options.seed)
    if len(diags) >= MAX_ERRORS_PER_FILE:
        last = diags[-1].span.line
        diags.append(Diagnostic.make("E406", f"{MAX_ERRORS_PER_FILE} errors: checking stopped here and nothing in this "
                                             "file was checked; is it a proof file?", Span.at(min(last + 1, len(source.lines) or 1), 1)))
        result.diagnostics = _unique(list(source.diagnostics) + diags)
        return result
    diags = list(source.diagnostics) + diags  # what reading a document found (docs/documents.md)
    diags.extend(more)
    if problems:
        from .check import check_problem  # noqa: PLC0415  (SymPy and autodiff load only when there is something to check)
    with session(options.workers, options.memory_mb):  # one pool of workers for the file (or the caller's)
        for problem in problems:
            try:
                presult, pdiags = check_problem(problem, options)
            except Exception as exc:  # noqa: BLE001  a bug of ours: that problem fails, with a located report, never a traceback
                presult = ProblemResult(problem.name, problem.title, problem.span.line)
                pdiags = [Diagnostic.make("E408", f"proofcheck failed on this problem ({type(exc).__name__}: {exc}); "
                                                  "nothing in it is accepted: please report this", problem.span)]
            diags.extend(pdiags)
            result.problems.append(presult)
    if not any(isinstance(st, n.NetworkLine) for st in statements) and not diags and \
            not any(r.steps or r.goals or p.refinements for r, p in zip(result.problems, problems)):
        diags.append(Diagnostic.make("E404", "nothing to check: this file has no step, goal or network "
                                             "(a step is a line such as `y = 2 x`)", Span.at(1, 1)))
    result.diagnostics = _unique(diags)
    _attribute(result, problems, len(source.lines))
    return result


_SIZE = struct.Struct(">Q")


class ReadAhead:
    """`read_source` of one file in a forked child, while this process imports SymPy and the checker.

    Parsing a file (lark's parser loaded, its lexer's scanners compiled on first use: about 0.1 s for
    proofs/T4.proof) and importing SymPy, NumPy and autograd (about 0.5 s) do not depend on each
    other; done in two processes they overlap on two cores. The child sends its result pickled, which
    keeps every object's identity within it; on any failure (an object that does not pickle, a child
    that dies) `result` is None and the caller parses the file itself, so the result is the same
    either way. The child only parses: elaboration stays in the caller (networks are checked there
    with autograd, which the caller imports anyway).
    """

    def __init__(self, source: Source):
        self.fd, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child
            try:
                os.close(self.fd)
                data = pickle.dumps(read_source(source), protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(_SIZE.pack(len(data)) + data)
                while view:
                    view = view[os.write(write, view):]
            except BaseException:  # noqa: BLE001  (the parent sees a short message and reads the file itself)
                pass
            finally:
                os._exit(0)
        os.close(write)

    def result(self) -> tuple | None:
        """The child's `read_source` result, or None when it has none (the caller then parses the file)."""
        if self.fd < 0:
            return None
        chunks = []
        try:
            while True:
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            data = b"".join(chunks)
            if len(data) < _SIZE.size or _SIZE.unpack_from(data)[0] != len(data) - _SIZE.size:
                return None
            return pickle.loads(data[_SIZE.size:])
        except Exception:  # noqa: BLE001  (a garbled message: read the file here)
            return None
        finally:
            self.close()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # a child still writing gets EPIPE and exits
            self.fd = -1
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:  # already reaped (SIGCHLD ignored): nothing left to wait for
                pass


def _unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen = set()
    unique = []
    for d in diags:
        k = (d.code, d.span.line, d.span.column, d.message)
        if k not in seen:
            seen.add(k)
            unique.append(d)
    unique.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return unique


def _attribute(result: FileResult, problems, last_line: int) -> None:
    """Give every problem its line range and count the errors located in it (syntax errors too), so
    that a problem with a line that does not parse is never `ok`."""
    starts = [p.span.line for p in problems]
    for i, presult in enumerate(result.problems):
        presult.end_line = (starts[i + 1] - 1) if i + 1 < len(starts) else max(last_line, starts[i])
        presult.errors = sum(1 for d in result.diagnostics if d.severity == "error"
                             and presult.line <= d.span.line <= presult.end_line)


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

            before = len(files) + len(errors)
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
            if len(files) + len(errors) == before:
                errors.append(FileResult(p, [Diagnostic.make("E405", "no proof files in this folder (.proof files, or .md, .tex "
                                                                      "and .ipynb documents that say they hold a proof)", Span.at(1, 1))], fatal=True))
        elif os.path.exists(p):
            files.append(p)
        else:
            errors.append(FileResult(p, [Diagnostic.make("E400", "no such file or folder", Span.at(1, 1))], fatal=True))
    return files, errors
