"""The end of the pipeline for one report: merge (when a person's work is at stake), write,
record.

What reportkit last wrote is recorded by hash, so the report on disk is one of: absent,
exactly that (rebuilt freely), or something else — edited in Word, damaged, or of unknown
origin. A person's work is never lost: before such a file is replaced or merged into, a
copy is kept in `.reportkit/kept/`. An edited report whose last build is known is merged
(see `reportkit.merge`): the workbook's corrections become tracked changes in the person's
own document, which stays on the merge path until a `--fresh` build.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.base.clock import build_time
from reportkit.base.hashing import digest_bytes
from reportkit.base.outdir import kind_of
from reportkit.base.write import write_atomic
from reportkit.problems import InputError
from reportkit.publish.existing import Existing, unwritable
from reportkit.publish.origin import Origin
from reportkit.publish.status import Status
from reportkit.state import Record, StateStore
from reportkit.state.ancestor import ancestor
from reportkit.state.folder import NAME_BYTES
from reportkit.state.kept import keep_copy

if TYPE_CHECKING:
    from reportkit.changes.report import ChangeReport


@dataclass(frozen=True)
class Published:
    status: Status
    changes: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: Path | None = None
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MergeNote:
    """What a build merged into a person's copy, what conflicted, and where their file was
    kept; `fresh` when it was rebuilt from the workbook alone."""

    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: str = ""
    fresh: bool = False


@dataclass(frozen=True)
class Built:
    """What the workbook builds now, and what it is compared with."""

    document: bytes
    model: bytes
    inputs: tuple[str, str, str]
    workbook: Path
    changes: ChangeReport | None


def publish(
    target: Path,
    built: Built,
    found: Existing,
    came_from: Origin,
    store: StateStore,
    fresh: bool,
) -> Published:
    """Write `built` to `target` (merging into a person's copy unless `fresh`), record it.

    Raises `InputError`, leaving the file as it is, when a person's copy cannot be merged
    into (not a Word document the merge reads, damaged, too large).
    """
    # Identical to what the workbook builds now: provably nobody's edit, even with no record.
    person = holds_person_work(found, came_from) and found.digest != digest_bytes(built.document)
    notices: list[str] = []
    output, note, action = built.document, MergeNote(fresh=fresh), "built"
    if person and not fresh:
        if found.damaged:
            from reportkit.merge.readable import not_mergeable

            raise InputError(str(target), [not_mergeable(found.damaged)])
        build = came_from.build
        base = store.blob(build.base_hash) if build is not None else None
        if base is None:
            notices.append(
                f"{target}: {_unknown_origin(build)}; rebuilt from the workbook, your file is kept"
            )
        else:
            from reportkit.merge import merge_documents  # only a person's edits need it
            from reportkit.merge.readable import Unreadable

            if came_from.missed:
                notices.append(_missed(target, came_from))
            try:
                merged = merge_documents(base, found.data or b"", built.document, build_time())
            except Unreadable as error:
                raise InputError(str(target), [error.problem]) from None
            output, action = merged.document, "merged"
            note = MergeNote(merged.applied, merged.conflicts)
    kept: Path | None = None
    if person and found.data is not None and output != found.data:
        kept = keep_copy(store.folder, target, found.data)
        note = MergeNote(note.applied, note.conflicts, str(kept.relative_to(target.parent)), fresh)
        notices.append(f"{target}: your previous file is kept at {kept}")
    carries_edits = action == "merged"
    changes = built.changes.lines() if built.changes else []
    notes = ""
    if built.changes is not None or kept or note.applied or note.conflicts:
        from reportkit.publish.notes import change_notes

        notes = change_notes(target.stem, built.changes, note)
    base_kept = ancestor(built.document)
    record = Record(
        report=target.name,
        action="fresh" if fresh and person else action,
        workbook=str(built.workbook),
        workbook_hash=built.inputs[0],
        template_hash=built.inputs[1],
        version=built.inputs[2],
        report_hash=digest_bytes(output),
        base_hash=digest_bytes(base_kept),
        model_hash=digest_bytes(built.model),
        carries_edits=carries_edits,
        changes=tuple(changes),
        applied=tuple(note.applied),
        conflicts=tuple(note.conflicts),
        kept=str(kept.relative_to(target.parent)) if kept else "",
        notes=notes,
    )
    build = store.begin(record, [base_kept, built.model])
    try:
        if output != found.data:
            write_atomic(target, output)
    except OSError as error:
        store.abandon(build)
        raise unwritable(target, error) from error
    # The note never fails the build (it is a copy of the record), so the record always
    # follows the report: a report in place is never taken for a person's edit. Killed
    # before `finish`, the next build settles the record and writes the note again.
    notices += write_notes(target, notes)
    store.finish(build)
    if action == "merged" and output == found.data:
        status = Status.UNCHANGED
    else:
        status = Status.MERGED if action == "merged" else Status.BUILT
    return Published(status, changes, note.applied, note.conflicts, kept, notices)


def holds_person_work(found: Existing, came_from: Origin) -> bool:
    """Whether the file on disk may hold a person's work: anything but exactly what
    reportkit wrote, from the workbook alone, in the build it descends from."""
    if not found.present:
        return False
    build = came_from.build
    if build is None or found.digest != build.report_hash:
        return True
    return build.carries_edits


def _unknown_origin(build: Record | None) -> str:
    if build is None:
        return (
            "this file was not written by this folder's builds (or their record is gone), "
            "so it cannot be merged"
        )
    return (
        f"this file descends from the build of {_when(build)}, too old for the build state "
        "to hold what it built, so it cannot be merged"
    )


def _when(build: Record) -> str:
    return build.finished.replace("T", " ").replace("Z", " UTC")


def _missed(target: Path, came_from: Origin) -> str:
    """Said when the file lacks what later builds wrote into it: an older copy saved over it."""
    count = len(came_from.missed)
    since = _when(came_from.build) if came_from.build else "?"
    builds = "build" if count == 1 else f"{count} builds"
    return (
        f"{target}: this copy is older than the last {builds} (it descends from the build of "
        f"{since}: Word or a sync saved an older copy over the report), so the corrections "
        "since are offered again as tracked changes"
    )


def notes_path(report: Path) -> Path:
    return report.with_name(f"{report.stem}.changes.md")


def write_notes(report: Path, notes: str) -> list[str]:
    """Write the change note beside the report. It is a copy of what the build state keeps
    (`reportkit history`), so a note that cannot be written is said, never fatal."""
    if not notes:
        return []
    target = notes_path(report)
    see = f"see `reportkit history {report}`"
    if len(target.name.encode("utf-8")) > NAME_BYTES:
        return [f"{report}: the change note's name would be too long for the disk; {see}"]
    kind = kind_of(target)
    if kind:
        return [f"{target}: this is {kind}, so the change note is not written there; {see}"]
    try:
        write_atomic(target, notes.encode("utf-8"))
    except OSError as error:
        return [f"{target}: the change note cannot be written ({_why(error)}); {see}"]
    return []


def _why(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the folder is read-only"
    return error.strerror or type(error).__name__
