"""Roman numerals, written once for the two places that print them: list labels counted
`i.`/`I.` in the body, and annexes numbered I, II, III."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(count: int) -> str:
    """`count` in capital Roman numerals: 4 → "IV"."""
    shown = ""
    for value, letters in _ROMAN:
        times, count = divmod(count, value)
        shown += letters * times
    return shown
