"""What the workbook changed between two builds: each built line's counterpart in the new one.

Both documents are reportkit's own, so they are read as units (see `units`): delegates are
matched by name, so a delegate whose position changed is the same delegate reworded, and one
added after her leaves her row matched even though her detail line changes style.
Everything else is matched by text and order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportkit.merge.align import Item, align
from reportkit.merge.lines import Line
from reportkit.merge.units import Unit, unit_text, units


@dataclass
class WorkbookChanges:
    """`matched[b]`: built line b's line in the new build (None: removed); `same[b]`: its
    words unchanged; `origins[n]`: new line n's built line (None: added); units of both."""

    matched: list[int | None]
    same: list[bool]
    origins: list[int | None]
    base_units: list[Unit]
    new_units: list[Unit]
    unit_matched: list[int | None]

    def new_unit_of(self, line: int) -> int:
        return _unit_of(self.new_units, line)


def workbook_changes(base: Sequence[Line], new: Sequence[Line]) -> WorkbookChanges:
    base_units, new_units = units(base), units(new)
    unit_alignment = align(_items(base_units, base), _items(new_units, new))
    matched: list[int | None] = [None] * len(base)
    for b_unit, n_unit in enumerate(unit_alignment.matched):
        if n_unit is not None:
            for b, n in zip(base_units[b_unit].lines, new_units[n_unit].lines, strict=True):
                matched[b] = n
    same = [
        n is not None and base[b].flat == new[n].flat and base[b].flat_cells == new[n].flat_cells
        for b, n in enumerate(matched)
    ]
    origins: list[int | None] = [None] * len(new)
    for b, n in enumerate(matched):
        if n is not None:
            origins[n] = b
    return WorkbookChanges(
        matched, same, origins, base_units, new_units, list(unit_alignment.matched)
    )


def _items(found: list[Unit], lines: Sequence[Line]) -> list[Item]:
    return [Item(unit.kind, unit.key, unit_text(unit, lines)) for unit in found]


def _unit_of(found: list[Unit], line: int) -> int:
    low, high = 0, len(found) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if found[middle].first <= line:
            low = middle
        else:
            high = middle - 1
    return low
