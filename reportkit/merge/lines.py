"""A report as the merge reads it: its paragraphs and table rows, in order, by text.

The text of a line is what a reader sees with every tracked change accepted (deleted text
left out, inserted text in), so a report merged earlier and not yet reviewed reads as the
corrected report it will become. Editors' bookkeeping — how text is split into runs,
revision ids, bookmarks, proofing marks, numbering written on each paragraph — never
enters the text, so it never looks like an edit. The style is kept beside the text, never
in it: a restyled paragraph is the same paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml.etree import _Element

P, TBL, TR, TC, R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr")})
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# What each run child shows; anything else (fields' codes, drawings, marks) shows nothing.
_SHOWN = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_TEXT = qn("w:t")


@dataclass
class Line:
    """One paragraph or table row: its visible text, style name ("" for rows), each cell's
    paragraph texts (rows only), and its element."""

    text: str
    style: str = ""
    cells: tuple[tuple[str, ...], ...] | None = None
    element: _Element | None = None

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    @property
    def kind(self) -> str:
        return "row" if self.is_row else "p"

    @property
    def flat(self) -> str:
        """The text with its spaces evened out, as lines are compared."""
        return flat(self.text)

    @property
    def flat_cells(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(flat(text) for text in cell) for cell in self.cells or ())


def flat(text: str) -> str:
    return " ".join(text.split())


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


def cell_text(cell: _Element) -> str:
    return "\n".join(paragraph_text(p) for p in cell_paragraphs(cell))


def row_text(row: _Element) -> str:
    return "\t".join(cell_text(cell) for cell in cells(row))


def row_cells(row: _Element) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(paragraph_text(p) for p in cell_paragraphs(cell)) for cell in cells(row))


def is_marked(element: _Element, revision: str) -> bool:
    """Whether a paragraph's mark or a row is tracked as inserted/deleted (`ins`/`del`)."""
    return marker(element, revision) is not None


def marker(element: _Element, revision: str) -> _Element | None:
    """The `w:ins`/`w:del` that tracks a paragraph's mark or a row, if any."""
    properties = element.find(qn("w:pPr") if element.tag == P else qn("w:trPr"))
    if properties is None:
        return None
    if element.tag == P:
        properties = properties.find(qn("w:rPr"))
    return None if properties is None else properties.find(qn(f"w:{revision}"))


def style_id(paragraph: _Element) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val"), "") if style is not None else ""


def story_lines(story: _Element, names: dict[str, str]) -> list[Line]:
    """The lines of a story — the body, a header, a footer — by style name (`names`: id →
    name). A paragraph whose deletion is tracked and that shows nothing is left out."""
    return list(_lines(story, names))


def _lines(container: _Element, names: dict[str, str]) -> Iterator[Line]:
    for child in container:
        if child.tag == P:
            text = paragraph_text(child)
            if not (is_marked(child, "del") and not text):
                yield Line(text, names.get(style_id(child), ""), element=child)
        elif child.tag == TBL:
            for row in child.iter(TR):
                if _table_of(row) is child and not is_marked(row, "del"):
                    yield Line(row_text(row), cells=row_cells(row), element=row)
        elif child.tag in _CONTAINERS:
            yield from _lines(child, names)


def _table_of(row: _Element) -> _Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent
