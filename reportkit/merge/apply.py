"""Carrying out a merge plan on the edited document, as tracked changes.

Paragraphs and rows the workbook added are copied from the new build, marked inserted;
those it removed are marked deleted in place; a reworded paragraph gets word-level
deletions and insertions inside the person's own runs, and a reworded table row is
merged cell by cell the same way. Insertions go right after the edited document's
paragraph that precedes them in the plan, so a new delegate lands inside its delegation
and a new delegation in its place in the list.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.merge.adopt import Adopter, number_like_neighbours
from reportkit.merge.align import align
from reportkit.merge.plan import Add, Keep, Plan, Remove, Reword, Step
from reportkit.merge.revisions import (
    Revisions,
    delete,
    inserted,
    mark_paragraph,
    mark_row,
    place_after,
    place_first,
    restyle,
    run_spans,
    runs_within,
)
from reportkit.merge.revisions import cut as cut_at
from reportkit.merge.units import TBL, TR, Unit, cell_paragraphs, cells, paragraph_text
from reportkit.merge.words import word_edits


class Merger:
    def __init__(self, body: _Element, adopter: Adopter, revisions: Revisions) -> None:
        self.body = body
        self.adopter = adopter
        self.revisions = revisions

    def apply(self, plan: Plan, edited: list[Unit], new: list[Unit]) -> None:
        anchor: _Element | None = None
        for index, step in enumerate(plan.steps):
            if isinstance(step, Keep):
                anchor = edited[step.edited].element
            elif isinstance(step, Remove):
                anchor = edited[step.edited].element
                self.remove(anchor)
            elif isinstance(step, Reword):
                anchor = self.reword(edited[step.edited], new[step.new])
            elif isinstance(step, Add):
                following = _next_edited(plan.steps, index, edited)
                anchor = self.add(new[step.new].element, anchor, following)

    def remove(self, element: _Element) -> None:
        if element.tag == TR:
            mark_row(element, "del", self.revisions)
            for paragraph in element.iter(qn("w:p")):
                self._delete_text(paragraph)
        else:
            self._delete_text(element)
            if _has_following_paragraph(element):
                mark_paragraph(element, "del", self.revisions)

    def reword(self, old: Unit, new: Unit) -> _Element:
        """Turn `old` (the edited document's) into `new`'s wording; returns what stands there."""
        if old.is_row != new.is_row or (old.is_row and not _same_shape(old.element, new.element)):
            self.remove(old.element)
            return self.add(new.element, old.element, None)
        if old.is_row:
            for old_cell, new_cell in zip(cells(old.element), cells(new.element), strict=True):
                self._merge_cell(old_cell, new_cell)
        else:
            if old.style != new.style:
                style = new.element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                if style is not None:
                    new_id = self.adopter.style_id(style.get(qn("w:val"), ""))
                    restyle(old.element, new_id, self.revisions)
            self._reword_paragraph(old.element, new.element)
        return old.element

    def add(
        self, source: _Element, anchor: _Element | None, following: _Element | None
    ) -> _Element:
        """Insert a copy of the new build's `source` after `anchor` (else before `following`)."""
        element = self.adopter.adopt(source)
        if element.tag == TR:
            self._place_row(element, source, anchor, following)
            mark_row(element, "ins", self.revisions)
            for paragraph in element.iter(qn("w:p")):
                self._mark_inserted(paragraph)
        else:
            if anchor is not None and anchor.tag == TR:
                _table(anchor).addnext(element)
            elif anchor is not None:
                anchor.addnext(element)
            elif following is not None:
                (_table(following) if following.tag == TR else following).addprevious(element)
            else:
                self.body.insert(0, element)
            self._mark_inserted(element)
        return element

    def _place_row(
        self,
        row: _Element,
        source: _Element,
        anchor: _Element | None,
        following: _Element | None,
    ) -> None:
        if anchor is not None and anchor.tag == TR:
            anchor.addnext(row)
        elif following is not None and following.tag == TR:
            following.addprevious(row)
        else:
            table = deepcopy(_table(source))
            for old_row in table.findall(TR):
                table.remove(old_row)
            table = self.adopter.adopt(table)
            table.append(row)
            if anchor is not None:
                anchor.addnext(table)
            elif following is not None:
                following.addprevious(table)
            else:
                self.body.insert(0, table)

    def _mark_inserted(self, paragraph: _Element) -> None:
        runs = [run for run, _, _ in run_spans(paragraph)]
        for group in _adjacent(runs):
            wrapper = self.revisions.mark("ins")
            group[0].addprevious(wrapper)
            wrapper.extend(group)
        mark_paragraph(paragraph, "ins", self.revisions)
        number_like_neighbours(paragraph, self.body)

    def _delete_text(self, paragraph: _Element) -> None:
        delete([run for run, start, end in run_spans(paragraph) if end > start], self.revisions)

    def _reword_paragraph(self, old: _Element, new: _Element) -> None:
        new_text = paragraph_text(new)
        # Right to left, so the offsets of the edits still to make stay valid.
        for edit in reversed(word_edits(paragraph_text(old), new_text)):
            last = None
            if edit.end > edit.start:
                last = delete(runs_within(old, edit.start, edit.end), self.revisions)
            if edit.new_end == edit.new_start:
                continue
            source = deepcopy(new)
            pieces = runs_within(source, edit.new_start, edit.new_end)
            runs = [self.adopter.adopt(run) for run in pieces]
            wrapper = inserted(runs, self.revisions)
            if last is None:
                cut_at(old, edit.start)
                last = _run_ending_at(old, edit.start)
            if last is None:
                place_first(old, wrapper, self.revisions)
            else:
                place_after(last, wrapper, self.revisions)

    def _merge_cell(self, old_cell: _Element, new_cell: _Element) -> None:
        old_paragraphs, new_paragraphs = cell_paragraphs(old_cell), cell_paragraphs(new_cell)
        alignment = align(
            [("p", " ".join(paragraph_text(p).split())) for p in old_paragraphs],
            [("p", " ".join(paragraph_text(p).split())) for p in new_paragraphs],
        )
        anchor: _Element | None = None
        for gap in range(-1, len(old_paragraphs)):
            if gap >= 0:
                paragraph = old_paragraphs[gap]
                match = alignment.matched[gap]
                if match is None:
                    self._delete_text(paragraph)
                    if _has_following_paragraph(paragraph):
                        mark_paragraph(paragraph, "del", self.revisions)
                elif not alignment.same[gap]:
                    self._reword_paragraph(paragraph, new_paragraphs[match])
                anchor = paragraph
            for n in alignment.added.get(gap, []):
                element = self.adopter.adopt(new_paragraphs[n])
                if anchor is None:
                    first = old_cell.find(qn("w:p"))
                    assert first is not None
                    first.addprevious(element)
                else:
                    anchor.addnext(element)
                self._mark_inserted(element)
                anchor = element


def _next_edited(steps: list[Step], index: int, edited: list[Unit]) -> _Element | None:
    for step in steps[index + 1 :]:
        if not isinstance(step, Add):
            return edited[step.edited].element
    return None


def _run_ending_at(paragraph: _Element, offset: int) -> _Element | None:
    found = None
    for run, start, end in run_spans(paragraph):
        if end == offset and end > start:
            found = run
        if start >= offset:
            break
    return found


def _adjacent(runs: list[_Element]) -> list[list[_Element]]:
    groups: list[list[_Element]] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def _table(row: _Element) -> _Element:
    table = row.getparent()
    while table is not None and table.tag != TBL:
        table = table.getparent()
    assert table is not None
    return table


def _same_shape(old: _Element, new: _Element) -> bool:
    return len(cells(old)) == len(cells(new))


def _has_following_paragraph(paragraph: _Element) -> bool:
    """A paragraph mark can be deleted only if a paragraph follows in the same container
    (the last one of a cell or of the document must stay)."""
    return any(sibling.tag in (qn("w:p"), TBL) for sibling in paragraph.itersiblings())
