"""The catalogue of bad workbooks: each gets its exact located line, and nothing is written."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, time
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

import reportkit
from reportkit.problems import Severity
from tests.checked import lines_of
from tests.commands import reportkit_cli
from tests.docx_facts import lines_in_order
from tests.workbooks import MINIMAL, set_cell_xml, variant, write_workbook


def build_cli(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return reportkit_cli("build", str(path), "-o", str(out))


def with_rows(sheet: str, *rows: list[object]) -> dict[str, list[list[object]]]:
    return variant(**{sheet: [list(MINIMAL[sheet][0]), *[list(r) for r in rows]]})


def test_errors_are_all_reported_located_and_nothing_is_written(tmp_path: Path) -> None:
    sheets = variant(
        Report=[["Kind", "Text"], ["paragraph", "Fine"], ["chapter", "x"], ["bullet", None]],
        Programme=[["Day", "Start", "End", "Title"], [None, "lunch", "14.00", "Break"]],
        Participants=[
            ["Delegation", "First name", "Last name"],
            ["Turkei", "A", "B"],
            [None, "C", "D"],
        ],
    )
    path = write_workbook(tmp_path / "meeting.xlsx", sheets)
    result = build_cli(path, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f'{path}: Report!A3: unknown Kind "chapter" — write one of: paragraph, heading, subheading,'
        " text, item, bullet, note",
        f"{path}: Report!B4: the Text is empty — type the text or delete the row",
        f'{path}: Programme!B2: "lunch" is not a time — enter a time such as 13.15 or 13:15',
        f"{path}: Participants!A3: the Delegation is empty — write the country, institution or"
        " organisation this person represents",
        f'{path}: Participants!A2: unknown delegation "Turkei" — did you mean "Türkiye"? use a name'
        " from `reportkit delegations`, or write other in the Section column",
    ]
    assert not (tmp_path / "out").exists()


def test_text_dates_and_times_in_common_forms_are_accepted(tmp_path: Path) -> None:
    meeting = [
        ["Field", "Value"],
        ["title", "T"],
        ["date", "2 May 2023"],
        ["end_date", "03/05/2023"],
    ]
    programme = [
        ["Day", "Start", "End", "Title"],
        ["2023-05-02", "9:30", "10.15", "A"],
        [None, "1 pm", "13h30", "B"],
    ]
    sheets = variant(Meeting=meeting, Programme=programme)
    prepared = reportkit.prepare(write_workbook(tmp_path / "m.xlsx", sheets))
    meeting_model = prepared.source.meeting
    assert (meeting_model.date, meeting_model.end_date) == (date(2023, 5, 2), date(2023, 5, 3))
    slots = prepared.source.programme
    assert [(s.start, s.end) for s in slots] == [
        (time(9, 30), time(10, 15)),
        (time(13, 0), time(13, 30)),
    ]


def test_nonsense_dates_are_errors(tmp_path: Path) -> None:
    meeting = [["Field", "Value"], ["title", "T"], ["date", "the 31st of Smarch"]]
    path = write_workbook(tmp_path / "m.xlsx", variant(Meeting=meeting))
    assert lines_of(path) == [
        'm.xlsx: Meeting!B3: "the 31st of Smarch" is not a date — enter it as an Excel date, e.g. 1 November 2022'
    ]


def test_formulas_use_the_saved_result_or_are_an_error(tmp_path: Path) -> None:
    report = [["Kind", "Text"], ["paragraph", "placeholder"], ["paragraph", "placeholder"]]
    path = write_workbook(tmp_path / "f.xlsx", variant(Report=report))
    set_cell_xml(
        path,
        2,
        "B2",
        '<c r="B2" t="str"><f>CONCAT("The ","Meeting")</f><v>The Meeting opened.</v></c>',
    )
    set_cell_xml(path, 2, "B3", '<c r="B3"><f>CONCAT("never ","computed")</f><v></v></c>')
    assert lines_of(path) == [
        "f.xlsx: Report!B3: the formula has no saved result — open the workbook in Excel and save it,"
        " or type the value instead"
    ]
    set_cell_xml(path, 2, "B3", '<c r="B3" t="str"><f>B2</f><v>Again.</v></c>')
    assert [b.text for b in reportkit.prepare(path).source.report] == [
        "The Meeting opened.",
        "Again.",
    ]


def test_excel_error_values_are_located_errors(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "e.xlsx", with_rows("Report", ["paragraph", "#REF!"], ["note", "#N/A"])
    )
    assert lines_of(path) == [
        "e.xlsx: Report!B2: the cell holds the Excel error #REF! — fix the formula or type the value",
        "e.xlsx: Report!B3: the cell holds the Excel error #N/A — fix the formula or type the value",
    ]


def test_merged_cells_fill_down_and_warn_across(tmp_path: Path) -> None:
    participants = [
        ["Delegation", "First name", "Last name", "Position", "Organisation"],
        ["Egypt", "Ahmed", "Hassan", "Director", "Ministry of Trade"],
        [None, "Mona", "Said", "Adviser", None],
        ["Mali", "Awa", "Keita", "Minister", None],
    ]
    path = write_workbook(tmp_path / "merged.xlsx", variant(Participants=participants))
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["Participants"].merge_cells("A2:A3")
    book["Participants"].merge_cells("D4:E4")
    book.save(path)
    assert lines_of(path) == [
        "merged.xlsx: Participants!D4:E4: warning: cells D4:E4 are merged across columns; only the"
        " first is read — unmerge the cells and put each value in its own column"
    ]
    people = reportkit.prepare(path).source.participants
    assert [(p.delegation, p.last_name) for p in people] == [
        ("Egypt", "Hassan"),
        ("Egypt", "Said"),
        ("Mali", "Keita"),
    ]


def test_control_characters_line_breaks_and_spaces_are_cleaned(tmp_path: Path) -> None:
    report = [
        ["Kind", "Text"],
        ["paragraph", "First line_x000B_second line"],
        ["paragraph", "Bell_x0007_ rung"],
        ["heading", "\u00a0 Opening\u00a0\u00a0Session  "],
    ]
    path = write_workbook(tmp_path / "c.xlsx", variant(Report=report))
    assert lines_of(path) == [
        "c.xlsx: Report!B3: warning: unprintable control characters were removed from the text"
        " — check the cell reads as intended"
    ]
    out = reportkit.build(path, tmp_path / "out")
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "First line\nsecond line" in texts
    assert "Bell rung" in texts
    assert "Opening Session" in texts


def test_long_text_emoji_and_right_to_left_text_build(tmp_path: Path) -> None:
    long_text = ("The Meeting deliberated at length. " * 3000)[:100_000].strip()
    report = [
        ["Kind", "Text"],
        ["paragraph", "placeholder"],
        ["paragraph", "Participants applauded 👏🏽 the 🇹🇷 host."],
        ["paragraph", "رحب الاجتماع بالمشاركين من الدول الأعضاء."],
    ]
    participants = [
        list(MINIMAL["Participants"][0]),
        ["Jordan", "السيد", "محمد", "السلامين", "مدير", "وزارة"],
    ]
    path = write_workbook(tmp_path / "u.xlsx", variant(Report=report, Participants=participants))
    set_cell_xml(path, 2, "B2", f'<c r="B2" t="inlineStr"><is><t>{long_text}</t></is></c>')
    assert lines_of(path) == []
    document = Document(str(reportkit.build(path, tmp_path / "out")))
    paragraphs = lines_in_order(document)
    texts = [p.text for p in paragraphs]
    assert long_text in texts
    assert "Participants applauded 👏🏽 the 🇹🇷 host." in texts
    assert "رحب الاجتماع بالمشاركين من الدول الأعضاء." in texts
    assert "-السيد محمد السلامين" in texts
    right_to_left = {
        p.text
        for p in paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
    }
    assert right_to_left == {
        "رحب الاجتماع بالمشاركين من الدول الأعضاء.",
        "-السيد محمد السلامين",
        "مدير، وزارة",
    }
    arabic = next(p for p in document.paragraphs if p.text.startswith("رحب"))
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in arabic.runs)


def test_duplicate_delegates_and_odd_slots_are_warnings(tmp_path: Path) -> None:
    sheets = variant(
        Participants=[
            ["Delegation", "First name", "Last name"],
            ["Egypt", "Ahmed", "Hassan"],
            ["EGY", "ahmed", "HASSAN"],
        ],
        Programme=[
            ["Day", "Start", "End", "Title"],
            [None, "10.00", "11.00", "A"],
            [None, "10.30", "11.30", "B"],
            [None, "12.00", "11.45", "C"],
        ],
    )
    path = write_workbook(tmp_path / "w.xlsx", sheets)
    problems = reportkit.check(path)
    assert all(p.severity is Severity.WARNING for p in problems)
    assert [p.line("w.xlsx") for p in problems] == [
        "w.xlsx: Programme!B3: warning: the slot starts at 10.30, before the previous slot ends"
        " (11.00, Programme!B2) — check the times, or start a new Day",
        "w.xlsx: Programme!B4: warning: the slot ends (11.45) before it starts (12.00)"
        " — check the Start and End times",
        'w.xlsx: Participants!C3: warning: "ahmed HASSAN" of EGY is listed twice (also at'
        " Participants!C2) — delete one of the rows if it is the same person",
    ]
    assert reportkit.build(path, tmp_path / "out").exists()


def test_a_million_formatted_empty_rows_read_as_the_rows_they_hold(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "big.xlsx", variant())
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    sheet = "xl/worksheets/sheet5.xml"
    empty_rows = "".join(
        f'<row r="{r}"><c r="A{r}" s="0"/><c r="B{r}" s="0"/></row>' for r in range(3, 1_048_577)
    )
    xml = parts[sheet].decode().replace("</sheetData>", empty_rows + "</sheetData>")
    parts[sheet] = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:F1048576"', xml).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    prepared = reportkit.prepare(path)
    assert [p.last_name for p in prepared.source.participants] == ["Hassan"]


@pytest.mark.parametrize("sheet", ["Meeting", "Report", "Agenda", "Programme", "Participants"])
def test_each_required_sheet_missing_is_named(tmp_path: Path, sheet: str) -> None:
    path = write_workbook(tmp_path / "s.xlsx", variant(**{sheet: None}))
    lines = lines_of(path)
    assert any(
        line.startswith(f's.xlsx: the sheet "{sheet}" is missing (sheets found: ') for line in lines
    )
