"""The report already in OUTDIR, as reportkit finds it before writing over it.

It may be what reportkit wrote, a copy the secretariat edited in Word, or damaged (cut
short by a sync, not a Word document at all). Its bytes are read once, so that what is
judged, kept and merged is the same file even if it changes meanwhile; the same checks
that guard against hostile workbooks guard the merge against a hostile document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportkit.hashing import digest_bytes
from reportkit.problems import InputError, Problem
from reportkit.read.safety import check_archive


@dataclass(frozen=True)
class Existing:
    """The file at the report's path: absent (`data` None), readable, or `damaged`."""

    data: bytes | None = None
    digest: str | None = None
    damaged: str = ""

    @property
    def present(self) -> bool:
        return self.data is not None


def existing_report(path: Path) -> Existing:
    """Read the report at `path`; `InputError` when it cannot be replaced at all (a folder)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Existing()
    except OSError as error:
        raise unwritable(path, error) from error
    try:
        check_archive(path, "template")
    except InputError as error:
        return Existing(data, digest_bytes(data), error.problems[0].message)
    return Existing(data, digest_bytes(data))


def unwritable(target: Path, error: OSError) -> InputError:
    return InputError(
        str(target),
        [
            Problem(
                f"the report cannot be written ({error.strerror or error})",
                "check the folder is writable and the file is not open in Word, then retry",
            )
        ],
    )
