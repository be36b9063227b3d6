"""A report as the merge reads it: its paragraphs and table rows, in order, by text.

The text of a line is what a reader sees with every tracked change accepted (deleted text
left out, inserted text in), so a report merged earlier and not yet reviewed reads as the
corrected report it will become. Editors' bookkeeping — how text is split into runs,
revision ids, bookmarks, proofing marks, numbering written on each paragraph — never
enters the text, so it never looks like an edit. The style is kept beside the text, never
in it: a restyled paragraph is the same paragraph. A row's paragraphs keep their styles
too, each beside its text: what a row is may be told by its first paragraph's (a delegate's
row in the list of participants opens with her name).

A footnote's reference shows as one character, `NOTE`, whatever the note says: a note
added to a paragraph or removed from it changes the paragraph's text where it stands, and
is merged word by word as any word is, while the note's own text is a story of its own
(`notes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import nsmap, qn
from lxml import etree
from lxml.etree import _Element

P, TBL, TR, TC, R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
# What each run child shows; anything else (fields' codes, drawings, marks) shows nothing.
NOTE = "\ufffc"
_SHOWN = {
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
    qn("w:footnoteReference"): NOTE,
}
_TEXT = qn("w:t")


@dataclass
class Line:
    """One paragraph or table row: its visible text, style name ("" for rows), each cell's
    paragraph texts and their style names (rows only), and its element. `flat` is the text
    with its spaces evened out, as lines are compared."""

    text: str
    style: str = ""
    cells: tuple[tuple[str, ...], ...] | None = None
    element: _Element | None = None
    cell_styles: tuple[tuple[str, ...], ...] = ()
    flat: str = field(init=False, repr=False)
    flat_cells: tuple[tuple[str, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.flat = flat(self.text)
        self.flat_cells = tuple(tuple(flat(t) for t in cell) for cell in self.cells or ())

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    @property
    def kind(self) -> str:
        return "row" if self.is_row else "p"

    @property
    def lead(self) -> str:
        """The style of its first paragraph: a paragraph's own, a row's first cell's first."""
        if not self.is_row:
            return self.style
        return self.cell_styles[0][0] if self.cell_styles and self.cell_styles[0] else ""

    @property
    def opening(self) -> str:
        """The text of its first paragraph, spaces evened out."""
        if not self.is_row:
            return self.flat
        return self.flat_cells[0][0] if self.flat_cells and self.flat_cells[0] else ""


def flat(text: str) -> str:
    return " ".join(text.split())


def atom_text(node: _Element) -> str:
    if node.tag == _TEXT:
        return node.text or ""
    return _SHOWN.get(node.tag, "")


# The runs a reader sees, in order: not deleted or moved away, and not a run inside another
# run's drawing (a text box's own paragraphs are no part of this one's text). One compiled
# query per paragraph: lines are read from three whole reports at every merge.
_VISIBLE_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:r) and not(ancestor::w:del) and not(ancestor::w:moveFrom)]",
    namespaces={"w": nsmap["w"]},
)
_SHOWN_ATOMS = etree.XPath(
    ".//w:r[not(ancestor::w:r) and not(ancestor::w:del) and not(ancestor::w:moveFrom)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen"
    " or self::w:footnoteReference]",
    namespaces={"w": nsmap["w"]},
)


def visible_runs(paragraph: _Element) -> list[_Element]:
    return _VISIBLE_RUNS(paragraph)


def paragraph_text(paragraph: _Element) -> str:
    return "".join(atom_text(atom) for atom in _SHOWN_ATOMS(paragraph))


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


def row_paragraphs(row: _Element) -> list[_Element]:
    """Every paragraph of the row's cells, cell after cell."""
    return [p for cell in cells(row) for p in cell_paragraphs(cell)]


def row_styles(row: _Element, names: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(names.get(style_id(p), "") for p in cell_paragraphs(cell)) for cell in cells(row)
    )


def is_marked(element: _Element, revision: str) -> bool:
    """Whether a paragraph's mark or a row is tracked as inserted/deleted (`ins`/`del`)."""
    return marker(element, revision) is not None


def marker(element: _Element, revision: str) -> _Element | None:
    """The `w:ins`/`w:del` that tracks a paragraph's mark or a row, if any."""
    properties = element.find(_PPR if element.tag == P else _TRPR)
    if properties is None:
        return None
    if element.tag == P:
        properties = properties.find(_RPR)
    return None if properties is None else properties.find(qn(f"w:{revision}"))


_STYLE_ID = etree.XPath("string(w:pPr/w:pStyle/@w:val)", namespaces={"w": nsmap["w"]})


def style_id(paragraph: _Element) -> str:
    return str(_STYLE_ID(paragraph))


_PPR, _TRPR, _RPR = qn("w:pPr"), qn("w:trPr"), qn("w:rPr")


def story_lines(story: _Element, names: dict[str, str]) -> list[Line]:
    """The lines of a story — the body, a header, a footer — by style name (`names`: id →
    name). A paragraph whose deletion is tracked and that shows nothing is left out."""
    return list(_lines(story, names))


def _lines(container: _Element, names: dict[str, str]) -> Iterator[Line]:
    for child in container:
        if child.tag == P:
            text = paragraph_text(child)
            if text or not is_marked(child, "del"):
                yield Line(text, names.get(style_id(child), ""), element=child)
        elif child.tag == TBL:
            for row in child.iter(TR):
                if _table_of(row) is child and not is_marked(row, "del"):
                    yield Line(
                        row_text(row),
                        cells=row_cells(row),
                        element=row,
                        cell_styles=row_styles(row, names),
                    )
        elif child.tag in _CONTAINERS:
            yield from _lines(child, names)


def _table_of(row: _Element) -> _Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent
