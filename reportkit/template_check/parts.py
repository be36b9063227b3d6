"""A template's text as docxtpl sees it, paragraph by paragraph, each with where it is.

docxtpl renders the body, every header and footer; a person fixing a template in Word needs
to be told "body, paragraph 12" or "body, table 1, row 3, cell 2" and shown the text, since
Word shows no XML. Paragraphs are numbered as Word's own navigation counts them: body
paragraphs outside tables in order, cells by table, row and column.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_BODY = "word/document.xml"
_KIND_LABELS = {"default": "", "first": "first-page ", "even": "even-page "}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph's text, where it is, and the containers docxtpl tags act on."""

    part: str
    where: str
    text: str
    cell: str  # the cell holding it ("" outside tables): where a {%p %} block must close
    row: str  # its table row ("" outside tables): what a {%tr %} tag replaces
    table: str  # its table ("" outside tables)

    @property
    def location(self) -> str:
        return f"{self.part}, {self.where}"


@dataclass(frozen=True)
class Part:
    label: str
    paragraphs: tuple[Paragraph, ...]


def template_parts(path: Path) -> list[Part]:
    """The body, then each header and footer, as the person knows them."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read(_BODY), _PARSER)
        parts = [Part("body", tuple(_paragraphs(body, "body")))]
        for label, member in _headers_and_footers(archive, body):
            root = etree.fromstring(archive.read(member), _PARSER)
            parts.append(Part(label, tuple(_paragraphs(root, label))))
    return parts


def _headers_and_footers(
    archive: zipfile.ZipFile, body: etree._Element
) -> Iterator[tuple[str, str]]:
    targets = _relationship_targets(archive)
    sections = body.findall(f".//{w('sectPr')}")
    seen: set[str] = set()
    for number, section in enumerate(sections, start=1):
        prefix = f"section {number} " if len(sections) > 1 else ""
        for kind in ("header", "footer"):
            for reference in section.findall(w(f"{kind}Reference")):
                member = targets.get(reference.get(f"{{{R}}}id", ""))
                if member is None or member in seen or member not in archive.namelist():
                    continue
                seen.add(member)
                label = _KIND_LABELS.get(reference.get(w("type"), "default"), "")
                yield f"{prefix}{label}{kind}", member


def _relationship_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """The body's relationship ids and the parts they name, as zip member names."""
    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"), _PARSER)
    except KeyError:
        return {}
    targets = {}
    for relationship in rels.findall(f"{{{_PACKAGE_RELS}}}Relationship"):
        if relationship.get("TargetMode") == "External":
            continue
        target = PurePosixPath("word", relationship.get("Target", ""))
        targets[relationship.get("Id", "")] = _normalised(target)
    return targets


def _normalised(path: PurePosixPath) -> str:
    parts: list[str] = []
    for piece in path.parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", "/"):
            parts.append(piece)
    return "/".join(parts)


def _paragraphs(root: etree._Element, part: str) -> Iterator[Paragraph]:
    count = 0
    tables = 0
    for element in _walk(root):
        if element.tag == w("tbl") and _enclosing(element, "tbl") is None:
            tables += 1
            yield from _table(element, part, f"table {tables}")
        elif element.tag == w("p") and _enclosing(element, "tbl") is None:
            count += 1
            yield Paragraph(part, f"paragraph {count}", _text(element), "", "", "")


def _walk(root: etree._Element) -> Iterator[etree._Element]:
    """Top-level paragraphs and tables in document order (including inside w:sdt content)."""
    for element in root.iter(w("p"), w("tbl")):
        if _enclosing(element, "p") is None:
            yield element


def _table(table: etree._Element, part: str, name: str) -> Iterator[Paragraph]:
    """Each cell's paragraphs, and those of tables nested in it, named after the cell."""
    rows = [r for r in table.iter(w("tr")) if _enclosing(r, "tbl") is table]
    for row_number, row in enumerate(rows, start=1):
        cells = [c for c in row.iter(w("tc")) if _enclosing(c, "tr") is row]
        for cell_number, cell in enumerate(cells, start=1):
            where = f"{name}, row {row_number}, cell {cell_number}"
            content = [e for e in cell.iter(w("p"), w("tbl")) if _enclosing(e, "tc") is cell]
            paragraphs = sum(e.tag == w("p") for e in content)
            index = tables = 0
            for element in content:
                if element.tag == w("tbl"):
                    tables += 1
                    yield from _table(element, part, f"{where}, table {tables}")
                    continue
                index += 1
                yield Paragraph(
                    part,
                    where + (f", paragraph {index}" if paragraphs > 1 else ""),
                    _text(element),
                    f"{part}/{where}",
                    f"{part}/{name}, row {row_number}",
                    f"{part}/{name}",
                )


def _enclosing(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != w(tag):
        parent = parent.getparent()
    return parent


def _text(paragraph: etree._Element) -> str:
    """The paragraph's own text (a text box inside it is a paragraph of its own)."""
    return "".join(t.text or "" for t in paragraph.iter(w("t")) if _enclosing(t, "p") is paragraph)
