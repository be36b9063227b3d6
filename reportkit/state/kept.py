"""Copies of reports a person may have changed, kept before reportkit changes them.

A copy is kept whenever a report that is not exactly what reportkit last wrote (edited in
Word, damaged, or of unknown origin) is about to be replaced or merged into — `--force`
and `--fresh` included. Copies are dated and never overwritten or removed by reportkit.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from reportkit.base.clock import build_time
from reportkit.problems import InputError, Problem
from reportkit.state.folder import KEPT_DIR, bounded_name


def keep_copy(state_dir: Path, report: Path, data: bytes) -> Path:
    """Write `data` (the report as found) to `.reportkit/kept/<stem>.<when><suffix>`.

    The report itself is still in place while its copy is written, so a copy cut short by
    a crash loses nothing.
    """
    try:
        return dated_copy(state_dir / KEPT_DIR, report, data)
    except NotKept as failure:
        why, remedy = failure.reason("is read-only", "make that folder writable")
        raise InputError(
            str(report),
            [
                Problem(
                    f"your file could not be kept before the report changes ({why}), so it "
                    "is left as it is",
                    f"{remedy or 'check the output folder'}, then build again",
                )
            ],
        ) from None


class NotKept(Exception):
    """A copy could not be written; the file it was to keep must then be left alone."""

    def __init__(self, folder: Path, error: OSError) -> None:
        super().__init__(str(error))
        self.folder, self.error = folder, error

    def reason(self, unwritable: str, writable: str) -> tuple[str, str]:
        """Why, for the user, and what to do (empty when only the folder can be named):
        `unwritable` says what the folder is, `writable` what to make of it."""
        if self.error.errno == errno.ENOSPC:
            return "the disk is full", "free some disk space"
        if self.error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"{self.folder} {unwritable}", writable
        return self.error.strerror or type(self.error).__name__, ""


def dated_copy(folder: Path, original: Path, data: bytes) -> Path:
    """Write `data` to a new `<stem>.<when><suffix>` in `folder`, made if missing.

    The name is claimed exclusively, so no copy ever replaces another, even when two runs
    keep copies of long names that shorten alike; a copy that cannot be finished is
    removed, so no empty one is left. `NotKept` when it cannot be written.
    """
    stamp = build_time().strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        tail = f".{stamp}{f'-{number}' if number > 1 else ''}{original.suffix}"
        target = folder / bounded_name(original.stem, tail)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle = target.open("xb")
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise NotKept(folder, error) from None
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            target.unlink(missing_ok=True)
            raise NotKept(folder, error) from None
        return target
