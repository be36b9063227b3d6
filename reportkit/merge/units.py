"""What each line of a report built by reportkit is: the units the merge matches by identity.

A delegate in the list of participants is one unit — the name line and the detail lines
under it — known by the name, so a corrected position lands under the right person even
when the lines around it change style (a delegation's last delegate is set apart by its
own style, `Delegate Details Last`, which moves when a delegate is added after her).
Every other paragraph or table row is a unit of its own, known by its text. A unit's
`role` is its style with such bookkeeping variants folded together, so that a restyle is
never mistaken for another kind of line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportkit.arrange import styles
from reportkit.merge.lines import Line

_ROLES = {styles.DELEGATE_DETAILS_LAST: styles.DELEGATE_DETAILS}
_DETAILS = frozenset({styles.DELEGATE_DETAILS, styles.DELEGATE_DETAILS_LAST})


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
    found: list[Unit] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.style == styles.DELEGATE_NAME:
            last = index
            while last + 1 < len(lines) and lines[last + 1].style in _DETAILS:
                last += 1
            found.append(Unit("delegate", index, last, line.flat.casefold()))
            index = last + 1
            continue
        found.append(Unit(line.kind, index, index, line.flat))
        index += 1
    return found


def unit_text(unit: Unit, lines: Sequence[Line]) -> str:
    return "\n".join(lines[i].flat for i in unit.lines)
