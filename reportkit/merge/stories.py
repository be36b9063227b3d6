"""The stories of a report the merge works through: the body, and each page header and footer.

A header or footer is a part of its own, named differently by every editor that saves the
file, so the same story is found in the three documents by what it is: its kind, its type
(`default`, `first`, `even`) and its order among the headers of that kind and type, taken
section by section as the document references them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

BODY = ("body", "", 0)
_REFERENCES = {qn("w:headerReference"): "header", qn("w:footerReference"): "footer"}
_NAMES = {"header": "Page header", "footer": "Page footer"}


@dataclass(frozen=True)
class Story:
    name: str
    root: _Element


def stories(document: Document) -> dict[tuple[str, str, int], Story]:
    """The body (key `BODY`) and every header and footer, keyed `(kind, type, order)`."""
    found = {BODY: Story("", document.element.body)}
    seen: set[str] = set()
    counts: dict[tuple[str, str], int] = {}
    related = document.part.related_parts
    for section in document.element.body.iter(qn("w:sectPr")):
        for reference in section:
            kind = _REFERENCES.get(reference.tag)
            target = reference.get(qn("r:id"), "")
            if kind is None or target in seen or target not in related:
                continue
            seen.add(target)
            kind_type = (kind, reference.get(qn("w:type"), "default"))
            order = counts.get(kind_type, 0)
            counts[kind_type] = order + 1
            found[(*kind_type, order)] = Story(_NAMES[kind], related[target].element)
    return found
