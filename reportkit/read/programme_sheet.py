"""The `Programme` sheet: one time slot per row, a `Day` cell opening a new day."""

from __future__ import annotations

from datetime import date, time

from reportkit.model import ProgrammeSlot
from reportkit.problems import Problem, Severity
from reportkit.read.cells import one_line, to_date, to_time
from reportkit.read.workbook import OpenWorkbook, Row
from reportkit.schema import sheet


def read_programme(
    book: OpenWorkbook, problems: list[Problem], required: bool = True
) -> tuple[ProgrammeSlot, ...]:
    table = book.table(
        "Programme", sheet("Programme").required_columns, problems, optional=not required
    )
    if table is None:
        return ()
    slots = []
    day: date | None = None
    for row in table:
        if row.raw("Day") is not None and row.text("Day"):
            day = to_date(row.raw("Day"))
            if day is None:
                problems.append(_not_a("date", row, "Day", "an Excel date, e.g. 1 November 2022"))
        start = _time(row, "Start", problems)
        end = _time(row, "End", problems)
        title = one_line(row.text("Title"))
        description = one_line(row.text("Description"))
        points = tuple(p.lstrip("•-–* ").strip() for p in row.text("Points").split("\n"))
        points = tuple(p for p in points if p)
        if not (title or description or points):
            problems.append(
                Problem(
                    "the slot has no Title, Description or Points",
                    "say what happens in this slot or delete the row",
                    row.ref("Title"),
                )
            )
            continue
        if start and end:
            slots.append(
                ProgrammeSlot(start, end, title, description, points, day, row.ref("Start"))
            )
    problems.extend(table.problems)
    problems.extend(_timing_warnings(slots))
    return tuple(slots)


def _timing_warnings(slots: list[ProgrammeSlot]) -> list[Problem]:
    """Slots that end before they start or overlap the one before are likely typos."""
    warnings = []
    previous: ProgrammeSlot | None = None
    for slot in slots:
        if slot.end < slot.start:
            warnings.append(
                Problem(
                    f"the slot ends ({slot.end:%H.%M}) before it starts ({slot.start:%H.%M})",
                    "check the Start and End times",
                    slot.location,
                    Severity.WARNING,
                )
            )
        elif previous is not None and previous.day == slot.day and slot.start < previous.end:
            warnings.append(
                Problem(
                    f"the slot starts at {slot.start:%H.%M}, before the previous slot ends"
                    f" ({previous.end:%H.%M}, {previous.location})",
                    "check the times, or start a new Day",
                    slot.location,
                    Severity.WARNING,
                )
            )
        previous = slot
    return warnings


def _time(row: Row, column: str, problems: list[Problem]) -> time | None:
    value = row.raw(column)
    if value is None or not row.text(column):
        problems.append(
            Problem(
                f"the {column} time is empty",
                "enter a time such as 13.15 or 13:15",
                row.ref(column),
            )
        )
        return None
    parsed = to_time(value)
    if parsed is None:
        problems.append(_not_a("time", row, column, "a time such as 13.15 or 13:15"))
    return parsed


def _not_a(what: str, row: Row, column: str, example: str) -> Problem:
    return Problem(f'"{row.text(column)}" is not a {what}', f"enter {example}", row.ref(column))
