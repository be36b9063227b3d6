"""One build of a report at a time, across processes: a lock file per report.

Two runs on one OUTDIR (two batches, a batch and `watch`) may reach the same report;
the second waits for the first and then finds the report up to date, or, after a while,
says the report is busy. The operating system releases the lock when its holder dies,
however it dies, so a killed run never leaves a report locked (unlike a lock file that
merely exists, as git's do).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportkit.base.outdir import kind_of
from reportkit.problems import InputError, Problem
from reportkit.state.folder import LOCK_DIR, StateError, refuse_link, wait_seconds


@contextmanager
def report_lock(state_dir: Path, report: Path) -> Iterator[None]:
    """Hold `report`'s lock, or raise `InputError` saying it is busy."""
    # filelock (its logging, decimal and secrets: 30 ms) is loaded by a build that takes a
    # lock, not by every run that opens the state store and finds its reports up to date.
    from filelock import FileLock, Timeout

    # Named by a hash so that any legal report name gives a short lock file name.
    name = hashlib.sha256(os.fsencode(report.name)).hexdigest()[:24]
    path = state_dir / LOCK_DIR / f"{name}.lock"
    refuse_link(path)
    kind = kind_of(path)
    if kind:
        raise StateError(
            path, f"is {kind}, not reportkit's lock file", "remove it, then build again"
        )
    lock = FileLock(path, timeout=wait_seconds())
    try:
        lock.acquire()
    except Timeout as error:
        raise InputError(
            str(report),
            [
                Problem(
                    f"busy: another reportkit run is building this report "
                    f"(waited {lock.timeout:.0f} s)",
                    "let the other run finish, then build again",
                )
            ],
        ) from error
    except OSError as error:  # after Timeout, which is one
        raise StateError(
            path,
            f"cannot be used as this report's lock ({error.strerror or error})",
            "check the output folder is writable, then build again",
        ) from error
    try:
        yield
    finally:
        lock.release()
