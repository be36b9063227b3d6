"""Right-to-left text: Arabic set as Word sets it, not merely shown backwards.

Unicode's bidirectional algorithm orders the letters of Arabic text wherever it appears,
but a paragraph still runs left to right — punctuation at the wrong end, the first line
aligned to the wrong margin, list numbers on the left — unless the paragraph says it is
right-to-left (`w:bidi`); and Word sets a run in its complex-script font, size and bold
(`w:cs`, `w:szCs`, `w:bCs`) only when the run is marked right-to-left (`w:rtl`). Word marks
only the Arabic stretches of a line so: a Latin name or a document symbol inside Arabic
text stays a left-to-right run in its Latin font, readable as typed. python-docx has no
accessor for `w:bidi` (python-openxml/python-docx#349), so it is set on the XML here.

In the Arabic edition every paragraph, section and table runs right to left, whatever
its first word; elsewhere a paragraph that starts in a right-to-left script does.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterator

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportkit.render.schema_order import PARAGRAPH, RUN, SECTION, TABLE, insert_in_order

_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_STRONG = frozenset({"L", "R", "AL"})


def is_right_to_left(text: str) -> bool:
    """Whether text reads right to left: its first strongly directional character decides."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in _RIGHT_TO_LEFT:
            return True
        if direction == "L":
            return False
    return False


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text)


def script_runs(text: str, right_to_left: bool) -> Iterator[tuple[str, bool]]:
    """`text` cut where its script changes direction: (piece, is right to left).

    Spaces, digits and punctuation between two stretches of one direction belong to them;
    between stretches of two directions, or at either end, they take the paragraph's
    direction (`right_to_left`), as Unicode's bidirectional algorithm sets them (rules N1,
    N2): the full stop after a Latin acronym ending an Arabic sentence is Arabic.
    """
    if not has_right_to_left(text):
        yield text, False
        return
    pieces: list[tuple[str, bool]] = []
    current: bool | None = None  # the direction of the stretch being gathered
    start = pending = 0  # where it starts; where the neutrals after its last letter start
    for index, character in enumerate(text):
        direction = unicodedata.bidirectional(character)
        if direction not in _STRONG:
            continue
        rtl = direction in _RIGHT_TO_LEFT
        if current is None:
            if index and rtl != right_to_left:
                pieces.append((text[:index], right_to_left))
                start = index
            current = rtl
        elif rtl != current:
            # Neutrals between two directions take the paragraph's.
            cut = pending if current != right_to_left else index
            pieces.append((text[start:cut], current))
            if cut < index:
                pieces.append((text[cut:index], right_to_left))
            start, current = index, rtl
        pending = index + 1
    if current != right_to_left and pending < len(text):
        pieces += [(text[start:pending], bool(current)), (text[pending:], right_to_left)]
    else:
        pieces.append((text[start:], bool(current)))
    merged: list[tuple[str, bool]] = []
    for piece, rtl in pieces:
        if merged and merged[-1][1] == rtl:
            merged[-1] = (merged[-1][0] + piece, rtl)
        elif piece:
            merged.append((piece, rtl))
    yield from merged


def mark_right_to_left(document: Document, edition: bool = False) -> int:
    """Set direction on the body's paragraphs and their runs; returns how many paragraphs
    run right to left. `edition`: every paragraph does (the Arabic edition)."""
    return _mark_paragraphs(document.element.body, edition)


def right_to_left_layout(document: Document) -> None:
    """The Arabic edition's pages: sections, tables, headers and footers right to left,
    whatever the template says (a restyled English template included)."""
    for section in document.sections:
        if section._sectPr.find(qn("w:bidi")) is None:
            insert_in_order(section._sectPr, OxmlElement("w:bidi"), SECTION)
        for part in (section.header, section.footer, section.first_page_header):
            if not part.is_linked_to_previous:
                _mark_paragraphs(part._element, edition=True)
    for table in document.element.body.iter(qn("w:tbl")):
        if table.tblPr.find(qn("w:bidiVisual")) is None:
            insert_in_order(table.tblPr, OxmlElement("w:bidiVisual"), TABLE)


def _mark_paragraphs(element: object, edition: bool) -> int:
    marked = 0
    for paragraph in element.iter(qn("w:p")):  # type: ignore[attr-defined]
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if not (edition or is_right_to_left(text)):
            continue
        properties = paragraph.get_or_add_pPr()
        if properties.find(qn("w:bidi")) is None:
            insert_in_order(properties, OxmlElement("w:bidi"), PARAGRAPH)
        for run in list(paragraph.iter(qn("w:r"))):
            _mark_run(run)
        marked += 1
    return marked


def _mark_run(run: object) -> None:
    """Mark a run's Arabic stretches `w:rtl`, cutting a mixed run in two or more."""
    texts = run.findall(qn("w:t"))  # type: ignore[attr-defined]
    if len(texts) != 1 or len(run) - (run.rPr is not None) != 1:  # type: ignore[attr-defined]
        if has_right_to_left("".join(t.text or "" for t in texts)):
            _set_rtl(run)
        return
    pieces = list(script_runs(texts[0].text or "", True))
    if len(pieces) == 1:
        if pieces[0][1]:
            _set_rtl(run)
        return
    for text, rtl in reversed(pieces):
        piece = copy.deepcopy(run)
        piece.find(qn("w:t")).text = text
        piece.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if rtl:
            _set_rtl(piece)
        run.addnext(piece)
    run.getparent().remove(run)  # type: ignore[attr-defined]


def _set_rtl(run: object) -> None:
    properties = run.get_or_add_rPr()  # type: ignore[attr-defined]
    if properties.find(qn("w:rtl")) is None:
        insert_in_order(properties, OxmlElement("w:rtl"), RUN)
