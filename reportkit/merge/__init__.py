"""merge: a person's edited report and the workbook's corrections, combined without loss.

The secretariat finishes the built report in Word while corrections keep arriving in the
workbook. Rebuilding would overwrite their work; this stage instead applies to the edited
document what the workbook changed since the last build, as Word tracked changes for them
to accept or reject, and leaves everything they changed as they left it (see `plan`). The
body, every page header and footer and every footnote are merged alike (see `stories`,
`notes`).

The person's file may be anything Word or a sync left behind, so it is read under bounds
like a workbook's: its size and XML first (`readable`), then the whole merge in a child
process given `MERGE_SECONDS` and `MERGE_MEMORY_BYTES` (`render.child`), so that no file
can hang a batch or exhaust the machine.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.document import Document as DocumentObject

from reportkit.base.docx_file import docx_bytes
from reportkit.base.stamp import copy_stamp
from reportkit.merge.adopt import Adopter
from reportkit.merge.apply import Merger
from reportkit.merge.carried import NoteCarrier
from reportkit.merge.lines import story_lines
from reportkit.merge.notes import note_stories
from reportkit.merge.old_list import set_as_tables
from reportkit.merge.plan import plan_merge
from reportkit.merge.properties import mark_merged
from reportkit.merge.readable import FRESH, Unreadable, open_report
from reportkit.merge.revisions import Revisions
from reportkit.merge.stories import stories
from reportkit.problems import Problem
from reportkit.render import child
from reportkit.render.child import run_limited


@dataclass(frozen=True)
class MergeResult:
    """The merged document (the edited bytes themselves when nothing applied), and what
    was applied and what conflicted, each `where: what` for the change report."""

    document: bytes
    applied: list[str]
    conflicts: list[str]


HEADERS_RESHAPED = (
    "the workbook changes which pages have their own header or footer (annex headers), "
    "which cannot be merged into your report — set them in Word, or build with --fresh"
)


MERGE_SECONDS = 120.0
MERGE_MEMORY_BYTES = 4 * 1024**3


def merge_documents(base: bytes, edited: bytes, new: bytes, when: datetime) -> MergeResult:
    """Three-way merge of .docx documents: `base` (what the workbook built last time),
    `edited` (the person's copy), `new` (what the workbook builds now).

    Raises `Unreadable` when the person's copy cannot be merged into: not a Word document
    the merge reads, or too large for the bounds.
    """
    if not child.available():
        return _merge(base, edited, new, when)

    def work() -> bytes:
        try:
            return pickle.dumps(_merge(base, edited, new, when))
        except Unreadable as error:
            return pickle.dumps(error.problem)

    try:
        outcome = pickle.loads(run_limited(work, MERGE_SECONDS, MERGE_MEMORY_BYTES))
    except child.TimeLimitExceeded:
        raise _too_demanding(f"merging it took over {MERGE_SECONDS:g} s") from None
    except child.MemoryLimitExceeded:
        raise _too_demanding(
            f"merging it needed over {MERGE_MEMORY_BYTES // 1024**3} GB of memory"
        ) from None
    if isinstance(outcome, Problem):
        raise Unreadable(outcome)
    return outcome


def _too_demanding(what: str) -> Unreadable:
    return Unreadable(
        Problem(
            f"the report is too large to merge into: {what}",
            "make it smaller in Word (File › Compress Pictures, or split off long annexes) and "
            f"build again, {FRESH}",
        )
    )


def _merge(base: bytes, edited: bytes, new: bytes, when: datetime) -> MergeResult:
    edited_doc = open_report(edited)
    base_doc, new_doc = (Document(io.BytesIO(data)) for data in (base, new))
    for earlier in (base_doc, edited_doc):
        set_as_tables(earlier)
    base_stories, edited_stories, new_stories = (
        stories(d) for d in (base_doc, edited_doc, new_doc)
    )
    reshaped = set(base_stories) != set(new_stories)
    notes = note_stories(base_doc, edited_doc, new_doc)
    for found, their_notes in zip(
        (base_stories, edited_stories, new_stories),
        (notes.base, notes.edited, notes.new),
        strict=True,
    ):
        found.update(their_notes)
    names = [_style_names(d) for d in (base_doc, edited_doc, new_doc)]
    revisions = Revisions(_roots(edited_doc), when)
    carrier = NoteCarrier(new_doc, edited_doc, revisions)
    adopter = Adopter(new_doc, edited_doc, carrier)
    applied: list[str] = []
    conflicts: list[str] = list(notes.conflicts)
    changed = False
    for key, story in edited_stories.items():
        if key not in base_stories or key not in new_stories:
            continue
        base_lines = story_lines(base_stories[key].root, names[0])
        edited_lines = story_lines(story.root, names[1])
        new_lines = story_lines(new_stories[key].root, names[2])
        plan = plan_merge(base_lines, edited_lines, new_lines, story.name)
        if plan.empty:
            continue
        Merger(story.root, edited_lines, new_lines, adopter, revisions).apply(plan)
        changed = True
        applied += plan.applied
        conflicts += plan.conflicts
    applied += carrier.settle()
    if reshaped:
        conflicts.append(f"Page headers: {HEADERS_RESHAPED}")
    if not changed:
        return MergeResult(edited, [], conflicts)
    copy_stamp(new_doc, edited_doc)
    mark_merged(edited_doc, when)
    return MergeResult(docx_bytes(edited_doc), applied, conflicts)


def _style_names(document: DocumentObject) -> dict[str, str]:
    return {style.style_id: style.name for style in document.styles if style.name}


def _roots(document: DocumentObject) -> list:
    return [part.element for part in document.part.package.iter_parts() if hasattr(part, "element")]
