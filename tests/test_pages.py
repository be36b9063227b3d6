"""Page-level facts of the reports as LibreOffice lays them out, read from the PDF.

The sample and a 57-state meeting (some twenty pages, most of them participants, the
host's delegation too long for one page) are rendered; the sample through a template with 4 cm margins shows the programme table
following the text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from tests.docx_facts import lines_in_order
from tests.pdf_pages import Line, Margins, Page, body_flow, locate, read_pages

ANNEXES = ("ANNEX I", "ANNEX II", "ANNEX III")
HEADING_STYLES = {"Section Heading", "Participants Section", "Delegation Heading"}
TIME = re.compile(r"^\d{1,2}[.:]\d{2}$")


@dataclass(frozen=True)
class Rendered:
    docx: Path
    pages: list[Page]
    margins: Margins

    def first_page_of(self, title: str) -> int:
        (found,) = [p.number for p in self.pages if p.body and p.body[0].text == title]
        return found

    def headings(self) -> list[str]:
        return [
            " ".join(p.text.split())
            for p in lines_in_order(Document(str(self.docx)))
            if p.style.name in HEADING_STYLES
        ]


@pytest.fixture(scope="module", params=["sample", "big"])
def rendered(request: pytest.FixtureRequest) -> Rendered:
    docx, pdf = {
        "sample": ("built_sample", "sample_pdf"),
        "big": ("big_meeting_docx", "big_meeting_pdf"),
    }[request.param]
    path = request.getfixturevalue(docx)
    margins = Margins.of(path)
    return Rendered(path, read_pages(request.getfixturevalue(pdf), margins), margins)


def test_each_annex_heading_is_the_first_text_of_its_page(rendered: Rendered) -> None:
    starts = [rendered.first_page_of(title) for title in ANNEXES]
    assert starts == sorted(starts)
    assert starts[0] > 1


def test_page_numbers_run_from_one_to_the_last_page(rendered: Rendered) -> None:
    numbers = [" ".join(line.text for line in page.footer) for page in rendered.pages]
    assert numbers == [str(n) for n in range(1, len(rendered.pages) + 1)]


def test_no_heading_is_the_last_line_of_a_page(rendered: Rendered) -> None:
    headings = rendered.headings()
    flow = body_flow(rendered.pages)
    ends = [end for _, end in locate(flow, headings)]
    assert len(ends) == len(headings) > 20
    stranded = [
        (heading, flow[end][0].number)
        for heading, end in zip(headings, ends, strict=True)
        if flow[end][1] == flow[end][0].body[-1]
    ]
    assert stranded == []


def is_name(line: Line) -> bool:
    return line.text.startswith("-")


def test_a_delegates_name_and_details_share_a_page(rendered: Rendered) -> None:
    """No page of the list opens with a delegate's details or ends with a delegate's name."""
    headings = rendered.headings()
    pages = rendered.pages[rendered.first_page_of("ANNEX III") - 1 :]
    assert len(pages) >= (15 if rendered.docx.stem == "big-meeting" else 3)
    for page in pages[1:]:
        opening = page.body[0]
        assert is_name(opening) or any(h.startswith(opening.text) for h in headings), (
            page.number,
            opening.text,
        )
    assert [p.number for p in pages if is_name(p.body[-1])] == []


def delegation_sizes(docx: Path) -> list[int]:
    """The number of delegates under each heading, in document order."""
    sizes: list[int] = []
    for paragraph in lines_in_order(Document(str(docx))):
        if paragraph.style.name in HEADING_STYLES:
            sizes.append(0)
        elif paragraph.style.name == "Delegate Name":
            sizes[-1] += 1
    return sizes


def test_a_short_delegation_is_not_split(rendered: Rendered) -> None:
    """Delegations of up to three are each on one page (a longer one may break between its
    delegates, to fill the page); the host's 24 delegates run over pages."""
    headings = rendered.headings()
    flow = body_flow(rendered.pages)
    starts = [start for start, _ in locate(flow, headings)]
    pages_of = {
        heading: {flow[i][0].number for i in range(start, end)}
        for heading, start, end in zip(headings, starts, [*starts[1:], len(flow)], strict=True)
    }
    sizes = dict(zip(headings, delegation_sizes(rendered.docx), strict=True))
    split = [h for h, pages in pages_of.items() if 0 < sizes[h] <= 3 and len(pages) > 1]
    assert split == []
    if rendered.docx.stem == "big-meeting":
        assert len(pages_of["REPUBLIC OF TÜRKİYE"]) > 1


def programme_pages(rendered: Rendered) -> list[Page]:
    first, last = rendered.first_page_of("ANNEX II"), rendered.first_page_of("ANNEX III")
    return rendered.pages[first - 1 : last - 1]


def test_the_programme_lies_inside_the_margins(rendered: Rendered) -> None:
    words = [
        box for page in programme_pages(rendered) for line in page.body for _, box in line.words
    ]
    assert len(words) > 50
    outside = [box for box in words if not rendered.margins.holds(box)]
    assert outside == []


def test_the_programme_follows_a_narrower_text_block(
    restyled_docx: Path, restyled_pdf: Path
) -> None:
    """4 cm margins leave 13 cm: a table of fixed 16 cm width would overhang both sides."""
    margins = Margins.of(restyled_docx)
    assert margins.right - margins.left < 13.1 / 2.54 * 72
    rendered = Rendered(restyled_docx, read_pages(restyled_pdf, margins), margins)
    pages = programme_pages(rendered)
    boxes = [box for page in pages for line in page.body for _, box in line.words]
    assert [b for b in boxes if not margins.holds(b)] == []
    times = [
        box for page in pages for line in page.body for text, box in line.words if TIME.match(text)
    ]
    assert times and min(b.x0 for b in times) - margins.left < 12  # the table starts at the margin


def test_each_slot_starts_level_with_its_time(rendered: Rendered) -> None:
    """The first line of a slot's content sits on the same line as its time, whether it is a
    title, a description or a bullet."""
    checked = 0
    for page in programme_pages(rendered):
        words = [(text, box) for line in page.body for text, box in line.words]
        starts = [box for text, box in words if TIME.match(text)]
        column = max(box.x1 for box in starts) + 12 if starts else 0
        for start in starts:
            if start.x0 > column:
                continue
            beside = [b for _, b in words if b.x0 > column and abs(b.y0 - start.y0) < 8]
            if not beside:
                continue  # an end time on the second line of a wrapped slot
            assert min(abs(b.y0 - start.y0) for b in beside) < 0.5, (page.number, start)
            checked += 1
    assert checked >= 6
