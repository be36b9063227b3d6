"""A rendered PDF as pages of positioned lines, read with poppler's `pdftotext -bbox-layout`.

Lines are split into the page's header band, body (inside the margins) and footer band
using the document's own page setup, so tests can say "first line of the page" or "last
line of the page" about the text block, not about the running header or page number.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

_XHTML = "{http://www.w3.org/1999/xhtml}"
_EMU_PER_POINT = 12700
# Glyph boxes reach a little above the text block's top (ascenders) and below its bottom.
TOLERANCE = 3.0


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    text: str
    box: Box
    words: tuple[tuple[str, Box], ...]


@dataclass(frozen=True)
class Margins:
    """The text block of the document's first section, in points from the page's corner."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, docx: Path) -> Margins:
        section = Document(str(docx)).sections[0]
        pt = [
            v / _EMU_PER_POINT
            for v in (
                section.left_margin,
                section.top_margin,
                section.page_width - section.right_margin,
                section.page_height - section.bottom_margin,
            )
        ]
        return cls(*pt)

    def holds(self, box: Box) -> bool:
        return (
            box.x0 >= self.left - TOLERANCE
            and box.x1 <= self.right + TOLERANCE
            and box.y0 >= self.top - TOLERANCE
            and box.y1 <= self.bottom + TOLERANCE
        )


@dataclass(frozen=True)
class Page:
    number: int
    header: tuple[Line, ...]
    body: tuple[Line, ...]
    footer: tuple[Line, ...]


def read_pages(pdf: Path, margins: Margins) -> list[Page]:
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"pdftotext failed on {pdf.name}: {result.stderr.decode()}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(result.stdout, parser)
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        lines = sorted((_line(e) for e in page.iter(f"{_XHTML}line")), key=_reading_order)
        pages.append(
            Page(
                number,
                tuple(line for line in lines if line.box.y1 < margins.top - TOLERANCE),
                tuple(
                    line
                    for line in lines
                    if margins.top - TOLERANCE <= line.box.y1
                    and line.box.y0 <= margins.bottom + TOLERANCE
                ),
                tuple(line for line in lines if line.box.y0 > margins.bottom + TOLERANCE),
            )
        )
    return pages


def _line(element: etree._Element) -> Line:
    words = tuple((w.text or "", _box(w)) for w in element.iter(f"{_XHTML}word"))
    return Line(" ".join(text for text, _ in words), _box(element), words)


def _box(element: etree._Element) -> Box:
    return Box(*(float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))


def _reading_order(line: Line) -> tuple[float, float]:
    return (round(line.box.y0, 1), line.box.x0)


Flow = list[tuple[Page, Line]]


def body_flow(pages: list[Page]) -> Flow:
    """The body lines of all pages in reading order, each with its page."""
    return [(page, line) for page in pages for line in page.body]


def locate(flow: Flow, texts: list[str]) -> list[tuple[int, int]]:
    """Where each paragraph text starts and ends in the flow, searched in document order.

    Each is looked for after the previous one, joining up to three lines for a text that
    wraps (possibly across a page break), so a text repeated elsewhere (a body heading
    and an agenda line alike) is found where the document has it.
    """
    found, cursor = [], 0
    for text in texts:
        span = _find(flow, text, cursor)
        if span is None:
            pytest.fail(f"not found in the PDF after line {cursor}: {text}")
        found.append(span)
        cursor = span[1] + 1
    return found


def _find(flow: Flow, text: str, start: int) -> tuple[int, int] | None:
    for index in range(start, len(flow)):
        joined = ""
        for end in range(index, min(index + 3, len(flow))):
            joined = f"{joined} {flow[end][1].text}".strip()
            if joined == text:
                return index, end
    return None
