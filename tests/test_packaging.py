"""Packaging tests: the built sdist/wheel are complete, and the wheel works when
installed into a fresh venv outside the source tree.

These are slow (they build the package and create a venv), but they are NOT
skipped by default: CI runs them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _clean_env() -> dict[str, str]:
    """Environment for child processes that must not see the source tree."""
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(var, None)
    return env


def _run(cmd: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=_clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
    )


def _check(proc: subprocess.CompletedProcess, what: str) -> None:
    assert proc.returncode == 0, f"{what} failed (exit {proc.returncode}):\n{proc.stdout}"


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """Build an sdist, then a wheel *from that sdist* (the default of `python -m build`).

    Building the wheel from the sdist also proves that the sdist is complete.
    """
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=out)
    _check(proc, "python -m build")
    wheels = sorted(out.glob("proofcheck-*.whl"))
    sdists = sorted(out.glob("proofcheck-*.tar.gz"))
    assert len(wheels) == 1, f"expected one wheel in {out}: {os.listdir(out)}"
    assert len(sdists) == 1, f"expected one sdist in {out}: {os.listdir(out)}"
    return {"wheel": wheels[0], "sdist": sdists[0]}


def _sample_proof() -> Path:
    proofs = REPO / "proofs"
    preferred = proofs / "T4.proof"
    if preferred.is_file():
        return preferred
    candidates = sorted(proofs.glob("*.proof"))
    assert candidates, f"no *.proof file in {proofs}"
    return candidates[0]


def _problem_name(proof: Path) -> str:
    for line in proof.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*problem\s+([^\s\"]+)", line)
        if m:
            return m.group(1)
    raise AssertionError(f"{proof} has no `problem NAME` line")


def test_wheel_contains_grammar_and_all_modules(dists):
    with zipfile.ZipFile(dists["wheel"]) as zf:
        names = set(zf.namelist())
        entry_points = next(
            (zf.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")),
            "",
        )

    assert "proofcheck/_grammar/proof.lark" in names
    assert "proofcheck/_grammar/proof.tables" in names  # the parser's tables (tests/test_parser_tables.py)
    assert "proofcheck/_grammar/__init__.py" in names
    assert "proofcheck/cli.py" in names
    assert "proofcheck/documents/proofcheck.sty" in names  # the LaTeX macros (docs/documents.md)
    # No stray top-level `grammar` package.
    assert not any(n.startswith("grammar/") for n in names), sorted(names)

    # pyproject.toml lists the packages explicitly (see the comment there): catch a
    # subpackage that was added to proofcheck/ but not to that list.
    missing = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "proofcheck").rglob("*.py")
        if "__pycache__" not in p.parts and p.relative_to(REPO).as_posix() not in names
    )
    assert not missing, (
        f"modules missing from the wheel: {missing}; add their packages to "
        "[tool.setuptools] packages in pyproject.toml"
    )

    assert re.search(r"^proofcheck\s*=\s*proofcheck\.cli:entry\s*$", entry_points, re.M), entry_points


def test_sdist_contains_sources_docs_and_proofs(dists):
    with tarfile.open(dists["sdist"]) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}

    assert "grammar/proof.lark" in names
    assert "grammar/__init__.py" in names
    assert "pyproject.toml" in names
    assert "README.md" in names
    for sub in ("docs", "proofs"):
        for p in (REPO / sub).rglob("*"):
            if p.is_file() and "__pycache__" not in p.parts:
                rel = p.relative_to(REPO).as_posix()
                assert rel in names, f"{rel} missing from the sdist"


def test_installed_wheel_checks_a_proof_outside_the_source_tree(dists, tmp_path):
    # A fresh venv in a tmp dir outside the source tree.
    assert REPO not in tmp_path.parents
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    py = env_dir / "bin" / "python"
    exe = env_dir / "bin" / "proofcheck"

    _check(_run([py, "-m", "pip", "install", dists["wheel"]], cwd=tmp_path), "pip install <wheel>")
    assert exe.is_file(), "the wheel installed no `proofcheck` console script"

    # The package and its grammar come from the venv, not from the checkout.
    probe = _run(
        [
            py,
            "-c",
            "import importlib.resources as r, proofcheck;"
            "g = r.files('proofcheck._grammar') / 'proof.lark';"
            "print(proofcheck.__file__); print(g); print(g.is_file())",
        ],
        cwd=tmp_path,
    )
    _check(probe, "import probe")
    pkg_file, grammar_file, grammar_is_file = probe.stdout.strip().splitlines()[-3:]
    assert Path(pkg_file).is_relative_to(env_dir), pkg_file
    assert Path(grammar_file).is_relative_to(env_dir), grammar_file
    assert grammar_is_file == "True"

    source = _sample_proof()
    name = _problem_name(source)
    # A neutral file name, so that echoing the path does not count as naming the problem.
    proof = tmp_path / "copied.proof"
    assert name not in proof.name
    proof.write_bytes(source.read_bytes())

    proc = _run([exe, "check", proof.name], cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, f"`proofcheck check {proof.name}` ({source.name}) exited {proc.returncode}:\n{proc.stdout}"
    assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", proc.stdout), (
        f"output does not mention problem {name!r}:\n{proc.stdout}"
    )

    # Documents need their readers (markdown-it-py, pylatexenc, nbformat): declared dependencies.
    for example in ("softmax.md", "softmax.tex", "softmax.ipynb"):
        (tmp_path / example).write_bytes((REPO / "examples" / example).read_bytes())
    proc = _run([exe, "check", "softmax.md", "softmax.tex", "softmax.ipynb", "--ad", "off"], cwd=tmp_path, timeout=300)
    assert proc.returncode == 0 and "3 file(s), 27 step(s), 0 refuted" in proc.stdout, proc.stdout
