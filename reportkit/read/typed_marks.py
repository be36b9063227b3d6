"""Numbers and bullets typed at the start of a text that Word numbers or bullets itself.

`1. The Meeting …` in a numbered paragraph prints `1. 1. The Meeting …`, and `1.1 Overview`
in a numbered sub-heading `1.1 1.1 Overview`. A mark is taken off only when a space follows
it, so that `1.5 million`, `-3 %` and `*italic*` stay (`1- ` goes: lists are labelled so);
a letter counts only with a bracket, `a)` or `(a)`, so that `M. Ali said …` stays; a
roman number with a dot too, `II. Trade` (agendas copied from an earlier meeting's carry
them); a section number such as `1.1` only where Word numbers sections.
"""

from __future__ import annotations

import re

from reportkit.problems import Problem, Severity

_BULLET = r"[-–—•·▪◦●○*]"
_NUMBER = r"\d{1,3}[.)\-]|[ivx]{1,4}\.|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\)"
_SECTION = r"\d{1,3}(?:\.\d{1,3})*\.?"
_BULLET_MARK = re.compile(rf"^({_BULLET})\s+")
_ANY_MARK = re.compile(rf"^({_BULLET}|{_NUMBER})\s+", re.IGNORECASE)
_SECTION_MARK = re.compile(rf"^({_SECTION}|{_BULLET}|{_NUMBER})\s+", re.IGNORECASE)


def without_marks(text: str, sections: bool = False) -> tuple[str, str]:
    """The text without a typed number or bullet at its start, and the mark taken off;
    `sections` takes section numbers (`2`, `1.1`) off too."""
    return _strip(_SECTION_MARK if sections else _ANY_MARK, text)


def removed_mark(mark: str, word_marks: str, location: str) -> Problem:
    """The warning at the cell a typed `mark` was taken from, one wording wherever it was:
    `word_marks` says what prints in its place."""
    return Problem(
        f'the typed "{mark}" was removed from the start of the text',
        f"{word_marks}; delete it from the cell",
        location,
        Severity.WARNING,
        tidied=True,
    )


def without_bullets(text: str) -> tuple[str, str]:
    """The text without a typed bullet (numbers stay: they may be meant, in a list of points)."""
    return _strip(_BULLET_MARK, text)


def _strip(pattern: re.Pattern[str], text: str) -> tuple[str, str]:
    match = pattern.match(text)
    if match is None:
        return text, ""
    return text[match.end() :], match[1]
