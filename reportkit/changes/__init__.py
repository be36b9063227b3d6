"""What changed between two versions of a meeting workbook, for checking a regenerated report.

Secretariats correct a workbook and build the report again; before sending it out they must
see what each correction changed in the document, and nothing else. So changes are found in
the terms the document uses, not cell by cell:

- a delegation is what the list of participants groups under one heading, so `PAK` and
  `Pakistan` are the same delegation and retyping one as the other is no change;
- a delegate is a person in a delegation, known by first and last name up to case, accents,
  punctuation and spacing; a different name is a different person (removed, then added);
- body paragraphs are numbered, so an inserted paragraph is reported with its number and the
  paragraphs after it, merely renumbered, are not reported at all.

Everything here is pure: two read models in, a `ChangeReport` out, printed by the caller.

`compare` (in `reportkit.changes.compare`) finds them; the types of change are here. A build
whose workbook is unchanged only needs an empty `ChangeReport`, and so loads no more.
"""

from __future__ import annotations

from reportkit.changes.report import (
    Action,
    ChangeReport,
    DelegateChange,
    DelegationChange,
    FieldChange,
    SlotChange,
    TextChange,
)

__all__ = [
    "Action",
    "ChangeReport",
    "DelegateChange",
    "DelegationChange",
    "FieldChange",
    "SlotChange",
    "TextChange",
]
