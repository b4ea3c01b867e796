"""Recovery after a failed step, as a pure function of the verdicts (no SymPy, no sandbox).

A chain `m0 = m1 = ... = mk` is judged pairwise: step k compares m(k-1) with m(k). After a step
fails, the next member is also compared with the last *sound* member (one known equal to m0 through
accepted steps only), so one wrong line costs one diagnostic and the student's recovery is seen.
Recovery is for feedback only: a chain meets a goal only when every step holds against its own
predecessor (`ChainPlan.sound`).

`plan` is called with the verdicts known so far; it returns the comparison it needs next
(`missing`) until every step's anchor is decided. Each round adds at least one decided pair, so a
chain of n members needs at most n rounds; the caller runs the missing pairs of all chains at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..results import ACCEPTED


@dataclass(frozen=True)
class Anchor:
    """How step k (into member k) is reported: compared with member `left`."""

    k: int
    left: int
    against: str  # previous | last-accepted
    carries_mistake: bool  # accepted against a member that is itself not sound


@dataclass(frozen=True)
class ChainPlan:
    anchors: tuple[Anchor, ...]
    sound: bool  # every step accepted against its own predecessor
    sound_members: tuple[bool, ...]  # member k is known equal to member 0 through accepted steps


def plan(members: int, verdict: Callable[[int, int], str | None]) -> ChainPlan | tuple[int, int]:
    """The anchors of a chain of `members` members, or the pair (k, left) that must be decided first.

    `verdict(k, left)` is the verdict of comparing member `left` with member k, or None when that
    comparison has not been made yet.
    """
    anchors: list[Anchor] = []
    sound_members = [True]
    last_sound = 0
    all_steps_accepted = True
    for k in range(1, members):
        primary = verdict(k, k - 1)
        if primary is None:
            return (k, k - 1)
        if primary not in ACCEPTED:
            all_steps_accepted = False
        if sound_members[k - 1]:
            anchors.append(Anchor(k, k - 1, "previous", False))
            sound = primary in ACCEPTED
        else:
            recovered = verdict(k, last_sound)
            if recovered is None:
                return (k, last_sound)
            if recovered in ACCEPTED:
                anchors.append(Anchor(k, last_sound, "last-accepted", False))
                sound = True
            else:
                anchors.append(Anchor(k, k - 1, "previous", primary in ACCEPTED))
                sound = False
        sound_members.append(sound)
        if sound:
            last_sound = k
    return ChainPlan(tuple(anchors), all_steps_accepted, tuple(sound_members))
