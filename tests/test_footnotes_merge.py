"""Footnotes in a report the secretariat edited, when the workbook corrects, adds or removes
notes: the corrections arrive as tracked changes in the notes themselves, as they do in the
body, in copies saved by python-docx and by LibreOffice (which renumbers every note).

Expected notes are read from a fresh build of the corrected workbook and from the person's
own file, never from the merge; LibreOffice's Accept All and Reject All resolve the merged
report.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx.document import Document as DocumentObject
from lxml import etree

import reportkit
from tests.commands import reportkit_cli as cli
from tests.libreoffice_review import libreoffice_review
from tests.merge_trials import Edit, accepted, edited_copy, paragraph_starting, with_edit
from tests.ooxml import problems
from tests.workbooks import variant, write_workbook

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
EDITORS = ["python-docx", "libreoffice"]
HEAD = ["Kind", "Text"]
ONLINE = "The Meeting was held online."
AGENDA = "The agenda was adopted."
SPEAKERS = "The delegates spoke."
REPORT = "The report was adopted."

BUILT = [
    ["paragraph", f"{ONLINE}[[footnote: On the platform.]] It closed at noon."],
    ["paragraph", f"{AGENDA}[[footnote: See the agenda in Annex II.]]"],
    ["paragraph", f"{SPEAKERS}[[footnote: In the order of the list.]]"],
    ["paragraph", REPORT],
]
CORRECTED = [
    ["paragraph", f"{ONLINE}[[footnote: On the CCO platform.]] It closed at noon."],
    ["paragraph", "The Meeting heard a recitation.[[footnote: A new note.]]"],
    ["paragraph", AGENDA],
    ["paragraph", f"{SPEAKERS}[[footnote: In the order of the list.]]"],
    ["paragraph", f"{REPORT}[[footnote: By acclamation.]]"],
]


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(report: Path | bytes) -> tuple[etree._Element, etree._Element | None]:
    """The body and the footnotes part (None when the package has none), as XML."""
    data = report if isinstance(report, bytes) else report.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = [
            r.get("Target")
            for r in rels.iter(f"{{{RELATIONSHIPS}}}Relationship")
            if r.get("Type") == FOOTNOTES
        ]
        notes = etree.fromstring(package.read(f"word/{targets[0]}")) if targets else None
    return body, notes


def note_text(note: etree._Element, tag: str = "t") -> str:
    return "".join(t.text or "" for t in note.iter(_w(tag))).strip()


def notes_of(report: Path | bytes) -> list[str | None]:
    """Each note's text in the order its reference stands (None: a reference to no note).
    For a document without tracked changes."""
    body, notes = parts(report)
    by_id = {} if notes is None else {n.get(_w("id")): n for n in notes.iter(_w("footnote"))}
    texts = []
    for reference in body.iter(_w("footnoteReference")):
        note = by_id.get(reference.get(_w("id")))
        texts.append(None if note is None else note_text(note))
    return texts


def note_holding(report: Path | bytes, words: str) -> etree._Element:
    _, notes = parts(report)
    assert notes is not None
    (note,) = [
        n
        for n in notes.iter(_w("footnote"))
        if words in note_text(n) or words in note_text(n, "delText")
    ]
    return note


def revised(element: etree._Element, kind: str) -> list[str]:
    """The text of each tracked insertion (`ins`) or deletion (`del`) inside `element`."""
    tag = "t" if kind == "ins" else "delText"
    return [
        "".join(t.text or "" for t in revision.iter(_w(tag))) for revision in element.iter(_w(kind))
    ]


def edit_notes(report: Path, replacements: dict[str, str]) -> None:
    """Retype notes as a person does in Word, in the footnotes part of the file itself
    (`replacements`: each pattern found once, and what replaces it)."""
    data = report.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(report, "w", zipfile.ZIP_DEFLATED) as package:
        for info, content in entries.items():
            if info.filename == "word/footnotes.xml":
                text = content.decode()
                for old, new in replacements.items():
                    text, count = re.subn(old, new, text)
                    assert count == 1, old
                content = text.encode()
            package.writestr(info, content)


def reword_first_run(starts: str, old: str, new: str) -> Edit:
    """Retype words of a paragraph's first run, its footnote references left where they are."""

    def edit(document: DocumentObject) -> None:
        run = paragraph_starting(document, starts).runs[0]
        assert old in run.text
        run.text = run.text.replace(old, new)

    return edit


SPOKE_IN_TURN = reword_first_run(SPEAKERS, "spoke", "spoke in turn")


def merged(
    folder: Path,
    built: list[list[str]],
    corrected: list[list[str]],
    edit: Edit,
    editor: str,
    note_edits: dict[str, str] | None = None,
) -> tuple[Path, bytes, list[str], Path]:
    """Build, edit as the person does (notes first), correct the workbook, build again: the
    report, the person's file as it was before the merge, what the build said, and the
    corrected workbook."""
    workbook = write_workbook(folder / "m.xlsx", variant(Report=[HEAD, *built]))
    out = folder / "out"
    report = reportkit.build(workbook, out)
    if note_edits:
        edit_notes(report, note_edits)
    edited = edited_copy(report, edit, editor, folder / "saved")
    write_workbook(workbook, variant(Report=[HEAD, *corrected]))
    result = cli("build", str(workbook), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return report, edited, result.stderr.splitlines(), workbook


def reviewed(report: Path, folder: Path, accept: bool) -> Path:
    (done,) = libreoffice_review([report], folder, accept=accept)
    assert done.revisions_after == 0
    return done.docx


@pytest.mark.parametrize("editor", EDITORS)
def test_the_workbooks_notes_arrive_in_the_edited_report_as_tracked_changes(
    tmp_path: Path, editor: str
) -> None:
    report, edited, said, workbook = merged(tmp_path, BUILT, CORRECTED, SPOKE_IN_TURN, editor)
    fresh = reportkit.build(workbook, tmp_path / "fresh")

    assert None not in notes_of(report)
    corrected = note_holding(report, "platform")
    assert revised(corrected, "ins") == ["CCO "]
    assert revised(corrected, "del") == []
    for added in ("By acclamation.", "A new note."):
        note = note_holding(report, added)
        assert revised(note, "ins") == [f" {added}"]
    removed = note_holding(report, "Annex II")
    assert note_text(removed) == ""
    assert revised(removed, "del") == [" See the agenda in Annex II."]
    assert problems(report) == []

    assert notes_of(reviewed(report, tmp_path / "accepted", True)) == notes_of(fresh)
    assert notes_of(reviewed(report, tmp_path / "rejected", False)) == notes_of(edited)
    assert accepted(report) == with_edit(fresh, SPOKE_IN_TURN)
    assert [line for line in said if line.startswith("  Footnote")] == [
        '  Footnote 1, "On the platform.": reworded',
        "  Footnote 2: added",
        "  Footnote 4: added",
        '  Footnote "See the agenda in Annex II.": removed',
    ]


@pytest.mark.parametrize("editor", EDITORS)
def test_a_note_edited_in_word_stays_and_one_changed_on_both_sides_is_a_conflict(
    tmp_path: Path, editor: str
) -> None:
    built = [
        [
            "paragraph",
            f"{ONLINE}[[footnote: On the platform.]] It closed at 12.00.[[footnote:"
            " 12.00 Ankara time.]]",
        ],
        ["paragraph", f"{SPEAKERS}[[footnote: In the order of the list.]]"],
    ]
    corrected = [
        [
            "paragraph",
            f"{ONLINE}[[footnote: On the CCO platform.]] It closed at 12.00.[[footnote:"
            " 12.00 Istanbul time.]]",
        ],
        ["paragraph", f"{SPEAKERS}[[footnote: In the order of the list.]]"],
    ]
    person = {
        r"12\.00 Ankara time\.": "12.00 local time.",
        r"of the list\.": "of the list of speakers.",
    }
    report, edited, said, _ = merged(
        tmp_path, built, corrected, SPOKE_IN_TURN, editor, note_edits=person
    )

    untouched_by_workbook = note_holding(report, "of speakers")
    assert revised(untouched_by_workbook, "ins") == revised(untouched_by_workbook, "del") == []
    assert revised(note_holding(report, "platform"), "ins") == ["CCO "]
    assert problems(report) == []
    conflicts = [line for line in said if "edited in Word and changed in the workbook" in line]
    assert conflicts == [
        f'{report}: Footnote 2, "12.00 local time.": edited in Word and changed in the workbook — both'
        " kept, review the tracked change"
    ]

    both = note_holding(report, "local time")
    assert len(list(both.iter(_w("footnoteRef")))) == 1
    assert len({p.find(f"{_w('pPr')}/{_w('pStyle')}").get(_w("val")) for p in both}) == 1

    accepted_notes = notes_of(reviewed(report, tmp_path / "accepted", True))
    assert accepted_notes[0] == "On the CCO platform."
    assert "12.00 local time." in accepted_notes[1] and "12.00 Istanbul time." in accepted_notes[1]
    assert accepted_notes[2] == "In the order of the list of speakers."
    assert notes_of(reviewed(report, tmp_path / "rejected", False)) == notes_of(edited)


@pytest.mark.parametrize("editor", EDITORS)
def test_a_report_built_without_notes_gets_a_footnotes_part_word_reads(
    tmp_path: Path, editor: str
) -> None:
    built = [["paragraph", SPEAKERS], ["paragraph", REPORT]]
    corrected = [["paragraph", SPEAKERS], ["paragraph", f"{REPORT}[[footnote: By acclamation.]]"]]
    report, edited, said, workbook = merged(tmp_path, built, corrected, SPOKE_IN_TURN, editor)
    fresh = reportkit.build(workbook, tmp_path / "fresh")

    assert parts(edited)[1] is None or notes_of(edited) == []
    body, notes = parts(report)
    assert notes is not None
    assert [(n.get(_w("type")), n.get(_w("id"))) for n in notes.iter(_w("footnote"))][:2] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    with zipfile.ZipFile(report) as package:
        types = package.read("[Content_Types].xml").decode()
        settings = etree.fromstring(package.read("word/settings.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    assert re.search(r'PartName="/word/footnotes\.xml"[^>]*footnotes\+xml', types)
    separators = settings.find(f"{_w('footnotePr')}")
    assert [f.get(_w("id")) for f in separators.iter(_w("footnote"))] == ["-1", "0"]
    names = {
        s.find(_w("name")).get(_w("val")).casefold(): s.get(_w("styleId"))
        for s in styles.iter(_w("style"))
    }
    (note,) = [n for n in notes.iter(_w("footnote")) if n.get(_w("type")) is None]
    paragraph_style = note.find(f"{_w('p')}/{_w('pPr')}/{_w('pStyle')}").get(_w("val"))
    assert paragraph_style == names["footnote text"]
    (reference,) = body.iter(_w("footnoteReference"))
    assert reference.getparent().getparent().tag == _w("ins")
    mark_style = reference.getparent().find(f"{_w('rPr')}/{_w('rStyle')}").get(_w("val"))
    assert mark_style == names["footnote reference"]
    assert problems(report) == []
    assert "  Footnote 1: added" in said

    assert notes_of(reviewed(report, tmp_path / "accepted", True)) == notes_of(fresh)
    assert notes_of(reviewed(report, tmp_path / "rejected", False)) == []


def drop_note(starts: str) -> Edit:
    """Delete a paragraph's note in Word: its reference goes (and the note with it, see
    `whole_note`)."""

    def edit(document: DocumentObject) -> None:
        (reference,) = paragraph_starting(document, starts)._p.iter(_w("footnoteReference"))
        run = reference.getparent()
        run.getparent().remove(run)

    return edit


def whole_note(words: str) -> str:
    """A pattern for the whole `w:footnote` element holding `words`."""
    inside = "(?:(?!</w:footnote>).)*"
    return f'<w:footnote w:id="[0-9]+">{inside}{re.escape(words)}{inside}</w:footnote>'


@pytest.mark.parametrize("editor", EDITORS)
def test_a_note_deleted_or_edited_in_word_that_the_workbook_changes_or_removes_is_said(
    tmp_path: Path, editor: str
) -> None:
    built = [
        ["paragraph", f"{ONLINE}[[footnote: On the platform.]] It closed at noon."],
        ["paragraph", f"{AGENDA}[[footnote: See the agenda in Annex II.]]"],
    ]
    corrected = [
        ["paragraph", f"{ONLINE}[[footnote: On the CCO platform.]] It closed at noon."],
        ["paragraph", AGENDA],
    ]
    amended = "See the agenda in Annex II, as amended."
    report, edited, said, workbook = merged(
        tmp_path,
        built,
        corrected,
        drop_note(ONLINE),
        editor,
        note_edits={whole_note("On the platform."): "", r"Annex II\.": "Annex II, as amended."},
    )
    fresh = reportkit.build(workbook, tmp_path / "fresh")

    assert notes_of(edited) == [amended]
    assert [line for line in said if "Footnote" in line] == [
        f'  Footnote "{amended}": removed',
        f'{report}: Footnote "On the platform.": deleted in Word and changed in the workbook —'
        " your deletion is kept",
        f'{report}: Footnote 1, "{amended}": edited in Word and removed in the workbook — its'
        " deletion is tracked, review it",
    ]
    assert problems(report) == []
    assert notes_of(reviewed(report, tmp_path / "accepted", True)) == []
    assert notes_of(reviewed(report, tmp_path / "rejected", False)) == [amended]
    assert accepted(report) == with_edit(fresh, drop_note(ONLINE))


def test_notes_corrected_over_rounds_left_unreviewed_resolve_as_each_build(
    tmp_path: Path,
) -> None:
    """Each round merges into the last one's unreviewed changes: accepting them all gives
    that round's notes, rejecting them all the person's."""
    rounds = [
        [
            ["paragraph", "One.[[footnote: Note one, corrected.]]"],
            ["paragraph", "Two.[[footnote: Note two.]]"],
            ["paragraph", "Three."],
        ],
        [
            ["paragraph", "One.[[footnote: Note one, corrected again.]]"],
            ["paragraph", "Two.[[footnote: Note two, corrected.]]"],
            ["paragraph", "Three.[[footnote: Note three.]]"],
        ],
        [
            ["paragraph", "One.[[footnote: Note one, corrected again.]]"],
            ["paragraph", "Two."],
            ["paragraph", "Three.[[footnote: Note three.]]"],
        ],
    ]
    built = [
        ["paragraph", "One.[[footnote: Note one.]]"],
        ["paragraph", "Two."],
        ["paragraph", "Three.[[footnote: Note three.]]"],
    ]
    report, edited, _, workbook = merged(
        tmp_path, built, rounds[0], reword_first_run("Two", "Two", "Two, edited"), "python-docx"
    )
    copies = [shutil.copy(report, tmp_path / "round0.docx")]
    expected = [notes_of(reportkit.build(workbook, tmp_path / "fresh0"))]
    for number, corrected in enumerate(rounds[1:], start=1):
        write_workbook(workbook, variant(Report=[HEAD, *corrected]))
        reportkit.build(workbook, tmp_path / "out")
        copies.append(shutil.copy(report, tmp_path / f"round{number}.docx"))
        expected.append(notes_of(reportkit.build(workbook, tmp_path / f"fresh{number}")))

    assert [problems(Path(copy)) for copy in copies] == [[]] * len(rounds)
    accepted_all = libreoffice_review([Path(c) for c in copies], tmp_path / "accepted", True)
    rejected_all = libreoffice_review([Path(c) for c in copies], tmp_path / "rejected", False)
    assert [notes_of(done.docx) for done in accepted_all] == expected
    assert [notes_of(done.docx) for done in rejected_all] == [notes_of(edited)] * len(rounds)


def test_a_note_removed_and_brought_back_before_review_is_restored_not_added_again(
    tmp_path: Path,
) -> None:
    gone = ["paragraph", "Noted.[[footnote: A note to keep.]]"]
    built = [["paragraph", "One."], gone, ["paragraph", "Three."]]
    report, _, said, workbook = merged(
        tmp_path,
        built,
        [["paragraph", "One."], ["paragraph", "Three."]],
        reword_first_run("One", "One", "One, edited"),
        "python-docx",
    )
    assert '  Footnote "A note to keep.": removed' in said
    write_workbook(workbook, variant(Report=[HEAD, *built]))
    reportkit.build(workbook, tmp_path / "out")

    body, notes = parts(report)
    assert notes is not None
    assert [note_text(n) for n in notes.iter(_w("footnote")) if n.get(_w("type")) is None] == [
        "A note to keep."
    ]
    assert revised(notes, "ins") == revised(notes, "del") == []
    assert revised(body, "ins") == revised(body, "del") == []
    assert notes_of(report) == ["A note to keep."]
    assert problems(report) == []
