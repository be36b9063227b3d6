"""The built sample as LibreOffice renders it, compared with the published reference report."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

_SECTION_LINE = re.compile(r"^[A-Z]\.\s*[A-Z]")


def words(text: str) -> list[str]:
    """Words for comparison: HTML debris dropped, case and punctuation ignored."""
    text = re.sub(r"<[^>]+>", " ", text)
    return re.findall(r"\w+", text.casefold())


def similarity(reference: str, rendered: str) -> float:
    matcher = difflib.SequenceMatcher(None, words(reference), words(rendered), autojunk=False)
    return matcher.ratio()


def delegation_headings(text: str) -> list[str]:
    """Headings of delegations in the list of participants, in order of appearance."""
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("LIST OF PARTICIPANTS")
    headings = []
    for line in lines[start + 1 :]:
        letters = [c for c in line if c.isalpha()]
        if not letters or line.startswith("-") or _SECTION_LINE.match(line):
            continue
        if all(c.isupper() for c in letters):
            headings.append(line)
    return headings


def test_similarity_helpers_can_fail() -> None:
    assert similarity("one two three four", "one two three four") == 1.0
    assert similarity("one two three four", "five six seven eight") == 0.0


def test_report_reads_like_the_reference(reference_text: str, sample_text: str) -> None:
    ratio = similarity(reference_text, sample_text)
    print(f"word-level similarity to the reference report: {ratio:.4f}")
    assert ratio >= 0.97


def test_paragraph_numbers_one_to_thirteen_are_visible(sample_text: str) -> None:
    body = sample_text[: sample_text.index("ANNEX I")]
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s", body, flags=re.MULTILINE)]
    assert numbers == list(range(1, 14))


def test_agenda_is_numbered_from_one(sample_text: str) -> None:
    annex = sample_text[sample_text.index("ANNEX I") : sample_text.index("ANNEX II")]
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s", annex, flags=re.MULTILINE)]
    assert numbers == [1, 2, 3]


def test_delegations_appear_in_the_reference_order(reference_text: str, sample_text: str) -> None:
    expected = delegation_headings(reference_text)
    assert len(expected) == 28
    assert delegation_headings(sample_text) == expected


def test_section_letters_follow_the_reference(sample_text: str) -> None:
    sections = [
        line.strip() for line in sample_text.splitlines() if _SECTION_LINE.match(line.strip())
    ]
    assert sections == [
        "A. MEMBER COUNTRIES OF THE OIC",
        "B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
        "C. COMCEC COORDINATION OFFICE",
    ]


def test_each_annex_begins_a_page_in_the_pdf(sample_pdf: Path) -> None:
    pages = _pdf_pages(sample_pdf)
    starts = {
        title: [i for i, page in enumerate(pages) if page.lstrip().startswith(title + "\n")]
        for title in ("ANNEX I", "ANNEX II", "ANNEX III")
    }
    for title, found in starts.items():
        assert len(found) == 1, f"{title} should open exactly one page: {found}"
    assert starts["ANNEX I"][0] < starts["ANNEX II"][0] < starts["ANNEX III"][0]


def _pdf_pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler) is not installed; scripts/test installs it")
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"pdftotext failed: {result.stderr}")
    return [page.strip("\n") for page in result.stdout.split("\f")]
