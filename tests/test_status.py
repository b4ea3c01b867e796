"""Status a grader can trust: a problem or file is `ok` only when it really is, and nothing passes
silently (empty files and folders, garbage, lines that do not parse)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from proofcheck.cli import main
from proofcheck.options import Options
from proofcheck.pipeline import MAX_ERRORS_PER_FILE, check_text

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

FAST = Options(seed=0, timeout=20, workers=2)


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_a_problem_with_a_line_that_does_not_parse_is_not_ok(tmp_path: Path, capsys) -> None:
    text = "problem A\nx = x\nx = = 1\n\nproblem B\ny = y\n"
    r = check_text(text, options=FAST)
    a, b = r.problems
    assert (a.name, a.ok, a.errors, a.line, a.end_line) == ("A", False, 1, 1, 4)
    assert (b.name, b.ok, b.errors, b.line) == ("B", True, 0, 5)
    assert not r.ok
    path = tmp_path / "p.proof"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["files"][0]["problems"]
    assert [(p["name"], p["ok"], p["errors"]) for p in problems] == [("A", False, 1), ("B", True, 0)]
    assert main(["check", str(path), "--color", "never"]) == 1
    assert "problem A: FAILED" in capsys.readouterr().out


def test_a_leading_blank_line_opens_no_anonymous_problem() -> None:
    r = check_text("\n\nproblem A\nx = x\n", options=FAST)
    assert [p.name for p in r.problems] == ["A"]


def test_an_empty_file_is_not_a_correct_proof(tmp_path: Path) -> None:
    for text in ("", "\n\n", "% only a comment\n", "let y = 2 x\n"):
        r = check_text(text, options=FAST)
        assert codes(r) == ["E404"], text
        assert not r.ok
    path = tmp_path / "empty.proof"
    path.write_text("", encoding="utf-8")
    assert main(["check", str(path)]) == 1


def test_a_network_alone_is_something_to_check() -> None:
    r = check_text("network mlp\ninput 4\ndense h_1 8\n", options=FAST)
    assert "E404" not in codes(r)


def test_an_empty_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x = x\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "empty"), "--format", "json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in doc["files"][0]["diagnostics"]] == ["E405"]
    assert main(["check", str(tmp_path / "other")]) == 2


def test_garbage_stops_after_the_error_cap(tmp_path: Path, capsys) -> None:
    rng = random.Random(7)
    lines = ["".join(rng.choice("=+-*/^_{}()[]|&%$#@!~") for _ in range(60)) for _ in range(20_000)]
    path = tmp_path / "garbage.proof"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(path), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "error[E406]" in out
    assert out.count("error[") == MAX_ERRORS_PER_FILE + 1
    assert len(out) < 100_000  # bounded, whatever the file's size


def test_a_convention_with_a_zero_denominator_is_located() -> None:
    for text in ("let ReLU'(0) = 1/0\nx = x\n", "let ReLU'(0) = \\frac{1}{0}\nx = x\n"):
        r = check_text(text, options=FAST)
        assert codes(r) == ["E207"], text


def test_a_bug_of_ours_fails_its_problem_with_a_located_report(tmp_path: Path, capsys, monkeypatch) -> None:
    """A crash while checking one problem (a bug in proofcheck) is E408 on that problem, which is not
    ok, never a traceback; the other problems are still checked."""
    import proofcheck.check as check

    real = check.check_problem

    def crash_on_b(problem, options):
        if problem.name == "B":
            raise KeyError("a bug")
        return real(problem, options)

    monkeypatch.setattr(check, "check_problem", crash_on_b)
    text = "problem A\nx + x = 2 x\n\nproblem B\ny = y\n"
    r = check_text(text, options=FAST)
    a, b = r.problems
    assert (a.ok, b.ok) == (True, False)
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("E408", 4)]
    path = tmp_path / "p.proof"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--color", "never"]) == 1
    out = capsys.readouterr()
    assert "error[E408]" in out.out and "Traceback" not in out.out + out.err


def test_a_bug_of_ours_reading_a_file_fails_it_with_a_report(tmp_path: Path, capsys, monkeypatch) -> None:
    """A crash while parsing or elaborating (a bug in proofcheck) makes that file fail with E408 and
    exit code 2, never a traceback; the other files are still checked."""
    import proofcheck.pipeline as pipeline

    real = pipeline.elaborate

    def crash_on_y(statements, *args, **kwargs):
        if any("y" in repr(st) for st in statements):
            raise KeyError("a bug")
        return real(statements, *args, **kwargs)

    monkeypatch.setattr(pipeline, "elaborate", crash_on_y)
    bad, good = tmp_path / "bad.proof", tmp_path / "good.proof"
    bad.write_text("problem B\ny = y\n", encoding="utf-8")
    good.write_text("problem A\nx + x = 2 x\n", encoding="utf-8")
    r = check_text(bad.read_text(encoding="utf-8"), options=FAST)
    assert r.fatal and [d.code for d in r.diagnostics] == ["E408"]
    assert main(["check", str(bad), str(good), "--color", "never"]) == 2
    out = capsys.readouterr()
    assert "error[E408]" in out.out and "Traceback" not in out.out + out.err
    assert "good.proof" in out.out
