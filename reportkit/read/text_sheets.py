"""The `Report` and `Agenda` sheets, and text annexes' sheets: a kind and a text per row.

Rows that Word numbers or bullets itself lose a number or bullet typed at the start of
their text, with a warning at the cell: which rows those are depends on the meeting's
`numbering` (paragraphs, or headings and sub-headings); items, bullets and agenda items
always.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from reportkit.model import AgendaEntry, AgendaKind, BlockKind, BodyNumbering, ReportBlock
from reportkit.problems import Problem
from reportkit.read.cells import one_line
from reportkit.read.list_labels import NumberColumn
from reportkit.read.typed_marks import removed_mark, without_marks
from reportkit.read.workbook import OpenWorkbook, Row
from reportkit.schema import sheet as schema_sheet

K = TypeVar("K", bound=StrEnum)
_SECTIONS = "numbering is sections"
# What Word puts before a row of each kind: the warning's hint when one was typed too.
_ALWAYS_MARKED = {
    BlockKind.ITEM: "Word numbers items itself",
    BlockKind.BULLET: "Word puts the bullet itself",
}
_NUMBERED = {
    BodyNumbering.PARAGRAPHS: {
        BlockKind.PARAGRAPH: "Word numbers paragraphs itself (Kind bullet gives a bullet)"
    },
    BodyNumbering.SECTIONS: {
        BlockKind.HEADING: f"Word numbers headings itself ({_SECTIONS})",
        BlockKind.SUBHEADING: f"Word numbers sub-headings itself ({_SECTIONS})",
    },
    BodyNumbering.NONE: {},
}
_AGENDA_MARKED = {AgendaKind.ITEM: "Word numbers agenda items itself"}


def read_report(
    book: OpenWorkbook,
    problems: list[Problem],
    numbering: BodyNumbering = BodyNumbering.PARAGRAPHS,
) -> tuple[ReportBlock, ...]:
    return read_blocks(book, "Report", problems, numbering)


def read_blocks(
    book: OpenWorkbook,
    sheet: str,
    problems: list[Problem],
    numbering: BodyNumbering = BodyNumbering.PARAGRAPHS,
    *,
    where: str = "",
) -> tuple[ReportBlock, ...]:
    """Rows of report text: the body, or a text annex's sheet (`where` names the cell that
    asked for it, so that a missing sheet is reported there)."""
    columns = schema_sheet("Report").required_columns  # a text annex's sheet is laid out alike
    table = book.table(sheet, columns, problems, optional=bool(where))
    if table is None:
        if where:
            problems.append(book.missing_sheet(sheet, where))
        return ()
    marked = {**_NUMBERED[numbering], **_ALWAYS_MARKED}
    blocks = []
    keys: dict[str, str] = {}
    numbers = NumberColumn(numbering, problems)
    for row in table:
        kind = _kind(row, BlockKind, problems)
        numbered, labels = numbers.read(row, kind)
        hint = marked.get(kind) if kind and numbered else None
        text = _unmarked(hint, _required_text(row, problems), row, problems)
        key = one_line(row.text("Key")).strip()
        if key and key.casefold() in keys:
            problems.append(
                Problem(
                    f'the Key "{key}" is also given at {keys[key.casefold()]}',
                    "give every paragraph you refer to a Key of its own",
                    row.ref("Key"),
                )
            )
        elif key:
            keys[key.casefold()] = row.ref("Key")
        if kind and text:
            if kind is not BlockKind.PARAGRAPH:
                text = one_line(text)
            blocks.append(ReportBlock(kind, text, row.source("Text"), key, numbered, labels))
    problems.extend(table.problems)
    return tuple(blocks)


def read_agenda(
    book: OpenWorkbook, problems: list[Problem], required: bool = True
) -> tuple[AgendaEntry, ...]:
    columns = schema_sheet("Agenda").required_columns
    table = book.table("Agenda", columns, problems, optional=not required)
    if table is None:
        return ()
    entries = []
    for row in table:
        kind = _kind(row, AgendaKind, problems)
        hint = _AGENDA_MARKED.get(kind) if kind else None
        text = _unmarked(hint, _required_text(row, problems), row, problems)
        note = one_line(row.localized("Note"))
        if kind and text:
            entries.append(AgendaEntry(kind, one_line(text), note, row.source("Text")))
    problems.extend(table.problems)
    return tuple(entries)


def _kind(row: Row, kinds: type[K], problems: list[Problem]) -> K | None:
    kind = row.choice("Kind", kinds, "Kind", problems)
    if kind is None and not row.text("Kind").strip():
        allowed = ", ".join(k.value for k in kinds)
        problems.append(Problem("the Kind is empty", f"write one of: {allowed}", row.ref("Kind")))
    return kind


def _required_text(row: Row, problems: list[Problem]) -> str:
    text = row.localized("Text")
    if not text:
        problems.append(
            Problem("the Text is empty", "type the text or delete the row", row.ref("Text"))
        )
    return text


def _unmarked(word_marks: str | None, text: str, row: Row, problems: list[Problem]) -> str:
    """The text without the number or bullet typed before it, where Word adds its own
    (`word_marks` says so, and is the warning's hint)."""
    if word_marks is None:
        return text
    unmarked, mark = without_marks(text, sections=_SECTIONS in word_marks)
    if mark:
        problems.append(removed_mark(mark, word_marks, row.source("Text")))
    return unmarked
