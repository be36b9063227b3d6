"""Putting written paragraphs where the template's markers are.

The document's XML is rebuilt as text and parsed once. The template's own body is small and
the written paragraphs are most of a long report (ten thousand delegates make twenty
thousand paragraphs); moving parsed paragraphs into the template's tree costs more than
parsing them, whether one by one or as a whole body (lxml reconciles the namespaces of
every node it moves between documents): 0.45 s of a 0.75 s render at 10,000 delegates.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import element_class_lookup
from lxml import etree

# python-docx's element classes, without its parser's dropping of blank text: the
# template's own text is parsed again here and must stay as it was.
_PARSER = etree.XMLParser(resolve_entities=False)
_PARSER.set_element_class_lookup(element_class_lookup)


def splice(document: Document, contents: dict[str, Iterable[str]]) -> Document:
    """The document with each paragraph that holds just a marker replaced by the marker's
    paragraphs: a new tree of the same part, which the returned document reads and
    `document` no longer does."""
    root = document.element
    found = [
        (text.text, text)
        for text in root.body.iter(qn("w:t"))
        if text.text and text.text in contents
    ]
    if not found:
        return document
    # A processing instruction stands where each marker was: nothing a template's text or
    # attributes can hold (their "<" is escaped), and named afresh each time.
    place = f"reportkit-splice-{os.urandom(8).hex()}"
    written: list[bytes] = []
    for mark, text in found:
        paragraph = text
        while paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        paragraph.getparent().replace(
            paragraph, etree.ProcessingInstruction(place, str(len(written)))
        )
        # As UTF-8, which lxml parses as it is: a text of Arabic names is held in two or
        # four bytes a character as a Python string, one to three as UTF-8.
        written.append("".join(contents[mark]).encode())
    first, *rest = etree.tostring(root, encoding="utf-8").split(f"<?{place} ".encode())
    pieces = [first]
    for piece in rest:
        number, _, after = piece.partition(b"?>")
        pieces += (written[int(number)], after)
    source = b"".join(pieces)
    del pieces, written  # the report is held once more as text while it is parsed
    part = document.part
    # python-docx has no setter for a part's tree; its document is made from `_element`.
    part._element = etree.fromstring(source, _PARSER)
    return part.document
