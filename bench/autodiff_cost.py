"""What the autodiff cross-check costs: `proofcheck check proofs/` with --ad off against each backend.

Usage: python bench/autodiff_cost.py [--runs 3] [PATH ...]   (default PATH: proofs/)

Runs are interleaved (off, autograd, torch, off, ...) so that load on the machine hits every mode alike;
the figure compared is the fastest run of each mode (the least disturbed), the median is printed too.
The budget (issue 3): the cross-check adds at most 50% to the time of checking proofs/.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 0.50


def has_torch() -> bool:
    return subprocess.run([sys.executable, "-c", "import torch"], capture_output=True).returncode == 0


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the forked step children (waited for)
    return r.ru_utime + r.ru_stime


def run(mode: str, paths: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of proofcheck and all its children)."""
    cpu0, start = _cpu(), time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "proofcheck", "check", *paths, "--ad", mode, "--no-cache"],
                          cwd=ROOT, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu0
    if proc.returncode not in (0, 1):
        sys.exit(f"proofcheck --ad {mode} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("paths", nargs="*", default=["proofs/"])
    args = ap.parse_args()
    modes = ["off", "autograd"] + (["torch"] if has_torch() else [])
    wall: dict[str, list[float]] = {m: [] for m in modes}
    cpu: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(args.runs):
        for m in modes:
            w, c = run(m, args.paths)
            wall[m].append(w)
            cpu[m].append(c)
    print(f"proofcheck check {' '.join(args.paths)}: {args.runs} run(s) per mode; seconds, fastest (median)")
    print("  (CPU = proofcheck and its forked step children; it is the budgeted figure, wall time moves with load)")
    verdict = 0
    for m in modes:
        line = f"  --ad {m:<8} wall {min(wall[m]):6.2f} ({statistics.median(wall[m]):6.2f})   CPU {min(cpu[m]):6.2f} ({statistics.median(cpu[m]):6.2f})"
        if m != "off":
            extra_wall = min(wall[m]) / min(wall["off"]) - 1
            extra_cpu = min(cpu[m]) / min(cpu["off"]) - 1
            line += f"   +{extra_cpu * 100:5.1f}% CPU, +{extra_wall * 100:5.1f}% wall over off"
            if m == "autograd":
                ok = extra_cpu <= BUDGET
                line += "  within the 50% budget" if ok else "  OVER the 50% budget"
                verdict = 0 if ok else 1
        print(line)
    return verdict


if __name__ == "__main__":
    sys.exit(main())
