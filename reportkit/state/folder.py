"""`OUTDIR/.reportkit/`: where build state, locks and kept copies live, never outside OUTDIR.

The folder is reportkit's own, but it sits in a folder people share, sync and tidy up, so
nothing is taken on trust: a link pointing elsewhere, a file in its place or a folder that
cannot be written stops the run with one line instead of writing somewhere unexpected.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportkit.problems import InputError, Problem

STATE_DIR = ".reportkit"
KEPT_DIR = "kept"
LOCK_DIR = "locks"
# Pictures of a report PDF's pages for the web page, made again whenever the PDF changes.
PREVIEWS_DIR = "previews"
WAIT_SECONDS = 60.0
# File names stay well inside the 255 bytes most file systems allow, whatever the report's
# name: the longest legal report name must still get its kept copy and temporary files.
NAME_BYTES = 255


class StateError(InputError):
    """The build state cannot be used; one line naming the folder and what to do."""

    def __init__(self, folder: Path | str, message: str, hint: str) -> None:
        super().__init__(str(folder), [Problem(message, hint)])

    def __reduce__(self) -> tuple[type[InputError], tuple[str, list[Problem]]]:
        return (InputError, (self.source, self.problems))


def state_folder(out_dir: Path, create: bool = True) -> Path:
    """`out_dir/.reportkit`, made if needed; refuses links and files in the way."""
    folder = out_dir / STATE_DIR
    if create:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in (folder, folder / KEPT_DIR, folder / LOCK_DIR):
        _ensure_folder(path, create)
    return folder


def _ensure_folder(path: Path, create: bool) -> None:
    try:
        status = path.lstat()
    except FileNotFoundError:
        if not create:
            return
        try:
            path.mkdir()
        except FileExistsError:  # made meanwhile by a concurrent run: checked below
            status = path.lstat()
        except OSError as error:
            raise _unusable(path, error) from error
        else:
            return
    if stat.S_ISLNK(status.st_mode):
        raise StateError(
            path,
            "is a link to another place; reportkit keeps its state only inside the output folder",
            "delete the link (reportkit will make a folder)",
        )
    if not stat.S_ISDIR(status.st_mode):
        raise StateError(
            path,
            "is a file where reportkit keeps its build state",
            "move the file away (reportkit will make a folder)",
        )


def _unusable(path: Path, error: OSError) -> StateError:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StateError(
            path, "cannot be written (permission denied)", "make the output folder writable"
        )
    if error.errno == errno.ENOSPC:
        return StateError(path, "cannot be written (the disk is full)", "free some disk space")
    return StateError(path, f"cannot be used ({error.strerror or error})", "check the folder")


def refuse_link(path: Path) -> None:
    """A state file that is a link could send writes anywhere; refuse it."""
    if path.is_symlink():
        raise StateError(
            path,
            "is a link to another place; reportkit keeps its state only inside the output folder",
            "delete the link",
        )


def bounded_name(stem: str, suffix: str) -> str:
    """`stem + suffix`, the stem shortened (on a character boundary) to fit NAME_BYTES."""
    room = NAME_BYTES - len(suffix.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) <= room:
        return stem + suffix
    return encoded[:room].decode("utf-8", errors="ignore") + suffix


def wait_seconds() -> float:
    """How long to wait for another run holding a report or the state (REPORTKIT_WAIT_SECONDS)."""
    try:
        return max(0.1, float(os.environ.get("REPORTKIT_WAIT_SECONDS", WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS
