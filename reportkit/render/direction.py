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

_RIGHT_TO_LEFT = frozenset({"R", "AL"})
# Elements that follow w:bidi inside w:pPr (ECMA-376 order), so it can be put before them.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
# Elements that follow w:rtl inside w:rPr.
_AFTER_RTL = (
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


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
            properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        for run in paragraph.iter(qn("w:r")):
            run_properties = run.get_or_add_rPr()
            if run_properties.find(qn("w:rtl")) is None:
                run_properties.insert_element_before(OxmlElement("w:rtl"), *_AFTER_RTL)
        marked += 1
    return marked
