"""Rubric directives and the layouts of SUBMISSIONS, each on a small key (graded in-process)."""

from __future__ import annotations

import os

import pytest

from proofcheck.grade.key import KeyError_, key_from_source
from proofcheck.grade.rubric import Rubric
from proofcheck.grade.student import grade_student
from proofcheck.grade.submissions import discover, safe_name
from proofcheck.options import Options
from proofcheck.source import split_lines

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

OPTIONS = Options(workers=2)
T1_HEAD = r"""problem T1
let x_1 = \mathrm{ReLU}(x_0 w_0 + b_0)
let y_1 = x_1 w_1 + b_1
let z = \mathrm{ReLU}(y_1 + x_0)
at x_0 = 1.0, w_0 = 0.3, w_1 = -0.2, b_0 = 0.1, b_1 = -0.3
find \frac{\partial z}{\partial w_1}
"""
W1 = r"\frac{\partial z}{\partial w_1} = \frac{\partial \mathrm{ReLU}(y_1 + x_0)}{\partial w_1} = (y_1 + x_0 > 0) x_1"


def key(text: str):
    return key_from_source(split_lines("key.proof", text))


def grade(k, text: str, tmp_path, name="s.proof"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return grade_student(k, "s", [(name, str(path))], OPTIONS)


def test_directives_by_scope():
    k = key("% grade: points 3; min-steps 4\nproblem A\n% grade: work 5; attempts first\nlet f = x^2\n"
            "show \\frac{d f}{d x} = 2 x   % grade: points 7; milestone required\nshow f = x x\n")
    p = k.problems[0]
    assert p.rubric == Rubric(points=3.0, min_steps=4, work=5.0, attempts="first")
    assert [(g.points, g.milestone, g.required) for g in p.goals] == [(7.0, True, True), (3.0, False, False)]
    assert p.max_points == 15.0


@pytest.mark.parametrize("line, what", [
    ("% grade: pointz 2", "unknown rubric item"), ("% grade: points -1", "must be a number"),
    ("% grade: attempts sometimes", "`attempts` is"), ("% grade: answer-only 2", "between 0 and 1"),
    ("% grade: milestone", "belongs at the end"), ("let y = 2   % grade: points 2", "belongs on a `show`/`find` line"),
])
def test_bad_directives_are_located(line, what):
    with pytest.raises(KeyError_) as exc:
        key(f"problem A\nlet f = x^2\n{line}\nshow f = x x\n")
    (ln, msg), = exc.value.problems
    assert ln == 3 and what in msg, (ln, msg)


def test_a_key_problem_needs_a_goal():
    with pytest.raises(KeyError_):
        key("problem A\nlet f = x^2\n")


def test_tolerance_accepts_close_approx_answers(tmp_path):
    body = f"{W1} = (0.62 > 0)(0.4) \\approx 0.405\n"
    strict = grade(key(T1_HEAD), "problem T1\n" + body, tmp_path)
    loose = grade(key("% grade: tolerance 0.01\n" + T1_HEAD), "problem T1\n" + body, tmp_path)
    far = grade(key("% grade: tolerance 0.001\n" + T1_HEAD), "problem T1\n" + body, tmp_path)
    assert strict.problems[0].goals[0].status != "met" and far.problems[0].goals[0].status != "met"
    assert loose.problems[0].goals[0].status == "met"


def test_attempts_policies(tmp_path):
    text = "problem T1\n" + r"\frac{\partial z}{\partial w_1} = 0.5" + "\n\n" + W1 + " = 0.4\n"
    points = {}
    for policy in ("first", "best", "penalty 0.25"):
        r = grade(key(f"% grade: attempts {policy}\n" + T1_HEAD), text, tmp_path)
        points[policy] = r.problems[0].goals[0].points
    assert points == {"first": 0.0, "best": 1.0, "penalty 0.25": 0.75}


def test_required_milestone(tmp_path):
    k = key("problem A\nlet g = x^2\nlet f = g^2\n"
            "show \\frac{d g}{d x} = 2 x   % grade: milestone required\nshow \\frac{d f}{d x} = 4 x^3\n")
    main = "\\frac{d f}{d x} = 2 g \\frac{d g}{d x} = 2 x^2 \\cdot 2 x = 4 x^3\n"
    with_it = grade(k, "problem A\n\\frac{d g}{d x} = \\frac{d}{d x} x^2 = 2 x\n\n" + main, tmp_path).problems[0].goals
    without = grade(k, "problem A\n" + main, tmp_path).problems[0].goals
    assert with_it[0].status == "met" and with_it[1].points == 1.0
    assert without[0].status != "met" and without[1].status == "met" and without[1].points == 0.5


def test_deductions_for_mistakes_and_unknowns(tmp_path):
    text = "problem T1\n" + W1 + " = 0.5\n"  # one refuted step
    plain = grade(key(T1_HEAD), text, tmp_path).problems[0]
    docked = grade(key("% grade: mistake 0.25\n" + T1_HEAD), text, tmp_path).problems[0]
    assert plain.deductions == 0 and docked.deductions == 0.25
    assert abs(plain.points - docked.points - 0.25) < 1e-9


def test_submission_layouts(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "hw.proof").write_text("x")
    (tmp_path / "alice" / ".DS_Store").write_text("x")
    (tmp_path / "bob.proof").write_text("x")
    (tmp_path / "__MACOSX").mkdir()
    subs = discover(str(tmp_path))
    assert [(s.student, [n for n, _ in s.files]) for s in subs] == [("alice", ["hw.proof"]), ("bob", ["bob.proof"])]


def test_gradescope_export_layout(tmp_path):
    pytest.importorskip("yaml")
    (tmp_path / "submission_123").mkdir()
    (tmp_path / "submission_123" / "hw.proof").write_text("x")
    (tmp_path / "submission_124").mkdir()
    (tmp_path / "submission_metadata.yml").write_text(
        "submission_123:\n  :submitters:\n  - :name: Ada Lovelace\n    :sid: '1815'\n    :email: ada@example.com\n"
        "submission_124:\n  :submitters:\n  - :name: No Sid\n    :email: nosid@example.com\n", encoding="utf-8")
    assert [s.student for s in discover(str(tmp_path))] == ["1815", "nosid@example.com"]


def test_safe_names_never_collide():
    ids = ["alice", "a/b", "a_b", "../x", "é", "e"]
    names = [safe_name(i) for i in ids]
    assert names[0] == "alice" and len(set(names)) == len(names)
    assert all("/" not in n and not n.startswith(".") for n in names)


def test_wrong_file_name_and_submit_directive(tmp_path):
    k = key("% grade: submit hw1.proof\n" + T1_HEAD)
    (tmp_path / "other.proof").write_text("problem T1\n" + W1 + " = 0.4\n", encoding="utf-8")
    r = grade_student(k, "s", [("other.proof", str(tmp_path / "other.proof"))], OPTIONS)
    assert r.total == 0 and r.status == "wrong-file" and "hw1.proof" in r.messages[0].text
    assert os.path.exists(tmp_path / "other.proof")


def _grades(r):
    return [(s.line, s.grade) for s in r.problems[0].steps]


def test_carried_only_when_consistent_with_the_students_value(tmp_path):
    head = T1_HEAD.replace("find", "let x_1 = \\mathrm{ReLU}(x_0 w_0 + b_0)\nfind")
    claim = "let y_0 = x_0 w_0 + b_0 = 0.3 + 0.1 = 0.5\n"  # a slip: 0.4
    consistent = grade(key(head), "problem T1\n" + claim + "let v = \\mathrm{ReLU}(y_0) = \\mathrm{ReLU}(0.5) = 0.5\n", tmp_path)
    neither = grade(key(head), "problem T1\n" + claim + "let v = \\mathrm{ReLU}(y_0) = \\mathrm{ReLU}(0.6) = 0.6\n", tmp_path)
    assert ("carried" in [g for _, g in _grades(consistent)]) and "carried" not in [g for _, g in _grades(neither)]
    # a derivative step is never carried, even when a frozen value would make it hold
    deriv = grade(key(head), "problem T1\n" + claim + r"\frac{\partial y_0}{\partial w_0} = 0" + "\n", tmp_path)
    assert [g for _, g in _grades(deriv)][-1] == "refuted"


def test_a_claimed_given_value_is_never_carried(tmp_path):
    """`x_0 = 2` written as a chain would change the given point through the back door."""
    head = T1_HEAD.replace("find", "let x_1 = \\mathrm{ReLU}(x_0 w_0 + b_0)\nfind")
    r = grade(key(head), "problem T1\nx_0 = 2\n\nlet u = x_0 w_0 = (2)(0.3) = 0.6\n", tmp_path)
    assert "carried" not in [g for _, g in _grades(r)]
