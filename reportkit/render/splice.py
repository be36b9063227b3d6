"""Putting written paragraphs where the template's markers are."""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from reportkit.render.blocks import W_NAMESPACE


def splice(document: Document, contents: dict[str, Iterable[str]]) -> None:
    """Replace each paragraph that holds just a marker with the marker's paragraphs."""
    body = document.element.body
    found = [
        (text.text, text) for text in body.iter(qn("w:t")) if text.text and text.text in contents
    ]
    for mark, text in found:
        paragraph = text
        while paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        xml = "".join(contents[mark])
        if xml:
            for element in list(parse_xml(f'<w:body xmlns:w="{W_NAMESPACE}">{xml}</w:body>')):
                paragraph.addprevious(element)
        paragraph.getparent().remove(paragraph)
