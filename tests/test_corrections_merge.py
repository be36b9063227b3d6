"""Corrections merged into a report the secretariat edited, tried as they work: restyling,
moving, joining and deleting in Word (and saving in LibreOffice), headers, review rounds
left unreviewed, the report open in Word, and Word saving its older copy over the merge.

Every expected document is made independently of the merge: a fresh build of the corrected
workbook with the person's edit made on it the same way, and the person's own file.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from lxml import etree
from openpyxl import load_workbook

import reportkit
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE, soffice_convert
from tests.docx_facts import lines_in_order
from tests.libreoffice_review import libreoffice_review, text_paragraphs
from tests.merge_trials import (
    Edit,
    accepted,
    correct_position,
    details_of,
    edited_copy,
    nested_revisions,
    paragraph_starting,
    rejected,
    reword,
    set_report_text,
    set_text,
    styled_texts,
    with_edit,
)
from tests.ooxml import problems
from tests.revisions import header_and_footer_texts, resolved

OPENING = "The Meeting started with a recitation from the Holy Quran."
OUTSET = "At the outset, Mr. Selçuk KOÇ"
AFTERWARDS = "Afterwards, Mr. Safa USLU"
STARTED = "The Meeting started with a recitation"
REWORDED_OPENING = "The Meeting started with a recitation from the Holy Quran, as is the custom."


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    return workbook


def merged(
    meeting: Path, out: Path, edit: Edit, editor: str, correction: Callable[[Path], None]
) -> tuple[Path, bytes, list[str]]:
    """Build, edit as the person does, correct the workbook, build again: the report, the
    person's file as it was before the merge, and what the build said."""
    report = reportkit.build(meeting, out)
    edited = edited_copy(report, edit, editor, out.parent / "saved")
    correction(meeting)
    result = cli("build", str(meeting), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return report, edited, result.stderr.splitlines()


def restyle(starts: str, style: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        paragraph_starting(document, starts).style = document.styles[style]

    return edit


def move_after(starts: str, anchor: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        paragraph = paragraph_starting(document, starts)._p
        paragraph_starting(document, anchor)._p.addnext(paragraph)

    return edit


def join_with_next(starts: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        paragraph = paragraph_starting(document, starts)
        following = paragraph._p.getnext()
        text = " ".join(t.text or "" for t in following.iter(f"{{{W}}}t"))
        set_text(paragraph, f"{paragraph.text} {text}")
        following.getparent().remove(following)

    return edit


def promote_koc(workbook: Path) -> None:
    """A correction in the Report sheet: Mr. KOÇ is Director General, no longer acting."""
    book = load_workbook(workbook)
    row = next(r for r in book["Report"].iter_rows(min_row=2) if str(r[1].value).startswith(OUTSET))
    row[1].value = row[1].value.replace("Acting Director General", "Director General")
    book.save(workbook)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EDITORS = ["python-docx", "libreoffice"]


@pytest.mark.parametrize("editor", EDITORS)
@pytest.mark.parametrize(
    "name, edit",
    [
        ("restyled", restyle(STARTED, "Report Text")),
        ("moved", move_after(STARTED, AFTERWARDS)),
    ],
)
def test_a_restyled_or_moved_paragraph_takes_the_correction_once_where_it_is(
    meeting: Path, tmp_path: Path, name: str, edit: Edit, editor: str
) -> None:
    def correction(workbook: Path) -> None:
        set_report_text(workbook, OPENING, REWORDED_OPENING)

    report, edited, _ = merged(meeting, tmp_path / "out", edit, editor, correction)

    fresh = reportkit.build(meeting, tmp_path / "fresh")
    assert accepted(report) == with_edit(fresh, edit)
    assert rejected(report) == styled_texts(edited)
    assert problems(report) == []


@pytest.mark.parametrize("editor", EDITORS)
def test_joined_paragraphs_take_the_correction_inside_the_joined_one(
    meeting: Path, tmp_path: Path, editor: str
) -> None:
    """The person joins two paragraphs; the workbook rewords the second: its new words
    arrive inside the joined paragraph, and nothing is duplicated."""

    out = tmp_path / "out"
    report, edited, _ = merged(meeting, out, join_with_next(OPENING), editor, promote_koc)

    lines = [text for _, text in accepted(report)]
    joined = [line for line in lines if line.startswith(OPENING)]
    assert len(joined) == 1 and joined[0].startswith(f"{OPENING} {OUTSET}, Director General of")
    assert not any(line.startswith(OUTSET) for line in lines), "no second copy"
    assert rejected(report) == styled_texts(edited)


def test_a_delegate_deleted_in_word_and_corrected_in_the_workbook_comes_back_whole(
    meeting: Path, tmp_path: Path
) -> None:
    deen = "-Mr. CHRISTOPHER DEEN"

    def delete_deen(document: DocumentObject) -> None:
        """His name and details deleted: the table row that holds them, as Word deletes."""
        row = next(details_of(document, deen)._p.iterancestors(f"{{{W}}}tr"))
        row.getparent().remove(row)

    def correction(workbook: Path) -> None:
        book = load_workbook(workbook)
        row = next(r for r in book["Participants"].iter_rows(min_row=2) if r[3].value == "Deen")
        row[4].value = "Senior Director"
        book.save(workbook)

    out = tmp_path / "out"
    report, edited, said = merged(meeting, out, delete_deen, "python-docx", correction)

    conflicts = [line for line in said if "deleted in Word" in line]
    assert conflicts == [
        f"{report}: Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: deleted in "
        "Word and changed in the workbook — the workbook's text is inserted, review the tracked "
        "change"
    ]
    fresh = reportkit.build(meeting, tmp_path / "fresh")
    assert accepted(report) == styled_texts(fresh), "the delegate whole: name and position"
    assert rejected(report) == styled_texts(edited), "rejecting keeps him deleted"


def test_the_workbooks_header_arrives_beside_the_persons_header_edit(
    meeting: Path, tmp_path: Path
) -> None:
    """A document symbol added in the workbook is printed in the page header: merged there
    as a tracked change, beside a line the secretariat added to the header."""
    symbol = "OIC/COMCEC/DIGITAL/2-22/REP"

    def add_header_line(document: DocumentObject) -> None:
        document.sections[0].header.add_paragraph("Draft for the Committee")

    def correction(workbook: Path) -> None:
        book = load_workbook(workbook)
        book["Meeting"].append(["symbol", symbol])
        book.save(workbook)

    out = tmp_path / "out"
    report, edited, said = merged(meeting, out, add_header_line, "python-docx", correction)

    assert f"{report}: edited in Word — corrections merged as tracked changes:" in said
    assert "  Page header: reworded" in said
    expected = Document(str(reportkit.build(meeting, tmp_path / "fresh")))
    add_header_line(expected)
    assert header_and_footer_texts(resolved(report, accept=True)) == header_and_footer_texts(
        expected
    )
    assert header_and_footer_texts(resolved(report, accept=False)) == header_and_footer_texts(
        Document(str(_saved(edited, tmp_path)))
    )
    assert problems(report) == []


def _saved(data: bytes, folder: Path) -> Path:
    path = folder / "person.docx"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("editor", EDITORS)
def test_review_rounds_left_unreviewed_read_alike_in_word_and_libreoffice(
    meeting: Path, tmp_path: Path, editor: str
) -> None:
    """Round 2 changes "fruitful" to "productive", left unreviewed (and, in one case, saved by
    LibreOffice); round 3 changes it to "constructive". reportkit edits its own insertion
    instead of nesting a deletion in it, so LibreOffice's own Accept All and Reject All give
    what Word's reading gives."""
    sentence = "The participants had a {} exchange of views."
    set_report_text(meeting, OPENING, sentence.format("fruitful"))
    person = reword(AFTERWARDS, "Afterwards, Mr. Safa USLU addressed the Meeting.")
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edited_copy(report, person, "python-docx", tmp_path)
    for round_number, word in ((2, "productive"), (3, "constructive")):
        previous = "fruitful" if round_number == 2 else "productive"
        set_report_text(meeting, sentence.format(previous)[:20], sentence.format(word))
        result = cli("build", str(meeting), "-o", str(out))
        assert result.returncode == 0, result.stderr
        if editor == "libreoffice" and round_number == 2:
            shutil.copy(soffice_convert(report, "docx", tmp_path / "lo-save"), report)

    assert nested_revisions(report) == 0
    expected = with_edit(reportkit.build(meeting, tmp_path / "fresh"), person)
    assert accepted(report) == expected
    assert rejected(report) == styled_texts(edited)
    word_reading = tmp_path / "word"
    word_reading.mkdir()
    for accept in (True, False):
        path = word_reading / f"{'accepted' if accept else 'rejected'}.docx"
        resolved(report, accept=accept).save(str(path))
        (libreoffice,) = libreoffice_review([report], tmp_path / "lo", accept=accept)
        words = text_paragraphs(soffice_convert(path, "txt:Text (encoded):UTF8", word_reading))
        assert libreoffice.paragraphs() == words
        assert libreoffice.revisions_after == 0
    reviewed = libreoffice_review([report], tmp_path / "lo", accept=True)[0].paragraphs()
    assert any(sentence.format("constructive") in line for line in reviewed)


def test_a_round_that_changes_the_words_back_leaves_no_revision(
    meeting: Path, tmp_path: Path
) -> None:
    sentence = "The participants had a {} exchange of views."
    set_report_text(meeting, OPENING, sentence.format("fruitful"))
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited = edited_copy(report, reword(AFTERWARDS, "Afterwards, we met."), "python-docx", tmp_path)
    for word in ("productive", "fruitful"):
        set_report_text(meeting, sentence[:20], sentence.format(word))
        assert cli("build", str(meeting), "-o", str(out)).returncode == 0
    paragraph = paragraph_starting(Document(str(report)), sentence[:20])._p
    assert not paragraph.xpath(".//w:ins | .//w:del")
    assert accepted(report) == rejected(report) == styled_texts(edited)


@pytest.mark.parametrize(
    "lock, editor",
    [("~$eting.docx", "Word"), (".~lock.meeting.docx#", "LibreOffice")],
)
def test_an_open_report_is_not_merged_into(
    meeting: Path, tmp_path: Path, lock: str, editor: str
) -> None:
    out = tmp_path / "out"
    other = tmp_path / "other.xlsx"
    shutil.copy(SAMPLE, other)
    report = reportkit.build(meeting, out)
    reportkit.build(other, out)
    edited = edited_copy(report, reword(OPENING, REWORDED_OPENING), "python-docx", tmp_path)
    (out / lock).write_bytes(b"\x05alice")
    for workbook in (meeting, other):
        correct_workbook(workbook)

    result = cli("build", str(meeting), str(other), "-o", str(out))

    assert result.returncode == 1
    assert report.read_bytes() == edited, "nothing of the open report is changed"
    assert (
        f"{report}: the report is open in {editor} ({lock} stands beside it), so this build "
        f"leaves it as it is — close it in {editor}, then build again (if it is open nowhere, "
        f"delete {lock})"
    ) in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1].startswith("1 built, 0 unchanged, 1 failed")

    (out / lock).unlink()
    again = cli("build", str(meeting), "-o", str(out))
    assert again.returncode == 0 and "corrections merged" in again.stderr


def correct_workbook(workbook: Path) -> None:
    book = load_workbook(workbook)
    row = next(r for r in book["Participants"].iter_rows(min_row=2) if r[3].value == "Deen")
    row[4].value = "Senior Director"
    book.save(workbook)


@pytest.mark.parametrize("saver", ["python-docx", "libreoffice"])
def test_an_older_copy_saved_over_the_merge_gets_the_corrections_again(
    meeting: Path, tmp_path: Path, saver: str
) -> None:
    """The report was merged into while Word had it open; Word saves its older copy over
    it. The next build sees the file descends from the build before the merge, and offers
    the corrections again — as does --force; nothing claims the report is up to date."""
    out = tmp_path / "out"
    edit = reword(OPENING, REWORDED_OPENING)
    report = reportkit.build(meeting, out)
    older = edited_copy(report, edit, saver, tmp_path / "saved")
    correct_workbook(meeting)
    assert cli("build", str(meeting), "-o", str(out)).returncode == 0
    report.write_bytes(older)  # Word's save of the copy it held open

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(f"{report}: this copy is older than the last build")
        and line.endswith("so the corrections since are offered again as tracked changes")
        for line in lines
    ), lines
    assert "  Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: reworded" in lines
    fresh = reportkit.build(meeting, tmp_path / "fresh")
    assert accepted(report) == with_edit(fresh, edit)
    assert cli("build", str(meeting), "-o", str(out)).stderr == f"{report}: up to date\n"

    report.write_bytes(older)
    forced = cli("build", str(meeting), "-o", str(out), "--force")
    assert "offered again" in forced.stderr
    assert accepted(report) == with_edit(fresh, edit)


def test_a_rejected_correction_is_not_offered_again(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited_copy(report, reword(OPENING, REWORDED_OPENING), "python-docx", tmp_path)
    correct_workbook(meeting)
    assert cli("build", str(meeting), "-o", str(out)).returncode == 0
    resolved(report, accept=False).save(str(report))  # the person rejects every change

    result = cli("build", str(meeting), "-o", str(out))

    assert result.stderr == f"{report}: edited since the last build; nothing new to merge\n"
    assert not Document(str(report)).element.body.xpath(".//w:ins | .//w:del")


def test_messages_number_paragraphs_as_the_persons_report_does(
    meeting: Path, tmp_path: Path
) -> None:
    def add_paragraph_on_top(document: DocumentObject) -> None:
        first = paragraph_starting(document, OPENING)
        first.insert_paragraph_before("A paragraph the secretariat added.", first.style)

    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    built = [
        p.text for p in Document(str(report)).paragraphs if p.style.name == "Numbered Paragraph"
    ]
    edited_copy(report, add_paragraph_on_top, "python-docx", tmp_path)
    promote_koc(meeting)
    result = cli("build", str(meeting), "-o", str(out))

    number_built = next(i for i, t in enumerate(built, 1) if t.startswith(OUTSET))
    assert f"  Paragraph {number_built + 1}: reworded" in result.stderr.splitlines()


def test_correct_position_edits_the_named_delegate_only(tmp_path: Path) -> None:
    """The test's own tool: a check that the correction it makes is the one intended."""
    report = reportkit.build(SAMPLE, tmp_path)
    document = Document(str(report))
    before = [p.text for p in lines_in_order(document)]
    correct_position("-Ms. MOVITA NARAIN")(document)
    after = [p.text for p in lines_in_order(document)]
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        ("Planner, Ministry of Agriculture", "Senior Planner, Ministry of Agriculture")
    ]


def test_a_merged_reports_properties_say_reportkit_and_the_merge_date(
    meeting: Path, tmp_path: Path
) -> None:
    """The person saves in LibreOffice (its own app.xml, the date of the save); the merge
    that writes the file then is reportkit's, dated when it ran (SOURCE_DATE_EPOCH)."""
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    edited_copy(report, reword(STARTED, REWORDED_OPENING), "libreoffice", tmp_path / "saved")
    saved = Document(str(report)).core_properties
    promote_koc(meeting)
    epoch = 1_700_000_000
    result = cli(
        "build", str(meeting), "-o", str(out), env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    )
    assert result.returncode == 0, result.stderr
    assert "merged" in result.stderr.lower()
    properties = Document(str(report)).core_properties
    assert properties.modified == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC) != saved.modified
    assert properties.last_modified_by == "reportkit"
    assert properties.created == saved.created
    with zipfile.ZipFile(report) as archive:
        app = etree.fromstring(archive.read("docProps/app.xml"))
    assert [(etree.QName(e).localname, e.text) for e in app] == [("Application", "reportkit")]
    assert problems(report) == []
