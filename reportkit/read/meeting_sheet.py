"""The `Meeting` sheet: one field per row, `Field` | `Value`."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from reportkit.model import (
    AnnexNumbering,
    BodyNumbering,
    DateStyle,
    HostPosition,
    InstitutionSections,
    Language,
    Meeting,
    Ordering,
    Ordinals,
    Section,
    YesNo,
)
from reportkit.problems import Problem, Severity
from reportkit.read.cells import one_line
from reportkit.read.dates import read_date
from reportkit.read.workbook import OpenWorkbook, Row, SheetTable, normalise_name
from reportkit.schema import MEETING_FIELDS, sheet

_HEADING_FIELDS = {
    "members_heading": Section.MEMBERS,
    "observers_heading": Section.OBSERVERS,
    "institutions_heading": Section.INSTITUTIONS,
    "others_heading": Section.OTHERS,
}
KNOWN_FIELDS = tuple(f.name for f in MEETING_FIELDS)
_TRANSLATED = frozenset(f.name for f in MEETING_FIELDS if f.translated)
C = TypeVar("C", bound=StrEnum)


def read_meeting(book: OpenWorkbook, problems: list[Problem]) -> Meeting | None:
    table = book.table("Meeting", sheet("Meeting").required_columns, problems)
    if table is None:
        return None
    by_key = {normalise_name(k): k for k in KNOWN_FIELDS}
    rows: dict[str, Row] = {}
    for row in table:
        name = row.text("Field")
        key = by_key.get(normalise_name(name))
        if key is None:
            problems.append(
                Problem(
                    f'unknown field "{name}"',
                    "use one of " + ", ".join(KNOWN_FIELDS),
                    row.ref("Field"),
                    Severity.WARNING,
                )
            )
        elif key in rows:
            problems.append(
                Problem(
                    f'the field "{key}" is given twice (first at {rows[key].ref("Field")})',
                    "keep one row per field",
                    row.ref("Field"),
                )
            )
        else:
            rows[key] = row

    def column(key: str) -> str:
        """The cell this edition reads a field from: its own (`Value fr`) where given, so
        that any field — the symbol, the ordering — may differ per edition; else `Value`."""
        twin = f"Value {book.language.value}"
        if book.language is Language.EN or key not in rows or key in _MEETING_WIDE:
            return "Value"
        return twin if rows[key].text(twin).strip() else "Value"

    def text(key: str) -> str:
        """The field's value in this edition, on one line; see `lines`."""
        return one_line(lines(key))

    def lines(key: str) -> str:
        """The field's value in this edition, with the line breaks typed in it; a field the
        editions translate warns when this edition's own value is missing and the English
        is printed."""
        if key not in rows:
            return ""
        row = rows[key]
        return row.localized("Value") if key in _TRANSLATED else row.text(column(key))

    def missing_at(key: str) -> str:
        """The Value cell of a field's row, or where a new row for it would go."""
        return rows[key].ref("Value") if key in rows else f"{table.name}!A{_next_row(table)}"

    def day(key: str, required: bool) -> date | None:
        row = rows.get(key)
        if row is None or row.raw(column(key)) is None:
            if required:
                problems.append(
                    Problem(
                        f"the meeting {key.replace('_', ' ')} is missing",
                        f'add a row "{key}" with the date as an Excel date',
                        missing_at(key),
                    )
                )
            return None
        return read_date(row, column(key), problems)

    def choice(key: str, choices: type[C], default: C) -> C:
        if key not in rows:
            return default
        chosen = rows[key].choice(column(key), choices, key.replace("_", " "), problems)
        return default if chosen is None else chosen

    # A title broken by Alt+Enter prints broken there, as the published title blocks are.
    title = lines("title")
    if not title:
        problems.append(
            Problem(
                "the meeting title is missing",
                'add a row "title" with the meeting title',
                missing_at("title"),
            )
        )
    start = day("date", required=True)
    end = day("end_date", required=False)
    if start and end and end < start:
        problems.append(
            Problem(
                "the end date is before the start date",
                "correct end_date or date",
                rows["end_date"].ref("Value"),
            )
        )
    ordering = choice("ordering", Ordering, Ordering.ENGLISH)
    host_position = choice("host_position", HostPosition, HostPosition.LAST)
    institution_sections = choice(
        "institution_sections", InstitutionSections, InstitutionSections.ONE
    )
    numbering = choice("numbering", BodyNumbering, BodyNumbering.PARAGRAPHS)
    annex_numbering = choice("annex_numbering", AnnexNumbering, AnnexNumbering.ROMAN)
    date_style = choice("date_style", DateStyle, DateStyle.ORDINAL)
    annex_header = choice("annex_header", YesNo, YesNo.NO) is YesNo.YES
    ordinals = choice("ordinals", Ordinals, None) if "ordinals" in rows else None
    title_page = choice("title_page", YesNo, YesNo.NO) is YesNo.YES
    first_page = _first_page(rows.get("first_page"), column("first_page"), problems)
    if not title or start is None:
        problems.extend(table.problems)
        return None
    typed_headings = {section: text(key) for key, section in _HEADING_FIELDS.items()}
    headings = {section: typed for section, typed in typed_headings.items() if typed}
    meeting = Meeting(
        title=title,
        date=start,
        document=text("document"),
        end_date=end,
        venue=text("venue"),
        time_zone=text("time_zone"),
        secretariat=text("secretariat"),
        symbol=text("symbol"),
        section_headings=headings,
        ordering=ordering,
        host=text("host"),
        host_position=host_position,
        institution_sections=institution_sections,
        field_locations={key: row.ref(column(key)) for key, row in rows.items()},
        numbering=numbering,
        annex_numbering=annex_numbering,
        date_style=date_style,
        ordinals=ordinals,
        original=text("original"),
        subtitle=text("subtitle"),
        participants_subtitle=text("participants_subtitle"),
        annex_header=annex_header,
        language=book.language,
        languages=_languages(rows.get("languages"), problems),
        running_head=lines("running_head"),
        title_page=title_page,
        publisher=text("publisher"),
        first_page=first_page,
    )
    _ignored_twins(rows, problems)
    # Last: reading the fields above may have found more (an untranslated venue, say).
    problems.extend(table.problems)
    return meeting


def _ignored_twins(rows: dict[str, Row], problems: list[Problem]) -> None:
    """Fields of the whole meeting, not of an edition: a twin value of theirs is read by no
    edition, and said so."""
    for key, why in _MEETING_WIDE.items():
        row = rows.get(key)
        for language in (Language.FR, Language.AR):
            twin = f"Value {language.value}"
            if row is not None and row.text(twin).strip():
                problems.append(
                    Problem(
                        f'{why}, so "{twin}" of {key} is not read',
                        "write it in the Value column and empty this cell",
                        row.ref(twin),
                        Severity.WARNING,
                    )
                )


# Fields every edition reads in English: the editions asked for, and the names by which
# delegations are found (each edition prints them from the reference data in its language).
_MEETING_WIDE = {
    "languages": "the editions are chosen for the whole meeting",
    "secretariat": "the secretariat is found by its English name in every edition",
    "host": "the host is found by its English name in every edition",
}


def _languages(row: Row | None, problems: list[Problem]) -> tuple[Language, ...]:
    """The editions the meeting asks for: `en, fr, ar` in any order and case, or `all`."""
    typed = row.text("Value").strip() if row else ""
    if not typed:
        return (Language.EN,)
    if typed.casefold() == "all":
        return tuple(Language)
    chosen, unknown = set(), []
    for word in re.split(r"[\s,;/]+", typed.casefold()):
        if word:
            language = _LANGUAGE_WORDS.get(word)
            if language is None:
                unknown.append(word)
            else:
                chosen.add(language)
    if unknown and row is not None:
        problems.append(
            Problem(
                "unknown language " + ", ".join(f'"{w}"' for w in unknown),
                "write en, fr or ar, several separated by commas, or all",
                row.ref("Value"),
            )
        )
    return tuple(language for language in Language if language in chosen) or (Language.EN,)


_LANGUAGE_WORDS = {
    **{language.value: language for language in Language},
    "english": Language.EN,
    "french": Language.FR,
    "arabic": Language.AR,
    "anglais": Language.EN,
    "français": Language.FR,
    "francais": Language.FR,
    "arabe": Language.AR,
}


def _first_page(row: Row | None, column: str, problems: list[Problem]) -> int:
    """The number the body's first page shows: a whole number from 1, typed as a number or
    as text; 1 when not given."""
    typed = row.text(column).strip() if row else ""
    if not typed or row is None:
        return 1
    if typed.isdecimal() and int(typed) >= 1:  # isdigit takes ² too, which int refuses
        return int(typed)
    problems.append(
        Problem(
            f'the first page number "{typed}" is not a whole number from 1',
            "write the number the body's first page shows, such as 7, or delete first_page",
            row.ref(column),
        )
    )
    return 1


def _next_row(table: SheetTable) -> int:
    """The first row after the table's content, where a missing field would go."""
    return table.rows[-1].number + 1 if table.rows else 2
