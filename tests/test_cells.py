"""Cleaning and converting raw cell values."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.read.cells import XML_ILLEGAL, clean_text, full_clean, to_date, to_time


@pytest.mark.parametrize(
    ("raw", "clean", "dropped"),
    [
        ("Line1_x000B_Line2_x000D__x000A_", "Line1\nLine2", False),
        ("a\x0bb", "a\nb", False),
        ("a\r\nb\rc", "a\nb\nc", False),
        ("a\x00b\x1fc", "abc", True),
        ("\u00a0 Mr.\u00a0\u00a0Koç  ", "Mr. Koç", False),
        ("Cafe\u0301", "Café", False),
        ("a_x005F_x000B_b", "a_x000B_b", False),
    ],
)
def test_clean_text(raw: str, clean: str, dropped: bool) -> None:
    assert clean_text(raw) == (clean, dropped)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (datetime(2022, 11, 1, 0, 0), date(2022, 11, 1)),
        (date(2022, 11, 1), date(2022, 11, 1)),
        (44866, date(2022, 11, 1)),
        ("2022-11-01", date(2022, 11, 1)),
        ("01/11/2022", date(2022, 11, 1)),
        ("1 November 2022", date(2022, 11, 1)),
        ("November 1st, 2022", date(2022, 11, 1)),
        ("next Tuesday", None),
        (-3, None),
    ],
)
def test_to_date(raw: object, expected: date | None) -> None:
    assert to_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (time(13, 15), time(13, 15)),
        (0.5520833333333334, time(13, 15)),
        ("13.15", time(13, 15)),
        ("13:15", time(13, 15)),
        ("1:15 pm", time(13, 15)),
        ("12 a.m.", time(0, 0)),
        ("13h15", time(13, 15)),
        ("9", time(9, 0)),
        ("25.00", None),
        ("13.75", None),
        ("lunch", None),
    ],
)
def test_to_time(raw: object, expected: time | None) -> None:
    assert to_time(raw) == expected


@given(st.text())
@settings(max_examples=2000)
def test_the_shortcut_for_clean_text_agrees_with_the_full_cleaning(value: str) -> None:
    assert clean_text(value) == full_clean(value)


@pytest.mark.parametrize("value", ["Selçuk Koç", "Ahmed Hassan", "الأردن", "İSTANBUL"])
def test_ordinary_names_take_the_shortcut(value: str) -> None:
    assert clean_text(value) == (value, False) == full_clean(value)


def test_the_illegal_characters_are_those_outside_xmls_char_production() -> None:
    def xml_char(code: int) -> bool:
        return (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    # CR is a Char, but the class drops it too: line breaks are LF by then.
    found = {ord(c) for c in XML_ILLEGAL.findall("".join(map(chr, range(0x110000))))}
    assert found == {code for code in range(0x110000) if not xml_char(code)} | {0xD}
