"""A title page of its own, and the number the body's first page shows.

Working Group proceedings open with a page holding only the title block, the publisher and
the month, without header or page number, before the body's page 1; the Follow-up
Committee's report numbers its first body page 7. Both are section properties: the title
page becomes a section of its own (its properties in its last paragraph, as Word stores
them), with no header or footer reference — a first section without one has none — and
a top margin of a quarter of the page, so that the block stands in its upper middle (Word
would centre a page's content by `w:vAlign`, which LibreOffice 7.4's PDF ignores: a margin
puts it in the same place in both). The body's section starts its page numbers at
`first_page`. The annexes' sections, made before (`annex_headers`), carry the numbers on.
"""

from __future__ import annotations

from copy import deepcopy

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportkit.arrange.result import TitleBlock
from reportkit.render.schema_order import PARAGRAPH, SECTION, insert_in_order
from reportkit.render.styled import styled_paragraphs

TITLE_PAGE_END = "Title Page Date"
# What the title page's section does not take from the body's.
_NOT_ON_TITLE_PAGE = ("w:headerReference", "w:footerReference", "w:pgNumType", "w:titlePg")


def set_pages(document: Document, title: TitleBlock) -> None:
    body = 0
    if title.page and _title_section(document):
        body = 1
    if title.page or title.first_page != 1:
        section = document.sections[body]._sectPr
        numbers = section.find(qn("w:pgNumType"))
        if numbers is None:
            numbers = OxmlElement("w:pgNumType")
            insert_in_order(section, numbers, SECTION)
        numbers.set(qn("w:start"), str(title.first_page))


def _title_section(document: Document) -> bool:
    """End a section after the title page's last paragraph; False when the template has
    none (a user's template without the title page)."""
    ends = styled_paragraphs(document, {TITLE_PAGE_END})
    if not ends:
        return False
    last = ends[0]
    section = deepcopy(document.sections[0]._sectPr)
    for name in _NOT_ON_TITLE_PAGE:
        for child in section.findall(qn(name)):
            section.remove(child)
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    if size is not None and margins is not None and size.get(qn("w:h")):
        margins.set(qn("w:top"), str(int(size.get(qn("w:h"))) // 4))
    insert_in_order(last.get_or_add_pPr(), section, PARAGRAPH)
    return True
