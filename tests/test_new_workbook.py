"""`reportkit new`: a workbook that checks, builds, guides typing, and opens in LibreOffice."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from tests.commands import reportkit_cli as run
from tests.conftest import soffice_convert

TITLE = "14th Meeting of the COMCEC Trade Working Group"
REPORT_KINDS = ["paragraph", "heading", "subheading", "text", "item", "bullet", "note"]


def new_workbook(folder: Path, *options: str) -> Path:
    path = folder / "trade-wg-14.xlsx"
    result = run("new", str(path), *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(path)]
    return path


def validation_at(sheet, cell: str, kind: str | None) -> DataValidation:
    found = [v for v in sheet.data_validations.dataValidation if cell in v.sqref and v.type == kind]
    assert len(found) == 1, f"{sheet.title}!{cell}: {found}"
    return found[0]


def listed(book: Workbook, validation: DataValidation) -> list[str]:
    """The values a list dropdown offers, read through its named range."""
    sheet_name, cells = next(book.defined_names[validation.formula1].destinations)
    return [c.value for row in book[sheet_name][cells.replace("$", "")] for c in row]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new")
    return new_workbook(folder, "--title", TITLE, "--date", "2024-10-05", "--venue", "Ankara")


def test_a_new_workbook_checks_and_builds_at_once(made: Path, tmp_path: Path) -> None:
    check = run("check", str(made))
    assert check.returncode == 0
    empty = "has no rows ({sheet}), so it is left out and the other annexes are numbered"
    assert check.stdout.splitlines() == [
        f"{made}: Annexes!A{row}: warning: the {annex} annex "
        + empty.format(sheet=sheet)
        + " without it — fill in its sheet, or delete this row of the Annexes sheet"
        for row, annex, sheet in (
            (2, "agenda", 'sheet "Agenda"'),
            (3, "programme", 'sheet "Programme"'),
            (4, "participants", 'sheet "Participants"'),
        )
    ] + [f"{made}: 0 errors, 3 warnings"]
    build = run("build", str(made), "-o", str(tmp_path))
    assert build.returncode == 0, build.stderr
    texts = [p.text for p in Document(str(tmp_path / "trade-wg-14.docx")).paragraphs]
    assert texts[:3] == [
        "REPORT",
        "14th MEETING OF THE COMCEC TRADE WORKING GROUP",
        "(October 5th, 2024; Ankara)",
    ]


def test_its_sheets_have_headers_widths_and_a_frozen_header(made: Path) -> None:
    book = load_workbook(made)
    assert book.sheetnames == [
        "Instructions",
        "Meeting",
        "Report",
        "Annexes",
        "Agenda",
        "Programme",
        "Participants",
        "Delegations",
        "Lists",
    ]
    assert book.active.title == "Meeting"
    assert book["Lists"].sheet_state == "hidden"
    headers = {ws.title: [c.value for c in ws[1]] for ws in book.worksheets[1:8]}
    assert headers == {
        "Meeting": ["Field", "Value"],
        "Report": ["Kind", "Text", "Key", "Number"],
        "Annexes": ["Kind", "Title", "Sheet", "Form", "Original", "Date", "Meeting title"],
        "Agenda": ["Kind", "Text", "Note"],
        "Programme": ["Day", "Start", "End", "Title", "Description", "Points"],
        "Participants": [
            "Delegation",
            "Honorific",
            "First name",
            "Last name",
            "Position",
            "Organisation",
            "Section",
        ],
        "Delegations": ["Delegation", "Heading"],
    }
    for sheet in book.worksheets[:8]:
        assert sheet.freeze_panes == "A2", sheet.title
    annexes = [r[0].value for r in book["Annexes"].iter_rows(min_row=2)]
    assert annexes == ["agenda", "programme", "participants"]
    assert book["Report"].column_dimensions["B"].width == 110
    programme = book["Programme"]
    assert "hh.mm" in programme.column_dimensions["B"].number_format
    assert "hh.mm" in programme.column_dimensions["C"].number_format
    assert "yyyy" in programme.column_dimensions["A"].number_format
    fields = dict((r[0].value, r[1].value) for r in book["Meeting"].iter_rows(min_row=2))
    assert list(fields)[:2] == ["title", "document"]
    # Left to each edition's own word: REPORT, RAPPORT, التقرير.
    assert (fields["title"], fields["document"]) == (TITLE, None)
    assert (fields["date"], fields["venue"], fields["end_date"]) == (
        datetime(2024, 10, 5),
        "Ankara",
        None,
    )
    assert {"ordering", "numbering", "annex_numbering", "date_style"} <= set(fields)


def test_every_header_cell_has_an_input_message_excel_accepts(made: Path) -> None:
    book = load_workbook(made)
    for sheet in book.worksheets[1:8]:
        for cell in sheet[1]:
            message = validation_at(sheet, cell.coordinate, None)
            assert message.showInputMessage
            assert message.promptTitle == cell.value
            # Excel offers to "repair" (and drops) longer messages and titles.
            assert 20 < len(message.prompt) <= 255
            assert len(message.promptTitle) <= 32
    for sheet in book.worksheets:
        for validation in sheet.data_validations.dataValidation:
            assert len(validation.prompt or "") <= 255, validation.sqref
            assert len(validation.promptTitle or "") <= 32, validation.sqref
    start = validation_at(book["Programme"], "B1", None)
    assert start.prompt == (
        "When the slot starts. Accepted: an Excel time (13:15) or text: 13.15, 13:15, 1:15 pm."
    )


def test_closed_sets_have_strict_dropdowns_and_open_lists_warn(made: Path) -> None:
    book = load_workbook(made)
    kind = validation_at(book["Report"], "A2", "list")
    assert listed(book, kind) == REPORT_KINDS
    assert kind.errorStyle == "stop"
    assert "A1048576" in str(kind.sqref)
    agenda = validation_at(book["Agenda"], "A5", "list")
    assert listed(book, agenda) == ["item", "unnumbered"]
    section = validation_at(book["Participants"], "G2", "list")
    assert listed(book, section) == ["member", "observer", "institution", "other", "secretariat"]
    assert section.errorStyle == "stop"
    delegation = validation_at(book["Participants"], "A30", "list")
    names = listed(book, delegation)
    assert {"Pakistan", "Türkiye", "Côte d'Ivoire", "SESRIC", "CCO"} <= set(names)
    assert names.index("Comoros") < names.index("Côte d'Ivoire") < names.index("Djibouti")
    assert delegation.errorStyle == "warning"
    honorific = validation_at(book["Participants"], "B2", "list")
    assert listed(book, honorific)[:3] == ["Mr.", "Ms.", "Mrs."]
    assert honorific.errorStyle == "warning"
    assert validation_at(book["Delegations"], "A2", "list").formula1 == delegation.formula1
    meeting = book["Meeting"]
    rows = {r[0].value: r[0].row for r in meeting.iter_rows(min_row=2)}
    ordering = validation_at(meeting, f"B{rows['ordering']}", "list")
    assert listed(book, ordering) == ["english", "french", "arabic", "oic", "as-typed"]
    numbering = validation_at(meeting, f"B{rows['numbering']}", "list")
    assert listed(book, numbering) == ["paragraphs", "sections", "none"]
    annex = validation_at(book["Annexes"], "A2", "list")
    assert listed(book, annex) == ["agenda", "programme", "participants", "text"]
    host_position = validation_at(meeting, f"B{rows['host_position']}", "list")
    assert listed(book, host_position) == ["first", "last"]
    assert validation_at(meeting, f"B{rows['title']}", None).promptTitle == "title"


def test_the_instructions_sheet_explains_every_column(made: Path) -> None:
    sheet = load_workbook(made)["Instructions"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0] == (
        "Sheet",
        "Column or field",
        "Required",
        "What it is",
        "Accepted values",
        "Example",
    )
    described = {(r[0], r[1]) for r in rows[1:] if r[1]}
    for sheet_name, column in [
        ("Meeting", "ordering"),
        ("Meeting", "host_position"),
        ("Programme", "Day"),
        ("Programme", "Points"),
        ("Participants", "Honorific"),
        ("Delegations", "Heading"),
    ]:
        assert (sheet_name, column) in described
    section = next(r for r in rows if r[:2] == ("Participants", "Section"))
    assert section[4] == "one of: member, observer, institution, other, secretariat"
    assert section[5] == "other"
    assert all(r[3] and r[5] is not None for r in rows[1:] if r[1])


def test_typed_entries_in_a_new_workbook_are_read(made: Path, tmp_path: Path) -> None:
    """What a rapporteur types in the formatted cells: 9.30 in a time cell is stored as 9.3."""
    book = load_workbook(made)
    book["Report"].append(["paragraph", "The Meeting was held in Ankara."])
    book["Agenda"].append(["item", "Opening"])
    programme = book["Programme"]
    programme.append([datetime(2024, 10, 5)])
    programme.append([None, 9.3, 0.40625, "Opening"])
    for cell in ("B3", "C3"):
        programme[cell].number_format = programme.column_dimensions["B"].number_format
    book["Participants"].append(["Egypt", "Mr.", "Ahmed", "Hassan", "Director", None, None])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    check = run("check", "-v", str(filled))
    assert check.returncode == 0
    assert check.stdout.splitlines() == [
        f"{filled}: 2 entries were tidied as the house writes them:",
        f"{filled}: Programme!B3: warning: the number 9.3 was read as the time 09.30 — if that is"
        " right, type it as 9:30 so that Excel stores a time",
        f"{filled}: Programme!A2: warning: a row with only a Day: the slots below it are on"
        " Saturday, October 5th, 2024 — nothing to do if that is meant",
        f"{filled}: 0 errors, 0 warnings",
    ]
    assert run("build", str(filled), "-o", str(tmp_path / "out")).returncode == 0


def test_without_a_title_it_says_where_to_type_it(tmp_path: Path) -> None:
    path = tmp_path / "meeting.xlsx"
    result = run("new", str(path))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{path}: Meeting!B2: the title is a placeholder — type the meeting's title there",
        f"{path}: next, fill in its sheets (its Instructions sheet says what each column takes),"
        f" then: reportkit check {path}",
    ]
    assert load_workbook(path)["Meeting"]["B2"].value == "Title of the Meeting"
    assert run("check", str(path)).returncode == 0


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    path = tmp_path / "meeting.xlsx"
    path.write_bytes(b"a rapporteur's work")
    refused = run("new", str(path))
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"{path}: the file exists — choose another name, or add --force to replace it"
    ]
    assert path.read_bytes() == b"a rapporteur's work"
    forced = run("new", str(path), "--force")
    assert forced.returncode == 0
    assert load_workbook(path)["Meeting"]["A2"].value == "title"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.xlsx"]


def test_dates_and_names_that_cannot_be_used_are_usage_errors(tmp_path: Path) -> None:
    bad_date = run("new", str(tmp_path / "m.xlsx"), "--date", "next Tuesday")
    assert bad_date.returncode == 2
    assert 'Invalid value for --date: "next Tuesday" is not a date' in bad_date.stderr
    wrong_kind = run("new", str(tmp_path / "m.docx"))
    assert wrong_kind.returncode == 2
    assert "the workbook's name must end in .xlsx" in wrong_kind.stderr
    assert list(tmp_path.iterdir()) == []
    ambiguous = run("new", str(tmp_path / "m.xlsx"), "--date", "05/10/2024")
    assert ambiguous.returncode == 0
    assert ambiguous.stderr.splitlines()[0] == (
        'warning: --date "05/10/2024" was read as 5 October 2024 — if 10 May 2024 was meant,'
        " give it as 2024-05-10"
    )


def test_libreoffice_calc_opens_it_and_keeps_its_dropdowns(made: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(made.read_bytes()).hexdigest()
    converted = soffice_convert(made, "xlsx:Calc MS Excel 2007 XML", tmp_path)
    assert hashlib.sha256(made.read_bytes()).hexdigest() == before
    book = load_workbook(converted)
    assert book["Lists"].sheet_state == "hidden"
    kind = validation_at(book["Report"], "A2", "list")
    assert listed(book, kind) == REPORT_KINDS
    assert validation_at(book["Participants"], "A2", "list").errorStyle == "warning"
    assert validation_at(book["Participants"], "A1", None).promptTitle == "Delegation"


def test_a_new_workbook_for_three_editions_builds_them_each_in_its_own_words(
    tmp_path: Path,
) -> None:
    path = new_workbook(tmp_path, "--title", TITLE, "--date", "2024-10-05", "--lang", "all")
    book = load_workbook(path)
    assert [c.value for c in book["Report"][1]][:4] == ["Kind", "Text", "Text fr", "Text ar"]
    assert [c.value for c in book["Meeting"][1]] == ["Field", "Value", "Value fr", "Value ar"]
    fields = {r[0].value: r[1].value for r in book["Meeting"].iter_rows(min_row=2)}
    assert fields["languages"] == "en, fr, ar"

    built = run("build", str(path), "-o", str(tmp_path / "out"))

    assert built.returncode == 0, built.stderr
    firsts = [
        Document(str(tmp_path / "out" / name)).paragraphs[0].text
        for name in ("trade-wg-14.docx", "trade-wg-14.fr.docx", "trade-wg-14.ar.docx")
    ]
    assert firsts == ["REPORT", "RAPPORT", "التقرير"]


def test_one_other_edition_adds_only_its_own_columns(tmp_path: Path) -> None:
    path = new_workbook(tmp_path, "--lang", "fr")
    book = load_workbook(path)
    assert [c.value for c in book["Participants"][1]] == [
        "Delegation",
        "Honorific",
        "Honorific fr",
        "First name",
        "Last name",
        "Position",
        "Position fr",
        "Organisation",
        "Organisation fr",
        "Section",
        "Name fr",
    ]
    fields = {r[0].value: r[1].value for r in book["Meeting"].iter_rows(min_row=2)}
    assert fields["languages"] == "en, fr"
