"""The report already in OUTDIR, as reportkit finds it before writing over it.

It may be what reportkit wrote, a copy the secretariat edited in Word, or damaged (cut
short by a sync, not a Word document at all). Its bytes are read once, so that what is
judged, kept and merged is the same file even if it changes meanwhile; the same checks
that guard against hostile workbooks guard the merge against a hostile document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportkit.base.hashing import digest_bytes
from reportkit.base.outdir import NotAFile, read_own
from reportkit.problems import InputError, Problem
from reportkit.read.safety import check_bytes


@dataclass(frozen=True)
class Existing:
    """The file at the report's path: absent (`data` None), readable, or not a sound Word
    document (`damaged`: what is wrong with it and what to do)."""

    data: bytes | None = None
    digest: str | None = None
    damaged: Problem | None = None

    @property
    def present(self) -> bool:
        return self.data is not None


def existing_report(path: Path) -> Existing:
    """Read the report at `path`, once and never through a link; `InputError` when what
    stands there is no file reportkit may replace (a link, a pipe, a folder)."""
    try:
        data = read_own(path)
    except NotAFile as error:
        raise error.problem() from None
    except OSError as error:
        raise unwritable(path, error) from error
    if data is None:
        return Existing()
    try:
        check_bytes(str(path), data, "report")
    except InputError as error:
        return Existing(data, digest_bytes(data), error.problems[0])
    return Existing(data, digest_bytes(data))


@dataclass(frozen=True)
class OpenBy:
    """The lock file an editor keeps beside a document it has open."""

    lock: Path
    editor: str


def open_by(report: Path) -> OpenBy | None:
    """Whether the report is open in Word or LibreOffice, as the lock file each keeps beside
    it says: Word's owner file `~$` + the name (its first one or two letters dropped for
    longer names), LibreOffice's `.~lock.NAME#`. Merging into an open report is lost the
    moment the editor saves its own copy over it."""
    name = report.name
    candidates = [(f".~lock.{name}#", "LibreOffice")]
    candidates += [(f"~${name[cut:]}", "Word") for cut in (0, 1, 2) if len(name) - cut > 5]
    for lock, editor in candidates:
        path = report.with_name(lock)
        try:
            if path.is_file():
                return OpenBy(path, editor)
        except OSError:  # a lock name too long for the disk: no editor could have made it
            continue
    return None


def still_open(report: Path, found: OpenBy) -> InputError:
    return InputError(
        str(report),
        [
            Problem(
                f"the report is open in {found.editor} ({found.lock.name} stands beside it), "
                "so this build leaves it as it is",
                f"close it in {found.editor}, then build again (if it is open nowhere, "
                f"delete {found.lock.name})",
            )
        ],
    )


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
