"""The `Programme` sheet: one time slot per row, a `Day` cell opening a new day.

A day may be typed as the printed programme shows it, on a row of its own; times may be
numbers, as Excel stores `9.30` typed in an ordinary cell. Both are read, and said; so is a
number typed before a Title, taken off as the agenda's are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from reportkit.arrange.dates import day_heading
from reportkit.model import ProgrammeSlot
from reportkit.problems import Problem, Severity
from reportkit.read.cells import (
    format_number,
    number_as_time,
    one_line,
    to_time,
    typed_number,
)
from reportkit.read.dates import read_date
from reportkit.read.typed_marks import removed_mark, without_bullets, without_marks
from reportkit.read.workbook import OpenWorkbook, Row
from reportkit.schema import sheet

_SLOT_COLUMNS = ("Start", "End", "Title", "Description", "Points")
_UNNUMBERED = "the programme numbers no slot; the agenda numbers its items"


@dataclass
class _OpenDay:
    """A row holding only a Day, until a slot below it is found."""

    day: date
    location: str
    used: bool = False


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
    open_days: list[_OpenDay] = []
    for row in table:
        has_day = row.raw("Day") is not None and bool(row.text("Day"))
        if has_day:
            day = read_date(row, "Day", problems)
        if has_day and not any(row.text(c) for c in _SLOT_COLUMNS):
            if day is not None:
                open_days.append(_OpenDay(day, row.ref("Day")))
            continue
        if open_days:
            open_days[-1].used = True
        start = _time(row, "Start", problems)
        end = _time(row, "End", problems)
        title = _title(row, problems)
        description = one_line(row.localized("Description"))
        points = _points(row, problems)
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
    problems.extend(_day_row_warnings(open_days))
    problems.extend(_timing_warnings(slots))
    return tuple(slots)


def _day_row_warnings(open_days: list[_OpenDay]) -> list[Problem]:
    """Say what a row holding only a Day did: opened a day, or nothing, with no slot below."""
    warnings = []
    for opened in open_days:
        heading = day_heading(opened.day)
        if opened.used:
            warnings.append(
                Problem(
                    f"a row with only a Day: the slots below it are on {heading}",
                    "nothing to do if that is meant",
                    opened.location,
                    Severity.WARNING,
                    tidied=True,
                )
            )
        else:
            warnings.append(
                Problem(
                    f"no slot follows the Day {heading}, so it is not printed",
                    "add the day's slots below it, or delete the row",
                    opened.location,
                    Severity.WARNING,
                )
            )
    return warnings


def _title(row: Row, problems: list[Problem]) -> str:
    """The Title without a number typed before it: the agenda numbers its items and the
    programme shows its slots by time, so `II. Trade` would print a second numbering."""
    title, mark = without_marks(one_line(row.localized("Title")))
    if mark:
        problems.append(removed_mark(mark, _UNNUMBERED, row.source("Title")))
    return title


def _points(row: Row, problems: list[Problem]) -> tuple[str, ...]:
    points, removed = [], []
    for line in row.localized("Points").split("\n"):
        point, mark = without_bullets(line)
        if mark:
            removed.append(mark)
        if point:
            points.append(point)
    if removed:
        typed = ", ".join(f'"{mark}"' for mark in dict.fromkeys(removed))
        message = (
            f"a typed bullet ({typed}) was removed from the start of a line"
            if len(removed) == 1
            else f"typed bullets ({typed}) were removed from the start of {len(removed)} lines"
        )
        problems.append(
            Problem(
                message,
                "each line prints with a bullet of its own; delete the typed ones from the cell",
                row.source("Points"),
                Severity.WARNING,
                tidied=True,
            )
        )
    return tuple(points)


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
    number = typed_number(value)
    if number is not None:
        return _number_time(number, row.ref(column), problems)
    parsed = to_time(value)
    if parsed is None:
        problems.append(
            Problem(
                f'"{row.text(column)}" is not a time',
                "enter a time such as 13.15 or 13:15",
                row.ref(column),
            )
        )
    return parsed


def _number_time(number: float, location: str, problems: list[Problem]) -> time | None:
    """A number typed for a time: 9.3 is 09.30, said in a warning; 10.75 is no time at all."""
    parsed = number_as_time(number)
    typed = format_number(number)
    if parsed is None:
        problems.append(
            Problem(
                f"the number {typed} is not a time of day",
                "type the time with a colon, e.g. 13:15",
                location,
            )
        )
        return None
    problems.append(
        Problem(
            f"the number {typed} was read as the time {parsed:%H.%M}",
            f"if that is right, type it as {parsed.hour}:{parsed:%M} so that Excel stores a time",
            location,
            Severity.WARNING,
            tidied=True,
        )
    )
    return parsed
