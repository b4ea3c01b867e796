"""Derivations where people write them: Markdown, LaTeX and Jupyter documents (proofcheck/documents/).

The worked examples check with the same verdicts as their `.proof` twin, at the document's own lines
and columns; prose, preambles and code are never proof text; every document-level problem is a
located diagnostic. The format itself is described in docs/documents.md.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

from proofcheck.cli import main
from proofcheck.documents import extract, format_of
from proofcheck.documents.latex import macro_names
from proofcheck.options import Options
from proofcheck.pipeline import check_path, check_text, collect, load
from proofcheck.results import FileResult

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OPTIONS = Options(seed=0, timeout=20)
FAST = Options(seed=0, timeout=20, ad="off")

PROBLEM_MD = """\
```proof
problem P
let f = x^2
```
"""
STEP_MD = "\n$$ x + x = 2 x $$\n"  # one step: a file with nothing to check is an error (E404)


def verdicts(result: FileResult) -> list:
    """What a check decided, without where: the same for a document and its .proof twin."""
    return [(p.name, p.title, [(s.verdict, s.method, s.kind, s.compared_with, s.justification, s.lemma) for s in p.steps],
             [(g.kind, g.status, g.reason) for g in p.goals]) for p in result.problems]


def notebook(*cells) -> str:
    nb = new_notebook()
    nb.cells = list(cells)
    for k, cell in enumerate(nb.cells):
        cell.id = f"cell{k}"  # fixed ids: the same notebook text every run
    return nbformat.writes(nb)


def where(result: FileResult, code: str) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in result.diagnostics if d.code == code]


def position_of(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of a substring, found in the text itself (not hard-coded)."""
    lines = text.split("\n")
    hits = [(i + 1, ln.index(needle) + 1) for i, ln in enumerate(lines) if needle in ln]
    return hits[occurrence]


# ------------------------------------------------------------------ the worked examples


@pytest.fixture(scope="module")
def twin() -> FileResult:
    return check_path(str(EXAMPLES / "softmax.proof"), OPTIONS)


@functools.lru_cache(maxsize=None)
def example(name: str) -> FileResult:
    """A worked example checked under OPTIONS, once per session (the two tests below read it)."""
    return check_path(str(EXAMPLES / name), OPTIONS)


@pytest.mark.parametrize("name", ["softmax.md", "softmax.tex", "softmax.ipynb"])
def test_examples_check_like_their_proof_twin(twin: FileResult, name: str) -> None:
    result = example(name)
    assert twin.ok and result.ok, [(d.code, d.span, d.message) for d in result.diagnostics]
    assert verdicts(result) == verdicts(twin)
    assert Counter(d.code for d in result.diagnostics) == Counter(d.code for d in twin.diagnostics)
    assert sum(len(p.steps) for p in result.problems) == 9


@pytest.mark.parametrize("name", ["softmax.md", "softmax.tex", "softmax.ipynb"])
def test_example_steps_stand_where_the_document_has_them(twin: FileResult, name: str) -> None:
    """Every step's line and column in the document hold the same member as the twin's step."""
    source, _ = load(str(EXAMPLES / name))
    twin_source, _ = load(str(EXAMPLES / "softmax.proof"))
    result = example(name)
    twin_steps = [s for p in twin.problems for s in p.steps]
    steps = [s for p in result.problems for s in p.steps]
    for s, t in zip(steps, twin_steps, strict=True):
        mine = source.line_text(s.line)[s.column - 1: s.end_column - 1]
        theirs = twin_source.line_text(t.line)[t.column - 1: t.end_column - 1]
        assert mine == theirs and mine.strip(), (name, s.line, mine, theirs)


def test_the_cli_reads_every_format(capsys) -> None:
    paths = [str(EXAMPLES / n) for n in ("softmax.proof", "softmax.md", "softmax.tex", "softmax.ipynb")]
    assert main(["check", *paths, "--color", "never", "--ad", "off"]) == 0
    out = capsys.readouterr().out
    assert "4 file(s), 36 step(s), 0 refuted" in out
    assert re.search(r"✓ cell_5:\d+:6  proved", out)


def test_format_by_extension() -> None:
    assert [format_of(p) for p in ("a.md", "A.MARKDOWN", "b.tex", "c.ipynb", "d.proof", "e.txt")] == \
        ["markdown", "markdown", "latex", "notebook", None, None]


# ------------------------------------------------------------------ a wrong step, where the author wrote it


MD_WRONG = PROBLEM_MD + """
We differentiate:
$$
\\frac{d f}{d x} = 2 x
  = 3 x
$$

> In a quotation, indented:
>
> $$ x + x = 2 x $$
"""


def test_markdown_wrong_step_at_its_line_and_column(capsys, tmp_path: Path) -> None:
    path = tmp_path / "wrong.md"
    path.write_text(MD_WRONG, encoding="utf-8")
    result = check_path(str(path), FAST)
    line, col = position_of(MD_WRONG, "3 x")
    assert where(result, "E300") == [(line, col)]
    steps = [(s.line, s.column, s.verdict) for p in result.problems for s in p.steps]
    assert steps == [(position_of(MD_WRONG, "2 x")[0], position_of(MD_WRONG, "2 x")[1], "proved"), (line, col, "refuted"),
                     (position_of(MD_WRONG, "2 x", 1)[0], position_of(MD_WRONG, "2 x", 1)[1], "proved")]
    main(["check", str(path), "--color", "never", "--ad", "off"])
    out = capsys.readouterr().out
    assert f"{path}:{line}:{col}: error[E300]" in out
    assert f" {line} |   = 3 x\n" in out  # the document's own line under the caret
    assert "\n" + " " * (len(str(line)) + 1) + " | " + " " * (col - 1) + "^^^\n" in out


def test_notebook_wrong_step_at_its_cell_line_and_column(capsys, tmp_path: Path) -> None:
    text = notebook(new_markdown_cell(PROBLEM_MD), new_code_cell("import numpy as np\nprint(np.pi $$ = 3)"),
                    new_markdown_cell("So\n\n$$\n\\frac{d f}{d x} = 2 x\n$$"), new_raw_cell("%%proof\nx + x = 2 x\n  = 3 x"))
    path = tmp_path / "wrong.ipynb"
    path.write_text(text, encoding="utf-8")
    source, _ = load(str(path))
    result = check_path(str(path), FAST)
    (line, col), = where(result, "E300")
    origin = source.origin(line)
    assert (origin.cell, origin.line, col) == (4, 3, 5)
    assert [d.code for d in result.diagnostics] == ["E300"]
    assert [s.verdict for p in result.problems for s in p.steps] == ["proved", "proved", "refuted"]
    main(["check", str(path), "--color", "never", "--ad", "off"])
    out = capsys.readouterr().out
    assert f"{path}:cell_4:3:5: error[E300]" in out and " 3 |   = 3 x\n" in out
    main(["check", str(path), "--format", "json", "--ad", "off"])
    doc = json.loads(capsys.readouterr().out)
    (diag,) = doc["files"][0]["diagnostics"]
    assert (diag["cell"], diag["cell_line"], diag["column"]) == (4, 3, 5)
    assert [(s["cell"], s["cell_line"]) for s in doc["files"][0]["problems"][0]["steps"]] == [(3, 4), (4, 2), (4, 3)]


LATEX_WRONG = r"""\documentclass{article}
\usepackage{amsmath,proofcheck}
\newcommand{\half}{\frac12} % the preamble is never proof text: x = = y
\begin{document}
Some prose with $x = = y$ inline math, which is not checked.
\pcproblem{P}{}
\pclet{f = x^2}
\begin{align}
  \frac{d f}{d x} &= 2 x \label{eq:one} \\
  % a comment row
  &= 3 x
\end{align}
\begin{verbatim}
\pclet{f = broken
x = = y
\end{verbatim}
\end{document}
"""


def test_latex_wrong_step_at_its_line_and_column() -> None:
    result = check_text(LATEX_WRONG, "wrong.tex", FAST)
    assert where(result, "E300") == [position_of(LATEX_WRONG, "3 x")]
    assert [d.code for d in result.diagnostics] == ["E300"]
    assert [s.verdict for p in result.problems for s in p.steps] == ["proved", "refuted"]
    assert [p.name for p in result.problems] == ["P"]


# ------------------------------------------------------------------ what is not proof text


def test_prose_code_and_inline_math_are_never_read() -> None:
    text = PROBLEM_MD + """
Let $x = = 1$ be inline, and $$ x = = 2 $$ in a sentence is inline too.
We write \\frac{ and x = = 3 in prose.

```python
def f(x): return x ** 2  # x = = 4
```

    indented code: x = = 5
""" + STEP_MD
    result = check_text(text, "prose.md", FAST)
    assert result.diagnostics == [] and [len(p.steps) for p in result.problems] == [1]


def test_notebook_code_cells_are_not_read() -> None:
    text = notebook(new_markdown_cell(PROBLEM_MD + STEP_MD), new_code_cell("x = = 1\n$$\nbroken\n$$"), new_raw_cell("x = = 2"))
    result = check_text(text, "n.ipynb", FAST)
    assert result.diagnostics == [] and [len(p.steps) for p in result.problems] == [1]


def test_latex_preamble_definitions_and_verbatim_are_not_read() -> None:
    text = r"""\documentclass{article}
\newcommand{\pclet}[1]{}
\def\pcshow#1{}
\begin{document}
\pcproblem{P}{Title}
\verb|\pclet{x = = 1}|
\begin{verbatim}
\[ x = = 2 \]
\end{verbatim}
\[ x + x = 2 x \]
\end{document}
"""
    result = check_text(text, "p.tex", FAST)
    assert result.diagnostics == []
    assert [(p.name, p.title, [s.verdict for s in p.steps]) for p in result.problems] == [("P", "Title", ["proved"])]


# ------------------------------------------------------------------ chains, regions and markers


def test_a_display_ends_a_chain() -> None:
    text = PROBLEM_MD + "\n$$\nx + x = 2 x\n$$\n\n$$\n= x + x\n$$\n"
    result = check_text(text, "c.md", FAST)
    assert where(result, "E102") == [position_of(text, "= x + x")]


def test_a_comment_row_does_not_end_a_chain_but_an_empty_quoted_line_does() -> None:
    text = "```proof\nproblem P\nx + x = 2 x\n% a comment\n  = x + x\n```\n\n> ```proof\n> x = x\n>\n>   = x\n> ```\n"
    result = check_text(text, "c.md", FAST)
    assert where(result, "E102") == [position_of(text, ">   = x")[:1] + (position_of(text, ">   = x")[1] + 4,)]
    assert [s.verdict for p in result.problems for s in p.steps] == ["proved", "proved", "proved"]


def test_a_display_right_after_a_paragraph_line_is_read() -> None:
    text = PROBLEM_MD + "\nWe get\n$$\n\\frac{d f}{d x} = 3 x\n$$\nand more.\n"
    result = check_text(text, "p.md", FAST)
    assert where(result, "E300") == [position_of(text, "3 x")]


def test_math_fences_and_labels() -> None:
    text = PROBLEM_MD + "\n```math\n\\frac{d f}{d x} = 3 x\n```\n\n$$ x = 2 x $$ (eq:1)\n"
    result = check_text(text, "m.md", FAST)
    assert where(result, "E300") == [position_of(text, "3 x"), position_of(text, "2 x $$")]


def test_directives_and_lemmas_carry_from_a_proof_block_to_the_next_display() -> None:
    text = """```proof
problem P
let f = x^2
lemma sq:
```

$$ \\frac{d f}{d x} = 2 x $$

<!-- proof: case x > 0 -->
$$ |x| = x  by sq $$
"""
    result = check_text(text, "l.md", FAST)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    assert [s.lemma for p in result.problems for s in p.steps] == ["sq", None]


@pytest.mark.parametrize("fmt,skip,off,on", [
    ("md", "<!-- proof: skip -->", "<!-- proof: off -->", "<!-- proof: on -->"),
    ("tex", "%proof: skip", "%proof: off", "%proof: on"),
])
def test_skip_and_off_leave_displays_unchecked(fmt: str, skip: str, off: str, on: str) -> None:
    head = PROBLEM_MD if fmt == "md" else "\\pcproblem{P}{}\n\\pclet{f = x^2}\n"
    text = head + f"""
{skip}
$$ x = 2 x $$

{off}
$$ x = 3 x $$

$$ x = 4 x $$
{on}

$$ x = 5 x $$
"""
    result = check_text(text, f"s.{fmt}", FAST)
    assert where(result, "E300") == [position_of(text, "5 x")]


def test_hidden_proof_lines() -> None:
    md = "<!-- proof: problem P -->\n<!-- proof: let f = x^2 -->\n\n$$ \\frac{d f}{d x} = 3 x $$\n"
    tex = "%proof: problem P\n%proof: let f = x^2\n\\[ \\frac{d f}{d x} = 3 x \\]\n"
    for text, name in ((md, "h.md"), (tex, "h.tex")):
        result = check_text(text, name, FAST)
        assert where(result, "E300") == [position_of(text, "3 x")], name
        assert [p.name for p in result.problems] == ["P"]


def test_every_directive_has_a_macro() -> None:
    from proofcheck.parse import DIRECTIVES

    assert set(macro_names().values()) == set(DIRECTIVES)
    sty = (ROOT / "proofcheck" / "documents" / "proofcheck.sty").read_text(encoding="utf-8")
    defined = dict(re.findall(r"\\newcommand\{\\(pc\w+)\}\[(\d)\]", sty))
    assert defined == {name: ("2" if keyword == "problem" else "1") for name, keyword in macro_names().items()}


def test_latex_directive_macros() -> None:
    text = r"""\pcproblem{net}{Parameters}
\pcnetwork{mlp}
\pcinput{4}
\pcdense{h 3 relu}
\pcdense{out 2}
\pcindex{i in 1..N}
\pcat{x = 2}
\pcfind{\frac{d}{dx} x^2}
\[ \frac{d}{dx} x^2 = 4 \]
"""
    result = check_text(text, "n.tex", FAST)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    assert [(g.kind, g.status) for p in result.problems for g in p.goals] == [("find", "met")]


# ------------------------------------------------------------------ located problems with documents


@pytest.mark.parametrize("text,needle", [
    ("\\pcproblem{P}{}\n\\pclet f = x^2\n", "\\pclet"),  # no braces
    ("\\pcproblem{P}{}\n\\pclet{f =\n x^2}\n", "\\pclet"),  # over two lines
    ("\\pcproblem{P}{}\n\\pclet{f = 1} \\pclet{g = 2}\n", "\\pclet{g"),  # two on one line
    ("\\pcproblem{P}{}\n\\pclet{g = 2} \\[ g = 2 \\]\n", "\\pclet"),  # a directive and a display on one line
    ("\\pcproblem{P}\n\\pclet{g = 2}\n", "\\pcproblem"),  # the title argument forgotten
])
def test_latex_markup_errors_are_located(text: str, needle: str) -> None:
    result = check_text(text, "e.tex", FAST)
    codes = [d.code for d in result.diagnostics]
    assert "E104" in codes, codes
    line, col = position_of(text, needle)
    assert any(d.code == "E104" and d.span.line == line for d in result.diagnostics), result.diagnostics
    assert not any(c.startswith("E1") and c != "E104" for c in codes), codes


def test_markdown_unclosed_proof_comment() -> None:
    text = "<!-- proof: problem P\n-->\n"
    result = check_text(text, "u.md", FAST)
    assert where(result, "E104") == [(1, 1)]


@pytest.mark.parametrize("text,code,at", [
    ("{\"cells\": [", "E407", (1, 12)),
    ("[]", "E407", (1, 1)),
    ("{}", "E407", (1, 1)),
    ("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": 5}", "E407", (1, 1)),
])
def test_not_a_notebook(text: str, code: str, at: tuple[int, int], tmp_path: Path) -> None:
    result = check_text(text, "bad.ipynb", FAST)
    assert result.fatal and [(d.code, (d.span.line, d.span.column)) for d in result.diagnostics] == [(code, at)]
    (tmp_path / "bad.ipynb").write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path / "bad.ipynb"), "--color", "never"]) == 2


# ------------------------------------------------------------------ which documents are proofs


@pytest.mark.parametrize("name,text", [
    ("README.md", "# Notes\n\n$$ x = 2 x $$\n"),
    ("paper.tex", "\\documentclass{article}\\begin{document}\\[ x = 2 x \\]\\end{document}\n"),
    ("n.ipynb", notebook(new_markdown_cell("$$ x = 2 x $$"), new_code_cell("%%time\nx = 3"))),
])
def test_a_document_that_does_not_say_it_is_a_proof_is_not_checked(name: str, text: str) -> None:
    result = check_text(text, name, FAST)
    assert [d.code for d in result.diagnostics] == ["W408"] and result.ok
    assert all(not p.steps for p in result.problems)


def test_usepackage_says_a_latex_document_is_a_proof() -> None:
    text = "\\documentclass{article}\n\\usepackage{amsmath, proofcheck}\n\\begin{document}\n\\[ x = 3 x \\]\n\\end{document}\n"
    assert where(check_text(text, "p.tex", FAST), "E300") == [position_of(text, "3 x")]


def test_folders_give_proof_files_and_proof_documents(tmp_path: Path) -> None:
    (tmp_path / "a.proof").write_text("x = x\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Homework\n\n$$ x = 2 x $$\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(PROBLEM_MD, encoding="utf-8")
    (tmp_path / "c.tex").write_text("\\pcproblem{C}{}\n", encoding="utf-8")
    (tmp_path / "d.tex").write_text("\\section{Not a proof}\n", encoding="utf-8")
    (tmp_path / "e.ipynb").write_text(notebook(new_raw_cell("%%proof\nx = x")), encoding="utf-8")
    (tmp_path / "f.ipynb").write_text(notebook(new_code_cell("x = 1")), encoding="utf-8")
    (tmp_path / "g.ipynb").write_text("not json", encoding="utf-8")  # unreadable: listed, so its error shows
    (tmp_path / "notes.txt").write_text("x = = 1", encoding="utf-8")
    files, errors = collect([str(tmp_path)])
    assert [Path(f).name for f in files] == ["a.proof", "b.md", "c.tex", "e.ipynb", "g.ipynb"] and errors == []
    files, _ = collect([str(tmp_path / "README.md")])  # named on its own: checked (and warned about)
    assert [Path(f).name for f in files] == ["README.md"]


# ------------------------------------------------------------------ text as editors keep it


def test_crlf_and_tabs_keep_positions() -> None:
    text = PROBLEM_MD.replace("\n", "\r\n") + "\r\n- item\r\n\r\n\t```proof\r\n\tx + x = 3 x\r\n\t```\r\n"
    result = check_text(text, "t.md", FAST)
    line, col = position_of(text.replace("\r", ""), "3 x")
    assert where(result, "E300") == [(line, col)]


def test_columns_count_characters_not_bytes() -> None:
    text = PROBLEM_MD + "\n$$ 𝟙(x > 0) + ∑ = 𝟙(x > 0) $$\n$$ 𝟙(x > 0) = 2 $$\n"
    result = check_text(text, "u.md", FAST)
    assert (position_of(text, "𝟙(x > 0) = 2")[0], position_of(text, "2 $$")[1]) in where(result, "E300")


@pytest.mark.parametrize("seed", range(40))
def test_random_documents_never_crash(seed: int) -> None:
    """Random mixtures of the markup extraction reads (fences, dollars, macros, comments) and broken
    pieces of it: every one gives a Source or a located reason, never an exception."""
    import random

    rng = random.Random(seed)
    pieces = ["```proof\n", "```\n", "~~~math\n", "$$", "$$\n", "\\[", "\\]", "\\begin{align*}", "\\end{align*}",
              "\\pclet{", "\\pcproblem{P}{", "}", "{", "%proof: ", "<!-- proof: ", "-->", "> ", "\t", "x = 1",
              "&= 2", "\\\\", "\n", "\n\n", "\\verb|", "|", "\\begin{document}", "%%proof\n", "\\label{a}", "`"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
    for name in ("r.md", "r.tex"):
        source, diags = extract(name, text)
        assert source is not None and not diags
        assert len(source.lines) == len(text.split("\n"))
        assert all(len(ln.code) <= len(ln.text) for ln in source.lines)
        check_text(text, name, Options(seed=0, timeout=5, ad="off", workers=1))
    nb = notebook(new_markdown_cell(text), new_raw_cell("%%proof\n" + text))
    source, _ = extract("r.ipynb", nb)
    assert source is not None


def test_deep_latex_nesting_is_a_located_error() -> None:
    text = "\\pcproblem{P}{}\n" + "{" * 20000 + "\n"
    result = check_text(text, "deep.tex", FAST)
    assert not result.fatal  # a document that cannot be read is still a result, with its reason
    assert [d.code for d in result.diagnostics] == ["E104"]


DOCUMENT_BOMBS = {  # markup that a quadratic scan or a recursive reader would choke on
    "unclosed comments": ("h.md", "<!-- proof: " * 30000),
    "closed comments on one line": ("h.md", "<!-- proof: x -->" * 30000),
    "a line of dollars": ("h.md", "$$" * 100000),
    "an unclosed proof block of brackets": ("h.md", "```proof\n" + "[" * 100000),
    "deep quotes": ("h.md", "> " * 100000 + "$$ x = x $$"),
    "deep lists": ("h.md", "- " * 50000 + "$$\nx\n$$"),
    "deep braces": ("h.tex", "\\pcproblem{P}{}\n" + "{" * 100000),
    "deep environments": ("h.tex", "\\pcproblem{P}{}\n" + "\\begin{x}" * 20000),
    "many macros": ("h.tex", "\\pccase{x > 0}\n" * 2000),
    "many cells": ("h.ipynb", None),
}
BOMB_SECONDS = 20  # generous: each of these takes well under a second; a quadratic reader takes minutes


@pytest.mark.parametrize("name", sorted(DOCUMENT_BOMBS))
def test_document_bombs_end_quickly_with_located_diagnostics(name: str) -> None:
    import time

    path, text = DOCUMENT_BOMBS[name]
    if text is None:
        text = notebook(new_markdown_cell(PROBLEM_MD), *[new_markdown_cell("$$\nx\n$$") for _ in range(1000)])
    start = time.monotonic()
    result = check_text(text, path, Options(seed=0, timeout=2, ad="off"))
    elapsed = time.monotonic() - start
    assert elapsed < BOMB_SECONDS, f"{name} took {elapsed:.1f} s"
    assert all(d.span.line >= 1 and d.span.column >= 1 for d in result.diagnostics)
    assert result.ok or result.diagnostics


def test_load_ext_checks_a_proof_cell_when_it_runs(capsys) -> None:
    """`%load_ext proofcheck` registers the `%%proof` cell magic (an IPython stand-in records it)."""
    import proofcheck

    class Shell:
        magics: dict = {}

        def register_magic_function(self, fn, magic_kind, magic_name):
            self.magics[(magic_kind, magic_name)] = fn

    shell = Shell()
    proofcheck.load_ipython_extension(shell)
    magic = shell.magics[("cell", "proof")]
    cell = "let f = x^2\n\\frac{d f}{d x} = 3 x\n"
    magic("", cell)
    line, col = position_of("%%proof\n" + cell, "3 x")  # the `%%proof` line is the cell's line 1
    assert f"cell:{line}:{col}: error[E300]" in capsys.readouterr().out
    magic("--seed 3", "x = x\n")
    assert "takes no options" in capsys.readouterr().out


def test_docs_show_the_package_as_shipped() -> None:
    """docs/documents.md shows proofcheck.sty's definitions for pasting into a preamble: the same ones."""
    sty = (ROOT / "proofcheck" / "documents" / "proofcheck.sty").read_text(encoding="utf-8")
    doc = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
    defined = [ln for ln in sty.splitlines() if ln.startswith("\\newcommand")]
    shown = [ln for ln in doc.splitlines() if ln.startswith("\\newcommand")]
    assert shown == defined and len(defined) == len(macro_names())


@pytest.mark.parametrize("name", ["softmax.md", "softmax.ipynb"])
def test_document_output_is_deterministic(name: str) -> None:
    from proofcheck.report import to_json

    runs = []
    for _ in range(2):
        source, _ = load(str(EXAMPLES / name))
        result = check_path(str(EXAMPLES / name), FAST)
        runs.append(json.dumps(to_json([result], 0, {result.path: source})))
    assert runs[0] == runs[1]


@pytest.mark.slow  # grades or fills memory for seconds (10-20 s of the default run): CI runs it
def test_grade_takes_documents_like_proof_files(tmp_path: Path) -> None:
    """`proofcheck grade` reads a submission through `pipeline.load` too: the worked example as a
    Markdown file and as a notebook scores what its `.proof` twin scores."""
    import csv
    import shutil

    subs = tmp_path / "subs"
    subs.mkdir()
    for student, name in (("bob", "softmax.proof"), ("alice", "softmax.md"), ("carol", "softmax.ipynb"), ("dave", "softmax.tex")):
        shutil.copyfile(EXAMPLES / name, subs / f"{student}{Path(name).suffix}")
    out = tmp_path / "out"
    assert main(["grade", str(ROOT / "tests" / "grading" / "key.proof"), str(subs), "--out", str(out), "--jobs", "2"]) == 0
    with open(out / "grades.csv", encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    assert float(rows["bob"]["T4"]) > 0
    assert {rows[s]["T4"] for s in ("alice", "bob", "carol", "dave")} == {rows["bob"]["T4"]}
