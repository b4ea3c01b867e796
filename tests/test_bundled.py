"""The bundled proofs (proofs/ and bench/proofs/) are honest work: every step accepted, every goal met,
no diagnostic. A reading rule that starts rejecting one of them (bench/proofs/attention.proof's
`K_{je} (V_{jd} - o_d)` became E211 for a session, unnoticed: nothing ran it) fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofcheck.options import Options
from proofcheck.pipeline import check_path
from proofcheck.results import ACCEPTED

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

REPO = Path(__file__).resolve().parent.parent
FILES = sorted((REPO / "proofs").glob("*.proof")) + sorted((REPO / "bench" / "proofs").glob("*.proof"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_bundled_proof_is_accepted(path: Path) -> None:
    result = check_path(str(path), Options(seed=0))
    assert not result.diagnostics, [f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics]
    steps = [s for p in result.problems for s in p.steps]
    assert steps and all(s.verdict in ACCEPTED for s in steps), [(s.line, s.column, s.verdict) for s in steps
                                                                 if s.verdict not in ACCEPTED]
    assert all(g.status == "met" for p in result.problems for g in p.goals)


def test_the_bundled_proofs_are_there() -> None:
    assert len(FILES) >= 12
