"""Broken and hostile input files: each ends in its one exact problem line, nothing written.

Every file is generated here (no committed binaries): impostors named .xlsx, truncated and
corrupted archives, zip bombs, XML entity attacks, and a genuinely huge formatted-but-empty
sheet that must still pass.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import reportkit
from reportkit.problems import InputError
from reportkit.read import read_workbook
from reportkit.read.safety import (
    MAX_MEMBERS,
    MAX_RATIO,
    MiB,
    check_archive,
    check_template,
)
from reportkit.render import default_template
from tests.commands import reportkit_cli
from tests.conftest import SAMPLE
from tests.workbooks import variant, write_workbook

DAMAGED = (
    "the file is damaged or incomplete (truncated)"
    " — copy it again, or open it in Excel and save it again as .xlsx"
)
TOO_BIG_HINT = (
    "delete unused sheets, pictures and formatted empty rows in Excel and save it again,"
    " or ask the sender for a clean copy"
)
UNUSUAL_ZIP = (
    "the file is zip-encrypted or compressed in a way Excel never writes"
    " — open it in Excel and save it again as .xlsx"
)
ENCRYPTED = (
    "the workbook is password-protected (encrypted)"
    " — remove the password in Excel: File › Info › Protect Workbook, then save it"
)
LEGACY = "this is an old Excel 97–2003 .xls workbook — open it in Excel and save it as .xlsx"


def entities_refused(part: str, app: str = "Excel") -> str:
    return (
        f"the file contains XML entity declarations (in the part {part}), which reportkit"
        f" refuses for safety — this file was not saved by {app} and may be hostile;"
        " ask the sender for a clean copy"
    )


BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "' + f"&lol{n - 1 if n > 1 else ''};" * 10 + '">' for n in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/hostname">]>'


# --- building the files -------------------------------------------------------------------


def rewrite(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the zip `source` with some members' contents replaced."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            new.writestr(name, replace.get(name, old.read(name)))
    return target


def sample_part(name: str) -> str:
    with zipfile.ZipFile(SAMPLE) as archive:
        return archive.read(name).decode()


def with_entity(part: str, doctype: str, entity: str) -> Callable[[Path], Path]:
    """The sample with `doctype` before the root of `part` and `&entity;` used in it."""

    def build(tmp: Path) -> Path:
        xml = sample_part(part)
        if part.endswith("workbook.xml"):
            xml = xml.replace('name="Meeting"', f'name="&{entity};"', 1)
        else:
            xml = xml.replace("<t>", f"<t>&{entity};", 1)
        return rewrite(SAMPLE, tmp / "hostile.xlsx", {part: (doctype + xml).encode()})

    return build


def sheet_in_utf16_with_doctype(tmp: Path) -> Path:
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + XXE + sample_part("xl/worksheets/sheet1.xml")
    return rewrite(SAMPLE, tmp / "utf16.xlsx", {"xl/worksheets/sheet1.xml": xml.encode("utf-16")})


def doctype_after_long_comment(tmp: Path) -> Path:
    """A DOCTYPE pushed past the first 64 KiB by a comment, where a prolog scan stops."""
    xml = "<!--" + "x" * 70_000 + "-->" + XXE + sample_part("xl/worksheets/sheet1.xml")
    return rewrite(SAMPLE, tmp / "late.xlsx", {"xl/worksheets/sheet1.xml": xml.encode()})


def written(name: str, data: Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data())
        return path

    return build


def zipped(name: str, members: dict[str, bytes]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        with zipfile.ZipFile(tmp / name, "w") as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        return tmp / name

    return build


def compound_file(names: list[str], directory_at: int = 1) -> bytes:
    """A minimal OLE compound file (MS-CFB version 3, 512-byte sectors) whose directory,
    a chain of sectors from `directory_at`, lists `names`; the streams hold nothing.

    With `directory_at` of 13,952 (109 × 128) or more, the directory's FAT sector is found
    through a DIFAT sector, as in compound files over 7 MB.
    """
    free, end_of_chain, fat_marker, difat_marker = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
    chain = [directory_at + n for n in range(-(-len(names) // 4))]
    following = dict(zip(chain, [*chain[1:], end_of_chain], strict=True))
    sectors: dict[int, bytes] = {}
    last_index = chain[-1] // 128
    if last_index == 0:  # one FAT sector, sector 0
        fat_locations = {0: 0}
    else:  # FAT sectors 2, 3, …; the ones past the header's 109 listed by DIFAT sector 1
        fat_locations = {index: 2 + index for index in range(last_index + 1)}
        following[1] = difat_marker
        difat = [fat_locations.get(109 + n, free) for n in range(127)]
        sectors[1] = struct.pack("<128I", *difat, end_of_chain)
    following.update(dict.fromkeys(fat_locations.values(), fat_marker))
    for index, location in fat_locations.items():
        entries = [following.get(index * 128 + n, free) for n in range(128)]
        sectors[location] = struct.pack("<128I", *entries)
    directory = bytearray(len(chain) * 512)
    for number, name in enumerate(names):
        encoded = name.encode("utf-16-le") + b"\0\0"
        directory[number * 128 : number * 128 + len(encoded)] = encoded
        kind = 5 if number == 0 else 1 if name.startswith("\x06") else 2  # root, storage, stream
        right = number + 1 if 0 < number < len(names) - 1 else free  # siblings in a list
        child = 1 if number == 0 and len(names) > 1 else free
        struct.pack_into(
            "<HBB3I", directory, number * 128 + 64, len(encoded), kind, 1, free, right, child
        )
    for number, sector in enumerate(chain):
        sectors[sector] = bytes(directory[number * 512 : (number + 1) * 512])
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<5H", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<2I", header, 44, len(fat_locations), chain[0])
    struct.pack_into(
        "<5I", header, 56, 4096, end_of_chain, 0, *((1, 1) if last_index else (end_of_chain, 0))
    )
    struct.pack_into("<109I", header, 76, *(fat_locations.get(n, free) for n in range(109)))
    body = b"".join(sectors.get(number, bytes(512)) for number in range(max(sectors) + 1))
    return bytes(header) + body


def truncated_sample(tmp: Path) -> Path:
    path = tmp / "truncated.xlsx"
    data = SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def bad_crc(tmp: Path) -> Path:
    """The sample with one byte of a stored (uncompressed) sheet changed on disk."""
    path = tmp / "crc.xlsx"
    with zipfile.ZipFile(SAMPLE) as old, zipfile.ZipFile(path, "w") as new:
        for name in old.namelist():
            new.writestr(name, old.read(name))
    data = path.read_bytes()
    at = data.index(b"<sheetData>")
    path.write_bytes(data[:at] + b"<sheetDato>" + data[at + len(b"<sheetData>") :])
    return path


def zeros_member(tmp: Path) -> Path:
    """A real bomb in miniature: 16 MiB of zeros streamed into one deflated member."""
    path = rewrite(SAMPLE, tmp / "bomb.xlsx", {})
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/image1.png", "w") as member,
    ):
        for _ in range(16):
            member.write(bytes(MiB))
    return path


def patch_central_directory(path: Path, member: str, offset: int, fmt: str, value: int) -> Path:
    """Overwrite one field of `member`'s central directory entry: what the zip declares."""
    data = bytearray(path.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        (length,) = struct.unpack_from("<H", data, position + 28)
        if data[position + 46 : position + 46 + length] == member.encode():
            struct.pack_into(fmt, data, position + offset, value)
            path.write_bytes(bytes(data))
            return path
        position = data.find(b"PK\x01\x02", position + 46)
    raise AssertionError(f"{member} is not in the central directory")


def declared_huge(tmp: Path) -> Path:
    """The sample with a sheet declaring 2 GiB unpacked: refused without inflating a byte."""
    path = rewrite(SAMPLE, tmp / "declared.xlsx", {})
    return patch_central_directory(path, "xl/worksheets/sheet2.xml", 24, "<I", 2 << 30)


def central_field(offset: int, fmt: str, value: int) -> Callable[[Path], Path]:
    """The sample with one field of sheet1.xml's central directory entry changed."""

    def build(tmp: Path) -> Path:
        path = rewrite(SAMPLE, tmp / "patched.xlsx", {})
        return patch_central_directory(path, "xl/worksheets/sheet1.xml", offset, fmt, value)

    return build


def zip64_directory(tmp: Path) -> Path:
    """The sample with a ZIP64 end record (which zipfile prefers) declaring a 1 GiB directory."""
    data = SAMPLE.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    (count,) = struct.unpack_from("<H", data, end + 10)
    (offset,) = struct.unpack_from("<I", data, end + 16)
    record = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, 1 << 30, offset
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    path = tmp / "zip64.xlsx"
    path.write_bytes(data[:end] + record + locator + data[end:])
    return path


def bzip2_member(tmp: Path) -> Path:
    path = rewrite(SAMPLE, tmp / "bzip2.xlsx", {})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("xl/media/image1.png", b"picture")
    return path


def many_members(tmp: Path) -> Path:
    path = rewrite(SAMPLE, tmp / "many.xlsx", {})
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(MAX_MEMBERS):
            archive.writestr(f"xl/media/{number}.bin", b"")
    return path


def long_directory(tmp: Path) -> Path:
    """4,500 members named with 900 characters each: a 4.1 MiB central directory."""
    path = tmp / "directory.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(4_500):
            archive.writestr(f"{number:0900d}", b"")
    return path


def open_document(subtype: str, name: str) -> Callable[[Path], Path]:
    return zipped(
        name,
        {
            "mimetype": f"application/vnd.oasis.opendocument.{subtype}".encode(),
            "content.xml": b"<office:document-content/>",
        },
    )


def copy_of(source: Callable[[], Path], name: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        return Path(shutil.copy(source(), tmp / name))

    return build


def fifo(tmp: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp / "pipe.xlsx")
    return tmp / "pipe.xlsx"


def folder(tmp: Path) -> Path:
    (tmp / "folder.xlsx").mkdir()
    return tmp / "folder.xlsx"


# --- the cases ----------------------------------------------------------------------------

WORKBOOK_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp: tmp / "missing.xlsx", "the file does not exist — check the path"),
    "folder": (folder, "this is a folder, not a workbook — give an .xlsx file"),
    "name too long": (
        lambda tmp: tmp / f"{'x' * 300}.xlsx",
        "the file cannot be read (File name too long)"
        " — check that you may read it and that it is not locked by another program",
    ),
    "pipe": (fifo, "this is not a regular file (a pipe) — give an .xlsx file"),
    "empty": (
        written("empty.xlsx", lambda: b""),
        "the file is empty (0 bytes) — copy it again, or save it again from Excel as .xlsx",
    ),
    "csv": (
        written("list.xlsx", lambda: "Delegation,First name\r\nTürkiye,Selçuk\r\n".encode()),
        "this is a text/CSV file, not an Excel workbook — open it in Excel and save it as .xlsx",
    ),
    "unicode text": (
        written("list.xlsx", lambda: "Delegation\tFirst name\r\n".encode("utf-16")),
        "this is a text/CSV file, not an Excel workbook — open it in Excel and save it as .xlsx",
    ),
    "pdf": (
        written("report.xlsx", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        "this is a PDF file, not an Excel workbook — give the .xlsx file itself",
    ),
    "binary": (
        written("photo.xlsx", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        "this is not an Excel .xlsx workbook — save it from Excel as .xlsx",
    ),
    "xls": (
        written(
            "old.xlsx", lambda: compound_file(["Root Entry", "Workbook", "\x05SummaryInformation"])
        ),
        LEGACY,
    ),
    "encrypted": (
        written(
            "locked.xlsx",
            lambda: compound_file(
                [
                    *("Root Entry", "\x06DataSpaces", "Version", "DataSpaceMap"),
                    *("EncryptionInfo", "EncryptedPackage"),
                ]
            ),
        ),
        ENCRYPTED,
    ),
    "big encrypted": (
        written(
            "locked.xlsx",
            lambda: compound_file(
                ["Root Entry", "EncryptionInfo", "EncryptedPackage"], 109 * 128 + 5
            ),
        ),
        ENCRYPTED,
    ),
    "compound unreadable": (
        written("odd.xlsx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        "this is an Office 97–2003 file or a password-protected one, not an Excel .xlsx"
        " workbook — remove any password and save it from Excel as .xlsx",
    ),
    "ods": (
        open_document("spreadsheet", "sheet.xlsx"),
        "this is an OpenDocument (.ods) spreadsheet — save it as .xlsx",
    ),
    "docx": (
        copy_of(default_template, "report.xlsx"),
        "this is a Word document (.docx), not an Excel workbook — give the workbook itself (.xlsx)",
    ),
    "pptx": (
        zipped("slides.xlsx", {"ppt/presentation.xml": b"<p:presentation/>"}),
        "this is a PowerPoint presentation (.pptx), not an Excel workbook"
        " — give the workbook itself (.xlsx)",
    ),
    "other zip": (
        zipped("archive.xlsx", {"readme.txt": b"hello"}),
        "the zip file holds no Excel workbook (xl/workbook.xml is missing)"
        " — save it from Excel as .xlsx",
    ),
    "truncated": (truncated_sample, DAMAGED),
    "bad crc": (bad_crc, DAMAGED),
    "not xml": (
        lambda tmp: rewrite(SAMPLE, tmp / "garbage.xlsx", {"xl/workbook.xml": b"PK garbage"}),
        DAMAGED,
    ),
    "malformed sheet": (
        lambda tmp: rewrite(
            SAMPLE,
            tmp / "cut.xlsx",
            {"xl/worksheets/sheet2.xml": sample_part("xl/worksheets/sheet2.xml")[:800].encode()},
        ),
        'the sheet "Meeting" cannot be read (its XML is damaged) — open it in Excel and save it again'
        " as .xlsx",
    ),
    "zip bomb": (
        zeros_member,
        "the part xl/media/image1.png unpacks {ratio} times larger than it is stored, more"
        f" than the {MAX_RATIO}:1 reportkit accepts (as in a zip bomb) — {TOO_BIG_HINT}",
    ),
    "declared size": (
        declared_huge,
        f"the file would unpack to 2,048 MiB, more than the 512 MiB reportkit accepts"
        f" — {TOO_BIG_HINT}",
    ),
    "many members": (
        many_members,
        f"the file holds 10,016 parts, more than the 10,000 reportkit accepts — {TOO_BIG_HINT}",
    ),
    "long directory": (
        long_directory,
        "the file's list of parts takes 4.1 MiB, more than the 4 MiB reportkit accepts"
        f" — {TOO_BIG_HINT}",
    ),
    "zip64 directory": (
        zip64_directory,
        "the file's list of parts takes 1,024.0 MiB, more than the 4 MiB reportkit accepts"
        f" — {TOO_BIG_HINT}",
    ),
    "zip encryption": (central_field(8, "<H", 0x1), UNUSUAL_ZIP),
    "zip strong encryption": (central_field(8, "<H", 0x40), UNUSUAL_ZIP),
    "zip version 6.4": (central_field(6, "<H", 64), UNUSUAL_ZIP),
    "bzip2": (bzip2_member, UNUSUAL_ZIP),
    "billion laughs in a sheet": (
        with_entity("xl/worksheets/sheet1.xml", BILLION_LAUGHS, "lol9"),
        entities_refused("xl/worksheets/sheet1.xml"),
    ),
    "xxe in a sheet": (
        with_entity("xl/worksheets/sheet1.xml", XXE, "ext"),
        entities_refused("xl/worksheets/sheet1.xml"),
    ),
    "billion laughs in workbook.xml": (
        with_entity("xl/workbook.xml", BILLION_LAUGHS, "lol9"),
        entities_refused("xl/workbook.xml"),
    ),
    "xxe in workbook.xml": (
        with_entity("xl/workbook.xml", XXE, "ext"),
        entities_refused("xl/workbook.xml"),
    ),
    "xxe in utf-16": (sheet_in_utf16_with_doctype, entities_refused("xl/worksheets/sheet1.xml")),
    "doctype past 64 KiB": (
        doctype_after_long_comment,
        "the part xl/worksheets/sheet1.xml does not start its XML within the first 64 KiB"
        " — this file was not saved by Excel; open it in Excel and save it again as .xlsx",
    ),
}


def expected_line(path: Path, expected: str) -> str:
    if "{ratio}" in expected:  # the exact ratio is zlib's to decide; the archive declares it
        with zipfile.ZipFile(path) as archive:
            member = archive.getinfo("xl/media/image1.png")
        expected = expected.replace("{ratio}", f"{member.file_size / member.compress_size:,.0f}")
    return f"{path}: {expected}"


@pytest.mark.parametrize("case", WORKBOOK_CASES)
def test_each_bad_workbook_is_one_exact_line_and_nothing_is_written(
    tmp_path: Path, case: str
) -> None:
    make, expected = WORKBOOK_CASES[case]
    path = make(tmp_path)
    out = tmp_path / "out"
    with pytest.raises(InputError) as raised:  # any other exception fails the test
        reportkit.build(path, out)
    assert [p.line(raised.value.source) for p in raised.value.problems] == [
        expected_line(path, expected)
    ]
    assert not out.exists()


def with_template_part(part: str, doctype: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        with zipfile.ZipFile(default_template()) as archive:
            xml = archive.read(part).decode()
        return rewrite(default_template(), tmp / "custom.docx", {part: (doctype + xml).encode()})

    return build


TEMPLATE_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "folder": (folder, "this is a folder, not a template — give a .docx file"),
    "doctype in document.xml": (
        with_template_part("word/document.xml", BILLION_LAUGHS),
        entities_refused("word/document.xml", "Word"),
    ),
    "xxe in a header": (
        with_template_part("word/header1.xml", XXE),
        entities_refused("word/header1.xml", "Word"),
    ),
    "xxe in numbering": (
        with_template_part("word/numbering.xml", XXE),
        entities_refused("word/numbering.xml", "Word"),
    ),
    "workbook": (
        copy_of(lambda: SAMPLE, "report.docx"),
        "this is an Excel workbook (.xlsx), not a Word document — give the template itself (.docx)",
    ),
    "odt": (
        open_document("text", "report.docx"),
        "this is an OpenDocument (.odt) text document — save it as .docx",
    ),
    "doc": (
        written("report.docx", lambda: compound_file(["Root Entry", "WordDocument", "1Table"])),
        "this is an old Word 97–2003 .doc document — open it in Word and save it as .docx",
    ),
    "encrypted": (
        written(
            "report.docx",
            lambda: compound_file(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
        ),
        "the template is password-protected (encrypted)"
        " — remove the password in Word: File › Info › Protect Document, then save it",
    ),
    "truncated": (
        written("report.docx", lambda: default_template().read_bytes()[:20_000]),
        "the file is damaged or incomplete (truncated)"
        " — copy it again, or open it in Word and save it again as .docx",
    ),
    "text": (
        written("report.docx", lambda: b"Report of the meeting\n"),
        "this is a text file, not a Word document — open it in Word and save it as .docx",
    ),
}


@pytest.mark.parametrize("case", TEMPLATE_CASES)
def test_each_bad_template_is_one_exact_line(tmp_path: Path, case: str) -> None:
    make, expected = TEMPLATE_CASES[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        check_template(path)
    assert [p.line(raised.value.source) for p in raised.value.problems] == [f"{path}: {expected}"]


def test_the_sample_and_the_shipped_template_pass() -> None:
    check_archive(SAMPLE)
    check_template(default_template())
    source, problems = read_workbook(SAMPLE)
    assert source is not None
    assert problems == []


def test_no_workbook_is_parsed_by_openpyxl_at_run_time() -> None:
    """A user's workbook is read by calamine after the archive checks above, and the XML
    reportkit parses itself by lxml with entities off: openpyxl (whose XML parsing would
    need defusedxml to be safe) only writes new workbooks."""
    package = Path(reportkit.__file__).parent
    loading = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if re.search(r"\bload_workbook\b|openpyxl\.reader", path.read_text(encoding="utf-8"))
    ]
    assert loading == []


def test_a_million_formatted_empty_rows_pass_the_archive_checks(tmp_path: Path) -> None:
    """1,048,576 styled empty rows as LibreOffice writes them, with every default attribute:
    the most compressible real sheet measured (about 44:1), well inside the limits.

    The rows are streamed in as XML: openpyxl's write-only mode takes about 10 s for a
    million styled cells, this about 2 s.
    """
    path = write_workbook(tmp_path / "base.xlsx", variant())
    sheet = "xl/worksheets/sheet5.xml"
    with zipfile.ZipFile(path) as archive:
        head, tail = archive.read(sheet).decode().split("</sheetData>")
    rows = (
        '<row r="{}" s="1" customFormat="true" ht="12.8" hidden="false" customHeight="false"'
        ' outlineLevel="0" collapsed="false"/>'
    )
    replaced = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(replaced, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            if name != sheet:
                new.writestr(name, old.read(name))
        with new.open(sheet, "w") as member:
            member.write(head.encode())
            for start in range(3, 1_048_577, 65_536):
                stop = min(start + 65_536, 1_048_577)
                member.write("".join(rows.format(r) for r in range(start, stop)).encode())
            member.write(f"</sheetData>{tail}".encode())
        info = new.getinfo(sheet)
    assert info.file_size > 100 * MiB
    assert info.file_size / info.compress_size > 30  # near the worst real ratio, not a toy
    check_archive(replaced)


def test_the_command_line_prints_each_bad_files_line_and_no_traceback(tmp_path: Path) -> None:
    cases = ("csv", "truncated", "xxe in a sheet")
    paths = [WORKBOOK_CASES[case][0](tmp_path) for case in cases]
    out = tmp_path / "out"
    result = reportkit_cli("build", *map(str, paths), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for path, case in zip(paths, cases, strict=True):
        assert lines.count(expected_line(path, WORKBOOK_CASES[case][1])) == 1
    assert not list(out.glob("*.docx"))
