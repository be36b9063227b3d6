"""What reportkit asks of LibreOffice's PDF export, and whether it got it.

Every PDF is tagged: its headings, lists and tables become structure that screen readers,
reflowing viewers and text extraction can use, and its catalog names the edition's
language (LibreOffice takes it from the report's styles). With `--pdf-a` it is also
PDF/A-2b, the archival form (part 2, level B: the pages look the same forever, fonts and
colour profile embedded). The options are LibreOffice's `writer_pdf_Export` filter data,
given as JSON after the filter's name, which LibreOffice understands from 7.4 on; an older
one ignores them and still exits 0, so each PDF is checked for the marks of what was asked.
"""

from __future__ import annotations

import json
import re
from enum import Enum


class PdfKind(Enum):
    """The PDF asked for; its value is what a PDF lacking it is said to lack."""

    TAGGED = "tags"
    ARCHIVE = "PDF/A-2b"


_TAGGED = {"UseTaggedPDF": {"type": "boolean", "value": "true"}}
# SelectPdfVersion 2 is PDF/A-2b (1 is PDF/A-1b, 3 PDF/A-3b, 15-17 plain PDF 1.5-1.7).
_ARCHIVE = {**_TAGGED, "SelectPdfVersion": {"type": "long", "value": "2"}}

_MARKED = re.compile(rb"/MarkInfo\s*<<\s*/Marked\s+true")
_PART = re.compile(rb"<pdfaid:part>2</pdfaid:part>")
_LEVEL = re.compile(rb"<pdfaid:conformance>B</pdfaid:conformance>")
_INTENT = re.compile(rb"/S\s*/GTS_PDFA1")


def convert_to(kind: PdfKind) -> str:
    """soffice's `--convert-to` value for `kind`."""
    options = _ARCHIVE if kind is PdfKind.ARCHIVE else _TAGGED
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def lacks(pdf: bytes, kind: PdfKind) -> str:
    """What `pdf` lacks of `kind` ("tags", "PDF/A-2b"), or "" when it has it all.

    The marks LibreOffice writes, looked for in the bytes: the catalog's MarkInfo, and for
    PDF/A its XMP identification and output intent. A check that the options were applied,
    not a validation of the file (the tests validate it)."""
    if kind is PdfKind.ARCHIVE and not all(mark.search(pdf) for mark in (_PART, _LEVEL, _INTENT)):
        return PdfKind.ARCHIVE.value
    if not _MARKED.search(pdf):
        return PdfKind.TAGGED.value
    return ""
