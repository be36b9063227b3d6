"""A report as the merge sees it: body paragraphs and table rows, by text, with where they are.

The text of a unit is what a reader sees with every tracked change accepted (deleted text
left out, inserted text in), so a report merged earlier and not yet reviewed reads as the
corrected report it will become. Editors' bookkeeping — how text is split into runs,
revision ids, bookmarks, proofing marks, numbering written on each paragraph — never
enters the text, so it never looks like an edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

P, TBL, TR, TC, R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr")})
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# What each run child shows; anything else (fields' codes, drawings, marks) shows nothing.
_SHOWN = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_TEXT = qn("w:t")

ANNEX_HEADING = "Annex Heading"
NUMBERED = "Numbered Paragraph"
DELEGATION = "Delegation Heading"
SECTION = "Participants Section"


@dataclass
class Unit:
    """One paragraph or table row of a document."""

    element: _Element
    text: str
    style: str

    @property
    def is_row(self) -> bool:
        return self.element.tag == TR

    @property
    def item(self) -> tuple[str, str]:
        """What the merge compares: the kind (style, or row) and the text, spaces evened out."""
        return ("row" if self.is_row else f"p:{self.style}", " ".join(self.text.split()))


def atom_text(node: _Element) -> str:
    if node.tag == _TEXT:
        return node.text or ""
    return _SHOWN.get(node.tag, "")


def visible_runs(paragraph: _Element) -> Iterator[_Element]:
    """The runs a reader sees, in order: not deleted, not inside a nested text box."""
    for child in paragraph:
        if child.tag == R:
            yield child
        elif child.tag not in _HIDDEN:
            yield from visible_runs(child)


def paragraph_text(paragraph: _Element) -> str:
    return "".join(atom_text(atom) for run in visible_runs(paragraph) for atom in run)


def cells(row: _Element) -> list[_Element]:
    return [child for child in row if child.tag == TC]


def cell_paragraphs(cell: _Element) -> list[_Element]:
    return [child for child in cell if child.tag == P]


def row_text(row: _Element) -> str:
    return "\t".join(
        "\n".join(paragraph_text(p) for p in cell_paragraphs(cell)) for cell in cells(row)
    )


def is_marked(element: _Element, revision: str) -> bool:
    """Whether a paragraph's mark or a row is tracked as inserted/deleted (`ins`/`del`)."""
    properties = element.find(qn("w:pPr") if element.tag == P else qn("w:trPr"))
    if properties is None:
        return False
    if element.tag == P:
        properties = properties.find(qn("w:rPr"))
    return properties is not None and properties.find(qn(f"w:{revision}")) is not None


def style_names(document: Document) -> dict[str, str]:
    return {style.style_id: style.name for style in document.styles if style.name}


def document_units(document: Document) -> list[Unit]:
    names = style_names(document)
    return list(_units(document.element.body, names))


def _units(container: _Element, names: dict[str, str]) -> Iterator[Unit]:
    for child in container:
        if child.tag == P:
            text = paragraph_text(child)
            if not (is_marked(child, "del") and not text):
                yield Unit(child, text, names.get(_style_id(child), ""))
        elif child.tag == TBL:
            for row in child.iter(TR):
                if _table_of(row) is child and not is_marked(row, "del"):
                    yield Unit(row, row_text(row), "")
        elif child.tag in _CONTAINERS:
            yield from _units(child, names)


def _table_of(row: _Element) -> _Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def _style_id(paragraph: _Element) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val"), "") if style is not None else ""


def labels(units: list[Unit]) -> list[str]:
    """Where each unit is, in the words of the report: `Paragraph 5`, `Annex III, EGYPT`."""
    annex = delegation = ""
    number = 0
    result = []
    for unit in units:
        if unit.style == ANNEX_HEADING:
            annex, delegation = _annex_name(unit.text), ""
        elif unit.style == SECTION:
            delegation = ""
        elif unit.style == DELEGATION:
            delegation = unit.text.strip()
        if unit.style == NUMBERED:
            number += 1
        result.append(_label(unit, annex, delegation, number))
    return result


def _annex_name(text: str) -> str:
    words = text.split()
    return " ".join([words[0].capitalize(), *words[1:]]) if words else "Annex"


def _label(unit: Unit, annex: str, delegation: str, number: int) -> str:
    if not annex:
        return f"Paragraph {number}" if unit.style == NUMBERED else _excerpt(unit.text)
    if delegation:
        return f"{annex}, {delegation}"
    if unit.is_row:
        return f"{annex}, {_excerpt(unit.text.split(chr(9))[0])}"
    return f"{annex}, {_excerpt(unit.text)}"


def _excerpt(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"}"'
