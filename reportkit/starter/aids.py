"""Excel's own help for typing a workbook: input messages, dropdowns and their lists.

Everything here is data validation, which Excel and LibreOffice show without any macro:
a message when a header cell is selected, a dropdown on every column (and Meeting field)
with a known set of values. Closed sets refuse anything else ("stop"); open lists —
delegations, honorifics, field names — only warn, since another organisation or title may
be right and is then checked by `reportkit check`. The values live on a hidden sheet, one
named range per list, so that no list meets Excel's 255-character limit on typed-in lists.
No cell value is ever changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reportkit.arrange.delegations import list_delegations
from reportkit.arrange.ordering import collation_key
from reportkit.read.honorifics import HOUSE_LIST
from reportkit.read.workbook import normalise_name
from reportkit.schema import MEETING_FIELDS, SHEETS, Column, Suggest, sheet

LISTS_SHEET = "Lists"
LAST_ROW = 1_048_576
# Excel refuses (and offers to "repair") longer input messages and titles.
MAX_MESSAGE, MAX_TITLE = 255, 32
_PREFIX = "list_"
_SCHEMA_SHEETS = frozenset(normalise_name(s.name) for s in SHEETS)


@dataclass(frozen=True)
class Choices:
    """A dropdown's list: its name, its values, and whether other values are refused."""

    name: str
    values: tuple[str, ...]
    strict: bool


def choices_of(column: Column) -> Choices | None:
    """The dropdown a column (or Meeting field) gets, if any."""
    if column.choices is not None:
        return Choices(column.choices.__name__.casefold(), column.values, strict=True)
    if column.suggest is Suggest.DELEGATION:
        names = sorted({d.name for d in list_delegations()}, key=collation_key)
        return Choices(column.suggest.value, tuple(names), strict=False)
    if column.suggest is Suggest.HONORIFIC:
        return Choices(column.suggest.value, HOUSE_LIST, strict=False)
    if column.name == "Field":
        return Choices("field", tuple(f.name for f in MEETING_FIELDS), strict=False)
    return None


def input_message(column: Column) -> tuple[str, str]:
    """The title and text Excel shows when the column's header (or field's value) is selected."""
    return column.name, f"{column.meaning} Accepted: {column.accepts}."


def add_entry_aids(book: Workbook) -> None:
    """Input messages and dropdowns on every sheet of `book` the schema knows, by header,
    and on the sheets of text annexes, laid out like Report.

    Made afresh each time: earlier lists and validations are replaced, never doubled.
    """
    if LISTS_SHEET in book.sheetnames:
        book.remove(book[LISTS_SHEET])
    for name in [n for n in book.defined_names if n.startswith(_PREFIX)]:
        del book.defined_names[name]
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    titles = {normalise_name(ws.title): ws for ws in book.worksheets}
    laid_out = [(s, titles.get(normalise_name(s.name))) for s in SHEETS]
    laid_out += [(sheet("Report"), titles.get(t)) for t in _text_annex_sheets(titles)]
    for schema_sheet, worksheet in laid_out:
        if worksheet is None:
            continue
        worksheet.data_validations.dataValidation = []
        known = {normalise_name(c.name): c for c in schema_sheet.columns}
        for cell in worksheet[1]:
            column = known.get(normalise_name(cell.value or ""))
            if column is None:
                continue
            letter = get_column_letter(cell.column)
            _message(worksheet, f"{letter}1", column)
            _dropdown(book, worksheet, f"{letter}2:{letter}{LAST_ROW}", column)
        if schema_sheet.name == "Meeting":
            _meeting_values(book, worksheet)


def _text_annex_sheets(titles: dict[str, Worksheet]) -> list[str]:
    """The sheets the Annexes sheet names for text annexes, laid out like Report."""
    annexes = titles.get(normalise_name("Annexes"))
    if annexes is None:
        return []
    header = [normalise_name(c.value or "") for c in annexes[1]]
    if "sheet" not in header:
        return []
    column = header.index("sheet")
    named = [
        normalise_name(row[column] or "") for row in annexes.iter_rows(min_row=2, values_only=True)
    ]
    return [n for n in dict.fromkeys(named) if n in titles and n not in _SCHEMA_SHEETS]


def _meeting_values(book: Workbook, worksheet: Worksheet) -> None:
    """Each Meeting field's Value cell: its own message, and its dropdown if it has one."""
    fields = {normalise_name(f.name): f for f in MEETING_FIELDS}
    for row in range(2, worksheet.max_row + 1):
        field = fields.get(normalise_name(worksheet.cell(row, 1).value or ""))
        if field is not None:
            _message(worksheet, f"B{row}", field)
            _dropdown(book, worksheet, f"B{row}", field)


def _message(worksheet: Worksheet, cell: str, column: Column) -> None:
    title, text = input_message(column)
    validation = DataValidation(showInputMessage=True, promptTitle=title, prompt=text)
    validation.add(cell)
    worksheet.add_data_validation(validation)


def _dropdown(book: Workbook, worksheet: Worksheet, cells: str, column: Column) -> None:
    choices = choices_of(column)
    if choices is None:
        return
    validation = DataValidation(
        type="list",
        formula1=_named_list(book, choices),
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if choices.strict else "warning",
        errorTitle="Not in the list",
        error=(
            "Pick a value from the list."
            if choices.strict
            else "Keep it if it is right: reportkit check says whether it knows it."
        ),
    )
    validation.add(cells)
    worksheet.add_data_validation(validation)


def _named_list(book: Workbook, choices: Choices) -> str:
    """The name of the list's range on the hidden sheet, written there the first time."""
    name = _PREFIX + choices.name
    if name not in book.defined_names:
        lists = book[LISTS_SHEET]
        letter = get_column_letter(sum(n.startswith(_PREFIX) for n in book.defined_names) + 1)
        lists[f"{letter}1"] = choices.name
        for row, value in enumerate(choices.values, start=2):
            lists[f"{letter}{row}"] = value
        reference = f"{LISTS_SHEET}!${letter}$2:${letter}${len(choices.values) + 1}"
        book.defined_names[name] = DefinedName(name, attr_text=reference)
    return name
