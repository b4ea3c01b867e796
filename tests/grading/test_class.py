"""Grade the generated class and compare with the points its generator reasoned out (make_class.py).

The default run grades one student for every variant (every category of the issue); the full class
of 120 runs in CI (`slow`). Besides the totals, the properties the points stand for are asserted
directly: no false credit (tampering, `case`, shotgun attempts, renamed problems earn no goal), no
double penalty (steps after a mistake that are consistent with it keep their credit).
"""

from __future__ import annotations

import csv
import json
import os
import shutil

import pytest

from proofcheck.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS = os.path.join(HERE, "class")
KEY = os.path.join(HERE, "key.proof")
TOLERANCE = 1e-3


def expected() -> dict[str, dict]:
    with open(os.path.join(HERE, "expected.csv"), encoding="utf-8") as fh:
        return {r["student"]: r for r in csv.DictReader(fh)}


def _subset(tmp, names: list[str]) -> str:
    sub = os.path.join(tmp, "subs")
    os.makedirs(sub)
    for entry in os.listdir(CLASS):
        if entry.split(".")[0] in names:
            src = os.path.join(CLASS, entry)
            (shutil.copytree if os.path.isdir(src) else shutil.copyfile)(src, os.path.join(sub, entry))
    return sub


def _one_per_variant(exp: dict[str, dict]) -> list[str]:
    chosen, seen = [], set()
    for name, row in sorted(exp.items()):
        fresh = {("T1", row["t1_variant"]), ("T4", row["t4_variant"])} - seen
        if fresh or not row["t1_variant"]:
            chosen.append(name)
            seen |= fresh
    return chosen


def _grade(tmp, subs: str) -> tuple[dict[str, dict], dict[str, dict]]:
    out = os.path.join(tmp, "out")
    assert main(["grade", KEY, subs, "--out", out, "--jobs", "2"]) == 0
    with open(os.path.join(out, "grades.csv"), encoding="utf-8") as fh:
        grades = {r["student"]: r for r in csv.DictReader(fh)}
    with open(os.path.join(out, "results.json"), encoding="utf-8") as fh:
        records = {s["student"]: s for s in json.load(fh)["students"]}
    return grades, records


def _check(exp: dict[str, dict], grades: dict[str, dict], records: dict[str, dict]) -> None:
    wrong = []
    for name, row in grades.items():
        e = exp[name]
        for col in ("T1", "T4", "total"):
            if abs(float(row[col]) - float(e[col])) > TOLERANCE:
                wrong.append(f"{name} {col}: expected {e[col]} ({e['t1_variant']}, {e['t4_variant']}; {e['categories']}), got {row[col]}")
        if bool(int(e["review"])) and not records[name]["review"]:
            wrong.append(f"{name}: a finding the instructor must review was not flagged ({e['categories']})")
    assert not wrong, "\n".join(wrong)
    for name, rec in records.items():
        e = exp[name]
        problems = {p["name"]: p for p in rec["problems"]}
        variants = {"T1": e["t1_variant"], "T4": e["t4_variant"]}
        for pname, variant in variants.items():
            p = problems[pname]
            statuses = [g["status"] for g in p["goals"]]
            grades_ = [s["grade"] for s in p["steps"]]
            # no false credit: a changed problem, a narrowed chain, a renamed problem earn no goal by it
            if variant in ("t4_tamper_let", "t4_tamper_show", "t4_extra_assume", "t4_defined_input", "t4_case",
                           "t4_renamed", "t4_missing", "t1_missing"):
                assert "met" not in statuses and "carried" not in statuses, (name, variant, statuses)
            if variant == "t1_case":  # `case w_1 < 0` holds at the given point (w_1 = -0.2): met by cases, as without it
                assert statuses[0] == "met" and p["goals"][0]["reason"] == "met-by-cases", (name, p["goals"][0])
            if variant == "t1_tamper_at":
                assert "carried" not in grades_, (name, "nothing carries in a changed problem")
            if variant in ("t1_shotgun_two", "t4_shotgun_two"):
                assert p["goals"][0]["failed_attempts"] == 2 and p["goals"][0]["points"] == 0, (name, p["goals"][0])
            if variant in ("t1_answer_only", "t4_answer_only"):
                assert all("answer-only" in g["factors"] for g in p["goals"]), (name, p["goals"])
            # no double penalty: one mistake, one refuted step; what follows from it keeps its credit
            if variant in ("t1_forward_slip", "t1_dropped_factor", "t4_sign_error", "t4_wrong_lemma"):
                assert grades_.count("refuted") == 1, (name, variant, grades_)
            if variant == "t1_forward_slip":
                assert grades_.count("carried") == 6 and statuses[1] == "carried", (name, grades_, statuses)
            if variant == "t4_wrong_lemma":
                by = [s for s in p["steps"] if s["grade"] == "carried"]
                assert len(by) == 1 and "lemma" in by[0]["note"], (name, p["steps"])
            if variant == "t1_seed_typo":
                assert grades_.count("jumped") == 1 and statuses[0] == "wrong", (name, grades_, statuses)


@pytest.mark.slow  # about 25 submissions graded end to end: CI runs it (the default run stays under 2 minutes)
def test_one_student_per_variant(tmp_path):
    exp = expected()
    names = _one_per_variant(exp)
    assert len(names) >= 25
    grades, records = _grade(str(tmp_path), _subset(str(tmp_path), names))
    assert set(grades) == set(names)
    _check(exp, grades, records)


@pytest.mark.slow
def test_the_whole_class(tmp_path):
    exp = expected()
    assert len(exp) >= 100
    grades, records = _grade(str(tmp_path), CLASS)
    assert set(grades) == set(exp)
    _check(exp, grades, records)


def test_the_generated_files_are_the_generators(tmp_path, monkeypatch):
    """The committed class is exactly what make_class.py writes (so the expectations describe it)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("make_class", os.path.join(HERE, "make_class.py"))
    mod = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_class", mod)  # dataclasses look their module up
    spec.loader.exec_module(mod)
    for s in mod.students():
        for rel, data in s.files.items():
            with open(os.path.join(CLASS, rel), "rb") as fh:
                assert fh.read() == data, rel
    with open(KEY, encoding="utf-8") as fh:
        assert fh.read() == mod.KEY
