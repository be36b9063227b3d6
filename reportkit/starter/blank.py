"""A new meeting's workbook: every sheet ready to type into, nothing to delete first.

Sheets come from the schema with their header, widths, a frozen header row and the
formats of their columns; the Meeting sheet lists every field, filled where the command
line gave a value, and the Annexes sheet the usual three annexes, to reorder or add to. It
checks and builds as it is: a title left to fill holds a placeholder the command points at.
A meeting with French or Arabic editions gets each translated column's twins (`Text fr`
beside `Text`) and its `languages` field; `document` is left to each edition's own word
(REPORT, RAPPORT, التقرير).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reportkit.model import DEFAULT_ANNEXES, Language
from reportkit.schema import MEETING_FIELDS, NUMBER_FORMATS, SHEETS, Column, Format, Sheet
from reportkit.starter.aids import add_entry_aids
from reportkit.starter.instructions import add_instructions

PLACEHOLDER_TITLE = "Title of the Meeting"
_HEADER_FILL = PatternFill("solid", start_color="D9E1F2")


@dataclass(frozen=True)
class Start:
    """What the command line knows of the meeting."""

    day: date
    title: str = ""
    venue: str = ""
    languages: tuple[Language, ...] = (Language.EN,)


def blank_workbook(start: Start) -> bytes:
    """The new workbook's bytes (written by the caller, atomically)."""
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        _add_sheet(book, sheet, start.languages)
    _fill_meeting(book["Meeting"], start)
    for annex in DEFAULT_ANNEXES:
        book["Annexes"].append([annex.kind.value])
    add_instructions(book)
    add_entry_aids(book)
    book.active = book.sheetnames.index("Meeting")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def title_cell() -> str:
    """Where the meeting title goes in a new workbook: the row of the `title` field."""
    return f"Meeting!B{2 + [f.name for f in MEETING_FIELDS].index('title')}"


def _add_sheet(book: Workbook, sheet: Sheet, languages: tuple[Language, ...]) -> None:
    worksheet = book.create_sheet(sheet.name)
    columns = [
        (name, column)
        for column in sheet.columns
        if _edition_of(column) in (None, *languages)
        for name in (column.name, *_twins(column, languages))
    ]
    worksheet.append([name for name, _ in columns])
    for index, (_, column) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = column.width
        if column.format is not Format.TEXT:
            worksheet.column_dimensions[letter].number_format = NUMBER_FORMATS[column.format]
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    worksheet.freeze_panes = "A2"


def _edition_of(column: Column) -> Language | None:
    """The edition a column serves alone (`Name ar`), None for every edition."""
    _, _, suffix = column.name.rpartition(" ")
    return next((e for e in Language if e is not Language.EN and e.value == suffix), None)


def _twins(column: Column, languages: tuple[Language, ...]) -> list[str]:
    """The column's twins for the meeting's other editions, in the editions' order."""
    chosen = {f"{column.name} {language.value}" for language in languages}
    return [twin for twin in column.translations if twin in chosen]


def _fill_meeting(worksheet: Worksheet, start: Start) -> None:
    values = {
        "title": start.title or PLACEHOLDER_TITLE,
        "date": start.day,
        "venue": start.venue,
        "languages": ", ".join(e.value for e in start.languages) if start.languages[1:] else "",
    }
    for field in MEETING_FIELDS:
        worksheet.append([field.name, values.get(field.name) or None])
        if field.format is not Format.TEXT:
            worksheet.cell(worksheet.max_row, 2).number_format = NUMBER_FORMATS[field.format]
