"""Columns read whole: a long list's repeated values are read once, and every cell that has
something to say is still said at its cell, in the order of the rows."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportkit.model import Language
from reportkit.read import read_workbook
from reportkit.read.sheet_scan import scan_sheet
from tests.workbooks import set_cell_xml, variant, write_workbook

HEADER = ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"]


def _long_list(count: int) -> list[list[object]]:
    return [
        HEADER,
        *(
            ["Egypt", "Mr.", f"Ahmed {n}", "Hassan", "Director", "Ministry of Trade"]
            for n in range(count)
        ),
    ]


def test_problem_cells_among_repeated_values_are_each_said_at_their_cell(tmp_path: Path) -> None:
    rows = _long_list(30)
    rows[5][0] = "#REF!"  # row 6
    rows[11][1] = "ms"  # row 12
    rows[14][2] = "Dr. Amina"  # row 15
    rows[17][5] = "Ministry,, of Trade"  # row 18
    rows[20][4] = "Director,"  # row 21
    path = write_workbook(tmp_path / "long.xlsx", variant(Participants=rows))
    set_cell_xml(path, 5, "D24", '<c r="D24"><f>CONCAT("never ","computed")</f><v></v></c>')
    set_cell_xml(path, 5, "E9", '<c r="E9" t="inlineStr"><is><t>Direc_x0007_tor</t></is></c>')

    source, problems = read_workbook(path)

    # Row 6's empty Delegation and row 24's empty Last name are said as what they hold.
    assert [(p.location, p.message) for p in problems] == [
        (
            "Participants!B12",
            'the honorific "ms" is printed "Ms.", as the house list spells it',
        ),
        (
            "Participants!C15",
            'the title "Dr." typed in the First name was moved to the Honorific, printed "Mr. Dr."',
        ),
        (
            "Participants!F18",
            'the Organisation "Ministry,, of Trade" has a separator too many;'
            ' printed "Ministry, of Trade"',
        ),
        (
            "Participants!E21",
            'the Position "Director," has a separator too many; printed "Director"',
        ),
        ("Participants!A6", "the cell holds the Excel error #REF!"),
        ("Participants!E9", "unprintable control characters were removed from the text"),
        ("Participants!D24", "the formula has no saved result"),
    ]
    assert source is not None
    people = source.participants
    assert len(people) == 29  # row 6 has no delegation
    by_row = {p.location: p for p in people}
    assert by_row["Participants!D9"].position == "Director"
    assert by_row["Participants!D12"].honorific == "Ms."
    assert (by_row["Participants!D15"].honorific, by_row["Participants!D15"].first_name) == (
        "Mr. Dr.",
        "Amina",
    )
    assert by_row["Participants!D18"].organisation == "Ministry, of Trade"
    assert (by_row["Participants!D24"].last_name, by_row["Participants!D24"].first_name) == (
        "",
        "Ahmed 22",
    )
    assert by_row["Participants!D31"].delegation_location == "Participants!A31"
    assert {p.position for p in people} == {"Director"}


def test_a_cell_is_said_once_however_often_its_row_reads_it(tmp_path: Path) -> None:
    rows = _long_list(3)
    rows[2][1] = "#N/A"  # row 3: the Honorific, read again when a title is moved to it
    rows[2][2] = "Dr. Amina"
    path = write_workbook(tmp_path / "twice.xlsx", variant(Participants=rows))
    set_cell_xml(path, 5, "B4", '<c r="B4"><f>CONCAT("never ","computed")</f><v></v></c>')
    rows_problems = [
        (p.location, p.message)
        for p in read_workbook(path)[1]
        if p.location in {"Participants!B3", "Participants!B4"}
    ]
    # The Excel error is said each time the cell is read; the missing result once.
    assert rows_problems == [
        ("Participants!B3", "the cell holds the Excel error #N/A"),
        ("Participants!B3", "the cell holds the Excel error #N/A"),
        ("Participants!B4", "the formula has no saved result"),
    ]


def test_numbers_and_truth_values_in_a_text_column_read_as_shown(tmp_path: Path) -> None:
    rows = _long_list(4)
    rows[1][3], rows[2][3], rows[3][3], rows[4][3] = 1, True, 1.5, "1"
    rows[3:3] = [[None] * 6, ["  ", None, None, None, None, None]]  # rows 4 and 5 are blank
    path = write_workbook(tmp_path / "numbers.xlsx", variant(Participants=rows))
    source, problems = read_workbook(path)
    assert problems == []
    assert source is not None
    assert [(p.last_name, p.location) for p in source.participants] == [
        ("1", "Participants!D2"),
        ("True", "Participants!D3"),
        ("1.5", "Participants!D6"),
        ("1", "Participants!D7"),
    ]


def test_an_edition_reads_its_own_column_and_says_each_gap(tmp_path: Path) -> None:
    rows = [[*HEADER, "Position fr", "Organisation fr"]] + [
        [*row, "Directeur", "Ministère du Commerce"] for row in _long_list(4)[1:]
    ]
    rows[2][6] = None  # row 3: the English Position is printed, with a warning
    rows[3][6] = "Directeur,"  # row 4
    path = write_workbook(tmp_path / "fr.xlsx", variant(Participants=rows))
    source, problems = read_workbook(path, Language.FR)
    assert source is not None
    assert [p.position for p in source.participants] == [
        "Directeur",
        "Director",
        "Directeur",
        "Directeur",
    ]
    said = [(p.location, p.message) for p in problems if p.location.startswith("Participants")]
    assert said == [
        (
            "Participants!G4",
            'the Position "Directeur," has a separator too many; printed "Directeur"',
        ),
        (
            "Participants!G3",
            'no French text in "Position fr", so the French edition prints the English',
        ),
    ]


def _sheet_bytes(rows: int, cells: dict[int, str], tail: str) -> bytes:
    """A worksheet as some writers store it, every element prefixed (`x:`), `rows` long."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:sheetData>"
    ]
    for number in range(1, rows + 1):
        cell = cells.get(
            number, f'<x:c r="A{number}" t="inlineStr"><x:is><x:t>Egypt</x:t></x:is></x:c>'
        )
        lines.append(f'<x:row r="{number}">{cell}</x:row>')
    lines.append(f"</x:sheetData>{tail}</x:worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "".join(lines))
    return buffer.getvalue()


def test_merges_and_formulas_are_found_wherever_a_long_sheet_holds_them() -> None:
    last = 30_000  # more than one block of the scan
    uncached = '<x:c r="B{0}"><x:f>CONCAT("a","b")</x:f></x:c>'
    data = _sheet_bytes(
        last,
        {5: uncached.format(5), last: uncached.format(last)},
        '<x:mergeCells count="2"><x:mergeCell ref="A2:A3"/><x:mergeCell ref="C7:D7"/>'
        "</x:mergeCells>",
    )
    scan = scan_sheet(data, "xl/worksheets/sheet1.xml")
    assert scan.uncached_formulas == ["B5", f"B{last}"]
    assert scan.merged == [(1, 2, 1, 3), (3, 7, 4, 7)]


def test_a_sheet_without_merges_or_formulas_has_none_found() -> None:
    data = _sheet_bytes(
        3,
        {2: '<x:c r="A2" t="inlineStr"><x:is><x:t>mergeCell: f(x)</x:t></x:is></x:c>'},
        "",
    )
    scan = scan_sheet(data, "xl/worksheets/sheet1.xml")
    assert (scan.uncached_formulas, scan.merged) == ([], [])
