"""The workbook as it was, kept before an import writes into it.

The copy goes in `.reportkit/kept/` beside the workbook — where `reportkit build` keeps
the reports it replaces in its output folder — dated, as `meeting.20261129-101500.xlsx`.
A name is claimed exclusively, so no copy ever replaces another; reportkit never removes
one.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.problems import InputError, Problem
from reportkit.state.folder import KEPT_DIR, STATE_DIR
from reportkit.state.kept import NotKept, dated_copy


def kept_folder(workbook: Path) -> Path:
    return workbook.parent / STATE_DIR / KEPT_DIR


def keep_workbook(workbook: Path, data: bytes) -> Path:
    """Write `data`, the workbook as read, to a new dated copy; `InputError` when it
    cannot be, and then the workbook must be left as it is."""
    folder = kept_folder(workbook)
    try:
        return dated_copy(folder, workbook, data)
    except NotKept as failure:
        why, remedy = failure.reason("cannot be written", "make the workbook's folder writable")
        raise InputError(
            str(workbook),
            [
                Problem(
                    f"a copy of the workbook could not be kept ({why}), so nothing was imported",
                    f"{remedy or f'check {folder} can be written'}, then import again",
                )
            ],
        ) from None
