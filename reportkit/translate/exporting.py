"""`reportkit translate export`: a workbook's translatable cells as an XLIFF file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportkit.model import Language
from reportkit.read.source import checked, read_source
from reportkit.read.translation_record import read_record
from reportkit.read.workbook import OpenWorkbook
from reportkit.translate.units import workbook_units
from reportkit.translate.xliff import Exported, xliff_bytes


@dataclass(frozen=True)
class Export:
    """The XLIFF file's bytes and how many of its units are at each stage."""

    data: bytes
    translated: int
    to_translate: int
    to_review: int


def export_workbook(workbook: Path, language: Language) -> Export:
    """The XLIFF of `workbook` for `language`; `InputError` when it cannot be read."""
    source = checked(read_source(workbook))
    book = OpenWorkbook(source, language)
    try:
        units = workbook_units(book, language)
        record = read_record(book)
    finally:
        book.close()
    exported = [
        Exported(
            unit,
            record.outgrown(unit.sheet, unit.column, language, unit.translation, unit.english)
            if unit.translation
            else None,
        )
        for unit in units
    ]
    to_translate = sum(not e.unit.translation for e in exported)
    to_review = sum(e.outgrown is not None for e in exported)
    return Export(
        xliff_bytes(workbook.name, language, exported),
        len(exported) - to_translate - to_review,
        to_translate,
        to_review,
    )
