"""The list of participants: delegations resolved, grouped, ordered and lettered.

Sections come in a fixed order (member countries, observer states, OIC institutions, other
organisations, the secretariat) and are lettered A., B., C. … among those that have people.
Member and observer states follow the meeting's ordering (arrange/ordering.py) and are
headed by their formal name, as in the reference report; the host, if named, goes first or
last among them. OIC bodies come by category, then name, in the sections the meeting's
`institution_sections` asks for (arrange/sections.py); with `ordering` as-typed every section
keeps the order of its delegations' first rows. Within a delegation, rows keep the
workbook's order, which is protocol order. Names are those in force on the meeting's date
("REPUBLIC OF TURKEY" in 2017, "REPUBLIC OF TÜRKİYE" since June 2022), however typed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from reportkit.arrange.capitals import capitals
from reportkit.arrange.language import honorific, labels, language_name
from reportkit.arrange.ordering import collation_key, state_key
from reportkit.arrange.result import DelegationGroup, ParticipantSection, Person
from reportkit.arrange.sections import lay_out
from reportkit.model import (
    HeadingOverride,
    HostPosition,
    Language,
    Meeting,
    Ordering,
    Participant,
    Section,
)
from reportkit.problems import Problem, Severity
from reportkit.reference import Delegation, DelegationKind, ReferenceData
from reportkit.reference.names import match_key

_SECTION_OF_KIND = {
    DelegationKind.MEMBER: Section.MEMBERS,
    DelegationKind.OBSERVER: Section.OBSERVERS,
    DelegationKind.INSTITUTION: Section.INSTITUTIONS,
}
SECRETARIAT_KEY = "secretariat"
# Delegates kept together at either end of a delegation: the first ones with its heading, so
# that a heading never ends a page with one name under it, and the last ones, so that no
# delegate is left alone on the next page. A delegation of up to 2 × KEPT_AT_ENDS - 1 is
# one block.
KEPT_AT_ENDS = 2
Order = tuple[int, int, tuple[object, ...]]


@dataclass(frozen=True)
class Placement:
    """Where one delegation goes: its group, its section and its place in the section.

    `order` is (edge, rank, collation key): edge moves the host first (-1) or last (1),
    rank groups OIC bodies by category, the key files names in the meeting's ordering.
    `category` is an OIC body's, as the reference data names it.
    """

    key: str
    section: Section
    order: Order
    heading: str
    short: str = ""
    category: str = ""


class DelegationResolver:
    """Decides, from a typed delegation name, the group and section it belongs to.

    With a `day`, headings and filing use the names in force on that day; the group's key
    stays the present name, so that one delegation is one group whatever name it is typed by.
    """

    def __init__(
        self,
        reference: ReferenceData,
        secretariat: str,
        ordering: Ordering = Ordering.ENGLISH,
        day: date | None = None,
        language: Language = Language.EN,
    ) -> None:
        self.reference = reference
        self.secretariat = secretariat
        self.ordering = ordering
        self.day = day
        self.language = language
        # Delegations whose heading the reference data does not give in the language.
        self.untranslated: dict[str, Delegation] = {}
        self._secretariat_match = reference.find(secretariat) if secretariat else None

    def is_secretariat(self, name: str) -> bool:
        if self.secretariat and match_key(name) == match_key(self.secretariat):
            return True
        found = self.reference.find(name)
        return found is not None and found == self._secretariat_match

    def place(self, name: str, section: Section | None) -> Placement | None:
        """None when the name is unknown and no section says what it is."""
        if section is Section.SECRETARIAT or (section is None and self.is_secretariat(name)):
            name = self._secretariat_name(name)
            return Placement(SECRETARIAT_KEY, Section.SECRETARIAT, (0, 0, ()), name, name)
        found = self.reference.find(name)
        if found is not None:
            return self._known(found, section)
        if section is None:
            return None
        # Listed under a section of its own choosing, an unknown name files after known ones.
        order = (0, self._rank(9), (collation_key(name, self.ordering),))
        return Placement(f"name:{match_key(name)}", section, order, name, name)

    def _secretariat_name(self, typed: str) -> str:
        """The secretariat's heading: its name as the meeting gives it, in another edition
        the reference data's name in that language as of the meeting's date (English where
        it has none)."""
        known = self._secretariat_match
        if self.language is Language.EN or known is None:
            return self.secretariat or typed
        dated = known if self.day is None else known.as_of(self.day)
        if not dated.translated(self.language):
            self.untranslated.setdefault(SECRETARIAT_KEY, dated)
            return self.secretariat or typed
        return dated.localized(self.language).formal_name

    def _known(self, found: Delegation, section: Section | None) -> Placement:
        target = section or _SECTION_OF_KIND[found.kind]
        # The names of the meeting's date in every language, so that no edition mixes
        # periods; a period without a name in the edition's language is printed in English.
        dated = found if self.day is None else found.as_of(self.day)
        # Filed by the names the ordering's language uses; shown in the edition's language.
        shown = dated.localized(self.language)
        if not dated.translated(self.language):
            self.untranslated.setdefault(f"ref:{found.name}", dated)
        filed = _FILED_IN.get(self.ordering, Language.EN)
        filing = dated.localized(filed).formal_name
        if target is Section.OTHERS:
            order: Order = (0, 9, (collation_key(filing, self.ordering),))
        elif found.kind is DelegationKind.INSTITUTION:
            order = (0, self._rank(found.rank), (collation_key(filing, self.ordering),))
        else:
            order = (0, 0, state_key(self.ordering)(dated))
        short = shown.acronym or shown.name
        return Placement(f"ref:{found.name}", target, order, shown.heading, short, found.category)

    def _rank(self, rank: int) -> int:
        """A rank that files within a section; none with as-typed, where a delegation's
        first row alone says its place (a body's category no more than a name's being
        unknown)."""
        return 0 if self.ordering is Ordering.AS_TYPED else rank

    def key_of(self, name: str) -> str:
        """The group a name stands for: the secretariat's own, or the delegation's."""
        placement = self.place(name, None) or self.place(name, Section.OTHERS)
        assert placement is not None
        return placement.key


def arrange_participants(
    meeting: Meeting,
    participants: tuple[Participant, ...],
    overrides: tuple[HeadingOverride, ...],
    reference: ReferenceData,
) -> tuple[tuple[ParticipantSection, ...], list[Problem]]:
    problems: list[Problem] = []
    language = meeting.language
    resolver = DelegationResolver(
        reference, meeting.secretariat, meeting.ordering, meeting.date, language
    )
    first_rows: dict[str, Participant] = {}
    placements: dict[str, Placement] = {}
    people: dict[str, list[Participant]] = {}
    seen: dict[tuple[str, str], Participant] = {}
    placed: dict[tuple[str, Section | None], Placement | None] = {}
    for participant in participants:
        typed = (participant.delegation, participant.section)
        if typed not in placed:  # a few dozen delegations for thousands of delegates
            placed[typed] = resolver.place(*typed)
        placement = placed[typed]
        if placement is None:
            problems.append(_unknown(participant, reference))
            continue
        identity = (placement.key, match_key(f"{participant.first_name} {participant.last_name}"))
        if identity in seen:
            problems.append(_duplicate(participant, seen[identity]))
        seen.setdefault(identity, participant)
        placements.setdefault(placement.key, placement)
        first_rows.setdefault(placement.key, participant)
        people.setdefault(placement.key, []).append(participant)

    headings = _override_headings(overrides, resolver, set(placements), problems)
    problems.extend(
        _untranslated(first_rows[key], delegation, language)
        for key, delegation in resolver.untranslated.items()
        if key in first_rows and key not in headings
    )
    _apply_host_rule(meeting, resolver, placements, problems)
    ordered = {
        section: sorted(
            (k for k, p in placements.items() if p.section is section),
            key=lambda k: placements[k].order,
        )
        for section in Section
    }
    categories = {k: p.category for k, p in placements.items()}
    # `placements` holds the delegations in the order of their first rows.
    parts = lay_out(meeting, ordered, list(placements), categories, problems)
    letters = labels(language).section_letters
    sections: list[ParticipantSection] = []
    for part in parts:
        if not part.keys:
            continue
        groups = tuple(
            DelegationGroup(
                k,
                capitals(headings.get(k, placements[k].heading)),
                _closed(people[k], language),
                placements[k].short,
            )
            for k in part.keys
        )
        heading = part.heading or groups[0].heading
        letter = letters[len(sections)]
        sections.append(ParticipantSection(part.section, letter, capitals(heading), groups))
    return tuple(sections), problems


def _apply_host_rule(
    meeting: Meeting,
    resolver: DelegationResolver,
    placements: dict[str, Placement],
    problems: list[Problem],
) -> None:
    """Move the host delegation first or last in its section, as some COMCEC lists do."""
    if not meeting.host:
        return
    host = resolver.place(meeting.host, None)
    if host is None:
        problems.append(
            Problem(
                f'unknown host "{meeting.host}"',
                "name the host country as in `reportkit delegations`",
                meeting.field_locations.get("host", ""),
            )
        )
        return
    if host.key in placements:
        edge = -1 if meeting.host_position is HostPosition.FIRST else 1
        placement = placements[host.key]
        _, rank, key = placement.order
        placements[host.key] = replace(placement, order=(edge, rank, key))


def _closed(people: list[Participant], language: Language) -> tuple[Person, ...]:
    """The delegation's people as printed, each after whom a page may break marked.

    The template ends its keep-with-next chain after a marked delegate, so a page breaks
    there or between two delegations, never between a name and its details. Pages are
    filled: a page that ends in a delegation breaks between two of its delegates, rather
    than sending the whole delegation to the next page and leaving the foot of this one
    blank, as keeping every delegation of up to ten whole did (pages 60 % full, and a
    right-to-left page held one delegation). Only the ends of a delegation stay together
    (`KEPT_AT_ENDS`), so a short one is never split; no block is long enough to leave
    more than a fifth of a page blank.
    """
    size = len(people)
    ends = {size - 1, *range(KEPT_AT_ENDS - 1, size - KEPT_AT_ENDS)}
    return tuple(_person(p, language, i in ends) for i, p in enumerate(people))


# Names filed by each ordering: a translation keeps its source's order (the English), as the
# OIC's own French and Arabic editions do (docs/orderings-and-names.md), unless the
# edition's own `ordering` value asks for its language's.
_FILED_IN = {Ordering.FRENCH: Language.FR, Ordering.ARABIC: Language.AR}


def _untranslated(participant: Participant, delegation: Delegation, language: Language) -> Problem:
    return Problem(
        f"the reference data has no {language_name(language)} name for {delegation.heading}, so "
        "its heading is printed in English",
        f"add a row for it to the Delegations sheet with the heading to print in a column"
        f' "Heading {language.value}"',
        participant.delegation_location,
        Severity.WARNING,
    )


def _person(participant: Participant, language: Language, last: bool) -> Person:
    """The delegate's two lines: title and name in capitals, then position and organisation.

    An edition prints the title and the name the workbook gives it (`Honorific ar`,
    `Name ar`), else the house title in its words and the name as typed — in Latin letters
    in the Arabic edition, which sets them apart as a left-to-right stretch of its own.
    """
    typed = " ".join(p for p in (participant.first_name, participant.last_name) if p)
    name = capitals(participant.edition_name or typed)
    shown = participant.edition_honorific or honorific(
        participant.honorific, language, participant.rank
    )
    prefix = f"{shown} " if shown else ""
    return Person(
        f"-{prefix}{name}", _details(participant.position, participant.organisation), last
    )


def _details(position: str, organisation: str) -> str:
    """Position and organisation joined by the comma of their script: the Arabic comma
    between two Arabic texts only, a Latin one wherever either is in Latin letters (an
    untranslated position in the Arabic edition, an acronym for an organisation)."""
    parts = [part for part in (position, organisation) if part]
    arabic = all(_reads_right_to_left(part) for part in parts)
    return labels(Language.AR if arabic else Language.EN).list_separator.join(parts)


def _reads_right_to_left(text: str) -> bool:
    """Whether `text` is Arabic (or another right-to-left script): its first letter says,
    as it says the direction of a paragraph (Unicode's bidirectional algorithm, P2)."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in {"R", "AL"}:
            return True
        if direction == "L":
            return False
    return False


def _duplicate(participant: Participant, first: Participant) -> Problem:
    name = " ".join(p for p in (participant.first_name, participant.last_name) if p)
    return Problem(
        f'"{name}" of {participant.delegation} is listed twice (also at {first.location})',
        "delete one of the rows if it is the same person",
        participant.location,
        Severity.WARNING,
    )


def _unknown(participant: Participant, reference: ReferenceData) -> Problem:
    clash = reference.clash(participant.delegation)
    if clash is not None:
        first, second = clash
        return Problem(
            f'"{participant.delegation}" names two delegations, "{first.name}" and "{second.name}"',
            'write one of them: its name, its acronym, or both as "Name (ACRONYM)"',
            participant.delegation_location,
        )
    suggestions = reference.suggest(participant.delegation)
    hint = (
        "did you mean " + " or ".join(f'"{s}"' for s in suggestions) + "? " if suggestions else ""
    )
    return Problem(
        f'unknown delegation "{participant.delegation}"',
        hint + "use a name from `reportkit delegations`, or write other in the Section column",
        participant.delegation_location,
    )


def _override_headings(
    overrides: tuple[HeadingOverride, ...],
    resolver: DelegationResolver,
    present: set[str],
    problems: list[Problem],
) -> dict[str, str]:
    headings: dict[str, str] = {}
    for override in overrides:
        key = resolver.key_of(override.delegation)
        if key not in present:
            problems.append(
                Problem(
                    f'no participant belongs to the delegation "{override.delegation}"',
                    "check the name matches the Participants sheet, or delete the row",
                    override.location,
                    Severity.WARNING,
                )
            )
        headings[key] = override.heading
    return headings
