"""Programme slots compared by when they are and what they are called."""

from __future__ import annotations

from datetime import date, time
from operator import itemgetter

from reportkit.arrange.dates import long_date, time_slot
from reportkit.changes.display import quoted
from reportkit.changes.keyed import keyed
from reportkit.changes.report import Action, FieldChange, SlotChange, rank
from reportkit.model import ProgrammeSlot
from reportkit.reference.names import match_key


def programme_changes(
    old: tuple[ProgrammeSlot, ...], new: tuple[ProgrammeSlot, ...]
) -> tuple[SlotChange, ...]:
    """Slots are known by day, times and title, listed in time order; a retimed slot is
    removed and added, which says plainly that the programme moved."""
    old_slots, new_slots = keyed(old, _slot_key), keyed(new, _slot_key)
    changes = []
    for key, slot in new_slots.items():
        if key not in old_slots:
            changes.append((key, rank(Action.ADDED), SlotChange(Action.ADDED, _slot_label(slot))))
        elif edits := _slot_edits(old_slots[key], slot):
            change = SlotChange(Action.CHANGED, _slot_label(slot), edits)
            changes.append((key, rank(Action.CHANGED), change))
    for key, slot in old_slots.items():
        if key not in new_slots:
            change = SlotChange(Action.REMOVED, _slot_label(slot))
            changes.append((key, rank(Action.REMOVED), change))
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1)))


def _slot_key(slot: ProgrammeSlot) -> tuple[date, time, time, str]:
    return (slot.day or date.min, slot.start, slot.end, match_key(slot.title))


def _slot_label(slot: ProgrammeSlot) -> str:
    day = f"{long_date(slot.day)}, " if slot.day else ""
    title = f" {quoted(slot.title)}" if slot.title else ""
    return f"{day}{time_slot(slot.start, slot.end)}{title}"


def _slot_edits(old: ProgrammeSlot, new: ProgrammeSlot) -> tuple[FieldChange, ...]:
    pairs = (
        ("title", old.title, new.title),
        ("description", old.description, new.description),
        ("points", " / ".join(old.points), " / ".join(new.points)),
    )
    return tuple(FieldChange(name, a, b) for name, a, b in pairs if a != b)
