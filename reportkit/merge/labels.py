"""Where a line is, in the words of the report a person reads: `Paragraph 5`, `Annex III,
ARAB REPUBLIC OF EGYPT, Mr. AHMED HASSAN`.

Labels of lines the person's report holds are read from that report — its own paragraph
numbers, after the paragraphs they added or deleted — so a message sends them to the place
they will find it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportkit.arrange import styles
from reportkit.merge.lines import NOTE, Line

ANNEX_HEADING = "Annex Heading"
# An annex opened by one line ("Annex 3: Title"), or by a statement's Original line, which
# does not name it.
ANNEX_LINE, ANNEX_ORIGINAL = "Annex Line", "Annex Original"
_DELEGATE_LINES = frozenset({styles.DELEGATE_DETAILS, styles.DELEGATE_DETAILS_LAST})
_NAME_MARKS = "-–—•· "


class Labels:
    """Each line's label, and how many numbered paragraphs stand up to it (inclusive)."""

    def __init__(self, lines: Sequence[Line], story: str = "") -> None:
        self.labels: list[str] = []
        self.numbers: list[int] = []
        annex = group = delegate = ""
        number = 0
        for line in lines:
            lead = line.lead
            if lead in (ANNEX_HEADING, ANNEX_LINE, ANNEX_ORIGINAL):
                name = "Annex" if lead == ANNEX_ORIGINAL else line.flat.split(":")[0]
                annex, group, delegate = _annex_name(name), "", ""
            elif lead == styles.PARTICIPANTS_SECTION:
                group, delegate = _section_name(line.flat), ""
            elif lead == styles.DELEGATION_HEADING:
                group, delegate = line.opening, ""
            elif lead == styles.DELEGATE_NAME:
                delegate = line.opening.lstrip(_NAME_MARKS)
            elif lead not in _DELEGATE_LINES:
                delegate = ""
            if line.style == styles.NUMBERED_PARAGRAPH:
                number += 1
            self.numbers.append(number)
            self.labels.append(_label(line, story, annex, group, delegate, number))

    def __getitem__(self, line: int) -> str:
        return self.labels[line]

    def numbered_up_to(self, line: int | None) -> int:
        return 0 if line is None else self.numbers[line]


def _label(line: Line, story: str, annex: str, group: str, delegate: str, number: int) -> str:
    if story:
        return f"{story}, {excerpt(line.flat)}" if line.flat else story
    if not annex:
        if line.style == styles.NUMBERED_PARAGRAPH:
            return f"Paragraph {number}"
        return excerpt(line.flat)
    if group:
        return ", ".join(part for part in (annex, group, delegate) if part)
    if line.is_row:
        return f"{annex}, {excerpt(line.flat_cells[0][0] if line.cells and line.cells[0] else '')}"
    return f"{annex}, {excerpt(line.flat)}"


def numbered_label(number: int) -> str:
    return f"Paragraph {number}"


def _annex_name(text: str) -> str:
    words = text.split()
    return " ".join([words[0].capitalize(), *words[1:]]) if words else "Annex"


def _section_name(text: str) -> str:
    """`B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS` without its letter, which may change."""
    letter, _, rest = text.partition(" ")
    return rest if rest and len(letter) <= 3 and letter.endswith(".") else text


def excerpt(text: str, width: int = 40) -> str:
    flat = " ".join(text.replace(NOTE, "").split())
    return f'"{flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"}"'
