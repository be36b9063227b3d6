"""What each line of a report built by reportkit is: what the merge matches it by.

A delegate in the list of participants is her table row — the name line and the detail
lines under it (see `render.list_table`) — known by the name, so a corrected position lands
under the right person even when the lines around it change (a delegation's last delegate
is set apart by her own style, `Delegate Details Last`, which moves when a delegate is added
after her). Every other paragraph or table row is known by its text. A line's `role` is its
style with such bookkeeping variants folded together, so that
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
    """A line known as `key` among lines of `kind`."""

    kind: str
    key: str


def role(style: str) -> str:
    return _ROLES.get(style, style)


def units(lines: Sequence[Line]) -> list[Unit]:
    """What each line of a report reportkit built is, in order."""
    return [
        Unit("delegate", line.opening.casefold())
        if line.is_row and line.lead == styles.DELEGATE_NAME
        else Unit(line.kind, line.flat)
        for line in lines
    ]
