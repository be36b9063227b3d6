"""The document symbol goes in the page header only when the workbook gives one."""

from __future__ import annotations

from pathlib import Path

from docx import Document

import reportkit
from tests.workbooks import MINIMAL, variant, write_workbook


def _header_text(path: Path) -> str:
    return "".join(p.text for p in Document(str(path)).sections[0].header.paragraphs).strip()


def test_symbol_is_printed_in_the_header(tmp_path: Path) -> None:
    meeting = [list(r) for r in MINIMAL["Meeting"]] + [["symbol", "OIC/COMCEC/38-22/REP"]]
    workbook = write_workbook(tmp_path / "with-symbol.xlsx", variant(Meeting=meeting))
    assert _header_text(reportkit.build(workbook, tmp_path / "out")) == "OIC/COMCEC/38-22/REP"


def test_no_symbol_leaves_the_header_empty(tmp_path: Path) -> None:
    workbook = write_workbook(tmp_path / "plain.xlsx", variant())
    assert _header_text(reportkit.build(workbook, tmp_path / "out")) == ""
