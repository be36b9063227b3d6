"""`reportkit translate import`: a translator's XLIFF written into the workbook's twin cells.

The workbook is read once; every returned translation is matched to its cell (`plan`);
the workbook as it was is kept (`keep`); then only the twin cells, the header of a twin
column made for them and the hidden record of which English each translation was made
for are written (`package`), and the whole file replaces the old one at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.base.write import write_atomic
from reportkit.model import Language
from reportkit.problems import InputError, Problem, cell_ref
from reportkit.publish.existing import open_by
from reportkit.read.cell_values import open_book, sheet_grid, sheet_parts
from reportkit.read.source import Source, checked, read_source
from reportkit.read.translation_record import (
    RECORD_HEADER,
    RECORD_SHEET,
    Record,
    cleaned,
    read_record,
)
from reportkit.read.workbook import OpenWorkbook, normalise_name
from reportkit.translate.keep import keep_workbook
from reportkit.translate.package import CellText, Package, SheetXml, record_sheet
from reportkit.translate.plan import Accepted, match
from reportkit.translate.units import Unit, workbook_units
from reportkit.translate.xliff import read_xliff

# An XLIFF file of a meeting's workbook is well under a megabyte; far bigger is no such file.
MAX_XLIFF_BYTES = 64 * 1024 * 1024


@dataclass
class Imported:
    """What an import did: counts, the columns it made, the copy kept, the units refused."""

    language: Language
    written: int = 0
    unchanged: int = 0
    waiting: int = 0
    columns: list[str] = field(default_factory=list)
    kept: Path | None = None
    problems: list[Problem] = field(default_factory=list)


def import_translations(workbook: Path, xliff: Path) -> Imported:
    """Write the translations of `xliff` into `workbook`; `InputError` (one line) when
    either file cannot be used, and then nothing is written."""
    returns = read_xliff(read_xliff_file(xliff), str(xliff))
    language = returns.language
    opened = open_by(workbook)
    if opened is not None:
        editor = "Excel" if opened.lock.name.startswith("~$") else opened.editor
        raise InputError(
            str(workbook),
            [
                Problem(
                    f"the workbook is open in {editor} ({opened.lock.name} stands beside it),"
                    " so nothing is imported: its next save would undo the import",
                    f"close it in {editor}, then import again (if it is open nowhere, delete"
                    f" {opened.lock.name})",
                )
            ],
        )
    source = checked(read_source(workbook))
    book = OpenWorkbook(source, language)
    try:
        units = workbook_units(book, language)
        record = read_record(book)
        record_title = book.sheet_names.get(normalise_name(RECORD_SHEET))
    finally:
        book.close()
    matched = match(units, returns.units, language)
    result = Imported(language, waiting=matched.waiting, problems=matched.problems)
    writer = _Writer(source, language)
    accepted = [a for a in matched.accepted if writer.accepts(a, result)]
    for item in accepted:
        if item.text == item.unit.translation:
            result.unchanged += 1
        else:
            writer.write(item)
            result.written += 1
    result.columns = writer.new_columns()
    rows = _record_rows(record, units, accepted, language)
    if not result.written and rows == record.rows:
        return result
    writer.record(rows, record_title)
    data = writer.package_bytes()
    _verify(data, workbook, writer.expected)
    result.kept = keep_workbook(workbook, source.data)
    try:
        write_atomic(workbook, data)
    except OSError as error:
        raise InputError(
            str(workbook),
            [
                Problem(
                    f"the workbook cannot be written ({error.strerror or error}), so nothing"
                    " was imported",
                    "check its folder is writable and the disk not full, then import again",
                )
            ],
        ) from None
    return result


def read_xliff_file(path: Path) -> bytes:
    """The bytes of a regular file of a sensible size; `InputError` with one line else."""
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(
            str(path), [Problem("the file does not exist", "check the path")]
        ) from None
    except OSError as error:
        raise InputError(
            str(path), [Problem(f"the file cannot be read ({error.strerror})", "check the path")]
        ) from None
    if path.is_dir():
        raise InputError(
            str(path),
            [Problem("this is a folder, not an XLIFF file", "give the .xlf file to import")],
        )
    if not path.is_file() or status.st_size > MAX_XLIFF_BYTES:
        raise InputError(
            str(path),
            [
                Problem(
                    "this is no XLIFF file (not a regular file, or far too big for one)",
                    "give the .xlf file your translator returned",
                )
            ],
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            str(path), [Problem(f"the file cannot be read ({error.strerror})", "check the path")]
        ) from None


class _Writer:
    """The workbook's package, with the sheets written so far and the columns made."""

    def __init__(self, source: Source, language: Language) -> None:
        self.package = Package(source.data)
        self.language = language
        self.members = sheet_parts(source.data, str(source.path))
        self.sheets: dict[str, SheetXml] = {}
        self.columns: dict[tuple[str, str], int] = {}
        self.headers: dict[tuple[str, str], Unit] = {}
        self.expected: dict[tuple[str, int, int], str] = {}
        self.written: set[str] = set()

    def sheet(self, title: str) -> SheetXml:
        if title not in self.sheets:
            self.sheets[title] = SheetXml(self.package.parts[self.members[title]])
        return self.sheets[title]

    def column(self, unit: Unit) -> int:
        """The twin column of `unit`: the sheet's own, or a new one after its last."""
        if unit.twin_column is not None:
            return unit.twin_column
        key = (unit.sheet, unit.twin(self.language))
        if key not in self.columns:
            sheet = self.sheet(unit.sheet)
            made = [c for (title, _), c in self.columns.items() if title == unit.sheet]
            self.columns[key] = max([sheet.last_column(), *made]) + 1
            self.headers[key] = unit
        return self.columns[key]

    def accepts(self, item: Accepted, result: Imported) -> bool:
        """Whether the unit's twin cell can take text: not a formula's, not hidden inside
        merged cells (reportkit reads the merge's first cell for it, already written)."""
        unit = item.unit
        if unit.twin_column is None:
            return True
        sheet = self.sheet(unit.sheet)
        if sheet.hidden_by_merge(unit.row, unit.twin_column):
            return False
        if sheet.has_formula(unit.row, unit.twin_column):
            twin = unit.twin(self.language)
            result.problems.append(
                Problem(
                    f"the {twin} cell holds a formula, so the translation returned for it is"
                    " not written",
                    "empty the cell, then import again",
                    cell_ref(unit.sheet, unit.twin_column, unit.row),
                )
            )
            return False
        return True

    def write(self, item: Accepted) -> None:
        unit = item.unit
        column = self.column(unit)
        self.sheet(unit.sheet).write(CellText(unit.row, column, item.text, unit.source_column))
        self.written.add(unit.sheet)
        self.expected[(unit.sheet, unit.row, column)] = item.text

    def new_columns(self) -> list[str]:
        """Head each twin column made, styled and as wide as its English column's; their
        names, `Report!E1 (Text fr)`."""
        made = []
        for (title, twin), column in self.columns.items():
            english = self.headers[(title, twin)].source_column
            sheet = self.sheet(title)
            sheet.write(CellText(1, column, twin, english))
            sheet.widen_like(column, english)
            self.written.add(title)
            self.expected[(title, 1, column)] = twin
            made.append(f"{cell_ref(title, column, 1)} ({twin})")
        return made

    def record(self, rows: list[tuple[str, str, str, str, str]], title: str | None) -> None:
        blob = record_sheet(self.package.namespace(), [RECORD_HEADER, *rows])
        if title is None:
            self.package.add_sheet(RECORD_SHEET, blob)
        else:
            self.package.replace(self.members[title], blob)

    def package_bytes(self) -> bytes:
        for title in self.written:
            self.package.replace(self.members[title], self.sheets[title].bytes())
        return self.package.bytes()


def _record_rows(
    record: Record, units: list[Unit], accepted: list[Accepted], language: Language
) -> list[tuple[str, str, str, str, str]]:
    """The record after the import: each translation imported, with its English; of the
    record before it, what the workbook still holds (other languages' rows as they were)."""
    now: dict[tuple[str, str], set[str]] = {}
    imported = {a.unit.id: a.text for a in accepted}
    for unit in units:
        text = imported.get(unit.id, unit.translation)
        now.setdefault(_key(unit.sheet, unit.column), set()).add(cleaned(text))
    rows = []
    seen = set()
    for row in record.rows:
        sheet, column, lang, translation, english = row
        if lang.strip().casefold() == language.value and cleaned(translation) not in now.get(
            _key(sheet, column), set()
        ):
            continue
        identity = (
            _key(sheet, column),
            lang.strip().casefold(),
            cleaned(translation),
            cleaned(english),
        )
        if identity not in seen:
            seen.add(identity)
            rows.append(row)
    for item in accepted:
        unit = item.unit
        identity = (
            _key(unit.sheet, unit.column),
            language.value,
            cleaned(item.text),
            cleaned(unit.english),
        )
        if identity not in seen:
            seen.add(identity)
            rows.append((unit.sheet, unit.column, language.value, item.text, unit.english))
    return rows


def _key(sheet: str, column: str) -> tuple[str, str]:
    return normalise_name(sheet), normalise_name(column)


def _verify(data: bytes, workbook: Path, expected: dict[tuple[str, int, int], str]) -> None:
    """Read the new workbook back as `build` will, before it replaces the old one: every
    cell written must read as written. A difference is reportkit's bug, never the user's."""
    checked(Source(workbook, data, ""))
    book = open_book(io.BytesIO(data))
    grids: dict[str, list[list[object]]] = {}
    for (title, row, column), text in expected.items():
        grid = grids.setdefault(title, sheet_grid(book, title))
        value = (
            grid[row - 1][column - 1] if row <= len(grid) and column <= len(grid[row - 1]) else None
        )
        if value != text:
            raise RuntimeError(
                f"{cell_ref(title, column, row)} reads {value!r} after the import, not {text!r}"
            )
