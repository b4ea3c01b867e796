"""Red-team cases for `proofcheck grade`: false credit and false penalties (tests/grading/redteam/).

Each case folder is graded once with the CLI; every student's points (results.json and grades.csv)
are compared with the points computed by hand in its expected.json. A student whose entry has a
`bug` exposes a grading bug and is `xfail(strict=True)`: the suite stays green while the bug is
recorded, and turns red when it is fixed (then the `bug` line goes). The cases that cannot be
plain files (symbolic links, `--resume` after a key change, Gradescope group exports, the feedback
pages) are tests of their own below.
"""

from __future__ import annotations

import csv
import json
import os

import pytest

from proofcheck.cli import main
from proofcheck.grade.submissions import discover

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "redteam")
EXACT = 5e-5  # points are rounded to 4 decimals: equal means equal to that precision
A_KEY = r"""problem A
let f = x^3 + 2 x
show \frac{d f}{d x} = 3 x^2 + 2
"""
A_SOLUTION = r"\frac{d f}{d x} = \frac{d}{d x}(x^3 + 2 x) = 3 x^2 + 2" + "\n"


def _cases() -> list[str]:
    return sorted(d for d in os.listdir(CASES) if os.path.isfile(os.path.join(CASES, d, "expected.json")))


def _expected(case: str) -> dict:
    with open(os.path.join(CASES, case, "expected.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _params():
    out = []
    for case in _cases():
        expected = _expected(case)
        slow = [pytest.mark.slow] if expected.get("slow") else []  # `"slow": "reason"`: run by CI, not by default
        for student, e in sorted(expected["students"].items()):
            marks = slow + ([pytest.mark.xfail(strict=True, reason=e["bug"])] if e.get("bug") else [])
            out.append(pytest.param(case, student, id=f"{case}-{student}", marks=marks))
    return out


def grade(key: str, subs: str, out: str, *extra: str) -> tuple[dict[str, dict], dict[str, dict]]:
    """Run `proofcheck grade`; the grades.csv rows and the results.json records, by student."""
    assert main(["grade", key, subs, "--out", out, "--jobs", "2", *extra]) == 0
    with open(os.path.join(out, "grades.csv"), encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    with open(os.path.join(out, "results.json"), encoding="utf-8") as fh:
        records = {s["student"]: s for s in json.load(fh)["students"]}
    return rows, records


_GRADED: dict[str, tuple[dict, dict, str]] = {}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade a case folder once per module run: case -> (csv rows, records, output folder)."""

    def get(case: str):
        if case not in _GRADED:
            out = str(tmp_path_factory.mktemp(case) / "out")
            folder = os.path.join(CASES, case)
            rows, records = grade(os.path.join(folder, "key.proof"), os.path.join(folder, "subs"), out)
            _GRADED[case] = (rows, records, out)
        return _GRADED[case]

    yield get
    _GRADED.clear()


@pytest.mark.parametrize("case, student", _params())
def test_points(graded, case, student):
    e = _expected(case)["students"][student]
    rows, records, _ = graded(case)
    rec, row = records[student], rows[student]
    got = {p["name"]: p["points"] for p in rec["problems"]}
    for name, points in e["points"].items():
        assert abs(got[name] - points) < EXACT, f"{name}: {got[name]} (results.json), expected {points}: {e['why']}"
        assert abs(float(row[name]) - points) < EXACT, f"{name}: {row[name]} (grades.csv), expected {points}"
    assert abs(rec["total"] - e["total"]) < EXACT, (rec["total"], e["total"], e["why"])
    assert abs(float(row["total"]) - e["total"]) < EXACT, (row["total"], e["total"])
    if "review" in e:
        assert rec["review"] == e["review"], (rec["review"], [m["kind"] for p in rec["problems"] for m in p["messages"]])
    if "status" in e:
        assert rec["status"] == e["status"], (rec["status"], rec["messages"])


def _case_params():
    """One param per case, marked slow as its expected.json says (a slow case is graded by CI only)."""
    return [pytest.param(case, id=case, marks=[pytest.mark.slow] if _expected(case).get("slow") else [])
            for case in _cases()]


@pytest.mark.parametrize("case", _case_params())
def test_grades_csv_totals_are_the_sum_of_the_problem_columns(graded, case):
    """Whatever the rounding, a spreadsheet that adds the problem columns gets the total."""
    rows, _, _ = graded(case)
    for student, row in rows.items():
        problems = [k for k in row if k not in ("student", "total", "max_total")]
        assert abs(sum(float(row[k]) for k in problems) - float(row["total"])) < EXACT, (student, row)


@pytest.mark.parametrize("case", ["feedback_leak", "header_tamper"])
def test_gradescope_results_follow_the_spec(graded, case):
    """Gradescope's results.json: the score is the total; one test per goal and per problem's work, each
    with a score and max_score; a status, when given, is passed or failed; visibility is one of the
    documented values."""
    _, records, out = graded(case)
    for student, rec in records.items():
        with open(os.path.join(out, "gradescope", student, "results.json"), encoding="utf-8") as fh:
            gs = json.load(fh)
        assert gs["score"] == rec["total"]
        assert abs(sum(t["max_score"] for t in gs["tests"]) - rec["max_total"]) < EXACT
        for t in gs["tests"]:
            assert {"name", "score", "max_score"} <= set(t)
            assert t.get("status", "passed") in ("passed", "failed")
            assert t.get("visibility", "visible") in ("hidden", "after_due_date", "after_published", "visible")


def test_feedback_at_the_steps_level_does_not_show_the_answer(graded):
    """feedback_leak's key says `feedback steps`: z = 1.25 must appear on no page its students see."""
    _, records, out = graded("feedback_leak")
    for student in records:
        pages = [os.path.join(out, "feedback", f"{student}.html"), os.path.join(out, "gradescope", student, "results.json")]
        for page in pages:
            with open(page, encoding="utf-8") as fh:
                assert "1.25" not in fh.read(), (student, page)


def test_same_inputs_same_bytes(graded, tmp_path):
    """Grading the same class again (with another number of jobs) writes byte-identical outputs."""
    _, _, first = graded("padding")
    folder = os.path.join(CASES, "padding")
    again = str(tmp_path / "again")
    assert main(["grade", os.path.join(folder, "key.proof"), os.path.join(folder, "subs"), "--out", again, "--jobs", "1"]) == 0
    for root, _, names in os.walk(first):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as a, open(os.path.join(again, os.path.relpath(path, first)), "rb") as b:
                assert a.read() == b.read(), os.path.relpath(path, first)


def test_links_out_of_a_submission_are_not_read(tmp_path):
    """A student's file or folder that is a symbolic link to something outside the student's own folder
    (the key with its worked solution, another student's work) is not that student's work: 0 points.
    On Gradescope, /autograder/source/key.proof sits next to /autograder/submission."""
    key = tmp_path / "source" / "key.proof"
    key.parent.mkdir()
    key.write_text(A_KEY + "\n" + A_SOLUTION, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "work.proof").write_text("problem A\n" + A_SOLUTION, encoding="utf-8")
    subs = tmp_path / "subs"
    (subs / "mallory").mkdir(parents=True)
    os.symlink(key, subs / "mallory" / "hw.proof")
    (subs / "eve").mkdir()
    os.symlink(tmp_path / "elsewhere", subs / "eve" / "mine")
    rows, records = grade(str(key), str(subs), str(tmp_path / "out"))
    assert records["mallory"]["total"] == 0 and records["eve"]["total"] == 0, rows


def test_resume_never_keeps_a_grade_from_another_key(tmp_path):
    """Key 1 grades a and b; key 2 (goal worth 10) is tried on a alone with --resume, then run on the
    class with --resume: b must be graded with key 2 (15 points), not kept from key 1 (1.5)."""
    k1, k2 = tmp_path / "k1.proof", tmp_path / "k2.proof"
    k1.write_text(A_KEY, encoding="utf-8")
    k2.write_text(A_KEY.replace("problem A\n", "problem A\n% grade: points 10\n"), encoding="utf-8")
    everyone, one = tmp_path / "all", tmp_path / "one"
    everyone.mkdir()
    one.mkdir()
    for folder, names in ((everyone, ("a", "b")), (one, ("a",))):
        for s in names:
            (folder / f"{s}.proof").write_text("problem A\n" + A_SOLUTION, encoding="utf-8")
    out = str(tmp_path / "out")
    grade(str(k1), str(everyone), out)
    grade(str(k2), str(one), out, "--resume")
    rows, records = grade(str(k2), str(everyone), out, "--resume")
    assert records["a"]["total"] == 15 and records["b"]["total"] == 15, rows


def test_every_member_of_a_gradescope_group_gets_the_grade(tmp_path):
    """A Gradescope group submission lists every member under :submitters:; each must get a row."""
    pytest.importorskip("yaml")
    (tmp_path / "submission_1").mkdir()
    (tmp_path / "submission_1" / "hw.proof").write_text("problem A\n" + A_SOLUTION, encoding="utf-8")
    (tmp_path / "submission_metadata.yml").write_text(
        "submission_1:\n  :submitters:\n  - :name: Ada Lovelace\n    :sid: '1815'\n    :email: ada@example.com\n"
        "  - :name: Charles Babbage\n    :sid: '1791'\n    :email: cb@example.com\n", encoding="utf-8")
    assert sorted(s.student for s in discover(str(tmp_path))) == ["1791", "1815"]


def test_restating_the_goal_with_other_spacing_is_no_finding(tmp_path):
    """A student who copies the key's goal but types it with other spacing changes nothing: no review."""
    key = tmp_path / "key.proof"
    key.write_text(A_KEY, encoding="utf-8")
    subs = tmp_path / "subs"
    subs.mkdir()
    restated = A_KEY.replace("= 3 x^2 + 2", "= 3x^2+2")
    (subs / "s.proof").write_text(restated + A_SOLUTION, encoding="utf-8")
    _, records = grade(str(key), str(subs), str(tmp_path / "out"))
    assert records["s"]["total"] == 1.5, records["s"]
    assert not records["s"]["review"], [m for p in records["s"]["problems"] for m in p["messages"]]


def test_feedback_pages_never_carry_a_students_markup(tmp_path):
    """A line of a submission is text to show, never HTML: the instructor opens every feedback page."""
    key = tmp_path / "key.proof"
    key.write_text(A_KEY, encoding="utf-8")
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "mallory.proof").write_text("problem A\n" + A_SOLUTION + "\\text{<script>alert(1)</script>} = 1\n"
                                        "x = \\text{<img src=x onerror=alert(2)>}\n", encoding="utf-8")
    out = tmp_path / "out"
    grade(str(key), str(subs), str(out))
    page = (out / "feedback" / "mallory.html").read_text(encoding="utf-8").lower()
    assert "<script" not in page and "<img" not in page


def test_a_step_accepted_within_the_tolerance_is_not_reported_off(graded):
    """feedback_leak's `close` answers 1.26 for 1.25 under `tolerance 0.01`: the step is accepted, so no
    E300 ("this rounded value is off") stands next to it."""
    _, records, _ = graded("feedback_leak")
    kinds = [m["kind"] for p in records["close"]["problems"] for m in p["messages"]]
    assert "E300" not in kinds, kinds
    assert "E300" in [m["kind"] for p in records["wrong"]["problems"] for m in p["messages"]]  # the control


def test_prairielearn_results_list_the_deductions(tmp_path):
    """PrairieLearn's tests carry the points of every part, deductions included, so they add up to the score."""
    from proofcheck.grade.outputs import prairielearn_results

    key = tmp_path / "key.proof"
    key.write_text(A_KEY.replace("problem A\n", "problem A\n% grade: mistake 0.25\n"), encoding="utf-8")
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "s.proof").write_text("problem A\n" + r"\frac{d f}{d x} = 3 x^2 + 3" + "\n\n" + A_SOLUTION, encoding="utf-8")
    _, records = grade(str(key), str(subs), str(tmp_path / "out"))
    from proofcheck.grade.model import student_from_json

    rec = student_from_json(records["s"])
    assert rec.problems[0].deductions == 0.25
    pl = prairielearn_results(rec, "full")
    assert any("deductions" in t["name"] and t["points"] == -0.25 for t in pl["tests"]), pl["tests"]
    assert abs(sum(t["points"] for t in pl["tests"]) - rec.total) < EXACT


def test_a_folder_named_like_a_proof_file_gets_a_message(tmp_path):
    """`alice/hw.proof/` is a folder, not the file the student meant to submit: 0 with a message, never silence."""
    key = tmp_path / "key.proof"
    key.write_text(A_KEY, encoding="utf-8")
    (tmp_path / "subs" / "alice" / "hw.proof").mkdir(parents=True)
    _, records = grade(str(key), str(tmp_path / "subs"), str(tmp_path / "out"))
    alice = records["alice"]
    assert alice["status"] == "no-submission" and alice["total"] == 0
    assert any(m["kind"] == "folder-not-file" and "hw.proof" in m["text"] for m in alice["messages"]), alice["messages"]


def test_a_single_submission_never_reads_a_link_out_of_it(tmp_path):
    """Gradescope's /autograder/submission next to /autograder/source/key.proof: `single` skips the link."""
    from proofcheck.grade.submissions import single

    key = tmp_path / "source" / "key.proof"
    key.parent.mkdir()
    key.write_text(A_KEY + "\n" + A_SOLUTION, encoding="utf-8")
    sub = tmp_path / "submission"
    sub.mkdir()
    (sub / "mine.proof").write_text("problem A\n" + A_SOLUTION, encoding="utf-8")
    os.symlink(key, sub / "hw.proof")
    os.symlink(sub / "mine.proof", sub / "again.proof")  # a link inside the submission is the student's own
    s = single(str(sub))
    assert sorted(name for name, _ in s.files) == ["again.proof", "mine.proof"] and s.skipped == ("hw.proof",)


def test_at_point_no_still_refuses_a_step_that_holds_only_at_the_point(tmp_path):
    """The control of at_point_no: `(y_1 + x_0 > 0) x_1 = x_1` has symbols on both sides and holds only at
    the given point (W310): not credited under `at-point no`, so its chain earns no goal."""
    head = (CASES + "/at_point_no/key.proof")
    with open(head, encoding="utf-8") as fh:
        text = fh.read()
    subs = tmp_path / "subs"
    subs.mkdir()
    chain = (r"\frac{\partial z}{\partial w_1} = \frac{\partial \mathrm{ReLU}(y_1 + x_0)}{\partial w_1} = (y_1 + x_0 > 0) x_1"
             " = x_1 = 0.4\n")
    (subs / "s.proof").write_text("problem T1\n" + chain, encoding="utf-8")
    points = {}
    for policy in ("no", "yes"):
        key = tmp_path / f"{policy}.proof"
        key.write_text(text.replace("% grade: at-point no", f"% grade: at-point {policy}"), encoding="utf-8")
        _, records = grade(str(key), str(subs), str(tmp_path / policy))
        steps = records["s"]["problems"][0]["steps"]
        points[policy] = (records["s"]["problems"][0]["goals"][0]["points"], [s["grade"] for s in steps])
    assert points["no"][0] == 0 and "at-point" in points["no"][1], points
    assert points["yes"][0] == 1 and "at-point" not in points["yes"][1], points
