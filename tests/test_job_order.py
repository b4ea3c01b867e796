"""The decision jobs of a file are dispatched with the derivatives first (check/jobs.py `decide_jobs`);
what each job decides, and where its decision lands, must not depend on that order."""

from __future__ import annotations

from proofcheck.check.jobs import _has_derivative, _Job, decide_jobs
from proofcheck.elaborate import elaborate
from proofcheck.options import Options
from proofcheck.parse import parse_source
from proofcheck.source import split_lines


def _jobs(text: str) -> list[_Job]:
    statements, diags = parse_source(split_lines("<t>", text))
    assert not diags, diags
    problems, diags = elaborate(statements)
    out = []
    for chain in problems[0].chains:
        for k in range(1, len(chain.members)):
            out.append(_Job("step", chain, k, k - 1, chain.context, chain.members[k - 1].expr, chain.members[k].expr,
                            "=", 0, ad="autograd"))
    return out


def test_decisions_stay_with_their_jobs_whatever_the_dispatch_order():
    text = "problem P\nx + x = 3 x\n\\frac{d}{dx} x^3 = 3 x^2\ny + y = 2 y\n\\frac{d}{dx} x^2 = x\n"
    jobs = _jobs(text)
    assert [_has_derivative(j) for j in jobs] == [False, True, False, True]  # dispatched 1, 3, 0, 2
    opts = Options(workers=2)
    together = [d.verdict for d, _ in decide_jobs(jobs, opts)]
    alone = [decide_jobs([j], opts)[0][0].verdict for j in jobs]
    assert together == alone == ["refuted", "proved", "proved", "refuted"]
