"""Annex III, where post-meeting corrections concentrate: the secretariat corrects a delegate's
position in Word while the workbook adds or removes a delegate beside her — in every
delegation of the sample. Accepting every tracked change must give the fresh build of the
workbook with the person's correction, under the same person; rejecting every one, the
person's file; and nothing is called a conflict, since nobody touched the same delegate.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

import reportkit
from reportkit.api import build_report, prepare
from reportkit.publish.report import Status
from tests.conftest import SAMPLE
from tests.merge_trials import (
    accepted,
    add_delegate_after,
    correct_position,
    edited_copy,
    libreoffice_saved,
    rejected,
    remove_delegate,
    styled_texts,
    with_edit,
)


@dataclass(frozen=True)
class Trial:
    """In delegation `group`: the person corrects `corrected` in Word; the workbook adds a
    delegate after `last` (`change` "add") or removes `last` ("remove")."""

    group: str
    corrected: str
    last: str
    change: str

    @property
    def name(self) -> str:
        return f"{self.group}-{self.change}-{'last' if self.corrected == self.last else 'second'}"


def _trials() -> list[Trial]:
    trials = []
    for section in prepare(SAMPLE).report.participants:
        for group in section.groups:
            names = [person.name_line for person in group.people]
            trials.append(Trial(group.key, names[-1], names[-1], "add"))
            if len(names) > 1:
                trials.append(Trial(group.key, names[-2], names[-1], "add"))
                trials.append(Trial(group.key, names[-2], names[-1], "remove"))
    return trials


TRIALS = _trials()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built once, with its build state: every trial starts from a copy."""
    folder = tmp_path_factory.mktemp("built")
    workbook = folder / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    reportkit.build(workbook, folder / "out")
    return folder


def corrected_workbook(trial: Trial, folder: Path) -> Path:
    workbook = folder / "meeting.xlsx"
    if trial.change == "add":
        add_delegate_after(workbook, trial.last, "John", "Persaud")
    else:
        remove_delegate(workbook, trial.last)
    return workbook


def run_trial(built: Path, trial: Trial, folder: Path, editor: str) -> None:
    shutil.copytree(built, folder)
    report = folder / "out" / "meeting.docx"
    edit = correct_position(trial.corrected)
    edited = edited_copy(report, edit, editor, folder / "saved")
    workbook = corrected_workbook(trial, folder)

    result = build_report(workbook, folder / "out")

    fresh = reportkit.build(workbook, folder / "fresh")
    assert result.status is Status.MERGED
    assert result.conflicts == []
    assert accepted(report) == with_edit(fresh, edit), "the correction under its person"
    assert rejected(report) == styled_texts(edited), "rejecting gives the person's file"
    said = "added" if trial.change == "add" else "removed"
    assert any(line.endswith(f": {said}") for line in result.applied), result.applied
    mark = "ins" if trial.change == "add" else "del"
    rows = Document(str(report)).element.body.xpath(f".//w:tr[w:trPr/w:{mark}]")
    assert len(rows) == 1, "the delegate's row is tracked as inserted or deleted, whole"


def test_the_sweep_covers_every_delegation() -> None:
    groups = {trial.group for trial in TRIALS}
    assert len(groups) == 29 and "secretariat" in groups
    assert len([t for t in TRIALS if t.change == "remove"]) == 8


@pytest.mark.parametrize("trial", TRIALS, ids=[t.name for t in TRIALS])
def test_a_correction_in_word_stays_with_its_delegate(
    built: Path, trial: Trial, tmp_path: Path
) -> None:
    run_trial(built, trial, tmp_path / "trial", "python-docx")


def test_the_same_holds_for_reports_saved_by_libreoffice(built: Path, tmp_path: Path) -> None:
    """Every delegation's last delegate corrected in a report LibreOffice saved (it rewrites
    all of the XML), a delegate added after her in the workbook."""
    trials = [t for t in TRIALS if t.change == "add" and t.corrected == t.last]
    folders = []
    for trial in trials:
        folder = tmp_path / trial.name
        shutil.copytree(built, folder)
        report = folder / "out" / "meeting.docx"
        edited_copy(report, correct_position(trial.corrected), "python-docx", folder)
        folders.append(folder)
    libreoffice_saved([f / "out" / "meeting.docx" for f in folders], tmp_path / "saved")
    failures = []
    for trial, folder in zip(trials, folders, strict=True):
        report = folder / "out" / "meeting.docx"
        edited = report.read_bytes()
        workbook = corrected_workbook(trial, folder)
        result = build_report(workbook, folder / "out")
        fresh = reportkit.build(workbook, folder / "fresh")
        expected = with_edit(fresh, correct_position(trial.corrected))
        if (
            result.conflicts
            or accepted(report) != expected
            or rejected(report) != styled_texts(edited)
        ):
            failures.append(trial.name)
    assert failures == []
    assert Document(str(folders[0] / "out" / "meeting.docx")).paragraphs
