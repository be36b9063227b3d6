"""What the state store keeps of a built report for the next merge: the report without its
embedded fonts.

The merge reads a report's stories and styles, never its fonts, and the store keeps the
ancestor of each of the last builds of every report. The Arabic edition embeds Amiri's four
faces (about 0.9 MB of a 0.96 MB report), which would otherwise be stored again with every
build whose text changed.
"""

from __future__ import annotations

import io
import zipfile

_FONTS = "word/fonts/"
_FONT_RELATIONSHIPS = "word/_rels/fontTable.xml.rels"


def ancestor(document: bytes) -> bytes:
    """`document` without its embedded fonts (and the font table's links to them), still a
    package python-docx opens; the same bytes for the same document."""
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        names = package.namelist()
        if not any(name.startswith(_FONTS) for name in names):
            return document
        kept = io.BytesIO()
        with zipfile.ZipFile(kept, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                if info.filename.startswith(_FONTS) or info.filename == _FONT_RELATIONSHIPS:
                    continue
                copy.writestr(info, package.read(info))
    return kept.getvalue()
