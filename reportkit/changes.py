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

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, time
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import groupby
from operator import itemgetter
from typing import TypeVar

from reportkit.arrange.body import number_agenda, number_body
from reportkit.arrange.dates import long_date, time_slot
from reportkit.arrange.participants import SECRETARIAT_KEY, DelegationResolver
from reportkit.model import (
    AgendaEntry,
    Meeting,
    MeetingInput,
    Participant,
    ProgrammeSlot,
    ReportBlock,
    Section,
)
from reportkit.reference import ReferenceData
from reportkit.reference.names import match_key

EXCERPT_LENGTH = 80
# Words shown either side of a change inside a reworded text, so the change can be found.
CONTEXT_WORDS = 3
# Meeting fields that record where a value was typed, not what the report says.
_NOT_CONTENT = frozenset({"field_locations"})
_DELEGATE_FIELDS = ("honorific", "first_name", "last_name", "position", "organisation", "section")
_KIND_LABELS = {"unnumbered": "unnumbered line"}

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class Action(StrEnum):
    """Declared in the order changes are listed where one delegation or time has several."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: a meeting field, a heading, a field of a delegate or a slot."""

    field: str
    old: str
    new: str

    def describe(self) -> str:
        return f"{self.field}: {_quoted(self.old)} → {_quoted(self.new)}"


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
        details = f" ({_excerpt(self.details)})" if self.details else ""
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
            return f"{label}{_number(self.number)} added: {_quoted(self.new_text)}"
        if self.action is Action.REMOVED:
            return f"{label} removed{_was(self.old_number)}: {_quoted(self.old_text)}"
        was = _was(self.old_number) if self.old_number != self.number else ""
        return (
            f"{label}{_number(self.number)} reworded{was}: {_wording(self.old_text, self.new_text)}"
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


def compare(old: MeetingInput, new: MeetingInput, reference: ReferenceData) -> ChangeReport:
    """The changes that turn `old` into `new`.

    A delegate whose name changes beyond case, accents, punctuation or spacing is reported as
    removed and added: the name is what identifies a person, and a corrected spelling of it
    (`Koc` → `Koç`) is reported as an edit of the name fields instead.
    """
    old_people = _People(old, reference)
    new_people = _People(new, reference)
    return ChangeReport(
        meeting=_meeting_changes(old.meeting, new.meeting),
        body=_text_changes(_body_lines(old.report), _body_lines(new.report)),
        agenda=_text_changes(_agenda_lines(old.agenda), _agenda_lines(new.agenda)),
        programme=_programme_changes(old.programme, new.programme),
        delegations=_delegation_changes(old_people, new_people),
        delegates=_delegate_changes(old_people, new_people),
        headings=_heading_changes(old_people, new_people),
    )


# --- the meeting sheet -----------------------------------------------------------------


def _meeting_changes(old: Meeting, new: Meeting) -> tuple[FieldChange, ...]:
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
            values[field.name] = _shown(value)
    return values


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return long_date(value)
    return str(value)


# --- report body and agenda ------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    kind: str
    text: str
    number: int | None


def _body_lines(blocks: tuple[ReportBlock, ...]) -> list[_Line]:
    return [_Line(b.kind.value, b.text, b.number) for b in number_body(blocks)]


def _agenda_lines(entries: tuple[AgendaEntry, ...]) -> list[_Line]:
    """Items and their notes, each note a line of its own as it is printed."""
    lines = []
    for entry, line in zip(entries, number_agenda(entries), strict=True):
        lines.append(_Line(entry.kind.value, line.text, line.number))
        if line.note:
            lines.append(_Line("note", line.note, None))
    return lines


def _text_changes(old: list[_Line], new: list[_Line]) -> tuple[TextChange, ...]:
    """Lines compared by kind and text only, so renumbered but unchanged paragraphs match."""
    matcher = SequenceMatcher(
        None, [(x.kind, x.text) for x in old], [(x.kind, x.text) for x in new], autojunk=False
    )
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += _pair_up(old[i1:i2], new[j1:j2])
    return tuple(changes)


def _pair_up(old: list[_Line], new: list[_Line]) -> list[TextChange]:
    """Within a replaced run, pair old and new lines of a kind as rewordings, the rest added
    or removed.

    Pairs keep their order, as many lines as possible are paired, and among those pairings
    the one whose pairs read most alike wins: a paragraph inserted just before a reworded one
    is then reported as added, not as the rewording.
    """
    affinity = [[_affinity(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in reversed(range(len(old))):
        for j in reversed(range(len(new))):
            paired = affinity[i][j] + best[i + 1][j + 1] if affinity[i][j] else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    changes = []
    i = j = 0
    while i < len(old) or j < len(new):
        if (
            i < len(old)
            and j < len(new)
            and affinity[i][j]
            and (best[i][j] == affinity[i][j] + best[i + 1][j + 1])
        ):
            changes.append(_reworded(old[i], new[j]))
            i, j = i + 1, j + 1
        elif i < len(old) and (j == len(new) or best[i][j] == best[i + 1][j]):
            changes.append(
                TextChange(
                    Action.REMOVED, old[i].kind, old_text=old[i].text, old_number=old[i].number
                )
            )
            i += 1
        else:
            changes.append(
                TextChange(Action.ADDED, new[j].kind, new_text=new[j].text, number=new[j].number)
            )
            j += 1
    return changes


def _affinity(old: _Line, new: _Line) -> float:
    """0 when the lines cannot be a rewording of each other; else 1 plus their likeness."""
    if old.kind != new.kind:
        return 0.0
    return 1.0 + SequenceMatcher(None, _words(old.text), _words(new.text)).ratio()


def _reworded(old: _Line, new: _Line) -> TextChange:
    return TextChange(Action.CHANGED, new.kind, old.text, new.text, new.number, old.number)


def _wording(old: str, new: str) -> str:
    """Only the words that changed, with a little context: a corrected date in a long
    paragraph must be visible, not hidden behind the paragraph's unchanged opening."""
    a, b = _words(old), _words(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return "; ".join(
        f"{_fragment(a, group[0][1], group[-1][2])} → {_fragment(b, group[0][3], group[-1][4])}"
        for group in matcher.get_grouped_opcodes(CONTEXT_WORDS)
    )


def _fragment(words: list[str], start: int, stop: int) -> str:
    text = _excerpt(" ".join(words[start:stop]))
    if not text:
        return _quoted("")
    if start > 0:
        text = "…" + text
    if stop < len(words) and not text.endswith("…"):
        text += "…"
    return f'"{text}"'


# --- programme -------------------------------------------------------------------------


def _programme_changes(
    old: tuple[ProgrammeSlot, ...], new: tuple[ProgrammeSlot, ...]
) -> tuple[SlotChange, ...]:
    """Slots are known by day, times and title, listed in time order; a retimed slot is
    removed and added, which says plainly that the programme moved."""
    old_slots, new_slots = _keyed(old, _slot_key), _keyed(new, _slot_key)
    changes = []
    for key, slot in new_slots.items():
        if key not in old_slots:
            changes.append((key, _rank(Action.ADDED), SlotChange(Action.ADDED, _slot_label(slot))))
        elif edits := _slot_edits(old_slots[key], slot):
            change = SlotChange(Action.CHANGED, _slot_label(slot), edits)
            changes.append((key, _rank(Action.CHANGED), change))
    for key, slot in old_slots.items():
        if key not in new_slots:
            change = SlotChange(Action.REMOVED, _slot_label(slot))
            changes.append((key, _rank(Action.REMOVED), change))
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1)))


def _slot_key(slot: ProgrammeSlot) -> tuple[date, time, time, str]:
    return (slot.day or date.min, slot.start, slot.end, match_key(slot.title))


def _slot_label(slot: ProgrammeSlot) -> str:
    day = f"{long_date(slot.day)}, " if slot.day else ""
    title = f" {_quoted(slot.title)}" if slot.title else ""
    return f"{day}{time_slot(slot.start, slot.end)}{title}"


def _slot_edits(old: ProgrammeSlot, new: ProgrammeSlot) -> tuple[FieldChange, ...]:
    pairs = (
        ("title", old.title, new.title),
        ("description", old.description, new.description),
        ("points", " / ".join(old.points), " / ".join(new.points)),
    )
    return tuple(FieldChange(name, a, b) for name, a, b in pairs if a != b)


# --- participants ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Delegation:
    key: str
    label: str
    section: Section

    @property
    def order(self) -> tuple[int, str, str]:
        """Section order, then alphabetical by label: stable whatever the meeting's ordering."""
        return (list(Section).index(self.section), match_key(self.label), self.key)


class _People:
    """One meeting's delegations, delegates and heading overrides, keyed for comparison.

    A delegate is keyed by delegation, normalised name and occurrence, so that the same
    person listed twice is two rows, and deleting one of them is one removal.
    """

    def __init__(self, source: MeetingInput, reference: ReferenceData) -> None:
        self.resolver = DelegationResolver(reference, source.meeting.secretariat)
        self.delegations: dict[str, _Delegation] = {}
        rows = []
        for participant in source.participants:
            delegation = self.delegation(participant.delegation, participant.section)
            self.delegations.setdefault(delegation.key, delegation)
            rows.append((delegation.key, participant))
        self.delegates = _keyed(rows, lambda row: (row[0], match_key(_full_name(row[1]))))
        # Heading overrides may name a delegation nobody belongs to; it still needs a label.
        self.named = dict(self.delegations)
        self.headings: dict[str, str] = {}
        for override in source.headings:
            delegation = self.delegation(override.delegation, None)
            self.named.setdefault(delegation.key, delegation)
            self.headings[delegation.key] = override.heading

    def delegation(self, name: str, section: Section | None) -> _Delegation:
        """Where the list of participants puts the name; an unknown name without a Section
        (an error in the workbook) still counts as one delegation, known by its typed name."""
        placement = self.resolver.place(name, section)
        if placement is None:
            return _Delegation(self.resolver.key_of(name), name, Section.OTHERS)
        if placement.key == SECRETARIAT_KEY:
            return _Delegation(placement.key, placement.heading, placement.section)
        found = self.resolver.reference.find(name)
        return _Delegation(placement.key, found.name if found else name, placement.section)


def _delegation_changes(old: _People, new: _People) -> tuple[DelegationChange, ...]:
    changes = [
        (d.order, _rank(Action.ADDED), DelegationChange(Action.ADDED, d.label))
        for key, d in new.delegations.items()
        if key not in old.delegations
    ]
    changes += [
        (d.order, _rank(Action.REMOVED), DelegationChange(Action.REMOVED, d.label))
        for key, d in old.delegations.items()
        if key not in new.delegations
    ]
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1)))


def _delegate_changes(old: _People, new: _People) -> tuple[DelegateChange, ...]:
    """Grouped by delegation in section order; within one, added, removed, then edited
    people, each in the order of their sheet."""
    delegations = {**old.named, **new.named}
    changes = []
    for index, (key, (delegation_key, person)) in enumerate(new.delegates.items()):
        delegation = delegations[delegation_key]
        if key not in old.delegates:
            change = _delegate(Action.ADDED, delegation.label, person)
        elif edits := _delegate_edits(old.delegates[key][1], person):
            change = DelegateChange(Action.CHANGED, delegation.label, _person(person), fields=edits)
        else:
            continue
        changes.append((delegation.order, _rank(change.action), index, change))
    for index, (key, (delegation_key, person)) in enumerate(old.delegates.items()):
        if key not in new.delegates:
            delegation = delegations[delegation_key]
            change = _delegate(Action.REMOVED, delegation.label, person)
            changes.append((delegation.order, _rank(Action.REMOVED), index, change))
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1, 2)))


def _delegate(action: Action, delegation: str, person: Participant) -> DelegateChange:
    details = ", ".join(p for p in (person.position, person.organisation) if p)
    return DelegateChange(action, delegation, _person(person), details)


def _delegate_edits(old: Participant, new: Participant) -> tuple[FieldChange, ...]:
    edits = []
    for name in _DELEGATE_FIELDS:
        a, b = _shown(getattr(old, name)), _shown(getattr(new, name))
        if a != b:
            edits.append(FieldChange(name.replace("_", " "), a, b))
    return tuple(edits)


def _heading_changes(old: _People, new: _People) -> tuple[FieldChange, ...]:
    """Headings from the Delegations sheet, labelled by the delegation they replace."""
    delegations = {**old.named, **new.named}
    changes = []
    for key in dict.fromkeys([*old.headings, *new.headings]):
        before, after = old.headings.get(key, ""), new.headings.get(key, "")
        if before != after:
            delegation = delegations[key]
            changes.append((delegation.order, FieldChange(delegation.label, before, after)))
    return tuple(change for _, change in sorted(changes, key=itemgetter(0)))


def _person(participant: Participant) -> str:
    return " ".join(p for p in (participant.honorific, _full_name(participant)) if p)


def _full_name(participant: Participant) -> str:
    return " ".join(p for p in (participant.first_name, participant.last_name) if p)


# --- shared helpers --------------------------------------------------------------------


def _keyed(items: Iterable[T], key: Callable[[T], K]) -> dict[tuple[K, int], T]:
    """Items by key and occurrence, so two rows with one key are two things, not one."""
    values = list(items)
    return dict(zip(_numbered(key(v) for v in values), values, strict=True))


def _numbered(keys: Iterable[K]) -> list[tuple[K, int]]:
    seen: Counter[K] = Counter()
    numbered = []
    for key in keys:
        numbered.append((key, seen[key]))
        seen[key] += 1
    return numbered


def _words(text: str) -> list[str]:
    """Words, with a line break shown as ¶ so that moving one is a visible change."""
    return text.replace("\n", " ¶ ").split()


def _excerpt(text: str) -> str:
    flat = " ".join(_words(text))
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    cut = flat[:EXCERPT_LENGTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def _quoted(text: str) -> str:
    return f'"{_excerpt(text)}"' if text else "(none)"


def _rank(action: Action) -> int:
    return list(Action).index(action)


def _number(number: int | None) -> str:
    return f" {number}" if number is not None else ""


def _was(number: int | None) -> str:
    return f" (was {number})" if number is not None else ""
