"""Writing text into a workbook's cells in its own XML, every other part left as it was.

A load and save through openpyxl rewrites the whole workbook and drops what it does not
model: Excel's extended data validations (`x14:dataValidation`, where Excel keeps a
dropdown whose list is on another sheet, as the Lists sheet's are), shapes, threaded
comments, slicers, unused number formats. So the import edits only the XML of the
sheets it writes into (their cells, a new column's header and width, the sheet's
dimension) and, for the record of translations, adds or replaces one hidden sheet of its
own; every other part of the package is copied unchanged.

Text goes in as inline strings (`t="inlineStr"`): the shared strings table is left alone.
A new cell takes the style of the English cell beside it.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from reportkit.problems import column_letters

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
# Excel reads `_x0041_` in a cell's text as the character it encodes; a text holding such a
# sequence literally keeps it by escaping its underscore.
_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"


@dataclass(frozen=True)
class CellText:
    """Text for one cell; a new cell takes the style of its row's cell in `style_from`."""

    row: int
    column: int
    text: str
    style_from: int | None = None


class SheetXml:
    """One worksheet's XML, to read its cells' kinds and write text into them."""

    def __init__(self, blob: bytes) -> None:
        self.root = etree.fromstring(blob, _PARSER)
        self.ns = etree.QName(self.root).namespace or ""
        data = self.root.find(self._q("sheetData"))
        if data is None:
            data = etree.SubElement(self.root, self._q("sheetData"))
        self.data = data
        self.rows: dict[int, etree._Element] = {}
        number = 0
        for row in data.iterchildren(self._q("row")):
            number = int(row.get("r") or number + 1)
            row.set("r", str(number))
            self.rows[number] = row
        self._merged = [_bounds(m.get("ref", "")) for m in self.root.iter(self._q("mergeCell"))]

    def _q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def _cells(self, row: etree._Element) -> dict[int, etree._Element]:
        """The row's cells by column number, each given its reference where it had none."""
        cells = {}
        column = 0
        for cell in row.iterchildren(self._q("c")):
            found = _REF.fullmatch(cell.get("r", ""))
            column = _column_number(found[1]) if found else column + 1
            cell.set("r", f"{column_letters(column)}{row.get('r')}")
            cells[column] = cell
        return cells

    def cell(self, row: int, column: int) -> etree._Element | None:
        line = self.rows.get(row)
        return None if line is None else self._cells(line).get(column)

    def has_formula(self, row: int, column: int) -> bool:
        cell = self.cell(row, column)
        return cell is not None and cell.find(self._q("f")) is not None

    def hidden_by_merge(self, row: int, column: int) -> bool:
        """A cell inside merged cells other than their first: what it holds is never shown,
        and reportkit reads the first cell's text for it."""
        return any(
            left <= column <= right and top <= row <= bottom and (row, column) != (top, left)
            for left, top, right, bottom in self._merged
        )

    def last_column(self) -> int:
        """The rightmost column holding anything: a new column goes after it."""
        used = 0
        for line in self.rows.values():
            for column, cell in self._cells(line).items():
                if len(cell):
                    used = max(used, column)
        return used

    def write(self, text: CellText) -> None:
        line = self.rows.get(text.row)
        if line is None:
            line = etree.Element(self._q("row"), r=str(text.row))
            later = [n for n in self.rows if n > text.row]
            if later:
                self.rows[min(later)].addprevious(line)
            else:
                self.data.append(line)
            self.rows[text.row] = line
        cells = self._cells(line)
        cell = cells.get(text.column)
        if cell is None:
            cell = etree.Element(self._q("c"), r=f"{column_letters(text.column)}{text.row}")
            later = [n for n in cells if n > text.column]
            if later:
                cells[min(later)].addprevious(cell)
            else:
                line.append(cell)
            style = _style(line, cells.get(text.style_from or 0))
            if style:
                cell.set("s", style)
            _widen_span(line, text.column)
        for child in list(cell):
            cell.remove(child)
        for attribute in ("t", "cm", "vm"):
            cell.attrib.pop(attribute, None)
        cell.set("t", "inlineStr")
        inline = etree.SubElement(etree.SubElement(cell, self._q("is")), self._q("t"))
        inline.text = _ESCAPE.sub(r"_x005F_\1", text.text)
        if text.text != text.text.strip():  # as Excel marks it, and only then
            inline.set(_XML_SPACE, "preserve")
        self._extend_dimension(text.row, text.column)

    def widen_like(self, column: int, like: int) -> None:
        """Give a new column the width of the column `like`, unless widths cover it."""
        cols = self.root.find(self._q("cols"))
        spans = [] if cols is None else list(cols.iterchildren(self._q("col")))
        if any(int(c.get("min", 0)) <= column <= int(c.get("max", 0)) for c in spans):
            return
        width = next(
            (c.get("width") for c in spans if int(c.get("min", 0)) <= like <= int(c.get("max", 0))),
            None,
        )
        if width is None:
            return
        if cols is None:
            cols = etree.Element(self._q("cols"))
            self.data.addprevious(cols)
        new = etree.Element(
            self._q("col"), min=str(column), max=str(column), width=width, customWidth="1"
        )
        later = [c for c in spans if int(c.get("min", 0)) > column]
        if later:
            later[0].addprevious(new)
        else:
            cols.append(new)

    def _extend_dimension(self, row: int, column: int) -> None:
        dimension = self.root.find(self._q("dimension"))
        if dimension is None:
            return
        first, _, last = dimension.get("ref", "A1").partition(":")
        start, end = _REF.fullmatch(first), _REF.fullmatch(last or first)
        if start is None or end is None:
            return
        right = max(_column_number(end[1]), column)
        bottom = max(int(end[2]), row)
        dimension.set("ref", f"{start[1].upper()}{start[2]}:{column_letters(right)}{bottom}")

    def bytes(self) -> bytes:
        return _serialized(self.root)


def record_sheet(namespace: str, rows: list[tuple[str, ...]]) -> bytes:
    """A worksheet of inline strings, one row per tuple: the hidden record's sheet."""
    sheet = SheetXml(f'<worksheet xmlns="{namespace}"><sheetData/></worksheet>'.encode())
    for number, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            if value:
                sheet.write(CellText(number, column, value))
    return sheet.bytes()


class Package:
    """A workbook's zip parts: those changed are replaced, a new sheet added, the rest
    copied as they are."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.infos = archive.infolist()
            self.parts = {info.filename: archive.read(info.filename) for info in self.infos}
        self.changed: dict[str, bytes] = {}

    def namespace(self) -> str:
        return etree.QName(etree.fromstring(self.parts[WORKBOOK], _PARSER)).namespace or ""

    def replace(self, member: str, blob: bytes) -> None:
        self.changed[member] = blob

    def add_sheet(self, title: str, blob: bytes) -> None:
        """Add a hidden worksheet after the others: the workbook's list of sheets, its
        relationships and the package's content types each gain one entry."""
        workbook = etree.fromstring(self.parts[WORKBOOK], _PARSER)
        ns = etree.QName(workbook).namespace
        sheets = workbook.find(f"{{{ns}}}sheets")
        rels = etree.fromstring(self.parts[WORKBOOK_RELS], _PARSER)
        relations = {r.get("Id"): r for r in rels.iter(f"{_PACKAGE_RELS}Relationship")}
        listed = sheets.findall(f"{{{ns}}}sheet")
        first = listed[0]
        id_attribute = next(k for k in first.attrib if etree.QName(k).localname == "id")
        relationships = etree.QName(id_attribute).namespace
        number = 1
        while f"xl/worksheets/sheet{number}.xml" in self.parts:
            number += 1
        member = f"xl/worksheets/sheet{number}.xml"
        rid = next(
            f"rId{n}" for n in range(len(relations) + 1, 10**6) if f"rId{n}" not in relations
        )
        etree.SubElement(
            sheets,
            f"{{{ns}}}sheet",
            {
                "name": title,
                "sheetId": str(max(int(s.get("sheetId", 0)) for s in listed) + 1),
                "state": "hidden",
                id_attribute: rid,
            },
            nsmap={"r": relationships} if relationships else None,
        )
        etree.SubElement(
            rels,
            f"{_PACKAGE_RELS}Relationship",
            Id=rid,
            Type=relations[first.get(id_attribute)].get("Type", ""),
            Target=posixpath.relpath(member, "xl"),
        )
        types = etree.fromstring(self.parts["[Content_Types].xml"], _PARSER)
        etree.SubElement(
            types,
            f"{_CONTENT_TYPES}Override",
            PartName=f"/{member}",
            ContentType=_WORKSHEET_TYPE,
        )
        self.changed[WORKBOOK] = _serialized(workbook)
        self.changed[WORKBOOK_RELS] = _serialized(rels)
        self.changed["[Content_Types].xml"] = _serialized(types)
        self.changed[member] = blob

    def bytes(self) -> bytes:
        """The package with its changes: members in their order, new ones last, each with
        its own name, date and compression."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for info in self.infos:
                blob = self.changed.get(info.filename, self.parts[info.filename])
                archive.writestr(_copied(info), blob)
            known = {info.filename for info in self.infos}
            for member, blob in self.changed.items():
                if member not in known:
                    info = zipfile.ZipInfo(member, date_time=self.infos[0].date_time)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, blob)
        return out.getvalue()


def _copied(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A member's name, date, permissions and compression, without the extra fields that
    describe the old entry's sizes."""
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    copy.comment = info.comment
    return copy


def _serialized(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _style(row: etree._Element, beside: etree._Element | None) -> str | None:
    """The style a new cell takes: its English neighbour's, else its row's own."""
    if beside is not None and beside.get("s"):
        return beside.get("s")
    if row.get("customFormat") in ("1", "true"):
        return row.get("s")
    return None


def _widen_span(row: etree._Element, column: int) -> None:
    """A row's `spans` (a hint of its first and last column) must cover its new cell."""
    spans = row.get("spans", "")
    first, _, last = spans.partition(":")
    if not (first.isdigit() and last.isdigit()):
        row.attrib.pop("spans", None)
        return
    row.set("spans", f"{min(int(first), column)}:{max(int(last), column)}")


def _bounds(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    start, end = _REF.fullmatch(first), _REF.fullmatch(last or first)
    if start is None or end is None:
        return (0, 0, -1, -1)
    return (_column_number(start[1]), int(start[2]), _column_number(end[1]), int(end[2]))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number
