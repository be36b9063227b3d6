"""arrange: pure functions from the read model to the report as it will be printed."""

from __future__ import annotations

from reportkit.arrange.body import number_agenda, number_body
from reportkit.arrange.capitals import capitals
from reportkit.arrange.dates import date_line
from reportkit.arrange.participants import arrange_participants
from reportkit.arrange.programme import programme_heading, programme_rows
from reportkit.arrange.result import ArrangedReport, TitleBlock
from reportkit.model import MeetingInput
from reportkit.problems import Problem
from reportkit.reference import ReferenceData


def arrange(source: MeetingInput, reference: ReferenceData) -> tuple[ArrangedReport, list[Problem]]:
    meeting = source.meeting
    sections, problems = arrange_participants(
        meeting, source.participants, source.headings, reference
    )
    report = ArrangedReport(
        title=TitleBlock(capitals(meeting.document), capitals(meeting.title), date_line(meeting)),
        symbol=meeting.symbol,
        body=number_body(source.report),
        agenda=number_agenda(source.agenda),
        programme_heading=programme_heading(meeting),
        programme=programme_rows(source.programme),
        participants=sections,
    )
    return report, problems
