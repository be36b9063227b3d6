"""A date cell read, and said: not a date at all, or text that reads both ways.

Text dates are read day first; `05/10/2024` could also be 10 May, so the warning names the
day it was read as, in words no reader can take the wrong way round.
"""

from __future__ import annotations

from datetime import date

from reportkit.arrange.dates import MONTHS
from reportkit.problems import Problem, Severity
from reportkit.read.cells import swapped_reading, to_date
from reportkit.read.workbook import Row


def spelled(day: date) -> str:
    """`5 October 2024`: a date no reader can take the wrong way round."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def read_date(row: Row, column: str, problems: list[Problem]) -> date | None:
    """The date in a cell that is not empty; an error when it is no date, a warning when it
    is text that could be read the other way round."""
    raw = row.raw(column)
    read = to_date(raw)
    if read is None:
        problems.append(
            Problem(
                f'"{row.text(column)}" is not a date',
                "enter it as an Excel date, e.g. 1 November 2022",
                row.ref(column),
            )
        )
        return None
    other = swapped_reading(raw)
    if other is not None:
        problems.append(
            Problem(
                f'"{raw}" was read as {spelled(read)}',
                f"if {spelled(other)} was meant, type it as {spelled(other)}; "
                "an Excel date or 2024-10-05 is never ambiguous",
                row.ref(column),
                Severity.WARNING,
            )
        )
    return read
