"""Building small workbooks for tests, from rows given in the test itself."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

MINIMAL: dict[str, list[list[object]]] = {
    "Meeting": [
        ["Field", "Value"],
        ["title", "1st Test Meeting"],
        ["date", date(2023, 5, 2)],
        ["secretariat", "COMCEC Coordination Office"],
    ],
    "Report": [["Kind", "Text"], ["paragraph", "The Meeting was held."]],
    "Agenda": [["Kind", "Text"], ["item", "Opening"]],
    "Programme": [["Day", "Start", "End", "Title"], [None, "10.00", "10.30", "Opening"]],
    "Participants": [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
        ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"],
    ],
}


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def variant(**changes: list[list[object]] | None) -> dict[str, list[list[object]]]:
    """MINIMAL with some sheets replaced (or removed, given None)."""
    sheets = {k: [list(r) for r in v] for k, v in MINIMAL.items()}
    for name, rows in changes.items():
        if rows is None:
            sheets.pop(name, None)
        else:
            sheets[name] = rows
    return sheets


def set_cell_xml(path: Path, sheet_number: int, cell: str, xml: str) -> None:
    """Replace one cell's XML as Excel would write it, for what openpyxl cannot write.

    (openpyxl stores no formula results and cuts text at Excel's 32,767 characters.)
    """
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    text = parts[member].decode()
    replaced = re.sub(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', lambda _: xml, text, count=1)
    assert replaced != text, f"cell {cell} not found in {member}"
    parts[member] = replaced.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def sample_copies(folder: Path, count: int, sample: Path) -> list[Path]:
    """`count` copies of the sample workbook, `meeting-00.xlsx` …"""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        target = folder / f"meeting-{i:02d}.xlsx"
        target.write_bytes(sample.read_bytes())
        paths.append(target)
    return paths


def set_position(workbook: Path, position: str) -> None:
    """Correct the first delegate's position (Participants!E3, Guyana's Mr. Deen)."""
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["Participants"]["E3"] = position
    book.save(workbook)
