"""The workbook as it was, kept before an import writes into it.

The copy goes in `.reportkit/kept/` beside the workbook — where `reportkit build` keeps
the reports it replaces in its output folder — dated, as `meeting.20261129-101500.xlsx`.
A name is claimed exclusively, so no copy ever replaces another; reportkit never removes
one.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from reportkit.clock import build_time
from reportkit.problems import InputError, Problem
from reportkit.state.folder import KEPT_DIR, STATE_DIR, bounded_name


def kept_folder(workbook: Path) -> Path:
    return workbook.parent / STATE_DIR / KEPT_DIR


def keep_workbook(workbook: Path, data: bytes) -> Path:
    """Write `data`, the workbook as read, to a new dated copy; `InputError` when it
    cannot be, and then the workbook must be left as it is."""
    folder = kept_folder(workbook)
    stamp = build_time().strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        tail = f".{stamp}{f'-{number}' if number > 1 else ''}{workbook.suffix}"
        target = folder / bounded_name(workbook.stem, tail)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle = target.open("xb")
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise _not_kept(workbook, folder, error) from None
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            target.unlink(missing_ok=True)
            raise _not_kept(workbook, folder, error) from None
        return target


def _not_kept(workbook: Path, folder: Path, error: OSError) -> InputError:
    if error.errno == errno.ENOSPC:
        why, remedy = "the disk is full", "free some disk space"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why, remedy = f"{folder} cannot be written", "make the workbook's folder writable"
    else:
        why, remedy = error.strerror or type(error).__name__, f"check {folder} can be written"
    return InputError(
        str(workbook),
        [
            Problem(
                f"a copy of the workbook could not be kept ({why}), so nothing was imported",
                f"{remedy}, then import again",
            )
        ],
    )
