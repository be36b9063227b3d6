"""Making the new build's paragraphs at home in the edited document.

A paragraph copied from the new build names its style and list by the new build's ids;
the edited document (rewritten by Word or LibreOffice) may know the same style under
another id, and numbers its lists through other `w:num` instances, often written directly
on each paragraph. Styles are matched by name (the names a template must keep), in any
case, as Word matches its own (LibreOffice saves `footnote text` as `Footnote Text`); list
numbering is taken from the nearest paragraph of the same style in the edited document,
so an inserted paragraph continues its neighbours' numbering instead of starting a list.
A footnote reference names a note of the new build, which comes along (`carried`).
"""

from __future__ import annotations

from copy import deepcopy
from itertools import chain

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.merge.carried import NoteCarrier
from reportkit.merge.lines import P

_STYLE_REFERENCES = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
_NOTE_REFERENCE = qn("w:footnoteReference")
# What precedes w:numPr in w:pPr (ECMA-376 order), nearest first.
_BEFORE_NUMBERING = tuple(
    qn(f"w:{tag}")
    for tag in ("widowControl", "framePr", "pageBreakBefore", "keepLines", "keepNext", "pStyle")
)


class Adopter:
    """Rewrites style and note references of elements taken from `new` for use in `edited`."""

    def __init__(self, new: Document, edited: Document, notes: NoteCarrier) -> None:
        self._notes = notes
        self._new_styles = {s.style_id: s for s in new.styles}
        self._edited = edited
        self._edited_ids = {s.name.casefold(): s.style_id for s in edited.styles if s.name}
        self._edited_root = edited.styles.element

    def adopt(self, element: _Element) -> _Element:
        copy = deepcopy(element)
        for reference in copy.iter(*_STYLE_REFERENCES):
            reference.set(qn("w:val"), self.style_id(reference.get(qn("w:val"), "")))
        for note in copy.iter(_NOTE_REFERENCE):
            self._notes.carry(note, self.adopt)
        return copy

    def style_id(self, new_id: str) -> str:
        """The edited document's id for the new build's style `new_id`, added if missing."""
        style = self._new_styles.get(new_id)
        if style is None or not style.name:
            return new_id
        known = self._edited_ids.get(style.name.casefold())
        if known is not None:
            return known
        taken = {s.style_id for s in self._edited.styles}
        if new_id not in taken:
            self._edited_root.append(deepcopy(style.element))
            self._edited_ids[style.name.casefold()] = new_id
        return self._edited_ids.get(style.name.casefold(), new_id)


def number_like_neighbours(paragraph: _Element) -> None:
    """Give an inserted paragraph the list numbering of the nearest paragraph of its style
    beside it (in its story, or its table cell): the numbering that paragraph shows in the
    edited document, whichever list instance the editor wrote it with."""
    style = _style(paragraph)
    own = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if own is not None:
        own.getparent().remove(own)
    for candidate in chain(paragraph.itersiblings(P, preceding=True), paragraph.itersiblings(P)):
        if _style(candidate) == style:
            numbering = candidate.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numbering is not None:
                _set_numbering(paragraph, deepcopy(numbering))
            return


def _set_numbering(paragraph: _Element, numbering: _Element) -> None:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        return
    for tag in _BEFORE_NUMBERING:
        found = properties.find(tag)
        if found is not None:
            found.addnext(numbering)
            return
    properties.insert(0, numbering)


def _style(paragraph: _Element) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val"), "") if style is not None else ""
