"""The command line as a user runs it: `python -m proofcheck check ...` in a child process.

Tests that read only the exit code and the output call `proofcheck.cli.main` in this process
(`inproc`): a child process costs a Python start and a SymPy import, about a second. The tests
of what only a real process shows (its stdout holds nothing but the document, byte-identical runs
across processes and hash seeds, colour on a terminal) keep the child process.

Exit codes (0 all accepted, 1 something not, 2 usage or unreadable), the JSON document's shape
(version 1 contract), colour control (NO_COLOR, --color), determinism under --seed, and the
compiler-style text diagnostics with the source line and a caret.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

GOOD = """problem good "all fine"
let y = (x + 1)^2
show \\frac{\\partial y}{\\partial x} = 2 x + 2
\\frac{\\partial y}{\\partial x} = 2 (x + 1)
  = 2 x + 2
"""

BAD = """problem bad
let y = (x + 1)^2
show \\frac{\\partial y}{\\partial x} = 2 x + 2
\\frac{\\partial y}{\\partial x} = 2 (x + 1)
  = 2 x + 1
xy = 1
"""

NUMERIC = """problem num
assume x > 0
\\max(x, -x) = x
"""


def run(args: list[str], cwd: Path, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "proofcheck", *args], cwd=cwd, env=full_env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)


def inproc(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`run` without the child process: `proofcheck.cli.main` here, in `cwd`, its output captured."""
    from proofcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as e:  # argparse's usage errors
            code = e.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


@pytest.fixture()
def files(tmp_path: Path) -> Path:
    (tmp_path / "good.proof").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.proof").write_text(BAD, encoding="utf-8")
    (tmp_path / "num.proof").write_text(NUMERIC, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ exit codes


@pytest.mark.parametrize("name,text", [
    ("refuted.proof", "x + x = 3 x\n"),
    ("unknown.proof", "xy = x y\n"),
    ("syntax.proof", "x + = 1\n"),
    ("unmet.proof", "let y = x^2\nshow \\frac{dy}{dx} = 2 x\n"),
])
def test_exit_1_when_anything_is_not_accepted(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = inproc(["check", name], tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_exit_0_and_1(files: Path) -> None:
    assert run(["check", "good.proof", "num.proof"], files).returncode == 0
    proc = run(["check", "good.proof", "bad.proof"], files)
    no_traceback(proc)
    assert proc.returncode == 1


def test_folder_is_checked(files: Path) -> None:
    proc = inproc(["check", "."], files)
    assert proc.returncode == 1
    for name in ("good.proof", "bad.proof", "num.proof"):
        assert name in proc.stdout


@pytest.mark.parametrize("args", [
    ["check", "good.proof", "--bogus"],
    ["check"],
    [],
    ["frobnicate", "good.proof"],
    ["check", "good.proof", "--timeout", "0"],
    ["check", "good.proof", "--format", "xml"],
    ["check", "good.proof", "--seed", "abc"],
])
def test_exit_2_on_usage_errors(files: Path, args: list[str]) -> None:
    proc = inproc(args, files)
    no_traceback(proc)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip()


def test_exit_2_on_missing_file_and_it_is_reported(files: Path) -> None:
    proc = inproc(["check", "good.proof", "nothere.proof", "--format", "json"], files)
    no_traceback(proc)
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    missing = next(f for f in doc["files"] if f["path"] == "nothere.proof")
    assert [d["code"] for d in missing["diagnostics"]] == ["E400"]
    assert missing["ok"] is False
    good = next(f for f in doc["files"] if f["path"] == "good.proof")
    assert good["ok"] is True  # the other file is still checked


@pytest.mark.parametrize("data,code", [
    (b"x = x\n\x00\x01\x02", "E402"),
    (b"x = x % caf\xe9\n", "E401"),
    (b"BIG", "E403"),  # 2.5 MB of comment lines, written by the test
], ids=["binary", "not-utf8", "too-large"])
def test_exit_2_on_unreadable_files(tmp_path: Path, data: bytes, code: str) -> None:
    if data == b"BIG":
        data = b"% padding\n" * 250_000
    (tmp_path / "f.proof").write_bytes(data)
    proc = inproc(["check", "f.proof"], tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2
    assert re.search(rf"^f\.proof:\d+:\d+: error\[{code}\]:", proc.stdout, re.M), proc.stdout


def test_directory_given_as_file_is_unreadable(tmp_path: Path) -> None:
    from proofcheck.options import Options
    from proofcheck.pipeline import check_path

    (tmp_path / "d.proof").mkdir()
    r = check_path(str(tmp_path / "d.proof"), Options())
    assert r.fatal and [d.code for d in r.diagnostics] == ["E400"]


# ------------------------------------------------------------------ JSON contract

DIAG_KEYS = {"code": str, "severity": str, "message": str, "line": int, "column": int, "end_line": int, "end_column": int}
STEP_KEYS = {"line": int, "column": int, "verdict": str, "method": str}
GOAL_KEYS = {"line": int, "kind": str, "status": str, "message": str}


def _has(d: dict, keys: dict, where: str) -> None:
    for k, t in keys.items():
        assert k in d, f"{where}: missing {k!r} in {sorted(d)}"
        assert isinstance(d[k], t) and not (t is int and isinstance(d[k], bool)), f"{where}.{k} = {d[k]!r}"


def test_json_document_shape(files: Path) -> None:
    proc = run(["check", "good.proof", "bad.proof", "num.proof", "--format", "json"], files)
    no_traceback(proc)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert doc["version"] == 1
    assert isinstance(doc["files"], list) and len(doc["files"]) == 3
    assert [f["path"] for f in doc["files"]] == ["good.proof", "bad.proof", "num.proof"]
    for f in doc["files"]:
        assert isinstance(f["path"], str) and isinstance(f["ok"], bool)
        for d in f["diagnostics"]:
            _has(d, DIAG_KEYS, "diagnostic")
            assert d["severity"] in ("error", "warning", "note")
            assert re.fullmatch(r"[EW]\d{3}", d["code"])
        for p in f["problems"]:
            assert isinstance(p["name"], str) and isinstance(p["ok"], bool)
            for s in p["steps"]:
                _has(s, STEP_KEYS, "step")
                assert s["verdict"] in ("proved", "numeric", "refuted", "unknown")
                assert "holds_in_general" in s and s["holds_in_general"] in (True, False, None)
                assert "counterexample" in s and (s["counterexample"] is None or isinstance(s["counterexample"], dict))
            for g in p["goals"]:
                _has(g, GOAL_KEYS, "goal")
                assert g["kind"] in ("show", "find") and g["status"] in ("met", "unmet", "wrong")
    good, bad, num = doc["files"]
    assert good["ok"] is True and good["diagnostics"] == []
    assert [p["name"] for p in good["problems"]] == ["good"]
    assert [g["status"] for g in good["problems"][0]["goals"]] == ["met"]
    assert bad["ok"] is False
    steps = bad["problems"][0]["steps"]
    assert [(s["line"], s["column"], s["verdict"]) for s in steps][:2] == [(4, 33, "proved"), (5, 5, "refuted")]
    assert steps[1]["counterexample"] and "x" in steps[1]["counterexample"]["values"]
    assert steps[0]["counterexample"] is None
    codes = {(d["code"], d["line"], d["column"]) for d in bad["diagnostics"]}
    assert ("E300", 5, 5) in codes and ("E200", 6, 1) in codes
    assert [g["status"] for g in bad["problems"][0]["goals"]] == ["wrong"]
    assert num["ok"] is True and num["problems"][0]["steps"][0]["verdict"] == "numeric"
    summary = doc["summary"]
    for k in ("files", "steps", "refuted", "unknown", "errors"):
        assert isinstance(summary[k], int), k
    nsteps = sum(len(p["steps"]) for f in doc["files"] for p in f["problems"])
    assert summary["files"] == 3 and summary["steps"] == nsteps
    assert summary["refuted"] == 1 and summary["unknown"] == 1
    assert summary["errors"] == sum(1 for f in doc["files"] for d in f["diagnostics"] if d["severity"] == "error")


def test_json_is_one_document_even_with_errors(tmp_path: Path) -> None:
    (tmp_path / "x.proof").write_text("x + = 1\n\\foo = 2\n", encoding="utf-8")
    proc = run(["check", "x.proof", "--format", "json"], tmp_path)
    doc = json.loads(proc.stdout)  # nothing but the document on stdout
    assert [d["code"] for d in doc["files"][0]["diagnostics"]] == ["E100", "E100"]
    assert [d["line"] for d in doc["files"][0]["diagnostics"]] == [1, 2]


# ------------------------------------------------------------------ text output


def test_text_diagnostics_show_source_and_caret(files: Path) -> None:
    proc = inproc(["check", "bad.proof"], files)
    out = proc.stdout.splitlines()
    heads = [i for i, ln in enumerate(out) if re.match(r"^bad\.proof:\d+:\d+: (error|warning)\[[EW]\d{3}\]: ", ln)]
    assert heads, proc.stdout
    for i in heads:
        m = re.match(r"^bad\.proof:(\d+):(\d+): ", out[i])
        line, col = int(m.group(1)), int(m.group(2))
        src = BAD.splitlines()[line - 1]
        assert out[i + 1] == f" {line} | {src}", out[i + 1]
        caret = out[i + 2]
        prefix = f" {' ' * len(str(line))} | "
        assert caret.startswith(prefix)
        assert caret[len(prefix):].index("^") == col - 1, (out[i], caret)
    assert any("error[E300]" in out[i] and out[i].startswith("bad.proof:5:5:") for i in heads)
    assert any("error[E200]" in out[i] and out[i].startswith("bad.proof:6:1:") for i in heads)
    assert "seed 0" in proc.stdout


def _pty_run(args: list[str], cwd: Path, env: dict) -> str:
    """Run with stdout on a terminal, so that `--color auto` would colour."""
    master, slave = pty.openpty()
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "proofcheck", *args], cwd=cwd, env=full_env,
                            stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow  # two runs under a pseudo-terminal
def test_no_color(files: Path) -> None:
    assert "\x1b[" in _pty_run(["check", "bad.proof"], files, {})  # a terminal gets colour ...
    assert "\x1b[" not in _pty_run(["check", "bad.proof"], files, {"NO_COLOR": "1"})  # ... unless NO_COLOR
    assert "\x1b[" not in run(["check", "bad.proof"], files).stdout  # a pipe never does
    assert "\x1b[" not in run(["check", "bad.proof", "--color", "never"], files).stdout
    assert "\x1b[" in run(["check", "bad.proof", "--color", "always"], files).stdout


# ------------------------------------------------------------------ determinism


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_same_seed_gives_identical_bytes(files: Path, fmt: str) -> None:
    args = ["check", "good.proof", "bad.proof", "num.proof", "--format", fmt, "--seed", "7"]
    first, second = inproc(args, files), run(args, files)  # this process and a child, with another hash seed
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout


@pytest.mark.slow  # CLI runs at two seeds
def test_seed_changes_the_sample_points(files: Path) -> None:
    a = json.loads(run(["check", "num.proof", "--format", "json", "--seed", "1"], files).stdout)
    b = json.loads(run(["check", "num.proof", "--format", "json", "--seed", "2"], files).stdout)
    sa, sb = a["files"][0]["problems"][0]["steps"][0], b["files"][0]["problems"][0]["steps"][0]
    assert sa["verdict"] == sb["verdict"] == "numeric"  # the verdict does not depend on the seed ...
    assert sa["evidence"]["seed"] != sb["evidence"]["seed"]  # ... the points do
    text = run(["check", "num.proof", "--seed", "12345"], files).stdout
    assert "seed 12345" in text


def test_a_parent_that_ignores_sigchld_changes_nothing(files: Path) -> None:
    """Started by a program that ignores SIGCHLD (the disposition survives exec), the kernel would reap
    the workers itself: waiting for them failed with a ChildProcessError traceback, and how a worker
    died (a CPU limit) was lost. The output must be the same as from an ordinary start."""
    import signal

    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    args = [sys.executable, "-m", "proofcheck", "check", "--no-cache", "--format", "json", str(REPO / "proofs" / "T4.proof")]
    ignoring = subprocess.run(args, cwd=files, env=env, capture_output=True, text=True, timeout=120,
                              preexec_fn=lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN))
    ordinary = subprocess.run(args, cwd=files, env=env, capture_output=True, text=True, timeout=120)
    no_traceback(ignoring)
    assert ignoring.returncode == ordinary.returncode == 0, ignoring.stderr
    assert ignoring.stdout == ordinary.stdout


def test_undecided_step_points_to_its_located_error(tmp_path: Path) -> None:
    """A step left unknown by a notation error (E211) reports that error where it points, and its E301
    refers to it (code and position) instead of repeating the message."""
    f = tmp_path / "label.proof"
    f.write_text("problem p\nindex j in 1..N\n\\frac{\\partial}{\\partial x_a} \\sum_j x_j = 1\n")
    proc = inproc(["check", "--no-cache", str(f)], tmp_path)
    assert proc.returncode == 1
    located = re.findall(r":(\d+):(\d+): error\[(E\d+)\]: (.*)", proc.stdout)
    codes = [c for _, _, c, _ in located]
    assert codes == ["E211", "E301"], located
    line, col, _, message = located[0]
    assert located[1][3].endswith(f"error[E211] at {line}:{col}")
    assert message not in located[1][3]
