"""The Instructions sheet: every column and Meeting field, what it means, what it takes.

The same lines make the table of columns in docs/workbook.md (`tools/workbook_columns.py`),
so the workbook a rapporteur opens and the documentation never disagree with the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from reportkit.schema import MEETING_FIELDS, NUMBER_FORMATS, SHEETS, Column, Format, Sheet

INSTRUCTIONS_SHEET = "Instructions"
HEADER = ("Sheet", "Column or field", "Required", "What it is", "Accepted values", "Example")
_WIDTHS = (14, 20, 10, 70, 50, 40)
NOTES = (
    "Row 1 of each sheet is its header. Names of sheets and columns match whatever their case,"
    " spaces or punctuation; blank rows are ignored; extra columns are allowed.",
    "Select a header cell to see what its column takes; columns with a set of values have a"
    " dropdown.",
    "Check the workbook: reportkit check FILE.xlsx — build the report: reportkit build FILE.xlsx.",
)


@dataclass(frozen=True)
class Line:
    """One row of the Instructions: a sheet's own line (no `name`) or one of its columns."""

    sheet: str
    name: str
    required: str
    meaning: str
    accepts: str = ""
    example: str | date | time = ""


def instruction_lines() -> list[Line]:
    lines = []
    for sheet in SHEETS:
        lines.append(Line(sheet.name, "", _sheet_required(sheet), sheet.purpose))
        lines += [_line(sheet.name, column, column.translations) for column in sheet.columns]
        if sheet.name == "Meeting":
            value = sheet.column("Value").translations
            lines += [
                _line(sheet.name, field, value if field.translated else ())
                for field in MEETING_FIELDS
            ]
    return lines


def _line(sheet: str, column: Column, translations: tuple[str, ...]) -> Line:
    meaning = column.meaning
    if translations:
        meaning += f" For the other editions: {' and '.join(translations)}."
    required = "yes" if column.required else ""
    return Line(sheet, column.name, required, meaning, column.accepts, column.example)


def _sheet_required(sheet: Sheet) -> str:
    if sheet.annex is not None:
        return f"if the report has its {sheet.annex.value} annex"
    return "yes" if sheet.required else ""


def add_instructions(book: Workbook) -> None:
    """Write the Instructions sheet first in `book`, replacing an older one."""
    if INSTRUCTIONS_SHEET in book.sheetnames:
        book.remove(book[INSTRUCTIONS_SHEET])
    sheet = book.create_sheet(INSTRUCTIONS_SHEET, 0)
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in instruction_lines():
        values = (line.sheet, line.name, line.required, line.meaning, line.accepts, line.example)
        sheet.append([value if value != "" else None for value in values])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
            cell.font = Font(bold=not line.name)
        if isinstance(line.example, date | time):
            kind = Format.DATE if isinstance(line.example, date) else Format.TIME
            sheet.cell(sheet.max_row, len(HEADER)).number_format = NUMBER_FORMATS[kind]
    sheet.append(())
    for note in NOTES:
        sheet.append((note,))
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
