"""The `Participants` and `Delegations` sheets."""

from __future__ import annotations

from reportkit.model import HeadingOverride, Participant, Section
from reportkit.problems import Problem
from reportkit.read.cells import one_line
from reportkit.read.workbook import OpenWorkbook
from reportkit.schema import sheet

_SECTION_WORDS = {
    "member": Section.MEMBERS,
    "members": Section.MEMBERS,
    "observer": Section.OBSERVERS,
    "observers": Section.OBSERVERS,
    "institution": Section.INSTITUTIONS,
    "institutions": Section.INSTITUTIONS,
    "oic": Section.INSTITUTIONS,
    "other": Section.OTHERS,
    "others": Section.OTHERS,
    "organisation": Section.OTHERS,
    "organization": Section.OTHERS,
    "secretariat": Section.SECRETARIAT,
}
SECTION_CHOICES = ", ".join(s.value for s in Section)


def read_participants(
    book: OpenWorkbook, problems: list[Problem], required: bool = True
) -> tuple[Participant, ...]:
    columns = sheet("Participants").required_columns
    table = book.table("Participants", columns, problems, optional=not required)
    if table is None:
        return ()
    people = []
    for row in table:
        delegation = one_line(row.text("Delegation"))
        first, last = one_line(row.text("First name")), one_line(row.text("Last name"))
        if not delegation:
            problems.append(
                Problem(
                    "the Delegation is empty",
                    "write the country, institution or organisation this person represents",
                    row.ref("Delegation"),
                )
            )
        if not (first or last):
            problems.append(
                Problem(
                    "the name is empty",
                    "type the person's first and last name",
                    row.ref("Last name"),
                )
            )
        section = None
        typed_section = row.text("Section")
        if typed_section:
            section = _SECTION_WORDS.get(typed_section.strip().casefold())
            if section is None:
                problems.append(
                    Problem(
                        f'unknown Section "{typed_section}"',
                        f"write one of: {SECTION_CHOICES}, or leave it empty",
                        row.ref("Section"),
                    )
                )
        if delegation and (first or last):
            people.append(
                Participant(
                    delegation=delegation,
                    first_name=first,
                    last_name=last,
                    honorific=one_line(row.text("Honorific")),
                    position=one_line(row.text("Position")),
                    organisation=one_line(row.text("Organisation")),
                    section=section,
                    location=row.ref("Last name"),
                    delegation_location=row.ref("Delegation"),
                )
            )
    problems.extend(table.problems)
    return tuple(people)


def read_headings(book: OpenWorkbook, problems: list[Problem]) -> tuple[HeadingOverride, ...]:
    table = book.table(
        "Delegations", sheet("Delegations").required_columns, problems, optional=True
    )
    if table is None:
        return ()
    overrides = []
    for row in table:
        delegation, heading = one_line(row.text("Delegation")), one_line(row.text("Heading"))
        if not delegation:
            problems.append(
                Problem(
                    "the Delegation is empty",
                    "name the delegation this heading is for",
                    row.ref("Delegation"),
                )
            )
        elif not heading:
            problems.append(
                Problem(
                    "the Heading is empty",
                    "type the heading to print or delete the row",
                    row.ref("Heading"),
                )
            )
        else:
            overrides.append(HeadingOverride(delegation, heading, row.ref("Delegation")))
    problems.extend(table.problems)
    return tuple(overrides)
