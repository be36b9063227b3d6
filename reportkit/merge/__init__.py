"""merge: a person's edited report and the workbook's corrections, combined without loss.

The secretariat finishes the built report in Word while corrections keep arriving in the
workbook. Rebuilding would overwrite their work; this stage instead applies to the edited
document what the workbook changed since the last build, as Word tracked changes for them
to accept or reject, and leaves everything they changed as they left it (see `plan`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from docx import Document

from reportkit.merge.adopt import Adopter
from reportkit.merge.apply import Merger
from reportkit.merge.plan import plan_merge
from reportkit.merge.revisions import Revisions
from reportkit.merge.units import document_units, labels
from reportkit.write import docx_bytes


@dataclass(frozen=True)
class MergeResult:
    """The merged document (the edited bytes themselves when nothing applied), and what
    was applied and what conflicted, each `where: what` for the change report."""

    document: bytes
    applied: list[str]
    conflicts: list[str]


def merge_documents(base: bytes, edited: bytes, new: bytes, when: datetime) -> MergeResult:
    """Three-way merge of .docx documents: `base` (what the workbook built last time),
    `edited` (the person's copy), `new` (what the workbook builds now)."""
    base_doc, edited_doc, new_doc = (Document(io.BytesIO(data)) for data in (base, edited, new))
    base_units, edited_units, new_units = (
        document_units(d) for d in (base_doc, edited_doc, new_doc)
    )
    plan = plan_merge(
        [u.item for u in base_units],
        [u.item for u in edited_units],
        [u.item for u in new_units],
        labels(base_units),
        labels(new_units),
    )
    if not plan.applied and not plan.conflicts:
        return MergeResult(edited, [], [])
    body = edited_doc.element.body
    merger = Merger(body, Adopter(new_doc, edited_doc), Revisions(edited_doc.element, when))
    merger.apply(plan, edited_units, new_units)
    return MergeResult(docx_bytes(edited_doc), plan.applied, plan.conflicts)
