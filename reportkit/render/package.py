"""The package around the document: only parts that tell the truth about this report.

A template carries parts written by whatever saved it last — python-docx's default
document, or Word. Three of them are about that earlier document, not the report:
`docProps/app.xml` (the application, page and word counts of the template), the
thumbnail (a picture of the template's first page) and `stylesWithEffects.xml` (Word
2010's copy of the styles as they were when it saved; a stale copy makes Word repair the
file). They are dropped, and app.xml is rewritten to name reportkit and nothing it
cannot know: page, word and line counts exist only once a word processor lays the
document out, so they are left for Word to fill in.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.rel import Relationships

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>reportkit</Application></Properties>'
)


def clean_package(document: Document) -> None:
    package = document.part.package
    _drop(package.rels, RT.THUMBNAIL)
    _drop(document.part.rels, STYLES_WITH_EFFECTS)
    old = _drop(package.rels, RT.EXTENDED_PROPERTIES)
    partname = old[0].partname if old else PackURI("/docProps/app.xml")
    package.relate_to(
        Part(partname, CT.OFC_EXTENDED_PROPERTIES, APP_XML, package), RT.EXTENDED_PROPERTIES
    )


def _drop(rels: Relationships, reltype: str) -> list[Part]:
    """Remove every relationship of a type; a part nothing points to is not saved."""
    dropped = []
    for rel_id, rel in list(rels.items()):
        if rel.reltype == reltype:
            if not rel.is_external:
                dropped.append(rel.target_part)
            del rels[rel_id]
    return dropped
