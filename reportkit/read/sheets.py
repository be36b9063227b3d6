"""The workbook read into the model: every sheet (`read_workbook`), or only the editions its
Meeting sheet asks for (`read_languages`)."""

from __future__ import annotations

from pathlib import Path

from reportkit.model import AnnexKind, BodyNumbering, Language, MeetingInput
from reportkit.problems import InputError, Problem
from reportkit.read.annexes_sheet import read_annexes
from reportkit.read.meeting_sheet import read_meeting
from reportkit.read.participants_sheet import read_headings, read_participants
from reportkit.read.programme_sheet import read_programme
from reportkit.read.source import Source
from reportkit.read.text_sheets import read_agenda, read_report
from reportkit.read.translation_record import stale_translations
from reportkit.read.workbook import OpenWorkbook


def read_workbook(
    path: Path | Source, language: Language = Language.EN
) -> tuple[MeetingInput | None, list[Problem]]:
    """Read every sheet, collecting all problems; the model is None when it cannot be formed.

    The texts are the `language` edition's (`Text fr` …), English where one is missing.

    Raises `InputError` only when the file itself cannot be opened as a workbook.
    """
    book = OpenWorkbook(path, language)
    try:
        problems = book.package.warnings()
        meeting = read_meeting(book, problems)
        numbering = meeting.numbering if meeting else BodyNumbering.PARAGRAPHS
        annexes = read_annexes(book, problems, numbering)
        kinds = {annex.kind for annex in annexes}
        report = read_report(book, problems, numbering)
        agenda = read_agenda(book, problems, AnnexKind.AGENDA in kinds)
        programme = read_programme(book, problems, AnnexKind.PROGRAMME in kinds)
        participants = read_participants(book, problems, AnnexKind.PARTICIPANTS in kinds)
        headings = read_headings(book, problems)
        problems.extend(stale_translations(book))
        problems = book.without_echoes(problems)
    finally:
        book.close()
    if meeting is None:
        return None, problems
    source = MeetingInput(meeting, report, agenda, programme, participants, headings, annexes)
    return source, problems


def read_languages(path: Path | Source) -> tuple[Language, ...]:
    """The editions the workbook's Meeting sheet asks for (`languages`), read on its own so
    that a batch can plan its editions without reading whole workbooks. A workbook that
    cannot say is planned in English; its build reports why."""
    try:
        book = OpenWorkbook(path)
    except (InputError, OSError):
        return (Language.EN,)
    try:
        meeting = read_meeting(book, [])
    except InputError:
        meeting = None
    finally:
        book.close()
    return meeting.languages if meeting else (Language.EN,)
