"""Which Word list a paragraph is in, read from the XML as Word reads it, apart from
reportkit's own code: the tests check what reportkit wrote, not what it thinks it wrote."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

_NUM_ID = f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"


def list_of(item: Paragraph) -> int | None:
    """The list of a paragraph: its own numbering, else its style's (or the style's it is
    based on); none, or list 0 (Word's "no list"), is None."""
    found = item._p.find(_NUM_ID)
    if found is None:
        return _style_list(item.style)
    return int(found.get(qn("w:val"))) or None


def style_list(document: Document, name: str) -> int | None:
    """The list a paragraph style numbers its paragraphs in, if any."""
    return _style_list(document.styles[name])


def _style_list(style: BaseStyle | None) -> int | None:
    while style is not None:
        found = style.element.find(_NUM_ID)
        if found is not None:
            return int(found.get(qn("w:val"))) or None
        style = style.base_style
    return None
