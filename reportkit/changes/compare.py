"""Comparing two read models of a workbook: a `ChangeReport` of what the second changes."""

from __future__ import annotations

from reportkit.changes.meeting import meeting_changes
from reportkit.changes.people import (
    People,
    delegate_changes,
    delegation_changes,
    heading_changes,
)
from reportkit.changes.programme import programme_changes
from reportkit.changes.report import ChangeReport
from reportkit.changes.text import agenda_lines, body_lines, text_changes
from reportkit.model import MeetingInput
from reportkit.reference import ReferenceData


def compare(old: MeetingInput, new: MeetingInput, reference: ReferenceData) -> ChangeReport:
    """The changes that turn `old` into `new`.

    A delegate whose name changes beyond case, accents, punctuation or spacing is reported as
    removed and added: the name is what identifies a person, and a corrected spelling of it
    (`Koc` → `Koç`) is reported as an edit of the name fields instead.
    """
    old_people = People(old, reference)
    new_people = People(new, reference)
    return ChangeReport(
        meeting=meeting_changes(old.meeting, new.meeting),
        body=text_changes(body_lines(old.report), body_lines(new.report)),
        agenda=text_changes(agenda_lines(old.agenda), agenda_lines(new.agenda)),
        programme=programme_changes(old.programme, new.programme),
        delegations=delegation_changes(old_people, new_people),
        delegates=delegate_changes(old_people, new_people),
        headings=heading_changes(old_people, new_people),
    )
