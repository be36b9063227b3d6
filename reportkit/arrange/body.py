"""Numbering of the report body, of text annexes and of the agenda.

Numbers are Word's to print: each row gets the style that numbers it (or not) and the
number Word will show, which change lists and references use. Which rows are numbered is
the meeting's choice (`numbering`): paragraphs 1, 2, 3 … straight through headings, as the
seed report; or sections (headings 1., 2., sub-headings 1.1, running text unnumbered), as
Working Group proceedings; or nothing. A heading the workbook leaves unnumbered (Number
`no`) takes no number and changes none. Item lists restart at 1 after each paragraph or
heading, labelled as their first item asks (`1-`, `a)`).
"""

from __future__ import annotations

from reportkit.arrange import styles
from reportkit.arrange.numerals import roman
from reportkit.arrange.result import AgendaLine, BodyBlock
from reportkit.model import (
    AgendaEntry,
    AgendaKind,
    BlockKind,
    BodyNumbering,
    Counter,
    ListLabels,
    ReportBlock,
)

_PLAIN_STYLES = {
    BlockKind.PARAGRAPH: styles.TEXT,
    BlockKind.TEXT: styles.TEXT,
    BlockKind.HEADING: styles.HEADING,
    BlockKind.SUBHEADING: styles.SUBHEADING,
    BlockKind.BULLET: styles.BULLET,
    BlockKind.NOTE: styles.NOTE,
}
# Rows after which an item list starts again at 1.
ENDS_ITEM_LIST = frozenset(
    {BlockKind.PARAGRAPH, BlockKind.TEXT, BlockKind.HEADING, BlockKind.SUBHEADING}
)


class Lists:
    """Hands out list identities, so that every restarted list in a report is its own."""

    def __init__(self) -> None:
        self._last = 0

    def new(self) -> int:
        self._last += 1
        return self._last


def number_body(
    blocks: tuple[ReportBlock, ...],
    numbering: BodyNumbering = BodyNumbering.PARAGRAPHS,
    lists: Lists | None = None,
    own_list: bool = False,
) -> tuple[BodyBlock, ...]:
    """The rows styled and numbered; `own_list` restarts the numbering (a text annex)."""
    lists = lists or Lists()
    own = lists.new() if own_list else 0
    paragraphs = sections = subsections = items = 0
    item_list = 0
    labels: ListLabels | None = None
    numbered = []
    for block in blocks:
        kind, number, label, restart = block.kind, None, "", 0
        style = _PLAIN_STYLES.get(kind, styles.TEXT)
        if not block.numbered:
            pass
        elif kind is BlockKind.PARAGRAPH and numbering is BodyNumbering.PARAGRAPHS:
            paragraphs += 1
            number, label, style, restart = (
                paragraphs,
                str(paragraphs),
                styles.NUMBERED_PARAGRAPH,
                own,
            )
        elif kind is BlockKind.HEADING and numbering is BodyNumbering.SECTIONS:
            sections, subsections = sections + 1, 0
            label, style, restart = str(sections), styles.NUMBERED_HEADING, own
        elif kind is BlockKind.SUBHEADING and numbering is BodyNumbering.SECTIONS:
            subsections += 1
            label, style, restart = f"{sections}.{subsections}", styles.NUMBERED_SUBHEADING, own
        elif kind is BlockKind.ITEM:
            if not item_list:
                item_list, items, labels = lists.new(), 0, block.labels
            items += 1
            label, style, restart = counted(items, labels), styles.ITEM, item_list
        if kind in ENDS_ITEM_LIST:
            item_list = 0
        form = labels if kind is BlockKind.ITEM else None
        numbered.append(BodyBlock(kind, block.text, number, style, label, restart, form))
    return tuple(numbered)


def counted(count: int, labels: ListLabels | None) -> str:
    """The count as the list shows it without its punctuation: `3`, `c`, `iii`."""
    counter = labels.counter if labels else Counter.DECIMAL
    if counter is Counter.DECIMAL:
        return str(count)
    if counter in (Counter.LOWER_ROMAN, Counter.UPPER_ROMAN):
        shown = roman(count).lower()
    else:
        # Word's letters after z: aa, bb … zz, aaa.
        shown = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
    return shown.upper() if counter in (Counter.UPPER_LETTER, Counter.UPPER_ROMAN) else shown


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
