"""A new meeting from the page, as `reportkit new` starts one: its folder, and in it a
starter workbook named after the meeting with the title, day, venue and editions the form
gave, ready to download, fill in Excel and upload back. A workbook already there is a
person's work: it is never replaced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportkit.base.write import write_atomic
from reportkit.model import Language
from reportkit.read.cells import to_date
from reportkit.starter import Start, blank_workbook
from reportkit.web.language import page_text
from reportkit.web.meetings import Meeting, Meetings

OTHER_EDITIONS = (Language.FR, Language.AR)


@dataclass(frozen=True)
class Started:
    meeting: Meeting | None
    problem: str = ""  # page text, when no meeting was made
    workbook: str = ""  # the starter workbook's name
    existed: bool = False  # the workbook was there already, and is kept as it was


def start_meeting(
    meetings: Meetings, name: str, title: str, day: str, venue: str, editions: list[str]
) -> Started:
    meeting_day = to_date(day.strip()) if day.strip() else date.today()
    if meeting_day is None:
        return Started(None, page_text("The day is not a date: give it as 2024-10-05."))
    meeting = meetings.create(name)
    if meeting is None:
        return Started(
            None,
            page_text("Give the meeting a name with letters or digits (not the name of a file)."),
        )
    workbook = meeting.path / f"{meeting.name}.xlsx"
    if workbook.exists() or workbook.is_symlink():
        return Started(meeting, workbook=workbook.name, existed=True)
    languages = (Language.EN, *(e for e in OTHER_EDITIONS if e.value in editions))
    start = Start(meeting_day, title.strip(), venue.strip(), languages)
    write_atomic(workbook, blank_workbook(start))
    return Started(meeting, workbook=workbook.name)
