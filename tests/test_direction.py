"""Direction by script, in rendered reports: text left in English in the Arabic edition runs
left to right, a Latin name inside Arabic keeps its punctuation, number ranges and the
Arabic date line read as typed, and Arabic text in the English edition runs right to left —
in the XML Word reads, and as LibreOffice reads and prints it."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import reportkit
from reportkit.model import Language
from tests.conftest import soffice_convert
from tests.ooxml import problems
from tests.workbooks import variant, write_workbook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
LRM, RLM = "\u200e", "\u200f"
# What pdftotext -layout wraps right-to-left stretches in: embeddings and marks.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

ENGLISH = "Reports were sent to the national administrations."
DATE_LINE = "(10-11 مايو / أيار 2017)"
ACME = "قدمت شركة Acme Co. تقريرها إلى الاجتماع."
ITC = "تحدث ممثل International Trade Centre (ITC) عن التجارة."
RANGE = "عُقد الاجتماع يومي 10-11 مايو في أنقرة."
CAIRO = "The Meeting thanked جامعة القاهرة."


def meeting() -> dict[str, list[list[object]]]:
    """English and Arabic editions; the first paragraph has no Arabic text, the last
    English one names an Arabic institution in Arabic."""
    return variant(
        Meeting=[
            ["Field", "Value", "Value ar"],
            ["title", "2nd Meeting", "الاجتماع الثاني"],
            ["date", date(2017, 5, 10)],
            ["end_date", date(2017, 5, 11)],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "en, ar"],
        ],
        Report=[
            ["Kind", "Text", "Text ar"],
            ["paragraph", ENGLISH, None],
            ["paragraph", "Acme Co. reported to the Meeting.", ACME],
            ["paragraph", "ITC spoke on trade.", ITC],
            ["paragraph", "The Meeting was held on 10-11 May in Ankara.", RANGE],
            ["paragraph", CAIRO, "شكر الاجتماع جامعة القاهرة."],
        ],
        Participants=[
            ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
            ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"],
            ["Egypt", None, "Ziya", "Sari", "Expert", None],
        ],
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each edition's report and LibreOffice's PDF of it."""
    folder = tmp_path_factory.mktemp("direction")
    workbook = write_workbook(folder / "meeting.xlsx", meeting())
    reports = {
        "ar": reportkit.build(workbook, folder / "out", language=Language.AR),
        "en": reportkit.build(workbook, folder / "out", language=Language.EN),
    }
    return {
        **reports,
        **{f"{k}.pdf": soffice_convert(v, "pdf", folder / k) for k, v in reports.items()},
    }


def body(docx: Path) -> etree._Element:
    with zipfile.ZipFile(docx) as package:
        return etree.fromstring(package.read("word/document.xml"))


def paragraph_of(docx: Path, start: str) -> etree._Element:
    """The body paragraph whose text (without directional marks) starts with `start`."""
    found = [p for p in body(docx).iter(f"{W}p") if plain(p).startswith(start)]
    assert len(found) == 1, start
    return found[0]


def plain(paragraph: etree._Element) -> str:
    return BIDI_CONTROLS.sub("", "".join(t.text or "" for t in paragraph.iter(f"{W}t")))


def direction(paragraph: etree._Element) -> str:
    """`rtl`, `ltr` as the paragraph says, or `style` when it leaves it to its style."""
    bidi = paragraph.find(f"{W}pPr/{W}bidi")
    if bidi is None:
        return "style"
    return "ltr" if bidi.get(f"{W}val") in ("0", "false", "off") else "rtl"


def runs(paragraph: etree._Element) -> list[tuple[str, bool]]:
    """Each run's text and whether it is marked right to left."""
    return [
        ("".join(t.text or "" for t in r.iter(f"{W}t")), r.find(f"{W}rPr/{W}rtl") is not None)
        for r in paragraph.iter(f"{W}r")
    ]


def layout_lines(pdf: Path) -> list[str]:
    """pdftotext -layout's lines, its right-to-left embeddings taken out, spaces evened."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(BIDI_CONTROLS.sub("", line).split()) for line in text.splitlines()]


def visual_words(pdf: Path, *among: str) -> list[str]:
    """The words of the PDF line holding each of `among`, left to right as printed (poppler
    gives an Arabic word's letters in that order too, so reversed)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    page = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
        words = [text for _, text in sorted((float(w.get("xMin")), w.text or "") for w in line)]
        if set(among) <= set(words):
            return words
    raise AssertionError(f"no line of {pdf.name} holds {among}")


def writing_mode(odt: Path, start: str) -> str:
    """LibreOffice's writing mode for the paragraph starting with `start` (`lr-tb`,
    `rl-tb`), from its style or the parents of its style."""
    with zipfile.ZipFile(odt) as package:
        content = etree.fromstring(package.read("content.xml"))
        styles = etree.fromstring(package.read("styles.xml"))
    named = {
        s.get(f"{ODF_STYLE}name"): s
        for root in (styles, content)
        for s in root.iter(f"{ODF_STYLE}style")
        if s.get(f"{ODF_STYLE}family") == "paragraph"
    }
    paragraph = next(
        p for p in content.iter(f"{ODF_TEXT}p") if "".join(p.itertext()).startswith(start)
    )
    name = paragraph.get(f"{ODF_TEXT}style-name")
    while name:
        found = named[name].find(f"{ODF_STYLE}paragraph-properties")
        if found is not None and found.get(f"{ODF_STYLE}writing-mode"):
            return found.get(f"{ODF_STYLE}writing-mode")
        name = named[name].get(f"{ODF_STYLE}parent-style-name")
    return "page"


def test_every_part_of_both_editions_is_valid(built: dict[str, Path]) -> None:
    assert problems(built["ar"]) == []
    assert problems(built["en"]) == []


def test_a_paragraph_left_in_english_runs_left_to_right_in_the_arabic_edition(
    built: dict[str, Path],
) -> None:
    english = paragraph_of(built["ar"], ENGLISH)
    assert direction(english) == "ltr"
    assert runs(english) == [(ENGLISH, False)]
    assert direction(paragraph_of(built["ar"], "قدمت شركة")) == "rtl"


def test_libreoffice_reads_and_prints_it_left_to_right_its_full_stop_at_the_end(
    built: dict[str, Path], tmp_path: Path
) -> None:
    odt = soffice_convert(built["ar"], "odt", tmp_path)
    assert writing_mode(odt, ENGLISH) == "lr-tb"
    assert writing_mode(odt, "قدمت شركة") == "rl-tb"
    # Its number on the left, as in the English edition, and the full stop last.
    assert f"1. {ENGLISH}" in layout_lines(built["ar.pdf"])
    assert visual_words(built["ar.pdf"], "Reports")[-1] == "administrations."


def test_a_latin_name_ending_in_a_full_stop_keeps_it_inside_arabic_text(
    built: dict[str, Path],
) -> None:
    paragraph = paragraph_of(built["ar"], "قدمت شركة")
    assert direction(paragraph) == "rtl"
    # Its own left-to-right run, the full stop in it, and a left-to-right mark after it,
    # which LibreOffice needs to keep the full stop there.
    assert runs(paragraph) == [
        ("قدمت شركة ", True),
        (f"Acme Co.{LRM}", False),
        (" تقريرها إلى الاجتماع.", True),
    ]
    words = visual_words(built["ar.pdf"], "Acme")
    assert words[words.index("Acme") + 1] == "Co."
    assert "Acme Co." in " ".join(layout_lines(built["ar.pdf"]))


def test_a_latin_name_ending_in_a_bracket_keeps_it_inside_arabic_text(
    built: dict[str, Path],
) -> None:
    paragraph = paragraph_of(built["ar"], "تحدث ممثل")
    assert (f"International Trade Centre (ITC){LRM}", False) in runs(paragraph)
    words = visual_words(built["ar.pdf"], "International")
    start = words.index("International")
    assert words[start : start + 4] == ["International", "Trade", "Centre", "(ITC)"]


def test_a_number_range_in_arabic_text_reads_as_typed(built: dict[str, Path]) -> None:
    """After an Arabic word Unicode reads `10-11` as Arabic numbers, right to left, and Word
    sets the hyphen of a right-to-left run so: the range is a run of its own, in the
    complex-script font, behind a left-to-right mark."""
    paragraph = paragraph_of(built["ar"], "عُقد الاجتماع يومي")
    assert (f"{LRM}10-11", False) in runs(paragraph)
    number = next(r for r in paragraph.iter(f"{W}r") if "10-11" in "".join(r.itertext()))
    assert number.find(f"{W}rPr/{W}cs") is not None and number.find(f"{W}rPr/{W}rtl") is None
    # Printed whole between the words it was typed between (يومي on its right, مايو on
    # its left), not as 11-10.
    words = visual_words(built["ar.pdf"], "10-11", "يموي")
    at = words.index("10-11")
    assert words[at - 1 : at + 2] == ["ويام", "10-11", "يموي"]


def test_the_arabic_date_line_reads_as_typed(built: dict[str, Path]) -> None:
    date_lines = [p for p in body(built["ar"]).iter(f"{W}p") if plain(p) == DATE_LINE]
    assert len(date_lines) == 4  # the title block's and each annex's
    for paragraph in date_lines:
        assert direction(paragraph) != "ltr"
        assert runs(paragraph) == [("(", True), ("10-11", False), (" مايو / أيار 2017)", True)]
    # As printed, left to right: the closing bracket (mirrored) and the year at the left
    # end, the range whole beside the opening bracket at the right end. (pdftotext -layout
    # reads this line back as "(10-11 مايو / أيار )2017", gluing the bracket to the year
    # beside it, as it did before; the page is as typed.)
    assert visual_words(built["ar.pdf"], "10-11") == [
        ")",
        "2017",
        "رايأ",
        "/",
        "ويام",
        "10-11",
        "(",
    ]
    assert f"1. {ENGLISH}" in layout_lines(built["ar.pdf"])


def test_a_latin_venue_before_the_arabic_date_keeps_its_place(tmp_path: Path) -> None:
    """`(Ankara، 10-11 مايو / أيار 2017)`: Unicode joins digits after a Latin word to it,
    printing `(2017 أيار / مايو Ankara، 10-11)`, the range beside the opening bracket; a
    right-to-left mark after the venue's comma gives the range back to the Arabic date."""
    sheets = meeting()
    sheets["Meeting"] += [["venue", "Ankara", None], ["date_style", "venue-first"]]
    docx = reportkit.build(
        write_workbook(tmp_path / "m.xlsx", sheets), tmp_path, language=Language.AR
    )
    line = next(p for p in body(docx).iter(f"{W}p") if plain(p).startswith("(Ankara"))
    assert runs(line) == [
        ("(", True),
        ("Ankara", False),
        (f"{RLM}، ", True),
        ("10-11", False),
        (" مايو / أيار 2017)", True),
    ]
    pdf = soffice_convert(docx, "pdf", tmp_path)
    assert visual_words(pdf, "10-11") == [
        ")",
        "2017",
        "رايأ",
        "/",
        "ويام",
        "10-11",
        "،",
        "Ankara",
        "(",
    ]


def test_arabic_text_in_the_english_edition_runs_right_to_left_with_its_full_stop(
    built: dict[str, Path],
) -> None:
    paragraph = paragraph_of(built["en"], "The Meeting thanked")
    assert direction(paragraph) == "style"  # the English edition's, left to right
    assert runs(paragraph) == [("The Meeting thanked ", False), (f"جامعة القاهرة.{RLM}", True)]
    # Printed right to left, جامعة on the right and the full stop at the left end of the
    # name, which ends there.
    assert visual_words(built["en.pdf"], "thanked")[-3:] == [".", "ةرهاقلا", "ةعماج"]


def test_a_programme_cell_left_in_english_runs_left_to_right_in_the_arabic_edition(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """The programme's title "Opening" has no Arabic twin: its cell reads left to right in
    the right-to-left table, while the time beside it (no letters) keeps the edition's."""
    table = next(body(built["ar"]).iter(f"{W}tbl"))
    cells = {plain(p): direction(p) for p in table.iter(f"{W}p") if plain(p)}
    assert cells["Opening"] == "ltr"
    assert [d for text, d in cells.items() if text != "Opening"] and all(
        d == "rtl" for text, d in cells.items() if text != "Opening"
    )
    odt = soffice_convert(built["ar"], "odt", tmp_path)
    assert writing_mode(odt, "Opening") == "lr-tb"


def test_a_latin_name_in_the_arabic_list_runs_right_to_left_with_the_list(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """A name typed without an honorific has no Arabic letter, yet its line belongs to the
    right-to-left list: it starts at the right margin like the others, the name an island."""
    name = paragraph_of(built["ar"], "-ZIYA SARI")
    assert direction(name) == "rtl"
    assert runs(name) == [("-", True), ("ZIYA SARI", False)]
    odt = soffice_convert(built["ar"], "odt", tmp_path)
    assert writing_mode(odt, "-ZIYA SARI") == writing_mode(odt, "-السيد") == "rl-tb"
    assert direction(paragraph_of(built["en"], "-ZIYA SARI")) == "style"
