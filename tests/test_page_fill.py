"""Pages a printer signs off, in all three editions, read from LibreOffice's PDF: the list of
participants fills its pages, a page breaks between two delegates (never between a name
and its details, never under a heading), and a paragraph ending in ":" shares its page
with the list it announces.

The meeting has a 70-person delegation (pages of its own) among thirty of one to nine
delegates, and a body of thirty lead-ins of varying length, each followed by its bullets,
so that some lead-in would end a page if it were not kept with its list. Lines are told
apart by what they print, not by reportkit's code: a delegate's name line carries the
surname typed in the workbook (Latin in every edition), a heading is a line with the
letters of a heading the .docx holds (compared as a multiset, since poppler gives
right-to-left lines in visual order).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

import reportkit
from reportkit.model import Language
from tests.conftest import member_states, soffice_convert
from tests.docx_facts import lines_in_order
from tests.pdf_pages import Line, Margins, Page, body_flow, read_pages
from tests.workbooks import variant, write_workbook

HOST_SIZE = 70
SURNAME = "YILMAZ"
LEAD_IN_WORD = "issues"
LEAD_INS = 30
LIST_HEADINGS = ("Participants Section", "Delegation Heading")
# A page in the middle of the list is at least this full (text bottom in the text block).
FULL = 0.80
POSITIONS = (
    ("Deputy Minister of Trade and Economic Cooperation", "Vice-ministre du Commerce et de la "
     "Coopération économique", "نائب وزير التجارة والتعاون الاقتصادي"),
    ("Director General", "Directeur général", "مدير عام"),
    ("Expert", "Experte", "خبيرة"),
)  # fmt: skip


def surname(delegation: int, delegate: int) -> str:
    """YILMAZ and letters that say whose: no digits, which an Arabic line would reorder."""
    return SURNAME + "".join(chr(65 + n // 26) + chr(65 + n % 26) for n in (delegation, delegate))


def meeting() -> dict[str, list[list[object]]]:
    states = member_states()[:30]
    people: list[list[object]] = [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Position fr",
         "Position ar", "Organisation", "Organisation fr", "Organisation ar"]
    ]  # fmt: skip
    for i, state in enumerate(states):
        count = HOST_SIZE if i == 3 else 1 + (i * 5) % 9
        for j in range(count):
            position = POSITIONS[(i + j) % len(POSITIONS)]
            people.append(
                [state, "Mr." if j % 2 else "Ms.", "Ahmet", surname(i, j), *position,
                 "Ministry of Trade", "Ministère du Commerce", "وزارة التجارة"]
            )  # fmt: skip
    report: list[list[object]] = [["Kind", "Text"]]
    for i in range(LEAD_INS):
        report.append(
            ["paragraph", f"Item {i}: " + "the Committee reviewed the progress made. " * (i % 7)
             + f"The Committee considered the following {LEAD_IN_WORD}:"]
        )  # fmt: skip
        report += [["bullet", f"Issue {i}.{k} for the record."] for k in range(3)]
    return variant(
        Meeting=[
            ["Field", "Value", "Value fr", "Value ar"],
            ["title", "Meeting of Many", "Réunion de nombreux", "اجتماع الكثيرين"],
            ["date", date(2023, 5, 2)],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "all"],
        ],
        Report=report,
        Participants=people,
    )


@dataclass(frozen=True)
class Edition:
    language: Language
    docx: Path
    pages: list[Page]
    margins: Margins

    def headings(self) -> list[Counter[str]]:
        paragraphs = lines_in_order(Document(str(self.docx)))
        return [letters(p.text) for p in paragraphs if p.style.name in LIST_HEADINGS]

    def list_pages(self) -> list[Page]:
        """The pages of Annex III: from the first that shows a delegate to the last."""
        shown = [p.number for p in self.pages if any(is_name(line) for line in p.body)]
        return self.pages[shown[0] - 1 : shown[-1]]

    def fullness(self, page: Page) -> float:
        bottom = max(line.box.y1 for line in page.body)
        return (bottom - self.margins.top) / (self.margins.bottom - self.margins.top)


def letters(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def is_name(line: Line) -> bool:
    return SURNAME in line.text


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(tmp_path_factory.mktemp("fill") / "many.xlsx", meeting())


@pytest.fixture(scope="module", params=list(Language), ids=lambda lang: lang.value)
def edition(
    request: pytest.FixtureRequest, workbook: Path, tmp_path_factory: pytest.TempPathFactory
) -> Edition:
    out = tmp_path_factory.mktemp(f"fill-{request.param.value}")
    docx = reportkit.build(workbook, out, language=request.param)
    margins = Margins.of(docx)
    pages = read_pages(soffice_convert(docx, "pdf", out), margins)
    return Edition(request.param, docx, pages, margins)


def test_the_middle_pages_of_the_list_are_full(edition: Edition) -> None:
    pages = edition.list_pages()
    assert len(pages) >= 8
    middle = pages[1:-1]
    emptier = [(p.number, round(edition.fullness(p), 2)) for p in middle]
    assert [(n, f) for n, f in emptier if f < FULL] == []


def test_a_long_delegation_runs_over_pages_broken_between_delegates(edition: Edition) -> None:
    host = [p.number for p in edition.pages for line in p.body if surname(3, 0)[:-2] in line.text]
    assert len(host) == HOST_SIZE
    assert len(set(host)) >= 3


def test_a_page_never_ends_with_a_name_or_a_heading(edition: Edition) -> None:
    headings = edition.headings()
    assert len(headings) > 30
    pages = edition.list_pages()
    ends = [(p.number, p.body[-1]) for p in pages[:-1]]
    assert [(n, line.text) for n, line in ends if is_name(line)] == []
    assert [(n, line.text) for n, line in ends if letters(line.text) in headings] == []
    # What opens a page of the list is a name or a heading, never a delegate's details.
    for page in pages[1:]:
        opening = page.body[0]
        assert is_name(opening) or letters(opening.text) in headings, (page.number, opening.text)


def test_a_long_delegations_continuation_pages_open_with_its_heading(edition: Edition) -> None:
    host = surname(3, 0)[:-2]
    tables = Document(str(edition.docx)).tables
    (table,) = [t for t in tables if any(host in p.text for p in t.rows[-1].cells[0].paragraphs)]
    heading = table.rows[0].cells[0].paragraphs[0]
    assert heading.style.name == "Delegation Heading"
    shown = sorted({p.number for p in edition.pages for line in p.body if host in line.text})
    assert len(shown) >= 3
    openings = [(n, edition.pages[n - 1].body[0].text) for n in shown[1:]]
    assert [(n, text) for n, text in openings if letters(text) != letters(heading.text)] == []


def test_a_delegations_heading_row_repeats_and_no_delegate_row_splits(edition: Edition) -> None:
    """In the .docx: each delegation's heading row is a header row (repeated on each page the
    table reaches), no row may break across pages, and the Arabic edition's tables run right
    to left."""
    tables = [
        t
        for t in Document(str(edition.docx)).tables
        if t.rows[0].cells[0].paragraphs
        and t.rows[0].cells[0].paragraphs[0].style.name == "Delegation Heading"
    ]
    assert len(tables) == 30, "one for each delegation of the meeting"
    for table in tables:
        properties = [row._tr.find(qn("w:trPr")) for row in table.rows]
        assert all(p is not None and p.find(qn("w:cantSplit")) is not None for p in properties)
        header = [p.find(qn("w:tblHeader")) is not None for p in properties]
        assert header == [True] + [False] * (len(table.rows) - 1)
        names = [row.cells[0].paragraphs[0].style.name for row in table.rows[1:]]
        assert set(names) == {"Delegate Name"}
        right_to_left = table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
        assert right_to_left == (edition.language is Language.AR)


def without_lead_in_keeps(docx: Path, target: Path) -> Path:
    """A copy of the report whose lead-ins keep with nothing (the control: where the pages
    of the same text would break without the rule)."""
    document = Document(str(docx))
    for paragraph in document.paragraphs:
        if paragraph.text.rstrip().endswith(":"):
            paragraph.paragraph_format.keep_with_next = None
    document.save(str(target))
    return target


def parted_lead_ins(pages: list[Page]) -> list[int]:
    """The pages ending with a lead-in whose list starts on the next."""
    flow = body_flow(pages)
    ends = [
        i
        for i, (_, line) in enumerate(flow)
        if line.text.endswith(":") and LEAD_IN_WORD in line.text
    ]
    assert len(ends) == LEAD_INS
    return [flow[i][0].number for i in ends if flow[i + 1][0] is not flow[i][0]]


def test_a_lead_in_shares_its_page_with_its_list(edition: Edition, tmp_path: Path) -> None:
    assert parted_lead_ins(edition.pages) == []
    control = without_lead_in_keeps(edition.docx, tmp_path / edition.docx.name)
    pdf = soffice_convert(control, "pdf", tmp_path)
    assert parted_lead_ins(read_pages(pdf, edition.margins)), "no lead-in falls at a page foot"


def test_the_annex_title_block_shares_its_page_with_the_list(edition: Edition) -> None:
    """Annex III's page opens with its title block and goes on with the first delegates."""
    annexes = [
        p.text for p in Document(str(edition.docx)).paragraphs if p.style.name == "Annex Heading"
    ]
    heading = annexes[2]  # the third annex, the list of participants
    first = edition.list_pages()[0]
    assert letters(first.body[0].text) == letters(heading)
