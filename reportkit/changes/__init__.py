"""What changed between two versions of a meeting workbook, for checking a regenerated report.

Secretariats correct a workbook and build the report again; before sending it out they must
see what each correction changed in the document, and nothing else. So changes are found in
the terms the document uses, not cell by cell:

- a delegation is what the list of participants groups under one heading, so `PAK` and
  `Pakistan` are the same delegation and retyping one as the other is no change;
- a delegate is a person in a delegation, known by first and last name up to case, accents,
  punctuation and spacing; a different name is a different person (removed, then added);
- body paragraphs are numbered, so an inserted paragraph is reported with its number and the
  paragraphs after it, merely renumbered, are not reported at all.

Everything here is pure: two read models in, a `ChangeReport` out, printed by the caller.
"""

from __future__ import annotations

from reportkit.changes.meeting import meeting_changes
from reportkit.changes.people import (
    People,
    delegate_changes,
    delegation_changes,
    heading_changes,
)
from reportkit.changes.programme import programme_changes
from reportkit.changes.report import (
    Action,
    ChangeReport,
    DelegateChange,
    DelegationChange,
    FieldChange,
    SlotChange,
    TextChange,
)
from reportkit.changes.text import agenda_lines, body_lines, text_changes
from reportkit.model import MeetingInput
from reportkit.reference import ReferenceData

__all__ = [
    "Action",
    "ChangeReport",
    "DelegateChange",
    "DelegationChange",
    "FieldChange",
    "SlotChange",
    "TextChange",
    "compare",
]


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
