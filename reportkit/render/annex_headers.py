"""Annex pages headed "Annex I to OIC/COMCEC-FC/33-17/REP", as session reports head them.

A page header belongs to a section, so each annex becomes a section of its own: a section
break is put just before its heading (in the paragraph that ends the section before, as
Word stores it; after a table, in an empty paragraph added for it) and the annex's section
gets a header of its own, laid out like the template's. Footers carry on from the first
section, so page numbers run through. Reports whose meeting does not ask for it keep one
section and the template's header throughout.
"""

from __future__ import annotations

from copy import deepcopy

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.arrange.result import Annex
from reportkit.render.styled import styled_paragraphs

# The styles that open an annex on a new page, one per form (block, line, statement).
ANNEX_OPENINGS = ("Annex Heading", "Annex Line", "Annex Original")
_BEFORE_SECTION = (qn("w:pPrChange"),)


def head_annexes(document: Document, annexes: tuple[Annex, ...]) -> None:
    if not any(annex.header for annex in annexes):
        return
    body = document.element.body
    headings = annex_openings(document)
    if len(headings) != len(annexes):
        return  # a user template that does not open its annexes with the styles
    final = body.sectPr
    for heading in headings:
        _end_section_before(heading, final)
    # The body-level properties now describe the last annex's section; the first section
    # keeps the template's header through the copy just made of them.
    sections = document.sections
    first_header = sections[0].header
    for section, annex in zip(list(sections)[1:], annexes, strict=True):
        for reference in section._sectPr.findall(qn("w:headerReference")):
            section._sectPr.remove(reference)
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        template = first_header.paragraphs[0]._p.pPr if first_header.paragraphs else None
        if template is not None:
            own = paragraph._p.pPr
            if own is not None:
                paragraph._p.remove(own)
            paragraph._p.insert(0, deepcopy(template))
        paragraph.text = annex.header


def annex_openings(document: Document) -> list[_Element]:
    """The paragraph each annex opens with, in order."""
    return styled_paragraphs(document, ANNEX_OPENINGS)


def _end_section_before(heading: _Element, final: _Element) -> None:
    """End a section just before `heading`, with the document's page layout and headers."""
    previous = heading.getprevious()
    if previous is None or previous.tag != qn("w:p"):
        previous = OxmlElement("w:p")
        heading.addprevious(previous)
    properties = previous.get_or_add_pPr()
    section = deepcopy(final)
    following = next(
        (properties.find(t) for t in _BEFORE_SECTION if properties.find(t) is not None), None
    )
    if following is not None:
        following.addprevious(section)
    else:
        properties.append(section)
