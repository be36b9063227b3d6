"""A build's outcomes as the meeting page shows them: per edition of each workbook, what
happened, its problems as a table, the lines the batch said of it, and what was merged into
a person's report — every path as the meeting's folder holds it."""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.batch.run import Outcome
from reportkit.web.findings import Table, table
from reportkit.web.meetings import Meeting


@dataclass(frozen=True)
class Shown:
    workbook: str
    edition: str
    status: str
    problems: Table
    lines: tuple[str, ...]
    changes: tuple[str, ...]  # what the workbook changed since the report's last build
    report: str  # its file name in `outputs/`, "" when none was written
    applied: tuple[str, ...]  # merged as tracked changes
    conflicts: tuple[str, ...]
    kept: str  # the kept copy's file name in `outputs/.reportkit/kept/`, "" when none


def shown(outcome: Outcome, meeting: Meeting) -> Shown:
    problems = outcome.findings.problems if outcome.findings else ()
    lines = [
        *outcome.messages,
        *([outcome.pdf_error] if outcome.pdf_error else []),
        *outcome.notices,
    ]
    return Shown(
        outcome.workbook.name,
        outcome.language.value,
        outcome.status.value,
        table(problems),
        tuple(meeting.relative(line) for line in lines),
        tuple(outcome.changes),
        outcome.report.name if outcome.report and outcome.report.parent == meeting.outputs else "",
        tuple(outcome.applied),
        tuple(meeting.relative(line) for line in outcome.conflicts),
        outcome.kept.name if outcome.kept else "",
    )
