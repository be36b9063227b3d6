"""Numbering, dates, capitals and markup: pure functions, no Word files."""

from __future__ import annotations

from datetime import date, time

import pytest

from reportkit.arrange.body import number_agenda, number_body
from reportkit.arrange.capitals import capitals
from reportkit.arrange.dates import date_line, date_range, time_slot
from reportkit.arrange.programme import programme_rows
from reportkit.model import AgendaEntry, AgendaKind, BlockKind, Meeting, ProgrammeSlot, ReportBlock
from reportkit.render.markup import Span, parse

P, H, B, N = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET, BlockKind.NOTE


def test_body_numbers_continue_across_headings_bullets_and_notes() -> None:
    kinds = [P, N, P, H, P, B, B, H, P]
    numbered = number_body(tuple(ReportBlock(k, f"t{i}") for i, k in enumerate(kinds)))
    assert [b.number for b in numbered] == [1, None, 2, None, 3, None, None, None, 4]


def test_agenda_numbers_start_at_one_and_skip_unnumbered_lines() -> None:
    kinds = [AgendaKind.UNNUMBERED, AgendaKind.ITEM, AgendaKind.ITEM, AgendaKind.UNNUMBERED]
    lines = number_agenda(tuple(AgendaEntry(k, "x") for k in kinds))
    assert [line.number for line in lines] == [None, 1, 2, None]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2022, 11, 1), None, "November 1st, 2022"),
        (date(2022, 11, 2), date(2022, 11, 3), "November 2nd-3rd, 2022"),
        (date(2022, 11, 11), date(2022, 11, 13), "November 11th-13th, 2022"),
        (date(2022, 11, 30), date(2022, 12, 1), "November 30th - December 1st, 2022"),
        (date(2022, 12, 31), date(2023, 1, 2), "December 31st, 2022 - January 2nd, 2023"),
        (date(2022, 11, 21), date(2022, 11, 22), "November 21st-22nd, 2022"),
    ],
)
def test_date_ranges_read_as_in_comcec_reports(
    start: date, end: date | None, expected: str
) -> None:
    assert date_range(start, end) == expected


def test_date_line_adds_the_venue() -> None:
    meeting = Meeting(title="T", date=date(2022, 11, 1), venue="Virtual Meeting")
    assert date_line(meeting) == "(November 1st, 2022; Virtual Meeting)"
    assert date_line(Meeting(title="T", date=date(2022, 11, 1))) == "(November 1st, 2022)"


def test_capitals_keep_ordinal_suffixes_small() -> None:
    assert (
        capitals("2nd Technical Meeting on the 38th Session")
        == "2nd TECHNICAL MEETING ON THE 38th SESSION"
    )
    assert capitals("Selçuk Koç, Şeyma Özcan") == "SELÇUK KOÇ, ŞEYMA ÖZCAN"


def test_programme_opens_a_day_row_when_the_day_changes() -> None:
    day1, day2 = date(2022, 11, 1), date(2022, 11, 2)
    slots = (
        ProgrammeSlot(time(9, 0), time(10, 0), "A", day=day1),
        ProgrammeSlot(time(10, 0), time(11, 0), "B", day=day1),
        ProgrammeSlot(time(9, 0), time(10, 0), "C", day=day2),
    )
    rows = programme_rows(slots)
    assert [(r.day, r.time, r.title) for r in rows] == [
        ("Tuesday, November 1st, 2022", "", ""),
        ("", "09.00 – 10.00", "A"),
        ("", "10.00 – 11.00", "B"),
        ("Wednesday, November 2nd, 2022", "", ""),
        ("", "09.00 – 10.00", "C"),
    ]
    assert time_slot(time(13, 15), time(13, 30)) == "13.15 – 13.30"


def test_markup_marks_bold_and_italic_and_leaves_stray_asterisks() -> None:
    assert parse("a *b* **c** ***d*** e") == (
        Span("a "),
        Span("b", italic=True),
        Span(" "),
        Span("c", bold=True),
        Span(" "),
        Span("d", bold=True, italic=True),
        Span(" e"),
    )
    assert parse("2 * 3 = 6*") == (Span("2 * 3 = 6*"),)
    assert parse("") == ()
