"""A workbook's problems as the page's table shows them: errors first, then warnings, each
with its sheet and cell apart so a rapporteur can sort them; what reportkit tidied by
itself (nothing to do) is only counted, as `reportkit check` counts it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportkit.problems import Problem, Severity


@dataclass(frozen=True)
class Row:
    severity: str
    sheet: str
    cell: str
    message: str
    hint: str


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    errors: int
    tidied: int


def table(problems: Iterable[Problem]) -> Table:
    found = list(problems)
    errors = [p for p in found if p.severity is Severity.ERROR]
    warnings = [p for p in found if p.severity is not Severity.ERROR and not p.tidied]
    rows = tuple(_row(p) for p in [*errors, *warnings])
    return Table(rows, len(errors), sum(p.tidied for p in found))


def _row(problem: Problem) -> Row:
    sheet, bang, cell = problem.location.rpartition("!")
    if not bang:
        sheet, cell = problem.location, ""
    return Row(problem.severity.value, sheet, cell, problem.message, problem.hint)
