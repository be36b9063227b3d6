"""A new meeting from the page, as `reportkit new` starts one: its folder, and its starter
workbook with the title, day, venue and editions the form gave, to download, fill in Excel
and upload back under its name. The starter is made on each download from the fields in
its address, never saved in the meeting's folder: every workbook there is one a person
uploaded, and the build makes a report of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from reportkit.model import Language
from reportkit.read.cells import to_date
from reportkit.starter import Start, blank_workbook
from reportkit.web.language import page_text
from reportkit.web.meetings import Meeting, Meetings

OTHER_EDITIONS = (Language.FR, Language.AR)
FIELDS = ("title", "day", "venue")


@dataclass(frozen=True)
class Fields:
    """What the new-meeting form said of the meeting, as typed."""

    title: str = ""
    day: str = ""
    venue: str = ""
    editions: tuple[str, ...] = ()

    def query(self) -> str:
        """The starter's address's query, holding these fields."""
        pairs = [(name, getattr(self, name).strip()) for name in FIELDS]
        pairs += [("editions", edition) for edition in self.editions]
        return urlencode([(name, value) for name, value in pairs if value])

    def start(self) -> Start | None:
        """The starter workbook's contents; None when the day is not a date."""
        day = to_date(self.day.strip()) if self.day.strip() else date.today()
        if day is None:
            return None
        languages = (Language.EN, *(e for e in OTHER_EDITIONS if e.value in self.editions))
        return Start(day, self.title.strip(), self.venue.strip(), languages)


@dataclass(frozen=True)
class Started:
    meeting: Meeting | None
    problem: str = ""  # page text, when no meeting was made


def start_meeting(meetings: Meetings, name: str, fields: Fields) -> Started:
    if fields.start() is None:
        return Started(None, page_text("The day is not a date: give it as 2024-10-05."))
    meeting = meetings.create(name)
    if meeting is None:
        return Started(
            None,
            page_text("Give the meeting a name with letters or digits (not the name of a file)."),
        )
    return Started(meeting)


def starter_workbook(fields: Fields) -> bytes | None:
    """The starter workbook's bytes; None when the day is not a date."""
    start = fields.start()
    return blank_workbook(start) if start else None
