"""Which returned translations go in which cells, and which are refused.

A returned unit goes to the workbook's unit of the same id when that unit's English is
still the `source` it was translated from. Where the id is not found (a delegation
renamed, a delegate's name corrected), it goes to a unit of the same sheet and column
whose English is that source. Otherwise the English it was made for is no longer in the
workbook, and the unit is refused at the cell it came from: a translation is never
written beside English it does not translate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from reportkit.arrange.language import language_name
from reportkit.model import Language
from reportkit.problems import Problem
from reportkit.read.translation_record import cleaned
from reportkit.translate.units import Unit
from reportkit.translate.xliff import Returned

# The most characters an Excel cell holds.
CELL_LIMIT = 32767


@dataclass(frozen=True)
class Accepted:
    """A returned translation of a unit, to go in its twin cell."""

    unit: Unit
    text: str


@dataclass
class Matched:
    accepted: list[Accepted] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    waiting: int = 0


def match(units: list[Unit], returned: list[Returned], language: Language) -> Matched:
    """The returned units matched to the workbook's; those a translator has not yet marked
    translated are counted as waiting, and left out."""
    name = language_name(language)
    by_id = {unit.id: unit for unit in units}
    by_text: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
    for unit in units:
        by_text[(*_place(unit.id), cleaned(unit.english))].append(unit)
    claimed: set[str] = set()
    matched = Matched()
    for back in returned:
        if not back.done or not back.target.strip():
            matched.waiting += 1
            continue
        unit = by_id.get(back.id)
        source = cleaned(back.source)
        if unit is None or unit.id in claimed or cleaned(unit.english) != source:
            candidates = by_text.get((*_place(back.id), source), [])
            found = next((u for u in candidates if u.id not in claimed), None)
            if found is None:
                matched.problems.append(_refused(back, unit, name))
                continue
            unit = found
        claimed.add(unit.id)
        if len(back.target) > CELL_LIMIT:
            matched.problems.append(
                Problem(
                    f"the {name} text returned for it is {len(back.target):,} characters, more"
                    f" than a cell holds ({CELL_LIMIT:,}), so it is not written",
                    "have it shortened, or split the English over several rows",
                    unit.location,
                )
            )
            continue
        matched.accepted.append(Accepted(unit, back.target.strip()))
    return matched


def _place(unit_id: str) -> tuple[str, str]:
    """An id's sheet and column, `Report/#3f9a2c1d/Text~2` → (`Report`, `Text`)."""
    sheet = unit_id.split("/", 1)[0]
    column = unit_id.rsplit("/", 1)[-1].split("~", 1)[0]
    return sheet, column


def _refused(back: Returned, unit: Unit | None, name: str) -> Problem:
    if unit is not None and cleaned(unit.english) != cleaned(back.source):
        return Problem(
            f"the English changed after it was exported for translation, so the {name} text"
            " returned for it is not written",
            "export again and have the new English translated",
            unit.location,
        )
    if unit is not None:
        return Problem(
            f'the unit "{back.id}" is given twice in the file; the second is not written',
            "keep one translation of each unit",
            unit.location,
        )
    what = "the English exported from here" if back.location else f'the English of "{back.id}"'
    return Problem(
        f"{what} for translation is no longer in the workbook (changed or removed since),"
        f" so the {name} text returned for it is not written",
        "export again and have what the workbook holds now translated",
        back.location,
    )
