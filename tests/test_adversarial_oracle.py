"""The independent oracle of the adversarial suite (tests/adversarial/oracle.py, no SymPy):

- every claim it restates is really false: it finds a point where the two sides differ;
- every claim marked `expect: refuted` or `expect: unknown` in the families it covers has an entry,
  and every entry names such a line (so the suite and its oracle cannot drift apart).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from test_corpus import parse_expectations  # tests/ is on sys.path (rootdir import mode)

ROOT = Path(__file__).resolve().parent / "adversarial"
sys.path.insert(0, str(ROOT))

import oracle  # noqa: E402

NOT_ACCEPTED = {"refuted", "unknown"}


def _false_lines() -> dict[tuple[str, str], int]:
    """(family/file, claim text) -> line, for every line expected not to be accepted."""
    out = {}
    for family in oracle.ORACLE_FAMILIES:
        for path in sorted((ROOT / family).glob("*.proof")):
            text = path.read_text(encoding="utf-8")
            expect = parse_expectations(text)
            lines = text.split("\n")
            for number, le in expect.lines.items():
                if le.steps and all(allowed <= NOT_ACCEPTED for allowed in le.steps):
                    claim = lines[number - 1].split("%")[0].strip()
                    out[(f"{family}/{path.name}", claim)] = number
    return out


@pytest.mark.parametrize("claim", oracle.CLAIMS, ids=lambda c: f"{c.file}:{c.text[:40]}")
def test_oracle_finds_a_witness(claim):
    assert oracle.witness(claim) is not None, f"{claim.file}: `{claim.text}` looks true to the oracle"


def test_every_false_claim_has_an_oracle_entry():
    lines = _false_lines()
    entries = {(c.file, c.text) for c in oracle.CLAIMS}
    missing = sorted(f"{f}:{lines[(f, t)]}: {t}" for f, t in lines.keys() - entries)
    stray = sorted(f"{f}: {t}" for f, t in entries - lines.keys())
    assert not missing, "false claims without an oracle entry:\n  " + "\n  ".join(missing)
    assert not stray, "oracle entries that name no false claim:\n  " + "\n  ".join(stray)
    assert len(entries) >= 50


def test_oracle_is_not_fooled_by_a_true_claim():
    """The witness search itself: a true claim in the same style has no witness."""
    true = oracle.Claim("sizes/none", "", lambda e: (oracle.S(1, e.N, lambda j: 2 * j - 1), e.N ** 2))
    assert oracle.witness(true) is None
