"""The three-way merge, decided on texts alone: what happens to each paragraph of the edited
report.

*base* is what the workbook built last time, *edited* the report as the person saved it,
*new* what the corrected workbook builds now. What only the workbook changed is applied
(as tracked changes, later); what the person changed is kept as they left it; where both
changed the same paragraph differently, the person's text stays and the workbook's follows
it as an insertion for them to review — a conflict, reported where it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reportkit.merge.align import Alignment, Item, align


class Keep(NamedTuple):
    edited: int


class Reword(NamedTuple):
    edited: int
    new: int


class Remove(NamedTuple):
    edited: int


class Add(NamedTuple):
    new: int


Step = Keep | Reword | Remove | Add


@dataclass
class Plan:
    """Steps in the merged document's order: every edited paragraph once, additions between."""

    steps: list[Step] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


BOTH_CHANGED = "edited in Word and changed in the workbook — both kept, review the tracked change"
EDITED_REMOVED = "edited in Word and removed in the workbook — your text is kept"
DELETED_CHANGED = (
    "deleted in Word and changed in the workbook — the workbook's text is inserted, "
    "review the tracked change"
)


def plan_merge(
    base: Sequence[Item],
    edited: Sequence[Item],
    new: Sequence[Item],
    base_labels: Sequence[str],
    new_labels: Sequence[str],
) -> Plan:
    by_person = align(base, edited)
    by_workbook = align(base, new)
    plan = Plan()
    for gap in range(-1, len(base)):
        if gap >= 0:
            _decide(plan, gap, by_person, by_workbook, edited, new, base_labels)
        person_added = by_person.added.get(gap, [])
        plan.steps.extend(Keep(e) for e in person_added)
        already = {edited[e] for e in person_added}
        for n in by_workbook.added.get(gap, []):
            if new[n] not in already:
                plan.steps.append(Add(n))
                plan.applied.append(f"{new_labels[n]}: added")
    return plan


def _decide(
    plan: Plan,
    i: int,
    by_person: Alignment,
    by_workbook: Alignment,
    edited: Sequence[Item],
    new: Sequence[Item],
    labels: Sequence[str],
) -> None:
    e, person_same = by_person.matched[i], by_person.same[i]
    n, workbook_same = by_workbook.matched[i], by_workbook.same[i]
    if e is not None and person_same:
        if n is None:
            plan.steps.append(Remove(e))
            plan.applied.append(f"{labels[i]}: removed")
        elif workbook_same:
            plan.steps.append(Keep(e))
        else:
            plan.steps.append(Reword(e, n))
            plan.applied.append(f"{labels[i]}: reworded")
    elif e is not None:
        plan.steps.append(Keep(e))
        if n is None:
            plan.conflicts.append(f"{labels[i]}: {EDITED_REMOVED}")
        elif not workbook_same and edited[e] != new[n]:
            plan.steps.append(Add(n))
            plan.conflicts.append(f"{labels[i]}: {BOTH_CHANGED}")
    elif n is not None and not workbook_same:
        plan.steps.append(Add(n))
        plan.conflicts.append(f"{labels[i]}: {DELETED_CHANGED}")
