"""The changes found and the report that lists them, kept apart from how they are found so
that every kind of change reads the same way in a terminal and in a Markdown file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from enum import StrEnum
from itertools import groupby
from operator import itemgetter

from reportkit.changes.display import excerpt, quoted, wording

_KIND_LABELS = {"unnumbered": "unnumbered line"}


class Action(StrEnum):
    """Declared in the order changes are listed where one delegation or time has several."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


def rank(action: Action) -> int:
    """A sort key, so that changes of one delegation or time list in `Action` order."""
    return list(Action).index(action)


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: a meeting field, a heading, a field of a delegate or a slot."""

    field: str
    old: str
    new: str

    def describe(self) -> str:
        return f"{self.field}: {quoted(self.old)} → {quoted(self.new)}"


@dataclass(frozen=True)
class DelegationChange:
    action: Action
    delegation: str

    def describe(self) -> str:
        return f"{self.delegation} {self.action}"


@dataclass(frozen=True)
class DelegateChange:
    """A person added, removed or edited; `details` (position, organisation) tell who it is."""

    action: Action
    delegation: str
    person: str
    details: str = ""
    fields: tuple[FieldChange, ...] = ()

    def describe(self) -> str:
        if self.action is Action.CHANGED:
            return f"{self.person} edited — " + "; ".join(f.describe() for f in self.fields)
        details = f" ({excerpt(self.details)})" if self.details else ""
        return f"{self.person} {self.action}{details}"


@dataclass(frozen=True)
class TextChange:
    """A body block or agenda line added, removed or reworded.

    `number` is the paragraph (or agenda item) number in the new report, `old_number` the
    one it had in the old report; both are None for lines that are not numbered.
    """

    action: Action
    kind: str
    old_text: str = ""
    new_text: str = ""
    number: int | None = None
    old_number: int | None = None

    def describe(self) -> str:
        label = _KIND_LABELS.get(self.kind, self.kind).capitalize()
        if self.action is Action.ADDED:
            return f"{label}{_number(self.number)} added: {quoted(self.new_text)}"
        if self.action is Action.REMOVED:
            return f"{label} removed{_was(self.old_number)}: {quoted(self.old_text)}"
        was = _was(self.old_number) if self.old_number != self.number else ""
        return (
            f"{label}{_number(self.number)} reworded{was}: {wording(self.old_text, self.new_text)}"
        )


@dataclass(frozen=True)
class SlotChange:
    """A programme slot added, removed, or changed in title spelling, description or points."""

    action: Action
    slot: str
    fields: tuple[FieldChange, ...] = ()

    def describe(self) -> str:
        if self.action is Action.CHANGED:
            return f"{self.slot} changed — " + "; ".join(f.describe() for f in self.fields)
        return f"{self.slot} {self.action}"


@dataclass(frozen=True)
class ChangeReport:
    """Every change, section by section in the order of the document."""

    meeting: tuple[FieldChange, ...] = ()
    body: tuple[TextChange, ...] = ()
    agenda: tuple[TextChange, ...] = ()
    programme: tuple[SlotChange, ...] = ()
    delegations: tuple[DelegationChange, ...] = ()
    delegates: tuple[DelegateChange, ...] = ()
    headings: tuple[FieldChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def lines(self) -> list[str]:
        """One line per change, for a terminal: `Participants (Pakistan): Ms. … edited — …`."""
        return [
            f"{section}{f' ({group})' if group else ''}: {text}"
            for section, group, text in self._entries()
        ]

    def markdown(self, title: str) -> str:
        """A readable document: one `##` section per part of the report that changed."""
        out = [f"# Changes: {title}", ""]
        if self.is_empty:
            out += ["No changes.", ""]
        for section, entries in groupby(self._entries(), key=itemgetter(0)):
            out += [f"## {section}", ""]
            for group, items in groupby(entries, key=itemgetter(1)):
                if group:
                    out += [f"### {group}", ""]
                out += [f"- {text}" for _, _, text in items]
                out.append("")
        return "\n".join(out)

    def _entries(self) -> Iterator[tuple[str, str, str]]:
        """(section, group, description) in output order; only delegates have a group."""
        yield from (("Meeting", "", c.describe()) for c in self.meeting)
        yield from (("Report", "", c.describe()) for c in self.body)
        yield from (("Agenda", "", c.describe()) for c in self.agenda)
        yield from (("Programme", "", c.describe()) for c in self.programme)
        yield from (("Delegations", "", c.describe()) for c in self.delegations)
        yield from (("Participants", c.delegation, c.describe()) for c in self.delegates)
        yield from (("Delegation headings", "", c.describe()) for c in self.headings)


def _number(number: int | None) -> str:
    return f" {number}" if number is not None else ""


def _was(number: int | None) -> str:
    return f" (was {number})" if number is not None else ""
