"""Numbering of the report body and the agenda."""

from __future__ import annotations

from reportkit.arrange.result import AgendaLine, BodyBlock
from reportkit.model import AgendaEntry, AgendaKind, BlockKind, ReportBlock


def number_body(blocks: tuple[ReportBlock, ...]) -> tuple[BodyBlock, ...]:
    """Paragraphs count 1, 2, 3 … straight through headings, bullets and notes."""
    numbered = []
    count = 0
    for block in blocks:
        number = None
        if block.kind is BlockKind.PARAGRAPH:
            count += 1
            number = count
        numbered.append(BodyBlock(block.kind, block.text, number))
    return tuple(numbered)


def number_agenda(entries: tuple[AgendaEntry, ...]) -> tuple[AgendaLine, ...]:
    """Agenda items count from 1, apart from the body; opening and closing lines do not count."""
    lines = []
    count = 0
    for entry in entries:
        number = None
        if entry.kind is AgendaKind.ITEM:
            count += 1
            number = count
        lines.append(AgendaLine(entry.text, number, entry.note))
    return tuple(lines)
