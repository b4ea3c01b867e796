"""The outputs of `proofcheck grade`: their shapes against the published formats, determinism, resume,
budgets, feedback levels, the Gradescope bundle and the PrairieLearn mode.

The Gradescope and PrairieLearn validators below encode their published specifications field by
field (Gradescope: "Autograder Specifications", results.json; PrairieLearn: "External Grading",
grading results): every key must be one the format defines, with the type and values it allows.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from proofcheck.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS = os.path.join(HERE, "class")
KEY = os.path.join(HERE, "key.proof")
SMALL = ("s000", "s005", "s009", "x_garbage", "x_binary")  # correct; a typo and a dropped factor; tampering and shotgun; bad files

# ------------------------------------------------------------------ the published formats

GS_VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
GS_FORMATS = {"text", "html", "simple_format", "md", "ansi"}
GS_TOP = {"score": (int, float), "execution_time": (int, float), "output": str, "output_format": str,
          "test_output_format": str, "test_name_format": str, "visibility": str, "stdout_visibility": str,
          "extra_data": dict, "tests": list, "leaderboard": list}
GS_TEST = {"score": (int, float), "max_score": (int, float), "status": str, "name": str, "name_format": str,
           "number": str, "output": str, "output_format": str, "tags": list, "visibility": str, "extra_data": dict}


def gradescope_errors(d: dict) -> list[str]:
    """Deviations of a results.json from Gradescope's autograder specification."""
    out = []
    for k, v in d.items():
        if k not in GS_TOP:
            out.append(f"unknown top-level key {k}")
        elif not isinstance(v, GS_TOP[k]) or isinstance(v, bool):
            out.append(f"{k} has type {type(v).__name__}")
    for k in ("visibility", "stdout_visibility"):
        if k in d and d[k] not in GS_VISIBILITY:
            out.append(f"{k} = {d[k]}")
    for k in ("output_format", "test_output_format", "test_name_format"):
        if k in d and d[k] not in GS_FORMATS:
            out.append(f"{k} = {d[k]}")
    tests = d.get("tests", [])
    if "score" not in d and not all("score" in t for t in tests):
        out.append("no top-level score and a test without one")
    for t in tests:
        for k, v in t.items():
            if k not in GS_TEST:
                out.append(f"unknown test key {k}")
            elif not isinstance(v, GS_TEST[k]) or isinstance(v, bool):
                out.append(f"test {k} has type {type(v).__name__}")
        if t.get("status", "passed") not in ("passed", "failed"):
            out.append(f"test status {t['status']}")
        if t.get("visibility", "visible") not in GS_VISIBILITY:
            out.append(f"test visibility {t['visibility']}")
        for k in ("output_format", "name_format"):
            if k in t and t[k] not in GS_FORMATS:
                out.append(f"test {k} = {t[k]}")
    return out


PL_TOP = {"gradable": bool, "score": (int, float), "message": str, "output": str, "images": list, "tests": list,
          "format_errors": (str, list)}
PL_TEST = {"name": str, "description": str, "points": (int, float), "max_points": (int, float), "message": str,
           "output": str, "images": list}
PL_MAX_BYTES = 1_000_000


def prairielearn_errors(d: dict, size: int) -> list[str]:
    """Deviations of a results.json from PrairieLearn's external-grading results format."""
    out = []
    if size > PL_MAX_BYTES:
        out.append("larger than 1 MB")
    for k, v in d.items():
        if k in PL_TOP and (not isinstance(v, PL_TOP[k]) or (isinstance(v, bool) and PL_TOP[k] is not bool)):
            out.append(f"{k} has type {type(v).__name__}")
    if d.get("gradable", True):
        if "score" not in d or not 0.0 <= d["score"] <= 1.0:
            out.append("a gradable result needs a score in [0, 1]")
    elif "format_errors" in d and isinstance(d["format_errors"], list) and not all(isinstance(x, str) for x in d["format_errors"]):
        out.append("format_errors must be strings")
    for t in d.get("tests", []):
        for k, v in t.items():
            if k in PL_TEST and (not isinstance(v, PL_TEST[k]) or isinstance(v, bool)):
                out.append(f"test {k} has type {type(v).__name__}")
    return out


def test_the_validators_can_fail():
    assert gradescope_errors({"score": 1, "tests": [{"status": "partial", "visibility": "students"}], "oops": 1})
    assert gradescope_errors({"tests": [{"name": "no score"}]})
    assert prairielearn_errors({"gradable": True, "score": 1.5}, 10)
    assert prairielearn_errors({"gradable": True}, 10)
    assert prairielearn_errors({"score": 0.5}, PL_MAX_BYTES + 1)


# ------------------------------------------------------------------ a small class, graded once


def _copy(names, dest):
    os.makedirs(dest, exist_ok=True)
    for entry in os.listdir(CLASS):
        if entry.split(".")[0] in names:
            src = os.path.join(CLASS, entry)
            (shutil.copytree if os.path.isdir(src) else shutil.copyfile)(src, os.path.join(dest, entry))
    return dest


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    subs = _copy(SMALL, str(root / "subs"))
    out = str(root / "out")
    assert main(["grade", KEY, subs, "--out", out, "--jobs", "2"]) == 0
    return subs, out


def _read(path):
    with open(path, "rb") as fh:
        return fh.read()


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_grades_csv_and_lms_variants(graded):
    _, out = graded
    with open(os.path.join(out, "grades.csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["student", "total", "max_total", "T1", "T4"]
    assert [r[0] for r in rows[1:]] == sorted(SMALL)
    for r in rows[1:]:
        assert abs(float(r[1]) - float(r[3]) - float(r[4])) < 1e-3 and r[2] == "9"
    with open(os.path.join(out, "grades_canvas.csv"), encoding="utf-8") as fh:
        canvas = list(csv.reader(fh))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "HW1"]
    assert canvas[1][0] == "Points Possible" and canvas[1][5] == "9"
    with open(os.path.join(out, "grades_nbgrader.csv"), encoding="utf-8") as fh:
        nb = list(csv.DictReader(fh))
    assert {r["student_id"] for r in nb} == set(SMALL) and all(r["max_score"] == "9" for r in nb)


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_results_json_schema(graded):
    _, out = graded
    with open(os.path.join(out, "results.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["schema"] == "proofcheck-grades/1"
    assert [p["name"] for p in data["key"]["problems"]] == ["T1", "T4"]
    student = {s["student"]: s for s in data["students"]}["s000"]
    assert set(student) >= {"student", "status", "total", "max_total", "files", "sha256", "review", "problems", "messages"}
    p = student["problems"][0]
    assert set(p) >= {"name", "status", "points", "max_points", "goals", "steps", "messages", "lines"}
    assert set(p["goals"][0]) >= {"id", "kind", "text", "status", "reason", "points", "max_points", "chain_lines"}
    assert set(p["steps"][0]) >= {"line", "column", "chain", "verdict", "grade", "compared_with"}


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_gradescope_results_follow_the_specification(graded):
    _, out = graded
    for name in SMALL:
        path = os.path.join(out, "gradescope", name, "results.json")
        with open(path, encoding="utf-8") as fh:
            d = json.load(fh)
        assert gradescope_errors(d) == [], (name, gradescope_errors(d))
        total = sum(t["score"] for t in d["tests"])
        assert abs(total - d["score"]) < 1e-3, name


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_same_input_same_bytes(graded, tmp_path):
    subs, out = graded
    again = str(tmp_path / "again")
    assert main(["grade", KEY, subs, "--out", again, "--jobs", "1"]) == 0
    for rel in ("grades.csv", "grades_canvas.csv", "results.json", "index.html", "feedback/s005.html",
                "gradescope/s009/results.json"):
        assert _read(os.path.join(out, rel)) == _read(os.path.join(again, rel)), rel


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_resume_grades_only_what_changed(graded, tmp_path):
    subs, out = graded
    work = str(tmp_path / "out")
    shutil.copytree(out, work)
    before = {n: os.stat(os.path.join(work, "records", n)).st_mtime_ns for n in os.listdir(os.path.join(work, "records"))}
    changed = str(tmp_path / "subs")
    shutil.copytree(subs, changed)
    with open(os.path.join(changed, "s000.proof"), "a", encoding="utf-8") as fh:
        fh.write("\n% a comment changes the file, so s000 is graded again\n")
    assert main(["grade", KEY, changed, "--out", work, "--resume"]) == 0
    after = {n: os.stat(os.path.join(work, "records", n)).st_mtime_ns for n in os.listdir(os.path.join(work, "records"))}
    regraded = {n for n in before if after[n] != before[n]}
    assert regraded == {"s000.json"}


def test_a_submission_over_its_budget_is_flagged_not_fatal(tmp_path):
    subs = _copy(("s000", "x_binary"), str(tmp_path / "subs"))
    out = str(tmp_path / "out")
    assert main(["grade", KEY, subs, "--out", out, "--submission-timeout", "0.05"]) == 1
    with open(os.path.join(out, "results.json"), encoding="utf-8") as fh:
        recs = {s["student"]: s for s in json.load(fh)["students"]}
    assert recs["s000"]["status"] == "error" and recs["s000"]["review"] and recs["s000"]["total"] == 0
    assert any(m["kind"] == "grading-stopped" for m in recs["s000"]["messages"])


@pytest.mark.slow  # the small class is graded once for these (seconds): CI runs them
def test_feedback_levels_hide_values(graded, tmp_path):
    subs, out = graded
    with open(os.path.join(out, "feedback", "s005.html"), encoding="utf-8") as fh:
        full = fh.read()
    assert "left side = " in full  # the refuted step's values, shown at the default level
    hidden = str(tmp_path / "steps")
    assert main(["grade", KEY, subs, "--out", hidden, "--feedback", "steps"]) == 0
    with open(os.path.join(hidden, "feedback", "s005.html"), encoding="utf-8") as fh:
        page = fh.read()
    assert "left side = " not in page and "counterexample:" not in page and "✗" in page
    with open(os.path.join(hidden, "gradescope", "s005", "results.json"), encoding="utf-8") as fh:
        assert "left side = " not in fh.read()


# ------------------------------------------------------------------ single-submission modes


@pytest.mark.slow  # grades or fills memory for seconds (10-20 s of the default run): CI runs it
def test_prairielearn_mode(tmp_path):
    for name, gradable in (("s000", True), ("x_garbage", False), ("x_binary", False)):
        src = os.path.join(CLASS, name + ".proof") if os.path.exists(os.path.join(CLASS, name + ".proof")) else os.path.join(CLASS, name)
        out = str(tmp_path / name)
        assert main(["grade", KEY, src, "--out", out, "--single", "prairielearn"]) == 0
        assert os.listdir(out) == ["results.json"]
        raw = _read(os.path.join(out, "results.json"))
        d = json.loads(raw)
        assert prairielearn_errors(d, len(raw)) == [], (name, prairielearn_errors(d, len(raw)))
        assert d["gradable"] is gradable
        if gradable:
            assert d["score"] == 1.0


@pytest.mark.slow  # grades or fills memory for seconds (10-20 s of the default run): CI runs it
def test_gradescope_bundle_runs_like_gradescope(tmp_path):
    bundle = str(tmp_path / "bundle")
    assert main(["gradescope-bundle", KEY, "--out", bundle]) == 0
    with zipfile.ZipFile(os.path.join(bundle, "autograder.zip")) as z:
        names = z.namelist()
        assert "setup.sh" in names and "run_autograder" in names and "key.proof" in names  # at the root
        assert (z.getinfo("run_autograder").external_attr >> 16) & 0o111
        root = tmp_path / "autograder"
        z.extractall(root / "source")
    os.chmod(root / "source" / "run_autograder", 0o755)
    shutil.copytree(os.path.join(CLASS, "s005"), root / "submission")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with open(root / "results" / "results.json", encoding="utf-8") as fh:
        d = json.load(fh)
    assert gradescope_errors(d) == []
    with open(os.path.join(HERE, "expected.csv"), encoding="utf-8") as fh:
        want = {r["student"]: float(r["total"]) for r in csv.DictReader(fh)}["s005"]
    assert abs(d["score"] - want) < 1e-3
    # the bundle runs its own copy of proofcheck, not the installed one
    assert os.path.isfile(root / "source" / "lib" / "proofcheck" / "_grammar" / "proof.lark")


def test_a_bad_key_is_a_usage_error(tmp_path, capsys):
    key = tmp_path / "key.proof"
    key.write_text("problem A\nlet x = 1\n% grade: points lots\n", encoding="utf-8")
    assert main(["grade", str(key), CLASS, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no `show` or `find` goal" in err and "takes a number" in err
