"""The Report sheet's `Number` column: a row kept out of the numbering, or a list's labels.

A list's labels are given on its first item; a heading kept out of the numbering is
written `no`. A sub-heading before the first numbered heading of sections numbering is
kept out too, with a warning: it has no section to count in, and a count from nothing
(0.1) is not what LibreOffice prints (1.1, then 2 for the first heading).

Published reports label their lists `1.`, `1-`, `a)` or `(i)`; Word draws each from one
list definition (`w:lvlText`), so a list's labels are the counter (`1`, `a`, `A`, `i`,
`I`) with what comes before it (an opening bracket) and after it (`.`, `)`, `-`). A single
`i` or `I` counts in Roman numerals, as lists labelled `i.` do.
"""

from __future__ import annotations

import re

from reportkit.arrange.body import ENDS_ITEM_LIST
from reportkit.model import BlockKind, BodyNumbering, Counter, ListLabels
from reportkit.problems import Problem, Severity
from reportkit.read.cells import one_line
from reportkit.read.workbook import Row

UNNUMBERED = "no"
FORMS = "1. 1- 1) a) (a) a. A. i. (i) I."
_COUNTERS = {
    "1": Counter.DECIMAL,
    "a": Counter.LOWER_LETTER,
    "A": Counter.UPPER_LETTER,
    "i": Counter.LOWER_ROMAN,
    "I": Counter.UPPER_ROMAN,
}
_FORM = re.compile(r"(\(?)([1aAiI])([.)\-]?)")


def list_labels(typed: str) -> ListLabels | None:
    """The labels `typed` asks for (`a)`), or None when it is no label form; a bracket
    opened before the counter must close after it."""
    match = _FORM.fullmatch(typed.strip())
    if match is None or (match[1] == "(" and match[3] != ")"):
        return None
    return ListLabels(_COUNTERS[match[2]], match[1], match[3])


class NumberColumn:
    """Reads the `Number` column row after row: it needs to know where a list starts and
    whether a numbered heading came before."""

    def __init__(self, numbering: BodyNumbering, problems: list[Problem]) -> None:
        self._numbering = numbering
        self._problems = problems
        # The open item list's labels and the cell that opened it, while one is open.
        self._list: tuple[ListLabels | None, str] | None = None
        self._heading = False

    def read(self, row: Row, kind: BlockKind | None) -> tuple[bool, ListLabels | None]:
        """Whether the row is numbered, and the labels of the list an item opens."""
        typed = one_line(row.text("Number")).strip()
        numbered, labels = True, None
        if typed.casefold() == UNNUMBERED:
            numbered = self._unnumbered(row, kind)
        elif typed:
            labels = self._labels(row, kind, typed)
        if kind is BlockKind.ITEM:
            self._item(row, labels)
        elif kind in ENDS_ITEM_LIST:
            self._list = None
        if kind is BlockKind.HEADING and numbered:
            self._heading = True
        if kind is BlockKind.SUBHEADING and numbered and self._sections and not self._heading:
            numbered = False
            self._problems.append(
                Problem(
                    "a sub-heading before the first numbered heading is printed unnumbered:"
                    " it has no section to count in",
                    "make it a heading with Number no, or put a numbered heading before it;"
                    " write no in its Number to silence this",
                    row.ref("Kind"),
                    Severity.WARNING,
                )
            )
        return numbered, labels

    def _item(self, row: Row, labels: ListLabels | None) -> None:
        if self._list is None:
            self._list = (labels, row.ref("Number"))
        elif labels is not None and labels != self._list[0]:
            first, where = self._list
            self._problems.append(
                Problem(
                    f"the list is labelled {(first or ListLabels()).typed}, as its first item"
                    f" ({where}) says, not {labels.typed}",
                    "give a list's labels on its first item only; a paragraph, text or"
                    " heading between two lists starts the second",
                    row.ref("Number"),
                )
            )

    @property
    def _sections(self) -> bool:
        return self._numbering is BodyNumbering.SECTIONS

    def _unnumbered(self, row: Row, kind: BlockKind | None) -> bool:
        if kind not in (BlockKind.ITEM, BlockKind.BULLET):
            return False
        self._problems.append(
            Problem(
                f"Number no is for a heading, sub-heading or paragraph; Word marks every {kind}",
                "write Kind text for a line without a number or bullet, or leave Number empty",
                row.ref("Number"),
            )
        )
        return True

    def _labels(self, row: Row, kind: BlockKind | None, typed: str) -> ListLabels | None:
        labels = list_labels(typed)
        if labels is None:
            self._problems.append(
                Problem(
                    f'unknown Number "{typed}"',
                    f"write no (not numbered), or on a list's first item one of: {FORMS}",
                    row.ref("Number"),
                )
            )
        elif kind not in (BlockKind.ITEM, None):
            self._problems.append(
                Problem(
                    f"the labels {typed} are for a list's items, and the row is a {kind}",
                    "write them on the first item of the list (Kind item), or no to leave"
                    " a heading unnumbered",
                    row.ref("Number"),
                )
            )
            return None
        return labels
