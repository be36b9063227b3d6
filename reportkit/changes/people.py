"""Delegations, delegates and heading overrides compared as the list of participants groups
them, so that retyping `PAK` as `Pakistan` is no change."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from reportkit.arrange.participants import SECRETARIAT_KEY, DelegationResolver
from reportkit.changes.display import shown
from reportkit.changes.keyed import keyed
from reportkit.changes.report import (
    Action,
    DelegateChange,
    DelegationChange,
    FieldChange,
    rank,
)
from reportkit.model import MeetingInput, Participant, Section
from reportkit.reference import ReferenceData
from reportkit.reference.names import match_key

_DELEGATE_FIELDS = (
    "honorific",
    "first_name",
    "last_name",
    "position",
    "organisation",
    "section",
    "edition_honorific",
    "edition_name",
)
# What the change note calls a field whose name does not say it (an edition's own).
_FIELD_WORDS = {
    "edition_honorific": "honorific in this edition",
    "edition_name": "name in this edition",
}


@dataclass(frozen=True)
class _Delegation:
    key: str
    label: str
    section: Section

    @property
    def order(self) -> tuple[int, str, str]:
        """Section order, then alphabetical by label: stable whatever the meeting's ordering."""
        return (list(Section).index(self.section), match_key(self.label), self.key)


class People:
    """One meeting's delegations, delegates and heading overrides, keyed for comparison.

    A delegate is keyed by delegation, normalised name and occurrence, so that the same
    person listed twice is two rows, and deleting one of them is one removal.
    """

    def __init__(self, source: MeetingInput, reference: ReferenceData) -> None:
        # Delegations are named as the meeting's report names them: in force on its date.
        self.day = source.meeting.date
        self.resolver = DelegationResolver(reference, source.meeting.secretariat, day=self.day)
        self.delegations: dict[str, _Delegation] = {}
        rows = []
        for participant in source.participants:
            delegation = self.delegation(participant.delegation, participant.section)
            self.delegations.setdefault(delegation.key, delegation)
            rows.append((delegation.key, participant))
        self.delegates = keyed(rows, lambda row: (row[0], match_key(_full_name(row[1]))))
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
        label = found.as_of(self.day).name if found else name
        return _Delegation(placement.key, label, placement.section)


def delegation_changes(old: People, new: People) -> tuple[DelegationChange, ...]:
    changes = [
        (d.order, rank(Action.ADDED), DelegationChange(Action.ADDED, d.label))
        for key, d in new.delegations.items()
        if key not in old.delegations
    ]
    changes += [
        (d.order, rank(Action.REMOVED), DelegationChange(Action.REMOVED, d.label))
        for key, d in old.delegations.items()
        if key not in new.delegations
    ]
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1)))


def delegate_changes(old: People, new: People) -> tuple[DelegateChange, ...]:
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
        changes.append((delegation.order, rank(change.action), index, change))
    for index, (key, (delegation_key, person)) in enumerate(old.delegates.items()):
        if key not in new.delegates:
            delegation = delegations[delegation_key]
            change = _delegate(Action.REMOVED, delegation.label, person)
            changes.append((delegation.order, rank(Action.REMOVED), index, change))
    return tuple(change for *_, change in sorted(changes, key=itemgetter(0, 1, 2)))


def _delegate(action: Action, delegation: str, person: Participant) -> DelegateChange:
    details = ", ".join(p for p in (person.position, person.organisation) if p)
    return DelegateChange(action, delegation, _person(person), details)


def _delegate_edits(old: Participant, new: Participant) -> tuple[FieldChange, ...]:
    edits = []
    for name in _DELEGATE_FIELDS:
        a, b = shown(getattr(old, name)), shown(getattr(new, name))
        if a != b:
            edits.append(FieldChange(_FIELD_WORDS.get(name, name.replace("_", " ")), a, b))
    return tuple(edits)


def heading_changes(old: People, new: People) -> tuple[FieldChange, ...]:
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
