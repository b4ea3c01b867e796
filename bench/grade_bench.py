"""Grade a generated class of the seed homework (T1 and T4) end to end and print the figures.

    python bench/grade_bench.py [--students 1000] [--jobs 2] [--skip-baseline]

The class is drawn (seeded) from the variants of tests/grading/make_class.py in a realistic mix:
most students correct, the rest spread over slips, sign errors, dropped factors, wrong lemmas,
answers without work, shotgun attempts, tampering and bad files. Two runs of `proofcheck grade`:

  graded     --jobs N (default 2), with a decision cache that starts empty (a fresh folder: the
             figure is a cold run; steps students write alike are decided once within it)
  baseline   one submission at a time (--jobs 1), each in a fresh worker (workers.WORKER_TASKS = 1),
             --no-cache

Each prints wall seconds and submissions per second; the graded run also how many distinct
decisions its cache holds at the end (steps decided at all, against the steps graded). Figures
depend on the machine and on what else runs on it: take them on a quiet machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from proofcheck.cli import main  # noqa: E402
from proofcheck.grade import workers  # noqa: E402

SEED = 20240901
# a realistic mix: weight per variant name (the rest of a class is correct)
MIX = {"correct": 60, "forward_slip": 6, "seed_typo": 5, "dropped_factor": 4, "sign_error": 4, "wrong_lemma": 3,
       "wrong_index": 3, "answer_only": 4, "shotgun_one": 3, "shotgun_two": 1, "tamper": 1, "case": 1, "missing": 2,
       "notation": 3}
BAD_FILES = 0.01  # share of students whose file is empty, binary or garbage


def _generator():
    spec = importlib.util.spec_from_file_location("make_class", os.path.join(ROOT, "tests", "grading", "make_class.py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_class"] = mod
    spec.loader.exec_module(mod)
    return mod


def _pick(rng: random.Random, variants) -> str:
    weights = []
    for v in variants:
        w = next((MIX[k] for k in MIX if k in v.name), 1)
        weights.append(w)
    return rng.choices(variants, weights)[0].text


def make_class(folder: str, students: int) -> str:
    gen = _generator()
    rng = random.Random(SEED)
    for i in range(students):
        path = os.path.join(folder, f"student{i:04d}.proof")
        if rng.random() < BAD_FILES:
            data = rng.choice([b"", bytes(range(256)), b"I did not do it\n"])
        else:
            data = (_pick(rng, gen.T1_VARIANTS) + "\n" + _pick(rng, gen.T4_VARIANTS)).encode()
        with open(path, "wb") as fh:
            fh.write(data)
    with open(os.path.join(folder, "..", "key.proof"), "w", encoding="utf-8") as fh:
        fh.write(gen.KEY)
    return os.path.abspath(os.path.join(folder, "..", "key.proof"))


def run(key: str, subs: str, out: str, jobs: int, cache: str | None) -> tuple[float, dict]:
    """Grade once; cache None: the baseline (--no-cache, and a fresh worker for every submission),
    else with that (fresh) cache folder and warm workers."""
    workers.WORKER_TASKS = 1 if cache is None else None
    start = time.perf_counter()
    extra = ["--no-cache"] if cache is None else ["--cache-dir", cache]
    code = main(["grade", key, subs, "--out", out, "--jobs", str(jobs), *extra])
    seconds = time.perf_counter() - start
    workers.WORKER_TASKS = None
    with open(os.path.join(out, "results.json"), encoding="utf-8") as fh:
        students = json.load(fh)["students"]
    steps = sum(len(p.get("steps", [])) for s in students for p in s.get("problems", []))
    entries = sum(len(files) for _, _, files in os.walk(cache) if files) if cache else 0
    return seconds, {"exit": code, "students": len(students), "steps": steps, "entries": entries}


def main_bench() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="grade-bench-")
    try:
        subs = os.path.join(tmp, "subs")
        os.makedirs(subs)
        key = make_class(subs, args.students)
        print(f"class: {args.students} submissions of T1 and T4 (seed {SEED}); {os.cpu_count()} CPU(s) visible")
        seconds, info = run(key, subs, os.path.join(tmp, "graded"), args.jobs, os.path.join(tmp, "cache"))
        print(f"graded   --jobs {args.jobs}, cold cache: {seconds:.1f} s, {info['students'] / seconds:.2f} submissions/s; "
              f"{info['steps']} steps graded, {info['entries']} distinct decisions stored")
        if not args.skip_baseline:
            base, binfo = run(key, subs, os.path.join(tmp, "baseline"), 1, None)
            print(f"baseline --jobs 1, one worker per submission, no cache: {base:.1f} s, "
                  f"{binfo['students'] / base:.2f} submissions/s; speed-up {base / seconds:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main_bench()
