"""Footnotes typed `[[footnote: text]]` in a cell, as Word's own footnotes.

Word numbers footnotes itself, by where their references stand, and keeps numbering them
when the secretariat adds one; so a reference carries only an id, and the note's text goes
into the footnotes part (`word/footnotes.xml`). That part opens with the two separator
notes Word draws between the text and the notes, which `w:footnotePr` in the settings
names. The notes are set in the template's `footnote text` style, their marks in its
`footnote reference` style (the names Word gives its own), added as Word's defaults to a
template that has none, so that a secretariat restyles them in Word as any other.

References are written as text is (the body, the agenda, the programme's cells through
docxtpl), before the document holds its styles' final ids; each mark takes its style
once everything is placed (`write_footnotes`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml.etree import _Element

from reportkit.render.schema_order import RUN, SETTINGS, insert_in_order
from reportkit.render.template import TemplateProblem

TEXT_STYLE = "footnote text"
REFERENCE_STYLE = "footnote reference"
# Word's own ids for the separator notes; a report's notes count from 1.
_SEPARATORS = {"separator": -1, "continuationSeparator": 0}


class Footnotes:
    """The notes of one report, in the order their references are written."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def reference(self, note: str, rtl: bool = False) -> str:
        """The run referring to a new note holding `note` (its text, markup and all)."""
        self.notes.append(note)
        direction = "<w:rPr><w:rtl/></w:rPr>" if rtl else ""
        return f'<w:r>{direction}<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'


def write_footnotes(
    document: Document, paragraphs: Callable[[str], list[str]], template: Path
) -> None:
    """The footnotes part: the separators Word needs, then each note's paragraph
    (`paragraphs` writes them in the style it is given), its mark first. The template's
    own part, with its separators only, is replaced; one holding notes of its own is the
    template's mistake, since its references would point at the report's notes."""
    if template_notes(document):
        raise TemplateProblem(
            template,
            "the template holds footnotes of its own",
            "delete them in Word: reportkit writes the footnotes the report's cells give",
        )
    mark_style = footnote_styles(document)
    written = paragraphs(TEXT_STYLE)
    # Numbered in the order the references stand, which LibreOffice takes the notes in
    # whatever their ids say (the programme's were written before the body's).
    references = list(document.element.body.iter(qn("w:footnoteReference")))
    order = [int(reference.get(qn("w:id"))) for reference in references]
    for number, reference in enumerate(references, start=1):
        reference.set(qn("w:id"), str(number))
        _mark_style(reference.getparent(), mark_style)
    mark = f'<w:r><w:rPr><w:rStyle w:val="{mark_style}"/></w:rPr><w:footnoteRef/></w:r>'
    space = '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
    notes_xml = "".join(
        f'<w:footnote w:id="{number}">'
        + written[written_as - 1].replace("</w:pPr>", f"</w:pPr>{mark}{space}", 1)
        + "</w:footnote>"
        for number, written_as in enumerate(order, start=1)
    )
    add_footnotes_part(document, notes_xml)


def add_footnotes_part(document: Document, notes_xml: str = "") -> _Element:
    """A footnotes part holding the separators and `notes_xml`, in place of any the document
    has, with the settings naming its separators; its root, for a merge to add notes to."""
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>'
        f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
        for kind, number in _SEPARATORS.items()
    )
    part = XmlPart(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        parse_xml(f"<w:footnotes {nsdecls('w')}>{separators}{notes_xml}</w:footnotes>"),
        document.part.package,
    )
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:
            del document.part.rels[rel_id]
    document.part.relate_to(part, RT.FOOTNOTES)
    _name_separators(document.settings.element)
    return part.element


def template_notes(document: Document) -> int:
    """How many notes (separators aside) the document's footnotes part holds."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES),
        None,
    )
    if part is None:
        return 0
    notes = parse_xml(part.blob).findall(qn("w:footnote"))
    return sum(1 for note in notes if not note.get(qn("w:type")))


def footnote_styles(document: Document) -> str:
    """The id of the marks' style; both footnote styles are added as Word defines them
    where the template has none (the shipped templates have them, to restyle in Word)."""
    styles = document.styles.element
    by_name = {
        style.name_val.casefold(): style.styleId
        for style in styles.findall(qn("w:style"))
        if style.name_val and style.styleId
    }
    normal = document.styles.default(1)
    based = f'<w:basedOn w:val="{normal.style_id}"/>' if normal is not None else ""
    if TEXT_STYLE not in by_name:
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
                f'<w:name w:val="{TEXT_STYLE}"/>{based}<w:uiPriority w:val="99"/>'
                f'<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0"/></w:pPr>'
                f'<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
            )
        )
        by_name[TEXT_STYLE] = "FootnoteText"
    if REFERENCE_STYLE not in by_name:
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
                f'<w:name w:val="{REFERENCE_STYLE}"/><w:uiPriority w:val="99"/>'
                f'<w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f"</w:style>"
            )
        )
        by_name[REFERENCE_STYLE] = "FootnoteReference"
    return by_name[REFERENCE_STYLE]


def _mark_style(run: _Element, style_id: str) -> None:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run.insert(0, properties)
    if properties.find(qn("w:rStyle")) is None:
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), style_id)
        insert_in_order(properties, style, RUN)


def _name_separators(settings: BaseOxmlElement) -> None:
    """`w:footnotePr` naming the separator notes, as Word writes it."""
    old = settings.find(qn("w:footnotePr"))
    if old is not None:
        settings.remove(old)
    properties = parse_xml(
        f"<w:footnotePr {nsdecls('w')}>"
        + "".join(f'<w:footnote w:id="{number}"/>' for number in _SEPARATORS.values())
        + "</w:footnotePr>"
    )
    insert_in_order(settings, properties, SETTINGS)
