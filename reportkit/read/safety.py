"""Refusing broken and hostile input files before any parser sees them.

A workbook (or a user's .docx template) reaches openpyxl / python-docx only after this
module has looked at it, so that every bad file ends in one `Problem` line a rapporteur can
act on — "this is an old .xls workbook — save it as .xlsx" — instead of a traceback, and so
that no file can make reportkit inflate gigabytes, hang on a pipe or expand XML entities.
Nothing is written; the file is only read, in bounded chunks.

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

Every member is then read once, in 64 KiB chunks: its first bytes go through expat until the
XML root element starts, and a `<!DOCTYPE` (which holds any `<!ENTITY`) is refused. A DOCTYPE
can only precede the root element, so the prolog is all that needs looking at — as long as
the prolog is short: one running past `PROLOG_BYTES` (64 KiB; Office's are under 100 bytes)
is refused too, so nothing hides a DOCTYPE beyond the scan. The rest of each member is read
only so that `zipfile` checks its CRC: a damaged member is a "damaged" problem here rather
than an exception later, while a sheet is being read.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal
from xml.parsers import expat

from reportkit.problems import InputError, Problem

MiB = 1024 * 1024
MAX_DIRECTORY_BYTES = 4 * MiB
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 512 * MiB
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1 * MiB
PROLOG_BYTES = 64 * 1024
_CHUNK = 64 * 1024
_SNIFF_BYTES = 4096

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_LOCAL_HEADER = b"PK\x03\x04"
_ZIP_END = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_ZIP_END_SIZE = 22
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END_SIZE = 56
_ZIP_END_SEARCH = 1 << 16  # zipfile looks this far back for a commented end record
# Flags zipfile refuses to read: encrypted, compressed patched data, strong encryption.
_UNREADABLE_FLAGS = 0x1 | 0x20 | 0x40
# Errors zipfile and zlib raise on damaged archives; ValueError covers bad offsets and names.
_DAMAGED_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error)
# A compound file's directory chain is followed this far at most (128 entries a sector).
_MAX_DIRECTORY_SECTORS = 256
# DIFAT sectors followed at most: 1,024 of them map about 8 GiB of 512-byte sectors.
_MAX_DIFAT_HOPS = 1024
_ENCRYPTION_STREAMS = frozenset({"EncryptionInfo", "EncryptedPackage"})
_OPEN_DOCUMENT = "application/vnd.oasis.opendocument."
_TEXT_BYTES = frozenset(range(0x20, 0x100)) - {0x7F} | frozenset(b"\t\n\r\f")

Kind = Literal["workbook", "template"]


@dataclass(frozen=True)
class _Expected:
    """What a kind of input must be, and the words its problems use."""

    noun: str
    app: str
    suffix: str
    file: str
    main_part: str
    description: str
    formal: str
    legacy_streams: frozenset[str]
    legacy: str
    protect: str
    text: str


_EXPECTED: dict[str, _Expected] = {
    "workbook": _Expected(
        noun="workbook",
        app="Excel",
        suffix=".xlsx",
        file="an .xlsx file",
        main_part="xl/workbook.xml",
        description="an Excel workbook",
        formal="an Excel .xlsx workbook",
        legacy_streams=frozenset({"Workbook", "Book"}),
        legacy="this is an old Excel 97–2003 .xls workbook",
        protect="File › Info › Protect Workbook",
        text="this is a text/CSV file, not an Excel workbook",
    ),
    "template": _Expected(
        noun="template",
        app="Word",
        suffix=".docx",
        file="a .docx file",
        main_part="word/document.xml",
        description="a Word document",
        formal="a Word .docx document",
        legacy_streams=frozenset({"WordDocument"}),
        legacy="this is an old Word 97–2003 .doc document",
        protect="File › Info › Protect Document",
        text="this is a text file, not a Word document",
    ),
}
# The main part of each Office package, to name what was given instead of what was wanted.
_PACKAGES = {
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "word/document.xml": "a Word document (.docx)",
    "ppt/presentation.xml": "a PowerPoint presentation (.pptx)",
}
_OPEN_DOCUMENT_KINDS = {
    "spreadsheet": "an OpenDocument (.ods) spreadsheet",
    "text": "an OpenDocument (.odt) text document",
    "presentation": "an OpenDocument (.odp) presentation",
}


def check_archive(path: Path, kind: Kind = "workbook") -> None:
    """Raise `InputError` with one problem unless `path` is a sound, safe .xlsx (or .docx).

    Reads the file only; refuses before inflating anything that would be too big.
    """
    expected = _EXPECTED[kind]
    problem = _file_problem(path, expected)
    if problem is not None:
        raise InputError(str(path), [problem])


def check_template(path: Path) -> None:
    """`check_archive` for a user-supplied .docx template (which must hold word/document.xml)."""
    check_archive(path, "template")


def _file_problem(path: Path, expected: _Expected) -> Problem | None:
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return Problem("the file does not exist", "check the path")
    except OSError as exc:
        return _unreadable(exc)
    if stat.S_ISDIR(status.st_mode):
        return Problem(f"this is a folder, not a {expected.noun}", f"give {expected.file}")
    if not stat.S_ISREG(status.st_mode):
        # A pipe would block the read forever and a device such as /dev/zero never ends.
        return Problem("this is not a regular file (a device or a pipe)", f"give {expected.file}")
    if status.st_size == 0:
        return Problem(
            "the file is empty (0 bytes)",
            f"copy it again, or save it again from {expected.app} as {expected.suffix}",
        )
    try:
        with path.open("rb") as handle:
            return _content_problem(handle, status.st_size, expected)
    except OSError as exc:
        return _unreadable(exc)


def _unreadable(exc: OSError) -> Problem:
    return Problem(
        f"the file cannot be read ({exc.strerror or type(exc).__name__})",
        "check that you may read it and that it is not locked by another program",
    )


def _damaged(expected: _Expected) -> Problem:
    return Problem(
        "the file is damaged or incomplete (truncated)",
        f"copy it again, or open it in {expected.app} and save it again as {expected.suffix}",
    )


def _content_problem(handle: BinaryIO, size: int, expected: _Expected) -> Problem | None:
    head = handle.read(_SNIFF_BYTES)
    directory = _zip_directory_size(handle, size)
    if directory is None:
        return _impostor_problem(head, handle, expected)
    if directory > MAX_DIRECTORY_BYTES:
        return Problem(
            f"the file's list of parts takes {directory / MiB:,.1f} MiB, more than the "
            f"{MAX_DIRECTORY_BYTES // MiB} MiB reportkit accepts",
            _too_big_hint(expected),
        )
    handle.seek(0)
    try:
        archive = zipfile.ZipFile(handle)
    except (*_DAMAGED_ERRORS, OSError):  # OSError: a seek to an offset before the start
        return _damaged(expected)
    except NotImplementedError:  # a member needing a newer zip version than zipfile reads
        return _unusual_zip(expected)
    with archive:
        return _archive_problem(archive, expected)


def _zip_directory_size(handle: BinaryIO, size: int) -> int | None:
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


def _impostor_problem(head: bytes, handle: BinaryIO, expected: _Expected) -> Problem:
    """Name what a file that is no zip really is, from its first bytes."""
    if head.startswith(_ZIP_LOCAL_HEADER):
        return _damaged(expected)
    if head.startswith(_OLE_MAGIC):
        return _compound_problem(_compound_names(handle), expected)
    if head.startswith(b"%PDF"):
        return Problem(
            f"this is a PDF file, not {expected.description}",
            f"give the {expected.suffix} file itself",
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or set(head) <= _TEXT_BYTES:
        return Problem(
            expected.text,
            f"open it in {expected.app} and save it as {expected.suffix}",
        )
    return Problem(
        f"this is not {expected.formal}",
        f"save it from {expected.app} as {expected.suffix}",
    )


def _compound_problem(names: set[str], expected: _Expected) -> Problem:
    """An OLE compound file is a password-protected Office file or a pre-2007 one."""
    if names & _ENCRYPTION_STREAMS:
        return Problem(
            f"the {expected.noun} is password-protected (encrypted)",
            f"remove the password in {expected.app}: {expected.protect}, then save it",
        )
    if names & expected.legacy_streams:
        return Problem(
            expected.legacy, f"open it in {expected.app} and save it as {expected.suffix}"
        )
    return Problem(
        f"this is an Office 97–2003 file or a password-protected one, not {expected.formal}",
        f"remove any password and save it from {expected.app} as {expected.suffix}",
    )


def _compound_names(handle: BinaryIO) -> set[str]:
    """The stream and storage names in an OLE compound file's directory (MS-CFB), as far as
    they can be read; a malformed file gives what was found before the damage."""
    names: set[str] = set()
    handle.seek(0)
    header = handle.read(512)
    if len(header) < 512 or header[30:32] not in (b"\x09\x00", b"\x0c\x00"):
        return names
    sector_size = 1 << header[30]
    per_sector = sector_size // 4
    (first_difat,) = struct.unpack_from("<I", header, 68)
    header_difat = struct.unpack_from("<109I", header, 76)

    def read_sector(number: int) -> bytes:
        handle.seek((number + 1) * sector_size)
        data = handle.read(sector_size)
        if len(data) < sector_size:
            raise EOFError
        return data

    def fat_entry(sector: int) -> int:
        index, slot = divmod(sector, per_sector)
        if index < len(header_difat):
            location = header_difat[index]
        else:  # the FAT sector's location is in the chain of DIFAT sectors
            hops, entry = divmod(index - len(header_difat), per_sector - 1)
            if hops > _MAX_DIFAT_HOPS:
                raise EOFError
            difat = first_difat
            for _ in range(hops):
                (difat,) = struct.unpack_from("<I", read_sector(difat), sector_size - 4)
            (location,) = struct.unpack_from("<I", read_sector(difat), entry * 4)
        return struct.unpack_from("<I", read_sector(location), slot * 4)[0]

    (sector,) = struct.unpack_from("<I", header, 48)
    try:
        for _ in range(_MAX_DIRECTORY_SECTORS):
            if sector >= 0xFFFFFFFA:  # end of chain, or a reserved marker
                break
            data = read_sector(sector)
            for offset in range(0, sector_size, 128):
                (length,) = struct.unpack_from("<H", data, offset + 64)
                if 2 <= length <= 64 and data[offset + 66] in (1, 2, 5):
                    names.add(data[offset : offset + length - 2].decode("utf-16-le", "replace"))
            sector = fat_entry(sector)
    except (EOFError, struct.error):
        pass
    return names


def _archive_problem(archive: zipfile.ZipFile, expected: _Expected) -> Problem | None:
    members = archive.infolist()
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
            return _unusual_zip(expected)
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
    try:
        if problem := _package_problem(archive, expected):
            return problem
        for member in members:
            if problem := _member_problem(archive, member, expected):
                return problem
    except _DAMAGED_ERRORS:
        return _damaged(expected)
    return None


def _too_big_hint(expected: _Expected) -> str:
    return (
        f"delete unused sheets, pictures and formatted empty rows in {expected.app} and save "
        "it again, or ask the sender for a clean copy"
    )


def _unusual_zip(expected: _Expected) -> Problem:
    return Problem(
        f"the file is zip-encrypted or compressed in a way {expected.app} never writes",
        f"open it in {expected.app} and save it again as {expected.suffix}",
    )


def _package_problem(archive: zipfile.ZipFile, expected: _Expected) -> Problem | None:
    """A zip that is not the Office package wanted: name what it is instead."""
    names = {name.casefold(): name for name in archive.namelist()}
    if expected.main_part in names:
        return None
    if "mimetype" in names:
        with archive.open(names["mimetype"]) as stream:
            mimetype = stream.read(100).decode("ascii", "replace").strip()
        if mimetype.startswith(_OPEN_DOCUMENT):
            subtype = mimetype.removeprefix(_OPEN_DOCUMENT)
            what = _OPEN_DOCUMENT_KINDS.get(subtype, "an OpenDocument file")
            return Problem(f"this is {what}", f"save it as {expected.suffix}")
    for part, what in _PACKAGES.items():
        if part in names:
            return Problem(
                f"this is {what}, not {expected.description}",
                f"give the {expected.noun} itself ({expected.suffix})",
            )
    return Problem(
        f"the zip file holds no {expected.app} {expected.noun} ({expected.main_part} is missing)",
        f"save it from {expected.app} as {expected.suffix}",
    )


class _DocumentType(Exception):
    """Raised from expat's handler: the prolog declares a DOCTYPE (entities live there)."""


class _RootElement(Exception):
    """Raised from expat's handler: the prolog is over, nothing more to look at."""


def _member_problem(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, expected: _Expected
) -> Problem | None:
    """Look at one member's XML prolog, then read it to its end so zipfile checks its CRC."""
    if member.is_dir():
        return None
    parser = expat.ParserCreate()

    def on_doctype(*_: object) -> None:
        raise _DocumentType

    def on_root(*_: object) -> None:
        raise _RootElement

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_root
    scanning, seen = True, 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            if not scanning:
                continue
            piece = chunk[: PROLOG_BYTES - seen]
            seen += len(piece)
            try:
                parser.Parse(piece, False)
            except _DocumentType:
                return Problem(
                    "the file contains XML entity declarations (in the part "
                    f"{member.filename}), which reportkit refuses for safety",
                    f"this file was not saved by {expected.app} and may be hostile; ask the "
                    "sender for a clean copy",
                )
            except _RootElement:
                scanning = False
            except (expat.ExpatError, ValueError):
                # Not XML (a picture), or XML in an encoding expat cannot read; a part that
                # should be XML but is not is damaged, anything else is none of our business.
                if member.filename.casefold().endswith((".xml", ".rels")):
                    return _damaged(expected)
                scanning = False
            if scanning and seen >= PROLOG_BYTES:
                return Problem(
                    f"the part {member.filename} does not start its XML within the first "
                    f"{PROLOG_BYTES // 1024} KiB",
                    f"this file was not saved by {expected.app}; open it in {expected.app} "
                    f"and save it again as {expected.suffix}",
                )
    return None
