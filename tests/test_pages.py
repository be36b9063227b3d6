"""Page-level facts of the reports as LibreOffice lays them out, read from the PDF.

The sample and a 57-state meeting (some twenty pages, most of them participants) are
rendered; the sample through a template with 4 cm margins shows the programme table
following the text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from tests.pdf_pages import Line, Margins, Page, read_pages

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
            for p in Document(str(self.docx)).paragraphs
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


def where_headings_end(pages: list[Page], headings: list[str]) -> list[tuple[str, Page, Line]]:
    """Each heading, in document order, with the page and line its text ends on."""
    flow = [(page, line) for page in pages for line in page.body]
    found, cursor = [], 0
    for heading in headings:
        end = _find(flow, heading, cursor)
        if end is None:
            pytest.fail(f"heading not found in the PDF after line {cursor}: {heading}")
        found.append((heading, *flow[end]))
        cursor = end + 1
    return found


def _find(flow: list[tuple[Page, Line]], heading: str, start: int) -> int | None:
    """Where `heading` ends in the flow of body lines from `start`; a heading may wrap
    over up to three lines, possibly across a page break."""
    for index in range(start, len(flow)):
        joined = ""
        for end in range(index, min(index + 3, len(flow))):
            joined = f"{joined} {flow[end][1].text}".strip()
            if joined == heading:
                return end
    return None


def test_no_heading_is_the_last_line_of_a_page(rendered: Rendered) -> None:
    headings = rendered.headings()
    ends = where_headings_end(rendered.pages, headings)
    assert len(ends) == len(headings) > 20
    stranded = [(h, page.number) for h, page, line in ends if line == page.body[-1]]
    assert stranded == []


def test_every_participants_page_opens_with_a_heading(rendered: Rendered) -> None:
    """Every delegation of these meetings fits on a page, so none is split: each page of the
    list after its first opens with a delegation's or a section's heading."""
    first = rendered.first_page_of("ANNEX III")
    headings = rendered.headings()
    pages = rendered.pages[first:]
    assert len(pages) >= (9 if rendered.docx.stem == "big-meeting" else 2)
    for page in pages:
        opening = page.body[0].text
        assert any(h.startswith(opening) for h in headings), (page.number, opening)


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
