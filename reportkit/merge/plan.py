"""The three-way merge decided on texts alone: what happens to each line of the edited report.

*base* is what the workbook built last time, *edited* the report as the person saved it,
*new* what the corrected workbook builds now. The workbook's changes are found line by
line, each known by what it is (`workbook`), the person's line by line wherever they put it
(`person`). What only the workbook changed is applied (as tracked changes, later); what the
person changed is kept as they left it; the workbook's new words arrive inside the person's
wording when they touch other words than the person's. Where both changed the same words,
the person's text stays and the workbook's follows it as an insertion for them to review —
a conflict, reported where it is.

A delegate is one table row, decided as a whole: removed in the workbook, the row goes
(unless the person edited it, then it stays); deleted by the person and corrected in the
workbook, the whole corrected row comes back, never a detail line without its name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reportkit.arrange import styles
from reportkit.merge.labels import Labels, numbered_label
from reportkit.merge.lines import Line, flat
from reportkit.merge.person import Place, Trace, trace
from reportkit.merge.units import role
from reportkit.merge.words import TextMap, carry, word_edits
from reportkit.merge.workbook import WorkbookChanges, workbook_changes


class Target(NamedTuple):
    """A paragraph: line `line` of its document, or paragraph `paragraph` of cell `cell` of
    that line when it is a table row."""

    line: int
    cell: int = -1
    paragraph: int = 0


class Change(NamedTuple):
    """Replace `start`..`end` of the visible text of edited paragraph `target` with the text
    `new_start`..`new_end` of the new build's paragraph `source` (None: delete it)."""

    target: Target
    start: int
    end: int
    source: Target | None = None
    new_start: int = 0
    new_end: int = 0


class Insert(NamedTuple):
    """Insert new line `new` after edited line `after`, or after the inserted new line
    `after_new`, or (both None) before edited line `before` (None: at the end)."""

    new: int
    after: int | None = None
    after_new: int | None = None
    before: int | None = None


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    removals: list[int] = field(default_factory=list)
    restyles: dict[int, int] = field(default_factory=dict)
    cell_merges: list[tuple[int, int, int]] = field(default_factory=list)
    inserts: list[Insert] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.changes
            or self.removals
            or self.restyles
            or self.cell_merges
            or self.inserts
            or self.conflicts
        )


BOTH_CHANGED = "edited in Word and changed in the workbook — both kept, review the tracked change"
EDITED_REMOVED = "edited in Word and removed in the workbook — your text is kept"
DELETED_CHANGED = (
    "deleted in Word and changed in the workbook — the workbook's text is inserted, "
    "review the tracked change"
)


def plan_merge(
    base: Sequence[Line], edited: Sequence[Line], new: Sequence[Line], story: str = ""
) -> Plan:
    """Decide the merge of one story (the body, or a header or footer named `story`)."""
    planner = _Planner(base, edited, new, story)
    planner.decide_lines()
    planner.place_insertions()
    return planner.finish()


class _Planner:
    def __init__(
        self, base: Sequence[Line], edited: Sequence[Line], new: Sequence[Line], story: str
    ) -> None:
        self.base, self.edited, self.new = base, edited, new
        self.workbook: WorkbookChanges = workbook_changes(base, new)
        self.person: Trace = trace(base, edited)
        self.labels = tuple(Labels(lines, story) for lines in (base, edited, new))
        self.plan = Plan()
        self.reinsert: set[int] = set()
        self.after_conflict: set[int] = set()
        self._notes: dict[tuple[str, bool], float] = {}

    # The workbook's changes to what the person's report holds.

    def decide_lines(self) -> None:
        for b, n in enumerate(self.workbook.matched):
            place = self.person.places[b]
            if place is None:
                # The person deleted it: it comes back only if the workbook changed its words.
                if n is not None and not self.workbook.same[b]:
                    self.reinsert.add(n)
            elif n is None:
                self._removed(b, place)
            else:
                self._decide_line(b, n, place)

    def _removed(self, b: int, place: Place) -> None:
        label = self.labels[1][place.line]
        if not self.person.unchanged(b):
            self._note(label, EDITED_REMOVED, place.line, conflict=True)
            return
        self._remove(b)
        self._note(label, "removed", place.line)

    def _decide_line(self, b: int, n: int, place: Place) -> None:
        label = self.labels[1][place.line]
        if self.base[b].is_row:
            self._decide_row(b, n, place, label)
            return
        if not self.workbook.same[b] and not (
            self.person.whole(b) and self.edited[place.line].flat == self.new[n].flat
        ):
            edits = word_edits(self.base[b].text, self.new[n].text)
            carried = carry(edits, place.offset, self.person.map(place.line))
            if carried is None:
                self.after_conflict.add(n)
                self._note(label, BOTH_CHANGED, place.line, conflict=True)
            else:
                self.plan.changes += [
                    Change(Target(place.line), e.start, e.end, Target(n), e.new_start, e.new_end)
                    for e in carried
                ]
                self._note(label, "reworded", place.line)
        self._decide_style(b, n, place, label)

    def _decide_style(self, b: int, n: int, place: Place, label: str) -> None:
        """The workbook's restyle (a delegation's last delegate no longer last, a row of
        text that became a heading) is applied unless the person restyled the line."""
        old, new = self.base[b].style, self.new[n].style
        if old == new or not self.person.whole(b) or self.edited[place.line].style != old:
            return
        self.plan.restyles[place.line] = n
        if role(old) != role(new):
            self._note(label, "restyled", place.line)

    def _decide_row(self, b: int, n: int, place: Place, label: str) -> None:
        """A table row, cell by cell: a cell whose paragraphs still pair one to one takes the
        workbook's words paragraph by paragraph, as paragraphs do (where both changed, only
        where they touch other words than the person's); a cell whose paragraphs the workbook
        changed in number, if the person left it alone, takes the new cell's paragraphs."""
        self._decide_row_styles(b, n, place, label)
        if self.workbook.same[b]:
            return
        old, mine, theirs = (
            lines[i].flat_cells
            for lines, i in ((self.base, b), (self.edited, place.line), (self.new, n))
        )
        if mine == theirs:
            return
        if not len(old) == len(mine) == len(theirs):
            if self.person.unchanged(b):
                self._remove(b)
                self.after_conflict.add(n)
                self._note(label, "reworded", place.line)
            else:
                self.after_conflict.add(n)
                self._note(label, BOTH_CHANGED, place.line, conflict=True)
            return
        merges: list[tuple[int, int, int]] = []
        changes: list[Change] = []
        for c, (o, m, t) in enumerate(zip(old, mine, theirs, strict=True)):
            if o == t or m == t:
                continue
            if m == o and len(o) != len(t):
                merges.append((place.line, c, n))
                continue
            carried = self._carry_cell(b, place.line, n, c) if len(o) == len(m) == len(t) else None
            if carried is None:
                self.after_conflict.add(n)
                self._note(label, BOTH_CHANGED, place.line, conflict=True)
                return
            changes += carried
        self.plan.cell_merges += merges
        self.plan.changes += changes
        self._note(label, "reworded", place.line)

    def _decide_row_styles(self, b: int, n: int, place: Place, label: str) -> None:
        """The workbook's restyle of a row's paragraphs (a delegation's last delegate no
        longer last) is applied unless the person restyled one, or the paragraphs differ in
        number (the new ones arrive in their own styles)."""
        old, mine, new = (
            lines[i].cell_styles
            for lines, i in ((self.base, b), (self.edited, place.line), (self.new, n))
        )
        if old == new or mine != old or [len(c) for c in old] != [len(c) for c in new]:
            return
        self.plan.restyles[place.line] = n
        pairs = zip((s for c in old for s in c), (s for c in new for s in c), strict=True)
        if any(role(a) != role(z) for a, z in pairs):
            self._note(label, "restyled", place.line)

    def _carry_cell(self, b: int, e: int, n: int, cell: int) -> list[Change] | None:
        """The workbook's edits of a cell whose paragraphs pair one to one, carried onto the
        person's wording paragraph by paragraph (None: they touch the person's words)."""
        changes: list[Change] = []
        paragraphs = zip(
            _cells(self.base[b])[cell],
            _cells(self.edited[e])[cell],
            _cells(self.new[n])[cell],
            strict=True,
        )
        for index, (old, mine, theirs) in enumerate(paragraphs):
            if flat(old) == flat(theirs) or flat(mine) == flat(theirs):
                continue
            carried = carry(word_edits(old, theirs), 0, TextMap(old, mine))
            if carried is None:
                return None
            changes += [
                Change(
                    Target(e, cell, index),
                    x.start,
                    x.end,
                    Target(n, cell, index),
                    x.new_start,
                    x.new_end,
                )
                for x in carried
            ]
        return changes

    def _remove(self, b: int) -> None:
        place = self.person.places[b]
        assert place is not None
        if self.person.whole(b):
            self.plan.removals.append(place.line)
            return
        # Joined with its neighbour in one paragraph: only its words go.
        text_map = self.person.map(place.line)
        start = text_map.position(place.offset)
        end = text_map.position(place.offset + len(self.base[b].text))
        if start is not None and end is not None and end > start:
            self.plan.changes.append(Change(Target(place.line), start, end))

    # What the workbook adds, and what comes back: placed after what precedes it.

    def place_insertions(self) -> None:
        anchor: int | None = None
        after_new: int | None = None
        claimed: set[int] = set()
        start: list[int] = []
        numbered_since = 0
        for n, b in enumerate(self.workbook.origins):
            if b is not None and n not in self.reinsert:
                place = self.person.places[b]
                if place is None:
                    continue
                anchor, after_new, numbered_since = place.line, None, 0
                if n in self.after_conflict:
                    self.plan.inserts.append(Insert(n, after=anchor))
                    after_new = n
                continue
            if b is None and n not in self.reinsert:
                claim = self._already_added(n, anchor, claimed)
                if claim is not None:
                    anchor, after_new, numbered_since = claim, None, 0
                    continue
            label = self._added_label(n, anchor, numbered_since)
            if b is None and n not in self.reinsert:
                self._note(label, "added", _after(anchor))
            else:
                self._note(label, DELETED_CHANGED, _after(anchor), conflict=True)
            if self.new[n].style == styles.NUMBERED_PARAGRAPH:
                numbered_since += 1
            if anchor is None and after_new is None:
                start.append(len(self.plan.inserts))
            self.plan.inserts.append(
                Insert(n, after=anchor if after_new is None else None, after_new=after_new)
            )
            after_new = n
        first = self._first_anchor()
        for index in start:
            self.plan.inserts[index] = self.plan.inserts[index]._replace(before=first)

    def _already_added(self, n: int, anchor: int | None, claimed: set[int]) -> int | None:
        """An edited line the person added in this place with the same text: the workbook's
        addition is already there."""
        e = 0 if anchor is None else anchor + 1
        while e < len(self.edited) and e not in self.person.sources:
            line = self.edited[e]
            if e not in claimed and line.kind == self.new[n].kind and line.flat == self.new[n].flat:
                claimed.add(e)
                return e
            e += 1
        return None

    def _first_anchor(self) -> int | None:
        for b in self.workbook.origins:
            if b is not None and self.person.places[b] is not None:
                return self.person.places[b].line
        return None

    # Labels and messages, in the words of the person's report.

    def _added_label(self, n: int, anchor: int | None, numbered_since: int) -> str:
        label = self.labels[2][n]
        if label.startswith("Paragraph "):
            number = self.labels[1].numbered_up_to(anchor) + numbered_since + 1
            return numbered_label(number)
        return label

    def _note(self, label: str, what: str, position: float, conflict: bool = False) -> None:
        self._notes.setdefault((f"{label}: {what}", conflict), position)

    def finish(self) -> Plan:
        """Messages in the order of the report, one per unit and outcome; a delegate added or
        removed with her delegation is said once, of the delegation."""
        notes = sorted(self._notes.items(), key=lambda item: item[1])
        said = {message for message, _ in self._notes}
        for (message, conflict), _ in notes:
            label, _, what = message.rpartition(": ")
            within = label.rpartition(", ")[0]
            if within and f"{within}: {what}" in said and what in ("added", "removed"):
                continue
            (self.plan.conflicts if conflict else self.plan.applied).append(message)
        return self.plan


def _after(anchor: int | None) -> float:
    return -0.5 if anchor is None else anchor + 0.5


def _cells(line: Line) -> tuple[tuple[str, ...], ...]:
    return line.cells or ()
