"""The proofs shown in README.md and docs/ are real: they parse, and README's example checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from proofcheck.options import Options
from proofcheck.pipeline import check_text

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.S)


def _proof_blocks(path: Path) -> list[str]:
    return [b for b in BLOCK.findall(path.read_text(encoding="utf-8"))
            if re.search(r"^(problem|let|index|network)\b", b, re.M) and "$ " not in b and "{\"version\"" not in b]


def test_readme_example_checks():
    (example, *_) = _proof_blocks(ROOT / "README.md")
    result = check_text(example, "README-example.proof", Options(seed=0))  # the path's extension picks the format
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    assert [g.status for p in result.problems for g in p.goals] == ["met"]


@pytest.mark.parametrize("doc", sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"], ids=lambda p: p.name)
def test_doc_proofs_parse(doc):
    for block in _proof_blocks(doc):
        result = check_text(block, f"{doc.stem}-block.proof", Options(seed=0, timeout=20))
        syntax = [(d.span.line, d.code, d.message) for d in result.diagnostics if d.code.startswith("E1")]
        assert not syntax, (doc.name, block[:80], syntax)


def _shown_runs(text: str) -> list[tuple[list[str], list[str]]]:
    """README's output blocks: (the arguments after `$ proofcheck`, the lines shown below them)."""
    runs = []
    for block in re.findall(r"^```\n(\$ proofcheck .*?)^```", text, re.M | re.S):
        first, *lines = block.rstrip("\n").split("\n")
        runs.append((first[len("$ proofcheck "):].split(), lines))
    return runs


def test_readme_output_blocks_are_real(capsys):
    """Every line README shows below `$ proofcheck check ...` is printed, in that order; `...` on a
    line of its own stands for lines left out, and at the end of a line for the rest of it."""
    from proofcheck.cli import main

    runs = _shown_runs((ROOT / "README.md").read_text(encoding="utf-8"))
    assert runs
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for args, shown in runs:
            main(args + ["--color", "never"])
            out = capsys.readouterr().out.splitlines()
            at = 0
            for line in shown:
                if line.strip() == "...":
                    continue
                pattern = re.escape(line).replace(re.escape("...)"), ".*").replace(re.escape("..."), ".*")
                found = next((i for i in range(at, len(out)) if re.fullmatch(pattern, out[i])), None)
                assert found is not None, f"README shows a line `{args}` does not print (in this order): {line}"
                at = found + 1
    finally:
        os.chdir(cwd)


def test_readme_output_is_real(capsys):
    """Every diagnostic header README shows for a bundled example is what the checker prints."""
    from proofcheck.cli import main

    shown = re.findall(r"^(examples/\S+?\.proof):\d+:\d+: (?:error|warning)\[\w+\]: .*$",
                       (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    assert shown
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for path in sorted(set(shown)):
            main(["check", path, "--color", "never"])
            out = capsys.readouterr().out
            for line in re.findall(rf"^{re.escape(path)}:\d+:\d+: .*$", (ROOT / "README.md").read_text(encoding="utf-8"), re.M):
                assert line in out.splitlines(), line
    finally:
        os.chdir(cwd)


def test_ci_runs_readmes_test_command_then_the_slow_tests():
    """README's test command is what CI runs, verbatim, followed by the tests the default run skips."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"run the test suite.*?```\n(.*?)\n```", readme, re.S).group(1)
    assert command.endswith("python -m pytest -q")
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert command in ci and ci[ci.index(command) + 1:] == ["python -m pytest -q -m slow -n 0"]
    assert "`python -m pytest -q -m slow -n 0`" in readme
