"""The programme (Annex II) never leaves its closing slot alone under the repeated header
on a page of its own: read from LibreOffice's PDF of the sample, in every edition (the
Arabic one's programme runs over a page), and from the .docx, where the slot before the
last keeps with it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document

import reportkit
from reportkit.model import Language
from tests.conftest import soffice_convert
from tests.docx_facts import programme_table

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "comcec-digital-2022.xlsx"
# A slot's time range as every edition prints it (digits read back from the PDF).
SLOT = re.compile(r"\d\d\.\d\d – \d\d\.\d\d")
# Where Annex II and Annex III begin, in each edition's words.
OPENINGS = {
    Language.EN: ("ANNEX II", "ANNEX III"),
    Language.FR: ("ANNEXE II", "ANNEXE III"),
    Language.AR: ("الملحق الثاني", "الملحق الثالث"),
}


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def opens(page: str, heading: str) -> bool:
    """Whether a line of `page` is `heading` alone (poppler wraps Arabic lines in
    directional marks; the body may name an annex in its running text)."""
    return any(
        line.strip(" \u202a\u202b\u202c\u202d\u202e") == heading for line in page.splitlines()
    )


@pytest.fixture(scope="module", params=list(Language), ids=lambda lang: lang.value)
def edition(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Language, Path, Path]:
    out = tmp_path_factory.mktemp(f"programme-{request.param.value}")
    docx = reportkit.build(SAMPLE, out, language=request.param)
    return request.param, docx, soffice_convert(docx, "pdf", out)


def test_the_programmes_last_page_shows_more_than_its_closing_slot(
    edition: tuple[Language, Path, Path],
) -> None:
    language, _, pdf = edition
    start, end = OPENINGS[language]
    pages = page_texts(pdf)
    first = next(i for i, page in enumerate(pages) if opens(page, start))
    last = next(i for i, page in enumerate(pages) if opens(page, end)) - 1
    slots = [len(SLOT.findall(page)) for page in pages[first : last + 1]]
    assert sum(slots) >= 6, slots
    assert all(count >= 2 for count in slots), slots


def test_the_slot_before_the_last_keeps_with_it(edition: tuple[Language, Path, Path]) -> None:
    _, docx, _ = edition
    table = programme_table(Document(str(docx)))
    *_, before_last, last = table.rows
    assert all(p.paragraph_format.keep_with_next for p in before_last.cells[1].paragraphs)
    assert not any(p.paragraph_format.keep_with_next for p in last.cells[1].paragraphs)
