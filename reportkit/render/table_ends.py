"""A programme never ends on a page of its own with one slot under its repeated header.

The programme is a table whose rows cannot split; where it runs over a page, LibreOffice
and Word break between any two rows, so its closing slot could stand alone under the
header row on the last page (the sample's Arabic edition did). Word keeps a row with the
next when its paragraphs keep with the next; the row before the last is so kept, which
carries one more slot over and leaves the rest of the page break where it was.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.render.schema_order import PARAGRAPH, insert_in_order
from reportkit.render.styled import style_ids

HEADER_STYLE = "Programme Header"


def keep_programme_ends(document: Document) -> None:
    header = style_ids(document).get(HEADER_STYLE)
    if header is None:
        return
    for table in document.element.body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        if len(rows) > 2 and _styled(rows[0], header) and not _is_header(rows[-2]):
            for paragraph in rows[-2].iter(qn("w:p")):
                properties = paragraph.get_or_add_pPr()
                if properties.find(qn("w:keepNext")) is None:
                    insert_in_order(properties, properties.makeelement(qn("w:keepNext")), PARAGRAPH)


def _styled(row: _Element, style_id: str) -> bool:
    return any(style.get(qn("w:val")) == style_id for style in row.iter(qn("w:pStyle")))


def _is_header(row: _Element) -> bool:
    return row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
