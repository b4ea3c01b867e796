"""Soundness suite: mutation testing of the checker against an independent numeric oracle.

For every step the checker accepts in proofs/ (plus tests/corpus and a few extra derivations below),
the step's new member is edited in its node tree (tests/mutants.py), written back as .proof text, and
re-parsed. An mpmath oracle (tests/mutants.py, no SymPy) decides which mutants really differ from the
previous member; the checker must refute every one of those (kill rate 100 %, zero wrong accepts).
Equivalent rewritings (reorder, expand, rename bound indices, move constants through sums) must be
accepted. The sample is deterministic and bounded (about 60 mutants) to keep the suite fast.
Whole proofs are mutated too: a met goal's right side changed to something really different must not
be met, and a middle member of a chain that met a goal changed so must be refuted and break the goal.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutants as M  # noqa: E402

from proofcheck.options import Options  # noqa: E402
from proofcheck.pipeline import check_text  # noqa: E402

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

REPO = Path(__file__).resolve().parents[1]
MAX_MUTANTS = 60
MAX_REWRITES = 40
OPTIONS = Options(seed=0, timeout=10, workers=2)

EXTRA = r"""problem S1 "sigmoid"
let s = \frac{1}{1 + \exp(-x)}
\frac{\partial s}{\partial x} = \frac{\exp(-x)}{(1 + \exp(-x))^2} = s (1 - s)

problem S2 "least squares"
index i in 1..N
let L = \frac{1}{2} \sum_{i=1}^{N} (w x_i - t_i)^2
\frac{\partial L}{\partial w} = \sum_i (w x_i - t_i) x_i = w \sum_i x_i^2 - \sum_i t_i x_i

problem S3 "tanh unit"
let a = \tanh(w x + b)
\frac{\partial a}{\partial w} = (1 - \tanh^2(w x + b)) x = (1 - a^2) x

problem S4 "ReLU at a point"
let h = \mathrm{ReLU}(w x + b)
at w = 0.5, x = 2, b = -0.25
\frac{\partial h}{\partial w} = (w x + b > 0) x = 2
"""


# corpus files whose accepted steps join the suite (when present; the corpus is maintained elsewhere)
CORPUS = ("16_fractions_products", "17_builtins", "18_indicators_cases", "19_sums", "20_derivatives", "21_numbers")


def _sources() -> list[tuple[str, str]]:
    files = sorted((REPO / "proofs").glob("*.proof"))
    files += [p for name in CORPUS for p in sorted((REPO / "tests" / "corpus").glob(name + ".proof"))]
    out = []
    for p in files:
        try:
            out.append((str(p.relative_to(REPO)), p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return out + [("<extra>", EXTRA)]


@pytest.fixture(scope="module")
def steps():
    out = []
    for path, text in _sources():
        out.extend(M.accepted_steps(path, text, OPTIONS))
    assert len(out) >= 30, "the bundled proofs should give at least 30 accepted steps"
    return out


def _round_robin(cands: list, key) -> list:
    """Interleave candidates by kind (deterministically shuffled within a kind) so every edit is sampled."""
    rng = random.Random(0)
    groups: dict = {}
    for c in cands:
        groups.setdefault(key(c), []).append(c)
    for g in groups.values():
        rng.shuffle(g)
    out = []
    while any(groups.values()):
        for k in sorted(groups):
            if groups[k]:
                out.append(groups[k].pop())
    return out


def _check_pairs(pairs):
    """Check each (step, text) as the chain `prev = text`; -> list of (step, text, StepResult or None)."""
    text, lines = M.proof_for([(s.context, M.render(s.prev), t) for s, t in pairs])
    result = check_text(text, "<mutants>", OPTIONS)
    by_line = {st.line: st for p in result.problems for st in p.steps}
    return [(s, t, by_line.get(line)) for (s, t), line in zip(pairs, lines)], result


def test_oracle_agrees_with_every_accepted_step(steps):
    """The oracle must find each accepted step equal (else the oracle or the checker is wrong)."""
    disagree = []
    for s in steps:
        v = M.Oracle(s.context).compare(s.prev, s.new)
        if v.status == "differ":
            disagree.append((s.path, s.line, v.detail))
    assert not disagree, f"accepted steps the oracle finds false: {disagree}"


def test_rendering_round_trips(steps):
    """Printer check: every accepted member renders to text that parses back to the same tree."""
    bad = [(s.path, s.line, M.render(s.new)) for s in steps
           if M.strip_notation(M.reparse(M.render(s.new))) != M.strip_notation(s.new)]
    assert not bad, bad


def test_rendered_original_steps_are_accepted(steps):
    """The rendered context and members (no edit) check as before: the harness itself is sound."""
    checked, result = _check_pairs([(s, M.render(s.new)) for s in steps])
    bad = [(s.path, s.line, r.verdict if r else None, r.message if r else "") for s, _, r in checked if r is None or not r.accepted]
    assert not bad, bad
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics


def test_mutants_that_really_differ_are_refuted(steps):
    cands = []
    for s in steps:
        for kind, node in M.mutants(s.new, s.context):
            cands.append((kind, s, node))
    ordered = _round_robin(cands, key=lambda c: c[0])
    chosen, kinds, skipped = [], Counter(), Counter()
    seen = set()
    for kind, s, node in ordered:
        if len(chosen) >= MAX_MUTANTS:
            break
        text = M.render(node)
        if (s.line, s.path, text) in seen:
            continue
        seen.add((s.line, s.path, text))
        back = M.reparse(text)
        if back is None:
            skipped["does not parse"] += 1
            continue
        v = M.Oracle(s.context, seed=len(seen)).compare(s.prev, back, also=(s.new,))
        if v.status != "differ":
            skipped[f"oracle: {v.status}"] += 1
            continue
        chosen.append((s, text))
        kinds[kind] += 1
    assert len(chosen) >= 40, f"too few differing mutants sampled: {len(chosen)} ({skipped})"
    checked, _ = _check_pairs(chosen)
    verdicts = Counter(r.verdict if r else "missing" for _, _, r in checked)
    wrong = [(s.path, s.line, t) for s, t, r in checked if r is not None and r.accepted]
    missed = [(s.path, s.line, t, r.verdict if r else None, r.message if r else "") for s, t, r in checked
              if r is None or r.verdict != "refuted"]
    killed = verdicts["refuted"]
    print(f"\nmutation testing: {len(checked)} differing mutants ({dict(kinds)}), skipped {dict(skipped)}")
    print(f"kill rate {killed}/{len(checked)} = {100 * killed / len(checked):.1f} %; wrong accepts: {len(wrong)}; verdicts {dict(verdicts)}")
    assert not wrong, f"WRONG ACCEPTS (unsound): {wrong}"
    assert not missed, f"mutants not refuted: {missed}"


def test_equivalent_rewritings_are_accepted(steps):
    cands = []
    for s in steps:
        for kind, node in M.rewrites(s.new, s.context):
            cands.append((kind, s, node))
    ordered = _round_robin(cands, key=lambda c: c[0])
    chosen, kinds, skipped = [], Counter(), Counter()
    for kind, s, node in ordered:
        if len(chosen) >= MAX_REWRITES:
            break
        text = M.render(node)
        back = M.reparse(text)
        if back is None:
            skipped["does not parse"] += 1
            continue
        v = M.Oracle(s.context, seed=len(chosen) + 1).compare(s.new, back)
        if v.status == "differ":  # a rewriter bug, not a checker bug: fail loudly
            pytest.fail(f"rewrite {kind} changed the value at {s.path}:{s.line}: {text} ({v.detail})")
        chosen.append((s, text))
        kinds[kind] += 1
    assert len(chosen) >= 20, f"too few rewrites: {len(chosen)}"
    checked, _ = _check_pairs(chosen)
    accepted = sum(1 for _, _, r in checked if r is not None and r.accepted)
    rate = accepted / len(checked)
    print(f"\nequivalent rewritings: {accepted}/{len(checked)} accepted = {100 * rate:.1f} % ({dict(kinds)})")
    rejected = [(s.path, s.line, t, r.verdict if r else None, r.message if r else "") for s, t, r in checked
                if r is None or not r.accepted]
    assert not [x for x in rejected if x[3] == "refuted"], f"equal rewritings refuted (unsound counterexample): {rejected}"
    assert rate >= 0.99, f"rewritings not accepted: {rejected}"


# ------------------------------------------------------------------ mutations of whole proofs

MAX_WHOLE_MUTANTS = 12  # per test below: each mutant is a whole file checked again


def _splice(text: str, span, new: str) -> str:
    """The text with the node at `span` (one line) replaced by `new`."""
    lines = text.split("\n")
    line = lines[span.line - 1]
    lines[span.line - 1] = line[:span.column - 1] + new + line[span.end_column - 1:]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def clean_proofs():
    """(path, text, problem, goal results by line) for every problem of proofs/ the oracle can read."""
    from proofcheck.elaborate import elaborate
    from proofcheck.parse import parse_source
    from proofcheck.source import split_lines

    out = []
    for path, text in _sources():
        if not path.startswith("proofs/"):
            continue
        problems, _ = elaborate(parse_source(split_lines(path, text))[0])
        result = check_text(text, path, OPTIONS)
        for problem, pr in zip(problems, result.problems):
            if any(c.context.networks or c.context.shapes for c in problem.chains):
                continue  # outside the oracle's language (see mutants.accepted_steps)
            out.append((path, text, problem, {g.line: g for g in pr.goals}))
    return out


def _whole_mutants(cands):
    """Sample (label, path, text, span, node, original, against, also) candidates the oracle says differ."""
    chosen, seen = [], set()
    for kind, path, text, span, node, ctx, against, also in _round_robin(cands, key=lambda c: c[0]):
        if len(chosen) >= MAX_WHOLE_MUTANTS:
            break
        rendered = M.render(node)
        if (path, span.line, rendered) in seen or span.line != span.end_line:
            continue
        seen.add((path, span.line, rendered))
        back = M.reparse(rendered)
        if back is None or M.Oracle(ctx, seed=len(seen)).compare(against, back, also=also).status != "differ":
            continue
        chosen.append((path, _splice(text, span, rendered), span, rendered))
    return chosen


@pytest.mark.slow
def test_a_mutated_goal_is_never_met(clean_proofs):
    """The goal's right side changed to something really different (oracle): the chain that met the
    original goal ends at the original right side, so the new goal must not be met."""
    cands = []
    for path, text, problem, goals in clean_proofs:
        for g in problem.goals:
            if g.kind == "show" and g.rhs is not None and goals.get(g.span.line) and goals[g.span.line].status == "met":
                for kind, node in M.mutants(g.rhs, g.context):
                    cands.append((kind, path, text, g.rhs.span, node, g.context, g.rhs, (g.lhs,)))
    chosen = _whole_mutants(cands)
    assert len(chosen) >= 6, f"too few goal mutants: {len(chosen)}"
    met = []
    for path, text, span, rendered in chosen:
        result = check_text(text, path, OPTIONS)
        goal = next((g for p in result.problems for g in p.goals if g.line == span.line), None)
        assert goal is not None, (path, span.line, rendered)
        if goal.status == "met":
            met.append((path, span.line, rendered))
    print(f"\ngoal mutations: {len(chosen)} goals changed to really different right sides; met: {len(met)}")
    assert not met, f"GOALS MET THAT ARE FALSE: {met}"


@pytest.mark.slow
def test_a_mutated_middle_member_breaks_its_chain_and_goal(clean_proofs):
    """A member inside a chain that met a goal changed to something really different from the member
    before it: the step into it is refuted, and the goal the chain met is not met any more (a chain
    with a failed step never meets a goal, even when its last member is right)."""
    cands = []
    for path, text, problem, goals in clean_proofs:
        met_chains = {g.chain for g in goals.values() if g.status == "met" and g.chain is not None}
        for ci, chain in enumerate(problem.chains):
            if ci not in met_chains or len(chain.members) < 3:
                continue
            for k in range(1, len(chain.members) - 1):
                m = chain.members[k]
                for kind, node in M.mutants(m.expr, chain.context):
                    cands.append((kind, path, text, m.span, node, chain.context, chain.members[k - 1].expr, (m.expr,)))
    chosen = _whole_mutants(cands)
    assert len(chosen) >= 6, f"too few member mutants: {len(chosen)}"
    wrong = []
    for path, text, span, rendered in chosen:
        result = check_text(text, path, OPTIONS)
        steps = {(s.line, s.column): s for p in result.problems for s in p.steps}
        step = steps.get((span.line, span.column))
        goals_met = [g for p in result.problems for g in p.goals if g.status == "met"
                     and g.chain_lines and g.chain_lines[0] <= span.line <= g.chain_lines[1]]
        if step is None or step.verdict != "refuted" or goals_met:
            wrong.append((path, span.line, rendered, step.verdict if step else None, [g.line for g in goals_met]))
    print(f"\nmember mutations: {len(chosen)} chains with a really different middle member; wrong: {len(wrong)}")
    assert not wrong, f"a wrong middle member was accepted or its chain still met a goal: {wrong}"
