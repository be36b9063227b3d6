"""The body's paragraphs in given styles, found by the styles' names: the ids a template
gives its styles differ from template to template, the names are what reportkit relies on."""

from __future__ import annotations

from collections.abc import Collection

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element


def styled_paragraphs(document: Document, names: Collection[str]) -> list[_Element]:
    """The body's top-level paragraphs styled with any of `names`, in order."""
    ids = {s.style_id for s in document.styles if s.name in names}
    return [
        p
        for p in document.element.body.iterchildren(qn("w:p"))
        if p.pPr is not None and p.pPr.pStyle is not None and p.pPr.pStyle.val in ids
    ]
