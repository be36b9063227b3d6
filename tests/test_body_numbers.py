"""The Report sheet's Number column, on built reports as Word stores them and LibreOffice
prints them: a heading kept out of the numbering between numbered sections, and lists
labelled `1-`, `(a)`, `i.` (issue 21, Body)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

import reportkit
from reportkit.problems import InputError
from tests.commands import reportkit_cli as cli
from tests.conftest import soffice_convert
from tests.ooxml import problems as schema_problems
from tests.word_lists import list_of
from tests.workbooks import variant, write_workbook

SECTIONS = [
    ["Field", "Value"],
    ["title", "1st Test Meeting"],
    ["date", date(2023, 5, 2)],
    ["secretariat", "COMCEC Coordination Office"],
    ["numbering", "sections"],
]
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$", flags=re.MULTILINE)


def printed(report: Path, folder: Path) -> str:
    """The body as LibreOffice prints it, list numbers included."""
    text = soffice_convert(report, "txt:Text (encoded):UTF8", folder).read_text(
        encoding="utf-8-sig"
    )
    lines = "\n".join(line.strip() for line in text.splitlines())
    return lines[: lines.index("ANNEX I")]


def paragraph(document: DocumentType, start: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith(start))


def level_shown(document: DocumentType, item: Paragraph) -> tuple[str, str]:
    """What Word shows before a list paragraph: its list's counter and label text."""
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(list_of(item))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
    )
    level = abstract.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']")
    return (
        level.find(qn("w:numFmt")).get(qn("w:val")),
        level.find(qn("w:lvlText")).get(qn("w:val")),
    )


def test_an_unnumbered_heading_between_sections_leaves_them_1_and_2(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        variant(
            Meeting=SECTIONS,
            Report=[
                ["Kind", "Text", "Key", "Number"],
                ["heading", "Opening", "opening", ""],
                ["paragraph", "Welcome.", "", ""],
                ["heading", "Introduction", "", "no"],
                ["paragraph", "Some words.", "", ""],
                ["heading", "Discussion", "discussion", ""],
                ["subheading", "Findings", "findings", ""],
                [
                    "paragraph",
                    "See sections [[paragraph opening]], [[paragraph discussion]] and"
                    " [[paragraph findings]].",
                    "",
                    "",
                ],
            ],
        ),
    )
    report = reportkit.build(workbook, tmp_path / "out")
    text = printed(report, tmp_path)
    assert NUMBERED.findall(text) == [
        ("1", "Opening"),
        ("2", "Discussion"),
        ("2.1", "Findings"),
    ]
    assert "\nIntroduction\n" in text
    assert "See sections 1, 2 and 2.1." in text
    document = Document(str(report))
    # Word's cached text: the cross-references show what Word numbers, the heading no number.
    assert paragraph(document, "See sections").text == "See sections 1, 2 and 2.1."
    assert list_of(paragraph(document, "Introduction")) is None
    assert list_of(paragraph(document, "Discussion")) is not None
    assert schema_problems(report) == []


def test_a_subheading_before_the_first_heading_is_unnumbered_with_a_warning(
    tmp_path: Path,
) -> None:
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        variant(
            Meeting=SECTIONS,
            Report=[
                ["Kind", "Text", "Key"],
                ["subheading", "Background", ""],
                ["heading", "Opening", "opening"],
                ["paragraph", "As section [[paragraph opening]] says.", ""],
            ],
        ),
    )
    result = cli("build", str(workbook), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{workbook}: Report!A2: warning: a sub-heading before the first numbered heading is"
        " printed unnumbered: it has no section to count in — make it a heading with Number"
        " no, or put a numbered heading before it; write no in its Number to silence this"
    ]
    report = tmp_path / "out" / "m.docx"
    text = printed(report, tmp_path)
    assert NUMBERED.findall(text) == [("1", "Opening")]
    assert "\nBackground\n" in text and "As section 1 says." in text
    assert paragraph(Document(str(report)), "As section").text == "As section 1 says."


def test_each_list_is_labelled_as_its_first_item_says(tmp_path: Path) -> None:
    report = reportkit.build(
        write_workbook(
            tmp_path / "m.xlsx",
            variant(
                Report=[
                    ["Kind", "Text", "Number"],
                    ["paragraph", "The Meeting agreed:", ""],
                    ["item", "First dash", "1-"],
                    ["item", "Second dash", ""],
                    ["text", "And on letters:", ""],
                    ["item", "First letter", "(a)"],
                    ["item", "Second letter", ""],
                    ["text", "And on numerals:", ""],
                    ["item", "First numeral", "i."],
                    ["item", "Second numeral", "i."],
                    ["item", "Third numeral", ""],
                    ["text", "And as always:", ""],
                    ["item", "Plain one", ""],
                    ["item", "Plain two", ""],
                    ["text", "Dashes again:", ""],
                    ["item", "Dash anew", "1-"],
                ]
            ),
        ),
        tmp_path / "out",
    )
    labelled = re.findall(r"^(\S+)\s+(.*)$", printed(report, tmp_path), flags=re.MULTILINE)
    assert labelled[labelled.index(("1.", "The Meeting agreed:")) :] == [
        ("1.", "The Meeting agreed:"),
        ("1-", "First dash"),
        ("2-", "Second dash"),
        ("And", "on letters:"),
        ("(a)", "First letter"),
        ("(b)", "Second letter"),
        ("And", "on numerals:"),
        ("i.", "First numeral"),
        ("ii.", "Second numeral"),
        ("iii.", "Third numeral"),
        ("And", "as always:"),
        ("1.", "Plain one"),
        ("2.", "Plain two"),
        ("Dashes", "again:"),
        ("1-", "Dash anew"),
    ]
    document = Document(str(report))
    assert [
        level_shown(document, paragraph(document, text))
        for text in ("First dash", "First letter", "First numeral", "Plain one", "Dash anew")
    ] == [
        ("decimal", "%1-"),
        ("lowerLetter", "(%1)"),
        ("lowerRoman", "%1."),
        ("decimal", "%1."),
        ("decimal", "%1-"),
    ]
    assert schema_problems(report) == []


def test_a_number_the_row_cannot_take_is_a_located_error(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        variant(
            Report=[
                ["Kind", "Text", "Number"],
                ["paragraph", "Lead-in:", "a)"],
                ["item", "One", "a)"],
                ["item", "Two", "x)"],
                ["item", "Three", "1-"],
                ["bullet", "A point", "no"],
            ]
        ),
    )
    with pytest.raises(InputError) as raised:
        reportkit.build(workbook, tmp_path / "out")
    assert [p.line("m") for p in raised.value.problems] == [
        "m: Report!C2: the labels a) are for a list's items, and the row is a paragraph — write"
        " them on the first item of the list (Kind item), or no to leave a heading unnumbered",
        'm: Report!C4: unknown Number "x)" — write no (not numbered), or on a list\'s first item'
        " one of: 1. 1- 1) a) (a) a. A. i. (i) I.",
        "m: Report!C5: the list is labelled a), as its first item (Report!C3) says, not 1- —"
        " give a list's labels on its first item only; a paragraph, text or heading between"
        " two lists starts the second",
        "m: Report!C6: Number no is for a heading, sub-heading or paragraph; Word marks every"
        " bullet — write Kind text for a line without a number or bullet, or leave Number empty",
    ]
