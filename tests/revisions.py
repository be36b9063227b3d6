"""Accepting or rejecting every tracked change of a .docx, as Word's Review pane does.

Written for the tests, independently of reportkit's merge code, from the ECMA-376 rules:
accepting keeps inserted content and drops deleted content, a deleted paragraph mark joins
the paragraph to the next one, a deleted row disappears; rejecting does the opposite.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _xpath(element: etree._Element, expression: str) -> list[etree._Element]:
    return etree.XPath(expression, namespaces=NS)(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    parent.remove(element)


def _resolve(body: etree._Element, keep: str, drop: str) -> None:
    for element in _xpath(body, f".//w:{drop}[not(parent::w:rPr) and not(parent::w:trPr)]"):
        element.getparent().remove(element)
    for element in _xpath(body, f".//w:{keep}[not(parent::w:rPr) and not(parent::w:trPr)]"):
        _unwrap(element)
    for text in body.iter(_w("delText")):
        text.tag = _w("t")
    for row in _xpath(body, f".//w:tr[w:trPr/w:{drop}]"):
        row.getparent().remove(row)
    for marker in _xpath(body, f".//w:trPr/w:{keep}"):
        marker.getparent().remove(marker)
    for paragraph in _xpath(body, f".//w:p[w:pPr/w:rPr/w:{drop}]"):
        _join_with_next(paragraph)
    for marker in _xpath(body, f".//w:pPr/w:rPr/w:{keep}"):
        marker.getparent().remove(marker)
    for change in _xpath(body, ".//w:pPrChange"):
        properties = change.getparent()
        if drop == "ins":  # rejecting: the old properties come back
            old = change.find(_w("pPr"))
            for child in list(properties):
                if child.tag not in (_w("rPr"), _w("sectPr")):
                    properties.remove(child)
            for child in reversed(list(old)):
                properties.insert(0, child)
        else:
            properties.remove(change)


def _join_with_next(paragraph: etree._Element) -> None:
    """A removed paragraph mark: what is left of the paragraph flows into the next one."""
    content = [c for c in paragraph if c.tag != _w("pPr")]
    following = paragraph.getnext()
    if content and following is not None and following.tag == _w("p"):
        properties = following.find(_w("pPr"))
        index = 0 if properties is None else 1
        for child in reversed(content):
            following.insert(index, child)
    paragraph.getparent().remove(paragraph)


def resolved(path_or_bytes: Path | bytes, accept: bool) -> Document:
    """The document with every tracked change accepted (or rejected): its body, and every
    page header and footer."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    document = Document(io.BytesIO(data))
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    _resolve(document.element.body, keep, drop)
    for story in header_and_footer_roots(document):
        _resolve(story, keep, drop)
    return document


def header_and_footer_roots(document: Document) -> list[etree._Element]:
    """The root of every header and footer part, in the order the sections name them."""
    roots = []
    for section in document.element.body.iter(_w("sectPr")):
        for reference in section:
            if reference.tag in (_w("headerReference"), _w("footerReference")):
                part = document.part.related_parts[reference.get(f"{{{R}}}id")]
                if part.element not in roots:
                    roots.append(part.element)
    return roots


def header_and_footer_texts(document: Document) -> list[list[str]]:
    """Each header's and footer's paragraph texts, in the order the sections name them."""
    return [[_text(p) for p in root.iter(_w("p"))] for root in header_and_footer_roots(document)]


def revision_count(path: Path) -> int:
    document = Document(str(path))
    return len(_xpath(document.element.body, ".//w:ins | .//w:del"))


def body_texts(document: Document) -> list[str]:
    """Every paragraph's text and every table row's cells, in document order."""
    texts = []
    for child in document.element.body:
        if child.tag == _w("p"):
            texts.append(_text(child))
        elif child.tag == _w("tbl"):
            for row in child.iter(_w("tr")):
                cells = [
                    "\n".join(_text(p) for p in cell.iter(_w("p"))) for cell in row.iter(_w("tc"))
                ]
                texts.append(" | ".join(cells))
    return texts


def _text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br")):
        parts.append(
            node.text or "" if node.tag == _w("t") else ("\t" if node.tag == _w("tab") else "\n")
        )
    return "".join(parts)
