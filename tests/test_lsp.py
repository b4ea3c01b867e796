"""`proofcheck lsp` in a real Language Server session: pygls' own client launches
`python -m proofcheck lsp` over stdio and talks LSP to it, as an editor does.

Opening a document publishes its diagnostics; an edit publishes the new ones (only for the newest
version); hovering over a step shows its verdict and counterexample; a slow check does not stop the
server from answering; closing clears the diagnostics.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
WAIT = 60.0  # seconds to wait for a notification before the test fails (a check takes about one)

MD = """# Derivative

```proof
problem P
let f = x^2
```

The derivative, plus an indicator that is always 0 (a character outside the BMP: two UTF-16 units):
$$
\\frac{d f}{d x} = 2 x
  = 𝟙(x > x) + 3 x
$$
"""

TEX = """\\pcproblem{P}{}
\\pclet{f = x^2}
\\begin{align*}
\\frac{d f}{d x} &= 3 x
\\end{align*}
"""

SLOW = """problem slow
((x + y + z)^2 - 1)^{60} = (x^2 + 2 x y + y^2 + 2 x z + 2 y z + z^2 - 1)^{60}
"""  # true, but expanding it takes SymPy far longer than --timeout: an honest `unknown` (E301)


class Session:
    """A client that keeps every published diagnostics notification."""

    def __init__(self) -> None:
        self.client = LanguageClient("proofcheck-tests", "1")
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(ls, params: lsp.PublishDiagnosticsParams) -> None:  # pygls passes the client as `ls`
            self.published.setdefault(params.uri, []).append(params)
            self.arrived.set()

    async def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        await self.client.start_io(sys.executable, "-m", "proofcheck", "lsp", "--ad", "off", "--timeout", "3", env=env)
        await self.client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
        self.client.initialized(lsp.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, uri: str, language: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self, uri: str, version: int | None = None) -> list[lsp.Diagnostic]:
        """The diagnostics published for a version (the first publication for the uri without one)."""
        deadline = time.monotonic() + WAIT
        while True:
            for params in self.published.get(uri, []):
                if version is None or params.version == version:
                    return params.diagnostics
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no diagnostics for {uri} version {version}: {self.published.get(uri)}"
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def hover(self, uri: str, line: int, character: int) -> lsp.Hover | None:
        return await self.client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=character)))


def utf16_position(text: str, needle: str) -> tuple[int, int]:
    """0-based line and UTF-16 column of a substring, as an LSP client counts."""
    for i, line in enumerate(text.split("\n")):
        if needle in line:
            return i, len(line[: line.index(needle)].encode("utf-16-le")) // 2
    raise AssertionError(needle)


def run(coro) -> None:
    asyncio.run(asyncio.wait_for(coro, 10 * WAIT))


@pytest.mark.slow
def test_open_edit_hover_close() -> None:
    async def session() -> None:
        s = Session()
        await s.start()
        try:
            md = (REPO / "notes.md").as_uri()
            s.open(md, "markdown", MD)
            (diag,) = await s.diagnostics(md, 1)
            line, character = utf16_position(MD, "𝟙")
            width = len("𝟙(x > x) + 3 x".encode("utf-16-le")) // 2  # 15 UTF-16 units, 14 characters
            assert (diag.code, diag.severity, diag.source) == ("E300", lsp.DiagnosticSeverity.Error, "proofcheck")
            assert (diag.range.start.line, diag.range.start.character, diag.range.end.character) == (line, character, character + width)
            assert "counterexample" in diag.message

            hover = await s.hover(md, line, character + 1)
            assert hover is not None and "refuted" in hover.contents.value and "counterexample: x = 1" in hover.contents.value
            ok_line, ok_character = utf16_position(MD, "2 x")
            hover = await s.hover(md, ok_line, ok_character)
            assert hover is not None and "proved" in hover.contents.value
            assert await s.hover(md, 0, 2) is None  # the heading: no step there

            s.change(md, 2, MD.replace("3 x", "x + x"))
            assert not await s.diagnostics(md, 2)
            hover = await s.hover(md, line, character + 1)
            assert hover is not None and "proved" in hover.contents.value

            for version in (3, 4, 5):  # typing: only the last version is checked and published
                s.change(md, version, MD.replace("3 x", f"{version} x"))
            (diag,) = await s.diagnostics(md, 5)
            assert diag.code == "E300"
            await asyncio.sleep(1.0)
            assert s.published[md][-1].version == 5

            tex = (REPO / "notes.tex").as_uri()
            s.open(tex, "latex", TEX)
            (diag,) = await s.diagnostics(tex, 1)
            assert (diag.code, diag.range.start.line) == ("E300", 3)

            proof = (REPO / "notes.proof").as_uri()
            s.open(proof, "proof", "x + = 1\n")
            (diag,) = await s.diagnostics(proof, 1)
            assert diag.code == "E100"

            readme = (REPO / "README-notes.md").as_uri()
            s.open(readme, "markdown", "# Notes\n\n$$ x = 2 x $$\n")  # not a proof: nothing to say
            assert not await s.diagnostics(readme, 1)

            untitled = "untitled:Untitled-1"
            s.open(untitled, "latex", TEX)
            (diag,) = await s.diagnostics(untitled, 1)
            assert diag.code == "E300"

            s.client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=md)))
            await asyncio.sleep(0.5)
            assert not s.published[md][-1].diagnostics
        finally:
            await s.stop()

    run(session())


@pytest.mark.slow  # waits out a check of several seconds on purpose
def test_the_server_answers_while_a_slow_check_runs() -> None:
    async def session() -> None:
        s = Session()
        await s.start()
        try:
            quick = (REPO / "quick.proof").as_uri()
            s.open(quick, "proof", "x + x = 3 x\n")
            await s.diagnostics(quick, 1)
            slow = (REPO / "slow.proof").as_uri()
            s.open(slow, "proof", SLOW)
            await asyncio.sleep(0.5)  # the slow check is running now
            start = time.monotonic()
            hover = await s.hover(quick, 0, 8)
            assert time.monotonic() - start < 2.0  # the check takes 3 s or more
            assert hover is not None and "refuted" in hover.contents.value
            (diag,) = await s.diagnostics(slow, 1)  # bounded by --timeout
            assert diag.code == "E301"
        finally:
            await s.stop()

    run(session())
