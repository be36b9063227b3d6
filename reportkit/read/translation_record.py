"""Which English text each translation was made for, and the translations it has outgrown.

`reportkit translate import` writes, on a hidden sheet of the workbook itself, each French
or Arabic text it put in a twin column (`Text fr`) beside the English it translated: the
record travels with the workbook wherever rapporteurs and translators send it, as a file
kept beside it would not. A translation whose English has changed since is said at its
cell, and the next export marks it for review.

The record is keyed by the translation's own text, not by its row or cell: rows inserted,
deleted, sorted or moved keep their translation's record. A translation edited by hand
after the import is no longer in the record, and so counts as reviewed by whoever edited it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from reportkit.arrange.language import language_name
from reportkit.model import Language
from reportkit.problems import Problem, Severity, column_letters
from reportkit.read.cell_values import sheet_grid
from reportkit.read.cells import as_text, clean_text
from reportkit.read.workbook import OpenWorkbook, SheetTable, normalise_name

RECORD_SHEET = "reportkit translations"
RECORD_HEADER = ("Sheet", "Column", "Language", "Translation", "English")

# (sheet, English column, language), each as `normalise_name` has it.
Place = tuple[str, str, str]


def cleaned(value: object) -> str:
    """A cell's text as reportkit reads it, so that texts compare as they print."""
    return clean_text(as_text(value))[0]


@dataclass
class Record:
    """Per translated column, each translation → the English texts it was made for."""

    made_for: dict[Place, dict[str, set[str]]] = field(default_factory=dict)
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def add(self, sheet: str, column: str, language: str, translation: str, english: str) -> None:
        place = (normalise_name(sheet), normalise_name(column), language.strip().casefold())
        texts = self.made_for.setdefault(place, defaultdict(set))
        texts[cleaned(translation)].add(cleaned(english))
        self.rows.append((sheet, column, language, translation, english))

    def outgrown(
        self, sheet: str, column: str, language: Language, translation: str, english: str
    ) -> str | None:
        """The English a translation was made for, when the English is now another: None
        when it is not in the record, or was made for this English."""
        place = (normalise_name(sheet), normalise_name(column), language.value)
        made_for = self.made_for.get(place, {}).get(cleaned(translation))
        if not made_for or cleaned(english) in made_for:
            return None
        return min(made_for)


def read_record(book: OpenWorkbook) -> Record:
    """The record the workbook holds; an empty one when it has none."""
    record = Record()
    title = book.sheet_names.get(normalise_name(RECORD_SHEET))
    if title is None:
        return record
    for values in sheet_grid(book.book, title)[1:]:
        cells = [as_text(v) for v in (*values, *[None] * len(RECORD_HEADER))]
        sheet, column, language, translation, english = cells[: len(RECORD_HEADER)]
        if sheet and column and language and translation.strip():
            record.add(sheet, column, language, translation, english)
    return record


def stale_translations(book: OpenWorkbook) -> list[Problem]:
    """A warning at each translation of the edition's language whose English changed since
    it was written, among the sheets the edition read (`book.tables`)."""
    if book.language is Language.EN or not book.has_sheet(RECORD_SHEET):
        return []
    record = read_record(book)
    places = {(s, c) for s, c, language in record.made_for if language == book.language.value}
    problems: list[Problem] = []
    seen: set[str] = set()
    for table in book.tables:
        if table.name in seen:
            continue
        seen.add(table.name)
        for sheet, column in places:
            if sheet == normalise_name(table.name):
                problems += _stale_in(table, column, record, book.language)
    return problems


def _stale_in(table: SheetTable, column: str, record: Record, language: Language) -> list[Problem]:
    source = table.columns.get(column)
    twin = table.columns.get(normalise_name(f"{column} {language.value}"))
    if source is None or twin is None:
        return []
    name = language_name(language)
    problems = []
    for row in table.rows:
        english = row.values[source] if source < len(row.values) else None
        translation = row.values[twin] if twin < len(row.values) else None
        if translation is None or not cleaned(translation):
            continue
        if record.outgrown(table.name, column, language, as_text(translation), as_text(english)):
            problems.append(
                Problem(
                    f"the English in {column_letters(source + 1)}{row.number} changed after"
                    f" this {name} text was written",
                    "review it; editing it, or importing it reviewed with reportkit"
                    " translate, clears this warning",
                    f"{table.name}!{column_letters(twin + 1)}{row.number}",
                    Severity.WARNING,
                )
            )
    return problems
