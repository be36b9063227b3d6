"""A workbook's bytes, read once: what a build hashes, checks and parses is the same file.

A workbook is opened by name more than once in a build — to hash it, to check it is safe,
to read it — and Excel or a sync client may save it in between: the record would then pair
the new bytes' hash with a report of the old ones, and every later build call that stale
report up to date. Reading the bytes once and using them for everything leaves no window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportkit.base.hashing import digest_bytes
from reportkit.read.safety import check_bytes, read_regular


@dataclass(frozen=True)
class Source:
    """A workbook as read: the path it was read by (to name it) and its bytes."""

    path: Path
    data: bytes
    digest: str

    def __str__(self) -> str:
        return str(self.path)


def read_source(path: Path) -> Source:
    """Read a workbook's bytes once; `InputError` when it is no regular file. Its content is
    checked when it is parsed (`checked`), so an unchanged workbook is only hashed."""
    data = read_regular(path)
    return Source(path, data, digest_bytes(data))


def checked(source: Source) -> Source:
    """The source, once its bytes are known to be a sound, safe .xlsx (else `InputError`)."""
    check_bytes(str(source.path), source.data)
    return source
