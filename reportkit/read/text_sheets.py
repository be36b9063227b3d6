"""The `Report` and `Agenda` sheets, and text annexes' sheets: a kind and a text per row."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from reportkit.model import AgendaEntry, AgendaKind, BlockKind, ReportBlock
from reportkit.problems import Problem
from reportkit.read.cells import one_line
from reportkit.read.workbook import OpenWorkbook, Row
from reportkit.schema import sheet as schema_sheet

K = TypeVar("K", bound=StrEnum)


def read_report(book: OpenWorkbook, problems: list[Problem]) -> tuple[ReportBlock, ...]:
    return read_blocks(book, "Report", problems)


def read_blocks(
    book: OpenWorkbook, sheet: str, problems: list[Problem], *, where: str = ""
) -> tuple[ReportBlock, ...]:
    """Rows of report text: the body, or a text annex's sheet (`where` names the cell that
    asked for it, so that a missing sheet is reported there)."""
    columns = schema_sheet("Report").required_columns  # a text annex's sheet is laid out alike
    table = book.table(sheet, columns, problems, optional=bool(where))
    if table is None:
        if where:
            problems.append(book.missing_sheet(sheet, where))
        return ()
    blocks = []
    keys: dict[str, str] = {}
    for row in table:
        kind = _kind(row, BlockKind, problems)
        text = _required_text(row, problems)
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
            blocks.append(ReportBlock(kind, text, row.ref("Text"), key))
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
        text = _required_text(row, problems)
        note = one_line(row.text("Note"))
        if kind and text:
            entries.append(AgendaEntry(kind, one_line(text), note, row.ref("Text")))
    problems.extend(table.problems)
    return tuple(entries)


def _kind(row: Row, kinds: type[K], problems: list[Problem]) -> K | None:
    kind = row.choice("Kind", kinds, "Kind", problems)
    if kind is None and not row.text("Kind").strip():
        allowed = ", ".join(k.value for k in kinds)
        problems.append(Problem("the Kind is empty", f"write one of: {allowed}", row.ref("Kind")))
    return kind


def _required_text(row: Row, problems: list[Problem]) -> str:
    text = row.text("Text")
    if not text:
        problems.append(
            Problem("the Text is empty", "type the text or delete the row", row.ref("Text"))
        )
    return text
