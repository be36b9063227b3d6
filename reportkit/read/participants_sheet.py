"""The `Participants` and `Delegations` sheets.

Honorifics are printed as the house list spells them, and a name missing its first or last
part is printed as it is, each with a warning at the cell; so are titles typed at the start
of the First name, moved to the Honorific, and a separator too many in a Position or an
Organisation, printed once. An edition other than the English one takes a person's own
title and name from its columns (`Honorific ar`, `Name ar`) when they are given; otherwise
it words the house title itself, and where its words differ by rank (the Arabic "H.E.")
reads the rank from the Position, with a warning at the Position when it does not say.
"""

from __future__ import annotations

from functools import cache, lru_cache

from reportkit.arrange.language import honorific as worded
from reportkit.arrange.language import language_name, rank_forms
from reportkit.model import HeadingOverride, Language, Participant, Rank, Section
from reportkit.problems import Problem, Severity
from reportkit.read.cells import as_text, one_line
from reportkit.read.honorifics import Honorific, house_honorific, joined_titles, leading_titles
from reportkit.read.separators import tidied, tidy_separators
from reportkit.read.workbook import OpenWorkbook, Row, SheetTable
from reportkit.reference.honorifics import edition_titles
from reportkit.reference.ranks import rank_of
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
    # Each column is read whole, once per distinct value; a cell that has something to say
    # (None here) is read on its own, in its row, so each problem comes in its place.
    delegations = table.read_column("Delegation", one_line)
    typed_honorifics = table.read_column("Honorific", _plain_honorific)
    first_names = table.read_column("First name", _untitled)
    last_names = table.read_column("Last name", one_line)
    typed_sections = table.texts("Section")
    owns = _own_honorifics(table)
    positions = _plain_details(table, "Position")
    organisations = _plain_details(table, "Organisation")
    edition_names = _edition_names(table)
    people = []
    for row in table:
        number = row.number
        delegation = delegations[number]
        if delegation is None:
            delegation = one_line(row.text("Delegation"))
        typed = typed_honorifics[number]
        if typed is None:
            typed = _honorific(row, "Honorific", problems)
        first = first_names[number]
        if first is None:
            typed, first = _titled_first_name(row, typed, problems)
        honorific = typed.printed
        own = owns[number]
        if own is None:
            own = _own_honorific(row, typed, problems)
        last = last_names[number]
        if last is None:
            last = one_line(row.text("Last name"))
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
        elif not (first and last):
            problems.append(_half_name(row, first, last))
        section = None
        typed_section = typed_sections[number]
        if typed_section is None:
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
            position = positions[number]
            if position is None:
                position = _details(row, "Position", problems)
            organisation = organisations[number]
            if organisation is None:
                organisation = _details(row, "Organisation", problems)
            location, delegation_location = row.ref("Last name"), row.ref("Delegation")
            rank = _rank(row, honorific, own, problems)
            edition_name = edition_names[number]
            if edition_name is None:
                edition_name = _edition_name(row)
            people.append(
                Participant(
                    delegation=delegation,
                    first_name=first,
                    last_name=last,
                    honorific=honorific,
                    position=position,
                    organisation=organisation,
                    section=section,
                    location=location,
                    delegation_location=delegation_location,
                    rank=rank,
                    edition_honorific=own,
                    edition_name=edition_name,
                )
            )
    problems.extend(table.problems)
    return tuple(people)


def _details(row: Row, column: str, problems: list[Problem]) -> str:
    """The Position or Organisation in the edition's language, on one line, without the
    separators that would print doubled beside the comma the list puts after it."""
    return tidied(row, column, one_line(row.localized(column)), problems)


def _plain_details(table: SheetTable, column: str) -> list[str | None]:
    """Each row's `_details` where there is nothing to say about them: the edition's own
    text (`Position fr`) is there, its separators need no tidying."""
    language = table.language
    if language is Language.EN:
        return table.read_column(column, _tidy)
    return table.read_column(f"{column} {language.value}", _tidy_given)


def _tidy(text: str) -> str | None:
    """The text on one line; None when `tidied` would say it prints otherwise."""
    line = one_line(text)
    return line if tidy_separators(line) == line else None


def _tidy_given(text: str) -> str | None:
    """`_tidy` of an edition's own text; None where there is none, for `localized` to
    print the English and say so."""
    return _tidy(text) if text else None


def _half_name(row: Row, first: str, last: str) -> Problem:
    empty, printed = ("Last name", "first") if first else ("First name", "last")
    return Problem(
        f"the {empty} is empty; only the {printed} name is printed",
        f"type the {empty.lower()}, or leave it empty if the person goes by one name",
        row.ref(empty),
        Severity.WARNING,
    )


_SLIP = (
    "if it is a slip, pick one from the dropdown (Mr., Ms., Mrs., Dr., Prof., H.E., Eng. …);"
    " titles may be combined, as in H.E. Dr."
)


def _honorific(row: Row, column: str, problems: list[Problem], slip: str = _SLIP) -> Honorific:
    """The honorific in `column` as the house spells it; an unknown one is printed as typed,
    and so are titles typed as words in full (`spelled`)."""
    typed = one_line(row.text(column))
    plain = _plain_honorific(typed)
    if plain is not None:
        return plain
    honorific = house_honorific(typed)
    shown = honorific.spelled or honorific.printed
    if not honorific.known:
        problems.append(
            Problem(
                f'the honorific "{typed}" is not in the house list; printed as typed',
                slip,
                row.ref(column),
                Severity.WARNING,
            )
        )
    elif shown != typed:
        problems.append(
            Problem(
                f'the honorific "{typed}" is printed "{shown}", as the house list spells it',
                f'nothing to do; type "{shown}" to silence this',
                row.ref(column),
                Severity.WARNING,
                tidied=True,
            )
        )
    return honorific


_NO_HONORIFIC = Honorific("", known=True)


def _plain_honorific(text: str) -> Honorific | None:
    """The honorific `text` holds, when it is typed as the house list spells it or not at
    all; None when the reader is to be told how it is printed."""
    typed = one_line(text)
    if not typed:
        return _NO_HONORIFIC
    honorific = house_honorific(typed)
    shown = honorific.spelled or honorific.printed
    return honorific if honorific.known and shown == typed else None


def _titled_first_name(
    row: Row, typed: Honorific, problems: list[Problem]
) -> tuple[Honorific, str]:
    """The honorific with the titles typed at the start of the First name, and the first
    name without them: "Dr. Ahmet" would print "-DR. AHMET" in the name's capitals. A
    title in both columns is printed once; the move is said at the First name."""
    first = one_line(row.text("First name"))
    titles, name = leading_titles(first)
    if not titles:
        return typed, first
    joined = house_honorific(joined_titles(one_line(row.text("Honorific")), titles))
    shown = joined.spelled or joined.printed
    problems.append(
        Problem(
            f'the title "{titles}" typed in the First name was moved to the Honorific,'
            f' printed "{shown}"',
            f'type "{name}" in the First name and "{shown}" in the Honorific to silence this',
            row.ref("First name"),
            Severity.WARNING,
        )
    )
    return joined, name


def _untitled(text: str) -> str | None:
    """The First name, when no title is typed at its start (`_titled_first_name`)."""
    first = one_line(text)
    return None if leading_titles(first)[0] else first


def _own_honorifics(table: SheetTable) -> list[str | None]:
    """Each row's `_own_honorific` where nothing is said about it, in an edition other than
    English; the English one is the row's Honorific (its `spelled`), so no column's."""
    language = table.language
    if language is Language.EN:
        return table.same_column(None)
    column = table.read_column(f"Honorific {language.value}", _plain_honorific)
    return [None if own is None else own.spelled or own.printed for own in column]


def _own_honorific(row: Row, typed: Honorific, problems: list[Problem]) -> str:
    """The title the edition's own column (`Honorific ar`) gives, to print as it is; in
    English, the Honorific itself where it spells out a title the house abbreviates."""
    language = row.table.language
    if language is Language.EN:
        return typed.spelled
    own = _honorific(row, f"Honorific {language.value}", problems, _edition_slip(language))
    return own.spelled or own.printed


@cache
def _edition_slip(language: Language) -> str:
    """What to do about a title `Honorific fr`/`ar` holds that the house list does not."""
    forms = edition_titles().forms.values()
    titles = dict.fromkeys(form[language] for form in forms if language in form)
    examples = ", ".join(title for title in titles if " " not in title)
    return (
        f"if it is a slip, type the {language_name(language)} title as the house list spells it"
        f" ({examples}); titles may be combined"
    )


def _rank(row: Row, honorific: str, own: str, problems: list[Problem]) -> Rank | None:
    """The rank of an "H.E." among the titles, from the Position (`Amb.` says it too).

    Said at the Position when it does not say and the edition's words depend on it —
    unless the edition's own honorific column gives the title to print. The Position is
    read as stored: its text, with any problem in it, is the edition's to report.
    """
    excellency, ambassador = _excellency(honorific)
    if not excellency:
        return None
    if ambassador:
        return Rank.AMBASSADOR
    rank = _position_rank(as_text(row.raw("Position")))
    if rank is None and not own:
        forms = rank_forms(honorific, row.table.language)
        if forms:
            problems.append(_unknown_rank(row, honorific, forms))
    return rank


@lru_cache(maxsize=1024)
def _excellency(honorific: str) -> tuple[bool, bool]:
    """Whether the titles hold an "H.E.", and an "Amb." too; once per honorific."""
    titles = honorific.split()
    return "H.E." in titles, "Amb." in titles


@lru_cache(maxsize=1 << 14)
def _position_rank(position: str) -> Rank | None:
    """`rank_of`, once per Position: the ministers and ambassadors of a list repeat."""
    return rank_of(position)


_WHOM = {
    Rank.HEAD_OF_STATE: "a head of state",
    Rank.MINISTER: "a minister",
    Rank.AMBASSADOR: "an ambassador",
    Rank.OFFICIAL: "another senior official",
}


def _unknown_rank(row: Row, honorific: str, forms: dict[Rank, str]) -> Problem:
    language = row.table.language
    whom: dict[str, list[str]] = {}
    for rank, form in forms.items():
        whom.setdefault(form, []).append(_WHOM[rank])
    choices = "; ".join(f"{form} for {' or '.join(ranks)}" for form, ranks in whom.items())
    return Problem(
        'the Position does not say whether this "H.E." is a head of state, a minister or'
        f" another senior official, so the {language_name(language)} edition prints"
        f' "{worded(honorific, language)}"',
        f'type the title to print in "Honorific {language.value}": {choices}',
        row.ref("Position"),
        Severity.WARNING,
    )


def _edition_names(table: SheetTable) -> list[str | None]:
    """Each row's `_edition_name`, read whole from the edition's column (`Name ar`)."""
    language = table.language
    if language is Language.EN:
        return table.same_column("")
    return table.read_column(f"Name {language.value}", one_line)


def _edition_name(row: Row) -> str:
    """The name as the edition spells it (`Name ar`), when the workbook gives one."""
    language = row.table.language
    if language is Language.EN:
        return ""
    return one_line(row.text(f"Name {language.value}"))


def _heading(row: Row) -> str | None:
    """The heading in the edition's language; None when only another edition has one, as
    an English heading would be wrong where the edition prints the delegation's own name."""
    language = row.table.language
    if language is Language.EN:
        return one_line(row.text("Heading"))
    twin = f"Heading {language.value}"
    translated = one_line(row.text(twin))
    if translated or not row.text("Heading"):
        return translated
    row.table.untranslated(row, "Heading", twin, "the delegation's usual heading")
    return None


def read_headings(book: OpenWorkbook, problems: list[Problem]) -> tuple[HeadingOverride, ...]:
    table = book.table(
        "Delegations", sheet("Delegations").required_columns, problems, optional=True
    )
    if table is None:
        return ()
    overrides = []
    for row in table:
        delegation, heading = one_line(row.text("Delegation")), _heading(row)
        if not delegation:
            problems.append(
                Problem(
                    "the Delegation is empty",
                    "name the delegation this heading is for",
                    row.ref("Delegation"),
                )
            )
        elif heading is None:
            continue
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
