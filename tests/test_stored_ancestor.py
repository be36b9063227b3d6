"""The state store keeps what the next merge needs of each build, not the Arabic
edition's embedded fonts: corrections still merge into an edited Arabic report, and a
series of builds does not store Amiri again each time."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

import reportkit
from reportkit.model import Language
from tests.conftest import SAMPLE
from tests.revisions import body_texts, resolved


def arabic_position(workbook: Path, last_name: str, position: str) -> None:
    """The Position ar cell of the delegate with `last_name`, corrected."""
    book = load_workbook(workbook)
    sheet = book["Participants"]
    headers = [cell.value for cell in sheet[1]]
    row = next(
        r for r in sheet.iter_rows(min_row=2) if r[headers.index("Last name")].value == last_name
    )
    row[headers.index("Position ar")].value = position
    book.save(workbook)


def test_a_correction_merges_into_an_edited_arabic_report_without_fonts_stored_again(
    tmp_path: Path,
) -> None:
    workbook = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, workbook)
    out = tmp_path / "out"
    report = reportkit.build(workbook, out, language=Language.AR)
    built_size = report.stat().st_size
    assert built_size > 500_000  # Amiri embedded in the report itself

    # The secretariat adds a paragraph at the end of the body in Word.
    document = Document(str(report))
    anchor = next(p for p in document.paragraphs if p.text.strip())
    edited = anchor.insert_paragraph_before("فقرة أضافتها الأمانة.")
    edited.style = anchor.style
    document.save(str(report))

    for round_, position in enumerate(("مدير أول", "رئيس المديرين", "رئيس")):
        arabic_position(workbook, "Deen", position)
        assert reportkit.build(workbook, out, language=Language.AR) == report
        accepted = "\n".join(body_texts(resolved(report, accept=True)))
        assert position in accepted, round_
        assert "فقرة أضافتها الأمانة." in accepted

    with sqlite3.connect(out / ".reportkit" / "state.db") as db:
        blobs = [size for (size,) in db.execute("SELECT length(data) FROM blobs")]
    # Every stored ancestor is the report without its fonts: a small part of its size.
    assert blobs and max(blobs) < built_size / 5
    assert (out / ".reportkit" / "state.db").stat().st_size < 2 * built_size
