"""Word's tracked changes, written the way Word writes them, so that each correction can be
accepted or rejected in Word's (or LibreOffice's) review pane.

Nothing the person wrote is ever removed: deleted text stays in the file inside `w:del`
(rejecting brings it back) and new text arrives inside `w:ins` (rejecting drops it). Runs
are split only at word boundaries the caller asks for; every element is placed in the order
the ECMA-376 schema requires, because Word "repairs" (or refuses) files that break it.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.merge.lines import NOTE, P, R, atom_text, marker, visible_runs

AUTHOR = "reportkit"
_ID = qn("w:id")
_INS, _DEL = qn("w:ins"), qn("w:del")
_TRACKED = frozenset({_INS, qn("w:moveTo")})
_PARAGRAPH_RPR_AFTER = (qn("w:sectPr"), qn("w:pPrChange"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DEL_TEXT, _NOTE_REFERENCE = qn("w:delText"), qn("w:footnoteReference")


class Revisions:
    """Makes revision marks: ids unique in the document (all its stories), author
    `reportkit`, one date."""

    def __init__(self, roots: list[_Element], when: datetime) -> None:
        ids = (element.get(_ID, "") for root in roots for element in root.iter())
        taken = [int(value) for value in ids if value.lstrip("-").isdigit()]
        self._next = max(taken, default=0) + 1
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, kind: str) -> _Element:
        element = OxmlElement(f"w:{kind}")
        element.set(_ID, str(self._next))
        self._next += 1
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        return element

    def renumber(self, element: _Element) -> None:
        element.set(_ID, str(self._next))
        self._next += 1


def run_spans(paragraph: _Element) -> list[tuple[_Element, int, int]]:
    """Each visible run with the offsets of its text in the paragraph's visible text."""
    spans = []
    position = 0
    for run in visible_runs(paragraph):
        length = sum(len(atom_text(atom)) for atom in run)
        spans.append((run, position, position + length))
        position += length
    return spans


def cut(paragraph: _Element, offset: int) -> None:
    """Make `offset` fall between two runs, splitting the run it falls in."""
    for run, start, end in run_spans(paragraph):
        if start < offset < end:
            _split_run(run, offset - start)
            return


def _split_run(run: _Element, offset: int) -> None:
    second = OxmlElement("w:r")
    properties = run.find(qn("w:rPr"))
    if properties is not None:
        second.append(deepcopy(properties))
    position = 0
    for atom in [child for child in run if child.tag != qn("w:rPr")]:
        length = len(atom_text(atom))
        if position >= offset:
            second.append(atom)
        elif position + length > offset:
            tail = OxmlElement("w:t")
            tail.text = (atom.text or "")[offset - position :]
            atom.text = (atom.text or "")[: offset - position]
            for text in (atom, tail):
                text.set(_SPACE, "preserve")
            second.append(tail)
        position += length
    run.addnext(second)


def runs_within(paragraph: _Element, start: int, end: int) -> list[_Element]:
    """The visible runs covering exactly [start, end), splitting runs at both ends."""
    cut(paragraph, start)
    cut(paragraph, end)
    return [run for run, a, b in run_spans(paragraph) if start <= a and b <= end and a < b]


def delete(runs: list[_Element], revisions: Revisions) -> None:
    """Track `runs` as deleted; adjacent runs share one `w:del`. A run reportkit itself
    inserted, not yet reviewed, is taken out instead: a deletion nested in an insertion is
    read one way by Word and another by LibreOffice."""
    wrapper: _Element | None = None
    for run in runs:
        parent = run.getparent()
        if parent is not None and parent.tag == _INS and is_own(parent):
            parent.remove(run)
            if not len(parent):
                parent.getparent().remove(parent)
            continue
        if wrapper is None or run.getprevious() is not wrapper:
            wrapper = revisions.mark("del")
            run.addprevious(wrapper)
        wrapper.append(run)
        for text in run.iter(qn("w:t")):
            text.tag = qn("w:delText")
        for code in run.iter(qn("w:instrText")):
            code.tag = qn("w:delInstrText")


def is_own(revision: _Element) -> bool:
    """Whether a tracked change is reportkit's (and so, while it stands, unreviewed)."""
    return revision.get(qn("w:author")) == AUTHOR


def own_insertion(element: _Element) -> bool:
    """A paragraph or row reportkit inserted, holding nothing but what it inserted."""
    mark = marker(element, "ins")
    if mark is None or not is_own(mark):
        return False
    paragraphs = [element] if element.tag == P else list(element.iter(P))
    return all(
        run.getparent().tag == _INS and is_own(run.getparent())
        for paragraph in paragraphs
        for run in visible_runs(paragraph)
    )


def own_deletion(element: _Element) -> bool:
    """A paragraph or row reportkit deleted, not yet reviewed, with nothing left visible."""
    mark = marker(element, "del")
    if mark is None or not is_own(mark):
        return False
    paragraphs = [element] if element.tag == P else list(element.iter(P))
    return all(
        not any(True for _ in visible_runs(paragraph))
        and all(is_own(d) for d in paragraph.iter(_DEL) if d.getparent().tag != qn("w:rPr"))
        for paragraph in paragraphs
    )


def deleted_text(paragraph: _Element) -> str:
    """The text of what is deleted in the paragraph, a deleted note's reference as the
    character that stands for it (`NOTE`), so that it reads as its visible text did."""
    return "".join(
        (node.text or "") if node.tag == _DEL_TEXT else NOTE
        for node in paragraph.iter(_DEL_TEXT, _NOTE_REFERENCE)
        if node.tag == _DEL_TEXT or next(node.iterancestors(_DEL), None) is not None
    )


def restore(element: _Element) -> None:
    """Undo reportkit's unreviewed deletion of a paragraph or row: its text and mark back."""
    mark = marker(element, "del")
    if mark is not None:
        mark.getparent().remove(mark)
    paragraphs = [element] if element.tag == P else list(element.iter(P))
    for paragraph in paragraphs:
        for revision in list(paragraph.iter(_DEL)):
            if revision.getparent().tag != qn("w:rPr") and is_own(revision):
                _undelete(revision)


def _undelete(revision: _Element) -> None:
    for text in revision.iter(qn("w:delText")):
        text.tag = qn("w:t")
    for code in revision.iter(qn("w:delInstrText")):
        code.tag = qn("w:instrText")
    for child in list(revision):
        revision.addprevious(child)
    revision.getparent().remove(revision)


def cancel_reversals(paragraph: _Element) -> None:
    """Where reportkit's unreviewed deletion and insertion stand side by side with the same
    text (a later round changed the words back), the text simply stays: no revision."""
    for revision in list(paragraph.iter(_DEL)):
        if revision.getparent() is None or not is_own(revision):
            continue
        for neighbour in (revision.getnext(), revision.getprevious()):
            if (
                neighbour is not None
                and neighbour.tag == _INS
                and is_own(neighbour)
                and _shown(neighbour) == deleted_text(revision)
            ):
                neighbour.getparent().remove(neighbour)
                _undelete(revision)
                break


def _shown(revision: _Element) -> str:
    return "".join(atom_text(atom) for run in revision.iter(R) for atom in run)


def inserted(runs: list[_Element], revisions: Revisions) -> _Element:
    wrapper = revisions.mark("ins")
    wrapper.extend(runs)
    return wrapper


def place_after(anchor: _Element, new: _Element, revisions: Revisions) -> None:
    """Put `new` right after `anchor`, outside any tracked insertion `anchor` is in (a
    revision inside another is split rather than nested)."""
    parent = anchor.getparent()
    if parent is not None and parent.tag in _TRACKED:
        following = list(anchor.itersiblings())
        if following:
            rest = deepcopy(parent)
            for child in list(rest):
                rest.remove(child)
            revisions.renumber(rest)
            rest.extend(following)
            parent.addnext(rest)
        parent.addnext(new)
    else:
        anchor.addnext(new)


def place_first(paragraph: _Element, new: _Element, revisions: Revisions) -> None:
    """Put `new` before the paragraph's first visible run (or at its end if it has none)."""
    spans = run_spans(paragraph)
    if not spans:
        paragraph.append(new)
        return
    first = spans[0][0]
    parent = first.getparent()
    if parent is not None and parent.tag in _TRACKED and first.getprevious() is None:
        first = parent
    elif parent is not None and parent.tag in _TRACKED:
        previous = first.getprevious()
        assert previous is not None
        place_after(previous, new, revisions)
        return
    first.addprevious(new)


def mark_paragraph(paragraph: _Element, kind: str, revisions: Revisions) -> None:
    """Track the paragraph mark itself as inserted or deleted (`ins`/`del`)."""
    properties = _paragraph_properties(paragraph)
    mark_properties = properties.find(qn("w:rPr"))
    if mark_properties is None:
        mark_properties = OxmlElement("w:rPr")
        later = [properties.find(tag) for tag in _PARAGRAPH_RPR_AFTER]
        following = next((e for e in later if e is not None), None)
        if following is not None:
            following.addprevious(mark_properties)
        else:
            properties.append(mark_properties)
    first = mark_properties[0] if len(mark_properties) else None
    index = 1 if kind == "del" and first is not None and first.tag == qn("w:ins") else 0
    mark_properties.insert(index, revisions.mark(kind))


def mark_row(row: _Element, kind: str, revisions: Revisions) -> None:
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        exceptions = row.find(qn("w:tblPrEx"))
        if exceptions is not None:
            exceptions.addnext(properties)
        else:
            row.insert(0, properties)
    change = properties.find(qn("w:trPrChange"))
    marker = revisions.mark(kind)
    if change is not None:
        change.addprevious(marker)
    else:
        properties.append(marker)


def restyle(paragraph: _Element, style_id: str, revisions: Revisions) -> None:
    """Give the paragraph another style as a tracked formatting change. A change already
    tracked keeps the properties it records (rejecting goes back to them); reportkit's own,
    brought back to its original style, is dropped."""
    properties = _paragraph_properties(paragraph)
    existing = properties.find(qn("w:pPrChange"))
    if existing is not None:
        _set_style(properties, style_id)
        original = existing.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if is_own(existing) and original is not None and original.get(qn("w:val")) == style_id:
            properties.remove(existing)
        return
    old = OxmlElement("w:pPr")
    for child in properties:
        if child.tag not in (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")):
            old.append(deepcopy(child))
    _set_style(properties, style_id)
    change = revisions.mark("pPrChange")
    change.append(old)
    properties.append(change)


def take_properties(paragraph: _Element, source: _Element, revisions: Revisions) -> None:
    """Give the paragraph the properties of `source` (style, numbering, spacing) as a
    tracked formatting change; its own mark and section end stay."""
    properties = _paragraph_properties(paragraph)
    old = OxmlElement("w:pPr")
    for child in list(properties):
        if child.tag not in _OWN_PROPERTIES:
            old.append(child)
    wanted = source.find(qn("w:pPr"))
    for child in reversed(list(wanted) if wanted is not None else []):
        if child.tag not in _OWN_PROPERTIES:
            properties.insert(0, deepcopy(child))
    if properties.find(qn("w:pPrChange")) is None:
        change = revisions.mark("pPrChange")
        change.append(old)
        properties.append(change)


_OWN_PROPERTIES = frozenset({qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")})


def _set_style(properties: _Element, style_id: str) -> None:
    style = properties.find(qn("w:pStyle"))
    if style is None:
        style = OxmlElement("w:pStyle")
        properties.insert(0, style)
    style.set(qn("w:val"), style_id)


def _paragraph_properties(paragraph: _Element) -> _Element:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    return properties
