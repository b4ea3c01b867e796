"""The certified numerics: the adversarial families they answer for, and what they cost.

    python bench/numerics.py [--no-write]

1. tests/adversarial/{precision,regions,domains,refutations,approx}: every step whose line expects a
   refutation is a false claim (verified by tests/adversarial/numeric_oracle.py); every other step a true
   one. Figures: false claims refuted / unknown / accepted (false accepts: must be 0), true claims
   accepted;
2. per-step check time in those families (median, p95, max);
3. `proofcheck check --no-cache proofs/T4.proof` against `python -c "import sympy"` (best of 3 wall times;
   target <= 4x).
The figures go into bench/RESULTS.md between the `numerics` markers (nothing here asserts).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from proofcheck.options import Options  # noqa: E402
from proofcheck.pipeline import check_path  # noqa: E402
from test_corpus import parse_expectations  # noqa: E402

FAMILIES = ("precision", "regions", "domains", "refutations", "approx", "redteam_numeric")
OPTIONS = Options(seed=0, timeout=30, workers=2)
RUNS = 3
BEGIN, END = "<!-- begin numerics -->", "<!-- end numerics -->"


def xfail_files() -> list[str]:
    """The adversarial files kept as strict expected failures (first line `% xfail:`): sampling's known misses."""
    root = REPO / "tests" / "adversarial"
    return [str(p.relative_to(root)) for family in FAMILIES for p in sorted((root / family).glob("*.proof"))
            if p.read_text(encoding="utf-8").startswith("% xfail:")]


def family_figures(family: str) -> tuple[dict, list[float]]:
    counts = {"false": 0, "refuted": 0, "unknown": 0, "accepted": 0, "true": 0, "true accepted": 0}
    times: list[float] = []
    for path in sorted((REPO / "tests" / "adversarial" / family).glob("*.proof")):
        expect = parse_expectations(path.read_text(encoding="utf-8"))
        result = check_path(str(path), OPTIONS)
        by_line: dict[int, list] = {}
        for p in result.problems:
            for s in p.steps:
                by_line.setdefault(s.line, []).append(s)
                times.append(s.seconds)
        for line, steps in by_line.items():
            le = expect.lines.get(line)
            wanted = le.steps if le and le.steps else [None] * len(steps)
            for s, allowed in zip(sorted(steps, key=lambda s: s.column), wanted):
                if allowed is not None and "refuted" in allowed and not (allowed & {"proved", "numeric"}):
                    counts["false"] += 1
                    key = "accepted" if s.accepted else s.verdict
                    counts[key] = counts.get(key, 0) + 1
                elif allowed is None or allowed & {"proved", "numeric"}:
                    counts["true"] += 1
                    counts["true accepted"] += s.accepted
    return counts, times


def wall(cmd: list[str]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] if values else float("nan")


def main() -> None:
    rows, all_times = [], []
    total = {"false": 0, "refuted": 0, "unknown": 0, "accepted": 0, "true": 0, "true accepted": 0}
    for family in FAMILIES:
        counts, times = family_figures(family)
        all_times += times
        for k in total:
            total[k] += counts.get(k, 0)
        rows.append((family, counts))
    t4 = wall([sys.executable, "-m", "proofcheck", "check", "--no-cache", "proofs/T4.proof"])
    sympy = wall([sys.executable, "-c", "import sympy"])
    lines = [BEGIN, "## Certified numerics: the adversarial families", "",
             "Written by `python bench/numerics.py`. False claims are the steps expected to be refuted",
             "(each has a witness checked by `tests/adversarial/numeric_oracle.py`, or for `redteam_numeric` by",
             "`tests/test_redteam_numeric.py`: mpmath at 300+ digits or exact arithmetic, no SymPy); true claims are",
             "the other steps of the same files. Claims decided wrongly today (a false claim accepted, or a true one",
             "left unknown) are kept as strict expected failures (" + (", ".join(f"`{f}`" for f in xfail_files()) or "none") +
             "); docs/language.md names the reach of sampling.", "",
             "| family | false claims | refuted | unknown | accepted (false accepts) | true claims | accepted |",
             "|---|---|---|---|---|---|---|"]
    for family, c in rows + [("all", total)]:
        lines.append(f"| {family} | {c['false']} | {c.get('refuted', 0)} | {c.get('unknown', 0)} | {c.get('accepted', 0)} "
                     f"| {c['true']} | {c['true accepted']} |")
    lines += ["", f"- Per step in these families: median {1000 * statistics.median(all_times):.0f} ms, "
                  f"p95 {1000 * pct(all_times, 0.95):.0f} ms, max {1000 * max(all_times):.0f} ms ({len(all_times)} steps).",
              f"- `proofcheck check --no-cache proofs/T4.proof`: {t4:.2f} s wall; `python -c \"import sympy\"`: {sympy:.2f} s; "
              f"ratio {t4 / sympy:.1f}x (goal <= 2x; no cache), best of {RUNS} runs.", END]
    text = "\n".join(lines)
    print(text)
    if "--no-write" in sys.argv:
        return
    results = REPO / "bench" / "RESULTS.md"
    old = results.read_text(encoding="utf-8")
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + text + old[old.index(END) + len(END):]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    results.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
