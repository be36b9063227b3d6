"""One build of a report at a time, across processes: a lock file per report.

Two runs on one OUTDIR (two batches, a batch and `watch`) may reach the same report;
the second waits for the first and then finds the report up to date, or, after a while,
says the report is busy. The operating system releases the lock when its holder dies,
however it dies, so a killed run never leaves a report locked (unlike a lock file that
merely exists, as git's do).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from reportkit.problems import InputError, Problem
from reportkit.state.folder import LOCK_DIR, refuse_link, wait_seconds


@contextmanager
def report_lock(state_dir: Path, report: Path) -> Iterator[None]:
    """Hold `report`'s lock, or raise `InputError` saying it is busy."""
    # Named by a hash so that any legal report name gives a short lock file name.
    name = hashlib.sha256(report.name.encode("utf-8")).hexdigest()[:24]
    path = state_dir / LOCK_DIR / f"{name}.lock"
    refuse_link(path)
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
    try:
        yield
    finally:
        lock.release()
