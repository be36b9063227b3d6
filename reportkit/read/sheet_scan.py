"""A fast pass over a worksheet's XML for what the cell reader cannot tell us.

calamine reads cell values fast, but it does not tell a formula without a saved value from
an empty cell, gives an error cell (`#REF!`) as empty, and gives the value a formula last
took from another workbook (`[1]Sheet1!A1`) as if it were typed. One regular-expression pass
over the raw XML (C speed, chunked, bounded memory) finds the merged ranges, the formulas
Excel never computed, the error cells and the formulas linked to other workbooks, so that
each is reported at its cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from dataclasses import dataclass, field

_CHUNK = 1 << 20
_OVERLAP = 4096
_NEAR = 256
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>/]*>[^<]|<(?:\w+:)?is\b[^>/]*>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_ERROR = re.compile(
    rb'<(?:\w+:)?c\b[^>]*\bt="e"[^>]*>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v\b[^>]*>([^<]*)<', re.S
)
_CELL_START = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="([A-Z]+\d+)"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_REFERENCE = re.compile(r"([A-Z]+)(\d+)")
# A formula's element: its attributes, and its text unless it is a shared formula's follower.
_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)<)")
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')
_ARRAY_RANGE = re.compile(
    rb'\bt="array"[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"|'
    rb'\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"[^>]*?\bt="array"'
)
# Another workbook, as a formula names it: `[1]Sheet1!A1`, `'[1]My sheet'!A1`, `[1]!Name`
# (its place in the workbook's external references). A table's column such as `T[2019]`
# follows a name, and is followed by no `!`; strings are taken out first.
_EXTERNAL = re.compile(rb"'\[(\d+)\](?:[^']|'')*'!|(?<![\w.\[\]'])\[(\d+)\][\w.:\x80-\xff]*!")
_STRING = re.compile(rb'"[^"]*"')


@dataclass
class SheetScan:
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    uncached_formulas: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    # Cells whose formula takes values from other workbooks → those workbooks (1-based, as
    # the formula numbers them); an array formula's other cells, by its range.
    linked: dict[str, tuple[int, ...]] = field(default_factory=dict)
    linked_ranges: list[tuple[tuple[int, int, int, int], tuple[int, ...]]] = field(
        default_factory=list
    )
    # Shared formulas (`si`) whose first cell refers to another workbook: so do the others.
    linked_shared: dict[bytes, tuple[int, ...]] = field(default_factory=dict)


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
    """Scan matches starting before `end`; the rest is carried into the next block.

    A pattern opening with `<` is tried at every element of the sheet: over the sheet of a
    long list, which mostly holds neither merges nor formulas, each pass took a quarter of
    calamine's own time. So merges are looked for from where the first is named, and
    formulas only in a block that holds a `<f` or an `x:f` at all (fast byte searches).
    """
    merges = data.find(b"mergeCell")
    if merges >= 0:
        for match in _MERGE.finditer(data, _element_start(data, merges), end):
            scan.merged.append(boundaries(match[1].decode()))
    if b"<f" in data or b":f" in data:
        for match in _FORMULA.finditer(data, 0, end):
            _check_formula(data, match.start(), scan)
    if b't="e"' in data:
        for match in _ERROR.finditer(data, 0, end):
            cell = _CELL_START.match(data, match.start())
            if cell:
                scan.errors[cell[1].decode()] = match[1].decode("utf-8", "replace")


def _element_start(data: bytes, name: int) -> int:
    """Where the element whose (possibly prefixed, `x:`) name is at `name` opens: the last
    `<` before it, as nothing between the two can be one."""
    return max(data.rfind(b"<", 0, name), 0)


def _check_formula(data: bytes, at: int, scan: SheetScan) -> None:
    """A formula's cell holds a `<v>` only when Excel saved the computed value."""
    cell = _cell_before(data, at)
    if cell is None:
        return
    closing = _CELL_END.search(data, at)
    if closing is not None and not _VALUE.search(data, at, closing.start()):
        scan.uncached_formulas.append(cell)
    element = _FORMULA_ELEMENT.match(data, at)
    if element is not None:
        _check_link(element[1], element[2], cell, scan)


def _cell_before(data: bytes, at: int) -> str | None:
    """The reference of the last cell opened before `at`: looked for in the few bytes
    before it first, where it almost always is, so that a sheet of formulas scans fast."""
    for window in (_NEAR, _OVERLAP):
        last = deque(_CELL_START.finditer(data, max(0, at - window), at), maxlen=1)
        if last:
            return last[0][1].decode()
        if window >= at:
            break
    return None


def _check_link(attributes: bytes, text: bytes | None, cell: str, scan: SheetScan) -> None:
    """Note a formula taking values from another workbook, at its cell (and range)."""
    books = external_books(text) if text and b"[" in text else ()
    if b"si=" in attributes and (books or scan.linked_shared):
        shared = _SHARED_INDEX.search(attributes)
        if shared is not None:
            if text:
                if books:
                    scan.linked_shared[shared[1]] = books
            else:
                books = scan.linked_shared.get(shared[1], ())
    if not books:
        return
    scan.linked[cell] = books
    array = _ARRAY_RANGE.search(attributes) if b"array" in attributes else None
    if array is not None:
        scan.linked_ranges.append((boundaries((array[1] or array[2]).decode()), books))


def external_books(formula: bytes) -> tuple[int, ...]:
    """The other workbooks a formula (as stored in the file) refers to, numbered as in its
    `[1]Sheet1!A1`: 1 for the workbook's first external reference."""
    if b"&" in formula:
        formula = formula.replace(b"&quot;", b'"').replace(b"&apos;", b"'")
    found = (int(m[1] or m[2]) for m in _EXTERNAL.finditer(_STRING.sub(b"", formula)))
    return tuple(sorted({number for number in found if number}))


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
