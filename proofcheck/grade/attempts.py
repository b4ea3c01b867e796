"""Which of a student's chains are attempts at each goal, however their first line is dressed.

The checker counts a chain as an attempt when it starts at the goal's left side up to notation (and
compares starts further only where no chain starts there as written). For the attempts policy that
is too easy to dodge: `1 \\cdot \\frac{dz}{dw} = ... = 0.5` or `let g = \\frac{dz}{dw} = ... = 0.5`
guesses at the goal as much as `\\frac{dz}{dw} = 0.5` does. Here a chain of the student's is an
attempt at a goal when its start (a `let` chain's definition) is the goal's left side

  - up to its form (forms.py): notation, `1 \\cdot`, `+ 0`, the student's own `let`s unfolded; or
  - as the same quantity through the key's definitions, for every value (a sandboxed comparison with
    derivatives read as quantities, as the goal rule reads them; not at the given point, where
    unrelated quantities can share a value): `\\mathrm{ReLU}(u)` for `find z` with z = ReLU(u).

The second is asked only of starts that could be it: for a goal about a derivative, a start that
mentions that derivative; for any other goal, any start that is not a number.
"""

from __future__ import annotations

from .. import nodes as n
from ..check.goals import is_value, same
from ..elaborate import Goal, Problem
from ..options import Options
from ..results import GoalResult
from .forms import FormCache, derivatives_in
from .jobs import decide, holds, same_quantity_job
from .key import is_key_line


def attempts_by_goal(problem: Problem, goals: list[GoalResult], forms: FormCache, options: Options) -> list[list[int]]:
    """For each goal (in order), the ids of the student's chains that attempt it, in file order."""
    found: list[set[int]] = []
    jobs, keys = [], []
    for gi, (goal, gr) in enumerate(zip(problem.goals, goals)):
        mine = {ci for ci in gr.attempts if not is_key_line(problem.chains[ci].members[0].span.line)}
        idx = goal.context.index_names
        wanted = derivatives_in(goal.lhs, idx)
        for ci, chain in enumerate(problem.chains):
            if ci in mine or len(chain.members) < 2 or is_key_line(chain.members[0].span.line):
                continue
            start = chain.members[0].expr
            if same(start, goal.lhs, idx) or _same_form(forms, chain.context, start, goal):
                mine.add(ci)
            elif not is_value(start, chain.context) and (not wanted or wanted & derivatives_in(start, idx)):
                jobs.append(same_quantity_job(chain.context, start, goal.lhs, options))
                keys.append((gi, ci))
        found.append(mine)
    for (gi, ci), yes in zip(keys, holds(decide(jobs, options))):
        if yes:
            found[gi].add(ci)
    return [sorted(s) for s in found]


def _same_form(forms: FormCache, ctx, start: n.Expr, goal: Goal) -> bool:
    f = forms.of(ctx)
    a, b = f.form(start), f.form(goal.lhs)
    return a is not None and a == b
