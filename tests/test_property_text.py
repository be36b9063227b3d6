"""Property: any text in the free-text cells of the sample gives a located error or a good .docx.

Every free-text cell of the sample (report text, agenda, programme, names, positions,
organisations, headings, meeting title, venue …) is filled with arbitrary Unicode, control
characters included. Cells whose words are vocabulary (Kind, Field, Delegation, Section)
(and the programme's times) keep their values, so examples get as far as rendering. Characters XML cannot hold
are stored as Excel stores them, as `_xHHHH_` escapes.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import reportkit
from reportkit.problems import Severity
from reportkit.schema import SHEETS
from tests.conftest import SAMPLE, soffice_convert

VOCABULARY_COLUMNS = {"kind", "field", "delegation", "section", "day", "start", "end"}
VOCABULARY_FIELDS = {"date", "end_date", "secretariat", "ordering", "host", "host_position"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
# A visible character somewhere, or the cell is merely "empty" and the example stops at a
# located error before rendering; empty cells have tests of their own.
texts = st.tuples(any_text, st.characters(categories=("L", "N", "S", "P")), any_text).map("".join)


def free_text_cells(path: Path) -> list[tuple[str, str]]:
    book = load_workbook(path)
    cells = []
    read = {s.name for s in SHEETS}
    for sheet in book.worksheets:
        if sheet.title not in read:  # the Instructions and the dropdowns' lists
            continue
        header = [str(c.value or "").strip().casefold() for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            if sheet.title == "Meeting" and str(row[0].value).strip() in VOCABULARY_FIELDS:
                continue
            for cell, column in zip(row, header, strict=False):
                if (
                    isinstance(cell.value, str)
                    and column not in VOCABULARY_COLUMNS
                    and column != "field"
                    and not column.endswith((" fr", " ar"))  # the English edition's text only
                ):
                    cells.append((sheet.title, cell.coordinate))
    return cells


CELLS = free_text_cells(SAMPLE)


def excel_escaped(text: str) -> str:
    return _ILLEGAL.sub(lambda m: f"_x{ord(m[0]):04X}_", text)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(texts, min_size=len(CELLS), max_size=len(CELLS)))
def test_any_text_builds_or_is_located(values: list[str], tmp_path_factory) -> None:
    work = tmp_path_factory.mktemp("prop")
    book = load_workbook(SAMPLE)
    for (sheet, coordinate), value in zip(CELLS, values, strict=True):
        cell = book[sheet][coordinate]
        cell.value = excel_escaped(value)
        cell.data_type = "s"  # text typed as text, even when it starts with "="
    workbook = work / "fuzzed.xlsx"
    book.save(workbook)
    try:
        written = reportkit.build(workbook, work / "out")
    except reportkit.InputError as error:
        event("located error")
        assert error.problems
        # Only cell values were changed, so every error must name the cell it is in.
        assert all(p.location for p in error.problems if p.severity is Severity.ERROR)
        assert not (work / "out" / "fuzzed.docx").exists()
        return
    assert zipfile.is_zipfile(written)
    Document(str(written))
    text = soffice_convert(written, "txt:Text (encoded):UTF8", work).read_text(encoding="utf-8-sig")
    assert "ANNEX III" in text
    event("built and converted")
