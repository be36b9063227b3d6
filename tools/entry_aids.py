"""Give a workbook the Instructions sheet, input messages and dropdowns of `reportkit new`.

Run on the shipped samples whenever the schema or the reference list of delegations changes
(a test says when): `python tools/entry_aids.py inputs/comcec-digital-2022.xlsx`. Only
sheets and data validations are added; the script refuses to save if any cell value or
number format of the workbook's own sheets would differ, so it still builds the same report.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from reportkit.base.write import write_atomic
from reportkit.starter import add_entry_aids, add_instructions
from reportkit.starter.aids import LISTS_SHEET
from reportkit.starter.instructions import INSTRUCTIONS_SHEET

_ADDED = {INSTRUCTIONS_SHEET, LISTS_SHEET}


def cells(book: Workbook) -> dict[str, list[tuple[object, str]]]:
    """Every cell's value and number format, sheet by sheet, the added sheets aside."""
    return {
        sheet.title: [(c.value, c.number_format) for row in sheet.iter_rows() for c in row]
        for sheet in book.worksheets
        if sheet.title not in _ADDED
    }


def main(path: Path) -> None:
    book = load_workbook(path)
    before = cells(book)
    active = book.active.title
    add_instructions(book)
    add_entry_aids(book)
    book.active = book.sheetnames.index(active)
    out = io.BytesIO()
    book.save(out)
    if cells(load_workbook(io.BytesIO(out.getvalue()))) != before:
        sys.exit(f"{path}: a cell value or format would change; nothing written")
    write_atomic(path, out.getvalue())


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        main(Path(argument))
