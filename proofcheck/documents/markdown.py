"""Markdown (markdown-it-py, CommonMark): which lines of a `.md` file are proof text.

- A fenced block whose info string is `proof` holds proof text exactly as a `.proof` file does
  (directives and chains); finding one marks the document as a proof document.
- A display: a `$$ ... $$` block (mdit-py-plugins' dollarmath rule; it may follow a paragraph line
  directly) or a fenced block with the info string `math` (GitHub's form) holds chains.
- A one-line HTML comment `<!-- proof: LINE -->` holds one hidden proof line; `<!-- proof: skip -->`
  leaves the next display unchecked, `<!-- proof: off -->` ... `<!-- proof: on -->` every display between.
Everything else (prose, headings, inline `$...$`, other code blocks) is not proof text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.dollarmath.index import math_block_dollar

from .canvas import MARKER_WORDS, Canvas

PROOF_INFO = "proof"
MATH_INFO = "math"
DOLLARS = "$$"
_COMMENT_OPEN = re.compile(r"<!--[ \t]*proof:")
COMMENT_CLOSE = "-->"
_CONTAINER = re.compile(r"^(?:[ \t]*>)*[ \t]*")  # blockquote markers and indentation before a block's text


def _interrupting(rule):
    """The `$$` block rule, also allowed to end a paragraph (`We get` then `$$` on the next line).

    As a terminator it runs in silent mode, where it must only say whether a display starts here:
    the plugin's rule pushes tokens regardless, which would corrupt the paragraph being read.
    """
    def display_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:
            if state.sCount[start] - state.blkIndent >= 4:  # an indented code line
                return False
            pos = state.bMarks[start] + state.tShift[start]
            return state.src.startswith(DOLLARS, pos)
        return rule(state, start, end, silent)
    return display_block


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.block.ruler.before("fence", "math_block", _interrupting(math_block_dollar(allow_labels=True)),
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    return md


def _content_start(doc_line: str, content: str) -> int:
    """The column where a block's content line stands in its document line (after `> ` and indentation)."""
    if doc_line.endswith(content):
        return len(doc_line) - len(content)
    return _CONTAINER.match(doc_line).end()  # markdown-it expanded a tab: the text starts after the container


def _fenced(canvas: Canvas, first: int, content: str) -> None:
    """Keep a fenced block's content lines (they start on the line after the opening fence)."""
    for k, part in enumerate(content.split("\n")):
        i = first + 1 + k
        if not part.strip() or i >= len(canvas.lines):
            continue  # an empty line in the block ends a chain, as in a .proof file
        canvas.keep(i, _content_start(canvas.lines[i], part), len(canvas.lines[i]))
        canvas.transparent(i)


def _dollars(canvas: Canvas, first: int, end: int) -> None:
    """Keep a `$$` block from its opening `$$` to its closing one (code_of blanks the dollars)."""
    last = end - 1
    start_col = canvas.lines[first].find(DOLLARS)
    end_col = canvas.lines[last].rfind(DOLLARS) + len(DOLLARS)
    for i in range(first, last + 1):
        line = canvas.lines[i]
        lo = start_col if i == first else _CONTAINER.match(line).end()
        hi = end_col if i == last else len(line)
        canvas.keep(i, lo, hi)
        if first < i < last and line[lo:hi].strip():
            canvas.transparent(i)


def _comments(canvas: Canvas, first: int, end: int) -> None:
    """`<!-- proof: ... -->` lines of an HTML block: hidden proof lines and the skip/off/on words."""
    for i in range(first, end):
        line = canvas.lines[i]
        opened = _COMMENT_OPEN.search(line)
        if opened is None:
            continue
        canvas.marked = True
        close = line.find(COMMENT_CLOSE, opened.end())
        if close < 0:
            canvas.error(i, opened.start(), 4, "a `<!-- proof: ... -->` comment must close on its own line")
            continue
        if _COMMENT_OPEN.search(line, close):
            canvas.error(i, close, 3, "one `<!-- proof: ... -->` comment per line")
        word = line[opened.end():close].strip()
        if word in MARKER_WORDS:
            canvas.steer(word)
        elif word and canvas.claim(i, i, opened.start(), "a proof comment"):
            canvas.keep(i, opened.end(), close)


def extract(text: str) -> Canvas:
    canvas = Canvas(text)
    for token in parser().parse(text):
        if token.map is None:
            continue
        first, end = token.map
        if token.type == "fence":
            info = token.info.split(maxsplit=1)[0] if token.info.strip() else ""
            if info == PROOF_INFO:
                canvas.marked = True
                _fenced(canvas, first, token.content)
            elif info == MATH_INFO and canvas.display_wanted():
                _fenced(canvas, first, token.content)
        elif token.type in ("math_block", "math_block_label"):
            if canvas.display_wanted():
                _dollars(canvas, first, end)
        elif token.type == "html_block":
            _comments(canvas, first, end)
    return canvas

