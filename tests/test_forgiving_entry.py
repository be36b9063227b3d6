"""Entry as Excel users type it is read, built, and always said at its cell."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

import reportkit
from reportkit.read.cells import number_as_time, swapped_reading, typed_number
from reportkit.read.honorifics import HOUSE_LIST, house_honorific
from tests.checked import built_texts, lines_of
from tests.workbooks import MINIMAL, variant, write_workbook

PROGRAMME_HEADER = ["Day", "Start", "End", "Title", "Points"]
PEOPLE_HEADER = list(MINIMAL["Participants"][0])


def test_times_typed_as_numbers_are_read_and_said(tmp_path: Path) -> None:
    programme = [
        PROGRAMME_HEADER,
        [None, 9.3, 10, "Opening"],
        [None, 10.15, 0.46875, "Session"],
    ]
    path = write_workbook(tmp_path / "t.xlsx", variant(Programme=programme))
    assert lines_of(path) == [
        "t.xlsx: Programme!B2: warning: the number 9.3 was read as the time 09.30 — if that is"
        " right, type it as 9:30 so that Excel stores a time",
        "t.xlsx: Programme!C2: warning: the number 10 was read as the time 10.00 — if that is"
        " right, type it as 10:00 so that Excel stores a time",
        "t.xlsx: Programme!B3: warning: the number 10.15 was read as the time 10.15 — if that is"
        " right, type it as 10:15 so that Excel stores a time",
    ]
    texts = built_texts(path, tmp_path / "out")
    assert "09.30 – 10.00" in texts
    assert "10.15 – 11.15" in texts


def test_a_number_typed_in_a_cell_formatted_as_time_is_read_as_typed(tmp_path: Path) -> None:
    """`reportkit new` formats time cells; Excel still stores `9.30` typed there as 9.3."""
    programme = [PROGRAMME_HEADER, [None, 9.3, 10.45, "Opening"]]
    path = write_workbook(tmp_path / "f.xlsx", variant(Programme=programme))
    book = load_workbook(path)
    for cell in ("B2", "C2"):
        book["Programme"][cell].number_format = "[<1]hh.mm;0.00"
    book.save(path)
    assert [p.location for p in reportkit.check(path)] == ["Programme!B2", "Programme!C2"]
    assert "09.30 – 10.45" in built_texts(path, tmp_path / "out")


def test_numbers_that_are_no_time_are_errors_that_do_not_contradict_themselves(
    tmp_path: Path,
) -> None:
    programme = [PROGRAMME_HEADER, [None, 10.75, 25, "Opening"], [None, "9.5x", "10.15", "B"]]
    path = write_workbook(tmp_path / "n.xlsx", variant(Programme=programme))
    assert lines_of(path) == [
        "n.xlsx: Programme!B2: the number 10.75 is not a time of day — type the time with a"
        " colon, e.g. 13:15",
        "n.xlsx: Programme!C2: the number 25 is not a time of day — type the time with a colon,"
        " e.g. 13:15",
        'n.xlsx: Programme!B3: "9.5x" is not a time — enter a time such as 13.15 or 13:15',
    ]


def test_a_row_with_only_a_day_opens_the_day_for_the_rows_below(tmp_path: Path) -> None:
    programme = [
        PROGRAMME_HEADER,
        [date(2023, 5, 2)],
        [None, "10.00", "10.30", "Opening"],
        [datetime(2023, 5, 3)],
        [None, "09.00", "09.30", "Second day"],
        [date(2023, 5, 4)],
    ]
    path = write_workbook(tmp_path / "d.xlsx", variant(Programme=programme))
    assert lines_of(path) == [
        "d.xlsx: Programme!A2: warning: a row with only a Day: the slots below it are on"
        " Tuesday, May 2nd, 2023 — nothing to do if that is meant",
        "d.xlsx: Programme!A4: warning: a row with only a Day: the slots below it are on"
        " Wednesday, May 3rd, 2023 — nothing to do if that is meant",
        "d.xlsx: Programme!A6: warning: no slot follows the Day Thursday, May 4th, 2023, so it is"
        " not printed — add the day's slots below it, or delete the row",
    ]
    texts = built_texts(path, tmp_path / "out")
    programme = texts[texts.index("Tuesday, May 2nd, 2023") :]
    assert programme.index("Opening") < programme.index("Wednesday, May 3rd, 2023")
    assert programme.index("Wednesday, May 3rd, 2023") < programme.index("Second day")
    assert "Thursday, May 4th, 2023" not in texts


def test_a_day_row_that_is_no_date_is_one_error_at_the_day(tmp_path: Path) -> None:
    programme = [PROGRAMME_HEADER, ["Tuesday"], [None, "10.00", "10.30", "Opening"]]
    path = write_workbook(tmp_path / "d.xlsx", variant(Programme=programme))
    assert lines_of(path) == [
        'd.xlsx: Programme!A2: "Tuesday" is not a date — enter it as an Excel date, e.g. 1 November'
        " 2022"
    ]


def test_typed_numbers_and_bullets_are_removed_where_word_adds_its_own(tmp_path: Path) -> None:
    report = [
        ["Kind", "Text"],
        ["paragraph", "1. The Meeting was held."],
        ["paragraph", "2) It was opened."],
        ["bullet", "• A point."],
        ["bullet", "a) Another point."],
        ["paragraph", "1.5 million people took part; M. Ali spoke."],
        ["heading", "1. Introduction"],
    ]
    agenda = [["Kind", "Text"], ["item", "(1) Opening"], ["unnumbered", "- Closing"]]
    programme = [
        PROGRAMME_HEADER,
        [None, "10.00", "10.30", "Opening", "- Welcome\n*Tour* of the site"],
    ]
    path = write_workbook(
        tmp_path / "m.xlsx", variant(Report=report, Agenda=agenda, Programme=programme)
    )
    word = "delete it from the cell"
    assert lines_of(path) == [
        'm.xlsx: Report!B2: warning: the typed "1." was removed from the start of the text — Word'
        f" numbers paragraphs itself (Kind bullet gives a bullet); {word}",
        'm.xlsx: Report!B3: warning: the typed "2)" was removed from the start of the text — Word'
        f" numbers paragraphs itself (Kind bullet gives a bullet); {word}",
        'm.xlsx: Report!B4: warning: the typed "•" was removed from the start of the text — Word'
        f" puts the bullet itself; {word}",
        'm.xlsx: Report!B5: warning: the typed "a)" was removed from the start of the text — Word'
        f" puts the bullet itself; {word}",
        'm.xlsx: Agenda!B2: warning: the typed "(1)" was removed from the start of the text — Word'
        f" numbers agenda items itself; {word}",
        'm.xlsx: Programme!E2: warning: a typed bullet ("-") was removed from the start of a line'
        " — each line prints with a bullet of its own; delete the typed ones from the cell",
    ]
    texts = built_texts(path, tmp_path / "out")
    for kept in (
        "The Meeting was held.",
        "It was opened.",
        "A point.",
        "Another point.",
        "1.5 million people took part; M. Ali spoke.",
        "1. Introduction",
        "Opening",
        "- Closing",
        "Welcome",
        "Tour of the site",
    ):
        assert kept in texts


def test_with_sections_numbered_headings_lose_typed_numbers_and_paragraphs_keep_theirs(
    tmp_path: Path,
) -> None:
    meeting = [*MINIMAL["Meeting"], ["numbering", "sections"]]
    report = [
        ["Kind", "Text"],
        ["heading", "1. Opening Session"],
        ["subheading", "1.1 Overview"],
        ["paragraph", "1. A number typed in running text stays."],
        ["item", "(a) A recommendation."],
    ]
    path = write_workbook(tmp_path / "s.xlsx", variant(Meeting=meeting, Report=report))
    assert lines_of(path) == [
        's.xlsx: Report!B2: warning: the typed "1." was removed from the start of the text — Word'
        " numbers headings itself (numbering is sections); delete it from the cell",
        's.xlsx: Report!B3: warning: the typed "1.1" was removed from the start of the text — Word'
        " numbers sub-headings itself (numbering is sections); delete it from the cell",
        's.xlsx: Report!B5: warning: the typed "(a)" was removed from the start of the text — Word'
        " numbers items itself; delete it from the cell",
    ]
    texts = built_texts(path, tmp_path / "out")
    for kept in ("Opening Session", "Overview", "1. A number typed in running text stays."):
        assert kept in texts


def test_honorifics_are_printed_as_the_house_spells_them(tmp_path: Path) -> None:
    people = [
        PEOPLE_HEADER,
        ["Egypt", "Mr", "Ahmed", "Hassan", "Director", None],
        ["Egypt", "H.E. Dr.", "Mona", "Said", "Minister", None],
        ["Indonesia", "prof dr", "Siti", "Rahayu", "Adviser", None],
        ["Mali", "Sr.", "Awa", "Keita", "Adviser", None],
    ]
    path = write_workbook(tmp_path / "h.xlsx", variant(Participants=people))
    assert lines_of(path) == [
        'h.xlsx: Participants!B2: warning: the honorific "Mr" is printed "Mr.", as the house list'
        ' spells it — nothing to do; type "Mr." to silence this',
        'h.xlsx: Participants!B4: warning: the honorific "prof dr" is printed "Prof. Dr.", as the'
        ' house list spells it — nothing to do; type "Prof. Dr." to silence this',
        'h.xlsx: Participants!B5: warning: the honorific "Sr." is not in the house list; printed as'
        " typed — if it is a slip, pick one from the dropdown (Mr., Ms., Mrs., Dr., Prof., H.E.,"
        " Eng. …); titles may be combined, as in H.E. Dr.",
    ]
    texts = built_texts(path, tmp_path / "out")
    for name in ("-Mr. AHMED HASSAN", "-H.E. Dr. MONA SAID", "-Prof. Dr. SITI RAHAYU"):
        assert name in texts
    assert "-Sr. AWA KEITA" in texts


def test_a_missing_first_or_last_name_is_printed_and_said(tmp_path: Path) -> None:
    people = [
        PEOPLE_HEADER,
        ["Indonesia", "Ms.", None, "Rahayu", "Adviser", None],
        ["Egypt", "Mr.", "Ahmed", "", "Director", None],
    ]
    path = write_workbook(tmp_path / "n.xlsx", variant(Participants=people))
    assert lines_of(path) == [
        "n.xlsx: Participants!C2: warning: the First name is empty; only the last name is printed"
        " — type the first name, or leave it empty if the person goes by one name",
        "n.xlsx: Participants!D3: warning: the Last name is empty; only the first name is printed"
        " — type the last name, or leave it empty if the person goes by one name",
    ]
    texts = built_texts(path, tmp_path / "out")
    assert "-Ms. RAHAYU" in texts
    assert "-Mr. AHMED" in texts


def test_a_text_date_that_reads_both_ways_says_which_it_was_read_as(tmp_path: Path) -> None:
    meeting = [
        ["Field", "Value"],
        ["title", "T"],
        ["date", "05/10/2024"],
        ["end_date", "13/10/2024"],
    ]
    programme = [PROGRAMME_HEADER, ["06.10.2024", "10.00", "10.30", "Opening"]]
    path = write_workbook(tmp_path / "a.xlsx", variant(Meeting=meeting, Programme=programme))
    assert lines_of(path) == [
        'a.xlsx: Meeting!B3: warning: "05/10/2024" was read as 5 October 2024 — if 10 May 2024 was'
        " meant, type it as 10 May 2024; an Excel date or 2024-10-05 is never ambiguous",
        'a.xlsx: Programme!A2: warning: "06.10.2024" was read as 6 October 2024 — if 10 June 2024'
        " was meant, type it as 10 June 2024; an Excel date or 2024-10-05 is never ambiguous",
    ]
    texts = built_texts(path, tmp_path / "out")
    assert "(October 5th-13th, 2024)" in texts
    assert "Sunday, October 6th, 2024" in texts


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (9.3, 9.3),
        (10, 10.0),
        (0.5, None),
        (True, None),
        ("9.3", None),
        (datetime(1900, 1, 9, 7, 12), 9.3),
        (datetime(2022, 11, 1, 13, 15), None),
    ],
)
def test_typed_number(value: object, expected: float | None) -> None:
    assert typed_number(value) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (9.3, time(9, 30)),
        (10.15, time(10, 15)),
        (10, time(10, 0)),
        (23.59, time(23, 59)),
        (9.05, time(9, 5)),
        (10.75, None),
        (24, None),
        (9.305, None),
    ],
)
def test_number_as_time(number: float, expected: time | None) -> None:
    assert number_as_time(number) == expected


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("05/10/2024", date(2024, 5, 10)),
        ("5-10-2024", date(2024, 5, 10)),
        ("05/05/2024", None),
        ("13/10/2024", None),
        ("2024-10-05", None),
        ("5 October 2024", None),
        (date(2024, 10, 5), None),
    ],
)
def test_swapped_reading(text: object, other: date | None) -> None:
    assert swapped_reading(text) == other


@pytest.mark.parametrize(
    ("typed", "printed", "known"),
    [
        ("Ms", "Ms.", True),
        ("MS.", "Ms.", True),
        ("mrs", "Mrs.", True),
        ("H.E. Dr.", "H.E. Dr.", True),
        ("h. e. dr", "H.E. Dr.", True),
        ("HE Dr", "H.E. Dr.", True),
        ("Prof.Dr.", "Prof. Dr.", True),
        ("Assoc Prof", "Assoc. Prof.", True),
        ("Engr.", "Eng.", True),
        ("Mme", "Mme", True),
        ("السيد", "السيد", True),
        ("Madam", "Madam", False),
        ("Sr.", "Sr.", False),
    ],
)
def test_house_honorific(typed: str, printed: str, known: bool) -> None:
    honorific = house_honorific(typed)
    assert (honorific.printed, honorific.known) == (printed, known)


def test_the_workbook_reference_lists_the_house_honorifics() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "workbook.md").read_text(
        encoding="utf-8"
    )
    listed = page[page.index("The list: ") : page.index("Another title is printed")]
    assert tuple(re.findall(r"`([^`]+)`", listed)) == HOUSE_LIST
