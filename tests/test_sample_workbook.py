"""The shipped samples carry the instructions and dropdowns of `reportkit new`, harmlessly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

import reportkit
from reportkit.starter import add_entry_aids, add_instructions
from tests.conftest import ROOT, SAMPLE
from tests.test_new_workbook import REPORT_KINDS, listed, validation_at

SAMPLES = sorted((ROOT / "inputs").glob("*.xlsx"))


def test_there_are_three_samples() -> None:
    assert [p.name for p in SAMPLES] == [
        "comcec-digital-2022.xlsx",
        "fc-33-2017.xlsx",
        "trade-wg-14.xlsx",
    ]


def test_the_seed_sample_has_the_dropdowns_and_input_messages() -> None:
    book = load_workbook(SAMPLE)
    delegation = validation_at(book["Participants"], "A2", "list")
    assert delegation.errorStyle == "warning"
    assert "Guyana" in listed(book, delegation)
    assert validation_at(book["Participants"], "B40", "list").errorStyle == "warning"
    assert listed(book, validation_at(book["Report"], "A3", "list")) == REPORT_KINDS
    assert validation_at(book["Programme"], "B1", None).promptTitle == "Start"
    assert validation_at(book["Meeting"], "B2", None).promptTitle == "title"
    assert book["Lists"].sheet_state == "hidden"
    assert book.sheetnames[0] == "Instructions"


def test_a_text_annex_s_sheet_gets_the_report_sheet_s_dropdowns() -> None:
    book = load_workbook(ROOT / "inputs" / "fc-33-2017.xlsx")
    kind = validation_at(book["Opening Statement"], "A2", "list")
    assert listed(book, kind) == REPORT_KINDS
    assert validation_at(book["Annexes"], "A2", "list").errorStyle == "stop"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_sample_s_aids_follow_the_schema_and_the_reference_list(sample: Path) -> None:
    book = load_workbook(sample)
    add_instructions(book)
    add_entry_aids(book)
    saved = io.BytesIO()
    book.save(saved)
    fresh, current = load_workbook(saved), load_workbook(sample)
    for name in ("Instructions", "Lists"):
        rows = [[c.value for c in row] for row in current[name].iter_rows()]
        expected = [[c.value for c in row] for row in fresh[name].iter_rows()]
        assert rows == expected, f"run: python tools/entry_aids.py inputs/{sample.name}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_aids_do_not_change_the_report(tmp_path: Path, sample: Path) -> None:
    """Built without its Instructions, lists and validations, a sample gives the same bytes."""
    book = load_workbook(sample)
    for name in ("Instructions", "Lists"):
        book.remove(book[name])
    for sheet in book.worksheets:
        sheet.data_validations.dataValidation = []
    plain = tmp_path / sample.name
    book.save(plain)
    assert not load_workbook(plain)["Participants"].data_validations.dataValidation
    with_aids = reportkit.build(sample, tmp_path / "with")
    without = reportkit.build(plain, tmp_path / "without")
    assert with_aids.read_bytes() == without.read_bytes()
