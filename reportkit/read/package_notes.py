"""What a workbook's package holds besides its cells that the rapporteur should know of.

Macros (`xl/vbaProject.bin`, Excel 4 macro sheets, or a macro-enabled workbook renamed
.xlsx) are never run: the report holds the values saved in the cells. Links to other
workbooks (`xl/externalLinks/`) give cells values Excel copied from another file when the
link was last updated; those cells are found by the sheet scan and said at their cell, and
this names the linked files (`[1]` in a formula is the first external reference).

Both are warnings, never errors: the workbook still builds. Everything is read from the
bytes read once (`Source.data`), and a workbook with neither costs one look at its zip
directory and its small `[Content_Types].xml`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from reportkit.problems import Problem, Severity
from reportkit.read.sheet_scan import external_books

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# The package's XML was checked for entity declarations before this reads it.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NAMES_SHOWN = 3

LINK_HINT = "open both workbooks in Excel to update the link, or type the value instead"


@dataclass(frozen=True)
class PackageNotes:
    macros: bool = False
    # The file each external reference links to, in the workbook's order ("" when unsaid).
    linked_books: tuple[str, ...] = ()
    # Defined names that refer to another workbook, with the workbooks they refer to.
    linked_names: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def warnings(self) -> list[Problem]:
        """The workbook's own warnings, located at no cell."""
        found = []
        if self.macros:
            found.append(
                Problem(
                    "the workbook contains macros, which reportkit never runs: the report "
                    "holds the values saved in the cells",
                    "if a macro fills in cells, run it in Excel and save before building; if "
                    "the macros are not needed, save the workbook as .xlsx without them",
                    "",
                    Severity.WARNING,
                )
            )
        if self.linked_names:
            names = [name for name, _ in self.linked_names]
            books = tuple(sorted({book for _, numbers in self.linked_names for book in numbers}))
            shown = ", ".join(f'"{name}"' for name in names[:_NAMES_SHOWN])
            if len(names) > _NAMES_SHOWN:
                shown += f" and {len(names) - _NAMES_SHOWN} more"
            one = len(names) == 1
            found.append(
                Problem(
                    f"the defined name{'' if one else 's'} {shown} refer{'s' if one else ''} "
                    f"to {self.books(books)}: cells using {'it' if one else 'them'} hold the "
                    "value saved when the link was last updated, which may be out of date",
                    LINK_HINT,
                    "",
                    Severity.WARNING,
                )
            )
        return found

    def books(self, numbers: tuple[int, ...]) -> str:
        """`another workbook, Budget.xlsx` for a formula's `[1]`, as the package names it."""
        named = [self.linked_books[n - 1] for n in numbers if 0 < n <= len(self.linked_books)]
        files = list(dict.fromkeys(name for name in named if name))
        if not files:
            return "another workbook" if len(numbers) <= 1 else "other workbooks"
        if len(files) == 1:
            return f"another workbook, {files[0]}"
        return f"other workbooks, {', '.join(files[:-1])} and {files[-1]}"


def linked_value(books: str, location: str) -> Problem:
    """The warning at a cell whose formula takes its value from `books` (`another workbook,
    Budget.xlsx`): what is printed is what Excel last copied from there."""
    return Problem(
        f"the formula takes its value from {books}: the report prints the value saved when "
        "the link was last updated, which may be out of date",
        LINK_HINT,
        location,
        Severity.WARNING,
    )


def read_package_notes(data: bytes) -> PackageNotes:
    """The macros and links of the workbook whose bytes are `data`; what cannot be read
    (a damaged relationship part) is left unsaid rather than stopping the read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {name.casefold(): name for name in archive.namelist()}
            macros = _has_macros(archive, names)
            if not any(name.startswith("xl/externallinks/") for name in names):
                return PackageNotes(macros)
            try:
                books, linked_names = _links(archive, names)
            except (etree.XMLSyntaxError, KeyError, ValueError):
                books, linked_names = (), ()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, etree.XMLSyntaxError):
        return PackageNotes()
    return PackageNotes(macros, books, linked_names)


def _has_macros(archive: zipfile.ZipFile, names: dict[str, str]) -> bool:
    if any(name.endswith("vbaproject.bin") or name.startswith("xl/macrosheets/") for name in names):
        return True
    # An .xlsm saved without its project is still macro-enabled, whatever its name says.
    if "[content_types].xml" not in names:
        return False
    types = etree.fromstring(archive.read(names["[content_types].xml"]), _PARSER)
    return any(
        override.get("PartName", "").casefold() == "/xl/workbook.xml"
        and "macroenabled" in override.get("ContentType", "").casefold()
        for override in types.iter(f"{_CONTENT_TYPES}Override")
    )


def _links(
    archive: zipfile.ZipFile, names: dict[str, str]
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[int, ...]], ...]]:
    workbook = etree.fromstring(archive.read(names["xl/workbook.xml"]), _PARSER)
    relations = _relations(archive, names, "xl/workbook.xml")
    books = []
    for reference in workbook.iter(f"{_MAIN}externalReference"):
        part = _member(relations.get(reference.get(_RELATIONSHIP_ID, ""), ""), "xl")
        books.append(_linked_file(archive, names, part))
    linked_names = []
    for name in workbook.iter(f"{_MAIN}definedName"):
        if name.get("hidden") in ("1", "true"):
            continue
        numbers = external_books((name.text or "").encode())
        if numbers:
            linked_names.append((name.get("name", ""), numbers))
    return tuple(books), tuple(linked_names)


def _linked_file(archive: zipfile.ZipFile, names: dict[str, str], part: str) -> str:
    """The name of the file an externalLink part links to, from its relationship's target
    (`file:///C:\\Budgets\\Budget%202023.xlsx` → `Budget 2023.xlsx`)."""
    if not part:
        return ""
    for target in _relations(archive, names, part, external=True).values():
        name = unquote(target).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        if name:
            return name
    return ""


def _relations(
    archive: zipfile.ZipFile, names: dict[str, str], part: str, external: bool = False
) -> dict[str, str]:
    """A part's relationships (only those outside the package, if `external`): Id → Target,
    {} when it has none."""
    folder, base = posixpath.split(part)
    member = names.get(posixpath.join(folder, "_rels", f"{base}.rels").casefold())
    if member is None:
        return {}
    root = etree.fromstring(archive.read(member), _PARSER)
    return {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in root.iter(f"{_RELATIONSHIPS}Relationship")
        if not external or rel.get("TargetMode") == "External"
    }


def _member(target: str, folder: str) -> str:
    """A relationship's target as a zip member, relative to the part's `folder`."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))
