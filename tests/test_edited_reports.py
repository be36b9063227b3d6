"""A report the secretariat edited in Word is never overwritten: corrections are merged in.

The edited report is made as a person makes it — a paragraph reworded and saved — both by
python-docx and by a real editor's save (LibreOffice rewrites all of the XML). Expected
documents are made independently of the merge: a fresh build of the corrected workbook
with the same hand edit applied, and the edited file itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

import reportkit
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE, soffice_convert
from tests.docx_facts import lines_in_order
from tests.ooxml import problems
from tests.revisions import body_texts, resolved

OPENING = "The Meeting started with a recitation from the Holy Quran."
HAND_EDIT = "The Meeting opened with a recitation from the Holy Quran, as is the custom."
DEEN_DETAILS = "General Manager, National Data Management Authority, Office of the Prime Minister"


def hand_edit(document: Document, starts: str, text: str) -> None:
    """Reword a paragraph as a person does in Word: the paragraph keeps its style."""
    paragraph = next(p for p in lines_in_order(document) if p.text.startswith(starts))
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = text


def edit_report(report: Path, starts: str, text: str, editor: str, scratch: Path) -> bytes:
    """Edit `report` in place as `editor` ("python-docx" or "libreoffice") saves it."""
    document = Document(str(report))
    hand_edit(document, starts, text)
    document.save(str(report))
    if editor == "libreoffice":
        scratch.mkdir(exist_ok=True)
        saved = soffice_convert(report, "docx", scratch)
        shutil.copy(saved, report)
    return report.read_bytes()


def correct(workbook: Path) -> None:
    """The corrections of the issue: a position corrected, a delegate of a new delegation
    added, one delegate (Cameroon's only one) removed."""
    book = load_workbook(workbook)
    sheet = book["Participants"]
    rows = list(sheet.iter_rows(min_row=2))
    deen = next(r for r in rows if r[3].value == "Deen")
    deen[4].value = "Senior Director"
    cameroon = next(r for r in rows if r[0].value == "Cameroon")
    sheet.delete_rows(cameroon[0].row)
    sheet.append(["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"])
    book.save(workbook)


def fresh_build(workbook: Path, folder: Path) -> Path:
    return reportkit.build(workbook, folder)


def kept_copies(out: Path) -> list[Path]:
    return sorted((out / ".reportkit" / "kept").iterdir())


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    return workbook


@pytest.mark.parametrize("editor", ["python-docx", "libreoffice"])
def test_corrections_are_merged_into_the_edited_report_as_tracked_changes(
    meeting: Path, tmp_path: Path, editor: str
) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edit_report(report, OPENING, HAND_EDIT, editor, tmp_path / "saved")
    correct(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(report)]
    assert f"{report}: edited in Word — corrections merged as tracked changes:" in result.stderr
    assert "Traceback" not in result.stderr
    (copy,) = kept_copies(out)
    assert copy.read_bytes() == edited
    assert f"{report}: your previous file is kept at {copy}" in result.stderr

    expected = Document(str(fresh_build(meeting, tmp_path / "fresh")))
    hand_edit(expected, OPENING, HAND_EDIT)
    assert body_texts(resolved(report, accept=True)) == body_texts(expected)
    assert body_texts(resolved(report, accept=False)) == body_texts(resolved(edited, accept=True))

    authors = {e.get(f"{{{W}}}author") for e in _revisions(report)}
    assert authors == {"reportkit"}
    assert problems(report) == [], "the merged report must be valid as Word checks it"
    notes = (out / "meeting.changes.md").read_text(encoding="utf-8")
    assert "## Merged into the edited report" in notes
    assert "- Annex III, ARAB REPUBLIC OF EGYPT: added" in notes
    assert "- Annex III, REPUBLIC OF CAMEROON: removed" in notes
    assert "- Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: reworded" in notes


def test_libreoffice_shows_the_merged_changes(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edit_report(report, OPENING, HAND_EDIT, "python-docx", tmp_path)
    correct(meeting)
    assert cli("build", str(meeting), "-o", str(out)).returncode == 0
    pdf = soffice_convert(report, "pdf", tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    # Shown with changes: the inserted delegation, the deleted one, both wordings of Deen's
    # position, and the hand edit.
    for shown in ("ARAB REPUBLIC OF EGYPT", "AHMED HASSAN", "REPUBLIC OF CAMEROON"):
        assert shown in flat
    assert "General Manager" in flat and "Senior Director" in flat
    assert "as is the custom" in flat


def test_a_merged_report_is_up_to_date_and_takes_the_next_correction(
    meeting: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edit_report(report, OPENING, HAND_EDIT, "python-docx", tmp_path)
    correct(meeting)
    assert cli("build", str(meeting), "-o", str(out)).returncode == 0
    again = cli("build", str(meeting), "-o", str(out))
    assert again.returncode == 0 and again.stdout == ""

    book = load_workbook(meeting)
    egypt = next(r for r in book["Participants"].iter_rows(min_row=2) if r[0].value == "Egypt")
    egypt[4].value = "Deputy Minister"
    book.save(meeting)
    third = cli("build", str(meeting), "-o", str(out))
    assert third.returncode == 0, third.stderr
    assert "Annex III, ARAB REPUBLIC OF EGYPT, Mr. AHMED HASSAN: reworded" in third.stderr

    expected = Document(str(fresh_build(meeting, tmp_path / "fresh")))
    hand_edit(expected, OPENING, HAND_EDIT)
    assert body_texts(resolved(report, accept=True)) == body_texts(expected)
    assert len(kept_copies(out)) == 2


def test_a_conflict_keeps_both_texts_and_is_one_located_line(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    person = "Chief Executive, National Data Management Authority, Office of the Prime Minister"
    edit_report(report, DEEN_DETAILS, person, "python-docx", tmp_path)
    correct(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 0, result.stderr
    conflict = (
        f"{report}: Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: edited in "
        "Word and changed in "
        "the workbook — both kept, review the tracked change"
    )
    assert [line for line in result.stderr.splitlines() if "both kept" in line] == [conflict]
    accepted = body_texts(resolved(report, accept=True))
    workbook_text = DEEN_DETAILS.replace("General Manager", "Senior Director")

    def line_of(text: str) -> int:
        """The line holding `text` as a paragraph: a delegate's lines are a table row's."""
        return next(i for i, line in enumerate(accepted) if text in line.split("\n"))

    assert line_of(person) + 1 == line_of(workbook_text)
    notes = (out / "meeting.changes.md").read_text(encoding="utf-8")
    assert "## Conflicts" in notes
    assert problems(report) == []


def test_fresh_rebuilds_from_the_workbook_and_keeps_the_edited_copy(
    meeting: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edit_report(report, OPENING, HAND_EDIT, "python-docx", tmp_path)

    result = cli("build", str(meeting), "-o", str(out), "--fresh")

    assert result.returncode == 0, result.stderr
    (copy,) = kept_copies(out)
    assert copy.read_bytes() == edited
    assert report.read_bytes() == fresh_build(meeting, tmp_path / "fresh").read_bytes()
    assert "## Your copy" in (out / "meeting.changes.md").read_text(encoding="utf-8")


def test_force_over_an_edited_report_merges_and_keeps_a_copy(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edit_report(report, OPENING, HAND_EDIT, "python-docx", tmp_path)
    untouched = cli("build", str(meeting), "-o", str(out), "--force")
    assert untouched.returncode == 0
    assert report.read_bytes() == edited, "nothing to merge: the edited file stays as it is"
    correct(meeting)

    result = cli("build", str(meeting), "-o", str(out), "--force")

    assert result.returncode == 0, result.stderr
    (copy,) = kept_copies(out)
    assert copy.read_bytes() == edited
    assert HAND_EDIT in body_texts(resolved(report, accept=True))


def test_an_edited_report_with_an_unchanged_workbook_is_left_alone(
    meeting: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edit_report(report, OPENING, HAND_EDIT, "python-docx", tmp_path)
    result = cli("build", str(meeting), "-o", str(out))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{report}: edited since the last build; nothing new to merge"
    ]
    assert report.read_bytes() == edited
    assert not (out / ".reportkit" / "kept").exists() or not kept_copies(out)


def test_a_damaged_report_is_left_as_it_is_until_a_fresh_build(
    meeting: Path, tmp_path: Path
) -> None:
    """Cut short by a sync, it may still be all the person has: never replaced unasked."""
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    damaged = report.read_bytes()[:5000]
    report.write_bytes(damaged)
    correct(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"{report}: cannot merge the workbook's corrections into it: the file is damaged or "
        "incomplete (truncated) — copy it again, or open it in Word and save it again as .docx "
        "and build again, or build with --fresh to rebuild it from the workbook (your file is "
        "kept)"
    ]
    assert report.read_bytes() == damaged
    assert not (out / ".reportkit" / "kept").exists() or not kept_copies(out)

    fresh = cli("build", str(meeting), "-o", str(out), "--fresh")

    assert fresh.returncode == 0, fresh.stderr
    (copy,) = kept_copies(out)
    assert copy.read_bytes() == damaged
    assert Document(str(report)).paragraphs[0].text == "REPORT"


def test_a_file_reportkit_did_not_write_is_kept_before_building(
    meeting: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stranger = out / "meeting.docx"
    document = Document()
    document.add_paragraph("Minutes typed by hand before any build.")
    document.save(str(stranger))
    before = stranger.read_bytes()

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 0, result.stderr
    (copy,) = kept_copies(out)
    assert copy.read_bytes() == before
    assert "cannot be merged" in result.stderr


def test_a_batch_merges_edited_reports_and_rebuilds_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    workbooks = [folder / f"meeting-{i}.xlsx" for i in range(4)]
    for workbook in workbooks:
        shutil.copy(SAMPLE, workbook)
    out = tmp_path / "out"
    assert cli("build", str(folder), "-o", str(out)).returncode == 0
    for index in (1, 3):
        edit_report(out / f"meeting-{index}.docx", OPENING, HAND_EDIT, "python-docx", tmp_path)
    for workbook in workbooks:
        correct(workbook)

    result = cli("build", str(folder), "-o", str(out), "--jobs", "2")

    assert result.returncode == 0, result.stderr
    statuses = {
        line.split()[0]: line.split()[1]
        for line in result.stderr.splitlines()
        if line.startswith(str(folder))
    }
    assert statuses == {
        str(workbooks[0]): "built",
        str(workbooks[1]): "merged",
        str(workbooks[2]): "built",
        str(workbooks[3]): "merged",
    }
    assert result.stderr.splitlines()[-1].startswith("2 built, 2 merged, 0 unchanged, 0 failed")
    expected = body_texts(Document(str(fresh_build(workbooks[0], tmp_path / "fresh"))))
    assert body_texts(Document(str(out / "meeting-0.docx"))) == expected
    assert HAND_EDIT in body_texts(resolved(out / "meeting-1.docx", accept=True))


def test_history_answers_when_a_delegate_changed(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    correct(meeting)
    assert cli("build", str(meeting), "-o", str(out)).returncode == 0

    listing = cli("history", str(report), "--search", "deen")

    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert len([line for line in lines if not line.startswith(" ")]) == 1
    assert lines[0].split()[2] == "built"
    assert (
        '  Participants (Guyana): Mr. Christopher Deen edited — position: "General Manager" → '
        '"Senior Director"'
    ) in lines
    every = cli("history", str(report), "--format", "json")
    assert [build["action"] for build in json.loads(every.stdout)] == [
        "built",
        "built",
    ]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _revisions(report: Path) -> list:
    """Every tracked insertion and deletion, of text, paragraph marks and rows."""
    return list(Document(str(report)).element.body.iter(f"{{{W}}}ins", f"{{{W}}}del"))
