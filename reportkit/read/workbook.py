"""Opening a workbook and reading its sheets as header-keyed tables.

Sheet and column names match case-insensitively and ignore spaces and punctuation, so
`first name`, `First Name` and `First_Name` are the same column; row 1 is the header,
blank rows are skipped, extra columns are ignored.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from reportkit.arrange.language import language_name
from reportkit.model import Language
from reportkit.problems import InputError, Problem, Severity, cell_ref, column_letters
from reportkit.read.cell_values import open_book, sheet_grid, sheet_parts
from reportkit.read.cells import EXCEL_ERRORS, as_text, clean_text
from reportkit.read.package_notes import PackageNotes, linked_value, read_package_notes
from reportkit.read.sheet_scan import SheetScan, position, scan_sheet
from reportkit.read.source import Source, checked, read_source

E = TypeVar("E", bound=StrEnum)
K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


@cache
def normalise_name(name: object) -> str:
    return re.sub(r"[\W_]+", "", as_text(name)).casefold()


@dataclass
class Row:
    """One non-blank sheet row, with its Excel row number for locating problems."""

    table: SheetTable
    number: int
    values: tuple[Any, ...]

    def raw(self, column: str) -> Any:
        index = self.table.columns.get(normalise_name(column))
        if index is None:
            return None
        if self.table.uncached:
            self._report_uncached(column)
        if self.table.linked:
            self._report_linked(column)
        return self.values[index] if index < len(self.values) else None

    def _report_uncached(self, column: str) -> None:
        """A formula Excel never computed reads as empty; say so, once per cell."""
        ref = self.ref(column)
        if ref in self.table.uncached:
            self.table.uncached.discard(ref)
            self.table.problems.append(
                Problem(
                    "the formula has no saved result",
                    "open the workbook in Excel and save it, or type the value instead",
                    ref,
                )
            )

    def _report_linked(self, column: str) -> None:
        """A value another workbook gave is printed as Excel last saved it; say so, once."""
        ref = self.ref(column)
        books = self.table.linked.pop(ref, None)
        if books is not None:
            warning = linked_value(books, ref)
            self.table.problems.append(warning)
            self.table.link_warnings.append(warning)

    def choice(self, column: str, choices: type[E], what: str, problems: list[Problem]) -> E | None:
        """The cell as one of `choices`, in any case; None when empty, an error when unknown."""
        typed = self.text(column).strip()
        if not typed:
            return None
        try:
            return choices(typed.casefold())
        except ValueError:
            problems.append(
                Problem(
                    f'unknown {what} "{typed}"',
                    "write one of: " + ", ".join(c.value for c in choices),
                    self.ref(column),
                )
            )
            return None

    def ref(self, column: str) -> str:
        cells = self.table.cells(column)
        if not cells:
            return f"{self.table.name}!{self.number}:{self.number}"
        return f"{cells}{self.number}"

    def text(self, column: str) -> str:
        """The cleaned text of a cell; a dropped character or an Excel error is reported."""
        text = self.table.texts(column)[self.number]
        if text is not None:
            return text
        value = self.raw(column)
        if value is None:
            return ""
        text, dropped, error = _cell_text(value)
        if error:
            self.table.problems.append(
                Problem(
                    f"the cell holds the Excel error {error}",
                    "fix the formula or type the value",
                    self.ref(column),
                )
            )
            return ""
        if dropped:
            self.table.problems.append(
                Problem(
                    "unprintable control characters were removed from the text",
                    "check the cell reads as intended",
                    self.ref(column),
                    Severity.WARNING,
                )
            )
        return text

    def source(self, column: str) -> str:
        """The cell the edition's text of `column` comes from, to locate problems in it."""
        language = self.table.language
        if language is not Language.EN:
            twin = f"{column} {language.value}"
            if as_text(self.raw(twin)).strip():
                return self.ref(twin)
        return self.ref(column)

    def localized(self, column: str, *, fallback: bool = True) -> str:
        """The cell's text in the edition's language: from the column's twin (`Text fr`),
        else, with a warning, the English column's (or nothing, without `fallback`)."""
        language = self.table.language
        if language is Language.EN:
            return self.text(column)
        twin = f"{column} {language.value}"
        translated = self.text(twin)
        if translated or not fallback:
            return translated
        english = self.text(column)
        if english:
            self.table.untranslated(self, column, twin)
        return english


_UNAMBIGUOUS = frozenset({str, type(None)})


def _quiet_text(value: object) -> str | None:
    """The cell's text, or None when reading it says something (`SheetTable.texts`)."""
    if value is None:
        return ""
    text, dropped, error = _cell_text(value)
    return None if dropped or error else text


class _Once(dict[K, V]):
    """`function` of each key, computed the first time the key is met: mapped over a
    column, once per distinct value at the cost of a dict lookup for each repeat."""

    def __init__(self, function: Callable[[K], V]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: K) -> V:
        value = self[key] = self.function(key)
        return value


@lru_cache(maxsize=1 << 16, typed=True)
def _cell_text(value: object) -> tuple[str, bool, str]:
    """A cell value's clean text, whether characters were dropped from it, and the Excel
    error it holds ("" for none): once per distinct value, as a column repeats its values
    (a delegation for each of its delegates, a position for many)."""
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        return "", False, value.strip()
    text, dropped = clean_text(as_text(value))
    return text, dropped, ""


@dataclass
class SheetTable:
    name: str
    columns: dict[str, int]
    header: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    uncached: set[str] = field(default_factory=set)
    # Cells whose formula takes its value from other workbooks → those workbooks, said once
    # each when read; their warnings hide no other problem at the cell (`without_echoes`).
    linked: dict[str, str] = field(default_factory=dict)
    link_warnings: list[Problem] = field(default_factory=list)
    language: Language = Language.EN
    _missing: set[str] = field(default_factory=set)
    _texts: dict[str, list[str | None]] = field(default_factory=dict)
    _cells: dict[str, str] = field(default_factory=dict)

    def texts(self, column: str) -> list[str | None]:
        """Each row's text in `column`, by row number, where reading the cell says nothing.

        Computed for the whole column at once, once per distinct value, as a long list
        repeats its delegations and positions: `Row.text` then only looks its text up. A
        cell that has something to say (an Excel error, characters dropped, a formula
        without a saved result, a value from another workbook) is None here, and read by
        `Row.text` cell by cell, so its problem comes where and when it always did.
        """
        texts = self._texts.get(column)
        if texts is None:
            texts = self._texts[column] = self._column_texts(column)
        return texts

    def forget_texts(self) -> None:
        """Drop the columns' texts (`texts`), computed again should a row be read again."""
        self._texts.clear()

    def read_column(self, column: str, read: Callable[[str], T | None]) -> list[T | None]:
        """`read` of each row's text in `column` (`texts`), once per distinct text.

        None where the cell has something to say, and where `read` gives None for what
        its caller has to say about the text: the caller reads those rows' cells one by
        one, as it reads any other, and says it in its place among the row's problems.
        """
        once = _Once(read)
        once[None] = None
        return list(map(once.__getitem__, self.texts(column)))

    def same_column(self, value: T) -> list[T]:
        """`value` for every row, by row number, as `texts` gives a column."""
        return [value] * self._size()

    def _size(self) -> int:
        """The length of a column by row number: one past the last row's."""
        return self.rows[-1].number + 1 if self.rows else 0

    def _column_texts(self, column: str) -> list[str | None]:
        index = self.columns.get(normalise_name(column))
        if index is None:
            return self.same_column("")
        size = self._size()
        grid = [row.values for row in self.rows]
        if min(map(len, grid), default=0) > index:
            values = list(map(itemgetter(index), grid))
        else:
            values = [cells[index] if index < len(cells) else None for cells in grid]
        if _UNAMBIGUOUS.issuperset(map(type, values)):
            texts = list(map(_Once(_quiet_text).__getitem__, values))
        else:  # 1, 1.0 and True are one key to a dict, and three texts
            texts = [_quiet_text(value) for value in values]
        if len(texts) == size - 2:  # every row from 2 on holds something: the usual case
            by_number = [None, None, *texts]
        else:
            by_number = [None] * size
            for row, text in zip(self.rows, texts, strict=True):
                by_number[row.number] = text
        for number in self._noted(self.cells(column)):
            if number < size:
                by_number[number] = None
        return by_number

    def _noted(self, cells: str) -> set[int]:
        """The rows whose cell of the column (`Sheet!C`) is a formula without a saved result
        or a value from another workbook not yet said."""
        refs = (ref.removeprefix(cells) for ref in [*self.uncached, *self.linked])
        return {int(row) for row in refs if row.isdigit()}

    def cells(self, column: str) -> str:
        """`Participants!C`, the start of each reference to a cell of `column`; "" when
        the sheet has no such column. Once per column, as each row's problems and each
        delegate are located by it."""
        cells = self._cells.get(column)
        if cells is None:
            index = self.columns.get(normalise_name(column))
            cells = "" if index is None else f"{self.name}!{column_letters(index + 1)}"
            self._cells[column] = cells
        return cells

    def untranslated(self, row: Row, column: str, twin: str, instead: str = "") -> None:
        """A text another edition prints `instead` (by default the English): said at the
        empty cell, or once for the sheet when the whole column is missing, at the header of
        the column it would stand beside."""
        name = language_name(self.language)
        if normalise_name(twin) in self.columns:
            self.problems.append(
                Problem(
                    f'no {name} text in "{twin}", so the {name} edition prints '
                    + (instead or "the English"),
                    f"type the {name} text in the cell",
                    row.ref(twin),
                    Severity.WARNING,
                )
            )
        elif twin not in self._missing:
            self._missing.add(twin)
            self.problems.append(
                Problem(
                    f'no column "{twin}", so the {name} edition prints '
                    + (instead or f"the {column} column's English text"),
                    f'add a column "{twin}" with the {name} text beside it',
                    self._header_ref(column),
                    Severity.WARNING,
                )
            )

    def _header_ref(self, column: str) -> str:
        """`Report!B1`, the header cell of `column`; the header row when it has none."""
        index = self.columns.get(normalise_name(column))
        return f"{self.name}!1:1" if index is None else cell_ref(self.name, index + 1, 1)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


class OpenWorkbook:
    """A workbook opened for reading; sheets are read as tables on demand, all from the
    bytes read once (`Source`)."""

    def __init__(self, source: Source | Path, language: Language = Language.EN) -> None:
        self.source = source if isinstance(source, Source) else read_source(source)
        self.path = self.source.path
        self.language = language
        self.book = _open(self.source)
        self.tables: list[SheetTable] = []
        self.titles: list[str] = list(self.book.sheet_names)
        self.sheet_names = {normalise_name(title): title for title in self.titles}
        self._parts = sheet_parts(self.source.data, str(self.path))

    def close(self) -> None:
        """Close the reader, and let go of the columns read whole (`SheetTable.texts`): a
        table and its rows hold each other, and wait for a full collection to be freed,
        which need not find every column's texts with them."""
        self.book.close()
        for table in self.tables:
            table.forget_texts()

    def table(
        self, sheet: str, required: tuple[str, ...], problems: list[Problem], optional: bool = False
    ) -> SheetTable | None:
        """Read one sheet; a missing sheet or column is a problem naming what does exist."""
        title = self.sheet_names.get(normalise_name(sheet))
        if title is None:
            if not optional:
                problems.append(self.missing_sheet(sheet, "", required))
            return None
        scan = self._scan(title)
        try:
            grid = _filled_grid(self.book, title, scan)
        except Exception as exc:  # malformed sheet XML surfaces only now, in calamine's parse
            raise InputError(
                str(self.path),
                [
                    Problem(
                        f'the sheet "{title}" cannot be read (its XML is damaged)',
                        "open it in Excel and save it again as .xlsx",
                    )
                ],
            ) from exc
        header = tuple(as_text(v).strip() for v in (grid[0] if grid else ()))
        columns: dict[str, int] = {}
        for index, name in enumerate(header):
            key = normalise_name(name)
            if key and key not in columns:
                columns[key] = index
        uncached = {f"{title}!{cell}" for cell in scan.uncached_formulas}
        table = SheetTable(
            title,
            columns,
            header,
            uncached=uncached,
            linked=self._linked(title, scan, grid) if scan.linked else {},
            language=self.language,
        )
        self.tables.append(table)
        missing = [c for c in required if normalise_name(c) not in columns]
        if missing:
            found = ", ".join(h for h in header if h) or "none"
            problems.append(
                Problem(
                    f"missing column{'s' if len(missing) > 1 else ''} "
                    + ", ".join(f'"{c}"' for c in missing)
                    + f" (columns found: {found})",
                    "add the column header in row 1",
                    f"{title}!1:1",
                )
            )
            return None
        for number, values in enumerate(grid[1:], start=2):
            if any(map(_shows, values)):
                table.rows.append(Row(table, number, values))
        problems.extend(_merge_warnings(title, scan))
        return table

    def missing_sheet(
        self, sheet: str, where: str, columns: tuple[str, ...] = ("Kind", "Text")
    ) -> Problem:
        """The problem of a sheet that is not there; `where` is the cell that names it."""
        found = ", ".join(self.titles) or "none"
        return Problem(
            f'the sheet "{sheet}" is missing (sheets found: {found})',
            f'add a sheet named "{sheet}" with the columns {", ".join(columns)}',
            where,
        )

    def has_sheet(self, sheet: str) -> bool:
        return normalise_name(sheet) in self.sheet_names

    def without_echoes(self, problems: list[Problem]) -> list[Problem]:
        """Drop "is empty" errors for cells already reported for what they really hold.

        A cell holding `#REF!` or an uncomputed formula reads as empty; its own problem
        says more than a second one saying the cell is empty.
        """
        cell_problems = [p for table in self.tables for p in table.problems]
        own = {id(p) for p in cell_problems}
        # A linked cell's value is there, as last saved: whatever else is wrong with it counts.
        linked = {id(p) for table in self.tables for p in table.link_warnings}
        flagged = {p.location for p in cell_problems if id(p) not in linked}
        return [p for p in problems if id(p) in own or p.location not in flagged]

    @cached_property
    def package(self) -> PackageNotes:
        """The macros and links to other workbooks the package holds."""
        return read_package_notes(self.source.data)

    def _linked(self, title: str, scan: SheetScan, grid: list[tuple[Any, ...]]) -> dict[str, str]:
        """`Sheet!C14` → the workbooks its formula takes its value from, for each cell holding
        a value as last saved: a cell with no saved value or an error is reported as such."""
        cells = dict(scan.linked)
        for (left, top, right, bottom), books in scan.linked_ranges:
            for row in range(top, min(bottom, len(grid)) + 1):
                for column in range(left, min(right, len(grid[row - 1])) + 1):
                    cells.setdefault(f"{column_letters(column)}{row}", books)
        skipped = set(scan.uncached_formulas) | scan.errors.keys()
        return {
            f"{title}!{cell}": self.package.books(books)
            for cell, books in cells.items()
            if cell not in skipped
        }

    def _scan(self, title: str) -> SheetScan:
        member = self._parts.get(title)
        return scan_sheet(self.source.data, member) if member else SheetScan()


def _shows(value: Any) -> bool:
    """Whether a cell shows anything, as a row of empty or blank cells does not; mapped over
    each row at C speed, where a generator cost a list of 10,000 rows 9 ms."""
    return value is not None and bool(as_text(value).strip())


def _filled_grid(book: Any, title: str, scan: SheetScan) -> list[tuple[Any, ...]]:
    """The sheet's rows up to the last one holding a value, merged cells filled downward.

    A value merged down a column (a delegation written once for its three delegates)
    belongs to every row of the merge, as a reader of the sheet sees it. Error cells take
    back the error the workbook saved in them (`#REF!`), to be reported at their cell.
    """
    grid = sheet_grid(book, title)
    for cell, error in scan.errors.items():
        column, row = position(cell)
        while len(grid) < row:
            grid.append([])
        line = grid[row - 1]
        line.extend([None] * (column - len(line)))
        line[column - 1] = error
    for left, top, right, bottom in scan.merged:
        if left != right or top > len(grid):
            continue
        value = grid[top - 1][left - 1] if left <= len(grid[top - 1]) else None
        for row in grid[top : min(bottom, len(grid))]:
            row.extend([None] * (left - len(row)))
            row[left - 1] = value
    return [tuple(row) for row in grid]


def _merge_warnings(title: str, scan: SheetScan) -> list[Problem]:
    """Cells merged across columns keep their value in the first column only."""
    return [
        Problem(
            f"cells {_range_ref(bounds)} are merged across columns; only the first is read",
            "unmerge the cells and put each value in its own column",
            f"{title}!{_range_ref(bounds)}",
            Severity.WARNING,
        )
        for bounds in scan.merged
        if bounds[0] != bounds[2]
    ]


def _range_ref(bounds: tuple[int, int, int, int]) -> str:
    left, top, right, bottom = bounds
    return f"{column_letters(left)}{top}:{column_letters(right)}{bottom}"


def _open(source: Source) -> Any:
    # Broken and hostile files (impostors, truncation, zip bombs, XML entities) were refused
    # when the bytes were read, before the reader, which guards against none of the zip
    # ones, sees them.
    checked(source)
    try:
        return open_book(io.BytesIO(source.data))
    except Exception as exc:  # the reader raises many types for damaged files
        raise InputError(
            str(source.path),
            [
                Problem(
                    "the workbook cannot be read (it is damaged inside)",
                    "open it in Excel and save it again as .xlsx",
                )
            ],
        ) from exc
