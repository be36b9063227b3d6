"""A workbook is read once per build: what is hashed is what is checked and built.

Excel and sync clients save a workbook whenever they like; the reproduction swaps the file
on disk at the very moment reportkit has read it, which is when a second opening by name
would have seen other bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

import reportkit
from reportkit.api import build_report
from reportkit.publish.report import Status
from reportkit.read import source as source_module
from tests.conftest import SAMPLE
from tests.docx_facts import lines_in_order

OLD, NEW = "General Manager", "Senior Director"


def deen_position(report: Path) -> str:
    texts = [p.text for p in lines_in_order(Document(str(report)))]
    return texts[texts.index("-Mr. CHRISTOPHER DEEN") + 1].split(",")[0]


def saved_with(workbook: Path, position: str, target: Path) -> Path:
    book = load_workbook(workbook)
    row = next(r for r in book["Participants"].iter_rows(min_row=2) if r[3].value == "Deen")
    row[4].value = position
    book.save(target)
    return target


@pytest.mark.parametrize("with_state", [False, True], ids=["first-build", "later-build"])
def test_a_save_during_the_build_is_never_called_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_state: bool
) -> None:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    out = tmp_path / "out"
    built = OLD
    if with_state:
        reportkit.build(workbook, out)
        built = "Adviser"
        saved_with(workbook, built, workbook)
    newer = saved_with(workbook, NEW, tmp_path / "newer.xlsx")
    read = source_module.read_regular

    def read_then_save(path: Path, kind: str = "workbook") -> bytes:
        data = read(path, kind)
        if path == workbook:
            shutil.copy(newer, workbook)  # Excel saves right after reportkit read the file
        return data

    monkeypatch.setattr(source_module, "read_regular", read_then_save)
    report = build_report(workbook, out).path
    monkeypatch.undo()

    assert deen_position(report) == built
    again = build_report(workbook, out)
    assert again.status is Status.BUILT, "the saved workbook is new to the build"
    assert deen_position(report) == NEW
    assert build_report(workbook, out).status is Status.UNCHANGED
