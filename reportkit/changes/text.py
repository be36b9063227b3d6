"""Body and agenda lines aligned between two versions, so that a renumbered paragraph is no
change and a reworded one is reported once, as a rewording, not as a removal and an addition."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from reportkit.arrange.body import number_agenda, number_body
from reportkit.changes.display import words
from reportkit.changes.report import Action, TextChange
from reportkit.model import AgendaEntry, ReportBlock


@dataclass(frozen=True)
class Line:
    kind: str
    text: str
    number: int | None


def body_lines(blocks: tuple[ReportBlock, ...]) -> list[Line]:
    return [Line(b.kind.value, b.text, b.number) for b in number_body(blocks)]


def agenda_lines(entries: tuple[AgendaEntry, ...]) -> list[Line]:
    """Items and their notes, each note a line of its own as it is printed."""
    lines = []
    for entry, line in zip(entries, number_agenda(entries), strict=True):
        lines.append(Line(entry.kind.value, line.text, line.number))
        if line.note:
            lines.append(Line("note", line.note, None))
    return lines


def text_changes(old: list[Line], new: list[Line]) -> tuple[TextChange, ...]:
    """Lines compared by kind and text only, so renumbered but unchanged paragraphs match."""
    matcher = SequenceMatcher(
        None, [(x.kind, x.text) for x in old], [(x.kind, x.text) for x in new], autojunk=False
    )
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += _pair_up(old[i1:i2], new[j1:j2])
    return tuple(changes)


def _pair_up(old: list[Line], new: list[Line]) -> list[TextChange]:
    """Within a replaced run, pair old and new lines of a kind as rewordings, the rest added
    or removed.

    Pairs keep their order, as many lines as possible are paired, and among those pairings
    the one whose pairs read most alike wins: a paragraph inserted just before a reworded one
    is then reported as added, not as the rewording.
    """
    affinity = [[_affinity(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in reversed(range(len(old))):
        for j in reversed(range(len(new))):
            paired = affinity[i][j] + best[i + 1][j + 1] if affinity[i][j] else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    changes = []
    i = j = 0
    while i < len(old) or j < len(new):
        if (
            i < len(old)
            and j < len(new)
            and affinity[i][j]
            and (best[i][j] == affinity[i][j] + best[i + 1][j + 1])
        ):
            changes.append(_reworded(old[i], new[j]))
            i, j = i + 1, j + 1
        elif i < len(old) and (j == len(new) or best[i][j] == best[i + 1][j]):
            changes.append(
                TextChange(
                    Action.REMOVED, old[i].kind, old_text=old[i].text, old_number=old[i].number
                )
            )
            i += 1
        else:
            changes.append(
                TextChange(Action.ADDED, new[j].kind, new_text=new[j].text, number=new[j].number)
            )
            j += 1
    return changes


def _affinity(old: Line, new: Line) -> float:
    """0 when the lines cannot be a rewording of each other; else 1 plus their likeness."""
    if old.kind != new.kind:
        return 0.0
    return 1.0 + SequenceMatcher(None, words(old.text), words(new.text)).ratio()


def _reworded(old: Line, new: Line) -> TextChange:
    return TextChange(Action.CHANGED, new.kind, old.text, new.text, new.number, old.number)
