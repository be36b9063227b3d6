"""Workbooks with macros or links to other workbooks build, each with a located warning.

The workbooks are written by openpyxl, then given the parts Excel writes for a
macro-enabled workbook (its VBA project, content type and relationship) and for a link to
another workbook (the externalLink part and its relationships, the `<externalReferences>`
of workbook.xml, and cells whose formula reads `[1]Sheet1!A1` with the value last saved).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

import reportkit
from tests.commands import reportkit_cli
from tests.docx_facts import lines_in_order
from tests.test_hostile_files import compound_file
from tests.workbooks import MINIMAL, set_cell_xml, variant, write_workbook

Parts = dict[str, bytes]

_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

MACROS = (
    "warning: the workbook contains macros, which reportkit never runs: the report holds the"
    " values saved in the cells — if a macro fills in cells, run it in Excel and save before"
    " building; if the macros are not needed, save the workbook as .xlsx without them"
)
LINK_HINT = "open both workbooks in Excel to update the link, or type the value instead"


def linked(books: str) -> str:
    return (
        f"warning: the formula takes its value from {books}: the report prints the value saved"
        f" when the link was last updated, which may be out of date — {LINK_HINT}"
    )


def edit_package(path: Path, *changes: Callable[[Parts], None]) -> Path:
    """Rewrite the workbook's zip with `changes` made to its parts, as Excel would save it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for change in changes:
        change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _replace(parts: Parts, name: str, old: str, new: str) -> None:
    text = parts[name].decode()
    assert old in text, f"{old} not in {name}"
    parts[name] = text.replace(old, new, 1).encode()


def _relate(parts: Parts, part: str, rel_id: str, kind: str, target: str) -> None:
    _replace(
        parts,
        part,
        "</Relationships>",
        f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"/></Relationships>',
    )


def macro_enabled(project: bool = True) -> Callable[[Parts], None]:
    """An .xlsm's parts: the macro-enabled main content type and, with `project`, the VBA
    project (a compound file with a VBA project's storage and streams) and its relationship."""

    def change(parts: Parts) -> None:
        _replace(parts, "[Content_Types].xml", _WORKBOOK_TYPE, _MACRO_WORKBOOK_TYPE)
        if not project:
            return
        _replace(
            parts,
            "[Content_Types].xml",
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        )
        parts["xl/vbaProject.bin"] = compound_file(
            ["Root Entry", "\x06VBA", "_VBA_PROJECT", "dir", "Module1", "PROJECT", "PROJECTwm"]
        )
        _relate(
            parts,
            "xl/_rels/workbook.xml.rels",
            "rId90",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "vbaProject.bin",
        )

    return change


def links_to(*targets: str, names: dict[str, str] | None = None) -> Callable[[Parts], None]:
    """Links to the workbooks at `targets` ([1], [2] … in formulas), as Excel writes them;
    `names` are defined names (name → formula) of the workbook."""

    def change(parts: Parts) -> None:
        references = ""
        for number, target in enumerate(targets, start=1):
            part = f"xl/externalLinks/externalLink{number}.xml"
            parts[part] = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
                f' xmlns:r="{_RELATIONSHIPS}"><externalBook r:id="rId1"><sheetNames>'
                '<sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0">'
                '<row r="1"><cell r="A1" t="str"><v>cached</v></cell></row></sheetData>'
                "</sheetDataSet></externalBook></externalLink>"
            ).encode()
            parts[f"xl/externalLinks/_rels/externalLink{number}.xml.rels"] = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships"><Relationship Id="rId1" Type="{_RELATIONSHIPS}/'
                f'externalLinkPath" Target="{target}" TargetMode="External"/></Relationships>'
            ).encode()
            _replace(
                parts,
                "[Content_Types].xml",
                "</Types>",
                f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.externalLink+xml"/></Types>',
            )
            rel_id = f"rId{90 + number}"
            _relate(
                parts,
                "xl/_rels/workbook.xml.rels",
                rel_id,
                f"{_RELATIONSHIPS}/externalLink",
                f"externalLinks/externalLink{number}.xml",
            )
            references += f'<externalReference xmlns:r="{_RELATIONSHIPS}" r:id="{rel_id}"/>'
        defined = "".join(
            f'<definedName name="{name}">{formula}</definedName>'
            for name, formula in (names or {}).items()
        )
        _replace(
            parts,
            "xl/workbook.xml",
            "<definedNames/>",
            f"<externalReferences>{references}</externalReferences>"
            + (f"<definedNames>{defined}</definedNames>" if defined else "<definedNames/>"),
        )

    return change


def check_lines(path: Path) -> list[str]:
    result = reportkit_cli("check", str(path))
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def report_text(report: Path) -> str:
    return "\n".join(paragraph.text for paragraph in lines_in_order(Document(str(report))))


def test_a_workbook_with_macros_builds_with_one_warning(tmp_path: Path) -> None:
    path = edit_package(write_workbook(tmp_path / "m.xlsx", MINIMAL), macro_enabled())
    assert check_lines(path) == [f"{path}: {MACROS}", f"{path}: 0 errors, 1 warning"]
    build = reportkit_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert build.returncode == 0, build.stderr
    assert f"{path}: {MACROS}" in build.stderr.splitlines()
    assert "The Meeting was held." in report_text(tmp_path / "out" / "m.docx")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(macro_enabled(project=False), id="an .xlsm renamed .xlsx, no project"),
        pytest.param(
            lambda parts: parts.__setitem__(
                "xl/vbaProject.bin", compound_file(["Root Entry", "\x06VBA", "dir"])
            ),
            id="a VBA project under the plain content type",
        ),
        pytest.param(
            lambda parts: parts.__setitem__(
                "xl/macrosheets/sheet1.xml",
                b'<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>',
            ),
            id="an Excel 4 macro sheet",
        ),
    ],
)
def test_every_form_of_macros_is_said(tmp_path: Path, change: Callable[[Parts], None]) -> None:
    path = edit_package(write_workbook(tmp_path / "m.xlsx", MINIMAL), change)
    assert [p.line(path.name) for p in reportkit.check(path)] == [f"m.xlsx: {MACROS}"]


def test_a_cell_linked_to_another_workbook_prints_its_saved_value_with_a_warning(
    tmp_path: Path,
) -> None:
    path = write_workbook(tmp_path / "linked.xlsx", MINIMAL)
    edit_package(path, links_to(r"file:///C:\Budgets\Budget%202023.xlsx"))
    set_cell_xml(
        path, 5, "E2", '<c r="E2" t="str"><f>[1]Sheet1!$A$1</f><v>Director of Budgets</v></c>'
    )
    line = f"{path}: Participants!E2: {linked('another workbook, Budget 2023.xlsx')}"
    assert check_lines(path) == [line, f"{path}: 0 errors, 1 warning"]

    as_json = json.loads(reportkit_cli("check", str(path), "--format", "json").stdout)
    assert as_json[0]["warnings"] == 1 and as_json[0]["errors"] == 0
    assert as_json[0]["problems"][0]["location"] == "Participants!E2"
    assert as_json[0]["problems"][0]["severity"] == "warning"

    build = reportkit_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert build.returncode == 0, build.stderr
    assert line in build.stderr.splitlines()
    assert "Director of Budgets" in report_text(tmp_path / "out" / "linked.docx")


def test_every_linked_cell_read_is_said_once_naming_its_workbooks(tmp_path: Path) -> None:
    report = [
        ["Kind", "Text", "Notes"],
        ["paragraph", "placeholder", "placeholder"],
        ["paragraph", "placeholder", None],
        ["paragraph", "placeholder", None],
        ["paragraph", "placeholder", None],
        ["paragraph", "Typed.", None],
    ]
    meeting = [*MINIMAL["Meeting"], ["venue", "placeholder"]]
    path = write_workbook(tmp_path / "many.xlsx", variant(Report=report, Meeting=meeting))
    edit_package(
        path,
        links_to(
            "Budget.xlsx",
            "../Shared%20Documents/Prices.xlsx",
            names={"Rate": "[2]Rates!$B$2", "Local": "Report!$B$2"},
        ),
    )
    cells = {
        # a quoted sheet name; a second workbook; a shared formula and a cell that follows it
        "B2": '<c r="B2" t="str"><f>\'[1]Budget (2023)\'!A1</f><v>From the budget.</v></c>',
        "B3": '<c r="B3" t="str"><f t="shared" ref="B3:B4" si="0">[1]S!A2&amp;[2]S!A1</f>'
        "<v>From both.</v></c>",
        "B4": '<c r="B4" t="str"><f t="shared" si="0"/><v>Shared too.</v></c>',
        # text in quotes and a table's column are no link; nor is a column reportkit never reads
        "B6": '<c r="B6" t="str"><f>"[1]S!A1 "&amp;T[2019]&amp;B5</f><v>Typed.</v></c>',
        "C2": '<c r="C2" t="str"><f>[1]S!A9</f><v>not read</v></c>',
    }
    for cell, xml in cells.items():
        set_cell_xml(path, 2, cell, xml)
    set_cell_xml(path, 1, "B5", '<c r="B5" t="str"><f>[2]Venues!A1</f><v>Ankara</v></c>')
    assert check_lines(path) == [
        f'{path}: warning: the defined name "Rate" refers to another workbook, Prices.xlsx: cells'
        " using it hold the value saved when the link was last updated, which may be out of"
        f" date — {LINK_HINT}",
        f"{path}: Meeting!B5: {linked('another workbook, Prices.xlsx')}",
        f"{path}: Report!B2: {linked('another workbook, Budget.xlsx')}",
        f"{path}: Report!B3, B4 (2 cells): {linked('other workbooks, Budget.xlsx and Prices.xlsx')}",
        f"{path}: 0 errors, 5 warnings",
    ]
    prepared = reportkit.prepare(path)
    assert [block.text for block in prepared.source.report] == [
        "From the budget.",
        "From both.",
        "Shared too.",
        "placeholder",
        "Typed.",
    ]
    assert prepared.source.meeting.venue == "Ankara"


def test_a_link_hides_no_error_and_a_missing_value_is_said_as_such(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "bad.xlsx", MINIMAL)
    edit_package(path, links_to("Kinds.xlsx"))
    set_cell_xml(path, 2, "A2", '<c r="A2" t="str"><f>[1]Sheet1!A1</f><v>chapter</v></c>')
    set_cell_xml(path, 3, "B2", '<c r="B2"><f>[1]Sheet1!A2</f></c>')
    lines = check_lines(path)
    assert lines == [
        f'{path}: Report!A2: unknown Kind "chapter" — write one of: paragraph, heading,'
        " subheading, text, item, bullet, note",
        f"{path}: Agenda!B2: the formula has no saved result — open the workbook in Excel and"
        " save it, or type the value instead",
        f"{path}: Report!A2: {linked('another workbook, Kinds.xlsx')}",
        f"{path}: 2 errors, 1 warning",
    ]


def test_macros_and_links_together_in_every_edition_are_each_said_once(tmp_path: Path) -> None:
    meeting = [
        ["Field", "Value", "Value fr"],
        ["title", "1st Test Meeting", "placeholder"],
        *MINIMAL["Meeting"][2:],
        ["languages", "en, fr", None],
    ]
    path = write_workbook(tmp_path / "both.xlsx", variant(Meeting=meeting))
    edit_package(path, macro_enabled(), links_to("Titles.xlsx"))
    set_cell_xml(path, 1, "C2", '<c r="C2" t="str"><f>[1]Sheet1!A1</f><v>1re Réunion</v></c>')
    lines = [p.line(path.name) for p in reportkit.check(path)]
    # (the other lines say the French edition prints English where the sheets have no French)
    assert [line for line in lines if "macros" in line or "another workbook" in line] == [
        f"both.xlsx: {MACROS}",
        f"both.xlsx: Meeting!C2: {linked('another workbook, Titles.xlsx')}",
    ]
    build = reportkit_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert build.returncode == 0, build.stderr
    assert "1RE RÉUNION" in report_text(tmp_path / "out" / "both.fr.docx").upper()


def test_an_array_formula_linked_to_another_workbook_is_said_at_each_cell(
    tmp_path: Path,
) -> None:
    participants = [
        [*MINIMAL["Participants"][0], "Notes"],
        ["Egypt", "Mr.", "Ahmed", "Hassan", "placeholder", "Ministry of Trade", "placeholder"],
        ["Egypt", "Ms.", "Mona", "Said", "placeholder", "Ministry of Trade", None],
    ]
    path = write_workbook(tmp_path / "array.xlsx", variant(Participants=participants))
    edit_package(path, links_to("Staff.xlsx"))
    # a dynamic array, as Excel 365 saves it: the formula in its first cell, values in all
    set_cell_xml(
        path,
        5,
        "E2",
        '<c r="E2" t="str" cm="1"><f t="array" ref="E2:E3">[1]Staff!B2:B3</f><v>Director</v></c>',
    )
    set_cell_xml(path, 5, "E3", '<c r="E3" t="str"><v>Adviser</v></c>')
    set_cell_xml(path, 5, "G2", '<c r="G2" t="str"><f>[1]Staff!C2</f><v>not read</v></c>')
    assert check_lines(path) == [
        f"{path}: Participants!E2, E3 (2 cells): {linked('another workbook, Staff.xlsx')}",
        f"{path}: 0 errors, 2 warnings",
    ]
    people = reportkit.prepare(path).source.participants
    assert [person.position for person in people] == ["Director", "Adviser"]
