"""The body's paragraphs in given styles, found by the styles' names: the ids a template
gives its styles differ from template to template, the names are what reportkit relies on."""

from __future__ import annotations

from collections.abc import Collection

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml.etree import _Element


def style_ids(document: Document) -> dict[str, str | None]:
    """Each style's name, as Word shows it, → its id (Word gives no two styles one name), read
    from the styles part's XML: python-docx's style objects took a build some 30 ms for a
    template's few hundred styles."""
    ids = {}
    for name in document.styles.element.iterfind(_NAMES):
        typed = name.get(_VALUE)
        if typed:
            ids[BabelFish.internal2ui(typed)] = name.getparent().get(_ID)
    return ids


# Each style's name (its first, where a hostile file gives more).
_NAMES = f"{qn('w:style')}/{qn('w:name')}[1]"
_VALUE, _ID = qn("w:val"), qn("w:styleId")


def styled_paragraphs(document: Document, names: Collection[str]) -> list[_Element]:
    """The body's top-level paragraphs styled with any of `names`, in order."""
    ids = {id_ for name, id_ in style_ids(document).items() if name in names}
    return [
        p
        for p in document.element.body.iterchildren(qn("w:p"))
        if p.pPr is not None and p.pPr.pStyle is not None and p.pPr.pStyle.val in ids
    ]
