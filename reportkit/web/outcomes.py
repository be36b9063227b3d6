"""A build's outcomes as the meeting page shows them: per edition of each workbook, what
happened, its problems as a table, and the lines the batch said of it."""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.batch.run import Outcome
from reportkit.web.findings import Table, table


@dataclass(frozen=True)
class Shown:
    workbook: str
    edition: str
    status: str
    problems: Table
    lines: tuple[str, ...]


def shown(outcome: Outcome) -> Shown:
    problems = outcome.findings.problems if outcome.findings else ()
    lines = [
        *outcome.messages,
        *outcome.conflicts,
        *([outcome.pdf_error] if outcome.pdf_error else []),
        *outcome.notices,
    ]
    return Shown(
        outcome.workbook.name,
        outcome.language.value,
        outcome.status.value,
        table(problems),
        tuple(lines),
    )
