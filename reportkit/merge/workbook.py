"""What the workbook changed between two builds: each built line's counterpart in the new one.

Both documents are reportkit's own, so each line is known by what it is (see `units`):
delegates by name, so a delegate whose position changed is the same delegate reworded, and
one added after her leaves her row matched even though her detail line changes style.
Everything else is matched by text and order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportkit.merge.align import Item, align
from reportkit.merge.lines import Line
from reportkit.merge.units import units


@dataclass
class WorkbookChanges:
    """`matched[b]`: built line b's line in the new build (None: removed); `same[b]`: its
    words unchanged; `origins[n]`: new line n's built line (None: added)."""

    matched: list[int | None]
    same: list[bool]
    origins: list[int | None]


def workbook_changes(base: Sequence[Line], new: Sequence[Line]) -> WorkbookChanges:
    matched = list(align(_items(base), _items(new)).matched)
    same = [
        n is not None and base[b].flat == new[n].flat and base[b].flat_cells == new[n].flat_cells
        for b, n in enumerate(matched)
    ]
    origins: list[int | None] = [None] * len(new)
    for b, n in enumerate(matched):
        if n is not None:
            origins[n] = b
    return WorkbookChanges(matched, same, origins)


def _items(lines: Sequence[Line]) -> list[Item]:
    found = zip(units(lines), lines, strict=True)
    return [Item(unit.kind, unit.key, line.flat) for unit, line in found]
