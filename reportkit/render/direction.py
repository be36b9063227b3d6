"""Right-to-left paragraphs: Arabic text set as Word sets it, not merely shown backwards.

Unicode's bidirectional algorithm orders the letters of Arabic text wherever it appears,
but a paragraph still runs left to right — punctuation at the wrong end, the first line
aligned to the wrong margin — unless the paragraph itself says it is right-to-left
(`w:bidi`) and its runs are marked complex-script right-to-left (`w:rtl`). python-docx has
no accessor for `w:bidi` (python-openxml/python-docx#349), so it is set on the XML here,
for every paragraph whose first strong character is right-to-left.
"""

from __future__ import annotations

import unicodedata

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportkit.render.schema_order import PARAGRAPH, RUN, insert_in_order

_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def is_right_to_left(text: str) -> bool:
    """Whether text reads right to left: its first strongly directional character decides."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in _RIGHT_TO_LEFT:
            return True
        if direction == "L":
            return False
    return False


def mark_right_to_left(document: Document) -> int:
    """Set paragraph and run direction on right-to-left paragraphs; returns how many."""
    marked = 0
    for paragraph in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if not is_right_to_left(text):
            continue
        properties = paragraph.get_or_add_pPr()
        if properties.find(qn("w:bidi")) is None:
            insert_in_order(properties, OxmlElement("w:bidi"), PARAGRAPH)
        for run in paragraph.iter(qn("w:r")):
            run_properties = run.get_or_add_rPr()
            if run_properties.find(qn("w:rtl")) is None:
                insert_in_order(run_properties, OxmlElement("w:rtl"), RUN)
        marked += 1
    return marked
