"""Refusing a zip whose own directory says it is too big to open or inflate safely.

Limits, checked on the zip's own directory before anything is inflated (CPython documents
zip bombs as a pitfall of `zipfile`, and openpyxl sets no limits of its own):

- `MAX_DIRECTORY_BYTES` (4 MiB) bounds the central directory that `zipfile` reads and turns
  into objects at once; an 88 MB zip of a million empty members took 6 s and 560 MB to
  merely open. Ten thousand members with 150-character names fit in 2 MiB.
- `MAX_MEMBERS` (10,000): a meeting workbook has a few dozen parts; a template about twenty.
- `MAX_TOTAL_BYTES` (512 MiB) of declared uncompressed size. A sheet of 1,048,576 rows, each
  with ten empty styled cells (openpyxl write-only), unpacks to 331 MiB and still passes.
- `MAX_RATIO` (200:1) for members over `RATIO_FLOOR_BYTES` (1 MiB). Measured on 1,048,576
  formatted-but-empty rows: one styled cell a row 10:1, ten cells 16:1, Excel-style styled
  rows (`<row r=".." s="1" customFormat="1"/>`) 17:1, LibreOffice-style rows with all their
  default attributes 44:1, the most compressible; 200:1 leaves a 4.5x margin. Zeros deflate
  to about 1030:1, the most deflate allows. Apache POI refuses past 100:1 and its users meet
  genuine parts of 100-210:1, all small (a 106 KB picture, a 741 KB drawing): hence the floor.
`zipfile` never inflates a member past its declared size (extra output is cut and fails the
CRC check), so checking the declared sizes bounds the work actually done.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

from reportkit.problems import Problem
from reportkit.read.safety.kinds import Expected, unusual_zip

MiB = 1024 * 1024
MAX_DIRECTORY_BYTES = 4 * MiB
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 512 * MiB
# The file itself, read whole into memory once it is opened (see `read_checked`): 128 MiB
# holds a worksheet of a million filled rows several times over, compressed.
MAX_FILE_BYTES = 128 * MiB
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1 * MiB

_ZIP_END = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_ZIP_END_SIZE = 22
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END_SIZE = 56
_ZIP_END_SEARCH = 1 << 16  # zipfile looks this far back for a commented end record
# Flags zipfile refuses to read: encrypted, compressed patched data, strong encryption.
_UNREADABLE_FLAGS = 0x1 | 0x20 | 0x40


def zip_directory_size(handle: BinaryIO, size: int) -> int | None:
    """The central directory size `zipfile` will read, found as `zipfile` finds it; None if
    the file has no end-of-archive record (it is no zip, or its end is cut off)."""
    tail_size = min(size, _ZIP_END_SIZE + _ZIP_END_SEARCH)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    if tail[-_ZIP_END_SIZE:].startswith(_ZIP_END) and tail.endswith(b"\0\0"):
        start = len(tail) - _ZIP_END_SIZE
    else:
        start = tail.rfind(_ZIP_END)
        if start < 0 or len(tail) - start < _ZIP_END_SIZE:
            return None
    (directory,) = struct.unpack_from("<I", tail, start + 12)
    # Like zipfile, prefer a ZIP64 end record placed just before the ordinary one.
    end = size - tail_size + start
    if end < _ZIP64_LOCATOR_SIZE + _ZIP64_END_SIZE:
        return directory
    handle.seek(end - _ZIP64_LOCATOR_SIZE - _ZIP64_END_SIZE)
    record = handle.read(_ZIP64_END_SIZE + _ZIP64_LOCATOR_SIZE)
    if record[_ZIP64_END_SIZE:].startswith(_ZIP64_LOCATOR) and record.startswith(_ZIP64_END):
        (directory,) = struct.unpack_from("<Q", record, 40)
    return directory


def directory_size_problem(directory: int, expected: Expected) -> Problem | None:
    """Checked before `zipfile` opens the archive, since opening reads the whole directory."""
    if directory > MAX_DIRECTORY_BYTES:
        return Problem(
            f"the file's list of parts takes {directory / MiB:,.1f} MiB, more than the "
            f"{MAX_DIRECTORY_BYTES // MiB} MiB reportkit accepts",
            _too_big_hint(expected),
        )
    return None


def members_problem(members: list[zipfile.ZipInfo], expected: Expected) -> Problem | None:
    """Judge the members by what the directory declares, before any of them is inflated."""
    if len(members) > MAX_MEMBERS:
        return Problem(
            f"the file holds {len(members):,} parts, more than the {MAX_MEMBERS:,} "
            "reportkit accepts",
            _too_big_hint(expected),
        )
    for member in members:
        if member.flag_bits & _UNREADABLE_FLAGS or member.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            return unusual_zip(expected)
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_BYTES:
        return Problem(
            f"the file would unpack to {total / MiB:,.0f} MiB, more than the "
            f"{MAX_TOTAL_BYTES // MiB} MiB reportkit accepts",
            _too_big_hint(expected),
        )
    for member in members:
        if (
            member.file_size > RATIO_FLOOR_BYTES
            and member.file_size > MAX_RATIO * member.compress_size
        ):
            ratio = member.file_size / max(member.compress_size, 1)
            return Problem(
                f"the part {member.filename} unpacks {ratio:,.0f} times larger than it is "
                f"stored, more than the {MAX_RATIO}:1 reportkit accepts (as in a zip bomb)",
                _too_big_hint(expected),
            )
    return None


def _too_big_hint(expected: Expected) -> str:
    return (
        f"delete unused sheets, pictures and formatted empty rows in {expected.app} and save "
        "it again, or ask the sender for a clean copy"
    )
