"""`proofcheck check PATH...`: the command line. Exit 0 all accepted, 1 anything not, 2 usage or unreadable.

`proofcheck lsp` runs the editor server (proofcheck/lsp.py) over stdio with the same checking options.
"""

from __future__ import annotations

import argparse
import os
import sys

from .options import Options
from .pipeline import check_source, collect, load
from .report import render_json, render_text

FORMATS = ("text", "json", "github", "sarif")


def _checking_options(c: argparse.ArgumentParser) -> None:
    """The options of a check, shared by `check` and `lsp`."""
    c.add_argument("--seed", type=int, default=0, help="seed for the random sample points (default 0)")
    c.add_argument("--timeout", type=float, default=10.0, help="seconds allowed per step (default 10)")
    c.add_argument("--memory", type=int, default=2048, help="megabytes allowed per step (default 2048)")
    c.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="steps checked at once")
    c.add_argument("--ad", choices=("autograd", "torch", "off"), default="autograd", help="autodiff cross-check backend")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="proofcheck", description="Check gradient derivations step by step.")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check .proof, .md, .tex and .ipynb files and folders")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="text",
                   help="text, json, github (GitHub Actions annotations) or sarif (SARIF 2.1.0)")
    _checking_options(c)
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command not in ("check", "lsp"):  # `grade`, `gradescope-bundle`
        from .grade.cli import main as grade_main  # noqa: PLC0415
        return grade_main(args)
    if args.timeout <= 0 or args.jobs < 1 or args.memory < 64:
        print("proofcheck: --timeout must be positive, --jobs at least 1, --memory at least 64", file=sys.stderr)
        return 2
    from .autodiff import available  # noqa: PLC0415  (imports the backend here, once, before the forks)
    if not available(args.ad):
        print(f"proofcheck: --ad {args.ad} needs PyTorch: pip install 'proofcheck[torch]'", file=sys.stderr)
        return 2
    options = Options(seed=args.seed, timeout=args.timeout, memory_mb=args.memory, workers=args.jobs, ad=args.ad)
    if args.command == "lsp":
        from .lsp import serve  # noqa: PLC0415  (pygls only for the editor server)
        return serve(options)
    files, errors = collect(args.paths)
    results = list(errors)
    sources = {}
    for path in files:
        source, failure = load(path, options.seed)  # read once: diagnostics quote the text that was checked
        if source is None:
            results.append(failure)
            continue
        sources[path] = source
        results.append(check_source(source, options))
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
    if any(r.fatal for r in results):
        return 2
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
