"""Files reportkit reads back, keeps or replaces in OUTDIR: only regular files, never a link.

OUTDIR is often a shared or synced folder, and whoever can write there can plant a link
named like a report: reading through it would copy any file the builder can read into
OUTDIR (kept as "your previous file"), and a pipe there would hang the build. So such files
are opened without following links and without waiting (`O_NOFOLLOW | O_NONBLOCK`), and
must be regular files; anything else is named in one line and left alone.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportkit.problems import InputError, Problem

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


def kind_of(path: Path) -> str | None:
    """What stands at `path` when it is not a regular file ("a symbolic link", "a pipe",
    "a folder"…); None when it is a regular file or nothing at all."""
    try:
        mode = path.lstat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _kind(mode)


def read_own(path: Path) -> bytes | None:
    """The bytes of the regular file at `path`, None when there is none; `NotAFile` when
    something else stands there (a link, a pipe, a folder), which is left alone."""
    if _NO_FOLLOW == 0 and (kind := kind_of(path)):  # no O_NOFOLLOW here: look first
        raise NotAFile(path, kind)
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NO_WAIT)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK) or path.is_symlink():
            raise NotAFile(path, "a symbolic link") from None
        if isinstance(error, IsADirectoryError):
            raise NotAFile(path, "a folder") from None
        raise
    try:
        kind = _kind(os.fstat(handle).st_mode)
        if kind:
            raise NotAFile(path, kind)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(handle)


class NotAFile(Exception):
    """Something other than a regular file stands where reportkit keeps one of its files."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}")
        self.path = path
        self.kind = kind

    def problem(self) -> InputError:
        return InputError(
            str(self.path),
            [
                Problem(
                    f"this is {self.kind}, not a file reportkit wrote, so it is left as it is",
                    "remove or rename it, then build again (reportkit never reads or writes "
                    "through a link or into anything but a plain file)",
                )
            ],
        )


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"
