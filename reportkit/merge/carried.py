"""The notes that come and go with their references, in the edited document.

A reference copied from the new build names a note of the new build: the note is copied
into the edited document's footnotes part (made, with its separators, when the report was
built before it had notes) under an id no note there has, its text marked inserted, so
that rejecting the reference leaves no note text waiting to be accepted. A reference the
merge deletes takes its note's text with it, tracked the same way, so that Accept All
leaves no note without its reference and Reject All brings both back. The notes are then
numbered in the order of their references, as LibreOffice reads them.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.merge.lines import P, R, visible_runs
from reportkit.merge.notes import Note, footnotes_root, label, notes_by_id
from reportkit.merge.revisions import Revisions, delete, is_own, restore
from reportkit.render.footnotes import add_footnotes_part

_ID, _TYPE = qn("w:id"), qn("w:type")
_NOTE, _REFERENCE, _MARK = qn("w:footnote"), qn("w:footnoteReference"), qn("w:footnoteRef")
_INS, _DEL, _T = qn("w:ins"), qn("w:del"), qn("w:t")


class NoteCarrier:
    """Brings the new build's notes into `edited` as references to them arrive there."""

    def __init__(self, new: Document, edited: Document, revisions: Revisions) -> None:
        self._new = notes_by_id(new)
        self._edited = edited
        self._revisions = revisions
        self._root: _Element | None = None
        self._added: list[str] = []

    def carry(self, reference: _Element, adopt: Callable[[_Element], _Element]) -> None:
        """Point `reference`, copied from the new build, at a copy of its note (`adopt`
        makes the copy at home in the edited document)."""
        note = self._new.get(reference.get(_ID, ""))
        if note is None:
            return
        root = self._part()
        copy = adopt(note)
        number = str(max([0, *(_number(n) for n in root.iter(_NOTE))]) + 1)
        copy.set(_ID, number)
        for paragraph in copy.iter(P):
            _mark_inserted(paragraph, self._revisions)
        root.append(copy)
        reference.set(_ID, number)
        self._added.append(number)

    def _part(self) -> _Element:
        if self._root is None:
            self._root = footnotes_root(self._edited)
        if self._root is None:
            self._root = add_footnotes_part(self._edited)
        return self._root

    def settle(self) -> list[str]:
        """After the merge: the text of each note whose reference it deleted, deleted, and of
        each whose deleted reference it restored, restored; a note it added whose reference
        it took out again, gone. What was added and removed, for
        the change report."""
        body = self._edited.element.body
        notes = notes_by_id(self._edited)
        removed = []
        for note in _notes_of_deleted_references(body, notes):
            said = f"{label(None, Note(note, ''))}: removed"
            if _delete_text(note, self._revisions):
                removed.append(said)
        for reference in body.iter(_REFERENCE):
            note = notes.get(reference.get(_ID, ""))
            if _deletion(reference) is None and note is not None and not _shows_text(note):
                for paragraph in note.iter(P):
                    restore(paragraph)
        referenced = [r.get(_ID, "") for r in body.iter(_REFERENCE)]
        for number, note in notes.items():
            if number not in referenced and _only_inserted(note):
                note.getparent().remove(note)
            else:
                _one_mark(note)
        shown = [r.get(_ID, "") for r in body.iter(_REFERENCE) if _deletion(r) is None]
        added = [
            f"{label(shown.index(number), Note(notes[number], ''))}: added"
            for number in sorted(set(self._added) & set(shown), key=shown.index)
        ]
        root = footnotes_root(self._edited)
        if root is not None:
            _in_reference_order(root, body)
        return added + removed


def _deletion(element: _Element) -> _Element | None:
    return next(element.iterancestors(_DEL), None)


def _notes_of_deleted_references(body: _Element, notes: dict[str, _Element]) -> list[_Element]:
    """The notes whose references reportkit deleted (this time or in a round left
    unreviewed)."""
    found = []
    for reference in body.iter(_REFERENCE):
        deletion = _deletion(reference)
        note = notes.get(reference.get(_ID, ""))
        if deletion is not None and is_own(deletion) and note is not None:
            found.append(note)
    return found


def _delete_text(note: _Element, revisions: Revisions) -> bool:
    """Track the note's visible runs as deleted; whether it showed any text."""
    shown = _shows_text(note)
    delete([run for paragraph in note.iter(P) for run in visible_runs(paragraph)], revisions)
    return shown


def _shows_text(note: _Element) -> bool:
    return any(
        True for paragraph in note.iter(P) for run in visible_runs(paragraph) for _ in run.iter(_T)
    )


def _in_reference_order(root: _Element, body: _Element) -> None:
    """Notes numbered, and placed in the part, in the order of their references:
    LibreOffice gives the references the notes in the order of their ids, whatever ids the
    references name (Word goes by the ids). Numbers start after the separators'; notes
    nothing refers to go last."""
    typed = [note for note in root if note.tag == _NOTE and note.get(_TYPE) is not None]
    notes = {note.get(_ID, ""): note for note in root if note.tag == _NOTE and note not in typed}
    first = max([0, *map(_number, typed)]) + 1
    references = list(body.iter(_REFERENCE))
    order = [r.get(_ID, "") for r in references if r.get(_ID, "") in notes]
    numbers = {old: str(first + index) for index, old in enumerate(dict.fromkeys(order))}
    for old in notes:
        numbers.setdefault(old, str(first + len(numbers)))
    for reference in references:
        reference.set(_ID, numbers.get(reference.get(_ID, ""), reference.get(_ID, "")))
    for old, note in sorted(notes.items(), key=lambda item: int(numbers[item[0]])):
        note.set(_ID, numbers[old])
        root.append(note)


def _number(note: _Element) -> int:
    value = note.get(_ID, "")
    return int(value) if value.lstrip("-").isdigit() else 0


def _mark_inserted(paragraph: _Element, revisions: Revisions) -> None:
    """Each stretch of the paragraph's runs inside one tracked insertion."""
    wrapper: _Element | None = None
    for child in list(paragraph):
        if child.tag != R:
            wrapper = None
            continue
        if wrapper is None:
            wrapper = revisions.mark("ins")
            child.addprevious(wrapper)
        wrapper.append(child)


def _one_mark(note: _Element) -> None:
    """A note shows its number once: the new build's paragraph that follows the person's
    (both changed it) comes without the mark it opened with."""
    marks = [mark.getparent() for mark in note.iter(_MARK) if _deletion(mark) is None]
    for run in marks[1:]:
        wrapper = run.getparent()
        if wrapper.tag == _INS and is_own(wrapper):
            wrapper.remove(run)
            if not len(wrapper):
                wrapper.getparent().remove(wrapper)


def _only_inserted(note: _Element) -> bool:
    """A note holding nothing but what reportkit inserted, unreviewed."""
    runs = list(note.iter(R))
    return bool(runs) and all(
        run.getparent().tag == _INS and is_own(run.getparent()) for run in runs
    )
