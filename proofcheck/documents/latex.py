"""LaTeX (pylatexenc's latexwalker): which characters of a `.tex` file are proof text.

Only the body of `\\begin{document}` is read (the whole file when it has none, as a chapter that is
`\\input`). In it:
- A display environment (`equation`, `align`, `gather`, `multline`, `flalign`, `alignat`, `eqnarray`,
  starred or not, `displaymath`) or display math (`\\[ ... \\]`, `$$ ... $$`) holds chains.
- A directive is a macro `\\pcKEYWORD{...}` for each directive keyword (`\\pclet{o_j = ...}`,
  `\\pcassume{...}`, `\\pcshow{...}`, `\\pclemma{diag}`, ...) and `\\pcproblem{NAME}{TITLE}`; the author
  defines them as no-ops (`\\usepackage{proofcheck}`, proofcheck.sty). Its argument is on one line.
- A comment `%proof: LINE` holds one hidden proof line; `%proof: skip` leaves the next display
  unchecked, `%proof: off` ... `%proof: on` every display between.
Everything else (prose, inline math, verbatim, the preamble, macro definitions) is not proof text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pylatexenc.latexwalker import (LatexCommentNode, LatexEnvironmentNode, LatexGroupNode, LatexMacroNode,
                                    LatexMathNode, LatexWalker, LatexWalkerError, get_default_latex_context_db)
from pylatexenc.macrospec import MacroSpec

from ..parse import DIRECTIVES
from .canvas import MARKER_WORDS, Canvas

MACRO_PREFIX = "pc"
PROBLEM, LEMMA = "problem", "lemma"
PACKAGE = "proofcheck"
DISPLAY_ENVIRONMENTS = frozenset(
    name + star for name in ("equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray")
    for star in ("", "*")) | {"displaymath"}
# a \pclet inside these is being defined, not used
DEFINING = frozenset({"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand", "def", "gdef",
                      "edef", "xdef", "let", "NewDocumentCommand", "RenewDocumentCommand",
                      "ProvideDocumentCommand", "DeclareDocumentCommand"})
_MARKER = re.compile(r"^\s*proof:(?P<body>.*)$")


def macro_names() -> dict[str, str]:
    """`\\pclet` -> `let`: one macro per directive keyword of the language, so a new directive gets one too."""
    return {MACRO_PREFIX + keyword: keyword for keyword in DIRECTIVES}


@lru_cache(maxsize=1)
def _context():
    db = get_default_latex_context_db()  # a fresh database
    specs = [MacroSpec(name, "{{" if keyword == PROBLEM else "{") for name, keyword in macro_names().items()]
    db.add_context_category(PACKAGE, macros=specs, prepend=True)
    return db


class _Reader:
    def __init__(self, text: str):
        self.canvas = Canvas(text)
        self.keywords = macro_names()

    def walk(self, nodes) -> None:
        for node in nodes or ():
            if isinstance(node, LatexCommentNode):
                self.marker(node)
            elif isinstance(node, LatexEnvironmentNode):
                if node.environmentname in DISPLAY_ENVIRONMENTS:
                    self.display(node)
                else:
                    self.walk(node.nodelist)
            elif isinstance(node, LatexMathNode):
                if node.displaytype == "display":
                    self.display(node)
            elif isinstance(node, LatexMacroNode):
                if node.macroname in self.keywords:
                    self.directive(node)
                elif node.macroname not in DEFINING and node.nodeargd is not None:
                    self.walk([a for a in node.nodeargd.argnlist if isinstance(a, LatexGroupNode)])
            elif isinstance(node, LatexGroupNode):
                self.walk(node.nodelist)

    def marker(self, node: LatexCommentNode) -> None:
        m = _MARKER.match(node.comment or "")
        if m is None:
            return
        c = self.canvas
        c.marked = True
        body = m.group("body").rstrip()
        if body.strip() in MARKER_WORDS:
            c.steer(body.strip())
            return
        start = node.pos + 1 + m.start("body")  # after the `%`
        i, col = c.locate(start)
        if body.strip() and c.claim(i, i, col, "a `%proof:` comment"):
            c.keep(i, col, col + len(body))

    def display(self, node) -> None:
        c = self.canvas
        if not c.display_wanted() or not node.nodelist:
            return
        begin_line, begin_col = c.locate(node.pos)
        end_line, _ = c.locate(node.pos + node.len - 1)
        if not c.claim(begin_line, end_line, begin_col, "a display"):
            return
        body = node.nodelist
        c.keep_offsets(body[0].pos, body[-1].pos + body[-1].len)
        for i in range(begin_line + 1, end_line):
            c.transparent(i)

    def directive(self, node: LatexMacroNode) -> None:
        c = self.canvas
        c.marked = True
        keyword = self.keywords[node.macroname]
        line, col = c.locate(node.pos)
        form = f"\\{node.macroname}{{NAME}}{{TITLE}}" if keyword == PROBLEM else f"\\{node.macroname}{{...}}"
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        if not args or not all(isinstance(a, LatexGroupNode) and a.delimiters == ("{", "}") for a in args):
            c.error(line, col, len(node.macroname) + 1, f"`\\{node.macroname}` takes its argument in braces: {form}")
            return
        last_line, _ = c.locate(args[-1].pos + args[-1].len - 1)
        if last_line != line:
            c.error(line, col, len(node.macroname) + 1,
                    f"the argument of `\\{node.macroname}` must be on one line (a proof line is one line)")
            return
        if not c.claim(line, line, col, f"`\\{node.macroname}`"):
            return
        c.write(line, col, keyword)
        for arg in args:
            c.keep_offsets(arg.pos + 1, arg.pos + arg.len - 1)
        if keyword == LEMMA:
            c.write(line, c.locate(args[0].pos + args[0].len - 1)[1], ":")
        elif keyword == PROBLEM and args[1].len > 2:  # `{}`: no title
            c.write(line, c.locate(args[1].pos)[1], '"')
            c.write(line, c.locate(args[1].pos + args[1].len - 1)[1], '"')


def _document_body(nodes):
    """The nodes inside `\\begin{document}`, or all of them for a file without one."""
    for node in nodes:
        if isinstance(node, LatexEnvironmentNode) and node.environmentname == "document":
            return node.nodelist
    return nodes


def _uses_package(nodes) -> bool:
    for node in nodes:
        if isinstance(node, LatexMacroNode) and node.macroname == "usepackage" and node.nodeargd is not None:
            for arg in node.nodeargd.argnlist:
                if isinstance(arg, LatexGroupNode) and PACKAGE in arg.latex_verbatim().strip("{}").replace(" ", "").split(","):
                    return True
    return False


def extract(text: str) -> Canvas:
    reader = _Reader(text)
    try:
        nodes, _, _ = LatexWalker(text, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()
    except RecursionError:  # tolerant parsing leaves little to fail, but deep nesting recurses
        reader.canvas.marked = True
        reader.canvas.error(0, 0, 1, "the document nests groups or environments too deeply to read")
        return reader.canvas
    except LatexWalkerError as exc:
        reader.canvas.marked = True
        line, col = reader.canvas.locate(getattr(exc, "pos", None) or 0)
        reader.canvas.error(line, col, 1, f"the LaTeX tokenizer could not read this document: {exc}")
        return reader.canvas
    reader.canvas.marked = _uses_package(nodes)
    try:
        reader.walk(_document_body(nodes))
    except RecursionError:
        reader.canvas.error(0, 0, 1, "the document nests groups or environments too deeply to read")
    return reader.canvas
