"""The sections of the list of participants, and which delegations each holds.

States come first (members, then observers), other organisations near the end, as
arrange/participants.py orders them. Where the OIC bodies and the meeting's secretariat go
is the meeting's `institution_sections`:

- `one` (the default): one section of OIC bodies, by category then name (in the order of
  their first rows with `ordering` as-typed), and the secretariat in a section of its own,
  headed by its name, that closes the list — as the reference report prints "C. COMCEC
  COORDINATION OFFICE" after its institutions. With `ordering` as-typed, a secretariat whose
  first row is above every body's comes first instead, just before their section: the
  meeting typed it first, as COMCEC's own texts name it first ("COMCEC Coordination
  Office, COMSTECH, IDB Group and SESRIC", the reference report's paragraph 2).
- `categories`: a section per kind of OIC body, in the order of the OIC's Charter: the
  General Secretariat (headed by its name), the secretariat next in its own section, then
  subsidiary organs, specialized institutions (with the IsDB Group), affiliated institutions
  and other OIC bodies — the order of the 33rd Follow-up Committee's report, "the OIC General
  Secretariat, COMCEC Coordination Office, SESRIC, ICDT, IDB, ITFC, ICIEC, ICCIA and SMIIC".
- `as-typed`: one section of OIC bodies with the secretariat among them, every one in the
  order of its first row, whatever the `ordering` of states.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportkit.arrange.language import labels
from reportkit.arrange.result import DelegationGroup, ParticipantSection
from reportkit.model import (
    InstitutionCategory,
    InstitutionSections,
    Meeting,
    Ordering,
    Section,
)
from reportkit.problems import Problem, Severity

# The reference data's categories (reference/data/institutions.csv) as sections: the IsDB
# Group's entities are specialized institutions, as the OIC lists the Bank; standing
# committees, the CCO when it is not the secretariat and bodies of no known category are
# other OIC bodies.
CATEGORY_OF = {
    "principal organ": InstitutionCategory.GENERAL_SECRETARIAT,
    "subsidiary organ": InstitutionCategory.SUBSIDIARY,
    "specialized institution": InstitutionCategory.SPECIALIZED,
    "IsDB Group entity": InstitutionCategory.SPECIALIZED,
    "affiliated institution": InstitutionCategory.AFFILIATED,
}


@dataclass(frozen=True)
class Part:
    """A section before it is lettered: its delegations' keys in order, under `heading`, or
    under its one delegation's name when `heading` is empty (the secretariat, the General
    Secretariat)."""

    section: Section
    keys: tuple[str, ...]
    heading: str = ""


def lay_out(
    meeting: Meeting,
    ordered: Mapping[Section, Sequence[str]],
    typed: Sequence[str],
    categories: Mapping[str, str],
    problems: list[Problem],
) -> list[Part]:
    """The sections in print order, empty ones included.

    `ordered` holds each section's delegations in the meeting's ordering, `typed` every
    delegation in the order of its first row, `categories` a body's category as the
    reference data names it.
    """
    words = labels(meeting.language)

    def part(section: Section) -> Part:
        heading = meeting.section_headings.get(section) or words.sections[section]
        return Part(section, tuple(ordered[section]), heading)

    bodies, secretariat = ordered[Section.INSTITUTIONS], ordered[Section.SECRETARIAT]
    own = Part(Section.SECRETARIAT, tuple(secretariat))
    mode = meeting.institution_sections
    closing: list[Part] = []
    if mode is InstitutionSections.CATEGORIES:
        middle = _by_category(bodies, categories, own, words.categories)
        _unused_heading(meeting, problems)
    elif mode is InstitutionSections.AS_TYPED and bodies:
        place = {key: index for index, key in enumerate(typed)}
        keys = tuple(sorted([*bodies, *secretariat], key=place.__getitem__))
        middle = [Part(Section.INSTITUTIONS, keys, part(Section.INSTITUTIONS).heading)]
    elif _typed_first(meeting.ordering, secretariat, bodies, typed):
        middle = [own, part(Section.INSTITUTIONS)]
    else:
        middle, closing = [part(Section.INSTITUTIONS)], [own]
    return [
        part(Section.MEMBERS),
        part(Section.OBSERVERS),
        *middle,
        part(Section.OTHERS),
        *closing,
    ]


def _typed_first(
    ordering: Ordering, secretariat: Sequence[str], bodies: Sequence[str], typed: Sequence[str]
) -> bool:
    """Whether the secretariat keeps its typed place before the OIC bodies (`one`)."""
    if ordering is not Ordering.AS_TYPED or not secretariat or not bodies:
        return False
    return typed.index(secretariat[0]) < min(typed.index(key) for key in bodies)


def _by_category(
    bodies: Sequence[str],
    categories: Mapping[str, str],
    secretariat: Part,
    headings: Mapping[InstitutionCategory, str],
) -> list[Part]:
    """A section per category, in the list's order within each; the secretariat follows
    the General Secretariat."""
    held: dict[InstitutionCategory, list[str]] = {category: [] for category in InstitutionCategory}
    for key in bodies:
        held[CATEGORY_OF.get(categories.get(key, ""), InstitutionCategory.OTHERS)].append(key)
    parts = [Part(Section.INSTITUTIONS, tuple(held[InstitutionCategory.GENERAL_SECRETARIAT]))]
    parts.append(secretariat)
    parts.extend(
        Part(Section.INSTITUTIONS, tuple(held[category]), headings[category])
        for category in InstitutionCategory
        if category is not InstitutionCategory.GENERAL_SECRETARIAT
    )
    return parts


def _unused_heading(meeting: Meeting, problems: list[Problem]) -> None:
    """An institutions_heading the categories' own headings leave unprinted is said."""
    if Section.INSTITUTIONS in meeting.section_headings:
        problems.append(
            Problem(
                "institutions_heading is not printed: with institution_sections categories "
                "each category of OIC bodies has a heading of its own",
                "delete institutions_heading, or choose institution_sections one or as-typed",
                meeting.field_locations.get("institutions_heading", ""),
                Severity.WARNING,
            )
        )


def named_institutions(
    sections: Sequence[ParticipantSection], mode: InstitutionSections
) -> list[DelegationGroup]:
    """The delegations a sentence names as the OIC bodies present (`[[institution list]]`),
    in the list's order: the secretariat with them where the list prints it among or before
    them, not where its own section closes the list (`one`, unless typed first)."""
    named: list[DelegationGroup] = []
    for index, section in enumerate(sections):
        closes = mode is InstitutionSections.ONE and index == len(sections) - 1
        if section.section is Section.INSTITUTIONS or (
            section.section is Section.SECRETARIAT and not closes
        ):
            named.extend(section.groups)
    return named
