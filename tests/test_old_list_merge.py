"""A report the secretariat edited when reportkit still printed the list of participants as
loose paragraphs (before each delegation was a table) takes today's corrections as any
other: its list is set in today's tables first, the person's correction stays under the
person it was made for, the workbook's new delegate is one tracked row, and nothing is
called a conflict.

The earlier shape is made here from today's build by taking each delegation's paragraphs
out of its table, as earlier builds wrote them (the paragraphs' own spacing and keeps
differed a little, which the merge does not compare).
"""

from __future__ import annotations

import io
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

import reportkit
from reportkit.merge import merge_documents
from tests.conftest import SAMPLE
from tests.merge_trials import (
    accepted,
    add_delegate_after,
    correct_position,
    edited_copy,
    rejected,
    with_edit,
)
from tests.ooxml import problems as schema_problems

LIST_STYLES = {"Delegation Heading", "Delegate Name", "Delegate Details", "Delegate Details Last"}
# A delegation of the sample with two delegates: the person corrects the last one's
# position, and the workbook adds a delegate after her.
CORRECTED = "-Ms. MOVITA NARAIN"


def loose(report: bytes) -> bytes:
    """The report as an earlier reportkit built it: each delegation's paragraphs loose in
    the body where its table stood, no paragraph between delegations."""
    document = Document(io.BytesIO(report))
    names = {s.style_id for s in document.styles if s.name in LIST_STYLES}
    body = document.element.body
    for table in list(body.iterchildren(qn("w:tbl"))):
        styles = {s.get(qn("w:val")) for s in table.iter(qn("w:pStyle"))}
        if not styles & names:
            continue
        for paragraph in list(table.iter(qn("w:p"))):
            table.addprevious(paragraph)
        separator = table.getnext()
        body.remove(table)
        if separator is not None and not "".join(separator.itertext()).strip():
            body.remove(separator)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample's report as built today, and today's build of the workbook with a
    delegate added after the corrected one."""
    folder = tmp_path_factory.mktemp("old-list")
    workbook = folder / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    built = reportkit.build(workbook, folder / "before")
    add_delegate_after(workbook, CORRECTED, "John", "Persaud")
    return built, reportkit.build(workbook, folder / "after")


@pytest.mark.parametrize("editor", ["python-docx", "libreoffice"])
def test_an_earlier_list_takes_todays_corrections(
    reports: tuple[Path, Path], editor: str, tmp_path: Path
) -> None:
    built, new = reports
    base = loose(built.read_bytes())
    assert not any(
        p.style.name in LIST_STYLES
        for t in Document(io.BytesIO(base)).tables
        for c in t._cells
        for p in c.paragraphs
    )
    person = tmp_path / "meeting.docx"
    person.write_bytes(base)
    edit = correct_position(CORRECTED)
    edited = edited_copy(person, edit, editor, tmp_path / "saved")

    result = merge_documents(base, edited, new.read_bytes(), datetime(2023, 5, 3))

    assert result.conflicts == []
    assert any(line.endswith(": added") for line in result.applied), result.applied
    merged = tmp_path / "merged.docx"
    merged.write_bytes(result.document)
    assert accepted(merged) == with_edit(new, edit), "the correction under its person"
    if editor == "python-docx":
        # Rejecting every change gives the person's file, its list set in today's tables.
        assert rejected(merged) == with_edit(built, edit), "the person's file"
    rows = Document(str(merged)).element.body.xpath(".//w:tr[w:trPr/w:ins]")
    assert len(rows) == 1, "the new delegate is one row tracked as inserted"
    assert schema_problems(merged) == []
