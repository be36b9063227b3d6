"""Programme rows: a day row wherever the day changes, then the time slots; days are
written in the meeting's date style, as its date line is."""

from __future__ import annotations

from reportkit.arrange.dates import day_heading, time_slot
from reportkit.arrange.language import labels
from reportkit.arrange.result import ProgrammeRow
from reportkit.model import DateStyle, Language, Meeting, ProgrammeSlot


def programme_rows(
    slots: tuple[ProgrammeSlot, ...],
    language: Language = Language.EN,
    style: DateStyle = DateStyle.ORDINAL,
) -> tuple[ProgrammeRow, ...]:
    rows = []
    current_day = None
    for slot in slots:
        if slot.day is not None and slot.day != current_day:
            current_day = slot.day
            rows.append(ProgrammeRow(day=day_heading(slot.day, language, style)))
        rows.append(
            ProgrammeRow(
                time=time_slot(slot.start, slot.end),
                title=slot.title,
                description=slot.description,
                points=slot.points,
            )
        )
    return tuple(rows)


def programme_heading(meeting: Meeting) -> str:
    """ "DRAFT PROGRAMME (Ankara Time - GMT+3)", in the edition's language."""
    title = labels(meeting.language).programme
    return f"{title} ({meeting.time_zone})" if meeting.time_zone else title
