"""Copies of reports a person may have changed, kept before reportkit changes them.

A copy is kept whenever a report that is not exactly what reportkit last wrote (edited in
Word, damaged, or of unknown origin) is about to be replaced or merged into — `--force`
and `--fresh` included. Copies are dated and never overwritten or removed by reportkit.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from reportkit.clock import build_time
from reportkit.problems import InputError, Problem
from reportkit.state.folder import KEPT_DIR, bounded_name


def keep_copy(state_dir: Path, report: Path, data: bytes) -> Path:
    """Write `data` (the report as found) to `.reportkit/kept/<stem>.<when><suffix>`.

    The name is claimed exclusively, so no copy ever replaces another, even when two runs
    keep copies of long names that shorten alike. The report itself is still in place
    while its copy is written, so a copy cut short by a crash loses nothing.
    """
    stamp = build_time().strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        tail = f".{stamp}{f'-{number}' if number > 1 else ''}{report.suffix}"
        target = state_dir / KEPT_DIR / bounded_name(report.stem, tail)
        try:
            handle = target.open("xb")
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise _not_kept(report, target, error) from None
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            target.unlink(missing_ok=True)  # claimed by this call: no empty copy is left
            raise _not_kept(report, target, error) from None
        return target


def _not_kept(report: Path, target: Path, error: OSError) -> InputError:
    """Without its copy kept, the person's file must not be changed: the build stops here."""
    if error.errno == errno.ENOSPC:
        why, remedy = "the disk is full", "free some disk space"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why, remedy = f"{target.parent} is read-only", "make that folder writable"
    else:
        why, remedy = error.strerror or type(error).__name__, "check the output folder"
    return InputError(
        str(report),
        [
            Problem(
                f"your file could not be kept before the report changes ({why}), so it is "
                "left as it is",
                f"{remedy}, then build again",
            )
        ],
    )
