"""`proofcheck grade KEY SUBMISSIONS --out DIR` and `proofcheck gradescope-bundle KEY --out DIR`.

Exit codes: 0 every submission graded (whatever its points); 1 some submission could not be graded
(its record says why and it has 0 points, flagged for review); 2 usage errors and unusable keys.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from typing import TYPE_CHECKING

from ..cli import add_cache_options, cache_dir_of, cpu_seconds
from ..options import Options
from . import FEEDBACK_LEVELS

if TYPE_CHECKING:  # the grading modules load when `grade` runs, not for every `proofcheck check`
    from .model import StudentRecord
    from .run import Plan

DEFAULT_SUBMISSION_SECONDS = 600.0
DEFAULT_SUBMISSION_MB = 4096


def add_parsers(sub) -> None:
    g = sub.add_parser("grade", help="grade a class of submissions against an instructor's key")
    g.add_argument("key", metavar="KEY", help="the key: a .proof file with each problem's header, goals and rubric")
    g.add_argument("submissions", metavar="SUBMISSIONS", help="a folder (one folder or file per student, or a Gradescope export)")
    g.add_argument("--out", required=True, metavar="DIR", help="where grades.csv, results.json, feedback/ ... go")
    g.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="submissions graded at once")
    g.add_argument("--resume", action="store_true", help="keep the students already graded in DIR")
    g.add_argument("--executor", default="local", help="`local` (default) or dask://HOST:PORT")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--timeout", type=cpu_seconds, default=10.0, help="CPU seconds allowed per step (default 10)")
    g.add_argument("--memory", type=int, default=2048, help="megabytes allowed per step (default 2048)")
    g.add_argument("--submission-timeout", type=float, default=DEFAULT_SUBMISSION_SECONDS,
                   help=f"seconds allowed per submission (default {DEFAULT_SUBMISSION_SECONDS:g})")
    g.add_argument("--submission-memory", type=int, default=DEFAULT_SUBMISSION_MB,
                   help=f"megabytes allowed per submission (default {DEFAULT_SUBMISSION_MB})")
    g.add_argument("--ad", choices=("autograd", "torch", "off"), default="autograd")
    add_cache_options(g)  # identical steps across students are decided once
    g.add_argument("--feedback", choices=FEEDBACK_LEVELS, help="override the key's feedback level")
    g.add_argument("--single", choices=("gradescope", "prairielearn"),
                   help="SUBMISSIONS is one student's submission; write that platform's results.json into DIR")
    b = sub.add_parser("gradescope-bundle", help="build a Gradescope autograder (setup.sh, run_autograder) for a key")
    b.add_argument("key", metavar="KEY")
    b.add_argument("--out", required=True, metavar="DIR")
    b.add_argument("--feedback", choices=FEEDBACK_LEVELS)


def _usage(msg: str) -> int:
    print(f"proofcheck: {msg}", file=sys.stderr)
    return 2


def _key(path: str):
    from .key import KeyError_, load_key  # noqa: PLC0415

    try:
        return load_key(path), None
    except KeyError_ as exc:
        lines = "\n".join(f"{path}:{ln}: error: {m}" for ln, m in exc.problems)
        return None, f"the key cannot be used:\n{lines}"


def main(args: argparse.Namespace) -> int:
    from .run import Plan, grade_submissions  # noqa: PLC0415
    from .submissions import discover, single  # noqa: PLC0415
    from .workers import Budget, dask_address  # noqa: PLC0415

    if args.command == "gradescope-bundle":
        key, err = _key(args.key)
        if key is None:
            return _usage(err)
        from .bundle import build  # noqa: PLC0415
        print(build(key, args.out, args.feedback))
        return 0
    for bad, msg in ((not args.timeout > 0 or args.timeout == float("inf"), "--timeout must be a positive number"),
                     (args.jobs < 1, "--jobs must be at least 1"), (args.memory < 64, "--memory must be at least 64"),
                     (not args.submission_timeout > 0 or args.submission_timeout == float("inf"),
                      "--submission-timeout must be a positive number"),
                     (args.submission_memory < 256, "--submission-memory must be at least 256")):
        if bad:
            return _usage(msg)
    try:
        dask_address(args.executor)
    except ValueError as exc:
        return _usage(str(exc))
    try:
        import latex2mathml  # noqa: F401, PLC0415
    except ImportError:
        return _usage("grading needs the grade extra: pip install 'proofcheck[grade]'")
    key, err = _key(args.key)
    if key is None:
        return _usage(err)
    if not os.path.exists(args.submissions):
        return _usage(f"{args.submissions}: no such file or folder")
    from ..autodiff import available  # noqa: PLC0415
    if not available(args.ad):
        return _usage(f"--ad {args.ad} needs PyTorch: pip install 'proofcheck[torch]'")
    options = Options(seed=args.seed, timeout=args.timeout, memory_mb=args.memory, workers=args.jobs, ad=args.ad,
                      cache_dir=cache_dir_of(args))
    plan = Plan(key, options, Budget(args.submission_timeout, args.submission_memory), args.jobs, args.executor,
                args.resume, args.feedback)
    os.makedirs(args.out, exist_ok=True)
    if args.single:  # an LMS runs one submission: only its results.json goes into DIR
        with tempfile.TemporaryDirectory(prefix="proofcheck-grade-") as tmp:
            records = grade_submissions(plan, [single(args.submissions)], tmp)
        return _write_single(args, plan, records[0])
    subs = discover(args.submissions)
    records = grade_submissions(plan, subs, args.out, show_progress=True)
    from .html import write_pages  # noqa: PLC0415
    from .outputs import write_class  # noqa: PLC0415

    level = _level(plan)
    write_class(args.out, key, records, {"seed": options.seed, "timeout": options.timeout, "memory_mb": options.memory_mb,
                                         "ad": options.ad}, level)
    write_pages(args.out, key, records, subs, lambda r: level)
    graded = sum(1 for r in records if r.status != "error")
    print(f"graded {graded} of {len(records)} submission(s) into {args.out} "
          f"(grades.csv, results.json, feedback/, gradescope/)", file=sys.stderr)
    return 0 if graded == len(records) else 1


def _level(plan: Plan) -> str:
    """The page level: the override, else the most private level any problem asks for."""
    if plan.feedback:
        return plan.feedback
    return max((p.rubric.feedback for p in plan.key.problems), key=FEEDBACK_LEVELS.index, default="full")


def _write_single(args, plan: Plan, record: StudentRecord) -> int:
    from .outputs import gradescope_results, prairielearn_results  # noqa: PLC0415
    from .run import write_json  # noqa: PLC0415

    level = _level(plan)
    data = gradescope_results(record, level) if args.single == "gradescope" else prairielearn_results(record, level)
    write_json(os.path.join(args.out, "results.json"), data)
    return 0 if record.status != "error" else 1
