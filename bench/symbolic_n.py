"""The proof for every N: how many size-dependent steps it proves, and what it costs (prints figures).

    python bench/symbolic_n.py [--quick] [--no-timing]

1. Over proofs/, examples/ and tests/corpus/: every step whose meaning depends on a symbolic size
   (a sum over 1..N, N or an index used as a number; `instances.make_plan(...).size_dependent`),
   and among those that are accepted, the share proved for every N (guarantee `all-values-all-sizes`)
   rather than `numeric` at the sizes tried. Per folder, and for proofs/T4.proof step by step.
2. The time of the proof for every N alone (`symbolic_n.prove_all_sizes`) per such step.
3. Wall time of `proofcheck check --no-cache proofs/T4.proof` against `python -c "import sympy"` (goal <= 2x; no cache).

Writes its figures into bench/RESULTS.md between the `symbolic-n` markers (bench/run.py keeps them).
Timing figures mean something only on a quiet machine: `--no-timing` writes the shares alone.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from proofcheck.check.instances import free_indices, make_plan  # noqa: E402
from proofcheck.check.symbolic_n import prove_all_sizes  # noqa: E402
from proofcheck.matrix import step_shape  # noqa: E402
from proofcheck.elaborate import elaborate  # noqa: E402
from proofcheck.options import Options  # noqa: E402
from proofcheck.parse import parse_source  # noqa: E402
from proofcheck.pipeline import check_path  # noqa: E402
from proofcheck.source import decode  # noqa: E402

FOLDERS = ("proofs", "examples", "tests/corpus")
OPTIONS = Options(seed=0, timeout=10, workers=2)
BEGIN, END = "<!-- begin symbolic-n -->", "<!-- end symbolic-n -->"


def wall(cmd: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.monotonic()
        subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
        best = min(best, time.monotonic() - t)
    return best


def size_dependent_steps(path: Path):
    """(line, column, seconds of the proof for every N, vectors or matrices?) of each step whose meaning
    depends on a size."""
    source, _ = decode(str(path), path.read_bytes())
    if source is None:
        return  # an unreadable corpus file (binary, not UTF-8): nothing to count
    statements, _ = parse_source(source)
    problems, _ = elaborate(statements)
    for p in problems:
        for chain in p.chains:
            ctx = chain.context
            if ctx.point:
                continue
            for k in range(1, len(chain.members)):
                a, b = chain.members[k - 1].expr, chain.members[k].expr
                try:
                    free = free_indices([a, b] + list(ctx.case), ctx)
                    plan = make_plan(ctx, free, (a, b))
                    matrices = step_shape(ctx, a, b)[1]
                except Exception:  # noqa: BLE001  (a step the checker reports as an error)
                    continue
                if not plan.size_dependent:
                    continue
                t = time.monotonic()
                prove_all_sizes(ctx, a, b, free)
                span = chain.members[k].span
                yield span.line, span.column, time.monotonic() - t, matrices


def _share(c: dict) -> str:
    return f"{100 * c['proved'] / c['accepted']:.0f}%" if c["accepted"] else "-"


def main() -> None:
    quick = "--quick" in sys.argv
    rows = []
    totals = {"steps": 0, "accepted": 0, "proved": 0}
    kinds = {"index notation": dict(totals), "vectors and matrices": dict(totals)}
    prove_times: list[float] = []
    t4_lines = []
    for folder in FOLDERS:
        files = sorted((REPO / folder).rglob("*.proof"))
        count = {"steps": 0, "accepted": 0, "proved": 0}
        for path in files:
            steps = list(size_dependent_steps(path))
            if not steps:
                continue
            result = check_path(str(path), OPTIONS)
            by_pos = {(s.line, s.column): s for p in result.problems for s in p.steps if s.kind == "step"}
            for line, column, secs, matrices in steps:
                s = by_pos.get((line, column))
                if s is None:
                    continue
                prove_times.append(secs)
                proved = s.evidence.guarantee == "all-values-all-sizes"
                for c in (count, kinds["vectors and matrices" if matrices else "index notation"]):
                    c["steps"] += 1
                    c["accepted"] += s.accepted
                    c["proved"] += proved
                if path.name == "T4.proof" and folder == "proofs":
                    t4_lines.append((line, s.verdict, s.evidence.guarantee))
        rows.append((folder, count))
        for k in totals:
            totals[k] += count[k]
        share = 100 * count["proved"] / count["accepted"] if count["accepted"] else float("nan")
        print(f"{folder}: {count['steps']} size-dependent steps, {count['accepted']} accepted, "
              f"{count['proved']} proved for every N ({share:.0f}% of the accepted)")
    share = 100 * totals["proved"] / totals["accepted"] if totals["accepted"] else float("nan")
    print(f"all: {totals['steps']} size-dependent steps, {totals['accepted']} accepted, {totals['proved']} proved for "
          f"every N ({share:.0f}%)")
    for kind, c in kinds.items():
        print(f"{kind}: {c['steps']} size-dependent steps, {c['accepted']} accepted, {c['proved']} proved for every N "
              f"({_share(c)})")
    t4_proved = sum(1 for _, v, g in t4_lines if g == "all-values-all-sizes")
    print(f"proofs/T4.proof: {t4_proved} of {len(t4_lines)} steps proved for every N")
    print(f"the proof for every N alone: median {1000 * statistics.median(prove_times):.0f} ms, "
          f"max {1000 * max(prove_times):.0f} ms over {len(prove_times)} steps")

    runs = 1 if quick else 5
    if "--no-timing" in sys.argv:
        timing = "- Timing: not measured in this run (`python bench/symbolic_n.py` on a quiet machine)."
    else:
        t_sympy = wall([sys.executable, "-c", "import sympy"], runs)
        t_t4 = wall([sys.executable, "-m", "proofcheck", "check", "--no-cache", "proofs/T4.proof"], runs)
        print(f"T4 wall {t_t4:.2f} s; import sympy {t_sympy:.2f} s; ratio {t_t4 / t_sympy:.1f}x (goal <= 2x; no cache); best of {runs}")
        timing = (f"- The proof for every N alone: median {1000 * statistics.median(prove_times):.0f} ms, "
                  f"max {1000 * max(prove_times):.0f} ms per step.\n"
                  f"- `proofcheck check --no-cache proofs/T4.proof`: {t_t4:.2f} s wall; `python -c \"import sympy\"`: {t_sympy:.2f} s;\n"
                  f"  ratio {t_t4 / t_sympy:.1f}x (goal <= 2x; no cache), best of {runs} runs.")

    table = "\n".join(f"| {folder} | {c['steps']} | {c['accepted']} | {c['proved']} | {_share(c)} |"
                      for folder, c in rows + [("all", totals)] + list(kinds.items()))
    section = f"""{BEGIN}
## The proof for every N

Written by `python bench/symbolic_n.py{' '.join([''] + sys.argv[1:])}`. A step is size-dependent when its meaning
depends on a symbolic size (a sum over `1..N`, `N` or an index used as a number); such a step is
`proved` only by the proof for every N, otherwise it is `numeric` at the sizes tried.

| folder | size-dependent steps | accepted | proved for every N | share of accepted |
|---|---|---|---|---|
{table}

Vector and matrix steps are never proved for every size (the proof for every N is for index
notation: sums, deltas, families); they are checked entry by entry at concrete dimensions.

- `proofs/T4.proof`: {t4_proved} of {len(t4_lines)} steps proved for every N.
{timing}
{END}
"""
    out = REPO / "bench" / "RESULTS.md"
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
