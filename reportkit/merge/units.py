"""What each line of a report built by reportkit is: the units the merge matches by identity.

A delegate in the list of participants is one unit — her table row, the name line and the
detail lines under it (see `render.list_table`) — known by the name, so a corrected position
lands under the right person even when the lines around it change (a delegation's last
delegate is set apart by her own style, `Delegate Details Last`, which moves when a delegate
is added after her). Every other paragraph or table row is a unit of its own, known by its
text. A line's `role` is its style with such bookkeeping variants folded together, so that
a restyle is never mistaken for another kind of line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportkit.arrange import styles
from reportkit.merge.lines import Line

_ROLES = {styles.DELEGATE_DETAILS_LAST: styles.DELEGATE_DETAILS}


@dataclass(frozen=True)
class Unit:
    """Lines `first`..`last` (inclusive) of a document, known as `key` among units of `kind`."""

    kind: str
    first: int
    last: int
    key: str

    @property
    def lines(self) -> range:
        return range(self.first, self.last + 1)


def role(style: str) -> str:
    return _ROLES.get(style, style)


def units(lines: Sequence[Line]) -> list[Unit]:
    """The units of a report reportkit built, in order, covering every line once."""
    return [
        Unit("delegate", index, index, line.opening.casefold())
        if line.is_row and line.lead == styles.DELEGATE_NAME
        else Unit(line.kind, index, index, line.flat)
        for index, line in enumerate(lines)
    ]


def unit_text(unit: Unit, lines: Sequence[Line]) -> str:
    return "\n".join(lines[i].flat for i in unit.lines)
