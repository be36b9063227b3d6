"""Opening a report a person saved, before merging into it: what it is when it is not a Word
document the merge can read, in one line, and within bounds.

A report edited in Word comes back in every shape Word and others save: macro-enabled,
"Strict Open XML", a template, cut short by a sync, missing a part. python-docx raises on
each of them in its own way (or, without a body, opens it as if nothing were wrong), so the
package is looked at first and any failure to open it becomes one `Problem` saying what the
file is and what to do; the file itself is never replaced because of it. Bounds like a
workbook's keep a huge file from taking minutes and gigabytes: its size, and the XML the
merge would parse (reportkit's own report of 50,000 delegates holds 15 MB of it).
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.document import Document as DocumentObject
from lxml import etree

from reportkit.problems import Problem
from reportkit.read.safety.kinds import DAMAGED_ERRORS

MiB = 1024 * 1024
MAX_REPORT_BYTES = 100 * MiB
MAX_REPORT_XML_BYTES = 32 * MiB

FRESH = "or build with --fresh to rebuild it from the workbook (your file is kept)"
SAVE_AS = (
    "in Word, save it with File › Save As › Word Document (.docx) under this name and "
    f"build again, {FRESH}"
)
REPAIR = (
    "put back a sound copy (Word's File › Open › Open and Repair may mend it; then save it as "
    f"a Word Document under this name) and build again, {FRESH}"
)
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "",
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "a macro-enabled Word document (.docm)"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "a Word template (.dotx)"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "a macro-enabled Word template (.dotm)"
    ),
}
_STRICT = b"purl.oclc.org/ooxml/"
_CONTENT_TYPES = "[Content_Types].xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class Unreadable(Exception):
    """The report cannot be merged into; `problem` says what it is and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def unreadable(what: str, hint: str = SAVE_AS) -> Unreadable:
    return Unreadable(Problem(f"cannot merge the workbook's corrections into it: {what}", hint))


def not_mergeable(problem: Problem) -> Problem:
    """A report the file checks refused (not a Word document, damaged), as the merge says it."""
    return Problem(
        f"cannot merge the workbook's corrections into it: {problem.message}",
        f"{problem.hint.rstrip('.')} and build again, {FRESH}",
    )


def open_report(data: bytes) -> DocumentObject:
    """The edited report as python-docx reads it; `Unreadable` when it is not one the merge
    can read."""
    if len(data) > MAX_REPORT_BYTES:
        raise _too_big(f"the file is {len(data) // MiB} MB", MAX_REPORT_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_package(archive)
        document = Document(io.BytesIO(data))
    except Unreadable:
        raise
    except (*DAMAGED_ERRORS, KeyError, etree.XMLSyntaxError) as error:
        raise unreadable(f"it is damaged inside ({_damage(error)})", REPAIR) from error
    if document.element.body is None:
        raise unreadable("it holds no document body", REPAIR)
    return document


def _check_package(archive: zipfile.ZipFile) -> None:
    members = {info.filename: info for info in archive.infolist()}
    xml = sum(i.file_size for n, i in members.items() if n.lower().endswith((".xml", ".rels")))
    if xml > MAX_REPORT_XML_BYTES:
        raise _too_big(f"it holds {xml // MiB} MB of text and layout", MAX_REPORT_XML_BYTES)
    if _CONTENT_TYPES not in members:
        raise unreadable(f"its list of parts ({_CONTENT_TYPES}) is missing", REPAIR)
    if "_rels/.rels" in members and _STRICT in archive.read("_rels/.rels"):
        raise unreadable(
            "it was saved in Word's Strict Open XML format, which the merge cannot read"
        )
    main = _main_type(archive.read(_CONTENT_TYPES), _main_part(archive))
    what = _MAIN_TYPES.get(main or "")
    if what:
        raise unreadable(f"it is {what} saved under the .docx name")
    if what is None:
        raise unreadable("its list of parts does not give its main part as a Word document")


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main part's name as the package's relationships give it (Word sometimes writes
    `word/document2.xml`)."""
    try:
        relationships = etree.fromstring(archive.read("_rels/.rels"), _PARSER)
    except KeyError:
        return "/word/document.xml"
    for relationship in relationships.iter(f"{_RELS_NS}Relationship"):
        if relationship.get("Type", "").endswith("/officeDocument"):
            return "/" + relationship.get("Target", "").lstrip("/")
    return "/word/document.xml"


def _main_type(types: bytes, part: str) -> str | None:
    root = etree.fromstring(types, _PARSER)
    for override in root.iter(f"{_TYPES_NS}Override"):
        if override.get("PartName", "").lower() == part.lower():
            return override.get("ContentType")
    return None


def _too_big(what: str, limit: int) -> Unreadable:
    return Unreadable(
        Problem(
            f"the report is too large to merge into: {what}, at most {limit // MiB} MB",
            "make it smaller in Word (File › Compress Pictures) and build again, " + FRESH,
        )
    )


def _damage(error: Exception) -> str:
    if isinstance(error, KeyError):
        named = re.search(r"'([^']+)'", str(error))
        return f"a part it refers to is missing{f' ({named[1]})' if named else ''}"
    if isinstance(error, etree.XMLSyntaxError):
        return "a part is cut short or not well-formed"
    return "the zip cannot be read"
