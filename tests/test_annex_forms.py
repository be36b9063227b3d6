"""Annex pages as the published reports open them (issue 21): a statement annexed to a
Follow-up Committee report (its own Original line, its title above a short meeting title,
its own day, no ANNEX line) and a Working Group proceedings' one-line annex ("Annex 3:
Title"), checked page by page in LibreOffice's PDF and in the document's XML, in every
edition."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

import reportkit
from reportkit.model import Language
from reportkit.problems import InputError
from tests.conftest import soffice_convert
from tests.ooxml import problems
from tests.pdf_pages import Margins, Page, read_pages
from tests.workbooks import variant, write_workbook

SYMBOL = "OIC/COMCEC-FC/33-17/REP"
MEETING = [
    ["Field", "Value", "Value fr", "Value ar"],
    ["title", "Thirty-Third Meeting of the Follow-up Committee of the COMCEC"],
    ["date", date(2017, 5, 10)],
    ["end_date", date(2017, 5, 11)],
    ["venue", "Ankara", "Ankara", "أنقرة"],
    ["date_style", "venue-first"],
    ["original", "English"],
    ["symbol", SYMBOL],
    ["annex_header", "yes"],
    ["secretariat", "COMCEC Coordination Office"],
    ["languages", "all"],
]
ANNEXES = [
    ["Kind", "Title", "Sheet", "Form", "Original", "Date", "Meeting title"],
    ["participants", "", "", "", "", "", ""],
    [
        "text",
        "Opening Statement of the Chairman",
        "Statement",
        "statement",
        "Arabic",
        date(2017, 5, 10),
        "33rd Meeting of the COMCEC Follow-up Committee",
    ],
    ["text", "The Policy Recommendations", "Recommendations", "line", "", "", ""],
]
STATEMENT = [["Kind", "Text"], ["text", "Distinguished Delegates, welcome to Ankara."]]
RECOMMENDATIONS = [["Kind", "Text"], ["paragraph", "Establishing trade facilitation committees."]]


def workbook(tmp_path: Path, annexes: list[list[object]] = ANNEXES) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    sheets = variant(
        Meeting=MEETING,
        Annexes=annexes,
        Statement=STATEMENT,
        Recommendations=RECOMMENDATIONS,
    )
    return write_workbook(tmp_path / "fc.xlsx", sheets)


def pages(report: Path, folder: Path) -> list[Page]:
    return read_pages(soffice_convert(report, "pdf", folder), Margins.of(report))


def texts(lines: tuple) -> list[str]:
    return [line.text for line in lines]


def page_opening(pages: list[Page], first_line: str) -> Page:
    return next(page for page in pages if page.body and page.body[0].text == first_line)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    return reportkit.build(workbook(folder), folder / "out")


def test_a_statement_annex_opens_with_its_own_lines_and_no_annex_line(
    english: Path, tmp_path: Path
) -> None:
    printed = pages(english, tmp_path)
    statement = page_opening(printed, "Original: Arabic")
    assert texts(statement.header) == [f"Annex II to {SYMBOL}"]
    assert texts(statement.body)[:5] == [
        "Original: Arabic",
        "OPENING STATEMENT OF THE CHAIRMAN",
        "33RD MEETING OF THE COMCEC FOLLOW-UP COMMITTEE",
        "(Ankara, 10 May 2017)",
        "Distinguished Delegates, welcome to Ankara.",
    ]
    assert not any(line.text.startswith("ANNEX") for line in statement.body)
    # The Original line stands at the right margin, the titles in the middle.
    margins = Margins.of(english)
    original, title = statement.body[0].box, statement.body[1].box
    assert margins.right - original.x1 < 3
    assert abs((title.x0 + title.x1) / 2 - (margins.left + margins.right) / 2) < 3


def test_a_line_annex_is_one_line_over_its_content(english: Path, tmp_path: Path) -> None:
    printed = pages(english, tmp_path)
    line = page_opening(printed, "Annex III: The Policy Recommendations")
    assert texts(line.header) == [f"Annex III to {SYMBOL}"]
    assert texts(line.body) == [
        "Annex III: The Policy Recommendations",
        "1.",
        "Establishing trade facilitation committees.",
    ]
    # The block form keeps its ANNEX line, the meeting's title and dates.
    block = page_opening(printed, "ANNEX I")
    assert texts(block.body)[1:4] == [
        "THIRTY-THIRD MEETING OF THE FOLLOW-UP COMMITTEE OF THE",
        "COMCEC",
        "(Ankara, 10-11 May 2017)",
    ]
    assert [p.number for p in printed if p.body and p.body[0].text.startswith("Annex III")] == [
        printed[-1].number
    ]


def test_each_form_opens_its_annex_in_a_style_that_breaks_the_page(english: Path) -> None:
    document = Document(str(english))
    openings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name in ("Annex Heading", "Annex Line", "Annex Original")
    ]
    assert openings == [
        ("Annex Heading", "ANNEX I"),
        ("Annex Original", "Original: Arabic"),
        ("Annex Line", "Annex III: The Policy Recommendations"),
    ]
    assert all(document.styles[name].paragraph_format.page_break_before for name, _ in openings)
    headers = [s.header.paragraphs[0].text for s in document.sections[1:]]
    assert headers == [f"Annex {n} to {SYMBOL}" for n in ("I", "II", "III")]
    assert problems(english) == []


@pytest.mark.parametrize(
    ("language", "original", "line", "date_line"),
    [
        (
            Language.FR,
            "Original\u00a0: arabe",
            "Annexe III\u00a0: The Policy Recommendations",
            "(Ankara, 10 mai 2017)",
        ),
        (
            Language.AR,
            "الأصل: العربية",
            "الملحق الثالث: The Policy Recommendations",
            "(أنقرة، 10 مايو / أيار 2017)",
        ),
    ],
)
def test_the_forms_fixed_words_in_each_edition(
    tmp_path: Path, language: Language, original: str, line: str, date_line: str
) -> None:
    report = reportkit.build(workbook(tmp_path), tmp_path / "out", language=language)
    shown = {p.style.name: p.text for p in Document(str(report)).paragraphs}
    assert _plain(shown["Annex Original"]) == original
    assert _plain(shown["Annex Line"]) == line
    statement = [p.text for p in Document(str(report)).paragraphs]
    after = statement[statement.index(shown["Annex Original"]) :]
    assert _plain(after[3]) == date_line
    assert problems(report) == []


def _plain(text: str) -> str:
    """Text without the directional marks the Arabic edition sets around Latin words."""
    return "".join(c for c in text if c not in "\u200e\u200f")


def test_a_dash_prints_no_meeting_title(tmp_path: Path) -> None:
    rows = [list(r) for r in ANNEXES]
    rows[2][6] = "-"
    report = reportkit.build(workbook(tmp_path, rows), tmp_path / "out")
    lines = [p.text for p in Document(str(report)).paragraphs]
    start = lines.index("Original: Arabic")
    assert lines[start : start + 3] == [
        "Original: Arabic",
        "OPENING STATEMENT OF THE CHAIRMAN",
        "(Ankara, 10 May 2017)",
    ]


def test_cells_a_form_does_not_print_are_said_and_an_unknown_form_is_an_error(
    tmp_path: Path,
) -> None:
    rows = [list(r) for r in ANNEXES]
    rows[3][4:6] = ["English", date(2017, 5, 11)]
    rows[1][3] = "banner"
    with pytest.raises(InputError) as raised:
        reportkit.build(workbook(tmp_path, rows), tmp_path / "out")
    lines = [p.line("fc.xlsx") for p in raised.value.problems]
    assert (
        'fc.xlsx: Annexes!D2: unknown annex Form "banner" — write one of: block, line, statement'
        in lines
    )
    assert (
        "fc.xlsx: Annexes!E4: warning: a line annex prints no Original, so this cell is not"
        " printed — empty the cell, or choose the Form statement"
    ) in lines
    assert (
        "fc.xlsx: Annexes!F4: warning: a line annex prints no Date, so this cell is not"
        " printed — empty the cell, or choose the Form statement or block"
    ) in lines
