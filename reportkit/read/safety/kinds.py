"""What each kind of input must be, and the problems every check words the same way.

The words live here, not in the checks, so that a workbook's problems speak of Excel and
.xlsx and a template's of Word and .docx whichever check finds them.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from typing import Literal

from reportkit.problems import Problem

Kind = Literal["workbook", "template", "report"]

# Errors zipfile and zlib raise on damaged archives; ValueError covers bad offsets and names.
DAMAGED_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error)


@dataclass(frozen=True)
class Expected:
    """What a kind of input must be, and the words its problems use."""

    noun: str
    app: str
    suffix: str
    file: str
    main_part: str
    description: str
    formal: str
    legacy_streams: frozenset[str]
    legacy: str
    protect: str
    text: str


EXPECTED: dict[str, Expected] = {
    "workbook": Expected(
        noun="workbook",
        app="Excel",
        suffix=".xlsx",
        file="an .xlsx file",
        main_part="xl/workbook.xml",
        description="an Excel workbook",
        formal="an Excel .xlsx workbook",
        legacy_streams=frozenset({"Workbook", "Book"}),
        legacy="this is an old Excel 97–2003 .xls workbook",
        protect="File › Info › Protect Workbook",
        text="this is a text/CSV file, not an Excel workbook",
    ),
    "template": Expected(
        noun="template",
        app="Word",
        suffix=".docx",
        file="a .docx file",
        main_part="word/document.xml",
        description="a Word document",
        formal="a Word .docx document",
        legacy_streams=frozenset({"WordDocument"}),
        legacy="this is an old Word 97–2003 .doc document",
        protect="File › Info › Protect Document",
        text="this is a text file, not a Word document",
    ),
}
# A report already in OUTDIR, perhaps saved by a person: checked like a template before the
# merge reads it, and spoken of as the report it is.
EXPECTED["report"] = replace(EXPECTED["template"], noun="report", file="a .docx report")


def damaged(expected: Expected) -> Problem:
    return Problem(
        "the file is damaged or incomplete (truncated)",
        f"copy it again, or open it in {expected.app} and save it again as {expected.suffix}",
    )


def unusual_zip(expected: Expected) -> Problem:
    return Problem(
        f"the file is zip-encrypted or compressed in a way {expected.app} never writes",
        f"open it in {expected.app} and save it again as {expected.suffix}",
    )
