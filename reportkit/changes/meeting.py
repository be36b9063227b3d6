"""Meeting-sheet fields compared as the report prints them."""

from __future__ import annotations

from dataclasses import fields

from reportkit.changes.display import shown
from reportkit.changes.report import FieldChange
from reportkit.model import Meeting, Section

# Meeting fields that record where a value was typed, not what the report says.
_NOT_CONTENT = frozenset({"field_locations"})


def meeting_changes(old: Meeting, new: Meeting) -> tuple[FieldChange, ...]:
    old_values, new_values = _meeting_values(old), _meeting_values(new)
    names = dict.fromkeys([*old_values, *new_values])
    return tuple(
        FieldChange(name, old_values.get(name, ""), new_values.get(name, ""))
        for name in names
        if old_values.get(name, "") != new_values.get(name, "")
    )


def _meeting_values(meeting: Meeting) -> dict[str, str]:
    """Every meeting field as printed, named as in the Meeting sheet (`members_heading` …).

    Fields are taken from the model, so a field added to `Meeting` is compared without
    anyone remembering to list it here.
    """
    values: dict[str, str] = {}
    for field in fields(meeting):
        value = getattr(meeting, field.name)
        if field.name in _NOT_CONTENT:
            continue
        if field.name == "section_headings":
            for section in Section:
                if section in value:
                    values[f"{section.value}s_heading"] = value[section]
        else:
            values[field.name] = shown(value)
    return values
