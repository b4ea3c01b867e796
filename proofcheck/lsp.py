"""`proofcheck lsp`: a Language Server (pygls, stdio) for `.proof`, Markdown and LaTeX documents.

Diagnostics are published when a document opens and after each pause in typing (`DEBOUNCE_SECONDS`);
hovering over a step shows its verdict, how it was reached and its counterexample.

Checking never runs on the server's event loop. Each check runs in its own process, forked from a
forkserver that has proofcheck and SymPy already imported (so a check starts in milliseconds, and
the process that forks a worker per step is single-threaded, as forking needs). A newer version of
a document kills the check of the older one (its process group, worker children included), so a
long check never delays feedback on the text the author is looking at; a result for a version that
is no longer current is dropped.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from . import __version__
from .diagnostics import Diagnostic
from .options import Options
from .report import describe_step
from .results import FileResult, StepResult

DEBOUNCE_SECONDS = 0.3  # a pause in typing this long starts a check
SERVED_SUFFIXES = (".proof", ".md", ".markdown", ".tex")  # notebooks are edited as notebooks, not as text
LANGUAGE_SUFFIX = {"markdown": ".md", "latex": ".tex", "tex": ".tex", "proof": ".proof"}  # unsaved buffers
QUIET_CODES = ("W408",)  # a Markdown file without a proof is just a Markdown file in an editor
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "note": lsp.DiagnosticSeverity.Information}
PRELOAD = ["proofcheck.pipeline", "proofcheck.autodiff"]  # imported once, in the forkserver


# ------------------------------------------------------------------ the check process


def _check_in_child(conn, path: str, text: str, options: Options) -> None:
    """Runs in the check process: its own process group, so the server can kill it with its workers."""
    os.setpgid(0, 0)
    from .pipeline import check_text  # noqa: PLC0415  (preloaded in the forkserver)

    try:
        conn.send(("ok", check_text(text, path, options)))
    except Exception as exc:  # noqa: BLE001  a checker fault is shown to the author, not swallowed
        conn.send(("fault", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _receive(conn) -> tuple[str, Any]:
    try:
        return conn.recv()
    except EOFError:  # killed for a newer version, or died
        return "gone", None
    finally:
        conn.close()


class Checks:
    """At most one running check per document, each a killable process."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)
        self.running: dict[str, Any] = {}

    async def run(self, key: str, path: str, text: str, options: Options) -> tuple[str, Any]:
        self.cancel(key)
        parent, child = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_check_in_child, args=(child, path, text, options), name=f"proofcheck {path}")
        process.start()
        child.close()
        self.running[key] = process
        try:
            return await asyncio.get_running_loop().run_in_executor(None, _receive, parent)
        finally:
            if self.running.get(key) is process:
                del self.running[key]
            process.join(timeout=0)

    def cancel(self, key: str) -> None:
        process = self.running.pop(key, None)
        if process is not None and process.pid is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # already gone (or not yet its own group)
                process.kill()

    def stop(self) -> None:
        for key in list(self.running):
            self.cancel(key)


# ------------------------------------------------------------------ the server


@dataclass
class Checked:
    version: int
    result: FileResult


@dataclass
class State:
    options: Options
    checks: Checks = field(default_factory=Checks)
    pending: dict[str, asyncio.Task] = field(default_factory=dict)
    checked: dict[str, Checked] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)


def document_path(uri: str, language: str | None) -> str | None:
    """The path whose extension picks the format, or None for a document proofcheck does not serve."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path is None:  # an unsaved buffer: its language says the format
        suffix = LANGUAGE_SUFFIX.get(language or "")
        return None if suffix is None else f"untitled{suffix}"
    return path if path.lower().endswith(SERVED_SUFFIXES) else None


def to_lsp(doc: TextDocument, d: Diagnostic) -> lsp.Diagnostic:
    span = d.span
    rng = doc.range_to_client_units(lsp.Range(start=lsp.Position(span.line - 1, span.column - 1),
                                              end=lsp.Position(span.end_line - 1, max(span.end_column - 1, 0))))
    return lsp.Diagnostic(range=rng, message="\n".join((d.message, *d.notes)), severity=SEVERITY[d.severity],
                          code=d.code, source="proofcheck")


def step_at(result: FileResult, line: int, column: int) -> StepResult | None:
    """The step under a position (1-based): the one whose member holds it, else the nearest on the line."""
    on_line = sorted((s for p in result.problems for s in p.steps if s.line == line), key=lambda s: s.column)
    before = [s for s in on_line if s.column <= column]
    return before[-1] if before else (on_line[0] if on_line else None)


def hover_text(result: FileResult, step: StepResult) -> str:
    """The step's verdict in words, then what was found at it (the counterexample is a note of E300)."""
    parts = [f"**proofcheck: {describe_step(step)}**"]
    for d in result.diagnostics:
        if d.span.line == step.line and d.span.column == step.column:
            parts.append("\n".join([f"{d.code}: {d.message}", *(f"- {note}" for note in d.notes)]))
    if step.message and len(parts) == 1:
        parts.append(step.message)
    return "\n\n".join(parts)


def build_server(options: Options) -> LanguageServer:
    server = LanguageServer("proofcheck", __version__)
    state = State(options)
    server.proofcheck = state  # type: ignore[attr-defined]  (for serve() to stop the checks)

    async def check_later(ls: LanguageServer, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        doc = ls.workspace.get_text_document(uri)
        path = document_path(uri, state.languages.get(uri))
        if path is None:
            return
        version, text = doc.version, doc.source
        status, value = await state.checks.run(uri, path, text, state.options)
        doc = ls.workspace.get_text_document(uri)
        if doc.version != version or status == "gone":
            return  # a newer version is being checked, or the document closed
        if status == "fault":
            ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"proofcheck could not check {uri}: {value}"))
            return
        state.checked[uri] = Checked(version, value)
        shown = [to_lsp(doc, d) for d in value.diagnostics if d.code not in QUIET_CODES]
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=shown))

    def schedule(ls: LanguageServer, uri: str, delay: float) -> None:
        previous = state.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        state.checks.cancel(uri)
        multiprocessing.active_children()  # reaps the checks that were killed
        state.pending[uri] = asyncio.ensure_future(check_later(ls, uri, delay))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        state.languages[params.text_document.uri] = params.text_document.language_id
        schedule(ls, params.text_document.uri, 0.0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        state.checked.pop(params.text_document.uri, None)  # hover says nothing about text it did not check
        schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        state.checks.cancel(uri)
        state.checked.pop(uri, None)
        state.languages.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        checked = state.checked.get(uri)
        doc = ls.workspace.get_text_document(uri)
        if checked is None or checked.version != doc.version:
            return None
        at = doc.position_from_client_units(params.position)
        step = step_at(checked.result, at.line + 1, at.character + 1)
        if step is None:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=hover_text(checked.result, step)))

    return server


def serve(options: Options) -> int:
    """Run the server on stdin/stdout until the client says exit."""
    server = build_server(options)
    try:
        server.start_io()
    finally:
        server.proofcheck.checks.stop()  # type: ignore[attr-defined]
    return 0
