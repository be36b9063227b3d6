"""Word list numbering: which list a style or a paragraph belongs to, and a list labelled
its own way.

A list labelled otherwise than its style's (`1-`, `a)`) gets a definition of its own: a
copy of the style's, indents and fonts as the template has them, with the counter
(`w:numFmt`) and the label (`w:lvlText`) it asks for. (Restarting a list at 1 is the
paragraph writer's, `blocks`.)
"""

from __future__ import annotations

from copy import deepcopy

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from reportkit.model import ListLabels


def style_num_id(document: Document, style_name: str) -> int | None:
    """The list a paragraph style is numbered with, following `basedOn` as Word does."""
    style = document.styles[style_name]
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            return ppr.numPr.numId.val
        style = style.base_style
    return None


def labelled_definition(numbering: BaseOxmlElement, abstract_id: int, labels: ListLabels) -> int:
    """A copy of list definition `abstract_id` whose first level shows `labels`; the
    definition itself when it has no first level to change (one linked to a list style)."""
    definitions = numbering.findall(qn("w:abstractNum"))
    source = next(d for d in definitions if d.get(qn("w:abstractNumId")) == str(abstract_id))
    copy = deepcopy(source)
    level = copy.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']")
    if level is None or level.find(qn("w:numFmt")) is None or level.find(qn("w:lvlText")) is None:
        return abstract_id
    new_id = max(int(d.get(qn("w:abstractNumId"))) for d in definitions) + 1
    copy.set(qn("w:abstractNumId"), str(new_id))
    # Word tells lists apart by nsid: a copy keeping its source's would merge with it.
    nsid = copy.find(qn("w:nsid"))
    if nsid is not None:
        nsid.set(qn("w:val"), f"{0x52450000 + new_id:08X}")
    level.find(qn("w:numFmt")).set(qn("w:val"), labels.counter.value)
    level.find(qn("w:lvlText")).set(qn("w:val"), f"{labels.before}%1{labels.after}")
    definitions[-1].addnext(copy)
    return new_id
