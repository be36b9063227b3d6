"""The scan of a worksheet's XML finds merges and formulas wherever a long sheet holds them."""

from __future__ import annotations

import io
import zipfile

from reportkit.read.sheet_scan import scan_sheet


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
