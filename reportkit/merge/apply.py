"""Carrying out a merge plan on the edited document, as tracked changes.

Words are replaced inside the person's own runs (their formatting kept), copied from the new
build's runs where new; lines the workbook added are copied from the new build, marked
inserted, after the line the plan names, so a new delegate lands inside her delegation and a
new delegation in its place in the list; lines it removed are marked deleted in place; a
table row is merged cell by cell. Review rounds stay one layer deep: what reportkit itself
inserted and nobody has reviewed yet is edited or removed as it is, never deleted inside its
own insertion, and what it deleted and the workbook brings back is restored (see
`revisions`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from copy import deepcopy

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.merge.adopt import Adopter, number_like_neighbours
from reportkit.merge.align import Item, align
from reportkit.merge.lines import (
    TBL,
    TR,
    Line,
    P,
    cell_paragraphs,
    cells,
    flat,
    is_marked,
    paragraph_text,
    row_paragraphs,
)
from reportkit.merge.plan import Change, Insert, Plan, Target
from reportkit.merge.revisions import (
    Revisions,
    cancel_reversals,
    cut,
    delete,
    deleted_text,
    inserted,
    mark_paragraph,
    mark_row,
    own_deletion,
    own_insertion,
    place_after,
    place_first,
    restore,
    restyle,
    run_spans,
    runs_within,
    take_properties,
)
from reportkit.merge.words import word_edits

_SECTION = qn("w:sectPr")


class Merger:
    """Applies plans to one story (the body, a header or a footer) of the edited document."""

    def __init__(
        self,
        story: _Element,
        edited: Sequence[Line],
        new: Sequence[Line],
        adopter: Adopter,
        revisions: Revisions,
    ) -> None:
        self.story = story
        self.edited = edited
        self.new = new
        self.adopter = adopter
        self.revisions = revisions

    def apply(self, plan: Plan) -> None:
        self._changes(plan.changes)
        for e, n in plan.restyles.items():
            if self.edited[e].is_row:
                self._restyle_row(self.edited[e], self.new[n])
            else:
                self._restyle(_element(self.edited[e]), _element(self.new[n]))
        for e, cell, n in plan.cell_merges:
            self._merge_cell(cells(self.edited[e].element)[cell], cells(self.new[n].element)[cell])
        self._inserts(plan.inserts)
        for e in plan.removals:
            self.remove(_element(self.edited[e]))

    # Words.

    def _changes(self, changes: list[Change]) -> None:
        by_paragraph: dict[Target, list[Change]] = defaultdict(list)
        for change in changes:
            by_paragraph[change.target].append(change)
        for target, group in by_paragraph.items():
            paragraph = _paragraph(self.edited, target)
            # Right to left, so the offsets of the edits still to make stay valid.
            for change in sorted(group, key=lambda c: c.start, reverse=True):
                source = None if change.source is None else _paragraph(self.new, change.source)
                self._replace(paragraph, change, source)
            cancel_reversals(paragraph)

    def _replace(self, paragraph: _Element, change: Change, source: _Element | None) -> None:
        """Replace [start, end) of the paragraph's visible text: the old words tracked as
        deleted, then the new ones (copied with the new build's formatting) as inserted."""
        old = runs_within(paragraph, change.start, change.end) if change.end > change.start else []
        wrapper = None
        if source is not None and change.new_end > change.new_start:
            pieces = runs_within(deepcopy(source), change.new_start, change.new_end)
            wrapper = inserted([self.adopter.adopt(run) for run in pieces], self.revisions)
            if old:
                place_after(old[-1], wrapper, self.revisions)
            else:
                cut(paragraph, change.start)
                previous = _run_ending_at(paragraph, change.start)
                if previous is None:
                    place_first(paragraph, wrapper, self.revisions)
                else:
                    place_after(previous, wrapper, self.revisions)
        delete(old, self.revisions)

    def _reword(self, old: _Element, new: _Element) -> None:
        """Turn one paragraph's whole text into another's (two-way: a cell nobody edited)."""
        new_text = paragraph_text(new)
        for edit in reversed(word_edits(paragraph_text(old), new_text)):
            change = Change(Target(0), *edit[:2], Target(0), *edit[2:])
            self._replace(old, change, new)
        cancel_reversals(old)

    def _restyle(self, paragraph: _Element, source: _Element) -> None:
        style = source.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None:
            restyle(paragraph, self.adopter.style_id(style.get(qn("w:val"), "")), self.revisions)

    def _restyle_row(self, row: Line, source: Line) -> None:
        """Each of the row's paragraphs whose style the new build's row changed (the plan
        restyles only rows whose paragraphs pair one to one)."""
        pairs = zip(row_paragraphs(_element(row)), row_paragraphs(_element(source)), strict=True)
        old = (style for cell in row.cell_styles for style in cell)
        new = (style for cell in source.cell_styles for style in cell)
        for (paragraph, model), before, after in zip(pairs, old, new, strict=True):
            if before != after:
                self._restyle(paragraph, model)

    def _merge_cell(self, old_cell: _Element, new_cell: _Element) -> None:
        old_paragraphs, new_paragraphs = cell_paragraphs(old_cell), cell_paragraphs(new_cell)
        alignment = align([_item(p) for p in old_paragraphs], [_item(p) for p in new_paragraphs])
        anchor: _Element | None = None
        for gap in range(-1, len(old_paragraphs)):
            if gap >= 0:
                paragraph = old_paragraphs[gap]
                match = alignment.matched[gap]
                if match is None:
                    self._delete_paragraph(paragraph)
                elif not alignment.same[gap]:
                    self._reword(paragraph, new_paragraphs[match])
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

    # Lines.

    def _inserts(self, inserts: list[Insert]) -> None:
        placed: dict[int, _Element] = {}
        for insert in inserts:
            source = self.new[insert.new].element
            assert source is not None
            if insert.after_new is not None:
                element = self._add_after(source, placed[insert.after_new])
            elif insert.after is not None:
                element = self._add_after(source, _element(self.edited[insert.after]))
            else:
                following = None if insert.before is None else self.edited[insert.before].element
                element = self._add_before(source, following)
            placed[insert.new] = element

    def _add_after(self, source: _Element, anchor: _Element) -> _Element:
        restored = self._restore_after(source, anchor)
        if restored is not None:
            return restored
        element = self.adopter.adopt(source)
        if element.tag == TR:
            if anchor.tag == TR:
                anchor.addnext(element)
            else:
                _after_paragraph(anchor).addnext(self._table_for(element, source))
            self._mark_row_inserted(element)
            return element
        if anchor.tag == TR:
            _table(anchor).addnext(element)
        elif anchor.find(f"{qn('w:pPr')}/{_SECTION}") is not None and not paragraph_text(anchor):
            # The empty paragraph that ends a section: what follows its line belongs before it.
            anchor.addprevious(element)
        else:
            anchor.addnext(element)
            _carry_section_end(anchor, element)
        self._mark_inserted(element)
        return element

    def _add_before(self, source: _Element, following: _Element | None) -> _Element:
        element = self.adopter.adopt(source)
        if element.tag == TR:
            if following is not None and following.tag == TR:
                following.addprevious(element)
            else:
                table = self._table_for(element, source)
                self._put_before(table, following)
            self._mark_row_inserted(element)
            return element
        self._put_before(element, following)
        self._mark_inserted(element)
        return element

    def _put_before(self, element: _Element, following: _Element | None) -> None:
        if following is not None:
            (_table(following) if following.tag == TR else following).addprevious(element)
        else:
            self.story.insert(0, element)

    def _table_for(self, row: _Element, source: _Element) -> _Element:
        """A table for a row inserted where there is none: the new build's, without its rows."""
        table = deepcopy(_table(source))
        for old_row in table.findall(TR):
            table.remove(old_row)
        table = self.adopter.adopt(table)
        table.append(row)
        return table

    def _restore_after(self, source: _Element, anchor: _Element) -> _Element | None:
        """What reportkit deleted right after `anchor`, unreviewed, and the workbook brings back
        as it was: restored instead of inserted a second time."""
        wanted = _line_text(source)
        candidate = anchor.getnext() if anchor.tag == source.tag else None
        while candidate is not None and own_deletion(candidate):
            if candidate.tag == source.tag and flat(deleted_text(candidate)) == wanted:
                restore(candidate)
                return candidate
            candidate = candidate.getnext()
        return None

    def remove(self, element: _Element) -> None:
        if own_insertion(element) and element.find(f"{qn('w:pPr')}/{_SECTION}") is None:
            table = _table(element) if element.tag == TR else None
            element.getparent().remove(element)
            if table is not None and table.find(TR) is None:
                table.getparent().remove(table)
            return
        if element.tag == TR:
            mark_row(element, "del", self.revisions)
            for paragraph in element.iter(qn("w:p")):
                self._delete_text(paragraph)
        else:
            self._delete_paragraph(element)

    def _delete_paragraph(self, paragraph: _Element) -> None:
        """Its text deleted, and its mark — or, for a paragraph whose mark must stay (the
        last of its story or cell, or one that ends a section), the mark of the paragraph
        before it: accepting then leaves that paragraph's text in this one's place, set as
        that paragraph was."""
        self._delete_text(paragraph)
        if _mark_deletable(paragraph):
            mark_paragraph(paragraph, "del", self.revisions)
            return
        previous = paragraph.getprevious()
        while previous is not None and previous.tag == P and is_marked(previous, "del"):
            previous = previous.getprevious()
        if (
            previous is None
            or previous.tag != P
            or previous.find(f"{qn('w:pPr')}/{_SECTION}") is not None
        ):
            return
        mark_paragraph(previous, "del", self.revisions)
        take_properties(paragraph, previous, self.revisions)

    def _delete_text(self, paragraph: _Element) -> None:
        delete([run for run, start, end in run_spans(paragraph) if end > start], self.revisions)

    def _mark_row_inserted(self, row: _Element) -> None:
        mark_row(row, "ins", self.revisions)
        for paragraph in row.iter(qn("w:p")):
            self._mark_inserted(paragraph)

    def _mark_inserted(self, paragraph: _Element) -> None:
        runs = [run for run, _, _ in run_spans(paragraph)]
        for group in _adjacent(runs):
            wrapper = self.revisions.mark("ins")
            group[0].addprevious(wrapper)
            wrapper.extend(group)
        mark_paragraph(paragraph, "ins", self.revisions)
        number_like_neighbours(paragraph)


def _paragraph(lines: Sequence[Line], target: Target) -> _Element:
    element = _element(lines[target.line])
    if target.cell < 0:
        return element
    return cell_paragraphs(cells(element)[target.cell])[target.paragraph]


def _element(line: Line) -> _Element:
    assert line.element is not None
    return line.element


def _item(paragraph: _Element) -> Item:
    text = flat(paragraph_text(paragraph))
    return Item("p", text, text)


def _line_text(element: _Element) -> str:
    if element.tag == TR:
        return flat(
            "\t".join(
                "\n".join(deleted_text(p) or paragraph_text(p) for p in cell_paragraphs(c))
                for c in cells(element)
            )
        )
    return flat(paragraph_text(element))


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


def _after_paragraph(anchor: _Element) -> _Element:
    return _table(anchor) if anchor.tag == TR else anchor


def _carry_section_end(anchor: _Element, inserted_paragraph: _Element) -> None:
    """A paragraph inserted after the one that ends a section takes over the section's end,
    so that it stays in the section of the line it follows."""
    properties = anchor.find(qn("w:pPr"))
    section = None if properties is None else properties.find(_SECTION)
    if section is None:
        return
    own = inserted_paragraph.find(qn("w:pPr"))
    if own is None:
        return
    before = own.find(qn("w:pPrChange"))
    properties.remove(section)
    if before is not None:
        before.addprevious(section)
    else:
        own.append(section)


def _mark_deletable(paragraph: _Element) -> bool:
    """A paragraph mark can be deleted only if a paragraph follows in the same container
    (the last one of a cell or of the document must stay) and it ends no section."""
    if paragraph.find(f"{qn('w:pPr')}/{_SECTION}") is not None:
        return False
    return any(sibling.tag in (P, TBL) for sibling in paragraph.itersiblings())
