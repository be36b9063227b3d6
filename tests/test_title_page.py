"""A title page, a running head, the first body page's number and a title broken where the
rapporteur typed Alt+Enter (issue 21), as Working Group proceedings and the Follow-up
Committee's report print them: checked page by page in LibreOffice's PDF (header, body and
footer lines, by position) and in the sections of the document's XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

import reportkit
from reportkit.model import Language
from reportkit.problems import InputError
from tests.conftest import soffice_convert
from tests.ooxml import problems
from tests.pdf_pages import Margins, Page, read_pages
from tests.workbooks import variant, write_workbook

HEAD = "Proceedings of the 14th Meeting of\nThe COMCEC Trade Working Group"
PROCEEDINGS = [
    ["Field", "Value", "Value fr"],
    ["title", "14th Meeting of the\nCOMCEC Trade Working Group"],
    ["document", "Proceedings", "Compte rendu"],
    ["date", date(2016, 10, 6)],
    ["venue", "Ankara, Turkey", "Ankara, Turquie"],
    ["date_style", "proceedings"],
    ["secretariat", "COMCEC Coordination Office"],
    ["symbol", "OIC/COMCEC/TWG/14"],
    ["running_head", HEAD, "Compte rendu de la 14e réunion"],
    ["title_page", "yes"],
]
LONG_REPORT = [["Kind", "Text"]] + [
    ["paragraph", f"Paragraph {n} of the proceedings, long enough to fill a line or two. " * 6]
    for n in range(1, 13)
]


def build(folder: Path, *fields: list[object], language: Language = Language.EN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    meeting = [list(row) for row in PROCEEDINGS] + [list(f) for f in fields]
    sheets = variant(Meeting=meeting, Report=LONG_REPORT)
    return reportkit.build(
        write_workbook(folder / "wg.xlsx", sheets), folder / "out", language=language
    )


def pages(report: Path, folder: Path) -> list[Page]:
    """The PDF's pages, cut into header, body and footer by the body's margins (the title
    page's section has a top margin of its own)."""
    section = Document(str(report)).sections[-1]
    margins = Margins(
        section.left_margin.pt,
        section.top_margin.pt,
        section.page_width.pt - section.right_margin.pt,
        section.page_height.pt - section.bottom_margin.pt,
    )
    return read_pages(soffice_convert(report, "pdf", folder), margins)


def texts(lines: tuple) -> list[str]:
    return [line.text for line in lines]


@pytest.fixture(scope="module")
def proceedings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("wg"))


def test_the_title_page_stands_alone_without_header_or_number(
    proceedings: Path, tmp_path: Path
) -> None:
    first, second = pages(proceedings, tmp_path)[:2]
    assert first.header == () and first.footer == ()
    assert texts(first.body) == [
        "PROCEEDINGS",
        "14th MEETING OF THE",
        "COMCEC TRADE WORKING GROUP",
        "(October 6th, 2016, Ankara, Turkey)",
        "COMCEC COORDINATION OFFICE",
        "October 2016",
    ]
    # Its block stands in the upper middle of the page, the publisher in the lower half;
    # the body starts on the next page.
    height = Document(str(proceedings)).sections[0].page_height.pt
    assert height / 4 - 3 < first.body[0].box.y0 < height / 2
    assert first.body[-2].box.y0 > height / 2
    assert second.body[0].text.startswith("1.")


def test_body_pages_carry_the_running_head_and_count_from_one(
    proceedings: Path, tmp_path: Path
) -> None:
    printed = pages(proceedings, tmp_path)
    body = printed[1:]
    assert len(body) >= 3
    for page in body:
        if not any("ANNEX" in line.text for line in page.body):
            assert texts(page.header) == HEAD.splitlines()
    assert [texts(page.footer) for page in body] == [[str(n)] for n in range(1, len(body) + 1)]


def test_first_page_7_numbers_the_body_from_7(tmp_path: Path) -> None:
    report = build(tmp_path, ["first_page", 7])
    body = pages(report, tmp_path)[1:]
    assert [texts(page.footer) for page in body] == [[str(n)] for n in range(7, len(body) + 7)]


def test_first_page_without_a_title_page_numbers_page_one_so(tmp_path: Path) -> None:
    lines = [row for row in PROCEEDINGS if row[0] != "title_page"]
    folder = tmp_path / "plain"
    folder.mkdir()
    sheets = variant(Meeting=[*lines, ["first_page", 7]], Report=LONG_REPORT)
    report = reportkit.build(write_workbook(folder / "wg.xlsx", sheets), folder / "out")
    printed = pages(report, folder)
    assert texts(printed[0].body)[:3] == [
        "PROCEEDINGS",
        "14th MEETING OF THE",
        "COMCEC TRADE WORKING GROUP",
    ]
    assert texts(printed[0].header) == HEAD.splitlines()
    assert [texts(page.footer) for page in printed] == [
        [str(n)] for n in range(7, len(printed) + 7)
    ]
    assert len(Document(str(report)).sections) == 1


def test_the_sections_in_the_xml(proceedings: Path) -> None:
    document = Document(str(proceedings))
    title, body = (section._sectPr for section in document.sections[:2])
    assert title.findall(qn("w:headerReference")) == []
    assert title.findall(qn("w:footerReference")) == []
    quarter = int(title.find(qn("w:pgSz")).get(qn("w:h"))) // 4
    assert title.find(qn("w:pgMar")).get(qn("w:top")) == str(quarter)
    assert body.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert document.sections[1].header.paragraphs[0].text == HEAD
    heading = next(p for p in document.paragraphs if p.style.name == "Report Title")
    assert heading._p.xpath("count(.//w:br)") == 1
    assert document.core_properties.title == "14th MEETING OF THE COMCEC TRADE WORKING GROUP"
    assert problems(proceedings) == []


def test_the_french_edition_s_title_page(tmp_path: Path) -> None:
    report = build(tmp_path, language=Language.FR)
    document = Document(str(report))
    shown = {p.style.name: p.text for p in document.paragraphs}
    assert shown["Report Date"] == "(6 octobre 2016, Ankara, Turquie)"
    assert shown["Title Page Publisher"] == "BUREAU DE COORDINATION DU COMCEC"
    assert shown["Title Page Date"] == "Octobre 2016"
    head = document.sections[1].header.paragraphs[0]
    assert head.text == "Compte rendu de la 14e réunion"
    assert problems(report) == []


def test_a_publisher_replaces_the_secretariat(tmp_path: Path) -> None:
    report = build(tmp_path, ["publisher", "SESRIC"])
    shown = {p.style.name: p.text for p in Document(str(report)).paragraphs}
    assert shown["Title Page Publisher"] == "SESRIC"


@pytest.mark.parametrize("typed", ["seven", "0", "-3", "7.5", "7²"])
def test_a_first_page_that_is_no_page_number_is_a_located_error(tmp_path: Path, typed: str) -> None:
    with pytest.raises(InputError) as raised:
        build(tmp_path, ["first_page", typed])
    assert [p.line("wg.xlsx") for p in raised.value.problems] == [
        f'wg.xlsx: Meeting!B11: the first page number "{typed}" is not a whole number from 1'
        " — write the number the body's first page shows, such as 7, or delete first_page"
    ]
