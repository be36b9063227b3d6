"""A fast pass over a worksheet's XML for what openpyxl's read-only mode cannot tell us.

Read-only mode is the only way to read big sheets in bounded memory, but it does not
report merged cells, cannot tell a formula without a saved value from an empty cell, and
walks every one of 1,048,576 formatted-but-empty rows. One regular-expression pass over the
raw XML (C speed, chunked, bounded memory) finds the last row that holds a value, the merged
ranges and the formulas Excel never computed.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

_CHUNK = 1 << 20
_OVERLAP = 4096
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>/]*>[^<]|<(?:\w+:)?is\b[^>/]*>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_CELL_START = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="([A-Z]+\d+)"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")


@dataclass
class SheetScan:
    """What the raw XML says; `last_row` is None when rows are unnumbered and must be counted."""

    last_row: int | None = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    uncached_formulas: list[str] = field(default_factory=list)


def scan_sheet(path: Path, member: str) -> SheetScan:
    scan = SheetScan()
    current_row = 0
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            data = tail + chunk
            end = len(data) if not chunk else max(len(data) - _OVERLAP, 0)
            current_row = _scan_block(data, end, current_row, scan)
            if not chunk:
                return scan
            tail = data[end:]


def _scan_block(data: bytes, end: int, current_row: int, scan: SheetScan) -> int:
    """Scan matches starting before `end`; the rest is carried into the next block."""
    position = 0
    for match in _ROW.finditer(data, 0, end):
        number = _ROW_NUMBER.search(match[1])
        if number is None:
            scan.last_row = None
            current_row = -1
        elif scan.last_row is not None:
            if _VALUE.search(data, position, match.start()):
                scan.last_row = max(scan.last_row, current_row)
            current_row = int(number[1])
        position = match.end()
    if scan.last_row is not None and _VALUE.search(data, position, end):
        scan.last_row = max(scan.last_row, current_row)
    for match in _MERGE.finditer(data, 0, end):
        scan.merged.append(range_boundaries(match[1].decode()))
    for match in _FORMULA.finditer(data, 0, end):
        _check_formula(data, match.start(), scan)
    return current_row


def _check_formula(data: bytes, at: int, scan: SheetScan) -> None:
    """A formula's cell holds a `<v>` only when Excel saved the computed value."""
    cells = list(_CELL_START.finditer(data, max(0, at - _OVERLAP), at))
    closing = _CELL_END.search(data, at)
    if cells and closing is not None and not _VALUE.search(data, at, closing.start()):
        scan.uncached_formulas.append(cells[-1][1].decode())
