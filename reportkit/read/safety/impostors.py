"""Naming what a file really is when it is not the Office package wanted.

A rapporteur who gives a CSV, a PDF, an old .xls or an .ods named .xlsx is told what it is
and how to save it, rather than that it is "not a zip".
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from reportkit.problems import Problem
from reportkit.read.safety.compound_file import OLE_MAGIC, compound_names
from reportkit.read.safety.kinds import Expected, damaged

_SNIFF_BYTES = 4096
_ZIP_LOCAL_HEADER = b"PK\x03\x04"
_ENCRYPTION_STREAMS = frozenset({"EncryptionInfo", "EncryptedPackage"})
_OPEN_DOCUMENT = "application/vnd.oasis.opendocument."
_TEXT_BYTES = frozenset(range(0x20, 0x100)) - {0x7F} | frozenset(b"\t\n\r\f")
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


def impostor_problem(handle: BinaryIO, expected: Expected) -> Problem:
    """Name what a file that is no zip really is, from its first bytes."""
    handle.seek(0)
    head = handle.read(_SNIFF_BYTES)
    if head.startswith(_ZIP_LOCAL_HEADER):
        return damaged(expected)
    if head.startswith(OLE_MAGIC):
        return _compound_problem(compound_names(handle), expected)
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


def _compound_problem(names: set[str], expected: Expected) -> Problem:
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


def package_problem(archive: zipfile.ZipFile, expected: Expected) -> Problem | None:
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
