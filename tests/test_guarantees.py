"""Every verdict names its guarantee (docs/language.md, "Guarantee levels"), in the JSON evidence and in
the text report, and `sizes` says which sizes a size-dependent step was checked at and how."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from proofcheck.options import Options
from proofcheck.pipeline import check_path, check_text
from proofcheck.report import render_text, to_json
from proofcheck.results import GUARANTEES

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = Options(seed=0, workers=2)

TEXT = r"""problem levels
index i, j in 1..N
\sum_j (2 j - 1) = N^2
\sum_j \delta_{ij} x_j = x_i
i x_i = x_i
(N > 6000) \sum_j x_j = 0

problem plain
case x > 0
\max(x, -x) = x

problem point
at x = 2
x^2 = 4
"""


def _steps(result):
    return {s.line: s for p in result.problems for s in p.steps}


def test_each_level_in_json_and_text():
    result = check_text(TEXT, "levels.proof", OPTIONS)
    steps = _steps(result)
    numeric, proved, refuted, unknown, sampled, point = (steps[k] for k in (3, 4, 5, 6, 10, 14))
    assert (numeric.verdict, numeric.evidence.guarantee) == ("numeric", "all-values-sizes-checked")
    assert numeric.evidence.sizes == {"exact": [1, 2, 3, 4], "numeric": [5]}
    assert (proved.verdict, proved.evidence.guarantee, proved.method) == ("proved", "all-values-all-sizes", "symbolic-n")
    assert (refuted.verdict, refuted.evidence.guarantee) == ("refuted", "counterexample")
    assert (unknown.verdict, unknown.evidence.guarantee) == ("unknown", "none")
    assert 6001 in unknown.evidence.sizes["skipped"]
    assert (sampled.verdict, sampled.evidence.guarantee) == ("numeric", "sampled-points")
    assert (point.verdict, point.evidence.guarantee) == ("proved", "at-given-point")

    out = io.StringIO()
    render_text([result], {}, out)
    text = out.getvalue()
    assert "3:20  numeric for N = 1..4 exactly, N = 5 numerically" in text
    assert "4:26  proved for all values and every N (symbolically in N)" in text
    assert "N = 5999..6001 not checked (too large)" in text
    assert "10:15  numeric at " in text and "sampled points" in text

    doc = to_json([result], seed=0)
    for p in doc["files"][0]["problems"]:
        for s in p["steps"]:
            assert s["evidence"]["guarantee"] in GUARANTEES and "sizes" in s["evidence"]


def test_t4_is_proved_for_every_n_step_by_step():
    result = check_path(str(ROOT / "proofs" / "T4.proof"), OPTIONS)
    steps = [s for p in result.problems for s in p.steps]
    assert len(steps) == 11
    assert all(s.verdict == "proved" and s.evidence.guarantee == "all-values-all-sizes" for s in steps)
