"""Formatting as Word resolves it, read from python-docx objects."""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def effective(paragraph: Paragraph, attribute: str) -> bool:
    """A paragraph format setting as Word resolves it: direct formatting, then the style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return bool(value)


LIST_STYLES = frozenset({"Delegation Heading", "Delegate Name"})


def lines_in_order(document: DocumentType) -> list[Paragraph]:
    """The body's paragraphs as `document.paragraphs` gives them, with the list of
    participants' lines in their place: each delegation is a table (a heading row, a row
    per delegate), whose paragraphs read as the paragraphs they were. Other tables (the
    programme) are left out, as `document.paragraphs` leaves them."""
    found: list[Paragraph] = []
    for child in document.element.body.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.tag == qn("w:p"):
            found.append(Paragraph(child, document._body))
        elif is_list_table(Table(child, document._body)):
            found += [Paragraph(p, document._body) for p in child.iter(qn("w:p"))]
    return found


def is_list_table(table: Table) -> bool:
    """A delegation of the list of participants: a table opening with a heading or a name."""
    first = table.rows[0].cells[0].paragraphs if table.rows else []
    return bool(first) and first[0].style.name in LIST_STYLES


def programme_table(document: DocumentType) -> Table:
    """The report's one table that is not a delegation of the list of participants."""
    (table,) = [t for t in document.tables if not is_list_table(t)]
    return table


def held_with_next(paragraph: Paragraph) -> bool:
    """Whether a page may not break after the paragraph: it keeps with the next, or the
    next line shares its table row, which cannot split (a delegate's name and details)."""
    if effective(paragraph, "keep_with_next"):
        return True
    cell = paragraph._p.getparent()
    if cell is None or cell.tag != qn("w:tc"):
        return False
    row = cell.getparent()
    properties = row.find(qn("w:trPr"))
    if properties is None or properties.find(qn("w:cantSplit")) is None:
        return False
    return paragraph._p is not row.findall(f"{qn('w:tc')}/{qn('w:p')}")[-1]
