"""Roman numerals as lists and annexes print them, against numerals written by hand."""

from __future__ import annotations

from reportkit.arrange.annexes import annex_label
from reportkit.arrange.body import counted
from reportkit.arrange.numerals import roman
from reportkit.model import AnnexNumbering, Counter, ListLabels

BY_HAND = {
    1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 9: "IX", 14: "XIV", 19: "XIX",
    40: "XL", 44: "XLIV", 90: "XC", 400: "CD", 1994: "MCMXCIV", 2026: "MMXXVI",
}  # fmt: skip


def test_roman_numerals() -> None:
    assert {count: roman(count) for count in BY_HAND} == BY_HAND


def test_annexes_and_lists_count_in_the_same_numerals() -> None:
    assert annex_label(14, AnnexNumbering.ROMAN) == "XIV"
    lower = ListLabels(Counter.LOWER_ROMAN, "", ".")
    assert counted(44, lower) == "xliv"
