"""Benchmarks: print figures and write bench/RESULTS.md and bench/pairs.csv (not a test; nothing asserts).

    python bench/run.py [--quick]

Everything is measured side by side in one run, so run it on a quiet machine (the load average before
and after is recorded with the figures; `--quick` repeats less and is only for trying the script):

1. `proofcheck check proofs/T4.proof` without the cache against `python -c "import sympy"`, wall time
   (goal: at most 2x);
2. every file of proofs/, examples/, tests/corpus/ and bench/proofs/ (LayerNorm, attention, a linear
   layer over a batch with three symbolic sizes, sigmoid and log compositions) checked alone, without
   the cache, wall time (goal: each under 1.5 s; the slowest named);
3. proofs/ and examples/ in one run with an empty cache, then again (goal: the warm run at most 0.3x);
4. the four folders in one run, on the idle machine and while two busy loops load both CPUs: the
   verdicts must be the same (budgets are CPU time, see proofcheck/sandbox.py); `--jobs 1` against
   `--jobs 2` on the idle machine;
5. per-step CPU time over those steps, and the throughput of 200 generated proofs;
6. the general step pairs of those files (not the ones at a given point) decided three ways, per pair
   (bench/pairs.csv) and in total: proofcheck; a naive `simplify(a - b) == 0` on proofcheck's own
   translation with every definition expanded at one size (N = 3, free indices = 1); Math-Verify
   (`pip install math-verify`) on the two sides' LaTeX as written (it knows nothing of `let`, `index` or
   `assume`). The naive and Math-Verify checks run in the same sandbox, under NAIVE_TIMEOUT CPU seconds.
"""

from __future__ import annotations

import compileall
import csv
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import sympy as sp  # noqa: E402

from proofcheck.check.instances import Instance, free_indices, instances  # noqa: E402
from proofcheck.elaborate import elaborate  # noqa: E402
from proofcheck.options import Options  # noqa: E402
from proofcheck.parse import parse_source  # noqa: E402
from proofcheck.pipeline import check_path  # noqa: E402
from proofcheck.sandbox import run_jobs  # noqa: E402
from proofcheck.source import decode  # noqa: E402
from proofcheck.translate import Translator  # noqa: E402

OPTIONS = Options(seed=0, timeout=10, workers=2)  # no cache: every step decided here
NAIVE_TIMEOUT = 10.0
T4_GOAL = 2.0  # T4 / import sympy
FILE_GOAL = 1.5  # seconds per file
WARM_GOAL = 0.3  # warm / cold
HOGS = 2
FOLDERS = ("proofs", "examples", "tests/corpus", "bench/proofs")  # bench/proofs: the kinds of steps that were slow
ENV = dict(os.environ, PYTHONPATH=str(REPO))


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


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def corpus_files() -> list[Path]:
    return [f for folder in FOLDERS for f in sorted((REPO / folder).rglob("*.proof"))]


def pct(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def wall(cmd: list[str], runs: int) -> float:
    """Median wall time of a command (output discarded)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def check_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "proofcheck", "check", *args]


def verdicts(doc: dict) -> list[tuple]:
    """Every step's and goal's outcome in a JSON document, by place."""
    out = []
    for f in doc["files"]:
        for p in f["problems"]:
            out += [(f["path"], s["line"], s["column"], s["verdict"]) for s in p["steps"]]
            out += [(f["path"], g["line"], g["column"], g["status"]) for g in p["goals"]]
    return out


def run_json(*args: str) -> tuple[dict, float]:
    t = time.perf_counter()
    proc = subprocess.run(check_cmd(*args, "--format", "json"), cwd=REPO, capture_output=True, text=True, env=ENV)
    return json.loads(proc.stdout), time.perf_counter() - t


# ------------------------------------------------------------------ 1-4: the command line


def byte_compile() -> None:
    """Compile proofcheck's modules as `pip install` does, so both sides of a comparison start from
    bytecode: SymPy in site-packages is compiled at install, while an editable install run with
    PYTHONDONTWRITEBYTECODE=1 (or from a read-only tree) would compile proofcheck's sources on every
    run, about 0.1 s of start-up that no user of an installed proofcheck pays."""
    compileall.compile_dir(REPO / "proofcheck", quiet=1)


def t4_against_sympy(runs: int) -> dict:
    t_sympy = wall([sys.executable, "-c", "import sympy"], runs)
    t_t4 = wall(check_cmd("proofs/T4.proof", "--no-cache"), runs)
    print(f"T4 (no cache) {t_t4:.2f} s; import sympy {t_sympy:.2f} s; ratio {t_t4 / t_sympy:.2f}x (goal <= {T4_GOAL:g}x)")
    return {"t4": t_t4, "sympy": t_sympy}


def per_file(runs: int) -> list[tuple[float, str]]:
    times = []
    for f in corpus_files():
        rel = str(f.relative_to(REPO))
        times.append((wall(check_cmd(rel, "--no-cache"), runs), rel))
    times.sort(reverse=True)
    over = [t for t in times if t[0] >= FILE_GOAL]
    print(f"{len(times)} files checked alone (no cache): slowest {times[0][1]} {times[0][0]:.2f} s; "
          f"{len(over)} at or over {FILE_GOAL:g} s")
    for t, rel in times[:5]:
        print(f"  {t:.2f} s  {rel}")
    return times


def cold_and_warm() -> dict:
    with tempfile.TemporaryDirectory() as d:
        args = ("proofs/", "examples/", "--cache-dir", d)
        cold = wall(check_cmd(*args), 1)
        warm = wall(check_cmd(*args), 1)
    print(f"proofs/ + examples/: cold {cold:.2f} s, warm {warm:.2f} s, warm/cold {warm / cold:.2f} (goal <= {WARM_GOAL:g})")
    return {"cold": cold, "warm": warm}


def busy_machine() -> dict:
    folders = [f"{f}/" for f in FOLDERS]
    idle_doc, idle_t = run_json(*folders, "--no-cache")
    jobs1_doc, jobs1_t = run_json(*folders, "--no-cache", "--jobs", "1")
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(HOGS)]
    try:
        time.sleep(0.5)
        busy_doc, busy_t = run_json(*folders, "--no-cache")
    finally:
        for h in hogs:
            h.kill()
            h.wait()
    a, b = verdicts(idle_doc), verdicts(busy_doc)
    differ = [(x, y) for x, y in zip(a, b) if x != y] + ([("count", len(a), len(b))] if len(a) != len(b) else [])
    print(f"whole corpus ({len(a)} steps and goals): idle {idle_t:.1f} s, with {HOGS} CPU hogs {busy_t:.1f} s; "
          f"verdicts {'the same' if not differ else f'DIFFER at {len(differ)}'}; --jobs 1 {jobs1_t:.1f} s")
    for d in differ[:10]:
        print(f"  {d}")
    return {"n": len(a), "idle": idle_t, "busy": busy_t, "differ": differ, "jobs1": jobs1_t,
            "same_jobs": verdicts(jobs1_doc) == a}


# ------------------------------------------------------------------ 5: steps and throughput


def step_times(files) -> tuple[list[float], dict]:
    times, by_place = [], {}
    for f in files:
        r = check_path(str(f), OPTIONS)
        for p in r.problems:
            for s in p.steps:
                times.append(s.seconds)
                by_place[(str(f.relative_to(REPO)), s.line, s.column)] = (s.verdict, s.seconds)
    return times, by_place


TEMPLATES = [
    "let s = \\frac{1}{1 + \\exp(-{a} x)}\n\\frac{{\\partial s}}{{\\partial x}} = {a} s (1 - s)\n",
    "let f = {a} x^{n} + {b} x\n\\frac{{\\partial f}}{{\\partial x}} = {an} x^{n1} + {b}\n",
    "let f = {a} x^{n} + {b} x\n\\frac{{\\partial f}}{{\\partial x}} = {an} x^{n1} + {b1}\n",
    "index i in 1..N\nlet L = \\sum_i ({a} w x_i - t_i)^2\n\\frac{{\\partial L}}{{\\partial w}} = \\sum_i 2 {a} x_i ({a} w x_i - t_i)\n",
    "let h = \\tanh({a} x + {b})\n\\frac{{\\partial h}}{{\\partial x}} = {a} (1 - h^2)\n",
]


def generated(n: int, folder: Path) -> None:
    rng = random.Random(0)
    for k in range(n):
        a, b, m = rng.randint(2, 9), rng.randint(1, 9), rng.randint(2, 5)
        text = TEMPLATES[k % len(TEMPLATES)].replace("{a}", str(a)).replace("{b}", str(b)).replace("{n}", str(m)) \
            .replace("{an}", str(a * m)).replace("{n1}", str(m - 1)).replace("{b1}", str(b + 1)) \
            .replace("{{", "{").replace("}}", "}")
        (folder / f"g{k:03d}.proof").write_text(f"problem G{k}\n{text}", encoding="utf-8")


def throughput(n: int) -> dict:
    with tempfile.TemporaryDirectory() as d:
        generated(n, Path(d))
        t = time.perf_counter()
        proc = subprocess.run(check_cmd(d, "--no-cache"), cwd=REPO, capture_output=True, text=True, env=ENV)
        tp = time.perf_counter() - t
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]
    print(f"throughput: {n} generated proofs in {tp:.1f} s = {n / tp:.1f} proofs/s ({summary})")
    return {"n": n, "seconds": tp}


# ------------------------------------------------------------------ 6: three deciders on the same pairs


class _Naive:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __call__(self):
        return bool(sp.simplify(self.a - self.b) == 0)


class _MathVerify:
    def __init__(self, a: str, b: str):
        self.a, self.b = a, b

    def __call__(self):
        from math_verify import parse, verify  # noqa: PLC0415

        gold, target = parse(f"${self.a}$"), parse(f"${self.b}$")
        if not gold or not target:
            return None  # could not read one side
        return bool(verify(gold, target, timeout_seconds=int(NAIVE_TIMEOUT)))


def _latex(source, member) -> str | None:
    s = member.span
    if s.line != s.end_line:
        return None
    return source.line_text(s.line)[s.column - 1:s.end_column - 1].strip() or None


def step_pairs(files) -> list[dict]:
    """Each adjacent pair of every chain not at a given point: the checker's translation at N = 3 and the LaTeX."""
    pairs = []
    for f in files:
        source, _ = decode(str(f), f.read_bytes())
        if source is None:
            continue
        statements, _ = parse_source(source)
        problems, _ = elaborate(statements)
        for problem in problems:
            for chain in problem.chains:
                ctx = chain.context
                if ctx.point:
                    continue  # the naive baseline and Math-Verify have no notion of a given point
                for k in range(1, len(chain.members)):
                    a, b = chain.members[k - 1], chain.members[k]
                    try:
                        free = free_indices([a.expr, b.expr] + list(ctx.case), ctx)
                        insts = [i for i in instances(ctx, free) if all(v == 3 for v in dict(i.sizes).values())] \
                            or instances(ctx, free)[:1]
                        inst = insts[0] if insts else Instance((), ())
                        t = Translator(ctx, dict(inst.sizes), dict(inst.indices))
                        sa, sb = t.translate(a.expr), t.translate(b.expr)
                    except Exception:  # noqa: BLE001  (a pair the translator refuses is not compared)
                        continue
                    pairs.append({"place": (str(f.relative_to(REPO)), b.span.line, b.span.column),
                                  "sympy": (sa, sb), "latex": (_latex(source, a), _latex(source, b)), "rel": chain.rels[k - 1]})
    return pairs


def _outcome(o) -> tuple[str, float]:
    if o.status != "ok":
        return ("timeout" if o.status == "timeout" else "error"), o.cpu_seconds
    return {True: "equal", False: "not shown", None: "unreadable"}[o.value], o.cpu_seconds


def three_deciders(files, by_place: dict) -> dict:
    pairs = [p for p in step_pairs(files) if p["place"] in by_place and p["rel"] == "="]
    naive = run_jobs([_Naive(*p["sympy"]) for p in pairs], NAIVE_TIMEOUT, 2048, 2)
    try:
        import math_verify  # noqa: F401, PLC0415
        have_mv = True
    except ImportError:
        have_mv = False
        print("Math-Verify is not installed (pip install math-verify): its column is left out")
    mv = run_jobs([_MathVerify(*p["latex"]) if None not in p["latex"] else (lambda: None) for p in pairs],
                  NAIVE_TIMEOUT, 2048, 2) if have_mv else [None] * len(pairs)
    rows = []
    for p, on, om in zip(pairs, naive, mv):
        verdict, secs = by_place[p["place"]]
        n_dec, n_s = _outcome(on)
        m_dec, m_s = _outcome(om) if om is not None else ("-", 0.0)
        rows.append({"file": p["place"][0], "line": p["place"][1], "column": p["place"][2], "proofcheck": verdict,
                     "proofcheck_s": round(secs, 4), "naive": n_dec, "naive_s": round(n_s, 4),
                     "math_verify": m_dec, "math_verify_s": round(m_s, 4)})
    with open(REPO / "bench" / "pairs.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    refuted = [r for r in rows if r["proofcheck"] == "refuted"]
    accepted = [r for r in rows if r["proofcheck"] in ("proved", "numeric")]
    summary = {"pairs": len(rows), "accepted": len(accepted), "refuted": len(refuted),
               "unknown": len(rows) - len(accepted) - len(refuted), "have_mv": have_mv}
    for tool in ("naive", "math_verify"):
        summary[tool] = {
            "equal": sum(r[tool] == "equal" for r in rows),
            "equal_of_accepted": sum(r[tool] == "equal" for r in accepted),
            "equal_of_refuted": sum(r[tool] == "equal" for r in refuted),  # a wrong step called equal
            "timeout": sum(r[tool] == "timeout" for r in rows),
            "error": sum(r[tool] in ("error", "unreadable") for r in rows),
            "median": statistics.median([r[f"{tool}_s"] for r in rows]),
            "total": sum(r[f"{tool}_s"] for r in rows),
        }
    times = [r["proofcheck_s"] for r in rows]
    summary["proofcheck"] = {"median": statistics.median(times), "total": sum(times)}
    print(f"{len(rows)} general step pairs: proofcheck accepts {len(accepted)}, refutes {len(refuted)} "
          f"(median {1000 * summary['proofcheck']['median']:.0f} ms, total {summary['proofcheck']['total']:.1f} s CPU)")
    for tool, name in (("naive", "naive simplify(a - b) == 0"), ("math_verify", "Math-Verify")):
        s = summary[tool]
        if tool == "math_verify" and not have_mv:
            continue
        print(f"  {name}: equal on {s['equal']} ({s['equal_of_accepted']} of the accepted, {s['equal_of_refuted']} of the "
              f"refuted), {s['timeout']} over {NAIVE_TIMEOUT:g} s, {s['error']} errors; median {1000 * s['median']:.0f} ms, "
              f"total {s['total']:.1f} s CPU")
    return summary


# ------------------------------------------------------------------ RESULTS.md


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


def write_results(m, quick, load_before, load_after, t4, files, warm, busy, times, tp, pairs) -> None:
    slowest_t, slowest = files[0]
    over = [f"{rel} ({t:.2f} s)" for t, rel in files if t >= FILE_GOAL]
    corpus = [(t, rel) for t, rel in files if rel.startswith("tests/corpus")]
    same_text = "the same" if not busy["differ"] else f"{len(busy['differ'])} differ"
    lines = [
        "# Benchmark results", "",
        f"Written by `python bench/run.py{' --quick' if quick else ''}`; every figure from this one run. "
        "Wall times mean something only on a quiet machine: the load average (1, 5, 15 min) was "
        f"{load_before} before and {load_after} after.", "",
        f"Machine: {m['nproc']} CPU(s), {m['cpu']}; Python {m['python']}; SymPy {m['sympy']}; {m['platform']}.", "",
        "| measure | figure | goal |", "|---|---|---|",
        f"| `proofcheck check proofs/T4.proof --no-cache`, wall | {t4['t4']:.2f} s | |",
        f"| `python -c \"import sympy\"`, wall | {t4['sympy']:.2f} s | |",
        f"| T4 / import sympy | {t4['t4'] / t4['sympy']:.2f}x | at most {T4_GOAL:g}x |",
        f"| slowest of {len(files)} files ({', '.join(f + '/' for f in FOLDERS)}) checked alone, no cache | "
        f"{slowest} {slowest_t:.2f} s | each under {FILE_GOAL:g} s |",
        f"| files at or over {FILE_GOAL:g} s | {', '.join(over) if over else 'none'} | none |",
        f"| slowest corpus file | {corpus[0][1]} {corpus[0][0]:.2f} s | |" if corpus else "| slowest corpus file | - | |",
        f"| proofs/ + examples/, one run: cold (empty cache) / warm | {warm['cold']:.2f} s / {warm['warm']:.2f} s = "
        f"{warm['warm'] / warm['cold']:.2f} | at most {WARM_GOAL:g} |",
        f"| whole corpus, one run, idle / with {HOGS} CPU hogs | {busy['idle']:.1f} s / {busy['busy']:.1f} s | |",
        f"| verdicts with and without the hogs ({busy['n']} steps and goals) | "
        f"{same_text} | the same |",
        f"| whole corpus, `--jobs 1` / `--jobs 2` (idle) | {busy['jobs1']:.1f} s / {busy['idle']:.1f} s"
        f"{'' if busy['same_jobs'] else ' (verdicts differ!)'} | --jobs 2 faster |",
        f"| per-step CPU time ({len(times)} steps) | median {1000 * statistics.median(times):.0f} ms, "
        f"p95 {1000 * pct(times, 0.95):.0f} ms, max {1000 * max(times):.0f} ms | |",
        f"| throughput, {tp['n']} generated proofs, one run, no cache | {tp['seconds']:.1f} s, {tp['n'] / tp['seconds']:.1f} proofs/s | |",
        "",
        f"## Three deciders on the same {pairs['pairs']} step pairs", "",
        "The general (not at a given point) `=` steps of the files above; per pair in `bench/pairs.csv`. "
        f"proofcheck accepts {pairs['accepted']} of them, refutes {pairs['refuted']} with a counterexample "
        f"and leaves {pairs['unknown']} unknown; the corpus' inline expectations say which steps are wrong.", "",
        "| decider | called equal | of proofcheck's accepted | of proofcheck's refuted (wrong steps called equal) | "
        f"over {NAIVE_TIMEOUT:g} s | errors | median | total |", "|---|---|---|---|---|---|---|---|",
        f"| proofcheck (proved for every N, or exact at N = 1..4 and sampled past every constant) | {pairs['accepted']} | "
        f"{pairs['accepted']} | 0 | | | "
        f"{1000 * pairs['proofcheck']['median']:.0f} ms | {pairs['proofcheck']['total']:.1f} s |",
    ]
    for tool, name in (("naive", "naive `simplify(a - b) == 0`, N = 3"), ("math_verify", "Math-Verify, LaTeX as written")):
        if tool == "math_verify" and not pairs["have_mv"]:
            lines.append("| Math-Verify | not installed | | | | | | |")
            continue
        s = pairs[tool]
        lines.append(f"| {name} | {s['equal']} | {s['equal_of_accepted']} | {s['equal_of_refuted']} | {s['timeout']} | "
                     f"{s['error']} | {1000 * s['median']:.0f} ms | {s['total']:.1f} s |")
    lines += [
        "",
        "Times are CPU seconds of the deciding worker. The naive baseline decides one concrete size with every "
        "definition already expanded by proofcheck's translator and has no refutation: `False` means \"not shown\". "
        "Math-Verify reads each side's LaTeX on its own, without the file's definitions, index ranges or "
        "assumptions, so a step that needs them is not shown equal; it is an answer checker, not a step checker.",
        "",
    ]
    out = REPO / "bench" / "RESULTS.md"
    out.write_text("\n".join(lines) + _kept_sections(out), encoding="utf-8")
    print("wrote bench/RESULTS.md and bench/pairs.csv")


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 1 if quick else 3
    m = machine()
    load_before = load()
    print(f"machine: {m['nproc']} CPU(s), {m['cpu']}, Python {m['python']}, SymPy {m['sympy']}; load {load_before}")
    byte_compile()
    t4 = t4_against_sympy(runs)
    files = per_file(runs)
    warm = cold_and_warm()
    busy = busy_machine()
    corpus = corpus_files()
    times, by_place = step_times(corpus)
    print(f"per-step CPU time over {len(times)} steps in {len(corpus)} files: median {1000 * statistics.median(times):.0f} ms, "
          f"p95 {1000 * pct(times, 0.95):.0f} ms, max {1000 * max(times):.0f} ms")
    tp = throughput(40 if quick else 200)
    pairs = three_deciders(corpus, by_place)
    write_results(m, quick, load_before, load(), t4, files, warm, busy, times, tp, pairs)


if __name__ == "__main__":
    main()
