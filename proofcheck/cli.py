"""`proofcheck check PATH...`: the command line. Exit 0 all accepted, 1 anything not, 2 usage or unreadable.

`proofcheck lsp` runs the editor server (proofcheck/lsp.py) over stdio with the same checking options.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import math
import os
import sys
import time
from typing import TextIO

from .cache import default_dir
from .options import Options
from .pipeline import ReadAhead, check_source, collect, load
from .report import render_json, render_text
from .results import FileResult
from .sandbox import session

# NumPy (loaded with autograd for the autodiff cross-check) starts OpenBLAS, which starts a thread per
# core at load: about a third of NumPy's import (0.08 -> 0.05 s of CPU), on the path to the first
# decision, for threads that proofcheck's scalar and small-matrix arithmetic never uses and that do not
# survive the fork into the workers anyway. One thread, unless the environment says otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MAX_TIMEOUT = 86_400.0  # CPU seconds per step; past a day a value is a typo (and the timers overflow)
SLOWEST_SHOWN = 10  # steps listed by --timings


def cpu_seconds(text: str) -> float:
    """`--timeout`: a finite, positive number of CPU seconds (`inf` or `nan` would remove the budget)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(value) and 0 < value <= MAX_TIMEOUT):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, not {text!r}")
    return value

FORMATS = ("text", "json", "github", "sarif")


def _checking_options(c: argparse.ArgumentParser) -> None:
    """The options of a check, shared by `check` and `lsp`."""
    c.add_argument("--seed", type=int, default=0, help="seed for the random sample points (default 0)")
    c.add_argument("--timeout", type=cpu_seconds, default=10.0,
                   help="CPU seconds allowed per step (default 10); the same on an idle and on a busy machine")
    c.add_argument("--memory", type=int, default=2048, help="megabytes allowed per step (default 2048)")
    c.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="steps checked at once")
    c.add_argument("--ad", choices=("autograd", "torch", "off"), default="autograd", help="autodiff cross-check backend")
    add_cache_options(c)


def add_cache_options(c: argparse.ArgumentParser) -> None:
    """`--no-cache` and `--cache-dir` (docs/performance.md), for every command that checks steps."""
    store = c.add_mutually_exclusive_group()
    store.add_argument("--no-cache", action="store_true", help="neither read nor write the decision cache")
    store.add_argument("--cache-dir", metavar="DIR",
                       help="the decision cache's folder (default: $XDG_CACHE_HOME/proofcheck, else ~/.cache/proofcheck)")


def cache_dir_of(args: argparse.Namespace) -> str | None:
    """The cache folder the options name: none with --no-cache, else --cache-dir or the default."""
    return None if args.no_cache else (args.cache_dir or default_dir())


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="proofcheck", description="Check gradient derivations step by step.")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check .proof, .md, .tex and .ipynb files and folders")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="text",
                   help="text, json, github (GitHub Actions annotations) or sarif (SARIF 2.1.0)")
    _checking_options(c)
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--timings", action="store_true", help="print what the steps cost and the slowest ones (on stderr)")
    lsp = sub.add_parser("lsp", help="run the language server for editors (stdio)")
    _checking_options(lsp)
    from .grade.cli import add_parsers  # noqa: PLC0415  (`grade`, `gradescope-bundle`: proofcheck/grade/)
    add_parsers(sub)
    return ap


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def print_timings(results: list[FileResult], wall_seconds: float, out: TextIO) -> None:
    """What the steps cost (CPU time of their workers), the cache's share, and the slowest steps."""
    steps = [(s, r.path) for r in results for p in r.problems for s in p.steps]
    cached = sum(1 for s, _ in steps if s.cached)
    cpu = sum(s.seconds for s, _ in steps)
    out.write(f"timings: {len(steps)} step(s), {cached} from the cache; {cpu:.2f} s of CPU time deciding steps; "
              f"{wall_seconds:.2f} s in all\n")
    slowest = sorted((s for s in steps if not s[0].cached), key=lambda x: (-x[0].seconds, x[1], x[0].line, x[0].column))
    for s, path in slowest[:SLOWEST_SHOWN]:
        out.write(f"  {s.seconds:8.3f} s  {path}:{s.line}:{s.column}  {s.verdict}\n")


def _torch_available() -> bool:
    """Imports PyTorch (once, here, before any worker forks) if it is installed."""
    from .autodiff import available  # noqa: PLC0415  (autograd, a dependency, loads only when a step is checked)

    return available("torch")


def _read_ahead(source) -> ReadAhead | None:
    """For the first file with a line of proof text: read it in a child (`pipeline.ReadAhead`) while
    this process imports the checker (SymPy, NumPy, autograd), which it will almost surely need; the
    checker imported, later files are read here. A file without proof text loads no heavy library."""
    if "proofcheck.check" in sys.modules or all(line.blank for line in source.lines):
        return None
    try:
        ahead = ReadAhead(source)
    except OSError:  # no fork or no pipe here: read it in this process
        return None
    collecting = gc.isenabled()
    gc.disable()  # the import makes objects that live as long as the process: no collection walks them
    try:
        import proofcheck.check  # noqa: F401, PLC0415  (the import the reading overlaps)
    except BaseException:
        ahead.close()
        raise
    finally:
        gc.freeze()  # ... afterwards either (in this process and in the workers forked from it)
        if collecting:
            gc.enable()
    return ahead


def main(argv: list[str] | None = None, exiting: bool = False) -> int:
    """`exiting`: the process ends right after (`entry`), so the workers are not waited for."""
    started = time.monotonic()
    args = build_parser().parse_args(argv)
    if args.command not in ("check", "lsp"):  # `grade`, `gradescope-bundle`
        from .grade.cli import main as grade_main  # noqa: PLC0415
        return grade_main(args)
    if args.jobs < 1 or args.memory < 64:
        print("proofcheck: --jobs must be at least 1, --memory at least 64", file=sys.stderr)
        return 2
    if args.ad == "torch" and not _torch_available():
        print(f"proofcheck: --ad {args.ad} needs PyTorch: pip install 'proofcheck[torch]'", file=sys.stderr)
        return 2
    options = Options(seed=args.seed, timeout=args.timeout, memory_mb=args.memory, workers=args.jobs, ad=args.ad,
                      cache_dir=cache_dir_of(args))
    if args.command == "lsp":
        from .lsp import serve  # noqa: PLC0415  (pygls only for the editor server)
        return serve(options)
    files, errors = collect(args.paths)
    results = list(errors)
    sources = {}
    # one pool of workers for every file (they stay warm); the output is written before it closes, so that
    # waiting for the workers to end is not on the way to it
    with session(options.workers, options.memory_mb, wait=not exiting):
        for path in files:
            source, failure = load(path, options.seed)  # read once: diagnostics quote the text that was checked
            if source is None:
                results.append(failure)
                continue
            sources[path] = source
            results.append(check_source(source, options, _read_ahead(source)))
        try:
            if args.format == "json":
                render_json(results, args.seed, sys.stdout, sources)
            elif args.format == "github":
                from .annotations import render_github  # noqa: PLC0415
                render_github(results, sources, sys.stdout)
            elif args.format == "sarif":
                from .annotations import render_sarif  # noqa: PLC0415
                render_sarif(results, sources, args.seed, sys.stdout)
            else:
                render_text(results, sources, sys.stdout, color=_use_color(args.color))
            sys.stdout.flush()
        except BrokenPipeError:  # `proofcheck check ... | head`: stop writing, no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if args.timings:
        print_timings(results, time.monotonic() - started, sys.stderr)
    if any(r.fatal for r in results):
        return 2
    return 0 if all(r.ok for r in results) else 1


def entry() -> None:
    """The console script: `main`, then a quick exit. Tearing down the interpreter after the output
    is written (SymPy's caches, a few thousand modules) costs about 0.12 s, an eighth of checking T4,
    and does nothing a finished run needs: exit handlers still run and the output is flushed first."""
    code = main(exiting=True)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError, OSError):  # a closed pipe or stream: nothing more to write
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
