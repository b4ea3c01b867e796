"""The pre-commit hook declared in .pre-commit-hooks.yaml, run for real through
`pre-commit try-repo`.

try-repo clones the hook repository at a commit (uncommitted changes are only
picked up for tracked files), so the tests snapshot the current working tree
(tracked + untracked, minus .gitignore'd files) into a temporary repo and
commit it there. PRE_COMMIT_HOME points into a tmp dir.

Slow (pre-commit builds a venv and installs proofcheck into it), but NOT
skipped by default: CI runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

GOOD = """\
problem P
let f = x^2
\\frac{d f}{d x} = 2 x
"""

BROKEN = """\
problem P
let f = x^2
\\frac{d f}{d x} = 3 x
"""

BROKEN_MD = """\
# Homework 1

```proof
problem P
let f = x^2
```

$$ \\frac{d f}{d x} = 3 x $$
"""

README_MD = """\
# Course notes

Some math that is not a proof: $$ E = m c^2 $$
"""

_IGNORE = shutil.ignore_patterns(
    ".git", ".venv*", "venv", "build", "dist", "*.egg-info", "__pycache__",
    ".pytest_cache", ".hypothesis",
)


def _git(*args: str, cwd: Path) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stdout}"
    return proc.stdout


def _init_repo(path: Path) -> None:
    _git("init", "-q", cwd=path)
    _git("config", "user.name", "proofcheck tests", cwd=path)
    _git("config", "user.email", "tests@proofcheck.invalid", cwd=path)
    _git("config", "commit.gpgsign", "false", cwd=path)


def _snapshot_repo(dest: Path) -> None:
    """Copy the working tree of REPO (as git would see it) into dest."""
    if (REPO / ".git").exists():
        listed = _git(
            "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO
        ).split("\0")
        dest.mkdir(parents=True)
        for rel in filter(None, listed):
            src = REPO / rel
            if src.is_file():  # skips tracked-but-deleted files
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / rel)
    else:
        shutil.copytree(REPO, dest, ignore=_IGNORE)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("hook-repo") / "proofcheck"
    _snapshot_repo(repo)
    assert (repo / ".pre-commit-hooks.yaml").is_file()
    _init_repo(repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot for pre-commit try-repo", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    # Shared by both tests so the hook environment is built only once.
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(hook_repo: Path, home: Path, work: Path, filename: str, text: str):
    work.mkdir()
    _init_repo(work)
    (work / filename).write_text(text, encoding="utf-8")
    _git("add", filename, cwd=work)

    env = dict(os.environ, PRE_COMMIT_HOME=str(home))
    for var in ("PYTHONPATH", "PYTHONHOME"):
        env.pop(var, None)
    return subprocess.run(
        [
            sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "proofcheck",
            "--color", "never", "--files", filename,
        ],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1200,
    )


def test_hook_accepts_a_correct_proof(hook_repo, pre_commit_home, tmp_path):
    proc = _try_repo(hook_repo, pre_commit_home, tmp_path / "work", "good.proof", GOOD)
    assert proc.returncode == 0, proc.stdout
    # The hook must really have run on the file (not "(no files to check)Skipped").
    assert "Passed" in proc.stdout, proc.stdout
    assert "error[" not in proc.stdout, proc.stdout


def test_hook_rejects_a_broken_proof(hook_repo, pre_commit_home, tmp_path):
    proc = _try_repo(hook_repo, pre_commit_home, tmp_path / "work", "broken.proof", BROKEN)
    assert proc.returncode != 0, proc.stdout
    assert "Failed" in proc.stdout, proc.stdout
    assert "error[" in proc.stdout, proc.stdout
    assert "broken.proof:3:" in proc.stdout, proc.stdout


def test_hook_reports_a_wrong_step_in_markdown_at_its_line(hook_repo, pre_commit_home, tmp_path):
    proc = _try_repo(hook_repo, pre_commit_home, tmp_path / "work", "hw1.md", BROKEN_MD)
    assert proc.returncode != 0, proc.stdout
    assert "Failed" in proc.stdout, proc.stdout
    assert "hw1.md:8:22: error[E300]" in proc.stdout, proc.stdout


def test_hook_passes_a_markdown_file_that_is_not_a_proof(hook_repo, pre_commit_home, tmp_path):
    proc = _try_repo(hook_repo, pre_commit_home, tmp_path / "work", "README.md", README_MD)
    assert proc.returncode == 0, proc.stdout
    assert "Passed" in proc.stdout, proc.stdout  # it ran (not skipped) and only warned


def test_hook_files_pattern_takes_every_format():
    import re

    import yaml  # pre-commit's own dependency

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    for name in ("a.proof", "notes.md", "b.markdown", "paper.tex", "nb.ipynb"):
        assert pattern.search(name), name
    for name in ("a.py", "proof.txt", "tex.sty", "md.json"):
        assert not pattern.search(name), name
