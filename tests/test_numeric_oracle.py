"""The numeric families' independent oracle (tests/adversarial/numeric_oracle.py, no SymPy, no proofcheck).

Each false claim of the precision, regions, domains, refutations and approx families must really be
false at its witness, each true claim true at random points, and every claim the suite expects to be
refuted must carry an oracle id (so no false claim in the suite is unverified).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import sys

import pytest

from test_corpus import parse_expectations  # tests/ is on sys.path (rootdir import mode)

ROOT = Path(__file__).resolve().parent / "adversarial"
sys.path.insert(0, str(ROOT))

import numeric_oracle as oracle  # noqa: E402
FAMILIES = ("precision", "regions", "domains", "refutations", "approx")
MIN_FALSE_CLAIMS = 100

_TAG = re.compile(r"oracle:\s*([A-Z0-9b ]+?)\s*(?:;|$)")
_FALSE = {c.id for c in oracle.CLAIMS if c.false} | {a.id for a in oracle.APPROX if a.false}
_TRUE = oracle.ids() - _FALSE


def _tagged_lines():
    """(file, line number, ids on the line, the line's step expectations or None)."""
    out = []
    for family in FAMILIES:
        for path in sorted((ROOT / family).glob("*.proof")):
            text = path.read_text(encoding="utf-8")
            expect = parse_expectations(text)
            for number, raw in enumerate(text.split("\n"), start=1):
                m = _TAG.search(raw)
                ids = m.group(1).split() if m else []
                le = expect.lines.get(number)
                out.append((path.relative_to(ROOT), number, ids, le.steps if le else None))
    return out


def test_every_refuted_claim_has_a_witness_in_the_oracle():
    seen_false: dict[str, str] = {}
    for path, number, ids, steps in _tagged_lines():
        where = f"{path}:{number}"
        unknown = [i for i in ids if i not in oracle.ids()]
        assert not unknown, f"{where}: oracle ids {unknown} are not in the oracle"
        refuted = sum(1 for s in (steps or []) if s <= {"refuted", "unknown"} and "refuted" in s)
        false_ids = [i for i in ids if i in _FALSE]
        assert len(false_ids) == refuted, f"{where}: {refuted} refuted step(s) but false oracle ids {false_ids}"
        for i in false_ids:
            assert i not in seen_false, f"{where}: {i} is already the witness of {seen_false[i]}"
            seen_false[i] = where
    assert set(seen_false) == _FALSE, f"oracle claims no file uses: {sorted(_FALSE - set(seen_false))}"
    assert len(_FALSE) >= MIN_FALSE_CLAIMS, f"only {len(_FALSE)} false claims"


def test_every_true_id_is_used():
    used = {i for _, _, ids, _ in _tagged_lines() for i in ids}
    assert _TRUE <= used, f"true oracle claims no file uses: {sorted(_TRUE - used)}"


@pytest.mark.parametrize("claim", [c for c in oracle.CLAIMS if c.false], ids=lambda c: c.id)
def test_false_claim_is_false_at_its_witness(claim):
    assert oracle.check_false(claim) == "", claim.text


@pytest.mark.parametrize("claim", [c for c in oracle.CLAIMS if not c.false], ids=lambda c: c.id)
def test_true_claim_is_true_at_random_points(claim):
    assert oracle.check_true(claim, random.Random(claim.id)) == "", claim.text


@pytest.mark.parametrize("claim", oracle.APPROX, ids=lambda a: a.id)
def test_approx_claim(claim):
    assert oracle.check_approx(claim) == "", claim.text


def test_the_oracle_can_fail():
    """The checks are not vacuous: a true claim posing as false, and the reverse, are caught."""
    true_as_false = oracle.Claim("X1", "x + 1 = 1 + x", lambda v: v["x"] + 1, lambda v: 1 + v["x"], {"x": oracle.F(2)})
    assert oracle.check_false(true_as_false) != ""
    false_as_true = oracle.Claim("X2", "x = 0", lambda v: v["x"], lambda v: 0, sample={"x": (-5, 5)})
    assert oracle.check_true(false_as_true, random.Random(0)) != ""
    isolated = oracle.Claim("X3", "x/x = 1 at x = 0 as a domain witness", lambda v: oracle.div(v["x"], v["x"]),
                            lambda v: 1, {"x": oracle.F(0)})
    assert oracle.check_false(isolated) != ""  # undefined at one point only: not a domain mismatch
    tiny = oracle.Claim("X4", "1 + e^-200 = 1 at 30 digits", lambda v: 1 + oracle.exp(-200), lambda v: oracle.R(1), {}, digits=30)
    assert oracle.check_false(tiny) != ""  # too few digits to see it: the oracle says so rather than guess
