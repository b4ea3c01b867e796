"""What a matrix step costs against the same claim written entry by entry (index form).

Usage: python bench/matrix_cost.py [--runs 3]

Each pair states one gradient twice, in matrix form (`\\nabla_w L = X^\\top (X w - y)`, shapes declared,
dimensions concretised and compared entry by entry) and in index form (`\\frac{\\partial L}{\\partial w_i}
= ...` with index sums, the step checked at every size and index pattern). Each step is decided in
this process by `check.decide` with the autodiff cross-check (the sandbox and the CLI are left out, so
the figure is the decision itself). Runs are interleaved (matrix, index, matrix, ...) so that load on
the machine hits both alike; the fastest run of each is compared, the median is printed too.
The budget (issue 13): a matrix step costs at most 3x the index-form step. Figures need a quiet
machine: on a loaded one they say little.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofcheck.check.decide import decide  # noqa: E402
from proofcheck.check.instances import free_indices  # noqa: E402
from proofcheck.elaborate import elaborate  # noqa: E402
from proofcheck.parse import parse_source  # noqa: E402
from proofcheck.source import split_lines  # noqa: E402

BUDGET = 3.0

PAIRS = {
    "linear regression gradient": (
        r"""let X : (N, d)
let w : (d)
let y : (N)
let L = \frac{1}{2}\lVert X w - y \rVert^2
\nabla_w L = X^\top (X w - y)
""",
        r"""index i, j in 1..d
index k in 1..N
let L = \frac{1}{2} \sum_k (\sum_j X_{kj} w_j - y_k)^2
\frac{\partial L}{\partial w_i} = \sum_k (\sum_j X_{kj} w_j - y_k) X_{ki}
"""),
    "softmax Jacobian": (
        r"""let z : (n)
let p = \mathrm{softmax}(z)
\frac{\partial p}{\partial z} = \mathrm{diag}(p) - p p^\top
""",
        r"""index i, j, k in 1..n
let p_i = \frac{\exp(z_i)}{\sum_k \exp(z_k)}
\frac{\partial p_i}{\partial z_j} = p_i (\delta_{ij} - p_j)
"""),
    "linear layer weight gradient": (
        r"""let W : (m, n)
let x : (n)
let y : (m)
let L = \frac{1}{2}\|W x - y\|^2
\frac{\partial L}{\partial W} = (W x - y) x^\top
""",
        r"""index i, r in 1..m
index j, k in 1..n
let L = \frac{1}{2} \sum_r (\sum_k W_{rk} x_k - y_r)^2
\frac{\partial L}{\partial W_{ij}} = (\sum_k W_{ik} x_k - y_i) x_j
"""),
}


def _step(text: str):
    statements, diags = parse_source(split_lines("<bench>", text))
    assert not diags, diags
    problems, diags = elaborate(statements)
    assert not diags, diags
    chain = problems[0].chains[-1]
    return chain.context, chain.members[0].expr, chain.members[1].expr


def time_step(text: str) -> tuple[float, str]:
    ctx, a, b = _step(text)
    start = time.perf_counter()
    d = decide(ctx, a, b, free_indices([a, b], ctx), seed=1, at_point=False, ad="autograd")
    return time.perf_counter() - start, d.verdict


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for text in (t for pair in PAIRS.values() for t in pair):  # warm SymPy's caches once for both forms
        time_step(text)
    print(f"{'claim':32} {'matrix s':>9} {'index s':>9} {'ratio':>6}  (fastest of {args.runs}; median in brackets)")
    worst = 0.0
    for name, (matrix, index) in PAIRS.items():
        times: dict[str, list[float]] = {"matrix": [], "index": []}
        verdicts = {}
        for _ in range(args.runs):
            for form, text in (("matrix", matrix), ("index", index)):
                seconds, verdicts[form] = time_step(text)
                times[form].append(seconds)
        m, i = min(times["matrix"]), min(times["index"])
        worst = max(worst, m / i)
        print(f"{name:32} {m:9.3f} {i:9.3f} {m / i:6.2f}  [{statistics.median(times['matrix']):.3f} / "
              f"{statistics.median(times['index']):.3f}]  verdicts {verdicts['matrix']} / {verdicts['index']}")
    print(f"worst ratio {worst:.2f} (budget {BUDGET:g}x): {'within' if worst <= BUDGET else 'OVER'} budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
