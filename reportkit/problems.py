"""Problems found in a workbook, reported all at once and located to the cell.

A rapporteur fixes a workbook from this list alone, so every problem names where it is
(`Sheet!C14`) and what to do about it; errors stop a build, warnings do not. A warning
`tidied` says what reportkit put right by itself as the house writes it (an honorific's
spelling, a typed number taken off): nothing to do, so `check` counts them in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, where it is and how to put it right."""

    message: str
    hint: str
    location: str = ""
    severity: Severity = Severity.ERROR
    tidied: bool = False

    def line(self, source: str) -> str:
        """The one line a user reads: `file: Sheet!C14: what is wrong — what to do`."""
        where = f"{source}: {self.location}" if self.location else source
        label = "" if self.severity is Severity.ERROR else "warning: "
        return f"{where}: {label}{self.said}"

    @property
    def said(self) -> str:
        """What is wrong and what to do, where the file and cell are shown apart (a page)."""
        return f"{self.message} — {self.hint}"

    def as_dict(self, source: str) -> dict[str, str | bool]:
        return {
            "file": source,
            "location": self.location,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "tidied": self.tidied,
        }


def cell_ref(sheet: str, column: int, row: int) -> str:
    """`Sheet!C14` for a 1-based column and row, as Excel shows it."""
    return f"{sheet}!{column_letters(column)}{row}"


def column_letters(column: int) -> str:
    """3 → `C`, 28 → `AB`: a 1-based column as Excel names it."""
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Findings:
    """The problems found in one source, kept whole rather than as printed lines, so that
    the command line can triage them (errors first, warnings grouped) and a log keep each."""

    source: str
    problems: tuple[Problem, ...] = ()

    def lines(self) -> list[str]:
        return [p.line(self.source) for p in self.problems]


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


class InputError(Exception):
    """Raised when an input cannot be built; carries every problem found, not just the first."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(p.line(source) for p in problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[str, list[Problem]]]:
        # Raised in batch workers: the default pickling passes only the message back to
        # __init__, which breaks the whole process pool instead of failing one workbook.
        return (type(self), (self.source, self.problems))
