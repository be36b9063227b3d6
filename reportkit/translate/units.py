"""The translatable cells of a workbook, each a unit whose id survives the workbook's edits.

A unit is one English cell of a column the schema marks translated (`Text`, `Position`,
a Meeting field's `Value` …) with its twin cell for the language (`Text fr`). Its id says
where it is by what its row is, never by its row number, so that rows inserted, deleted
or sorted while a translator works leave every other unit's id as it was:

    Meeting/title/Value                          the Meeting field
    Annexes/agenda/Title, Annexes/Opening Statement/Title
    Delegations/Kuwait/Heading                   the delegation
    Participants/Guyana/Christopher Deen/Position
    Programme/2022-11-01 13.15-13.30/Title       the slot: its day (when given) and times
    Report/opening/Text                          the row's Key, where it has one
    Report/#3f9a2c1d/Text                        else the English text's fingerprint

Rows of running text (Report, Agenda, text annexes) have nothing else that says what they
are, so their own English names them: a corrected paragraph is a new unit, and the old
one's translation is refused on import as no longer in the workbook. The same id twice
(two rows of one text, two delegates of one name) is numbered on: `~2`, `~3`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from reportkit.model import Language
from reportkit.problems import Problem, cell_ref
from reportkit.read.cells import LINE_BREAKS, XML_ILLEGAL, as_text, one_line, to_date, to_time
from reportkit.read.workbook import OpenWorkbook, Row, SheetTable, normalise_name
from reportkit.schema import MEETING_FIELDS, SHEETS

_TRANSLATED_FIELDS = {normalise_name(f.name): f.name for f in MEETING_FIELDS if f.translated}
_AGENDA_KINDS = {"item": "agenda item", "unnumbered": "agenda line"}


@dataclass(frozen=True)
class Unit:
    """One English cell to translate, and the twin cell its translation goes in."""

    id: str
    sheet: str
    column: str
    row: int
    source_column: int
    twin_column: int | None
    kind: str
    english: str
    translation: str

    @property
    def location(self) -> str:
        """The English cell, `Report!B7`."""
        return cell_ref(self.sheet, self.source_column, self.row)

    def twin(self, language: Language) -> str:
        """The twin column's name, `Text fr`."""
        return f"{self.column} {language.value}"


def typed(value: object) -> str:
    """A cell's text as typed, spaces and no-break spaces kept (French typography is in
    them), its line breaks as `\\n` and without the characters XML cannot carry."""
    return XML_ILLEGAL.sub("", LINE_BREAKS.sub("\n", as_text(value)))


def fingerprint(text: str) -> str:
    """Eight hexadecimal digits naming a text, whitespace aside."""
    words = " ".join(text.split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:8]


def workbook_units(book: OpenWorkbook, language: Language) -> list[Unit]:
    """Every translatable cell holding English, sheet by sheet in the schema's order."""
    found = _Collector(book, language)
    found.meeting()
    text_sheets = found.annexes()
    found.running_text("Report")
    found.agenda()
    for title in text_sheets:
        found.running_text(title)
    found.programme()
    found.participants()
    found.delegations()
    return found.units


class _Collector:
    """Reads each sheet once and gathers its units, numbering repeated ids."""

    def __init__(self, book: OpenWorkbook, language: Language) -> None:
        self.book = book
        self.language = language
        self.units: list[Unit] = []
        self._ids: dict[str, int] = {}

    def _table(self, name: str) -> SheetTable | None:
        ignored: list[Problem] = []  # the workbook's problems are `check`'s to say
        return self.book.table(name, (), ignored, optional=True)

    def _add(self, table: SheetTable, row: Row, column: str, key: str, kind: str) -> None:
        index = table.columns.get(normalise_name(column))
        if index is None:
            return
        english = typed(row.values[index] if index < len(row.values) else None).strip()
        if not english:
            return
        twin = table.columns.get(normalise_name(f"{column} {self.language.value}"))
        translation = typed(row.values[twin]) if twin is not None and twin < len(row.values) else ""
        base = f"{sheet_name(table)}/{key}/{column}"
        count = self._ids.get(base, 0) + 1
        self._ids[base] = count
        self.units.append(
            Unit(
                base if count == 1 else f"{base}~{count}",
                table.name,
                column,
                row.number,
                index + 1,
                None if twin is None else twin + 1,
                kind,
                english,
                translation.strip(),
            )
        )

    def meeting(self) -> None:
        table = self._table("Meeting")
        for row in table or ():
            field = _TRANSLATED_FIELDS.get(normalise_name(row.text("Field")))
            if field is not None:
                self._add(table, row, "Value", field, f"the meeting's {field.replace('_', ' ')}")

    def annexes(self) -> list[str]:
        """The Annexes sheet's titles; the sheets holding text annexes, by their titles."""
        table = self._table("Annexes")
        titles = []
        for row in table or ():
            kind = normalise_name(row.text("Kind"))
            named = one_line(row.text("Sheet")).strip()
            target = self.book.sheet_names.get(normalise_name(named)) if named else None
            if kind == "text" and target is not None and target not in titles:
                titles.append(target)
            key = named if kind == "text" and named else kind or f"row {row.number}"
            self._add(table, row, "Title", key, "the title of an annex")
        return titles

    def running_text(self, name: str) -> None:
        """The Report sheet, or a text annex's sheet laid out like it."""
        table = self._table(name)
        for row in table or ():
            key = one_line(row.text("Key")).strip() if "key" in table.columns else ""
            kind = row.text("Kind").strip().casefold() or "text"
            place = "" if name == "Report" else f" of the annex sheet {table.name}"
            self._add(table, row, "Text", key or _hashed(row, table), f"{kind}{place}")

    def agenda(self) -> None:
        table = self._table("Agenda")
        for row in table or ():
            kind = _AGENDA_KINDS.get(row.text("Kind").strip().casefold(), "agenda line")
            self._add(table, row, "Text", _hashed(row, table), kind)
            self._add(table, row, "Note", _hashed(row, table, "Note"), f"note under an {kind}")

    def programme(self) -> None:
        table = self._table("Programme")
        day: date | None = None
        for row in table or ():
            day = to_date(row.raw("Day")) or day
            times = "-".join(_clock(row.raw(c)) for c in ("Start", "End"))
            key = f"{day.isoformat()} {times}" if day else times
            if times == "-":
                key = _hashed(row, table, "Title")
            for column, kind in _SLOT_PARTS:
                self._add(table, row, column, key, kind)

    def participants(self) -> None:
        table = self._table("Participants")
        for row in table or ():
            delegation = one_line(row.text("Delegation")).strip()
            name = " ".join(one_line(row.text(c)).strip() for c in ("First name", "Last name"))
            person = " ".join(f"{row.text('Honorific').strip()} {name}".split())
            key = f"{delegation}/{name.strip()}"
            for column in ("Position", "Organisation"):
                what = f"{column.casefold()} of {person} ({delegation})"
                self._add(table, row, column, key, what)

    def delegations(self) -> None:
        table = self._table("Delegations")
        for row in table or ():
            delegation = one_line(row.text("Delegation")).strip()
            self._add(table, row, "Heading", delegation, "heading of a delegation's people")


_SLOT_PARTS = (
    ("Title", "title of a programme slot"),
    ("Description", "description of a programme slot"),
    ("Points", "points of a programme slot, one per line"),
)
_KNOWN_SHEETS = {normalise_name(s.name): s.name for s in SHEETS}


def sheet_name(table: SheetTable) -> str:
    """The sheet as ids name it: the schema's spelling of a known sheet, whatever case the
    workbook gives it, so that renaming `report` to `Report` keeps every id."""
    return _KNOWN_SHEETS.get(normalise_name(table.name), table.name)


def _hashed(row: Row, table: SheetTable, column: str = "Text") -> str:
    index = table.columns.get(normalise_name(column))
    value = row.values[index] if index is not None and index < len(row.values) else None
    return f"#{fingerprint(typed(value))}"


def _clock(value: object) -> str:
    moment = to_time(value)
    return moment.strftime("%H.%M") if moment else one_line(typed(value)).strip()
