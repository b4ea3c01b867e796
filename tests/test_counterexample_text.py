"""How a counterexample's values read (check/counterexample._cx_text): entries in the order a student counts
them, and a run of one family's entries with one value written once."""

from __future__ import annotations

from proofcheck.check.counterexample import _cx_text


def test_entries_in_counting_order_and_runs_shortened():
    values = {f"x_{k}": "0" for k in range(2, 32)}
    values["x_1"] = "-1.01653"
    assert _cx_text({"sizes": {"N": 31}, "values": values}) == "N = 31, x_1 = -1.01653, x_2, ..., x_31 = 0"


def test_short_runs_and_other_values_stay_written_out():
    values = {"x_10": "0", "x_2": "0", "x_3": "0", "y": "2", "w_1": "1", "w_2": "2"}
    assert _cx_text({"values": values}) == "w_1 = 1, w_2 = 2, x_2 = 0, x_3 = 0, x_10 = 0, y = 2"
