"""Slips that `check` used to pass and the report then printed wrongly are caught, put
right and said at their cell: a number typed before an agenda item or a programme slot."""

from __future__ import annotations

from pathlib import Path

from docx import Document

import reportkit
from tests.workbooks import MINIMAL, variant, write_workbook

PEOPLE_HEADER = list(MINIMAL["Participants"][0])


def lines_of(path: Path) -> list[str]:
    return [p.line(path.name) for p in reportkit.check(path)]


def built_texts(path: Path, out: Path) -> list[str]:
    """The built report's paragraphs, then those of its tables' cells, in order."""
    document = Document(str(reportkit.build(path, out)))
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells


def test_roman_and_typed_numbers_before_agenda_items_and_slots_are_removed(
    tmp_path: Path,
) -> None:
    agenda = [
        ["Kind", "Text"],
        ["item", "Opening"],
        ["item", "II. Trade Cooperation"],
        ["item", "2) Tourism"],
        ["item", "b) Finance"],
        ["item", "1- Transport"],
        ["unnumbered", "IV. Any other business"],
    ]
    programme = [
        ["Day", "Start", "End", "Title"],
        [None, "10.00", "10.30", "I. Opening"],
        [None, "10.30", "11.00", "2. Trade Cooperation"],
    ]
    report = [["Kind", "Text"], ["paragraph", "III. The Meeting was held."]]
    path = write_workbook(
        tmp_path / "a.xlsx", variant(Agenda=agenda, Programme=programme, Report=report)
    )
    removed = 'warning: the typed "{}" was removed from the start of the text — {}; delete it'
    agenda_hint = "Word numbers agenda items itself"
    programme_hint = "the programme numbers no slot; the agenda numbers its items"
    paragraph_hint = "Word numbers paragraphs itself (Kind bullet gives a bullet)"
    assert lines_of(path) == [
        f"a.xlsx: Report!B2: {removed.format('III.', paragraph_hint)} from the cell",
        f"a.xlsx: Agenda!B3: {removed.format('II.', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B4: {removed.format('2)', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B5: {removed.format('b)', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B6: {removed.format('1-', agenda_hint)} from the cell",
        f"a.xlsx: Programme!D2: {removed.format('I.', programme_hint)} from the cell",
        f"a.xlsx: Programme!D3: {removed.format('2.', programme_hint)} from the cell",
    ]
    texts = built_texts(path, tmp_path / "out")
    for printed in ("Trade Cooperation", "Tourism", "Finance", "Transport", "Opening"):
        assert printed in texts
    assert "The Meeting was held." in texts
    assert "IV. Any other business" in texts  # Word numbers no unnumbered line
    typed = ("II. ", "2) ", "b) ", "1- ", "I. ", "2. ", "III. ")
    assert not [t for t in texts if t.startswith(typed) and "Any other" not in t]
