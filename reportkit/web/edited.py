"""The secretariat's edited report, uploaded: it takes the report's place in `outputs/` as
if they had saved it there from Word, so the next build does with it what `reportkit build`
does with a person's save — keeps it and merges the workbook's corrections into it.

Only a report the meeting's builds made may be replaced (its name is the key the build
state knows it by), and only by a Word document the merge can read, refused here rather
than by the build, so that a wrong file never stands where the report was. The report it
replaces may itself hold work nobody has merged yet (a copy uploaded or saved since the
last build): that is kept first, as the build keeps a person's file, since this upload
would otherwise be the one write that loses it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportkit.base.write import write_atomic
from reportkit.merge.readable import Unreadable, open_report
from reportkit.problems import InputError
from reportkit.publish.existing import existing_report, open_by, still_open
from reportkit.publish.origin import origin
from reportkit.publish.report import holds_person_work
from reportkit.read.safety import check_bytes
from reportkit.state import STATE_DIR, StateStore, report_lock
from reportkit.state.kept import keep_copy
from reportkit.web.language import page_text
from reportkit.web.meetings import Meeting, plain_folder
from reportkit.web.uploads import Upload, shown_name


@dataclass(frozen=True)
class Taken:
    """An uploaded report: its name as shown, what refused it ("" when taken), and where
    the report it replaced was kept, relative to the meeting's folder ("" when not kept)."""

    name: str
    refusal: str = ""
    kept: str = ""


def built_reports(meeting: Meeting) -> list[str]:
    """The Word reports in the meeting's `outputs/` that its build state has built."""
    names = [r.name for r in meeting.reports() if r.name.endswith(".docx")]
    if not names or not plain_folder(meeting.outputs / STATE_DIR):
        return []
    try:
        store = StateStore.open_to_read(meeting.outputs)
    except InputError:
        return []
    try:
        return [name for name in names if store.latest(name) is not None]
    finally:
        store.close()


def take_report(meeting: Meeting, upload: Upload) -> Taken:
    """Check the upload and, when it is a readable Word document under one of the
    meeting's report names, write it over that report (keeping the one there first when it
    may be a person's); else leave the meeting as it was."""
    name = unicodedata.normalize("NFC", upload.name)
    reports = built_reports(meeting)
    if name not in reports:
        return Taken(shown_name(upload.name), _not_a_report(reports))
    try:
        check_bytes(name, upload.data, "report")
        open_report(upload.data)
    except InputError as error:
        return Taken(name, error.problems[0].said)
    except Unreadable as error:
        return Taken(name, error.problem.said)
    try:
        return _replace(meeting, name, upload.data)
    except InputError as error:
        return Taken(name, meeting.relative(error.problems[0].said))


def _replace(meeting: Meeting, name: str, data: bytes) -> Taken:
    """Under the report's lock, as a build writes it: the command line's builds wait."""
    target = meeting.outputs / name
    store, _ = StateStore.open(meeting.outputs)
    try:
        with report_lock(store.folder, target):
            found = existing_report(target)
            if found.present and (opened := open_by(target)) is not None:
                raise still_open(target, opened)
            kept = ""
            came_from = origin(found, store.latest(name), store)
            if (
                found.data is not None
                and found.data != data
                and holds_person_work(found, came_from)
            ):
                kept = meeting.relative(str(keep_copy(store.folder, target, found.data)))
            if found.data != data:
                write_atomic(target, data)
    finally:
        store.close()
    return Taken(name, kept=kept)


def _not_a_report(reports: list[str]) -> str:
    if not reports:
        return page_text(
            "this meeting has no report built yet — build it, then upload its edited copy"
        )
    return (
        f"this is not one of this meeting's reports ({', '.join(reports)}) — upload the edited "
        "report under the name it was downloaded with"
    )
