"""The instance plan (proofcheck/check/instances.py): which sizes and index values a step is checked at.

The property that makes an order-determined plan a proof: `_realise` finds every order type that any
assignment realises. It is checked here against brute force over a box much larger than the window the
argument in `_realise` relies on, for many sets of constants and offsets.
"""

from __future__ import annotations

import itertools
import random

import pytest

from proofcheck.check.instances import _realise, _signature, _Var, free_indices, make_plan
from proofcheck.elaborate import elaborate
from proofcheck.parse import parse_source
from proofcheck.source import split_lines

BOX = 14  # brute force: every size and index value up to this


def _step(text: str):
    statements, _ = parse_source(split_lines("<test>", text))
    problems, _ = elaborate(statements)
    chain = next(c for p in problems for c in p.chains if len(c.members) > 1)
    a, b = chain.members[0].expr, chain.members[1].expr
    return chain.context, free_indices([a, b] + list(chain.context.case), chain.context), (a, b)


def _plan(text: str):
    ctx, free, exprs = _step(text)
    return make_plan(ctx, free, exprs)


@pytest.mark.parametrize("seed", range(12))
def test_every_order_type_is_realised(seed):
    """Brute force over N, i, j <= BOX: each order type seen there is among the realised ones."""
    rng = random.Random(seed)
    consts = sorted(rng.sample(range(0, 9), rng.randint(0, 3)))
    offsets = tuple(sorted({0} | set(rng.sample(range(-2, 3), rng.randint(0, 2)))))
    ctx, _, _ = _step("index i, j in 1..N\nx_i = x_j\n")
    variables = [_Var("N", True, offsets), _Var("i", False, offsets), _Var("j", False, offsets)]
    found = _realise(ctx, variables, set(consts), {}, lambda v: True)
    assert found is not None
    all_consts = sorted(set(consts) | {1})
    realised = {_signature(v, variables, all_consts) for v in found}
    for n in range(1, BOX + 1):
        for i, j in itertools.product(range(1, n + 1), repeat=2):
            sig = _signature({"N": n, "i": i, "j": j}, variables, all_consts)
            assert sig in realised, f"N={n}, i={i}, j={j} (constants {consts}, offsets {offsets}) not realised"


def test_order_determined_step_is_complete_and_tries_a_middle_value():
    plan = _plan("index i in 1..N\nx_i = x_i\n")
    assert plan.complete and not plan.size_dependent
    values = {(dict(inst.sizes)["N"], dict(inst.indices)["i"]) for inst in plan.instances}
    assert {(1, 1), (2, 1), (2, 2)} <= values and any(1 < i < n for n, i in values)


def test_an_offset_in_a_definition_applies_to_the_step_indices():
    plan = _plan("index i, j, k in 1..N\nlet g_k = x_{k+1}\ncase i < j\ng_i = x_j\n")
    gaps = {dict(inst.indices)["j"] - dict(inst.indices)["i"] for inst in plan.instances}
    assert {1, 2} <= gaps  # j = i + 1 and j > i + 1 are different orderings


def test_index_used_as_a_number_is_not_complete():
    plan = _plan("index i in 1..N\ni x_i = x_i\n")
    assert not plan.complete and plan.size_dependent
    exact = [c for c in plan.choices if c.exact]
    assert {dict(c.sizes)["N"] for c in exact} == {1, 2, 3, 4}
    assert all(len(c.instances) == dict(c.sizes)["N"] for c in exact)  # every value of i at each exact size


def test_sizes_go_past_every_constant():
    plan = _plan("index i in 1..N\n(N-1)(N-2)(N-3)(N-4)(N-5-2) = 0\n")
    sampled = {dict(c.sizes)["N"] for c in plan.choices if not c.exact}
    assert 6 in sampled and max(sampled) >= 6


def test_room_for_an_index_between_the_constants_and_n():
    plan = _plan("index i in 1..N\n(i - 1)(i - 2)(i - 3)(i - 4)(i - N) x_1 = 0\n")
    pairs = {(dict(inst.sizes)["N"], dict(inst.indices)["i"]) for inst in plan.instances}
    assert any(4 < i < n for n, i in pairs)


def test_two_sizes_are_tried_off_the_diagonal_past_the_constants():
    plan = _plan("index i in 1..N\nindex j in 1..M\n(N > 3)(M > 3)(N - M) x = 0\n")
    sampled = [dict(c.sizes) for c in plan.choices if not c.exact]
    assert any(s["N"] > 3 and s["M"] > 3 and s["N"] != s["M"] for s in sampled)


def test_plans_are_deterministic():
    text = "index i, j in 1..N\ncase i \\neq j\n(i + j - 3) x = 0\n"
    assert _plan(text) == _plan(text)


def test_sizes_where_an_entry_named_by_sizes_meets_a_literal_entry_are_tried():
    """`h_{2N}` is `h_{10}` at N = 5 and `h_{N^2}` is `h_{36}` at N = 6: found exactly (fix30r), though
    no constant orders N there; `h_{2N}` never meets `h_{11}`, so no size is added for it."""
    for text, size in (("\\frac{\\partial h_{2N}}{\\partial h_{10}} = 0", 5), ("\\frac{\\partial h_{N^2}}{\\partial h_{36}} = 0", 6),
                       ("\\frac{\\partial h_{-N}}{\\partial h_{-6}} = 0", 6)):
        plan = _plan(f"index j in 1..N\n{text}\n")
        assert size in {dict(c.sizes)["N"] for c in plan.choices} and not plan.unchecked
    plan = _plan("index j in 1..N\n\\frac{\\partial h_{2N}}{\\partial h_{11}} = 0\n")
    assert not plan.unchecked and not {5, 6} & {dict(c.sizes)["N"] for c in plan.choices}


def test_the_cap_on_entry_meetings_never_drops_a_size_silently(monkeypatch):
    """The attack on the cap: meetings at N = 5 and 6 where the step holds (each pair of derivatives is
    1 - 1), and at N = 100 where it fails (2N = 200); with the cap at 2, N = 100 is the one left out, so
    the plan must say so (the step is then `unknown`), never sample 5 and 6 and call the rest checked."""
    from proofcheck.check import instances  # noqa: PLC0415

    text = ("index j in 1..N\n\\frac{\\partial h_{2N}}{\\partial h_{10}} - \\frac{\\partial h_{3N}}{\\partial h_{15}} "
            "+ \\frac{\\partial h_{2N}}{\\partial h_{12}} - \\frac{\\partial h_{3N}}{\\partial h_{18}} "
            "+ \\frac{\\partial h_{2N}}{\\partial h_{200}} = 0\n")
    assert 100 in {dict(c.sizes)["N"] for c in _plan(text).choices} and not _plan(text).unchecked
    monkeypatch.setattr(instances, "MAX_ENTRY_SIZES", 2)
    plan = _plan(text)
    assert 100 not in {dict(c.sizes)["N"] for c in plan.choices}
    assert "meets another entry" in plan.unchecked and "only 2 are checked" in plan.unchecked


def test_entry_meetings_in_several_sizes_are_not_searched_silently():
    """`h_{N+M}` meets `h_{10}` along a line of sizes, not at points: the plan says it is not searched."""
    plan = _plan("index i in 1..N\nindex j in 1..M\n\\frac{\\partial h_{N+M}}{\\partial h_{10}} = 0\n")
    assert "not searched" in plan.unchecked


def _unsearched(text: str) -> str:
    from proofcheck.check.instances import analyse  # noqa: PLC0415
    ctx, free, exprs = _step(text)
    return analyse(ctx, list(exprs), free).critical_unchecked


@pytest.mark.parametrize("text", [
    "index j in 1..N\nlet s = \\sum_j x_j\nassume s \\neq 0\n(\\sum_j x_j^2 + N > 0) = 1\n",
    "index j in 1..N\nlet s = \\sum_j x_j^2\nassume s > 1\n\\sqrt{s - 1}^2 = s - 1\n",
    "index j in 1..N\nlet s = \\sum_j x_j^2\nassume s > 1\n(\\sum_j x_j^2 + N > 0) = 1\n",
])
def test_a_constraint_narrows_a_sum_of_squares_but_keeps_its_sign(text):
    """r20_let_constrained: these sizes are searched (a sum of squares plus a size is > 0)."""
    assert not _unsearched("problem p\n" + text)


@pytest.mark.parametrize("text", [  # tests/adversarial/sizes/r32_constrained_sign.proof: false at N = 30, 31
    "index j in 1..N\nassume \\sum_j x_j = 1\n(\\sum_j (x_j - \\frac{1}{30})^2 > 0) = 1\n",
    "index j in 1..N\nassume \\sum_j x_j = 1\nassume \\sum_j x_j^2 < \\frac{1}{30}\n(\\sum_j x_j^2 < \\frac{1}{30}) = 0\n",
    "index j in 1..N\nassume \\sum_j x_j^2 < N - 30\n(\\sum_j x_j^2 < N) = 0\n",
    "index j in 1..N\nassume \\sum_j x_j = 0\n(30 - N + \\sum_j x_j^2 > 0) = 1\n",
])
def test_a_constrained_sum_of_squares_alone_or_against_a_size_is_not_searched(text):
    assert _unsearched("problem p\n" + text)


def test_an_assumption_that_narrows_a_sum_through_a_let_is_searched_with_the_step():
    """r32_constrained_sign narrowed_vs_size: N - 30 meets the bound s > 1 at N = 31, so N = 32 is tried."""
    from proofcheck.check.instances import analyse  # noqa: PLC0415
    ctx, free, exprs = _step("problem p\nindex j in 1..N\nlet s = \\sum_j x_j^2\nassume s > 1\n"
                             "(\\sum_j x_j^2 > N - 30) = 1\n")
    shape = analyse(ctx, list(exprs), free)
    assert not shape.critical_unchecked and {"N": 32} in shape.critical
