"""A fast pass over a worksheet's XML for what the cell reader cannot tell us.

calamine reads cell values fast, but it does not tell a formula without a saved value from
an empty cell, and gives an error cell (`#REF!`) as empty. One regular-expression pass over
the raw XML (C speed, chunked, bounded memory) finds the merged ranges, the formulas Excel
never computed and the error cells, so that each is reported at its cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

_CHUNK = 1 << 20
_OVERLAP = 4096
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>/]*>[^<]|<(?:\w+:)?is\b[^>/]*>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_ERROR = re.compile(
    rb'<(?:\w+:)?c\b[^>]*\bt="e"[^>]*>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v\b[^>]*>([^<]*)<', re.S
)
_CELL_START = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="([A-Z]+\d+)"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_REFERENCE = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class SheetScan:
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    uncached_formulas: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def scan_sheet(data: bytes, member: str) -> SheetScan:
    scan = SheetScan()
    tail = b""
    with (
        zipfile.ZipFile(io.BytesIO(data)) as archive,
        archive.open(member.lstrip("/")) as stream,
    ):
        while True:
            chunk = stream.read(_CHUNK)
            data = tail + chunk
            end = len(data) if not chunk else max(len(data) - _OVERLAP, 0)
            _scan_block(data, end, scan)
            if not chunk:
                return scan
            tail = data[end:]


def _scan_block(data: bytes, end: int, scan: SheetScan) -> None:
    """Scan matches starting before `end`; the rest is carried into the next block."""
    for match in _MERGE.finditer(data, 0, end):
        scan.merged.append(boundaries(match[1].decode()))
    for match in _FORMULA.finditer(data, 0, end):
        _check_formula(data, match.start(), scan)
    if b't="e"' in data:
        for match in _ERROR.finditer(data, 0, end):
            cell = _CELL_START.match(data, match.start())
            if cell:
                scan.errors[cell[1].decode()] = match[1].decode("utf-8", "replace")


def _check_formula(data: bytes, at: int, scan: SheetScan) -> None:
    """A formula's cell holds a `<v>` only when Excel saved the computed value."""
    cells = list(_CELL_START.finditer(data, max(0, at - _OVERLAP), at))
    closing = _CELL_END.search(data, at)
    if cells and closing is not None and not _VALUE.search(data, at, closing.start()):
        scan.uncached_formulas.append(cells[-1][1].decode())


def boundaries(reference: str) -> tuple[int, int, int, int]:
    """`B6:C8` → (left, top, right, bottom), 1-based, as Excel numbers columns and rows."""
    first, _, last = reference.partition(":")
    left, top = position(first)
    right, bottom = position(last or first)
    return left, top, right, bottom


def position(cell: str) -> tuple[int, int]:
    """`C14` → (3, 14)."""
    match = _REFERENCE.fullmatch(cell)
    if match is None:
        raise ValueError(cell)
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    return column, int(match[2])
