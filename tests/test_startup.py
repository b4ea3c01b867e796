"""Start-up: `proofcheck check` loads SymPy, autograd, NumPy (and PyTorch) only when a file has something
to check, so an empty file, a usage error or `--help` answers at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("sympy", "autograd", "numpy", "torch", "mpmath")

# modules a plain `proofcheck check` of a proof file never uses (they load for `grade` only)
GRADING = ("proofcheck.grade.submissions", "proofcheck.grade.workers", "proofcheck.grade.run")

PROBE = """
import json, sys
watched = json.loads(sys.argv.pop(1))
from proofcheck.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "loaded": sorted(m for m in watched if m in sys.modules)}), file=sys.stderr)
"""


def _loaded(tmp_path: Path, *args: str, watched: tuple[str, ...] = HEAVY) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(watched), *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, PYTHONPATH=str(REPO)))
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_an_empty_file_loads_no_heavy_library(tmp_path):
    (tmp_path / "empty.proof").write_text("% nothing yet\n", encoding="utf-8")
    out = _loaded(tmp_path, "check", "empty.proof", "--no-cache")
    assert out == {"code": 1, "loaded": []}  # E404: nothing to check


def test_a_usage_error_loads_no_heavy_library(tmp_path):
    out = _loaded(tmp_path, "check", "x.proof", "--timeout", "nan")
    assert out == {"code": 2, "loaded": []}


@pytest.fixture(scope="module")
def a_step_checked(tmp_path_factory) -> dict:
    """One probe run of a file with one step, watching the heavy libraries and the grading modules
    (the two tests below read it; a probe run costs a Python start and a SymPy import)."""
    tmp_path = tmp_path_factory.mktemp("a-step")
    (tmp_path / "a.proof").write_text("x + x = 2 x\n", encoding="utf-8")
    return _loaded(tmp_path, "check", "a.proof", "--no-cache", watched=HEAVY + GRADING + ("lark",))


def test_a_step_loads_sympy(a_step_checked):
    """The probe can see a library load (else the two tests above could not fail)."""
    assert a_step_checked["code"] == 0 and "sympy" in a_step_checked["loaded"]


def test_a_check_loads_no_grading_module(a_step_checked):
    assert a_step_checked["code"] == 0 and not set(GRADING) & set(a_step_checked["loaded"]), a_step_checked


def test_a_check_reads_the_file_in_the_child_only(a_step_checked):
    """The parser (lark) loads in the read-ahead child, never in the process that imports the checker
    meanwhile: its import would lengthen the path to the first decision (pipeline.read_source)."""
    assert a_step_checked["code"] == 0 and "lark" not in a_step_checked["loaded"], a_step_checked


def test_grade_loads_its_modules(tmp_path):
    """The probe sees the grading modules load (else the test above could not fail)."""
    (tmp_path / "key.proof").write_text("x + x = 2 x\n", encoding="utf-8")
    out = _loaded(tmp_path, "grade", "key.proof", "missing", "--out", "out", watched=GRADING)
    assert out["code"] == 2 and "proofcheck.grade.workers" in out["loaded"]


# ------------------------------------------------------------------ reading the first file in a child


def _sharing(x, seen=None, out=None) -> list:
    """The object graph as a walk that names each object by where it was first met: equal walks mean
    the same values and the same sharing (the checker tells definitions apart by identity)."""
    from dataclasses import fields, is_dataclass  # noqa: PLC0415

    seen = {} if seen is None else seen
    out = [] if out is None else out
    if isinstance(x, (str, int, float, bool, type(None))) or type(x).__name__ == "Fraction":
        out.append(repr(x))
        return out
    if id(x) in seen:
        out.append(("again", seen[id(x)]))
        return out
    seen[id(x)] = len(seen)
    if isinstance(x, (set, frozenset)):
        out.append(("set", sorted(repr(y) for y in x)))
    elif isinstance(x, (list, tuple)):
        out.append((type(x).__name__, len(x)))
        for y in x:
            _sharing(y, seen, out)
    elif isinstance(x, dict):
        out.append(("dict", len(x)))
        for k, v in x.items():
            _sharing(k, seen, out)
            _sharing(v, seen, out)
    elif is_dataclass(x):
        out.append(type(x).__qualname__)
        for f in fields(x):
            _sharing(getattr(x, f.name), seen, out)
    else:
        out.append(repr(x))
    return out


def test_the_child_reads_a_file_as_this_process_does():
    """`ReadAhead` (the first file parsed while the checker imports) gives the same statements and
    diagnostics as parsing here, down to which objects are one and the same; elaborated, the same problems."""
    from proofcheck.elaborate import elaborate  # noqa: PLC0415
    from proofcheck import parse  # noqa: PLC0415
    from proofcheck.pipeline import ReadAhead, load, read_source  # noqa: PLC0415

    paths = sorted(REPO.glob("proofs/*.proof")) + sorted(REPO.glob("tests/corpus/*.proof"))[::5]
    for path in paths:
        source, failure = load(str(path))
        assert failure is None
        parse._LINE_MEMO.clear()
        here = read_source(source)
        parse._LINE_MEMO.clear()
        there = ReadAhead(source).result()
        assert there is not None, path
        assert there == here, path
        assert _sharing(there) == _sharing(here), path
        assert _sharing(elaborate(there[0])) == _sharing(elaborate(here[0])), path


def test_a_child_without_a_result_leaves_the_reading_here(monkeypatch):
    """A child that fails (here: a result that does not pickle) sends nothing; the file is read here."""
    from proofcheck import pipeline  # noqa: PLC0415
    from proofcheck.options import Options  # noqa: PLC0415

    source, _ = pipeline.load(str(REPO / "proofs" / "T4.proof"))
    monkeypatch.setattr(pipeline, "read_source", lambda s: (lambda: None))  # forked with the child
    ahead = pipeline.ReadAhead(source)
    monkeypatch.undo()
    assert ahead.result() is None
    assert ahead.result() is None  # asked again: still none, nothing left open
    result = pipeline.check_source(source, Options(cache_dir=None), pipeline.ReadAhead(source))
    assert result.ok and len(result.problems[0].steps) == 11


@pytest.mark.parametrize("given, expected", [(None, "1"), ("3", "3")])
def test_numpy_loads_with_one_openblas_thread_unless_told(given, expected):
    """OpenBLAS starts a thread per core when NumPy loads, a third of NumPy's import, for threads
    proofcheck never uses: the CLI asks for one (cli.py), unless the environment chose a number."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    probe = "import os, proofcheck.cli; print(os.environ.get('OPENBLAS_NUM_THREADS'))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env=dict(env, PYTHONPATH=str(REPO)))
    assert proc.stdout.strip() == expected, proc.stderr
