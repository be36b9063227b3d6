"""A worksheet's cells as Python values, read by calamine (Rust, ten times openpyxl's speed).

Values are given exactly as openpyxl's read-only mode gave them, which the rest of `read`
was written and tested against: an empty cell is None, a whole number an int, a date a
datetime; times, durations, booleans and text as they are. Error cells (calamine gives
them empty) and the sheets' part names come from the workbook's own XML.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from datetime import date, datetime, time
from typing import Any, BinaryIO

from lxml import etree
from python_calamine import CalamineWorkbook

from reportkit.problems import InputError, Problem

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# The workbook's XML was checked for entity declarations before this reads it.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def open_book(handle: BinaryIO) -> CalamineWorkbook:
    return CalamineWorkbook.from_filelike(handle)


def sheet_grid(book: CalamineWorkbook, title: str) -> list[list[Any]]:
    """Every row from row 1 to the last holding a value, each from column A."""
    rows = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    grid = [_row(row) for row in rows]
    while grid and all(v is None for v in grid[-1]):
        grid.pop()
    return grid


def _parse(archive: zipfile.ZipFile, part: str, source: str) -> etree._Element:
    try:
        return etree.fromstring(archive.read(part), _PARSER)
    except etree.XMLSyntaxError as error:
        why = (
            "it is nested deeper than any workbook Excel writes"
            if "depth" in str(error).lower()
            else "its XML is damaged"
        )
        raise InputError(
            source,
            [
                Problem(
                    f"the workbook's list of sheets cannot be read ({why})",
                    "open it in Excel and save it again as .xlsx",
                    part,
                )
            ],
        ) from None


_TEXT = frozenset({str})


def _row(row: list[Any]) -> list[Any]:
    """A row of text alone (most rows of a list) needs only its empty cells made None, and
    is known for one by a check at C speed; the others are converted cell by cell."""
    if _TEXT.issuperset(map(type, row)):
        return [value or None for value in row]
    return [_value(value) for value in row]


def _value(value: Any) -> Any:
    if value == "" and isinstance(value, str):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


def sheet_parts(data: bytes, source: str) -> dict[str, str]:
    """Each sheet's title → the zip member of its XML (`xl/worksheets/sheet1.xml`).

    `source` names the workbook in the problem raised (`InputError`) when the workbook's own
    XML cannot be parsed: damaged, or nested deeper than the parser allows (a 5 KB file
    can nest hundreds of levels; Excel never nests more than a few)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        workbook = _parse(archive, "xl/workbook.xml", source)
        relations = _parse(archive, "xl/_rels/workbook.xml.rels", source)
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in relations.iter(f"{_RELATIONSHIPS}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP_ID), "")
        member = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        )
        if member in names:
            parts[sheet.get("name", "")] = member
    return parts
