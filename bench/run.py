"""Benchmarks: print figures and write bench/RESULTS.md (not a test; nothing here asserts).

    python bench/run.py [--quick]

1. per-step check time (median, p95) over proofs/ and tests/corpus;
2. wall time of `proofcheck check proofs/T4.proof` relative to `python -c "import sympy"` (target <= 4x);
3. throughput over 200 generated proofs (one CLI run over a folder);
4. a naive baseline on the same step pairs: `sympy.simplify(a - b) == 0` on fully expanded
   definitions at a concrete size (N = 3, free indices = 1), steps decided and time side by side.
"""

from __future__ import annotations

import os
import platform
import re
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import sympy as sp  # noqa: E402

from proofcheck.check.instances import Instance, free_indices, instances
from proofcheck.options import Options  # noqa: E402
from proofcheck.elaborate import elaborate  # noqa: E402
from proofcheck.parse import parse_source  # noqa: E402
from proofcheck.pipeline import check_path  # noqa: E402
from proofcheck.sandbox import run_jobs  # noqa: E402
from proofcheck.source import decode  # noqa: E402
from proofcheck.translate import Translator  # noqa: E402

OPTIONS = Options(seed=0, timeout=10, workers=2)
NAIVE_TIMEOUT = 10.0


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "sympy": sp.__version__,
            "platform": platform.platform()}


def proof_files() -> list[Path]:
    files = sorted((REPO / "proofs").glob("*.proof")) + sorted((REPO / "tests" / "corpus").rglob("*.proof"))
    return files


def pct(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[k]


def step_times(files):
    times, verdicts, per_file = [], {}, {}
    for f in files:
        r = check_path(str(f), OPTIONS)
        for p in r.problems:
            for s in p.steps:
                times.append(s.seconds)
                verdicts[(str(f), s.line, s.column)] = (s.verdict, s.seconds)
        per_file[str(f)] = r
    return times, verdicts


def wall(cmd, runs=3) -> float:
    out = []
    for _ in range(runs):
        t = time.monotonic()
        subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.append(time.monotonic() - t)
    return statistics.median(out)


TEMPLATES = [
    ("let s = \\frac{1}{1 + \\exp(-{a} x)}\n\\frac{{\\partial s}}{{\\partial x}} = {a} s (1 - s)\n", True),
    ("let f = {a} x^{n} + {b} x\n\\frac{{\\partial f}}{{\\partial x}} = {an} x^{n1} + {b}\n", True),
    ("let f = {a} x^{n} + {b} x\n\\frac{{\\partial f}}{{\\partial x}} = {an} x^{n1} + {b1}\n", False),
    ("index i in 1..N\nlet L = \\sum_i ({a} w x_i - t_i)^2\n\\frac{{\\partial L}}{{\\partial w}} = \\sum_i 2 {a} x_i ({a} w x_i - t_i)\n", True),
    ("let h = \\tanh({a} x + {b})\n\\frac{{\\partial h}}{{\\partial x}} = {a} (1 - h^2)\n", True),
]


def generated(n: int, folder: Path) -> int:
    rng = random.Random(0)
    steps = 0
    for k in range(n):
        tmpl, _ = TEMPLATES[k % len(TEMPLATES)]
        a, b, m = rng.randint(2, 9), rng.randint(1, 9), rng.randint(2, 5)
        text = tmpl.replace("{a}", str(a)).replace("{b}", str(b)).replace("{n}", str(m)).replace("{an}", str(a * m)) \
            .replace("{n1}", str(m - 1)).replace("{b1}", str(b + 1)).replace("{{", "{").replace("}}", "}")
        (folder / f"g{k:03d}.proof").write_text(f'problem G{k}\n{text}', encoding="utf-8")
        steps += 1
    return steps


class _Naive:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __call__(self):
        t = time.monotonic()
        ok = sp.simplify(self.a - self.b) == 0
        return ok, time.monotonic() - t


def naive_pairs(files):
    """Each adjacent pair of every chain, translated with the checker's Translator at N = 3, indices = 1."""
    pairs = []
    for f in files:
        source, diags = decode(str(f), f.read_bytes())
        if source is None:
            continue
        statements, _ = parse_source(source)
        problems, _ = elaborate(statements)
        for problem in problems:
            for chain in problem.chains:
                ctx = chain.context
                for k in range(1, len(chain.members)):
                    a, b = chain.members[k - 1].expr, chain.members[k].expr
                    try:
                        free = free_indices([a, b] + list(ctx.case), ctx)
                        insts = [i for i in instances(ctx, free) if all(v in (3,) for v in dict(i.sizes).values())] or instances(ctx, free)[:1]
                        inst = insts[0] if insts else Instance((), ())
                        t = Translator(ctx, dict(inst.sizes), dict(inst.indices))
                        if ctx.point:
                            continue  # at-point steps: the naive baseline has no notion of a given point
                        pairs.append(((str(f), chain.members[k].span.line, chain.members[k].span.column),
                                      t.translate(a), t.translate(b)))
                    except Exception:  # noqa: BLE001  (a pair the translator refuses is not part of the comparison)
                        continue
    return pairs


def _kept_sections(path: Path) -> str:
    """Sections other bench scripts wrote between `<!-- begin NAME -->` and `<!-- end NAME -->` markers
    (bench/symbolic_n.py): kept when this script rewrites the file."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"<!-- begin ([\w-]+) -->.*?<!-- end \1 -->\n?", text, re.S):
        out.append(m.group(0))
    return ("\n" + "".join(out)) if out else ""


def main() -> None:
    quick = "--quick" in sys.argv
    m = machine()
    print(f"machine: {m['nproc']} CPU(s), {m['cpu']}, Python {m['python']}, SymPy {m['sympy']}")
    files = proof_files()
    times, verdicts = step_times(files)
    print(f"per-step check time over {len(times)} steps in {len(files)} files: median {1000 * statistics.median(times):.0f} ms, "
          f"p95 {1000 * pct(times, 0.95):.0f} ms, max {1000 * max(times):.0f} ms")

    runs = 1 if quick else 3
    t_sympy = wall([sys.executable, "-c", "import sympy"], runs)
    t_t4 = wall([sys.executable, "-m", "proofcheck", "check", "proofs/T4.proof"], runs)
    print(f"T4 wall {t_t4:.2f} s; import sympy {t_sympy:.2f} s; ratio {t_t4 / t_sympy:.1f}x (target <= 4x)")

    with tempfile.TemporaryDirectory() as d:
        n = 40 if quick else 200
        generated(n, Path(d))
        t = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "proofcheck", "check", d], cwd=REPO, capture_output=True, text=True)
        tp = time.monotonic() - t
        summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]
    print(f"throughput: {n} generated proofs in {tp:.1f} s = {n / tp:.1f} proofs/s ({summary})")

    pairs = naive_pairs(files)
    outcomes = run_jobs([_Naive(a, b) for _, a, b in pairs], NAIVE_TIMEOUT, 2048, 2)
    naive_ok = naive_to = 0
    naive_times, ours_times = [], []
    ours_ok = 0
    for (key, _, _), o in zip(pairs, outcomes):
        if o.status == "ok":
            ok, secs = o.value
            naive_ok += ok
            naive_times.append(secs)
        else:
            naive_to += 1
            naive_times.append(NAIVE_TIMEOUT)
        v = verdicts.get(key)
        if v is not None:
            ours_ok += v[0] in ("proved", "numeric")
            ours_times.append(v[1])
    print(f"naive baseline on {len(pairs)} general step pairs (N = 3): simplify(a - b) == 0 on {naive_ok}, "
          f"{naive_to} over {NAIVE_TIMEOUT:g} s; median {1000 * statistics.median(naive_times):.0f} ms, total {sum(naive_times):.1f} s")
    print(f"proofcheck on the same pairs: {ours_ok} accepted (proved for every N, or exact at N = 1..4 and sampled past "
          f"every constant), "
          f"median {1000 * statistics.median(ours_times):.0f} ms, total {sum(ours_times):.1f} s")

    out = REPO / "bench" / "RESULTS.md"
    kept = _kept_sections(out)
    out.write_text(f"""# Benchmark results

Written by `python bench/run.py{' --quick' if quick else ''}`; figures from one run on this machine.

Machine: {m['nproc']} CPU(s), {m['cpu']}; Python {m['python']}; SymPy {m['sympy']}; {m['platform']}.

| measure | figure |
|---|---|
| per-step check time ({len(times)} steps, {len(files)} files in proofs/ and tests/corpus) | median {1000 * statistics.median(times):.0f} ms, p95 {1000 * pct(times, 0.95):.0f} ms, max {1000 * max(times):.0f} ms |
| `proofcheck check proofs/T4.proof` wall time | {t_t4:.2f} s |
| `python -c "import sympy"` wall time | {t_sympy:.2f} s |
| T4 / import sympy (target <= 4x) | {t_t4 / t_sympy:.1f}x |
| throughput, {n} generated proofs, one CLI run | {tp:.1f} s, {n / tp:.1f} proofs/s |
| naive `simplify(a - b) == 0` at N = 3 ({len(pairs)} general step pairs) | {naive_ok} decided equal, {naive_to} over {NAIVE_TIMEOUT:g} s; median {1000 * statistics.median(naive_times):.0f} ms, total {sum(naive_times):.1f} s |
| proofcheck on the same pairs | {ours_ok} accepted (proved for every N, or exact at N = 1..4 and sampled past every constant); median {1000 * statistics.median(ours_times):.0f} ms, total {sum(ours_times):.1f} s |

Note: the naive baseline decides one concrete size only and has no refutation: a `False` from it
means "not shown", and it cannot tell a wrong step from a hard one.
{kept}""", encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
