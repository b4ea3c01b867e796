"""Determinism: same input and seed give byte-identical text and JSON (even across hash seeds);
`--seed` changes the sample points (the evidence seed) but not the verdicts on the bundled proofs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(*args, hashseed="0"):
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    # --no-cache: each run decides every step itself (tests/test_cache.py compares cold and warm runs)
    proc = subprocess.run([sys.executable, "-m", "proofcheck", "check", "proofs/", "--no-cache", *args], capture_output=True,
                          cwd=REPO, env=env, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
    return proc.stdout


@pytest.mark.slow  # four runs over proofs/; tests/test_cli.py checks identical bytes in the default run
def test_same_input_and_seed_give_identical_bytes():
    for fmt in ("text", "json"):
        a = _run("--format", fmt, "--seed", "7", hashseed="1")
        b = _run("--format", fmt, "--seed", "7", hashseed="2")
        assert a == b, f"{fmt} output differs between two runs"


def _verdicts(doc):
    return [(f["path"], s["line"], s["column"], s["verdict"]) for f in doc["files"] for p in f["problems"] for s in p["steps"]]


@pytest.mark.slow  # two runs over proofs/; tests/test_cli.py checks that the seed moves the sample points
def test_seed_changes_evidence_not_verdicts():
    a = json.loads(_run("--format", "json", "--seed", "0"))
    b = json.loads(_run("--format", "json", "--seed", "12345"))
    assert a["seed"] == 0 and b["seed"] == 12345
    assert _verdicts(a) == _verdicts(b)
    seeds_a = [s["evidence"]["seed"] for f in a["files"] for p in f["problems"] for s in p["steps"]]
    seeds_b = [s["evidence"]["seed"] for f in b["files"] for p in f["problems"] for s in p["steps"]]
    assert seeds_a and all(x != y for x, y in zip(seeds_a, seeds_b))


# A true step whose assumption about an undeclared function holds only on a narrow region for some
# concrete phi (near a negative root) and nowhere for others. It was `unknown` at seeds 4 and 5, and at
# seed 0 once step seeds stopped following the context: the verdict depended on the seed.
_NARROW_ASSUMPTION = "assume \\phi(x)^2 + x < 0\n|x| = -x\n"
_NARROW_WRONG = "assume \\phi(x)^2 + x < 0\n|x| = x\n"


@pytest.mark.parametrize("seed", [pytest.param(s, marks=() if s in (0, 7) else pytest.mark.slow) for s in range(10)])
def test_a_narrow_assumption_about_a_function_is_found_at_every_seed(seed):
    from proofcheck.pipeline import check_text  # noqa: PLC0415
    from proofcheck.options import Options  # noqa: PLC0415

    opts = Options(seed=seed)
    [true] = [s for p in check_text(_NARROW_ASSUMPTION, "t.proof", opts).problems for s in p.steps]
    [wrong] = [s for p in check_text(_NARROW_WRONG, "w.proof", opts).problems for s in p.steps]
    assert true.verdict == "numeric", (true.verdict, true.evidence)
    assert wrong.verdict == "refuted"
