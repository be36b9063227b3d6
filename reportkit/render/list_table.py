"""A delegation of the list of participants as Word lays out a list that runs over pages.

A long delegation runs over a page break; the reader of the next page must still see whose
delegates these are. Word and LibreOffice repeat a table's header rows on every page the
table reaches, and nothing else repeats, so each delegation is a one-column table: its
heading is the header row (`w:tblHeader`), each delegate one row that cannot split
(`w:cantSplit`), so a page breaks between delegates only. The table is invisible — no
borders, no cell margins, the text block's width — so that its paragraphs, in the list's
own styles, sit where they would sit outside it; the Arabic edition's runs right to left
(`w:bidiVisual`).

Word joins two tables that touch into one, whose later heading rows then repeat nothing:
each table is followed by a paragraph a tenth of a point high (`separator`).
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Length

_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_NO_MARGINS = "".join(
    f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right")
)
# The separator's height, in twentieths of a point: a tenth of a point, nothing to the eye.
_SEPARATOR_HEIGHT = 2


def table(rows: list[str], width: int, right_to_left: bool) -> str:
    """A table of `rows` (see `row`), `width` twips wide (the text block's)."""
    direction = "<w:bidiVisual/>" if right_to_left else ""
    return (
        f'<w:tbl><w:tblPr>{direction}<w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{_NO_BORDERS}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar>{_NO_MARGINS}</w:tblCellMar></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def row(paragraphs: list[str], width: int, heading: bool = False) -> str:
    """One row that cannot split, holding `paragraphs`; a `heading` row repeats at the top
    of every page the table runs onto."""
    repeated = "<w:tblHeader/>" if heading else ""
    return (
        f"<w:tr><w:trPr><w:cantSplit/>{repeated}</w:trPr>"
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}'
        "</w:tc></w:tr>"
    )


def separator(style_id: str, right_to_left: bool, before: int = 0) -> str:
    """The paragraph after a table, in `style_id`, next to no height whatever its style:
    `before` twips of space above it (dropped at the top of a page, as a paragraph's is)."""
    direction = "<w:bidi/>" if right_to_left else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{direction}'
        f'<w:spacing w:before="{before}" w:after="0" w:line="{_SEPARATOR_HEIGHT}" '
        'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
    )


def text_width(document: Document) -> int:
    """The width of the text block, in twips, of the last section (the annexes')."""
    section = document.sections[-1]
    width = Length(section.page_width - section.left_margin - section.right_margin)
    return int(width.twips)
