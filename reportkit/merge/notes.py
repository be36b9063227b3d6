"""Footnotes as the merge reads them: each note a story of its own, like a page header.

A note's text lives in the footnotes part, away from the paragraph that refers to it, and
every editor numbers notes its own way (LibreOffice renumbers them all when it saves), so
a note is found in the three documents by what it is: notes are taken in the order their
references stand, and aligned by their own words together with the words of the
paragraph they stand in. A note whose text was rewritten whole is still found through its
paragraph; two notes of one paragraph are told apart by their own words.

Notes the workbook adds or removes are not stories to merge: their references come and
go with the paragraph's words (`lines`), and `carried` brings or deletes their text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap, qn
from lxml import etree
from lxml.etree import _Element

from reportkit.merge.align import Item, align
from reportkit.merge.labels import excerpt
from reportkit.merge.lines import P, flat, paragraph_text
from reportkit.merge.stories import Story

NOTES = "footnote"
_ID, _TYPE = qn("w:id"), qn("w:type")
_NOTE = qn("w:footnote")
_VISIBLE_REFERENCES = etree.XPath(
    ".//w:footnoteReference[not(ancestor::w:del) and not(ancestor::w:moveFrom)]",
    namespaces={"w": nsmap["w"]},
)

DELETED_CHANGED = "deleted in Word and changed in the workbook — your deletion is kept"
EDITED_REMOVED = "edited in Word and removed in the workbook — its deletion is tracked, review it"


class Note(NamedTuple):
    """A note as its reference finds it: the `w:footnote` element and the words of the
    paragraph the reference stands in."""

    element: _Element
    host: str

    @property
    def text(self) -> str:
        return flat(" ".join(paragraph_text(p) for p in self.element.iter(P)))


def footnotes_root(document: Document) -> _Element | None:
    """The document's footnotes part, as XML; None when it has none.

    python-docx has no class for the part and loads it as bytes; it is put back as an XML
    part (its own relationships kept), so that it is merged into, given revision ids and
    saved as the headers are."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        part = rel.target_part
        if isinstance(part, XmlPart):
            return part.element
        xml = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
        for own in part.rels.values():
            target = own.target_ref if own.is_external else own.target_part
            xml.load_rel(own.reltype, target, own.rId, own.is_external)
        del document.part.rels[rel_id]
        document.part.relate_to(xml, RT.FOOTNOTES)
        return xml.element
    return None


def notes_by_id(document: Document) -> dict[str, _Element]:
    """The document's notes by id, separators aside."""
    root = footnotes_root(document)
    if root is None:
        return {}
    return {note.get(_ID, ""): note for note in root.iter(_NOTE) if note.get(_TYPE) is None}


def notes_in_order(document: Document) -> list[Note]:
    """The notes a reader sees, in the order of their references in the body."""
    by_id = notes_by_id(document)
    found: list[Note] = []
    for reference in _VISIBLE_REFERENCES(document.element.body):
        note = by_id.get(reference.get(_ID, ""))
        if note is not None:
            host = next(reference.iterancestors(P), None)
            found.append(Note(note, "" if host is None else flat(paragraph_text(host))))
    return found


@dataclass
class NoteStories:
    """The notes present in all three documents as stories keyed alike (the key of the
    built note), and what cannot be merged, `where: what`."""

    base: dict[tuple[str, str, int], Story] = field(default_factory=dict)
    edited: dict[tuple[str, str, int], Story] = field(default_factory=dict)
    new: dict[tuple[str, str, int], Story] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def note_stories(base: Document, edited: Document, new: Document) -> NoteStories:
    """Each note of the last build found in the person's report and in the new build, by
    its words and its paragraph's; a note the workbook changed that the person deleted, or
    one the person edited that the workbook removed, is a conflict to report."""
    base_notes, edited_notes, new_notes = (notes_in_order(d) for d in (base, edited, new))
    base_items = _items(base_notes)
    workbook = align(base_items, _items(new_notes))
    person = align(base_items, _items(edited_notes), moves=True)
    found = NoteStories()
    for b, note in enumerate(base_notes):
        key = (NOTES, "", b)
        n, e = workbook.matched[b], person.matched[b]
        if e is None:
            if n is not None and new_notes[n].text != note.text:
                found.conflicts.append(f"{label(None, note)}: {DELETED_CHANGED}")
            continue
        if n is None:
            if edited_notes[e].text != note.text:
                where = f"{label(e, edited_notes[e])}, {excerpt(edited_notes[e].text)}"
                found.conflicts.append(f"{where}: {EDITED_REMOVED}")
            continue
        found.base[key] = Story(label(b, note), note.element)
        found.edited[key] = Story(label(e, edited_notes[e]), edited_notes[e].element)
        found.new[key] = Story(label(n, new_notes[n]), new_notes[n].element)
    return found


def label(number: int | None, note: Note) -> str:
    """`Footnote 2` (the note's place among the notes, counted from 1), or the note's
    opening words when it has no place."""
    if number is None:
        return f"Footnote {excerpt(note.text)}"
    return f"Footnote {number + 1}"


def _items(notes: list[Note]) -> list[Item]:
    return [Item(NOTES, note.text, f"{note.host} {note.text}") for note in notes]
