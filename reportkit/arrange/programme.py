"""Programme rows: a day row wherever the day changes, then the time slots."""

from __future__ import annotations

from reportkit.arrange.dates import day_heading, time_slot
from reportkit.arrange.result import ProgrammeRow
from reportkit.model import Meeting, ProgrammeSlot


def programme_rows(slots: tuple[ProgrammeSlot, ...]) -> tuple[ProgrammeRow, ...]:
    rows = []
    current_day = None
    for slot in slots:
        if slot.day is not None and slot.day != current_day:
            current_day = slot.day
            rows.append(ProgrammeRow(day=day_heading(slot.day)))
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
    """ "DRAFT PROGRAMME (Ankara Time - GMT+3)" """
    return f"DRAFT PROGRAMME ({meeting.time_zone})" if meeting.time_zone else "DRAFT PROGRAMME"
