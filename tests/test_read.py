"""Reading workbooks into the model: the contract of sheets and columns, located problems."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from reportkit.model import BlockKind, Section
from reportkit.problems import Severity
from reportkit.read import read_workbook
from tests.conftest import SAMPLE
from tests.workbooks import MINIMAL, variant, write_workbook


def test_sample_reads_without_problems() -> None:
    source, problems = read_workbook(SAMPLE)
    assert problems == []
    assert source is not None
    assert source.meeting.date == date(2022, 11, 1)
    assert source.meeting.venue == "Virtual Meeting"
    assert sum(b.kind is BlockKind.PARAGRAPH for b in source.report) == 13
    assert len(source.participants) == 42
    assert source.programme[0].start == time(13, 15)


def test_sheet_and_column_names_match_whatever_their_case(tmp_path: Path) -> None:
    sheets = {name.upper(): [list(r) for r in rows] for name, rows in MINIMAL.items()}
    sheets["PARTICIPANTS"][0] = [
        "delegation",
        "HONORIFIC",
        "first_name",
        "Last Name",
        "position",
        "organisation",
        "Notes",
    ]
    source, problems = read_workbook(write_workbook(tmp_path / "caps.xlsx", sheets))
    assert problems == []
    assert source is not None
    assert source.participants[0].first_name == "Ahmed"


def test_blank_rows_are_ignored(tmp_path: Path) -> None:
    report = [
        ["Kind", "Text"],
        ["paragraph", "One"],
        [None, None],
        ["", "  "],
        ["paragraph", "Two"],
    ]
    source, problems = read_workbook(write_workbook(tmp_path / "b.xlsx", variant(Report=report)))
    assert problems == []
    assert [b.text for b in source.report] == ["One", "Two"]


def test_missing_sheet_and_column_are_named_with_what_exists(tmp_path: Path) -> None:
    participants = [["Delegation", "First name"], ["Egypt", "Ahmed"]]
    path = write_workbook(tmp_path / "m.xlsx", variant(Agenda=None, Participants=participants))
    _, problems = read_workbook(path)
    lines = [p.line("m.xlsx") for p in problems]
    assert any(
        'the sheet "Agenda" is missing (sheets found: Meeting, Report, Programme, Participants)'
        in x
        for x in lines
    )
    assert any(
        x.startswith(
            'm.xlsx: Participants!1:1: missing column "Last name" '
            "(columns found: Delegation, First name)"
        )
        for x in lines
    )


def test_every_problem_is_reported_at_its_cell(tmp_path: Path) -> None:
    report = [["Kind", "Text"], ["paragraph", "Fine"], ["chapter", "Bad kind"], ["bullet", None]]
    programme = [
        ["Day", "Start", "End", "Title"],
        [None, "25.00", "10.30", "Opening"],
        ["someday", "9:00", "10:00", "X"],
    ]
    participants = [
        ["Delegation", "First name", "Last name", "Section"],
        [None, "A", "B", None],
        ["Egypt", "C", "D", "guests"],
    ]
    path = write_workbook(
        tmp_path / "p.xlsx", variant(Report=report, Programme=programme, Participants=participants)
    )
    _, problems = read_workbook(path)
    located = {(p.location, p.severity) for p in problems}
    assert located == {
        ("Report!A3", Severity.ERROR),
        ("Report!B4", Severity.ERROR),
        ("Programme!B2", Severity.ERROR),
        ("Programme!A3", Severity.ERROR),
        ("Participants!A2", Severity.ERROR),
        ("Participants!D3", Severity.ERROR),
    }


def test_meeting_needs_title_and_a_real_date(tmp_path: Path) -> None:
    meeting = [["Field", "Value"], ["title", None], ["date", "sometime soon"], ["colour", "blue"]]
    source, problems = read_workbook(write_workbook(tmp_path / "x.xlsx", variant(Meeting=meeting)))
    assert source is None
    assert {(p.location, p.severity) for p in problems} == {
        ("Meeting!B2", Severity.ERROR),
        ("Meeting!B3", Severity.ERROR),
        ("Meeting!A4", Severity.WARNING),
    }


def test_section_override_and_per_meeting_section_headings(tmp_path: Path) -> None:
    meeting = [list(r) for r in MINIMAL["Meeting"]] + [["others_heading", "Guests"]]
    participants = [
        ["Delegation", "First name", "Last name", "Section"],
        ["World Bank", "A", "B", "Other"],
    ]
    source, problems = read_workbook(
        write_workbook(tmp_path / "s.xlsx", variant(Meeting=meeting, Participants=participants))
    )
    assert problems == []
    assert source.participants[0].section is Section.OTHERS
    assert source.meeting.section_headings[Section.OTHERS] == "Guests"
