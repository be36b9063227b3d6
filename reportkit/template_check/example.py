"""A small meeting holding one of everything a report can show.

Its arranged values are what a template is checked against: the names a template may use
are read from them (so they follow `render/context.py` as it changes), and a template that
passes the static checks is rendered with them once, to catch what only running shows.
"""

from __future__ import annotations

from datetime import date, time
from functools import cache

from reportkit.arrange import arrange
from reportkit.arrange.result import ArrangedReport
from reportkit.model import (
    DEFAULT_ANNEXES,
    AgendaEntry,
    AgendaKind,
    AnnexKind,
    AnnexSpec,
    BlockKind,
    Meeting,
    MeetingInput,
    Participant,
    ProgrammeSlot,
    ReportBlock,
    Section,
)
from reportkit.reference import load_reference


def example_meeting() -> MeetingInput:
    day = date(2024, 10, 5)
    return MeetingInput(
        Meeting(
            title="1st Example Meeting",
            date=day,
            end_date=date(2024, 10, 6),
            venue="Ankara",
            time_zone="Ankara Time - GMT+3",
            secretariat="COMCEC Coordination Office",
            symbol="OIC/COMCEC/EX-1",
            original="Original: English",
            subtitle="An Example Theme",
            participants_subtitle="Example Experts",
        ),
        (
            ReportBlock(BlockKind.PARAGRAPH, "The Meeting was held."),
            ReportBlock(BlockKind.HEADING, "Opening"),
            ReportBlock(BlockKind.BULLET, "A point."),
            ReportBlock(BlockKind.NOTE, "(A note)"),
        ),
        (
            AgendaEntry(AgendaKind.UNNUMBERED, "Opening Remarks"),
            AgendaEntry(AgendaKind.ITEM, "Any Other Business", "(a note)"),
        ),
        (ProgrammeSlot(time(10), time(10, 30), "Opening", "*Welcome*", ("A point",), day),),
        (
            Participant("Egypt", "Ahmed", "Hassan", "Mr.", "Director", "Ministry of Trade"),
            Participant("SESRIC", "Atilla", "Karaman", "Dr.", "Director"),
            Participant("World Bank", "Jane", "Doe", "Ms.", section=Section.OTHERS),
            Participant("COMCEC Coordination Office", "Selçuk", "Koç", "Mr."),
        ),
        annexes=(
            *DEFAULT_ANNEXES,
            AnnexSpec(
                AnnexKind.TEXT,
                "Opening Statement",
                (ReportBlock(BlockKind.PARAGRAPH, "Excellencies,"),),
                "Opening Statement",
            ),
        ),
    )


@cache
def example_report() -> ArrangedReport:
    report, _ = arrange(example_meeting(), load_reference())
    return report
