"""The adversarial suite: `tests/adversarial/<family>/*.proof`, run like the corpus.

Each file holds false claims that must not be accepted (and true claims in unusual notation that
must be), with the corpus' inline expectations (tests/corpus/README.md): every step and goal on a
line without an expectation must be accepted or met, and everything else must be announced.
tests/adversarial/README.md says how each family's claims were verified independently.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from proofcheck.options import Options
from proofcheck.pipeline import check_path

from test_corpus import mismatches, parse_expectations, proof_files  # tests/ is on sys.path (rootdir import mode)

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

ROOT = Path(__file__).resolve().parent / "adversarial"
OPTIONS = Options(seed=0, timeout=30, workers=2)


def checked(path: str):
    """A file's result under OPTIONS, once per session (tests/test_certified.py reads the refutations
    file's counterexamples from it instead of checking the file again)."""
    return _checked(str(Path(path).resolve()))


@functools.lru_cache(maxsize=None)
def _checked(path: str):
    return check_path(path, OPTIONS)


@pytest.mark.parametrize("path", proof_files(ROOT, "*/*.proof"))
def test_adversarial_file(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    expect = parse_expectations(text)
    result = checked(str(path))
    count = sum(len(p.steps) + len(p.goals) for p in result.problems)
    assert count or expect.lines, f"{path.name}: nothing was checked and nothing is expected"
    problems = mismatches(expect, result)
    assert not problems, f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(problems)
