"""Network facts (seed T2/T3): figures, breakdown notes, the autodiff cross-check and its fault path.

Most behaviour is covered as data in tests/corpus/network_*.proof; this file holds what a corpus
case cannot express: note texts, the cross-check backends, a simulated checker fault, and cost.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from proofcheck import network as nw
from proofcheck.options import Options
from proofcheck.diagnostics import CODES, ProofError
from proofcheck.elaborate import elaborate
from proofcheck.parse import parse_source
from proofcheck.pipeline import check_path, check_text
from proofcheck.source import Span, split_lines

REPO = Path(__file__).resolve().parents[1]
OPTIONS = Options(seed=0, timeout=30, workers=2)

SEED_NET = """network mlp
  input 30
  dense h_1 1024 relu
  dense h_2 512 relu
  dense out 1
batch 32
"""


@pytest.fixture(autouse=True)
def fresh_cross_check_cache():
    """The cross-check caches per process; a simulated fault must not leak into other tests."""
    nw._RESULTS.clear()
    nw._FAULTS.clear()
    yield
    nw._RESULTS.clear()
    nw._FAULTS.clear()


def _context(text: str):
    statements, diags = parse_source(split_lines("t.proof", text + "x = x\n"))
    problems, more = elaborate(statements)
    assert not diags and not more, [d.message for d in diags + more]
    return problems[-1].chains[-1].context


def _name(text: str):
    """A layer argument as the parser produces it (e.g. `h_{1}` -> Name h with subscript 1)."""
    statements, _ = parse_source(split_lines("t.proof", f"\\mathrm{{size}}({text}) = 0\n"))
    return statements[0].members[0].expr.factors[1].items


# (network text, function, arguments, expected value): the seed's figures and the extensions
FIGURES = [
    (SEED_NET, "size", "h_1", 32_768),
    (SEED_NET, "size", "h_2", 16_384),
    (SEED_NET, "size", "out", 32),
    (SEED_NET, "params", "h_1", 31_744),
    (SEED_NET, "params", "h_2", 524_800),
    (SEED_NET, "params", "out", 513),
    (SEED_NET, "params", "mlp", 557_057),
    (SEED_NET, "weights", "mlp", 30 * 1024 + 1024 * 512 + 512),
    (SEED_NET, "biases", "mlp", 1024 + 512 + 1),
    (SEED_NET, "width", "h_{1}", 1024),
    (SEED_NET, "width", "input", 30),
    (SEED_NET, "size", "input", 960),
    (SEED_NET, "params", "input", 0),
    (SEED_NET, "size", "mlp", 32),
    (SEED_NET, "weights", "mlp, h_2", 524_288),
    ("network n\n input 3\n dense a 4 nobias\n dense b 2\n", "params", "a", 12),
    ("network n\n input 3\n dense a 4 nobias\n dense b 2\n", "biases", "n", 2),
    ("network n\n input 3\n dense a 4\n", "size", "a", None),  # no batch line: an error, not a guess
]


@pytest.mark.parametrize("net, func, args, want", FIGURES)
def test_figures(net, func, args, want):
    ctx = _context(net)
    if want is None:
        with pytest.raises(ProofError) as exc:
            nw.resolve(ctx, func, _name(args), Span.at(1, 1))  # a diagnostic always has a place
        assert exc.value.diagnostic.code == "E500"
    else:
        assert nw.resolve(ctx, func, _name(args), None).value == want


def test_seed_proofs_are_accepted():
    for name in ("T2.proof", "T3.proof"):
        r = check_path(str(REPO / "proofs" / name), OPTIONS)
        assert r.ok, [(d.code, d.span.line, d.message) for d in r.diagnostics]
        assert sum(len(p.steps) for p in r.problems) >= 6
        assert all(s.verdict == "proved" for p in r.problems for s in p.steps)


def test_forgotten_biases_are_refuted_with_the_breakdown():
    r = check_path(str(REPO / "examples" / "T3_forgot_biases.proof"), OPTIONS)
    assert not r.ok
    refuted = [d for d in r.diagnostics if d.code == "E300"]
    assert [d.span.line for d in refuted] == [11, 12, 13, 14]
    notes = {d.span.line: d.notes for d in refuted}
    assert "params(h_1) = weights 30 x 1024 = 30720 + biases 1024 = 31744" in notes[11]
    assert "params(h_2) = weights 1024 x 512 = 524288 + biases 512 = 524800" in notes[12]
    assert "params(out) = weights 512 x 1 = 512 + biases 1 = 513" in notes[13]
    assert any(n.startswith("params(mlp) = params(h_1) 31744 + params(h_2) 524800 + params(out) 513 = 557057") for n in notes[14])


def test_breakdown_follows_let_definitions():
    text = SEED_NET + "let A = \\mathrm{size}(h_1)\nA = 1024\n"
    r = check_text(text, options=OPTIONS)
    (d,) = [d for d in r.diagnostics if d.code == "E300"]
    assert "size(h_1) = width 1024 x batch 32 = 32768" in d.notes


def test_no_breakdown_without_network_quantities():
    r = check_text(SEED_NET + "1 + 1 = 3\n", options=OPTIONS)
    (d,) = [d for d in r.diagnostics if d.code == "E300"]
    assert not any("params" in n or "size" in n for n in d.notes)


# ------------------------------------------------------------------ the cross-check


def _net(text: str):
    return _context(text).networks[-1]


def test_cross_check_agrees_with_autograd():
    facts = nw._autograd_facts(nw.layers(_net(SEED_NET)), 30, 32)
    assert facts == [("h_1", 30720, 1024, 31744, (32, 1024)), ("h_2", 524288, 512, 524800, (32, 512)), ("out", 512, 1, 513, (32, 1))]
    assert nw.cross_check(_net(SEED_NET), 32, "autograd") == []


@pytest.mark.slow  # loads PyTorch (seconds): CI runs it
def test_cross_check_agrees_with_torch():
    pytest.importorskip("torch")  # installed in CI (pip install torch==2.13.0); optional for users
    ls = nw.layers(_net(SEED_NET))
    want = nw._autograd_facts(ls, 30, 32)
    assert nw._torch_facts(ls, 30, 32, real=True) == want
    assert nw._torch_facts(ls, 30, 32, real=False) == want  # meta tensors: shapes without memory
    assert nw.cross_check(_net(SEED_NET), 32, "torch") == []


def test_cross_check_random_networks():
    """Symbolic figures against autograd on random small networks (nobias and activations included)."""
    rng = random.Random(4)
    acts = sorted(nw.ACTIVATIONS)
    for _ in range(15):
        lines = [f"network r\n input {rng.randint(1, 40)}"]
        for k in range(rng.randint(1, 4)):
            opts = " ".join(rng.sample([rng.choice(acts), "nobias"], rng.randint(0, 2)))
            lines.append(f" dense l_{k} {rng.randint(1, 40)} {opts}")
        batch = rng.randint(1, 9)
        net = _net("\n".join(lines) + f"\nbatch {batch}\n")
        assert nw.cross_check(net, batch, "autograd") == [], lines


def test_too_large_for_numpy_is_skipped_not_faulted():
    net = _net("network big\n input 100000\n dense h 100000\nbatch 2\n")
    assert nw.cross_check(net, 2, "autograd") is None
    assert not nw._FAULTS


def test_torch_missing_falls_back_to_autograd(monkeypatch):
    def no_torch(*a, **k):
        raise ImportError("no torch here")

    monkeypatch.setattr(nw, "_torch_facts", no_torch)
    assert nw.cross_check(_net(SEED_NET), 32, "torch") == []


def test_a_disagreement_is_a_checker_fault_and_nothing_is_accepted(monkeypatch):
    """Simulate a fault (the built network has one parameter more): E304 at the network, steps unknown."""
    real = nw._autograd_facts

    def off_by_one(ls, d_in, batch):
        facts = real(ls, d_in, batch)
        name, w, b, p, shape = facts[0]
        return [(name, w, b + 1, p + 1, shape)] + facts[1:]

    monkeypatch.setattr(nw, "_autograd_facts", off_by_one)
    r = check_path(str(REPO / "proofs" / "T3.proof"), OPTIONS)
    assert not r.ok
    (fault,) = [d for d in r.diagnostics if d.code == "E304" and d.span.line == 4]
    assert "biases(h_1): symbolic 1024, autograd 1025" in fault.notes
    steps = [s for p in r.problems for s in p.steps]
    assert steps and all(s.verdict == "unknown" for s in steps if s.column == 24)
    assert not any(s.accepted for s in steps if s.column == 24)


def test_cross_check_runs_once_per_network_per_file(monkeypatch, tmp_path):
    """T2 and T3 share one network: one build. The cross-check runs in a sandboxed worker (under the step
    budget), so each call is recorded through a file."""
    log = tmp_path / "calls"
    real = nw._autograd_facts

    def counted(*a):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write("call\n")
        return real(*a)

    monkeypatch.setattr(nw, "_autograd_facts", counted)
    monkeypatch.setattr(nw, "_RESULTS", {})  # results kept by this process from earlier tests
    monkeypatch.setattr(nw, "_FAULTS", set())
    r = check_path(str(REPO / "tests" / "corpus" / "network_seed.proof"), OPTIONS)
    assert r.ok
    assert log.read_text().splitlines() == ["call"]


def test_ad_off_skips_the_cross_check(monkeypatch):
    monkeypatch.setattr(nw, "_autograd_facts", lambda *a: pytest.fail("cross-check ran with --ad off"))
    r = check_path(str(REPO / "proofs" / "T3.proof"), Options(seed=0, timeout=30, workers=2, ad="off"))
    assert r.ok


# ------------------------------------------------------------------ bad input never raises

# (text, codes that must appear): every case fails with located diagnostics and never a traceback
BAD = [
    ("network\n", {"E100"}),
    ("network a b\n input 3\n dense h 2\n\\mathrm{size}(h) = 1\n", {"E100", "E500"}),
    ("network a\n input 3 4\n dense h 2\n", {"E100"}),
    ("network a\n input 0\n dense h 2\n\\mathrm{params}(h) = 6\n", {"E500"}),
    ("network a\n input 3\n dense h 2.5\n dense o 1\n\\mathrm{params}(o) = 3\n", {"E100", "E500"}),
    ("network a\n input 3\n dense\n", {"E100"}),
    ("network a\n input 3\n dense h 99999999999999999999\n\\mathrm{params}(h) = 1\n", {"E206", "E500"}),
    ("network a\n input 3\n dense h 2\nbatch -1\n\\mathrm{size}(h) = 2\n", {"E100"}),
    ("network a\n input 3\n dense h 2\n\\mathrm{size}() = 2\n", {"E100"}),
    ("network a\n input 3\n dense h 2\n\\mathrm{params}(\\frac{1}{2}) = 2\n", {"E501"}),
    ("network a\n input 3\n dense h 2\n\\mathrm{params} = 2\n", {"E201"}),
    ("\\mathrm{params}(h) = 1\n", {"E501"}),
]


@pytest.mark.parametrize("text, codes", BAD)
def test_bad_input_gets_located_diagnostics(text, codes):
    r = check_text(text, options=OPTIONS)
    assert not r.ok
    assert all(d.code in CODES and d.span.line >= 1 and d.span.column >= 1 for d in r.diagnostics)
    assert codes <= {d.code for d in r.diagnostics}, [(d.code, d.message) for d in r.diagnostics]
    assert not any(s.accepted for p in r.problems for s in p.steps)


def test_a_let_named_like_a_quantity_is_an_ordinary_name():
    r = check_text(SEED_NET + "let params = 3\n\\mathrm{params} = 3\n", options=OPTIONS)
    assert r.ok
